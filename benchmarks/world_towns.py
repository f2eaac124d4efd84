"""Probe: towns and districts conflict news names across the world, resolved by name alone and in a sentence.

The list (``tests/gazetteer/world_towns.tsv``, written by hand) gives a name as news spells it and the country
it must resolve to. Two paths are scored on the country:

- ``geocode``: ``unfog.gazetteer.geocode.geocode(name)``, the name alone (no context);
- ``pipeline``: ``unfog.pipeline.process`` on a plain sentence of our own ("Fighting broke out in X on Monday."),
  the place record spanning the name.

    python benchmarks/world_towns.py [--paths geocode,pipeline] [--misses]
"""
from __future__ import annotations

import argparse
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "tests" / "gazetteer" / "world_towns.tsv"
SENTENCE = "Fighting broke out in {name} on Monday."


def load_probe(path: Path = PROBE) -> list[tuple[str, str, str]]:
    """(name, country, kind) rows of the probe list."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, *rest = line.split("\t")
        rows.append((name, country, rest[0] if rest else "town"))
    return rows


def by_geocode(name: str) -> tuple[str | None, str | None]:
    from unfog.gazetteer.geocode import geocode

    r = geocode(name)
    return r.get("country"), r.get("name")


def by_pipeline(name: str, nlp=None) -> tuple[str | None, str | None]:
    from unfog.model import Article
    from unfog.pipeline import process

    text = SENTENCE.format(name=name)
    start = text.index(name)
    recs = process(Article(id=Article.id_for_text(text), text=text, published="2024-03-04"), nlp=nlp)
    for p in recs.places:
        if p.start <= start < p.end or start <= p.start < start + len(name):
            return p.country, p.canonical
    return None, None


PATHS = {"geocode": by_geocode, "pipeline": by_pipeline}


def score(path: str, rows=None) -> tuple[float, list[tuple[str, str, str | None, str | None]]]:
    """Share of the probe resolved to its country, and the misses (name, want, got country, got name)."""
    rows = rows if rows is not None else load_probe()
    fn = PATHS[path]
    misses = []
    for name, country, _kind in rows:
        got, canonical = fn(name)
        if got != country:
            misses.append((name, country, got, canonical))
    return 1 - len(misses) / len(rows), misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", default="geocode,pipeline")
    ap.add_argument("--misses", action="store_true", help="list the names resolved elsewhere or not at all")
    args = ap.parse_args()
    rows = load_probe()
    for path in args.paths.split(","):
        acc, misses = score(path, rows)
        print(f"{path}: {len(rows) - len(misses)}/{len(rows)} = {acc:.3f}")
        if args.misses:
            for m in misses:
                print("   ", *m, sep="\t")


if __name__ == "__main__":
    main()
