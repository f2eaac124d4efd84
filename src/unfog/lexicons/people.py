"""Nouns for people (``people.json``), loaded once: one list for figures and events."""
from __future__ import annotations

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
FORCE_KIND: dict[str, str] = {w: kind for kind in ("state", "police", "nonstate") for w in _DATA["force_kind"][kind]}


def force_kind(noun: str | None) -> str | None:
    """'state' for "soldiers", 'police' for "policemen"; 'nonstate' for "rebels", "militants"; None for anyone else."""
    if not noun:
        return None
    low = noun.lower().strip()
    return FORCE_KIND.get(low) or FORCE_KIND.get(singular(low))


def is_people_word(text: str) -> bool:
    """A noun for people ("Police", "Residents", "Officials"), even capitalised by its place in a sentence:
    no town's name, whatever the gazetteer holds."""
    low = text.lower().strip()
    return low in PEOPLE_NOUNS or singular(low) in PEOPLE_NOUNS
