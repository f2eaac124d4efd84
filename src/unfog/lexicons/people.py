"""Nouns for people (``people.json``), loaded once: one list for figures and events."""
from __future__ import annotations

from unfog.lexicons import load

_DATA = load("people")

CIVILIAN_NOUNS: frozenset[str] = frozenset(_DATA["civilian"])
COMBATANT_NOUNS: frozenset[str] = frozenset(_DATA["combatant"])
# every noun that names people, whichever side or status
PEOPLE_NOUNS: frozenset[str] = frozenset(_DATA["other_people"]) | CIVILIAN_NOUNS | COMBATANT_NOUNS
CIVILIAN_TARGETS: frozenset[str] = frozenset(_DATA["civilian_targets"])
COMBATANT_UNITS: frozenset[str] = frozenset(_DATA["combatant_units"])
# nouns that name a count of people without being people ("the death toll ... 300")
COUNT_NOUNS: frozenset[str] = frozenset(_DATA["count"])
