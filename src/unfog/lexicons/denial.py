"""Denial cues (``denial.json``), loaded once: verbs that deny and words that call a claim false."""
from __future__ import annotations

import json
import re
from importlib import resources

_DATA = json.loads(resources.files("unfog.lexicons").joinpath("denial.json").read_text(encoding="utf-8"))

DENY_VERBS: frozenset[str] = frozenset(_DATA["deny_verbs"])
# "fake", "not true", "fabricated" ...: calling a claim false is denying it, whatever the cue verb.
CLAIM_NOUNS_LIST: tuple[str, ...] = tuple(_DATA["claim_nouns"])
DISMISSAL_WORDS: tuple[str, ...] = tuple(_DATA["dismissal_words"])
DISMISSAL_RE = re.compile(r"\b(?:" + "|".join(_DATA["dismissal_words"]) + r")\b", re.I)
# "the claim that ...", "reports of ...": what follows is the claim a denial restates
CLAIM_NOUN_RE = re.compile(r"\b(?:" + "|".join(_DATA["claim_nouns"]) + r")\b(?:\s+(?:by|of|from)\s+[^,.;]{1,60}?)?"
                           r"\s+(?:that|of)\b", re.I)

_OWNED = "|".join(_DATA["claim_nouns"] + _DATA["owned_claim_nouns"])
# "the rebels' claim", "the army's statement", "the Islamic State claim", "the claim of the rebels", "Moscow's claim"
_OWNER_BEFORE_RE = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w-]*\s+){0,3}?[A-Za-z][\w-]*?)(?:'s|s'|’s|')?\s+(?:" + _OWNED + r")\b")
_OWNER_AFTER_RE = re.compile(r"\b(?:" + _OWNED + r")\s+(?:by|of|from)\s+(?:the\s+)?((?:[A-Z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)")


_NOT_OWNERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such", "any",
               "false", "new", "earlier", "latest", "initial", "official", "same", "other", "these"}


def denied_owner(text: str) -> str | None:
    """Whose words a denial names as what it denies: "rejected the rebels' claim that..." -> "rebels", "called
    the army's statement untrue" -> "army", "the claim of the militants" -> "militants"; None when it names no one."""
    for rx in (_OWNER_BEFORE_RE, _OWNER_AFTER_RE):
        for m in rx.finditer(text or ""):
            owner = m.group(1).strip()
            if owner.lower() not in _NOT_OWNERS and not DISMISSAL_RE.fullmatch(owner):  # ("untrue reports that")
                return owner
    return None

