"""The store's query layer for fusion: lookups of comparable records by key.

Relating new articles to the store must not reload every figure and statement,
so fusion stores, next to each figure and statement, the key it is compared by
(:class:`unfog.fusion.fuse.FigureKey`, :class:`unfog.fusion.fuse.StatementKey`)
in side tables, and asks only for the records that share a key:

- ``figure_keys``: one row per comparable figure, with its quantity (``qkey``);
- ``statement_keys``: one row per statement; ``statement_pairs``: one row per
  (topic@place, day) of a statement.

What is read is kept in memory between chunks (:mod:`unfog.store.relating_cache`,
by quantity, pair and article), so an ingest reads each from the database once;
DuckDB's ART indexes would not serve these lookups (it scans for ``= ANY(list)``),
so the side tables have none beyond their primary keys.

Relations are replaced by group (a quantity, or the statement that chose them),
so relating a group again gives the same rows whatever came before.
"""
from __future__ import annotations

import json
from bisect import insort
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import duckdb

from unfog.fusion import widepairs
from unfog.fusion.fuse import (SAME_TIME_DAYS, FigureKey, FigureView, StatementKey, credit_lead_counts,
                              credited_figures, dedupe, within_reach, figure_keys, figure_view, group_views,
                              names_resolver, related_later, relate_group, relate_statement_pool, statement_group,
                              statement_keys, relate_wide, wide_bucket, wide_group, wide_reach)
from unfog.fusion.ledger import keys_for, ledger_rows
from unfog.model import ArticleRecords, Figure, Relation
from unfog.store import bulk_insert, transaction
from unfog.store.relating_cache import RelatingCache

DDL = [
    "CREATE TABLE IF NOT EXISTS figure_keys (figure_id VARCHAR PRIMARY KEY, article_id VARCHAR, qkey VARCHAR, "
    "day BIGINT, place VARCHAR, period VARCHAR, source VARCHAR, incident VARCHAR, reported BIGINT, clock BIGINT, "
    "category VARCHAR, country VARCHAR)",
    "ALTER TABLE figure_keys ADD COLUMN IF NOT EXISTS reported BIGINT",  # stores written before it
    "ALTER TABLE figure_keys ADD COLUMN IF NOT EXISTS clock BIGINT",  # (and before this one)
    # (and before these: their figures are found as wider candidates once their articles are reprocessed)
    "ALTER TABLE figure_keys ADD COLUMN IF NOT EXISTS category VARCHAR",
    "ALTER TABLE figure_keys ADD COLUMN IF NOT EXISTS country VARCHAR",
    "CREATE TABLE IF NOT EXISTS statement_keys (statement_id VARCHAR PRIMARY KEY, article_id VARCHAR, start BIGINT, "
    "day BIGINT, speaker VARCHAR, side VARCHAR, denial BOOLEAN, stems JSON, topics JSON, places JSON)",
    "CREATE TABLE IF NOT EXISTS statement_pairs (statement_id VARCHAR, article_id VARCHAR, pair VARCHAR, day BIGINT)",
] + [f"DROP INDEX IF EXISTS {name}" for name in (
    # secondary indexes of earlier versions: DuckDB answers none of relating's lookups with them (``= ANY(list)``
    # is a hash join over a scan, see EXPLAIN), and every insert paid for them
    "figure_keys_qkey", "figure_keys_article", "statement_keys_article", "statement_pairs_pair",
    "statement_pairs_article", "relations_group")]
_FIG_KEY_COLS = ["figure_id", "article_id", "qkey", "day", "place", "period", "source", "incident", "reported",
                 "clock", "category", "country"]
