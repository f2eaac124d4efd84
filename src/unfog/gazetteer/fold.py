"""Name folding: one key for the many spellings of a place name.

Ukrainian places reach English text through several transliterations
(Zaporizhzhia, Zaporizhia, Zaporizhzhya), with or without apostrophes for the
soft sign (Mariupol'), hyphens or spaces, and accents from other languages.
:func:`fold` (the tree's one fold, :mod:`unfog.text`) removes what is only typography; :func:`name_key` also removes
transliteration noise. Real renamings and the Russian forms (Kharkov,
Lugansk, Artemivsk) are different words: they come from GeoNames' alternate
names, not from folding.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from unfog.text import fold

# Ordered rewrites applied to a folded name (transliteration noise only).
_KEY_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"zhzh"), "zh"),
    (re.compile(r"shch"), "sch"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"skoie\b|skoe\b"), "ske"),  # Russian -skoye, Ukrainian -ske
    (re.compile(r"([aeou])ie\b"), r"\1e"),  # Russian -oye/-aye endings: Veseloye = Veseloe
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Odessa/Odesa, Kyiv -> kiiv -> kiv
]


@functools.lru_cache(maxsize=1 << 18)
def name_key(text: str) -> str:
    """The lookup key: :func:`fold` plus tolerance for transliteration variants."""
    s = fold(text)
    for pat, rep in _KEY_RULES:
        s = pat.sub(rep, s)
    return s


def is_latin(text: str) -> bool:
    """True when every letter of text is in the Latin script."""
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True
