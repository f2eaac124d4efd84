"""Figures: numbers about people or forces, what they count, and who claims them.

A figure is a number phrase ("more than 4,000", "a few hundred", "between 8,000
and 10,000", "dozens") that counts people: its counted noun is a person noun
("civilians", "troops", "evacuees", "the dead"), or it stands for one that the
sentence names ("1,478 captured" after "4,000 soldiers had been killed"), or it
is the object of a count ("put the death toll at 300").

The category comes from the words that govern the number (its verb, the counted
noun and that noun's modifiers), then from the words beside it in its clause,
then, for people counted without a telling word, from the two sentences before.
The claimant is the speaker of the statement the figure sits in; a figure in the
article's own voice has claimant "article" (or the article's source name when
known) and claimant side "MEDIA" (see docs/claims.md).

Never figures: years, dates, times, ordinals and unit names ("36th Marine
Brigade"), distances, durations, storeys, percentages, money, ages, "one of the",
the pronoun "one", and numbers that count things rather than people.
"""
from __future__ import annotations

import re

from unfog.lexicons import load
from unfog.lexicons.actors import SPEECH, camp, is_state_body, lookup_actor, side_of  # noqa: I001
from unfog.lexicons import singular
from unfog.lexicons import toll_rise
from unfog.lexicons.countries import demonyms
from unfog.lexicons.events import OTHER_INCIDENT_ADVERBS as OTHER_INCIDENT_OPENERS
from unfog.text import fold_phrase as fold
from unfog.lexicons.wire import lead_spans
from unfog.extractors.context import Context
from unfog.extractors.query import doc_text
from unfog.lexicons import times
from unfog.lexicons.people import BODY_NOUNS, CIVILIAN_NOUNS, COMBATANT_NOUNS, COUNT_NOUNS, OWN_MEN_NOUNS, PEOPLE_NOUNS  # noqa: F401
from unfog.model import Figure
from unfog.nlp.syntax import governing_verb

_NUM = load("numbers")
_CATS = load("categories")
UNITS: dict[str, int] = _NUM["units"]
MULTIPLIERS: dict[str, int] = _NUM["multipliers"]
VAGUE = {k: tuple(v) for k, v in _NUM["vague"].items()}  # vague amounts: (low, high) of one unit
FEW = {k: tuple(v) for k, v in _NUM["few"].items()}
QUALIFIERS = [tuple(q) for q in _NUM["qualifiers"]]  # longest first; kind: low | high | approx | exact
DIFFERENCE_WORDS = frozenset(_NUM["difference_words"])  # "one more than it had first reported": a difference
CATEGORY_LEMMAS = {k: set(v) for k, v in _CATS["categories"].items()}
LEMMA_CATEGORY = {lem: cat for cat, lems in CATEGORY_LEMMAS.items() for lem in lems}
_EXCHANGE = _CATS["exchange"]
EXCHANGE_VERBS = {tuple(v.split()) for v in _EXCHANGE["verbs"]}  # (lemma,) or (lemma, particle)
EXCHANGE_NOUNS = set(_EXCHANGE["nouns"])
NOT_EXCHANGE_AFTER = set(_EXCHANGE["not_after_noun"])  # "an exchange of fire" is fighting
NOT_COUNT_NEXT = set(_NUM["not_count_next"])  # a number followed by these is a measure, not a count of people
MONTHS = set(_NUM["months"])
SIZE_AFTER_HYPHEN = set(_NUM["size_after_hyphen"])
PARTICLE_VERBS = set(_NUM["particle_verbs"])
NOT_COUNT_PREV = set(_NUM["not_count_prev"])
# (people present when something happened are no count of what happened to them: "Some 200 worshippers were inside
# the mosque when the bomber struck")
POPULATION = re.compile(r"\b(home to|population|inhabitants|pre-?war|lived in|people living|residents before|"
                        r"were inside|were present|had gathered|were gathered|were attending)\b", re.I)
CAVEAT = re.compile(
    r"\b(could ?n[o']t|can ?n[o']t|can not|unable to|impossible to|no way to|not (?:been )?able to|"
    r"has not|have not|had not|hasn't|haven't|was not|were not|are not|is not|not)\s+(?:be\s+|been\s+)?"
    r"(?:immediately\s+|independently\s+|yet\s+)*(?:be\s+)?(?:independently\s+)?"
    r"(verif\w*|confirm\w*|corroborat\w*|check\w*)",
    re.I,
)
GENERAL_CAVEAT = re.compile(r"\b(either side|both sides|any side|battlefield|such claims|claims by|"
                            r"casualty (?:figures|claims)|all (?:the )?figures)\b", re.I)


_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_SCALED_NUMBER = re.compile(r"\d+(\.\d+)?(k|m|mn|bn)")


def _num_value(word: str) -> float | None:
    w = word.lower().replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace("’", "").replace("'", "")
    if not w:
        return None
    if w[0].isdecimal():  # both patterns open with \d (a decimal digit): most words skip them
        if _PLAIN_NUMBER.fullmatch(w):
            v = float(w)
            return int(v) if v.is_integer() else v
        if _SCALED_NUMBER.fullmatch(w):
            num = float(_PLAIN_NUMBER.match(w).group(0))
            v = num * MULTIPLIERS[re.sub(r"[\d.]", "", w)]
            return int(v) if float(v).is_integer() else v
    if w in UNITS:
        return UNITS[w]
    if "-" in w:
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS and UNITS[parts[0]] >= 20 and UNITS[parts[1]] < 10:
            return UNITS[parts[0]] + UNITS[parts[1]]
    return None


def _is_numberish(tok) -> bool:
    w = tok.lower_
    return (_num_value(w) is not None or w in MULTIPLIERS and w not in ("m", "k") or w in VAGUE
            or w in ("dozen", "dozens"))


class Phrase:
    """A number phrase in the doc: token range, bounds and qualifier."""

    def __init__(self, i: int, j: int, value, low, high, qualifier=None, vague=False):
        self.i, self.j = i, j  # token range [i, j)
        self.value, self.low, self.high = value, low, high
        self.qualifier = qualifier
        self.vague = vague


def _parse_run(doc, i: int) -> Phrase | None:
    """The number phrase starting at token i ('4,000', 'two thousand', 'a few hundred', 'tens of thousands')."""
    n = len(doc)
    t = doc[i]
    w = t.lower_
    # vague words: "hundreds (of thousands)", "dozens", "tens of thousands"
    if w in VAGUE or w == "dozens":
        lo, hi = VAGUE.get(w, VAGUE["dozens"])
        j = i + 1
        if j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("thousands", "millions"):
            m = 1_000 if doc[j + 1].lower_ == "thousands" else 1_000_000
            lo, hi = lo * m, (hi + 1) * m - 1
            j += 2
            if w == "tens":
                lo, hi = 20 * m, 100 * m - 1
        elif w == "tens":
            return None
        return Phrase(i, j, None, lo, hi, vague=True)
    if w == "dozen":
        mult = 12
        j = i + 1
        return Phrase(i, j, mult, mult, mult)
    value = _num_value(w)
    if value is None:
        if w in ("hundred", "thousand", "million") and i > 0 and doc[i - 1].lower_ in ("a", "one"):
            value = 1
            j = i
        else:
            return None
    else:
        j = i + 1
        # "Forty-nine", "twenty - one": the tokenizer may split a compound number word
        if w in UNITS and value >= 20 and value % 10 == 0 and j + 1 < n and doc[j].text in ("-", "–") \
                and doc[j + 1].lower_ in UNITS and UNITS[doc[j + 1].lower_] < 10:
            value += UNITS[doc[j + 1].lower_]
            j += 2
    # "1.5 million", "two thousand", "two hundred thousand", "two dozen"
    while j < n and doc[j].lower_ in ("hundred", "thousand", "million", "billion", "dozen"):
        value = value * (MULTIPLIERS.get(doc[j].lower_) or 12)
        j += 1
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        value = round(value, 6)
    return Phrase(i, j, value, value, value)


# A text ending with a qualifier's words (compiled once; same order as QUALIFIERS)
_QUALIFIER_ENDS = [(re.compile(r"(?:^|\W)" + re.escape(words) + r"\s*$"), words, kind) for words, kind in QUALIFIERS]


def _qualify(doc, ph: Phrase, text_before: str) -> None:
    """Attach a qualifier ('more than', 'about') and a range ('between 8,000 and 10,000')."""
    low_text = text_before.lower()
    prev = doc[ph.i - 1] if ph.i > 0 else None
    if prev is not None and (prev.dep_ == "prt" or ph.i > 1 and doc[ph.i - 2].lemma_.lower() in PARTICLE_VERBS
                             and prev.lower_ in ("over", "up")):
        return  # "handed over 195 troops", "gave up 40 fighters": the verb's particle qualifies nothing
    for pattern, words, kind in _QUALIFIER_ENDS:
        if pattern.search(low_text):
            ph.qualifier = words
            if ph.value is not None:
                if kind == "low":
                    ph.low, ph.high = ph.value, None
                elif kind == "high":
                    ph.low, ph.high = None, ph.value
                elif kind == "approx":
                    ph.low = ph.high = None
            break


