"""Occasions: the reports of one real event, from however many articles, gathered into one and made
into the event its pages show. Reports are looked up by mechanism or by day, never by scanning them all,
and gathered in article order."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..kinds import MECHANISMS, ORGANIZATIONS, PEOPLE, PLACES
from ..model import Event, EventMention, Extraction, ResolvedStatement
from ..slugs import slugify

IdOf = Callable[..., str]
"""(kind, name, article id) -> the id of the entity the name stands for in that article."""


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


@dataclass
class Occasions:
    """Every occasion so far, the pools a new report is looked up in, and which occasion each article's
    reports joined."""

    found: list[Occasion] = field(default_factory=list)
    pools: dict[tuple[str, str | None], list[int]] = field(default_factory=dict)
    """("m", mechanism id) or ("d", day) -> the occasions that may be the same event."""
    of_article: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Article id -> the occasion of each of its reports, in the order of its events."""

    def add(self, x: Extraction, eid: IdOf) -> set[int]:
        """Gather one article's reports; returns the occasions they joined or made."""
        a = x.article.id
        joined = []
        for e in x.events:
            mech = eid(MECHANISMS, e.mechanism, a) if e.mechanism else None
            people = {eid(PEOPLE, p.name, a) for p in e.participants}
            days = days_around(e.date)
            own = ([("m", mech)] if mech else []) + [("d", day) for day in days[:1]]
            near = dict.fromkeys(i for k in own + [("d", day) for day in days[1:]] for i in self.pools.get(k, ()))
            # an article's own events are apart already: extraction merged what it reports twice
            match = next((i for i in near if all(b != a for b, _ in self.found[i].reports)
                          and same_event(self.found[i], e, mech, people)), None)
            if match is None:
                match = len(self.found)
                self.found.append(Occasion([(a, e)], mech, people))
            else:
                self.found[match].reports.append((a, e))
                self.found[match].people |= people
                self.found[match].mechanism = self.found[match].mechanism or mech
            for k in own:  # found again by its mechanism and by its own day
                if match not in self.pools.setdefault(k, []):
                    self.pools[k].append(match)
            joined.append(match)
        self.of_article[a] = tuple(joined)
        return set(joined)


def same_event(o: Occasion, e: EventMention, mech: str | None, people: set[str]) -> bool:
    """The same session of the same mechanism; or, where a report names no mechanism, days a day apart at
    most (outlets date by their own time zone and publication day) and two people in common; where only one
    names a mechanism, mostly the same people too (a meeting on a forum's sidelines is not the forum)."""
    if o.mechanism and mech:
        first = next(r for _, r in o.reports if r.mechanism)
        return o.mechanism == mech and (first.session, year_of(first)) == (e.session, year_of(e)) \
            and (first.session is not None or year_of(e) is not None)
    date = o.date()
    shared = o.people & people
    if not (date and e.date in days_around(date) and len(shared) >= 2):
        return False
    return not (o.mechanism or mech) or 2 * len(shared) >= len(o.people | people)


def days_around(date: str | None) -> list[str]:
    """The day, the day before and the day after, where the date is a day."""
    if not date or len(date) != 10:
        return []
    day = dt.date.fromisoformat(date)
    return [date, *((day + dt.timedelta(days=n)).isoformat() for n in (-1, 1))]


def year_of(e: EventMention) -> str | None:
    return e.date[:4] if e.date and e.session is None else None


def build_event(occ: Occasion, eid: IdOf) -> Event:
    """The event of an occasion, with the id its date and title make (see `unique`)."""
    first = occ.reports[0][1]
    date = occ.date()
    ends = [e.end_date for _, e in occ.reports if e.end_date]
    places = Counter((e.place, a) for a, e in occ.reports if e.place)
    participants: dict[str, str | None] = {}
    for a, e in occ.reports:
        for p in e.participants:
            pid = eid(PEOPLE, p.name, a)
            participants[pid] = participants.get(pid) or p.role
    statements = [ResolvedStatement(eid(PEOPLE, s.speaker, a), s.text, a) for a, e in occ.reports for s in e.statements]
    title = max((e.title for _, e in occ.reports), key=lambda t: (t[:1].isupper(), -abs(len(t) - 80)))
    return Event(
        id=slugify(f"{date or 'undated'} {title}"),
        title=title,
        date=date,
        end_date=max(ends) if ends else None,
        place=eid(PLACES, *places.most_common(1)[0][0]) if places else None,
        mechanism=occ.mechanism,
        session=next((e.session for _, e in occ.reports if e.session), None),
        participants=tuple(participants.items()),
        organizations=tuple(dict.fromkeys(eid(ORGANIZATIONS, o, a) for a, e in occ.reports for o in e.organizations)),
        articles=tuple(dict.fromkeys(a for a, _ in occ.reports)),
        summary=first.summary,
        outcomes=tuple(dict.fromkeys(o for _, e in occ.reports for o in e.outcomes)),
        statements=tuple(dict.fromkeys(statements)),
        leaders=tuple((pid, None) for pid in dict.fromkeys(eid(PEOPLE, n, a) for a, e in occ.reports
                                                            for n in e.leaders) if pid in participants),
    )


def unique(ids: list[str]) -> list[str]:
    """Ids made one of a kind: a second "x" becomes "x-2", in the order given."""
    seen: Counter[str] = Counter()
    out = []
    for i in ids:
        seen[i] += 1
        out.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return out
