"""From a seed to an article: the date line, headline and dateline read, page furniture dropped."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import SeedError
from ..model import Article, Seed
from ..slugs import slugify

# Lines of the page around the article, never of the article itself.
FURNITURE = [re.compile(p, re.IGNORECASE) for p in (
    r"^skip to (main )?content",
    r"^(data|news|data (&|and) news|stock quotes|quotes|market data).{0,40}\b(supplied|provided|powered) by\b",
    r"^quotes (are )?delayed",
    r"^by accessing this (page|site|website)",
    r"\bprivacy policy\b",
    r"\bterms (and|&) conditions\b|^terms of (use|service)",
    r"^(copyright|©|all rights reserved)",
    (r"^[\[(]?(editor|editors|reporter|writer|translator|proofreader|photo|photos|source|web editor|"
     r"responsible editor|chief editor|editor-in-charge)\s*[:：]"),
    r"^\(?(photo|file photo|picture|image)\s*[:：/]",
    (r"^(share|print|e-?mail|follow us|related|related (news|articles|stories)|read more|more news|"
     r"back to top|advertisement|subscribe|sign up|log ?in|comments?|tags?)\s*[:：]?$"),
    r"^(most (read|popular|viewed)|top stories|trending|you may (also )?like)\b",
    r"^https?://\S+$",
    r"^by\s+[A-Z][\w.'’ -]{1,60}(,[^.|]{1,60})?(\||$)",  # a byline: "By Zhang Yi | chinadaily.com.cn |", "By Li Na, Staff Reporter"
    r"^\(?[\w.-]+\.(com|cn|net|org)(\.\w+)?\)?\s*\|?$",
    r"^\[?(copyright|©)|\ball rights reserved\b|^presented by\b",
    r"^(video|producer|camera(man)?|graphics?|designer|illustration|executive producer)\s*[:：]",
    r"\((photo|file photo|picture|image)\s*[:：]?\s*$",  # a caption cut off where its credit began
    r"^(key ?words|keywords|tags?|topics?)\s*[:：]",
    r"^video ?player ?close$",
    r"^\(?(additional )?(reporting|writing|editing|edited|written|compiled|translated) by\b",  # a wire's credits
    r"^our standards\s*:",
    r"^(also read|read also|see also|read more|related|watch|listen)\s*[:：]",  # links to other pages
    r"^(click here|follow us|share (this|on|via)|scan the qr code|download (our|the) app|(font|text) size)\b",
    r"^[\[(]photo\s*(by\b|[/:：])",
    r"^(home|homepage|front page)\s*[>»›|/]|^(?:[^.!?>»›]{1,40}\s[>»›]\s){2,}[^.!?>»›]{1,60}$",  # breadcrumbs
    r"^[\d\W_]{12,}$",  # an identifier, a row of dashes: nothing a reader reads
    r"^(?:(?:\d{1,3}|next|prev|previous|[<>«»‹›])\s*){2,}$",  # pagination: "1 2 3 >", "1 2 Next"
)]
AGO = re.compile(r"^[-–—•·]?\s*\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$", re.IGNORECASE)
"""The time stamp of an item in a list of other headlines: it and the headline above it are not the article."""
FOOTER = re.compile(r"^(disclaimer|related( news| articles| stories| content| reading| links| posts)?|"
                    r"more (news|stories|from [\w ]{1,30})|trending( now| news| stories)?|recommended( for you)?|"
                    r"(most )?(popular|read|viewed)( news| stories| articles)?|latest (news|stories|articles)|"
                    r"editor[’']?s[’']? (picks?|choice)|you (may|might) also like|(media |press )?contacts?( for (the )?(media|press))?)"
                    r"\s*[:：]?$", re.IGNORECASE)
"""A line after which nothing is the article."""
CREDIT_END = re.compile(r"\s+[–—-]\s*(agencies|agency|xinhua|afp|reuters|ap|ians|pti|app)\s*$"
                        r"|(?<=[.!?”\"])\s+\(?(additional )?reporting by\b[^()]*\)?\s*$"
                        # a photo's credit after its caption, which may hold facts: "... Aug. 25. (Xinhua/Li Ming)"
                        r"|(?<=[.!?\d”\"])\s*\((photo\s+by\s+)?[A-Z][\w.&' -]{1,30}/[A-Z][\w.' -]{1,40}\)\s*$",
                        re.IGNORECASE)
BULLET = re.compile(r"^\s*[-*•·]\s+\S")
YEARS = range(1900, 2101)
"""Publication years that are believable; any other is a typing error (and "tomorrow" of 9999-12-31 none)."""
DATE_LINE = re.compile(r"^\s*date\s+(\d[\d./-]*)\s*(.*)$", re.DOTALL)
# The words a page's date stamp opens with ("Updated: 2024-07-12", "Posted on May 12, 2023").
STAMP_WORDS = r"(?:published|updated|posted|released|release time|publication date|last modified|modified|date)"
DATE_STAMPS = [re.compile(p, re.IGNORECASE) for p in (
    (rf"\b{STAMP_WORDS}\s*[:：]?\s*(\d{{4}})[-./](\d{{1,2}})[-./](\d{{1,2}})"
     r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"),
    r"\(\s*(\d{4})\.(\d{1,2})\.(\d{1,2})\s*\)",
    r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",  # a line that is only a date
)]
MAX_STAMP = 100
SEPARATOR = re.compile(r"\s[|·•]\s")
CREDIT = re.compile(r"(?:by\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}", re.IGNORECASE)
"""Who a stamp credits: "Xinhua", "By Li Na", "China Daily"."""
CJK_LABEL = re.compile(r"[\u4e00-\u9fff]{1,6}\s*[:：]?")
"""A label in Chinese before a date (发布时间：)."""
UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
PUBLISHED_AT = re.compile(r"\b(?:published|posted|released?|publication date)(?:\s+on)?\s*[:：]?\s*", re.IGNORECASE)
URL_LINE = re.compile(r"^(?:source|url|link)?\s*[:：]?\s*https?://\S*?/[a-z]?((?:19|20)\d\d)[-/]?(0[1-9]|1[0-2])[-/]?"
                      r"([0-2]\d|3[01])(?:/|_|\.)\S*$", re.IGNORECASE)
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b)?", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")  # also "2023-05-12T10:30:00Z"
US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH = rf"(?:{'|'.join(MONTHS)})[a-z]*"
NAMED_DATE = re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
DAY_FIRST_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+({MONTH})\.?,?[\s-]+(\d{{4}})\b", re.IGNORECASE)
DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # day first, as European pages write it
CJK_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
STAMP_LABEL = re.compile(rf"^\W*(?:{STAMP_WORDS}|time)\b", re.IGNORECASE)
LABEL_BEFORE = re.compile(rf"\b{STAMP_WORDS}(?:\s+on)?\s*[:：]?\s*$", re.IGNORECASE)
WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# Letters of the Latin script, accented ones too ("BOGOTÁ", "António Guterres", "Nguyễn Phú Trọng"): a name's
# first letter, and the letters that follow it.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
LOWER = "a-zß-öø-ÿĀ-žƀ-ɏḀ-ỿ"
DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][{UPPER}.'’-]+(?: [{UPPER}][{UPPER}.'’-]+){{0,3}}|[{UPPER}][{LOWER}'’.-]+(?: [{UPPER}][{LOWER}'’.-]+){{0,2}}"
    r"(?=\s+\(|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8},?)\s+\d{4}\s*(?:--|[–—-])\s))"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)\.?|,\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\s*(?:--|[–—-]|:)))?\s*"
    r"(?:\|\s*(?P<src1>[^|\n]{2,40}?)\s*\|"
    r"|\((?P<src2>[A-Za-z][^)\n]{1,40})\)\s*(?:--|[–—-]|:)"
    r"|/(?P<src3>[A-Za-z][\w ]{1,30})/\.?"
    r"|:|--|[–—]|(?<=\s)-(?=\s))\s*")
MAX_TITLE = 110
GLUED = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
"""Sentences a scrape ran together ("... cultural exchanges.Seoul's Foreign Ministry said"): a space goes back."""
SPEAKER_LABEL = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: (?=[A-Z])")
"""A transcript's turn: "Lin Jian: China has noted the report."""
SENTENCE_END = re.compile(r"[.!?。！？…:;)”\"’']\s*$")
LABEL = re.compile(r"^[A-Z][\w&.'’ -]{1,40} : (?=\S)")
"""An aggregator's label before a headline, set off by a spaced colon ("Zijin Mining : State councilor meets ...")."""
MAX_SCRAP_WORDS = 12
"""The longest line without a sentence's end that may close a page as its furniture ("Spokesperson for ...")."""
MAX_MENU_WORDS = 4
MAX_SECTION_WORDS = 3
"""The longest name of a site's section that may follow a page's date on its line ("Human Rights")."""
# A paragraph about the page, not the news: its publishing, its reader's browser, subscriptions, opinions disowned.
PAGE_TALK = re.compile(r"\b(?:this (?:article|story|content|report|page) (?:was|is|has|first|originally)|first published (?:in|on|by)|"
                       r"originally (?:published|appeared)|(?:enable|turn on) javascript|your browser|cookies?\b.*\b(?:use|accept)|"
                       r"subscribe to|sign up for|our newsletter|download (?:the|our)\b[^.]{0,40}\bapp\b|views expressed|do not necessarily reflect|"
                       r"not been edited by|auto-generated|syndicated feed|reproduced without|without (?:prior )?permission|"
                       r"follow us on|(?:click|tap) here|contributed to this (?:report|story|article)|"
                       r"(?:this is|is) a translat(?:ed|ion)|share (?:to|on|via)\s*[:：]?$)", re.IGNORECASE)
