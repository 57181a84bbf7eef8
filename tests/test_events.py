"""Events of whole articles, through the whole extraction stage."""

from __future__ import annotations

from generator.extract.extraction import extract
from generator.model import Seed
from generator.read.cleaning import clean


def events_of(text: str):
    return extract(clean(Seed("x.txt", text, "0" * 64))).events


def test_main_event_and_a_past_session_it_refers_to() -> None:
    events = events_of(
        " date 2025-02-21 TOKYO | Xinhua | A dialogue between media organizations of China and Japan was held here "
        "on Tuesday.\n\nIn December last year, China and Japan held the second meeting of a high-level consultation "
        "mechanism on people-to-people exchanges in Beijing, Wu said.")
    assert [(e.date, e.place, e.session) for e in events] == [("2025-02-18", "Tokyo", None), ("2024-12", "Beijing", 2)]


def test_talks_between_two_ministers_with_the_spokesperson_apart() -> None:
    events = events_of(" date 2024-12-26 BEIJING: The talks were positive, Foreign Ministry spokesperson Mao Ning said "
                       "on Thursday, about the talks between Chinese Foreign Minister Wang Yi and Japanese Foreign "
                       "Minister Takeshi Iwaya on Wednesday.")
    assert len(events) == 1
    e = events[0]
    assert (e.title, e.date, e.place) == ("Talks between Wang Yi and Takeshi Iwaya", "2024-12-25", "Beijing")
    assert [p.name for p in e.participants] == ["Wang Yi", "Takeshi Iwaya"]
    assert e.statements[0].speaker == "Mao Ning"


def test_the_authors_of_an_earlier_agreement_are_not_participants() -> None:
    events = events_of(" date 2025-03-05 SEOUL -- South Korean Foreign Minister Cho Tae-yul held talks with Japanese "
                       "Foreign Minister Takeshi Iwaya in Seoul on Tuesday.\n\nThe talks focused on implementing the "
                       "consensus reached between President Lee Jae-myung and Prime Minister Shigeru Ishiba at their "
                       "meeting in Tokyo, and on youth exchanges.")
    assert [p.name for p in events[0].participants] == ["Cho Tae-yul", "Takeshi Iwaya"]


def test_no_publication_date_no_guess() -> None:
    events = events_of("Xi meets Japanese delegation\nPresident Xi Jinping met on Thursday in Beijing with "
                       "Toshihiro Nikai, secretary-general of the Liberal Democratic Party.")
    assert [(e.date, e.place) for e in events] == [(None, "Beijing")]
    assert {p.name for p in events[0].participants} == {"Xi Jinping", "Toshihiro Nikai"}


def test_outcomes_are_kept_with_their_event() -> None:
    events = events_of(" date 2024-06-22 The forum was held in Dezhou on Friday. The forum released the “Initiative "
                       "for Media Cooperation.”")
    assert events[0].outcomes == ("The forum released the “Initiative for Media Cooperation.”",)


def test_consultations_and_calls_are_meetings_of_everyone_the_clause_names_before_the_verb() -> None:
    events = events_of(" date 2024-03-08 OSLO, March 8 -- Valeland's Deputy Foreign Minister Anna Holm and Freedonia's "
                       "Vice Foreign Minister Tomas Berg held consultations on Arctic shipping in Oslo on Thursday.\n\n"
                       "Later, Prime Minister Erik Lund spoke by phone with President Lin Tao.")
    assert [(e.title, e.date, [p.name for p in e.participants]) for e in events] == [
        ("Talks between Anna Holm and Tomas Berg", "2024-03-07", ["Anna Holm", "Tomas Berg"]),
        ("Phone call between Erik Lund and Lin Tao", "2024-03-07", ["Erik Lund", "Lin Tao"])]


def test_someone_attending_a_named_forum_is_an_event_of_it_and_a_meeting_on_its_sidelines_takes_its_date() -> None:
    events = events_of(" date 2023-09-05 Lin attends climate summit\nOSLO, Sept. 4 -- Vice Premier Lin Tao attended the "
                       "Nordic Climate Summit in Oslo on Monday.\n\nLin also met with President Erik Lund on the "
                       "sidelines of the summit.")
    assert [(e.title, e.date, e.mechanism, [p.name for p in e.participants]) for e in events] == [
        ("Nordic Climate Summit", "2023-09-04", "Nordic Climate Summit", ["Lin Tao"]),
        ("Lin Tao meets Erik Lund", "2023-09-04", None, ["Lin Tao", "Erik Lund"])]


