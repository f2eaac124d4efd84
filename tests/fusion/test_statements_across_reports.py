"""Statements told by several reports: one party's denial told twice, the places a statement is at (issue 18,
twelfth session). Unit tests on StatementKeys, then end to end on our own short reports."""
import pytest
from conftest import has_relation, relations_of, report

from unfog.fusion.fuse import (QUOTE, StatementKey, _stem, denials_agree_score, quote_marks, relate_focus, told_again_score,
                               topics_of, unacknowledged_toll)


def _denial(sid, article, speaker, side, topics, places=("g1",), day=10, stems=()):
    return StatementKey(statement_id=sid, article_id=article, start=0, day=day, speaker=speaker, side=side,
                        denial=True, stems=sorted(stems), topics=list(topics), places=list(places))


def test_a_denial_of_involvement_and_a_denial_of_the_strike_are_one_denial():
    first = _denial("s1", "a1", "group", "LBN", ["attack"])
    second = _denial("s2", "a2", "group", "LBN", ["responsibility"])
    assert denials_agree_score(second, first) > 0
    rels = relate_focus(second, [first])
    assert [(r.type, r.a, r.b) for r in rels] == [("corroborates", "s1", "s2")]


def test_two_bodies_of_one_state_deny_the_same_strike():
    kremlin = _denial("s1", "a1", "kremlin", "RUS", ["attack", "responsibility"])
    ministry = _denial("s2", "a2", "defence ministry", "RUS", ["attack"], day=11)
    assert denials_agree_score(ministry, kremlin) > 0


@pytest.mark.parametrize("change, why", [
    (dict(article_id="a1"), "one report repeating a denial is one source"),
    (dict(side="UKR", speaker="army"), "the other party's denial"),
    (dict(side="INT", speaker="un"), "no warring party"),
    (dict(places=["g2"]), "another place"),
    (dict(day=20), "days apart"),
    (dict(topics=["control"]), "a denial that a place fell"),
    (dict(denial=False), "not a denial"),
])
def test_denials_that_are_no_one_denial_told_twice(change, why):
    first = _denial("s1", "a1", "group", "LBN", ["attack"])
    second = _denial("s2", "a2", "group", "LBN", ["attack"])
    for k, v in change.items():
        setattr(second, k, v)
    assert denials_agree_score(second, first) == 0, why


@pytest.mark.parametrize("text, denies", [
    ("said it had attacked militia bases but did not acknowledge any civilian casualties", True),
    ("the group has not reported any deaths among the villagers", True),
    ("the ministry did not confirm any casualties", False),  # saying nothing is no account
    ("the army did not report any damage to the bridge", False),
])
def test_a_toll_a_party_does_not_acknowledge_is_denied(text, denies):
    assert unacknowledged_toll(text) is denies


def test_a_response_is_no_responsibility():
    assert topics_of({_stem("respond")}) == set() and topics_of({_stem("response")}) == set()
    assert topics_of({_stem("responsible")}) == {"responsibility"}


def test_quoted_words_are_kept_as_runs_of_three_words():
    marks = quote_marks('The command said the raid stopped "several armed fighters from reaching the bridge," it said.')
    assert QUOTE + "several armed fighters" in marks
    assert not any("the" in m.split() for m in marks)  # (stop words make no run)
    assert quote_marks("The command said the raid stopped several armed fighters.") == set()


def _said(sid, article, speaker, side, quoted, day=10):
    return StatementKey(statement_id=sid, article_id=article, start=0, day=day, speaker=speaker, side=side,
                        denial=False, stems=sorted(quote_marks(quoted)), topics=[], places=[])


def test_one_partys_quoted_words_told_by_two_reports_corroborate():
    first = _said("s1", "a1", "central command", "USA", 'It said it hit "several armed fighters" at dawn.')
    second = _said("s2", "a2", "us central command", "USA", 'The raid stopped "several armed fighters," it said.', day=11)
    assert told_again_score(second, first) == 1.0
    assert "quote:several armed fighters" in second.pairs()  # (found as a candidate wherever each puts it)
    rels = relate_focus(second, [first])
    assert [(r.type, r.a, r.b) for r in rels] == [("corroborates", "s1", "s2")]


