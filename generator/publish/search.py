"""The search index: Pagefind, in parts that readers' browsers search at once (Pagefind's mergeIndex), so
that a change indexes the pages it changed, not the whole site.

Every page belongs to one of the parts by a hash of its address: parts of the same make-up rank alike,
and as one index would where each holds thousands of pages (a whole build makes one part per PART_PAGES).
A page changed since its part was indexed is indexed again in the `recent` part (which pages, and when a
part is indexed anew instead, generator/rebuild/built.py decides), and its copy in the old part is hidden: `pagefind-parts.json` lists the bundles to search and the results to drop (by Pagefind's
id of the page's record, with its filters, so that filter counts are corrected too; the browser side is
templates/theme/assets/search/pagefind.js). When the recent part outgrows a twentieth of the site, the part
most of its pages belong to is indexed again whole, and they leave the recent part: each step costs
the changed pages plus, now and then, one part.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..rebuild.built import Reindex

PART_PAGES = 5000
RECENT = "pagefind-recent"
PARTS_FILE = "pagefind-parts.json"
# Only pages with an element marked for the index are searched (templates/theme/main.html): a listing has none.
INDEXED = b"data-pagefind-body"
# A recent copy differs from the part's copy of the same page by this, so their Pagefind ids differ too.
RECENT_MARK = (INDEXED, INDEXED + b' data-pagefind-meta="copy:recent"')

Record = tuple[str, dict[str, list[str]]]
"""A page's record in a bundle: Pagefind's id of it, and its filters."""


@dataclass(frozen=True)
class Index:
    parts: list[dict[str, Record]]
    """Each part: page -> its record there."""
    stale: frozenset[str]
    """The pages changed since their part was indexed: their copies there are hidden."""
    recent: dict[str, Record]
    """Those of them that are searched: page -> its record in the recent part."""

    def to_json(self) -> dict:
        return {"parts": self.parts, "stale": sorted(self.stale), "recent": self.recent}

    @classmethod
    def from_json(cls, data: dict) -> Index | None:
        parts = data.get("parts")
        if not isinstance(parts, list) or not parts:
            return None
        return cls([{p: (r[0], r[1]) for p, r in part.items()} for part in parts], frozenset(data.get("stale", ())),
                   {p: (r[0], r[1]) for p, r in data.get("recent", {}).items()})


def bundle(part: int) -> str:
    return "pagefind" if part == 0 else f"pagefind-{part}"


def part_of(page: str, parts: int) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest()[:8], 16) % parts


def index_whole(site: Path) -> Index:
    """Index every page of the site, part by part."""
    pages = indexed_pages(site, html_pages(site))
    shutil.rmtree(site / RECENT, ignore_errors=True)
    n = max(1, round(len(pages) / PART_PAGES))
    index = Index([index_part(site, k, [p for p in pages if part_of(p, n) == k]) for k in range(n)], frozenset(), {})
    write_parts_file(site, index, pages)
    return index


def index_changes(site: Path, last: Index, pages: Collection[str], todo: Reindex) -> Index:
    """The index `last` of the site's `pages` after a build, with the parts `todo` names indexed anew and
    its stale pages in the recent part."""
    n = len(last.parts)
    parts = [index_part(site, k, indexed_pages(site, {p for p in pages if part_of(p, n) == k})) if k in todo.parts
             else part for k, part in enumerate(last.parts)]
    index = Index(parts, todo.stale, index_bundle(site, RECENT, sorted(indexed_pages(site, todo.stale)), mark=True))
    write_parts_file(site, index, pages)
    return index


def hidden_in(part: dict[str, Record], stale: Collection[str], pages: Collection[str]) -> dict[str, Record]:
    """The records of a part that are not to be found: their page changed since, or is no more."""
    return {page: r for page, r in part.items() if page in stale or page not in pages}


def index_part(site: Path, part: int, pages: Iterable[str]) -> dict[str, Record]:
    return index_bundle(site, bundle(part), sorted(pages))


def index_bundle(site: Path, name: str, pages: list[str], mark: bool = False) -> dict[str, Record]:
    """Index `pages` of the site into its bundle `name`; their records there."""
    out = site / name
    shutil.rmtree(out, ignore_errors=True)  # its files may be links to the previous site's: never written through
    if not pages:
        return {}
    source = site.parent / f".{site.name}.index-input"
    shutil.rmtree(source, ignore_errors=True)
    try:
        for page in pages:
            target = source / page
            target.parent.mkdir(parents=True, exist_ok=True)
            if mark:
                target.write_bytes((site / page).read_bytes().replace(*RECENT_MARK, 1))
            else:
                os.link(site / page, target)
        run_pagefind(source, out)
    finally:
        shutil.rmtree(source, ignore_errors=True)
    return records(out)


def run_pagefind(source: Path, out: Path) -> None:
    # --keep-index-url: links to section pages stay "events/index.html", which also works off a plain file server
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(out), "--silent",
               "--keep-index-url"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise BuildError(f"Pagefind could not index the site into {out} (exit {result.returncode}): "
                         f"{(result.stderr or result.stdout).strip()[-2000:]}")


def records(out: Path) -> dict[str, Record]:
    """Each page of a bundle -> Pagefind's id of its record and its filters, read from the bundle's fragments."""
    found: dict[str, Record] = {}
    for path in (out / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"].lstrip("/")] = (path.name.removesuffix(".pf_fragment"), fragment.get("filters", {}))
    return found


def html_pages(site: Path) -> set[str]:
    """The site's HTML pages, the search bundles left out."""
    found: set[str] = set()
    for folder, subfolders, files in os.walk(site):
        rel = os.path.relpath(folder, site)
        if rel == ".":
            subfolders[:] = [s for s in subfolders if not s.startswith("pagefind") and not s.startswith(".")]
        found.update(os.path.normpath(os.path.join(rel, f)) for f in files if f.endswith(".html"))
    return found


def indexed_pages(site: Path, pages: Iterable[str]) -> set[str]:
    return {p for p in pages if INDEXED in (site / p).read_bytes()}


def write_parts_file(site: Path, index: Index, pages: Collection[str]) -> None:
    """What the browser searches: the bundles, and the records in them to drop."""
    bundles = [f"{bundle(k)}/" for k, part in enumerate(index.parts) if part] + ([f"{RECENT}/"] if index.recent else [])
    hidden = {rid: filters for part in index.parts for rid, filters in hidden_in(part, index.stale, pages).values()}
    path = site / PARTS_FILE
    path.unlink(missing_ok=True)
    path.write_text(json.dumps({"bundles": bundles, "hidden": hidden}, sort_keys=True), encoding="utf-8")
