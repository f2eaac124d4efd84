"""Train and measure the learned event filter (src/unfog/extractors/events/doubt.py) on gold event files.

    python benchmarks/train_event_filter.py --gold-file A --gold-file B ...            # leave-one-file-out CV
    python benchmarks/train_event_filter.py --gold-file A ... --write                  # CV, fit on all, write (off)
    python benchmarks/train_event_filter.py --gold-file A ... --write --enable         # ... and switch the filter on
    python benchmarks/train_event_filter.py --gold-file A ... --threshold 0.3 --write  # a threshold given, not chosen
    python benchmarks/train_event_filter.py --gold-file A --set seeds ...              # also an in-repo gold set
    python benchmarks/train_event_filter.py ... --guard-set samples --guard-file C     # and measure sets not trained on
    python benchmarks/train_event_filter.py ... --types all                            # doubt every type (default: the
                                                                                       # data file's applies_to)

``--write`` stores the weights and the CV-chosen threshold as ``cv_threshold``; the filter tags only when
``threshold`` is set, which ``--enable`` does (keep it off unless held-out and own sets agree: docs/events.md).

The pipeline runs once on every article (the filter's feature values are taken through the ``event_features``
option; a ``doubtful`` tag the current weights set is taken off, so "before" is the extractor without the filter).

Training files are gold files by path (``--gold-file``, text embedded) and in-repo gold sets by name (``--set``:
the sets of score_events.py, their texts found as that script finds them). Guards (``--guard-set``,
``--guard-file``) are never trained on: each is scored before and after by the model fitted on all training
files, at the chosen threshold, and only its totals are printed.

Scope: only events whose ACLED type is in ``applies_to`` (``--types``) are samples and are ever doubted.

Labels, for each shown event (no hidden tag) in article order: positive when its evidence covers a gold trigger
of its own ACLED type that no earlier event of that type covered (the event the scorer counts); negative when it
covers only gold triggers that some shown event covers with the gold's type (a duplicate, or a second reading of
one clause) or, covering none, a ``not_events`` anchor; an event covering an incident that no event types right,
or nothing annotated, is left out.

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
from functools import lru_cache
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
    """One label per event: 1 the first to cover a gold trigger of its own type (the one event the scorer counts
    for that incident); 0 a duplicate (it covers only gold triggers another shown event covers with the gold's type,
    or a ``not_events`` clause); None unannotated, hidden by the rules, or covering an incident no event gives the
    right type (a mistyped incident: neither a duplicate nor a hit)."""
    gold_pos = [se.trigger_offset(text, g["trigger"], g.get("occurrence", 0)) for g in gold_events]
    not_pos = [se.trigger_offset(text, n["anchor"], n.get("occurrence", 0)) for n in not_events]
    shown = [e for e in events if not set(e.get("tags") or []) & OWN_HIDDEN]
    typed = {k for k, (g, p) in enumerate(zip(gold_events, gold_pos))
             if any(e.get("event_type") == g.get("event_type") for e in se.covering(shown, p))}
    taken: set[int] = set()
    out: list[int | None] = []
    for e in events:
        if set(e.get("tags") or []) & OWN_HIDDEN:
            out.append(None)
            continue
        covers = {k for k, p in enumerate(gold_pos) if se.covering([e], p)}
        own = {k for k in covers if gold_events[k].get("event_type") == e.get("event_type")} - taken
        if own:
            out.append(1)
        elif (covers and covers <= typed) or (not covers and any(se.covering([e], p) for p in not_pos)):
            out.append(0)
        else:
            out.append(None)
        taken |= own
    return out


@lru_cache(maxsize=1)
def repo_texts() -> dict[str, dict]:
    """score_events' in-repo gold sets: name -> {article key: text, published}, read once."""
    return se.load_articles()


def collect(source: str) -> dict:
    """Run the pipeline on a gold file (a path, text embedded) or an in-repo gold set (a name of score_events'
    sets): per article its text, events, feature values and labels."""
    repo_sets = repo_texts()
    if source in repo_sets:
        name = source
        gold = json.loads((se.GOLD / f"{name}.json").read_text(encoding="utf-8"))
        texts = repo_sets[name]
    else:
        name = Path(source).stem
        gold = json.loads(Path(source).read_text(encoding="utf-8"))
        texts = gold["articles"]
    arts = {}
    for key, t in texts.items():
        a = gold["articles"][key]
        events, feats = extract(t["text"], t["published"])
        arts[key] = {"text": t["text"], "published": t["published"], "events": events,
                     "features": [feats.get(e["id"], {}) for e in events],
                     "labels": label(t["text"], a["events"], a.get("not_events", []), events)}
    return {"name": name, "path": source, "gold": gold, "articles": arts}


def in_scope(event: dict, types: list[str] | None) -> bool:
    """Whether the filter applies to this event (its ACLED type among ``types``; None: every type)."""
    return types is None or event.get("event_type") in types


def samples(sets: list[dict], names: list[str], types: list[str] | None) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for s in sets:
        for a in s["articles"].values():
            for e, f, y in zip(a["events"], a["features"], a["labels"]):
                if y is not None and in_scope(e, types):
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


