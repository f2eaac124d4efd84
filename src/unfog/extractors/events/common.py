"""Shared pieces of the events extractor: parse helpers, the per-mention record, place and time comparisons."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from unfog.lexicons.actors import lookup_actor, side_of
from unfog.lexicons import times
from unfog.days import parse_day
from unfog.geo import distance_km
from unfog.lexicons import events as lex
from unfog.nlp.lines import CLOSING, HEADING_WORDS
from unfog.extractors.context import Context
from unfog.model import DateMention, Figure, Place


HISTORICAL_DAYS = 28  # an event dated this long before publication is background


PLACE_MERGE_KM = 10.0  # two mentions this close are the same location


NEAR_SENTENCES = 2  # undated / unplaced mentions merge only with events this close


TOLL_SENTENCES = 4  # a bare toll ("36 people were killed") is the toll of a strike told this close


COVER_SCAN = 50  # statements starting before a trigger that are checked for covering it


RECENT_DRAFTS = 8  # a definite "the attack" or a denial looks back this many events of its family


CELL_DEG = 0.1  # place index cells (about 11 km): drafts at a place are found by lookup, not by scanning


MAX_PLACE_DISTANCE = 5  # places further than this in the dependency tree belong to another clause


MAX_DATE_DISTANCE = 5


BARRIER_DEPS = {"ccomp", "parataxis", "relcl"}


LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "into", "on", "across", "inside", "from", "towards", "toward",
                  "between", "along"}


TEMPORAL_PREPS = {"after", "before", "since", "following", "ahead"}


TEMPORAL_MARKS = {"since", "after", "before", "when", "until", "while", "once", "as"}


DEFINITE = {"the", "this", "that", "these", "those"}


POSSESSIVES = {"its", "their", "his", "her", "our"}


DASHES = {"-", "–", "—"}


PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "we", "i", "who", "which", "that"}


def _ancestors(tok) -> list:
    out = []
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _tree_distance(a, b) -> int:
    if a.i == b.i:
        return 0
    pa = [a] + _ancestors(a)
    pb = [b] + _ancestors(b)
    ib = {t.i: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t.i in ib:
            return n + ib[t.i]
    return len(pa) + len(pb)


def _clause_distance(a, b) -> int:
    """Tree distance, plus a penalty for each reported, relative or temporal clause crossed."""
    pa = [a] + _ancestors(a)
    pb = [b] + _ancestors(b)
    ib = {t.i: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t.i in ib:
            path = pa[:n] + pb[: ib[t.i]]
            return n + ib[t.i] + 3 * sum(1 for x in path if _crosses_barrier(x) and x.dep_ != "relcl")
    return len(pa) + len(pb)


def _anchor(tok):
    """The verb a trigger belongs to: itself when a verb, else the nearest verb above it."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _lemma(tok) -> str:
    return lex.LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def _span_of(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _phrase(tok) -> tuple[str, int, int]:
    """A short noun phrase for an actor: modifiers on the left, the head, 'of X' names."""
    left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "det", "case", "cc", "conj")]
    toks = [tok]
    for c in left:
        toks.extend(c.subtree)
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            toks.extend(t for t in c.subtree if t.dep_ != "relcl")
            toks.extend(_children(tok, "cc"))
        # "forces of X", and partitives: "members of the X gang", "fighters of the X militia"
        if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in (
                "force", "army", "ministry", "troop", "president", "government", "member", "element", "unit",
                "fighter", "militant", "faction", "wing", "remnant", "detachment"):
            toks.extend(c.subtree)
        # "the Somali Islamist group al Shabaab": the name told right after a group noun is the group's (not the
        # demonym before it, which names where it fights)
        if (c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1
                and tok.lemma_.lower() in lex.NONSTATE_NOUNS):
            toks.extend(c.subtree)
    if tok.dep_ == "compound":
        toks.append(tok.head)
    i0 = min(t.i for t in toks)
    i1 = max(t.i for t in toks)
    doc = tok.doc
    while i0 < i1 and doc[i0].dep_ == "det" and doc[i0].lower_ in ("the", "a", "an", "any", "some", "all"):
        i0 += 1
    while i1 > i0 and doc[i1].is_punct:
        i1 -= 1
    span = doc[i0:i1 + 1]
    while "\n" in span.text and span.start < i1:  # a heading glued to the sentence ("Gezira\nRSF fighters")
        span = doc[span.start + 1:i1 + 1]
    dashes = [t.i for t in span if t.text in DASHES and t.i < i1 and t.whitespace_ and doc[t.i - 1].whitespace_]
    if dashes:  # "10:02 GMT - Kyiv": a live blog's time stamp before the heading's words
        span = doc[dashes[-1] + 1:i1 + 1]
    return span.text, span.start_char, span.end_char


