"""A learned second opinion on the kind of relation between two comparable figures.

``fuse._kind`` decides by hand-written rules whether two figures of one quantity corroborate, contradict or update
each other. On real news many true updates (a later, higher toll of one incident from the next report, another
outlet, the same ministry) fall between its rules, and every hand-relaxed rule so far cost more precision than it
gained. This module scores a comparable pair with a small multinomial logistic model over facts fusion already
holds about the two figures (how their values compare, which is later and by how much, whether one report, one
outlet, one claimant or one side tells both, what kinds of body the claimants are, a rise cue in the later
sentence, the qualifiers, the category, and the rule's own answer). No word of any article is a feature.

The learned kind replaces the rule's answer only when its probability beats the probability of the rule's answer
by ``margin`` (chosen by cross-validation) and the change is one of ``changes`` (e.g. "none>updates"). The
decision depends only on the pair (``a`` not later than ``b`` in the quantity's order), so relations stay the same
whatever the order or chunking of the input.

Feature names, weights, margin and their provenance are data: ``lexicons/relation_kind.json``, written by
``benchmarks/train_relation_kind.py``. Without a margin the model changes nothing.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from unfog.fusion.entities import anonymous_voice, body_kinds, same_body
from unfog.lexicons import load, toll_rise
from unfog.lexicons.actors import camp, civil_war_parties

KINDS = ("none", "corroborates", "contradicts", "updates")
NON_PARTY_SIDES = frozenset({"INT", "MEDIA", "CIV", "UNK"})
CATEGORIES = ("killed", "wounded", "displaced", "captured", "missing")
# why a learned relation was made (the desk shows it as the relation's note)
WHY = {"corroborates": "the two counts agree (learned)",
       "contradicts": "different claimants give incompatible figures (learned)",
       "updates": "a later count of the same toll (learned)"}

_RISEN_RE = re.compile(toll_rise(counted=True), re.I)
_LATER_RE = re.compile("|".join(load("categories")["toll_rise"]["later_cues"]), re.I)


@lru_cache(maxsize=1)
def model() -> dict:
    """The model's data file (lexicons/relation_kind.json), read once."""
    return load("relation_kind")


@lru_cache(maxsize=65536)  # asked for each pair a figure is in (fuse's rules ask it too)
def told_risen(sentence: str) -> bool:
    """The sentence tells a toll as risen ("the toll has risen to 26")."""
    return _RISEN_RE.search(sentence) is not None


def told_later(sentence: str, text: str) -> bool:
    """The count ``text`` is told as a later one, before it in its sentence ("Later the committee said 75 had died")."""
    i = sentence.find(text or "\0")
    return i > 0 and bool(_LATER_RE.search(sentence[:i]))


@lru_cache(maxsize=16384)  # a pure function of the claimant's name, role and side
def claimant_kind(name: str | None, role: str | None, side: str | None, outlet: bool) -> str:
    """What kind of voice gives a count: the outlet itself or another paper ("media"), an international body
    ("intl"), a health or rescue body ("health"), an army or police ("force"), a government or its officials
    ("government"), an armed group ("group"), unnamed sources ("anonymous"), or none of these ("other")."""
    if outlet or side == "MEDIA":
        return "media"
    if side == "INT":
        return "intl"
    if anonymous_voice(name):
        return "anonymous"  # ("two security sources": unnamed, whichever body they are said to be of)
    kinds = body_kinds(name) | body_kinds(role)
    if kinds & {"health", "rescue"}:
        return "health"
    if name and camp(name, role) == "nonstate":
        return "group"
    if kinds & {"army", "police", "border"}:
        return "force"
    if kinds & {"government", "committee"} or (name and camp(name, role) == "state"):
        return "government"
    return "other"


VOICE_KINDS = ("media", "intl", "health", "group", "force", "government", "anonymous", "other")


def _shape(rng: tuple[float, float, float]) -> str:
    """How a value was told, from its comparison range: "open" (at least, more than), "below" (up to, nearly),
    "about" (about, some; or a range), "exact"."""
    lo, v, hi = rng
    if hi == math.inf:
        return "open"
    if lo < v and hi == v:
        return "below"
    if lo < v or hi > v:
        return "about"
    return "exact"


