"""Store growth: does relating new articles to the store stay fast as the store fills?

Synthesises extracted records (no spaCy: articles with places, figures and statements
drawn from fixed pools, spread over a year), fills a store to each size in ``--sizes``
through the same path as ``unfog ingest`` (:func:`unfog.workflows.write_chunk`), then
times ``--measure`` more articles at that size. Prints articles/s per size and the
ratio to the empty-store rate (issue 13 item 3: within 1.5x at 10,000 articles).

    python benchmarks/bench_store_growth.py --sizes 0,1000,10000 [--measure 500] [--chunk 50] [--interleave]

The fill goes through the same path in one big chunk per size (relating in big chunks is
what makes it fast: 10,000 articles in ~25 s instead of ~1,000 s in chunks of 200) and is
timed too (all sizes share one store, filled in order); a warm-up chunk in a throwaway
store comes first, so the first size does not pay the imports. ``--interleave`` gives each size its own store and
measures them chunk by chunk in turn, so that load from other work on the machine falls on all sizes
alike (the sizes in one sequence are otherwise seconds apart).
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from unfog.model import Article, ArticleRecords, Event, Figure, Place, Statement, stable_id

PLACES = 300  # places the articles are about (figures are compared within a place's quantities)
CLAIMANTS = [("the regional governor", "UKR"), ("the defence ministry", "RUS"), ("UN monitors", "INT"),
             ("the general staff", "UKR"), ("the army spokesman", "RUS"), ("the health ministry", "UKR")]
CATEGORIES = [("killed", "civilians"), ("wounded", "civilians"), ("killed", "combatants"), ("displaced", "people"),
              ("captured", "combatants"), ("evacuated", "people")]
CLAIMS = ["forces shelled the centre of {p} overnight", "troops captured the village near {p}",
          "a missile struck a school in {p}", "the attack on {p} was repelled"]
DENIALS = ["denied shelling {p}", "denied that its troops had captured {p}"]
EVENTS = [("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
          ("Battles", "Armed clash", "clashed"), ("Explosions/Remote violence", "Air/drone strike", "struck")]
START = date(2023, 1, 1)


def synth_article(i: int, rng: random.Random, places: int = PLACES, events: bool = True) -> ArticleRecords:
    """One article's records: a place, 3 figures, 2 statements (one in five a denial), 1 event."""
    place = f"Town{rng.randrange(places):05d}"
    day = START + timedelta(days=rng.randrange(365))
    text = f"Report {i} about {place}. " + " ".join(rng.choice(CLAIMS).format(p=place) + "." for _ in range(3))
    aid = stable_id("art", "synth", i)
    art = Article(id=aid, text=text, published=day.isoformat(), source=rng.choice(["Wire A", "Wire B", "Gazette"]))
    res = ArticleRecords(article=art)
    at = text.index(place)
    res.places = [Place(id=stable_id("plc", aid, at), article_id=aid, name=place, start=at, end=at + len(place),
                        canonical=place)]
    for k in range(3):
        cat, group = rng.choice(CATEGORIES)
        who, side = rng.choice(CLAIMANTS)
        value = rng.choice([5, 12, 18, 30, 35, 50, 120, 134, 150, 1200])
        res.figures.append(Figure(id=stable_id("fig", aid, k), article_id=aid, text=str(value), start=k, end=k + 1,
                                  value=value, category=cat, group=group, claimant=who, claimant_side=side,
                                  place=place, date=day.isoformat()))
    for k in range(2):
        who, side = rng.choice(CLAIMANTS)
        denial = rng.random() < 0.2
        content = (rng.choice(DENIALS) if denial else rng.choice(CLAIMS)).format(p=place)
        res.statements.append(Statement(id=stable_id("stm", aid, k), article_id=aid, speaker=who, text=content,
                                        start=at, end=at + 40, speaker_side=side, content=content,
                                        polarity="denies" if denial else "asserts", date=day.isoformat()))
    if not events:  # (the draws above are those of the corpus before events were added)
        return res
    etype, sub, trigger = rng.choice(EVENTS)
    who, side = rng.choice(CLAIMANTS)
    # the article's incident: merged with other articles' reports of it (same type, place, a day apart)
    res.events.append(Event(id=stable_id("evt", aid, 0), article_ids=[aid], event_type=etype, sub_event_type=sub,
                            text=text[:80], start=0, end=80, place=place, date=day.isoformat(), time_precision=1,
                            actor1_side=side, claimed_by=who, claimed_by_side=side, trigger=trigger,
                            figure_ids=[f.id for f in res.figures], statement_ids=[s.id for s in res.statements]))
    return res


