"""The processes that extract new seeds: a pool for many; for a few, one standby process, started before
anything else (even before the rest of the pipeline is imported), which loads the model while the seeds
and the last run's resolution are read, and extracts what it is then handed.

Light on purpose: importing this module imports neither the model nor the extraction rules, so the
standby process starts at once."""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING

from . import nlp
from .background import Standby

if TYPE_CHECKING:
    from .model import Article, Extraction

Extractor = Standby["list[Article]", "list[Extraction]"]


def standby_extractor(jobs: int) -> Extractor:
    return Standby(nlp.load, extract_each, fork=jobs > 1)


def extract_each(articles: list[Article]) -> list[Extraction]:
    from .extraction import extract  # here: see the module's docstring

    return [extract(a) for a in articles]


def extract_in_pool(articles: list[Article], jobs: int) -> list[Extraction]:
    from .extraction import extract

    nlp.load()  # once, before the workers fork: they share the loaded model
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(extract, articles, chunksize=max(1, len(articles) // (jobs * 8)))
