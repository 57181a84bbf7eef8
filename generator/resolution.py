"""Resolution: mentions from every article matched into one entity per real thing, and the reports
of one occasion merged into one event with every source listed."""

from __future__ import annotations

import json
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from .clusters import KEYS, LOCAL, Cluster, Index, never
from .model import ENTITY_KINDS, ArticleRecord, Briefing, Entity, Event, Extraction, Key, Role
from .occasions import Occasion, Occasions, build_event, unique
from .registry import Registry
from .slugs import slugify

T = TypeVar("T")


@dataclass(frozen=True)
class PreviousIds:
    """The ids the previous output gave, by every name and alias, and events by their reports: a new
    article that adds an alias to an entity or a source to an event moves no page."""

    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind -> key of a name -> id."""
    events: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article id, event title) -> id."""

    @classmethod
    def of(cls, briefing: Briefing) -> PreviousIds:
        entities: dict[str, dict[str, str]] = {}
        for kind, keys_of in KEYS.items():
            for e in getattr(briefing, kind):
                for form in (e.name, *e.aliases):
                    for key in keys_of(form):
                        entities.setdefault(kind, {}).setdefault(key, e.id)
        return cls(entities, {(a, e.title): e.id for e in briefing.events for a in e.articles})

    def dumps(self) -> str:
        """Kept beside the output: reading them back is cheaper than parsing the whole export again."""
        events = [[article, title, i] for (article, title), i in self.events.items()]
        return json.dumps({"entities": self.entities, "events": events}, separators=(",", ":")) + "\n"

    @classmethod
    def load(cls, path: Path | None) -> PreviousIds:
        """The ids `dumps` wrote; none where there is no such file, or it cannot be read."""
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path else {}
            return cls(data.get("entities", {}), {(a, title): i for a, title, i in data.get("events", [])})
        except (OSError, ValueError, TypeError, AttributeError):
            return cls()


@dataclass
class Resolution:
    """A resolved briefing with what it was resolved from, kept for the next generate: when that one's
    articles are these and more after them, only the new ones are resolved, unless they change what the
    old ones' names stand for (they join two entities, or give a short name a second owner)."""

    briefing: Briefing
    registry: Registry
    files: list[tuple[str, str]]
    """(file, sha256) of the articles, in order."""
    indexes: bytes
    """The clusters of every kind before short names were attached to them (pickled: attaching changes them)."""
    attached: dict[str, dict[int, int]]
    """kind -> serial of a short name's cluster -> serial of the cluster it joined."""
    ids: dict[str, dict[int, str]]
    """kind -> cluster serial -> entity id."""
    occasions: Occasions
    made_ids: list[str]
    """Each occasion's id from its date and title, before previous ids and unique suffixes."""
    events: list[Event]
    """Each occasion's event."""
    parts: dict[str, tuple[ArticleRecord, list[tuple[str, Role]]]]
    """Article id -> its record, and the (person id, role) its text states."""


def resolve(extractions: list[Extraction], registry: Registry | None = None,
            previous: PreviousIds | None = None) -> Briefing:
    return resolution(extractions, registry, previous).briefing


def resolution(extractions: list[Extraction], registry: Registry | None = None, previous: PreviousIds | None = None,
               before: Resolution | None = None) -> Resolution:
    """Match every article's mentions into entities and its reports into events, continuing `before`
    where these articles are its own and more after them: the result is the same either way."""
    registry = registry or Registry()
    previous = previous or PreviousIds()
    files = [(x.article.file, x.article.sha256) for x in extractions]
    if before is not None and before.registry == registry and files[:len(before.files)] == before.files:
        done = extended(before, extractions, registry, previous)
        if done is not None:
            return done
    whole = extended(None, extractions, registry, previous)
    assert whole is not None  # with nothing before, nothing to contradict
    return whole