def features(a, b, rule: str | None) -> dict[str, float]:
    """Every feature value of a comparable pair of figure views (``fuse.FigureView``), ``a`` not later than
    ``b``, and the rule's answer (a kind or None). Names as listed in relation_kind.json."""
    fa, fb = a.fig, b.fig
    (la, va, ha), (lb, vb, hb) = a.rng, b.rng
    f: dict[str, float] = {}
    lo, hi = min(va, vb), max(va, vb)
    f["log_ratio"] = math.log((hi + 1.0) / (lo + 1.0))
    f["log_value"] = math.log1p(lo)
    f["equal"] = float(va == vb)
    f["b_higher"] = float(vb > va)
    f["b_lower"] = float(vb < va)
    f["overlap"] = float(la <= hb and lb <= ha)
    f["within_tolerance"] = float(hi - lo <= 0.15 * max(hi, 1.0))
    f["zero"] = float((va == 0) != (vb == 0))
    for who, rng in (("a", a.rng), ("b", b.rng)):
        shape = _shape(rng)
        for s in ("open", "below", "about"):
            f[f"{who}_{s}"] = float(shape == s)
    f["both_vague"] = float(fa.value is None and fb.value is None)
    # when: the day counted, the day reported, the time of day told
    gap = (b.day or 0) - (a.day or 0)
    reported = (b.key.reported or 0) - (a.key.reported or 0)
    f["same_day"] = float(gap == 0)
    f["day_gap"] = math.log1p(max(0, gap))
    f["reported_later"] = float(reported > 0)
    f["report_gap"] = math.log1p(max(0, reported))
    f["clock_later"] = float(a.key.clock is not None and b.key.clock is not None and b.key.clock > a.key.clock)
    f["a_undated"] = float(fa.date is None)
    f["b_undated"] = float(fb.date is None)
    # who: one report, one outlet, one claimant, one side, the two parties
    same_report = fa.article_id == fb.article_id
    f["same_report"] = float(same_report)
    f["same_outlet"] = float(bool(a.key.source) and a.key.source == b.key.source and not same_report)
    f["same_claimant"] = float(bool(a.claimant) and (a.claimant == b.claimant or same_body(fa.claimant, fb.claimant)))
    civil_war = civil_war_parties(a.claimant, b.claimant, fa.claimant_role, fb.claimant_role)
    f["same_side"] = float(a.side is not None and a.side == b.side and not civil_war)
    f["side_unknown"] = float(a.side is None or b.side is None)
    f["opposite_parties"] = float(civil_war or (a.side != b.side and not {a.side, b.side} & (NON_PARTY_SIDES | {None})))
    for who, v in (("a", a), ("b", b)):
        kind = claimant_kind(v.fig.claimant, getattr(v.fig, "claimant_role", None), v.side, not v.fig.claimant)
        for k in VOICE_KINDS:
            f[f"{who}_voice_{k}"] = float(kind == k)
    f["same_voice_kind"] = float(any(f[f"a_voice_{k}"] and f[f"b_voice_{k}"] for k in VOICE_KINDS))
    # what the sentences say of the counts
    f["b_risen"] = float(told_risen(fb.sentence or ""))
    f["a_risen"] = float(told_risen(fa.sentence or ""))
    f["b_told_later"] = float(told_later(fb.sentence or "", fb.text or ""))
    f["prior"] = float(a.prior or b.prior)
    # together (a linear model does not combine facts by itself): a higher count told later, not by the other party
    later = f["reported_later"] or f["clock_later"] or gap > 0
    f["later_higher"] = float(later and vb > va)
    f["later_lower"] = float(later and vb < va)
    f["later_higher_not_parties"] = float(later and vb > va and not f["opposite_parties"])
    f["moderate_rise"] = float(va < vb <= 3 * max(va, 1.0))
    f["risen_higher"] = float(f["b_risen"] and vb > va)
    f["own_source_higher"] = float(vb > va and bool(f["same_claimant"] or f["same_side"] or f["same_outlet"]))
    f["agree_apart"] = float(f["within_tolerance"] and not f["same_claimant"])
    # what is counted: one incident, a day, a running total
    f["incident"] = float(bool(a.key.incident and b.key.incident))
    f["daily"] = float("daily" in (a.period, b.period))
    f["cumulative"] = float("cumulative" in (a.period, b.period))
    for c in CATEGORIES:
        f[f"cat_{c}"] = float(fa.category == c)
    for k in KINDS:
        f[f"rule_{k}"] = float((rule or "none") == k)
    return f


def probabilities(f: dict[str, float], data: dict) -> dict[str, float]:
    """The model's probability of each kind (softmax of one dot product per kind)."""
    z = {k: data["bias"][k] + sum(w * f.get(n, 0.0) for n, w in data["weights"][k].items()) for k in data["kinds"]}
    top = max(z.values())
    e = {k: math.exp(v - top) for k, v in z.items()}
    s = sum(e.values())
    return {k: v / s for k, v in e.items()}


def learned(f: dict[str, float], rule: str | None, data: dict) -> str | None:
    """The kind the model gives in place of the rule's answer (None: no relation), or the rule's answer when the
    model does not beat it by the margin or the change is not one the data allows."""
    margin = data.get("margin")
    if margin is None:
        return rule
    p = probabilities(f, data)
    best = max(data["kinds"], key=lambda k: (p[k], k))
    have = rule or "none"
    if best == have or p[best] - p.get(have, 0.0) <= margin or f"{have}>{best}" not in data.get("changes", ()):
        return rule
    return None if best == "none" else best


def revise(a, b, found: tuple[str, str] | None, data: dict | None = None) -> tuple[str, str] | None:
    """The rule's answer for a comparable pair (``found``: (kind, why) or None), replaced by the learned kind when
    the model is on and beats it (see :func:`learned`)."""
    data = model() if data is None else data
    if data.get("margin") is None:
        return found
    rule = found[0] if found else None
    kind = learned(features(a, b, rule), rule, data)
    if kind == rule:
        return found
    return (kind, WHY[kind]) if kind else None
