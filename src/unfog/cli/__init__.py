"""The command line: thin Typer commands over :mod:`unfog.api`.

Each command parses its arguments, calls the API and prints with Rich.
Usage errors exit with status 2; a batch in which some items failed still
exits 0 when every item was accounted for (the summary says how many failed).
"""
from __future__ import annotations

import json
import sys
import time
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
    console.print(f"[red]error:[/red] {msg}", soft_wrap=True)
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


def _check_inputs(inputs: list[str]) -> None:
    """A path on the command line that does not exist is a typo: say so before any work."""
    missing = [p for p in inputs if p != "-" and not Path(p).exists()]
    if missing:
        usage_error(f"no such file or folder: {', '.join(missing)}")


def _print_failures(failures: list, failed: int) -> None:
    from rich.markup import escape

    for ref, error in failures[:10]:
        console.print(f"  [yellow]failed[/yellow] {escape(str(ref))}: {escape(str(error))}", highlight=False, soft_wrap=True)
    if failed > min(len(failures), 10):
        console.print(f"  ... and {failed - min(len(failures), 10)} more (status 'failed' in the articles table)", soft_wrap=True)


def _check_ray(engine: str) -> None:
    """--engine ray without Ray installed: one line, not a traceback."""
    import importlib.util

    if engine == "ray" and importlib.util.find_spec("ray") is None:
        usage_error("--engine ray needs Ray, which is not installed: pip install 'unfog[ray]' (or use --engine local)")


