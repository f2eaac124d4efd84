"""The read-only REST API under /api/: records, filtered and paginated, and the views' data."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query

from unfog.store import Store
from unfog.store import queries as q
from unfog.web import data
from unfog.web.deps import check_filters, filters, get_store, id_param

RECORD_ENDPOINTS = ("articles", "statements", "figures", "places", "events", "relations")

router = APIRouter(prefix="/api")


def listing(table: str):
    def endpoint(
        f: q.Filters = Depends(filters),
        limit: int = Query(q.DEFAULT_LIMIT, ge=1, le=q.MAX_LIMIT),
        offset: int = Query(0, ge=0, le=10_000_000),
        store: Store = Depends(get_store),
    ) -> dict[str, Any]:
        check_filters(table, f)
        result = q.page(store, table, f, limit=limit, offset=offset)
        if table == "articles":  # the list stays small; the text is in /api/articles/{id}
            for row in result["items"]:
                row["text_length"] = len(row.pop("text") or "")
        return result

    endpoint.__name__ = f"list_{table}"
    endpoint.__doc__ = f"{table.capitalize()}, filtered and paginated (newest first for articles and events); 'total' counts every match."
    return endpoint


for _table in RECORD_ENDPOINTS:
    router.get(f"/{_table}", tags=["records"], summary=f"List {_table}")(listing(_table))


@router.get("/articles/{article_id}", tags=["records"], summary="One article with all its records")
def get_article(article_id: str = id_param(), store: Store = Depends(get_store)) -> dict[str, Any]:
    doc = q.article_doc(store, article_id)
    if doc is None:
        raise HTTPException(404, "no such article")
    return doc


def getter(table: str):
    def one(record_id: str = id_param(), store: Store = Depends(get_store)) -> dict[str, Any]:
        rows = q.by_ids(store, table, [record_id])
        if not rows:
            raise HTTPException(404, f"no such {table[:-1]}")
        return rows[0]

    one.__name__ = f"get_{table[:-1]}"
    return one


for _table in ("statements", "figures", "places", "events", "relations"):
    router.get(f"/{_table}/{{record_id}}", tags=["records"], summary=f"One {_table[:-1]}")(getter(_table))


@router.get("/timeline", tags=["views"], summary="Events and figures per day by type")
def api_timeline(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    return q.timeline(q.all_rows(store, "events", q.subset("events", f)), q.all_rows(store, "figures", q.subset("figures", f)))


@router.get("/ledger", tags=["views"], summary="The claims ledger: figures grouped, contested first")
def api_ledger(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    return {"rows": data.ledger_for(store, q.all_rows(store, "figures", f))}


@router.get("/disputes", tags=["views"], summary="Pairs of related statements (claims and their denials)")
def api_disputes(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    check_filters("statements", f)
    return {"pairs": data.statement_disputes(store, f)}


@router.get("/feeds", tags=["views"], summary="Followed feeds and their polling rounds, newest first")
def api_feeds(limit: int = Query(200, ge=1, le=1000), store: Store = Depends(get_store)):
    return q.feed_status(store, limit)