def ingest(store, items: list[ArticleRecords], chunk: int) -> float:
    return ingest_timed(store, items, chunk)[0]


def ingest_timed(store, items: list[ArticleRecords], chunk: int) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process, all threads) to write ``items`` in chunks."""
    from unfog.workflows import write_chunk

    t, c = time.perf_counter(), time.process_time()
    for i in range(0, len(items), chunk):
        write_chunk(store, items[i:i + chunk])
    return time.perf_counter() - t, time.process_time() - c


def pool(stored: int, per_place: int) -> int:
    """Places in the corpus once ``stored`` articles are in: fixed, or growing with the store."""
    return max(PLACES, stored // per_place) if per_place else PLACES


def run(sizes: list[int], measure: int, chunk: int, seed: int = 7, fill_chunk: int = 0, per_place: int = 0,
        events: bool = True) -> list[dict]:
    from unfog.fusion.fuse import figure_keys as keys_of
    from unfog.store import Store, relating

    rng = random.Random(seed)
    out = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "growth.duckdb") as store:
        with Store(Path(tmp) / "warm.duckdb") as warm:  # imports and caches, not timed
            ingest(warm, [synth_article(-1 - i, random.Random(seed + 1)) for i in range(chunk)], chunk)
        filled, n = 0, 0
        for size in sorted(sizes):
            fill = [synth_article(n + i, rng, pool(n + i, per_place), events) for i in range(size - filled)]
            n += len(fill)
            fill_s = ingest(store, fill, chunk=fill_chunk or len(fill)) if fill else 0.0
            fill = None  # an ingest streams its input: the fill's records are not kept while measuring
            filled = size
            places = pool(n, per_place)
            probe = [synth_article(n + i, rng, places, events) for i in range(measure)]
            n += measure
            # how many stored figures a new figure's quantity holds, on average (what relating it reads)
            qkeys = sorted({k.qkey for r in probe for k in keys_of(r)})
            relating.ensure(store)
            per_q = store.con.execute(f"SELECT count(*) / {max(1, len(qkeys))} FROM figure_keys WHERE qkey IN "
                                      f"(SELECT unnest(?::VARCHAR[]))", [qkeys]).fetchone()[0]
            gc.collect()  # not the fill's garbage (a collection's cost grows with what is alive)
            secs, cpu = ingest_timed(store, probe, chunk=chunk)
            filled += measure
            out.append({"stored_before": size, "places": places, "figures_per_quantity": round(per_q, 1),
                        "measured": measure, "seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
                        "articles_per_s": round(measure / secs, 1), "articles_per_cpu_s": round(measure / cpu, 1),
                        "fill_seconds": round(fill_s, 1), "relations": store.count("relations")})
    base, base_cpu = out[0]["articles_per_s"], out[0]["articles_per_cpu_s"]
    for row in out:
        row["slowdown_vs_first"] = round(base / row["articles_per_s"], 2)
        # CPU time is steadier than the wall clock on a loaded machine (it leaves out waiting for a core)
        row["cpu_slowdown_vs_first"] = round(base_cpu / row["articles_per_cpu_s"], 2)
    return out


def run_interleaved(sizes: list[int], measure: int, chunk: int, seed: int = 7, fill_chunk: int = 0, per_place: int = 0,
                    events: bool = True) -> list[dict]:
    """Like :func:`run`, but each size has its own store (filled the same way) and the measured chunks go
    to the sizes in turn (size 0's first chunk, then 1,000's, ...), so that a busy spell on a shared
    machine burdens every size alike; each size's time is the sum of its chunks'."""
    from unfog.store import Store
    from unfog.workflows import write_chunk

    rng = random.Random(seed)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "warm.duckdb") as warm:  # imports and caches, not timed
            ingest(warm, [synth_article(-1 - i, random.Random(seed + 1)) for i in range(chunk)], chunk)
        stores, probes, n = [], [], 0
        for size in sorted(sizes):
            store = Store(Path(tmp) / f"growth{size}.duckdb")
            fill = [synth_article(n + i, rng, pool(n + i, per_place), events) for i in range(size)]
            n += size
            fill_s = ingest(store, fill, chunk=fill_chunk or len(fill)) if fill else 0.0
            fill = None
            probes.append([synth_article(n + i, rng, pool(n, per_place), events) for i in range(measure)])
            n += measure
            stores.append(store)
            out.append({"stored_before": size, "places": pool(n, per_place), "measured": measure, "seconds": 0.0,
                        "cpu_seconds": 0.0, "fill_seconds": round(fill_s, 1)})
        gc.collect()
        for i in range(0, measure, chunk):
            for store, probe, row in zip(stores, probes, out):
                t, c = time.perf_counter(), time.process_time()
                write_chunk(store, probe[i:i + chunk])
                row["seconds"] += time.perf_counter() - t
                row["cpu_seconds"] += time.process_time() - c
        for store, row in zip(stores, out):
            row["relations"] = store.count("relations")
            store.close()
    for row in out:
        row["figures_per_quantity"] = "-"
        row["articles_per_s"] = round(measure / row["seconds"], 1)
        row["articles_per_cpu_s"] = round(measure / row["cpu_seconds"], 1)
        row["seconds"], row["cpu_seconds"] = round(row["seconds"], 2), round(row["cpu_seconds"], 2)
    base, base_cpu = out[0]["articles_per_s"], out[0]["articles_per_cpu_s"]
    for row in out:
        row["slowdown_vs_first"] = round(base / row["articles_per_s"], 2)
        row["cpu_slowdown_vs_first"] = round(base_cpu / row["articles_per_cpu_s"], 2)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0,1000,10000", help="store sizes (articles) to measure at")
    ap.add_argument("--measure", type=int, default=500, help="articles ingested and timed at each size")
    ap.add_argument("--chunk", type=int, default=50, help="articles per write_chunk while measuring (as unfog ingest)")
    ap.add_argument("--fill-chunk", type=int, default=0,
                    help="articles per write_chunk while filling (default: each fill in one chunk; the same path, fast)")
    ap.add_argument("--articles-per-place", type=int, default=0,
                    help="grow the places with the store (one per this many articles, at least 300) so that the "
                         "figures per quantity stay about constant; default: 300 places whatever the size")
    ap.add_argument("--no-events", action="store_true",
                    help="articles without an event (the corpus of the measurements before events were added)")
    ap.add_argument("--interleave", action="store_true",
                    help="a store per size, measured chunks given to the sizes in turn (steadier on a busy machine)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    import os

    load = os.getloadavg()
    rows = (run_interleaved if a.interleave else run)([int(s) for s in a.sizes.split(",")], a.measure, a.chunk,
                                                      fill_chunk=a.fill_chunk, per_place=a.articles_per_place,
                                                      events=not a.no_events)
    if a.json:
        print(json.dumps({"load_before": load, "load_after": os.getloadavg(), "rows": rows}, indent=1))
    else:
        for r in rows:
            print(f"stored {r['stored_before']:>7,} ({r['places']:,} places, {r['figures_per_quantity']} stored figures "
                  f"per touched quantity): {r['articles_per_s']:>7} articles/s "
                  f"({r['measured']} in {r['seconds']}s; x{r['slowdown_vs_first']} vs first size; "
                  f"CPU {r['cpu_seconds']}s: {r['articles_per_cpu_s']} articles/CPU-s, x{r['cpu_slowdown_vs_first']}; "
                  f"fill {r['fill_seconds']}s; {r['relations']} relations)")
        print(f"load average before {load[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
