"""What the pages, the API views and the static report draw, assembled from the query layer."""
from __future__ import annotations

from typing import Any

from unfog.model import Place
from unfog.store import Store
from unfog.store import queries as q
from unfog.web import views


def ledger_for(store: Store, figures: list[dict]) -> list[dict]:
    """Ledger rows for these figures, with the publication days and places fusion uses."""
    relations = q.relations_among(store, [x["id"] for x in figures])
    article_ids = sorted({f["article_id"] for f in figures})
    places: dict[str, list[Place]] = {}
    for p in q.places_of(store, article_ids):
        places.setdefault(p["article_id"], []).append(Place.from_dict(p))
    return views.ledger_rows(figures, relations, published=q.published_of(store, article_ids), places=places)


def statement_disputes(store: Store, f: q.Filters) -> list[dict]:
    """Pairs of related statements (a denial and what it denies, ...) among the filtered statements."""
    relations = q.relations_touching(store, "statements", q.subset("statements", f))
    ends = sorted({r[k] for r in relations for k in ("a", "b")})
    statements = {s["id"]: s for s in q.by_ids(store, "statements", ends)}
    pairs = views.statement_pairs(statements, relations)
    titles = q.article_heads(store, sorted({p[k]["article_id"] for p in pairs for k in ("a", "b")}))
    for p in pairs:
        for k in ("a", "b"):
            p[k] = {**p[k], "article": titles.get(p[k]["article_id"], {})}
    return pairs


def desk_data(store: Store, f: q.Filters, tiles: bool = True, ledger: str = "all") -> dict[str, Any]:
    """What the map, timeline and ledger draw, for the pages and the static report.

    ``ledger``: "all" (the report), "related" (only figures in a relation: the desk's
    contested part, without grouping every figure of a large store) or "none" (map, timeline).
    """
    events = q.all_rows(store, "events", q.subset("events", f))
    figures = q.all_rows(store, "figures", q.subset("figures", f))
    places = q.all_rows(store, "places", q.subset("places", f))
    out = {
        "map": views.map_points(events, places),
        "outline": views.outline_geojson(),
        "timeline": q.timeline(events, figures),
        "tiles": tiles,
    }
    if ledger == "related":
        out["ledger"] = ledger_for(store, q.related_rows(store, "figures", q.subset("figures", f)))
    elif ledger == "all":
        out["ledger"] = ledger_for(store, figures)
    return out


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article page's content: the article, its records, the highlighted text and relation badges."""
    doc = q.article_doc(store, article_id)
    if doc is None:
        return None
    others = sorted({r[k] for r in doc["relations"] for k in ("a", "b")}
                    - {x["id"] for name in ("statements", "figures", "events") for x in doc["records"][name]})
    labels = {}
    for table in ("statements", "figures"):
        for row in q.by_ids(store, table, others):
            labels[row["id"]] = views.record_label(table, row)
    text = doc["article"].get("text") or ""
    return {
        "doc": doc,
        "segments": views.highlight(text, views.article_marks(doc["records"])),
        "rel_marks": views.relation_marks([{"relations": doc["relations"]}], labels=labels, records=doc["records"]),
        "sides": views.sides_legend(doc["records"]),
    }