def _find_phrases(doc) -> list[Phrase]:
    phrases: list[Phrase] = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        ph = None
        if _is_numberish(t) or (t.lower_ in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in ("dozen", "hundred", "thousand", "million")):
            start = i + 1 if t.lower_ in ("a", "an") else i
            ph = _parse_run(doc, start)
            if ph is not None and t.lower_ in ("a", "an"):
                ph.i = i
        elif t.lower_ == "half" and (half := _half_dozen_end(doc, i)):
            ph = Phrase(i, half, 6, 6, 6)  # "half a dozen", "half-a-dozen": six, not the dozen
        elif _zero_count(doc, i):
            ph = Phrase(i, i + 1, 0, 0, 0)
            ph.zero = True
        elif t.lower_ in ("few", "several") and i + 1 < n and doc[i + 1].lower_ in ("hundred", "thousand", "dozen", "million"):
            lo, hi = FEW[t.lower_]
            m = {"hundred": 100, "thousand": 1000, "dozen": 12, "million": 1_000_000}[doc[i + 1].lower_]
            start = i - 1 if i > 0 and doc[i - 1].lower_ == "a" else i
            ph = Phrase(start, i + 2, None, lo * m, hi * m, vague=True)
        if ph is None:
            i += 1
            continue
        j = ph.j
        # ranges: "8,000-10,000", "8,000 to 10,000", "between 8,000 and 10,000", "seven or eight"
        if j + 1 < n and doc[j].text in ("-", "–", "—", "to", "and", "or") and ph.value is not None:
            between = ph.i > 0 and doc[ph.i - 1].lower_ == "between"
            if doc[j].text not in ("and", "or") or between or (
                    doc[j].text == "or" and _is_numberish(doc[j + 1]) and doc[j + 1].lower_ not in ("more", "so")):
                other = _parse_run(doc, j + 1) if _is_numberish(doc[j + 1]) else None
                if other is not None and other.value is not None and other.value > ph.value:
                    lo = ph.value
                    if other.value >= 1000 and lo < 1000 and doc[j + 1 + 0].lower_ not in ("hundred",):
                        # "8-10 thousand": the multiplier of the second applies to the first
                        m = other.value / _num_value(doc[j + 1].lower_) if _num_value(doc[j + 1].lower_) else 1
                        lo = lo * m if m > 1 else lo
                    ph = Phrase(ph.i - (1 if between else 0), other.j, None, lo, other.value)
                    ph.qualifier = "between" if between else None
        phrases.append(ph)
        i = max(ph.j, i + 1)
    return phrases


ZERO_WORDS = set(_NUM["zero_words"])  # "no soldiers were killed", "none of its men were taken prisoner"
ZERO_AS_DEAD = set(_NUM["zero_as_dead"])
ZERO_CATEGORIES = {"killed", "wounded", "captured", "missing"}  # what a denial of losses can count


def _half_dozen_end(doc, i: int) -> int:
    """The end of "half a dozen" / "half-a-dozen" starting at token i, or 0."""
    words = [t.lower_ for t in doc[i + 1:i + 5] if t.text != "-"]
    if words[:2] != ["a", "dozen"]:
        return 0
    return next(t.i + 1 for t in doc[i + 1:i + 5] if t.lower_ == "dozen")


def _zero_count(doc, i: int) -> bool:
    """A count of nobody: "no" before a person noun, "none of" a person noun ("none of its soldiers")."""
    t = doc[i]
    if t.lower_ not in ZERO_WORDS:
        return False
    if t.lower_ == "no":
        return t.dep_ == "det" and _is_people(t.head) and t.head.i > i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ == "of" and any(
        g.dep_ == "pobj" and _is_people(g) for c in t.children if c.lower_ == "of" for g in c.children)


def _excluded(doc, ph: Phrase, counted) -> bool:
    """Numbers that are not counts of people: dates, years, measures, ordinals, ages, money..."""
    first, last = doc[ph.i], doc[ph.j - 1]
    nxt = doc[ph.j] if ph.j < len(doc) else None
    nxt2 = doc[ph.j + 1] if ph.j + 1 < len(doc) else None
    prev = doc[ph.i - 1] if ph.i > 0 else None
    people = counted is not None and _is_people(counted) or _adjacent_category(doc, ph.j) is not None \
        or _tally_category(doc, doc[ph.i]) is not None or _governing_category(doc[ph.i]) is not None
    ent = last.ent_type_ or first.ent_type_
    if ent in ("PERCENT", "MONEY", "ORDINAL"):
        return True
    if ent in ("DATE", "TIME", "QUANTITY") and not people:
        return True
    raw = last.text
    if re.fullmatch(r"\d+(st|nd|rd|th)", raw.lower()) or ":" in raw or "/" in raw:
        return True
    if re.fullmatch(r"(1[6-9]|20)\d\d", raw) and (not people or (
            prev is not None and prev.lower_ in ("since", "in", "until", "till", "by", "before", "after", "from",
                                                  "during", "through") and not (nxt is not None and _is_people(nxt)))):
        return True  # a year ("has killed thousands since 2009": the year is no count)
    if nxt is not None:
        nl = nxt.lower_
        if nl in NOT_COUNT_NEXT or nl in MONTHS:
            return True
        if nl in ("-", "–") and nxt2 is not None and (nxt2.lower_ in NOT_COUNT_NEXT | SIZE_AFTER_HYPHEN
                                                      or nxt2.lower_.startswith("year")):
            return True  # "12-year-old", "nine-storey", "two-month", "a 140-man unit"
        if nl.startswith("year-") or nl.endswith("-old"):
            return True
        if nl in DIFFERENCE_WORDS and nxt2 is not None and nxt2.lower_ == "than":
            return True  # "four members, one more than it had first reported": a difference, not a count
    if prev is not None:
        pl = prev.lower_
        if pl in NOT_COUNT_PREV or pl in MONTHS:
            return True
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start and first.text.isdigit() \
                and not people and prev.i > 0 and doc[prev.i - 1].pos_ != "PUNCT":
            return True  # "told radio station Magik 9", "on Channel 4": a number in a name
        if pl in ("-", "–") and ph.i > 1 and doc[ph.i - 2].lower_ in NOT_COUNT_PREV:
            return True
    low = first.lower_
    if low == "one" and ph.j - ph.i == 1:
        # the pronoun "one", "one of the ...": not a count ("One killed", "one more soldier dies" are)
        if (counted is None or not people or (nxt is not None and nxt.lower_ == "of" and not _one_of_own(doc, ph))) and not (
                people and counted is None or nxt is not None and nxt.lower_ == "more"):
            return True
    return False


_singular = singular


def _one_of_own(doc, ph: Phrase) -> bool:
    """"one of its soldiers", "one of their fighters": one of a party's own men, a count of one (whether
    anything befell him the category decides; "one of their leaders said" is no count)."""
    after = doc[ph.j:ph.j + 3]
    return ph.value == 1 and len(after) == 3 and after[0].lower_ == "of" and after[1].lower_ in OWN_POSSESSIVES and _is_people(after[2])


def _is_people(tok) -> bool:
    lem = tok.lemma_.lower()
    low = tok.lower_
    return lem in PEOPLE_NOUNS or low in PEOPLE_NOUNS or _singular(low) in PEOPLE_NOUNS or (
        tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS") and tok.text[:1].isupper()) or (
        lem in ("head", "chief", "leader") and any(c.dep_ == "compound" and c.lemma_.lower() in _COMMUNITY_WORDS
                                                   for c in tok.children))  # "the village head"


def _counted(doc, ph: Phrase):
    """The noun the number counts, as written, or None when elided ('1,478 captured')."""
    last = doc[ph.j - 1]
    # the number token that carries the syntax (a multiplier may be the head: "1.5 million")
    head_tok = last
    for k in range(ph.i, ph.j):
        if doc[k].head.i < ph.i or doc[k].head.i >= ph.j:
            head_tok = doc[k]
            break
    h = head_tok.head
    if ph.j < len(doc) and doc[ph.j].text in ("-", "–", "—", ":") and doc[ph.j - 1].whitespace_:
        return None, head_tok  # "rises to 35 - Ukraine Health Ministry": the claimant follows, not the counted
    # (not a comparative further on: "the toll is at least 37 and likely higher" counts no "higher")
    if head_tok.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "npadvmod") and h.i >= ph.j and (
            h.pos_ in ("NOUN", "PROPN", "ADJ") or h.i - ph.j <= 3) and not (h.tag_ in ("JJR", "RBR") and h.i > ph.j):
        if any(t.like_num and t.dep_ == "conj" for t in doc[ph.j:h.i]):
            return None, head_tok  # "passed 7,000 and more than 19,000 people were hurt": the later count's noun
        nxt = doc[h.i + 1] if h.i + 1 < len(doc) else None
        if h.pos_ in ("PROPN", "ADJ") and fold(h.text) in demonyms() and nxt is not None and _is_people(nxt):
            return nxt, head_tok  # "Eleven Nigerien soldiers": the parse made the demonym the counted
        return h, head_tok
    # "100 of them", "dozens of civilians"
    for c in head_tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, head_tok
    # next token is a noun even if the parser attached it otherwise ("500 soldiers")
    nxt = doc[ph.j] if ph.j < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN",) and _is_people(nxt):
        return nxt, head_tok
    if nxt is not None and (nxt.pos_ == "ADJ" or _names_a_party(nxt)) and ph.j + 1 < len(doc) \
            and _is_people(doc[ph.j + 1]):
        return doc[ph.j + 1], head_tok  # "36 IS militants": the parser may take the group's acronym for a verb
    return None, head_tok


def _names_a_party(tok) -> bool:
    """A name or acronym that can stand before a person noun as its modifier ("TTP fighters", "IS militants")."""
    return tok.pos_ == "PROPN" or (len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha())


_PART_MARK = re.compile(r"\b(?:including|among them|among whom|of them|of whom|incl\.?)\b", re.I)


def _whole_of(people):
    """The people a sentence before counted, for a bare count after it: the last named outside a list
    of parts ("killing 38 people, among them seven women and four children. 52 were wounded": people)."""
    if not people:
        return None
    sent = people[0].sent
    whole = [t for t in people if not _PART_MARK.search(doc_text(sent.doc)[sent.start_char:t.idx])]
    return (whole or people)[-1]


def _category_near(tokens) -> str | None:
    for t in tokens:
        cat = LEMMA_CATEGORY.get(t.lemma_.lower()) or LEMMA_CATEGORY.get(t.lower_)
        if cat is None and t.text.istitle() and t.lower_.endswith("s"):
            cat = LEMMA_CATEGORY.get(t.lower_[:-1])  # a title-case headline's verb the tagger took for a name ("Kills")
        if cat == "troops" and t.pos_ != "VERB":
            continue  # the troop words are verbs: a railway "station", a "train", a "mass" grave
        if cat:
            return cat
    return None


# verbs that give a tally its value: "the toll has risen to 57", "the number stood at 30"
TALLY_VERBS = set(_CATS["tally_verbs"])


