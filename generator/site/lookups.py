"""The site as the templates see it: ids looked up as the records they name, each person's and
mechanism's events in order, the sessions before and after, related events and companions. Built once
per generate (`Site.of`) and shared by page keys, rendering and feeds."""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from ..kinds import BY_NAME, ENTITY_KINDS, KINDS, MECHANISMS, ORGANIZATIONS, PEOPLE
from ..model import ArticleRecord, Briefing, Entity, Event

# An entity named at more events or articles than this lists them on one page per year: a place or an
# organization at thousands of events would otherwise be one page of megabytes, rendered again whenever
# any of them changes.
HUB = 200
# An event older than this when first reported was told of as background, not as news.
HISTORY = dt.timedelta(days=31)


@dataclass(frozen=True)
class YearPage:
    """One year of a listing: the events, timeline or sources of the whole briefing, or a hub's."""

    section: str
    """"events", "timeline", "articles", or the hub's page without ".md" ("places/beijing")."""
    year: str
    events: list[Event]
    records: list[ArticleRecord]
    entity: Entity | None = None
    """The hub, for a hub's year."""

    @property
    def path(self) -> str:
        return year_page(self.section, self.year)


@dataclass(frozen=True)
class Period:
    """A month or a week of the digest, with its events oldest first."""

    key: str
    """"2025-02" (a month) or "2025-W07" (an ISO week)."""
    events: list[Event]

    @property
    def path(self) -> str:
        return digest_page(self.key)

    @property
    def weekly(self) -> bool:
        return "-W" in self.key


