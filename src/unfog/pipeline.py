"""One article in, one :class:`ArticleRecords` out.

The spaCy parse is the expensive part, so :func:`process_stream` feeds texts
through ``nlp.pipe`` in batches and runs the small extractors on each parsed
piece. Long articles are cut at paragraph breaks into pieces that spaCy
handles comfortably; offsets are shifted back so they always point into the
article text as given.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from unfog import __version__
from unfog.extractors import control, dates, events, figures, places, statements
from unfog.extractors.context import Context
from unfog.nlp.language import language_of
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

CHUNK_CHARS = 20_000  # a long article is cut into pieces of at most this many characters
BATCH_CHARS = 100_000  # characters handed to spaCy at once (a batch ends at batch_size texts or this)
MAX_ARTICLE_CHARS = 3_000_000  # above this an article fails at once with that reason (about 500,000 words)
ARTICLE_SECONDS = 600.0  # an article still being read after this long fails with that reason (0: no limit)

OFFSET_FIELDS = ("start", "end", "speaker_start", "speaker_end", "content_start", "content_end")


def iter_pieces(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) at paragraph, line, sentence or word breaks, each <= limit chars, lazily."""
    if len(text) <= limit:
        yield 0, text
        return
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + limit, n)
        if end < n:
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, pos + limit // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        yield pos, text[pos:end]
        pos = end


def split_pieces(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) at paragraph or sentence breaks, each <= limit chars."""
    return list(iter_pieces(text, limit))


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


STRICT_ENV = "UNFOG_STRICT"


def strict_mode(options: dict) -> bool:
    """Re-raise an extractor's error instead of recording it: ``options["strict"]``, else $UNFOG_STRICT.

    The test suite sets UNFOG_STRICT=1 (tests/conftest.py), so a bug in an
    extractor fails the tests instead of becoming a warning on the article.
    """
    if "strict" in options:
        return bool(options["strict"])
    return os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


def run_stages(ctx: Context, timings: dict[str, float], only: Iterable[str] | None = None) -> None:
    """Run the stages (or those named in ``only``) over ctx, adding their records to it.

    The one guard of the extractors: a stage that raises is recorded on the
    article (its records are missing, the batch goes on), or re-raised in
    strict mode (:func:`strict_mode`).
    """
    wanted = None if only is None else set(only)
    for name, fn, attr in STAGES:
        if wanted is not None and name not in wanted:
            continue
        t = time.perf_counter()
        try:
            found = fn(ctx)
        except MemoryError:
            raise  # the article fails as a whole (see _extract_piece)
        except Exception as e:  # one extractor's bug must not sink the batch: say so on the article
            if strict_mode(ctx.options):
                raise
            found = []
            ctx.article.warnings.append(STAGE_FAILED.format(stage=name, error=f"{type(e).__name__}: {e}"[:300]))
        getattr(ctx, attr).extend(found)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t


STAGE_FAILED = "the {stage} extractor failed on this text ({error}); its records are missing"


def prepare(article: Article, max_chars: int | None = None) -> bool:
    """Decide whether an article goes through the NLP; fills language and status."""
    article.unfog_version = __version__
    if article.status != "ok" or article.duplicate_of:
        return False
    limit = MAX_ARTICLE_CHARS if max_chars is None else max_chars
    if len(article.text) > limit:
        return fail(article, f"article is {len(article.text):,} characters; the limit is {limit:,}")
    if not article.text.strip():
        return fail(article, "the article text is empty")
    if article.language is None:
        article.language = language_of(article)
    if article.language not in ("en", None):
        article.warnings.append(
            f"text is in language '{article.language}', not English: no records were extracted"
        )
        return False
    return True


def fail(article: Article, reason: str) -> bool:
    """Mark the article failed with its reason (its records are dropped); False."""
    article.status = "failed"
    article.error = reason
    return False


@dataclass
class Piece:
    """A piece of an article on its way through spaCy (offset -1: the article skips the NLP)."""

    article: Article
    offset: int
    text: str
    first: bool
    last: bool


def _pieces(articles: Iterable[Article], options: dict) -> Iterator[Piece]:
    """Articles as pieces, lazily: a failed article's remaining pieces are never cut."""
    limit = options.get("piece_chars") or CHUNK_CHARS
    for art in articles:
        if not prepare(art, options.get("max_article_chars")):
            yield Piece(art, -1, "", True, True)
            continue
        prev: Piece | None = None
        for off, text in iter_pieces(art.text, limit):
            if prev is not None:
                if art.status == "failed":
                    break  # over its budget: the rest is not read
                yield prev
            prev = Piece(art, off, text, prev is None, False)
        assert prev is not None
        prev.last = True
        yield prev


