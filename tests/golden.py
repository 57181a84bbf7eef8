"""Rewrite the golden pages: `python -m tests.golden` (or `make golden`), then review the diff like code."""

from __future__ import annotations

import shutil

from generator.pipeline import generate
from tests.conftest import FIXTURE_SEEDS, GOLDEN


def main() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    generate(FIXTURE_SEEDS, GOLDEN)
    (GOLDEN / ".briefing-manifest.json").unlink()
    (GOLDEN / ".briefing-inputs").unlink()
    (GOLDEN / ".briefing-pages.json").unlink()
    (GOLDEN / ".briefing-ids.json").unlink()
    print(f"golden pages rewritten in {GOLDEN}")


if __name__ == "__main__":
    main()
