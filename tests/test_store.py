from __future__ import annotations

import json

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
