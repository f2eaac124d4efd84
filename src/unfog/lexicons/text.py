"""Text helpers shared by the lexicons: one fold."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'António  Guterres' -> 'antonio guterres'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:!?\"“”()[]").strip()
    return text.casefold()
