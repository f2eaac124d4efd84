"""Local benchmark: unfog vs the bare spaCy model, side by side, plus worker processes.

    python benchmarks/bench_local.py --articles 500 --workers 1,2 [--input BATCH.jsonl] [--profile prof.out]

Prints the report of ``unfog bench`` (JSON with --json). With --profile, the
unfog run is also profiled with cProfile and the top functions are printed,
so a slow extractor shows up by name.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats

from unfog import bench


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--input")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--profile", help="write cProfile stats of one unfog run here and print the top 25")
    a = ap.parse_args()
    rows = bench.read_corpus(a.input) if a.input else bench.make_corpus(a.articles)
    report = bench.benchmark(rows, workers=[int(w) for w in a.workers.split(",")], batch_size=a.batch_size, repeats=a.repeats)
    print(json.dumps(report, indent=1) if a.json else bench.format_report(report))
    if a.profile:
        from unfog.nlp import get_nlp

        nlp = get_nlp()
        prof = cProfile.Profile()
        prof.enable()
        bench.run_unfog(rows, nlp, a.batch_size)
        prof.disable()
        prof.dump_stats(a.profile)
        pstats.Stats(a.profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
