"""Following outlets: fetch pages and poll RSS/Atom feeds, politely, into the store.

Politeness: a clear User-Agent, robots.txt respected, one request at a time per
host with a minimum interval between them, timeouts, retries with backoff on
transient failures, a cap on redirects, and refusal (with a reason) of
non-HTML and oversized responses. Feeds are polled with conditional requests
(ETag / Last-Modified); items already seen (by canonical URL) are not fetched
again, and articles already stored (by content id) are not stored twice.

Every URL's outcome is recorded in the store (``fetch_log``), every feed round
in ``feed_rounds``, so a failure never stops a round and never goes unseen.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from unfog import __version__
from unfog.io.ingest import failed_article, html_to_article
from unfog.model import Article

USER_AGENT = f"unfog/{__version__} (open-source news monitor; +https://github.com/unfog/unfog)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "text/html")  # feeds are served under many types

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

TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$", re.I)


@dataclass
class Politeness:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds per request (connect and read)
    min_interval: float = 1.0  # seconds between two requests to the same host
    per_host: int = 1  # requests in flight to one host
    workers: int = 4  # requests in flight overall
    retries: int = 2  # further tries after a transient failure
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024  # a larger response is refused
    respect_robots: bool = True


@dataclass
class FetchResult:
    url: str
    ok: bool
    final_url: str | None = None
    status: int | None = None
    content: bytes = b""
    content_type: str = ""
    headers: dict = field(default_factory=dict)
    error: str | None = None
    not_modified: bool = False

    @property
    def text(self) -> str:
        charset = "utf-8"
        m = re.search(r"charset=([\w-]+)", self.content_type or "", re.I)
        if m:
            charset = m.group(1)
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


def canonical_url(url: str) -> str:
    """A URL with the fragment, tracking parameters and host case removed, for de-duplication."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)])
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Fetcher:
    """An HTTP client that behaves: rate-limited per host, robots-aware, bounded."""

    def __init__(self, politeness: Politeness | None = None, transport=None, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.p = politeness or Politeness()
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.p.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            timeout=self.p.timeout,
            follow_redirects=True,
            max_redirects=self.p.max_redirects,
            transport=transport,
        )
        self._host_locks: dict[str, threading.Semaphore] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._guard = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- politeness ---------------------------------------------------------
    def _host(self, url: str) -> str:
        p = urlsplit(url)
        return f"{p.scheme}://{p.netloc}"

    def _wait_turn(self, host: str) -> None:
        with self._guard:
            last = self._last.get(host)
            wait = 0.0 if last is None else self.p.min_interval - (time.monotonic() - last)
            self._last[host] = time.monotonic() + max(0.0, wait)
        if wait > 0:
            self.sleep(wait)

    def _semaphore(self, host: str) -> threading.Semaphore:
        with self._guard:
            if host not in self._host_locks:
                self._host_locks[host] = threading.Semaphore(self.p.per_host)
            return self._host_locks[host]

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our User-Agent fetch this URL (unreachable robots.txt allows)."""
        if not self.p.respect_robots:
            return True
        host = self._host(url)
        with self._guard:
            known = host in self._robots
        if not known:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            res = self._get(host + "/robots.txt", {}, retries=0)
            if res.ok:
                parser.parse(res.text.splitlines())
            elif res.status in (401, 403):
                parser.disallow_all = True
            else:
                parser = None  # no robots.txt (404) or unreachable: everything allowed
            with self._guard:
                self._robots[host] = parser
        rp = self._robots.get(host)
        return True if rp is None else rp.can_fetch(self.p.user_agent, url)

    # -- requests -------------------------------------------------------------
    def _get(self, url: str, headers: dict, retries: int | None = None) -> FetchResult:
        import httpx

        host = self._host(url)
        tries = self.p.retries if retries is None else retries
        delay = self.p.backoff
        for attempt in range(tries + 1):
            with self._semaphore(host):
                self._wait_turn(host)
                try:
                    with self.client.stream("GET", url, headers=headers) as r:
                        status = r.status_code
                        ctype = r.headers.get("content-type", "")
                        declared = r.headers.get("content-length")
                        if declared and declared.isdigit() and int(declared) > self.p.max_bytes:
                            return FetchResult(url, False, str(r.url), status, content_type=ctype,
                                               error=f"response is {int(declared):,} bytes; the limit is {self.p.max_bytes:,}")
                        body = bytearray()
                        for chunk in r.iter_bytes():
                            body.extend(chunk)
                            if len(body) > self.p.max_bytes:
                                return FetchResult(url, False, str(r.url), status, content_type=ctype,
                                                   error=f"response is larger than the limit of {self.p.max_bytes:,} bytes")
                        result = FetchResult(url, 200 <= status < 300, str(r.url), status, bytes(body), ctype, dict(r.headers))
                except httpx.TooManyRedirects:
                    return FetchResult(url, False, error=f"more than {self.p.max_redirects} redirects")
                except (httpx.TimeoutException, httpx.TransportError) as e:
                    result = FetchResult(url, False, error=f"{type(e).__name__}: {e or 'no answer'}")
                    status = None
            if status == 304:
                result.not_modified, result.ok = True, True
                return result
            transient = status is None or status == 429 or (status is not None and status >= 500)
            if result.ok or not transient or attempt == tries:
                if not result.ok and result.error is None:
                    result.error = f"HTTP {status}"
                return result
            wait = delay
            retry_after = (result.headers or {}).get("retry-after", "")
            if retry_after.isdigit():
                wait = min(float(retry_after), 60.0)
            self.sleep(wait)
            delay *= 2
        return result  # pragma: no cover (loop always returns)

    def fetch(self, url: str, headers: dict | None = None, kinds: tuple[str, ...] = HTML_TYPES) -> FetchResult:
        """GET a URL politely; refuse what robots.txt forbids and content of other kinds."""
        if urlsplit(url).scheme not in ("http", "https"):
            return FetchResult(url, False, error="only http and https URLs can be fetched")
        if not self.allowed(url):
            return FetchResult(url, False, error="robots.txt disallows fetching this URL")
        res = self._get(url, headers or {})
        if res.ok and not res.not_modified and kinds:
            ctype = res.content_type.split(";")[0].strip().lower()
            if ctype and not any(k in ctype for k in kinds):
                res.ok = False
                res.error = f"refused content of type {ctype!r}"
        return res


# -- pages ----------------------------------------------------------------------
def page_to_article(res: FetchResult, meta: dict | None = None) -> Article:
    """An Article from a fetched page (trafilatura), or a failed one with the reason."""
    meta = meta or {}
    if not res.ok:
        return failed_article(res.url, f"could not fetch {res.url}: {res.error}", raw=res.url)
    art = html_to_article(res.text, input_ref=res.url, url=res.final_url or res.url, **meta)
    return art


def fetch_pages(urls: Iterable[str], fetcher: Fetcher) -> list[FetchResult]:
    """Fetch many URLs concurrently (bounded overall and per host), in input order."""
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=max(1, fetcher.p.workers)) as pool:
        return list(pool.map(fetcher.fetch, urls))


def ensure_tables(con) -> None:
    for ddl in FEED_TABLES:
        con.execute(ddl)


def _log_fetches(con, results: list[FetchResult], article_ids: list[str | None]) -> None:
    when = _now()
    for res, aid in zip(results, article_ids):
        con.execute(
            "INSERT INTO fetch_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [res.url, when, res.final_url, res.status, res.ok, res.error, len(res.content), aid],
        )


def fetch_and_ingest(urls: Iterable[str], db: str, fetcher: Fetcher | None = None, feed_meta: dict | None = None) -> dict:
    """Fetch pages, extract their articles, store them with the raw HTML; one record per URL."""
    from unfog.store import Store
    from unfog.workflows import ingest_articles

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        urls = list(urls)
        results = fetch_pages(urls, fetcher)
    finally:
        if own:
            fetcher.close()
    articles = []
    for url, res in zip(urls, results):
        art = page_to_article(res, (feed_meta or {}).get(url))
        if art.status == "ok" and not art.url:
            art.url = res.final_url or url
        articles.append(art)
    summary = ingest_articles(iter(articles), db)
    with Store(db) as store:
        ensure_tables(store.con)
        _log_fetches(store.con, results, [a.id for a in articles])
        for art, res in zip(articles, results):
            if res.ok and art.status == "ok":
                store.con.execute("INSERT OR IGNORE INTO raw_pages VALUES (?, ?, ?, ?)", [art.id, res.final_url or res.url, _now(), res.text])
    summary["urls"] = [{"url": u, "ok": a.status == "ok", "article_id": a.id, "error": a.error} for u, a in zip(urls, articles)]
    return summary


# -- feeds ----------------------------------------------------------------------
def read_feed_list(path: str) -> list[str]:
    """Feed URLs from a text file: one per line, '#' comments and blank lines ignored."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return out


