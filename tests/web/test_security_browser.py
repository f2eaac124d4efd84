"""No HTML from data in the browser (issue 15 row 7): marker tooltips and popups on the map and in the report
hold a hostile place name and event type as text. Headless Chromium via node playwright-core."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desk_fixtures import hand_made_results, hostile_results
from test_web_browser import CHROMIUM, HERE, _browser_missing, desk_serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE_PLACE = ('<a href="https://evil.example/" id="injected-place">Mariu'
                 '<img src=x onerror="window.__pwned=\'place\'">pol</a>')
HOSTILE_SPEAKER = '<img src=x onerror="window.__pwned=\'speaker\'">'


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    missing = _browser_missing()
    if missing:
        pytest.skip(missing)
    from unfog.model import Place, stable_id
    from unfog.store import Store

    results, relations = hand_made_results()
    hostile = hostile_results()
    art = hostile.article
    hostile.places.append(Place(id=stable_id("plc", art.id, 0), article_id=art.id, name=HOSTILE_PLACE, start=0, end=5,
                                canonical=HOSTILE_PLACE, lat=47.3, lon=37.1, kind="settlement", country="UA", text=art.text[:5]))
    assert hostile.statements[0].speaker == HOSTILE_SPEAKER
    db = tmp_path_factory.mktemp("hostile-map") / "h.duckdb"
    with Store(db) as store:
        store.write(results + [hostile], relations)
    return db


@pytest.fixture(scope="module")
def seen(hostile_store, tmp_path_factory):
    from unfog.web.report import write_report

    report = tmp_path_factory.mktemp("hostile-report") / "report.html"
    write_report(str(hostile_store), report)
    with desk_serving(hostile_store) as url:
        proc = subprocess.run(["node", str(HERE / "check_tooltips.mjs"), f"{url}/map", str(report)],
                              cwd=HERE, capture_output=True, text=True, timeout=180, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("page", ["map", "report"])
def test_tooltips_and_popups_are_text(seen, page):
    s = seen[page]
    assert s["markers"] >= 3
    assert HOSTILE_PLACE in s["tooltips"]  # the place name shown literally
    assert any('<b onmouseover="x">Battles</b>' in t for t in s["tooltips"])  # the event type too
    assert set(s["tooltipElements"]) <= {"span"}, s["tooltipElements"]
    assert s["popupElements"] == [], s["popupElements"]
    assert any(HOSTILE_PLACE in p for p in s["popups"])
    assert s["injected"] == 0 and s["pwned"] is None and s["dialogs"] == []
