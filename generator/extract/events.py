"""Events one article reports: the occasion it is about, sessions of mechanisms it names, and meetings
between people, each with its date, place, participants, summary, outcomes and statements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import EventMention, Participant, PersonMention, Statement
from .dates import Anchor, FoundDate, find_dates
from .lexicon import (
    NATIONALITIES,
    ORDINALS,
    TITLE_WORDS,
    is_country,
    ordinal_number,
    party_alternatives,
    party_forms,
)
from .mechanisms import SessionMention
from .nlp import Sentence
from .people import WHEN, Occurrence

HELD = re.compile(r"\b(?:was|were|is|are|will be|has been)\s+(?:successfully\s+|also\s+|jointly\s+|officially\s+)?"
                  r"(?:held|hosted|convened|opened|staged|inaugurated|launched|kicked off)\b|"
                  r"\b(?:took place|opened|kicked off|concluded|closed|got under way)(?=\s+(?:on|in|at|here|today|"
                  r"yesterday|with)\b)")
MEETING = re.compile(r"\b(?:talks\s+(?:between|with)|(?:held|holds?|had|has)\s+(?:a\s+|an\s+|their\s+)?"
                     r"(?:(?:phone|video|telephone|virtual|in-depth|bilateral|formal|informal|official|strategic|annual)\s+)*"
                     r"(?:talks|call|conversation|meeting|consultations?|dialogue|discussions?)|"
                     r"(?:spoke|speaks|talked|talks)\s+(?:by|over|on\s+the)\s+(?:tele)?phone|"
                     r"met\s+(?:with\s+)?|meets\s+(?:with\s+)?|meeting\s+(?:between|with)|while\s+meeting|"
                     r"received|hosted|hosts|(?:called|calls|calling)\s+on|(?:paid|pays|paying|made|makes)\s+a\s+"
                     r"courtesy\s+(?:call|visit)\s+(?:on|to)|signed|(?:paid|pays|paying|began|begins|made|makes|concluded|concludes|"
                     r"wrapped\s+up|wraps\s+up|ended|ends)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}"
                     r"visits?\s+to|visited|is\s+visiting|arrived\s+in|arrives\s+in|"
                     r"(?<!hoping\s)(?<!hopes\s)(?<!plans\s)(?<!expected\s)(?<!seeking\s)to\s+meet\s+(?:with\s+)?)\b")
COMMEMORATION = re.compile(r"\b(?:an?|the)\s+(?P<kind>event|ceremony|reception|celebration|gathering|commemoration|"
                           r"concert|symposium)\b[^.;]{0,80}?\b(?:to\s+mark|marking|to\s+celebrate|celebrating|"
                           r"to\s+commemorate|commemorating)\s+(?P<what>the\s+[^,.;]+?)(?=[,.;]|\s+(?:on|in|at|with|which|"
                           r"where|and)\b|$)")
OCCASION_VERB = re.compile(r"\b(?:gathered|assembled|attended|attends|hosted|hosts|held|holds|organized|organised|"
                           r"joined)\b[^.;]*$")
FOR_SESSION = re.compile(r"\b(?:for|at|to\s+attend|to\s+hold)\s+(?:the\s+)?(?:(?:\d+(?:st|nd|rd|th)|\d{4}|[a-z]+(?:st|nd|rd|th)|annual|yearly)\s+)?$")
# "Speaking at the seminar, Thang said", "X co-chaired the event": people of an event named before, by its kind.
AT_THE = re.compile(r"\b(?:co-chaired|chaired|attended|addressed|(?:speaking|spoke|speaks)\s+at)\s+the\s+"
                    r"(?P<noun>event|seminar|meeting|forum|dialogue|session|conference|summit|ceremony|symposium)\b",
                    re.IGNORECASE)
# "Russian and Ukrainian delegations held direct talks": who held them, and how.
SIDE_NOUNS = r"(?:delegations|officials|negotiators|diplomats|sides|governments|teams)"
TALKS_VERB = (r"(?:held|hold|holds|began|begin|begins|opened|open|opens|concluded|conclude|concludes|resumed|resume|"
              r"resumes|wrapped\s+up|wrap\s+up|wraps\s+up)")
TALKS_WORD = re.compile(r"\b(?:talks|negotiations|consultations)\b")
MEETING_WITH = re.compile(r"\bmeeting\b[^,.;]{0,60}?\bwith\b")
ANAPHOR = re.compile(r"^(?:the|this|that|it|its)\b(?:\s+(?:event|meeting|forum|dialogue|talks|session|summit|"
                     r"seminar|conference|activity|gathering))?$", re.IGNORECASE)
# "Vice Premier Ding attended the Africa Climate Summit on Monday": someone was at a session of it.
ATTENDED = re.compile(r"\b(?:attended|attends|attending|addressed|addresses|addressing|spoke at|speaks at|"
                      r"participated in|participates in|took part in|takes part in|chaired|co-chaired|chairs|co-chairs|"
                      r"was present at|joined|opened|inaugurated|hosted|convened|presided\s+over|"
                      r"delivered\s+(?:a|the|his|her)\s+(?:keynote\s+|key\s+|opening\s+)?"
                      r"(?:speech|address|remarks)\s+at)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:(?:opening|closing)\s+(?:ceremony|session|plenary)\s+of\s+(?:the\s+)?)?$")
BEFORE_NOW = r"previous|last|earlier|ago"
"""Words that put a meeting before the one reported: the core of PAST and of EARLIER."""
PAST = re.compile(rf"\b(?:{BEFORE_NOW}|their|former|past|established|since)\b", re.IGNORECASE)
# A meeting still to come: "ahead of the fifth forum", "the 12th committee will be held later this year".
PLAN_BEFORE = re.compile(r"\b(?:ahead of|prepar\w*\s+for|upcoming|forthcoming|next|forward to|(?:will|to)\s+(?:host|hold|"
                         r"attend|convene))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.IGNORECASE)
PLAN_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,[^,.;]{0,60}(?=,))?,?\s*(?:which\s+|that\s+)?(?:will|shall|"
                        r"is\s+to|are\s+to|is\s+set\s+to|is\s+expected\s+to|(?:is\s+|are\s+)?(?:scheduled|slated|planned|due)"
                        r"\s+(?:for|to|in|on)|to\s+be\s+held)\b|^[^.;,]{0,20}?\b(?:next|later this|early next|in the coming)"
                        r"\s+(?:year|month|week)\b", re.IGNORECASE)
EARLIER = re.compile(rf"\b(?:{BEFORE_NOW}|previously|formerly)\b", re.IGNORECASE)
"""Before a meeting's verb ("The two last met in mid-September when Wang visited Seoul"): a meeting told of as past."""
REPORTING = r"(?:said|says|added|noted|stressed|told|urged|stated|emphasized|pointed out|believed|hoped)"
SPOKESPERSON = re.compile(r"spokes(?:person|man|woman)", re.IGNORECASE)
# Who led: named after "led by" (titles between), or before "led"/"co-chaired" (a title between commas).
LED_BY = re.compile(r"\b(?:led|headed|chaired|co-chaired|presided\s+over)\s+by\s+")
LEADS = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,[^,;.]{0,100},)?\s*(?:who\s+)?(?:also\s+)?(?:led|leads|leading|headed|heads|"
                   r"heading|chaired|chairs|co-chaired|co-chairs|co-chairing|presided\s+over)\b(?!\s+by\b)")
