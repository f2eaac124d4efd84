"""Merging mentions into events and typing them with ACLED's codebook (docs/events.md, sections 4-5)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from unfog.lexicons.actors import event_actor, known_group
from unfog.lexicons.countries import alpha3
from unfog.lexicons import events as lex
from unfog.lexicons import people
from unfog.extractors.context import Context
from unfog.extractors.query import doc_text
from unfog.nlp.lines import CLOSING
from unfog.model import DateMention, Event, Figure, Place
from unfog.gazetteer.fold import name_key
from unfog.extractors.events.common import (
    CELL_DEG,
    DEFINITE,
    Mention,
    NEAR_SENTENCES,
    RECENT_DRAFTS,
    TEMPORAL_PREPS,
    TOLL_SENTENCES,
    _actor_name,
    _children,
    _entries,
    _hidden,
    _is_heading,
    _is_historical,
    _lemma,
    _parse_day,
    _contains,
    _place_within,
    _same_place,
    _same_time,
    side_of_text,
)
from unfog.extractors.events.arguments import (
    PlacePart,
    _counts_by_place,
    _figure_count,
)
from unfog.extractors.events.triggers import _weapon_of
from unfog.extractors.events.toll import TOLL_RISE, _headline_doers, _toll, _updated_toll


RETOLD_SENTENCES = 4  # a detail retells the lead this close (wire quotes split into many short sentences)
HEADLINE_SENTENCES = 6  # a headline joins the first event told within this many sentences (datelines between)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TELLING_DAYS = 7  # an incident told with no day of its own happened at most this many days before the telling
RETOLD_MIN_COUNT = 2  # a count of dead this large names one incident when told again (one death is too common)


@dataclass
class _Draft:
    mentions: list[Mention]
    # sentence start -> (start, end): the stretch of a sentence that tells this incident, when the
    # sentence tells others too ("13 were killed in X while five were killed in Y")
    stretches: dict[int, tuple[int, int]] = field(default_factory=dict)
    places_apart: list[PlacePart] = field(default_factory=list)  # the places its sentence split its dead over

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def family(self) -> str:
        return lex.family(self.first.kind)

    @property
    def families(self) -> set[str]:
        """A violent event: every violent family its mentions speak of (a killing told with the strike
        that caused it is both); any other event: its own family."""
        if self.first.kind not in lex.VIOLENT_KINDS:
            return {self.family}
        return {lex.family(k) for m in self.mentions for k in m.kinds if k in lex.VIOLENT_KINDS}

    @property
    def last_sent(self) -> int:
        return self.mentions[-1].sent_index

    def place(self) -> Place | None:
        # a headline names the area the story is about ("clash in Colombia's Arauca"); the body says where
        ps = [m.place for m in self.mentions if m.place is not None and m.place_local and not _is_heading(m.sent)]
        ps = ps or [m.place for m in self.mentions if m.place is not None and m.place_local]
        ps = ps or [m.place for m in self.mentions if m.place is not None]
        if not ps:
            return None
        best = min(ps, key=lambda p: p.precision or 3)
        # "an ambush in the state of X", then "opened fire on the outskirts of Y": a town inside the
        # region or country the clause names, where another mention of the incident puts it, is where
        # (but a town named like the region, read from a headline or guessed, where the body says "X province",
        # is the region's name: the body's reading stands)
        inside = [(not m.place_local, m.place_guessed, m.place.precision or 3, _breadth(m.place), m.place) for m in self.mentions
                  if m.place is not None and _same_place(m.place, best) is not True and _contains(best, m.place)
                  and not (name_key(m.place.name) == name_key(best.name)
                           and (_is_heading(m.sent) or m.place_guessed or not m.place_local))]
        return min(inside, key=lambda c: c[:4])[4] if inside else best

    def date(self) -> DateMention | None:
        """The incident's own date first; the day a statement or a dateline gives, only without one."""
        ds = [m.date for m in self.mentions if m.date is not None and not m.date_weak]
        ds = ds or [m.date for m in self.mentions if m.date is not None]
        return min(ds, key=lambda d: d.precision or 3) if ds else None

    def own_date(self) -> DateMention | None:
        ds = [m.date for m in self.mentions if m.date is not None and not m.date_weak]
        return min(ds, key=lambda d: d.precision or 3) if ds else None


def _breadth(p: Place) -> int:
    """How wide a place is among those of one precision: a country, a first-level region, a district, a town."""
    code = p.feature_code or ""
    return 3 if p.kind == "country" or code.startswith("PCL") else 2 if code == "ADM1" else 1 if code.startswith("ADM") else 0


class _Drafts:
    """The events being built, indexed so that a mention is compared with a few drafts, never all:
    the latest drafts of its family, drafts touched in the last sentences, drafts at its place (grid)."""

    def __init__(self) -> None:
        self.all: list[_Draft] = []
        self.rank: dict[int, int] = {}
        self.by_family: dict[str, list[_Draft]] = {}
        self.by_sent: dict[int, list[_Draft]] = {}
        self.by_cell: dict[tuple, list[_Draft]] = {}

    @staticmethod
    def _cell(fam: str, p: Place | None) -> tuple | None:
        if p is None or p.lat is None or p.lon is None:
            return None
        return fam, round(p.lat / CELL_DEG), round(p.lon / CELL_DEG)

    def add(self, m: Mention, d: _Draft | None) -> None:
        if d is None:
            d = _Draft([m])
            self.rank[id(d)] = len(self.all)
            self.all.append(d)
        else:
            d.mentions.append(m)
        for fam in d.families:
            if d not in self.by_family.setdefault(fam, [])[-RECENT_DRAFTS:]:
                self.by_family[fam].append(d)
        self.by_sent.setdefault(m.sent_index, []).append(d)
        cell = self._cell(d.family, m.place)
        if cell is not None and d not in self.by_cell.setdefault(cell, []):
            self.by_cell[cell].append(d)

    def candidates(self, m: Mention, fam: str) -> list[_Draft]:
        found = {id(d): d for d in self.by_family.get(fam, [])[-RECENT_DRAFTS:]}
        for k in range(max(0, m.sent_index - NEAR_SENTENCES), m.sent_index + 1):
            found.update((id(d), d) for d in self.by_sent.get(k, []) if fam in d.families)
        cell = self._cell(fam, m.place)
        if cell is not None:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    found.update((id(d), d) for d in self.by_cell.get((fam, cell[1] + dx, cell[2] + dy), []))
        return sorted(found.values(), key=lambda d: self.rank[id(d)], reverse=True)

    def recent(self) -> list[_Draft]:
        return self.all[-RECENT_DRAFTS:][::-1]


def _merged(ctx: Context, mentions: list[Mention], sents) -> list[tuple[list[Mention], Event, bool]]:
    """The article's events, each with the mentions it was merged from and whether it has a day of its own
    (what the learned filter of :mod:`doubt` reads)."""
    drafts = _Drafts()
    for m in mentions:
        drafts.add(m, _merge_target(ctx, m, drafts))
    _attach_toll_updates(ctx, drafts)
    _told_ahead(drafts)
    _headline_counts(drafts)
    _headline_of_the_body(drafts)
    out = []
    split: set[int] = set()
    apart = {id(d): _apart_by_place(ctx, d, split) for d in drafts.all}
    _lead_totals(drafts)
    for d in drafts.all:
        ev = _to_event(ctx, d)
        out += [(d.mentions, e, _own_day(d)) for e in [ev] + _at_the_other_towns(ctx, d, ev)]
        for part in apart[id(d)]:
            pev = _to_event(ctx, part)
            lo = min(part.stretches.values())[0]
            pev = replace(pev, id=ctx.make_id("evt", pev.start, pev.end, part.first.primary.idx, lo))
            out.append((part.mentions, pev, _own_day(part)))
    _vague_earlier_incidents(out)
    return out


def _vague_earlier_incidents(out: list[tuple[list[Mention], Event, bool]]) -> None:
    """"Last week at least 13 civilians were killed in northern Burkina Faso", "Last month, ... after several
    people were killed in an attack in Amhara": an incident told after the story's lead, dated only by a week or
    a month before the lead's day and placed no more precisely than a region (or nowhere), is recalled as
    background: ACLED codes what it can place and date, and the story tells it as the setting of its news."""
    told = sorted((x for x in out if x[1].event_type in VIOLENT_TYPES and not set(x[1].tags) & lex.HIDDEN_TAGS),
                  key=lambda x: (min(m.sent_index for m in x[0]), x[1].start))
    if len(told) < 2 or not told[0][1].date:
        return
    lead = told[0][1]
    for ms, ev, _ in told[1:]:
        if ("undated" in ev.tags or (ev.time_precision or 1) < 2 or not ev.date
                or (ev.lat is not None and (ev.geo_precision or 3) < 3) or ms[0].kind == "territory"):
            continue  # (a change of control, "captured a village in X territory earlier this week", is coded by the week)
        if ev.date < lead.date:
            ev.tags = sorted(set(ev.tags) | {"background"})


def _own_day(d: _Draft) -> bool:
    """The draft is dated by a day of its own (not a week, a month or the publication day)."""
    return d.own_date() is not None and (d.own_date().precision or 1) == 1


def _apart_by_place(ctx: Context, d: _Draft, split: set[int]) -> list[_Draft]:
    """"13 people were killed in X while five were killed in Y": one sentence of the draft tells its dead
    at several named places, each with its own count (arguments._counts_by_place). ACLED codes one
    incident per place: the draft keeps the first place, its count and its stretch of the sentence (the
    lead's total told before joins it and does not compete: the parts are lower); each other place is
    an incident of its own, with its own count, place, stretch and the draft's day. The draft's
    counts that tell another place's dead again ("the five killed in Y were all shot") leave it. A
    sentence is split once (``split``: the sentences split in drafts before)."""
    out: list[_Draft] = []
    for m in list(d.mentions):
        sent = m.sent
        if sent.start_char in split:
            continue
        split.add(sent.start_char)
        parts = _counts_by_place(ctx, sent)
        if not parts:
            continue
        first, others = parts[0], parts[1:]
        here = [x for x in d.mentions if x.sent.start_char == sent.start_char]
        day, where = d.date(), d.place()
        for p in others:
            host = next((x for x in here if p.start <= x.primary.idx < p.end), here[0])
            if host is not d.first and p.start <= host.primary.idx < p.end:
                d.mentions.remove(host)
            dead = p.figure is not None and p.figure.category == "killed"  # (a count of the wounded is no toll)
            # (the act's kinds and weapon the draft told, "shelling killed 13", type the part as the whole)
            kinds = host.kinds + [k for x in d.mentions for k in x.kinds if k not in host.kinds and k in lex.VIOLENT_KINDS]
            part_m = replace(host, kinds=kinds, weapon=host.weapon or next((x.weapon for x in d.mentions if x.weapon), None),
                             tags=set(host.tags), figures=[p.figure] if dead else [],
                             counts={k: v for k, v in host.counts.items() if dead and k == p.figure.id},
                             single_death=0 if p.figure else p.count, place=p.place or host.place or where,
                             place_local=True, also_places=[], date=host.date or day,
                             date_weak=host.date_weak if host.date else bool(day) and not d.own_date())
            out.append(_Draft([part_m], {sent.start_char: (p.start, p.end)}))
        moved = {p.figure.id for p in others if p.figure is not None}
        again = {p.count for p in others} - {first.count}
        taken = [p.place for p in others if p.place is not None]
        category = (first.figure or next((p.figure for p in others if p.figure), None)).category
        for i, x in enumerate(d.mentions):
            ours = x.sent.start_char == sent.start_char
            figs = [f for f in x.figures if f.id not in moved and (ours or f.category != category or not (
                _figure_count(f) in again or _total_of(f, parts)))]
            if ours:
                x = replace(x, figures=figs, counts={k: v for k, v in x.counts.items() if k not in moved},
                            place=first.place or x.place, place_local=True,
                            also_places=[q for q in x.also_places if not any(_same_place(q, t) for t in taken)])
            elif len(figs) < len(x.figures):
                x = replace(x, figures=figs)
            d.mentions[i] = x
        own = next((k for k, x in enumerate(d.mentions) if x.sent.start_char == sent.start_char
                    and first.start <= x.primary.idx < first.end), None)
        if (own is not None and first.figure is not None and first.figure.category == "killed"
                and first.figure not in d.mentions[own].figures):
            # (a part the figure reader tied to a total told before was left unattached: it is this place's count)
            d.mentions[own] = replace(d.mentions[own], figures=d.mentions[own].figures + [first.figure])
        d.stretches[sent.start_char] = (first.start, first.end)
        d.places_apart = parts
    return out


def _total_of(f: Figure, parts: list[PlacePart]) -> bool:
    """The count the parts told at their places add up to ("18 were killed": 13 in X and five in Y), or the
    total the figure reader found they are parts of."""
    return _figure_count(f) == sum(p.count for p in parts) or any(p.figure is not None and p.figure.subset_of == f.id for p in parts)


