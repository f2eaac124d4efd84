"""Across articles: merged events and relations between figures and statements.

Pure functions over records. Relating new articles to what is stored uses
these rules through the store's lookups (the store layer's relating module).

- figures that count the same quantity (same category, group, side of the
  counted group, place and kind of period) are compared: ``corroborates``
  (agreeing values from other claimants, or the same claim repeated later),
  ``contradicts`` (non-overlapping values from different claimants at about
  the same time) and ``updates`` (a later, different value from the same
  claimant or side; ``a`` is the older);
- a denial ``contradicts`` the assertion it denies (opposite polarity,
  different sides, shared topic and place, close in time);
- the same incident reported by several articles becomes one event.

The rules are described in docs/fusion.md.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from unfog.days import day_number
from unfog.lexicons.times import clock_minutes
from unfog.geo import distance_km
from unfog.fusion.events import merge_events, place_key, same_incident  # noqa: F401  (re-exported)
from unfog.fusion import relkind, widepairs
from unfog.fusion.entities import (Resolver, anonymous_voice, canonical_key, fold, one_kind_of_body,
                                   one_voice, same_body, speaks_for)
from unfog.lexicons import alternation, load as load_lexicon, toll_prior
from unfog.lexicons.actors import civil_war_parties, known_group, lookup_actor, side_of
from unfog.lexicons.countries import country_of_place, country_terms
from unfog.lexicons.denial import CLAIM_NOUN_RE, DISMISSAL_RE, denied_owner
from unfog.lexicons.events import SUBSET_CUES, WAR_NOUNS
from unfog.lexicons.people import (INCREMENT_OPENERS, bodies_of, party_of, claimant_force, counts_own_men, force_kind,
                                   force_of_the_killed, group_noun, is_body_count, is_increment, is_part_phrase,
                                   is_people_word, RISE_CUE_RE)
from unfog.lexicons.wire import lead_spans
from unfog.nlp.timeexpr import date_line_end
from unfog.text import headline_end, names_a_neighbour
from unfog.model import ArticleRecords, Batch, Event, Figure, Place, Relation, Statement, stable_id

ONE_INCIDENT_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
# event types that two reports of one incident may give it (a strike told as such or as a killing of
# civilians; a gunfight told as a battle or, by those who say the dead were civilians, as their killing; an
# assault on a base opened by a car bomb told as a battle or as the bombing)
ONE_INCIDENT_PAIRS = [ONE_INCIDENT_TYPES, {"Battles", "Violence against civilians"},
                      {"Battles", "Explosions/Remote violence"}]
SAME_TIME_DAYS = 3  # "about the same time" for contradictions and statements
STOCK_WINDOW_DAYS = 31  # how far apart agreeing counts of a stock still corroborate
STATEMENT_STORE_DAYS = 7  # stored articles this close in publication are searched for claims a denial answers
EVENT_WINDOW_DAYS = 1  # counts of one incident (evacuations, a day's losses)
INCIDENT_REVISION_DAYS = 7  # how long a source keeps revising one incident's toll
AGREE_TOLERANCE = 0.15  # relative difference of point values that still agree
DISAGREE_GAP = 0.25  # relative gap between value ranges that is a real disagreement
# Claims ten times apart rarely count the same thing (a city's trapped vs one plant's sheltering);
# above this ratio two figures from different claimants are taken for different quantities.
MAX_CONTRADICTION_RATIO = 10.0
PARTY_CONTRADICTION_RATIO = 100.0  # the two parties' counts of one day's incident at one place

# What kind of quantity a category counts decides how its figures relate over time.
STOCK = {"trapped", "troops"}  # a level at a moment: later values update earlier ones
TALLY = {"killed", "wounded", "captured", "missing", "displaced"}  # running totals: do not shrink
INCIDENT = {"evacuated"}  # counts of one operation: compared only within a day or so
EXCHANGE = "exchange"  # the period kind of a count of prisoners handed over in one exchange

_EXCHANGE_LEX = load_lexicon("categories")["exchange"]
_EXCHANGE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_EXCHANGE_LEX["forms"], key=len, reverse=True)) + r")\b"
    r"(?!\s+of\s+(?:" + "|".join(re.escape(w) for w in _EXCHANGE_LEX["not_after_noun"]) + r")\b)", re.I)

_EXCHANGE_NOUN_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _EXCHANGE_LEX["nouns"]) + r")(?:e?s)?\b"
                               r"(?!\s+of\s+(?:" + "|".join(re.escape(w) for w in _EXCHANGE_LEX["not_after_noun"]) + r")\b)", re.I)
_PER_SIDE = "|".join(re.escape(w) for w in sorted(_EXCHANGE_LEX["per_side_cues"], key=len, reverse=True))
_PER_SIDE_AFTER_RE = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:" + _PER_SIDE + r")\b(?!\s+(?:day|night|week|month|time|round)s?\b)", re.I)
_PER_SIDE_BEFORE_RE = re.compile(r"\b(?:" + _PER_SIDE + r")\s+(?:\w+\s+){0,2}$", re.I)
_EXCHANGE_TOTAL_RE = re.compile(r"\b(?:" + "|".join(_EXCHANGE_LEX["total_cues"]) + r")\b", re.I)

_DAILY_RE = re.compile(
    r"\b(overnight|in the (?:past|last) (?:24|twenty-four) hours|in the (?:past|last) day|last night|"
    r"this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|over the weekend|today)\b",
    re.I,
)
# "killed in the conflict", "during the insurgency": the war nouns events read too (lexicons/events.json)
_WAR_WORDS = "|".join(sorted(WAR_NOUNS, key=len, reverse=True))
_CUMULATIVE_RE = re.compile(
    r"\b(since|so far|in total|a total of|to date|overall|altogether|this year|year to date|during the (?:siege|fighting|battle|"
    rf"invasion|offensive|{_WAR_WORDS})|(?:in|throughout) the (?:siege|{_WAR_WORDS}))\b",
    re.I,
)
_MORE = {"more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than", "above"}
_LESS = {"up to", "fewer than", "less than", "under", "nearly", "almost", "no more than", "below", "just under"}
_COUNT_QUALIFIERS = {"", "at least", "no fewer than", "no less than"}
_ABOUT = {"about", "around", "approximately", "roughly", "some", "estimated", "an estimated", "close to",
          "perhaps", "reportedly", "approx", "circa", "c"}


# -- small helpers ---------------------------------------------------------


def _place_keys(p: Place) -> str | None:
    return place_key(p.canonical or p.name, p.geonames_id)


def speaker_spans(res: ArticleRecords) -> list[tuple[int, int]]:
    """Where the article says who speaks ("Russia's defence ministry", "Osnat Lubrani, the UN coordinator
    for Ukraine, said"): the speaker, and a statement's words around what it claims. Not where things
    happened."""
    out = set()
    counts = sorted(f.start for f in res.figures)
    for s in res.statements:
        if s.speaker_start is not None and s.speaker_end is not None:
            out.add((s.speaker_start, s.speaker_end))
        if s.content_start is not None and s.content_end is not None and s.start <= s.content_start <= s.content_end <= s.end:
            # (a stretch outside the content that tells a count is a claim, not an attribution: "The toll from
            # Sunday's shelling in <town> has risen to 24, the ministry said, among them six children")
            out.update(x for x in ((s.start, s.content_start), (s.content_end, s.end))
                       if x[0] < x[1] and bisect_left(counts, x[0]) == bisect_left(counts, x[1]))
    return sorted(out)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Wire furniture at the start of each line ("PORT SUDAN, May 5 -", "KABUL:"): where the report was
    filed, not what it is about."""
    return lead_spans(text)


def not_about_spans(res: ArticleRecords) -> list[tuple[int, int]]:
    """Spans whose places say who speaks or where the report was filed, not where things happened."""
    return sorted(speaker_spans(res) + dateline_spans(res.article.text))


def _in_spans(p: Place, spans: list[tuple[int, int]]) -> bool:
    """The place lies inside one of the spans (a long report has thousands: the spans that start at or
    before the place are found by bisection, and only those are looked at, latest first)."""
    if len(spans) < SPAN_SCAN:
        return any(a <= p.start and p.end <= b for a, b in spans)
    index = _span_index(tuple(spans))
    j = bisect_right(index.starts, p.start) - 1
    while j >= 0 and index.reach[j] >= p.end:  # (reach only falls going back: past it, no span holds p)
        if index.ends[j] >= p.end:
            return True
        j -= 1
    return False


SPAN_SCAN = 64  # below this many spans a plain scan is as fast


@dataclass(frozen=True)
class _SpanIndex:
    starts: list[int]
    ends: list[int]
    reach: list[int]  # the furthest end of the spans up to each one


@lru_cache(maxsize=8)
def _span_index(spans: tuple[tuple[int, int], ...]) -> _SpanIndex:
    ordered = sorted(spans)
    reach, far = [], -1
    for _, b in ordered:
        far = max(far, b)
        reach.append(far)
    return _SpanIndex([a for a, _ in ordered], [b for _, b in ordered], reach)


def article_topic_place(places: list[Place], skip: list[tuple[int, int]] = (), text: str | None = None) -> str | None:
    """The place an article is mostly about: its most mentioned place (first on ties), leaving out
    the places that only name a speaker (``skip``); with ``text``, a place the gazetteer does not know
    counts too where the text puts something at it ("an assault on an army post near Boulkessi")."""
    # (when every place names a speaker, "the Gaza health ministry raised the toll", they are all there is)
    unresolved = [(a, k) for a, k in _unresolved_mentions(text, places) if not any(x <= a < y for x, y in skip)]
    # (the dateline's city is the topic only when nothing else is named: "DAKAR - ... near Menaka" is Menaka)
    # (nor a neighbour, "near the border with <country>": named as no place where things happened)
    kept = [p for p in places if not _in_spans(p, skip) and not (text and names_a_neighbour(text, p.start))] \
        or ([] if unresolved else list(places))
    found = [(p.start, k) for p in kept for k in [_place_keys(p)] if k] + unresolved
    keys = [k for _, k in sorted(found)]
    if not keys:
        return None
    # (the lead says what the report is about: a place its first sentence names counts once more than a place
    # named as often further down, "... separate strike in <town>", "moved to hospitals in <town>")
    lead = _lead_end(text) if text else -1
    counts = Counter(keys) + Counter({k for a, k in found if a < lead})
    best = max(counts.values())
    topic = next(k for k in keys if counts[k] == best)
    # ("an air strike in <country>'s <region> region" ... "the monastery in <village>": a report about a region or
    # country that puts things at one place the gazetteer does not know is about that place)
    names = {k for _, k in unresolved}
    coarse = all((p.precision or 1) >= 3 for p in kept if _place_keys(p) == topic)
    return next(iter(names)) if len(names) == 1 and coarse and not topic.startswith("name:") else topic


_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")


def _lead_end(text: str) -> int:
    """Where the first sentence of a report ends (past a dateline's abbreviations: "Sept. 8 -")."""
    start = max((b for a, b in dateline_spans(text) if a == 0), default=0)
    m = _SENTENCE_END_RE.search(text, start)
    return m.end() if m else len(text)


def is_exchange(f: Figure) -> bool:
    """A count of prisoners handed over, freed or brought home (one operation, whatever the place)."""
    return f.category == "captured" and bool(_EXCHANGE_RE.search(f.sentence or f.text or ""))


def _around(f: Figure, before: int = 40, after: int = 40) -> tuple[str, str]:
    """The words of a figure's sentence right before and right after it."""
    sentence = f.sentence or ""
    i = sentence.find(f.text or "\0")
    if i < 0:
        return "", ""
    return sentence[max(0, i - before):i], sentence[i + len(f.text):i + len(f.text) + after]


def body_count(f: Figure) -> bool:
    """A count of bodies found ("the bodies of four soldiers were found", "seven bodies of gunmen")."""
    return is_body_count(f.text, _around(f)[0])


def own_men(f: Figure) -> bool:
    """A claimant's count of its own men ("only two of its fighters had died", "it had lost no fighters")."""
    head = (f.claimant or "").split()[-1:] or [""]
    if not f.claimant or f.category in (None, "", "other") or (is_people_word(head[0]) and not force_kind(head[0])):
        return False  # ("residents said two of their neighbours died": no force)
    return counts_own_men(f.text, _around(f)[0])


def counted_group(f: Figure) -> str | None:
    """The group a figure counts: a claimant's own men are combatants, whatever the noun ("its own men"), and
    so are the members a force killed ("troops killed nine members of the front")."""
    before, after = _around(f)
    return "combatants" if own_men(f) or force_of_the_killed(f.counted, before) or _members_of_armed_party(f, after) \
        else f.group


_ARMED_PARTY_RE = re.compile(r"^(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + "|".join(
    load_lexicon("people")["killed_by"]["armed_party_nouns"]) + r")\b", re.I)


def _members_of_armed_party(f: Figure, after: str) -> bool:
    """"15 other members of the movement", "members of Hezbollah": a party's men counted by the party they belong to
    (an armed group the actors table knows, or a noun naming one: ``people.json`` ``armed_party_nouns``)."""
    party = party_of(f.counted, after)
    return bool(party) and (_armed_group_named(party) or bool(_ARMED_PARTY_RE.match(party)))


def counted_force(f: Figure) -> str | None:
    """The kind of force a figure counts: by its noun ("soldiers", "rebels"); a claimant's own men by the
    claimant ("the BIFF said only two of its fighters died": the group's, not the army's)."""
    if own_men(f):
        return force_kind(f.counted) or claimant_force(f.claimant)
    before, after = _around(f)
    # ("seven bodies of gunmen"; "soldiers killed seven members of the front": the other kind of force)
    kind = force_kind(f.counted) or force_kind(bodies_of(f.text, after)) or force_of_the_killed(f.counted, before)
    if kind is None and f.group == "combatants" and _armed_group_named(f.text):
        kind = "nonstate"  # "more than 100 Al-Shabaab fighters": the group's men, not the soldiers it fought
    party = party_of(f.counted, after) if kind is None else None
    if party:  # "22 members of the group's fighters": whose men the count is of
        nouns = re.findall(r"[A-Za-z]+", party)
        kind = next((k for w in reversed(nouns) for k in [force_kind(w)] if k), None) or (
            "nonstate" if _armed_group_named(party) else None)
    return kind


def _armed_group_named(text: str) -> bool:
    group = known_group(text or "")
    return group is not None and group.get("inter") != 1


_RUNNING = load_lexicon("categories")["running_total"]
_COMPARISON_BEFORE_RE = re.compile(r"\b(?:" + "|".join(_RUNNING["comparisons"]) + r")\b[^,;.]{0,70}$", re.I)
_CLAUSE_BREAK_FIG_RE = re.compile("|".join(_RUNNING["clause_breaks"]), re.I)


def figure_clause(f: Figure) -> str:
    """The clause of a figure's sentence that holds it (";", " - ", ", while ..." end a clause): what a running-total
    cue must be in to make the figure a count so far ("killed four people on Sunday ..., while a video suggested a
    higher overall toll": the four are one day's)."""
    return _clause(f.sentence or f.text or "", f.text or "")


@lru_cache(maxsize=65536)  # asked again for every pair a figure is in
def _clause(sentence: str, text: str) -> str:
    i = sentence.find(text or "\0")
    if i < 0:
        return sentence
    cuts = [m for m in _CLAUSE_BREAK_FIG_RE.finditer(sentence)]
    start = max((m.end() for m in cuts if m.end() <= i), default=0)
    end = min((m.start() for m in cuts if m.start() >= i + len(text)), default=len(sentence))
    return sentence[start:end]


def period_kind(text: str | None) -> str | None:
    """'cumulative' (since..., during the siege), 'daily' (overnight, on Monday) or None. A cue after a
    comparison is none ("the worst attack since May", "one of the deadliest strikes so far")."""
    if not text:
        return None
    if any(not _COMPARISON_BEFORE_RE.search(text[:m.start()]) for m in _CUMULATIVE_RE.finditer(text)):
        return "cumulative"
    if _DAILY_RE.search(text):
        return "daily"
    return None


def value_range(f: Figure) -> tuple[float, float, float] | None:
    """(low, point, high) for a figure, widening by its qualifier; None for vague amounts."""
    q = fold(f.qualifier)
    v = f.value
    lo, hi = f.low, f.high
    if v is None and lo is None and hi is None:
        return None
    if v is not None:
        v = float(v)
        if q in _MORE:
            lo2, hi2 = v, (float(hi) if hi is not None else math.inf)
        elif q in _LESS:
            lo2, hi2 = (float(lo) if lo is not None else v * 0.7), v
        elif q in _ABOUT:
            lo2, hi2 = v * 0.85, v * 1.15
        else:
            lo2 = float(lo) if lo is not None else v
            hi2 = float(hi) if hi is not None else v
        return lo2, v, hi2
    lo2 = float(lo) if lo is not None else 0.0
    hi2 = float(hi) if hi is not None else math.inf
    point = (lo2 + hi2) / 2 if hi2 != math.inf else lo2
    return lo2, point, hi2


def range_gap(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Relative gap between two value ranges (0 when they overlap)."""
    (alo, _, ahi), (blo, _, bhi) = a, b
    if ahi < blo:
        return (blo - ahi) / max(blo, 1.0)
    if bhi < alo:
        return (alo - bhi) / max(alo, 1.0)
    return 0.0


def points_agree(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    pa, pb = a[1], b[1]
    return range_gap(a, b) == 0.0 and abs(pa - pb) <= AGREE_TOLERANCE * max(pa, pb, 1.0)


# -- figures -----------------------------------------------------------------
def quantity_group(group: str | None) -> str:
    """The counted group as part of a quantity: people of no stated kind share the civilians' quantity (the
    victims of a strike are told as "people" by one source and "civilians" by another); combatants are apart."""
    return "combatants" if group == "combatants" else "persons"


@dataclass
class FigureKey:
    """What a figure counts, computed from its own article alone, so it can be stored and looked up.

    ``qkey`` is the comparable quantity: category, counted group, place and whether it is a
    running total ("since the war began"); only figures of one ``qkey`` are ever compared.
    ``incident`` names the incident the figure belongs to ("event type|day|place") when the
    events extractor tied it to one; two figures tied to different incidents are never compared.
    """

    figure_id: str
    article_id: str
    qkey: str
    day: int | None = None
    place: str = ""
    period: str | None = None
    source: str = ""
    incident: str | None = None
    reported: int | None = None  # the day the article was published (orders revisions of one day's toll)
    # the time of day the count was told (minutes since midnight: Figure.time), else the latest time its report
    # tells a count at (a report is no older than that): orders the counts of one day that no word orders
    clock: int | None = None
    # what the wider candidate pairs of a figure are looked up by (fuse.wide_candidates): its category and the
    # country its count is keyed to ("" when none)
    category: str = ""
    country: str = ""

    def to_row(self) -> dict:
        return dict(self.__dict__)


def _incidents(res: ArticleRecords) -> dict[str, str]:
    """Figure id -> the incident signature of the event it belongs to (the earliest such event)."""
    out: dict[str, str] = {}
    places = {p.id: p for p in res.places}
    datelines = dateline_spans(res.article.text)
    for ev in sorted(res.events, key=lambda e: (e.start, e.id)):
        sig = f"{ev.event_type}|{day_number(ev.date) or ''}|{_event_place(ev, places, datelines, res.article.text)}"
        for fid in ev.figure_ids or []:
            out.setdefault(fid, sig)
    # a count told in a background clause ("The strikes came after a round hit the church on Thursday,
    # killing three") belongs to that earlier incident, never to the one the report is about
    for ev in res.events:
        if set(ev.tags or ()) & BACKGROUND_TAGS:
            sig = f"background:{ev.id}|{day_number(ev.date) or ''}|{place_key(ev.place, ev.geonames_id) or ''}"
            for f in res.figures:
                if ev.start <= f.start and f.end <= ev.end:
                    out.setdefault(f.id, sig)
    return out


BACKGROUND_TAGS = frozenset({"background", "historical", "hypothetical"})


def _event_place(ev: Event, places: dict[str, Place], datelines: list[tuple[int, int]], text: str = "") -> str:
    """The place key of an event when its evidence names it: a place mentioned outside every span the event
    was read from (a town named in another paragraph), in the dateline (where the report was filed) or naming a
    body ("the Gaza civil defence said") says nothing of where it happened: the incident's place is left open ("")."""
    key = place_key(ev.place, ev.geonames_id) or ""
    p = places.get(ev.place_id) if ev.place_id else None
    if not key or p is None:
        return key
    spans = [(x.get("start"), x.get("end")) for x in ev.evidence or [] if x.get("start") is not None] or [(ev.start, ev.end)]
    inside = any(a <= p.start < b for a, b in spans) and not any(a <= p.start < b for a, b in datelines)
    # (a region or country does not tell incidents apart: reports name one at different depths, "<district>" in
    # one, "<province>" in the next; the counts' own places do)
    return key if inside and not _names_a_body(p, text) and (p.precision or 1) < 3 else ""


