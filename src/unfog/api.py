"""The Python API; the CLI is a thin layer over these functions.

    >>> import unfog
    >>> batch = unfog.extract(["Russian shelling killed 12 civilians in Mariupol yesterday."],
    ...                       published="2022-03-10")
    >>> [f.value for f in batch.table("figures")]
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from unfog import fuse as fuse_mod
from unfog.ingest import article_from_text, iter_inputs, mark_duplicates
from unfog.model import Article, ArticleRecords, Batch
from unfog.store import Store, open_store  # noqa: F401  (re-exported)


def to_articles(items: Iterable, published=None, source=None) -> Iterator[Article]:
    """Accept Article objects, dicts shaped like batch lines, or plain strings."""
    from unfog.ingest import read_jsonl_line
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


def extract_stream(articles: Iterable[Article], workers: int = 1, batch_size: int = 32, nlp=None) -> Iterator[ArticleRecords]:
    """Records per article, lazily and in input order (no cross-article fusion)."""
    from unfog.engine import run_local

    yield from run_local(mark_duplicates(articles), workers=workers, batch_size=batch_size, nlp=nlp)


def extract_articles(articles: Iterable[Article], workers: int = 1, batch_size: int = 32, nlp=None, fuse: bool = True) -> Batch:
    """Extract and (by default) relate records across the batch."""
    results = list(extract_stream(articles, workers=workers, batch_size=batch_size, nlp=nlp))
    return fuse_mod.fuse(results) if fuse else Batch(results=results)


def extract(texts: Iterable, published=None, source=None, **kw) -> Batch:
    """Extract records from texts (strings, dicts like batch lines, or Articles)."""
    if isinstance(texts, (str, dict, Article)):
        texts = [texts]
    return extract_articles(to_articles(texts, published=published, source=source), **kw)


def extract_paths(paths: Iterable[str | os.PathLike], published=None, source=None, **kw) -> Batch:
    """Extract records from files, folders and JSONL batches."""
    return extract_articles(iter_inputs(paths, published=published, source=source), **kw)
