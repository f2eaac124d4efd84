from __future__ import annotations

import json

import pytest

from unfog.store import Store
from unfog.workflows import ingest_paths


def test_reingesting_adds_nothing(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join(json.dumps({"id": str(i), "text": f"Article {i}: twelve civilians were killed in Mariupol, officials said.", "published": "2022-03-10"}) for i in range(3)) + "\n")
    db = str(tmp_path / "u.duckdb")
    first = ingest_paths([batch], db=db)
    with Store(db) as s:
        counts = s.counts()
    second = ingest_paths([batch], db=db)
    with Store(db) as s:
        assert s.counts() == counts
    assert first["added"]["articles"] == 3
    assert second["skipped"] == 3 and sum(second["added"].values()) == 0


def test_roundtrip_records(tmp_path):
    from unfog.model import Article, ArticleRecords, Event, Figure

    art = Article(id="art_x", text="Ten people were killed.")
    fig = Figure(id="fig_1", article_id="art_x", text="Ten", start=0, end=3, value=10, low=10, high=10, category="killed")
    ev = Event(id="evt_1", article_ids=["art_x"], event_type="Battles", sub_event_type="Armed clash", text="x", start=0, end=1, tags=["siege"])
    with Store(str(tmp_path / "s.duckdb")) as s:
        s.write([ArticleRecords(article=art, figures=[fig], events=[ev])])
        back = s.article_records("art_x")
    assert back.figures[0].value == 10 and back.figures[0].category == "killed"
    assert back.events[0].tags == ["siege"] and back.events[0].article_ids == ["art_x"]


