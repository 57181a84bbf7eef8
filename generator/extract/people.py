"""People and the titles they held, from the model's PERSON spans and the ways news names officials:
"Chinese Ambassador to Japan Wu Jianghao", "Takeshi Noda, president of the Japan-China Society",
lists of "Name, Title, Name, Title", and surnames ("Fu said") tied to the full name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PersonMention
from ..read.cleaning import LOWER, UPPER
from .lexicon import (
    MECHANISM_HEADS,
    NATIONALITIES,
    ORG_HEADS,
    TITLE_JOINERS,
    TITLE_LEADERS,
    TITLE_WORDS,
    fewest_titles,
    is_country,
    is_org_head,
    is_title_word,
    without_possessive,
)
from .nlp import Sentence, Span, tokens

PARTICLE = r"(?:bin|binti|bint|ibn|van|von|der|den|ter|ten|de|da|do|das|del|della|di|al|el|la|le|los|dos|du)"
# A name's word: "Wang", "Jae-in", "Gaulle-Anthonioz", "el-Sisi", "O'Brien", "McCarthy", an initial ("S."), a
# generation ("Jr.", "III").
NAME_WORD = (rf"(?:[{UPPER}][{LOWER}’'-]+|[{UPPER}][{LOWER}]+-[{UPPER}][{LOWER}]+|{PARTICLE}-[{UPPER}][{LOWER}]+"
             rf"|[{UPPER}][’'][{UPPER}][{LOWER}]+|(?:Mc|Mac|De|Di|La|Le)[{UPPER}][{LOWER}]+"
             rf"|[{UPPER}]\.|[{UPPER}](?![\w’'])|(?:Jr|Sr)\.?|II|III|IV)")
NAME = rf"{NAME_WORD}(?: (?:{PARTICLE} ){{0,2}}{NAME_WORD}){{0,3}}"
WHEN = frozenset(["former", "then", "outgoing", "incoming", "late", "retired", "erstwhile"])
"""Words that put a title at another time than the event's: they stay part of the role."""
SURNAME_FIRST = re.compile(r"(?:^|(?<=\s))(([A-Z]{2,}(?:-[A-Z]{2,})?) [A-Z][a-z]+(?:-[a-z]+)?)\s*$")
TRAILING_NAME = re.compile(rf"(?:^|(?<=\s))({NAME})\s*$")
REPORTING = re.compile(r"\s+(?:said|says|stressed|noted|added|told|urged|called|stated|pointed|"
                       r"expressed|introduced|led|attended|delivered|spoke|highlighted|welcomed)\b.*$")
# "Cabinet Secretary for Information Eliud Owalo said". Any titled run that ends a clause ("and Director for
# Strategy Sergey Kuzovnikov.") found a few more people and more false ones on the blind set.
TITLED_SPEAKER = re.compile(r"(?P<run>(?:[A-Z][\w’'-]*\s+(?:(?:of|for|to|the)\s+)*){2,9}[A-Z][\w’'-]*)\s+"
                            r"(?:said|says|told|noted|stressed|added)\b")
PREPOSITIONS = frozenset(["on", "in", "at", "to", "for", "with", "from", "by", "of", "during", "after", "before"])
# The rest of a portfolio listed in lower case: "sports and tourism of the Republic of Korea (ROK)".
LOWER_PORTFOLIO = re.compile(r"^(?:and\s+)?[a-z]+(?:\s+and\s+[a-z]+)?(?:\s+of\s+.+)?$")
# "Kamala Devi, who is also the president of ...": the title a relative clause states.
RELATIVE_TITLE = re.compile(r"^who\s+(?:is|serves\s+as|acts\s+as)\s+(?:also\s+)?(?=\S)")
# Two name words and the end of a clause: a comma, a relative pronoun, a verb, "and".
NAME_BEFORE_BREAK = re.compile(rf"(?<![\w’'-])({NAME_WORD} {NAME_WORD})(?=\s*[,;]|\s+(?:who|whose|and|met|held|"
                               r"received|said|on|in|at|during|from|also)\b|\s*[.)]?$)")