def _lead_totals(drafts: _Drafts) -> None:
    """"Gunmen killed 18 in two villages on Sunday ... 13 were killed in X while five were killed in Y": a
    lead told apart from the sentence that splits its dead over their places (the merge kept it apart)
    counts only their total; it is no incident of its own but the first place's (its day, its doers,
    not its count)."""
    for d in list(drafts.all):
        if not d.places_apart:
            continue
        for lead in drafts.all[:drafts.all.index(d)]:
            killed = [f for x in lead.mentions for f in x.figures if f.category == "killed"]
            if (killed and not lead.places_apart and all(_total_of(f, d.places_apart) for f in killed) and lead.first.kind in lex.VIOLENT_KINDS
                    and _hidden(lead.first) == _hidden(d.first) and lead.mentions[-1].entry == d.first.entry
                    and _place_within(lead.place(), d.place())):
                d.mentions[:0] = [replace(x, figures=[], counts={}) for x in lead.mentions]
                drafts.all.remove(lead)
                break


def _told_ahead(drafts: _Drafts) -> None:
    """"A surgeon treated dozens hurt in the strike. Jets hit a market on Friday, killing nine": an article opening on "the strike" (nothing told before it, no day of its own)
    names the incident told right after it; the two are one event."""
    if len(drafts.all) < 2:
        return
    first, nxt = drafts.all[0], drafts.all[1]
    m = first.first
    if (m.sent_index > 1 or m.primary.pos_ != "NOUN" or not _definite_act(m) or first.own_date() is not None
            or _hidden(m) or _hidden(nxt.first) or not first.families & nxt.families
            or not 0 < nxt.first.sent_index - m.sent_index <= NEAR_SENTENCES or nxt.first.entry != m.entry
            or any(f.category == "killed" for x in first.mentions for f in x.figures)):
        return
    nxt.mentions.extend(first.mentions)
    drafts.all.remove(first)


def _headline_counts(drafts: _Drafts) -> None:
    """"Bomb kills two soldiers in X; villagers accuse troops of killing five in Y": a headline's second
    incident, placed nowhere the gazetteer knows and with no day of its own, is the body's incident
    that counts the same dead (one violent event with that count told after it)."""
    for h in list(drafts.all):
        m = h.first
        if (len(h.mentions) > 1 or m.sent_index != 0 or m.sent.text.strip().endswith(CLOSING) or _hidden(m) or m.place is not None
                or m.kind not in lex.VIOLENT_KINDS or (m.date is not None and not m.date_weak)):
            continue
        counts = {f.value for f in m.figures if f.category == "killed" and f.value}
        same = [d for d in drafts.all if d is not h and not _hidden(d.first) and d.first.kind in lex.VIOLENT_KINDS
                and d.first.sent_index > 0 and counts & {f.value for x in d.mentions for f in x.figures if f.category == "killed"}]
        if counts and len(same) == 1:
            same[0].mentions.append(m)
            drafts.all.remove(h)


def _headline_of_the_body(drafts: _Drafts) -> None:
    """"Niger mourns after 20 soldiers killed in X" over a standfirst, a date line and "Twenty soldiers and
    a civilian were killed in an attack ... near the village of Y": a headline tells again, in short, what
    the body tells. A violent headline left on its own (no mention of it below, the sentence rules found
    no lead to join) is the body's first shown violent incident of its family (else of any violent family)
    at a place that can be the headline's (so is the standfirst joined to it, when neither names where or
    when: "Authorities accuse X of carrying out the attack"); its counts (rounded, or a sum over the body's incidents) never
    compete with the body's own toll."""
    if len(drafts.all) < 2:
        return
    h = drafts.all[0]
    m = h.first
    if (m.sent_index != 0 or not _is_heading(m.sent) or any(x.sent_index > 1 for x in h.mentions)
            or _hidden(m) or m.kind not in lex.VIOLENT_KINDS):
        return
    if any(x.sent_index == 1 for x in h.mentions) and (h.place() is not None or h.own_date() is not None):
        return  # the headline and a standfirst under it, placed and dated nowhere, point at the body's story
    body = [d for d in drafts.all[1:] if not _hidden(d.first) and d.first.kind in lex.VIOLENT_KINDS
            and d.first.entry == m.entry and _place_within(m.place, d.place())]
    target = next((d for d in body if d.families & h.families), body[0] if body else None)
    if target is None:
        return
    has_toll = any(f.category == "killed" for x in target.mentions for f in x.figures)
    for x in h.mentions:
        target.mentions.append(replace(x, figures=[], counts={}) if has_toll else x)
    drafts.all.remove(h)


def _at_the_other_towns(ctx: Context, d: _Draft, ev: Event) -> list[Event]:
    """"launched drone attacks on the city of X and the city of Y": ACLED codes one event per location;
    remote violence only
    the other towns hit get an event each, like the first but for its place and with no toll of its own
    (the text does not split it)."""
    # (the event's place is the first mention's: the same town, whichever mention's record of it)
    if ev.place_id is None or not d.first.also_places or not _same_place(d.first.place, d.place()) or ev.event_type != "Explosions/Remote violence":
        return []  # (strikes on several towns; a fight or a siege told of several towns is often one front)
    out = []
    for p in d.first.also_places:
        out.append(replace(ev, id=ctx.make_id("evt", ev.start, ev.end, d.first.primary.idx, p.start),
                           place=p.canonical or p.name, place_id=p.id, geonames_id=p.geonames_id, lat=p.lat, lon=p.lon,
                           geo_precision=p.precision or 1, fatalities=None, figure_ids=[]))
    return out


def _attach_toll_updates(ctx: Context, drafts: _Drafts) -> None:
    """"Rescuers pulled three more bodies from the rubble of the monastery in X, bringing the toll to 14":
    a toll raised in a sentence that names no act is the toll of the latest incident told before it at
    the place it names (a later live-blog entry too), or, naming no place, in its own entry."""
    attached = {f.id for d in drafts.all for m in d.mentions for f in m.figures}
    entries = _entries(ctx.text)
    for f in ctx.figures:
        if f.category != "killed" or f.id in attached or not _updated_toll(ctx.text, f):
            continue
        span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None:
            continue
        here = [p for p in ctx.places if span.sent.start_char <= p.start < span.sent.end_char and p.lat is not None]
        entry = bisect.bisect_right(entries, f.start)
        before = [d for d in drafts.all if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first)
                  and d.mentions[-1].sent.end_char <= f.start]
        for d in before[::-1]:
            if (any(_same_place(p, d.place()) for p in here) if here else d.mentions[-1].entry == entry):
                d.mentions[-1].figures.append(f)
                break


def _other_actor(m: Mention, d: _Draft) -> bool:
    """Both name a perpetrator, and not the same one (by side, or by name when sides are unknown)."""
    other = next((x.actor1 for x in d.mentions if x.actor1 and not x.denied), None)
    if not m.actor1 or not other or m.denied:
        return False
    if _generic_doer(m.actor1.lower().split()[-1]) or _generic_doer(other.lower().split()[-1]):
        return False  # "Ugandan rebels", then "the ADF": a noun for whoever did it may name any group
    if lex.family(m.kind) == lex.family("battle") and d.family == lex.family("battle") and (
            _same_party(m.actor1, [x.actor2 for x in d.mentions]) or _same_party(other, [m.actor2])):
        return False  # "troops killed seven Maoists ... the Maoists launched an attack on the police": one fight
    sa, sb = side_of_text(m.actor1), side_of_text(other)
    if sa and sb:
        return sa != sb
    if sa or sb:
        return False
    ha, hb = m.actor1.lower().split()[-1], other.lower().split()[-1]
    if _state_forces_named(m.actor1) and _state_forces_named(other):
        return False  # "Army pulls out of X", then "Army troops withdrew from X": one state's forces
    return ha != hb


def _headline_above(m: Mention, drafts: _Drafts, fams: set[str]) -> _Draft | None:
    """"Guerrilla attack leaves 12 dead" over "The group killed 11 soldiers and a policeman on Monday": a
    headline's violent act and the lead right under it are one incident even when their words fall in
    different families (an attack, a killing); same-family pairs are joined by the usual rules."""
    if m.kind not in lex.VIOLENT_KINDS or _hidden(m):
        return None
    for d in drafts.recent():
        if d.last_sent != m.sent_index - 1:
            continue
        if (len(d.mentions) == 1 and d.last_sent <= HEADLINE_SENTENCES and d.first.kind in lex.VIOLENT_KINDS
                and not fams & d.families and not _hidden(d.first) and _is_heading(d.first.sent)
                and d.first.entry == m.entry and _place_within(m.place, d.place()) and not _other_actor(m, d)):
            return d  # ("blast hits police patrol in <country>" over "an attack in <a region of it>": one incident)
    return None


def _fight_told_after(m: Mention, drafts: _Drafts) -> tuple[bool, _Draft | None]:
    """"The attackers fled after a firefight that lasted an hour": the fight that ended an attack on an
    army post is that attack; one that ended a raid on civilians (police reinforcements against the
    gang) is a clash of its own, where and when the raid was. (decided, the event it joins)"""
    t = m.primary
    if (m.kind != "battle" or t.dep_ != "pobj" or t.head.lower_ not in TEMPORAL_PREPS
            or (m.date is not None and not m.date_weak) or (m.place_local and not m.place_unresolved and m.place is not None)):
        return False, None
    for d in drafts.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) or d.mentions[-1].entry != m.entry:
            continue
        if m.sent_index - d.last_sent > NEAR_SENTENCES:
            return False, None
        m.place, m.place_unresolved, m.place_local, m.place_guessed = d.place(), False, False, False
        m.date, m.date_weak = d.date(), False
        return True, (None if "civilians" in {_target_class(x) for x in d.mentions} else d)
    return False, None


def _victims_buried(m: Mention, drafts: _Drafts) -> _Draft | None:
    """"Villagers buried the dead in mass graves": the burial of an incident's dead, told after
    it, is part of it, not the discovery of a mass grave."""
    if m.kind != "mass_grave" or (m.date is not None and not m.date_weak):
        return None
    verb = m.primary.head.head if m.primary.dep_ == "pobj" else m.primary.head
    dead = [o for o in _children(verb, "dobj", "nsubjpass") if _lemma(o) in lex.DEAD_NOUNS or o.lower_ in lex.DEAD_NOUNS]
    if _lemma(verb) != "bury" or not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for o in dead for c in o.children):
        return None
    for d in drafts.recent():
        if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first) and m.sent_index - d.last_sent <= RETOLD_SENTENCES:
            return d
    return None


def _same_toll_told(m: Mention, drafts: _Drafts) -> _Draft | None:
    """"Al Shabaab killed 12 soldiers and captured a base ... The military recaptured it ... An officer
    said 12 soldiers were killed": a bare toll repeating an incident's count (same number, same noun)
    is that incident's, not the one told just before."""
    if set(m.kinds) != {"killing"} or (m.place_local and m.place is not None) or (m.date is not None and not m.date_weak):
        return None
    counts = {(f.value, (f.counted or "").lower().split()[-1:][0] if f.counted else "") for f in m.figures
              if f.category == "killed" and f.value}
    if not counts:
        return None
    for d in drafts.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) != _hidden(m) or d.mentions[-1].entry != m.entry:
            continue
        told = {(f.value, (f.counted or "").lower().split()[-1:][0] if f.counted else "") for x in d.mentions for f in x.figures
                if f.category == "killed" and f.value}
        if counts & told:
            return d
    return None


def _killed_counts(ms: list[Mention]) -> set[int]:
    return {int(f.value) for x in ms for f in x.figures if f.category == "killed" and f.value}


def _same_count_retold(ctx: Context, m: Mention, drafts: _Drafts) -> _Draft | None:
    """"Gunmen killed five villagers in X on Sunday ... 'five people lost their lives as a result of a bandit
    attack,' the commissioner said": a violent act told later with the same count of dead as an incident
    told before, at a place that can be the incident's (the same, one holding the other, or none of its own)
    and on a day that fits, is that incident told again by another source (a statement, a quote, a
    police account), not a second incident with the same toll. ("Another", "separately": told apart earlier.)"""
    if m.kind not in lex.VIOLENT_KINDS or m.kind == "territory" or _hidden(m) or m.denied:
        return None
    counts = {c for c in _killed_counts([m]) if c >= RETOLD_MIN_COUNT}
    if not counts or _told_besides(m):
        return None
    # the incident the story is telling when the count comes (not an older one that happens to share it)
    d = max((d for d in drafts.recent() if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first)
             and d.mentions[-1].entry == m.entry and d.last_sent < m.sent_index),
            key=lambda d: (d.last_sent, drafts.rank[id(d)]), default=None)
    if d is None or not counts & _killed_counts(d.mentions):
        return None
    place = None if m.place_guessed or not m.place_local else m.place
    if (_other_actor(m, d) or not _place_within(place, d.place())
            or _same_time(None if m.date_weak else m.date, d.own_date(), ctx.published) is False
            or _told_long_before(m, d) or _is_historical(ctx, m.date) != _is_historical(ctx, d.date())):
        return None
    return d


