"""Listing events for people: filter stored (or freshly extracted) events and print a table."""
from __future__ import annotations

from typing import Iterable

from rich.console import Console
from rich.table import Table

from unfog.lexicons.events import HIDDEN_TAGS
from unfog.text import fold_case


_fold = fold_case


def filter_events(events: Iterable[dict], place: str | None = None, since: str | None = None,
                  until: str | None = None, event_type: str | None = None, include_hidden: bool = False) -> list[dict]:
    """Events matching every given filter, sorted by date then place.

    ``place`` matches the place name as a substring (accents and case folded);
    ``event_type`` matches the event type, the sub-event type or a tag;
    ``since``/``until`` (YYYY-MM-DD) keep events whose date range touches the window.
    Background, hypothetical and cumulative records are left out unless ``include_hidden``
    or ``event_type`` names one of those tags (``--type background``).
    """
    out = []
    show_hidden = include_hidden or bool(event_type and _fold(event_type) in HIDDEN_TAGS)
    for e in events:
        if not show_hidden and set(e.get("tags") or []) & HIDDEN_TAGS:
            continue
        if place and _fold(place) not in _fold(e.get("place")):
            continue
        if event_type:
            want = _fold(event_type)
            names = [_fold(e.get("event_type")), _fold(e.get("sub_event_type"))] + [_fold(t) for t in e.get("tags") or []]
            if not any(want == n or (len(want) > 3 and want in n) for n in names):
                continue
        start = e.get("date")
        end = e.get("date_end") or start
        if since and (end is None or end < since):
            continue
        if until and (start is None or start > until):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (e.get("date") or "9999", e.get("place") or "", e.get("start") or 0))


def _actors(e: dict) -> str:
    def one(name, side):
        if not name:
            return ""
        return f"{name} ({side})" if side else name

    a1, a2 = one(e.get("actor1"), e.get("actor1_side")), one(e.get("actor2"), e.get("actor2_side"))
    return f"{a1} → {a2}" if a1 and a2 else (a1 or (f"→ {a2}" if a2 else ""))


def _when(e: dict) -> str:
    d, end = e.get("date") or "", e.get("date_end")
    s = f"{d}…{end}" if end and end != d else d
    return s + ("~" if (e.get("time_precision") or 1) > 1 else "")


def print_events(events: list[dict], console: Console, sources: dict[str, str] | None = None) -> None:
    """A Rich table: date, place, type, actors, fatalities, source (who claims it, which article)."""
    sources = sources or {}
    t = Table(title=f"{len(events)} event(s)", show_lines=False)
    for col, kw in (("date", {}), ("place", {}), ("type", {}), ("actors", {}), ("fatalities", {"justify": "right"}),
                    ("source", {})):
        t.add_column(col, **kw)
    for e in events:
        kind = e.get("sub_event_type") or ""
        tags = [x for x in e.get("tags") or [] if x != "undated"]
        if tags:
            kind += f" [dim]({', '.join(tags)})[/dim]"
        src = ", ".join(sources.get(a, a) for a in e.get("article_ids") or [])
        if e.get("claimed_by"):
            src = f"{e['claimed_by']} via {src}" if src else e["claimed_by"]
        fat = e.get("fatalities")
        t.add_row(_when(e), e.get("place") or "", kind, _actors(e), "" if fat is None else str(fat), src)
    console.print(t)
