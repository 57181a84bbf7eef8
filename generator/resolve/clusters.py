"""Clusters: the mentions of one kind gathered into one entity each, found by keys that stay the same
across the forms a name takes ("Ishiba Shigeru" = "Shigeru Ishiba"; "CPC" and "Communist Party of
China" by their signature); two clusters that share a key are one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..extract.lexicon import is_country, is_org_head
from ..extract.organizations import initials_match, signature
from ..kinds import MECHANISMS, ORGANIZATIONS, PEOPLE, PLACES
from ..slugs import fold


@dataclass
class Cluster:
    """One entity while mentions are gathered into it."""

    serial: int
    """Its place in the order clusters were first made: which one a merge keeps."""
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    established: int | None = None
    fixed: str | None = None
    """The registry's name for it, which wins over any detected form."""

    def name(self) -> str:
        """The registry's name; else the fullest form: most words, then most often used, then alphabetical."""
        if self.fixed:
            return self.fixed
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], n.lower() != n, n))


class Index:
    """Clusters of one kind, found by any of their keys; two clusters sharing a key become one."""

    def __init__(self, kind: str, keys_of, local, short_forms=None) -> None:
        self.kind = kind
        self.keys_of = keys_of
        self.local = local
        """Which aliases identify something only within their own article ("Wang" said...)."""
        self.short_forms = short_forms
        """The short forms a full name may be written in ("S. Jaishankar"), for kinds that have them."""
        self.by_key: dict[str, Cluster] = {}
        self.clusters: dict[int, Cluster] = {}
        """Serial -> cluster, in the order they were first seen."""
        self.splits: dict[tuple[str, str], str] = {}
        """(name, article id) -> the key of the registry's split entry that takes that name there."""
        self.made = 0
        """Clusters made so far: the serial of the next."""

    def add(self, name: str, aliases: tuple[str, ...], article: str = "", keys: set[str] | None = None) -> Cluster:
        keys = keys or {k for form in (name, *aliases) for k in self.keys_in(form, article, form == name)}
        found = {c.serial: c for k in keys if (c := self.by_key.get(k))}
        cluster = found[min(found)] if found else self.new_cluster()
        for serial in sorted(found)[1:]:  # the oldest cluster takes in the others
            self.absorb(cluster, found[serial])
        cluster.names[name] += 1
        cluster.aliases |= set(aliases)
        cluster.keys |= keys
        for k in keys:
            self.by_key[k] = cluster
        return cluster

    def new_cluster(self) -> Cluster:
        cluster = Cluster(self.made)
        self.made += 1
        self.clusters[cluster.serial] = cluster
        return cluster

    def absorb(self, cluster: Cluster, other: Cluster) -> None:
        """Two clusters found to be one thing: `other` joins `cluster`, and its keys lead there."""
        cluster.names.update(other.names)
        cluster.aliases |= other.aliases
        cluster.keys |= other.keys
        cluster.established = cluster.established or other.established
        cluster.fixed = cluster.fixed or other.fixed
        del self.clusters[other.serial]
        for k in other.keys:
            self.by_key[k] = cluster

    def keys_in(self, form: str, article: str, is_name: bool = False) -> frozenset[str]:
        if article and not is_name and self.local(form):  # the registry's aliases hold everywhere
            return frozenset({f"{article}\0{fold(form)}"})
        return self.keys_of(form)

    def find(self, name: str, article: str = "") -> Cluster:
        split = self.splits.get((name, article))
        if split:
            return self.by_key[split]
        for keys in (self.keys_in(name, article), self.keys_of(name)):
            for k in keys:
                if k in self.by_key:
                    return self.by_key[k]
        raise KeyError(name)

    def attach_short_names(self) -> None:
        """A cluster known only by one word ("Xi", in an article that never gives the full name) joins
        the one cluster whose articles call it by that word; where several do ("Wang"), it stays apart."""
        owners: dict[str, set[int]] = {}
        for cluster in self.clusters.values():
            if any(not self.local(n) for n in cluster.names):
                for form in cluster.aliases:
                    if self.local(form):
                        owners.setdefault(fold(form), set()).add(cluster.serial)
        for cluster in list(self.clusters.values()):
            if cluster.fixed or not all(self.local(n) for n in cluster.names):
                continue
            found = {i for n in cluster.names for i in owners.get(fold(n), ())}
            if len(found) == 1:
                self.absorb(self.clusters[found.pop()], cluster)
        if self.short_forms:
            self.attach_short_forms(self.short_forms)

    def attach_short_forms(self, short_forms) -> None:
        """A cluster all of whose names are short forms of one other cluster's names joins it: "S. Jaishankar"
        of "Subrahmanyam Jaishankar", "Lula da Silva" of "Luiz Inacio Lula da Silva", "Xinhua" of "Xinhua News
        Agency"; where two clusters could take it, it stays apart."""
        owners: dict[str, set[int]] = {}
        for cluster in self.clusters.values():
            if any(k.startswith("split:") for k in cluster.keys):
                continue  # the registry's split entry joins nothing by name
            for n in cluster.names:
                for form in short_forms(n):
                    owners.setdefault(form, set()).add(cluster.serial)
        moved: dict[int, int] = {}

        def current(serial: int) -> int:
            while serial in moved:
                serial = moved[serial]
            return serial
        for cluster in sorted(self.clusters.values(), key=lambda c: max(len(n) for n in c.names)):
            if cluster.fixed or cluster.serial in moved:
                continue
            takers = [{current(i) for i in owners.get(spaced(n), ())} - {cluster.serial} for n in cluster.names]
            common = set.intersection(*takers) if takers else set()
            if len(common) == 1:
                target = common.pop()
                self.absorb(self.clusters[target], cluster)
                moved[cluster.serial] = target


