"""Downloads beside the export: an Atom feed of the newest events, an ICS calendar of the events whose
day is known, and CSV tables of events and of each kind of entity."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .export import Earlier
from .model import ENTITY_KINDS, Briefing, Entity, Event
from .rendering import TEMPLATES, compiled_templates, human_date
from .site import Site

# A feed reader fetches the feed again and again for what is new: it carries the newest events (at ten
# thousand articles, all of them would be megabytes a poll); the calendar, the tables and the export
# carry every one.
FEED_ENTRIES = 100

T = TypeVar("T")


# The files whose rows are kept from the last generate's (see `feeds`).
CALENDAR = "data/events.ics"
TABLES = {"events": "data/events.csv", **{kind: f"data/{kind}.csv" for kind in ENTITY_KINDS}}
KEPT = (CALENDAR, *TABLES.values())
EVENT_COLUMNS = ["id", "title", "date", "end_date", "place", "mechanism", "session", "people", "organizations",
                 "articles", "page"]
ENTITY_COLUMNS = ["id", "name", "aliases", "events", "articles", "page"]


def feeds(site: Site, earlier: Mapping[str, Earlier] | None = None) -> dict[str, str]:
    """The feed, the calendar and the tables. The rows of the calendar and tables of an object that is the
    very one the `earlier` file (by path) was written from are taken from it: at ten thousand articles,
    writing them all again is a quarter of a second of every generate."""
    earlier = earlier or {}
    briefing = site.briefing
    # XML escaping for the Atom feed; the calendar is not markup and has its own escaping (the `ics` filter)
    env = Environment(loader=FileSystemLoader(TEMPLATES / "feeds"), undefined=StrictUndefined,
                      autoescape=lambda name: bool(name and name.endswith(".atom.j2")),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=compiled_templates())
    env.filters.update(date=human_date, ics=ics_text, fold=fold)
    env.globals["day_after"] = day_after
    newest = site.newest_first(briefing.events)
    dated = [e for e in newest if e.date]
    files = {
        "data/events.atom": env.get_template("events.atom.j2").render(
            events=newest[:FEED_ENTRIES], site=site, stamp=stamp, updated=stamp(dated[0].date if dated else None)),
        CALENDAR: calendar(env, site, on_days(dated), earlier.get(CALENDAR)),
        TABLES["events"]: table(EVENT_COLUMNS, newest, event_row,
                                kept_rows(earlier.get(TABLES["events"]), lambda b: site.newest_first(b.events))),
    }
    for kind in ENTITY_KINDS:
        files[TABLES[kind]] = table(ENTITY_COLUMNS, getattr(briefing, kind), entity_row,
                                    kept_rows(earlier.get(TABLES[kind]), attrgetter(kind)))
    return files


def event_row(e: Event) -> list[object]:
    return [e.id, e.title, e.date, e.end_date, e.place, e.mechanism, e.session, " ".join(p for p, _ in e.participants),
            " ".join(e.organizations), " ".join(e.articles), e.page]


def entity_row(x: Entity) -> list[object]:
    return [x.id, x.name, "; ".join(x.aliases), " ".join(x.events), " ".join(x.articles), x.page]


def calendar(env: Environment, site: Site, events: list[Event], earlier: Earlier | None) -> str:
    """These events (those whose day is known, newest first); an event's lines are kept where it is the
    very same event, at a place of the same name."""
    template = env.get_template("events.ics.j2")
    vevent = template.make_module({"blocks": []}).vevent  # type: ignore[attr-defined]
    kept = earlier.kept(lambda b: on_days(site.newest_first(b.events)), vevents(earlier.text), vevent_start) \
        if earlier else {}
    before = {p.id: p.name for p in earlier.briefing.places} if earlier else {}
    blocks = []
    for e in events:
        place = site.get("places", e.place).name if e.place else None
        blocks.append(kept.get(id(e)) if id(e) in kept and before.get(e.place or "") == place else vevent(e, place))
    return crlf(template.render(blocks=blocks))


def on_days(events: list[Event]) -> list[Event]:
    return [e for e in events if len(e.date or "") == 10]


def vevents(text: str) -> list[str]:
    """The VEVENT blocks of a calendar, its lines ended by LF (as they are before `crlf`)."""
    blocks = [f"BEGIN:VEVENT\n{block}\n" for block in text.replace("\r\n", "\n").split("\nBEGIN:VEVENT\n")[1:]]
    return blocks[:-1] + [blocks[-1].removesuffix("END:VCALENDAR\n\n")] if blocks else []


def vevent_start(e: Event) -> str:
    return f"BEGIN:VEVENT\n{fold(f'UID:{e.id}@briefing')}\n"


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


def table(header: list[str], items: Sequence[T], row: Callable[[T], list[object]], kept: dict[int, str]) -> str:
    """A CSV table: a header, then a row for each item (the `kept` row of an item, where it has one)."""
    line = Line()
    writer = csv.writer(line, lineterminator="\n")
    writer.writerow(header)
    lines = [line.text]
    for x in items:
        if id(x) in kept:
            lines.append(kept[id(x)])
        else:
            writer.writerow(["" if v is None else v for v in row(x)])
            lines.append(line.text)
    return "".join(lines)


class Line:
    """Where the csv writer writes a row: each row, once written, is its text."""

    text = ""

    def write(self, text: str) -> None:
        self.text = text


def kept_rows(earlier: Earlier | None, objects: Callable[[Briefing], Sequence[Event | Entity]]) -> dict[int, str]:
    """The rows of an earlier table, by object (see Earlier.kept). A value spanning lines makes more lines
    than objects: then none are kept."""
    return earlier.kept(objects, [f"{line}\n" for line in earlier.text.split("\n")[1:-1]], row_start) if earlier else {}


def row_start(x: Event | Entity) -> str:
    return f"{x.id},"