def test_not_a_duckdb_file_is_a_plain_error(tmp_path):
    import pytest

    from unfog.store import StoreError

    bad = tmp_path / "notes.duckdb"
    bad.write_text("just some notes", encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB file"):
        Store(str(bad))
    with pytest.raises(StoreError, match="folder"):
        Store(str(tmp_path))
    with pytest.raises(StoreError, match="no store"):
        Store(str(tmp_path / "absent.duckdb"), read_only=True)


def test_inputs_table_records_input_version_and_outcome(tmp_path):
    from unfog import __version__

    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": "Two soldiers were wounded near Izium, officials said."}) + "\n{oops\n")
    copy = tmp_path / "again.jsonl"
    copy.write_text(batch.read_text().splitlines()[0] + "\n")
    db = str(tmp_path / "u.duckdb")
    ingest_paths([batch], db=db)
    ingest_paths([copy], db=db)  # same article from another input: noted, not stored twice
    with Store(db) as s:
        rows = s.rows("inputs", order="input_ref")
        assert s.count("articles") == 2
    assert {r["unfog_version"] for r in rows} == {__version__}
    assert [(r["input_ref"].rsplit("/", 1)[-1], r["status"]) for r in rows] == [
        ("again.jsonl:1", "ok"), ("b.jsonl:1", "ok"), ("b.jsonl:2", "failed")]
    assert rows[0]["article_id"] == rows[1]["article_id"]
    assert "not valid JSON" in rows[2]["error"] and rows[2]["processed_at"] is not None


def test_old_stores_gain_new_columns(tmp_path):
    import duckdb

    db = str(tmp_path / "old.duckdb")
    con = duckdb.connect(db)
    con.execute("CREATE TABLE inputs (input_ref VARCHAR, article_id VARCHAR, content_hash VARCHAR, unfog_version VARCHAR, "
                "status VARCHAR, PRIMARY KEY (input_ref, article_id))")
    con.execute("CREATE TABLE figures (id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, start BIGINT, \"end\" BIGINT)")
    con.close()
    with Store(db) as s:
        assert {"error", "processed_at"} <= {r[0] for r in s.con.execute("DESCRIBE inputs").fetchall()}
        assert "category" in {r[0] for r in s.con.execute("DESCRIBE figures").fetchall()}


def test_api_ingest_texts_and_export_table(tmp_path):
    import unfog

    db = tmp_path / "api.duckdb"
    summary = unfog.ingest_texts(["Three people were wounded in Kharkiv on Monday.",
                                  {"id": "x", "text": "Troops left the village.", "published": "2022-03-01"}],
                                 db=db, published="2022-03-10")
    assert summary["added"]["articles"] == 2 and summary["failed"] == 0
    out = tmp_path / "a.json"
    assert unfog.export_table("articles", "json", out, db=db) == 2
    arts = {a["external_id"]: a for a in json.loads(out.read_text())}
    assert arts["x"]["published"] == "2022-03-01" and arts[None]["published"] == "2022-03-10"


def _strike(event_id, article_id, day, fatalities, start=0):
    from unfog.model import Event

    return Event(id=event_id, article_ids=[article_id], event_type="Explosions/Remote violence",
                 sub_event_type="Air/drone strike", text="A drone hit the market.", start=start, end=start + 23,
                 place="El Fasher", lat=13.628, lon=25.349, date=day, time_precision=1, fatalities=fatalities,
                 figure_ids=[f"fig_{event_id}"], evidence=[{"text": "A drone hit the market.", "start": start, "end": start + 23}])


def test_events_are_stored_merged_with_every_source(tmp_path):
    from unfog.model import Article, ArticleRecords

    a = ArticleRecords(article=Article(id="art_a", text="x", published="2024-06-09"), events=[_strike("evt_a", "art_a", "2024-06-08", 40)])
    b = ArticleRecords(article=Article(id="art_b", text="y", published="2024-06-10"), events=[_strike("evt_b", "art_b", "2024-06-08", 35)])
    c = ArticleRecords(article=Article(id="art_c", text="z", published="2024-06-20"), events=[_strike("evt_c", "art_c", "2024-06-19", 3)])
    with Store(str(tmp_path / "m.duckdb")) as s:
        s.write([a])
        s.write([b, c])
        rows = sorted(s.rows("events"), key=lambda r: r["date"])
        assert len(rows) == 2  # one incident told twice, another once
        merged = rows[0]
        assert merged["article_ids"] == ["art_a", "art_b"] and sorted(merged["merged_from"]) == ["evt_a", "evt_b"]
        assert merged["fatalities"] == 35 and set(merged["figure_ids"]) == {"fig_evt_a", "fig_evt_b"}
        assert {e["article_id"] for e in merged["evidence"]} == {"art_a", "art_b"}
        assert [e.id for e in s.article_records("art_b").events] == ["evt_b"]  # what the article itself gave
        s.write([b], replace=True)  # re-extracting a source keeps one merged record
        assert len(s.rows("events")) == 2
        s.delete_article_records("art_a")
        rows = sorted(s.rows("events"), key=lambda r: r["date"])
        assert rows[0]["article_ids"] == ["art_b"] and rows[0]["fatalities"] == 35


def _incident_reports(n: int = 80):
    """Articles each telling one incident: a few towns (by name, coordinates or GeoNames id, spelt two
    ways), a few types, days close together, so that reports merge in chains."""
    import random

    from unfog.model import Article, ArticleRecords, Event

    rng = random.Random(4)
    towns = [("Vell Harbour", 1101, 48.10, 37.20), ("Dunmere", 1102, 48.30, 37.60), ("Kestrel Ford", 1103, 47.90, 36.90)]
    kinds = [("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash")]
    out = []
    for i in range(n):
        name, gid, lat, lon = rng.choice(towns)
        kind, sub = rng.choice(kinds)
        day = f"2024-03-{rng.randrange(1, 12):02d}"
        ev = Event(id=f"evt_{i:03d}", article_ids=[f"art_{i:03d}"], event_type=kind, sub_event_type=sub,
                   text="Shells fell on the market.", start=0, end=26, date=day, time_precision=1,
                   place=name.replace("ll", "l") if rng.random() < 0.3 else name,
                   geonames_id=gid if rng.random() < 0.3 else None,
                   lat=lat + rng.uniform(-0.05, 0.05) if rng.random() < 0.5 else None, lon=lon if rng.random() < 0.9 else None)
        if ev.lat is None:
            ev.lon = None
        out.append(ArticleRecords(article=Article(id=f"art_{i:03d}", text="x", published=day), events=[ev]))
    return out


@pytest.mark.parametrize("chunk,order", [(7, "reversed"), (5, "shuffled"), (1, "forward")])
def test_merged_events_are_the_same_whatever_the_order_and_chunk_size(tmp_path, chunk, order):
    """Merging reads only the stored events near the new ones (type, days, place), yet the merged
    records equal those of one chunk holding everything."""
    import random

    items = _incident_reports()
    with Store(str(tmp_path / "one.duckdb")) as s:
        s.write(items)
        expected = s.rows("events")
    assert any(len(e["merged_from"]) > 2 for e in expected)  # chains, not only pairs
    if order == "reversed":
        items.reverse()
    elif order == "shuffled":
        random.Random(9).shuffle(items)
    with Store(str(tmp_path / "chunks.duckdb")) as s:
        for k in range(0, len(items), chunk):
            s.write(items[k:k + chunk])
        assert s.rows("events") == expected
        s.delete_article_records("art_000")  # the other reports of its incident stay merged, as written without it
        left = s.rows("events")
    with Store(str(tmp_path / "without.duckdb")) as s:
        s.write([r for r in _incident_reports() if r.article.id != "art_000"])
        assert left == s.rows("events")


def test_readers_see_commits_without_waiting_and_share_the_open_database(tmp_path):
    """The desk's read path: a reader per request on the open database, never blocked by the writer."""
    from unfog.model import Article, ArticleRecords

    db = tmp_path / "r.duckdb"
    with Store(db) as writer:
        reader = writer.reader()
        assert reader.count("articles") == 0
        writer.con.execute("BEGIN TRANSACTION")
        writer._insert("articles", [Article(id="art_00000000000000aa", text="x")])
        assert reader.count("articles") == 0  # an open write is not seen, and the read does not wait for it
        writer.con.execute("COMMIT")
        assert reader.count("articles") == 1  # the next read sees the commit
        reader.close()
        with Store(db, read_only=True) as same_process:  # read-only inside the writing process shares its database
            assert same_process.count("articles") == 1
        writer.write([ArticleRecords(article=Article(id="art_00000000000000bb", text="y"))])
        assert writer.reader().count("articles") == 2


def test_outbox_job_runs_on_the_writer_thread(tmp_path, monkeypatch):
    """Another process's job (here: this process pretending) is run by the desk's writer and answered."""
    import json as _json

    from unfog.store import outbox

    db = str(tmp_path / "o.duckdb")
    seen = []
    writer = outbox.Writer(db, {"echo": lambda d, job: seen.append(job["n"]) or {"n": job["n"] * 2}}).start()
    try:
        assert _json.loads(outbox.desk_note(db).read_text())["pid"]
        assert outbox.desk_serving(db) is None  # our own desk is not "another process"
        monkeypatch.setattr(outbox, "desk_serving", lambda path: {"pid": 1})
        assert outbox.submit(db, {"kind": "echo", "n": 21}, timeout=20) == {"n": 42}
        with pytest.raises(RuntimeError, match="unknown job kind"):
            outbox.submit(db, {"kind": "nothing"}, timeout=20)
        assert writer.put({"kind": "echo", "n": 1}).get(timeout=20) == {"result": {"n": 2}}
        assert seen == [21, 1]
    finally:
        writer.close()
    assert not outbox.desk_note(db).exists()
