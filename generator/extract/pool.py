"""Extraction of many articles: spread over processes where there are enough to pay for starting them.
Each article's extraction is the same either way."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import BriefingError, SeedError, WorkerDied
from ..model import Article, Extraction
from . import nlp
from .extraction import extract

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


def extract_all(articles: list[Article], jobs: int = 1) -> list[Extraction]:
    if jobs <= 1 or len(articles) < PARALLEL_FROM:
        return extract_chunk(articles)
    nlp.load()  # once, before the workers fork: they share the loaded model
    size = max(1, len(articles) // (jobs * 8))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    # Not multiprocessing.Pool: its map waits forever for a worker that was killed.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        futures: list[Future[list[Extraction]]] = []
        try:  # a worker killed early breaks the pool while chunks are still being submitted
            futures.extend(pool.submit(extract_chunk, chunk) for chunk in chunks)
            return [x for future in futures for x in future.result()]
        except BrokenProcessPool:
            raise WorkerDied(unfinished(futures, chunks)) from None


def extract_chunk(articles: list[Article]) -> list[Extraction]:
    return [extract_one(a) for a in articles]


def extract_one(article: Article) -> Extraction:
    """An extraction that fails is that seed's error, whatever failed."""
    try:
        return extract(article)
    except BriefingError:
        raise
    except Exception as e:
        raise SeedError(article.file, f"extraction failed ({type(e).__name__}: {e}); remove the seed and "
                                      "report the file, it is a bug") from e


def unfinished(futures: list[Future[list[Extraction]]], chunks: list[list[Article]]) -> list[str]:
    """The seeds of the chunks that got no answer, submitted or not."""
    unanswered = [not f.done() or f.exception() is not None for f in futures]
    lost = unanswered + [True] * (len(chunks) - len(futures))
    return [a.file for chunk, gone in zip(chunks, lost, strict=True) if gone for a in chunk]
