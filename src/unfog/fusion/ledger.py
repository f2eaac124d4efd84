"""The claims ledger: every counted quantity with its claimants, values and relations.

:func:`ledger_rows` is a pure function of figures and relations (records or
plain dicts, as read from the store), shared by ``unfog claims`` and the web
dashboard. A row holds figures of one comparable quantity (see
:class:`unfog.fusion.fuse.FigureKey`) that fusion related to each other, so a
row never mixes incidents or unrelated counts; a figure no other figure was
related to is a row of its own. Values are shown as reported. The row shape is
documented in docs/fusion.md.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any, Iterable

from unfog.fusion.fuse import FigureKey, credit_lead_counts, figure_keys, group_views, keys_same_incident, value_text
from unfog.groups import UnionFind
from unfog.model import Article, ArticleRecords, Figure, Place, Relation, stable_id

BEST_RULE = (
    "median of the claimants' most recent reported values (whole when they are whole numbers), counting only "
    "verified or international (INT) claimants when there are any"
)


def _as(cls, x):
    return x if isinstance(x, cls) else cls.from_dict(x)


def _period(days: list[str]) -> dict[str, str | None]:
    days = sorted(d for d in days if d)
    return {"start": days[0] if days else None, "end": days[-1] if days else None}


def _reported(c: dict) -> int | float | None:
    """The number a claim gives: its value, else the low end of its range."""
    return c["value"] if c["value"] is not None else c["low"]


def best_value(claims: list[dict]) -> int | float | None:
    """The best single value for a quantity (see BEST_RULE)."""
    latest: dict[str, dict] = {}
    for c in sorted(claims, key=lambda c: (c["date"] or "", c["figure_id"])):
        if _reported(c) is not None:
            latest[c["claimant_key"] or c["figure_id"]] = c
    pool = list(latest.values())
    trusted = [c for c in pool if c["verified"] or c["claimant_side"] == "INT"]
    pool = trusted or pool
    if not pool:
        return None
    values = [_reported(c) for c in pool]
    mid = statistics.median(values)
    if all(float(v).is_integer() for v in values):
        mid = round(mid)  # counts of people: no "5,999.5"
    return _plain(mid)


def _plain(x):
    return int(x) if isinstance(x, float) and x.is_integer() else x


def keys_for(figures: list[Figure], published: dict, places: dict) -> dict[str, FigureKey]:
    """Keys of figures computed from their articles' places and dates (when the store has none)."""
    by_article: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_article[f.article_id].append(f)
    out = {}
    for aid, figs in by_article.items():
        res = ArticleRecords(article=Article(id=aid, published=published.get(aid)), figures=figs,
                             places=[_as(Place, p) for p in places.get(aid, [])])
        out.update({k.figure_id: k for k in figure_keys(res)})
    return out


def _claim(v, published: dict) -> dict:
    f = v.fig
    return {
        "figure_id": f.id, "article_id": f.article_id, "claimant": f.claimant, "claimant_key": v.claimant,
        "claimant_side": f.claimant_side, "value": _plain(f.value), "low": _plain(f.low), "high": _plain(f.high),
        "qualifier": f.qualifier, "reported": value_text(f), "date": f.date or (published.get(f.article_id) or None),
        "verified": f.verified, "text": f.text, "place": f.place,
    }


def _row(vs: list, rels: list[Relation], published: dict) -> dict:
    claims = [_claim(v, published) for v in vs]
    first = vs[0].fig
    lows = [c["low"] if c["low"] is not None else c["value"] for c in claims]
    highs = [c["high"] if c["high"] is not None else c["value"] for c in claims]
    lows, highs = [x for x in lows if x is not None], [x for x in highs if x is not None]
    return {
        "id": stable_id("ldg", *sorted(v.fig.id for v in vs)),
        "quantity": vs[0].key.qkey,
        "category": first.category,
        "group": first.group,
        "group_side": next((v.fig.group_side for v in vs if v.fig.group_side), None),
        "place": next((v.fig.place for v in vs if v.fig.place), None),
        "incident": next((v.key.incident for v in vs if v.key.incident), None),
        "period": {**_period([c["date"] for c in claims]), "kind": vs[0].period},
        "claimants": claims,
        "low": min(lows) if lows else None,
        "best": best_value(claims),
        "high": max(highs) if highs else None,
        "best_rule": BEST_RULE,
        "relations": [{"type": r.type, "a": r.a, "b": r.b, "note": r.note} for r in rels],
        "contested": any(r.type == "contradicts" for r in rels),
    }


