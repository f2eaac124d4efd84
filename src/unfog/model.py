"""The data model every layer speaks.

One article goes in; an :class:`ArticleRecords` with statements, figures,
places, dates and events comes out. Every extracted record carries its
evidence as ``text`` (the verbatim span) and ``start``/``end`` (character
offsets into ``Article.text``, end exclusive).

Field names and meanings follow ``docs/output-contract.md``; records may gain
fields, never lose or rename them.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable


def stable_id(prefix: str, *parts: Any) -> str:
    """A short id derived only from content, identical on every run and machine."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:16]}"


class Record:
    """Mixin: conversion to plain dicts for JSON, the store and exports."""

    table: ClassVar[str] = ""
    id_prefix: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _ordered_names(type(self))}

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        names = _names(cls)
        return cls(**{k: v for k, v in d.items() if k in names})

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]


@functools.cache
def _ordered_names(cls) -> tuple[str, ...]:
    """A record class's field names in order (``dataclasses.fields`` rebuilds them at every call)."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _names(cls) -> frozenset[str]:
    """A record class's field names (``dataclasses.fields`` rebuilds them at every call)."""
    return frozenset(f.name for f in dataclasses.fields(cls))


_SCALARS = (str, int, float, type(None))  # returned as they are (most values): checked first


def _plain(v: Any) -> Any:
    if isinstance(v, _SCALARS):
        return v
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, (list, tuple)):
        return [x if isinstance(x, _SCALARS) else _plain(x) for x in v]
    if isinstance(v, dict):
        return {k: x if isinstance(x, _SCALARS) else _plain(x) for k, x in v.items()}
    return v


