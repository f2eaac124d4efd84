"""Nouns for people (``people.json``), loaded once: one list for figures and events."""
from __future__ import annotations

import re

from unfog.lexicons import load, singular

_DATA = load("people")

CIVILIAN_NOUNS: frozenset[str] = frozenset(_DATA["civilian"])
COMBATANT_NOUNS: frozenset[str] = frozenset(_DATA["combatant"])
# every noun that names people, whichever side or status
PEOPLE_NOUNS: frozenset[str] = frozenset(_DATA["other_people"]) | CIVILIAN_NOUNS | COMBATANT_NOUNS
CIVILIAN_TARGETS: frozenset[str] = frozenset(_DATA["civilian_targets"])
COMBATANT_UNITS: frozenset[str] = frozenset(_DATA["combatant_units"])
# nouns that name a count of people without being people ("the death toll ... 300")
COUNT_NOUNS: frozenset[str] = frozenset(_DATA["count"])
# what a party's voice calls its own fighters ("five of our men")
OWN_MEN_NOUNS: frozenset[str] = frozenset(_DATA["own_men"])

# the kind of armed men a combatant noun counts ("soldiers": a state's; "rebels": a non-state group's)
FORCE_KIND: dict[str, str] = {w: kind for kind, words in _DATA["force_kind"].items() if not kind.startswith("_") for w in words}


def force_kind(noun: str | None) -> str | None:
    """'state' for "soldiers", 'police' for "policemen"; 'nonstate' for "rebels", "militants"; None for anyone else."""
    if not noun:
        return None
    low = noun.lower().strip()
    return FORCE_KIND.get(low) or FORCE_KIND.get(singular(low))


def group_noun(noun: str | None) -> str | None:
    """The group a noun names among the civilians' or combatants' nouns, in its singular ("drivers": driver,
    "soldiers": soldier), or None for a noun of no group ("people", "members", "victims")."""
    low = (noun or "").lower().strip()
    for w in (singular(low), low):
        if w in CIVILIAN_NOUNS or w in COMBATANT_NOUNS:
            return w
    return None


def is_people_word(text: str) -> bool:
    """A noun for people ("Police", "Residents", "Officials"), even capitalised by its place in a sentence:
    no town's name, whatever the gazetteer holds."""
    low = text.lower().strip()
    return low in PEOPLE_NOUNS or singular(low) in PEOPLE_NOUNS


_OWN = _DATA["own_force"]
_POSSESSIVE_RE = re.compile(r"\b(?:" + "|".join(_OWN["possessives"]) + r")\s+(?:own\s+)?", re.I)
_OWN_BEFORE_RE = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(c) for c in sorted(_OWN["loss_cues"], key=len, reverse=True)) + r")"
    r"|\b(?:" + "|".join(_OWN["possessives"]) + r")(?:\s+own)?)\s+(?:(?:no|any|only|some)\s+)?$", re.I)


def counts_own_men(text: str, before: str) -> bool:
    """A count of the speaker's own men: "two of its own men", "only two of its fighters" (``text``, the
    count's words), "it had lost no fighters", "their own" (``before``, the words right before it)."""
    return bool(_POSSESSIVE_RE.search(text or "")) or bool(_OWN_BEFORE_RE.search(before or ""))


def claimant_force(claimant: str | None) -> str:
    """The kind of force a claimant's own men are: 'state' for "the army", "the defence ministry", "a division
    spokesman"; 'police' for the police; 'nonstate' for anyone else who speaks of its fighters ("a spokesman for
    the group")."""
    low = (claimant or "").lower()
    words = set(re.findall(r"[a-z]+", low))
    kinds = {force_kind(w) for w in words}
    if "state" in kinds or any(re.search(r"\b" + re.escape(b) + r"\b", low) for b in _OWN["state_bodies"]):
        return "state"
    if "police" in kinds:
        return "police"  # "a police spokesman": its own men are policemen
    return "nonstate"


