#!/usr/bin/env python3
"""The article page's reading features in a real browser (headless Chromium through Selenium),
on the site built from this project's content/ and templates/, served from a loopback port.

    reading_test.py --binary .build/debug/helpcenter [--project .] [--site BUILT_SITE] [-k NAME]

  - the contents list: beside the article on a wide screen, sections only, the section
    being read marked (aria-current) after scrolling and after a click, still in view
    (sticky); a collapsed "On this page" disclosure above the article on a phone;
  - the image dialog: a click or Enter on a figure opens a larger image in a modal dialog,
    Escape or Close shuts it and focus returns to the image's link; without the script the
    link leads to the image file; on a phone a screen is shown whole, and legibly in the dialog;
  - tables on a phone: the scroll box is a labelled region that Tab reaches, shows a focus
    ring and scrolls with the arrow keys; axe-core finds no serious violation at that size;
  - search: the header's results are links to the right pages (a Ctrl+click opens a new
    tab); the search page shows one search box on a phone; separators ("›", "·") never
    start a wrapped line;
  - from file:// (the build folder opened as it is), links, the language switcher and search
    lead to pages, not to folder listings.

Closes with 'N passed, N failed'; exit status 0 when every test passed.
"""
import argparse
import os
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_support as support  # noqa: E402

TIMEOUT = support.TIMEOUT

LONGEST = "two-factor-authentication/set-up-or-change-your-backup-method/"
WITH_TABLE = "two-factor-authentication/use-your-backup-method-to-get-back-in/"
# The site's articles have no table too wide for a phone (worked examples are lists), so the
# wide-table test adds columns to a real table, in the scroll box the renderer wrote.
WIDE_TABLE = (WITH_TABLE, ".article-body .table-wrapper.widened")
NARROW = (320, 700)
# The smallest text in the screens is 12 px at their own size; at 0.85 of it, 10 px (the
# dialog's size; in the page a screen is shown whole, scaled to the column).
LEGIBLE_SCALE = 0.85


wait = support.wait
open_page = support.open_page


def current_links(driver):
    return [a.get_attribute("href").split("#", 1)[1]
            for a in driver.find_elements(By.CSS_SELECTOR, ".toc a[aria-current]")]


def scroll_to_heading(driver, heading_id):
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", heading_id)


def rect(driver, element):
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
        " width: r.width, height: r.height};", element)


def is_open(driver, details):
    return driver.execute_script("return arguments[0].open", details)


def active_id(driver):
    return driver.execute_script("const a = document.activeElement; return a ? (a.id || a.className) : null;")


# --- the contents list ---------------------------------------------------------------------