def extended(before: Resolution | None, extractions: list[Extraction], registry: Registry,
             previous: PreviousIds) -> Resolution | None:
    """`before` (or nothing) extended by the articles after its own; None where they change what the
    names of its articles stand for."""
    indexes = ({kind: index.continued() for kind, index in pickle.loads(before.indexes).items()} if before
               else fresh_indexes(registry))
    new = extractions[len(before.files):] if before else extractions
    for x in new:
        add_mentions(indexes, x, registry)
    if before and any(index.joined for index in indexes.values()):
        return None
    kept = pickle.dumps(indexes, protocol=pickle.HIGHEST_PROTOCOL)
    attached = {kind: index.attach_short_names() for kind, index in indexes.items()}
    ids = {kind: assign_ids(index, registry, previous.entities.get(kind, {})) for kind, index in indexes.items()}
    if before and not same_for_old(before, indexes, attached, ids):
        return None
    eid = Ids(indexes, ids)
    occasions = before.occasions.reported(extractions[:len(before.files)]) if before else Occasions()
    touched: set[int] = set()
    for x in new:
        touched |= occasions.add(x, eid)
    made_ids, events = occasion_events(before, occasions, touched, eid, previous)
    parts = article_parts(before, extractions, occasions, events, eid)
    records = [parts[x.article.id][0] for x in extractions]
    if before:
        entities = continued_entities(before, Changes.since(before, events, parts), indexes, ids, extractions)
    else:
        roles: dict[str, list[Role]] = {}
        for x in extractions:
            for pid, role in parts[x.article.id][1]:
                roles.setdefault(pid, []).append(role)
        named = named_by(records, events)
        entities = {kind: entities_of(kind, indexes[kind], ids[kind], named, roles) for kind in indexes}
    briefing = Briefing(tuple(sorted(records, key=lambda r: r.id)), tuple(sorted(events, key=lambda e: e.id)),
                        entities["people"], entities["organizations"], entities["mechanisms"], entities["places"])
    return Resolution(briefing, registry, [(x.article.file, x.article.sha256) for x in extractions], kept, attached,
                      ids, occasions, made_ids, events, parts)


def fresh_indexes(registry: Registry) -> dict[str, Index]:
    """An index of each kind, holding the registry's entries."""
    indexes = {kind: Index(kind, keys_of, LOCAL.get(kind, never)) for kind, keys_of in KEYS.items()}
    for entry_kind, entries in registry.entries.items():
        for i, entry in enumerate(entries):
            keys = {f"split:{i}"} if entry.articles else None  # a split entry joins nothing by name
            indexes[entry_kind].add(entry.name, entry.aliases, "", keys).fixed = entry.name
    return indexes


def add_mentions(indexes: dict[str, Index], x: Extraction, registry: Registry) -> None:
    a = x.article.id
    for kind, name, aliases in mentions_of(x):
        split = registry.split_for(kind, name, x.article.file)
        if split:
            key = f"split:{registry.entries[kind].index(split)}"
            indexes[kind].splits[(name, a)] = key
            indexes[kind].add(split.name, (), a, {key})
        else:
            indexes[kind].add(name, aliases, a)
    for m in x.mechanisms:
        indexes["mechanisms"].find(m.name, a).established = m.established


def same_for_old(before: Resolution, indexes: dict[str, Index], attached: dict[str, dict[int, int]],
                 ids: dict[str, dict[int, str]]) -> bool:
    """Every name of the earlier articles stands for what it stood for: short names joined the same
    clusters, and each earlier cluster keeps its id."""
    for kind, index in indexes.items():
        old = {s: o for s, o in attached[kind].items() if s < index.joined_from}
        if old != before.attached[kind] or any(ids[kind].get(s) != i for s, i in before.ids[kind].items()):
            return False
    return True


def same_or(old: dict[Any, T], key: Any, new: T) -> T:
    """The earlier object where it is equal: what did not change stays the same object, which is how the
    pages that show it are known to be the same."""
    earlier = old.get(key)
    return earlier if earlier == new else new


