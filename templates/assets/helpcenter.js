/* HelpCenter reader features: relative dates, feedback, the contents list and the image
   dialog (search is in search.js). No request leaves the site unless the site configures a
   feedback endpoint. */
(function () {
  "use strict";

  /* Opened from a folder (file://: a build looked at before it is published, or a help centre
     kept for reading offline), a link to a page's folder shows the folder's listing, where a
     web server answers with its index.html. There, every link and search form that leads to a
     folder is pointed at the folder's index.html (search.js does the same for its results). */
  if (location.protocol === "file:") {
    var isFolder = function (url) { return url.protocol === "file:" && url.pathname.slice(-1) === "/"; };
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (isFolder(link)) link.pathname += "index.html";
    });
    document.querySelectorAll("form").forEach(function (form) {
      var target = new URL(form.getAttribute("action") || "", location.href);
      if (isFolder(target)) {
        target.pathname += "index.html";
        form.action = target.href;
      }
    });
  }

  /* "Updated last month", computed in the reader's browser so it never goes stale, in the
     page's language (Intl; the words of the theme come from templates/strings/<key>.yaml). */
  var lang = document.documentElement.lang || "en";
  function relativeDate(then, now) {
    var days = Math.floor((now - then) / 86400000);
    var format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    if (days < 7) return format.format(-Math.max(days, 0), "day");
    if (days < 31) return format.format(-Math.floor(days / 7), "week");
    if (days < 365) return format.format(-Math.max(1, Math.floor(days / 30.44)), "month");
    return format.format(-Math.floor(days / 365.25), "year");
  }
  document.querySelectorAll("time[data-relative]").forEach(function (element) {
    var parts = (element.getAttribute("datetime") || "").split("-").map(Number);
    if (parts.length !== 3 || parts.some(isNaN) || !window.Intl || !Intl.RelativeTimeFormat) return;
    var then = Date.UTC(parts[0], parts[1] - 1, parts[2]);
    element.setAttribute("title", new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(then));
    element.textContent = relativeDate(then, Date.now());
  });

  /* A date on its own ("Wording last changed 1 October 2026"), in the page's language: the
     build writes it in words from the same CLDR data; an ISO date (a language the build's
     platform had no data for) is written out here, and a date in words is left as it is. */
  document.querySelectorAll("time[data-date]").forEach(function (element) {
    var parts = (element.getAttribute("datetime") || "").split("-").map(Number);
    if (parts.length !== 3 || parts.some(isNaN) || !window.Intl) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(element.textContent.trim())) return;
    element.textContent = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(parts[0], parts[1] - 1, parts[2]));
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
          if (!response.ok) {
            var failure = new Error(answer.message || "status " + response.status);
            failure.code = answer.error;
            throw failure;
          }
          return answer;
        });
      });
    }
    var saved = null;
    try { saved = localStorage.getItem(key); } catch (error) { saved = null; }
    if (saved) { show(saved); say("{{t.feedback_thanks}}"); }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var reaction = button.getAttribute("data-reaction");
        var previous = saved;
        saved = reaction;
        try { localStorage.setItem(key, reaction); } catch (error) { /* private mode: nothing kept */ }
        show(reaction);
        if (!endpoint || !window.fetch) { say("{{t.feedback_thanks}}"); return; }
        if (reaction === previous && sent) { say("{{t.feedback_thanks}}"); return; }
        if (form) form.hidden = true;
        say("{{t.feedback_sending}}");
        post({ article: article, reaction: reaction, page: location.pathname }).then(function (answer) {
          sent = { reaction: reaction, vote: answer.vote };
          say("{{t.feedback_thanks}}");
          if (form && answer.vote && reaction !== "yes") form.hidden = false;
        }).catch(function () {
          sent = null;
          say("{{t.feedback_failed}}");
        });
      });
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var field = form.querySelector("textarea");
        var comment = field ? field.value.trim() : "";
        if (!comment || !sent) return;
        say("{{t.feedback_comment_sending}}");
        post({ article: article, reaction: sent.reaction, page: location.pathname, comment: comment, vote: sent.vote }).then(function () {
          form.hidden = true;
          say("{{t.feedback_comment_sent}}");
        }).catch(function (error) {
          if (error.code === "markup-in-comment") {
            say("{{t.feedback_comment_plain_text}}");
            if (field) field.focus();
          } else {
            say("{{t.feedback_comment_failed}}");
          }
        });
      });
    }
  });

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
    closeButton.textContent = "{{t.close}}";
    bar.appendChild(dialogTitle);
    bar.appendChild(closeButton);
    var view = document.createElement("div");
    view.className = "image-dialog-view";
    /* It scrolls when the image is wider than the window: reachable by keyboard. */
    view.tabIndex = 0;
    view.setAttribute("role", "region");
    view.setAttribute("aria-label", "{{t.image_full_size}}");
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
