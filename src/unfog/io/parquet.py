"""The Parquet folder layout: one folder of part files per record table.

    DIR/articles/part-00000.parquet   DIR/statements/part-00000.parquet   ...
    DIR/relations/part-00000.parquet  (written after cross-article fusion)

Columns are those of the store (:func:`unfog.store.columns`, i.e. the fields
of :mod:`unfog.model`), list and dict fields as JSON strings, so the folder,
the store and the JSON output never disagree about fields.

Part files are aligned: part N of every per-article table holds the records
of the articles in ``articles/part-N.parquet`` and nothing else, so a reader
can rebuild complete :class:`ArticleRecords` one part at a time, with flat
memory. Every table gets a part file for every part, empty or not.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from unfog.model import RECORD_TYPES, Article, ArticleRecords, Record, Relation
from unfog.store import JSON_COLUMNS, columns

ARTICLE_TABLES = ("articles", "statements", "figures", "places", "dates", "events", "control")
TABLES = ARTICLE_TABLES + ("relations",)
PART_ARTICLES = 1000  # articles per part file


def arrow_schema(name: str):
    """The Arrow schema of a table, from the store's column types."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in columns(RECORD_TYPES[name])])


def encode(name: str, record: Record) -> dict:
    """A record as a row: JSON columns as JSON text (as the store keeps them)."""
    d = record.to_dict()
    for c in JSON_COLUMNS[name]:
        if d.get(c) is not None:
            d[c] = json.dumps(d[c])
    return d


def decode(name: str, row: dict) -> Record:
    for c in JSON_COLUMNS[name]:
        if isinstance(row.get(c), str):
            row[c] = json.loads(row[c])
    return RECORD_TYPES[name].from_dict(row)


def is_layout(path: str | os.PathLike) -> bool:
    """True when path is a folder written by :class:`PartWriter`."""
    p = Path(path)
    return p.is_dir() and (p / "articles").is_dir() and any((p / "articles").glob("*.parquet"))


def part_paths(folder: str | os.PathLike, table: str = "articles") -> list[Path]:
    return sorted((Path(folder) / table).glob("*.parquet"))


def _write_table(path: Path, name: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name)
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)  # a crash never leaves half a part file behind


class PartWriter:
    """Streams ArticleRecords into the folder layout, one aligned part per ``part_articles``."""

    def __init__(self, folder: str | os.PathLike, part_articles: int = PART_ARTICLES):
        self.folder = Path(folder)
        self.part_articles = part_articles
        self.part = 0
        self.counts = {name: 0 for name in TABLES}
        self.failed = 0
        self._rows: dict[str, list[dict]] = {name: [] for name in ARTICLE_TABLES}
        self._articles_in_part = 0
        for name in TABLES:
            d = self.folder / name
            d.mkdir(parents=True, exist_ok=True)
            for old in d.glob("part-*.parquet"):  # a re-run replaces the previous output
                old.unlink()

    def add(self, res: ArticleRecords) -> None:
        for name, recs in res.tables().items():
            self._rows[name].extend(encode(name, r) for r in recs)
            self.counts[name] += len(recs)
        self.failed += res.article.status == "failed"
        self._articles_in_part += 1
        if self._articles_in_part >= self.part_articles:
            self.flush()

    def flush(self) -> None:
        if not self._articles_in_part:
            return
        for name in ARTICLE_TABLES:
            _write_table(self.folder / name / f"part-{self.part:05d}.parquet", name, self._rows[name])
            self._rows[name] = []
        self.part += 1
        self._articles_in_part = 0

    def write_relations(self, relations: Iterable[Relation]) -> int:
        self.counts["relations"] = write_relations(self.folder, relations)
        return self.counts["relations"]

    def close(self) -> None:
        self.flush()
        if self.part == 0:  # an empty batch still gives every table folder a (empty) part
            for name in ARTICLE_TABLES:
                _write_table(self.folder / name / "part-00000.parquet", name, [])


def _read_rows(path: Path, columns: list[str] | None = None) -> list[dict]:
    import pyarrow.parquet as pq

    if not path.exists():
        return []
    return pq.read_table(path, columns=columns).to_pylist()


def iter_parts(folder: str | os.PathLike, with_text: bool = True) -> Iterator[list[ArticleRecords]]:
    """The ArticleRecords of each part, in the order they were written."""
    art_cols = None if with_text else [c for c, _ in columns(Article) if c != "text"]
    for art_path in part_paths(folder):
        by_id: dict[str, ArticleRecords] = {}
        for row in _read_rows(art_path, art_cols):
            art = decode("articles", row)
            by_id[art.id] = ArticleRecords(article=art)
        for name in ARTICLE_TABLES[1:]:
            for row in _read_rows(Path(folder) / name / art_path.name):
                rec = decode(name, row)
                aid = rec.article_ids[0] if name == "events" else rec.article_id
                if aid in by_id:
                    getattr(by_id[aid], name).append(rec)
        yield list(by_id.values())


def iter_results(folder: str | os.PathLike, with_text: bool = True) -> Iterator[ArticleRecords]:
    for part in iter_parts(folder, with_text=with_text):
        yield from part


def read_relations(folder: str | os.PathLike) -> list[Relation]:
    out: list[Relation] = []
    for path in part_paths(folder, "relations"):
        out.extend(decode("relations", row) for row in _read_rows(path))
    return out


def table_sql(folder: str | os.PathLike, name: str) -> str:
    """A DuckDB ``read_parquet`` over one table of the folder, for ad-hoc queries."""
    glob = str(Path(folder) / name / "*.parquet").replace("'", "''")
    return f"read_parquet('{glob}')"


def write_relations(folder: str | os.PathLike, relations: Iterable[Relation]) -> int:
    """Replace DIR/relations/ with these relations; returns how many."""
    d = Path(folder) / "relations"
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("part-*.parquet"):
        old.unlink()
    rows = [encode("relations", r) for r in relations]
    _write_table(d / "part-00000.parquet", "relations", rows)
    return len(rows)


def fuse_folder(folder: str | os.PathLike) -> int:
    """Relate records across the articles of a folder and write DIR/relations/.

    Fusion needs every record at once (``fuse.relate`` takes the whole list),
    so it holds the records, not the article texts, in memory.
    """
    from unfog.fusion import fuse

    results = list(iter_results(folder, with_text=False))
    return write_relations(folder, fuse.relate(results))


def extract_to_folder(
    articles: Iterable[Article],
    folder: str | os.PathLike,
    engine: str = "local",
    workers: int = 1,
    batch_size: int = 32,
    address: str | None = None,
    part_articles: int = PART_ARTICLES,
    on_article: Callable[[Article], None] | None = None,
    options: dict | None = None,
) -> dict:
    """Extract a batch straight into the folder layout, then fuse; returns counts per table."""
    from unfog import engine as engine_mod
    from unfog.io.ingest import mark_duplicates

    writer = PartWriter(folder, part_articles=part_articles)
    for res in engine_mod.run(mark_duplicates(articles), engine=engine, workers=workers, batch_size=batch_size, address=address,
                              options=options):
        writer.add(res)
        if on_article:
            on_article(res.article)
    writer.close()
    writer.counts["relations"] = fuse_folder(folder)
    return {"counts": dict(writer.counts), "failed": writer.failed, "parts": max(writer.part, 1)}
