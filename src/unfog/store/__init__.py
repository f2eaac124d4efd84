"""The embedded store: one DuckDB file, one table per record type.

Tables and columns come from the dataclasses in :mod:`unfog.model`, so the
store, the JSON output and the exports never disagree about fields. Writes
are transactional per chunk of articles and keyed by content-derived ids, so
re-running an ingest (after a crash, or twice) leaves the same store.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
import typing
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa


from unfog.model import RECORD_TYPES, ArticleRecords, Record, Relation

DEFAULT_DB = "unfog.duckdb"


def default_path() -> str:
    return os.environ.get("UNFOG_DB") or DEFAULT_DB


def _sql_type(tp) -> str:
    s = str(tp)
    if "list" in s or "dict" in s:
        return "JSON"
    if "bool" in s:
        return "BOOLEAN"
    if "float" in s:
        return "DOUBLE"
    if "int" in s:
        return "BIGINT"
    return "VARCHAR"


def columns(cls: type[Record]) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _sql_type(hints[f.name])) for f in dataclasses.fields(cls)]


JSON_COLUMNS = {name: {c for c, t in columns(cls) if t == "JSON"} for name, cls in RECORD_TYPES.items()}
# Events as each article gave them; the `events` table holds them merged across articles
# (unfog.fusion.events), so the CLI, the desk and the exports read the same records.
ARTICLE_EVENTS = "article_events"
EVENT_KEYS = "event_keys"
EVENT_MERGED = "event_merged"
JSON_COLUMNS[ARTICLE_EVENTS] = JSON_COLUMNS["events"]
MERGE_WINDOW_DAYS = 3
MAX_INDEXED_EVENTS = 200_000  # stored per-article events kept in memory for merging (see _event_index)

# Which input gave which article, with which unfog version and outcome: the
# record that lets `unfog reprocess` find what an upgrade should redo.
INPUT_COLUMNS = [
    ("input_ref", "VARCHAR"),  # "batch.jsonl:12", a path, a URL
    ("article_id", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("unfog_version", "VARCHAR"),
    ("status", "VARCHAR"),
    ("error", "VARCHAR"),
    ("processed_at", "TIMESTAMP"),
]

EXTRA_TABLES = {
    "inputs": "CREATE TABLE IF NOT EXISTS inputs ("
    + ", ".join(f"{c} {t}" for c, t in INPUT_COLUMNS)
    + ", PRIMARY KEY (input_ref, article_id))",
    "meta": "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    ARTICLE_EVENTS: f"CREATE TABLE IF NOT EXISTS {ARTICLE_EVENTS} ("
    + ", ".join(f'"{c}" {t}' for c, t in columns(RECORD_TYPES["events"])) + ', PRIMARY KEY ("id"))',
    # the place key of each per-article event (unfog.fusion.events.place_key): what merging joins on
    EVENT_KEYS: f"CREATE TABLE IF NOT EXISTS {EVENT_KEYS} (event_id VARCHAR PRIMARY KEY, place_key VARCHAR)",
    # which merged record holds each per-article event (its own id when alone)
    EVENT_MERGED: f"CREATE TABLE IF NOT EXISTS {EVENT_MERGED} (event_id VARCHAR PRIMARY KEY, merged_id VARCHAR)",
}


_ARROW = {"VARCHAR": pa.string(), "JSON": pa.string(), "BOOLEAN": pa.bool_(), "DOUBLE": pa.float64(),
          "BIGINT": pa.int64()}


def bulk_insert(con, table: str, cols: list[tuple[str, str]], rows: list[dict], verb: str = "INSERT OR IGNORE") -> int:
    """Insert many rows (dicts keyed by column) with one statement; ``cols`` are (name, SQL type).
    Returns the rows DuckDB reports: inserted (ignored ones left out), or inserted and replaced."""
    if not rows:
        return 0
    _unfog_bulk = pa.table({c: pa.array([_arrow_value(r[c], t) for r in rows], type=_ARROW[t]) for c, t in cols})
    names = ", ".join(f'"{c}"' for c, _ in cols)
    # DuckDB reads the Arrow table by its variable name (a replacement scan)
    row = con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM _unfog_bulk").fetchone()
    return int(row[0]) if row else 0


def _arrow_value(v, sql_type: str):
    if v is None:
        return None
    if sql_type == "DOUBLE":
        return float(v)
    if sql_type == "BIGINT":
        return int(v)
    return v


def _unique(records: Iterable[Record]) -> list[Record]:
    """Records with distinct ids, the first of each (one statement may not insert an id twice)."""
    seen: dict[str, Record] = {}
    for r in records:
        seen.setdefault(r.id, r)
    return list(seen.values())


@contextlib.contextmanager
def transaction(con):
    """BEGIN ... COMMIT on a DuckDB connection; ROLLBACK and re-raise on any error (interrupts too)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")

