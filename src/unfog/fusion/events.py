"""The same incident reported by several articles becomes one event.

Per-article events come from the events extractor (which already joins the
mentions of one incident within an article). Here two events from *different*
articles are one incident when they have the same type, compatible sub-types
and sides, days within a day or two, and the same place (25 km). Every source
is kept: the merged record lists every article, every evidence span (with its
article id), every figure and statement id and the ids it was merged from.

Candidate pairs come from a sweep over events sorted by day, so merging never
compares all pairs: only events whose day spans are within the slack of each
other are tested (undated or month-precise events never merge).
"""
from __future__ import annotations

import re
from dataclasses import replace

from unfog.days import day_number
from unfog.geo import distance_km
from unfog.groups import UnionFind
from unfog.lexicons.events import HIDDEN_TAGS
from unfog.model import Event, stable_id
from unfog.text import fold

MERGE_KM = 25.0
MAX_SLACK_DAYS = 2


def place_key(name: str | None, geonames_id: int | None = None) -> str | None:
    """Equal for spellings of one place: the GeoNames id, else a consonant skeleton."""
    if geonames_id:
        return f"g{geonames_id}"
    f = fold(name)
    if not f:
        return None
    f = re.sub(r"^(?:the )?(?:city|town|village|port|region|oblast) of ", "", f)
    skel = re.sub(r"[aeiouyh\s]", "", f)
    skel = re.sub(r"(.)\1+", r"\1", skel)  # Zaporizhia ~ Zaporizhzhia, Kyiv ~ Kiev
    return "n" + (skel if len(skel) >= 3 else f)


def _same_place(a: Event, b: Event) -> bool:
    if a.geonames_id and b.geonames_id and a.geonames_id == b.geonames_id:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM
    ka, kb = place_key(a.place), place_key(b.place)
    return ka is not None and ka == kb


def day_span(e: Event) -> tuple[int, int] | None:
    """(first day, last day) as day numbers; None when undated or coarser than a week."""
    d0 = day_number(e.date)
    if d0 is None or (e.time_precision or 1) > 2:
        return None
    return d0, max(d0, day_number(e.date_end) or d0)


def _hidden(e: Event) -> bool:
    return bool(set(e.tags or []) & HIDDEN_TAGS)


def same_incident(a: Event, b: Event) -> bool:
    """Two events (from different articles) reporting one incident."""
    if a.event_type != b.event_type or _hidden(a) != _hidden(b):
        return False
    subs = {a.sub_event_type, b.sub_event_type}
    if len(subs) > 1 and not (subs & {"Other", "", None}):
        return False
    for x, y in ((a.actor1_side, b.actor1_side), (a.actor2_side, b.actor2_side)):
        if x and y and x != y:
            return False
    if "Other" in subs and a.tags and b.tags and not set(a.tags) & set(b.tags):
        return False  # the catch-all sub-type: only one kind of development (evacuation, surrender...)
    sa, sb = day_span(a), day_span(b)
    if sa is None or sb is None:
        return False
    # a day apart for day-precise reports (publication lag), two when either is a range or week
    slack = 1 if (a.time_precision or 1) == 1 and (b.time_precision or 1) == 1 else MAX_SLACK_DAYS
    if sb[0] - sa[1] > slack or sa[0] - sb[1] > slack:
        return False
    return _same_place(a, b)


def candidate_pairs(events: list[Event]):
    """Index pairs whose day spans are within the slack: a sweep over events sorted by first day."""
    spans = [(day_span(e), i) for i, e in enumerate(events)]
    dated = sorted((s, i) for s, i in spans if s is not None)
    for k, ((a0, a1), i) in enumerate(dated):
        for (b0, _), j in dated[k + 1:]:
            if b0 - a1 > MAX_SLACK_DAYS:
                break
            yield (i, j) if i < j else (j, i)


def merge_events(events: list[Event], order: dict[str, int] | None = None) -> list[Event]:
    """One event per incident: events from different articles that match are merged.

    The merged id derives from the sorted member ids, so the same inputs give
    the same id; text/start/end stay those of the first member (the earliest
    article), whose id comes first in ``article_ids``.
    """
    order = order or {}
    uf = UnionFind(range(len(events)))
    for i, j in candidate_pairs(events):
        a, b = events[i], events[j]
        # within an article the events extractor decides
        if not uf.same(i, j) and not (set(a.article_ids) & set(b.article_ids)) and same_incident(a, b):
            uf.union(j, i)
    groups: dict = {}
    for i, e in enumerate(events):
        groups.setdefault(uf.find(i), []).append(e)
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append(members[0])
            continue
        members.sort(key=lambda e: (min(order.get(a, 0) for a in e.article_ids), e.start))
        out.append(_merged(members))
    return out


def _union(members: list[Event], attr: str) -> list:
    seen: list = []
    for m in members:
        for x in getattr(m, attr) or []:
            if x not in seen:
                seen.append(x)
    return seen


def _merged(members: list[Event]) -> Event:
    base = members[0]
    ids = sorted({i for m in members for i in (m.merged_from or [m.id])})
    article_ids: list[str] = []
    evidence: list[dict] = []
    for m in members:
        for aid in m.article_ids:
            if aid not in article_ids:
                article_ids.append(aid)
        for ev in m.evidence or [{"text": m.text, "start": m.start, "end": m.end}]:
            ev = dict(ev)
            ev.setdefault("article_id", m.article_ids[0] if m.article_ids else None)
            if ev not in evidence:
                evidence.append(ev)
    fatalities = [m.fatalities for m in members if m.fatalities is not None]
    precise = min(members, key=lambda m: (m.time_precision or 3, m.geo_precision or 3))
    merged = replace(
        base,
        id=stable_id("evt", "merged", *ids),
        article_ids=article_ids,
        evidence=evidence,
        figure_ids=_union(members, "figure_ids"),
        statement_ids=_union(members, "statement_ids"),
        tags=_union(members, "tags"),
        fatalities=min(fatalities) if fatalities else None,  # ACLED: the most conservative report
        date=precise.date, date_end=precise.date_end, time_precision=precise.time_precision,
        merged_from=ids,
    )
    for attr in ("actor1", "actor1_side", "actor2", "actor2_side", "place", "lat", "lon", "geonames_id", "geo_precision",
                 "claimed_by", "claimed_by_side"):
        if getattr(merged, attr) is None:
            for m in members:
                if getattr(m, attr) is not None:
                    setattr(merged, attr, getattr(m, attr))
                    break
    return merged
