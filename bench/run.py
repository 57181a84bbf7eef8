"""The benchmark: cold, warm and one-article generates, the MkDocs build, memory and sizes, at several
corpus sizes; results written to bench/RESULTS.md. Whole processes are timed with /usr/bin/time -v.

    python bench/run.py                  # N = 100, 1,000 and 10,000
    python bench/run.py --sizes 100 1000 --runs 3
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(HERE))

from corpus import extra_article, write_corpus

from tests.conftest import copy_hand_written


@dataclass
class Timed:
    seconds: float
    peak_mb: float
    output: str


def timed(*command: str, cwd: Path | None = None) -> Timed:
    """One whole process under /usr/bin/time -v: wall seconds and peak resident memory."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, cwd=cwd,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert wall and rss, result.stderr[-2000:]
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return Timed(seconds, int(rss.group(1)) / 1024, result.stdout + result.stderr)


@dataclass
class Row:
    n: int
    words: int = 0
    figures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def generate(seeds: Path, out: Path, *extra: str) -> Timed:
    return timed(str(BIN / "briefing"), "-v", "generate", "--seeds", str(seeds), "--out", str(out), *extra)


def stage_seconds(run: Timed, stage: str) -> float:
    """A stage's time as `briefing -v` logs it."""
    found = re.search(rf"INFO {stage}: ([\d.]+) s", run.output)
    return float(found.group(1)) if found else float("nan")


def mkdocs_config(site_src: Path, folder: Path) -> Path:
    text = (PROJECT / "mkdocs.yml").read_text()
    text = text.replace("docs_dir: site_src", f"docs_dir: {site_src}")
    text = text.replace("custom_dir: templates/theme", f"custom_dir: {PROJECT / 'templates' / 'theme'}")
    config = folder / "mkdocs.yml"
    config.write_text(text)
    return config


def bare_config(site_src: Path, folder: Path) -> Path:
    """Plain MkDocs with Material on the same pages and nav: its default search, no tags, no Pagefind."""
    project = (PROJECT / "mkdocs.yml").read_text()
    nav = project[project.index("\nnav:"):].split("\n\n")[0]
    config = folder / "mkdocs-bare.yml"
    config.write_text(f"site_name: Briefing\ndocs_dir: {site_src}\nuse_directory_urls: false\n"
                      "theme:\n  name: material\n  font: false\n"
                      "markdown_extensions: [tables, attr_list, def_list, md_in_html]\n" + nav + "\n")
    return config