def _handed_to_desk(path: str, job: dict, what: str):
    """When a desk serves the store at ``path``, hand it the job and return its outcome; else None."""
    from unfog.store.outbox import desk_serving, submit

    if desk_serving(path) is None:
        return None
    console.print(f"a desk is serving {path}: handing the {what} to it", highlight=False)
    try:
        return submit(path, job)
    except (TimeoutError, RuntimeError) as e:
        console.print(f"[red]error:[/red] the desk could not do the {what}: {e}", soft_wrap=True)
        raise typer.Exit(1)


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
    workers: int = typer.Option(1, min=1, help="Worker processes (local) or Ray actors (--engine ray)."),
    batch_size: int = typer.Option(32, min=1, help="Texts per spaCy batch."),
    engine: str = typer.Option("local", help="local (this machine's processes) or ray (Ray Data actors)."),
    out_dir: Optional[str] = typer.Option(None, "--out", help="Write a folder of Parquet files per table here, streaming."),
    address: Optional[str] = typer.Option(None, help="Ray cluster address (default $RAY_ADDRESS, else a local Ray)."),
    max_article_chars: Optional[int] = typer.Option(None, min=1, help="Longer articles fail with that reason (default 3,000,000)."),
    article_seconds: Optional[float] = typer.Option(None, min=0, help="An article still being read after this long fails "
                                                    "with that reason (default 600; 0: no limit)."),
):
    """Extract statements, figures, places, dates and events from articles."""
    from unfog import api
    from unfog.io.ingest import iter_inputs

    _check_inputs(inputs)
    if published:
        from unfog.io.ingest import normalise_published

        if normalise_published(published)[1]:
            usage_error(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    if engine not in ("local", "ray"):
        usage_error("--engine must be local or ray")
    _check_ray(engine)
    limits = {k: v for k, v in (("max_article_chars", max_article_chars), ("article_seconds", article_seconds)) if v is not None}
    if out_dir:  # streams records to Parquet part files: memory stays flat
        from unfog.io.parquet import extract_to_folder

        if json_out:
            usage_error("--json and --out are exclusive: --out writes Parquet tables")
        done = extract_to_folder(iter_inputs(inputs, published=published, source=source), out_dir, engine=engine,
                                 workers=workers, batch_size=batch_size, address=address, options=limits)
        console.print(f"wrote Parquet tables to [bold]{out_dir}[/bold]: " + _summary(done["counts"], done["failed"]))
        return
    batch = api.extract_articles(iter_inputs(inputs, published=published, source=source), workers=workers,
                                 batch_size=batch_size, engine=engine, address=address, options=limits)
    doc = batch.to_contract()
    failed = sum(1 for a in doc["articles"] if a["status"] == "failed")
    if json_out:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        from unfog.cli.show import print_batch

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
    from unfog import api
    from unfog.io.ingest import normalise_published
    from unfog.store import default_path

    _check_inputs(inputs)
    if published and normalise_published(published)[1]:
        usage_error(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    path = db or default_path()
    total = _count_hint(inputs)
    job_inputs = _input_paths(inputs, path)
    try:
        summary = _handed_to_desk(path, {"kind": "ingest", "inputs": job_inputs,
                                         "published": published, "source": source, "chunk": chunk}, "ingest")
    finally:
        for p in job_inputs:
            if Path(p).name.startswith("stdin-") and p not in inputs:
                Path(p).unlink(missing_ok=True)
    if summary is not None:
        _print_ingest(path, summary)
        return

    def committed(summary: dict) -> None:  # a line per transaction when no progress bar shows
        if not console.is_terminal:
            console.print(f"committed {summary['stored']} new article(s) to {path}", highlight=False)

    with _progress(total, "ingesting") as bar:
        task = bar.add_task("ingest", total=total)
        summary = api.ingest_paths(inputs, db=path, published=published, source=source, workers=workers, chunk=chunk,
                                   on_article=lambda a: bar.advance(task), on_commit=committed)
    _print_ingest(path, summary)


def _input_paths(inputs: list[str], db: str) -> list[str]:
    """Absolute paths for the desk; '-' (stdin) is saved to a file in the store's outbox first."""
    from unfog.store.outbox import desk_serving, outbox_dir

    if "-" not in inputs or desk_serving(db) is None:
        return [str(Path(p).resolve()) for p in inputs]
    box = outbox_dir(db)
    box.mkdir(exist_ok=True)
    saved = box / f"stdin-{time.time_ns()}.jsonl"
    saved.write_bytes(sys.stdin.buffer.read())
    return [str(saved) if p == "-" else str(Path(p).resolve()) for p in inputs]


def _print_ingest(path: str, summary: dict) -> None:
    if summary["seen"] and summary["skipped"] == summary["seen"]:  # a re-run: say so, not "0 articles"
        console.print(f"already stored in [bold]{path}[/bold]: {summary['skipped']} articles, 0 new", soft_wrap=True)
        return
    console.print(f"stored in [bold]{path}[/bold]: " + _summary(summary["added"], summary["failed"])
                  + f" ({summary['seen']} articles read, {summary['skipped']} already stored)", soft_wrap=True)
    _print_failures(summary["failures"], summary["failed"])


@app.command()
def reprocess(
    db: Optional[str] = typer.Option(None, help="DuckDB file (default ./unfog.duckdb or $UNFOG_DB)."),
    all_: bool = typer.Option(False, "--all", help="Every stored article, not only those of another unfog version."),
    chunk: int = typer.Option(50, min=1, help="Articles per transaction."),
):
    """Extract stored articles again after an upgrade, replacing their records."""
    from unfog import __version__, api
    from unfog.store import default_path

    path = db or default_path()
    if not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first")
    summary = api.reprocess(path, everything=all_, chunk=chunk)
    console.print(f"re-extracted {summary['seen']} article(s) in [bold]{path}[/bold] with unfog {__version__}"
                  + (f"; {summary['failed']} failed" if summary["failed"] else "; none failed"), soft_wrap=True)
    _print_failures(summary["failures"], summary["failed"])


@app.command()
def export(
    out_path: str = typer.Argument("-", metavar="OUT", help="Output file, or - for stdout."),
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    what: str = typer.Option("events", help="|".join(TABLES)),
    fmt: str = typer.Option("json", "--format", help="json|csv|parquet|geojson|acled"),
):
    """Write stored records out as JSON, CSV, Parquet, GeoJSON or ACLED-style CSV."""
    from unfog import api
    from unfog.io.export import check_request
    from unfog.store import default_path

    check_request(what, fmt, out_path)
    path = db or default_path()
    if not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first")
    n = api.export_table(what, fmt, out_path, db=path)
    console.print(f"wrote {n} {what} as {fmt} to {out_path if out_path != '-' else 'stdout'}")


@app.command()
def demo(
    db: Optional[str] = typer.Option(None, help="DuckDB file for the demo (default ./unfog-demo.duckdb)."),
):
    """Run the whole pipeline on the bundled sample corpus and summarise what it found."""
    from unfog.workflows import run_demo

    run_demo(db or "unfog-demo.duckdb", console=out)


ALLOW_PRIVATE_HELP = ("Also fetch from loopback, private and link-local addresses (an intranet); "
                      "refused by default (see docs/security.md).")


@app.command()
def fetch(
    urls: List[str] = typer.Argument(..., help="Article URLs to download, extract and store."),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default ./unfog.duckdb or $UNFOG_DB)."),
    allow_private: bool = typer.Option(False, "--allow-private", help=ALLOW_PRIVATE_HELP),
):
    """Download pages politely, extract their articles and store them (raw HTML kept)."""
    from unfog.io.feeds import Fetcher, Politeness, fetch_and_ingest
    from unfog.store import default_path

    path = db or default_path()
    summary = _handed_to_desk(path, {"kind": "fetch", "urls": list(urls), "allow_private": allow_private}, "fetch")
    if summary is None:
        with Fetcher(Politeness(allow_private=allow_private)) as fetcher:
            summary = fetch_and_ingest(urls, path, fetcher=fetcher)
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
    allow_private: bool = typer.Option(False, "--allow-private", help=ALLOW_PRIVATE_HELP),
):
    """Poll news feeds on a schedule and ingest new items."""
    from unfog.io import feeds as feeds_mod
    from unfog.store import default_path

    urls, interval = _feed_list(feeds, every)

    def show(rounds):
        for r in rounds:
            err = f" [red]{r['error']}[/red]" if r["error"] else ""
            console.print(f"{r['polled_at']} {r['feed_url']}: {r['status']}, {r['items_new']} new, "
                          f"{r['items_added']} added, {r['items_failed']} failed{err}")

    path = db or default_path()
    from unfog.store.outbox import desk_serving

    if desk_serving(path) is None:
        feeds_mod.watch(urls, path, interval, rounds=1 if once else None, on_round=show,
                        politeness=feeds_mod.Politeness(allow_private=allow_private))
        return
    while True:  # the desk polls; this process only asks and shows
        show(_handed_to_desk(path, {"kind": "watch", "feeds": urls, "allow_private": allow_private}, "watch round") or [])
        if once:
            return
        time.sleep(interval)


