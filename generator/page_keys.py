"""Page keys: everything a page of an event, entity or article shows, reduced to one hash. A generate
renders again only the pages whose key changed, so adding one article to thousands costs the pages it
touches, not the whole site.

What a page shows of another thing is that thing's *card*: an entity's name and aliases, an article's
title, outlet and date, an event's row in a table (title, date, place). A page's key is its own object in
full plus the cards of everything it shows, so a new alias, a renamed place or a new related event
reaches exactly the pages that print it. A year of a listing (events, timeline, sources, or a hub's
events and articles) is keyed by the rows it shows; the indexes of years, the facets and the relations are
always rendered.

Given the briefing the last keys were computed from, only the keys of pages that can have changed are
computed again (`affected`): at ten thousand articles, computing all of them is most of a one-article
rebuild. Which pages those are follows from what each key reads, kind by kind; a test holds it to the
keys computed whole.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .model import ENTITY_KINDS, ArticleRecord, Briefing, Entity, Event, Key
from .site import Site, YearPage, chronological, companions, index, roles_by_organization, year_page


def digest(*parts: Any) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


@dataclass(frozen=True)
class PageKeys:
    pages: dict[str, str]
    """Page path -> key."""
    shown: dict[str, list[str]] = field(default_factory=dict)
    """Event id -> the other events its page shows (sessions before and after, related events): which
    pages a changed or removed event reaches next time."""


@dataclass(frozen=True)
class Previous:
    """What the last generate's keys were computed from."""

    briefing: Briefing
    keys: PageKeys


class Cards:
    """The card of an entity or article, and the row of an event, each digested once when first needed."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.cards: dict[tuple[str, str], str] = {}

    def card(self, kind: str, id_: str) -> str:
        found = self.cards.get((kind, id_))
        if found is None:
            found = self.cards[(kind, id_)] = digest(*card_of(kind, self.site.by_id[(kind, id_)], self.site.by_id))
        return found

    def of(self, kind: str, ids: Iterable[str]) -> str:
        return "".join(self.card(kind, i) for i in sorted(set(ids)))


def card_of(kind: str, x: Any, by_id: dict[tuple[str, str], Any]) -> tuple:
    if kind == "events":
        return (x.title, x.date, x.page, x.place and by_id[("places", x.place)].name)
    if kind == "articles":
        a = x.article
        return (a.title, a.published, a.source, a.dateline, x.page)
    return (x.name, x.aliases, x.page)


def page_keys(site: Site, previous: Previous | None = None) -> PageKeys:
    """Page path -> key, for every page of an event, entity or article, and the events each event page
    shows. With the previous keys, a key is computed again only where the page can have changed."""
    cards = Cards(site)
    todo = affected(site, previous) if previous else None
    old = previous.keys.pages if previous else {}

    def kept(path: str) -> bool:
        return todo is not None and path not in todo and path in old

    keys: dict[str, str] = {}
    shown: dict[str, list[str]] = {}
    for kind, obj in keyed(site.briefing):
        if kept(obj.page):
            keys[obj.page] = old[obj.page]
            if kind == "events":
                shown[obj.id] = previous.keys.shown[obj.id]  # type: ignore[union-attr]
        elif kind == "events":
            shown[obj.id] = [o.id for o in (*site.neighbours(obj), *site.related(obj)) if o]
            keys[obj.page] = event_key(obj, shown[obj.id], cards)
        elif kind == "articles":
            keys[obj.page] = article_key(obj, cards)
        else:
            keys[obj.page] = entity_key(obj, site, cards) + ENTITY_KEYS[kind](obj, site, cards)
    years = list(site.listing_year_pages)
    kept_years = years_by_section(old)
    for hub in site.hubs:
        section = hub.page[:-3]
        if kept(hub.page) and section in kept_years:
            # nothing its years show changed, or its own page would be among those reached: not even made
            keys.update((path, old[path]) for path in kept_years[section])
        else:
            years += site.hub_year_pages(hub, ordered=False)
    for y in years:
        keys[y.path] = old[y.path] if kept(y.path) else year_key(y, cards)
    return PageKeys(keys, shown)


def year_key(y: YearPage, cards: Cards) -> str:
    """A year of a listing is keyed by the rows it shows, and a hub's by its card too."""
    own = cards.of(y.entity.kind, [y.entity.id]) if y.entity else ""
    return digest(own, cards.of("events", [e.id for e in y.events]), cards.of("articles", [r.id for r in y.records]))


def years_by_section(pages: dict[str, str]) -> dict[str, list[str]]:
    """The year pages among these paths, by the listing or hub they are years of ("places/beijing")."""
    out: dict[str, list[str]] = {}
    for path in pages:
        section, years, _ = path.rpartition("/years/")
        if years:
            out.setdefault(section, []).append(path)
    return out


def keyed(briefing: Briefing) -> Iterator[tuple[str, Any]]:
    """(kind, object) of every page that has a key, but the years of listings."""
    yield from (("events", e) for e in briefing.events)
    for kind in ENTITY_KINDS:
        yield from ((kind, x) for x in getattr(briefing, kind))
    yield from (("articles", r) for r in briefing.articles)


def event_key(e: Event, shown: list[str], cards: Cards) -> str:
    """An event page shows its participants, organizations, place, mechanism, sources and statements, the
    previous and next sessions and the related events."""
    return digest(e, cards.of("people", [p for p, _ in e.participants] + [s.person for s in e.statements]),
                  cards.of("organizations", e.organizations), cards.of("places", [e.place] if e.place else []),
                  cards.of("mechanisms", [e.mechanism] if e.mechanism else []),
                  cards.of("articles", e.articles), cards.of("events", shown))


