"""The static report and the `unfog report` / `unfog serve` commands."""
from __future__ import annotations

import base64
import hashlib
import json
import re

from typer.testing import CliRunner

from unfog.cli import app
from unfog.web.report import write_report
from unfog.store.queries import Filters

from desk_fixtures import desk_db  # noqa: F401  (fixture)
from desk_fixtures import HOSTILE_TITLE


def _block(html: str, pattern: str) -> str:
    return re.search(pattern, html, re.S).group(1)


def test_report_is_self_contained_and_safe(desk_db, tmp_path):
    out = tmp_path / "report.html"
    done = write_report(str(desk_db), out)
    html = out.read_text(encoding="utf-8")
    assert done["bytes"] == len(html.encode("utf-8")) and done["counts"]["articles"] == 4
    # nothing loaded from elsewhere: no src=/href= to files or servers besides the optional tile host
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html)
    assert "tile.openstreetmap.org" in html  # tiles are optional, tried only when reachable
    # the data block cannot close itself early and parses back
    data = _block(html, r'<script type="application/json" id="desk-data">(.*?)</script>')
    assert "<" not in data
    parsed = json.loads(data)
    assert parsed["links"] is False and parsed["map"]["events"] and parsed["timeline"]["days"]
    assert any(e["event_type"].startswith("<b") for e in parsed["map"]["events"])  # hostile value survives as data
    # hostile markup appears only escaped
    assert HOSTILE_TITLE not in html and "&lt;script&gt;window.__pwned = &#34;title&#34;&lt;/script&gt;" in html
    assert "<img" not in html and "<svg onload" not in html
    # the CSP allows exactly the inline script and style that are there
    js = _block(html, r"<script>(.*)</script>")
    css = _block(html, r"<style>(.*?)</style>")
    csp = _block(html, r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    for block in (js, css):
        digest = base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp
    assert "data:image/png;base64," in css  # leaflet's control images are inlined
    # the ledger is there, contradiction first, with no links to a server
    assert re.search(r'<tr class="ledger-row status-(\w+)"', html).group(1) == "contradicts"
    assert 'href="/articles/' not in html


def test_report_filters(desk_db, tmp_path):
    out = tmp_path / "r.html"
    write_report(str(desk_db), out, filters=Filters(since="2022-03-16"))
    data = json.loads(_block(out.read_text(encoding="utf-8"), r'id="desk-data">(.*?)</script>'))
    assert data["timeline"]["days"] and min(data["timeline"]["days"]) >= "2022-03-16"


def test_cli_report(desk_db, tmp_path):
    out = tmp_path / "cli.html"
    r = CliRunner().invoke(app, ["report", "--db", str(desk_db), str(out), "--title", "Weekly <desk>"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "<title>Weekly &lt;desk&gt;</title>" in text
    r = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb"), str(out)])
    assert r.exit_code == 2
    r = CliRunner().invoke(app, ["report", "--db", str(desk_db), "--since", "March", str(out)])
    assert r.exit_code == 2


def test_cli_serve_needs_a_store(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    assert "no store" in r.output


def test_cli_serve_end_to_end(desk_db):
    """`unfog serve` in its own process: binds to localhost, serves the API read-only."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "unfog.cli", "serve", "--db", str(desk_db), "--port", str(port), "--no-tiles"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline, r = time.time() + 60, None
        while time.time() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        assert r is not None and r.status_code == 200, proc.stderr.read().decode() if proc.poll() is not None else "no answer"
        assert r.json()["total"] == 4
        assert httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={"articles": [{"text": "x"}]}).status_code == 403
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_report_marks_unverified_and_disputed_figures(desk_db, tmp_path):
    from unfog.store import Store

    db = tmp_path / "copy.duckdb"
    db.write_bytes(desk_db.read_bytes())
    with Store(db) as store:
        disputed = store.con.execute("SELECT a FROM relations WHERE type = 'contradicts' LIMIT 1").fetchone()[0]
        store.con.execute("UPDATE figures SET verified = false WHERE id = ?", [disputed])
    out = tmp_path / "marks.html"
    write_report(str(db), out)
    html = out.read_text(encoding="utf-8")
    card = html[html.index(f'id="fig-{disputed}"'):]
    card = card[:card.index("</blockquote>")]
    assert "badge unverified" in card and "badge rel-contradicts disputed" in card  # on the ledger card
    assert re.search(r'<span class="badge unverified"[^>]*>1 unverified</span>', html)  # in the articles list
