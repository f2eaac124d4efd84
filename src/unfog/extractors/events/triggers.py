"""Triggers: which tokens signal an event, of which kind, and which of them describe one happening."""
from __future__ import annotations

import re

from unfog.groups import cluster
from unfog.lexicons import events as lex
from unfog.extractors.context import Context
from unfog.extractors.events.common import (
    DEFINITE,
    TEMPORAL_PREPS,
    _anchor,
    _children,
    _is_heading,
    _is_placeish,
    _lemma,
    _linked,
)


def _trigger_kind(tok, ctx: Context, place_tokens: set[int]) -> str | None:
    """The kind of event a token signals here, or None."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and f"{tok.lower_} {nxt.lower_}" in lex.SURFACE_TRIGGERS:
        return lex.SURFACE_TRIGGERS[f"{tok.lower_} {nxt.lower_}"]  # "shot dead", whatever the tagger says
    if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "acl") and any(
            c.lower_ == "to" and any(_lemma(p) in lex.DEATH_OBJECTS for p in _children(c, "pobj")) for c in _children(tok, "prep")):
        return "killing"  # "hacked to death", "burned them to death", "stabbed to death"
    if _for_a_cause(tok):
        return None  # "doctors are fighting for his life", "the fight against terrorism": a struggle, no clash
    if tok.pos_ == "VERB":
        return _verb_kind(tok, ctx, place_tokens)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_kind(tok)
    return None


def _for_a_cause(tok) -> bool:
    """A fight "for" or "against" a cause or a condition (`cause_objects`: life, sovereignty, terrorism)."""
    if _lemma(tok) not in ("fight", "battle", "struggle") or tok.pos_ not in ("VERB", "NOUN"):
        return False
    return any(_lemma(p) in lex.CAUSE_OBJECTS or p.lower_ in lex.CAUSE_OBJECTS
               for c in _children(tok, "prep") if c.lower_ in ("for", "against") for p in _children(c, "pobj"))


def _weapon_word(tok) -> str | None:
    """The weapon kind a word names, also when the tagger took a plural for a name ("Shells" opening a line)."""
    low = tok.lower_
    if tok.dep_ in ("compound", "amod", "nmod") and _lemma(tok.head) in lex.NON_WEAPON_HEADS:
        return None  # "air support arrived", "air defence": a service, no weapon used
    return lex.WEAPON_KIND.get(_lemma(tok)) or lex.WEAPON_KIND.get(low) or (
        lex.WEAPON_KIND.get(low[:-1]) if low.endswith("s") and tok.pos_ == "PROPN" else None)


def _weapon_of(tok) -> str | None:
    """The kind of remote violence a weapon noun stands for ("car bomb" -> explosive)."""
    kind = _weapon_word(tok)
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if kind is None and _lemma(tok) in lex.FIRE_NOUNS:
        # "artillery fire hit a school", "a mortar barrage": the modifier names the weapon
        kind = next((_weapon_word(c) for c in mods if _weapon_word(c) is not None), None)
    if kind is None:
        return None
    if _lemma(tok) in lex.DRONE_WORDS or tok.lower_ in lex.DRONE_WORDS:
        return kind  # "a suicide drone", "an explosive-laden drone": whatever it carries, a drone flew there
    if any(_lemma(c) == "suicide" for c in mods):
        return "suicide"  # "a suicide bomber", "a suicide car bomb": ACLED's Suicide bomb
    if any(_lemma(c) in lex.EXPLOSIVE_MODIFIERS for c in mods):
        return "explosive"
    if kind in ("air", "explosive") and any(_lemma(c) in lex.IMPROVISED_MODIFIERS or c.lower_ in lex.IMPROVISED_MODIFIERS for c in mods):
        return "explosive"  # "a homemade bomb" (not "homemade rockets", still fired)
    # "mortar bombs", "artillery shells": the modifier names the weapon
    return next((lex.WEAPON_KIND[_lemma(c)] for c in mods if c.dep_ == "compound" and _lemma(c) in lex.WEAPON_KIND), kind)


def _weapon_object_kind(tok) -> str | None:
    """"fired mortar bombs at", "launched drones": a weapon object says the kind."""
    for obj in _children(tok, "dobj"):
        k = _weapon_of(obj)
        if k is not None:
            return k if k in ("air", "explosive", "chemical", "grenade", "suicide") else "shelling"
    return None


def _weapon_subject_kind(tok) -> str | None:
    """"a bomb hit the theatre", "shells fell on the camp": the weapon says the kind."""
    subjects = _children(tok, "nsubj")
    if not subjects and tok.dep_ in ("advcl", "conj"):
        subjects = _children(tok.head, "nsubj")  # "Shells fired from the hills landed in ...": a garbled parse
    if not subjects and tok.dep_ == "acl" and _children(tok, "dobj"):
        subjects = [tok.head]  # ", a homemade bomb injured seven people": a main clause parsed as the bomb's modifier
    # "the ship was targeted with two missiles", "the car was hit by a drone", "targeted a base with drones": the
    # weapon the act was done with (a passive's agent, an instrument) says the kind as its subject would
    subjects = subjects + [p for c in _children(tok, "prep", "agent") if c.lower_ in ("with", "by") for p in _children(c, "pobj")]
    for subj in subjects:
        k = _weapon_of(subj)
        if k == "air" and _lemma(tok) in lex.DETONATION_VERBS and _lemma(subj) not in lex.DRONE_WORDS:
            return "explosive"  # "a bomb exploded at a market": planted, not dropped (a drone that exploded flew there)
        if k is not None:
            return k if k in ("air", "explosive", "suicide") else "shelling"
    return None


def _flight_kind(tok, place_tokens: set[int]) -> str | None:
    """Leaving a place: troops withdraw, people evacuate."""
    objs = _children(tok, "dobj") + [p for c in _children(tok, "prep") if c.lower_ in ("from", "out") for p in c.subtree if p.dep_ == "pobj"]
    if not any(_is_placeish(o, place_tokens) for o in objs):
        return None
    subj = _children(tok, "nsubj")
    head = _lemma(subj[0]) if subj else ""
    if head in lex.COMBATANT_NOUNS:
        return "withdrawal"
    if head in lex.PEOPLE_NOUNS or head in lex.CIVILIAN_NOUNS or (subj and (subj[0].like_num or subj[0].pos_ == "NUM")):
        return "evacuation"
    return None


def _fall_kind(tok, place_tokens: set[int]) -> str | None:
    kids = {_lemma(c) for c in tok.children}
    if "through" in kids or "apart" in kids:
        return None
    subj = _children(tok, "nsubj")
    if any(c.lower_ == "to" for c in _children(tok, "prep")):
        return "territory"
    if any(s.i in place_tokens or _lemma(s) in lex.PLACE_NOUNS or s.ent_type_ in ("GPE", "LOC", "FAC") for s in subj):
        return "territory"
    return "territory" if subj and subj[0].lower_ == "it" else None


def _take_kind(tok, ctx: Context, place_tokens: set[int]) -> str | None:
    """capture / seize / occupy / take: of a place (territory) or of people (prisoners)."""
    lemma = _lemma(tok)
    objs = _children(tok, "dobj", "nsubjpass")
    if any(_lemma(p) in lex.ASSAULT_MANNERS for c in _children(tok, "prep") if c.lower_ == "by" for p in _children(c, "pobj")):
        return "battle"  # "the gunmen took the village by storm": an assault, not a hold told
    if lemma == "take":
        if "over" in {_lemma(c) for c in tok.children} or any(_lemma(o) == "control" or _is_placeish(o, place_tokens) for o in objs):
            return "territory"
        if any(_lemma(o) == "prisoner" for o in objs) or "prisoner" in {_lemma(c) for o in objs for c in o.subtree}:
            return "prisoners"
        return None
    for o in objs:
        if _is_placeish(o, place_tokens) or _lemma(o) == "which" or (lemma != "occupy" and _lemma(o) in lex.HELD_PLACE_NOUNS):
            return "territory"
        if (_lemma(o) in lex.CIVILIAN_NOUNS or _lemma(o) in lex.CIVILIAN_ROLE_NOUNS) and lemma == "seize":
            return "abduction"  # "seized seven teenagers", "seized about 40 people": people carried off
        if _lemma(o) in lex.PEOPLE_NOUNS or o.like_num or o.pos_ == "NUM":
            return "prisoners"
    if not objs and lemma == "capture":
        return "prisoners" if any(f.category == "captured" for f in ctx.figures) else None
    return "territory" if lemma == "occupy" else None


# every lemma _verb_kind can give a kind for (the lexicon's verbs and those its branches name): any other
# verb is none, found before reading its children (most verbs of a text)
_VERB_LEMMAS = frozenset({"strike", "leave", "flee", "escape", "fall", "control", "capture", "seize", "occupy", "take",
                          "offer", "die", *lex.MINE_CONTACT_VERBS, *lex.DISCOVERY_VERBS, *lex.VERB_RULES, *lex.VERB_TRIGGERS, *lex.WEAPON_OBJECT_VERBS, *lex.WEAPON_SUBJECT_VERBS,
                          *lex.INTERCEPTION_VERBS})


def _verb_kind(tok, ctx: Context, place_tokens: set[int]) -> str | None:
    lemma = _lemma(tok)
    if lemma not in _VERB_LEMMAS:
        return None
    # "attacked the village, burning houses and cars": a participle clause after a comma the parse hung on
    # its object as a modifier; the noun it modifies is what it acts on
    # (not a subject's modifier: "In Kherson, occupying troops arrested ...")
    clause_amod = (tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.i > 0 and tok.nbor(-1).text == ","
                   and tok.head.i > tok.i and tok.head.dep_ in ("dobj", "npadvmod"))
    if (tok.dep_ == "amod" and not clause_amod) or (tok.dep_ == "acl" and lemma in lex.DESCRIPTIVE_PARTICIPLES
                              and not (_children(tok, "dobj") and _weapon_of(tok.head) is not None)):
        # "occupying troops", "the besieged city", "civilians shot in the streets": a description (but "a
        # homemade bomb injured seven people" is a clause the parse hung on the bomb)
        return None
    if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and not _children(tok, "dobj", "nsubj"):
        return None  # "Beni and surrounding villages": a participle describing, parsed as a conjunct
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not _children(tok, "prep", "agent", "npadvmod", "advmod", "dobj"):
        return None  # "photographs of relatives killed or missing": the dead described, with no act told
    if tok.dep_ in ("acl", "relcl", "amod") and tok.head.lower_ in ("those", "them", "all", "these"):
        return None  # "those killed were buried on Friday": the dead of an event told elsewhere
    if lemma in lex.MINE_CONTACT_VERBS and _weapon_object_kind(tok) == "explosive":
        return "explosive"  # "their vehicle struck a landmine": the device was there, nothing was fired
    if lemma == "strike" and not _weapon_object_kind(tok) and not _weapon_subject_kind(tok) and any(
            _lemma(c) in lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS or c.lower_ in lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS
            for c in _children(tok, "nsubj")):
        return "battle"  # "the bandits struck the village": a raid on the ground, not a shelling
    # (a passive's subject is what the verb acts on: "homes were burned"; a weapon's is left to the weapon rules)
    objects = ({_lemma(c) for c in _children(tok, "dobj")}
               | {_lemma(c) for c in _children(tok, "nsubjpass") if _weapon_of(c) is None}
               | ({_lemma(tok.head)} if clause_amod else set()))
    if lemma in lex.DISCOVERY_VERBS:
        # "the bodies of four men were found beside the highway": the dead of a killing told by its discovery
        # (not the bodies of a mass grave, a kind of its own)
        found = _children(tok, "dobj", "nsubjpass")
        if any(_lemma(o) == "body" for o in found) and not any(_lemma(x) == "grave" for x in tok.sent):
            return "killing"
        return None
    particles = {_lemma(c) for c in _children(tok, "prt", "advmod")}
    # (a prepositional phrase of time is no argument: "firing from the hills on Wednesday")
    preps = {c.lower_ for c in _children(tok, "prep") if not any(g.ent_type_ in ("DATE", "TIME") for g in _children(c, "pobj"))}
    # "gathered in the square to demand ...": the verb of a purpose clause under it
    purposes = frozenset(_lemma(c) for c in _children(tok, "advcl", "xcomp") if any(a.lower_ == "to" for a in _children(c, "aux")))
    applies, kind = lex.verb_rule(lemma, objects, particles, preps, purposes)
    if applies and kind == "protest" and lemma == "block" and (_children(tok, "nsubjpass") or any(
            _lemma(c) in lex.COMBATANT_NOUNS or c.lower_ in lex.COMBATANT_NOUNS for c in _children(tok, "nsubj"))):
        return None  # "troops blocked the road", "roads have been blocked off": no protesters told, not a protest
    if applies and kind == "explosive" and lemma == "set" and any(lex.NOUN_TRIGGERS.get(o) == "battle" for o in objects):
        return None  # "setting off fighting that lasted the morning": the fight told by its own words
    if applies:
        return kind
    if lemma in lex.WEAPON_OBJECT_VERBS:
        k = _weapon_object_kind(tok)
        if k is not None:
            # "drones dropped explosive devices on houses": what dropped them says it came from the air
            return "air" if lemma == "drop" and any(_weapon_of(x) == "air" for x in _children(tok, "nsubj")) else k
    if lemma in lex.WEAPON_SUBJECT_VERBS:
        k = _weapon_subject_kind(tok)
        if k is not None:
            return k
    if lemma in lex.INTERCEPTION_VERBS:
        return _interception_kind(tok)
    if lemma == "die":
        # "three children died from an insurgent grenade": the weapon they died of is the incident
        k = next((_weapon_of(p) for c in _children(tok, "prep") if c.lower_ in ("from", "in", "after", "by")
                  for p in _children(c, "pobj") if _weapon_of(p) is not None), None)
        if k is not None:
            return k
    if lemma in ("leave", "flee", "escape"):
        return _flight_kind(tok, place_tokens)
    if lemma == "fall":
        return _fall_kind(tok, place_tokens)
    if lemma == "control":
        return "territory" if _children(tok, "dobj") else None
    if lemma in ("capture", "seize", "occupy", "take"):
        return _take_kind(tok, ctx, place_tokens)
    if lemma == "offer":
        return "offer" if {_lemma(t) for t in tok.subtree} & lex.OFFER_CONTEXT else None
    if lemma in lex.INTRANSITIVE_TRIGGERS and _children(tok, "dobj"):
        return None  # "to demonstrate progress": no protest
    if lex.VERB_TRIGGERS.get(lemma) == "siege" and _inanimate_agent(tok):
        return None  # "found lying in the road, surrounded by spent cartridges": no siege
    if lex.VERB_TRIGGERS.get(lemma) == "territory" and _building_part(tok):
        return None  # "soldiers regained control of the wing": the end of a fight inside a building, no territory
    return lex.VERB_TRIGGERS.get(lemma)


def _interception_kind(tok) -> str | None:
    """"air defences intercepted drones", "downed a missile", "33 Shaheds were shot down": a weapon stopped in flight
    is disrupted weapons use, no attack on the ground; "shot down a man" is a shooting (the other rules)."""
    lemma = _lemma(tok)
    if lemma == "shoot" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in tok.children):
        return lex.VERB_TRIGGERS.get(lemma)
    objs = _children(tok, "dobj", "nsubjpass")
    if any(x.dep_ == "quantmod" and x.lower_ == "of" for o in objs for x in o.subtree) or any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for o in objs for c in o.children):
        # "shot down 27 of 44 drones launched at X": the share of an attack stopped; "fired a missile at a ship ...
        # the missile was shot down": the weapon of the attack told before; details of that attack
        return None
    if any(_weapon_of(o) is not None or _lemma(o) in lex.INTERCEPTION_OBJECTS for o in objs):
        return "disrupted"
    if lemma == "shoot" and any(_lemma(o) in lex.PEOPLE_NOUNS or o.lower_ in lex.PEOPLE_NOUNS for o in objs):
        return "killing"  # "forces shoot down a man at a protest": shot dead
    return None  # "Most were intercepted", "84 of the drones were shot down": a share of the barrage, its detail


def _building_part(tok) -> bool:
    """The place taken is part of a building ("control of the wing", "retook the cell block")."""
    objs = _children(tok, "dobj")
    objs += [p for o in objs if _lemma(o) == "control" for c in _children(o, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
    return any(_lemma(o) in lex.BUILDING_PARTS for o in objs)


def _inanimate_agent(tok) -> bool:
    """A passive whose "by" agent is a thing, not people, a force or a named party."""
    agents = [p for a in _children(tok, "agent") for p in _children(a, "pobj")]
    armed = lex.COMBATANT_NOUNS | lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS | lex.PEOPLE_NOUNS
    return bool(agents) and not any(p.pos_ == "PROPN" or p.ent_type_ in ("ORG", "NORP", "GPE") or _lemma(p) in armed
                                    or p.lower_ in armed for p in agents)


# every lemma _noun_kind can give a kind for (the lexicon's nouns and those its branches name)
_NOUN_LEMMAS = frozenset({"strike", "attack", "raid", "fall", "capture", "corridor", "deal", "agreement", "swap",
                          "exchange", "offer", "retreat", "explosion", *lex.NOUN_TRIGGERS, *lex.NOUN_REQUIRED_MODIFIERS})


_EXCHANGED_FIRE = frozenset({"fire", "gunfire", "shot", "shots", "gunshot", "bullet", "salvo"})


def _noun_kind(tok) -> str | None:
    lemma = _lemma(tok)
    low = tok.lower_
    if tok.pos_ == "PROPN" and (tok.ent_type_ in ("ORG", "NORP", "PERSON", "FAC", "WORK_OF_ART", "LAW")
                                or (tok.dep_ == "compound" and tok.head.pos_ == "PROPN")):
        return None  # "National Liberation Army", "Operation Storm": a name, not an act
    if tok.dep_ == "compound" and _lemma(tok.head) in lex.REFERENCE_HEADS:
        return None  # "evacuation warnings", "attack plans": the act named, not done
    if tok.dep_ == "compound" and _lemma(tok.head) in lex.EQUIPMENT_HEADS:
        return None  # "riot police", "responding with riot disposal means": the kit or force, no riot told
    if tok.dep_ == "pobj" and any(_lemma(a) in lex.SUSPICION_HEADS or a.lower_ in lex.SUSPICION_HEADS
                                  for a in list(tok.ancestors)[:4]):
        return None  # "two suspects in the killing of an officer were arrested": what they are suspected of
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in lex.STATUS_HEADS:
        return None  # "declared a state of siege": a legal status, not a siege laid
    if lemma not in lex.NOUN_TRIGGERS and low.endswith("s") and low[:-1] in lex.NOUN_TRIGGERS:
        lemma = low[:-1]  # the tagger's lemma can be wrong ("graves" -> "graf")
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and tok.nbor(-2).head.i == tok.i:
        joined = f"{tok.nbor(-2).lower_}-{low}"  # "sit-in", "shoot-out": the parse splits a hyphenated noun
        if joined in lex.NOUN_TRIGGERS:
            return lex.NOUN_TRIGGERS[joined]
    if lemma not in _NOUN_LEMMAS and not (low.endswith("strikes") and low.startswith("air")):
        return None  # no branch below gives it a kind: found before reading its modifiers
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & set(lex.NOUN_BLOCKING_MODIFIERS.get(lemma, ())):
        return None
    if "suicide" in mods and lemma in lex.BOMB_WORDS | {"explosion", "blast", "strike"}:
        return "suicide"  # "a suicide bombing", "a suicide attack"
    if lemma in lex.NOUN_REQUIRED_MODIFIERS:
        return next((k for m, k in lex.NOUN_REQUIRED_MODIFIERS[lemma].items() if m in mods), None)
    if lemma == "strike" and ((tok.dep_ in ("dobj", "pcomp") and _lemma(tok.head) in lex.LABOUR_STRIKE_GOVERNORS)
                              or (tok.dep_ == "pobj" and tok.head.lower_ == "on" and _lemma(tok.head.head) == "go")):
        return None  # "for joining a strike against military rule", "workers went on strike"
    if lemma in ("strike", "attack", "raid"):
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and _weapon_of(c) is not None:
                return _weapon_of(c)
            if c.dep_ in ("compound", "amod", "nmod") and lex.NOUN_TRIGGERS.get(_lemma(c)) == "looting":
                return "looting"  # "an arson attack": property set on fire, its kind named by the modifier
        return lex.NOUN_TRIGGERS[lemma]
    if lemma == "fall":
        return "territory" if _children(tok, "poss") or any(c.lower_ == "of" for c in _children(tok, "prep")) else None
    if lemma == "capture":
        return "territory" if any(c.lower_ == "of" for c in _children(tok, "prep")) else None
    if lemma == "corridor":
        return _corridor_kind(tok, mods)
    if lemma in ("deal", "agreement", "swap"):
        return "agreement" if {_lemma(t) for t in tok.subtree} & lex.AGREEMENT_CONTEXT or mods & lex.AGREEMENT_CONTEXT else None
    if lemma == "exchange":
        subtree = {_lemma(t) for t in tok.subtree}
        if subtree & _EXCHANGED_FIRE:
            return "battle"  # "an exchange of fire", "a brief exchange of gunfire"
        return "agreement" if subtree & {"prisoner", "body", "pow"} else None
    if lemma == "offer":
        return "offer" if {_lemma(t) for t in _anchor(tok).subtree} & lex.OFFER_CONTEXT else None
    if lemma == "retreat" and tok.dep_ in ("dobj", "pobj") and low == "retreat":
        return "withdrawal"
    if lemma == "explosion":
        return "explosive"
    kind = lex.NOUN_TRIGGERS.get(lemma)
    if kind is None and low.endswith("strikes") and low.startswith("air"):
        return "air"
    return kind


def _corridor_kind(tok, mods: set[str]) -> str | None:
    if mods & lex.CORRIDOR_MODIFIERS:
        return "corridor"
    if mods & {"land", "transport", "trade", "air"}:
        return None
    return "corridor" if {_lemma(t) for t in tok.sent} & {"evacuate", "evacuation", "civilian", "evacuee"} else None


def _unreal(tok, kind: str) -> tuple[bool, set[str]]:
    """True when the clause says the event is negated, hypothetical or only talked about.

    Returns (skip, extra_tags): a negated or failed corridor is still an event,
    tagged ``failed``.
    """
    tags: set[str] = set()
    anchor = _anchor(tok)
    negated = bool(_children(tok, "neg")) or any(c.lower_ == "no" for c in _children(tok, "det"))
    # "No group has claimed responsibility", "nobody was killed": a subject that names no one
    negated = negated or any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "noone") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in tok.children)
    if anchor.i != tok.i and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "xcomp"):
        negated = negated or bool(_children(anchor, "neg"))
    negated = negated or _neither_nor(tok)
    t = tok
    for _ in range(4):  # "halt the attack", "called for mediation to evacuate", "a truce would be needed"
        if t.dep_ == "ccomp" and _lemma(t.head) in lex.UNREAL_GOVERNORS:
            return True, tags  # "demanding that the army break the sieges": what is asked for, not done
        if t.dep_ not in ("dobj", "xcomp", "pobj", "prep", "acl", "nsubjpass", "advcl", "pcomp") or t.head.i == t.i:
            break
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
            break
        t = t.head
        if _lemma(t) in lex.UNREAL_GOVERNORS:
            return True, tags
    if kind == "corridor" or kind == "agreement":
        if _lemma(anchor) in lex.FAIL_VERBS and tok.dep_ in ("nsubj", "nsubjpass") and {
                c.lower_ for c in _children(anchor, "aux")} & lex.MODALS:
            return False, tags | {"hypothetical"}  # "the truce could collapse": a fear, not a failure
        if negated or _lemma(anchor) in lex.FAIL_VERBS and tok.dep_ in ("nsubj", "nsubjpass"):
            tags.add("failed")
        head = tok.head
        while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if _lemma(head) in lex.FAIL_VERBS and not negated:
            tags.add("failed")
        if kind == "agreement" and _agreement_setting(tok):
            return True, tags  # the truce in force is the setting of the news, not an agreement made
        return False, tags
    if negated or _setting_of_a_place(tok):
        return True, tags
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("amod", "acl", "compound", "det")}
    if mods & (lex.UNREAL_MODIFIERS | {"propose", "plan", "expect", "threaten", "anticipate", "such"}):
        return True, tags
    if kind in lex.ANNOUNCED_KINDS:
        return False, tags
    v = anchor
    for _ in range(6):
        modals = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if modals & (lex.MODALS | {"will", "'ll"}):
            return False, tags | {"hypothetical"}
        # up the verb chain; through a noun only as an object ("free up troops for the offensive")
        chain = ("conj", "xcomp", "advcl", "acl", "ccomp", "csubj") if v.pos_ in ("VERB", "AUX") else ("dobj", "pobj", "prep")
        if v.head.i == v.i or v.dep_ not in chain:
            break
        if v.dep_ == "ccomp" and _lemma(v.head) in lex.REPORT_VERBS:
            break
        v = v.head
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anchor.children):
        return False, tags | {"hypothetical"}
    if (kind == "territory" and tok.tag_ == "VB" and tok.dep_ in ("advcl", "acl")
            and any(c.lower_ == "to" for c in _children(tok, "aux"))):
        return False, tags | {"hypothetical"}  # "launched an assault to capture the city": the aim, not a capture told
    return False, tags


def _agreement_setting(tok) -> bool:
    """"Under the truce, X was to withdraw", "despite a truce brokered last year", "has a ceasefire in force",
    "the truce accord was based on a resolution", "a ceasefire that has been in place for two weeks": a truce
    told as the setting of the news (`agreement_settings`), not as made or announced."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = tok.head if tok.dep_ == "compound" else tok  # ("the truce accord")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in lex.AGREEMENT_SETTING_PREPS:
        return True
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and _lemma(head) in lex.AGREEMENT_SETTING_VERBS:
        return True
    return any(t.lower_ in lex.AGREEMENT_STATES and t.dep_ == "pobj" and t.head.lower_ == "in"
               for t in list(noun.subtree) + [g for c in head.children if c.dep_ == "prep" for g in c.subtree])