def entity_key(entity: Entity, site: Site, cards: Cards) -> str:
    """Every entity page shows the entity, a row for each of its events and the articles that name it; a
    hub's, how many of each there are in each year (the rows are on the years' pages)."""
    if site.is_hub(entity):
        counts = sorted((year, len(events), len(records)) for year, (events, records) in site.hub_groups(entity).items())
        return digest(entity, counts)
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


# --- which pages a change can reach -------------------------------------------------------------


def affected(site: Site, previous: Previous) -> set[str]:
    """The pages whose key may differ from the previous one, read off what each kind of key reads:
    - a changed object's own page;
    - a changed event: the pages of its people, organizations, place and mechanism (their rows,
      companions, sessions and members read the whole event), and the events around it (below);
    - a changed person: the organizations their titles name (members);
    - a changed card: every page that prints it, up to the people met at events and the sessions of
      mechanisms, which are two links away."""
    old, new = index(previous.briefing), site.by_id
    changed, cards = differences(old, new)
    pages: set[str] = set()
    for key in changed:
        for lookup in (old, new):
            x = lookup.get(key)
            if x is not None:
                pages.add(x.page)
                pages |= {page(k) for k in (x.named() if key[0] == "events" else role_organizations(x, key[0]))}
    members = Members(previous.briefing, site)
    for key in cards:
        for lookup in (old, new):
            x = lookup.get(key)
            if x is not None:
                near = links(key[0], x) | members.of(key)
                pages |= {page(k) for k in near}
                pages |= {page(k) for e in near if e[0] == "events" and e in lookup for k in lookup[e].named()}
    pages |= around(site, previous, {k[1] for k in changed | cards if k[0] == "events"})
    return pages | years_reached(site, old, new, {k for k in changed if k[0] in ("events", "articles")} | cards)


def years_reached(site: Site, old: dict[Key, Any], new: dict[Key, Any], changed: set[Key]) -> set[str]:
    """The years of listings whose rows these events or articles join, leave or are printed in: the year
    of each one's date in the events, timeline and sources, and in the hubs it names; and every year of
    a hub among them (its card changed)."""
    pages = set()
    for key in changed:
        for lookup in (old, new):
            x = lookup.get(key)
            if x is None:
                continue
            if key[0] == "events":
                year = (x.date or "")[:4]
                pages |= {year_page(section, year) for section in ("events", "timeline") if year}
                hubs = x.named()
            elif key[0] == "articles":
                year = (x.article.published or "")[:4]
                pages |= {year_page("articles", year)} if year else set()
                hubs = x.named()
            else:
                pages |= {y.path for y in site.hub_year_pages(x)} if lookup is new and site.is_hub(x) else set()
                continue
            pages |= {year_page(f"{kind}/{i}", year or "undated") for kind, i in hubs}
    return pages


def differences(old: dict[Key, Any], new: dict[Key, Any]) -> tuple[set[Key], set[Key]]:
    """Objects added, removed or changed; and those of them whose card changed (an event's row names
    its place: a renamed place changes the rows of its events)."""
    changed = {k for k in old.keys() | new.keys() if (o := old.get(k)) is not (n := new.get(k)) and o != n}
    cards = {k for k in changed if k not in old or k not in new or card_of(k[0], old[k], old) != card_of(k[0], new[k], new)}
    for k in [k for k in cards if k[0] == "places"]:
        for lookup in (old, new):
            if k in lookup:
                cards |= {("events", e) for e in lookup[k].events}
    return changed, cards


def page(key: Key) -> str:
    return f"{key[0]}/{key[1]}.md"


def role_organizations(x: Any, kind: str) -> set[Key]:
    return {("organizations", r.organization) for r in x.roles if r.organization} if kind == "people" else set()


def links(kind: str, x: Any) -> set[Key]:
    """Everything an event, article or entity links to, and so prints the card of."""
    if kind == "events":
        return x.named() | {("articles", a) for a in x.articles}
    out: set[Key] = {("events", e) for e in x.events}
    if kind == "articles":
        return out | x.named()
    out |= {("articles", a) for a in x.articles} | role_organizations(x, kind)
    return out | {("events", r.event) for r in x.roles if r.event} | {("articles", r.article) for r in x.roles}


class Members:
    """The people whose titles name an organization, before and now: its page prints their cards, and
    theirs print its."""

    def __init__(self, before: Briefing, site: Site) -> None:
        self.before, self.site = before, site
        self.old: dict[str, list[tuple[str, str]]] | None = None

    def of(self, key: Key) -> set[Key]:
        if key[0] != "organizations":
            return set()
        if self.old is None:
            self.old = roles_by_organization(self.before)
        return {("people", p) for roles in (self.old, self.site.roles_at) for p, _ in roles.get(key[1], ())}


def around(site: Site, previous: Previous, events: set[str]) -> set[str]:
    """Event pages whose sessions before and after or related events can show one of these events: those
    that showed it last time, those next to it now in the chronology of each of its people and of its
    mechanism, and those of the sessions numbered next to it."""
    pages = {f"events/{e}.md" for e, shown in previous.keys.shown.items() if events.intersection(shown)}
    for i in events:
        e = site.by_id.get(("events", i))
        if e is None:
            continue
        for key in [f"people/{p}" for p, _ in e.participants] + ([f"mechanisms/{e.mechanism}"] * bool(e.mechanism)):
            line = site.chronology(key)
            at = bisect_left(line, chronological(e), key=chronological)
            pages |= {o.page for o in line[max(at - 2, 0):at + 3]}
        if e.mechanism and e.session is not None:
            sessions = site.sessions[e.mechanism]
            numbers = sorted({o.session for o in sessions if o.session is not None})
            at = numbers.index(e.session)
            near = set(numbers[max(at - 1, 0):at + 2])
            pages |= {o.page for o in sessions if o.session in near}
    return pages
