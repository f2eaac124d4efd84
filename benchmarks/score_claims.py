"""Score statements and figures against the hand-made gold in tests/gold/claims/.

    python benchmarks/score_claims.py                 # our own fixtures + the seeds
    python benchmarks/score_claims.py --verbose       # list every miss
    python benchmarks/score_claims.py --blind         # also the blind set (tests/gold/claims/blind.json)
    python benchmarks/score_claims.py --blind2        # also the second blind set (tests/gold/claims/blind2.json)
    python benchmarks/score_claims.py --gold-file G.json --texts DIR   # a gold set kept outside the repository

The blind set (articles in the habits of real wire and web copy, written and coded
before anyone ran unfog on them) is scored only when asked for, so no default run,
test or tuning loop sees it.

Gold records point at short spans (< 8 words) with character offsets. A found
figure matches a gold figure when their spans overlap; it is *right* when value
(or, for vague and range figures, low/high) and category agree. Claimant accuracy
is over matched figures: name and side must agree (names compare through
:func:`unfog.lexicons.actors.lookup_actor`, else case-folded without a leading article;
gold "article" means "no statement": the article's own voice). Speaker accuracy
is over gold statements: some found statement covering the gold span must have
the gold speaker (a statement that is not found counts as wrong).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "claims"
FIXTURES = REPO / "tests" / "fixtures" / "claims"
SEEDS = REPO.parent / "shared" / "seeds"
BLIND = FIXTURES.parent / "claims_blind"
BLIND2 = FIXTURES.parent / "claims_blind2"


def name_key(name: str | None) -> str:
    from unfog.lexicons.actors import fold, lookup_actor

    if not name:
        return ""
    actor = lookup_actor(name)
    if actor is not None:
        return fold(actor.name)
    key = fold(name)
    for det in ("the ", "a ", "an "):
        if key.startswith(det):
            key = key[len(det):]
    return key


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(b)))


def value_right(pred: dict, gold: dict) -> bool:
    if gold["value"] is not None:
        return _same_number(pred.get("value"), gold["value"])
    return pred.get("value") is None and _same_number(pred.get("low"), gold["low"]) and _same_number(pred.get("high"), gold["high"])


def claimant_right(pred: dict, gold: dict) -> bool:
    names = gold["claimant"] if isinstance(gold["claimant"], list) else [gold["claimant"]]
    ok_name = False
    for n in names:
        if n == "article":
            ok_name = ok_name or pred.get("statement_id") is None
        elif name_key(n) == name_key(pred.get("claimant")):
            ok_name = True
    return ok_name and pred.get("claimant_side") == gold["claimant_side"]


def score_article(records, gold: dict, misses: list[str] | None = None, label: str = "") -> dict:
    figs = [f.to_dict() for f in records.figures]
    stms = [s.to_dict() for s in records.statements]
    c = {"gold_figures": len(gold["figures"]), "found_figures": len(figs), "tp": 0, "matched": 0,
         "claimant_right": 0, "gold_statements": len(gold["statements"]), "speaker_right": 0}
    used: set[int] = set()
    for g in gold["figures"]:
        hit = None
        for k, f in enumerate(figs):
            if k not in used and f["start"] < g["end"] and g["start"] < f["end"]:
                hit = k
                break
        if hit is None:
            if misses is not None:
                misses.append(f"{label}: figure not found: {g['span']!r}")
            continue
        used.add(hit)
        f = figs[hit]
        c["matched"] += 1
        if value_right(f, g) and f["category"] == g["category"]:
            c["tp"] += 1
        elif misses is not None:
            misses.append(f"{label}: figure {g['span']!r}: got value={f['value']} low={f['low']} high={f['high']} "
                          f"{f['category']}, want {g['value']} {g['low']}-{g['high']} {g['category']}")
        if claimant_right(f, g):
            c["claimant_right"] += 1
        elif misses is not None:
            misses.append(f"{label}: claimant of {g['span']!r}: got {f['claimant']!r}/{f['claimant_side']}, "
                          f"want {g['claimant']}/{g['claimant_side']}")
    if misses is not None:
        for k, f in enumerate(figs):
            if k not in used:
                misses.append(f"{label}: extra figure {f['text']!r} ({f['category']})")
    for g in gold["statements"]:
        covering = [s for s in stms if s["start"] <= g["start"] and g["end"] <= s["end"]]
        wanted = {name_key(n) for n in g["speaker"]}
        if any(name_key(s["speaker"]) in wanted for s in covering):
            c["speaker_right"] += 1
        elif misses is not None:
            misses.append(f"{label}: speaker at {g['span']!r}: got {[s['speaker'] for s in covering]}, want {g['speaker']}")
    return c


def summarise(counts: list[dict]) -> dict:
    tot = {k: sum(c[k] for c in counts) for k in counts[0]} if counts else {}
    if not tot:
        return {}
    p = tot["tp"] / tot["found_figures"] if tot["found_figures"] else 0.0
    r = tot["tp"] / tot["gold_figures"] if tot["gold_figures"] else 0.0
    return {
        "figure_precision": round(p, 3),
        "figure_recall": round(r, 3),
        "figure_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "claimant_accuracy": round(tot["claimant_right"] / tot["matched"], 3) if tot["matched"] else 0.0,
        "speaker_accuracy": round(tot["speaker_right"] / tot["gold_statements"], 3) if tot["gold_statements"] else 0.0,
        **tot,
    }


def extract_claims(article, nlp=None):
    """Only the stages claims depend on: the score must not move when a later stage changes."""
    from unfog.cli.show import extract_claims as run_claim_stages

    return run_claim_stages(article, nlp=nlp)


def run(gold_file: Path, folder: Path, nlp=None, misses: list[str] | None = None, which=None) -> dict[str, dict]:
    """Scores per group: 'tuned' (articles used while building the rules) and 'holdout'."""
    from unfog.model import Article

    gold_all = json.loads(gold_file.read_text(encoding="utf-8"))
    groups: dict[str, list[dict]] = {"tuned": [], "holdout": []}
    for name, gold in gold_all.items():
        if which and name not in which:
            continue
        text = (folder / name).read_text(encoding="utf-8")
        art = Article(id=Article.id_for_text(text), text=text, published=gold.get("published"), source=gold.get("source"))
        records = extract_claims(art, nlp=nlp)
        groups["holdout" if gold.get("holdout") else "tuned"].append(score_article(records, gold, misses, name))
    return {k: summarise(v) for k, v in groups.items() if v}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--blind", action="store_true", help="also score the blind set (never by default)")
    ap.add_argument("--blind2", action="store_true", help="also score the second blind set (never by default)")
    ap.add_argument("--gold-file", type=Path, help="also score a gold file kept outside the repository (real "
                    "reports that may not be committed), with --texts, the folder of its .txt files")
    ap.add_argument("--texts", type=Path, help="the folder of the --gold-file texts")
    args = ap.parse_args(argv)
    if bool(args.gold_file) != bool(args.texts):
        ap.error("--gold-file and --texts go together")
    misses: list[str] | None = [] if args.verbose else None
    report = {"fixtures": run(GOLD / "fixtures.json", FIXTURES, misses=misses)}
    if SEEDS.exists():
        report["seeds"] = run(GOLD / "seeds.json", SEEDS, misses=misses)
    if args.blind:
        if not (GOLD / "blind.json").exists():
            ap.error(f"no blind set at {GOLD / 'blind.json'}")
        report["blind"] = run(GOLD / "blind.json", BLIND, misses=misses)
    if args.blind2:
        if not (GOLD / "blind2.json").exists():
            ap.error(f"no blind set at {GOLD / 'blind2.json'}")
        report["blind2"] = run(GOLD / "blind2.json", BLIND2, misses=misses)
    if args.gold_file:
        report[args.gold_file.stem] = run(args.gold_file, args.texts, misses=misses)
    for part, groups in report.items():
        for group, s in groups.items():
            print(f"{part:9} {group:8} figures P={s['figure_precision']:.3f} R={s['figure_recall']:.3f} "
                  f"F1={s['figure_f1']:.3f} (gold {s['gold_figures']}, found {s['found_figures']})  "
                  f"claimant={s['claimant_accuracy']:.3f} ({s['claimant_right']}/{s['matched']})  "
                  f"speaker={s['speaker_accuracy']:.3f} ({s['speaker_right']}/{s['gold_statements']})")
    for m in misses or []:
        print("  -", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
