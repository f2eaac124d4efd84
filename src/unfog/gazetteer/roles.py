"""Names that are not places here: people, governments, organisations (pure functions over strings).

The ruler (:mod:`unfog.nlp.ruler`) and the places extractor use them; the cue
words live in ``lexicons/places.json``. A name the ruler does not *claim* is
left to spaCy's statistical NER, which tells people and organisations apart;
:func:`unfog.extractors.places.ner_allows` reads its verdict.
"""
from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from unfog.gazetteer.fold import name_key
from unfog.gazetteer.index import GLOBAL_LAYER
from unfog.lexicons.actors import organisation_names
from unfog.gazetteer.mentions import (DISTRICT_WORDS, FUNCTION_WORDS, REGION_WORDS, TITLE_WORDS, Mention, place_words,
                                      words)


def cues() -> dict[str, frozenset]:
    """The cue words of ``lexicons/places.json`` (person titles, government verbs, place cues...)."""
    return place_words()


def person_like(text: str, m: Mention, g) -> bool:
    """The name is a person's here: a title before it ("Mr Jordan", "President Sudan"), an age or a
    role after it ("Jordan, 34,", "Jordan, a spokesman"), a verb people do ("Jordan told"), or a building
    named after it ("Michael's Church")."""
    if m.landmark or " " in m.key:
        return False
    c = cues()
    head = text[max(0, m.start - 40):m.start]
    before = words(head)
    if before and before[-1].lower in c["person_titles"] and head[before[-1].end:].strip(" .") == "":
        return True
    after = text[m.end:m.end + 40]
    if re.match(r",\s+\d{1,3},", after):
        return True
    named = re.match(r"['’]s?\s+([A-Z][a-z]+)\b", after)
    if named and named.group(1).lower() in c["named_after_nouns"] and not any(
            e.population >= 100000 or e.fcode in ("PCLI", "PPLC") for e in g.candidates(m.key)):
        return True  # "near Michael's Church": a building named after a person
    am = re.match(r",\s+(?:a|an|the)?\s*([a-z]+)", after)
    nxt = words(after)
    return bool((am and am.group(1) in c["person_apposition"]) or (nxt and nxt[0].lower in c["person_verbs_after"]))


def glued_to_name(text: str, m: Mention, g) -> bool:
    """A capitalised word right before or after the name, itself no notable place ("Ivan Bila",
    "Michael Jordan"): the name may be a person's or an organisation's, the NER decides."""
    head, tail = text[max(0, m.start - 40):m.start], text[m.end:m.end + 40]
    before, after = words(head), words(tail)
    for w, gap in ((before[-1] if before else None, head[before[-1].end:] if before else ""),
                   (after[0] if after else None, tail[:after[0].start] if after else "")):
        if w is None or gap != " " or not w.text[:1].isupper() or not w.text.isalpha():
            continue
        if w.lower in FUNCTION_WORDS or w.lower in TITLE_WORDS or w.lower in REGION_WORDS | DISTRICT_WORDS:
            continue
        prefix = head[:w.start] if before and w is before[-1] else None
        opens = prefix is not None and (bool(re.search(r"[.!?:;\"“\n]\s*$", prefix)) or (m.start <= 40 and not prefix.strip()))
        if w.lower in STOP_WORDS or opens:
            continue  # "Then Kramatorsk was hit": a capital that only opens the sentence
        if not any(e.layer == "world" or e.population >= 100000 or e.fcode in ("PCLI", "PPLC", "ADM1")
                   for e in g.candidates(w.text)):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _organisation_keys() -> frozenset:
    return frozenset(name_key(n) for n in organisation_names())


def actor_like(text: str, m: Mention, g) -> bool:
    """The name stands for an actor here, not a location: glued to an actor suffix ("Hamas-run
    ministry", "Iran-backed militia"), or a known organisation's name used without a locative
    ("Hamas said", where a town abroad shares the name)."""
    tail = text[m.end:m.end + 20]
    glued = re.match(r"[-‐–]([a-z]+)\b", tail)
    if glued and glued.group(1) in cues()["actor_suffixes"]:
        return True
    if m.landmark or m.key not in _organisation_keys():
        return False
    before = words(text[max(0, m.start - 20):m.start])
    return not (before and before[-1].lower in cues()["place_cues_before"])


def government_like(text: str, m: Mention, g) -> bool:
    """A capital standing for its government ("Washington warned", "Moscow has said"): metonymy, not a location."""
    before = words(text[max(0, m.start - 20):m.start])
    if before and before[-1].lower in ("in", "at", "from", "near", "to", "into", "outside"):
        return False  # "officials in Kiev said": the place where they are
    tail = text[m.end:m.end + 40]
    nxt = words(tail)
    gap = 0
    if len(nxt) > 1 and nxt[0].lower.endswith("ly") and tail[:nxt[0].start] == " ":
        gap = nxt[0].end  # "Islamabad regularly complained", "Moscow repeatedly denied"
        nxt = nxt[1:]
    if not nxt or nxt[0].lower not in cues()["government_verbs"] or tail[gap:nxt[0].start] != " ":
        return False
    cands = g.candidates(m.key)
    kinds = cues()["government_kinds"]
    return bool(cands) and max(cands, key=lambda e: e.prior()).fcode in kinds


def claimed(text: str, m: Mention, g) -> bool:
    """The ruler tags the name before the NER: a landmark, a name of several words, a major place,
    a place of a country with full detail. Other names of the world layer are left to the NER."""
    if m.landmark or " " in m.key:
        return True
    if glued_to_name(text, m, g):
        return False
    return any(e.layer != GLOBAL_LAYER or e.population >= 100000 or e.fcode in ("PCLI", "PPLC", "ADM1")
               for e in g.candidates(m.key))
