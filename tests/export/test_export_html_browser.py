"""The HTML export in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by selenium. One page, several checks: every sentence
pair, word alignment by hover and by keyboard, dark mode, no network."""

from __future__ import annotations

import shutil

import pytest
from export_fixtures import DOCUMENTS
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from reader.translate.alignment import word_spans
from reader.views.export.document import Layout
from reader.views.export.html import render_html
from reader.views.export.xhtml import word_links

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, translated, tmp_path_factory):
    """roman.epub side by side: headings, lists, quotes, footnotes."""
    document = translated(DOCUMENTS / "roman.epub")
    path = tmp_path_factory.mktemp("html") / "roman.html"
    path.write_text(render_html(document, Layout.TABLE), encoding="utf-8")
    browser.get(path.as_uri())
    return document


def highlighted(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.querySelectorAll('.en [data-w].hl')].map(e => e.textContent)"
    )


def test_every_sentence_pair_is_on_the_page(browser, page) -> None:
    shown = browser.execute_script(
        """const pairs = {};
        for (const side of ['de', 'en'])
            for (const s of document.querySelectorAll(`.${side} [data-s]`))
                (pairs[s.dataset.s] ??= {})[side] = s.textContent;
        return pairs;"""
    )
    expected = {
        str(item.sentence.index): {"de": item.sentence.text, "en": item.translation}
        for item in page.sentences()
    }
    assert shown == expected


def test_hovering_a_german_word_highlights_its_aligned_english(browser, page) -> None:
    checked = 0
    for item in list(page.sentences())[:6]:
        german, _ = word_links(item.alignment)
        for (start, end), (word_id, _) in german.items():
            element = browser.find_element(
                By.CSS_SELECTOR, f'.de [data-s="{item.sentence.index}"] [data-w="{word_id}"]'
            )
            ActionChains(browser).move_to_element(element).perform()
            expected = sorted(
                item.translation[t0:t1]
                for (s0, s1), (t0, t1) in item.alignment
                if (s0, s1) == (start, end)
            )
            assert sorted(highlighted(browser)) == expected
            assert "hl" in element.get_attribute("class")
            checked += 1
    # The copy model: every word aligned, to itself.
    sentence = next(page.sentences())
    assert len(word_links(sentence.alignment)[0]) == len(word_spans(sentence.sentence.text))
    assert checked >= 30


def test_keyboard_reaches_a_sentence_and_its_words(browser, page) -> None:
    # Tab from the top of the page: the table of contents' links, then the first sentence.
    browser.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    links = len(browser.find_elements(By.CSS_SELECTOR, "a[href]:not(main a)"))
    body = browser.find_element(By.TAG_NAME, "body")
    ActionChains(browser).move_to_element_with_offset(body, 0, 0).perform()
    for _ in range(links - len(browser.find_elements(By.CSS_SELECTOR, "section.glossary a")) + 1):
        ActionChains(browser).send_keys(Keys.TAB).perform()
    active = browser.switch_to.active_element
    assert active.get_attribute("data-s") == "0"  # the first heading's German
    active.send_keys(Keys.ARROW_RIGHT)
    word = browser.switch_to.active_element
    assert word.get_attribute("data-w") == "d0"
    assert highlighted(browser) == [word.text]
    word.send_keys(Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_attribute("data-w") == "d1"


def test_dark_mode_and_no_network(browser, page) -> None:
    def background() -> str:
        return browser.execute_script("return getComputedStyle(document.body).backgroundColor")

    light = background()
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    assert background() != light
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    # Nothing was fetched: the page is the only resource.
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []
