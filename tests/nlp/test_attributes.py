"""The attribute ruler's indexed matching gives spaCy's matches and annotations (unfog.nlp.attributes)."""
from __future__ import annotations

import pytest

from unfog.nlp import bare_nlp
from unfog.nlp.attributes import RuleIndex, remember_lemmas, speed_up_attribute_ruler

TEXTS = [
    "The ministry said its forces had shelled the village on Tuesday, killing three people.",
    "I ain't gonna wait, y'all gotta leave now, c'mon, let's go. Nothin' doin', we told 'em.",
    "There is a checkpoint north of the town. There were two more. It's been closed since May.",
    "He'd said she wouldn't. They can't and won't. Whether or not it rains, we'll see.",
    "Gon na do it.   Double  spaces\n\nand a paragraph.\n",
    "Who did it? Everything that happened, nobody saw; something was burning.",
    "",
    "\n",
]


@pytest.fixture(scope="module")
def model():
    return bare_nlp()


def _parsed(nlp, texts):
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def test_the_index_finds_what_the_matcher_finds(model):
    ruler = model.get_pipe("attribute_ruler")
    index = RuleIndex(ruler)
    assert index.ok
    docs = _parsed(model, TEXTS)
    expected = [ruler.match(d) for d in docs]
    assert [index.match(d) for d in docs] == expected
    assert [index.match(d) for d in docs] == expected  # again, from what it remembers
    assert any(len(m) for m in expected) and any(e - s == 2 for m in expected for _, _, s, e in m)  # a two-token rule


def test_the_annotations_are_the_model_s(model):
    fast = bare_nlp()
    assert speed_up_attribute_ruler(fast)

    def attrs(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]

    assert [attrs(d) for d in fast.pipe(TEXTS)] == [attrs(d) for d in model.pipe(TEXTS)]


def test_a_rule_it_does_not_handle_leaves_the_ruler_alone():
    nlp = bare_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ok", "OP": "+"}]], {"LEMMA": "okay"})
    before = ruler.match
    assert not speed_up_attribute_ruler(nlp)
    assert ruler.match == before


def test_remembered_lemmas_are_the_model_s(model):
    fast = bare_nlp()
    assert remember_lemmas(fast)
    texts = TEXTS + ["The soldiers were shelling the villages; a soldier shelled a village and fled.",
                     "The soldiers were shelling the villages; a soldier shelled a village and fled."]  # again: remembered

    def lemmas(doc):
        return [(t.text, t.pos_, t.lemma_) for t in doc]

    assert [lemmas(d) for d in fast.pipe(texts)] == [lemmas(d) for d in model.pipe(texts)]