def _tally_category(doc, head_tok) -> str | None:
    """The category of a tally the number is the value of.

    "The death toll ... has risen to 57", "the number of injured stood at 30",
    "officials put the toll at 300": the number completes the tally noun phrase,
    so what the tally counts (its compounds, modifiers and "of" complement) is
    the category; a bare "toll" counts the dead.
    """
    node = head_tok.head if head_tok.dep_ == "nummod" else head_tok  # "has grown to 28 people": the noun's place
    if node.dep_ == "pobj" and node.head.lower_ in ("to", "at", "of") and node.head.head.i != node.head.i:
        verb = node.head.head
    elif node.dep_ in ("attr", "dobj", "oprd", "npadvmod", "appos"):
        verb = node.head
    else:
        return None
    if verb.lemma_.lower() not in TALLY_VERBS:
        return None
    # "the toll was estimated to be at least 200": the tally is the subject of the verb the clause completes
    around = list(verb.children) + (list(verb.head.children) if verb.dep_ == "xcomp" else [])
    for c in around:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj") or c.lemma_.lower() not in COUNT_NOUNS:
            continue
        # ("the number of people killed when the shell hit ...": the parser may hang the participle on the tally)
        words = [g for g in c.children if g.dep_ in ("compound", "amod", "nmod", "acl")]
        for g in c.children:
            if g.dep_ == "prep" and g.lower_ == "of":
                for o in g.children:
                    if o.dep_ == "pobj":
                        words.append(o)
                        # "the number of people killed": the participle says what happened
                        words.extend(x for x in o.children if x.dep_ in ("amod", "compound", "acl", "relcl"))
        if any(w.pos_ == "VERB" and _exchange_verb(w) for w in words) and _names_exchange(head_tok.sent):
            return "captured"  # "the number of prisoners freed in the exchange has risen to 161"
        cat = _category_near(words)
        if cat:
            return cat
        if c.lemma_.lower() == "toll":
            return "killed"
    return None


