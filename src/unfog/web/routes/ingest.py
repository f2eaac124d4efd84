"""POST /api/ingest: extract and store articles sent to the desk (only with --allow-ingest).

The work runs on the desk's one writer thread (see :mod:`unfog.store.outbox`),
so readers never wait for it.
"""
from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, HTTPException, Request

MAX_INGEST_ARTICLES = 100

router = APIRouter(prefix="/api")


@router.post("/ingest", tags=["ingest"], summary="Extract and store articles (only with --allow-ingest)")
async def api_ingest(request: Request):
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest through the API is switched off; start the server with --allow-ingest")
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(422, "body must be JSON: {\"articles\": [{\"text\": ..., \"published\": ...}, ...]}")
    items = body.get("articles") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise HTTPException(422, "body must be {\"articles\": [objects like batch lines]}")
    if len(items) > MAX_INGEST_ARTICLES:
        raise HTTPException(413, f"at most {MAX_INGEST_ARTICLES} articles per request")
    answer = request.app.state.writer.put({"kind": "ingest_items", "items": items})
    outcome = await anyio.to_thread.run_sync(answer.get)
    if outcome.get("error"):
        raise HTTPException(500, outcome["error"])
    return outcome["result"]


def ingest_items(db: str, job: dict) -> dict[str, Any]:
    """Extract and store articles posted to the API (same steps as ``unfog ingest``)."""
    from unfog.api import extract_stream, to_articles
    from unfog.store import Store
    from unfog.workflows import write_chunk

    items = job["items"]
    articles = list(to_articles(items))
    with Store(db) as store:
        new = [a for a in articles if not (a.status == "ok" and store.has_article(a.id))]
        results = list(extract_stream(new))
        added = write_chunk(store, results)
    return {"received": len(items), "skipped": len(articles) - len(new),
            "failed": sum(r.article.status == "failed" for r in results), "added": added,
            "article_ids": [a.id for a in articles]}
