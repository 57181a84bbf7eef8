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
    exchanges:                      # kinds of exchange: words that make an event one (added to the
      - name: sports                # table of generator/resolve/exchanges.py; a kind it has gains words)
        words: [football, olympic]

It is applied after detection: any detected entity whose name or alias is listed joins that entry.
The pipeline does well with no registry at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..errors import RegistryError
from ..kinds import ENTITY_KINDS, KINDS

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_IDS = {"index", "years", "events", "articles", *(kind.name for kind in KINDS)}
"""Ids that are the name of a listing page or folder: a page under them would take its place."""
FIELDS = {"name", "aliases", "id", "articles"}
EXCHANGES = "exchanges"


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()
    id: str | None = None
    articles: tuple[str, ...] = ()
    """Seed files the entry is limited to: its names elsewhere are another entity (a split)."""
    line: int = 0
    """Where the entry starts in registry.yml."""


@dataclass(frozen=True)
class Registry:
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    exchanges: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kind of exchange -> more words that make an event that kind."""

    @cached_property
    def _splits(self) -> dict[tuple[str, str, str], int]:
        found: dict[tuple[str, str, str], int] = {}
        for kind, entries in self.entries.items():
            for i, e in enumerate(entries):
                for file in e.articles:
                    for name in (e.name, *e.aliases):
                        found.setdefault((kind, file, name), i)
        return found

    @cached_property
    def _pins(self) -> dict[tuple[str, str], str]:
        found: dict[tuple[str, str], str] = {}
        for kind, entries in self.entries.items():
            for e in entries:
                if e.id:
                    found.setdefault((kind, e.name), e.id)
        return found

    def split_for(self, kind: str, name: str, file: str) -> int | None:
        """The number of the split entry that takes this name in this seed file, if any."""
        return self._splits.get((kind, file, name))

    def pinned_id(self, kind: str, cluster: Any) -> str | None:
        """The id an entry pins for a resolved cluster it is part of."""
        return self._pins.get((kind, cluster.name()))


class Located(dict):  # type: ignore[type-arg]
    """A YAML mapping that knows the line it starts on."""

    line = 0


class LineLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    pass


def located_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    mapping = Located(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor("tag:yaml.org,2002:map", located_mapping)


def load_registry(path: Path) -> Registry:
    """The registry at `path` (none where there is no file); every problem is listed at once, each with
    the line of its entry."""
    if not path.is_file():
        return Registry()
    try:
        data = yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=LineLoader) or {}
    except UnicodeDecodeError as e:
        raise RegistryError(f"{path}: not valid UTF-8 (byte {e.start}): re-save the file as UTF-8") from None
    except yaml.YAMLError as e:
        raise RegistryError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict) or set(data) - {*ENTITY_KINDS, EXCHANGES}:
        raise RegistryError(f"{path}: expected a mapping with keys among {', '.join((*ENTITY_KINDS, EXCHANGES))}")
    entries: dict[str, tuple[Entry, ...]] = {}
    problems: list[str] = []
    for kind in ENTITY_KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            problems.append(f"line {getattr(data, 'line', 1)}: '{kind}' must be a list of entries with a name")
            continue
        read = [entry(kind, i, item, problems) for i, item in enumerate(items)]
        entries[kind] = tuple(e for e in read if e)
        problems += clashes(kind, entries[kind])
    exchanges = exchange_words(data.get(EXCHANGES) or [], problems)
    if problems:
        listed = "\n".join(f"  {path}: {p}" for p in problems)
        raise RegistryError(f"{len(problems)} problem(s) in the registry:\n{listed}")
    return Registry(entries, exchanges)


def exchange_words(items: Any, problems: list[str]) -> dict[str, tuple[str, ...]]:
    """The `exchanges:` section: each kind's name and the words that make an event that kind."""
    if not isinstance(items, list):
        problems.append(f"'{EXCHANGES}' must be a list of entries with a name and words")
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for i, item in enumerate(items):
        where = f"line {getattr(item, 'line', '?')}: {EXCHANGES}[{i}]"
        words = item.get("words") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip() \
                or not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words) \
                or set(item) - {"name", "words"}:
            problems.append(f"{where} needs a 'name' (a non-empty string) and 'words' (a list of words), "
                            "and nothing else")
            continue
        name = item["name"].strip()
        found[name] = found.get(name, ()) + tuple(w.strip().lower() for w in words)
    return found


def entry(kind: str, i: int, item: Any, problems: list[str]) -> Entry | None:
    """One entry, or None with its problems noted."""
    where = f"line {getattr(item, 'line', '?')}: {kind}[{i}]"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        problems.append(f"{where} needs a 'name' (a non-empty string)")
        return None
    where += f" '{item['name'].strip()}'"
    found = len(problems)
    if set(item) - FIELDS:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(map(str, set(item) - FIELDS)))}; "
                        f"an entry has {', '.join(sorted(FIELDS))}")
    lists = {key: item.get(key) or [] for key in ("aliases", "articles")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            problems.append(f"{where}: '{key}' must be a list of strings")
    id_ = item.get("id")
    if id_ is not None and (not isinstance(id_, str) or not ID.fullmatch(id_)):
        problems.append(f"{where}: id {id_!r} must be lower-case letters and digits joined by hyphens "
                        "(such as xi-jinping)")
    elif id_ in RESERVED_IDS:
        problems.append(f"{where}: id '{id_}' is the name of a listing page; choose another")
    if len(problems) > found:
        return None
    return Entry(item["name"].strip(), tuple(lists["aliases"]), id_, tuple(lists["articles"]), getattr(item, "line", 0))


def clashes(kind: str, entries: tuple[Entry, ...]) -> list[str]:
    """One id per entity, and one entity per name: an id or a name under two entries would merge or hide
    one of them. Split entries share names with others on purpose; they are limited to their articles."""
    problems = []
    ids: dict[str, Entry] = {}
    names: dict[str, Entry] = {}
    for e in entries:
        if e.id:
            first = ids.setdefault(e.id, e)
            if first is not e:
                problems.append(f"line {e.line}: {kind} '{e.name}' has the id '{e.id}' of '{first.name}' "
                                f"(line {first.line}); give each entry its own")
        if e.articles:
            continue
        for name in dict.fromkeys((e.name, *e.aliases)):
            first = names.setdefault(name, e)
            if first is not e:
                problems.append(f"line {e.line}: {kind} '{e.name}' lists '{name}', which is already "
                                f"'{first.name}' (line {first.line}); merge the two entries or drop the name")
    return problems
