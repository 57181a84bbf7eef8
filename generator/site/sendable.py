"""A month's digest as one HTML file to attach to an email (`briefing digest --month 2025-02`): the digest
page's text, styles inline, no script, no image, nothing it loads from anywhere. Its links lead to the
published site (absolute, under the site's address); without an address they are left as plain text."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..errors import DigestError
from .lookups import Site, address, digest_page
from .rendering import TEMPLATES, environment, period_page, period_title

MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
# The extensions of mkdocs.yml that the digest's Markdown uses.
EXTENSIONS = ["tables", "def_list", "attr_list"]


def single_file(site: Site, month: str) -> str:
    if not MONTH.fullmatch(month):
        raise DigestError(f"--month {month!r}: give a month as YYYY-MM, such as 2025-02")
    if month not in site.months:
        known = ", ".join(site.months[:6]) or "none"
        raise DigestError(f"no event of the briefing is dated in {month}; months with events, newest first: {known}")
    text = period_page(environment(), month, site).split("---\n\n", 1)[1]
    body = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True)
    return env.get_template("digest_file.html.j2").render(
        title=f"Briefing digest: {period_title(month)}", body=Markup(linked(body, site.base, digest_page(month))),
        site=site.base)


def linked(body: str, base: str | None, page: str) -> str:
    """Each link of the page made absolute on the published site, or, with no address known, its text alone."""
    here = urljoin(base, address(page)) if base else None

    def link(m: re.Match[str]) -> str:
        if here is None:
            return m.group(2)
        target = m.group(1)
        path, hash_, fragment = target.partition("#")
        path = path[:-3] + ".html" if path.endswith(".md") else path
        return f'<a href="{urljoin(here, path)}{hash_}{fragment}">{m.group(2)}</a>'

    return LINK.sub(link, body)
