from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import FIXTURE_SEEDS

COMMANDS = ["generate", "build", "serve", "check", "add", "digest"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: briefing " + command in result.output


def test_generate_writes_pages_and_the_export(tmp_path: Path, seeds_folder) -> None:
    seeds = seeds_folder({"a.txt": " date 2025-02-21 TOKYO | Xinhua | A dialogue was held here on Tuesday."})
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "data" / "briefing.json").is_file()
    assert (tmp_path / "out" / "index.md").is_file()


def test_digest_writes_one_month_as_one_file_and_names_a_month_it_cannot(tmp_path: Path) -> None:
    args = ["digest", "--seeds", str(FIXTURE_SEEDS), "--pages", str(tmp_path / "none"), "--site-url",
            "https://example.org/b/", "--out"]
    done = CliRunner().invoke(main, [*args, str(tmp_path / "may.html"), "--month", "2025-05"])
    assert done.exit_code == 0, done.output
    assert "<h1>Digest: May 2025</h1>" in (tmp_path / "may.html").read_text(encoding="utf-8")
    none = "no event of the briefing is dated in 2025-06; months with events, newest first: 2025-07, 2025-05"
    for month, problem in [("2025-06", none), ("May", "give a month as YYYY-MM")]:
        failed = CliRunner().invoke(main, [*args, str(tmp_path / "other.html"), "--month", month])
        assert failed.exit_code == 1 and problem in failed.output and "Traceback" not in failed.output
    assert not (tmp_path / "other.html").exists()
    unwritable = CliRunner().invoke(main, [*args, str(tmp_path / "no" / "such" / "f.html"), "--month", "2025-05"])
    assert unwritable.exit_code == 1 and "f.html: cannot be written" in unwritable.output


def test_check_lists_every_problem_and_fails(seeds_folder) -> None:
    seeds = seeds_folder({"good.txt": "A headline\nText.", "empty.txt": "", "bad date.txt": " date 2025-13-45 x"})
    result = CliRunner().invoke(main, ["check", "--seeds", str(seeds)])
    assert result.exit_code == 1
    assert "empty.txt: empty" in result.output
    assert "bad date.txt: line 1: date line '2025-13-45'" in result.output
    assert "1 seeds readable, 2 with errors" in result.output


def test_a_bad_seed_fails_generate_with_its_name_and_no_traceback(tmp_path: Path, seeds_folder) -> None:
    seeds = seeds_folder({"good.txt": "A headline\nText.", "bin.txt": b"\x00\x01"})
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bin.txt: binary file" in result.output
    assert "Traceback" not in result.output


def test_check_lists_the_review_queue(seeds_folder) -> None:
    seeds = seeds_folder({"a.txt": "Xi meets delegation\nPresident Xi Jinping met Toshihiro Nikai on Thursday "
                                   "in Beijing. The third meeting of the China-Japan Forum opened."})
    result = CliRunner().invoke(main, ["check", "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    assert "review queue:" in result.output
    assert "no date" in result.output


def console_script(*args: str) -> subprocess.CompletedProcess:
    """The command as `briefing` runs it: through `run`, which ends the process itself."""
    return subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", *args],
                          check=False, capture_output=True, text=True, timeout=120)


def test_the_console_script_ends_with_the_commands_output_and_exit_code(tmp_path: Path, seeds_folder) -> None:
    seeds = seeds_folder({"a.txt": " date 2025-02-21 TOKYO | Xinhua | A dialogue was held here on Tuesday."})
    done = console_script("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert done.returncode == 0 and done.stdout.startswith("1 articles -> "), done.stderr
    failed = console_script("check", "--seeds", str(seeds_folder({"empty.txt": ""})))
    assert failed.returncode == 1 and "empty.txt: empty" in failed.stderr
    assert console_script("no-such-command").returncode == 2


def test_verbose_says_each_stage_its_time_and_which_shortcuts_ran(tmp_path: Path, seeds_folder) -> None:
    seeds = seeds_folder({"a.txt": " date 2025-02-21 TOKYO | Xinhua | A dialogue was held here on Tuesday."})
    out = str(tmp_path / "out")
    first = console_script("-v", "generate", "--seeds", str(seeds), "--out", out)
    for stage in ("kept state", "read", "extract", "resolve", "render", "data", "write", "keeping state"):
        assert f"INFO {stage}: " in first.stderr and " s\n" in first.stderr, first.stderr
    assert "every page is rendered" in first.stderr and "1 to extract" in first.stderr
    (seeds / "b.txt").write_text(" date 2025-02-22 SEOUL -- Talks were held in Seoul on Friday.", encoding="utf-8")
    second = console_script("-v", "generate", "--seeds", str(seeds), "--out", out)
    assert "1 kept, 1 to extract" in second.stderr and "pages kept, their reads unchanged" in second.stderr
    third = console_script("-v", "generate", "--seeds", str(seeds), "--out", out)
    assert "nothing to do" in third.stderr
    quiet = console_script("generate", "--seeds", str(seeds), "--out", out)
    assert "INFO" not in quiet.stderr
