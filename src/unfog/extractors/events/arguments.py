"""Arguments of a mention: actors, claimant, place, date and toll (docs/events.md, section 3)."""
from __future__ import annotations

import re

import bisect
from dataclasses import dataclass, replace
from datetime import timedelta

from unfog.lexicons.actors import side_of
from unfog.lexicons.wire import lead_end
from unfog.nlp import timeexpr
from unfog.nlp.lines import CLOSING
from unfog.lexicons import load as _load_lexicon
from unfog.lexicons import events as lex
from unfog.extractors.context import Context
from unfog.extractors.query import doc_text, same_paragraph
from unfog.text import names_a_neighbour
from unfog.model import DateMention, Figure, Place, Statement
from unfog.extractors.events.common import (
    _is_historical,
    _km,
    _parse_day,
    COVER_SCAN,
    DEFINITE,
    LOCATIVE_PREPS,
    MAX_DATE_DISTANCE,
    MAX_PLACE_DISTANCE,
    Mention,
    POSSESSIVES,
    PRONOUNS,
    _actor_name,
    _anchor,
    _attribution_tail,
    _children,
    _clause_distance,
    _contains,
    _depth,
    _entries,
    _has_side,
    _hidden,
    _is_heading,
    _is_placeish,
    _lemma,
    _linked,
    _phrase,
    _place_within,
    _record_root,
    _same_place,
    _same_time,
    _sent_index,
    _tree_distance,
    side_of_text,
)
from unfog.extractors.events.triggers import (
    _refers_back,
    _time_frame_tags,
    _weapon_of,
    _weapon_word,
)


def _resolve_pronoun(tok, sents: list, sent_index: int) -> object | None:
    """A noun a pronoun stands for: the head of a relative clause, or an earlier subject."""
    low = tok.lower_
    if low in ("which", "who", "that"):
        rel = tok.head
        if rel.dep_ in ("relcl", "acl") and rel.head.i != rel.i:
            return rel.head
        return None
    for t in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS and t.pos_ in ("NOUN", "PROPN"):
            return t
    for k in range(sent_index - 1, max(-1, sent_index - 3), -1):
        root = sents[k].root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS]
        if subj:
            return subj[0]
    return None


def _owner(tok, sents, sent_index):
    """"its drones", "their fighters": the actor the possessive stands for, when it can be found."""
    if tok is None:
        return None
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES]
    if not poss:
        return tok
    owner = _resolve_pronoun(poss[0], sents, sent_index)
    return owner if owner is not None and owner.lower_ not in PRONOUNS else tok


def _actor_token(tok, sents, sent_index):
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS:
        return _resolve_pronoun(tok, sents, sent_index)
    return tok


def _noun_actors(noun):
    """(actor1, actor2) of an event noun: possessor, "by X" or a demonym; "on/against X"."""
    poss = _children(noun, "poss")
    by = [p for c in _children(noun, "prep") if c.lower_ == "by" for p in _children(c, "pobj")]
    on = [p for c in _children(noun, "prep") if c.lower_ in ("on", "against") for p in _children(c, "pobj") if not p.ent_type_ in ("DATE", "TIME")]
    demonym = [c for c in noun.children if c.dep_ in ("amod", "compound") and _has_side(c)]
    a1 = (poss or by or demonym or [None])[0]
    a2 = on[0] if on else None
    if a1 is None:
        a1 = _agent_of_performance(noun)
    if a1 is None:
        anchor = _anchor(noun)
        if anchor.i != noun.i and _lemma(anchor) in lex.AGENTIVE_VERBS and noun.dep_ not in ("nsubj", "nsubjpass"):
            subj = _children(anchor, "nsubj")
            if not subj and (anchor.dep_ == "xcomp" or (anchor.dep_ == "advcl" and anchor.tag_ == "VBG")):
                # ("began storming", "conducted an operation ..., triggering a shootout": the clause's subject)
                subj = _children(anchor.head, "nsubj")
            a1 = subj[0] if subj else None
    return a1, a2


def _agent_of_performance(noun):
    """"an attack carried out by the rebels", "a strike believed to have been carried out by the army": the agent
    of a verb of performing (``agentive_verbs``) told of the act noun, or None."""
    verbs = _children(noun, "acl")
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verbs += [noun.head]
    verbs += [x for v in verbs for x in _children(v, "xcomp")]  # ("believed to have been carried out by")
    for v in verbs:
        if _lemma(v) in lex.AGENTIVE_VERBS:
            agent = [p for c in _children(v, "agent") for p in _children(c, "pobj")]
            if agent:
                return agent[0]
    return None


