"""Page keys: everything a page of an event, entity or article shows, reduced to one hash. A generate
renders again only the pages whose key changed, so adding one article to thousands costs the pages it
touches, not the whole site.

What a page shows of another thing is that thing's *card* (its name and aliases; an event's title, date,
place, mechanism and participants' names; an article's title and date). A page's key is its own object in
full plus the cards of everything it lists, so a new alias, a renamed place or a new related event
reaches exactly the pages that print it. Listings (indexes, timeline, facets) are always rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .model import ENTITY_KINDS, ArticleRecord, Briefing, Entity, Event
from .rendering import roles_by_organization


def digest(*parts: Any) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


class Cards:
    """The card of every event, entity and article of a briefing, by (kind, id)."""

    def __init__(self, briefing: Briefing) -> None:
        self.cards: dict[tuple[str, str], str] = {}
        names: dict[tuple[str, str], str] = {}
        for kind in ENTITY_KINDS:
            for entity in getattr(briefing, kind):
                names[(kind, entity.id)] = entity.name
                self.cards[(kind, entity.id)] = digest(entity.id, entity.name, entity.aliases, entity.page)
        for record in briefing.articles:
            a = record.article
            self.cards[("articles", record.id)] = digest(a.title, a.published, a.source, a.dateline, record.page)
        for e in briefing.events:
            shown = [names.get(("places", e.place or "")), names.get(("mechanisms", e.mechanism or "")),
                     [(names[("people", p)], role) for p, role in e.participants],
                     [names[("organizations", o)] for o in e.organizations]]
            self.cards[("events", e.id)] = digest(e, shown)

    def of(self, kind: str, ids: Iterable[str]) -> list[str]:
        return [self.cards[(kind, i)] for i in sorted(set(ids))]


def page_keys(briefing: Briefing) -> dict[str, str]:
    """Page path -> key, for every page of an event, entity or article."""
    cards = Cards(briefing)
    entities = {(kind, e.id): e for kind in ENTITY_KINDS for e in getattr(briefing, kind)}
    members = roles_by_organization(briefing)
    events = {e.id: e for e in briefing.events}
    keys = {e.page: event_key(e, entities, cards) for e in briefing.events}
    for entity in entities.values():
        keys[entity.page] = entity_key(entity, members.get(entity.id, []), events, cards)
    keys.update({r.page: article_key(r, cards) for r in briefing.articles})
    return keys


def event_key(e: Event, entities: dict[tuple[str, str], Entity], cards: Cards) -> str:
    """An event page lists its participants, organizations, place, sources and statements, and related
    events: other events of its participants and the other sessions of its mechanism."""
    people = [p for p, _ in e.participants] + [s.person for s in e.statements]
    neighbours = [i for p in people for i in entities[("people", p)].events]
    if e.mechanism:
        neighbours += entities[("mechanisms", e.mechanism)].events
    return digest(e, cards.of("people", people), cards.of("organizations", e.organizations),
                  cards.of("places", [e.place] if e.place else []),
                  cards.of("mechanisms", [e.mechanism] if e.mechanism else []),
                  cards.of("articles", e.articles), cards.of("events", neighbours))


def entity_key(entity: Entity, members: list[tuple[str, str]], events: dict[str, Event], cards: Cards) -> str:
    """An entity page lists its events (with their people, places and mechanisms, so companions too), its
    roles with their organizations and events, its sources, and for an organization the people whose
    titles name it, with those titles."""
    listed = [events[i] for i in entity.events]
    people = [p for e in listed for p, _ in e.participants]
    return digest(entity, members, cards.of("events", entity.events), cards.of("articles", entity.articles),
                  cards.of("people", people + [pid for pid, _ in members]),
                  cards.of("organizations", [r.organization for r in entity.roles if r.organization]
                           + [o for e in listed for o in e.organizations]),
                  cards.of("events", [r.event for r in entity.roles if r.event]),
                  cards.of("articles", [r.article for r in entity.roles]))


def article_key(record: ArticleRecord, cards: Cards) -> str:
    """A source page links every name it mentions (by all its forms) and lists its events."""
    return digest(record, cards.of("events", record.events),
                  *(cards.of(kind, getattr(record, kind)) for kind in ENTITY_KINDS))
