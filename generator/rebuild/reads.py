"""What rendering a page read, recorded while it rendered: a page is rendered again exactly when one of
its reads gives something else, and no list of what a page shows is kept by hand.

A page is made from a site it is given (generator/site/rendering.py). Here it is given a `Recording`: the
same site, but each lookup it makes (`site.get("events", id)`, `site.related(event)`, `site.briefing`...)
is noted as a query, with a digest of what it returned. Next time, each query of a page is asked again of
the new site; where every answer has the digest it had, the page on disk is what rendering would give.
Template and code changes are covered by the code version the kept reads are stamped with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from ..model import ArticleRecord, Entity, Event
from ..site.lookups import Site

WHOLE = ("briefing",)
"""The query of a page that reads the whole briefing (a listing): its digest is that of all the inputs."""


Query = tuple[Any, ...]
"""A lookup as data: the site's attribute or method, then its arguments as `reference` gives them."""


class Digests:
    """The digest of each query's answer on one site, each worked out once."""

    def __init__(self, site: Site, inputs: str) -> None:
        self.site = site
        self.known: dict[Query, str | None] = {WHOLE: inputs}
        self.records: dict[int, str] = {}
        """id() of a record of this site -> its digest: a record is digested once, however many answers hold it."""

    def note(self, query: Query, answer: Any) -> Query:
        if query not in self.known:
            self.known[query] = self.digest(answer)
        return query

    def of(self, query: Query) -> str | None:
        """The digest of a kept query's answer on this site; None where it cannot be asked any more (what it
        names is gone)."""
        if query not in self.known:
            self.known[query] = self._asked(query)
        return self.known[query]

    def _asked(self, query: Query) -> str | None:
        name, *args = query
        try:
            value = getattr(self.site, name)
            return self.digest(value(*(dereferenced(self.site, a) for a in args)) if callable(value) else value)
        except (KeyError, AttributeError, TypeError):
            return None

    def digest(self, answer: Any) -> str:
        return hashlib.blake2b(self._text(answer).encode("utf-8"), digest_size=16).hexdigest()

    def _text(self, answer: Any) -> str:
        """What the digest is of: records are frozen dataclasses of strings, numbers and tuples, so their repr
        is what they hold; one in a list stands for itself by its own digest."""
        if isinstance(answer, Event | Entity | ArticleRecord):
            found = self.records.get(id(answer))
            if found is None:
                found = self.records[id(answer)] = self.digest(repr(answer))
            return found
        if isinstance(answer, list | tuple):
            return "[" + ",".join(map(self._text, answer)) + "]"
        if isinstance(answer, dict):
            return "{" + ",".join(f"{self._text(k)}:{self._text(v)}" for k, v in answer.items()) + "}"
        return repr(answer)


class Recording:
    """A site that notes each lookup a page makes (see the module's docstring)."""

    def __init__(self, site: Site, digests: Digests) -> None:
        self._site = site
        self._digests = digests
        self.reads: dict[Query, None] = {}
        """The queries, in the order first made."""

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if not callable(value):
            self.reads[self._digests.note((name,), value)] = None
            return value
        return self._noting(name, value)

    def _noting(self, name: str, lookup: Callable[..., Any]) -> Callable[..., Any]:
        def looked_up(*args: Any) -> Any:
            query = (name, *map(reference, args))
            answer = lookup(*args)
            self.reads[self._digests.note(query, answer)] = None
            return answer
        return looked_up


def reference(arg: Any) -> Any:
    """A query's argument as data: a record by its kind and id, to be looked up again in the next site."""
    if isinstance(arg, Event):
        return ("@", "events", arg.id)
    if isinstance(arg, ArticleRecord):
        return ("@", "articles", arg.id)
    if isinstance(arg, Entity):
        return ("@", arg.kind, arg.id)
    if isinstance(arg, tuple | list):
        return tuple(reference(a) for a in arg)
    if arg is None or isinstance(arg, str | int | float | bool):
        return arg
    raise TypeError(f"a page looked up the site with {type(arg).__name__}, which a kept query cannot name: "
                    "pass ids or records")


def dereferenced(site: Site, arg: Any) -> Any:
    if isinstance(arg, tuple):
        if arg[:1] == ("@",):
            return site.get(arg[1], arg[2])
        return tuple(dereferenced(site, a) for a in arg)
    return arg


def as_data(query: Query) -> str:
    """A query as kept: JSON, whose lists read back as the query's tuples (`from_data`)."""
    return json.dumps(query)


def from_data(text: str) -> Query:
    return frozen(json.loads(text))


def frozen(value: Any) -> Any:
    return tuple(frozen(v) for v in value) if isinstance(value, list) else value