def _check_days(**days: Optional[str]) -> None:
    """--since/--until must be calendar days (a typo would otherwise filter everything out)."""
    import datetime as dt

    for name, value in days.items():
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                usage_error(f"--{name} {value!r} is not a date (use YYYY-MM-DD)")
    if days.get("since") and days.get("until") and days["since"] > days["until"]:
        usage_error(f"--since {days['since']} is after --until {days['until']}")


def _check_event_type(event_type: Optional[str], rows: list[dict]) -> None:
    """--type must name an event type, sub-event type or tag that the events have."""
    if not event_type:
        return
    from unfog.cli.events_view import filter_events

    if rows and not filter_events(rows, event_type=event_type):
        known = sorted({n for e in rows for n in [e.get("event_type"), e.get("sub_event_type"), *(e.get("tags") or [])] if n})
        usage_error(f"--type {event_type!r} matches no event type, sub-event type or tag here; known: {', '.join(known)}")


def _emit(data, json_out: bool, print_table) -> None:
    """One JSON line on stdout with --json, else the Rich table."""
    if json_out:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    else:
        print_table()


def _open_existing_store(db: Optional[str]):
    from unfog.store import Store, default_path

    path = db or default_path()
    if not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first")
    return Store(path, read_only=True)


@app.command()
def claims(
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    contested: bool = typer.Option(False, "--contested", help="Only quantities with a contradiction."),
    json_out: bool = typer.Option(False, "--json", help="Print the ledger rows as JSON."),
):
    """The claims ledger: each counted quantity with its claimants, values and relations."""
    from unfog.fusion import ledger
    from unfog.store import relating

    with _open_existing_store(db) as store:
        rows = relating.ledger_from_store(store)
    total = len(rows)
    if contested:
        rows = ledger.contested(rows)
    if contested and not rows and not json_out:
        out.print(f"no contested figures: none of the {total} quantities in the ledger has a contradiction "
                  "or claimants whose figures do not overlap")
        return
    _emit(rows, json_out, lambda: ledger.print_ledger(rows, out))


@app.command()
def control(
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    place: Optional[str] = typer.Option(None, help="Only this place (by name)."),
    json_out: bool = typer.Option(False, "--json", help="Print the timeline as JSON."),
):
    """Who holds which place, by whose account: a timeline of control claims per place."""
    from unfog.fusion import control as control_mod

    with _open_existing_store(db) as store:
        timeline = control_mod.timeline_from_store(store, place=place)
    _name_disputers(timeline)
    # the table shows who disputes, not ids
    shown = {k: {**v, "claims": [{**c, "disputed_by": c["disputed_by_names"]} for c in v["claims"]]} for k, v in timeline.items()}
    _emit(timeline, json_out, lambda: control_mod.print_timeline(shown, out))


