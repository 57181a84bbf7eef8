"""Page keys computed again only where a page can have changed are the keys computed whole, whatever
changed: articles added, removed or replaced, an entity renamed by the registry, hubs listed by year."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from generator import site as site_module
from generator.model import Extraction
from generator.page_keys import Previous, page_keys
from generator.registry import Entry, Registry
from generator.resolution import PreviousIds, resolve
from generator.site import Site
from tests.conftest import FIXTURE_SEEDS


def keys_both_ways(before: list[Extraction], after: list[Extraction],
                   registry: Registry | None = None) -> tuple[dict, dict, int]:
    first = resolve(before)
    old = page_keys(Site.of(first))
    site = Site.of(resolve(after, registry, PreviousIds.of(first)))
    whole = page_keys(site)
    again = page_keys(site, Previous(first, old))
    recomputed = sum(old.pages.get(p) != k for p, k in again.pages.items())
    return again.pages, whole.pages, recomputed


@pytest.mark.parametrize("hub", [site_module.HUB, 2])
@pytest.mark.parametrize("trial", range(12))
def test_keys_computed_again_where_needed_are_the_keys_computed_whole(corpus_extractions: list[Extraction],
                                                                     trial: int, hub: int, monkeypatch) -> None:
    monkeypatch.setattr(site_module, "HUB", hub)
    rng = random.Random(trial)
    before = rng.sample(corpus_extractions, len(corpus_extractions) - 4)
    after = [x for x in before if rng.random() > 0.05] + rng.sample([x for x in corpus_extractions if x not in before], 2)
    again, whole, _ = keys_both_ways(sorted(before, key=file), sorted(after, key=file))
    assert again == whole


def test_hubs_years_and_shown_events_follow_a_new_article(corpus_extractions: list[Extraction], monkeypatch) -> None:
    monkeypatch.setattr(site_module, "HUB", 2)
    again, whole, recomputed = keys_both_ways(corpus_extractions[:-1], corpus_extractions)
    assert again == whole and recomputed


def test_the_years_of_hubs_a_new_article_does_not_reach_are_not_even_made(corpus_extractions: list[Extraction],
                                                                         monkeypatch) -> None:
    monkeypatch.setattr(site_module, "HUB", 2)
    first = resolve(corpus_extractions[:-1])
    site = Site.of(resolve(corpus_extractions, None, PreviousIds.of(first)))
    page_keys(site, Previous(first, page_keys(Site.of(first))))
    assert 0 < len(site.hub_groups_made) < len(site.hubs)


def test_a_renamed_entity_reaches_every_page_that_prints_it(corpus_extractions: list[Extraction]) -> None:
    briefing = resolve(corpus_extractions)
    person = max(briefing.people, key=lambda p: len(p.events))
    renamed = Registry({"people": (Entry("A. N. Other", (person.name,)),)})
    again, whole, recomputed = keys_both_ways(corpus_extractions, corpus_extractions, renamed)
    assert again == whole and recomputed > len(person.events)


def test_unchanged_inputs_compute_no_key_again(corpus_extractions: list[Extraction]) -> None:
    again, whole, recomputed = keys_both_ways(corpus_extractions, corpus_extractions)
    assert again == whole and recomputed == 0


def file(x: Extraction) -> str:
    return x.article.file


def test_the_corpus_has_what_the_trials_need(corpus_extractions: list[Extraction]) -> None:
    briefing = resolve(corpus_extractions)
    assert any(e.session for e in briefing.events) and any(len(e.articles) > 1 for e in briefing.events)
    assert any(len(p.events) > 3 for p in briefing.people)
    assert Path(FIXTURE_SEEDS).is_dir()


def test_a_participant_joining_an_event_reaches_the_pages_of_the_others(corpus_extractions: list[Extraction]) -> None:
    """Their people met most change, though neither their events nor their articles do."""
    first = resolve(corpus_extractions)
    event = next(e for e in first.events if len(e.participants) >= 2)
    newcomer = next(p for p in first.people if p.id not in {q for q, _ in event.participants})
    joined = replace(event, participants=(*event.participants, (newcomer.id, None)))
    grown = replace(newcomer, events=tuple(sorted((*newcomer.events, event.id))))
    second = replace(first, events=tuple(joined if e is event else e for e in first.events),
                     people=tuple(grown if p is newcomer else p for p in first.people))
    site = Site.of(second)
    again = page_keys(site, Previous(first, page_keys(Site.of(first))))
    assert again.pages == page_keys(site).pages
    assert again.pages[f"people/{event.participants[0][0]}.md"] != page_keys(Site.of(first)).pages[
        f"people/{event.participants[0][0]}.md"]


def test_a_renamed_hub_reaches_its_years(corpus_extractions: list[Extraction], monkeypatch) -> None:
    monkeypatch.setattr(site_module, "HUB", 2)
    place = max(resolve(corpus_extractions).places, key=lambda p: len(p.events))
    renamed = Registry({"places": (Entry("Elsewhere", (place.name,)),)})
    again, whole, _ = keys_both_ways(corpus_extractions, corpus_extractions, renamed)
    assert again == whole and any(path.startswith("places/") and "/years/" in path for path in whole)


def test_a_hub_page_is_keyed_by_its_years_counts(corpus_extractions: list[Extraction], monkeypatch) -> None:
    """A hub's page shows how many events it has each year: an event moved to another year changes it,
    though the hub's own record does not change."""
    monkeypatch.setattr(site_module, "HUB", 2)
    first = resolve(corpus_extractions)
    hub = next(h for h in Site.of(first).hubs if h.kind == "places")
    event = next(e for e in first.events if e.id in hub.events and e.date)
    moved = replace(event, date=f"{int(event.date[:4]) - 5}{event.date[4:]}")
    second = replace(first, events=tuple(moved if e is event else e for e in first.events))
    before, after = page_keys(Site.of(first)).pages, page_keys(Site.of(second)).pages
    assert before[hub.page] != after[hub.page]
