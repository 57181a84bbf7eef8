from __future__ import annotations

import random

import pytest

from generator.extract.extraction import extract
from generator.model import Briefing, Extraction, Seed
from generator.read.cleaning import clean
from generator.resolve.ids import Ledger
from generator.resolve.registry import Entry, Registry
from generator.resolve.resolution import resolve


def briefing(*texts: str, registry: Registry | None = None):
    extractions = [extract(clean(Seed(f"{i}.txt", t, "0" * 64))) for i, t in enumerate(texts)]
    return resolve(extractions, registry)


def test_one_entity_per_real_thing_across_articles() -> None:
    b = briefing(" date 2025-02-21 The event was co-hosted by Xinhua News Agency. Xinhua issued a report.",
                 " date 2025-03-01 Xinhua reported on the talks, said Chinese Foreign Ministry spokesperson Mao Ning.",
                 " date 2025-03-02 The forum was guided by the Chinese Ministry of Foreign Affairs.")
    names = {o.name: o for o in b.organizations}
    assert "Xinhua News Agency" in names and "Xinhua" in names["Xinhua News Agency"].aliases
    ministry = [o for o in b.organizations if "Foreign" in o.name]
    assert len(ministry) == 1 and len(ministry[0].articles) == 2


def test_name_order_does_not_split_a_person_but_a_shared_surname_does_not_merge() -> None:
    b = briefing(" date 2025-01-01 Japanese Prime Minister Shigeru Ishiba met Wang Yi in Tokyo on Monday.",
                 " date 2025-01-05 Prime Minister Ishiba Shigeru met Wang Yihua in Osaka on Monday.")
    people = sorted(p.name for p in b.people)
    assert people.count("Shigeru Ishiba") + people.count("Ishiba Shigeru") == 1
    assert {"Wang Yi", "Wang Yihua"} <= set(people)


def test_the_same_session_reported_twice_is_one_event_with_the_most_precise_date() -> None:
    b = briefing(" date 2025-02-21 In December last year, China and Japan held the second meeting of a high-level "
                 "consultation mechanism on people-to-people exchanges in Beijing.",
                 " date 2024-12-26 BEIJING: Foreign minister Wang Yi and Takeshi Iwaya jointly attended the second "
                 "meeting of a high-level consultation mechanism on people-to-people exchanges between China and "
                 "Japan on Wednesday.")
    sessions = [e for e in b.events if e.session == 2]
    assert len(sessions) == 1
    assert sessions[0].date == "2024-12-25" and len(sessions[0].articles) == 2


def test_registry_names_and_joins_entities() -> None:
    registry = Registry({"organizations": (Entry("Xinhua News Agency", ("New China News Agency",)),)})
    b = briefing(" date 2025-02-21 Xinhua News Agency held a forum. New China News Agency reporters came.",
                 registry=registry)
    xinhua = [o for o in b.organizations if "Xinhua" in o.name]
    assert len(xinhua) == 1 and xinhua[0].name == "Xinhua News Agency"


def test_registry_splits_two_people_who_share_a_name() -> None:
    registry = Registry({"people": (Entry("Li Wei (CGTN)", ("Li Wei",), articles=("1.txt",)),)})
    b = briefing(" date 2025-01-01 Li Wei, president of the Example Society, spoke in Tokyo on Monday.",
                 " date 2025-01-02 Li Wei, a reporter of CGTN, met guests in Paris on Tuesday.", registry=registry)
    assert sorted(p.name for p in b.people) == ["Li Wei", "Li Wei (CGTN)"]
    cgtn = next(p for p in b.people if p.name == "Li Wei (CGTN)")
    assert cgtn.articles == ("1",)


def test_a_surname_used_in_two_articles_for_two_people_keeps_them_apart() -> None:
    b = briefing(" date 2025-01-01 Chinese Foreign Minister Wang Yi met the delegation in Beijing. Wang said ties grew.",
                 " date 2025-01-09 Wang Huning, chairman of the CPPCC, met the delegation in Beijing. Wang said so.")
    assert {"Wang Yi", "Wang Huning"} <= {p.name for p in b.people}


