"""The dashboard in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Opens the overview, an event and an article page at desktop and phone sizes, checks
that the charts and the map drew, that no console error or failed request occurred,
that a hostile article's markup is shown as text and never runs, and saves
screenshots under the test run's temporary folder.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import event_with_place

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
                       reason="needs Debian's chromium package (make system-deps)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(store) -> Iterator[str]:
    import uvicorn

    from strikewatch.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                      args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page load at one size, recording console errors and failed requests."""

    def __init__(self, browser, size: str) -> None:
        width, height = SIZES[size]
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

    def open(self, url: str, ready: list[str]) -> None:
        self.page.goto(url, wait_until="load")
        for selector in ready:
            self.page.wait_for_selector(f"{selector}[data-drawn=true]", timeout=10_000)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def shot(self, folder: Path, name: str) -> Path:
        path = folder / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def fits_width(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize("size", list(SIZES))
def test_overview_draws_charts_and_map(browser, base_url, shots, size):
    visit = Visit(browser, size)
    visit.open(base_url + "/", ["#chart-weapons", "#chart-toll", "#map"])
    assert visit.count("#map path.geo.oblast") == 25 and visit.count("#map path.geo.country") == 1
    assert visit.count("#map circle.strike") >= 4
    assert visit.count("#chart-weapons rect.bar") > 0 and visit.count("#chart-toll rect.bar") > 0
    assert visit.count("table.events tbody tr") >= 4
    assert visit.fits_width(), "page wider than the screen"
    assert visit.shot(shots, f"overview-{size}").stat().st_size > 10_000
    assert visit.problems == []
    visit.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_event_page_draws_the_toll_timeline(browser, base_url, client, shots, size):
    event = event_with_place(client, "Kyiv")
    visit = Visit(browser, size)
    visit.open(f"{base_url}/events/{event['id']}", ["#toll-killed", "#map"])
    assert visit.count("#toll-killed circle.point") >= 2
    assert visit.count("#map circle.strike") >= 1
    assert visit.count("table.sources tbody tr") >= 3
    assert visit.fits_width(), "page wider than the screen"
    visit.shot(shots, f"event-{size}")
    assert visit.problems == []
    visit.close()


def test_article_page_links_highlights_to_facts(browser, base_url, client, shots):
    facts = client.get("/api/articles/kyiv-wire-0710").json()["facts"]
    visit = Visit(browser, "desktop")
    visit.open(f"{base_url}/articles/kyiv-wire-0710", [])
    assert visit.count("div.text a.hl") == sum(1 for f in facts if f["where"] == "text")
    first = visit.page.locator("div.text a.hl").first
    target = first.get_attribute("href")
    first.click()
    assert visit.page.evaluate("location.hash") == target
    assert visit.page.locator(f"tr{target}").is_visible()
    visit.shot(shots, "article-desktop")
    assert visit.problems == []
    visit.close()


def test_markup_in_an_article_is_shown_as_text_and_never_runs(browser, base_url, shots):
    visit = Visit(browser, "phone")
    visit.open(f"{base_url}/articles/lviv-markup", [])
    page = visit.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().startswith("Drone hits Lviv <script>window.__pwned = 1</script>")  # as text, not run
    assert "<script>" in page.locator("h1").inner_text()
    assert visit.count("div.text script, div.text img, div.text b, h1 script") == 0
    body = page.locator("div.text").inner_text()
    assert "<script>window.__pwned = 1; document.title = 'pwned';</script>" in body
    assert '<img src="x" onerror="window.__pwned = 2">' in body
    assert visit.count("a[href^='javascript']") == 0
    visit.shot(shots, "article-markup-phone")
    assert visit.problems == []
    visit.close()
