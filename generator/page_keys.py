"""Page keys: everything a page of an event, entity or article shows, reduced to one hash. A generate
renders again only the pages whose key changed, so adding one article to thousands costs the pages it
touches, not the whole site.

What a page shows of another thing is that thing's *card*: an entity's name and aliases, an article's
title, outlet and date, an event's row in a table (title, date, place). A page's key is its own object in
full plus the cards of everything it shows, so a new alias, a renamed place or a new related event
reaches exactly the pages that print it. A year of a listing (events, timeline, sources, or a hub's
events and articles) is keyed by the rows it shows; the indexes of years, the facets and the relations are
always rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from .model import ENTITY_KINDS, ArticleRecord, Entity, Event
from .site import Site, companions


def digest(*parts: Any) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


class Cards:
    """The card of every entity and article, and the row of every event, of a briefing."""

    def __init__(self, site: Site) -> None:
        briefing = site.briefing
        self.cards: dict[tuple[str, str], str] = {}
        for kind in ENTITY_KINDS:
            for entity in getattr(briefing, kind):
                self.cards[(kind, entity.id)] = digest(entity.name, entity.aliases, entity.page)
        for record in briefing.articles:
            a = record.article
            self.cards[("articles", record.id)] = digest(a.title, a.published, a.source, a.dateline, record.page)
        for e in briefing.events:
            self.cards[("events", e.id)] = digest(e.title, e.date, e.page, e.place and site.get("places", e.place).name)

    def of(self, kind: str, ids: Iterable[str]) -> str:
        return "".join(self.cards[(kind, i)] for i in sorted(set(ids)))


def page_keys(site: Site) -> dict[str, str]:
    """Page path -> key, for every page of an event, entity or article."""
    briefing = site.briefing
    cards = Cards(site)
    keys = {e.page: event_key(e, site, cards) for e in briefing.events}
    for kind, key_of in ENTITY_KEYS.items():
        keys.update({entity.page: entity_key(entity, cards) + key_of(entity, site, cards)
                     for entity in getattr(briefing, kind)})
    keys.update({r.page: article_key(r, cards) for r in briefing.articles})
    for y in site.year_pages:
        shown = cards.of(y.entity.kind, [y.entity.id]) if y.entity else ""
        keys[y.path] = digest(shown, cards.of("events", [e.id for e in y.events]),
                              cards.of("articles", [r.id for r in y.records]))
    return keys


def event_key(e: Event, site: Site, cards: Cards) -> str:
    """An event page shows its participants, organizations, place, mechanism, sources and statements, the
    previous and next sessions and the related events."""
    shown = [o.id for o in (*site.neighbours(e), *site.related(e)) if o]
    return digest(e, cards.of("people", [p for p, _ in e.participants] + [s.person for s in e.statements]),
                  cards.of("organizations", e.organizations), cards.of("places", [e.place] if e.place else []),
                  cards.of("mechanisms", [e.mechanism] if e.mechanism else []),
                  cards.of("articles", e.articles), cards.of("events", shown))


def entity_key(entity: Entity, cards: Cards) -> str:
    """Every entity page shows the entity, a row for each of its events and the articles that name it."""
    return digest(entity, cards.of("events", entity.events), cards.of("articles", entity.articles))


def person_key(person: Entity, site: Site, cards: Cards) -> str:
    """... and a person's roles, with their organizations, events and sources, and the people met most."""
    met = companions(person, site)
    return digest([(p.id, n) for p, n in met], cards.of("people", [p.id for p, _ in met]),
                  cards.of("organizations", [r.organization for r in person.roles if r.organization]),
                  cards.of("events", [r.event for r in person.roles if r.event]),
                  cards.of("articles", [r.article for r in person.roles]))


def organization_key(org: Entity, site: Site, cards: Cards) -> str:
    """... and the people whose titles name an organization, and the mechanisms of its events."""
    members = site.roles_at.get(org.id, [])
    mechanisms = [m for i in org.events if (m := site.get("events", i).mechanism)]
    return digest(members, cards.of("people", [p for p, _ in members]), cards.of("mechanisms", mechanisms))


def mechanism_key(mechanism: Entity, site: Site, cards: Cards) -> str:
    """... and a mechanism's sessions with their numbers and people, and the organizations there."""
    sessions = [site.get("events", i) for i in mechanism.events]
    return digest([(e.session, e.participants, e.organizations) for e in sessions],
                  cards.of("people", [p for e in sessions for p, _ in e.participants]),
                  cards.of("organizations", [o for e in sessions for o in e.organizations]))


def place_key(place: Entity, site: Site, cards: Cards) -> str:
    return ""


ENTITY_KEYS: dict[str, Callable[[Entity, Site, Cards], str]] = {
    "people": person_key, "organizations": organization_key, "mechanisms": mechanism_key, "places": place_key}


def article_key(record: ArticleRecord, cards: Cards) -> str:
    """A source page links every name it mentions (by all its forms) and lists its events."""
    return digest(record, cards.of("events", record.events),
                  *(cards.of(kind, getattr(record, kind)) for kind in ENTITY_KINDS))