_ST_KEY_COLS = ["statement_id", "article_id", "start", "day", "speaker", "side", "denial", "stems", "topics", "places"]
_JSON_ST = {"stems", "topics", "places"}
_TYPES = {"day": "BIGINT", "reported": "BIGINT", "clock": "BIGINT", "start": "BIGINT", "denial": "BOOLEAN", **{c: "JSON" for c in _JSON_ST}}


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
    """Stored (figure, key) pairs of the given quantities: the keys by quantity, then those figures by id
    (a join would read every column of every stored figure; a filter on ids reads the others only
    where an id matches).

    The figures are those fusion compares: the store keeps them as extracted, and a count a report tells
    in its own voice takes the claimant its article names further down for it (``fuse.credit_lead_counts``),
    so the same scan reads the attributed counts of the keys' articles (the later telling is mostly the
    lead's echo, keyed to no quantity). No headline is told apart (no article text is read): a keyed
    own-voice count with such a telling after it lies past the headline, since one in the headline is an
    echo and has no key (``fuse._own_voice_echoes``)."""
    if not ensure(store) or not qkeys:
        return []
    skip = set(exclude_articles)
    cur = store.con.execute("SELECT * FROM figure_keys WHERE qkey = ANY(?::VARCHAR[])", [list(qkeys)])
    return _credited_figures(store, {k.figure_id: k for k in _figure_keys(cur) if k.article_id not in skip})


def _figure_keys(cur) -> list[FigureKey]:
    names = [d[0] for d in cur.description]  # an older store may lack a column
    out = []
    for row in cur.fetchall():
        d = dict(zip(names, row))
        for c in ("category", "country"):  # (NULL in rows stored before these columns)
            d[c] = d.get(c) or ""
        out.append(FigureKey(**d))
    return out


def _credited_figures(store, keys: dict[str, FigureKey]) -> list[tuple[Figure, FigureKey]]:
    """The stored figures of these keys as fusion compares them (see :func:`figures_of_quantities`)."""
    if not keys:
        return []
    read = _figures(store.con.execute(
        "SELECT * FROM figures WHERE id = ANY($1::VARCHAR[]) OR (article_id = ANY($2::VARCHAR[]) "
        "AND statement_id IS NOT NULL AND value IS NOT NULL)",
        [sorted(keys), sorted({k.article_id for k in keys.values()})]))
    return [(f, keys[f.id]) for f in credit_lead_counts(read) if f.id in keys]


def _figures(cur) -> list[Figure]:
    from unfog.store import JSON_COLUMNS

    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        d = dict(zip(names, row))
        for c in JSON_COLUMNS["figures"]:
            if isinstance(d.get(c), str):
                d[c] = json.loads(d[c])
        out.append(Figure.from_dict(d))
    return out


def _statement_keys(cur) -> list:
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
    days: dict[str, list[int]] = defaultdict(list)
    for p, d in wanted:
        days[p].append(d)
    by_pair = RelatingCache.of(store).sharing(store, sorted(days), statements_of_pairs)
    skip = set(exclude_articles)
    found = {}
    for p, ds in days.items():
        by_day = by_pair[p]
        for day in {x for d in ds for x in range(d - window, d + window + 1)}:
            for k in by_day.get(day, {}).values():
                if k.statement_id not in exclude and k.article_id not in skip:
                    found[k.statement_id] = k
    return [found[i] for i in sorted(found)]


def statements_of_pairs(store, pairs: list[str]) -> list:
    """Stored statement keys with any of these topic@place pairs (one scan of the pairs, then the keys by id)."""
    if not ensure(store) or not pairs:
        return []
    cur = store.con.execute(
        "SELECT * FROM statement_keys WHERE statement_id IN "
        "(SELECT statement_id FROM statement_pairs WHERE pair = ANY(?::VARCHAR[])) ORDER BY statement_id", [list(pairs)])
    return _statement_keys(cur)


def quantities_of_articles(store, article_ids: list[str]) -> list[str]:
    """The quantities the stored figures of these articles count."""
    if not ensure(store) or not article_ids:
        return []
    cur = store.con.execute("SELECT DISTINCT qkey FROM figure_keys WHERE article_id = ANY(?::VARCHAR[]) ORDER BY qkey",
                            [list(article_ids)])
    return [r[0] for r in cur.fetchall()]


def statements_of_articles(store, article_ids: list[str]) -> list:
    if not ensure(store) or not article_ids:
        return []
    cur = store.con.execute("SELECT * FROM statement_keys WHERE article_id = ANY(?::VARCHAR[]) ORDER BY statement_id",
                            [list(article_ids)])
    return _statement_keys(cur)


