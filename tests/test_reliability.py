"""Reliability: crash safety, idempotent ingest, reprocess, long and foreign articles, failing extractors.

docs/reliability.md lists each guarantee with the test here that proves it.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

import unfog
from unfog import pipeline
from unfog.io.ingest import article_from_text
from unfog.model import RECORD_TYPES
from unfog.store import Store
from unfog.workflows import sample_corpus_path


def sample_paragraphs() -> list[str]:
    with open(sample_corpus_path(), encoding="utf-8") as fh:
        return [p for line in fh for p in json.loads(line)["text"].split("\n\n") if len(p) > 80]


def write_batch(path, n: int):
    """n distinct articles of two sample paragraphs each (our own invented text)."""
    paras = sample_paragraphs()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"{paras[i % len(paras)]}\n\n{paras[(7 * i + 3) % len(paras)]}\n\nThis is report {i} of the desk."
            fh.write(json.dumps({"id": f"r{i}", "text": text, "published": "2022-03-%02d" % (1 + i % 28), "source": "Desk"}) + "\n")
    return path


def snapshot(db: str) -> dict[str, list]:
    """Every table's ids (inputs: its keys), sorted, duplicates kept so they would show."""
    with Store(db, read_only=True) as s:
        snap = {name: sorted(r[0] for r in s.con.execute(f"SELECT id FROM {name}").fetchall()) for name in RECORD_TYPES}
        snap["inputs"] = sorted(s.con.execute("SELECT input_ref, article_id FROM inputs").fetchall())
    return snap


def ingest_cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "unfog.cli", "ingest", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path):
    batch = write_batch(tmp_path / "batch.jsonl", 40)
    killed_db, clean_db = str(tmp_path / "killed.duckdb"), str(tmp_path / "clean.duckdb")

    proc = ingest_cli("--db", killed_db, "--chunk", "2", str(batch))
    deadline = time.monotonic() + 300
    committed = 0
    for line in proc.stderr:  # "committed N new article(s)" follows each transaction
        if line.startswith("committed"):
            committed = int(line.split()[1])
            break
        assert time.monotonic() < deadline, "ingest never committed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL and committed >= 2
    partial = snapshot(killed_db)
    assert 2 <= len(partial["articles"]) < 40, "the kill did not land mid-way"

    rerun = ingest_cli("--db", killed_db, "--chunk", "2", str(batch))
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "already stored" in err

    summary = unfog.ingest_paths([str(batch)], db=clean_db, chunk=50)
    assert summary["failed"] == 0
    resumed, clean = snapshot(killed_db), snapshot(clean_db)
    assert len(clean["articles"]) == 40
    for table in clean:
        assert resumed[table] == clean[table], table
        assert len(set(map(str, resumed[table]))) == len(resumed[table]), f"duplicates in {table}"


def test_ingesting_the_same_input_twice_changes_nothing(tmp_path):
    batch = write_batch(tmp_path / "b.jsonl", 4)
    with open(batch, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "dup", "text": json.loads(batch.read_text().splitlines()[0])["text"]}) + "\n")
    db = str(tmp_path / "u.duckdb")
    first = unfog.ingest_paths([batch], db=db)
    before = snapshot(db)
    second = unfog.ingest_paths([batch], db=db)
    assert snapshot(db) == before
    assert sum(second["added"].values()) == 0 and second["skipped"] == 6
    assert first["failed"] == second["failed"] == 1
    assert any(a.endswith("-dup1") for a in before["articles"])  # a repeat is kept, pointing at the first


def test_reprocess_replaces_records_of_other_versions(tmp_path):
    batch = write_batch(tmp_path / "b.jsonl", 3)
    db = str(tmp_path / "u.duckdb")
    unfog.ingest_paths([batch], db=db)
    expected = snapshot(db)
    with Store(db) as s:  # pretend article 0 came from an old unfog whose records were different
        old = s.rows("articles", order="id")[0]["id"]
        s.con.execute("UPDATE articles SET unfog_version = '0.0.1' WHERE id = ?", [old])
        s.con.execute("UPDATE inputs SET unfog_version = '0.0.1' WHERE article_id = ?", [old])
        s.con.execute("DELETE FROM figures WHERE article_id = ?", [old])
        s.con.execute("INSERT INTO figures (id, article_id, text, start, \"end\", category) VALUES ('fig_stale', ?, 'x', 0, 1, 'other')", [old])
    summary = unfog.reprocess(db)
    assert summary["seen"] == 1 and summary["failed"] == 0
    assert snapshot(db) == expected
    with Store(db, read_only=True) as s:
        assert {r[0] for r in s.con.execute("SELECT DISTINCT unfog_version FROM inputs").fetchall()} == {unfog.__version__}
    assert unfog.reprocess(db)["seen"] == 0  # nothing left of another version
    assert unfog.reprocess(db, everything=True)["seen"] == 3
    assert snapshot(db) == expected


