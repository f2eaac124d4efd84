"""The benchmark: a deterministic corpus and a report that adds up (no speed assertions)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from unfog import bench
from unfog.cli import app


def test_corpus_is_deterministic_and_made_of_sample_paragraphs():
    a, b = bench.make_corpus(20, seed=3), bench.make_corpus(20, seed=3)
    assert a == b
    assert a != bench.make_corpus(20, seed=4)
    assert len({r["id"] for r in a}) == 20
    paras = {p for p, _ in bench.sample_paragraphs()}
    for row in a:
        assert all(p in paras for p in row["text"].split("\n\n"))
        assert row["published"]


def test_read_corpus_keeps_rows_with_text(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": 1, "text": "One."}\n\n{"id": 2}\n{"id": 3, "text": "Three."}\n', encoding="utf-8")
    assert [r["id"] for r in bench.read_corpus(p)] == [1, 3]
    assert [r["id"] for r in bench.read_corpus(p, limit=1)] == [1]


@pytest.mark.slow
def test_report_adds_up(nlp):
    rows = bench.make_corpus(4, seed=1)
    r = bench.benchmark(rows, batch_size=4)
    assert r["articles"] == 4
    assert r["words"] == sum(len(x["text"].split()) for x in rows)
    assert r["bare_spacy"]["words_per_s"] > 0 and r["unfog"]["words_per_s"] > 0
    assert r["ratio"] == pytest.approx(r["bare_spacy"]["seconds"] / r["unfog"]["seconds"], rel=0.01)
    stages = r["unfog"]["stages"]
    assert {"spacy", "dates", "places", "statements", "figures", "events", "other"} <= set(stages)
    assert sum(s["seconds"] for s in stages.values()) == pytest.approx(r["unfog"]["seconds"], abs=0.01)
    assert r["peak_rss_mb"] > 50
    assert r["startup"]["bare_model_seconds"] > 0 and r["startup"]["unfog_pipeline_seconds"] >= 0
    text = bench.format_report(r)
    assert "ratio" in text and "spacy" in text


@pytest.mark.slow
def test_cli_bench_json():
    res = CliRunner().invoke(app, ["bench", "--articles", "3", "--json", "--batch-size", "4"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.strip().splitlines()[-1])
    assert doc["articles"] == 3 and doc["ratio"] > 0
    assert CliRunner().invoke(app, ["bench", "--workers", "x"]).exit_code == 2
    assert CliRunner().invoke(app, ["bench", "--input", "/nonexistent.jsonl"]).exit_code == 2


@pytest.mark.slow
def test_whole_process_report_times_both_commands():
    r = bench.whole_process(bench.make_corpus(2, seed=2), batch_size=2)
    assert r["bare_seconds"] > 0 and r["unfog_seconds"] > 0
    assert r["ratio"] == pytest.approx(r["bare_seconds"] / r["unfog_seconds"], rel=0.01)
    assert r["unfog_peak_rss_mb"] > 50
    assert r["bare_cpu_seconds"] > 0 and r["unfog_cpu_seconds"] > 0
    st = r["startup"]  # the same commands on one article: start-up, measured apart
    assert 0 < st["unfog_seconds"] and 0 < st["bare_seconds"] and st["unfog_cpu_seconds"] > 0
