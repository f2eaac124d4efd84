"""What happened: clause-level events typed with ACLED's codebook.

The extractor runs last, so it reads the records the other stages left on the
context (dates, places, statements, figures) and adds the parse:

1. *Triggers*: verbs and nouns of :mod:`unfog.lexicons.events` ("shelled",
   "siege", "surrendered", "humanitarian corridor"), dropped when the clause says
   the event did not or may not happen ("would not succeed", "the proposed
   assault", "halt the attack").
2. *Groups*: triggers of one clause (linked in the dependency tree without
   crossing a reported clause, a relative clause or a temporal clause) describe
   one happening; the highest-ranked kind names it, as in ACLED's hierarchy
   ("killed in the fighting, mostly by artillery" is one battle).
3. *Arguments*: actors from the parse (subject = actor1, object = actor2, passive
   "by" agent = actor1), the nearest place and date mention in the tree, killed
   figures, and the party asserting it (a statement that covers the trigger, or
   a reporting verb above it).
4. *Merging*: mentions of the same happening across the article (same family of
   kind, compatible place and dates, or a definite "the attack") become one
   event with every evidence span.

The rules are documented in docs/events.md.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from unfog.lexicons.actors import event_actor, lookup_actor, side_of
from unfog.lexicons.countries import alpha3

from unfog.days import parse_day
from unfog.geo import distance_km
from unfog.groups import cluster
from unfog.lexicons import events as lex
from unfog.extractors.context import Context
from unfog.extractors.query import same_paragraph
from unfog.model import DateMention, Event, Figure, Place, Statement

HISTORICAL_DAYS = 28  # an event dated this long before publication is background
PLACE_MERGE_KM = 10.0  # two mentions this close are the same location
NEAR_SENTENCES = 2  # undated / unplaced mentions merge only with events this close
COVER_SCAN = 50  # statements starting before a trigger that are checked for covering it
RECENT_DRAFTS = 8  # a definite "the attack" or a denial looks back this many events of its family
CELL_DEG = 0.1  # place index cells (about 11 km): drafts at a place are found by lookup, not by scanning
MAX_PLACE_DISTANCE = 5  # places further than this in the dependency tree belong to another clause
MAX_DATE_DISTANCE = 5

BARRIER_DEPS = {"ccomp", "parataxis", "relcl"}
ENTRY_STAMP = re.compile(r"(?m)^\s*(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)\b")
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "into", "on", "across", "inside", "from", "towards", "toward"}
TEMPORAL_PREPS = {"after", "before", "since", "following", "ahead"}
TEMPORAL_MARKS = {"since", "after", "before", "when", "until", "while", "once", "as"}
DEFINITE = {"the", "this", "that", "these", "those"}
POSSESSIVES = {"its", "their", "his", "her", "our"}
PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "we", "i", "who", "which", "that"}


# -- small parse helpers ---------------------------------------------------------

def _ancestors(tok) -> list:
    out = []
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _tree_distance(a, b) -> int:
    if a.i == b.i:
        return 0
    pa = [a] + _ancestors(a)
    pb = [b] + _ancestors(b)
    ib = {t.i: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t.i in ib:
            return n + ib[t.i]
    return len(pa) + len(pb)


def _clause_distance(a, b) -> int:
    """Tree distance, plus a penalty for each reported, relative or temporal clause crossed."""
    pa = [a] + _ancestors(a)
    pb = [b] + _ancestors(b)
    ib = {t.i: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t.i in ib:
            path = pa[:n] + pb[: ib[t.i]]
            return n + ib[t.i] + 3 * sum(1 for x in path if _crosses_barrier(x) and x.dep_ != "relcl")
    return len(pa) + len(pb)


def _anchor(tok):
    """The verb a trigger belongs to: itself when a verb, else the nearest verb above it."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _span_of(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _phrase(tok) -> tuple[str, int, int]:
    """A short noun phrase for an actor: modifiers on the left, the head, 'of X' names."""
    left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "det", "case", "cc", "conj")]
    toks = [tok]
    for c in left:
        toks.extend(c.subtree)
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            toks.extend(t for t in c.subtree if t.dep_ != "relcl")
            toks.extend(_children(tok, "cc"))
        if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in ("force", "army", "ministry", "troop", "president", "government"):
            toks.extend(c.subtree)
    if tok.dep_ == "compound":
        toks.append(tok.head)
    i0 = min(t.i for t in toks)
    i1 = max(t.i for t in toks)
    doc = tok.doc
    while i0 < i1 and doc[i0].dep_ == "det" and doc[i0].lower_ in ("the", "a", "an", "any", "some", "all"):
        i0 += 1
    while i1 > i0 and doc[i1].is_punct:
        i1 -= 1
    span = doc[i0:i1 + 1]
    while "\n" in span.text and span.start < i1:  # a heading glued to the sentence ("Gezira\nRSF fighters")
        span = doc[span.start + 1:i1 + 1]
    return span.text, span.start_char, span.end_char


def side_of_text(text: str | None) -> str | None:
    """Side of an actor phrase, from the shared side lookup (known actors, demonyms, capitals)."""
    if not text:
        return None
    actor = lookup_actor(text)
    if actor is not None and actor.side:
        return actor.side
    return side_of(text)


def _actor_name(text: str | None) -> str | None:
    if not text:
        return None
    actor = lookup_actor(text)
    if actor is not None and actor.name:
        return actor.name
    return text


def _has_side(tok) -> bool:
    return side_of(tok.text) is not None


# -- records per mention ---------------------------------------------------------