def test_reprocess_command(tmp_path):
    batch = write_batch(tmp_path / "b.jsonl", 2)
    db = str(tmp_path / "u.duckdb")
    unfog.ingest_paths([batch], db=db)
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "reprocess", "--db", db, "--all"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "re-extracted 2 article(s)" in r.stderr


def assert_offsets_index_the_article(batch, text: str) -> int:
    n = 0
    for name in ("statements", "figures", "places", "dates", "events"):
        for rec in batch.table(name):
            assert 0 <= rec.start <= rec.end <= len(text), (name, rec.start, rec.end)
            span = rec.name if name == "places" else rec.text
            if name != "events" or span == text[rec.start:rec.end]:
                assert text[rec.start:rec.end] == span, (name, rec.start, span[:60])
            n += 1
    return n


@pytest.mark.slow
def test_a_5_mb_article_is_processed_in_pieces_with_offsets_into_the_original(monkeypatch):
    import spacy

    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 6_000_000)  # the default limit is 3 MB

    paras = sample_paragraphs()
    parts, size, i = [], 0, 0
    while size < 5_000_000:
        parts.append(paras[i % len(paras)])
        size += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts)
    assert len(text) >= 5_000_000 and len(pipeline.split_pieces(text)) > 40
    # a tokenizer and sentencizer stand in for the statistical model: the full model takes minutes on 5 MB,
    # and what is under test is the cutting into pieces and the offsets, through every extractor
    light = spacy.blank("en")
    light.add_pipe("sentencizer")
    batch = unfog.extract([{"text": text, "published": "2022-03-10"}], nlp=light, fuse=False)
    art = batch.results[0].article
    assert art.status == "ok" and art.text == text
    assert assert_offsets_index_the_article(batch, text) > 1000
    last = max(r.start for name in ("figures", "places", "dates") for r in batch.table(name))
    assert last > len(text) - 100_000, "records from the last piece are missing"


def test_pieces_with_the_real_model_keep_offsets(monkeypatch):
    paras = sample_paragraphs()
    text = "\n\n".join(paras[i % len(paras)] for i in range(60))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(pipeline.split_pieces, "__defaults__", (3_000,))
    assert len(pipeline.split_pieces(text)) > 4
    batch = unfog.extract([{"text": text, "published": "2022-03-10"}], fuse=False)
    assert assert_offsets_index_the_article(batch, text) > 20
    assert max(f.start for f in batch.table("dates") + batch.table("places")) > len(text) - 3_000


def test_split_pieces_covers_the_text_exactly():
    text = ("word " * 50 + "\n\n") * 400 + "x" * 30_000
    pieces = pipeline.split_pieces(text, limit=5_000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p and len(p) <= 5_000 for o, p in pieces)


def test_articles_above_the_limit_fail_with_the_reason(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 1_000)
    batch = unfog.extract(["Shelling went on. " * 100, "Two people were wounded in Kharkiv."], fuse=False)
    big, small = (r.article for r in batch.results)
    assert big.status == "failed" and "the limit is 1,000" in big.error
    assert small.status == "ok"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les bombardements ont repris ce matin dans le port, et les habitants attendent toujours un couloir humanitaire."),
    ("uk", "Обстріли міста тривали всю ніч, а мешканці досі чекають на гуманітарний коридор для евакуації."),
    ("de", "Die Stadt wurde die ganze Nacht beschossen, und die Bewohner warten immer noch auf einen Fluchtkorridor."),
])
def test_non_english_is_detected_reported_and_not_mangled(lang, text):
    batch = unfog.extract([text + " 12 Menschen, 12 люди, 12 personnes."], fuse=False)
    art = batch.results[0].article
    assert art.language == lang and art.status == "ok"
    assert art.text.startswith(text)
    assert any("not English" in w for w in art.warnings)
    assert not batch.table("figures")


def test_a_crashing_extractor_is_reported_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setenv("UNFOG_STRICT", "0")  # the guard of normal runs (tests run strict)

    def broken(ctx):
        raise RuntimeError("boom")

    stages = [(n, broken if n == "figures" else f, a) for n, f, a in pipeline.STAGES]
    monkeypatch.setattr(pipeline, "STAGES", stages)
    batch = unfog.extract(["Russian shelling killed 12 civilians in Mariupol on Monday.", "Troops left Kherson."],
                          published="2022-03-10", fuse=False)
    assert [r.article.status for r in batch.results] == ["ok", "ok"]
    assert all(any("figures extractor failed" in w and "boom" in w for w in r.article.warnings) for r in batch.results)
    assert not batch.table("figures")
    with pytest.raises(RuntimeError):
        list(pipeline.process_stream([article_from_text("Ten were hurt.")], options={"strict": True}))
