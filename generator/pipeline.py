"""The pipeline, stage by stage: seeds -> sources -> cleaning -> extraction -> resolution ->
rendering -> writing. Everything is gathered and resolved before anything is written."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .background import in_background
from .cache import FOLDER as CACHE_FOLDER
from .cache import Cache, code_version, long_lived, shared
from .cleaning import clean
from .errors import DuplicateSeedError, SeedError, SeedsError
from .export import Earlier, to_json
from .extractors import Extractor, extract_in_pool, standby_extractor
from .feeds import KEPT, feeds
from .model import Article, Briefing, Extraction
from .page_keys import PageKeys, Previous, page_keys
from .registry import load_registry
from .rendering import TEMPLATES, render_keyed, render_listings
from .resolution import PreviousIds, Resolution, resolution
from .site import Site
from .sources import read_seed, seed_files
from .writing import Staged, Staging, locked

REGISTRY = "registry.yml"
EXPORT = "data/briefing.json"
IDS = ".briefing-ids.json"
INPUTS = ".briefing-inputs"
PAGE_KEYS = ".briefing-pages.json"
RESOLUTION = ".briefing-resolution.pickle"
# Below this many new articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class Report:
    briefing: Briefing | None
    """None where nothing had to be done: the inputs are those of the last generate."""
    changed: list[str]
    skipped: list[SeedError]
    made: object = field(default=None, repr=False, compare=False)
    """Everything else the run built, for a caller that ends the process right after to leave unfreed (the
    command line): freeing it object by object takes a tenth of a second at ten thousand articles."""


def read_articles(seeds: Path, skip_invalid: bool = False,
                  cache: Cache | None = None) -> tuple[list[Article], list[SeedError]]:
    """1. Read and clean every seed, unless the cache has it unchanged; every problem is collected before
    any is reported."""
    articles: list[Article] = []
    errors: list[SeedError] = []
    seen: dict[str, str] = {}
    for path in seed_files(seeds):
        try:
            article = (cache and cache.article(path)) or clean(read_seed(path))
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


def extraction_started(articles: list[Article], cache: Cache, jobs: int | None = None,
                       extractor: Extractor | None = None) -> Callable[[], list[Extraction]]:
    """2. Extract each article, or take what an earlier run extracted from the same bytes; the function
    returned gives them all. Many new articles are spread over `jobs` processes (default: every core);
    a few are extracted in a second process (the `extractor`, if one was started early), which loads the
    model while this one goes on. Each article's result is the same either way."""
    cached = {a.file: cache.get(a) for a in articles}
    todo = [a for a in articles if cached[a.file] is None]
    jobs = jobs or os.cpu_count() or 1
    if not todo:
        fresh: Callable[[], list[Extraction]] = list
    elif jobs > 1 and len(todo) >= PARALLEL_FROM:
        fresh = in_background(lambda: extract_in_pool(todo, jobs), fork=False)
    else:
        fresh = (extractor or standby_extractor(jobs)).hand(todo)

    def finish() -> list[Extraction]:
        for extraction in map(shared, fresh()):  # strings made in other processes: one object each
            cache.put(extraction)
            cached[extraction.article.file] = extraction
        return [cached[a.file] for a in articles]  # type: ignore[misc]

    return finish


def resolve_seeds(seeds: Path, articles: list[Article] | None = None, cache: Cache | None = None,
                  previous: Path | None = None, jobs: int | None = None) -> Resolution:
    cache = cache or Cache(seeds.parent / CACHE_FOLDER)
    if articles is None:
        articles, _ = read_articles(seeds, cache=cache)
    extractions = extraction_started(articles, cache, jobs)()
    cache.save(extractions)
    return resolution(extractions, load_registry(seeds / REGISTRY), PreviousIds.load(previous))


def generate(seeds: Path, out: Path, skip_invalid: bool = False, force: bool = False,
             jobs: int | None = None, extractor: Extractor | None = None) -> Report:
    """Make `out` the site of `seeds`, writing only what changed. The output is locked first (one generate
    at a time). `extractor`: the standby extractor the command line starts before importing the pipeline
    (extractors.py); without one, it starts here."""
    jobs = jobs or os.cpu_count() or 1
    with (extractor or standby_extractor(jobs)) as standby, locked(out):
        return generated(seeds, out, skip_invalid, force, jobs, standby)


