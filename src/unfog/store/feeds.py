"""The store's feed tables: polling state, URLs seen, the fetch log and raw pages (all SQL of unfog.io.feeds)."""
from __future__ import annotations

FEED_TABLES = [
    "CREATE TABLE IF NOT EXISTS feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, "
    "title VARCHAR, last_polled VARCHAR, last_status VARCHAR)",
    "CREATE TABLE IF NOT EXISTS seen_urls (url VARCHAR PRIMARY KEY, feed_url VARCHAR, first_seen VARCHAR, "
    "article_id VARCHAR, status VARCHAR, error VARCHAR)",
    "CREATE TABLE IF NOT EXISTS fetch_log (url VARCHAR, fetched_at VARCHAR, final_url VARCHAR, http_status INTEGER, "
    "ok BOOLEAN, error VARCHAR, bytes BIGINT, article_id VARCHAR)",
    "CREATE TABLE IF NOT EXISTS feed_rounds (feed_url VARCHAR, polled_at VARCHAR, http_status INTEGER, "
    "status VARCHAR, items INTEGER, items_new INTEGER, items_added INTEGER, items_failed INTEGER, error VARCHAR)",
    "CREATE TABLE IF NOT EXISTS raw_pages (article_id VARCHAR, url VARCHAR, fetched_at VARCHAR, html VARCHAR, "
    "PRIMARY KEY (article_id, url))",
]
ROUND_COLUMNS = ("feed_url", "polled_at", "http_status", "status", "items", "items_new", "items_added", "items_failed", "error")


def ensure_tables(con) -> None:
    for ddl in FEED_TABLES:
        con.execute(ddl)


def feed_state(con, feed_url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) stored for a feed."""
    row = con.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", [feed_url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def known_urls(con, urls: list[str]) -> set[str]:
    """Those of ``urls`` already in seen_urls (stored, or failed for good): one query, whatever the count."""
    if not urls:
        return set()
    rows = con.execute("SELECT url FROM seen_urls WHERE url IN (SELECT unnest(?::VARCHAR[]))", [list(urls)]).fetchall()
    return {r[0] for r in rows}


def _insert(con, sql: str, rows: list[tuple], types: tuple[str, ...]) -> None:
    """Many rows in one statement: a list per column, unnested together (executemany is row by row)."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows)]
    select = ", ".join(f"unnest(?::{t}[])" for t in types)
    con.execute(f"{sql} SELECT {select}", columns)


def mark_seen(con, rows: list[tuple]) -> None:
    """Rows of (url, feed_url, first_seen, article_id, status, error)."""
    _insert(con, "INSERT OR IGNORE INTO seen_urls", rows, ("VARCHAR",) * 6)


def log_fetches(con, rows: list[tuple]) -> None:
    """Rows of (url, fetched_at, final_url, http_status, ok, error, bytes, article_id)."""
    _insert(con, "INSERT INTO fetch_log", rows,
            ("VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "BOOLEAN", "VARCHAR", "BIGINT", "VARCHAR"))


def save_raw_page(con, article_id: str, url: str, when: str, html: str) -> None:
    con.execute("INSERT OR IGNORE INTO raw_pages VALUES (?, ?, ?, ?)", [article_id, url, when, html])


def record_round(con, rnd: dict, etag: str | None, last_modified: str | None) -> None:
    """A feed's polling round, and its new conditional-request state."""
    con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, ?)",
                [rnd["feed_url"], etag, last_modified, None, rnd["polled_at"], rnd["status"]])
    con.execute("INSERT INTO feed_rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [rnd[k] for k in ROUND_COLUMNS])
