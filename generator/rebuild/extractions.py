"""Extraction kept between runs: each article's extraction, by the seed's bytes and the extraction code
(extracting ten thousand seeds again takes minutes); and the seeds' snapshot, each seed file's size and
modification time with its extraction, so that a seed unchanged since (as make and git judge a file) is
neither read, nor cleaned, nor looked up again."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import (
    Article,
    EventMention,
    Extraction,
    MechanismMention,
    OrgMention,
    Participant,
    PersonMention,
    Statement,
)
from .store import Store
from .versions import extraction_version

# A file written this close before it was looked at may be written again within the same tick of the
# file system's clock, unseen: the snapshot leaves it out, and the next run reads it again.
SETTLED_NS = 2_000_000_000

log = logging.getLogger(__name__)


class Extractions:
    """The extraction cache and the seeds' snapshot of one output's state."""

    def __init__(self, store: Store, shared: Store, use_kept: bool = True) -> None:
        self.store, self.shared, self.use_kept = store, shared, use_kept
        self.version = extraction_version()
        self.known: dict[str, tuple[int, int, Extraction]] = self._snapshot() if use_kept else {}
        self.stats: dict[str, os.stat_result] = {}
        self.hits = 0

    def _snapshot(self) -> dict[str, tuple[int, int, Extraction]]:
        rows = self.store.rows("select file, size, mtime_ns, data from seeds where version = ?", self.version)
        return {file: (size, mtime, decoded(json.loads(data))) for file, size, mtime, data in rows}

    def article(self, seed: Path, read: Callable[[Path], Article]) -> Article:
        """The cleaned article of a seed file: the snapshot's where the file is unchanged since, else read."""
        stat = self.stats[seed.name] = seed.stat()
        known = self.known.get(seed.name)
        if known and known[:2] == (stat.st_size, stat.st_mtime_ns):
            return known[2].article
        return read(seed)

    def extracted(self, articles: list[Article], extract: Callable[[list[Article]], list[Extraction]]) -> list[Extraction]:
        """Every article's extraction: kept ones where the same bytes were extracted by the same code."""
        found = {a.file: x for a in articles if (x := self._kept(a))}
        self.hits = len(found)
        todo = [a for a in articles if a.file not in found]
        log.info("extraction: %d kept, %d to extract", len(found), len(todo))
        fresh = extract(todo) if todo else []
        self.shared.write([("insert or replace into extractions values (?, ?, ?)",
                            [(self.version, x.article.sha256, json.dumps(encoded(x), sort_keys=True)) for x in fresh])])
        found.update((x.article.file, x) for x in fresh)
        return [found[a.file] for a in articles]

    def _kept(self, article: Article) -> Extraction | None:
        if not self.use_kept:
            return None
        known = self.known.get(article.file)
        if known and known[2].article == article:
            return known[2]
        rows = self.shared.rows("select data from extractions where version = ? and sha256 = ?",
                                self.version, article.sha256)
        return dataclasses.replace(decoded(json.loads(rows[0][0])), article=article) if rows else None

    def remember(self, extractions: list[Extraction]) -> None:
        """The snapshot of this run's seeds: only the rows of seeds that changed are written."""
        settled = time.time_ns() - SETTLED_NS
        now = {x.article.file: (stat.st_size, stat.st_mtime_ns, x) for x in extractions
               if (stat := self.stats.get(x.article.file)) and stat.st_mtime_ns < settled}
        changed = [(f, size, mtime, self.version, json.dumps(encoded(x), sort_keys=True)) for f, (size, mtime, x) in now.items()
                   if self.known.get(f) != (size, mtime, x)]
        gone = [(f,) for f in self.known if f not in now]
        if changed or gone:
            self.store.write([("delete from seeds where file = ?", gone),
                              ("insert or replace into seeds values (?, ?, ?, ?, ?)", changed)])


def encoded(x: Extraction) -> dict[str, Any]:
    return dataclasses.asdict(x)


def decoded(data: dict[str, Any]) -> Extraction:
    a = data["article"]
    article = Article(**{**a, "paragraphs": tuple(a["paragraphs"])})
    return Extraction(
        article=article,
        people=tuple(PersonMention(p["name"], tuple(p["aliases"]), tuple(p["roles"])) for p in data["people"]),
        organizations=tuple(OrgMention(o["name"], tuple(o["aliases"])) for o in data["organizations"]),
        mechanisms=tuple(MechanismMention(m["name"], tuple(m["aliases"]), m["established"]) for m in data["mechanisms"]),
        places=tuple(data["places"]),
        events=tuple(EventMention(
            e["title"], e["date"], e["end_date"], e["place"], e["mechanism"], e["session"],
            tuple(Participant(p["name"], p["role"]) for p in e["participants"]), tuple(e["organizations"]),
            e["summary"], tuple(e["outcomes"]), tuple(Statement(s["speaker"], s["text"]) for s in e["statements"]),
            tuple(e["leaders"]))
            for e in data["events"]),
    )
