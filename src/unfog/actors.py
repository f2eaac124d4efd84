"""Well-known actors: canonical names, roles and sides (ISO 3166-1 alpha-3, INT, MEDIA).

Used by statements (speaker side), figures (claimant and group side), events
(actor sides) and fusion (one entity, many names). First version: a tiny
table; the claims issue grows it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name ("Sergei Shoigu", "Russia's defence ministry")
    side: str | None = None  # RUS, UKR, INT, MEDIA, ... or None
    role: str | None = None  # "defence minister", "mayor of Mariupol", ...
    kind: str = "person"  # person | organisation | collective | state | media | unit


def lookup_actor(text: str) -> Actor | None:
    """The known actor a mention refers to ("Mr Shoigu", "the Kremlin"), or None."""
    return None


def side_of(text: str) -> str | None:
    """The side a phrase points to ("Russian forces" -> RUS, "the UN" -> INT), or None."""
    return None
