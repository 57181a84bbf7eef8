"""Writing: the rendered pages into the output folder, all of them or none.

What changed is first written beside the output, in a staging folder, with a plan: which files it
replaces, which it removes, and the manifest that describes the result. Writing the plan is the one step
that commits the change. Only then are the staged files moved into place, one atomic rename each, and
the old ones removed. A generate killed before its plan is written leaves the previous output as it was;
one killed after leaves the plan, which the next generate carries out before anything else (until then
the folder holds part of the new files). So writing costs what changed, not the whole tree, and no
output is lost or left half written. Hand-written files in the folder are kept: the generator only
removes what its manifest says it wrote. One generate at a time: a second one is refused.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".briefing-manifest.json"
# In the staging folder, beside the files of the change: no generated path begins with a dot and a name.
PLAN = ".briefing-plan.json"
PLAN_DRAFT = ".briefing-plan.json.draft"


def check_path(path: str) -> None:
    """Nothing is ever written outside the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise OutputError(f"refusing to write '{path}': generated paths must stay inside the output folder")


def encoded(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def digest(text: str | bytes) -> str:
    return hashlib.sha256(encoded(text)).hexdigest()


def write(out: Path, files: Mapping[str, str | bytes], force: bool = False, kept: Collection[str] = ()) -> list[str]:
    """Make `out` hold `files` (relative path -> text) and the `kept` files it already holds, as they are;
    returns the paths written or removed."""
    for path in files:
        check_path(path)
    with locked(out):
        staging = out.parent / f".{out.name}.staging"
        before = manifest(out)
        wanted = {path: digest(text) for path, text in files.items()}
        changed = sorted(p for p, h in wanted.items() if force or before.get(p) != h or not (out / p).is_file())
        wanted |= {path: before[path] for path in kept}
        stale = sorted(p for p in before if p not in wanted and (out / p).is_file())
        if not changed and not stale and out.is_dir():
            return []
        shutil.rmtree(staging, ignore_errors=True)  # left uncommitted by a generate that was killed
        for path in changed:
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(encoded(files[path]))
        commit(staging, {"replace": changed, "remove": stale, "manifest": wanted})
        carry_out(staging, out)
    return changed + stale


def commit(staging: Path, plan: dict[str, object]) -> None:
    staging.mkdir(parents=True, exist_ok=True)
    text = json.dumps(plan, sort_keys=True, separators=(",\n", ": ")) + "\n"
    (staging / PLAN_DRAFT).write_text(text, encoding="utf-8")
    os.replace(staging / PLAN_DRAFT, staging / PLAN)


def carry_out(staging: Path, out: Path) -> None:
    """Put a committed plan's files in place; done again from the start, it does what is left."""
    plan = json.loads((staging / PLAN).read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for path in plan["replace"]:
        source = staging / path
        if source.is_file():  # else moved already, by a run that was killed after
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, out / path)
    for path in plan["remove"]:
        (out / path).unlink(missing_ok=True)
        prune_empty(out, (out / path).parent)
    draft = out / f"{MANIFEST}.draft"
    draft.write_text(json.dumps(plan["manifest"], sort_keys=True, separators=(",\n", ": ")) + "\n",
                     encoding="utf-8")
    os.replace(draft, out / MANIFEST)  # last: what written() trusts is dated after every file it names
    shutil.rmtree(staging)


def written(out: Path, among: Collection[str] | None = None) -> set[str]:
    """The files the last generate wrote (or those `among` them) that are still there as it wrote them (by
    time: cheap)."""
    try:
        stamp = (out / MANIFEST).stat().st_mtime
    except OSError:
        return set()
    paths = manifest(out).keys() if among is None else set(among) & manifest(out).keys()
    return {path for path in paths if untouched(out / path, stamp)}


def untouched(path: Path, stamp: float) -> bool:
    try:
        return path.stat().st_mtime <= stamp
    except OSError:
        return False


def manifest(out: Path) -> dict[str, str]:
    """What the last generate wrote: path -> hash of its text."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One generate at a time per output folder; a second is refused with a message, never interleaved."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / f".{out.name}.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise OutputError(f"another briefing generate is writing {out} (pid {handle.read().strip() or '?'}); "
                              "wait for it to finish, then run again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            staging = out.parent / f".{out.name}.staging"
            if (staging / PLAN).is_file():
                carry_out(staging, out)  # committed by a generate killed before it was done
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prune_empty(out: Path, folder: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
