"""The hand-coded gold files parse and point at their texts; the scorers' checks of ``not_events`` and
structured ``must_not`` work on synthetic records. No extraction runs here: the blind sets stay unseen."""
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EVENT_FIELDS = {"trigger", "occurrence", "event_type", "sub_event_type", "place", "lat", "lon", "date",
                "time_precision", "fatalities", "actor1"}


def _load(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", ["conflicts_tune", "conflicts_heldout", "conflicts_blind", "conflicts_blind8"])
def test_own_event_gold_anchors_are_in_their_texts(name):
    se = _load("score_events")
    gold = json.loads((REPO / "tests" / "gold" / "events" / f"{name}.json").read_text(encoding="utf-8"))
    for key, art in gold["articles"].items():
        for g in art["events"]:
            assert EVENT_FIELDS <= set(g), (key, g)
            se.trigger_offset(art["text"], g["trigger"], g["occurrence"])  # raises when missing
        for n in art.get("not_events", []):
            se.trigger_offset(art["text"], n["anchor"], n.get("occurrence", 0))


def test_the_blind_event_set_is_never_scored_by_default():
    se = _load("score_events")
    gold = json.loads((REPO / "tests" / "gold" / "events" / "conflicts_blind.json").read_text(encoding="utf-8"))
    assert gold["split"] == "held-out-blind"
    assert "conflicts_blind" in se.BLIND_SETS
    assert "conflicts_blind" not in se.run.__defaults__[1]
    assert "conflicts_blind" in se.load_articles()
    blind8 = json.loads((REPO / "tests" / "gold" / "events" / "conflicts_blind8.json").read_text(encoding="utf-8"))
    assert blind8["split"] == "held-out-blind"
    assert "conflicts_blind8" in se.BLIND_SETS and "conflicts_blind8" not in se.run.__defaults__[1]


def test_a_shown_event_on_a_not_event_clause_counts_unless_it_covers_a_gold_trigger():
    se = _load("score_events")
    text = "Rebels shelled Sake on Sunday. The army denied the shelling. The war has killed 3,000 since 2022."
    gold = [{"trigger": "shelled", "occurrence": 0}]
    nots = [{"anchor": "denied the shelling"}, {"anchor": "has killed 3,000"}]
    deny = text.find("denied")
    war = text.find("has killed")
    merged = {"event_type": "E", "sub_event_type": "S", "start": 0, "end": 1,
              "evidence": [{"start": 0, "end": 30}, {"start": deny - 9, "end": deny + 25}]}
    alone = {"event_type": "E", "sub_event_type": "S", "start": war, "end": war + 10}
    hidden = dict(alone, tags=["cumulative"])
    rows = se.not_event_rows(text, gold, nots, [merged, alone, hidden])
    assert [r["shown"] for r in rows] == [0, 1]


def test_relation_gold_anchors_are_in_their_articles():
    sr = _load("score_relations")
    for name in ("setA", "setB", "setC", "setD", "setE", "setM"):
        gold = json.loads((REPO / "tests" / "gold" / "relations" / f"{name}.json").read_text(encoding="utf-8"))
        texts = {}
        for line in (REPO / "tests" / "fixtures" / "relations" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                texts[d["id"]] = d["text"]
        refs = [r[k] for sec in ("relations", "also_true") for r in gold.get(sec, []) for k in "ab"]
        refs += [m[k] for m in gold.get("must_not", []) if isinstance(m, dict) for k in "ab" if m[k]]
        for ref in refs:
            sr.anchor_span(texts[ref["article"]], ref["anchor"])
    assert "setE" in sr.SETS and "setC" in sr.HELD_OUT and not set(sr.HELD_OUT) & set(sr.TUNED)


def test_a_relation_joining_a_must_not_pair_is_counted():
    sr = _load("score_relations")
    from unfog.model import Relation

    line = {"id": "X1", "published": "2024-01-02", "text": "Shelling killed 9 people and wounded 20, officials said."}
    arts = list(__import__("unfog.api", fromlist=["to_articles"]).to_articles([line]))
    results = sr.hand_made_results(arts, {"figures": [{"article": "X1", "anchor": "9 people"},
                                                      {"article": "X1", "anchor": "wounded 20"}]})
    ids = {r.article.text[f.start:f.end]: f.id for r in results for f in r.figures}
    gold = {"relations": [], "must_not": [
        {"records": "figures", "a": {"article": "X1", "anchor": "wounded 20"}, "b": {"article": "X1", "anchor": "9 people"}},
        "a note in words is not checked"]}
    rel = Relation(type="contradicts", a=ids["9 people"], b=ids["wounded 20"])
    assert sr.score(gold, [rel], results)["must_not_hit"] == 1
    assert sr.score(gold, [], results)["must_not_hit"] == 0
    assert sr.score(gold, [], results)["must_not"] == 1


def test_a_gold_file_outside_the_repository_is_scored_by_its_stem(tmp_path):
    se = _load("score_events")
    text = "Gunmen attacked Kidal on Sunday, killing four."
    gold = {"articles": {"a1": {"published": "2025-01-06", "text": text, "events": [
        {"trigger": "attacked", "occurrence": 0, "event_type": "Violence against civilians", "sub_event_type": "Attack",
         "place": "Kidal", "lat": 18.44, "lon": 1.41, "date": "2025-01-05", "time_precision": 1, "fatalities": 4,
         "actor1": None}]}}}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    found = {"event_type": "Violence against civilians", "sub_event_type": "Attack", "start": 7, "end": 15,
             "trigger": "attacked", "place": "Kidal", "lat": 18.44, "lon": 1.41, "date": "2025-01-05", "fatalities": 4}
    report = se.run(extract_events=lambda t, p: [found] if t == text else [], sets=(), gold_files=(str(path),))
    assert report["mine"]["found_full"] == 1.0 and report["mine"]["fatalities_right"] == 1.0


def test_a_relations_gold_file_outside_the_repository_is_scored_as_held_out(tmp_path):
    sr = _load("score_relations")
    arts = [{"id": "R1", "published": "2025-02-03", "source": "Wire",
             "text": "Gunmen killed nine villagers in Tillia in Niger on Sunday, the mayor said."},
            {"id": "R2", "published": "2025-02-03", "source": "Daily",
             "text": "Nine villagers died in Sunday's attack on Tillia in Niger, a local official said."}]
    (tmp_path / "mine.jsonl").write_text("\n".join(json.dumps(a) for a in arts), encoding="utf-8")
    gold = {"articles": "mine.jsonl", "relations": [{"type": "corroborates", "a": {"article": "R1", "anchor": "nine villagers"},
                                                     "b": {"article": "R2", "anchor": "Nine villagers"}}]}
    (tmp_path / "mine.json").write_text(json.dumps(gold), encoding="utf-8")
    out = sr.run("extract", sets=(), gold_files=(str(tmp_path / "mine.json"),))
    assert out["mine"]["real"] == 1 and out["held_out"]["real"] == 1 and "tuned" not in out


def test_a_place_miss_tells_a_name_the_gazetteer_lacks_from_one_it_knows():
    se = _load("score_events")
    # a town the gazetteer knows by the gold's name near the gold point, kind words and qualifiers left out
    assert se.gold_place_known({"place": "outskirts of Kharkiv, Kharkiv region", "lat": 49.99, "lon": 36.23}) is True
    # a village name no layer holds, and a known name far from the gold point
    assert se.gold_place_known({"place": "Qzxwvillage village", "lat": 49.99, "lon": 36.23}) is False
    assert se.gold_place_known({"place": "Kharkiv", "lat": 46.48, "lon": 30.72}) is False
    assert se.gold_place_known({"place": "Kharkiv", "lat": None, "lon": None}) is None
