"""Read the seeds folder: every *.txt file, decoded and checked for being text at all."""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from ..errors import SeedError
from ..model import Seed

MAX_BYTES = 2_000_000
"""Larger files are not news articles (a dump, a binary); they are refused rather than half-read."""


def seed_files(folder: Path) -> list[Path]:
    """The seed files of `folder`, in a stable order."""
    if not folder.is_dir():
        raise SeedError(str(folder), "no such folder: pass --seeds DIR with your articles (*.txt)")
    with os.scandir(folder) as entries:  # file types come with the listing: no stat of each file
        names = sorted(e.name for e in entries if os.path.splitext(e.name)[1] == ".txt" and e.is_file())
    return [folder / name for name in names]


def read_seed(path: Path) -> Seed:
    data = path.read_bytes()
    return Seed(file=path.name, text=decode(data, path.name), sha256=hashlib.sha256(data).hexdigest())


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (a BOM tolerated), or UTF-16 where a BOM says so. Anything else is refused."""
    if len(data) > MAX_BYTES:
        raise SeedError(name, f"{len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one article")
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
    return text