def _neither_nor(tok) -> bool:
    """'neither a base for fighters nor an area of active fighting': a noun denied by neither/nor."""
    t = tok
    for _ in range(4):
        if any(c.lower_ == "neither" for c in t.children) or (t.dep_ == "conj" and any(c.lower_ == "nor" for c in t.head.children)):
            return True
        if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return False


def _group(triggers: list[tuple[object, str, set]]) -> list[list[tuple[object, str, set]]]:
    def one_way(x, y) -> bool:
        (a, ka, _), (b, kb, _) = x, y
        if (ka == "declaration") != (kb == "declaration"):
            return False  # "declared victory ... and ordered a blockade": the declaration is its own record
        anchor_a = _anchor(a)
        conj_ok = kb in ("air", "shelling", "explosive", "killing", "prisoners", "battle", "grenade") or b.pos_ == "NOUN"
        return _linked(a, b) or (_linked(anchor_a, b) and conj_ok and anchor_a.i != b.i)

    return cluster(triggers, lambda x, y: one_way(x, y) or one_way(y, x))


def _refers_back(tok) -> bool:
    """"after the killings", "following the attack": a noun naming an event told elsewhere; so is the
    act a protest is about ("marched to protest against the killings", `protest_cause_preps`), and the
    operation arrests were made in ("arrested 22 people in raids", `arrest_setting_nouns`)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _lemma(tok.head) in lex.PROTEST_CAUSE_VERBS and (
            (tok.head.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in _children(tok.head, "aux")))
            or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)):
        return True  # "gathered to denounce the murder of a leader", "condemned the mosque bombing": told elsewhere
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    if tok.head.lower_ in TEMPORAL_PREPS:
        # "after the attack": told elsewhere; "withdrew after a two-hour gunfight": a new act, told here
        return not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    governor = tok.head.head
    if tok.head.lower_ in ("for", "to", "against") and _lemma(governor) in lex.RETALIATION_NOUNS:
        return True  # "in retaliation for army offensives": the cause, an incident of its own
    if tok.head.lower_ in lex.PROTEST_CAUSE_PREPS and "protest" in (
            lex.VERB_TRIGGERS.get(_lemma(governor)), lex.NOUN_TRIGGERS.get(_lemma(governor))):
        return True
    return (tok.head.lower_ in ("in", "during") and _lemma(tok) in lex.ARREST_SETTING_NOUNS
            and lex.VERB_TRIGGERS.get(_lemma(governor)) == "arrest")


def _sentence_triggers(ctx: Context, sent, place_tokens: set[int]):
    """(trigger, kind, tags) of one sentence, and its weapon nouns."""
    triggers = []
    weapons = []
    text = ctx.text  # (doc.text joins every token at each call)
    head = text[text.rfind("\n", 0, sent.start_char + 1) + 1:sent.end_char].lstrip().lower()  # (the line it is on)
    if any(head.startswith(w) and head[len(w):].lstrip().startswith(":") for w in lex.LINK_LINES):
        return [], []  # "READ ALSO: ...": the headline of another story
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and _weapon_word(tok) is not None:
            weapons.append(tok)
        kind = _trigger_kind(tok, ctx, place_tokens)
        if kind is None or _refers_back(tok):
            continue
        skip, tags = _unreal(tok, kind)
        if skip:
            continue
        triggers.append((tok, kind, tags))
    # "declared victory in the battle for X": the battle is what is declared, not a new event
    declared = [t for t, k, _ in triggers if k == "declaration"]
    if declared:
        inside = {x.i for d in declared for o in _children(d, "dobj") for x in o.subtree}
        triggers = [g for g in triggers if g[0].i not in inside]
    # "stayed out of the 2018 peace deal": an act named by an earlier year is a reference, not told here
    triggers = [g for g in triggers if not _year_named(g[0], ctx.published)]
    for tok, kind, tags in triggers:
        tags |= _time_frame_tags(tok, kind)
    # a toll over a period is a figure, not an event; so are the acts it is told through
    # ("has killed hundreds of thousands through fighting, hunger and disease")
    totals = {t.i for t, _, tags in triggers if "cumulative" in tags}
    return [g for g in triggers if "cumulative" not in g[2] and not _told_through(g[0], totals)], weapons


def _year_named(tok, published: str | None) -> bool:
    """"the 2018 peace deal", "the 2014 offensive": an act noun named by an earlier year is history."""
    if tok.pos_ != "NOUN" or not published or not published[:4].isdigit():
        return False
    for c in tok.children:
        if c.dep_ in ("nummod", "compound", "amod", "npadvmod") and len(c.text) == 4 and c.text.isdigit() \
                and 1900 < int(c.text) < int(published[:4]):
            return True
    return False


def _told_through(tok, totals: set[int]) -> bool:
    """Is the trigger a means of a total ("has killed thousands through fighting"), not its own clause
    ("killed since the siege began")?"""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("advcl", "relcl", "ccomp", "acl"):
            return False
        t = t.head
        if t.i in totals:
            return True
    return False


def _own_clause(anchor) -> list:
    """Tokens of the anchor's clause, temporal clauses included ("since the war began"), without
    coordinated clauses that have their own subject, reported or relative clauses."""
    out = []
    for t in anchor.subtree:
        x, ok = t, True
        while x.i != anchor.i and x.head.i != x.i:
            if x.dep_ in ("ccomp", "parataxis", "relcl", "appos") or (x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and _children(x, "nsubj", "nsubjpass")) \
                    or (x.dep_ == "acl" and x.pos_ == "VERB" and x.head.i != anchor.i):  # "classmates abducted last month"
                ok = False
                break
            if x.dep_ == "npadvmod" and x.tag_ in ("JJS", "JJ"):  # "..., the latest in a spate of attacks this month"
                ok = False
                break
            x = x.head
        if ok:
            out.append(t)
    return out


def _many_told_as_one(tok, anchor) -> set[str]:
    """'a string of attacks that killed 30', 'strikes across the territory killed 50': many incidents
    told as one total (a figure, not an event); 'attacks are continuing', 'fighting has raged': a
    state that lasts (background)."""
    verb = tok if tok.pos_ == "VERB" else (tok.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB"
                                           else None)
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in lex.MAGNITUDE_WORDS for c in verb.children):
        return {"cumulative"}  # "Thousands have been killed": a war's toll, not an incident's
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) and any(
            c.dep_ == "nsubj" and (_lemma(_antecedent(c)) in lex.AGGREGATE_SUBJECTS
                                   or (c.tag_ == "NNS" and _lemma(c) in lex.AGGREGATE_ACTS)) for c in verb.children
    ) and not _occurs(verb):
        # "the fighting has killed thousands", "It has killed 6,000": the war's toll (not "clashes have taken
        # place in other neighbourhoods": where the fighting is)
        return {"cumulative"}
    if verb is not None and _perfect_since(verb):
        return {"cumulative"}  # "250 people have been killed and 60,000 displaced since clashes broke out"
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "across") and any(_lemma(p) == "side" for p in _children(c, "pobj"))
            for c in verb.children):
        return {"cumulative"}  # "13 soldiers and nine civilians have been killed on its side of the border"
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ in lex.AGGREGATE_ADVERBS and c.i > verb.i for c in verb.children):
        return {"cumulative"}  # "17 other people were killed elsewhere" (not an opening "Elsewhere, ..."): many as one
    if verb is not None and _in_a_war(verb):
        return {"cumulative"}  # "killed in more than 13 months of war", "killed in Israel's war in Gaza"
    habit = _habitual(tok)
    if habit:
        return habit
    if _ongoing(tok):
        return {"background"}
    if tok.pos_ == "NOUN":
        doers = [tok]
    elif tok.pos_ == "VERB":  # "strikes across the region killed 40", "a string of attacks that killed 30"
        doers = [c for c in tok.children if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "relcl" else [])
        # "40 people were killed in strikes across the region"
        doers += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                  for p in c.children if p.dep_ == "pobj"]
    else:
        doers = []
    if any(_aggregated(n) for n in doers):
        return {"cumulative"}
    # "50 people were killed in strikes across the territory": the clause spans a whole region
    verb = tok if tok.pos_ == "VERB" else next((a for a in list(tok.ancestors)[:2] if a.pos_ == "VERB"), None)
    if verb is not None and any(c.dep_ == "prep" and c.lower_ in lex.AGGREGATE_PREPS for c in verb.children) and (
            tok.tag_ == "NNS" or any(c.tag_ == "NNS" and c.lower_ != "people" and _lemma(c) in lex.AGGREGATE_ACTS
                                     for c in verb.subtree)):
        return {"cumulative"}
    return set()


def _occurs(verb) -> bool:
    """"have taken place", "has happened", "have occurred": a verb that says an act happened, no toll."""
    return _lemma(verb) in lex.OCCURRENCE_VERBS or (
        _lemma(verb) == "take" and any(_lemma(o) == "place" for o in _children(verb, "dobj")))


def _many_places(noun) -> bool:
    """'strikes on multiple cities', 'strikes reported in several cities': acts told over many towns (or regions)
    at once, each an incident of its own for ACLED; not 'clashes in several neighbourhoods' (one town's)."""
    holders = [noun] + [a for a in _children(noun, "acl") if a.pos_ == "VERB"]
    return any(_lemma(p) in _PLACE_KINDS and p.tag_ == "NNS" and any(
        c.dep_ in ("amod", "det") and _lemma(c) in lex.AGGREGATE_MODIFIERS for c in p.children)
        for h in holders for c in _children(h, "prep") if c.lower_ in ("on", "in", "against", "at")
        for p in _children(c, "pobj"))


def _in_setting(tok, anchor) -> bool:
    """The word sits in a phrase of the clause's setting ("amid tensions in recent months", `background_preps`)."""
    x = tok
    while x.i != anchor.i and x.head.i != x.i:
        if x.dep_ == "prep" and x.lower_ in lex.BACKGROUND_PREPS:
            return True
        x = x.head
    return False


def _perfect_since(verb) -> bool:
    """A present perfect ("have been killed") whose clause, or a clause joined to it, runs 'since' a time."""
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children):
        return False
    counted = any(x.dep_ == "nummod" or x.like_num for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for x in c.subtree)
    if _lemma(verb) != "kill" and not counted:
        return False  # "have besieged the city since May": a state that lasts (background), not a toll
    clause = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    return any(t.lower_ in lex.CUMULATIVE_MARKS and any(a.i in {c.i for c in clause} for a in list(t.ancestors)[:3])
               for v in clause for t in v.subtree)