def mentions_of(x: Extraction) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, name, aliases) of everything one article names."""
    return [*(("people", p.name, p.aliases) for p in x.people),
            *(("organizations", o.name, o.aliases) for o in x.organizations),
            *(("mechanisms", m.name, m.aliases) for m in x.mechanisms),
            *(("places", p, ()) for p in x.places)]


def assign_ids(index: Index, registry: Registry, previous: dict[str, str]) -> dict[int, str]:
    """Ids from canonical names, or the id the previous output gave any of a cluster's names; two
    clusters may never share one."""
    out: dict[int, str] = {}
    used: set[str] = set()
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


def occasion_events(before: Resolution | None, occasions: Occasions, touched: set[int], eid: Ids,
                    previous: PreviousIds) -> tuple[list[str], list[Event]]:
    """The event of each occasion: made again for those that new reports joined, kept for the others;
    each takes the id the previous output gave one of its reports, else its own, made unique."""
    made_ids = list(before.made_ids) if before else []
    built: dict[int, Event] = {}
    for i in sorted(touched):
        built[i] = build_event(occasions.found[i], eid)
        made_ids[i:i + 1] = [built[i].id]
    ids = unique([earliest(occ, previous) or made for occ, made in zip(occasions.found, made_ids)])
    events = []
    for i, final in enumerate(ids):
        event = built[i] if i in built else before.events[i]  # type: ignore[union-attr]
        events.append(event if event.id == final else replace(event, id=final))
    return made_ids, events


def earliest(occ: Occasion, previous: PreviousIds) -> str | None:
    """The id the previous output gave any report of this occasion (the first in order)."""
    ids = {previous.events[(a, e.title)] for a, e in occ.reports if (a, e.title) in previous.events}
    return min(ids) if ids else None


def article_parts(before: Resolution | None, extractions: list[Extraction], occasions: Occasions,
                  events: list[Event], eid: Ids) -> dict[str, tuple[ArticleRecord, list[tuple[str, Role]]]]:
    """Each article's record and roles: kept where none of its events changed, made again elsewhere."""
    by_id = {e.id: e for e in events}
    changed = {e.id for i, e in enumerate(events) if not before or i >= len(before.events) or e is not before.events[i]}
    if before:
        changed |= {e.id for i, e in enumerate(before.events) if i >= len(events) or e is not events[i]}
    parts = {}
    for x in extractions:
        a = x.article.id
        evs = tuple(dict.fromkeys(events[i].id for i in occasions.of_article[a]))
        kept = before.parts.get(a) if before else None
        if kept and kept[0].events == evs and changed.isdisjoint(evs):
            parts[a] = kept
            continue
        parts[a] = same_part(kept, parts_of(x, evs, by_id, eid))
    return parts


def same_part(kept: tuple[ArticleRecord, list[tuple[str, Role]]] | None,
              made: tuple[ArticleRecord, list[tuple[str, Role]]]) -> tuple[ArticleRecord, list[tuple[str, Role]]]:
    """A part made again, with what came out the same as the `kept` one kept as the same object: that is how
    pages and export lines are known to be unchanged."""
    if kept is None or kept == made:
        return kept or made
    return (kept[0], made[1]) if kept[0] == made[0] else made


def parts_of(x: Extraction, evs: tuple[str, ...], by_id: dict[str, Event],
             eid: Ids) -> tuple[ArticleRecord, list[tuple[str, Role]]]:
    """An article's record, and each title it states for a person, at the first of its events they were at."""
    a = x.article.id
    first_event: dict[str, str] = {}  # person -> the article's first event they took part in
    for ev in reversed(evs):
        first_event.update((q, ev) for q, _ in by_id[ev].participants)
    roles = []
    for p in x.people:
        pid = eid("people", p.name, a)
        at = first_event.get(pid) if p.roles else None
        for title in p.roles:
            org = organization_in(title, x)
            roles.append((pid, Role(title, a, org and eid("organizations", org, a), at,
                                    by_id[at].date if at else x.article.published)))
    record = ArticleRecord(
        x.article, evs,
        tuple(dict.fromkeys(eid("people", p.name, a) for p in x.people)),
        tuple(dict.fromkeys(eid("organizations", o.name, a) for o in x.organizations)),
        tuple(dict.fromkeys(eid("mechanisms", m.name, a) for m in x.mechanisms)),
        tuple(dict.fromkeys(eid("places", p, a) for p in x.places)))
    return record, roles


