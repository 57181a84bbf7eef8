"""The id ledger: the ids earlier outputs gave, by every name and alias of an entity and by each report of an
event. Resolution reads it, so that a new article that adds an alias to an entity or a source to an event
moves no page."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..model import Briefing
from .clusters import KEYS


@dataclass(frozen=True)
class Ledger:
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind -> key of a name -> id."""
    events: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article id, event title) -> id."""

    @classmethod
    def of(cls, briefing: Briefing) -> Ledger:
        entities: dict[str, dict[str, str]] = {}
        for kind, keys_of in KEYS.items():
            for e in getattr(briefing, kind):
                for form in (e.name, *e.aliases):
                    for key in sorted(keys_of(form)):
                        entities.setdefault(kind, {}).setdefault(key, e.id)
        return cls(entities, {(a, e.title): e.id for e in briefing.events for a in e.articles})

    def dumps(self) -> str:
        events = sorted([article, title, i] for (article, title), i in self.events.items())
        return json.dumps({"entities": self.entities, "events": events}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> Ledger:
        """The ledger `dumps` wrote; an empty one where it cannot be read."""
        try:
            data = json.loads(text)
            return cls(data.get("entities", {}), {(a, title): i for a, title, i in data.get("events", [])})
        except (ValueError, TypeError, AttributeError):
            return cls()
