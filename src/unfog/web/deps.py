"""What every route needs: a reader on the store, the filters, id parameters, the templates."""
from __future__ import annotations

import datetime as dt
import threading
from typing import Iterator, Optional

from fastapi import HTTPException, Path as PathParam, Query, Request
from fastapi.templating import Jinja2Templates

from unfog.store import Store
from unfog.store import queries as q

DAY = r"^(\d{4}-\d{2}-\d{2})?$"
_cursor_lock = threading.Lock()  # held only while a cursor is made, never during a query


def get_store(request: Request) -> Iterator[Store]:
    """A reader of its own for this request: a snapshot that waits for no writer and no other reader."""
    with _cursor_lock:
        reader = request.app.state.store.reader()
    try:
        yield reader
    finally:
        reader.close()


def templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def day(value: str | None, name: str) -> str | None:
    """A calendar day or None (empty form fields are no filter); 422 when not a real date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} is not a calendar day (YYYY-MM-DD)")


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
    since, until = day(since, "since"), day(until, "until")
    if since and until and since > until:
        raise HTTPException(422, "since is after until")
    return q.Filters(place=place or None, since=since, until=until, type=type or None, category=category or None,
                     side=side or None, contested=contested, q=search or None, article=article)


def check_filters(table: str, f: q.Filters) -> None:
    unknown = sorted(set(f.active()) - set(q.TABLE_FILTERS[table]))
    if unknown:
        raise HTTPException(422, f"/api/{table} cannot filter by {', '.join(unknown)}; "
                                 f"it takes {', '.join(sorted(q.TABLE_FILTERS[table]))}")


def id_param():
    return PathParam(..., pattern=q.ID_PATTERN, description="A record id such as art_0593116e20642923.")
