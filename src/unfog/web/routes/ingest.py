"""POST /api/ingest: the desk's only write endpoint, closed unless the server was started to accept it.

Defences, in the order they are checked (docs/security.md explains the threats):

1. switched off unless ``--allow-ingest`` (403);
2. ``Host`` must name the served address (403): a page whose domain was re-pointed at
   127.0.0.1 (DNS rebinding) sends its own name as Host;
3. ``Origin``, when sent, must be the same origin as that Host (403): other sites' pages cannot post;
4. a secret token in ``Authorization: Bearer ...`` or ``X-Unfog-Token`` (401), compared in constant time;
5. ``Content-Type: application/json`` only (415): HTML forms and "simple" cross-site requests cannot post;
6. the body within the size limit, chunked or not (413), at most ``MAX_INGEST_ARTICLES`` items (413);
7. each item carries text or HTML and metadata only; a ``path`` (or any unknown key) is refused (422):
   the server never reads a file because a request asked it to.

The work runs on the desk's one writer thread (see :mod:`unfog.store.outbox`), so readers never wait for it.
"""
from __future__ import annotations

import hmac
import json
from typing import Any
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, HTTPException, Request

MAX_INGEST_ARTICLES = 100
ITEM_KEYS = {"id", "text", "html", "published", "source", "url", "title"}
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
WILDCARD_HOSTS = {"0.0.0.0", "::", "[::]", ""}


def host_allowed(host_header: str, served_host: str | None, served_port: int | None) -> bool:
    """Whether a Host header names the address the desk is served on (loopback names count as one)."""
    parts = urlsplit("//" + (host_header or ""))
    try:
        name, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return False
    if not name:
        return False
    if served_port is not None and port not in (served_port, None):
        return False
    served = (served_host or "127.0.0.1").lower().strip("[]")
    if served in WILDCARD_HOSTS:
        return True  # bound to every interface: the token is the defence (the CLI insists on one given)
    if served in LOOPBACK_NAMES or served.startswith("127."):
        return name in LOOPBACK_NAMES or name == served
    return name == served


def origin_allowed(origin: str | None, host_header: str) -> bool:
    """No Origin (a script or curl) or the same origin as the Host the request was sent to."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == (host_header or "").lower()


def check_item(i: int, item: Any) -> None:
    if not isinstance(item, dict):
        raise HTTPException(422, f"article {i} is not an object")
    if "path" in item:
        raise HTTPException(422, f"article {i} has a 'path': the API takes text or html, never a file path")
    unknown = sorted(set(item) - ITEM_KEYS)
    if unknown:
        raise HTTPException(422, f"article {i} has unknown keys {', '.join(map(str, unknown))}; it takes {', '.join(sorted(ITEM_KEYS))}")


router = APIRouter(prefix="/api")


def check_request(request: Request) -> None:
    """Defences 1-5 above, from the server's settings on ``app.state``."""
    state = request.app.state
    if not state.allow_ingest:
        raise HTTPException(403, "ingest through the API is switched off; start the server with --allow-ingest")
    host = request.headers.get("host", "")
    if not host_allowed(host, state.served_host, state.served_port):
        raise HTTPException(403, "the Host header does not name this server")
    if not origin_allowed(request.headers.get("origin"), host):
        raise HTTPException(403, "requests from another origin are refused")
    token = state.ingest_token
    given = request.headers.get("x-unfog-token") or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not token or not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid ingest token is required (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "the body must be sent as Content-Type: application/json")


@router.post("/ingest", tags=["ingest"], summary="Extract and store articles (only with --allow-ingest and its token)")
async def api_ingest(request: Request):
    check_request(request)
    body = await request.body()  # the size limit answers 413 from here, chunked or not
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        raise HTTPException(422, "body must be JSON: {\"articles\": [{\"text\": ..., \"published\": ...}, ...]}")
    items = doc.get("articles") if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        raise HTTPException(422, "body must be {\"articles\": [objects with text or html]}")
    if len(items) > MAX_INGEST_ARTICLES:
        raise HTTPException(413, f"at most {MAX_INGEST_ARTICLES} articles per request")
    for i, item in enumerate(items, 1):
        check_item(i, item)
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


class HostGuard:
    """ASGI middleware for every request of a served desk: a Host that does not name the served
    address gets 403, so a page re-pointing its own domain at 127.0.0.1 (DNS rebinding) cannot read
    the store either. Added by ``unfog serve`` (tests and embedders talk to the app directly)."""

    def __init__(self, app, served_host: str | None, served_port: int | None):
        self.app, self.served_host, self.served_port = app, served_host, served_port

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not host_allowed(host, self.served_host, self.served_port):
                body = b"the Host header does not name this server"
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