# (a whole word: "Town00165" or "Al-Fashir" is not the name "Town" or "Al")
# ("in Wana", "near the Azot plant", "the village of Kirawa", "an attack on Kirawa": a place the text names)
# (not the end of a word after an apostrophe of any kind: "Jama´at Nusrat" is a group's name, no place "at Nusrat")
_AT_NAME_RE = re.compile(
    r"(?:(?<![\w'’´`ʼ])(?:in|inside|at|near|outside|from|around|on)\s+(?:the\s+)?"
    r"|\b(?i:" + "|".join(load_lexicon("places")["settlement_nouns"] + load_lexicon("places")["dweller_nouns"]) + r")\s+of\s+)"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)*(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)*)?)(?![\w-])")


def place_words(places: list[Place]) -> set[str]:
    """The folded words of the places an article names (asked once per article, not per figure)."""
    return {fold(w) for p in places for w in (p.name or "").split()}


def _unresolved_mentions(text: str | None, places: list[Place], known: set[str] | None = None) -> list[tuple[int, str]]:
    """(offset, 'name:<word>') where the text puts something in, at or near a name the gazetteer did not
    resolve ("inside the Azot chemical plant", "near Boulkessi")."""
    if not text:
        return []
    known = place_words(places) if known is None else known
    out = []
    for m in _AT_NAME_RE.finditer(text):
        # ("the town of Um Sumeima": two words; "in Gaza City" or "on Saturday Night": the first alone, or none)
        name = m.group(1) if all(_unknown_name(w, known) for w in m.group(1).split()) else m.group(1).split()[0]
        if _unknown_name(name, known):
            out.append((m.start(1), f"name:{fold(name)}"))
    return out


def _unknown_name(name: str, known: set[str]) -> bool:
    word = fold(name)
    return word not in known and word not in STOPWORDS and word not in _CALENDAR and word not in _NOT_PLACES \
        and not side_of(name) and not is_people_word(name)


_NOT_PLACES = frozenset(load_lexicon("places")["not_place_names"])  # "on Christmas Eve", "in Mideast shipping lanes"


def _only_unresolved(text: str | None, places: list[Place], known: set[str], skip: list[tuple[int, int]]) -> str | None:
    """'name:<word>' when a report puts things at exactly one place the gazetteer does not know."""
    names = {k for a, k in _unresolved_mentions(text, places, known) if not any(x <= a < y for x, y in skip)}
    return next(iter(names)) if len(names) == 1 else None


def _unresolved_place(sentence: str | None, places: list[Place], known: set[str] | None = None) -> str | None:
    """'name:<word>' for "sheltering inside the Azot chemical plant" when the gazetteer knows no such
    place: the count is of that place, not of the place the article is mostly about."""
    found = _unresolved_mentions(sentence, places, known)
    return found[0][1] if found else None


_RESTATED_END_RE = re.compile(r"[,;]|\s(?:saying|adding|but|while|insisting)\b", re.I)


def restated_claims(res: ArticleRecords) -> list[tuple[int, int]]:
    """Spans where a denial restates the claim it denies: in a statement that denies or dismisses, what
    follows a claim noun ("denied the claim of the rebels that 13 soldiers were killed", "claims that 200
    guards were captured are unfounded") up to the end of that clause or the dismissing word. A count told
    there is the denied party's, not the denier's ("..., saying only two soldiers died" is the denier's own)."""
    out = []
    for s in res.statements:
        if not is_denial(s):
            continue
        sentence = res.article.text[s.start:s.end]
        dismissal = DISMISSAL_RE.search(sentence)
        for c in CLAIM_NOUN_RE.finditer(sentence):
            end = _RESTATED_END_RE.search(sentence, c.end())
            stop = min(end.start() if end else len(sentence),
                       dismissal.start() if dismissal and dismissal.start() > c.end() else len(sentence))
            out.append((s.start + c.end(), s.start + stop))
    return out


_COMPARED_AFTER_RE = re.compile(r"^\s+(?:more|fewer|less)\s+than\b", re.I)
_LIST_JOIN_RE = re.compile(r"\s*(?:,|,?\s*and)\s*")


_PART_AFTER_RE = re.compile(r"^[^,.;]{0,40}?\b(?:" + "|".join(load_lexicon("categories")["part_after"]["cues"]) + r")\b", re.I)


_LISTED_BEFORE_RE = re.compile(load_lexicon("categories")["part_after"]["listed_before"], re.I)
_LISTED_AFTER_RE = re.compile(load_lexicon("categories")["part_after"]["listed_after"], re.I)


def _listed_part(f: Figure, text: str) -> bool:
    """A count of one kind of the dead in a sentence that lists them ("Eight of the dead were children and five
    were women": five; ``categories.json`` ``part_after.listed_before``, ``listed_after``)."""
    sentence = f.sentence or ""
    i = sentence.find(f.text or "\0")
    return i > 0 and bool(_LISTED_BEFORE_RE.search(sentence[:i])) and bool(_LISTED_AFTER_RE.match(text[f.end:f.end + 40]))


def told_as_parts(res: ArticleRecords) -> set[str]:
    """Figures that count a part of a toll: after "including", "among them" (``subset_cues``), linked to their
    total (``subset_of``), listed with counts of the same people ("four women, four children and two
    drivers"), told as added ("eight more bodies") or bodies found of a larger toll the report gives for the
    same people (people.json ``toll_parts``). A part is not a toll: against another claimant's toll it neither agrees nor disagrees."""
    text = res.article.text
    figs = sorted(res.figures, key=lambda f: (f.start, f.id))
    out = parts_of_a_toll(res)
    for f in figs:
        before = text[max(0, f.start - 25):f.start].lower().rstrip(" ,:")
        if ((is_increment(f.text, text[f.end:f.end + 20]) or any(before.endswith(o) for o in INCREMENT_OPENERS))
                and not _besides_another_toll(f, figs)) or is_part_phrase(f.text):
            out.add(f.id)  # "eight more bodies", "after 268 more were flown": what was added; "four of them": a part
        elif body_count(f) and _larger_toll_of_the_same(f, figs):
            out.add(f.id)  # "the toll has risen to five ... the bodies of four soldiers were found"
        elif is_exchange(f) and (_PER_SIDE_AFTER_RE.match(text[f.end:f.end + 30])
                                 or _PER_SIDE_BEFORE_RE.search(text[max(0, f.start - 30):f.start])):
            out.add(f.id)  # "103 prisoners from each side", "each side freed 103": one side's share of an exchange
        elif _raised_by(f, figs, text):
            out.add(f.id)  # "has risen to seven ..., after three soldiers listed as missing were found dead"
    return out


def parts_of_a_toll(res: ArticleRecords) -> set[str]:
    """The figures that count one group of a toll's people: after "including", "among them" (``subset_cues``),
    linked to their total (``subset_of``), told with a part cue after them, or listed with counts of the same
    people ("four women, four children and two drivers")."""
    text = res.article.text
    figs = sorted(res.figures, key=lambda f: (f.start, f.id))
    out = set()
    for f in figs:
        before = text[max(0, f.start - 25):f.start].lower().rstrip(" ,:")
        if f.subset_of or any(before.endswith(" " + c) or before == c for c in SUBSET_CUES) \
                or _PART_AFTER_RE.match(text[f.end:f.end + 60]) or _listed_part(f, text):
            out.add(f.id)  # ("four of one family among them")
    for x, y in zip(figs, figs[1:]):
        if _COMPARED_AFTER_RE.match(text[y.end:y.end + 20]):
            continue  # "four members, one more than it had first reported": a comparison, not a list
        if _LIST_JOIN_RE.fullmatch(text[x.end:y.start]) and x.group == y.group \
                and (x.category == y.category or "other" in (x.category, y.category)) \
                and force_kind(x.counted) == force_kind(y.counted):
            out |= {x.id, y.id}
    return out


def _besides_another_toll(f: Figure, figs: list[Figure]) -> bool:
    """A count told as added ("16 other people", "another 31") right after a count of another category ("killed four
    people ... and injured 16 other people", "28 were killed while another 31 were injured"): other than the dead, a
    toll of its own, not what was added to one."""
    before = [g for g in figs if g.start < f.start and g.id != f.id]
    return bool(before) and max(before, key=lambda g: g.start).category != f.category


def _raised_by(f: Figure, figs: list[Figure], text: str) -> bool:
    """A count told after a toll as risen, in its sentence, smaller and of the same category, with a cue of what
    raised it between them ("after", "as": people.json ``toll_parts.rise_cues``): what was added, not a toll."""
    rng = value_range(f)
    if rng is None or not f.sentence:
        return False
    for g in figs:
        if g.start >= f.start or g.sentence != f.sentence or g.category != f.category:
            continue
        r = value_range(g)
        i = g.sentence.find(g.text)
        if r is not None and r[1] > rng[1] and i >= 0 and _risen(g.sentence[:i + len(g.text)]) \
                and RISE_CUE_RE.search(text[g.end:f.start]):
            return True
    return False


def _larger_toll_of_the_same(f: Figure, figs: list[Figure]) -> bool:
    """The report gives a larger toll of the same people (category, group, kind of force) than a count of
    bodies found: the bodies are part of it (not the earlier value of a toll: "initially found only two
    bodies ... that figure had risen to 15")."""
    rng = value_range(f)
    return rng is not None and not is_prior_value(f) and any(
        g.id != f.id and g.category == f.category and g.group == f.group and not body_count(g)
        and _sides_compatible(counted_force(g), counted_force(f))
        and (r := value_range(g)) is not None and r[1] > rng[1] for g in figs)


_REGION_NOUNS = "|".join(load_lexicon("places")["region_nouns"])
_REGION_BEFORE_RE = re.compile(r"\b(?:" + _REGION_NOUNS + r")\s+of\s+$", re.I)
_REGION_AFTER_RE = re.compile(r"^\s+(?:" + _REGION_NOUNS + r")\b", re.I)


def _told_as_region(p: Place, text: str) -> bool:
    """A place the text calls a region ("the province of Arauca", "Idlib province"), whatever town of that
    name the gazetteer found."""
    return bool(_REGION_BEFORE_RE.search(text[max(0, p.start - 30):p.start])
                or _REGION_AFTER_RE.match(text[p.end:p.end + 20]))


_BODY_AFTER_PLACE_RE = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:" + "|".join(
    re.escape(w) for w in sorted(load_lexicon("claimants")["body_nouns"], key=len, reverse=True)) + r")\b", re.I)


def _names_a_body(p: Place, text: str) -> bool:
    """A place that qualifies the name of a body ("the Gaza civil defence", "Dnipro's city council"): who speaks."""
    return bool(_BODY_AFTER_PLACE_RE.match(text[p.end:p.end + 40]))


def _other_place_in_sentence(p: Place, f: Figure, places: list[Place], skip: list[tuple[int, int]], text: str) -> Place | None:
    """Another place the figure's sentence names, not naming a body nor furniture (the nearest to the figure)."""
    i = (f.sentence or "").find(f.text or "\0")
    if i < 0:
        return None
    s0 = f.start - i
    others = [q for q in places if s0 <= q.start < s0 + len(f.sentence) and q.id != p.id and q.start != p.start
              and not _in_spans(q, skip) and not _names_a_body(q, text)]
    return min(others, key=lambda q: (abs(q.start - f.start), q.start)) if others else None


def _town_within(region: Place, f: Figure, places: list[Place], skip: list[tuple[int, int]], text: str = "") -> Place:
    """The town a figure's sentence names inside the region or country the figure was placed in ("killed 10
    in a gunfight in Manipur's Jiribam district": Jiribam, in Manipur), else the region itself."""
    i = (f.sentence or "").find(f.text or "\0")
    if i < 0:
        return region
    s0 = f.start - i
    s1 = s0 + len(f.sentence)
    towns = [q for q in places if s0 <= q.start < s1 and (q.precision or 1) < 3 and q.geonames_id
             and q.country == region.country and (region.kind == "country" or q.admin1 == region.admin1)
             and q.geonames_id != region.geonames_id and not _in_spans(q, skip) and not _names_a_body(q, text)]
    return min(towns, key=lambda q: (abs(q.start - f.start), q.start)) if towns else region


def _incident_at(incident: str | None, region: Place | None, town: Place | None) -> str | None:
    """The incident signature placed at the town a figure's region was narrowed to (see :func:`_town_within`)."""
    if not incident or region is None or town is None or town is region:
        return incident
    old, new = _place_keys(region), _place_keys(town)
    return incident[:-len(old)] + new if old and new and incident.endswith("|" + old) else incident


def figure_keys(res: ArticleRecords) -> list[FigureKey]:
    """The comparable quantity of every figure of an article that can be compared at all (not the counts a
    denial restates: see :func:`restated_claims`), as the cross-check hears them (:func:`credited_figures`)."""
    res = replace(res, figures=credited_figures(res))
    art = res.article
    spans = speaker_spans(res)
    topic = article_topic_place(res.places, not_about_spans(res), art.text)
    datelines = dateline_spans(art.text)
    place_by_id = {p.id: p for p in res.places}
    incident_of = _incidents(res)
    restated = restated_claims(res)
    parts = told_as_parts(res)
    part_groups = _part_groups(res)
    known = place_words(res.places)
    only_name = _only_unresolved(art.text, res.places, known, not_about_spans(res))
    country = article_country(res.places, spans, datelines, art.text)
    countries: dict[str, str | None] = {}
    key_country = {k: p.country for p in res.places if p.country for k in [_place_keys(p)] if k}
    key_depth = {k: _place_depth(k, p) for p in res.places for k in [_place_keys(p)] if k}
    out = []
    echoes = _own_voice_echoes(res.figures, art.text)
    told_at = {f.id: clock_minutes(f.time) for f in res.figures}
    latest = max((t for t in told_at.values() if t is not None), default=None)
    for f in res.figures:
        if f.category in (None, "", "other") or value_range(f) is None:
            continue
        if (f.id in parts and f.id not in part_groups) or f.id in echoes \
                or any(a <= f.start and f.end <= b for a, b in restated):
            continue
        p = place_by_id.get(f.place_id) if f.place_id else None
        fplace = f.place
        if p is not None and _in_spans(p, datelines):
            p = fplace = None  # "BAMAKO, March 11 - ... killed 60 soldiers near <village>": where the report was filed
        if p is not None and _names_a_body(p, art.text):
            # "killed 22 people in <town>, the <city> civil defence said": the city names who speaks
            p = _other_place_in_sentence(p, f, res.places, datelines + spans, art.text)
            fplace = p.name if p is not None else None
        unresolved = _unresolved_place(f.sentence, res.places, known)
        if p is not None and (p.precision or 1) >= 3 and unresolved:
            p = fplace = None  # "an ambush in Nduga in Papua Highlands province": the town, not its region
        elif p is not None and ((p.precision or 1) >= 3 or _told_as_region(p, art.text)):
            p = _town_within(p, f, res.places, datelines + spans, art.text)  # "in Manipur's Jiribam district": Jiribam
            if (p.precision or 1) >= 3 and only_name and f.id in incident_of \
                    and not incident_of[f.id].startswith("background:"):
                # "an air strike in <country>'s <region> killed 14" in a report that names one place the gazetteer
                # does not know ("the monastery in <village>"): the incident's count is the village's
                p, fplace, unresolved = None, None, only_name
        incident = _incident_at(incident_of.get(f.id), place_by_id.get(f.place_id) if f.place_id else None, p)
        if p is not None and _in_spans(p, spans) and topic:
            pk = topic  # "the UN coordinator for Ukraine said 101 civilians...": the speaker's place, not the count's
        else:
            pk = _place_keys(p) if p is not None else (place_key(fplace) if fplace else (unresolved or topic))
        # a count with no place and no article topic is compared only within its article
        pk = pk or f"article:{art.id}"
        # only running totals have periods; a stock is a level at a moment, an evacuation one operation
        period = period_kind(figure_clause(f)) if f.category in TALLY else None
        if is_exchange(f) and period != "cumulative":
            # one exchange, however each side names where the prisoners went: compared by time, not place
            # ("more than 5,800 freed since the invasion began" is a running total, not this exchange's count)
            pk, period = EXCHANGE, EXCHANGE
        # (the country of the place the count is keyed to; else the report's)
        countries[f.id] = key_country.get(pk) or (_local_country(f, res.places, datelines) if pk.startswith("name:")
                                                  else None) or country
        pk = key_depth.get(pk, pk)
        out.append(FigureKey(
            figure_id=f.id, article_id=art.id, qkey=_qkey(f, pk, period, countries[f.id]),
            day=_count_day(f, art, period), place=pk, period=period,
            source=fold(art.source), incident=incident, reported=day_number(art.published),
            clock=latest if told_at[f.id] is None else told_at[f.id], category=f.category,
            country=countries[f.id] or "",
        ))
    figs = {f.id: f for f in res.figures}
    # (both key the figures of ``out`` in place: its order stays the figures')
    tolls = _one_place_per_incident([k for k in out if k.figure_id not in part_groups], figs, countries)
    _key_parts([k for k in out if k.figure_id in part_groups], tolls, figs, part_groups)
    return _date_prior_values(_key_prior_values(out, figs), figs)


def _part_groups(res: ArticleRecords) -> dict[str, str]:
    """Figure id -> the group of the parts of a toll that are keyed as parts (:func:`_key_parts`): the parts of a
    toll (:func:`parts_of_a_toll`) and the counts of one kind of the dead however told ("three children were killed":
    people.json ``sub_kinds``), whose noun names a group (:func:`part_group`)."""
    listed = parts_of_a_toll(res)
    text = res.article.text
    # (a part told as added to a list, "and one more official", is what was added: no part of the toll's group)
    return {f.id: g for f in res.figures if (f.id in listed or counted_kind(f))
            and not is_increment(f.text, text[f.end:f.end + 20]) for g in [part_group(f)] if g}


def part_group(f: Figure) -> str | None:
    """The group a part of a toll counts, by its own noun: a kind of the dead (people.json ``sub_kinds``: "nine
    children", "three girls": children) or a noun of civilians or combatants ("six drivers": driver); None for a
    noun of no group ("members", "people")."""
    noun = fold(f.counted or "")
    if not noun or noun not in fold(f.text or ""):
        return None  # (a bare "24" may take its noun from another sentence)
    return counted_kind(f) or group_noun(noun)


def is_part_key(k: FigureKey) -> bool:
    """A key of a part of a toll (:func:`_key_parts`): it meets only the parts of its group of that quantity."""
    return k.qkey.startswith(PART_QKEY + "_")


PART_QKEY = "part"


