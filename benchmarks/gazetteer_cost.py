"""What the world layer costs: load time and memory per worker, and the entity ruler's speed with it.

    python benchmarks/gazetteer_cost.py [--repeat 3]

1. In a fresh process (unfog.gazetteer.cost.measure): the world layer's load time and the
   resident memory it adds (targets: < 3 s, <= 300 MB), and the whole gazetteer as a worker loads it.
2. The ruler's name scan (unfog.nlp.ruler.mentions_in's work: unfog.gazetteer.mentions.scan) over
   our fixture and gold articles, with the Ukraine detail alone and with the world layer attached:
   characters per second, best of --repeat.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import geoparse_world

    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    for part in ("tune", "heldout"):
        out += [a["text"] for a in geoparse_world.load_articles(part)]
    return out


def scan_speed(g, docs: list[str], repeat: int) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS

    from unfog.gazetteer.mentions import scan

    english = frozenset(STOP_WORDS)
    chars = sum(len(t) for t in docs)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for d in docs:
            scan(d, g, require_caps=True, english=english)
        best = min(best, time.perf_counter() - t)
    return chars / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from unfog.gazetteer.cost import format_line, measure
    from unfog.gazetteer.index import load
    from unfog.gazetteer.layer import load_global

    m = measure()
    print(format_line(m))
    docs = texts()
    detail = load(with_global=False)
    alone = scan_speed(detail, docs, args.repeat)
    detail.attach_global(load_global())
    world = scan_speed(detail, docs, args.repeat)
    print(f"  ruler scan : {alone:,.0f} chars/s with Ukraine alone, {world:,.0f} chars/s with the world layer "
          f"({len(docs)} articles, {sum(len(t) for t in docs):,} chars; {world / alone:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
