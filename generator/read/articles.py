"""1. Read: every seed of the folder, decoded and cleaned, every problem collected before any is reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import SeedError, SeedsError
from ..model import Article
from .cleaning import clean
from .sources import read_seed, seed_files

RESERVED = {"index"}
"""Ids of the articles folder's own pages (articles/index.md lists the sources)."""


def read_article(path: Path) -> Article:
    return clean(read_seed(path))


def read_articles(seeds: Path, skip_invalid: bool = False,
                  read: Callable[[Path], Article] = read_article) -> tuple[list[Article], list[SeedError]]:
    """The articles of the seeds folder, in file order, and the seeds skipped (with `skip_invalid`; without
    it, any bad seed fails the whole with every problem listed). `read`: how one seed becomes an article."""
    paths, errors = seed_files(seeds)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    pages: dict[str, str] = {}
    for path in paths:
        try:
            article = read(path)
            twin = seen.setdefault(text_key(article), article.file)
            if twin != article.file:
                raise SeedError(article.file, f"the same article as {twin}: remove one of them")
            namesake = pages.setdefault(article.id, article.file)
            if namesake != article.file or article.id in RESERVED:
                clash = f"the page of {namesake}" if namesake != article.file else "the Sources listing"
                raise SeedError(article.file, f"its page would be articles/{article.id}.md, {clash}: rename the file")
            articles.append(article)
        except SeedError as e:
            errors.append(e)
    if errors and not skip_invalid:
        raise SeedsError(errors)
    return articles, errors


def text_key(article: Article) -> str:
    """Two seeds are the same article when their cleaned text is, whatever their file names."""
    text = " ".join([article.title, *article.paragraphs]) if article.headline else " ".join(article.paragraphs)
    return " ".join(text.split()).lower()