def test_a_visit_is_an_event_of_the_visitor() -> None:
    events = events_of(" date 2023-09-05 Holm in Chile\nOSLO, Sept. 4 -- Foreign Minister Anna Holm paid an official "
                       "visit to Chile from Sept. 1 to 3.")
    assert [(e.title, e.date, e.end_date, [p.name for p in e.participants]) for e in events] == [
        ("Anna Holm visits Chile", "2023-09-01", "2023-09-03", ["Anna Holm"])]


def test_a_later_event_in_a_country_its_words_name_does_not_take_the_main_events_city() -> None:
    events = events_of(" date 2023-09-05 Lin in Oslo\nOSLO, Sept. 4 -- Vice Premier Lin Tao attended the Nordic Climate "
                       "Summit in Oslo on Monday.\n\nForeign Minister Anna Holm paid an official visit to Chile from "
                       "Sept. 1 to 3.")
    assert [(e.title, e.place) for e in events] == [("Nordic Climate Summit", "Oslo"), ("Anna Holm visits Chile", None)]


def test_talks_with_a_counterpart_name_both_sides() -> None:
    events = events_of(" date 2024-03-05 OSLO, March 4 -- Norwegian Foreign Minister Anna Holm held talks with her "
                       "Chilean counterpart Tomas Berg in Oslo on Monday.")
    assert [(e.title, [p.name for p in e.participants]) for e in events] == [
        ("Talks between Anna Holm and Tomas Berg", ["Anna Holm", "Tomas Berg"])]


def test_a_meeting_still_to_come_is_no_event_beside_one_that_happened() -> None:
    events = events_of(
        " date 2025-04-06 HANOI: Foreign Minister Hiroshi Tanabe held talks with Deputy Prime Minister Tran Van "
        "Minh in Hanoi on Saturday.\n\nThe two ministers confirmed that the 12th Japan-Vietnam Cooperation "
        "Committee will be held in Tokyo later this year.\n\nThe visit comes ahead of the fifth Asia-Pacific "
        "Media Forum, scheduled for October.\n\nThe third Japan-Vietnam Policy Dialogue will take place next month.")
    assert [(e.title, e.date) for e in events] == [("Talks between Hiroshi Tanabe and Tran Van Minh", "2025-04-05")]


def test_a_co_chair_named_after_the_session_is_its_participant_and_a_call_on_someone_is_a_meeting() -> None:
    events = events_of(
        " date 2025-05-21 LIMA, May 20 (Xinhua) -- Chinese Vice President Han Zheng ended his visit on Tuesday.\n\n"
        "In Brasilia on Saturday, Han met with Brazilian President Luiz Inacio Lula da Silva and co-chaired the "
        "seventh meeting of the China-Brazil High-Level Coordination and Cooperation Committee with Brazilian Vice "
        "President Geraldo Alckmin.\n\nOn Monday, Han called on Peruvian President Dina Boluarte in Lima.\n\n"
        "Han also called on the two countries' media to tell more stories of friendship.")
    people = {e.title: [p.name for p in e.participants] for e in events}
    assert people["Seventh meeting of the China-Brazil High-Level Coordination and Cooperation Committee"] \
        == ["Han Zheng", "Geraldo Alckmin"]
    assert people["Han Zheng meets Dina Boluarte"] == ["Han Zheng", "Dina Boluarte"]
    assert len(events) == 3


def test_a_meeting_of_an_unnamed_subject_is_titled_by_whom_it_met() -> None:
    events = events_of(" date 2024-11-08 VIENTIANE, Nov. 7 (Xinhua) -- During the visit, the delegation met with "
                       "Thongsavanh Phomvihane, head of the External Relations Commission, in Vientiane on Tuesday.")
    assert [e.title for e in events] == ["Meeting with Thongsavanh Phomvihane"]


