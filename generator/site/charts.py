"""Geometry for the static charts: a mechanism's sessions on a time line, and the relations graph.
Only numbers here; templates/charts draws them as SVG."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from ..kinds import MECHANISMS, ORGANIZATIONS, PEOPLE
from ..model import Briefing, Entity, Event
from .lookups import address

WIDTH = 640
MARGIN = 40
RADIUS = 210
CENTRE = 400


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    href: str
    kind: str = ""
    label_x: float = 0
    label_y: float = 0
    anchor: str = "middle"
    """Where the label stands: outside the circle, away from its centre."""


@dataclass(frozen=True)
class Edge:
    a: Point
    b: Point
    weight: int


def ordinal_day(date: str) -> int:
    """A date of any precision as a day number: a month or year stands for its middle."""
    parts = [int(p) for p in date.split("-")] + [0, 0]
    year, month, day = parts[0], parts[1] or 7, parts[2] or 15
    return dt.date(year, month, min(day, 28) if parts[2] == 0 else day).toordinal()


def chronology(events: list[Event]) -> list[Point]:
    """Dated sessions placed along one line, oldest left; one point per event."""
    dated = [e for e in events if e.date]
    if not dated:
        return []
    days = [ordinal_day(e.date or "") for e in dated]
    first, span = min(days), max(max(days) - min(days), 1)
    usable = WIDTH - 2 * MARGIN
    return [Point(round(MARGIN + usable * (d - first) / span if len(dated) > 1 else WIDTH / 2, 1), 40,
                  f"{e.session or ''} {e.date}".strip(), "../" + address(e.page))
            for d, e in sorted(zip(days, dated, strict=True), key=lambda t: t[0])]


def relations(briefing: Briefing, most: int = 28) -> tuple[list[Point], list[Edge], list[tuple[Entity, Entity, int]]]:
    """The entities at the most events on a circle, joined where they met at events."""
    # "kind/id" keys sort as (kind, id) pairs do, and hash faster: there are millions of pairs at 10,000 events.
    lookup = {f"{kind}/{x.id}": x for kind in (PEOPLE, ORGANIZATIONS, MECHANISMS) for x in getattr(briefing, kind)}
    meetings = [sorted({f"{PEOPLE}/{p}" for p, _ in e.participants} | {f"{ORGANIZATIONS}/{o}" for o in e.organizations}
                       | ({f"{MECHANISMS}/{e.mechanism}"} if e.mechanism else set())) for e in briefing.events]
    weight: Counter[str] = Counter()
    events: Counter[str] = Counter()
    for members in meetings:
        for m in members:
            weight[m] += len(members) - 1
            events[m] += 1
    top = [k for k, _ in heapq.nsmallest(most, weight.items(), key=lambda t: (-t[1], t[0]))]
    points = {}
    for i, key in enumerate(top):
        angle = 2 * math.pi * i / max(len(top), 1) - math.pi / 2
        entity = lookup[key]
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        points[key] = Point(round(CENTRE + RADIUS * cos, 1), round(CENTRE + RADIUS * sin, 1),
                            entity.name, address(entity.page), key.split("/")[0],
                            round(CENTRE + (RADIUS + 12) * cos, 1), round(CENTRE + (RADIUS + 12) * sin + 4, 1), anchor)
    shown = sorted(ties_among(meetings, set(points)).items())
    strongest = strongest_ties(meetings, events, 50)
    return (list(points.values()), [Edge(points[a], points[b], n) for (a, b), n in shown],
            [(lookup[a], lookup[b], n) for (a, b), n in strongest])


def ties_among(meetings: list[list[str]], chosen: set[str]) -> Counter[tuple[str, str]]:
    """How many events each pair of these entities met at."""
    ties: Counter[tuple[str, str]] = Counter()
    for members in meetings:
        inside = [m for m in members if m in chosen]
        if len(inside) > 1:
            ties.update(combinations(inside, 2))
    return ties


def strongest_ties(meetings: list[list[str]], events: Counter[str], n: int) -> list[tuple[tuple[str, str], int]]:
    """The n pairs that met most, counted among the entities at the most events only: a pair meets no more
    often than either of its two is at events, so once the weakest of the n pairs found beats every entity
    left out, no pair of theirs could take its place. (All pairs at ten thousand events are millions.)"""
    ranked = sorted(events, key=lambda m: (-events[m], m))
    k = min(len(ranked), 4 * n)
    while True:
        best = heapq.nsmallest(n, ties_among(meetings, set(ranked[:k])).items(), key=lambda t: (-t[1], t[0]))
        floor = best[-1][1] if len(best) == n else 1
        if k == len(ranked) or events[ranked[k]] < floor:
            return best
        k = min(len(ranked), 2 * k)