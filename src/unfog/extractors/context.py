"""What an extractor sees: the article, its parsed text and earlier records."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def published(self) -> str | None:
        """Publication day YYYY-MM-DD, or None when the article has none."""
        return self.article.published_date

    def make_id(self, prefix: str, start: int, end: int, *extra: Any) -> str:
        """Stable id from the article and the article-level offsets of the evidence."""
        return stable_id(prefix, self.article.id, start + self.offset, end + self.offset, *extra)
