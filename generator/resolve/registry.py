"""The editorial registry, seeds/registry.yml: what an editor decides once so it holds on every rebuild.

    people:
      - name: Xi Jinping            # the canonical name shown on pages
        aliases: [President Xi]     # other forms that are the same person (a merge)
        id: xi-jinping              # optional: pin the page address (a correction that holds)
      - name: Li Wei (CGTN)         # a split: in these articles, "Li Wei" is this person, not the
        aliases: [Li Wei]           # Li Wei of the other articles
        articles: [2024-05-01_ab12cd34ef56ab78.txt]
    organizations: [...]
    mechanisms: [...]
    places: [...]

It is applied after detection: any detected entity whose name or alias is listed joins that entry.
The pipeline does well with no registry at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import RegistryError
from ..kinds import ENTITY_KINDS


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()
    id: str | None = None
    articles: tuple[str, ...] = ()
    """Seed files the entry is limited to: its names elsewhere are another entity (a split)."""


@dataclass(frozen=True)
class Registry:
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def split_for(self, kind: str, name: str, file: str) -> Entry | None:
        """The split entry that takes this name in this seed file, if any."""
        return next((e for e in self.entries.get(kind, ()) if file in e.articles and name in (e.name, *e.aliases)), None)

    def pinned_id(self, kind: str, cluster: Any) -> str | None:
        """The id an entry pins for a resolved cluster it is part of."""
        for entry in self.entries.get(kind, ()):
            if entry.id and entry.name == cluster.name():
                return entry.id
        return None


def load_registry(path: Path) -> Registry:
    if not path.is_file():
        return Registry()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise RegistryError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict) or set(data) - set(ENTITY_KINDS):
        raise RegistryError(f"{path}: expected a mapping with keys among {', '.join(ENTITY_KINDS)}")
    entries = {}
    for kind in ENTITY_KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise RegistryError(f"{path}: '{kind}' must be a list of entries with a name")
        entries[kind] = tuple(entry(path, kind, i, item) for i, item in enumerate(items))
    return Registry(entries)


def entry(path: Path, kind: str, i: int, item: Any) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise RegistryError(f"{path}: {kind}[{i}] needs a 'name' (a non-empty string)")
    lists = {key: item.get(key) or [] for key in ("aliases", "articles")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise RegistryError(f"{path}: {kind}[{i}] '{key}' must be a list of strings")
    return Entry(item["name"].strip(), tuple(lists["aliases"]), item.get("id"), tuple(lists["articles"]))
