"""The pipeline: seeds -> read -> extract -> resolve -> site -> write, then publish (generator/publish/: the
HTML site and its search index, by `briefing build`). Each stage is a pure function of its inputs;
everything is read, extracted and resolved before anything is rendered. What an earlier run already did is
skipped only through generator/rebuild/ (`Earlier` here, `built` for publishing), the one part that knows
such runs exist."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from .errors import DuplicateSeedError, SeedError
from .extract.pool import extract_all
from .model import Article, Briefing
from .read.articles import read_article, read_articles, text_key
from .read.cleaning import clean
from .read.sources import read_seed
from .rebuild.earlier import Earlier
from .rebuild.versions import code_version
from .resolve.ids import Ledger, read_ledger, write_ledger
from .resolve.registry import load_registry
from .resolve.resolution import resolve
from .site.export import LISTING, events_listing, to_json
from .site.feeds import feeds
from .site.lookups import Site
from .site.redirects import redirects
from .site.rendering import site_pages
from .write.writing import Staging, locked

REGISTRY = "registry.yml"
LEDGER = "ids.json"
EXPORT = "data/briefing.json"

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Report:
    briefing: Briefing | None
    """None where nothing had to be done: the inputs are those of the last generate."""
    changed: list[str]
    skipped: list[SeedError]


def generate(seeds: Path, out: Path, skip_invalid: bool = False, force: bool = False,
             jobs: int | None = None, site_url: str | None = None) -> Report:
    """Make `out` the site of `seeds`, as a generate from nothing would, doing only what changed. The output
    is locked first (one generate at a time) and changes all at once or not at all. A link as `out` is
    followed once: the folder it names is written, atomically, and the link stays. `site_url`: the address
    the site is published at, which feeds and calendar need (without it they are left out)."""
    out = out.resolve()
    with locked(out):
        earlier = stage("kept state", Earlier, out, not force)
        # 1. read
        articles, skipped = stage("read", read_articles, seeds, skip_invalid, partial(earlier.article, read=read_article))
        if earlier.unchanged(fingerprint(seeds, articles, skipped, site_url, ledger_text(seeds))):
            log.info("the inputs are those of the last generate: nothing to do")
            return Report(None, [], skipped)
        # 2. extract
        extractions = stage("extract", earlier.extracted, articles, partial(extract_all, jobs=jobs or os.cpu_count() or 1))
        # 3. resolve
        briefing = stage("resolve", resolve, extractions, load_registry(seeds / REGISTRY), read_ledger(seeds / LEDGER))
        ledger = Ledger.of(briefing)
        # the inputs as the next generate will find them, this ledger written: what the pages are made of
        inputs = fingerprint(seeds, articles, skipped, site_url, ledger.dumps())
        # 4. site: the pages (those whose reads changed) and the data files
        site = Site.of(briefing, site_url)
        staging = Staging(out, force)
        pages, kept = stage("render", earlier.rendered, site, site_pages(site), staging.still_there(), inputs)
        files = {**pages, **stage("data", data_files, site)}
        # 5. write
        stage("stage", staging.stage, files)
        changed = stage("write", staging.commit, kept)
        stage("ledger", write_ledger, seeds / LEDGER, ledger)
        stage("keeping state", earlier.remember, extractions, inputs, pages.keys() | kept)
        return Report(briefing, changed, skipped)


def stage(name: str, run: Callable[..., T], *args: object) -> T:
    """One stage, timed in the log (-v)."""
    start = time.perf_counter()
    result = run(*args)
    log.info("%s: %.2f s", name, time.perf_counter() - start)
    return result


def data_files(site: Site) -> dict[str, str]:
    """The export, the events' listing, the feeds, the calendar, the tables and the redirects from moved
    addresses."""
    return {EXPORT: to_json(site.briefing), LISTING: events_listing(site), **feeds(site), **redirects(site)}


def resolve_seeds(seeds: Path, out: Path | None = None) -> Briefing:
    """The briefing of a seeds folder, writing no page (for `check`, and tests); with the extractions a
    generate has kept for the output folder `out`, where there are any."""
    articles, _ = read_articles(seeds)
    extract = partial(extract_all, jobs=os.cpu_count() or 1)
    earlier = Earlier.left_for(out) if out else None
    extractions = earlier.extracted(articles, extract) if earlier else extract(articles)
    return resolve(extractions, load_registry(seeds / REGISTRY), read_ledger(seeds / LEDGER))


def fingerprint(seeds: Path, articles: list[Article], skipped: list[SeedError], site_url: str | None,
                ledger: str) -> str:
    """Everything the output depends on: each seed's bytes (or what made it unreadable), the registry, the
    id ledger's text, the site's address and the code and templates."""
    h = hashlib.sha256(f"{code_version()}\0{site_url or ''}\n".encode())
    for a in articles:
        h.update(f"{a.file}\0{a.sha256}\n".encode())
    for error in skipped:
        h.update(f"{error}\n".encode())
    if (seeds / REGISTRY).is_file():
        h.update(b"registry\0" + (seeds / REGISTRY).read_bytes())
    h.update(b"ledger\0" + ledger.encode())
    return h.hexdigest()


def ledger_text(seeds: Path) -> str:
    """The id ledger as the seeds hold it ("" before the first generate); read_ledger says what is wrong
    with a damaged one."""
    try:
        return (seeds / LEDGER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


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
