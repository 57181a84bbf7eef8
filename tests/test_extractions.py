"""The extraction cache and the seeds' snapshot (generator/rebuild/extractions.py)."""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from generator.extract.extraction import extract
from generator.model import Article, Extraction
from generator.read.articles import read_article, read_articles
from generator.rebuild.extractions import Extractions, decoded, encoded
from generator.rebuild.store import Store
from generator.rebuild.versions import EXTRACTION_CODE, GENERATOR, extraction_version, sources
from tests.conftest import FIXTURE_SEEDS


def kept(folder: Path) -> Extractions:
    return Extractions(Store(folder / "out.sqlite"), Store(folder / "extractions.sqlite"))


def counting(calls: list[str]):
    def extract_all(articles: list[Article]) -> list[Extraction]:
        calls.extend(a.file for a in articles)
        return [extract(a) for a in articles]
    return extract_all


def test_an_extraction_comes_back_from_the_cache_as_it_went_in(tmp_path: Path) -> None:
    extraction = extract(read_article(FIXTURE_SEEDS / "rok_media_forum.txt"))
    assert decoded(encoded(extraction)) == extraction
    calls: list[str] = []
    assert kept(tmp_path).extracted([extraction.article], counting(calls)) == [extraction]
    assert kept(tmp_path).extracted([extraction.article], counting(calls)) == [extraction]
    assert calls == ["rok_media_forum.txt"]


def test_a_damaged_state_is_a_warning_and_extraction_again_not_an_error(tmp_path: Path, caplog) -> None:
    article = read_article(FIXTURE_SEEDS / "rok_media_forum.txt")
    kept(tmp_path).extracted([article], counting([]))
    for db in tmp_path.glob("*.sqlite"):
        db.write_bytes(b"not a database" * 100)
    calls: list[str] = []
    with caplog.at_level(logging.WARNING):
        assert kept(tmp_path).extracted([article], counting(calls))[0].article == article
    assert calls == [article.file] and "cannot be read" in caplog.text
    assert kept(tmp_path).extracted([article], counting(calls)) and calls == [article.file]  # written afresh


def read_with_snapshot(seeds: Path, state: Path) -> list[str]:
    """Read the seeds as a generate does, with the snapshot in `state`; the files read from disk."""
    opened: list[str] = []

    def spy(path: Path) -> Article:
        opened.append(path.name)
        return read_article(path)

    extractions = kept(state)
    articles, _ = read_articles(seeds, read=lambda p: extractions.article(p, spy))
    extractions.remember(extractions.extracted(articles, counting([])))
    return opened


def settle(seeds: Path, seconds_ago: int = 60) -> None:
    then = time.time() - seconds_ago
    for path in seeds.iterdir():
        os.utime(path, (then, then))


def test_seeds_unchanged_since_the_last_run_are_not_read_again(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    settle(seeds)
    everything = sorted(p.name for p in seeds.glob("*.txt"))
    assert sorted(read_with_snapshot(seeds, tmp_path)) == everything
    assert read_with_snapshot(seeds, tmp_path) == []
    edited = seeds / everything[0]
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    assert read_with_snapshot(seeds, tmp_path) == [edited.name]
    # Just written: its time may not have ticked since it was looked at, so it is read until it settles.
    assert read_with_snapshot(seeds, tmp_path) == [edited.name]
    settle(seeds)
    read_with_snapshot(seeds, tmp_path)
    assert read_with_snapshot(seeds, tmp_path) == []


def test_the_extraction_cache_outlives_changes_to_code_extraction_does_not_run() -> None:
    behind = {p.relative_to(GENERATOR).as_posix() for part in EXTRACTION_CODE for p in sources(GENERATOR / part)}
    assert {"read/cleaning.py", "extract/extraction.py", "extract/people.py", "extract/nlp.py"} <= behind
    assert not {"site/rendering.py", "resolve/resolution.py", "pipeline.py", "rebuild/reads.py"} & behind
    assert len(extraction_version()) == 16


@pytest.mark.parametrize("name", ["out.sqlite", "extractions.sqlite"])
def test_no_state_is_pickle(tmp_path: Path, name: str) -> None:
    read_with_snapshot(FIXTURE_SEEDS, tmp_path)
    assert (tmp_path / name).read_bytes().startswith(b"SQLite format 3\0")
