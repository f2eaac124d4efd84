"""Territorial-control claims: who holds a place, by whose account.

A pipeline stage (after statements, places and events): each sentence with a
control cue ("has been liberated", "fell to", "captured", "withdrew from",
"remains part of", ...; the cues are data in ``lexicons/control.json``) and a
place the places extractor found gives one :class:`~unfog.model.ControlClaim`:
which place, which side the sentence says holds it, whether it disputes a
claim (denies a loss, calls a capture premature), who says so (the speaker of
the statement the sentence is in, else the outlet) and when. Events the events
extractor tagged ``territorial-claim`` give claims too. ``unfog control`` and
the desk read the stored claims (see docs/fusion.md).
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from importlib import resources

from unfog.extractors.context import Context
from unfog.lexicons.actors import side_of
from unfog.model import ControlClaim, Place

_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
HEDGE_WINDOW = 40  # characters before a cue searched for "would", "trying to", ...
SIDE_WINDOW = 60  # characters before a cue searched for the side that acts


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The cue lexicon, compiled once."""
    raw = json.loads(resources.files("unfog.lexicons").joinpath("control.json").read_text(encoding="utf-8"))
    return {
        "cues": [(re.compile(c["pattern"], re.I), c["status"], c["role"]) for c in raw["cues"]],
        "dispute": re.compile(raw["dispute"], re.I),
        "generic_object": re.compile(raw["generic_object"], re.I),
        "hedge": re.compile(raw["hedge"], re.I),
        "passive_by": re.compile(raw["passive_by"], re.I),
        "non_party": set(raw["non_party_sides"]),
        "opponents": dict(raw.get("opponents", {})),
    }


def _sentences(ctx: Context):
    for sent in ctx.sentences:
        yield sent.start_char, sent.end_char


def _topic_place(places: list[Place]) -> Place | None:
    """The place an article piece is mostly about: its most mentioned (first on ties)."""
    if not places:
        return None
    key = lambda p: p.geonames_id or (p.canonical or p.name).lower()  # noqa: E731
    counts = Counter(key(p) for p in places)
    best = max(counts.values())
    return next(p for p in sorted(places, key=lambda p: p.start) if counts[key(p)] == best)


def _parties(ctx: Context) -> list[str]:
    """Sides that are parties to the fighting in this text, most often named first."""
    non_party = lexicon()["non_party"]
    sides = [s.speaker_side for s in ctx.statements] + [x for e in ctx.events for x in (e.actor1_side, e.actor2_side)]
    counts = Counter(s for s in sides if s and s not in non_party)
    return [s for s, _ in counts.most_common()]


def _opponent(side: str | None, ctx: Context) -> str | None:
    """The other party (for "withdrew from": the other side now holds it): named in the text, else the lexicon's."""
    if not side:
        return None
    return next((s for s in _parties(ctx) if s != side), None) or lexicon()["opponents"].get(side)


def _holder(ctx: Context, sent: str, m: re.Match, status: str, role: str, claimant_side: str | None) -> str | None:
    lex = lexicon()
    if role == "holder":
        holder = side_of(m.group("who"))
    elif role in ("subject", "captor"):
        by = lex["passive_by"].match(sent, m.end())  # passive: "captured by Russian forces"
        holder = (side_of(by.group(1)) if by else None) or side_of(sent[: m.start()][-SIDE_WINDOW:]) \
            or (side_of(sent) if role == "captor" else None)
    else:  # liberator: whoever calls it liberation
        parties = set(_parties(ctx))
        holder = claimant_side if claimant_side in parties else side_of(sent[: m.start()][-HEDGE_WINDOW:])
    if status == "lost" and holder:
        holder = _opponent(holder, ctx)
    return holder


def _place_for(ctx: Context, sent: str, s: int, e: int, m: re.Match) -> Place | None:
    places = [p for p in ctx.places if s <= p.start < e and p.kind in (None, "settlement", "facility", "region", "city")]
    if places:
        return min(places, key=lambda p: abs(p.start - (s + m.start())))
    if lexicon()["generic_object"].match(sent, m.end()):
        return _topic_place(ctx.places)  # "control most of the city": the city the text is about
    return None


def _claim_in(ctx: Context, s: int, e: int) -> ControlClaim | None:
    """The claim of one sentence: the first (most specific) cue that is not hedged."""
    lex = lexicon()
    sent = ctx.text[s:e]
    year = (ctx.published or "")[:4]
    if any(y != year for y in _YEAR_RE.findall(sent)):
        return None  # history ("seized in 2014") is no claim about now
    for pat, status, role in lex["cues"]:
        m = pat.search(sent)
        if not m or lex["hedge"].search(sent[max(0, m.start() - HEDGE_WINDOW): m.start()]):
            continue
        place = _place_for(ctx, sent, s, e, m)
        if place is None:
            continue
        # the statement the cue is part of, else one the sentence shares ("X denied ..., saying ... held by")
        st = ctx.statement_at(s + m.start(), s + m.end()) or next(
            (x for x in sorted(ctx.statements, key=lambda x: x.start) if x.start < e and s < x.end), None)
        art = ctx.article
        claimant = st.speaker if st else (art.source or None)
        claimant_side = (st.speaker_side or side_of(st.speaker or "")) if st else ("MEDIA" if art.source else None)
        holder = _holder(ctx, sent, m, status, role, claimant_side)
        disputed = bool(lex["dispute"].search(sent)) or (st is not None and st.polarity == "denies")
        if disputed and claimant_side in _parties(ctx):
            holder = claimant_side  # denying a loss is claiming to still hold the place
        return ControlClaim(
            id=ctx.make_id("ctl", s, e, place.start), article_id=art.id, text=sent, start=s, end=e,
            place=place.canonical or place.name, place_id=place.id, geonames_id=place.geonames_id, holder=holder,
            status="disputes" if disputed else "claims", cue=m.group(0).strip(), claimant=claimant,
            claimant_side=claimant_side, date=(st.date if st and st.date else None) or ctx.published,
            statement_id=st.id if st else None,
        )
    return None


def _event_claims(ctx: Context) -> list[ControlClaim]:
    out = []
    for ev in ctx.events:
        if "territorial-claim" not in (ev.tags or []) or not ev.place:
            continue
        out.append(ControlClaim(
            id=ctx.make_id("ctl", ev.start, ev.end, "event"), article_id=ctx.article.id, text=ev.text,
            start=ev.start, end=ev.end, place=ev.place, place_id=ev.place_id, geonames_id=ev.geonames_id,
            holder=ev.actor1_side, status="claims", cue=ev.trigger, claimant=ev.claimed_by or ev.actor1,
            claimant_side=ev.claimed_by_side or ev.actor1_side, date=ev.date or ctx.published, event_id=ev.id,
        ))
    return out


def extract(ctx: Context) -> list[ControlClaim]:
    """Control claims of an article (piece): one per sentence with a cue and a place, and per claim event."""
    out = [c for s, e in _sentences(ctx) for c in [_claim_in(ctx, s, e)] if c is not None]
    seen = {(c.start, c.place) for c in out}
    out += [c for c in _event_claims(ctx) if (c.start, c.place) not in seen]
    return out
