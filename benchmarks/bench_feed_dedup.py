"""De-duplication of a large feed against the store (issue 15 row 5): seconds for N items.

    PYTHONPATH=src python benchmarks/bench_feed_dedup.py 4000 50000
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from unfog.io.feeds import canonical_url, new_items
from unfog.store import Store
from unfog.store import feeds as feed_store


def run(n: int) -> float:
    items = [{"url": f"https://example.org/story/{i}?utm_source=rss"} for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "b.duckdb")) as s:
        feed_store.ensure_tables(s.con)
        feed_store.mark_seen(s.con, [(canonical_url(it["url"]), "f", "t", None, "ok", None) for it in items[: n // 2]])
        t = time.perf_counter()
        known = feed_store.known_urls(s.con, sorted({canonical_url(it["url"]) for it in items}))
        fresh = new_items(items, known, set())
        spent = time.perf_counter() - t
    assert len(fresh) == n - n // 2
    return spent


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000", "4000", "50000"]:
        print(f"{int(arg):>7} items: {run(int(arg)):.3f} s")