def _chain_category(doc, head_tok, counted) -> str | None:
    """Category from the counted noun, its modifiers and the verbs that govern the number."""
    seen = []
    if counted is not None:
        seen.append(counted)
        # ("killed 12 soldiers and others injured": the parser may hang the participle of "others" on the counted
        # noun; a modifier after "others" is theirs, while "four soldiers and two civilians wounded" share theirs)
        conj_at = min((c.i for c in counted.children if c.dep_ == "conj" and c.lemma_.lower() == "other"), default=None)
        own = [c for c in counted.children if conj_at is None or c.i < conj_at or c.dep_ not in ("acl", "relcl")]
        seen.extend(c for c in own if c.dep_ in ("amod", "acl", "relcl", "compound") and c.i != head_tok.i)
        for c in own:
            if c.dep_ in ("acl", "relcl"):
                seen.extend(g for g in c.children if g.dep_ in ("acomp", "xcomp", "oprd", "dobj", "attr"))
    node = counted if counted is not None else head_tok
    steps = 0
    while steps < 6 and node.head.i != node.i:
        steps += 1
        node = node.head
        seen.append(node)
        if node.pos_ in ("VERB", "AUX"):
            seen.extend(c for c in node.children if c.dep_ in ("acomp", "xcomp", "oprd", "attr", "dobj", "nsubj", "nsubjpass")
                        and c.i > min(head_tok.i, node.i) - 3)
            # "holding two soldiers as prisoners of war": what the verb holds them as, before any verb it is joined to
            seen.extend(g for c in node.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj")
            # "were surprised and killed with machetes": a verb joined to the complement, before any verb
            # joined to the clause (which may be another count's: "... and several others were injured")
            seen.extend(g for c in node.children if c.dep_ in ("xcomp", "acomp")
                        for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB")
            # a second verb that shares the subject: "laid down their arms and surrendered" (not when the verb
            # says it already: "killed 30 soldiers ... and left the town")
            if not _word_category(node):
                seen.extend(c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
            for c in node.children:
                if c.dep_ in ("xcomp", "acomp"):
                    seen.extend(g for g in c.children if g.dep_ in ("xcomp", "acomp", "oprd"))
            if node.lemma_ in ("say", "tell", "claim", "report", "add", "announce", "state"):
                break
            if node.dep_ not in ("xcomp", "aux", "auxpass", "conj", "relcl", "acl"):
                break
    # "killed 20 locally mobilised militia members": a troop word on the counted says who they are, the
    # verb that governs them what happened to them
    status = [t for t in seen[1:] if counted is not None and t.head.i == counted.i and t.dep_ == "amod"
              and LEMMA_CATEGORY.get(t.lemma_.lower()) == "troops"]
    # "killing three rescue workers": a noun compounded with the counted one says who they are, too
    status += [t for t in seen[1:] if counted is not None and t.head.i == counted.i and t.dep_ == "compound"
               and t.pos_ == "NOUN" and t.i < counted.i and _is_people(counted)]
    acts = [t for t in seen if t not in status]
    return _phrase_category(acts) or _category_near(acts) or _phrase_category(seen) or _category_near(seen)


def _exchange_verb(tok) -> bool:
    """'swapped', 'were handed over', 'came home': a verb that hands people over (categories.json, exchange)."""
    lemma = tok.lemma_.lower()
    if (lemma,) in EXCHANGE_VERBS:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (lemma, nxt.lower_) in EXCHANGE_VERBS:
        return True  # "handed over 195 troops": the parser may hang the particle on the number
    return any((lemma, c.lower_) in EXCHANGE_VERBS for c in tok.children if c.dep_ in ("prt", "advmod", "npadvmod", "dobj"))


def _names_exchange(sent) -> bool:
    """The sentence names an exchange of prisoners ('in the swap'), not an exchange of fire."""
    for t in sent:
        if t.lemma_.lower() not in EXCHANGE_NOUNS and t.lower_ not in EXCHANGE_NOUNS:
            continue
        if t.pos_ == "VERB":
            return True
        nxt = [x.lower_ for x in t.doc[t.i + 1:min(t.i + 3, sent.end)]]
        if not (nxt[:1] == ["of"] and nxt[1:2] and nxt[1] in NOT_EXCHANGE_AFTER):
            return True
    return False


EXCHANGE_REACH = 3  # sentences before a figure that may name the exchange it counts


def _exchange_category(doc, head_tok, counted, sents) -> str | None:
    """People handed over in an exchange are prisoners exchanged: 'captured'.

    "134 servicemen were handed over in the swap", "both sides swapped 90 soldiers",
    "The sides exchanged prisoners. ... 230 soldiers were back home": the verb that governs
    the number hands people over or brings them home, and the exchange is named in its
    sentence or one of the few before (or the verb is the exchange itself)."""
    node = counted if counted is not None else head_tok
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.pos_ not in ("VERB", "AUX") or not _exchange_verb(node):
        return None
    if node.lemma_.lower() in EXCHANGE_NOUNS or any(_names_exchange(s) for s in sents):
        return "captured"
    return None


_MOVES = _CATS["movement_rules"]
_MOVE_PLACE_NOUNS = frozenset(_MOVES["place_nouns"])


def _moves(t, rule) -> bool:
    """Whether the verb t does what a movement rule says (lexicons/categories.json, movement_rules)."""
    if t.lemma_ not in rule["verbs"]:
        return False
    if "in_subtree" in rule:
        return any(w.lemma_ in rule["in_subtree"] for w in t.subtree)
    if "child" in rule:
        return any(c.lemma_ in rule["child"] for c in t.children)
    if rule.get("out"):
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children)  # "brought out", "taken out"
    if rule.get("place_object"):  # "left Mariupol in private cars"
        return any(c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or c.lemma_ in _MOVE_PLACE_NOUNS)
                   for c in t.children)
    return False


def _phrase_category(tokens) -> str | None:
    """Movements that say what happened: 'left through a corridor' is an evacuation."""
    for t in tokens:
        for rule in _MOVES["rules"]:
            if _moves(t, rule):
                return rule["category"]
    return None


def _context_people(doc, ph: Phrase, sent):
    """The nearest person noun before the number in its sentence (for elided counts)."""
    governing = {a.i for a in doc[ph.i].ancestors}
    counters = [t for t in doc[sent.start:ph.i] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in governing
                and t.head.lemma_ in ("put", "say", "claim", "estimate", "report", "tell", "add", "count", "number")]
    # (nor are the words of the counter's name: "the prisoners' committee put the total at 480")
    in_counter = {w.i for c in counters for w in c.subtree}
    for t in reversed(list(doc[sent.start:ph.i])):
        if t.i in in_counter:
            continue  # the counter is not the counted: "the Russians put the number at 2,000"
        if t.pos_ in ("NOUN", "PROPN") and _is_people(t) and t.dep_ != "compound":
            if t.dep_ == "pobj" and t.head.lower_ == "by":
                continue  # "the toll from the assault launched by jihadists ... rose to 69": who attacked
            if _held_by(t):
                continue  # "a rebel-held town": who holds the place, not who was counted
            if _in_other_clause(t, governing):
                continue  # "the toll from a strike that targeted several commanders has risen to 45": who was aimed at
            return t  # not "a refugee camp": a noun that modifies another names no one counted
    for t in doc[ph.j:sent.end]:
        if t.text in ("-", "–", "—") and t.i > 0 and doc[t.i - 1].whitespace_:
            break  # "Blast kills 12 at market - police": a headline's source after the dash is no one counted
        if t.lower_ in _PART_WORDS:
            break  # "has risen to 31, including seven women": the people after it are parts of the count, not its noun
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in REPORTING_LEMMAS | {"tell", "add", "announce", "state"}:
            continue  # "... rose to 85, officials said": the counter is not the counted
        if t.pos_ in ("NOUN",) and _is_people(t) and t.lemma_ not in ("death", "body") and t.dep_ != "compound":
            return t  # not the "police" of "the police spokesman said"
    return None


_PART_WORDS = {"including", "among", "incl"}


def _in_other_clause(tok, governing: set[int]) -> bool:
    """The noun sits in a relative or participial clause that does not govern the number and tells no act of
    the count ("a strike that targeted commanders"; not "the attack that killed soldiers")."""
    return any(a.dep_ in ("relcl", "acl") and a.i not in governing and _word_category(a) is None
               for a in tok.ancestors)


def _held_by(tok) -> bool:
    """A noun joined by a hyphen to a participle ("rebel-held", "government-controlled"): part of an adjective."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i].whitespace_ \
        and doc[tok.i + 2].tag_ == "VBN"


def _agent_of_the_act(counted) -> bool:
    """The counted are the subject of an active verb of the act that has an object of its own ("gunmen shot
    dead a police officer", "three attackers wounded a guard"; the tagger may make "dead" the head)."""
    if counted is None or counted.dep_ != "nsubj":
        return False
    verb = counted.head
    # ("four soldiers embraced martyrdom": an object that is itself the death is no victim of theirs)
    return verb.pos_ in ("VERB", "ADJ") and _word_category(verb) in ("killed", "wounded", "captured") \
        and any(c.dep_ == "dobj" and not _word_category(c) for c in verb.children) \
        and not any(c.dep_ == "auxpass" for c in verb.children)


def _is_counter(tok) -> bool:
    """The subject of a reporting verb ("..., police said"): who counts, not who was counted."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in REPORTING_LEMMAS | {"tell", "add", "announce", "state"}


def _group(tok) -> str:
    if tok is None:
        return "people"
    lem = tok.lemma_.lower()
    for c in tok.children:  # "members of one family", "relatives of soldiers": whose members
        for g in (c.children if c.dep_ == "prep" and c.lower_ == "of" else ()):
            if g.dep_ == "pobj" and g.i != tok.i and _group(g) != "people":
                return _group(g)
            if g.dep_ == "pobj" and g.pos_ == "PROPN" and camp(_compound_text(g)) == "nonstate":
                return "combatants"  # "members of <an armed group>"
    if lem not in COMBATANT_NOUNS | CIVILIAN_NOUNS and any(
            c.dep_ in ("compound", "amod", "poss") and c.i < tok.i and (c.pos_ == "PROPN" or c.text.isupper())
            and camp(_compound_text(c)) == "nonstate" for c in tok.children):
        return "combatants"  # "12 <armed group> members"
    if lem in COMBATANT_NOUNS or tok.lower_ in COMBATANT_NOUNS or _singular(tok.lower_) in COMBATANT_NOUNS:
        return "combatants"
    if lem not in CIVILIAN_NOUNS and any(c.dep_ in ("compound", "amod") and c.i < tok.i and c.lemma_.lower() in COMBATANT_NOUNS
                                         for c in tok.children):
        return "combatants"  # "20 militia members", "five army personnel"
    if lem in CIVILIAN_NOUNS or tok.lower_ in CIVILIAN_NOUNS or _singular(tok.lower_) in CIVILIAN_NOUNS:
        return "civilians"
    for c in tok.children:
        if c.lower_ in ("civilian", "innocent"):
            return "civilians"
        if c.lower_ in ("military", "ukrainian-army", "army"):
            return "combatants"
    return "people"


def _compound_text(tok) -> str:
    """A proper name with the compounds before it ("National Liberation Army")."""
    left = min([c.left_edge.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.i])
    return tok.doc[left:tok.i + 1].text


def _group_side(doc, tok) -> str | None:
    if tok is None:
        return None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i]
    for c in mods:
        side = side_of(c.text)
        if side in ("RUS", "UKR", "USA", "GBR", "BLR", "POL") or side and side not in ("INT", "MEDIA"):
            return side
    if tok.ent_type_ == "NORP" or tok.lower_ in ("ukrainians", "russians"):
        return side_of(tok.text)
    return None


_SIDE_PHRASE_RE = re.compile(load("people")["side_phrase"]["pattern"], re.I)


def _side_named_in(sentence: str) -> str | None:
    """The side whose people a sentence counts when it says so ("civilians killed on the Indian side", "On the
    Pakistani side, ... raising its toll to three"): one side named so, else None."""
    sides = {side_of(m.group(1)) for m in _SIDE_PHRASE_RE.finditer(sentence)}
    sides.discard(None)
    return sides.pop() if len(sides) == 1 and not sides & {"INT", "MEDIA"} else None


def extract(ctx: Context) -> list[Figure]:
    doc = ctx.doc
    text = ctx.text  # doc.text, joined once per piece by the Context
    leads = _lead_spans(text)
    # "Two members of the council said": the people who speak are not a count of victims
    speakers = [(st.speaker_start, st.speaker_end) for st in ctx.statements if st.speaker_start is not None]
    phrases = []
    for ph in _find_phrases(doc):
        if _in_spans(leads, doc[ph.i].idx):
            # "UPDATE 2-Thirteen": the tag's number is not a count, the one after it may be
            rest = [t.i for t in doc[ph.i:ph.j] if not _in_spans(leads, t.idx)]
            ph = _parse_run(doc, rest[0]) if rest else None
        if ph is not None and not _in_spans(speakers, doc[ph.i].idx):
            phrases.append(ph)
    phrases += _implicit_victims(doc, phrases, leads)
    phrases.sort(key=lambda ph: ph.i)
    sents = ctx.sentences
    sent_of = {}
    for k, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of[t] = k
    out: list[Figure] = []
    for ph in phrases:
        fig = _figure(ctx, doc, text, ph, sents, sent_of, out)
        if fig is not None:
            out.append(fig)
    _link_subsets(doc, text, out)
    _link_rest_of_parts(text, out)
    _link_day_parts(text, out, doc)
    _carry_toll_places(text, out)
    _carry_claims(ctx, sents, sent_of, out)
    _claims_told_after(ctx, sents, sent_of, out)
    _mark_unverified(text, sents, out)
    _tell_times(ctx, out)
    return out


def _tell_times(ctx: Context, figures: list[Figure]) -> None:
    """Each figure's time of day, the best the text gives (see Figure.time): what orders two counts of one day."""
    article = ctx.article.text
    entries, stamp = times.entry_starts(article), times.report_stamp(article)
    for f in figures:
        sentence = f.sentence or ""
        at = times.count_time(sentence, max(sentence.find(f.text), 0))
        if at is None and entries:
            at = times.entry_stamp(article, f.start + ctx.offset, entries)
        f.time = times.clock(stamp if at is None else at)


_lead_spans = lead_spans  # wire furniture at the start of each line ("UPDATE 2-", "(Reuters) -", "Live Day 273:")


def _in_spans(spans, pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


# words that may stand between a count and what happened to it: "Two more Ukrainian soldiers were killed"
_BETWEEN = {"more", "other", "others", "people", "were", "was", "are", "is", "have", "has", "been", "being",
            "reportedly", "reported", "allegedly", "possibly", "also", "later", "all", "of", "them", "said",
            "believed", "feared", "confirmed",
            "made", "left", "rendered"}  # "2.5 million made homeless", "thousands left homeless"


_LONGEST_CATEGORY_PHRASE = max(len(k.split()) for k in LEMMA_CATEGORY)


def _category_phrase_at(tok) -> str | None:
    """A category phrase starting at tok ("shot dead", "gunned down", "sent to hell"), read on lemmas
    past quotation marks."""
    words = [t for t in tok.doc[tok.i:tok.i + 2 * _LONGEST_CATEGORY_PHRASE] if not t.is_quote][:_LONGEST_CATEGORY_PHRASE]
    for n in range(len(words), 1, -1):
        cat = LEMMA_CATEGORY.get(" ".join(t.lemma_.lower() for t in words[:n])) \
            or LEMMA_CATEGORY.get(" ".join(t.lower_ for t in words[:n]))  # headlines: "shot" as a noun
        if cat is not None:
            return cat
    return None


def _word_category(tok) -> str | None:
    cat = _category_phrase_at(tok) or LEMMA_CATEGORY.get(tok.lemma_.lower()) or LEMMA_CATEGORY.get(tok.lower_)
    if cat is None and tok.lower_.endswith(("ies", "ied")):
        cat = LEMMA_CATEGORY.get(tok.lower_[:-3] + "ie")  # "dies", "died" parsed as nouns in headlines
    return None if cat in ("troops", "trapped") else cat


def _verb_before(doc, ph, sent) -> str | None:
    """'... and displaced millions': the verb right before a coordinated number says what happened to
    it, whatever the parse joined it to (it often makes 'millions' a conjunct of the killed)."""
    k = ph.i - 1
    if k < sent.start or doc[ph.i].dep_ != "conj" or doc[k].pos_ not in ("VERB", "ADJ"):
        return None
    return _word_category(doc[k])


def _governing_category(tok) -> str | None:
    """The killing word of the verb that governs a number ("kills at least one - witness")."""
    for a in list(tok.ancestors)[:2]:
        if a.pos_ in ("VERB", "AUX"):
            return _word_category(a)
    return None


def _adjacent_category(doc, i: int, limit: int = 6) -> str | None:
    """What happened to the people counted just before token i: 'four killed', 'two more soldiers die'.

    Skips adjectives, person nouns and auxiliaries ("Three Ukrainian servicemen were
    killed"); stops at anything else. Killing words take precedence over the parse,
    which headlines often defeat ("Two shot dead", "protester dies").
    """
    n = len(doc)
    k = i
    while k < n and k - i <= limit:
        t = doc[k]
        if t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.i > t.i and _is_people(t.head):
            k += 1
            continue  # "three rescue workers", "two prison guards": who they are, not what befell them
        cat = _word_category(t)
        if cat:
            return cat
        if t.lower_ in _BETWEEN or t.pos_ in ("ADJ", "PROPN", "DET") and t.lower_ not in ("as", "in") \
                or _is_people(t) or t.dep_ == "compound" or t.text in ("-", "’s", "'s"):
            k += 1
            continue
        return None
    return None


_IMPLICIT_OK = {"person", "victim"}
_VICTIM_NOUNS = frozenset(CIVILIAN_NOUNS | COMBATANT_NOUNS)  # joined once, not per token
_IMPLICIT_LEMMAS = _VICTIM_NOUNS | _IMPLICIT_OK


_COMMUNITY_WORDS = frozenset({"village", "community", "clan", "tribal", "ward", "traditional"})


def _implicit_victims(doc, phrases, leads) -> list[Phrase]:
    """Single victims written without a number: 'Woman killed', 'a soldier died of wounds' (value 1)."""
    taken = set()
    for ph in phrases:
        taken.update(range(ph.i, ph.j + 4))
    out = []
    for t in doc:
        if t.i in taken or t.tag_ not in ("NN", "NNP") or t.dep_ == "compound" or _in_spans(leads, t.idx):
            continue
        low = _singular(t.lower_)
        village_head = low in ("head", "chief", "leader") and any(
            c.dep_ == "compound" and c.lemma_.lower() in _COMMUNITY_WORDS for c in t.children)
        if not (t.lemma_.lower() in _IMPLICIT_LEMMAS or low in _VICTIM_NOUNS or village_head):
            continue  # ("killed the village head": a community's leader, one victim)
        if low in ("official", "force", "forces", "militia", "staff", "family", "crew", "personnel", "police"):
            continue
        dets = [c for c in t.children if c.dep_ in ("det", "nummod", "poss")]
        if any(c.lower_ not in ("a", "an", "another") and not (village_head and c.lower_ == "the") for c in dets):
            continue
        if _names_a_source(doc, t):
            continue
        cat = _adjacent_category(doc, t.i + 1, limit=3)
        if cat is None and t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB" and dets \
                and any(c.dep_ == "conj" for c in t.children):
            cat = _word_category(t.head)  # "A 64-year-old woman and a 58-year-old man died": each of them
        if cat is None and t.dep_ == "dobj" and t.head.pos_ == "VERB" and dets:
            cat = _word_category(t.head)  # "..., wounding a resident", "gunmen shot dead a farmer"
        if cat is None and dets and t.i + 1 < len(doc) and doc[t.i + 1].text == ",":
            # "a youth, said to be a village volunteer, was killed": the verb after the aside (the parse often
            # makes a main clause of "said to be")
            close = next((k for k in range(t.i + 2, min(t.i + 14, t.sent.end)) if doc[k].text == ","), None)
            if close is not None:
                cat = _adjacent_category(doc, close + 1, limit=3)
        if cat not in ("killed", "wounded", "captured", "missing"):
            continue
        start = min([c.i for c in t.children if c.dep_ in ("amod", "compound", "det") and c.i < t.i] + [t.i])
        ph = Phrase(start, t.i + 1, 1, 1, 1)
        ph.implicit = True
        out.append(ph)
    return out


_CUE_LEMMAS = frozenset(SPEECH["cue_verbs"])
_SOURCE_LIST = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PUNCT", "CCONJ", "ADP", "NUM"})


def _names_a_source(doc, t) -> bool:
    """'Another police officer confirmed the toll', '..., a government-allied vigilante, a government and a
    security source said': the person is who told it (the subject of a speech verb, or one of a list of
    sources ending in one), not one more victim."""
    if t.i + 1 < len(doc) and _word_category(doc[t.i + 1]):
        return False  # "serviceman killed in shelling, says militia": the victim, whatever the parse
    if t.dep_ in ("nsubj", "conj") and t.head.lemma_.lower() in _CUE_LEMMAS:
        return True
    for k in range(t.i + 1, min(len(doc), t.i + 16)):
        u = doc[k]
        if u.pos_ in ("VERB", "AUX"):
            between = doc[t.i + 1:u.i]
            # a list of sources ("X, Y and Z said"), none of them one more victim ("a farmer and a child, police said")
            return u.lemma_.lower() in _CUE_LEMMAS and any(w.pos_ == "CCONJ" for w in between) \
                and any(w.text == "," for w in between) and not any(
                    w.pos_ in ("NOUN", "PROPN") and w.dep_ != "compound" and _singular(w.lower_) in _VICTIM_NOUNS
                    for w in between)
        if u.pos_ not in _SOURCE_LIST and u.tag_ != "VBN":
            return False
    return False


def _counts_things(sent) -> bool:
    """The sentence counts things, not people ("intercepted 16 Ukrainian drones")."""
    counted = [t.head for t in sent if t.dep_ == "nummod" and t.head.pos_ == "NOUN" and t.head.tag_ == "NNS"
               and ":" not in t.text]  # (not a live blog's "14:15" heading)
    return bool(counted) and not any(_is_people(t) for t in counted)


def _list_category(counted, earlier) -> str | None:
    """'the death toll, including two police officers, two private guards and three workers': a count listed
    after another shares what befell the first of the list."""
    if counted is None or counted.dep_ != "conj":
        return None
    told = [t for t in counted.doc[counted.i + 1:counted.i + 5] if t.pos_ not in ("PUNCT", "CCONJ")]
    if any(_word_category(t) for t in told):
        return None  # "... among those killed, and at least 16 others seriously injured": it says its own
    first = counted.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prev = next((f for f in earlier if f.start <= first.idx < f.end), None)
    return prev.category if prev is not None and prev.category in ("killed", "wounded", "missing", "captured") else None


def _counts_bodies(counted) -> bool:
    """'seven bodies', 'the corpses of 20 people': a count of the dead."""
    if counted is None:
        return False
    if counted.lemma_.lower() in BODY_NOUNS or counted.lower_ in BODY_NOUNS:
        return True
    of = counted.head
    return counted.dep_ == "pobj" and of.lower_ == "of" and (of.head.lower_ in BODY_NOUNS or of.head.lemma_.lower() in BODY_NOUNS)


def _figure(ctx: Context, doc, text: str, ph: Phrase, sents, sent_of, earlier=()) -> Figure | None:
    if getattr(ph, "implicit", False):
        counted, head_tok = doc[ph.j - 1], doc[ph.j - 1]
    else:
        counted, head_tok = _counted(doc, ph)
        if _excluded(doc, ph, counted):
            return None
    sent = sents[sent_of.get(ph.i, 0)]
    adjacent = _adjacent_category(doc, ph.j)
    if adjacent is None and counted is not None and not _is_people(counted) and counted.pos_ != "PRON":
        if counted.lemma_.lower() not in COUNT_NOUNS:
            return None  # three buses, two ultimatums, 30 metres
    start_tok = _bounds(doc, text, ph, sent, counted)
    elided = counted is None or counted.lemma_.lower() in COUNT_NOUNS or counted.pos_ == "PRON"
    ref = counted
    k = sent_of.get(ph.i, 0)
    if elided:
        ref = _context_people(doc, ph, sent)
        if ref is None and k > 0 and (counted is None or counted.pos_ == "PRON") \
                and not _names_a_toll(text, sent, doc[ph.i].idx):
            # "100 of them": the people of the sentence before
            prev_people = [t for t in sents[k - 1] if t.pos_ in ("NOUN", "PROPN") and _is_people(t) and not _is_counter(t)]
            ref = _whole_of(prev_people)
    category = adjacent or _verb_before(doc, ph, sent) or _tally_category(doc, head_tok) \
        or _toll_before(text, sent, doc[ph.i].idx) \
        or _exchange_category(doc, head_tok, counted, sents[max(0, k - EXCHANGE_REACH):k + 1]) \
        or _chain_category(doc, head_tok, counted) or _whole_category(doc, ph, sent) \
        or _among_those_category(text, counted, sent) or _clause_category(doc, ph, sent)
    if head_tok.dep_ in ("nsubj", "nsubjpass") and counted is not None and counted.dep_ == "pobj" \
            and _word_category(head_tok.head) in ("killed", "missing", "captured") and _word_category(counted) != _word_category(head_tok.head):
        category = _word_category(head_tok.head)  # "Five of the wounded succumbed": they died
    if category != "killed" and _counts_bodies(counted):
        category = "killed"  # "helped evacuate the corpses of 20 people": the dead, whatever was done with them
    elif counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of" \
            and counted.head.head.pos_ == "NOUN" and (of_cat := _word_category(counted.head.head)) in (
                "displaced", "wounded", "captured", "missing", "evacuated"):
        category = of_cat  # "resulted in the displacement of at least 3,000 people"
    if category in ("killed", "wounded", "captured") and _agent_of_the_act(counted):
        category = "other"  # "Two gunmen on a motorcycle shot dead a police officer": who did it, not who died
    population = bool(POPULATION.search(text[sent.start_char:sent.end_char]))
    group = _group(ref)
    if category is None and counted is None:
        # "20 were injured on Sunday, followed by 39 on Monday": a bare number continues the count before it
        same = [f for f in earlier if sent.start_char <= f.start < doc[ph.i].idx]
        if same:
            category, group = same[-1].category, same[-1].group
    if population and category in (None, "trapped"):
        category = "other"
    toll_named = ref is None and counted is None and _names_a_toll(text, sent, doc[ph.i].idx)
    if toll_named:
        group = _toll_group(earlier, category) or group
    if ref is None and elided and k > 0 and counted is None and not toll_named:
        # "Yesterday it was seven.": the people of the sentence before ("counting the dead")
        prev_people = [t for t in sents[k - 1] if _is_people(t) and not _is_counter(t)
                       and (t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("dobj", "pobj", "nsubj", "attr"))]
        ref = _whole_of(prev_people)
        group = _group(ref)
    if ref is not None and category is None and ref.i < sent.start:  # (the people of a sentence before)
        category = LEMMA_CATEGORY.get(ref.lemma_.lower()) or LEMMA_CATEGORY.get(ref.lower_)
    if category is None and elided and ref is None:
        return None  # a bare number with no people in sight
    if counted is None and ref is None and k > 0 and doc[ph.j - 1].dep_ in ("nsubj", "nsubjpass") \
            and _counts_things(sents[k - 1]):
        return None  # "It intercepted 16 drones. Fifteen were destroyed ...": the things counted before
    if category in (None, "troops", "other"):
        category = _list_category(counted, earlier) or category
    if category is None and counted is not None and counted.dep_ == "attr" and counted.head.lemma_ == "be" \
            and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in counted.head.children):
        category = "other"  # "We were 70 families inside the walls": who was there, not what befell them
    category = _fallback_category(ph, category, group, counted, earlier, sents, sent_of, population)
    if ph.value == 1 and doc[ph.i].lower_ in ("one", "a", "an", "single") and category == "other":
        return None  # "One woman told reporters": a person, not a count
    if not getattr(ph, "implicit", False) and _one_of_own(doc, ph) and category not in ("killed", "wounded", "captured", "missing"):
        return None  # "one of their commanders said": a person, not a count of what befell him
    if getattr(ph, "zero", False) and counted is not None and counted.lower_ in ZERO_AS_DEAD:
        category = "killed"  # "no civilian casualties": nobody killed (nor wounded)
    if getattr(ph, "zero", False) and category not in ZERO_CATEGORIES:
        return None  # "no troops deployed", "no civilians left": only a denial of losses counts nobody
    return _make_figure(ctx, doc, text, ph, sent, start_tok, counted, ref, category, group)


_TOLL_BEFORE = re.compile(toll_rise() + r"\s+(?:to|at)?\s*(?:over|more than|at least|nearly|almost|some|about)?\s*$",
                          re.I)


_TOLL_TOLD = re.compile(toll_rise(), re.I)


# "the death toll is at least 37": a toll told as it stands, not as risen (only figures read it: fusion's toll_rise
# tells a source revising its toll)
_TOLL_IS = re.compile(r"\btoll\s+(?:is|was|now\s+is|is\s+now)\s+(?:at\s+)?(?:over|more than|at least|nearly|almost|"
                      r"some|about|around)?\s*$", re.I)
_TOLL_NOUN = re.compile(r"\b(?:" + "|".join([re.escape(n).replace(r"\ ", r"\s+") for n in _CATS["toll_rise"]["nouns"]]
                                              + _CATS["toll_rise"]["counted_nouns"]) + r")\b", re.I)


def _toll_before(text: str, sent, start: int) -> str | None:
    """'Death toll from the dam collapse rises to 57' when the parse misses the tally, 'the death toll is at least
    37': killed."""
    before = text[sent.start_char:start]
    return "killed" if _TOLL_BEFORE.search(before) or _TOLL_IS.search(before) else None


def _toll_group(earlier, category: str | None) -> str | None:
    """The group of the toll a report told before, for a bare "put the toll at 29" after "the number of civilians
    killed has risen to 29": the last count of that category told as a toll with its own noun."""
    for f in reversed(list(earlier)):
        if f.category == category and f.counted and f.sentence and _TOLL_NOUN.search(f.sentence) \
                and fold(f.counted) in fold(f.sentence):
            return f.group
    return None


def _names_a_toll(text: str, sent, start: int) -> bool:
    """The sentence names a toll before the number ("The death toll in <a long clause> has risen to 87"): a bare
    number is the toll's dead, not the people of the sentence before."""
    return bool(_TOLL_NOUN.search(text[sent.start_char:start]))


def _bounds(doc, text: str, ph: Phrase, sent, counted) -> int:
    """Qualifiers before ("more than 4,000") and after ("20 or more") the number; the first token of the evidence."""
    start_tok = ph.i
    _qualify(doc, ph, text[max(sent.start_char, doc[ph.i].idx - 40):doc[ph.i].idx])
    if ph.qualifier and ph.qualifier != "between":
        start_tok = max(sent.start, ph.i - len(ph.qualifier.split()))
    after_i = max(ph.j, counted.i + 1 if counted is not None and counted.i >= ph.j else ph.j)
    after = " ".join(t.lower_ for t in doc[after_i:min(after_i + 2, sent.end)])
    right_after = " ".join(t.lower_ for t in doc[ph.j:min(ph.j + 2, sent.end)])
    if right_after in ("or more", "or fewer", "or less"):
        after = right_after  # "Ten or more soldiers died": the qualifier before the counted noun
    if ph.value is not None and not ph.qualifier:
        if after.startswith("at most") or after.startswith("or fewer") or after.startswith("or less"):
            ph.qualifier, ph.low, ph.high = after[:7].strip(), None, ph.value
        elif after.startswith("at least") or after.startswith("or more") or after.startswith("and counting"):
            ph.qualifier, ph.low, ph.high = after.strip(), ph.value, None
    return start_tok


# what may stand in a list of counts before the word that says what happened to all of them:
# "3 rebels, 2 civilians killed", "13, including two children, killed"
_LIST_WORDS = {",", "and", "including", "among", "them", "incl", "plus"}


_AMONG_AFTER = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:those|the)\b[^.;]{0,60}?\b"
                          r"(killed|dead|wounded|injured|hurt|victims)\b", re.I)


