from __future__ import annotations

from generator.extract import nlp
from generator.extract.mechanisms import find_mechanisms


def mechanisms_of(*paragraphs: str):
    mentions, sessions = find_mechanisms(nlp.sentences(list(paragraphs)))
    return {m.name: m for m in mentions}, [(s.mechanism, s.session, s.year) for s in sessions]


def test_nth_meeting_of_a_lower_case_mechanism_takes_the_pair_of_countries() -> None:
    found, sessions = mechanisms_of("In December, China and Japan held the second meeting of a high-level "
                                    "consultation mechanism on people-to-people and cultural exchanges in Beijing.")
    name = "China-Japan high-level consultation mechanism on people-to-people and cultural exchanges"
    assert list(found) == [name]
    assert sessions == [(name, 2, None)]


def test_two_names_of_the_same_session_are_one_mechanism_and_the_year_it_was_set_up() -> None:
    found, sessions = mechanisms_of(
        "They attended the seventh meeting of the China-Japan ruling parties exchange in Fujian province. "
        "The meeting was established in 2006. The recent seventh meeting of the China-Japan exchange "
        "mechanism was the largest.")
    assert list(found) == ["China-Japan ruling parties exchange mechanism"]
    assert found["China-Japan ruling parties exchange mechanism"].established == 2006
    assert {s[1] for s in sessions} == {7}


def test_named_forums_programs_and_activities_with_ordinals_and_years() -> None:
    found, sessions = mechanisms_of(
        "The 2024 China-ASEAN Media Cooperation Forum was held in Dezhou. The organizers will hold the 10th "
        "China-ASEAN Joint Visit Activity on the 21st Century Maritime Silk Road. The Second “New Era, New "
        "Images” China-Foreign Joint Creation Program was presented.")
    assert set(found) == {"China-ASEAN Media Cooperation Forum",
                          "China-ASEAN Joint Visit Activity on the 21st Century Maritime Silk Road",
                          "“New Era, New Images” China-Foreign Joint Creation Program"}
    assert ("China-ASEAN Media Cooperation Forum", None, 2024) in sessions
    assert ("China-ASEAN Joint Visit Activity on the 21st Century Maritime Silk Road", 10, None) in sessions


def test_an_organization_called_conference_is_no_mechanism() -> None:
    found, _ = mechanisms_of("He is a member of the Chinese People's Political Consultative Conference.")
    assert found == {}


def test_a_series_between_two_parties() -> None:
    _, sessions = mechanisms_of("The third theoretical seminar between the Communist Party of China (CPC) "
                                    "and the Lao People's Revolutionary Party (LPRP) opened on Monday.")
    assert sessions == [("CPC-LPRP theoretical seminar", 3, None)]


def test_a_series_of_two_parties_named_by_their_acronyms_and_a_spaced_hyphen_pair() -> None:
    from generator.extract import nlp
    from generator.extract.mechanisms import find_mechanisms

    mentions, sessions = find_mechanisms(nlp.sentences([
        ("The Labour Party of Freedonia (LPF) and the Green Party of Valeland (GPV) held their 9th theory seminar "
        "on Wednesday."), "They praised the Lancang - Mekong cooperation mechanism."]))
    assert [m.name for m in mentions] == ["LPF-GPV theory seminar", "Lancang-Mekong cooperation mechanism"]
    assert sessions[0].session == 9


def test_two_coordinated_names_a_generic_name_qualified_and_a_name_that_stops_at_its_verb() -> None:
    from generator.extract import nlp
    from generator.extract.mechanisms import find_mechanisms

    mentions, sessions = find_mechanisms(nlp.sentences([
        "Norway and Chile have the High-Level Strategic Dialogue and the High-Level Economic and Trade Dialogue.",
        "The 2023 Lancang - Mekong Cooperation Media Summit took place in Beijing.",
        "The 6th meeting of Valeland-Freedonia ruling parties exchange mechanism convened here on Monday."]))
    assert [m.name for m in mentions] == [
        "Norway-Chile High-Level Strategic Dialogue", "Norway-Chile High-Level Economic and Trade Dialogue",
        "Lancang-Mekong Cooperation Media Summit", "Valeland-Freedonia ruling parties exchange mechanism"]
    assert [(s.session, s.year) for s in sessions[2:]] == [(None, 2023), (6, None)]


def test_a_grouping_of_countries_names_its_summits_in_lower_case_and_one_country_does_not() -> None:
    from generator.extract import nlp
    from generator.extract.mechanisms import find_mechanisms

    _, sessions = find_mechanisms(nlp.sentences([
        "Lin attended the 15th BRICS summit in Oslo.", "They met on the sidelines of the G20 summit in Rio.",
        "He spoke at the US forum in Texas."]))
    assert [(s.mechanism, s.session) for s in sessions] == [("BRICS summit", 15), ("G20 summit", None)]


def test_a_name_cut_short_by_a_list_of_countries_is_no_mechanism() -> None:
    from generator.extract import nlp
    from generator.extract.mechanisms import find_mechanisms

    mentions, _ = find_mechanisms(nlp.sentences(["Forum on Norway, Chile, Peru cooperation opens",
                                                 "He praised the Boao Forum for Asia, China said."]))
    assert [m.name for m in mentions] == ["Boao Forum for Asia"]


def test_a_numbered_meeting_or_joint_body_of_two_sides_is_a_mechanism_but_a_partys_committee_is_not() -> None:
    _, sessions = mechanisms_of("They confirmed that the 12th Japan-Vietnam Cooperation Committee will meet in Hanoi.",
                                "The ministers met for the 20th EU-Central Asia Ministerial Meeting.",
                                "He is a member of the 20th CPC Central Committee.")
    assert sessions == [("Japan-Vietnam Cooperation Committee", 12, None), ("EU-Central Asia Ministerial Meeting", 20, None)]


