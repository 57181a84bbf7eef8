"""`Earlier`: what the pipeline asks of earlier runs, and tells the next one. The only object that reads
or writes the kept state (see this package's docstring)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Collection
from pathlib import Path

from ..model import Article, Extraction
from ..site.lookups import Site
from ..site.rendering import Page
from ..write.writing import MANIFEST
from .extractions import Extractions
from .reads import Digests, Query, Recording
from .store import Store, state_folder
from .versions import code_version

log = logging.getLogger(__name__)
UPSERT_READ = "insert into reads values (?, ?) on conflict(key) do update set digest = excluded.digest"


class Earlier:
    """The kept state of one output folder: its seeds' snapshot, the extraction cache shared by the outputs
    beside it, and what each page read. With `enabled` false (--force) nothing kept is used,
    and everything is kept anew for next time."""

    def __init__(self, out: Path, enabled: bool = True) -> None:
        folder = state_folder(out)
        self.out = out
        self.store = Store(folder / f"{out.resolve().name}.sqlite")
        shared = Store(folder / "extractions.sqlite")
        if not enabled:
            log.info("--force: nothing kept from earlier runs is used")
        self.extractions = Extractions(self.store, shared, use_kept=enabled)
        self.pages: dict[str, list[int]] = {}
        """Page path -> the queries it made (by row), as kept from the run that wrote the output."""
        self.queries: dict[Query, tuple[int, str]] = {}
        """Each kept query -> its row and the digest of its answer then."""
        self.valid = enabled and self._describes_output()
        self.inputs = self.store.fact("inputs") if self.valid else None
        self.made: dict[str, list[Query]] = {}
        """Page path -> the queries of each page rendered this run."""
        self.asked: dict[Query, str | None] = {}
        """Every query asked or made this run -> the digest of its answer now."""

    @classmethod
    def left_for(cls, out: Path) -> Earlier | None:
        """The state a generate left for `out`; None where it left none (and none is made)."""
        return cls(out) if state_folder(out).is_dir() else None

    def _describes_output(self) -> bool:
        """Whether the kept reads are those of the pages in the output now, made by this code."""
        if self.store.broken:
            return False
        if self.store.fact("code") != code_version():
            log.info("kept page reads are of other code (or none): every page is rendered")
            return False
        if self.store.fact("manifest") != manifest_digest(self.out):
            log.info("the output is not the one the kept page reads describe: every page is rendered")
            return False
        return True

    def article(self, seed: Path, read: Callable[[Path], Article]) -> Article:
        return self.extractions.article(seed, read)

    def extracted(self, articles: list[Article], extract: Callable[[list[Article]], list[Extraction]]) -> list[Extraction]:
        return self.extractions.extracted(articles, extract)

    def _load_reads(self) -> None:
        if self.valid:
            self.queries = {key: (i, d) for i, key, d in self.store.rows("select rowid, key, digest from reads")}
            self.pages = {path: json.loads(reads) for path, reads in self.store.rows("select path, reads from pages")}

    def unchanged(self, inputs: str) -> bool:
        """The output is that of these very inputs."""
        return self.inputs == inputs

    def rendered(self, site: Site, pages: list[Page], there: Collection[str], inputs: str) -> tuple[dict[str, str], set[str]]:
        """The pages to write, and those whose every read gives what it gave when the page on disk (among
        `there`) was rendered: these are kept as they are."""
        start = time.perf_counter()
        self._load_reads()
        digests = Digests(site, inputs)
        changed = {i for key, (i, then) in self.queries.items() if digests.of(key) != then}
        kept = {p.path for p in pages if p.path in there and p.path in self.pages and changed.isdisjoint(self.pages[p.path])}
        log.info("rendering: %d of %d pages kept, their reads unchanged (%d kept queries asked again in %.2f s)",
                 len(kept), len(pages), len(self.queries), time.perf_counter() - start)
        out = {}
        for p in pages:
            if p.path not in kept:
                recording = Recording(site, digests)
                out[p.path] = p.make(recording)  # type: ignore[arg-type]
                self.made[p.path] = list(recording.reads)
        self.asked = digests.known
        return out, kept

    def remember(self, extractions: list[Extraction], inputs: str, pages: Collection[str]) -> None:
        """Keep what the next run starts from, once the output is written: the seeds' snapshot and the reads
        of the pages (`pages`: every page the output holds)."""
        self.extractions.remember(extractions)
        changed = [(key, d) for key, d in self.asked.items() if d is not None and self.queries.get(key, (0, None))[1] != d]
        # upserted, not replaced: a query keeps its row, by which the pages name it. Where no kept reads were
        # used, every page was rendered: the queries of pages that are no more go.
        fresh = [("delete from reads", [()]), ("delete from pages", [()])] if not self.pages else []
        self.store.write([*fresh, (UPSERT_READ, changed)])
        row = {key: i for i, key in self.store.rows("select rowid, key from reads")}
        gone = [(path,) for path in self.pages.keys() - set(pages)]
        facts = {"code": code_version(), "manifest": manifest_digest(self.out), "inputs": inputs}
        self.store.write([("delete from pages where path = ?", gone),
                          ("insert or replace into pages values (?, ?)",
                           [(path, json.dumps([row[q] for q in reads], sort_keys=True)) for path, reads in self.made.items()]),
                          ("insert or replace into facts values (?, ?)", list(facts.items()))])
        self.store.close()
        self.extractions.shared.close()


def manifest_digest(out: Path) -> str | None:
    try:
        return hashlib.sha256((out / MANIFEST).read_bytes()).hexdigest()
    except OSError:
        return None