HEAD_OF_DELEGATION = re.compile(r"\b(?:head|leader|chief)\s+of\s+(?:the\s+|a\s+)?[^,;]{0,60}\bdelegation\b", re.IGNORECASE)
DELEGATION = re.compile(r"\b(?:led|headed)\b[^.]*\bdelegation\b|\bdelegation\s+(?:led|headed)\s+by\b", re.IGNORECASE)
# "... the consensus reached between President Xi Jinping and Prime Minister Shigeru Ishiba at their meeting
# in Lima": the people of an earlier agreement, named as its authors, not as this event's participants.
EARLIER_AGREEMENT = re.compile(r"\b(?:consensus|understandings?|agreements?)\s+(?:reached|agreed(?:\s+upon)?)\s+"
                               r"(?:by|between)\b[^,;.]*$", re.IGNORECASE)
# "read out a congratulatory letter by Chinese President Xi Jinping", "on behalf of ...": whoever sent words to
# the event, or whose idea it follows, was not there by being named so.
SENT_BY = re.compile(r"\b(?:(?:letters?|messages?|greetings|congratulations|instructions?|initiatives?|vision|"
                     r"proposals?|speech|remarks)\s+(?:from|by|of)|on\s+behalf\s+of|(?:proposed|put\s+forward|"
                     r"initiated|sent)\s+by)\s+(?:[A-Z][\w’'-]*\s+|[a-z-]+\s+){0,6}$")
# "... will stay until Thursday, hoping to meet with President Xi": someone a plan names, not a participant.
HOPED_FOR = re.compile(r"\b(?:hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|expect(?:s|ed|ing)?|seek(?:s|ing)?|wish(?:es|ing)?|"
                       r"intend(?:s|ed|ing)?|willing|ready)\s+to\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
# "conveyed President Xi Jinping's greetings to President Prabowo": neither was there by being named so.
GREETINGS = r"(?:(?:cordial|warm|sincere|best|kind)\s+)?(?:greetings|regards|wishes|message|invitation)"
SENDER = re.compile(rf"^[’']s\s+{GREETINGS}\b")
ADDRESSEE = re.compile(rf"\b{GREETINGS}\s+to\s+(?:[A-Z][\w.-]*\s+){{0,4}}$")
# "Kallas will travel to Jakarta next month", "... follows last month's visit by Premier Li": not at this event.
WILL_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:will|is\s+(?:expected|scheduled|due|set)\s+to)\b")
BEFORE_NOW_VISIT = re.compile(rf"\b(?:{BEFORE_NOW})\s+(?:week|month|year)[’']s\s+(?:\w+\s+)?(?:visit|trip|meeting|talks)\b"
                              r"[^.;]*$", re.IGNORECASE)
