"""Jobs that combine extraction and the store: ingest, demo.

Kept apart from :mod:`unfog.api` so the API stays a set of pure functions over
records, and input/output (files, the store) sits at the edges.
"""
from __future__ import annotations

import itertools
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from unfog.fusion import fuse
from unfog.io.ingest import iter_inputs, mark_duplicates
from unfog.model import RECORD_TYPES, Article, ArticleRecords

if TYPE_CHECKING:  # the store (DuckDB, Arrow) is imported by the jobs that use it: `unfog extract` never does
    from unfog.store import Store


def extract_stream(articles: Iterable[Article], workers: int = 1, batch_size: int = 32, nlp=None,
                   engine: str = "local", address: str | None = None, options: dict | None = None) -> Iterator[ArticleRecords]:
    """Records per article, lazily and in input order (no cross-article fusion).

    ``options`` go to :func:`unfog.pipeline.process_stream` (limits per article, strict mode).
    """
    from unfog.engine import run

    yield from run(mark_duplicates(articles), engine=engine, workers=workers, batch_size=batch_size, nlp=nlp, address=address,
                   options=options)


def _new_articles(articles: Iterable[Article], store: Store, summary: dict, on_article) -> Iterator[Article]:
    """The articles the store does not hold yet; the others are counted and noted as inputs."""
    for art in articles:
        summary["seen"] += 1
        state = store.article_state(art.id)
        if state is None:
            yield art
            continue
        status, art.unfog_version = state
        summary["skipped"] += 1
        if status == "failed":
            summary["failed"] += 1
            if len(summary["failures"]) < MAX_LISTED_FAILURES:
                summary["failures"].append((art.input_ref or art.id, art.error or "failed when first ingested"))
        store.note_input(art)
        if on_article:
            on_article(art)


def write_chunk(store: Store, results: list[ArticleRecords], replace: bool = False) -> dict[str, int]:
    """Relate a chunk of new records to the store (incrementally) and write them with their relations.

    The relation keys and the removal of the relations being replaced are written
    first; if the process stops before the records are written, running again
    relates the same groups again, so the store ends up the same.
    """
    from unfog.store import relating

    rel = relating.relate_chunk(results, store)
    relating.write_keys(store, sorted({r.article.id for r in results}), rel.figure_keys, rel.statement_keys,
                        rel.replaced_groups, rel.dropped_relations, keyed=rel.keyed_articles)
    added = store.write(results, rel.relations, replace=replace)
    relating.remember(store, results, rel)
    return added


def _note_failures(results: list[ArticleRecords], summary: dict) -> None:
    for r in results:
        a = r.article
        if a.status == "failed":
            summary["failed"] += 1
            if len(summary["failures"]) < MAX_LISTED_FAILURES:
                summary["failures"].append((a.input_ref or a.id, a.error or "failed"))


MAX_LISTED_FAILURES = 50


def ingest_articles(
    articles: Iterable[Article],
    db: str | None = None,
    workers: int = 1,
    chunk: int = 50,
    batch_size: int = 32,
    on_article: Callable[[Article], None] | None = None,
    on_commit: Callable[[dict], None] | None = None,
) -> dict:
    """Extract and store articles, committing one transaction per ``chunk`` articles.

    Articles already stored (same content id) are skipped, so an interrupted
    run can simply be run again, and running twice changes nothing. Returns a
    summary: rows ``added`` per table, articles ``seen``, ``skipped`` (already
    stored) and ``failed``, and the first ``failures`` as (input, reason).
    """
    from unfog.store import Store, default_path

    summary: dict = {"seen": 0, "skipped": 0, "failed": 0, "stored": 0, "failures": [], "db": db or default_path()}
    added = {name: 0 for name in RECORD_TYPES}
    with Store(db) as store:
        fresh = _new_articles(mark_duplicates(articles), store, summary, on_article)
        stream = extract_stream(fresh, workers=workers, batch_size=batch_size)
        while True:
            results = list(itertools.islice(stream, chunk))
            if not results:
                break
            _store_chunk(store, results, [r.article for r in results], summary, added, on_article, on_commit)
    summary["added"] = added
    return summary


def _store_chunk(store: Store, results: list[ArticleRecords], seen: list[Article], summary: dict, added: dict,
                 on_article: Callable[[Article], None] | None, on_commit: Callable[[dict], None] | None) -> None:
    """Write one chunk, count it in the summary, then tell the callers (every ``seen`` article, the commit)."""
    for k, v in write_chunk(store, results).items():
        added[k] = added.get(k, 0) + v
    summary["stored"] += len(results)
    _note_failures(results, summary)
    for a in seen:
        if on_article:
            on_article(a)
    if on_commit:
        on_commit(summary)


