"""Denial cues (``denial.json``), loaded once: verbs that deny and words that call a claim false."""
from __future__ import annotations

import json
import re
from importlib import resources

_DATA = json.loads(resources.files("unfog.lexicons").joinpath("denial.json").read_text(encoding="utf-8"))

DENY_VERBS: frozenset[str] = frozenset(_DATA["deny_verbs"])
# "fake", "not true", "fabricated" ...: calling a claim false is denying it, whatever the cue verb.
DISMISSAL_RE = re.compile(r"\b(?:" + "|".join(_DATA["dismissal_words"]) + r")\b", re.I)
# "the claim that ...", "reports of ...": what follows is the claim a denial restates
CLAIM_NOUN_RE = re.compile(r"\b(?:" + "|".join(_DATA["claim_nouns"]) + r")\b(?:\s+(?:by|of|from)\s+[^,.;]{1,60}?)?"
                           r"\s+(?:that|of)\b", re.I)
