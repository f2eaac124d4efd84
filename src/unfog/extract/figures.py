"""First version: returns nothing yet (see the issue that builds it)."""
from __future__ import annotations

from unfog.extract.context import Context


def extract(ctx: Context) -> list:
    return []
