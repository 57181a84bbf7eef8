"""The site's look: the project's overrides of Material's templates (Pagefind's search box, the feeds in
each page's head) and its styles and scripts, found in the package, so a project made by `briefing init`
needs no copy of them and a project's mkdocs.yml names no folder of the tool's."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from .rendering import TEMPLATES

THEME = TEMPLATES / "theme"


class BriefingTheme(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # before Material's own folder, as a custom_dir would be: our templates override its
        config.theme.dirs.insert(0, str(THEME))
        return config
