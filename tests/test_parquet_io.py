"""The Parquet folder layout: tables, columns, aligned parts, and ingest of a folder."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from unfog.io import parquet as parquet_io
from unfog.cli import app
from unfog.io.ingest import iter_inputs
from unfog.model import RECORD_TYPES, Article, ArticleRecords, DateMention, Event, Figure
from unfog.store import Store, columns
from unfog.workflows import ingest_paths

BATCH = Path(__file__).parent / "fixtures" / "engine_batch.jsonl"


def _result(i: int) -> ArticleRecords:
    art = Article(id=f"art_{i}", text=f"Text {i}", published="2022-03-01", warnings=["w"] if i % 2 else [])
    res = ArticleRecords(article=art)
    res.figures.append(Figure(id=f"fig_{i}", article_id=art.id, text="12", start=0, end=2, value=12, category="killed"))
    res.dates.append(DateMention(id=f"dat_{i}", article_id=art.id, text="Text", start=0, end=4, date="2022-03-01"))
    res.events.append(Event(id=f"evt_{i}", article_ids=[art.id], event_type="Battles", sub_event_type="Armed clash",
                            text="Text", start=0, end=4, tags=["t"], evidence=[{"article_id": art.id, "start": 0, "end": 4}]))
    return res


def test_every_table_folder_with_the_store_columns(tmp_path):
    w = parquet_io.PartWriter(tmp_path, part_articles=2)
    for i in range(5):
        w.add(_result(i))
    w.close()
    parquet_io.write_relations(tmp_path, [])
    assert parquet_io.is_layout(tmp_path)
    for name, cls in RECORD_TYPES.items():
        files = sorted((tmp_path / name).glob("*.parquet"))
        assert files, name
        schema = pq.read_schema(files[0])
        assert schema.names == [c for c, _ in columns(cls)] == cls.field_names()
    # Parts are aligned: part N of each table holds the records of articles/part-N.
    assert [p.name for p in parquet_io.part_paths(tmp_path)] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [len(pq.read_table(p)) for p in parquet_io.part_paths(tmp_path, "figures")] == [2, 2, 1]


def test_records_read_back_equal(tmp_path):
    originals = [_result(i) for i in range(3)]
    w = parquet_io.PartWriter(tmp_path, part_articles=2)
    for r in originals:
        w.add(r)
    w.close()
    back = list(parquet_io.iter_results(tmp_path))
    assert [r.article.id for r in back] == ["art_0", "art_1", "art_2"]
    for a, b in zip(originals, back):
        for name in a.tables():
            assert [x.to_dict() for x in a.tables()[name]] == [x.to_dict() for x in b.tables()[name]], name
    # JSON columns are JSON text, queryable with DuckDB over the glob
    tags = duckdb.sql(f"SELECT tags FROM {parquet_io.table_sql(tmp_path, 'events')} ORDER BY id").fetchall()
    assert [json.loads(t[0]) for t in tags] == [["t"]] * 3


def test_empty_batch_still_gives_every_folder(tmp_path):
    w = parquet_io.PartWriter(tmp_path)
    w.close()
    for name in parquet_io.ARTICLE_TABLES:
        assert len(pq.read_table(tmp_path / name / "part-00000.parquet")) == 0


def test_rerun_replaces_previous_parts(tmp_path):
    w = parquet_io.PartWriter(tmp_path, part_articles=1)
    for i in range(3):
        w.add(_result(i))
    w.close()
    w = parquet_io.PartWriter(tmp_path, part_articles=1)
    w.add(_result(9))
    w.close()
    assert [r.article.id for r in parquet_io.iter_results(tmp_path)] == ["art_9"]


@pytest.mark.slow
def test_folder_ingest_gives_the_store_of_direct_ingest(tmp_path):
    out = tmp_path / "out"
    done = parquet_io.extract_to_folder(iter_inputs([BATCH]), out, part_articles=3)
    assert done["counts"]["articles"] == 8 and done["failed"] == 2
    assert len(parquet_io.part_paths(out)) == 3
    via_folder = ingest_paths([str(out)], db=str(tmp_path / "a.duckdb"))
    direct = ingest_paths([str(BATCH)], db=str(tmp_path / "b.duckdb"))
    assert via_folder["added"] == direct["added"]
    with Store(tmp_path / "a.duckdb", read_only=True) as a, Store(tmp_path / "b.duckdb", read_only=True) as b:
        for name in RECORD_TYPES:
            assert a.rows(name) == b.rows(name), name
    again = ingest_paths([str(out)], db=str(tmp_path / "a.duckdb"))  # running twice adds nothing
    assert sum(again["added"].values()) == 0 and again["skipped"] == 8


@pytest.mark.slow
def test_cli_extract_out_then_ingest(tmp_path):
    runner = CliRunner()
    out = tmp_path / "tables"
    r = runner.invoke(app, ["extract", "--out", str(out), str(BATCH)])
    assert r.exit_code == 0, r.output
    assert all((out / name).is_dir() for name in RECORD_TYPES)
    r = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), str(out)])
    assert r.exit_code == 0, r.output
    with Store(tmp_path / "x.duckdb", read_only=True) as s:
        assert s.count("articles") == 8
    r = runner.invoke(app, ["extract", "--out", str(out), "--json", str(BATCH)])
    assert r.exit_code == 2
    r = runner.invoke(app, ["extract", "--engine", "spark", str(BATCH)])
    assert r.exit_code == 2
