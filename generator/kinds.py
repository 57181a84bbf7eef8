"""The kinds of entity: the one table every stage reads. Adding a kind is a row here (and its templates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    name: str
    """The Briefing's field, the export's key, the registry's section and the folder of the pages: "people"."""
    one: str
    """What one of them is called, as a facet and a page label: "Person"."""
    section: str
    """The title of the section that lists them: "People"."""
    hubs: bool
    """Whether one named at very many events lists them by year (a mechanism lists its sessions instead)."""


KINDS = (
    EntityKind("people", "Person", "People", hubs=True),
    EntityKind("organizations", "Organization", "Organizations", hubs=True),
    EntityKind("mechanisms", "Mechanism", "Mechanisms", hubs=False),
    EntityKind("places", "Place", "Places", hubs=True),
)
ENTITY_KINDS = tuple(kind.name for kind in KINDS)
BY_NAME = {kind.name: kind for kind in KINDS}
PEOPLE, ORGANIZATIONS, MECHANISMS, PLACES = ENTITY_KINDS