def write_keys(store, article_ids: list[str], figure_keys: list, statement_keys: list,
               replaced_groups: list[str], dropped_relations: list[Relation] = (), keyed: list[str] | None = None) -> None:
    """In one transaction: the keys of these articles' records, and the removal of relations to be replaced
    (whole groups, and single relations by id)."""
    ensure(store)
    # new articles (the common case) have no keys to remove
    stored = keyed_articles(store, article_ids) if keyed is None else keyed
    args = (store.con, stored, figure_keys, statement_keys, replaced_groups, dropped_relations)
    try:  # plain inserts once the articles' keys are removed (an insert that may replace costs DuckDB more)
        _write_keys(*args, verb="INSERT")
    except duckdb.ConstraintException:  # a key of another article with the same id: replaced, as ever
        _write_keys(*args, verb="INSERT OR REPLACE")


def _write_keys(con, stored: list[str], figure_keys: list, statement_keys: list, replaced_groups: list[str],
                dropped_relations: list[Relation], verb: str) -> None:
    with transaction(con):
        if stored:
            for table in ("figure_keys", "statement_keys", "statement_pairs"):
                con.execute(f"DELETE FROM {table} WHERE article_id = ANY(?::VARCHAR[])", [stored])
        bulk_insert(con, "figure_keys", _typed(_FIG_KEY_COLS), [k.to_row() for k in figure_keys], verb)
        rows = []
        for k in statement_keys:
            d = k.to_row()
            rows.append({c: json.dumps(d[c]) if c in _JSON_ST else d[c] for c in _ST_KEY_COLS})
        bulk_insert(con, "statement_keys", _typed(_ST_KEY_COLS), rows, verb)
        bulk_insert(con, "statement_pairs", _typed(["statement_id", "article_id", "pair", "day"]),
              [{"statement_id": k.statement_id, "article_id": k.article_id, "pair": p, "day": k.day}
               for k in statement_keys if k.day is not None for p in k.pairs()], "INSERT")
        if replaced_groups:
            con.execute("DELETE FROM relations WHERE group_id = ANY(?::VARCHAR[])", [list(replaced_groups)])
        if dropped_relations:  # by primary key
            con.execute("DELETE FROM relations WHERE id = ANY(?::VARCHAR[])", [sorted({r.id for r in dropped_relations})])


def keyed_articles(store, article_ids: list[str]) -> list[str]:
    """Those of the articles that have keys stored (were related before)."""
    if not article_ids:
        return []
    ids = [list(article_ids)]
    found = {r[0] for r in store.con.execute(
        "SELECT article_id FROM figure_keys WHERE article_id = ANY($1::VARCHAR[]) UNION "
        "SELECT article_id FROM statement_keys WHERE article_id = ANY($1::VARCHAR[])", ids).fetchall()}
    return sorted(found)


def stored_figure_keys(store, figure_ids: list[str] | None = None) -> dict:
    """Keys of stored figures (all, or the given ones), by figure id."""
    if not ensure(store):
        return {}
    sql = "SELECT * FROM figure_keys"
    params: list = []
    if figure_ids is not None:
        if not figure_ids:
            return {}
        sql += f" WHERE figure_id IN ({_marks(len(figure_ids))})"
        params = list(figure_ids)
    return {k.figure_id: k for k in _figure_keys(store.con.execute(sql, params))}


def figures_near(store, category: str, country: str, first: int, last: int,
                 exclude_articles: Iterable[str] = ()) -> list[tuple[Figure, FigureKey]]:
    """Stored (figure, key) pairs of one wider bucket (``fuse.wide_bucket``: category, country; with the countries of
    its ``fuse.wide_reach``, its neighbours) counted from day ``first`` to ``last``."""
    if not ensure(store):
        return []
    skip = set(exclude_articles)
    cur = store.con.execute("SELECT * FROM figure_keys WHERE category = ? AND coalesce(country, '') = ANY(?::VARCHAR[]) "
                            "AND day BETWEEN ? AND ?", [category, list(wide_reach(country)), first, last])
    return _credited_figures(store, {k.figure_id: k for k in _figure_keys(cur) if k.article_id not in skip})