def test_a_meeting_held_by_video_link_has_no_place_and_the_first_meeting_of_the_mechanism_is_its_session() -> None:
    events = events_of(
        " date 2021-06-10 BEIJING, June 9 (Xinhua) -- The second meeting of the China-Indonesia High-Level Dialogue "
        "and Cooperation Mechanism was held via video link on Wednesday.\n\nChinese State Councilor Wang Yi "
        "co-chaired the meeting.\n\nThe first meeting of the mechanism was held in Guiyang in April 2021.")
    assert [(e.session, e.date, e.place) for e in events] == [(2, "2021-06-09", None), (1, "2021-04", "Guiyang")]
    assert events[0].participants[0].role == "Chinese State Councilor"


def test_a_visit_holds_its_meetings_and_a_meeting_told_of_as_past_keeps_its_own_date() -> None:
    events = events_of(
        " date 2021-10-30 ROME, Oct. 29 -- Chung Eui-yong held talks with Wang Yi in Rome on Friday.\n\n"
        "The two last met in mid-September when Wang visited Seoul.")
    assert [(e.title, e.date) for e in events] == [("Talks between Chung Eui-yong and Wang Yi", "2021-10-29"),
                                                  ("Wang Yi visits Seoul", "2021-09")]


def test_a_reported_forum_is_titled_by_its_name_not_by_the_report() -> None:
    events = events_of(" date 2024-06-12 CCTV: It is reported that the 2024 China-Africa Media Cooperation Forum "
                       "opened in Nairobi today. Can you share more details?")
    assert [e.title for e in events] == ["2024 China-Africa Media Cooperation Forum"]


def test_an_edition_year_dates_an_undated_articles_month_and_day() -> None:
    events = events_of("Lancang-Mekong countries augment media cooperation\n\nThe 2023 Lancang-Mekong Cooperation "
                       "Media Summit took place in Beijing on June 27.\n\nAddressing the fourth summit, Li Shulei spoke.")
    assert [(e.title, e.date, e.session) for e in events] == [("2023 Lancang-Mekong Cooperation Media Summit", "2023-06-27", 4)]


def test_an_occasion_named_by_what_it_marks_and_a_delegations_arrival_and_its_meeting() -> None:
    events = events_of(" date 2024-11-20 TOKYO, Nov. 19 (Xinhua) -- Around 100 officials gathered at an event on Monday "
                       "to mark the 60th anniversary of the China-Japan journalist exchange agreement.\n\nChinese "
                       "Ambassador to Japan Wu Jianghao spoke at the event.")
    assert [(e.title, e.date, e.place) for e in events] == [
        ("Event marking the 60th anniversary of the China-Japan journalist exchange agreement", "2024-11-18", "Tokyo")]
    events = events_of(" date 2024-08-27 Beijing, Aug. 27 (Jiji Press)--Japanese lawmakers led by Toshihiro Nikai, "
                       "former secretary-general of the ruling Liberal Democratic Party, arrived in Beijing on Tuesday.\n\n"
                       "The delegation will stay until Thursday, hoping to meet with President Xi Jinping.\n\nAfter the "
                       "arrival, the Japanese politicians visited Tsinghua University to meet with Qiu Yong, president of "
                       "the university.")
    assert [(e.title, [p.name for p in e.participants]) for e in events] == [
        ("Toshihiro Nikai visits Beijing", ["Toshihiro Nikai"]), ("Meeting with Qiu Yong", ["Qiu Yong"])]


def test_a_separate_meeting_with_those_a_leader_leads_is_its_own_event() -> None:
    events = events_of(" date 2023-04-19 BEIJING, April 18 (Xinhua) -- Liu Jianchao, head of the International "
                       "Department, met with a cadre delegation led by Solly Mapaila, general secretary of the South "
                       "African Communist Party, in Beijing on Tuesday. Liu met separately with cadres at a workshop led "
                       "by Weerasinghe Geeganage, general secretary of the Communist Party of Sri Lanka, on the same day.")
    assert [[p.name for p in e.participants] for e in events] == [["Liu Jianchao", "Solly Mapaila"],
                                                                  ["Liu Jianchao", "Weerasinghe Geeganage"]]


def test_whoever_sent_a_letter_to_an_event_is_no_participant() -> None:
    events = events_of(" date 2022-08-26 BEIJING, Aug. 25 (Xinhua) -- The Fifth Forum on China-Africa Media Cooperation "
                       "took place here on Thursday.\n\nHuang Kunming, head of the Publicity Department, read out a "
                       "congratulatory letter by Chinese President Xi Jinping at the forum.")
    assert [p.name for p in events[0].participants] == ["Huang Kunming"]