PRONOUN_ATTEND = re.compile(r"^(?:They|He|She|Both|The\s+two\s+(?:ministers|leaders|sides|presidents|heads\s+of\s+state|"
                            r"foreign\s+ministers|prime\s+ministers|officials|envoys))\b[^.]{0,40}\b"
                            r"(?:attend|participat|join|visit|co-chair)", re.IGNORECASE)
OUTCOME = re.compile(r"\b(?:released|issued|signed|adopted|unveiled|published|resulted in|reached|reaching|"
                     r"agreed|launched)\b[^.]*\b(?:agreements?|consensus|report|initiative|declaration|statement|"
                     r"memorand(?:um|a)|MoUs?|plan|document|deal|accord|communiqu|program|joint|“)", re.IGNORECASE)
REMOTE = re.compile(r"\b(?:via|by|over|through)\s+(?:a\s+)?video(?:\s+link|\s+conference|\s+call)?\b|"
                    r"\bvideo\s+(?:conference|call)\b|\b(?:held|met|took place)\s+(?:virtually|online)\b", re.IGNORECASE)
MAX_SUMMARY = 600
NEAR = 60
WINDOW_WORDS = frozenset(["and", "of", "for", "the", "to", "on", "in", "at", "with", "here", "visiting", "foreign", "affairs", "s",
                          "his", "her", "their", "counterpart", "counterparts"])  # "with his Russian counterpart X"
BACK_REFERENCE = re.compile(r"^(?:The|This|That)\s+(meeting|session|talks|forum|dialogue|event|summit|"
                            r"activity|program|programme|edition|visit)\b|^It\b")


@dataclass
class Candidate:
    """An event while it is being assembled from one article's sentences."""

    sentence: int
    position: int
    title: str
    mechanism: str | None = None
    session: int | None = None
    year: int | None = None
    participants: list[str] = field(default_factory=list)
    past: bool = False
    visit: bool = False
    """A visit, which holds the meetings of its days rather than being one of them."""
    planned: bool = False
    """Still to come ("ahead of the fifth forum"): no event yet, where the article reports one that happened."""
    weak: bool = False
    """Named only by an anaphor ("The forum was held ..."): an event only where the article has no other."""
    sentences: dict[int, int] = field(default_factory=dict)
    """Every other sentence that names this event, with where it does."""
    leads: list[str] = field(default_factory=list)
    """Who heads a side by the way the sentence puts it: who met, visited or held talks, and the one they met."""

    def same_occasion(self, other: Candidate) -> bool:
        if self.mechanism and self.mechanism == other.mechanism:
            return (self.session, self.year) == (other.session, other.year) or None in (self.session, other.session) \
                and None in (self.year, other.year)
        if not self.mechanism and not other.mechanism and not self.participants and not other.participants:
            return self.title.lower() == other.title.lower()  # "The forum was held ..." said twice
        if not self.mechanism and not other.mechanism and self.participants and other.participants:
            # a headline's "Xi meets delegation" and the body's "Xi met ... with Nikai" are one meeting
            mine, theirs = set(self.participants), set(other.participants)
            return (mine <= theirs or theirs <= mine) and self.past == other.past and self.visit == other.visit
        return False


@dataclass(frozen=True)
class Context:
    """What one article's extraction found, as events need it."""

    sentences: list[Sentence]
    people: list[PersonMention]
    person_occurrences: list[Occurrence]
    place_occurrences: list[Occurrence]
    sessions: list[SessionMention]
    organizations: list[Occurrence]
    anchor: Anchor
    dateline: str | None


def find_events(ctx: Context) -> list[EventMention]:
    candidates = meetings_for_sessions(ctx, merge_candidates(
        session_candidates(ctx) + held_candidates(ctx) + meeting_candidates(ctx) + commemoration_candidates(ctx)
        + talks_of_sides(ctx)))
    if any(not c.weak for c in candidates):
        candidates = [c for c in candidates if not c.weak]
    if any(not c.planned for c in candidates):
        candidates = [c for c in candidates if not c.planned]
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c.sentence, c.position))
    main = next((c for c in candidates if not c.past), candidates[0])
    assign_people(ctx, candidates, main)
    dates = {id(c): event_date(ctx, c, main) for c in candidates}
    places = {id(c): event_place(ctx, c, main) for c in candidates}
    for c in candidates:
        if dates[id(c)] == (None, None) and c is not main and not c.past:
            dates[id(c)] = dates[id(main)]
    owned = sentence_owners(ctx, candidates, main)
    heads = leaders(ctx)
    return [build(ctx, c, dates[id(c)], places[id(c)], owned[id(c)], heads) for c in candidates]


