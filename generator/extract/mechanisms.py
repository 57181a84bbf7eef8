"""Mechanisms: recurring frameworks with numbered sessions. No NER label exists for them, so they are
found by how they are named: a proper name ending in Forum, Dialogue, Program... ("the 10th China-ASEAN
Joint Visit Activity on the 21st Century Maritime Silk Road"), a lower-case "high-level consultation
mechanism on ...", and whatever "the seventh meeting of ..." is a meeting of."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..model import MechanismMention
from ..slugs import fold
from .lexicon import (
    COUNTRIES,
    GENERIC_MECHANISM_WORDS,
    MECHANISM_HEADS,
    NATIONALITIES,
    ORDINAL,
    ORG_HEADS,
    SESSION_WORDS,
    WEAK_MECHANISM_HEADS,
    is_country,
    ordinal_value,
)
from .nlp import Sentence, Token, tokens

# "BRICS", "SCO", "G20": the acronym of a grouping of countries, which names its summits and forums.
GROUPING = r"[A-Z]{2,6}\d{0,2}|G\d{1,2}"
COUNTRY = r"(?:China|Japan|Korea|the ROK|ROK|the DPRK|Russia|India|(?:the\s+)?(?:US|U\.S\.|UK|EU|ASEAN|AU)|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
NTH_OF = re.compile(
    rf"\b(?P<ord>{ORDINAL})\s+(?:[A-Za-z’'-]+\s+){{0,2}}?(?i:{SESSION_WORDS})s?\s+of\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?"
    r"(?P<name>[“\"\w][^,.;:()]*)",
    re.IGNORECASE)
NAME_STOP = re.compile(r"\s+(?:in|at|between|among|held|which|that|was|were|is|are|has|have|had|from|with|"
                       r"(?i:convened|convenes|opened|opens|closed|closes|began|begins|kicked|concluded|concludes|"
                       r"ended|ends|took|takes|starts|started)|"
                       r"to|by|via|through|during|where|when|will|would|and\s+(?:the|a|an|its|their|to|[a-z]+ed)\b|"
                       r"on\s+(?:[A-Z][a-z]+day|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))\b.*$")
LOWER_MECHANISM = re.compile(
    r"\b(?:(?P<pair>[A-Z]\w*(?:\s?-\s?[A-Z][\w-]*)+)\s+)?(?P<body>(?:(?!of\s|the\s)[a-z][\w-]*\s+){1,4}mechanism"
    r"(?:\s+on\s+[a-z][\w-]*(?:\s+(?:and|of|in)\s+[a-z][\w-]*)*(?:\s+[a-z][\w-]*)?)?)"
    rf"|\b(?P<pair2>[A-Z][a-z]+(?:\s?-\s?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)+|{GROUPING})\s+(?P<body2>(?:[a-z][\w-]*\s+){{0,3}}(?:summit|dialogue|forum|"
    r"consultations?))\b")
PAIR_IN_SENTENCE = re.compile(rf"\b(?:between\s+)?({COUNTRY})\s+and\s+({COUNTRY})\b")
# "The Communist Party of China (CPC) and the Communist Party of Vietnam (CPV) held their 16th theory seminar"
PARTIES_IN_SENTENCE = re.compile(r"\(([A-Z]{2,8})\)\s+and\s+(?:the\s+)?[A-Z][^()]{0,80}?\(([A-Z]{2,8})\)")
PARTY = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w’'-]*)*(?:\s+\([A-Z][A-Za-z]{1,9}\))?"
SERIES_HEADS = r"seminar|forum|dialogue|symposium|roundtable|consultation|conference|summit|talks"
LOWER_SERIES = re.compile(
    rf"\b(?P<ord>{ORDINAL})\s+(?P<pair>(?:[A-Z][\w]*(?:-[A-Z][\w]*)+|{GROUPING})\s+)?"
    rf"(?P<body>(?:[a-z0-9][\w+-]*\s+){{0,4}}?(?:{SERIES_HEADS}))"
    rf"(?P<topic>\s+on\s+[a-z][\w-]*(?:\s+(?:and|of)\s+[a-z][\w-]*)*)?"
    rf"(?:\s+between\s+(?P<a>{PARTY})\s+and\s+(?P<b>{PARTY}))?")
BARE_NTH = re.compile(rf"\b(?:the|its|this year's|last year's)\s+(?:(?:previous|last|latest|recent)\s*,?\s+)?"
                      rf"(?P<ord>{ORDINAL})\s+(?:{SESSION_WORDS})s?\b"
                      r"(?:\s+of\s+the\s+(?:mechanism|forum|dialogue|summit|seminar|conference|consultations?)\b|"
                      r"(?!-|\s+(?:(?:plenary|session|meeting)s?\s+)?of\b|\s+(?:plenary|session|meeting)))",
                      re.IGNORECASE)
# "the Communist Party of Vietnam (CPV)", "the Lao People's Revolutionary Party (LPRP)": a party and its acronym.
PARTY_ACRONYM = re.compile(r"\bParty(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?\s+\(([A-Z]{2,8})\)")
# "... seminar between the two parties": a series of the pair the article is about.
THE_TWO = re.compile(r"\s+between\s+the\s+two\s+(?:parties|sides|countries|nations|governments)\b")
TWO_SIDED = re.compile(r"\b(?:Bilateral|Joint|Intergovernmental)\b")
ESTABLISHED = re.compile(r"\b(?:established|set up|launched|founded|inaugurated|created|establishment)"
                         r"\s+in\s+((?:19|20)\d\d)\b", re.IGNORECASE)
ORDINAL_WORD = re.compile(rf"^(?:{ORDINAL})$", re.IGNORECASE)
YEAR_WORD = re.compile(r"^(?:19|20)\d\d$")
TAIL_JOINERS = ("on", "for", "of")
WHEN_WORD = re.compile(r"(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                       r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
NUMBERED_HEADS = frozenset(["meeting", "committee", "commission"])


@dataclass(frozen=True)
class SessionMention:
    """A mechanism named in a sentence, with the session or yearly edition the words give, if any."""

    sentence: int
    start: int
    end: int
    mechanism: str
    """The canonical name of the mechanism within the article."""
    session: int | None
    year: int | None
    phrase: str
    """The words as written: "the seventh meeting of the China-Japan ruling parties exchange"."""


@dataclass(frozen=True)
class RawMention:
    sentence: int
    start: int
    end: int
    name: str
    session: int | None
    year: int | None
    phrase: str
    acronym: str | None = None
    """"FOCAC" where the text gives one in parentheses after the name."""


def find_mechanisms(sentences: list[Sentence]) -> tuple[list[MechanismMention], list[SessionMention]]:
    raw: list[RawMention] = []
    pair_of_article = article_pair(sentences)
    for index, sentence in enumerate(sentences):
        raw.extend(sessions_of(index, sentence))
        raw.extend(r for r in series_between(index, sentence, pair_of_article) if not overlapping(r, raw))
        raw.extend(named(index, sentence, raw))
        raw.extend(lower_case(index, sentence, raw))
    raw = with_initials(sentences, raw)
    raw.extend(acronym_mentions(sentences, raw))
    raw = with_article_pair(raw)
    raw.extend(bare_sessions(sentences, raw))
    canonical, aliases = merge(raw)
    established = established_years(sentences, raw, canonical)
    mentions = [MechanismMention(name, tuple(sorted(aliases[name] - {name})), established.get(name))
                for name in dict.fromkeys(canonical[r.name] for r in raw)]
    sessions = [SessionMention(r.sentence, r.start, r.end, canonical[r.name], r.session, r.year, r.phrase)
                for r in raw]
    return mentions, sessions


def bare_sessions(sentences: list[Sentence], raw: list[RawMention]) -> list[RawMention]:
    """"The 11th meeting was held in Zhejiang in 2022", "the first meeting of the mechanism": a numbered session
    named by no name of its own is one of the numbered mechanism the article named last before it."""
    numbered = sorted((r for r in raw if r.session is not None or r.year is not None), key=lambda r: (r.sentence, r.start))
    found = []
    for index, sentence in enumerate(sentences):
        for m in BARE_NTH.finditer(sentence.text):
            before = [r for r in numbered if (r.sentence, r.start) < (index, m.start())]
            if not before:
                continue
            mention = RawMention(index, m.start(), m.end(), before[-1].name, ordinal_value(m.group("ord")), None, m.group())
            if not overlapping(mention, raw):
                found.append(mention)
    return found


def overlapping(r: RawMention, raw: list[RawMention]) -> bool:
    return any(o.sentence == r.sentence and o.start < r.end and r.start < o.end for o in raw)


def sessions_of(index: int, sentence: Sentence) -> list[RawMention]:
    """"the seventh meeting of the China-Japan ruling parties exchange in Fujian" -> (name, 7)."""
    found = []
    for m in NTH_OF.finditer(sentence.text):
        name = NAME_STOP.sub("", m.group("name")).strip(" ’'")
        name = re.sub(r"\s+(?:and|of|on|the|for)$", "", name)
        words = name.split()
        named_part = re.split(r"\s+on\s+", name, maxsplit=1)[0].split()  # "... mechanism on media cooperation"
        # "the ninth ministerial meeting of the CASCF"; a plenary session is an organ's ("... of the CPC")
        acronym_only = len(words) == 1 and is_grouping(name) and len(name) >= 3 \
            and not re.search(r"(?i)\b(?:session|plenary)\b", m.group()[:m.start("name") - m.start()])
        if (len(words) < 2 and not acronym_only) or not (named_part[-1].lower() in MECHANISM_HEADS | {"mechanism"}
                                                         or name[:1].isupper()):
            continue  # "the second edition of the program" points back at a name given before
        if words[-1].lower() in ORG_HEADS and words[-1].lower() not in MECHANISM_HEADS and not pair(name):
            continue  # "the fifth plenary session of the 20th Central Committee" is an organization's
        start = m.start("name")
        phrase = sentence.text[m.start():start + len(name)]
        acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", sentence.text[start + len(name):])
        found.append(RawMention(index, m.start(), start + len(name), qualified(name, sentence.text),
                                ordinal_value(m.group("ord")), None, phrase, acronym.group(1) if acronym else None))
    return found


def series_between(index: int, sentence: Sentence, pair_of_article: str | None = None) -> list[RawMention]:
    """A numbered series named in lower case: "their first vice-ministerial strategic dialogue on diplomacy
    and security" (named for the pair of countries of the sentence), "the third theoretical seminar between
    the Communist Party of China (CPC) and the Lao People's Revolutionary Party (LPRP)" ("CPC-LPRP ..."), "the
    10th theoretical seminar between the two parties" (named for the pair the article names)."""
    found = []
    for m in LOWER_SERIES.finditer(sentence.text):
        body = re.sub(r"^(?:their|its|our|the)\s+", "", m.group("body") + (m.group("topic") or ""))
        if m.group("pair") and ("-" in m.group("pair") or is_grouping(m.group("pair").strip())):
            # "the fifth China-Japan strategic dialogue", "the 15th BRICS summit"
            name = m.group("pair") + body
        elif m.group("a"):
            name = f"{short_party(m.group('a'))}-{short_party(m.group('b'))} {body}"
        else:
            name = qualified(body, sentence.text)
            if name == body and pair_of_article and THE_TWO.match(sentence.text[m.end("body"):]):
                name = f"{pair_of_article} {body}"
            if name == body:
                continue  # "the first dialogue" of nobody in particular names no series
        # the mention spans the series' own words, not the parties named after "between"
        end = m.end("topic") if m.group("topic") else m.end("body")
        found.append(RawMention(index, m.start(), end, name, ordinal_value(m.group("ord")), None, m.group()))
    return found