def _batches(pieces: Iterator[Piece], batch_size: int, batch_chars: int) -> Iterator[list[Piece]]:
    """Pieces in batches of at most ``batch_size`` texts and about ``batch_chars`` characters."""
    batch: list[Piece] = []
    chars = 0
    for p in pieces:
        batch.append(p)
        chars += len(p.text)
        if len(batch) >= batch_size or chars >= batch_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse(nlp, batch: list[Piece], strict: bool) -> list:
    """A Doc per piece (None for pieces that skip the NLP or whose article ran out of memory)."""
    wanted = [p.offset >= 0 and p.article.status == "ok" for p in batch]
    todo = [p for p, w in zip(batch, wanted) if w]
    try:
        docs = iter(list(nlp.pipe([p.text for p in todo], batch_size=max(1, len(todo)))))
    except MemoryError:
        if strict:
            raise
        docs = iter([_parse_alone(nlp, p) for p in todo])  # only the piece that does not fit fails
    return [next(docs) if w else None for w in wanted]


def _parse_alone(nlp, p: Piece):
    try:
        return nlp(p.text)
    except MemoryError:
        fail(p.article, f"ran out of memory parsing characters {p.offset:,}-{p.offset + len(p.text):,} "
                        f"of {len(p.article.text):,}")
        return None


def process_stream(
    articles: Iterable[Article],
    nlp=None,
    batch_size: int = 32,
    options: dict | None = None,
) -> Iterator[ArticleRecords]:
    """Extract records from articles lazily, in input order, parsing in batches.

    Memory is bounded by the characters in flight (``batch_chars``, pieces of
    ``piece_chars``), not by the length of an article. Options: ``strict``
    (re-raise a failing stage), ``max_article_chars``, ``article_seconds`` (an
    article still being read after this long fails with that reason; 0: no
    limit), ``piece_chars``, ``batch_chars``.
    """
    if nlp is None:
        from unfog.nlp import get_nlp

        nlp = get_nlp()
    options = options or {}
    budget = options.get("article_seconds", ARTICLE_SECONDS)
    strict = bool(options.get("strict"))
    current: ArticleRecords | None = None
    started = 0.0
    batches = _batches(_pieces(articles, options), batch_size, options.get("batch_chars") or BATCH_CHARS)
    for batch in batches:
        t0 = time.perf_counter()
        docs = _parse(nlp, batch, strict)
        spent = (time.perf_counter() - t0) / max(1, sum(d is not None for d in docs))
        for p, doc in zip(batch, docs):
            if p.first:
                current, started = ArticleRecords(article=p.article), t0
            assert current is not None
            if doc is not None:
                current.timings["spacy"] = current.timings.get("spacy", 0.0) + spent
                _extract_piece(current, doc, p, options)
            if p.article.status == "failed":
                current = ArticleRecords(article=p.article, timings=current.timings)  # no partial records
            elif budget and not p.last and time.perf_counter() - started > budget:
                end = p.offset + len(p.text)
                fail(p.article, f"stopped after {budget:g} s (the time budget per article) having read "
                                f"{end:,} of {len(p.article.text):,} characters")
            if p.last:
                yield current
                current = None


def _extract_piece(current: ArticleRecords, doc, p: Piece, options: dict) -> None:
    """Run the stages on one parsed piece; its records join the article's, in article offsets."""
    ctx = Context(article=p.article, doc=doc, offset=p.offset, options=options)
    try:
        run_stages(ctx, current.timings)
    except MemoryError:
        if options.get("strict"):
            raise
        fail(p.article, f"ran out of memory extracting from characters {p.offset:,}-{p.offset + len(p.text):,}")
        return
    for _, _, attr in STAGES:
        recs = getattr(ctx, attr)
        for r in recs:
            shift(r, p.offset)
        getattr(current, attr).extend(recs)


def process(article: Article, nlp=None, options: dict | None = None) -> ArticleRecords:
    """Extract records from one article."""
    return next(process_stream([article], nlp=nlp, options=options))