def spaced(name: str) -> str:
    """A name as its short forms are compared: folded, dots and hyphens as spaces."""
    return " ".join(re.sub(r"[.-]", " ", fold(name)).split())


@cache
def person_keys(name: str) -> frozenset[str]:
    """The words of a name in any order ("Ishiba Shigeru" = "Shigeru Ishiba"), middle initials aside, and
    hyphens as outlets drop them ("Chung Eui-yong" = "Chung Eui Yong"); and the same with each long word
    by its consonants, as outlets transliterate ("Subrahmanyam" = "Subramanyam", "Sergey" = "Sergei")."""
    words = [w for w in spaced(name).split() if len(w) > 1]
    if not words:
        return frozenset({fold(name)})
    return frozenset({" ".join(sorted(words)), "c:" + " ".join(sorted(consonants(w) for w in words))})


def consonants(word: str) -> str:
    """A word of six letters or more as its first letter and its other consonants, "h" aside and doubles
    as one; shorter words as they are, where one letter tells two names apart ("Wang Yi", "Wang Yu")."""
    if len(word) < 6:
        return word
    return word[0] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyh]", "", word[1:]))


@cache
def person_short_forms(name: str) -> frozenset[str]:
    """The shorter forms outlets write a full name in: the given names as initials ("s jaishankar" of
    "Subrahmanyam Jaishankar"), and its first or last words, two or more ("lula da silva")."""
    words = spaced(name).split()
    if len(words) < 2:
        return frozenset()
    forms = {" ".join([w[0] for w in words[:-1]] + [words[-1]])}
    for k in range(2, len(words)):
        forms |= {" ".join(words[:k]), " ".join(words[-k:])}
    return frozenset(forms - {" ".join(words)})


@cache
def org_short_forms(name: str) -> frozenset[str]:
    """"xinhua" of "Xinhua News Agency": a name's first word, where every word after it is a head noun."""
    words = name.split()
    if len(words) < 2 or is_org_head(words[0]) or is_country(words[0]) or not all(is_org_head(w) for w in words[1:]):
        return frozenset()
    return frozenset({spaced(words[0])})


@cache
def org_keys(name: str, acronyms: frozenset[tuple[str, str]] = frozenset()) -> frozenset[str]:
    """The name and its signature, with the acronyms some article spells out read as their names:
    "... of the CPC Central Committee" = "... of the Communist Party of China Central Committee"."""
    return frozenset({"n:" + fold(name), "s:" + " ".join(sorted(signature(name, dict(acronyms))))})


def acronyms_of(organizations: list[tuple[str, tuple[str, ...]]]) -> frozenset[tuple[str, str]]:
    """Acronym -> name, from every organization an article names with an acronym of its initials; an acronym
    two names share stays unread."""
    found: dict[str, set[str]] = {}
    for name, aliases in organizations:
        for alias in aliases:
            if alias.isupper() and initials_match(alias, name):
                found.setdefault(alias, set()).add(name)
    return frozenset((acronym, names.pop()) for acronym, names in found.items() if len(names) == 1)


@cache
def plain_keys(name: str) -> frozenset[str]:
    return frozenset({" ".join(re.findall(r"[a-z0-9]+", fold(name)))})


@cache
def mechanism_keys(name: str) -> frozenset[str]:
    """Also the name with plural and singular words alike and its partners in any order: outlets write
    "ruling parties exchange mechanism" and "ruling party exchanges mechanism", "ASEAN-China" and
    "China-ASEAN" for one framework; and its words in any order, as "Forum on China-Africa Media
    Cooperation" is the "China-Africa Media Cooperation Forum"."""
    words = ["-".join(sorted(singular(part) for part in word.split("-")))
             for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(name)) if word != "the"]
    content = sorted(set(words) - {"of", "on", "for", "and", "in", "between"})
    return plain_keys(name) | {"m:" + " ".join(words), "w:" + " ".join(content)}


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def one_word(form: str) -> bool:
    """A surname alone names someone only within its article: across articles it would merge different
    people (Wang Yi and Wang Huning are both "Wang")."""
    return len(form.split()) == 1


def never(form: str) -> bool:
    return False


# How each kind's names are matched (kinds.py lists them).
KEYS = {PEOPLE: person_keys, ORGANIZATIONS: org_keys, MECHANISMS: mechanism_keys, PLACES: plain_keys}
LOCAL = {PEOPLE: one_word}
SHORT_FORMS = {PEOPLE: person_short_forms, ORGANIZATIONS: org_short_forms}
