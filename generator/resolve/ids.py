"""The id ledger: the ids earlier outputs gave, by every name and alias of an entity and by each report of an
event, the addresses that moved and where to, and the day each event was first reported. It lives with the
seeds (seeds/ids.json) and is committed with them, so that a fresh clone builds the addresses the machine
that added the seeds built. Resolution reads it: a new article that adds an alias to an entity or a source
to an event moves no page, and a page that must move (two events merged, an entity renamed) leaves a
redirect behind."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LedgerError
from ..model import Briefing
from ..write.writing import write_atomically
from .clusters import KEYS

EVENTS = "events"
"""The ledger's name for events among the kinds of entity, in `moved`."""


@dataclass(frozen=True)
class Ledger:
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind -> key of a name -> id."""
    events: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article id, event title) -> id."""
    moved: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind (or "events") -> an id an earlier output gave and no page has now -> the id it became."""
    reported: dict[str, str] = field(default_factory=dict)
    """Event id -> the day it was first reported."""

    @classmethod
    def of(cls, briefing: Briefing) -> Ledger:
        entities: dict[str, dict[str, str]] = {}
        for kind, keys_of in KEYS.items():
            for e in getattr(briefing, kind):
                for form in (e.name, *e.aliases):
                    for key in sorted(keys_of(form)):
                        entities.setdefault(kind, {}).setdefault(key, e.id)
        moved: dict[str, dict[str, str]] = {}
        for kind, old, new in briefing.moved:
            moved.setdefault(kind, {})[old] = new
        return cls(entities, {(a, e.title): e.id for e in briefing.events for a in e.articles}, moved,
                   {e.id: e.reported for e in briefing.events if e.reported})

    def moves(self, now: Ledger, live: dict[str, set[str]]) -> tuple[tuple[str, str, str], ...]:
        """(kind, old id, id now) for every id this ledger gave that no entity or event of `live` has: it
        became the id its names (or reports) have in `now`. Moves kept from before are followed to an id
        that is live; an old id whose names are gone altogether moves nowhere."""
        found: dict[tuple[str, str], str] = {}
        for kind, keys in self.entities.items():
            for key, old in keys.items():
                if key in now.entities.get(kind, {}):
                    found.setdefault((kind, old), now.entities[kind][key])
        for report, old in self.events.items():
            if report in now.events:
                found.setdefault((EVENTS, old), now.events[report])
        for kind, olds in self.moved.items():
            for old, new in olds.items():
                found.setdefault((kind, old), new)
        out = []
        for (kind, old), new in sorted(found.items()):
            seen = {old}
            while new not in live.get(kind, set()) and (kind, new) in found and new not in seen:
                seen.add(new)
                new = found[(kind, new)]
            if old not in live.get(kind, set()) and new in live.get(kind, set()):
                out.append((kind, old, new))
        return tuple(out)

    def dumps(self) -> str:
        """One entry a line, sorted: a new seed's ids show in a review as the lines it adds."""
        events = sorted([article, title, i] for (article, title), i in self.events.items())
        data = {"entities": self.entities, "events": events, "moved": self.moved, "reported": self.reported}
        return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, text: str) -> Ledger:
        """The ledger `dumps` wrote. ValueError, saying what is wrong, where it is not one."""
        try:
            data = json.loads(text)
        except ValueError as e:
            raise ValueError(f"not JSON ({e})") from None
        try:
            return cls({k: dict(v) for k, v in data.get("entities", {}).items()},
                       {(a, title): i for a, title, i in data.get("events", [])},
                       {k: dict(v) for k, v in data.get("moved", {}).items()},
                       dict(data.get("reported", {})))
        except (TypeError, ValueError, AttributeError):
            raise ValueError("JSON, but not an id ledger (entities, events, moved, reported)") from None


def read_ledger(path: Path) -> Ledger:
    """The ledger of a seeds folder; an empty one where there is none yet (the first generate)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Ledger()
    except (OSError, UnicodeDecodeError) as e:
        raise LedgerError(f"{path}: cannot be read ({e})") from None
    try:
        return Ledger.loads(text)
    except ValueError as e:
        raise LedgerError(f"{path}: {e}. It keeps every page at its address: restore it (git checkout -- {path}), "
                          "or delete it to let pages take new addresses") from None


def write_ledger(path: Path, ledger: Ledger) -> None:
    """Write the ledger where it differs, whole or not at all."""
    text = ledger.dumps()
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        write_atomically(path, text)
    except OSError as e:
        raise LedgerError(f"{path}: the id ledger cannot be written ({e.strerror}); the pages were written, but a "
                          "fresh clone of the seeds will not find them at the same addresses") from None