def _key_parts(parts: list[FigureKey], tolls: list[FigureKey], figs: dict[str, Figure],
               groups: dict[str, str]) -> list[FigureKey]:
    """A part of a toll ("killing 30, including nine children") is keyed by the quantity of the toll it is part
    of and its own group (30's quantity, children): it meets the same group's part of that toll in another report
    ("nine children", "11 children" told later), never a toll (the part is not the whole). Its toll is the one it
    is linked to (``subset_of``), else the nearest count of its category before it in its sentence; with none, its
    own quantity is the toll's. A toll is larger than its part: a smaller count before it is another part
    ("two soldiers, four drivers and four civilians")."""
    by_id = {k.figure_id: k for k in tolls}
    for k in parts:
        f = figs[k.figure_id]
        parent = by_id.get(f.subset_of or "")
        if parent is None or figs[parent.figure_id].category != f.category:
            before = [t for t in tolls if (g := figs[t.figure_id]).sentence == f.sentence and g.start < f.start
                      and g.category == f.category and value_range(g)[1] > value_range(f)[1]]
            parent = max(before, key=lambda t: figs[t.figure_id].start) if before else None
        if parent is not None:
            # (the part counts the toll's dead as of the toll's day: "killing 30 on Monday, including nine children")
            k.place, k.incident, k.country, k.period, k.day = (parent.place, parent.incident, parent.country,
                                                               parent.period, parent.day)
        k.qkey = stable_id(PART_QKEY, parent.qkey if parent is not None else k.qkey, groups[k.figure_id])
    return parts


def _local_country(f: Figure, places: list[Place], datelines: list[tuple[int, int]]) -> str | None:
    """The country of the last place below country level a report names before a count it places at a name the
    gazetteer does not know ("fighting in <district> ... four soldiers were killed in the <valley>"): the valley lies
    where the report has just been, whatever country most of its places lie in."""
    named = sorted((p for p in places if p.country and p.kind != "country" and not _in_spans(p, datelines)),
                   key=lambda p: p.start)
    before = [p for p in named if p.start < f.start]
    # (a count in the lead, before any place: the first place the report names)
    local = before[-1] if before else (named[0] if named else None)
    # (not a namesake in a country the report names nowhere else: "Perre" resolved abroad)
    if local is None or not any(p.country == local.country and p is not local for p in places):
        return None
    return local.country


def _own_voice_echoes(figures: list[Figure], text: str = "") -> set[str]:
    """A report's own-voice counts (a headline, an unattributed lead) that restate a count it attributes to a
    claimant (same category and value): one claim, which the attributed count carries to other reports. A count
    one claimant's telling restates in the same report is an echo too: the first telling in the body carries the
    claim, and a headline restating the body is its echo ("Air strikes kill 29 - monitor" above "killed at least
    29 people, the monitor said")."""
    told = {(f.category, f.value) for f in figures if not _own_voice(f) and f.value is not None}
    echoes = {f.id for f in figures if _own_voice(f) and (f.category, f.value) in told}
    head = _headline_end(text)
    body = {(f.category, f.value) for f in figures if f.start >= head and f.value is not None}
    echoes |= {f.id for f in figures if f.start < head and (f.category, f.value) in body}
    first: set[tuple] = set()
    # (a lead's count credited to the claimant named further down, told there in the same words ("has risen to 50."
    # then "has risen to 50, the civil defence said"), is the echo: the claimant's own sentence, whose evidence names
    # who speaks, carries the claim; a lead that tells more ("at least 40" above "40 people") carries it)
    attributed = {(fold(f.claimant), f.category, f.value, fold(f.qualifier)) for f in figures
                  if f.statement_id is not None and f.claimant}
    for f in sorted(figures, key=lambda x: (x.statement_id is None and (
            fold(x.claimant), x.category, x.value, fold(x.qualifier)) in attributed, x.start)):
        if f.id in echoes or f.value is None or f.start < head or not f.claimant:
            continue
        # (one claimant's 150 prisoners of each side are two counts: the counted side and group are part of it)
        told_by = (fold(f.claimant), f.category, f.value, f.group_side, f.group)
        if told_by in first or _restates_named(f, first):
            echoes.add(f.id)
        first.add(told_by)
    return echoes


def _restates_named(f: Figure, first: set[tuple]) -> bool:
    """True when ``f``'s claimant is named by common nouns only ("a ministry statement") and a claimant whose name
    shares one of them ("the Health Ministry") told the same count first in the report: one body's claim, its echo."""
    words = f.claimant.split()
    if any(w[:1].isupper() for w in words):
        return False
    nouns = set(fold(f.claimant).split()) - {"a", "an", "the"}
    return any(set(k[0].split()) & nouns and k[1:] == (f.category, f.value, f.group_side, f.group) for k in first)


def _headline_end(text: str) -> int:
    """Where a report's headline ends, past a first line that only dates the report ("Sunday, September 22, 2024")."""
    return headline_end(text, date_line_end(text))


def credited_figures(res: ArticleRecords) -> list[Figure]:
    """An article's figures as the cross-check compares them: a count the report tells in its own voice in the lead
    speaks for the claimant it names further down for that count (:func:`credit_lead_counts`)."""
    text = res.article.text or ""
    return credit_lead_counts(res.figures, _headline_end(text))


def credit_lead_counts(figures: list[Figure], head: int = 0) -> list[Figure]:
    """A count a report tells in its own voice ("... killing at least 40 people") and attributes further down
    ("a list of the names of 40 people", the clinic's director said) is one claim, first told in the lead, whose
    claimant is the one named further down: the lead carries it under that claimant, the later telling is its echo
    (:func:`_own_voice_echoes`; unless the later telling gives it in the same words: then it carries the claim).
    The extracted figure keeps the report's voice (who the text says tells it, what the claims gold codes);
    the cross-check takes a copy under the credited claimant, the other figures as they are.

    ``figures`` may mix articles (each count is credited within its own); ``head``, for one article's figures, is
    where its headline ends: a headline's count restates the body and is no lead (0: no headline told apart)."""
    # (the attributed counts by article, category and value, in text order: one pass, however long the report)
    told: dict[tuple, list[Figure]] = {}
    for g in sorted(figures, key=lambda g: g.start):
        if g.statement_id is not None and g.claimant_side != "MEDIA" and g.value is not None:
            told.setdefault((g.article_id, g.category, g.value), []).append(g)
    out = []
    for f in figures:
        later = None
        if _own_voice(f) and f.value is not None and f.start >= head:
            later = next((g for g in told.get((f.article_id, f.category, f.value), ()) if g.start > f.start), None)
        out.append(f if later is None else replace(
            f, claimant=later.claimant, claimant_side=later.claimant_side, claimant_role=later.claimant_role))
    return out


def _qkey(f: Figure, pk: str, period: str | None, country: str | None = None) -> str:
    """The quantity: category, counted group, where (the country; the place itself when there is none, for an
    exchange and for a count keyed to its own article) and whether it is a running total. Within a country the
    place (``FigureKey.place``) still keeps counts apart (:func:`comparable`), except one incident's counts told
    by two reports that placed it differently ("<village>" in one, a name the gazetteer does not know in the other)."""
    where = f"country:{country}" if country and pk != EXCHANGE and not pk.startswith("article:") else pk
    # (a count of the displaced is always a count so far: "since the advance began" or not)
    # (the people handed over in one exchange are its prisoners, whatever noun each side uses: "157 servicemen
    # returned home", "the number freed has risen to 161")
    group = "prisoners" if period == EXCHANGE else quantity_group(counted_group(f))
    return stable_id("qty", f.category, group, where, period == "cumulative" and f.category != "displaced")


_NEIGHBOUR_RE = re.compile(r"\b(?:" + "|".join(load_lexicon("categories")["other_incident"]["neighbour_cues"])
                           + r")\s+(?:the\s+)?$", re.I)


def article_country(places: list[Place], skip: list[tuple[int, int]] = (), keep: list[tuple[int, int]] = (),
                    text: str = "") -> str | None:
    """The country most of an article's places lie in (first on ties), leaving out places that name a speaker
    (``skip``) but not the dateline's city (``keep``: it tells the country, if not the place); the countries it
    names count only when it names no place inside one, and not a neighbour ("near the border with <country>")."""
    inside = [p for p in places if p.country and p.kind != "country"] or [
        p for p in places if p.country and not _NEIGHBOUR_RE.search(text[max(0, p.start - 30):p.start])]
    kept = [p for p in inside if not _in_spans(p, skip) or _in_spans(p, keep)] or inside
    if not kept:
        return None
    counts = Counter(p.country for p in kept)
    best = max(counts.values())
    return next(p.country for p in sorted(kept, key=lambda p: p.start) if counts[p.country] == best)


def _one_place_per_incident(keys: list[FigureKey], figs: dict[str, Figure],
                            countries: dict[str, str | None] | None = None) -> list[FigureKey]:
    """The counts a report ties to one incident are counts at one place: the place of the first of them
    ("attacked the village of X ..., killing at least 18" and, from another official, "12 civilians had been
    killed and nine wounded and taken to hospital in Y": both are X's), so the claimants' counts meet."""
    first: dict[str, tuple[str, str | None]] = {}
    for k in sorted(keys, key=lambda k: (figs[k.figure_id].start, k.figure_id)):
        if not k.incident or k.incident.startswith("background:") or k.place == EXCHANGE:
            continue
        place, country = first.setdefault(k.incident, (k.place, (countries or {}).get(k.figure_id)))
        if place != k.place:
            k.place = place
            k.qkey = _qkey(figs[k.figure_id], place, k.period, country)
            k.country = country or ""
    return keys


def _count_day(f: Figure, art, period: str | None = None) -> int | None:
    """The day a count is as of: its own date, or its report's. A toll told as risen ("the toll from Monday's
    attack has risen to 52") is the toll as of its report: its date names the incident, not the count; so is a
    running total ("killed since January": its date starts the period)."""
    if f.category in TALLY and (period == "cumulative" or _risen(f.sentence or "")) and not is_prior_value(f):
        return day_number(art.published) or day_number(f.date)
    return day_number(f.date) or day_number(art.published)


def _revised_toll(prior: Figure, keys: list[FigureKey], figs: dict[str, Figure]) -> FigureKey | None:
    """The key of the toll a report revised ``prior`` (its earlier value) to: of the report's tolls of its category
    that are no earlier value nor a part, the one of its sentence ("revised down from 359 to 253"), else the first
    of its claimant's side, else the report's first (the lead's toll: "53 civilians were killed ... the monitor had
    initially given a toll of 34")."""
    tolls = [k for k in keys if figs[k.figure_id].category == prior.category and not is_part_key(k)
             and not is_prior_value(figs[k.figure_id]) and figs[k.figure_id].value != prior.value]
    if not tolls:
        return None
    side = prior.claimant_side if prior.claimant_side not in (None, "MEDIA") else None
    return min(tolls, key=lambda k: (figs[k.figure_id].sentence != prior.sentence,
                                     side is None or figs[k.figure_id].claimant_side != side,
                                     figs[k.figure_id].start, k.figure_id))


def _key_prior_values(keys: list[FigureKey], figs: dict[str, Figure]) -> list[FigureKey]:
    """An earlier value of a revised toll counts what that toll counts, whatever its own words ("the monitor
    previously gave a toll of 34" under "53 civilians were killed in the village"): it takes the toll's quantity,
    place and incident, so the two meet (the revision) and so does another report's equal count."""
    for k in keys:
        f = figs[k.figure_id]
        if not is_prior_value(f) or is_part_key(k):
            continue
        toll = _revised_toll(f, keys, figs)
        if toll is not None:
            k.qkey, k.place, k.country, k.incident, k.period = toll.qkey, toll.place, toll.country, toll.incident, \
                toll.period
    return keys


def _date_prior_values(keys: list[FigureKey], figs: dict[str, Figure]) -> list[FigureKey]:
    """An undated earlier value of a revised toll ("had earlier put the number at 21") is as old as the
    toll it was revised to ("Wednesday's toll rose to 26"): it takes that toll's day, so it comes first."""
    days: dict[str, int] = {}
    for k in keys:
        if k.day is not None and not is_prior_value(figs[k.figure_id]):
            days[k.qkey] = min(days.get(k.qkey, k.day), k.day)
    for k in keys:
        f = figs[k.figure_id]
        if f.date is None and k.qkey in days and is_prior_value(f):
            k.day = min(k.day or days[k.qkey], days[k.qkey])
    return keys


@dataclass
class FigureView:
    """A figure with what comparison needs, computed once (the key's day, place and period, the
    comparison order: plain attributes, read in every comparison)."""

    fig: Figure
    key: FigureKey
    claimant: str
    side: str | None
    rng: tuple[float, float, float]
    prior: bool = False  # told as the earlier value of a toll its report revises ("up from 76")
    day: int | None = field(init=False)
    time: int | None = field(init=False)  # the time of day the text tells the count at (minutes; Figure.time)
    place: str = field(init=False)
    period: str | None = field(init=False)
    order: tuple = field(init=False)
    group: str | None = field(init=False)  # who is counted (see counted_group, counted_force)
    force: str | None = field(init=False)

    def __post_init__(self):
        self.day, self.place, self.period = self.key.day, self.key.place, self.key.period
        self.time = clock_minutes(self.fig.time)
        self.group, self.force = counted_group(self.fig), counted_force(self.fig)
        # one day's toll revised in a later report: the later report comes second; within a report, the
        # earlier value of a revised toll ("up from 76") comes before the toll it was revised to
        # (two reports of one day telling the toll as risen: the lower toll first, the higher is the later count;
        # else the time of day each was told at, when the text gives one: a report telling none comes first)
        clock = self.key.clock if self.key.clock is not None else -1
        self.order = (self.day or 0, self.key.reported or 0, _risen_rank(self.fig, self.prior, self.rng), clock,
                      self.fig.article_id, 0 if self.prior else 1, self.fig.start, self.fig.id)


def _risen_rank(f: Figure, prior: bool, rng: tuple[float, float, float]) -> float:
    """A toll told as risen ("has risen to 69") ranks by its value among the counts of its day; others rank first."""
    return rng[1] if f.category in TALLY and not prior and _risen(f.sentence or "") else -1.0


def group_views(pairs: Iterable[tuple[Figure, FigureKey]]) -> list[FigureView]:
    """Views of the figures of one quantity; names are resolved among the group only (order-free)."""
    pairs = list(pairs)
    resolver = claimant_resolver(f for f, _ in pairs)
    out = [figure_view(f, k, resolver) for f, k in pairs]
    out.sort(key=lambda v: v.order)
    return out


def claimant_resolver(figures: Iterable[Figure]) -> Resolver:
    """The claimants' names of a quantity's figures, resolved among themselves (each name once)."""
    return names_resolver({f.claimant for f in figures if f.claimant})


def names_resolver(names: set[str]) -> Resolver:
    """:func:`claimant_resolver` from the set of the figures' claimant names (the store keeps it per quantity)."""
    return _names_resolver(tuple(sorted(names)))


@lru_cache(maxsize=4096)  # relating a chunk against the store asks again for the same quantities' names
def _names_resolver(names: tuple[str, ...]) -> Resolver:
    return Resolver((c, None) for c in names)


def figure_view(f: Figure, k: FigureKey, resolver: Resolver) -> FigureView:
    # an unattributed figure speaks for the outlet that printed it
    who = resolver.key(f.claimant) if f.claimant else (f"outlet:{k.source}" if k.source else "")
    return FigureView(fig=f, key=k, claimant=who, side=f.claimant_side, rng=value_range(f), prior=is_prior_value(f))


_TOLL_PRIOR = re.compile(toll_prior(), re.I)


def is_prior_value(f: Figure) -> bool:
    """A figure told as the earlier value of a toll its report revises: "77 people, up from the previous
    toll of 76", "had earlier put the number at 133", "revised down from 359 to 253" (categories.json,
    ``toll_rise.prior_cues``)."""
    sentence = f.sentence or ""
    i = sentence.find(f.text or "\0")
    return f.category in TALLY and i >= 0 and bool(_TOLL_PRIOR.search(sentence[max(0, i - 90):i]))


def quantity_id(v: FigureView) -> str:
    return v.key.qkey


def _sides_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=65536)  # asked for every pair of figures compared; signatures repeat (store path)
def _same_incident(a: str | None, b: str | None, same_article: bool = False, same_place: bool = False) -> bool:
    """Incident signatures that may name one incident: same kind of event, same place.

    The day is left to the time windows of :func:`_kind` (an event's date is often the
    day of the report, not of the strike). Within one report, the two parties' versions of
    one day's incident at one place may be typed differently ("air strikes on a market" by
    one, "people killed" by the other): there the day and place decide."""
    if not a or not b:
        return True
    ta, da, pa = a.split("|")
    tb, db, pb = b.split("|")
    if pa and pb and pa != pb:
        return False
    if ta == tb or (same_article and bool(da) and da == db and bool(pa) and pa == pb):
        return True
    # across reports, a strike that killed civilians is typed by the strike where it is told and as an
    # attack on civilians where the strike is denied or left out: the same day and place decide
    # (and so is a gunfight told as a battle by one and as the killing of civilians by the other: the two
    # parties' accounts of who the dead were type it differently)
    # (an event's day is often its report's, a day after the incident: "Friday's attack", told on Saturday)
    # (a place left open, the event read it from no evidence of its own, does not tell the incidents apart)
    # (with ``same_place``, the counts' own places are one known place: the events' open places do not matter)
    return {ta, tb} in ONE_INCIDENT_PAIRS and bool(da) and bool(db) and abs(int(da) - int(db)) <= EVENT_WINDOW_DAYS \
        and bool(pa or pb or same_place) and (pa == pb or not (pa and pb))


def keys_same_incident(a: FigureKey, b: FigureKey) -> bool:
    """Two figure keys that may count one incident (see :func:`_same_incident`); counts keyed to one place (not
    their article) place their incidents there."""
    return _same_incident(a.incident, b.incident, a.article_id == b.article_id,
                          a.place == b.place and not a.place.startswith("article:"))


def _groups_compatible(a: FigureView, b: FigureView) -> bool:
    """"25 people" and "25 civilians" may count the victims of one strike: only when both are tied to an
    incident or one is that incident's toll told as risen (a country's running total of people is not its
    running total of civilians)."""
    ga, gb = a.group or "", b.group or ""
    # (a toll told as risen counts all the dead of its incident, whatever noun its sentence uses)
    # (a count of bodies says nothing of who they were: "pulled 11 bodies from the rubble" of the strike that
    # killed 11 civilians)
    # (the people handed over in one exchange are its prisoners, whatever noun each side uses: "12 hostages", "14 people")
    # (a report's toll and the earlier value it replaces count the same dead: "risen to 22 ..., raising a toll of 17")
    # (one report's counts at one place below a country, one of them tied to the incident or told as a day's:
    # "27 civilians", the UN mission said, and "the dead numbered 27", the commissioner said)
    revised = a.prior != b.prior and a.fig.article_id == b.fig.article_id
    one_report = a.fig.article_id == b.fig.article_id and a.place == b.place and not a.place.startswith("article:") \
        and not a.place.endswith("@") and any(v.key.incident or v.period == "daily" for v in (a, b))
    return ga == gb or revised or one_report or bool(a.key.incident and b.key.incident) or body_count(a.fig) \
        or body_count(b.fig) or a.period == b.period == EXCHANGE or any(
        _risen(v.fig.sentence or "") and (v.key.incident or v.period == "daily" or (
            a.fig.article_id == b.fig.article_id and not v.place.endswith("@"))) for v in (a, b))


def _nested(a: Figure, b: Figure) -> bool:
    """One figure counts a part of the other ("of whom 12 children")."""
    return getattr(a, "subset_of", None) == b.id or getattr(b, "subset_of", None) == a.id


_PAST_ACT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in load_lexicon("categories")["other_incident"]["past_cues"])
                          + r")\b", re.I)
@lru_cache(maxsize=65536)  # asked for every pair a figure is in
def _told_of_a_past_act(clause: str) -> bool:
    return bool(_PAST_ACT_RE.search(clause))


_SUB_KINDS = {w: kind for kind, words in load_lexicon("people")["sub_kinds"].items() for w in words}


def counted_kind(f: Figure) -> str | None:
    """The one kind of the dead or wounded a figure counts ("five children": children), or None for a whole toll
    (``people.json``, ``sub_kinds``). Only the figure's own noun counts: a bare "24" may take its noun from another
    sentence ("has risen to 24 ..., among them six children")."""
    kind = _SUB_KINDS.get(fold(f.counted or ""))
    return kind if kind and fold(f.counted) in fold(f.text or "") else None


def comparable(a: FigureView, b: FigureView) -> bool:
    """Two figures of one quantity that may be compared at all."""
    return refusal(a, b) is None


