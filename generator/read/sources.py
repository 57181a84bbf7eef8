"""Read the seeds folder: every *.txt file that is a regular file inside it, decoded and checked for being
text at all, and small enough that extracting it takes seconds, not minutes."""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import stat
from pathlib import Path

from ..errors import SeedError
from ..model import Seed

MAX_BYTES = 500_000
"""Longer files are not news articles (a dump, a book); extraction time grows with length, so they are
refused rather than taking minutes."""
MAX_LINE = 100_000
"""Characters in one line: a paragraph is one pass of the statistical model, which refuses 1,000,000."""
SUFFIX = ".txt"

log = logging.getLogger(__name__)


def seed_files(folder: Path) -> tuple[list[Path], list[SeedError]]:
    """The seed files of `folder`, in a stable order, and the *.txt entries refused (a link out of the
    folder or in a loop, a device or a pipe). What only looks like a seed is named in a warning."""
    if not folder.is_dir():
        raise SeedError(str(folder), "no such folder: pass --seeds DIR with your articles (*.txt)")
    root = folder.resolve()
    files: list[Path] = []
    refused: list[SeedError] = []
    with os.scandir(folder) as listing:  # file types come with the listing: no stat of each plain file
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if not entry.name.endswith(SUFFIX):
            if entry.name.lower().endswith(SUFFIX):
                log.warning("%s: not read: seeds end in lower-case %s; rename it to use it", entry.name, SUFFIX)
            continue
        try:
            ignored = not_a_seed(entry, root)
        except SeedError as e:
            refused.append(e)
            continue
        if ignored:
            log.warning("%s: not read: %s", entry.name, ignored)
        else:
            files.append(folder / entry.name)
    return files, refused


def not_a_seed(entry: os.DirEntry[str], root: Path) -> str | None:
    """Why a *.txt entry is left out with a warning (a folder, a dangling link), or None where it is a seed;
    raises where it must not be read at all."""
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not Path(target).is_relative_to(root):
            raise SeedError(entry.name, f"a link to {target}, outside the seeds folder: copy the article into "
                                        "the folder instead (nothing outside it is published)")
        try:
            os.stat(entry.path)
        except FileNotFoundError:
            return f"a link to {target}, which does not exist"
        except OSError as e:
            raise SeedError(entry.name, f"a link that cannot be followed ({e.strerror}): replace it with "
                                        "the article's file") from None
    if entry.is_dir():
        return "a folder, not an article"
    if not entry.is_file():
        raise SeedError(entry.name, "not a regular file (a device, pipe or socket): seeds are text files")
    return None


def read_seed(path: Path) -> Seed:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise SeedError(path.name, "not a regular file (a device, pipe or socket): seeds are text files")
        data = path.read_bytes()
    except OSError as e:
        raise SeedError(path.name, f"cannot be read ({e.strerror}): check its permissions") from None
    return Seed(file=path.name, text=decode(data, path.name), sha256=hashlib.sha256(data).hexdigest())


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (a BOM tolerated), or UTF-16 where a BOM says so. Anything else is refused."""
    if len(data) > MAX_BYTES:
        raise SeedError(name, f"{len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one article: "
                              "split it into its articles")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise SeedError(name, "binary file (it contains NUL bytes): seeds must be plain UTF-8 text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise SeedError(name, f"not valid UTF-8 (byte {e.start}): re-save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SeedError(name, "empty: the file holds no text")
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE:
        raise SeedError(name, f"a line of {len(longest):,} characters is over the {MAX_LINE:,}-character limit "
                              "for one paragraph: put each paragraph on a line of its own")
    return text
