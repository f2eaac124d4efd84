"""Wider candidate pairs for the learned relation kind: figures of one category the quantity key or ``comparable``
keeps apart (issue 18).

``fuse`` compares only figures of one quantity key (category, counted group, place, period) that ``comparable``
admits. On real news many true relations fall outside: two reports count the same dead at a town and at its region,
as "people" and as "civilians", or one incident's toll is tied to two differently typed events. ``fuse.wide_candidates``
enumerates, for a batch, every pair of figures of one category told within ``days`` of each other whose keys differ
or which ``comparable`` refuses (except a figure and its own part, one source repeating itself and undated counts),
never two figures ``fuse.beyond_reach`` of each other, and ``fuse.relate_wide`` lets the learned model (``relkind``,
its ``wide`` section) judge them with the features this module gives: which part of the key or test disagrees.

Deterministic: each candidate and its decision depend on the two figures alone (views sorted by their order, the
two claimants resolved between themselves), not on the order or chunking of the input nor on the other figures. Without a ``wide``
margin in ``lexicons/relation_kind.json`` nothing is related here.
"""
from __future__ import annotations

from unfog.fusion import relkind

# the tests of ``fuse.comparable``, in its order, as ``fuse.refusal`` names the first one a pair fails
REFUSALS = ("group_side", "nested", "counted_kind", "past_act", "groups", "force", "prior", "same_source", "no_day",
            "placed_apart", "incident")
# tests whose refusal leaves no relation to judge: a figure and its own part, one source repeating itself, a count
# with no day
NEVER = frozenset({"nested", "same_source", "no_day"})
PLACES = ("equal", "nested", "apart", "unknown")
GROUPS = ("equal", "generic", "apart")


def wide_data(data: dict | None = None) -> dict:
    """The ``wide`` section of the relation kind model ({} when there is none)."""
    return (relkind.model() if data is None else data).get("wide") or {}


def _group_relation(a: str | None, b: str | None) -> str:
    """How two counted groups stand: the same, one of them people of no stated kind, or two kinds."""
    if (a or "") == (b or ""):
        return "equal"
    return "generic" if not a or not b or "people" in (a, b) else "apart"


def features(a, b, refused: str | None, place: str, same_incident: bool, persons_combatants: bool) -> dict[str, float]:
    """The features of a wider pair of figure views (``fuse.FigureView``, ``a`` not later than ``b``):
    ``relkind.features`` with no rule answer, and which part of the key or of ``comparable`` keeps the two apart
    (``refused``: the first test it fails, None when none; ``place``: one of :data:`PLACES`; ``same_incident``: both
    tied to incidents that may be one; ``persons_combatants``: one counts combatants, the other not)."""
    f = relkind.features(a, b, None)
    f["wide_qkey_differs"] = float(a.key.qkey != b.key.qkey)
    f["wide_country_differs"] = float((a.key.country or "") != (b.key.country or ""))  # (neighbours: fuse.wide_reach)
    for p in PLACES:
        f[f"wide_place_{p}"] = float(place == p)
    group = _group_relation(a.group, b.group)
    for g in GROUPS:
        f[f"wide_group_{g}"] = float(group == g)
    f["wide_persons_combatants"] = float(persons_combatants)
    f["wide_period_equal"] = float(a.period == b.period)
    f["wide_period_cumulative"] = float("cumulative" in (a.period, b.period) and a.period != b.period)
    f["wide_period_daily"] = float("daily" in (a.period, b.period) and a.period != b.period)
    ia, ib = a.key.incident, b.key.incident
    f["wide_incident_same"] = float(bool(ia and ib) and same_incident)
    f["wide_incident_other"] = float(bool(ia and ib) and not same_incident)
    f["wide_incident_one"] = float(bool(ia) != bool(ib))
    for r in REFUSALS:
        f[f"wide_refused_{r}"] = float(refused == r)
    f["wide_refused_none"] = float(refused is None)
    return f
