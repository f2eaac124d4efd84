"""Geocoding benchmark on UCDP GED 2014 (Ukraine): where_description -> point.

For rows with where_prec 1-2 (exact, or within 25 km), the share of
descriptions unfog geocodes within 25 km of UCDP's coordinates.

    python benchmarks/geocode_ucdp.py [../shared/data/ucdp/ged-ukraine-2014.csv] [--worst 15]

UCDP GED: Uppsala Conflict Data Program, Sundberg and Melander 2013, CC BY 4.0.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from unfog.gazetteer.index import distance_km, get_gazetteer
from unfog.gazetteer.geocode import geocode_batch

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ucdp" / "ged-ukraine-2014.csv"
RADIUS_KM = 25.0


def load_rows(path: str | Path, max_prec: int = 2) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["where_prec"].isdigit() and 1 <= int(r["where_prec"]) <= max_prec]


def _several_oblasts(g, name: str | None) -> bool:
    """The matched name is a Ukrainian settlement in two oblasts or more (Novoselivka, Troitske)."""
    if not name:
        return False
    return len({e.admin1_code for e in g.candidates(name) if e.fclass == "P" and e.country == "UA"}) >= 2


def evaluate(rows: list[dict], radius_km: float = RADIUS_KM, use_context: bool = True) -> dict:
    """Share within radius_km; with use_context the batch's confident answers settle ambiguous names."""
    g = get_gazetteer()
    results = []
    answers = geocode_batch([r["where_description"] for r in rows], g, use_context=use_context)
    for r, res in zip(rows, answers):
        lat, lon = float(r["latitude"]), float(r["longitude"])
        dist = distance_km(lat, lon, res["lat"], res["lon"]) if res["lat"] is not None else None
        results.append({"id": r["id"], "query": r["where_description"], "got": res["name"], "admin1": res["admin1"],
                        "distance_km": dist, "hit": dist is not None and dist <= radius_km,
                        "several_oblasts": _several_oblasts(g, res.get("matched"))})
    hits = sum(1 for x in results if x["hit"])
    misses = sorted((x for x in results if not x["hit"]), key=lambda x: -(x["distance_km"] or 1e9))
    return {"count": len(results), "hits": hits, "share": hits / len(results) if results else 0.0, "misses": misses,
            "all": results}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="?", default=str(DEFAULT))
    ap.add_argument("--worst", type=int, default=15)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    get_gazetteer()
    t_load = time.perf_counter() - t
    rows = load_rows(args.csv)
    t = time.perf_counter()
    rep = evaluate(rows)
    spent = time.perf_counter() - t
    alone = evaluate(rows, use_context=False)
    print(f"each query alone (no batch context): {alone['hits']} = {alone['share']:.3f}")
    print(f"UCDP rows with where_prec 1-2: {rep['count']}")
    print(f"within {RADIUS_KM:g} km: {rep['hits']} = {rep['share']:.3f}")
    amb = [x for x in rep["misses"] if x["several_oblasts"]]
    n_amb = sum(1 for x in rep["all"] if x["several_oblasts"])
    print(f"rows whose name is a settlement in several oblasts: {n_amb}, within {RADIUS_KM:g} km: "
          f"{n_amb - len(amb)} = {(n_amb - len(amb)) / max(1, n_amb):.3f}")
    print(f"gazetteer load {t_load:.2f}s, geocoding {spent:.2f}s ({1000 * spent / max(1, rep['count']):.1f} ms/query)")
    print("worst misses:")
    for x in rep["misses"][: args.worst]:
        d = "unresolved" if x["distance_km"] is None else f"{x['distance_km']:.0f} km"
        print(f"  {d:>10}  {x['query'][:80]!r} -> {x['got']} ({x['admin1']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