def _told_besides(m: Mention) -> bool:
    """"Two militants were also killed in a gunfight", "the governor also told of attacks on a base": the
    sentence adds to what was told (`additive_adverbs`), it does not tell it again."""
    return any(t.dep_ == "advmod" and t.lower_ in lex.ADDITIVE_ADVERBS for t in m.sent)


def _more_victims(m: Mention) -> bool:
    """"Six were killed in shelling of X, while four others died in an air strike": the act's own count of dead
    is of more victims (`addition_words`). Said in the sentence that told the incident, it tells a second act;
    in a later sentence it may as well finish the first one's list, so only the sentence counts (caller)."""
    return any(f.category == "killed" and set(f.text.lower().split()) & lex.ADDITION_WORDS for f in m.figures)


def _takes_back(m: Mention, d: _Draft) -> bool:
    """The mention takes back ("recaptured", `reversal_verbs`) a place whose capture the draft tells."""
    back = any(k == "territory" and _lemma(t) in lex.REVERSAL_VERBS for t, k in zip(m.tokens, m.kinds))
    taken = any(k == "territory" and _lemma(t) not in lex.REVERSAL_VERBS for x in d.mentions for t, k in zip(x.tokens, x.kinds))
    return back and taken


def _same_party(actor: str | None, others: list) -> bool:
    """The actor is named (by its head word) as one of the other mentions' targets."""
    head = (actor or "").lower().split()[-1:]
    return bool(head) and any(o and o.lower().split()[-1:] == head for o in others)


def _generic_doer(word: str) -> bool:
    generic = lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS
    return word in generic or word.rstrip("s") in generic or word.replace("men", "man") in generic


def _told_before(ctx: Context, m: Mention, drafts: _Drafts, definite: bool, own_place: bool) -> _Draft | None:
    """The incident a mention tells again, by what it says of it rather than by kind, place and time:
    the denier's own account, protesters arrested, a withdrawal from a town just taken, a toll raised,
    a party's claim about the fight told before, the headline, a definite "the attack", a bare toll."""
    counter = (_denier_account(m, drafts) or _protesters_arrested(m, drafts) or _suspects_after_fight(m, drafts) or _withdrawal_from_taken(m, drafts)
               or _destruction_in_the_raid(m, drafts) or _same_toll_told(m, drafts) or _same_count_retold(ctx, m, drafts)
               or _victims_buried(m, drafts)
               or _protest_dispersed(m, drafts) or _party_account(m, drafts) or _asked_about(m, drafts)
               or _protest_of_the_arrested(m, drafts) or _perpetrator_account(m, drafts) or _crowd_of_the_killing(m, drafts))
    if counter is not None:
        return counter
    if _toll_reference(m):
        # "..., bringing the toll in that attack to two": an incident told before (in a live blog, in another
        # entry); "the toll from last night's air strike": the latest of the kind it names first
        told = [d for d in drafts.recent() if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first)
                and _same_place(m.place, d.place()) is not False]
        kin = [d for d in told if lex.family(m.kind) in d.families]
        if kin or told:
            return (kin or told)[0]
    if m.kind == "territory" and m.claimed and m.date is None and not own_place and not _hidden(m):
        # "The group said its fighters had overrun the base": a party's claim about the fight told just before
        for d in drafts.recent():
            if (d.family == lex.family("battle") and not _hidden(d.first) and m.sent_index - d.last_sent <= RETOLD_SENTENCES
                    and d.mentions[-1].entry == m.entry and _same_place(m.place, d.place()) is not False):
                return d
    if definite and m.kind == "protest" and not own_place and m.date is None:
        crowd = _crowd_told_before(m, drafts)
        if crowd is not None:
            return crowd
    head = _headline_told(m, drafts)
    if head is not None:
        return head  # "Gunmen kill six at a party - police", then "Gunmen opened fire on a party ..., killing six"
    if definite and _lemma(m.primary) in lex.GENERIC_ANAPHORS and not own_place and m.date is None and not m.denied:
        # "A grenade killed two. No group has claimed the attack.": the incident told just before, whatever
        # kind its own words named, not an older one of the noun's kind
        latest = max((d for d in drafts.recent() if d.first.kind in lex.VIOLENT_KINDS and _hidden(d.first) == _hidden(m)),
                     key=lambda d: (d.last_sent, d.mentions[-1].primary.idx), default=None)
        if latest is not None and m.sent_index - latest.last_sent <= 1 and latest.mentions[-1].entry == m.entry:
            return latest
    if m.kinds == ["killing"] * len(m.kinds) and not own_place and m.date is None and not m.denied:
        # "Police exchanged fire with gang members ... Two gang members were killed": the toll of the act
        # told in the sentence just before, not of an older incident at the same place
        for d in drafts.recent():
            if (d.first.kind in lex.VIOLENT_KINDS and d.last_sent == m.sent_index - 1 and _hidden(d.first) == _hidden(m)
                    and d.mentions[-1].entry == m.entry and not _other_actor(m, d)):
                return d
    return None


def _crowd_told_before(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"... among 10,000 people clashing with soldiers. 20 were injured in the protest": "the protest" names the
    crowd's incident told just before in the same entry (a protest, a riot, a crowd clash), not a new protest."""
    d = _last_told(m, d_all, 2)
    if d is not None and ({"protest", "riot"} & {k for x in d.mentions for k in x.kinds} or _crowd_clash(d)):
        return d
    return None


def _crowd_of_the_killing(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Troops shot dead a man during a protest ... he was among 10,000 people clashing with soldiers": the crowd
    clash told just after a killing told as done during a protest (same entry) is the protest the man died in,
    one violent demonstration with his death, not a clash of its own."""
    if m.kind != "battle" or not _crowd_clash(_Draft([m])):
        return None
    d = _last_told(m, d_all, 1)
    return d if d is not None and any({"killing", "protest"} <= set(x.kinds) for x in d.mentions) else None


def _last_told(m: Mention, d_all: _Drafts, gap: int) -> _Draft | None:
    """The incident told last before ``m`` in its entry, at most ``gap`` sentences before it, shown or hidden as ``m``
    is: the one a retelling can name (an incident told in between takes its place)."""
    for d in sorted(d_all.recent(), key=lambda x: x.last_sent, reverse=True):
        if d.mentions[-1].entry == m.entry and 0 <= m.sent_index - d.last_sent <= gap and _hidden(d.first) == _hidden(m):
            return d
    return None


def _protest_dispersed(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Hundreds took to the streets ... Security forces fired into the air to disperse the crowds": forces
    breaking up the protest told just before (no day or town of its own) are that protest's intervention."""
    if _hidden(m) or m.figures or m.single_death or (m.date is not None and not m.date_weak):
        return None
    low = m.sent.text.lower()
    if not any(c in low for c in lex.INTERVENTION_CUES):
        return None
    for d in d_all.recent():
        if d.first.kind not in ("protest", "riot") or _hidden(d.first) or d.mentions[-1].entry != m.entry:
            continue
        if not 0 <= m.sent_index - d.last_sent <= 1:
            return None
        if m.place_local and _same_place(m.place, d.place()) is False and not _within_region(m.place, d.place()):
            return None
        m.place_local = False
        return d
    return None


def _party_account(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Fighters clashed near X ... The group's TV said its forces had repelled an enemy advance", "The army
    said its men had killed seven": a party's account of its own forces' part in the fight told just
    before (no day or town of its own) is that fight, told by one side."""
    if not m.claimed or _hidden(m) or m.denied or (m.date is not None and not m.date_weak):
        return None
    fam = lex.family(m.kind)
    if fam != "remote" and any(lex.family(k) != lex.family("battle") and k not in ("killing", "withdrawal") for k in m.kinds):
        return None  # (also "his unit had withdrawn from the area in good order": its side of the fight's end)
    own = [x for t in m.tokens for x in _children(t, "nsubj")
           if any(c.dep_ == "poss" and c.lower_ in lex.PARTY_POSSESSIVES for c in x.children)]
    if not own:
        return None
    named_by_claimant = m.place is not None and m.claimant and m.place.name.lower() in m.claimant.lower()
    wide = m.place is not None and (m.place.kind == "country" or (m.place.feature_code or "") == "ADM1")
    if m.place_local and m.place is not None and not named_by_claimant and not wide:
        return None
    for d in d_all.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) or d.mentions[-1].entry != m.entry:
            continue
        if d.family != (fam if fam == "remote" else lex.family("battle")) or not 0 < m.sent_index - d.last_sent <= RETOLD_SENTENCES:
            return None
        if wide and not named_by_claimant and m.place.kind != "country" and not _within_region(m.place, d.place()):
            return None  # ("its aircraft had hit positions in Y province": the province holding the strike's town)
        m.place, m.place_local, m.place_guessed = d.place(), False, False  # (its words name the speaker, not the place)
        return d
    return None


def _perpetrator_account(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"An air strike on a village killed ten, the health ministry said ... The army said its air force had
    attacked a weapons depot in the area": the perpetrator's own version of a violent incident told just
    before (its claimant is of the side that did it), with no day of its own and no town the gazetteer
    places elsewhere, is that incident told by the other party, whatever target it names."""
    if not m.claimed or not m.claimant_side or _hidden(m) or m.denied or m.kind not in lex.VIOLENT_KINDS:
        return None
    if m.date is not None and not m.date_weak:
        return None
    for d in d_all.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) or d.mentions[-1].entry != m.entry:
            continue
        if not 0 < m.sent_index - d.last_sent <= RETOLD_SENTENCES:
            return None
        doer = next((x.actor1 for x in d.mentions if x.actor1 and not x.denied), None)
        if side_of_text(doer) != m.claimant_side or any(x.claimant_side == m.claimant_side for x in d.mentions):
            return None  # (the latest incident only; one the same side already told is not retold by it)
        if m.place_local and m.place is not None and _place_within(m.place, d.place()) is False:
            return None
        m.place, m.place_local, m.place_guessed = d.place(), False, False
        return d
    return None


def _protest_of_the_arrested(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Police detained 15 activists who had staged a sit-in outside the press club on Tuesday": the protest
    told in the sentence of its protesters' arrest is the event that arrest intervened in (one event)."""
    if m.kind != "protest" or _hidden(m):
        return None
    for d in d_all.by_sent.get(m.sent_index, [])[::-1]:
        if d.first.kind == "arrest" and not _hidden(d.first) and (d.first.actor2_head or "") in lex.PROTESTER_NOUNS | {
                "protester", "demonstrator", "activist"}:
            return d
    return None


def _asked_about(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"The army had not answered questions about the raid by Tuesday evening": an act named as what is
    asked or told about (`reference_preps`) points back at the incident just told; its day is the telling's."""
    t = m.primary
    if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.head.lower_ not in lex.REFERENCE_PREPS or not _definite_act(m) or _hidden(m):
        return None
    for d in d_all.recent():
        if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first) and d.mentions[-1].entry == m.entry:
            if not 0 <= m.sent_index - d.last_sent <= NEAR_SENTENCES:
                return None
            m.date, m.date_weak, m.place_local = None, False, False
            return d
    return None


def _headline_told(m: Mention, drafts: _Drafts) -> _Draft | None:
    """The headline, the only event so far, told again by the lead in its own words."""
    head = drafts.all[0] if len(drafts.all) == 1 and drafts.all[0].last_sent == 0 else None
    if (head is not None and _is_heading(head.mentions[-1].sent) and 0 < m.sent_index <= HEADLINE_SENTENCES
            and {lex.family(k) for k in m.kinds} & head.families and not _hidden(m) and not _hidden(head.first)
            and _place_within(m.place, head.place())):  # "... in southern Cabo Delgado", then a village in it
        return head
    return None


def _merge_target(ctx: Context, m: Mention, drafts: _Drafts) -> _Draft | None:
    fam = lex.family(m.kind)
    hist = _is_historical(ctx, m.date)
    definite = m.primary.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in m.primary.children)
    # (a country named in the clause, "The South Sudan People's Defence Forces said four soldiers were
    # killed", places nothing more precisely than the incident told before)
    own_place = m.place is not None and m.place_local and not (m.place.kind == "country" and m.kind == "killing")
    told = _told_in_the_same_sentence(m, drafts)
    if told is not None or (m.kind in lex.VIOLENT_KINDS and _another_incident(m)):
        # "Earlier on Tuesday, another strike killed one": not the event told before; but the
        # headline is the story's own ("... killed in a new rebel attack" under it)
        return told or _headline_told(m, drafts)
    decided, after = _fight_told_after(m, drafts)
    if decided:
        return after
    early = _told_before(ctx, m, drafts, definite, own_place)
    if early is not None:
        return early
    # a violent mention may join an event of any violent family it speaks of ("gunmen stormed in and
    # occupied it": the fight and the capture told before)
    fams = {fam} | ({lex.family(k) for k in m.kinds if k in lex.VIOLENT_KINDS} if m.kind in lex.VIOLENT_KINDS else set())
    headline = _headline_above(m, drafts, fams)
    if headline is not None:
        return headline
    found = {id(d): d for f in sorted(fams) for d in drafts.candidates(m, f)}
    for d in sorted(found.values(), key=lambda d: drafts.rank[id(d)], reverse=True):
        if not fams & d.families or _is_historical(ctx, d.date()) != hist or _hidden(d.first) != _hidden(m):
            continue
        if d.mentions[-1].entry != m.entry or _other_actor(m, d):
            continue  # another live-blog entry, another perpetrator: another incident
        if _other_targets(m, d):
            continue  # an army post attacked, a camp of displaced people stormed: two incidents
        if _takes_back(m, d):
            continue  # "militants captured a base ... the military recaptured it": two changes of control
        if fam == "remote" and own_place and _other_weapon_elsewhere(m, d):
            continue  # a drone in one town, mortars in another: two incidents
        close = m.sent_index - d.last_sent <= NEAR_SENTENCES
        if m.sent_index - d.last_sent == 1 and (_is_heading(d.mentions[-1].sent) or _is_heading(m.sent)):
            return d  # a headline or an entry's heading, then the sentence that tells it
        if d.last_sent == 0 and m.sent_index <= HEADLINE_SENTENCES and _is_heading(d.mentions[-1].sent) and len(drafts.all) == 1:
            return d  # the headline, then a dateline the parser made a sentence of, then the lead
        if _told_long_before(m, d):
            continue  # "three were killed, officials said on Friday", then "a strike in late August": an earlier one
        same_place = _same_place(m.place, d.place())
        # the day a statement or a dateline gives says when it was told, not when it happened
        same_time = _same_time(None if m.date_weak else m.date, d.own_date(), ctx.published)
        if not m.denied and definite and m.date is not None and not m.date_weak and same_time is False and own_place and same_place is False:
            continue  # "The Friday attack coincided with an assault on a prison in Y": its own day and place
        if m.denied or (definite and ((not own_place and m.date is None) or close)):
            return d
        if same_place is False and close and m.kind in lex.VIOLENT_KINDS and _within_region(m.place, d.place()):
            same_place = None  # "an ambush in X state", then "gunmen opened fire" in a town of X: maybe one
        if same_place is False or same_time is False:
            continue
        if same_place and (same_time or close):
            return d
        if same_place and fam != "evacuation" and m.date is None:
            return d  # an undated mention of a fight, siege or claim over the same place
        if same_place is None and close and not _two_named_places(m, d):
            return d
    if m.denied:
        # "denied that its forces had attacked the theatre": the denial of the violent event told here
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first) and _same_place(m.place, d.place()) is not False:
                return d
    if m.anaphoric and m.date is None:
        # "its forces had repelled the assault": the assault told just before, whoever repelled it
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= 1:
                return d
    retold = _retold(ctx, m, drafts, definite) or _weapon_of_the_attack(ctx, m, drafts)
    if retold is not None:
        return retold
    if m.kind in ("killing", "abduction") and not m.denied and not own_place and m.date is None:
        # "A jet dropped bombs on the village. Ten people were killed, he said": the strike's toll; "They
        # also abducted many women": the people taken in the raid told just before, no incident of its own
        for d in drafts.recent():
            if (d.first.kind in lex.VIOLENT_KINDS and (d.first.kind != "killing" or m.kind == "abduction") and _hidden(d.first) == _hidden(m)
                    and 0 < m.sent_index - d.last_sent <= TOLL_SENTENCES and d.mentions[-1].entry == m.entry
                    and not _other_actor(m, d)):
                return d
        one = _one_of_the_dead(m, drafts)
        if one is not None:
            return one
    if m.kind == "killing" and not own_place and m.date is None and (m.actor2_head or "") in lex.COMBATANT_NOUNS:
        # "Fighting continued around the town. Two soldiers were killed": the toll of that fight
        for d in drafts.recent():
            if d.family == lex.family("battle") and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= 1 \
                    and d.mentions[-1].entry == m.entry:
                return d
    if definite and fam == "evacuation" and m.date is None:
        for d in drafts.recent():
            if d.family == "agreement" and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= NEAR_SENTENCES and any("corridor" in x.tags for x in d.mentions):
                return d
    if definite and _lemma(m.primary) in lex.GENERIC_ANAPHORS and not own_place and m.date is None:
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and _hidden(d.first) == _hidden(m):
                return d
    return _lone_incident(ctx, m, drafts, fams)


def _told_long_before(m: Mention, d: _Draft) -> bool:
    """The draft is dated only by the day it was told ("health authorities said on Friday") and the mention by a
    day of its own that ended more than `TELLING_DAYS` before: an incident told that day happened days before it
    at most, so the mention tells an earlier one."""
    told = d.date()
    if d.own_date() is not None or told is None or m.date is None or m.date_weak:
        return False
    own, day = _parse_day(m.date.date_end or m.date.date), _parse_day(told.date)
    return bool(own and day and (day - own).days > TELLING_DAYS)


def _other_weapon_elsewhere(m: Mention, d: _Draft) -> bool:
    """The draft opens on another act at a place of its own, or tells remote violence of another weapon
    at a place of its own in the mention's sentence ("six were killed in shelling of X, while four died in an air strike in Y",
    under a heading that opened the draft with a bare killing)."""
    if m.kind != d.first.kind and d.first.place_local:
        return True
    return any(lex.family(x.kind) == "remote" and x.kind != m.kind and x.place_local and x.sent_index == m.sent_index
               for x in d.mentions)


def _lone_incident(ctx: Context, m: Mention, drafts: _Drafts, fams: set[str]) -> _Draft | None:
    """"Separatists killed 20 villagers in X on Monday ... [background paragraphs] ... Rebels 'attacked the
    villagers of X, and the toll is 23 dead', an official said": a violent mention placed nowhere (or at a
    name the gazetteer lacks, told with the incident) and dated nowhere, in a story that has told one
    violent incident so far, is that incident told again by another source, however far below."""
    if m.kind not in lex.VIOLENT_KINDS or m.kind == "territory" or m.denied or _hidden(m):
        return None  # (a change of control is an event of its own: "troops recaptured the base")
    told = [d for d in drafts.all if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first)]
    if len(told) != 1:
        return None
    d = told[0]
    if (m.date is not None and not m.date_weak) or (m.place is not None and m.place_local):
        return _lone_incident_placed(ctx, m, d, fams)
    own = d.own_date()
    if m.date is not None and m.date.date and own is not None and own.date and (m.date.date_end or m.date.date) < own.date:
        return None  # "a paper reported on Monday that 60 had been killed": told before the incident happened
    if (m.place_unresolved and not (m.unresolved_name and any(m.unresolved_name in x.sent.text for x in d.mentions))
            and not (_unknown_village(m) and _village_may_lie_within(d))):
        return None  # a village of its own the gazetteer lacks (not one inside the county the incident is placed in)
    if (not fams & d.families or d.mentions[-1].entry != m.entry or _other_actor(m, d) or _other_targets(m, d)
            or _takes_back(m, d) or _same_place(m.place, d.place()) is False):
        return None
    return d


