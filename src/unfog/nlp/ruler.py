"""The gazetteer-driven entity ruler: known place names tagged GPE/LOC/FAC before spaCy's NER.

The small English model tags "Mariupol" as ORG; this component runs in front of
the statistical NER (see :func:`unfog.nlp.get_nlp`) so names the gazetteer
knows keep a place label. The places extractor reads the same mentions.
Names of people and governments ("Mr Jordan", "Washington warned") are left
out, and small places of the world layer are left to the NER (see
:mod:`unfog.gazetteer.roles`), which knows "Ivan Bila" is a person.
"""
from __future__ import annotations

import functools

from unfog.gazetteer.index import get_gazetteer
from unfog.gazetteer.mentions import Mention, scan
from unfog.gazetteer.roles import actor_like, claimed, government_like, person_like

RULER_NAME = "unfog_gazetteer_ruler"


@functools.lru_cache(maxsize=4)
def _english_words(nlp) -> frozenset:
    """Common English words (the model's lemma index and stop words): place names to treat with care."""
    words: set[str] = set()
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except KeyError:  # a model without a lemmatizer or its lookups: stop words only
        table = {}
    for lst in table.values():
        words.update(w.lower() for w in lst if "_" not in w)
    words.update(nlp.Defaults.stop_words)
    return frozenset(words)


_ENGLISH: dict[str, frozenset] = {}


def mentions_in(text: str) -> list[Mention]:
    """Gazetteer names in ``text`` that are places here. The ruler (while parsing) and the places
    extractor (after it) read the same piece: the scan is made once per text and gazetteer."""
    g = get_gazetteer()
    if "words" not in _ENGLISH:  # no ruler built in this process (a bare model): stop words at least
        from spacy.lang.en.stop_words import STOP_WORDS

        _ENGLISH["words"] = frozenset(STOP_WORDS)
    key = (text, id(g), id(_ENGLISH["words"]))
    if key not in _SCANS:
        if len(_SCANS) >= 64:  # a spaCy batch of pieces is parsed before any is extracted
            _SCANS.pop(next(iter(_SCANS)))
        _SCANS[key] = tuple(m for m in scan(text, g, require_caps=True, english=_ENGLISH["words"])
                            if not m.unit and not person_like(text, m, g) and not government_like(text, m, g)
                            and not actor_like(text, m, g))
    return list(_SCANS[key])


_SCANS: dict[tuple, tuple[Mention, ...]] = {}


def _label(m: Mention) -> str:
    g = get_gazetteer()
    if m.landmark:
        return "FAC"
    cands = g.candidates(m.key)
    if cands and all(e.fclass in ("H", "T", "L", "V", "U") for e in cands):
        return "LOC"
    if cands and all(e.fclass == "S" for e in cands):
        return "FAC"
    return "GPE"


class GazetteerRuler:
    """A pipeline component: tag known place names as GPE/LOC/FAC before the statistical NER."""

    def __init__(self, nlp, name: str = RULER_NAME):
        self.name = name
        _ENGLISH["words"] = _english_words(nlp)
        get_gazetteer()  # load now, not on the first document

    def __call__(self, doc):
        from spacy.util import filter_spans

        spans = []
        g = get_gazetteer()
        text = doc.text  # built from the tokens at every access: once per doc, not per mention
        for m in mentions_in(text):
            if m.partial or not claimed(text, m, g):
                continue  # left to the statistical NER: it tells people and organisations from places
            sp = doc.char_span(m.start, m.end, label=_label(m), alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        if spans:
            doc.ents = filter_spans(spans + list(doc.ents))
        return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(RULER_NAME):
        Language.factory(RULER_NAME)(lambda nlp, name: GazetteerRuler(nlp, name))


def add_entity_ruler(nlp) -> None:
    """Put a gazetteer-driven entity ruler in front of the statistical NER."""
    _register()
    if RULER_NAME in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(RULER_NAME, before="ner")
    else:
        nlp.add_pipe(RULER_NAME)
