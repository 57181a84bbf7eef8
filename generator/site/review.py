"""The review queue: what an editor should look at, and perhaps settle in seeds/registry.yml."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Briefing


@dataclass(frozen=True)
class Item:
    kind: str
    subject: str
    why: str

    def __str__(self) -> str:
        return f"{self.kind:13} {self.subject}: {self.why}"


def review_queue(briefing: Briefing) -> list[Item]:
    items = []
    for person in briefing.people:
        if len(person.name.split()) == 1:
            items.append(Item("person", person.name, "a single name: a surname not tied to a full name? "
                                                       "add it as an alias in registry.yml"))
        elif len(person.articles) == 1 and not person.roles:
            items.append(Item("person", person.name, f"seen once ({person.articles[0]}) with no title"))
    for org in briefing.organizations:
        if len(org.articles) == 1 and len(org.name.split()) == 1 and not org.aliases:
            items.append(Item("organization", org.name, f"a one-word name seen once ({org.articles[0]})"))
    for event in briefing.events:
        missing = [what for what, value in (("date", event.date), ("place", event.place)) if not value]
        if missing:
            items.append(Item("event", event.title, f"no {' and no '.join(missing)} in {', '.join(event.articles)}"))
    sessions = {e.mechanism for e in briefing.events if e.session}
    for mechanism in briefing.mechanisms:
        if mechanism.id not in sessions:
            items.append(Item("mechanism", mechanism.name, "no numbered session reported"))
    return items
