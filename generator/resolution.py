"""Resolution: mentions from every article matched into one entity per real thing, and the reports
of one occasion merged into one event with every source listed."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clusters import KEYS, LOCAL, Index, never
from .model import ArticleRecord, Briefing, Entity, Event, EventMention, Extraction, ResolvedStatement, Role
from .registry import Registry
from .slugs import slugify


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


def resolve(extractions: list[Extraction], registry: Registry | None = None,
            previous: PreviousIds | None = None) -> Briefing:
    registry = registry or Registry()
    previous = previous or PreviousIds()
    indexes = {kind: Index(kind, keys_of, LOCAL.get(kind, never)) for kind, keys_of in KEYS.items()}
    for entry_kind, entries in registry.entries.items():
        for i, entry in enumerate(entries):
            keys = {f"split:{i}"} if entry.articles else None  # a split entry joins nothing by name
            indexes[entry_kind].add(entry.name, entry.aliases, "", keys).fixed = entry.name
    for x in extractions:
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
    indexes["people"].attach_short_names()
    ids = {kind: assign_ids(index, registry, previous.entities.get(kind, {})) for kind, index in indexes.items()}
    eid = Ids(indexes, ids)
    return assemble(extractions, indexes, ids, eid, merge_events(extractions, eid), previous)


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
            out[id(cluster)] = slugify(pinned)
            used.add(out[id(cluster)])
    for cluster in clusters:
        if id(cluster) in out:
            continue
        earlier = sorted({previous[k] for form in cluster.names for k in index.keys_of(form) if k in previous} - used)
        if earlier:
            out[id(cluster)] = earlier[0]
            used.add(earlier[0])
    for cluster in clusters:
        if id(cluster) in out:
            continue
        base = slugify(cluster.name())
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[id(cluster)] = slug
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
            found = self.known[key] = self.ids[kind][id(self.indexes[kind].find(name, article))]
        return found


@dataclass
class Occasion:
    """One real event, with every article's report of it."""

    reports: list[tuple[str, EventMention]]
    mechanism: str | None
    people: set[str]

    def date(self) -> str | None:
        dates = [e.date for _, e in self.reports if e.date]
        if not dates:
            return None
        best = max(dates, key=len)
        return best if all(best.startswith(d) for d in dates) else Counter(dates).most_common(1)[0][0]


def merge_events(extractions: list[Extraction], eid: Ids) -> list[Occasion]:
    """Reports of one occasion become one: looked up by mechanism, or by day, never by scanning them all."""
    occasions: list[Occasion] = []
    candidates: dict[tuple[str, str | None], list[Occasion]] = {}
    for x in extractions:
        for e in x.events:
            a = x.article.id
            mech = eid("mechanisms", e.mechanism, a) if e.mechanism else None
            people = {eid("people", p.name, a) for p in e.participants}
            key = ("m", mech) if mech else ("d", e.date if e.date and len(e.date) == 10 else None)
            pool = candidates.setdefault(key, []) if key[1] else []
            match = next((o for o in pool if same_event(o, e, mech, people)), None)
            if match is None:
                occasion = Occasion([(x.article.id, e)], mech, people)
                occasions.append(occasion)
                pool.append(occasion)
            else:
                match.reports.append((x.article.id, e))
                match.people |= people
    return occasions


def same_event(o: Occasion, e: EventMention, mech: str | None, people: set[str]) -> bool:
    """The same session of the same mechanism; or, with no mechanism, the same day and two people in common."""
    if o.mechanism or mech:
        first = o.reports[0][1]
        return o.mechanism == mech and (first.session, year_of(first)) == (e.session, year_of(e)) \
            and (first.session is not None or year_of(e) is not None)
    date = o.date()
    return bool(date and e.date and len(date) == len(e.date) == 10 and date == e.date and len(o.people & people) >= 2)


def year_of(e: EventMention) -> str | None:
    return e.date[:4] if e.date and e.session is None else None


