"""Writing stored records out: JSON, CSV, Parquet, GeoJSON (and ACLED-style CSV for events)."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Iterable

FORMATS = ("json", "csv", "parquet", "geojson", "acled")
GEO_TABLES = ("places", "events")  # the tables whose rows have lat/lon
DISPUTABLE = ("statements", "figures", "events")  # exported with a 'disputed' column


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


def _arrow_type(sql_type: str):
    import pyarrow as pa

    return {"BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}.get(sql_type, pa.string())


def write_parquet(rows: list[dict], out: str, columns: list[str] | None = None, types: dict[str, str] | None = None) -> None:
    """Parquet with one typed column per field (lists and objects as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns or (list(rows[0]) if rows else [])
    types = types or {}
    arrays = []
    for c in cols:
        values = [_cell(r.get(c)) for r in rows]
        t = _arrow_type(types.get(c, "VARCHAR"))
        if t == pa.string():
            values = [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=t))
    pq.write_table(pa.Table.from_arrays(arrays, names=cols), out)


def write(rows: list[dict], fmt: str, out: str, columns: list[str] | None = None, types: dict[str, str] | None = None) -> None:
    """Write rows to a path, or to stdout when out is '-' (not for parquet)."""
    if fmt == "parquet":
        if out == "-":
            raise ValueError("parquet cannot be written to stdout; give a file name")
        write_parquet(rows, out, columns, types)
        return
    if fmt == "json":
        text = to_json(rows)
    elif fmt == "csv":
        text = to_csv(rows, columns)
    elif fmt == "geojson":
        text = to_geojson(rows)
    elif fmt == "acled":
        from unfog.io.acled import to_acled_csv

        text = to_acled_csv(rows)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)


def check_request(what: str, fmt: str, out: str) -> None:
    """Raise UsageError, in plain words, for a combination that cannot be exported."""
    from unfog.io.ingest import UsageError
    from unfog.model import RECORD_TYPES

    if what not in RECORD_TYPES:
        raise UsageError(f"--what must be one of {', '.join(RECORD_TYPES)}")
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "acled" and what != "events":
        raise UsageError("--format acled is for --what events")
    if fmt == "geojson" and what not in GEO_TABLES:
        raise UsageError(f"--format geojson is for --what {' or '.join(GEO_TABLES)} (the records with coordinates)")
    if fmt == "parquet" and out == "-":
        raise UsageError("parquet cannot go to stdout; give an output file")


def acled_context(store) -> dict:
    """What ACLED rows need beyond the event: admin1/country of its place, the articles' sources."""
    places = {r["id"]: r for r in store.rows("places")} if store.count("places") else {}
    sources = {r["id"]: r["source"] for r in store.rows("articles") if r.get("source")}
    return {"places": places, "sources": sources}


def export_table(what: str, fmt: str, out: str = "-", db: str | None = None) -> int:
    """Write one stored table to ``out`` ('-' for stdout) in ``fmt``; returns rows written."""
    from unfog.model import RECORD_TYPES
    from unfog.store import Store, columns

    check_request(what, fmt, out)
    with Store(db, read_only=True) as store:
        rows = store.rows(what)
        if fmt == "acled":
            from unfog.io.acled import exportable

            rows = exportable(rows)
            ctx = acled_context(store)
            for r in rows:
                place = ctx["places"].get(r.get("place_id")) or {}
                r.setdefault("admin1", place.get("admin1"))
                r.setdefault("country", place.get("country"))
                r["source"] = "; ".join(dict.fromkeys(ctx["sources"][a] for a in r.get("article_ids") or [] if a in ctx["sources"]))
        cls = RECORD_TYPES[what]
        cols, types = cls.field_names(), dict(columns(cls))
        if what in DISPUTABLE:  # a column saying which records another one contradicts
            from unfog.store.queries import contested_ids

            disputed = contested_ids(store)
            for r in rows:
                r["disputed"] = r["id"] in disputed
            cols, types = [*cols, "disputed"], {**types, "disputed": "BOOLEAN"}
    write(rows, fmt, out, columns=cols, types=types)
    return len(rows)