def first_search_bytes(site: Path, query: str) -> tuple[int, int]:
    """Bytes a reader's browser fetches for the first search, and how many results it shows (Pagefind): its
    UI, the list of parts and every part's files the search needs."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving

    with serving(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        fetched: list[int] = []
        page.on("response", lambda r: fetched.append(len(r.body())) if r.ok and "/pagefind" in r.url else None)
        page.goto(url + "/index.html")
        page.wait_for_load_state("networkidle")
        box = page.locator("input.pagefind-ui__search-input")
        box.click()
        box.press_sequentially(query)
        page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        shown = page.locator("a.pagefind-ui__result-link").count()
        browser.close()
    return sum(fetched), shown


def words_of(seeds: Path) -> int:
    from generator.read.cleaning import clean
    from generator.read.sources import read_seed, seed_files

    return sum(len(" ".join(clean(read_seed(p)).paragraphs).split()) for p in seed_files(seeds)[0])


def ner_only(seeds: Path, jobs: int) -> Timed:
    return timed(str(BIN / "python"), str(HERE / "ner_only.py"), str(seeds), str(jobs))


def layout_bytes(site: Path, sample: int = 200) -> tuple[float, float]:
    """Bytes of HTML around each page's content (navigation, header, footer): median and max of a sample."""
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    step = max(1, len(pages) // sample)
    sizes = []
    for page in pages[::step]:
        html = page.read_text(encoding="utf-8")
        m = re.search(r"<article[^>]*>(.*)</article>", html, re.DOTALL)
        sizes.append(len(html.encode()) - (len(m.group(1).encode()) if m else 0))
    return statistics.median(sizes), max(sizes)


def measure(n: int, runs: int, jobs: int) -> Row:
    folder = HERE / "out" / str(n)
    seeds, out, site = folder / "seeds", folder / "site_src", folder / "site"
    if not seeds.is_dir():
        write_corpus(n, seeds)
    row = Row(n, words_of(seeds))
    spacy = ner_only(seeds, jobs)
    row.figures["spacy_ner_s"] = spacy.seconds
    colds = []
    for _ in range(runs if n <= 1000 else 1):
        shutil.rmtree(folder / ".briefing-cache", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.parent / f".{out.name}.staging", ignore_errors=True)  # the previous tree, kept
        colds.append(generate(seeds, out, "--jobs", str(jobs)))
    row.figures["cold_s"] = statistics.median(t.seconds for t in colds)
    row.figures["resolve_s"] = statistics.median(stage_seconds(t, "resolve") for t in colds)
    row.figures["cold_peak_mb"] = max(t.peak_mb for t in colds)
    row.figures["throughput_ratio"] = spacy.seconds / row.figures["cold_s"]
    warm = [generate(seeds, out) for _ in range(runs)]
    row.figures["warm_s"] = statistics.median(t.seconds for t in warm)
    row.figures["warm_ratio"] = row.figures["warm_s"] / row.figures["cold_s"]
    added = []
    for run in range(runs):
        path = extra_article(seeds, n, run)
        added.append(generate(seeds, out))
        path.unlink()
        generate(seeds, out)
    row.figures["add_one_s"] = statistics.median(t.seconds for t in added)
    changed = re.search(r"(\d+) files changed", added[-1].output)
    row.figures["add_one_files"] = int(changed.group(1)) if changed else -1
    copy_hand_written(out)  # the About page, styles and the search box's script
    mkdocs_config(out, folder)
    bare_site = folder / "site-bare"
    bare = [timed(str(BIN / "python"), "-m", "mkdocs", "build", "-q", "-f", str(bare_config(out, folder)),
                  "-d", str(bare_site)) for _ in range(runs if n <= 1000 else 1)]
    row.figures["mkdocs_s"] = statistics.median(t.seconds for t in bare)
    row.figures["mkdocs_peak_mb"] = max(t.peak_mb for t in bare)
    index = bare_site / "search" / "search_index.json"
    row.figures.update(search_index_mb=index.stat().st_size / 2**20,
                       search_index_gz_mb=len(gzip.compress(index.read_bytes())) / 2**20)
    shutil.rmtree(bare_site)
    build = (str(BIN / "briefing"), "build", "--seeds", str(seeds), "--out", str(out), "--site", str(site))
    whole = []
    for _ in range(runs if n <= 1000 else 1):  # the site from nothing: every page and the whole search index
        shutil.rmtree(site, ignore_errors=True)
        whole.append(timed(*build, "--whole", cwd=folder))
    row.figures["build_whole_s"] = statistics.median(t.seconds for t in whole)
    row.figures["build_ratio"] = row.figures["build_whole_s"] / row.figures["mkdocs_s"]
    published = []
    for run in range(runs if n <= 1000 else 1):  # one new article until the site is ready to publish
        path = extra_article(seeds, n, run)
        published.append(timed(*build, cwd=folder))
        path.unlink()
        timed(*build, cwd=folder)
    row.figures["add_one_build_s"] = statistics.median(t.seconds for t in published)
    row.figures["add_one_build_peak_mb"] = max(t.peak_mb for t in published)
    row.figures["add_one_build_ratio"] = row.figures["add_one_build_s"] / row.figures["mkdocs_s"]
    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pagefind = sum(p.stat().st_size for b in site.glob("pagefind*") if b.is_dir() for p in b.rglob("*") if p.is_file())
    row.figures.update(pages=len(pages), site_mb=size / 2**20, pagefind_mb=pagefind / 2**20,
                       bytes_per_page=sum(p.stat().st_size for p in pages) / max(len(pages), 1))
    query = json.loads((out / "data" / "briefing.json").read_text())["people"][0]["name"]
    first, shown = first_search_bytes(site, query)
    row.figures.update(first_search_mb=first / 2**20, first_search_results=shown)
    row.figures["layout_median"], row.figures["layout_max"] = layout_bytes(site)
    return row


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    return (f"{os.cpu_count()} cores ({cpu}), {int(memory) / 2**20:.0f} GiB memory, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


# (what, figure, comparison, limit, the N the issue sets it at: None for every N)
TARGETS = [
    ("Cold generate: throughput at least 60% of spaCy NER alone on the same text", "throughput_ratio", ">=", 0.6,
     None),
    ("Warm generate, no change: under 10% of cold", "warm_ratio", "<", 0.1, 10_000),
    ("One new article: generate under 5 s", "add_one_s", "<", 5.0, 10_000),
    ("Whole build from nothing: at most 1.1x a bare mkdocs build", "build_ratio", "<=", 1.1, 10_000),
    ("One new article, end to end (generate, HTML, search index): at most 0.1 of a bare build", "add_one_build_ratio",
     "<=", 0.1, 10_000),
    ("One new article, end to end: under 30 s", "add_one_build_s", "<", 30.0, 10_000),
    ("One new article, end to end: peak memory under 1.5 GB", "add_one_build_peak_mb", "<", 1536.0, 10_000),
    ("HTML around each page's content under 20 KB (max of a sample)", "layout_max", "<", 20 * 1024, None),
    ("First search (Pagefind) at most 1 MB over the wire", "first_search_mb", "<=", 1.0, 10_000),
]


def report(rows: list[Row], runs: int, jobs: int, command: str) -> str:
    lines = ["# Benchmark results", "", f"Measured with `{command}` (`make bench`) on {time.strftime('%Y-%m-%d')}.",
             "", f"Machine: {machine()}.", "",
             (f"Whole processes timed with `/usr/bin/time -v`; medians of {runs} runs (one run for the cold "
             "generate, bare build and whole build at N = 10,000); ratios are of figures measured in the same run. "
             f"Extraction with `--jobs {jobs}`; spaCy NER alone is `nlp.pipe` over the same cleaned text with the "
             f"same components and {jobs} processes (`bench/ner_only.py`). The bare build is `mkdocs build` of "
             "the generated pages with plain Material (its default search, no tags plugin, no Pagefind, no theme "
             "overrides); the whole build from nothing is `briefing build --whole` into an empty folder (generate with nothing "
             "changed, MkDocs strict with the project's config and theme overrides, and every part of the Pagefind "
             "index); one new article end to end is `briefing build` after one article is added to the seeds: the "
             "generate, the pages whose source changed and the search index of those, a site ready to publish. The first search "
             "is measured in Chromium: every byte of Pagefind's UI, of the list of the index's parts and of the parts "
             "fetched for one query."), "",
             ("| N | words | spaCy NER alone (s) | cold generate (s) | whole resolution (s) | throughput vs NER | "
             "cold peak (MB) | warm, no change (s) | warm / cold | one new article, generate (s) | files rewritten | "
             "bare mkdocs build (s) | whole build from nothing (s) | whole / bare | "
             "one new article, end to end (s) | end to end / bare | end to end peak (MB) | "
             "pages | site (MB) | bytes per page | Material search index (MB, gzip) | "
             "Pagefind index, every part (MB) | first search over the wire (MB) | layout bytes (median, max) |"),
             "|" + " --- |" * 24]
    for r in rows:
        f = r.figures
        lines.append(f"| {r.n:,} | {r.words:,} | {f['spacy_ner_s']:.1f} | {f['cold_s']:.1f} | {f['resolve_s']:.2f} | "
                     f"{f['throughput_ratio']:.2f} | {f['cold_peak_mb']:.0f} | {f['warm_s']:.2f} | {f['warm_ratio']:.2f} | "
                     f"{f['add_one_s']:.2f} | {f['add_one_files']:.0f} | {f['mkdocs_s']:.1f} | {f['build_whole_s']:.1f} | "
                     f"{f['build_ratio']:.2f} | {f['add_one_build_s']:.1f} | {f['add_one_build_ratio']:.3f} | "
                     f"{f['add_one_build_peak_mb']:.0f} | "
                     f"{f['pages']:.0f} | {f['site_mb']:.1f} | {f['bytes_per_page']:.0f} | "
                     f"{f['search_index_mb']:.2f} ({f['search_index_gz_mb']:.2f}) | {f['pagefind_mb']:.1f} | "
                     f"{f['first_search_mb']:.2f} ({f['first_search_results']:.0f} results) | "
                     f"{f['layout_median']:.0f}, {f['layout_max']:.0f} |")
    lines += ["", "## Targets", "", "| target | " + " | ".join(f"N = {r.n:,}" for r in rows) + " |",
              "| --- |" + " --- |" * len(rows)]
    ops = {">=": float.__ge__, "<": float.__lt__, "<=": float.__le__}
    for label, key, op, limit, at in TARGETS:
        cells = [f"{'met' if ops[op](float(r.figures[key]), limit) else 'NOT met'} ({r.figures[key]:.2f})"
                 if at in (None, r.n) else f"({r.figures[key]:.2f}; set at N = {at:,})" for r in rows]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    # Where Python writes no bytecode (PYTHONDONTWRITEBYTECODE, as on the machine of RESULTS.md), every run
    # would compile the generator again: it is compiled once, as an installed package is.
    compileall.compile_dir(PROJECT / "generator", quiet=1)
    rows = []
    for n in args.sizes:
        print(f"N = {n} ...", flush=True)
        rows.append(measure(n, args.runs, args.jobs))
        print(rows[-1].figures, flush=True)
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    (HERE / "RESULTS.md").write_text(report(rows, args.runs, args.jobs, command.strip()), encoding="utf-8")
    print((HERE / "RESULTS.md").read_text())


if __name__ == "__main__":
    main()
