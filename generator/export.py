"""The whole briefing as data: data/briefing.json, in the shape of the contract schema."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar

from .model import ENTITY_KINDS, ArticleRecord, Briefing, Entity, Event

SCHEMA_VERSION = 1


# Each list of the export: where the briefing holds its records, and how one is written.
Section = tuple[Callable[[Briefing], tuple[Any, ...]], Callable[[Any], dict[str, Any]]]


def article(r: ArticleRecord) -> dict[str, Any]:
    return {"id": r.id, "file": r.article.file, "sha256": r.article.sha256, "title": r.article.title,
            "published": r.article.published, "dateline": r.article.dateline, "source": r.article.source,
            "page": r.page, "events": list(r.events), "people": list(r.people),
            "organizations": list(r.organizations), "mechanisms": list(r.mechanisms), "places": list(r.places)}


def event(e: Event) -> dict[str, Any]:
    return {"id": e.id, "title": e.title, "date": e.date, "end_date": e.end_date, "location": e.place,
            "mechanism": e.mechanism, "session": e.session, "summary": e.summary,
            "people": [{"id": pid, "role": role} for pid, role in e.participants],
            "organizations": list(e.organizations), "articles": list(e.articles), "page": e.page,
            "outcomes": list(e.outcomes),
            "statements": [{"person": s.person, "text": s.text, "article": s.article} for s in e.statements]}


def entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "name": e.name, "aliases": list(e.aliases), "page": e.page,
                           "articles": list(e.articles), "events": list(e.events)}
    if e.kind == "people":
        out["roles"] = [{"title": r.title, "organization": r.organization, "article": r.article, "event": r.event}
                        for r in e.roles]
    if e.kind == "mechanisms":
        out["established"] = e.established
    return out


SECTIONS: dict[str, Section] = {
    "articles": (attrgetter("articles"), article),
    "events": (attrgetter("events"), event),
    **{kind: (attrgetter(kind), entity) for kind in ENTITY_KINDS},
}


def export(briefing: Briefing) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION,
            **{name: [record(x) for x in of(briefing)] for name, (of, record) in SECTIONS.items()}}


T = TypeVar("T")


@dataclass(frozen=True)
class Earlier:
    """A file as the last generate wrote it, and the briefing it was written from."""

    briefing: Briefing
    text: str

    def kept(self, objects: Callable[[Briefing], Sequence[T]], rows: list[str], start: Callable[[T], str]) -> dict[int, str]:
        """The row (of `rows`, read from the text) each of the briefing's `objects` was written as, by object:
        where there are as many rows as objects, each starting as the row of the object in its place does;
        else none. An object the new briefing still holds, the very same, is written as the same row."""
        before = objects(self.briefing)
        if len(before) != len(rows) or not all(row.startswith(start(x)) for x, row in zip(before, rows)):
            return {}
        return {id(x): row for x, row in zip(before, rows)}


def to_json(briefing: Briefing, earlier: Earlier | None = None) -> str:
    """One record a line: a diff between two exports shows the records that changed, and without
    indentation json's C encoder writes it. A record that is the very object the `earlier` export was
    written from keeps its line: at ten thousand articles, encoding them all again takes a second. The
    text is joined once, from its lines: it is tens of megabytes."""
    sections = sections_of(earlier.text) if earlier else {}
    pieces = ["{\n", f"{ENCODE('schema_version')}: {ENCODE(SCHEMA_VERSION)}"]
    for name, (of, record) in SECTIONS.items():
        kept = earlier.kept(of, sections.get(name, []), starts_as_json) if earlier else {}
        lines = [kept.get(id(x)) or ENCODE(record(x)) for x in of(briefing)]
        pieces += [f",\n{ENCODE(name)}: [", *(f"\n{line}," for line in lines[:-1]), *(f"\n{line}" for line in lines[-1:]),
                   "\n]" if lines else "]"]
    return "".join([*pieces, "\n}\n"])


ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def sections_of(text: str) -> dict[str, list[str]]:
    """The record lines of an export as to_json lays it out, by section."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        if line.endswith(": ["):
            current = sections.setdefault(json.loads(line[:-3]), [])
        elif line in ("]", "],"):
            current = None
        elif current is not None:
            current.append(line.removesuffix(","))
    return sections


def starts_as_json(x: ArticleRecord | Event | Entity) -> str:
    return f'{{"id": {ENCODE(x.id)},'