def assemble(extractions: list[Extraction], indexes: dict[str, Index], ids: dict[str, dict[int, str]], eid: Ids,
             occasions: list[Occasion], previous: PreviousIds) -> Briefing:
    events: list[Event] = []
    event_of_report: dict[tuple[str, int], str] = {}
    for occ in occasions:
        event = build_event(occ, eid)
        earlier = sorted({previous.events[(a, e.title)] for a, e in occ.reports if (a, e.title) in previous.events})
        if earlier:
            event = replace(event, id=earlier[0])
        events.append(event)
        for article, report in occ.reports:
            event_of_report[(article, id(report))] = event.id
    events = unique_ids(events)
    by_id = {e.id: e for e in events}
    records = []
    roles: dict[str, list[Role]] = {}
    for x in extractions:
        a = x.article.id
        evs = tuple(dict.fromkeys(event_of_report[(a, id(e))] for e in x.events))
        first_event: dict[str, str] = {}  # person -> the article's first event they took part in
        for ev in reversed(evs):
            first_event.update((q, ev) for q, _ in by_id[ev].participants)
        for p in x.people:
            pid = eid("people", p.name, a)
            at = first_event.get(pid) if p.roles else None
            for title in p.roles:
                org = organization_in(title, x)
                roles.setdefault(pid, []).append(Role(title, a, org and eid("organizations", org, a), at,
                                                      by_id[at].date if at else x.article.published))
        records.append(ArticleRecord(
            x.article, evs,
            tuple(dict.fromkeys(eid("people", p.name, a) for p in x.people)),
            tuple(dict.fromkeys(eid("organizations", o.name, a) for o in x.organizations)),
            tuple(dict.fromkeys(eid("mechanisms", m.name, a) for m in x.mechanisms)),
            tuple(dict.fromkeys(eid("places", p, a) for p in x.places))))
    entities = {kind: entities_of(kind, indexes[kind], ids[kind], records, events, roles) for kind in indexes}
    return Briefing(tuple(sorted(records, key=lambda r: r.id)), tuple(sorted(events, key=lambda e: e.id)),
                    entities["people"], entities["organizations"], entities["mechanisms"], entities["places"])


def organization_in(title: str, x: Extraction) -> str | None:
    """The organization of the article a title names, by its longest form found in the title."""
    title = title.replace("’", "'")
    found = [(len(form), o.name) for o in x.organizations for form in (o.name, *o.aliases)
             if len(form) > 1 and form in title and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", title)]
    return max(found)[1] if found else None


def build_event(occ: Occasion, eid: Ids) -> Event:
    first = occ.reports[0][1]
    date = occ.date()
    ends = [e.end_date for _, e in occ.reports if e.end_date]
    places = Counter((e.place, a) for a, e in occ.reports if e.place)
    participants: dict[str, str | None] = {}
    for a, e in occ.reports:
        for p in e.participants:
            pid = eid("people", p.name, a)
            participants[pid] = participants.get(pid) or p.role
    statements = [ResolvedStatement(eid("people", s.speaker, a), s.text, a) for a, e in occ.reports for s in e.statements]
    title = max((e.title for _, e in occ.reports), key=lambda t: (t[:1].isupper(), -abs(len(t) - 80)))
    return Event(
        id=slugify(f"{date or 'undated'} {title}"),
        title=title,
        date=date,
        end_date=max(ends) if ends else None,
        place=eid("places", *places.most_common(1)[0][0]) if places else None,
        mechanism=occ.mechanism,
        session=next((e.session for _, e in occ.reports if e.session), None),
        participants=tuple(participants.items()),
        organizations=tuple(dict.fromkeys(eid("organizations", o, a) for a, e in occ.reports for o in e.organizations)),
        articles=tuple(dict.fromkeys(a for a, _ in occ.reports)),
        summary=first.summary,
        outcomes=tuple(dict.fromkeys(o for _, e in occ.reports for o in e.outcomes)),
        statements=tuple(dict.fromkeys(statements)),
    )


def unique_ids(events: list[Event]) -> list[Event]:
    seen: Counter[str] = Counter()
    out = []
    for e in events:
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}-{seen[e.id]}"))
    return out


def entities_of(kind: str, index: Index, ids: dict[int, str], records: list[ArticleRecord], events: list[Event],
                roles: dict[str, list[Role]]) -> tuple[Entity, ...]:
    articles: dict[str, list[str]] = {}
    for r in records:
        for eid in getattr(r, kind):
            articles.setdefault(eid, []).append(r.id)
    at: dict[str, set[str]] = {}
    for e in events:
        for eid in mentioned(e, kind):
            at.setdefault(eid, set()).add(e.id)
    out = []
    for cluster in index.clusters.values():
        eid = ids[id(cluster)]
        if eid not in articles:
            continue  # a registry entry no article names
        name = cluster.name()
        aliases = tuple(sorted((set(cluster.names) | cluster.aliases) - {name}))
        out.append(Entity(kind, eid, name, aliases, tuple(sorted(articles[eid])), tuple(sorted(at.get(eid, ()))),
                          tuple(roles.get(eid, ())), cluster.established))
    return tuple(sorted(out, key=lambda e: e.id))


def mentioned(e: Event, kind: str) -> set[str]:
    """The ids of one kind an event names."""
    if kind == "people":
        return {p for p, _ in e.participants} | {s.person for s in e.statements}
    if kind == "organizations":
        return set(e.organizations)
    value = e.mechanism if kind == "mechanisms" else e.place
    return {value} if value else set()
