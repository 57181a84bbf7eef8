"""The kinds of entity: the one table every stage reads. Adding a kind is a row here (and its templates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    name: str
    """The Briefing's field, the export's key, the registry's section and the folder of the pages: "people"."""
    one: str
    """What one of them is called, as a page label: "Person"."""
    section: str
    """The title of the section that lists them: "People"."""
    hubs: bool
    """Whether one named at very many events lists them by year (a mechanism lists its sessions instead)."""
    followed: bool
    """Whether each has an Atom feed of its events, linked from its page: readers follow a person or a
    mechanism; an organization or a place at thousands of events would be noise."""


KINDS = (
    EntityKind("people", "Person", "People", hubs=True, followed=True),
    EntityKind("organizations", "Organization", "Organizations", hubs=True, followed=False),
    EntityKind("mechanisms", "Mechanism", "Mechanisms", hubs=False, followed=True),
    EntityKind("places", "Place", "Places", hubs=True, followed=False),
)
ENTITY_KINDS = tuple(kind.name for kind in KINDS)
BY_NAME = {kind.name: kind for kind in KINDS}
PEOPLE, ORGANIZATIONS, MECHANISMS, PLACES = ENTITY_KINDS
