"""The jobs the desk's writer thread runs for other unfog processes and for itself.

Each takes (db, job) and returns a JSON-able outcome; they call the same
functions the commands call when no desk is serving the store.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from unfog.store.outbox import Writer


def run_ingest(db: str, job: dict) -> dict[str, Any]:
    from unfog.workflows import ingest_paths

    summary = ingest_paths(job["inputs"], db=db, published=job.get("published"), source=job.get("source"),
                           chunk=int(job.get("chunk") or 50))
    summary["failures"] = [list(f) for f in summary.get("failures", [])]
    return summary


def run_fetch(db: str, job: dict) -> dict[str, Any]:
    from unfog.io.feeds import Fetcher, Politeness, fetch_and_ingest

    with Fetcher(Politeness(allow_private=bool(job.get("allow_private")))) as fetcher:
        return fetch_and_ingest(job["urls"], db, fetcher=fetcher)


def run_watch(db: str, job: dict) -> list[dict]:
    from unfog.io.feeds import Fetcher, Politeness, poll_once

    with Fetcher(Politeness(allow_private=bool(job.get("allow_private")))) as fetcher:
        return poll_once(job["feeds"], db, fetcher=fetcher)


def run_ingest_items(db: str, job: dict) -> dict[str, Any]:
    from unfog.web.routes.ingest import ingest_items

    return ingest_items(db, job)


HANDLERS: dict[str, Callable[[str, dict], Any]] = {
    "ingest": run_ingest, "fetch": run_fetch, "watch": run_watch, "ingest_items": run_ingest_items,
}


def start_writer(db: str) -> Writer:
    return Writer(db, HANDLERS).start()


def start_watcher(writer: Writer, feeds: list[str], interval: float, on_round=None) -> threading.Event:
    """Poll ``feeds`` every ``interval`` seconds on the writer thread; set the returned event to stop."""
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            outcome = writer.put({"kind": "watch", "feeds": feeds}).get()
            if on_round:
                on_round(outcome)
            stop.wait(interval)

    threading.Thread(target=loop, name="unfog-watch", daemon=True).start()
    return stop
