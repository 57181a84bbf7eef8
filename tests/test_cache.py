from __future__ import annotations

from pathlib import Path

from generator.cache import Cache
from generator.cleaning import clean
from generator.extraction import extract
from generator.sources import read_seed
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
