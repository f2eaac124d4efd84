"""Score event extraction against the hand-coded gold in tests/gold/events/.

    python benchmarks/score_events.py            # seeds (../shared), our fixtures, held-out samples
    python benchmarks/score_events.py --json     # the numbers as JSON
    python benchmarks/score_events.py -v         # every gold event, found or not
    python benchmarks/score_events.py --confusion --gold-file F   # gold vs produced type of covered gold events
    python benchmarks/score_events.py --sets conflicts_tune,conflicts_heldout   # own articles, other conflicts
    python benchmarks/score_events.py --sets conflicts_blind     # the blind held-out set (never by default)
    python benchmarks/score_events.py --sets conflicts_blind2    # the second blind held-out set (never by default)
    python benchmarks/score_events.py --sets conflicts_blind3    # the third blind held-out set (never by default)
    python benchmarks/score_events.py --sets conflicts_blind4    # the fourth blind held-out set (never by default)
    python benchmarks/score_events.py --sets conflicts_blind5    # the fifth blind held-out set (never by default): Nigeria NW, Pakistan-Afghanistan blog, DR Congo, Syria, Colombia, Libya, West Bank, Mozambique
    python benchmarks/score_events.py --sets conflicts_blind6    # the sixth set, written blind, scored once blind, now tuned on (never by default): India (Chhattisgarh), Ethiopia (Oromia), Sudan Kordofan blog, Haiti, Pakistan (Balochistan), Burkina Faso, Ecuador, Indonesia (Papua)
    python benchmarks/score_events.py --sets conflicts_blind7    # the seventh set, written blind, scored once blind (seventh session), now tuned on (never by default): Mali, Cameroon (Anglophone regions), South Sudan, Yemen, Myanmar blog, Colombia, Philippines (Mindanao), Mexico
    python benchmarks/score_events.py --sets conflicts_blind8    # the eighth blind held-out set (never by default): Ukraine, Sudan Darfur blog, Somalia, Nigeria (Borno), DR Congo (North Kivu), Niger (Tillaberi), Israel-Lebanon, Pakistan (Khyber Pakhtunkhwa)

Sets: ``seeds`` (../shared seeds), ``fixtures``, ``samples`` (held out), and the
own articles about other conflicts in two parts: ``conflicts_heldout`` (written
and coded first, never looked at while tuning) and ``conflicts_tune``.
``conflicts_blind`` (ten more, written and coded before anyone ran the tool on
them) is scored only when named in ``--sets``, so no default run, test or
tuning loop extracts it; its articles also list ``not_events``: clauses
(cumulative tolls, background, hypotheticals, denials, the other party's
account of an incident coded once) that must give no shown event of their own.
``conflicts_blind2`` (six more, same format and rules) is likewise blind, and so is
``conflicts_blind3`` (eight more: Haiti, Colombia, Pakistan, a Lebanon live blog,
Cameroon, Iraq, Niger, Central African Republic) and ``conflicts_blind4`` (six more:
South Sudan, Philippines, a Manipur live blog, Mexico, Benin, Kenya). ``conflicts_blind6``
(eight more) was written and scored once blind (first contact 0.675 / 0.65 / 0.58) and then opened
for tuning (``TUNED_SETS``): same format, scored only when named. ``conflicts_blind8`` (eight
more, written and coded blind after blind7 was opened for tuning) is in ``BLIND_SETS``, scored only
when named.

A gold event is *found* when an extracted event's evidence covers the gold
trigger and it has the same event_type and sub_event_type. For found events:
place is right within 30 km of the gold coordinates (gold without coordinates
is not scored), date is right when the gold day lies within the extracted
[date, date_end] widened by the tolerance of both precisions (day 0, week 3,
month 15 days), fatalities are right when equal; "no toll reported" is one value
whether written null or 0 (ACLED codes 0 when no deaths are reported).
``found_full`` (the recall of issue 17) also asks place and date to be right.
These count every extracted event, hidden ones too; ``found_full_shown`` and
``fatalities_right_of_all_gold_shown`` count only the shown ones (not tagged with a hidden tag of
``lexicons/events.json``: the ones the default view and the ACLED export carry).

Place misses: ``place_misses`` counts found events placed beyond 30 km, and ``place_misses_unknown_to_gazetteer``
those whose gold place the gazetteer does not know by the gold's name within 30 km (a diagnostic, read from the
gold's free-text place: how much of the place error is coverage, how much the extractor's choice).

Precision: of the events an article produces *for the default view and the
ACLED export* (not tagged with a ``hidden_tags`` tag of lexicons/events.json), the share
that match a gold incident: the evidence covers a gold trigger, same
event_type, and place (when gold has coordinates) within 30 km. Several produced
events matching one gold incident count once; the rest are false.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from unfog.lexicons.events import HIDDEN_TAGS  # one list with the map's default view and the ACLED export

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "events"
FIXTURES = REPO / "tests" / "fixtures" / "events" / "articles.jsonl"
SAMPLES = REPO / "src" / "unfog" / "samples" / "mariupol.jsonl"  # held out: coded before the extractor saw them
SEEDS = Path(__import__("os").environ.get("UNFOG_SHARED", REPO.parent / "shared")) / "seeds"
TOLERANCE = {1: 0, 2: 3, 3: 15}
OWN_SETS = ("conflicts_tune", "conflicts_heldout")  # text embedded in the gold file
BLIND_SETS = ("conflicts_blind", "conflicts_blind2", "conflicts_blind3", "conflicts_blind4", "conflicts_blind5", "conflicts_blind8")  # text embedded too; scored only when asked for by name
TUNED_SETS = ("conflicts_blind6", "conflicts_blind7")  # written and scored once blind, then opened for tuning; scored only when asked for by name
PLACE_KM = 30.0


def km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def trigger_offset(text: str, trigger: str, occurrence: int = 0) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(trigger, pos + 1)
        if pos < 0:
            raise ValueError(f"gold trigger {trigger!r} (occurrence {occurrence}) is not in the text")
    return pos


def covering(events: list[dict], pos: int) -> list[dict]:
    out = []
    for e in events:
        spans = e.get("evidence") or [{"start": e["start"], "end": e["end"]}]
        if any(s["start"] <= pos < s["end"] for s in spans):
            out.append(e)
    return out


def date_ok(gold: dict, ev: dict) -> bool:
    if not gold.get("date"):
        return True
    if not ev.get("date"):
        return False
    g = date.fromisoformat(gold["date"])
    a = date.fromisoformat(ev["date"])
    b = date.fromisoformat(ev.get("date_end") or ev["date"])
    slack = timedelta(days=TOLERANCE.get(gold.get("time_precision") or 1, 0) + TOLERANCE.get(ev.get("time_precision") or 1, 0))
    return a - slack <= g <= b + slack


def place_ok(gold: dict, ev: dict) -> bool | None:
    if gold.get("lat") is None:
        return None
    if ev.get("lat") is None:
        return False
    return km(gold["lat"], gold["lon"], ev["lat"], ev["lon"]) <= PLACE_KM


_PLACE_WORDS = re.compile(r"\b(?:the|outskirts|near|outside|around|between|village|villages|town|city|district|province|"
                          r"region|county|state|camp|area|of|in)\b", re.I)


def gold_place_known(gold: dict) -> bool | None:
    """Whether the gazetteer knows the gold place by its name within PLACE_KM of the gold point (None without a
    point): tells a place the extractor could have found from one the gazetteer lacks (a diagnostic, read from the
    gold's free-text ``place``: its words before the first comma or bracket, kind words left out)."""
    if gold.get("lat") is None:
        return None
    from unfog.gazetteer.index import get_gazetteer

    name = " ".join(_PLACE_WORDS.sub(" ", re.split(r"[,(;]", gold.get("place") or "")[0]).split())
    if not name:
        return False
    return any(c.lat is not None and km(gold["lat"], gold["lon"], c.lat, c.lon) <= PLACE_KM
               for c in get_gazetteer().candidates(name))


def score_article(text: str, gold_events: list[dict], events: list[dict]) -> list[dict]:
    """One row per gold event: what was found and which fields are right."""
    rows = []
    for g in gold_events:
        pos = trigger_offset(text, g["trigger"], g.get("occurrence", 0))
        cands = covering(events, pos)
        typed = [e for e in cands if e["event_type"] == g["event_type"] and e["sub_event_type"] == g["sub_event_type"]]
        # several events can share a sentence: prefer the one whose trigger is the gold trigger, then
        # (one event per town hit: "strikes on X and Y") the one at the gold place
        def rank(e):
            t = (e.get("trigger") or "").lower()
            return (0 if t and (t in g["trigger"].lower() or g["trigger"].lower() in t) else 1,
                    0 if place_ok(g, e) is not False else 1)
        typed.sort(key=rank)
        cands.sort(key=rank)
        best = typed[0] if typed else (cands[0] if cands else None)
        row = {"trigger": g["trigger"], "gold_type": f"{g['event_type']} / {g['sub_event_type']}",
               "covered": bool(cands), "found": bool(typed)}
        if best is not None:
            row["got_type"] = f"{best['event_type']} / {best['sub_event_type']}"
            row["got_place"], row["got_date"], row["got_fatalities"] = best.get("place"), best.get("date"), best.get("fatalities")
        if typed:
            row["place_ok"] = place_ok(g, best)
            row["date_ok"] = date_ok(g, best)
            row["fatalities_ok"] = (best.get("fatalities") or 0) == (g.get("fatalities") or 0)
            row["found_full"] = row["place_ok"] is not False and row["date_ok"]
            if row["place_ok"] is False:
                row["gold_place_known"] = gold_place_known(g)
        rows.append(row)
    return rows


def precision_rows(text: str, gold_events: list[dict], events: list[dict]) -> list[dict]:
    """One row per produced (shown) event: does it match a gold incident?"""
    shown = [e for e in events if not (set(e.get("tags") or []) & HIDDEN_TAGS)]
    used: set[int] = set()
    rows = []
    for e in shown:
        spans = e.get("evidence") or [{"start": e["start"], "end": e["end"]}]
        hit = typed = None
        for k, g in enumerate(gold_events):
            pos = trigger_offset(text, g["trigger"], g.get("occurrence", 0))
            if not any(s["start"] <= pos < s["end"] for s in spans) or e["event_type"] != g["event_type"]:
                continue
            typed = k if typed is None or typed in used else typed
            if place_ok(g, e) is False:
                continue
            hit = k
            if k not in used:
                break
        ok = hit is not None and hit not in used
        if ok:
            used.add(hit)
        rows.append({"event": f"{e['event_type']} / {e['sub_event_type']}", "trigger": e.get("trigger"),
                     "place": e.get("place"), "matches_gold": ok, "matches_type": typed is not None})
    return rows


def not_event_rows(text: str, gold_events: list[dict], not_events: list[dict], events: list[dict]) -> list[dict]:
    """One row per clause that must give no shown event: the shown events that cover it and no gold trigger."""
    shown = [e for e in events if not (set(e.get("tags") or []) & HIDDEN_TAGS)]
    gold_pos = [trigger_offset(text, g["trigger"], g.get("occurrence", 0)) for g in gold_events]
    rows = []
    for n in not_events:
        pos = trigger_offset(text, n["anchor"], n.get("occurrence", 0))
        bad = [e for e in covering(shown, pos) if not any(covering([e], gp) for gp in gold_pos)]
        rows.append({"anchor": n["anchor"], "why": n.get("why"), "shown": len(bad),
                     "events": [f"{e['event_type']} / {e['sub_event_type']}" for e in bad]})
    return rows


def summarise(rows: list[dict]) -> dict:
    found = [r for r in rows if r["found"]]
    placed = [r for r in found if r.get("place_ok") is not None]

    def share(xs, key):
        return round(sum(1 for r in xs if r.get(key)) / len(xs), 3) if xs else None

    return {
        "gold_events": len(rows),
        "found_with_type": round(len(found) / len(rows), 3) if rows else None,
        "covered_any_type": round(sum(1 for r in rows if r["covered"]) / len(rows), 3) if rows else None,
        "place_within_30km": share(placed, "place_ok"),
        "place_within_30km_of_all_gold": round(sum(1 for r in placed if r["place_ok"]) / max(1, sum(1 for r in rows if r.get("place_ok") is not None or not r["found"])), 3),
        "date_right": share(found, "date_ok"),
        "fatalities_right": share(found, "fatalities_ok"),
        "found_full": round(sum(1 for r in rows if r.get("found_full")) / len(rows), 3) if rows else None,
        "fatalities_right_of_all_gold": round(sum(1 for r in found if r.get("fatalities_ok")) / len(rows), 3) if rows else None,
        # the same two of the events shown (hidden ones left out): what the map and the ACLED export carry
        "found_full_shown": round(sum(1 for r in rows if r.get("found_full_shown")) / len(rows), 3) if rows else None,
        "fatalities_right_of_all_gold_shown": round(sum(1 for r in rows if r.get("fatalities_ok_shown")) / len(rows), 3) if rows else None,
        # found events placed beyond 30 km, and how many of those the gazetteer does not know by the gold's name
        "place_misses": sum(1 for r in placed if not r["place_ok"]),
        "place_misses_unknown_to_gazetteer": sum(1 for r in placed if not r["place_ok"] and not r.get("gold_place_known")),
    }


def summarise_precision(rows: list[dict]) -> dict:
    return {"produced_shown": len(rows),
            "precision": round(sum(1 for r in rows if r["matches_gold"]) / len(rows), 3) if rows else None,
            "precision_type_only": round(sum(1 for r in rows if r["matches_type"]) / len(rows), 3) if rows else None}


def load_articles() -> dict[str, dict]:
    """Gold set name -> {article key: {text, published}}."""
    out: dict[str, dict] = {"fixtures": {}, "seeds": {}, "samples": {}}
    for name in OWN_SETS + BLIND_SETS + TUNED_SETS:
        gold_own = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["articles"]
        out[name] = {k: {"text": a["text"], "published": a["published"]} for k, a in gold_own.items()}
    held_out = json.loads((GOLD / "samples.json").read_text(encoding="utf-8"))["articles"]
    if SAMPLES.exists():
        for line in SAMPLES.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else {}
            if d.get("id") in held_out:
                out["samples"][d["id"]] = {"text": d["text"], "published": d["published"]}
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out["fixtures"][d["id"]] = {"text": d["text"], "published": d["published"]}
    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    if SEEDS.exists():
        for name, g in gold["articles"].items():
            out["seeds"][name] = {"text": (SEEDS / name).read_text(encoding="utf-8"), "published": g["published"]}
    return out


def score_set(report: dict, name: str, gold: dict, articles: dict, events: dict) -> list[dict]:
    """Score one gold set given every article's extracted events (article key -> event dicts): its summary
    and rows go into ``report`` under ``name``; returns the recall rows."""
    rows: list[dict] = []
    prows: list[dict] = []
    nrows: list[dict] = []
    for key, art in articles.items():
        gold_events = gold["articles"][key]["events"]
        shown = [e for e in events[key] if not (set(e.get("tags") or []) & HIDDEN_TAGS)]
        for r, rs in zip(score_article(art["text"], gold_events, events[key]), score_article(art["text"], gold_events, shown)):
            r["article"] = key
            r["found_full_shown"] = bool(rs.get("found_full"))
            r["fatalities_ok_shown"] = bool(rs.get("found") and rs.get("fatalities_ok"))
            rows.append(r)
        for r in precision_rows(art["text"], gold_events, events[key]):
            r["article"] = key
            prows.append(r)
        for r in not_event_rows(art["text"], gold_events, gold["articles"][key].get("not_events", []), events[key]):
            r["article"] = key
            nrows.append(r)
    if rows:
        report[name] = {**summarise(rows), **summarise_precision(prows)}
        report[name + "_rows"] = rows
        report[name + "_produced"] = prows
        if nrows:  # only sets that list not_events (conflicts_blind)
            report[name]["not_events"] = len(nrows)
            report[name]["not_events_shown"] = sum(1 for r in nrows if r["shown"])
            report[name + "_not_events"] = nrows
    return rows


def confusion(rows: list[dict]) -> list[tuple[str, str, int]]:
    """How often each gold (event_type / sub_event_type) got each produced type, over the gold events an
    extracted event covers (its best candidate: the typed one when there is one); most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["covered"]:
            key = (r["gold_type"], r["got_type"])
            counts[key] = counts.get(key, 0) + 1
    return sorted(((g, p, n) for (g, p), n in counts.items()), key=lambda x: (-x[2], x[0], x[1]))


def run(extract_events=None, sets=("seeds", "fixtures", "samples") + OWN_SETS, gold_files=()) -> dict:
    """Extract (or use ``extract_events(text, published) -> list[dict]``) and score every gold set, and
    every gold file given by path (a set in the same format kept outside the repository, e.g. of reports
    that may not be redistributed; named by its file's stem)."""
    if extract_events is None:
        from unfog.model import Article
        from unfog.pipeline import process

        def extract_events(text, published):
            res = process(Article(id=Article.id_for_text(text), text=text, published=published))
            return [e.to_dict() for e in res.events]

    articles = load_articles()
    golds = {name: json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8")) for name in sets}
    for path in gold_files:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        golds[Path(path).stem] = gold
        articles[Path(path).stem] = {k: {"text": a["text"], "published": a["published"]} for k, a in gold["articles"].items()}
    report: dict = {}
    all_rows: list[dict] = []
    for name, gold in golds.items():
        events = {key: extract_events(art["text"], art["published"]) for key, art in articles[name].items()}
        rows = score_set(report, name, gold, articles[name], events)
        all_rows += rows
    report["all"] = summarise(all_rows)
    report["all_rows"] = all_rows
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--confusion", action="store_true",
                    help="print gold vs produced type over covered gold events, pooled over every set scored")
    ap.add_argument("--sets", default="seeds,fixtures,samples," + ",".join(OWN_SETS), help="comma-separated gold sets")
    ap.add_argument("--gold-file", action="append", default=[], metavar="PATH",
                    help="also score a gold file in the same format (text embedded), e.g. one kept outside the repository")
    args = ap.parse_args(argv)
    report = run(sets=tuple(x for x in args.sets.split(",") if x), gold_files=tuple(args.gold_file))
    if args.json:
        print(json.dumps({k: v for k, v in report.items() if args.verbose or not k.endswith(("_rows", "_produced", "_not_events"))}, indent=1))
        return 0
    if args.confusion:
        table = confusion(report["all_rows"])
        right = sum(n for g, p, n in table if g == p)
        print(f"covered gold events {sum(n for _, _, n in table)}, typed right {right}")
        for g, p, n in table:
            print(f"{n:4}  {'ok ' if g == p else '   '}gold={g}  got={p}")
    for name in list(args.sets.split(",")) + [Path(p).stem for p in args.gold_file] + ["all"]:
        if name in report:
            print(name, json.dumps(report[name]))
        if args.verbose and name + "_rows" in report:
            for r in report[name + "_rows"]:
                flags = "".join(
                    "." if r.get(k) in (True, None) else "x" for k in ("found", "place_ok", "date_ok", "fatalities_ok")
                )
                print(f"  {flags} {r['article'][:8]} {r['trigger']!r:24} gold={r['gold_type']} got={r.get('got_type')} "
                      f"place={r.get('got_place')} date={r.get('got_date')} fat={r.get('got_fatalities')}")
            for r in report.get(name + "_produced", []):
                if not r["matches_gold"]:
                    print(f"  extra {r['article'][:12]} {r['event']} trigger={r['trigger']!r} place={r['place']}")
            for r in report.get(name + "_not_events", []):
                if r["shown"]:
                    print(f"  not-event shown {r['article'][:14]} {r['anchor']!r} ({r['why']}): {r['events']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