def article_pair(sentences: list[Sentence]) -> str | None:
    """The two parties an article names with their acronyms ("the Communist Party of Vietnam (CPV) ... the Lao
    People's Revolutionary Party (LPRP)": "CPV-LPRP"), else the first pair of countries a sentence names."""
    acronyms = list(dict.fromkeys(m.group(1) for s in sentences for m in PARTY_ACRONYM.finditer(s.text)))
    if len(acronyms) >= 2:
        return f"{acronyms[0]}-{acronyms[1]}"
    return next((pair for sentence in sentences if (pair := pair_of_countries(sentence.text))), None)


def pair_of_countries(sentence: str) -> str | None:
    """"China-Japan" of "China and Japan held ...": the first two countries or groupings a sentence joins."""
    for m in PAIR_IN_SENTENCE.finditer(sentence):
        a, b = (c.removeprefix("the ") for c in m.groups())
        if a != b and all(fold(c) in COUNTRIES or is_grouping(c) for c in (a, b)):
            return f"{a}-{b}"
    return None


def short_party(text: str) -> str:
    """The acronym a party is given in parentheses, else its name."""
    m = re.search(r"\(([A-Z][A-Za-z]{1,9})\)", text)
    return m.group(1) if m else re.sub(r"^the\s+", "", text.strip())