def _lone_incident_placed(ctx: Context, m: Mention, d: _Draft, fams: set[str]) -> _Draft | None:
    """The story's one violent incident told again with a day or a place of its own: a day that fits and a
    place that is the incident's, or holds it, or lies inside it ("militants attacked Rijiya village on
    Sunday", then "gunmen attacked the village ... in Gusau district on Sunday night", another source)."""
    if (m.primary.tag_ in ("NNS", "NNPS") or _told_besides(m) or lex.family(m.kind) != d.family
            or (d.last_sent == m.sent_index and _more_victims(m))):
        return None  # "attacks on a police station in Y": more than the one; "two were also killed": besides it
    place = None if m.place_guessed or not m.place_local else m.place
    if (not fams & d.families or d.mentions[-1].entry != m.entry or _other_actor(m, d) or _other_targets(m, d)
            or _takes_back(m, d) or m.place_unresolved or not _place_within(place, d.place())
            or _same_time(None if m.date_weak else m.date, d.own_date(), ctx.published) is False
            or _told_long_before(m, d) or _is_historical(ctx, m.date) != _is_historical(ctx, d.date())):
        return None
    return d


def _one_of_the_dead(m: Mention, drafts: _Drafts) -> _Draft | None:
    """"Gunmen raided two districts, leaving 15 dead ... a man wept, saying his uncle had died": one death
    with no count of its own, told while the story is still about the incident just told (the latest shown
    one, its toll larger), is one of its dead, not another incident."""
    if m.figures or not m.single_death or m.kinds != ["killing"] * len(m.kinds):
        return None
    shown = [d for d in drafts.recent() if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first)]
    latest = max(shown, key=lambda d: d.last_sent, default=None)
    if (latest is None or _hidden(m) or latest.mentions[-1].entry != m.entry or _other_actor(m, latest)
            or not 0 < m.sent_index - latest.last_sent <= 2 * TOLL_SENTENCES):
        return None
    told = [_figure_count(f) or 0 for x in latest.mentions for f in x.figures if f.category == "killed"]
    return latest if told and max(told) > m.single_death else None


def _denier_account(m: Mention, drafts: _Drafts) -> _Draft | None:
    """"X denied that its forces had attacked the theatre. It said the building had been blown up by
    Y": the denier's own account of the incident it denied, told right after, is that incident told
    once more (kept as a denial, never its actor nor its claim)."""
    if m.denied or not m.claimant_side or m.kind not in lex.VIOLENT_KINDS or m.date is not None:
        return None
    for d in drafts.recent():
        if any(x.denied and x.claimant_side == m.claimant_side and 0 <= m.sent_index - x.sent_index <= NEAR_SENTENCES
               for x in d.mentions) and not _hidden(d.first):
            m.denied = True
            m.tags.add("denial")
            m.place_local = False  # its places are the denier's story, not where the incident happened
            return d
    return None


def _withdrawal_from_taken(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Troops recaptured the town ...; the group said it had withdrawn from the town": the losing side's
    withdrawal from a place just taken is the same change of control, told by the other side."""
    if m.kind != "withdrawal" or _hidden(m):
        return None
    for d in d_all.recent():
        if (d.first.kind == "territory" and not _hidden(d.first) and 0 <= m.sent_index - d.last_sent <= 1
                and _same_place(m.place, d.place()) is True):
            return d
    return None


def _destruction_in_the_raid(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"They torched two patrol cars in the ensuing chaos", "Gunmen looted homes in the area": property
    looted or burnt, told right after a violent incident with no day or town of its own, is part of it
    (ACLED codes the incident once, by its most violent act); so is an evacuation counting no one."""
    # ("the injured are being flown out", no one counted, right after a fight: the wounded taken away)
    casualties = set(m.kinds) == {"evacuation"} and not m.figures
    # ("The attackers seized weapons ... before withdrawing into the bush": the attackers leaving the scene)
    leaving = "withdrawal" in m.kinds and set(m.kinds) <= {"looting", "withdrawal"} and _attackers_leave(m)
    if (set(m.kinds) != {"looting"} and not casualties and not leaving) or _hidden(m) or (m.date is not None and not m.date_weak):
        return None
    for d in d_all.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) or d.mentions[-1].entry != m.entry:
            continue
        if not 0 <= m.sent_index - d.last_sent <= NEAR_SENTENCES:
            return None
        place = d.place()
        if m.place_local and _same_place(m.place, place) is False and not _within_region(m.place, place):
            return None  # "rebels set fire to a school in a village outside Y": another place, another act
        return None if _other_actor(m, d) else d
    return None


def _attackers_leave(m: Mention) -> bool:
    """The withdrawal is the doers' leaving: "before withdrawing", "before pulling back", "the attackers/they withdrew"."""
    for t, k in zip(m.tokens, m.kinds):
        if k != "withdrawal":
            continue
        if t.tag_ == "VBG" and t.dep_ in ("pcomp", "advcl"):
            return True
        if any(x.lower_ in ("they", "them") for x in _children(t, "nsubj")):
            return True
    return _definite_doer(m)


