"""Writing: the rendered pages into the output folder, touching only files whose bytes change and
removing the pages an earlier run wrote that no longer exist. Hand-written files are never touched:
the generator only removes what its manifest says it wrote."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".briefing-manifest.json"


def check_path(path: str) -> None:
    """Nothing is ever written outside the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise OutputError(f"refusing to write '{path}': generated paths must stay inside the output folder")


def write(out: Path, files: dict[str, str]) -> list[str]:
    """Write `files` (relative path -> text) under `out`; returns the paths whose contents changed."""
    for path in files:
        check_path(path)
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for path, text in sorted(files.items()):
        target = out / path
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        changed.append(path)
    removed = remove_stale(out, set(files))
    manifest = json.dumps(sorted(files), indent=0) + "\n"
    if (out / MANIFEST).is_file() is False or (out / MANIFEST).read_text(encoding="utf-8") != manifest:
        (out / MANIFEST).write_text(manifest, encoding="utf-8")
    return changed + removed


def remove_stale(out: Path, keep: set[str]) -> list[str]:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return []
    removed = []
    for path in json.loads(manifest.read_text(encoding="utf-8")):
        if path not in keep and (out / path).is_file():
            check_path(path)
            (out / path).unlink()
            removed.append(path)
            prune_empty(out, (out / path).parent)
    return removed


def prune_empty(out: Path, folder: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