def refusal(a: FigureView, b: FigureView) -> str | None:
    """The first test of :func:`comparable` two figures fail (one of ``widepairs.REFUSALS``), or None: comparable."""
    fa, fb = a.fig, b.fig
    if not _sides_compatible(fa.group_side, fb.group_side):
        return "group_side"
    if _nested(fa, fb):
        return "nested"
    if counted_kind(fa) != counted_kind(fb):
        return "counted_kind"  # "at least five children died" is a part of the strike's toll of 43, not a rival count
    if _told_of_a_past_act(figure_clause(fa)) != _told_of_a_past_act(figure_clause(fb)):
        return "past_act"  # "17 troops were killed in an attack on another base last month": another incident's count
    if not _groups_compatible(a, b):
        return "groups"
    if not _sides_compatible(a.force, b.force):
        return "force"  # "two rebels were killed" and "one soldier died" count different men
    if (a.prior or b.prior) and fa.article_id != fb.article_id and not _told_before(a, b):
        return "prior"  # the earlier value a report says its toll replaced is compared only with that toll
    if fa.article_id == fb.article_id and (a.claimant == b.claimant or not a.claimant or not b.claimant) \
            and not _revised_later(a, b) and a.prior == b.prior:
        return "same_source"  # one source repeating itself, or an unattributed restatement
    if a.day is None or b.day is None:
        return "no_day"
    if a.place != b.place:
        return None if _one_incident_placed_apart(a, b) or _one_claim_told_again(a, b) else "placed_apart"
    return None if keys_same_incident(a.key, b.key) or _parties_one_fight(a, b) else "incident"


def _one_kind_of_body(a: FigureView, b: FigureView) -> bool:
    """Two names of one kind of body of one side ("the Hamas-run health ministry", "health authorities in Gaza"):
    one body keeping one count, whatever each report calls it."""
    return a.side is not None and a.side == b.side and one_kind_of_body(a.fig.claimant, b.fig.claimant)


def _one_claim_told_again(a: FigureView, b: FigureView) -> bool:
    """One claimant's count to the unit, not a round number, told by two reports a day apart at most: one claim
    however each report places it ("93 killed", the civil defence said, told of a school in one report and of the
    city in the next)."""
    fa, fb = a.fig, b.fig
    if fa.article_id == fb.article_id or fa.value is None or fa.value != fb.value or fa.value < 10 \
            or fa.value % 10 == 0 or fold(fa.qualifier) != fold(fb.qualifier):
        return False
    # (a day apart at most: a count with no date of its own is as of its report, told the morning after)
    return abs((a.key.reported or 0) - (b.key.reported or 0)) <= EVENT_WINDOW_DAYS \
        and abs((a.day or 0) - (b.day or 0)) <= EVENT_WINDOW_DAYS and _own_claimant(a, b) and _own_claimant(b, a)


def _told_before(a: FigureView, b: FigureView) -> bool:
    """The earlier value one report says a claimant gave ("<name> had earlier put the toll at five dead and 9
    wounded") and the same claimant's equal count in another report: one claim, told again."""
    if a.prior == b.prior or a.rng[1] != b.rng[1] or a.fig.value is None or b.fig.value is None:
        return False
    return _own_claimant(a, b) and _own_claimant(b, a)


def _place_depth(key: str, p: Place) -> str:
    """A count's place key as ``FigureKey.place`` keeps it: a place the gazetteer resolved with its first-level
    division ("g123@SD.13"), marked open when it is a region or a country ("open:g456@SD.13": reports name one
    incident at different depths), so counts another report placed elsewhere can be told apart or not
    (:func:`_one_incident_placed_apart`)."""
    if not (key[:1] == "g" and key[1:].isdigit()):
        return key
    coarse = (p.precision or 1) >= 3 or p.kind in ("region", "country")
    division = "" if p.kind == "country" else (p.admin1 or "")
    return f"{'open:' if coarse else ''}{key}@{division}"


def _gazetteer_key(pk: str) -> bool:
    """A place key of a place the gazetteer resolved (see :func:`_place_depth`), not a name it does not know."""
    return "@" in pk


def _placed_apart(a: str, b: str) -> bool:
    """Two places the gazetteer knows that cannot be one incident's: two towns, two regions, or a region and a town
    of another first-level division (a country holds them all)."""
    (oa, da), (ob, db) = ((k.startswith("open:"), k.rsplit("@", 1)[1]) for k in (a, b))
    if oa == ob:
        return not (oa and (not da or not db))  # (two regions apart; a country and a region of it are not)
    return bool(da and db and da != db)


_SEPARATE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in load_lexicon("categories")["other_incident"]["cues"])
                          + r")\b", re.I)


def _known_or_local(a: str, b: str) -> bool:
    """Two count places that may be one incident's: places the gazetteer knows below a country, or one of them a
    local name it does not know beside a town or region it knows ("the <village>" border post in one report,
    its district in the next)."""
    known = [_gazetteer_key(k) and not k.endswith("@") for k in (a, b)]
    return all(known) or (any(known) and any(k.startswith("name:") for k in (a, b)))


def _one_incident_placed_apart(a: FigureView, b: FigureView) -> bool:
    """Counts of one country at two places: one incident only when two reports tell them within a day (a toll
    told as risen, within the days a source revises it), at least one tied to an incident, neither a running
    total, background or told as a separate act ("in a separate attack"), and, when both are tied to incidents,
    incidents of one kind (or of kinds one incident is told as) not placed at two places ("the school in <city>"
    in one report, "the <name> school" in the next). Two places the gazetteer knows are two places ("<district A>"
    and "<district B>" the same night); so are two places within one report, unless both counts are tied to
    incidents of one kind and one place is a name the gazetteer does not know ("the <name> school" and "<city>"
    in one live blog). Counts tied to no incident meet across reports a day apart at a town and its region, or
    when one is a toll told as risen."""
    ia, ib = a.key.incident or "", b.key.incident or ""
    if "background:" in ia + ib:
        return False
    if a.fig.article_id == b.fig.article_id and not (ia and ib and "name:" in a.place[:5] + b.place[:5]
                                                     and ia.split("|")[0] == ib.split("|")[0]):
        return False  # (within one report, only a name the gazetteer does not know may be where another count is)
    risen = any(_risen(v.fig.sentence or "") for v in (a, b))
    if not (ia or ib) and (abs((a.key.reported or 0) - (b.key.reported or 0)) > EVENT_WINDOW_DAYS or not (
            risen or _known_or_local(a.place, b.place))):
        # (counts tied to no incident: told by reports a day apart at most, at places the gazetteer knows below a
        # country, a town and its region, unless one is a toll told as risen: an incident's toll)
        return False
    if (_gazetteer_key(a.place) and _gazetteer_key(b.place) and _placed_apart(a.place, b.place)) \
            or "cumulative" in (a.period, b.period):
        return False
    if any(_SEPARATE_RE.search(v.fig.sentence or "") for v in (a, b)):
        return False
    da, db = (int(i.split("|")[1]) if i and i.split("|")[1] else v.day for i, v in ((ia, a), (ib, b)))
    reach = INCIDENT_REVISION_DAYS if risen else EVENT_WINDOW_DAYS
    if abs(da - db) > reach:
        return False
    if not (ia and ib):
        return True
    ta, _, pa = ia.split("|")
    tb, _, pb = ib.split("|")
    both_risen = all(_risen(v.fig.sentence or "") for v in (a, b))
    # (a count placed only in a country, with no day of its own, is dated by its report: "up to 100 people were
    # killed", told the morning after, is the day before's count)
    in_country = [(v, d) for v, d in ((a, da), (b, db)) if v.place.endswith("@")]
    undated = bool(in_country) and all(v.fig.date is None and d == v.key.reported for v, d in in_country)
    if (pa and pb and pa != pb) or (da != db and not both_risen and in_country and not undated):
        # (a count placed only in a country meets another report's count of the same day only: "on Sunday" in one,
        # "on Monday, near <another town>" in the other; unless both are one toll told as risen: "has risen to 90"
        # in a report that names the country, "has risen to 95" in one that names the village)
        return False
    return ta == tb or {ta, tb} in ONE_INCIDENT_PAIRS


def _parties_one_fight(a: FigureView, b: FigureView) -> bool:
    """One report telling the two warring parties' counts of one quantity (same category, counted group and
    place) tied to incidents of one kind a day apart at most: one fight, though the events stage placed its two
    versions apart ("the army repelled an assault on a base near <town>" and "the group said it overran the
    base")."""
    if a.fig.article_id != b.fig.article_id or not (a.key.incident and b.key.incident):
        return False
    ta, da, _ = a.key.incident.split("|")
    tb, db, _ = b.key.incident.split("|")
    if ta != tb or ta.startswith("background:") or not (da and db) or abs(int(da) - int(db)) > EVENT_WINDOW_DAYS:
        return False
    sides = {a.side, b.side}
    opposed = len(sides) == 2 and not sides & (NON_PARTY_SIDES | {None})
    return opposed or civil_war_parties(a.claimant, b.claimant, a.fig.claimant_role, b.fig.claimant_role)


_risen = relkind.told_risen  # the sentence tells a toll as risen ("the toll has risen to 26")


def _revised_later(a: FigureView, b: FigureView) -> bool:
    """'An air strike on Friday killed 38, the ministry said ... On Saturday the ministry said the toll had risen
    to 45': one source revising its own toll in one report, on a later day; or told as its later count ("Later it
    put the number of dead in the hundreds": ``categories.json`` ``toll_rise.later_cues``)."""
    if not a.claimant or a.claimant != b.claimant:
        return False
    if _told_later(b.fig):  # (``b`` comes after ``a`` in the quantity's order, as :func:`_earlier` reads it)
        return True
    fa, fb = (a.fig, b.fig) if (a.day or 0) <= (b.day or 0) else (b.fig, a.fig)
    return bool(fa.date) and bool(fb.date) and a.day != b.day and bool(_risen(fb.sentence or ""))




def _told_later(f: Figure) -> bool:
    """A figure its sentence tells as a later count, before the figure ("Later the committee said 75 had died")."""
    return relkind.told_later(f.sentence or "", f.text or "")


def value_text(f: Figure) -> str:
    """A figure's value as reported: "at least 15", "120-134" (no float artefacts)."""
    if f.value is None:
        return f"{_num(f.low)}-{_num(f.high)}"
    return (f"{f.qualifier} " if f.qualifier else "") + _num(f.value)


def _num(x) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:,.2f}".rstrip("0").rstrip(".")


def _who(v: FigureView) -> str:
    return v.fig.claimant or (v.key.source and f"the outlet {v.key.source}") or "an unnamed source"


def _note(kind: str, a: FigureView, b: FigureView, why: str) -> str:
    va, vb = value_text(a.fig), value_text(b.fig)
    if kind == "updates":
        return f"{why}: {va} then {vb} ({_who(b)})"
    return f"{why}: {_who(a)} {va}, {_who(b)} {vb}"


def _replaced_in_report(a: FigureView, b: FigureView) -> tuple[str, str] | None:
    """A report telling a toll and the earlier value it replaces ("77, up from 76"): that revision only (or the
    claimant's own toll after the earlier value the report says it gave: "<name> had earlier put the toll at five
    ... 'our teams pulled out nine bodies'")."""
    fb = b.fig
    # (the claimant's own count replaces an earlier value only when the earlier value's sentence gives no toll of its
    # own that replaced it: "has risen to 22, raising a toll of 17 provided by the police" is that revision alone)
    revised = a.fig.sentence == fb.sentence or bool(_risen(fb.sentence or "")) \
        or (a.prior and _prior_of_its_own(a, b) and not _risen(a.fig.sentence or ""))
    if a.prior and a.rng[1] != b.rng[1] and revised:
        return ("updates", "the report gives the toll and the earlier figure it replaces")
    return None


def _prior_of_its_own(a: FigureView, b: FigureView) -> bool:
    """``a``, an earlier value its report gives, is one ``b``'s source gave: the same claimant or one body in other
    words; a monitor told by its name and as "the monitor" ("the monitor had initially given a toll of 34" and "53
    civilians, the Observatory said"; not two voices of a warring party, which may each keep a count); or the
    report's own voice telling what earlier reports said ("earlier reports had indicated 14 dead"), which any later
    toll of its report replaces."""
    if bool(a.claimant) and (a.claimant == b.claimant or _own_claimant(a, b)):
        return True
    return (a.side == b.side == "INT") or _own_voice(a.fig)


def _side_raises_toll(a: FigureView, b: FigureView, gap_days: int) -> bool:
    """``b``, of a's party side, a higher toll told by a later report within the days a toll is revised ("the
    regional governor" on Saturday, the governor by name on Sunday: the side's authorities revise the toll, whether
    or not the events extractor tied the two counts to an incident: one quantity, one place, a week), or by another
    report of the same day (:func:`_raised_the_same_day`)."""
    return a.side not in NON_PARTY_SIDES and a.fig.category in TALLY and gap_days <= INCIDENT_REVISION_DAYS \
        and ((b.key.reported or 0) > (a.key.reported or 0) or _raised_the_same_day(a, b)) and b.rng[1] > a.rng[1]


def _raised_the_same_day(a: FigureView, b: FigureView) -> bool:
    """Two reports of one day tie their counts to one incident and ``b``'s floor is above ``a``'s count (the civil
    defence's "73 killed" in one, the health ministry's "at least 87" in the next): the side's later toll of it."""
    return (b.key.reported or 0) == (a.key.reported or 0) and a.fig.article_id != b.fig.article_id \
        and bool(a.key.incident and b.key.incident) and b.rng[0] > a.rng[1]


def _raised_after_an_unplaced_voice(a: FigureView, b: FigureView) -> bool:
    """A voice of no known side and a party's body telling one incident the same day: "the agency's 73", then the
    ministry's "at least 87", a toll told as a floor, is the toll raised, not a rival count; two exact counts,
    "five soldiers" and "seven soldiers", stay two accounts."""
    return (a.side is None) != (b.side is None) and not {a.side, b.side} & (NON_PARTY_SIDES | {"MEDIA"}) \
        and _raised_the_same_day(a, b) and math.isinf(b.rng[2])


def _kind(a: FigureView, b: FigureView) -> tuple[str, str] | None:
    """The kind of relation between two comparable figures, ``a`` not later than ``b``, and why."""
    fa, fb = a.fig, b.fig
    if fa.article_id == fb.article_id and a.prior != b.prior:
        return _replaced_in_report(a, b)
    gap_days = b.day - a.day
    # (one body in other words: "the Hamas-run health ministry" and "the territory's health ministry")
    same_claimant = bool(a.claimant) and (a.claimant == b.claimant or same_body(fa.claimant, fb.claimant)
                                          or _one_kind_of_body(a, b))
    # "sources" in one report and "sources" in the next: two unnamed voices, not one claimant revising its count
    same_claimant = same_claimant and not (fa.article_id != fb.article_id and anonymous_voice(fa.claimant))
    # one side code may cover both parties of a civil war ("the paramilitary group" and "an army spokesman")
    civil_war = civil_war_parties(a.claimant, b.claimant, fa.claimant_role, fb.claimant_role)
    same_side = a.side is not None and a.side == b.side and not civil_war
    agree, disagree, precise_change = _agreement(a, b)
    cat = fa.category
    ratio = max(a.rng[1], b.rng[1]) / max(min(a.rng[1], b.rng[1]), 1.0)
    operation = cat in INCIDENT or a.period == EXCHANGE
    incident = operation or a.period == "daily" or b.period == "daily" or bool(a.key.incident and b.key.incident)
    # the two warring parties' counts of one day's fighting at one place may be far apart ("up to 300" and 12)
    # (an armed group and the army of one country are two parties under one side code)
    sides_apart = (a.side != b.side or civil_war) and not {a.side, b.side} & (NON_PARTY_SIDES | {None, "MEDIA"})
    # one report telling two claimants' counts of the incident it is about ("the rebels said 40 soldiers were
    # killed ... the ministry said only two died"): as far apart as the parties' counts may be
    # (not the report's own count: "... killing two paramedics" in a later strike it tells after the toll)
    parties = sides_apart or (fa.article_id == fb.article_id and bool(a.key.incident and b.key.incident)
                          and "MEDIA" not in (a.side, b.side))
    # "none of its soldiers were taken prisoner" against "200 captured": a denial of any loss, whatever the ratio
    denies_any = (a.rng[1] == 0) != (b.rng[1] == 0)
    # one day: the same day, or a count without a date of its own told within days ("had lost three soldiers")
    one_day = gap_days == 0 or ((fa.date is None or fb.date is None) and gap_days <= SAME_TIME_DAYS)
    if not same_claimant and not denies_any and ratio > (PARTY_CONTRADICTION_RATIO if incident and parties and one_day
                                                         else MAX_CONTRADICTION_RATIO):
        return None  # "dozens" against "thousands": not one quantity
    if same_claimant and ratio > MAX_CONTRADICTION_RATIO and not _risen(fb.sentence or ""):
        return None  # one source's strike toll and its campaign's (2 and 69): two quantities, not a revision
    if parties and not same_side and not agree and _exact(fa) and _exact(fb):
        disagree = True  # the two parties' exact counts of one incident (12 and 15 soldiers): they differ
    if operation and _exact(fa) and _exact(fb):
        # exact counts of one operation (an exchange, an evacuation) agree or they do not
        agree, disagree = a.rng[1] == b.rng[1], a.rng[1] != b.rng[1]
    if a.period == EXCHANGE and gap_days >= 1 and b.rng[1] > a.rng[1] and _EXCHANGE_TOTAL_RE.search(fb.sentence or "") \
            and not _EXCHANGE_TOTAL_RE.search(fa.sentence or "") and gap_days <= INCIDENT_REVISION_DAYS:
        # "480 released over two days" after a first day's 212: the whole exchange, not a rival count of its first day
        return ("updates", "a later total of the same exchange")
    window = EVENT_WINDOW_DAYS if incident else (STOCK_WINDOW_DAYS if cat in STOCK else 10_000)
    rose = cat in TALLY and b.rng[1] > a.rng[1] * (1 + AGREE_TOLERANCE)
    one_report = fa.article_id == fb.article_id and bool(a.key.incident and b.key.incident)
    if (fa.date is None or fb.date is None) and gap_days <= SAME_TIME_DAYS and (not rose or one_report):
        # a count without a date of its own is dated by its report: "62 surrendered" told on Monday may
        # count the weekend's surrender told on Saturday's day (a toll that rose since is another count,
        # unless one report tells both counts of the incident it is about)
        window = max(window, gap_days)
    if agree and a.rng[1] == b.rng[1] and incident and cat in TALLY and any(_risen(v.fig.sentence or "") for v in (a, b)):
        # a toll told as risen is as of its report, another report's count of the incident as of the incident's day:
        # the same number, they count one toll whenever each was told within the days a toll is revised
        window = max(window, min(gap_days, INCIDENT_REVISION_DAYS))
    # ("dozens" in one report, "scores" in the next: one vague amount told in other words, no revision)
    both_vague = fa.value is None and fb.value is None
    if incident and same_claimant and cat in TALLY and gap_days <= INCIDENT_REVISION_DAYS and b.rng[1] > a.rng[1] \
            and not both_vague:
        return ("updates", "the same source revises the toll")
    if (same_side or _raised_after_an_unplaced_voice(a, b)) and _side_raises_toll(a, b, gap_days) and not agree \
            and not both_vague:
        return ("updates", "a later report from the same side raises the toll")
    if why := _told_as_revised(a, b, incident, parties, agree, both_vague, gap_days, sides_apart):
        return ("updates", why)
    if gap_days > window:
        return None
    if a.period == b.period == "cumulative" and gap_days >= 1 and abs(a.rng[1] - b.rng[1]) > 0.005 * max(a.rng[1], b.rng[1]):
        agree = False  # a running total told days apart with another value has moved: no corroboration
    if agree and fa.article_id == fb.article_id and (_own_voice(fa) or _own_voice(fb) or one_voice(
            _voice(fa), _voice(fb), a.side, b.side, a.side not in NON_PARTY_SIDES and not civil_war)):
        # a report's headline or lead restating the count it attributes further down, or one body's voice told
        # twice ("the army" and its spokesman): one claim
        return None
    if agree:
        if same_claimant:
            return ("corroborates", "the same claim reported again" if gap_days == 0
                    else f"the same claimant repeats the figure {gap_days} days later")
        return ("corroborates", "independent claimants agree" if not same_side else "claimants on one side agree")
    # the same claimant changing its number is an update; another claimant of the side must differ clearly
    tolerance = 0.005 if same_claimant else AGREE_TOLERANCE
    later_differs = gap_days >= 1 and (precise_change or abs(a.rng[1] - b.rng[1]) > tolerance * max(a.rng[1], b.rng[1], 1.0))
    if later_differs and not incident and (same_claimant or (same_side and gap_days > SAME_TIME_DAYS)):
        if cat in TALLY and b.rng[1] < a.rng[1] * (1 - AGREE_TOLERANCE):
            return None  # a running total does not shrink: more likely another count than an update
        return ("updates", "a later figure from the same claimant" if same_claimant else "a later figure from the same side")
    if cat in TALLY and _risen_since(a, b, parties, gap_days):
        return None
    # two claimants of one side differ as parties only over one incident both are tied to (a side code may
    # cover both parties of a civil war); otherwise they count different things
    one_incident = bool(a.key.incident and b.key.incident)
    if _a_part_or_before_a_rise(a, b, parties):
        return None
    if disagree and not same_claimant and (not same_side or one_incident) and gap_days <= SAME_TIME_DAYS:
        return ("contradicts", "different claimants give incompatible figures")
    return None


