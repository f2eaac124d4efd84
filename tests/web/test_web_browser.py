"""The desk in a real browser: headless Chromium driven by playwright-core (node).

Builds a store from the sample corpus, the two seeds and hostile articles,
serves it with uvicorn on a free localhost port, writes the static report,
and runs check_pages.mjs, which prints what it measured as JSON.
Skips when chromium, node or tests/web/node_modules are missing.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from desk_fixtures import HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL, hostile_results

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if not shutil.which("node"):
        return "no node"
    if not (HERE / "node_modules" / "playwright-core").exists():
        return "tests/web/node_modules missing (cd tests/web && npm install)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser_store(tmp_path_factory, seed_batch):
    """Sample corpus + seeds + a hostile article through the real ingest, plus hand-written hostile records."""
    missing = _browser_missing()
    if missing:
        pytest.skip(missing)
    from unfog.store import Store
    from unfog.workflows import ingest_paths, sample_corpus_path

    tmp = tmp_path_factory.mktemp("browser")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": "hostile-ingested", "title": HOSTILE_TITLE, "url": HOSTILE_URL, "published": "2022-04-01",
                                   "source": "<svg onload=alert(5)>", "text": HOSTILE_TEXT + " Officials in Mariupol counted the damage."}) + "\n",
                       encoding="utf-8")
    db = tmp / "desk.duckdb"
    ingest_paths([sample_corpus_path(), str(seed_batch), str(hostile)], db=str(db))
    with Store(db) as store:
        store.write([hostile_results()])
        # one figure the article says could not be verified, one article with a coverage warning
        store.con.execute("UPDATE figures SET verified = false WHERE id = (SELECT min(id) FROM figures WHERE claimant IS NOT NULL)")
    sided = _sided_article(db)
    with Store(db) as store:
        store.con.execute("UPDATE articles SET warnings = ? WHERE id = ?", [json.dumps([COVERAGE_WARNING]), sided])
    return db


COVERAGE_WARNING = "places outside the installed gazetteer detail; add them with `unfog gazetteer add PS --dump PS.zip`"


def _sided_article(db) -> str:
    """The stored article with the most statements by speakers with a side."""
    from unfog.store import Store

    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT article_id FROM statements WHERE speaker_side IS NOT NULL "
                                 "GROUP BY article_id ORDER BY count(DISTINCT speaker_side) DESC, count(*) DESC LIMIT 1").fetchone()[0]


def _busiest_place(db) -> str:
    """A place name many located events share (the map must not stack them silently)."""
    from unfog.store import Store

    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT place FROM events WHERE lat IS NOT NULL AND place NOT LIKE '%<%' "
                                 "GROUP BY place ORDER BY count(*) DESC LIMIT 1").fetchone()[0]


@contextlib.contextmanager
def desk_serving(db) -> Iterator[str]:
    """The desk over ``db`` served by uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    from unfog.web.app import create_app

    app = create_app(str(db), tiles=False)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        app.state.store.close()


@pytest.fixture(scope="module")
def server(browser_store):
    with desk_serving(browser_store) as url:
        yield url


@pytest.fixture(scope="module")
def seen(server, browser_store, tmp_path_factory):
    """What the browser saw on every page (one run of check_pages.mjs)."""
    from unfog.web.report import write_report

    tmp = tmp_path_factory.mktemp("pages")
    report = tmp / "report.html"
    write_report(str(browser_store), report)
    # Screenshots of every page: $UNFOG_SCREENSHOTS, else tests/web/screenshots/ (git-ignored) for an engineer to look at.
    shots = os.environ.get("UNFOG_SCREENSHOTS") or str(HERE / "screenshots")
    Path(shots).mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        ["node", str(HERE / "check_pages.mjs"), server, hostile_results().article.id, shots, str(report),
         _sided_article(browser_store), _busiest_place(browser_store)],
        cwd=HERE, capture_output=True, text=True, timeout=180, env={**os.environ, "CHROMIUM": CHROMIUM},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])["pages"]


def test_pages_load_cleanly(seen):
    for name, page in seen.items():
        assert page["status"] == 200, name
        assert page["errors"] == [], (name, page["errors"])  # no uncaught exception in our JS
        assert page["dialogs"] == [], (name, page["dialogs"])
        assert page["pwned"] is None, (name, page["pwned"])
        if name != "report":
            assert page["csp"] == [], (name, page["csp"])  # our own pages obey their CSP


def test_map_shows_markers(seen):
    assert seen["map"]["markers"] > 0
    assert seen["map"]["outlinePaths"] >= 3  # the bundled outline drew offline
    assert seen["desk"]["markers"] > 0
    assert seen["map"]["popupText"]  # a marker opened its popup


