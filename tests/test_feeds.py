from __future__ import annotations

import csv
import dataclasses
import io
import xml.etree.ElementTree as ET

import pytest

from generator.model import Briefing
from generator.site import feeds as feeds_module
from generator.site.feeds import feeds, fold, ics_text, stamp
from generator.site.lookups import Site

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


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\")", "+1 555", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
def test_a_csv_cell_never_starts_a_spreadsheet_formula(fixture_briefing: Briefing, name: str) -> None:
    person = fixture_briefing.people[0]
    briefing = dataclasses.replace(fixture_briefing, people=(dataclasses.replace(person, name=name),
                                                             *fixture_briefing.people[1:]))
    rows = list(csv.reader(io.StringIO(feeds(Site.of(briefing))["data/people.csv"])))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + name in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
