"""The quality gate: extraction scored against hand annotations must not fall below these floors.

Floors are only ever raised. A change that lowers a score below one is a regression to fix, not a
floor to move (trafilatura's eval gate works the same way).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURE_SEEDS, PROJECT
from tests.scoring import score

GOLD = Path(__file__).parent / "gold"
FLOORS = {  # what the seeds and the fixtures reach (2026-12-02): event_people 0.963 and 0.968, the rest 1.0
    "people": 1.0, "organizations": 1.0, "mechanisms": 1.0, "events": 1.0,
    "event_people": 0.96, "event_date": 1.0, "roles": 1.0, "merged": 1.0,
}


def gate(gold_file: str, out: Path) -> None:
    gold = yaml.safe_load((GOLD / gold_file).read_text(encoding="utf-8"))
    data = json.loads((out / "data" / "briefing.json").read_text(encoding="utf-8"))
    result = score(gold, data, out)
    below = {k: round(result[k], 3) for k, floor in FLOORS.items() if result[k] < floor}
    assert not below, f"below the floors {FLOORS}: {below}"
    assert result["noise_leaks"] == 0


def test_seeds_meet_the_floors(seeds_site_src: Path) -> None:
    gate("seeds.yaml", seeds_site_src)


def test_fixture_articles_meet_the_floors(fixture_site_src: Path) -> None:
    gate("fixtures.yaml", fixture_site_src)


@pytest.mark.parametrize("gold_file, seeds", [("seeds.yaml", PROJECT / "seeds"), ("fixtures.yaml", FIXTURE_SEEDS)])
def test_every_annotated_seed_exists(gold_file: str, seeds: Path) -> None:
    gold = yaml.safe_load((GOLD / gold_file).read_text(encoding="utf-8"))
    assert set(gold) == {p.name for p in seeds.glob("*.txt")}
