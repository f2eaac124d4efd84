"""Time expressions: find them in text and resolve them against a publication day.

Pure functions, no spaCy: :func:`find` scans a text with a few compiled
regular expressions and returns :class:`TimeExpr` objects (what was written,
parsed into fields); :func:`resolve` turns one into a :class:`Resolution`
(start day, inclusive end day, precision) given the publication day, the tense
of the verb the expression hangs on, and the last resolved day before it (for
"three days later").

Tense decides what a bare weekday or a month without a year means:
``"past"`` picks the most recent one on or before publication, ``"future"`` the
next one on or after it. With no tense a weekday counts as past (news reports
what happened) and a month or month-day as the occurrence nearest to
publication.

Precision: 1 a day (or a night, which spans two calendar days), 2 a week or a
range up to three weeks, 3 a month or coarser.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from unfog.days import parse_day  # noqa: F401  (re-exported)
from unfog.lexicons import alternation, load as load_lexicon

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Building blocks. Month and weekday names are matched capitalised only, so the
# modal "may" and the noun "march" never start a date.
_MON_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
)
_MON = rf"(?P<mon>(?:{_MON_NAMES})(?![a-z]))"
_MON2 = _MON.replace("mon>", "mon2>")
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!,\d)"
_DAY2 = _DAY.replace("d>", "d2>")
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)(?!,\d)"
_YEAR2 = _YEAR.replace("y>", "y2>")
_WD_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?P<wd>{_WD_NAMES})"
_WD2 = _WD.replace("wd>", "wd2>")
_NUM = r"(?P<n>\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|several|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_POD = r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
_PART = (
    r"(?P<part>early|mid|late|end|the\s+(?:beginning|start|middle|end)\s+of|"
    r"the\s+(?:first|second)\s+half\s+of)"
)
_RANGE_SEP = r"\s*(?:-|–|—|to|through|thru|until|till)\s*(?:to\s+)?"


_GAP = r"(?:[^\S\n]{1,3}|[^\S\n]{0,2}\n[^\S\n]{0,2})"  # blanks or one line break, never a paragraph


def _c(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with bounded gaps: every \\s+ / \\s* becomes at most a few blanks or one newline."""
    pattern = pattern.replace(r"\s+", _GAP).replace(r"\s*", _GAP + "?").replace(r"[\s-]+", f"(?:{_GAP}|-)")
    return re.compile(pattern, flags)


