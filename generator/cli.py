"""The briefing command: generate pages from seeds, build and serve the site, check seeds."""

from __future__ import annotations

import errno
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click

from .errors import PortInUse
from .pipeline import add_seeds, generate, read_articles, resolve_seeds
from .project import init_project, require_project
from .site.review import review_queue
from .watching import watch_seeds
from .write.writing import build_into

SEEDS = click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True,
                     help="Folder of articles (*.txt) and the optional registry.yml.")
OUT = click.option("--out", type=click.Path(path_type=Path), default=Path("site_src"), show_default=True,
                   help="Folder the Markdown pages and data/briefing.json are written to (MkDocs' docs_dir).")
FORCE = click.option("--force", is_flag=True, help="Extract every seed again and rewrite every page, "
                     "ignoring the cache of earlier runs.")
JOBS = click.option("--jobs", type=click.IntRange(min=1), default=None,
                    help="Processes that extract new articles at once (default: every core).")
SITE_URL = click.option("--site-url", envvar="SITE_URL", default=None, show_envvar=True,
                        help="The address the site is published at (as MkDocs' site_url): feeds and calendar "
                        "need it for absolute links, and are left out without it.")
SKIP = click.option("--skip-invalid", is_flag=True, help="Build from the good seeds and list the bad ones, "
                    "instead of failing on the first problem.")


@click.group()
@click.version_option(package_name="briefing-digest")
@click.option("-v", "--verbose", is_flag=True, help="Say what each stage did, how long it took, and what "
              "earlier runs spared (which shortcuts ran, or why not).")