def _told_as_revised(a: FigureView, b: FigureView, incident: bool, parties: bool, agree: bool, both_vague: bool,
                     gap_days: int, sides_apart: bool) -> str | None:
    """Why ``b``, a toll told as revised, updates ``a`` (None: it does not): a later report tells the toll as
    revised ("revised down to 250", "has risen to 26"), or the toll rises through the day, or b is a higher
    count told later the same day (``sides_apart``: a and b are of two warring sides)."""
    if a.fig.category in TALLY and incident and not parties and not agree and _reported_after(a, b) \
            and gap_days <= INCIDENT_REVISION_DAYS and _risen(b.fig.sentence or ""):
        return "a later report tells the toll as revised"
    if _rises_through_the_day(a, b, parties, agree or both_vague):
        return "the toll of one incident rises through the day"
    # (two voices of one report are parties to each other's counts, but not when it tells them at two times of
    # day: a live blog's entries)
    if _later_count_of_the_day(a, b, sides_apart, agree or both_vague):
        return "a higher count told later the same day"
    return None


def _later_count_of_the_day(a: FigureView, b: FigureView, parties: bool, agree: bool) -> bool:
    """``b`` is a higher toll than ``a``'s told later on its day (:func:`_told_later_that_day`): the later count of
    that toll, not a rival, unless the two are the warring parties' or a monitor's (or ten times a's: another
    count, a man killed in one village and a city's toll)."""
    return a.fig.category in TALLY and not parties and not agree and "INT" not in (a.side, b.side) \
        and a.rng[1] < b.rng[1] <= a.rng[1] * MAX_CONTRADICTION_RATIO and _told_later_that_day(a, b)


def _told_later_that_day(a: FigureView, b: FigureView) -> bool:
    """``b`` was told later on a's day, by the times of day the texts give (Figure.time: "as of 10:40 a.m.", a live
    blog's entry stamp, the report's own stamp); in one report, also a count told at a time after one told
    before it with none ("four dead have been confirmed ... At 10:30 it became known about five dead")."""
    if a.day != b.day or (a.key.reported or 0) != (b.key.reported or 0):
        return False
    if a.time is not None and b.time is not None:
        return b.time > a.time
    return b.time is not None and a.fig.article_id == b.fig.article_id and a.fig.start < b.fig.start


def _rises_through_the_day(a: FigureView, b: FigureView, parties: bool, agree: bool) -> bool:
    """``b`` is a toll of the incident ``a`` counts, told as risen above it on the same day ("At least 30 were
    killed", the outlet's recap, and "the toll rose to 50", the regional head in the same report): the later
    count of that toll, not a rival, when ``a`` is the outlet's or an unnamed voice's, or the same side's (two
    counts of one day that no report tells as risen stay two counts; the warring parties' or a monitor's stay
    rivals)."""
    if a.fig.category not in TALLY or parties or agree or not (a.key.incident and b.key.incident):
        return False
    if a.day != b.day or (a.key.reported or 0) != (b.key.reported or 0) or not b.rng[1] > a.rng[1]:
        return False
    if "INT" in (a.side, b.side) or not _risen(b.fig.sentence or ""):
        return False
    return a.side in {"MEDIA", None} or a.side == b.side


def _agreement(a: FigureView, b: FigureView) -> tuple[bool, bool, bool]:
    """Whether two figures' values agree, clearly disagree, and are two precise counts that differ."""
    fa, fb = a.fig, b.fig
    # vague amounts ("hundreds") on both sides agree with anything: no corroboration from them
    agree = points_agree(a.rng, b.rng) and fa.value is not None and fb.value is not None
    # two precise counts that differ ("40,173" and "40,223") are two counts, however close
    precise_change = _precise(fa) and _precise(fb) and fa.value != fb.value
    # two tolls each told as a count ("at least 24", "28 people"), not as an estimate, that differ: two counts
    # ("at least" before a toll is how reports give the count so far, not a bound that 28 satisfies)
    count_change = _told_as_count(fa) and _told_as_count(fb) and fa.value != fb.value
    # "35 injured" and, from another voice, "more than 35 injured": the second says the first falls short
    agree = agree and not precise_change and not count_change and not _past_the_count(a, b) and not _past_the_count(b, a)
    disagree = range_gap(a.rng, b.rng) > DISAGREE_GAP or _beyond_bound(a, b) or _beyond_bound(b, a) or count_change
    return agree, disagree, precise_change


def _a_part_or_before_a_rise(a: FigureView, b: FigureView, parties: bool) -> bool:
    """Two tolls that differ but are no rivals: "a photographer saw 20 bodies" under a toll of 40 (the bodies one
    witness counted are a part); "has risen to 41" above another's 30 of that day (the count before the rise)."""
    if _bodies_below_toll(a, b) or _bodies_below_toll(b, a):
        return True
    if a.fig.category in TALLY and not parties and a.rng[0] > b.rng[1] and a.fig.article_id != b.fig.article_id \
            and (b.key.reported or 0) <= (a.key.reported or 0) and (
                _risen(a.fig.sentence or "") or (b.key.reported or 0) < (a.key.reported or 0)):
        # "has risen to 56" dated by the incident's day, a report of that day or before giving 35; or any higher
        # toll a later report dates by the incident's day ("at least 30 were killed in Saturday's strike", told on
        # Monday, above Sunday's "the toll rose to 25"): the later count, not a rival
        return True
    return a.fig.category in TALLY and not parties and b.rng[0] > a.rng[1] and _reported_after(a, b) \
        and bool(_risen(b.fig.sentence or ""))


def _bodies_below_toll(a: FigureView, b: FigureView) -> bool:
    """``a`` counts bodies seen or found, with no incident of its own, below ``b``'s toll of an incident (a floor of
    the toll, not a rival count)."""
    return body_count(a.fig) and not a.key.incident and bool(b.key.incident) and not body_count(b.fig) \
        and a.rng[1] < b.rng[0]


def _reported_after(a: FigureView, b: FigureView) -> bool:
    """``b``'s report is later than ``a``'s, or of the same day when another report tells b's toll as risen above
    a's ("59 killed" in the morning, "the toll has risen to 69" in a report of the same day)."""
    ra, rb = a.key.reported or 0, b.key.reported or 0
    return rb > ra or (rb == ra and a.fig.article_id != b.fig.article_id and b.rng[0] > a.rng[1])


def _beyond_bound(a: FigureView, b: FigureView) -> bool:
    """An exact count (``a``: no qualifier) clearly below another's floor or above its ceiling: "at least 15" and
    "12 people had been killed" cannot both be true, though the ranges are close (more than the tolerance of
    agreeing values apart)."""
    if not _exact(a.fig) or a.fig.low != a.fig.high and a.fig.low is not None and a.fig.high is not None:
        return False
    q, v = fold(b.fig.qualifier), b.fig.value
    if v is None or not q:
        return False
    if q in _MORE:
        return a.rng[1] < v * (1 - AGREE_TOLERANCE)
    return q in _LESS and a.rng[1] > v * (1 + AGREE_TOLERANCE)


def _risen_since(a: FigureView, b: FigureView, parties: bool, gap_days: int) -> bool:
    """A later report's higher toll (``b``) that is no rival of ``a``'s: told weeks later; told the next days by
    another source than the warring parties' own (7 said to have died on the day, 15 the next, 28 the day after);
    or more bodies counted days later ("19 bodies were cremated on Tuesday")."""
    later = (b.key.reported or 0) - (a.key.reported or 0)
    if later > SAME_TIME_DAYS and b.rng[1] > a.rng[1]:
        return True
    if later > 0 and b.rng[0] > a.rng[1] and not parties:
        return True
    return body_count(b.fig) and gap_days >= 1 and later > 0 and b.rng[1] > a.rng[1]


def _precise(f: Figure) -> bool:
    """A count told to the unit, not rounded ("40,173", "187"): no estimate, so another value is another count."""
    return f.value is not None and f.value >= 100 and float(f.value).is_integer() and int(f.value) % 10 != 0


def _told_as_count(f: Figure) -> bool:
    """A toll told as a count, exact or "at least", and not a round estimate ("some 200", "about 100", "300")."""
    return f.category in TALLY and f.value is not None and fold(f.qualifier) in _COUNT_QUALIFIERS \
        and not (f.value >= 100 and f.value % 100 == 0) and not body_count(f)  # (bodies seen: a floor of the toll)


def _exact(f: Figure) -> bool:
    return f.value is not None and not f.qualifier


_STRICTLY_MORE = _MORE - {"at least", "no fewer than", "no less than"}


def _past_the_count(a: FigureView, b: FigureView) -> bool:
    """``b`` is told as strictly more than ``a``'s exact count ("more than 35" against "35"): no agreement."""
    return _exact(a.fig) and fold(b.fig.qualifier) in _STRICTLY_MORE and b.fig.value is not None \
        and a.fig.value <= b.fig.value


def _voice(f: Figure) -> str | None:
    """Who speaks for a figure, with the role its report gives ("Lt <name>, spokesperson for the military")."""
    return " ".join(x for x in (f.claimant, getattr(f, "claimant_role", None)) if x) or None


def _own_voice(f) -> bool:
    """A count the report tells in its own voice (no statement, the outlet as claimant)."""
    return f.statement_id is None and f.claimant_side == "MEDIA"


def relation_kind(a: FigureView, b: FigureView) -> tuple[str, str] | None:
    """The kind of relation between two figures of one quantity, ``a`` not later than ``b``, and why; or None.
    The rules' answer, unless the learned relation kind (``fusion.relkind``, off without a margin) beats it; never
    for two figures :func:`beyond_reach` of each other."""
    if not comparable(a, b):
        return None
    found = _kind(a, b)
    return found if beyond_reach(a, b) else relkind.revise(a, b, found)


# the most days apart that :func:`_kind` relates two counts of incidents (both tied to one) of two reports
INCIDENT_REACH_DAYS = max(EVENT_WINDOW_DAYS, INCIDENT_REVISION_DAYS, SAME_TIME_DAYS)


def beyond_reach(a: FigureView, b: FigureView) -> bool:
    """Two figures :func:`relation_kind` relates in neither order for their distance alone: both tied to an
    incident (an incident's window is a day, a source's revisions of its toll a week), told by two reports,
    more than :data:`INCIDENT_REACH_DAYS` apart. The store compares a new figure only with the figures of its
    quantity within reach (keep this true when :func:`_kind` changes; tests/fusion/test_reach.py)."""
    return (bool(a.key.incident) and bool(b.key.incident) and a.day is not None and b.day is not None
            and abs(b.day - a.day) > INCIDENT_REACH_DAYS and a.fig.article_id != b.fig.article_id)


def within_reach(items: list[FigureView], new: list[FigureView]) -> list[FigureView]:
    """Those of ``items`` (in their order) that are not :func:`beyond_reach` of every figure of ``new``: what a
    new figure of the quantity may relate to, or a stored one may choose again for (``new`` is not empty). The
    same as testing each pair, without a call per figure (a quantity's history is long)."""
    if any(not x.key.incident or x.day is None for x in new):
        return list(items)
    reach, days, articles = INCIDENT_REACH_DAYS, [x.day for x in new], {x.fig.article_id for x in new}
    lo, hi = min(days) - reach, max(days) + reach
    return [v for v in items if not v.key.incident or v.day is None or v.fig.article_id in articles
            or (lo <= v.day <= hi and any(abs(v.day - d) <= reach for d in days))]


def compare_figures(a: FigureView, b: FigureView) -> tuple[str, str] | None:
    """The relation between two figures of one quantity, ``a`` not later than ``b``, with its note; or None."""
    found = relation_kind(a, b)
    if found is None:
        return None
    kind, why = found
    return kind, _note(kind, a, b, why)


def relate_group(items: list[FigureView], since: tuple | None = None, only: set[str] | None = None) -> list[Relation]:
    """Relations among the figures of one quantity; depends only on the set of figures.

    Each figure ``b`` chooses its relations among the figures before it, so with
    ``since`` only the figures from that position on choose again (the others'
    choices cannot change when figures are added after them); with ``only``, only
    the figures of those ids (see :func:`choosers`)."""
    items = sorted(items, key=lambda v: v.order)
    if only is not None:  # the figures after the last of those choose nothing here, nor are chosen
        last = len(items)
        while last and items[last - 1].fig.id not in only:
            last -= 1
        items = items[:last]
    rank = {v.fig.id: i for i, v in enumerate(items)}
    runs = _article_runs(items)
    out: list[Relation] = []
    for j, b in enumerate(items):
        if (since is not None and b.order < since) or (only is not None and b.fig.id not in only):
            continue
        related = ((items[i], found) for i in _earlier(runs, j, b) for found in [relation_kind(items[i], b)] if found)
        out += choose(b, related, rank)
    return out


def choose(b: FigureView, related: Iterable[tuple[FigureView, tuple[str, str] | Relation]],
           rank: dict[str, int]) -> list[Relation]:
    """The relations ``b`` keeps among the earlier figures it relates to, given earliest first as
    (figure, (kind, why)) or (figure, the relation already chosen); ``rank`` orders figures (position
    in the quantity).

    One relation of a kind per earlier claimant: the latest such figure. Of the updates one per earlier
    report is kept (of its figures the value b's report says it replaces, else of b's own source, else the
    most recent), and not one that a later figure ``b`` agrees with has already updated (A -> B, B ~ C:
    no A -> C). So the choice is made of the latest figures by
    (kind, claimant), and an update it leaves out is older than a corroboration it keeps: adding
    earlier figures can be decided from the relations kept and the new figures alone
    (:func:`rechoose`)."""
    found: dict[tuple[str, str], tuple[FigureView, str, object]] = {}
    for a, how in related:
        kind = how.type if isinstance(how, Relation) else how[0]
        key = (kind, a.claimant or a.fig.id)
        if kind == "updates" and key in found and _replaced_here(found[key][0], b) and not _replaced_here(a, b):
            continue  # the earlier value b's report says its claimant gave stays b's update, not a later count of theirs
        found[key] = (a, kind, how)
    chosen = [x for (k, _), x in found.items() if k != "updates"]
    # of the contradictions with one earlier report, the latest only: a report telling five claimants' counts
    # is one dispute, not ten pairs (and a count contradicts the last one its report gave before it)
    latest: dict[str, int] = {}
    for a, k, _ in chosen:
        if k == "contradicts":
            latest[a.fig.article_id] = max(latest.get(a.fig.article_id, -1), rank[a.fig.id])
    chosen = [x for x in chosen if x[1] != "contradicts" or rank[x[0].fig.id] == latest[x[0].fig.article_id]]
    if b.fig.article_id in latest:
        # a count its own report already sets against a rival count: that is the dispute, not again with each
        # earlier report's rivals
        chosen = [x for x in chosen if x[1] != "contradicts" or x[0].fig.article_id == b.fig.article_id]
    # one update per earlier report: a toll raised through the day (30, then 39, then 50 in three reports) is
    # the later toll of each earlier one, not only of the last (a report's several voices of the earlier toll
    # are one earlier toll)
    by_report: dict[str, list] = defaultdict(list)
    for k, x in found.items():
        if k[0] == "updates":
            by_report[x[0].fig.article_id].append(x)
    for updates in by_report.values():
        # the earlier value b's report says it replaces, else a source's revision of its own toll ("13" then
        # "risen to 21", both the ministry's), else the latest
        last = max(updates, key=lambda x: (_replaced_here(x[0], b),
                                           _own_claimant(x[0], b), _own_source(x[0], b), rank[x[0].fig.id]))
        # (a source revising its own toll is kept even when its new toll agrees with another's newer one)
        # (not b's own report's other voices of the new toll: "has risen to 69" and, further down, "killed 69 persons")
        if _own_claimant(last[0], b) or not any(
                k == "corroborates" and rank[a.fig.id] > rank[last[0].fig.id] and a.fig.article_id != b.fig.article_id
                for a, k, _ in found.values()):
            chosen.append(last)
    return [how if isinstance(how, Relation) else
            Relation(type=kind, a=a.fig.id, b=b.fig.id, note=_note(kind, a, b, how[1]), group_id=a.key.qkey)
            for a, kind, how in chosen]


def _replaced_here(a: FigureView, b: FigureView) -> bool:
    """``a`` is the earlier value of a toll that b's own report says was replaced ("had earlier put the toll at five")."""
    return a.prior and a.fig.article_id == b.fig.article_id


def _own_claimant(a: FigureView, b: FigureView) -> bool:
    """``a`` is b's own claimant: the same name, one body's voice in other words (:func:`same_body`), or one kind
    of body of one party side, with the role its report gives ("<name>, spokesperson for the military" and "the
    <country>'s military": ``claimants.json`` ``body_kinds``)."""
    if not b.claimant:
        return False
    if a.claimant == b.claimant or same_body(a.fig.claimant, b.fig.claimant):
        return True
    return a.side == b.side and a.side not in NON_PARTY_SIDES | {None, "MEDIA"} \
        and one_kind_of_body(_voice(a.fig), _voice(b.fig))


def _own_source(a: FigureView, b: FigureView) -> bool:
    """``a`` is b's own source: the same claimant, or an authority of the same party side."""
    return _own_claimant(a, b) or (
        b.side is not None and a.side == b.side and b.side not in NON_PARTY_SIDES)


def rechoose(b: FigureView, kept: list[Relation], new: list[tuple[FigureView, tuple[str, str]]],
             views: dict[str, FigureView], rank: dict[str, int]) -> list[Relation] | None:
    """``b``'s relations once new figures before it joined its quantity, from the relations it kept
    (``kept``, as stored) and how the new figures relate to it (``new``: (figure, (kind, why))), without
    comparing it with the rest of its quantity again (see :func:`choose`: the same relations as
    choosing among all). None when a kept relation names a figure that is not among ``views``."""
    related: list = list(new)
    for r in kept:
        a = views.get(r.a)
        if a is None:
            return None
        related.append((a, r))
    related.sort(key=lambda x: rank[x[0].fig.id])
    return choose(b, related, rank)


@dataclass
class _Run:
    """Consecutive figures (in comparison order) of one article, and their positions by claimant."""

    start: int
    end: int
    article_id: str
    by_claimant: dict[str, list[int]] = field(default_factory=dict)
    prior: list[int] = field(default_factory=list)  # positions of earlier values of a revised toll


def _article_runs(items: list[FigureView]) -> list[_Run]:
    runs: list[_Run] = []
    for i, v in enumerate(items):
        if not runs or runs[-1].article_id != v.fig.article_id:
            runs.append(_Run(i, i, v.fig.article_id))
        runs[-1].end = i + 1
        runs[-1].by_claimant.setdefault(v.claimant, []).append(i)
        if v.prior:
            runs[-1].prior.append(i)
    return runs


