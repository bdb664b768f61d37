#!/usr/bin/env python3
"""Reader features in a real browser (headless Chromium through Selenium), on the site built
from this project's content/ and templates/, served from a loopback port.

    reader_test.py --binary .build/debug/helpcenter [--project .] [--site BUILT_SITE]

  - the header search box: typing a query lists the right article first; the arrow keys
    move the selection; Enter opens the selected article; Escape closes the list; a query
    with no match says so;
  - the search page: /search/?q=… lists ranked results and updates as the reader types;
  - the feedback widget without an endpoint: a click presses the reaction, thanks the
    reader, is remembered after a reload, and sends nothing;
  - the feedback widget with `feedback_endpoint` configured (a second build): the reaction
    is posted as JSON to that endpoint;
  - the keyboard: the first Tab reaches the skip link, visible and outlined; Enter on it
    moves focus to the main content;
  - no page requests anything from another host, and no request fails.

Closes with 'N passed, N failed'; exit status 0 when every test passed.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_support as support  # noqa: E402

TIMEOUT = support.TIMEOUT


# Queries whose right answer is unambiguous from content/: (query, first result's path).
SEARCH_CASES = [
    ("recovery key", "two-factor-authentication/recovery-keys/"),
    ("change backup", "two-factor-authentication/set-up-or-change-your-backup-method/"),
    ("check whether", "two-factor-authentication/check-for-a-backup-method/"),
    ("get back in", "two-factor-authentication/use-your-backup-method-to-get-back-in/"),
    ("what is a backup", "two-factor-authentication/what-is-a-backup-method/"),
    ("set up two-factor", "two-factor-authentication/set-up-two-factor-authentication/"),
    # Partial last word, as the reader is still typing.
    ("recov", "two-factor-authentication/recovery-keys/"),
]

ARTICLE = "two-factor-authentication/set-up-or-change-your-backup-method/"

# Counts every way a page script could send something, installed before a click.
COUNT_REQUESTS = """
window.__sent = [];
const originalFetch = window.fetch;
window.fetch = function (url, init) { window.__sent.push(['fetch', String(url)]); return originalFetch.apply(this, arguments); };
const originalOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) { window.__sent.push(['xhr', String(url)]); return originalOpen.apply(this, arguments); };
if (navigator.sendBeacon) {
  const originalBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = function (url, data) { window.__sent.push(['beacon', String(url)]); return originalBeacon(url, data); };
}
"""


class Context:
    def __init__(self, server, site, endpoint_server, endpoint_site):
        self.server = server
        self.site = site
        self.endpoint_server = endpoint_server
        self.endpoint_site = endpoint_site


wait = support.wait
open_page = support.open_page


def option_paths(driver):
    return [o.get_attribute("data-path") for o in driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option][data-path]")]


def type_query(driver, query):
    box = driver.find_element(By.ID, "search-input")
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    for character in query:  # key by key, as a reader types
        box.send_keys(character)
    wait(driver, lambda d: box.get_attribute("aria-expanded") == "true" and option_paths(d),
         f"no search results listed for {query!r}")
    return box


# --- the tests -------------------------------------------------------------------------------

def test_search_box_ranks_the_right_article_first(driver, ctx):
    open_page(driver, ctx.server, "/")
    for query, expected in SEARCH_CASES:
        type_query(driver, query)
        paths = option_paths(driver)
        assert paths[0] == expected, f"{query!r}: first result {paths[0]!r}, expected {expected!r} (all: {paths})"
        first = driver.find_element(By.CSS_SELECTOR, "#search-results [role=option]")
        assert first.get_attribute("aria-selected") == "true", f"{query!r}: first option not selected"
        box = driver.find_element(By.ID, "search-input")
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        assert first.is_displayed(), "the results list is not visible"


def test_search_box_synonym_with_a_one_character_word(driver, ctx):
    # "2 step": the index leaves "2" out, so the query used to be "step" alone, matching every
    # article with steps (session 23's reader trial). It is now an entry of the 2FA group, and
    # the words marked in the results are that group's, never "step" on its own.
    open_page(driver, ctx.server, "/")
    for query in ("2 step", "2-step"):
        type_query(driver, query)
        marked = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        assert marked, f"{query!r}: no word marked in the results"
        assert "step" not in marked and "steps" not in marked, f"{query!r} searched 'step' alone: marked {marked}"
    # ...while "step" on its own is still that word, not the group ("2 step" less its "2").
    type_query(driver, "step ")
    marked = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert marked and set(marked) <= {"step", "steps"}, f"'step' marked {marked}"


def test_search_box_keyboard_opens_the_article(driver, ctx):
    open_page(driver, ctx.server, "/two-factor-authentication/")
    box = type_query(driver, "recovery key")
    paths = option_paths(driver)
    assert len(paths) >= 2, f"expected several results for 'recovery key', got {paths}"
    options = driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
    box.send_keys(Keys.ARROW_DOWN)
    assert options[1].get_attribute("aria-selected") == "true", "ArrowDown did not select the second result"
    assert options[0].get_attribute("aria-selected") == "false"
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    box.send_keys(Keys.ARROW_UP)
    assert options[0].get_attribute("aria-selected") == "true", "ArrowUp did not go back to the first result"
    # The first result is the article, at the section where the words were found.
    target = options[0].get_attribute("href")
    assert target.partition("#")[0] == ctx.server.url(paths[0]), target
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == target, f"Enter did not open {target} (at {driver.current_url})")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Recovery keys"


def test_search_box_escape_and_no_match(driver, ctx):
    open_page(driver, ctx.server, "/")
    box = type_query(driver, "backup")
    box.send_keys(Keys.ESCAPE)
    results = driver.find_element(By.ID, "search-results")
    assert not results.is_displayed(), "Escape did not close the results"
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("xylophone")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-empty"), "no 'no match' message")
    assert "xylophone" in results.text and "No articles match" in results.text, results.text
    assert option_paths(driver) == []
    # Not a dead end (session 23's reader trial): an option to the search page, with the query
    # and the collections to browse, reached with the arrow keys.
    browse = driver.find_element(By.CSS_SELECTOR, "#search-results a.search-browse[role=option]")
    assert browse.text == "Browse the collections", browse.text
    assert browse.get_attribute("href") == ctx.server.url("search/") + "?q=xylophone", browse.get_attribute("href")
    box.send_keys(Keys.ARROW_DOWN)
    assert browse.get_attribute("aria-selected") == "true", "ArrowDown did not reach the browse option"
    assert box.get_attribute("aria-activedescendant") == browse.get_attribute("id")
    # Escape closes; an arrow key opens the list again; a second Escape clears the box.
    box.send_keys(Keys.ESCAPE)
    assert not results.is_displayed() and box.get_attribute("aria-activedescendant") is None
    box.send_keys(Keys.ARROW_DOWN)
    assert results.is_displayed() and box.get_attribute("aria-expanded") == "true", "ArrowDown did not open the list again"
    box.send_keys(Keys.ESCAPE)
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("value") == "", "a second Escape did not clear the box"
    assert not results.is_displayed()
    # Enter on the browse option opens the search page with the query.
    box.send_keys("xylophone")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a.search-browse"), "no browse option")
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == ctx.server.url("search/") + "?q=xylophone", f"Enter did not open the search page (at {driver.current_url})")
    wait(driver, lambda d: "Try other words" in d.find_element(By.ID, "search-page-status").text, "the search page did not say what to try")


def test_search_page_lists_ranked_results(driver, ctx):
    open_page(driver, ctx.server, "/search/?q=recovery+key")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-page-results li a"), "no results on the search page")
    # Links to the articles, at the section where the words were found.
    links = [a.get_attribute("href").partition("#")[0] for a in driver.find_elements(By.CSS_SELECTOR, "#search-page-results li a")]
    assert links[0] == ctx.server.url("two-factor-authentication/recovery-keys/"), links
    status = driver.find_element(By.ID, "search-page-status").text
    assert status == f"{len(links)} articles match “recovery key”.", status
    assert driver.find_element(By.ID, "search-page-input").get_attribute("value") == "recovery key"
    # Typing updates the results and the address, without a request to a service.
    field = driver.find_element(By.ID, "search-page-input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("change backup")
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#search-page-results li a").get_attribute("href").partition("#")[0]
         == ctx.server.url(ARTICLE), "the search page did not update as the reader typed")
    assert urllib.parse.urlsplit(driver.current_url).query == "q=change%20backup", driver.current_url


def reactions(driver):
    return {b.get_attribute("data-reaction"): b.get_attribute("aria-pressed")
            for b in driver.find_elements(By.CSS_SELECTOR, ".feedback-reaction")}


def test_feedback_without_endpoint_is_remembered_and_sends_nothing(driver, ctx):
    open_page(driver, ctx.server, ARTICLE)
    assert driver.find_element(By.ID, "feedback").get_attribute("data-endpoint") is None
    assert reactions(driver) == {"no": "false", "partly": "false", "yes": "false"}, reactions(driver)
    driver.execute_script(COUNT_REQUESTS)
    support.network_log(driver)  # forget the page load
    before = len(ctx.server.requests)
    driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=yes]").click()
    status = driver.find_element(By.CSS_SELECTOR, ".feedback-status")
    wait(driver, lambda d: status.text == "Thanks for letting us know.", f"no thanks shown ({status.text!r})")
    assert reactions(driver) == {"no": "false", "partly": "false", "yes": "true"}, reactions(driver)
    time.sleep(0.5)  # give a stray request time to leave
    assert driver.execute_script("return window.__sent") == [], driver.execute_script("return window.__sent")
    requested, _ = support.network_log(driver)
    assert requested == [], f"the click made requests: {requested}"
    assert len(ctx.server.requests) == before, ctx.server.requests[before:]
    # Changing one's mind replaces the answer.
    driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=partly]").click()
    assert reactions(driver) == {"no": "false", "partly": "true", "yes": "false"}, reactions(driver)
    # Remembered on this device.
    driver.refresh()
    support.wait_until_loaded(driver)
    wait(driver, lambda d: reactions(d)["partly"] == "true", f"not remembered after reload: {reactions(driver)}")
    assert reactions(driver) == {"no": "false", "partly": "true", "yes": "false"}, reactions(driver)
    assert driver.find_element(By.CSS_SELECTOR, ".feedback-status").text == "Thanks for letting us know."
    stored = driver.execute_script("return localStorage.getItem('helpcenter-feedback:' + arguments[0])", ARTICLE)
    assert stored == "partly", stored
    # Another article is not affected.
    open_page(driver, ctx.server, "two-factor-authentication/recovery-keys/")
    assert reactions(driver) == {"no": "false", "partly": "false", "yes": "false"}, reactions(driver)
    assert ctx.server.feedback_posts() == []


def test_feedback_with_endpoint_posts_json(driver, ctx):
    server = ctx.endpoint_server
    open_page(driver, server, ARTICLE)
    endpoint = driver.find_element(By.ID, "feedback").get_attribute("data-endpoint")
    assert endpoint == server.url("feedback"), endpoint
    driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=no]").click()
    deadline = time.monotonic() + TIMEOUT
    while not server.feedback_posts() and time.monotonic() < deadline:
        time.sleep(0.05)
    posts = server.feedback_posts()
    assert len(posts) == 1, f"expected one POST to /feedback, got {posts}"
    post = posts[0]
    assert (post["content_type"] or "").startswith("application/json"), post["content_type"]
    body = json.loads(post["body"])
    assert body == {"article": ARTICLE, "reaction": "no", "page": "/" + ARTICLE}, body
    assert reactions(driver)["no"] == "true"
    assert driver.find_element(By.CSS_SELECTOR, ".feedback-status").text == "Thanks for letting us know."


def test_first_tab_reaches_a_visible_skip_link(driver, ctx):
    for page in ("/", ARTICLE):
        open_page(driver, ctx.server, page)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.get_attribute("class") == "skip-link", f"{page}: first Tab focused {focused.get_attribute('outerHTML')[:120]}"
        assert focused.text == "Skip to main content", f"{page}: skip link not displayed when focused ({focused.text!r})"
        box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); "
                                    "return [r.top, r.left, r.bottom, r.right, innerWidth, innerHeight];", focused)
        top, left, bottom, right, width, height = box
        assert 0 <= top and bottom <= height and 0 <= left and right <= width, f"{page}: skip link off screen at {box}"
        outline = driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", focused)
        assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, f"{page}: no visible focus outline {outline}"
        focused.send_keys(Keys.ENTER)
        wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "main-content",
             f"{page}: Enter on the skip link did not move focus to the main content")
        # The next Tab lands inside the main content, not back in the header.
        driver.switch_to.active_element.send_keys(Keys.TAB)
        inside = driver.execute_script("return !!document.activeElement.closest('main')")
        assert inside, f"{page}: Tab after the skip link went to {driver.switch_to.active_element.get_attribute('outerHTML')[:120]}"


def test_keyboard_focus_is_visible_on_every_control(driver, ctx):
    open_page(driver, ctx.server, ARTICLE)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    seen = 0
    for _ in range(200):
        element = driver.switch_to.active_element
        style = driver.execute_script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", element)
        assert not style.startswith("none") and not style.endswith(" 0px"), \
            f"no focus outline on {element.get_attribute('outerHTML')[:120]}: {style}"
        seen += 1
        if element.get_attribute("class") == "pager-next":
            break
        element.send_keys(Keys.TAB)
    else:
        raise AssertionError("Tab never reached the pager's Next link")
    assert seen > 20, f"only {seen} focusable controls"


def test_no_request_leaves_the_site(driver, ctx):
    pages = support.site_pages(ctx.site)
    support.network_log(driver)
    for page in pages:
        open_page(driver, ctx.server, page)
    # The search index is loaded on first use.
    open_page(driver, ctx.server, "/")
    type_query(driver, "backup")
    open_page(driver, ctx.server, "/search/?q=backup")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-page-results li"), "no search page results")
    requested, answered = support.network_log(driver)
    assert len(requested) >= len(pages), f"the performance log saw only {len(requested)} requests"
    assert any(url.endswith("/search/index/manifest.js") for url in requested), "the search index was never loaded"
    foreign = support.foreign_requests(requested, ctx.server.origin)
    assert foreign == [], f"requests to other hosts: {foreign}"
    failed = [(url, status) for url, status in answered if status >= 400]
    assert failed == [], f"failed requests: {failed}"


def test_phone_home_search_brings_the_box_up(driver, ctx):
    """On a phone the home page's box sits halfway down: its first list brings it to the top,
    so the results are not left below the fold and the keyboard (session 23's reader trial)."""
    open_page(driver, ctx.server, "/")
    type_query(driver, "lost my phone")
    top = driver.execute_script("return document.getElementById('search-input').getBoundingClientRect().top")
    assert 0 <= top < 40, f"the box is {top}px from the top of the screen"
    bottom = driver.execute_script("return document.getElementById('search-results').getBoundingClientRect().bottom")
    assert bottom <= driver.execute_script("return window.innerHeight"), "the list still runs off the screen"


TESTS = [
    test_search_box_ranks_the_right_article_first,
    test_search_box_keyboard_opens_the_article,
    test_search_box_escape_and_no_match,
    test_search_page_lists_ranked_results,
    test_search_box_synonym_with_a_one_character_word,
    test_feedback_without_endpoint_is_remembered_and_sends_nothing,
    test_feedback_with_endpoint_posts_json,
    test_first_tab_reaches_a_visible_skip_link,
    test_keyboard_focus_is_visible_on_every_control,
    test_no_request_leaves_the_site,
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the helpcenter program")
    parser.add_argument("--project", default=".", help="the folder holding content/, templates/ and helpcenter.yaml")
    parser.add_argument("--site", help="an already built site (built from --project when not given)")
    parser.add_argument("-k", dest="only", help="run only the tests whose name contains this")
    args = parser.parse_args()
    project = os.path.abspath(args.project)
    work = tempfile.mkdtemp(prefix="helpcenter-reader-")
    passed = failed = 0
    try:
        site = os.path.abspath(args.site) if args.site else os.path.join(work, "site")
        if not args.site:
            support.build_site(args.binary, project, site)
        endpoint_site = os.path.join(work, "site-with-endpoint")
        with support.SiteServer(site) as server, support.SiteServer(endpoint_site) as endpoint_server:
            support.build_site(args.binary, project, endpoint_site,
                               extra_config=f"feedback_endpoint: {endpoint_server.url('feedback')}")
            ctx = Context(server, site, endpoint_server, endpoint_site)
            sized = [(test, support.DESKTOP) for test in TESTS] + [(test_phone_home_search_brings_the_box_up, support.PHONE)]
            passed, failed = support.run_tests(sized, ctx, args.only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return support.summary(passed, failed)


if __name__ == "__main__":
    sys.exit(main())