def parse_feed(content: bytes) -> tuple[list[dict], str | None, str | None]:
    """(items, feed title, error) from feed bytes; items have url, title, published."""
    import feedparser

    parsed = feedparser.parse(content)
    items = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link:
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            t = e.get(key)
            if t:
                published = dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
                break
        items.append({"url": link, "title": e.get("title"), "published": published})
    error = None
    if not items and parsed.get("bozo"):
        error = f"not a readable feed: {parsed.get('bozo_exception')}"
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return items, title, error


def poll_once(feed_urls: Iterable[str], db: str, fetcher: Fetcher | None = None) -> list[dict]:
    """One polling round over feeds: new items are fetched and ingested; every outcome recorded."""
    from unfog.store import Store

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    rounds = []
    try:
        for feed_url in feed_urls:
            with Store(db) as store:
                ensure_tables(store.con)
                row = store.con.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", [feed_url]).fetchone()
            headers = {}
            if row and row[0]:
                headers["If-None-Match"] = row[0]
            if row and row[1]:
                headers["If-Modified-Since"] = row[1]
            res = fetcher.fetch(feed_url, headers=headers, kinds=FEED_TYPES)
            rnd = {"feed_url": feed_url, "polled_at": _now(), "http_status": res.status, "status": "ok",
                   "items": 0, "items_new": 0, "items_added": 0, "items_failed": 0, "error": None}
            items: list[dict] = []
            if res.not_modified:
                rnd["status"] = "not modified"
            elif not res.ok:
                rnd["status"], rnd["error"] = "failed", res.error
            else:
                items, title, err = parse_feed(res.content)
                if err:
                    rnd["status"], rnd["error"] = "failed", err
            rnd["items"] = len(items)
            new = []
            with Store(db) as store:
                for it in items:
                    cu = canonical_url(it["url"])
                    if cu in {canonical_url(n["url"]) for n in new}:
                        continue
                    if store.con.execute("SELECT 1 FROM seen_urls WHERE url = ?", [cu]).fetchone():
                        continue
                    new.append(it)
            rnd["items_new"] = len(new)
            if new:
                meta = {it["url"]: {"title": it.get("title"), "published": it.get("published")} for it in new}
                summary = fetch_and_ingest([it["url"] for it in new], db, fetcher=fetcher, feed_meta=meta)
                for u in summary["urls"]:
                    rnd["items_added" if u["ok"] else "items_failed"] += 1
                with Store(db) as store:
                    for u in summary["urls"]:
                        # failed items are recorded too but not marked seen, so the next round tries again
                        if u["ok"]:
                            store.con.execute("INSERT OR IGNORE INTO seen_urls VALUES (?, ?, ?, ?, ?, ?)",
                                              [canonical_url(u["url"]), feed_url, _now(), u["article_id"], "ok", None])
            with Store(db) as store:
                ensure_tables(store.con)
                etag = (res.headers or {}).get("etag") if res.ok and not res.not_modified else (row[0] if row else None)
                lm = (res.headers or {}).get("last-modified") if res.ok and not res.not_modified else (row[1] if row else None)
                store.con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, ?)",
                                  [feed_url, etag, lm, None, rnd["polled_at"], rnd["status"]])
                store.con.execute("INSERT INTO feed_rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [rnd[k] for k in (
                    "feed_url", "polled_at", "http_status", "status", "items", "items_new", "items_added", "items_failed", "error")])
            rounds.append(rnd)
    finally:
        if own:
            fetcher.close()
    return rounds


