"""Geoparsing beyond Ukraine: short articles about other conflicts, with hand-coded gold places.

The articles are our own writing (tests/gold/places/world/tune.txt and heldout.txt). A place is
marked ``[[surface|GeoNames name|country|flag]]``; the gold GeoNames entry is the most populous
populated place of that name and country in the GeoNames data (flag ``A``: the first-level
division of that name instead). Flag ``skip``: a real place our data lacks (neither counted as
found nor as false); flag ``not``: a name that is NOT a place here (a government, a person):
predicting it is a false positive. Unmarked place predictions are false positives too.

    python benchmarks/geoparse_world.py [tune|heldout|all] [--show]

Reports span precision/recall/F1 (a prediction overlapping a gold span with the gold GeoNames id,
or within 25 km of it) and the geoparsing measure recall/precision at 161 km.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from unfog.gazetteer.fold import name_key
from unfog.gazetteer.index import distance_km, get_gazetteer

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "places" / "world"
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]+)\|([A-Z]{2})(?:\|(A|skip|not))?\]\]")


def gold_entry(name: str, cc: str, flag: str | None):
    g = get_gazetteer()
    cands = [e for e in g.candidates(name) if e.country == cc]
    if flag == "A":
        cands = [e for e in cands if e.fcode == "ADM1"] or [
            e for e in (g.admin1_entry(*d) for d in g.admin1_of(name)) if e and e.country == cc]
    else:
        cands = [e for e in cands if e.fclass == "P" or e.fcode == "PCLI"]
    if not cands:
        raise LookupError(f"no GeoNames entry for {name!r} in {cc} (flag {flag})")
    return max(cands, key=lambda e: (e.fcode == "PCLI", e.population))


def load_articles(part: str) -> list[dict]:
    """[{id, text, places: [{start, end, name, geonames_id, lat, lon, flag}]}] of one part."""
    raw = (GOLD_DIR / f"{part}.txt").read_text(encoding="utf-8")
    out = []
    for block in re.split(r"^=== ", raw, flags=re.M)[1:]:
        aid, _, body = block.partition("\n")
        text, places, pos = "", [], 0
        for m in MARK.finditer(body):
            text += body[pos:m.start()]
            start = len(text)
            text += m.group(1)
            flag = m.group(4)
            place = {"start": start, "end": len(text), "name": m.group(1), "flag": flag}
            if flag not in ("skip", "not"):
                e = gold_entry(m.group(2), m.group(3), flag)
                place.update(geonames_id=e.geonames_id, lat=e.lat, lon=e.lon)
            places.append(place)
            pos = m.end()
        text += body[pos:]
        out.append({"id": aid.strip(), "text": text.strip(), "places": places})
    return out


def _overlaps(p, g) -> bool:
    return p.start < g["end"] and p.end > g["start"]


def score(articles: list[dict], nlp, show: bool = False) -> dict:
    from unfog.extractors import places as places_mod
    from unfog.extractors.context import Context
    from unfog.model import Article

    n = dict(pred=0, tp_pred=0, gold=0, tp_gold=0, pred161=0, tp161=0, gold161=0, rec161=0)
    for a in articles:
        ctx = Context(article=Article(id=a["id"], text=a["text"]), doc=nlp(a["text"]))
        pred = places_mod.extract(ctx)
        gold = [g for g in a["places"] if g["flag"] not in ("skip", "not")]
        ignored = [g for g in a["places"] if g["flag"] == "skip"]
        for p in pred:
            if any(_overlaps(p, g) for g in ignored):
                continue
            n["pred"] += 1
            match = [g for g in gold if _overlaps(p, g)]
            ok = any(p.geonames_id == g["geonames_id"] or distance_km(p.lat, p.lon, g["lat"], g["lon"]) <= 25 for g in match)
            ok161 = any(distance_km(p.lat, p.lon, g["lat"], g["lon"]) <= 161 for g in match)
            n["tp_pred"] += ok
            n["tp161"] += ok161
            if show and not ok:
                print(f"  FP {a['id']}: {p.name!r} -> {p.canonical} {p.country} {p.feature_code} score {p.score}")
        for g in gold:
            n["gold"] += 1
            hit = [p for p in pred if _overlaps(p, g)]
            n["tp_gold"] += any(p.geonames_id == g["geonames_id"] or distance_km(p.lat, p.lon, g["lat"], g["lon"]) <= 25
                                for p in hit)
            n["rec161"] += any(distance_km(p.lat, p.lon, g["lat"], g["lon"]) <= 161 for p in hit)
            if show and not hit:
                print(f"  MISS {a['id']}: {g['name']!r}")
    p = n["tp_pred"] / max(1, n["pred"])
    r = n["tp_gold"] / max(1, n["gold"])
    return {**n, "precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
            "precision161": n["tp161"] / max(1, n["pred"]), "recall161": n["rec161"] / max(1, n["gold"])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("part", nargs="?", default="tune", choices=["tune", "heldout", "all"])
    ap.add_argument("--show", action="store_true", help="print misses and false positives")
    args = ap.parse_args(argv)
    from unfog.nlp import get_nlp

    nlp = get_nlp()
    for part in (["tune", "heldout"] if args.part == "all" else [args.part]):
        arts = load_articles(part)
        print(f"{part}: {len(arts)} articles")
        s = score(arts, nlp, show=args.show)
        print(f"{part}: places P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"({s['pred']} predicted, {s['gold']} gold); at 161 km: recall {s['recall161']:.3f} "
              f"precision {s['precision161']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