@dataclass
class Mention:
    kinds: list[str]
    primary: object  # spaCy token
    tokens: list  # trigger tokens of the group
    sent: object
    sent_index: int
    tags: set[str] = field(default_factory=set)
    actor1: str | None = None
    actor2: str | None = None
    actor2_head: str | None = None
    claimant: str | None = None
    claimant_side: str | None = None
    claimed: bool = False
    denied: bool = False
    statement_ids: list[str] = field(default_factory=list)
    place: Place | None = None
    place_local: bool = False  # the place is named in the same sentence
    place_guessed: bool = False  # no place near: the article's main place
    place_unresolved: bool = False  # the clause names a place the gazetteer does not know
    entry: int = 0  # live blogs: the timestamped entry the mention sits in
    single_death: bool = False  # "a driver was killed": one death, no figure
    date: DateMention | None = None
    figures: list[Figure] = field(default_factory=list)
    weapon: str | None = None
    nonviolent: bool = False
    anaphoric: bool = False  # "repelled the assault": a response to an attack told just before

    @property
    def kind(self) -> str:
        return self.kinds[0]

    def absorb(self, other: "Mention") -> None:
        """Take in another mention of the same happening from the same sentence."""
        self.kinds += other.kinds
        self.tokens += other.tokens
        self.tags |= other.tags
        self.figures += [f for f in other.figures if f not in self.figures]
        self.statement_ids += [s for s in other.statement_ids if s not in self.statement_ids]
        self.weapon = self.weapon or other.weapon
        self.actor1 = self.actor1 or other.actor1
        if self.actor2 is None:
            self.actor2, self.actor2_head = other.actor2, other.actor2_head
        if self.place is None or (not self.place_local and other.place_local):
            self.place, self.place_local = other.place, other.place_local
        self.date = self.date or other.date
        self.anaphoric = self.anaphoric and other.anaphoric
        if self.claimant is None and other.claimant:
            self.claimant, self.claimant_side, self.claimed = other.claimant, other.claimant_side, other.claimed


def _is_placeish(tok, place_tokens: set[int]) -> bool:
    """Does a noun phrase name a place ("Mariupol", "the port", "most of the city")?"""
    if tok.i in place_tokens or _lemma(tok) in lex.PLACE_NOUNS or tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if _lemma(tok) in ("part", "most", "half", "rest", "much", "parts"):
        return any(_is_placeish(p, place_tokens) for c in _children(tok, "prep") if c.lower_ == "of" for p in _children(c, "pobj"))
    return False


def _trigger_kind(tok, ctx: Context, place_tokens: set[int]) -> str | None:
    """The kind of event a token signals here, or None."""
    if tok.pos_ == "VERB":
        return _verb_kind(tok, ctx, place_tokens)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_kind(tok)
    return None


def _weapon_of(tok) -> str | None:
    """The kind of remote violence a weapon noun stands for ("car bomb" -> explosive)."""
    kind = lex.WEAPON_KIND.get(_lemma(tok))
    if kind is None:
        return None
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(_lemma(c) in lex.EXPLOSIVE_MODIFIERS for c in mods):
        return "explosive"
    # "mortar bombs", "artillery shells": the modifier names the weapon
    return next((lex.WEAPON_KIND[_lemma(c)] for c in mods if c.dep_ == "compound" and _lemma(c) in lex.WEAPON_KIND), kind)


def _weapon_object_kind(tok) -> str | None:
    """"fired mortar bombs at", "launched drones": a weapon object says the kind."""
    for obj in _children(tok, "dobj"):
        k = _weapon_of(obj)
        if k is not None:
            return k if k in ("air", "explosive", "chemical", "grenade") else "shelling"
    return None


def _weapon_subject_kind(tok) -> str | None:
    """"a bomb hit the theatre", "shells fell on the camp": the weapon says the kind."""
    for subj in _children(tok, "nsubj"):
        k = _weapon_of(subj)
        if k is not None:
            return k if k in ("air", "explosive") else "shelling"
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
    if lemma == "take":
        if "over" in {_lemma(c) for c in tok.children} or any(_lemma(o) == "control" or _is_placeish(o, place_tokens) for o in objs):
            return "territory"
        if any(_lemma(o) == "prisoner" for o in objs) or "prisoner" in {_lemma(c) for o in objs for c in o.subtree}:
            return "prisoners"
        return None
    for o in objs:
        if _is_placeish(o, place_tokens) or _lemma(o) == "which":
            return "territory"
        if _lemma(o) in lex.PEOPLE_NOUNS or o.like_num or o.pos_ == "NUM":
            return "prisoners"
    if not objs and lemma == "capture":
        return "prisoners" if any(f.category == "captured" for f in ctx.figures) else None
    return "territory" if lemma == "occupy" else None


def _verb_kind(tok, ctx: Context, place_tokens: set[int]) -> str | None:
    lemma = _lemma(tok)
    if tok.dep_ == "amod":
        return None  # "occupying troops", "the besieged city": a description, not an event
    objects = {_lemma(c) for c in _children(tok, "dobj")}
    particles = {_lemma(c) for c in _children(tok, "prt", "advmod")}
    preps = {c.lower_ for c in _children(tok, "prep")}
    applies, kind = lex.verb_rule(lemma, objects, particles, preps)
    if applies:
        return kind
    if lemma in lex.WEAPON_OBJECT_VERBS:
        k = _weapon_object_kind(tok)
        if k is not None:
            return k
    if lemma in lex.WEAPON_SUBJECT_VERBS:
        k = _weapon_subject_kind(tok)
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
    return lex.VERB_TRIGGERS.get(lemma)


