"""p95 of /api/articles?limit=1 under concurrent readers on a large store (issue 14).

Synthesises N articles with a few records each straight into a store (no NLP),
serves it with uvicorn in this process, and has R threads request
/api/articles?limit=1 (plus, with --mixed, /api/ledger and / in between) for
a fixed time; prints latency percentiles as JSON.

    python benchmarks/bench_desk_readers.py --articles 10000 --readers 20 --seconds 20

To keep the readers out of the server's process (as browsers are), make the store, serve it with
`unfog serve --db STORE --port 8765` and pass `--url http://127.0.0.1:8765 --db STORE`.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx


def synth_store(path: Path, n: int) -> None:
    from unfog.model import Article, ArticleRecords, Figure, Statement
    from unfog.store import Store

    with Store(path) as store:
        batch = []
        for i in range(n):
            text = f"Shelling hit district {i % 97} on day {i}, officials said. {i % 50 + 1} people were wounded, the governor said."
            a = Article(id=f"art_{i:016x}", text=text, title=f"Report {i}", source=f"Wire {i % 7}",
                        published=f"2022-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}", status="ok")
            res = ArticleRecords(article=a)
            res.statements = [Statement(id=f"stm_{i:016x}", article_id=a.id, text=text[:60], start=0, end=60,
                                        speaker="officials", speaker_side=("UKR", "RUS", "INT")[i % 3])]
            res.figures = [Figure(id=f"fig_{i:016x}", article_id=a.id, text=f"{i % 50 + 1} people", start=62, end=75,
                                  value=float(i % 50 + 1), category="wounded", claimant="governor",
                                  claimant_side=("UKR", "RUS")[i % 2], verified=i % 5 != 0)]
            batch.append(res)
            if len(batch) == 500:
                store.write(batch)
                batch = []
        if batch:
            store.write(batch)


def serve_here(db: Path):
    """The desk in this process (readers then share its GIL); returns (url, server)."""
    import uvicorn

    from unfog.web.app import create_app

    app = create_app(str(db), tiles=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def run(db: Path, readers: int, seconds: float, mixed: bool, url: str | None = None) -> dict:
    server = None
    if url is None:
        url, server = serve_here(db)
    times: list[float] = []
    errors = []
    stop = time.monotonic() + seconds

    def reader(k: int):
        with httpx.Client(timeout=60) as c:
            j = 0
            while time.monotonic() < stop:
                path = "/api/articles?limit=1"
                if mixed and (j + k) % 4 == 3:
                    path = "/api/ledger?place=district 1" if k % 2 else "/"
                t0 = time.perf_counter()
                r = c.get(url + path)
                dt = time.perf_counter() - t0
                if r.status_code != 200:
                    errors.append(r.status_code)
                elif path.startswith("/api/articles"):
                    times.append(dt)
                j += 1

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))] if times else None  # noqa: E731
    if server is not None:
        server.should_exit = True
        time.sleep(1)
    return {"requests": len(times), "errors": len(errors), "p50_s": q(0.5), "p95_s": q(0.95), "max_s": times[-1] if times else None,
            "mean_s": statistics.mean(times) if times else None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--readers", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--mixed", action="store_true", help="every 4th request is /api/ledger or the desk page")
    ap.add_argument("--db", help="reuse this store (made when missing)")
    ap.add_argument("--url", help="measure a desk already serving --db (e.g. `unfog serve` in another process)")
    args = ap.parse_args()
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.duckdb"
    if not db.exists() and not args.url:
        t0 = time.time()
        synth_store(db, args.articles)
        print(f"synthesised {args.articles} articles in {time.time() - t0:.1f} s", flush=True)
    result = run(db, args.readers, args.seconds, args.mixed, url=args.url)
    result.update({"articles": args.articles, "readers": args.readers, "mixed": args.mixed, "server": args.url or "same process",
                   "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"})
    print(json.dumps(result), flush=True)
    os._exit(0)  # do not wait for the server's worker threads


if __name__ == "__main__":
    main()