def figure_keys_of_articles(store, article_ids: list[str]) -> list[FigureKey]:
    """The stored keys of these articles' figures."""
    if not ensure(store) or not article_ids:
        return []
    return _figure_keys(store.con.execute("SELECT * FROM figure_keys WHERE article_id = ANY(?::VARCHAR[]) "
                                          "ORDER BY figure_id", [list(article_ids)]))


def relations_count(store) -> int:
    return store.count("relations")


def all_relations(store) -> list[Relation]:
    return store.records("relations", order="id")


# -- relating a chunk against the store (fusion's rules, the store's lookups) ----
@dataclass
class StoreRelating:
    """What relating a chunk against the store decided: keys to store, relations to replace."""

    figure_keys: list[FigureKey]
    statement_keys: list[StatementKey]
    relations: list[Relation]
    replaced_groups: list[str]  # stored relations of these groups are replaced by ``relations``
    dropped_relations: list[Relation] = field(default_factory=list)  # and these stored ones are no longer chosen
    keyed_articles: list[str] = field(default_factory=list)  # the chunk's articles that were related before
    views: dict[str, list[FigureView]] = field(default_factory=dict)  # each touched quantity's figures, as compared


def relate_chunk(results: list[ArticleRecords], store) -> StoreRelating:
    """Relate a chunk of new articles to each other and to the store, incrementally.

    Only stored records that could be compared with the new ones are read, through
    indexed lookups (figures of the same quantities, statements sharing a topic and
    place within a few days). Every quantity and statement whose relations may
    change is related again from all its comparable records, so the stored relations
    end up the same whatever the order and chunking of the input.
    """
    ok = [r for r in results if r.article.status == "ok"]
    chunk_articles = sorted({r.article.id for r in results})
    fkeys = [k for r in ok for k in figure_keys(r)]
    skeys = [k for r in ok for k in statement_keys(r)]
    keyed = RelatingCache.of(store).keyed_among(store, chunk_articles) if ensure(store) else []
    rels, groups, dropped, views = _relate_quantities_with_store(ok, fkeys, store, keyed, chunk_articles)
    wrels, wgroups = _relate_wide_with_store(ok, fkeys, store, keyed, chunk_articles)
    srels, foci = _relate_statements_with_store(skeys, store, chunk_articles)
    groups += wgroups + [statement_group(s) for s in sorted(foci)]
    return StoreRelating(fkeys, skeys, dedupe(rels + wrels + srels), groups, dropped, keyed, views)


def _relate_quantities_with_store(ok: list[ArticleRecords], fkeys: list[FigureKey], store, keyed: list[str],
                                  chunk_articles: list[str]) -> tuple[list[Relation], list[str], list[Relation], dict]:
    """Relations of the quantities the new figures count: (relations, quantities related again
    from scratch, stored relations the others no longer choose, the views of each quantity)."""
    new_figs = {f.id: f for r in ok for f in credited_figures(r)}
    # quantities the chunk's articles counted when stored before (reprocess): related again in full
    redo = set(quantities_of_articles(store, keyed))
    qkeys = sorted({k.qkey for k in fkeys} | redo)
    if not qkeys:
        return [], [], [], {}
    cache = RelatingCache.of(store) if ensure(store) else None
    # a stored figure of the chunk's articles has keys: only articles related before can have one
    skip = set(chunk_articles) if keyed else set()
    if cache is not None:
        cache.load(store, qkeys, figures_of_quantities)
        stored = {qk: cache.stored(qk, skip) for qk in qkeys}
    else:
        stored = defaultdict(list)
        for f, k in figures_of_quantities(store, qkeys, exclude_articles=chunk_articles):
            stored[k.qkey].append((f, k))
    new: dict[str, list] = defaultdict(list)
    for k in fkeys:
        new[k.qkey].append((new_figs[k.figure_id], k))
    rels, full, later, all_views = [], [], [], {}
    for qk in qkeys:
        new_ids = {f.id for f, _ in new[qk]}
        views = None if qk in redo else _joined_views(cache, qk, stored[qk], new[qk])
        if views is None:
            views = group_views(stored[qk] + new[qk])
            rels += relate_group(views)
            full.append(qk)
        else:
            # the new figures choose among all before them; a stored figure a new one relates to
            # chooses again (see _rechoose_stored)
            # (only the figures within reach of a new one: the others relate to none of them, fuse.beyond_reach)
            near = within_reach(views, [v for v in views if v.fig.id in new_ids])
            rels += relate_group(near, only=new_ids)
            later.append((qk, views, related_later(near, new_ids)))
        all_views[qk] = views
    again, dropped = _rechoose_stored(store, cache, later)
    return rels + again, full, dropped, all_views


