"""Filters for the desk and the REST API, as parameterised SQL.

Every filter becomes a fixed SQL fragment with ``?`` placeholders plus its
parameters; user input never enters the SQL text. Which filters a table
understands, and which column each maps to, is declared in ``TABLE_FILTERS``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from unfog.days import day_number
from unfog.store import Store

# Record ids are content hashes with a short prefix ("art_0593116e20642923").
ID_PATTERN = r"^[a-z]{2,8}_[0-9a-f]{8,40}$"
_ID_RE = re.compile(ID_PATTERN)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

MAX_LIMIT = 500
DEFAULT_LIMIT = 50

# Record ids that take part in a "contradicts" relation.
_CONTESTED = "id IN (SELECT a FROM relations WHERE type = 'contradicts' UNION SELECT b FROM relations WHERE type = 'contradicts')"
_PLACE_NAMED = "(name ILIKE ? ESCAPE '\\' OR canonical ILIKE ? ESCAPE '\\')"
_ARTICLE_HAS_PLACE = "article_id IN (SELECT article_id FROM places WHERE " + _PLACE_NAMED + ")"


def valid_id(value: str) -> bool:
    return bool(_ID_RE.match(value or ""))


def like(value: str) -> str:
    """A substring pattern for ILIKE with the wildcards in ``value`` taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class Filters:
    """What a reader asked for; every field is optional."""

    place: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    category: str | None = None
    side: str | None = None
    contested: bool | None = None
    q: str | None = None
    article: str | None = None

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


# table -> filter name -> (sql fragment, number of times the value is passed)
TABLE_FILTERS: dict[str, dict[str, tuple[str, int]]] = {
    "articles": {
        "place": ("id IN (SELECT article_id FROM places WHERE " + _PLACE_NAMED + ")", 2),
        "since": ("substr(published, 1, 10) >= ?", 1),
        "until": ("substr(published, 1, 10) <= ?", 1),
        "q": ("(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\' OR source ILIKE ? ESCAPE '\\')", 3),
        "side": ("id IN (SELECT article_id FROM statements WHERE upper(speaker_side) = upper(?) UNION SELECT article_id FROM figures WHERE upper(claimant_side) = upper(?))", 2),
        "contested": ("id IN (SELECT article_id FROM figures WHERE " + _CONTESTED + " UNION SELECT article_id FROM statements WHERE " + _CONTESTED + ")", 0),
    },
    "statements": {
        "place": (_ARTICLE_HAS_PLACE, 2),
        "since": ("date >= ?", 1),
        "until": ("date <= ?", 1),
        "type": ("polarity = ?", 1),
        "side": ("upper(speaker_side) = upper(?)", 1),
        "q": ("(text ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\')", 2),
        "article": ("article_id = ?", 1),
        "contested": (_CONTESTED, 0),
    },
    "figures": {
        "place": ("(place ILIKE ? ESCAPE '\\' OR " + _ARTICLE_HAS_PLACE + ")", 3),
        "since": ("coalesce(date_end, date) >= ?", 1),
        "until": ("date <= ?", 1),
        "type": ("\"group\" = ?", 1),
        "category": ("category = ?", 1),
        "side": ("(upper(claimant_side) = upper(?) OR upper(group_side) = upper(?))", 2),
        "q": ("(text ILIKE ? ESCAPE '\\' OR claimant ILIKE ? ESCAPE '\\' OR sentence ILIKE ? ESCAPE '\\')", 3),
        "article": ("article_id = ?", 1),
        "contested": (_CONTESTED, 0),
    },
    "places": {
        "place": (_PLACE_NAMED, 2),
        "type": ("kind = ?", 1),
        "q": ("(name ILIKE ? ESCAPE '\\' OR canonical ILIKE ? ESCAPE '\\' OR admin1 ILIKE ? ESCAPE '\\')", 3),
        "article": ("article_id = ?", 1),
        "since": ("article_id IN (SELECT id FROM articles WHERE substr(published, 1, 10) >= ?)", 1),
        "until": ("article_id IN (SELECT id FROM articles WHERE substr(published, 1, 10) <= ?)", 1),
    },
    "events": {
        "place": ("place ILIKE ? ESCAPE '\\'", 1),
        "since": ("coalesce(date_end, date) >= ?", 1),
        "until": ("date <= ?", 1),
        "type": ("(event_type = ? OR sub_event_type = ?)", 2),
        "side": ("(upper(actor1_side) = upper(?) OR upper(actor2_side) = upper(?) OR upper(claimed_by_side) = upper(?))", 3),
        "q": ("(text ILIKE ? ESCAPE '\\' OR actor1 ILIKE ? ESCAPE '\\' OR actor2 ILIKE ? ESCAPE '\\')", 3),
        "article": ("json_contains(article_ids, ?)", 1),
        "contested": (_CONTESTED, 0),
    },
    "relations": {
        "type": ("type = ?", 1),
        "article": ("(a IN (SELECT id FROM figures WHERE article_id = ? UNION SELECT id FROM statements WHERE article_id = ?)"
                    " OR b IN (SELECT id FROM figures WHERE article_id = ? UNION SELECT id FROM statements WHERE article_id = ?))", 4),
        "contested": ("type = 'contradicts'", 0),
    },
}

