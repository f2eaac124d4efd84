"""Writing stored records out: JSON, CSV, Parquet, GeoJSON (and ACLED-style CSV for events)."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Iterable

FORMATS = ("json", "csv", "parquet", "geojson", "acled")


def _cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1, default=str)


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    buf = io.StringIO()
    cols = columns or (list(rows[0]) if rows else [])
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in cols})
    return buf.getvalue()


def to_geojson(rows: list[dict]) -> str:
    feats = []
    for r in rows:
        if r.get("lat") is None or r.get("lon") is None:
            continue
        props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, default=str)


def write_parquet(rows: list[dict], out: str, columns: list[str] | None = None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns or (list(rows[0]) if rows else [])
    data = {c: [_cell(r.get(c)) for r in rows] for c in cols}
    pq.write_table(pa.table(data), out)


def write(rows: list[dict], fmt: str, out: str, columns: list[str] | None = None) -> None:
    """Write rows to a path, or to stdout when out is '-' (not for parquet)."""
    if fmt == "parquet":
        if out == "-":
            raise ValueError("parquet cannot be written to stdout; give a file name")
        write_parquet(rows, out, columns)
        return
    if fmt == "json":
        text = to_json(rows)
    elif fmt == "csv":
        text = to_csv(rows, columns)
    elif fmt == "geojson":
        text = to_geojson(rows)
    elif fmt == "acled":
        from unfog.acled import to_acled_csv

        text = to_acled_csv(rows)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