def _in_a_war(verb) -> bool:
    """The act is told 'in'/'during'/'throughout' a war ('in the war in Gaza', 'in gang violence') or a
    span of time of it ('in 13 months of war', 'over two days of fighting')."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout", "over")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if _lemma(obj) in lex.WAR_NOUNS or obj.lower_ in lex.WAR_NOUNS:
                return True
            if obj.lower_ in lex.PERIOD_NOUNS and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and (
                        _lemma(g) in lex.WAR_NOUNS or _lemma(g) in lex.AGGREGATE_SUBJECTS) for g in c.children)
                    for c in obj.children):
                return True
    return False


def _antecedent(tok):
    """"The insurgency began in 2017. It has killed ...": a subject pronoun stands for the subject of
    the sentence before (only that: a guess good enough to tell a war's toll from an incident)."""
    if tok.lower_ not in ("it", "they") or tok.sent.start == 0:
        return tok
    prev = tok.doc[tok.sent.start - 1].sent
    return next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), tok)


def _setting_of_a_place(tok) -> bool:
    """"killed by drone strikes in the north, where the army and its allies are fighting rebels": a clause
    hung on a place by "where" (`setting_relatives`), in the present and naming no day, says what goes on
    there, not what happened; it is no trigger (its words would lend the incident another target)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else (
        tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else None)
    if verb is None or verb.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ in lex.SETTING_RELATIVES for c in verb.children):
        return False
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return present and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _habitual(tok) -> set[str]:
    """'bandits, who raid villages', 'the army regularly carries out drone strikes', 'previous attacks
    on police': a habit or incidents told elsewhere, background rather than an incident."""
    if tok.pos_ == "NOUN" and _lemma(tok) in lex.NOUN_TRIGGERS.keys() | lex.INCIDENT_NOUNS and any(
            c.dep_ == "amod" and _lemma(c) in lex.PAST_MODIFIERS | lex.ONGOING_MODIFIERS for c in tok.children):
        # "previous attacks", "ongoing exchanges of fire", "near-daily strikes" (an act noun: "four regular
        # soldiers were killed" counts soldiers of the regular army, no habit)
        return {"background"}
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in lex.BACKGROUND_PREPS:
        return {"background"}  # "killed in a strike ... amid clashes": the setting
    if _after_another(tok):
        return {"background"}
    if _resorts_to(tok):
        return {"background"}
    if _kept_up(tok):
        return {"background"}  # "have intensified their drone strikes over the past two days": a campaign
    if tok.pos_ == "NOUN" and any(LONG_SPAN.fullmatch(c.text.lower()) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")):
        return {"background"}  # "a five-month battle", "a decade-long insurgency": a campaign, not an incident
    if _for_years(tok):
        return {"background"}  # "which has used armed drones for years in its fight with gangs": a habit
    if _told_as_before(tok):
        return {"background"}  # "the school had previously been used by rebels and was taken over after ...": the past
    first = tok
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ in ("pobj", "pcomp") and _lemma(first.head.head) in lex.INVOLVEMENT_WORDS:
        # "the militants were involved in attacks on the highway", "responsible for killing dozens": a past named, not told
        return {"background"}
    if first.dep_ in ("pobj", "pcomp") and first.head.lower_ in lex.PART_PREPS and first.head.head.tag_ == "NNS":
        return {"background"}  # "launched operations including shelling and troop deployments": means of a campaign
    if tok.tag_ == "NNS" and tok.i == tok.sent.root.i and _is_heading(tok.sent):
        return {"cumulative"}  # "Live: attacks in Borno state": a page's title over many incidents
    if any(c.dep_ == "advmod" and c.lower_ in lex.HABITUAL_ADVERBS for c in _nominal_verb(tok).children):
        return {"background"}  # "Often, their retaliation takes the form of rocket barrages": a habit
    verb = tok if tok.pos_ == "VERB" else (tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" else None)
    if verb is None:
        return set()
    if verb.tag_ == "VB" and verb.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in _children(verb, "aux")):
        verb = verb.head  # "fighters cross the border to attack its forces": the purpose takes the tense of its verb
        if verb.tag_ == "VB" and verb.dep_ == "conj":
            verb = verb.head  # "... shelter in X and cross the border to attack": the tense of the first verb
    if (verb.dep_ == "relcl" and verb.tag_ == "VBZ" and verb.lower_.endswith("s") and not _is_heading(verb.sent)
            and not any(c.dep_ in ("aux", "auxpass") or c.lower_ == "now" for c in verb.children)):
        return {"background"}  # "the force, which controls the airport": a state told in passing, whatever the tense around
    root = verb.sent.root
    # "bandits hide/VB in forests": a finite verb with its own subject and no auxiliary is a present
    tag = "VBP" if verb.tag_ == "VB" and _children(verb, "nsubj") and not _children(verb, "aux", "auxpass") else verb.tag_
    if (tag in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") or c.lower_ == "now" for c in verb.children)
            and not _is_heading(verb.sent) and verb.lower_ not in lex.SAME_PAST_FORMS
            and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
            # "were killed when shells hit a market": a clause takes the tense of the sentence ("hit" is both)
            and (root.i == verb.i or root.tag_ in ("VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in root.children))):
        return {"background"}  # the simple present of a report's body tells what keeps happening ("now control": a change)
    return set()


def _nominal_verb(tok):
    """The verb whose clause an act noun sits in, reached through its noun phrases ("takes the form of rocket
    barrages": takes); the trigger itself when it is a verb or hangs on no verb of its own clause."""
    x = tok
    while x.pos_ not in ("VERB", "AUX") and x.head.i != x.i and x.dep_ in _NOMINAL_DEPS:
        x = x.head
    return x


_NOMINAL_DEPS = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "compound", "conj", "appos"})


LONG_SPAN = re.compile(r"(?:\w+-)?(?:month|year|decade)s?(?:-long|-old)?|(?:month|year|decade)s?-long")


def _for_years(tok) -> bool:
    """The trigger's clause lasts "for years", "for more than a year", "for decades", "for weeks" (a span of
    months or more, or days and weeks uncounted), or has a span of time for subject ("recent weeks have seen ...")."""
    # ("has been under siege for 18 months": the clause's verb may be the copula)
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for c in [*verb.children, *(tok.children if tok.i != verb.i else ())]:
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                _lemma(g) in ("month", "year", "decade") or (g.lower_ in ("weeks", "days") and not _children(g, "nummod"))
                for g in _children(c, "pobj")):
            return True  # ("fighting had been escalating for weeks": an unnumbered span of days or weeks too)
    # "recent weeks have seen an intensified assault": a span of time as the clause's subject
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lower_ in lex.PERIOD_NOUNS for c in verb.children)


