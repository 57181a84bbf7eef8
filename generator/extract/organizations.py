"""Organizations: full names ("Standing Committee of the People's Congress of Shandong Province"), not
cut short and with no title glued on, acronyms in parentheses as aliases, and the short forms an
article uses for a name it gave in full ("Xinhua" for "Xinhua News Agency") folded into one."""

from __future__ import annotations

import re
from collections import Counter

from ..model import OrgMention
from ..slugs import fold
from .lexicon import MECHANISM_HEADS, MINISTRY_ALIASES, NATIONALITIES, is_country, is_org_head, is_title_word
from .nlp import Sentence, Token, tokens
from .people import Occurrence

JOINERS = frozenset(["of", "the", "for", "and", "on", "&", "de", "in", "with"])
EMBASSY = re.compile(r"\b(" + "|".join(n.title() for n in NATIONALITIES) + r")\s+((?i:embassy|consulate(?:[- ]general)?))"
                     r"(\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
STANDALONE_ACRONYM = re.compile(r"(?<![-\w])([A-Z][A-Z&]{1,7})(?![-\w])")
PORTFOLIO_BEFORE = re.compile(r"(?i)\b(?:minister|ministers|secretary|commissioner|representative)\s+(?:of|for)\s+(?:the\s+)?$")
# "Chinese Ministry of Foreign Affairs" is "Ministry of Foreign Affairs" qualified by a country.
COUNTRY_WORDS = frozenset(c.lower() for c in NATIONALITIES.values())
WHOLE_BODIES = frozenset(["union", "party", "republic", "nations", "group", "kingdom"])
# Last words that make a name a meeting or a document, not an organization.
NON_ORG_WORDS = frozenset(["session", "meeting", "forum", "dialogue", "summit", "plan", "declaration", "initiative", "agreement", "statement", "report", "programme", "strategy", "vision", "outline", "memorandum", "treaty", "communique", "consensus"])
LOWER_PARTY = re.compile(r"\b([A-Z][a-z]+)\s+party\b")
# "the Japan-China parliamentary friendship association": a body of two countries named in lower case.
LOWER_BODY = re.compile(r"\b(?P<pair>[A-Z][a-z]+(?:-[A-Z][a-z]+)+)\s+(?:[a-z]+\s+){0,3}?(?:association|society|league|"
                        r"federation|group|council|committee|union|institute|centre|center|chamber)\b")
# "the Communist Party of Vietnam e-newspaper": an outlet named by its owner and what it is.
OUTLET_AFTER = re.compile(r"^\s+(?:e-newspaper|newspaper|magazine|news\s+portal|news\s+website)\b")
# A credit ("Xinhua/Zhang Ling"), a code of letters and digits ("COVID-19", "G20"): no organization's name.
NOT_AN_ORG = re.compile(r"/|^[A-Za-z]+-?\d+$")
QUOTED = re.compile(r"[“\"][^”\"]{1,200}[”\"]")
# "the Shaanxi provincial people's government": local governments are named in lower case.
LOCAL_GOVERNMENT = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:provincial|municipal|city|county|prefectural|"
                              r"regional|district)\s+(?:people[’']s\s+|party\s+)?(?:government|committee)\b")
# "Committee of the Chinese People's Political Consultative Conference": a body named in a name's tail.
BODY_OF = re.compile(r"\bof\s+the\s+([A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'-]*)+)$")
# Heads of the parts of a body ("Central Committee", "State Council"): inside another name, named as a part of it.
SUB_BODY_HEADS = frozenset(["committee", "department", "bureau", "office", "council", "commission", "secretariat",
                            "cabinet", "division", "section", "politburo", "board"])