MAX_PAGE_TALK_WORDS = 40
NAME_AND_TITLE = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}, ")
"""A line of a list of participants ("Wang Yi, Chinese Foreign Minister"), which has no sentence's end either."""
BRACKETED = re.compile(r"[\[(][^\[\]()]*[\])]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
LINK_LIST = 3
"""Headline-shaped lines in a row that make a list of links: no article body has three subheadings in a row."""
MAX_LINK_WORDS = 16
SITE_NAME = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:Ministry|Embassy|Consulate(?:-General)?|Mission|"
                       r"Government|Office|News Agency|Daily|Times|Post|Television|Radio)"
                       r"(?:\s+(?:of|for|in|to|the|and|&|[A-Z][\w'’.-]*))*")
"""A line above the headline that is only the name of the site's owner: a ministry, an embassy, a paper."""
HEAD_LINES = 8
"""Lines from the top of a page among which the body's first paragraph is looked for."""
WORD = re.compile(r"\w")


def clean(seed: Seed) -> Article:
    lines = [GLUED.sub(". ", line.strip()) for line in seed.text.split("\n")]
    published, lines = read_date_line(lines, seed.file)
    stamped, day_first, lines = read_date_stamps(lines)  # before furniture: a byline may carry the date
    lines = drop_furniture(lines)
    published = published or stamped
    headline, paragraphs = headline_and_body([line for line in lines if line])
    dateline, source, dated, paragraphs = read_dateline(paragraphs)
    published = published or dated
    if stamped and published == stamped and day_first and told_of_month(day_first, paragraphs) \
            and not told_of_month(stamped, paragraphs):
        published = day_first  # "03/11/2025" above a report of "November 2" is the 3rd of November
    paragraphs = without_trailing_scraps([p for p in before_link_list(paragraphs) if not is_scrap(p)])
    if not paragraphs and headline is None:
        raise SeedError(seed.file, "no article text left once the page furniture is removed")
    title = headline or short_title(next((p for p in paragraphs if WORD.search(p)), paragraphs[0]))
    return Article(
        id=slugify(seed.file.rsplit(".", 1)[0]),
        file=seed.file,
        sha256=seed.sha256,
        title=title,
        published=published,
        dateline=dateline,
        source=source,
        paragraphs=tuple(paragraphs),
        reference_year=int(published[:4]) if published else single_year(headline or ""),
        headline=headline is not None,
    )