def _told_as_before(tok) -> bool:
    """The trigger's clause (or the clause it is joined to) says it came before the story ("previously",
    "formerly", `before_adverbs`)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    chain = [verb] if verb is not None else []
    while chain and chain[-1].dep_ == "conj":
        chain.append(chain[-1].head)
    if any(c.dep_ == "advmod" and c.lower_ in lex.BEFORE_ADVERBS for v in chain for c in v.children):
        return True
    # "have been killed recently, many in fighting across the border": a present perfect naming no day sums up the past
    return any(c.dep_ == "advmod" and c.lower_ in lex.RECENT_ADVERBS for v in chain for c in v.children) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for v in chain for c in v.children) and not any(
        t.ent_type_ in ("DATE", "TIME") for v in chain for t in v.subtree)


def _resorts_to(tok) -> bool:
    """"the junta now turns to air raids", "the army relies on drone strikes": a bare plural act (no
    article, number or owner) taken up by a verb in the present is a way of fighting, not an incident."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.dep_ != "pobj" or any(
            c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return False
    verb = tok.head.head
    if verb.pos_ != "VERB" or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") and not aux or (
        verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am", "'s", "'re") for c in aux))


def _kept_up(tok) -> bool:
    """"stepped up its offensive on the city", "continued the siege of the village for a sixth day": an act
    noun taken as the object of a verb of trend (`trend_verbs`) whose clause names no day it happened on
    (a span "for"/"over" days is no day)."""
    if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "advcl":
        # "have intensified their drone strikes, killing dozens": the campaign's toll, no incident of its own
        return any(_kept_up(o) for o in _children(tok.head, "dobj", "ccomp") if o.pos_ == "NOUN")
    # (the parse may make a clause of the object: "intensified their drone/nsubj strikes/ccomp")
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "ccomp") or tok.head.pos_ != "VERB":
        return False
    verb = tok.head
    if _lemma(verb) not in lex.TREND_VERBS and verb.lower_ not in lex.TREND_VERBS:
        return False
    if _lemma(verb) in ("step", "ramp", "keep") and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False  # "stepped up", "ramped up", "kept up" (not "keep the attackers away")
    # a span of days is no day: "for a sixth day", "over the past two days", "in recent weeks"
    spans = {t.i for x in (verb, tok) for c in x.children if c.dep_ == "prep" and (
        c.lower_ in ("for", "over", "since", "throughout")
        or (c.lower_ == "in" and any(g.tag_ == "NNS" and _lemma(g) in lex.PERIOD_NOUNS for g in _children(c, "pobj"))))
             for t in c.subtree}
    return not any(t.ent_type_ in ("DATE", "TIME") and t.i not in spans for t in verb.subtree)


