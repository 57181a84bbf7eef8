"""Redirect pages: where an address an earlier output gave has moved (two events merged, an entity renamed
by the registry), the old address still answers, with a page that sends the reader on to the new one.
Plain HTML beside the Markdown pages, which MkDocs copies as it is."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..kinds import KINDS
from ..resolve.ids import EVENTS
from .lookups import Site
from .rendering import TEMPLATES


def redirects(site: Site) -> dict[str, str]:
    """A redirect page at each moved address, to the page in the same folder it moved to; and from the
    pages that listed events by each kind of entity (facets/, made by the tags plugin until MkDocs had
    to build pages alone), to the kind's listing."""
    template = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                           autoescape=True).get_template("redirect.html.j2")
    out = {}
    for kind, old, new in site.briefing.moved:
        now = site.get(kind, new)
        title = now.title if kind == EVENTS else now.name
        out[f"{kind}/{old}.html"] = template.render(title=title, target=f"{new}.html")
    for entity in KINDS:
        out[f"facets/{entity.name}.html"] = template.render(title=entity.section,
                                                             target=f"../{entity.name}/index.html")
    return out