@dataclass(frozen=True)
class Site:
    """Lookups the templates use to turn ids into names and links."""

    briefing: Briefing
    by_id: dict[tuple[str, str], Any]
    roles_at: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Organization id -> (person id, title) of every stated title that names it."""
    chronologies_made: dict[str, list[Event]] = field(default_factory=dict, repr=False, compare=False)
    base: str | None = None
    """The address the site is published at, ending in "/"; None where it is not known (feeds need it)."""

    @classmethod
    def of(cls, briefing: Briefing, site_url: str | None = None) -> Site:
        base = site_url.rstrip("/") + "/" if site_url else None
        return cls(briefing, index(briefing), roles_by_organization(briefing), base=base)

    def get(self, kind: str, id_: str) -> Any:
        return self.by_id[(kind, id_)]

    def events_of(self, ids: tuple[str, ...]) -> list[Event]:
        """Oldest first, undated last."""
        return sorted((self.by_id[("events", i)] for i in ids), key=event_order)

    def newest_first(self, events: tuple[Event, ...]) -> list[Event]:
        dated = sorted((e for e in events if e.date), key=event_order, reverse=True)
        return dated + sorted((e for e in events if not e.date), key=lambda e: e.title)

    def numbered_first(self, events: list[Event]) -> list[Event]:
        """Sessions by number, then the editions that have none, by date."""
        numbered = sorted((e for e in events if e.session), key=lambda e: (e.session or 0, event_order(e)))
        return numbered + [e for e in events if not e.session]

    def people_of(self, events: list[Event]) -> list[Entity]:
        ids = dict.fromkeys(p for e in events for p, _ in e.participants)
        return [self.get(PEOPLE, p) for p in ids]

    def organizations_of(self, events: list[Event]) -> list[Entity]:
        ids = dict.fromkeys(o for e in events for o in e.organizations)
        return [self.get(ORGANIZATIONS, o) for o in ids]

    def mechanisms_of(self, events: list[Event]) -> list[Entity]:
        ids = dict.fromkeys(e.mechanism for e in events if e.mechanism)
        return [self.get(MECHANISMS, m) for m in ids]

    def members(self, org: Entity) -> list[tuple[Entity, str]]:
        """People whose stated title names this organization, with that title."""
        return [(self.get(PEOPLE, pid), title) for pid, title in dict.fromkeys(self.roles_at.get(org.id, ()))]

    def is_hub(self, entity: Entity) -> bool:
        return len(entity.events) > HUB or len(entity.articles) > HUB

    @cached_property
    def hubs(self) -> list[Entity]:
        """The people, organizations and places whose events are listed by year (mechanisms list sessions)."""
        return [x for kind in KINDS if kind.hubs for x in getattr(self.briefing, kind.name)
                if self.is_hub(x)]

    def hub_years(self, entity: Entity) -> dict[str, tuple[list[Event], list[ArticleRecord]]]:
        """A hub's events and the articles that name it, by year, newest first; "undated" last."""
        events = by_year(self.newest_first(tuple(self.get("events", i) for i in entity.events)), "undated")
        records = by_year(sorted((self.get("articles", i) for i in entity.articles), key=publication, reverse=True),
                          "undated")
        years = sorted(events.keys() | records.keys(), key=lambda year: (year != "undated", year), reverse=True)
        return {year: (events.get(year, []), records.get(year, [])) for year in years}

    @cached_property
    def year_listings(self) -> dict[str, YearPage]:
        """Path -> each year of the events, the timeline and the sources, and of each hub."""
        pages = [YearPage(section, year, events, []) for year, events in self.years.items()
                 for section in ("events", "timeline")]
        pages += [YearPage("articles", year, [], records) for year, records in self.article_years.items() if year]
        pages += [YearPage(hub.page[:-3], year, events, records, hub)
                  for hub in self.hubs for year, (events, records) in self.hub_years(hub).items()]
        return {y.path: y for y in pages}

    def year_listing(self, path: str) -> YearPage:
        return self.year_listings[path]

    @cached_property
    def periods(self) -> dict[str, Period]:
        """Each month with an event dated to it, and each week with one dated to the day, newest first."""
        found: dict[str, list[Event]] = {}
        for e in sorted((e for e in self.briefing.events if e.date and len(e.date) >= 7), key=chronological):
            found.setdefault(e.date[:7], []).append(e)  # type: ignore[index]  # dated, as filtered
            if len(e.date or "") == 10:
                found.setdefault(iso_week(e.date or ""), []).append(e)
        return {key: Period(key, found[key]) for key in sorted(found, key=period_order, reverse=True)}

    def period(self, key: str) -> Period:
        return self.periods[key]

    @cached_property
    def months(self) -> list[str]:
        """The digest's months, newest first."""
        return [key for key, p in self.periods.items() if not p.weekly]

    def weeks_of(self, month: str) -> list[str]:
        """The weeks whose Thursday (by ISO 8601, the day that places a week) falls in the month, newest first."""
        return [key for key, p in self.periods.items() if p.weekly and week_month(key) == month]

    def before(self, key: str) -> str | None:
        """The period of the same length just before, among those with events. Not the one after: a period
        over stays as it was sent when later ones begin (the digest index leads to those)."""
        same = [k for k, p in self.periods.items() if p.weekly == self.periods[key].weekly]
        i = same.index(key)
        return same[i + 1] if i + 1 < len(same) else None

    @cached_property
    def newly_reported(self) -> tuple[str | None, list[Event]]:
        """The last day anything was first reported, and what was first reported in the seven days up to it,
        newest first, but for what its report told of as history: the home page's "what is new"."""
        days = [e.reported for e in self.briefing.events if e.reported]
        if not days:
            return None, []
        last = max(days)
        since = (dt.date.fromisoformat(last) - dt.timedelta(days=6)).isoformat()
        new = [e for e in self.briefing.events if e.reported and e.reported >= since and not told_as_history(e)]
        return last, sorted(new, key=lambda e: (e.reported or "", *chronological(e)), reverse=True)

    @cached_property
    def years(self) -> dict[str, list[Event]]:
        """Dated events by year, newest first: each year is a listing page of its own, so a new event
        renders one year again, not ten thousand rows."""
        return by_year(self.newest_first(tuple(e for e in self.briefing.events if e.date)))

    @cached_property
    def undated(self) -> list[Event]:
        return self.newest_first(tuple(e for e in self.briefing.events if not e.date))

    @cached_property
    def article_years(self) -> dict[str, list[ArticleRecord]]:
        """Articles by year of publication, newest first; those with no date under ""."""
        return by_year(sorted(self.briefing.articles, key=publication, reverse=True))

    def chronology(self, key: str) -> list[Event]:
        """The events a person took part in, or a mechanism's ("people/<id>", "mechanisms/<id>"), oldest first.
        Made once for each asked about: a generate that renders a few event pages asks about a few."""
        found = self.chronologies_made.get(key)
        if found is None:
            kind, _, id_ = key.partition("/")
            events = (self.by_id[("events", i)] for i in self.get(kind, id_).events)
            found = self.chronologies_made[key] = sorted(
                (e for e in events if kind == MECHANISMS or any(p == id_ for p, _ in e.participants)),
                key=chronological)
        return found

    @cached_property
    def sessions(self) -> dict[str, list[Event]]:
        """Each mechanism's numbered sessions, by number."""
        out: dict[str, list[Event]] = {}
        for e in sorted((e for e in self.briefing.events if e.mechanism and e.session), key=by_session):
            out.setdefault(e.mechanism or "", []).append(e)
        return out

    def neighbours(self, e: Event) -> tuple[Event | None, Event | None]:
        """The previous and next session of the same mechanism."""
        if not e.mechanism or e.session is None:
            return None, None
        sessions = self.sessions[e.mechanism]
        first = bisect_left(sessions, e.session, key=lambda o: o.session or 0)
        last = bisect_right(sessions, e.session, key=lambda o: o.session or 0)
        return (sessions[first - 1] if first else None), (sessions[last] if last < len(sessions) else None)

    def related(self, e: Event) -> list[Event]:
        """The events just before and just after this one for each of its people and for its mechanism:
        what each of them did around it. Found by position, so a new event changes the related events
        of its own neighbours only."""
        found: dict[str, Event] = {}
        for key in [f"{PEOPLE}/{pid}" for pid, _ in e.participants] + ([f"{MECHANISMS}/{e.mechanism}"] * bool(e.mechanism)):
            events = self.chronology(key)
            i = bisect_left(events, chronological(e), key=chronological)
            found.update((o.id, o) for o in events[max(i - 1, 0):i + 2] if o.id != e.id)
        shown = {o.id for o in self.neighbours(e) if o}
        return sorted((o for o in found.values() if o.id not in shown), key=event_order)