# (kind, compiled pattern). Case-insensitive parts use scoped (?i:...) groups.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", _c(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("numeric", _c(r"\b(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b")),
    # Wednesday, March 16, 2022 / March 16 / Feb. 24th
    ("mdy", _c(rf"\b(?:{_WD},?\s+(?:the\s+)?)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?")),
    # Wednesday 16 March 2022 / 24 February / the 24th of February
    ("dmy", _c(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")),
    # May 3-5 / March 16 to April 2, 2022
    ("mdy_range", _c(rf"\b{_MON}\s+{_DAY}{_RANGE_SEP}(?:{_MON2}\s+)?{_DAY2}(?:,?\s+{_YEAR})?")),
    ("mdy_range", _c(rf"(?i:between)\s+{_MON}\s+{_DAY}\s+and\s+(?:{_MON2}\s+)?{_DAY2}(?:,?\s+{_YEAR})?")),
    # 3-5 May / 28 February to 3 March 2022
    ("dmy_range", _c(rf"\b{_DAY}(?:\s+{_MON2})?{_RANGE_SEP}{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?")),
    ("dmy_range", _c(rf"(?i:between)\s+{_DAY}(?:\s+{_MON2})?\s+and\s+{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?")),
    # early March / the end of April 2022 / March 2022 / in May (context checked later)
    ("month", _c(rf"(?:(?i:{_PART})[\s-]+)?(?:(?i:(?P<rel>last|this|next|past))\s+)?\b{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?")),
    ("month_range", _c(rf"(?i:(?:from|between)\s+)?\b{_MON2}{_RANGE_SEP.replace('until|till', 'until|till|and')}{_MON}(?:,?\s+{_YEAR})?")),
    ("season", _c(rf"(?:(?i:{_PART})[\s-]+)?(?i:(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?){_YEAR}")),
    ("season", _c(rf"(?i:(?P<rel>last|this|next|past)\s+(?P<season>spring|summer|autumn|fall|winter))\b")),
    ("decade", _c(r"\b(?i:the\s+)(?P<y>(?:1[89]|20)\d0)s\b")),
    ("year_range", _c(rf"(?:(?i:from|between)\s+)?\b{_YEAR2}\s*(?:-|–|(?i:to|and|until|through))\s*(?:{_YEAR}|(?P<yy>\d\d)(?!\d))")),
    ("year", _c(rf"(?:(?i:{_PART})[\s-]+)?\b{_YEAR}")),
    ("weekday_range", _c(rf"\b(?:(?i:from)\s+)?{_WD2}(?:\s+(?:morning|afternoon|evening|night))?{_RANGE_SEP}{_WD}\b")),
    ("weekday_range", _c(rf"(?i:between)\s+{_WD2}\s+and\s+{_WD}\b")),
    ("weekday", _c(
        rf"(?<!Bloody )(?<!Black )(?<!Good )(?<!Easter )(?<!Cyber )(?<!Super )"
        rf"(?:(?i:(?P<rel>last|this|next|past|coming))\s+)?(?:(?i:early|late)\s+(?:(?i:on)\s+)?)?\b{_WD}{_POD}\b"
        r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|People|Sport)\b)"
    )),
    ("day_rel", _c(
        r"\b(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"(?:(?:early|late)\s+)?(?:yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|"
        r"tonight|overnight|last\s+night|last\s+evening|this\s+(?:morning|afternoon|evening))\b"
    )),
    ("period", _c(
        rf"\b(?:(?i:{_PART}|earlier|later)[\s-]+)?"
        r"(?i:(?P<rel>last|this|next|previous|coming)\s+(?P<unit>week|month|year|weekend))\b"
    )),
    ("period", _c(r"\b(?i:(?P<part>the\s+(?:beginning|start|middle|end)\s+of)\s+the\s+(?P<unit>week|month|year))\b")),
    ("weekend", _c(r"\b(?i:(?:over|at|during|on)\s+the\s+weekend)\b")),
    ("ago", _c(rf"\b(?i:{_NUM}\s+(?P<unit>hour|day|week|month|year)s?\s+ago)\b")),
    ("window", _c(
        rf"\b(?i:(?:the\s+(?P<dir>past|last|previous|next|coming)|(?P<recent>recent))\s+"
        rf"(?:{_NUM}\s+)?(?P<unit>hour|day|week|month|year)(?P<pl>s)?)\b(?!\s+(?:of|in|before|after)\b)"
    )),
    ("anchor", _c(rf"\b(?i:{_NUM}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier))\b")),
    # "on the 8th": a day of the current (or last) month; not "the 8th Army", "the 3rd brigade", "the 20th century"
    ("ordinal_day", _c(
        r"\b(?i:the)\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|or|at|in|when|as|after|before|until|while|through)\b)"
    )),
    ("anchor", _c(
        r"\b(?i:the\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month)|"
        r"(?P<same>(?:later|earlier)\s+that\s+(?:day|morning|afternoon|evening|night)|that\s+same\s+day|the\s+same\s+day))\b"
    )),
    # "after one of them was shot the night before": the day or night before (after) the date told last; not "the
    # day before the vote" (a noun after it names another anchor) nor "the day before yesterday"
    ("anchor", _c(
        r"\b(?i:the\s+(?P<unit>day|morning|evening|night)\s+(?P<dir>before|after))"
        r"(?=\s*(?:[,.;:)!?\"\u201d]|$)|\s+(?:and|or|when|as|but)\b)"
    )),
]

# Words that make a bare month ("in May") or year ("in 2014") a date.
_BEFORE_BARE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|of|during|before|after|through|throughout|to|and|or|between|"
    r"early|mid|late|last|next|this|circa|c\.|year|summer|spring|autumn|fall|winter)[\s-]+)$"
)
_SINCE = re.compile(r"(?i:\b(?:ever\s+)?since\s+)$")
_COPYRIGHT = re.compile(r"(?i:©|\(c\)|copyright)")
_VAGUE = {"a few", "few", "several", "a couple of", "couple of"}


@dataclass(frozen=True)
class TimeExpr:
    """One time expression as written, parsed into fields (see :data:`PATTERNS`)."""

    kind: str  # day | month | year | decade | season | weekday | day_rel | period | ago | window | anchor | range | ordinal
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None  # last | this | next | past (weekday, month, period, season)
    part: str | None = None  # early | mid | late | first-half | second-half | earlier | later
    unit: str | None = None
    n: int | None = None
    offset: int = 0  # day_rel: days from publication; anchor: signed count of units
    vague: bool = False
    since: bool = False
    night: bool = False
    word_start: int | None = None  # offset of the month/weekday name, for part-of-speech checks
    bare: bool = False  # a month or year with neither day nor year nor modifier
    first: "TimeExpr | None" = None  # range: first end
    last: "TimeExpr | None" = None  # range: second end


