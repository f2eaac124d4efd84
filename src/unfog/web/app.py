"""The analyst's desk: a FastAPI app over the store (REST API under /api/ and HTML pages).

Read-only unless ingest through the API is switched on explicitly. All SQL is
parameterised (see :mod:`unfog.store.queries`); every page is rendered by Jinja2
with autoescape, and the JavaScript writes data with textContent only.
"""
from __future__ import annotations

import datetime as dt
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from unfog.store import Store
from unfog.store import queries as q
from unfog.web import views

WEB_DIR = Path(str(resources.files("unfog.web")))
MAX_BODY = 2_000_000  # bytes a request body may have (only POST /api/ingest takes one)
MAX_INGEST_ARTICLES = 100
TILE_ORIGIN = "https://tile.openstreetmap.org"

DAY = r"^(\d{4}-\d{2}-\d{2})?$"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + TILE_ORIGIN + "; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

RECORD_ENDPOINTS = ("articles", "statements", "figures", "places", "events", "relations")


def jinja_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")), autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["safe_url"] = views.safe_url
    env.filters["script_json"] = views.script_json
    env.filters["fmt_value"] = fmt_value
    env.globals["query"] = lambda filters, **kw: urlencode({**filters.active(), **kw})
    return env


def fmt_value(f: dict) -> str:
    """A figure's number as a reader would say it (range, qualifier)."""
    def num(x):
        if x is None:
            return "?"
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"
    if f.get("low") is not None and f.get("high") is not None and f.get("low") != f.get("high"):
        s = f"{num(f['low'])}–{num(f['high'])}"
    else:
        s = num(f.get("value"))
    return f"{f['qualifier']} {s}" if f.get("qualifier") else s


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await _plain_error(send, 413, b"request body too large")
        seen = 0

        async def limited():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, "request body too large")
            return msg

        return await self.app(scope, limited, send)


