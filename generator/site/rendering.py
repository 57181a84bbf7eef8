"""Rendering: the resolved briefing as Markdown pages, through the Jinja2 templates of templates/.

Every value a template prints is escaped for Markdown and HTML (`finalize`), so no text from a seed
can become markup, a link or a script; templates mark their own markup with `raw`. Front matter is a
dict dumped by yaml.safe_dump, never templated.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..errors import OutputError
from ..extract.lexicon import fewest_titles, ordinal_number, says_more
from ..kinds import BY_NAME, ENTITY_KINDS, KINDS, MECHANISMS, PEOPLE
from ..model import ArticleRecord, Entity, Event, ResolvedStatement, Role
from ..read.cleaning import cut_at_word
from .charts import chronology, relations
from .lookups import (
    Period,
    Site,
    companions,
    digest_feed,
    digest_page,
    entity_feed,
    week_days,
    year_page,
)

# The project's templates/ folder, which the package holds as generator/templates (a link in the source tree).
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
SECTIONS = {"events": "Events", **{kind.name: kind.section for kind in KINDS}, "articles": "Sources"}
DESCRIPTION = 160
OUTCOME_WORDS = 110
SCENE = re.compile(r"^(?:At|During|On|In|After)\s[^,;]{0,60}?\b(?:event|meeting|forum|talks|dialogue|session|"
                   r"ceremony|occasion|visit|seminar|summit|conference)\s*,\s+")
COUNTERPARTS = 4  # the people named beside a person at each of their events; the rest are on the event's page
NEW_SHOWN = 15  # the home page's "what is new": the rest are in the digests and the feed
DIGESTS = "digest/index.md"
# Python-Markdown's backslash escapes (with the tables extension's |): a backslash before anything else
# would be shown.
MD_ESCAPED = re.compile(r"([\\`*_{}\[\]()#|!])")
# Not Markdown here, but in common extensions (strike-through, superscript, maths): written as entities.
MD_ENTITIES = re.compile(r"[~^$]")
BLOCK_START = re.compile(r"^(?:[-+]|\d+(?=[.)]))")
LINE_START_ENTITY = re.compile(r"^[=:]")  # a heading underline, a definition


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
    text = html.escape(text, quote=False)  # > too: no quote can open
    text = MD_ESCAPED.sub(r"\\\1", text)
    text = MD_ENTITIES.sub(entity, text)
    # At the start of a line these would open a list, a heading underline or a definition.
    m = BLOCK_START.match(text)
    if m:
        text = text[: m.end()] + "\\" + text[m.end():] if text[0].isdigit() else "\\" + text
    text = LINE_START_ENTITY.sub(entity, text)
    return Markup(text)


def entity(m: re.Match[str]) -> str:
    return f"&#{ord(m.group())};"


def code(value: Any) -> Markup:
    """Text as a Markdown code span, shown exactly: fenced by more backticks than it holds in a row."""
    text = re.sub(r"\s+", " ", str(value))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


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


def abbreviation(name: str) -> str | None:
    """"Liberal Democratic Party" -> "LDP": how readers search for a name of three words or more."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in")]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def source_label(record: ArticleRecord) -> str:
    """A short name for an article in a table: its outlet and date."""
    a = record.article
    return f"{a.source or 'Article'}, {human_date(a.published)}" if a.published else (a.source or cut_at_word(a.title, 40))


def environment() -> Environment:
    # autoescape makes macros return Markup; `md` (not HTML escaping) is what every other value goes through.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True,
                      finalize=md, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["raw"] = Markup
    env.filters["html"] = lambda value: Markup(html.escape(str(value)))  # inside raw HTML, such as SVG
    env.filters["date"] = human_date
    env.filters["code"] = code
    env.filters["ordinal"] = ordinal_number
    env.filters["abbreviation"] = abbreviation
    env.filters["source_label"] = source_label
    env.filters["by_month"] = by_month
    env.filters["grouped"] = grouped
    env.filters["few_words"] = few_words
    env.filters["distinct_roles"] = distinct_roles
    env.filters["statements_by"] = statements_by
    env.filters["period_title"] = period_title
    env.globals["year_page"] = year_page
    env.globals["digest_page"] = digest_page
    env.globals["NEW_SHOWN"] = NEW_SHOWN
    env.globals["COUNTERPARTS"] = COUNTERPARTS
    return env


@dataclass(frozen=True)
class Page:
    """One page of the site, to be rendered from a site: the real one, or one that notes what it reads."""

    path: str
    """Relative to the output folder."""
    make: Callable[[Site], str]


def render(site: Site) -> dict[str, str]:
    """Every page: path relative to the output folder -> Markdown text."""
    return {p.path: p.make(site) for p in site_pages(site)}


