"""Extraction quality against hand annotations, for the quality gate (tests/test_quality_gate.py).

A gold file maps each seed file to what it names: people (with the role the article states),
organizations, mechanisms (each with aliases), events (key, title, date, location, mechanism,
session, people) and noise (page-furniture lines that must reach no page). `optional: true` marks a
judgment call: finding it earns nothing, missing it costs nothing. Scores are summed over articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

STOP = {"the", "of", "and", "on", "for", "in", "to", "a", "an", "at", "s"}
# How much two names of an organization or mechanism must share to be the same thing.
OVERLAP = {"people": 1.0, "organizations": 0.8, "mechanisms": 0.7}


def norm(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("\u2019", "'")).strip()
    return re.sub(r"^the ", "", text)


def words(text: str) -> set[str]:
    return {w for w in norm(text).split() if w not in STOP}


def similarity(gold: dict, pred: dict, kind: str) -> float:
    best = 0.0
    for g in [gold["name"], *(gold.get("aliases") or [])]:
        for p in [pred["name"], *(pred.get("aliases") or [])]:
            if norm(g) == norm(p):
                return 1.0
            a, b = words(g), words(p)
            overlap = len(a & b) / len(a | b) if a | b else 0.0
            if kind != "people" and overlap >= OVERLAP[kind]:
                best = max(best, overlap)
    return best


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


@dataclass
class Share:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 1.0


def pair_up(golds: list[dict], preds: list[dict], score) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best pairs first."""
    scored = sorted(((score(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for s, gi, pi in scored:
        if s > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def tally(counts: Counts, golds: list[dict], preds: list[dict], pairs: list[tuple[int, int]]) -> None:
    matched_g = {g for g, _ in pairs}
    counts.tp += sum(1 for g, _ in pairs if not golds[g].get("optional"))
    counts.fp += len(preds) - len(pairs)
    counts.fn += sum(1 for i, g in enumerate(golds) if i not in matched_g and not g.get("optional"))


def date_agrees(gold: dict, pred: str | None) -> bool:
    if gold.get("date") is None:
        return pred is None
    return pred is not None and str(pred).startswith(str(gold["date"]))


def event_score(person_of: dict[str, dict], mechanism_of: dict[str, dict], ge: dict, pe: dict) -> float:
    """How well a predicted event matches a gold one: its date must agree; then mechanism, people, title."""
    if not date_agrees(ge, pe["date"]):
        return 0.0
    s = 0.0
    if ge.get("mechanism") and mechanism_of.get(norm(ge["mechanism"]), {}).get("id") == pe["mechanism"]:
        s += 2
    want = {person_of[norm(n)]["id"] for n in ge.get("people") or [] if norm(n) in person_of}
    s += len(want & {p["id"] for p in pe["people"]}) / len(ge["people"]) if ge.get("people") else 0
    s += len(words(ge["title"]) & words(pe["title"])) / len(words(ge["title"]) | words(pe["title"]))
    return s if s >= 0.5 else 0.0


def score(gold: dict[str, Any], data: dict[str, Any], out: Path) -> dict[str, float]:
    by = {kind: {x["id"]: x for x in data[kind]} for kind in ("people", "organizations", "mechanisms", "places", "events")}
    articles = {a["file"]: a for a in data["articles"]}
    counts = {k: Counts() for k in ("people", "organizations", "mechanisms", "events", "event_people")}
    # an event several articles report has, as participants, everyone any of them names
    participants: dict[str, set[str]] = {}
    for g in gold.values():
        for ge in g.get("events") or []:
            participants.setdefault(ge["key"], set()).update(norm(n) for n in ge.get("people") or [])
    shares = {k: Share() for k in ("event_date", "roles", "merged")}
    event_of: dict[tuple[str, str], str] = {}
    leaks = 0
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.md")]
    for file, g in gold.items():
        a = articles[file]
        person_of: dict[str, dict] = {}
        mechanism_of: dict[str, dict] = {}
        for kind in ("people", "organizations", "mechanisms"):
            golds = g.get(kind) or []
            preds = [by[kind][i] for i in a[kind]]
            pairs = pair_up(golds, preds, lambda x, y, k=kind: similarity(x, y, k))
            tally(counts[kind], golds, preds, pairs)
            found = {norm(golds[gi]["name"]): preds[pi] for gi, pi in pairs}
            person_of.update(found if kind == "people" else {})
            mechanism_of.update(found if kind == "mechanisms" else {})
        stated: dict[str, list[str]] = {p["id"]: [] for p in person_of.values()}
        for pid in a["people"]:
            stated.setdefault(pid, []).extend(r["title"] for r in by["people"][pid].get("roles") or []
                                              if r["article"] == a["id"])
        for eid in a["events"]:
            for p in by["events"][eid]["people"]:
                stated.setdefault(p["id"], []).append(p["role"] or "")
        for gp in g.get("people") or []:
            if gp.get("role") and not gp.get("optional"):
                pp = person_of.get(norm(gp["name"]))
                want = words(gp["role"])
                shares["roles"].add(pp is not None and any(
                    len(want & words(r)) / len(want) >= 0.6 for r in stated.get(pp["id"], [])))
        golds = g.get("events") or []
        preds = [by["events"][i] for i in a["events"]]

        pairs = pair_up(golds, preds, partial(event_score, person_of, mechanism_of))
        tally(counts["events"], golds, preds, pairs)
        for gi, pi in pairs:
            event_of[(file, golds[gi]["key"])] = preds[pi]["id"]
            want, got = participants[golds[gi]["key"]], {norm(by["people"][p["id"]]["name"]) for p in preds[pi]["people"]}
            counts["event_people"].tp += len(want & got)
            counts["event_people"].fp += len(got - want)
            counts["event_people"].fn += len(want - got)
            if not golds[gi].get("optional"):
                shares["event_date"].add(date_agrees(golds[gi], preds[pi]["date"]))
        leaks += sum(1 for n in g.get("noise") or [] for page in pages if n in page)
    keys: dict[str, list[str]] = {}
    for file, g in gold.items():
        for ge in g.get("events") or []:
            keys.setdefault(ge["key"], []).append(file)
    for key, files in keys.items():
        if len(files) > 1:
            ids = {event_of.get((f, key)) for f in files}
            shares["merged"].add(len(ids) == 1 and None not in ids)
    result = {k: c.f1 for k, c in counts.items()}
    result.update({k: s.value for k, s in shares.items()})
    result["noise_leaks"] = leaks
    return result
