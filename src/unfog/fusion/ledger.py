"""The claims ledger: every counted quantity with its claimants, values and relations.

:func:`ledger_rows` is a pure function of figures and relations (records or
plain dicts, as read from the store), shared by ``unfog claims`` and the web
dashboard. The row shape is documented in docs/fusion.md.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any, Iterable

from unfog.fusion.entities import Resolver
from unfog.fusion.fuse import figure_views, quantity_id
from unfog.groups import UnionFind
from unfog.model import Figure, Relation

BEST_RULE = (
    "median of the claimants' most recent point values, counting only verified or "
    "international (INT) claimants when there are any"
)


def _as(cls, x):
    return x if isinstance(x, cls) else cls.from_dict(x)


def _period(days: list[str]) -> dict[str, str | None]:
    days = sorted(d for d in days if d)
    return {"start": days[0] if days else None, "end": days[-1] if days else None}


def best_value(claims: list[dict]) -> float | None:
    """The best single value for a quantity (see BEST_RULE)."""
    latest: dict[str, dict] = {}
    for c in sorted(claims, key=lambda c: (c["date"] or "", c["figure_id"])):
        if c["point"] is not None:
            latest[c["claimant_key"] or c["figure_id"]] = c
    pool = list(latest.values())
    trusted = [c for c in pool if c["verified"] or c["claimant_side"] == "INT"]
    pool = trusted or pool
    if not pool:
        return None
    return statistics.median(c["point"] for c in pool)


def ledger_rows(figures: Iterable[Any], relations: Iterable[Any], published: dict[str, str | None] | None = None,
                places: dict | None = None) -> list[dict]:
    """One row per quantity (category, group, side of the group, place, period kind)."""
    figures = [_as(Figure, f) for f in figures]
    relations = [_as(Relation, r) for r in relations]
    published = published or {}
    resolver = Resolver((f.claimant, None) for f in figures)
    views = figure_views(figures, published, places or {}, resolver)
    by_id = {v.fig.id: v for v in views}
    # quantities, merged where a relation links two of them (fusion may know more, e.g. places)
    uf = UnionFind()
    find = uf.find

    # a count with no place is only grouped with counts of its own article
    qid = {v.fig.id: quantity_id(v) if v.place else quantity_id(v) + ":" + v.fig.article_id for v in views}
    for r in relations:
        if r.a in qid and r.b in qid:
            uf.union(qid[r.a], qid[r.b])
    groups: dict[str, list] = defaultdict(list)
    for v in views:
        groups[find(qid[v.fig.id])].append(v)
    rels_of: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        if r.a in by_id:
            rels_of[find(qid[r.a])].append(r)
        elif r.b in by_id:
            rels_of[find(qid[r.b])].append(r)
    rows = []
    for key, vs in groups.items():
        vs.sort(key=lambda v: (v.fig.date or published.get(v.fig.article_id) or "", v.fig.article_id, v.fig.start))
        claims = []
        for v in vs:
            f = v.fig
            claims.append({
                "figure_id": f.id, "article_id": f.article_id, "claimant": f.claimant, "claimant_key": v.claimant,
                "claimant_side": f.claimant_side, "value": f.value, "low": f.low, "high": f.high,
                "qualifier": f.qualifier, "point": v.rng[1], "date": f.date or (published.get(f.article_id) or None),
                "verified": f.verified, "text": f.text, "place": f.place,
            })
        first = vs[0].fig
        rels = sorted(rels_of.get(key, []), key=lambda r: (r.type, r.a, r.b))
        lows = [v.rng[0] for v in vs]
        highs = [v.rng[2] for v in vs if v.rng[2] != float("inf")]
        rows.append({
            "id": key,
            "category": first.category,
            "group": first.group,
            "group_side": next((v.fig.group_side for v in vs if v.fig.group_side), None),
            "place": next((v.fig.place for v in vs if v.fig.place), None),
            "period": {**_period([c["date"] for c in claims]), "kind": vs[0].period},
            "claimants": claims,
            "low": min(lows) if lows else None,
            "best": best_value(claims),
            "high": max(highs) if highs else None,
            "best_rule": BEST_RULE,
            "relations": [{"type": r.type, "a": r.a, "b": r.b, "note": r.note} for r in rels],
            "contested": any(r.type == "contradicts" for r in rels),
        })
    rows.sort(key=lambda r: (not r["contested"], r["category"], r["place"] or "", r["id"]))
    return rows


def contested(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["contested"]]


def ledger_from_store(store) -> list[dict]:
    """Ledger rows for everything stored (reads figures, relations, places and dates)."""
    figures = store.records("figures")
    relations = store.records("relations")
    published = {a["id"]: a.get("published") for a in store.rows("articles")}
    places: dict = {}
    for p in store.records("places"):
        places.setdefault(p.article_id, []).append(p)
    return ledger_rows(figures, relations, published=published, places=places)


def _num(x) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, (int, float)) else str(x)


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
            v = _num(c["value"]) if c["value"] is not None else f"{_num(c['low'])}-{_num(c['high'])}"
            t.add_row(c["claimant"] or "", c["claimant_side"] or "", (c["qualifier"] + " " if c["qualifier"] else "") + v,
                      c["date"] or "", c["text"], c["figure_id"])
        console.print(t)
        console.print(f"  low {_num(row['low'])}, best {_num(row['best'])}, high {_num(row['high'])}")
        for r in row["relations"]:
            console.print(f"  {r['type']}: {r['a']} -> {r['b']}" + (f" ({r['note']})" if r["note"] else ""))