def _relate_wide_with_store(ok: list[ArticleRecords], fkeys: list[FigureKey], store, keyed: list[str],
                            chunk_articles: list[str]) -> tuple[list[Relation], list[str]]:
    """The wider relations (``fuse.relate_wide``) the new figures may change: (relations, their groups to replace).

    A figure chooses among the figures of its bucket before it, ``days`` back at most (``fuse.wide_choices``), so a
    new figure, or a reprocessed article's figure as it was stored, changes the choices of the figures of its bucket
    and of its neighbours' (``fuse.wide_reach``: a bucket's views hold its neighbours' figures too) from its day to
    ``days`` after: those of each such bucket's own country choose again, among the stored figures of their views
    from ``days`` before the first of them (one lookup per bucket)."""
    wide = widepairs.wide_data()
    if wide.get("margin") is None or not ensure(store):
        return [], []
    days = wide.get("days", SAME_TIME_DAYS)
    new_figs = {f.id: f for r in ok for f in credited_figures(r)}
    new = [(new_figs[k.figure_id], k) for k in fkeys]
    old = figure_keys_of_articles(store, keyed)  # (as stored before this chunk replaces them)
    touched: dict[tuple[str, str], list[int]] = defaultdict(list)
    for f, k in new:
        if k.day is not None:
            category, country = wide_bucket(f, k)
            for c in wide_reach(country):
                touched[(category, c)].append(k.day)
    for k in old:
        if k.day is not None and k.category:
            for c in wide_reach(k.country or ""):
                touched[(k.category, c)].append(k.day)
    pairs = {f.id: (f, k) for f, k in new if k.day is not None}
    chosen = set(pairs)
    for (category, country), ds in sorted(touched.items()):
        for f, k in figures_near(store, category, country, min(ds) - days, max(ds) + days, chunk_articles):
            pairs.setdefault(f.id, (f, k))  # (a neighbour's figure may be looked up for two buckets)
            # (only the bucket's own: a neighbour's figure chooses again when its own bucket is touched, with all
            # of its views looked up)
            if (k.country or "") == country and any(d <= k.day <= d + days for d in ds):
                chosen.add(f.id)
    groups = sorted({wide_group(i) for i in chosen} | {wide_group(k.figure_id) for k in old})
    return relate_wide(list(pairs.values()), only=chosen), groups


def _joined_views(cache, qk: str, stored: list, new: list) -> list[FigureView] | None:
    """Views of a quantity's stored and new figures, the stored ones as they were (kept by the cache);
    None when the stored figures' claimants resolve otherwise once the new names join them
    ("Kovalenko" meeting "Oleh Kovalenko"), or nothing is stored: then all of them choose again."""
    if not stored or not new:
        return None
    whole = cache is not None and cache.holds_all(qk, len(stored))  # (not when the chunk's articles were left out)
    names = cache.names_of(qk) if whole else {f.claimant for f, _ in stored if f.claimant}
    alone = joined = names_resolver(names)
    added = {f.claimant for f, _ in new if f.claimant} - names
    if added:  # (no new name: the same resolver)
        joined = names_resolver(names | added)
        if any(alone.key(n) != joined.key(n) for n in sorted(names)):
            return None
    kept = cache.views_of(qk) if whole else None
    if kept is None or len(kept) != len(stored):
        kept = sorted((figure_view(f, k, alone) for f, k in stored), key=_order)
    views = list(kept)  # (kept in order: the new ones are put in their places)
    for f, k in new:
        insort(views, figure_view(f, k, joined), key=_order)
    return views


