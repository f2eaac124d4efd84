"""Where user-added gazetteer layers live."""
from __future__ import annotations

import os
from pathlib import Path


def user_data_dir() -> Path:
    """Where added countries live: $UNFOG_DATA, else $XDG_DATA_HOME/unfog, else ~/.local/share/unfog."""
    if os.environ.get("UNFOG_DATA"):
        return Path(os.environ["UNFOG_DATA"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "unfog"


def gazetteer_dir() -> Path:
    return user_data_dir() / "gazetteer"
