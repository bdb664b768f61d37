/* HelpCenter reader features: relative dates, feedback, instant search. No request leaves
   the site unless the site configures a feedback endpoint. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";

  /* "Updated over a month ago", computed in the reader's browser so it never goes stale. */
  function relativeDate(then, now) {
    var days = Math.floor((now - then) / 86400000);
    if (days < 1) return "today";
    if (days < 2) return "yesterday";
    if (days < 7) return days + " days ago";
    if (days < 14) return "over a week ago";
    if (days < 31) return Math.floor(days / 7) + " weeks ago";
    if (days < 62) return "over a month ago";
    if (days < 365) return "over " + Math.floor(days / 30.44) + " months ago";
    if (days < 730) return "over a year ago";
    return "over " + Math.floor(days / 365.25) + " years ago";
  }
  document.querySelectorAll("time[data-relative]").forEach(function (element) {
    var parts = (element.getAttribute("datetime") || "").split("-").map(Number);
    if (parts.length !== 3 || parts.some(isNaN)) return;
    var then = Date.UTC(parts[0], parts[1] - 1, parts[2]);
    var phrase = relativeDate(then, Date.now());
    element.setAttribute("title", element.textContent);
    element.textContent = phrase;
  });

  /* "Did this answer your question?": remembered on this device; posted only when configured
     (docs/feedback.md). After "No" or "Partly" a comment box is offered; the comment is added
     to the vote just sent, through the id the collector answered with. */
  document.querySelectorAll(".feedback").forEach(function (widget) {
    var article = widget.getAttribute("data-article") || location.pathname;
    var endpoint = widget.getAttribute("data-endpoint");
    var key = "helpcenter-feedback:" + article;
    var status = widget.querySelector(".feedback-status");
    var buttons = widget.querySelectorAll(".feedback-reaction");
    var form = widget.querySelector(".feedback-comment");
    var sent = null;
    function say(text) { if (status) status.textContent = text; }
    function show(reaction) {
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-reaction") === reaction));
      });
    }
    function post(body) {
      return fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) throw new Error(answer.message || "status " + response.status);
          return answer;
        });
      });
    }
    var saved = null;
    try { saved = localStorage.getItem(key); } catch (error) { saved = null; }
    if (saved) { show(saved); say("Thanks for letting us know."); }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var reaction = button.getAttribute("data-reaction");
        var previous = saved;
        saved = reaction;
        try { localStorage.setItem(key, reaction); } catch (error) { /* private mode: nothing kept */ }
        show(reaction);
        if (!endpoint || !window.fetch) { say("Thanks for letting us know."); return; }
        if (reaction === previous && sent) { say("Thanks for letting us know."); return; }
        if (form) form.hidden = true;
        say("Sending your answer…");
        post({ article: article, reaction: reaction, page: location.pathname }).then(function (answer) {
          sent = { reaction: reaction, vote: answer.vote };
          say("Thanks for letting us know.");
          if (form && answer.vote && reaction !== "yes") form.hidden = false;
        }).catch(function () {
          sent = null;
          say("Your answer could not be sent; it is kept on this device only. Please try again later.");
        });
      });
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var field = form.querySelector("textarea");
        var comment = field ? field.value.trim() : "";
        if (!comment || !sent) return;
        say("Sending your comment…");
        post({ article: article, reaction: sent.reaction, page: location.pathname, comment: comment, vote: sent.vote }).then(function () {
          form.hidden = true;
          say("Thanks, your comment was sent.");
        }).catch(function () {
          say("Your comment could not be sent. Please try again later.");
        });
      });
    }
  });

  /* Search: the build's index, loaded on first use as a script (works from file:// too). */
  var index = null, loading = null;
  function loadIndex() {
    if (index) return Promise.resolve(index);
    if (loading) return loading;
    loading = new Promise(function (resolve) {
      if (window.HelpCenterSearchIndex) { index = prepare(window.HelpCenterSearchIndex); return resolve(index); }
      var script = document.createElement("script");
      script.src = root + "assets/search-index.js";
      script.onload = function () { index = prepare(window.HelpCenterSearchIndex || { articles: [] }); resolve(index); };
      script.onerror = function () { index = []; resolve(index); };
      document.head.appendChild(script);
    });
    return loading;
  }
  function normalise(text) {
    return (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return normalise(text).split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean);
  }
  function prepare(data) {
    return data.articles.map(function (row) {
      return {
        title: row[0], path: row[1], collection: row[2], description: row[3],
        fields: [
          { words: words(row[0]), weight: 12 },
          { words: words(row[4]), weight: 5 },
          { words: words(row[5]), weight: 5 },
          { words: words(row[3]), weight: 3 },
          { words: words(row[6]), weight: 1 }
        ],
        titleText: normalise(row[0])
      };
    });
  }
  /* Every query word must match a word of the article (the last one as a prefix, since the
     reader is still typing); matches in the title count most. */
  function search(query, limit) {
    var terms = words(query);
    if (!terms.length || !index) return [];
    var results = [];
    index.forEach(function (article) {
      var score = 0;
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t], last = t === terms.length - 1, best = 0;
        article.fields.forEach(function (field) {
          for (var w = 0; w < field.words.length; w++) {
            var word = field.words[w];
            if (word === term) { best = Math.max(best, field.weight * 2); break; }
            if ((last || term.length > 3) && word.indexOf(term) === 0) best = Math.max(best, field.weight);
          }
        });
        if (!best) return;
        score += best;
      }
      var phrase = normalise(query).trim();
      if (article.titleText.indexOf(phrase) === 0) score += 20;
      else if (article.titleText.indexOf(phrase) > 0) score += 8;
      results.push({ article: article, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score || a.article.title.localeCompare(b.article.title); });
    return results.slice(0, limit).map(function (result) { return result.article; });
  }

  /* The header's search box: a combobox with a listbox of results and arrow-key navigation. */
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (input && list) {
    var active = -1, shown = [];
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(position) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === position)); });
      active = position;
      if (position >= 0 && options[position]) {
        input.setAttribute("aria-activedescendant", options[position].id);
        options[position].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function render() {
      shown = search(input.value, 8);
      list.textContent = "";
      if (!input.value.trim()) { close(); return; }
      if (!shown.length) {
        var empty = document.createElement("li");
        empty.className = "search-empty";
        empty.setAttribute("role", "option");
        empty.setAttribute("aria-disabled", "true");
        empty.id = "search-option-none";
        empty.textContent = "No articles match “" + input.value.trim() + "”";
        list.appendChild(empty);
      }
      shown.forEach(function (article, i) {
        var option = document.createElement("li");
        option.id = "search-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-path", article.path);
        var title = document.createElement("span");
        title.className = "search-result-title";
        title.textContent = article.title;
        var meta = document.createElement("span");
        meta.className = "search-result-meta";
        meta.textContent = article.collection;
        option.appendChild(title);
        option.appendChild(meta);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); go(article); });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(shown.length ? 0 : -1);
    }
    function go(article) { location.href = root + article.path; }
    input.addEventListener("focus", loadIndex);
    input.addEventListener("input", function () { loadIndex().then(render); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && shown.length) { event.preventDefault(); highlight((active + 1) % shown.length); }
      else if (event.key === "ArrowUp" && shown.length) { event.preventDefault(); highlight((active - 1 + shown.length) % shown.length); }
      else if (event.key === "Enter" && active >= 0 && shown[active]) { event.preventDefault(); go(shown[active]); }
      else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  /* The search page: results for ?q=, updated as the reader types. */
  var pageInput = document.getElementById("search-page-input");
  var pageResults = document.getElementById("search-page-results");
  var pageStatus = document.getElementById("search-page-status");
  if (pageInput && pageResults) {
    function renderPage() {
      var query = pageInput.value.trim();
      var found = search(query, 50);
      pageResults.textContent = "";
      found.forEach(function (article) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + article.path;
        var title = document.createElement("span");
        title.className = "article-list-title";
        title.textContent = article.title;
        link.appendChild(title);
        item.appendChild(link);
        var meta = document.createElement("p");
        meta.textContent = article.collection + (article.description ? " · " + article.description : "");
        item.appendChild(meta);
        pageResults.appendChild(item);
      });
      if (pageStatus) {
        pageStatus.textContent = !query ? "Type a word or two to find articles."
          : found.length === 1 ? "1 article matches “" + query + "”."
          : found.length + " articles match “" + query + "”.";
      }
      if (history.replaceState) {
        var url = query ? "?q=" + encodeURIComponent(query) : location.pathname;
        history.replaceState(null, "", url);
      }
    }
    pageInput.value = new URLSearchParams(location.search).get("q") || "";
    loadIndex().then(renderPage);
    pageInput.addEventListener("input", function () { loadIndex().then(renderPage); });
    pageInput.form.addEventListener("submit", function (event) { event.preventDefault(); renderPage(); });
  }
})();
