from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from generator import pipeline
from generator.rebuild.cache import EXTRACTION_STAGES, Cache, modules_behind
from generator.read.cleaning import clean
from generator.extract.extraction import extract
from generator.read.sources import read_seed
from tests.conftest import FIXTURE_SEEDS


def test_an_extraction_comes_back_from_the_cache_as_it_went_in(tmp_path: Path) -> None:
    article = clean(read_seed(FIXTURE_SEEDS / "rok_media_forum.txt"))
    extraction = extract(article)
    cache = Cache(tmp_path)
    assert cache.get(article) is None
    cache.put(extraction)
    assert cache.get(article) == extraction and cache.hits == 1
    assert Cache(tmp_path, enabled=False).get(article) is None


def test_a_damaged_cache_file_is_a_miss_not_an_error(tmp_path: Path) -> None:
    article = clean(read_seed(FIXTURE_SEEDS / "rok_media_forum.txt"))
    cache = Cache(tmp_path)
    cache.path(article).parent.mkdir(parents=True)
    cache.path(article).write_text("{not json")
    assert cache.get(article) is None


def read_with_snapshot(seeds: Path, cache_folder: Path, monkeypatch) -> list[str]:
    """Read the seeds as a generate does, with the snapshot in `cache_folder`; the files read from disk."""
    opened: list[str] = []

    def spy(path: Path):
        opened.append(path.name)
        return read_seed(path)

    monkeypatch.setattr(pipeline, "read_seed", spy)
    cache = Cache(cache_folder)
    articles, _ = pipeline.read_articles(seeds, cache=cache)
    cache.save(pipeline.extraction_started(articles, cache)())
    return opened


def settle(seeds: Path, seconds_ago: int = 60) -> None:
    then = time.time() - seconds_ago
    for path in seeds.iterdir():
        os.utime(path, (then, then))


def test_seeds_unchanged_since_the_last_run_are_not_read_again(tmp_path: Path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    settle(seeds)
    everything = sorted(p.name for p in seeds.glob("*.txt"))
    assert sorted(read_with_snapshot(seeds, tmp_path / "cache", monkeypatch)) == everything
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == []
    edited = seeds / everything[0]
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == [edited.name]
    # Just written: its time may not have ticked since it was looked at, so it is read until it settles.
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == [edited.name]
    settle(seeds)
    read_with_snapshot(seeds, tmp_path / "cache", monkeypatch)
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == []


def test_a_damaged_snapshot_means_reading_the_seeds_not_an_error(tmp_path: Path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    settle(seeds)
    read_with_snapshot(seeds, tmp_path / "cache", monkeypatch)
    snapshot = Cache(tmp_path / "cache").snapshot()
    snapshot.write_bytes(snapshot.read_bytes()[:100])
    assert len(read_with_snapshot(seeds, tmp_path / "cache", monkeypatch)) == len(list(seeds.glob("*.txt")))


def test_changes_since_the_snapshot_are_journaled_and_a_journal_cut_short_costs_only_its_seeds(
        tmp_path: Path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    settle(seeds)
    read_with_snapshot(seeds, tmp_path / "cache", monkeypatch)
    cache = Cache(tmp_path / "cache")
    whole = cache.snapshot().read_bytes()
    edited = min(seeds.glob("*.txt"))
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    os.utime(edited, (time.time() - 30, time.time() - 30))  # settled, and the other seeds untouched
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == [edited.name]
    assert cache.snapshot().read_bytes() == whole and cache.journal().stat().st_size > 0
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == []
    cache.journal().write_bytes(cache.journal().read_bytes()[:-10])
    assert read_with_snapshot(seeds, tmp_path / "cache", monkeypatch) == [edited.name]


def test_the_extraction_cache_outlives_changes_to_code_extraction_does_not_run() -> None:
    behind = {path.name for path in modules_behind(EXTRACTION_STAGES)}
    assert {"cleaning.py", "extraction.py", "people.py", "nlp.py", "dates.py"} <= behind
    assert not {"rendering.py", "resolution.py", "page_keys.py", "pipeline.py"} & behind


def test_shared_extractions_are_equal_and_hold_one_object_per_string() -> None:
    from generator.rebuild.cache import shared
    from generator.model import Article, Extraction, OrgMention

    def made(text: str) -> str:
        return text.encode().decode()  # a new object, as each article's text gives

    def extraction(name: str) -> Extraction:
        article = Article(name, f"{name}.txt", "0" * 64, "Title", "2024-01-01", "Beijing", made("Xinhua"),
                          ("A paragraph.",), 2024)
        return Extraction(article, (), (OrgMention(made("Xinhua"), ()),), (), (), ())

    first, second = extraction("a"), extraction("b")
    assert first.article.source is not second.article.source
    one, two = shared(first), shared(second)
    assert (one, two) == (first, second)
    assert one.article.source is two.article.source is one.organizations[0].name
