"""Train and measure the learned relation kind (src/unfog/fusion/relkind.py) on relation gold files.

    python benchmarks/train_relation_kind.py --gold-file A --gold-file B ... [--set seeds ...]   # leave-one-file-out CV
    python benchmarks/train_relation_kind.py ... --write            # CV, fit on all, write lexicons/relation_kind.json
    python benchmarks/train_relation_kind.py ... --write --enable   # ... and switch it on (the CV-chosen margin)
    python benchmarks/train_relation_kind.py ... --guard-set setG --guard-file C    # and sets only measured (totals)
    python benchmarks/train_relation_kind.py ... --cache DIR        # keep extracted records (trace_relations' cache)

Training files are relation gold files by path (``--gold-file``, articles in the .jsonl beside them, as
score_relations reads them) and in-repo gold sets by name (``--set``). The pipeline runs once on every file
(extract mode); fusion's own stages then give every comparable pair of figures (``fuse.comparable``, within reach,
in the order fuse compares them), its feature values (``relkind.features``) and the rules' answer (``fuse._kind``).

Labels: a pair whose figures overlap the anchors of a gold relation or an ``also_true`` one (either way round,
except updates: older first) takes its type; every other comparable pair is ``none`` (a ``must_not`` pair, an
update told the wrong way round, and, with ``--label all`` (the default), any pair the coder did not relate:
score_relations counts such a produced relation as spurious; with ``--label anchored`` only pairs whose two figures
both overlap some gold anchor).

Model: multinomial L2 logistic regression on standardised features (numpy and scipy's L-BFGS), written back on the
raw scale (relkind applies it with plain dot products).

Measure: leave-one-file-out: train on the other files, relate the held-out one with ``fuse.relate`` under each
candidate (allowed changes, margin) and score it with score_relations' numbers. The candidate chosen is the one
with most gold relations found pooled over the ``--gold-file`` folds whose pooled precision is not below the rules'
and that finds no fewer on the in-repo sets and breaks no more ``must_not`` entries on either (ties: the larger
margin, then the fewer changes); none: the model stays off. ``--margin`` and ``--changes`` fix the candidate instead.

``--wide`` trains the model of the wider candidate pairs instead (``fusion/widepairs.py``: figures of one category,
``--wide-days`` apart at most, that the quantity key or ``comparable`` keeps apart), with the shipped comparable-pair
model as "before" and its own change sets (``WIDE_CHANGE_SETS``: the relations it may add); ``--write`` stores it as
the ``wide`` section of relation_kind.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score_relations as sr  # noqa: E402  (the benchmarks next to this script)
import trace_relations as tr  # noqa: E402

from unfog.fusion import fuse as F  # noqa: E402
from unfog.fusion import relkind  # noqa: E402

DATA = HERE.parent / "src" / "unfog" / "lexicons" / "relation_kind.json"
KINDS = relkind.KINDS
MARGINS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
# the changes a candidate may allow the model to make (rule's answer > learned kind)
CHANGE_SETS = {
    "add-updates": ["none>updates"],
    "add": ["none>updates", "none>corroborates", "none>contradicts"],
    "add-updates+retype": ["none>updates", "contradicts>updates", "corroborates>updates"],
    "add+retype": ["none>updates", "none>corroborates", "none>contradicts", "contradicts>updates",
                   "corroborates>updates", "contradicts>corroborates", "corroborates>contradicts"],
    "any": [f"{x}>{y}" for x in KINDS for y in KINDS if x != y],
}
# with --wide: the relations the model may add among the wider candidate pairs (fusion/widepairs.py)
WIDE_CHANGE_SETS = {
    "wide-updates": ["none>updates"],
    "wide-corroborates": ["none>corroborates"],
    "wide-contradicts": ["none>contradicts"],
    "wide-corroborates+updates": ["none>corroborates", "none>updates"],
    "wide-add": ["none>updates", "none>corroborates", "none>contradicts"],
}


@contextmanager
def using(data: dict):
    """fuse relates with ``data`` as the relation kind model for the duration."""
    saved = relkind.model
    relkind.model = lambda: data
    try:
        yield
    finally:
        relkind.model = saved


OFF = {"kinds": list(KINDS), "margin": None}


def figure_pairs(results) -> list:
    """(figure, key) of every keyed figure of the batch, as fuse.relate builds them."""
    pairs = []
    for r in results:
        if r.article.status != "ok":
            continue
        figs = {f.id: f for f in F.credited_figures(r)}
        pairs += [(figs[k.figure_id], k) for k in F.figure_keys(r)]
    return pairs


def wide_pairs(results, days: int, cap: int) -> list[dict]:
    """Every wider candidate pair (``fuse.wide_candidates``): the two figure ids and the pair's feature values."""
    return [{"a": a.fig.id, "b": b.fig.id, "rule": None, "features": F.wide_features(a, b, refused)}
            for a, b, refused in F.wide_candidates(figure_pairs(results), days, cap)]