def _after_another(tok) -> bool:
    """"The latest incident came a day after six civilians were killed": an earlier incident named to
    place this one in time (a clause or phrase of 'after'/'before' under 'come', 'follow')."""
    t = tok
    for _ in range(5):
        if t.head.i == t.i:
            return False
        marked = (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in t.children)) or (
            t.dep_ == "pobj" and t.head.lower_ in ("after", "before"))
        if marked:
            verb = t.head if t.dep_ == "advcl" else t.head.head
            return _lemma(verb) in lex.SEQUENCE_VERBS
        if t.dep_ == "dobj" and _lemma(t.head) in lex.SEQUENCE_VERBS:
            return True  # "The killings follow the death of 25 people in separate attacks"
        t = t.head
    return False


def _aggregated(noun) -> bool:
    """A plural act noun standing for many incidents: 'a string of attacks', 'strikes across the region',
    'in separate attacks', 'dozens of raids'."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if _lemma(noun) in lex.AGGREGATE_ACTS and any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in noun.children):
        return True  # "killed 22 civilians in two attacks": several incidents summed
    if _lemma(noun) in lex.AGGREGATE_ACTS and any(
            (c.dep_ == "amod" and _lemma(c) in lex.AGGREGATE_MODIFIERS) or (c.dep_ in ("det", "predet") and c.lower_ in ("both", "all"))
            for c in noun.children):
        return True  # "in separate attacks", "both attacks hit areas that ..." (not "all six policemen")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in lex.AGGREGATE_NOUNS:
        return True
    if _lemma(noun) in lex.AGGREGATE_ACTS and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children) and any(
            len([g for g in p.subtree if g.dep_ == "conj" and g.pos_ == "PROPN"]) >= 2
            for c in _children(noun, "prep") if c.lower_ in ("on", "in") for p in _children(c, "pobj")):
        return True  # "there had also been attacks on X, Y and Z": a tally of towns hit, no incident told
    if _lemma(noun) in lex.AGGREGATE_ACTS and _many_places(noun):
        return True  # "Russia launched drone strikes on multiple cities": many incidents, a summary
    return any(c.dep_ == "prep" and c.lower_ in lex.AGGREGATE_PREPS for c in noun.children)


_PLACE_KINDS = (lex.SETTLEMENT_NOUNS - lex.URBAN_PART_NOUNS) | {"region", "province", "state", "country"}


def _ongoing(tok) -> bool:
    """'attacks are continuing', 'fighting has raged since May', 'clashes continue between X and Y',
    'civilians continue to be killed' (the parse may hang the noun on the verb as a clause), 'the gunmen
    were still attacking residents': a state that lasts."""
    head = tok.head
    lasting = head.pos_ == "VERB" and (_lemma(head) in lex.ONGOING_VERBS or head.lower_ in lex.ONGOING_VERBS)  # the model lemmatises "raged" as "rag"
    # (a simple present naming a day, "fighting continues on Monday", is a live report of that day)
    going_on = head.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in head.children) or (
        head.tag_ in ("VBZ", "VBP") and not _is_heading(head.sent) and not any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree))
    if lasting and going_on:
        if tok.dep_ in ("nsubj", "advcl", "csubj") and tok.i < head.i:
            return True
        if tok.dep_ == "xcomp" and tok.pos_ == "VERB":
            return True  # "civilians continue to be killed": the killing goes on
    verb = tok if tok.pos_ == "VERB" else (head if tok.dep_ in ("nsubj", "dobj", "nsubjpass") and head.pos_ == "VERB" else None)
    return (verb is not None and verb.tag_ == "VBG" and any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "advmod" and c.lower_ in lex.STILL_ADVERBS for c in verb.children))