def is_scrap(line: str) -> bool:
    """A line inside the body that no article writes: a button or menu item ("Print Email Share", "Next
    article"), a note in brackets ("[Photo provided to China Daily]"), a row of links ("English | Français |
    Español"), another language's name (中文), an address to write to."""
    words = line.split()
    return (len(words) <= MAX_MENU_WORDS and not SENTENCE_END.search(line) and "," not in line) \
        or (looks_like_headline(line) and len(words) <= MAX_LINK_WORDS and not NAME_AND_TITLE.match(line)) \
        or bool(BRACKETED.fullmatch(line)) or bool(EMAIL.search(line) and len(words) <= 15) \
        or (line.count(" | ") >= 2 and len(words) <= 12) \
        or (bool(PAGE_TALK.search(line)) and len(words) <= MAX_PAGE_TALK_WORDS) \
        or sum(c.isalpha() and not c.isascii() for c in line) > sum(c.isalpha() and c.isascii() for c in line)


def before_link_list(paragraphs: list[str]) -> list[str]:
    """The body ends where a list of other pages' headlines starts: LINK_LIST lines shaped like a headline
    in a row ("Trending" or "Related" lists without their label), and everything after them is the page's."""
    for i in range(1, len(paragraphs)):
        run = paragraphs[i:i + LINK_LIST]
        if len(run) == LINK_LIST and all(looks_like_headline(p) and len(p.split()) <= MAX_LINK_WORDS for p in run):
            return paragraphs[:i]
    return paragraphs


