"""Extraction: everything one article names (people with their titles, organizations, mechanisms,
places) and the events it reports. The statistical model proposes; the rules of people.py,
organizations.py, mechanisms.py and events.py decide."""

from __future__ import annotations

import re

from ..model import Article, Extraction, MechanismMention, OrgMention, PersonMention
from ..read.cleaning import UPPER
from . import nlp
from .dates import Anchor
from .events import Context, find_events
from .lexicon import NATIONALITIES, is_country
from .mechanisms import find_mechanisms
from .organizations import find_organizations
from .people import Occurrence, find_people

# Capitalized words, with the small words of places' names between them ("Rio de Janeiro", "Dar es Salaam",
# "Port of Spain"), accented letters too ("São Paulo").
PLACE_NAME = re.compile(rf"[{UPPER}][\w’'.-]*(?: (?:(?:de|da|do|dos|das|del|di|du|des|la|le|el|al|es|of|on|upon) )?"
                        rf"[{UPPER}][\w’'.-]*){{0,3}}")
PLACE_SUFFIX = re.compile(r"\s+(?:City|city|Province|province|Prefecture|prefecture|County|county|"
                          r"Municipality|municipality|Region|region)$")


def extract(article: Article) -> Extraction:
    paragraphs = ([article.title] if article.headline else []) + list(article.paragraphs)
    sentences = nlp.sentences(paragraphs)
    people, person_occurrences = find_people(sentences)
    # every word of a name too: a surname two people share ("Takahashi added") is still no organization
    person_forms = {p.name for p in people} | {a for p in people for a in p.aliases} | \
                   {w for p in people for w in p.name.split() if len(w) > 2 and w[0].isupper()}
    organizations, org_occurrences = find_organizations(sentences, person_forms)
    mechanisms, sessions = find_mechanisms(sentences)
    # names inside a mechanism's name ("... Forum for Asia Annual Conference") are not organizations
    in_sessions = {s.sentence for s in sessions}
    org_occurrences = [o for o in org_occurrences if o.sentence not in in_sessions or
                       not any(s.sentence == o.sentence and s.start < o.end and o.start < s.end for s in sessions)]
    # a headline capitalizes every word ("Spokesperson's Regular Press Conference"): its names count
    # where the body names them too
    in_body = {i for i, s in enumerate(sentences) if not (article.headline and s.paragraph == 0)}
    named = {o.name for o in org_occurrences if o.sentence in in_body}
    organizations = [o for o in not_mechanisms(organizations, mechanisms) if o.name in named]
    organizations += credited_source(article, organizations)
    kept = {o.name for o in organizations}
    org_occurrences = [o for o in org_occurrences if o.name in kept]
    people, person_occurrences = outside_names(people, person_occurrences, org_occurrences)
    # a span over a person's name is no place ("Ambassador to Africa Kwame Dubois": GPE "Africa Kwame")
    taken = [(o.sentence, o.start, o.end) for o in [*org_occurrences, *person_occurrences]] + \
            [(s.sentence, s.start, s.end) for s in sessions]
    names = person_forms | {o.name for o in organizations} | {a for o in organizations for a in o.aliases}
    place_occurrences = find_places(sentences, taken, names)
    if article.dateline and not is_country(article.dateline):
        place_occurrences.append(Occurrence(-1, 0, 0, article.dateline))
    ctx = Context(sentences, people, person_occurrences, place_occurrences, sessions, org_occurrences,
                  Anchor.of(article.published, article.reference_year), article.dateline)
    events = find_events(ctx)
    places = list(dict.fromkeys([o.name for o in place_occurrences] + [e.place for e in events if e.place]))
    return Extraction(article, tuple(people), tuple(organizations), tuple(mechanisms), tuple(places), tuple(events))


def outside_names(people: list[PersonMention], occurrences: list[Occurrence],
                  organizations: list[Occurrence]) -> tuple[list[PersonMention], list[Occurrence]]:
    """A "person" named only inside an organization's name is part of that name: "Ho Chi Minh National" of
    the "Ho Chi Minh National Academy of Politics"."""
    def inside(o: Occurrence) -> bool:
        return any(g.sentence == o.sentence and g.start <= o.start and o.end <= g.end for g in organizations)
    gone = {p.name for p in people if all(inside(o) for o in occurrences if o.name == p.name)
            and any(o.name == p.name for o in occurrences)}
    return [p for p in people if p.name not in gone], [o for o in occurrences if o.name not in gone]


def credited_source(article: Article, organizations: list[OrgMention]) -> list[OrgMention]:
    """The agency a dateline credits ("QINGDAO, July 3 (Xinhua) --") is an organization the article names."""
    source = article.source
    if not source or not re.fullmatch(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}", source):
        return []
    known = {n for o in organizations for n in (o.name, *o.aliases)}
    if source in known or any(n.startswith(source + " ") for n in known):  # "Xinhua" of "Xinhua News Agency"
        return []
    return [OrgMention(source)]


def not_mechanisms(organizations: list[OrgMention], mechanisms: list[MechanismMention]) -> list[OrgMention]:
    """"FOCAC" names the forum, not an organization."""
    names = {n for m in mechanisms for n in (m.name, *m.aliases)}
    return [o for o in organizations if o.name not in names and not set(o.aliases) & names]


def find_places(sentences: list[nlp.Sentence], taken: list[tuple[int, int, int]], names: set[str]) -> list[Occurrence]:
    """Cities, provinces and regions; countries are left out: a page for "China" helps no one here."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for i, s, e in taken:  # by sentence: a long article has thousands of names
        spans.setdefault(i, []).append((s, e))
    found = []
    for index, sentence in enumerate(sentences):
        for ent in sentence.entities:
            if ent.label not in ("GPE", "LOC") or any(s < ent.end and ent.start < e for s, e in spans.get(index, ())):
                continue
            name = place_name(ent.text)
            if name and name not in names:
                found.append(Occurrence(index, ent.start, ent.end, name))
    return found


def place_name(text: str) -> str | None:
    name = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    name = PLACE_SUFFIX.sub("", name)
    if not PLACE_NAME.fullmatch(name):
        return None
    if is_country(name) or name.lower() in NATIONALITIES or "-" in name or name.isupper():
        return None  # an acronym the model calls a place is a grouping's ("BRICS"); datelines come title-cased
    return name
