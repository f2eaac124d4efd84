"""Printing records for people, in the terminal.

``print_batch`` lists the records of a batch; ``show_article`` prints one
article's text with its statements and figures highlighted (``unfog show``),
then a table of each.
"""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from unfog.model import Article, ArticleRecords, Batch

# Statement highlight per speaker side; figures are always bold on a dark background.
SIDE_STYLES = {"RUS": "red", "UKR": "blue", "INT": "green", "MEDIA": "bright_black",
               "USA": "magenta", "GBR": "magenta"}
FIGURE_STYLE = "bold black on yellow"
SPEAKER_STYLE = "bold"


def print_batch(batch: Batch, console: Console) -> None:
    for res in batch.results:
        a = res.article
        head = f"[bold]{a.title or a.external_id or a.id}[/bold] ({a.published or 'undated'}, {a.status})"
        console.print(head + (f" [red]{a.error}[/red]" if a.error else ""))
        if res.statements:
            t = Table(title="statements", show_lines=False)
            for c in ("speaker", "side", "cue", "polarity", "text"):
                t.add_column(c)
            for s in res.statements:
                t.add_row(s.speaker or "", s.speaker_side or "", s.cue or "", s.polarity, s.text[:120])
            console.print(t)
        if res.figures:
            t = Table(title="figures")
            for c in ("text", "value", "category", "group", "claimant", "verified"):
                t.add_column(c)
            for f in res.figures:
                v = f.value if f.value is not None else f"{f.low}-{f.high}"
                t.add_row(f.text, str(v), f.category, f.group or "", f.claimant or "", str(f.verified))
            console.print(t)


# --- one article ---------------------------------------------------------------------------

CLAIM_STAGES = ("dates", "places", "statements", "figures")


def extract_claims(article: Article, nlp=None) -> ArticleRecords:
    """Run only the stages claims need (dates, places, statements, figures) on one article.

    A failing stage is recorded on the article by the pipeline's one guard
    (:func:`unfog.pipeline.run_stages`); strict mode re-raises.
    """
    from unfog.extractors.context import Context
    from unfog.pipeline import prepare, run_stages

    res = ArticleRecords(article=article)
    if not prepare(article):
        return res
    if nlp is None:
        from unfog.nlp import get_nlp

        nlp = get_nlp()
    ctx = Context(article=article, doc=nlp(article.text))
    run_stages(ctx, res.timings, only=CLAIM_STAGES)
    res.statements, res.figures, res.places, res.dates = ctx.statements, ctx.figures, ctx.places, ctx.dates
    return res


def load_article(ref: str, published: str | None = None, source: str | None = None,
                 db: str | None = None, nlp=None) -> ArticleRecords:
    """Records for ARTICLE: a stored article id (with db), 'BATCH.jsonl:ID', or a .txt/.html file."""
    if db:
        from unfog.store import Store

        with Store(db, read_only=True) as store:
            res = store.article_records(ref)
            if res is None:
                rows = store.rows("articles", where="external_id = ?", params=[ref], limit=1)
                res = store.article_records(rows[0]["id"]) if rows else None
        if res is None:
            raise LookupError(f"no article {ref!r} in {db}")
        return res
    path, _, line_id = ref.partition(":") if not Path(ref).exists() else (ref, "", "")
    p = Path(path)
    if not p.exists():
        raise LookupError(f"no file {path!r}")
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        from unfog.io.ingest import read_jsonl

        for art in read_jsonl(p, {"published": published, "source": source}):
            if not line_id or art.external_id == line_id or art.id == line_id:
                return extract_claims(art, nlp=nlp)
        raise LookupError(f"no line with id {line_id!r} in {path}")
    from unfog.io.ingest import read_file

    return extract_claims(read_file(p, published=published, source=source), nlp=nlp)


def highlighted(res: ArticleRecords) -> Text:
    """The article text with statements (coloured by speaker side) and figures styled."""
    text = Text(res.article.text)
    n = len(res.article.text)
    for s in res.statements:
        style = SIDE_STYLES.get(s.speaker_side or "", "cyan")
        text.stylize(style, max(0, s.start), min(n, s.end))
        if s.speaker_start is not None and s.speaker_end is not None and s.start <= s.speaker_start < s.end:
            text.stylize(SPEAKER_STYLE + " underline", s.speaker_start, min(n, s.speaker_end))
    for f in res.figures:
        text.stylize(FIGURE_STYLE, max(0, f.start), min(n, f.end))
    return text


def claims_tables(res: ArticleRecords) -> list[Table]:
    st = Table(title=f"statements ({len(res.statements)})", show_lines=False, expand=False)
    for c in ("#", "speaker", "role", "side", "cue", "polarity", "quote", "evidence"):
        st.add_column(c, overflow="fold")
    index = {}
    for k, s in enumerate(res.statements, 1):
        index[s.id] = k
        ev = s.text if len(s.text) <= 90 else s.text[:87] + "..."
        st.add_row(str(k), s.speaker or "", s.speaker_role or "", s.speaker_side or "", s.cue or "(continues)",
                   s.polarity, "yes" if s.quote else "", ev)
    ft = Table(title=f"figures ({len(res.figures)})")
    for c in ("text", "amount", "category", "group", "claimant", "stm", "verified", "place", "date"):
        ft.add_column(c, overflow="fold")
    for f in res.figures:
        ft.add_row(f.text, amount(f), f.category, " ".join(x for x in (f.group_side, f.group) if x),
                   f"{f.claimant or ''} ({f.claimant_side or '?'})",
                   str(index.get(f.statement_id, "")) if f.statement_id else "",
                   {None: "", False: "no", True: "yes"}[f.verified], f.place or "", f.date or "")
    return [st, ft]


def amount(f) -> str:
    """'more than 4,000', '8,000-10,000', '200-999'."""
    if f.value is not None:
        v = f"{f.value:,}"
        return f"{f.qualifier} {v}" if f.qualifier and f.qualifier != "between" else v
    lo = "" if f.low is None else f"{f.low:,}"
    hi = "" if f.high is None else f"{f.high:,}"
    return f"{lo}-{hi}"


def show_article(res: ArticleRecords, console: Console) -> None:
    a = res.article
    console.print(f"[bold]{a.title or a.external_id or a.id}[/bold]  {a.source or ''} ({a.published or 'undated'})")
    if a.status != "ok":
        console.print(f"[red]{a.status}: {a.error}[/red]")
        return
    for w in a.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
    legend = Text("legend: ")
    for side, style in SIDE_STYLES.items():
        legend.append(f" {side} ", style=style)
    legend.append(" figure ", style=FIGURE_STYLE)
    console.print(legend)
    console.print(highlighted(res))
    for t in claims_tables(res):
        console.print(t)
