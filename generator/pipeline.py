"""The pipeline, stage by stage: seeds -> sources -> cleaning -> extraction -> resolution ->
rendering -> writing. Everything is gathered and resolved before anything is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .cache import FOLDER as CACHE_FOLDER
from .cache import Cache
from .cleaning import clean
from .errors import DuplicateSeedError, SeedError, SeedsError
from .export import to_json
from .extraction import extract
from .feeds import feeds
from .model import Article, Briefing, Extraction
from .registry import load_registry
from .rendering import render
from .resolution import PreviousIds, resolve
from .sources import read_seed, seed_files
from .writing import write

REGISTRY = "registry.yml"
EXPORT = "data/briefing.json"


@dataclass(frozen=True)
class Report:
    briefing: Briefing
    changed: list[str]
    skipped: list[SeedError]


def read_articles(seeds: Path, skip_invalid: bool = False) -> tuple[list[Article], list[SeedError]]:
    """1. Read and clean every seed; every problem is collected before any is reported."""
    articles: list[Article] = []
    errors: list[SeedError] = []
    seen: dict[str, str] = {}
    for path in seed_files(seeds):
        try:
            article = clean(read_seed(path))
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


def extract_all(articles: list[Article], cache: Cache) -> list[Extraction]:
    """2. Extract each article, or take what an earlier run extracted from the same bytes."""
    extractions = []
    for article in articles:
        extraction = cache.get(article)
        if extraction is None:
            extraction = extract(article)
            cache.put(extraction)
        extractions.append(extraction)
    return extractions


def build_briefing(seeds: Path, skip_invalid: bool = False, force: bool = False,
                   previous: Path | None = None) -> tuple[Briefing, list[SeedError]]:
    articles, skipped = read_articles(seeds, skip_invalid)
    extractions = extract_all(articles, Cache(seeds.parent / CACHE_FOLDER, enabled=not force))
    # 3. resolve them all together, keeping the ids the previous output gave
    return resolve(extractions, load_registry(seeds / REGISTRY), PreviousIds.load(previous)), skipped


def generate(seeds: Path, out: Path, skip_invalid: bool = False, force: bool = False) -> Report:
    briefing, skipped = build_briefing(seeds, skip_invalid, force, out / EXPORT)
    # 4. render every page and the export, 5. write what changed, all at once
    files = render(briefing) | feeds(briefing)
    files[EXPORT] = to_json(briefing)
    return Report(briefing, write(out, files, force), skipped)


def add_seeds(files: list[Path], seeds: Path) -> list[str]:
    """Store new articles in the seeds folder as `<date>_<hash>.txt`, after checking every one; nothing
    is stored if any is bad or already there."""
    existing, _ = read_articles(seeds, skip_invalid=True)
    known = {text_key(a): a.file for a in existing}
    staged: dict[str, str] = {}
    for path in files:
        seed = read_seed(path)
        article = clean(seed)
        key = text_key(article)
        if key in known:
            raise DuplicateSeedError(f"{path}: the same article as {known[key]} in {seeds}; not added")
        name = f"{article.published or 'undated'}_{hashlib.sha256(key.encode()).hexdigest()[:16]}.txt"
        known[key] = name
        staged[name] = seed.text
    for name, text in staged.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return list(staged)
