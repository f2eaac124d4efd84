"""Printing records for people, in the terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from unfog.model import Batch


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
