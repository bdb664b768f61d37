#!/usr/bin/env python3
"""End-to-end test of `helpcenter serve` in a real browser (headless Chromium via Selenium).

Run by scripts/e2e-serve.sh against a temporary copy of the site, with the server already
listening. Steps, each with a bounded wait:
  1. open an article; the live-reload stream connects;
  2. edit its Markdown: the new text appears without navigating (the page reloads itself);
  3. change only the stylesheet: it is swapped without a reload;
  4. break the front matter: an overlay (role=alertdialog) names the file and line, and the
     last good page stays;
  5. fix it: the overlay goes away by itself.
Exit status 0 when every step passed.
"""
import argparse
import os
import sys
import tempfile
import time
import uuid

from selenium import webdriver
from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

OVERLAY_TEXT = """
const host = document.querySelector('helpcenter-overlay');
if (!host || !host.shadowRoot || host.style.display === 'none') return null;
const dialog = host.shadowRoot.querySelector('[role="alertdialog"]');
return dialog ? dialog.textContent : null;
"""


BODY_TEXT = "return document.body ? document.body.innerText : ''"


def body_text(driver):
    """The page's text; empty while the page is being replaced (its script context is gone)."""
    try:
        return driver.execute_script(BODY_TEXT)
    except JavascriptException:
        return ""


def find_article(site):
    content = os.path.join(site, "content")
    for collection in sorted(os.listdir(content)):
        folder = os.path.join(content, collection)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            # An article of the default language: not a collection page (_index.md,
            # _index.fr.md) nor a translation (name.fr.md, docs/languages.md).
            if name.endswith(".md") and not name.startswith("_index") and "." not in name[:-3]:
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    if "draft: true" not in handle.read():
                        return f"content/{collection}/{name}", f"/{collection}/{name[:-3]}/"
    raise SystemExit("serve_e2e: no article found in the site")


def make_driver(chromedriver):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={tempfile.mkdtemp(prefix='serve-e2e-chrome-')}", "--window-size=1200,900"):
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def step(name):
    print(f"serve_e2e: {name}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server's URL, e.g. http://127.0.0.1:4000/")
    parser.add_argument("--site", required=True, help="the folder holding the copy of content/ and templates/")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()

    relative, page = find_article(args.site)
    article = os.path.join(args.site, relative)
    with open(article, encoding="utf-8") as handle:
        original = handle.read()
    stylesheet = os.path.join(args.site, "templates", "assets", "style.css")

    driver = make_driver(args.chromedriver)
    # The page reloads itself while these waits poll it: an element read just before the reload
    # is gone just after, which is a reason to poll again, not a failure (body_text likewise).
    wait = WebDriverWait(driver, args.timeout, poll_frequency=0.05, ignored_exceptions=(StaleElementReferenceException,))
    try:
        step(f"open {page}")
        driver.get(args.url.rstrip("/") + page)
        wait.until(lambda d: d.execute_script("return document.documentElement.dataset.helpcenterLive") == "connected")
        driver.execute_script("window.__notReloaded = true;")

        marker = f"Live preview check {uuid.uuid4().hex[:8]}"
        step(f"edit {relative}: add '{marker}'")
        edited = original.rstrip("\n") + f"\n\n{marker}.\n"
        started = time.monotonic()
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(edited)
        wait.until(lambda d: marker in body_text(d))
        step(f"  the new text is shown after {(time.monotonic() - started) * 1000:.0f} ms (the page reloaded itself)")
        assert driver.execute_script("return window.__notReloaded === undefined"), "the page should have reloaded"
        assert driver.current_url.endswith(page), f"the page navigated away: {driver.current_url}"

        if os.path.exists(stylesheet):
            step("change only the stylesheet: swapped without a reload")
            driver.execute_script("window.__notReloaded = true;")
            with open(stylesheet, "a", encoding="utf-8") as handle:
                handle.write("\nhtml { outline: 0 solid transparent; }\n")
            wait.until(lambda d: d.execute_script(
                "return [...document.querySelectorAll('link[rel~=stylesheet]')].some(l => l.href.includes('helpcenter-reload='))"))
            assert driver.execute_script("return window.__notReloaded === true"), "a stylesheet change should not reload the page"

        step("break the front matter (an invalid date on line 2)")
        lines = edited.split("\n")
        assert lines[0] == "---", "the article should start with front matter"
        broken = "\n".join([lines[0], "updated: not-a-date"] + [l for l in lines[1:] if not l.startswith("updated:")])
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(broken)
        expected = f"{relative}:2:"
        text = wait.until(lambda d: (lambda t: t if t and expected in t else None)(d.execute_script(OVERLAY_TEXT)))
        step(f"  the overlay shows: {' '.join(text.split())[:160]}")
        assert marker in body_text(driver), "the last good page should stay"

        step("fix it: the overlay goes away by itself")
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(edited)
        wait.until(lambda d: d.execute_script(OVERLAY_TEXT) is None)
        wait.until(lambda d: marker in body_text(d))
        step("passed")
        return 0
    except Exception as error:  # report what the page showed, then fail
        print(f"serve_e2e: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        try:
            print(driver.page_source[:2000], file=sys.stderr)
        except Exception:
            pass
        return 1
    finally:
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
