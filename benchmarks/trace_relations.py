"""Trace each missed gold relation to the first stage of fusion that loses it.

A diagnostic beside ``score_relations.py``: where that scorer says *how many* gold relations the pipeline
misses, this one says *where* each is lost, so that work goes to the stage that loses most. It runs the whole
pipeline on the articles (extract mode), relates them with ``fuse.relate``, scores with
``score_relations.score`` and, for every missed gold relation, replays fuse's stages on the records whose
evidence overlaps the two gold anchors. When several record pairs overlap the anchors, the pair that got
furthest is the one reported.

    python benchmarks/trace_relations.py [--sets setA,setB] [--gold-file F ...] [-v] [--cache DIR]

Output: one line per gold file (found/real, produced), then a table of missed relations by stage and relation
type; ``-v`` lists every missed relation with its stage and the detail that decided it. ``--cache DIR`` keeps
each file's extracted records (a pickle per file and gold-set content) so that a rerun after a change to fuse
alone skips extraction; never use it after a change to extraction.

Use it before working on relation recall, on tuned sets and TUNE gold files, to pick the stage that loses
most; on held-out (CHECK) gold files it shows their rows, so run it there never, or without ``-v`` at most.

Stages, in pipeline order (``FIGURE_STAGES``, ``STATEMENT_STAGES`` below), for a relation between figures:

- ``figure not extracted``: no figure overlaps one of the anchors;
- ``category``: the figures' categories differ or are unset ("other");
- ``dropped from keys``: ``figure_keys`` gives no key for one of them (not a countable report);
- ``quantity key differs``: their keys count different things (place, group, period);
- ``not comparable``: ``comparable`` refuses the pair (the detail names the first failing test);
- ``relation rule``: comparable, but ``_kind`` gives no relation or one of another type;
- ``choose/dedupe``: ``_kind`` gives the gold type, yet the relation was not kept (chosen against, or merged).

and for a relation where an anchor has no figure but a statement (``stm:`` stages):

- ``stm: not extracted``: no statement overlaps one of the anchors;
- ``stm: dropped from keys``: ``statement_keys`` gives no key for one of them;
- ``stm: no denial/opposite parties``: a contradiction with neither a denial nor opposing parties;
- ``stm: no shared place`` / ``stm: no shared topic`` / ``stm: score 0``: the pair scores 0, and why;
- ``stm: outscored/not chosen``: the pair scores above 0 but another pair was chosen.

It calls fuse's private helpers (``_kind``, ``_nested``, ``_sides_compatible`` ...) on purpose: it is a
diagnostic of fuse's stages, so it breaks (loudly) when those change, and should be updated with them. Its
replay of ``comparable`` (``why_not_comparable``) mirrors fuse's tests in order; when it answers "incident"
the pair differs only in its incident key.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_relations as sr  # noqa: E402

FIGURE_STAGES = ("figure not extracted", "category", "dropped from keys", "quantity key differs",
                 "not comparable", "relation rule", "choose/dedupe")
STATEMENT_STAGES = ("stm: not extracted", "stm: dropped from keys", "stm: no denial/opposite parties",
                    "stm: no shared place", "stm: no shared topic", "stm: score 0", "stm: outscored/not chosen")
STAGES = FIGURE_STAGES + STATEMENT_STAGES


def _further(best, cand):
    """The candidate (stage, detail) that got further along the pipeline."""
    if best is None or STAGES.index(cand[0]) > STAGES.index(best[0]):
        return cand
    return best


def records_at(results, ref: dict):
    """The figures and statements whose evidence overlaps a gold item's anchor."""
    for r in results:
        if r.article.external_id == ref["article"]:
            a0, a1 = sr.anchor_span(r.article.text, ref["anchor"])
            return ([f for f in r.figures if f.start < a1 and a0 < f.end],
                    [s for s in r.statements if s.start < a1 and a0 < s.end])
    return [], []


def why_not_comparable(a, b) -> str:
    """The first of ``fuse.comparable``'s tests that the two figure views fail."""
    from unfog.fusion import fuse as F

    fa, fb = a.fig, b.fig
    if not F._sides_compatible(fa.group_side, fb.group_side):
        return "group_side"
    if F._nested(fa, fb):
        return "nested"
    if F.counted_kind(fa) != F.counted_kind(fb):
        return "counted_kind"
    if F._told_of_a_past_act(F.figure_clause(fa)) != F._told_of_a_past_act(F.figure_clause(fb)):
        return "past_act"
    if not F._groups_compatible(a, b):
        return f"groups {a.group}/{b.group}"
    if not F._sides_compatible(a.force, b.force):
        return "force"
    if (a.prior or b.prior) and fa.article_id != fb.article_id and not F._told_before(a, b):
        return "prior"
    if fa.article_id == fb.article_id and (a.claimant == b.claimant or not a.claimant or not b.claimant) \
            and not F._revised_later(a, b) and a.prior == b.prior:
        return "same-article-same-claimant"
    if a.day is None or b.day is None:
        return "no day"
    if a.place != b.place:
        return f"placed apart {a.place} | {b.place} inc {a.key.incident} | {b.key.incident}"
    return f"incident {a.key.incident} | {b.key.incident}"


