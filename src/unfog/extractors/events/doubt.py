"""A learned second opinion on each merged event: is it a reported incident of its own?

The rules before this stage decide what a clause tells; on real news many shown events are still general
statements, campaigns, background or retellings. This stage scores each event with a small logistic model over
facts the extractor already holds about it (kind, ACLED type, tense of the trigger's verb, whether it sits in a
quote or a reported clause, its own day or none, how precise its place is, where in the article it is told, how
many mentions joined it). No word of any article is a feature. An event scoring below the threshold gets the
hidden tag ``doubtful``: kept, but off the default view and the ACLED export like background.

Only events of the ACLED types listed as ``applies_to`` are ever doubted (no list: every type). The violent
families are where real reporting retells, generalises and summarises; a surrender, an evacuation or a mass grave
is told once and rarely, and a model trained on real reporting learns to doubt them for their rarity alone.

The feature names, weights, threshold and their provenance (sets, date, cross-validation) are data:
``lexicons/event_filter.json``, written by ``benchmarks/train_event_filter.py``. Without a threshold the stage
tags nothing. A caller can receive every event's feature values by passing a dict as the ``event_features``
option (event id -> {name: value}); the trainer does.
"""
from __future__ import annotations

import math
from datetime import date

from unfog.extractors.context import Context
from unfog.extractors.events.common import Mention, _anchor, _children, _is_heading, _lemma
from unfog.lexicons import events as lex
from unfog.lexicons import load
from unfog.model import Event

TAG = "doubtful"

EVENT_TYPES = {
    "Battles": "type_battles",
    "Explosions/Remote violence": "type_remote",
    "Violence against civilians": "type_civilians",
    "Protests": "type_protests",
    "Riots": "type_riots",
    "Strategic developments": "type_strategic",
}

FUTURE_AUX = {"will", "shall", "'ll", "wo"}

QUOTES = {'"', "“", "”", "«", "»"}


def model() -> dict:
    """The filter's data file (lexicons/event_filter.json), read once."""
    return load("event_filter")


def _tense(tok) -> dict[str, float]:
    """The tense and aspect of the verb a trigger belongs to ("shelled": past; "are shelling": present
    progressive; "have been killed": perfect; "could attack": modal; "attacks on": no verb of its own)."""
    verb = _anchor(tok)
    out = dict.fromkeys(("tense_past", "tense_present", "tense_progressive", "tense_perfect", "tense_modal",
                         "tense_infinitive", "tense_none"), 0.0)
    if verb.pos_ not in ("VERB", "AUX"):
        out["tense_none"] = 1.0
        return out
    auxes = _children(verb, "aux", "auxpass")
    lemmas = {_lemma(a) for a in auxes}
    if lemmas & lex.MODALS or {a.lower_ for a in auxes} & FUTURE_AUX:
        out["tense_modal"] = 1.0
    if any(a.tag_ == "TO" for a in auxes) or (verb.tag_ == "VB" and not auxes):
        out["tense_infinitive"] = 1.0
    if "have" in lemmas:
        out["tense_perfect"] = 1.0
    if verb.tag_ == "VBG" and any(_lemma(a) == "be" for a in _children(verb, "aux")):
        out["tense_progressive"] = 1.0
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        out["tense_past"] = 1.0
    elif verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        out["tense_present"] = 1.0
    if not any(out.values()):
        out["tense_none"] = 1.0  # a participle or gerund hanging on a noun ("the village attacked on Monday")
    return out


def _in_quote(ctx: Context, tok) -> bool:
    """Inside quotation marks: a quote statement covers it, or an odd number of quote marks opens its paragraph."""
    pos = tok.idx
    if any(s.quote and (s.content_start or s.start) <= pos < (s.content_end or s.end) for s in ctx.statements):
        return True
    text = ctx.text
    para = text.rfind("\n", 0, pos) + 1
    return sum(text.count(q, para, pos) for q in QUOTES) % 2 == 1


def _reported(ctx: Context, m: Mention) -> bool:
    """Told as someone's statement (a reported clause, a claim), not in the writer's own voice."""
    pos = m.primary.idx
    return bool(m.claimant or m.statement_ids) or any(
        not s.quote and (s.content_start or s.start) <= pos < (s.content_end or s.end) for s in ctx.statements)


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days if a and b else None
    except ValueError:
        return None


