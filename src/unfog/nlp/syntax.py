"""Small helpers over a spaCy parse, shared by the extractors and their query layer."""
from __future__ import annotations

import bisect

VERBAL = ("VERB", "AUX")


def token_at(doc, starts: list[int], char: int):
    """The token that holds character ``char``; ``starts`` are the tokens' ``idx`` in order."""
    if doc is None or not starts:
        return None
    i = bisect.bisect_right(starts, char) - 1
    return doc[i] if i >= 0 else None


def governing_verb(tok):
    """The verb a token hangs on: the first verb up its chain of heads (None above the root)."""
    seen = 0
    while tok is not None and seen < 12:
        if tok.pos_ in VERBAL and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head.i == tok.i:  # spaCy makes a new Token object per access: compare indices
            return None
        tok = tok.head
        seen += 1
    return None
