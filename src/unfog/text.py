"""Folding text for comparison: one copy for the whole tree.

:func:`fold` is the lookup key for names (places, actors, speakers, qualifiers):
lower case, no accents, no apostrophes, dashes and other punctuation as
spaces, single spaces. :func:`fold_case` is the lighter comparison that keeps
punctuation (what a user typed as a filter, a known actor's alias with its
"'s"). The gazetteer adds transliteration tolerance on top of :func:`fold`
(:func:`unfog.gazetteer.fold.name_key`).
"""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘ʼʹ`´′ˈ"
_DASHES = "-‐‑‒–—_/"
_NON_WORD = re.compile(r"[^\w ]+")
_SPACES = re.compile(r"\s+")
# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = {"ß": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i",
            "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}
_TABLE = {**{ord(c): None for c in _APOSTROPHES}, **{ord(c): " " for c in _DASHES},
          **{ord(k): v for k, v in _LETTERS.items()}}
_STRAIGHT = str.maketrans({c: "'" for c in "’‘`ʼ"})


def strip_accents(text: str) -> str:
    """Text without combining marks ("Zaporizhzhia", "Antonio" from their accented forms)."""
    if text.isascii():
        return text
    s = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def fold(text: str | None) -> str:
    """Lower case, no accents, no apostrophes, dashes and punctuation as spaces, single spaces."""
    if not text:
        return ""
    s = strip_accents(text.translate(_TABLE)).casefold()
    s = _NON_WORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def fold_case(text: str | None) -> str:
    """Lower case, no accents, straight apostrophes, single spaces; other punctuation kept."""
    if not text:
        return ""
    s = strip_accents(text.translate(_STRAIGHT))
    return _SPACES.sub(" ", s).strip().casefold()


def fold_phrase(text: str | None) -> str:
    """:func:`fold_case` without the punctuation around a phrase: the key of a name as cited ("the UN," -> "the un")."""
    return fold_case(text).strip(".,;:!?\"“”()[]").strip()


_NEIGHBOUR = re.compile(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$", re.I)


def names_a_neighbour(text: str, pos: int) -> bool:
    """True when the name at ``pos`` follows "the border with" ("a village near the border with
    Cameroon"): the neighbour names no location of what happened."""
    return bool(_NEIGHBOUR.search(text[max(0, pos - 30):pos]))


def headline_end(text: str, start: int = 0) -> int:
    """Where a report's headline ends: its first line from ``start`` (past a line that only dates the report,
    :func:`unfog.nlp.timeexpr.date_line_end`), when that line is no sentence (no closing stop), is short and more
    text follows it; else 0 (the text starts with its body)."""
    nl = text.find("\n", start)
    first = text[start:nl].strip() if nl > 0 else ""
    return nl if first and len(first) <= 200 and first[-1] not in ".!?\"'”" and text[nl:].strip() else 0
