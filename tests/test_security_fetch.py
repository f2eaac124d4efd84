"""The fetcher against an evil local server (127.0.0.1 only, every loop bounded): issue 15 rows 2, 4, 5, 8.

Tests that need the local server for legitimate content use ``allow_private``;
the refusals are tested without it.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest

from unfog.io import netguard
from unfog.io.feeds import Fetcher, Politeness, new_items, poll_once
from unfog.store import Store
from unfog.store import feeds as feed_store

from test_feeds import Site, rss  # the local test server

OPEN = dict(min_interval=0, backoff=0.01, timeout=2.0, retries=2, max_bytes=200_000)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.server.shutdown()


@pytest.fixture
def evil():
    """A second server that only answers slowly: one byte every 0.2 s, at most 60 bytes (headers or body)."""
    class Slow:
        def __init__(self):
            self.sock = socket.socket()
            self.sock.bind(("127.0.0.1", 0))
            self.sock.listen(8)
            self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
            self.stop = threading.Event()
            threading.Thread(target=self.serve, daemon=True).start()

        def serve(self):
            self.sock.settimeout(0.2)
            while not self.stop.is_set():
                try:
                    conn, _ = self.sock.accept()
                except OSError:
                    continue
                threading.Thread(target=self.trickle, args=(conn,), daemon=True).start()

        def trickle(self, conn):
            reply = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * 40
            try:
                conn.recv(4096)
                for i in range(60):  # bounded: 12 s at most
                    if self.stop.is_set():
                        break
                    conn.sendall(reply[i:i + 1] or b"a")
                    time.sleep(0.2)
            except OSError:
                pass
            finally:
                conn.close()

    s = Slow()
    yield s
    s.stop.set()
    s.sock.close()


# -- row 2: addresses -------------------------------------------------------------
@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "10.0.0.5", "172.16.3.4", "192.168.1.1",
    "169.254.169.254", "fd00:ec2::254", "100.100.100.200", "fe80::1", "fc00::1", "224.0.0.1", "ff02::1", "0.0.0.0",
    "::", "240.0.0.1", "100.64.0.1", "64:ff9b::7f00:1", "2002:a00:1::", "::ffff:169.254.169.254"])
def test_refused_addresses(address):
    assert netguard.refusal(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_pass(address):
    assert netguard.refusal(address) is None


def test_allow_private_opens_the_intranet_but_never_metadata():
    assert netguard.refusal("10.0.0.5", allow_private=True) is None
    assert netguard.refusal("127.0.0.1", allow_private=True) is None
    assert netguard.refusal("169.254.169.254", allow_private=True)
    assert netguard.refusal("::ffff:169.254.169.254", allow_private=True)
    assert netguard.refusal("224.0.0.1", allow_private=True)


def test_loopback_is_refused_by_default_and_never_reached(site):
    site.routes["/secret"] = (200, {"Content-Type": "text/html"}, b"<p>db_password=hunter2</p>", 0)
    with Fetcher(Politeness(**OPEN)) as f:
        for url in (site.base + "/secret", site.base.replace("127.0.0.1", "localhost") + "/secret",
                    site.base.replace("127.0.0.1", "[::ffff:127.0.0.1]") + "/secret"):
            res = f.fetch(url)
            assert not res.ok and res.permanent and "refused to connect" in res.error, (url, res.error)
    assert site.requests == []  # not even robots.txt


def _resolving(monkeypatch, names: dict[str, list[str]]):
    """getaddrinfo answers for test host names; counts how often each is resolved."""
    real = socket.getaddrinfo
    calls: dict[str, int] = {}

    def fake(host, port, *a, **kw):
        if host in names:
            calls[host] = calls.get(host, 0) + 1
            answer = names[host]
            address = answer[min(calls[host], len(answer)) - 1]
            return real(address, port, *a, **kw)
        return real(host, port, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return calls


def test_redirect_hop_to_loopback_is_refused(site, monkeypatch):
    """A 'public' host (the test server under a name the policy lets through) redirects to 127.0.0.1."""
    port = site.server.server_address[1]
    real = netguard.resolve
    monkeypatch.setattr(netguard, "resolve", lambda host, port, allow_private=False:
                        ["127.0.0.1"] if host == "outlet.test" else real(host, port, allow_private))
    site.routes["/story"] = (302, {"Location": f"http://127.0.0.1:{port}/secret"}, b"", 0)
    site.routes["/secret"] = (200, {"Content-Type": "text/html"}, b"<p>db_password=hunter2</p>", 0)
    with Fetcher(Politeness(**OPEN)) as f:
        res = f.fetch(f"http://outlet.test:{port}/story")
    assert not res.ok and "refused to connect to 127.0.0.1" in res.error
    assert site.hits("/story") == 1 and site.hits("/secret") == 0


def test_connection_is_pinned_to_the_vetted_address(site, monkeypatch):
    """The name is resolved once, by the guard; a later answer (DNS rebinding) cannot reach the socket."""
    port = site.server.server_address[1]
    site.page("/a")
    monkeypatch.setattr(netguard, "refusal", lambda a, allow_private=False: None if a == "127.0.0.1" else "blocked")
    calls = _resolving(monkeypatch, {"rebind.test": ["127.0.0.1", "10.9.9.9"]})
    with Fetcher(Politeness(**OPEN, respect_robots=False)) as f:
        first = f.fetch(f"http://rebind.test:{port}/a")
        assert first.ok and calls["rebind.test"] == 1  # resolved once; the socket got the address, not the name
        f.client.close()  # a new connection must resolve and vet again
    with Fetcher(Politeness(**OPEN, respect_robots=False)) as f:
        second = f.fetch(f"http://rebind.test:{port}/a")
    assert not second.ok and "blocked" in second.error
    host = [h for p, h in site.requests if p == "/a"][0]["Host"]
    assert host == f"rebind.test:{port}"  # the Host header keeps the name


def test_a_name_with_any_refused_address_is_refused(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **kw: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))])
    with pytest.raises(netguard.RefusedAddress):
        netguard.resolve("mixed.test", 80)


# -- row 8: redirects, robots, odd content ---------------------------------------------
def test_redirect_to_file_is_refused_without_retries(site):
    site.routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"", 0)
    with Fetcher(Politeness(**OPEN, allow_private=True)) as f:
        res = f.fetch(site.base + "/to-file")
    assert not res.ok and res.permanent and "file" in res.error
    assert site.hits("/to-file") == 1


def test_robots_and_delay_on_every_hop(site):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n", 0)
    site.routes["/hop"] = (302, {"Location": "/private/x"}, b"", 0)
    site.routes["/hop2"] = (302, {"Location": "/ok"}, b"", 0)
    site.page("/private/x")
    site.page("/ok")
    slept: list[float] = []
    with Fetcher(Politeness(**{**OPEN, "min_interval": 5.0}, allow_private=True), sleep=slept.append) as f:
        blocked = f.fetch(site.base + "/hop")
        n = len(slept)
        ok = f.fetch(site.base + "/hop2")
    assert not blocked.ok and blocked.permanent and "robots.txt" in blocked.error
    assert site.hits("/private/x") == 0
    assert ok.ok and ok.final_url.endswith("/ok")
    assert len(slept) - n == 2  # the per-host interval before /hop2 and again before its hop to /ok


def test_robots_server_error_disallows_for_the_round_only(site):
    state = {"status": 503}
    site.routes["/robots.txt"] = (200, {}, lambda h: (state["status"], {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"), 0)
    site.page("/a")
    with Fetcher(Politeness(**OPEN, allow_private=True)) as f:
        f.start_round()
        res = f.fetch(site.base + "/a")
        assert not res.ok and not res.permanent and "robots.txt" in res.error
        assert site.hits("/a") == 0
        state["status"] = 200
        f.start_round()
        assert f.fetch(site.base + "/a").ok


def test_pdf_without_content_type_is_not_ok(site):
    site.routes["/doc"] = (200, {}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", 0)
    site.routes["/img"] = (200, {"Content-Type": "text/html"}, b"\x89PNG\r\n\x1a\n\x00\x00", 0)
    with Fetcher(Politeness(**OPEN, allow_private=True)) as f:
        doc, img = f.fetch(site.base + "/doc"), f.fetch(site.base + "/img")
    assert not doc.ok and doc.permanent and "PDF" in doc.error
    assert not img.ok and "PNG" in img.error


def test_permanent_failures_are_remembered_not_refetched(site, tmp_path):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n", 0)
    site.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4", 0)
    site.routes["/img"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n", 0)
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"", 0)
    site.page("/private/p")
    site.routes["/flaky"] = (503, {}, b"busy", 0)
    paths = ["/pdf", "/img", "/loop", "/private/p", "/flaky"]
    site.routes["/f.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([(p, site.base + p) for p in paths]), 0)
    db = str(tmp_path / "p.duckdb")
    with Fetcher(Politeness(**{**OPEN, "retries": 0}, allow_private=True)) as f:
        first = poll_once([site.base + "/f.xml"], db, fetcher=f)
        second = poll_once([site.base + "/f.xml"], db, fetcher=f)
    assert first[0]["items_failed"] == 5
    assert second[0]["items_new"] == 1  # only the transient failure is tried again
    assert site.hits("/pdf") == site.hits("/img") == site.hits("/loop") == 1
    assert site.hits("/private/p") == 0
    assert site.hits("/flaky") == 2
    with Store(db) as s:
        assert s.con.execute("SELECT count(*) FROM seen_urls WHERE status = 'failed'").fetchone()[0] == 4


# -- row 4: deadlines and concurrency ----------------------------------------------------
def test_one_byte_per_second_server_hits_the_total_deadline(evil):
    with Fetcher(Politeness(**{**OPEN, "retries": 0, "timeout": 5.0, "total_timeout": 1.0}, allow_private=True,
                            respect_robots=False)) as f:
        t = time.monotonic()
        res = f.fetch(evil.base + "/")
        spent = time.monotonic() - t
    assert not res.ok and "Timeout" in res.error
    assert spent < 6  # generous bound: the trickle would last 12 s


def test_round_deadline_ends_the_round(evil, site, tmp_path):
    site.routes["/ok.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([]), 0)
    db = str(tmp_path / "r.duckdb")
    p = Politeness(**{**OPEN, "retries": 0, "timeout": 5.0}, round_timeout=1.0, allow_private=True, respect_robots=False)
    with Fetcher(p) as f:
        rounds = poll_once([evil.base + "/slow.xml", site.base + "/ok.xml"], db, fetcher=f)
    by = {r["feed_url"]: r for r in rounds}
    assert by[evil.base + "/slow.xml"]["status"] == "failed"
    assert by[site.base + "/ok.xml"]["status"] == "ok"  # polled alongside, not after, the slow feed


def test_feeds_are_polled_concurrently(tmp_path):
    """Two hosts: the second feed's request starts before the first (slow) one is answered."""
    a, b = Site(), Site()
    try:
        a.routes["/a.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([]), 1.5)
        b.routes["/b.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss([]), 0)
        stamps = {}
        for s, path in ((a, "/a.xml"), (b, "/b.xml")):
            status, headers, body, delay = s.routes[path]

            def stamped(handler, path=path, status=status, headers=headers, body=body):
                stamps[path] = time.monotonic()
                return status, headers, body
            s.routes[path] = (status, headers, stamped, delay)
        with Fetcher(Politeness(**OPEN, allow_private=True, respect_robots=False)) as f:
            rounds = poll_once([a.base + "/a.xml", b.base + "/b.xml"], str(tmp_path / "c.duckdb"), fetcher=f)
        assert [r["status"] for r in rounds] == ["ok", "ok"]
        assert abs(stamps["/b.xml"] - stamps["/a.xml"]) < 1.0  # b did not wait for a's 1.5 s answer
    finally:
        a.server.shutdown()
        b.server.shutdown()


# -- row 5: large feeds ---------------------------------------------------------------------
def test_new_items_capped_per_feed_per_round(site, tmp_path):
    for i in range(7):
        site.page(f"/n{i}", title=f"Story {i}", n=i + 1)
    site.routes["/many.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                rss([(f"S{i}", f"{site.base}/n{i}") for i in range(7)]), 0)
    db = str(tmp_path / "m.duckdb")
    with Fetcher(Politeness(**OPEN, max_new_items=3, allow_private=True)) as f:
        first = poll_once([site.base + "/many.xml"], db, fetcher=f)[0]
        second = poll_once([site.base + "/many.xml"], db, fetcher=f)[0]
    assert first["items_new"] == 7 and first["items_added"] == 3 and first["items_deferred"] == 4
    assert second["items_new"] == 4 and second["items_added"] == 3
    assert sum(site.hits(f"/n{i}") for i in range(7)) == 6


def test_dedup_of_4000_items_is_by_set(tmp_path):
    """Correctness of the set-based de-duplication on a large feed (its speed is in benchmarks/)."""
    items = [{"url": f"https://example.org/s/{i % 3000}?utm_source=x#f{i}"} for i in range(4000)]
    with Store(str(tmp_path / "d.duckdb")) as s:
        feed_store.ensure_tables(s.con)
        feed_store.mark_seen(s.con, [(f"https://example.org/s/{i}", "f", "t", None, "ok", None) for i in range(1000)])
        known = feed_store.known_urls(s.con, [f"https://example.org/s/{i}" for i in range(4000)])
    assert len(known) == 1000
    fresh = new_items(items, known, set())
    assert len(fresh) == 2000 and len({i["url"].split("?")[0] for i in fresh}) == 2000
