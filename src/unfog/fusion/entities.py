"""One entity, many names: canonical keys for speakers, claimants and actors.

"Mr Petrenko", "Ivan Petrenko" and "Russia's defence minister" are one person;
"Azov regiment" and "Azov Regiment" one unit; a spokesman of the defence
ministry speaks for the ministry. Everything here is a pure function of names
(and, through :mod:`unfog.lexicons.actors`, of the actors table), so fusion, the
ledger and the dashboard agree on who is who.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from unfog.lexicons import load as load_lexicon
from unfog.lexicons.actors import known_actors, lookup_actor, side_of
from unfog.text import fold as text_fold

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "prof", "professor", "president", "prime", "minister",
    "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt",
    "commander", "mayor", "governor", "deputy", "chief", "spokesman", "spokeswoman", "spokesperson",
    "lord", "lady", "dame", "secretary", "senator", "ambassador",
}
ARTICLES = {"the", "a", "an"}
# Roles whose holder speaks for an organisation ("the spokesman for Russia's defence ministry").
SPOKES_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press secretary|press officer|press service|representative|"
    r"spokesperson)\b(?:\s+(?:of|for|at))?\s+(?!(?:in|on|near|from|said|says|told)\b)(?P<org>.+)$",
    re.I,
)
_POSSESSIVE = re.compile(r"['\u2019\u2018`\u02bc][sS]\b")


@functools.lru_cache(maxsize=65536)  # asked for every claimant of every pair compared; names repeat
def fold(text: str | None) -> str:
    """The name key (:func:`unfog.text.fold`) without possessives: "Russia's ministry" ~ "Russia ministry"."""
    if not text:
        return ""
    return text_fold(_POSSESSIVE.sub("", text))


def strip_titles(tokens: list[str]) -> list[str]:
    out = list(tokens)
    while out and (out[0] in ARTICLES or out[0] in TITLES):
        out.pop(0)
    return out


_SIDE_POSSESSIVE = {"RUS": "Russia's", "UKR": "Ukraine's"}
_ROLE_SPOKES_RE = re.compile(r"^(?P<org>.+?)\s+(?:spokes(?:man|woman|person)|press secretary)$", re.I)


def _lookup(name: str):
    return lookup_actor(name)


def _actor_key(name: str) -> str | None:
    actor = _lookup(name)
    if actor is None:
        return None
    # a known spokesperson ("defence ministry spokesman") speaks for the body
    m = _ROLE_SPOKES_RE.match(actor.role or "")
    if m:
        org = m.group("org")
        for text in (f"{_SIDE_POSSESSIVE.get(actor.side or '', '')} {org}".strip(), org):
            body = _lookup(text)
            if body is not None:
                return fold(body.name)
    return fold(actor.name)


_ROLE_INDEX: dict[str, list] = {}


def _role_index() -> dict[str, list]:
    """Folded role phrases -> actors ("defence minister", "mariupol mayor" for "mayor of Mariupol")."""
    if _ROLE_INDEX:
        return _ROLE_INDEX
    for a in known_actors():
        if not a.role:
            continue
        role = fold(a.role)
        keys = {role}
        if " of " in f" {role} ":
            head, _, tail = role.partition(" of ")
            keys.add(f"{tail} {head}".strip())
        for k in keys:
            _ROLE_INDEX.setdefault(k, []).append(a)
    _ROLE_INDEX.setdefault("", [])
    return _ROLE_INDEX


def role_holder(mention: str | None) -> str | None:
    """The canonical name of who holds a role ("Russia's defence minister", "Mariupol's mayor")."""
    f = fold(mention)
    toks = [t for t in f.split() if t not in ARTICLES]
    if len(toks) < 2:
        return None
    index = _role_index()
    phrase = " ".join(toks)
    found = index.get(phrase, [])
    if len(found) == 1:
        return found[0].name
    side = side_of(toks[0])
    if side:
        cands = [a for a in index.get(" ".join(toks[1:]), []) if a.side == side]
        if len(cands) == 1:
            return cands[0].name
    return None


# "the RSF's spokesman", "SAF's spokesman Nabil Abdalla": the possessive names the body
_POSSESSIVE_SPOKES_RE = re.compile(r"^(?:the\s+)?(?P<org>[^,]+?)['’]s?\s+(?:chief\s+|official\s+|military\s+)?"
                                   r"(?:spokes(?:man|woman|person)|press secretary|press office|press service)\b", re.I)
# "a defence ministry spokesman", "the army spokeswoman": a body's spokesperson named by the body before the role
# (some spokesperson of that body, not a known person who holds such a role elsewhere)
_BODY_SPOKES_RE = re.compile(r"^(?:the|a|an)\s+(?P<org>[^,]+?)\s+(?:spokes(?:man|woman|person)|press secretary)"
                             r"(?:\s+(?:in|at|on)\s+.*)?$", re.I)


def speaks_for(name: str | None, role: str | None = None) -> str | None:
    """The organisation a spokesperson speaks for, as a canonical key, or None."""
    for text in (role, name):
        if not text:
            continue
        m = _POSSESSIVE_SPOKES_RE.match(text.strip()) or SPOKES_RE.search(text) or _BODY_SPOKES_RE.match(text.strip())
        if m:
            org = m.group("org").strip(" ,.")
            if org:
                return canonical_key(org)
    return None


@functools.lru_cache(maxsize=100_000)
def canonical_key(name: str | None, role: str | None = None) -> str:
    """A key equal for every name of one entity ("" for no name).

    Memoised: it depends only on the two strings and the shipped lexicons, and relating a
    chunk to the store asks it again for every stored figure of the quantities touched.

    The actors table wins ("Russia's defence minister" -> "sergei shoigu");
    otherwise the folded name without titles and articles. A spokesperson
    keys to the body they speak for, so "Igor Konashenkov, spokesman for
    the defence ministry" and "the defence ministry" are one claimant.
    """
    if not name:
        return ""
    org = speaks_for(name, role)
    if org:
        return org
    known = _actor_key(name)
    if known:
        return known
    holder = role_holder(name)
    if holder:
        return fold(holder)
    tokens = strip_titles(fold(name).split())
    return " ".join(tokens)


def surname(key: str) -> str:
    toks = key.split()
    return toks[-1] if toks else ""


_BODY_RE = re.compile(r"\b(service|ministry|department|office|agency|committee|administration|council)\b")
_COLLECTIVE_RE = re.compile(r"^(\w+) (?:officials|authorities|workers|staff|spokespeople|sources)$")


class Resolver:
    """Canonical keys for a set of names seen together (within or across articles).

    Adds surname matching to :func:`canonical_key`: "Petrenko" and "Mr Petrenko"
    resolve to "sergei shoigu" when exactly one multi-word name in the set
    ends with that surname.
    """

    def __init__(self, names: Iterable[tuple[str | None, str | None]] = ()):
        self._full: dict[str, set[str]] = {}
        self._bodies: set[str] = set()  # keys of organisations seen ("state emergency service of ukraine")
        self._cache: dict[tuple, str] = {}
        for name, role in names:
            self.add(name, role)

    def add(self, name: str | None, role: str | None = None) -> None:
        key = canonical_key(name, role)
        if len(key.split()) >= 2:
            self._full.setdefault(surname(key), set()).add(key)
        if _BODY_RE.search(key):
            self._bodies.add(key)
        self._cache.clear()

    def key(self, name: str | None, role: str | None = None) -> str:
        k = (name, role)
        if k in self._cache:
            return self._cache[k]
        key = canonical_key(name, role)
        if key and len(key.split()) == 1:
            full = self._full.get(key)
            if full and len(full) == 1:
                key = next(iter(full))
        m = _COLLECTIVE_RE.match(key)
        if m:
            # "emergency officials" speak for the one body of that field seen in the set
            bodies = {b for b in self._bodies if m.group(1) in b.split()}
            if len(bodies) == 1:
                key = next(iter(bodies))
        self._cache[k] = key
        return key


def same_entity(a: str | None, b: str | None, resolver: Resolver | None = None) -> bool:
    if not a or not b:
        return False
    r = resolver or Resolver([(a, None), (b, None)])
    return r.key(a) == r.key(b)


_ROLE_WORDS = frozenset(load_lexicon("claimants")["role_words"])


def _body_words(name: str | None) -> frozenset[str]:
    return frozenset(w for w in fold(name).split() if w not in ARTICLES and w not in _ROLE_WORDS and w != "of")


def same_body(a: str | None, b: str | None) -> bool:
    """Two claimants' names that name one body's voice though not in the same words: without the words of a
    role or a kind of body (``lexicons/claimants.json``), one's words are all the other's ("the head of a local
    civil society group" and "a local civil society leader"; "the state health ministry" and "<province>'s
    health ministry")."""
    wa, wb = _body_words(a), _body_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_ANONYMOUS_HEADS = frozenset(load_lexicon("claimants")["anonymous_heads"])
_ANONYMOUS_OPENERS = frozenset(load_lexicon("claimants")["anonymous_openers"])


@functools.lru_cache(maxsize=65536)  # asked for every pair of figures a claimant is in
def anonymous_voice(name: str | None) -> bool:
    """A claimant's name that says only that someone unnamed spoke ("sources", "two military sources", "a local
    witness"): no proper name in it and its last word is an unnamed voice (``claimants.json``, ``anonymous_heads``).
    Two reports' unnamed voices are not one claimant."""
    if not name:
        return False
    words = re.findall(r"[\w'-]+", name)
    named = [w for k, w in enumerate(words) if w[:1].isupper() and not (k == 0 and fold(w) in _ANONYMOUS_OPENERS)]
    return bool(words) and fold(words[-1]) in _ANONYMOUS_HEADS and not named


_BODY_KINDS = load_lexicon("claimants")["body_kinds"]
_BODY_KIND_RES = [(kind, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                    + r")\b", re.I)) for kind, words in sorted(_BODY_KINDS.items())]


