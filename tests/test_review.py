from __future__ import annotations

from generator.model import Briefing
from generator.site.review import review_queue


def test_undated_events_and_mechanisms_without_sessions_are_queued(fixture_briefing: Briefing) -> None:
    items = [str(i) for i in review_queue(fixture_briefing)]
    assert any("Third theoretical seminar" in i and "no date" in i for i in items)
    assert any(i.startswith("mechanism") and "China-EU Summit" in i for i in items)