def _noun_kind(tok) -> str | None:
    lemma = _lemma(tok)
    low = tok.lower_
    if lemma not in lex.NOUN_TRIGGERS and low.endswith("s") and low[:-1] in lex.NOUN_TRIGGERS:
        lemma = low[:-1]  # the tagger's lemma can be wrong ("graves" -> "graf")
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & set(lex.NOUN_BLOCKING_MODIFIERS.get(lemma, ())):
        return None
    if lemma in lex.NOUN_REQUIRED_MODIFIERS:
        return next((k for m, k in lex.NOUN_REQUIRED_MODIFIERS[lemma].items() if m in mods), None)
    if lemma in ("strike", "attack", "raid"):
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and _weapon_of(c) is not None:
                return _weapon_of(c)
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
        if "fire" in subtree:
            return "battle"
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
    if anchor.i != tok.i and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "xcomp"):
        negated = negated or bool(_children(anchor, "neg"))
    t = tok
    for _ in range(4):  # "halt the attack", "called for mediation to evacuate", "a truce would be needed"
        if t.dep_ not in ("dobj", "xcomp", "pobj", "prep", "acl", "nsubjpass", "advcl", "pcomp") or t.head.i == t.i:
            break
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
            break
        t = t.head
        if _lemma(t) in lex.UNREAL_GOVERNORS:
            return True, tags
    if kind == "corridor" or kind == "agreement":
        if negated or _lemma(anchor) in lex.FAIL_VERBS and tok.dep_ in ("nsubj", "nsubjpass"):
            tags.add("failed")
        head = tok.head
        while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if _lemma(head) in lex.FAIL_VERBS and not negated:
            tags.add("failed")
        return False, tags
    if negated:
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
    return False, tags


def _crosses_barrier(child) -> bool:
    """Does the edge child -> child.head separate two happenings?"""
    if child.dep_ in BARRIER_DEPS:
        return True
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in child.children):
        return True
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _children(child, "nsubj", "nsubjpass"):
        return True
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _lemma(child) in lex.REPORT_VERBS:
        return True
    return False


def _linked(upper, lower) -> bool:
    """Is ``lower`` inside ``upper``'s clause, without crossing a barrier?"""
    t = lower
    while t.head.i != t.i:
        if t.i == upper.i:
            return True
        if _crosses_barrier(t):
            return False
        t = t.head
    return t.i == upper.i


def _group(triggers: list[tuple[object, str, set]]) -> list[list[tuple[object, str, set]]]:
    def one_way(x, y) -> bool:
        (a, ka, _), (b, kb, _) = x, y
        if (ka == "declaration") != (kb == "declaration"):
            return False  # "declared victory ... and ordered a blockade": the declaration is its own record
        anchor_a = _anchor(a)
        conj_ok = kb in ("air", "shelling", "explosive", "killing", "prisoners", "battle", "grenade") or b.pos_ == "NOUN"
        return _linked(a, b) or (_linked(anchor_a, b) and conj_ok and anchor_a.i != b.i)

    return cluster(triggers, lambda x, y: one_way(x, y) or one_way(y, x))