@dataclass(frozen=True)
class Resolution:
    start: date | None = None
    end: date | None = None
    precision: int | None = None
    relative: bool = False
    resolved: bool = True
    historical: bool = False
    note: str | None = None

    @property
    def date(self) -> str | None:
        return self.start.isoformat() if self.start else None

    @property
    def date_end(self) -> str | None:
        return self.end.isoformat() if self.end else None


# ---------------------------------------------------------------- finding


def _part(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = " ".join(raw.lower().split())
    if raw in ("early", "the beginning of", "the start of"):
        return "early"
    if raw in ("mid", "the middle of"):
        return "mid"
    if raw in ("late", "end", "the end of"):
        return "late"
    if raw == "the first half of":
        return "first-half"
    if raw == "the second half of":
        return "second-half"
    if raw in ("earlier", "later"):
        return raw
    return None


def _num(raw: str | None) -> tuple[int | None, bool]:
    if raw is None:
        return None, False
    raw = " ".join(raw.lower().split())
    if raw.isdigit():
        return int(raw), False
    return NUMBER_WORDS.get(raw), raw in _VAGUE


def _month(raw: str | None) -> int | None:
    return MONTHS.get(raw.lower().rstrip(".")) if raw else None


def _int(raw: str | None) -> int | None:
    return int(raw) if raw else None


def _parts(m: re.Match, text: str) -> tuple[dict, int, int, dict]:
    """A match's groups, span and the fields every TimeExpr of it shares."""
    s, e = m.span()
    return m.groupdict(), s, e, dict(start=s, end=e, text=text[s:e])


def _build_iso(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    return _valid(TimeExpr("day", year=int(g["y"]), month=int(g["m"]), day=int(g["d"]), **base))


def _build_numeric(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    a, b = int(g["a"]), int(g["b"])
    # day.month.year with dots; with slashes only when the order is unambiguous
    if g["sep"] == "/" and a <= 12 and b <= 12 and a != b:
        return None
    d, mo = (b, a) if g["sep"] == "/" and b > 12 else (a, b)
    return _valid(TimeExpr("day", year=int(g["y"]), month=mo, day=d, **base))


def _build_mdy(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    wd = WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
    return _valid(TimeExpr(
        "day", year=_int(g.get("y")), month=_month(g["mon"]), day=int(g["d"]), weekday=wd,
        word_start=m.start("mon"), **base,
    ))


def _build_mdy_range(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    y = _int(g.get("y"))
    m2 = _month(g["mon"])
    m1 = _month(g.get("mon2")) or m2
    if kind == "mdy_range":  # the first month is written first
        m1, m2 = m2, (_month(g.get("mon2")) or m2)
    a = TimeExpr("day", s, e, base["text"], year=y, month=m1, day=int(g["d"]))
    b = TimeExpr("day", s, e, base["text"], year=y, month=m2, day=int(g["d2"]))
    if _valid(a) is None or _valid(b) is None:
        return None
    if y is not None and (m1, a.day) > (m2, b.day):  # 28 December to 3 January 2023
        a = replace(a, year=y - 1)
    return TimeExpr("range", first=a, last=b, word_start=m.start("mon"), **base)


def _build_month(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    y = _int(g.get("y"))
    part = _part(g.get("part"))
    rel = g["rel"].lower() if g.get("rel") else None
    bare = y is None and part is None and rel is None
    if bare and not _BEFORE_BARE.search(text, max(0, s - 25), s):
        return None
    if bare and len(g["mon"].rstrip(".")) <= 4 and g["mon"] not in ("May", "June", "July"):
        return None  # "in Jan" alone is too often a name
    return TimeExpr("month", year=y, month=_month(g["mon"]), part=part, rel=rel, bare=bare,
                    word_start=m.start("mon"), **base)


def _build_month_range(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    y = _int(g.get("y"))
    a = TimeExpr("month", s, e, base["text"], year=y, month=_month(g["mon2"]))
    b = TimeExpr("month", s, e, base["text"], year=y, month=_month(g["mon"]))
    if y is not None and a.month > b.month:
        a = replace(a, year=y - 1)
    return TimeExpr("range", first=a, last=b, word_start=m.start("mon2"), **base)


def _build_season(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    rel = g["rel"].lower() if g.get("rel") else None
    return TimeExpr("season", year=_int(g.get("y")), unit=g["season"].lower(), rel=rel,
                    part=_part(g.get("part")), **base)


def _build_decade(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    return TimeExpr("decade", year=int(g["y"]), **base)


def _build_year_range(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    y1 = int(g["y2"])
    if g.get("yy"):
        y2 = (y1 // 100) * 100 + int(g["yy"])
    else:
        y2 = int(g["y"])
    if y2 <= y1 or y2 - y1 > 50:
        return None
    return TimeExpr("range", first=TimeExpr("year", s, e, base["text"], year=y1),
                    last=TimeExpr("year", s, e, base["text"], year=y2), **base)


def _build_year(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    part = _part(g.get("part"))
    if part is None and not _BEFORE_BARE.search(text, max(0, s - 25), s) and not _THE_YEAR_ADJ.match(text, e):
        return None
    if _COPYRIGHT.search(text, max(0, s - 60), s):
        return None  # "(c) Some Media Ltd 2022" is a notice, not a date
    return TimeExpr("year", year=int(g["y"]), part=part, bare=part is None, word_start=m.start("y"), **base)


def _build_weekday_range(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    a = TimeExpr("weekday", s, e, base["text"], weekday=WEEKDAYS[g["wd2"].lower()])
    b = TimeExpr("weekday", s, e, base["text"], weekday=WEEKDAYS[g["wd"].lower()])
    return TimeExpr("range", first=a, last=b, word_start=m.start("wd2"), **base)


def _build_weekday(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    rel = g["rel"].lower() if g.get("rel") else None
    return TimeExpr("weekday", weekday=WEEKDAYS[g["wd"].lower()], rel=rel, word_start=m.start("wd"), **base)


def _build_day_rel(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    low = " ".join(base["text"].lower().split())
    if base["text"].startswith("Today") and s > 0 and not _sentence_start(text, s):
        return None  # "Russia Today", "USA Today": a name
    if "before yesterday" in low:
        return TimeExpr("day_rel", offset=-2, **base)
    if "after tomorrow" in low:
        return TimeExpr("day_rel", offset=2, **base)
    if low in ("overnight", "last night", "last evening"):
        return TimeExpr("day_rel", offset=-1, night=low != "last evening", **base)
    if "yesterday" in low:
        return TimeExpr("day_rel", offset=-1, **base)
    if "tomorrow" in low:
        return TimeExpr("day_rel", offset=1, **base)
    return TimeExpr("day_rel", offset=0, **base)


def _build_period(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    return TimeExpr("period", rel=(g.get("rel") or "this").lower(), unit=g["unit"].lower(),
                    part=_part(g.get("part") or _leading_word(base["text"])), **base)


def _build_weekend(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    return TimeExpr("period", unit="weekend", rel=None, **base)


def _build_ago(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    n, vague = _num(g["n"])
    return TimeExpr("ago", n=n, vague=vague, unit=g["unit"].lower(), **base)


def _build_window(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    n, vague = _num(g.get("n"))
    if n is None and not g.get("pl") and (g.get("dir") or "").lower() in ("next", "previous") and g["unit"].lower() == "day":
        return None  # "the next day" counts from an earlier date, not from publication
    if n is None:
        n, vague = (3, True) if (g.get("pl") or g.get("recent")) else (1, False)
    direction = "future" if (g.get("dir") or "").lower() in ("next", "coming") else "past"
    return TimeExpr("window", n=n, vague=vague, unit=g["unit"].lower(), rel=direction, **base)


def _build_anchor(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    if g.get("same"):
        return TimeExpr("anchor", n=0, unit="day", offset=0, **base)
    if g.get("n"):
        n, vague = _num(g["n"])
        sign = 1 if g["dir"].lower() == "later" else -1
        return TimeExpr("anchor", n=n, unit=g["unit"].lower(), offset=sign * (n or 0), vague=vague, **base)
    sign = 1 if g["dir"].lower() in ("next", "following", "after") else -1
    unit = g["unit"].lower()
    unit = unit if unit in ("week", "month") else "day"
    return TimeExpr("anchor", n=1, unit=unit, offset=sign, **base)


def _build_ordinal_day(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g, s, e, base = _parts(m, text)
    return TimeExpr("ordinal", day=int(g["d"]), **base)


# One builder per pattern kind (see PATTERNS): a TimeExpr, or None when the match is not a date.
_BUILDERS = {
    "iso": _build_iso,
    "numeric": _build_numeric,
    "mdy": _build_mdy,
    "dmy": _build_mdy,
    "mdy_range": _build_mdy_range,
    "dmy_range": _build_mdy_range,
    "month": _build_month,
    "month_range": _build_month_range,
    "season": _build_season,
    "decade": _build_decade,
    "year_range": _build_year_range,
    "year": _build_year,
    "weekday_range": _build_weekday_range,
    "weekday": _build_weekday,
    "day_rel": _build_day_rel,
    "period": _build_period,
    "weekend": _build_weekend,
    "ago": _build_ago,
    "window": _build_window,
    "anchor": _build_anchor,
    "ordinal_day": _build_ordinal_day,
}


_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.I)


def _build(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    builder = _BUILDERS.get(kind)
    t = builder(kind, m, text) if builder is not None else None
    if t is not None and t.kind == "range" and _NIGHT_OF.search(text[max(0, m.start() - 20):m.start()]):
        t = replace(t, night=True)  # "on the night of 4-5 June": one night, like "overnight"
    return t


_THE_YEAR_ADJ = re.compile(r"\s+(?:[a-z]+-)?(?:invasion|annexation|war|election|revolution|protests?|offensive|referendum|agreement|accords?|ceasefire|truce|uprising|conflict|crisis|attack|siege|battle)\b")


def _leading_word(text: str) -> str | None:
    w = text.split(None, 1)[0].lower() if text.strip() else ""
    return w if w in ("earlier", "later") else None


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \t\"'“‘")
    return not before or before[-1] in ".!?\n"


def _valid(t: TimeExpr) -> TimeExpr | None:
    if t.month is None or t.day is None or not 1 <= t.month <= 12:
        return None
    limit = calendar.monthrange(t.year or 2024, t.month)[1]  # leap year when unknown
    return t if 1 <= t.day <= limit else None


# Every pattern contains one of these; the patterns only run near them (much faster on long text).
_TRIGGER = re.compile(
    r"\b(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)|"
    r"\b(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)|"
    r"\b(?P<rel>(?i:yesterday|today|tonight|tomorrow|overnight|night|evening|morning|afternoon|"
    r"(?:week|weekend|month|year|hour|day)s?|spring|summer|autumn|fall|winter)\b)|"
    r"(?<!\d)(?P<num>(?:1[89]|20)\d\d)(?!\d)|"
    r"(?<![\d.])(?P<ord>\d{1,2}(?:st|nd|rd|th))\b"
)
_REACH = 64  # longer than any single expression reaches from its trigger word
# Which trigger a pattern cannot match without.
_NEEDS = {
    "iso": "num", "numeric": "num", "decade": "num", "year_range": "num", "year": "num",
    "mdy": "mon", "dmy": "mon", "mdy_range": "mon", "dmy_range": "mon", "month": "mon", "month_range": "mon",
    "weekday": "wd", "weekday_range": "wd",
    "day_rel": "rel", "period": "rel", "weekend": "rel", "ago": "rel", "window": "rel", "anchor": "rel",
    "season": "rel", "ordinal_day": "ord",
}


def _regions(text: str) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around trigger words, with the kinds of trigger in each."""
    out: list[list] = []
    for m in _TRIGGER.finditer(text):
        a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        kind = m.lastgroup
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
            out[-1][2].add(kind)
        else:
            out.append([a, b, {kind}])
    return [(a, b, kinds) for a, b, kinds in out]


def find(text: str) -> list[TimeExpr]:
    """Every time expression in ``text``, longest first where they overlap, in text order."""
    found: list[TimeExpr] = []
    for a, b, kinds in _regions(text):
        for kind, pattern in PATTERNS:
            if _NEEDS[kind] not in kinds:
                continue
            for m in pattern.finditer(text, a, b):
                t = _build(kind, m, text)
                if t is not None:
                    found.append(t)
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    taken: list[TimeExpr] = []
    starts: list[int] = []  # starts of taken, kept sorted
    for t in found:
        i = bisect.bisect_left(starts, t.start)
        if i < len(taken) and taken[i].start < t.end:
            continue  # a longer one starts inside this one
        if i > 0 and taken[i - 1].end > t.start:
            continue  # a longer one covers this one's start
        starts.insert(i, t.start)
        taken.insert(i, t)
    out = []
    for t in taken:
        m = _SINCE.search(text, max(0, t.start - 12), t.start)
        if m and t.kind not in ("ago", "window", "anchor"):
            t = replace(t, start=m.start(), text=text[m.start():t.end], since=True)
        out.append(t)
    return out


# ---------------------------------------------------------------- resolving


def _month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def precision_for(start: date, end: date) -> int:
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 21 else 3


def _sub_range(start: date, end: date, part: str | None, unit: str) -> tuple[date, date]:
    """early/mid/late thirds (months: 1-10, 11-20, 21-end; years: Jan-Apr, May-Aug, Sep-Dec)."""
    if part is None:
        return start, end
    if unit == "month":
        cuts = [(1, 10), (11, 20), (21, (end - start).days + 1)]
        idx = {"early": 0, "mid": 1, "late": 2}.get(part)
        if idx is not None:
            a, b = cuts[idx]
            return start + timedelta(days=a - 1), start + timedelta(days=b - 1)
    if unit in ("year", "season") and start.month == 1 and end.month == 12 and start.year == end.year:
        y = start.year
        spans = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first-half": (1, 6), "second-half": (7, 12)}
        if part in spans:
            a, b = spans[part]
            return date(y, a, 1), _month_bounds(y, b)[1]
    n = (end - start).days + 1
    if part == "first-half":
        return start, start + timedelta(days=n // 2 - 1)
    if part == "second-half":
        return start + timedelta(days=n // 2), end
    third = max(1, round(n / 3))
    if part == "early":
        return start, start + timedelta(days=third - 1)
    if part == "mid":
        return start + timedelta(days=third), end - timedelta(days=third)
    if part == "late":
        return end - timedelta(days=third - 1), end
    return start, end


def _pick(candidates: list[tuple[date, date]], pub: date, tense: str | None) -> tuple[date, date]:
    """Of the same month-day or month in neighbouring years, the one the tense points at."""
    if tense == "future":
        ok = [c for c in candidates if c[1] >= pub]
        return min(ok) if ok else max(candidates)
    if tense == "past":
        ok = [c for c in candidates if c[0] <= pub]
        return max(ok) if ok else min(candidates)

    def distance(c):
        return 0 if c[0] <= pub <= c[1] else min(abs((c[0] - pub).days), abs((c[1] - pub).days))

    return min(candidates, key=lambda c: (distance(c), c[0] > pub))


def _weekday(wd: int, pub: date, tense: str | None, rel: str | None) -> date:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=ahead or 7)
    if rel == "this":
        return _week_bounds(pub)[0] + timedelta(days=wd)
    if tense == "future":
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def _weekend(pub: date, tense: str | None, rel: str | None) -> tuple[date, date]:
    wd = pub.weekday()
    in_weekend = wd >= 5
    sat_before = pub - timedelta(days=(wd - 5) % 7)  # the most recent Saturday on or before pub
    sat_after = pub + timedelta(days=(5 - wd) % 7)  # the next Saturday on or after pub
    if rel in ("last", "previous"):
        sat = sat_before - timedelta(days=7) if in_weekend else sat_before
    elif rel in ("next", "coming"):
        sat = sat_after + timedelta(days=7) if in_weekend else sat_after
    elif tense == "future":
        sat = sat_before if in_weekend else sat_after
    else:
        sat = sat_before
    return sat, sat + timedelta(days=1)


def _period(unit: str, k: int, pub: date) -> tuple[date, date]:
    if unit == "week":
        a, b = _week_bounds(pub)
        return a + timedelta(days=7 * k), b + timedelta(days=7 * k)
    if unit == "month":
        return _month_bounds(*_add_months(pub.year, pub.month, k))
    return date(pub.year + k, 1, 1), date(pub.year + k, 12, 31)


def _season(name: str, y: int) -> tuple[date, date]:
    a, b = SEASONS[name]
    if a > b:  # winter runs into the next year
        return date(y, a, 1), _month_bounds(y + 1, b)[1]
    return date(y, a, 1), _month_bounds(y, b)[1]


def _shift(d: date, unit: str, k: int) -> date:
    if unit in ("day", "hour"):
        return d + timedelta(days=k)
    if unit == "week":
        return d + timedelta(days=7 * k)
    y, m = _add_months(d.year, d.month, k if unit == "month" else 12 * k)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


class _NeedsPublication(Exception):
    pass


class _NeedsAnchor(Exception):
    pass


def _need(pub: date | None) -> date:
    """The publication day, for expressions relative to it; raises without one."""
    if pub is None:
        raise _NeedsPublication
    return pub


def _bounds_day(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    if t.year is not None:
        d = date(t.year, t.month, t.day)
        return d, d, False, None
    p = _need(pub)
    cands = []
    for y in (p.year - 1, p.year, p.year + 1):
        if t.day <= calendar.monthrange(y, t.month)[1]:
            d = date(y, t.month, t.day)
            cands.append((d, d))
    a, b = _pick(cands, p, tense)
    return a, b, True, None


def _bounds_month(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    if t.year is not None:
        a, b = _month_bounds(t.year, t.month)
        a, b = _sub_range(a, b, t.part, "month")
        return a, b, False, None
    p = _need(pub)
    if t.rel in ("last", "past"):
        y = p.year if t.month < p.month else p.year - 1
    elif t.rel == "next":
        y = p.year if t.month > p.month else p.year + 1
    elif t.rel == "this":
        y = p.year
    else:
        y = None
    if y is not None:
        a, b = _month_bounds(y, t.month)
    else:
        cands = [_month_bounds(y, t.month) for y in (p.year - 1, p.year, p.year + 1)]
        a, b = _pick(cands, p, tense)
    a, b = _sub_range(a, b, t.part, "month")
    return a, b, True, None


def _bounds_year(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    a, b = date(t.year, 1, 1), date(t.year, 12, 31)
    a, b = _sub_range(a, b, t.part, "year")
    return a, b, False, None


def _bounds_decade(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    return date(t.year, 1, 1), date(t.year + 9, 12, 31), False, None


def _bounds_season(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    if t.year is not None:
        a, b = _season(t.unit, t.year)
        a, b = _sub_range(a, b, t.part, "season")
        return a, b, False, None
    p = _need(pub)
    cur = [c for y in (p.year - 1, p.year) for c in [_season(t.unit, y)]]
    if t.rel in ("last", "past"):
        a, b = max(c for c in cur if c[1] < p)
    elif t.rel == "next":
        a, b = min(c for y in (p.year, p.year + 1) for c in [_season(t.unit, y)] if c[0] > p)
    else:  # this: the one containing publication, or the nearest
        a, b = _pick([_season(t.unit, y) for y in (p.year - 1, p.year, p.year + 1)], p, tense)
    return a, b, True, None


def _bounds_weekday(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    p = _need(pub)
    d = _weekday(t.weekday, p, tense, t.rel)
    return d, d, True, None


def _bounds_day_rel(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    p = _need(pub)
    if t.night:
        if tense == "future":
            return p, p + timedelta(days=1), True, 1
        return p - timedelta(days=1), p, True, 1
    d = p + timedelta(days=t.offset)
    return d, d, True, None


def _bounds_period(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    p = _need(pub)
    if t.unit == "weekend":
        a, b = _weekend(p, tense, t.rel)
        return a, b, True, None
    kk = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(t.rel or "this", 0)
    a, b = _period(t.unit, kk, p)
    prec = precision_for(a, b)
    if t.part == "earlier":
        return a, max(a, min(b, p)), True, prec
    if t.part == "later":
        return min(b, max(a, p)), b, True, prec
    if t.part:
        a, b = _sub_range(a, b, t.part, t.unit)
        return a, b, True, None
    if kk == 0 and tense == "past":
        return a, max(a, min(b, p)), True, prec
    if kk == 0 and tense == "future":
        return min(b, max(a, p)), b, True, prec
    return a, b, True, prec


def _bounds_ago(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    p = _need(pub)
    n = t.n or 1
    if t.unit == "hour":
        d = p - timedelta(days=n // 24)
        return d, d, True, None
    d = _shift(p, t.unit, -n)
    if t.unit == "day":
        return d, d, True, 2 if t.vague else None
    if t.unit == "week":
        a, b = _week_bounds(d)
        return a, b, True, None
    if t.unit == "month":
        a, b = _month_bounds(d.year, d.month)
        return a, b, True, None
    return date(d.year, 1, 1), date(d.year, 12, 31), True, None


SAME_DAY_HOURS = 12  # a window of this many hours or fewer is read as the report's own day


def _bounds_window(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    p = _need(pub)
    n = t.n or 1
    if t.unit == "hour":
        if n <= SAME_DAY_HOURS:
            return p, p, True, 1  # "within the last two hours": the day of the report
        span = max(1, -(-n // 24))
        prec = 1 if n <= 24 else 2
        if t.rel == "future":
            return p, p + timedelta(days=span), True, prec
        return p - timedelta(days=span), p, True, prec
    # "the past three weeks" covers three weeks' worth of days: count from the day after
    if t.rel == "future":
        b = _shift(p, t.unit, n)
        return p, b, True, precision_for(p + timedelta(days=1), b)
    a = _shift(p, t.unit, -n)
    return a, p, True, precision_for(a + timedelta(days=1), p)


def _bounds_ordinal(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    """"on the 16th": the latest 16th on or before publication (the next one for a future verb)."""
    p = _need(pub)
    step = 1 if tense == "future" else -1
    y, m = p.year, p.month
    for _ in range(3):
        if t.day <= calendar.monthrange(y, m)[1]:
            d = date(y, m, t.day)
            if (d >= p) if step > 0 else (d <= p):
                return d, d, True, None
        y, m = _add_months(y, m, step)
    raise ValueError(f"no {t.day}th near the publication day")


def _bounds_anchor(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    if anchor is None:
        raise _NeedsAnchor
    d = _shift(anchor, t.unit, t.offset)
    prec = {"day": 1, "week": 2}.get(t.unit, 3)
    return d, d, False, 2 if t.vague and prec == 1 else prec


def _bounds_range(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    a1, _, r1, _ = _bounds(t.first, pub, tense, anchor)
    _, b2, r2, _ = _bounds(t.last, pub, tense, anchor)
    if t.first.kind == "weekday" and t.last.kind == "weekday":
        b2 = a1 + timedelta(days=(t.last.weekday - t.first.weekday) % 7)
    elif t.first.kind in ("day", "month") and t.first.year is None and b2 < a1:
        # "December 28 to January 3" seen from January: the start is in the year before
        a1 = _shift(a1, "year", -1)
    # (a night told by the two days it spans, "the night of 4-5 June", is one night: a day's precision)
    return a1, max(a1, b2), r1 or r2, 1 if t.night and (b2 - a1).days == 1 else None


# One resolver per TimeExpr kind: (start, end, relative, precision override).
_BOUNDS = {
    "day": _bounds_day,
    "month": _bounds_month,
    "year": _bounds_year,
    "decade": _bounds_decade,
    "season": _bounds_season,
    "weekday": _bounds_weekday,
    "day_rel": _bounds_day_rel,
    "period": _bounds_period,
    "ago": _bounds_ago,
    "window": _bounds_window,
    "anchor": _bounds_anchor,
    "range": _bounds_range,
    "ordinal": _bounds_ordinal,
}


def _bounds(t: TimeExpr, pub: date | None, tense: str | None, anchor: date | None) -> tuple[date, date, bool, int | None]:
    """(start, end, relative, precision override) for one expression; raises when it cannot."""
    resolver = _BOUNDS.get(t.kind)
    if resolver is None:
        raise ValueError(f"unknown kind {t.kind!r}")
    return resolver(t, pub, tense, anchor)


def resolve(t: TimeExpr, published: date | str | None, tense: str | None = None,
            anchor: date | None = None) -> Resolution:
    """Resolve one expression against the publication day (never against today's clock).

    ``tense``: "past", "present", "future" or None, of the verb the expression
    modifies. ``anchor``: the last resolved day before it, for "three days later".
    """
    pub = parse_day(published) if isinstance(published, str) else published
    if t.kind == "anchor":
        try:
            a, b, relative, prec = _bounds(t, pub, tense, anchor)
        except _NeedsAnchor:
            return Resolution(relative=True, resolved=False,
                              note="relative to an earlier date that could not be resolved")
        return Resolution(a, b, prec, relative=False, resolved=True, historical=_historical(b, pub))
    try:
        a, b, relative, prec = _bounds(t, pub, tense, anchor)
    except _NeedsPublication:
        return Resolution(relative=True, resolved=False, note="relative date without a publication date")
    except (ValueError, OverflowError) as exc:
        return Resolution(resolved=False, note=f"could not resolve: {exc}")
    note = None
    if t.since:
        if pub is None:
            return Resolution(a, None, 3, relative=True, resolved=False,
                              note="open range without a publication date: only the start is known")
        b = max(a, pub)
        prec, relative = None, True
    if t.vague:
        note = "vague amount of time"
    precision = prec or precision_for(a, b)
    return Resolution(a, b, precision, relative=relative, resolved=True,
                      historical=_historical(b, pub), note=note)


def _historical(end: date | None, pub: date | None) -> bool:
    """Clearly before the news window: ended more than a year before publication."""
    return bool(end and pub and end < pub - timedelta(days=365))


def needs_tense(t: TimeExpr) -> bool:
    """Whether the verb's tense can change the resolution (skip the parse walk otherwise)."""
    if t.kind == "range":
        return needs_tense(t.first) or needs_tense(t.last)
    if t.kind in ("day", "month", "season"):
        return t.year is None
    if t.kind == "ordinal":
        return True
    if t.kind == "weekday":
        return t.rel is None
    if t.kind == "day_rel":
        return t.night
    if t.kind == "period":
        return t.unit == "weekend" or t.rel == "this"
    return False


def resolve_text(text: str, published: date | str | None, tense: str | None = None,
                 anchor: date | None = None) -> Resolution | None:
    """Resolve the first time expression found in ``text`` (a convenience for tests and the REPL)."""
    found = find(text)
    return resolve(found[0], published, tense, anchor) if found else None


def _date_line() -> re.Pattern:
    # (a line of month and weekday names, numbers and the few words that frame a date: "Today: Sunday, 22 September
    # 2024 year"; month names capitalised only, so that "May" is no modal verb)
    times = load_lexicon("times")
    words = alternation(list(times["date_line_words"]) + list(times["stamp_words"]) + list(WEEKDAYS))
    months = "|".join(m.capitalize() for m in MONTHS)
    return re.compile(rf"[ \t]*(?:(?:(?i:{words})|{months})\b\.?|\d+(?:st|nd|rd|th)?\b|[,:/.\-\u2013 \t])*[ \t]*\n\s*")


_DATE_LINE = _date_line()


def date_line_end(text: str) -> int:
    """Where a first line that only dates a report ("Sunday, September 22, 2024") ends, with the blank lines after
    it; 0 when the text does not open with one."""
    m = _DATE_LINE.match(text)
    return m.end() if m and m.group().strip() else 0