def _protesters_arrested(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"Hundreds marched to demand ... Police arrested 15 of them": the arrest of the protesters told
    right after a protest is that protest's intervention (ACLED: Protest with intervention)."""
    if m.kind != "arrest" or m.date is not None and not m.date_weak:
        return None
    if not any(o.lower_ in ("them", "some", "dozens", "scores") or _lemma(o) in lex.PROTESTER_NOUNS
               or o.lower_ in lex.PROTESTER_NOUNS for o in _arrested(m)):
        return None
    for d in d_all.by_sent.get(m.sent_index - 1, [])[::-1]:
        if d.first.kind == "protest" and not _hidden(d.first) and _same_place(m.place, d.place()) is not False:
            return d
    return None


def _arrested(m: Mention) -> list:
    """Who an arrest mention takes ("arrested 15 of them", "eight suspects had been detained")."""
    objs = [o for t in m.tokens for o in _children(t, "dobj", "nsubjpass")]
    return objs + [p for o in objs for c in _children(o, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]


def _suspects_after_fight(m: Mention, d_all: _Drafts) -> _Draft | None:
    """"A shootout killed seven ... Eight suspects had been detained": the attackers or suspects taken right after
    a violent incident, with no day or town of their own, are that incident's sequel, not an arrest event."""
    if m.kind != "arrest" or m.date is not None and not m.date_weak or m.place_local:
        return None
    if not any(_lemma(o) in lex.PERPETRATOR_NOUNS for o in _arrested(m)):
        return None
    for d in d_all.recent():
        if (d.first.kind in lex.VIOLENT_KINDS and d.first.kind != "arrest" and not _hidden(d.first)
                and 0 < m.sent_index - d.last_sent <= 2 and d.mentions[-1].entry == m.entry):
            return d
    return None


def _other_targets(m: Mention, d: _Draft) -> bool:
    """One aimed at combatants, the other at civilians (unless the perpetrator tells its own version); dead named
    only "people" say nothing of whom it was aimed at ("a shootout killed seven people", then "an army patrol came
    under attack": one fight)."""
    target = _target_class(m, generic=False)
    # (a headline may name none)
    other_target = next((c for c in (_target_class(x, generic=False) for x in d.mentions) if c), None)
    self_claim = m.claimant is not None and m.actor1 is not None and _actor_name(m.actor1) == m.claimant
    return bool(target and other_target and target != other_target and not self_claim)


def _within_region(a: Place | None, b: Place | None) -> bool:
    """One place is a region or country holding the other (the clause names the wider area)."""
    return a is not None and b is not None and (_contains(a, b) or _contains(b, a))


def _two_named_places(m: Mention, d: _Draft) -> bool:
    """Both name their own location and one of them is a place the gazetteer does not know: maybe two."""
    if m.place_unresolved:
        if m.unresolved_name and any(m.unresolved_name in x.sent.text for x in d.mentions):
            return False  # "attacked a base near Puerto X ... one of our units in Puerto X was attacked": one place
        if _unknown_village(m) and _village_may_lie_within(d):
            return False  # "an attack in Tonj South County", then "the incident in Akucieng village": one place
        return any(x.place_local or x.place_unresolved for x in d.mentions)
    return m.place_local and any(x.place_unresolved for x in d.mentions)


def _unknown_village(m: Mention) -> bool:
    """The place the gazetteer does not know is told as a settlement ("the village of X", "X village", "a village
    called X"), not as an area of its own ("in X province")."""
    name = m.unresolved_name
    if not m.place_unresolved or not name:
        return False
    words = [w.strip(",.;:()\"'“”").lower() for w in m.sent.text.split()]
    named = [i for i, w in enumerate(words) if w == name.split()[0].lower()]
    size = len(name.split())
    for i in named:
        after, before = words[i + size:i + size + 1], words[max(0, i - 2):i]
        if set(after) & lex.DIVISION_NOUNS:
            return False
        if set(after) & lex.SETTLEMENT_NOUNS or set(before) & lex.SETTLEMENT_NOUNS:
            return True  # ("the village of X", "a village called X": the noun within two words before)
    return False


def _village_may_lie_within(d: _Draft) -> bool:
    """The draft is placed only at an administrative area (a region, a country, or a name told as a county,
    district, territory: `division_nouns`) and names no unknown place of its own: a village the gazetteer does
    not know, told of the same incident, may lie inside it (the gazetteer cannot say it does not)."""
    p = d.place()
    if p is None or any(x.place_unresolved for x in d.mentions):
        return False
    if p.kind in ("country", "region") or (p.feature_code or "").startswith(("ADM", "PCL")) or (p.precision or 1) >= 3:
        return True
    return any(x.place is not None and _same_place(x.place, p) and _told_as_division(x) for x in d.mentions)


def _told_as_division(x: Mention) -> bool:
    """"in Tonj South County", "the Beni territory", "the district of X": the mention's place is named as an area."""
    text = doc_text(x.sent.doc)
    p = x.place
    if text[p.start:p.end] != p.name:
        return False  # (a place read from another piece of the article)
    after = [w.strip(",.;:()").lower() for w in text[p.end:p.end + 40].split("\n")[0].split()[:2]]
    before = [w.lower() for w in text[max(0, p.start - 30):p.start].split()[-2:]]
    return bool(set(after) & lex.DIVISION_NOUNS) or (len(before) == 2 and before[1] == "of" and before[0] in lex.DIVISION_NOUNS)


def _retold(ctx: Context, m: Mention, drafts: _Drafts, definite: bool) -> _Draft | None:
    """A lead, then its detail: "A drone strike killed 30 in Amhara region. The attack, on Monday near
    Sasit, ..." -- a definite act noun ("the attack", "Monday's raid") told just after a violent event,
    at a place within it and a time that fits, is that event told again, whatever kind each names."""
    if m.denied or m.kind not in lex.VIOLENT_KINDS or not (_definite_act(m) or _definite_doer(m)):
        return None
    place = None if m.place_guessed else m.place
    for d in drafts.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) != _hidden(m):
            continue
        # a reference naming no place of its own ("reports of Monday's attack") may come later
        far = m.sent_index - d.last_sent > RETOLD_SENTENCES and (m.place_local or m.place_unresolved or not _definite_act(m))
        if (far or d.mentions[-1].entry != m.entry or _other_actor(m, d)
                or _other_targets(m, d) or not _place_within(place, d.place())
                or _same_time(None if m.date_weak else m.date, d.own_date(), ctx.published) is False):
            return None
        return d
    return None


def _weapon_of_the_attack(ctx: Context, m: Mention, drafts: _Drafts) -> _Draft | None:
    """"Guerrillas attacked a military base near X ... They launched explosive devices from a truck at the
    base": the remote violence told right after an attack named only by the word "attack" is how that
    attack was carried out (typed by the weapon), not an incident of its own."""
    if lex.family(m.kind) != "remote" or m.denied or _hidden(m) or (m.date is not None and not m.date_weak):
        return None
    for d in drafts.recent():
        if d.first.kind not in lex.VIOLENT_KINDS or _hidden(d.first) != _hidden(m):
            continue
        battles = [t for x in d.mentions for t, k in zip(x.tokens, x.kinds) if k == "battle"]
        if (not battles or any(_lemma(t) not in ("attack", "assault") for t in battles) or d.mentions[-1].entry != m.entry
                or not 0 <= m.sent_index - d.last_sent <= NEAR_SENTENCES or _other_actor(m, d)
                or not {k for x in d.mentions for k in x.kinds} <= {"battle", "killing"}):
            return None
        if m.place_local and (d.place() is None or not _place_within(m.place, d.place())):
            return None  # "dissidents fired mortars at the police station in Y": placed on its own
        return d if _same_time(None if m.date_weak else m.date, d.own_date(), ctx.published) is not False else None
    return None


_PERIOD_OPENERS = frozenset(p.split()[0] for p in lex.OTHER_INCIDENT_PERIODS)


def _another_incident(m: Mention) -> bool:
    """"Earlier on Tuesday, ...", "Separately, ...", "another strike", "in a separate attack": the mention
    says it is not the incident told before."""
    opening = next((t for t in m.sent if not t.is_space), None)
    if opening is not None and opening.lower_ in lex.OTHER_INCIDENT_ADVERBS:
        return True  # "Earlier on Tuesday, soldiers came under fire ... and killed four": the whole sentence
    if opening is not None and opening.lower_ in _PERIOD_OPENERS and doc_text(opening.doc)[
            opening.idx:opening.idx + 24].lower().startswith(lex.OTHER_INCIDENT_PERIODS):
        return True  # "Last week, suicide bombers killed at least 30 people in Konduga": an earlier incident
    if (opening is not None and opening.lower_ in lex.OPENING_ADVERBS and opening.i + 1 < len(opening.doc)
            and opening.nbor(1).pos_ not in ("VERB", "AUX")):
        return True  # "Also on Friday, militants ambushed a police van" (not "Also killed was the driver")
    if opening is not None and opening.pos_ == "ADP" and any(
            (c.dep_ == "det" and c.lower_ in lex.OTHER_INCIDENT_DETERMINERS)
            or (c.dep_ == "amod" and _lemma(c) in lex.OTHER_INCIDENT_MODIFIERS)
            for o in _children(opening, "pobj") for c in o.children):
        return True  # "In another development, ...", "In a separate incident, ...": the whole sentence
    for t in m.tokens:
        if t.dep_ == "attr":
            continue  # "The attack was the third in a month": ranks the incident told, names no other
        anchor = t if t.pos_ in ("VERB", "AUX") else t.head
        near = list(anchor.children) + [g for c in anchor.children if c.dep_ == "prep" for g in c.children]
        if anchor.dep_ in ("advcl", "conj") and anchor.tag_ == "VBG":
            near += list(anchor.head.children)  # "later drove over a mine, killing one": the act the killing ends
        sequel = set() if _lemma(anchor) in lex.DISCOVERY_VERBS else lex.SEQUEL_ADVERBS  # ("later found six bodies": its dead)
        if any(c.dep_ == "advmod" and c.lower_ in lex.OTHER_INCIDENT_ADVERBS | sequel for c in near):
            return True
        nouns = [t] + [p for c in _children(anchor, "prep") for p in _children(c, "pobj")]
        for n in nouns:
            if _follow_up(n):
                continue
            if n.pos_ == "NOUN" and any((c.dep_ == "det" and c.lower_ in lex.OTHER_INCIDENT_DETERMINERS)
                                        or (c.dep_ == "amod" and _lemma(c) in lex.OTHER_INCIDENT_MODIFIERS) for c in n.children):
                return True
    return False


def _follow_up(n) -> bool:
    """"The shelling was followed by another barrage aimed at the rescuers": the
    strike that follows the act told before, at its scene and on its day (one event for ACLED), not an
    incident told apart."""
    verb = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "agent" else None
    return verb is not None and _lemma(verb) in lex.SEQUENCE_VERBS and any(
        c.pos_ == "NOUN" and _lemma(c) in lex.GENERIC_ANAPHORS and any(g.dep_ == "det" and g.lower_ in DEFINITE for g in c.children)
        for c in _children(verb, "nsubjpass"))


def _toll_reference(m: Mention) -> bool:
    """"the toll in that attack", "the death toll from Sunday's strike": an incident named for its toll."""
    t = m.primary
    if _definite_act(m) and TOLL_RISE.search(m.sent.text):
        return True  # "the number killed in the morning shelling had risen to nine"
    if not (len(m.kinds) == 1 and t.pos_ == "NOUN" and t.dep_ == "pobj" and _definite_act(m)):
        return False
    if any(_updated_toll(doc_text(t.doc), f) for f in m.figures):
        return True  # "two more wounded in this morning's attack have died, bringing the toll to eight"
    holder = t.head.head  # "the toll in that attack", or "bringing the toll in that attack to two"
    return _lemma(holder) in people.COUNT_NOUNS or any(_lemma(c) in people.COUNT_NOUNS for c in _children(holder, "dobj", "nsubj"))


def _reference(m: Mention) -> bool:
    """A mention that only points back at an incident ("the attack", "this raid"), told after it."""
    return m.primary.pos_ == "NOUN" and len(m.kinds) == 1 and _definite_act(m) and m.sent_index > 0


def _definite_act(m: Mention) -> bool:
    """"the attack", "Monday's raid", "this strike": an act noun pointing back; "The shells hit their
    house": the weapons told just before, landing again."""
    if any(_weapon_of(x) is not None and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in x.children)
           for t in m.tokens if t.pos_ == "VERB" for x in _children(t, "nsubj", "nsubjpass")):
        return True
    # (the parse may hang the article on a modifier: "the morning/NOUN shelling")
    return any(t.pos_ == "NOUN" and _lemma(t) in lex.GENERIC_ANAPHORS and (any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
        for c in [*t.children, *(g for x in t.lefts if x.dep_ in ("compound", "nmod") for g in x.children)])
        or (t.i >= 2 and t.nbor(-1).pos_ in ("NOUN", "ADJ") and t.nbor(-2).lower_ in DEFINITE))
        for t in m.tokens)


