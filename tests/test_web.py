"""The dashboard in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

The server runs in this process (uvicorn on a free 127.0.0.1 port) over a store holding the demo
articles and, when ``../shared/seed/article.txt`` exists, the seed article. Screenshots go to
``test-artifacts/web/`` (or ``$MARSAD_TEST_ARTIFACTS/web``). Skipped, with the reason, when
Selenium, chromium or chromedriver is missing (``scripts/ci_browser.sh`` installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT.parent / "shared" / "seed" / "article.txt"
SEED_PUBLISHED = "2025-08-22"
ARTIFACTS = Path(os.environ.get("MARSAD_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "web"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,950", "--lang=en-GB"]
TOKEN = "web-test-token"
# stored with HTML in its title and outlet, which the page must show as text
XSS_TEXT = "حمص - قتل مدني وأصيب اثنان اليوم الأربعاء بانفجار عبوة ناسفة في حي الخالدية بمدينة حمص، بحسب مصادر محلية."
XSS_TITLE = '<img src=x onerror="window.__xss=1"> عنوان'
PASTED = ("حلب - قتل أربعة مدنيين اليوم الأحد في قصف مدفعي استهدف مدينة الأتارب في ريف حلب الغربي، "
          "بحسب ما أفاد الدفاع المدني السوري.")
WAIT = 15


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or (name if os.path.isabs(name) and os.access(name, os.X_OK) else None)
        if found:
            return found
    return None


CHROMIUM = _find("chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
CHROMEDRIVER = _find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")

try:
    import selenium  # noqa: F401

    SELENIUM = True
except ImportError:
    SELENIUM = False

pytestmark = [
    pytest.mark.skipif(not SELENIUM, reason="selenium is not installed (pip install 'marsad[test]')"),
    pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                       reason="Debian's chromium and chromium-driver are not installed (scripts/ci_browser.sh)"),
]
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a live server over a freshly seeded SQLite store."""
    import uvicorn

    from marsad.api import create_app
    from marsad.ingest import ingest
    from marsad.store import Store
    from marsad.web import SEED

    store = Store(str(tmp_path_factory.mktemp("web") / "web.db"))
    sources = [str(SEED)] + ([str(SEED_ARTICLE)] if SEED_ARTICLE.is_file() else [])
    summary = ingest(sources, store, published=SEED_PUBLISHED)
    assert summary.failed == 0 and summary.events > 0
    store.add_article(XSS_TEXT, published="2025-08-13", outlet="<b>Outlet</b>", title=XSS_TITLE)
    store.rebuild_canonical()
    app = create_app(store=store, token=TOKEN)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(WAIT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _json(url: str) -> dict:
    import httpx

    return httpx.get(url, timeout=10).json()


def _wait(driver, condition, message: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(condition, message)


def _open(driver, server: str) -> None:
    driver.get(server + "/")
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.basemap") == "ready",
          "the page did not finish loading")


def _rows(driver) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")


def _markers_shown(driver) -> int:
    """Markers drawn on the map: single markers plus the events inside clusters."""
    return driver.execute_script("""
        const singles = document.querySelectorAll('path.ev-marker').length;
        const clustered = [...document.querySelectorAll('.ev-cluster')].reduce((n, c) => n + Number(c.textContent), 0);
        return singles + clustered;""")


def _severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / name))


def test_page_shows_every_located_event_as_a_marker(server: str, browser) -> None:
    fc = _json(server + "/events.geojson")
    located = [f for f in fc["features"] if f["geometry"]]
    _open(browser, server)
    _wait(browser, lambda d: d.find_element("id", "map").get_attribute("data-count") == str(len(located)),
          "the map did not draw the events")
    _wait(browser, lambda d: _markers_shown(d) == len(located) > 0, "markers or clusters missing")
    assert len(_rows(browser)) == fc["total"]
    assert browser.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path, "
                                  ".leaflet-basemap-pane path').length") > 50  # offline basemap drawn
    if SEED_ARTICLE.is_file():
        table = browser.find_element("id", "events-table").text
        assert "الميادين" in table and "Al Mayadin" in table  # the seed article's attack
    assert browser.execute_script("return window.__xss") is None
    assert not _severe_logs(browser)
    _shot(browser, "01-dashboard.png")