# "... of the Communist Party of China Central Committee": the party of a country a body belongs to.
PARTY_OF = re.compile(r"\b((?:[A-Z][\w’'-]*\s+){1,4}Party)\s+of\s+((?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# "the Communist Party of China (CPC) Central Committee": the name goes on after the acronym.
INNER_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def find_organizations(sentences: list[Sentence], people: set[str]) -> tuple[list[OrgMention], list[Occurrence]]:
    spans: list[tuple[int, int, int, str]] = []  # sentence, start, end, name
    recurring = recurring_words(sentences)
    for index, sentence in enumerate(sentences):
        for start, end in org_spans(sentence, recurring):
            for span in with_inner_acronym(sentence.text, start, end):
                spans.extend((index, *inner) for inner in with_bodies_inside(sentence.text, span))
    acronyms = defined_acronyms(sentences, [s[3] for s in spans])
    for index, sentence in enumerate(sentences):
        for m in STANDALONE_ACRONYM.finditer(sentence.text):
            inside = any(i == index and s <= m.start() < e for i, s, e, _ in spans)
            if not inside and not is_country(m.group(1)) and looks_like_org_acronym(sentence, m, acronyms):
                spans.append((index, m.start(1), m.end(1), m.group(1)))
    spans = [s for s in spans if not names_person(s[3], people) and not NOT_AN_ORG.search(s[3])]
    names = {clean_name(s[3]) for s in spans}
    for index, sentence in enumerate(sentences):
        for start, end in opening_words(sentence):
            word = sentence.text[start:end]
            if word not in people and any(short_form_of(word, n, acronyms) for n in names if n != word):
                spans.append((index, start, end, word))
    return group(spans, acronyms)


def names_person(span: str, people: set[str]) -> bool:
    """A person's name, or a place run into one ("Ambassador to Japan Kwame Diallo" -> "Japan Kwame Diallo")."""
    return span in people or any(span.endswith(" " + p) for p in people if " " in p)


def opening_words(sentence: Sentence) -> list[tuple[int, int]]:
    """One-word ORG spans where a sentence starts ("Xinhua issued ..."): kept only as a short form of a
    longer name the article gives, since any capitalized first word could be one."""
    return [(e.start, e.end) for e in sentence.entities
            if e.label == "ORG" and " " not in e.text and not is_proper_word(sentence.text, (e.start, e.end))]


def recurring_words(sentences: list[Sentence]) -> frozenset[str]:
    """One-word names the model calls an organization in two sentences or more ("TASS and Xinhua ...")."""
    counts = Counter(e.text for s in sentences for e in s.entities if e.label == "ORG" and " " not in e.text)
    return frozenset(word for word, n in counts.items() if n >= 2)


def org_spans(sentence: Sentence, recurring: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    text = sentence.text
    found = [span for run in capitalized_runs(tokens(text)) for span in org_in_run(run, sentence)]
    found += [(m.start(), m.end()) for m in EMBASSY.finditer(text)]
    found += [(m.start(), m.end()) for m in LOWER_PARTY.finditer(text) if not is_country(m.group(1))]
    found += [(m.start(), m.end()) for m in LOWER_BODY.finditer(text)
              if all(is_country(p) or p.lower() in NATIONALITIES for p in m.group("pair").split("-"))]
    found += [(m.start(), m.end()) for m in LOCAL_GOVERNMENT.finditer(text)
              if not (is_country(m.group("place")) or m.group("place").lower() in NATIONALITIES)]
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    for ent in sentence.entities:
        if ent.label == "ORG" and not overlaps(ent.start, ent.end, found):
            span = model_org(text, ent.start, ent.end)
            if span and (names_a_body(text[span[0]:span[1]]) or (
                    text[span[0]:span[1]] in recurring and is_proper_word(text, span))):
                found.append(span)
    found = [(start, end + outlet.end()) if (outlet := OUTLET_AFTER.match(text[end:])) else (start, end)
             for start, end in found]
    spans = {s for s in found if not overlaps(*s, quoted)}
    # "Chinese Embassy" of "Chinese Embassy in Japan": the longer reading of the same words
    return sorted(s for s in spans if not any(o[0] == s[0] and o[1] > s[1] for o in spans))


def with_inner_acronym(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """"Political Bureau of the Communist Party of China (CPC) Central Committee" is named as the text
    names it after: "Political Bureau of the CPC Central Committee"; the party it holds is an organization too."""
    span = text[start:end]
    m = INNER_ACRONYM.search(span)
    if not m:
        return [(start, end, span)]
    before = span[:m.start()].rstrip()
    expansion = best_expansion(m.group(1), before)
    if not initials_match(m.group(1), expansion):
        return [(start, end, span)]
    inner_start = start + len(before) - len(expansion)
    name = f"{before[:len(before) - len(expansion)]}{m.group(1)}{span[m.end():]}"
    return [(start, end, name)] + ([(inner_start, inner_start + len(expansion), expansion)] if expansion != before else [])


def with_bodies_inside(text: str, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """The organizations a name holds: the body its "of the" tail names ("Foreign Affairs Committee of the
    Chinese People's Political Consultative Conference"), unless that is a part of a body itself ("the CPC
    Central Committee"), and a party a body belongs to ("International Department of the Communist Party of
    China Central Committee" -> "Communist Party of China")."""
    start, end, name = span
    found = [span]
    if name != text[start:end]:
        return found  # a name rewritten around its acronym: its parts are found there
    for m in BODY_OF.finditer(name):
        inner = m.group(1)
        last = inner.split()[-1].lower()
        if len(inner.split()) >= 2 and is_org_head(last) and last not in SUB_BODY_HEADS and inner != name:
            found.append((start + m.start(1), start + m.end(1), inner))
    for m in PARTY_OF.finditer(name):
        country = next((" ".join(m.group(2).split()[:n]) for n in (2, 1) if is_country(" ".join(m.group(2).split()[:n]))),
                       None)
        party = f"{m.group(1)} of {country}" if country else None
        after = name[m.start(1) + len(party):] if party else ""
        # the party whose body the name is ("... of the Communist Party of China Central Committee"), not the
        # owner a name ends on ("Municipal Committee of the Communist Party of China", "... of Vietnam e-newspaper")
        if party and party != name and any(is_org_head(w) for w in after.split()) and not any(f[2] == party for f in found):
            found.append((start + m.start(1), start + m.start(1) + len(party), party))
    return found


def names_a_body(span: str) -> bool:
    """A name the model alone calls an organization is one where it holds a head noun ("Boao Media Group")
    or is an acronym ("NATO"); `org_spans` also keeps one word the model calls so twice (`recurring_words`).
    The model's other ORG spans on new text were mostly not (names of people and places, "Belt and Road"):
    three in four wrong on the blind set."""
    return span.isupper() or any(is_org_head(w) for w in span.split())


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def is_proper_word(text: str, span: tuple[int, int]) -> bool:
    """A one-word name is an organization's only if it is capitalized where no sentence starts."""
    word = text[span[0]:span[1]]
    return word.isupper() or not re.search(r"(^|[.!?”\"]\s*)$", text[: span[0]])


def capitalized_runs(words: list[Token]) -> list[list[Token]]:
    """Stretches of capitalized words and the small words names hold ("of the", "and")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(words):
        if token.capitalized or (current and token.text.lower() in JOINERS) or token.text in ("’", "'") \
                or (current and inside_acronym(words, i)) or (token.text == "," and (
                    listed_in_tail(current, words, i) or listed_before_head(current, words, i))):
            current.append(token)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    return [trim(run) for run in runs if trim(run)]


def listed_in_tail(current: list[Token], words: list[Token], i: int) -> bool:
    """The comma at words[i] lists the portfolio of a name ("Committee on Defence, Intelligence and Foreign
    Relations", "Ministry of Information, Culture and Tourism"): it follows a head noun's "of"/"on"/"for"
    tail, and capitalized words without a head of their own go on to an "and"."""
    tail = next((j for j in range(len(current) - 1, 0, -1) if current[j].text.lower() in ("of", "on", "for")), None)
    if tail is None or not any(is_org_head(t.text) for t in current[:tail]) or any(is_org_head(t.text) for t in current[tail:]) \
            or is_country(current[-1].text):
        return False  # "Ministers of Foreign Affairs of China, Japan and the ROK" lists countries
    group = 0
    for token in words[i + 1:]:
        if token.text == ",":
            group = 0
        elif token.text.lower() == "and":
            return group > 0 or words[i + 1].text.lower() != "and"
        elif token.capitalized and not is_org_head(token.text) and not is_country(token.text) and group < 3:
            group += 1
        else:
            return False
    return False


def listed_before_head(current: list[Token], words: list[Token], i: int) -> bool:
    """"The Foreign, Commonwealth and Development Office": words listed with commas that one head after the
    "and" ends, none of them a head or a country itself."""
    if not current or len(current) > 2 or any(is_org_head(t.text) or is_country(t.text) or not t.capitalized for t in current):
        return False
    seen_and = False
    for token in words[i + 1:i + 12]:
        if token.text == "," and not seen_and:
            continue
        if token.text.lower() == "and" and not seen_and:
            seen_and = True
            continue
        if not token.capitalized or is_country(token.text):
            return False
        if is_org_head(token.text):
            return seen_and
    return False


def inside_acronym(words: list[Token], i: int) -> bool:
    """"(" or ")" of "Communist Party of China (CPC) Central Committee": an acronym the name goes on after."""
    at = i if words[i].text == "(" else i - 2 if words[i].text == ")" else -1
    return at >= 0 and at + 3 < len(words) and words[at].text == "(" and words[at + 2].text == ")" \
        and INNER_ACRONYM.fullmatch(f"({words[at + 1].text})") is not None and words[at + 3].text[:1].isupper()


def trim(run: list[Token]) -> list[Token]:
    while run and (run[-1].text.lower() in JOINERS or run[-1].text in ("’", "'")):
        run = run[:-1]
    return run


def org_in_run(run: list[Token], sentence: Sentence) -> list[tuple[int, int]]:
    """The organizations a run names: "X and the Y" is two when both sides carry a head noun."""
    return [span for part in coordinated(run) if (span := org_in_part(part, sentence))]


def coordinated(run: list[Token]) -> list[list[Token]]:
    """"the China Foreign Languages Bureau and the China-ASEAN Center" is two; "Commission for
    Propaganda and Training of the ... Committee" is one: its second part has no head of its own."""
    for i, token in enumerate(run):
        if token.text.lower() in ("and", "&") and any(is_org_head(t.text) for t in run[:i]):
            rest = run[i + 1:]
            if shared_head(run[:i], rest):
                continue
            # "... and the National Development and Reform Commission": the next name may hold an "and" itself
            if standalone(conjunct(rest)) or (rest and rest[0].text.lower() == "the" and standalone(rest)) \
                    or (rest and is_title_word(rest[0].text)):
                return [run[:i], *coordinated(rest)]
    return [run]


def conjunct(rest: list[Token]) -> list[Token]:
    """The words after an "and" up to the next one: "African Studies" of "... West-Asian and African Studies
    and the University of Nairobi"."""
    end = next((i for i, t in enumerate(rest) if t.text.lower() in ("and", "&")), len(rest))
    return rest[:end]


def shared_head(left: list[Token], rest: list[Token]) -> bool:
    """"National Radio and Television Administration": both words before "and" qualify one head."""
    return len(rest) > 1 and is_org_head(left[-1].text) and sum(is_org_head(t.text) for t in left) == 1 \
        and is_org_head(rest[0].text) and is_org_head(rest[1].text)


def standalone(part: list[Token]) -> bool:
    """A head noun comes before any "of"/"for": the part names an organization by itself."""
    for t in part:
        if t.text.lower() in ("of", "for"):
            return False
        if is_org_head(t.text):
            return True
    return False


def org_in_part(run: list[Token], sentence: Sentence) -> tuple[int, int] | None:
    """From the words before the first head noun to the last head, and on through an "of ..." tail;
    a title in front is dropped ("Deputy Secretary of State of the Ministry of ..." -> "Ministry of ...")."""
    heads = [i for i, t in enumerate(run) if is_org_head(t.text)]
    if not heads or is_title_word(run[heads[0]].text):
        return None
    after = run[heads[-1] + 1] if heads[-1] + 1 < len(run) else None
    person_follows = after is not None and any(
        e.label == "PERSON" and e.start <= after.start < e.end for e in sentence.entities)
    start = heads[0]
    while start > 0 and run[start - 1].capitalized and not is_title_word(run[start - 1].text) \
            and run[start - 1].text.lower() not in JOINERS:
        start -= 1
        while start > 1 and run[start - 1].text.lower() in ("&", "and", ",") and run[start - 2].capitalized \
                and not is_org_head(run[start - 2].text) and not is_country(run[start - 2].text):
            # "Newspaper Publishers & Editors Association", "National Development and Reform Commission", and a
            # comma the run holds only where it lists a name's words ("The Foreign, Commonwealth and ...")
            start -= 1
    end = heads[-1] + 1
    # "Commission for Propaganda", "Ministry of Information"; but the European Union's High
    # Representative "for Foreign Affairs" holds a portfolio, not a part of the Union's name.
    tail = end < len(run) and (run[end].text.lower() in ("of", "on") or (
        run[end].text.lower() == "for" and run[heads[-1]].text.lower() not in WHOLE_BODIES))
    if tail:
        end = next((i for i in range(end, len(run)) if tail_ends(run, i, sentence)), len(run))
    elif end < len(run) and run[end].capitalized and run[end].text[:1].isalpha() and not person_follows:
        return None  # the head noun only qualifies what follows: "Media Cooperation Forum"
    words = trim(run[start:end])
    while words and words[0].text.lower() in ("the", "’", "'"):
        words = words[1:]
    if not words or words[-1].text.lower() in NON_ORG_WORDS or is_mechanism_like(words):
        return None
    if len(words) == 1 and is_org_head(words[0].text):
        return None  # "Party building": a head noun alone names nothing
    if any(t.text[:1] in "“\"" for t in words):
        return None
    return words[0].start, words[-1].end


def tail_ends(run: list[Token], i: int, sentence: Sentence) -> bool:
    """"Association for Friendship with Foreign Countries" goes on; "Committee with Premier Li" ends, and so
    does "... Foreign Countries and the Shaanxi" before a lower-case "provincial government", and a name before
    its date or place."""
    word = run[i].text.lower()
    if run[i].capitalized and after_country(run, i) and not any(is_org_head(t.text) for t in run[i:]):
        return True  # "General Secretary of the Communist Party of Vietnam To Lam": a name after the country
    if word == "and" and i + 1 < len(run) and run[i + 1].text.lower() == "the":
        return not any(is_org_head(t.text) for t in run[i + 2:])
    if word in ("on", "in") and i + 1 < len(run):  # "General Assembly on Friday", "Council ... in New York"
        where = sentence.entity_at(run[i + 1].start, run[i + 1].end)
        # but "American Chamber of Commerce in China" names a country as a part of the name
        return where is not None and (where.label in ("DATE", "TIME") or (
            word == "in" and where.label in ("GPE", "LOC") and not is_country(where.text.removeprefix("the "))))
    if word != "with":
        return False
    after = run[i + 1] if i + 1 < len(run) else None
    return after is None or is_title_word(after.text) or any(
        e.label == "PERSON" and e.start <= after.start < e.end for e in sentence.entities)


def after_country(run: list[Token], i: int) -> bool:
    """Whether the words just before run[i] name a country ("Vietnam", "South Africa")."""
    return i >= 1 and (is_country(run[i - 1].text) or (i >= 2 and is_country(f"{run[i - 2].text} {run[i - 1].text}")))


def is_mechanism_like(words: list[Token]) -> bool:
    return any(t.text.lower() in MECHANISM_HEADS - {"conference", "exchange", "exchanges"} for t in words[-1:])


def model_org(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A model ORG span, cleaned: no leading article, no possessive, no bare country names."""
    span = text[start:end]
    lead = re.match(r"(?:the\s+)", span, re.IGNORECASE)
    if lead:
        start += lead.end()
        span = text[start:end]
    span_clean = re.sub(r"[’']s$", "", span)
    end = start + len(span_clean)
    words = span_clean.split()
    if not words or not words[0][:1].isupper() or span_clean.endswith(("of", "and")):
        return None
    if all(is_country(w) or w.lower() in NATIONALITIES for w in re.split(r"[- ]", span_clean)):
        return None
    if words[-1].lower() in NON_ORG_WORDS | MECHANISM_HEADS or any(is_title_word(w) for w in words):
        return None
    if len(words) == 1 and is_org_head(words[0]):
        return None  # "Party building": a head noun alone names nothing
    if PORTFOLIO_BEFORE.search(text[:start]) and not any(is_org_head(w) for w in words) and not span_clean.isupper():
        return None  # "Minister for Maritime Affairs": a portfolio, not an organization
    if re.search(r"\d|www\.|\.(com|io|org)\b|&", span_clean) and not span_clean.isupper():
        return None
    return start, end


def defined_acronyms(sentences: list[Sentence], names: list[str]) -> dict[str, str]:
    """Acronym -> the name it abbreviates: "Tokyo Broadcasting System (TBS)", or a name whose initials match."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for m in ACRONYM.finditer(sentence.text):
            before = sentence.text[: m.start()].rstrip()
            for name in sorted(names, key=len):
                if before.endswith(name) or initials_match(m.group(1), name):
                    found[m.group(1)] = clean_name(best_expansion(m.group(1), name))
                    break
    standalone = sorted(set(STANDALONE_ACRONYM.findall(" ".join(s.text for s in sentences))))
    for name in names:
        for acronym in standalone:
            if acronym not in found and initials_match(acronym, name):
                found[acronym] = name
    return found


def content_initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in JOINERS and w[0].isalpha())


def initials_match(acronym: str, name: str) -> bool:
    return len(acronym) >= 2 and content_initials(name).upper() == acronym.upper()


def best_expansion(acronym: str, name: str) -> str:
    """The part of `name` the acronym spells: CPPCC in "National Committee of the Chinese People's ..."."""
    words = name.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if words[i][0].isupper() and initials_match(acronym, tail):
            return tail
    return name


def looks_like_org_acronym(sentence: Sentence, m: re.Match, acronyms: dict[str, str]) -> bool:
    if m.group(1) in acronyms:
        return True
    ent = sentence.entity_at(m.start(1), m.end(1))
    return ent is not None and ent.label == "ORG"


def group(spans: list[tuple[int, int, int, str]], acronyms: dict[str, str]) -> tuple[list[OrgMention], list[Occurrence]]:
    """One OrgMention per organization of the article, named by its fullest form."""
    names: list[str] = []
    for _, _, _, name in spans:
        name = clean_name(name)
        if name not in names:
            names.append(name)
    for acronym, expansion in acronyms.items():
        if expansion not in names and any(clean_name(s[3]) == acronym for s in spans):
            names.append(expansion)
    canonical = {name: canonical_of(name, names, acronyms) for name in names}
    forms: dict[str, list[str]] = {}
    for name, target in canonical.items():
        forms.setdefault(target, [])
        if name != target:
            forms[target].append(name)
    for acronym, expansion in acronyms.items():
        target = canonical.get(expansion, expansion)
        if target in forms and acronym not in forms[target]:
            forms[target].append(acronym)
    mentions = [OrgMention(target, tuple(sorted(set(aliases)))) for target, aliases in forms.items()]
    occurrences = [Occurrence(i, s, e, canonical[clean_name(n)]) for i, s, e, n in spans]
    return mentions, occurrences


def clean_name(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"[’']s$", "", name).replace("’", "'")
    name = re.sub(r"(?<=\w)'$", "", name)
    return re.sub(r"\b(embassy|consulate)\b", lambda m: m.group(1).title(), name)


def canonical_of(name: str, names: list[str], acronyms: dict[str, str]) -> str:
    """The fullest name in the article that `name` is a short form of, or `name` itself."""
    if name in acronyms:
        return canonical_of(acronyms[name], names, {}) if acronyms[name] in names else acronyms[name]
    # a name another one holds with more words ("Ministry of Foreign Affairs" of "Chinese Foreign Ministry"),
    # where only one does; else the longest one it is a form of
    fuller = [o for o in names if o != name and signature(name, acronyms) < signature(o, acronyms)
              and short_form_of(name, o, acronyms)]
    if len(fuller) == 1:
        return fuller[0]
    if len(fuller) > 1:
        return name
    best = name
    for other in names:
        if other != name and len(other) > len(best) and short_form_of(name, other, acronyms):
            best = other
    return best


def short_form_of(short: str, full: str, acronyms: dict[str, str]) -> bool:
    """"Xinhua" of "Xinhua News Agency"; "International Communication Development Center" of
    "... Center of the China Foreign Languages Bureau"; "Ministry of Foreign Affairs" of
    "Chinese Ministry of Foreign Affairs"; "Liberal Democrats" of "Liberal Democratic Party"."""
    a, b = signature(short, acronyms), signature(full, acronyms)
    if a == b:
        return True
    if full.startswith(short + " of ") and len(short.split()) >= 2:
        return True
    short_words = short.split()
    if len(short_words) == 1 and not is_org_head(short) and full.split()[0] == short and all(is_org_head(w) or w[0].isupper()
                                                                  for w in full.split()[1:]):
        return True
    return bool(a) and a < b and b - a <= COUNTRY_WORDS \
        and len(b - a) == 1


def signature(name: str, acronyms: dict[str, str]) -> frozenset[str]:
    """The words that identify an organization, in one form: "Chinese Foreign Ministry" and
    "Ministry of Foreign Affairs of China" agree; "Komeito party" and "Komeito" agree."""
    text = fold(name)
    for acronym, expansion in acronyms.items():
        text = re.sub(rf"\b{acronym.lower()}\b", fold(expansion), text)
    for adjective, ministry in MINISTRY_ALIASES.items():
        text = re.sub(rf"\b{adjective} ministry\b", f"ministry of {ministry}", text)
    words = set(re.findall(r"[a-z0-9]+", text)) - {"the", "of", "and", "s", "for", "party", "people's"}
    words = {NATIONALITIES.get(w, w).lower() for w in words}
    if "republic" in words and "people" in words:
        words -= {"republic", "people"}
    return frozenset(stem(w) for w in words)


def stem(word: str) -> str:
    return re.sub(r"(ic|s)$", "", word) if len(word) > 4 else word
