"""The HTML pages of the desk: desk, map, timeline, ledger, articles, one article, feeds."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from unfog.store import Store
from unfog.store import queries as q
from unfog.web import data
from unfog.web.deps import filters, get_store, id_param

router = APIRouter(include_in_schema=False)


def render(request: Request, store: Store, name: str, f: q.Filters, **kw) -> HTMLResponse:
    ctx = {"request": request, "filters": f, "counts": store.counts(), "tiles": request.app.state.tiles, **kw}
    return request.app.state.templates.TemplateResponse(request, name, ctx)


@router.get("/", response_class=HTMLResponse)
def desk(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    d = data.desk_data(store, f, tiles=request.app.state.tiles, ledger="related")
    rows = [r for r in d.pop("ledger") if r["status"] not in ("single", "unrelated")][:4]
    disputes = [x for x in data.statement_disputes(store, f) if x["type"] == "contradicts"][:4]
    articles = q.page(store, "articles", q.subset("articles", f), limit=10)["items"]
    marks = q.figure_marks(store, [a["id"] for a in articles])
    return render(request, store, "desk.html", f, data=d, ledger=rows, disputes=disputes, articles=articles, marks=marks, page="desk")


def component_page(name: str):
    def component(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
        d = data.desk_data(store, f, tiles=request.app.state.tiles, ledger="none")
        return render(request, store, f"{name}.html", f, data=d, page=name)

    component.__name__ = f"page_{name}"
    return component


for _name in ("map", "timeline"):
    router.get(f"/{_name}", response_class=HTMLResponse)(component_page(_name))


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    rows = data.ledger_for(store, q.all_rows(store, "figures", q.subset("figures", f)))
    disputes = data.statement_disputes(store, f)
    return render(request, store, "ledger.html", f, ledger=rows, disputes=disputes, page="ledger")


@router.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request, f: q.Filters = Depends(filters), store: Store = Depends(get_store)):
    return render(request, store, "feeds.html", f, status=q.feed_status(store), page="feeds",
                  watching=request.app.state.watching)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, f: q.Filters = Depends(filters), offset: int = Query(0, ge=0, le=10_000_000),
             store: Store = Depends(get_store)):
    result = q.page(store, "articles", q.subset("articles", f), limit=q.DEFAULT_LIMIT, offset=offset)
    marks = q.figure_marks(store, [a["id"] for a in result["items"]])
    return render(request, store, "articles.html", f, result=result, marks=marks, page="articles")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str = id_param(), store: Store = Depends(get_store)):
    view: dict[str, Any] | None = data.article_view(store, article_id)
    if view is None:
        raise HTTPException(404, "no such article")
    return render(request, store, "article.html", q.Filters(), page="articles", **view)


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg")