def comparable_pairs(results) -> list[dict]:
    """Every pair of figures fuse compares and finds comparable, as fuse.relate meets them: the two figure ids,
    the rules' answer and the pair's feature values."""
    pairs = figure_pairs(results)
    groups: dict[str, list] = {}
    for f, k in pairs:
        groups.setdefault(k.qkey, []).append((f, k))
    out = []
    for q in sorted(groups):
        items = F.group_views(groups[q])
        runs = F._article_runs(items)
        for j, b in enumerate(items):
            for i in F._earlier(runs, j, b):
                a = items[i]
                if not F.comparable(a, b) or F.beyond_reach(a, b):
                    continue
                found = F._kind(a, b)
                rule = found[0] if found else None
                out.append({"a": a.fig.id, "b": b.fig.id, "rule": rule, "features": relkind.features(a, b, rule)})
    return out


def _anchored(item, refs: list[dict]) -> bool:
    return any(sr._matches(r, item) for r in refs)


def label(gold: dict, pair: dict, items: dict, mode: str) -> str | None:
    """The gold kind of a comparable pair ("none": no relation), or None (left out: unannotated, with ``mode``
    "anchored")."""
    ia, ib = items.get(pair["a"]), items.get(pair["b"])
    if ia is None or ib is None:
        return None
    for g in list(gold["relations"]) + list(gold.get("also_true", [])):
        if sr._matches(g["a"], ia) and sr._matches(g["b"], ib):
            return g["type"]
        if g["type"] != "updates" and sr._matches(g["a"], ib) and sr._matches(g["b"], ia):
            return g["type"]
    if mode == "all":
        return "none"
    refs = [x[k] for x in list(gold["relations"]) + list(gold.get("also_true", [])) + [
        m for m in gold.get("must_not", []) if isinstance(m, dict)] for k in ("a", "b") if isinstance(x.get(k), dict)]
    return "none" if _anchored(ia, refs) and _anchored(ib, refs) else None


def collect(source: str, cache: Path | None, mode: str, wide: dict | None = None) -> dict:
    """Run the pipeline on a gold file (a path) or an in-repo set (a name): its results, comparable pairs (with
    ``wide``, its candidates' ``days`` and ``cap``: its wider candidate pairs), labels."""
    is_file = Path(source).suffix == ".json"
    name, gold, articles = next(tr.load(() if is_file else (source,), (source,) if is_file else ()))
    results = tr._results(name, gold, articles, cache)
    items = sr._items(results)
    pairs = comparable_pairs(results) if wide is None else wide_pairs(results, wide["days"], wide["cap"])
    for p in pairs:
        p["label"] = label(gold, p, items, mode)
    return {"name": name, "path": source, "file": is_file, "gold": gold, "results": results, "pairs": pairs}


