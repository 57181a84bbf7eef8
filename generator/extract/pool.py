"""Extraction of many articles: spread over processes where there are enough to pay for starting them.
Each article's extraction is the same either way."""

from __future__ import annotations

import multiprocessing

from ..model import Article, Extraction
from . import nlp
from .extraction import extract

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


def extract_all(articles: list[Article], jobs: int = 1) -> list[Extraction]:
    if jobs <= 1 or len(articles) < PARALLEL_FROM:
        return [extract(a) for a in articles]
    nlp.load()  # once, before the workers fork: they share the loaded model
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(extract, articles, chunksize=max(1, len(articles) // (jobs * 8)))
