"""Pure functions that shape stored rows for the desk's pages and the report.

No I/O here: the app and the report fetch rows from the store and pass them in.
"""
from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from typing import Any, Iterable
from urllib.parse import urlsplit

from unfog.fusion import ledger as ledger_mod
from unfog.lexicons.events import HIDDEN_TAGS

STATUS_ORDER = {"contradicts": 0, "updates": 1, "corroborates": 2, "unrelated": 3, "single": 4}
MARK_KINDS = ("statement", "figure", "place", "date", "event")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> block."""
    return (
        json.dumps(data, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (no javascript:, data:, ...)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\x00\r\n\t <>\"'`"):
        return url
    return None


def outline_geojson() -> dict:
    """The bundled coarse country outlines (offline base map)."""
    path = resources.files("unfog.web") / "static" / "geo" / "outline.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


# -- the article view -----------------------------------------------------------

SIDE_COLOURS = 8  # side-0 .. side-7 in app.css; more sides than that reuse them


def side_of(kind: str, r: dict) -> str | None:
    """The side a statement's speaker or a figure's claimant stands for."""
    return (r.get("speaker_side") if kind == "statement" else r.get("claimant_side") if kind == "figure" else None) or None


def sides_legend(records: dict[str, list[dict]]) -> list[dict]:
    """The sides of an article's speakers and claimants, each with its colour class (the legend)."""
    sides = sorted({s for kind, rows in (("statement", records.get("statements", [])), ("figure", records.get("figures", [])))
                    for r in rows if (s := side_of(kind, r))})
    return [{"side": s, "css": f"side-{i % SIDE_COLOURS}"} for i, s in enumerate(sides)]


def article_marks(records: dict[str, list[dict]]) -> list[dict]:
    """Highlightable spans of an article's records: kind, id, start, end, label, side."""
    marks = []
    for kind, rows in (("statement", records.get("statements", [])), ("figure", records.get("figures", [])),
                       ("place", records.get("places", [])), ("date", records.get("dates", []))):
        for r in rows:
            if isinstance(r.get("start"), int) and isinstance(r.get("end"), int):
                marks.append({"kind": kind, "id": r["id"], "start": r["start"], "end": r["end"],
                              "label": mark_label(kind, r), "side": side_of(kind, r)})
    return marks


def mark_label(kind: str, r: dict) -> str:
    if kind == "statement":
        return f"statement by {r.get('speaker') or 'unnamed'}" + (f" ({r['speaker_side']})" if r.get("speaker_side") else "")
    if kind == "figure":
        who = f", claimed by {r['claimant']}" if r.get("claimant") else ""
        unverified = ", could not be verified" if r.get("verified") is False else ""
        return f"figure: {r.get('category') or 'other'} {r.get('value') if r.get('value') is not None else ''}{who}{unverified}".strip()
    if kind == "place":
        return f"place: {r.get('canonical') or r.get('name')}"
    if kind == "date":
        return f"date: {r.get('date') or 'unresolved'}"
    return kind


def record_label(table: str, r: dict, width: int = 90) -> str:
    """A short readable name for a record another one relates to."""
    if table == "statements":
        who = r.get("speaker") or "unnamed"
        text = r.get("content") or r.get("text") or ""
    else:
        who = r.get("claimant") or "unattributed"
        text = r.get("text") or ""
    text = " ".join(text.split())
    return f"{who}: {text[:width]}{'…' if len(text) > width else ''}"


def highlight(text: str, marks: Iterable[dict]) -> list[dict]:
    """Cut ``text`` into segments at every mark boundary.

    Each segment carries the kinds of the marks covering it and the id of the
    innermost (shortest) one, so nested spans (a figure inside a statement)
    need no nested markup. Segments are plain text: the template escapes them.
    """
    n = len(text)
    spans = []
    for m in marks:
        s, e = max(0, m["start"]), min(n, m["end"])
        if s < e:
            spans.append({**m, "start": s, "end": e})
    cuts = sorted({0, n, *(m["start"] for m in spans), *(m["end"] for m in spans)})
    starts: dict[int, list[dict]] = defaultdict(list)
    for m in spans:
        starts[m["start"]].append(m)
    segments = []
    open_marks: list[dict] = []
    for a, b in zip(cuts, cuts[1:]):
        open_marks = [m for m in open_marks if m["end"] > a] + starts.get(a, [])
        anchors = [m["id"] for m in starts.get(a, [])]
        if not open_marks:
            segments.append({"text": text[a:b], "kinds": [], "id": None, "title": None, "anchors": anchors, "side": None})
            continue
        inner = min(open_marks, key=lambda m: (m["end"] - m["start"], MARK_KINDS.index(m["kind"]) * -1))
        kinds = sorted({m["kind"] for m in open_marks}, key=MARK_KINDS.index)
        side = next((m.get("side") for m in sorted(open_marks, key=lambda m: m["end"] - m["start"]) if m.get("side")), None)
        segments.append({"text": text[a:b], "kinds": kinds, "id": inner["id"], "title": inner["label"], "anchors": anchors, "side": side})
    return segments


# -- the claims ledger ----------------------------------------------------------

