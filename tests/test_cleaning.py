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
    ("NAIROBI, Kenya - The Speaker received them.", "Nairobi", None),
    ("MOSCOW, June 5. /TASS/. The ministers met.", "Moscow", "TASS"),
    ("Hanoi (VNA) – The ministers met.", "Hanoi", "VNA"),
    ("NEW DELHI (PTI): The ministers met.", "New Delhi", "PTI"),
    ("BRUSSELS, 5 June 2024 – The ministers met.", "Brussels", None),
    ("TOKYO - The ministers met.", "Tokyo", None),
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


def test_the_page_head_above_the_headline_is_dropped() -> None:
    a = article("menu menu\nThe Daily Planet Online\nNews > World > Asia\nForeign ministers meet in Oslo\n\n"
                "Foreign ministers of the two countries met in Oslo on Monday to discuss trade.")
    assert a.title == "Foreign ministers meet in Oslo" and a.headline
    assert a.paragraphs == ("Foreign ministers of the two countries met in Oslo on Monday to discuss trade.",)


def test_a_short_label_after_the_date_line_is_no_headline() -> None:
    a = article(" date 2024-03-02 World Desk\n\nOSLO, March 2 (Planet) -- Ministers met in Oslo on Saturday for talks.")
    assert not a.headline and "World Desk" not in " ".join(a.paragraphs) + a.title
    assert a.dateline == "Oslo"


@pytest.mark.parametrize("stamp, date", [
    ("Planet) 09:15, March 4, 2023", "2023-03-04"),
    ("3/4/2023 | 09:15am EST", "2023-03-04"),
    ("Daily Planet| 2023-03-04 09:15:00|Editor: Jane Roe", "2023-03-04"),
    ("Published: 4 March 2023", "2023-03-04"),
    ("Saturday, 4 March, 2023", "2023-03-04"),
    ("04.03.2023 09:15", "2023-03-04"),
    ("Posted on March 4, 2023 by admin", "2023-03-04"),
    ("Release time: 2023-03-04", "2023-03-04"),
    ("2023年3月4日", "2023-03-04"),
    ("By Jane Roe | Updated: March 4, 2023 | planet.com", "2023-03-04"),
    ("Saturday 4 March 2023 14.30 GMT", "2023-03-04"),
    ("2023-03-04T09:15:00Z", "2023-03-04"),
    ("04-Mar-2023", "2023-03-04"),
    ("Posted on March 4th, 2023", "2023-03-04"),
    ("Published: 4th of March 2023", "2023-03-04"),
    ("March 4, 2023 | Planet News", "2023-03-04"),
    ("By Jane Roe · 4 March 2023", "2023-03-04"),
    ("发布时间：2023-03-04", "2023-03-04"),
    ("Last Modified: Saturday, 04 March 2023", "2023-03-04"),
    ("http://www.planet.com/english/2023-03/04/c_138578386.htm", "2023-03-04"),
    ("https://www.planet.gov/eng/wjdt/202303/t20230304_11076666.html", "2023-03-04"),
])
def test_a_time_stamp_line_gives_the_date_and_is_dropped(stamp: str, date: str) -> None:
    """A page's stamp: a date with a time of day, a label ("Published:") or nothing else but a weekday."""
    a = article(f"Ministers meet in Oslo for talks\n{stamp}\n\nMinisters met in Oslo on Saturday for trade talks.")
    assert a.published == date
    assert stamp not in " ".join(a.paragraphs) + a.title


def test_an_aggregators_label_is_not_part_of_the_headline() -> None:
    assert article("Acme Corp : Ministers meet in Oslo\nMinisters met in Oslo on Saturday for trade talks.").title \
        == "Ministers meet in Oslo"


FURNITURE_LINES = ["Other story about something else", "- 2 hours ago", "Another story elsewhere", "- 5 mins ago",
                   "1 2 3 >", "1 2 Next", "Video: Jane Roe", "Producer: John Doe", "KEY WORDS:", "Video PlayerClose",
                   "0100201113100000000000000111", "[Copyright The Planet, Ltd.]", "All rights reserved.",
                   "Presented by The Planet.", "(planet.com) ", "At the forum in Oslo (Photo:",
                   "Home > Press and Media > Remarks", "News > World > Europe > Nordic", ("Reporting by Jane Roe; Editing "
                   "by John Doe"), "(Additional reporting by Jane Roe)", "Our Standards: The Planet Trust Principles.",
                   "Also read: Ministers meet", "Click here to subscribe", "Follow us on Twitter @planet",
                   "Share this article", "Font size: A A A", "Scan the QR code to follow us", "(Photo by Jane Roe/Xinhua)",
                   "[Photo/Xinhua]"]


def test_page_furniture_shapes_never_reach_the_text() -> None:
    text = ("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n"
            + "\n".join(FURNITURE_LINES) + "\nThe talks will continue in May, the ministry said. – Agencies\n"
            "Trade grew by a third. (Reporting by Jane Roe; editing by John Doe)\n"
            "Disclaimer\nThe Planet publishes this text as received and takes no responsibility for it.")
    a = article(text)
    body = "\n".join(a.paragraphs)
    assert [line for line in FURNITURE_LINES if line.strip() in body] == []
    assert "Agencies" not in body and "Disclaimer" not in body and "responsibility" not in body
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.",
                            "The talks will continue in May, the ministry said.", "Trade grew by a third.")


