"""Fetching and feed polling against a local HTTP server written by the tests (no internet)."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from unfog.io.feeds import Fetcher, Politeness, canonical_url, fetch_and_ingest, parse_interval, poll_once
from unfog.store import Store

ARTICLE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2022-03-{day}T08:00:00Z"></head>
<body><nav>Home | World | Europe</nav><article><h1>{title}</h1>
<p>Shelling hit the port city of Berdyansk on Monday, local officials said, and {n} civilians were wounded.</p>
<p>The regional governor told reporters that rescue crews searched the damaged buildings through the night
and that schools in the district would stay closed until further notice.</p>
<p>Residents described queues for water and bread that stretched along the seafront for hours.</p>
</article><footer>Copyright Example Outlet</footer></body></html>"""


def rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>Mon, 07 Mar 2022 10:00:00 GMT</pubDate></item>" for t, u in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{entries}</channel></rss>'.encode()


class Site:
    """Routes: path -> (status, headers, body, delay seconds). Records every request."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict, bytes, float]] = {}
        self.requests: list[tuple[str, dict]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                status, headers, body, delay = site.routes.get(self.path, (404, {}, b"not here", 0))
                if callable(body):
                    status, headers, body = body(self)
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *a):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, path, title="Port shelled", n=3, day="07"):
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE.format(title=title, n=n, day=day).encode(), 0)

    def hits(self, path):
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.server.shutdown()


FAST = Politeness(min_interval=0, backoff=0.01, timeout=1.0, retries=2, max_bytes=200_000, allow_private=True)


def test_fetch_stores_article_and_raw_html_and_records_failures(site, tmp_path):
    site.page("/a")
    site.routes["/gone"] = (404, {}, b"no", 0)
    site.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4", 0)
    site.routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 300_000 + b"</p>", 0)
    db = str(tmp_path / "u.duckdb")
    with Fetcher(FAST) as f:
        summary = fetch_and_ingest([site.base + p for p in ("/a", "/gone", "/pdf", "/big")], db, fetcher=f)
    by = {u["url"].rsplit("/", 1)[1]: u for u in summary["urls"]}
    assert by["a"]["ok"]
    assert "HTTP 404" in by["gone"]["error"]
    assert "refused content of type 'application/pdf'" in by["pdf"]["error"]
    assert "limit" in by["big"]["error"]
    with Store(db) as s:
        arts = s.rows("articles")
        assert len(arts) == 4  # failures are stored as failed articles, not dropped
        ok = [a for a in arts if a["status"] == "ok"][0]
        assert "Berdyansk" in ok["text"] and "Copyright" not in ok["text"]
        assert ok["title"] == "Port shelled" and ok["published"].startswith("2022-03-07")
        raw = s.con.execute("SELECT html FROM raw_pages WHERE article_id = ?", [ok["id"]]).fetchone()[0]
        assert "<nav>" in raw
        assert s.con.execute("SELECT count(*) FROM fetch_log").fetchone()[0] == 4


def test_user_agent_robots_and_redirects(site):
    site.page("/real")
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n", 0)
    site.page("/private/x")
    site.routes["/r1"] = (301, {"Location": "/r2"}, b"", 0)
    site.routes["/r2"] = (302, {"Location": "/real"}, b"", 0)
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"", 0)
    with Fetcher(FAST) as f:
        assert f.fetch(site.base + "/r1").ok
        assert f.fetch(site.base + "/r1").final_url.endswith("/real")
        private = f.fetch(site.base + "/private/x")
        loop = f.fetch(site.base + "/loop")
    assert not private.ok and "robots.txt" in private.error
    assert site.hits("/private/x") == 0
    assert not loop.ok and "redirect loop" in loop.error
    assert all(h.get("User-Agent", "").startswith("unfog/") for _, h in site.requests)
    assert site.hits("/robots.txt") == 1  # cached per host


def test_retries_transient_errors_with_backoff_but_not_404(site):
    calls = {"n": 0}

    def flaky(handler):
        calls["n"] += 1
        if calls["n"] < 3:
            return 503, {"Retry-After": "0"}, b"busy"
        return 200, {"Content-Type": "text/html"}, b"<html><body><p>ok now</p></body></html>"

    site.routes["/flaky"] = (200, {}, flaky, 0)
    site.routes["/missing"] = (404, {}, b"", 0)
    slept = []
    with Fetcher(FAST, sleep=slept.append) as f:
        assert f.fetch(site.base + "/flaky").ok
        assert not f.fetch(site.base + "/missing").ok
    assert calls["n"] == 3
    assert site.hits("/missing") == 1


def test_slow_response_times_out_and_is_recorded(site):
    site.routes["/slow"] = (200, {"Content-Type": "text/html"}, b"<p>late</p>", 2.5)
    with Fetcher(Politeness(min_interval=0, timeout=0.5, retries=0, allow_private=True)) as f:
        res = f.fetch(site.base + "/slow")
    assert not res.ok and "Timeout" in res.error


def test_per_host_interval_is_kept():
    slept: list[float] = []
    f = Fetcher(Politeness(min_interval=5.0), sleep=slept.append)
    f._wait_turn("http://h")
    f._wait_turn("http://h")
    f._wait_turn("http://other")
    f.close()
    assert len(slept) == 1 and 4.0 < slept[0] <= 5.0


def test_feed_round_fetches_new_items_once_and_uses_conditional_requests(site, tmp_path):
    site.page("/n1", title="First story", n=2)
    site.page("/n2", title="Second story", n=4)
    feed = rss([("One", site.base + "/n1"), ("One again", site.base + "/n1?utm_source=rss"), ("Two", site.base + "/n2")])

    def serve_feed(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, feed

    site.routes["/feed.xml"] = (200, {}, serve_feed, 0)
    site.routes["/broken.xml"] = (200, {"Content-Type": "application/xml"}, b"<rss><channel><item>", 0)
    db = str(tmp_path / "u.duckdb")
    with Fetcher(FAST) as f:
        first = poll_once([site.base + "/broken.xml", site.base + "/feed.xml"], db, fetcher=f)
        second = poll_once([site.base + "/feed.xml"], db, fetcher=f)
    broken, good = first
    assert broken["status"] == "failed" and broken["error"]
    assert good["items"] == 3 and good["items_new"] == 2 and good["items_added"] == 2
    assert site.hits("/n1") + site.hits("/n1?utm_source=rss") == 1
    assert second[0]["status"] == "not modified" and second[0]["items_new"] == 0
    with Store(db) as s:
        assert s.count("articles") == 2
        rounds = s.con.execute("SELECT status FROM feed_rounds ORDER BY polled_at").fetchall()
        assert len(rounds) == 3


def test_feed_items_seen_by_url_are_not_refetched_without_etag(site, tmp_path):
    site.page("/s1")
    site.routes["/plain.xml"] = (200, {"Content-Type": "text/xml"}, rss([("S", site.base + "/s1#top")]), 0)
    db = str(tmp_path / "u.duckdb")
    with Fetcher(FAST) as f:
        poll_once([site.base + "/plain.xml"], db, fetcher=f)
        again = poll_once([site.base + "/plain.xml"], db, fetcher=f)
    assert again[0]["items"] == 1 and again[0]["items_new"] == 0
    assert site.hits("/s1") == 1


def test_watch_once_from_the_command_line(site, tmp_path):
    site.page("/c1")
    site.routes["/f.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([("C", site.base + "/c1")]), 0)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my outlets\n{site.base}/f.xml\n{site.base}/missing.xml\n")
    db = tmp_path / "w.duckdb"
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "watch", "--feeds", str(feeds), "--once", "--db", str(db), "--allow-private"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "1 new, 1 added" in r.stderr
    assert "failed" in r.stderr and "HTTP 404" in r.stderr
    bad = subprocess.run([sys.executable, "-m", "unfog.cli", "watch", "--feeds", str(feeds), "--every", "5s", "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "once a minute" in bad.stderr


def test_helpers():
    assert canonical_url("HTTPS://Example.org/a?utm_source=x&id=3#frag") == "https://example.org/a?id=3"
    assert parse_interval("30m") == 1800 and parse_interval("6h") == 21600
    with pytest.raises(ValueError):
        parse_interval("often")


def test_desk_shows_feed_rounds(site, tmp_path):
    from fastapi.testclient import TestClient

    from unfog.web.app import create_app

    site.page("/d1")
    site.routes["/desk.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([("D", site.base + "/d1")]), 0)
    db = str(tmp_path / "desk.duckdb")
    Store(db).close()
    app = create_app(db)
    with TestClient(app) as client:  # an empty desk before any polling
        assert client.get("/api/feeds").json() == {"feeds": [], "rounds": []}
    app.state.store.close()
    with Fetcher(FAST) as f:
        poll_once([site.base + "/desk.xml", site.base + "/<script>x</script>.xml"], db, fetcher=f)
    with TestClient(create_app(db)) as client:
        data = client.get("/api/feeds").json()
        page = client.get("/feeds").text
    by = {r["feed_url"][len(site.base) + 1:]: r for r in data["rounds"]}
    assert by["desk.xml"]["items_added"] == 1 and by["desk.xml"]["status"] == "ok"
    assert by["<script>x</script>.xml"]["status"] == "failed"
    assert "desk.xml" in page and "<script>x</script>" not in page and "&lt;script&gt;" in page
