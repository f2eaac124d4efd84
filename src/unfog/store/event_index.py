"""The stored per-article events that merging compares, kept in memory between the chunks of an ingest.

Merging a chunk's events (:meth:`unfog.store.Store._merge_events`) first asks which stored
per-article events may report one of its incidents: of the same type, dated within the
merge window, at the same place (place key or GeoNames id, or a latitude within a quarter
of a degree). DuckDB answers that by scanning ``article_events`` (three joins), a cost that
grows with the store; this index answers the same question from memory, by type and day.

It holds (up to :data:`unfog.store.MAX_INDEXED_EVENTS`; beyond, the database answers), for every
stored per-article event, the columns matching reads
(:data:`unfog.store._MATCH_COLUMNS`) and its place key; it is read from the database in one
query, then each committed :meth:`~unfog.store.Store.write` adds the events it stored. It
is current only while :meth:`~unfog.store.Store.generation` has not moved otherwise (any
other write, a failed one, or a write that replaces records drops it), so it never answers
differently from the database. The SQL conditions are applied as they are (ISO strings
compared as strings); the days only narrow which entries are tested.
"""
from __future__ import annotations

import re

from unfog.days import day_number

SPAN_DAYS = 31  # events spanning more days than this are tested for every window
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Entry:
    __slots__ = ("id", "event_type", "date", "end", "place_key", "geonames_id", "lat", "lon", "row")

    def __init__(self, row: dict, place_key: str | None):
        self.id, self.event_type, self.row, self.place_key = row["id"], row["event_type"], row, place_key
        self.date = row["date"]
        self.end = row["date_end"] if row["date_end"] is not None else row["date"]  # coalesce(date_end, date)
        self.geonames_id, self.lat, self.lon = row["geonames_id"], row["lat"], row["lon"]


def _day(value) -> int | None:
    return day_number(value) if isinstance(value, str) and _ISO_DAY.match(value) else None


class EventIndex:
    """Stored per-article events by type and first day (see the module's docstring)."""

    def __init__(self, generation: int, lat_degrees: float):
        self.generation = generation
        self.lat_degrees = lat_degrees
        self.entries: dict[str, _Entry] = {}  # event id -> entry (every stored per-article event)
        self.by_day: dict[tuple[str, int], list[_Entry]] = {}  # (type, first day) -> entries spanning few days
        self.odd: list[_Entry] = []  # long spans, days that are not ISO days: tested for every window

    def add(self, row: dict, place_key: str | None) -> None:
        """Index a stored event's matching columns (``row``) and place key; an id already held is replaced."""
        old = self.entries.pop(row["id"], None)
        if old is not None:
            self._unfile(old)
        e = self.entries[row["id"]] = _Entry(row, place_key)
        if e.event_type is None or e.date is None:
            return  # (never within a window: the SQL comparisons are NULL)
        d0, d1 = _day(e.date), _day(e.end)
        if d0 is None or d1 is None or d1 - d0 > SPAN_DAYS:
            self.odd.append(e)
        else:
            self.by_day.setdefault((e.event_type, d0), []).append(e)

    def _unfile(self, e: _Entry) -> None:
        d0 = _day(e.date)
        for bucket in (self.by_day.get((e.event_type, d0), []) if d0 is not None else [], self.odd):
            if e in bucket:
                bucket.remove(e)

    def near(self, windows: list[dict]) -> list[dict]:
        """The rows of the stored events within any of ``windows`` (as :meth:`unfog.store.Store._events_near`
        builds them), by id."""
        found: dict[str, dict] = {}
        for w in windows:
            if w["event_type"] is None:
                continue  # (e.event_type = NULL holds for no row)
            lo, hi = _day(w["lo"]), _day(w["hi"][:10])  # (ISO days: the store builds them)
            cands = [e for d in range(lo - SPAN_DAYS, hi + 1) for e in self.by_day.get((w["event_type"], d), ())]
            for e in cands + self.odd:
                if e.id not in found and self._within(e, w):
                    found[e.id] = e.row
        return [found[i] for i in sorted(found)]

    def _within(self, e: _Entry, w: dict) -> bool:
        # e.event_type = w.event_type AND e.date <= w.hi AND coalesce(e.date_end, e.date) >= w.lo, and the place
        if e.event_type is None or e.event_type != w["event_type"] or e.date is None or not (e.date <= w["hi"]):
            return False
        if e.end is None or not (e.end >= w["lo"]):
            return False
        if e.place_key is not None and e.place_key == w["place_key"]:
            return True
        if e.geonames_id is not None and e.geonames_id == w["geonames_id"]:
            return True
        return (e.lat is not None and w["lat"] is not None and e.lon is not None and w["lon"] is not None
                and abs(e.lat - w["lat"]) <= self.lat_degrees)