def leaders(ctx: Context) -> set[str]:
    """Who the article says led: "a delegation led by X", "X, head of the ..., led a delegation", "co-chaired
    by X and Y", "X and Y co-chaired", or a title "head of the ... delegation"."""
    found = {p.name for p in ctx.people if any(HEAD_OF_DELEGATION.search(r) for r in p.roles)}
    for index, sentence in enumerate(ctx.sentences):
        people = occurrences_in(ctx, index)
        text = sentence.text
        for m in LED_BY.finditer(text):
            after = [o for o in people if o.start >= m.end() and in_window(text, m.end(), o.start)]
            found |= {o.name for o in after[:1]}
            found |= {o.name for o, prev in zip(after[1:], after) if re.match(r",?\s+and\s", text[prev.end:o.start])}
        for o, nxt in zip(people, [*people[1:], None]):
            rest = text[o.end:o.end + 120]
            if LEADS.match(rest):
                found.add(o.name)
            elif nxt and re.match(r"\s+and\s", text[o.end:nxt.start]) and in_window(text, o.end, nxt.start) \
                    and LEADS.match(text[nxt.end:nxt.end + 120]) \
                    and re.match(r"\s*(?:\([^)]*\)\s*)?(?:,[^,;.]{0,100},)?\s*co-", text[nxt.end:]):
                found.add(o.name)  # "X and Y co-chaired", "X and his Singaporean counterpart Y co-chaired": both
    return found


