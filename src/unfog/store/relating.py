"""The store's query layer for fusion: indexed lookups of comparable records.

Relating new articles to the store must not reload every figure and statement,
so fusion stores, next to each figure and statement, the key it is compared by
(:class:`unfog.fusion.fuse.FigureKey`, :class:`unfog.fusion.fuse.StatementKey`)
in indexed side tables, and asks only for the records that share a key:

- ``figure_keys``: one row per comparable figure, indexed by quantity (``qkey``);
- ``statement_keys``: one row per statement; ``statement_pairs``: one row per
  (topic@place, day) of a statement, indexed by the pair.

Relations are replaced by group (a quantity, or the statement that chose them),
so relating a group again gives the same rows whatever came before.
"""
from __future__ import annotations

import json

import duckdb
from typing import Iterable

from unfog.model import Figure, Relation
from unfog.store import bulk_insert

DDL = [
    "CREATE TABLE IF NOT EXISTS figure_keys (figure_id VARCHAR PRIMARY KEY, article_id VARCHAR, qkey VARCHAR, "
    "day BIGINT, place VARCHAR, period VARCHAR, source VARCHAR, incident VARCHAR)",
    "CREATE INDEX IF NOT EXISTS figure_keys_qkey ON figure_keys (qkey)",
    "CREATE INDEX IF NOT EXISTS figure_keys_article ON figure_keys (article_id)",
    "CREATE TABLE IF NOT EXISTS statement_keys (statement_id VARCHAR PRIMARY KEY, article_id VARCHAR, start BIGINT, "
    "day BIGINT, speaker VARCHAR, side VARCHAR, denial BOOLEAN, stems JSON, topics JSON, places JSON)",
    "CREATE INDEX IF NOT EXISTS statement_keys_article ON statement_keys (article_id)",
    "CREATE TABLE IF NOT EXISTS statement_pairs (statement_id VARCHAR, article_id VARCHAR, pair VARCHAR, day BIGINT)",
    "CREATE INDEX IF NOT EXISTS statement_pairs_pair ON statement_pairs (pair)",
    "CREATE INDEX IF NOT EXISTS statement_pairs_article ON statement_pairs (article_id)",
    "CREATE INDEX IF NOT EXISTS relations_group ON relations (group_id)",
]
_FIG_KEY_COLS = ["figure_id", "article_id", "qkey", "day", "place", "period", "source", "incident"]
_ST_KEY_COLS = ["statement_id", "article_id", "start", "day", "speaker", "side", "denial", "stems", "topics", "places"]
_JSON_ST = {"stems", "topics", "places"}
_TYPES = {"day": "BIGINT", "start": "BIGINT", "denial": "BOOLEAN", **{c: "JSON" for c in _JSON_ST}}


def _typed(cols: list[str]) -> list[tuple[str, str]]:
    return [(c, _TYPES.get(c, "VARCHAR")) for c in cols]


def ensure(store) -> bool:
    """Create the side tables and indexes (once per connection); False when a read-only store has none."""
    ready = getattr(store, "_relating_ready", None)
    if ready is not None:
        return ready
    have = {r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN "
        "('figure_keys', 'statement_keys', 'statement_pairs')").fetchall()}
    try:
        for ddl in DDL:
            store.con.execute(ddl)
        ready = True
    except duckdb.InvalidInputException:  # opened read-only: use what is there
        ready = len(have) == 3
    store._relating_ready = ready
    return ready


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def figures_of_quantities(store, qkeys: list[str], exclude_articles: Iterable[str] = ()):
    """Stored (figure, key) pairs of the given quantities."""
    from unfog.fusion.fuse import FigureKey
    from unfog.store import JSON_COLUMNS

    if not ensure(store) or not qkeys:
        return []
    skip = set(exclude_articles)
    cur = store.con.execute(
        f"SELECT k.*, f.* FROM figure_keys k JOIN figures f ON f.id = k.figure_id WHERE k.qkey IN ({_marks(len(qkeys))})",
        list(qkeys))
    names = [d[0] for d in cur.description]
    nk = len(_FIG_KEY_COLS)
    out = []
    for row in cur.fetchall():
        key = FigureKey(**dict(zip(names[:nk], row[:nk])))
        if key.article_id in skip:
            continue
        d = dict(zip(names[nk:], row[nk:]))
        for c in JSON_COLUMNS["figures"]:
            if isinstance(d.get(c), str):
                d[c] = json.loads(d[c])
        out.append((Figure.from_dict(d), key))
    return out