def main(verbose: bool) -> None:
    """Turn news articles about diplomatic and people-to-people exchanges into a briefing site.

    Example: briefing -v generate --seeds seeds --out site_src
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s",
                        force=True)


def run() -> None:
    """The console script."""
    main()


@main.command("generate")
@SEEDS
@OUT
@SKIP
@FORCE
@JOBS
@SITE_URL
def generate_command(seeds: Path, out: Path, skip_invalid: bool, force: bool, jobs: int | None,
                     site_url: str | None) -> None:
    """Extract events, people, organizations, mechanisms and places from SEEDS and write the pages.
    Unchanged seeds are not extracted again and unchanged pages are not rewritten; the output folder
    changes all at once or not at all.

    Example: briefing generate --seeds seeds --out site_src
    """
    run_generate(seeds, out, site_url, skip_invalid, force, jobs)


def run_generate(seeds: Path, out: Path, site_url: str | None, skip_invalid: bool, force: bool = False,
                 jobs: int | None = None) -> None:
    report = generate(seeds, out, skip_invalid, force, jobs, site_url)
    for error in report.skipped:
        click.echo(f"skipped {error.message}", err=True)
    b = report.briefing
    if b is None:
        click.echo(f"no change since the last generate: {out} is up to date")
        return
    click.echo(f"{len(b.articles)} articles -> {len(b.events)} events, {len(b.people)} people, "
               f"{len(b.organizations)} organizations, {len(b.mechanisms)} mechanisms, {len(b.places)} places; "
               f"{len(report.changed)} files changed in {out}")


@main.command()
@SEEDS
@OUT
@SKIP
@click.option("--site", "site_dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Folder the HTML site is built into.")
@SITE_URL
def build(seeds: Path, out: Path, skip_invalid: bool, site_dir: Path, site_url: str | None) -> None:
    """Generate, then build the whole site with MkDocs (strict: any warning fails). The site is built
    beside --site and swapped in whole: a build that fails or is killed leaves the previous site.

    Example: briefing build && open site/index.html
    """
    require_project(Path.cwd())
    run_generate(seeds, out, site_url, skip_invalid)
    build_into(site_dir, lambda staging: mkdocs(out, "build", "--strict", "--site-dir", str(staging)))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@SEEDS
@OUT
@SITE_URL
def add(files: tuple[Path, ...], seeds: Path, out: Path, site_url: str | None) -> None:
    """Check new articles, store them in SEEDS under stable names, and regenerate. An article whose
    cleaned text is already a seed's is refused, naming that seed.

    Example: briefing add ~/Downloads/article.txt
    """
    for stored in add_seeds(list(files), seeds):
        click.echo(f"added {stored}")
    run_generate(seeds, out, site_url, False)


@main.command()
@SEEDS
@OUT
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@SITE_URL
def serve(seeds: Path, out: Path, port: int, site_url: str | None) -> None:
    """Generate, serve the site on 127.0.0.1 with live reload, and regenerate when a seed changes.
    Ctrl-C or SIGTERM stops it, and frees the port.

    Example: briefing serve --port 8000
    """
    require_project(Path.cwd())
    if not port_free(port):
        raise PortInUse(port)
    run_generate(seeds, out, site_url, False)
    # Regenerations run on the watcher's thread, in one process: a process forked beside other threads
    # could inherit a lock one of them holds, and hang.
    with watch_seeds(seeds, lambda: run_generate(seeds, out, site_url, True, jobs=1)):
        serve_site(out, port)


@main.command()
@SEEDS
@OUT
@click.option("--review/--no-review", default=True, show_default=True,
              help="Also extract and list what an editor should look at (the review queue).")
def check(seeds: Path, out: Path, review: bool) -> None:
    """Validate the seeds without writing any page; list every problem; exit non-zero on errors.
    Then list the review queue: people seen once with no title, single names left unresolved,
    events without a date or place, mechanisms without a numbered session. Extractions a generate kept
    for OUT are used, not made again.

    Example: briefing check --seeds seeds
    """
    articles, errors = read_articles(seeds, skip_invalid=True)
    for error in errors:
        click.echo(f"error: {error.message}", err=True)
    click.echo(f"{len(articles)} seeds readable, {len(errors)} with errors")
    if errors:
        sys.exit(1)
    if review:
        items = review_queue(resolve_seeds(seeds, out))  # with the extractions kept for OUT
        click.echo(f"review queue: {len(items)} item(s)")
        for item in items:
            click.echo(f"  {item}")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Make a new briefing project in FOLDER: seeds/ (with an empty registry), mkdocs.yml, site_src/about.md,
    a GitHub Pages workflow and the requirements it installs. Overwrites nothing.

    Example: briefing init my-briefing && cd my-briefing && briefing build
    """
    for name in init_project(folder):
        click.echo(f"wrote {folder / name}")
    click.echo(f"add articles with `briefing add FILE...` in {folder}, then `briefing build`")


def mkdocs_env(docs: Path) -> dict[str, str]:
    """MkDocs with the project's mkdocs.yml on the pages generated into `docs` (its docs_dir reads
    BRIEFING_DOCS_DIR), quiet about Material's end-of-life banner (see the README: it would bury real
    warnings)."""
    return {"NO_MKDOCS_2_WARNING": "1", "BRIEFING_DOCS_DIR": str(docs.resolve())}


def mkdocs(docs: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", *args], check=False, env={**os.environ, **mkdocs_env(docs)})
    if result.returncode:
        raise click.ClickException(f"mkdocs {args[0]} failed (exit {result.returncode}); see its messages above")


def serve_site(docs: Path, port: int) -> None:
    """MkDocs' live-reloading server, in this process rather than a child: however briefing stops (Ctrl-C,
    SIGTERM, killed), nothing is left holding the port."""
    from mkdocs.commands.serve import serve

    os.environ.update(mkdocs_env(docs))
    # SIGTERM stops the server as Ctrl-C does: MkDocs shuts it down and removes its temporary site
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    click.echo(f"serving the site on http://127.0.0.1:{port}/ (Ctrl-C stops)")
    try:
        serve(livereload=True, dev_addr=f"127.0.0.1:{port}")
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise PortInUse(port) from None
        raise


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        # as MkDocs' server binds: a port a stopped server left in TIME_WAIT is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                return False
            raise
    return True


if __name__ == "__main__":
    run()