def body_kinds(name: str | None) -> frozenset[str]:
    """The kinds of body a claimant's name names (``lexicons/claimants.json``, ``body_kinds``): "the military" ->
    army, "Police in <district>" -> police; none for a person's bare name or a party ("the Houthis")."""
    if not name:
        return frozenset()
    return frozenset(kind for kind, rx in _BODY_KIND_RES if rx.search(name))


def one_kind_of_body(a: str | None, b: str | None) -> bool:
    """Two claimants' names that name the same kinds of body ("the Hamas-run health ministry", "health authorities
    in Gaza"; ``body_kinds``)."""
    ka = body_kinds(a)
    return bool(ka) and ka == body_kinds(b)


def one_voice(a: str | None, b: str | None, side_a: str | None, side_b: str | None, party_sides: bool) -> bool:
    """Two claimants of one report that are one voice told twice: one body in other words (:func:`same_body`), or
    names of one kind of body of one side (or of an unknown side), or two names of one party side (``party_sides``:
    the side is a warring party's) that do not name two kinds of body
    ("the army" and "Lt <name>, spokesperson for the military"; "police" and "a police chief"), while "the
    military" and "police in <district>" are two bodies."""
    if same_body(a, b):
        return True
    if one_kind_of_body(a, b) and (side_a is None or side_b is None or side_a == side_b):
        return True  # "the army" and "a spokesman for the military", whatever side is known
    ka, kb = body_kinds(a), body_kinds(b)
    if not (party_sides and side_a is not None and side_a == side_b):
        return False
    return not (ka and kb and not ka & kb)