def test_a_short_line_with_a_date_and_other_words_is_no_stamp() -> None:
    a = article("Ministers meet in Oslo for talks\n\nThe treaty of 4 March 2023 holds.\n\nMinisters met in Oslo.")
    assert a.published is None and "The treaty of 4 March 2023 holds." in a.paragraphs


def test_the_body_ends_at_its_last_sentence() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n"
                "They agreed to meet again.\n\nThe City\n\nWorld News\n\nCopyright 2024 The Planet")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.", "They agreed to meet again.")


def test_a_caption_keeps_its_facts_and_loses_its_credit() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday.\n\n"
                "Anna Holm speaks at the talks in Oslo, March 4, 2023. (Xinhua/Jane Roe)")
    assert a.paragraphs[-1] == "Anna Holm speaks at the talks in Oslo, March 4, 2023."


def test_a_list_of_other_headlines_ends_the_body_even_without_a_label() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n"
                "They agreed to meet again in May.\n\nCentral bank raises interest rates again\n"
                "Prime Minister Olav Lund to visit Lima next week\nNational airline adds flights to Bergen\n"
                "Get the latest news delivered to your inbox every morning.")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.", "They agreed to meet again in May.")


@pytest.mark.parametrize("label", ["Related:", "Trending", "Most Read", "More from World", "You may also like",
                                   "Editor's Picks", "Latest News"])
def test_a_list_label_ends_the_body(label: str) -> None:
    a = article(f"Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n{label}\n"
                "Ministers of Peru sign a trade deal.")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.",)


def test_a_byline_with_a_title_and_a_slashed_date_line_are_no_text() -> None:
    a = article("Ministers meet in Oslo for talks\nBy Maria Solberg, Staff Reporter\n2025/03/14\n"
                "Tags: trade, Norway\n\nMinisters met in Oslo on Saturday for trade talks.")
    assert a.title == "Ministers meet in Oslo for talks" and a.published == "2025-03-14"
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.",)


def test_a_press_contact_closing_the_page_is_no_text() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n"
                "Contacts for media\nJane Roe\nSpokesperson for Foreign Affairs and Security Policy of the Union")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.",)


@pytest.mark.parametrize("line", ["Facebook Twitter WhatsApp Email", "Next article", "Xinhua News Agency", "(Xinhua/Li Xin)",
                                  "[Photo provided to China Daily]", "Write to Jane Roe at jane@planet.com", "中文",
                                  "English | Français | Español | Русский"])
def test_a_button_menu_item_or_note_inside_the_body_is_no_text(line: str) -> None:
    a = article(f"Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n{line}\n\n"
                "The talks will continue in May, the ministry said.")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.",
                            "The talks will continue in May, the ministry said.")


def test_a_transcripts_speaker_is_no_dateline_and_a_salutation_is_no_headline() -> None:
    a = article("Spokesperson's Regular Press Conference on June 12, 2024\n\nCCTV: It is reported that the forum "
                "opened in Nairobi today. Can you share more?\n\nLin Jian: The forum was held in Nairobi on June 12.\n\n"
                "AFP: Will the minister visit?\n\nLin Jian: I have nothing to release.")
    assert a.dateline is None
    b = article("Remarks by the Ambassador at the Reception Marking the Anniversary\nExcellencies, Ladies and "
                "Gentlemen, Dear Friends,\n\nThis year, the two countries held the sixth strategic dialogue.")
    assert b.title == "Remarks by the Ambassador at the Reception Marking the Anniversary"


def test_a_line_shaped_like_a_headline_inside_the_body_is_no_text_but_a_participant_line_is() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n"
                "Nordic Council opens new office in Reykjavik\n\nWang Yi, Chinese Foreign Minister\n\n"
                "The talks will continue in May, the ministry said.")
    assert a.paragraphs == ("Ministers met in Oslo on Saturday for trade talks.", "Wang Yi, Chinese Foreign Minister",
                            "The talks will continue in May, the ministry said.")


PAGE_TALK_LINES = ["This article was first published in Planet Daily.",
                   "Please enable JavaScript to view the comments.",
                   "Views expressed are the author's own and do not necessarily reflect those of the Planet.",
                   "This story has not been edited by Planet staff and is auto-generated from a syndicated feed.",
                   "Subscribe to our newsletter for more.", "Xinhua contributed to this report.",
                   "This is a translated article.", "Share to:"]


@pytest.mark.parametrize("line", PAGE_TALK_LINES)
def test_a_paragraph_about_the_page_is_no_text(line: str) -> None:
    a = article(f"Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday for trade talks.\n\n{line}\n\n"
                "The talks will continue in May, the ministry said.")
    assert line not in a.paragraphs


@pytest.mark.parametrize("stamps", ["Updated: 2024-05-03 10:00 | Published: 2024-05-01 09:00",
                                    "Updated: 2024-05-03\nPublished: May 1, 2024"])