def _definite_doer(m: Mention) -> bool:
    """"The attackers ...", "killed by the bandits": the perpetrators told just before, acting again."""
    for t in m.tokens:
        doers = _children(t, "nsubj") + [p for a in _children(t, "agent") for p in _children(a, "pobj")]
        if not doers and t.dep_ == "conj":
            doers = _children(t.head, "nsubj")  # "the gunmen arrived on foot and surrounded the courtyard"
        for x in doers:
            head = _lemma(x)
            if (head in lex.NONSTATE_NOUNS or head in lex.PERPETRATOR_NOUNS) and any(
                    c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in x.children):
                return True
    return False


def _told_in_the_same_sentence(m: Mention, drafts: _Drafts) -> _Draft | None:
    """'Eight people were killed ... in a drone strike by X': a killing and the violent act that caused
    it, told in one sentence, are one incident (its type from the act, its toll from the killing)."""
    if m.denied or m.kind not in lex.VIOLENT_KINDS:
        return None
    for d in drafts.by_sent.get(m.sent_index, [])[::-1]:
        if d.mentions[-1].sent_index != m.sent_index or _hidden(d.first) != _hidden(m) or _other_actor(m, d):
            continue
        kinds = {x.kind for x in d.mentions if x.sent_index == m.sent_index}
        elsewhere = (m.place_local and any(x.place_local for x in d.mentions) and _same_place(m.place, d.place()) is False
                     and not _within_region(m.place, d.place()))  # "attacked a post in X ... aircraft struck fighters near Y"
        if ("killing" in kinds) != (m.kind == "killing") and d.first.kind in lex.VIOLENT_KINDS and not elsewhere:
            return d
        if (lex.family(m.kind) in d.families and m.date is None and not m.place_local
                and _same_place(m.place, d.place()) is not False and not _another_incident(m)):
            return d  # "the attack occurred on the road, where assailants ambushed the van": one act told twice
    return None


def _armed_among_victims(d: _Draft) -> bool:
    """"nine volunteers and four soldiers were killed": a victim of the killing, or one joined to it, is
    named by an armed men's noun (the count joined may not be the event's own figure)."""
    for m in d.mentions:
        for t in m.tokens:
            if _lemma(t) not in ("kill", "die"):
                continue
            for v in _children(t, "nsubjpass", "dobj") + (_children(t, "nsubj") if _lemma(t) == "die" else []):  # (not the killer)
                if any(_lemma(x) in lex.COMBATANT_NOUNS for x in (v, *v.conjuncts)):
                    return True
    return False


def _armed_dead(d: _Draft, named: list[Figure]) -> bool:
    """Armed men are among the dead and no civilian target is told (a victim named only "people" says
    nothing against the armed men named among the dead)."""
    return _armed_among_victims(d) or (any(f.group == "combatants" for f in named) and not any(
        _target_class(m, by_figures=False, generic=False) == "civilians" for m in d.mentions))


