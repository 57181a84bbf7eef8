from __future__ import annotations

import html

import pytest
from mkdocs.utils.meta import get_data

from generator.model import Briefing
from generator.site import lookups as site_module
from generator.site.lookups import Site
from generator.site.rendering import front_matter, human_date, md, render


@pytest.mark.parametrize("title", ["COP30: a guide", "true", "2024", "#1", "[draft]", "{{ x }}", "- dash",
                                   "a: b: c", "null", "'quoted'", '"double"', "multi\nline", "yes", "@at", "%pct",
                                   "<script>alert(1)</script>", "a & b"])
def test_front_matter_round_trips_through_mkdocs_own_parser(title: str) -> None:
    body, meta = get_data(front_matter({"title": title, "tags": ["Event"]}) + "# x\n")
    assert meta == {"title": html.escape(title), "tags": ["Event"]}  # the theme prints titles as HTML
    assert body.strip() == "# x"


@pytest.mark.parametrize("text, inert", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("[click](javascript:alert(1))", "\\[click\\]\\(javascript:alert\\(1\\)\\)"),
    ("- not a list", "\\- not a list"),
    ("2024. not a list", "2024\\. not a list"),
    ("a | b", "a \\| b"),
    ("line\n---\nmore", "line \\-\\-\\- more".replace("\\-\\-\\-", "---")),
])
def test_text_from_seeds_is_made_inert(text: str, inert: str) -> None:
    assert md(text) == inert


@pytest.mark.parametrize("date, shown", [("2025-02-18", "18 February 2025"), ("2024-12", "December 2024"),
                                         ("2024", "2024"), (None, "date unknown")])
def test_dates_are_shown_with_their_precision(date: str | None, shown: str) -> None:
    assert human_date(date) == shown


def test_every_page_has_front_matter_mkdocs_reads(fixture_briefing: Briefing) -> None:
    pages = render(Site.of(fixture_briefing))
    for path, text in pages.items():
        _, meta = get_data(text)
        assert meta.get("title"), f"{path} has no title MkDocs can read"


def test_every_entity_page_links_back_to_each_article_and_event(fixture_briefing: Briefing) -> None:
    pages = render(Site.of(fixture_briefing))
    for kind in ("people", "organizations", "mechanisms", "places"):
        for entity in getattr(fixture_briefing, kind):
            text = pages[entity.page]
            for article in entity.articles:
                assert f"../articles/{article}.md" in text
            for event in entity.events:
                assert f"../events/{event}.md" in text


def test_a_hub_lists_its_events_and_articles_on_a_page_per_year(fixture_briefing: Briefing, monkeypatch) -> None:
    monkeypatch.setattr(site_module, "HUB", 1)
    site = Site.of(fixture_briefing)
    pages = render(site)
    hub = next(p for p in fixture_briefing.places if len(p.events) > 1)
    years = site.hub_years(hub)
    assert len(years) > 1 and "| Date | Event" not in pages[hub.page]
    for year, (events, records) in years.items():
        path = f"{hub.page[:-3]}/years/{year}.md"
        assert f"](../{path})" in pages[hub.page]
        assert all(f"(../../../{e.page})" in pages[path] for e in events)
        assert all(f"(../../../{r.page})" in pages[path] for r in records)
    assert sorted(e.id for events, _ in years.values() for e in events) == sorted(hub.events)
    assert sorted(r.id for _, records in years.values() for r in records) == sorted(hub.articles)
