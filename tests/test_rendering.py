from __future__ import annotations

import html
import re
from dataclasses import replace

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.model import Article, ArticleRecord, Briefing, Role
from generator.site import lookups as site_module
from generator.site.lookups import Site
from generator.site.rendering import (
    code,
    distinct_roles,
    few_words,
    front_matter,
    human_date,
    md,
    render,
    site_pages,
    source_label,
)
from tests.conftest import PROJECT


@pytest.mark.parametrize("title", ["COP30: a guide", "true", "2024", "#1", "[draft]", "{{ x }}", "- dash",
                                   "a: b: c", "null", "'quoted'", '"double"', "multi\nline", "yes", "@at", "%pct",
                                   "<script>alert(1)</script>", "a & b"])
def test_front_matter_round_trips_through_mkdocs_own_parser(title: str) -> None:
    body, meta = get_data(front_matter({"title": title, "tags": ["Event"]}) + "# x\n")
    assert meta == {"title": title, "tags": ["Event"]}  # as written: the theme escapes what it prints
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


MARKDOWN = yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["markdown_extensions"]


def shown(markdown_text: str) -> str:
    """What a reader sees of Markdown rendered as the site renders it: the text, tags and entities gone."""
    rendered = markdown.markdown(markdown_text, extensions=[e if isinstance(e, str) else next(iter(e)) for e in MARKDOWN])
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@given(st.text(alphabet=st.sampled_from("$~^=:_*`#|-+.!()[]{}<>&\\ ab1"), min_size=1).filter(str.strip))
def test_escaped_text_shows_exactly_what_it_says(text: str) -> None:
    """No visible backslash, nothing swallowed as markup, as a paragraph, a table cell or a definition."""
    assert shown(str(md(text))) == " ".join(text.split())
    assert shown(f"Term\n:   {md(text)}") == "Term\n" + " ".join(text.split())


@pytest.mark.parametrize("file", ["000_f8f05b0bfdf330be.txt", "a`b``c.txt", "`start.txt"])
def test_a_code_span_shows_the_file_name_as_it_is(file: str) -> None:
    assert shown(str(code(file))) == file


@pytest.mark.parametrize("date, shown", [("2025-02-18", "18 February 2025"), ("2024-12", "December 2024"),
                                         ("2024", "2024"), (None, "date unknown")])
def test_dates_are_shown_with_their_precision(date: str | None, shown: str) -> None:
    assert human_date(date) == shown


@pytest.mark.parametrize("outcome, shown", [
    ("At Tuesday's event, Xinhua issued a report.", "Xinhua issued a report."),
    ("During the talks, the two sides signed five agreements.", "the two sides signed five agreements."),
    ("In 2019, the two sides agreed to meet yearly.", "In 2019, the two sides agreed to meet yearly."),
])
def test_a_digest_gives_an_outcome_without_the_clause_that_sets_the_scene(outcome: str, shown: str) -> None:
    assert few_words(outcome) == shown


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
    hub = next(p for p in fixture_briefing.places if len(site.hub_years(p)) > 1)  # events of several years
    years = site.hub_years(hub)
    assert "| Date | Event" not in pages[hub.page]
    for year, (events, records) in years.items():
        path = f"{hub.page[:-3]}/years/{year}.md"
        assert f"](../{path})" in pages[hub.page]
        assert all(f"(../../../{e.page})" in pages[path] for e in events)
        assert all(f"(../../../{r.page})" in pages[path] for r in records)
    assert sorted(e.id for events, _ in years.values() for e in events) == sorted(hub.events)
    assert sorted(r.id for _, records in years.values() for r in records) == sorted(hub.articles)


def test_a_persons_title_said_shorter_by_another_article_joins_the_fuller_ones_row() -> None:
    rows = distinct_roles((Role("Foreign minister", "a", date="2024-01-02"),
                           Role("Chinese Foreign Minister", "b", date="2023-05-06"),
                           Role("State Councilor", "c", date="2019-11-24")))
    assert [(title, articles) for title, _, _, articles in rows] == [("Chinese Foreign Minister", ["a", "b"]),
                                                                     ("State Councilor", ["c"])]


def test_a_periods_digest_stays_as_sent_when_later_periods_begin(fixture_briefing: Briefing) -> None:
    def digests(briefing: Briefing) -> dict[str, str]:
        site = Site.of(briefing)
        return {p.path: p.make(site) for p in site_pages(site) if p.path.startswith("digest/20")}

    later = replace(fixture_briefing.events[0], id="2099-01-15-a-later-meeting", date="2099-01-15", end_date=None)
    before = digests(fixture_briefing)
    after = digests(replace(fixture_briefing, events=(*fixture_briefing.events, later)))
    assert "digest/2099-01.md" in after
    assert before and all(after[path] == text for path, text in before.items())


def test_what_is_new_leaves_out_what_its_report_told_of_as_history(fixture_briefing: Briefing) -> None:
    first = fixture_briefing.events[0]
    news = replace(first, id="2099-01-10-news", title="A meeting held last week", date="2099-01-10", end_date=None,
                   reported="2099-01-15")
    history = replace(first, id="2019-history", title="A forum held long ago", date="2019", end_date=None,
                      reported="2099-01-15")
    site = Site.of(replace(fixture_briefing, events=(*fixture_briefing.events, news, history)))
    assert site.newly_reported == ("2099-01-15", [news])


def test_an_article_with_no_date_nor_outlet_is_named_by_its_title_cut_at_a_word() -> None:
    article = Article("a", "a.txt", "0" * 64, "The 2024 China-ASEAN Media Cooperation Forum opened in Dezhou", None,
                      None, None, (), None)
    assert source_label(ArticleRecord(article, (), (), (), (), ())) == "The 2024 China-ASEAN Media Cooperation…"