def generated(seeds: Path, out: Path, skip_invalid: bool, force: bool, jobs: int, extractor: Extractor) -> Report:
    cache = Cache(seeds.parent / CACHE_FOLDER, enabled=not force)
    articles, skipped = read_articles(seeds, skip_invalid, cache)
    inputs = fingerprint(seeds, articles, skipped)
    if not force and unchanged(out, inputs):
        return Report(None, [], [])
    extracted = extraction_started(articles, cache, jobs, extractor)
    # while the new seeds are extracted: the registry, the last run's ids, resolution and page keys, and
    # the staging folder
    registry, ids = load_registry(seeds / REGISTRY), PreviousIds.load(out / IDS)
    before = None if force else kept_resolution(out)
    code = code_version() + templates_version()
    previous = previous_keys(out, code, before.briefing) if before else None
    staging = Staging(out, force)
    # 3. resolved together once all are extracted, keeping the ids the previous output gave and continuing
    # the last run's resolution where it can
    extractions = extracted()
    resolved = resolution(extractions, registry, ids, before)
    briefing = resolved.briefing
    gc.freeze()  # the briefing lives as long as the run: the cycle collector need not walk it again and again
    # 4. render the pages whose inputs changed, the listings and the export, 5. write what changed, all at once
    site = Site.of(briefing)
    def second_share() -> Staged:
        """The listings, the export and what the next generate starts from, staged by a second process while
        this one renders the pages and the feeds: two even shares."""
        return staging.stage({**whole_site_files(site, earlier(staging, before, [EXPORT]).get(EXPORT)),
                              **kept_for_next_time(cache, extractions, resolved)})

    whole = in_background(second_share, fork=jobs > 1)
    keys = page_keys(site, previous)
    same = unchanged_pages(staging, keys, previous)
    staging.stage({**render_keyed(site, same, years=keys.pages.keys() - same), **feeds(site, earlier(staging, before, KEPT)),
                   INPUTS: inputs, PAGE_KEYS: json.dumps({"code": code, "pages": keys.pages, "shown": keys.shown},
                                                         sort_keys=True, separators=(",\n", ": ")) + "\n"})
    staging.take(whole())
    return Report(briefing, staging.commit(same), skipped, made=(resolved, extracted, site, keys, staging))


def whole_site_files(site: Site, export: Earlier | None = None) -> dict[str, str]:
    """The files made from the whole briefing every time but the feeds: listings, the export (continuing
    the `export` of the last generate) and the ids."""
    briefing = site.briefing
    return {**render_listings(site), EXPORT: to_json(briefing, export),
            IDS: PreviousIds.of(briefing).dumps()}


def earlier(staging: Staging, before: Resolution | None, paths: Iterable[str]) -> dict[str, Earlier]:
    """Those of these files the last generate wrote, with the briefing it wrote them from, unless they or
    the kept resolution were touched since."""
    untouched = staging.written(among=[*paths, RESOLUTION])
    if before is None or RESOLUTION not in untouched:
        return {}
    files = {}
    for path in untouched - {RESOLUTION}:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            files[path] = Earlier(before.briefing, (staging.out / path).read_text(encoding="utf-8"))
    return files


def kept_for_next_time(cache: Cache, extractions: list[Extraction], resolved: Resolution) -> dict[str, bytes]:
    """What the next generate starts from: the snapshot of the seeds (beside the extraction cache) and the
    resolution (staged with the output)."""
    cache.save(extractions)
    return {RESOLUTION: pickled(resolved)}


def pickled(resolved: Resolution) -> bytes:
    return pickle.dumps((code_version(), resolved), protocol=pickle.HIGHEST_PROTOCOL)


def kept_resolution(out: Path) -> Resolution | None:
    """The last generate's resolution, if the same code made it; like the snapshot, trusted as the user's
    own (it is pickled)."""
    try:
        with long_lived(), open(out / RESOLUTION, "rb") as f:
            code, resolved = pickle.load(f)
        return resolved if code == code_version() and isinstance(resolved, Resolution) else None
    except Exception:  # noqa: BLE001 - missing, damaged or of older code: resolved from nothing
        return None


def previous_keys(out: Path, code: str, briefing: Briefing) -> Previous | None:
    """The last generate's page keys, with the briefing they were computed from, if made by the same code
    and templates; None where they are missing, damaged or of other code."""
    try:
        keys = json.loads((out / PAGE_KEYS).read_text(encoding="utf-8"))
        if keys.get("code") != code or {e.id for e in briefing.events} != keys["shown"].keys():
            return None
        return Previous(briefing, PageKeys(keys["pages"], keys["shown"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def unchanged_pages(staging: Staging, keys: PageKeys, previous: Previous | None) -> set[str]:
    """Pages the last generate wrote from the same inputs, still there: no need to render them again."""
    if previous is None:
        return set()
    old = previous.keys.pages
    return {path for path in staging.still_there() if path in keys.pages and old.get(path) == keys.pages[path]}


def templates_version() -> str:
    h = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*.j2")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(seeds: Path, articles: list[Article], skipped: list[SeedError]) -> str:
    """Everything the output depends on: each seed's bytes (or what made it unreadable), the registry,
    the code and the templates."""
    h = hashlib.sha256(f"{code_version()} {templates_version()}".encode())
    for a in articles:
        h.update(f"{a.file}\0{a.sha256}\n".encode())
    for error in skipped:
        h.update(f"{error}\n".encode())
    if (seeds / REGISTRY).is_file():
        h.update((seeds / REGISTRY).read_bytes())
    return h.hexdigest() + "\n"


def unchanged(out: Path, inputs: str) -> bool:
    """The last generate had the same inputs and its output is still whole."""
    try:
        return (out / INPUTS).read_text(encoding="utf-8") == inputs and (out / EXPORT).is_file()
    except OSError:
        return False


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