def meetings_for_sessions(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """"The ministers met in Luxembourg for the 20th EU-Central Asia Ministerial Meeting": a meeting held for a
    session of the same sentence is that session (one on its sidelines is not); so is one whose people the next
    sentence has attend or co-chair a session ("A met B in Canberra. The two ministers co-chaired the 9th ...")."""
    kept = []
    for c in candidates:
        session = session_held_at(ctx, candidates, c) if c.participants and not c.mechanism and not c.visit else None
        if session:
            co_chaired = "co-chair" in ctx.sentences[session.sentence].text
            session.participants.extend(p for p in c.participants if p not in session.participants)
            session.leads.extend(p for p in (c.participants if co_chaired else c.leads) if p not in session.leads)
            session.sentences |= {c.sentence: c.position} | c.sentences  # where it says when and where
            continue
        kept.append(c)
    return kept


def session_held_at(ctx: Context, candidates: list[Candidate], meeting: Candidate) -> Candidate | None:
    """The session a meeting was held for: one its own sentence names after "for" or "at", or one the next
    sentence has its plural subject ("They", "The two ministers") attend or co-chair."""
    same = next((x for x in candidates if x.mechanism and x.sentence == meeting.sentence and x.position > meeting.position),
                None)
    between = ctx.sentences[meeting.sentence].text[meeting.position:same.position] if same else ""
    if same and FOR_SESSION.search(between) and not re.search(r"sidelines|margins|ahead|before|after", between):
        return same
    after = meeting.sentence + 1
    told = after < len(ctx.sentences) and ctx.sentences[after].paragraph == ctx.sentences[meeting.sentence].paragraph \
        and re.match(r"(?:They|Both|The\s+two)\b", ctx.sentences[after].text) and PRONOUN_ATTEND.match(ctx.sentences[after].text)
    return next((x for x in candidates if x.mechanism and x.sentence == after), None) if told else None


def session_candidates(ctx: Context) -> list[Candidate]:
    found = []
    for s in ctx.sessions:
        text = ctx.sentences[s.sentence].text
        held = HELD.search(text)
        attended = ATTENDED.search(text[max(0, s.start - 80):s.start])
        # "A hosted B ... for the annual X Meeting": a meeting held for a session of it
        met_for = FOR_SESSION.search(text[:s.start]) and MEETING.search(text[:s.start])
        if s.session is None and s.year is None and not (held and s.start < held.start()) and not attended \
                and not met_for:
            continue
        title = session_title(s)
        if held and s.start < held.start():
            subject = subject_before(text, held.start())
            if s.phrase.removeprefix("the ") in subject and len(subject) > len(title):
                title = subject[0].upper() + subject[1:]
        found.append(Candidate(s.sentence, s.start, title, s.mechanism, s.session, s.year,
                               past=bool(PAST.search(text[: s.start])), planned=planned(text, s.start, s.end)))
    return found


def planned(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] name a meeting still to come."""
    return bool(PLAN_BEFORE.search(text[:start]) or PLAN_AFTER.match(text[end:]))


def session_title(s: SessionMention) -> str:
    m = re.match(r"(?:the\s+|its\s+)?(?:recent\s+|latest\s+)?(\w+)\s+(meeting|session|round|edition|plenary|conference|"
                 r"forum|dialogue|summit|consultation)s?(?:\s+of\b|$)", s.phrase, re.IGNORECASE)
    if m and s.session:
        if s.mechanism.split()[-1].lower() == m.group(2).lower():  # "the fourth summit" of a summit
            return f"{ordinal(s.session).capitalize()} {s.mechanism}"
        return f"{ordinal(s.session).capitalize()} {m.group(2).lower()} of the {s.mechanism}"
    phrase = re.sub(r"^the\s+", "", s.phrase, flags=re.IGNORECASE)
    return phrase[:1].upper() + phrase[1:]


def subject_before(text: str, end: int) -> str:
    """The last clause before a verb, commas inside quotation marks kept: the subject of "was held"."""
    clause = re.split(r"[,;:]\s+(?=[^”\"]*(?:[“\"]|$))", text[:end].strip())[-1].strip()
    clause = re.split(r"\b(?:that|said|says)\s+(?=[A-Za-z])", clause)[-1]  # "It is reported that the forum ..."
    stripped = re.sub(r"^(?:a|an|the)\s+", "", clause, flags=re.IGNORECASE)
    return stripped[:1].upper() + stripped[1:] if stripped != clause else stripped


def ordinal(n: int) -> str:
    words = {v: k for k, v in ORDINALS.items()}
    return words[n] if n <= 10 else ordinal_number(n)


def held_candidates(ctx: Context) -> list[Candidate]:
    """"A dialogue on ... was held here on Tuesday": the subject is the event."""
    found = []
    for index, sentence in enumerate(ctx.sentences):
        m = HELD.search(sentence.text)
        if not m:
            continue
        subject = subject_before(sentence.text, m.start())
        weak = bool(ANAPHOR.match(sentence.text[: m.start()].strip())) and " " in sentence.text[: m.start()].strip()
        if not weak and (ANAPHOR.match(subject) or len(subject.split()) < 2) or not subject[:1].isupper() \
                or re.search(r"\b(?:it|they|which|that|who|and|but)$", subject, re.IGNORECASE) \
                or re.search(r"\b(?:was|were|is|are|has|have|had|will|would)\b", subject):
            continue
        if any(s.sentence == index and s.start < m.start() for s in ctx.sessions):
            continue  # the session mention makes this event already, titled by this subject
        found.append(Candidate(index, m.start(), subject[0].upper() + subject[1:],
                               past=bool(PAST.search(sentence.text[: m.start()])), weak=weak,
                               planned=m.group().startswith("will") or planned(sentence.text, m.start(), m.start())))
    return found


def commemoration_candidates(ctx: Context) -> list[Candidate]:
    """"gathered at an event on Monday to mark the 60th anniversary of ...", "attended a reception marking ...":
    an occasion named by what it marks."""
    found = []
    for index, sentence in enumerate(ctx.sentences):
        m = COMMEMORATION.search(sentence.text)
        if m and OCCASION_VERB.search(sentence.text[:m.start()]):
            title = f"{m.group('kind').capitalize()} marking {m.group('what')}"
            found.append(Candidate(index, m.start(), title, past=bool(EARLIER.search(sentence.text[:m.start()])),
                                   planned=planned(sentence.text, m.start(), m.end())))
    return found


def meeting_candidates(ctx: Context) -> list[Candidate]:
    """"talks between A and B", "A met B", "while meeting ... with visiting ...": a meeting of people."""
    found = []
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        here = [o for o in ctx.person_occurrences if o.sentence == index and not is_speaker(text, o)]
        for m in [*MEETING.finditer(text), *MEETING_WITH.finditer(text)]:
            window = [o.name for o in here if o.start >= m.end() and in_window(text, m.end(), o.start)]
            window += [o.name for o in here if o.start >= m.end() and led_by(text, m.end(), o.start)]
            subject = subjects(text, [o for o in here if o.end <= m.start()], m.start())
            people = list(dict.fromkeys(subject + window))
            if not people or (not window and re.match(r"call|host", m.group(), re.IGNORECASE)) \
                    or (m.group() == "signed" and len(people) < 2):
                continue  # "Huang called on the media to ...", "X hosted a banquet", "X signed a decree"
            past = bool(re.search(r"\btheir (?:meeting|talks)\b", text[m.start() - 10:m.end()]) or EARLIER.search(text[:m.start()]))
            visit = bool(re.search(r"visit|arriv", m.group(), re.IGNORECASE))
            for group in bilaterals(ctx, subject, [p for p in dict.fromkeys(window) if p not in subject]) or [people]:
                title = meeting_title(group, text[m.start():m.end()], text[m.end():], bool(subject))
                found.append(Candidate(index, m.start(), title, participants=group, visit=visit, past=past,
                                       leads=heads_of_meeting(group, subject, visit, m.group())))
    return found


def heads_of_meeting(people: list[str], subject: list[str], visit: bool, trigger: str) -> list[str]:
    """"A met B", "A held talks with B", "talks between A and B": A and B head their sides, as "A visited
    Beijing" makes A the head of the visit. Of several met ("met B, C and D") none heads by being named so,
    nor does anyone of a list of more than two who met."""
    guests = [p for p in people if p not in subject]
    if not subject and re.match(r"(?:talks|meeting)\s+between", trigger, re.IGNORECASE):
        subject, guests = guests, []
    heads = subject if len(subject) <= 2 else []
    return heads + guests if len(guests) == 1 and not visit else heads


def talks_of_sides(ctx: Context) -> list[Candidate]:
    """"Russian and Ukrainian delegations held direct talks in Istanbul", "Officials from the United States and
    China concluded two days of trade talks": talks of two sides where the sentence names no one; an event only
    where the article reports no other, of which "China and EU hold talks" is most often the headline's words."""
    forms = party_forms()
    found = []
    for index, sentence in enumerate(ctx.sentences):
        if not TALKS_WORD.search(sentence.text):
            continue  # the long pattern of every country's name only where talks are told of
        for m in sides_talks().finditer(sentence.text):
            a, b = forms[m.group("a")], forms[m.group("b")]
            if a != b and not any(o.sentence == index for o in ctx.person_occurrences):
                found.append(Candidate(index, m.start(), f"Talks between {a} and {b}", weak=True))
    return found


@lru_cache(maxsize=1)
def sides_talks() -> re.Pattern[str]:
    party = party_alternatives()
    return re.compile(rf"(?<!\w)(?P<a>{party})\s+and\s+(?:the\s+)?(?P<b>{party})(?!\w)(?:\s+{SIDE_NOUNS})?"
                      rf"\s+{TALKS_VERB}\s+(?:[\w-]+\s+){{0,4}}?{TALKS_WORD.pattern}")


def bilaterals(ctx: Context, subject: list[str], guests: list[str]) -> list[list[str]]:
    """"Xi also met Iranian President A and UN Secretary-General B": one meeting with each guest where their
    titles name different countries or bodies; none where they do not (one delegation, one meeting)."""
    if not subject or len(guests) < 2:
        return []
    roles = {p.name: p.roles for p in ctx.people}
    sides = [side_of(roles.get(g, ())) for g in guests]
    if None in sides or len(set(sides)) < len(sides):
        return []
    return [[*subject, g] for g in guests]


def side_of(roles: tuple[str, ...]) -> str | None:
    """The country or body a title opens with: "Iranian" of "Iranian President", "UN" of "UN Secretary-General"."""
    first = roles[0].split()[0].removesuffix("'s").removesuffix("’s") if roles and roles[0].split() else ""
    if first.lower() in NATIONALITIES:
        return NATIONALITIES[first.lower()]
    return first if is_country(first) or (first.isupper() and len(first) >= 2) else None


def subjects(text: str, before: list[Occurrence], trigger: int) -> list[str]:
    """"Deputy Minister A and Vice Minister B held consultations": everyone the clause names before its verb."""
    found: list[str] = []
    boundary = trigger
    for o in reversed(before):
        if not in_window(text, o.end, boundary):
            break
        found.insert(0, o.name)
        boundary = o.start
    first = before[0] if before else None
    if not found and first is not None and first.start < 60:  # "X, head of the ..., met Y": the sentence's subject
        found = [first.name]
    return found


def led_by(text: str, start: int, at: int) -> bool:
    """"met separately with cadres at a workshop ... led by X": the leader of those met, in the same clause."""
    between = text[start:at]
    m = re.search(r"\b(?:led|headed)\s+by\s+$", between)
    return m is not None and not re.search(r"[;.]", between) and in_window(text, start + m.end(), at)


def in_window(text: str, start: int, at: int) -> bool:
    """Whether only titles, names, and when and where, stand between a trigger and a name
    ("between Chinese Foreign Minister X", "met on Thursday in Beijing with X", "met with former Prime
    Minister X")."""
    between = text[start:at]
    if re.search(r"[;.]", between):
        return False
    return all(word[:1].isupper() or word.lower() in WINDOW_WORDS or word.lower() in TITLE_WORDS
               or word.lower() in WHEN or word.isdigit() for word in re.findall(r"[\w’'-]+", between))


def meeting_title(people: list[str], trigger: str, rest: str, subject_named: bool = True) -> str:
    names = " and ".join(people[:2]) if len(people) <= 2 else ", ".join(people[:-1]) + " and " + people[-1]
    if not subject_named and not re.search(r"visit|arriv|phone|call\b|between", trigger, re.IGNORECASE):
        return f"Meeting with {names}"  # "the delegation met with X": who met X, no name says
    if re.search(r"visit|arriv", trigger, re.IGNORECASE):
        where = re.split(r"[,;.]|\s+(?:from|on|in|at|and|for|to|during|since)\s", rest.strip(), maxsplit=1)[0]
        return f"{names} {'visit' if len(people) > 1 else 'visits'} {where}" if where and len(where.split()) <= 5 \
            else f"Visit by {names}"
    if re.search(r"phone|call\b", trigger, re.IGNORECASE) and not re.search(r"courtesy", trigger, re.IGNORECASE):
        kind = "Video call" if re.search(r"video", trigger, re.IGNORECASE) else "Phone call"
        return f"{kind} between {names}" if len(people) > 1 else f"{kind} with {people[0]}"
    if trigger.lower().startswith(("talks", "held", "hold", "had", "has")) and len(people) > 1:
        return f"Talks between {names}"
    if len(people) > 1:
        return f"{people[0]} meets {' and '.join(people[1:])}"
    rest = re.sub(r"^[^,;.]*?\bwith\s+", "", rest)
    guests = re.split(r"[,;.]|\s+(?:to|and|for|on)\s+(?:discuss|boost|exchange)", rest.strip(), maxsplit=1)[0]
    return f"{people[0]} meets {guests}" if guests and len(guests.split()) <= 12 else f"Meeting with {people[0]}"


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    merged: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.sentence, c.position)):
        same = next((m for m in merged if m.same_occasion(c)), None)
        if same is None:
            merged.append(c)
        else:
            if not same.mechanism and not c.mechanism and len(c.participants) > len(same.participants):
                same.title = c.title  # the body's "Xi held talks with Lula" names more than the headline's
            same.participants.extend(p for p in c.participants if p not in same.participants)
            same.session = same.session or c.session
            same.year = same.year or c.year
            same.sentences |= {c.sentence: c.position} | c.sentences
            same.leads.extend(p for p in c.leads if p not in same.leads)
            if c.mechanism and c.mechanism in c.title and c.mechanism not in same.title:
                same.title = c.title  # "13th China-EU High-Level ..." says more than "13th High-Level ..."
    return merged


