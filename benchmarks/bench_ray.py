"""Ray benchmark: the Ray Data engine with 1 and 2 actors (and more with --workers) on one corpus.

    python benchmarks/bench_ray.py --articles 300 --workers 1,2 [--address ray://host:10001]

Ray is started once (or joined, with --address / $RAY_ADDRESS); each run then
creates its actor pool, so the times include loading the pipeline in every
actor, as a real job would. Also times the local engine in this process for
reference (start-up, i.e. loading the pipeline, included), and checks that every engine gave
the same records (a hash of each article's records, timings left out).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time

from unfog import bench, engine


def _digest(res) -> str:
    """The records of one article (timings left out: they vary), as a hash."""
    tables = {name: [r.to_dict() for r in recs] for name, recs in res.tables().items()}
    return hashlib.sha256(json.dumps(tables, sort_keys=True, default=str).encode()).hexdigest()


def _timed(run) -> tuple[float, list]:
    t = time.perf_counter()
    out = [_digest(r) for r in run]
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--input")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--address")
    a = ap.parse_args()
    rows = bench.read_corpus(a.input) if a.input else bench.make_corpus(a.articles)
    words = sum(len(r["text"].split()) for r in rows)
    counts = [int(w) for w in a.workers.split(",")]

    t = time.perf_counter()
    engine.ray_init(max(counts), a.address)
    start = time.perf_counter() - t
    report = {"articles": len(rows), "words": words, "ray_start_seconds": round(start, 1), "runs": []}
    ids_seen = None
    for w in counts:
        secs, ids = _timed(engine.run_ray(bench.to_articles(rows), workers=w, batch_size=a.batch_size))
        ids_seen = ids_seen or ids
        assert ids == ids_seen, "engines disagree on the records"
        report["runs"].append({"engine": "ray", "workers": w, "seconds": round(secs, 2),
                               "words_per_s": round(words / secs, 1), "articles_per_s": round(len(rows) / secs, 2)})
    base = report["runs"][0]["seconds"]
    for r in report["runs"]:
        r["speedup_vs_first"] = round(base / r["seconds"], 2)
    import ray

    ray.shutdown()
    secs, ids = _timed(engine.run_local(bench.to_articles(rows), batch_size=a.batch_size))
    report["records_identical"] = ids == ids_seen
    report["runs"].append({"engine": "local", "workers": 1, "seconds": round(secs, 2),
                           "words_per_s": round(words / secs, 1), "articles_per_s": round(len(rows) / secs, 2)})
    for r in report["runs"]:
        r["speedup_vs_local_1"] = round(secs / r["seconds"], 2)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