def site_pages(site: Site) -> list[Page]:
    """Every page of the site, each made from what it looks up in the site it is given, by id: so what a
    page read can be noted while it renders (see generator/rebuild/reads.py)."""
    env = environment()
    b = site.briefing
    pages = [Page(e.page, partial(event_page, env, e.id)) for e in b.events]
    pages += [Page(x.page, partial(entity_page, env, kind, x.id)) for kind in ENTITY_KINDS for x in getattr(b, kind)]
    pages += [Page(r.page, partial(article_page, env, r.id)) for r in b.articles]
    pages += [Page(path, partial(year_listing_page, env, path)) for path in site.year_listings]
    pages += [Page(f"{section}/index.md", partial(section_page, env, section, title)) for section, title in SECTIONS.items()]
    pages += [Page(period.path, partial(period_page, env, key)) for key, period in site.periods.items()]
    pages += [Page(path, partial(make, env)) for path, make in (
        ("timeline.md", timeline_page), ("relations.md", relations_page), ("index.md", home_page),
        (DIGESTS, digests_page))]
    return one_a_path(pages)


def one_a_path(pages: list[Page]) -> list[Page]:
    """Two pages on one path would be one lost without a word."""
    first: dict[str, Page] = {}
    for p in pages:
        other = first.setdefault(p.path, p)
        if other is not p:
            raise OutputError(f"two pages would be written to {p.path}: {described(other)} and {described(p)}; "
                              "an id in seeds/registry.yml or a seed's file name is likely to blame")
    return pages


def described(page: Page) -> str:
    """"entity_page people xi-jinping": what makes the page, and of what."""
    make = page.make
    if isinstance(make, partial):
        return " ".join([make.func.__name__, *(str(a) for a in make.args if isinstance(a, str))])
    return repr(make)


def page(env: Environment, site: Site, path: str, template: str, meta: dict[str, Any], **context: Any) -> str:
    """A page: its front matter (a listing, which has no summary of its own, is described by its title),
    then its body."""
    root = "../" * path.count("/")
    body = env.get_template(template).render(site=site, root=Markup(root), **context)
    return front_matter({"description": meta["title"], **meta}) + body


def event_page(env: Environment, id_: str, site: Site) -> str:
    e = site.get("events", id_)
    return page(env, site, e.page, "event.md.j2", event_meta(e, site), event=e, related=site.related(e),
                neighbours=site.neighbours(e))


def entity_page(env: Environment, kind: str, id_: str, site: Site) -> str:
    entity = site.get(kind, id_)
    feed = entity_feed(kind, id_) if site.base else None
    return page(env, site, entity.page, f"{kind}.md.j2", entity_meta(entity, feed), entity=entity, feed=feed,
                companions=companions(entity, site) if kind == PEOPLE else [],
                chronology=chronology(site.events_of(entity.events)) if kind == MECHANISMS else [])


def article_page(env: Environment, id_: str, site: Site) -> str:
    record = site.get("articles", id_)
    meta = {"title": record.article.title, "description": described_in(" ".join(record.article.paragraphs[:1]))}
    return page(env, site, record.page, "article.md.j2", meta,
                record=record, paragraphs=linked_paragraphs(record, site))


# The template and title of each section's year pages, and of a hub's.
YEAR_PAGES = {"events": ("events_year.md.j2", "Events of {year}"),
              "timeline": ("timeline_year.md.j2", "Timeline of {year}"),
              "articles": ("articles_year.md.j2", "Sources of {year}")}
HUB_YEAR = ("entity_year.md.j2", "{name}: {year}")

# Listings name everything: in search they would come up for every word, above the pages themselves.
LISTING = {"search": {"exclude": True}}


def year_listing_page(env: Environment, path: str, site: Site) -> str:
    y = site.year_listing(path)
    template, title = HUB_YEAR if y.entity else YEAR_PAGES[y.section]
    return page(env, site, path, template, {"title": title.format(year=y.year, name=y.entity and y.entity.name),
                                            **LISTING}, entity=y.entity, year=y.year, events=y.events, records=y.records)


def section_page(env: Environment, section: str, title: str, site: Site) -> str:
    return page(env, site, f"{section}/index.md", f"{section}_index.md.j2", {"title": title, **LISTING}, title=title)


def timeline_page(env: Environment, site: Site) -> str:
    return page(env, site, "timeline.md", "timeline.md.j2", {"title": "Timeline", **LISTING})


def relations_page(env: Environment, site: Site) -> str:
    points, edges, strongest = relations(site.briefing)
    return page(env, site, "relations.md", "relations.md.j2", {"title": "Relations", **LISTING}, points=points,
                edges=edges, strongest=strongest)


def home_page(env: Environment, site: Site) -> str:
    meta = {"title": "Briefing", "description": "The latest diplomatic and people-to-people exchanges: events, "
            "the mechanisms they belong to, the people and organizations there, and the sources."}
    return page(env, site, "index.md", "home.md.j2", meta)


def period_page(env: Environment, key: str, site: Site) -> str:
    period = site.period(key)
    feed = digest_feed(key) if site.base else None
    meta = {"title": f"Digest: {period_title(key)}", "description": digest_description(period), **LISTING,
            **({"feed": feed} if feed else {})}
    return page(env, site, period.path, "digest.md.j2", meta, period=period, before=site.before(key), feed=feed)


