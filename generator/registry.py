"""The editorial registry, seeds/registry.yml: what an editor decides once so it holds on every rebuild.

    people:
      - name: Xi Jinping            # the canonical name shown on pages
        aliases: [President Xi]     # other forms that are the same person
        id: xi-jinping              # optional: pin the page address
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

from .errors import RegistryError

KINDS = ("people", "organizations", "mechanisms", "places")


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class Registry:
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

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
    if not isinstance(data, dict) or set(data) - set(KINDS):
        raise RegistryError(f"{path}: expected a mapping with keys among {', '.join(KINDS)}")
    entries = {}
    for kind in KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise RegistryError(f"{path}: '{kind}' must be a list of entries with a name")
        entries[kind] = tuple(entry(path, kind, i, item) for i, item in enumerate(items))
    return Registry(entries)


def entry(path: Path, kind: str, i: int, item: Any) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise RegistryError(f"{path}: {kind}[{i}] needs a 'name' (a non-empty string)")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RegistryError(f"{path}: {kind}[{i}] 'aliases' must be a list of strings")
    return Entry(item["name"].strip(), tuple(aliases), item.get("id"))
