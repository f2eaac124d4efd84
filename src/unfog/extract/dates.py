"""First version: returns nothing yet (see the issue that builds it)."""
from __future__ import annotations

from unfog.extract.context import Context


def extract(ctx: Context) -> list:
    return []


def date_near(ctx: Context, start: int, end: int):
    """The DateMention that dates the clause around [start, end), or None (see the dates issue)."""
    return None