# Fields matched as substrings (ILIKE); the rest are compared exactly.
_LIKE_FILTERS = {"place", "q"}

ORDER = {
    "articles": "published DESC NULLS LAST, id",  # newest first
    "statements": "article_id, start",
    "figures": "article_id, start",
    "places": "article_id, start",
    "events": "date DESC NULLS LAST, id",
    "relations": "type, id",
}


def subset(table: str, filters: Filters) -> Filters:
    """Only the filters ``table`` understands (pages pass one form to several tables)."""
    return Filters(**{k: v for k, v in filters.active().items() if k in TABLE_FILTERS[table]})


def where_clause(table: str, filters: Filters) -> tuple[str, list[Any]]:
    """The WHERE text and parameters for ``filters`` on ``table`` (unknown filters are ignored)."""
    known = TABLE_FILTERS[table]
    parts: list[str] = []
    params: list[Any] = []
    for name, value in filters.active().items():
        if name not in known:
            continue
        sql, n = known[name]
        if name == "contested":
            parts.append(sql if value else f"NOT ({sql})")
            continue
        if name == "article":
            value = json.dumps(value) if table == "events" else value
        parts.append(sql)
        params.extend([like(value) if name in _LIKE_FILTERS else value] * n)
    return " AND ".join(parts), params


