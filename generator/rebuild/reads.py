"""What rendering a page read, recorded while it rendered: a page is rendered again exactly when one of
its reads gives something else, and no list of what a page shows is kept by hand.

A page is made from a site it is given (generator/site/rendering.py). Here it is given a `Recording`: the
same site, but each lookup it makes (`site.get("events", id)`, `site.related(event)`, `site.briefing`...)
is noted as a query, with a digest of what it returned. The records in an answer are handed out as `Seen`
stand-ins, which note each attribute the page reads of them (`event.title`): a page that prints a place's
name does not depend on the place's list of events. Next time, each query of a page is asked again of the
new site; where every answer has the digest it had, the page on disk is what rendering would give.
Template and code changes are covered by the code version the kept reads are stamped with.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any

from ..model import ArticleRecord, Entity, Event
from ..site.lookups import Site

WHOLE = '["briefing"]'
"""The query of a page that reads the whole briefing (a listing): its digest is that of all the inputs."""


Query = str
"""A lookup as data, kept as it is: JSON of the site's attribute or method, then its arguments as `reference`
gives them."""


class Digests:
    """The digest of each query's answer on one site, each worked out once."""

    def __init__(self, site: Site, inputs: str) -> None:
        self.site = site
        self.known: dict[Query, str | None] = {WHOLE: inputs}

    def note(self, lookup: list[Any], answer: Any, plain: bool = False) -> Query:
        """The query of a lookup, its answer's digest noted (`plain`: an answer that holds no record)."""
        query = json.dumps(lookup, sort_keys=True)
        if query not in self.known:
            self.known[query] = plain_digest(answer) if plain else self.digest(answer)
        return query

    def of(self, query: Query) -> str | None:
        """The digest of a kept query's answer on this site; None where it cannot be asked any more (what it
        names is gone)."""
        if query not in self.known:
            self.known[query] = self._asked(query)
        return self.known[query]

    def _asked(self, query: Query) -> str | None:
        name, *args = json.loads(query)
        try:
            if name == ATTRIBUTES:
                return plain_digest(attributes(dereferenced(self.site, args[0]), args[1]))
            value = getattr(self.site, name)
            return self.digest(value(*(dereferenced(self.site, a) for a in args)) if callable(value) else value)
        except (KeyError, AttributeError, TypeError):
            return None

    def digest(self, answer: Any) -> str:
        return hashlib.blake2b(self._text(answer).encode("utf-8"), digest_size=16).hexdigest()

    def _text(self, answer: Any) -> str:
        """What the digest is of: an answer's shape, its records by reference (what is read of them is noted
        attribute by attribute), anything else by its repr (frozen dataclasses of strings, numbers, tuples)."""
        if isinstance(answer, str | int | float | None):
            return repr(answer)
        if isinstance(answer, Event):
            return "@events/" + answer.id
        if isinstance(answer, Entity):
            return f"@{answer.kind}/{answer.id}"
        if isinstance(answer, ArticleRecord):
            return "@articles/" + answer.id
        if isinstance(answer, list | tuple):
            return "[" + ",".join(map(self._text, answer)) + "]"
        if isinstance(answer, dict):
            return "{" + ",".join(f"{self._text(k)}:{self._text(v)}" for k, v in answer.items()) + "}"
        if dataclasses.is_dataclass(answer) and not isinstance(answer, type):
            return type(answer).__name__ + self._text([getattr(answer, f.name) for f in dataclasses.fields(answer)])
        return repr(answer)


RECORDS = (Event, Entity, ArticleRecord)
ATTRIBUTES = "."
"""The query of what a page read of one record: (".", reference, attribute names)."""


def attributes(record: Any, names: list[str]) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in names)


