"""One article in, one :class:`ArticleRecords` out.

The spaCy parse is the expensive part, so :func:`process_stream` feeds texts
through ``nlp.pipe`` in batches and runs the small extractors on each parsed
piece. Long articles are cut at paragraph breaks into pieces that spaCy
handles comfortably; offsets are shifted back so they always point into the
article text as given.
"""
from __future__ import annotations

import itertools
import time
from typing import Callable, Iterable, Iterator

from unfog import __version__
from unfog.extractors import control, dates, events, figures, places, statements
from unfog.extractors.context import Context
from unfog.nlp.language import detect_language
from unfog.model import Article, ArticleRecords

# (name, function, attribute on Context / ArticleRecords)
STAGES: list[tuple[str, Callable[[Context], list], str]] = [
    ("dates", dates.extract, "dates"),
    ("places", places.extract, "places"),
    ("statements", statements.extract, "statements"),
    ("figures", figures.extract, "figures"),
    ("events", events.extract, "events"),
    ("control", control.extract, "control"),
]

CHUNK_CHARS = 100_000  # a piece of a long article handed to spaCy at once
MAX_ARTICLE_CHARS = 20_000_000  # above this an article fails with that reason

OFFSET_FIELDS = ("start", "end", "speaker_start", "speaker_end", "content_start", "content_end")


def split_pieces(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) at paragraph or sentence breaks, each <= limit chars."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + limit, n)
        if end < n:
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, pos + limit // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        pieces.append((pos, text[pos:end]))
        pos = end
    return pieces


def shift(record, offset: int) -> None:
    """Move a record's offsets from piece coordinates to article coordinates."""
    if not offset:
        return
    for name in OFFSET_FIELDS:
        v = getattr(record, name, None)
        if isinstance(v, int):
            setattr(record, name, v + offset)
    for ev in getattr(record, "evidence", None) or []:
        if isinstance(ev, dict) and "start" in ev and ev.get("article_id", record_article(record)) == record_article(record):
            ev["start"] += offset
            ev["end"] += offset


def record_article(record) -> str | None:
    aid = getattr(record, "article_id", None)
    if aid is None:
        ids = getattr(record, "article_ids", None)
        aid = ids[0] if ids else None
    return aid


def run_stages(ctx: Context, timings: dict[str, float]) -> None:
    for name, fn, attr in STAGES:
        t = time.perf_counter()
        try:
            found = fn(ctx)
        except Exception as e:  # one extractor's bug must not sink the batch: say so on the article
            if ctx.options.get("strict"):
                raise
            found = []
            ctx.article.warnings.append(STAGE_FAILED.format(stage=name, error=f"{type(e).__name__}: {e}"[:300]))
        getattr(ctx, attr).extend(found)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t


STAGE_FAILED = "the {stage} extractor failed on this text ({error}); its records are missing"


def prepare(article: Article) -> bool:
    """Decide whether an article goes through the NLP; fills language and status."""
    article.unfog_version = __version__
    if article.status != "ok" or article.duplicate_of:
        return False
    if len(article.text) > MAX_ARTICLE_CHARS:
        article.status = "failed"
        article.error = f"article is {len(article.text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
        return False
    if not article.text.strip():
        article.status = "failed"
        article.error = "the article text is empty"
        return False
    if article.language is None:
        article.language = detect_language(article.text)
    if article.language not in ("en", None):
        article.warnings.append(
            f"text is in language '{article.language}', not English: no records were extracted"
        )
        return False
    return True


def process_stream(
    articles: Iterable[Article],
    nlp=None,
    batch_size: int = 32,
    options: dict | None = None,
) -> Iterator[ArticleRecords]:
    """Extract records from articles lazily, in input order, parsing in batches."""
    if nlp is None:
        from unfog.nlp import get_nlp

        nlp = get_nlp()
    options = options or {}

    def pieces() -> Iterator[tuple[str, tuple]]:
        for art in articles:
            if not prepare(art):
                yield "", (art, -1, 0, 1)
                continue
            parts = split_pieces(art.text)
            for i, (off, piece) in enumerate(parts):
                yield piece, (art, off, i, len(parts))

    def parsed() -> Iterator[tuple[object, tuple]]:
        stream = pieces()
        while True:
            chunk = list(itertools.islice(stream, batch_size))
            if not chunk:
                return
            todo = [(t, m) for t, m in chunk if m[1] >= 0]
            t0 = time.perf_counter()
            docs = iter(list(nlp.pipe([t for t, _ in todo], batch_size=batch_size)))
            spent = (time.perf_counter() - t0) / max(1, len(todo))
            for text, meta in chunk:
                doc = next(docs) if meta[1] >= 0 else None
                yield doc, meta, spent

    current: ArticleRecords | None = None
    for doc, (art, off, i, n), spent in parsed():
        if i == 0:
            current = ArticleRecords(article=art)
        assert current is not None
        if doc is not None:
            current.timings["spacy"] = current.timings.get("spacy", 0.0) + spent
            ctx = Context(article=art, doc=doc, offset=off, options=options)
            run_stages(ctx, current.timings)
            for _, _, attr in STAGES:
                recs = getattr(ctx, attr)
                for r in recs:
                    shift(r, off)
                getattr(current, attr).extend(recs)
        if i == n - 1:
            yield current
            current = None


def process(article: Article, nlp=None, options: dict | None = None) -> ArticleRecords:
    """Extract records from one article."""
    return next(process_stream([article], nlp=nlp, options=options))