def test_a_lone_surname_joins_the_one_person_other_articles_call_by_it() -> None:
    b = briefing(" date 2025-01-01 Chinese President Xi Jinping met the delegation in Beijing. Xi said ties grew.",
                 " date 2025-01-09 Xi, general secretary of the CPC Central Committee, spoke at the forum on Monday.")
    xi = [p for p in b.people if "Xi" in (p.name, *p.aliases)]
    assert len(xi) == 1 and xi[0].name == "Xi Jinping" and len(xi[0].articles) == 2


def test_the_ledger_reads_back_as_written(fixture_briefing: Briefing) -> None:
    ledger = Ledger.of(fixture_briefing)
    assert Ledger.loads(ledger.dumps()) == ledger
    assert ledger.entities["people"]["jinping xi"] == "xi-jinping"
    assert all(ledger.events[(a, e.title)] == e.id for e in fixture_briefing.events for a in e.articles)
    for damaged in ("{", "[]", '{"events": [1]}'):
        with pytest.raises(ValueError, match="not JSON|not an id ledger"):
            Ledger.loads(damaged)


@pytest.mark.parametrize("trial", range(8))
def test_articles_added_move_no_id_the_ledger_holds(corpus_extractions: list[Extraction], trial: int) -> None:
    rng = random.Random(trial)
    order = rng.sample(corpus_extractions, len(corpus_extractions))
    cut = rng.randrange(1, len(order))
    first = resolve(order[:cut])
    again = resolve(order, ledger=Ledger.of(first))
    assert {r.id: r.events for r in first.articles}.items() <= {r.id: r.events for r in again.articles}.items() or \
        {e.id for e in first.events} - {e.id for e in again.events} == set()
    for kind in ("people", "places"):
        now = {e.id for e in getattr(again, kind)}
        assert {e.id for e in getattr(first, kind)} <= now


def test_resolution_does_not_depend_on_what_was_resolved_before(corpus_extractions: list[Extraction]) -> None:
    ledger = Ledger.of(resolve(corpus_extractions[:10]))
    assert resolve(corpus_extractions, ledger=ledger) == resolve(corpus_extractions, ledger=ledger)


def test_an_article_that_names_an_organization_and_its_acronym_joins_them() -> None:
    """"Korea Press Foundation (KPF)" after articles that name "KPF" and the foundation apart."""
    texts = [" date 2025-03-14 Kim Min-jun, president of the Korea Press Foundation, spoke in Seoul on Monday.",
             " date 2025-03-15 The KPF hosted reporters in Seoul on Tuesday, said the KPF's Lee Ji-ho.",
             " date 2025-03-16 The Korea Press Foundation (KPF) said it would host the forum again."]
    extractions = [extract(clean(Seed(f"{i}.txt", t, "0" * 64))) for i, t in enumerate(texts)]
    whole = resolve(extractions)
    assert len([o for o in whole.organizations if "KPF" in (o.name, *o.aliases)]) == 1


def test_a_report_that_dates_an_earlier_one_dates_the_titles_held_there() -> None:
    texts = [(" date 2025-03-20 SEOUL -- Kim Min-jun, president of the Korea Press Foundation, attended the 10th "
             "China-ROK Media Forum in Seoul last week."),
             (" date 2025-03-15 SEOUL -- The 10th China-ROK Media Forum was held in Seoul on Wednesday. Kim Min-jun, "
             "president of the Korea Press Foundation, addressed the forum.")]
    extractions = [extract(clean(Seed(f"{i}.txt", t, "0" * 64))) for i, t in enumerate(texts)]
    assert [r.date for r in resolve(extractions).people[0].roles] == ["2025-03-12", "2025-03-12"]


def test_one_framework_named_in_the_singular_and_plural_or_with_partners_swapped_is_one() -> None:
    from generator.resolve.clusters import mechanism_keys

    assert mechanism_keys("China-Japan ruling parties exchange mechanism") & \
        mechanism_keys("China-Japan ruling party exchanges mechanism")
    assert mechanism_keys("ASEAN-China Media Cooperation Forum") & mechanism_keys("China-ASEAN Media Cooperation Forum")
    assert not mechanism_keys("China-EU Summit") & mechanism_keys("China-Africa Summit")


def test_an_acronym_one_article_spells_out_reads_as_its_name_in_every_article() -> None:
    b = briefing(" date 2025-02-21 Oslo talks\nThe Labour Party of Freedonia (LPF) met in Oslo on Friday.",
                 " date 2025-03-01 Bergen talks\nThe International Office of the LPF Central Committee met in Bergen.",
                 " date 2025-03-02 Tromso talks\nThe International Office of the Labour Party of Freedonia Central "
                 "Committee met in Tromso.")
    office = [o for o in b.organizations if "International Office" in o.name]
    assert len(office) == 1 and len(office[0].articles) == 2