def test_the_publication_date_is_when_the_page_was_published_not_updated(stamps: str) -> None:
    assert article(f"Ministers meet in Oslo for talks\n{stamps}\n\nMinisters met in Oslo on Friday.").published \
        == "2024-05-01"


def test_the_site_owners_name_above_the_headline_is_no_headline() -> None:
    a = article("Japan-Vietnam Foreign Ministers' Meeting\nMinistry of Foreign Affairs of Japan\nPress Releases\n\n"
                "On April 5, Minister Hiroshi Tanabe held a meeting with Tran Van Minh in Tokyo.")
    assert a.title == "Japan-Vietnam Foreign Ministers' Meeting"
    b = article("Embassy of the People's Republic of China in Japan\nAmbassador Wu Meets Japanese Lawmakers\n\n"
                "On May 3, Ambassador Wu Jianghao met Japanese lawmakers in Tokyo.")
    assert b.title == "Ambassador Wu Meets Japanese Lawmakers"


def test_sentences_a_scrape_ran_together_are_parted_but_addresses_and_abbreviations_are_not() -> None:
    a = article("Ministers meet in Oslo\n\nMinisters met in Oslo on Saturday.Wang Yi said the talks went well. "
                "See chinadaily.com.cn and the U.S. reply.")
    assert a.paragraphs == (("Ministers met in Oslo on Saturday. Wang Yi said the talks went well. "
                             "See chinadaily.com.cn and the U.S. reply."),)


def test_a_dateline_city_with_accented_letters_is_the_dateline() -> None:
    article = clean(Seed("a.txt", "BOGOTÁ, June 3 (Reuters) - Colombian President Gustavo Petro met Chilean "
                                  "President Gabriel Boric on Tuesday.\n", "0" * 64))
    assert (article.dateline, article.source) == ("Bogotá", "Reuters")
    assert article.paragraphs[0].startswith("Colombian President")


def test_a_date_before_the_section_a_page_is_filed_under_is_its_stamp_not_its_headline() -> None:
    article = clean(Seed("a.txt", "World News\nGlobal views, local stories\n\nLeaders urge calm at the opening of the "
                                  "council session\n24 February 2025  Human Rights\n\nGENEVA - The council opened its "
                                  "58th session on Monday, with ministers from forty countries.\n", "0" * 64))
    assert (article.title, article.published) == ("Leaders urge calm at the opening of the council session", "2025-02-24")


def test_an_invitation_to_download_a_sites_app_is_the_pages_not_the_news() -> None:
    article = clean(Seed("a.txt", " date 2025-02-24 GENEVA - The council opened its 58th session on Monday, with "
                                  "ministers from forty countries.\n\nDownload the World News app for your iOS or "
                                  "Android devices.\n", "0" * 64))
    assert article.paragraphs == ("The council opened its 58th session on Monday, with ministers from forty countries.",)


def test_a_datelines_day_with_its_year_is_the_publication_date_where_no_stamp_gives_one() -> None:
    article = clean(Seed("a.txt", "Leaders meet in Hanoi\n\nHANOI, Nov. 3, 2025 - Prime Minister Pham Minh Chinh met "
                                  "visiting leaders on Sunday, officials said.\n", "0" * 64))
    assert (article.published, article.dateline) == ("2025-11-03", "Hanoi")
    without_year = clean(Seed("a.txt", "Leaders meet in Hanoi\n\nHANOI, Nov. 3 (VNA) - Prime Minister Pham Minh Chinh "
                                       "met visiting leaders on Sunday, officials said.\n", "0" * 64))
    assert without_year.published is None


def test_a_city_written_as_a_name_before_a_day_with_its_year_and_a_dash_is_a_dateline() -> None:
    article = clean(Seed("a.txt", "Ministers meet in Jakarta on trade\n\nJakarta, 12 March 2025 - Foreign Minister Sugiono "
                                  "held a bilateral meeting with Penny Wong on Wednesday.\n\nHanoi, which hosted the "
                                  "last meeting, said it welcomed the talks.\n", "0" * 64))
    assert (article.published, article.dateline) == ("2025-03-12", "Jakarta")
    assert article.paragraphs[0].startswith("Foreign Minister Sugiono")
    assert article.paragraphs[1].startswith("Hanoi, which hosted")


@pytest.mark.parametrize("stamp, body, published", [
    ("03/11/2025 | 15:42", "met visiting leaders on November 2, officials said.", "2025-11-03"),  # day first
    ("11/03/2025 | 06:33pm EST", "met visiting leaders on November 2, officials said.", "2025-11-03"),  # month first
    ("03/11/2025 | 06:33pm EST", "met visiting leaders on Sunday, officials said.", "2025-03-11"),  # nothing tells
])
def test_a_stamp_either_way_round_is_read_as_the_month_the_report_tells_of(stamp: str, body: str,
                                                                           published: str) -> None:
    article = clean(Seed("a.txt", f"Leaders meet in the capital\n{stamp}\n\nHANOI - The prime minister {body}\n", "0" * 64))
    assert article.published == published
