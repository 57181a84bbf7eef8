from __future__ import annotations

import heapq
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Briefing
from generator.site.charts import MARGIN, WIDTH, chronology, relations, strongest_ties, ties_among


def test_chronology_places_sessions_in_date_order_inside_the_chart(fixture_briefing: Briefing) -> None:
    events = [e for e in fixture_briefing.events if e.date]
    points = chronology(events)
    assert len(points) == len(events)
    xs = [p.x for p in points]
    assert xs == sorted(xs) and MARGIN <= min(xs) and max(xs) <= WIDTH - MARGIN + 0.1


def test_relations_join_only_entities_that_meet_at_events(fixture_briefing: Briefing) -> None:
    points, edges, strongest = relations(fixture_briefing)
    names = {x.name for kind in ("people", "organizations", "mechanisms") for x in getattr(fixture_briefing, kind)}
    assert points and edges and {p.label for p in points} <= names
    assert all(e.a in points and e.b in points for e in edges)
    assert all(n >= 1 for _, _, n in strongest)
    _, ties, _ = relations(fixture_briefing, most=1000)
    together = {frozenset((e.a.label, e.b.label)) for e in ties}
    assert frozenset(("Wang Yi", "Kaja Kallas")) in together  # they co-chaired one dialogue


@given(st.lists(st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), max_size=8, unique=True).map(sorted),
                max_size=60), st.integers(1, 12))
def test_the_strongest_ties_are_those_of_all_pairs(meetings: list[list[str]], n: int) -> None:
    events = Counter(m for members in meetings for m in members)
    every = ties_among(meetings, set(events))
    assert strongest_ties(meetings, events, n) == heapq.nsmallest(n, every.items(), key=lambda t: (-t[1], t[0]))
