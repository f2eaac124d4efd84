"""Language data (lexicons) apart from code: JSON files in this folder, loaded once by name."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The data file ``name`` (e.g. "people", "numbers") of this folder, parsed once."""
    return json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))


def alternation(words) -> str:
    """A regex alternation of a lexicon's phrases, longest first (so "did not carry out" wins over "did not"), each
    escaped, the spaces inside a phrase matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def singular(word: str) -> str:
    """A plural noun's singular by its ending ('witnesses' -> 'witness', 'casualties' -> 'casualty')."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=2)
def toll_rise(counted: bool = False) -> str:
    """A regex fragment for a toll told as risen ("the toll had risen", "the number of dead climbed"),
    from ``categories.json`` (one copy for figures and fusion); with ``counted``, also the number of some
    people killed ("the number of militants killed had risen": ``counted_nouns``, fusion only), and the verb
    further from its noun."""
    data = load("categories")["toll_rise"]
    nouns = "|".join([re.escape(n).replace(r"\ ", r"\s+") for n in data["nouns"]]
                     + (data["counted_nouns"] if counted else []))
    verbs = "|".join(re.escape(v) for v in data["verbs"])
    # (fusion reads a toll's noun further from its verb: "the number of people killed in <a strike told in a long
    # clause> has risen to 165")
    reach = 160 if counted else 80
    return r"\b(?:" + nouns + r")\b[^.;:]{0," + str(reach) + r"}?\b(?:" + verbs + r")\b"


def toll_prior() -> str:
    """A regex fragment that ends right before the earlier value of a revised toll ("up from the previous
    toll of", "had earlier put the number at"), from ``categories.json`` (``toll_rise.prior_cues``)."""
    return r"(?:" + "|".join(load("categories")["toll_rise"]["prior_cues"]) + r")$"