@dataclass
class Span:
    """A piece of evidence: verbatim text and its offsets in the article."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Article(Record):
    table: ClassVar[str] = "articles"
    id_prefix: ClassVar[str] = "art"

    id: str
    text: str = ""
    external_id: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD or ISO datetime as given, normalised
    title: str | None = None
    url: str | None = None
    language: str | None = None
    status: str = "ok"  # ok | failed
    error: str | None = None
    input_ref: str | None = None  # where it came from: "batch.jsonl:12", a path, a URL
    warnings: list[str] = field(default_factory=list)
    content_hash: str | None = None
    duplicate_of: str | None = None
    unfog_version: str | None = None

    @staticmethod
    def id_for_text(text: str) -> str:
        return stable_id("art", text)

    @property
    def published_date(self) -> str | None:
        """The publication day (YYYY-MM-DD), or None."""
        return self.published[:10] if self.published else None


@dataclass
class DateMention(Record):
    """A time expression resolved against the publication date."""

    table: ClassVar[str] = "dates"
    id_prefix: ClassVar[str] = "dat"

    id: str
    article_id: str
    text: str
    start: int
    end: int
    date: str | None = None  # YYYY-MM-DD start
    date_end: str | None = None  # YYYY-MM-DD end (inclusive), same as date for a day
    precision: int | None = None  # 1 day, 2 week/range, 3 month or coarser
    relative: bool = False  # needs the publication date to resolve
    resolved: bool = True  # False when relative and no publication date
    historical: bool = False  # before the article's news window (years ago)
    note: str | None = None


@dataclass
class Place(Record):
    table: ClassVar[str] = "places"
    id_prefix: ClassVar[str] = "plc"

    id: str
    article_id: str
    name: str  # as in the text; equals article.text[start:end]
    start: int
    end: int
    geonames_id: int | None = None
    canonical: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    admin1: str | None = None
    country: str | None = None
    precision: int | None = None  # 1 exact, 2 near/part of, 3 region or larger
    kind: str | None = None  # settlement, facility, region, country, water, ...
    score: float | None = None
    text: str = ""  # the evidence sentence or phrase (may be wider than name)


@dataclass
class Statement(Record):
    table: ClassVar[str] = "statements"
    id_prefix: ClassVar[str] = "stm"

    id: str
    article_id: str
    speaker: str | None
    text: str
    start: int
    end: int
    speaker_role: str | None = None
    speaker_side: str | None = None
    cue: str | None = None
    polarity: str = "asserts"  # asserts | denies
    quote: bool = False
    date: str | None = None
    speaker_text: str | None = None  # evidence for the speaker as written
    speaker_start: int | None = None
    speaker_end: int | None = None
    content: str | None = None  # what is claimed (quote body or reported clause)
    content_start: int | None = None
    content_end: int | None = None
    speaker_kind: str | None = None  # person | organisation | collective | unnamed | media


@dataclass
class Figure(Record):
    table: ClassVar[str] = "figures"
    id_prefix: ClassVar[str] = "fig"

    id: str
    article_id: str
    text: str
    start: int
    end: int
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str | None = None
    category: str = "other"
    group: str | None = None  # civilians | combatants | people
    group_side: str | None = None
    claimant: str | None = None
    claimant_side: str | None = None
    statement_id: str | None = None
    place: str | None = None
    place_id: str | None = None
    date: str | None = None
    date_end: str | None = None
    verified: bool | None = None
    counted: str | None = None  # the noun counted, as written ("civilians", "troops")
    sentence: str | None = None  # the sentence the figure sits in (context for readers)
    subset_of: str | None = None  # id of the total this figure is part of ("four, including three civilians")
    claimant_role: str | None = None  # the role the claimant was introduced with ("military officer"), as written
    # the time of day the text tells the count at ("HH:MM" as written, no time zone): the time its sentence puts it
    # at ("as of 10:40 a.m."), else its live-blog entry's stamp, else the report's own stamp ("Updated ... 11:40pm")
    time: str | None = None


@dataclass
class Event(Record):
    table: ClassVar[str] = "events"
    id_prefix: ClassVar[str] = "evt"

    id: str
    article_ids: list[str]
    event_type: str
    sub_event_type: str
    text: str
    start: int
    end: int
    tags: list[str] = field(default_factory=list)
    actor1: str | None = None
    actor1_side: str | None = None
    actor2: str | None = None
    actor2_side: str | None = None
    place: str | None = None
    place_id: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    figure_ids: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    claimed_by_side: str | None = None
    trigger: str | None = None  # the word that signals the event ("shelled", "surrendered")
    evidence: list[dict] = field(default_factory=list)  # every span, across sentences/articles
    statement_ids: list[str] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)  # per-article event ids fused into this one


@dataclass
class Relation(Record):
    table: ClassVar[str] = "relations"
    id_prefix: ClassVar[str] = "rel"

    type: str  # corroborates | contradicts | updates
    a: str
    b: str
    note: str | None = None
    id: str = ""
    group_id: str | None = None

    def __post_init__(self):
        if not self.id:
            self.id = stable_id("rel", self.type, self.a, self.b)


@dataclass
class ControlClaim(Record):
    """A claim about who holds a place ("the town has been liberated", "fell to ..."), by whose account."""

    table: ClassVar[str] = "control"
    id_prefix: ClassVar[str] = "ctl"

    id: str
    article_id: str
    text: str  # the sentence the claim is in
    start: int
    end: int
    place: str  # as named (canonical when the gazetteer knows it)
    place_id: str | None = None  # the Place record named
    geonames_id: int | None = None
    holder: str | None = None  # side said to hold the place
    status: str = "claims"  # claims | disputes (denies a loss, calls a capture premature)
    cue: str | None = None  # the words that make it a claim ("has been liberated")
    claimant: str | None = None  # who says so: the speaker, else the outlet
    claimant_side: str | None = None
    date: str | None = None
    statement_id: str | None = None
    event_id: str | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    "articles": Article,
    "statements": Statement,
    "figures": Figure,
    "places": Place,
    "dates": DateMention,
    "events": Event,
    "control": ControlClaim,
    "relations": Relation,
}


@dataclass
class ArticleRecords:
    """Everything extracted from one article."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control: list[ControlClaim] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    def tables(self) -> dict[str, list[Record]]:
        return {
            "articles": [self.article],
            "statements": self.statements,
            "figures": self.figures,
            "places": self.places,
            "dates": self.dates,
            "events": self.events,
            "control": self.control,
        }


@dataclass
class Batch:
    """Records of many articles plus the cross-article relations."""

    results: list[ArticleRecords] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] | None = None  # merged across articles, when fusion ran

    def table(self, name: str) -> list[Record]:
        if name == "relations":
            return list(self.relations)
        if name == "events" and self.events is not None:
            return list(self.events)
        out: list[Record] = []
        for r in self.results:
            out.extend(r.tables()[name])
        return out

    def to_contract(self) -> dict[str, list[dict]]:
        """The JSON object printed by ``unfog extract --json``."""
        doc: dict[str, list[dict]] = {}
        for name in ("articles", "statements", "figures", "places", "dates", "events", "control", "relations"):
            rows = [r.to_dict() for r in self.table(name)]
            if name == "articles":
                for row in rows:
                    row.pop("text", None)  # the caller has the text; keep output small
            doc[name] = rows
        return doc


def iter_records(items: Iterable[ArticleRecords], name: str) -> Iterable[Record]:
    for r in items:
        yield from r.tables()[name]