_PARTS = _DATA["toll_parts"]
BODY_NOUNS: frozenset[str] = frozenset(_PARTS["body_nouns"])
INCREMENT_OPENERS: tuple[str, ...] = tuple(_PARTS["increment_openers"])  # "Another two were killed"
_INCREMENT_RE = re.compile(r"^\S+(?:\s+\S+)?\s+(?:" + "|".join(_PARTS["increment_words"]) + r")\b", re.I)


_PART_RE = re.compile(r"^\S+\s+(?:" + "|".join(re.escape(w) for w in _PARTS["part_words"]) + r")\b", re.I)


def is_part_phrase(text: str) -> bool:
    """A count told as a part of the toll before it: "four of them", "two of the dead"."""
    return bool(_PART_RE.search(text or ""))


def is_increment(text: str, after: str = "") -> bool:
    """A count of what was added to a toll: "eight more bodies", "three further deaths"; with ``after`` (the
    words right after it), also a bare number told as added ("268 more were flown home"; not "more than")."""
    return bool(_INCREMENT_RE.search(text or "")) or bool(_INCREMENT_AFTER_RE.match(after or ""))


_INCREMENT_AFTER_RE = re.compile(r"^\s+(?:" + "|".join(_PARTS["increment_words"]) + r")\b(?!\s+than\b)", re.I)
RISE_CUE_RE = re.compile(r"\b(?:" + "|".join(_PARTS["rise_cues"]) + r")\b", re.I)


def bodies_of(text: str, after: str) -> str | None:
    """For a count of bodies ("seven bodies" then " of gunmen", "the bodies of 15 militants"), the noun of who
    they were ("gunmen", "militants"); None for any other count."""
    words = re.findall(r"[a-z]+", (text or "").lower())
    if not words or not (set(words) & BODY_NOUNS):
        return None
    if words[-1] not in BODY_NOUNS:
        return words[-1]  # "the bodies of 15 militants": the count's noun says who
    rest = re.findall(r"[a-z]+", (after or "").lower())[:5]
    if not rest or rest[0] != "of":
        return None
    return next((w for w in rest[1:] if is_people_word(w)), None)


_BODIES_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(BODY_NOUNS)) + r")\s+of\s+(?:the\s+)?$", re.I)


def is_body_count(text: str, before: str) -> bool:
    """A count of bodies: "seven bodies", "the bodies of four soldiers", "15 militants" after "the bodies of"."""
    return bool(set(re.findall(r"[a-z]+", (text or "").lower())) & BODY_NOUNS) or bool(_BODIES_BEFORE_RE.search(before or ""))


_KILLED_BY_RE = re.compile(r"\b([A-Za-z]+)\s+(?:had\s+|have\s+|has\s+)?(?:" + "|".join(
    re.escape(v) for v in sorted(_DATA["killed_by"]["verbs"], key=len, reverse=True)) + r")\s+(?:at\s+least\s+|some\s+)?$", re.I)
_OTHER_FORCE = {"state": "nonstate", "police": "nonstate", "nonstate": "state"}


_PARTY_NOUNS = frozenset(_DATA["killed_by"]["party_nouns"])


def party_of(noun: str | None, after: str) -> str | None:
    """For a count of a party's men told with the party after it ("22 members" then " of the group's fighters"),
    the words naming the party, up to the clause's end; None for any other count."""
    if (noun or "").lower() not in _PARTY_NOUNS:
        return None
    m = re.match(r"\s+of\s+([^,;:.()\"“”]{2,60})", after or "")
    return m.group(1) if m else None


def force_of_the_killed(noun: str | None, before: str) -> str | None:
    """'Soldiers killed seven members of the front': a count of a party's men (``noun``: members, fighters), right
    after ``before``, is of the other kind of force than the one that killed them; None when ``before`` names no
    force doing it or the noun may be anyone's ("people")."""
    if (noun or "").lower() not in _PARTY_NOUNS:
        return None
    m = _KILLED_BY_RE.search(before or "")
    return _OTHER_FORCE.get(force_kind(m.group(1))) if m else None