def _target_class(m: Mention, by_figures: bool = True, generic: bool = True) -> str | None:
    """Whom the mention's violence is aimed at: "combatants" (an army post, soldiers), "civilians"
    (a market, a camp of displaced people, villagers), or None when the text does not say."""
    objs = [o for t in m.tokens for o in _children(t, "dobj", "nsubjpass")]
    objs += [p for t in m.tokens for c in _children(t, "prep") if c.lower_ in ("on", "against") for p in _children(c, "pobj")]
    # "exchanged fire with the attackers": a fight with armed men (never with civilians)
    heads = [h for t in m.tokens for h in [t] + _children(t, "dobj")]  # the parse may hang "with" on "fire"
    fought = [p for h in heads for c in _children(h, "prep") if c.lower_ == "with" for p in _children(c, "pobj")]
    objs += [p for p in fought if _lemma(p) in lex.COMBATANT_NOUNS | lex.PERPETRATOR_NOUNS]
    # "the security forces came under heavy attack": the subject of the verb the act hangs on by "under" is its target
    objs += [s for t in m.tokens if t.dep_ == "pobj" and t.head.lower_ == "under" and t.head.head.pos_ in ("VERB", "AUX")
             for s in _children(t.head.head, "nsubj")]
    for o in objs:
        mods = {_lemma(c) for c in o.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        carried = {_lemma(x) for p in _children(o, "prep") if p.lower_ == "of" for g in _children(p, "pobj")
                   for x in [g, *g.children] if x.dep_ in ("pobj", "compound", "amod")}
        if (mods | carried) & (lex.CIVILIAN_NOUNS | lex.CIVILIAN_CONVOY_WORDS):
            return "civilians"  # "a passenger convoy", "a convoy of passenger vans": people with no arms
        if _lemma(o) in lex.MILITARY_TARGET_NOUNS | lex.COMBATANT_NOUNS | lex.PERPETRATOR_NOUNS or mods & lex.MILITARY_MODIFIERS:
            return "combatants"  # (also "fought the gang", "clashed with the attackers": armed men)
    if not generic:
        objs = [o for o in objs if _lemma(o) not in lex.GENERIC_PERSON_NOUNS]  # "killed 19 people": anyone, armed or not
    if any(_lemma(o) in lex.CIVILIAN_NOUNS | lex.CIVILIAN_PLACE_NOUNS for o in objs) or (by_figures and any(f.group == "civilians" for f in m.figures)):
        return "civilians"
    return None


def _geo_precision(d: _Draft, place: Place | None) -> int | None:
    """ACLED's spatial precision: named in the clause as given; inferred from context 2; a guess 3."""
    if place is None:
        return None
    p = place.precision or 1
    if any(m.place_local for m in d.mentions):
        return p
    if all(m.place_guessed for m in d.mentions):
        return 3
    return max(p, 2)


def _targets_civilians(d: _Draft, actor2_head: str | None, figures: list[Figure]) -> bool:
    if actor2_head in lex.CIVILIAN_NOUNS or any(f.group == "civilians" for f in figures):
        return True
    counted = {(f.counted or "").lower().rstrip("s") for f in figures}
    return bool(counted & lex.CIVILIAN_NOUNS) or any(
        _lemma(c) in lex.CIVILIAN_NOUNS for m in d.mentions for t in m.tokens for c in _children(t, "dobj", "nsubjpass"))


def _strike_from_air(d: _Draft, a1_side: str | None) -> bool:
    """A bare "strike": from the air when its sentences name aircraft, or when the striking force's
    campaign is an air campaign (``air_campaign_sides``) and nothing names artillery or missiles."""
    lemmas = {_lemma(t) for m in d.mentions for t in m.sent}
    low = " ".join(m.sent.text.lower() for m in d.mentions)
    if any(c in lemmas or (" " in c and c in low) for c in lex.AIR_CUES):
        return True
    # the ground-fire words of the strike's own sentences ("rockets" told of the other side's fire
    # in a sentence joined to it is not this strike's weapon)
    own = {_lemma(t) for m in d.mentions if _lemma(m.primary) == "strike" for t in m.sent}
    if own & lex.GROUND_FIRE_CUES:
        return False
    return a1_side in lex.AIR_CAMPAIGN_SIDES or _air_strikes_in_lead(d.first.sent.doc)


def _air_strikes_in_lead(doc) -> bool:
    """The report's opening paragraphs name its strikes as air strikes ("Israeli air strikes hit two
    homes ..."): a bare "strike" told below, naming no other weapon, is one of them."""
    text = doc_text(doc)
    cut = -1
    for _ in range(3):  # the headline and the first paragraphs
        nxt = text.find("\n\n", cut + 1)
        if nxt < 0:
            cut = len(text)
            break
        cut = nxt
    lead = text[:max(cut, 0)].lower()
    return any(c in lead for c in lex.AIR_STRIKE_NOUNS)


def _on_protesters(d: _Draft, actor2_head: str | None, killed: list[Figure]) -> bool:
    """The violence fell on protesters: its target or its dead are named so."""
    heads = {(actor2_head or "")} | {(f.counted or "").lower() for f in killed}
    return bool({h for h in heads if h} & (lex.PROTESTER_NOUNS | {"protester", "demonstrator"}))


def _protest_sentences(m: Mention) -> list[str]:
    """The protest's sentence and the next one of its paragraph ("Riot police used tear gas to reopen the road")."""
    out = [m.sent.text.lower()]
    doc = m.sent.doc
    if m.sent.end < len(doc):
        nxt = doc[m.sent.end].sent
        if "\n\n" not in doc_text(doc)[m.sent.end_char:nxt.start_char + 1]:
            out.append(nxt.text.lower())
    return out


def _civilian_role(d: _Draft) -> bool:
    """The victim is a person named by a civilian role ("shot dead a community leader"), no armed word
    in his phrase ("a rebel leader")."""
    armed = lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS | lex.MILITARY_MODIFIERS | lex.COMBATANT_NOUNS | {"gang", "armed"}
    for m in d.mentions:
        if m.actor2_head in lex.CIVILIAN_ROLE_NOUNS and m.actor2 and not (
                {w.strip("'s").rstrip("s") for w in m.actor2.lower().split()} | set(m.actor2.lower().split())) & armed:
            return True
    return False


def _state_bombing(d: _Draft, actor1: str | None) -> bool:
    """"the armed forces bombed a camp": a state's forces bombing (the verb, with a target) bomb from the air."""
    head = (actor1 or "").lower().split()[-1:]
    return bool(head) and head[0] in lex.STATE_FORCE_HEADS and any(
        t.pos_ == "VERB" and _lemma(t) == "bomb" and _children(t, "dobj") for m in d.mentions for t in m.tokens)


def _bomb_is_the_only_air_word(d: _Draft) -> bool:
    """The incident's sentences tell it from the air only by the word "bomb" (no aircraft, drone, plane)."""
    air = [t for m in d.mentions for t in m.sent if lex.WEAPON_KIND.get(_lemma(t)) == "air"]
    # (a bomb that "hit", "landed" or "fell" came from above: "two days after a bomb hit the school")
    return bool(air) and all(_lemma(t) == "bomb" and _lemma(t.head) not in _IMPACT_VERBS for t in air)


_IMPACT_VERBS = frozenset({"hit", "strike", "land", "fall", "slam", "rain", "drop", "pound", "target", "smash"})


def _planted_bomb(d: _Draft) -> bool:
    """A "bomb attack" or "bombing" whose sentences name no aircraft, drone or drop: a planted device."""
    airs = [t for m in d.mentions for t, k in zip(m.tokens, m.kinds) if k == "air"]
    if not airs or any(_lemma(t) not in lex.BOMB_WORDS for t in airs):
        return False
    if any(m.weapon == "air" and not any(_lemma(c) in lex.BOMB_WORDS for t in m.tokens for c in t.children)
           and not any(_lemma(t) in lex.BOMB_WORDS for t in m.sent) for m in d.mentions):
        return False
    lemmas = {_lemma(t) for m in d.mentions for t in m.sent}
    low = " ".join(m.sent.text.lower() for m in d.mentions).replace("suicide bomber", "")
    return not (lemmas & {"drop", "airstrike"} or any((c in lemmas and c != "bomber") or (c in low and (" " in c or c == "bomber"))
                                                      for c in lex.AIR_CUES))


def _air_named(d: _Draft) -> bool:
    """The incident's sentences name aircraft, drones or a drop (not a bare "bomb")."""
    lemmas = {_lemma(t) for m in d.mentions for t in m.sent}
    low = " ".join(m.sent.text.lower() for m in d.mentions).replace("suicide bomber", "")
    return bool(lemmas & {"drop", "airstrike"}) or any((c in lemmas and c != "bomber") or (" " in c and c in low)
                                                         for c in lex.AIR_CUES)


def _bomber_died(d: _Draft) -> bool:
    """"both bombers died in the blast": a blast whose bombers (people,
    no aircraft named) died in it is a suicide bomb."""
    sents = {m.sent.start: m.sent for m in d.mentions}
    lemmas = {_lemma(t) for s in sents.values() for t in s}
    if any(c in lemmas and c != "bomber" for c in lex.AIR_CUES) or lemmas & {"drop", "airstrike"}:
        return False
    return any(any(_lemma(t) == "bomber" for t in s) and any(_lemma(t) in ("kill", "die") for t in s) for s in sents.values())


def _armed_noun(counted: str | None) -> bool:
    """"soldiers", "policemen": a count's noun naming armed men (whatever else its phrase lists)."""
    words = (counted or "").lower().split()
    return bool(words) and (words[-1] in lex.COMBATANT_NOUNS or words[-1].rstrip("s") in lex.COMBATANT_NOUNS)


def _others_moved_in(d: _Draft) -> bool:
    """A withdrawal's sentence tells another party entering the place ("... and RSF vehicles entered the town")."""
    for m in d.mentions:
        if m.kind != "withdrawal":
            continue
        leavers = {x.i for x in _children(m.primary, "nsubj")}
        for t in m.sent:
            words = f"{_lemma(t)} {t.nbor(1).lower_}" if t.i + 1 < len(t.doc) else _lemma(t)
            if (t.pos_ == "VERB" and (_lemma(t) in lex.ENTRY_VERBS or words in lex.ENTRY_VERBS)
                    and any(x.i not in leavers for x in _children(t, "nsubj"))):
                return True
    return False


def _state_forces_named(phrase: str) -> bool:
    """"Army troops", "government forces", "army units": a state's forces by a word of the phrase, no rebel word."""
    words = set(phrase.lower().split())
    return bool(words & lex.STATE_FORCE_HEADS) and not words & (lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS)


def _state_agent(head: str) -> bool:
    """A state's armed agent by the head noun ("a gendarme", "police", "soldiers")."""
    return bool(head) and (people.force_kind(head) in ("state", "police") or head in lex.STATE_FORCE_HEADS)


def _fought_back(d: _Draft) -> bool:
    """The attacked side fought back ("... and the youths guarding the herds fought back", "returned fire")."""
    texts = {m.sent.start: m.sent.text.lower() for m in d.mentions}  # (each sentence's text made once)
    return any(c in t for t in texts.values() for c in lex.RESISTANCE_PHRASES)


def _ground_assault(d: _Draft) -> bool:
    """The incident's battle words tell a fight on the ground ("stormed", "a gun battle", "the raid")."""
    return any(k == "battle" and (_lemma(t) in lex.GROUND_ASSAULT_WORDS or t.lower_ in lex.GROUND_ASSAULT_WORDS)
               for m in d.mentions for t, k in zip(m.tokens, m.kinds))


def _property_only(d: _Draft, figures: list[Figure]) -> bool:
    """"they burned the houses and attacked the cattle", "attacked the village, burning houses and cars": an
    attack told only by the property it destroyed (no one killed or wounded, no fight, no armed target) is
    ACLED's Looting/property destruction."""
    pairs = [(t, k) for m in d.mentions for t, k in zip(m.tokens, m.kinds)]
    if not any(k == "looting" for _, k in pairs) or any(k not in ("battle", "looting") for _, k in pairs):
        return False
    if any(k == "battle" and _lemma(t) not in lex.ONE_SIDED_TRIGGERS for t, k in pairs):
        return False  # "clashed", "fighting": two armed sides
    heads = [h for t, k in pairs if k == "battle" for h in [t] + _children(t, "dobj")]  # ("opened fire on": on "fire")
    aimed = [o for h in heads for o in _children(h, "dobj", "nsubjpass")] + [
        p for h in heads for c in _children(h, "prep") if c.lower_ in ("on", "at", "against") for p in _children(c, "pobj")]
    if any(_lemma(o) in lex.PEOPLE_NOUNS for o in aimed):
        return False  # "opened fire on villagers ... razed several houses": the people were the target
    if any(f.category in ("killed", "wounded") for f in figures) or any(m.single_death for m in d.mentions):
        return False
    return not _fought_back(d) and not any(_target_class(m) == "combatants" for m in d.mentions)


def _killed_by_name_civilian(m: Mention) -> bool:
    """The mention's own killing names its victims by an unarmed noun: the object or passive subject of the verb
    ("a state lawmaker was shot dead"), or what follows "of" on a killing noun ("killings of state officials")."""
    victims = [v for t in m.tokens if t.pos_ == "VERB" for v in _children(t, "dobj", "nsubjpass")]
    victims += [p for t in m.tokens if t.pos_ == "NOUN" for c in _children(t, "prep") if c.lower_ == "of"
                for p in _children(c, "pobj")]
    armed = lex.COMBATANT_NOUNS | lex.PERPETRATOR_NOUNS | lex.NONSTATE_NOUNS
    for v in victims:
        words = {_lemma(x) for x in [v, *v.children] if x.dep_ in ("compound", "amod", "nmod", "pobj", "nsubjpass", "dobj") or x is v}
        if words & armed or words & lex.MILITARY_MODIFIERS:
            return False
        if words & (lex.CIVILIAN_NOUNS - lex.GENERIC_PERSON_NOUNS):
            return True
    return False


def _plain_strike(t) -> bool:
    """"strikes were reported in X and Y" names the act; "the deadliest strike" ranks one told elsewhere."""
    return not any(c.tag_ in ("JJS", "RBS") or c.lower_ in ("most", "latest") for c in t.subtree)


def _kind_and_weapon(d: _Draft, kinds: set[str], weapon: str | None, actor1: str | None,
                     a1_side: str | None) -> tuple[str, str | None]:
    """The draft's kind of act once the act that its own clause tells, its weapon and ACLED's ranks are read:
    the siege's shelling, the killing's strike, the generic attack's drone, the suicide bomb, the air strike over
    the shelling, the planted bomb."""
    kind = d.first.kind
    if kind in lex.SETTING_KINDS:
        # "shelling of the besieged city killed six": the siege is the setting; the act its own clause tells types it
        kind = min((k for k in d.first.kinds if k in lex.VIOLENT_KINDS and k not in lex.SETTING_KINDS),
                   key=lambda k: lex.RANK.get(k, 9), default=kind)
    if kind == "killing":
        # a killing joined by the act that caused it ("killed in a drone strike"): the act types the event;
        # not a reference to it ("No group has claimed the attack" after a grenade killed two), nor a setting
        # ("they are besieging us to kill us")
        kind = min((m.kind for m in d.mentions if not m.denied and m.kind in lex.VIOLENT_KINDS
                    and m.kind not in lex.SETTING_KINDS and not _reference(m)),
                   key=lambda k: lex.RANK.get(k, 9), default=kind)
    if kind == "battle":
        # "killed by a drone attack ... The attack happened on Thursday": a generic act noun never
        # outranks the strike it names; the remote violence types the event
        # (a question asks, it tells no act: "I wonder what they were fighting against?")
        battles = [t for m in d.mentions for t, k in zip(m.tokens, m.kinds) if k == "battle"
                   and not m.sent.text.rstrip().endswith("?")]
        remote = [k for m in d.mentions for t, k in zip(m.tokens, m.kinds)
                  if lex.family(k) == "remote" and (m.weapon or _lemma(t) != "strike" or _plain_strike(t))]
        if remote and all((t.pos_ == "NOUN" or _lemma(t) == "attack") and _lemma(t) in lex.GENERIC_ANAPHORS for t in battles):
            # (explosions heard where an attack from helicopters is told are the helicopters' fire, no planted device)
            named = remote + ([weapon] if weapon in ("air", "shelling") else [])
            kind = min(named, key=lambda k: (lex.RANK.get(k, 9), k == "explosive"))
        elif weapon in ("air", "shelling", "explosive") and battles and all(_lemma(t) == "attack" for t in battles):
            # "was hit with gas-cylinder bombs fired from a lorry": the weapon is the attack (a bomb
            # with no aircraft named is planted or thrown, not dropped)
            lemmas = {_lemma(t) for m in d.mentions for t in m.sent}
            kind = "explosive" if weapon == "air" and not any(c in lemmas for c in lex.AIR_CUES) else weapon
    if kind == "battle" and ("suicide" in kinds or weapon == "suicide") and _ground_assault(d):
        weapon = None  # "a suicide bomber detonated at the gate before gunmen stormed in": the fight is the event
    elif kind in ("explosive", "air", "killing", "battle") and ("suicide" in kinds or weapon == "suicide"):
        kind, weapon = "suicide", None  # "a suicide bomber blew himself up": the bombing is a suicide bomb
    elif kind == "explosive" and _bomber_died(d):
        kind, weapon = "suicide", None
    if kind in ("shelling", "air") and ("air" in kinds or weapon == "air"):
        kind = "air"  # ACLED: an air strike ranks above shelling in the same event
    if kind == "air" and _planted_bomb(d) and not _state_bombing(d, actor1):
        kind = "explosive"  # "a bomb attack on a base ... explosives detonated in a truck": no aircraft named
    elif kind == "air" and _bomb_is_the_only_air_word(d) and not _air_named(d) and not _state_bombing(d, actor1):
        kind = "explosive"  # "a similar bomb killed two police officers": a bomb with no aircraft is planted
    elif kind == "shelling" and weapon is None and _lemma(d.first.primary) == "strike" and _strike_from_air(d, a1_side):
        kind = "air"
    return kind, weapon


def _event_type(d: _Draft, actor1: str | None, a1_side: str | None, actor2_head: str | None,
                figures: list[Figure], place: Place | None, claimed: bool) -> tuple[str, str, list[str]]:
    """ACLED type of a draft: the ranked kind, refined by weapon, victims and actors."""
    civilians = _targets_civilians(d, actor2_head, figures)
    weapon = next((m.weapon for m in d.mentions if m.weapon), None)
    home = alpha3(place.country) if place is not None else None
    kinds = {k for m in d.mentions for k in m.kinds}
    if weapon == "air" and "shelling" in kinds and not _air_named(d):
        weapon = "shelling"  # "cluster bombs were used in the shelling": a bomb naming no aircraft, the shelling told
    kind, weapon = _kind_and_weapon(d, kinds, weapon, actor1, a1_side)
    a1_head = (actor1 or "").lower().split()[-1:] or [""]
    kind = "looting" if kind == "battle" and _property_only(d, figures) else kind
    if kind in ("battle", "looting") and (a1_head[0] in lex.PROTESTER_NOUNS or _crowd_clash(d)):
        kind = "riot"  # crowds storming or torching a building, clashing with police at a protest: a violent demonstration
    killed = [f for f in figures if f.category == "killed"]
    if (kind == "battle" and "arrest" in kinds and not killed and not any(m.single_death for m in d.mentions)
            and all(_lemma(t) in lex.RAID_NOUNS for m in d.mentions for t, k in zip(m.tokens, m.kinds) if k == "battle")):
        kind = "arrest"  # "police raided a house and arrested four suspects": no fight told, arrests
    # one-sided or not is read from the incident's own clause when it tells the fight ("a clash erupted between the
    # army and the rebels ... the army attacked the people": a clash); else from any of its mentions
    # (a headline's capitalised plural, "Raids", may be tagged a name and keep its "s")
    first = d.first.primary
    one_sided = ((_lemma(first) in lex.ONE_SIDED_TRIGGERS or first.lower_.removesuffix("s") in lex.ONE_SIDED_TRIGGERS)
                 if d.first.kind == "battle" else any(_lemma(m.primary) in lex.ONE_SIDED_TRIGGERS for m in d.mentions))
    named = [f for f in killed if f.counted and f.counted.lower() in f.text.lower()]  # not "Gunmen kill 9"
    aimed = {c for c in (_target_class(m) for m in d.mentions) if c}
    if named and (all(f.group == "combatants" for f in named)
                  or (aimed == {"combatants"} and any(f.group == "combatants" or _armed_noun(f.counted) for f in named))):
        civilians = False  # "raided the camp, killing two gunmen", "attacked an army post, killing 23 soldiers": a fight
    mixed_dead = kind in ("battle", "killing") and _armed_dead(d, named)
    if mixed_dead:
        civilians = False  # "nine volunteers and four soldiers were killed": armed men among the dead, no civilian target told
    victims_unarmed = not mixed_dead and (civilians or _civilian_role(d) or any(m.named_victim for m in d.mentions) or (
        bool(figures) and all(f.group in ("people", "civilians") for f in figures if f.category == "killed")
        and any(f.category == "killed" for f in figures)))
    if _fought_back(d):
        victims_unarmed = civilians = False  # "raiders attacked a cattle camp, and the armed youths fought back": a clash
    if kind == "battle" and one_sided and not any(f.group == "combatants" for f in killed) and aimed == {"civilians"} and not _fought_back(d):
        victims_unarmed = civilians = True  # "gunmen attacked a village", no armed men told dead: an attack on civilians
    if kind == "battle" and one_sided and victims_unarmed and _target_class(d.first) != "combatants":
        kind, weapon, civilians = "killing", None, True  # gunmen attacking a village: an attack on civilians, not a clash
    if (kind == "killing" and "abduction" in kinds and not any(f.category == "killed" for f in figures)
            and not any(m.single_death for m in d.mentions)):
        kind = "abduction"  # "gunmen stormed a school and abducted students", no one killed: an abduction
    if (kind == "killing" and not weapon and victims_unarmed and _target_class(d.first) != "combatants"
            and (actor2_head or "") not in lex.COMBATANT_NOUNS and "battle" not in kinds):
        civilians = True  # "two Palestinians were killed by gunfire": people with no arms killed, no fight told
    if (kind == "killing" and not weapon and "battle" not in kinds and not mixed_dead and not _fought_back(d)
            and not any(f.group == "combatants" for f in killed) and _killed_by_name_civilian(d.first)):
        civilians = True  # "a state lawmaker was shot dead", "killings of village chiefs": the victim's own noun is unarmed
    if kind == "killing" and not killed and "battle" not in kinds and _state_agent(a1_head[0]) and not (
            (actor2_head or "") in lex.COMBATANT_NOUNS | lex.PERPETRATOR_NOUNS | lex.NONSTATE_NOUNS):
        civilians = True  # "one of them was shot dead by a gendarme at a checkpoint": a state's agent killing, no fight told
    if kind == "killing" and "civilians" not in {_target_class(m, by_figures=False) for m in d.mentions} and any(
            k == "battle" and _lemma(t) in lex.MUTUAL_FIGHT_WORDS for m in d.mentions for t, k in zip(m.tokens, m.kinds)):
        kind, civilians = "battle", False  # "a youth was killed in a gunfight with armed men": the fight's toll
    etype, sub, type_tags = lex.acled_type(
        kind, actor1_side=a1_side, home_side=home, claimed=claimed, targets_civilians=civilians,
        weapon=weapon if kind == "killing" else None, nonviolent=any(m.nonviolent for m in d.mentions),
        actor1_nonstate=_nonstate_actor(actor1, a1_side),
    )
    if (kind in ("killing", "battle") and etype != "Protests" and _on_protesters(d, actor2_head, killed)
            and (a1_head[0] in lex.STATE_FORCE_HEADS or people.force_kind(a1_head[0]) in ("state", "police"))):
        etype, sub, type_tags = lex.acled_type("excessive_force")  # "security forces opened fire on demonstrators"
    if kind == "withdrawal" and not killed and _others_moved_in(d):
        etype, sub, type_tags = lex.acled_type("territory", nonviolent=True)  # "withdrew ... and rebels entered the town"
    if kind == "killing" and a1_head[0] in lex.MOB_NOUNS:
        etype, sub, type_tags = lex.acled_type("mob_violence")  # "a crowd beat two men and burned them to death"
    if kind == "arrest" and (actor2_head or "") in lex.PROTESTER_NOUNS | {"protester", "demonstrator"}:
        etype, sub = "Protests", "Protest with intervention"  # ACLED: arrests of protesters
    if kind == "protest" and ("arrest" in kinds or any(
            c in text for m in d.mentions for text in _protest_sentences(m) for c in lex.INTERVENTION_CUES)):
        etype, sub = "Protests", "Protest with intervention"  # "police fired tear gas to disperse ..."
    if kind == "protest" and any(c in m.sent.text.lower() for m in d.mentions if m.kind == "protest" for c in lex.RIOT_CUES):
        etype, sub, type_tags = lex.acled_type("riot")  # "riders blocked the roads with burning tyres": a violent demonstration
    return etype, sub, type_tags


_PROTEST_WORDS = frozenset(w for table in (lex.NOUN_TRIGGERS, lex.VERB_TRIGGERS) for w, k in table.items() if k in ("protest", "riot"))


def _crowd_clash(d: _Draft) -> bool:
    """"he was among 10,000 people clashing with soldiers" after "shot dead during a massive protest": unarmed people
    (civilian or protester nouns, no armed men) fighting forces where a protest is told, in the clash's sentence or the
    one before, are a violent demonstration (ACLED: Riots), not an armed clash."""
    for m in d.mentions:
        for t, k in zip(m.tokens, m.kinds):
            if k != "battle" or _lemma(t) not in lex.MUTUAL_FIGHT_WORDS | {"fight"}:
                continue
            parties = _children(t, "nsubj") + ([t.head] if t.dep_ == "acl" else [])
            parties += [g for p in parties for c in _children(p, "prep") if c.lower_ == "of" for g in _children(c, "pobj")]
            if not any(_lemma(p) in lex.CIVILIAN_NOUNS | lex.PROTESTER_NOUNS and _lemma(p) not in lex.COMBATANT_NOUNS
                       for p in parties):
                continue
            doc = m.sent.doc
            before = doc[m.sent.start - 1].sent if m.sent.start > 0 else m.sent
            if any(_lemma(x) in _PROTEST_WORDS for x in [*before, *m.sent]):
                return True
    return False


def _nonstate_actor(actor1: str | None, a1_side: str | None) -> bool:
    """"rebels", "militiamen", "the M23", "the AA": an actor named by a non-state noun, as a known armed
    group that is not a state's force, or by a name of no state whose head is no state's force word."""
    words = (actor1 or "").lower().split()
    if any(w.rstrip("s") in lex.NONSTATE_NOUNS or w in lex.NONSTATE_NOUNS for w in words):
        return True
    group = known_group(actor1) if actor1 else None
    if group is not None:
        return group.get("inter") != 1
    return bool(words) and a1_side is None and not _state_forces_named(actor1) and not _state_agent(words[-1]) and (
        words[-1] not in lex.NON_ACTOR_WORDS and actor1[:1].isupper())


def _conceded(m: Mention) -> bool:
    """A party asserting a deed of the other side (a loss conceded, not a gain claimed)."""
    a1_side = side_of_text(m.actor1)
    return bool(m.claimant_side and a1_side and m.claimant_side != a1_side and m.claimant_side != "MEDIA")


OCCURRENCE_SENTENCES = 2  # "the incident happened on Wednesday" gives its day to an incident told this close before


def _day_told_after(ctx: Context, d: _Draft) -> DateMention | None:
    """"Five villagers have been killed in an ambush, police said. The spokesman said the incident happened on
    Wednesday": a sentence that tells no act of its own, only when "the incident" happened, dates the
    incident told just before (the draft has no day of its own)."""
    if _hidden(d.first) or d.first.kind not in lex.VIOLENT_KINDS:
        return None
    sents = ctx.sentences
    for k in range(d.last_sent + 1, min(len(sents), d.last_sent + 1 + OCCURRENCE_SENTENCES)):
        sent = sents[k]
        for t in sent:
            told = _lemma(t) in lex.OCCURRENCE_VERBS or (_lemma(t) == "take" and any(_lemma(o) == "place" for o in _children(t, "dobj")))
            if not told or t.pos_ not in ("VERB", "AUX"):
                continue
            subj = _children(t, "nsubj")
            if not subj or _lemma(subj[0]) not in lex.INCIDENT_NOUNS or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj[0].children):
                continue
            days = [dm for dm in ctx.dates if dm.date and dm.precision == 1 and sent.start_char <= dm.start < sent.end_char
                    and any(a.i == t.i for a in ctx.doc[ctx.doc.char_span(dm.start, dm.end, alignment_mode="expand").root.i].ancestors)]
            if days:
                return days[0]
        # "... were killed in an attack, the army announced on Tuesday. 'Seventeen soldiers ... lost their lives' on
        # Monday, he said": the day of the verb the incident's own toll hangs on, in a sentence telling no act
        for f in (f for m in d.mentions for f in m.figures if f.category == "killed" and sent.start_char <= f.start < sent.end_char):
            verb = _verb_above(ctx.doc, f.start, f.end)
            for dm in ctx.dates:
                if (verb is not None and dm.date and dm.precision == 1 and sent.start_char <= dm.start < sent.end_char
                        and getattr(_verb_above(ctx.doc, dm.start, dm.end), "i", None) == verb.i):
                    return dm
    return None


