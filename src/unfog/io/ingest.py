"""Reading input into :class:`Article` objects.

Accepts JSONL batches (one article per line), .txt and .html files, and
folders of those. Every input item yields exactly one Article: the ones that
cannot be read come back with ``status="failed"`` and a plain-words ``error``,
so nothing the user gave is silently dropped.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Iterable, Iterator

from unfog.model import Article, stable_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a single file or line above this fails with that reason


class UsageError(ValueError):
    """The command was called wrongly (the CLI exits with status 2)."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_JUNK_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> tuple[str, str | None]:
    """Text safe to store and print, with the same length (so offsets hold), and a warning.

    JSON can carry lone surrogates (``"\\ud800"``) that no UTF-8 encoder
    accepts; each becomes U+FFFD, one character for one, so every offset
    into the text as given still points at the same place.
    """
    n = len(_LONE_SURROGATE.findall(text))
    if not n:
        return text, None
    return _LONE_SURROGATE.sub("\ufffd", text), f"{n} invalid Unicode character(s) (lone surrogates) were replaced by U+FFFD"


def looks_binary(text: str) -> bool:
    """True for text that is mostly control characters (binary junk pasted into a field)."""
    sample = text[:20_000]
    junk = len(_JUNK_CONTROL.findall(sample))
    return junk > 8 and junk > 0.1 * len(sample)


def meta_str(value) -> str | None:
    """A metadata value (title, source, id...) as a clean string, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)
    return clean_text(value)[0]


def safe_str(value: str) -> str:
    """A string any UTF-8 encoder accepts: lone surrogates written as backslash escapes."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def failed_id(where: str, raw: str) -> str:
    """Id of an input item that could not be read: from the file's name, line and content.

    The file's name without its folders keeps the id the same whichever
    folder the batch is run from. Computed on a safe encoding, so a line
    holding lone surrogates still gets its id (and its failed article).
    """
    return stable_id("art", "failed", safe_str(os.path.basename(where)), safe_str(raw))


def normalise_published(value) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or ISO datetime, warning) from what the user gave."""
    if value in (None, ""):
        return None, None
    s = str(value).strip()
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s).isoformat(), None
        d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return d.isoformat(), None
    except ValueError:
        pass
    try:
        import dateparser

        d = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):  # what dateparser raises on junk
        d = None
    if d is not None:
        return d.date().isoformat(), None
    return None, f"publication date {s!r} could not be parsed; the article was processed as undated"


def article_from_text(
    text: str,
    *,
    external_id: str | None = None,
    published=None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    input_ref: str | None = None,
) -> Article:
    pub, warn = normalise_published(published)
    text, unicode_warn = clean_text(text)
    art = Article(
        id=Article.id_for_text(text),
        text=text,
        external_id=meta_str(external_id),
        source=meta_str(source),
        published=pub,
        title=meta_str(title),
        url=meta_str(url),
        input_ref=input_ref,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    art.warnings.extend(w for w in (warn, unicode_warn) if w)
    if not text.strip():
        art.status, art.error = "failed", "the article text is empty"
    elif looks_binary(text):
        art.status, art.error = "failed", "the article text looks like binary data (mostly control characters)"
    return art


def failed_article(input_ref: str, error: str, external_id=None, raw: str = "") -> Article:
    """An input item that could not be read: kept, with the reason."""
    return Article(
        id=failed_id(input_ref, raw),
        external_id=meta_str(external_id),
        status="failed",
        error=error,
        input_ref=input_ref,
    )


def html_to_article(html: str, *, input_ref: str, url: str | None = None, **meta) -> Article:
    """Main text and metadata from an HTML page, with trafilatura's boilerplate removal."""
    import trafilatura

    html, unicode_warn = clean_text(html)
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""
        md = trafilatura.extract_metadata(html, default_url=url)
    except Exception as e:  # trafilatura/lxml raise assorted errors on broken markup
        return failed_article(input_ref, f"the HTML page could not be read ({type(e).__name__}: {e})", meta.get("external_id"), raw=html[:2000])
    title = meta.get("title") or (md.title if md else None)
    published = meta.get("published") or (md.date if md else None)
    source = meta.get("source") or (md.sitename if md else None)
    url = url or (md.url if md else None)
    art = article_from_text(
        text,
        external_id=meta.get("external_id"),
        published=published,
        source=source,
        url=url,
        title=title,
        input_ref=input_ref,
    )
    if unicode_warn:
        art.warnings.append(unicode_warn)
    if not text.strip():
        art.status, art.error = "failed", "no article text could be found in the HTML page"
    return art


