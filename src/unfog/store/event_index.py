"""The stored per-article events that merging compares, kept in memory between the chunks of an ingest.

Merging a chunk's events (:meth:`unfog.store.Store._merge_events`) first asks which stored
per-article events may report one of its incidents: of the same type, dated within the
merge window, at the same place (place key or GeoNames id, or a latitude within a quarter
of a degree). DuckDB answers that by scanning ``article_events`` (three joins), a cost that
grows with the store; this index answers the same question from memory, by type, place and day.

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

import math
import re

from unfog.days import day_number

SPAN_DAYS = 7  # events spanning more days than this are tested for every window
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Entry:
    __slots__ = ("id", "event_type", "date", "end", "place_key", "geonames_id", "lat", "lon", "row", "filed")

    def __init__(self, row: dict, place_key: str | None):
        self.id, self.event_type, self.row, self.place_key = row["id"], row["event_type"], row, place_key
        self.date = row["date"]
        self.end = row["date_end"] if row["date_end"] is not None else row["date"]  # coalesce(date_end, date)
        self.geonames_id, self.lat, self.lon = row["geonames_id"], row["lat"], row["lon"]
        self.filed: list[tuple] = []  # the buckets holding it


def _day(value) -> int | None:
    return day_number(value) if isinstance(value, str) and _ISO_DAY.match(value) else None


class EventIndex:
    """Stored per-article events by type, place and first day (see the module's docstring)."""

    def __init__(self, generation: int, lat_degrees: float):
        self.generation = generation
        self.lat_degrees = lat_degrees
        self.entries: dict[str, _Entry] = {}  # event id -> entry (every stored per-article event)
        # ("p", type, place key, first day), ("g", type, GeoNames id, day), ("l", type, latitude band, day) -> entries
        self.buckets: dict[tuple, list[_Entry]] = {}
        self.odd: list[_Entry] = []  # long spans, days that are not ISO days: tested for every window

    def _places(self, type_: str, place_key, geonames_id, lat, lon, spread: int = 0) -> list[tuple]:
        out = []
        if place_key is not None:
            out.append(("p", type_, place_key))
        if geonames_id is not None:
            out.append(("g", type_, geonames_id))
        if lat is not None and lon is not None and math.isfinite(lat):  # (bands of the merge distance; a window
            # looks at its neighbours; NaN or infinite latitudes are within no distance)
            band = math.floor(lat / self.lat_degrees)
            out += [("l", type_, b) for b in range(band - spread, band + spread + 1)]
        return out

    def add(self, row: dict, place_key: str | None) -> None:
        """Index a stored event's matching columns (``row``) and place key; an id already held is replaced."""
        old = self.entries.pop(row["id"], None)
        if old is not None:
            for key in old.filed:
                self.buckets[key].remove(old)
        e = self.entries[row["id"]] = _Entry(row, place_key)
        if e.event_type is None or e.date is None:
            return  # (never within a window: the SQL comparisons are NULL)
        d0, d1 = _day(e.date), _day(e.end)
        if d0 is None or d1 is None or d1 - d0 > SPAN_DAYS:
            e.filed.append(("odd",))
            self.buckets.setdefault(("odd",), self.odd).append(e)
            return
        for place in self._places(e.event_type, e.place_key, e.geonames_id, e.lat, e.lon):
            e.filed.append(place + (d0,))
            self.buckets.setdefault(place + (d0,), []).append(e)

    def near(self, windows: list[dict]) -> list[dict]:
        """The rows of the stored events within any of ``windows`` (as :meth:`unfog.store.Store._events_near`
        builds them), by id."""
        found: dict[str, dict] = {}
        for w in windows:
            if w["event_type"] is None:
                continue  # (e.event_type = NULL holds for no row)
            lo, hi = _day(w["lo"]), _day(w["hi"][:10])  # (ISO days: the store builds them)
            places = self._places(w["event_type"], w["place_key"], w["geonames_id"], w["lat"], w["lon"], spread=2)
            cands = [e for p in places for d in range(lo - SPAN_DAYS, hi + 1) for e in self.buckets.get(p + (d,), ())]
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