def named(index: int, sentence: Sentence, taken: list[RawMention]) -> list[RawMention]:
    """Proper names ending in a mechanism head: "the 2024 China-ASEAN Media Cooperation Forum"."""
    found = []
    for run in (part for whole in runs(tokens(sentence.text)) for part in split_after_heads(whole)):
        annual = re.search(r"\b(?:annual|yearly)\s+$", sentence.text[:run[0].start]) is not None
        heads = [i for i, t in enumerate(run) if is_head(run, i) or numbered_meeting(run, i, annual)]
        if not heads:
            continue
        h = heads[0]
        start = h
        while start > 0 and (run[start - 1].capitalized or ORDINAL_WORD.match(run[start - 1].text)
                             or run[start - 1].text in ("-", "+") or generic_and(run, start - 1)) \
                and run[start - 1].text.lower() not in TAIL_JOINERS + ("the",):
            start -= 1
        name_from, h = inner_name(run, h, heads)
        end = len(run) if h + 1 < len(run) and run[h + 1].text.lower() in TAIL_JOINERS \
            and not (h + 2 < len(run) and WHEN_WORD.match(run[h + 2].text)) else h + 1  # not "Summit on Friday"
        # nor "... for Asia Annual Conference 2025 on Thursday": the name ends before its day
        end = next((j for j in range(h + 1, end - 1) if run[j].text.lower() in ("on", "in")
                    and WHEN_WORD.match(run[j + 1].text)), end)
        words = run[start:end]
        session = year = None
        if words and ORDINAL_WORD.match(words[0].text):
            session = ordinal_value(words[0].text)
        elif words and YEAR_WORD.match(words[0].text):
            year = int(words[0].text)
        words = run[max(name_from, start + (session is not None or year is not None)):end]
        words, year = edition_suffix(words, year)
        if year is None and end < len(run) and YEAR_WORD.match(run[end].text):
            year = int(run[end].text)  # "the Raisina Dialogue 2024"
        annual = bool(words) and re.search(r"\b(?:annual|yearly)\s+$", sentence.text[:words[0].start]) is not None
        if not words or (run[h].text.lower() in WEAK_MECHANISM_HEADS and session is None and year is None
                         and not annual):
            continue
        if len(words) == 1 or any(r.sentence == index and r.start <= words[0].start < r.end for r in taken):
            continue
        if cut_in_a_list(sentence.text[words[-1].end:], words):
            continue
        name = qualified(re.sub(r"\s+-\s+", "-", sentence.text[words[0].start:words[-1].end]), sentence.text)
        acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", sentence.text[words[-1].end:])
        found.append(RawMention(index, words[0].start, words[-1].end, name, session, year,
                                sentence.text[run[start].start:words[-1].end], acronym.group(1) if acronym else None))
    return found


