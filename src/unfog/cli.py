"""The command line: thin Typer commands over :mod:`unfog.api`.

Each command parses its arguments, calls the API and prints with Rich.
Usage errors exit with status 2; a batch in which some items failed still
exits 0 when every item was accounted for (the summary says how many failed).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

app = typer.Typer(
    name="unfog",
    help="Turn war reporting into a sourced, mapped, cross-checked record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
console = Console(stderr=True)  # stdout is kept for machine-readable output
out = Console()

TABLES = ("articles", "statements", "figures", "places", "dates", "events", "relations")


def usage_error(msg: str) -> None:
    console.print(f"[red]error:[/red] {msg}")
    raise typer.Exit(2)


def _progress(total: int | None, label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )


def _count_hint(inputs: list[str]) -> int | None:
    """Number of articles, when cheap to know (for the progress bar)."""
    n = 0
    for raw in inputs:
        p = Path(raw)
        if p.is_file() and p.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            with open(p, "rb") as fh:
                n += sum(1 for line in fh if line.strip())
        elif p.is_file():
            n += 1
        else:
            return None
    return n


def _summary(counts: dict[str, int], failed: int) -> str:
    parts = [f"{counts.get(k, 0)} {k}" for k in ("articles", "statements", "figures", "places", "events", "relations")]
    s = ", ".join(parts)
    return s + (f"; {failed} article(s) failed" if failed else "; none failed")


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="JSONL batch, .txt/.html files or folders ('-' reads JSONL from stdin)."),
    json_out: bool = typer.Option(False, "--json", help="Print the output contract as one JSON object on stdout."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for text/HTML files."),
    source: Optional[str] = typer.Option(None, help="Source name for text/HTML files."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, min=1, help="Texts per spaCy batch."),
):
    """Extract statements, figures, places, dates and events from articles."""
    from unfog import api
    from unfog.ingest import iter_inputs

    if published:
        from unfog.ingest import normalise_published

        if normalise_published(published)[1]:
            usage_error(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    batch = api.extract_articles(iter_inputs(inputs, published=published, source=source), workers=workers, batch_size=batch_size)
    doc = batch.to_contract()
    failed = sum(1 for a in doc["articles"] if a["status"] == "failed")
    if json_out:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        from unfog.show import print_batch

        print_batch(batch, out)
    console.print(_summary({k: len(v) for k, v in doc.items()}, failed))


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="JSONL batches, .txt/.html files or folders."),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default ./unfog.duckdb or $UNFOG_DB)."),
    published: Optional[str] = typer.Option(None, help="Publication date for text/HTML files."),
    source: Optional[str] = typer.Option(None, help="Source name for text/HTML files."),
    workers: int = typer.Option(1, min=1),
    chunk: int = typer.Option(50, min=1, help="Articles per transaction."),
):
    """Extract and store articles and their records (re-running adds nothing new)."""
    from unfog import ingest as ingest_mod
    from unfog.store import default_path
    from unfog.workflows import ingest_paths

    path = db or default_path()
    total = _count_hint(inputs)
    with _progress(total, "ingesting") as bar:
        task = bar.add_task("ingest", total=total)
        summary = ingest_paths(inputs, db=path, published=published, source=source, workers=workers, chunk=chunk,
                               on_article=lambda a: bar.advance(task))
    console.print(f"stored in [bold]{path}[/bold]: " + _summary(summary["added"], summary["failed"])
                  + f" ({summary['seen']} articles read, {summary['skipped']} already stored)")
    del ingest_mod


@app.command()
def export(
    out_path: str = typer.Argument("-", metavar="OUT", help="Output file, or - for stdout."),
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    what: str = typer.Option("events", help="|".join(TABLES)),
    fmt: str = typer.Option("json", "--format", help="json|csv|parquet|geojson|acled"),
):
    """Write stored records out as JSON, CSV, Parquet, GeoJSON or ACLED-style CSV."""
    from unfog import export as export_mod
    from unfog.store import Store, default_path

    if what not in TABLES:
        usage_error(f"--what must be one of {', '.join(TABLES)}")
    if fmt not in export_mod.FORMATS:
        usage_error(f"--format must be one of {', '.join(export_mod.FORMATS)}")
    if fmt == "acled" and what != "events":
        usage_error("--format acled is for --what events")
    if fmt == "parquet" and out_path == "-":
        usage_error("parquet cannot go to stdout; give an output file")
    path = db or default_path()
    if not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first")
    with Store(path, read_only=True) as store:
        rows = store.rows(what)
    from unfog.model import RECORD_TYPES

    export_mod.write(rows, fmt, out_path, columns=RECORD_TYPES[what].field_names())
    console.print(f"wrote {len(rows)} {what} as {fmt} to {out_path if out_path != '-' else 'stdout'}")


@app.command()
def demo(
    db: Optional[str] = typer.Option(None, help="DuckDB file for the demo (default ./unfog-demo.duckdb)."),
):
    """Run the whole pipeline on the bundled sample corpus and summarise what it found."""
    from unfog.workflows import run_demo

    run_demo(db or "unfog-demo.duckdb", console=out)


@app.command()
def fetch(
    urls: List[str] = typer.Argument(..., help="Article URLs to download, extract and store."),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default ./unfog.duckdb or $UNFOG_DB)."),
):
    """Download pages politely, extract their articles and store them (raw HTML kept)."""
    from unfog.feeds import fetch_and_ingest
    from unfog.store import default_path

    path = db or default_path()
    summary = fetch_and_ingest(urls, path)
    for u in summary["urls"]:
        mark = "[green]ok[/green]" if u["ok"] else f"[red]failed[/red] {u['error']}"
        console.print(f"{u['url']}: {mark}")
    failed = sum(not u["ok"] for u in summary["urls"])
    console.print(f"stored in [bold]{path}[/bold]: {len(summary['urls']) - failed} fetched, {failed} failed")


@app.command()
def watch(
    feeds: str = typer.Option(..., "--feeds", help="Text file with one RSS/Atom feed URL per line."),
    every: str = typer.Option("30m", help="Polling interval: 30m, 6h, 1d (at least 1m)."),
    once: bool = typer.Option(False, "--once", help="Run a single round (for cron or systemd timers)."),
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
):
    """Poll news feeds on a schedule and ingest new items."""
    from unfog import feeds as feeds_mod
    from unfog.store import default_path

    try:
        interval = feeds_mod.parse_interval(every)
        urls = feeds_mod.read_feed_list(feeds)
    except (ValueError, OSError) as e:
        usage_error(str(e))
    if not urls:
        usage_error(f"{feeds} lists no feed URLs")

    def show(rounds):
        for r in rounds:
            err = f" [red]{r['error']}[/red]" if r["error"] else ""
            console.print(f"{r['polled_at']} {r['feed_url']}: {r['status']}, {r['items_new']} new, "
                          f"{r['items_added']} added, {r['items_failed']} failed{err}")

    feeds_mod.watch(urls, db or default_path(), interval, rounds=1 if once else None, on_round=show)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
