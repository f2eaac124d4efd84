"""The analyst's desk: a FastAPI app over the store (REST API under /api/ and HTML pages).

The desk process holds the store open and is its one writer while it runs:
each request reads on a cursor of its own (a DuckDB snapshot that waits for no
writer and no other reader), and writes (``serve --watch`` rounds, ``unfog
ingest/fetch/watch`` run elsewhere, POST /api/ingest) go through one writer
thread (:mod:`unfog.store.outbox`). The routes are in :mod:`unfog.web.routes`;
all SQL is in :mod:`unfog.store.queries`; every page is rendered by Jinja2 with
autoescape, and the JavaScript writes data with textContent only.
"""
from __future__ import annotations

import contextlib
import secrets
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

import swagger_ui_bundle
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from unfog.store import Store
from unfog.store import queries as q
from unfog.web import views
from unfog.web.data import article_view, desk_data, ledger_for, statement_disputes  # noqa: F401  (the report's imports)

WEB_DIR = Path(str(resources.files("unfog.web")))
MAX_BODY = 2_000_000  # bytes a request body may have (only POST /api/ingest takes one)
TILE_ORIGIN = "https://tile.openstreetmap.org"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + TILE_ORIGIN + "; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def jinja_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")), autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["safe_url"] = views.safe_url
    env.filters["script_json"] = views.script_json
    env.filters["fmt_value"] = fmt_value
    env.filters["code_spans"] = code_spans
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


def code_spans(text: str | None):
    """Text with its `backticked` parts (commands in warnings) as <code>; everything escaped."""
    from markupsafe import Markup, escape

    parts = str(text or "").split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: plain text
        return escape(text or "")
    return Markup("").join(escape(p) if i % 2 == 0 else Markup("<code>") + escape(p) + Markup("</code>") for i, p in enumerate(parts))


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


def create_app(db: str, allow_ingest: bool = False, tiles: bool = True, max_body: int = MAX_BODY,
               ingest_token: str | None = None, served_host: str | None = None, served_port: int | None = None) -> FastAPI:
    """The desk over the store at ``db``; ``allow_ingest`` enables POST /api/ingest for requests
    carrying ``ingest_token`` (a random one when not given: ``app.state.ingest_token``) sent to
    ``served_host``/``served_port`` (see :mod:`unfog.web.routes.ingest`).

    The store is opened read-write even when the API does not take ingests: this
    process becomes the store's writer, so ``unfog ingest``, ``fetch`` and ``watch``
    run elsewhere hand their work to it instead of failing on DuckDB's file lock.
    """
    from unfog.web.jobs import start_writer
    from unfog.web.routes import api, docs, ingest, pages

    if not allow_ingest and not Path(db).exists():
        raise FileNotFoundError(f"no store at {db}")
    app = FastAPI(title="unfog desk", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only REST API over an unfog store: articles and the records extracted from them.")
    app.state.store, app.state.allow_ingest, app.state.tiles = Store(db), allow_ingest, tiles
    app.openapi_version = "3.0.3"  # the bundled Swagger UI (4.x) reads 3.0 documents; ours uses nothing newer
    if allow_ingest and not ingest_token:
        ingest_token = secrets.token_urlsafe(32)
    app.state.ingest_token, app.state.served_host, app.state.served_port = ingest_token, served_host, served_port
    app.state.templates = Jinja2Templates(env=jinja_env())
    app.state.writer, app.state.watching = start_writer(db), []
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.add_middleware(BodyLimit, limit=max_body)
    app.middleware("http")(security_headers)
    for module in (api, ingest, docs, pages):
        app.include_router(module.router)
    app.add_exception_handler(404, not_found)
    return app


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    yield
    app.state.writer.close()


async def security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


async def not_found(request: Request, exc):
    detail = getattr(exc, "detail", "not found")
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        return JSONResponse({"detail": detail}, status_code=404)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"request": request, "status": 404, "detail": detail, "filters": q.Filters(), "counts": {}},
        status_code=404)