def test_a_numbered_session_named_by_no_name_is_one_of_the_articles_numbered_mechanism() -> None:
    _, sessions = mechanisms_of("The 12th meeting of the China-Africa Think Tanks Forum opened in Beijing.",
                                "The 11th meeting was held in Hangzhou in 2022.",
                                "He said the sixth plenary session of the 19th Central Committee was a success.")
    assert sessions == [("China-Africa Think Tanks Forum", 12, None), ("China-Africa Think Tanks Forum", 11, None)]


def test_the_nth_meeting_of_a_committee_of_two_countries_is_a_session_of_a_mechanism() -> None:
    _, sessions = mechanisms_of("Han co-chaired the seventh meeting of the China-Brazil High-Level Coordination "
                                "and Cooperation Committee in Brasilia.")
    assert sessions == [("China-Brazil High-Level Coordination and Cooperation Committee", 7, None)]


def test_names_of_multilateral_series_with_and_a_year_after_or_an_adjective_before_the_meeting() -> None:
    _, sessions = mechanisms_of("The third Belt and Road Forum for International Cooperation opened on Wednesday.",
                                "The Raisina Dialogue 2024 opened in New Delhi.",
                                "The 10th Ministerial Meeting of the China-Arab States Cooperation Forum was held.",
                                "The ministers attended the 57th ASEAN Foreign Ministers' Meeting in Vientiane.",
                                "China and the US held their first round of maritime consultations in Beijing.")
    assert sessions == [("Belt and Road Forum for International Cooperation", 3, None), ("Raisina Dialogue", None, 2024),
                        ("China-Arab States Cooperation Forum", 10, None), ("ASEAN Foreign Ministers' Meeting", 57, None),
                        ("China-US maritime consultations", 1, None)]


def test_an_annual_conference_recurs_but_a_conference_does_not() -> None:
    found, _ = mechanisms_of("The annual Munich Security Conference opened on Friday. Li attended a Trade Conference.")
    assert list(found) == ["Munich Security Conference"]


def test_the_acronym_after_a_numbered_session_of_a_mechanism_is_the_mechanisms() -> None:
    found, _ = mechanisms_of("The fifth edition of the China-EU High-Level People-to-People Dialogue (HPPD) was held.")
    assert found["China-EU High-Level People-to-People Dialogue"].aliases == ("HPPD",)


def test_a_themed_year_and_a_lower_case_forum_of_a_country_and_a_region() -> None:
    found, _ = mechanisms_of("Highlighting 2019 as the China-ASEAN Year of Media Exchanges, Guo said more.",
                             "The China-Central Asia non-governmental friendship forum was held Tuesday in Xi'an.")
    assert list(found) == ["China-ASEAN Year of Media Exchanges", "China-Central Asia non-governmental friendship forum"]


def test_an_acronym_names_a_series_after_of_but_a_plenary_session_is_an_organs() -> None:
    _, sessions = mechanisms_of("It implements the outcomes of the ninth ministerial meeting of the CASCF held in July.",
                                "He spoke of the fifth plenary session of the CPC.")
    assert sessions == [("CASCF", 9, None)]


def test_the_previous_edition_and_a_bare_session_after_a_yearly_edition_belong_to_that_series() -> None:
    _, sessions = mechanisms_of("The 2023 Lancang-Mekong Cooperation Media Summit took place in Beijing on June 27.",
                                "Addressing the fourth summit, Li Shulei spoke.",
                                "The previous, third edition of the summit was held in 2022.")
    assert sessions == [("Lancang-Mekong Cooperation Media Summit", None, 2023),
                        ("Lancang-Mekong Cooperation Media Summit", 4, None), ("Lancang-Mekong Cooperation Media Summit", 3, None)]


def test_an_economic_corridor_is_a_named_initiative_and_its_acronym_is_its_own() -> None:
    found, _ = mechanisms_of("It was decided to highlight China Pakistan Economic Corridor related projects.",
                             "The CPEC will be made a corridor of love.")
    assert found["China Pakistan Economic Corridor"].aliases == ("CPEC",)


def test_a_body_of_two_sides_takes_the_pair_and_their_is_no_part_of_a_name() -> None:
    _, sessions = mechanisms_of("China and Vietnam held the 15th meeting of the Steering Committee for Bilateral "
                                "Cooperation in Hanoi.", "China and the EU held the 12th round of their human rights dialogue.")
    assert sessions == [("China-Vietnam Steering Committee for Bilateral Cooperation", 15, None),
                        ("China-EU human rights dialogue", 12, None)]


def test_a_two_plus_two_meeting_is_named_whole() -> None:
    text = ("The two ministers co-chaired the 9th Indonesia-Australia Foreign and Defence Ministers' 2+2 Meeting on "
            "Wednesday.")
    _, sessions = find_mechanisms(nlp.sentences([text]))
    assert [(s.mechanism, s.session) for s in sessions] == [
        ("Indonesia-Australia Foreign and Defence Ministers' 2+2 Meeting", 9)]


def test_a_named_forums_name_ends_before_its_day() -> None:
    _, sessions = find_mechanisms(nlp.sentences(["Zhao spoke at the Boao Forum for Asia Annual Conference 2025 on Thursday."]))
    assert [(s.mechanism, s.year) for s in sessions] == [("Boao Forum for Asia", 2025)]
