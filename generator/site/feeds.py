"""Downloads beside the export: an Atom feed of the newest events, an ICS calendar of the events whose
day is known, and CSV tables of events and of each kind of entity."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..kinds import ENTITY_KINDS, ORGANIZATIONS, PEOPLE, PLACES
from ..model import Entity, Event
from .lookups import Site
from .rendering import TEMPLATES, human_date

# A feed reader fetches the feed again and again for what is new: it carries the newest events (at ten
# thousand articles, all of them would be megabytes a poll); the calendar, the tables and the export
# carry every one.
FEED_ENTRIES = 100

T = TypeVar("T")


CALENDAR = "data/events.ics"
TABLES = {"events": "data/events.csv", **{kind: f"data/{kind}.csv" for kind in ENTITY_KINDS}}
EVENT_COLUMNS = ["id", "title", "date", "end_date", "place", "mechanism", "session", PEOPLE, ORGANIZATIONS,
                 "articles", "page"]
ENTITY_COLUMNS = ["id", "name", "aliases", "events", "articles", "page"]


def feeds(site: Site) -> dict[str, str]:
    """The feed, the calendar and the tables."""
    briefing = site.briefing
    # XML escaping for the Atom feed; the calendar is not markup and has its own escaping (the `ics` filter)
    env = Environment(loader=FileSystemLoader(TEMPLATES / "feeds"), undefined=StrictUndefined,
                      autoescape=lambda name: bool(name and name.endswith(".atom.j2")),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(date=human_date, ics=ics_text, fold=fold)
    env.globals["day_after"] = day_after
    newest = site.newest_first(briefing.events)
    dated = [e for e in newest if e.date]
    files = {
        "data/events.atom": env.get_template("events.atom.j2").render(
            events=newest[:FEED_ENTRIES], site=site, stamp=stamp, updated=stamp(dated[0].date if dated else None)),
        CALENDAR: calendar(env, site, on_days(dated)),
        TABLES["events"]: table(EVENT_COLUMNS, newest, event_row),
    }
    for kind in ENTITY_KINDS:
        files[TABLES[kind]] = table(ENTITY_COLUMNS, getattr(briefing, kind), entity_row)
    return files


def event_row(e: Event) -> list[object]:
    return [e.id, e.title, e.date, e.end_date, e.place, e.mechanism, e.session, " ".join(p for p, _ in e.participants),
            " ".join(e.organizations), " ".join(e.articles), e.page]


def entity_row(x: Entity) -> list[object]:
    return [x.id, x.name, "; ".join(x.aliases), " ".join(x.events), " ".join(x.articles), x.page]


def calendar(env: Environment, site: Site, events: list[Event]) -> str:
    """These events (those whose day is known, newest first)."""
    template = env.get_template("events.ics.j2")
    vevent = template.make_module({"blocks": []}).vevent  # type: ignore[attr-defined]
    blocks = [vevent(e, site.get(PLACES, e.place).name if e.place else None) for e in events]
    return crlf(template.render(blocks=blocks))


def on_days(events: list[Event]) -> list[Event]:
    return [e for e in events if len(e.date or "") == 10]


def stamp(date: str | None) -> str:
    """A feed needs a full date: a month or year stands for its first day; no date, a fixed old one."""
    if not date:
        return "2000-01-01"
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def day_after(date: str) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=1)).strftime("%Y%m%d")


def ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = " ".join(str(text).split())
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones go on after a line break and a space."""
    data = str(line).encode("utf-8")
    pieces, start, limit = [], 0, 74
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: never cut inside a character
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, 73  # the next line starts with a space
    pieces.append(data[start:])
    return "\n ".join(piece.decode("utf-8") for piece in pieces)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def table(header: list[str], items: Sequence[T], row: Callable[[T], list[object]]) -> str:
    """A CSV table: a header, then a row for each item."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")  # RFC 4180; and so a CR in a cell is quoted
    writer.writerow(header)
    writer.writerows([cell(v) for v in row(x)] for x in items)
    return text.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A value as a spreadsheet shows it, never as a formula it runs (OWASP's CSV injection advice): text
    starting with = + - @, a tab or a carriage return gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
