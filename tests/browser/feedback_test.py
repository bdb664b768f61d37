#!/usr/bin/env python3
"""The feedback widget against the real collector (headless Chromium through Selenium).

    feedback_test.py --binary .build/debug/helpcenter [--project .] [--screenshots DIR]

A site built with `feedback_endpoint` naming a `helpcenter feedback serve` on a loopback port,
served from another port (so the post is cross-origin, through CORS):
  - "No" is stored; a comment box appears; a comment with markup is refused with a reason and
    the box stays; a plain one is then added to that vote and kept as text (its `&` and `<`
    too); the report counts one vote;
  - "Yes" offers no comment box;
  - with the collector stopped, a click says the answer could not be sent;
  - the writers' preview with --feedback-database shows the article's score.

Closes with 'N passed, N failed'; exit status 0 when every test passed.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_support as support  # noqa: E402

TIMEOUT = support.TIMEOUT

ARTICLE = "two-factor-authentication/set-up-or-change-your-backup-method/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Collector:
    def __init__(self, binary, site, database, port, origin):
        self.arguments = [binary, "feedback", "serve", "--site", site, "--database", database, "--port", str(port),
                          "--allow-origin", origin]
        self.url = f"http://127.0.0.1:{port}/"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(self.arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode())
                time.sleep(0.1)
        raise RuntimeError("the collector did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=TIMEOUT)


def report(binary, database):
    output = subprocess.run([binary, "feedback", "report", "--database", database, "--format", "json"],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def status_text(driver):
    return driver.find_element(By.CSS_SELECTOR, ".feedback-status").text


wait = support.wait


def open_article(driver, ctx):
    driver.get(ctx.server.url(ARTICLE))
    support.wait_until_loaded(driver)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    support.wait_until_loaded(driver)


def test_no_then_a_comment_is_stored_as_text(driver, ctx):
    open_article(driver, ctx)
    form = driver.find_element(By.CSS_SELECTOR, ".feedback-comment")
    assert not form.is_displayed(), "the comment box shows before any answer"
    driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=no]").click()
    wait(driver, lambda d: form.is_displayed(), f"no comment box after No ({status_text(driver)!r})")
    assert status_text(driver) == "Thanks for letting us know.", status_text(driver)
    field = driver.find_element(By.ID, "feedback-comment-text")
    field.send_keys("<b>Step 3</b> names a menu I cannot find")
    driver.find_element(By.CSS_SELECTOR, ".feedback-send").click()
    wait(driver, lambda d: "plain text" in status_text(d), f"markup not refused with a reason ({status_text(driver)!r})")
    assert form.is_displayed(), "the comment box closed although the comment was refused"
    before = next(a for a in report(ctx.binary, ctx.database)["articles"] if a["article"] == ARTICLE)
    assert before["latestComments"] == [], f"a comment with markup was stored: {before}"
    field.clear()
    field.send_keys("Step 3 & 4 name a menu I cannot find (a < b)")
    if ctx.screenshots:
        driver.execute_script("document.getElementById('feedback').scrollIntoView()")
        driver.save_screenshot(os.path.join(ctx.screenshots, "feedback-comment-box.png"))
    driver.find_element(By.CSS_SELECTOR, ".feedback-send").click()
    wait(driver, lambda d: status_text(d) == "Thanks, your comment was sent.", f"comment not confirmed ({status_text(driver)!r})")
    assert not form.is_displayed(), "the comment box stays after sending"
    data = report(ctx.binary, ctx.database)
    entry = next(a for a in data["articles"] if a["article"] == ARTICLE)
    assert entry["votes"]["no"] == 1 and entry["votes"]["yes"] == 0, entry["votes"]
    assert [c["comment"] for c in entry["latestComments"]] == ["Step 3 & 4 name a menu I cannot find (a < b)"], entry


def test_yes_offers_no_comment_box(driver, ctx):
    open_article(driver, ctx)
    driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=yes]").click()
    wait(driver, lambda d: status_text(d) == "Thanks for letting us know.", f"no thanks ({status_text(driver)!r})")
    time.sleep(0.3)
    assert not driver.find_element(By.CSS_SELECTOR, ".feedback-comment").is_displayed()


def test_a_failed_post_is_told(driver, ctx):
    ctx.collector.stop()
    try:
        open_article(driver, ctx)
        driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=partly]").click()
        wait(driver, lambda d: "could not be sent" in status_text(d), f"the failure is not told ({status_text(driver)!r})")
        assert not driver.find_element(By.CSS_SELECTOR, ".feedback-comment").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=partly]").get_attribute("aria-pressed") == "true"
        if ctx.screenshots:
            driver.execute_script("document.getElementById('feedback').scrollIntoView()")
            driver.save_screenshot(os.path.join(ctx.screenshots, "feedback-post-failed.png"))
    finally:
        ctx.collector.start()


def test_the_preview_shows_the_score(driver, ctx):
    """After the tests above: one "No" and one "Yes" on ARTICLE."""
    port = free_port()
    preview = subprocess.Popen([ctx.binary, "serve", "--project", ctx.project, "--port", str(port),
                                "--feedback-database", ctx.database], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/{ARTICLE}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                if preview.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the preview did not start: " + (preview.stderr.read().decode() if preview.poll() is not None else ""))
                time.sleep(0.2)
        driver.get(url)
        support.wait_until_loaded(driver)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".feedback .helpcenter-preview-score"), "no score in the feedback box")
        text = driver.find_element(By.CSS_SELECTOR, ".feedback .helpcenter-preview-score").text
        assert text == "Readers (preview only): 50% yes of 2 votes", text
        if ctx.screenshots:
            driver.execute_script("document.getElementById('feedback').scrollIntoView()")
            driver.save_screenshot(os.path.join(ctx.screenshots, "feedback-preview-score.png"))
    finally:
        preview.terminate()
        preview.wait(timeout=TIMEOUT)


TESTS = [test_no_then_a_comment_is_stored_as_text, test_yes_offers_no_comment_box, test_a_failed_post_is_told,
         test_the_preview_shows_the_score]


class Context:
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the helpcenter program")
    parser.add_argument("--project", default=".", help="the folder holding content/, templates/ and helpcenter.yaml")
    parser.add_argument("--screenshots", help="a folder for screenshots of the comment box and of a failed post")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="helpcenter-feedback-")
    passed = failed = 0
    ctx = Context()
    ctx.binary = os.path.abspath(args.binary)
    ctx.database = os.path.join(work, "feedback.sqlite")
    ctx.screenshots = args.screenshots
    ctx.project = os.path.abspath(args.project)
    try:
        site = os.path.join(work, "site")
        port = free_port()
        with support.SiteServer(site) as server:
            support.build_site(ctx.binary, os.path.abspath(args.project), site,
                               extra_config=f"feedback_endpoint: http://127.0.0.1:{port}/")
            ctx.server = server
            ctx.collector = Collector(ctx.binary, site, ctx.database, port, server.origin)
            ctx.collector.start()
            try:
                passed, failed = support.run_tests([(test, support.DESKTOP) for test in TESTS], ctx)
            finally:
                ctx.collector.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return support.summary(passed, failed)


if __name__ == "__main__":
    sys.exit(main())
