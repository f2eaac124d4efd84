"""Who holds a place, by whose account: a per-place timeline of control claims.

The claims themselves are extracted once, as a pipeline stage
(:mod:`unfog.extractors.control`), and stored in the ``control`` table; this
module orders them per place and marks which claims from the other side
dispute which. A pure function over records. See docs/fusion.md.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from unfog.fusion.fuse import day_number, place_key
from unfog.model import ArticleRecords, ControlClaim

DISPUTE_DAYS = 7


def _claims(items: Iterable) -> Iterable[ControlClaim]:
    """Claims from records, plain dicts (as stored) or the articles that hold them."""
    for x in items:
        if isinstance(x, ArticleRecords):
            if x.article.status == "ok":
                yield from x.control
        elif isinstance(x, ControlClaim):
            yield x
        else:
            yield ControlClaim.from_dict(x)


def control_timeline(items: Iterable) -> dict[str, dict]:
    """Per place: its claims in time order, each with the claims that dispute it.

    ``items`` are control claims (records or stored dicts) or articles' records.
    Returns ``{place_key: {"place": name, "claims": [claim, ...]}}``; a claim
    dict has the fields of :class:`~unfog.model.ControlClaim` plus place_key
    and disputed_by (ids of the claims from another side that dispute it).
    """
    by_place: dict[str, list[dict]] = defaultdict(list)
    for claim in _claims(items):
        c = claim.to_dict()
        c["place_key"] = place_key(c["place"], c["geonames_id"])
        by_place[c["place_key"]].append(c)
    out = {}
    for key, claims in by_place.items():
        claims.sort(key=lambda c: (c["date"] or "", c["article_id"], c["start"], c["id"]))
        for c in claims:
            c["disputed_by"] = [
                d["id"] for d in claims
                if d is not c and d["status"] == "disputes" and c["status"] == "claims"
                and (d["claimant_side"] != c["claimant_side"] or d["claimant_side"] is None)
                and _close(c["date"], d["date"])
            ]
        out[key] = {"place": claims[0]["place"], "claims": claims}
    return out


def _close(a: str | None, b: str | None) -> bool:
    da, db = day_number(a), day_number(b)
    return da is not None and db is not None and abs(da - db) <= DISPUTE_DAYS


def timeline_from_store(store, place: str | None = None) -> dict[str, dict]:
    """The control timeline of the stored claims (optionally of one place, by name)."""
    tl = control_timeline(store.rows("control", order="date, article_id, start"))
    if place:
        want = place_key(place)
        tl = {k: v for k, v in tl.items() if k == want or place_key(v["place"]) == want}
    return tl


def print_timeline(timeline: dict[str, dict], console) -> None:
    from rich.table import Table

    if not timeline:
        console.print("no claims of control found")
        return
    for key in sorted(timeline, key=lambda k: timeline[k]["place"]):
        item = timeline[key]
        t = Table(title=item["place"], title_justify="left")
        for c in ("date", "claimant", "side", "says", "holder", "disputed by", "evidence"):
            t.add_column(c)
        for c in item["claims"]:
            t.add_row(c["date"] or "", c["claimant"] or "", c["claimant_side"] or "", c["status"], c["holder"] or "?",
                      ", ".join(c["disputed_by"]), c["text"][:100])
        console.print(t)
