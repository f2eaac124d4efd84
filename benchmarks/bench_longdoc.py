"""Long documents: one article of N MB against the same text as separate articles, as whole processes.

    python benchmarks/bench_longdoc.py --mb 0.7                 # one 0.7 MB article vs the same text as articles
    python benchmarks/bench_longdoc.py --mb 2 --articles 20      # ... vs the same text as 20 articles
    python benchmarks/bench_longdoc.py --repeated 40000          # one sentence x 40,000 inside a batch of 3
    python benchmarks/bench_longdoc.py --huge-mb 10              # a 10 MB line inside a batch of 3: fails alone

Each case runs ``unfog extract --json`` in its own process (start-up included) and
reports wall seconds, that process's peak RSS (from ``wait4``) and every article's
status. The text is made of the bundled sample paragraphs in new orders (as
``unfog bench`` makes its corpus), so the one-article and the split runs read the
same characters. Extra arguments after ``--`` go to ``unfog extract``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from unfog import bench

# Our own sentence: a statement with a figure, a place, a day and an event, so every extractor has work.
REPEATED = "Officials in Kharkiv said on Monday that 12 people were wounded when shelling hit the old market. "


def long_rows(mb: float) -> list[dict]:
    """Sample-made articles whose texts add up to ``mb`` megabytes (characters)."""
    target, rows, seed = int(mb * 1_000_000), [], 0
    while sum(len(r["text"]) + 2 for r in rows) < target:
        rows.extend(bench.make_corpus(50, seed=seed))
        seed += 1
    out, size = [], 0
    for r in rows:
        if size >= target:
            break
        out.append(r)
        size += len(r["text"]) + 2
    return out


def regroup(rows: list[dict], articles: int) -> list[dict]:
    """The same paragraphs as ``articles`` articles (1: one article holding everything)."""
    per = -(-len(rows) // articles)
    return [{"id": f"long-{k:03d}", "text": "\n\n".join(r["text"] for r in rows[i:i + per]), "published": rows[i]["published"]}
            for k, i in enumerate(range(0, len(rows), per))]


def run_extract(rows: list[dict], extra: list[str]) -> dict:
    """``unfog extract --json`` on the rows in a fresh process: seconds, peak RSS, statuses."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "batch.jsonl", Path(tmp) / "out.json"
        bench.save_corpus(rows, src)
        t = time.perf_counter()
        with open(out, "w") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "unfog.cli", "extract", "--json", str(src), *extra],
                                    stdout=fh, stderr=subprocess.PIPE, text=True)
            _, status, usage = os.wait4(proc.pid, 0)
        secs = time.perf_counter() - t
        err = proc.stderr.read()
        doc = json.loads(out.read_text() or "{}") if status == 0 else {}
    arts = doc.get("articles", [])
    return {
        "articles": len(rows), "chars": sum(len(r["text"]) for r in rows), "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(secs, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "statuses": {s: sum(a["status"] == s for a in arts) for s in {a["status"] for a in arts}},
        "errors": sorted({a["error"] for a in arts if a.get("error")}),
        "records": {k: len(v) for k, v in doc.items() if isinstance(v, list) and k != "articles"},
        "stderr_tail": err.strip().splitlines()[-3:] if status else [],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, help="size of the long article in MB")
    ap.add_argument("--articles", type=int, default=0, help="compare with this many articles (default: the sample articles)")
    ap.add_argument("--repeated", type=int, help="one sentence this many times, between two ordinary articles")
    ap.add_argument("--huge-mb", type=float, help="one line of this many MB (sample text repeated), between two articles")
    ap.add_argument("extra", nargs="*", help="arguments for unfog extract (after --)")
    a = ap.parse_args()
    report: dict = {"uptime": os.getloadavg(), "cores": os.cpu_count()}
    if a.mb:
        rows = long_rows(a.mb)
        split = regroup(rows, a.articles) if a.articles else rows
        report["one_article"] = run_extract(regroup(rows, 1), a.extra)
        report["as_articles"] = run_extract(split, a.extra)
        report["time_ratio"] = round(report["one_article"]["seconds"] / report["as_articles"]["seconds"], 2)
    if a.repeated:
        rows = long_rows(0.01)[:2]
        batch = [rows[0], {"id": "repeated", "text": REPEATED * a.repeated, "published": "2024-03-04"}, rows[1]]
        report["repeated"] = run_extract(batch, a.extra)
    if a.huge_mb:
        rows = long_rows(0.01)[:2]
        para = "\n\n".join(r["text"] for r in long_rows(0.2))
        huge = (para + "\n\n") * (int(a.huge_mb * 1_000_000) // (len(para) + 2) + 1)
        batch = [rows[0], {"id": "huge", "text": huge[:int(a.huge_mb * 1_000_000)], "published": "2024-03-04"}, rows[1]]
        report["huge"] = run_extract(batch, a.extra)
    if a.mb:
        print(f"one article / as articles: time x{report['time_ratio']} "
              f"({report['one_article']['seconds']} s vs {report['as_articles']['seconds']} s), peak RSS "
              f"{report['one_article']['peak_rss_mb']} MB vs {report['as_articles']['peak_rss_mb']} MB", file=sys.stderr)
    report["load_after"] = os.getloadavg()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