def _among_those_category(text: str, counted, sent) -> str | None:
    """'three children were among those the rebels said were killed': what happened to those."""
    if counted is None:
        return None
    last = counted
    while (conj := next((c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)) is not None:
        last = conj  # "10 women and three infants were among those killed": the whole list
    m = _AMONG_AFTER.match(text, last.idx + len(last.text), sent.end_char)
    return _AMONG_CATEGORY[m.group(1).lower()] if m else None


def _whole_category(doc, ph: Phrase, sent) -> str | None:
    """'All of the martyrs are from one family, including seven children': a part of a whole that a word
    before it counts as dead or wounded, with no number of its own, has the whole's category."""
    if ph.i == 0 or doc[ph.i - 1].lower_ not in ("including", "among") or ph.i - 1 <= sent.start:
        return None
    for t in reversed(list(doc[sent.start:ph.i - 1])):
        if t.like_num and t.lower_ != "one":
            return None  # a count before: the subset rules link the part to it ("one family" counts no one)
        if t.pos_ == "NOUN":
            category = _word_category(t)
            if category in ("killed", "wounded"):
                return category
    return None


def _clause_category(doc, ph: Phrase, sent) -> str | None:
    """Category from the words beside the number: right up to the next number, across a list, then left."""
    right = []
    for t in doc[ph.j:min(sent.end, ph.j + 8)]:
        if t.like_num or t.lower_ in (";",):
            break
        right.append(t)
    category = _category_near(right)
    if category is None:
        k = ph.j
        while k < min(sent.end, ph.j + 14):
            t = doc[k]
            if t.lower_ in _LIST_WORDS or t.like_num or _is_people(t) or t.pos_ in ("ADJ", "DET"):
                k += 1
                continue
            category = _word_category(t)
            break
    if category is None:
        left = []
        for t in reversed(list(doc[max(sent.start, ph.i - 6):ph.i])):
            if t.like_num:
                break
            left.append(t)
        category = _category_near(left)
    return category


_IN_CARE = re.compile(r"^[^.;]{0,40}?\b(?:in|at|under)\s+(?:the\s+|a\s+)?(?:" + "|".join(_CATS["in_care"]) + r")\b", re.I)


def _fallback_category(ph, category, group, counted, earlier, sents, sent_of, population) -> str:
    if category == "trapped" and _IN_CARE.search(doc_text(sents[0].doc)[sents[0].doc[ph.j - 1].idx:]):
        category = "wounded"  # "of whom 15 remain in hospital": the hurt still treated, no one trapped
    if category in ("trapped",) and group == "combatants":
        category = "troops"
    if category is None and group == "combatants":
        category = "troops"
    k = sent_of.get(ph.i, 0)
    if category is None and counted is not None and counted.pos_ == "PRON" and counted.lower_ in PARTITIVE_PRONOUNS:
        # "Eight of them were children": a part of the figure just before shares its category
        antecedent = _antecedent(earlier, sents, k, counted.doc[ph.i].idx)
        if antecedent is not None:
            category = antecedent.category
    if category is None and not population:
        # people counted without a telling word: the two sentences before say what happened
        for back in (k - 1, k - 2):
            if back < 0:
                break
            s = sents[back]
            # only nouns ("evacuees", "the dead") and movements: a verb about other people misleads
            cats = [LEMMA_CATEGORY.get(t.lemma_.lower()) for t in s if t.pos_ == "NOUN" or t.dep_ in ("dobj", "nsubj", "pobj")]
            cats = [c for c in cats if c and c not in ("troops",)]
            phrase = _phrase_category(list(s))
            if _TOLL_TOLD.search(s.text):
                category = "killed"  # "The toll ... rose to 44. The department had put the number at 39."
                break
            if phrase or cats:
                category = phrase or cats[-1]
                break
    return category or "other"


def _make_figure(ctx: Context, doc, text: str, ph: Phrase, sent, start_tok: int, counted, ref, category, group) -> Figure:
    start = doc[start_tok].idx
    end_tok = doc[ph.j - 1]
    end = end_tok.idx + len(end_tok.text)
    # include the counted noun when it directly follows ("4,000 Ukrainian soldiers")
    if counted is not None and counted.i >= ph.j and counted.i - ph.j <= 3 and counted.i < sent.end:
        end = counted.idx + len(counted.text)
    stm = ctx.statement_at(start, end)
    source = ctx.article.source
    inner = _relative_claimant(counted) or _figure_of(text, start) \
        or _tally_by(text[sent.start_char:start], text[end:sent.end_char])
    if inner and inner[1] is None and is_state_body(inner[0]):
        inner = (inner[0], ctx.report_country())  # "a toll of 17 provided by police": the report's country's
    fig = Figure(
        id=ctx.make_id("fig", start, end),
        article_id=ctx.article.id,
        text=text[start:end],
        start=start,
        end=end,
        value=ph.value if not ph.vague else None,
        low=ph.low,
        high=ph.high,
        qualifier=ph.qualifier,
        category=category,
        group=group,
        group_side=_group_side(doc, ref) or _side_named_in(sent.text),
        claimant=inner[0] if inner else (stm.speaker if stm else (source or "article")),
        claimant_side=inner[1] if inner else (stm.speaker_side if stm else _source_side(source)),
        statement_id=stm.id if stm else None,
        claimant_role=None if inner or stm is None else stm.speaker_role,
        counted=ref.text if ref is not None else None,
        sentence=sent.text,
    )
    if ph.qualifier == "between" or (ph.value is None and not ph.vague):
        fig.value = None
    if fig.group == "civilians" and ref is not None and ref.lemma_.lower() in OWN_MEN_NOUNS and stm is not None \
            and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in ref.children) \
            and camp(stm.speaker or "", stm.speaker_role) is not None:
        fig.group = "combatants"  # "five of our men", said by an army general: its soldiers
    if fig.group_side is None and stm is not None and stm.content_start is not None and ref is not None \
            and fig.claimant_side not in (None, "MEDIA", "INT", "CIV", "UNK") \
            and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in ref.children) \
            and side_of(text[stm.content_start:start]) in (None, fig.claimant_side):
        # "Ukraine said 95 of its soldiers": the speaker's own people (not "Kyiv lost 300 of its soldiers")
        fig.group_side = fig.claimant_side
    _locate(ctx, fig, sent.start_char, sent.end_char)
    return fig


