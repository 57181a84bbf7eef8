"""Writing: the rendered pages into the output folder, all at once or not at all.

The new tree is made in a staging folder beside the output; then the two folders swap places in one
atomic step (Linux renameat2 RENAME_EXCHANGE), so a generate that fails or is killed leaves the previous
output exactly as it was. The staging folder is kept after the swap: it holds the previous tree, whose
files are hard links to the output's but for those the last generate changed. The next generate levels
it with the output by comparing inode numbers, which come with the folder listings (no stat of each
file), then writes what changed into it: so writing costs what this generate and the last one changed,
not the whole tree. A staged file is never written through its link: the link is removed first.
Hand-written files in the folder are carried over; the generator only removes what its manifest says it
wrote. One generate at a time: a second one is refused.
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

from ..errors import OutputError

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
    with locked(out):
        staging = Staging(out, force)
        staging.stage(files)
        return staging.commit(kept)


Staged = dict[str, tuple[str, bool]]
"""Path -> the digest of its bytes, and whether they differ from the file's (and so were staged)."""


class Staging:
    """The next tree of an output folder, made beside it; files may be staged by several processes (forked
    from the one that commits), each handing back what it staged. Used while the folder is `locked`."""

    def __init__(self, out: Path, force: bool = False) -> None:
        self.out, self.force = out, force
        self.folder = staging_folder(out)
        self.before = manifest(out)
        self.staged: Staged = {}
        self.there = level_with(self.folder, out)
        """The files in the output folder."""

    def stage(self, files: Mapping[str, str | bytes]) -> Staged:
        """Stage the files whose bytes are not those of the output; returns what it staged (for take)."""
        for path in files:
            check_path(path)
        staged: Staged = {}
        with room_in(self.folder):
            for path, text in files.items():
                data = encoded(text)
                h = digest(data)
                change = self.force or self.before.get(path) != h or not (self.out / path).is_file()
                if change:
                    replace_in(self.folder, path, data)
                staged[path] = (h, change)
        self.staged.update(staged)
        return staged

    def written(self, among: Collection[str]) -> set[str]:
        """Those of these files that are in the output as the last generate wrote them (see `written`)."""
        return written(self.out, self.before, among)

    def still_there(self) -> set[str]:
        """The files the last generate wrote that the output still holds. One edited since is among them:
        where its text is to stay the same, it stays as edited."""
        return self.there & self.before.keys()

    def take(self, staged: Staged) -> None:
        """What another process staged."""
        self.staged.update(staged)

    def commit(self, kept: Collection[str] = ()) -> list[str]:
        """The output becomes the staged files and the `kept` ones it holds, as they are, in one step;
        returns the paths written or removed."""
        wanted = {path: h for path, (h, _) in self.staged.items()} | {path: self.before[path] for path in kept}
        changed = sorted(path for path, (_, change) in self.staged.items() if change)
        stale = sorted(p for p in self.before if p not in wanted and (self.out / p).is_file())
        if not changed and not stale and self.out.is_dir():
            return []
        for path in stale:
            (self.folder / path).unlink(missing_ok=True)
            prune_empty(self.folder, (self.folder / path).parent)
        with room_in(self.folder):
            replace_in(self.folder, MANIFEST, json.dumps(wanted, sort_keys=True, separators=(",\n", ": ")) + "\n")
        swap(self.folder, self.out)
        return changed + stale


@contextlib.contextmanager
def room_in(staging: Path) -> Iterator[None]:
    """A full disk is one line naming the folder, and the half-made staging folder is removed (the output
    was not touched)."""
    try:
        yield
    except OSError as e:
        if e.errno != errno.ENOSPC:
            raise
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{staging.parent}: no space left on the device; free some and run again "
                          "(nothing was changed)") from None


def staging_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.staging"


def write_atomically(path: Path, text: str) -> None:
    """A file written whole or not at all: a partial copy beside it, moved into place."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def replace_in(folder: Path, path: str, text: str | bytes) -> None:
    """Write a file of the staging folder anew: where it is a link to the output's file, never through it."""
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    target.write_bytes(encoded(text))


def level_with(staging: Path, out: Path) -> set[str]:
    """Make `staging` the tree `out` is: each of its files as a hard link (the same bytes and times), and
    nothing else; returns those files. Files already linked are left alone: after a generate, all but what
    it changed."""
    have, have_folders = tree(staging)
    want, want_folders = tree(out)
    if have_folders & want.keys() or have.keys() & want_folders:  # a file where a folder was: start afresh
        shutil.rmtree(staging)
        have, have_folders = {}, set()
    top, into = os.fspath(out), os.fspath(staging)
    os.makedirs(into, exist_ok=True)
    for folder in sorted(want_folders - have_folders):
        os.makedirs(os.path.join(into, folder), exist_ok=True)
    for path in have.keys() - want.keys():
        os.unlink(os.path.join(into, path))
    for folder in sorted(have_folders - want_folders, reverse=True):
        shutil.rmtree(os.path.join(into, folder), ignore_errors=True)
    for path, inode in want.items():
        if have.get(path) != inode:
            if path in have:
                os.unlink(os.path.join(into, path))
            os.link(os.path.join(top, path), os.path.join(into, path), follow_symlinks=False)
    return set(want)


def tree(top: Path) -> tuple[dict[str, int], set[str]]:
    """Every file under `top` (relative path -> inode number) and every folder. Plain strings and scandir,
    not Paths: at 20,000 files their overhead would be most of the time."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    if not top.is_dir():
        return files, folders
    todo = [""]
    while todo:
        folder = todo.pop()
        with os.scandir(os.path.join(top, folder)) as entries:
            for entry in entries:
                path = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(path)
                    todo.append(path)
                else:
                    files[path] = entry.inode()
    return files, folders


def written(out: Path, wrote: Mapping[str, str], among: Collection[str]) -> set[str]:
    """Those `among` the files the last generate wrote (its manifest, `wrote`) that are still there as it
    wrote them (by time: cheap)."""
    try:
        stamp = (out / MANIFEST).stat().st_mtime
    except OSError:
        return set()
    return {path for path in set(among) & wrote.keys() if untouched(out / path, stamp)}


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


def swap(staging: Path, out: Path) -> None:
    """Put `staging` in the place of `out` in one step (Linux renameat2 RENAME_EXCHANGE), and the old
    `out` in its place; elsewhere three renames, undone at the next start if interrupted."""
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
    if old.is_dir():  # a swap by renames was interrupted: the output is the new tree, or else the old one
        os.rename(old, out) if not out.exists() else shutil.rmtree(old)
    path = out.parent / f".{out.name}.lock"
    with open(path, "a+") as handle:
        try:
            # a POSIX lock, not flock: forked helpers do not hold it, so it ends with the generate, even killed
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            handle.seek(0)
            raise OutputError(f"another briefing run is writing {out} (pid {handle.read().strip() or '?'}); "
                              "wait for it to finish, then run again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)


def prune_empty(out: Path, folder: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