def _order(v: FigureView) -> tuple:
    return v.order


def _rechoose_stored(store, cache, later: list[tuple[str, list[FigureView], dict]]) -> tuple[list[Relation], list[Relation]]:
    """New choices of the stored figures that new figures relate to: (relations to write, their
    stored relations that are no longer chosen)."""
    if cache is None:
        kept = relations_chosen_by(store, sorted(b for _, _, found in later for b in found))
    rels, dropped = [], []
    for qk, views, found in later:
        if not found:
            continue
        by_id = {v.fig.id: v for v in views}
        for b_id in sorted(found):
            before = cache.chosen_by(qk, b_id) if cache is not None else kept.get(b_id, [])
            # it chooses among all the figures within its reach: choosing from its kept relations and the new
            # figures alone (fuse.rechoose) no longer gives the same since fuse.choose keeps a source's own
            # update that a later corroboration would drop
            now = relate_group(within_reach(views, [by_id[b_id]]), only={b_id})
            ids = {r.id for r in now}
            dropped += [r for r in before if r.id not in ids]
            if ids != {r.id for r in before}:
                rels += now
    return rels, dropped


def _relate_statements_with_store(skeys: list[StatementKey], store,
                                  chunk_articles: list[str]) -> tuple[list[Relation], set[str]]:
    """Relations chosen by new statements, and by stored ones that now have new candidates."""
    if not skeys:
        return [], set()
    new = {k.statement_id: k for k in skeys}
    wanted = {(p, k.day) for k in skeys if k.day is not None for p in k.reach()}
    # stored statements that can see a new one: they choose again
    near = statements_sharing(store, wanted, SAME_TIME_DAYS, exclude=set(new), exclude_articles=chunk_articles)
    foci = set(new) | {k.statement_id for k in near}
    # everything those can see: statements sharing a pair within the window of each focus, and their articles
    wider = {(p, k.day) for k in near if k.day is not None for p in k.reach()}
    pool = {k.statement_id: k for k in near}
    for k in statements_sharing(store, wider, SAME_TIME_DAYS, exclude=set(new), exclude_articles=chunk_articles):
        pool.setdefault(k.statement_id, k)
    for k in RelatingCache.of(store).of_articles(store, sorted({k.article_id for k in near}),
                                                       statements_of_articles):
        pool.setdefault(k.statement_id, k)
    pool.update(new)
    return relate_statement_pool(pool.values(), foci), foci


def remember(store, results: list[ArticleRecords], rel: StoreRelating) -> None:
    """Keep what a committed chunk wrote in the store's cache (see :mod:`unfog.store.relating_cache`)."""
    cache = getattr(store, "_relating_cache", None)
    if cache is not None:
        ok = [r for r in results if r.article.status == "ok"]
        cache.remember(store, {f.id: f for r in ok for f in credited_figures(r)}, [r.article.id for r in ok], rel)


def relate_with_store(results: list[ArticleRecords], store) -> list[Relation]:
    """Relations of new records among themselves and with what the store holds (see :func:`relate_chunk`)."""
    return relate_chunk(results, store).relations


def ledger_from_store(store) -> list[dict]:
    """Ledger rows for everything stored (figures, relations and the stored quantity keys)."""
    figures = store.records("figures")
    published = {a["id"]: a.get("published") for a in store.rows("articles")}
    keys = stored_figure_keys(store)
    # figures stored without keys (by an older version): keys from their articles' places (an article that
    # has keys left the others out on purpose: parts of a toll, counts a denial restates)
    keyed = {k.article_id for k in keys.values()}
    missing = sorted({f.article_id for f in figures if f.id not in keys and f.article_id not in keyed})
    places: dict = {}
    for aid in missing:
        places[aid] = store.records("places", where="article_id = ?", params=[aid])
    keys.update(keys_for([f for f in figures if f.article_id in places], published, places))
    return ledger_rows(figures, store.records("relations"), published=published, keys=keys)
