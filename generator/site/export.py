"""The whole briefing as data: data/briefing.json, in the shape of the contract schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from ..kinds import ENTITY_KINDS, MECHANISMS, PEOPLE, PLACES
from ..model import ArticleRecord, Briefing, Entity, Event
from .lookups import Site, address

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
            "outcomes": list(e.outcomes), "kind": e.kind, "parties": list(e.parties),
            "leaders": [{"person": pid, "party": party} for pid, party in e.leaders],
            "statements": [{"person": s.person, "text": s.text, "article": s.article} for s in e.statements]}


def entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "name": e.name, "aliases": list(e.aliases), "page": e.page,
                           "articles": list(e.articles), "events": list(e.events)}
    if e.kind == PEOPLE:
        out["roles"] = [{"title": r.title, "organization": r.organization, "article": r.article, "event": r.event}
                        for r in e.roles]
    if e.kind == MECHANISMS:
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


def to_json(briefing: Briefing) -> str:
    """One record a line: a diff between two exports shows the records that changed, and without
    indentation json's C encoder writes it."""
    values = {"schema_version": ENCODE(SCHEMA_VERSION)}
    for name, (of, record) in SECTIONS.items():
        lines = [ENCODE(record(x)) for x in of(briefing)]
        values[name] = "[" + ",".join(f"\n{line}" for line in lines) + ("\n]" if lines else "]")
    return "{\n" + ",\n".join(f"{ENCODE(key)}: {values[key]}" for key in sorted(values)) + "\n}\n"


LISTING = "data/events-listing.json"


def events_listing(site: Site) -> str:
    """The events as the events page's filters read them (templates/theme/assets/filters.js): newest first,
    one line each, with the names the filters offer and the address of each page."""
    rows = [ENCODE({"date": e.date, "title": e.title, "page": address(e.page), "relationship": e.relationship,
                    "kind": e.kind, "year": (e.date or "")[:4] or None,
                    "place": site.get(PLACES, e.place).name if e.place else None,
                    "mechanism": site.get(MECHANISMS, e.mechanism).name if e.mechanism else None})
            for e in site.newest_first(site.briefing.events)]
    return "[" + ",".join(f"\n{row}" for row in rows) + ("\n]\n" if rows else "]\n")


ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
