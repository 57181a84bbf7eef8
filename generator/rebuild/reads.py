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

WHOLE = ["briefing"]
"""The query of a page that reads the whole briefing (a listing): its digest is that of all the inputs."""


class Digests:
    """The digest of each query's answer on one site, each worked out once."""

    def __init__(self, site: Site, inputs: str) -> None:
        self.site = site
        self.known: dict[str, str | None] = {json.dumps(WHOLE): inputs}

    def note(self, query: list[Any], answer: Any) -> str:
        key = json.dumps(query)
        if key not in self.known:
            self.known[key] = digest(answer)
        return key

    def of(self, key: str) -> str | None:
        """The digest of a kept query's answer on this site; None where it cannot be asked any more (what it
        names is gone)."""
        if key not in self.known:
            self.known[key] = self._asked(json.loads(key))
        return self.known[key]

    def _asked(self, query: list[Any]) -> str | None:
        name, *args = query
        try:
            value = getattr(self.site, name)
            return digest(value(*(dereferenced(self.site, a) for a in args)) if callable(value) else value)
        except (KeyError, AttributeError, TypeError):
            return None


class Recording:
    """A site that notes each lookup a page makes (see the module's docstring)."""

    def __init__(self, site: Site, digests: Digests) -> None:
        self._site = site
        self._digests = digests
        self.reads: dict[str, None] = {}
        """The queries, in the order first made."""

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if not callable(value):
            self.reads[self._digests.note([name], value)] = None
            return value
        return self._noting(name, value)

    def _noting(self, name: str, lookup: Callable[..., Any]) -> Callable[..., Any]:
        def looked_up(*args: Any) -> Any:
            query = [name, *map(reference, args)]
            answer = lookup(*args)
            self.reads[self._digests.note(query, answer)] = None
            return answer
        return looked_up


def reference(arg: Any) -> Any:
    """A query's argument as data: a record by its kind and id, to be looked up again in the next site."""
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
    if isinstance(arg, list):
        if arg[:1] == ["@"]:
            return site.get(arg[1], arg[2])
        return tuple(dereferenced(site, a) for a in arg)
    return arg


def digest(answer: Any) -> str:
    """Records are frozen dataclasses of strings, numbers and tuples, so their repr is what they hold."""
    return hashlib.blake2b(repr(answer).encode("utf-8"), digest_size=16).hexdigest()