def numbered_meeting(run: list[Token], i: int, annual: bool = False) -> bool:
    """"the 12th Japan-Vietnam Cooperation Committee", "the 20th EU-Central Asia Ministerial Meeting", "the
    annual Australia-New Zealand Foreign Ministers' Meeting": a meeting or joint body of two sides that carries
    a session's number, or is said to come every year, is a mechanism."""
    before = run[:i]
    word = run[i].text.lower()
    return word in NUMBERED_HEADS and run[i].text[:1].isupper() \
        and (annual or any(ORDINAL_WORD.match(t.text) for t in before)) \
        and any(("-" in t.text.strip("-") and t.text[:1].isupper()) or (word == "meeting" and is_grouping(t.text))
                for t in before)


def generic_and(run: list[Token], i: int) -> bool:
    """"Economic and Trade Dialogue", "Belt and Road Forum": an "and" between two words of the name, not
    before another name (a head's, a country's)."""
    if run[i].text.lower() != "and" or i == 0:
        return False
    before = run[i - 1].text
    return before.lower() in GENERIC_MECHANISM_WORDS or (
        before[:1].isupper() and not is_head(run, i - 1) and not is_country_word(before)
        and i + 1 < len(run) and run[i + 1].text[:1].isupper() and not is_country_word(run[i + 1].text))