def without_trailing_scraps(paragraphs: list[str]) -> list[str]:
    """The body ends at its last sentence: short lines after it without a sentence's end ("The City", a
    section name above the footer) are the page's, not the article's."""
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1].split()) <= MAX_SCRAP_WORDS and not SENTENCE_END.search(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end]


def read_date_line(lines: list[str], file: str) -> tuple[str | None, list[str]]:
    """The ` date YYYY-MM-DD` first line: the date, and the rest of that line kept as text."""
    m = DATE_LINE.match(lines[0]) if lines else None
    if not m:
        return None, lines
    try:
        date = dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise SeedError(file, f"line 1: date line '{m.group(1)}' is not a real date: write it as YYYY-MM-DD") \
            from None
    if date.year not in YEARS:
        raise SeedError(file, f"line 1: date line '{m.group(1)}' is outside the years {YEARS.start}-{YEARS.stop - 1} "
                              "news articles are published in: correct the year")
    return date.isoformat(), [m.group(2).strip(), *lines[1:]]


def drop_furniture(lines: list[str]) -> list[str]:
    end = next((i for i, line in enumerate(lines) if FOOTER.match(line)), len(lines))
    lines = [CREDIT_END.sub("", line) for line in lines[:end]]
    listed = {above(lines, i) for i, line in enumerate(lines) if AGO.match(line)}
    kept = [line for i, line in enumerate(lines) if i not in listed and not AGO.match(line)
            and not any(p.search(line) for p in FURNITURE)]
    while kept and not kept[0]:
        kept.pop(0)
    # A run of bullet lines closing the page is a list of other headlines, not the article.
    while kept and (not kept[-1] or BULLET.match(kept[-1])):
        kept.pop()
    return kept


def above(lines: list[str], i: int) -> int:
    """The nearest line above line `i` that holds text (-1 where none does)."""
    return next((j for j in range(i - 1, -1, -1) if lines[j]), -1)


