"""What an extractor sees: the article, its parsed text, earlier records and a query layer.

Extractors do not import each other. A later stage asks the Context about the
records of earlier ones (``ctx.date_near``, ``ctx.place_near``,
``ctx.statement_at``) and about the text's structure (``ctx.sentences``,
``ctx.paragraphs``, ``ctx.same_paragraph``); see :mod:`unfog.extractors.query`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from unfog.extractors import query
from unfog.model import Article, ControlClaim, DateMention, Event, Figure, Place, Statement, stable_id


@dataclass
class Context:
    article: Article
    doc: Any  # spacy.tokens.Doc over one piece of the article text
    offset: int = 0  # where doc.text starts in article.text
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control: list[ControlClaim] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @functools.cached_property
    def text(self) -> str:
        # doc.text joins every token: computed once, not on each use (it was quadratic in a piece)
        return self.doc.text

    @property
    def published(self) -> str | None:
        """Publication day YYYY-MM-DD, or None when the article has none."""
        return self.article.published_date

    def make_id(self, prefix: str, start: int, end: int, *extra: Any) -> str:
        """Stable id from the article and the article-level offsets of the evidence."""
        return stable_id(prefix, self.article.id, start + self.offset, end + self.offset, *extra)

    # -- text structure (computed once per piece) ------------------------------------------

    @property
    def sentences(self) -> list:
        """spaCy's sentences (Spans), cut again at paragraph breaks."""
        if "sentences" not in self._cache or self._cache.get("sentences_doc") is not self.doc:
            self._cache["sentences"] = query.sentence_spans(self.doc)
            self._cache["sentences_doc"] = self.doc
        return self._cache["sentences"]

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each non-empty paragraph of the text."""
        if "paragraphs" not in self._cache or self._cache.get("paragraphs_doc") is not self.doc:
            self._cache["paragraphs"] = query.paragraphs(self.text)
            self._cache["paragraphs_doc"] = self.doc
        return self._cache["paragraphs"]

    def same_paragraph(self, a: int, b: int) -> bool:
        """True when offsets a and b lie in one paragraph."""
        return query.same_paragraph(self.text, a, b)

    # -- earlier stages' records -----------------------------------------------------------

    def date_near(self, start: int, end: int | None = None) -> DateMention | None:
        """The resolved date of the clause around [start, end) (see :func:`query.date_near`)."""
        index = self._cache.get("date_index")
        if index is None or not index.fresh_for(self):
            index = self._cache["date_index"] = query.DateIndex(self)
        return query.date_near(self, start, start if end is None else end, index)

    def place_near(self, start: int, end: int | None = None) -> Place | None:
        """The most specific place of the sentence around [start, end) (see :func:`query.place_near`)."""
        return query.place_near(self, start, start if end is None else end)

    def report_country(self) -> str | None:
        """The country the report is about (alpha-3): most of its places, else its first country word."""
        if "report_country" not in self._cache:
            self._cache["report_country"] = query.report_country(self)
        return self._cache["report_country"]

    def statement_at(self, start: int, end: int | None = None) -> Statement | None:
        """The statement whose content holds [start, end), the tightest first."""
        return query.statement_at(self.statements, start, start if end is None else end)