def _earlier(runs: list[_Run], j: int, b: FigureView) -> Iterable[int]:
    """Positions before ``j`` in order, leaving out the figures of b's article that :func:`comparable`
    refuses anyway (the same or no claimant), so that an article repeating a figure a thousand
    times does not cost a million comparisons."""
    for run in runs:
        if run.start >= j:
            break
        if run.article_id != b.fig.article_id:
            yield from range(run.start, min(run.end, j))
        elif b.claimant:
            # its own source too when b revises a toll ("the toll had risen to 45"): see _revised_later
            revises = bool(_risen(b.fig.sentence or "")) or _told_later(b.fig)
            yield from sorted({i for c, ps in run.by_claimant.items() if c and (c != b.claimant or revises)
                               for i in ps if i < j} | {i for i in run.prior if i < j and not b.prior})


def choosers(items: list[FigureView], new_ids: set[str]) -> set[str]:
    """The figures whose relations may change when the figures ``new_ids`` join the others: the
    new ones, and each later figure that one of them relates to (``b`` chooses among the figures
    before it; one that does not relate to ``b`` changes nothing of its choice). Costs the new
    figures times the later ones, not all pairs."""
    return set(new_ids) | set(related_later(items, new_ids))


def related_later(items: list[FigureView], new_ids: set[str]) -> dict[str, list[tuple[FigureView, tuple[str, str]]]]:
    """For each figure that is not new, how the new figures before it relate to it (only those that do):
    figure id -> [(new figure, (kind, why))], earliest first."""
    items = sorted(items, key=lambda v: v.order)
    out: dict[str, list] = {}
    first = next((i for i, v in enumerate(items) if v.fig.id in new_ids), len(items))
    new: list[FigureView] = []
    for v in items[first:]:
        if v.fig.id in new_ids:
            new.append(v)
            continue
        found = [(x, k) for x in new for k in [relation_kind(x, v)] if k]
        if found:
            out[v.fig.id] = found
    return out


def relate_figure_groups(pairs: Iterable[tuple[Figure, FigureKey]]) -> list[Relation]:
    """Relations within every quantity among the given (figure, key) pairs."""
    groups: dict[str, list[tuple[Figure, FigureKey]]] = defaultdict(list)
    for f, k in pairs:
        groups[k.qkey].append((f, k))
    out: list[Relation] = []
    for q in sorted(groups):
        out += relate_group(group_views(groups[q]))
    return out


def _place_relation(a: str, b: str) -> str:
    """How two count places stand (``widepairs.PLACES``): one key, one within the other (places the gazetteer knows,
    not apart), apart, or unknown (a name the gazetteer does not know, an article or a topic)."""
    if a == b:
        return "equal"
    if _gazetteer_key(a) and _gazetteer_key(b):
        return "apart" if _placed_apart(a, b) else "nested"
    return "unknown"


def _between(a: FigureView, b: FigureView) -> tuple[FigureView, FigureView]:
    """The pair's views with the two claimants resolved between themselves ("Kovalenko" and "Oleh Kovalenko")."""
    resolver = claimant_resolver([a.fig, b.fig])
    return figure_view(a.fig, a.key, resolver), figure_view(b.fig, b.key, resolver)


WIDE_CAP = 8  # the most wider candidates a figure is judged against when the model names no ``cap``


def wide_bucket(f: Figure, k: FigureKey) -> tuple[str, str]:
    """What a figure's wider candidates share with it: its category and the country its count is keyed to (or, with
    :func:`wide_reach`, a neighbour of it)."""
    return f.category or "", k.country or ""


def wide_group(figure_id: str) -> str:
    """The group of the wider relations a figure chooses among the figures before it (the store replaces them
    whole when its candidates may have changed)."""
    return f"wide:{figure_id}"


def _neighbour_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for a, b in load_lexicon("neighbours")["pairs"]:
        table[a].add(b)
        table[b].add(a)
    return {c: frozenset(n) for c, n in table.items()}


NEIGHBOURS = _neighbour_table()  # lexicons/neighbours.json: countries that share a border


def wide_reach(country: str) -> tuple[str, ...]:
    """The countries whose figures a figure keyed to ``country`` is judged against among its wider candidates: its own
    and its neighbours' (the two sides of a border clash each key their count to their own country), sorted; an
    unknown country ("") meets only its own kind. Symmetric: ``a`` reaches ``b`` exactly when ``b`` reaches ``a``."""
    return tuple(sorted({country} | NEIGHBOURS.get(country, frozenset()))) if country else ("",)


def wide_views(pairs: Iterable[tuple[Figure, FigureKey]]) -> dict[tuple[str, str], list[FigureView]]:
    """The dated figures of a batch by :func:`wide_bucket`, each bucket's views in order (claimants unresolved:
    the order of a view does not depend on its claimant's key): the figures of the bucket's category keyed to a
    country of its :func:`wide_reach` (only those keyed to the bucket's own country choose in it)."""
    by_bucket: dict[tuple[str, str], dict[str, tuple[Figure, FigureKey]]] = defaultdict(dict)
    for f, k in pairs:
        # (a part of a toll meets only the same group's parts of its toll: :func:`_key_parts`)
        if k.day is not None and not is_part_key(k):
            category, country = wide_bucket(f, k)
            for c in wide_reach(country):
                by_bucket[(category, c)][f.id] = (f, k)
    alone = names_resolver(set())
    return {b: sorted((figure_view(f, k, alone) for f, k in by_bucket[b].values()), key=_view_order)
            for b in sorted(by_bucket)}


def _chooses_in(v: FigureView, bucket: tuple[str, str]) -> bool:
    """``v`` chooses its wider candidates in this bucket's views (its own country's; each figure in one bucket)."""
    return (v.key.country or "") == bucket[1]


def _view_order(v: FigureView) -> tuple:
    return v.order


def wide_choices(views: list[FigureView], j: int, days: int, cap: int) -> list[tuple[FigureView, FigureView, str | None]]:
    """The wider candidate pairs ``(a, b, refused)`` the figure ``views[j]`` (``b``) chooses among (``views``: one
    bucket in order): the ``cap`` nearest figures before it (nearest day first, then nearest in order), counted
    days at most ``days`` apart, whose quantity keys differ or a test of :func:`comparable` refused (``refused``,
    its name), none of ``widepairs.NEVER``, not :func:`beyond_reach`. Each view's claimant is resolved within its
    pair: the pairs depend on ``b`` and the figures of its bucket before it within ``days`` alone, whatever the
    order or chunking of the input (the store looks up no more)."""
    v = views[j]
    out = []
    for i in range(j - 1, -1, -1):  # (views are in order of their day first: the nearest come first)
        if len(out) >= cap or v.day - views[i].day > days:
            break
        a, b = _between(views[i], v)
        refused = refusal(a, b)
        if (refused is None and a.key.qkey == b.key.qkey) or refused in widepairs.NEVER or beyond_reach(a, b):
            continue
        out.append((a, b, refused))
    return out


def wide_candidates(pairs: Iterable[tuple[Figure, FigureKey]], days: int,
                    cap: int = WIDE_CAP) -> list[tuple[FigureView, FigureView, str | None]]:
    """Every wider candidate pair ``(a, b, refused)`` of a batch (``fusion.widepairs``), ``a`` before ``b`` in order:
    one :func:`wide_bucket`, and each figure's :func:`wide_choices` among the figures before it."""
    out = []
    for bucket, views in wide_views(pairs).items():
        for j in range(len(views)):
            if _chooses_in(views[j], bucket):
                out += wide_choices(views, j, days, cap)
    return out


def wide_features(a: FigureView, b: FigureView, refused: str | None) -> dict[str, float]:
    """``widepairs.features`` of a wider candidate pair, with the facts of fusion's keys it reads."""
    return widepairs.features(a, b, refused, _place_relation(a.place, b.place), keys_same_incident(a.key, b.key),
                              quantity_group(a.group) != quantity_group(b.group))


def relate_wide(pairs: Iterable[tuple[Figure, FigureKey]], data: dict | None = None,
                only: set[str] | None = None) -> list[Relation]:
    """The relations the learned model adds among the wider candidate pairs of a batch (none while the ``wide``
    section of ``relation_kind.json`` has no margin); with ``only``, those that these figures choose (the store's
    figures whose candidates may have changed). Each is of the later figure's :func:`wide_group`."""
    wide = widepairs.wide_data(data)
    if wide.get("margin") is None:
        return []
    days, cap = wide.get("days", SAME_TIME_DAYS), wide.get("cap", WIDE_CAP)
    out = []
    for bucket, views in wide_views(pairs).items():
        for j, v in enumerate(views):
            if (only is not None and v.fig.id not in only) or not _chooses_in(v, bucket):
                continue
            for a, b, refused in wide_choices(views, j, days, cap):
                kind = relkind.learned(wide_features(a, b, refused), None, wide)
                if kind:
                    out.append(Relation(type=kind, a=a.fig.id, b=b.fig.id, note=_note(kind, a, b, relkind.WHY[kind]),
                                        group_id=wide_group(b.fig.id)))
    return out


# -- statements ---------------------------------------------------------------
# Words that name the same kind of happening, so that "denied any ground assault" meets "pushed into the
# perimeter" (lexicons/topics.json): stems (see _stem) mapped to a topic.
TOPICS: dict[str, list[str]] = load_lexicon("topics")["topics"]
# topics on which the two parties' own accounts of one incident can clash
ACCOUNT_TOPICS = frozenset(load_lexicon("topics")["account_topics"])
NON_PARTY_SIDES = relkind.NON_PARTY_SIDES
_TOPIC_OF: dict[str, str] = {}
STOPWORDS = set(
    "a an the and or but of to in on at by for from with without into onto over under as is are was were be been "
    "being has have had do does did not no any there their they them it its this that these those he she his her "
    "we our you your i me my will would could should can may might must also still just only than then so such "
    "about up down out off said says say told claim claimed claims deny denied denies what which who whom whose "
    "very more most some all each other another been being like".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]+")


# irregular forms of the verbs accounts of taking and losing a place are told with: "it overran the camp" and "the
# camp was not overrun" name one act
_IRREGULAR = {"overran": "overrun", "took": "take", "taken": "take", "retook": "retake", "retaken": "retake",
              "fell": "fall", "fallen": "fall", "withdrew": "withdraw", "withdrawn": "withdraw"}


@lru_cache(maxsize=65536)  # asked for every word of every statement and speaker, words repeat
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]  # "Dnipro's" is Dnipro
    w = w.strip("'-")
    w = _IRREGULAR.get(w, w)
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "e"):
        if len(w) - len(suf) >= 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_stems(text: str | None) -> set[str]:
    return {_stem(w) for w in _WORD_RE.findall(text or "") if w.lower() not in STOPWORDS}


def topics_of(stems: set[str]) -> set[str]:
    """The topics named by a set of stems ("struck" and "assault" are both 'attack')."""
    if not _TOPIC_OF:
        for topic, words in TOPICS.items():
            for w in words:
                _TOPIC_OF[w] = topic
                _TOPIC_OF[_stem(w)] = topic
    out = set()
    for s in stems:
        for k in range(len(s), 2, -1):  # short words ("hit") only whole
            t = _TOPIC_OF.get(s[:k]) if k >= 5 or k == len(s) else None
            if t:
                out.add(t)
                break
    return out


# Calling a claim premature or false is denying it, whatever the cue verb.
_DISMISS_RE = DISMISSAL_RE  # lexicons/denial.json


# Saying one's own side did not do it ("we did not target homes", "did not carry out any strike") or had no part in it
# ("had no fire tasks", "had no involvement") is denying it (lexicons/denial.json).
_DENIAL_LEX = load_lexicon("denial")

_LIGHT_VERB = r"(?:(?:" + alternation(_DENIAL_LEX["light_verbs"]) + r")\s+)?(?:any\s+)?"
_NEGATED_ACT_RE = re.compile(r"\b(?:" + alternation(_DENIAL_LEX["act_negations"]) + r")\s+" + _LIGHT_VERB
                             + r"(?P<verb>[a-z]+(?:\s+[a-z]+)?)", re.I)
_NEGATED_HAVING_RE = re.compile(r"\b(?:" + alternation(_DENIAL_LEX["having_negations"]) + r")\s+(?P<verb>[a-z]+(?:\s+[a-z]+)?)",
                                re.I)
# (having no part in an attack denies it; "has no control of the district" admits a loss, it denies nothing)
_HAD_NO_PART_TOPICS = frozenset({"attack", "responsibility"})


def negated_act(text: str, start: int = 0) -> re.Match | None:
    """The first place in ``text`` (from ``start``) where a speaker says its side did not do an act of war or had no
    part in one."""
    found = [m for m in _NEGATED_ACT_RE.finditer(text, start) if _names_topic(m, ACCOUNT_TOPICS)]
    found += [m for m in _NEGATED_HAVING_RE.finditer(text, start) if _names_topic(m, _HAD_NO_PART_TOPICS)]
    return min(found, key=lambda m: m.start()) if found else None


def _names_topic(m: re.Match, topics: frozenset[str]) -> bool:
    return bool(topics_of({_stem(w) for w in m.group("verb").split()}) & topics)