def measure(s: dict, probs: dict | None, threshold: float | None, types: list[str] | None = None) -> dict:
    """score_events' numbers of one set, the events in scope under the threshold tagged doubtful (none: before)."""
    events = {}
    for k, a in s["articles"].items():
        evs = []
        for i, e in enumerate(a["events"]):
            doubtful = (probs is not None and threshold is not None and probs[k][i] < threshold
                        and in_scope(e, types))
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


def cross_validate(sets: list[dict], names: list[str], l2: float, types: list[str] | None) -> list[dict]:
    """Each held-out set's probabilities from a model trained on the others."""
    out = []
    for i, s in enumerate(sets):
        x, y = samples(sets[:i] + sets[i + 1:], names, types)
        w, b = fit(x, y, l2)
        out.append(probabilities(s, names, w, b))
    return out


def choose(sets: list[dict], cv: list[dict], max_drop: float,
           types: list[str] | None) -> tuple[float | None, list[tuple]]:
    before = pooled([measure(s, None, None) for s in sets])
    table, best = [], None
    for t in THRESHOLDS:
        after = pooled([measure(s, p, t, types) for s, p in zip(sets, cv)])
        ok = (before["found_full_shown"] - after["found_full_shown"] <= max_drop + 1e-9
              and before["fatalities_shown"] - after["fatalities_shown"] <= max_drop + 1e-9)
        table.append((t, after, ok))
        if ok and (best is None or after["precision"] > best[1]["precision"]):
            best = (t, after)
    return (best[0] if best else None), [("before", before, True)] + table


def guard_table(guards: list[dict], names: list[str], w: np.ndarray, b: float, threshold: float | None,
                types: list[str] | None) -> list[dict]:
    """Each guard set's totals before and after, the model fitted on every training file."""
    keys = ("precision", "found_full_shown", "fatalities_shown", "shown")
    out = []
    for g in guards:
        before, after = measure(g, None, None), measure(g, probabilities(g, names, w, b), threshold, types)
        out.append({"set": g["name"], "before": {x: before[x] for x in keys}, "after": {x: after[x] for x in keys}})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-file", action="append", default=[], metavar="PATH", help="a training gold file")
    ap.add_argument("--set", action="append", default=[], metavar="NAME", help="a training in-repo gold set")
    ap.add_argument("--guard-file", action="append", default=[], metavar="PATH", help="a gold file only measured")
    ap.add_argument("--guard-set", action="append", default=[], metavar="NAME", help="an in-repo set only measured")
    ap.add_argument("--types", help="comma-separated ACLED types the filter applies to, or 'all' "
                                    "(default: applies_to of the data file)")
    ap.add_argument("--l2", type=float, default=10.0, help="L2 penalty on the standardised weights")
    ap.add_argument("--max-drop", type=float, default=0.02)
    ap.add_argument("--threshold", type=float, help="use this threshold instead of the one CV chooses")
    ap.add_argument("--write", action="store_true", help="fit on all files and write lexicons/event_filter.json")
    ap.add_argument("--enable", action="store_true", help="with --write: set the threshold, so the filter tags")
    args = ap.parse_args(argv)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = data["features"]
    types = data.get("applies_to") if args.types is None else (
        None if args.types == "all" else [t.strip() for t in args.types.split(",") if t.strip()])
    sets = [collect(p) for p in args.gold_file + args.set]
    if len(sets) < 2:
        ap.error("cross-validation needs at least two training files or sets")
    print(f"applies to: {types or 'every type'}")
    for s in sets:
        labels = [y for a in s["articles"].values() for e, y in zip(a["events"], a["labels"]) if in_scope(e, types)]
        print(f"{s['name']}: events {len(labels)}, positive {labels.count(1)}, negative {labels.count(0)}, "
              f"unlabelled {labels.count(None)}")
    cv = cross_validate(sets, names, args.l2, types)
    threshold, table = choose(sets, cv, args.max_drop, types)
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
        b, a = measure(s, None, None), measure(s, p, threshold, types)
        folds.append({"set": s["name"], "before": b, "after": a})
        print(f"{s['name']}  {b['precision']} -> {a['precision']}  {b['found_full']} -> {a['found_full']}  "
              f"{b['found_full_shown']} -> {a['found_full_shown']}  {b['fatalities']} -> {a['fatalities']}  "
              f"{b['fatalities_shown']} -> {a['fatalities_shown']}  {b['shown']} -> {a['shown']}")
    x, y = samples(sets, names, types)
    w, b = fit(x, y, args.l2)
    guards = guard_table([collect(p) for p in args.guard_file + args.guard_set], names, w, b, threshold, types)
    if guards:
        print("\nguard (fitted on all training files)  precision  found_full_shown  fatalities_shown  shown  "
              "(before -> after)")
    for g in guards:
        print(f"{g['set']}  " + "  ".join(f"{g['before'][k]} -> {g['after'][k]}" for k in
                                          ("precision", "found_full_shown", "fatalities_shown", "shown")))
    if args.write and threshold is not None:
        data.update({
            "features": names,
            "applies_to": types,
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
                "guards": guards,
            },
        })
        DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {DATA.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
