#!/usr/bin/env python3
"""axe-core in headless Chromium over every page of a built site, in light and dark mode,
plus the states a reader reaches by hand (search results open, a feedback reaction
pressed, the skip link focused), plus a layout check at phone width (nothing wider than
the screen).

    pages_check.py SITE_DIR

Prints every axe violation as `page [scheme] impact rule-id: target — help`; serious and
critical ones fail the run, as does a page that scrolls sideways on a phone or a dark mode
that does not change the page's colours. Closes with 'N passed, N failed' (one check per
page and scheme, per state and per phone-width page). Exit status 0 when nothing failed.
"""
import os
import sys

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_support as support  # noqa: E402

FAILING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = '{"resultTypes": ["violations"]}'


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, ok, label, details=()):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {label}")
        for line in details:
            print(f"  {line}")


def axe_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options=AXE_OPTIONS)
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            found.append((violation.get("impact") or node.get("impact") or "unknown", violation["id"],
                          target, violation["help"]))
    return found


def check_axe(driver, tally, label):
    violations = axe_violations(driver)
    lines = [f"{label} {impact} {rule}: {target} — {help_text}"
             for impact, rule, target, help_text in violations]
    failing = [v for v in violations if v[0] in FAILING_IMPACTS]
    tally.record(not failing, f"{label}: {len(failing)} serious/critical axe violation(s)", lines)
    return violations


def background(driver):
    return driver.execute_script(
        "return getComputedStyle(document.body).backgroundColor + ' ' + "
        "getComputedStyle(document.documentElement).backgroundColor")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    site = os.path.abspath(sys.argv[1])
    pages = support.site_pages(site)
    if not pages:
        raise SystemExit(f"pages_check: no .html pages in {site}")
    tally = Tally()
    article = support.find_page(site, "/set-up-or-change-your-backup-method/")

    with support.SiteServer(site) as server:
        # Every page, light then dark.
        for scheme in ("light", "dark"):
            driver = support.make_driver(support.DESKTOP, dark=(scheme == "dark"))
            try:
                light_background = None
                for page in pages:
                    driver.get(server.url(page))
                    support.wait_until_loaded(driver)
                    check_axe(driver, tally, f"{page} [{scheme}]")
                if scheme == "dark":
                    dark_background = background(driver)
                    support.set_color_scheme(driver, "light")
                    driver.refresh()
                    support.wait_until_loaded(driver)
                    light_background = background(driver)
                    tally.record(dark_background != light_background,
                                 f"dark mode changes the page colours ({dark_background!r} vs {light_background!r})")
            finally:
                support.quit_driver(driver)

        # States a reader reaches by hand: search results open, a reaction pressed, skip link focused.
        for scheme in ("light", "dark"):
            driver = support.make_driver(support.DESKTOP, dark=(scheme == "dark"))
            wait = WebDriverWait(driver, 10, poll_frequency=0.05)
            try:
                driver.get(server.url("/"))
                support.wait_until_loaded(driver)
                box = driver.find_element(By.ID, "search-input")
                box.send_keys("backup")
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results [aria-selected=true]"))
                check_axe(driver, tally, f"/ with search results open [{scheme}]")
                box.send_keys(Keys.CONTROL, "a")
                box.send_keys("zzzzqqq")
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-empty"))
                check_axe(driver, tally, f"/ with 'no results' shown [{scheme}]")

                driver.get(server.url(article))
                support.wait_until_loaded(driver)
                driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=yes]").click()
                wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".feedback-status").text.strip())
                check_axe(driver, tally, f"{article} with a reaction pressed [{scheme}]")

                driver.get(server.url(article))
                support.wait_until_loaded(driver)
                driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
                check_axe(driver, tally, f"{article} with the skip link focused [{scheme}]")

                driver.get(server.url("/search/?q=backup"))
                support.wait_until_loaded(driver)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-page-results li"))
                check_axe(driver, tally, f"/search/?q=backup with results [{scheme}]")
            finally:
                support.quit_driver(driver)

        # Phone width: no page scrolls sideways.
        driver = support.make_driver(support.PHONE)
        try:
            for page in pages:
                driver.get(server.url(page))
                support.wait_until_loaded(driver)
                widths = driver.execute_script(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
                wide = driver.execute_script("""
                    const limit = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > limit + 1 && !e.closest('[hidden], .table-wrapper, pre'))
                      .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
                        + ' right=' + Math.round(e.getBoundingClientRect().right));""")
                tally.record(widths[0] <= widths[1],
                             f"{page} at {support.PHONE[0]}px scrolls sideways (scrollWidth {widths[0]} > {widths[1]})",
                             [f"{page} too wide: {w}" for w in wide] if widths[0] > widths[1] else ())
        finally:
            support.quit_driver(driver)

    print(f"pages_check: {len(pages)} pages checked with axe-core in light and dark mode")
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
