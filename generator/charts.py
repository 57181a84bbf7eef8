"""Geometry for the static charts: a mechanism's sessions on a time line, and the relations graph.
Only numbers here; templates/charts draws them as SVG."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from .model import Briefing, Entity, Event

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
                  f"{e.session or ''} {e.date}".strip(), f"../{e.page[:-3]}.html")
            for d, e in sorted(zip(days, dated, strict=True), key=lambda t: t[0])]


def relations(briefing: Briefing, most: int = 28) -> tuple[list[Point], list[Edge], list[tuple[Entity, Entity, int]]]:
    """The entities at the most events on a circle, joined where they met at events."""
    # "kind/id" keys sort as (kind, id) pairs do, and hash faster: there are millions of pairs at 10,000 events.
    lookup = {f"{kind}/{x.id}": x for kind in ("people", "organizations", "mechanisms") for x in getattr(briefing, kind)}
    ties: Counter[tuple[str, str]] = Counter()
    weight: Counter[str] = Counter()
    for e in briefing.events:
        members = sorted({f"people/{p}" for p, _ in e.participants} | {f"organizations/{o}" for o in e.organizations}
                         | ({f"mechanisms/{e.mechanism}"} if e.mechanism else set()))
        ties.update(combinations(members, 2))
        weight.update(dict.fromkeys(members, len(members) - 1))
    top = [k for k, _ in heapq.nsmallest(most, weight.items(), key=lambda t: (-t[1], t[0]))]
    points = {}
    for i, key in enumerate(top):
        angle = 2 * math.pi * i / max(len(top), 1) - math.pi / 2
        entity = lookup[key]
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        points[key] = Point(round(CENTRE + RADIUS * cos, 1), round(CENTRE + RADIUS * sin, 1),
                            entity.name, f"{entity.page[:-3]}.html", key.split("/")[0],
                            round(CENTRE + (RADIUS + 12) * cos, 1), round(CENTRE + (RADIUS + 12) * sin + 4, 1), anchor)
    shown = sorted(((a, b), n) for (a, b), n in ties.items() if a in points and b in points)
    strongest = heapq.nsmallest(50, ties.items(), key=lambda t: (-t[1], t[0]))
    return (list(points.values()), [Edge(points[a], points[b], n) for (a, b), n in shown],
            [(lookup[a], lookup[b], n) for (a, b), n in strongest])
