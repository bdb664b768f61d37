"""Shared pieces of the page checks and reader tests: a loopback HTTP server for a built
site (which also records feedback posts), headless Chromium through Selenium, and helpers
that read Chromium's performance log.

Used by pages_check.py (axe-core and layout over every page), reader_test.py (search,
feedback and keyboard in a real browser) and pages_screenshots.py. Nothing here reaches
the network: the server listens on 127.0.0.1 only, and the browser loads only its pages.
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import traceback
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

DESKTOP = (1280, 900)
PHONE = (390, 844)


# --- the site server -------------------------------------------------------------------

class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's folder; records every request; accepts POST /feedback."""

    def log_message(self, format, *args):  # keep the test output readable
        pass

    def _record(self, body=None):
        self.server.requests.append({
            "method": self.command,
            "path": self.path,
            "content_type": self.headers.get("Content-Type"),
            "body": body,
        })

    def do_GET(self):
        self._record()
        super().do_GET()

    def do_HEAD(self):
        self._record()
        super().do_HEAD()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._record(body)
        if urllib.parse.urlsplit(self.path).path != "/feedback":
            self.send_error(404)
            return
        self.send_response(204)
        self.end_headers()


class SiteServer(http.server.ThreadingHTTPServer):
    """A static server for one built site on a free loopback port, in a background thread.

    The folder may be filled after the server starts (its files are read per request), so a
    site whose configuration must name the server's own address can be built afterwards.
    """

    request_queue_size = 64
    daemon_threads = True

    def __init__(self, directory):
        self.directory = directory
        self.requests = []
        handler = functools.partial(_SiteHandler, directory=directory)
        super().__init__(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path="/"):
        return self.origin + "/" + path.lstrip("/")

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
        return False

    def feedback_posts(self):
        return [r for r in list(self.requests)
                if r["method"] == "POST" and urllib.parse.urlsplit(r["path"]).path == "/feedback"]


# --- building sites --------------------------------------------------------------------

def build_site(binary, project, output, extra_config=None):
    """Builds the project's content with its templates into output; extra_config lines are
    appended to a copy of helpcenter.yaml. Raises with the generator's output on failure."""
    config_source = os.path.join(project, "helpcenter.yaml")
    scratch = tempfile.mkdtemp(prefix="helpcenter-config-")
    try:
        config = os.path.join(scratch, "helpcenter.yaml")
        text = ""
        if os.path.exists(config_source):
            with open(config_source, encoding="utf-8") as handle:
                text = handle.read()
        if extra_config:
            text = text.rstrip("\n") + "\n" + extra_config.rstrip("\n") + "\n"
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(text)
        command = [binary, "build", "--quiet",
                   "--content", os.path.join(project, "content"),
                   "--templates", os.path.join(project, "templates"),
                   "--config", config, "--output", output]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"helpcenter build failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def site_pages(site):
    """Every .html page of a built site, as URL paths from the root ('index.html' dropped)."""
    pages = []
    for folder, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            relative = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            if relative.endswith("index.html"):
                relative = relative[: -len("index.html")]
            pages.append("/" + relative)
    return sorted(pages)


def find_page(site, suffix):
    """The one page whose path ends with suffix (e.g. 'recovery-keys/'); in a site with several
    languages, the default language's (the shortest path: the others are under a prefix)."""
    matches = [p for p in site_pages(site) if p.endswith(suffix)]
    if len(matches) > 1:
        shortest = min(len(p) for p in matches)
        matches = [p for p in matches if len(p) == shortest]
    if len(matches) != 1:
        raise LookupError(f"expected one page ending in {suffix!r}, found {matches}")
    return matches[0]


# --- the browser -----------------------------------------------------------------------

def make_driver(size=DESKTOP, dark=False):
    """Headless Chromium with the performance log on, at a window size (CSS pixels)."""
    options = webdriver.ChromeOptions()
    profile = tempfile.mkdtemp(prefix="helpcenter-chromium-")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions",
                     f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}"):
        options.add_argument(argument)
    if os.path.exists(CHROMIUM):
        options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver._helpcenter_profile = profile
    # The window size includes no browser chrome in headless mode, but make the viewport exact.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 600})
    if dark:
        set_color_scheme(driver, "dark")
    return driver


def quit_driver(driver):
    profile = getattr(driver, "_helpcenter_profile", None)
    try:
        driver.quit()
    finally:
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


# How long a browser test waits for what it expects, in seconds.
TIMEOUT = 10


def wait(driver, condition, message, timeout=TIMEOUT):
    """Waits until condition(driver) is truthy and returns it; a time-out fails with message."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition, message)


def open_page(driver, server, path):
    """Opens a page of the served site and waits until it has loaded."""
    driver.get(server.url(path))
    wait_until_loaded(driver)


def wait_until_loaded(driver, timeout=TIMEOUT):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def network_log(driver):
    """What the browser fetched since the last call, from Chromium's performance log:
    (requested URLs, [(response URL, status)])."""
    requested, answered = [], []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
        elif message.get("method") == "Network.responseReceived":
            response = message["params"]["response"]
            answered.append((response["url"], response["status"]))
    return requested, answered


def foreign_requests(urls, origin):
    """The URLs that leave origin (data: and blob: URLs stay in the page)."""
    return [url for url in urls
            if not url.startswith(origin + "/") and url != origin
            and not url.startswith(("data:", "blob:", "about:"))]


def summary(passed, failed):
    """Prints the tally of run_tests and returns the exit status: 0 when something ran and
    nothing failed."""
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


def run_tests(tests, ctx, only=None):
    """Runs each (test, window size) in a browser of its own; prints `ok` or `FAIL` per test and
    goes on after a failure. Returns (passed, failed)."""
    passed = failed = 0
    for test, size in tests:
        name = f"{test.__name__} [{size[0]}x{size[1]}]"
        if only and only not in name:
            continue
        driver = make_driver(size)
        try:
            test(driver, ctx)
            passed += 1
            print(f"ok   {name}", flush=True)
        except Exception as error:  # an assertion or a time-out: report it and go on
            failed += 1
            print(f"FAIL {name}: {error.__class__.__name__}: {error}", flush=True)
            if not isinstance(error, AssertionError):
                traceback.print_exc(limit=3)
        finally:
            quit_driver(driver)
    return passed, failed
