"""What the last build of the HTML site read and made, recorded inside the site it made (so the two never
part), and what the next build may therefore skip, of the HTML and of the search index: a page is built again where its source is not the file
the last build read (by modification time and size, as `make` judges: the generator writes a changed page
anew and leaves an unchanged one as it was, and both survive a copy or a cache that keeps times), and every
page is, where the configuration, the theme or the code is not what it was."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

RECORD = ".briefing-build.json"
MIN_RECENT = 200
"""The recent part of the search index holds up to this many pages, or a twentieth of the site if more."""
Signature = tuple[int, int]
"""A source file as the build read it: modification time (ns), size."""


@dataclass(frozen=True)
class Built:
    environment: str
    """The fingerprint of the configuration, theme, renderers and code (publish.html.fingerprint)."""
    sources: dict[str, Signature]
    """Each file of the documentation folder, as read."""
    pages: dict[str, str]
    """Each source -> the file it became in the site."""
    search: dict = field(default_factory=dict)
    """The search index's parts (publish.search.Index, as JSON)."""


@dataclass(frozen=True)
class Plan:
    whole: bool
    build: frozenset[str] = frozenset()
    """The sources to build again (where not whole)."""
    gone: frozenset[str] = frozenset()
    """The files of the site whose source is no more."""

    @property
    def nothing(self) -> bool:
        return not self.whole and not self.build and not self.gone


def signatures(docs: Path) -> dict[str, Signature]:
    """Every file of the documentation folder but hidden ones (MkDocs leaves those out too)."""
    found: dict[str, Signature] = {}
    todo = [""]
    while todo:
        folder = todo.pop()
        with os.scandir(os.path.join(docs, folder)) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir():
                    todo.append(path)
                else:
                    st = entry.stat()
                    found[path] = (st.st_mtime_ns, st.st_size)
    return found


def last_build(site: Path) -> Built | None:
    """The record of the build that made `site`; None where there is none or it cannot be read (the next
    build is then a whole one)."""
    try:
        data = json.loads((site / RECORD).read_text(encoding="utf-8"))
        return Built(data["environment"], {k: tuple(v) for k, v in data["sources"].items()},  # type: ignore[misc]
                     data["pages"], data.get("search", {}))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def record(site: Path, built: Built) -> None:
    (site / RECORD).unlink(missing_ok=True)  # a link to the previous site's record: never written through
    data = {"environment": built.environment, "sources": built.sources, "pages": built.pages, "search": built.search}
    (site / RECORD).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


def plan(last: Built | None, environment: str, sources: dict[str, Signature], docs: Path) -> Plan:
    """What to build for `sources` now, after the build recorded in `last`."""
    if last is None or last.environment != environment:
        return Plan(whole=True)
    changed = {path for path, sig in sources.items() if last.sources.get(path) != sig}
    removed = last.sources.keys() - sources.keys()
    # A page unchanged may link to a file now removed: MkDocs must see it again, to fail on the broken link
    # as a whole build would. The generator never leaves such a link; a hand-written page may.
    names = {os.path.basename(path) for path in removed}
    linking = {path for path in sources.keys() - changed if path.endswith(".md") and mentions(docs / path, names)}
    gone = {last.pages[path] for path in removed if path in last.pages}
    return Plan(False, frozenset(changed | linking), frozenset(gone))


def mentions(path: Path, names: set[str]) -> bool:
    if not names:
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    return any(name in text for name in names)


@dataclass(frozen=True)
class Reindex:
    parts: frozenset[int]
    """The parts of the search index to index anew, whole."""
    stale: frozenset[str]
    """The pages changed since their part was indexed, once those parts are: the recent part searches them."""


def reindex(stale: Collection[str], held: Sequence[Collection[str]], changed: Collection[str],
            pages: Collection[str], searchable: Callable[[set[str]], set[str]],
            part_of: Callable[[str], int]) -> Reindex:
    """What the search index must index after a build that wrote `changed` among the site's `pages`: the
    pages changed since their part (`held`: each part's pages) was indexed go to the recent part, until
    those that are searched (`searchable`) outgrow it; then the part most of them belong to, or that holds
    most pages no more, is indexed anew and its pages leave the recent part."""
    now = (set(stale) | set(changed)) & set(pages)
    searched = searchable(now)
    again: set[int] = set()
    while len(searched) > max(MIN_RECENT, len(pages) // 20):
        k = max(range(len(held)), key=lambda k: sum(part_of(p) == k for p in now) + len(set(held[k]) - set(pages)))
        again.add(k)
        now = {p for p in now if part_of(p) != k}
        searched = {p for p in searched if part_of(p) != k}
    return Reindex(frozenset(again), frozenset(now))