_CUE_WORDS = [(c.split(), f" {' '.join(c.split())} ") for c in lex.CUMULATIVE_CUES]  # (split once, not at every word of every clause)


def _time_frame_tags(tok, kind: str) -> set[str]:
    """'cumulative' for tolls over a period ("since the war began", "this year"), 'background' for
    states that last ("has besieged the city since May")."""
    anchor = _anchor(tok)
    many = _many_told_as_one(tok, anchor)
    if many:
        return many
    # the trigger's own clause: not a coordinated clause with its own subject, a reported or relative one,
    # nor its setting ("killed on Sunday in clashes ... amid tensions in recent months": the tensions' span)
    words = [t for t in _own_clause(anchor) if not _in_setting(t, anchor)]
    lows = [t.lower_ for t in words]
    cue = False
    joined = f" {' '.join(lows)} "
    for parts in (p for p, key in _CUE_WORDS if key in joined):  # (a cue's words in a row, found by the string search first)
        n = len(parts)
        for k in range(len(lows) - n + 1):
            # "the deadliest this year", "the worst so far": a superlative, not a period
            if lows[k:k + n] == parts and not (k and words[k - 1].tag_ in ("JJS", "RBS")):
                cue = True
    since = any(t.lower_ in lex.CUMULATIVE_MARKS and (t.head.i in (anchor.i, tok.i) or t.head.head.i == anchor.i)
                for t in words)
    if not (cue or since):
        return set()
    if kind in lex.VIOLENT_KINDS and (kind in ("killing",) or cue):
        return {"cumulative"}
    return {"background"}

