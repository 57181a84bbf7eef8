from __future__ import annotations

from generator.extract import nlp
from generator.extract.people import clean_person, find_people


def people_of(*paragraphs: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    found, _ = find_people(nlp.sentences(list(paragraphs)))
    return {p.name: (p.roles, p.aliases) for p in found}


def test_title_before_the_name() -> None:
    got = people_of("In his speech, Chinese Ambassador to Japan Wu Jianghao said ties were improving. Wu added more.")
    assert got["Wu Jianghao"] == (("Chinese Ambassador to Japan",), ("Wu",))


def test_apposition_list_with_single_names_and_commas_inside_titles() -> None:
    got = people_of("Guests included Phoxay Khaykhamphithoune, Deputy Minister of Information, Culture, and Tourism "
                    "of Laos, Jimmy, Ambassador of the Philippines to China, Han San A, Deputy Secretary of State "
                    "of the Ministry of Information of Cambodia, as well as diplomats.")
    assert got["Phoxay Khaykhamphithoune"][0] == ("Deputy Minister of Information, Culture, and Tourism of Laos",)
    assert got["Jimmy"][0] == ("Ambassador of the Philippines to China",)
    assert got["Han San A"][0] == ("Deputy Secretary of State of the Ministry of Information of Cambodia",)


def test_two_titles_joined_by_and_are_two_roles() -> None:
    got = people_of("Tian Weidong, Secretary of the Dezhou Municipal Committee and Director of the Standing "
                    "Committee of the Municipal People's Congress, spoke.")
    assert got["Tian Weidong"][0] == ("Secretary of the Dezhou Municipal Committee",
                                      "Director of the Standing Committee of the Municipal People's Congress")


def test_surname_apposition_goes_to_the_full_name() -> None:
    got = people_of("President Xi Jinping urged closer ties. Xi, also general secretary of the Communist Party of "
                    "China Central Committee, spoke.")
    assert set(got["Xi Jinping"][0]) == {"President", "general secretary of the Communist Party of China Central Committee"}


def test_a_surname_shared_by_two_people_is_left_alone() -> None:
    got = people_of("Chen Wei, Counselor of the Asia Department, and Chen Shi, Deputy Editor-in-Chief of the "
                    "bureau, attended. Chen said the forum mattered.")
    assert "Chen" not in got["Chen Wei"][1] and "Chen" not in got["Chen Shi"][1]


def test_middle_initial_gives_an_alias() -> None:
    got = people_of("Aladdin D. Rillo, Deputy Secretary-General of ASEAN, spoke at the forum.")
    assert got["Aladdin D. Rillo"] == (("Deputy Secretary-General of ASEAN",), ("Aladdin Rillo",))


def test_surnames_written_first_in_capitals_are_people_with_their_titles() -> None:
    text = ("The forum brought together Li Ming, president of the Harbour Society, "
            "TANAKA Hiroshi, governor of Nara Prefecture, and ONO Yumi, mayor of Kobe.")
    got = find_people(nlp.sentences([text]))[0]
    roles = {p.name: p.roles for p in got}
    assert roles["TANAKA Hiroshi"] == ("governor of Nara Prefecture",)
    assert roles["ONO Yumi"] == ("mayor of Kobe",)
    assert roles["Li Ming"] == ("president of the Harbour Society",)


def test_a_name_ends_at_its_possessive() -> None:
    assert clean_person("Anna Berg's Harbour") == "Anna Berg"


def test_a_title_of_another_time_keeps_its_former_or_then() -> None:
    text = ("Wang Yi met former Harbour Prime Minister Anna Berg in Oslo. The delegation was led by Ole Dahl, "
            "former secretary-general of the Harbour Party, and Li Ming, then mayor of Kobe.")
    roles = {p.name: p.roles for p in find_people(nlp.sentences([text]))[0]}
    assert roles["Anna Berg"] == ("former Harbour Prime Minister",)
    assert roles["Ole Dahl"] == ("former secretary-general of the Harbour Party",)
    assert roles["Li Ming"] == ("then mayor of Kobe",)


def test_a_title_that_names_the_next_person_is_not_the_one_before_it() -> None:
    got = people_of("At the invitation of Vice President of Valeland Tomas Berg, Vice Premier Lin Tao will attend "
                    "the summit. The delegation is led by Director General Anna Holm, Deputy Director General "
                    "Erik Lund and others.")
    assert got["Tomas Berg"][0] == ("Vice President of Valeland",)
    assert got["Lin Tao"][0] == ("Vice Premier",)
    assert got["Anna Holm"][0] == ("Director General",)


def test_a_title_may_open_with_lower_case_words_but_a_clause_or_a_place_is_no_title() -> None:
    got = people_of("Anna Holm, board member of the Harbour Daily, and Erik Lund, first vice-minister of culture of "
                    "Valeland, spoke. Tomas Berg, who met the president, left.",
                    "They recalled the consensus reached at their meeting in Lima, and the two foreign ministers agreed.")
    assert got["Anna Holm"][0] == ("board member of the Harbour Daily",)
    assert got["Erik Lund"][0] == ("first vice-minister of culture of Valeland",)
    assert got["Tomas Berg"][0] == ()
    assert "Lima" not in got


def test_a_title_case_headline_does_not_lengthen_a_name_the_body_gives() -> None:
    got = people_of("Foreign Minister Anna Berg Holds Talks with Visiting Counterpart in Oslo",
                    "Foreign Minister Anna Berg held talks with her visiting counterpart in Oslo on Monday.")
    assert "Anna Berg" in got and not any("Holds" in name for name in got)


def test_a_sentence_that_opens_with_a_title_then_a_name_in_commas_names_that_person() -> None:
    got = people_of("The Speaker of the National Assembly, Moses Wetang'ula, on Monday received a delegation.")
    assert got["Moses Wetang'ula"][0] == ("Speaker of the National Assembly",)


def test_a_title_ends_where_the_next_person_of_a_list_begins_and_a_title_before_a_name_in_commas_counts() -> None:
    got = people_of("Also present were Luo Zhaohui, the former Chinese Vice Foreign Minister, and Kamala Devi, who "
                    "heads the institute.", "The meeting was also attended by the Chinese ambassador, Wang Lutong, "
                    "and other diplomats.")
    assert got["Luo Zhaohui"][0] == ("former Chinese Vice Foreign Minister",)
    assert got["Wang Lutong"][0] == ("Chinese ambassador",)


def test_a_relative_clause_can_state_the_title() -> None:
    got = people_of("Kamala Devi, who is also the president of the Indonesian Institute of Sciences, spoke at the forum.")
    assert got["Kamala Devi"][0] == ("president of the Indonesian Institute of Sciences",)


def test_a_name_after_a_long_title_counts_where_the_article_has_them_act_by_surname() -> None:
    got = people_of("Foreign Minister Pavel Orlov held talks with Minister of Foreign Affairs of the Republic of "
                    "Indonesia Retno Halim, who is in Russia on an official visit.",
                    "Earlier in the day, Halim laid a wreath at the Tomb of the Unknown Soldier.")
    assert "Retno Halim" in got
    alone = people_of("He met the Minister of Foreign Affairs and Security Policy, who spoke first.")
    assert "Security Policy" not in alone


def test_a_question_opening_with_will_does_not_make_will_a_title() -> None:
    assert people_of("Will Chinese Foreign Minister Wang Yi visit the United States next month?")["Wang Yi"][0] \
        == ("Chinese Foreign Minister",)


def test_a_person_the_model_calls_an_organization_or_misses_at_a_lists_end_and_a_lower_case_portfolio() -> None:
    got = people_of("China's Vice Premier Sun Chunlan and EU Commissioner Mariya Gabriel were among those leading it.",
                    "The TASS delegation is led by Director General Andrey Kondrashev, Deputy Director General Marat "
                    "Abulkhatin and Director for Strategy Sergey Kuzovnikov.",
                    "Kim Yong-sam, first vice-minister of culture, sports and tourism of the Republic of Korea (ROK), "
                    "expressed the hope that media would help.")
    assert got["Sun Chunlan"][0] == ("China's Vice Premier",)
    assert got["Sergey Kuzovnikov"][0] == ("Director for Strategy",)
    assert got["Kim Yong-sam"][0] == ("first vice-minister of culture, sports and tourism of the Republic of Korea (ROK)",)


def test_a_title_before_a_name_keeps_its_lower_case_words() -> None:
    got = people_of("China's top legislator Zhao Leji met the delegation.", "EU foreign policy chief Josep Borrell said so.",
                    "The meeting was chaired by senior party official Li Ming.")
    assert got["Zhao Leji"][0] == ("China's top legislator",)
    assert got["Josep Borrell"][0] == ("EU foreign policy chief",)
    assert got["Li Ming"][0] == ("senior party official",)


def test_a_two_word_nationality_is_no_person_and_an_acronym_before_a_title_stays_in_it() -> None:
    got = people_of("Sri Lankan President Anura Kumara Dissanayake visited Beijing.", "WHO chief Tedros Adhanom "
                    "Ghebreyesus said so.")
    assert "Sri Lankan" not in got
    assert got["Anura Kumara Dissanayake"][0] == ("Sri Lankan President",)
    assert got["Tedros Adhanom Ghebreyesus"][0] == ("WHO chief",)


def test_a_name_the_model_runs_into_a_ministers_portfolio_is_a_person() -> None:
    got = people_of("South African Minister of International Relations and Cooperation Ronald Lamola spoke at the forum.")
    assert got["Ronald Lamola"][0] == ("South African Minister of International Relations and Cooperation",)


def test_a_former_title_keeps_its_country_and_a_hyphenated_given_name_stays_whole() -> None:
    got = people_of("Japan's former prime minister Yasuo Fukuda spoke.", "He met former president Moon Jae-in.")
    assert got["Yasuo Fukuda"][0] == ("Japan's former prime minister",)
    assert got["Moon Jae-in"][0] == ("former president",)


def test_a_title_before_a_name_stops_at_a_preposition_no_title_holds() -> None:
    got = people_of("Mao Ning spoke about the talks between Chinese Foreign Minister Wang Yi and Japanese Minister "
                    "for Foreign Affairs Takeshi Iwaya.", "The talks between foreign minister Ali Khan and Jo Bo ended.")
    assert got["Wang Yi"][0] == ("Chinese Foreign Minister",)
    assert got["Takeshi Iwaya"][0] == ("Japanese Minister for Foreign Affairs",)
    assert got["Ali Khan"][0] == ("foreign minister",)


def test_a_form_of_address_between_title_and_name_is_part_of_neither() -> None:
    got = people_of("The delegation was led by China's Political Counsellor Miss Bao Zhong and Vice Minister Mr Li Hua.",
                    "Ruto met UAE President Sheikh Mohamed bin Zayed Al Nahyan on Tuesday.",
                    "Vice-Chancellor of the University of Abuja Professor Aisha Maikudi spoke.", "Professor Li Ming said so.")
    assert got["Bao Zhong"][0] == ("China's Political Counsellor",)
    assert got["Li Hua"][0] == ("Vice Minister",)
    assert got["Mohamed bin Zayed Al Nahyan"][0] == ("UAE President",)
    assert got["Aisha Maikudi"][0] == ("Vice-Chancellor of the University of Abuja",)
    assert got["Li Ming"][0] == ("Professor",)  # the only title he has


def test_a_title_said_shorter_in_the_same_article_is_the_same_title() -> None:
    got = people_of("Chinese Foreign Minister Wang Yi met the press.", "Foreign minister Wang Yi said so.")
    assert got["Wang Yi"][0] == ("Chinese Foreign Minister",)


def test_names_with_accented_letters_are_people() -> None:
    got = people_of("United Nations Secretary-General António Guterres opened the session.",
                    "The UN High Commissioner for Human Rights, Volker Türk, also spoke.",
                    "Turkish President Recep Tayyip Erdoğan met Vietnamese leader Nguyễn Phú Trọng.")
    assert got["António Guterres"][0] == ("United Nations Secretary-General",)
    assert got["Volker Türk"][0] == ("UN High Commissioner for Human Rights",)
    assert got["Recep Tayyip Erdoğan"][0] == ("Turkish President",)
    assert got["Nguyễn Phú Trọng"][0] == ("Vietnamese leader",)


def test_the_last_title_and_name_of_a_list_that_ends_the_sentence_go_together() -> None:
    got = people_of("The meeting was also attended by the Director General of Asia, Pacific and African Affairs, Abdul "
                    "Kadir Jailani, and the Australian Ambassador to Indonesia, Rod Brazier.")
    assert got["Rod Brazier"][0] == ("Australian Ambassador to Indonesia",)
    assert "Australian Ambassador to Indonesia" not in got["Abdul Kadir Jailani"][0]


def test_a_names_small_word_is_no_short_form_of_it() -> None:
    sentences = nlp.sentences(["Brazilian President Luiz Inacio Lula da Silva spoke at the Palacio da Alvorada."])
    _, occurrences = find_people(sentences)
    assert [sentences[o.sentence].text[o.start:o.end] for o in occurrences] == ["Luiz Inacio Lula da Silva"]


def test_a_name_the_model_runs_into_a_title_as_one_organization_is_a_person() -> None:
    got = people_of("Russian President Vladimir Putin spoke by phone with Kazakh President Kassym-Jomart Tokayev on "
                    "Tuesday, the Kremlin said.")
    assert got["Kassym-Jomart Tokayev"][0] == ("Kazakh President",)


def test_names_with_two_small_words_a_prefixed_surname_or_a_generation_are_whole() -> None:
    got = people_of("European Commission President Ursula von der Leyen met Chinese Premier Li Qiang in Brussels.",
                    "Egyptian President Abdel Fattah el-Sisi received Palestinian President Mahmoud Abbas in Cairo.",
                    "Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister Fumio Kishida. Marcos said so.",
                    "Saudi Foreign Minister Prince Faisal bin Farhan Al Saud spoke.")
    assert got["Ursula von der Leyen"][0] == ("European Commission President",)
    assert got["Abdel Fattah el-Sisi"][0] == ("Egyptian President",)
    assert got["Ferdinand Marcos Jr."] == (("Philippine President",), ("Ferdinand Marcos", "Marcos"))
    assert got["Faisal bin Farhan Al Saud"][0] == ("Saudi Foreign Minister",)


def test_a_surname_with_a_capital_inside_is_a_name() -> None:
    got = people_of("Australian High Commissioner to India Barry O'Farrell met US Ambassador Kevin McCarthy in Delhi.")
    assert got["Barry O'Farrell"][0] == ("Australian High Commissioner to India",)
    assert got["Kevin McCarthy"][0] == ("US Ambassador",)


def test_a_counterpart_holds_the_same_office_for_another_country() -> None:
    got = people_of("Saudi Foreign Minister Prince Faisal bin Farhan Al Saud met his Iranian counterpart Abbas Araghchi.",
                    "Prime Minister Pham Minh Chinh held talks with his Japanese counterpart Shigeru Ishiba in Hanoi.")
    assert got["Abbas Araghchi"][0] == ("Iranian Foreign Minister",)
    assert got["Shigeru Ishiba"][0] == ("Japanese Prime Minister",)


def test_a_title_case_headlines_verb_is_no_part_of_a_name() -> None:
    got = people_of("Foreign Minister Sugiono Holds Bilateral Meeting with Australian Counterpart in Jakarta",
                    "Foreign Minister Sugiono held a bilateral meeting with Penny Wong in Jakarta on Wednesday.")
    assert not any("Holds" in name for name in got)


def test_titles_with_abbreviations_and_a_countrys_title_before_a_name_in_commas() -> None:
    got = people_of("U.S. Secretary of State Marco Rubio met Japan's top diplomat, Takeshi Iwaya, in Washington.",
                    "India's External Affairs Minister Dr. S. Jaishankar met Singapore's Foreign Minister Dr. Vivian "
                    "Balakrishnan.", "The head of the Russian Foreign Ministry's press service, Maria Zakharova, spoke.")
    assert got["Marco Rubio"][0] == ("U.S. Secretary of State",)
    assert got["Takeshi Iwaya"][0] == ("Japan's top diplomat",)
    assert got["S. Jaishankar"][0] == ("India's External Affairs Minister",)
    assert got["Vivian Balakrishnan"][0] == ("Singapore's Foreign Minister",)
    assert set(got) == {"Marco Rubio", "Takeshi Iwaya", "S. Jaishankar", "Vivian Balakrishnan", "Maria Zakharova"}
