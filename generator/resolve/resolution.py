"""Resolution: mentions from every article matched into one entity per real thing, and the reports
of one occasion merged into one event with every source listed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from ..kinds import ENTITY_KINDS, MECHANISMS, ORGANIZATIONS, PEOPLE, PLACES
from ..model import ArticleRecord, Briefing, Entity, Event, Extraction, Key, Role
from ..slugs import slugify
from .clusters import KEYS, LOCAL, SHORT_FORMS, Cluster, Index, acronyms_of, never, org_keys, org_short_forms
from .exchanges import characterized, with_registry
from .ids import EVENTS, Ledger
from .occasions import Occasion, Occasions, build_event, unique
from .registry import RESERVED_IDS, Registry


def resolve(extractions: list[Extraction], registry: Registry | None = None, ledger: Ledger | None = None) -> Briefing:
    """Match every article's mentions into entities and its reports into events. The `ledger` holds the ids
    earlier outputs gave: an entity or event keeps its id, so adding an article moves no page."""
    registry = registry or Registry()
    ledger = ledger or Ledger()
    organizations = [(o.name, o.aliases) for x in extractions for o in x.organizations]
    indexes = fresh_indexes(registry, acronyms_of(organizations))
    for x in extractions:
        add_mentions(indexes, x, registry)
    for index in indexes.values():
        index.attach_short_names()
    ids = {kind: assign_ids(index, registry, ledger.entities.get(kind, {})) for kind, index in indexes.items()}
    eid = Ids(indexes, ids)
    occasions = Occasions()
    for x in extractions:
        occasions.add(x, eid)
    published = {x.article.id: x.article.published for x in extractions}
    events = [replace(e, reported=first_reported(e, published, ledger)) for e in occasion_events(occasions, eid, ledger)]
    by_id = {e.id: e for e in events}
    parts = [parts_of(x, tuple(dict.fromkeys(events[i].id for i in occasions.of_article[x.article.id])), by_id, eid)
             for x in extractions]
    roles: dict[str, list[Role]] = {}
    for _, stated in parts:
        for pid, role in stated:
            roles.setdefault(pid, []).append(role)
    records = [record for record, _ in parts]
    named = named_by(records, events)
    entities = {kind: entities_of(kind, indexes[kind], ids[kind], named, roles) for kind in indexes}
    briefing = Briefing(tuple(sorted(records, key=lambda r: r.id)), tuple(sorted(events, key=lambda e: e.id)),
                        **entities)  # type: ignore[arg-type]  # one field per kind of entity
    briefing = characterized(briefing, with_registry(registry.exchanges))
    live = {kind: {x.id for x in getattr(briefing, kind)} for kind in (*ENTITY_KINDS, EVENTS)}
    return replace(briefing, moved=ledger.moves(Ledger.of(briefing), live))


def first_reported(event: Event, published: dict[str, str | None], ledger: Ledger) -> str | None:
    """The day the ledger says the event was first reported, else its earliest source's."""
    days = [d for d in (published[a] for a in event.articles) if d]
    return ledger.reported.get(event.id) or (min(days) if days else None)


def fresh_indexes(registry: Registry, acronyms: frozenset[tuple[str, str]] = frozenset()) -> dict[str, Index]:
    """An index of each kind, holding the registry's entries; organizations read with the acronyms of all articles."""
    key_functions = KEYS | {ORGANIZATIONS: partial(org_keys, acronyms=acronyms)}
    indexes = {kind: Index(kind, keys_of, LOCAL.get(kind, never), SHORT_FORMS.get(kind))
               for kind, keys_of in key_functions.items()}
    for entry_kind, entries in registry.entries.items():
        for i, entry in enumerate(entries):
            keys = {f"split:{i}"} if entry.articles else None  # a split entry joins nothing by name
            indexes[entry_kind].add(entry.name, entry.aliases, "", keys).fixed = entry.name
    return indexes


def add_mentions(indexes: dict[str, Index], x: Extraction, registry: Registry) -> None:
    a = x.article.id
    for kind, name, aliases in mentions_of(x):
        split = registry.split_for(kind, name, x.article.file)
        if split is not None:
            key = f"split:{split}"
            indexes[kind].splits[(name, a)] = key
            indexes[kind].add(registry.entries[kind][split].name, (), a, {key})
        else:
            indexes[kind].add(name, aliases, a)
    for m in x.mechanisms:
        indexes[MECHANISMS].find(m.name, a).established = m.established