async def _plain_error(send, status: int, body: bytes):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(db: str, allow_ingest: bool = False, tiles: bool = True, max_body: int = MAX_BODY) -> FastAPI:
    """The desk over the store at ``db``; ``allow_ingest`` opens it read-write and enables POST /api/ingest."""
    if not allow_ingest and not Path(db).exists():
        raise FileNotFoundError(f"no store at {db}")
    store = Store(db, read_only=not allow_ingest)
    lock = threading.Lock()  # one DuckDB connection, used by one request at a time
    env = jinja_env()
    templates = Jinja2Templates(env=env)

    app = FastAPI(title="unfog desk", version="1", docs_url=None, redoc_url=None,
                  description="Read-only REST API over an unfog store: articles and the records extracted from them.")
    app.state.store, app.state.allow_ingest = store, allow_ingest
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.add_middleware(BodyLimit, limit=max_body)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def get_store():
        with lock:
            yield store

    def filters(
        place: Optional[str] = Query(None, max_length=200, description="Place name (substring, case-insensitive)."),
        since: Optional[str] = Query(None, pattern=DAY, description="Earliest day, YYYY-MM-DD."),
        until: Optional[str] = Query(None, pattern=DAY, description="Latest day, YYYY-MM-DD."),
        type: Optional[str] = Query(None, max_length=64, pattern=r"^[A-Za-z0-9_ /.-]*$",
                                    description="events: event or sub-event type; relations: relation type; places: kind; figures: group; statements: polarity."),
        category: Optional[str] = Query(None, max_length=64, pattern=r"^[A-Za-z0-9_ -]*$", description="Figure category."),
        side: Optional[str] = Query(None, max_length=64, pattern=r"^[A-Za-z0-9_ -]*$", description="Side of speaker, claimant or actor."),
        contested: Optional[bool] = Query(None, description="Only records in (true) or outside (false) a 'contradicts' relation."),
        search: Optional[str] = Query(None, alias="q", max_length=200, description="Free text (substring)."),
        article: Optional[str] = Query(None, pattern=q.ID_PATTERN, description="Records of one article id."),
    ) -> q.Filters:
        since, until = _day(since, "since"), _day(until, "until")
        if since and until and since > until:
            raise HTTPException(422, "since is after until")
        return q.Filters(place=place or None, since=since, until=until, type=type or None, category=category or None,
                         side=side or None, contested=contested, q=search or None, article=article)

    def check_filters(table: str, f: q.Filters) -> None:
        unknown = sorted(set(f.active()) - set(q.TABLE_FILTERS[table]))
        if unknown:
            raise HTTPException(422, f"/api/{table} cannot filter by {', '.join(unknown)}; "
                                     f"it takes {', '.join(sorted(q.TABLE_FILTERS[table]))}")

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
        endpoint.__doc__ = f"{table.capitalize()}, filtered and paginated; 'total' counts every match."
        return endpoint

    for table in RECORD_ENDPOINTS:
        app.get(f"/api/{table}", tags=["records"], summary=f"List {table}")(listing(table))

    def id_param():
        return PathParam(..., pattern=q.ID_PATTERN, description="A record id such as art_0593116e20642923.")

    @app.get("/api/articles/{article_id}", tags=["records"], summary="One article with all its records")
    def get_article(article_id: str = id_param(), store: Store = Depends(get_store)) -> dict[str, Any]:
        doc = article_doc(store, article_id)
        if doc is None:
            raise HTTPException(404, "no such article")
        return doc

    def getter(table: str):
        def one(record_id: str = id_param(), store: Store = Depends(get_store)) -> dict[str, Any]:
            rows = store.rows(table, where="id = ?", params=[record_id])
            if not rows:
                raise HTTPException(404, f"no such {table[:-1]}")
            return rows[0]

        one.__name__ = f"get_{table[:-1]}"
        return one

    for table in ("statements", "figures", "places", "events", "relations"):
        app.get(f"/api/{table}/{{record_id}}", tags=["records"], summary=f"One {table[:-1]}")(getter(table))

    @app.get("/api/timeline", tags=["views"], summary="Events and figures per day by type")
    def api_timeline(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        return q.timeline(q.all_rows(store, "events", f), q.all_rows(store, "figures", f))

    @app.get("/api/ledger", tags=["views"], summary="The claims ledger: figures grouped, contested first")
    def api_ledger(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        return {"rows": ledger_for(store, q.all_rows(store, "figures", f))}

    @app.get("/api/disputes", tags=["views"], summary="Pairs of related statements (claims and their denials)")
    def api_disputes(f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        check_filters("statements", f)
        return {"pairs": statement_disputes(store, f)}

    @app.post("/api/ingest", tags=["ingest"], summary="Extract and store articles (only with --allow-ingest)")
    async def api_ingest(request: Request):
        if not allow_ingest:
            raise HTTPException(403, "ingest through the API is switched off; start the server with --allow-ingest")
        try:
            body = await request.json()
        except Exception:
            raise HTTPException(422, "body must be JSON: {\"articles\": [{\"text\": ..., \"published\": ...}, ...]}")
        items = body.get("articles") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
            raise HTTPException(422, "body must be {\"articles\": [objects like batch lines]}")
        if len(items) > MAX_INGEST_ARTICLES:
            raise HTTPException(413, f"at most {MAX_INGEST_ARTICLES} articles per request")
        import anyio

        return await anyio.to_thread.run_sync(ingest_items, store, lock, items)

    # -- pages ----------------------------------------------------------------
    def page_context(request: Request, f: q.Filters, **kw) -> dict[str, Any]:
        return {"request": request, "filters": f, "counts": store.counts(), "tiles": tiles, **kw}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def desk(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        data = desk_data(store, f, tiles=tiles)
        rows = [r for r in data.pop("ledger") if r["status"] not in ("single", "unrelated")][:4]
        disputes = [d for d in statement_disputes(store, f) if d["type"] == "contradicts"][:4]
        articles = q.page(store, "articles", _article_filters(f), limit=10)["items"]
        return templates.TemplateResponse(request, "desk.html", page_context(request, f, data=data, ledger=rows, disputes=disputes, articles=articles, page="desk"))

    def component_page(name: str):
        def component(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
            data = desk_data(store, f, tiles=tiles)
            data.pop("ledger")
            return templates.TemplateResponse(request, f"{name}.html", page_context(request, f, data=data, page=name))

        component.__name__ = f"page_{name}"
        return component

    for name in ("map", "timeline"):
        app.get(f"/{name}", response_class=HTMLResponse, include_in_schema=False)(component_page(name))

    @app.get("/ledger", response_class=HTMLResponse, include_in_schema=False)
    def ledger(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        rows = ledger_for(store, q.all_rows(store, "figures", f))
        disputes = statement_disputes(store, f)
        return templates.TemplateResponse(request, "ledger.html", page_context(request, f, ledger=rows, disputes=disputes, page="ledger"))

    @app.get("/api/feeds", tags=["views"], summary="Followed feeds and their polling rounds")
    def api_feeds(limit: int = Query(200, ge=1, le=1000), store: Store = Depends(get_store)):
        from unfog.io.feeds import feed_status

        return feed_status(store.con, limit)

    @app.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
    def feeds_page(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        from unfog.io.feeds import feed_status

        return templates.TemplateResponse(request, "feeds.html", page_context(request, f, status=feed_status(store.con), page="feeds"))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(request: Request, f: q.Filters = Depends(filters), offset: int = Query(0, ge=0, le=10_000_000),
                 store: Store = Depends(get_store)):
        result = q.page(store, "articles", _article_filters(f), limit=q.DEFAULT_LIMIT, offset=offset)
        return templates.TemplateResponse(request, "articles.html", page_context(request, f, result=result, page="articles"))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str = id_param(), store: Store = Depends(get_store)):
        doc = article_doc(store, article_id)
        if doc is None:
            raise HTTPException(404, "no such article")
        records = doc["records"]
        segments = views.highlight(doc["article"].get("text") or "", views.article_marks(records))
        return templates.TemplateResponse(request, "article.html", page_context(
            request, q.Filters(), doc=doc, segments=segments, rel_marks=_rel_marks(doc["relations"]), page="articles"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        detail = getattr(exc, "detail", "not found")
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": detail}, status_code=404)
        return templates.TemplateResponse(request, "error.html", {"request": request, "status": 404, "detail": detail,
                                                                   "filters": q.Filters(), "counts": {}}, status_code=404)

    return app


def _day(value: str | None, name: str) -> str | None:
    """A calendar day or None (empty form fields are no filter); 422 when not a real date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} is not a calendar day (YYYY-MM-DD)")


def _article_filters(f: q.Filters) -> q.Filters:
    return q.Filters(**{k: v for k, v in f.active().items() if k in q.TABLE_FILTERS["articles"]})


def _rel_marks(relations: list[dict]) -> dict[str, list[dict]]:
    return views.relation_marks([{"relations": relations}])


def article_doc(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its records and the relations that touch them."""
    arts = store.rows("articles", where="id = ?", params=[article_id])
    if not arts:
        return None
    records = {}
    for name in ("statements", "figures", "places", "dates"):
        records[name] = store.rows(name, where="article_id = ?", params=[article_id], order="start")
    records["events"] = q.all_rows(store, "events", q.Filters(article=article_id))
    ids = [r["id"] for name in ("statements", "figures", "events") for r in records[name]]
    return {"article": arts[0], "records": records, "relations": q.relations_among(store, ids)}


def ledger_for(store: Store, figures: list[dict]) -> list[dict]:
    """Ledger rows for these figures, with the publication days and places fusion uses."""
    from unfog.model import Place

    relations = q.relations_among(store, [x["id"] for x in figures])
    article_ids = sorted({f["article_id"] for f in figures})
    published, places = {}, {}
    if article_ids:
        marks = ", ".join("?" for _ in article_ids)
        for a in store.con.execute(f"SELECT id, published FROM articles WHERE id IN ({marks})", article_ids).fetchall():
            published[a[0]] = a[1]
        for p in store.rows("places", where=f"article_id IN ({marks})", params=article_ids, order="article_id, start"):
            places.setdefault(p["article_id"], []).append(Place.from_dict(p))
    return views.ledger_rows(figures, relations, published=published, places=places)


def statement_disputes(store: Store, f: q.Filters) -> list[dict]:
    """Pairs of related statements (a denial and what it denies, ...) among the filtered statements."""
    st_f = q.Filters(**{k: v for k, v in f.active().items() if k in q.TABLE_FILTERS["statements"]})
    statements = {s["id"]: s for s in q.all_rows(store, "statements", st_f)}
    relations = q.relations_among(store, list(statements))
    missing = sorted({r[k] for r in relations for k in ("a", "b")} - set(statements))
    if missing:
        marks = ", ".join("?" for _ in missing)
        statements.update({s["id"]: s for s in store.rows("statements", where=f"id IN ({marks})", params=missing)})
    pairs = views.statement_pairs(statements, relations)
    titles = {}
    ids = sorted({p[k]["article_id"] for p in pairs for k in ("a", "b")})
    if ids:
        marks = ", ".join("?" for _ in ids)
        for aid, title, ext, published in store.con.execute(
                f"SELECT id, title, external_id, published FROM articles WHERE id IN ({marks})", ids).fetchall():
            titles[aid] = {"title": title or ext or aid, "published": published}
    for p in pairs:
        for k in ("a", "b"):
            p[k] = {**p[k], "article": titles.get(p[k]["article_id"], {})}
    return pairs


def desk_data(store: Store, f: q.Filters, tiles: bool = True) -> dict[str, Any]:
    """What the map, timeline and ledger draw, for the pages and the static report."""
    ev_f = q.Filters(**{k: v for k, v in f.active().items() if k in q.TABLE_FILTERS["events"]})
    fig_f = q.Filters(**{k: v for k, v in f.active().items() if k in q.TABLE_FILTERS["figures"]})
    pl_f = q.Filters(**{k: v for k, v in f.active().items() if k in q.TABLE_FILTERS["places"]})
    events = q.all_rows(store, "events", ev_f)
    figures = q.all_rows(store, "figures", fig_f)
    places = q.all_rows(store, "places", pl_f)
    return {
        "map": views.map_points(events, places),
        "outline": views.outline_geojson(),
        "timeline": q.timeline(events, figures),
        "ledger": ledger_for(store, figures),
        "tiles": tiles,
    }


def ingest_items(store: Store, lock: threading.Lock, items: list[dict]) -> dict[str, Any]:
    """Extract and store articles posted to the API (same steps as ``unfog ingest``)."""
    from unfog.api import extract_stream, to_articles
    from unfog.workflows import write_chunk

    articles = list(to_articles(items))
    with lock:
        new = [a for a in articles if not (a.status == "ok" and store.has_article(a.id))]
        results = list(extract_stream(new))
        added = write_chunk(store, results)
    return {"received": len(items), "skipped": len(articles) - len(new),
            "failed": sum(r.article.status == "failed" for r in results), "added": added,
            "article_ids": [a.id for a in articles]}