def samples(sets: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for s in sets:
        for p in s["pairs"]:
            if p["label"] is not None:
                xs.append([p["features"].get(n, 0.0) for n in names])
                ys.append(KINDS.index(p["label"]))
    return np.array(xs, dtype=float).reshape(-1, len(names)), np.array(ys, dtype=int)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial L2 logistic regression on standardised columns; weights (features x kinds) and biases on the
    raw scale."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    n, d = z.shape
    k = len(KINDS)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0

    def loss(wb):
        w, b = wb[:d * k].reshape(d, k), wb[d * k:]
        t = z @ w + b
        t = t - t.max(axis=1, keepdims=True)
        lse = np.log(np.exp(t).sum(axis=1))
        p = np.exp(t - lse[:, None])
        g = p - onehot
        nll = float(lse.sum() - (onehot * t).sum())
        return nll + 0.5 * l2 * float((w * w).sum()), np.concatenate([(z.T @ g + l2 * w).ravel(), g.sum(axis=0)])

    res = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B")
    w, b = res.x[:d * k].reshape(d, k), res.x[d * k:]
    return w / sd[:, None], b - (mu / sd) @ w


def model_data(names: list[str], w: np.ndarray, b: np.ndarray, margin: float | None, changes: list[str]) -> dict:
    return {"kinds": list(KINDS), "features": names, "margin": margin, "changes": changes,
            "bias": {k: round(float(b[i]), 4) for i, k in enumerate(KINDS)},
            "weights": {k: {n: round(float(w[j, i]), 4) for j, n in enumerate(names)} for i, k in enumerate(KINDS)}}


def measure(s: dict, data: dict) -> dict:
    """score_relations' numbers of one set, related with ``data`` as the model."""
    with using(data):
        rels = F.relate(s["results"])
    sc = sr.score(s["gold"], rels, s["results"])
    return {"found": sc["found"], "real": sc["real"], "produced": sc["produced"],
            "accepted": sc["produced"] - sc["spurious"], "must_not_hit": sc["must_not_hit"],
            "per_type": sc["per_type"]}


def pooled(ms: list[dict]) -> dict:
    out = {k: sum(m[k] for m in ms) for k in ("found", "real", "produced", "accepted", "must_not_hit")}
    out["precision"] = round(out["accepted"] / max(1, out["produced"]), 3)
    return out


def as_relkind(m: dict) -> dict:
    """The relation kind model data fuse reads, with ``m`` as its comparable-pair model."""
    return m


def wide_in(base: dict, bounds: dict):
    """``as_relkind`` for a wide model: the shipped model (``base``) with ``m`` as its ``wide`` section (``bounds``:
    its candidates' ``days`` and ``cap``)."""
    return lambda m: base | {"wide": m | bounds}


def cross_validate(sets: list[dict], names: list[str], l2: float, candidates: list[tuple[str, float]],
                   change_sets: dict = CHANGE_SETS, wrap=as_relkind, before: dict = OFF) -> dict:
    """Per candidate (changes, margin) and per set: its numbers related with a model trained on the other sets
    (``wrap``: as fuse reads it); also "before" (``before``: the rules alone, or the shipped model)."""
    table: dict = {("before", None): [measure(s, before) for s in sets]}
    for i, s in enumerate(sets):
        x, y = samples(sets[:i] + sets[i + 1:], names)
        w, b = fit(x, y, l2)
        for ch, m in candidates:
            table.setdefault((ch, m), []).append(measure(s, wrap(model_data(names, w, b, m, change_sets[ch]))))
    return table


def choose(sets: list[dict], table: dict, change_sets: dict = CHANGE_SETS) -> tuple[str, float] | None:
    files = [i for i, s in enumerate(sets) if s["file"]]
    own = [i for i, s in enumerate(sets) if not s["file"]]
    before = table[("before", None)]
    real0, own0 = pooled([before[i] for i in files]), pooled([before[i] for i in own]) if own else None
    best, best_key = None, None
    for (ch, m), ms in table.items():
        if ch == "before":
            continue
        real = pooled([ms[i] for i in files])
        if real["precision"] < real0["precision"] or real["found"] <= real0["found"]:
            continue
        if own and pooled([ms[i] for i in own])["found"] < own0["found"]:
            continue
        if real["must_not_hit"] > real0["must_not_hit"] or (own and pooled([ms[i] for i in own])["must_not_hit"]
                                                             > own0["must_not_hit"]):
            continue  # (a relation a coder marked as wrong is worse than a missed one)
        key = (real["found"], real["precision"], m, -len(change_sets[ch]))
        if best_key is None or key > best_key:
            best, best_key = (ch, m), key
    return best


def write_model(final: dict, enable: bool, wide: dict | None, provenance: dict) -> None:
    """Store the model in lexicons/relation_kind.json: acting (its margin set) only with ``enable``; with
    ``wide`` (its candidates' ``days`` and ``cap``), as its ``wide`` section (the rest of the file kept)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    model = final | {"margin": final["margin"] if enable else None, "cv_margin": final["margin"],
                     "provenance": provenance}
    if wide is None:
        data |= model
    else:
        data["wide"] = wide | model
    DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {DATA.relative_to(HERE.parent)}")


def _line(m: dict) -> str:
    return f"{m['found']}/{m['real']} produced {m['produced']} precision {m['precision']:.3f} must_not {m['must_not_hit']}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, what in (("--gold-file", "a training gold file"), ("--set", "a training in-repo gold set"),
                       ("--guard-file", "a gold file only measured (totals)"),
                       ("--guard-set", "an in-repo set only measured (totals)")):
        ap.add_argument(flag, action="append", default=[], metavar="PATH" if "file" in flag else "NAME", help=what)
    ap.add_argument("--label", choices=("all", "anchored"), default="all")
    ap.add_argument("--l2", type=float, default=10.0, help="L2 penalty on the standardised weights")
    ap.add_argument("--changes", choices=sorted(CHANGE_SETS | WIDE_CHANGE_SETS), action="append",
                    help="candidate change sets (default: all)")
    ap.add_argument("--margin", type=float, action="append", help="candidate margins (default: a grid)")
    ap.add_argument("--cache", type=Path, metavar="DIR", help="keep extracted records (trace_relations' cache)")
    ap.add_argument("--write", action="store_true", help="fit on all files and write lexicons/relation_kind.json")
    ap.add_argument("--enable", action="store_true", help="with --write: set the margin, so the model acts")
    ap.add_argument("--wide", action="store_true",
                    help="train the wide model (fusion/widepairs.py) beside the shipped comparable-pair model")
    ap.add_argument("--wide-days", type=int, default=3, help="with --wide: the most days apart a candidate pair is")
    ap.add_argument("--wide-cap", type=int, default=F.WIDE_CAP,
                    help="with --wide: the most candidates each figure is judged against (the nearest before it)")
    args = ap.parse_args(argv)
    wide = {"days": args.wide_days, "cap": args.wide_cap} if args.wide else None
    change_sets = WIDE_CHANGE_SETS if args.wide else CHANGE_SETS
    base = {k: v for k, v in relkind.model().items() if k != "wide"}  # the shipped model, its wide section off
    wrap, before = (wide_in(base, wide), base) if args.wide else (as_relkind, OFF)
    sets = [collect(p, args.cache, args.label, wide)
            for p in args.gold_file + args.set]
    if len(sets) < 2:
        ap.error("cross-validation needs at least two training files or sets")
    names = list(next(p["features"] for s in sets for p in s["pairs"]))
    for s in sets:
        labels = [p["label"] for p in s["pairs"]]
        print(f"{s['name']}: {'wide' if args.wide else 'comparable'} pairs {len(labels)}, " + ", ".join(
            f"{k} {labels.count(k)}" for k in KINDS) + f", unlabelled {labels.count(None)}")
    candidates = [(ch, m) for ch in (args.changes or sorted(change_sets)) for m in (args.margin or MARGINS)]
    table = cross_validate(sets, names, args.l2, candidates, change_sets, wrap, before)
    files = [i for i, s in enumerate(sets) if s["file"]]
    own = [i for i, s in enumerate(sets) if not s["file"]]
    print("\ncandidate                     gold files (pooled held-out folds)                 own sets")
    for (ch, m), ms in table.items():
        print(f"{ch:20s} {m!s:5s}  {_line(pooled([ms[i] for i in files])):50s}"
              + (f"  {_line(pooled([ms[i] for i in own]))}" if own else ""))
    chosen = choose(sets, table, change_sets) if args.margin is None or len(candidates) > 1 else candidates[0]
    print(f"\nchosen: {chosen}")
    folds = []
    if chosen:
        print("\nfold (before -> after)")
        for i, s in enumerate(sets):
            b, a = table[("before", None)][i], table[chosen][i]
            folds.append({"set": s["name"], "before": {k: b[k] for k in ("found", "produced", "accepted")},
                          "after": {k: a[k] for k in ("found", "produced", "accepted")}})
            print(f"{s['name']:12s} {b['found']}/{b['real']} produced {b['produced']} accepted {b['accepted']} -> "
                  f"{a['found']}/{a['real']} produced {a['produced']} accepted {a['accepted']}  "
                  + "  ".join(f"{t} {c['found']}/{c['real']} ({c['accepted']}/{c['produced']})"
                              for t, c in a["per_type"].items()))
    x, y = samples(sets, names)
    w, b = fit(x, y, args.l2)
    final = model_data(names, w, b, chosen[1] if chosen else None, change_sets[chosen[0]] if chosen else [])
    guards = []
    for src in args.guard_file + args.guard_set:
        g = collect(src, None, args.label)  # (never kept on disk: a guard may be a CHECK file, read for totals only)
        gb, ga = pooled([measure(g, before)]), pooled([measure(g, wrap(final))])
        guards.append({"set": g["name"], "before": gb, "after": ga})
        print(f"guard {g['name']:10s} {_line(gb)} -> {_line(ga)}")
    if args.write:
        cv = {"gold_files": files, "own_sets": own}
        write_model(final, args.enable, wide, {
            "trained": date.today().isoformat(), "label": args.label, "l2": args.l2,
            "sets": [Path(s["path"]).name for s in sets],
            "samples": {k: int((y == i).sum()) for i, k in enumerate(KINDS)},
            **{f"cv_pooled_{what}": {f"{ch} {m}": pooled([ms[i] for i in idx]) for (ch, m), ms in table.items()
                                     if idx and (ch == "before" or (ch, m) == chosen)} for what, idx in cv.items()},
            "cv_folds": folds, "guards": guards})
    return 0


if __name__ == "__main__":
    sys.exit(main())
