"""Following outlets: fetch pages and poll RSS/Atom feeds, politely and safely, into the store.

Politeness: a clear User-Agent, robots.txt respected on every redirect hop, one
request at a time per host with a minimum interval between them (on every hop
too), timeouts and a total deadline per request and per round, retries with
backoff on transient failures, a cap on redirects, and refusal (with a reason)
of non-HTML and oversized responses. Feeds are polled concurrently with
conditional requests (ETag / Last-Modified); items already seen (by canonical
URL) or failed for good are not fetched again, at most ``max_new_items`` new
items per feed per round.

Safety (see docs/security.md): only http(s); every connection goes through
:mod:`unfog.io.netguard`, which refuses loopback, private, link-local,
multicast, reserved and cloud metadata addresses unless ``allow_private``.

Every URL's outcome is recorded in the store (``fetch_log``), every feed round
in ``feed_rounds``, so a failure never stops a round and never goes unseen.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import time
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from unfog import __version__
from unfog.io import netguard
from unfog.io.ingest import failed_article, html_to_article
from unfog.model import Article
from unfog.store import feeds as feed_store
from unfog.store.feeds import ensure_tables

USER_AGENT = f"unfog/{__version__} (open-source news monitor; +https://github.com/unfog/unfog)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "text/html")  # feeds are served under many types

TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$", re.I)


@dataclass
class Politeness:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds per read or connect
    total_timeout: float = 60.0  # seconds for one URL, all redirect hops and retries included
    round_timeout: float = 900.0  # seconds for one polling round of all feeds
    min_interval: float = 1.0  # seconds between two requests to the same host
    per_host: int = 1  # requests in flight to one host
    workers: int = 4  # requests in flight overall
    retries: int = 2  # further tries after a transient failure
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024  # a larger response is refused
    max_new_items: int = 50  # new items fetched per feed per round; the rest wait for the next rounds
    respect_robots: bool = True
    allow_private: bool = False  # reach loopback/private/link-local addresses (an intranet); metadata never


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
    permanent: bool = False  # fetching again will fail the same way (remembered, not retried every round)

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


REDIRECTS = (301, 302, 303, 307, 308)
# Content that is not a page, whatever the server says (or does not say) it is.
MAGIC = ((b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
         (b"PK\x03\x04", "zip archive"), (b"\x1f\x8b", "gzip archive"), (b"RIFF", "RIFF media"), (b"OggS", "Ogg media"))


def sniff(content: bytes) -> str | None:
    """What binary kind the bytes are (by their first bytes), or None for what may be text."""
    head = content[:1024].lstrip()
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head:
        return "binary data"
    return None


@functools.lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """A URL with the fragment, tracking parameters and host case removed, for de-duplication."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)])
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Fetcher:
    """An HTTP client that behaves: public addresses only, rate-limited per host, robots-aware, bounded."""

    def __init__(self, politeness: Politeness | None = None, transport=None, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.p = politeness or Politeness()
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.p.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            timeout=self.p.timeout,
            follow_redirects=False,  # followed here, hop by hop, each vetted like the first request
            transport=transport or netguard.GuardedTransport(allow_private=self.p.allow_private),
            trust_env=False,
        )
        self._host_locks: dict[str, threading.Semaphore] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._guard = threading.Lock()
        self.round_deadline: float | None = None

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start_round(self, seconds: float | None = None) -> None:
        """A new polling round: robots.txt is read again, and the round ends after ``seconds``."""
        with self._guard:
            self._robots.clear()
        self.round_deadline = None if seconds is None else time.monotonic() + seconds

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

    def robots_verdict(self, url: str, until: float | None = None) -> str | None:
        """Why robots.txt keeps us from this URL, or None when it allows it.

        A missing robots.txt (404) allows everything; 401/403 disallow everything;
        a 5xx or an unreachable robots.txt disallows the host for this round.
        """
        if not self.p.respect_robots:
            return None
        host = self._host(url)
        with self._guard:
            known = host in self._robots
        if not known:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            res = self._follow(host + "/robots.txt", {}, until, retries=0, robots=False)
            if res.ok:
                parser.parse(res.text.splitlines())
            elif res.permanent and res.status is None:
                parser = None  # the address is refused: the page's own request says so
            elif res.status in (401, 403) or res.status is None or res.status >= 500:
                parser.disallow_all = True
                parser.unavailable = res.status is None or res.status >= 500
            else:
                parser = None  # no robots.txt (404 and the like): everything allowed
            with self._guard:
                self._robots[host] = parser
        rp = self._robots.get(host)
        if rp is None or rp.can_fetch(self.p.user_agent, url):
            return None
        if getattr(rp, "unavailable", False):
            return "robots.txt could not be read (server error or no answer); the host is skipped this round"
        return "robots.txt disallows fetching this URL"

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our User-Agent fetch this URL."""
        return self.robots_verdict(url) is None

    # -- requests -------------------------------------------------------------
    def _deadline(self, until: float | None = None) -> float:
        at = time.monotonic() + self.p.total_timeout
        for other in (until, self.round_deadline):
            if other is not None:
                at = min(at, other)
        return at

    def _once(self, url: str, headers: dict, until: float) -> FetchResult:
        """One GET of one URL (no redirects followed), bounded by ``until``."""
        import httpx

        host = self._host(url)
        with self._semaphore(host):
            self._wait_turn(host)
            try:
                with netguard.deadline(until), self.client.stream("GET", url, headers=headers) as r:
                    return self._read(url, r)
            except netguard.RefusedAddress as e:
                return FetchResult(url, False, error=str(e), permanent=True)
            except (httpx.TimeoutException, httpx.TransportError) as e:
                return FetchResult(url, False, error=f"{type(e).__name__}: {e or 'no answer'}")
            except httpx.InvalidURL as e:
                return FetchResult(url, False, error=f"invalid URL: {e}", permanent=True)

    def _read(self, url: str, r) -> FetchResult:
        status, ctype = r.status_code, r.headers.get("content-type", "")
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.p.max_bytes:
            return FetchResult(url, False, str(r.url), status, content_type=ctype, permanent=True,
                               error=f"response is {int(declared):,} bytes; the limit is {self.p.max_bytes:,}")
        body = bytearray()
        if status not in REDIRECTS:
            for chunk in r.iter_bytes():
                body.extend(chunk)
                if len(body) > self.p.max_bytes:
                    return FetchResult(url, False, str(r.url), status, content_type=ctype, permanent=True,
                                       error=f"response is larger than the limit of {self.p.max_bytes:,} bytes")
        return FetchResult(url, 200 <= status < 300, str(r.url), status, bytes(body), ctype, dict(r.headers))

    def _get(self, url: str, headers: dict, until: float | None = None, retries: int | None = None) -> FetchResult:
        """One URL with retries on transient failures (429, 5xx, timeouts, connection errors)."""
        until = until or self._deadline()
        tries = self.p.retries if retries is None else retries
        delay = self.p.backoff
        for attempt in range(tries + 1):
            result = self._once(url, headers, until)
            status = result.status
            if status == 304:
                result.not_modified, result.ok = True, True
                return result
            transient = not result.permanent and (status is None or status == 429 or status >= 500)
            wait = delay
            retry_after = (result.headers or {}).get("retry-after", "")
            if retry_after.isdigit():
                wait = min(float(retry_after), 60.0)
            out_of_time = time.monotonic() + wait >= until
            if result.ok or status in REDIRECTS or not transient or attempt == tries or out_of_time:
                if not result.ok and result.error is None and status not in REDIRECTS:
                    result.error = f"HTTP {status}"
                    result.permanent = status in (404, 410)
                if out_of_time and transient and not result.ok:
                    result.error = f"{result.error or 'failed'} (the request's time ran out)"
                return result
            self.sleep(wait)
            delay *= 2
        return result  # pragma: no cover (loop always returns)

    def _follow(self, url: str, headers: dict, until: float | None, retries: int | None = None,
                robots: bool = True) -> FetchResult:
        """GET a URL, following redirects hop by hop: each hop http(s) only, robots-checked, rate-limited, vetted."""
        until = self._deadline(until)
        seen: set[str] = set()
        current = url
        for hop in range(self.p.max_redirects + 1):
            if time.monotonic() >= until:
                return FetchResult(url, False, current, error="the time for this request or round ran out before it was made")
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                what = "redirect to" if hop else "only http and https URLs can be fetched; not"
                return FetchResult(url, False, current, error=f"{what} a {scheme or 'schemeless'}: URL refused", permanent=True)
            if robots:
                why = self.robots_verdict(current, until)
                if why:
                    return FetchResult(url, False, current, error=why, permanent="disallows" in why)
            seen.add(canonical_url(current))
            res = self._get(current, headers if hop == 0 else {}, until, retries)
            res.url = url
            if res.status not in REDIRECTS:
                return res
            target = res.headers.get("location")
            if not target:
                return FetchResult(url, False, current, res.status, error=f"HTTP {res.status} without a Location", permanent=True)
            current = urljoin(current, target.strip())
            if canonical_url(current) in seen:
                return FetchResult(url, False, current, res.status, error=f"redirect loop at {current}", permanent=True)
        return FetchResult(url, False, current, error=f"more than {self.p.max_redirects} redirects", permanent=True)

    def fetch(self, url: str, headers: dict | None = None, kinds: tuple[str, ...] = HTML_TYPES,
              until: float | None = None) -> FetchResult:
        """GET a URL politely; refuse what robots.txt forbids, unsafe addresses and content of other kinds."""
        res = self._follow(url, headers or {}, until)
        if res.ok and not res.not_modified and kinds:
            ctype = res.content_type.split(";")[0].strip().lower()
            binary = sniff(res.content)
            if ctype and not any(k in ctype for k in kinds):
                res.ok, res.permanent, res.error = False, True, f"refused content of type {ctype!r}"
            elif binary:
                res.ok, res.permanent = False, True
                res.error = f"refused content that is a {binary}" + (f" (sent as {ctype!r})" if ctype else " (sent without a Content-Type)")
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
    when = _now()
    with Store(db) as store:
        ensure_tables(store.con)
        feed_store.log_fetches(store.con, [(r.url, when, r.final_url, r.status, r.ok, r.error, len(r.content), a.id)
                                           for r, a in zip(results, articles)])
        for art, res in zip(articles, results):
            if res.ok and art.status == "ok":
                feed_store.save_raw_page(store.con, art.id, res.final_url or res.url, when, res.text)
    summary["urls"] = [{"url": u, "ok": a.status == "ok", "article_id": a.id, "error": a.error, "permanent": r.permanent}
                       for u, a, r in zip(urls, articles, results)]
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


def _fetch_feed(fetcher: Fetcher, feed_url: str, state: tuple[str | None, str | None]) -> FetchResult:
    headers = {}
    if state[0]:
        headers["If-None-Match"] = state[0]
    if state[1]:
        headers["If-Modified-Since"] = state[1]
    return fetcher.fetch(feed_url, headers=headers, kinds=FEED_TYPES)


def _read_round(feed_url: str, res: FetchResult) -> tuple[dict, list[dict]]:
    """The round's record so far and the feed's items."""
    rnd = {"feed_url": feed_url, "polled_at": _now(), "http_status": res.status, "status": "ok",
           "items": 0, "items_new": 0, "items_added": 0, "items_failed": 0, "items_deferred": 0, "error": None}
    items: list[dict] = []
    if res.not_modified:
        rnd["status"] = "not modified"
    elif not res.ok:
        rnd["status"], rnd["error"] = "failed", res.error
    else:
        items, _title, err = parse_feed(res.content)
        if err:
            rnd["status"], rnd["error"] = "failed", err
    rnd["items"] = len(items)
    return rnd, items


def new_items(items: list[dict], known: set[str], taken: set[str]) -> list[dict]:
    """Items whose canonical URL is neither known nor taken already (``taken`` grows): linear, by set."""
    fresh = []
    for it in items:
        cu = canonical_url(it["url"])
        if cu in known or cu in taken:
            continue
        taken.add(cu)
        fresh.append(it)
    return fresh


def poll_once(feed_urls: Iterable[str], db: str, fetcher: Fetcher | None = None) -> list[dict]:
    """One polling round over feeds, fetched concurrently: new items (at most ``max_new_items`` per feed)
    are fetched and ingested; every outcome recorded; permanent failures remembered."""
    from unfog.store import Store

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        fetcher.start_round(fetcher.p.round_timeout)
        feed_urls = list(dict.fromkeys(feed_urls))
        with Store(db) as store:
            ensure_tables(store.con)
            states = {u: feed_store.feed_state(store.con, u) for u in feed_urls}
        with ThreadPoolExecutor(max_workers=max(1, fetcher.p.workers)) as pool:
            responses = list(pool.map(lambda u: _fetch_feed(fetcher, u, states[u]), feed_urls))
        rounds, todo, owner = [], [], {}
        read = [_read_round(u, res) for u, res in zip(feed_urls, responses)]
        with Store(db) as store:
            known = feed_store.known_urls(store.con, sorted({canonical_url(it["url"]) for _, items in read for it in items}))
        taken: set[str] = set()
        for rnd, items in read:
            fresh = new_items(items, known, taken)
            now = fresh[:fetcher.p.max_new_items]
            rnd["items_new"], rnd["items_deferred"] = len(fresh), len(fresh) - len(now)
            for it in fresh[len(now):]:
                taken.discard(canonical_url(it["url"]))
            todo.extend(now)
            owner.update({it["url"]: rnd for it in now})
            rounds.append(rnd)
        _fetch_items(todo, owner, db, fetcher)
        with Store(db) as store:
            for (rnd, _), res in zip(read, responses):
                etag, lm = states[rnd["feed_url"]]
                if res.ok and not res.not_modified:
                    etag, lm = (res.headers or {}).get("etag"), (res.headers or {}).get("last-modified")
                feed_store.record_round(store.con, rnd, etag, lm)
    finally:
        if own:
            fetcher.close()
    return rounds


def _fetch_items(todo: list[dict], owner: dict[str, dict], db: str, fetcher: Fetcher) -> None:
    """Fetch and ingest new items; stored ones and permanent failures are marked seen, others tried again."""
    from unfog.store import Store

    if not todo:
        return
    meta = {it["url"]: {"title": it.get("title"), "published": it.get("published")} for it in todo}
    summary = fetch_and_ingest([it["url"] for it in todo], db, fetcher=fetcher, feed_meta=meta)
    seen = []
    for u in summary["urls"]:
        rnd = owner[u["url"]]
        rnd["items_added" if u["ok"] else "items_failed"] += 1
        if u["ok"] or u["permanent"]:
            seen.append((canonical_url(u["url"]), rnd["feed_url"], _now(), u["article_id"],
                         "ok" if u["ok"] else "failed", u["error"]))
    with Store(db) as store:
        feed_store.mark_seen(store.con, seen)


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
          on_round: Callable[[list[dict]], None] | None = None, sleep: Callable[[float], None] = time.sleep,
          politeness: Politeness | None = None) -> None:
    """Poll feeds every ``every`` seconds (forever, or ``rounds`` times)."""
    n = 0
    with Fetcher(politeness) as fetcher:
        while rounds is None or n < rounds:
            result = poll_once(feed_urls, db, fetcher=fetcher)
            if on_round:
                on_round(result)
            n += 1
            if rounds is None or n < rounds:
                sleep(every)