def test_words_quoted_by_three_reports_corroborate_each_earlier_telling():
    first = _said("s1", "a1", "central command", "USA", 'It hit "several armed fighters" at dawn.')
    second = _said("s2", "a2", "central command", "USA", 'It said "several armed fighters" were hit.')
    third = _said("s3", "a3", "central command", "USA", 'The raid stopped "several armed fighters," it said.')
    rels = relate_focus(third, [first, second])
    assert sorted((r.a, r.b) for r in rels) == [("s1", "s3"), ("s2", "s3")]


@pytest.mark.parametrize("change, why", [
    (dict(article_id="a1"), "one report quoting a speaker twice is one source"),
    (dict(side="IRN", speaker="foreign ministry"), "another party quoting the words, to answer them"),
    (dict(day=20), "days apart"),
    (dict(denial=True), "a denial: see denials_agree_score"),
])
def test_quoted_words_that_are_no_statement_told_again(change, why):
    first = _said("s1", "a1", "central command", "USA", 'It said it hit "several armed fighters" at dawn.')
    second = _said("s2", "a2", "central command", "USA", 'The raid stopped "several armed fighters," it said.')
    for k, v in change.items():
        setattr(second, k, v)
    assert told_again_score(second, first) == 0, why


PATTERNS = {
    # one command's words quoted by two outlets, each putting the raid at another place (the city, the port)
    "words_quoted_by_two_outlets": [
        report("w1", "2026-07-14", "Plain Herald",
               "The Western Command said on Tuesday its drone strike near the city of Port Selim had stopped "
               "\"several armed fighters preparing an assault on the harbour.\""),
        report("w2", "2026-07-14", "Hill Courier",
               "A drone strike hit a truck at the Selim docks on Tuesday. The Western Command said the strike "
               "prevented \"several armed fighters\" from reaching the port.")],
    # activists give the toll of a raid; the group's own account of it does not acknowledge the civilian dead
    "toll_not_acknowledged": [
        report("t1", "2026-06-05", "Plain Herald",
               "Fighters of the Northern Front attacked the village of Kel Amaro on Wednesday, killing at least 60 "
               "people, local activists said.\n\n"
               "In a statement, the Northern Front said it had attacked army positions around Kel Amaro but did not "
               "acknowledge any civilian casualties.")],
    # one group's denial told by two outlets, once of any part in the attack, once of the strike itself
    "one_denial_told_by_two_outlets": [
        report("d1", "2026-06-02", "Plain Herald",
               "A rocket struck a playground in the town of Tel Varo on Tuesday, killing six children, officials "
               "said.\n\nThe Northern Front denied any involvement in the attack on Tel Varo."),
        report("d2", "2026-06-02", "Hill Courier",
               "Six children were killed when a rocket hit a playground in Tel Varo on Tuesday.\n\n"
               "The Northern Front denied carrying out the rocket strike on Tel Varo.")],
}


@pytest.fixture(scope="module")
def relations(nlp):
    return relations_of(PATTERNS)


def test_one_partys_denial_told_by_two_outlets_corroborates(relations):
    rels = relations["one_denial_told_by_two_outlets"]
    assert has_relation(rels, "corroborates", "denied any involvement", "denied carrying out"), rels


def test_an_account_that_does_not_acknowledge_the_dead_contradicts_the_toll(relations):
    rels = relations["toll_not_acknowledged"]
    assert has_relation(rels, "contradicts", "killing at least 60", "did not acknowledge"), rels


def test_one_commands_words_quoted_by_two_outlets_corroborate(relations):
    rels = relations["words_quoted_by_two_outlets"]
    assert has_relation(rels, "corroborates", "stopped", "prevented"), rels
