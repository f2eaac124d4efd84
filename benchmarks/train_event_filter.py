"""Train and measure the learned event filter (src/unfog/extractors/events/doubt.py) on gold event files.

    python benchmarks/train_event_filter.py --gold-file A --gold-file B ...            # leave-one-file-out CV
    python benchmarks/train_event_filter.py --gold-file A ... --write                  # CV, fit on all, write (off)
    python benchmarks/train_event_filter.py --gold-file A ... --write --enable         # ... and switch the filter on
    python benchmarks/train_event_filter.py --gold-file A ... --threshold 0.3 --write  # a threshold given, not chosen

``--write`` stores the weights and the CV-chosen threshold as ``cv_threshold``; the filter tags only when
``threshold`` is set, which ``--enable`` does (keep it off unless held-out and own sets agree: docs/events.md).

The pipeline runs once on every article (the filter's feature values are taken through the ``event_features``
option; a ``doubtful`` tag the current weights set is taken off, so "before" is the extractor without the filter).

Labels, for each shown event (no hidden tag) in article order: positive when its evidence covers a gold trigger
(any type) that no earlier event covered; negative when it covers only gold triggers already covered (a
duplicate) or, covering none, a ``not_events`` anchor; an event covering neither is not annotated and left out.

Model: L2-regularised logistic regression on standardised features, written back on the raw scale (the filter
applies it with a plain dot product). The features are the names listed under ``features`` in
lexicons/event_filter.json.

Measure: leave-one-file-out: train on the other files, score the held-out one with score_events' numbers
(precision, found_full and fatalities_right_of_all_gold, and the same two counted on shown events only), before
and after. The threshold is chosen on the pooled held-out folds: the highest precision such that found_full_shown
and fatalities_right_of_all_gold_shown drop by at most --max-drop (0.02).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score_events as se  # noqa: E402  (the benchmark next to this script)

from unfog.extractors.events import doubt  # noqa: E402
from unfog.lexicons.events import HIDDEN_TAGS  # noqa: E402

DATA = HERE.parent / "src" / "unfog" / "lexicons" / "event_filter.json"
OWN_HIDDEN = HIDDEN_TAGS - {doubt.TAG}  # the tags the rules set: events they hide are no sample
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 15)]


def extract(text: str, published: str) -> tuple[list[dict], dict]:
    """The article's events (without the filter's tag) and each event's feature values."""
    from unfog.model import Article
    from unfog.pipeline import process

    sink: dict = {}
    res = process(Article(id=Article.id_for_text(text), text=text, published=published), options={"event_features": sink})
    events = []
    for e in res.events:
        d = e.to_dict()
        d["tags"] = [t for t in d.get("tags") or [] if t != doubt.TAG]
        events.append(d)
    return events, sink


def label(text: str, gold_events: list[dict], not_events: list[dict], events: list[dict]) -> list[int | None]:
    """One label per event: 1 a first cover of a gold trigger, 0 a duplicate or a not_events clause, None
    unannotated or already hidden by the rules."""
    gold_pos = [se.trigger_offset(text, g["trigger"], g.get("occurrence", 0)) for g in gold_events]
    not_pos = [se.trigger_offset(text, n["anchor"], n.get("occurrence", 0)) for n in not_events]
    taken: set[int] = set()
    out: list[int | None] = []
    for e in events:
        if set(e.get("tags") or []) & OWN_HIDDEN:
            out.append(None)
            continue
        covers = {k for k, p in enumerate(gold_pos) if se.covering([e], p)}
        if covers - taken:
            out.append(1)
        elif covers or any(se.covering([e], p) for p in not_pos):
            out.append(0)
        else:
            out.append(None)
        taken |= covers
    return out


def collect(path: str) -> dict:
    """Run the pipeline on a gold file: per article its text, events, feature values and labels."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    arts = {}
    for key, a in gold["articles"].items():
        events, feats = extract(a["text"], a["published"])
        arts[key] = {"text": a["text"], "published": a["published"], "events": events,
                     "features": [feats.get(e["id"], {}) for e in events],
                     "labels": label(a["text"], a["events"], a.get("not_events", []), events)}
    return {"name": Path(path).stem, "path": path, "gold": gold, "articles": arts}


def samples(sets: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for s in sets:
        for a in s["articles"].values():
            for f, y in zip(a["features"], a["labels"]):
                if y is not None:
                    xs.append([f.get(n, 0.0) for n in names])
                    ys.append(y)
    return np.array(xs, dtype=float).reshape(-1, len(names)), np.array(ys, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """L2 logistic regression on standardised columns; weights and bias on the raw scale."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        t = z @ w + b
        p = 1.0 / (1.0 + np.exp(-t))
        nll = np.sum(np.logaddexp(0.0, t) - y * t)
        g = p - y
        return nll + 0.5 * l2 * w @ w, np.concatenate([z.T @ g + l2 * w, [g.sum()]])

    res = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B")
    w, b = res.x[:-1], res.x[-1]
    return w / sd, float(b - np.sum(w * mu / sd))


def probabilities(s: dict, names: list[str], w: np.ndarray, b: float) -> dict:
    """Article key -> the model's probability for each event."""
    weights = dict(zip(names, w))
    return {k: [doubt.score(f, weights, b) for f in a["features"]] for k, a in s["articles"].items()}