T = TypeVar("T", Event, ArticleRecord)


def by_year(items: list[T], undated: str = "") -> dict[str, list[T]]:
    """Events by the year of their date, articles by the year they were published, in the order given."""
    out: dict[str, list[T]] = {}
    for x in items:
        date = x.date if isinstance(x, Event) else x.article.published
        out.setdefault((date or "")[:4] or undated, []).append(x)
    return out


def publication(r: ArticleRecord) -> tuple[str, str]:
    return (r.article.published or "", r.id)


def event_order(e: Event) -> tuple[str, str]:
    return (e.date or "9999", e.title)


def told_as_history(e: Event) -> bool:
    """Whether an event was over a month old when first reported: the background of a report ("the fifth
    forum, held in 2019"), no news, however new its mention."""
    held = e.end_date or e.date
    if not held or not e.reported:
        return False
    last_day = held + {4: "-12-31", 7: "-31"}.get(len(held), "")
    return last_day < (dt.date.fromisoformat(e.reported) - HISTORY).isoformat()


def chronological(e: Event) -> tuple[str, str, str]:
    """Event order with no ties: where an event stands among others is one place."""
    return (e.date or "9999", e.title, e.id)


def iso_week(date: str) -> str:
    """"2025-02-18" -> "2025-W08"."""
    year, week, _ = dt.date.fromisoformat(date).isocalendar()
    return f"{year}-W{week:02d}"


def week_days(key: str) -> tuple[dt.date, dt.date]:
    """The Monday and Sunday of an ISO week ("2025-W08")."""
    year, week = key.split("-W")
    monday = dt.date.fromisocalendar(int(year), int(week), 1)
    return monday, monday + dt.timedelta(days=6)


def week_month(key: str) -> str:
    return (week_days(key)[0] + dt.timedelta(days=3)).isoformat()[:7]


def period_order(key: str) -> tuple[str, int]:
    """Months and weeks in time: a week by its Monday, a month by its first day (before its weeks)."""
    start = week_days(key)[0].isoformat() if "-W" in key else key + "-01"
    return (start, "-W" in key)


def digest_page(key: str) -> str:
    return f"digest/{key}.md"


def digest_feed(key: str) -> str:
    return f"data/feeds/digest/{key}.atom"


def by_session(e: Event) -> tuple[int, str, str]:
    return (e.session or 0, *event_order(e))


def roles_by_organization(briefing: Briefing) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for person in briefing.people:
        for role in person.roles:
            if role.organization:
                out.setdefault(role.organization, []).append((person.id, role.title))
    return out


def index(briefing: Briefing) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {("events", e.id): e for e in briefing.events}
    out.update({("articles", r.id): r for r in briefing.articles})
    for kind in ENTITY_KINDS:
        out.update({(kind, e.id): e for e in getattr(briefing, kind)})
    return out


def companions(person: Entity, site: Site) -> list[tuple[Entity, int]]:
    """The people this person appears with most, at how many events."""
    count = Counter(p for i in person.events for p, _ in site.get("events", i).participants)
    del count[person.id]
    return [(site.get(PEOPLE, p), n) for p, n in heapq.nsmallest(10, count.items(), key=lambda t: (-t[1], t[0]))]


def address(page: str) -> str:
    """The page's address relative to the site's root: events/x.md is served as events/x.html."""
    return page.removesuffix(".md") + ".html"


def entity_feed(kind: str, id_: str) -> str | None:
    """The Atom feed of one person's or mechanism's events; None for a kind nobody follows."""
    return f"data/feeds/{kind}/{id_}.atom" if BY_NAME[kind].followed else None


def year_page(section: str, year: str) -> str:
    """The listing page of one year of a section, in a folder of its own: no event or article id can take
    its name."""
    return f"{section}/years/{year}.md"