def is_speaker(text: str, occ: Occurrence) -> bool:
    after = text[occ.end: occ.end + 40]
    before = text[max(0, occ.start - 40): occ.start]
    return bool(re.match(rf"\s*(?:\([^)]*\)\s*)?(?:,[^,]*,\s*)?{REPORTING}\b", after)
                or re.search(rf"\b{REPORTING}\s+(?:[A-Z][\w’'-]*\s+)*$", before)
                or re.search(r"\baccording to\s+$", before, re.IGNORECASE))


def assign_people(ctx: Context, candidates: list[Candidate], main: Candidate) -> None:
    """Who was there: named at the event's words, leading a delegation to it, or ("They ... attending")
    named just before; everyone else the article names goes to its main event, spokespeople apart."""
    by_sentence = {c.sentence: c for c in candidates}
    roles = {p.name: p.roles for p in ctx.people}
    for c in candidates:
        text = ctx.sentences[c.sentence].text
        if PRONOUN_ATTEND.match(text) and c.sentence > 0:
            c.participants.extend(o.name for o in occurrences_in(ctx, c.sentence - 1) if o.name not in c.participants)
        if c.mechanism and re.search(r"\b(?:attend|co-chair|chair|participat)", text):
            others = {p for x in candidates if x is not c and x.sentence == c.sentence for p in x.participants[1:]}
            c.participants.extend(o.name for o in occurrences_in(ctx, c.sentence)
                                  if o.start < c.position and o.name not in c.participants and o.name not in others)
            c.participants.extend(o.name for o in co_chairs(ctx, c) if o.name not in c.participants)
    for index, sentence in enumerate(ctx.sentences):
        if DELEGATION.search(sentence.text):
            target = max((c for c in candidates if c.sentence <= index), key=lambda c: c.sentence, default=main)
            target.participants.extend(o.name for o in occurrences_in(ctx, index) if o.name not in target.participants)
        elif index not in by_sentence and (at := AT_THE.search(sentence.text)) \
                and (named := latest_of_kind(candidates, index, at.group("noun"))):
            named.participants.extend(o.name for o in occurrences_in(ctx, index) if o.name not in named.participants)
    placed = {name for c in candidates for name in c.participants}
    for occ in ctx.person_occurrences:
        if occ.name in placed or any(SPOKESPERSON.search(r) for r in roles.get(occ.name, ())):
            continue
        if elsewhere(ctx.sentences[occ.sentence].text, occ):
            continue
        if occ.sentence in by_sentence and by_sentence[occ.sentence] is not main:
            continue
        main.participants.append(occ.name)
        placed.add(occ.name)


