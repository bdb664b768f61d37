/// The script injected into every served page: it listens to the server's events, reloads the
/// page (or swaps stylesheets) after a rebuild, and shows the build's errors in an overlay.
///
/// The overlay lives in a shadow root with its own styles, so the site's CSS cannot hide or
/// restyle it; it is an `alertdialog` that lists each `path:line:col` and message.
public enum LiveReloadScript {
    /// Where the script is served.
    public static let path = "/_helpcenter/live.js"
    /// The Server-Sent Events stream.
    public static let eventsPath = "/_helpcenter/events"
    /// Paths under this prefix belong to the preview server, never to the site.
    public static let reservedPrefix = "/_helpcenter/"

    /// The tag inserted before `</body>`.
    public static let tag = "<script src=\"\(path)\"></script>\n"

    public static let source = #"""
        (function () {
          "use strict";
          if (window.__helpcenterLive) return;
          window.__helpcenterLive = true;
          var version = null;
          var host = null;

          function here() {
            var path = location.pathname;
            try { path = decodeURIComponent(path); } catch (e) {}
            return path;
          }

          function pathOf(url) {
            try {
              var parsed = new URL(url, location.href);
              return parsed.origin === location.origin ? decodeURIComponent(parsed.pathname) : null;
            } catch (e) { return null; }
          }

          // The files this page loaded (scripts, images, stylesheets, fetched data).
          function loadedFiles() {
            var files = {};
            performance.getEntriesByType("resource").forEach(function (entry) {
              var path = pathOf(entry.name);
              if (path) files[path] = true;
            });
            document.querySelectorAll("[src], link[href]").forEach(function (element) {
              var path = pathOf(element.getAttribute("src") || element.getAttribute("href"));
              if (path) files[path] = true;
            });
            return files;
          }

          function showsChanged(data) {
            if (data.everyPage) return true;
            var path = here();
            var withSlash = path.endsWith("/") ? path : path + "/";
            if (data.pages.indexOf(path) >= 0 || data.pages.indexOf(withSlash) >= 0) return true;
            if (!data.resources.length) return false;
            var files = loadedFiles();
            return data.resources.some(function (resource) { return files[resource]; });
          }

          function swapStylesheets(paths) {
            var stamp = "helpcenter-reload=" + Date.now();
            var links = document.querySelectorAll('link[rel~="stylesheet"]');
            var matched = [];
            links.forEach(function (link) {
              var url = new URL(link.href, location.href);
              if (url.origin === location.origin && paths.indexOf(decodeURIComponent(url.pathname)) >= 0) matched.push(link);
            });
            (matched.length ? matched : Array.prototype.slice.call(links)).forEach(function (link) {
              var url = new URL(link.href, location.href);
              url.searchParams.set("helpcenter-reload", String(Date.now()));
              link.href = url.pathname + url.search + url.hash;
            });
            document.documentElement.setAttribute("data-helpcenter-css", stamp);
          }

          function overlay() {
            if (host && host.isConnected) return host;
            host = document.createElement("helpcenter-overlay");
            host.setAttribute("style", "all: initial; position: fixed; inset: 0; z-index: 2147483647; display: none;");
            var root = host.attachShadow({ mode: "open" });
            root.innerHTML =
              '<style>' +
              ':host { all: initial; }' +
              '.backdrop { position: fixed; inset: 0; background: rgba(20, 20, 20, 0.55); display: flex; align-items: flex-start; justify-content: center; padding: 5vh 1rem; box-sizing: border-box; overflow: auto; }' +
              '.dialog { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; border-top: 6px solid #b3261e; border-radius: 6px; max-width: 52rem; width: 100%; padding: 1.25rem 1.5rem; box-shadow: 0 8px 32px rgba(0,0,0,.35); box-sizing: border-box; }' +
              '.dialog:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }' +
              'h2 { font-size: 1.2rem; margin: 0 0 .5rem; color: #b3261e; }' +
              'p { margin: 0 0 .75rem; }' +
              'ol { margin: 0; padding: 0; list-style: none; }' +
              'li { margin: 0 0 .75rem; padding: .5rem .75rem; background: #fdf3f2; border-left: 4px solid #b3261e; }' +
              '.where { font: 600 14px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; display: block; word-break: break-all; }' +
              '.message { display: block; white-space: pre-wrap; }' +
              '.id { color: #555; font-size: 13px; }' +
              'button { font: inherit; margin-top: .5rem; padding: .35rem .9rem; border: 1px solid #555; border-radius: 4px; background: #f4f4f4; color: #1b1b1b; cursor: pointer; }' +
              'button:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }' +
              '</style>' +
              '<div class="backdrop">' +
              '<div class="dialog" role="alertdialog" aria-modal="false" aria-labelledby="helpcenter-title" aria-describedby="helpcenter-summary" tabindex="-1">' +
              '<h2 id="helpcenter-title">The help centre did not build</h2>' +
              '<p id="helpcenter-summary"></p>' +
              '<ol id="helpcenter-diagnostics"></ol>' +
              '<button type="button" id="helpcenter-dismiss">Hide until the next change</button>' +
              '</div></div>';
            root.getElementById("helpcenter-dismiss").addEventListener("click", function () { host.style.display = "none"; });
            root.addEventListener("keydown", function (event) { if (event.key === "Escape") host.style.display = "none"; });
            (document.body || document.documentElement).appendChild(host);
            return host;
          }

          function showErrors(diagnostics) {
            var element = overlay();
            var root = element.shadowRoot;
            var list = root.getElementById("helpcenter-diagnostics");
            list.textContent = "";
            diagnostics.forEach(function (d) {
              var item = document.createElement("li");
              var where = document.createElement("span");
              where.className = "where";
              where.textContent = d.path + ":" + d.line + ":" + d.column + ": " + d.severity;
              var message = document.createElement("span");
              message.className = "message";
              message.textContent = d.message;
              item.appendChild(where);
              item.appendChild(message);
              if (d.id) {
                var id = document.createElement("span");
                id.className = "id";
                id.textContent = "[" + d.id + "]";
                item.appendChild(id);
              }
              list.appendChild(item);
            });
            var count = diagnostics.length;
            root.getElementById("helpcenter-summary").textContent =
              count + (count === 1 ? " problem stops" : " problems stop") +
              " the site from building. This page is the last good version; it updates when the problem is fixed.";
            var wasHidden = element.style.display === "none";
            element.style.display = "block";
            document.documentElement.setAttribute("data-helpcenter-state", "errors");
            if (wasHidden) root.querySelector(".dialog").focus({ preventScroll: true });
          }

          function clearErrors() {
            if (host) { host.remove(); host = null; }
            document.documentElement.setAttribute("data-helpcenter-state", "ok");
          }

          function seen(newVersion) {
            var stale = version !== null && newVersion !== version;
            version = newVersion;
            return stale;
          }

          var source = new EventSource("/_helpcenter/events");
          source.addEventListener("ok", function (event) {
            // A different version on (re)connect means a rebuild happened while we were not listening.
            if (seen(JSON.parse(event.data).version)) { location.reload(); return; }
            clearErrors();
          });
          source.addEventListener("errors", function (event) {
            var data = JSON.parse(event.data);
            version = data.version;
            showErrors(data.diagnostics);
          });
          source.addEventListener("reload", function (event) {
            var data = JSON.parse(event.data);
            version = data.version;
            clearErrors();
            if (showsChanged(data)) location.reload();
          });
          source.addEventListener("css", function (event) {
            var data = JSON.parse(event.data);
            version = data.version;
            clearErrors();
            swapStylesheets(data.paths);
          });
          source.addEventListener("open", function () {
            document.documentElement.setAttribute("data-helpcenter-live", "connected");
          });
          source.addEventListener("error", function () {
            document.documentElement.setAttribute("data-helpcenter-live", "reconnecting");
          });

          // The readers' score of this article, when the preview has a feedback database
          // (helpcenter serve --feedback-database): a line in the feedback box, preview only.
          var widget = document.querySelector(".feedback[data-article]");
          if (widget && window.fetch) {
            fetch("/_helpcenter/feedback-scores.json").then(function (response) {
              return response.ok ? response.json() : null;
            }).then(function (scores) {
              if (!scores) return;
              var score = scores[widget.getAttribute("data-article")];
              var line = document.createElement("p");
              line.className = "helpcenter-preview-score";
              line.setAttribute("data-helpcenter-preview", "");
              line.style.cssText = "margin:0.75rem 0 0;font-size:0.9rem;font-weight:600";
              if (!score) {
                line.textContent = "Readers (preview only): no votes yet";
              } else {
                var text = "Readers (preview only): " + Math.round(score.yesShare * 100) + "% yes of " + score.votes + " vote" + (score.votes === 1 ? "" : "s");
                if (typeof score.trend === "number") text += ", " + (score.trend >= 0 ? "+" : "\u2212") + Math.abs(Math.round(score.trend * 100)) + " pts since the last edit";
                line.textContent = text;
              }
              widget.appendChild(line);
            }).catch(function () {});
          }
        })();
        """#
}