def _verb_above(doc, start: int, end: int):
    """The first verb above a span in the parse (the verb a count or a day hangs on)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((a for a in span.root.ancestors if a.pos_ == "VERB"), None)


def _evidence(d: _Draft) -> list[dict]:
    """Every sentence of the draft's mentions, once, verbatim with its offsets."""
    evidence = []
    seen = set()
    for m in d.mentions:
        s = m.sent
        lo, hi = d.stretches.get(s.start_char, (s.start_char, s.end_char))
        raw = s.doc.text[lo:hi]
        st = lo + (len(raw) - len(raw.lstrip()))
        t = raw.strip()
        if st in seen:
            continue
        seen.add(st)
        evidence.append({"text": t, "start": st, "end": st + len(t)})
    return evidence


def _event_place(d: _Draft) -> tuple[Place | None, bool]:
    """The draft's place; for a clause naming only a place the gazetteer lacks, the known place it was told near
    (a guess: precision 3), and whether it is that guess."""
    place = d.place()
    if place is not None:
        return place, False
    near = next((m.place_near_unknown for m in d.mentions if m.place_near_unknown is not None), None)
    return near, near is not None


def _to_event(ctx: Context, d: _Draft) -> Event:
    first = d.first
    sent = first.sent
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    end = start + len(text)
    place, near_unknown = _event_place(d)
    dm = d.date()
    if d.own_date() is None:
        dm = _day_told_after(ctx, d) or dm
    tags: set[str] = set()
    for m in d.mentions:
        tags |= m.tags
    # actors: the first mention that names them, skipping denials (the denier is not the actor)
    actor1 = next((m.actor1 for m in d.mentions if m.actor1 and not m.denied), None)
    actor2 = next((m.actor2 for m in d.mentions if m.actor2 and not m.denied), None)
    actor2_head = next((m.actor2_head for m in d.mentions if m.actor2 and not m.denied), None)
    asserters = [m for m in d.mentions if not m.denied]
    claimant_m = next((m for m in asserters if m.claimant), None)
    # only parties assert it: a claim, not a confirmed change (residents and medics are not parties)
    # (an actor without a known side that claims its own deed is a party too: "rebels said they had captured X")
    # (and the other side acknowledging it confirms it: "Ukrainian officials acknowledged that Russian forces control X")
    reporter_says = any(not m.claimed or (m.claimant and not m.claimant_side and m.claimant != _actor_name(m.actor1))
                        or _conceded(m) for m in asserters)
    figures = [f for m in d.mentions for f in m.figures]
    summed = {k: v for m in d.mentions for k, v in m.counts.items()}
    toll = _toll(figures, summed, ctx.text, _headline_doers(ctx.doc, figures), ctx.figures)
    a1_side = side_of_text(actor1)
    if a1_side is None and d.first.kind == "territory" and place is not None:
        # "Government troops retook X": the state whose forces they are is the state the place is in
        known = event_actor(actor1, None, "actor1", alpha3(place.country), "Battles", "")
        a1_side = known.side if known is not None and known.side == alpha3(place.country) else None
    etype, sub, type_tags = _event_type(d, actor1, a1_side, actor2_head, figures, place, claimed=not reporter_says)
    tags |= set(type_tags)
    a1_head = (actor1 or "").lower().split()[-1:]
    if etype == "Protests" and a1_head and (people.force_kind(a1_head[0]) in ("state", "police") or a1_head[0] in lex.STATE_FORCE_HEADS):
        actor1, actor2, a1_side = "protesters", actor1, None  # "police fired tear gas at protesters": the crowd acts, the police intervene
    if toll is None and any(m.single_death for m in d.mentions):
        toll = max(m.single_death for m in d.mentions)
    if "failed" in tags and d.first.kind not in ("corridor", "agreement"):
        tags.discard("failed")
    # date
    published = ctx.published
    if dm is not None:
        ev_date, ev_end, precision = dm.date, dm.date_end or dm.date, dm.precision or 1
    elif published:
        ev_date, ev_end, precision = published, None, 2  # reported without a date: the publication week
        tags.add("undated")
    else:
        ev_date, ev_end, precision = None, None, None
    if _is_historical(ctx, dm):
        tags |= {"historical", "background"}
    evidence = _evidence(d)
    statement_ids = []
    for m in d.mentions:
        for sid in m.statement_ids:
            if sid not in statement_ids:
                statement_ids.append(sid)
    for f in figures:
        if f.statement_id and f.statement_id not in statement_ids:
            statement_ids.append(f.statement_id)
    # ACLED actor names (docs/events.md, 'Actor names'): state forces, civilians, known groups; no fragments
    home = alpha3(place.country) if place is not None else None
    a1 = event_actor(actor1, a1_side, "actor1", home, etype, text)
    a2 = event_actor(actor2, side_of_text(actor2), "actor2", home, etype, text)
    trigger = first.primary.text
    if _lemma(first.primary) == "open":
        trigger = "opened fire"
    ev = Event(
        id=ctx.make_id("evt", start, end, first.primary.idx),
        article_ids=[ctx.article.id],
        event_type=etype,
        sub_event_type=sub,
        text=text,
        start=start,
        end=end,
        tags=sorted(tags),
        actor1=a1.name if a1 else None,
        actor1_side=a1.side if a1 else None,
        actor2=a2.name if a2 else None,
        actor2_side=a2.side if a2 else None,
        place=(place.canonical or place.name) if place is not None else None,
        place_id=place.id if place is not None else None,
        geonames_id=place.geonames_id if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        geo_precision=3 if near_unknown else _geo_precision(d, place),
        date=ev_date,
        date_end=ev_end,
        time_precision=precision,
        fatalities=toll,
        figure_ids=[f.id for f in figures],
        claimed_by=claimant_m.claimant if claimant_m else None,
        claimed_by_side=claimant_m.claimant_side if claimant_m else None,
        trigger=trigger,
        evidence=evidence,
        statement_ids=statement_ids,
    )
    return ev

