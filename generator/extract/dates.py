"""Date expressions in a sentence, resolved against the article's publication date.

Relative references ("on Tuesday", "in December last year") need a publication date; a day and
month ("June 21st") need at least the article's reference year. What cannot be anchored stays
None: a date is never guessed from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MONTH = r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{0}>(?:19|20)\d\d)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = r"(?P<{0}>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TO = r"\s*(?:to|through|until|till|-|–|—|and)\s*"
RELATIVE_YEAR = r"(?:\s+(?P<rel>last|this|next)\s+year)?"

PART = r"(?:(?:early|late|mid)(?:-|\s+))"  # "in mid-September", "late 2020": the month or year all the same
PATTERNS = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in (
    ("iso", r"\b" + YEAR.format("y1") + r"-(?P<m1>\d\d)-(?P<d1>\d\d)\b"),
    ("month_range", r"\b" + MONTH.format("mon1") + r"\s+" + DAY.format("d1") + TO + MONTH.format("mon2")
     + r"\s+" + DAY.format("d2") + r"\b(?:,?\s+" + YEAR.format("y1") + r")?"),
    ("day_range", r"\b" + MONTH.format("mon1") + r"\s+" + DAY.format("d1") + TO + DAY.format("d2")
     + r"\b(?:,?\s+" + YEAR.format("y1") + r")?"),
    ("day_month", r"\b" + DAY.format("d1") + r"(?:" + TO + DAY.format("d2") + r")?\s+" + MONTH.format("mon1")
     + r"(?:,?\s+" + YEAR.format("y1") + r")?\b"),
    ("month_day", r"\b" + MONTH.format("mon1") + r"\s+" + DAY.format("d1") + r"\b(?:,?\s+"
     + YEAR.format("y1") + r")?"),
    ("month", r"\b(?:(?:in|since|during|from|until|by|of)\s+" + PART + r"?|" + PART + r")" + MONTH.format("mon1")
     + r"(?:,?\s+" + YEAR.format("y1") + r")?" + RELATIVE_YEAR + r"\b"),
    ("weekdays", r"\b(?:on\s+)?(?P<which>last\s+|next\s+|this\s+)?" + WEEKDAY.format("wd1")
     + r"(?:" + TO + WEEKDAY.format("wd2") + r")?\b"),
    ("relative_day", r"\b(?P<rel>yesterday|today|tomorrow)\b"),
    ("year", r"\b(?:(?:in|since|of|during|from)\s+" + PART + r"?|" + PART + r")" + YEAR.format("y1") + r"\b"),
    ("relative_year", r"\b(?P<rel>last|this|next)\s+year\b"),
)]
FUTURE = re.compile(r"\b(will|shall|is to|are to|to be held|plans? to|scheduled|upcoming|next)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """What relative dates are resolved against."""

    published: dt.date | None
    year: int | None

    @classmethod
    def of(cls, published: str | None, reference_year: int | None) -> Anchor:
        return cls(dt.date.fromisoformat(published) if published else None, reference_year)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: str | None
    end_date: str | None = None


def find_dates(sentence: str, anchor: Anchor) -> list[FoundDate]:
    """Every date expression of the sentence, in order, resolved where the anchor allows."""
    taken: list[tuple[int, int]] = []
    found = []
    future = bool(FUTURE.search(sentence))
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            try:
                date, end = RESOLVERS[kind](m, anchor, future)
            except (ValueError, OverflowError):  # a day before year 1 or after 9999: unknown stays unknown
                date, end = None, None
            found.append(FoundDate(m.start(), m.end(), date, end))
    return sorted(found, key=lambda f: f.start)


def month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i + 1 for i, full in enumerate(MONTHS) if full.startswith(name[:3]))


def day(year: int | None, month: int, day_: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day_).isoformat()
    except ValueError:
        return None


def year_of(m: re.Match, anchor: Anchor, month: int, future: bool) -> int | None:
    """The stated year, else the anchor's: a month after publication, told in the past, is last year's."""
    if m.groupdict().get("y1"):
        return int(m.group("y1"))
    rel = (m.groupdict().get("rel") or "").lower()
    if anchor.published:
        year = anchor.published.year + {"last": -1, "next": 1}.get(rel, 0)
        if not rel and not future and month > anchor.published.month:
            year -= 1
        return year
    if anchor.year and not rel:
        return anchor.year
    return None


def resolve_iso(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    return day(int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))), None


def resolve_month_day(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    month = month_number(m.group("mon1"))
    year = year_of(m, anchor, month, future)
    start = day(year, month, int(m.group("d1")))
    if m.groupdict().get("d2") is None:
        return start, None
    month2 = month_number(m.group("mon2")) if m.groupdict().get("mon2") else month
    end = day(year, month2, int(m.group("d2")))
    return (start, end) if start and end and end > start else (start, None)


def resolve_month(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    month = month_number(m.group("mon1"))
    year = year_of(m, anchor, month, future)
    return (f"{year:04d}-{month:02d}" if year else None), None


def resolve_weekdays(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    if anchor.published is None:
        return None, None
    which = (m.group("which") or "").strip().lower()
    forward = which == "next" or (future and which != "last")
    first = weekday_near(anchor.published, WEEKDAYS.index(m.group("wd1").lower()), forward)
    if not m.group("wd2"):
        return first.isoformat(), None
    gap = (WEEKDAYS.index(m.group("wd2").lower()) - first.weekday()) % 7
    return first.isoformat(), (first + dt.timedelta(days=gap)).isoformat()


def weekday_near(published: dt.date, weekday: int, forward: bool) -> dt.date:
    """The nearest such weekday on or before publication (after it, for what will happen)."""
    if forward:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolve_relative_day(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    if anchor.published is None:
        return None, None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("rel").lower()]
    return (anchor.published + dt.timedelta(days=shift)).isoformat(), None


def resolve_year(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    return m.group("y1"), None


def resolve_relative_year(m: re.Match, anchor: Anchor, future: bool) -> tuple[str | None, str | None]:
    base = anchor.published.year if anchor.published else anchor.year
    if base is None:
        return None, None
    return str(base + {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]), None


RESOLVERS = {
    "iso": resolve_iso, "month_range": resolve_month_day, "day_range": resolve_month_day,
    "day_month": resolve_month_day, "month_day": resolve_month_day, "month": resolve_month,
    "weekdays": resolve_weekdays, "relative_day": resolve_relative_day, "year": resolve_year,
    "relative_year": resolve_relative_year,
}
