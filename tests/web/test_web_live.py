"""The desk stays up while other unfog processes write to its store (issue 14, point 1).

Runs `unfog serve` as its own process, keeps readers busy on it, and meanwhile
runs `unfog ingest` and `unfog watch --once` on the same --db: both succeed
(they hand their work to the desk), the desk shows their articles on the next
request, nothing is lost and no reader ever sees an error.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.slow]

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2023-06-0{day}T08:00:00Z"></head>
<body><article><h1>{title}</h1>
<p>Drones struck a fuel depot near the river port of Kherson on Tuesday, the regional administration said,
and {n} workers were wounded in the fire that followed.</p>
<p>Firefighters worked through the night and the road to the harbour stayed closed until the afternoon,
while the administration asked residents to keep their windows shut because of the smoke.</p>
</article></body></html>"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def feed_site():
    """A local news site with one RSS feed and one article page."""
    routes: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            ctype, body = routes.get(self.path, ("text/plain", b""))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    routes["/depot"] = ("text/html; charset=utf-8", PAGE.format(title="Depot fire after drone strike", n=4, day=6).encode())
    routes["/feed.xml"] = ("application/rss+xml", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<item><title>Depot fire</title><link>{base}/depot</link><pubDate>Tue, 06 Jun 2023 09:00:00 GMT</pubDate></item>"
        "</channel></rss>").encode())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def _env() -> dict:
    src = str(Path(__file__).resolve().parents[2] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _cli(*args, timeout=400, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unfog.cli", *args], capture_output=True, text=True, timeout=timeout, env=_env(),
                          input=stdin)


@pytest.fixture
def desk(tmp_path):
    """`unfog serve` over an empty store, in its own process."""
    from unfog.store import Store

    db = tmp_path / "live.duckdb"
    Store(db).close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "unfog.cli", "serve", "--db", str(db), "--port", str(port), "--no-tiles"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(url + "/api/articles?limit=1", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("the desk did not start: " + proc.stderr.read()[-2000:])
    yield url, db
    proc.terminate()
    proc.wait(20)


class Readers:
    """Threads reading the desk until stopped; every answer's status is kept."""

    def __init__(self, url: str, n: int = 3):
        self.url, self.stop, self.answers = url, threading.Event(), []
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]

    def _run(self):
        with httpx.Client(timeout=30) as client:
            while not self.stop.is_set():
                for path in ("/api/articles?limit=1", "/", "/feeds"):
                    r = client.get(self.url + path)
                    self.answers.append((path, r.status_code, "lock" in r.text.lower() and r.status_code != 200))
                    time.sleep(0.05)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(30)


def test_ingest_and_watch_while_the_desk_serves(desk, feed_site, tmp_path):
    url, db = desk
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({
        "id": f"live-{i}", "title": f"Bridge closed {i}", "published": f"2023-06-0{i + 1}", "source": "Test Wire",
        "text": f"The bridge over the canal near Mykolaiv was closed on Monday after shelling, officials said. "
                f"They counted {i + 2} damaged houses on the eastern bank and asked drivers to use the ferry."})
        for i in range(2)) + "\n", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed_site + "/feed.xml\n", encoding="utf-8")

    with Readers(url) as readers:
        ingest = _cli("ingest", str(batch), "--db", str(db))
        assert ingest.returncode == 0, ingest.stderr
        assert "handing the ingest" in ingest.stderr and "2 articles" in ingest.stderr
        assert httpx.get(url + "/api/articles?limit=1").json()["total"] == 2  # one reload shows them
        again = _cli("ingest", str(batch), "--db", str(db))
        assert again.returncode == 0 and "already stored" in again.stderr and "2 articles, 0 new" in again.stderr
        watch = _cli("watch", "--feeds", str(feeds), "--once", "--allow-private", "--db", str(db))
        assert watch.returncode == 0, watch.stderr
        assert "1 new, 1 added" in watch.stderr
        piped = _cli("ingest", "-", "--db", str(db), stdin=json.dumps({
            "id": "live-stdin", "title": "Ferry resumes", "published": "2023-05-30", "source": "Test Wire",
            "text": "The ferry across the canal near Mykolaiv resumed on Tuesday, the port authority said."}) + "\n")
        assert piped.returncode == 0 and "1 articles" in piped.stderr, piped.stderr
    arts = httpx.get(url + "/api/articles?limit=10").json()
    assert arts["total"] == 4
    assert not [p for p in Path(str(db) + ".outbox").iterdir() if not p.name.endswith(".done.json")]  # nothing left behind
    assert [a["published"] for a in arts["items"]] == sorted((a["published"] for a in arts["items"]), reverse=True)
    assert "Depot fire" in httpx.get(url + "/").text  # newest first on the desk
    assert "Local wire" in httpx.get(url + "/feeds").text or feed_site in httpx.get(url + "/feeds").text
    assert readers.answers, "the readers never got an answer"
    bad = [a for a in readers.answers if a[1] != 200 or a[2]]
    assert not bad, bad[:5]


def test_a_second_writer_waits_for_the_lock_instead_of_failing(tmp_path, monkeypatch):
    """Without a desk, a writer that finds the file locked by another process retries until it is free."""
    from unfog.store import Store

    db = tmp_path / "w.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from unfog.store import Store\n"
        f"s = Store({str(db)!r}); print('held', flush=True); time.sleep(2); s.close()")],
        stdout=subprocess.PIPE, text=True, env=_env())
    assert holder.stdout.readline().strip() == "held"
    start = time.monotonic()
    with Store(db, wait=30) as s:  # would fail at once without the retry
        assert s.count("articles") == 0
    assert time.monotonic() - start > 0.5
    holder.wait(10)
    holder2 = subprocess.Popen([sys.executable, "-c", (
        "import time; from unfog.store import Store\n"
        f"s = Store({str(db)!r}); print('held', flush=True); time.sleep(5)")], stdout=subprocess.PIPE, text=True, env=_env())
    assert holder2.stdout.readline().strip() == "held"
    from unfog.store import StoreError

    with pytest.raises(StoreError, match="in use by another unfog process"):
        Store(db, wait=0.3)
    holder2.kill()
    holder2.wait(10)