def test_timeline_draws(seen):
    assert seen["timeline"]["svgElements"] > 0
    assert seen["timeline"]["bars"] > 0


def test_ledger_lists_a_contradiction(seen, browser_store):
    from unfog.store import Store

    ledger = seen["ledger"]
    assert ledger["rows"] > 0
    with Store(browser_store, read_only=True) as store:
        seed_ids = {r["id"] for r in store.rows("articles", where="external_id IN ('000', '004')")}
        figure_contradictions = store.con.execute(
            "SELECT count(*) FROM relations r JOIN figures f ON f.id = r.a WHERE r.type = 'contradicts'").fetchone()[0]
    assert len(seed_ids) == 2
    # The seeds hold a claim and its denial (gold: tests/gold/relations/seeds.json); fusion relates them
    # with 'contradicts', and the ledger shows the two statements side by side.
    seed_disputes = [d for d in ledger["disputes"] if d["status"] == "contradicts" and set(d["articles"]) & seed_ids]
    assert seed_disputes, ledger["disputes"]
    assert all(d["statements"] == 2 for d in seed_disputes)
    # Figures: the sample corpus has non-overlapping counts from two claimants; contested rows come first.
    assert (ledger["contradicts"] > 0) == (figure_contradictions > 0)
    if figure_contradictions:
        assert ledger["statuses"][0] == "contradicts"
        assert len(ledger["claimsInContradiction"]) >= 2  # the claims side by side


def test_hostile_article_stays_text(seen):
    page = seen["hostile"]
    assert page["title"] == HOSTILE_TITLE  # shown literally
    assert page["highlights"] > 0
    assert page["injectedImgs"] == 0 and page["injectedScripts"] == 0 and page["javascriptLinks"] == 0
    assert seen["articles"]["injectedImgs"] == 0 and seen["articles"]["injectedScripts"] == 0


def test_static_report_works_offline(seen):
    report = seen["report"]
    assert report["markers"] > 0
    assert report["svgElements"] > 0
    assert report["rows"] > 0
    assert report["disputes"] > 0
    assert report["csp"] == []  # the report's own CSP (hashes of its inline blocks) lets its code run


def test_screenshots_are_saved(seen):
    shots = Path(os.environ.get("UNFOG_SCREENSHOTS") or HERE / "screenshots")
    for name in ("desk", "map", "timeline", "ledger", "articles", "article", "docs", "feeds", "map-place"):
        assert (shots / f"{name}.png").stat().st_size > 5000, name


def test_newest_first(seen):
    published = [p for p in seen["articles"]["published"] if p]
    assert published == sorted(published, reverse=True) and len(published) > 3
    latest = [d.split("·")[-1].strip()[:10] for d in seen["desk"]["latest"]]
    assert latest == sorted(latest, reverse=True)


def test_verification_marked_on_every_page(seen):
    for name in ("desk", "ledger", "articles", "report"):
        assert seen[name]["unverified"] > 0, name  # the figure marked unverified in the fixture shows up
    assert seen["ledger"]["relationNotes"] > 0  # each relation's reason next to it


def test_article_sides_legend_relations_and_warnings(seen):
    page = seen["article"]
    assert len(page["sideChips"]) >= 2
    colours = {c for _, c in page["sideChips"]}
    assert len(colours) == len(page["sideChips"])  # one colour per side
    assert page["sidedHighlights"]  # statements and figures in the text carry their side's colour
    assert page["warnings"] == [COVERAGE_WARNING.replace("`", "")]  # the gazetteer's coverage hint ...
    assert page["warningCommands"] == ["unfog gazetteer add PS --dump PS.zip"]  # ... with its command


def test_map_counts_events_sharing_a_point(seen):
    page = seen["map-place"]
    assert page["stacks"] and all(n > 1 for n in page["stacks"])  # a marker per point, showing how many
    assert "several events" in page["note"]


def test_timeline_zooms_and_pages(seen):
    tl = seen["timeline"]
    assert tl["windowZoomed"] != tl["windowAll"] and tl["windowEarlier"] != tl["windowZoomed"]
    assert tl["barsAfterAll"] == tl["bars"]
    assert len(set(tl["colours"])) == len(tl["colours"])  # no colour used twice


def test_offline_api_docs_and_feeds_page(seen):
    assert seen["docs"]["operations"] > 5  # Swagger UI drew the API from local assets
    assert "built-in method" not in seen["feeds"]["text"]