def page(store: Store, table: str, filters: Filters, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict[str, Any]:
    """One page of ``table`` with the total count of matching rows."""
    where, params = where_clause(table, filters)
    sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
    total = store.con.execute(sql, params).fetchone()[0]
    items = store.rows(table, where=where, params=params, order=ORDER[table], limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def count(store: Store, table: str, filters: Filters) -> int:
    """How many rows of ``table`` match ``filters`` (those it understands)."""
    where, params = where_clause(table, subset(table, filters))
    return store.con.execute(f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else ""), params).fetchone()[0]


def counts(store: Store, filters: Filters | None = None) -> dict[str, int]:
    """Rows per table within ``filters``; relations count when either end is among the matching records."""
    filters = filters or Filters()
    if not filters.active():
        return store.counts()
    out = {t: count(store, t, filters) for t in ("articles", "statements", "figures", "places", "events")}
    ids = [r[0] for t in ("statements", "figures", "events") for r in _ids(store, t, filters)]
    where, params = where_clause("articles", subset("articles", filters))
    out["dates"] = store.con.execute("SELECT count(*) FROM dates WHERE article_id IN (SELECT id FROM articles"
                                     + (f" WHERE {where})" if where else ")"), params).fetchone()[0]
    out["relations"] = len(relations_among(store, ids))
    return out


def _ids(store: Store, table: str, filters: Filters) -> list[tuple]:
    where, params = where_clause(table, subset(table, filters))
    return store.con.execute(f"SELECT id FROM {table}" + (f" WHERE {where}" if where else ""), params).fetchall()


def all_rows(store: Store, table: str, filters: Filters, cap: int = 20000) -> list[dict[str, Any]]:
    """Every matching row (up to ``cap``), for the map, timeline and ledger."""
    where, params = where_clause(table, filters)
    return store.rows(table, where=where, params=params, order=ORDER[table], limit=cap)


def contested_ids(store: Store) -> set[str]:
    """Ids of every record in a 'contradicts' relation."""
    rows = store.con.execute("SELECT a FROM relations WHERE type = 'contradicts' UNION SELECT b FROM relations WHERE type = 'contradicts'").fetchall()
    return {r[0] for r in rows}


def figure_marks(store: Store, article_ids: list[str]) -> dict[str, dict[str, int]]:
    """Per article: its figures, how many could not be verified and how many are disputed."""
    if not article_ids:
        return {}
    sql = (f"SELECT article_id, count(*), count(*) FILTER (WHERE verified = false), count(*) FILTER (WHERE {_CONTESTED}) "
           f"FROM figures WHERE article_id IN ({_in(article_ids)}) GROUP BY article_id")
    return {a: {"figures": n, "unverified": u, "disputed": d} for a, n, u, d in store.con.execute(sql, list(article_ids)).fetchall()}


def related_rows(store: Store, table: str, filters: Filters, cap: int = 20000) -> list[dict[str, Any]]:
    """Matching rows that are an end of some relation (what the desk's ledger excerpt needs)."""
    where, params = where_clause(table, filters)
    related = "id IN (SELECT a FROM relations UNION SELECT b FROM relations)"
    where = f"({where}) AND {related}" if where else related
    return store.rows(table, where=where, params=params, order=ORDER[table], limit=cap)


def relations_touching(store: Store, table: str, filters: Filters) -> list[dict[str, Any]]:
    """Relations with at least one end among the rows of ``table`` matching ``filters`` (one query)."""
    where, params = where_clause(table, filters)
    sub = f"SELECT id FROM {table}" + (f" WHERE {where}" if where else "")
    return store.rows("relations", where=f"a IN ({sub}) OR b IN ({sub})", params=[*params, *params], order=ORDER["relations"])


def relations_among(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Relations with at least one end among ``ids``."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.rows("relations", where=f"a IN ({marks}) OR b IN ({marks})", params=[*ids, *ids], order=ORDER["relations"])


def timeline(events: list[dict], figures: list[dict]) -> dict[str, Any]:
    """Events per day by event type and figures per day by category."""
    series: dict[tuple[str, str], dict[str, int]] = {}
    for kind, rows, key in (("event", events, "event_type"), ("figure", figures, "category")):
        for r in rows:
            day = (r.get("date") or "")[:10]
            if not re.match(DATE_PATTERN, day):
                continue
            counts = series.setdefault((kind, r.get(key) or "other"), {})
            counts[day] = counts.get(day, 0) + 1
    days = sorted({d for c in series.values() for d in c})
    return {
        "days": days,
        "focus": focus_window([d for c in series.values() for d, n in c.items() for _ in range(n)]),
        "series": [{"kind": k, "type": t, "counts": c, "total": sum(c.values())} for (k, t), c in sorted(series.items())],
    }


def focus_window(days: list[str], max_span: int = 120, tail: float = 0.05) -> dict[str, Any] | None:
    """The stretch of days the chart shows: everything, or the middle 90% when a few
    far-off dates (a war's start years earlier, a forecast) would squash the rest."""
    if not days:
        return None
    days = sorted(days)
    first, last = days[0], days[-1]
    if (_ordinal(last) - _ordinal(first)) <= max_span:
        return {"start": first, "end": last, "outside": 0}
    k = int(len(days) * tail)
    start, end = days[k], days[len(days) - 1 - k]
    return {"start": start, "end": end, "outside": sum(1 for d in days if d < start or d > end)}


def _in(ids: list[str]) -> str:
    return ", ".join("?" for _ in ids)


def published_of(store: Store, article_ids: list[str]) -> dict[str, str | None]:
    """Publication day of each article id."""
    if not article_ids:
        return {}
    sql = f"SELECT id, published FROM articles WHERE id IN ({_in(article_ids)})"
    return {a: p for a, p in store.con.execute(sql, list(article_ids)).fetchall()}


def places_of(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """Places of these articles, in text order."""
    if not article_ids:
        return []
    return store.rows("places", where=f"article_id IN ({_in(article_ids)})", params=list(article_ids), order="article_id, start")


def article_heads(store: Store, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title (or external id) and publication day of each article id."""
    if not article_ids:
        return {}
    sql = f"SELECT id, title, external_id, published FROM articles WHERE id IN ({_in(article_ids)})"
    return {aid: {"title": title or ext or aid, "published": published}
            for aid, title, ext, published in store.con.execute(sql, list(article_ids)).fetchall()}


def by_ids(store: Store, table: str, ids: list[str]) -> list[dict[str, Any]]:
    """Rows of ``table`` with these ids."""
    if not ids:
        return []
    return store.rows(table, where=f"id IN ({_in(ids)})", params=list(ids))


def article_doc(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its records and the relations that touch them."""
    arts = store.rows("articles", where="id = ?", params=[article_id])
    if not arts:
        return None
    records = {}
    for name in ("statements", "figures", "places", "dates"):
        records[name] = store.rows(name, where="article_id = ?", params=[article_id], order="start")
    records["events"] = all_rows(store, "events", Filters(article=article_id))
    ids = [r["id"] for name in ("statements", "figures", "events") for r in records[name]]
    return {"article": arts[0], "records": records, "relations": relations_among(store, ids)}


def feed_tables(store: Store) -> bool:
    """Whether the store has the feed tables (made by the first watch round)."""
    have = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return "feed_rounds" in have and "feeds" in have


def _dicts(store: Store, sql: str, params: list) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def feed_status(store: Store, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Feeds and their latest polling rounds, newest first (empty when nothing was ever polled)."""
    if not feed_tables(store):
        return {"feeds": [], "rounds": []}
    return {
        "feeds": _dicts(store, "SELECT url, last_polled, last_status FROM feeds ORDER BY last_polled DESC NULLS LAST, url", []),
        "rounds": _dicts(store, "SELECT * FROM feed_rounds ORDER BY polled_at DESC, feed_url LIMIT ?", [int(limit)]),
    }


def _ordinal(day: str) -> int:
    return day_number(day)
