"""Times of day a report tells: a live blog's entry stamps ("19:40 EEST - ..."), a count told at a time ("as of
10:40 a.m., eight were dead"), the report's own stamp ("Updated February 4, 2023 11:40pm").

Reports carry a day, not an hour: two counts of one day are ordered by these when the text gives them. Times are
kept as written (no time zone is applied): "HH:MM" on a 24-hour clock, or minutes since midnight.
The words are data (lexicons/times.json).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from unfog.lexicons import alternation, load as load_lexicon

# a paragraph opening with a time stamp: a live blog's entry ("10:42", "14.05", "9 am")
ENTRY_STAMP = re.compile(r"(?m)^\s*(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)\b")

# a time of day in running text: "10:40", "10:40 a.m.", "8:43:PM", "1 pm", "9.30pm" (a bare "9.30" is a number)
_TIME = r"\d{1,2}(?:[:.]\d{2})?:?\s?[ap]\.?\s?m\b\.?|\d{1,2}:\d{2}\b"


# a paragraph opening with a list mark: an item of a "key events" list or of a bulletin's highlights
LIST_ITEM = re.compile(r"(?m)^[ \t]*[-\u2013\u2014\u2022\u25aa\u25cf*][ \t]+(?=\S)")
PARAGRAPH = re.compile(r"(?m)^[ \t]*\S")
LIST_SHARE = 0.6  # of the text from the first item on that the items make up, for a list of separate reports


def entry_starts(text: str) -> list[int]:
    """Start offsets of live-blog entries (paragraphs opening with a time stamp) or, without stamps, of the
    items of an article made of a list ("- Police in the region said ..." item after item: a key-events
    page, a bulletin); [] for other articles. Each entry tells its own reports: an event, its place and its
    toll are never taken from another entry."""
    starts = [mt.start() for mt in ENTRY_STAMP.finditer(text)]
    return starts if len(starts) >= 2 else _list_items(text)


def _list_items(text: str) -> list[int]:
    """The paragraphs from the first list item on, when three or more items make up most of that text (a
    summary of three bullets over a long story is no list of reports: its body retells them)."""
    items = [mt.start() for mt in LIST_ITEM.finditer(text)]
    if len(items) < 3:
        return []
    paragraphs = [mt.start() for mt in PARAGRAPH.finditer(text) if mt.start() >= items[0]]
    ends = paragraphs[1:] + [len(text)]
    in_items = sum(end - start for start, end in zip(paragraphs, ends) if start in set(items))
    return paragraphs if in_items >= LIST_SHARE * (len(text) - items[0]) else []


def minutes(stamp: str) -> int | None:
    """Minutes since midnight of a time as written ("10:40 a.m." -> 640, "8:43 PM" -> 1243, "1 pm" -> 780,
    "14.05" -> 845); None when it is no time of day (a bare hour, "25:10")."""
    m = re.match(r"\s*(\d{1,2})(?:[:.](\d{2}))?:?\s?(?:([ap])\.?\s?m\b\.?)?", stamp, re.I)
    if m is None or (m.group(2) is None and m.group(3) is None):
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def clock(mins: int | None) -> str | None:
    """Minutes since midnight as "HH:MM"."""
    return None if mins is None else f"{mins // 60:02d}:{mins % 60:02d}"


def clock_minutes(value: str | None) -> int | None:
    """"HH:MM" back to minutes since midnight (None for None)."""
    return minutes(value) if value else None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, int]:
    data = load_lexicon("times")
    approx = rf"(?:(?:{alternation(data['approximate'])})\s+)?"
    time = f"({_TIME})"
    count = re.compile(
        rf"(?:\b(?:{alternation(data['count_cues'])})|^\W*(?:{alternation(data['sentence_opening_cues'])}))"
        rf"\s+{approx}{time}", re.I)
    date = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    stamp = re.compile(
        rf"(?:\b(?:{alternation(data['stamp_words'])})\b\s*:?\s*(?:{date},?\s*)?|{date},?\s+)"
        rf"({_TIME})", re.I)
    return count, stamp, int(data["head_chars"])


def count_time(sentence: str, at: int = 0) -> int | None:
    """The time of day a sentence puts its count at ("As of 11:30 am, the number of dead rose to 14"), in
    minutes; the cue nearest before ``at`` (the figure's offset in the sentence), else the first after it.
    None when the sentence names no such time ("the blast happened at about 4 pm" is the act's time)."""
    count, _, _ = _patterns()
    found = [(m.start(), minutes(m.group(1))) for m in count.finditer(sentence)]
    found = [(s, v) for s, v in found if v is not None]
    if not found:
        return None
    before = [v for s, v in found if s <= at]
    return before[-1] if before else found[0][1]


def report_stamp(text: str) -> int | None:
    """The time of the report's own stamp near its head ("Published: Apr 08, 2022 09:46 PM", "Updated
    February 4, 2023 11:40pm", "22 January 2022, 10:54"): the latest given (an update's), in minutes."""
    _, stamp, head = _patterns()
    found = [v for m in stamp.finditer(text[:head]) for v in [minutes(m.group(1))] if v is not None]
    return max(found) if found else None


def entry_stamp(text: str, pos: int, entries: list[int] | None = None) -> int | None:
    """The stamp of the live-blog entry ``pos`` lies in, in minutes (None outside a live blog)."""
    entries = entry_starts(text) if entries is None else entries
    k = bisect.bisect_right(entries, pos) - 1
    if k < 0:
        return None
    m = ENTRY_STAMP.match(text, entries[k])
    return minutes(m.group(0)) if m else None
