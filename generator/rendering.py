"""Rendering: the resolved briefing as Markdown pages, through the Jinja2 templates of templates/.

Every value a template prints is escaped for Markdown and HTML (`finalize`), so no text from a seed
can become markup, a link or a script; templates mark their own markup with `raw`. Front matter is a
dict dumped by yaml.safe_dump, never templated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
from collections.abc import Callable, Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from .charts import chronology, relations
from .model import ArticleRecord, Entity, Event
from .site import Site, companions, event_order, year_page

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KINDS = {"people": "Person", "organizations": "Organization", "mechanisms": "Mechanism", "places": "Place"}
SECTIONS = {"events": "Events", "people": "People", "organizations": "Organizations",
            "mechanisms": "Mechanisms", "places": "Places", "articles": "Sources"}
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~!^$])")
BLOCK_START = re.compile(r"^(?:[-+=>:]|\d+(?=[.)]))")


def md(value: Any) -> Markup:
    """Text made inert: HTML entities for <, > and &, backslashes before Markdown punctuation."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | float):
        return Markup(value)
    return inert(str(value))


@lru_cache(maxsize=1 << 16)
def inert(text: str) -> Markup:
    """md() of a string, remembered: the same names, titles and dates are printed on page after page."""
    text = re.sub(r"\s+", " ", text)
    text = html.escape(text, quote=False)
    text = MD_SPECIAL.sub(r"\\\1", text)
    # At the start of a line these would open a list, a quote or a heading rule.
    m = BLOCK_START.match(text)
    if m:
        text = text[: m.end()] + "\\" + text[m.end():] if text[0].isdigit() else "\\" + text
    return Markup(text)


@lru_cache(maxsize=1 << 14)
def human_date(date: str | None) -> str:
    """"2025-02-18" -> "18 February 2025"; "2024-12" -> "December 2024"; None -> "date unknown"."""
    if not date:
        return "date unknown"
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(*parts).strftime("%-d %B %Y")
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1).strftime("%B %Y")
    return str(parts[0])


