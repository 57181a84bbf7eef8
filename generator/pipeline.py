"""The pipeline, stage by stage: seeds -> sources -> cleaning -> extraction -> resolution ->
rendering -> writing. Everything is gathered and resolved before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cleaning import clean
from .errors import SeedError, SeedsError
from .export import to_json
from .extraction import extract
from .feeds import feeds
from .model import Article, Briefing
from .registry import load_registry
from .rendering import render
from .resolution import resolve
from .sources import read_seed, seed_files
from .writing import write

REGISTRY = "registry.yml"


@dataclass(frozen=True)
class Report:
    briefing: Briefing
    changed: list[str]
    skipped: list[SeedError]


def read_articles(seeds: Path, skip_invalid: bool = False) -> tuple[list[Article], list[SeedError]]:
    """1. Read and clean every seed; every problem is collected before any is reported."""
    articles, errors = [], []
    for path in seed_files(seeds):
        try:
            articles.append(clean(read_seed(path)))
        except SeedError as e:
            errors.append(e)
    if errors and not skip_invalid:
        raise SeedsError(errors)
    return articles, errors


def build_briefing(seeds: Path, skip_invalid: bool = False) -> tuple[Briefing, list[SeedError]]:
    articles, skipped = read_articles(seeds, skip_invalid)
    # 2. extract each article, 3. resolve them all together
    extractions = [extract(a) for a in articles]
    return resolve(extractions, load_registry(seeds / REGISTRY)), skipped


def generate(seeds: Path, out: Path, skip_invalid: bool = False) -> Report:
    briefing, skipped = build_briefing(seeds, skip_invalid)
    # 4. render every page and the export, 5. write what changed
    files = render(briefing) | feeds(briefing)
    files["data/briefing.json"] = to_json(briefing)
    return Report(briefing, write(out, files), skipped)
