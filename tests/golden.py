"""Rewrite the golden pages: `python -m tests.golden` (or `make golden`), then review the diff like code.
The pages are generated in a temporary folder, so no state of the generate is left in tests/."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.pipeline import generate, resolve_seeds
from generator.site.lookups import Site
from generator.site.sendable import single_file
from generator.write.writing import MANIFEST
from tests.conftest import FIXTURE_SEEDS, GOLDEN, SENDABLE_GOLDEN, SENDABLE_MONTH, SITE_URL


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site_src"
        generate(FIXTURE_SEEDS, out, site_url=SITE_URL)
        (out / MANIFEST).unlink()
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    SENDABLE_GOLDEN.write_text(single_file(Site.of(resolve_seeds(FIXTURE_SEEDS), SITE_URL), SENDABLE_MONTH),
                               encoding="utf-8")
    print(f"golden pages rewritten in {GOLDEN}")


if __name__ == "__main__":
    main()