def test_a_name_with_or_without_its_hyphen_is_one_person() -> None:
    from generator.resolve.clusters import person_keys

    assert person_keys("Chung Eui-yong") == person_keys("Chung Eui Yong") == person_keys("Eui-Yong Chung")
    assert person_keys("Wang Yi") != person_keys("Wang Yihua")


def test_two_outlets_one_meeting_a_day_apart_one_naming_its_mechanism_are_one_event_but_a_sideline_is_not() -> None:
    b = briefing(" date 2025-03-06 Ministers hold dialogue\nOSLO, March 5 -- Norway's Foreign Minister Anna Holm and "
                 "Chile's Foreign Minister Tomas Berg held the fifth Norway-Chile strategic dialogue in Oslo on Wednesday.",
                 " date 2025-03-07 Holm and Berg talk\nOSLO, March 6 -- Foreign Minister Anna Holm held talks with "
                 "Foreign Minister Tomas Berg in Oslo on Thursday.",
                 " date 2025-03-07 Holm meets Lund\nOSLO, March 6 -- Foreign Minister Anna Holm met Prime Minister Erik "
                 "Lund in Oslo on Thursday.")
    dialogue = [e for e in b.events if e.mechanism]
    assert len(dialogue) == 1 and len(dialogue[0].articles) == 2
    assert len(b.events) == 2


def test_one_person_across_transliterations_and_initials_but_not_across_one_letter() -> None:
    from generator.resolve.clusters import person_keys

    b = briefing(" date 2025-02-21 Talks\nIndian External Affairs Minister Subrahmanyam Jaishankar met Wang Yi.",
                 " date 2025-03-01 Talks\nIndian External Affairs Minister Subramanyam Jaishankar arrived in Oslo.",
                 " date 2025-03-02 Talks\nIndian External Affairs Minister S. Jaishankar met Wang Yu in Oslo.")
    jaishankar = [p for p in b.people if "Jaishankar" in p.name]
    assert len(jaishankar) == 1 and len(jaishankar[0].articles) == 3
    assert {p.name for p in b.people if p.name.startswith("Wang")} == {"Wang Yi", "Wang Yu"}
    assert person_keys("Sergey Lavrov") & person_keys("Sergei Lavrov")


def test_a_forum_on_a_cooperation_and_the_cooperation_forum_are_one_mechanism() -> None:
    b = briefing(" date 2025-02-21 Forum\nThe fifth Forum on China-Africa Media Cooperation opened in Beijing on Monday.",
                 " date 2025-02-22 Forum\nThe fifth China-Africa Media Cooperation Forum opened in Beijing on Monday.")
    assert len(b.mechanisms) == 1 and len(b.mechanisms[0].articles) == 2


def test_a_short_form_of_one_full_name_joins_it_across_articles_but_not_of_two() -> None:
    b = briefing(" date 2025-02-21 Talks\nBrazilian President Luiz Inacio Lula da Silva met Wang Yi. The event was "
                 "covered by Xinhua News Agency.",
                 " date 2025-03-01 Talks\nBEIJING, March 1 (Xinhua) -- Brazilian President Lula da Silva arrived in "
                 "Beijing on Saturday.")
    lula = [p for p in b.people if "Lula" in p.name]
    assert len(lula) == 1 and len(lula[0].articles) == 2
    xinhua = [o for o in b.organizations if o.name.startswith("Xinhua")]
    assert len(xinhua) == 1 and len(xinhua[0].articles) == 2


def test_moved_ids_are_followed_to_a_live_one_and_an_id_live_again_moves_no_more() -> None:
    before = Ledger(events={("a", "Talks"): "old"}, moved={"events": {"older": "old"}})
    now = Ledger(events={("a", "Talks"): "new"})
    assert before.moves(now, {"events": {"new"}}) == (("events", "old", "new"), ("events", "older", "new"))
    assert before.moves(now, {"events": {"new", "old"}}) == (("events", "older", "old"),)
    assert before.moves(Ledger(), {"events": {"other"}}) == ()