def parse_interval(text: str) -> float:
    """Seconds from '30m', '6h', '90s', '1d' or a plain number of seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m:
        raise ValueError(f"cannot read the interval {text!r}; use e.g. 30m, 6h, 90s")
    n = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if n < 60:
        raise ValueError("polling more often than once a minute is not polite; use at least 1m")
    return n


def watch(feed_urls: list[str], db: str, every: float, rounds: int | None = None,
          on_round: Callable[[list[dict]], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll feeds every ``every`` seconds (forever, or ``rounds`` times)."""
    n = 0
    with Fetcher() as fetcher:
        while rounds is None or n < rounds:
            result = poll_once(feed_urls, db, fetcher=fetcher)
            if on_round:
                on_round(result)
            n += 1
            if rounds is None or n < rounds:
                sleep(every)


def feed_status(con, limit: int = 200) -> dict:
    """Feeds and their latest polling rounds, for the desk (empty when nothing was ever polled)."""
    have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "feed_rounds" not in have:
        return {"feeds": [], "rounds": []}

    def rows(sql, params=()):
        cur = con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    return {
        "feeds": rows("SELECT url, last_polled, last_status FROM feeds ORDER BY url"),
        "rounds": rows("SELECT * FROM feed_rounds ORDER BY polled_at DESC, feed_url LIMIT ?", [int(limit)]),
    }
