"""What each event is, as an analyst sorts it: the parties on each side (countries or blocs), the kind of
exchange, and which side each of its leaders led. Read from what the event's reports and entities say:
the mechanism's name ("China-Japan Ruling Parties ..."), the event's title, its people's titles
("Japanese Prime Minister") and the delegations its summary names ("a delegation of the Communist Party
of Vietnam")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..extract.lexicon import party_alternatives, party_forms
from ..kinds import MECHANISMS, PEOPLE
from ..model import Briefing, Entity, Event


@dataclass(frozen=True)
class ExchangeKind:
    name: str
    """As shown, and the value of an event's `kind`: "party-to-party"."""
    words: tuple[str, ...]
    """Word beginnings that make an event this kind ("parliament" is also "parliamentary")."""


# The kinds of exchange, in the order a tie is settled; the first is also every event no word places.
# seeds/registry.yml adds kinds or words (`exchanges:`).
EXCHANGE_KINDS = (
    ExchangeKind("government and diplomatic", ("foreign minist", "prime minister", "president", "premier",
                                               "diplomat", "embass", "ambassador", "talks", "summit",
                                               "strategic dialogue", "consultation", "state visit")),
    ExchangeKind("party-to-party", ("party", "parties", "cpc", "cpv", "lprp", "communist", "theoretical seminar",
                                    "international department", "politburo", "political bureau")),
    ExchangeKind("parliamentary", ("parliament", "npc", "legislat", "lawmaker", "diet", "senat", "congressional",
                                   "national assembly")),
    ExchangeKind("media", ("media", "journalis", "news agenc", "newspaper", "broadcast", "television", "reporter")),
    ExchangeKind("think tank", ("think tank", "think-tank", "scholar", "academ", "research", "institute")),
    ExchangeKind("culture", ("cultur", "arts", "artist", "film", "museum", "heritage", "music", "festival", "touris")),
    ExchangeKind("youth and education", ("youth", "student", "universit", "education", "school", "young")),
    ExchangeKind("economic", ("trade", "econom", "invest", "business", "commerce", "industr", "expo")),
)
# What says the kind, by weight: the mechanism's name most, then the event's title, then its summary.
WEIGHTS = ((MECHANISMS, 3), ("title", 2), ("summary", 1))
# "a delegation of the Communist Party of Vietnam", "a Chinese media delegation", "Japanese lawmakers", "his
# Japanese counterpart": a side.
DELEGATION = re.compile(r"\bdelegations?\s+(?:of|from)\s+(?:the\s+)?(?P<after>[A-Z][^,;.]{0,60})"
                        r"|(?P<before>\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:[a-z]+\s+){0,2}?"
                        r"(?:delegations?|lawmakers|legislators|parliamentarians|politicians|officials|diplomats|"
                        r"counterparts?)\b")
# What opens a list of the parties involved ("between", "involving"; a hyphen after its first name), and what joins
# its names: "China, Japan, and the Republic of Korea (ROK)", "the Korean and Chinese people", "Vietnam-Japan".
INVOLVED = re.compile(r"\b(?:between|among|amongst|of|involving|including|namely|from)\s+(?:the\s+)?$")
JOINED = re.compile(r"(?:\s*\([^)]{1,12}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?|\s?[-–]\s?")
# "Planetia-Fiji Maritime Dialogue": two names joined at the head of a mechanism's name are its two sides.
PAIR = re.compile(r"^(?:the\s+)?([A-Z][\w’']+)\s*[-–]\s*([A-Z][\w’']+)\b")


def characterized(briefing: Briefing, kinds: tuple[ExchangeKind, ...] = EXCHANGE_KINDS) -> Briefing:
    """Every event with its parties (most common across the briefing first), kind and leaders' sides."""
    names = {(kind, x.id): x.name for kind in (PEOPLE, MECHANISMS) for x in getattr(briefing, kind)}
    countries = {p.id: country for p in briefing.people if (country := country_of(p))}
    found = {e.id: parties_of(e, names, countries) for e in briefing.events}
    weight = Counter(p for parties in found.values() for p in parties)
    events = tuple(replace(e, parties=tuple(sorted(found[e.id], key=lambda p: (-weight[p], p))),
                           kind=kind_of(e, names, kinds), leaders=leaders_sides(e, found[e.id], countries))
                   for e in briefing.events)
    return replace(briefing, events=events)


def country_of(person: Entity) -> str | None:
    """The country or bloc a person serves, as most of their titles across the briefing name it first
    ("Chinese Foreign Minister"): what a bare "Foreign Minister" at one event leaves unsaid."""
    named = Counter(found[0] for role in person.roles if (found := parties_in(role.title)))
    return min(named, key=lambda p: (-named[p], p)) if named else None