def test_a_meeting_held_for_a_session_is_that_session_but_one_on_its_sidelines_is_not() -> None:
    events = events_of(" date 2024-10-23 LUXEMBOURG, Oct. 23 -- High Representative Josep Borrell met the foreign "
                       "ministers of Central Asia in Luxembourg on Wednesday for the 20th EU-Central Asia Ministerial "
                       "Meeting.")
    assert [(e.title, [p.name for p in e.participants]) for e in events] == [
        ("20th EU-Central Asia Ministerial Meeting", ["Josep Borrell"])]
    events = events_of(" date 2021-10-30 ROME, Oct. 29 -- Foreign Minister Chung Eui-yong met Wang Yi on the sidelines "
                       "of the 16th G20 Summit on Friday.")
    assert [e.title for e in events] == ["Chung Eui-yong meets Wang Yi", "16th G20 Summit"]


def test_a_leader_meeting_guests_of_different_countries_holds_one_meeting_with_each() -> None:
    events = events_of(" date 2024-10-24 KAZAN, Oct. 23 -- Chinese President Xi Jinping met with Iranian President "
                       "Masoud Pezeshkian and UN Secretary-General Antonio Guterres on Wednesday.")
    assert [[p.name for p in e.participants] for e in events] == [["Xi Jinping", "Masoud Pezeshkian"],
                                                                  ["Xi Jinping", "Antonio Guterres"]]
    events = events_of(" date 2024-10-24 BEIJING, Oct. 23 -- Wang Yi met with Japanese lawmaker Taro Aso and Japanese "
                       "lawmaker Yuko Obuchi on Wednesday.")
    assert len(events) == 1


def test_the_body_names_the_talks_a_headline_gave_one_side_of_and_a_citys_small_words_are_its_name() -> None:
    article = clean(Seed("x.txt", "Xi holds talks with Brazilian president\n\nBRASILIA, Nov. 20 (Xinhua) -- Chinese "
                                  "President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva "
                                  "in Brasilia on Wednesday, a day after attending the 19th G20 Summit in Rio de "
                                  "Janeiro.\n", "0" * 64))
    x = extract(article)
    assert "Rio de Janeiro" in x.places
    talks = next(e for e in x.events if not e.mechanism)
    assert talks.title == "Talks between Xi Jinping and Luiz Inacio Lula da Silva"


def test_who_hosted_a_counterpart_for_an_annual_meeting_held_that_meeting_and_co_chairs_head_it() -> None:
    (hosted,) = events_of(" date 2025-03-05 CANBERRA -- Australian Foreign Minister Penny Wong hosted her New Zealand "
                          "counterpart Winston Peters in Canberra on Tuesday for the annual Australia-New Zealand "
                          "Foreign Ministers' Meeting.")
    assert (hosted.mechanism, hosted.date, hosted.place) == ("Australia-New Zealand Foreign Ministers' Meeting",
                                                             "2025-03-04", "Canberra")
    assert hosted.leaders == ("Penny Wong", "Winston Peters")
    (co_chaired,) = events_of(" date 2025-03-05 NEW DELHI -- Indian External Affairs Minister S. Jaishankar and his "
                              "Singaporean counterpart Vivian Balakrishnan co-chaired the third India-Singapore "
                              "Ministerial Roundtable in New Delhi on Tuesday.")
    assert co_chaired.leaders == ("S. Jaishankar", "Vivian Balakrishnan")
    assert events_of(" date 2025-03-05 CANBERRA -- Foreign Minister Penny Wong hosted a dinner for diplomats in "
                     "Canberra on Tuesday.") == ()


