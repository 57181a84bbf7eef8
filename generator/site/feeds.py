"""Downloads beside the export: Atom feeds of the events newest reported (the whole briefing's, and each
person's and mechanism's), an ICS calendar of the events whose day is known, and CSV tables of events and
of each kind of entity. Feeds and calendar are read outside the site, so every address in them is absolute,
under the site's address; without one they are left out (with a warning), never written with addresses
that lead nowhere."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..kinds import ENTITY_KINDS, ORGANIZATIONS, PEOPLE, PLACES
from ..model import Entity, Event
from .lookups import Site, address, digest_feed, entity_feed
from .rendering import TEMPLATES, human_date, period_title

# A feed reader fetches the feed again and again for what is new: it carries the newest events (at ten
# thousand articles, all of them would be megabytes a poll); the calendar, the tables and the export
# carry every one.
FEED_ENTRIES = 100

T = TypeVar("T")
log = logging.getLogger(__name__)

FEED = "data/events.atom"
CALENDAR = "data/events.ics"
TABLES = {"events": "data/events.csv", **{kind: f"data/{kind}.csv" for kind in ENTITY_KINDS}}
EVENT_COLUMNS = ["id", "title", "date", "end_date", "place", "mechanism", "session", PEOPLE, ORGANIZATIONS,
                 "articles", "page"]
ENTITY_COLUMNS = ["id", "name", "aliases", "events", "articles", "page"]


def feeds(site: Site) -> dict[str, str]:
    """The tables; and, where the site's address is known, the feeds and the calendar."""
    files = tables(site)
    if not site.base:
        log.warning("no site address (SITE_URL, or --site-url): the Atom feeds and the calendar are left out, "
                    "since their links must be absolute; set it to the address the site is published at")
        return files
    return {**files, **syndication(site, site.base)}


def tables(site: Site) -> dict[str, str]:
    briefing = site.briefing
    files = {TABLES["events"]: table(EVENT_COLUMNS, site.newest_first(briefing.events), event_row)}
    for kind in ENTITY_KINDS:
        files[TABLES[kind]] = table(ENTITY_COLUMNS, getattr(briefing, kind), entity_row)
    return files


def syndication(site: Site, base: str) -> dict[str, str]:
    """The feeds and the calendar, every address in them under `base`, the site's address."""
    briefing = site.briefing
    # XML escaping for the Atom feed; the calendar is not markup and has its own escaping (the `ics` filter)
    env = Environment(loader=FileSystemLoader(TEMPLATES / "feeds"), undefined=StrictUndefined,
                      autoescape=lambda name: bool(name and name.endswith(".atom.j2")),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(date=human_date, ics=ics_text, fold=fold, address=address)
    env.globals.update(day_after=day_after, host=urlsplit(base).netloc)
    atom = env.get_template("events.atom.j2")
    latest = max((e.reported for e in briefing.events if e.reported), default="1970-01-01")

    def feed(path: str, title: str, events: Sequence[Event]) -> str:
        entries = newest_reported(events)
        # a feed with no entry is as new as the briefing: nothing in it is older
        return atom.render(path=path, title=title, events=entries, site=site, base=base,
                           updated=entries[0].reported if entries else latest)

    files = {FEED: feed(FEED, "Briefing: events", briefing.events)}
    for kind in ENTITY_KINDS:
        for x in getattr(briefing, kind):
            if path := entity_feed(kind, x.id):
                files[path] = feed(path, f"Briefing: {x.name}", [site.get("events", i) for i in x.events])
    for key, period in site.periods.items():
        files[digest_feed(key)] = feed(digest_feed(key), f"Briefing digest: {period_title(key)}", period.events)
    files[CALENDAR] = calendar(env, site, on_days(site.newest_first(briefing.events)), base)
    return files


def newest_reported(events: Sequence[Event]) -> list[Event]:
    """The newest first by the day they were first reported, as many as a feed carries; an event with no
    such day has no place in an order by it."""
    return sorted((e for e in events if e.reported), key=lambda e: (e.reported, e.id), reverse=True)[:FEED_ENTRIES]


# List columns hold ids, space-separated (ids never hold a space); aliases, which are names, are separated
# by "; ". The README's "Downloads" lists the columns.
def event_row(e: Event) -> list[object]:
    return [e.id, e.title, e.date, e.end_date, e.place, e.mechanism, e.session, " ".join(p for p, _ in e.participants),
            " ".join(e.organizations), " ".join(e.articles), address(e.page)]


def entity_row(x: Entity) -> list[object]:
    return [x.id, x.name, "; ".join(x.aliases), " ".join(x.events), " ".join(x.articles), address(x.page)]


def calendar(env: Environment, site: Site, events: list[Event], base: str) -> str:
    """These events (those whose day is known, newest first)."""
    template = env.get_template("events.ics.j2")
    vevent = template.make_module({"blocks": [], "base": base}).vevent  # type: ignore[attr-defined]
    blocks = [vevent(e, site.get(PLACES, e.place).name if e.place else None) for e in events]
    return crlf(template.render(blocks=blocks, base=base))


def on_days(events: list[Event]) -> list[Event]:
    return [e for e in events if len(e.date or "") == 10]


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