def figure_stage(gold_type: str, figs_a, figs_b, keys: dict, credited: dict, produced) -> tuple[str, str]:
    """The furthest stage any pair of figures at the two anchors reached."""
    from unfog.fusion import fuse as F

    best = None
    for x in figs_a:
        for y in figs_b:
            x2, y2 = credited.get(x.id, x), credited.get(y.id, y)
            if x.category in (None, "", "other") or y.category in (None, "", "other") or x.category != y.category:
                cand = ("category", f"{x.category}/{y.category}")
            elif x.id not in keys or y.id not in keys:
                cand = ("dropped from keys", ("a " if x.id not in keys else "") + ("b" if y.id not in keys else ""))
            elif keys[x.id].qkey != keys[y.id].qkey:
                kx, ky = keys[x.id], keys[y.id]
                cand = ("quantity key differs", f"place {kx.place}|{ky.place} "
                        f"grp {F.counted_group(x2)}/{F.counted_group(y2)} per {kx.period}/{ky.period}")
            else:
                resolver = F.claimant_resolver([x2, y2])
                a, b = sorted([F.figure_view(x2, keys[x.id], resolver), F.figure_view(y2, keys[y.id], resolver)],
                              key=lambda v: v.order)
                if not F.comparable(a, b):
                    cand = ("not comparable", why_not_comparable(a, b))
                else:
                    k = F._kind(a, b)
                    if k is None or k[0] != gold_type:
                        cand = ("relation rule", f"kind={k and k[0]} cl={a.claimant}/{b.claimant} "
                                f"side={a.side}/{b.side} v={a.rng[1]}/{b.rng[1]} day={a.day}/{b.day} "
                                f"rep={a.key.reported}/{b.key.reported}")
                    else:
                        cand = ("choose/dedupe", f"kind ok; produced {produced}")
            best = _further(best, cand)
    return best


def statement_stage(gold_type: str, stms_a, stms_b, skeys: dict) -> tuple[str, str]:
    """The furthest stage any pair of statements at the two anchors reached."""
    from unfog.fusion import fuse as F

    if not stms_a or not stms_b:
        return "stm: not extracted", ("a " if not stms_a else "") + ("b" if not stms_b else "")
    best = None
    for x in stms_a:
        for y in stms_b:
            kx, ky = skeys.get(x.id), skeys.get(y.id)
            if kx is None or ky is None:
                best = _further(best, ("stm: dropped from keys", ""))
                continue
            a, b = sorted([kx, ky], key=lambda v: v.order)
            d = (f"den={a.denial}/{b.denial} side={a.side}/{b.side} spk={a.speaker}/{b.speaker} "
                 f"topics={a.topics}/{b.topics} places={a.places}/{b.places} day={a.day}/{b.day}")
            if gold_type == "contradicts":
                if a.denial or b.denial:
                    den, claim = (a, b) if a.denial else (b, a)
                    sc = F.denial_score(den, claim)
                elif not F._opposite_parties(a, b):
                    best = _further(best, ("stm: no denial/opposite parties", d))
                    continue
                else:
                    sc = F.account_score(b, a)
            elif a.denial and b.denial:
                sc = F.denials_agree_score(b, a)
            else:
                sc = max(F.agreement_score(b, a), F.told_again_score(b, a))
            if sc > 0:
                cand = ("stm: outscored/not chosen", f"{d} score={sc}")
            elif not set(a.places) & set(b.places) and a.article_id != b.article_id:
                cand = ("stm: no shared place", d)
            elif not set(a.topics) & set(b.topics):
                cand = ("stm: no shared topic", d)
            else:
                cand = ("stm: score 0", d)
            best = _further(best, cand)
    return best