REPORTING_VERB = r"(?:said|says|added|noted|stressed)"
# "and his Iranian counterpart ", "met with her South African counterpart, ": right before the name.
COUNTERPART = re.compile(r"\b(?:his|her|their|its)\s+(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+counterparts?,?\s+$")
# "in Labuan Bajo": a name after these is a place the model took for a person.
PLACE_BEFORE = re.compile(r"\b(?:in|near)\s+$")
GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
"""The last word of a name that tells its bearer from a father of the same name ("Ferdinand Marcos Jr.")."""
# The verbs of a headline, which a model reading one in Title Case runs into the name before them.
HEADLINE_VERBS = frozenset(["holds", "meets", "attends", "visits", "says", "calls", "urges", "receives", "hosts", "signs",
                            "opens", "launches", "welcomes", "vows", "pledges", "stresses", "discusses", "chairs",
                            "leads", "congratulates", "concludes", "begins", "arrives", "addresses", "joins", "heads",
                            "talks", "speaks", "underlines", "highlights", "hails", "inaugurates"])
# Forms of address, never a name's words, and the honorifics that may stand between a title and a name, part of
# neither: "Political Counsellor Miss Bao", "UAE President Sheikh Mohamed", "Vice-Chancellor Professor Maikudi".
ADDRESS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "madam", "madame", "mister"])
HONORIFICS = ADDRESS | frozenset(["sheikh", "sheikha", "professor", "prof", "prince", "princess"])
NOT_NAMES = frozenset(["the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "according", "meanwhile", "however", "during", "since", "after", "before", "when", "while", "in", "on", "at", "for", "from", "with", "by", "as", "also", "both", "and", "but", "or", "if", "then", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "excellency"]) | ADDRESS
# Words that make a chunk a clause, not a title ("who met the president"): no title opens with them.
CLAUSE_WORDS = NOT_NAMES | frozenset([
    "who", "whom", "whose", "which", "said", "says", "met", "meets", "told", "was", "is", "were", "are", "has", "have",
    "had", "will", "would", "can", "could", "to", "where", "not", "all", "each", "some", "many", "saw", "sees",
    "took", "gave", "made", "became", "becomes", "held", "led", "two", "three", "four", "five", "several", "other",
    "others", "more", "most", "such",
    # prepositions that join no title's words: "the talks between Chinese Foreign Minister Wang Yi"
    "between", "among", "amid", "about", "with", "from", "by", "during", "after", "before", "against", "via", "talks"])


@dataclass(frozen=True)
class Occurrence:
    """Where a person, organization or mechanism is named: which sentence, which characters."""

    sentence: int
    start: int
    end: int
    name: str
    """The canonical name of the thing within its article."""


def find_people(sentences: list[Sentence]) -> tuple[list[PersonMention], list[Occurrence]]:
    stated = titled_names(sentences)
    full = full_names(sentences, stated)
    short = surnames(full)
    roles: dict[str, list[str]] = {name: [] for name in full}
    occurrences = find_occurrences(sentences, full, short)
    before = [(o.name, title_before(sentences[o.sentence].text, o.start, occurrences, o.sentence))
              for o in occurrences]
    for name, role in [*stated, *before]:
        person = name if name in full else short.get(name)
        if person and role and role.lower() not in {r.lower() for r in roles[person]}:
            roles[person].append(role)
    for name, role in counterparts(sentences, occurrences, roles):
        roles[name] = roles[name] or [role]
    used: dict[str, set[str]] = {o.name: set() for o in occurrences}
    for occ in occurrences:
        used[occ.name].add(sentences[occ.sentence].text[occ.start:occ.end])
    people = [PersonMention(name, aliases(name, used.get(name, set())), tuple(fewest_titles(roles[name])))
              for name in full]
    return people, occurrences


def counterparts(sentences: list[Sentence], occurrences: list[Occurrence],
                 roles: dict[str, list[str]]) -> list[tuple[str, str]]:
    """"Saudi Foreign Minister A met his Iranian counterpart B": B holds A's office for another country, so B is
    the "Iranian Foreign Minister"."""
    found = []
    for o in occurrences:
        m = COUNTERPART.search(sentences[o.sentence].text[:o.start])
        if m is None:
            continue
        host = max((h for h in occurrences if h.sentence == o.sentence and h.end <= m.start() and roles.get(h.name)),
                   key=lambda h: h.start, default=None)
        if host and (office := office_of(roles[host.name][0])):
            found.append((o.name, f"{m.group('country')} {office}"))
    return found


def office_of(title: str) -> str | None:
    """A title without the country it is of: "Foreign Minister" of "Chinese Foreign Minister", "Minister for
    Foreign Affairs" of "Minister for Foreign Affairs of Japan"."""
    words = title.split()
    while words and (words[0].lower() in NATIONALITIES or is_country(without_possessive(words[0]))):
        words.pop(0)
    office = " ".join(words)
    of = re.search(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w ]+)$", office)
    if of and is_country(of.group("country")):
        office = office[:of.start()]
    return office if any(is_title_word(w) for w in office.split()) else None


def titled_names(sentences: list[Sentence]) -> list[tuple[str, str]]:
    """(name, role) from appositions: "Name, title of Org," and lists of them."""
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        # a sentence's closing stop is no part of its last name ("..., and the Ambassador, Rod Brazier.")
        chunks = [c.strip() for c in re.sub(r"(?<=[a-z])[.!?]$", "", sentence.text).split(",")]
        i = 0
        while i < len(chunks) - 1:
            name = trailing_name(chunks[i])
            next_in_list = chunks[i + 1].startswith(("and ", "or ")) and i + 2 < len(chunks) \
                and trailing_name(chunks[i + 2]) == chunks[i + 2]  # "X, and the Speaker of Y, Z,": Z's title
            role_parts = [title_start(RELATIVE_TITLE.sub("", chunks[i + 1]))] \
                if name and not next_in_list and not names_someone(sentence, chunks[i + 1]) else [None]
            if not name or role_parts[0] is None:
                i += 1
                continue
            j = i + 2
            while j < len(chunks) and continues_title(chunks, j) and not opens_with_someone(sentence, chunks[j]):
                role_parts.append(chunks[j])
                j += 1
            found.extend((name, r) for r in roles_of(role_parts))
            i = j
        found.extend(title_first(sentence, chunks))
    return found


def title_first(sentence: Sentence, chunks: list[str]) -> list[tuple[str, str]]:
    """"The Speaker of the National Assembly, Moses Wetang'ula, on Monday received ...", "attended by the
    Chinese ambassador, Wang Lutong, and ...": a title, then a name set off by commas."""
    found = []
    for i in range(len(chunks) - 1):
        opening = i == 0 or chunks[i].startswith(("and ", "or "))
        titles = [title_start(re.sub(r"^(?:and|or)\s+", "", chunks[i])) if opening else None, trailing_title(chunks[i])]
        # the chunk as a whole, else its end: "Rubio met Japan's top diplomat, Takeshi Iwaya, ..."
        role = next((t for t in titles if t and len(t.split()) <= 12 and not names_someone(sentence, t)), None)
        name = trailing_name(chunks[i + 1])
        if role is None or name != chunks[i + 1] or len(name.split()) < 2:
            continue
        found.append((name, role))
    return found


def trailing_title(chunk: str) -> str | None:
    """"the Chinese ambassador" closing "The meeting was also attended by the Chinese ambassador": a title
    after "the", "a" or "by", or a country's ("met Japan's top diplomat"), that ends the chunk on a title's word."""
    m = re.search(r"(?:\b(?:the|by|with|including)\s+|\s(?=[A-Z][\w.-]*[’']s\s))((?:[\w’'-]+\s+){0,5}?[\w-]+)$", chunk)
    if not m or not is_title_word(m.group(1).split()[-1]):
        return None
    return title_start(m.group(1))


def names_someone(sentence: Sentence, chunk: str) -> bool:
    """"Rigathi Gachagua, Vice Premier Ding Xuexiang will attend": the title is the next person's."""
    return any(e.label == "PERSON" and len(e.text.split()) >= 2 and e.text in chunk for e in sentence.entities)


def opens_with_someone(sentence: Sentence, chunk: str) -> bool:
    """"and Kamala Devi, who ..." after a title: a person the chunk names is the next of a list, not more of
    the title; unless the name is part of a longer one ("Ho Chi Minh National Academy of Politics")."""
    return any(e.label == "PERSON" and len(e.text.split()) >= 2 and e.text in chunk
               and not re.match(r"\s+[A-Z]", chunk[chunk.index(e.text) + len(e.text):]) for e in sentence.entities)


def roles_of(parts: list[str | None]) -> list[str]:
    """The titles of an apposition's chunks: each chunk that starts a title starts a new one, a chunk
    that does not goes on with the one before ("Minister of Information", "Culture", "and Tourism")."""
    roles: list[str] = []
    for part in parts:
        if not part:
            continue
        part = REPORTING.sub("", part).strip()
        if roles and title_start(part) is None:
            roles[-1] = f"{roles[-1]}, {part}"
        else:
            roles.append(part)
    return [r.strip(" .;:") for role in roles for r in split_roles(role) if r.strip(" .;:")]


def trailing_name(chunk: str) -> str | None:
    chunk = re.sub(r"^(?:and|including|as well as|with|by)\s+", "", chunk)
    caps = SURNAME_FIRST.search(chunk)
    if caps and surname_in_capitals(caps.group(2)):
        return caps.group(1)
    m = TRAILING_NAME.search(chunk)
    if not m or PLACE_BEFORE.search(chunk[:m.start()]):  # "their meeting in Lima, and ..."
        return None
    words = m.group(1).split()
    while words and not plausible_name_word(words[0]):
        words.pop(0)
    return " ".join(words) if words and all(plausible_name_word(w) for w in words) else None


def surname_in_capitals(word: str) -> bool:
    """"YAMADA" of "YAMADA Keiji" (lists of officials write surnames first, in capitals), not an acronym:
    a word of three letters or more with a vowel, that names no country."""
    return len(word) >= 3 and bool(re.search(r"[AEIOUY]", word)) and not is_country(word) and \
        word.lower() not in NATIONALITIES


def plausible_name_word(word: str) -> bool:
    low = without_possessive(word.lower()).strip(".’'")
    return low in GENERATIONS or not (low in NOT_NAMES or low in TITLE_WORDS or low in ORG_HEADS or low in MECHANISM_HEADS
                or low in NATIONALITIES or is_country(low) or (word.isupper() and len(word.strip(".")) > 1))


def title_start(chunk: str) -> str | None:
    """The chunk, if it is a title ("also general secretary of ...", "Japanese minister for ...")."""
    words = chunk.split()
    if words and words[0].lower() in PREPOSITIONS:
        return None  # "on an official visit": no title opens with a preposition
    while words and words[0].lower() in TITLE_LEADERS and words[0].lower() not in WHEN:
        words.pop(0)
    when = []
    while words and words[0].lower() in WHEN:  # "former secretary-general": a title of another time
        when.append(words.pop(0))
    for i, word in enumerate(words[:5]):
        low = word.lower().strip(",.")
        if is_title_word(low):
            return " ".join(when + words)
        if not (word[:1].isupper() or low in TITLE_JOINERS or qualifier(low)):
            return None
    return None


def qualifier(word: str) -> bool:
    """A lower-case word a title may open with ("board member", "first vice-minister", "party committee
    secretary"): not a verb, pronoun or clause word, which would make the chunk a clause, not a title."""
    return word.isalpha() and word not in CLAUSE_WORDS and not re.search(r"(?:ed|ing|ly)$", word)


def continues_title(chunks: list[str], j: int) -> bool:
    """Whether chunk j goes on with the title before it ("Information, Culture, and Tourism of Laos")."""
    chunk = chunks[j]
    if REPORTING.search(" " + chunk):
        return False
    if title_start(chunk) is not None:
        return True  # "Politburo member, Secretary of the ... Committee and head of ..."
    if re.search(r"\bof\s+[a-z]+$", chunks[j - 1]) and LOWER_PORTFOLIO.match(chunk):
        return True  # "first vice-minister of culture, sports and tourism of the Republic of Korea"
    if not re.match(r"^(?:and\s+)?[A-Z]", chunk):
        return False
    if trailing_name(chunk) == re.sub(r"^and\s+", "", chunk) and j + 1 < len(chunks) \
            and title_start(chunks[j + 1]):
        return False
    return len(chunk.split()) <= 6


def split_roles(role: str) -> list[str]:
    """"Director of X and member of Y" holds two titles."""
    parts = re.split(r"\s+and\s+(?=(?:also\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?:"
                     + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\b)", role, flags=re.IGNORECASE)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def full_names(sentences: list[Sentence], stated: list[tuple[str, str]]) -> list[str]:
    """Names of two words or more from the model, and any name an apposition gives a title."""
    names: list[str] = []
    cased: set[str] = set()  # names found in a sentence that is not in Title Case
    for sentence in sentences:
        for ent in sentence.entities:
            if ent.label == "PERSON" and not PLACE_BEFORE.search(sentence.text[: ent.start]):
                name = clean_person(portfolio_apart(sentence.text, ent.start, whole_name(sentence.text, ent.start, ent.end)))
                if name and title_case(sentence.text):
                    name = before_headline_verb(name)
                if name and len(name.split()) >= 2 and name not in names and not is_country(name) \
                        and name.lower() not in NATIONALITIES:  # "Sri Lankan President ...": no one's name
                    names.append(name)
                if name and not title_case(sentence.text):
                    cased.add(name)
    # "Anna Berg Holds" of a headline "Minister Anna Berg Holds Talks with ...": where the body names "Anna
    # Berg", the longer form is the headline's capitals, not a longer name
    names = [n for n in names if n in cased or not any(o in cased and f" {o} " in f" {n} " for o in names if o != n)]
    for sentence in sentences:
        for m in TITLED_SPEAKER.finditer(sentence.text):
            words = m.group("run").split()
            name = " ".join(words[-2:])
            if any(w.lower() in TITLE_WORDS for w in words[:-2]) and all(plausible_name_word(w) for w in words[-2:]) \
                    and clean_person(name) == name and not any(name in n or n in name for n in names):
                names.append(name)  # one the model missed, named after a title
    for sentence in sentences:
        for name in titled_before_break(sentence):
            if not any(name in n or n in name for n in names) and (
                    named_again(sentences, sentence, name) or listed_with_titled_people(sentence, name)):
                names.append(name)
        for ent in sentence.entities:  # "China's Vice Premier Sun Chunlan": the model's ORG after a title
            if ent.label == "ORG" and person_after_title(sentence.text, ent) and ent.text not in names:
                names.append(ent.text)
            elif ent.label == "ORG" and (name := name_closing_portfolio(sentence.text, ent) or name_after_inner_title(ent)) \
                    and name not in names:
                names.append(name)
    # "Sam An" found inside "Men Sam An" is the same person
    names = [n for n in names if not any(f" {n} " in f" {other} " and n != other for other in names)]
    singles = [n for n, _ in stated if n not in names]
    for name in singles:
        if not any(name in full.split() for full in names) and name not in names:
            names.append(name)
    return names


def titled_before_break(sentence: Sentence) -> list[str]:
    """"with Minister of Foreign Affairs of the Republic of Indonesia Retno Halim, who ...": two name words
    closing a run of capitalized words that holds a title, where the model saw no name."""
    found = []
    for m in NAME_BEFORE_BREAK.finditer(sentence.text):
        name = m.group(1)
        if is_country(name) or not all(plausible_name_word(w) for w in name.split()):
            continue
        ent = sentence.entity_at(m.start(1), m.end(1))
        if ent is not None and (ent.label == "PERSON" or (ent.start <= m.start(1) and m.end(1) <= ent.end)):
            continue
        if titled_run_before(sentence.text[:m.start(1)]):
            found.append(name)
    return found


def named_again(sentences: list[Sentence], where: Sentence, name: str) -> bool:
    """A person the model missed is one where another sentence calls them by the surname alone and has
    them say or do something ("Halim laid a wreath", "Phomvihane said"): a title's last words are not."""
    surname = re.escape(name.split()[-1])
    pattern = re.compile(rf"(?:^|[,;]\s+|\band\s+)(?:Mr\.?\s+|Ms\.?\s+)?{surname}\s+(?:[a-z]+ed|said|says|met|told|"
                         rf"spoke|held|thanked|noted|laid|took|gave|made|urged)\b|\b{REPORTING_VERB}\s+{surname}\b")
    return any(s is not where and pattern.search(s.text) for s in sentences)


def listed_with_titled_people(sentence: Sentence, name: str) -> bool:
    """"led by Director General Andrey Kondrashev, ... and Director for Strategy Sergey Kuzovnikov": the last
    of a list of titled people the model found all but one of."""
    at = sentence.text.find(name)
    titled = [e for e in sentence.entities if e.label == "PERSON" and e.end <= at
              and titled_run_before(sentence.text[:e.start])]
    return len(titled) >= 1 and re.search(r"(?:,|\band)\s+(?:[A-Z][\w-]*\s+(?:(?:of|for|and)\s+)?)+$",
                                          sentence.text[:at]) is not None


def person_after_title(text: str, ent: Span) -> bool:
    """A span the model calls an organization that is two or three name words right after a title's word."""
    words = ent.text.split()
    before = tokens(text[:ent.start])
    return 2 <= len(words) <= 3 and all(plausible_name_word(w) and w[:1].isupper() for w in words) \
        and not is_country(ent.text) and bool(before) and before[-1].text.lower() in TITLE_WORDS


def name_closing_portfolio(text: str, ent: Span) -> str | None:
    """"Minister of | International Relations and Cooperation Ronald Lamola |": the model's ORG that runs a
    minister's portfolio into the name after it; its last two words, where no head noun makes it a body."""
    words = ent.text.split()
    if len(words) < 4 or any(is_org_head(w) for w in words) or not re.search(r"\b(?:of|for)\s+$", text[:ent.start]):
        return None
    name = words[-2:]
    if not all(plausible_name_word(w) and re.fullmatch(NAME_WORD, w) for w in name) or not titled_run_before(text[:ent.start]):
        return None
    return " ".join(name)


def name_after_inner_title(ent: Span) -> str | None:
    """"Kazakh President Kassym-Jomart Tokayev": the model's ORG that runs a title into the two or three name
    words after it, where no head noun makes it a body."""
    words = ent.text.split()
    last = max((i for i, w in enumerate(words) if is_title_word(w)), default=None)
    if last is None or not 2 <= len(words) - last - 1 <= 3 or any(is_org_head(w) for w in words):
        return None
    name = " ".join(words[last + 1:])
    return name if clean_person(name) == name else None


def titled_run_before(text: str) -> bool:
    """Whether `text` ends in a title and the capitalized words of its object ("Lao Minister of Information,
    Culture and Tourism ")."""
    for token in reversed(tokens(text)[-15:]):
        word = token.text
        if is_title_word(word):
            return True
        if not (word[:1].isupper() or word.lower() in ("of", "for", "to", "the", "and", ",", "&")):
            return False
    return False


def before_headline_verb(name: str) -> str:
    """A Title Case headline's "Sugiono Holds Bilateral": the name ends before the headline's verb."""
    words = name.split()
    verb = next((i for i, w in enumerate(words) if w.lower() in HEADLINE_VERBS), len(words))
    return " ".join(words[:verb])


def title_case(text: str) -> bool:
    """A headline that capitalizes every word ("Minister Holds Talks with ..."), where capitals mark no name."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def portfolio_apart(text: str, start: int, name: str) -> str:
    """"Minister of Foreign Trade and | Tourism Diego Salas": a PERSON span of three words or more that
    opens right after a portfolio's "of"/"and" begins with the portfolio's last word."""
    words = name.split()
    clause = re.split(r"[,;(]", text[:start])[-1]  # "... Central Committee, and Ibrahima Sory Sylla": a new item
    if len(words) >= 3 and re.search(r"\b(?:of|for|and|&)\s+$", clause) and titled_run_before(clause):
        return " ".join(words[1:])
    return name


def whole_name(text: str, start: int, end: int) -> str:
    """The model's PERSON span, with a name word it cut off after it ("Luhut Binsar | Pandjaitan") and the
    rest of a hyphenated word it cut ("Moon Jae | -in")."""
    hyphenated = re.match(r"-[a-z]+\b", text[end:])
    if hyphenated:
        end += hyphenated.end()
    name = text[start:end]
    m = re.match(rf"\s({NAME_WORD})(?=[\s,.;:]|$)", text[end:])
    if m and len(name.split()) < 4 and plausible_name_word(m.group(1)) and m.group(1)[:1].isupper():
        name += " " + m.group(1)
    return name


def clean_person(text: str) -> str | None:
    text = re.split(r"[’']s\b", text.strip())[0]  # "Xi Jinping's Belt": the name ends at its possessive
    words = text.split()
    while words and not plausible_name_word(words[0]):
        words.pop(0)
    if not words or any(not re.fullmatch(NAME_WORD + r"|" + PARTICLE, w) for w in words):
        return None
    return " ".join(words) if all(plausible_name_word(w) for w in words if w[0].isupper()) else None


def surnames(full: list[str]) -> dict[str, str]:
    """Single words that stand for exactly one full name of the article ("Fu" -> "Fu Hua")."""
    owners: dict[str, set[str]] = {}
    for name in full:
        words = name.split()
        if len(words) < 2:
            continue
        for word in words:
            if len(word) >= 2 and not word.endswith(".") and word[0].isupper():  # not "da" of "Lula da Silva"
                owners.setdefault(word, set()).add(name)
    return {word: next(iter(names)) for word, names in owners.items() if len(names) == 1 and word not in full}


def aliases(name: str, used: set[str]) -> tuple[str, ...]:
    """The other forms the article uses, and the name without its middle initials or its generation ("Jr.")."""
    forms = [form for form in used if form != name]
    shorter = " ".join(w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w) and w.lower().strip(".") not in GENERATIONS)
    if shorter != name:
        forms.append(shorter)
    return tuple(sorted(forms))


def find_occurrences(sentences: list[Sentence], full: list[str], short: dict[str, str]) -> list[Occurrence]:
    forms = {name: name for name in full} | short
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                         + r")(?!\w)(?![-’'](?!s\b)[A-Za-z])") if forms else None  # "Marcos Jr.", "Xi Jinping's"; not "Jae" of "Jae-in"
    found = []
    for index, sentence in enumerate(sentences):
        for m in pattern.finditer(sentence.text) if pattern else ():
            found.append(Occurrence(index, m.start(), m.end(), forms[m.group(1)]))
    return found


def title_before(text: str, start: int, occurrences: list[Occurrence], index: int) -> str | None:
    """The title just before a name: "Chinese Foreign Ministry spokesperson Mao Ning"."""
    floor = max((o.end for o in occurrences if o.sentence == index and o.end <= start), default=0)
    words = [t for t in tokens(text[floor:start])]
    kept: list[str] = []
    qualifies = False  # the word kept last is a title's word or a lower-case word of one
    for token in reversed(words):
        word = token.text
        low = word.lower()
        if qualifies and word.islower() and (qualifier(low) or low in WHEN) and low not in TITLE_JOINERS:
            kept.insert(0, word)  # "China's top legislator", "EU foreign policy chief": a title's lower-case words
            continue
        if is_title_word(word) or word[:1].isupper() \
                or low in TITLE_JOINERS or low in NATIONALITIES:
            kept.insert(0, word)
            qualifies = is_title_word(word)
            continue
        break
    while kept and (kept[0].lower() in TITLE_JOINERS or kept[0].lower() in TITLE_LEADERS
                    or (kept[0].lower() in CLAUSE_WORDS and not kept[0].isupper())):  # "WHO chief" keeps WHO
        kept.pop(0)
    before = words[: len(words) - len(kept)]
    while kept and kept[-1].lower().rstrip(".") in HONORIFICS and any(is_title_word(w) for w in kept[:-1]):
        kept.pop()  # "UAE President Sheikh Mohamed ...", but "Professor Li Ming" keeps the only title he has
    if not any(is_title_word(w) for w in kept):
        return None
    while before and before[-1].text.lower() in WHEN:  # "former Japanese Prime Minister Yasuo Fukuda"
        kept.insert(0, before.pop().text)
    return re.sub(r"\s+([’']s)\b", r"\1", " ".join(kept)) or None