def _name_disputers(timeline: dict) -> None:
    """Who disputes a claim, by name and day ("disputed_by_names"); ``disputed_by`` keeps the ids."""
    for item in timeline.values():
        names = {c.get("id"): f"{c.get('claimant') or 'unnamed'} ({c.get('claimant_side') or '?'}, {c.get('date') or 'undated'})"
                 for c in item["claims"]}
        for c in item["claims"]:
            c["disputed_by_names"] = [names.get(i, i) for i in c.get("disputed_by", [])]


@app.command()
def bench(
    articles: int = typer.Option(200, min=1, help="Articles to generate from the bundled samples."),
    input_path: Optional[str] = typer.Option(None, "--input", help="Benchmark on this JSONL batch instead."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    workers: str = typer.Option("1", help="Also time these worker counts, e.g. 1,2."),
    batch_size: int = typer.Option(32, min=1, help="Texts per spaCy batch."),
    repeats: int = typer.Option(1, min=1, help="Alternating runs; the best of each is kept."),
    process: bool = typer.Option(False, "--process", help="Also time whole processes, start-up included: "
                                 "unfog extract --json against a bare nlp.pipe script."),
):
    """Time unfog against the bare spaCy pipeline on the same texts."""
    from unfog import bench as bench_mod

    try:
        counts = [int(w) for w in workers.split(",") if w.strip()]
    except ValueError:
        usage_error(f"--workers {workers!r} is not a list of numbers like 1,2")
    if input_path and not Path(input_path).is_file():
        usage_error(f"no file {input_path}")
    rows = bench_mod.read_corpus(input_path) if input_path else bench_mod.make_corpus(articles)
    if not rows:
        usage_error("the corpus has no article with text")
    report = bench_mod.benchmark(rows, workers=counts, batch_size=batch_size, repeats=repeats)
    if process:
        report["process"] = bench_mod.whole_process(rows, batch_size=batch_size, repeats=repeats)
    if json_out:
        sys.stdout.write(json.dumps(report) + "\n")
    else:
        out.print(bench_mod.format_report(report), highlight=False, markup=False)


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    host: str = typer.Option("127.0.0.1", help="Address to bind (localhost by default; the desk has no login)."),
    port: int = typer.Option(8000, min=1, max=65535),
    allow_ingest: bool = typer.Option(False, "--allow-ingest", help="Open the store read-write and accept POST /api/ingest (with a token)."),
    ingest_token: Optional[str] = typer.Option(None, "--ingest-token", envvar="UNFOG_INGEST_TOKEN",
                                               help="Token POST /api/ingest requires (default: a random one, printed). "
                                                    "Required with --allow-ingest on a non-loopback --host."),
    tiles: bool = typer.Option(True, "--tiles/--no-tiles", help="Try online OpenStreetMap tiles under the offline outline."),
    watch_feeds: Optional[str] = typer.Option(None, "--watch", help="Also poll the feeds listed in this file (one URL a line)."),
    every: str = typer.Option("30m", help="Polling interval for --watch: 30m, 6h, 1d (at least 1m)."),
):
    """The analyst's desk: map, timeline, claims ledger and articles in the browser, plus a REST API under /api/.

    While it runs, the desk is the store's writer: `unfog ingest`, `fetch` and `watch` on the same --db
    hand their work to it, and the pages show the new records on the next reload."""
    import secrets

    import uvicorn

    from unfog.store import default_path
    from unfog.web.app import create_app
    from unfog.web.routes.ingest import HostGuard

    path = db or default_path()
    if not allow_ingest and not watch_feeds and not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first (or start with --allow-ingest or --watch)")
    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    if not loopback:
        console.print(f"[yellow]warning:[/yellow] serving on {host}: anyone who can reach it can read the store")
        if allow_ingest and not ingest_token:
            usage_error(f"--allow-ingest on {host} (not loopback) needs --ingest-token or $UNFOG_INGEST_TOKEN")
    if ingest_token is not None and len(ingest_token) < 16:
        usage_error("--ingest-token must be at least 16 characters")
    token = (ingest_token or secrets.token_urlsafe(32)) if allow_ingest else None
    feed_urls, interval = _serve_feeds(watch_feeds, every)
    if not Path(path).exists():
        from unfog.store import Store

        Store(path).close()  # --allow-ingest or --watch on a new store
    application = create_app(path, allow_ingest=allow_ingest, tiles=tiles, ingest_token=token, served_host=host, served_port=port)
    application.add_middleware(HostGuard, served_host=host, served_port=port)  # DNS rebinding: reads too
    if feed_urls:
        from unfog.web.jobs import start_watcher

        application.state.watching = feed_urls
        start_watcher(application.state.writer, feed_urls, interval, on_round=lambda o: console.print(
            "watch round: " + "; ".join(f"{r['feed_url']}: {r['status']}, {r['items_added']} added"
                                       for r in o.get("result") or []) if not o.get("error") else f"watch round failed: {o['error']}",
            highlight=False, soft_wrap=True))
    console.print(f"unfog desk on http://{host}:{port}/ over {path} ({'read-write, ingest on' if allow_ingest else 'read-only'})")
    if allow_ingest and not ingest_token:
        console.print(f"ingest token (send as 'Authorization: Bearer TOKEN'): {token}", highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _serve_feeds(feeds: Optional[str], every: str) -> tuple[list[str], float]:
    return _feed_list(feeds, every) if feeds else ([], 0.0)


def _feed_list(feeds: str, every: str) -> tuple[list[str], float]:
    """The feed URLs listed in a file and the polling interval, or a usage error."""
    from unfog.io import feeds as feeds_mod

    try:
        interval = feeds_mod.parse_interval(every)
        urls = feeds_mod.read_feed_list(feeds)
    except (ValueError, OSError) as e:
        usage_error(str(e))
    if not urls:
        usage_error(f"{feeds} lists no feed URLs")
    return urls, interval


@app.command()
def report(
    out_path: str = typer.Argument(..., metavar="OUT.html", help="The HTML file to write."),
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    title: str = typer.Option("unfog report", help="Title at the top of the report."),
    place: Optional[str] = typer.Option(None, help="Only records about this place."),
    since: Optional[str] = typer.Option(None, help="Earliest day, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest day, YYYY-MM-DD."),
):
    """Write a self-contained HTML report (map, timeline, claims ledger) to mail or archive."""
    from unfog.web.report import write_report
    from unfog.store import default_path
    from unfog.store.queries import Filters

    path = db or default_path()
    if not Path(path).exists():
        usage_error(f"no store at {path}; run 'unfog ingest' first")
    _check_days(since=since, until=until)
    if Path(out_path).is_dir():
        usage_error(f"{out_path} is a folder; give a file name such as report.html")
    done = write_report(path, out_path, filters=Filters(place=place, since=since, until=until), title=title)
    within = " within " + ", ".join(f"{k} {v}" for k, v in Filters(place=place, since=since, until=until).active().items())
    console.print(f"wrote {done['path']} ({done['bytes'] // 1024} KiB): "
                  + ", ".join(f"{done['counts'][k]} {k}" for k in ("articles", "figures", "events", "relations"))
                  + (within if (place or since or until) else ""), soft_wrap=True)


@app.command()
def geocode(
    query: str = typer.Argument(..., help="A place description, or a .jsonl file of {\"id\", \"text\"} lines."),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array on stdout."),
):
    """Geocode place descriptions against the offline gazetteer (GeoNames)."""
    from unfog.gazetteer.geocode import geocode_many, read_queries

    if query.lower().endswith((".jsonl", ".ndjson")) and not Path(query).is_file():
        usage_error(f"no such file: {query}")
    results = list(geocode_many(read_queries(query)))
    if json_out:
        sys.stdout.write(json.dumps(results, ensure_ascii=False) + "\n")
    else:
        for r in results:
            where = f"{r['name']} ({r['admin1'] or r['country']}) {r['lat']},{r['lon']} p{r['precision']} score {r['score']}" if r.get("name") else "no place"
            out.print(f"{r.get('id') or ''} {r.get('query')!r} -> {where}")


gazetteer_app = typer.Typer(help="Manage the offline gazetteer (GeoNames country dumps).", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("add")
def gazetteer_add(
    country: str = typer.Argument(..., help="ISO country code, e.g. SD, SY, CD."),
    dump: str = typer.Option(..., "--dump", help="The GeoNames country dump you downloaded (CC.zip or CC.txt from download.geonames.org/export/dump/)."),
):
    """Add full detail for a country from a GeoNames dump you supply (unfog never downloads)."""
    from unfog.gazetteer.build import add_country
    from unfog.gazetteer.index import clear_cache

    try:
        done = add_country(country, dump)
    except (ValueError, FileNotFoundError) as e:
        usage_error(str(e))
    clear_cache()
    console.print(f"added {done['places']:,} places of {done['country']} to {done['path']} (GeoNames, CC BY 4.0)")


@gazetteer_app.command("list")
def gazetteer_list():
    """The countries with full detail (every village); the rest of the world has places of 500+ people."""
    from unfog.gazetteer.build import installed_layers

    for layer in installed_layers():
        typer.echo(f"{layer['country']}\t{layer['source']}\t{layer['bytes'] // 1024} KiB\t{layer['path']}")
    typer.echo("world\tshipped\tcountries, divisions and places of 500+ people (global.tsv.gz)")


@app.command()
def events(
    inputs: Optional[List[str]] = typer.Argument(None, help="Extract from these files on the fly instead of reading the store."),
    db: Optional[str] = typer.Option(None, help="DuckDB file."),
    place: Optional[str] = typer.Option(None, help="Only events at this place (name, substring)."),
    since: Optional[str] = typer.Option(None, help="Only events on or after this day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Only events on or before this day (YYYY-MM-DD)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="Event type, sub-event type or tag (e.g. Battles, siege)."),
    published: Optional[str] = typer.Option(None, help="Publication date for text/HTML files given as INPUTS."),
    json_out: bool = typer.Option(False, "--json", help="Print the events as JSON."),
):
    """List events (who did what to whom, where, when) as a table, filtered."""
    from unfog.cli.events_view import filter_events, print_events

    _check_days(since=since, until=until)
    sources: dict[str, str] = {}
    if inputs:
        from unfog import api
        from unfog.io.ingest import iter_inputs

        batch = api.extract_articles(iter_inputs(inputs, published=published))
        rows = [e.to_dict() for e in batch.table("events")]
        sources = {r.article.id: r.article.source or r.article.external_id or r.article.input_ref or r.article.id for r in batch.results}
    else:
        with _open_existing_store(db) as store:
            rows = store.rows("events")
            sources = {a["id"]: a.get("source") or a.get("title") or a["id"] for a in store.rows("articles")}
    _check_event_type(event_type, rows)
    rows = filter_events(rows, place=place, since=since, until=until, event_type=event_type)
    _emit(rows, json_out, lambda: print_events(rows, out, sources))


@app.command()
def show(
    article: str = typer.Argument(..., help="A .txt/.html file, BATCH.jsonl:ID, or a stored article id (with --db)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for a text/HTML file."),
    source: Optional[str] = typer.Option(None, help="Source name for a text/HTML file."),
    db: Optional[str] = typer.Option(None, help="Read a stored article from this DuckDB file."),
):
    """Print an article with its statements and figures highlighted, then a table of each."""
    from unfog.cli.show import load_article, show_article

    try:
        res = load_article(article, published=published, source=source, db=db)
    except LookupError as e:
        usage_error(str(e))
    show_article(res, out)


def _loaded(module: str, name: str) -> tuple[type[BaseException], ...]:
    """The exception class ``module.name`` if a command loaded that module, else nothing to catch.

    Looked up when an exception propagates, so ``unfog extract`` (which never opens a store)
    does not import the store and DuckDB at start-up only to name their errors.
    """
    mod = sys.modules.get(module)
    return (getattr(mod, name),) if mod is not None else ()


def main() -> None:
    from unfog.io.ingest import UsageError

    try:
        app()
    except (UsageError, *_loaded("unfog.store", "StoreError")) as e:  # the user's mistake: a message, not a traceback
        console.print(f"[red]error:[/red] {e}", soft_wrap=True)
        sys.exit(2)
    except _loaded("duckdb", "Error") as e:  # a damaged or truncated store
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        console.print(f"[red]error:[/red] the store cannot be read ({type(e).__name__}: {first})", soft_wrap=True, markup=True, highlight=False)
        sys.exit(1)
    except OSError as e:  # an output that cannot be written, an input that vanished
        where = f" {e.filename}" if getattr(e, "filename", None) else ""
        console.print(f"[red]error:[/red] cannot write or read{where}: {e.strerror or e}", soft_wrap=True, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