_OPENERS = SPEECH["continuation_openers"]
# "At least 52 were said to be wounded": told on the word of the source of the sentence before
_HEARSAY = re.compile(r"\b(?:is|are|was|were|had been|have been)\s+(?:" + "|".join(map(re.escape, SPEECH["hearsay_passives"]))
                      + r")\b")
OWN_POSSESSIVES = {"its", "our", "their"}  # "its soldiers", "our fighters": the claimant's side


def _carry_claims(ctx: Context, sents, sent_of, figures: list[Figure]) -> None:
    """A claim runs on into the next sentence of its paragraph when that sentence names no source:

    "At least 40 people were killed, the ministry said. Another 120 were wounded." The
    120 is the ministry's too. Only from a sentence whose figures carry a statement, only
    to the very next sentence when it opens as a continuation ("Another", "A further",
    speech.json) or tells its counts as hearsay ("52 were said to be wounded": then from the
    statement the sentence before is, even without counts), and never across a paragraph break.
    """
    doc = ctx.doc
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        tok = doc.char_span(f.start, f.end, alignment_mode="expand")
        if tok is not None:
            by_sentence.setdefault(sent_of.get(tok.start, -1), []).append(f)
    for k, figs in sorted(by_sentence.items()):
        if k <= 0 or not ctx.same_paragraph(sents[k - 1].start_char, sents[k].start_char):
            continue
        if any(st.start < sents[k].end_char and sents[k].start_char < st.end for st in ctx.statements):
            continue  # the sentence has a source of its own
        opener = sents[k].text.lower()
        hearsay = bool(_HEARSAY.search(opener))
        if not hearsay and not any(re.match(re.escape(w) + r"\b", opener) for w in _OPENERS):
            continue
        prev = [(f.claimant, f.claimant_side, f.statement_id, f.claimant_role)
                for f in by_sentence.get(k - 1, []) if f.statement_id]
        if not prev and hearsay:
            # "the army reported that the assault was repelled. At least 52 were said to be wounded": the
            # statement the sentence before is, counts or none
            prev = [(st.speaker, st.speaker_side, st.id, st.speaker_role) for st in ctx.statements
                    if st.start < sents[k - 1].end_char and sents[k - 1].start_char < st.end]
        if not prev:
            continue
        for f in figs:
            if f.statement_id is None:
                f.claimant, f.claimant_side, f.statement_id, f.claimant_role = prev[-1]