def ledger_rows(figures: list[dict], relations: list[dict], published: dict | None = None, places: dict | None = None) -> list[dict]:
    """Figures grouped into ledger rows, contested ones first.

    Uses :func:`unfog.fusion.ledger.ledger_rows` (the fusion helper's quantities);
    rows come out in the shape the templates draw, each figure marked ``disputed``
    when it is in a 'contradicts' relation (``verified`` comes with the figure).
    """
    rows = ledger_mod.ledger_rows(figures, relations, published=published, places=places)
    out = [normalise_ledger_row(r, figures, relations) for r in rows]
    out.sort(key=lambda r: (STATUS_ORDER.get(r["status"], 9), -len(r["figures"]), r["category"] or "", r["key"]))
    disputed = disputed_ids(relations)
    for row in out:
        for f in row["figures"]:
            f["disputed"] = f["id"] in disputed
    return out


def normalise_ledger_row(row: dict, figures: list[dict], relations: list[dict]) -> dict:
    """A row of :mod:`unfog.fusion.ledger` (claimants by figure id) in the shape the templates draw."""
    by_id = {f["id"]: f for f in figures}
    figs = []
    for c in row.get("claimants") or row.get("figures") or []:
        fid = c.get("figure_id") or c.get("id") if isinstance(c, dict) else c
        base = by_id.get(fid, {})
        figs.append({**(c if isinstance(c, dict) else {}), **base, "id": fid})
    ids = {f["id"] for f in figs}
    rels = row.get("relations")
    if rels is None:
        rels = [r for r in relations if r["a"] in ids or r["b"] in ids]
    status = "contradicts" if row.get("contested") else _status(figs, rels)
    return {**row, "key": str(row.get("id") or row.get("key") or ""), "figures": figs, "relations": rels, "status": status,
            "category": row.get("category") or (figs[0].get("category") if figs else None)}


def _status(figs: list[dict], rels: list[dict]) -> str:
    types = {r.get("type") for r in rels}
    for t in ("contradicts", "updates", "corroborates"):
        if t in types:
            return t
    return "single" if len(figs) <= 1 else "unrelated"


def relation_marks(rows: list[dict], labels: dict[str, str] | None = None, records: dict | None = None) -> dict[str, list[dict]]:
    """For each record id, the relations it takes part in: type, the other end (and its label), the reason."""
    labels = dict(labels or {})
    for table in ("statements", "figures"):
        for r in (records or {}).get(table, []):
            labels.setdefault(r["id"], record_label(table, r))
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        for r in row.get("relations", []):
            for this, other in ((r["a"], r["b"]), (r["b"], r["a"])):
                out[this].append({"type": r["type"], "other": other, "other_label": labels.get(other), "note": r.get("note")})
    return dict(out)


def disputed_ids(relations: list[dict]) -> set[str]:
    """Ids of records in a 'contradicts' relation."""
    return {r[k] for r in relations if r.get("type") == "contradicts" for k in ("a", "b")}


# -- map and timeline data --------------------------------------------------------

EVENT_KEYS = ("id", "event_type", "sub_event_type", "place", "lat", "lon", "date", "date_end", "fatalities",
              "actor1", "actor1_side", "actor2", "actor2_side", "text", "article_ids", "geo_precision")
PLACE_KEYS = ("id", "article_id", "name", "canonical", "lat", "lon", "kind", "feature_code")


def slim(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    return [{k: r.get(k) for k in keys} for r in rows]


def map_points(events: list[dict], places: list[dict]) -> dict[str, list[dict]]:
    """Events and places that have coordinates; places are merged per GeoNames point."""
    # background and hypothetical events are kept apart: not on the map's default view
    shown = [e for e in events if not set(e.get("tags") or []) & HIDDEN_TAGS]
    evs = [e for e in slim(shown, EVENT_KEYS) if _has_coords(e)]
    merged: dict[tuple, dict] = {}
    for p in places:
        if not _has_coords(p):
            continue
        key = (round(p["lat"], 4), round(p["lon"], 4), p.get("canonical") or p.get("name"))
        m = merged.setdefault(key, {**{k: p.get(k) for k in PLACE_KEYS}, "mentions": 0, "article_ids": []})
        m["mentions"] += 1
        if p.get("article_id") not in m["article_ids"]:
            m["article_ids"].append(p.get("article_id"))
    return {"events": evs, "places": list(merged.values()), "stacks": stack_events(evs)}


def stack_events(events: list[dict], digits: int = 3) -> list[dict]:
    """Events that share a map point (to about 100 m), as one stack with its count, newest first.

    Many events geocode to one town's centre; drawn one on another they would look
    like one event. The map draws a stack as one marker showing the count.
    """
    stacks: dict[tuple, dict] = {}
    for e in events:
        key = (round(e["lat"], digits), round(e["lon"], digits))
        st = stacks.setdefault(key, {"lat": e["lat"], "lon": e["lon"], "place": e.get("place"), "count": 0, "events": []})
        st["count"] += 1
        st["events"].append(e["id"])
    return sorted(stacks.values(), key=lambda s: -s["count"])


def _has_coords(r: dict) -> bool:
    lat, lon = r.get("lat"), r.get("lon")
    return isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90 and -180 <= lon <= 180


def statement_pairs(statements: dict[str, dict], relations: list[dict]) -> list[dict]:
    """Relations between two statements, each with both statements, contradictions first."""
    pairs = []
    for r in relations:
        a, b = statements.get(r.get("a")), statements.get(r.get("b"))
        if a and b:
            pairs.append({"type": r["type"], "note": r.get("note"), "id": r.get("id"), "a": a, "b": b})
    pairs.sort(key=lambda p: (STATUS_ORDER.get(p["type"], 9), p["a"].get("date") or "", p["id"] or ""))
    return pairs
