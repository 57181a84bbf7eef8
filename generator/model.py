"""The typed data each stage hands to the next. Frozen: a stage returns new objects, never edits old ones.

Dates are strings as precise as the text allows: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None where unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .kinds import ENTITY_KINDS, MECHANISMS, ORGANIZATIONS, PEOPLE, PLACES

Key = tuple[str, str]
"""(kind, id) of an event, entity or article."""
"""The kinds of entity, as the Briefing's fields, the export's keys and the registry's sections name them."""


@dataclass(frozen=True)
class Seed:
    """One file of the seeds folder, decoded."""

    file: str
    """The file name as found in the seeds folder."""
    text: str
    """The whole text, decoded, line ends normalized to \\n."""
    sha256: str
    """Hash of the file's bytes."""


@dataclass(frozen=True)
class Article:
    """A seed with its page furniture removed and its metadata read."""

    id: str
    file: str
    sha256: str
    title: str
    """The headline, or the first sentence cut short where the page has none."""
    published: str | None
    """Publication date from the date line or a date stamp; None where the page gives none."""
    dateline: str | None
    """The place of the dateline (TOKYO | Xinhua | -> Tokyo)."""
    source: str | None
    """The outlet or agency the dateline names."""
    paragraphs: tuple[str, ...]
    """The cleaned body, furniture removed, one string a paragraph."""
    reference_year: int | None
    """The year undated expressions such as "June 21st" belong to: the publication year, else the headline's."""
    headline: bool = False
    """Whether `title` is a headline the page carries (rather than a shortened first sentence)."""


@dataclass(frozen=True)
class PersonMention:
    name: str
    """The fullest form the article gives."""
    aliases: tuple[str, ...] = ()
    """Other forms in the article: the surname, a name without its middle initial."""
    roles: tuple[str, ...] = ()
    """Every title the article states for the person, as stated."""


@dataclass(frozen=True)
class OrgMention:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MechanismMention:
    name: str
    aliases: tuple[str, ...] = ()
    established: int | None = None
    """The year the text says the mechanism was set up."""


@dataclass(frozen=True)
class Participant:
    name: str
    """The person's name as the article's PersonMention has it."""
    role: str | None


@dataclass(frozen=True)
class Statement:
    speaker: str
    """The person's name as the article's PersonMention has it."""
    text: str
    """The source sentence, verbatim."""


@dataclass(frozen=True)
class EventMention:
    """An event as one article reports it."""

    title: str
    date: str | None
    end_date: str | None
    place: str | None
    mechanism: str | None
    """The name of a MechanismMention of the same article."""
    session: int | None
    participants: tuple[Participant, ...]
    organizations: tuple[str, ...]
    summary: str
    outcomes: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()
    leaders: tuple[str, ...] = ()
    """Participants the article says led or headed a delegation, or chaired or co-chaired the event."""


@dataclass(frozen=True)
class Extraction:
    """Everything one article names, before it is matched with the other articles."""

    article: Article
    people: tuple[PersonMention, ...]
    organizations: tuple[OrgMention, ...]
    mechanisms: tuple[MechanismMention, ...]
    places: tuple[str, ...]
    events: tuple[EventMention, ...]


# --- the resolved briefing: one entity per real thing, referenced by id -------------------------


@dataclass(frozen=True)
class Role:
    title: str
    article: str
    """Id of the article that states it."""
    organization: str | None = None
    """Id of the organization the title names, where it names one the article mentions."""
    event: str | None = None
    """Id of the event the person held it at, where the article reports one."""
    date: str | None = None
    """The date of that event, or the article's publication date."""


@dataclass(frozen=True)
class Entity:
    """A resolved person, organization, mechanism or place."""

    kind: str
    """people, organizations, mechanisms or places: also the folder of its page."""
    id: str
    name: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    events: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    """People only."""
    established: int | None = None
    """Mechanisms only."""

    @property
    def page(self) -> str:
        return f"{self.kind}/{self.id}.md"


@dataclass(frozen=True)
class ResolvedStatement:
    person: str
    """Person id."""
    text: str
    article: str


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: str | None
    end_date: str | None
    place: str | None
    """Place id."""
    mechanism: str | None
    """Mechanism id."""
    session: int | None
    participants: tuple[tuple[str, str | None], ...]
    """(person id, role at this event)."""
    organizations: tuple[str, ...]
    articles: tuple[str, ...]
    summary: str
    outcomes: tuple[str, ...]
    statements: tuple[ResolvedStatement, ...]
    reported: str | None = None
    """The day the event was first reported: its earliest source's, as the ledger kept it from the first
    output that had the event (a source added later, however old, makes it no older news)."""
    parties: tuple[str, ...] = ()
    """The countries and blocs on its sides, the one most often a party across the briefing first."""
    kind: str | None = None
    """The kind of exchange (see generator/resolve/exchanges.py): "party-to-party", "media" ..."""
    leaders: tuple[tuple[str, str | None], ...] = ()
    """(person id, the party they led where their title names it): who led each side, as the sources say."""

    @property
    def page(self) -> str:
        return f"events/{self.id}.md"

    @property
    def relationship(self) -> str:
        """"China–Japan": the parties, as digests group events; a gathering of four or more is multilateral."""
        if not self.parties:
            return "Parties not stated"
        return "–".join(self.parties) if len(self.parties) <= 3 else "Multilateral"

    def named(self) -> set[Key]:
        """What the event's page and row name: its people, organizations, place and mechanism."""
        out = {(PEOPLE, p) for p, _ in self.participants} | {(PEOPLE, s.person) for s in self.statements}
        out |= {(ORGANIZATIONS, o) for o in self.organizations}
        out |= {(PLACES, self.place)} if self.place else set()
        return out | ({(MECHANISMS, self.mechanism)} if self.mechanism else set())


@dataclass(frozen=True)
class ArticleRecord:
    """An article with the ids of everything resolved from it."""

    article: Article
    events: tuple[str, ...]
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    mechanisms: tuple[str, ...]
    places: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.article.id

    def named(self) -> set[Key]:
        """Everything the article names."""
        return {(kind, i) for kind in ENTITY_KINDS for i in getattr(self, kind)}

    @property
    def page(self) -> str:
        return f"articles/{self.article.id}.md"


@dataclass(frozen=True)
class Briefing:
    """The whole resolved graph: what pages and the export are made from."""

    articles: tuple[ArticleRecord, ...]
    events: tuple[Event, ...]
    people: tuple[Entity, ...]
    organizations: tuple[Entity, ...]
    mechanisms: tuple[Entity, ...]
    places: tuple[Entity, ...]
    skipped: tuple[str, ...] = field(default=())
    """Messages for seeds left out by --skip-invalid."""
    moved: tuple[tuple[str, str, str], ...] = field(default=())
    """(kind or "events", an id an earlier output gave, the id it became): addresses that redirect."""
