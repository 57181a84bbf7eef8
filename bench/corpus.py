"""A synthetic corpus of realistic articles for the benchmark: names in several languages' orders,
titles, organizations, mechanisms with numbered sessions, relative dates, datelines and page furniture.
Deterministic: the same N gives the same files.

    python bench/corpus.py 1000 bench/out/1000/seeds
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

PAIRS = [("China", "Japan", "Chinese", "Japanese", "TOKYO"), ("China", "ROK", "Chinese", "South Korean", "SEOUL"),
         ("China", "EU", "Chinese", "European", "BRUSSELS"), ("China", "ASEAN", "Chinese", "ASEAN", "JAKARTA"),
         ("China", "Africa", "Chinese", "African", "NAIROBI"), ("China", "Laos", "Chinese", "Lao", "VIENTIANE"),
         ("China", "Vietnam", "Chinese", "Vietnamese", "HANOI"), ("China", "Russia", "Chinese", "Russian", "MOSCOW")]
CHINESE = (["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao"],
           ["Wei", "Fang", "Lei", "Jun", "Ying", "Hao", "Min", "Tao", "Xiaoming", "Jianguo", "Haiyan", "Yuxuan", "Zihan"])
JAPANESE = (["Takeshi", "Haruto", "Yui", "Kenji", "Aiko", "Hiroshi", "Sakura", "Daiki", "Yuna", "Shota"],
            ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi"])
KOREAN = (["Kim", "Lee", "Park", "Choi", "Jung", "Kang"], ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yoon"])
OTHER = (["Maria", "Jean", "Amina", "Nguyen Van", "Olga", "Kwame", "Sophie", "Tran Thi", "Ahmed", "Elena"],
         ["Schmidt", "Dubois", "Diallo", "An", "Petrova", "Mensah", "Laurent", "Hoa", "Hassan", "Rossi"])
TOPICS = ["people-to-people and cultural exchanges", "media cooperation", "think tank exchanges", "youth exchanges",
          "trade and investment", "green development", "digital economy", "education cooperation"]
ORG_KINDS = ["Friendship Association", "Media Group", "Institute of International Studies", "Press Foundation",
             "Chamber of Commerce", "Cultural Center", "Academy of Social Sciences"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FURNITURE_TOP = ["Skip to main content", ""]
FURNITURE_END = ["Editor: {editor}", "Related News", "- {headline}", "- {headline2}"]


def person(rng: random.Random, n: int) -> str:
    """A name: surname first (Chinese, Korean) or given name first (Japanese, European...)."""
    family, given = rng.choice([CHINESE, KOREAN, JAPANESE, OTHER])
    first, second = rng.choice(family), rng.choice(given)
    suffix = "" if n < 400 else rng.choice(["", "", " " + rng.choice(given)])
    return f"{first} {second}{suffix}"


def article(i: int, rng: random.Random) -> str:
    """One report: most are talks between two people on one day; some cover a numbered session of a
    forum, whose n-th session falls in one year for every article that reports it, as in real coverage."""
    a, b, adj_a, adj_b, city = rng.choice(PAIRS)
    topic = rng.choice(TOPICS)
    host, guest, third = person(rng, i), person(rng, i), person(rng, i)
    org = f"{b}-{a} {rng.choice(ORG_KINDS)}"
    if rng.random() < 0.3:
        forum = f"{a}-{b} {rng.choice(['Media Forum', 'Think Tank Forum', 'High-Level Dialogue', 'Youth Forum'])}"
        year = 2018 + rng.randrange(8)
        held = yearly_date(forum, year)
        session = year - random.Random(forum).randrange(2000, 2015)
        lead = (f"The {ordinal(session)} {forum} was held in {city.title()} on {held:%A}, bringing together about "
                f"{rng.randrange(50, 400)} officials, journalists and scholars from the two sides.")
    else:
        held = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(2900))
        lead = (f"{adj_a} Vice Foreign Minister {guest} held talks with {adj_b} Deputy Minister {third} in "
                f"{city.title()} on {held:%A}, and the two sides agreed to deepen {topic}.")
    published = held + dt.timedelta(days=rng.randrange(3))
    mechanism_year = published.year - 1
    meeting = mechanism_year - random.Random(f"{a}{b}{topic}").randrange(2008, 2016)
    paragraphs = [
        f"{city}, {published:%b}. {published.day} (Xinhua) -- {lead}",
        (f"{adj_a} Ambassador to {b} {host} said in a keynote speech that {topic} is a bridge of friendship "
         f"between the two peoples."),
        (f"{person(rng, i)}, president of the {org}, said the event has become an important platform since it "
         f"was established in {2000 + rng.randrange(20)}."),
        (f"In {yearly_date(a + b + topic, mechanism_year):%B} last year, the two sides held the {ordinal(meeting)} "
         f"meeting of the {a}-{b} high-level consultation mechanism on {topic} in Beijing, {surname(host)} added."),
        (f"{person(rng, i)}, Deputy Director of the International Department of the Ministry of Foreign Affairs, "
         f"and {person(rng, i)}, Secretary-General of the {org}, also attended."),
        f"The two sides released the “Initiative on {topic.title()}”, calling for closer cooperation.",
    ]
    rng.shuffle(paragraphs[1:5])
    end = [line.format(editor=person(rng, i), headline=f"Markets close higher {i}",
                       headline2=f"Weather warning issued for {city.title()} {i}") for line in FURNITURE_END]
    return "\n\n".join([f" date {published.isoformat()} " + paragraphs[0], *paragraphs[1:], *end])


def yearly_date(name: str, year: int) -> dt.date:
    """The day a recurring event of this name was held in this year: the same for every report of it."""
    return dt.date(year, 1, 1) + dt.timedelta(days=random.Random(f"{name}{year}").randrange(360))


def surname(name: str) -> str:
    """How the article refers back to someone: the family name, first or last by the name's order."""
    first = name.split()[0]
    return first if first in CHINESE[0] + KOREAN[0] else name.split()[-1]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_corpus(n: int, folder: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(article(i, rng), encoding="utf-8")


def extra_article(folder: Path, n: int, run: int = 0) -> Path:
    """One more article, not in the corpus and different for every run (so no run finds it cached)."""
    path = folder / f"{n:05d}-new-{run}.txt"
    path.write_text(article(n + 100_000 + run, random.Random(n * 1000 + run)), encoding="utf-8")
    return path


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
