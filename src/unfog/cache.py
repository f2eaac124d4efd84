"""A built object kept as a pickle in the user's cache, keyed by everything it was built from.

Building the gazetteer (folding every name of every entry) takes seconds at each
start-up; unpickling the result takes a fraction of that. The key covers the input
files and the code that builds (size and modification time of each), the unfog and
Python versions, so a changed input or a changed builder is never served stale. A
cache that cannot be written (read-only home) only costs the time to build.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import platform
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
KEEP = 4  # versions of one cached object kept


def cache_dir() -> Path | None:
    """$UNFOG_CACHE (empty: no cache), else $XDG_CACHE_HOME/unfog, else ~/.cache/unfog."""
    if "UNFOG_CACHE" in os.environ:
        return Path(os.environ["UNFOG_CACHE"]) if os.environ["UNFOG_CACHE"] else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "unfog"


def cache_key(inputs: Iterable[Path]) -> str:
    from unfog import __version__

    h = hashlib.sha256(f"{__version__} {platform.python_version()}".encode())
    for p in sorted(str(p) for p in inputs):
        st = os.stat(p)
        h.update(f"\n{p} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def pickled(name: str, build: Callable[[], T], inputs: Iterable[Path]) -> T:
    """``build()``, or its pickle from an earlier run with the same inputs."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{cache_key(inputs)}.pickle"
    gc.disable()  # unpickling millions of small objects: the collector would only rescan them
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # none yet, or unreadable: build it
    finally:
        gc.enable()
    obj = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers never see half a file
        _prune(folder, name)
    except OSError:
        pass  # a read-only cache only costs the build
    return obj


def _prune(folder: Path, name: str) -> None:
    """Keep the KEEP most recent versions of ``name`` (several checkouts may share one cache)."""
    old = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for p in old:
        p.unlink(missing_ok=True)