def mentions_of(x: Extraction) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, name, aliases) of everything one article names."""
    return [*((PEOPLE, p.name, p.aliases) for p in x.people),
            *((ORGANIZATIONS, o.name, o.aliases) for o in x.organizations),
            *((MECHANISMS, m.name, m.aliases) for m in x.mechanisms),
            *((PLACES, p, ()) for p in x.places)]


def assign_ids(index: Index, registry: Registry, previous: dict[str, str]) -> dict[int, str]:
    """Ids from canonical names, or the id the previous output gave any of a cluster's names; two
    clusters may never share one."""
    out: dict[int, str] = {}
    used: set[str] = set(RESERVED_IDS)  # an organization named "Index" is no listing page
    clusters = sorted(index.clusters.values(), key=lambda c: c.name())
    for cluster in clusters:
        pinned = registry.pinned_id(index.kind, cluster)
        if pinned:
            out[cluster.serial] = slugify(pinned)
            used.add(out[cluster.serial])
    for cluster in clusters:
        if cluster.serial in out:
            continue
        earlier = sorted({previous[k] for form in cluster.names for k in index.keys_of(form) if k in previous} - used)
        if earlier:
            out[cluster.serial] = earlier[0]
            used.add(earlier[0])
    for cluster in clusters:
        if cluster.serial in out:
            continue
        base = slugify(cluster.name())
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[cluster.serial] = slug
    return out


class Ids:
    """The id of what a name stands for in an article, once the clusters are final; remembered, as a name
    is looked up for every event, role and record that carries it."""

    def __init__(self, indexes: dict[str, Index], ids: dict[str, dict[int, str]]) -> None:
        self.indexes = indexes
        self.ids = ids
        self.known: dict[tuple[str, str, str], str] = {}

    def __call__(self, kind: str, name: str, article: str = "") -> str:
        key = (kind, name, article)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.ids[kind][self.indexes[kind].find(name, article).serial]
        return found


def occasion_events(occasions: Occasions, eid: Ids, ledger: Ledger) -> list[Event]:
    """The event of each occasion, with the id the ledger gave one of its reports, else its own, made unique."""
    built = [build_event(occ, eid) for occ in occasions.found]
    ids = unique([earliest(occ, ledger) or event.id for occ, event in zip(occasions.found, built)])
    return [event if event.id == final else replace(event, id=final) for event, final in zip(built, ids)]


def earliest(occ: Occasion, ledger: Ledger) -> str | None:
    """The id the ledger gave any report of this occasion (the first in order)."""
    ids = {ledger.events[(a, e.title)] for a, e in occ.reports if (a, e.title) in ledger.events}
    return min(ids) if ids else None


def parts_of(x: Extraction, evs: tuple[str, ...], by_id: dict[str, Event],
             eid: Ids) -> tuple[ArticleRecord, list[tuple[str, Role]]]:
    """An article's record, and each title it states for a person, at the first of its events they were at."""
    a = x.article.id
    first_event: dict[str, str] = {}  # person -> the article's first event they took part in
    for ev in reversed(evs):
        first_event.update((q, ev) for q, _ in by_id[ev].participants)
    roles = []
    forms = organization_forms(x)
    for p in x.people:
        pid = eid(PEOPLE, p.name, a)
        at = first_event.get(pid) if p.roles else None
        for title in p.roles:
            org = organization_in(title, forms)
            roles.append((pid, Role(title, a, org and eid(ORGANIZATIONS, org, a), at,
                                    by_id[at].date if at else x.article.published)))
    record = ArticleRecord(
        x.article, evs,
        tuple(dict.fromkeys(eid(PEOPLE, p.name, a) for p in x.people)),
        tuple(dict.fromkeys(eid(ORGANIZATIONS, o.name, a) for o in x.organizations)),
        tuple(dict.fromkeys(eid(MECHANISMS, m.name, a) for m in x.mechanisms)),
        tuple(dict.fromkeys(eid(PLACES, p, a) for p in x.places)))
    return record, roles


def organization_forms(x: Extraction) -> list[tuple[str, str]]:
    """(form, name) of every name and alias of the article's organizations, and of the first word a name
    is called by before its head nouns ("president of Xinhua": the Xinhua News Agency)."""
    forms = [(form, o.name) for o in x.organizations for form in (o.name, *o.aliases) if len(form) > 1]
    return forms + [(o.name.split()[0], o.name) for o in x.organizations if org_short_forms(o.name)]


def organization_in(title: str, forms: list[tuple[str, str]]) -> str | None:
    """The organization a title names, by its longest form (of `organization_forms`) found in the title."""
    title = title.replace("’", "'")
    found = [(len(form), name) for form, name in forms if form in title and as_words_in(form, title)]
    return max(found)[1] if found else None


def as_words_in(form: str, text: str) -> bool:
    """`form` stands in `text` as whole words: no letter, digit, "_" or "-" right before or after it. (A
    regular expression per form would be compiled anew for each of tens of thousands of titles.)"""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if not (start and word_character(text[start - 1])) and not (end < len(text) and word_character(text[end])):
            return True
        start = text.find(form, start + 1)
    return False


def word_character(c: str) -> bool:
    return c.isalnum() or c in "_-"


def named_by(records: list[ArticleRecord], events: list[Event]) -> tuple[dict[Key, list[str]], dict[Key, set[str]]]:
    """(kind, id) -> the articles that name it, and the events; in one pass over each for all kinds."""
    articles: dict[Key, list[str]] = {}
    for r in records:
        for kind in ENTITY_KINDS:
            for eid in getattr(r, kind):
                articles.setdefault((kind, eid), []).append(r.id)
    at: dict[Key, set[str]] = {}
    for e in events:
        for key in e.named():
            at.setdefault(key, set()).add(e.id)
    return articles, at


def entities_of(kind: str, index: Index, ids: dict[int, str], named: tuple[dict[Key, list[str]], dict[Key, set[str]]],
                roles: dict[str, list[Role]]) -> tuple[Entity, ...]:
    articles, at = named
    out = [entity_of(cluster, kind, ids[cluster.serial], articles[kind, eid], at.get((kind, eid), ()), roles.get(eid, ()))
           for cluster in index.clusters.values() if (kind, eid := ids[cluster.serial]) in articles]
    return tuple(sorted(out, key=lambda e: e.id))  # (a registry entry no article names has no entity)


def entity_of(cluster: Cluster, kind: str, eid: str, articles: Iterable[str], events: Iterable[str],
              roles: Iterable[Role]) -> Entity:
    name = cluster.name()
    aliases = tuple(sorted((set(cluster.names) | cluster.aliases) - {name}))
    return Entity(kind, eid, name, aliases, tuple(sorted(articles)), tuple(sorted(events)), tuple(roles),
                  cluster.established)
