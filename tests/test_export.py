from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.site.export import SECTIONS, Earlier, export, to_json
from generator.model import Briefing

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


def edited(briefing: Briefing, changes: list[tuple[str, int, str]]) -> Briefing:
    """The briefing with some records changed (a new object in their place) or dropped; the rest are the
    very same objects."""
    sections = {name: list(getattr(briefing, name)) for name in SECTIONS}
    for name, i, how in changes:
        records = sections[name]
        if i < len(records) and records[i] is not None:
            if how == "drop":
                records[i] = None
            else:
                x = records[i]
                records[i] = (replace(x, article=replace(x.article, title=x.article.title + " (edited)"))
                              if name == "articles" else replace(x, title=x.title + " (edited)")
                              if name == "events" else replace(x, name=x.name + " Jr"))
    return replace(briefing, **{name: tuple(x for x in records if x is not None)
                                for name, records in sections.items()})


changes = st.lists(st.tuples(st.sampled_from(list(SECTIONS)), st.integers(0, 30), st.sampled_from(["edit", "drop"])),
                   max_size=12)
# Two briefings, one made from the other by `changes`: each example is a few whole renders.
two_briefings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def edited_twice(briefing: Briefing, before: list, after: list) -> tuple[Briefing, Briefing]:
    earlier = edited(briefing, before)
    return earlier, edited(earlier, after)


@given(changes, changes)
@two_briefings
def test_an_export_continued_from_the_earlier_one_is_the_export_from_nothing(
        fixture_briefing: Briefing, before: list, after: list) -> None:
    earlier, now = edited_twice(fixture_briefing, before, after)
    assert to_json(now, Earlier(earlier, to_json(earlier))) == to_json(now)
    assert json.loads(to_json(now)) == export(now)


def test_records_that_are_the_same_objects_keep_their_lines(fixture_briefing: Briefing) -> None:
    text = to_json(fixture_briefing)
    first = fixture_briefing.events[0]
    marked = text.replace(json.dumps(first.title, ensure_ascii=False), '"kept"', 1)
    now = edited(fixture_briefing, [("events", 1, "edit")])
    continued = json.loads(to_json(now, Earlier(fixture_briefing, marked)))
    assert continued["events"][0]["title"] == "kept"  # taken from the earlier text, not encoded again
    assert continued["events"][1]["title"].endswith("(edited)")


def test_an_earlier_export_out_of_step_with_its_briefing_is_not_used(fixture_briefing: Briefing) -> None:
    lines = to_json(fixture_briefing).split("\n")
    events = [i for i, line in enumerate(lines) if line.startswith('{"id": ') and '"location"' in line]
    lines[events[0]], lines[events[1]] = lines[events[1]], lines[events[0]]
    shuffled = "\n".join(lines)
    assert to_json(fixture_briefing, Earlier(fixture_briefing, shuffled)) == to_json(fixture_briefing)
    shortened = "\n".join(lines[:events[0]] + lines[events[0] + 1:])
    assert to_json(fixture_briefing, Earlier(fixture_briefing, shortened)) == to_json(fixture_briefing)