def _statement_keys(cur) -> list:
    from unfog.fusion.fuse import StatementKey

    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        d = dict(zip(names, row))
        for c in _JSON_ST:
            d[c] = json.loads(d[c]) if isinstance(d[c], str) else (d[c] or [])
        out.append(StatementKey(**{c: d[c] for c in _ST_KEY_COLS}))
    return out


def statements_sharing(store, wanted: set[tuple[str, int]], window: int, exclude: set[str] = frozenset(),
                       exclude_articles: Iterable[str] = ()) -> list:
    """Stored statement keys sharing a topic@place pair with one of ``wanted`` (pair, day), within ``window`` days."""
    if not ensure(store) or not wanted:
        return []
    pairs = sorted(wanted)
    cur = store.con.execute(
        f"SELECT DISTINCT k.* FROM statement_pairs p JOIN statement_keys k USING (statement_id) "
        f"JOIN (SELECT unnest(?::VARCHAR[]) AS pair, unnest(?::BIGINT[]) AS day) w "
        f"ON p.pair = w.pair AND abs(p.day - w.day) <= ? "
        f"WHERE p.pair IN ({_marks(len({p for p, _ in pairs}))}) ORDER BY k.statement_id",
        [[p for p, _ in pairs], [d for _, d in pairs], window, *sorted({p for p, _ in pairs})])
    skip = set(exclude_articles)
    return [k for k in _statement_keys(cur) if k.statement_id not in exclude and k.article_id not in skip]


def quantities_of_articles(store, article_ids: list[str]) -> list[str]:
    """The quantities the stored figures of these articles count."""
    if not ensure(store) or not article_ids:
        return []
    cur = store.con.execute(
        f"SELECT DISTINCT qkey FROM figure_keys WHERE article_id IN ({_marks(len(article_ids))}) ORDER BY qkey",
        list(article_ids))
    return [r[0] for r in cur.fetchall()]


def statements_of_articles(store, article_ids: list[str]) -> list:
    if not ensure(store) or not article_ids:
        return []
    cur = store.con.execute(
        f"SELECT * FROM statement_keys WHERE article_id IN ({_marks(len(article_ids))}) ORDER BY statement_id",
        list(article_ids))
    return _statement_keys(cur)


def write_keys(store, article_ids: list[str], figure_keys: list, statement_keys: list,
               replaced_groups: list[str], replaced_figures: list[str] = ()) -> None:
    """In one transaction: the keys of these articles' records, and the removal of relations to be replaced."""
    ensure(store)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if article_ids:
            m = _marks(len(article_ids))
            for table in ("figure_keys", "statement_keys", "statement_pairs"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN ({m})", list(article_ids))
        bulk_insert(con, "figure_keys", _typed(_FIG_KEY_COLS), [k.to_row() for k in figure_keys], "INSERT OR REPLACE")
        rows = []
        for k in statement_keys:
            d = k.to_row()
            rows.append({c: json.dumps(d[c]) if c in _JSON_ST else d[c] for c in _ST_KEY_COLS})
        bulk_insert(con, "statement_keys", _typed(_ST_KEY_COLS), rows, "INSERT OR REPLACE")
        bulk_insert(con, "statement_pairs", _typed(["statement_id", "article_id", "pair", "day"]),
              [{"statement_id": k.statement_id, "article_id": k.article_id, "pair": p, "day": k.day}
               for k in statement_keys if k.day is not None for p in k.pairs()], "INSERT")
        for i in range(0, len(replaced_groups), 500):
            part = replaced_groups[i:i + 500]
            con.execute(f"DELETE FROM relations WHERE group_id IN ({_marks(len(part))})", part)
        replaced_figures = list(replaced_figures)
        for i in range(0, len(replaced_figures), 500):  # a figure relation is chosen by its later end, b
            part = replaced_figures[i:i + 500]
            con.execute(f"DELETE FROM relations WHERE b IN ({_marks(len(part))}) AND group_id LIKE 'qty_%'", part)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def stored_figure_keys(store, figure_ids: list[str] | None = None) -> dict:
    """Keys of stored figures (all, or the given ones), by figure id."""
    from unfog.fusion.fuse import FigureKey

    if not ensure(store):
        return {}
    sql = "SELECT * FROM figure_keys"
    params: list = []
    if figure_ids is not None:
        if not figure_ids:
            return {}
        sql += f" WHERE figure_id IN ({_marks(len(figure_ids))})"
        params = list(figure_ids)
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return {r[0]: FigureKey(**dict(zip(names, r))) for r in cur.fetchall()}


def relations_count(store) -> int:
    return store.count("relations")


def all_relations(store) -> list[Relation]:
    return store.records("relations", order="id")
