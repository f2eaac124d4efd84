"""Jobs that combine extraction and the store: ingest, demo.

Kept apart from :mod:`unfog.api` so the API stays a set of pure functions over
records, and input/output (files, the store) sits at the edges.
"""
from __future__ import annotations

import itertools
from importlib import resources
from typing import Callable, Iterable

from unfog import fuse
from unfog.api import extract_stream
from unfog.ingest import iter_inputs
from unfog.model import Article
from unfog.store import Store


def _new_articles(articles: Iterable[Article], store: Store, counter: dict) -> Iterable[Article]:
    for art in articles:
        counter["seen"] += 1
        if art.status == "ok" and store.has_article(art.id):
            counter["skipped"] += 1
            continue
        yield art


def ingest_articles(
    articles: Iterable[Article],
    db: str,
    workers: int = 1,
    chunk: int = 50,
    on_article: Callable[[Article], None] | None = None,
) -> dict:
    """Extract and store articles in transactions of ``chunk`` articles.

    Articles already stored (same content id) are skipped, so an interrupted
    run can simply be run again.
    """
    counter = {"seen": 0, "skipped": 0, "failed": 0}
    added: dict[str, int] = {}
    with Store(db) as store:
        stream = extract_stream(_new_articles(articles, store, counter), workers=workers)
        while True:
            results = list(itertools.islice(stream, chunk))
            if not results:
                break
            relations = fuse.relate_with_store(results, store) if hasattr(fuse, "relate_with_store") else fuse.relate(results)
            for k, v in store.write(results, relations).items():
                added[k] = added.get(k, 0) + v
            for r in results:
                counter["failed"] += r.article.status == "failed"
                if on_article:
                    on_article(r.article)
    return {"added": added, **counter}


def ingest_paths(inputs, db: str, published=None, source=None, **kw) -> dict:
    return ingest_articles(iter_inputs(inputs, published=published, source=source), db, **kw)


def sample_corpus_path() -> str:
    return str(resources.files("unfog.samples") / "mariupol.jsonl")


def run_demo(db: str, console) -> dict:
    """Ingest the bundled sample corpus and print what was found."""
    from rich.table import Table

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
    console.print(f"Results are stored in [bold]{db}[/bold]; try: unfog export --db {db} --what figures --format csv -")
    return {**summary, "counts": counts}
