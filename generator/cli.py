"""The briefing command: generate pages from seeds, build and serve the site, check seeds."""

from __future__ import annotations

import errno
import logging
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .errors import DigestError, PortInUse
from .pipeline import add_seeds, generate, read_articles, resolve_seeds
from .project import init_project, require_project
from .publish.site import build_site
from .site.lookups import Site
from .site.review import review_queue
from .site.sendable import single_file
from .write.writing import write_atomically

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
@click.option("--whole", is_flag=True, help="Build every page and the whole search index, not only what changed.")
def build(seeds: Path, out: Path, skip_invalid: bool, site_dir: Path, site_url: str | None, whole: bool) -> None:
    """Generate, then build the site with MkDocs (strict: any warning fails) and its search index: the
    pages whose source changed since the last build, or every page where the configuration, the theme or
    the tool changed. The site is made beside --site and swapped in whole: a build that fails or is killed
    leaves the previous site.

    Example: briefing build && open site/index.html
    """
    config = require_project(Path.cwd())
    run_generate(seeds, out, site_url, skip_invalid)
    run_build(config, out, site_dir, site_url, whole)


def run_build(config: Path, out: Path, site_dir: Path, site_url: str | None, whole: bool = False) -> None:
    done = build_site(config, out, site_dir, site_url, whole)
    if not done.pages and not done.whole:
        click.echo(f"no page changed: {site_dir} is up to date")
    else:
        click.echo(f"{'every page' if done.whole else f'{done.pages} changed pages'} built into {site_dir} "
                   f"in {done.seconds:.1f} s")


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
@click.option("--site", "site_dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Folder the HTML site is built into, and served from.")
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@SITE_URL
def serve(seeds: Path, out: Path, site_dir: Path, port: int, site_url: str | None) -> None:
    """Build as `briefing build` does, serve the site on 127.0.0.1 with live reload, and build again when a
    seed, a page of OUT or mkdocs.yml changes: the changed pages only, so a new seed is in the browser in
    seconds. Ctrl-C or SIGTERM stops it, and frees the port.

    Example: briefing serve --port 8000
    """
    config = require_project(Path.cwd())
    if not port_free(port):
        raise PortInUse(port)

    def rebuild(skip_invalid: bool) -> None:
        run_generate(seeds, out, site_url, skip_invalid, jobs=1)
        run_build(config, out, site_dir, site_url)

    rebuild(False)
    serve_site(site_dir, port, [seeds, out, config], lambda: rebuild_while_serving(rebuild))


def rebuild_while_serving(run: Callable[[bool], None]) -> None:
    """A rebuild while serving, skipping bad seeds: a problem is said, and the server goes on with the site
    it has."""
    try:
        run(True)
    except click.ClickException as e:
        click.echo(f"error: {e.message}", err=True)


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
@SEEDS
@click.option("--month", required=True, help="The month, as YYYY-MM.")
@click.option("--out", "file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
@click.option("--pages", type=click.Path(path_type=Path), default=Path("site_src"), show_default=True,
              help="The folder a generate writes: the extractions it kept are used, not made again.")
@SITE_URL
def digest(seeds: Path, month: str, file: Path, pages: Path, site_url: str | None) -> None:
    """Write one month's digest as a single HTML file to attach to an email: styles inline, no script,
    nothing loaded from anywhere; links lead to the published site (with --site-url / SITE_URL).

    Example: briefing digest --month 2025-02 --out digest-2025-02.html
    """
    text = single_file(Site.of(resolve_seeds(seeds, pages), site_url), month)
    if not site_url:
        click.echo("warning: no site address (SITE_URL, or --site-url): the digest's links are left as text", err=True)
    try:
        write_atomically(file, text)
    except OSError as e:
        raise DigestError(f"{file}: cannot be written ({e.strerror})") from None
    click.echo(f"wrote {file}")


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


def serve_site(site: Path, port: int, watched: list[Path], rebuild: Callable[[], None]) -> None:
    """MkDocs' live-reloading server on the built site, in this process: however briefing stops (Ctrl-C,
    SIGTERM, killed), nothing is left holding the port. Builds run on its thread, one at a time: a
    process forked beside other threads could inherit a lock one of them holds, and hang."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(site.resolve()))
    server.error_handler = lambda code: not_found(site) if code == 404 else None
    for path in watched:
        server.watch(str(path))
    # SIGTERM stops the server as Ctrl-C does
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    click.echo(f"serving the site on http://127.0.0.1:{port}/ (Ctrl-C stops)")
    try:
        server.serve()
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise PortInUse(port) from None
        raise
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.shutdown()


def not_found(site: Path) -> bytes | None:
    page = site / "404.html"
    return page.read_bytes() if page.is_file() else None


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
