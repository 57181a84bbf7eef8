"""What a reader does on the built site, in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import FIXTURE_SEEDS, PROJECT, serving

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def search(page: Page, url: str, query: str) -> list[str]:
    """Type into the header's search box (Pagefind) as a reader does; the result links, best first."""
    page.goto(url + "/index.html")
    box = page.locator("input.pagefind-ui__search-input")
    box.click()
    box.press_sequentially(query)
    results = page.locator("a.pagefind-ui__result-link")
    try:
        results.first.wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeout:
        raise AssertionError(f"search for {query!r} showed no result") from None
    return [a.get_attribute("href") or "" for a in results.all()]


@pytest.mark.parametrize("query, page_path, heading", [
    ("Ishiba", "people/shigeru-ishiba.html", "Shigeru Ishiba"),
    ("Xinhua", "organizations/xinhua-news-agency.html", "Xinhua News Agency"),
    ("LDP", "organizations/liberal-democratic-party.html", "Liberal Democratic Party"),
])
def test_search_puts_the_entity_page_first_and_opens_it(page: Page, seeds_site_url: str, query: str,
                                                        page_path: str, heading: str) -> None:
    links = search(page, seeds_site_url, query)
    assert urlparse(links[0]).path == urlparse(seeds_site_url).path + "/" + page_path
    page.locator("a.pagefind-ui__result-link").first.click()
    expect(page).to_have_url(re.compile(re.escape(page_path)))
    expect(page.locator("h1")).to_have_text(heading)


def test_from_home_to_an_event_a_participant_and_another_event_by_clicks(page: Page, seeds_site_url: str) -> None:
    page.goto(seeds_site_url + "/index.html")
    page.get_by_role("link", name="Talks between Wang Yi and Takeshi Iwaya").first.click()
    expect(page.locator("h1")).to_have_text("Talks between Wang Yi and Takeshi Iwaya")
    page.locator("#participants ~ div table, #participants ~ table").first.get_by_role("link", name="Wang Yi").click()
    expect(page.locator("h1")).to_have_text("Wang Yi")
    page.get_by_role("link", name=re.compile("^Second meeting of the China-Japan")).first.click()
    expect(page.locator("h1")).to_contain_text("Second meeting of the China-Japan high-level consultation mechanism")


def test_the_timeline_leads_to_each_year_in_date_order_and_lists_undated_events_apart(page: Page,
                                                                                     seeds_site_url: str) -> None:
    from datetime import datetime

    page.goto(seeds_site_url + "/timeline.html")
    years = page.locator("article li a").all_inner_texts()
    undated = page.locator("h2#date-unknown + ul li").all_inner_texts()
    assert any("Seventh meeting of the China-Japan ruling parties" in item for item in undated)
    assert [y for y in years if y.isdigit()] == sorted((y for y in years if y.isdigit()), reverse=True)
    dates = []
    for year in [y for y in years if y.isdigit()]:
        page.goto(seeds_site_url + "/timeline.html")
        page.locator("article li a", has_text=year).first.click()
        expect(page.locator("h1")).to_have_text(f"Timeline of {year}")
        items = page.locator("article h2 ~ ul li").all_inner_texts()
        found = [datetime.strptime(m.group(1), "%d %B %Y") for i in items if (m := re.match(r"(\d+ \w+ \d{4})", i))]
        assert found and {d.year for d in found} == {int(year)}
        dates += found
    assert dates == sorted(dates, reverse=True) and len(dates) >= 5


def internal_links(page: Page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [urldefrag(h)[0] for h in hrefs if urlparse(h).netloc == urlparse(base).netloc]


def test_a_crawl_of_every_page_finds_no_broken_link_and_no_console_error(page: Page, seeds_site_url: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    seen: set[str] = set()
    queue = [seeds_site_url + "/index.html"]
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if not url.endswith((".html", "/")):  # a download: fetched, not opened
            if page.request.get(url).status != 200:
                broken.append(url)
            continue
        response = page.goto(url)
        if response is None or response.status != 200:
            broken.append(url)
            continue
        queue.extend(link for link in internal_links(page, seeds_site_url) if link not in seen)
    assert not broken, f"broken internal links: {broken}"
    assert not errors, f"console errors: {errors}"
    assert len(seen) > 60


def test_the_404_page_runs_without_error_when_site_url_is_empty(page: Page, seeds_site: Path) -> None:
    """With no site_url MkDocs makes the 404 page's addresses from the server's root: served there."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serving(seeds_site) as url:
        page.goto(url + "/404.html")
        expect(page.locator("input.pagefind-ui__search-input")).to_be_visible()
    assert not errors, f"console errors: {errors}"


PAGES = {"home": "index.html", "event": "events/2024-12-25-talks-between-wang-yi-and-takeshi-iwaya.html",
         "person": "people/xi-jinping.html", "mechanism": None}


def page_path(page: Page, base: str, name: str) -> str:
    if PAGES[name]:
        return PAGES[name]
    page.goto(base + "/mechanisms/index.html")
    href = page.get_by_role("link", name=re.compile("ruling parties exchange")).first.get_attribute("href")
    return urljoin("mechanisms/index.html", href)


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots_and_no_serious_accessibility_violation(browser: Browser, seeds_site_url: str, name: str,
                                                            size: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(seeds_site_url + "/" + page_path(page, seeds_site_url, name))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size}.png"), full_page=True)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    context.close()
    assert not serious, f"{name} ({size}): {serious}"


def test_an_article_added_is_found_by_search_after_the_build_as_are_the_old_ones(page: Page, tmp_path: Path) -> None:
    """`briefing add`, then `briefing build` of what changed: a name only the new article has leads to its
    page, and a name of an old article still to its own."""
    project = tmp_path / "briefing"
    briefing = [sys.executable, "-m", "generator.cli"]
    subprocess.run([*briefing, "init", str(project)], check=True, capture_output=True)
    for name in ("eu_strategic_dialogue.txt", "rok_media_forum.txt"):
        shutil.copy(FIXTURE_SEEDS / name, project / "seeds")
    subprocess.run([*briefing, "build"], cwd=project, check=True, capture_output=True)
    # the second also names Xinhua: its page changes, so its first copy in the index is hidden
    added = [str(FIXTURE_SEEDS / name) for name in ("wire_visit_roundup.txt", "world_media_summit.txt")]
    subprocess.run([*briefing, "add", *added], cwd=project, check=True, capture_output=True)
    built = subprocess.run([*briefing, "build"], cwd=project, check=True, capture_output=True, text=True)
    assert "changed pages built" in built.stdout, built.stdout
    assert "organizations/xinhua.html" in json.loads((project / "site" / ".briefing-build.json").read_text())["search"]["stale"]
    with serving(project / "site") as url:
        for query, path, heading in (("Brekke", "people/ola-brekke.html", "Ola Brekke"),
                                     ("Kallas", "people/kaja-kallas.html", "Kaja Kallas"),
                                     ("Xinhua", "organizations/xinhua.html", "Xinhua News Agency")):
            links = search(page, url, query)
            assert urlparse(links[0]).path == f"/{path}", (query, links)
            assert len(links) == len(set(links)), f"a page found twice: {links}"
            page.locator("a.pagefind-ui__result-link").first.click()
            expect(page.locator("h1")).to_have_text(heading)
