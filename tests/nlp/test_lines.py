"""Layout sentence starts: headings and paragraph breaks (unfog.nlp.lines)."""
from __future__ import annotations


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_headline_is_its_own_sentence(nlp):
    sents = _sents(nlp, "Strike on depot kills three - officials\nA drone hit a fuel depot on Monday, killing three workers.")
    assert sents[0] == "Strike on depot kills three - officials"
    assert sents[1].startswith("A drone hit")


def test_a_time_stamped_entry_heading_stays_whole(nlp):
    sents = _sents(nlp, "Live\n\n12:30 Northern front\nRebel fighters stormed a village, residents said.")
    assert "12:30 Northern front" in sents
    assert any(s.startswith("Rebel fighters stormed") for s in sents)


def test_hard_wrapped_prose_is_left_to_the_parser(nlp):
    text = ("The convoy was hit by artillery fire as it tried to leave the city along the road that officials\n"
            "had promised would stay open, a spokesman said.")
    assert len(_sents(nlp, text)) == 1


def test_a_time_stamped_paragraph_is_prose_not_a_heading(nlp):
    text = ("Live\n\n09:12 The army says it repelled nine attacks overnight near the river crossing. "
            "The claim could not be verified.\n\n10:05 More later.")
    sents = _sents(nlp, text)
    assert any(s.startswith("09:12 The army says") for s in sents)
    assert "The claim could not be verified." in sents
