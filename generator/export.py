"""The whole briefing as data: data/briefing.json, in the shape of the contract schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

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


@dataclass(frozen=True)
class Earlier:
    """The last export and the briefing it was written from."""

    briefing: Briefing
    text: str


def to_json(briefing: Briefing, earlier: Earlier | None = None) -> str:
    """One record a line: a diff between two exports shows the records that changed, and without
    indentation json's C encoder writes it. A record that is the very object the `earlier` export was
    written from keeps its line: at ten thousand articles, encoding them all again takes a second. The
    text is joined once, from its lines: it is tens of megabytes."""
    kept = lines_of(earlier) if earlier else {}
    pieces = ["{\n", f"{ENCODE('schema_version')}: {ENCODE(SCHEMA_VERSION)}"]
    for name, (of, record) in SECTIONS.items():
        lines = [kept.get(id(x)) or ENCODE(record(x)) for x in of(briefing)]
        pieces += [f",\n{ENCODE(name)}: [", *(f"\n{line}," for line in lines[:-1]), *(f"\n{line}" for line in lines[-1:]),
                   "\n]" if lines else "]"]
    return "".join([*pieces, "\n}\n"])


ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def lines_of(earlier: Earlier) -> dict[int, str]:
    """The line of each record of the earlier briefing (by object), where the text is laid out as
    to_json writes it and each line is of the record in its place (its id first); else none."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in earlier.text.split("\n"):
        if line.endswith(": ["):
            current = sections.setdefault(json.loads(line[:-3]), [])
        elif line in ("]", "],"):
            current = None
        elif current is not None:
            current.append(line)
    kept: dict[int, str] = {}
    for name, (of, _) in SECTIONS.items():
        records, lines = of(earlier.briefing), sections.get(name, [])
        if len(records) != len(lines):
            return {}
        for x, line in zip(records, lines):
            if not line.startswith(f'{{"id": {ENCODE(x.id)},'):
                return {}
            kept[id(x)] = line.removesuffix(",")
    return kept
