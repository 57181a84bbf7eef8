"""`build_site`: the HTML site and its search index from the generated pages, made beside the site and
swapped in whole, so that a build that fails or is killed leaves the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..rebuild.built import Built, Plan, Signature, last_build, plan, record, reindex, signatures
from ..write.writing import level_with, locked, room_in, staging_folder, swap
from . import html, search

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    whole: bool
    pages: int
    """Pages built: every one, or those whose source changed."""
    seconds: float


def build_site(config_file: Path, docs: Path, site: Path, site_url: str | None = None, whole: bool = False) -> Outcome:
    """Make `site` the site of the pages in `docs`, building what changed since the site was built (or,
    with `whole`, everything)."""
    start = time.perf_counter()
    site = site.resolve()
    with locked(site):
        staging = staging_folder(site)
        config = html.load(config_file, docs, staging, site_url)
        environment = html.fingerprint(config)
        sources = signatures(docs)
        last = None if whole else last_build(site)
        todo = plan(last, environment, sources, docs)
        index = search.Index.from_json(last.search) if last else None
        from_nothing = todo.whole or last is None or index is None
        if todo.nothing and not from_nothing:
            log.info("site: nothing changed since %s was built", site)
            return Outcome(False, 0, time.perf_counter() - start)
        try:
            with room_in(staging):
                if last is None or index is None or from_nothing:
                    built = build_whole(config, docs, staging, environment, sources)
                else:
                    built = build_changes(config, docs, site, staging, todo, last, index, environment, sources)
                record(staging, built)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # the next build links the site anew
            raise
        swap(staging, site)
        if from_nothing:
            # the previous site shares no file with this one: linking the next build's staging folder from
            # nothing costs less than levelling it with this one
            shutil.rmtree(staging, ignore_errors=True)
    count = len(built.pages) if from_nothing else len(todo.build)
    log.info("site: %s, %d pages built in %.2f s", "whole" if from_nothing else "changes", count,
             time.perf_counter() - start)
    return Outcome(from_nothing, count, time.perf_counter() - start)


def build_whole(config: html.MkDocsConfig, docs: Path, staging: Path, environment: str,
                sources: dict[str, Signature]) -> Built:
    shutil.rmtree(staging, ignore_errors=True)
    pages = html.build_pages(config, docs)
    index = search.index_whole(staging)
    return Built(environment, sources, pages, index.to_json())


def build_changes(config: html.MkDocsConfig, docs: Path, site: Path, staging: Path, todo: Plan, last: Built,
                  index: search.Index, environment: str, sources: dict[str, Signature]) -> Built:
    """The previous site, linked file by file into the staging folder; the changed pages built apart and
    moved over their old versions (a new file each: the previous site's stay as they are); the search index
    updated for them."""
    level_with(staging, site)
    overlay = site.parent / f".{site.name}.changes"
    shutil.rmtree(overlay, ignore_errors=True)
    config.site_dir = str(overlay)
    try:
        pages = {**last.pages, **html.build_pages(config, docs, todo.build)}
        written = move_into(overlay, staging)
    finally:
        shutil.rmtree(overlay, ignore_errors=True)
    for gone in todo.gone:
        (staging / gone).unlink(missing_ok=True)
    pages = {src: dest for src, dest in pages.items() if src in sources}
    html_pages = search.html_pages(staging)
    n = len(index.parts)
    todo_search = reindex(index.stale, [part.keys() for part in index.parts], written | todo.gone, html_pages,
                          partial(search.indexed_pages, staging), partial(search.part_of, parts=n))
    updated = search.index_changes(staging, index, html_pages, todo_search)
    return Built(environment, sources, pages, updated.to_json())


def move_into(overlay: Path, staging: Path) -> set[str]:
    """Move every file of `overlay` to the same place in `staging`; returns their paths."""
    moved = set()
    for folder, _, files in os.walk(overlay):
        rel = os.path.relpath(folder, overlay)
        for name in files:
            path = os.path.normpath(os.path.join(rel, name))
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(overlay / path, staging / path)
            moved.add(path)
    return moved
