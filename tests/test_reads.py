"""A page is rendered again exactly when something it read changed (generator/rebuild/reads.py): pages kept
by their recorded reads, beside pages rendered again, are the pages a render from nothing gives."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Briefing
from generator.pipeline import generate
from generator.rebuild import reads, versions
from generator.rebuild.reads import Digests, Recording
from generator.site import rendering
from generator.site.lookups import Site
from generator.site.rendering import render, site_pages
from tests.conftest import FIXTURE_SEEDS, PROJECT


def incremental(before: Briefing, after: Briefing, recording: type[Recording] = Recording) -> dict[str, str]:
    """The pages of `after`, those of `before` kept where every read they recorded gives the same answer."""
    old_site = Site.of(before)
    old_digests = Digests(old_site, "before")
    old: dict[str, tuple[str, list[str]]] = {}
    for page in site_pages(old_site):
        r = recording(old_site, old_digests)
        old[page.path] = (page.make(r), list(r.reads))  # type: ignore[arg-type]
    site = Site.of(after)
    digests = Digests(site, "after")
    pages = {}
    for page in site_pages(site):
        kept = old.get(page.path)
        same = kept is not None and all(old_digests.known[key] == digests.of(key) for key in kept[1])
        pages[page.path] = kept[0] if same and kept else page.make(site)
    return pages


# Each field of each kind of record that a page can show, and how to change it.
def edits(b: Briefing) -> list:
    place = b.places[-1].id
    return [
        ("events", "title", lambda e: replace(e, title=e.title + " (edited)")),
        ("events", "date", lambda e: replace(e, date="2019-01-02")),
        ("events", "place", lambda e: replace(e, place=place)),
        ("events", "session", lambda e: replace(e, session=(e.session or 0) + 1)),
        ("events", "role", lambda e: replace(e, participants=tuple((p, "Envoy") for p, _ in e.participants))),
        ("events", "summary", lambda e: replace(e, summary="Another summary.")),
        ("people", "name", lambda x: replace(x, name=x.name + " Jr")),
        ("people", "alias", lambda x: replace(x, aliases=(*x.aliases, "An Alias"))),
        ("people", "role", lambda x: replace(x, roles=tuple(replace(r, title="Envoy") for r in x.roles))),
        ("organizations", "name", lambda x: replace(x, name=x.name + " Group")),
        ("mechanisms", "name", lambda x: replace(x, name=x.name + " Forum")),
        ("places", "name", lambda x: replace(x, name=x.name + " City")),
        ("articles", "title", lambda r: replace(r, article=replace(r.article, title=r.article.title + " (edited)"))),
        ("articles", "date", lambda r: replace(r, article=replace(r.article, published="2020-05-06"))),
    ]


def edited(b: Briefing, changes: list[tuple[int, int]]) -> Briefing:
    kinds = {kind: list(getattr(b, kind)) for kind in ("events", "people", "organizations", "mechanisms", "places",
                                                       "articles")}
    table = edits(b)
    for which, i in changes:
        kind, _, edit = table[which % len(table)]
        records = kinds[kind]
        records[i % len(records)] = edit(records[i % len(records)])
    return replace(b, **{kind: tuple(records) for kind, records in kinds.items()})


changes = st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=4)
whole_renders = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(changes)
@whole_renders
def test_pages_kept_by_their_reads_are_the_pages_rendered_from_nothing(fixture_briefing: Briefing, change) -> None:
    after = edited(fixture_briefing, change)
    assert incremental(fixture_briefing, after) == render(Site.of(after))


class NotNoting(Recording):
    """Dependency recording switched off for lookups by id: the pages do not say what records they read."""

    def _noting(self, name, lookup):
        return lookup if name == "get" else super()._noting(name, lookup)


def test_without_recording_some_edit_leaves_a_page_stale(fixture_briefing: Briefing) -> None:
    """The property above can fail: with lookups unrecorded, some field's edit leaves pages stale."""
    stale = [which for which in range(len(edits(fixture_briefing)))
             if incremental(fixture_briefing, after := edited(fixture_briefing, [(which, 0)]), NotNoting)
             != render(Site.of(after))]
    assert stale


def test_a_page_read_that_cannot_be_named_is_an_error(fixture_briefing: Briefing) -> None:
    site = Site.of(fixture_briefing)
    with pytest.raises(TypeError, match="cannot name"):
        Recording(site, Digests(site, "x")).events_of({"a set"})  # type: ignore[arg-type]


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the templates that the generator renders with, to be edited."""
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    monkeypatch.setattr(rendering, "TEMPLATES", templates)
    monkeypatch.setattr(versions, "TEMPLATES", templates)
    versions.code_version.cache_clear()
    yield templates
    versions.code_version.cache_clear()


def test_a_template_edit_reaches_every_page_it_changes(tmp_path: Path, own_templates: Path) -> None:
    """A Mechanism column in the events table: every page that lists events shows it after one generate."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    out = tmp_path / "out"
    generate(seeds, out)
    macros = own_templates / "_macros.md.j2"
    text = macros.read_text(encoding="utf-8")
    assert "| Date |" in text
    macros.write_text(text.replace("| Date |", "| Mechanism | Date |", 1), encoding="utf-8")
    versions.code_version.cache_clear()
    report = generate(seeds, out)
    whole = tmp_path / "whole"
    generate(seeds, whole, force=True)
    assert report.changed and tree(out) == tree(whole)
    assert any("| Mechanism | Date |" in text.decode() for text in tree(out).values())


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_digest_is_of_what_an_answer_holds(fixture_briefing: Briefing) -> None:
    site = Site.of(fixture_briefing)
    d = Digests(site, "x")
    event = fixture_briefing.events[0]
    assert d.digest([event, "a"]) == Digests(site, "y").digest([event, "a"]) != d.digest([event, "b"])
    # records stand in an answer by reference: what is read of them is noted attribute by attribute
    assert d.digest([event]) == d.digest([replace(event, title="Other")]) != d.digest([fixture_briefing.events[1]])
    recording = Recording(site, d)
    seen = recording.get("events", event.id)
    assert seen.title == event.title and seen.date == event.date and seen.title
    assert [json.loads(q) for q in recording.reads] == [["get", "events", event.id],
                                                        [reads.ATTRIBUTES, ["@", "events", event.id], ["date", "title"]]]


def test_a_page_reads_only_data_of_a_record(fixture_briefing: Briefing) -> None:
    site = Site.of(fixture_briefing)
    event = Recording(site, Digests(site, "x")).get("events", fixture_briefing.events[0].id)
    with pytest.raises(TypeError, match="ask the site instead"):
        event.named()


def test_a_kept_query_is_asked_again_of_the_next_site(fixture_briefing: Briefing) -> None:
    site = Site.of(fixture_briefing)
    d = Digests(site, "x")
    event = fixture_briefing.events[0]
    query = d.note(["events_of", reads.reference(event.articles[:0] + (event.id,))], site.events_of((event.id,)))
    assert Digests(site, "y").of(query) == d.known[query]
    assert Digests(Site.of(replace(fixture_briefing, events=fixture_briefing.events[1:])), "y").of(query) is None
