"""The Python API; the CLI is a thin layer over these functions.

    >>> import unfog
    >>> batch = unfog.extract(["Russian shelling killed 12 civilians in Mariupol yesterday."],
    ...                       published="2022-03-10")
    >>> [f.value for f in batch.table("figures")]
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from unfog import workflows
from unfog.fusion import fuse as fuse_mod
from unfog.io.ingest import article_from_text, iter_inputs
from unfog.model import Article, Batch
from unfog.workflows import extract_stream  # noqa: F401  (re-exported)


def __getattr__(name: str):
    """``Store`` and ``open_store`` are re-exported, imported on first use (the store loads DuckDB and Arrow)."""
    if name in ("Store", "open_store"):
        from unfog import store

        return getattr(store, name)
    raise AttributeError(f"module 'unfog.api' has no attribute {name!r}")


def to_articles(items: Iterable, published=None, source=None) -> Iterator[Article]:
    """Accept Article objects, dicts shaped like batch lines, or plain strings."""
    from unfog.io.ingest import read_jsonl_line
    import json
    from pathlib import Path

    for i, item in enumerate(items, 1):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, str):
            yield article_from_text(item, published=published, source=source, input_ref=f"<text {i}>")
        elif isinstance(item, dict):
            line = json.dumps({"published": published, "source": source, **item})
            yield read_jsonl_line(line, i, "<api>", Path.cwd(), {})
        else:
            raise TypeError(f"cannot make an article from {type(item).__name__}")


def extract_articles(articles: Iterable[Article], workers: int = 1, batch_size: int = 32, nlp=None, fuse: bool = True,
                     engine: str = "local", address: str | None = None, options: dict | None = None) -> Batch:
    """Extract and (by default) relate records across the batch.

    Holds the whole batch in memory (fusion needs it); for large batches use
    :func:`unfog.io.parquet.extract_to_folder`, which streams to Parquet.
    """
    results = list(extract_stream(articles, workers=workers, batch_size=batch_size, nlp=nlp, engine=engine, address=address,
                                  options=options))
    return fuse_mod.fuse(results) if fuse else Batch(results=results)


def extract(texts: Iterable, published=None, source=None, **kw) -> Batch:
    """Extract records from texts (strings, dicts like batch lines, or Articles)."""
    if isinstance(texts, (str, dict, Article)):
        texts = [texts]
    return extract_articles(to_articles(texts, published=published, source=source), **kw)


def extract_paths(paths: Iterable[str | os.PathLike], published=None, source=None, **kw) -> Batch:
    """Extract records from files, folders and JSONL batches."""
    return extract_articles(iter_inputs(paths, published=published, source=source), **kw)


# -- the store: ingest, export, reprocess (the jobs live in unfog.workflows) ----------------

def ingest_paths(paths: Iterable[str | os.PathLike], db: str | os.PathLike | None = None, published=None, source=None, **kw) -> dict:
    """Extract files, folders and JSONL batches into a DuckDB store; re-running adds nothing.

    Returns a summary: ``added`` rows per table, ``seen``, ``skipped``, ``failed``, ``failures``.
    """
    return workflows.ingest_paths(paths, db=None if db is None else str(db), published=published, source=source, **kw)


def ingest_texts(items: Iterable, db: str | os.PathLike | None = None, published=None, source=None, **kw) -> dict:
    """Like :func:`ingest_paths` for texts, dicts shaped like batch lines, or Articles."""
    if isinstance(items, (str, dict, Article)):
        items = [items]
    return workflows.ingest_articles(to_articles(items, published=published, source=source), None if db is None else str(db), **kw)


def export_table(what: str, fmt: str = "json", out: str | os.PathLike = "-", db: str | os.PathLike | None = None) -> int:
    """Write a stored table (articles, statements, figures, places, dates, events, relations) to a file or '-'.

    Formats: json, csv, parquet, geojson, and acled (events only). Returns the number of rows written.
    """
    from unfog.io import export

    return export.export_table(what, fmt, str(out), db=None if db is None else str(db))


def reprocess(db: str | os.PathLike | None = None, everything: bool = False, **kw) -> dict:
    """Extract stored articles again after an upgrade (those of another unfog version, or all)."""
    return workflows.reprocess(None if db is None else str(db), everything=everything, **kw)
