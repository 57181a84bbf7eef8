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
    page.locator(".md-tabs").get_by_role("link", name="Events").click()
    page.locator("article").get_by_role("link", name="2024", exact=True).click()
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
         "person": "people/xi-jinping.html", "mechanism": None, "digest": "digest/2025-02.html"}


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


# --- the digest and the pages that answer an analyst's questions (issue 20), on the fixture corpus ----------

EVENT = "events/2025-07-02-13th-china-eu-high-level-strategic-dialogue.html"
DIGEST_PAGES = {"digest month": "digest/2025-05.html", "digest week": "digest/2025-W21.html",
                "digest index": "digest/index.html", "events listing": "events/index.html"}
NARROW_PAGES = {"event": EVENT, "person": "people/wang-yi.html",
                "mechanism": "mechanisms/china-eu-high-level-strategic-dialogue.html",
                "digest month": "digest/2025-05.html", "digest week": "digest/2025-W21.html"}


def filtered_rows(page: Page) -> list[list[str]]:
    rows = page.locator(".briefing-filtered tbody tr")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


def test_the_events_listing_filters_by_relationship_and_by_kind(page: Page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "/events/index.html")
    form = page.locator("form.briefing-filters")
    expect(form).to_be_visible()
    form.locator("select[name=relationship]").select_option("China–South Korea")
    expect(form.locator("output")).to_have_text("2 events.")
    rows = filtered_rows(page)
    assert len(rows) == 2 and all(row[2] == "China–South Korea" for row in rows), rows
    form.locator("select[name=relationship]").select_option("")
    form.locator("select[name=kind]").select_option("media")
    expect(form.locator("output")).to_have_text("2 events.")
    assert sorted(row[1] for row in filtered_rows(page)) == ["10th China-ROK Media Forum", "Fifth World Media Summit"]
    assert all(row[3] == "media" for row in filtered_rows(page))
    assert "kind=media" in page.url  # the choice can be linked to
    page.locator(".briefing-filtered a", has_text="Fifth World Media Summit").click()
    expect(page.locator("h1")).to_have_text("Fifth World Media Summit")


def test_without_scripts_the_listing_still_leads_to_every_event(browser: Browser, fixture_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_site_url + "/events/index.html")
    expect(page.locator("form.briefing-filters")).to_be_hidden()
    years = page.locator("article table a").all_inner_texts()
    context.close()
    assert {"2025", "2024", "2023"} <= set(years)


def test_this_months_digest_is_one_click_from_home(page: Page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "/index.html")
    page.get_by_role("link", name="Open the digest of July 2025").click()
    expect(page.locator("h1")).to_have_text("Digest: July 2025")
    expect(page.locator("article h2").first).to_have_text("China–EU")
    expect(page.locator("article li").first).to_contain_text("led by Wang Yi (China), Kaja Kallas (EU)")


def test_a_digest_prints_without_header_tabs_or_navigation_and_with_whole_addresses(page: Page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "/digest/2025-05.html")
    expect(page.locator(".md-header")).to_be_visible()
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".briefing-search"):
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.get_by_role("link", name="All digests")).to_be_hidden()  # the site's navigation, not the digest's
    after = page.evaluate("() => getComputedStyle(document.querySelector('article li a'), '::after').content")
    assert fixture_site_url + "/events/" in after  # each link's whole address printed after it


@pytest.mark.parametrize("name", list(NARROW_PAGES))
def test_nothing_is_wider_than_a_phone(browser: Browser, fixture_site_url: str, name: str) -> None:
    """At 390 px every element fits, or sits in a box that scrolls (a wide table)."""
    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    page.goto(fixture_site_url + "/" + NARROW_PAGES[name])
    wider = page.evaluate("""() => [...document.querySelectorAll("body *")].filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= innerWidth + 1) return false;
        for (let up = el.parentElement; up; up = up.parentElement)
          if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return false;
        return true;
      }).map((el) => `${el.tagName}.${el.className}`)""")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert not wider and width <= SIZES["phone"]["width"], (name, width, wider[:5])


@pytest.mark.parametrize("name", list(DIGEST_PAGES))
def test_no_serious_accessibility_violation_on_the_digest_pages(page: Page, fixture_site_url: str, name: str) -> None:
    page.goto(fixture_site_url + "/" + DIGEST_PAGES[name] + ("?kind=media" if name == "events listing" else ""))
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, f"{name}: {serious}"


class Clicks:
    """A reader's way through the site from the home page, counted."""

    def __init__(self, page: Page, url: str) -> None:
        self.page, self.count = page, 0
        page.goto(url + "/index.html")

    def click(self, name: str, within: str = "body") -> None:
        self.page.locator(within).get_by_role("link", name=name, exact=True).first.click()
        self.count += 1


def test_which_media_exchanges_happened_in_a_year_in_two_clicks(page: Page, fixture_site_url: str) -> None:
    way = Clicks(page, fixture_site_url)
    way.click("Events", within=".md-tabs")
    page.locator("select[name=year]").select_option("2025")
    page.locator("select[name=kind]").select_option("media")
    assert [row[1] for row in filtered_rows(page)] == ["10th China-ROK Media Forum"]
    assert way.count <= 2


def test_which_sessions_of_a_mechanism_when_where_and_who_led_in_two_clicks(page: Page, fixture_site_url: str) -> None:
    way = Clicks(page, fixture_site_url)
    way.click("China-EU High-Level Strategic Dialogue", within="article")
    sessions = page.locator("#sessions ~ .md-typeset__scrollwrap table, #sessions ~ table").first
    head = sessions.locator("th").all_inner_texts()
    row = dict(zip(head, sessions.locator("tbody tr").first.locator("td").all_inner_texts(), strict=True))
    assert (row["Session"], row["Date"], row["Place"]) == ("13th", "2 July 2025", "Brussels")
    assert row["Led by"] == "Wang Yi (China), Kaja Kallas (EU)"
    assert way.count <= 2


def test_what_is_new_and_what_a_person_did_in_two_clicks(page: Page, fixture_site_url: str) -> None:
    way = Clicks(page, fixture_site_url)
    new = page.locator("#what-is-new ~ .md-typeset__scrollwrap table, #what-is-new ~ table").first
    expect(new).to_contain_text("13th China-EU High-Level Strategic Dialogue")
    way.click("13th China-EU High-Level Strategic Dialogue", within="article")
    way.click("Wang Yi", within="article")
    expect(page.locator("h1")).to_have_text("Wang Yi")
    did = page.locator("table").filter(has_text="Role there").first
    expect(did).to_contain_text("Chinese Foreign Minister")
    expect(did).to_contain_text("Kaja Kallas")
    expect(page.locator("#statements + ul")).to_contain_text("partners rather than rivals")
    assert way.count <= 2


def test_search_results_fit_a_phone(browser: Browser, fixture_site_url: str) -> None:
    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    links = search(page, fixture_site_url, "Wang")
    drawer = page.locator(".pagefind-ui__drawer").bounding_box()
    first = page.locator("a.pagefind-ui__result-link").first.bounding_box()
    context.close()
    assert links and drawer and first
    assert drawer["x"] >= 0 and drawer["x"] + drawer["width"] <= SIZES["phone"]["width"], drawer
    assert first["x"] >= 0 and first["x"] + first["width"] <= SIZES["phone"]["width"], first