def split_after_heads(run: list[Token]) -> list[list[Token]]:
    """"the High-Level Strategic Dialogue and the High-Level Economic and Trade Dialogue" names two."""
    parts, start = [], 0
    for i in range(1, len(run)):
        if run[i].text.lower() == "and" and is_head(run, i - 1):
            parts.append(run[start:i])
            start = i + 1 + (i + 1 < len(run) and run[i + 1].text.lower() == "the")
    return [p for p in [*parts, run[start:]] if p]


def cut_in_a_list(after: str, words: list[Token]) -> bool:
    """"Forum on China, Japan, ROK cooperation": a name that ends on a country a list goes on from is cut short."""
    m = re.match(r"\s*,\s*(?:the\s+)?([A-Z]\w*)(?:\s*,\s*|\s+and\s+)(?:the\s+)?([A-Z]\w*)", after)
    return m is not None and is_country_word(words[-1].text) and all(is_country_word(c) for c in m.groups()) \
        and any(w.text.lower() in TAIL_JOINERS for w in words)


def edition_suffix(words: list[Token], year: int | None) -> tuple[list[Token], int | None]:
    """"Boao Forum for Asia Annual Conference 2025": the forum, and its 2025 edition."""
    if len(words) > 2 and YEAR_WORD.match(words[-1].text):
        year, words = int(words[-1].text), words[:-1]
    kinds = ("annual", "conference", "meeting", "session", "summit", "ministerial")
    tail = len(words)
    while tail > 1 and words[tail - 1].text.lower() in kinds and any(is_head(words, i) for i in range(tail - 1)):
        tail -= 1
    return words[:tail], year


def inner_name(run: list[Token], h: int, heads: list[int]) -> tuple[int, int]:
    """"the 2024 Summit of the Forum on China-Africa Cooperation": the summit is a session of the
    forum, so the name starts after "of the" and ends at the forum's own head ("the China-ASEAN Year of Media
    Exchanges" is a year's own name)."""
    if h + 1 < len(run) and run[h + 1].text.lower() == "of" and len(heads) > 1 and run[h].text.lower() != "year":
        start = h + 2 + (h + 2 < len(run) and run[h + 2].text.lower() == "the")
        return start, heads[1]
    return 0, h