def test_contents_sit_beside_the_article_with_sections_only(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
    details = toc.find_element(By.TAG_NAME, "details")
    wait(driver, lambda d: is_open(d, details), "the contents are not open on a wide screen")
    body = driver.find_element(By.CSS_SELECTOR, ".article-body")
    assert rect(driver, toc)["left"] >= rect(driver, body)["right"], \
        f"the contents are not beside the article: toc {rect(driver, toc)}, body {rect(driver, body)}"
    sections = [h.get_attribute("id") for h in driver.find_elements(By.CSS_SELECTOR, ".article-body h2[id]")]
    listed = [a.get_attribute("href").split("#", 1)[1] for a in toc.find_elements(By.CSS_SELECTOR, "a")]
    assert listed == sections, f"the contents list {listed}, the article's sections are {sections}"
    assert 3 <= len(listed) <= 10, f"{len(listed)} entries"
    assert all(a.is_displayed() for a in toc.find_elements(By.CSS_SELECTOR, "a"))


def test_the_section_being_read_is_marked(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    assert current_links(driver) == [], f"a section is marked before the reader scrolled: {current_links(driver)}"
    for heading in ("change-your-backup-method", "troubleshooting", "before-you-start"):
        scroll_to_heading(driver, heading)
        wait(driver, lambda d: current_links(d) == [heading],
             f"after scrolling to #{heading}, marked: {current_links(driver)}")
        toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
        box = rect(driver, toc)
        height = driver.execute_script("return innerHeight")
        assert 0 <= box["top"] < height, f"the contents scrolled out of view (sticky): {box}"
    marked = driver.find_element(By.CSS_SELECTOR, ".toc a[aria-current]")
    assert marked.get_attribute("aria-current") == "location"
    # A click on an entry jumps there and marks it.
    driver.find_element(By.CSS_SELECTOR, ".toc a[href='#choose-a-backup-method-you-can-still-reach']").click()
    wait(driver, lambda d: current_links(d) == ["choose-a-backup-method-you-can-still-reach"],
         f"after a click, marked: {current_links(driver)}")
    # The end of the page marks the last section, however short it is.
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    last = driver.find_elements(By.CSS_SELECTOR, ".toc a")[-1].get_attribute("href").split("#", 1)[1]
    wait(driver, lambda d: current_links(d) == [last], f"at the end of the page, marked: {current_links(driver)}")
    driver.execute_script("window.scrollTo(0, 0)")
    wait(driver, lambda d: current_links(d) == [], f"back at the top, marked: {current_links(driver)}")


def test_contents_are_a_collapsed_disclosure_on_a_phone(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
    details = toc.find_element(By.TAG_NAME, "details")
    summary = details.find_element(By.TAG_NAME, "summary")
    assert not is_open(driver, details), "the contents are open on a phone"
    assert summary.is_displayed() and summary.text == "On this page", summary.text
    links = toc.find_elements(By.CSS_SELECTOR, "a")
    assert links and not any(a.is_displayed() for a in links), "entries shown while collapsed"
    assert rect(driver, toc)["height"] < 80, f"the collapsed contents take {rect(driver, toc)['height']} px"
    body = driver.find_element(By.CSS_SELECTOR, ".article-body")
    assert rect(driver, toc)["bottom"] <= rect(driver, body)["top"], "the contents are not above the article"
    summary.click()
    wait(driver, lambda d: all(a.is_displayed() for a in links), "the entries did not show when the summary was clicked")
    # The keyboard folds it again.
    summary.send_keys(Keys.ENTER)
    wait(driver, lambda d: not is_open(d, details), "Enter on the summary did not fold the contents")


# --- images --------------------------------------------------------------------------------

def dialog_state(driver):
    return driver.execute_script(
        "const d = document.querySelector('dialog.image-dialog'); if (!d) return null;"
        "const img = d.querySelector('img');"
        "return {open: d.open, modal: d.matches(':modal'), focusInside: d.contains(document.activeElement),"
        " src: img.getAttribute('src') || '', loaded: img.complete && img.naturalWidth > 0, width: img.getBoundingClientRect().width,"
        " title: d.querySelector('#image-dialog-title').textContent};")


def test_an_image_opens_in_a_dialog_and_escape_returns_focus(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    links = driver.find_elements(By.CSS_SELECTOR, "a.figure-image")
    assert len(links) == 3, f"{len(links)} figures"
    link = links[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    image = link.find_element(By.TAG_NAME, "img")
    in_page = rect(driver, image)["width"]
    assert link.get_attribute("aria-haspopup") == "dialog"
    link.click()
    wait(driver, lambda d: (dialog_state(d) or {}).get("open"), "a click did not open the dialog")
    wait(driver, lambda d: dialog_state(d)["loaded"], "the larger image did not load")
    state = dialog_state(driver)
    assert state["modal"] and state["focusInside"], state
    assert state["src"] == link.get_dom_attribute("href"), (state["src"], link.get_dom_attribute("href"))
    assert state["width"] > in_page, f"the dialog's image ({state['width']} px) is not larger than the page's ({in_page} px)"
    caption = link.find_element(By.XPATH, "following-sibling::figcaption").text
    assert state["title"] == caption, state["title"]
    assert driver.current_url == ctx.server.url(LONGEST), "the page navigated away"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not dialog_state(d)["open"], "Escape did not close the dialog")
    assert driver.execute_script("return document.activeElement === arguments[0]", link), \
        f"focus went to {active_id(driver)!r}, not back to the image's link"
    # The keyboard opens it too; the Close button shuts it.
    link.send_keys(Keys.ENTER)
    wait(driver, lambda d: dialog_state(d)["open"], "Enter on the image's link did not open the dialog")
    close = driver.find_element(By.CSS_SELECTOR, "dialog.image-dialog .image-dialog-close")
    assert driver.switch_to.active_element == close, f"focus is on {active_id(driver)!r}, not on Close"
    close.send_keys(Keys.ENTER)
    wait(driver, lambda d: not dialog_state(d)["open"], "Close did not close the dialog")
    assert driver.execute_script("return document.activeElement === arguments[0]", link)


def test_without_the_dialog_the_link_leads_to_the_image_file(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    links = driver.find_elements(By.CSS_SELECTOR, "a.figure-image")
    assert len(links) == 3, f"{len(links)} figure links"
    for link in links:
        href = link.get_attribute("href")
        assert href.endswith(".svg"), href
        with urllib.request.urlopen(href, timeout=TIMEOUT) as response:
            assert response.status == 200 and response.headers.get_content_type() == "image/svg+xml", (href, response.status)


def test_screens_are_shown_whole_and_open_legibly_on_a_phone(driver, ctx):
    """Shown whole in the page (a wide screen scrolled sideways in its link with nothing to say
    so, and half of it went unseen: session 21's reader trial), and at a legible size in the
    dialog "Open larger" opens."""
    open_page(driver, ctx.server, LONGEST)
    links = driver.find_elements(By.CSS_SELECTOR, ".article-body a.figure-image")
    assert len(links) == 3, f"{len(links)} figures"
    for link in links:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        image = link.find_element(By.TAG_NAME, "img")
        sizes = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", link)
        assert sizes[0] <= sizes[1], f"{image.get_attribute('src')}: cropped, {sizes[0]} px wide in a {sizes[1]} px box"
        box, shown = rect(driver, link), rect(driver, image)
        assert shown["left"] >= box["left"] - 1 and shown["right"] <= box["right"] + 1, (box, shown)
        assert link.find_element(By.CSS_SELECTOR, ".figure-image-hint").is_displayed(), "no visible 'Open larger'"
    link = links[0]
    natural = float(link.find_element(By.TAG_NAME, "img").get_dom_attribute("width"))
    link.click()
    wait(driver, lambda d: (dialog_state(d) or {}).get("open"), "a click did not open the dialog")
    wait(driver, lambda d: dialog_state(d)["loaded"], "the larger image did not load")
    width = dialog_state(driver)["width"]
    assert width >= natural * LEGIBLE_SCALE, f"the dialog shows it {width} px wide of {natural} (scale {width / natural:.2f})"
    width = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"


# --- tables --------------------------------------------------------------------------------

def test_a_wide_table_scrolls_by_keyboard_on_a_phone(driver, ctx):
    page, selector = WIDE_TABLE
    open_page(driver, ctx.server, page)
    driver.execute_script("""
        const box = document.querySelector(".article-body .table-wrapper");
        box.classList.add("widened");
        box.querySelectorAll("tr").forEach((row, r) => {
            for (let c = 0; c < 6; c++) {
                const cell = document.createElement(r === 0 ? "th" : "td");
                cell.textContent = "unbreakable-cell-content-" + c;
                row.appendChild(cell);
            }
        });
    """)
    # A window resize makes the page's script measure its scroll boxes again.
    size = driver.get_window_size()
    driver.set_window_size(size["width"] - 10, size["height"])
    driver.set_window_size(size["width"], size["height"])
    box = driver.find_element(By.CSS_SELECTOR, selector)
    assert box.get_attribute("role") == "region"
    name = box.get_attribute("aria-label") or driver.find_element(By.ID, box.get_attribute("aria-labelledby")).text
    assert name.strip(), "the scroll box has no name"
    sizes = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", box)
    assert sizes[0] > sizes[1], f"the table fits the phone ({sizes}): nothing to test"
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(80):
        if driver.switch_to.active_element == box:
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    else:
        raise AssertionError("Tab never reached the table's scroll box")
    style = driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", box)
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, f"no visible focus ring: {style}"
    box.send_keys(Keys.ARROW_RIGHT)
    wait(driver, lambda d: d.execute_script("return arguments[0].scrollLeft", box) > 0, "ArrowRight did not scroll the table")
    axe = Axe(driver)
    axe.inject()
    violations = axe.run(options='{"resultTypes": ["violations"]}')["violations"]
    serious = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations if v.get("impact") in ("serious", "critical")]
    assert serious == [], f"axe at {support.PHONE}: {serious}"


def test_a_table_that_fits_takes_no_tab_stop(driver, ctx):
    open_page(driver, ctx.server, WITH_TABLE)
    box = driver.find_element(By.CSS_SELECTOR, ".article-body .table-wrapper")
    assert box.get_attribute("aria-label") == "Table: Is this the right option for you?", box.get_attribute("aria-label")
    sizes = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", box)
    assert sizes[0] <= sizes[1], f"the table does not fit a wide screen: {sizes}"
    wait(driver, lambda d: box.get_attribute("tabindex") is None, "a table with nothing to scroll is still a tab stop")


# --- search and separators -----------------------------------------------------------------

def test_search_results_are_links_to_their_pages(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("recovery key")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a[role=option]"), "no results")
    options = driver.find_elements(By.CSS_SELECTOR, "#search-results a[role=option]")
    # Each result links to its article, at the section where the words were found when they
    # were found in a section (search.js: the snippet's heading).
    for option in options:
        page, _, _ = option.get_attribute("href").partition("#")
        assert page == ctx.server.url(option.get_attribute("data-path")), option.get_attribute("href")
        assert option.get_attribute("tabindex") == "-1", "a result is in the Tab order"
    first_href = options[0].get_attribute("href")
    assert first_href.partition("#")[0] == ctx.server.url("two-factor-authentication/recovery-keys/"), first_href
    # Ctrl+click opens the result in a new tab and leaves this page as it was.
    before = driver.window_handles
    ActionChains(driver).key_down(Keys.CONTROL).click(options[0]).key_up(Keys.CONTROL).perform()
    wait(driver, lambda d: len(d.window_handles) == len(before) + 1, "Ctrl+click opened no new tab")
    assert driver.current_url == ctx.server.url(LONGEST), driver.current_url
    new_tab = [h for h in driver.window_handles if h not in before][0]
    driver.switch_to.window(new_tab)
    wait(driver, lambda d: d.current_url == first_href, f"the new tab shows {driver.current_url}")
    fragment = first_href.partition("#")[2]
    if fragment:
        assert driver.find_elements(By.ID, urllib.parse.unquote(fragment)), f"no element #{fragment} on the result's page"
    driver.close()
    driver.switch_to.window(before[0])
    # A plain click follows the link.
    open_page(driver, ctx.server, LONGEST)
    driver.find_element(By.ID, "search-input").send_keys("recovery key")
    first = wait(driver, lambda d: [o for o in d.find_elements(By.CSS_SELECTOR, "#search-results a[role=option]") if o.is_displayed()],
                 "no results")[0]
    href = first.get_attribute("href")
    first.click()
    wait(driver, lambda d: d.current_url == href, f"a click opened {driver.current_url}, not {href}")


def test_from_a_folder_every_way_leads_to_a_page(driver, ctx):
    """Opened from file:// (the build folder itself), a link to a page's folder would show the
    folder's listing: links, the language switcher, the search box's results, its form and the
    search page's results all open pages."""
    site = "file://" + ctx.server.directory.rstrip("/") + "/"

    def follow(element, expected_title):
        href = element.get_attribute("href")
        element.click()
        wait(driver, lambda d: d.title.startswith(expected_title), f"{href} opened '{driver.title}' at {driver.current_url}")
        assert not driver.current_url.split("#")[0].split("?")[0].endswith("/"), driver.current_url

    driver.get(site + "index.html")
    support.wait_until_loaded(driver)
    follow(driver.find_element(By.CSS_SELECTOR, "main a[href*='check-for-a-backup-method']"), "Check whether you have a backup method")
    follow(driver.find_element(By.CSS_SELECTOR, ".breadcrumbs a[href*='two-factor-authentication']"), "Two-factor authentication")
    follow(driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang^='fr']"), "Authentification à deux facteurs")
    driver.get(site + LONGEST + "index.html")
    support.wait_until_loaded(driver)
    driver.find_element(By.ID, "search-input").send_keys("recovery key")
    first = wait(driver, lambda d: [o for o in d.find_elements(By.CSS_SELECTOR, "#search-results a[role=option]") if o.is_displayed()],
                 "no results")[0]
    follow(first, "Recovery keys")
    # The form without a chosen result: the search page, then one of its results.
    driver.find_element(By.ID, "search-input").send_keys("backup email")
    driver.execute_script("document.getElementById('site-search').submit()")
    result = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".search-page-results a"), f"no results at {driver.current_url}")[0]
    assert "/search/index.html?" in driver.current_url, driver.current_url
    follow(result, result.text.strip()[:10])


def test_the_search_page_shows_one_search_box_on_a_phone(driver, ctx):
    open_page(driver, ctx.server, "/search/?q=backup")
    boxes = [b for b in driver.find_elements(By.CSS_SELECTOR, "input[name=q]") if b.is_displayed()]
    assert [b.get_attribute("id") for b in boxes] == ["search-page-input"], [b.get_attribute("id") for b in boxes]


def test_separators_never_start_a_line(driver, ctx):
    open_page(driver, ctx.server, LONGEST)
    driver.execute_script("document.querySelector('.breadcrumbs li:last-child a').textContent += ' and a long name that wraps';")
    problems = driver.execute_script("""
        const problems = [];
        const separator = /^["']?[›·]/;
        for (const selector of ['.breadcrumbs li', '.article-meta > span']) {
          const items = [...document.querySelectorAll(selector)];
          items.forEach((item, i) => {
            const before = getComputedStyle(item, '::before').content;
            const startsLine = i === 0 || item.getBoundingClientRect().top > items[i - 1].getBoundingClientRect().top + 2;
            if (startsLine && separator.test(before)) problems.push(selector + ' #' + i + ' starts a line with ' + before);
          });
          if (selector === '.breadcrumbs li' && !items.some((item, i) => i > 0 && item.getBoundingClientRect().top > items[0].getBoundingClientRect().top + 2))
            problems.push('the breadcrumbs did not wrap: nothing tested');
        }
        // The footer's separator is text: it must stay on the line of the word before it.
        const footer = document.querySelector('.site-footer p');
        const walker = document.createTreeWalker(footer, NodeFilter.SHOW_TEXT);
        let node, found = false;
        while ((node = walker.nextNode())) {
          const at = node.data.indexOf('·');
          if (at < 0) continue;
          found = true;
          const range = document.createRange();
          range.setStart(node, at); range.setEnd(node, at + 1);
          const dot = range.getBoundingClientRect();
          const name = footer.querySelector('a').getClientRects();
          const lastLine = name[name.length - 1];
          if (Math.abs(dot.top - lastLine.top) > 2) problems.push('the footer\\'s "·" starts a line');
        }
        if (!found) problems.push('no "·" in the footer');
        return problems;""")
    assert problems == [], problems


class Context:
    def __init__(self, server):
        self.server = server


TESTS = [
    (test_contents_sit_beside_the_article_with_sections_only, support.DESKTOP),
    (test_the_section_being_read_is_marked, support.DESKTOP),
    (test_contents_are_a_collapsed_disclosure_on_a_phone, support.PHONE),
    (test_an_image_opens_in_a_dialog_and_escape_returns_focus, support.DESKTOP),
    (test_an_image_opens_in_a_dialog_and_escape_returns_focus, support.PHONE),
    (test_without_the_dialog_the_link_leads_to_the_image_file, support.DESKTOP),
    (test_screens_are_shown_whole_and_open_legibly_on_a_phone, support.PHONE),
    (test_a_wide_table_scrolls_by_keyboard_on_a_phone, support.PHONE),
    (test_a_table_that_fits_takes_no_tab_stop, support.DESKTOP),
    (test_search_results_are_links_to_their_pages, support.DESKTOP),
    (test_from_a_folder_every_way_leads_to_a_page, support.DESKTOP),
    (test_the_search_page_shows_one_search_box_on_a_phone, support.PHONE),
    (test_separators_never_start_a_line, NARROW),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the helpcenter program")
    parser.add_argument("--project", default=".", help="the folder holding content/, templates/ and helpcenter.yaml")
    parser.add_argument("--site", help="an already built site (built from --project when not given)")
    parser.add_argument("-k", dest="only", help="run only the tests whose name contains this")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="helpcenter-reading-")
    passed = failed = 0
    try:
        site = os.path.abspath(args.site) if args.site else os.path.join(work, "site")
        if not args.site:
            support.build_site(args.binary, os.path.abspath(args.project), site)
        with support.SiteServer(site) as server:
            passed, failed = support.run_tests(TESTS, Context(server), args.only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return support.summary(passed, failed)


if __name__ == "__main__":
    sys.exit(main())
