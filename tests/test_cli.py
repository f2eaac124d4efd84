"""The command line: exit statuses, plain-words usage errors, summaries, demo."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest


def unfog(*args: str, cwd=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unfog.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def no_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr


@pytest.fixture()
def not_a_db(tmp_path):
    p = tmp_path / "notes.duckdb"
    p.write_text("not a database", encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("args,message", [
    (["ingest"], "Missing argument"),
    (["extract", "--json"], "Missing argument"),
    (["ingest", "no-such-file.jsonl"], "no such file or folder: no-such-file.jsonl"),
    (["extract", "--json", "missing.txt"], "no such file or folder"),
    (["ingest", "--chunk", "zero", "x"], "Invalid value"),
    (["export", "--what", "nothing", "-"], "--what must be one of"),
    (["export", "--what", "figures", "--format", "acled", "-"], "acled is for --what events"),
    (["export", "--db", "absent.duckdb", "--what", "figures", "-"], "no store at absent.duckdb"),
    (["reprocess", "--db", "absent.duckdb"], "no store at absent.duckdb"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_exit_2_with_a_message(tmp_path, args, message):
    r = unfog(*args, cwd=tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert message in r.stderr
    no_traceback(r)


@pytest.mark.parametrize("command", [["ingest", "--db", "{db}", "{input}"], ["export", "--db", "{db}", "--what", "figures", "-"]])
def test_a_db_that_is_not_duckdb_is_a_usage_error(tmp_path, not_a_db, command):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": "Ten people were hurt."}) + "\n")
    r = unfog(*[a.format(db=not_a_db, input=batch) for a in command])
    assert r.returncode == 2 and "is not a DuckDB file" in r.stderr
    no_traceback(r)


def test_ingest_accounts_for_every_line_and_exits_0(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "text": "Russian shelling killed 12 civilians in Mariupol on Monday, officials said.",
                    "published": "2022-03-10"}),
        "{this is not json",
        json.dumps({"id": "b", "path": "gone.txt"}),
        json.dumps({"id": "c", "text": "Two soldiers were captured near Izium.", "published": "when the snow melts"}),
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "u.duckdb"
    r = unfog("ingest", "--db", str(db), str(batch))
    assert r.returncode == 0, r.stderr
    assert "4 articles" in r.stderr and "2 article(s) failed" in r.stderr
    assert "line 2 is not valid JSON" in r.stderr and "file not found" in r.stderr
    out = unfog("export", "--db", str(db), "--what", "articles", "--format", "json", "-")
    arts = {a["external_id"]: a for a in json.loads(out.stdout)}
    assert len(json.loads(out.stdout)) == 4
    assert arts["c"]["published"] is None and "could not be parsed" in arts["c"]["warnings"][0]
    again = unfog("ingest", "--db", str(db), str(batch))
    assert again.returncode == 0 and "4 articles, 0 new" in again.stderr and "already stored" in again.stderr


def test_export_csv_to_stdout(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": "Officials said 40 people were evacuated from Mariupol on Sunday.", "published": "2022-03-20"}) + "\n")
    db = str(tmp_path / "u.duckdb")
    assert unfog("ingest", "--db", db, str(batch)).returncode == 0
    r = unfog("export", "--db", db, "--what", "articles", "--format", "csv", "-")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 1 and rows[0]["status"] == "ok" and rows[0]["published"] == "2022-03-20"


def test_default_db_comes_from_the_environment(tmp_path):
    import os

    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": "Shelling continued overnight."}) + "\n")
    env = {**os.environ, "UNFOG_DB": str(tmp_path / "env.duckdb")}
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "ingest", str(batch)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "env.duckdb").exists() and not (tmp_path / "unfog.duckdb").exists()


def test_demo_summarises_the_sample_corpus(tmp_path):
    r = unfog("demo", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for word in ("articles", "statements", "figures", "places", "events"):
        assert word in r.stdout
    assert "unfog-demo.duckdb" in r.stdout and (tmp_path / "unfog-demo.duckdb").exists()
    no_traceback(r)


# -- the commands around the desk (issue 14) ------------------------------------------------

@pytest.fixture()
def small_store(tmp_path):
    """Two articles about two towns, hand-made: one event each, one figure."""
    from unfog.model import Article, ArticleRecords, Event, Figure, Place, stable_id
    from unfog.store import Store

    results = []
    for i, (town, day) in enumerate((("Lyman", "2022-09-01"), ("Kupiansk", "2022-10-01"))):
        text = f"Shelling hit {town} on Monday and 3 people were wounded, officials said."
        art = Article(id=stable_id("art", text), text=text, title=f"Shelling in {town}", published=day)
        res = ArticleRecords(article=art)
        res.events = [Event(id=stable_id("evt", art.id, 0), article_ids=[art.id], event_type="Explosions/Remote violence",
                            sub_event_type="Shelling/artillery/missile attack", text=text[:30], start=0, end=30, place=town,
                            date=day, lat=49.0 + i, lon=37.8)]
        res.figures = [Figure(id=stable_id("fig", art.id, 40), article_id=art.id, text="3 people", start=40, end=48, value=3,
                              category="injured", claimant="officials", date=day, place=town, verified=i == 0)]
        res.places = [Place(id=stable_id("plc", art.id, 13), article_id=art.id, name=town, start=13, end=13 + len(town))]
        results.append(res)
    db = tmp_path / "small.duckdb"
    with Store(db) as store:
        store.write(results)
    return str(db)


def _run(*args):
    from typer.testing import CliRunner

    from unfog.cli import app

    return CliRunner().invoke(app, list(args))


def test_events_unknown_type_and_bad_days_are_errors(small_store):
    r = _run("events", "--db", small_store, "--type", "Batles")
    assert r.exit_code == 2 and "matches no event type" in r.output and "Explosions/Remote violence" in r.output
    assert _run("events", "--db", small_store, "--type", "shelling").exit_code == 0  # a sub-event type, any case
    r = _run("events", "--db", small_store, "--since", "2022-02-30")
    assert r.exit_code == 2 and "is not a date" in r.output
    r = _run("events", "--db", small_store, "--since", "2022-10-01", "--until", "2022-09-01")
    assert r.exit_code == 2 and "after --until" in r.output


def test_report_totals_follow_its_filters(small_store, tmp_path):
    r = _run("report", str(tmp_path / "r.html"), "--db", small_store, "--place", "Lyman")
    assert r.exit_code == 0, r.output
    assert "1 articles, 1 figures, 1 events" in r.output and "within place Lyman" in r.output
    r = _run("report", str(tmp_path / "all.html"), "--db", small_store)
    assert "2 articles, 2 figures, 2 events" in r.output


def test_claims_contested_says_when_there_is_none(small_store):
    r = _run("claims", "--db", small_store, "--contested")
    assert r.exit_code == 0 and "no contested figures" in r.output and "no figures to list" not in r.output


def test_control_names_who_disputes():
    from unfog.cli import _name_disputers

    tl = {"x": {"place": "Town", "claims": [
        {"id": "art_1:10", "claimant": "army spokesman", "claimant_side": "AAA", "date": "2022-05-01", "disputed_by": ["art_2:5"]},
        {"id": "art_2:5", "claimant": "regional governor", "claimant_side": "BBB", "date": "2022-05-02", "disputed_by": []}]}}
    _name_disputers(tl)
    assert tl["x"]["claims"][0]["disputed_by_names"] == ["regional governor (BBB, 2022-05-02)"]
    assert tl["x"]["claims"][0]["disputed_by"] == ["art_2:5"]  # ids kept for --json


def test_engine_ray_without_ray_is_one_line(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    src = tmp_path / "a.txt"
    src.write_text("Officials said the bridge was closed.", encoding="utf-8")
    r = _run("extract", "--engine", "ray", str(src))
    assert r.exit_code == 2 and "needs Ray" in r.output and len(r.output.strip().splitlines()) == 1