def features(ctx: Context, mentions: list[Mention], ev: Event, own_day: bool, earlier: list[Event],
             article_events: int, sentences: int) -> dict[str, float]:
    """Every feature value of one merged event (names as in event_filter.json); ``earlier``: the article's
    events told in sentences before its first."""
    first = mentions[0]
    f: dict[str, float] = dict.fromkeys(EVENT_TYPES.values(), 0.0)
    if ev.event_type in EVENT_TYPES:
        f[EVENT_TYPES[ev.event_type]] = 1.0
    f["kind_violent"] = float(first.kind in lex.VIOLENT_KINDS)
    f["kind_announced"] = float(first.kind in lex.ANNOUNCED_KINDS)
    f["trigger_noun"] = float(first.primary.pos_ in ("NOUN", "PROPN"))
    f["trigger_plural"] = float(first.primary.tag_ in ("NNS", "NNPS"))
    f.update(_tense(first.primary))
    f["negated"] = float(any(_children(t, "neg") for t in (first.primary, _anchor(first.primary))))
    f["in_quote"] = float(_in_quote(ctx, first.primary))
    f["reported"] = float(_reported(ctx, first))
    # when: its own day, a week or a month, only the day of a statement, or none (the publication week)
    f["own_day"] = float(own_day)
    f["undated"] = float(ev.date is None or "undated" in ev.tags)
    f["date_coarse"] = float((ev.time_precision or 1) >= 2 and "undated" not in ev.tags)
    gap = _days(ev.date_end or ev.date, ctx.published)
    f["date_gap"] = math.log1p(max(0, gap)) if gap is not None and "undated" not in ev.tags else 0.0
    # where: a town or village, a district, a region or country, or nowhere
    f["place_none"] = float(ev.lat is None)
    f["place_settlement"] = float(ev.lat is not None and ev.geo_precision == 1)
    f["place_district"] = float(ev.lat is not None and ev.geo_precision == 2)
    f["place_region"] = float(ev.lat is not None and (ev.geo_precision or 3) >= 3)
    f["place_guessed"] = float(all(m.place_guessed or m.place is None for m in mentions) and ev.lat is not None)
    f["place_in_clause"] = float(any(m.place_local for m in mentions))
    # where in the article, and how often told
    si = min(m.sent_index for m in mentions)
    f["headline"] = float(any(_is_heading(m.sent) and m.sent_index <= 1 for m in mentions))
    f["lead"] = float(any(m.sent_index <= 2 and not _is_heading(m.sent) for m in mentions))
    f["position"] = si / max(1, sentences - 1)
    f["mentions"] = math.log1p(len(mentions) - 1)
    f["sentences"] = math.log1p(len({m.sent_index for m in mentions}) - 1)
    f["article_events"] = math.log1p(article_events)
    # what it says of the incident
    f["killed"] = float(bool(ev.fatalities))
    f["figures"] = float(bool(ev.figure_ids))
    f["actor1"] = float(bool(ev.actor1))
    f["actor2"] = float(bool(ev.actor2))
    f["weapon"] = float(any(m.weapon for m in mentions))
    f["anaphoric"] = float(first.anaphoric)
    f["claimed"] = float(bool(ev.claimed_by))
    f["denial"] = float("denial" in ev.tags)
    f["live_blog"] = float(first.entry > 0)
    # kinds of act, coarsely (ACLED's ranks: a fight, a strike from afar, an act on people, the rest)
    rank = lex.RANK.get(first.kind, 4)
    for r in (1, 2, 3, 4):
        f[f"rank_{r}"] = float(rank == r)
    # told before: an earlier event of the same type, at the same place, on the same day (a retelling)
    same = [e for e in earlier if e.event_type == ev.event_type]
    f["earlier_same_type"] = float(bool(same))
    f["earlier_same_place"] = float(ev.place_id is not None and any(
        e.place_id == ev.place_id or (e.place and e.place == ev.place) for e in earlier))
    f["earlier_same_type_place"] = float(ev.place is not None and any(e.place == ev.place for e in same))
    f["earlier_same_day"] = float("undated" not in ev.tags and any(
        e.date == ev.date and "undated" not in e.tags for e in earlier))
    return f


def score(f: dict[str, float], weights: dict[str, float], bias: float) -> float:
    """The model's probability that the event is an incident of its own (a plain dot product)."""
    z = bias + sum(w * f.get(name, 0.0) for name, w in weights.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def applies(ev: Event, data: dict | None = None) -> bool:
    """Whether the filter may doubt this event: its ACLED type is one the model was trained and is applied on."""
    types = (model() if data is None else data).get("applies_to")
    return types is None or ev.event_type in types


def mark_doubtful(ctx: Context, drafts: list[tuple[list[Mention], Event, bool]], sentences: int,
                  data: dict | None = None) -> None:
    """Tag ``doubtful`` each event of a type the filter applies to scoring below the threshold (drafts: each
    event's mentions, the event, and whether it has a day of its own; sentences: how many the mentions' indices
    count). Feature values of every event go to ``ctx.options["event_features"]`` when given."""
    data = model() if data is None else data
    sink = ctx.options.get("event_features")
    threshold = data.get("threshold")
    if sink is None and threshold is None:
        return
    n = len({id(ms) for ms, _, _ in drafts})
    told = sorted(drafts, key=lambda x: (min(m.sent_index for m in x[0]), x[0][0].primary.i))
    for k, (ms, ev, own_day) in enumerate(told):
        # told before: in an earlier sentence (two events of one sentence are two readings of it, not a retelling)
        first = min(m.sent_index for m in ms)
        earlier = [e for ms2, e, _ in told[:k] if min(m.sent_index for m in ms2) < first]
        f = features(ctx, ms, ev, own_day, earlier, n, sentences)
        if sink is not None:
            sink[ev.id] = f
        if (threshold is not None and applies(ev, data) and TAG not in ev.tags
                and score(f, data["weights"], data["bias"]) < threshold):
            ev.tags = sorted(set(ev.tags) | {TAG})