def elsewhere(text: str, occ: Occurrence) -> bool:
    """Whether the words around a name put its bearer away from the event the article reports: the authors of
    an earlier agreement, someone hoped for, a sender of words or their addressee, someone still to come, or the
    visitor of an earlier visit."""
    before, after = text[max(0, occ.start - 150):occ.start], text[occ.end:occ.end + 60]
    return any(p.search(before) for p in (EARLIER_AGREEMENT, HOPED_FOR, SENT_BY, ADDRESSEE, BEFORE_NOW_VISIT)) \
        or bool(SENDER.match(after) or WILL_AFTER.match(after))


def latest_of_kind(candidates: list[Candidate], before: int, noun: str) -> Candidate | None:
    """The event named last before a sentence that says "the seminar" ("the event": any), not a visit."""
    named = [c for c in candidates if c.sentence < before and not c.visit
             and (noun.lower() in ("event", "meeting") or noun.lower() in c.title.lower())]
    return max(named, key=lambda c: (c.sentence, c.position), default=None)


def co_chairs(ctx: Context, c: Candidate) -> list[Occurrence]:
    """"co-chaired the seventh meeting of the ... Committee with Brazilian Vice President Geraldo Alckmin"."""
    text = ctx.sentences[c.sentence].text
    end = next((s.end for s in ctx.sessions if s.sentence == c.sentence and s.start == c.position), c.position)
    if not re.match(r"\s+with\b", text[end:]):
        return []
    return [o for o in occurrences_in(ctx, c.sentence) if o.start > end and in_window(text, end, o.start)]


def occurrences_in(ctx: Context, index: int) -> list[Occurrence]:
    return [o for o in ctx.person_occurrences if o.sentence == index]


def event_date(ctx: Context, c: Candidate, main: Candidate) -> tuple[str | None, str | None]:
    """The date expression nearest the event's words; for the main event, also one a later sentence
    gives it ("The forum, held on June 21st, ...")."""
    anchor = ctx.anchor
    if anchor.published is None and anchor.year is None and c.year:
        anchor = Anchor(None, c.year)  # "The 2023 ... Summit took place on June 27": its edition's year
    for index, position in {c.sentence: c.position, **c.sentences}.items():
        found = usable_dates(ctx.sentences[index].text, anchor)
        if found:
            after = [f for f in found if f.start >= position]
            best = after[0] if after else found[-1]
            return best.date, best.end_date
    if c is main:
        head = c.title.split()[-1].lower() if c.title else ""
        for sentence in ctx.sentences[c.sentence + 1:]:
            if re.match(rf"^(?:the|this)\s+{re.escape(head)}\b", sentence.text, re.IGNORECASE):
                later = usable_dates(sentence.text, anchor)
                if later:
                    return later[0].date, later[0].end_date
    return None, None


