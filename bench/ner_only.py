"""spaCy NER alone over the cleaned text of a seeds folder: the yardstick for the pipeline's throughput.

    python bench/ner_only.py SEEDS JOBS
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.extract import nlp
from generator.read.cleaning import clean
from generator.read.sources import read_seed, seed_files


def main() -> None:
    seeds, jobs = Path(sys.argv[1]), int(sys.argv[2])
    paragraphs = [p for path in seed_files(seeds)[0] for p in clean(read_seed(path)).paragraphs]
    model = nlp.load()
    count = sum(len(doc.ents) for doc in model.pipe(paragraphs, n_process=jobs, batch_size=64))
    print(f"{len(paragraphs)} paragraphs, {count} entities")


if __name__ == "__main__":
    main()