def _depth(tok) -> int:
    return len(_ancestors(tok))


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
        anchor = _anchor(noun)
        if anchor.i != noun.i and _lemma(anchor) in lex.AGENTIVE_VERBS and noun.dep_ not in ("nsubj", "nsubjpass"):
            subj = _children(anchor, "nsubj")
            if not subj and anchor.dep_ == "xcomp":
                subj = _children(anchor.head, "nsubj")
            a1 = subj[0] if subj else None
    return a1, a2


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
            a1 = subj[0] if subj else None
            a2 = obj[0] if obj else (on[0] if on else None)
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
        # "40 civilians were killed when the militants stormed a camp": the active verb names the perpetrator
        a1 = next((s for v in sorted(verbs, key=_depth) if v.i != getattr(verb, "i", -1)
                   for s in _children(v, "nsubj") if s.lower_ not in ("which", "that")), None)
    a1 = _owner(_actor_token(a1, sents, sent_index), sents, sent_index)
    a2 = _actor_token(a2, sents, sent_index)
    if a1 is not None and _lemma(a1) in lex.NON_ACTOR_WORDS:
        a1 = None  # "part", "you", "one": fragments, not actors
    if a2 is not None and _lemma(a2) in lex.NON_ACTOR_WORDS:
        a2 = None
    group_ids = {t.i for t in group_tokens}
    weapon_without_side = a1 is not None and _lemma(a1) in lex.WEAPON_KIND and not any(_has_side(c) for c in a1.children)
    if a1 is not None and (a1.i in group_ids or weapon_without_side or a1.ent_type_ in ("DATE", "TIME")):
        a1 = None  # "a missile struck ...": the weapon is not the actor
    if a2 is not None and a2.ent_type_ in ("DATE", "TIME"):
        a2 = None
    if a2 is not None and _lemma(a2) in lex.WEAPON_KIND:  # "fired mortar bombs at troops": the troops are the target
        at = [p for c in _children(a2.head, "prep") if c.lower_ in ("at", "on", "against") for p in _children(c, "pobj")]
        a2 = at[0] if at else None
    if a2 is not None and _lemma(a2) in lex.QUANTITY_WORDS:
        of = [p for c in _children(a2, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        a2 = of[0] if of else a2
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


# -- the extractor ---------------------------------------------------------------

def extract(ctx: Context) -> list[Event]:
    doc = ctx.doc
    sents = list(doc.sents)
    if not sents:
        return []
    place_tok = _mention_tokens(doc, ctx.places)
    place_tokens = {t for toks in place_tok.values() for t in toks}
    mentions: list[Mention] = []
    for si, sent in enumerate(sents):
        triggers, weapons = _sentence_triggers(ctx, sent, place_tokens)
        for group in _group(triggers):
            mentions.append(_mention(group, weapons, sents, si, place_tokens))
    if not mentions:
        return []
    entries = _entries(doc.text)
    for m in mentions:
        m.entry = bisect.bisect_right(entries, m.primary.idx)
    _attach_claims(ctx, mentions, sents)
    _attach_places(ctx, mentions, sents, place_tok)
    _attach_dates(ctx, mentions, sents)
    _attach_figures(ctx, mentions)
    mentions = _fold_sentences(mentions)
    return _merge(ctx, mentions, sents)


def _refers_back(tok) -> bool:
    """"after the killings", "following the attack": a noun naming an event told elsewhere."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS


def _sentence_triggers(ctx: Context, sent, place_tokens: set[int]):
    """(trigger, kind, tags) of one sentence, and its weapon nouns."""
    triggers = []
    weapons = []
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and _lemma(tok) in lex.WEAPON_KIND:
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
    for tok, kind, tags in triggers:
        tags |= _time_frame_tags(tok, kind)
    # a toll over a period is a figure, not an event
    return [g for g in triggers if "cumulative" not in g[2]], weapons


def _own_clause(anchor) -> list:
    """Tokens of the anchor's clause, temporal clauses included ("since the war began"), without
    coordinated clauses that have their own subject, reported or relative clauses."""
    out = []
    for t in anchor.subtree:
        x, ok = t, True
        while x.i != anchor.i and x.head.i != x.i:
            if x.dep_ in ("ccomp", "parataxis", "relcl") or (x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and _children(x, "nsubj", "nsubjpass")):
                ok = False
                break
            x = x.head
        if ok:
            out.append(t)
    return out


def _time_frame_tags(tok, kind: str) -> set[str]:
    """'cumulative' for tolls over a period ("since the war began", "this year"), 'background' for
    states that last ("has besieged the city since May")."""
    anchor = _anchor(tok)
    # the trigger's own clause: not a coordinated clause with its own subject, a reported or relative one
    words = _own_clause(anchor)
    lows = [t.lower_ for t in words]
    cue = False
    for c in lex.CUMULATIVE_CUES:
        n = len(c.split())
        for k in range(len(lows) - n + 1):
            # "the deadliest this year", "the worst so far": a superlative, not a period
            if lows[k:k + n] == c.split() and not (k and words[k - 1].tag_ in ("JJS", "RBS")):
                cue = True
    since = any(t.lower_ in lex.CUMULATIVE_MARKS and (t.head.i in (anchor.i, tok.i) or t.head.head.i == anchor.i)
                for t in words)
    if not (cue or since):
        return set()
    if kind in lex.VIOLENT_KINDS and (kind in ("killing",) or cue):
        return {"cumulative"}
    return {"background"}


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
        if any(_linked(top, w) for top in tops) or any(w.head.i == t.i for t in m.tokens):
            m.weapon = m.weapon or _weapon_of(w)
    for t in m.tokens:
        if t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ in ("compound", "amod") and _weapon_of(c) is not None:
                    m.weapon = _weapon_of(c)
    a1, a2 = _actors(primary, m.tokens, sents, si, place_tokens)
    if a1 is not None:
        m.actor1 = _phrase(a1)[0]
    if a2 is not None:
        m.actor2 = _phrase(a2)[0]
        m.actor2_head = _lemma(a2)
    for t in m.tokens:
        if _lemma(t) == "kill" and t.pos_ == "VERB":
            victims = _children(t, "nsubjpass", "dobj")
            if victims and victims[0].tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in victims[0].children):
                m.single_death = True
    m.anaphoric = any(t.pos_ == "VERB" and any(_lemma(o) in lex.NOUN_TRIGGERS and lex.NOUN_TRIGGERS[_lemma(o)] in lex.VIOLENT_KINDS
                                               and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in o.children)
                                               for o in _children(t, "dobj")) for t in m.tokens)
    low = sent.text.lower()
    if any(t.lower_ in ("unopposed", "peacefully") for t in sent) or "without a fight" in low or "without resistance" in low:
        m.nonviolent = True
    return m


# Within one sentence, ACLED records one event: a battle absorbs the shelling and the
# killings around it, an ultimatum absorbs the surrender it demands.
FOLDS = {
    "ultimatum": {"surrender", "corridor"}, "offer": {"surrender", "corridor", "evacuation"},
    "agreement": {"corridor", "evacuation", "surrender"}, "corridor": {"evacuation", "agreement"},
}


def _hidden(m: Mention) -> bool:
    """Background, hypothetical: kept apart from what happened."""
    return bool(m.tags & lex.HIDDEN_TAGS)


def _folds_into(host: Mention, guest: Mention) -> bool:
    if host.denied != guest.denied or _hidden(host) != _hidden(guest):
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


def _mention_tokens(doc, records) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for r in records:
        sp = _span_of(doc, r.start, r.end)
        if sp is not None:
            out[r.id] = [t.i for t in sp]
    return out


def _record_root(doc, r):
    sp = _span_of(doc, r.start, r.end)
    return sp.root if sp is not None and len(sp) else None


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
                m.claimant, m.claimant_side, m.claimed = covering.speaker, covering.speaker_side, True
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
            if _lemma(o) in lex.PLACE_NOUNS and not any(x.i in place_tokens for x in o.subtree):
                if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in o.children):
                    return True  # "the port" is the article's place; "a village in X region" is in X
    return False


def _unresolved_location(m: Mention, place_tokens: set[int]) -> bool:
    """A named location argument of the trigger ("in Aleppo", "near the village of X") left unresolved."""
    for t in m.sent:
        if t.i in place_tokens or t.dep_ in ("nsubj", "poss") or not (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC")):
            continue
        head = t
        while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
            head = head.head
        of_place = head.head.lower_ == "of" and _lemma(head.head.head) in lex.PLACE_NOUNS | {"district"}
        if t.ent_type_ in ("PERSON", "DATE", "TIME") or (t.ent_type_ == "ORG" and not of_place):
            continue
        if head.dep_ == "pobj" and (head.head.lower_ in LOCATIVE_PREPS or of_place):
            if min(_clause_distance(head, x) for x in m.tokens) <= MAX_PLACE_DISTANCE + 1:
                return True
    return False


def _definite_place_noun(sent, place_tokens: set[int]) -> bool:
    """'the city', 'the port', 'the plant': the article's own place, named earlier."""
    for t in sent:
        if _lemma(t) in ("city", "town", "port", "plant", "steelworks", "village", "factory") and t.i not in place_tokens:
            if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
                return True
    return False


def _attach_places(ctx: Context, mentions: list[Mention], sents, place_tok) -> None:
    doc = ctx.doc
    text = doc.text
    place_tokens = {t for toks in place_tok.values() for t in toks}
    by_sent: dict[int, list[Place]] = {}
    sent_starts = [s.start_char for s in sents]
    for p in ctx.places:
        if not _place_ok(p):
            continue
        root = _record_root(doc, p)
        # "Ivan Bila": a person's name that the gazetteer also knows as a town
        if root is None or root.ent_type_ == "PERSON" or (root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i not in place_tokens):
            continue
        k = _sent_index(sent_starts, p.start)
        by_sent.setdefault(k, []).append(p)
    counts: dict[str, int] = {}
    for p in ctx.places:
        if _place_ok(p) and (p.precision or 3) <= 2:
            counts[p.canonical or p.name] = counts.get(p.canonical or p.name, 0) + 1
    main_place = None
    if counts:
        best = max(counts, key=lambda k: counts[k])
        main_place = next(p for p in ctx.places if (p.canonical or p.name) == best and _place_ok(p))

    entries = _entries(text)

    def context_place(m: Mention) -> Place | None:
        """The last town named before the mention, in its paragraph; else the article's main place."""
        for k in range(m.sent_index - 1, max(-1, m.sent_index - 4), -1):
            prev = [p for p in by_sent.get(k, []) if (p.precision or 3) <= 2 and _same_paragraph(text, p.start, m.primary.idx)]
            if prev:
                return prev[-1]
        for p in by_sent.get(m.sent_index, []):
            if (p.precision or 3) <= 2 and p.start < m.primary.idx and _same_paragraph(text, p.start, m.primary.idx):
                return p
        return None

    for m in mentions:
        cands = []
        for p in by_sent.get(m.sent_index, []):
            root = _record_root(doc, p)
            if root is None or not _same_paragraph(text, p.start, m.primary.idx):
                continue

            # "fall to Russia", "Ukraine's deputy prime minister": a country as an actor is not the place
            country = p.kind == "country" or p.feature_code in ("PCLI", "PCLD", "PCL") or bool(side_of(p.name))
            subjectish = root.dep_ in ("nsubj", "poss", "nsubjpass") or (root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"))
            # "US warplanes", "Russian missiles": a country naming who acts, not where
            subjectish = subjectish or (root.dep_ in ("nmod", "compound", "amod") and root.head.pos_ in ("NOUN", "PROPN")
                                        and _lemma(root.head) not in lex.PLACE_NOUNS and root.head.i not in place_tokens)
            if country and (subjectish or root.dep_ == "pobj" and root.head.lower_ in ("to", "by", "from", "with")):
                continue
            if root.dep_ == "pobj" and root.head.lower_ == "of" and _lemma(root.head.head) in lex.PLACE_NOUNS:
                root = root.head.head  # "the village of Manhush": the village is the argument
            d = min(_clause_distance(root, t) for t in m.tokens)
            if d > MAX_PLACE_DISTANCE:
                continue
            cands.append((d, p.precision or 3, p.start, p))
        if cands:
            best = min(cands, key=lambda c: (c[0], c[1], c[2]))[3]
            if (best.precision or 3) >= 3 and _definite_place_object(m, place_tokens):
                best = context_place(m) or main_place or best
            m.place = best
            m.place_local = True
            continue
        if not by_sent.get(m.sent_index):
            near = ctx.place_near(m.primary.idx, m.primary.idx + len(m.primary.text))
            if near is not None and _place_ok(near) and near.start >= m.sent.start_char and near.end <= m.sent.end_char:
                m.place = near
                m.place_local = True
                continue
        if _unresolved_location(m, place_tokens):
            m.place_unresolved = True
            continue  # the clause names a place the gazetteer does not know: not the article's other places
        m.place = context_place(m)
        if m.place is None and entries:
            # a live blog: the place of this entry (its heading included), never another entry's
            first = _sent_index(sent_starts, entries[m.entry - 1]) if m.entry else 0
            in_entry = [p for k in range(first, m.sent_index + 1) for p in by_sent.get(k, [])
                        if bisect.bisect_right(entries, p.start) == m.entry and p.start < m.primary.idx]
            m.place = in_entry[-1] if in_entry else None
            continue
        if m.place is None and main_place is not None and _definite_place_noun(m.sent, place_tokens):
            m.place = main_place
        if m.place is None and main_place is not None:
            m.place = main_place
            m.place_guessed = True


def _sent_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _statement_verb(root):
    """The reporting verb a date belongs to ("officials said on Thursday"), or None."""
    t = root
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t if t.pos_ == "VERB" and _lemma(t) in lex.REPORT_VERBS else None


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
    weak: set[str] = set()  # "an overnight attack": an adjective, weaker than a day named beside it
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
        if dist[id(best)] > MAX_DATE_DISTANCE:
            continue
        verb = _statement_verb(root)
        if verb is not None and all(verb.i != t.i for t in best.tokens):
            fallback.setdefault(id(best), d)
            continue
        if root.dep_ == "amod":
            weak.add(d.id)
        if best.date is None or ((d.precision or 3), d.id in weak) < ((best.date.precision or 3), best.date.id in weak):
            best.date = d
    for m in mentions:
        if m.date is not None:
            continue
        m.date = fallback.get(id(m))
        if m.date is not None:
            continue
        near = ctx.date_near(m.primary.idx, m.primary.idx + len(m.primary.text))
        if near is not None and near.date and near.id not in claimed_dates:
            m.date = near


def _attach_figures(ctx: Context, mentions: list[Mention]) -> None:
    """Killed figures to the nearest violent mention of their sentence; subsets and tolls over a
    period stay figures ("40 people, among them six children" -> 40)."""
    doc = ctx.doc
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        if lex.RANK.get(m.kind, 5) <= 3 or m.kind == "riot":
            by_sent.setdefault(m.sent.start_char, []).append(m)
    killed = [f for f in ctx.figures if f.category == "killed"]
    for f in killed:
        root = _record_root(doc, f)
        if root is None:
            continue
        ms = by_sent.get(root.sent.start_char)
        if not ms or _is_subset(doc, f, killed) or _time_frame_tags(root, "killing"):
            continue
        best = min(ms, key=lambda m: min(_tree_distance(root, t) for t in m.tokens))
        best.figures.append(f)


def _is_subset(doc, f: Figure, killed: list[Figure]) -> bool:
    """A figure introduced as part of another one in its sentence ("including", "among them")."""
    sent = doc.char_span(f.start, f.end, alignment_mode="expand")
    if sent is None:
        return False
    sent_start = sent.sent.start_char
    before = doc.text[max(sent_start, f.start - 30):f.start].lower()
    if not any(f" {c} " in f" {before} " or before.rstrip(" ,").endswith(c) for c in lex.SUBSET_CUES):
        return False
    return any(g is not f and sent_start <= g.start < f.start for g in killed)


def _figure_count(f: Figure) -> int | None:
    v = f.value if f.value is not None else f.low
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


# -- merging ---------------------------------------------------------------------

_parse_day = parse_day


def _km(a: Place, b: Place) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _same_place(a: Place | None, b: Place | None) -> bool | None:
    """True/False when both are known, None when either is missing."""
    if a is None or b is None:
        return None
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if (a.canonical or a.name) == (b.canonical or b.name):
        return True
    if (a.precision or 3) >= 3 or (b.precision or 3) >= 3:
        return False
    return _km(a, b) <= PLACE_MERGE_KM


def _window(d: DateMention | None, published: str | None) -> tuple[date, date] | None:
    if d is None:
        return None
    a = _parse_day(d.date)
    if a is None:
        return None
    b = _parse_day(d.date_end) or a
    slack = {1: 0, 2: 1}.get(d.precision or 1, 0)
    return a - timedelta(days=slack), b + timedelta(days=slack)


def _same_time(a: DateMention | None, b: DateMention | None, published: str | None) -> bool | None:
    wa, wb = _window(a, published), _window(b, published)
    if wa is None or wb is None:
        return None
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def _is_historical(ctx: Context, d: DateMention | None) -> bool:
    if d is None:
        return False
    if d.historical:
        return True
    day = _parse_day(d.date_end or d.date)
    pub = _parse_day(ctx.published)
    return bool(day and pub and day < pub - timedelta(days=HISTORICAL_DAYS))


@dataclass
class _Draft:
    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def family(self) -> str:
        return lex.family(self.first.kind)

    @property
    def last_sent(self) -> int:
        return self.mentions[-1].sent_index

    def place(self) -> Place | None:
        ps = [m.place for m in self.mentions if m.place is not None and m.place_local]
        ps = ps or [m.place for m in self.mentions if m.place is not None]
        return min(ps, key=lambda p: p.precision or 3) if ps else None

    def date(self) -> DateMention | None:
        ds = [m.date for m in self.mentions if m.date is not None]
        return min(ds, key=lambda d: d.precision or 3) if ds else None


class _Drafts:
    """The events being built, indexed so that a mention is compared with a few drafts, never all:
    the latest drafts of its family, drafts touched in the last sentences, drafts at its place (grid)."""

    def __init__(self) -> None:
        self.all: list[_Draft] = []
        self.rank: dict[int, int] = {}
        self.by_family: dict[str, list[_Draft]] = {}
        self.by_sent: dict[int, list[_Draft]] = {}
        self.by_cell: dict[tuple, list[_Draft]] = {}

    @staticmethod
    def _cell(fam: str, p: Place | None) -> tuple | None:
        if p is None or p.lat is None or p.lon is None:
            return None
        return fam, round(p.lat / CELL_DEG), round(p.lon / CELL_DEG)

    def add(self, m: Mention, d: _Draft | None) -> None:
        if d is None:
            d = _Draft([m])
            self.rank[id(d)] = len(self.all)
            self.all.append(d)
            self.by_family.setdefault(d.family, []).append(d)
        else:
            d.mentions.append(m)
        self.by_sent.setdefault(m.sent_index, []).append(d)
        cell = self._cell(d.family, m.place)
        if cell is not None and d not in self.by_cell.setdefault(cell, []):
            self.by_cell[cell].append(d)

    def candidates(self, m: Mention, fam: str) -> list[_Draft]:
        found = {id(d): d for d in self.by_family.get(fam, [])[-RECENT_DRAFTS:]}
        for k in range(max(0, m.sent_index - NEAR_SENTENCES), m.sent_index + 1):
            found.update((id(d), d) for d in self.by_sent.get(k, []) if d.family == fam)
        cell = self._cell(fam, m.place)
        if cell is not None:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    found.update((id(d), d) for d in self.by_cell.get((fam, cell[1] + dx, cell[2] + dy), []))
        return sorted(found.values(), key=lambda d: self.rank[id(d)], reverse=True)

    def recent(self) -> list[_Draft]:
        return self.all[-RECENT_DRAFTS:][::-1]


def _merge(ctx: Context, mentions: list[Mention], sents) -> list[Event]:
    drafts = _Drafts()
    for m in mentions:
        drafts.add(m, _merge_target(ctx, m, drafts))
    return [_to_event(ctx, d) for d in drafts.all]


def _other_actor(m: Mention, d: _Draft) -> bool:
    """Both name a perpetrator, and not the same one (by side, or by name when sides are unknown)."""
    other = next((x.actor1 for x in d.mentions if x.actor1 and not x.denied), None)
    if not m.actor1 or not other or m.denied:
        return False
    sa, sb = side_of_text(m.actor1), side_of_text(other)
    if sa and sb:
        return sa != sb
    if sa or sb:
        return False
    return m.actor1.lower().split()[-1] != other.lower().split()[-1]


def _entries(text: str) -> list[int]:
    """Start offsets of live-blog entries (paragraphs opening with a time stamp); [] for other articles."""
    starts = [mt.start() for mt in ENTRY_STAMP.finditer(text)]
    return starts if len(starts) >= 2 else []


def _merge_target(ctx: Context, m: Mention, drafts: _Drafts) -> _Draft | None:
    fam = lex.family(m.kind)
    hist = _is_historical(ctx, m.date)
    definite = m.primary.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in m.primary.children)
    own_place = m.place is not None and m.place_local
    for d in drafts.candidates(m, fam):
        if d.family != fam or _is_historical(ctx, d.date()) != hist or _hidden(d.first) != _hidden(m):
            continue
        if d.mentions[-1].entry != m.entry or _other_actor(m, d):
            continue  # another live-blog entry, another perpetrator: another incident
        target, other_target = _target_class(m), _target_class(d.first)
        self_claim = m.claimant is not None and m.actor1 is not None and _actor_name(m.actor1) == m.claimant
        if target and other_target and target != other_target and not self_claim:
            continue  # an army post attacked, a camp of displaced people stormed: two incidents
        if fam == "remote" and m.kind != d.first.kind and own_place and d.first.place_local:
            continue  # a drone in one town, mortars in another: two incidents
        close = m.sent_index - d.last_sent <= NEAR_SENTENCES
        if m.denied or (definite and ((not own_place and m.date is None) or close)):
            return d
        same_place = _same_place(m.place, d.place())
        same_time = _same_time(m.date, d.date(), ctx.published)
        if same_place is False or same_time is False:
            continue
        if same_place and (same_time or close):
            return d
        if same_place and fam != "evacuation" and (m.date is None or d.date() is None):
            return d  # an undated mention of a fight, siege or claim over the same place
        if same_place is None and close and not (m.place_unresolved or any(x.place_unresolved for x in d.mentions)):
            return d
    if m.denied:
        # "denied that its forces had attacked the theatre": the denial of the violent event told here
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and not _hidden(d.first) and _same_place(m.place, d.place()) is not False:
                return d
    if m.anaphoric and m.date is None:
        # "its forces had repelled the assault": the assault told just before, whoever repelled it
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= 1:
                return d
    if m.kind == "killing" and not own_place and m.date is None and (m.actor2_head or "") in lex.COMBATANT_NOUNS:
        # "Fighting continued around the town. Two soldiers were killed": the toll of that fight
        for d in drafts.recent():
            if d.family == lex.family("battle") and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= 1 \
                    and d.mentions[-1].entry == m.entry:
                return d
    if definite and fam == "evacuation" and m.date is None:
        for d in drafts.recent():
            if d.family == "agreement" and _hidden(d.first) == _hidden(m) and m.sent_index - d.last_sent <= NEAR_SENTENCES and any("corridor" in x.tags for x in d.mentions):
                return d
    if definite and _lemma(m.primary) in lex.GENERIC_ANAPHORS and not own_place and m.date is None:
        for d in drafts.recent():
            if d.first.kind in lex.VIOLENT_KINDS and _hidden(d.first) == _hidden(m):
                return d
    return None


def _target_class(m: Mention) -> str | None:
    """Whom the mention's violence is aimed at: "combatants" (an army post, soldiers), "civilians"
    (a market, a camp of displaced people, villagers), or None when the text does not say."""
    objs = [o for t in m.tokens for o in _children(t, "dobj", "nsubjpass")]
    objs += [p for t in m.tokens for c in _children(t, "prep") if c.lower_ in ("on", "against") for p in _children(c, "pobj")]
    for o in objs:
        mods = {_lemma(c) for c in o.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        if _lemma(o) in lex.MILITARY_TARGET_NOUNS | lex.COMBATANT_NOUNS or mods & lex.MILITARY_MODIFIERS:
            return "combatants"
    if any(_lemma(o) in lex.CIVILIAN_NOUNS | lex.CIVILIAN_PLACE_NOUNS for o in objs) or any(f.group == "civilians" for f in m.figures):
        return "civilians"
    return None


def _geo_precision(d: _Draft, place: Place | None) -> int | None:
    """ACLED's spatial precision: named in the clause as given; inferred from context 2; a guess 3."""
    if place is None:
        return None
    p = place.precision or 1
    if any(m.place_local for m in d.mentions):
        return p
    if all(m.place_guessed for m in d.mentions):
        return 3
    return max(p, 2)


def _targets_civilians(d: _Draft, actor2_head: str | None, figures: list[Figure]) -> bool:
    if actor2_head in lex.CIVILIAN_NOUNS or any(f.group == "civilians" for f in figures):
        return True
    counted = {(f.counted or "").lower().rstrip("s") for f in figures}
    return bool(counted & lex.CIVILIAN_NOUNS) or any(
        _lemma(c) in lex.CIVILIAN_NOUNS for m in d.mentions for t in m.tokens for c in _children(t, "dobj", "nsubjpass"))


def _strike_from_air(d: _Draft, a1_side: str | None) -> bool:
    """A bare "strike": from the air when its sentences name aircraft, or when the striking force's
    campaign is an air campaign (``air_campaign_sides``) and nothing names artillery or missiles."""
    lemmas = {_lemma(t) for m in d.mentions for t in m.sent}
    low = " ".join(m.sent.text.lower() for m in d.mentions)
    if any(c in lemmas or (" " in c and c in low) for c in lex.AIR_CUES):
        return True
    return a1_side in lex.AIR_CAMPAIGN_SIDES and not lemmas & lex.GROUND_FIRE_CUES


def _event_type(d: _Draft, actor1: str | None, a1_side: str | None, actor2_head: str | None,
                figures: list[Figure], place: Place | None, claimed: bool) -> tuple[str, str, list[str]]:
    """ACLED type of a draft: the ranked kind, refined by weapon, victims and actors."""
    civilians = _targets_civilians(d, actor2_head, figures)
    weapon = next((m.weapon for m in d.mentions if m.weapon), None)
    home = alpha3(place.country) if place is not None else None
    kinds = {k for m in d.mentions for k in m.kinds}
    kind = d.first.kind
    if kind in ("shelling", "air") and ("air" in kinds or weapon == "air"):
        kind = "air"  # ACLED: an air strike ranks above shelling in the same event
    elif kind == "shelling" and weapon is None and _lemma(d.first.primary) == "strike" and _strike_from_air(d, a1_side):
        kind = "air"
    a1_head = (actor1 or "").lower().split()[-1:] or [""]
    if kind == "battle" and a1_head[0] in lex.PROTESTER_NOUNS:
        kind = "riot"  # crowds storming a building: a violent demonstration, not a battle
    one_sided = _lemma(d.first.primary) in lex.ONE_SIDED_TRIGGERS
    if kind == "battle" and one_sided and civilians and _target_class(d.first) != "combatants":
        kind, weapon = "killing", None  # gunmen attacking a village: an attack on civilians, not a clash
    etype, sub, type_tags = lex.acled_type(
        kind, actor1_side=a1_side, home_side=home, claimed=claimed, targets_civilians=civilians,
        weapon=weapon if kind == "killing" else None, nonviolent=any(m.nonviolent for m in d.mentions),
        actor1_nonstate=any(w.rstrip("s") in lex.NONSTATE_NOUNS or w in lex.NONSTATE_NOUNS for w in (actor1 or "").lower().split()),
    )
    if kind == "arrest" and (actor2_head or "") in lex.PROTESTER_NOUNS | {"protester", "demonstrator"}:
        etype, sub = "Protests", "Protest with intervention"  # ACLED: arrests of protesters
    return etype, sub, type_tags


def _to_event(ctx: Context, d: _Draft) -> Event:
    first = d.first
    sent = first.sent
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    end = start + len(text)
    place = d.place()
    dm = d.date()
    tags: set[str] = set()
    for m in d.mentions:
        tags |= m.tags
    # actors: the first mention that names them, skipping denials (the denier is not the actor)
    actor1 = next((m.actor1 for m in d.mentions if m.actor1 and not m.denied), None)
    actor2 = next((m.actor2 for m in d.mentions if m.actor2 and not m.denied), None)
    actor2_head = next((m.actor2_head for m in d.mentions if m.actor2 and not m.denied), None)
    asserters = [m for m in d.mentions if not m.denied]
    claimant_m = next((m for m in asserters if m.claimant), None)
    # only parties assert it: a claim, not a confirmed change (residents and medics are not parties)
    # (an actor without a known side that claims its own deed is a party too: "rebels said they had captured X")
    reporter_says = any(not m.claimed or (m.claimant and not m.claimant_side and m.claimant != _actor_name(m.actor1))
                        for m in asserters)
    figures = [f for m in d.mentions for f in m.figures]
    counts = [c for c in (_figure_count(f) for f in figures) if c is not None]
    a1_side = side_of_text(actor1)
    etype, sub, type_tags = _event_type(d, actor1, a1_side, actor2_head, figures, place, claimed=not reporter_says)
    tags |= set(type_tags)
    if not counts and any(m.single_death for m in d.mentions):
        counts = [1]
    if "failed" in tags and d.first.kind not in ("corridor", "agreement"):
        tags.discard("failed")
    # date
    published = ctx.published
    if dm is not None:
        ev_date, ev_end, precision = dm.date, dm.date_end or dm.date, dm.precision or 1
    elif published:
        ev_date, ev_end, precision = published, None, 2  # reported without a date: the publication week
        tags.add("undated")
    else:
        ev_date, ev_end, precision = None, None, None
    if _is_historical(ctx, dm):
        tags |= {"historical", "background"}
    evidence = []
    seen = set()
    for m in d.mentions:
        s = m.sent
        st = s.start_char + (len(s.text) - len(s.text.lstrip()))
        t = s.text.strip()
        if st in seen:
            continue
        seen.add(st)
        evidence.append({"text": t, "start": st, "end": st + len(t)})
    statement_ids = []
    for m in d.mentions:
        for sid in m.statement_ids:
            if sid not in statement_ids:
                statement_ids.append(sid)
    for f in figures:
        if f.statement_id and f.statement_id not in statement_ids:
            statement_ids.append(f.statement_id)
    # ACLED actor names (docs/events.md, 'Actor names'): state forces, civilians, known groups; no fragments
    home = alpha3(place.country) if place is not None else None
    a1 = event_actor(actor1, a1_side, "actor1", home, etype, text)
    a2 = event_actor(actor2, side_of_text(actor2), "actor2", home, etype, text)
    trigger = first.primary.text
    if _lemma(first.primary) == "open":
        trigger = "opened fire"
    ev = Event(
        id=ctx.make_id("evt", start, end, first.primary.idx),
        article_ids=[ctx.article.id],
        event_type=etype,
        sub_event_type=sub,
        text=text,
        start=start,
        end=end,
        tags=sorted(tags),
        actor1=a1.name if a1 else None,
        actor1_side=a1.side if a1 else None,
        actor2=a2.name if a2 else None,
        actor2_side=a2.side if a2 else None,
        place=(place.canonical or place.name) if place is not None else None,
        place_id=place.id if place is not None else None,
        geonames_id=place.geonames_id if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        geo_precision=_geo_precision(d, place),
        date=ev_date,
        date_end=ev_end,
        time_precision=precision,
        fatalities=min(counts) if counts else None,
        figure_ids=[f.id for f in figures],
        claimed_by=claimant_m.claimant if claimant_m else None,
        claimed_by_side=claimant_m.claimant_side if claimant_m else None,
        trigger=trigger,
        evidence=evidence,
        statement_ids=statement_ids,
    )
    return ev