def usable_dates(text: str, anchor: Anchor) -> list[FoundDate]:
    """Dates that can say when something happened: not "since 2018", not "established in 2006"."""
    found = []
    for f in find_dates(text, anchor):
        before = text[max(0, f.start - 30): f.start].lower()
        if re.search(r"(since|establish\w*|founded|set up|launched)\s*(in\s*)?$", before) or \
                re.match(r"(?i)since\b", text[f.start:f.end]):
            continue
        found.append(f)
    return found


def event_place(ctx: Context, c: Candidate, main: Candidate) -> str | None:
    if REMOTE.search(ctx.sentences[c.sentence].text):
        return None  # "held via video link": the dateline is where the report was filed, not a meeting place
    for index, position in {c.sentence: c.position, **c.sentences}.items():
        if re.search(r"\bhere\b", ctx.sentences[index].text) and ctx.dateline:
            return ctx.dateline
        here = [o for o in ctx.place_occurrences if o.sentence == index]
        if index != c.sentence:  # another sentence naming the event: only a place right by its words
            here = [o for o in here if 0 <= o.start - position <= NEAR]
        if here:
            return min(here, key=lambda o: (o.start < position and c is not main, abs(o.start - position))).name
    following = [o for o in ctx.place_occurrences if o.sentence == c.sentence + 1
                 and ctx.sentences[c.sentence + 1].paragraph == ctx.sentences[c.sentence].paragraph]
    if following and c is not main:
        return following[0].name
    if c is main:
        return ctx.dateline
    # an event of the same occasion happened where the main one did; one told of as past, or one in a
    # country its own words name ("paid a visit to Tanzania"), has no city known
    elsewhere = any(e.label == "GPE" and e.start >= c.position and is_country(e.text)
                    for e in ctx.sentences[c.sentence].entities)
    return None if c.past or elsewhere else event_place(ctx, main, main)


def build(ctx: Context, c: Candidate, date: tuple[str | None, str | None], place: str | None,
          mine: set[int], heads: set[str]) -> EventMention:
    roles = {p.name: p.roles for p in ctx.people}
    return EventMention(
        title=c.title,
        date=date[0],
        end_date=date[1],
        place=place,
        mechanism=c.mechanism,
        session=c.session,
        participants=tuple(Participant(name, "; ".join(roles.get(name, ())) or None) for name in c.participants),
        organizations=tuple(dict.fromkeys(o.name for o in ctx.organizations if o.sentence in mine)),
        summary=summary(ctx, c),
        outcomes=tuple(ctx.sentences[i].text for i in sorted(mine) if OUTCOME.search(ctx.sentences[i].text)),
        statements=tuple(statements(ctx, mine)),
        leaders=tuple(name for name in c.participants if name in heads or name in c.leads),
    )


def sentence_owners(ctx: Context, candidates: list[Candidate], main: Candidate) -> dict[int, set[int]]:
    """The sentences about each event: those that name it and those right after that point back at it
    ("The meeting resulted in ..."); the main event also takes every sentence no other event owns."""
    named = {i for x in candidates for i in ({x.sentence} | set(x.sentences))}
    owned: dict[int, set[int]] = {}
    for x in candidates:
        mine = {x.sentence} | set(x.sentences)
        for i in sorted(mine):
            j = i + 1
            while j < len(ctx.sentences) and j not in named and points_back(ctx.sentences[j].text, x.title):
                mine.add(j)
                j += 1
        owned[id(x)] = mine
    others = set().union(*(owned[id(x)] for x in candidates if x is not main))
    owned[id(main)] |= {i for i in range(len(ctx.sentences)) if i not in others}
    return owned


def points_back(text: str, title: str) -> bool:
    """"The meeting resulted in ..." after a meeting; "It ..." after anything."""
    m = BACK_REFERENCE.match(text)
    return m is not None and (m.group(1) is None or m.group(1).lower() in title.lower())


def summary(ctx: Context, c: Candidate) -> str:
    sentence = ctx.sentences[c.sentence]
    parts = [sentence.text]
    for nxt in ctx.sentences[c.sentence + 1:]:
        if nxt.paragraph != sentence.paragraph or len(" ".join(parts)) + len(nxt.text) > MAX_SUMMARY:
            break
        parts.append(nxt.text)
    return " ".join(parts)


def statements(ctx: Context, mine: set[int]) -> list[Statement]:
    found = []
    for occ in ctx.person_occurrences:
        if occ.sentence in mine and is_speaker(ctx.sentences[occ.sentence].text, occ):
            statement = Statement(occ.name, ctx.sentences[occ.sentence].text)
            if statement not in found:
                found.append(statement)
    return found