def _verb_forms(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y"):
        return {lemma, lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return {lemma, stem + "ed", lemma + ("s" if lemma.endswith("e") else "s")}


_UNACKNOWLEDGED_RE = re.compile(r"\b(?:" + alternation(_DENIAL_LEX["act_negations"]) + r")\s+(?:"
                                + alternation(sorted({f for v in _DENIAL_LEX["unacknowledged_verbs"] for f in _verb_forms(v)})) + r")\s+(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def unacknowledged_toll(text: str) -> bool:
    """A party's account that does not acknowledge the dead or hurt ("attacked militia bases but did not acknowledge
    any civilian casualties"): it denies the toll others give (``denial.json`` ``unacknowledged_verbs``)."""
    return any("casualty" in topics_of(content_stems(m.group("what"))) for m in _UNACKNOWLEDGED_RE.finditer(text or ""))


_DENY_CLAUSE_RE = re.compile(r"\b(?:" + "|".join(sorted({f for v in load_lexicon("denial")["deny_verbs"] for f in _verb_forms(v)},
                                                        key=len, reverse=True)) + r")\s+(?:that\s+)?(?P<clause>[^,;.]{8,})", re.I)


_DENIAL_END_RE = re.compile(r"\s+and\s+(?:" + "|".join(load_lexicon("denial")["denial_ends"]) + r")\b", re.I)


def _denied_part(s: Statement) -> str:
    """A denial's content up to the speaker's next clause ("denied that the depot held arms and called the strike a
    crime": the depot; ``denial.json`` ``denial_ends``)."""
    content = s.content or s.text
    m = _DENIAL_END_RE.search(content)
    return content[:m.start()] if m and m.start() > 0 else content


def denied_in_content(s: Statement) -> str | None:
    """What a statement's content denies after a deny verb ("its forces had targeted fighters at the station and
    denied that civilians had been hit"): the speaker asserts one thing and denies another."""
    m = _DENY_CLAUSE_RE.search(s.content or "")
    return m.group("clause") if m else None


def lost_denial(s: Statement) -> str | None:
    """The denied clause of a statement the statements stage gave without most of its content ("A newspaper said
    those killed were 'terrorists' and denied that civilians had been killed, calling ...": content
    '"terrorists"'): a deny verb in its text, after its speaker, and what it denies up to the clause's end."""
    text, content = s.text or "", s.content or ""
    if len(content) * 3 >= len(text):
        return None
    after = max(0, (s.speaker_end - s.start) if s.speaker_end is not None and s.start <= s.speaker_end <= s.end else 0)
    m = _DENY_CLAUSE_RE.search(text, after)
    if m:
        return m.group("clause")
    # ("said it did not launch any 'rocket attack' on the station": content '"rocket attack"', the negation outside it)
    m = negated_act(text, after)
    return _CLAUSE_TO_END_RE.match(text, m.start()).group(0) if m else None


_CLAUSE_TO_END_RE = re.compile(r"[^,;.]+")


_STILL_HELD_RE = re.compile(r"\b(?:" + "|".join(load_lexicon("denial")["still_held"]) + r")", re.I)
CONTESTED = "contested"  # the topic of a party's account that a place is still held or fought over


def still_held(s: Statement) -> bool:
    """A statement saying a place is still held or fought over ("fighting for the town continues", "repelled
    another assault on it": ``denial.json`` ``still_held``)."""
    text = s.text or ""
    # (not a claim to have taken the place told with the assault it repelled: "its liberation of the town came as
    # it repelled ...")
    # (the words as written: "liberation" names control, its stem "liber" does not)
    words = {w.lower() for w in _WORD_RE.findall(_STILL_HELD_RE.sub(" ", text))}
    return bool(_STILL_HELD_RE.search(text)) and "control" not in topics_of(words)


_NOTHING_HAPPENED_RE = re.compile(r"\b(?:" + "|".join(load_lexicon("denial")["nothing_happened"]) + r")\b", re.I)


_NOT_A_DENIAL_RE = re.compile(r"\b(?:" + "|".join(load_lexicon("denial")["not_a_denial"]) + r")", re.I)


_STANDING_DENIAL_RE = re.compile(r"\b(?:" + "|".join(load_lexicon("denial")["standing_denial"]) + r")\b", re.I)


def is_denial(s: Statement) -> bool:
    if _STANDING_DENIAL_RE.search(s.text or ""):
        return False  # "has denied deliberately targeting civilians": a standing denial, background
    # ("such a massacre never happened in our district before": unprecedented, not denied)
    content = _NOT_A_DENIAL_RE.sub(" ", s.content or "")
    if s.polarity == "denies" or _DISMISS_RE.search(content) or lost_denial(s) or denied_in_content(s):
        return True
    if _NOTHING_HAPPENED_RE.search(_NOT_A_DENIAL_RE.sub(" ", s.content or s.text or "")):
        return True  # "no such incident has taken place", "there was no attack on any of our troops"
    # a negated act of war (attack, capture, ...) in what is claimed, or a toll it does not acknowledge
    return negated_act(s.content or s.text or "") is not None or unacknowledged_toll(s.content or s.text or "")


_BLAME_NOUNS = alternation(_DENIAL_LEX["blame_nouns"])
_DENY_FORMS = alternation(sorted({f for v in _DENIAL_LEX["deny_verbs"] for f in _verb_forms(v)}))
# the deny verb and the charge it denies, either way round ("denied the US accusations", "these allegations have been
# categorically denied", "a charge Kabul denies"), or the charge called false ("allegations that ... are untrue")
_BLAME_DENIED_RE = re.compile(r"\b(?:(?:" + _DENY_FORMS + r")\s+(?:(?:the|these|those|such|all|any|all\s+the)\s+)?(?:[\w'’-]+\s+){0,2}?(?:"
                              + _BLAME_NOUNS + r")|(?:" + _BLAME_NOUNS + r")\b[^.;]{0,40}?\b(?:" + _DENY_FORMS + r")"
                              r"|(?:" + _BLAME_NOUNS + r")\b[^.;]{0,100}?\b(?:are|is|were|was)\b[^.;]{0,20}?"
                              r"(?:" + "|".join(_DENIAL_LEX["dismissal_words"]) + r"))\b", re.I)


# the deny verb and the act it denies as its object, not a clause ("denies missile strike", "denied carrying out an
# air strike", "denied any role"): not "denied that the house had been used to store weapons"
_DENIED_OBJECT_RE = re.compile(r"\b(?:" + _DENY_FORMS + r")\s+(?!that\b)(?P<what>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)", re.I)


# (not "a number of": an amount told, not a count disputed)
_COUNT_NOUN_RE = re.compile(r"(?<!\ba )\b(?:" + alternation(_DENIAL_LEX["count_nouns"]) + r")\b", re.I)


_COUNT_NOUN_STEMS = frozenset(_stem(w) for w in _DENIAL_LEX["count_nouns"])


def disputes_a_count(s: Statement) -> bool:
    """A denial whose own words name a count ("disputed the toll figure", "the number published was
    exaggerated"): it disputes a toll, not the account of the act (``denial.json`` ``count_nouns``)."""
    return bool(_COUNT_NOUN_RE.search(s.text or ""))


def denies_the_act(s: Statement) -> bool:
    """A denial whose object names the act or a part in it (an attack or responsibility topic)."""
    return any(topics_of(content_stems(m.group("what"))) & _WHO_DID_IT for m in _DENIED_OBJECT_RE.finditer(s.text or ""))


def denies_blame(s: Statement) -> bool:
    """A denial that names the charge it denies: an accusation, an allegation (``denial.json`` ``blame_nouns``)."""
    return bool(_BLAME_DENIED_RE.search(s.text or ""))


_CLAUSE_BREAK_RE = re.compile(r"(?:;|,|\bbut\b|\band\b|\bwhile\b)", re.I)


def dismissed_clause(s: Statement) -> str:
    """The clause of a statement in which a claim is dismissed: 'called the claim that it had fallen premature'."""
    text = s.text or ""
    m = _DISMISS_RE.search(text)
    if not m:
        return s.content or text
    breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(text, 0, m.start())]
    return text[(breaks[-1] if breaks else 0): m.end()]


@dataclass
class StatementKey:
    """What a statement is about, computed from its own article alone (stored for lookups)."""

    statement_id: str
    article_id: str
    start: int
    day: int | None
    speaker: str
    side: str | None
    denial: bool
    stems: list[str]
    topics: list[str]
    places: list[str]

    def pairs(self) -> list[str]:
        """Topic@place pairs: two statements can be related only when they share one."""
        # (an account that a place is still held meets the other party's claims to have taken it: control@place)
        topics = set(self.topics) | ({"control"} if CONTESTED in self.topics else set())
        # (and its quoted words: one speaker's words told by two reports meet wherever each puts them)
        return sorted([f"{t}@{p}" for t in topics for p in self.places] + [w for w in self.stems if w.startswith(QUOTE)])

    def reach(self) -> list[str]:
        """The pairs under which another statement may meet this one: its own pairs and, when it tells who did an
        act, the act's and the blame's under either topic (a denial of one answers the other: _accuses_denier).
        What the store looks up, so that stored and new statements meet as in one batch (_candidates)."""
        if not set(self.topics) & _WHO_DID_IT:
            return self.pairs()
        return sorted(set(self.pairs()) | {f"{t}@{p}" for t in _WHO_DID_IT for p in self.places})

    @property
    def order(self) -> tuple:
        return (self.day or 0, self.article_id, self.start, self.statement_id)

    def to_row(self) -> dict:
        return dict(self.__dict__)


_NAME_RE = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*\b")
_CALENDAR = set(load_lexicon("places")["calendar_words"])


def _name_key(p: Place) -> str | None:
    """'name:<word>' for a one-word place name as written ("Kyauktaw"), as an unresolved mention would be keyed."""
    words = (p.name or "").split()
    return f"name:{fold(p.name)}" if len(words) == 1 and (p.precision or 1) < 3 else None


def _in_span_list(a: int, spans: list[tuple[int, int]]) -> bool:
    return any(x <= a < y for x, y in spans)


def _covered(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """[a, b) overlaps one of ``spans`` (sorted by start; ``starts`` their starts; spans hardly overlap)."""
    k = bisect_left(starts, b)
    return any(spans[j][1] > a for j in range(k - 1, max(-1, k - 7), -1))


def unresolved_names(s: Statement, taken: list[tuple[int, int]], speakers: frozenset[str] = frozenset(),
                     starts: list[int] | None = None) -> set[str]:
    """'name:<word>' for the capitalised words of what a statement claims that name no side, no speaker
    and no place the gazetteer resolved (``taken``: the spans of resolved places and of speakers, sorted):
    "the village of <name>" that could not be geocoded, which both parties can still name."""
    text, base = (s.content, s.content_start) if s.content and s.content_start is not None else (s.text, s.start)
    starts = starts if starts is not None else [x for x, _ in taken]
    out = set()
    for m in _NAME_RE.finditer(text or ""):
        word = fold(m.group(0))
        if word in STOPWORDS or word in _CALENDAR or word in speakers or (side_of(m.group(0)) and not _a_town(m.group(0))):
            continue  # (a speaker's name is a person or body, not a place; a town's name is a place, whose side it is)
        if not _covered(taken, starts, base + m.start(), base + m.end()):
            out.add(f"name:{word}")
    return out


@lru_cache(maxsize=4096)
def _a_town(word: str) -> bool:
    """A name the country tables know as a town ("Kyauktaw"), not as a state, demonym or party."""
    return country_of_place(word) is not None and fold(word) not in country_terms() and lookup_actor(word) is None


def statement_keys(res: ArticleRecords) -> list[StatementKey]:
    art = res.article
    spans = speaker_spans(res)
    speakers = frozenset(fold(w) for st in res.statements for w in (st.speaker or "").split())
    topic = article_topic_place(res.places, not_about_spans(res), art.text)
    # (and that place by its name, as another report that could not resolve it keys it: see _name_key)
    topic_names = {k for p in res.places if topic and _place_keys(p) == topic for k in [_name_key(p)] if k}
    # places by start, so each statement finds its own by bisection (a long article has thousands of both)
    # (not a speaker's place, nor the dateline's city: where the report was filed)
    elsewhere = sorted(spans + dateline_spans(art.text))
    # (a place the gazetteer found also by its name: another report may name it where the gazetteer did not,
    # "denied that <town> had fell" with no place found, against "captured the town of <town>")
    placed = sorted(((p.start, k) for p in res.places if not _in_spans(p, elsewhere)
                     for k in [_place_keys(p), _name_key(p)] if k), key=lambda x: x[0])
    starts = [a for a, _ in placed]
    # the places the gazetteer does not know that the lead puts things at: what the report is about, with its topic
    # ("attacked the village of <name> in <region>": <name> as well as the region)
    lead_end = _lead_end(art.text)
    lead_names = {k for a, k in _unresolved_mentions(art.text[:lead_end], res.places) if not _in_span_list(a, elsewhere)}
    # a report whose lead tells an exchange of prisoners: its statements are about that operation, wherever it is
    exchange = bool(_EXCHANGE_RE.search(art.text[:_lead_end(art.text)])) and bool(_EXCHANGE_NOUN_RE.search(art.text[:_lead_end(art.text)]))
    taken = sorted([(p.start, p.end) for p in res.places] + spans)
    taken_starts = [a for a, _ in taken]
    countries = {k for p in res.places if p.kind == "country" for k in [_place_keys(p)] if k}
    out = []
    for s in res.statements:
        denial = is_denial(s)
        # a dismissal ("called the claim premature") names what it dismisses around the quote
        content = (lost_denial(s) or denied_in_content(s) or dismissed_clause(s)) if denial and s.polarity != "denies" \
            else _denied_part(s) if denial else (s.content or s.text)
        # the speaker's own name is not part of what is claimed
        stems = content_stems(content) - content_stems(s.speaker) - content_stems(s.speaker_text)
        # the places named in the statement, and the place the article is about ("in the city")
        pks = {k for _, k in placed[bisect_left(starts, s.start):bisect_left(starts, s.end)]}
        pks |= unresolved_names(s, taken, speakers, taken_starts)
        if topic:
            pks |= {topic} | topic_names
        pks |= lead_names
        if exchange:
            pks.add(EXCHANGE)  # (each side names another place for one exchange: see is_exchange)
        # (a country is no place two reports' statements meet at: two attacks in one country are two attacks)
        pks -= countries
        if denial:
            stems |= owner_marks(denied_owner(s.text)) | ({LOST} if s.polarity != "denies" and lost_denial(s) else set())
            if "responsibility" in topics_of(stems) or negated_act(s.text or "") or denies_blame(s) or denies_the_act(s):
                stems.add(DENIES_ACT)
            if disputes_a_count(s):
                stems.add(DISPUTES_COUNT)
        else:
            stems |= agent_marks(content) | claimed_act_marks(s.text)
        stems |= quote_marks(s.text)
        out.append(StatementKey(
            statement_id=s.id, article_id=art.id, start=s.start,
            day=day_number(s.date) or day_number(art.published),
            speaker=speaks_for(s.speaker_text) or canonical_key(s.speaker, s.speaker_role), side=s.speaker_side,
            denial=denial,
            stems=sorted(stems), topics=sorted(topics_of(stems) | ({CONTESTED} if not denial and still_held(s) else set())
                                               | ({"responsibility"} if denial and denies_blame(s) else set())),
            places=sorted(pks),
        ))
    return _disputed_tolls(_quoted_rejections(_answer_bare_denials(out), res))


def _disputed_tolls(keys: list[StatementKey]) -> list[StatementKey]:
    """A denial of a count is of a toll (topic casualty), after it took, when bare ("disputed the toll figure"), the
    words and places of the claim told before it."""
    for k in keys:
        if DISPUTES_COUNT in k.stems and "casualty" not in k.topics:
            k.topics = sorted(set(k.topics) | {"casualty"})
    return keys


_QUOTE_OPENERS = ('"', "“", "'", "‘")


def _quoted_rejections(keys: list[StatementKey], res: ArticleRecords) -> list[StatementKey]:
    """"X rejected the army's account of its response. 'Soldiers arrived only the next morning,' he said": a
    rejection that says nothing of its own, followed at once by a quote, is told by that quote. The quote becomes
    the denial (with the rejection's owner: whose account it answers) and the bare rejection relates to nothing."""
    by_id = {k.statement_id: k for k in keys}
    ordered = sorted(res.statements, key=lambda s: (s.start, s.id))
    for s, t in zip(ordered, ordered[1:]):
        ks, kt = by_id.get(s.id), by_id.get(t.id)
        if ks is None or kt is None or not ks.denial or kt.denial or len((s.content or "").strip()) > 3:
            continue
        if 0 <= t.start - s.end <= 3 and (t.text or "").lstrip().startswith(_QUOTE_OPENERS) and kt.topics:
            kt.denial = True
            kt.stems = sorted(set(kt.stems) | {w for w in ks.stems if w.startswith((OWNER, OWNER_FORCE))})
            ks.topics = []
    return keys


AGENT = "by:"  # a stem naming who an account says did the act ("was launched by Hezbollah": by:hezbollah)
_AGENT_RE = re.compile(r"\bby\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)")


def agent_marks(content: str | None) -> set[str]:
    """Marks kept among an account's stems for the party it says did the act: the capitalised words after "by"."""
    return {AGENT + _stem(w) for m in _AGENT_RE.finditer(content or "") for w in m.group(1).split()}


QUOTE = "quote:"  # a mark among a statement's stems: three words it quotes ("quote:multiple suicide bombers")
_QUOTED_RE = re.compile(r"[\"“]([^\"“”]{8,400})[\"”]")


def quote_marks(text: str | None) -> set[str]:
    """Marks kept among a statement's stems for the words it quotes: each run of three quoted words that are no
    stop words, as written (folded). Two reports that quote one speaker's words share them."""
    out = set()
    for m in _QUOTED_RE.finditer(text or ""):
        words = [fold(w) for w in _WORD_RE.findall(m.group(1))]
        out |= {QUOTE + " ".join(words[i:i + 3]) for i in range(len(words) - 2)
                if not any(w in STOPWORDS for w in words[i:i + 3])}
    return out


CLAIMED_ACT = "claims~act"  # a mark among a statement's stems: the speaker claims the act ("took responsibility")
_SPEECH_LEX = load_lexicon("speech")
_CLAIMED_ACT_RE = re.compile(r"\b(?:" + alternation(_SPEECH_LEX["responsibility_claim_forms"]) + r")\s+(?:full\s+|the\s+)?"
                             r"(?:" + alternation(sorted({o for objs in _SPEECH_LEX["responsibility_phrases"]["asserts"].values()
                                                          for o in objs})) + r")\b", re.I)


def claimed_act_marks(text: str | None) -> set[str]:
    """The mark of a party's own claim of an act ("has claimed responsibility", "took responsibility for the
    attack"): the claim a later disavowal by that party answers (see _retracts)."""
    return {CLAIMED_ACT} if _CLAIMED_ACT_RE.search(text or "") else set()


DENIES_ACT = "denial~act"  # a mark among a denial's stems: it denies that its side did it or had a part in it
DISPUTES_COUNT = "denial~count"  # a mark among a denial's stems: it disputes a toll (see disputes_a_count)
LOST = "denial~text"  # a mark among a denial's stems: read from its text, its content was lost (see lost_denial)
OWNER = "owner:"  # a stem naming whose claim a denial denies ("the rebels' claim": owner:rebel)
OWNER_FORCE = "owner~"  # the kind of force that party is ("owner~nonstate")


def owner_marks(owner: str | None) -> set[str]:
    """Marks kept among a denial's stems for whose claim it names ("the army's statement"): the owner's words
    and, when known, its kind of force (stored with the stems: no other field)."""
    if not owner:
        return set()
    words = [w for w in _WORD_RE.findall(owner) if w.lower() not in STOPWORDS]
    out = {OWNER + _stem(w) for w in words}
    force = "state" if claimant_force(owner) == "state" else force_kind(words[-1] if words else None)
    if force:
        out.add(OWNER_FORCE + force)
    return out


def _owner_fit(denial: StatementKey, claim: StatementKey) -> float | None:
    """How a claim's speaker fits the party whose claim the denial names: 1 when the names meet ("the army's
    statement", the Nigerian army), None when it cannot be that party ("the rebels' claim", the army), else 0."""
    owner = {w[len(OWNER):] for w in denial.stems if w.startswith(OWNER)}
    if not owner:
        return 0.0
    if owner & {_stem(w) for w in (claim.speaker or "").split()}:
        return 1.0
    force = next((w[len(OWNER_FORCE):] for w in denial.stems if w.startswith(OWNER_FORCE)), None)
    if force and claim.speaker and claimant_force(claim.speaker) != force:
        return None
    return 0.0


def _same_body(a: StatementKey, b: StatementKey) -> bool:
    """Speakers of one body: "army" and "army 6th infantry division" (one's words are all the other's)."""
    wa, wb = set((a.speaker or "").split()), set((b.speaker or "").split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


BARE_DENIAL_REACH = 400  # characters back a denial that names nothing looks for the claim it answers


def _answer_bare_denials(keys: list[StatementKey]) -> list[StatementKey]:
    """A denial that names nothing it denies ("the claim was 'not true'", "the junta denied the claims")
    answers the claim told just before it in its report (another speaker's, within a few sentences): it
    takes that claim's topics and words."""
    ordered = sorted(keys, key=lambda k: k.start)
    for i, k in enumerate(ordered):
        if not k.denial or k.topics:
            continue
        before = [c for c in ordered[:i] if not c.denial and c.topics and c.speaker != k.speaker
                  and k.start - c.start <= BARE_DENIAL_REACH]
        if before:
            claim = before[-1]
            k.topics = list(claim.topics)
            k.stems = sorted(set(k.stems) | set(claim.stems))
            k.places = sorted(set(k.places) | set(claim.places))
    return keys


def _close_in_time(a: StatementKey, b: StatementKey) -> bool:
    return a.day is not None and b.day is not None and abs(a.day - b.day) <= SAME_TIME_DAYS


_PARTY_FILLER_WORDS = frozenset(_SPEECH_LEX["party_filler_words"])  # "the outlawed group": no party's name


def _retracts(denial: StatementKey, claim: StatementKey) -> bool:
    """A party's disavowal of its own earlier claim of an act ("X claimed responsibility for the attack ... it
    later distanced itself from it", "X denies any involvement" after X took responsibility): the one case where a
    denial answers its own side's words. In one report, in either order ("the group denies any involvement ...
    it had initially taken responsibility"); across reports, the claim first and at a place both name."""
    if CLAIMED_ACT not in claim.stems or "responsibility" not in denial.topics:
        return False
    if denial.article_id != claim.article_id and (claim.order > denial.order or not set(denial.places) & set(claim.places)):
        return False
    names = ({w for w in (denial.speaker or "").split()} - _PARTY_FILLER_WORDS,
             {w for w in (claim.speaker or "").split()} - _PARTY_FILLER_WORDS)
    return bool(names[0] & names[1])


def denial_score(denial: StatementKey, claim: StatementKey) -> float:
    """How well a denial answers a claim: 0 when it cannot be its denial."""
    if not denial.denial or claim.denial:
        return 0.0
    if _retracts(denial, claim):
        return 3.0 + (1.0 if denial.article_id == claim.article_id else 0.0)
    fit = _owner_fit(denial, claim)
    if fit is None:
        return 0.0
    # "X denied it was involved" answers "Y blamed the strike on X" above any other account of the strike
    fit += _accuses_denier(denial, claim)
    # (a denial naming the claim's party, "the army's statement ... was not true", may come from its own side)
    if denial.side and claim.side:
        if denial.side == claim.side and not civil_war_parties(denial.speaker, claim.speaker) and not fit:
            return 0.0
    elif not denial.speaker or denial.speaker == claim.speaker:
        return 0.0
    if not _close_in_time(denial, claim) or _same_body(denial, claim):
        return 0.0
    same_article = denial.article_id == claim.article_id
    specifics = {w for w in set(denial.stems) & set(claim.stems) if _specific(w)}
    if same_article and not fit and not specifics and (claim.start > denial.start or LOST in denial.stems):
        # a claim told after the denial is its answer only if both name the same specifics; so is any claim a
        # denial read from its text alone answers ("denied that civilians had been killed" does not answer "the
        # toll has risen to 19": it answers "the dead were civilians")
        return 0.0
    if not same_article and (not set(denial.places) & set(claim.places) or not (fit or specifics)):
        return 0.0  # another report's claim: at the same place, and the same party's or the same specifics
    shared_topics = set(denial.topics) & set(claim.topics)
    if DISPUTES_COUNT in denial.stems:
        # a denial of a toll answers a toll, not another account of the strike ("disputed the toll figure" after
        # "residences had been hit in the strike")
        shared_topics &= {"casualty"}
    if fit >= 2.0:
        shared_topics.add("responsibility")  # (the blame for the act the denier says it did not do)
    if not shared_topics:
        return 0.0
    shared_words = {w for w in set(denial.stems) & set(claim.stems) if not w.startswith(QUOTE)}
    if DISPUTES_COUNT in denial.stems:
        shared_words -= _COUNT_NOUN_STEMS  # ("a large number of wounded" is not the number disputed)
        # a disputed toll is the other party's: its body's count before an unplaced voice's ("the agency said")
        fit += 0.25 if denial.side and claim.side and claim.side != denial.side else 0.0
    # the answer to a claim is usually in the same report and the same days
    if same_article:  # within a report, dates of statements are too noisy to rank by
        return len(shared_topics) + 0.5 * len(shared_words) + 1.0 + 2 * fit
    return len(shared_topics) + 0.5 * len(shared_words) - 0.25 * abs(denial.day - claim.day) + 2 * fit


_WHO_DID_IT = frozenset({"attack", "responsibility"})



def _accuses_denier(denial: StatementKey, claim: StatementKey) -> float:
    """2 (above a named owner's fit, 1) when a denial of an attack or of a part in it meets a claim that names the
    denier as who did it ("Ukraine blamed the strike on Russia" for "the Kremlin denied Russia was involved" or "the
    ministry said its forces had no fire tasks there"; "the rocket was launched by <group>" for "<group> denied any
    involvement"), else 0. Either may tell it as the act, the other as the blame."""
    if not denial.side or claim.side == denial.side or "responsibility" not in set(denial.topics) | set(claim.topics):
        return 0.0  # (the denier's own side naming it tells what it did, it accuses no one)
    if not set(denial.topics) & _WHO_DID_IT or not set(claim.topics) & _WHO_DID_IT:
        return 0.0
    named = _denier_stems(denial)
    if "responsibility" in claim.topics:  # "blamed the strike on Russia", "accused Hezbollah"
        return 2.0 if named & set(claim.stems) else 0.0
    # an account of the act names the denier as who did it ("was launched by <group>"), not as one of its places or
    # victims ("shelling on the <state> side")
    return 2.0 if {AGENT + w for w in named} & set(claim.stems) else 0.0


def _denier_stems(denial: StatementKey) -> frozenset[str]:
    """The words that name a denier: its state's (by its side) and the party names in its speaker ("hezbollah")."""
    own = {_stem(w) for w in (denial.speaker or "").split() if side_of(w) == denial.side}
    return _state_stems(denial.side) | own


@lru_cache(maxsize=256)
def _state_stems(side: str) -> frozenset[str]:
    """The stems of the words that name a state (its names, people, capital: country_terms) by its side code."""
    return frozenset(_stem(w) for w, code in country_terms().items() if code == side and " " not in w)


def account_score(later: StatementKey, earlier: StatementKey) -> float:
    """How surely two assertions are the two parties' clashing accounts of one incident (0: not)."""
    if later.denial or earlier.denial:
        return 0.0
    if not _opposite_parties(later, earlier) or _one_sentence(later, earlier):
        return 0.0
    if "casualty" in later.topics or "casualty" in earlier.topics:
        return 0.0  # a party's toll is its account through its figures (contradicts, corroborates), not here
    if not _close_in_time(later, earlier) or not set(later.places) & set(earlier.places):
        return 0.0
    shared_topics = set(later.topics) & set(earlier.topics) & ACCOUNT_TOPICS
    # what both accounts name besides the kind of act: the target, the weapon, the unit
    shared_words = {w for w in set(later.stems) & set(earlier.stems) if not topics_of({w}) and not w.startswith((AGENT, QUOTE))}
    if not shared_topics or len(shared_words) < ACCOUNT_MIN_SHARED_WORDS or same_account(later, earlier):
        return 0.0  # (two sides saying the same thing in the same words agree)
    return len(shared_topics) + 0.5 * len(shared_words)


_PLACES_LEX = load_lexicon("places")
_HELD_PLACE_STEMS = frozenset(_stem(w) for w in _PLACES_LEX["settlement_nouns"] + _PLACES_LEX["region_nouns"]
                              + _PLACES_LEX["site_nouns"])
_SPOILS_STEMS = frozenset(_stem(w) for w in _PLACES_LEX["spoils_nouns"])


def _no_place_taken(claim: StatementKey) -> bool:
    """A claim whose taking is of prisoners or equipment, naming no kind of place ("two had been taken prisoner",
    "photos of five armoured vehicles it captured"), or naming no place at all ("... and two captured, the group
    claimed"): no claim to have taken a place."""
    stems = set(claim.stems)
    if stems & _HELD_PLACE_STEMS:
        return False
    return bool(stems & _SPOILS_STEMS) or not claim.places


def holding_score(holding: StatementKey, claim: StatementKey) -> float:
    """How surely a party's account that a place is still held or fought over (``holding``: "fighting for the town
    continues", "repelled another assault on the town") answers the other party's claim to have taken it (0: not)."""
    if claim.denial or "control" not in claim.topics or CONTESTED in claim.topics or _no_place_taken(claim):
        return 0.0
    if not _opposite_parties(holding, claim) or _one_sentence(holding, claim) or not _close_in_time(holding, claim):
        return 0.0
    shared = set(holding.places) & set(claim.places)
    # (a report that sets the two accounts side by side answers its own claim first)
    return float(len(shared)) + (1.0 if holding.article_id == claim.article_id else 0.0) + 0.5 * len({w for w in set(holding.stems) & set(claim.stems) if not topics_of({w}) and not w.startswith(QUOTE)})


def _one_sentence(a: StatementKey, b: StatementKey) -> bool:
    """Two statements read from one sentence ("X said five of its men died, far fewer than Y had said"): one
    account that cites another, not two accounts."""
    return a.article_id == b.article_id and a.start == b.start


def _opposite_parties(a: StatementKey, b: StatementKey) -> bool:
    """Speakers of the two warring parties: two party sides, or a state's body and an armed group under one side
    code (or one without a side: "a government negotiator" and "the Houthis' prisoners' committee")."""
    sides = {a.side, b.side}
    if sides & NON_PARTY_SIDES:
        return False
    if None not in sides and len(sides) == 2:
        return True
    return len(sides - {None}) <= 1 and civil_war_parties(a.speaker, b.speaker)


ACCOUNT_MIN_SHARED_WORDS = 3
AGREEMENT_MIN_SHARED_WORDS = 3  # specifics two sources must both name to agree (besides the kind of act)
AGREEMENT_MIN_OVERLAP = 0.5  # and the share of the shorter claim's specifics they make up
SAME_ACCOUNT_OVERLAP = 0.75  # share of each claim's specifics: the same account, even from opposite sides
_TIME_WORDS = {"overnight", "today", "yesterday", "morning", "night", "evening", "afternoon", "week", "weekend", "day"}


@lru_cache(maxsize=4096)
def _specific(stem: str) -> bool:
    """A word that says what happened where, not when or by whom: not a kind of act, a day or a side."""
    if stem.startswith((AGENT, QUOTE)) or stem == DENIES_ACT:
        return False  # (a mark, not a word: the agent's name and the quoted words are among the stems too)
    return not topics_of({stem}) and stem not in _CALENDAR and stem not in _TIME_WORDS and not side_of(stem)


def _specifics(k: StatementKey) -> set[str]:
    return {w for w in k.stems if _specific(w)}


_NUMBERS = load_lexicon("numbers")
# words any telling of any incident has: amounts ("at least three"), and the words that place a thing in time or
# space relative to another ("near", "after"); two accounts do not agree because both use them
_COMMON_WORDS = frozenset(_stem(w) for w in [*_NUMBERS["units"], *_NUMBERS["multipliers"], *_NUMBERS["vague"], "least",
                                             "after", "before", "when", "where", "while", "near", "among", "during",
                                             "against", "between", "within", "around", "across", "area", "town"])


def _told_specifics(k: StatementKey) -> frozenset[str]:
    """The specifics that make two tellings one account: not the place's own name (sharing a place is the
    condition of comparing at all), not amounts or relative words."""
    return _told_specifics_of(tuple(k.stems), tuple(k.places))


@lru_cache(maxsize=8192)  # asked for every pair of statements that share a place: each statement many times
def _told_specifics_of(stems: tuple[str, ...], places: tuple[str, ...]) -> frozenset[str]:
    names = {w for p in places if p.startswith("name:") for w in content_stems(p[5:])}
    return frozenset(w for w in stems if _specific(w) and w not in names and w not in _COMMON_WORDS)


def _overlaps(a: StatementKey, b: StatementKey, told: bool = False) -> tuple[int, float, float]:
    """Shared specifics, and their share of the shorter and of the longer claim's specifics (``told``: only the
    specifics that make two tellings one account)."""
    sa, sb = (_told_specifics(a), _told_specifics(b)) if told else (_specifics(a), _specifics(b))
    shared = len(sa & sb)
    lo, hi = sorted((len(sa), len(sb)))
    return shared, shared / lo if lo else 0.0, shared / hi if hi else 0.0


def same_account(a: StatementKey, b: StatementKey) -> bool:
    """Two claims that say the same thing in nearly the same words (most of each one's specifics)."""
    shared, _, of_longer = _overlaps(a, b)
    return shared >= AGREEMENT_MIN_SHARED_WORDS and of_longer >= SAME_ACCOUNT_OVERLAP


def agreement_score(later: StatementKey, earlier: StatementKey) -> float:
    """How surely two sources assert the same thing (0: not): not the two parties' clashing accounts,
    not one speaker repeating itself in one report; the same act of war at the same place, in the same words.
    (One speaker's statement told by two reports is two sources' word for it: "the ministry said ..." in each.)"""
    if later.denial or earlier.denial or not later.speaker or _one_sentence(later, earlier):
        return 0.0
    if later.article_id == earlier.article_id:
        return 0.0  # (one report telling an account in two voices' words tells it once: its sources agree across reports)
    if "casualty" in later.topics or "casualty" in earlier.topics:
        return 0.0  # tolls agree or not through their figures (corroborates, updates, contradicts)
    if not _close_in_time(later, earlier) or not set(later.places) & set(earlier.places):
        return 0.0
    shared_topics = set(later.topics) & set(earlier.topics) & ACCOUNT_TOPICS
    shared, of_shorter, _ = _overlaps(later, earlier, told=True)
    if not shared_topics or shared < AGREEMENT_MIN_SHARED_WORDS or of_shorter < AGREEMENT_MIN_OVERLAP:
        return 0.0
    sides = {later.side, earlier.side}
    if (len(sides - NON_PARTY_SIDES - {None}) > 1 or _opposite_parties(later, earlier)) and not same_account(later, earlier):
        return 0.0  # different sides telling it differently: their accounts, not agreement
    return len(shared_topics) + 0.5 * shared


def _one_party(a: StatementKey, b: StatementKey) -> bool:
    """Two speakers of one warring party: the same party side (not INT/MEDIA/CIV/UNK) or, without one, the same
    speaker ("the Kremlin" and "Russia's defence ministry"; "Hezbollah" told by two reports)."""
    if a.speaker == b.speaker:
        return bool(a.speaker) and a.side not in NON_PARTY_SIDES
    # (a state's body and an armed group fighting it may share the state's side code: not one party)
    return bool(a.side) and a.side == b.side and a.side not in NON_PARTY_SIDES and not civil_war_parties(a.speaker, b.speaker)


def denials_agree_score(later: StatementKey, earlier: StatementKey) -> float:
    """How surely two reports tell one party's denial of one incident (0: not): both denials, by one party, in
    two reports (one report repeating a denial is one source), at most 3 days apart, at a shared place, denying
    that the party did an act ("denied any involvement" and "denied carrying out the strike" deny one thing)."""
    if not (later.denial and earlier.denial) or later.article_id == earlier.article_id:
        return 0.0
    if not _one_party(later, earlier) or not _close_in_time(later, earlier):
        return 0.0
    if not set(later.places) & set(earlier.places):
        return 0.0
    # (a denial that a place fell or that men were taken answers a count or a place that two reports tell
    # differently: only the denials of who did an act are one denial told twice)
    if not set(later.topics) & _WHO_DID_IT or not set(earlier.topics) & _WHO_DID_IT:
        return 0.0
    return 1.0 + 0.5 * len({w for w in set(later.stems) & set(earlier.stems) if _specific(w)})


def told_again_score(later: StatementKey, earlier: StatementKey) -> float:
    """How surely two reports tell one party's statement in its own words (0: not): neither a denial (see
    denials_agree_score), by one party, in two reports, at most 3 days apart, quoting the same words (three
    quoted words in a row that are no stop words: quote_marks): the number of such runs."""
    if later.denial or earlier.denial or later.article_id == earlier.article_id:
        return 0.0
    if not _one_party(later, earlier) or not _close_in_time(later, earlier):
        return 0.0
    return float(len({w for w in later.stems if w.startswith(QUOTE)} & set(earlier.stems)))


def _best(focus: StatementKey, candidates: Iterable[StatementKey], score) -> tuple[StatementKey | None, float]:
    """The best-scoring candidate; ties go to the nearest in the same article, then the first by id."""
    best, best_rank = None, None
    for c in sorted(candidates, key=lambda c: c.statement_id):
        s = score(focus, c)
        if s <= 0:
            continue
        near = -abs(c.start - focus.start) if c.article_id == focus.article_id else -10**9
        rank = (s, near)
        if best_rank is None or rank > best_rank:
            best, best_rank = c, rank
    return best, (best_rank[0] if best_rank else 0.0)


MAX_DENIED_ARTICLES = 3  # a denial answers the claim as each of at most this many articles reports it


def _best_of_each_article(focus: StatementKey, candidates: list[StatementKey], score) -> list[tuple[float, StatementKey]]:
    """(score, candidate) for the best-scoring candidate of each article, best first (then by id)."""
    by_article: dict[str, list[StatementKey]] = defaultdict(list)
    for c in candidates:
        by_article[c.article_id].append(c)
    found = []
    for aid in sorted(by_article):
        best, sc = _best(focus, by_article[aid], score)
        if best is not None:
            found.append((sc, best))
    return sorted(found, key=lambda x: (-x[0], x[1].statement_id))


def _denial_relations(focus: StatementKey, others: list[StatementKey]) -> list[Relation]:
    """A denial contradicts the claim it most plausibly answers in each article that reports one."""
    found = _best_of_each_article(focus, others, denial_score)
    if any(_one_sentence(best, focus) for _, best in found):
        # a denial told in one sentence with the claim it answers answers that claim ("the military struck schools
        # housing command centres, which the group denies", told again in another report: one answer per report)
        found = [x for x in found if _one_sentence(x[1], focus)]
    elif DENIES_ACT in focus.stems and any(_accuses_denier(focus, best) for _, best in found):
        # a denial that its side did it answers the reports that blame it, not those that tell the act alone ("the
        # Kremlin denied Russia was involved" answers "Ukraine blamed Russia", not "39 were killed in the strike")
        found = [x for x in found if _accuses_denier(focus, x[1])]
    out = []
    for _, best in found[:MAX_DENIED_ARTICLES]:
        a, b = sorted([best, focus], key=lambda v: v.order)
        # (an act denied against the blame for it share no topic word: see _accuses_denier)
        shared = ", ".join(sorted(set(focus.topics) & set(best.topics))) or "responsibility"
        out.append(Relation(type="contradicts", a=a.statement_id, b=b.statement_id,
                            note=f"a denial of the claim (shared topic: {shared})",
                            group_id=statement_group(focus.statement_id)))
    return out


def _denial_told_again(focus: StatementKey, others: list[StatementKey]) -> list[Relation]:
    """A denial corroborates the same party's denial of the incident as an earlier report told it."""
    best, _ = _best(focus, [c for c in others if c.order < focus.order], denials_agree_score)
    if best is None:
        return []
    return [Relation(type="corroborates", a=best.statement_id, b=focus.statement_id,
                     note="two reports tell one party's denial that it did it", group_id=statement_group(focus.statement_id))]


MAX_TOLD_REPORTS = 3  # a statement told again corroborates its telling in each of at most this many earlier reports


def _told_in_each_report(focus: StatementKey, earlier: list[StatementKey], score, note: str) -> list[Relation]:
    """Corroborations of ``focus`` with the best-scoring statement of each earlier report (one party's statement
    told by three reports is three pairs of sources, as with the claims a denial answers)."""
    found = _best_of_each_article(focus, earlier, score)
    return [Relation(type="corroborates", a=best.statement_id, b=focus.statement_id, note=note,
                     group_id=statement_group(focus.statement_id)) for _, best in found[:MAX_TOLD_REPORTS]]


def statement_group(focus_id: str) -> str:
    """The group id of the relations a statement chose (replaced together when it is related again)."""
    return stable_id("stg", focus_id)


def relate_focus(focus: StatementKey, candidates: list[StatementKey]) -> list[Relation]:
    """The relation a statement makes: a denial to the claim it denies; an assertion to the other party's
    earlier account of the same incident."""
    others = [c for c in candidates if c.statement_id != focus.statement_id]
    if focus.denial:
        return _denial_relations(focus, others) + _denial_told_again(focus, others)
    if CONTESTED in focus.topics:
        best, _ = _best(focus, others, holding_score)
        if best is not None:
            a, b = sorted([best, focus], key=lambda v: v.order)
            return [Relation(type="contradicts", a=a.statement_id, b=b.statement_id,
                             note=f"one party says it took the place, the other that it still holds it or fights for it: "
                                  f"{best.side} against {focus.side}", group_id=statement_group(focus.statement_id))]
    earlier = [c for c in others if c.order < focus.order]
    best, _ = _best(focus, earlier, account_score)
    if best is not None:
        shared = ", ".join(sorted(set(focus.topics) & set(best.topics) & ACCOUNT_TOPICS))
        return [Relation(type="contradicts", a=best.statement_id, b=focus.statement_id,
                         note=f"the two parties' accounts of one incident ({shared}) differ: {best.side} against {focus.side}",
                         group_id=statement_group(focus.statement_id))]
    best, _ = _best(focus, earlier, agreement_score)
    if best is None:
        return _told_in_each_report(focus, earlier, told_again_score, "two reports quote one party's words")
    shared = ", ".join(sorted(set(focus.topics) & set(best.topics) & ACCOUNT_TOPICS))
    return [Relation(type="corroborates", a=best.statement_id, b=focus.statement_id,
                     note=f"two sources give the same account ({shared})", group_id=statement_group(focus.statement_id))]


def relate_statement_pool(pool: Iterable[StatementKey], foci: set[str] | None = None) -> list[Relation]:
    """Relations chosen by the statements in ``foci`` (all when None) among a pool that holds every
    statement each of them could be related to."""
    pool = {k.statement_id: k for k in pool}
    by_pair: dict[tuple[str, int], list[StatementKey]] = defaultdict(list)
    by_article_topic: dict[tuple[str, str], list[StatementKey]] = defaultdict(list)
    for k in pool.values():
        if k.day is None:
            continue  # never close in time to anything: no score above 0
        for t in k.topics:
            by_article_topic[(k.article_id, t)].append(k)
        for p in k.pairs():
            by_pair[(p, k.day)].append(k)
    out = []
    for sid in sorted(pool):
        if foci is not None and sid not in foci:
            continue
        focus = pool[sid]
        out += relate_focus(focus, list(_candidates(focus, by_pair, by_article_topic).values()))
    return out


def _candidates(focus: StatementKey, by_pair: dict, by_article_topic: dict) -> dict[str, StatementKey]:
    """The statements that can score above 0 with ``focus`` (the others never count; an index, not a rule).

    Every score needs days at most SAME_TIME_DAYS apart and a shared topic; across articles
    (denials) and always (accounts, agreements) a shared place too, hence a shared topic@place
    pair; a denial may also answer a claim of its own article that shares only a topic. An account
    needs a party side, an agreement a speaker and no casualty topic: a statement that can make
    neither has no candidates (so a long article does not compare all its statements with each other)."""
    if focus.day is None:
        return {}
    may_account = focus.side is not None and focus.side not in NON_PARTY_SIDES
    may_agree = bool(focus.speaker) and "casualty" not in focus.topics
    if not focus.denial and not may_account and not may_agree:
        return {}
    days = range(focus.day - SAME_TIME_DAYS, focus.day + SAME_TIME_DAYS + 1)
    pairs = focus.pairs()
    topics = set(focus.topics)
    if focus.denial and topics & _WHO_DID_IT:
        # (a denial of the act answers the blame for it and the reverse: see _accuses_denier)
        topics |= _WHO_DID_IT
        pairs = sorted({f"{t}@{p}" for t in topics for p in focus.places} | set(pairs))
    cands = {c.statement_id: c for p in pairs for d in days for c in by_pair[(p, d)]}
    if focus.denial:
        for t in sorted(topics):
            cands.update({c.statement_id: c for c in by_article_topic[(focus.article_id, t)]})
    if CONTESTED in focus.topics:
        # ("the army said it had repulsed attacks on bases in the region", in the report that tells the group's claim
        # to have taken one camp there: it answers that claim, though the two name the place differently)
        cands.update({c.statement_id: c for c in by_article_topic[(focus.article_id, "control")]})
    return cands


# -- entry points ---------------------------------------------------------------
def dedupe(rels: Iterable[Relation]) -> list[Relation]:
    seen: dict[str, Relation] = {}
    for r in rels:
        seen.setdefault(r.id, r)
    return [seen[k] for k in sorted(seen)]


def relate(results: Iterable[ArticleRecords]) -> list[Relation]:
    """Relations among the statements and figures of a batch (the same whatever the order of the batch)."""
    pairs, skeys = [], []
    for r in results:
        if r.article.status != "ok":
            continue
        figs = {f.id: f for f in credited_figures(r)}
        pairs += [(figs[k.figure_id], k) for k in figure_keys(r)]
        skeys += statement_keys(r)
    return dedupe(relate_figure_groups(pairs) + relate_wide(pairs) + relate_statement_pool(skeys))


def fuse(results: list[ArticleRecords]) -> Batch:
    """Relate the records of a batch and merge events reported by several articles."""
    results = list(results)
    relations = relate(results)
    order = {r.article.id: i for i, r in enumerate(results)}
    events = [e for r in results for e in r.events]
    return Batch(results=results, relations=relations, events=merge_events(events, order))


def stored_events(store) -> list[Event]:
    """The merged events the store keeps (merged when written: see unfog.fusion.events)."""
    return store.records("events")