# "The heightened death toll was reported by the ministry", "These figures come from X": a statement
# whose content is only a tally noun names the source of the count told just before it
_TOLL_REFERENCE = re.compile(r"(?:the|these|those|this|that|its)\s+(?:[\w-]+\s+){0,2}(?:"
                             + "|".join(sorted(set(SPEECH["tally_nouns"]) | {"figures", "numbers", "tolls", "counts"})) + r")\b",
                             re.I)
MAX_TOLL_REFERENCE_WORDS = 6
TOLL_REFERENCE_REACH = 3  # sentences back (a live blog's entry may put a line between the count and its source)


def _claims_told_after(ctx: Context, sents, sent_of, figures: list[Figure]) -> None:
    """Credit the unattributed figures of the sentence before a statement that names only their tally."""
    doc, text = ctx.doc, ctx.text
    for st in ctx.statements:
        if st.content_start is None:
            continue
        content = text[st.content_start:st.content_end].strip(" .,\"“”")
        if any(ch.isdigit() for ch in content) or len(content.split()) > MAX_TOLL_REFERENCE_WORDS \
                or not _TOLL_REFERENCE.fullmatch(content):
            continue
        tok = doc.char_span(st.content_start, st.content_end, alignment_mode="expand")
        k = sent_of.get(tok.start, -1) if tok is not None else -1
        if k <= 0:
            continue
        # the nearest sentence before it with counts nobody is credited with, no other source in between,
        # and the sentences of its paragraph before it ("killing 38, among them ... 52 were wounded. The
        # toll was given by the health office": the whole account)
        credited = None
        for before in sents[max(0, k - TOLL_REFERENCE_REACH):k][::-1]:
            if credited is not None and "\n" in text[before.end_char:credited.start_char]:
                break
            told = [f for f in figures if before.start_char <= f.start < before.end_char]
            if any(f.statement_id for f in told) or any(
                    o.id != st.id and before.start_char <= o.start < before.end_char for o in ctx.statements):
                break
            for f in told:
                f.claimant, f.claimant_side, f.statement_id, f.claimant_role = (st.speaker, st.speaker_side,
                                                                               st.id, st.speaker_role)
            if told:
                credited = before
            elif credited is not None:
                break


def _link_subsets(doc, text: str, figures: list[Figure]) -> None:
    """'four, including three civilians', 'five, among them two children and a nurse': each part points to its total."""
    for k, f in enumerate(figures):
        before = text[max(0, f.start - 30):f.start].lower()
        prev = figures[k - 1] if k else None
        if prev is not None and prev.subset_of and f.category in (prev.category, "other") \
                and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*as well as)\s*", text[prev.end:f.start]):
            # (not "..., including 3,542 children, and 21,543 people sustained injuries": a count of its own)
            f.subset_of, f.category = prev.subset_of, prev.category  # the next part of the same list
            continue
        # ("53 combatants, precisely “17 soldiers and 36 volunteers”": the breakdown of the total, quoted or not)
        if not re.search(r"\b(including|among them|of them|of whom|incl\.?|namely|precisely|specifically)[\s“\"'‘(]*$", before):
            _link_among_those(text, figures, k)
            continue
        for total in reversed(figures[:k]):
            same_sentence = "." not in text[total.end:f.start].replace("incl.", "")
            # (a part's own category may be a fallback: "other", or "troops" for fighters counted with no verb)
            if same_sentence and f.category in (total.category, "other", "troops") and (total.value or 0) > (f.value or 0):
                f.subset_of = total.id
                f.category = total.category  # "four killed, including three children": the children were killed
                break


_AMONG_THOSE = re.compile(r"\bamong (?:those|the(?: people)?|the \w+) (killed|dead|wounded|injured|hurt|victims|casualties)\b[^.]*$",
                          re.I)
_AMONG_CATEGORY = {"killed": "killed", "dead": "killed", "victims": "killed", "wounded": "wounded", "injured": "wounded",
                   "hurt": "wounded", "casualties": None}


_OF_WHOM = re.compile(r"\s+of\s+(?:whom|them)\b", re.I)
# "Two women were among the dead victims of the attack": a part of a toll told before, the part first
_AMONG_AFTER_PART = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:those|the)\s+(?:\w+\s+)?"
                               r"(killed|dead|wounded|injured|hurt|victims|casualties)\b", re.I)
_OF_THOSE = re.compile(r"\s+of\s+(?:those|the(?: people)?)\s+(killed|dead|wounded|injured|hurt|victims|casualties)\b", re.I)