def test_filter_by_type(server: str, browser) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, server)
    battles = _json(server + "/events.geojson?type=Battles")
    Select(browser.find_element("id", "f-type")).select_by_visible_text("Battles")
    _wait(browser, lambda d: len(_rows(d)) == battles["total"] and d.execute_script(
        "return document.body.dataset.state") == "ready", "the table did not filter")
    assert {r.get_attribute("data-type") for r in _rows(browser)} == {"battles"}
    located = sum(1 for f in battles["features"] if f["geometry"])
    _wait(browser, lambda d: _markers_shown(d) == located, "the map did not filter")
    assert browser.execute_script("return document.querySelectorAll('path.ev-marker:not(.ev-battles)').length") == 0
    _shot(browser, "02-filter-battles.png")
    browser.find_element("css selector", "#filters button[type=reset]").click()
    everything = _json(server + "/events.geojson")
    _wait(browser, lambda d: len(_rows(d)) == everything["total"], "reset did not clear the filter")


def test_event_panel_highlights_the_arabic_evidence(server: str, browser) -> None:
    _open(browser, server)
    place = "الميادين" if SEED_ARTICLE.is_file() else "كفرنبل"
    row = next(r for r in _rows(browser) if place in r.text)
    row.click()
    mark = _wait(browser, lambda d: d.find_elements("css selector", "#panel-event mark.evidence"),
                 "no highlighted evidence")[0]
    detail = _json(f"{server}/events/{row.get_attribute('data-id')}")
    assert mark.text.strip() == detail["sources"][0]["evidence"]["text"].strip()
    assert any("\u0600" <= ch <= "\u06ff" for ch in mark.text)
    text_box = browser.find_element("css selector", "#panel-event .article-text")
    assert text_box.get_attribute("dir") == "rtl" and text_box.get_attribute("lang") == "ar"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", text_box) == "rtl"
    notes = browser.find_element("css selector", "#panel-event .notes")
    assert notes.get_attribute("dir") == "ltr" and notes.text == detail["event"]["notes"]
    place_field = browser.find_element("css selector", "#panel-event .fields").text
    assert detail["event"]["location"] in place_field and detail["event"]["location_ar"] in place_field
    full = browser.execute_script("return arguments[0].textContent", text_box)
    article = _json(f"{server}/articles/{detail['sources'][0]['article_id']}")
    assert full == article["text"]  # the text is intact around the highlight
    _shot(browser, "03-event-panel.png")


def test_html_in_article_metadata_is_shown_as_text(server: str, browser) -> None:
    _open(browser, server)
    row = next(r for r in _rows(browser) if "2025-08-13" in r.text)
    row.click()
    _wait(browser, lambda d: d.find_elements("css selector", "#panel-event mark.evidence"), "no evidence")
    panel = browser.find_element("id", "panel-event")
    assert XSS_TITLE in panel.text and "<b>Outlet</b>" in panel.text
    assert not panel.find_elements("css selector", "img, b")
    assert browser.execute_script("return window.__xss") is None


def test_timeline_click_filters_by_day(server: str, browser) -> None:
    _open(browser, server)
    bar = browser.find_element("css selector", 'rect.tl-bar[data-day="2025-08-14"]')
    bar.click()
    _wait(browser, lambda d: len(_rows(d)) == 1, "the timeline did not filter the table")
    assert "Protests" in _rows(browser)[0].text
    assert browser.find_element("id", "map").get_attribute("data-count") == "1"
    assert "14 Aug 2025" in browser.find_element("id", "window").text
    _shot(browser, "04-timeline-day.png")
    browser.find_element("id", "window-reset").click()
    _wait(browser, lambda d: len(_rows(d)) > 1, "the date window was not cleared")


def test_pasted_article_is_extracted_onto_the_map(server: str, browser) -> None:
    articles = _json(server + "/stats")["articles"]
    _open(browser, server)
    browser.find_element("id", "tab-extract").click()
    browser.find_element("id", "x-text").send_keys(PASTED)
    browser.execute_script("document.getElementById('x-date').value = '2025-08-24'")
    browser.find_element("css selector", "#extract-form button[type=submit]").click()
    items = _wait(browser, lambda d: d.find_elements("css selector", ".extracted-item"), "no extracted events")
    _wait(browser, lambda d: d.find_elements("css selector", ".ev-extracted, .ev-cluster"), "no marker")
    items[0].click()
    mark = _wait(browser, lambda d: d.find_elements("css selector", "#panel-event mark.evidence"), "no evidence")[0]
    assert mark.text and mark.text in PASTED
    assert browser.execute_script("return document.getElementById('x-text').getAttribute('dir')") == "rtl"
    assert "2025-08-24" in browser.find_element("css selector", "#panel-event .fields").text
    _shot(browser, "05-extract.png")
    assert _json(server + "/stats")["articles"] == articles  # nothing stored