def trace(gold: dict, results) -> tuple[dict, list[dict]]:
    """score_relations' score of one gold set, and one row (type, stage, detail, a, b) per missed relation."""
    from unfog.fusion import fuse as F

    rels = F.relate(results)
    sc = sr.score(gold, rels, results)
    keys, credited, skeys = {}, {}, {}
    for r in results:
        credited.update({f.id: f for f in F.credited_figures(r)})
        keys.update({k.figure_id: k for k in F.figure_keys(r)})
        skeys.update({k.statement_id: k for k in F.statement_keys(r)})
    rows = []
    for g in sc["missed"]:
        figs_a, stms_a = records_at(results, g["a"])
        figs_b, stms_b = records_at(results, g["b"])
        ids_a, ids_b = {x.id for x in figs_a + stms_a}, {x.id for x in figs_b + stms_b}
        produced = [r.type for r in rels
                    if ((r.a in ids_a and r.b in ids_b) or (r.b in ids_a and r.a in ids_b))]
        if not (figs_a and figs_b) and (stms_a or stms_b):
            stage, detail = statement_stage(g["type"], stms_a, stms_b, skeys)
        elif not figs_a or not figs_b:
            stage = "figure not extracted"
            detail = (("a " if not figs_a else "") + ("b" if not figs_b else "")
                      + f" (stm a={len(stms_a)} b={len(stms_b)})")
        else:
            stage, detail = figure_stage(g["type"], figs_a, figs_b, keys, credited, produced)
        rows.append({"type": g["type"], "stage": stage, "detail": detail, "a": g["a"], "b": g["b"],
                     "produced": produced, "note": g.get("note", "")})
    return sc, rows


def _results(name: str, gold: dict, articles, cache: Path | None):
    if cache is None:
        return sr.extracted_results(articles)
    digest = hashlib.sha256((name + json.dumps(gold, sort_keys=True)).encode()).hexdigest()[:16]
    path = cache / f"trace_{name}_{digest}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    results = sr.extracted_results(articles)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(results))
    return results


def load(sets=(), gold_files=()):
    """(name, gold, articles) for each named in-repo set and each gold file from outside (its articles in the
    file its "articles" names or in the .jsonl of the same stem beside it), as score_relations.run reads them."""
    from unfog.api import to_articles

    for name in sets:
        articles = sr.load_articles(name)
        if articles is not None:
            yield name, json.loads((sr.GOLD / f"{name}.json").read_text(encoding="utf-8")), articles
    for p in map(Path, gold_files):
        gold = json.loads(p.read_text(encoding="utf-8"))
        given = p.parent / str(gold.get("articles", ""))
        src = given if given.is_file() else p.with_suffix(".jsonl")
        articles = list(to_articles(json.loads(line) for line in open(src, encoding="utf-8") if line.strip()))
        yield p.stem, gold, articles


def format_table(stages: Counter) -> list[str]:
    """Missed relations by stage (in pipeline order) and relation type, with totals."""
    types = sorted({t for t, _ in stages})
    width = max(map(len, STAGES)) + 3
    lines = ["stage".ljust(width) + "".join(t.ljust(14) for t in types) + "total"]
    for s in (s for s in STAGES if any(stages[(t, s)] for t in types)):
        lines.append(s.ljust(width) + "".join(str(stages[(t, s)]).ljust(14) for t in types)
                     + str(sum(stages[(t, s)] for t in types)))
    lines.append("total".ljust(width) + "".join(str(sum(v for (t2, _), v in stages.items() if t2 == t)).ljust(14)
                                             for t in types) + str(sum(stages.values())))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", help=f"Comma-separated in-repo gold sets (default: none with --gold-file, else "
                                   f"{','.join(sr.SETS)}).")
    ap.add_argument("--gold-file", action="append", default=[], metavar="PATH",
                    help="a gold file in the same format kept outside the repository, its .jsonl beside it")
    ap.add_argument("-v", "--verbose", action="store_true", help="List every missed relation with its stage.")
    ap.add_argument("--cache", type=Path, metavar="DIR",
                    help="keep extracted records in DIR (reuse them only while extraction is unchanged)")
    args = ap.parse_args(argv)
    sets = tuple(args.sets.split(",")) if args.sets else (() if args.gold_file else sr.SETS)
    stages: Counter = Counter()
    for name, gold, articles in load(sets, args.gold_file):
        sc, rows = trace(gold, _results(name, gold, articles, args.cache))
        print(f"{name:8s} found {sc['found']}/{sc['real']}  produced {sc['produced']}  "
              f"precision {sc['precision']:.2f}  missed {len(rows)}")
        for row in rows:
            stages[(row["type"], row["stage"])] += 1
            if args.verbose:
                print(f"  [{name}] {row['type']} :: {row['stage']} :: {row['detail']}\n"
                      f"      a={row['a']['article']}:{row['a']['anchor']!r}\n"
                      f"      b={row['b']['article']}:{row['b']['anchor']!r}\n"
                      f"      produced={row['produced']} note={row['note']}")
    print("\nSTAGE TABLE")
    print("\n".join(format_table(stages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