def ingest_paths(inputs, db: str | None = None, published=None, source=None, **kw) -> dict:
    """Ingest files, folders and JSONL batches (see :func:`ingest_articles`), or a Parquet folder."""
    from unfog.io import parquet as parquet_io

    inputs = list(inputs)
    if len(inputs) == 1 and parquet_io.is_layout(inputs[0]):  # written by `unfog extract --out DIR`
        return ingest_parquet_folder(inputs[0], db, chunk=kw.get("chunk", 50), on_article=kw.get("on_article"),
                                     on_commit=kw.get("on_commit"))
    return ingest_articles(iter_inputs(inputs, published=published, source=source), db, **kw)


def ingest_parquet_folder(folder, db: str | None = None, chunk: int = 50, on_article=None, on_commit=None) -> dict:
    """Store records already extracted to a Parquet folder (no NLP); same summary as :func:`ingest_articles`."""
    from unfog.io import parquet as parquet_io

    from unfog.store import Store, default_path

    summary: dict = {"seen": 0, "skipped": 0, "failed": 0, "stored": 0, "failures": [], "db": db or default_path()}
    added = {name: 0 for name in RECORD_TYPES}
    with Store(db) as store:
        for part in parquet_io.iter_parts(folder):
            for i in range(0, len(part), chunk):
                results = []
                for r in part[i:i + chunk]:
                    summary["seen"] += 1
                    if not store.has_article(r.article.id):
                        results.append(r)
                        continue
                    summary["skipped"] += 1
                    store.note_input(r.article)
                _store_chunk(store, results, [r.article for r in part[i:i + chunk]], summary, added, on_article, on_commit)
        # relations come from relating each chunk to the store (the folder's own are the same set)
    summary["added"] = added
    return summary


def reprocess(
    db: str | None = None,
    everything: bool = False,
    chunk: int = 50,
    batch_size: int = 32,
    on_article: Callable[[Article], None] | None = None,
) -> dict:
    """Extract stored articles again (after an upgrade), replacing their records.

    Picks the articles stored by another unfog version (or all with
    ``everything``); each chunk of articles is replaced in one transaction,
    so an interrupted reprocess leaves every article either old or new.
    """
    from unfog import __version__

    from unfog.store import Store, default_path

    summary: dict = {"seen": 0, "failed": 0, "failures": [], "db": db or default_path()}
    with Store(db) as store:
        ids = store.outdated_article_ids(__version__, everything=everything)
        summary["total"] = len(ids)
        for i in range(0, len(ids), chunk):
            part = ids[i:i + chunk]
            articles = [_fresh_copy(a) for a in store.articles_by_id(part)]
            results = list(extract_stream(articles, batch_size=batch_size))
            write_chunk(store, results, replace=True)
            store.note_version([r.article.id for r in results], __version__)
            summary["seen"] += len(results)
            _note_failures(results, summary)
            for r in results:
                if on_article:
                    on_article(r.article)
    return summary


def _fresh_copy(article: Article) -> Article:
    """A stored article made ready to go through the pipeline again."""
    if article.status == "failed" and article.text.strip():
        article.status, article.error = "ok", None  # e.g. a limit that was raised
    article.language = None
    article.warnings = [w for w in (article.warnings or []) if w.startswith(READ_WARNING_PREFIXES)]
    return article


# Warnings made when the input was read (kept on reprocess); the pipeline's own are made again.
READ_WARNING_PREFIXES = ("publication date", "same text as article")


def sample_corpus_path() -> str:
    return str(resources.files("unfog.samples") / "mariupol.jsonl")


def run_demo(db: str, console) -> dict:
    """Ingest the bundled sample corpus and print what was found."""
    from rich.table import Table

    from unfog.store import Store

    path = sample_corpus_path()
    console.print(f"[bold]unfog demo[/bold]: extracting the bundled sample corpus ({path})")
    console.print("[dim]The samples are invented illustrative articles, not real reporting.[/dim]")
    summary = ingest_paths([path], db=db)
    with Store(db, read_only=False) as store:
        counts = store.counts()
        table = Table(title="What unfog found")
        table.add_column("records")
        table.add_column("in store", justify="right")
        for k in ("articles", "statements", "figures", "places", "dates", "events", "relations"):
            table.add_row(k, str(counts[k]))
        console.print(table)
        figs = store.rows("figures", order="article_id, start", limit=8)
        if figs:
            t = Table(title="Some figures (who claims what)")
            for c in ("figure", "category", "claimant", "side"):
                t.add_column(c)
            for f in figs:
                t.add_row(f["text"], f["category"], f["claimant"] or "", f["claimant_side"] or "")
            console.print(t)
    import os

    console.print(f"{counts['articles']} articles, {counts['statements']} statements, {counts['figures']} figures, "
                  f"{counts['places']} places, {counts['events']} events; {summary['failed']} failed")
    console.print(f"Results are stored in [bold]{os.path.abspath(db)}[/bold]; "
                  f"try: unfog export --db {db} --what figures --format csv -", soft_wrap=True)
    return {**summary, "counts": counts}
