"""Every error path total (issue 15 rows 3, 9, 10): hostile batch lines, batch paths, one-line CLI errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unfog.io.ingest import MAX_INPUT_BYTES, failed_id, iter_inputs, read_jsonl_line

GOOD = "Officials in the river town said on Monday that a bridge was damaged and {n} people were hurt."
HOSTILE = '{"id":"h1","text":"","html":"\\ud800","url":true}'

# The strategy that found row 3: batch lines whose keys are the ones unfog reads and whose values are anything JSON
# holds, strings included with lone surrogates (written as JSON escapes, as a tampered file would carry them).
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF), max_size=30))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                 st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                           max_leaves=6)
batch_lines = st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "source", "published", "path"]),
                              json_values, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(obj=batch_lines)
def test_any_line_yields_one_article(obj, tmp_path):
    line = json.dumps(obj)  # ensure_ascii: lone surrogates travel as \ud800 escapes
    art = read_jsonl_line(line, 1, "batch.jsonl", tmp_path, {})
    assert art.status in ("ok", "failed")
    assert art.status == "ok" or art.error
    json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert art.id.startswith("art_")


def test_hostile_line_among_good_lines(tmp_path):
    batch = tmp_path / "b.jsonl"
    lines = [json.dumps({"id": f"g{i}", "text": GOOD.format(n=i)}) for i in range(3)]
    batch.write_text("\n".join([lines[0], HOSTILE, lines[1], "[[[[" * 30000, lines[2]]) + "\n", encoding="utf-8")
    arts = list(iter_inputs([batch]))
    assert len(arts) == 5
    assert [a.status for a in arts] == ["ok", "failed", "ok", "failed", "ok"]
    assert arts[1].error and arts[1].id.startswith("art_")


def test_failed_id_on_surrogates_is_stable():
    assert failed_id("b.jsonl:1", "\ud800") == failed_id("b.jsonl:1", "\ud800")
    assert failed_id("b.jsonl:1", "\ud800") != failed_id("b.jsonl:1", "\ud801")


def test_hostile_line_does_not_lose_its_chunk(tmp_path):
    batch = tmp_path / "b.jsonl"
    lines = [json.dumps({"id": f"g{i}", "text": GOOD.format(n=i)}) for i in range(3)]
    batch.write_text("\n".join([lines[0], HOSTILE, lines[1], lines[2]]) + "\n", encoding="utf-8")
    db = tmp_path / "i.duckdb"
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "ingest", str(batch), "--db", str(db)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    from unfog.store import Store

    with Store(str(db), read_only=True) as s:
        rows = s.rows("articles")
    assert len(rows) == 4 and sum(a["status"] == "ok" for a in rows) == 3


# -- row 9: paths in a batch ------------------------------------------------------------------------
def _batch(tmp_path, entries):
    folder = tmp_path / "batch"
    folder.mkdir(exist_ok=True)
    (folder / "story.txt").write_text(GOOD.format(n=2), encoding="utf-8")
    b = folder / "b.jsonl"
    b.write_text("\n".join(json.dumps({"id": f"p{i}", "path": e}) for i, e in enumerate(entries)) + "\n", encoding="utf-8")
    return list(iter_inputs([b]))


def test_batch_paths_stay_in_the_batch_folder(tmp_path):
    (tmp_path / "outside.txt").write_text("secret=1 " * 20, encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", tmp_path / "link.txt") if False else None
    arts = _batch(tmp_path, ["story.txt", "../outside.txt", "/etc/hostname", str(tmp_path / "outside.txt"),
                             "../../../../../../etc/passwd"])
    assert arts[0].status == "ok"
    for a in arts[1:]:
        assert a.status == "failed" and ("outside" in a.error or "absolute" in a.error), a.error
        assert "secret" not in (a.text or "")


def test_batch_path_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "outside.txt").write_text("secret=1 " * 20, encoding="utf-8")
    (tmp_path / "batch").mkdir()
    os.symlink(tmp_path / "outside.txt", tmp_path / "batch" / "inside.txt")
    arts = _batch(tmp_path, ["inside.txt"])
    assert arts[0].status == "failed" and "outside" in arts[0].error


def test_devices_fifos_and_proc_are_not_read(tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")
    for p in ("/dev/zero", "/proc/self/status", str(tmp_path / "fifo.txt")):
        art = next(iter_inputs([p]))
        assert art.status == "failed", p
        assert "regular file" in art.error or "system file" in art.error, art.error
    (tmp_path / "batch").mkdir()
    os.symlink("/dev/zero", tmp_path / "batch" / "zero.txt")
    os.symlink(tmp_path / "fifo.txt", tmp_path / "batch" / "pipe.txt")
    arts = _batch(tmp_path, ["zero.txt", "pipe.txt"])
    assert all(a.status == "failed" for a in arts)


def test_size_cap_applies_to_what_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr("unfog.io.ingest.MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    art = next(iter_inputs([big]))
    assert art.status == "failed" and "larger" in art.error
    long_line = tmp_path / "long.jsonl"
    long_line.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": GOOD.format(n=1)}) + "\n")
    arts = list(iter_inputs([long_line]))
    assert [a.status for a in arts] == ["failed", "ok"] and "longer" in arts[0].error


# -- row 10: one-line errors --------------------------------------------------------------------------
def _one_line_error(r, must_fail=True):
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    assert r.returncode != 0 or not must_fail
    if r.returncode:
        assert len([ln for ln in r.stderr.splitlines() if ln.strip()]) <= 2, r.stderr


def test_truncated_store_is_a_one_line_error(tmp_path):
    db = tmp_path / "good.duckdb"
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": GOOD.format(n=3)}) + "\n")
    subprocess.run([sys.executable, "-m", "unfog.cli", "ingest", str(batch), "--db", str(db)], check=True,
                   capture_output=True, timeout=300)
    data = db.read_bytes()
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(data[: len(data) // 3])
    for cmd in (["claims"], ["events"], ["control"], ["export", "-"]):
        r = subprocess.run([sys.executable, "-m", "unfog.cli", *cmd, "--db", str(cut)], capture_output=True, text=True, timeout=120)
        _one_line_error(r, must_fail=cmd == ["claims"])  # others may find what they read intact


def test_unwritable_report_is_a_one_line_error(tmp_path):
    db = tmp_path / "r.duckdb"
    from unfog.store import Store

    Store(str(db)).close()
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    target = "/proc/forbidden/r.html" if os.geteuid() == 0 else str(ro / "r.html")
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "report", target, "--db", str(db)],
                       capture_output=True, text=True, timeout=120)
    _one_line_error(r)
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "export", target, "--db", str(db)],
                       capture_output=True, text=True, timeout=120)
    _one_line_error(r)