def plain_digest(value: Any) -> str:
    """A record's attributes hold ids, strings, numbers and small frozen dataclasses: their repr is what
    they hold."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


class Recording:
    """A site that notes each lookup a page makes (see the module's docstring)."""

    def __init__(self, site: Site, digests: Digests) -> None:
        self._site = site
        self._digests = digests
        self._queries: dict[Query, None] = {}
        self._read: dict[int, tuple[Any, dict[str, None]]] = {}
        """id() of a record -> the record, and the names of its attributes the page read."""

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name == WHOLE[0]:  # the whole briefing: a listing, made again whenever any input changes
            self._queries[WHOLE] = None
            return value
        if not callable(value):
            self._queries[self._digests.note([name], value)] = None
            return self.seen(value)
        return self._noting(name, value)

    def _noting(self, name: str, lookup: Callable[..., Any]) -> Callable[..., Any]:
        def looked_up(*args: Any) -> Any:
            lookup_as_data = [name, *map(reference, args)]
            answer = lookup(*map(unseen, args))
            self._queries[self._digests.note(lookup_as_data, answer)] = None
            return self.seen(answer)
        return looked_up

    def read(self, record: Any, attribute: str) -> None:
        self._read.setdefault(id(record), (record, {}))[1][attribute] = None

    @property
    def reads(self) -> list[Query]:
        """The queries the page made: its lookups, then one for each record it read, naming what it read."""
        of_records = [self._digests.note([ATTRIBUTES, reference(record), names := sorted(read)],
                                         attributes(record, names), plain=True) for record, read in self._read.values()]
        return [*self._queries, *of_records]

    def seen(self, answer: Any) -> Any:
        """The answer with each record in it handed out as a `Seen`."""
        if isinstance(answer, RECORDS):
            return Seen(answer, self)
        if isinstance(answer, list):
            return [self.seen(a) for a in answer]
        if isinstance(answer, tuple):
            return tuple(self.seen(a) for a in answer)
        if isinstance(answer, dict):
            return {k: self.seen(v) for k, v in answer.items()}
        if dataclasses.is_dataclass(answer) and not isinstance(answer, type):
            return dataclasses.replace(answer, **{f.name: self.seen(getattr(answer, f.name))
                                                  for f in dataclasses.fields(answer) if f.init})
        return answer


class Seen:
    """A record as one page sees it: each attribute read of it is noted by the page's `Recording`."""

    __slots__ = ("_record", "_recording")

    def __init__(self, record: Any, recording: Recording) -> None:
        self._record = record
        self._recording = recording

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._record, name)
        if callable(value):
            raise TypeError(f"a page called {name}() of a record: what it reads could not be noted; "
                            "ask the site instead (generator/site/lookups.py)")
        self._recording.read(self._record, name)
        return value


def unseen(arg: Any) -> Any:
    """The record behind a `Seen` (what a lookup of the site reads of it, its answer's digest covers)."""
    if isinstance(arg, Seen):
        return arg._record
    if isinstance(arg, list | tuple):
        return type(arg)(map(unseen, arg))
    return arg


def reference(arg: Any) -> Any:
    """A query's argument as data: a record by its kind and id, to be looked up again in the next site."""
    if isinstance(arg, Seen):
        return reference(arg._record)
    if isinstance(arg, Event):
        return ["@", "events", arg.id]
    if isinstance(arg, ArticleRecord):
        return ["@", "articles", arg.id]
    if isinstance(arg, Entity):
        return ["@", arg.kind, arg.id]
    if isinstance(arg, tuple | list):
        return [reference(a) for a in arg]
    if arg is None or isinstance(arg, str | int | float | bool):
        return arg
    raise TypeError(f"a page looked up the site with {type(arg).__name__}, which a kept query cannot name: "
                    "pass ids or records")


def dereferenced(site: Site, arg: Any) -> Any:
    """An argument as `reference` made it, for the lookup of the next site (a list read back is a tuple)."""
    if isinstance(arg, list):
        if arg[:1] == ["@"]:
            return site.get(arg[1], arg[2])
        return tuple(dereferenced(site, a) for a in arg)
    return arg
