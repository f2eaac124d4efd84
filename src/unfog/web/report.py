"""A self-contained static report: map, timeline and claims ledger in one HTML file.

Everything is inlined (CSS, Leaflet, the desk's JavaScript, the data as JSON
in a ``<script type="application/json">`` block with ``<`` escaped), so the
file can be mailed or archived and opened without a server or the internet.
The page reuses the desk's templates and drawing code.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from unfog.store import Store
from unfog.store import queries as q
from unfog.web.app import WEB_DIR, jinja_env
from unfog.web.data import desk_data, statement_disputes

INLINE_CSS = ("static/vendor/leaflet/leaflet.css", "static/app.css")
INLINE_JS = ("static/vendor/leaflet/leaflet.js", "static/desk.js")


def _data_uris(css: str, folder: Path) -> str:
    """Replace url(images/x.png) in a stylesheet by data: URIs (a report has no files beside it)."""
    def repl(m: re.Match) -> str:
        path = folder / m.group(1)
        if not path.is_file():
            return m.group(0)
        return "url(data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii") + ")"

    return re.sub(r"url\((images/[A-Za-z0-9_.-]+\.png)\)", repl, css)


def _inline(paths: tuple[str, ...], closing: str) -> str:
    parts = []
    for rel in paths:
        text = (WEB_DIR / rel).read_text(encoding="utf-8")
        if rel.endswith(".css"):
            text = _data_uris(text, (WEB_DIR / rel).parent)
        if closing in text.lower():  # would end the inline block early
            raise ValueError(f"{rel} contains {closing!r} and cannot be inlined")
        parts.append(f"/* {rel} */\n{text}")
    return "\n".join(parts)


def csp_hash(text: str) -> str:
    """A CSP source expression allowing exactly this inline block."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def report_html(store: Store, filters: q.Filters | None = None, title: str = "unfog report", tiles: bool = True) -> str:
    """The report as one HTML string."""
    filters = filters or q.Filters()
    data = desk_data(store, filters, tiles=tiles)
    ledger = data.pop("ledger")
    data["links"] = False  # no server behind a static file
    articles = q.all_rows(store, "articles", q.subset("articles", filters))
    for a in articles:
        a.pop("text", None)
    css, js = _inline(INLINE_CSS, "</style"), _inline(INLINE_JS, "</script")
    env = jinja_env()
    return env.get_template("report.html").render(
        title=title,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        counts=q.counts(store, filters),
        filters=filters,
        data=data,
        ledger=ledger,
        disputes=statement_disputes(store, filters),
        articles=articles,
        marks=q.figure_marks(store, [a["id"] for a in articles]),
        css=css,
        js=js,
        css_hash=csp_hash(css),
        js_hash=csp_hash(js),
    )


def write_report(db: str, out: str | Path, filters: q.Filters | None = None, title: str = "unfog report", tiles: bool = True) -> dict[str, Any]:
    """Write the report for the store at ``db`` to ``out``; returns what it holds (counts within the filters)."""
    with Store(db, read_only=True) as store:
        html = report_html(store, filters=filters, title=title, tiles=tiles)
        counts = q.counts(store, filters or q.Filters())
    Path(out).write_text(html, encoding="utf-8")
    return {"path": str(out), "bytes": len(html.encode("utf-8")), "counts": counts}
