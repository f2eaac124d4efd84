"""Language identification, offline (langid ships its own model)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    return LanguageIdentifier.from_modelstring(model, norm_probs=True)


def detect_language(text: str, sample: int = 4000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    s = text[:sample]
    letters = sum(ch.isalpha() for ch in s)
    if letters < 20:
        return None
    lang, prob = _identifier().classify(s)
    if prob < 0.5:
        return None
    return lang
