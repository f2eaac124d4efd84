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
