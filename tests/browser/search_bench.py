#!/usr/bin/env python3
"""Measures search in headless Chromium on a built site (scripts/bench-search.sh): for each
query, on a freshly loaded home page with the browser cache off, the bytes the query makes the
page fetch and the time from typing to the first results shown.

    search_bench.py --site SITE [--http] [--pagefind]

  ours, file://:  the header box is typed into; bytes = the search script (loaded with the page)
                  plus every index file requested while answering, as stored on disk;
  ours, HTTP:     the same over HTTP from a loopback port (Python's http.server, which here
                  also notes each request it answers and the bytes it sends: requests from a
                  worker escape both DevTools' page log and Resource Timing);
  Pagefind:       (--pagefind) the site's pagefind/ folder through pagefind.js over HTTP,
                  search() then data() of the first 8 results, as its default UI shows them.

Prints one line per query and mode, then the medians; the last line is JSON for the caller.
"""
import argparse
import functools
import http.server
import json
import threading
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages_support import make_driver, quit_driver  # noqa: E402

QUERIES = ["password", "sync error", "profile photo", "access token", "reset password", "export data",
           "notification settings", "delete project", "transfer ownership", "scheduled report", "pasword", "invoic"]

OURS = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('search-input'), list = document.getElementById('search-results');
performance.setResourceTimingBufferSize(5000);
performance.clearResourceTimings();
const resources = () => performance.getEntriesByType('resource').map((e) => [e.name, e.transferSize]);
const start = performance.now();
input.focus();
input.value = query;
input.dispatchEvent(new Event('input', {bubbles: true}));
(function wait() {
  if (list.getAttribute('data-query') === query) {
    const ms = performance.now() - start;
    setTimeout(() => done({ms: ms, results: list.querySelectorAll('a[role=option]').length,
          first: (list.querySelector('a[role=option]') || {href: ''}).href, resources: resources()}), 100);
  } else { setTimeout(wait, 2); }
})();
"""

PAGEFIND = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
performance.setResourceTimingBufferSize(5000);
performance.clearResourceTimings();
const resources = () => performance.getEntriesByType('resource').map((e) => [e.name, e.transferSize]);
const start = performance.now();
import(document.body.getAttribute('data-root') + 'pagefind/pagefind.js').then(async (pagefind) => {
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
  const ms = performance.now() - start;
  setTimeout(() => done({ms: ms, results: search.results.length, first: data.length ? data[0].url : '', resources: resources()}), 100);
}).catch((e) => done({ms: -1, results: 0, first: String(e), resources: resources()}));
"""


def drain(driver):
    """The network events logged since the last call: url -> encoded bytes (0 when unknown)."""
    requests, sizes = {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            requests[params["requestId"]] = params["request"]["url"]
        elif method == "Network.loadingFinished":
            sizes[params["requestId"]] = params.get("encodedDataLength", 0)
    return {url: sizes.get(rid, 0) for rid, url in requests.items()}


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, noting each path it answers and the bytes it sent."""
    served = []

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        LoggingHandler.served.append((self.path, source.tell() - start))


def serve(site):
    handler = functools.partial(LoggingHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.request_queue_size = 64
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def disk_size(site, url):
    path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
    if url.startswith("file://"):
        return os.path.getsize(path) if os.path.isfile(path) else 0
    local = os.path.join(site, path.lstrip("/"))
    return os.path.getsize(local) if os.path.isfile(local) else 0


def run(driver, site, base, script, queries, mode, include):
    rows = []
    for query in queries:
        driver.get(base + "index.html")
        driver.execute_script("return document.readyState")
        time.sleep(0.2)
        drain(driver)
        LoggingHandler.served.clear()
        result = driver.execute_async_script(script, query)
        # Requests seen by DevTools and by the page's Resource Timing (fetches and module
        # imports), united; on the wire: DevTools' encodedDataLength, else transferSize.
        logged = drain(driver)
        for url, transfer in result["resources"]:
            if not logged.get(url):
                logged[url] = transfer
        if base.startswith("http"):
            logged = {base.rstrip("/") + path: size for path, size in LoggingHandler.served}
        fetched = {url: wire for url, wire in logged.items() if include(url)}
        stored = sum(disk_size(site, url) for url in fetched)
        if mode.startswith("ours"):
            stored += os.path.getsize(os.path.join(site, "assets", "search.js"))
        wire = sum(fetched.values())
        rows.append({"mode": mode, "query": query, "bytes": stored, "wire": wire, "files": len(fetched),
                     "ms": round(result["ms"], 1), "results": result["results"]})
        first = result["first"].rstrip("/").split("/")[-1]
        wire_text = f"{wire / 1024:6.1f} KB sent" if "HTTP" in mode else "file://, no wire"
        print(f"{mode:14} {query!r:24} {stored / 1024:6.1f} KB stored, {wire_text}, {len(fetched):2} files, "
              f"{result['ms']:6.1f} ms, {result['results']} results, first: {first}", flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--http", action="store_true")
    parser.add_argument("--pagefind", action="store_true")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    driver = make_driver()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.set_script_timeout(60)
    rows = []
    ours = lambda url: "/search/index/" in url  # noqa: E731
    try:
        rows += run(driver, site, "file://" + site + "/", OURS, QUERIES, "ours file://", ours)
        if args.http:
            server = serve(site)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            rows += run(driver, site, base, OURS, QUERIES, "ours HTTP", ours)
            if args.pagefind:
                rows += run(driver, site, base, PAGEFIND, QUERIES, "pagefind HTTP", lambda url: "/pagefind/" in url)
    finally:
        quit_driver(driver)
    summary = {}
    for mode in sorted({row["mode"] for row in rows}):
        mine = [row for row in rows if row["mode"] == mode]
        summary[mode] = {
            "median_kb": round(statistics.median(r["bytes"] for r in mine) / 1024, 1),
            "max_kb": round(max(r["bytes"] for r in mine) / 1024, 1),
            "median_wire_kb": round(statistics.median(r["wire"] for r in mine) / 1024, 1) if "HTTP" in mode else None,
            "median_ms": round(statistics.median(r["ms"] for r in mine), 1),
            "max_ms": round(max(r["ms"] for r in mine), 1),
        }
        s = summary[mode]
        wire = f", {s['median_wire_kb']} KB sent" if s["median_wire_kb"] is not None else ""
        print(f"{mode}: median {s['median_kb']} KB (max {s['max_kb']} KB) stored{wire}; "
              f"first results in a median {s['median_ms']} ms (max {s['max_ms']} ms)")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
