"""ISO days: one parser for the tree ("2022-03-10", or a longer ISO datetime)."""
from __future__ import annotations

from datetime import date


def parse_day(value: str | date | None) -> date | None:
    """YYYY-MM-DD (or a longer ISO datetime) to a date; None when absent or malformed."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def day_number(value: str | date | None) -> int | None:
    """Days since year 1 (``date.toordinal``) for an ISO day; None when it is not one."""
    d = parse_day(value)
    return d.toordinal() if d is not None else None
