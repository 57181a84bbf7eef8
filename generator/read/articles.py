"""1. Read: every seed of the folder, decoded and cleaned, every problem collected before any is reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import SeedError, SeedsError
from ..model import Article
from .cleaning import clean
from .sources import read_seed, seed_files


def read_article(path: Path) -> Article:
    return clean(read_seed(path))


def read_articles(seeds: Path, skip_invalid: bool = False,
                  read: Callable[[Path], Article] = read_article) -> tuple[list[Article], list[SeedError]]:
    """The articles of the seeds folder, in file order, and the seeds skipped (with `skip_invalid`; without
    it, any bad seed fails the whole with every problem listed). `read`: how one seed becomes an article."""
    articles: list[Article] = []
    errors: list[SeedError] = []
    seen: dict[str, str] = {}
    for path in seed_files(seeds):
        try:
            article = read(path)
            twin = seen.setdefault(text_key(article), article.file)
            if twin != article.file:
                raise SeedError(article.file, f"the same article as {twin}: remove one of them")
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
