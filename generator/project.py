"""A briefing project: the folder of seeds/, mkdocs.yml and site_src/ the commands work in. `briefing init`
makes one from the skeleton the package carries (templates/project); `build` and `serve` check they are in
one before writing anything."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from jinja2 import Template

from .errors import ProjectError
from .site.rendering import TEMPLATES

SKELETON = TEMPLATES / "project"
# What `init` writes: the file in the new project, from its source in the skeleton (a .j2 one is rendered
# with the tool's version). The skeleton's mkdocs.yml and about.md are those of the tool's own project.
NEW_PROJECT = {
    "mkdocs.yml": "mkdocs.yml",
    "site_src/about.md": "site_src/about.md",
    "seeds/registry.yml": "registry.yml",
    ".github/workflows/pages.yml": "pages.yml",
    ".gitignore": "gitignore",
    "requirements.txt": "requirements.txt.j2",
}
CONFIG = "mkdocs.yml"


def init_project(folder: Path) -> list[str]:
    """Write a new project into `folder` (made if missing); nothing is written if any of its files is
    already there."""
    there = [name for name in NEW_PROJECT if (folder / name).exists()]
    if there:
        raise ProjectError(f"{folder} already holds {', '.join(there)}: `briefing init` makes a new project and "
                           "overwrites nothing; choose an empty folder")
    for name, source in NEW_PROJECT.items():
        text = (SKELETON / source).read_text(encoding="utf-8")
        if source.endswith(".j2"):
            text = Template(text, keep_trailing_newline=True).render(version=version("briefing-digest"))
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return list(NEW_PROJECT)


def require_project(folder: Path) -> Path:
    """The project's MkDocs configuration in `folder`, or an error saying how to get one."""
    config = folder / CONFIG
    if not config.is_file():
        raise ProjectError(f"{folder.resolve()} is not a briefing project (no {CONFIG}): run briefing in the "
                           "project's folder, or make one with `briefing init DIR`")
    return config
