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