def parties_of(e: Event, names: dict[tuple[str, str], str], countries: dict[str, str]) -> set[str]:
    """The parties the mechanism's name states, or the title's ("China-Africa", "between China and Japan");
    where neither names two, those of the title, the people's countries and the delegations together."""
    mechanism = names[(MECHANISMS, e.mechanism)] if e.mechanism else ""
    named = set(parties_in(mechanism))
    pair = PAIR.match(mechanism)
    if pair and named & (set(parties_in(pair.group(1))) | set(parties_in(pair.group(2)))):
        named |= {side for side in pair.groups() if unknown_name(side)}
    for stated in (named, set(parties_in(e.title))):
        if len(stated) >= 2:
            return stated
    found = named | set(parties_in(e.title))
    found |= {p for pid, role in e.participants if (p := side_of(pid, role, countries))}
    for m in DELEGATION.finditer(e.summary):
        found |= set(parties_in(m.group("after") or m.group("before")))
    if len(found) < 2:  # "the top diplomats of South Korea and China": the list that holds the side known
        found |= next((listed for listed in party_lists(e.summary) if not found or found & listed), set())
    return found


def party_lists(text: str) -> list[set[str]]:
    """The parties a text lists together as the ones involved ("between A and B", "involving A, B and C", "the
    A-B partnership"), list by list, of two or more; not where they went ("a visit to A and B")."""
    lists: list[list[str]] = []
    involved, end = False, None
    for m in forms_pattern().finditer(text):
        if end is None or not JOINED.fullmatch(text[end:m.start()]):
            hyphened = re.match(r"\s?[-–]\s?[A-Z]", text[m.end():]) is not None  # "the Vietnam-Japan Partnership"
            involved = hyphened or bool(INVOLVED.search(text[:m.start()]))
            lists.append([])
        if involved:
            lists[-1].append(FORMS[m.group(1)])
        end = m.end()
    return [set(names) for names in lists if len(set(names)) >= 2]


def unknown_name(word: str) -> bool:
    """A country no list knows: not a party, nor the start of one ("South" of "South Korea"), nor an acronym
    (which names a party or an office far more often than a country)."""
    return not parties_in(word) and not word.isupper() and word not in FIRST_WORDS


def kind_of(e: Event, names: dict[tuple[str, str], str], kinds: tuple[ExchangeKind, ...]) -> str:
    texts = {MECHANISMS: names[(MECHANISMS, e.mechanism)] if e.mechanism else "", "title": e.title,
             "summary": e.summary}
    scores = {k.name: sum(weight * len(words_pattern(k.words).findall(texts[field])) for field, weight in WEIGHTS)
              for k in kinds}
    best = max(scores.values(), default=0)
    return next(name for name, score in scores.items() if score == best) if best else kinds[0].name


def leaders_sides(e: Event, parties: set[str], countries: dict[str, str]) -> tuple[tuple[str, str | None], ...]:
    """Each leader with their side; of two sides, one leader whose side nothing names leads the side no other
    leader does ("Minister Chung Eui-yong and his Chinese counterpart Wang Yi")."""
    roles = dict(e.participants)
    sides = {pid: side_of(pid, roles.get(pid), countries) for pid, _ in e.leaders}
    unknown = [pid for pid, side in sides.items() if side is None]
    if len(parties) == 2 and len(unknown) == 1 and len(left := parties - set(sides.values())) == 1:
        sides[unknown[0]] = left.pop()
    return tuple(sides.items())


def side_of(pid: str, role: str | None, countries: dict[str, str]) -> str | None:
    """A participant's side: the party their title at the event names first, else their country."""
    return next(iter(parties_in(role or "")), None) or countries.get(pid)


@lru_cache(maxsize=1 << 16)
def parties_in(text: str) -> tuple[str, ...]:
    """The countries and blocs a text names, in order, each once. Remembered: the same titles and mechanisms
    come back at event after event."""
    return tuple(dict.fromkeys(FORMS[m.group(1)] for m in forms_pattern().finditer(text)))


FORMS = party_forms()
FIRST_WORDS = {form.split()[0] for form in FORMS if " " in form}


@lru_cache(maxsize=1)
def forms_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({party_alternatives()})(?![\w])")


@lru_cache(maxsize=64)
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


def with_registry(extra: dict[str, tuple[str, ...]]) -> tuple[ExchangeKind, ...]:
    """The table with the registry's `exchanges:` merged in: words added to a kind it has, new kinds last."""
    kinds = {k.name: k.words for k in EXCHANGE_KINDS}
    for name, words in extra.items():
        kinds[name] = kinds.get(name, ()) + words
    return tuple(ExchangeKind(name, words) for name, words in kinds.items())
