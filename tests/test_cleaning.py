from __future__ import annotations

import pytest

from generator.errors import SeedError
from generator.model import Seed
from generator.read.cleaning import clean


def article(text: str):
    return clean(Seed("x.txt", text, "0" * 64))


def test_date_line_gives_the_publication_date_and_keeps_the_rest_of_the_line() -> None:
    a = article(" date 2025-02-21 Xinhua is willing to work with partners.\n\nTOKYO | Xinhua | A dialogue was held.")
    assert a.published == "2025-02-21"
    assert a.paragraphs[0] == "Xinhua is willing to work with partners."
    assert (a.dateline, a.source) == ("Tokyo", "Xinhua")
    assert a.paragraphs[1] == "A dialogue was held."


def test_malformed_date_line_is_an_error_naming_the_file() -> None:
    with pytest.raises(SeedError, match=r"x.txt: line 1: date line '2025-13-45'"):
        article(" date 2025-13-45 Text.")


@pytest.mark.parametrize("line, place, source", [
    ("BEIJING: The talks were friendly.", "Beijing", None),
    ("PHNOM PENH, Dec. 3 (Xinhua) -- The forum opened.", "Phnom Penh", "Xinhua"),
    ("TOKYO | Kyodo | Ministers met.", "Tokyo", "Kyodo"),
])
def test_datelines(line: str, place: str, source: str | None) -> None:
    a = article(" date 2024-12-26 " + line)
    assert (a.dateline, a.source) == (place, source)


def test_headline_and_date_stamp() -> None:
    a = article("China, EU hold dialogue\nUpdated: 2025-07-03 09:12\nWang Yi met Kaja Kallas on Wednesday.")
    assert a.title == "China, EU hold dialogue" and a.headline
    assert a.published == "2025-07-03"
    assert a.paragraphs == ("Wang Yi met Kaja Kallas on Wednesday.",)
    assert article("A headline\nText ( 2017.08.07 ) more.").published == "2017-08-07"


def test_page_furniture_never_reaches_the_text() -> None:
    text = ("Skip to main content\n\nThe forum was held.\n\nData & News supplied by www.cloudquote.io\n"
            "Stock quotes supplied by Barchart\nQuotes delayed at least 20 minutes.\n"
            "By accessing this page, you agree to the following\nPrivacy Policy and Terms and Conditions.\n"
            "Editor: Li Na\n- Other headline one\n- Other headline two")
    a = article(text)
    assert a.title == "The forum was held" or a.paragraphs == ("The forum was held.",)
    body = " ".join(a.paragraphs) + a.title
    for furniture in ("Skip to", "cloudquote", "Barchart", "delayed", "accessing", "Privacy", "Editor", "Other headline"):
        assert furniture not in body


def test_no_publication_date_means_no_reference_year_unless_the_headline_has_one() -> None:
    assert article("Xi meets delegation\nXi met them on Thursday.").reference_year is None
    assert article("The 2024 Forum was held in Dezhou\nThe forum opened.").reference_year == 2024


def test_nothing_left_after_furniture_is_an_error() -> None:
    with pytest.raises(SeedError, match="no article text"):
        article("Skip to main content\nPrivacy Policy and Terms and Conditions.")


@pytest.mark.parametrize("text", [". \n The", "...\n\nTalks were held in Hanoi.", "…"])
def test_a_title_is_never_empty(text: str) -> None:
    title = article(text).title
    assert title.strip()
    if "Talks" in text:
        assert title == "Talks were held in Hanoi"
