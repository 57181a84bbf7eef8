"""The site's search: a Pagefind index of the built pages, written after every MkDocs build (`build`
and `serve` alike). Readers' browsers load it in small chunks, only for the words they search, instead
of one index of the whole site (tens of MB at 10,000 articles with Material's own search)."""

from __future__ import annotations

import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin


class PagefindSearch(BasePlugin):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # --keep-index-url: links to section pages stay "events/index.html", which also works off a plain file server
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent", "--keep-index-url"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode:
            raise PluginError(f"Pagefind could not index {config.site_dir} (exit {result.returncode}): "
                              f"{(result.stderr or result.stdout).strip()[-2000:]}")