def ordinal_number(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def abbreviation(name: str) -> str | None:
    """"Liberal Democratic Party" -> "LDP": how readers search for a name of three words or more."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in")]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def source_label(record: ArticleRecord) -> str:
    """A short name for an article in a table: its outlet and date."""
    a = record.article
    return f"{a.source or 'Article'}, {human_date(a.published)}" if a.published else (a.source or a.title[:40])


class CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled once, not at every generate (where it is a tenth of a second): kept by their
    source in Jinja's own folder for this user in the temporary folder. One that cannot be written is
    compiled again next time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_templates() -> BytecodeCache | None:
    try:
        return CompiledTemplates(pattern="briefing-%s.cache")  # apart from other programs' templates
    except (OSError, RuntimeError):  # no temporary folder of this user's own: compiled every time
        return None


def environment() -> Environment:
    # autoescape makes macros return Markup; `md` (not HTML escaping) is what every other value goes through.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True,
                      bytecode_cache=compiled_templates(),
                      finalize=md, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["raw"] = Markup
    env.filters["html"] = lambda value: Markup(html.escape(str(value)))  # inside raw HTML, such as SVG
    env.filters["date"] = human_date
    env.filters["ordinal"] = ordinal_number
    env.filters["abbreviation"] = abbreviation
    env.filters["source_label"] = source_label
    env.filters["by_month"] = by_month
    env.globals["year_page"] = year_page
    return env


def render(site: Site, unchanged: Collection[str] = ()) -> dict[str, str]:
    """Every page but the `unchanged` ones (their inputs are those of the text on disk), path relative to
    the output folder -> Markdown text."""
    return render_keyed(site, unchanged) | render_listings(site)


PageMaker = Callable[..., None]


def page_maker(site: Site, pages: dict[str, str], unchanged: Collection[str] = ()) -> PageMaker:
    """A function that renders one page into `pages` (path, template, front matter, template context),
    unless its path is `unchanged`."""
    env = environment()

    def page(path: str, template: str, meta: dict[str, Any], **context: Any) -> None:
        if path in unchanged:
            return
        root = "../" * path.count("/")
        body = env.get_template(template).render(site=site, root=Markup(root), **context)
        pages[path] = front_matter(meta) + body

    return page


# The template and title of each section's year pages, and of a hub's.
YEAR_PAGES = {"events": ("events_year.md.j2", "Events of {year}"),
              "timeline": ("timeline_year.md.j2", "Timeline of {year}"),
              "articles": ("articles_year.md.j2", "Sources of {year}")}
HUB_YEAR = ("entity_year.md.j2", "{name}: {year}")

# Listings name everything: in search they would come up for every word, above the pages themselves.
LISTING = {"search": {"exclude": True}}


def render_keyed(site: Site, unchanged: Collection[str] = (), years: Collection[str] | None = None) -> dict[str, str]:
    """The pages that have a key (see page_keys): events, entities, articles and each year of a listing
    (those among `years`, if given), but the `unchanged` ones."""
    briefing = site.briefing
    pages: dict[str, str] = {}
    page = page_maker(site, pages, unchanged)
    for e in (e for e in briefing.events if e.page not in unchanged):
        page(e.page, "event.md.j2", event_meta(e, site), event=e, related=site.related(e),
             neighbours=site.neighbours(e))
    for kind in KINDS:
        for entity in (x for x in getattr(briefing, kind) if x.page not in unchanged):
            page(entity.page, f"{kind}.md.j2", entity_meta(entity), entity=entity,
                 companions=companions(entity, site) if kind == "people" else [],
                 chronology=chronology(site.events_of(entity.events)) if kind == "mechanisms" else [])
    for record in (r for r in briefing.articles if r.page not in unchanged):
        page(record.page, "article.md.j2", {"title": record.article.title},
             record=record, paragraphs=linked_paragraphs(record, site))
    for y in site.year_pages if years is None else site.year_pages_in(years):
        template, title = HUB_YEAR if y.entity else YEAR_PAGES[y.section]
        page(y.path, template, {"title": title.format(year=y.year, name=y.entity and y.entity.name), **LISTING},
             entity=y.entity, year=y.year, events=y.events, records=y.records)
    return pages


def render_listings(site: Site) -> dict[str, str]:
    """The pages rendered every time: the home page, the section indexes, facets, timeline and relations."""
    briefing = site.briefing
    pages: dict[str, str] = {}
    page = page_maker(site, pages)
    for section, title in SECTIONS.items():
        page(f"{section}/index.md", f"{section}_index.md.j2", {"title": title, **LISTING}, title=title)
    for kind, facet in FACETS.items():
        page(f"facets/{kind}.md", "facet.md.j2", {"title": f"Events by {facet.lower()}", **LISTING},
             facet=facet, kind=kind)
    page("timeline.md", "timeline.md.j2", {"title": "Timeline", **LISTING})
    points, edges, strongest = relations(briefing)
    page("relations.md", "relations.md.j2", {"title": "Relations", **LISTING}, points=points, edges=edges,
         strongest=strongest)
    page("index.md", "home.md.j2", {"title": "Briefing"},
         latest=sorted((e for e in briefing.events if e.date), key=event_order, reverse=True)[:10])
    return pages


# libyaml's dumper where installed (the same output, ten times faster); the pure-Python one elsewhere.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Front matter the theme prints into HTML as it is (MkDocs renders page titles unescaped).
PRINTED = ("title", "description", "tags")


def front_matter(meta: dict[str, Any]) -> str:
    """YAML by safe_dump, never by templating; what the theme prints is HTML-escaped first."""
    safe = {key: html_escaped(value) if key in PRINTED else value for key, value in meta.items()}
    return "---\n" + yaml.dump(safe, Dumper=SafeDumper, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def html_escaped(value: Any) -> Any:
    if isinstance(value, list):
        return [html_escaped(v) for v in value]
    return html.escape(value) if isinstance(value, str) else value


FACETS = {"mechanisms": "Mechanism", "people": "Person", "organizations": "Organization", "places": "Place"}


def event_meta(e: Event, site: Site) -> dict[str, Any]:
    """Facets: one tag set per kind ("Person/Fu Hua"), so a reader can list every event of any of them."""
    named = [("mechanisms", e.mechanism), ("places", e.place), *(("people", p) for p, _ in e.participants),
             *(("organizations", o) for o in e.organizations)]
    tags = [f"{FACETS[kind]}/{tag_name(site.get(kind, i).name)}" for kind, i in named if i]
    return {"title": e.title, "description": " ".join(e.summary.split())[:160], "tags": tags}


def tag_name(name: str) -> str:
    """A tag is split into levels at "/": keep names in one piece."""
    return name.replace("/", "∕")


def entity_meta(entity: Entity) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": entity.name}
    if entity.aliases:
        meta["aliases"] = list(entity.aliases)
    return meta


def by_month(events: list[Event]) -> dict[str, list[Event]]:
    """One year's events under their months, in the order given; a date of a year alone under "Month unknown"."""
    months: dict[str, list[Event]] = {}
    for e in events:
        date = e.date or ""
        months.setdefault(human_date(date[:7]) if len(date) >= 7 else "Month unknown", []).append(e)
    return months


def linked_paragraphs(record: ArticleRecord, site: Site) -> list[list[tuple[str, str | None]]]:
    """Each paragraph cut into (text, page) pieces: each name of an entity the article mentions links to it."""
    targets: dict[str, str] = {}
    for kind in KINDS:
        for eid in getattr(record, kind):
            entity = site.get(kind, eid)
            for form in (entity.name, *entity.aliases):
                if len(form) > 2:
                    targets.setdefault(form, entity.page)
    # Only the forms this article uses: an entity may have hundreds of forms across the corpus.
    text = "\n".join(record.article.paragraphs)
    targets = {form: page for form, page in targets.items() if form in text}
    if not targets:
        return [[(p, None)] for p in record.article.paragraphs]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(targets, key=len, reverse=True))
                         + r")(?![\w-])")
    return [cut(p, pattern, targets) for p in record.article.paragraphs]


def cut(text: str, pattern: re.Pattern[str], targets: dict[str, str]) -> list[tuple[str, str | None]]:
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for m in pattern.finditer(text):
        pieces.append((text[last:m.start()], None))
        pieces.append((m.group(1), targets[m.group(1)]))
        last = m.end()
    pieces.append((text[last:], None))
    return [p for p in pieces if p[0]]
