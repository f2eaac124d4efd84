"""Language data (lexicons) apart from code: JSON files in this folder, loaded once by name."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The data file ``name`` (e.g. "people", "numbers") of this folder, parsed once."""
    return json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))


def singular(word: str) -> str:
    """A plural noun's singular by its ending ('witnesses' -> 'witness', 'casualties' -> 'casualty')."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
