"""End to end: `unfog extract --json` on the seeds satisfies the shared contract checker."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SHARED, needs_shared

CHECKER = SHARED / "tools" / "check_contract.py"


def run_extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unfog.cli", "extract", "--json", *args], capture_output=True, text=True, timeout=600)


@needs_shared
def test_contract_checker_passes_twice_with_same_ids(seed_batch, tmp_path):
    outs = []
    for i in range(2):
        r = run_extract(str(seed_batch))
        assert r.returncode == 0, r.stderr
        p = tmp_path / f"out{i}.json"
        p.write_text(r.stdout, encoding="utf-8")
        outs.append(p)
    check = subprocess.run([sys.executable, str(CHECKER), str(seed_batch), *map(str, outs)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "contract ok" in check.stdout
    doc = json.loads(outs[0].read_text())
    assert {a["external_id"] for a in doc["articles"]} == {"000", "004"}


def test_text_files_with_published_and_source(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Officials said the town was shelled overnight.", encoding="utf-8")
    r = run_extract("--published", "2022-03-10", "--source", "Test Wire", str(f))
    assert r.returncode == 0, r.stderr
    art = json.loads(r.stdout)["articles"][0]
    assert art["published"] == "2022-03-10" and art["source"] == "Test Wire" and art["status"] == "ok"


def test_bad_published_option_is_a_usage_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("text", encoding="utf-8")
    r = run_extract("--published", "not-a-date", str(f))
    assert r.returncode == 2
    assert "not a date" in r.stderr
