"""The in-memory index of stored events (unfog.store.event_index) answers as the database does."""
import random

from unfog.model import Article, ArticleRecords, Event
from unfog.store import Store

TYPES = ["Explosions/Remote violence", "Battles", None]
TOWNS = [("Orrin Cross", 2201, 50.10, 30.20), ("Halvey", 2202, 50.33, 30.61), ("Orin Cross", None, 50.12, 30.25)]


def _date(rng: random.Random) -> str | None:
    day = rng.randrange(1, 28)
    return rng.choice([f"2024-05-{day:02d}", f"2024-05-{day:02d}", f"2024-05-{day:02d}T06:30", f"2024-5-{day}",
                       f"2024-06-{day:02d}", "early May", None])


def _event(i: int, rng: random.Random) -> Event:
    name, gid, lat, lon = rng.choice(TOWNS)
    date = _date(rng)
    end = rng.choice([None, None, None, "2024-05-29", "2024-09-30", "2024-04-01", date])
    has_lat = rng.random() < 0.5
    return Event(id=f"evt_{i:04d}", article_ids=[f"art_{i:04d}"], event_type=rng.choice(TYPES), sub_event_type="Armed clash",
                 text="Shells fell on the depot.", start=0, end=25, date=date, date_end=end, time_precision=1,
                 place=name if rng.random() < 0.8 else None, geonames_id=gid if rng.random() < 0.3 else None,
                 lat=lat + rng.uniform(-0.3, 0.3) if has_lat else None,
                 lon=(lon if rng.random() < 0.8 else None) if has_lat else None)


def _reports(events: list[Event]) -> list[ArticleRecords]:
    return [ArticleRecords(article=Article(id=e.article_ids[0], text="x", published="2024-05-01"), events=[e])
            for e in events]


def test_the_index_finds_the_events_the_database_finds(tmp_path):
    rng = random.Random(5)
    stored = [_event(i, rng) for i in range(300)]
    with Store(str(tmp_path / "e.duckdb")) as s:
        for k in range(0, len(stored), 40):  # the index is kept up to date by each write
            s.write(_reports(stored[k:k + 40]))
        kept = s._event_index()
        assert len(kept.entries) == len(stored)
        s._events_index = None
        fresh = s._event_index()  # read from the database
        assert {i: e.row for i, e in kept.entries.items()} == {i: e.row for i, e in fresh.entries.items()}
        assert {i: e.place_key for i, e in kept.entries.items()} == {i: e.place_key for i, e in fresh.entries.items()}
        found = 0
        for k in range(60):
            probe = [_event(10_000 + 5 * k + j, rng) for j in range(5)]
            by_sql = s._events_near(probe)
            assert s._events_near(probe, kept) == by_sql
            found += len(by_sql)
        assert found > 100  # the probes do meet stored events


def test_the_index_is_dropped_when_the_store_is_written_otherwise(tmp_path):
    rng = random.Random(6)
    with Store(str(tmp_path / "e.duckdb")) as s:
        s.write(_reports([_event(i, rng) for i in range(20)]))
        index = s._event_index()
        assert index is s._event_index()  # kept between writes
        s.delete_article_records("art_0003")
        assert s._event_index() is not index  # read again