def _attribution_tail(tok) -> bool:
    """"Strike on X kills five - governor": the words after a heading's dash name the source, not an actor."""
    sent = tok.sent
    if sent[-1].is_punct and sent[-1].text not in DASHES:
        return False
    dashes = [t.i for t in sent if t.text in DASHES]
    return bool(dashes) and tok.i > dashes[-1] and sent.end - dashes[-1] <= 5


def side_of_text(text: str | None) -> str | None:
    """Side of an actor phrase, from the shared side lookup (known actors, demonyms, capitals)."""
    if not text:
        return None
    actor = lookup_actor(text)
    if actor is not None and actor.side:
        return actor.side
    return side_of(text)


def _actor_name(text: str | None) -> str | None:
    if not text:
        return None
    actor = lookup_actor(text)
    if actor is not None and actor.name:
        return actor.name
    return text


def _has_side(tok) -> bool:
    return side_of(tok.text) is not None


@dataclass
class Mention:
    kinds: list[str]
    primary: object  # spaCy token
    tokens: list  # trigger tokens of the group
    sent: object
    sent_index: int
    tags: set[str] = field(default_factory=set)
    actor1: str | None = None
    actor2: str | None = None
    actor2_head: str | None = None
    claimant: str | None = None
    claimant_side: str | None = None
    claimed: bool = False
    denied: bool = False
    statement_ids: list[str] = field(default_factory=list)
    place: Place | None = None
    place_local: bool = False  # the place is named in the same sentence
    place_guessed: bool = False  # no place near: the article's main place
    place_unresolved: bool = False  # the clause names a place the gazetteer does not know
    unresolved_name: str = ""  # a word of that name ("Jordán" of "Puerto Jordán")
    # the known place an unknown one is told near (the town last named before it): the event's place when it has
    # no other, as ACLED codes an unknown village at the nearest known place (kept apart from ``place``, which the
    # merging reads as the place the clause names)
    place_near_unknown: Place | None = None
    also_places: list = field(default_factory=list)  # "attacks on the city of X and the city of Y": the other towns hit
    entry: int = 0  # live blogs: the timestamped entry the mention sits in
    single_death: int = 0  # "a driver was killed": one death, no figure ("a guard and the driver": two)
    named_victim: bool = False  # "gunmen shot dead <a person's name>": a named person, no armed word said of him
    date: DateMention | None = None
    figures: list[Figure] = field(default_factory=list)
    weapon: str | None = None
    nonviolent: bool = False
    anaphoric: bool = False  # "repelled the assault": a response to an attack told just before
    date_weak: bool = False  # the date of the statement about it or of the dateline, not of the incident
    counts: dict = field(default_factory=dict)  # figure id -> count with its conjuncts ("three children and a woman": 4)

    @property
    def kind(self) -> str:
        return self.kinds[0]

    def absorb(self, other: "Mention") -> None:
        """Take in another mention of the same happening from the same sentence."""
        self.kinds += other.kinds
        self.tokens += other.tokens
        self.tags |= other.tags
        self.figures += [f for f in other.figures if f not in self.figures]
        self.counts.update(other.counts)
        self.statement_ids += [s for s in other.statement_ids if s not in self.statement_ids]
        self.weapon = self.weapon or other.weapon
        self.actor1 = self.actor1 or other.actor1
        if self.actor2 is None:
            self.actor2, self.actor2_head = other.actor2, other.actor2_head
        if self.place is None or (not self.place_local and other.place_local):
            self.place, self.place_local = other.place, other.place_local
        if self.date is None or (self.date_weak and other.date is not None and not other.date_weak):
            self.date, self.date_weak = other.date, other.date_weak
        self.anaphoric = self.anaphoric and other.anaphoric
        self.single_death = max(self.single_death, other.single_death)
        if self.claimant is None and other.claimant:
            self.claimant, self.claimant_side, self.claimed = other.claimant, other.claimant_side, other.claimed