def _actors(primary, group_tokens, sents, sent_index, place_tokens):
    """(actor1 token, actor2 token) from the parse around the group."""
    verbs = [t for t in group_tokens if t.pos_ == "VERB"]
    verb = min(verbs, key=_depth) if verbs else None
    a1 = a2 = None
    if verb is not None:
        subj = _children(verb, "nsubj")
        subjpass = _children(verb, "nsubjpass")
        agent = [p for c in _children(verb, "agent") for p in _children(c, "pobj")]
        obj = _children(verb, "dobj")
        on = [p for c in _children(verb, "prep") if c.lower_ in ("on", "against") for p in _children(c, "pobj") if not p.ent_type_ in ("DATE", "TIME")]
        if not subj and not subjpass and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            # shared subject of coordinated verbs ("pushed in and were bombing it")
            head = verb.head
            subj = _children(head, "nsubj")
            if verb.dep_ in ("xcomp",) and _children(head, "dobj") and _lemma(head) in ("order", "tell", "ask", "force", "urge"):
                subj = _children(head, "dobj")
        if subjpass or any(c.dep_ == "auxpass" for c in verb.children):
            a2 = subjpass[0] if subjpass else None
            a1 = agent[0] if agent else None
        else:
            # two subjects ("GOMA, Congo — Army helicopters struck"): a dateline the parser took in; the nearest acts
            a1 = min(subj, key=lambda t: abs(verb.i - t.i)) if subj else None
            a2 = obj[0] if obj else (on[0] if on else None)
        if _lemma(verb) == "die":
            a1, a2 = None, (subj[0] if subj else None)  # "three children died from a grenade": the dead, not who did it
        if _lemma(verb) == "open" and a2 is not None and _lemma(a2) == "fire":
            a2 = on[0] if on else None
        if _lemma(verb) == "fall":
            to = [p for c in _children(verb, "prep") if c.lower_ == "to" for p in _children(c, "pobj")]
            a1, a2 = (to[0] if to else None), None
        if a1 is not None and a1.i in {t.i for t in group_tokens} and a1.pos_ == "NOUN":
            a1 = _noun_actors(a1)[0]  # "Israeli strikes ... killed 16": the strike's own actor
    else:
        a1, a2 = _noun_actors(primary)
    if a1 is None and verb is not None and primary.pos_ == "NOUN":
        a1 = _noun_actors(primary)[0]
    if a1 is None:
        # "killed in artillery shelling by the paramilitary RSF": the event noun's "by" names who did it
        a1 = next((next(iter(_children(p, "appos")), p) if p.pos_ == "ADJ" else p
                   for t in group_tokens if t.pos_ in ("NOUN", "VERB") and t.dep_ != "ROOT"
                   for c in _children(t, "prep") if c.lower_ == "by" for p in _children(c, "pobj")), None)
    if a1 is None:
        # "40 civilians were killed when the militants stormed a camp": the active verb names the perpetrator
        a1 = next((s for v in sorted(verbs, key=_depth) if v.i != getattr(verb, "i", -1)
                   for s in _children(v, "nsubj") if s.lower_ not in ("which", "that")), None)
    a1 = _owner(_actor_token(a1, sents, sent_index), sents, sent_index)
    a2 = _actor_token(a2, sents, sent_index)
    if a1 is not None and _lemma(a1) in lex.NON_ACTOR_WORDS:
        a1 = None  # "part", "you", "one": fragments, not actors
    if a2 is not None and _lemma(a2) in lex.NON_ACTOR_WORDS:
        a2 = None
    if a1 is not None and _weapon_word(a1) is not None:  # "a Russian glide bomb hit": the demonym names the actor
        a1 = next((c for c in a1.children if c.dep_ in ("amod", "compound", "nmod") and _has_side(c)), a1)
    a1 = None if a1 is not None and _attribution_tail(a1) else a1
    a2 = None if a2 is not None and _attribution_tail(a2) else a2
    group_ids = {t.i for t in group_tokens}
    # "a missile struck": the weapon is no actor; "army helicopters", "rebel drones": the force that flies them is
    weapon_without_side = a1 is not None and _weapon_word(a1) is not None and not any(
        _has_side(c) or (c.dep_ in ("compound", "amod") and c.lower_ in lex.MILITARY_MODIFIERS) for c in a1.children)
    if a1 is not None and (a1.i in group_ids or weapon_without_side or a1.ent_type_ in ("DATE", "TIME")):
        a1 = None  # "a missile struck ...": the weapon is not the actor
    if a2 is not None and a2.ent_type_ in ("DATE", "TIME"):
        a2 = None
    if a2 is not None and _weapon_word(a2) is not None:  # "fired mortar bombs at troops": the troops are the target
        at = [p for c in _children(a2.head, "prep") if c.lower_ in ("at", "on", "against") for p in _children(c, "pobj")]
        a2 = at[0] if at else None
    if a2 is not None and _lemma(a2) in lex.QUANTITY_WORDS:
        of = [p for c in _children(a2, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        a2 = of[0] if of else a2
    if a1 is not None and _lemma(a1) in lex.QUANTITY_WORDS:  # "Dozens of militants attacked": the militants
        of = [p for c in _children(a1, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        a1 = of[0] if of else a1
    if a1 is None:  # "an attack on their post blamed on jihadists": who is blamed did it
        blamed = [p for t in group_tokens if t.pos_ == "NOUN" for c in t.subtree if c.dep_ == "acl" and _lemma(c) in lex.BLAME_VERBS
                  for pr in _children(c, "prep") if pr.lower_ in ("on", "to") for p in _children(pr, "pobj")]
        a1 = blamed[0] if blamed else None
    if a2 is not None and (a2.like_num or a2.pos_ == "NUM" or _lemma(a2) in ("arm", "weapon", "it", "fire")):
        a2 = None
    if a1 is not None and (a1.like_num or a1.pos_ == "NUM"):
        a1 = None
    # a place is where it happened, not who did it
    if a2 is not None and _is_placeish(a2, place_tokens):
        a2 = None
    if a1 is not None and a1.i in place_tokens and not _has_side(a1):
        a1 = None
    return a1, a2


def _claim_from_parse(primary, sents, sent_index):
    """(claimant token, claimed, denied) from a reporting verb above the trigger."""
    t = primary
    while t.head.i != t.i:
        head = t.head
        if t.dep_ in ("acl", "ccomp", "appos") and _lemma(head) in ("claim", "assertion", "allegation", "report", "announcement"):
            return None, True, False
        if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return t, True, False
        dobj_ok = t.dep_ != "dobj" or _lemma(head) in (lex.DENY_VERBS | {"confirm", "report", "claim"})
        if _lemma(head) in lex.REPORT_VERBS and head.pos_ == "VERB" and dobj_ok and t.dep_ in ("ccomp", "xcomp", "dobj", "parataxis"):
            subj = _children(head, "nsubj")
            if not subj and head.dep_ == "conj":
                subj = _children(head.head, "nsubj")
            who = _actor_token(subj[0], sents, sent_index) if subj else None
            return who, True, _lemma(head) in lex.DENY_VERBS
        if any(c.dep_ == "prep" and c.lower_ == "according" for c in head.children):
            acc = [p for c in head.children if c.lower_ == "according" for x in c.children for p in _children(x, "pobj")]
            return (acc[0] if acc else None), True, False
        t = head
    return None, False, False


def _argument_of_cause(w, tops) -> bool:
    """"A grenade was thrown into a crowd, killing two", "drove over an explosive device, killing one":
    the weapon is an argument of the act whose result the participle tells."""
    for top in tops:
        if top.dep_ != "advcl" or top.tag_ != "VBG":
            continue
        cause = top.head
        if w.head.i == cause.i and w.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
        if w.dep_ == "pobj" and w.head.dep_ == "prep" and w.head.head.i == cause.i:
            return True
    return False


def _mention(group, weapons, sents, si: int, place_tokens: set[int]) -> Mention:
    group.sort(key=lambda g: (lex.RANK.get(g[1], 5), _depth(g[0])))
    primary = group[0][0]
    sent = sents[si]
    m = Mention(kinds=[g[1] for g in group], primary=primary, tokens=[g[0] for g in group], sent=sent, sent_index=si)
    for _, kind, tags in group:
        m.tags |= tags
        m.tags |= set(lex.acled_type(kind)[2]) & {"siege", "surrender", "corridor", "mass-grave", "declaration"}
    tops = [_anchor(t) for t in m.tokens]
    for w in weapons:
        if _other_headline_clause(w, m.tokens, sent):
            continue  # "gunmen kill 7 workers, bomb kills doctor": the bomb is the second incident's
        if any(_linked(top, w) for top in tops) or any(w.head.i == t.i for t in m.tokens) or _argument_of_cause(w, tops):
            m.weapon = m.weapon or _weapon_of(w)
    for t in m.tokens:
        if t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ in ("compound", "amod") and _weapon_of(c) is not None:
                    m.weapon = _weapon_of(c)
    a1, a2 = _actors(primary, m.tokens, sents, si, place_tokens)
    if _lemma(primary) in lex.DISCOVERY_VERBS:
        a1 = None  # "soldiers who reached the area found six bodies": who found the dead did not kill them
    a1, a2 = _headline_victims(m, a1, a2, sent)
    if a1 is not None:
        m.actor1 = _phrase(a1)[0]
        if a1.pos_ == "ADJ" and _has_side(a1) and " " not in m.actor1:
            m.actor1 += " forces"  # "Israeli strikes": a demonym stands for the state's forces
    if a2 is not None:
        m.actor2 = _phrase(a2)[0]
        m.actor2_head = _lemma(a2)
    _single_death(m)
    _named_victim(m)
    if m.actor2 is None:
        _surface_victim(m)
    m.anaphoric = any(t.pos_ == "VERB" and any(_lemma(o) in lex.NOUN_TRIGGERS and lex.NOUN_TRIGGERS[_lemma(o)] in lex.VIOLENT_KINDS
                                               and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in o.children)
                                               for o in _children(t, "dobj")) for t in m.tokens)
    low = sent.text.lower()
    if any(t.lower_ in ("unopposed", "peacefully") for t in sent) or "without a fight" in low or "without resistance" in low:
        m.nonviolent = True
    return m


def _headline_victims(m: Mention, a1, a2, sent) -> tuple:
    """A headline's bare participle of killing, arrest or abduction with no object ("Teachers detained", "3 police
    officers killed in an attack by militants") tells what happened to its subject: the subject is actor2, and
    the act noun's "by" (if any) names who did it."""
    if a1 is None or a2 is not None or not _is_heading(sent):
        return a1, a2
    verb = next((t for t, k in zip(m.tokens, m.kinds) if k in ("arrest", "killing", "abduction")
                 and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN")), None)
    people_words = lex.CIVILIAN_NOUNS | lex.COMBATANT_NOUNS
    if (verb is None or a1.head.i != verb.i or _children(verb, "dobj")
            or not (_lemma(a1) in people_words or a1.lower_.rstrip("s") in people_words)):
        return a1, a2
    by = next((p for t in m.tokens if t.pos_ == "NOUN" for c in _children(t, "prep") if c.lower_ == "by"
               for p in _children(c, "pobj")), None)
    return by, a1


def _other_headline_clause(weapon, triggers, sent) -> bool:
    """A headline strings incidents with commas ("Gunmen kill seven, bomb kills doctor"): a weapon opening a
    stretch past a comma from the first trigger is that stretch's incident's, whatever the parse joined."""
    if not _is_heading(sent):
        return False
    first = min(t.i for t in triggers)
    commas = [t.i for t in sent.doc[first:weapon.i] if t.text in (",", ";")]
    # the weapon opens its comma's stretch ("..., bomb kills doctor"), not a phrase of the first clause ("..., with bombs")
    return bool(commas) and not any(t.pos_ == "ADP" for t in sent.doc[commas[-1] + 1:weapon.i])


# Within one sentence, ACLED records one event: a battle absorbs the shelling and the
# killings around it, an ultimatum absorbs the surrender it demands.
FOLDS = {
    "ultimatum": {"surrender", "corridor"}, "offer": {"surrender", "corridor", "evacuation"},
    "agreement": {"corridor", "evacuation", "surrender"}, "corridor": {"evacuation", "agreement"},
    "protest": {"protest"},  # "police fired tear gas to disperse students who marched to protest": one protest
    # "stormed a village, shooting residents and setting fire to granaries": the burning is part of the attack
    **{k: {"looting"} for k in ("battle", "killing", "abduction", "air", "shelling", "explosive", "riot")},
}


def _victims(t) -> list:
    """Who a killing verb killed: its object or passive subject ("the one who died": its subject), the
    subject a conjoined verb shares ("a man was shot and killed"), the noun a relative clause hangs on
    ("a soldier who later died")."""
    victims = _children(t, "nsubjpass", "dobj") + (_children(t, "nsubj") if _lemma(t) == "die" else [])
    if not victims and t.dep_ == "conj" and t.head.pos_ == "VERB":
        victims = _children(t.head, "nsubjpass", "nsubj")
    if victims and victims[0].lower_ in ("who", "that") and t.dep_ == "relcl":
        victims = [t.head]
    return victims


def _single_death(m: Mention) -> None:
    """"killing a police guard and the driver", "a resident died", "a man was shot and killed", "killing
    the local police chief", "a soldier who later died": one person (or each one joined) told killed
    with no number. A person told by "a"/"one"/"his", or by "the" and a noun of one person (an office,
    "the driver"; not a group, "the family"), is one death; so is one who died of the act ("a resident
    died after a drone attack")."""
    died = [t.head.head for t in m.tokens if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.dep_ == "prep"
            and t.head.head.pos_ == "VERB" and _lemma(t.head.head) == "die"]
    for t in m.tokens + died:
        if not ((t.pos_ == "VERB" and _lemma(t) in ("kill", "die")) or (_lemma(t) == "shoot" and (
                (t.i + 1 < len(t.doc) and t.nbor().lower_ == "dead") or any(c.lower_ == "dead" for c in t.children)))):
            continue
        victims = _victims(t)
        if not victims:
            continue
        v = victims[0]
        if v.lower_ in ("him", "her") or (v.lower_ == "one" and v.tag_ == "CD"):
            m.single_death = max(m.single_death, 1)  # "before troops shot him dead", "after one of them was shot dead"
            continue
        dets = [c.lower_ for c in v.children if c.dep_ in ("det", "poss", "nummod")]
        one = any(d in ("a", "an", "one", "his", "her") for d in dets) or (
            "the" in dets and (_lemma(v) in lex.OFFICE_NOUNS or _lemma(v) in lex.PEOPLE_NOUNS) and _lemma(v) not in lex.GROUP_NOUNS)
        if v.tag_ in ("NN", "NNP") and one:
            # "killing a police guard and the driver": each person joined to the first is one more
            # (the parse may join the second to the verb)
            m.single_death = max(m.single_death, 1 + sum(1 for c in list(v.children) + list(t.children)
                                 if c.dep_ == "conj" and c.tag_ in ("NN", "NNP")
                                 and (_lemma(c) in lex.PEOPLE_NOUNS or _lemma(v) in lex.PEOPLE_NOUNS)
                                 and _children(c, "det", "poss")))  # ("his driver and a bodyguard": two)


def _named_victim(m: Mention) -> None:
    """"assailants shot and killed <name> near his home": the victim is a person named by name, one death
    (two when a second name is joined), a civilian unless his phrase says he bore arms ("rebel commander <name>")."""
    armed = lex.NONSTATE_NOUNS | lex.PERPETRATOR_NOUNS | lex.MILITARY_MODIFIERS | lex.COMBATANT_NOUNS | {"commander", "armed"}
    for t in m.tokens:
        if t.pos_ != "VERB" or _lemma(t) not in lex.NAMED_VICTIM_VERBS:
            continue
        for v in _children(t, "dobj", "nsubjpass"):
            if v.ent_type_ != "PERSON" or v.tag_ != "NNP":
                continue
            if any(_lemma(w) in armed or w.lower_ in armed for w in v.subtree):
                return
            m.named_victim = True
            m.single_death = max(m.single_death, 1 + sum(1 for c in v.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"))
            return


def _surface_victim(m: Mention) -> None:
    """"Two gunmen on a motorcycle shot/NOUN dead a village chief": when the parse misses the verb of a
    surface trigger, the noun right after it is the victim ("a chief": one death)."""
    for t in m.tokens:
        if t.i + 2 >= len(t.doc) or f"{t.lower_} {t.nbor().lower_}" not in lex.SURFACE_TRIGGERS:
            continue
        if t.pos_ == "VERB" and _children(t, "dobj", "nsubjpass"):
            continue  # (the parse found the victim; "a sniper shot/VERB dead a boy" parsed as "dead" taking "boy": not)
        after = t.doc[t.i + 2:min(t.sent.end, t.i + 10)]
        # the phrase's head, not a word inside a modifier ("a 12-year-old boy": boy, not year)
        noun = next((x for x in after if x.pos_ in ("NOUN", "PROPN") and not (x.dep_ in ("compound", "npadvmod", "nmod") and x.head.i > x.i)), None)
        if noun is None or any((x.is_punct and x.text != "-") or x.pos_ in ("VERB", "ADP") for x in after if x.i < noun.i):
            continue
        m.actor2, m.actor2_head = _phrase(noun)[0], _lemma(noun)
        if after[0].lower_ in ("a", "an") and noun.tag_ in ("NN", "NNP"):
            m.single_death = max(m.single_death, 1)


def _clause_tense(t) -> str | None:
    """The tense of the clause a trigger heads or sits in: its finite auxiliary's, else its verb's
    ("are being shelled": present; "clashes began": past)."""
    v = t if t.pos_ in ("VERB", "AUX") else t.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    aux = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and "Fin" in c.morph.get("VerbForm")), None)
    src = aux if aux is not None else v
    if "Fin" not in src.morph.get("VerbForm"):
        return None
    tense = src.morph.get("Tense")
    return tense[0] if tense else None


def _later_phase(host: Mention, guest: Mention) -> bool:
    """"Fighting broke out at dawn, and the districts are now being shelled": a verb with a subject of its own,
    joined to the fight's clause but told in the present against its past, is a later act of its own, not the
    fight's weapon ("killed in the fighting, mostly by artillery" still folds)."""
    g = guest.primary
    if g.pos_ != "VERB" or g.dep_ != "conj" or not _children(g, "nsubj", "nsubjpass"):
        return False
    return _clause_tense(g) == "Pres" and _clause_tense(host.primary) == "Past"


def _folds_into(host: Mention, guest: Mention) -> bool:
    if host.denied != guest.denied or _hidden(host) != _hidden(guest):
        return False
    if _later_phase(host, guest):
        return False
    if lex.RANK.get(host.kind) == 1 and lex.RANK.get(guest.kind, 5) in (2, 3):
        return _same_place(host.place, guest.place) is not False and _same_time(host.date, guest.date, None) is not False
    return guest.kind in FOLDS.get(host.kind, ())


def _fold_sentences(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_index, []).append(m)
    for si in sorted(by_sent):
        ms = by_sent[si]
        kept: list[Mention] = []
        for m in sorted(ms, key=lambda x: (lex.RANK.get(x.kind, 5), x.primary.i)):
            host = next((k for k in kept if _folds_into(k, m)), None)
            if host is not None:
                host.absorb(m)
            else:
                kept.append(m)
        out.extend(sorted(kept, key=lambda x: x.primary.i))
    return out


def _statement_span(s: Statement) -> tuple[int, int]:
    if s.content_start is not None and s.content_end is not None:
        return s.content_start, s.content_end
    return s.start, s.end


def _attach_claims(ctx: Context, mentions: list[Mention], sents) -> None:
    spans = sorted((_statement_span(s), k, s) for k, s in enumerate(ctx.statements))
    los = [lo for (lo, _), _, _ in spans]
    for m in mentions:
        pos = m.primary.idx
        covering = None
        for (lo, hi), _, s in reversed(spans[max(0, bisect.bisect_right(los, pos) - COVER_SCAN):bisect.bisect_right(los, pos)]):
            if lo <= pos < hi:
                covering = s  # the innermost (latest-starting) statement over the trigger
                break
        who_tok, claimed, denied = _claim_from_parse(m.primary, sents, m.sent_index)
        if covering is not None:
            m.statement_ids.append(covering.id)
            denied = denied or covering.polarity == "denies"
            if covering.speaker and covering.speaker_side != "MEDIA":
                speaker = covering.speaker.rsplit(" - ", 1)[-1]  # "10:02 GMT - Kyiv": a live blog's stamp
                m.claimant, m.claimant_side, m.claimed = speaker, covering.speaker_side, True
        if m.claimant is None and claimed:
            m.claimed = True
            if who_tok is not None:
                text = _phrase(who_tok)[0]
                side = side_of_text(text)
                if side != "MEDIA":
                    m.claimant, m.claimant_side = _actor_name(text), side
        if denied:
            m.denied = True
            m.tags.add("denial")


def _place_ok(p: Place) -> bool:
    return p.lat is not None and p.lon is not None


_same_paragraph = same_paragraph  # (text, a, b): one copy, in the query layer


def _definite_place_object(m: Mention, place_tokens: set[int]) -> bool:
    """The trigger's target is a place named only by a common noun ("the port", "the steel mill")."""
    for t in m.tokens:
        objs = _children(t, "dobj", "nsubjpass")
        objs += [p for c in _children(t, "prep") if c.lower_ in ("into", "on", "at", "in", "for", "of") for p in _children(c, "pobj")]
        for o in objs:
            named = any(c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.subtree) for c in _children(o, "prep"))
            if _lemma(o) in lex.PLACE_NOUNS and not named and not any(x.i in place_tokens for x in o.subtree):
                if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in o.children):
                    return True  # "the port" is the article's place; "a village in X region" is in X
    return False


def _unresolved_location(m: Mention, place_tokens: set[int]) -> bool:
    """A named location argument of the trigger ("in Aleppo", "near the village of X") left unresolved."""
    return _unresolved_head(m, place_tokens) is not None


def _unresolved_head(m: Mention, place_tokens: set[int]):
    """The head token of the trigger's named location argument the gazetteer left unresolved, or None."""
    for t in m.sent:
        if t.i in place_tokens or t.dep_ in ("nsubj", "poss") or not (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC")):
            continue
        head = t
        while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
            head = head.head
        of_place = head.head.lower_ == "of" and _lemma(head.head.head) in lex.PLACE_NOUNS | {"district"}
        if t.ent_type_ in ("DATE", "TIME") or (t.ent_type_ in ("ORG", "PERSON") and not of_place):
            continue
        if head.dep_ == "pobj" and (head.head.lower_ in LOCATIVE_PREPS or of_place):
            if min(_clause_distance(head, x) for x in m.tokens) <= MAX_PLACE_DISTANCE + 1:
                m.unresolved_name = t.text  # (kept to tell the same unknown place told twice)
                return head
    return None


CONTAINED_PREPS = ("in", "at", "near", "outside", "around", "of")  # an unknown place told where it lies


def _container_of(doc, head, places: list[Place], skip) -> Place | None:
    """The known place the text puts an unknown one in or near, within its own phrase ("Mwenda village of the Beni
    territory", "<X>, a village near Paoua", "<X> in the Koro cercle"): the most specific, as ACLED codes the nearest
    known place (a town stands for it as near: precision 2 at least); None when the phrase names none."""
    if head.head.lower_ not in CONTAINED_PREPS:
        return None  # ("coming down from the <hills> of <district>": where they came from, not where it happened)
    phrase = head
    if head.head.lower_ == "of" and _lemma(head.head.head) in lex.PLACE_NOUNS:
        phrase = head.head.head  # "the village of <X> in <region>": the phrase is the village's
    inside = []
    for p in places:
        root = _record_root(doc, p)
        if root is None or skip(p) or root.i == head.i:
            continue
        named = root
        while named.dep_ == "compound" and named.head.i != named.i:
            named = named.head
        if _lemma(named) in lex.STREET_NOUNS | lex.ROUTE_NOUNS:
            continue  # ("at <village> on the <town>-<town> road": a road's name is no container)
        if phrase.left_edge.i <= root.i <= phrase.right_edge.i and root.i > head.i:
            inside.append((p.precision or 3, root.i - head.i, p))
    if not inside:
        return None
    best = min(inside, key=lambda c: c[:2])[2]
    return best if (best.precision or 3) >= 2 else replace(best, precision=2)


def _quarter_of(doc, best: Place, town: Place | None) -> Place:
    """"Shells hit a district of Taiz ... The shells hit their house in the X neighbourhood": a quarter named
    right after a town (`urban_part_nouns`) is in that town, whatever namesake far away the gazetteer knows."""
    if (town is None or town is best or (town.precision or 3) > 1 or None in (best.lat, best.lon, town.lat, town.lon)
            or _km(best, town) <= AREA_KM):
        return best
    root = _record_root(doc, best)
    arg = _place_argument(root) if root is not None else None
    return town if arg is not None and _lemma(arg) in lex.URBAN_PART_NOUNS else best


def _the_capital(ctx: Context, m: Mention) -> Place | None:
    """"In the capital, security agents detained ...": a clause placed at "the capital" happened in the
    one capital city the article names (its dateline included), when it names one."""
    if not any(_lemma(t) == "capital" and t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS
               and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               and not any(c.dep_ in ("appos", "compound") for c in t.children) for t in m.sent):
        return None
    caps = [p for p in ctx.places if p.feature_code == "PPLC" and _place_ok(p)]
    return caps[-1] if caps and len({p.geonames_id for p in caps}) == 1 else None


def _definite_place_noun(sent, place_tokens: set[int]) -> bool:
    """'the city', 'the port', 'the plant': the article's own place, named earlier."""
    for t in sent:
        if _lemma(t) in ("city", "town", "port", "plant", "steelworks", "village", "factory") and t.i not in place_tokens:
            if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
                return True
    return False


def _places_by_sentence(ctx: Context, sent_starts: list[int], place_tokens: set[int]) -> dict[int, list[Place]]:
    """The article's placed mentions per sentence, without person names the gazetteer also knows."""
    doc = ctx.doc
    by_sent: dict[int, list[Place]] = {}
    for p in ctx.places:
        if not _place_ok(p):
            continue
        root = _record_root(doc, p)
        # "Ivan Bila": a person's name that the gazetteer also knows as a town, unless said to be a place
        said_place = root is not None and ((root.dep_ == "poss" and {_lemma(root.head), root.head.lower_} & lex.PLACE_NOUNS)
                                           or (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS)
                                           # "the town of Adan Yabaal": named a place, whatever the tagger says
                                           or (root.dep_ == "pobj" and root.head.lower_ == "of" and _lemma(root.head.head) in lex.PLACE_NOUNS)
                                           # "attacked <X> town": named a place by the noun it modifies
                                           or (root.dep_ == "compound" and _lemma(root.head) in lex.SETTLEMENT_NOUNS))
        if root is None or (root.ent_type_ == "PERSON" and not said_place) or (root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i not in place_tokens):
            continue
        by_sent.setdefault(_sent_index(sent_starts, p.start), []).append(p)
    return by_sent


DATELINE_TAIL = re.compile(r"(?:,[^\n:—–]{0,40}?)?\s*(?:[:—–]|\s-)\s")


def _leads(ctx: Context) -> list[tuple[int, int]]:
    """Spans of wire furniture opening paragraphs ("MOGADISHU, Feb 11 (Wire) -"): datelines say where
    and when the report was filed, not where or when the incident happened."""
    leads = [(a, a + lead_end(ctx.text[a:b])) for a, b in ctx.paragraphs]
    for n in range(min(2, len(leads))):
        # "Kabul: Four policemen ...", "Addis Abeba — Ethiopian forces ...": a place opening the
        # article (or its first paragraph below a headline), then a colon or a dash, is a dateline
        # written in ordinary case
        a, b = leads[n]
        if a != b:
            break
        p = min((p for p in ctx.places if p.start >= a), key=lambda p: p.start, default=None)
        m = DATELINE_TAIL.match(ctx.text, p.end) if p is not None and ctx.text[a:p.start].strip() == "" else None
        if m:
            leads[n] = (a, m.end())  # ("Kenya: 6 killed in ..." heading a report: its label, not its dateline)
    return leads


def _clause_places(doc, text: str, m: Mention, places: list[Place], place_tokens: set[int]) -> tuple[list, list]:
    """(clause distance, precision, start, place) of the sentence's places that can be the mention's
    location: those near it in the tree, and towns further away in a locative phrase."""
    cands: list[tuple] = []
    far: list[tuple] = []
    for p in places:
        root = _record_root(doc, p)
        if root is None or not _same_paragraph(text, p.start, m.primary.idx) or names_a_neighbour(text, p.start):
            continue  # ("near the border with Niger": the neighbour is no location, as for a figure's place)

        # "fall to Russia", "Ukraine's deputy prime minister": a country as an actor is not the place
        country = p.kind == "country" or p.feature_code in ("PCLI", "PCLD", "PCL") or bool(side_of(p.name))
        subjectish = root.dep_ in ("nsubj", "poss", "nsubjpass") or (root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"))
        # "US warplanes", "Russian missiles": a country naming who acts, not where
        subjectish = subjectish or (root.dep_ in ("nmod", "compound", "amod") and root.head.pos_ in ("NOUN", "PROPN")
                                    and _lemma(root.head) not in lex.PLACE_NOUNS | lex.AREA_NOUNS and root.head.i not in place_tokens)
        if root.dep_ == "poss" and {_lemma(root.head), root.head.lower_} & (lex.PLACE_NOUNS | lex.STREET_NOUNS):
            subjectish = False  # "El Obeid's outskirts": where, not who
        # "fall to Russia", "aid from Poland"; but "evacuated from Mariupol" is where it happened
        state = p.kind == "country" or p.feature_code in ("PCLI", "PCLD", "PCL")
        actor_preps = ("to", "by", "from", "with") if state else ("to", "by", "with")
        if country and (subjectish or root.dep_ == "pobj" and root.head.lower_ in actor_preps):
            continue
        root = _place_argument(root)
        origin = root.dep_ == "pobj" and root.head.lower_ == "from" and m.kind in lex.VIOLENT_KINDS and (
            _lemma(root.head.head) in lex.PEOPLE_NOUNS  # "nine men from Punjab": where the victims came from
            or any(root.head.head.i == t.i and k == "killing" for t, k in zip(m.tokens, m.kinds)))
        # "an officer who comes from Y": where a person named in the clause is from
        origin = origin or (root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.dep_ in ("relcl", "acl")
                            and _lemma(root.head.head) in lex.ORIGIN_VERBS)
        origin = origin or (m.kind in lex.VIOLENT_KINDS and _set_out_from(root))  # "a convoy returning from Y"
        office = (root.dep_ == "pobj" and root.head.lower_ in ("in", "of", "for") and _lemma(root.head.head) in lex.OFFICE_NOUNS) or (
            root.dep_ == "poss" and (root.head.ent_type_ in ("ORG", "PERSON") or _lemma(root.head) in lex.OFFICE_NOUNS))  # "X's governor", "X's Attorney General's Office"
        if origin or office or _under_reference(root, m) or _speakers_place(root, m) or _launch_site(root, m):
            continue  # "nine men from Punjab", "the killings near X", "the governor of X": not where it happened
        d = min(_clause_distance(root, t) for t in m.tokens)
        if d > MAX_PLACE_DISTANCE:
            # a town in a locative phrase, or told by its bearing ("in the bush west of Mangina")
            bearing = root.head.lower_ == "of" and root.head.head.lower_ in lex.DIRECTION_WORDS | {"part"}  # "part of X district"
            # (a region too, "at a base ... in Y province", but never a country: it names a side as often as a place)
            if ((p.precision or 3) <= 2 or not country) and root.dep_ == "pobj" and (root.head.lower_ in LOCATIVE_PREPS or bearing):
                far.append((d, p.precision or 3, p.start, p))
            continue
        cands.append((d, p.precision or 3, p.start, p))
    # "on a road in X city, north of the capital Y": a town told as the bearing of another is a
    # landmark, not the location, when the clause names another town
    refs = {id(p) for p in places if _bearing_reference(_record_root(doc, p))}
    if any(id(c[3]) not in refs and c[1] <= 2 for c in cands + far):  # (a town; "west of X in Y region": X)
        cands, far = [c for c in cands if id(c[3]) not in refs], [c for c in far if id(c[3]) not in refs]
    # "about 87 km south of X": a landmark that far is never the location
    distant = {id(p) for p in places if _far_landmark(_record_root(doc, p))}
    return [c for c in cands if id(c[3]) not in distant], [c for c in far if id(c[3]) not in distant]


UNIT_KM = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
           "mile": 1.609, "miles": 1.609}


_DISTANCE_BEFORE = re.compile(r"(\d[\d,.]*)\s*(km|kms|kilomet(?:re|er)s?|miles?)\b(?:\s*\([^)]{0,30}\))?"
                              r"\s+(?:[a-z-]+\s+){0,2}(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+)?$", re.I)


def _set_out_from(root) -> bool:
    """"A convoy returning from Djibo was ambushed ...": the town a journey set out from (``departure_verbs``)
    is not where a violent act on the way happened, nor the article's main place."""
    return (root is not None and root.dep_ == "pobj" and root.head.lower_ == "from"
            and _lemma(root.head.head) in lex.DEPARTURE_VERBS)


def _far_landmark(root) -> bool:
    """A place told as the point a distance is taken from, the distance beyond AREA_KM ("87 km south of X",
    "some 100 km from X", "375 kilometres (230 miles) north of the capital X")."""
    if root is None:
        return False
    m = _DISTANCE_BEFORE.search(doc_text(root.doc)[max(0, root.idx - 80):root.idx])  # (doc.text rebuilds the text)
    if m is not None:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            value = 0.0
        if value * UNIT_KM.get(m.group(2).lower(), UNIT_KM.get(m.group(2).lower().rstrip("s"), 1.0)) > AREA_KM:
            return True
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "from"):
        return False
    word = root.head.head
    units = [word] + [c for c in word.children if c.dep_ in ("npadvmod", "nmod", "compound")]
    for u in units:
        factor = UNIT_KM.get(u.lower_)
        for n in (c for c in u.children if c.dep_ == "nummod"):
            try:
                value = float(n.text.replace(",", ""))
            except ValueError:
                continue
            if factor and value * factor > AREA_KM:
                return True
    return False


def _bearing_reference(root) -> bool:
    """"north of the capital Y", "30 km south of Y": a place told only as the point a bearing is taken from."""
    if root is None:
        return False
    if root.dep_ == "appos":
        root = root.head  # "the capital Baghdad"
    # "near the Telangana border": the border a place lies by, not the place ("the border with Niger" names a
    # neighbour, which _clause_places leaves out: names_a_neighbour)
    if root.dep_ in ("compound", "nmod", "amod") and _lemma(root.head) in lex.BORDER_NOUNS:
        return True
    if not (root.dep_ == "pobj" and root.head.lower_ == "of"):
        return False
    word = root.head.head
    return word.lower_ in lex.DIRECTION_WORDS and word.lower_ not in lex.PLACE_NOUNS


def _place_argument(root):
    """The token a place name stands for in the clause: "the village of Manhush", "the outskirts of
    Malakal" (the village, the outskirts); "in Maru local government
    area", "a rural area of Tame municipality" (the area noun, then the area it is part of)."""
    for _ in range(4):
        head = root.head
        if head.i == root.i:
            break
        if root.dep_ in ("compound", "nmod") and _lemma(head) in lex.SETTLEMENT_NOUNS and head.i > root.i:
            root = head  # "in Mosul city": the town stands where the noun stands
            continue
        if root.dep_ in ("compound", "nmod", "amod") and (_lemma(head) in lex.AREA_NOUNS or any(
                _lemma(h) in lex.AREA_NOUNS for h in (head.head,) if head.dep_ in ("compound", "amod") and h.i != head.i)):
            root = head if _lemma(head) in lex.AREA_NOUNS else head.head
            continue
        if root.dep_ == "pobj" and head.lower_ == "of" and (
                {_lemma(head.head), head.head.lower_} & (lex.PLACE_NOUNS | lex.AREA_NOUNS)):
            root = head.head
            continue
        break
    return root


def _launch_site(root, m: Mention) -> bool:
    """"fired two rockets from northern Gaza towards Sderot": where the fire came from, when a target is told."""
    if not (root.dep_ == "pobj" and root.head.lower_ == "from"):
        return False
    verb = root.head.head
    return (any(verb.i == t.i for t in m.tokens) and _lemma(verb) in lex.WEAPON_OBJECT_VERBS
            and any(c.lower_ in ("towards", "toward", "at", "into", "on") for c in _children(verb, "prep")))


def _speakers_place(root, m: Mention) -> bool:
    """"a spokesman in Kandahar said three guards had died": where the speaker is, not the incident;
    "a witness of the raid told of it in <town>": where the speaker told it."""
    tokens = {t.i for t in m.tokens}
    for a in [root, *root.ancestors]:
        if a.i in tokens:
            return False
        if a.dep_ == "nsubj" and _lemma(a.head) in lex.REPORT_VERBS:
            return not any(t.i in tokens for t in a.subtree)
        if a.pos_ == "VERB" and _lemma(a) in lex.REPORT_VERBS:
            return any(t.i in tokens for s in _children(a, "nsubj") for t in s.subtree)
    return False


def _under_reference(root, m: Mention) -> bool:
    """Is the place inside a noun naming an incident told elsewhere ("the killings near X")?"""
    tokens = {t.i for t in m.tokens}
    for a in [root, *root.ancestors]:
        if a.i in tokens:
            return False
        setting = a.head.lower_ in ("in", "during") and _lemma(a) in lex.ARREST_SETTING_NOUNS  # "arrested ... in a raid on a house in X": where
        if _refers_back(a) and (_lemma(a) in lex.NOUN_TRIGGERS or a.lower_ in lex.NOUN_TRIGGERS) and not setting:
            return True  # (an act noun: "protesting against fuel price rises in X" names where they protested)
    return False


def _conjoined_towns(doc, best: Place, cands: list[tuple]) -> list[Place]:
    """"drone attacks on the city of X in the south and the city of Y in the northeast": towns
    coordinated with the location (each its own location argument), a place apiece."""
    root = _record_root(doc, best)
    if root is None or (best.precision or 3) > 2:
        return []
    arg = _place_argument(root)
    out = []
    for c in cands:
        p = c[3]
        other = _record_root(doc, p)
        if other is None or p is best or (p.precision or 3) > 2 or _same_place(p, best) or p in out:
            continue
        o = _place_argument(other)
        if o.i != arg.i and ((o.dep_ == "conj" and (o.head.i == arg.i or o.head.head.i == arg.i))
                             or (arg.dep_ == "conj" and arg.head.i == o.i)):
            out.append(p)
    return out


def _named_again(ctx: Context, m: Mention, place_tokens: set[int]) -> list[tuple]:
    """"raided a quarter at the edge of <X> town itself": a town the article has placed before,
    named again in the clause's locative phrase where no place was read, is that place."""
    known = {p.name: p for p in ctx.places if _place_ok(p) and (p.precision or 3) <= 3 and p.kind != "country"
             and not (p.feature_code or "").startswith("PCL")}
    out = []
    for t in m.sent:
        if t.i in place_tokens or t.pos_ != "PROPN" or t.text not in known:
            continue
        root = _place_argument(t)
        if root.dep_ in ("pobj", "dobj") and min(_clause_distance(root, x) for x in m.tokens) <= MAX_PLACE_DISTANCE:
            p = known[t.text]
            out.append((0, p.precision or 3, p.start, p))
    return out


def _relative_place_head(m: Mention):
    """The place noun a trigger's relative clause hangs on ("the village where the attack took place",
    "the town in which the blast happened"), or None."""
    clause = _anchor(m.primary)
    while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
        if clause.pos_ in ("VERB", "AUX") and clause.dep_ not in ("conj", "xcomp", "aux"):
            return None
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    head = clause.head
    marks = [c for c in clause.children if c.lower_ in ("where", "which") and c.dep_ in ("advmod", "pobj", "prep")]
    return head if marks and (_lemma(head) in lex.PLACE_NOUNS) else None


def _nearest_place(cands: list[tuple]) -> Place:
    """The candidate (clause distance, precision, start, place) nearest the trigger; but a town inside the
    country or region that wins ("outside Tera in western Niger") is the place."""
    best = min(cands, key=lambda c: (c[0], c[1], c[2]))[3]
    # (a province named as the setting, "In Sulu province, a man threw a grenade into a store in Jolo": the town)
    wide = (best.precision or 3) >= 3 or (best.feature_code or "").startswith("ADM")
    inside = [c for c in cands if c[1] <= 2 and wide and c[3] is not best and not (c[3].feature_code or "").startswith("ADM")
              and (_contains(best, c[3]) or (best.feature_code == "ADM2" and best.admin1 == c[3].admin1
                                             and None not in (best.lat, c[3].lat) and _km(best, c[3]) <= 2 * AREA_KM))]  # (a district: its towns near it)
    return min(inside, key=lambda c: (c[0], c[1], c[2]))[3] if inside else best


def _attach_places(ctx: Context, mentions: list[Mention], sents, place_tok) -> None:
    doc = ctx.doc
    text = doc_text(doc)
    place_tokens = {t for toks in place_tok.values() for t in toks}
    sent_starts = [s.start_char for s in sents]
    by_sent = _places_by_sentence(ctx, sent_starts, place_tokens)
    # "BANGKOK: A military airstrike on a village ...": the dateline is where the report was filed
    leads = _leads(ctx)
    # (and a landmark a distance beyond the area is taken from, "about 80 km north of X", is nowhere's place)
    by_sent = {k: [p for p in ps if not any(a <= p.start < b for a, b in leads) and not _far_landmark(_record_root(doc, p))
                   and not _set_out_from(_record_root(doc, p))]
               for k, ps in by_sent.items()}
    main_place, stands_for_unknown = _main_place(ctx, sents, sent_starts, leads)
    entries = _entries(text)

    def context_place(m: Mention) -> Place | None:
        """The last town named before the mention, in its paragraph; else the article's main place."""
        for k in range(m.sent_index - 1, max(-1, m.sent_index - 4), -1):
            # (a town, or a district named like one: "the town of Adan Yabaal" may resolve to its district)
            prev = [p for p in by_sent.get(k, []) if ((p.precision or 3) <= 2 or p.kind == "settlement"
                                                      or p.feature_code in ("ADM2", "ADM3"))
                    and _same_paragraph(text, p.start, m.primary.idx)]
            if prev:
                return prev[-1]
        for p in by_sent.get(m.sent_index, []):
            if (p.precision or 3) <= 2 and p.start < m.primary.idx and _same_paragraph(text, p.start, m.primary.idx):
                return p
        return None

    alone: dict[int, int] = {}
    for m in mentions:
        alone[m.sent_index] = alone.get(m.sent_index, 0) + 1
    for m in mentions:
        cands, far = _clause_places(doc, text, m, by_sent.get(m.sent_index, []), place_tokens)
        where = _relative_place_head(m)
        if where is not None:
            # "the hamlet where the raid happened": the village the clause hangs on is the location
            cands = [c for c in cands + far if _place_argument(_record_root(doc, c[3])).i == where.i]
            far = []
            if not cands:
                m.place, m.place_unresolved = None, True
                continue
        if not cands and not far:
            cands = _named_again(ctx, m, place_tokens)
        if not cands and far and alone[m.sent_index] == 1:
            cands = far  # a garbled parse ("Two gunmen on a motorcycle shot dead ... in Buluan"): the one town told
        if cands:
            # "in Upper Nile state, fighters fired mortars at a barracks on the outskirts of Malakal": the
            # region is nearer in the tree, the town inside it is the location
            best = _quarter_of(doc, _nearest_place(cands + far), context_place(m))
            if (best.precision or 3) >= 3 and _definite_place_object(m, place_tokens):
                best = context_place(m) or main_place or best
            m.place, m.place_local = best, True
            m.also_places = _conjoined_towns(doc, best, cands + far)
            continue
        if not by_sent.get(m.sent_index):
            near = ctx.place_near(m.primary.idx, m.primary.idx + len(m.primary.text))
            if (near is not None and _place_ok(near) and near.start >= m.sent.start_char and near.end <= m.sent.end_char
                    and not any(a <= near.start < b for a, b in leads) and not _far_landmark(_record_root(doc, near))
                    and not _set_out_from(_record_root(doc, near))):
                m.place, m.place_local = near, True
                continue
        capital = _the_capital(ctx, m)
        if capital is not None:
            m.place, m.place_local = capital, True  # "In the capital, agents detained ...": the state's capital the article names
            continue
        unknown = _unresolved_head(m, place_tokens)
        if unknown is not None:
            # the clause names a place the gazetteer does not know: not the article's other places, but the known
            # place its own phrase puts it in or near ("in Mwenda village of the Beni territory"); else, within the
            # live-blog entry headed by its region ("12:30 Gezira"), that region
            container = _container_of(doc, unknown, by_sent.get(m.sent_index, []),
                                      lambda p: any(a <= p.start < b for a, b in leads) or names_a_neighbour(text, p.start))
            if container is not None:
                m.place, m.place_local = container, True
                continue
            m.place = _entry_place(m, entries, sent_starts, by_sent) if entries and m.entry else None
            m.place_unresolved = m.place is None
            m.place_guessed = m.place is not None
            if m.place_unresolved:
                # ("attacked Fuaa and Kafraya", a village the gazetteer lacks: the event is placed, a guess, at the
                # town last named before it in its paragraph, else at the article's main place when the article has
                # one (named twice at least) and all its towns lie in one country)
                m.place_near_unknown = context_place(m) or (main_place if stands_for_unknown else None)
            continue
        m.place = context_place(m)
        if m.place is None and entries:
            m.place = _entry_place(m, entries, sent_starts, by_sent)
            continue
        if m.place is None and main_place is not None:  # ("the city": the article's own place, named earlier)
            m.place, m.place_guessed = main_place, not _definite_place_noun(m.sent, place_tokens)
    _one_area_town(ctx, mentions, leads)


def _main_place(ctx: Context, sents, sent_starts: list[int], leads) -> tuple[Place | None, bool]:
    """The article's main place: the town (precision 2 at most) it names most often, datelines, landmarks a
    distance is taken from and sentences about the past or another incident left out; and whether it may stand
    for a place the gazetteer lacks (named twice at least, and all those towns in one country)."""
    doc = ctx.doc
    text = doc_text(doc)
    counts: dict[str, int] = {}
    # places of sentences about the past ("In April 2025, a strike in X killed ...") do not make the main place
    past = {_sent_index(sent_starts, d.start) for d in ctx.dates if d.date and _is_historical(ctx, d)}
    # (nor those opening on another incident: "Earlier, an ambush near Y killed four", "Last week, ... in Konduga")
    past |= {k for k, s in enumerate(sents) if next((t.lower_ for t in s if not t.is_space), "") in lex.OTHER_INCIDENT_ADVERBS
             or text[s.start_char:s.start_char + 24].lower().lstrip().startswith(lex.OTHER_INCIDENT_PERIODS)}
    home: set[str] = set()  # the countries of those towns
    for p in ctx.places:
        if (_place_ok(p) and (p.precision or 3) <= 2 and not any(a <= p.start < b for a, b in leads)
                and _sent_index(sent_starts, p.start) not in past and not _far_landmark(_record_root(doc, p))
                and not _set_out_from(_record_root(doc, p))):
            counts[p.canonical or p.name] = counts.get(p.canonical or p.name, 0) + 1
            home.add(p.country)
    if not counts:
        return None, False
    top = max(counts, key=lambda k: counts[k])
    main_place = next(p for p in ctx.places if (p.canonical or p.name) == top and _place_ok(p))
    return main_place, len(home) == 1 and counts[top] >= 2


def _entry_place(m: Mention, entries: list[int], sent_starts: list[int], by_sent: dict[int, list[Place]]) -> Place | None:
    """A live blog: the place of the mention's entry (its heading included), never another entry's."""
    first = _sent_index(sent_starts, entries[m.entry - 1]) if m.entry else 0
    in_entry = [p for k in range(first, m.sent_index + 1) for p in by_sent.get(k, [])
                if bisect.bisect_right(entries, p.start) == m.entry and p.start < m.primary.idx]
    return in_entry[-1] if in_entry else None


AREA_KM = 30.0  # towns this close are one area ("the Kware village of Shinkafi district")


def _one_area_town(ctx: Context, mentions: list[Mention], leads) -> None:
    """"30 people were killed at a village in Nigeria ... The attack took place in the Kware village of
    Shinkafi district": a mention placed only at a country, in an article whose towns (datelines apart)
    all lie in one area of that country, happened there."""
    towns = sorted((p for p in ctx.places if _place_ok(p) and (p.precision or 3) <= 2
                    and not any(a <= p.start < b for a, b in leads)), key=lambda p: (p.precision or 3, p.start))
    if not towns or any(_km(a, b) > AREA_KM for a in towns for b in towns):
        return
    for m in mentions:
        if m.place is not None and m.place.kind == "country" and _contains(m.place, towns[0]):
            m.place, m.place_local, m.place_guessed = towns[0], False, False


def _statement_verb(root):
    """The reporting verb a date belongs to ("officials said on Thursday"), or a verb of reaction ("the UN chief
    on Saturday condemned the killing"), or None."""
    t = root
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t if t.pos_ == "VERB" and _lemma(t) in lex.REPORT_VERBS | lex.REACTION_VERBS else None


TELLING_VERBS = lex.REPORT_VERBS | frozenset(_load_lexicon("speech")["cue_verbs"])
TELLING_SCAN = 10  # tokens left of a day searched for the verb or word of a telling ("told the news agency X on Tuesday")
CLAUSE_BREAKS = frozenset(",;:\"“”()")


def _telling_day(doc, d: DateMention, m: Mention) -> bool:
    """A day of the telling or of a state seen, not of the act: "a resident told the news agency on Tuesday
    that gunmen ...", "according to an officer this Saturday, 12 were killed", "as of Monday afternoon, 50 bodies
    have been found". Read from the words before the day (the parse often hangs such a day on the act); a
    mention's own word met first makes it the act's day ("said an Israeli strike on Sunday killed two")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or span.start == span.sent.start:
        return False
    first, sent_start = span[0], span.sent.start
    before = doc[max(sent_start, first.i - 2):first.i].text.lower()
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "\u2019s"):
        return False  # "said Sunday's attack ...": the day of the act noun it names
    if any(before == c or before.endswith(" " + c) for c in lex.STATUS_DAY_CUES):
        return True
    mine = {t.i for t in m.tokens}
    for t in reversed(doc[max(sent_start, first.i - TELLING_SCAN):first.i]):
        if t.i in mine or t.text in CLAUSE_BREAKS or t.dep_ == "mark":
            return False  # (a clause opened after the telling verb: "said that on Sunday gunmen ..." is told of the act)
        if t.lower_ in lex.ATTRIBUTION_DAY_WORDS or (t.pos_ == "VERB" and _lemma(t) in TELLING_VERBS):
            return True
        # a name the tagger took for a participle ("the agency dpa on Tuesday": a participle differs from its
        # lemma unless invariant, and an invariant act verb, "hit", is the mention's own word, met above)
        named = t.tag_ == "VBN" and t.lemma_.lower() == t.lower_
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") and not named:
            return False
    return False


def _attach_dates(ctx: Context, mentions: list[Mention], sents) -> None:
    """The date of the incident: a date in the trigger's clause; the date of the statement about it
    ("officials said on Thursday") only when nothing else is said."""
    doc = ctx.doc
    sent_starts = [s.start_char for s in sents]
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_index, []).append(m)
    claimed_dates: set[str] = set()
    fallback: dict[int, DateMention] = {}
    far: dict[int, DateMention] = {}  # the one date of a one-event sentence, further away in the tree
    far_violent: dict[int, DateMention] = {}
    weak: set[str] = set()  # "an overnight attack": an adjective, weaker than a day named beside it
    date_rank: dict[int, tuple] = {}  # the rank of the day each mention holds
    leads = _leads(ctx)
    for d in ctx.dates:
        if not d.date:
            continue
        ms = by_sent.get(_sent_index(sent_starts, d.start))
        root = _record_root(doc, d) if ms else None
        if root is None:
            continue
        claimed_dates.add(d.id)
        ms = [m for m in ms if _same_paragraph(ctx.text, d.start, m.primary.idx)]
        if not ms:
            continue
        dist = {id(m): min(_tree_distance(root, t) for t in m.tokens) for m in ms}
        best = min(ms, key=lambda m: dist[id(m)])
        verb = _statement_verb(root)
        if verb is not None and d.start < verb.idx and any(t.idx < d.start for t in best.tokens):
            verb = None  # "fighters attacked X village on Tuesday, Xinhua reported": the parse hung the act's day on the attribution
        if verb is None and _telling_day(doc, d, best):
            fallback.setdefault(id(best), d)  # the day of a telling or of a state seen: the incident's only without another
            continue
        inside = verb is None and len(ms) == 1 and any(a.i == t.i for a in root.ancestors for t in best.tokens)
        # ("there were clashes ... in the X area, a 40-minute drive outside Y, between 1 a.m. and 9 a.m. on Tuesday": a day
        # within the act's own phrase is the act's, however deep the parse hangs it)
        if dist[id(best)] > MAX_DATE_DISTANCE and not inside:
            opening = root.dep_ == "pobj" and root.head.head.dep_ == "ROOT" and root.head.i == root.sent.start
            if opening and verb is None and not any(a <= d.start < b for a, b in leads):
                for x in ms:  # "In March, militants hijacked a train ... in an attack that left 31 dead": the whole sentence's
                    x.date = x.date or d
                continue
            if len(ms) == 1 and verb is None and not any(a <= d.start < b for a, b in leads):
                # "police fired tear gas on Monday to disperse ... who marched"; a violent act's, only over the
                # day of the statement ("X said on Thursday fighters attacked Y village, 87 km from Z, on Tuesday")
                (far if best.kind not in lex.VIOLENT_KINDS else far_violent).setdefault(id(best), d)
            continue
        # the dateline's day is the day the report was filed: like a statement's date, only a fallback
        if any(a <= d.start < b for a, b in leads) or (verb is not None and all(verb.i != t.i for t in best.tokens)):
            fallback.setdefault(id(best), d)
            continue
        if root.dep_ == "amod" or d.text.lower() in lex.NIGHT_WORDS:
            weak.add(d.id)  # ("clashed overnight on Saturday": the day named wins)
        # two days in the clause: the more precise, then the one nearer the act in the tree ("On the 27th the
        # police received word that on the 26th gunmen attacked ...": the 26th is the attack's)
        rank = ((d.precision or 3), d.id in weak, dist[id(best)])
        if best.date is None or rank < date_rank.get(id(best), ((best.date.precision or 3), best.date.id in weak, MAX_DATE_DISTANCE + 1)):
            best.date = d
            date_rank[id(best)] = rank
    for m in mentions:
        if m.date is None:
            m.date = _date_of_the_clause_above(m, mentions, ctx)
        elif m.date.text.lower().strip() in lex.SAME_DAY_CUES:
            m.date = _same_day_as_before(m, mentions) or m.date  # "The same day, ...": the incident told before, not the last date named
        if _earlier_cause(m):
            m.tags.add("background")  # "it hit depots, after the group fired a missile at Israel last week": the cause named
        if m.date is not None:
            m.date = _days_apart(ctx, m) or m.date
            if _span_days(m.date) > ONGOING_DAYS and m.kind not in ("declaration",):
                m.tags.add("background")  # "controlled by the Houthis since 2014": a state over years, not an incident
            elif _span_days(m.date) >= MONTH_DAYS and (m.primary.pos_ == "NOUN" and _lemma(m.primary) in lex.AGGREGATE_SUBJECTS
                                                             or m.primary.lower_ in lex.AGGREGATE_SUBJECTS):
                m.tags.add("cumulative")  # "Fighting in the province in July killed 1,400": a month's toll, not an incident
            continue
        m.date = far.get(id(m)) or _same_day_as_before(m, mentions)
        if m.date is not None:
            continue
        m.date = fallback.get(id(m))
        if m.date is not None and id(m) in far_violent:
            m.date = far_violent[id(m)]
            continue
        if m.date is not None:
            m.date_weak = True
            continue
        near = ctx.date_near(m.primary.idx, m.primary.idx + len(m.primary.text))
        if near is not None and near.date and near.id not in claimed_dates:
            m.date = near


def _earlier_cause(m: Mention) -> bool:
    """An act told only as what came before another ("after the group fired a missile at X last week"):
    a clause of "after"/"since", dated no closer than a week, with no dead of its own."""
    verb = _anchor(m.primary)
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return (m.date is not None and (m.date.precision or 1) >= 2 and not m.figures and not m.single_death
            and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children))


def _date_of_the_clause_above(m: Mention, mentions: list[Mention], ctx: Context) -> DateMention | None:
    """"under strain since March, when the vice-president was placed under house arrest": a clause told as
    the time of a date is dated by it; "Fighting broke out in September after its founder was arrested": a
    clause of "after"/"when" under a dated act takes that act's date (both told of one past moment)."""
    verb = _anchor(m.primary)
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "after its founder was flown to the US and arrested": the clause's first verb
    if verb.dep_ == "relcl" and any(c.lower_ == "when" for c in verb.children):
        return next((d for d in ctx.dates if d.date and d.start <= verb.head.idx < d.end), None)
    # "In March, militants hijacked a train and held its passengers in an attack that left 31 dead": the
    # act noun of a clause another mention dates (by a month or a year) is that act
    same = next((x for x in mentions if x is not m and x.sent_index == m.sent_index and x.date is not None
                 and not x.date_weak and (x.date.precision or 1) >= 2 and any(t.i == verb.i for t in x.tokens)), None)
    if same is not None and m.primary.pos_ == "NOUN":
        return same.date
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("after", "when") for c in verb.children):
        return None
    host = next((x for x in mentions if x is not m and any(verb.head.i in (t.i, t.head.i, _anchor(t).i) for t in x.tokens)), None)
    if host is None or host.date is None or host.date_weak or (host.date.precision or 1) < 2:
        return None  # (a day-dated act: the clause may be the day before; only months and years carry over)
    return host.date


def _same_day_as_before(m: Mention, mentions: list[Mention]) -> DateMention | None:
    """"Earlier in the day, troops and fighters clashed ...": the day of the incident told just before."""
    opening = m.sent.text.strip().lower()
    if not any(opening.startswith(c) for c in lex.SAME_DAY_CUES):
        return None
    before = [x for x in mentions if x.sent_index < m.sent_index and x.date is not None and not x.date_weak
              and (x.date.precision or 3) == 1 and not _hidden(x)]
    return before[-1].date if before and m.sent_index - before[-1].sent_index <= 4 else None


ONGOING_DAYS = 62  # a mention dated over a longer span tells a state that lasts
MONTH_DAYS = 28  # fighting or violence told over a whole month is a total


def _span_days(d: DateMention) -> int:
    a, b = _parse_day(d.date), _parse_day(d.date_end) if d.date_end else None
    return (b - a).days if a and b else 0


def _days_apart(ctx: Context, m: Mention) -> DateMention | None:
    """"digging on Friday, two days after a bomb hit the theatre": the bomb's day is Friday minus two.

    For a trigger verb in an "N days after/before" clause whose date is that of the clause it
    hangs on; None otherwise."""
    verb = _anchor(m.primary)
    mark = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    amount = [c for c in verb.children if c.dep_ == "npadvmod" and _lemma(c) in ("day", "week")]
    if verb.dep_ != "advcl" or not mark or not amount or m.date is None:
        return None
    nums = [c for c in amount[0].children if c.dep_ == "nummod"]
    word = nums[0].lower_ if nums else "a"
    n = int(word) if word.isdecimal() else timeexpr.NUMBER_WORDS.get(word)
    day = _parse_day(m.date.date)
    if n is None or day is None or m.date.precision != 1 or not m.date.start < verb.idx:
        return None  # only a day told before the clause, in the clause it hangs on
    n *= 7 if _lemma(amount[0]) == "week" else 1
    when = day - timedelta(days=n) if mark[0].lower_ == "after" else day + timedelta(days=n)
    a, b = amount[0].left_edge.idx, verb.idx + len(verb.text)
    return DateMention(id=ctx.make_id("dat", a, b), article_id=ctx.article.id, text=ctx.text[a:b], start=a, end=b,
                       date=when.isoformat(), date_end=when.isoformat(), precision=1, relative=True,
                       note=f"{n} days {mark[0].lower_} {m.date.text}")


def _attach_figures(ctx: Context, mentions: list[Mention]) -> None:
    """Killed figures to the nearest violent mention of their sentence; subsets and tolls over a
    period stay figures ("40 people, among them six children" -> 40)."""
    doc = ctx.doc
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        if lex.RANK.get(m.kind, 5) <= 3 or m.kind == "riot":
            by_sent.setdefault(m.sent.start_char, []).append(m)
    killed = [f for f in ctx.figures if f.category == "killed" or _object_of_killing(doc, f)]
    for f in killed:
        root = _record_root(doc, f)
        if root is None:
            continue
        ms = by_sent.get(root.sent.start_char)
        if not ms:
            ms = _competing_toll_of(ctx, f, root, by_sent)
        # "killing four of them": the toll, whatever living group "them" points back to (not a part of it)
        toll_of_them = root.dep_ == "dobj" and _lemma(root.head) == "kill" and " of them" in f.text.lower()
        if (not ms or (f.subset_of and not toll_of_them) or _is_subset(doc, f, killed) or _time_frame_tags(root, "killing")
                or _modal_figure(root)):
            continue
        if _unit_number(doc, f):
            continue  # "the commander of the 17 Infantry Brigade": a formation's number, no dead
        if _perpetrator_count(root, ms) or _subject_of_surface_act(doc, f):
            continue  # "two gunmen on a motorbike shot dead three farmers": the killers, not the dead
        if _wounded_after(doc, f):
            continue  # "four were killed and another four critically wounded": the second count is the wounded
        if _partitive_of_dead(doc, f, killed):
            continue  # "Two of the fatalities were adolescents": part of a toll told before
        if _conjunct_of_another(root, killed, doc):
            continue  # "three children and two women": the women are counted with the children
        best = _nearest_mention(root, ms)
        if _other_headline_item(root, best):
            continue  # "strikes reported in several cities; plane crash death toll rises to 13": another item's dead
        if _added_elsewhere(ctx, f, killed):
            # "13 were killed in X and another two died in nearby Y": Y's dead, another incident's; its own
            # toll when the act told in its own clause is another mention ("... while four others died in an
            # air strike in Y"), else no one's
            if not any(root.sent.start_char <= g.start < f.start for g in best.figures):
                best.figures.append(f)
            continue
        if _is_addition(doc, f, killed):
            # "36 were killed at once and two more died in hospital": 38 for the count told beside it
            prev = [g for g in best.figures if g.start < f.start and root.sent.start_char <= g.start]
            if prev and _figure_count(prev[-1]) is not None and _figure_count(f) is not None:
                best.counts[prev[-1].id] = best.counts.get(prev[-1].id, _figure_count(prev[-1])) + _figure_count(f)
                continue
            if _told_again(best):
                continue  # added to a toll told before ("two more died in the clashes"), not a lower one
        best.figures.append(f)
        extra = _conjoined(root) + _conjoined_before(root, killed, doc)
        if extra and _figure_count(f) is not None:
            best.counts[f.id] = _figure_count(f) + extra


def _other_headline_item(root, m: Mention) -> bool:
    """A headline (a live page's title most often, however long) strings its items with semicolons: a count in
    another item than every trigger of the mention tells another item's dead."""
    sent = root.sent
    title = sent.start == 0 and not sent.text.strip().endswith(CLOSING)
    if not (_is_heading(sent) or title):
        return False
    cuts = [t.i for t in sent if t.text == ";"]
    item = bisect.bisect_left(cuts, root.i)
    return bool(cuts) and all(bisect.bisect_left(cuts, t.i) != item for t in m.tokens)


NESTED_CLAUSES = ("advcl", "ccomp", "relcl", "conj", "parataxis")


def _nearest_mention(root, ms: list[Mention]) -> Mention:
    """The mention a count of the dead belongs to: the nearest in the parse among those told in the count's own
    clause ("Six were killed in shelling of X, while four others died in an air strike on Y": the four died in
    the strike, though the shelling's "killed" is nearer), else the nearest of all."""
    verb = next((a for a in [root] + list(root.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    own = ms
    if verb is not None:
        nested = {t.i for c in verb.children if c.dep_ in NESTED_CLAUSES and root not in c.subtree for t in c.subtree}
        clause = {t.i for t in verb.subtree} - nested
        own = [m for m in ms if any(t.i in clause for t in m.tokens)] or ms
    return min(own, key=lambda m: min(_tree_distance(root, t) for t in m.tokens))


def _unit_number(doc, f: Figure) -> bool:
    """A bare number naming a formation ("the 17 Infantry Brigade", "the 33rd Front"): no count of people."""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or not all(t.like_num for t in span):
        return False
    after = []
    for t in doc[span.end:min(span.end + 2, len(doc))]:
        if t.is_punct or t.pos_ not in ("PROPN", "NOUN"):
            break
        after.append(t)
    return any(_lemma(t) in lex.FORMATION_NOUNS for t in after)


def _perpetrator_count(root, ms: list[Mention]) -> bool:
    """The counted men are the subject of an active trigger verb of the sentence (they did it)."""
    noun = _victim_noun(root)
    return noun.dep_ == "nsubj" and _lemma(noun.head) != "die" and any(  # ("three children died from a grenade")
        noun.head.i == t.i and t.pos_ == "VERB" for m in ms for t in m.tokens)


def _subject_of_surface_act(doc, f: Figure) -> bool:
    """"two gunmen on a motorbike shot dead three farmers": the count right before an active "shot dead"
    (whatever the parse made of it) counts the killers; "three people were shot dead" counts the dead."""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    for t in doc[span.end:min(sent.end - 1, span.end + 6)]:
        if t.lemma_.lower() == "be" or t.is_punct or (t.pos_ in ("VERB", "AUX") and t.lower_ not in ("shot", "gunned", "had", "have", "has")):
            return False
        if f"{t.lower_} {t.nbor().lower_}" in lex.SURFACE_TRIGGERS:
            return True
    return False


def _object_of_killing(doc, f: Figure) -> bool:
    """"... and killed four gunmen": the parse says who died, whatever category the count was given."""
    root = _record_root(doc, f)
    if root is None or root.dep_ != "dobj" or root.head.pos_ != "VERB" or f.category in lex.WOUND_WORDS | {"wounded", "injured"}:
        return False
    if _lemma(root.head) == "leave" and any(t.lower_ == "dead" and t.i > root.i for t in root.head.subtree):
        return True  # "leaving 13 prisoners and a guard dead": the dead, whatever the count's noun
    return f.category not in ("captured", "missing") and _lemma(root.head) == "kill"


def _competing_toll_of(ctx: Context, f: Figure, root, by_sent: dict) -> list[Mention]:
    """"Doctors put the death toll at 19", "A pro-army channel said three soldiers had died": a count
    told in the sentence right after an incident, with no act of its own, is another account of that
    incident's dead (ACLED keeps the lowest). Not when the sentence tells of another incident
    ("Separately, ...", "two more died"), names a place apart from the incident's, or opens a new
    live-blog entry."""
    sent = root.sent
    if sent.start == 0 or _is_heading(sent):
        return []
    prev = ctx.doc[sent.start - 1].sent
    if prev.start > 0 and {t.lower_ for t in prev} & lex.OTHER_INCIDENT_ADVERBS:
        # "Earlier in July, the group killed dozens elsewhere. The army confirmed at least 10 deaths": the aside
        # tells another incident; the count is another account of the incident told before the aside
        prev = ctx.doc[prev.start - 1].sent
    ms = by_sent.get(prev.start_char) or []
    if not ms or _is_heading(prev):
        return []
    words = {t.lower_ for t in sent}
    if words & (lex.OTHER_INCIDENT_ADVERBS | lex.OTHER_INCIDENT_DETERMINERS | lex.ADDITION_WORDS):
        return []
    if _told_as_a_part(ctx.text, f, sent, told_before=bool(ms[-1].figures or ms[-1].single_death)):
        return []  # "Three children were among the dead": a part of the toll told before
    if bisect.bisect_right(_entries(ctx.text), sent.start_char) != ms[-1].entry:
        return []
    here = [p for p in ctx.places if sent.start_char <= p.start < sent.end_char]
    if any(m.place is not None and not _place_within(m.place, p) for m in ms for p in here):
        return []
    return ms[-1:]


def _told_as_a_part(text: str, f: Figure, sent, told_before: bool) -> bool:
    """A count told as a part of the dead: "Three children were among the dead" (the cue after the count), or
    "Among the dead were four soldiers" after a toll was told (the cue before it). Not "put the toll at 184,
    including 127 elderly people" (the count the cue's part is told of), nor "Gunmen attacked X. Among the dead
    were four soldiers and eight civilians" (no toll told before: the list is all the dead told)."""
    def cued(words: str) -> bool:
        return any(f" {c} " in f" {words.lower()} " for c in lex.SUBSET_CUES)
    before, after = text[sent.start_char:f.start], text[f.end:sent.end_char]
    if cued(before) and told_before:
        return True
    return cued(after) and not any(after.lstrip(" ,").lower().startswith(c + " ") for c in lex.SUBSET_CUES)


PARTITIVE = re.compile(r"[\w,-]+(?:\s+[\w,-]+)?\s+of\s+(the|those|them|whom)\b\s*(\w+)?", re.I)


def _partitive_of_dead(doc, f: Figure, killed: list[Figure]) -> bool:
    """"Two of the fatalities", "three of the dead", "five of them": a part of a toll told before it."""
    m = PARTITIVE.match(doc_text(doc), f.start, f.end + 30)
    if m is None or not any(g is not f and g.start < f.start for g in killed):
        return False
    noun = (m.group(2) or "").lower()
    root = _record_root(doc, f)
    if m.group(1).lower() in ("them", "whom") and root is not None and root.dep_ == "dobj" and _lemma(root.head) == "kill":
        return False  # "struck a column of fighters, killing 30 of them": the toll, a part of the living
    # "14 people had been killed, five of them civilians": a part of the dead told just before
    return m.group(1).lower() in ("them", "whom") or noun in lex.DEAD_NOUNS or noun.rstrip("s") in lex.DEAD_NOUNS


def _victim_noun(root):
    """The noun a figure counts ("three children" -> children)."""
    return root.head if root.dep_ == "nummod" else root


def _conjoined(root) -> int:
    """"killing three children and a woman": the people joined to a counted noun (a woman: 1, two men: 2)."""
    noun = _victim_noun(root)
    extra = 0
    for c in noun.children:
        if c.dep_ == "conj" and c.like_num:  # "two fatalities on Sunday and five more on Monday"
            extra += _count_at(c) or 0
            continue
        if c.dep_ != "conj" or c.pos_ != "NOUN" or _lemma(c) not in lex.PEOPLE_NOUNS | lex.CIVILIAN_NOUNS | lex.COMBATANT_NOUNS:
            continue
        nums = [x for x in c.children if x.dep_ == "nummod"]
        if nums:
            extra += _count_at(nums[0]) or 0
        elif any((x.dep_ == "det" and x.lower_ in lex.ONE_PERSON_DETERMINERS) or (x.dep_ == "poss" and x.lower_ in ("their", "his", "her"))
                 for x in c.children) and c.tag_ == "NN":
            extra += 1  # ("seven guards and their driver": one more)
    return extra


def _number(word: str) -> int | None:
    return int(word) if word.isdecimal() else timeexpr.NUMBER_WORDS.get(word)


_UNITS: dict[str, int] = _load_lexicon("numbers")["units"]  # "six" -> 6, "thirty" -> 30 (the figures' number words)


def _count_at(tok) -> int | None:
    """The count a number token heads, written as the tokenizer split it: "thirty-six" (thirty, -, six) is
    36, not the six the parse hangs the rest on; "1,200" is 1200."""
    words = [t.lower_ for t in tok.subtree if t.like_num]
    hyphened = [t for t in tok.subtree if t.text == "-" and not t.whitespace_]
    if len(words) == 2 and hyphened and words[0] in _UNITS and words[1] in _UNITS and _UNITS[words[0]] >= 20 > _UNITS[words[1]]:
        return _UNITS[words[0]] + _UNITS[words[1]]
    word = tok.lower_.replace(",", "")
    return int(word) if word.isdecimal() else _UNITS.get(word, timeexpr.NUMBER_WORDS.get(word))


def _conjoined_before(root, killed: list[Figure], doc) -> int:
    """"killing a woman and her two daughters", "14 Houthis and five soldiers were killed": the people
    the counted noun is joined to, when no count of theirs was read (a single person: 1)."""
    noun = _victim_noun(root)
    if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return 0
    head = noun.head
    if any(g_root is not None and _victim_noun(g_root).i == head.i for g_root in (_record_root(doc, g) for g in killed)):
        return 0  # counted already ("three children and two women")
    nums = [x for x in head.children if x.dep_ == "nummod"]
    if nums:
        return _number(nums[0].lower_.replace(",", "")) or 0
    if head.tag_ == "NN" and _lemma(head) in lex.PEOPLE_NOUNS and any(x.dep_ == "det" and x.lower_ in lex.ONE_PERSON_DETERMINERS for x in head.children):
        return 1
    return 0


def _conjunct_of_another(root, killed: list[Figure], doc) -> bool:
    noun = _victim_noun(root)
    if noun.dep_ != "conj":
        return False
    head = noun.head
    return any(g_root is not None and _victim_noun(g_root).i == head.i
               for g_root in (_record_root(doc, g) for g in killed))


def _modal_figure(root) -> bool:
    """"the final toll could exceed 20,000": a toll that may be, not one that is."""
    t = root
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in lex.MODALS for c in t.children):
            return True
        if t.head.i == t.i or t.dep_ in ("ccomp", "relcl"):
            return False
        t = t.head
    return False


def _is_subset(doc, f: Figure, killed: list[Figure]) -> bool:
    """A figure introduced as part of another one in its sentence ("including", "among them")."""
    sent = doc.char_span(f.start, f.end, alignment_mode="expand")
    if sent is None:
        return False
    sent_start = sent.sent.start_char
    before = doc_text(doc)[max(sent_start, f.start - 30):f.start].lower()
    after = doc_text(doc)[f.end:min(sent.sent.end_char, f.end + 20)].lower().lstrip(" ,")
    trailing = any(after.startswith(c + " ") or after.startswith(c + ",") or after.startswith(c + ".") for c in ("among them", "among the"))
    if not trailing and not any(f" {c} " in f" {before} " or before.rstrip(" ,").endswith(c) for c in lex.SUBSET_CUES):
        return False  # (trailing: "nine people were killed, one soldier among them")
    if any(g.subset_of == f.id for g in killed):
        return False  # "Three guards were among nine civilians who were killed": the whole the part was told of
    return any(g is not f and sent_start <= g.start < f.start for g in killed)


def _wounded_after(doc, f: Figure) -> bool:
    """A count whose own words (the next few) say wounded: never a toll, whatever its category."""
    after = [w.strip(",.;") for w in doc_text(doc)[f.end:f.end + 30].lower().split()[:3]]
    while after and after[0] in ("critically", "seriously", "badly", "slightly", "lightly", "were", "was", "also"):
        after = after[1:]
    return bool(after) and after[0] in lex.WOUND_WORDS


def _told_again(m: Mention) -> bool:
    """A bare toll or one told of a definite act ("in the clashes"): an incident told before, not a new one
    ("12 more people were killed when a home was bombed" is another incident, its own toll)."""
    return m.kinds == ["killing"] * len(m.kinds) or any(
        t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children) for t in m.tokens)


def _is_addition(doc, f: Figure, killed: list[Figure]) -> bool:
    """"36 people were killed instantly and two more died in hospital": a count added to another told
    before it in the sentence, not another estimate of the toll (the lowest would be two)."""
    after = doc_text(doc)[f.end:f.end + 8].lower().split()
    before = doc_text(doc)[max(0, f.start - 9):f.start].lower().split()
    inside = f.text.lower().split()
    if len(inside) > 1 and inside[1] in lex.ADDITION_WORDS:
        after = inside[1:]  # "Two more civilians were killed": the figure holds the word
    if after and after[0] == "more":
        # "Two more fighters had been killed, bringing the toll to eight": added to a count told before
        return any(g is not f and g.start < f.start for g in killed)
    # ("eight guards as well as two cooks": the cooks are added to the guards)
    joined = doc_text(doc)[max(0, f.start - 14):f.start].lower().rstrip(" ,")
    if not ((after and after[0] in lex.ADDITION_WORDS) or (before and before[-1] in lex.ADDITION_WORDS)
            or any(joined.endswith(" " + w) or joined == w for w in lex.ADDITION_PHRASES)):
        return False
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    return span is not None and any(g is not f and span.sent.start_char <= g.start < f.start for g in killed)


_SETTLEMENT_NOUNS = frozenset(_load_lexicon("places")["settlement_nouns"])  # "the village of X"
_NAMED_AFTER_NOUNS = frozenset(_load_lexicon("places")["named_after_nouns"])  # "Al-Shifa Hospital": a site, no town


def _place_names(ctx: Context, sent) -> list[tuple[int, str]]:
    """Names of places in a sentence, the gazetteer's or not, with their offsets: those the parse tells
    as places, or set after "in" or "the village of" (whatever entity label the parse gave them); no
    building named after a person ("died in Al-Shifa Hospital")."""
    names = [(e.start_char, e.text) for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")]
    names += [(t.idx, t.text) for t in sent if t.pos_ == "PROPN" and t.dep_ == "pobj" and (
        t.head.lower_ in ("in", "at", "near") or (t.head.lower_ == "of" and _lemma(t.head.head) in _SETTLEMENT_NOUNS))]
    return [(st, t) for st, t in names if not set(t.lower().split()) & _NAMED_AFTER_NOUNS]


def _added_elsewhere(ctx: Context, f: Figure, killed: list[Figure]) -> bool:
    """"Six were killed in shelling of X, while four others died in an air strike in Y": a count added
    to one told before it in the sentence ("others", "another two") whose dead are at a place of their
    own, apart from the place of the count before (the dead of another incident, not more of these)."""
    text = doc_text(ctx.doc)
    near = text[max(0, f.start - 9):f.start].lower().split()[-1:] + text[f.end:f.end + 8].lower().split()[:1]
    if not (set(f.text.lower().split()) | set(near)) & lex.ADDITION_WORDS:
        return False
    span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return False
    before = [g for g in killed if g is not f and span.sent.start_char <= g.start < f.start]
    if not before:
        return False
    later = [g.start for g in killed if g.start > f.end and g.start < span.sent.end_char]
    end = min(later + [span.sent.end_char])
    there = [p for p in ctx.places if before[-1].end <= p.start < f.start]
    here = [p for p in ctx.places if f.end <= p.start < end]
    names = _place_names(ctx, span.sent)
    there_n = {t for st, t in names if before[-1].end <= st < f.start}
    here_n = {t for st, t in names if f.end <= st < end and not any(p.start <= st < p.end for p in ctx.places)}
    if not (there or there_n):
        return False
    apart = [b for b in here if there and not any(_place_within(a, b) for a in there)]
    return bool(apart) or bool(here_n - there_n)


@dataclass(frozen=True)
class PlacePart:
    """One place's part of a count told at several places: the stretch of the sentence that tells it
    (offsets), its count (a figure, or a bare number with none: "and one in Y"), and where (the
    gazetteer's place, or None for a name it does not know)."""
    start: int
    end: int
    figure: Figure | None
    count: int
    place: Place | None
    name: str


def _counts_by_place(ctx: Context, sent) -> list[PlacePart]:
    """"13 were killed in X while five were killed in Y", "Twelve people were killed in X and 14 in Y",
    "At X, gunmen killed five while in Y two were killed", "18 died: 13 in X, five in Y": the dead (or
    the wounded) of one sentence told at several named places, each with its own count, are one
    incident per place. Each count's stretch ends at the strongest bound before the next count
    ("while", then "and", then a comma); its place is the first named in its stretch after the count,
    else the last before it, set there by a locative preposition ("a resident of X said" is no such).
    A leading count with no place that sums the others is their total, no part. Empty unless there are
    two parts or more, each at a place of its own, none holding another."""
    doc = ctx.doc
    inside = [f for f in ctx.figures if sent.start_char <= f.start < sent.end_char]
    counts: list[tuple[int, int, Figure | None, int]] = []
    for category in ("killed", "wounded"):  # the dead told apart, else the wounded
        # (a part of a total told in another sentence is a part here: "14 were killed. 11 in X and three in Y")
        counted = [f for f in inside if f.category == category and f.subset_of not in {g.id for g in inside}
                   and not _is_subset(doc, f, inside) and _figure_count(f)]
        counts = [(f.start, f.end, f, _figure_count(f)) for f in counted]
        for t in sent[1:-1]:
            # a bare number of a gapped clause ("Twelve were killed in X and one in Y"): no figure of its own
            n = _count_at(t) if t.like_num else None
            if (n and counts and category == "killed" and t.idx > counts[0][0] and t.nbor(-1).lower_ in lex.PLACE_PART_BOUNDS
                    and t.nbor().lower_ in lex.PLACE_PART_PREPS and not any(f.start <= t.idx < f.end for f in inside)):
                counts.append((t.idx, t.idx + len(t), None, n))
        if len(counts) > 1:
            break
    counts.sort(key=lambda c: c[0])
    if len(counts) < 2:
        return []
    cuts = []
    for (_, end, _, _), (nxt, _, _, _) in zip(counts, counts[1:]):
        bounds = [t for t in sent if end <= t.idx < nxt and t.lower_ in lex.PLACE_PART_BOUNDS]
        if not bounds:
            return []
        top = max(lex.PLACE_PART_BOUNDS[t.lower_] for t in bounds)
        cuts.append([t for t in bounds if lex.PLACE_PART_BOUNDS[t.lower_] == top][-1].idx)
    known = [(p.start, p.name, p) for p in ctx.places if sent.start_char <= p.start < sent.end_char]
    names = known + [(st, t, None) for st, t in _place_names(ctx, sent) if not any(p.start <= st < p.end for _, _, p in known)]
    names = sorted(n for n in names if _set_at_place(doc, n[0], sent))
    parts = []
    for k, (start, end, f, n) in enumerate(counts):
        lo, hi = ([sent.start_char] + cuts)[k], (cuts + [sent.end_char])[k]
        after = [x for x in names if end <= x[0] < hi]
        before = [x for x in names if lo <= x[0] < start]
        at = after[0] if after else (before[-1] if before else None)
        if at is None:
            if k == 0 and len(counts) > 2 and n == sum(c[3] for c in counts[1:]):
                continue  # "18 died: 13 in X, five in Y": the total
            return []
        parts.append(PlacePart(lo if parts or k == 0 else sent.start_char, hi, f, n, at[2], at[1]))
    keys = [p.name.lower() for p in parts]
    if len(parts) < 2 or len(set(keys)) < len(keys):
        return []
    if any(a.place is not None and b.place is not None and _place_within(a.place, b.place)
           for i, a in enumerate(parts) for b in parts[i + 1:]):
        return []  # "in X district ... in a village of X district": one place told twice
    return parts


def _set_at_place(doc, start: int, sent) -> bool:
    """A name set where something happened by a locative preposition before it, across the words of its
    phrase ("in the flashpoint city of X", "at X", "on the town of X"), not named as someone's home or
    office ("a resident of X said"); a participle may qualify it ("in adjoining X")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for t in reversed(doc[max(sent.start, span.start - 7):span.start]):
        if t.lower_ in lex.PLACE_PART_PREPS:
            return True
        if not (t.lower_ == "of" or t.text == "-" or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.dep_ == "amod"):
            return False
    return False


_ACLED_COUNTS: dict[str, int] = _load_lexicon("numbers")["acled_counts"]


def _figure_count(f: Figure) -> int | None:
    """The count a figure adds to an event's toll: its value, else its lowest reading, except that a vague
    plural with no number ("dozens of civilians") counts as ACLED codes it (12), not as its literal least (24)."""
    if f.value is None and not any(c.isdigit() for c in f.text):
        vague = [_ACLED_COUNTS[w] for w in re.findall(r"[a-z]+", f.text.lower()) if w in _ACLED_COUNTS]
        if len(vague) == 1:  # (not "tens of thousands": two vague words, the figure's own reading stands)
            return vague[0]
    v = f.value if f.value is not None else f.low
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None