_WRITES: dict[str, int] = {}  # writes of records to each open database (by real path), by any Store of this process


class StoreError(Exception):
    """The store cannot be opened or used (not a DuckDB file, locked, missing)."""


LOCK_WAIT = 60.0  # seconds a writer waits for another process to let go of the file


def lock_wait() -> float:
    """How long opening a locked store retries ($UNFOG_LOCK_WAIT seconds, default 60)."""
    try:
        return max(0.0, float(os.environ.get("UNFOG_LOCK_WAIT", LOCK_WAIT)))
    except ValueError:
        return LOCK_WAIT


def connect(path: str, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, retrying with backoff while another process holds its lock.

    DuckDB lets one process write a file (many threads, each on its own cursor)
    or several processes read it. Within a process that already has the file
    open read-write (the desk), a read-only open is served by that database.
    """
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as e:
            msg = str(e)
            if "different configuration" in msg and read_only:
                read_only = False  # this process has it open read-write: share that database
                continue
            if "not a valid DuckDB database" in msg:
                raise StoreError(f"{path} is not a DuckDB file (give another --db)") from None
            if "lock" not in msg.lower():
                raise StoreError(f"cannot open the store {path}: {msg}") from None
            if time.monotonic() + delay > deadline:
                raise StoreError(f"{path} is in use by another unfog process (waited {wait:.0f} s); "
                                 "try again when it has finished, or raise $UNFOG_LOCK_WAIT") from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
        except OSError as e:
            raise StoreError(f"cannot open the store {path}: {e.strerror or e}") from None


# what :func:`unfog.fusion.events.same_incident` reads of an event (and its articles, and id)
_MATCH_COLUMNS = ("id", "article_ids", "event_type", "sub_event_type", "tags", "actor1_side", "actor2_side", "place",
                  "geonames_id", "lat", "lon", "date", "date_end", "time_precision")


def _matching(events: list[Record], stored: list[Record]) -> list[Record]:
    """Those of the ``stored`` per-article events that report an incident with one of ``events`` (another
    article's, :func:`unfog.fusion.events.same_incident`); compared by type and nearby days only."""
    from unfog.fusion.events import MAX_SLACK_DAYS, day_span, same_incident

    by_day: dict[tuple, list[Record]] = {}
    for e in events:
        span = day_span(e)
        if span is not None:
            for d in range(span[0] - MAX_SLACK_DAYS, span[1] + MAX_SLACK_DAYS + 1):
                by_day.setdefault((e.event_type, d), []).append(e)
    out = []
    for a in stored:
        span = day_span(a)
        if span is None:
            continue
        near = {e.id: e for d in range(span[0], span[1] + 1) for e in by_day.get((a.event_type, d), ())}
        if any(not set(a.article_ids) & set(e.article_ids) and same_incident(e, a) for e in near.values()):
            out.append(a)
    return out


class Store:
    """A DuckDB file holding articles and every record extracted from them."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False, wait: float | None = None,
                 con: duckdb.DuckDBPyConnection | None = None):
        self.path = str(path or default_path())
        if con is not None:  # a reader sharing an open database (see :meth:`reader`)
            self.con = con
            return
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path} is a folder, not a DuckDB file")
        if read_only and not p.exists():
            raise StoreError(f"no store at {self.path}; run 'unfog ingest' first")
        try:
            if not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot open the store {self.path}: {e.strerror or e}") from None
        self.con = connect(self.path, read_only=read_only, wait=lock_wait() if wait is None else wait)
        if not read_only:
            self._create()

    def generation(self) -> int:
        """How many times records were written to (or removed from) this database through a Store of this
        process: what was read from it and kept (relating's cache) is current while this stays the same."""
        return _WRITES.get(os.path.realpath(self.path), 0)

    def _written(self) -> None:
        key = os.path.realpath(self.path)
        _WRITES[key] = _WRITES.get(key, 0) + 1

    def reader(self) -> "Store":
        """A Store on its own connection to the same open database: a consistent snapshot per
        query that never waits for writers or other readers (DuckDB MVCC). Close it after use."""
        return Store(self.path, con=self.con.cursor())

    # -- schema -----------------------------------------------------------
    def _create(self) -> None:
        for name, cls in RECORD_TYPES.items():
            cols = ", ".join(f'"{c}" {t}' for c, t in columns(cls))
            self.con.execute(f'CREATE TABLE IF NOT EXISTS {name} ({cols}, PRIMARY KEY ("id"))')
            existing = {r[0] for r in self.con.execute(f"DESCRIBE {name}").fetchall()}
            for c, t in columns(cls):  # records gain fields over versions; stores follow
                if c not in existing:
                    self.con.execute(f'ALTER TABLE {name} ADD COLUMN "{c}" {t}')
        have = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        fresh = ARTICLE_EVENTS not in have
        for ddl in EXTRA_TABLES.values():
            self.con.execute(ddl)
        if EVENT_MERGED not in have:  # stores made before it: from the merged records
            self.con.execute(f"INSERT OR REPLACE INTO {EVENT_MERGED} SELECT unnest(CASE WHEN "
                             "json_array_length(coalesce(merged_from, '[]')) > 0 THEN CAST(merged_from AS VARCHAR[]) "
                             "ELSE [id] END), id FROM events")
        existing = {r[0] for r in self.con.execute(f"DESCRIBE {ARTICLE_EVENTS}").fetchall()}
        for c, t in columns(RECORD_TYPES["events"]):
            if c not in existing:
                self.con.execute(f'ALTER TABLE {ARTICLE_EVENTS} ADD COLUMN "{c}" {t}')
        if fresh and self.count("events"):
            self._migrate_events()
        self._key_events([RECORD_TYPES["events"].from_dict(d) for d in self.rows(  # stores made before the keys
            ARTICLE_EVENTS, where=f"id NOT IN (SELECT event_id FROM {EVENT_KEYS})")])
        existing = {r[0] for r in self.con.execute("DESCRIBE inputs").fetchall()}
        for c, t in INPUT_COLUMNS:  # stores made by earlier versions
            if c not in existing:
                self.con.execute(f'ALTER TABLE inputs ADD COLUMN "{c}" {t}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writes -----------------------------------------------------------
    def _insert(self, name: str, records: Iterable[Record], replace: bool = False, new: bool = False) -> int:
        """Insert records (one statement); a stored id is kept, or replaced with ``replace``; ``new``: none
        is stored (a plain insert, which DuckDB checks faster; a stored id raises ConstraintException)."""
        cls = RECORD_TYPES["events" if name == ARTICLE_EVENTS else name]
        cols = columns(cls)
        jcols = JSON_COLUMNS[name]
        rows = []
        for r in records:
            d = r.to_dict()
            rows.append({c: json.dumps(d[c]) if c in jcols and d[c] is not None else d[c] for c, _ in cols})
        if not rows:
            return 0
        if not replace:  # DuckDB counts the rows inserted, not those ignored (no count of the table: a scan)
            return bulk_insert(self.con, name, cols, rows, "INSERT" if new else "INSERT OR IGNORE")
        before = self.count(name)
        bulk_insert(self.con, name, cols, rows, "INSERT OR REPLACE")
        return self.count(name) - before

    def write(self, results: Iterable[ArticleRecords], relations: Iterable[Relation] = (), replace: bool = False) -> dict[str, int]:
        """Store the records of several articles in one transaction; returns rows added per table."""
        results = list(results)
        index = None if replace else self._event_index()  # (replacing records merges events anew: from the database)
        self._written()
        tables: dict[str, list[Record]] = {name: [] for name in RECORD_TYPES}
        for res in results:
            for name, recs in res.tables().items():
                tables[name].extend(recs)
        relations = _unique(relations)
        if replace:
            added = self._write_tables(results, tables, relations, True, index, new=False)
        else:
            try:  # the articles of an ingest's chunk are new: plain inserts (an insert that may ignore costs
                # DuckDB more, the more so the larger the table)
                added = self._write_tables(results, tables, relations, False, index, new=True)
            except duckdb.ConstraintException:  # some of their records are stored already: kept, as ever
                added = self._write_tables(results, tables, relations, False, index, new=False)
        if index is not None:  # committed: the index holds what the store now holds
            self._index_events(index, _unique(tables["events"]))
        return added

    def _write_tables(self, results: list[ArticleRecords], tables: dict[str, list[Record]], relations: list[Relation],
                      replace: bool, index, new: bool) -> dict[str, int]:
        """:meth:`write`'s transaction (``new``: records of articles not stored, by plain inserts)."""
        added = {name: 0 for name in RECORD_TYPES}
        with transaction(self.con):
            before = self.count("events") if replace else 0  # (removing an article's records merges events anew)
            if replace:
                for res in results:
                    self.delete_article_records(res.article.id)
            # one statement per table for the whole chunk (a statement per record is slow)
            for name, recs in tables.items():
                if name == "events":  # per-article events; the merged ones are rewritten below
                    self._insert(ARTICLE_EVENTS, _unique(recs), replace=replace, new=new)
                    self._key_events(_unique(recs), new=new)
                elif name != "relations":
                    added[name] += self._insert(name, _unique(recs), replace=replace, new=new)
            self._note_inputs([res.article for res in results])
            merged = self._merge_events(tables["events"], index, new=new)
            added["events"] = self.count("events") - before if replace else merged
            added["relations"] += self._insert("relations", relations)
        return added

    def _event_index(self):
        """The stored per-article events merging compares (:mod:`unfog.store.event_index`), current; read from
        the database when records were written by other means since it was built."""
        from unfog.fusion.events import MERGE_KM
        from unfog.store.event_index import EventIndex

        index = getattr(self, "_events_index", None)
        if index is not None and index.generation == self.generation():
            return index
        self._events_index = None
        if self.count(ARTICLE_EVENTS) > MAX_INDEXED_EVENTS:
            return None
        index = EventIndex(self.generation(), float(f"{MERGE_KM / 100:.2f}"))
        cols = ", ".join("e." + c for c in _MATCH_COLUMNS)
        cur = self.con.execute(f"SELECT {cols}, k.place_key FROM {ARTICLE_EVENTS} e "
                               f"LEFT JOIN {EVENT_KEYS} k ON k.event_id = e.id")
        for d in self._decoded(ARTICLE_EVENTS, cur):
            index.add(d, d.pop("place_key"))
        self._events_index = index
        return index

    def _index_events(self, index, events: list[Record]) -> None:
        """Add a committed chunk's per-article events to ``index``, as the database now holds them (an id it
        held before keeps its stored row and takes the new place key, as ``event_keys`` did)."""
        from unfog.fusion.events import place_key

        jcols = JSON_COLUMNS[ARTICLE_EVENTS]
        types = dict(columns(RECORD_TYPES["events"]))
        for e in events:
            key = place_key(e.place)
            held = index.entries.get(e.id)
            if held is not None:
                index.add(held.row, key)
                continue
            d = e.to_dict()
            row = {}
            for c in _MATCH_COLUMNS:  # what the insert stores and the read decodes
                v = d[c]
                row[c] = json.loads(json.dumps(v)) if c in jcols and v is not None else _arrow_value(v, types[c])
            index.add(row, key)
        index.generation = self.generation()
        if len(index.entries) > MAX_INDEXED_EVENTS:
            self._events_index = None

    def _note_input(self, a, replace: bool) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        names = ", ".join(c for c, _ in INPUT_COLUMNS)
        self.con.execute(
            f"{verb} INTO inputs ({names}) VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
            [a.input_ref or a.id, a.id, a.content_hash, a.unfog_version, a.status, a.error],
        )

    def _note_inputs(self, articles: list) -> None:
        """``_note_input(a, replace=True)`` for many articles in one statement (the last of a key wins)."""
        rows: dict[tuple, dict] = {}
        for a in articles:
            ref = a.input_ref or a.id
            rows.pop((ref, a.id), None)
            rows[(ref, a.id)] = {"input_ref": ref, "article_id": a.id, "content_hash": a.content_hash,
                                 "unfog_version": a.unfog_version, "status": a.status, "error": a.error}
        if not rows:
            return
        cols = [(c, t) for c, t in INPUT_COLUMNS if c != "processed_at"]
        _unfog_inputs = pa.table({c: pa.array([r[c] for r in rows.values()], type=_ARROW[t]) for c, t in cols})
        names = ", ".join(c for c, _ in cols)
        self.con.execute(f"INSERT OR REPLACE INTO inputs ({names}, processed_at) "
                         f"SELECT {names}, current_timestamp FROM _unfog_inputs")

    def note_input(self, article) -> None:
        """Remember that an input gave an article already stored (first sighting wins)."""
        self._note_input(article, replace=False)

    def note_version(self, article_ids: list[str], version: str) -> None:
        """The inputs of these articles were extracted (again) by ``version``."""
        if article_ids:
            marks = ", ".join("?" * len(article_ids))
            self.con.execute(f"UPDATE inputs SET unfog_version = ? WHERE article_id IN ({marks})", [version, *article_ids])

    def articles_by_id(self, article_ids: list[str]) -> list[Record]:
        if not article_ids:
            return []
        marks = ", ".join("?" * len(article_ids))
        return self.records("articles", where=f"id IN ({marks})", params=list(article_ids))

    def write_relations(self, relations: Iterable[Relation]) -> int:
        self._written()
        return self._insert("relations", relations)

    def delete_article_records(self, article_id: str) -> None:
        """Remove what was extracted from an article (and relations touching it); keeps the article."""
        self._written()
        self.con.execute(
            "DELETE FROM relations WHERE a IN (SELECT id FROM statements WHERE article_id = $1 UNION ALL "
            "SELECT id FROM figures WHERE article_id = $1) OR b IN (SELECT id FROM statements WHERE article_id = $1 "
            "UNION ALL SELECT id FROM figures WHERE article_id = $1)",
            [article_id],
        )
        for name in ("statements", "figures", "places", "dates", "control"):
            self.con.execute(f"DELETE FROM {name} WHERE article_id = ?", [article_id])
        key = [json.dumps(article_id)]
        members = {i for e in self.rows("events", where="json_contains(article_ids, ?)", params=key)
                   for i in (e.get("merged_from") or [e["id"]])}
        self.con.execute("DELETE FROM events WHERE json_contains(article_ids, ?)", key)
        for table in (EVENT_KEYS, EVENT_MERGED):
            self.con.execute(f"DELETE FROM {table} WHERE event_id IN "
                             f"(SELECT id FROM {ARTICLE_EVENTS} WHERE json_contains(article_ids, ?))", key)
        self.con.execute(f"DELETE FROM {ARTICLE_EVENTS} WHERE json_contains(article_ids, ?)", key)
        self._merge_events(self._article_events_by_id(members))  # the other sources stay, merged anew

    # -- merged events ----------------------------------------------------
    def _article_events_by_id(self, ids) -> list[Record]:
        ids = sorted(ids)
        out: list[Record] = []
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            marks = ", ".join("?" for _ in chunk)
            out += [RECORD_TYPES["events"].from_dict(d) for d in self.rows(ARTICLE_EVENTS, where=f"id IN ({marks})", params=chunk)]
        return out

    def _merge_events(self, new_events: list[Record], index=None, new: bool = False) -> int:
        """Merge new per-article events with the stored ones they report an incident with; rewrite the merged
        records that change. Returns how many merged records the store gained (fewer when events merged).

        The stored merged records are whole incidents (each a closed group of per-article events), so
        only the groups of stored events that a new event matches can change: those events are found by
        type and a window of days around each new event (a join on the new events' windows, whatever
        the days a chunk spans), their groups by membership; nothing else is read or rewritten."""
        from unfog.fusion.events import merge_events

        if not new_events:
            return 0
        cands = {e.id: e for e in new_events}
        near = [e for e in self._events_near(new_events, index) if e.id not in cands]
        linked = {a.id: a for a in self._article_events_by_id({a.id for a in _matching(new_events, near)})}
        stale = self._merged_holding(list(cands) + list(linked))
        cands.update(linked)
        for e in self._article_events_by_id({i for r in stale for i in (r.get("merged_from") or [])} - set(cands)):
            cands[e.id] = e
        articles = sorted({a for e in cands.values() for a in e.article_ids})
        # the members' articles in publication order (only their relative order counts)
        order = {row[0]: i + 1 for i, row in enumerate(self.con.execute(
            "SELECT id FROM articles WHERE id = ANY(?::VARCHAR[]) ORDER BY published NULLS LAST, id",
            [articles]).fetchall())}
        merged = merge_events(list(cands.values()), order)
        # the stale records go, and any record of a merged id (then the insert replaces nothing: the store
        # gains the rows inserted less those deleted, without counting the table)
        ids = sorted({r["id"] for r in stale} | {r.id for r in merged})
        deleted = 0
        for k in range(0, len(ids), 500):
            deleted += self.con.execute("DELETE FROM events WHERE id = ANY(?::VARCHAR[])", [ids[k:k + 500]]).fetchone()[0]
        inserted = self._insert("events", merged, new=new)
        bulk_insert(self.con, EVENT_MERGED, [("event_id", "VARCHAR"), ("merged_id", "VARCHAR")],
                    [{"event_id": m, "merged_id": r.id} for r in merged for m in (r.merged_from or [r.id])],
                    "INSERT OR REPLACE")
        return inserted - deleted

    def _key_events(self, events: list[Record], new: bool = False) -> None:
        from unfog.fusion.events import place_key

        bulk_insert(self.con, EVENT_KEYS, [("event_id", "VARCHAR"), ("place_key", "VARCHAR")],
                    [{"event_id": e.id, "place_key": place_key(e.place)} for e in events],
                    "INSERT" if new else "INSERT OR REPLACE")

    def _events_near(self, events: list[Record], index=None) -> list[Record]:
        """Stored per-article events that may report an incident with one of ``events``: of its type, dated
        within its merge window, at its place (the same place key or GeoNames id, or coordinates less than
        a quarter of a degree of latitude apart); with only what matching reads (:data:`_MATCH_COLUMNS`).
        From ``index`` (:class:`unfog.store.event_index.EventIndex`, the same conditions in memory) when given."""
        from unfog.fusion.events import MERGE_KM, day_span, place_key

        wins = []
        for e in events:
            span = day_span(e)
            if span is not None:  # stored events whose days come within the window of this one's
                wins.append({"event_type": e.event_type, "place_key": place_key(e.place), "geonames_id": e.geonames_id,
                             "lat": e.lat, "lon": e.lon,
                             "lo": date.fromordinal(span[0] - MERGE_WINDOW_DAYS).isoformat(),
                             "hi": date.fromordinal(span[1] + MERGE_WINDOW_DAYS).isoformat() + "~"})  # "~": after a time
        if not wins:
            return []
        if index is not None:
            return [RECORD_TYPES["events"](text="", start=0, end=0, **d) for d in index.near(wins)]
        _unfog_windows = pa.Table.from_pylist(wins, schema=pa.schema(
            [("event_type", pa.string()), ("place_key", pa.string()), ("geonames_id", pa.int64()),
             ("lat", pa.float64()), ("lon", pa.float64()), ("lo", pa.string()), ("hi", pa.string())]))
        cols = ", ".join("e." + c for c in _MATCH_COLUMNS)
        near = ("e.event_type = w.event_type AND e.date <= w.hi AND coalesce(e.date_end, e.date) >= w.lo")
        cur = self.con.execute(
            f"SELECT {cols} FROM {ARTICLE_EVENTS} e JOIN {EVENT_KEYS} k ON k.event_id = e.id "
            f"JOIN _unfog_windows w ON k.place_key = w.place_key AND {near} UNION "
            f"SELECT {cols} FROM {ARTICLE_EVENTS} e JOIN _unfog_windows w ON e.geonames_id = w.geonames_id AND {near} "
            f"UNION SELECT {cols} FROM {ARTICLE_EVENTS} e JOIN _unfog_windows w ON {near} "
            f"AND abs(e.lat - w.lat) <= {MERGE_KM / 100:.2f} AND e.lon IS NOT NULL AND w.lon IS NOT NULL ORDER BY id")
        return [RECORD_TYPES["events"](text="", start=0, end=0, **d) for d in self._decoded(ARTICLE_EVENTS, cur)]

    def _merged_holding(self, event_ids: list[str]) -> list[dict]:
        """The merged records that are, or hold, any of these per-article events."""
        if not event_ids:
            return []
        held = {r[0] for r in self.con.execute(f"SELECT merged_id FROM {EVENT_MERGED} WHERE event_id = ANY(?::VARCHAR[])",
                                               [sorted(event_ids)]).fetchall()}
        # (only what merging reads of them: a merged record's id and members)
        return self._decoded("events", self.con.execute("SELECT id, merged_from FROM events WHERE id = ANY(?::VARCHAR[]) "
                                                        "ORDER BY id", [sorted(held | set(event_ids))]))

    def _migrate_events(self) -> None:
        """Stores made before events were merged when written: keep their rows as per-article events."""
        names = ", ".join(f'"{c}"' for c, _ in columns(RECORD_TYPES["events"]))
        self.con.execute(f"INSERT OR IGNORE INTO {ARTICLE_EVENTS} ({names}) SELECT {names} FROM events")
        self.con.execute("DELETE FROM events")
        self._merge_events([RECORD_TYPES["events"].from_dict(d) for d in self.rows(ARTICLE_EVENTS)])

    # -- reads ------------------------------------------------------------
    def count(self, name: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_state(self, article_id: str) -> tuple[str, str | None] | None:
        """(status, unfog_version) of a stored article, None when it is not stored."""
        row = self.con.execute("SELECT status, unfog_version FROM articles WHERE id = ?", [article_id]).fetchone()
        return (row[0], row[1]) if row else None

    def outdated_article_ids(self, version: str | None, everything: bool = False) -> list[str]:
        """Articles whose text can be extracted again: all of them, or those of another unfog version."""
        sql = "SELECT id FROM articles WHERE text IS NOT NULL AND text <> ''"
        params: list = []
        if not everything:
            sql += " AND unfog_version IS DISTINCT FROM ?"
            params.append(version)
        return [r[0] for r in self.con.execute(sql + " ORDER BY id", params).fetchall()]

    def rows(self, name: str, where: str = "", params: list | None = None, order: str = "", limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Rows of a table as dicts, JSON columns decoded. ``where`` must use ? parameters."""
        if name not in RECORD_TYPES and name not in EXTRA_TABLES:
            raise ValueError(f"no table {name!r}")
        sql = f"SELECT * FROM {name}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order or 'id' if name in RECORD_TYPES else '1'}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._decoded(name, self.con.execute(sql, params or []))

    @staticmethod
    def _decoded(name: str, cur) -> list[dict[str, Any]]:
        """A query's rows of table ``name`` as dicts, JSON columns decoded."""
        names = [d[0] for d in cur.description]
        jcols = JSON_COLUMNS.get(name, set())
        out = []
        for row in cur.fetchall():
            d = dict(zip(names, row))
            for c in jcols:
                if isinstance(d.get(c), str):
                    d[c] = json.loads(d[c])
            out.append(d)
        return out

    def records(self, name: str, **kw) -> list[Record]:
        cls = RECORD_TYPES[name]
        return [cls.from_dict(d) for d in self.rows(name, **kw)]

    def article_records(self, article_id: str) -> ArticleRecords | None:
        arts = self.records("articles", where="id = ?", params=[article_id])
        if not arts:
            return None
        res = ArticleRecords(article=arts[0])
        for name in ("statements", "figures", "places", "dates", "control"):
            setattr(res, name, self.records(name, where="article_id = ?", params=[article_id], order="start"))
        res.events = [RECORD_TYPES["events"].from_dict(d) for d in self.rows(
            ARTICLE_EVENTS, where="json_contains(article_ids, ?)", params=[json.dumps(article_id)], order="start")]
        return res

    def counts(self) -> dict[str, int]:
        return {name: self.count(name) for name in RECORD_TYPES}


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