def _is_placeish(tok, place_tokens: set[int]) -> bool:
    """Does a noun phrase name a place ("Mariupol", "the port", "most of the city")?"""
    if tok.i in place_tokens or _lemma(tok) in lex.PLACE_NOUNS or tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if _lemma(tok) in ("part", "most", "half", "rest", "much", "parts"):
        return any(_is_placeish(p, place_tokens) for c in _children(tok, "prep") if c.lower_ == "of" for p in _children(c, "pobj"))
    return False


def _crosses_barrier(child) -> bool:
    """Does the edge child -> child.head separate two happenings?"""
    if child.dep_ in BARRIER_DEPS:
        return True
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in child.children):
        return True
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _children(child, "nsubj", "nsubjpass"):
        return True
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _lemma(child) in lex.REPORT_VERBS:
        return True
    return False


def _linked(upper, lower) -> bool:
    """Is ``lower`` inside ``upper``'s clause, without crossing a barrier?"""
    t = lower
    while t.head.i != t.i:
        if t.i == upper.i:
            return True
        if _crosses_barrier(t):
            return False
        t = t.head
    return t.i == upper.i


def _depth(tok) -> int:
    return len(_ancestors(tok))


def _hidden(m: Mention) -> bool:
    """Background, hypothetical: kept apart from what happened."""
    return bool(m.tags & lex.HIDDEN_TAGS)


def _mention_tokens(doc, records) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for r in records:
        sp = _span_of(doc, r.start, r.end)
        if sp is not None:
            out[r.id] = [t.i for t in sp]
    return out


def _record_root(doc, r):
    sp = _span_of(doc, r.start, r.end)
    return sp.root if sp is not None and len(sp) else None


def _sent_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


_parse_day = parse_day


def _km(a: Place, b: Place) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _same_place(a: Place | None, b: Place | None) -> bool | None:
    """True/False when both are known, None when either is missing."""
    if a is None or b is None:
        return None
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if (a.canonical or a.name) == (b.canonical or b.name):
        return True
    if (a.precision or 3) >= 3 or (b.precision or 3) >= 3:
        return False
    return _km(a, b) <= PLACE_MERGE_KM


def _contains(broad: Place, narrow: Place) -> bool:
    """Is ``narrow`` inside ``broad`` (a country or a first-level region holding it)?"""
    if not broad.country or broad.country != narrow.country:
        return False
    if broad.kind == "country" or (broad.feature_code or "").startswith("PCL"):
        return True
    return (broad.feature_code or "") == "ADM1" and bool(broad.admin1) and broad.admin1 == narrow.admin1


def _place_within(a: Place | None, b: Place | None) -> bool:
    """Can two mentions' places be one incident's: unknown, the same, or one holding the other."""
    if a is None or b is None or _same_place(a, b):
        return True
    return _contains(a, b) or _contains(b, a)


def _window(d: DateMention | None, published: str | None) -> tuple[date, date] | None:
    if d is None:
        return None
    a = _parse_day(d.date)
    if a is None:
        return None
    b = _parse_day(d.date_end) or a
    slack = {1: 0, 2: 1}.get(d.precision or 1, 0)
    return a - timedelta(days=slack), b + timedelta(days=slack)


def _same_time(a: DateMention | None, b: DateMention | None, published: str | None) -> bool | None:
    wa, wb = _window(a, published), _window(b, published)
    if wa is None or wb is None:
        return None
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def _is_historical(ctx: Context, d: DateMention | None) -> bool:
    if d is None:
        return False
    if d.historical:
        return True
    day = _parse_day(d.date_end or d.date)
    pub = _parse_day(ctx.published)
    return bool(day and pub and day < pub - timedelta(days=HISTORICAL_DAYS))


def _is_heading(sent) -> bool:
    """A headline or a live-blog entry's heading: a short line without a closing punctuation mark."""
    text = sent.text.strip()
    return bool(text) and len(text.split()) <= HEADING_WORDS and not text.endswith(CLOSING)


_entries = times.entry_starts  # start offsets of live-blog entries ([] for other articles)

