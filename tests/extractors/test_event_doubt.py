"""The learned event filter: its features, the doubtful tag under the threshold, the trainer's labels."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from unfog.extractors import events
from unfog.extractors.events import doubt
from unfog.io.acled import exportable
from unfog.lexicons.events import HIDDEN_TAGS

from test_events import KHARKIV, REPO, make_ctx

MONDAY = ("Monday", "2022-05-09", "2022-05-09", 1, False)
DATED = "Gunmen attacked a checkpoint in Kharkiv on Monday, killing five soldiers."
GENERAL = "Armed gangs are attacking farms across the region."


def _features(nlp, text, **records):
    ctx = make_ctx(nlp, text, **records)
    ctx.options = {"event_features": {}}
    evs = events.extract(ctx)
    return evs, ctx.options["event_features"]


def test_a_dated_past_incident_and_a_present_general_statement_differ(nlp):
    evs, feats = _features(nlp, DATED, places=[("Kharkiv", KHARKIV)], dates=[MONDAY],
                           figures=[("five soldiers", 5, "killed", "combatants")])
    [past] = [feats[e.id] for e in evs]
    evs, feats = _features(nlp, GENERAL)
    [general] = [feats[e.id] for e in evs]
    assert (past["tense_past"], past["tense_progressive"], past["own_day"], past["place_settlement"]) == (1, 0, 1, 1)
    assert (general["tense_past"], general["tense_progressive"], general["own_day"],
            general["place_none"]) == (0, 1, 0, 1)
    assert past["killed"] == 1 and general["killed"] == 0


def test_every_listed_feature_is_computed(nlp):
    _, feats = _features(nlp, DATED, places=[("Kharkiv", KHARKIV)], dates=[MONDAY])
    [f] = feats.values()
    assert set(doubt.model()["features"]) <= set(f)
    assert set(doubt.model()["weights"]) <= set(doubt.model()["features"])


def test_a_quoted_ongoing_act_and_a_merged_retelling_are_features(nlp):
    text = 'Gunmen attacked a checkpoint in Kharkiv on Monday. "The gunmen attacked us at night," a guard said.'
    _, feats = _features(nlp, text, places=[("Kharkiv", KHARKIV)], dates=[MONDAY])
    [f] = feats.values()
    assert f["mentions"] > 0 and f["in_quote"] == 0  # one event told twice: its first mention is the writer's
    text = ('Gunmen attacked a checkpoint in Kharkiv on Monday. '
            '"Militias have been shelling our homes for months," a farmer said.')
    _, feats = _features(nlp, text, places=[("Kharkiv", KHARKIV)], dates=[MONDAY])
    told, quoted = feats.values()
    assert (told["in_quote"], quoted["in_quote"]) == (0, 1)
    assert (quoted["tense_perfect"], quoted["tense_progressive"], told["tense_perfect"]) == (1, 1, 0)


WEIGHTS = {"features": ["own_day"], "bias": -3.0, "weights": {"own_day": 6.0}, "threshold": 0.5}


@pytest.mark.parametrize("text,records,doubtful", [
    (DATED, {"places": [("Kharkiv", KHARKIV)], "dates": [MONDAY]}, False),  # sigmoid(3): kept
    ("Gunmen attacked a checkpoint in Kharkiv.", {"places": [("Kharkiv", KHARKIV)]}, True),  # sigmoid(-3): doubtful
])
def test_the_tag_is_set_below_the_threshold_and_hides_the_event(nlp, monkeypatch, text, records, doubtful):
    monkeypatch.setattr(doubt, "model", lambda: WEIGHTS)
    [ev] = events.extract(make_ctx(nlp, text, **records))
    assert (doubt.TAG in ev.tags) is doubtful
    assert exportable([ev.to_dict()]) == ([] if doubtful else [ev.to_dict()])


def test_only_the_listed_types_are_doubted(nlp, monkeypatch):
    # a threshold over any score: every event it applies to is doubtful, the others never
    monkeypatch.setattr(doubt, "model", lambda: {**WEIGHTS, "threshold": 1.0, "applies_to": ["Battles"]})
    text = "Gunmen attacked a checkpoint in Kharkiv on Monday. Two hundred soldiers surrendered in Kharkiv on Monday."
    evs = events.extract(make_ctx(nlp, text, places=[("Kharkiv", KHARKIV)], dates=[MONDAY]))
    tagged = {e.event_type: doubt.TAG in e.tags for e in evs}
    assert tagged == {"Battles": True, "Strategic developments": False}


def test_told_before_means_an_earlier_sentence(nlp):
    # two incidents of one sentence are not a retelling of each other; an event of a later sentence at the
    # same place is told after them
    text = ("Rebels shelled a school in Kharkiv on Monday, and gunmen kidnapped two teachers in Kharkiv. "
            "Troops later clashed with the rebels in Kharkiv.")
    evs, feats = _features(nlp, text, places=[("Kharkiv", KHARKIV)], dates=[MONDAY])
    second = text.index("Troops")
    firsts = [feats[e.id] for e in evs if e.evidence[0]["start"] < second]
    later = [feats[e.id] for e in evs if e.evidence[0]["start"] >= second]
    assert len(firsts) == 2 and [f["earlier_same_place"] for f in firsts] == [0, 0]
    assert [f["earlier_same_place"] for f in later] == [1]


def test_no_threshold_no_tag(nlp, monkeypatch):
    monkeypatch.setattr(doubt, "model", lambda: {**WEIGHTS, "threshold": None})
    [ev] = events.extract(make_ctx(nlp, "Gunmen attacked a checkpoint in Kharkiv.", places=[("Kharkiv", KHARKIV)]))
    assert doubt.TAG not in ev.tags


def test_doubtful_is_a_hidden_tag_and_the_scorer_reads_the_same_list():
    spec = importlib.util.spec_from_file_location("score_events", REPO / "benchmarks" / "score_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert doubt.TAG in HIDDEN_TAGS and mod.HIDDEN_TAGS == HIDDEN_TAGS


def test_score_is_a_logistic_dot_product():
    assert doubt.score({}, {}, 0.0) == 0.5
    assert doubt.score({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": -0.5}, 0.0) == 0.5
    assert doubt.score({"a": 1.0}, {"a": 2.0}, -1.0) > 0.7


def _trainer():
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("train_event_filter", REPO / "benchmarks" / "train_event_filter.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_trainer_labels_first_covers_duplicates_not_events_and_unannotated():
    text = ("Rebels stormed a police post on Monday. Two officers died. "
            "Officials said fighting has killed hundreds since 2019. The talks resume next week.")
    s2 = text.index("Two officers")
    s3 = text.index("Officials")
    s4 = text.index("The talks")

    def ev(start, end, tags=()):
        return {"evidence": [{"start": start, "end": end}], "start": start, "end": end, "tags": list(tags),
                "event_type": "Battles"}

    gold = [{"trigger": "stormed", "event_type": "Battles"}]
    not_events = [{"anchor": "fighting has killed hundreds"}]
    evs = [ev(0, s2), ev(0, s3), ev(s3, s4), ev(s4, len(text)), ev(s3, s4, ["background"])]
    assert _trainer().label(text, gold, not_events, evs) == [1, 0, 0, None, None]


def test_trainer_labels_by_type_two_readings_of_one_sentence():
    # one sentence, two incidents: a riot read first must not take the killing's trigger from the killing
    text = "Traders burned tyres in the market after a policeman shot a trader dead."
    gold = [{"trigger": "burned", "event_type": "Riots"},
            {"trigger": "shot", "event_type": "Violence against civilians"}]

    def ev(event_type):
        return {"evidence": [{"start": 0, "end": len(text)}], "start": 0, "end": len(text), "tags": [],
                "event_type": event_type}

    tr = _trainer()
    assert tr.label(text, gold, [], [ev("Riots"), ev("Violence against civilians")]) == [1, 1]
    assert tr.label(text, gold, [], [ev("Riots"), ev("Violence against civilians"), ev("Riots")]) == [1, 1, 0]
    # an incident no event types right is neither a hit nor a duplicate: left out
    assert tr.label(text, gold[1:], [], [ev("Battles")]) == [None]


def test_trainer_fit_recovers_the_sign_of_a_feature():
    import numpy as np

    tr = _trainer()
    x = np.array([[1.0], [1.0], [1.0], [0.0], [0.0], [0.0], [1.0], [0.0]])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0])
    w, b = tr.fit(x, y, 1.0)
    assert w[0] > 0 and doubt.score({"f": 1.0}, {"f": w[0]}, b) > doubt.score({"f": 0.0}, {"f": w[0]}, b)