def _link_among_those(text: str, figures: list[Figure], k: int) -> None:
    """'It added that among those killed on Monday were 42 women': a part of the toll told just before;
    'two children were among five civilians killed': a part of the count right after."""
    f = figures[k]
    nxt = figures[k + 1] if k + 1 < len(figures) else None
    if nxt is not None and re.fullmatch(r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?", text[f.end:nxt.start]) \
            and (nxt.value or 0) > (f.value or 0):
        f.subset_of, f.category = nxt.id, nxt.category
        return
    line_start = max(text.rfind(".", 0, f.start), text.rfind("\n", 0, f.start)) + 1
    m = _AMONG_THOSE.search(text[line_start:f.start])
    if m is None:
        m = _AMONG_AFTER_PART.match(text, f.end)  # (the total was told in an earlier sentence)
    if m is None and _OF_WHOM.match(text, f.start + len(f.text.split()[0])):
        # "seven men were found ... two of whom were bound": a part of the count told just before
        for total in reversed(figures[:k]):
            if f.start - total.end > 300:
                break
            if total.subset_of is None and (total.value or 0) > (f.value or 0):
                f.subset_of = total.id
                return
        return
    if m is None:
        # "six of those killed in the raid were children": a part of the toll told before
        m = _OF_THOSE.match(text, f.start + len(f.text.split()[0]))
        line_start = f.start
        if m is not None and _AMONG_CATEGORY[m.group(1).lower()] not in (None, f.category):
            return  # "Five of the wounded succumbed": no part of the wounded any more
    if m is None:
        return
    category = _AMONG_CATEGORY[m.group(1).lower()] or f.category
    for total in reversed(figures[:k]):
        if f.start - total.end > 600:
            break
        if total.subset_of is None and total.category == category and (total.value or 0) > (f.value or 0) \
                and total.start < line_start:
            f.subset_of, f.category = total.id, category
            return


def _link_rest_of_parts(text: str, figures: list[Figure]) -> None:
    """'six of those killed were children ... two women and five men were also killed': counts told
    together after parts of a total, that make up the rest of it, are its parts too."""
    parts_of: dict[str, float] = {}
    for p in figures:
        if p.subset_of and p.value is not None:
            parts_of[p.subset_of] = parts_of.get(p.subset_of, 0) + p.value
    for k, f in enumerate(figures):
        if f.subset_of or f.value is None or not re.search(r"\balso\b", text[f.end:f.end + 60].split(".")[0]
                                                            + text[max(0, f.start - 40):f.start].split(".")[-1]):
            continue
        told = [g for g in figures[k:k + 6] if g.subset_of is None and g.value is not None and g.category == f.category
                and "." not in text[f.end:g.start] and "\n" not in text[f.end:g.start]]
        for total in reversed(figures[max(0, k - 12):k]):  # the total and its parts are told just before
            if total.id in parts_of and total.value is not None and total.category == f.category \
                    and parts_of[total.id] + sum(g.value for g in told) == total.value:
                for g in told:
                    g.subset_of = total.id
                break


PARTS_REACH = 400  # characters between a total and the parts that add up to it


def _acts_apart(doc, a: Figure, b: Figure) -> bool:
    """The two counts hang on different acts of one sentence ("a bomb struck a bus, killing 11, as militants
    launched an attack that killed six"), not on one act or on each other ("two deaths on Sunday and five more")."""
    if doc is None:
        return False

    def act(f):
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None:
            return None
        return next((t for t in span.root.ancestors if t.pos_ == "VERB"), None)

    va, vb = act(a), act(b)
    if va is None or vb is None or va.i == vb.i:
        return False
    return not (vb.dep_ == "conj" and vb.head.i == va.i or va.dep_ == "conj" and va.head.i == vb.i)


def _link_day_parts(text: str, figures: list[Figure], doc=None) -> None:
    """'two deaths on Sunday and five more on Monday' beside 'at least seven killed': counts in one
    sentence that add up to a count of the same category elsewhere in the article are its parts."""
    by_value: dict[tuple[str, float], list[Figure]] = {}
    for f in figures:
        if f.value is not None:
            by_value.setdefault((f.category, f.value), []).append(f)
    for a, b in zip(figures, figures[1:]):
        if a.value is None or b.value is None or a.category != b.category or a.subset_of or b.subset_of:
            continue
        if "." in text[a.end:b.start] or "\n" in text[a.end:b.start]:
            continue  # parts are told together, in one sentence
        # the total is told near its parts (same story), not a sum that happens to match a count paragraphs away
        total = next((t for t in by_value.get((a.category, a.value + b.value), [])
                      if t.id not in (a.id, b.id) and abs(t.start - a.start) <= PARTS_REACH), None)
        if total is not None and not _other_people(total, a) and not _other_people(total, b) \
                and not _opens_on_another_incident(text, a.start) and not _acts_apart(doc, a, b):
            a.subset_of = b.subset_of = total.id


_GENERAL_COUNTED = frozenset({"people", "persons", "person", "civilians", "others", "dead", "deaths", "victims",
                              "casualties", "bodies", "more", "lives"})


def _other_people(total: Figure, part: Figure) -> bool:
    """'5 construction workers' and 'two police officers': counts of other people, whatever they add up to."""
    t = (total.counted or "").lower().split()[-1:]
    p = (part.counted or "").lower().split()[-1:]
    return bool(t and p) and t[0] not in _GENERAL_COUNTED and p[0] not in _GENERAL_COUNTED and t[0] != p[0]


def _opens_on_another_incident(text: str, start: int) -> bool:
    """The count's sentence opens on another incident ("Earlier, a similar bomb killed two ...")."""
    line_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    first = re.match(r"\s*(\w+)", text[line_start:start])
    return first is not None and first.group(1).lower() in OTHER_INCIDENT_OPENERS


def _carry_toll_places(text: str, figures: list[Figure]) -> None:
    """'On Saturday the ministry said the toll had risen to 45': a revised toll with no noun of its own counts
    the dead of the toll told before it (their group), at that toll's place when it names none."""
    for k, f in enumerate(figures):
        if f.category != "killed" or (f.counted and f.counted.lower() in f.text.lower()):
            continue  # "45" alone, not "45 soldiers": the noun is elided
        line_start = max(text.rfind(".", 0, f.start), text.rfind("\n", 0, f.start)) + 1
        if not _TOLL_BEFORE.search(text[line_start:f.start]):
            continue
        before = next((g for g in reversed(figures[:k]) if g.category == f.category and g.place is not None), None)
        if before is not None:
            f.group, f.group_side = before.group, before.group_side  # the same dead, counted again
            if f.place is None:
                f.place, f.place_id = before.place, before.place_id


REPORTING_LEMMAS = {"say", "claim", "report", "estimate", "believe", "allege", "count", "reckon", "put"}


PARTITIVE_PRONOUNS = {"them", "those", "these"}


def _antecedent(earlier, sents, k: int, start: int):
    """The last figure before ``start`` in this sentence or the one before (what "of them" points back to)."""
    lo = sents[max(k - 1, 0)].start_char
    for f in reversed(list(earlier)):
        if lo <= f.start < start and f.category not in (None, "other"):
            return f
    return None


_FIGURE_OF_RE = re.compile(r"\b(?:an?|the)\s+(?P<who>[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)?)\s+(?:figure|toll|count|tally|estimate)"
                           r"\s+of\s+$", re.I)


def _figure_of(text: str, start: int) -> tuple[str, str | None] | None:
    """"compared with a government figure of 84", "an official toll of 30": the count is that body's."""
    m = _FIGURE_OF_RE.search(text[max(0, start - 60):start])
    if m is None:
        return None
    who = m.group("who")
    side = side_of(who)
    if side is None and not is_state_body(who):
        return None  # "a death toll of 30", "the final count of 12": no one named
    return who, side


_TALLY_BY_RE = re.compile(r"\b(?:toll|count|tally|figure|estimate)s?\s+(?:\w+\s+)?(?:by|from)\s+(?P<who>(?:the\s+)?"
                          r"[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w'’-]*){0,5})")
# "the initial figure reported by the army ... of just 16", "a toll of 17 provided by police": a state body
# named in lower case (the capitalised names are _TALLY_BY_RE's)
_TALLY_BY_BODY_RE = re.compile(r"\b(?:toll|count|tally|figure|estimate)s?\s+(?:\w+\s+)?(?:by|from)\s+(?:the\s+)?"
                               r"(?P<who>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)\b")
_TALLY_AFTER_RE = re.compile(r"^\s*(?:provided|given|reported|released|issued|compiled|announced|published)\s+by\s+"
                             r"(?:the\s+)?(?P<who>[\w'’-]+(?:\s+[\w'’-]+){0,4})")


def _tally_by(before: str, after: str = "") -> tuple[str, str | None] | None:
    """"The first death toll by the African Union was estimated to be at least 90", "a count released by
    the Health Ministry put the number at 30": the tally's own source, named in the clause before the count;
    "a toll of 17 provided by police": named right after it."""
    if re.search(r"\b(?:toll|count|tally|figure|estimate)s?\s+of\s+$", before):
        m = _TALLY_AFTER_RE.match(after)
        if m is not None:
            who = _known_source(m.group("who"))
            if who is not None:
                return who, side_of(who)
    m = _TALLY_BY_RE.search(before)
    if m is not None:
        who = re.sub(r"^the\s+", "", m.group("who"))
        if lookup_actor(who) is not None or is_state_body(who) or side_of(who) == "INT":
            return who, side_of(who)
        # ("a toll from Monday's attack", "the toll from Odessa violence": no source named)
    m = _TALLY_BY_BODY_RE.search(before)
    if m is not None:
        who = _known_source(m.group("who"))
        if who is not None:
            return who, side_of(who)
    return None


def _known_source(words: str) -> str | None:
    """The longest opening of words that names a known actor, a state body or an international body."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        who = " ".join(parts[:n])
        if lookup_actor(who) is not None or is_state_body(who) or side_of(who) == "INT":
            return who
    return None


def _relative_claimant(counted) -> tuple[str, str | None] | None:
    """The claimant of a relative clause on the counted noun: "1,300 people the Ukrainians say are missing".

    The figure is the embedded speaker's claim, not the claim of whoever reports
    the sentence (who may be denying it).
    """
    if counted is None:
        return None
    for c in counted.children:
        if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        found = _subject_name(c)
        if found:
            return found
    return _reporting_relative_above(counted)


def _subject_name(verb) -> tuple[str, str | None] | None:
    for g in verb.children:
        if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN"):
            toks = [t for t in g.subtree if not (t.i == g.left_edge.i and t.dep_ == "det")]
            name = "".join(t.text_with_ws for t in toks).strip()
            if name:
                return name, side_of(name)
    return None


def _reporting_relative_above(counted) -> tuple[str, str | None] | None:
    """The speaker of a relative clause the count is reported in: "... a station, which local authorities said had
    killed at least 39 people", "the market, where medics said 12 civilians had died": the count is the relative
    clause's speaker's, not the claim of whoever speaks in the main clause (who may be denying the strike)."""
    tok = counted
    for _ in range(4):  # the count's verb, then the reporting verb above it
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORTING_LEMMAS:
            return _subject_name(tok) if tok.dep_ == "relcl" else None
    return None


def _source_side(source: str | None) -> str:
    """The side of the article's own voice: a known publisher's side (a ministry), else MEDIA."""
    if source:
        actor = lookup_actor(source)
        if actor is not None and actor.side:
            return actor.side
    return "MEDIA"


# a place the counted were moved to, and a state named as the one acting ("U.S. strikes", "Russian forces")
_DESTINATION_BEFORE = re.compile(r"\b(?:evacuated|taken|transferred|moved|rushed|brought|flown|airlifted|relocated)"
                                 r"\s+(?:to|into)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_ACTOR_AFTER = re.compile(r"['’]?s?\s*[-]?\s*(?:air\s*strikes?|strikes?|forces|troops|jets|warplanes|drones|military|army|"
                          r"missiles?|shelling|bombardment|raids?)\b", re.I)


def _locate(ctx: Context, fig: Figure, s0: int, s1: int) -> None:
    """Place and date of the figure's clause, from the Context (None when it knows nothing)."""
    p = ctx.place_near(fig.start, fig.end)
    if p is not None and re.fullmatch(r"\s+from\s+(?:the\s+)?", ctx.text[fig.end:p.start]):
        p = None  # "50 soldiers from Uganda": where the people come from, not where they were counted
    elif p is not None and (_DESTINATION_BEFORE.search(ctx.text[max(0, p.start - 40):p.start])
                            or (p.kind == "country" and _ACTOR_AFTER.match(ctx.text[p.end:p.end + 30]))):
        p = None  # "evacuated to the capital", "U.S. strikes killed four": a destination, a state acting
    if p is not None:
        fig.place = p.canonical or p.name
        fig.place_id = p.id
    d = ctx.date_near(fig.start, fig.end)
    if d is not None and _dates_the_telling(ctx, d, fig):
        d = None  # "the governor said on Saturday that 26 were killed": the day of the telling, not of the deaths
    if d is not None:
        fig.date = d.date
        fig.date_end = d.date_end


def _dates_the_telling(ctx: Context, d, fig: Figure) -> bool:
    """A date on the reporting verb of a figure's sentence, when the figure has a verb of its own: it dates
    the statement. A toll told as risen keeps it (the toll as of that day: "on Saturday the toll had risen")."""
    doc = ctx.doc
    dspan = doc.char_span(d.start, d.end, alignment_mode="expand")
    fspan = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if dspan is None or fspan is None or _TOLL_TOLD.search(fig.sentence or ""):
        return False
    dverb, fverb = governing_verb(dspan.root), governing_verb(fspan.root)
    return dverb is not None and fverb is not None and dverb.i != fverb.i \
        and dverb.lemma_.lower() in REPORTING_LEMMAS | {"tell", "announce", "add", "state"}


def _mark_unverified(text: str, sents, figures: list[Figure]) -> None:
    """verified=False for figures a caveat sentence covers.

    A caveat ("could not be independently verified") covers its own sentence, the
    sentences before it in its paragraph and the paragraph before. A general caveat
    ("claims by either side") covers the whole article.
    """
    if not figures:
        return
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]

    def para_index(pos: int) -> int:
        for k, (a, b) in enumerate(paras):
            if a <= pos < b:
                return k
        return -1

    for s in sents:
        st = s.text
        if not CAVEAT.search(st):
            continue
        if GENERAL_CAVEAT.search(st):
            for f in figures:
                f.verified = False
            continue
        k = para_index(s.start_char)
        lo = paras[k - 1][0] if k > 0 else (paras[k][0] if k >= 0 else s.start_char)
        for f in figures:
            if lo <= f.start and f.end <= s.end_char:
                f.verified = False