SPECIAL_ROOTS = ("/proc", "/sys", "/dev")


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_INPUT_BYTES of them actually read (devices, FIFOs, /proc refused)."""
    real = os.path.realpath(path)
    if any(real == r or real.startswith(r + "/") for r in SPECIAL_ROOTS):
        raise ValueError(f"{real} is a system file, not an article")
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("it is not a regular file (a device, FIFO or socket)")
        data = fh.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise ValueError(f"the file is larger than {MAX_INPUT_BYTES // 2**20} MB")
    return data


def _read_file_text(path: Path) -> str:
    data = _read_bytes(path)
    if b"\x00" in data[:8192]:
        raise ValueError("the file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"the file is not valid UTF-8 ({e.reason} at byte {e.start})") from None


def read_file(path: Path, *, published=None, source=None, base: Path | None = None) -> Article:
    ref = str(path)
    try:
        text = _read_file_text(path)
    except FileNotFoundError:
        return failed_article(ref, f"file not found: {path}")
    except (OSError, ValueError) as e:
        return failed_article(ref, f"cannot read {path}: {getattr(e, 'strerror', None) or e}")
    if path.suffix.lower() in HTML_SUFFIXES:
        return html_to_article(text, input_ref=ref, published=published, source=source)
    return article_from_text(text, published=published, source=source, input_ref=ref, title=None)


def batch_path(value, base: Path) -> Path:
    """A batch line's ``path``: relative, and inside the batch's folder once symlinks are resolved.

    Files elsewhere are given on the command line instead: a batch (or a
    request) never names files outside its own folder.
    """
    if not isinstance(value, str) or not value or "\x00" in value:
        raise ValueError("'path' is not a file name")
    p = Path(value)
    if p.is_absolute():
        raise ValueError(f"'path' {value!r} is absolute; batch paths are relative to the batch's folder")
    root = base.resolve()
    full = (root / p).resolve()
    if full != root and root not in full.parents:
        raise ValueError(f"'path' {value!r} leads outside the batch's folder")
    return full


def read_jsonl_line(line: str, lineno: int, ref: str, base: Path, defaults: dict) -> Article:
    """One article from one batch line, whatever the line holds: ok, or failed with the reason."""
    where = f"{ref}:{lineno}"
    try:
        return _read_jsonl_line(line, lineno, where, base, defaults)
    except (ValueError, TypeError, RecursionError, UnicodeError, OSError) as e:
        return failed_article(where, f"line {lineno} could not be read ({type(e).__name__}: {safe_str(str(e))[:200]})", raw=line)


def _read_jsonl_line(line: str, lineno: int, where: str, base: Path, defaults: dict) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return failed_article(where, f"line {lineno} is not valid JSON ({e.msg} at column {e.colno})", raw=line)
    if not isinstance(obj, dict):
        return failed_article(where, f"line {lineno} is not a JSON object", raw=line)
    ext = obj.get("id")
    meta = {
        "published": obj.get("published", defaults.get("published")),
        "source": obj.get("source", defaults.get("source")),
        "url": obj.get("url"),
        "title": obj.get("title"),
    }
    text = obj.get("text")
    if text is None and isinstance(obj.get("html"), str):
        text = ""
    if text is None and obj.get("path"):
        try:
            p = batch_path(obj["path"], base)
        except ValueError as e:
            return failed_article(where, f"line {lineno}: {e}", ext, raw=line)
        art = read_file(p, published=meta["published"], source=meta["source"])
        art.external_id = meta_str(ext)
        art.url = art.url or meta_str(meta["url"])
        art.title = art.title or meta_str(meta["title"])
        if art.status == "failed":
            art.id = failed_id(where, line)
            if art.error and not art.error.startswith("line "):
                art.error = f"line {lineno}: {art.error}"
        art.input_ref = where
        return art
    if text is None:
        return failed_article(where, f"line {lineno} has neither 'text' nor 'path'", ext, raw=line)
    if not isinstance(text, str):
        return failed_article(where, f"line {lineno}: 'text' is not a string", ext, raw=line)
    if isinstance(obj.get("html"), str):  # raw HTML goes in its own key: 'text' is always text as given
        return html_to_article(obj["html"], input_ref=where, url=meta["url"], external_id=ext, **{k: v for k, v in meta.items() if k != "url"})
    art = article_from_text(text, external_id=ext, input_ref=where, **meta)
    if art.status == "failed":
        art.id = failed_id(where, line)
        art.error = f"line {lineno}: {art.error}"
    return art


def read_jsonl(path: Path, defaults: dict | None = None) -> Iterator[Article]:
    defaults = defaults or {}
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield failed_article(str(path), f"cannot open {path}: {e.strerror or e}")
        return
    with fh:
        for lineno, raw in enumerate(_bounded_lines(fh), 1):
            if raw is None:
                yield failed_article(f"{path}:{lineno}", f"line {lineno} is longer than {MAX_INPUT_BYTES // 2**20} MB",
                                     raw=f"too long {lineno}")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield failed_article(f"{path}:{lineno}", f"line {lineno} is not valid UTF-8 ({e.reason})", raw=repr(raw[:200]))
                continue
            yield read_jsonl_line(line, lineno, str(path), path.parent, defaults)


def _bounded_lines(fh) -> Iterator[bytes | None]:
    """Lines of at most MAX_INPUT_BYTES (None for a longer one, whose rest is skipped unread into memory)."""
    while True:
        raw = fh.readline(MAX_INPUT_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_INPUT_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield None
            continue
        yield raw


def iter_inputs(paths: Iterable[str | os.PathLike], *, published=None, source=None) -> Iterator[Article]:
    """Articles from files, folders and JSONL batches, lazily, in a stable order."""
    defaults = {"published": published, "source": source}
    for raw in paths:
        p = Path(raw)
        if str(raw) == "-":
            import sys

            for lineno, line in enumerate(sys.stdin, 1):
                if line.strip():
                    yield read_jsonl_line(line, lineno, "<stdin>", Path.cwd(), defaults)
            continue
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield from iter_inputs([child], published=published, source=source)
            continue
        if not p.exists():
            yield failed_article(str(p), f"file not found: {p}")
            continue
        if p.suffix.lower() in JSONL_SUFFIXES or p.suffix.lower() == ".json":
            yield from read_jsonl(p, defaults)
        else:
            yield read_file(p, published=published, source=source)


def mark_duplicates(articles: Iterable[Article]) -> Iterator[Article]:
    """Give each repeat of an article already seen in this batch its own id, pointing at the first."""
    seen: dict[str, int] = {}
    for art in articles:
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        if n and art.status == "ok":
            art.duplicate_of = art.id
            art.id = f"{art.id}-dup{n}"
            art.warnings.append(f"same text as article {art.duplicate_of}; its records are listed there")
        elif n:
            art.id = f"{art.id}-{n}"
        yield art
