"""Language identification, offline (langid ships its own model), per article and per passage.

An article's language is the language most of its passages (sentences or
lines) are in, by their letters, so an English report that quotes a sentence
in Russian stays English; the quoted passages are noted on the article
(:func:`language_of`). English is told by its function words first (cheap);
langid is loaded only for text that does not look English.
"""
from __future__ import annotations

import functools
import itertools
import re

_WORD = re.compile(r"[^\W\d_]+")
ENGLISH_MIN_WORDS = 20
ENGLISH_MIN_SHARE = 0.3  # English news runs at 0.45-0.5 of spaCy's stop words; French, German, Spanish at < 0.05
_PASSAGE = re.compile(r"[^.!?\n\"“”«»„:;]+[.!?]*")  # sentences, lines, and quotations apart from their lead-in
PASSAGE_MIN_WORDS = 5
FOREIGN_MAX_SHARE = 0.1  # a passage with more English function words than this is not checked
FOREIGN_MIN_PROB = 0.9
MAX_PASSAGES = 2000


@functools.lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    ident.nb_classprobs = functools.partial(_sparse_classprobs, ident)
    return ident


def _sparse_classprobs(ident, fv):
    """langid's class scores over the features present only: the same numbers, ~50x faster.

    langid multiplies the full 7,480-feature count vector (mostly zeros) by its
    weight matrix; a news article uses a few hundred features. Profiling the
    pipeline showed langid's dense product at ~10 % of extraction time.
    """
    import numpy as np

    idx = np.flatnonzero(fv)
    return fv[idx] @ ident.nb_ptc[idx] + ident.nb_pc


def detect_language(text: str, sample: int = 4000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    s = text[:sample]
    letters = sum(ch.isalpha() for ch in s)
    if letters < 20:
        return None
    if _looks_english(s):
        return "en"  # langid's model takes seconds to load: a batch of English never needs it
    lang, prob = _identifier().classify(s)
    if lang != "en" and letters < SHORT_LETTERS and prob < SHORT_SURE:
        # a headline is too short for langid to be sure ("al Shabaab claims killing 20 Kenyan troops" reads as
        # Indonesian at 0.8): unsure is English, the language of this pipeline; a French or German headline
        # is told at 0.99 and more
        return "en"
    if prob < 0.5:
        return None
    return lang


SHORT_LETTERS = 160  # below this many letters a text is a headline or a caption
SHORT_SURE = 0.95  # langid's probability for another language that a headline must reach to be that language


def _looks_english(sample: str) -> bool:
    """Enough words, and a share of English function words that other languages do not reach."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(sample)
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    return sum(w.lower() in STOP_WORDS for w in words) >= ENGLISH_MIN_SHARE * len(words)


def _stop_share(words: list[str]) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS

    return sum(w.lower() in STOP_WORDS for w in words) / max(1, len(words))


def passages(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, language) of each sentence or line: 'en' by function words, else langid when sure, else None."""
    out = []
    for m in itertools.islice(_PASSAGE.finditer(text), MAX_PASSAGES):
        words = _WORD.findall(m.group())
        if len(words) < PASSAGE_MIN_WORDS:
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if _stop_share(words) > FOREIGN_MAX_SHARE:
            out.append((start, m.end(), "en"))
            continue
        lang, prob = _identifier().classify(m.group())
        out.append((start, m.end(), lang if prob >= FOREIGN_MIN_PROB else None))
    return out


def language_of(article) -> str | None:
    """The article's language (by most letters over its passages); foreign passages of an English
    article are noted in its warnings with their offsets. Sets nothing else."""
    text = article.text
    parts = passages(text)
    weight: dict[str, int] = {}
    for start, end, lang in parts:
        if lang:
            weight[lang] = weight.get(lang, 0) + (end - start)
    main = max(weight, key=weight.get) if weight else detect_language(text)
    if _looks_english(text[:4000]) and weight.get("en", 0) * 2 >= sum(weight.values()):
        main = "en"
    foreign = [(s, e, lang) for s, e, lang in parts if lang and lang != main and lang != "en"]
    if main == "en" and foreign:
        shown = ", ".join(f"{lang} at {s}-{e}" for s, e, lang in foreign[:10])
        more = f" and {len(foreign) - 10} more" if len(foreign) > 10 else ""
        article.warnings.append(f"{len(foreign)} passage(s) not in English ({shown}{more}): read as quoted text; "
                                "records from them may be missing")
    return main
