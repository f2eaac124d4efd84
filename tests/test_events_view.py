"""`unfog events`: stored events as a filtered table."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from unfog.cli import app
from unfog.cli.events_view import filter_events
from unfog.model import Article, ArticleRecords, Event
from unfog.store import Store

ROWS = [
    dict(id="evt_1", article_ids=["art_1"], event_type="Battles", sub_event_type="Armed clash", tags=["siege"],
         place="Mariupol", date="2022-04-21", date_end="2022-04-21", time_precision=1, fatalities=4000,
         actor1="Russian forces", actor1_side="RUS", text="x", start=0, end=1),
    dict(id="evt_2", article_ids=["art_1"], event_type="Explosions/Remote violence",
         sub_event_type="Shelling/artillery/missile attack", tags=[], place="Kharkiv", date="2022-05-10",
         time_precision=1, fatalities=4, text="y", start=2, end=3),
    dict(id="evt_3", article_ids=["art_1"], event_type="Battles", sub_event_type="Armed clash", tags=["historical"],
         place="Ilovays’k", date="2014-01-01", date_end="2014-12-31", time_precision=3, text="z", start=4, end=5),
]


def test_filters_by_place_type_tag_and_dates():
    assert [e["id"] for e in filter_events(ROWS, place="kharkiv")] == ["evt_2"]
    assert [e["id"] for e in filter_events(ROWS, place="Ilovaysk")] == []  # apostrophes are letters here
    assert [e["id"] for e in filter_events(ROWS, event_type="battles")] == ["evt_3", "evt_1"]
    assert [e["id"] for e in filter_events(ROWS, event_type="siege")] == ["evt_1"]
    assert [e["id"] for e in filter_events(ROWS, since="2022-05-01")] == ["evt_2"]
    assert [e["id"] for e in filter_events(ROWS, until="2014-06-01")] == ["evt_3"]  # a range touching the window


def test_cli_lists_stored_events(tmp_path):
    db = tmp_path / "t.duckdb"
    res = ArticleRecords(article=Article(id="art_1", text="xyzxyz", source="Fixture Wire"),
                         events=[Event(**r) for r in ROWS])
    with Store(db) as store:
        store.write([res])
    run = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "Battles", "--json"])
    assert run.exit_code == 0, run.output
    got = json.loads(run.stdout)
    assert [e["id"] for e in got] == ["evt_3", "evt_1"]
    run = CliRunner().invoke(app, ["events", "--db", str(db), "--place", "Kharkiv"])
    assert run.exit_code == 0 and "Kharkiv" in run.stdout and "Mariupol" not in run.stdout


def test_cli_without_store_is_a_usage_error(tmp_path):
    run = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert run.exit_code == 2
