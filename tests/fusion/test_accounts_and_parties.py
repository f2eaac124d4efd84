"""Accounts of one incident across reports (issue 18, eleventh session, second round): our own short reports,
extracted and fused end to end. A claim told through "it" after a sentence about the armed group is the group's
claim; "it overran the camp" and "the camp was not overrun" name one act; two narrations that share only the
place's name and an amount are not one account; "22 members of the group's fighters" are the group's men; two
outlets' tolls of one attack, and an armed group's count of soldiers against the army's own losses, disagree."""
import pytest
from conftest import has_relation as _has, relations_of, report

PATTERNS = {
    # the claim is told by "It said" after a sentence whose subject is the armed group; the army denies it after
    "claim_told_by_it": [
        report("p1", "2025-02-10", "Plain Herald", "Militants attack army camp in Tarbaj\n\nTwo weeks after warning "
                                                   "it would strike, al-Shabaab fighters launched an assault on the "
                                                   "army camp in Tarbaj on Friday.\n\nIt said it overran the Tarbaj "
                                                   "camp and seized vehicles. Witnesses said it withdrew at dusk.\n\n"
                                                   "The Kenyan army denied the camp was overrun.")],
    # one wire's "five soldiers killed, troops and residents said", another's "seven soldiers killed, the
    # government said": two claimants' counts of one attack
    "two_wires_two_tolls": [
        report("w1", "2025-03-04", "Plain Herald", "Five soldiers were killed when gunmen attacked an army post near "
                                                   "Ouallam on Tuesday, troops and residents said."),
        report("w2", "2025-03-04", "Hill Courier", "Seven soldiers were killed on Tuesday when gunmen attacked an "
                                                   "army post near Ouallam, the government said in a statement.")],
    # the group's count of the soldiers it killed against the army's count of its own losses
    "group_kills_army_losses": [
        report("g1", "2025-04-02", "Plain Herald", "Al-Shabaab said on Wednesday its fighters killed 30 soldiers "
                                                   "when they attacked a military base near Bardale."),
        report("g2", "2025-04-02", "Hill Courier", "The army said it repelled an attack on a military base near "
                                                   "Bardale on Wednesday. \"We lost 10 soldiers,\" an army "
                                                   "commander, Colonel Omar Hassan, told reporters.")],
    # an official's "35 others were injured" and local sources' "more than 35 were injured": no agreement
    "more_than_the_count": [
        report("m1", "2025-06-09", "Plain Herald", "A suicide bomber killed 20 worshippers at a mosque in Gandao on "
                                                   "Friday and 35 others were injured, an official said.\n\nLocal "
                                                   "sources said 23 worshippers were killed and more than 35 were "
                                                   "injured in the blast.")],
    # the group's "dozens of soldiers killed or wounded" in one report and "scores of soldiers" in the next: one
    # vague amount in other words, no revision
    "vague_amounts_retold": [
        report("v1", "2025-07-05", "Plain Herald", "The group said it took the army camp in Tilemsi on Friday and "
                                                   "that dozens of soldiers had been killed."),
        report("v2", "2025-07-06", "Hill Courier", "The group said it took the army camp in Tilemsi on Friday and "
                                                   "that scores of soldiers had been killed.")],
    # the army's "repulsed attacks on bases in the region" in the report that tells the group's claim to have taken a
    # camp there (named differently); the group's prisoners are no place taken
    "repulsed_in_the_same_report": [
        report("h1", "2025-08-02", "Plain Herald", "The group said its fighters took control of the army camp at "
                                                   "Tessit on Friday.\n\nThe army, however, said it had repulsed "
                                                   "attacks on bases in the Gao region.\n\nTwo soldiers had been "
                                                   "taken prisoner, the group claimed.\n\nThe army said on social "
                                                   "media that the attacks had been energetically repelled.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_a_claim_told_by_it_after_a_sentence_about_the_group_is_the_groups(nlp):
    from unfog.extractors import statements
    from unfog.extractors.context import Context
    from unfog.model import Article
    text = PATTERNS["claim_told_by_it"][0]["text"]
    ctx = Context(article=Article(id="a", text=text, published="2025-02-10"), doc=nlp(text))
    [told] = [s for s in statements.extract(ctx) if "overran" in s.text]
    assert "al-Shabaab" in told.speaker


def test_a_denial_that_the_camp_was_overrun_answers_it_overran(relations):
    rels = relations["claim_told_by_it"]
    assert _has(rels, "contradicts", "It said it overran", "denied the camp was overrun"), rels
    assert not _has(rels, "contradicts", "withdrew at dusk", "denied the camp was overrun"), rels


def test_overran_and_overrun_are_one_word():
    from unfog.fusion.fuse import content_stems
    assert content_stems("it overran the camp") == content_stems("the camp was overrun")
    assert content_stems("they took the town") == content_stems("the town was taken")


def test_two_wires_tolls_of_one_attack_disagree(relations):
    assert _has(relations["two_wires_two_tolls"], "contradicts", "Five soldiers", "Seven soldiers")


def test_a_groups_count_of_soldiers_and_the_armys_own_losses_disagree(relations):
    assert _has(relations["group_kills_army_losses"], "contradicts", "30 soldiers", "10 soldiers")


def test_members_of_a_named_force_are_that_force():
    from unfog.fusion.fuse import counted_force
    from unfog.model import Figure
    sentence = "About 22 members of the insurgents were neutralised while others escaped."
    f = Figure(id="f1", article_id="a", text="About 22 members", start=0, end=16, value=22, category="killed",
               group="combatants", counted="members", sentence=sentence)
    assert counted_force(f) == "nonstate"
    f2 = Figure(id="f2", article_id="a", text="About 22 members", start=0, end=16, value=22, category="killed",
                group="combatants", counted="members", sentence="About 22 members were neutralised.")
    assert counted_force(f2) is None


def test_shared_place_name_and_amount_make_no_one_account():
    from unfog.fusion.fuse import StatementKey, _told_specifics
    k = StatementKey(statement_id="s", article_id="a", start=0, day=1, speaker="x", side=None, denial=False,
                     stems=["atareb", "least", "thre", "market", "near", "crater"], topics=["attack"],
                     places=["name:atareb"])
    assert _told_specifics(k) == {"market", "crater"}


def test_more_than_a_count_does_not_corroborate_it(relations):
    rels = relations["more_than_the_count"]
    assert not _has(rels, "corroborates", "35 others", "more than 35"), rels


def test_two_vague_amounts_of_one_claimant_are_no_revision(relations):
    assert not any(t == "updates" for t, _, _ in relations["vague_amounts_retold"]), relations["vague_amounts_retold"]


def test_repulsed_attacks_answer_the_claim_of_the_same_report(relations):
    rels = relations["repulsed_in_the_same_report"]
    assert _has(rels, "contradicts", "took control of the army camp", "repulsed attacks"), rels
    assert not any("taken prisoner" in x + y for t, x, y in rels if t == "contradicts"), rels


def test_a_word_ending_in_at_after_an_acute_apostrophe_is_no_place_cue():
    from unfog.fusion.fuse import _unresolved_mentions
    names = {k for _, k in _unresolved_mentions("Jama´at Nusrat al-Islam said its men attacked a post near Tessit.", [])}
    assert "name:nusrat" not in names
    assert "name:tessit" in names
