"""Tolls of one day and who counts them: a toll rising through the day, the speaker of a relative clause, and the
side a sentence says it counts ("on the <demonym> side"). Our own short reports, end to end."""
import pytest
from conftest import has_relation as _has, relations_of, report

_doc = report

PATTERNS = {
    # an outlet's recap of the first toll, then the toll told as risen by the side counting it, in one report
    "toll_rises_through_the_day": [
        _doc("d1", "2025-08-15", "Plain Herald", "KOSTROVA, Aug 15 - The death toll from Friday's missile strike on the "
                                                 "bus station in Kostrova rose to 34, the Ukrainian regional governor "
                                                 "said on Friday evening.\n\nAt least 20 people were killed on Friday "
                                                 "when a missile hit the bus station in Kostrova.")],
    # two parties' counts of one strike on one day stay rivals
    "parties_stay_rivals": [
        _doc("p1", "2025-08-22", "Plain Herald", "A missile struck a market in Kostrova on Friday. Ukraine's "
                                                 "emergency service said at least 12 civilians were killed."),
        _doc("p2", "2025-08-22", "Hill Courier", "Russia's defence ministry said its missile struck a depot near "
                                                 "Kostrova on Friday and killed 40 Ukrainian soldiers, and that at most "
                                                 "three civilians had died in the strike on the market.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_a_toll_rising_through_the_day_updates_the_earlier_count(relations):
    rels = relations["toll_rises_through_the_day"]
    assert _has(rels, "updates", "At least 20 people", "34"), rels
    assert not [r for r in rels if r[0] == "contradicts"], rels


def test_the_parties_counts_of_one_day_never_update_each_other(relations):
    rels = relations["parties_stay_rivals"]
    assert not [r for r in rels if r[0] == "updates"], rels


def _figures(text: str):
    from unfog.api import extract_stream, to_articles

    res = list(extract_stream(list(to_articles([report("x", "2025-08-15", "Plain Herald", text)]))))
    return res[0].figures


def test_the_speaker_of_a_relative_clause_claims_the_count():
    figs = _figures("The Ruritanian Defence Ministry on Monday said it did not fire any \"missile\" at a bus depot in "
                    "the town of Kostrova, which local officials said had killed at least 14 people.")
    fig = next(f for f in figs if f.value == 14)
    assert fig.claimant and "officials" in fig.claimant, fig


def test_the_side_a_sentence_says_it_counts_is_the_groups_side():
    figs = _figures("The number of civilians killed on the Indian side of the frontier has risen to six, officials "
                    "said. On the Pakistani side, the army said a third civilian had died, raising its toll to three.")
    sides = {f.value: f.group_side for f in figs}
    assert sides.get(6) == "IND" and sides.get(3) == "PAK", sides
