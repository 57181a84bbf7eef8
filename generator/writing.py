"""Writing: the rendered pages into the output folder, all at once or not at all.

The new tree is staged beside the old one: unchanged files are hard links (their bytes and times
untouched), changed files are written anew, pages that no longer exist are left out. Then the two
folders swap places in one atomic step, so a generate that fails or is killed leaves the previous
output exactly as it was. Hand-written files in the folder are carried over; the generator only
removes what its manifest says it wrote. One generate at a time: a second one is refused.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".briefing-manifest.json"


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
        shutil.rmtree(staging, ignore_errors=True)  # left by a generate that was killed
        before = manifest(out)
        wanted = {path: digest(text) for path, text in files.items()}
        changed = sorted(p for p, h in wanted.items() if force or before.get(p) != h or not (out / p).is_file())
        wanted |= {path: before[path] for path in kept}
        stale = sorted(p for p in before if p not in wanted and (out / p).is_file())
        if not changed and not stale and out.is_dir():
            return []
        link_tree(out, staging)
        for path in stale:
            (staging / path).unlink()
            prune_empty(staging, (staging / path).parent)
        for path in changed:
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a hard link to the live file: never write through it
            target.write_bytes(encoded(files[path]))
        (staging / MANIFEST).unlink(missing_ok=True)
        (staging / MANIFEST).write_text(json.dumps(wanted, sort_keys=True, separators=(",\n", ": ")) + "\n", encoding="utf-8")
        swap(staging, out)
        shutil.rmtree(staging, ignore_errors=True)  # now the previous tree
    return changed + stale


def written(out: Path) -> set[str]:
    """The files the last generate wrote that are still there as it wrote them (by size and time: cheap)."""
    try:
        stamp = (out / MANIFEST).stat().st_mtime
    except OSError:
        return set()
    return {path for path in manifest(out) if untouched(out / path, stamp)}


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


def link_tree(source: Path, target: Path) -> None:
    """A copy of `source` made of hard links: instant, and every file keeps its bytes and times. Plain
    strings, not Paths: at 20,000 files their overhead is most of the time."""
    target.mkdir(parents=True)
    if not source.is_dir():
        return
    top, into = os.fspath(source), os.fspath(target)
    for folder, dirs, names in os.walk(top):
        copy = into + folder[len(top):]
        for d in dirs:
            os.mkdir(os.path.join(copy, d))
        for name in names:
            os.link(os.path.join(folder, name), os.path.join(copy, name))


def swap(staging: Path, out: Path) -> None:
    """Put `staging` in the place of `out` in one step (Linux renameat2 RENAME_EXCHANGE); elsewhere two
    renames, undone at the next start if interrupted between them."""
    if not out.exists():
        os.rename(staging, out)
        return
    if exchange(staging, out):
        return
    old = out.parent / f".{out.name}.old"
    os.rename(out, old)
    os.rename(staging, out)
    os.rename(old, staging)


def exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.EXDEV):
        return False
    raise OutputError(f"cannot swap {a} into {b}: {os.strerror(ctypes.get_errno())}")


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One generate at a time per output folder; a second is refused with a message, never interleaved."""
    out.parent.mkdir(parents=True, exist_ok=True)
    old = out.parent / f".{out.name}.old"
    if old.is_dir() and not out.exists():
        os.rename(old, out)  # a two-rename swap was interrupted: put the previous output back
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
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prune_empty(out: Path, folder: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
