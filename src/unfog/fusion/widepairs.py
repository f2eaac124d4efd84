"""Wider candidate pairs for the learned relation kind: figures of one category the quantity key or ``comparable``
keeps apart (issue 18).

``fuse`` compares only figures of one quantity key (category, counted group, place, period) that ``comparable``
admits. On real news many true relations fall outside: two reports count the same dead at a town and at its region,
as "people" and as "civilians", or one incident's toll is tied to two differently typed events. This module
enumerates, for a batch, every pair of figures of one category told within ``days`` of each other whose keys differ
or which ``comparable`` refuses (except a figure and its own part, one source repeating itself and undated counts),
never two figures :func:`fuse.beyond_reach` of each other, and lets the learned model (``relkind``, its ``wide``
section) judge them with the features saying which part of the key or test disagrees.

Deterministic: each candidate and its decision depend on the two figures alone (views sorted by their order, the
two claimants resolved between themselves), not on the order or chunking of the input nor on the other figures. Without a ``wide``
margin in ``lexicons/relation_kind.json`` nothing is related here.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from unfog.fusion import fuse as F
from unfog.fusion import relkind
from unfog.model import Figure, Relation

# tests of ``comparable`` whose refusal leaves no relation to judge: a figure and its own part, one source
# repeating itself, a count with no day
NEVER = frozenset({"nested", "same_source", "no_day"})
PLACES = ("equal", "nested", "apart", "unknown")
GROUPS = ("equal", "generic", "apart")


def wide_data(data: dict | None = None) -> dict:
    """The ``wide`` section of the relation kind model ({} when there is none)."""
    return (relkind.model() if data is None else data).get("wide") or {}


def _place_relation(a: str, b: str) -> str:
    """How two count places stand: one key, one within the other (places the gazetteer knows, not apart), apart,
    or unknown (a name the gazetteer does not know, an article or a topic)."""
    if a == b:
        return "equal"
    if F._gazetteer_key(a) and F._gazetteer_key(b):
        return "apart" if F._placed_apart(a, b) else "nested"
    return "unknown"


def _group_relation(a: str | None, b: str | None) -> str:
    """How two counted groups stand: the same, one of them people of no stated kind, or two kinds."""
    if (a or "") == (b or ""):
        return "equal"
    return "generic" if not a or not b or "people" in (a, b) else "apart"


def features(a: F.FigureView, b: F.FigureView, refused: str | None) -> dict[str, float]:
    """The pair's features (``relkind.features``, with no rule answer) and which part of the key or of
    ``comparable`` (``refused``: the first test it fails, None when it fails none) keeps the two apart."""
    f = relkind.features(a, b, None)
    f["wide_qkey_differs"] = float(a.key.qkey != b.key.qkey)
    place = _place_relation(a.place, b.place)
    for p in PLACES:
        f[f"wide_place_{p}"] = float(place == p)
    group = _group_relation(a.group, b.group)
    for g in GROUPS:
        f[f"wide_group_{g}"] = float(group == g)
    f["wide_persons_combatants"] = float(F.quantity_group(a.group) != F.quantity_group(b.group))
    f["wide_period_equal"] = float(a.period == b.period)
    f["wide_period_cumulative"] = float("cumulative" in (a.period, b.period) and a.period != b.period)
    f["wide_period_daily"] = float("daily" in (a.period, b.period) and a.period != b.period)
    ia, ib = a.key.incident, b.key.incident
    f["wide_incident_same"] = float(bool(ia and ib) and F.keys_same_incident(a.key, b.key))
    f["wide_incident_other"] = float(bool(ia and ib) and not F.keys_same_incident(a.key, b.key))
    f["wide_incident_one"] = float(bool(ia) != bool(ib))
    for r in F.REFUSALS:
        f[f"wide_refused_{r}"] = float(refused == r)
    f["wide_refused_none"] = float(refused is None)
    return f


def candidates(pairs: Iterable[tuple[Figure, F.FigureKey]], days: int) -> list[tuple[F.FigureView, F.FigureView, str | None]]:
    """Every wider candidate pair ``(a, b, refused)`` of a batch, ``a`` before ``b`` in fuse's order: one category,
    counted days at most ``days`` apart, keys that differ or a test of ``comparable`` refused (``refused``, its
    name), not one of :data:`NEVER`, not :func:`fuse.beyond_reach`. Sorted, so the same set for any input order."""
    by_category: dict[str, list[tuple[Figure, F.FigureKey]]] = defaultdict(list)
    for f, k in pairs:
        if k.day is not None:
            by_category[f.category].append((f, k))
    out = []
    for cat in sorted(by_category):
        members = by_category[cat]
        alone = F.names_resolver(set())  # (the order of a view does not depend on its claimant's key)
        views = sorted((F.figure_view(f, k, alone) for f, k in members), key=lambda v: v.order)
        lo = 0
        for j, v in enumerate(views):
            while v.day - views[lo].day > days:  # (views are in order of their day first)
                lo += 1
            for x in views[lo:j]:
                a, b = _between(x, views[j])
                refused = F.refusal(a, b)
                if (refused is None and a.key.qkey == b.key.qkey) or refused in NEVER or F.beyond_reach(a, b):
                    continue
                out.append((a, b, refused))
    return out


def _between(a: F.FigureView, b: F.FigureView) -> tuple[F.FigureView, F.FigureView]:
    """The pair's views with the two claimants resolved between themselves ("Kovalenko" and "Oleh Kovalenko")."""
    resolver = F.claimant_resolver([a.fig, b.fig])
    return F.figure_view(a.fig, a.key, resolver), F.figure_view(b.fig, b.key, resolver)


def relate_wide(pairs: Iterable[tuple[Figure, F.FigureKey]], data: dict | None = None) -> list[Relation]:
    """The relations the learned model adds among the wider candidate pairs of a batch (none when its ``wide``
    section has no margin)."""
    wide = wide_data(data)
    if wide.get("margin") is None:
        return []
    out = []
    for a, b, refused in candidates(pairs, wide.get("days", F.SAME_TIME_DAYS)):
        kind = relkind.learned(features(a, b, refused), None, wide)
        if kind:
            out.append(Relation(type=kind, a=a.fig.id, b=b.fig.id, note=F._note(kind, a, b, relkind.WHY[kind]),
                                group_id=a.key.qkey))
    return out