def test_more_ways_a_meeting_is_told() -> None:
    def only(text: str):
        (event,) = events_of(" date 2025-03-05 " + text)
        return event.title, [p.name for p in event.participants], event.place

    assert only("TOKYO -- Japanese Foreign Minister Takeshi Iwaya paid a courtesy call on Indonesian President Prabowo "
                "Subianto in Jakarta on Tuesday.") == ("Takeshi Iwaya meets Prabowo Subianto",
                                                       ["Takeshi Iwaya", "Prabowo Subianto"], "Jakarta")
    assert only("BEIJING -- Chinese Foreign Minister Wang Yi had a video call with his Brazilian counterpart Mauro "
                "Vieira on Tuesday.")[0] == "Video call between Wang Yi and Mauro Vieira"
    assert only("NEW DELHI -- Indian Prime Minister Narendra Modi and visiting Singaporean Prime Minister Lawrence Wong "
                "signed four agreements in New Delhi on Thursday.")[1] == ["Narendra Modi", "Lawrence Wong"]
    assert only("ISTANBUL -- Russian and Ukrainian delegations held direct talks in Istanbul on Friday.") == (
        "Talks between Russia and Ukraine", [], "Istanbul")
    assert only("PARIS -- French President Emmanuel Macron delivered a speech at the opening ceremony of the AI Action "
                "Summit in Paris on Monday.")[:2] == ("AI Action Summit", ["Emmanuel Macron"])
    assert only("NEW DELHI -- Indian Prime Minister Narendra Modi inaugurated the Raisina Dialogue in New Delhi on "
                "Monday.") == ("Raisina Dialogue", ["Narendra Modi"], "New Delhi")
    assert events_of(" date 2025-03-05 MOSCOW -- Russian President Vladimir Putin signed a decree on Tuesday.") == ()


def test_talks_of_two_sides_a_headline_names_are_the_event_the_body_reports() -> None:
    events = events_of(" date 2020-11-11 China and EU hold talks to bolster cooperation\n\nThe fifth China-EU "
                       "High-Level People-to-People Dialogue was held via video link on Monday.")
    assert [e.mechanism for e in events] == ["China-EU High-Level People-to-People Dialogue"]


def test_a_meeting_whose_two_the_next_sentence_has_co_chair_a_session_is_that_session() -> None:
    (event,) = events_of(" date 2025-03-05 CANBERRA -- Australian Foreign Minister Penny Wong met New Zealand Foreign "
                         "Minister Winston Peters in Canberra on Tuesday. The two ministers co-chaired the 9th "
                         "Australia-New Zealand Foreign Ministers' Meeting.")
    assert (event.mechanism, event.session, event.date, event.place) == (
        "Australia-New Zealand Foreign Ministers' Meeting", 9, "2025-03-04", "Canberra")
    assert event.leaders == ("Penny Wong", "Winston Peters")


def test_a_seminar_between_the_two_parties_is_of_the_pair_the_article_names_and_who_spoke_at_it_was_there() -> None:
    events = events_of(
        " date 2024-11-14 Vientiane (KPL) – A delegation of the Communist Party of Vietnam (CPV) led by Chairman of the "
        "Central Theoretical Council Nguyen Xuan Thang paid a working visit to Laos from November 11 to 13 at the "
        "invitation of the Lao People's Revolutionary Party (LPRP).\n\nDuring the visit, the delegation attended the "
        "10th theoretical seminar between the two parties in Vientiane on November 12.\n\nSpeaking at the seminar, "
        "Thang said the two parties should strengthen exchanges. Kikeo Khaykhamphithoune, head of the LPRP Central "
        "Committee's Commission for Propaganda and Training, co-chaired the event.")
    seminar = next(e for e in events if e.mechanism)
    assert (seminar.mechanism, seminar.session, seminar.date) == ("CPV-LPRP theoretical seminar", 10, "2024-11-12")
    assert {p.name for p in seminar.participants} == {"Nguyen Xuan Thang", "Kikeo Khaykhamphithoune"}


def test_who_sent_greetings_received_them_was_willed_or_came_before_was_not_at_the_meeting() -> None:
    (event,) = events_of(
        " date 2025-03-05 JAKARTA -- Chinese Foreign Minister Wang Yi met Indonesian Foreign Minister Sugiono Prasetyo "
        "in Jakarta on Tuesday. Wang conveyed President Xi Jinping's cordial greetings to President Prabowo Subianto. "
        "The meeting follows last month's visit by Chinese Premier Li Qiang to Jakarta. Wang said China is willing to "
        "work with Egyptian President Abdel Fattah el-Sisi on the issue. EU foreign policy chief Kaja Kallas will "
        "travel to Jakarta next month.")
    assert [p.name for p in event.participants] == ["Wang Yi", "Sugiono Prasetyo"]
