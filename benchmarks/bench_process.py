"""Whole-process throughput: ``unfog extract --json`` against a bare ``nlp.pipe`` script, start-up included.

    python benchmarks/bench_process.py --words 60000 --repeats 2

The corpus is made of the bundled sample paragraphs (as ``unfog bench`` makes
it) until it holds ``--words`` words; both commands read the same JSONL file in
a fresh process each, alternately. Prints the load average before and after.
"""
from __future__ import annotations

import argparse
import json
import os

from unfog import bench


def corpus_of(words: int) -> list[dict]:
    n = 50
    while True:
        rows = bench.make_corpus(n)
        total = sum(len(r["text"].split()) for r in rows)
        if total >= words:
            return rows
        n = int(n * words / total) + 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    a = ap.parse_args()
    rows = corpus_of(a.words)
    load = os.getloadavg()
    r = bench.whole_process(rows, batch_size=a.batch_size, repeats=a.repeats)
    print(json.dumps({"articles": len(rows), "words": sum(len(x["text"].split()) for x in rows), "cores": os.cpu_count(),
                      "load_before": load, "load_after": os.getloadavg(), **r}, indent=1))


if __name__ == "__main__":
    main()
