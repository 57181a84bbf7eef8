from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from generator.model import Briefing
from generator.site.export import export

SCHEMA = json.loads((Path(__file__).parent.parent / "generator" / "schema" / "briefing.schema.json").read_text())


def test_export_is_valid_against_the_contract(fixture_briefing: Briefing) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(export(fixture_briefing))


def test_every_referenced_id_exists(fixture_briefing: Briefing) -> None:
    data = export(fixture_briefing)
    ids = {kind: {x["id"] for x in data[kind]} for kind in ("events", "people", "organizations", "mechanisms", "places")}
    for event in data["events"]:
        assert {p["id"] for p in event["people"]} <= ids["people"]
        assert set(event["organizations"]) <= ids["organizations"]
        assert event["mechanism"] in ids["mechanisms"] | {None}
        assert event["location"] in ids["places"] | {None}
    for article in data["articles"]:
        for kind, known in ids.items():
            assert set(article[kind]) <= known


def test_the_export_of_the_real_seeds_is_valid(seeds_site_src: Path) -> None:
    data = json.loads((seeds_site_src / "data" / "briefing.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert len(data["articles"]) == len(list((Path(__file__).parent.parent / "seeds").glob("*.txt")))