def measure(s: dict, probs: dict | None, threshold: float | None) -> dict:
    """score_events' numbers of one set, the events under the threshold tagged doubtful (none: before)."""
    events = {}
    for k, a in s["articles"].items():
        evs = []
        for i, e in enumerate(a["events"]):
            doubtful = probs is not None and threshold is not None and probs[k][i] < threshold
            evs.append({**e, "tags": list(e.get("tags") or []) + ([doubt.TAG] if doubtful else [])})
        events[k] = evs
    report: dict = {}
    se.score_set(report, s["name"], s["gold"], s["articles"], events)
    r = report[s["name"]]
    good = sum(1 for p in report[s["name"] + "_produced"] if p["matches_gold"])
    return {"precision": r["precision"], "found_full": r["found_full"], "found_full_shown": r["found_full_shown"],
            "fatalities": r["fatalities_right_of_all_gold"], "fatalities_shown": r["fatalities_right_of_all_gold_shown"],
            "shown": r["produced_shown"], "good": good, "gold": r["gold_events"],
            "full_shown_n": sum(1 for x in report[s["name"] + "_rows"] if x.get("found_full_shown")),
            "fat_shown_n": sum(1 for x in report[s["name"] + "_rows"] if x.get("fatalities_ok_shown"))}


def pooled(ms: list[dict]) -> dict:
    gold = sum(m["gold"] for m in ms)
    shown = sum(m["shown"] for m in ms)
    return {"precision": round(sum(m["good"] for m in ms) / max(1, shown), 3), "shown": shown,
            "found_full_shown": round(sum(m["full_shown_n"] for m in ms) / gold, 3),
            "fatalities_shown": round(sum(m["fat_shown_n"] for m in ms) / gold, 3)}


def cross_validate(sets: list[dict], names: list[str], l2: float) -> list[dict]:
    """Each held-out set's probabilities from a model trained on the others."""
    out = []
    for i, s in enumerate(sets):
        x, y = samples(sets[:i] + sets[i + 1:], names)
        w, b = fit(x, y, l2)
        out.append(probabilities(s, names, w, b))
    return out


def choose(sets: list[dict], cv: list[dict], max_drop: float) -> tuple[float | None, list[tuple]]:
    before = pooled([measure(s, None, None) for s in sets])
    table, best = [], None
    for t in THRESHOLDS:
        after = pooled([measure(s, p, t) for s, p in zip(sets, cv)])
        ok = (before["found_full_shown"] - after["found_full_shown"] <= max_drop + 1e-9
              and before["fatalities_shown"] - after["fatalities_shown"] <= max_drop + 1e-9)
        table.append((t, after, ok))
        if ok and (best is None or after["precision"] > best[1]["precision"]):
            best = (t, after)
    return (best[0] if best else None), [("before", before, True)] + table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-file", action="append", required=True, metavar="PATH")
    ap.add_argument("--l2", type=float, default=10.0, help="L2 penalty on the standardised weights")
    ap.add_argument("--max-drop", type=float, default=0.02)
    ap.add_argument("--threshold", type=float, help="use this threshold instead of the one CV chooses")
    ap.add_argument("--write", action="store_true", help="fit on all files and write lexicons/event_filter.json")
    ap.add_argument("--enable", action="store_true", help="with --write: set the threshold, so the filter tags")
    args = ap.parse_args(argv)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = data["features"]
    sets = [collect(p) for p in args.gold_file]
    for s in sets:
        labels = [y for a in s["articles"].values() for y in a["labels"]]
        print(f"{s['name']}: events {len(labels)}, positive {labels.count(1)}, negative {labels.count(0)}, "
              f"unlabelled {labels.count(None)}")
    cv = cross_validate(sets, names, args.l2)
    threshold, table = choose(sets, cv, args.max_drop)
    print("\nthreshold  precision  shown  found_full_shown  fatalities_shown  (pooled held-out folds)")
    for t, m, ok in table:
        print(f"{t!s:9}  {m['precision']:9}  {m['shown']:5}  {m['found_full_shown']:16}  {m['fatalities_shown']:16}"
              f"{'' if ok else '  (drops too much)'}")
    if args.threshold is not None:
        threshold = args.threshold
    print(f"\nchosen threshold: {threshold}")
    folds = []
    print("\nfold  precision  found_full  found_full_shown  fatalities  fatalities_shown  shown   (before -> after)")
    for s, p in zip(sets, cv):
        b, a = measure(s, None, None), measure(s, p, threshold)
        folds.append({"set": s["name"], "before": b, "after": a})
        print(f"{s['name']}  {b['precision']} -> {a['precision']}  {b['found_full']} -> {a['found_full']}  "
              f"{b['found_full_shown']} -> {a['found_full_shown']}  {b['fatalities']} -> {a['fatalities']}  "
              f"{b['fatalities_shown']} -> {a['fatalities_shown']}  {b['shown']} -> {a['shown']}")
    if args.write and threshold is not None:
        x, y = samples(sets, names)
        w, b = fit(x, y, args.l2)
        data.update({
            "features": names,
            "threshold": threshold if args.enable else None,
            "cv_threshold": threshold,
            "bias": round(b, 4),
            "weights": {n: round(float(v), 4) for n, v in zip(names, w)},
            "provenance": {
                "trained": date.today().isoformat(),
                "sets": [Path(s["path"]).name for s in sets],
                "samples": {"positive": int(y.sum()), "negative": int(len(y) - y.sum())},
                "l2": args.l2,
                "max_drop": args.max_drop,
                "cv_pooled": {str(t): m for t, m, _ in table if t in ("before", threshold)},
                "cv_folds": [{"set": f["set"], **{k: {x: f[k][x] for x in ("precision", "found_full_shown",
                              "fatalities_shown", "shown")} for k in ("before", "after")}} for f in folds],
            },
        })
        DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {DATA.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
