"""Writing to a store that the desk is serving: hand the work to the desk's writer.

DuckDB lets one process write a file. While ``unfog serve`` runs, that process
is the desk: it holds the store open read-write, serves every request on its
own cursor (a snapshot that never waits), and does all writes on one writer
thread. Other unfog processes that want to write (``ingest``, ``fetch``,
``watch``) find the desk's note beside the store (``STORE.desk.json``: its
process id) and drop a job file into the outbox folder beside the store
(``STORE.outbox/``); the writer thread runs the job with the same functions the
command would have run and writes the outcome next to it, which the command
waits for and prints. Files, not HTTP: nothing new listens on the network, and
the folder's permissions are the store's.
"""
from __future__ import annotations

import json
import os
import queue
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable

POLL = 0.2  # seconds between looks at the outbox


def desk_note(db: str) -> Path:
    return Path(str(db) + ".desk.json")


def outbox_dir(db: str) -> Path:
    return Path(str(db) + ".outbox")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def desk_serving(db: str) -> dict | None:
    """The note of a live desk serving ``db`` (another process), else None."""
    note = desk_note(db)
    try:
        info = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pid = info.get("pid") if isinstance(info, dict) else None
    if not isinstance(pid, int) or pid == os.getpid() or not _alive(pid):
        return None
    return info


def submit(db: str, job: dict, timeout: float | None = None, on_wait: Callable[[], None] | None = None) -> dict:
    """Hand ``job`` to the desk serving ``db`` and wait for its outcome (a dict).

    Raises TimeoutError when the desk does not answer within ``timeout`` seconds
    and RuntimeError when the job failed in the desk (its message).
    """
    box = outbox_dir(db)
    box.mkdir(mode=0o700, exist_ok=True)  # only the store's owner may queue jobs for the desk
    name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    tmp = box / f"{name}.tmp"
    tmp.write_text(json.dumps(job), encoding="utf-8")
    tmp.rename(box / f"{name}.job.json")  # appears whole or not at all
    done = box / f"{name}.done.json"
    deadline = None if timeout is None else time.monotonic() + timeout
    while not done.exists():
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(f"the desk serving {db} did not take the job within {timeout:.0f} s")
        if desk_serving(db) is None and (box / f"{name}.job.json").exists():
            (box / f"{name}.job.json").unlink(missing_ok=True)
            raise TimeoutError(f"the desk serving {db} stopped before taking the job")
        if on_wait:
            on_wait()
        time.sleep(POLL)
    result = json.loads(done.read_text(encoding="utf-8"))
    done.unlink(missing_ok=True)
    if result.get("error"):
        raise RuntimeError(result["error"])
    return result["result"]


class Writer:
    """The desk's one writer thread: runs jobs from the outbox and from the desk itself, one at a time.

    ``handlers`` maps a job kind ("ingest", "fetch", "watch") to a function of
    (db, job) returning a JSON-able outcome.
    """

    def __init__(self, db: str, handlers: dict[str, Callable[[str, dict], Any]]):
        self.db, self.handlers = str(db), handlers
        self.jobs: queue.Queue = queue.Queue()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="unfog-writer", daemon=True)
        self.done = 0

    def start(self) -> "Writer":
        outbox_dir(self.db).mkdir(mode=0o700, exist_ok=True)
        desk_note(self.db).write_text(json.dumps({"pid": os.getpid(), "started": time.time()}), encoding="utf-8")
        self.thread.start()
        return self

    def close(self) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join(5)
        note = desk_note(self.db)
        try:
            if json.loads(note.read_text(encoding="utf-8")).get("pid") == os.getpid():
                note.unlink()
        except (OSError, ValueError):
            pass

    def put(self, job: dict) -> "queue.Queue":
        """Queue a job from inside the desk; the returned queue receives its outcome."""
        answer: queue.Queue = queue.Queue(maxsize=1)
        self.jobs.put((job, answer))
        return answer

    def run_job(self, job: dict) -> dict:
        handler = self.handlers.get(job.get("kind"))
        if handler is None:
            return {"error": f"unknown job kind {job.get('kind')!r}"}
        try:
            return {"result": handler(self.db, job)}
        except Exception as e:  # a job boundary: the outcome goes back to whoever asked, the desk goes on
            return {"error": f"{type(e).__name__}: {e}"}

    def _outbox_jobs(self) -> list[Path]:
        try:
            return sorted(outbox_dir(self.db).glob("*.job.json"))
        except OSError:
            return []

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                job, answer = self.jobs.get(timeout=POLL)
            except queue.Empty:
                job = answer = None
            if job is not None:
                answer.put(self.run_job(job))
                self.done += 1
            for path in self._outbox_jobs():
                self._take(path)

    def _take(self, path: Path) -> None:
        try:
            job = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            outcome = {"error": f"unreadable job: {e}"}
        else:
            outcome = self.run_job(job)
        done = path.with_name(path.name.replace(".job.json", ".done.json"))
        tmp = done.with_suffix(".tmp")
        tmp.write_text(json.dumps(outcome, default=str), encoding="utf-8")
        tmp.rename(done)
        path.unlink(missing_ok=True)
        self.done += 1
