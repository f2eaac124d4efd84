"""Wire-copy furniture that is never a claim: desk tags, datelines, live-blog stamps, topic prefixes.

"UPDATE 2-", "WRAPUP 3-", "RPT-", "EXCLUSIVE-", "KYIV, March 3 (Reuters) -",
"(Reuters) -", "10:42 GMT -", "Ukraine Live Day 273:", "Ukraine crisis:": the
numbers in them are not figures and their words are not claimants. The tags
and topic words are data (speech.json); :func:`lead_end` returns how many
characters of a line such furniture takes.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from unfog.lexicons.countries import country_of_place

_SPEECH = json.loads((Path(__file__).resolve().parent / "speech.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern]:
    tags = "|".join(sorted(_SPEECH["agency_prefixes"], key=len, reverse=True))
    dash = r"\s*[-–—:]+\s*"
    return [
        # list bullets opening a line: "- ", "• ", "* " (a live page's summary)
        re.compile(r"[-–—•*·▪]\s+(?=\S)"),
        # desk tags: "UPDATE 2-", "WRAP:", "RPT-", "EXCLUSIVE-" (capitals, as wires write them)
        re.compile(r"(?:(?:" + tags + r")" + dash + r")+"),
        # datelines with an agency: "KYIV, March 3 (Reuters) -", "(AP) —", "MOSCOW (Reuters) -"
        # ("KYIV, Ukraine (AP) —", "GOMA, Congo, Jan 5 (Wire) -": a country may follow the city;
        # "Naypyidaw, Apr 14 (IANS):" a colon after the agency)
        re.compile(r"(?:[A-Z][A-Za-z.'’ /-]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?(?=\s*[(,]))?"
                   r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?"
                   r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
                   r"\((?:[A-Z][\w.&' -]{0,30})\)(?:\s*(?:[-–—]+|:)\s*"
                   # (or the agency's own stamp of the day, "Cotonou, June 5 (AFP) Jun 05, 2025", ending the line)
                   r"|\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*$)"),
        # a dateline whose agency is followed by the story without a dash: "Peshawar, Feb 6 (PTI) At least ..."
        # (the town and the day both told, so a sentence opening on a bracket is no dateline)
        re.compile(r"[A-Z][A-Za-z.'’ /-]{1,40},\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                   r"(?:,\s*\d{4})?\s*\((?:[A-Z][\w.&' -]{0,30})\)\s+(?=[A-Z\"“])"),
        # datelines without an agency: "KYIV, March 3 -", "DONETSK, Ukraine —", "PEMBA, Mozambique, May 11 -"
        # ("BUNIA, Democratic Republic of Congo, July 13 -": a country of several words)
        re.compile(r"[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z]+){0,3}\.?"
                   r"(?:\s+\d{1,2})?(?:,\s*\d{4})?){0,2}(?:\s+[-–—]+\s+|\s*[–—]\s*(?=[A-Z\"“(]))"),  # ("BAMAKO—At least ...")
        # datelines with a colon: "BANGKOK: ..." (a city in capitals, then the story; "KANO, Nigeria: ...", a country
        # may follow the city)
        re.compile(r"[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})?:\s+(?=[A-Z\"“(])"),
        # datelines with a day and no dash: "Khartoum, Oct 7 At least ..."
        re.compile(r"[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+)?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                   r"[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s+(?=[A-Z])"),
        # live-blog stamps: "10:42 GMT -", "14.05:", "Updated 9:30 am"
        re.compile(r"(?:(?:Updated|Posted|Last updated)\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
                   r"(?:\s*(?:GMT|BST|CET|CEST|EET|EEST|MSK|UTC|ET|EDT|EST|local time))?\s*[-–—:|]?\s*", re.I),
    ]


_TOPIC = None


def _topic_words() -> re.Pattern:
    global _TOPIC
    if _TOPIC is None:
        words = "|".join(re.escape(w) for w in sorted(_SPEECH["topic_prefix_words"], key=len, reverse=True))
        _TOPIC = re.compile(r"\b(?:" + words + r")\b", re.I)
    return _TOPIC


def lead_end(line: str) -> int:
    """Characters of furniture at the start of a line (0 when none)."""
    pos = 0
    changed = True
    while changed and pos < len(line):
        changed = False
        for pat in _patterns():
            m = pat.match(line, pos)
            if m and m.end() > pos:
                pos = m.end()
                changed = True
    # a topic prefix: "Ukraine crisis: ...", "Ukraine Live Day 273: ..." (a few words and a colon)
    m = re.match(r"([^:\n]{2,40}):\s+", line[pos:])
    if m and len(m.group(1).split()) <= 5 and _topic_words().search(m.group(1)):
        pos += m.end()
    elif pos == 0:
        # a dateline in ordinary case: "Bangkok : ...", "Kabul: ..." (a known city, then a colon)
        # ("Imphal/Kolkata: ...": the desks of two cities, the first a known one; "Quetta, Pakistan: ...": its country)
        m = re.match(r"([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?)(?:/[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?)?"
                     r"(?:, ([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?))? ?:\s+(?=[A-Z\"“(])", line)
        # (a city and the country it lies in, not two countries: "Russia, Ukraine: talks stall" is a headline)
        if m and country_of_place(m.group(1)) is not None and (
                m.group(2) is None or country_of_place(m.group(2)) == country_of_place(m.group(1))):
            pos = m.end()
    return pos


def lead_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the furniture opening each line of ``text`` (lines without any are left out)."""
    return list(_lead_spans(text or ""))  # (fusion asks three times per article)


@lru_cache(maxsize=16)
def _lead_spans(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        n = lead_end(m.group(0))
        if n:
            out.append((m.start(), m.start() + n))
    return tuple(out)
