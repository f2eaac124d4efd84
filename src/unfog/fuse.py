"""Across articles: relations between figures and statements, merged events.

First version: no relations yet (see the cross-source issue).
"""
from __future__ import annotations

from unfog.model import ArticleRecords, Batch, Relation


def fuse(results: list[ArticleRecords]) -> Batch:
    """Relate the records of a batch; returns the Batch with relations (and merged events)."""
    return Batch(results=list(results), relations=relate(results))


def relate(results: list[ArticleRecords]) -> list[Relation]:
    return []
