#!/usr/bin/env python3
"""PNG screenshots of a built site in headless Chromium, for a person to look at.

    pages_screenshots.py SITE_DIR OUT_DIR

Writes the home page and the "Set up or change your backup method" article at desktop
(1280×900) and phone (390×844) widths, in light mode and in dark mode, as the first screen
(`*-top.png`), the whole page (`*-full.png`) and screen by screen (`*-screen-NN.png`), plus the article with the header search
open and with the skip link focused. Prints each file written.
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_support as support  # noqa: E402

SIZES = {"desktop": support.DESKTOP, "phone": support.PHONE}


def full_page(driver, path):
    """The whole page in one PNG: grow the viewport to the document's height first."""
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    metrics = driver.execute_script("return [innerWidth, innerHeight]")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": metrics[0], "height": min(height, 16000), "deviceScaleFactor": 1, "mobile": metrics[0] < 600})
    driver.save_screenshot(path)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": metrics[0], "height": metrics[1], "deviceScaleFactor": 1, "mobile": metrics[0] < 600})
    return width


def screens(driver, stem, limit=30):
    """The page screen by screen (each a viewport, scrolled), easier to look at than one tall PNG."""
    names = []
    height = driver.execute_script("return innerHeight")
    total = driver.execute_script("return document.documentElement.scrollHeight")
    for number, top in enumerate(range(0, total, height - 60), start=1):
        if number > limit:
            break
        driver.execute_script("window.scrollTo(0, arguments[0])", top)
        name = f"{stem}-screen-{number:02d}.png"
        driver.save_screenshot(name)
        names.append(name)
    driver.execute_script("window.scrollTo(0, 0)")
    return names


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    site, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    article = support.find_page(site, "/set-up-or-change-your-backup-method/")
    collection = "/" + article.strip("/").split("/")[0] + "/"
    pages = {"home": "/", "collection": collection, "backup-method-article": article, "search": "/search/?q=lost+phone", "404": "/404.html"}
    available = support.site_pages(site)
    for name, path in (("all-collections", "/collections/"), ("policy", "/policy/")):  # the rules page, with its state diagram
        if path in available:
            pages[name] = path
    written = []
    with support.SiteServer(site) as server:
        for scheme in ("light", "dark"):
            for size_name, size in SIZES.items():
                driver = support.make_driver(size, dark=(scheme == "dark"))
                try:
                    for page_name, path in pages.items():
                        driver.get(server.url(path))
                        support.wait_until_loaded(driver)
                        driver.execute_script("return document.fonts.ready")
                        stem = os.path.join(out, f"{page_name}-{size_name}-{scheme}")
                        driver.save_screenshot(stem + "-top.png")
                        full_page(driver, stem + "-full.png")
                        written += [stem + "-top.png", stem + "-full.png"]
                        written += screens(driver, stem)
                    # Interaction states, light mode only.
                    if scheme == "light":
                        driver.get(server.url(article))
                        support.wait_until_loaded(driver)
                        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
                        name = os.path.join(out, f"skip-link-focused-{size_name}-light.png")
                        driver.save_screenshot(name)
                        written.append(name)
                        box = driver.find_element(By.ID, "search-input")
                        box.click()
                        box.send_keys("backup")
                        WebDriverWait(driver, 10).until(
                            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results [aria-selected=true]"))
                        box.send_keys(Keys.ARROW_DOWN)
                        name = os.path.join(out, f"search-open-{size_name}-light.png")
                        driver.save_screenshot(name)
                        written.append(name)
                        driver.get(server.url(article + "#feedback"))
                        support.wait_until_loaded(driver)
                        driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=yes]").click()
                        driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=partly]").send_keys(Keys.SHIFT, Keys.TAB)
                        driver.find_element(By.CSS_SELECTOR, ".feedback-reaction[data-reaction=yes]").send_keys(Keys.SHIFT, Keys.TAB)
                        name = os.path.join(out, f"feedback-{size_name}-light.png")
                        driver.save_screenshot(name)
                        written.append(name)
                finally:
                    support.quit_driver(driver)
    for name in written:
        print(name)


if __name__ == "__main__":
    sys.exit(main())
