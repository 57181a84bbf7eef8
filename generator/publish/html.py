"""The HTML site: MkDocs with the project's mkdocs.yml, run in this process, building either every page or
only the pages it is given (MkDocs' dirty build, told exactly which files are modified instead of guessing
from file times). No page lists other pages at build time (the generator writes every listing), so a page's
HTML depends on its own source, the configuration and the theme only: building the changed pages alone
gives the bytes a whole build would (tests/test_publishing.py)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from collections.abc import Collection, Iterator, Mapping
from importlib.metadata import version
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ..errors import BuildError
from ..rebuild.versions import code_version

# What the HTML also depends on, besides the configuration: the packages that render it.
RENDERERS = ("mkdocs", "mkdocs-material", "pagefind")


@contextlib.contextmanager
def environment_of(docs: Path) -> Iterator[None]:
    """The project's mkdocs.yml reads its docs_dir from BRIEFING_DOCS_DIR, and Material's end-of-life banner
    is kept quiet (see the README: it would bury real warnings)."""
    saved = dict(os.environ)
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "BRIEFING_DOCS_DIR": str(docs.resolve())})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def load(config_file: Path, docs: Path, site_dir: Path, site_url: str | None = None) -> MkDocsConfig:
    """The configuration of a build of `docs` into `site_dir`."""
    with environment_of(docs):
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), site_url=site_url)
        except ConfigurationError as e:
            raise BuildError(f"{config_file}: {e}") from None
    return config


# Where the project, its pages and its site are: a project moved or restored elsewhere is the same site.
PLACES = ("config_file_path", "docs_dir", "site_dir")


def fingerprint(config: MkDocsConfig) -> str:
    """Everything a page's HTML depends on besides its source: the configuration as loaded (wherever the
    project is), the packages that render it, the generator's code and templates and the files of any
    other theme folder (a project's custom_dir)."""
    h = hashlib.sha256(code_version().encode())
    for package in RENDERERS:
        h.update(f"{package} {version(package)}\n".encode())
    for key, value in sorted(config.items()):
        if key in PLACES:
            continue
        if key == "plugins":
            value = {name: plugin.config for name, plugin in value.items()}
        if key == "theme":
            value = {**value, "static_templates": value.static_templates}
            for folder in config.theme.dirs:
                h.update(theme_files(Path(folder)))
        h.update(f"{key}={stable(value)}\n".encode())
    return h.hexdigest()


def theme_files(folder: Path) -> bytes:
    """The files of a theme folder, where no package version already says what they are."""
    if "site-packages" in folder.parts:
        return b""
    return b"".join(f"{p.relative_to(folder)}\0".encode() + p.read_bytes()
                    for p in sorted(folder.rglob("*")) if p.is_file())


def stable(value: object) -> str:
    """A value's text, the same in every run: sets and mappings in order, no object addresses."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {stable(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable(v) for v in value) + "]"
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))


def build_pages(config: MkDocsConfig, docs: Path, only: Collection[str] | None = None) -> dict[str, str]:
    """Build the site into config.site_dir: every page, or `only` these sources (paths in `docs`; the
    sitemap and the 404 page are always built). Returns each source's page in the site."""
    pages = PagesOf(set(only) if only is not None else None)
    config.plugins["briefing-pages"] = pages
    with environment_of(docs), quiet_about_dirty():
        try:
            build(config, dirty=only is not None)
        except Abort as e:
            raise BuildError(f"MkDocs could not build the site from {docs}: {e}; see its messages above") from None
    return pages.pages


class PagesOf(BasePlugin):
    """Tells MkDocs which sources are modified (all, where `only` is None), and notes where each of the
    documentation folder's files goes in the site."""

    def __init__(self, only: set[str] | None) -> None:
        super().__init__()
        self.only = only
        self.pages: dict[str, str] = {}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs = os.path.normpath(config.docs_dir)
        for file in files:
            ours = file.src_dir is not None and os.path.normpath(file.src_dir) == docs
            if ours:
                self.pages[file.src_uri] = file.dest_uri
            if self.only is not None:
                modified = ours and file.src_uri in self.only
                file.is_modified = lambda modified=modified: modified  # type: ignore[method-assign,misc]
        return files


@contextlib.contextmanager
def quiet_about_dirty() -> Iterator[None]:
    """MkDocs warns that a dirty build may be inaccurate, which strict mode would count as a failure; here it
    is told exactly what changed, and the tests prove the result equal to a whole build."""
    logger = logging.getLogger("mkdocs.commands.build")

    def not_the_dirty_warning(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    logger.addFilter(not_the_dirty_warning)
    try:
        yield
    finally:
        logger.removeFilter(not_the_dirty_warning)