def organization_in(title: str, x: Extraction) -> str | None:
    """The organization of the article a title names, by its longest form found in the title."""
    title = title.replace("’", "'")
    found = [(len(form), o.name) for o in x.organizations for form in (o.name, *o.aliases)
             if len(form) > 1 and form in title and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", title)]
    return max(found)[1] if found else None


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


@dataclass(frozen=True)
class Changes:
    """What a continued resolution made again: records and events as they were and as they are, and the
    titles of the articles whose parts were made again."""

    records: tuple[list[ArticleRecord], list[ArticleRecord]]
    events: tuple[list[Event], list[Event]]
    roles: tuple[dict[str, list[tuple[str, Role]]], dict[str, list[tuple[str, Role]]]]
    """Each (before, now): article id -> its (person id, title)."""

    @classmethod
    def since(cls, before: Resolution, events: list[Event],
              parts: dict[str, tuple[ArticleRecord, list[tuple[str, Role]]]]) -> Changes:
        remade = [a for a, part in parts.items() if before.parts.get(a) is not part]
        was = {a: before.parts[a] for a in remade if a in before.parts}
        records = [a for a in remade if a not in was or was[a][0] is not parts[a][0]]
        changed = [i for i, e in enumerate(events) if i >= len(before.events) or e is not before.events[i]]
        return cls(([was[a][0] for a in records if a in was], [parts[a][0] for a in records]),
                   ([before.events[i] for i in changed if i < len(before.events)], [events[i] for i in changed]),
                   ({a: part[1] for a, part in was.items()}, {a: parts[a][1] for a in remade}))

    def reached(self) -> set[Key]:
        """The entities whose articles, events or titles these can change: every one they name."""
        keys = {key for side in self.records for r in side for key in r.named()}
        keys |= {key for side in self.events for e in side for key in e.named()}
        return keys | {("people", pid) for side in self.roles for roles in side.values() for pid, _ in roles}

    @cached_property
    def gone(self) -> tuple[set[str], set[str]]:
        """The ids of the records and events as they were."""
        return {r.id for r in self.records[0]}, {e.id for e in self.events[0]}

    def articles_naming(self, was: Entity | None, kind: str, eid: str) -> set[str]:
        """The articles that name an entity: those that did before, with the changed records' taken out and
        put in."""
        articles = {a for a in (was.articles if was else ()) if a not in self.gone[0]}
        return articles | {r.id for r in self.records[1] if eid in getattr(r, kind)}

    def events_naming(self, was: Entity | None, kind: str, eid: str) -> set[str]:
        events = {e for e in (was.events if was else ()) if e not in self.gone[1]}
        return events | {e.id for e in self.events[1] if (kind, eid) in e.named()}

    def titles_of(self, was: Entity | None, pid: str, position: dict[str, int]) -> list[Role]:
        """A person's titles, in article order (as gathered), those of the parts made again put in anew."""
        remade = self.roles[1]
        roles = [r for r in (was.roles if was else ()) if r.article not in remade]
        roles += [role for part in remade.values() for p, role in part if p == pid]
        return sorted(roles, key=lambda r: position[r.article])


def continued_entities(before: Resolution, changes: Changes, indexes: dict[str, Index],
                       ids: dict[str, dict[int, str]], extractions: list[Extraction]) -> dict[str, tuple[Entity, ...]]:
    """The entities of `before`, but those the changes reach, made again from their old articles, events
    and titles with the changes' taken out and put in: the others are the very objects they were. (A name
    of an earlier article stands for what it stood for, so only what the changes name can differ.)"""
    position = {x.article.id: i for i, x in enumerate(extractions)}
    reached = changes.reached()
    out = {}
    for kind, index in indexes.items():
        old = {e.id: e for e in getattr(before.briefing, kind)}
        entities = dict(old)
        for serial, eid in ids[kind].items():
            if (kind, eid) not in reached:
                continue
            was = old.get(eid)
            articles = changes.articles_naming(was, kind, eid)
            entities.pop(eid, None)  # (none left that names it: gone)
            if articles:
                made = entity_of(index.clusters[serial], kind, eid, articles, changes.events_naming(was, kind, eid),
                                 changes.titles_of(was, eid, position))
                entities[eid] = same_or(old, eid, made)
        out[kind] = tuple(sorted(entities.values(), key=lambda e: e.id))
    return out