def read_date_stamps(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The publication date the page's stamps give, its other reading day first where the stamp's numbers allow
    one ("03/11/2025"), and the page's lines without them. A stamp of when the page was updated gives the date
    only where no other stamp does ("Updated: 2024-05-03 | Published: 2024-05-01")."""
    stamps: list[tuple[bool, str | None, str | None]] = []  # (says "updated", the date, read day first)
    kept = []
    for line in lines:
        label = PUBLISHED_AT.search(line) if len(line) <= MAX_STAMP else None
        if label and (at := date_in(line[label.end():])) and at[1][0] <= 3:
            stamps.append((False, valid_date(*at[0]), read_day_first(line[label.end():])))  # "... | Published: ..."
        stamp = stamp_line(line) or url_date(line)
        if stamp:
            stamps.append((bool(UPDATED.search(line)), valid_date(*stamp), read_day_first(line)))
            continue
        for pattern in DATE_STAMPS:
            m = pattern.search(line)
            if m:
                stamps.append((bool(UPDATED.search(line[max(0, m.start() - 20):m.end()])), valid_date(*m.groups()), None))
                line = (line[: m.start()] + line[m.end():]).strip(" |-–—·")
        if line or not any(date for _, date, _ in stamps):
            kept.append(line)
    chosen = next((s for s in stamps if s[1] and not s[0]), None) or next((s for s in stamps if s[1]), None)
    return (chosen[1], chosen[2], kept) if chosen else (None, None, kept)


def read_day_first(line: str) -> str | None:
    """"03/11/2025" read day first, as most of the world writes it, where the page wrote it with slashes and
    both numbers could be the month (date_in reads it month first)."""
    m = US_DATE.search(line)
    if not m or ISO_DATE.search(line) or CJK_DATE.search(line) or m.group(1) == m.group(2) \
            or int(m.group(1)) > 12 or int(m.group(2)) > 12:
        return None
    return valid_date(m.group(3), m.group(2), m.group(1))


def told_of_month(date: str, paragraphs: list[str]) -> bool:
    """Whether the article names the date's month with a day ("on November 2", "2 November")."""
    month = MONTHS[int(date[5:7]) - 1]
    return re.search(rf"\b{month}[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{month}", " ".join(paragraphs),
                     re.IGNORECASE) is not None


def url_date(line: str) -> tuple[str, str, str] | None:
    """(year, month, day) an article's address gives ("https://.../english/2019-11/24/c_1385.htm"), when the
    scrape kept the address as a line of its own."""
    m = URL_LINE.match(line)
    return (m.group(1), m.group(2), m.group(3)) if m else None


def stamp_line(line: str) -> tuple[str, str, str] | None:
    """(year, month, day) of a line that is a page's time stamp: short, with a time of day and a date
    ("Xinhua) 10:01, November 20, 2024", "11/24/2019 | 06:33pm EST"), a labelled date ("Published: 12 May
    2023"), a date alone ("Friday, 12 May 2023") or before the section the page is filed under ("24 February
    2025  Human Rights")."""
    if len(line) > MAX_STAMP:
        return None
    found = date_in(line)
    if found is None:
        return None
    date, (start, end) = found
    rest = WEEKDAY_NAME.sub("", line[:start] + line[end:])
    alone = not re.search(r"\w", rest)
    labelled = STAMP_LABEL.match(line) or LABEL_BEFORE.search(line[:start]) or CJK_LABEL.fullmatch(rest.strip())
    credited = SEPARATOR.search(line) and CREDIT.fullmatch(rest.strip(" |·•/–—-,"))  # "Xinhua | 2024-05-03"
    filed = start == 0 and len(rest.split()) <= MAX_SECTION_WORDS  # "24 February 2025  Human Rights": its section
    return date if alone or labelled or credited or filed or TIME_OF_DAY.search(line) else None


def date_in(line: str) -> tuple[tuple[str, str, str], tuple[int, int]] | None:
    """(year, month, day) of the first date a line writes in one of the ways pages do, and where it is."""
    if m := ISO_DATE.search(line) or CJK_DATE.search(line):
        return (m.group(1), m.group(2), m.group(3)), m.span()
    if m := US_DATE.search(line):  # month first, as US pages write it, unless the first number is no month
        first, second = m.group(1), m.group(2)
        return ((m.group(3), second, first) if int(first) > 12 else (m.group(3), first, second)), m.span()
    if m := NAMED_DATE.search(line):
        return (m.group(3), month_number(m.group(1)), m.group(2)), m.span()
    if m := DAY_FIRST_DATE.search(line):
        return (m.group(3), month_number(m.group(2)), m.group(1)), m.span()
    if m := DOTTED_DATE.search(line):
        return (m.group(3), m.group(2), m.group(1)), m.span()
    return None


def month_number(name: str) -> str:
    return str(MONTHS.index(name[:3].lower()) + 1)


def valid_date(year: str, month: str, day: str) -> str | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if date.year in YEARS else None


def headline_and_body(lines: list[str]) -> tuple[str | None, list[str]]:
    """The headline and the paragraphs of the body. Above the body's first paragraph is the page's head:
    its last line shaped like a headline is the headline, and the lines before it are the site's name,
    breadcrumbs and menus, never the article."""
    first = next((i for i, line in enumerate(lines[:HEAD_LINES]) if is_body(line)), None)
    if first is None:  # no body paragraph near the top: the first line is the headline, if any is
        return (lines[0], lines[1:]) if lines and looks_like_headline(lines[0]) else (None, lines)
    heads = [i for i in range(first) if looks_like_headline(lines[i])]
    heads = [i for i in heads if not SITE_NAME.fullmatch(lines[i])] or heads  # "Ministry of Foreign Affairs of Japan"
    if not heads:
        return None, [line for line in lines[:first] if DATELINE.match(line)] + lines[first:]
    return LABEL.sub("", lines[heads[-1]]), [line for line in lines[heads[-1] + 1:first] if not is_menu(line)] + lines[first:]


def is_body(line: str) -> bool:
    """A paragraph of the article: a sentence, or a dateline opening one."""
    words = len(line.split())
    return words >= 6 and line.endswith((".", "!", "?", "”", '"', ".)")) or words >= 40 or \
        bool(DATELINE.match(line) and words >= 6)


def looks_like_headline(line: str) -> bool:
    """Three words or more, starting with a capital, a digit or a quote, and no sentence's end."""
    return (0 < len(line) <= 200 and len(line.split()) >= 3 and (line[0].isupper() or line[0].isdigit() or
            line[0] in "“\"‘'") and not line.endswith((".", "!", "?", "”", '"', ":", ">", ",")) and " > " not in line)


def is_menu(line: str) -> bool:
    """A short line between the headline and the body that is no sentence: a section's name, a credit."""
    return len(line.split()) < 6 and not line.endswith((".", "!", "?")) and not DATELINE.match(line)


def read_dateline(paragraphs: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """`TOKYO | Xinhua | text`, `BEIJING: text`, `BEIJING, Dec. 26 (Xinhua) -- text` opening the body; not in a
    transcript, where "CCTV: ..." names who asks. Its place, its source, the day it gives where it gives the
    year too ("HANOI, Nov. 3, 2025 -"), and the paragraphs without it."""
    transcript = sum(bool(SPEAKER_LABEL.match(p)) for p in paragraphs) >= 2
    for i, paragraph in enumerate(paragraphs[:3]):
        m = DATELINE.match(paragraph)
        if m and transcript and m.group().rstrip().endswith(":"):
            continue  # "CCTV: ..." is who asks
        if m and len(m.group("place")) >= 3:
            place = m.group("place").title().replace("’", "'")
            source = (m.group("src1") or m.group("src2") or m.group("src3") or "").strip() or None
            rest = paragraph[m.end():]
            day = date_in(m.group("date") or "")
            return place, source, valid_date(*day[0]) if day else None, [*paragraphs[:i], rest, *paragraphs[i + 1:]]
    return None, None, None, paragraphs


def short_title(text: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    if len(sentence) <= MAX_TITLE:
        return sentence.rstrip(".") or sentence  # a title is never empty, if only "..."
    return cut_at_word(sentence, MAX_TITLE)


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters and the "…" that says something was cut, cut after a whole word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def single_year(text: str) -> int | None:
    years = set(re.findall(r"\b((?:19|20)\d\d)\b", text))
    return int(years.pop()) if len(years) == 1 else None