def ledger_rows(figures: Iterable[Any], relations: Iterable[Any], published: dict[str, str | None] | None = None,
                places: dict | None = None, keys: dict[str, FigureKey] | None = None) -> list[dict]:
    """One row per quantity: figures of one comparable quantity joined by fusion's relations."""
    figures = [_as(Figure, f) for f in figures]
    relations = [_as(Relation, r) for r in relations]
    published = published or {}
    keys = keys if keys is not None else keys_for(figures, published, places or {})
    # Rows are the figures joined by fusion's relations (fusion relates only comparable
    # quantities; a relation stored by an earlier version or by hand still joins its two ends).
    # (the claims as fusion compared them: a lead's count under the claimant its report names further down; a
    # keyed count in a headline has no such telling, see fuse._own_voice_echoes, so no headline is told apart)
    keyed = [(f, keys[f.id]) for f in credit_lead_counts(figures) if f.id in keys]
    views = group_views(keyed) if keyed else []
    by_id = {v.fig.id: v for v in views}
    inside = [r for r in relations if r.a in by_id and r.b in by_id]
    rows = []
    for members in _rows_of(views, inside):
        m = set(members)
        rels = sorted((r for r in inside if r.a in m), key=lambda r: (r.type, r.a, r.b))
        rows.append(_row([by_id[i] for i in members], rels, published))
    rows.sort(key=lambda r: (not r["contested"], -len(r["claimants"]), r["category"], r["place"] or "", r["id"]))
    return rows


def _rows_of(views: list, relations: list[Relation]) -> list[list[str]]:
    """Figure ids joined by relations into rows, never joining two figures of different incidents
    (a figure tied to no incident may relate to counts of two: it joins the first, in id order)."""
    by_id = {v.fig.id: v for v in views}
    uf = UnionFind(by_id)
    members: dict[str, list[str]] = {i: [i] for i in by_id}
    for r in sorted(relations, key=lambda r: (r.a, r.b, r.type)):
        ra, rb = uf.find(r.a), uf.find(r.b)
        if ra == rb or not all(keys_same_incident(by_id[x].key, by_id[y].key)
                               for x in members[ra] for y in members[rb]):
            continue
        root = uf.union(ra, rb)  # the root of b's set
        members[root] = members.pop(ra) + members.pop(rb)
    order = {v.fig.id: k for k, v in enumerate(views)}
    return sorted((sorted(ms, key=order.get) for ms in members.values()), key=lambda ms: order[ms[0]])


def contested(rows: list[dict]) -> list[dict]:
    """Rows with a contradiction, or with claimants whose latest figures cannot both be right."""
    return [r for r in rows if r["contested"] or claimants_disagree(r)]


def claimants_disagree(row: dict) -> bool:
    """Two claimants of one quantity whose figures cannot both be right (their ranges do not overlap)."""
    spans = {}
    for c in row.get("claimants") or []:
        lo = c.get("low") if c.get("low") is not None else c.get("value")
        hi = c.get("high") if c.get("high") is not None else c.get("value")
        if lo is not None and hi is not None:
            spans.setdefault(c.get("claimant_key") or c.get("claimant"), []).append((lo, hi))
    latest = [v[-1] for v in spans.values()]
    return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(latest) for b in latest[i + 1:])


def _num(x) -> str:
    if x is None:
        return "?"
    x = _plain(x)
    return f"{x:,}" if isinstance(x, int) else str(x)


def print_ledger(rows: list[dict], console) -> None:
    """The ledger as Rich tables, one per quantity."""
    from rich.table import Table

    if not rows:
        console.print("no figures to list")
        return
    for row in rows:
        title = (f"{row['category']} · {row['group'] or 'people'}"
                 + (f" ({row['group_side']})" if row["group_side"] else "")
                 + f" · {row['place'] or 'no place'} · {row['period']['start'] or '?'}..{row['period']['end'] or '?'}"
                 + (" · [red]contested[/red]" if row["contested"] else ""))
        t = Table(title=title, title_justify="left")
        for c in ("claimant", "side", "value", "date", "figure", "id"):
            t.add_column(c)
        for c in row["claimants"]:
            t.add_row(c["claimant"] or "", c["claimant_side"] or "", c["reported"], c["date"] or "", c["text"],
                      c["figure_id"])
        console.print(t)
        console.print(f"  low {_num(row['low'])}, best {_num(row['best'])}, high {_num(row['high'])}")
        for r in row["relations"]:
            console.print(f"  {r['type']}: {r['a']} -> {r['b']}" + (f" ({r['note']})" if r["note"] else ""))
