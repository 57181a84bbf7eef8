from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given

from generator.site import feeds as feeds_module
from generator.site.export import Earlier
from generator.site.feeds import KEPT, feeds, fold, ics_text, stamp
from generator.model import ENTITY_KINDS, Briefing
from generator.site.lookups import Site
from tests.test_export import changes, edited_twice, two_briefings

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def atom_entries(briefing: Briefing) -> list[tuple[str, str]]:
    root = ET.fromstring(feeds(Site.of(briefing))["data/events.atom"])
    return [(e.find("a:id", ATOM).text, e.find("a:updated", ATOM).text)  # type: ignore[union-attr]
            for e in root.findall("a:entry", ATOM)]


def test_the_atom_feed_lists_the_events_newest_first(fixture_briefing: Briefing) -> None:
    entries = atom_entries(fixture_briefing)
    assert len(entries) == len(fixture_briefing.events)
    updated = [u for _, u in entries]
    assert updated == sorted(updated, reverse=True)


def test_the_atom_feed_carries_only_the_newest_events(fixture_briefing: Briefing,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds_module, "FEED_ENTRIES", 2)
    newest = sorted((e for e in fixture_briefing.events if e.date), key=lambda e: e.date or "", reverse=True)
    assert len(newest) > 2
    assert [i.rpartition("/")[2] for i, _ in atom_entries(fixture_briefing)] == [e.id for e in newest[:2]]


def test_the_calendar_holds_the_events_whose_day_is_known_in_rfc_5545_lines(fixture_briefing: Briefing) -> None:
    text = feeds(Site.of(fixture_briefing))["data/events.ics"]
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.rstrip().endswith("END:VCALENDAR")
    days = [e for e in fixture_briefing.events if e.date and len(e.date) == 10]
    assert text.count("BEGIN:VEVENT") == len(days)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_csv_tables_have_a_row_per_event_and_entity(fixture_briefing: Briefing) -> None:
    files = feeds(Site.of(fixture_briefing))
    events = list(csv.DictReader(io.StringIO(files["data/events.csv"])))
    assert {r["id"] for r in events} == {e.id for e in fixture_briefing.events}
    people = list(csv.DictReader(io.StringIO(files["data/people.csv"])))
    assert len(people) == len(fixture_briefing.people)


def test_ics_text_escaping_folding_and_feed_dates() -> None:
    assert ics_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d e"
    assert fold("x" * 80).split("\n")[1].startswith(" ")
    assert (stamp("2024"), stamp("2024-12"), stamp(None)) == ("2024-01-01", "2024-12-01", "2000-01-01")


def earlier_feeds(briefing: Briefing) -> dict[str, Earlier]:
    return {path: Earlier(briefing, text) for path, text in feeds(Site.of(briefing)).items() if path in KEPT}


# An entity is renamed, never dropped: the events that name it would name nothing.
feed_changes = changes.map(lambda cs: [(name, i, "edit" if name in ENTITY_KINDS else how) for name, i, how in cs])


@given(feed_changes, feed_changes)
@two_briefings
def test_feeds_continued_from_the_earlier_ones_are_the_feeds_from_nothing(
        fixture_briefing: Briefing, before: list, after: list) -> None:
    """Events and articles edited or dropped, entities renamed (a place's name is in the calendar), in between."""
    earlier, now = edited_twice(fixture_briefing, before, after)
    assert feeds(Site.of(now), earlier_feeds(earlier)) == feeds(Site.of(now))


def test_rows_of_the_very_same_objects_are_kept(fixture_briefing: Briefing) -> None:
    kept = earlier_feeds(fixture_briefing)
    event = Site.of(fixture_briefing).newest_first(fixture_briefing.events)[0]
    person = fixture_briefing.people[0]
    for path, old in [("data/events.ics", f"SUMMARY:{ics_text(event.title)}"), ("data/events.csv", event.title),
                      ("data/people.csv", person.name)]:
        assert old in kept[path].text
        kept[path] = Earlier(fixture_briefing, kept[path].text.replace(old, old + " (kept)", 1))
    files = feeds(Site.of(fixture_briefing), kept)
    assert all("(kept)" in files[path] for path in ("data/events.ics", "data/events.csv", "data/people.csv"))
