"""Offline API docs at /docs: Swagger UI from the swagger-ui-bundle package, no CDN."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    return request.app.state.templates.TemplateResponse(request, "docs.html", {"request": request})
