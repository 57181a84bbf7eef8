"""Feeds, calendar and tables, read with the parsers feed readers and calendars use (feedparser,
icalendar): every address absolute under the site's, ids that are this deployment's, dates that are the
days events were first reported."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import logging

import feedparser
import icalendar
import pytest

from generator.model import Briefing
from generator.site import feeds as feeds_module
from generator.site.feeds import CALENDAR, FEED, feeds, fold, ics_text
from generator.site.lookups import Site, digest_feed, entity_feed
from tests.conftest import SITE_URL


def parsed(site: Site, path: str = FEED) -> feedparser.FeedParserDict:
    feed = feedparser.parse(feeds(site)[path])
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def reported_order(events: list) -> list[str]:
    return [e.id for e in sorted((e for e in events if e.reported), key=lambda e: (e.reported, e.id), reverse=True)]


def test_the_atom_feed_lists_events_newest_reported_first_with_absolute_links_and_an_author(
        fixture_site: Site) -> None:
    feed = parsed(fixture_site)
    assert feed.feed.author == "Briefing" and feed.feed.id == SITE_URL + FEED
    assert {link.href for link in feed.feed.links} == {SITE_URL + FEED, SITE_URL}
    events = list(fixture_site.briefing.events)
    assert [e.link for e in feed.entries] == [f"{SITE_URL}events/{i}.html" for i in reported_order(events)]
    assert all(e.id == e.link for e in feed.entries)
    by_id = {e.id: e for e in events}
    for entry in feed.entries:
        reported = by_id[entry.link.rpartition("/")[2].removesuffix(".html")].reported
        assert entry.published == entry.updated == f"{reported}T00:00:00Z"
    assert feed.feed.updated == feed.entries[0].updated


def test_no_feed_date_is_made_up(fixture_briefing: Briefing) -> None:
    """An event with no day first reported is left out of a feed ordered by it, never dated 2000-01-01."""
    undated = dataclasses.replace(fixture_briefing.events[0], reported=None)
    briefing = dataclasses.replace(fixture_briefing, events=(undated, *fixture_briefing.events[1:]))
    feed = parsed(Site.of(briefing, SITE_URL))
    assert SITE_URL + undated.page.replace(".md", ".html") not in {e.link for e in feed.entries}
    assert len(feed.entries) == sum(1 for e in briefing.events if e.reported)
    assert all(e.updated_parsed.tm_year > 2000 for e in feed.entries)


def test_the_feed_carries_only_the_newest_reported(fixture_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds_module, "FEED_ENTRIES", 2)
    want = reported_order(list(fixture_site.briefing.events))[:2]
    assert [e.link for e in parsed(fixture_site).entries] == [f"{SITE_URL}events/{i}.html" for i in want]


def test_each_person_and_mechanism_has_a_feed_of_their_events(fixture_site: Site) -> None:
    files = feeds(fixture_site)
    briefing = fixture_site.briefing
    followed = [("people", p) for p in briefing.people] + [("mechanisms", m) for m in briefing.mechanisms]
    assert {path for path in files if path.startswith("data/feeds/") and not path.startswith("data/feeds/digest/")} \
        == {entity_feed(k, x.id) for k, x in followed}
    assert entity_feed("places", "beijing") is None
    for kind, x in followed:
        feed = parsed(fixture_site, entity_feed(kind, x.id) or "")
        assert feed.feed.title == f"Briefing: {x.name}"
        assert {e.link for e in feed.entries} == {f"{SITE_URL}events/{i}.html" for i in x.events
                                                  if fixture_site.get("events", i).reported}


def test_the_calendar_has_absolute_addresses_unique_ids_and_stamps_of_first_report(fixture_site: Site) -> None:
    text = feeds(fixture_site)[CALENDAR]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    vevents = icalendar.Calendar.from_ical(text).walk("VEVENT")
    days = {e.id: e for e in fixture_site.briefing.events if e.date and len(e.date) == 10}
    assert sorted(str(v["UID"]) for v in vevents) == sorted(f"{i}@example.org" for i in days)
    for v in vevents:
        e = days[str(v["UID"]).partition("@")[0]]
        assert str(v["URL"]) == f"{SITE_URL}events/{e.id}.html"
        assert v.decoded("DTSTART") == dt.date.fromisoformat(e.date)
        assert v.decoded("DTEND") == dt.date.fromisoformat(e.end_date or e.date) + dt.timedelta(days=1)
        assert v.decoded("DTSTAMP").date() == dt.date.fromisoformat(e.reported or e.date)
        assert str(v["SUMMARY"]) == e.title


def test_without_the_site_address_feeds_are_left_out_with_a_warning(fixture_briefing: Briefing,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        files = feeds(Site.of(fixture_briefing))
    assert FEED not in files and CALENDAR not in files and not any(p.startswith("data/feeds/") for p in files)
    assert "data/events.csv" in files
    assert "SITE_URL" in caplog.text


def test_csv_tables_have_a_row_per_event_and_entity_with_page_addresses(fixture_site: Site) -> None:
    files = feeds(fixture_site)
    events = list(csv.DictReader(io.StringIO(files["data/events.csv"])))
    assert {r["id"] for r in events} == {e.id for e in fixture_site.briefing.events}
    assert all(r["page"] == f"events/{r['id']}.html" for r in events)
    people = list(csv.DictReader(io.StringIO(files["data/people.csv"])))
    assert len(people) == len(fixture_site.briefing.people)


def test_ics_text_escaping_and_folding() -> None:
    assert ics_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d e"
    assert fold("x" * 80).split("\n")[1].startswith(" ")


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\")", "+1 555", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
def test_a_csv_cell_never_starts_a_spreadsheet_formula(fixture_briefing: Briefing, name: str) -> None:
    person = fixture_briefing.people[0]
    briefing = dataclasses.replace(fixture_briefing, people=(dataclasses.replace(person, name=name),
                                                             *fixture_briefing.people[1:]))
    rows = list(csv.reader(io.StringIO(feeds(Site.of(briefing))["data/people.csv"])))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + name in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_each_digest_period_has_a_feed_of_its_events(fixture_site: Site) -> None:
    files = feeds(fixture_site)
    assert {path for path in files if path.startswith("data/feeds/digest/")} == \
        {digest_feed(key) for key in fixture_site.periods} != set()
    feed = parsed(fixture_site, digest_feed("2025-05"))
    assert feed.feed.title == "Briefing digest: May 2025"
    assert {e.link for e in feed.entries} == {f"{SITE_URL}{e.page[:-3]}.html"
                                              for e in fixture_site.period("2025-05").events}
    assert len(feed.entries) == 5
