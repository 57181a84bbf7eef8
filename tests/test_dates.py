from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.dates import WEEKDAYS, Anchor, find_dates

FRIDAY = Anchor.of("2025-02-21", 2025)


@pytest.mark.parametrize("text, anchor, date, end", [
    ("was held here on Tuesday.", FRIDAY, "2025-02-18", None),
    ("In December last year, China and Japan held", FRIDAY, "2024-12", None),
    ("The forum, held on June 21st,", Anchor.of(None, 2024), "2024-06-21", None),
    ("from June 22nd to 26th", Anchor.of(None, 2024), "2024-06-22", "2024-06-26"),
    ("on Monday and Tuesday", FRIDAY, "2025-02-17", "2025-02-18"),
    ("on 3 March 2024", FRIDAY, "2024-03-03", None),
    ("Dec. 26, 2024", FRIDAY, "2024-12-26", None),
    ("The meeting will be held on Monday", FRIDAY, "2025-02-24", None),
    ("yesterday", FRIDAY, "2025-02-20", None),
])
def test_expressions_resolve_against_the_publication_date(text: str, anchor: Anchor, date: str, end: str | None) -> None:
    found = find_dates(text, anchor)
    assert (found[0].date, found[0].end_date) == (date, end)


@pytest.mark.parametrize("text", ["on Thursday in Beijing", "held on June 21st", "in December last year"])
def test_without_an_anchor_the_date_stays_unknown(text: str) -> None:
    assert [f.date for f in find_dates(text, Anchor(None, None))] == [None]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)), st.sampled_from(WEEKDAYS))
def test_a_past_weekday_is_the_nearest_one_on_or_before_publication(published: dt.date, weekday: str) -> None:
    found = find_dates(f"They met on {weekday.title()}.", Anchor(published, published.year))
    day = dt.date.fromisoformat(found[0].date)
    assert 0 <= (published - day).days < 7
    assert day.weekday() == WEEKDAYS.index(weekday)


@given(st.text(max_size=200), st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))))
def test_any_text_gives_only_valid_dates_in_order(text: str, published: dt.date | None) -> None:
    found = find_dates(text, Anchor(published, published.year if published else None))
    for f in found:
        for value in (f.date, f.end_date):
            if value:
                parts = value.split("-")
                assert len(parts) in (1, 2, 3)
                if len(parts) == 3:
                    dt.date.fromisoformat(value)
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_early_mid_and_late_give_the_month_or_the_year() -> None:
    from generator.extract.dates import Anchor, find_dates

    anchor = Anchor.of("2021-10-30", 2021)
    assert [f.date for f in find_dates("The two last met in mid-September in Seoul.", anchor)] == ["2021-09"]
    assert [f.date for f in find_dates("It was founded in late 2020.", anchor)] == ["2020"]
