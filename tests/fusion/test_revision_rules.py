"""Revisions and one incident's counts told in other words (issue 18, ninth session): our own short reports,
extracted and fused end to end."""
import pytest
from conftest import has_relation as _has, relations_of, report

PATTERNS = {
    # "<spokesman> had earlier given a toll of five": the claimant's own later count updates it, even when no
    # "has risen" is told and a count of the claimant's from another day comes in between
    "claimant_earlier_toll": [
        report("e1", "2025-05-20", "Plain Herald", "An air strike on a school in Beit Safa killed two people on "
                                                   "Tuesday, civil defence spokesman Omar Haddad said."),
        report("e2", "2025-05-20", "Hill Courier", "An air strike on a school in Beit Safa killed nine people on "
                                                   "Monday, civil defence spokesman Omar Haddad said.\n\nHaddad had "
                                                   "earlier given a toll of five dead.")],
    # the prisoners of one exchange are one count whatever noun each report uses
    "exchange_nouns": [
        report("x1", "2025-08-14", "Plain Herald", "In the latest exchange of prisoners, 90 servicemen were handed "
                                                   "over to Kyiv and returned home on Thursday, the coordination "
                                                   "headquarters said."),
        report("x2", "2025-08-15", "Hill Courier", "The number of people freed in Thursday's prisoner exchange has "
                                                   "risen to 95, the coordination headquarters said on Friday.")],
    # one report's counts at one place, one tied to the attack: people and civilians are its dead
    "people_and_civilians_in_one_report": [
        report("p1", "2025-04-08", "Plain Herald", "The county commissioner of Ulang said on Monday that the dead "
                                                   "numbered 27.\n\nThe UN mission said at least 27 civilians were "
                                                   "killed when militiamen attacked the market in Ulang on Sunday.")],
    # "initially recovered only three bodies": the earlier value of a toll, not a part of it
    "bodies_initially_recovered": [
        report("b1", "2025-03-30", "Plain Herald", "A missile struck the regional administration building in "
                                                   "Mykolaiv on Tuesday. Rescuers initially recovered only three bodies "
                                                   "from the ruins, the emergency service said. On Wednesday the toll "
                                                   "had risen to 15, the emergency service said.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_a_claimants_earlier_toll_is_updated_by_its_own_count(relations):
    rels = relations["claimant_earlier_toll"]
    assert _has(rels, "updates", "five dead", "nine people"), rels
    assert not _has(rels, "updates", "two people", "nine people"), rels


def test_the_prisoners_of_one_exchange_are_one_count_whatever_the_noun(relations):
    rels = relations["exchange_nouns"]
    assert _has(rels, "updates", "90 servicemen", "95"), rels


def test_people_and_civilians_at_one_place_in_one_report_meet(relations):
    rels = relations["people_and_civilians_in_one_report"]
    assert _has(rels, "corroborates", "27", "at least 27 civilians"), rels


def test_bodies_initially_recovered_are_the_tolls_earlier_value(relations):
    rels = relations["bodies_initially_recovered"]
    assert _has(rels, "updates", "three bodies", "15"), rels