def digest_description(period: Period) -> str:
    count = len(period.events)
    return f"The {count} exchange{'s' if count != 1 else ''} of {period_title(period.key)}, by relationship and kind."


def digests_page(env: Environment, site: Site) -> str:
    return page(env, site, DIGESTS, "digest_index.md.j2", {"title": "Digests", **LISTING}, title="Digests")


def period_title(key: str) -> str:
    """"2025-02" -> "February 2025"; "2025-W08" -> "Week 8 of 2025, 17–23 February"."""
    if "-W" not in key:
        return human_date(key)
    monday, sunday = week_days(key)
    first = monday.strftime("%-d %B") if monday.month != sunday.month else str(monday.day)
    return f"Week {int(key.split('-W')[1])} of {key[:4]}, {first}–{sunday.strftime('%-d %B')}"


def grouped(events: list[Event]) -> list[tuple[str, list[tuple[str, list[Event]]]]]:
    """A period's events by relationship (the busiest first), then by kind of exchange, each in date order."""
    relationships: dict[str, dict[str, list[Event]]] = {}
    for e in events:
        relationships.setdefault(e.relationship, {}).setdefault(e.kind or "", []).append(e)
    busiest = sorted(relationships.items(), key=lambda r: (-sum(map(len, r[1].values())), r[0]))
    return [(name, sorted(kinds.items())) for name, kinds in busiest]


def distinct_roles(roles: tuple[Role, ...]) -> list[tuple[str, str | None, Role, list[str]]]:
    """Each title once (its fullest form, as written most recently), with its organization, its latest statement
    and every article that states it: a title repeated by ten articles is one row, and one said shorter elsewhere
    ("Foreign minister" of "Chinese Foreign Minister") joins the row of the fuller one."""
    fullest = {t.lower() for t in fewest_titles([r.title for r in roles])}
    found: dict[tuple[str, str | None], list[Role]] = {}
    for r in roles:
        low = r.title.lower()
        title = low if low in fullest else next(t for t in fullest if says_more(t, low))
        found.setdefault((title, r.organization), []).append(r)
    rows = []
    for (title, org), stated in found.items():
        latest = max(stated, key=lambda r: r.date or "")
        written = max((r for r in stated if r.title.lower() == title), key=lambda r: r.date or "")
        rows.append((written.title, org, latest, list(dict.fromkeys(r.article for r in stated))))
    return sorted(rows, key=lambda row: row[2].date or "", reverse=True)


def statements_by(events: list[Event], person: str) -> list[tuple[Event, ResolvedStatement]]:
    """What a person said at each of their events, in the events' order."""
    return [(e, s) for e in events for s in e.statements if s.person == person]


def few_words(text: str) -> str:
    """An outcome as a digest line gives it: what was done, without the clause that sets the scene ("At
    Tuesday's event, Xinhua issued ..."), which the line's date and place already say."""
    return cut_at_word(SCENE.sub("", " ".join(text.split())), OUTCOME_WORDS)


# libyaml's dumper where installed (the same output, ten times faster); the pure-Python one elsewhere.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict[str, Any]) -> str:
    """YAML by safe_dump, never by templating. Values are the text as written: the theme escapes what it
    prints (templates/theme/main.html, partials/header.html)."""
    return "---\n" + yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def event_meta(e: Event, site: Site) -> dict[str, Any]:
    """What readers' tools want of an event, by id and name."""
    facts = {"date": e.date, "end_date": e.end_date, "place": e.place, "mechanism": e.mechanism,
             "session": e.session, "reported": e.reported, "kind": e.kind, "parties": list(e.parties),
             "leaders": [{"id": p, "name": site.get(PEOPLE, p).name, **({"party": party} if party else {})}
                         for p, party in e.leaders],
             "participants": [{"id": p, "name": site.get(PEOPLE, p).name, **({"role": role} if role else {})}
                              for p, role in e.participants],
             "organizations": list(e.organizations),
             "sources": [site.get("articles", a).article.file for a in e.articles]}
    return {"title": e.title, "description": described_in(e.summary),
            **{key: value for key, value in facts.items() if value}}


def described_in(text: str) -> str:
    """A page's description: search engines show about 160 characters, the ellipsis included."""
    return cut_at_word(" ".join(text.split()), DESCRIPTION - 1)


def entity_meta(entity: Entity, feed: str | None) -> dict[str, Any]:
    """`feed`: the entity's Atom feed, which the theme links from the page's head."""
    meta: dict[str, Any] = {"title": entity.name, "description": entity_description(entity)}
    if entity.aliases:
        meta["aliases"] = list(entity.aliases)
    if feed:
        meta["feed"] = feed
    return meta


def entity_description(entity: Entity) -> str:
    """"Kim Min-jun (president of the Korea Press Foundation): person at 1 event of the briefing."""
    role = f" ({entity.roles[0].title})" if entity.roles else ""
    count = len(entity.events)
    return described_in(f"{entity.name}{role}: {BY_NAME[entity.kind].one.lower()} at {count} "
                       f"event{'s' if count != 1 else ''} of the briefing.")


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
    for kind in ENTITY_KINDS:
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
