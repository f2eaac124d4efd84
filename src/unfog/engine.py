"""Runs the pipeline over a batch: in this process, or on Ray (see the scale issue)."""
from __future__ import annotations

from typing import Iterable, Iterator

from unfog.model import Article, ArticleRecords
from unfog.pipeline import process_stream


def run_local(articles: Iterable[Article], workers: int = 1, batch_size: int = 32, nlp=None) -> Iterator[ArticleRecords]:
    """Records per article in input order. ``workers`` > 1 is added by the scale issue."""
    yield from process_stream(articles, nlp=nlp, batch_size=batch_size)
