"""Every export format, parsed back from what was written."""
from __future__ import annotations

import csv
import json

import pytest

import unfog
from unfog.io.acled import ACLED_COLUMNS
from unfog.io.export import DISPUTABLE
from unfog.io.ingest import UsageError
from unfog.model import RECORD_TYPES
from unfog.store import Store
from unfog.workflows import sample_corpus_path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("export") / "samples.duckdb")
    summary = unfog.ingest_paths([sample_corpus_path()], db=db)
    assert summary["failed"] == 0
    return db


def stored(db, what):
    with Store(db, read_only=True) as s:
        return s.rows(what)


@pytest.mark.parametrize("what", ["articles", "statements", "figures", "places", "events", "relations"])
def test_json_roundtrip(sample_db, tmp_path, what):
    out = tmp_path / f"{what}.json"
    n = unfog.export_table(what, "json", out, db=sample_db)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == n == len(stored(sample_db, what))
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in stored(sample_db, what))


@pytest.mark.parametrize("what", ["articles", "figures", "events"])
def test_csv_roundtrip(sample_db, tmp_path, what):
    out = tmp_path / f"{what}.csv"
    n = unfog.export_table(what, "csv", out, db=sample_db)
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        extra = ["disputed"] if what in DISPUTABLE else []  # True when another record contradicts this one
        assert reader.fieldnames == RECORD_TYPES[what].field_names() + extra
    assert len(rows) == n
    assert {r["id"] for r in rows} == {r["id"] for r in stored(sample_db, what)}
    if what == "events":
        for r in rows:  # list fields are JSON text in a cell
            assert isinstance(json.loads(r["article_ids"]), list)


def test_articles_were_found_in_the_samples(sample_db):
    arts = stored(sample_db, "articles")
    assert len(arts) >= 5 and all(a["status"] == "ok" for a in arts)


@pytest.mark.parametrize("what", ["figures", "events", "articles"])
def test_parquet_roundtrip_with_types(sample_db, tmp_path, what):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / f"{what}.parquet"
    n = unfog.export_table(what, "parquet", out, db=sample_db)
    table = pq.read_table(out)
    extra = ["disputed"] if what in DISPUTABLE else []
    assert table.num_rows == n and table.column_names == RECORD_TYPES[what].field_names() + extra
    assert str(table.schema.field("start" if what != "articles" else "status").type) in ("int64", "string")
    if what == "figures":
        assert str(table.schema.field("value").type) == "double"
        assert str(table.schema.field("verified").type) == "bool"


@pytest.mark.parametrize("what", ["places", "events"])
def test_geojson_features_have_points(sample_db, tmp_path, what):
    out = tmp_path / f"{what}.geojson"
    unfog.export_table(what, "geojson", out, db=sample_db)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    located = [r for r in stored(sample_db, what) if r["lat"] is not None and r["lon"] is not None]
    assert len(doc["features"]) == len(located)
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["id"]


def test_acled_csv_has_acled_columns(sample_db, tmp_path):
    out = tmp_path / "events.csv"
    n = unfog.export_table("events", "acled", out, db=sample_db)
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == ACLED_COLUMNS and len(rows) == n
    for r in rows:
        assert r["event_type"] and r["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments")
        assert r["fatalities"].isdigit()
        assert r["year"] == r["event_date"][:4]


def test_acled_export_never_carries_cumulative_totals_or_background(tmp_path):
    text = ("Shells struck a market in Kharkiv on Tuesday, killing four civilians, officials said.\n\n"
            "More than 9,000 civilians have been killed in the region since the war began, the governor said.\n\n"
            "In 2014, crowds stormed the regional administration building in Kharkiv.\n\n"
            "If the town falls, the troops could shell the airport.")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "acled-1", "text": text, "published": "2022-05-12", "source": "Own Wire"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "a.duckdb")
    assert unfog.ingest_paths([str(src)], db=db)["failed"] == 0
    out = tmp_path / "events.csv"
    n = unfog.export_table("events", "acled", out, db=db)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n >= 1
    assert all(int(r["fatalities"]) < 9000 for r in rows)
    assert not any("2014" in r["event_date"] or "could" in r["notes"] or "since the war" in r["notes"] for r in rows)
    assert any(r["fatalities"] == "4" and r["country"] == "Ukraine" for r in rows)
    hidden = [e for e in stored(db, "events") if set(e["tags"]) & {"background", "hypothetical"}]
    assert hidden  # kept apart in the store, not lost


def test_export_to_stdout(sample_db, capsys):
    n = unfog.export_table("figures", "csv", "-", db=sample_db)
    lines = capsys.readouterr().out.splitlines()
    assert len(list(csv.reader(lines))) == n + 1


@pytest.mark.parametrize("what,fmt,out,msg", [
    ("figures", "acled", "x.csv", "acled is for --what events"),
    ("statements", "geojson", "x.json", "geojson is for"),
    ("figures", "parquet", "-", "cannot go to stdout"),
    ("nothing", "json", "-", "--what must be one of"),
    ("figures", "xlsx", "-", "--format must be one of"),
])
def test_impossible_exports_are_usage_errors(sample_db, what, fmt, out, msg):
    with pytest.raises(UsageError, match=msg):
        unfog.export_table(what, fmt, out, db=sample_db)


def test_acled_rows_carry_actor_names_and_inter_codes():
    from unfog.io.acled import to_acled_rows

    rows = to_acled_rows([
        {"id": "e1", "date": "2024-03-02", "event_type": "Violence against civilians", "actor1": "Unidentified Armed Group (Niger)",
         "actor2": "Civilians (Niger)", "country": "NE"},
        {"id": "e2", "date": "2024-03-03", "event_type": "Battles", "actor1": "Military Forces of Chad",
         "actor2": "Rapid Support Forces", "country": "SD"},
        {"id": "e3", "date": "2024-03-04", "event_type": "Protests", "actor1": "Protesters (Kenya)", "actor2": None},
    ])
    assert [(r["actor1"], r["inter1"], r["actor2"], r["inter2"]) for r in rows] == [
        ("Unidentified Armed Group (Niger)", 3, "Civilians (Niger)", 7),
        ("Military Forces of Chad", 1, "Rapid Support Forces", 2),
        ("Protesters (Kenya)", 6, "", ""),
    ]


def test_acled_rows_leave_out_tolls_over_a_period_and_give_declarations_no_fatalities():
    from unfog.io.acled import to_acled_rows
    from unfog.model import Article
    from unfog.pipeline import process

    text = ("At least 12 people, among them five children, were killed when shells hit a market in Kharkiv on "
            "Tuesday, officials said.\n\n"
            "Attacks have killed more than 3,000 civilians in the region this year, according to the governor.\n\n"
            "The commander has declared victory in the battle for the region, where 2,000 soldiers died.")
    res = process(Article(id=Article.id_for_text(text), text=text, published="2022-05-12"))
    rows = to_acled_rows([e.to_dict() for e in res.events])
    assert rows and all(int(r["fatalities"]) < 3000 for r in rows)
    assert any(int(r["fatalities"]) == 12 for r in rows)  # the toll, never the subset of five
    declared = [r for r in rows if "declared" in str(r["notes"])]
    assert declared and all(r["event_type"] == "Strategic developments" and int(r["fatalities"]) == 0 for r in declared)
