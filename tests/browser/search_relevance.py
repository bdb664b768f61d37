#!/usr/bin/env python3
"""Search relevance in a real browser (headless Chromium through Selenium): each reader query of
tests/search/queries.tsv is typed into the header search box of the site built from this
project's content/, opened from file://, and the article listed first is compared with the one
the query should find.

    search_relevance.py --site BUILT_SITE [--queries tests/search/queries.tsv] [--page index.html]
                        [--minimum-first 0.85] [--minimum-top3 0.95]

--page picks the page opened (fr/index.html for the French help centre and its index).

Also checks that focusing the box loads nothing of the index, and (on the default language's
page) that search.js splits the texts of tests/search/tokenizer.tsv into the words listed there,
as the build's tokenizer does. Prints one line per query (ok, top3 or MISS, with the articles listed), then the share answered
first and in the top three; exit status 1 when a share is under its minimum.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages_support import make_driver, quit_driver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            query, expected = line.split("\t")[:2]
            queries.append((query, expected))
    return queries


def listed(driver, query, timeout=10):
    """Types the query into the header box and returns the result links' paths, in order."""
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    driver.execute_script("document.getElementById('search-results').removeAttribute('data-query')")
    box.send_keys(query)
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = driver.execute_script("return document.getElementById('search-results').getAttribute('data-query')")
        if done == query:
            break
        time.sleep(0.02)
    else:
        raise TimeoutError(f"no results listed for {query!r}")
    return [a.get_attribute("data-path") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a[role=option]")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "..", "search", "queries.tsv"))
    parser.add_argument("--page", default="index.html")
    parser.add_argument("--tokenizer", default=os.path.join(os.path.dirname(__file__), "..", "search", "tokenizer.tsv"))
    parser.add_argument("--minimum-first", type=float, default=0.85)
    parser.add_argument("--minimum-top3", type=float, default=0.95)
    args = parser.parse_args()
    queries = read_queries(args.queries)
    driver = make_driver()
    first = top3 = 0
    try:
        driver.get("file://" + os.path.abspath(os.path.join(args.site, args.page)))
        # Nothing of the index is loaded before the reader types, even with the box focused.
        driver.find_element(By.ID, "search-input").click()
        time.sleep(0.3)
        early = driver.execute_script("return document.querySelectorAll('script[src*=\"search/index/\"]').length")
        if early:
            print(f"FAIL: {early} index scripts loaded before anything was typed", file=sys.stderr)
            return 1
        # search.js splits words as the build does (tests/search/tokenizer.tsv, also read by
        # SearchTokenizerTests); on the default language's page, whose index elides nothing.
        if args.page == "index.html":
            mismatches = 0
            for text, expected in read_queries(args.tokenizer):
                found = driver.execute_script("return window.HelpCenterSearch.words(arguments[0])", text)
                if found != expected.split():
                    mismatches += 1
                    print(f"FAIL: search.js splits {text!r} into {found}, the build into {expected.split()}", file=sys.stderr)
            if mismatches:
                return 1
        for query, expected in queries:
            paths = listed(driver, query)
            if paths[:1] == [expected]:
                first += 1
                verdict = "ok  "
            elif expected in paths[:3]:
                verdict = "top3"
            else:
                verdict = "MISS"
            if expected in paths[:3]:
                top3 += 1
            shown = ", ".join(p.rstrip("/").split("/")[-1] for p in paths[:3]) or "(nothing)"
            print(f"{verdict} {query!r}: {shown}")
    finally:
        quit_driver(driver)
    count = len(queries)
    label = "" if args.page == "index.html" else f" ({os.path.dirname(args.page)}/)"
    print(f"search relevance{label}: {first}/{count} first ({first / count:.0%}), {top3}/{count} in the top three ({top3 / count:.0%})")
    if first / count < args.minimum_first or top3 / count < args.minimum_top3:
        print(f"under the minimum ({args.minimum_first:.0%} first, {args.minimum_top3:.0%} in the top three)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
