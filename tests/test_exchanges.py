"""Who an event is between, what kind of exchange it is, and who led each side: through extraction and
resolution of whole articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RegistryError
from generator.extract.extraction import extract
from generator.model import Seed
from generator.read.cleaning import clean
from generator.resolve.exchanges import parties_in, party_lists
from generator.resolve.registry import load_registry
from generator.resolve.resolution import resolve


def briefing_of(*texts: str, registry=None):
    return resolve([extract(clean(Seed(f"{i}.txt", t, f"{i:064d}"))) for i, t in enumerate(texts)], registry)


def only_event(text: str, registry=None):
    b = briefing_of(text, registry=registry)
    names = {p.id: p.name for p in b.people}
    (e,) = b.events
    return e, [(names[p], party) for p, party in e.leaders]


@pytest.mark.parametrize("text, parties", [
    ("China-Japan Ruling Parties Exchange Mechanism", ["China", "Japan"]),
    ("the 11th China-ROK Media Forum", ["China", "South Korea"]),
    ("Japanese Prime Minister", ["Japan"]),
    ("general secretary of the South African Communist Party", ["South Africa"]),
    ("ASEAN-China Media Cooperation Forum", ["ASEAN", "China"]),
    ("met the press in Georgetown", []),
    ("UAE President", ["United Arab Emirates"]),
])
def test_parties_are_the_countries_and_blocs_a_text_names(text: str, parties: list[str]) -> None:
    assert list(parties_in(text)) == parties


def test_a_session_is_between_the_parties_its_mechanism_names() -> None:
    e, leaders = only_event(
        " date 2025-07-03 BRUSSELS (Xinhua) -- The 13th China-EU Media Dialogue was held in Brussels on Wednesday, "
        "co-chaired by Chinese Vice Minister Li Ming and European Commissioner Anna Weber.\n\nBrazilian journalist "
        "Carla Souza also attended the dialogue.")
    assert (e.relationship, e.kind) == ("China–EU", "media")
    assert leaders == [("Li Ming", "China"), ("Anna Weber", "EU")]


def test_a_country_no_list_knows_is_a_side_when_paired_with_one_it_knows() -> None:
    e, _ = only_event(" date 2025-03-14 SUVA -- The third meeting of the Planetia-Fiji Maritime Dialogue was held "
                      "in Suva on Thursday.")
    assert set(e.parties) == {"Fiji", "Planetia"}


def test_a_delegations_leader_and_its_host_head_the_sides_their_titles_name() -> None:
    e, leaders = only_event(
        " date 2024-05-29 HANOI -- Vietnamese Party official Nguyen Van An met a delegation of the Communist Party "
        "of China led by Chen Hua, vice minister of the International Department of the CPC Central Committee, "
        "in Hanoi on Wednesday.")
    assert set(e.parties) == {"China", "Vietnam"}
    assert e.kind == "party-to-party"
    assert leaders == [("Nguyen Van An", "Vietnam"), ("Chen Hua", "China")]


def test_who_held_talks_with_whom_heads_each_side() -> None:
    e, leaders = only_event(" date 2024-12-26 BEIJING: Chinese Foreign Minister Wang Yi held talks with Japanese "
                            "Foreign Minister Takeshi Iwaya in Beijing on Wednesday.")
    assert set(e.parties) == {"China", "Japan"}
    assert leaders == [("Wang Yi", "China"), ("Takeshi Iwaya", "Japan")]


def test_of_several_met_none_heads_by_being_named_but_the_host_does() -> None:
    _, leaders = only_event(" date 2024-12-26 BEIJING: Chinese Vice President Han Zheng met Japanese lawmakers Aiko "
                            "Sato, Kenji Mori and Yumi Oda in Beijing on Wednesday.")
    assert leaders == [("Han Zheng", "China")]


def test_a_bare_title_takes_the_country_the_persons_other_titles_name() -> None:
    b = briefing_of(" date 2024-12-26 BEIJING: Chinese Foreign Minister Wang Yi met Nigerian Foreign Minister Yusuf "
                    "Tuggar in Beijing on Wednesday.",
                    " date 2025-01-10 ABUJA: Foreign Minister Wang Yi held talks with Yusuf Tuggar, Foreign Minister "
                    "of Nigeria, in Abuja on Friday.")
    names = {p.id: p.name for p in b.people}
    abuja = next(e for e in b.events if e.date == "2025-01-10")
    assert set(abuja.parties) == {"China", "Nigeria"}
    assert [(names[p], party) for p, party in abuja.leaders] == [("Wang Yi", "China"), ("Yusuf Tuggar", "Nigeria")]


def test_the_registry_adds_a_kind_of_exchange(tmp_path: Path) -> None:
    text = " date 2025-03-01 TOKYO -- The fourth China-Japan Football Friendship Forum was held in Tokyo on Friday."
    assert only_event(text)[0].kind == "government and diplomatic"
    (tmp_path / "registry.yml").write_text("exchanges:\n  - name: sports\n    words: [football, olympic]\n")
    assert only_event(text, load_registry(tmp_path / "registry.yml"))[0].kind == "sports"


def test_a_malformed_exchanges_section_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "registry.yml").write_text("exchanges:\n  - name: sports\n    words: football\n")
    with pytest.raises(RegistryError, match=r"line 2: exchanges\[0\] needs a 'name'.*'words'"):
        load_registry(tmp_path / "registry.yml")


def test_the_list_that_holds_the_side_known_gives_the_other_sides() -> None:
    e, leaders = only_event(
        " date 2021-10-29 ROME -- Minister Kim Dae-ho and his Chinese counterpart Wang Yi held talks in Rome on Friday. "
        "They agreed to promote friendship between the Korean and Chinese people. Chinese Foreign Minister Wang Yi "
        "said so.")
    assert set(e.parties) == {"China", "South Korea"}
    assert dict(leaders) == {"Kim Dae-ho": "South Korea", "Wang Yi": "China"}


def test_a_forum_involving_a_list_of_countries_is_between_them() -> None:
    e, _ = only_event(" date 2023-07-03 QINGDAO -- The 2023 Forum for Trilateral Cooperation, involving China, Japan, "
                      "and the Republic of Korea (ROK), kicked off on Monday in Qingdao.")
    assert set(e.parties) == {"China", "Japan", "South Korea"}


def test_a_group_named_by_its_nationality_is_a_side() -> None:
    e, _ = only_event(" date 2024-08-27 BEIJING -- The Japanese lawmakers met with Qiu Yong, Chinese Communist "
                            "Party committee secretary, in Beijing on Tuesday.")
    assert set(e.parties) == {"China", "Japan"}


def test_who_met_a_former_minister_met_him() -> None:
    e, leaders = only_event(" date 2019-11-24 TOKYO - State Councilor and Foreign Minister Wang Yi met with former "
                            "Japanese Prime Minister Yasuo Fukuda on bilateral ties on Nov 24.")
    assert e.title == "Wang Yi meets Yasuo Fukuda"
    assert leaders == [("Wang Yi", None), ("Yasuo Fukuda", "Japan")]


@pytest.mark.parametrize("text, lists", [
    ("friendship between the Korean and Chinese people", [{"South Korea", "China"}]),
    ("involving China, Japan, and the Republic of Korea (ROK), kicked off", [{"China", "Japan", "South Korea"}]),
    ("concluded a visit to Brazil and Peru", []),
    ("a visit to Brazil, Peru and Chile", []),
    ("to deepen the Vietnam-Japan Comprehensive Strategic Partnership", [{"Vietnam", "Japan"}]),
])
def test_parties_listed_as_those_involved_and_not_as_where_someone_went(text: str, lists: list[set[str]]) -> None:
    assert party_lists(text) == lists
