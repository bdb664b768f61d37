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
        /* A real link (new tab, middle click, copy address), kept out of the Tab order: the
           arrow keys move through the options, as a listbox's options. */
        var item = document.createElement("li");
        item.setAttribute("role", "none");
        var option = document.createElement("a");
        option.href = root + article.path;
        option.tabIndex = -1;
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
        /* The input keeps the focus (and the list stays open) until the link's own click. */
        option.addEventListener("mousedown", function (event) { if (event.button === 0) event.preventDefault(); });
        item.appendChild(option);
        list.appendChild(item);
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
        meta.textContent = article.collection + (article.description ? "\u00a0· " + article.description : "");
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

  /* Table of contents: open beside the article on wide screens (the stylesheet's breakpoint),
     a collapsed disclosure on narrow ones; the section being read is marked with
     aria-current="location". */
  var toc = document.querySelector(".toc");
  var tocDetails = toc && toc.querySelector("details");
  if (tocDetails && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 68rem)");
    var fitContents = function () { tocDetails.open = wide.matches; };
    fitContents();
    if (wide.addEventListener) wide.addEventListener("change", fitContents);
  }
  if (toc && "IntersectionObserver" in window) {
    var tocLinks = [], tocHeadings = [];
    toc.querySelectorAll("a[href^='#']").forEach(function (link) {
      var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (heading) { tocLinks.push(link); tocHeadings.push(heading); }
    });
    /* The current section is the last one whose heading has passed the upper third of the
       window (the last one, once the page is scrolled to its end). */
    var markCurrent = function () {
      var line = window.innerHeight / 3, current = -1;
      tocHeadings.forEach(function (heading, i) { if (heading.getBoundingClientRect().top <= line) current = i; });
      var end = document.documentElement;
      if (tocHeadings.length && window.scrollY > 0 && window.innerHeight + window.scrollY >= end.scrollHeight - 2) {
        current = tocHeadings.length - 1;
      }
      tocLinks.forEach(function (link, i) {
        if (i === current) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      });
    };
    /* Told whenever a heading crosses that line (the root reaches far above the window, so a
       jump over a heading counts too) and when the page's end comes into view. */
    var sectionObserver = new IntersectionObserver(markCurrent, { rootMargin: "100000px 0px -67% 0px" });
    tocHeadings.forEach(function (heading) { sectionObserver.observe(heading); });
    var footer = document.querySelector(".site-footer");
    if (footer) new IntersectionObserver(markCurrent).observe(footer);
  }

  /* Tables: the scroll box takes focus only while there is something to scroll. */
  if ("ResizeObserver" in window) {
    var fitTable = function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
      else if (box !== document.activeElement) box.removeAttribute("tabindex");
    };
    var tableObserver = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { fitTable(entry.target); });
    });
    document.querySelectorAll(".table-wrapper[role=region]").forEach(function (box) { tableObserver.observe(box); });
  }

  /* Figures open larger in a dialog (Escape or Close closes it; focus goes back to the
     image's link). Without scripts, or with a modifier key, the link opens the image file. */
  var figureLinks = document.querySelectorAll("a.figure-image");
  var dialogSupported = typeof HTMLDialogElement === "function" && "showModal" in HTMLDialogElement.prototype;
  if (figureLinks.length && dialogSupported) {
    var dialog = document.createElement("dialog");
    dialog.className = "image-dialog";
    dialog.setAttribute("aria-labelledby", "image-dialog-title");
    var bar = document.createElement("div");
    bar.className = "image-dialog-bar";
    var dialogTitle = document.createElement("p");
    dialogTitle.className = "image-dialog-title";
    dialogTitle.id = "image-dialog-title";
    var closeButton = document.createElement("button");
    closeButton.type = "button";
    closeButton.className = "image-dialog-close";
    closeButton.textContent = "Close";
    bar.appendChild(dialogTitle);
    bar.appendChild(closeButton);
    var view = document.createElement("div");
    view.className = "image-dialog-view";
    /* It scrolls when the image is wider than the window: reachable by keyboard. */
    view.tabIndex = 0;
    view.setAttribute("role", "region");
    view.setAttribute("aria-label", "The image, full size");
    var large = document.createElement("img");
    view.appendChild(large);
    dialog.appendChild(bar);
    dialog.appendChild(view);
    document.body.appendChild(dialog);
    var opener = null;
    closeButton.addEventListener("click", function () { dialog.close(); });
    /* A click on the backdrop (outside the dialog's box) closes it too. */
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () {
      large.removeAttribute("src");
      if (opener) { opener.focus(); opener = null; }
    });
    figureLinks.forEach(function (link) {
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        var image = link.querySelector("img");
        if (!image) return;
        event.preventDefault();
        var caption = link.parentNode.querySelector("figcaption");
        dialogTitle.textContent = caption ? caption.textContent : image.alt;
        large.alt = image.alt;
        large.src = link.getAttribute("href");
        /* Larger than in the page: up to one and a half times its own width within the
           window, and never narrower than its own width (a phone scrolls it). */
        var natural = Number(image.getAttribute("width")) || image.naturalWidth || 800;
        var room = Math.max(0, window.innerWidth - 48);
        large.style.width = Math.round(Math.max(natural, Math.min(room, natural * 1.5))) + "px";
        opener = link;
        dialog.showModal();
        closeButton.focus();
      });
    });
  }
})();