def runs(words: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(words):
        # "the fifth World Media Summit": a lower-case ordinal may open a name; "Lancang - Mekong" as scraped
        spaced_hyphen = token.text == "-" and current and i + 1 < len(words) and words[i + 1].capitalized
        # "the Foreign and Defence Ministers' 2+2 Meeting": the count of each side's ministers
        plus = token.text == "+" and current and current[-1].text.isdigit() and i + 1 < len(words) \
            and words[i + 1].text.isdigit()
        if token.capitalized or ORDINAL_WORD.match(token.text) or spaced_hyphen or plus or (
                current and token.text.lower() in TAIL_JOINERS + ("the", "and")):
            current.append(token)
        else:
            out.append(current)
            current = []
    out.append(current)
    return [r for r in out if r]


def is_head(run: list[Token], i: int) -> bool:
    word = run[i].text.lower()
    if word == "year":
        return i + 1 < len(run) and run[i + 1].text.lower() == "of"
    return word in MECHANISM_HEADS and run[i].text[:1].isupper()


def lower_case(index: int, sentence: Sentence, taken: list[RawMention]) -> list[RawMention]:
    """"a high-level consultation mechanism on people-to-people and cultural exchanges"."""
    found = []
    for m in LOWER_MECHANISM.finditer(sentence.text):
        if any(r.sentence == index and r.start <= m.start() < r.end for r in taken):
            continue
        pair_, body = (m.group("pair"), m.group("body")) if m.group("body") else (m.group("pair2"), m.group("body2"))
        pair_ = pair_ and re.sub(r"\s*-\s*", "-", pair_)  # "Lancang - Mekong", as scraped
        body = re.sub(r"^(?:(?:of|in|at|for|on|to|with|by)\s+)?(?:the|a|an|this|that|its|their)\s+", "", body)
        if len(body.split()) < 2 and not pair_:
            continue
        if m.group("body2") and not (is_grouping(pair_) if "-" not in pair_ else
                                     all(is_country_word(p) for p in pair_.split("-"))):
            continue
        name = f"{pair_} {body}" if pair_ else qualified(body, sentence.text)
        found.append(RawMention(index, m.start(), m.end(), name, None, None, m.group()))
    return found


def qualified(name: str, sentence: str) -> str:
    """A lower-case or generic name carries the pair of countries the sentence names: "China-Japan high-level ...";
    so does a body of two sides that names neither ("the Steering Committee for Bilateral Cooperation")."""
    if name[:1].isupper() and not generic(name) and not (TWO_SIDED.search(name) and not pair(name)):
        return name
    if countries := pair_of_countries(sentence):
        return f"{countries} {name}"
    parties = PARTIES_IN_SENTENCE.search(sentence)
    return f"{parties.group(1)}-{parties.group(2)} {name}" if parties else name


def with_article_pair(raw: list[RawMention]) -> list[RawMention]:
    """A lower-case name no sentence qualifies ("the two sides held ... a high-level consultation mechanism
    on ...") belongs to the pair of countries the article's other names are about, if there is one."""
    pairs = Counter(pair(r.name) for r in raw if pair(r.name))
    if not pairs:
        return raw
    main = pairs.most_common(1)[0][0]
    return [replace(r, name=f"{main} {r.name}") if r.name[:1].islower() or generic(r.name) else r for r in raw]


def generic(name: str) -> bool:
    """"High-Level Strategic Dialogue": capitalized, but no name of its own and no pair."""
    return not pair(name) and all(w.lower() in GENERIC_MECHANISM_WORDS for w in name.split())


def with_initials(sentences: list[Sentence], raw: list[RawMention]) -> list[RawMention]:
    """A mechanism's acronym the text uses without defining it: "BFA" for "Boao Forum for Asia"."""
    acronyms = {a for s in sentences for a in re.findall(r"(?<![\w-])([A-Z]{2,7})(?![\w-])", s.text)}
    out = []
    for r in raw:
        initials = "".join(w[0] for w in re.split(r"[\s-]+", r.name) if w[:1].isupper())
        out.append(replace(r, acronym=initials) if not r.acronym and len(initials) >= 2 and initials in acronyms else r)
    return out


def acronym_mentions(sentences: list[Sentence], raw: list[RawMention]) -> list[RawMention]:
    """Where the text uses a mechanism's acronym on its own ("Established in 2000, FOCAC has ...")."""
    found = []
    for r in raw:
        if not r.acronym:
            continue
        for index, sentence in enumerate(sentences):
            for m in re.finditer(rf"(?<![\w(-]){re.escape(r.acronym)}(?![\w)-])", sentence.text):
                found.append(RawMention(index, m.start(), m.end(), r.acronym, None, None, r.acronym, r.acronym))
    return found


def merge(raw: list[RawMention]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """One name per mechanism of the article: the same session number of the same pair of countries
    is one mechanism ("the China-Japan ruling parties exchange" = "the China-Japan exchange mechanism")."""
    canonical = {r.name: r.name for r in raw}
    named_by = {r.acronym: r.name for r in raw if r.acronym and r.name != r.acronym}
    for r in raw:
        for other in raw:
            if other.name == r.name or canonical[other.name] != other.name:
                continue
            same_session = r.session is not None and r.session == other.session and (
                pair(r.name) == pair(other.name) or "" in (pair(r.name), pair(other.name)))
            if same_session or unqualified_form(r.name, other.name) or short_name(r.name, other.name) \
                    or fold(r.name) == fold(other.name):
                target = fuller(canonical[r.name], other.name)
                for key, value in canonical.items():
                    if value in (canonical[r.name], other.name):
                        canonical[key] = target
                canonical[other.name] = canonical[r.name] = target
    for acronym, name in named_by.items():
        canonical[acronym] = canonical[name]
    aliases: dict[str, set[str]] = {}
    for name, target in canonical.items():
        aliases.setdefault(target, set()).add(name)
    return canonical, aliases


def pair(name: str) -> str:
    """"China-Japan" of "China-Japan ruling parties exchange"; "" where the name names no parties."""
    first = name.split()[0]
    parts = first.split("-")
    return first if len(parts) >= 2 and all(p[:1].isupper() and p.lower() not in ("high", "level") for p in parts) \
        else ""


def unqualified_form(short: str, full: str) -> bool:
    """"high-level consultation mechanism on ..." of "China-Japan high-level consultation mechanism on ..."."""
    return not pair(short) and pair(full) != "" and fold(full).endswith(" " + fold(short))


def short_name(short: str, full: str) -> bool:
    """"Boao Forum" of "Boao Forum for Asia"."""
    return short[:1].isupper() and len(short.split()) >= 2 and re.match(
        rf"{re.escape(short)}\s+(?:for|on|of)\s", full) is not None


def fuller(a: str, b: str) -> str:
    """The more telling of two names: "China-Japan ruling parties exchange" and "China-Japan exchange
    mechanism" make "China-Japan ruling parties exchange mechanism"."""
    if fold(a) == fold(b):
        return min(a, b)  # the same words: keep the capitalized form
    for x, y in ((a, b), (b, a)):
        if fold(y).endswith(" mechanism") and not fold(x).endswith(" mechanism") \
                and set(fold(y).split()) - {"mechanism"} <= set(fold(x).split()):
            return f"{x} mechanism"
    return max(a, b, key=lambda n: (len(n.split()), n))


def established_years(sentences: list[Sentence], raw: list[RawMention], canonical: dict[str, str]) -> dict[str, int]:
    """"The meeting was established in 2006": the year goes to the mechanism of that sentence or the one before."""
    years: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        m = ESTABLISHED.search(sentence.text)
        if not m:
            continue
        near = [r for r in raw if index - 3 <= r.sentence <= index and r.start < m.start() + 1000 * (index - r.sentence)]
        here = [r for r in near if r.sentence == index] or near
        if here:
            years.setdefault(canonical[here[-1].name], int(m.group(1)))
    return years


def is_grouping(word: str) -> bool:
    """A grouping's acronym, not a single country's ("the US forum")."""
    return re.fullmatch(GROUPING, word) is not None and not is_country(word)


def is_country_word(word: str) -> bool:
    return word.lower() in COUNTRIES or word.lower() in NATIONALITIES
