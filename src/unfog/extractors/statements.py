"""Attributed statements: who said (claimed, denied, told...) what.

A statement is found three ways:

1. a cue verb with a speaker (``said``, ``told``, ``claimed``, ``denied``...): the
   speaker is the verb's subject (or the agent of a passive, or the head of a
   relative clause, or the subject of the verb it hangs from: "..., adding that");
2. ``according to X`` and ``X put the number at``; and a claim or disavowal of an act told with no speech verb
   ("X has taken responsibility for the attack", "it later distanced itself from it": responsibility_phrases);
3. quotations that carry no attribution of their own: a paragraph that continues
   an open quote, or one more quoted paragraph after a speaker's quote. They
   belong to the speaker of their quote group or of the statement just before.

Quote structure comes from the characters (curly or straight quote marks); an
opening mark with no closing mark at the end of a paragraph continues into the
next paragraph when that one opens with a quote mark. Cue words inside a
quotation are the quoted person's words, not attributions.

Pronouns ("he added", "it said") and title references ("Mr <surname>", "the
mayor") are resolved to the most recent compatible named speaker. The
article's own voice is never a statement.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from unfog.lexicons.actors import (SPEECH, TITLES, Actor, camp, fold, is_state_body, known_group, lookup_actor, side_of,
                                   state_named, strip_titles)
from unfog.lexicons.countries import country_of_place, country_terms
from unfog.lexicons import load as load_lexicon, singular
from unfog.lexicons.wire import lead_end
from unfog.extractors.context import Context
from unfog.gazetteer.roles import cues as place_cues
from unfog.lexicons.denial import CLAIM_NOUNS_LIST, DENY_VERBS, DISMISSAL_RE, DISMISSAL_WORDS
from unfog.lexicons.people import CIVILIAN_NOUNS, is_people_word
from unfog.extractors.query import doc_text, paragraphs, report_country, same_paragraph, sentence_spans, statement_at  # noqa: F401  (statement_at, report_country re-exported)
from unfog.model import Statement

# Speech and claim verbs only: what a person says, not does (lexicons/speech.json)
CUE_LEMMAS = frozenset(SPEECH["cue_verbs"])
CONTENT_PREPS = SPEECH["content_preps"]  # a preposition that carries a weak cue's content ("blamed X on Y")
OWN_CONTENT_PREPS_ONLY = frozenset(SPEECH["own_content_preps_only"])  # "spoke of X" reports, "spoke for X" does not
WEAK_CUES = frozenset(SPEECH["weak_cue_verbs"])  # count only with reported content (a clause, a quote or "as ...")
SILENT_WHEN_NEGATED = frozenset(SPEECH["silent_when_negated"])
STATE_BODY_WORDS = frozenset(w for w in SPEECH["state_bodies"] if " " not in w)
DENY_LEMMAS = DENY_VERBS  # lexicons/denial.json
DENIAL_WORDS = DISMISSAL_RE
DOCUMENT_NOUNS = frozenset(SPEECH["document_nouns"])  # what a source issues: it speaks for its author
MEDIA_DOCUMENT_NOUNS = frozenset(SPEECH["media_document_nouns"])
CLAIM_NOUNS = frozenset(SPEECH["issued_claim_nouns"])
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "it": "it", "its": "it",
            "they": "pl", "them": "pl", "their": "pl"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
QUOTE_OPEN = "“\"«„"
QUOTE_CLOSE = "”\"»“"
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_OPEN + QUOTE_CLOSE) + "]")
MAX_SENT_CHARS = 2000  # never hand a runaway "sentence" (a table, a list) to the speaker rules


@dataclass
class QuoteSeg:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph end)
    group: int  # segments of one multi-paragraph quotation share a group
    closed: bool


def quote_segments(text: str) -> list[QuoteSeg]:
    """Quotations per paragraph; an unclosed quote runs on into a paragraph that opens with a quote."""
    segs: list[QuoteSeg] = []
    group = 0
    carry = False  # the previous paragraph ended inside an open quotation
    for p_start, p_end in paragraphs(text):
        para = text[p_start:p_end]
        lead = len(para) - len(para.lstrip())
        open_at = None
        for m in _QUOTE_MARK.finditer(para, lead):  # only quote marks change the state
            i, c = m.start(), m.group()
            if open_at is None and c in QUOTE_OPEN and _is_opening(para, i):
                if not (carry and i == lead):  # the paragraph opens with a quote: the quotation runs on
                    group += 1
                open_at = i
            elif open_at is not None and c in QUOTE_CLOSE and i > open_at and _is_closing(para, i):
                segs.append(QuoteSeg(p_start + open_at, p_start + i + 1, group, True))
                open_at = None
        carry = False
        if open_at is not None:
            segs.append(QuoteSeg(p_start + open_at, p_end, group, False))
            carry = True
    # A run-on quote only continues if the next paragraph opens with a quote mark: otherwise
    # the group simply ends there (handled by the group counter above).
    return segs


def _is_opening(s: str, i: int) -> bool:
    c = s[i]
    if c in "“«„":
        return True
    prev = s[i - 1] if i > 0 else " "
    nxt = s[i + 1] if i + 1 < len(s) else " "
    return (prev.isspace() or prev in "([{—–-:") and not nxt.isspace()


def _is_closing(s: str, i: int) -> bool:
    c = s[i]
    if c in "”»":
        return True
    if c == "“":
        return False
    prev = s[i - 1] if i > 0 else " "
    return not prev.isspace() or i == len(s) - 1


def in_quote(segs: list[QuoteSeg], start: int, end: int | None = None) -> QuoteSeg | None:
    end = start + 1 if end is None else end
    for s in segs:
        if s.start < end and start < s.end and s.start <= start and end <= s.end:
            return s
    return None


@dataclass
class Speaker:
    name: str
    role: str | None
    side: str | None
    kind: str  # person | organisation | collective | unnamed | media
    text: str
    start: int
    end: int
    gender: str | None = None


PRONOUN_REACH = 1500  # characters back a he/she looks for a named person of that gender
_GENDERED = {w: g for g, words in SPEECH["gendered"].items() for w in words}


def _gender_of(ent) -> str | None:
    """'Ms Weber', 'Anna Weber, a spokeswoman', 'Lind said his unit': the person's gender, or None."""
    doc = ent.doc
    near = [doc[k] for k in range(max(0, ent.start - 3), ent.start)]
    near += [t for t in doc[ent.end:min(len(doc), ent.end + 6)] if t.dep_ in ("appos", "compound", "amod") or t.head.dep_ == "appos"]
    for t in near:
        g = _GENDERED.get(fold(t.text).rstrip("."))
        if g and t.pos_ != "PRON":
            return g
    root = ent.root
    if root.dep_ == "nsubj":  # "Lind said his unit ...": the first third-person pronoun of the clause
        for t in doc[ent.end:min(len(doc), ent.end + 12)]:
            if t.pos_ == "PRON" and t.lower_ in ("he", "his", "him", "she", "her"):
                return PRONOUNS[t.lower_]
            if t.is_sent_end:
                break
    return None


# "the Baloch Liberation Army (BLA)", "Rapid Support Forces (RSF)": capitalised words, then capitals in brackets
_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|de|du)\s+)?){1,7})\(([A-Z][A-Z0-9]{1,7}s?)\)")


class Memory:
    """Speakers seen so far in the article, for pronouns and short references."""

    def __init__(self):
        self.speakers: list[Speaker] = []
        self.people: dict[str, str] = {}  # surname (folded) -> full name as first written
        self.documents: dict[str, Speaker] = {}  # "statement" -> its author ("a statement from the committee")
        self.country: str | None = None  # the country the report is about (alpha-3)
        self.persons: list[tuple[int, object, str | None]] = []  # person mentions: (start, head token, gender)
        self.acronyms: dict[str, str] = {}  # "BLA" -> "Baloch Liberation Army", as the article defined it

    def note_acronyms(self, text: str) -> None:
        """Short names the article defines ("the Baloch Liberation Army (BLA)"): the letters must be the
        initials of the name's last words, so "(AFP)" after a sentence defines nothing."""
        for m in _DEFINED_ACRONYM.finditer(text):
            words, short = m.group(1).split(), m.group(2)
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if len(short) >= 2 and initials.endswith(short.rstrip("s")):
                # the words before the initials stay: "the Sudanese Eastern Defence Echelon (EDE)" is Sudanese
                self.acronyms.setdefault(short, " ".join(words[1:] if words[0] in ("The", "A") else words))

    def note_people(self, doc) -> None:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = strip_titles(ent.text).replace("’s", "").replace("'s", "").split()
                if len(words) >= 2:
                    self.people.setdefault(fold(words[-1]), " ".join(words))

    def note_genders(self, doc) -> None:
        """Person mentions (start, head token, gender) for he/she: gender from titles, role nouns, own pronouns."""
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.persons.append((ent.start_char, ent.root, _gender_of(ent)))

    def gender_of(self, name: str) -> str | None:
        key = fold(name).split()[-1] if name.split() else ""
        for _, root, gender in reversed(self.persons):
            if gender and fold(root.text) == key:
                return gender
        return None

    def resolve_pronoun(self, word: str, pos: int | None = None) -> Speaker | None:
        """The latest compatible speaker; for he/she with no such speaker, the latest person of that gender."""
        kind = PRONOUNS.get(word.lower())
        if kind in ("m", "f") and pos is not None:
            # "Bassal had earlier given a toll ..., which he said ...": a person named earlier in the same
            # sentence is who "he" is, before any speaker of the sentences before
            for start, root, gender in reversed(self.persons):
                if start < pos and pos - start > PRONOUN_REACH:
                    break  # (in text order: the rest are further back, not in this sentence)
                between = _text_and_leads(root.doc)[0][start:pos]
                if start < pos and gender in (None, kind) and not re.search(r"[.!?]\s", between) and "\n" not in between:
                    sp = build_speaker(root, self)
                    if sp is not None:
                        sp.gender = kind
                        return sp
        for sp in reversed(self.speakers):
            if kind in ("m", "f"):
                if sp.kind in ("person", "unnamed") and (sp.gender in (None, kind)):
                    return sp
            elif kind == "it":
                if sp.kind in ("organisation", "media"):
                    return sp
            elif kind == "pl":
                if sp.kind in ("collective", "organisation"):
                    return sp
        if kind in ("m", "f") and pos is not None:
            for start, root, gender in reversed(self.persons):
                if start < pos and gender == kind and pos - start < PRONOUN_REACH:
                    sp = build_speaker(root, self)
                    if sp is not None:
                        sp.gender = kind
                    return sp
            # "<Name>, head of the office, confirmed the strikes. '...,' he told a paper": the person of the
            # sentence just before, whose gender nothing told
            for start, root, gender in reversed(self.persons):
                if start >= pos:
                    continue
                if pos - start > PRONOUN_REACH:
                    break  # (persons are in text order: the rest are further back)
                between = _text_and_leads(root.doc)[0][start:pos]
                if gender is None and len(re.findall(r"[.!?][\"”’]?\s", between)) <= 1 \
                        and "\n\n" not in between:
                    sp = build_speaker(root, self)
                    if sp is not None:
                        sp.gender = kind
                        return sp
                    break
        return None

    def resolve_title(self, noun: str) -> Speaker | None:
        """'the mayor' -> the latest speaker with that role; 'the ministry' -> the latest such body."""
        if noun in self.documents:
            return self.documents[noun]
        for sp in reversed(self.speakers):
            if sp.role and re.search(r"\b" + re.escape(noun) + r"\b", sp.role, re.I):
                return sp
            if sp.kind == "organisation" and (re.search(r"\b" + re.escape(noun) + r"\b", sp.name, re.I)
                                              or fold(sp.text or "").split()[-1:] == [noun]):
                return sp  # (the name as written too: "the UN human rights office", known by its acronym)
            if noun in DOCUMENT_NOUNS and (fold(sp.name).split()[-1:] == [noun]
                                           or re.search(r"\b" + re.escape(noun) + r"\b", sp.text or "", re.I)):
                return sp  # "the statement" is the statement named before ("a junta statement said",
                # "said a statement from the committee")
        return None


def _name_span(tok):
    """The proper-name tokens around a PROPN head: compounds and flat names, no titles."""
    doc = tok.doc
    left = tok.i
    while left - 1 >= 0 and doc[left - 1].head.i in range(left, tok.i + 1) and (
            (doc[left - 1].dep_ in ("compound", "flat") and doc[left - 1].pos_ == "PROPN"
             # "envoy for Sudan <Given> <Family>": a place or body before a person's name is not part of it
             and not (tok.ent_type_ == "PERSON" and doc[left - 1].ent_type_ in ("GPE", "ORG", "NORP", "LOC"))
             and fold(doc[left - 1].text) not in country_terms())
            or (doc[left - 1].text in ("-", "‐") and left - 2 >= 0 and doc[left - 2].pos_ == "PROPN"
                and (doc[left - 1].ent_type_ == "PERSON" or doc[left - 2].lower_ in NAME_PARTICLES))):
        # "<Given> al-<Family>", "Al-<Given> <Family>": the particle's hyphen
        left -= 1
    right = tok.i
    while right + 1 < len(doc) and doc[right + 1].dep_ in ("flat",) and doc[right + 1].head.i == tok.i:
        right += 1
    # "Army General <Given> <Family>": the name starts after the last title
    titles = [k for k in range(left, tok.i) if fold(doc[k].text).rstrip(".") in TITLES]
    if titles:
        left = titles[-1] + 1
    return doc[left:right + 1]


def _mention_span(tok):
    """The speaker phrase as written: the subject's subtree without appositions and clauses."""
    doc = tok.doc
    cut = {"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "advmod", "prep"}
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "amod" and c.i > t.i:
                continue  # "forces loyal to the general": a postmodifier, not the name
            # "an adviser to Ukraine's defence ministry" and "Institute for the Study of War" keep
            # their preposition; "<surname> in Moscow" does not.
            keep = c.dep_ == "prep" and (t.i == tok.i or (t.pos_ == "PROPN" and tok.pos_ == "PROPN")) and c.i > tok.i and (
                tok.pos_ != "PROPN" or (c.lower_ in ("of", "for") and c.i + 1 < len(doc) and doc[c.i + 1].is_title)
                or (c.lower_ in ("of", "for") and c.i + 2 < len(doc) and doc[c.i + 1].lower_ == "the" and doc[c.i + 2].is_title))
            if keep and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
                keep = False  # "the military chief on Tuesday": the day of the telling is not the speaker
            if c.dep_ in cut and not keep:
                continue
            if c.dep_ == "prep" and c.i < tok.i:
                continue
            toks.append(c)
            stack.append(c)
    toks = [t for t in toks if not _in_dateline(t)] or toks  # "DAKAR, Oct 7 - The army": not the dateline
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    if tok.ent_type_ in ("GPE", "LOC"):
        # "The Jammu and Kashmir Police claimed": the parse made a body named after two places a conjunct
        body = next((c for c in tok.children if c.dep_ == "conj" and c.i == hi + 3 and c.pos_ == "PROPN"
                     and doc[c.i - 2].lower_ == "and" and fold(c.text) in STATE_BODY_WORDS), None)
        if body is not None:
            hi = body.i
    # a named body is one unit: "Institute for the Study of War" (the entity around tok, read from the
    # tokens: doc.ents builds every span of the piece at each call)
    if tok.ent_iob_ != "O" and tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON", "FAC"):
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        lo, hi = min(lo, start), max(hi, end - 1)
    # "..., of Vuhledar, Ukraine's general staff said": what a comma parts from the head is not its name
    commas = [k for k in range(lo, tok.i) if doc[k].text == ","]
    if commas:
        lo = commas[-1] + 1
    # nor is what a line break parts from it ("09:15 GMT" over a live-blog entry's "UN says ...")
    breaks = [k for k in range(lo, tok.i) if "\n" in doc[k].text or "\n" in doc[k].whitespace_]
    if breaks:
        lo = breaks[-1] + 1
    # nor the line's furniture the entity tagger took in ("09:50 GMT - Doctors Without Borders says")
    while lo < tok.i and _in_dateline(doc[lo]):
        lo += 1
    # Drop determiners and stray punctuation at the edges.
    while lo < hi and (doc[lo].is_punct or doc[lo].lower_ in ("the",)):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "case"):
        hi -= 1  # and the "'s" that made the speaker the owner of a toll ("the ministry's figures")
    return doc[lo:hi + 1]


def _known_tail(text: str) -> Actor | None:
    """'the Washington-based Institute for the Study of War' -> the institute; 'the UN peacekeeping
    mission MONUSCO' -> the mission (a known body's name closing the phrase, an acronym alone too)."""
    words = text.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if k == len(words) - 1 and not (tail.isupper() and len(tail) > 2):
            break  # one word alone only when it is an acronym ("Front" or "State" may close many names)
        actor = lookup_actor(tail)
        if actor is not None and actor.kind != "person":
            return actor
    return None


NAME_PARTICLES = frozenset(SPEECH["name_particles"])  # joined by a hyphen to the name after them
ROLE_NOUNS = frozenset(SPEECH["role_nouns"])  # beside TITLES


def _appos(tok):
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ != "PRON":
            return c
    # "the spokesperson of the State Police Command, <Name>,": the parser hangs the name on the last
    # noun of the role; a name after a comma there is the role holder's
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in TITLES or tok.lemma_.lower() in ROLE_NOUNS):
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for c in obj.children:
                    if (c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > 0 and tok.doc[c.left_edge.i - 1].text == ","
                            and c.ent_type_ in ("PERSON", "ORG", "")):
                        return c
    return None


def _self_named(tok):
    """The name a role holder gives in a clause on the role ("a spokesman for the unit, who gave his name
    as <Name>", "a fighter who identified himself as <Name>"): that name's token."""
    if tok.pos_ != "NOUN":
        return None
    for t in tok.subtree:
        if t.dep_ != "relcl" or t.lemma_.lower() not in SELF_NAMING_VERBS:
            continue
        name = _named_as("PROPN", t.subtree)
        if name is not None:
            return name
        if any(c.lower_ in ("itself", "themselves", "himself") for c in t.children):
            # "the faction, which calls itself the <Name> Front": the name it gives itself
            name = next((c for c in t.children if c.dep_ in ("oprd", "xcomp", "dobj", "ccomp") and c.pos_ == "PROPN"), None)
            if name is not None:
                return name
    return None


def _named_formation(role: str) -> bool:
    """'a spokesman for the <Name> National Force': a role in a named armed formation (a party of the war)."""
    m = re.search(r"\b(?:of|for|in|with) (?:the )?((?:[A-Z][\w'’-]*|\d+) (?:[\w'’-]+ ){0,3}([A-Za-z]+))\b", role)
    return bool(m) and m.group(2).lower() in ARMED_FORMATION_NOUNS


_ROLE_HEADS = frozenset(SPEECH["role_heads"])


def _role_run_before(name_span) -> str | None:
    """', head of the regional administration <Given> <Family> said': a role phrase run into the name with no
    comma (the parser may hang it on the word before); the words back to the comma or the sentence's start."""
    doc = name_span.doc
    i = name_span.start - 1
    start = name_span.sent.start
    while i >= start and not doc[i].is_punct and doc[i].pos_ not in ("VERB", "AUX") and name_span.start - i <= 8:
        i -= 1
    words = [t for t in doc[i + 1:name_span.start] if t.lower_ not in ("the", "a", "an")]
    while words and words[0].pos_ == "ADP":
        words = words[1:]  # "according to U.S. special envoy for Sudan <Name>"
    heads = [k for k, t in enumerate(words) if t.lemma_.lower() in _ROLE_HEADS and t.pos_ == "NOUN"]
    if len(words) < 3 or not heads or heads[0] + 1 >= len(words) or words[heads[0] + 1].lower_ not in ("of", "for", "at"):
        return None
    return doc[words[0].i:name_span.start].text


def _name_at_the_end(tok):
    """'head of the regional administration <Given> <Family> said': the parser may make the role the subject
    and the name its last words; the person named speaks (their role is the words before the name)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _ROLE_HEADS:
        return tok
    last = tok.doc[tok.right_edge.i]
    if last.pos_ != "PROPN" or last.ent_type_ not in ("PERSON", "ORG") or last.i < tok.i + 3:
        return tok  # (the small model may call a name after a body's name part of that body: ORG)
    name = _name_span(last)
    return last if len(name) >= 2 and tok.doc[name.start - 1].pos_ in ("NOUN", "PROPN", "ADJ") else tok


def _self_described(tok):
    """The role a named person gives in a clause on the name ("<Name>, who introduced himself as a spokesman
    for the <Front>"): the span after "as"."""
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in SELF_NAMING_VERBS:
            role = _named_as("NOUN", c.children)
            if role is not None:
                return tok.doc[role.left_edge.i:role.right_edge.i + 1]
    return None


def _named_as(pos: str, among):
    """The object of 'as' after a self-naming verb ('gave his name as <Name>', 'introduced himself as a
    spokesman'), of the part of speech asked for."""
    for prep in (p for p in among if p.dep_ == "prep" and p.lower_ == "as"):
        got = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == pos), None)
        if got is not None:
            return got
    return None


def _clean_role(span) -> str | None:
    if span is None:
        return None
    words = [t for t in span if not (t.is_punct and t.i in (span.start, span.end - 1))]
    while words and words[0].lower_ in ("a", "an", "the"):
        words = words[1:]
    text = "".join(t.text_with_ws for t in words).strip().rstrip(",;:")
    return text or None


def _role_from_compounds(tok) -> str | None:
    """'President <full name>' -> 'President'; 'Ukraine's President <surname>' -> 'President';
    'Military officer <full name>' -> 'Military officer' (a role noun with its modifiers)."""
    titles = [c.text for c in tok.children if c.dep_ == "compound" and fold(c.text).rstrip(".") in TITLES
              and fold(c.text) not in ("mr", "mrs", "ms", "miss", "dr")]
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i and c.lemma_.lower() in ROLE_NOUNS:
            mods = [m for m in c.children if m.dep_ in ("amod", "compound") and m.i < c.i]
            lo = min([m.left_edge.i for m in mods] + [c.i])
            return tok.doc[lo:c.i + 1].text
    return " ".join(titles) or None


def _title_before(name_span, mention) -> str | None:
    """'Army General' of 'Army General <Given> <Family>': the words before the name, when they hold a title."""
    doc = name_span.doc
    words = [t for t in doc[mention.start:name_span.start] if not t.is_punct and t.lower_ not in ("the", "a", "an")]
    if any(fold(t.text).rstrip(".") in TITLES or t.lemma_.lower() in ROLE_NOUNS for t in words):
        return " ".join(t.text for t in words)
    return None


def _group_of_the_sentence_before(tok):
    """For a pronoun that opens its sentence, the subject of the sentence before when it names a known armed group
    ("al-Shabaab fighters launched ..."); None otherwise."""
    sent = tok.sent
    if tok.i != sent.start or sent.start == 0:
        return None
    before = tok.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in PRONOUNS:
        return None
    phrase = tok.doc[subject.left_edge.i:subject.i + 1].text
    return subject if known_group(phrase) is not None else None


def build_speaker(tok, memory: Memory, offset_base: int = 0) -> Speaker | None:
    """Who a subject token refers to, with role and side."""
    low = tok.lower_
    if low == "it":
        # "<the group> launched an assault on Friday. It said it overran the camp": a sentence opened by "it" goes
        # on about the armed group the sentence before was about, whoever spoke last
        group = _group_of_the_sentence_before(tok)
        if group is not None:
            sp = build_speaker(group, memory, offset_base)
            if sp is not None:
                return Speaker(sp.name, sp.role, sp.side, sp.kind, tok.text, tok.idx, tok.idx + len(tok.text), sp.gender)
    if low in PRONOUNS:
        sp = memory.resolve_pronoun(low, tok.idx)
        if sp is None:
            return None
        return Speaker(sp.name, sp.role, sp.side, sp.kind, tok.text, tok.idx, tok.idx + len(tok.text), sp.gender)
    if low in FIRST_SECOND or low in ("who", "which", "that", "this", "there"):
        return None
    if tok.ent_type_ in ("DATE", "TIME"):
        # "said spokesman <Given> <Family> Saturday": the parse made the day the head of the name
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")]
        if not names:
            return None
        tok = names[-1]
    tok = _name_at_the_end(tok)
    appos = _appos(tok) or _self_named(tok)
    introduced = _introduced_speaker(tok, appos, memory)
    if introduced is not False:
        return introduced
    # "an assessment by the Institute for the Study of War said": the author speaks.
    if tok.lemma_.lower() in DOCUMENT_NOUNS:
        author = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                       for g in c.children if g.dep_ == "pobj"), None) \
            or next((c for c in tok.children if c.dep_ == "poss"), None)
        named = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1), None)
        if author is None and named is not None:
            # "according to a News18 report": the outlet (or body) named before the noun wrote it
            sp = build_speaker(named, memory)
            if sp is not None and sp.side is None and tok.lemma_.lower() in MEDIA_DOCUMENT_NOUNS:
                sp.side, sp.kind = "MEDIA", "media"
            return sp
        if author is not None:
            sp = build_speaker(author, memory)
            if sp is not None:
                memory.documents[tok.lemma_.lower()] = sp  # "the statement said" later is the same author's
            return sp
    gender = None
    for c in tok.children:
        if c.dep_ == "compound" and c.lower_ in ("mr", "mr."):
            gender = "m"
        elif c.dep_ == "compound" and c.lower_ in ("ms", "ms.", "mrs", "mrs.", "miss"):
            gender = "f"
    if tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or gender or any(
            fold(c.text).rstrip(".") in TITLES for c in tok.children if c.dep_ == "compound")
            or (fold(tok.text) in memory.people and not any(c.dep_ == "compound" for c in tok.children))
            or (appos is not None and appos.pos_ == "NOUN" and appos.lemma_.lower() in TITLES | ROLE_NOUNS)):
        # ("<Given> <Family>, the regional governor": a name with a person's role, whatever the model calls it)
        # (a surname named in full before is that person, whatever the model calls it alone)
        return _person_speaker(tok, memory, appos, gender)
    mention = _mention_span(tok)
    text = mention.text.strip()
    if not text or len(text) > 200:
        return None
    known = _known_speaker(tok, mention, text, memory)
    if known is not None:
        return known
    return _unnamed_speaker(tok, mention, text, memory)


def _introduced_speaker(tok, appos, memory: Memory):
    """A speaker named in apposition to the noun that introduces it ("a commander in the regiment, <full
    name>", "the army's media wing, <Name of the office>"); False when the subject is not such a noun."""
    role_noun = tok.lemma_.lower() in TITLES or tok.lemma_.lower() in ROLE_NOUNS
    if (tok.pos_ != "PROPN" or role_noun) and appos is not None and appos.pos_ == "PROPN" and (
            appos.ent_type_ == "PERSON" or (role_noun and appos.head.i != tok.i)):
        role = _clean_role(_mention_span(tok))
        sp = build_speaker(appos, memory)
        if sp is not None:
            sp.role = role or sp.role
            sp.side = side_of(role or "") or sp.side or _side_by_role(role, memory)
        return sp
    if tok.pos_ == "NOUN" and not role_noun and appos is not None and appos.pos_ == "PROPN" \
            and appos.ent_type_ != "PERSON" and appos.i > tok.i:
        role = _clean_role(_mention_span(tok))
        sp = build_speaker(appos, memory)
        if sp is not None:
            sp.role = sp.role or role
            sp.side = side_of(role or "") or sp.side or _side_by_role(role, memory, body=True)  # "a war monitor, <Name>"
            return sp
    return False


def _in_clause_below(t, top) -> bool:
    """Whether t sits in a clause hung below top (a relative or adverbial clause), not in top's phrase."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        t = t.head
    return False


def _body_headed(tok):
    """The body a named person heads, told in a clause on the name ("<Name>, who heads the health ministry's
    emergency department"): the object of the heading verb."""
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in HEADING_VERBS:
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None:
                return tok.doc[obj.left_edge.i:obj.i + 1]
    return None


def _side_by_role(role: str | None, memory: Memory, body: bool = False) -> str | None:
    """The side a role gives one it introduces: its own words', else the country the report is about for a
    state body or a party of its war ("the police spokesman, <Name>", "the faction, which calls itself <Name>").
    A body named by a state word is the state's ("the army's media wing, <Office>"); a person so named may
    be either side's officer in a contested town ("the town's mayor, <Name>"): ``body`` tells which."""
    if not role:
        return None
    if role.split()[0].lower() in ("its", "their"):
        # "its country director, <Name>": the body just named (the statement's author) is whose she is
        body_sp = memory.resolve_pronoun(role.split()[0].lower())
        if body_sp is not None and body_sp.side:
            return body_sp.side
    kind = camp(role)
    return side_of(role) or _side_of_body_named_before(role, memory) or (
        memory.country if is_state_body(role) or kind == "nonstate" or (body and kind == "state") else None)


def _known_speaker(tok, mention, text: str, memory: Memory) -> Speaker | None:
    """A known actor, a known name inside the phrase, a speaker named before, or an outlet by its kind."""
    doc = tok.doc
    actor = lookup_actor(text)
    if actor is None:
        # "the UN refugee agency, UNHCR", "the Office of ... (OHCHR)": a known name inside
        for t in tok.subtree:
            hyphened = t.i + 1 < len(doc) and doc[t.i + 1].text in ("-", "–")  # "Hamas-run": a modifier
            if t.i != tok.i and t.pos_ == "PROPN" and t.dep_ in ("appos", "npadvmod", "pobj", "compound") and not hyphened \
                    and not _in_clause_below(t, tok) and not _in_dateline(t):
                # ("the health office, which blamed the RSF": not the RSF; "GAZA (Reuters) - Palestinians
                # said": the parse hangs the dateline's agency on the subject)
                actor = lookup_actor(t.text) if t.dep_ != "compound" else None
                if actor is not None and actor.kind != "person":
                    break
                actor = None
    # "the Washington-based Institute for the Study of War": a known name at the tail
    if actor is None and tok.pos_ == "PROPN":
        actor = _known_tail(text)
    if actor is not None:
        kind = {"media": "media", "person": "person"}.get(actor.kind, "organisation")
        return Speaker(actor.name, actor.role, actor.side, kind, text, mention.start_char, mention.end_char)
    if len(mention) <= 2 and tok.text[:1].isupper() and tok.pos_ == "PROPN" and fold(mention.text) not in country_terms():
        # (a country is itself, not an earlier speaker whose name holds it: "two Pakistan officials")
        for sp in reversed(memory.speakers):
            if sp.kind != "person" and re.search(r"\b" + re.escape(tok.text) + r"\b", sp.text):
                return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char)
    # "the enclave's Health Ministry", "the country's army" after "the Palestinian Health Ministry": the
    # body named before, whose owner the report names by a common noun
    if tok.lower_ in ORGANISATION_NOUNS and any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in tok.children):
        words = " ".join(c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i) + " " + tok.lower_
        for sp in reversed(memory.speakers):
            if sp.kind == "organisation" and fold(sp.name).endswith(words.strip()):
                return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char)
    # "the mayor", "the minister": the latest speaker with that role.
    if tok.pos_ == "NOUN" and len(mention) <= 2 and tok.tag_ == "NN":
        sp = memory.resolve_title(tok.lemma_)
        if sp is not None:
            return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char, sp.gender)
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in SPEECH_MEDIA_NOUNS or tok.lower_ in SPEECH_MEDIA_NOUNS) \
            and any(c.lower_ in STATE_MEDIA_WORDS for c in tok.children if c.dep_ in ("amod", "compound")):
        # "state media said", "state-run television reported": the outlet of the state the report is about
        name = text[4:] if text[:4].lower() == "the " else text
        return Speaker(name, None, side_of(text, memory.country) or memory.country, "media", text,
                       mention.start_char, mention.end_char)
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in SPEECH_MEDIA_NOUNS or tok.lower_ in SPEECH_MEDIA_NOUNS) and not any(
            c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in tok.children):
        # "the news site says", "the newspaper reported": an outlet, the one named before if there was one
        # ("local media reported" is other outlets)
        described = any(c.dep_ == "amod" for c in tok.children)
        for sp in ([] if described else reversed(memory.speakers)):
            if sp.kind == "media":
                return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char)
        name = text[4:] if text[:4].lower() == "the " else text
        return Speaker(name, None, "MEDIA", "media", text, mention.start_char, mention.end_char)
    return None


def _of_a_place(verb) -> bool:
    """The verb's object (or, in a clause on a noun, that noun) is a place: 'an area that has been contested',
    'the province, contested by the rebels'."""
    nouns = place_cues()["settlement_nouns"] | place_cues()["region_nouns"] | {"territory", "land", "zone", "border"}
    held = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if verb.dep_ in ("relcl", "acl"):
        held.append(verb.head)
    return any(t.lemma_.lower() in nouns or t.ent_type_ in ("GPE", "LOC") for t in held)


_SIDE_OPENER = re.compile(r"^\W*(?i:on|from|for) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:['’]s)? side\b")


def _side_the_sentence_opens_on(tok) -> str | None:
    """'On the Pakistani side, ...', 'On Russia's side, ...': the side a sentence says it tells of."""
    m = _SIDE_OPENER.match(tok.sent.text)
    return side_of(m.group(1)) if m and m.end() <= tok.idx - tok.sent.start_char else None


def _side_of_one_of(tok, memory: Memory) -> str | None:
    """'One of the sources' after 'two security sources said': the side of the speakers it is one of."""
    noun = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")), None)
    if noun is None:
        return None
    for sp in reversed(memory.speakers):
        if sp.kind == "collective" and re.search(r"\b" + re.escape(noun.lower_) + r"\b", sp.text, re.I):
            return sp.side
    return None


def _unnamed_speaker(tok, mention, text: str, memory: Memory) -> Speaker:
    """A speaker by description ("the ministry", "two local officials", "a junta statement"): kind and side."""
    if tok.ent_type_ in ("ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        kind = "collective" if tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "NORP" else "organisation"
    elif tok.tag_ in ("NNS", "NNPS"):
        kind = "collective"
    elif tok.lemma_.lower() in ORGANISATION_NOUNS:
        kind = "organisation"  # "the health ministry": a body ("It added" is the ministry)
    else:
        kind = "unnamed"
    name = text.lstrip("-–—•*· ")  # ("(Reuters) -Palestinians said": the dash glued to the word)
    if name[:4].lower() == "the ":
        name = name[4:]
    elif name[:2] in ("A ", "An"):
        name = name[0].lower() + name[1:]
    role = tok.text if kind == "unnamed" and (tok.lemma_.lower() in TITLES or tok.lemma_.lower() in ROLE_NOUNS) else None
    if tok.lemma_.lower() in CIVILIAN_NOUNS and not is_state_body(tok.lemma_):
        # "a resident of <town>", "a doctor at <city> Central Hospital": a civilian speaks for no side, whatever
        # place says where they are; only the words before the noun may give one ("a Palestinian doctor")
        side = side_of(tok.doc[mention.start:tok.i + 1].text, memory.country)
    elif name in memory.acronyms:
        # "the BLA said": the side of the name the article gave it, not of a town spelt like it
        full = memory.acronyms[name]
        side = next((sp.side for sp in memory.speakers if sp.name == full and sp.side), None) \
            or side_of(full, memory.country)
    else:
        side = side_of(text, memory.country) or _place_in(mention) or _side_of_one_of(tok, memory)
    if side is None:
        # "a ministry spokesman": the side of the body named before ("Russia's defence ministry")
        for c in tok.children:
            body = memory.resolve_title(c.lemma_) if c.dep_ == "compound" and c.pos_ == "NOUN" else None
            if body is not None and body.kind == "organisation" and body.side:
                side = body.side
                break
    if side is None and (is_state_body(name) or _state_body_of_place(mention) or state_named(name)):
        # "the ministry said", with no country named: the country the report is about, unless the sentence
        # opens on another side's ("On the Pakistani side, the military said ...")
        side = _side_the_sentence_opens_on(tok) or memory.country
    if side is None and memory.country and camp(name) == "nonstate":
        # "a member of the anti-junta Local Defence Force": a non-state party of the war the report is
        # about counts for that state's side code (docs/claims.md, sides of non-state armed groups)
        side = memory.country
    if side is None and tok.lemma_.lower() in DOCUMENT_NOUNS:
        author = " ".join(c.text for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)
        if author and is_state_body(author):
            side = memory.country  # "a junta statement", "an army communique"
    return Speaker(name, role, side, kind, text, mention.start_char, mention.end_char)


def _person_speaker(tok, memory: Memory, appos, gender: str | None) -> Speaker:
    """A named person: canonical name, role from the apposition or title words, side, gender."""
    doc = tok.doc
    name_span = _name_span(tok)
    written = name_span.text.lstrip(" .,;:")  # "Col. Dominic": the dot the tokenizer split from the title
    mention = _mention_span(tok)
    actor = lookup_actor(mention.text) or lookup_actor(written)
    role = _clean_role(_mention_span(appos)) if appos is not None else None
    if appos is not None:
        # The apposition's full subtree is the role ("an adviser to President <full name>").
        sub = list(appos.subtree)
        role = _clean_role(doc[sub[0].i:sub[-1].i + 1])
    role = role or _role_from_compounds(tok) or _title_before(name_span, mention) \
        or _clean_role(_self_described(tok)) or _role_run_before(name_span)
    remembered = actor is None and len(written.split()) == 1 and fold(written) in memory.people
    if actor is not None:
        name = actor.name
    elif remembered:
        name = memory.people[fold(written)]
    else:
        name = strip_titles(written)
    side = side_of(role or "") if role else None
    if not remembered:  # (a surname alone says nothing of a side: "Ali" is also a town in India)
        side = side or (actor.side if actor else None) or side_of(mention.text, memory.country)
    if actor is None:
        # a person named earlier with a full name: reuse their role and side
        for sp in reversed(memory.speakers):
            if sp.name == name:
                role = role or sp.role
                side = side or sp.side
                gender = gender or sp.gender
                break
    if side is None and (body := _body_headed(tok)) is not None:
        role = role or body.text
        side = _side_by_role(body.text, memory, body=True)  # "<Name>, who heads the ministry's department"
    if side is None and role and (is_state_body(role) or (appos is not None and _state_body_of_place(_mention_span(appos)))):
        side = memory.country  # "the regional governor, <Name>", "<Name>, the Zaporizhzhia regional governor"
    if side is None and role:
        side = _side_of_body_named_before(role, memory)  # "a spokeswoman for the office, <Name>"
    if side is None and role and _GROUP_ROLE.match(role):
        # "<Name>, the group's military operations spokesman": the armed group the article last gave voice to
        side = next((sp.side for sp in reversed(memory.speakers) if sp.side and camp(sp.name, sp.role) == "nonstate"),
                    None)
    if side is None and role and memory.country and (camp(role) == "nonstate" or _named_formation(role)):
        side = memory.country  # "<Name>, an anti-coup fighter from the village", "a commander of the <Name> Force"
    if side is None and (rank := _role_from_compounds(tok) or _title_before(name_span, mention)) and (
            is_state_body(rank) or is_state_body(rank.split()[-1])):
        side = memory.country  # "General <Name>, commander of the 34th Brigade": a rank of the state's forces
    gender = gender or memory.gender_of(name)
    return Speaker(name, role or (actor.role if actor else None), side, "person",
                   mention.text, mention.start_char, mention.end_char, gender)


_BODY_BEFORE = re.compile(r"\b(?:for|of|at|from|in)\s+the\s+([a-z]+)$", re.I)


def _side_of_body_named_before(role: str, memory: Memory) -> str | None:
    """"a spokeswoman for the office, <Name>" after "the UN human rights office said ...": the body the report
    named before with that noun is the one she speaks for, and its side hers."""
    m = _BODY_BEFORE.search(role)
    if m is None or m.group(1).lower() not in ORGANISATION_NOUNS:
        return None
    sp = memory.resolve_title(m.group(1).lower())
    return sp.side if sp is not None else None


_GROUP_ROLE = re.compile(r"(?:the )?(?:group|movement|militants|rebels|insurgents|militia|jihadists)['’]s? ", re.I)


def _noun_above_modifiers(tok):
    """The noun a word right before a cue hangs on through prepositions and modifiers ("the governor of the
    Kursk region": from "region" up to "governor"), at most six steps up."""
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "compound", "amod"):
            break
        tok = tok.head
    return tok


def _told_by_before(v):
    """'Gunmen killed 59 people in a village, local militiamen and an official told AFP', '..., locals and media
    reports said': the parse gives the cue no subject (a second verb of the act, or a root after a list it took
    for the act's objects); the people named between the comma and the cue told (the first of them)."""
    if v.dep_ not in ("conj", "ROOT") or v.i < 2:
        return None
    before = v.doc[v.i - 1]
    if before.text == ",":
        before = v.doc[v.i - 2]  # "..., <Name>, a local security guard, said"
    if before.dep_ == "appos" and before.head.pos_ == "PROPN" and before.head.i < before.i:
        before = before.head  # the name the role is in apposition to
    start = v.head.i if v.dep_ == "conj" else v.sent.start
    commas = [t.i for t in v.doc[start:before.i] if t.text == ","]
    if before.pos_ not in ("NOUN", "PROPN") or not commas or before.is_sent_start:
        return None
    role = _noun_above_modifiers(before)  # "..., the governor of the northeastern region of Kharkiv said": the role
    if role.i != before.i and role.i > commas[-1] and role.pos_ in ("NOUN", "PROPN") and _can_speak(role):
        before = role
    while before.dep_ == "conj" and before.head.i > commas[-1]:
        before = before.head  # "locals and media reports said": the first of the list
    return before


_CONTRAST_WORDS = frozenset(SPEECH["contrast_words"])


def _contrasted_subject(v):
    """'<one side> says it holds the town but <the other> asserts that ...': the parser may take the second
    speaker for one more noun of the first clause and give its cue no subject; the name right before the cue,
    after the conjunction, speaks."""
    doc = v.doc
    if v.i < 2 or v.dep_ in ("ROOT",):
        return None
    name, conj = doc[v.i - 1], doc[v.i - 2]
    if conj.lower_ not in _CONTRAST_WORDS or name.pos_ not in ("PROPN", "NOUN") or name.dep_ not in ("conj", "appos") \
            or not _can_speak(name):
        return None
    return name


def _subject(verb):
    """The speaker token of a cue verb, climbing conjunctions, participles and relative clauses."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        if v.lemma_.lower() == "quote":
            # "State television quoted the governor as saying": the one quoted speaks, not the outlet
            quoted = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if quoted is not None:
                return quoted
        subjects = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in ("there",)]
        # the nearest subject in the verb's own paragraph (a parse may run across a break)
        subjects.sort(key=lambda c: (not _same_paragraph(c, verb), abs(c.i - v.i)))
        # "insurgents loyal to <Name> said": the parser may make the preposition's object a second subject
        subjects = [c for c in subjects if not any(t.dep_ == "prep" and t.i == c.left_edge.i - 1
                                                   for o in subjects if o.i != c.i for t in o.subtree)] or subjects
        for c in subjects[:1]:
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head
            if _in_dateline(c):
                # "Khartoum, June 30 The Sudanese Armed Forces ... refuted": the parser made the dateline
                # the subject; the body after it (its apposition) speaks
                return next((a for a in c.children if a.dep_ == "appos" and not _in_dateline(a)), None) \
                    or _told_by_before(v)
            return _counted_apposition(c, v) or c
        # "<Name> was quoted by the news site as saying": the one quoted speaks, not the outlet that quotes
        quoted = next((c for c in v.children if c.dep_ == "nsubjpass"), None) if v.lemma_.lower() == "quote" else None
        if quoted is not None and quoted.lower_ not in ("it", "this", "that", "which"):
            return quoted
        # passive with an agent: "the claim was made by X"
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if any(c.dep_ in ("nsubjpass", "expl") for c in v.children):
            return None
        before = _contrasted_subject(v) or _told_by_before(v)
        if before is not None:
            return before
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in DOCUMENT_NOUNS and v.head.dep_ == "dobj":
            # "Hamas issued a statement accusing Israel of ...": who issued the statement
            issuer = next((c for c in v.head.head.children if c.dep_ == "nsubj"), None)
            if issuer is not None:
                return issuer
        if v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") \
                and v.head.i < v.i:
            # "A local official, <Name>, told a news agency by phone that ...": a past tense the parser hung on
            # the subject as a participle is the sentence's verb (a participle proper is VBN: "residents told to")
            return v.head
        return None
    return None


_LEADS = "unfog.statements.line_leads"  # doc.user_data key: (the doc's text, {line start: furniture end})


def _text_and_leads(doc) -> tuple[str, dict[int, int]]:
    """The doc's text and its lines' furniture ends, kept on the doc: doc.text joins every token at each
    access, and a line's furniture is the same for all its tokens (this was 3 % of a whole run)."""
    leads = doc.user_data.get(_LEADS)
    if leads is None:
        leads = doc.user_data[_LEADS] = (doc.text, {})
    return leads


def _in_dateline(tok) -> bool:
    """A token inside the dateline that opens its line ("KHARTOUM, May 4 -", "Khartoum, June 30")."""
    text, ends = _text_and_leads(tok.doc)
    line = text.rfind("\n", 0, tok.idx) + 1
    lead = ends.get(line)
    if lead is None:
        end = text.find("\n", tok.idx)
        lead = ends[line] = line + lead_end(text[line:end if end >= 0 else len(text)])
    return tok.idx + len(tok.text) <= lead or (tok.idx < lead and not tok.text[lead - tok.idx:][:1].isalpha())
    # ("(Reuters) -Palestinians said": a word glued to the dateline's dash is the story's, not the dateline's)


def _counted_apposition(subj, verb):
    """'... killed at least 18 people, the health ministry said': the parser makes the counted noun
    the subject and the speaker its apposition; the apposition, right before the verb, speaks."""
    if subj.pos_ != "NOUN" or not any(c.dep_ == "nummod" and ":" not in c.text for c in subj.children):
        return None  # a name ("10:30 Ann Lee, the spokeswoman, said") keeps its own subject
    for a in subj.children:
        if (a.dep_ == "appos" and a.i > subj.i and a.right_edge.i < verb.i
                and subj.doc[a.left_edge.i - 1].text == ","
                and all(t.dep_ in ("advmod", "punct") for t in subj.doc[a.right_edge.i + 1:verb.i])):
            return a
    return None


def _postposed_subject(verb):
    """'..., the governor of the Kursk region said': a speaker the parser hung on the noun before it."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    t = _noun_above_modifiers(verb.doc[verb.i - 1])
    if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and t.i < verb.i and _can_speak(t):
        return t
    return _trailing_speaker(verb)


def _inverted_subject(verb):
    """'..., were wounded, said the statement released late on Wednesday': the speaker after an inverted
    cue, which the parser made the subject of the participle after it."""
    doc = verb.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    for t in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
        if t.pos_ in ("DET", "ADJ") or t.dep_ in ("compound", "amod", "poss", "case"):
            continue
        return t if t.pos_ in ("NOUN", "PROPN") and _can_speak(t) else None
    return None


MAX_TRAILING_SPEAKER = 8  # tokens of "..., Ukraine's general staff said"


def _trailing_speaker(verb):
    """'Troops pushed into the outskirts of X, the general staff said': the phrase between the last
    comma and a cue that ends its sentence, which the parser hung inside the reported clause."""
    doc, sent = verb.doc, verb.sent
    # (or the parser made the cue a conjunct of the reported clause: "Gunmen attacked two posts ..., the
    # military's media wing <Name> (<ABBR>) said in a statement")
    conjunct = verb.dep_ == "conj" and verb.head.i < verb.i
    if not conjunct and not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]):
        return None  # the cue is not the end of the sentence
    comma = next((t.i for t in reversed(doc[sent.start:verb.i]) if t.text == ","), None)
    longest = MAX_TRAILING_SPEAKER + (4 if conjunct else 0)
    if comma is None or not 0 < verb.i - comma - 1 <= longest:
        return None
    span = doc[comma + 1:verb.i]
    heads = [t for t in span if not (span.start <= t.head.i < span.end)]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return heads[0] if _can_speak(heads[0]) else None


def _has_content(verb, segs, sent) -> bool:
    if any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in verb.children):
        return True
    if verb.lemma_ not in OWN_CONTENT_PREPS_ONLY and any(c.dep_ == "prep" and c.lower_ in CONTENT_PREPS["*"]
                                                         for c in verb.children):
        return True  # "described it as ...", "blamed X for ..."
    own = CONTENT_PREPS.get(verb.lemma_, ())
    if any(c.dep_ == "prep" and c.lower_ in own for c in verb.children) or any(
            g.dep_ == "prep" and g.lower_ in own for c in verb.children if c.dep_ == "dobj" for g in c.children):
        return True  # "blamed the strike on X" (the parser hangs "on X" on the object as often as on the verb)
    if verb.lemma_ in ("record", "document", "register", "count", "confirm", "report") and any(
            c.dep_ == "dobj" and any(g.like_num for g in c.subtree) for c in verb.children):
        return True
    if verb.lemma_ in ("confirm", "report") and any(c.dep_ == "dobj" and c.lemma_.lower() in CONFIRMED_EVENT_NOUNS
                                                    for c in verb.children):
        return True  # "A security official confirmed the attack and the casualties", "they reported airstrikes"
    s0, s1 = sent.start_char, sent.end_char
    return any(q.start < s1 and s0 < q.end for q in segs) or _postposed(verb, sent)


def _postposed(verb, sent) -> bool:
    """'..., the regional governor wrote on Telegram.': a cue after a comma, with only its own adjuncts after it."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.left_edge.i <= sent.start or doc[subj.left_edge.i - 1].text != ",":
        return False
    tail = doc[verb.i + 1:sent.end]
    return not any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "about") for t in tail)


def _cue_text(verb) -> str:
    if verb.lemma_ == "put":
        return "put the number at"
    return verb.text.lower()


_CLAIM_CALLED_FALSE = re.compile(
    r"\b(?:" + "|".join(CLAIM_NOUNS_LIST) + r")\b[^.;:]{0,40}?\b(?:was|were|is|are|had been|have been)\s+"
    r"(?:\w+\s+)?[\"“‘']?(?:" + "|".join(DISMISSAL_WORDS) + r")\b", re.I)


# "X has taken responsibility for the attack", "it later distanced itself from it" (lexicons/speech.json)
RESPONSIBILITY_PHRASES = {(verb, polarity): frozenset(objs) for polarity, verbs in SPEECH["responsibility_phrases"].items()
                          for verb, objs in verbs.items()}
RESPONSIBILITY_VERBS = frozenset(verb for verb, _ in RESPONSIBILITY_PHRASES)


def _named_act_is_event(act) -> bool:
    """The act a claim of responsibility names is an attack or the like, or a pronoun ("for it")."""
    return act is None or act.pos_ == "PRON" or act.lemma_.lower() in CONFIRMED_EVENT_NOUNS


def _act_of(verb, obj, prep: str):
    """The object of PREP ("for the attack", "from it") on the verb or on its object: the act named."""
    for head in (verb, obj):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _responsibility_phrase(verb) -> str | None:
    """'asserts' or 'denies' when the verb with its object claims or disowns an act without a speech verb
    ("has taken responsibility for the bombing", "distanced itself from it"); None otherwise."""
    lemma = verb.lemma_.lower()
    if lemma not in RESPONSIBILITY_VERBS or verb.pos_ != "VERB":
        return None
    for (phrase_verb, polarity), objs in RESPONSIBILITY_PHRASES.items():
        if phrase_verb != lemma:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if "*" in objs:
                act = obj
            elif obj.lower_ in objs or obj.lemma_.lower() in objs:
                act = _act_of(verb, obj, "from" if polarity == "denies" else "for")
            else:
                continue
            if _named_act_is_event(act):
                return polarity
    return None


def _polarity(verb, sent_text: str) -> str:
    if verb.lemma_.lower() in DENY_LEMMAS:
        return "denies"
    phrase = _responsibility_phrase(verb)
    if phrase is not None:
        return phrase
    if verb.lemma_.lower() in ("dismiss", "call", "describe", "brand", "label", "characterise", "characterize"):
        tail = verb.doc[verb.i:min(len(verb.doc), verb.i + 15)].text
        if DENIAL_WORDS.search(tail):
            return "denies"
    if verb.lemma_.lower() in ("say", "state", "insist", "claim") and (re.search(
            r"\b(was|were|is|are) [\"“‘']?(not true|fake|false|a lie|lies)\b|\bno truth\b", sent_text, re.I)
            or _CLAIM_CALLED_FALSE.search(sent_text)):
        return "denies"  # ('reports of the attack were "fake news"', 'the claims are baseless')
    return "asserts"


def _nobody(subj) -> bool:
    """'No group has taken responsibility': a subject that names no one who spoke."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def find_cues(sent, segs):
    """(cue token, speaker token, cue text) for each attribution in a sentence."""
    out = []
    for tok in sent:
        pos = tok.pos_
        if pos not in ("VERB", "AUX", "NOUN") and tok.lower_ not in ("according", "by"):
            continue  # no cue (the checks below would all pass it by): skipped before the quote lookup
        if in_quote(segs, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                out.append((tok, _document_source(objs[0]) or objs[0], "according to"))
            continue
        if tok.lower_ == "by" and tok.i + 2 < len(tok.doc):
            obj = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_ in ("count", "estimate", "tally", "account", "reckoning")]
            poss = [g for c in obj for g in c.children if g.dep_ == "poss"]
            if poss:
                out.append((tok, poss[0], "by " + poss[0].text.lower() + " " + obj[0].text.lower()))
            continue
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        if (lemma == "put" and (any(c.dep_ == "dobj" and c.lemma_ in ("number", "toll", "figure", "total", "count", "loss", "losses", "which", "that", "casualty")
                                   for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "at" and any(g.like_num for g in c.subtree) for c in tok.children))) \
                or (lemma in TALLY_GIVING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS for c in tok.children)):
            subj = _subject(tok)
            if subj is not None:
                out.append((tok, subj, "put the number at"))
            continue
        if lemma in REVISION_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS for c in tok.children):
            subj = _subject(tok)  # "the ministry raised the toll to 19": the ministry's new figure
            if subj is not None and _can_speak(subj):
                out.append((tok, subj, REVISE_CUE))
            continue
        if lemma in ("make", "issue") and tok.tag_ == "VBN":
            claim = [c for c in tok.children if c.dep_ == "nsubjpass" and c.lemma_ in CLAIM_NOUNS]
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if claim and agent:
                out.append((tok, agent[0], claim[0].lemma_))
            continue
        if lemma in RESPONSIBILITY_VERBS:
            subj = _subject(tok) if _responsibility_phrase(tok) is not None else None
            if subj is not None and _can_speak(subj) and not _nobody(subj) and _same_paragraph(subj, tok):
                out.append((tok, subj, _cue_text(tok)))  # "the group has taken responsibility for the attack"
            continue
        if lemma not in CUE_LEMMAS and lemma not in TALLY_GIVING_VERBS:
            continue
        if lemma in FOUGHT_OVER_VERBS and _of_a_place(tok):
            continue  # "an area contested by several militias": fought over, not a claim disputed
        tally = _passive_tally(tok)
        if tally is not None:
            out.append((tok, tally, _cue_text(tok)))  # "the toll was reported by the ministry": the ministry's toll
            continue
        if lemma not in CUE_LEMMAS:
            continue  # "gave" is a cue only of a toll ("the toll was given by the health office")
        absolute = tok.tag_ == "VBG" and tok.head.lower_ == "with"  # "..., with Hezbollah announcing attacks"
        if (lemma in WEAK_CUES or absolute) and not _has_content(tok, segs, sent):
            continue
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) \
                and not any(c.dep_ in ("ccomp",) for c in tok.children):
            pass  # "called for mediation" is still the speaker's demand
        if lemma in SILENT_WHEN_NEGATED and any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not comment", "did not respond": nothing was said
        if lemma == "tell" and any(c.dep_ == "xcomp" for c in tok.children) \
                and not any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "told him to repeat the offer" is an order, not a report
        # "Gunmen invaded the villages ..., a military officer told AFP": a cue the parser made a conjunct
        # of the reported clause, with the speaker hung on the noun before it, is that speaker's
        subj = (_postposed_subject(tok) if tok.dep_ == "conj" else None) or _subject(tok) or _postposed_subject(tok) \
            or _inverted_subject(tok)
        if subj is not None and (subj.pos_ == "NUM" or subj.lower_ in ("one", "some", "many", "several")):
            subj = _appos(subj) or subj  # "One of them, a volunteer driver, said"
        if subj is not None and subj.ent_type_ in ("GPE", "LOC") and (ap := _appos(subj)) is not None \
                and ap.i > subj.i and ap.pos_ == "NOUN" and _can_speak(ap):
            subj = ap  # "... north of the provincial capital, a local residents' committee said": the committee
        if subj is None or not _can_speak(subj):
            continue
        if not _same_paragraph(subj, tok):
            continue  # a parse that runs across paragraphs
        cited = _cited_source(tok)
        if cited is not None:
            out.append((tok, cited, _cue_text(tok) + ", citing"))  # "Interfax reported, citing the FSB": the FSB's
            continue
        out.append((tok, subj, _cue_text(tok)))
    return _told_cues(out)


def _told_cues(out):
    """The cues of a sentence that are told as attributions. A cue inside the reported content of another cue is
    part of what was reported, unless it names its own speaker ("the deaths, which local authorities put at
    20,000", "... but <Name> asserts": :func:`_contrasted_subject`). "According to him, a woman ... reported the
    incident": the parse hangs the attribution of the whole sentence on the cue inside what it attributes; it
    stays (both are told)."""
    cues = {c[0].i for c in out}
    return [c for c in out if not any(a.i in cues for a in c[0].ancestors) or c[1].head.i == c[0].i
            or (c[2] == "according to" and c[0].i == c[0].sent.start) or _is_contrasted(c[0], c[1])]


def _is_contrasted(verb, subj) -> bool:
    """The cue's speaker is the name after "but" right before it (:func:`_contrasted_subject`)."""
    named = _contrasted_subject(verb)
    return named is not None and named.i == subj.i


def _before_other_speaker(verb, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A cue's reported clause ends before another speaker's clause the parser hung inside it ("... the town
    but <Name> asserts ...": :func:`_contrasted_subject`): that one is said apart."""
    if content is None:
        return None
    for t in verb.subtree:
        if t.i != verb.i and t.lemma_.lower() in CUE_LEMMAS and (named := _contrasted_subject(t)) is not None \
                and content[0] < named.idx < content[1]:
            last = t.doc[named.i - 2]  # (the word before "but")
            return (content[0], last.idx + len(last.text)) if last.idx > content[0] else content
    return content


SPEAKER_NOUNS = set(SPEECH["speaker_nouns"])
REVISION_VERBS = set(SPEECH["revision_verbs"])
TALLY_NOUNS = set(SPEECH["tally_nouns"])
SELF_NAMING_VERBS = frozenset(SPEECH["self_naming_verbs"])
ARMED_FORMATION_NOUNS = frozenset(SPEECH["armed_formation_nouns"])
FOUGHT_OVER_VERBS = frozenset(SPEECH["fought_over_verbs"])
TALLY_GIVING_VERBS = frozenset(SPEECH["tally_giving_verbs"])
HEADING_VERBS = frozenset(SPEECH["heading_verbs"])
STATE_MEDIA_WORDS = frozenset(SPEECH["state_media_words"])
ORGANISATION_NOUNS = frozenset(SPEECH["organisation_nouns"])
SPEECH_MEDIA_NOUNS = frozenset(SPEECH["speech_media"]) - {"report", "reports", "agency"}  # outlets, not documents
REVISE_CUE = "revised the figure"
# what a source confirms that is a claim by itself ("confirmed the attack", "confirmed the deaths")
CONFIRMED_EVENT_NOUNS = frozenset(SPEECH["confirmed_event_nouns"])
SPEAKER_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _same_paragraph(a, b) -> bool:
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo:hi].text_with_ws  # the text between them, not the whole doc's


def _can_speak(tok) -> bool:
    """A subject that can make a statement: a person, a body, a document or a pronoun."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    if lemma in SPEAKER_NOUNS or lemma in DOCUMENT_NOUNS or tok.lower_ in SPEAKER_NOUNS or tok.lower_ in SPEECH_MEDIA_NOUNS:
        return True  # (the word as written too: "media" has the lemma "medium"; "state television reported")
    if tok.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i for c in tok.children):
        return True  # "the army's media wing, <Name of the office>": the body its name says
    if tok.pos_ == "NOUN" and any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in tok.subtree):
        return True  # "the abbot of a monastery, who led the rites, said": a person, whatever the role's word
    return tok.pos_ == "NOUN" and lemma.endswith(SPEAKER_SUFFIXES) and len(lemma) > 5


class _Run:
    """The state of one extraction: the text, its paragraphs and quotes, what was found so far."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text  # doc.text, joined once per piece by the Context
        self.segs = quote_segments(self.text)
        self.memory = Memory()
        self.memory.note_people(self.doc)
        self.memory.note_acronyms(doc_text(self.doc))
        self.memory.note_genders(self.doc)
        self.memory.country = ctx.report_country()
        self.paras = ctx.paragraphs
        self.out: list[Statement] = []
        self.covered: list[tuple[int, int, Statement, QuoteSeg | None]] = []
        self.group_speaker: dict[int, tuple[Speaker, Statement]] = {}

    def para_of(self, pos: int) -> int:
        for k, (a, b) in enumerate(self.paras):
            if a <= pos < b:
                return k
        return -1

    def make(self, sp: Speaker, cue: str | None, polarity: str, quote: bool, start: int, end: int,
             content: tuple[int, int] | None) -> Statement:
        text = self.text
        st = Statement(
            id=self.ctx.make_id("stm", start, end, sp.name), article_id=self.ctx.article.id, speaker=sp.name,
            text=text[start:end], start=start, end=end, speaker_role=sp.role, speaker_side=sp.side, cue=cue,
            polarity=polarity, quote=quote, speaker_text=sp.text, speaker_start=sp.start, speaker_end=sp.end,
            speaker_kind=sp.kind,
        )
        if content:
            st.content_start, st.content_end = self.past_dateline(*content), content[1]
            st.content = text[st.content_start:st.content_end]
        return st

    def past_dateline(self, start: int, end: int) -> int:
        """Where content that opens a paragraph begins after its dateline ("KYIV (Wire) -" is no one's claim)."""
        k = self.para_of(start)
        if k < 0:
            return start
        a, b = self.paras[k]
        lead = a + lead_end(self.text[a:b])
        # (the content may open inside the dateline: "CAIRO" can be a sentence of its own to the parser)
        return lead if start < lead < end else start


def extract(ctx: Context) -> list[Statement]:
    run = _Run(ctx)
    for sent in ctx.sentences:
        if sent.end_char - sent.start_char <= MAX_SENT_CHARS:  # len(sent.text), without joining its tokens
            _sentence_statements(run, sent)
    _headline_statements(run)
    _continuations(run)
    _told_after(run)
    run.out.sort(key=lambda s: (s.start, s.end))
    # ids must be unique even when one sentence credits the same name twice
    seen: set[str] = set()
    uniq = []
    for s in run.out:
        if s.id not in seen:
            seen.add(s.id)
            uniq.append(s)
    _add_dates(ctx, uniq)
    return uniq


# "The toll has risen to 69. This was revealed on Wednesday by security sources": the sentence before is theirs
_TOLD_AFTER = re.compile(r"(?:This|That|It|These figures|The figures?)\s+(?:was|were|has been|have been|had been)\s+"
                         r"(?:\w+\s+){1,5}?by\b")


def _told_after(run: _Run) -> None:
    """A statement whose content is "this" told by someone ("This was disclosed by police") claims the sentence
    before, in its paragraph, when that sentence has no speaker of its own."""
    sents = run.ctx.sentences
    starts = [x.start_char for x in sents]
    for st in run.out:
        if not _TOLD_AFTER.match(st.text) or st.speaker_start is None or st.speaker_start < st.start:
            continue
        k = bisect.bisect_right(starts, st.start) - 1
        if k <= 0 or sents[k].start_char != st.start:
            continue
        prev = sents[k - 1]
        if run.para_of(prev.start_char) != run.para_of(st.start) and run.text[prev.end_char:st.start].count("\n") > 2:
            continue
        if any(o is not st and o.start < prev.end_char and prev.start_char < o.end for o in run.out):
            continue  # the sentence before has its own speaker
        st.start, st.text = prev.start_char, run.text[prev.start_char:st.end]
        st.content_start, st.content_end = prev.start_char, prev.end_char
        st.content = run.text[prev.start_char:prev.end_char]


def _sentence_statements(run: _Run, sent) -> None:
    """One statement per speaker credited by a cue in the sentence."""
    text = run.text
    s0, s1 = sent.start_char, sent.end_char
    seen_names: dict[str, Statement] = {}
    first_new = len(run.memory.speakers)
    for verb, subj, cue in find_cues(sent, run.segs):
        sp = build_speaker(subj, run.memory)
        if sp is None or not sp.name.strip():
            continue
        if sp.name in seen_names:
            if _polarity(verb, text[s0:s1]) == "denies":  # sent.text, a slice of the piece's text
                seen_names[sp.name].polarity = "denies"
            continue
        # Evidence: the sentence (within the cue's paragraph), widened to the quotations it touches.
        start, end = s0, s1
        k = run.para_of(verb.idx)
        if k >= 0:
            start, end = max(start, run.paras[k][0]), min(end, run.paras[k][1])
        touched = [q for q in run.segs if q.start < end and start < q.end and not _scare_quote(verb, q)]
        for q in touched:
            start, end = min(start, q.start), max(end, q.end)
        start, end = _trim(text, start, end)
        content = _before_other_speaker(verb, _content(verb, cue, touched, subj))
        if content is None and sp.start is not None and start < sp.start < verb.idx and verb.dep_ in ("conj", "parataxis") \
                and verb.head.idx < sp.start:
            # "Seven people were killed ..., a health official confirmed.": the parse made the cue a
            # conjunct of the reported clause; what stands before the comma is what was said
            comma = text.rfind(",", start, sp.start)
            if comma > start:
                content = _trim(text, start, comma)
        if content is None and cue == "according to" and verb.idx > start:
            # "Five died on Monday, according to the director": the clause before the attribution
            comma = text.rfind(",", start, verb.idx)
            if comma > start and not text[comma + 1:verb.idx].strip():
                content = _trim(text, start, comma)
        if content and (content[0] < start or content[1] > end):
            # a parse that runs across a line break (list items, a live blog's entries): its own line only
            a, b = max(content[0], start), min(content[1], end)
            content = _trim(text, a, b) if a < b else None
        if content and sp.start is not None and content[0] < sp.start < content[1] and verb.idx > sp.start:
            # a trailing speaker the parser hung inside the reported clause: the content ends before it
            comma = text.rfind(",", content[0], sp.start)
            if comma > content[0]:
                content = _trim(text, content[0], comma)
        st = run.make(sp, cue, _polarity(verb, text[s0:s1]), bool(touched), start, end, content)
        seen_names[sp.name] = st
        run.out.append(st)
        run.memory.speakers.append(sp)
        if sp.kind == "person" and len(sp.name.split()) > 1:
            # "Raikovych said" after "Governor Andriy Raikovych said" (a name the model took for an ORG)
            run.memory.people.setdefault(fold(sp.name.split()[-1]), sp.name)
        for q in touched:
            run.group_speaker.setdefault(q.group, (sp, st))
        run.covered.append((start, end, st, touched[0] if touched else None))
    # "..., the ministry said in a statement, the news agency reported": the outlet relays the body, and
    # "It said" after that is the body (the outlets of the sentence go before its other speakers)
    new = run.memory.speakers[first_new:]
    if any(sp.kind == "media" for sp in new) and any(sp.kind != "media" for sp in new):
        run.memory.speakers[first_new:] = [sp for sp in new if sp.kind == "media"] + [sp for sp in new if sp.kind != "media"]


MAX_SCARE_QUOTE_WORDS = 3


def _scare_quote(verb, q) -> bool:
    """A few quoted words inside a clause that goes on with its own verb before the cue ("'Terrorists'
    invaded the villages, an officer said"): the writer's marks on a word, not what was said."""
    doc = verb.doc
    if q.end > verb.idx:
        return False
    if len(doc_text(doc)[q.start:q.end].split()) > MAX_SCARE_QUOTE_WORDS and not _quoted_name(doc, q):
        return False
    return any(t.pos_ in ("VERB", "AUX") and q.end <= t.idx for t in doc[verb.sent.start:verb.i])


NAMING_WORDS = frozenset(SPEECH["naming_words"])


def _quoted_name(doc, q) -> bool:
    """A quoted name ("a bomb known as the 'mother of all bombs'"): the quote follows a naming word and holds
    no finite verb, so it is the writer's name for a thing however long, not what was said."""
    inside = [t for t in doc if q.start <= t.idx < q.end]
    before = [t for t in doc if t.idx < q.start and not t.is_punct][-2:]
    # (a participle may name too: "the flying anvil")
    return bool(inside) and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in inside) \
        and any(t.lower_ in NAMING_WORDS for t in before)


def _cited_source(verb):
    """The source an outlet or a speaker cites for what it reports ("the agency reported, citing the FSB",
    "said citing a military source", "citing health ministry figures"): who the claim comes from."""
    doc = verb.doc
    after = [t for t in doc[verb.i + 1:verb.i + 3] if t.lemma_.lower() == "cite"]  # ", citing X" the parse hung elsewhere
    for c in [*verb.children, *after]:
        if (c.dep_ in ("advcl", "xcomp") or c in after) and c.lemma_.lower() == "cite":
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is None:
                return None
            if obj.lemma_.lower() in DOCUMENT_NOUNS:
                return _document_source(obj) or next(
                    (g for g in obj.children if g.dep_ == "compound" and _can_speak(g)), None)
            return obj if _can_speak(obj) else None
    return None


def _document_source(noun):
    """Who issued a document named as the source ("according to a toll given by the health office",
    "the ministry's figures", "figures from the army"): its owner, the agent of the verb that issued it,
    or the body it came from; None when the document names no one."""
    if noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in PRONOUNS:
            return c
    for c in noun.children:
        if c.dep_ == "acl":
            agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if agent is not None and _can_speak(agent):
                return agent
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS and _can_speak(obj):
                return obj
    return None


def _passive_tally(verb):
    """The agent of a passive cue whose subject is a tally: 'the death toll was reported by the ministry'."""
    if not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in TALLY_NOUNS for c in verb.children):
        return None
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _partial_quote_clause(verb, touched) -> tuple[int, int] | None:
    """'<Party> said it struck a "terror target"': a quotation of a few words that closes the reported clause after
    the cue is part of what was said; the clause is the content (not the quoted words alone). None when the quotes
    are not within one clause after the cue, or do not close it."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is None:
        return None
    sub = list(comp.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    if not all(lo < q.start and q.end <= hi + 1 for q in touched):
        return None  # (a quote that opens the clause or runs past it is the content itself)
    # (only a quote that closes the clause: one inside a longer clause may stand before another verb of the
    # speaker's, "said those killed were 'bandits' and denied ...", whose content fusion reads from the quote)
    if doc_text(comp.doc)[touched[-1].end:hi].strip(" ,.;:\"”’'"):
        return None
    return (lo, max(hi, touched[-1].end))


def _content(verb, cue: str, touched, subj=None) -> tuple[int, int] | None:
    """What was claimed: the quotations touched, the number phrase of "put at", the tally a passive
    cue reports, or the reported clause."""
    if touched:
        return _partial_quote_clause(verb, touched) or (touched[0].start, touched[-1].end)
    tally = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in TALLY_NOUNS), None)
    if tally is not None and _passive_tally(verb) is not None:
        sub = list(tally.subtree)
        return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    if cue == "put the number at" and verb.lemma_.lower() in TALLY_GIVING_VERBS:
        tally = next(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS)
        sub = list(tally.subtree)  # "the monitor gave a higher toll": the toll it gave
        return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    if cue in ("put the number at", REVISE_CUE):
        sub = list(verb.subtree)
        return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    comp = [c for c in verb.children if c.dep_ == "ccomp"]
    # "A officer put the toll at 15; the group said 21 were killed": the parse may hang the clause before
    # the semicolon on the later cue too; what the cue reports is the clause after it
    if subj is not None:  # ("said the statement released late on Wednesday": not the clause the speaker is in)
        comp = [c for c in comp if not c.left_edge.i <= subj.i <= c.right_edge.i] or comp
    comp = [c for c in comp if c.i > verb.i] or comp
    if comp:
        sub = list(comp[0].subtree)
        lo = sub[0]
        # "Kenya says 3 died": a headline's count the parser hung on the cue belongs to the clause after it
        for c in verb.children:
            if c.dep_ == "dobj" and verb.i < c.i < lo.i and c.like_num:
                lo = c
        return (lo.idx, sub[-1].idx + len(sub[-1].text))
    # "the army confirmed only 10 deaths, while the radio reported 43": a count as the cue's object is what
    # it reports (not the rest of the sentence, which may be another speaker's)
    counted = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                    and any(t.like_num for t in c.subtree)), None)
    if counted is not None and not any(t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() in CUE_LEMMAS
                                       for t in verb.sent):
        counted = None  # (one speaker in the sentence: the sentence is what it reports)
    if counted is not None:
        sub = list(counted.subtree)
        return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    # "al Shabaab claims killing 20 soldiers": what it claims is the gerund's clause
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)
    if gerund is not None:
        sub = list(gerund.subtree)
        return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    return None


def _continuations(run: _Run) -> None:
    """Quotations nobody is credited with in their own sentence: continue the quote's speaker."""
    text, paras = run.text, run.paras
    stmts_by_pos = sorted(run.out, key=lambda s: s.start)
    for q in run.segs:
        if any(a < q.end and q.start < b for a, b, _, _ in run.covered):
            continue
        owner = run.group_speaker.get(q.group)
        prev = None
        if owner is None:
            before = [s for s in stmts_by_pos if s.end <= q.start]
            if before:
                prev = before[-1]
                gap_paras = run.para_of(q.start) - run.para_of(prev.start)
                # Only right after a quoted statement, within two paragraphs, and only when
                # the quotation fills its paragraph (a quoted phrase in the reporter's own
                # sentence is not the last speaker's).
                p = paras[run.para_of(q.start)] if run.para_of(q.start) >= 0 else (q.start, q.end)
                fills = q.start - p[0] <= 1 and (p[1] - q.end) <= 2
                if not (prev.quote and 0 <= gap_paras <= 2 and (fills or gap_paras == 0)):
                    prev = None
        if owner is None and prev is None:
            continue
        src = owner[1] if owner else prev
        sp = Speaker(src.speaker, src.speaker_role, src.speaker_side, src.speaker_kind or "person",
                     src.speaker_text or "", src.speaker_start or 0, src.speaker_end or 0)
        start, end = _trim(text, q.start, q.end)
        if end <= start:
            continue
        # The speaker evidence of a continuation is the attribution it inherits.
        st = run.make(sp, None, "asserts", True, start, end, (start, end))
        run.out.append(st)
        run.covered.append((start, end, st, q))


# ---- the country a report is about, and headline attribution ------------------------------------

HEADLINE_MAX = 300
_HEAD_SEP = re.compile(r"\s*:\s+|\s+[-–—]+\s*|[-–—]+\s+|(?<=[a-z.)’'])[-–—](?=[A-Z])")
_HEAD_CUES = (r"says|said|say|claims|claimed|claim|reports|reported|report|confirms|confirmed|admits|admitted|"
              r"announces|announced|recounts|denies|denied|insists|insist|raises|raised|revises|revised|puts|put|"
              r"rejects|rejected|dismisses|dismissed")
_HEAD_CUE = re.compile(r"\s+(?P<cue>" + _HEAD_CUES + r")\s+", re.I)
_HEAD_POST = re.compile(r",\s*(?:(?P<cue>says|said|say|claims|claimed|according to)\s+(?P<who>[^,;:]{2,60}?)"
                        r"|(?P<who2>[^,;:]{2,60}?)\s+(?P<cue2>says|said|say|claims|claimed))\s*$", re.I)
_HYPHEN_PREFIXES = {"pro", "anti", "ex", "non", "pre", "post", "neo", "self", "co", "mid", "semi", "quasi"}
_JUNK = re.compile(r"(?:\s+[a-z]{1,4}(?:/[a-z]{1,4})+)+\s*$")  # wire-desk initials "sjw/ma/dh"


def is_headline(line: str) -> bool:
    """A title-like line: short, one line, no closing full stop."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX and not re.search(r"[.!?][\"”’)]?$", line)


def claimant_like(phrase: str, doc=None, start: int | None = None) -> bool:
    """A short phrase that can name who claims: a known actor, a side, a speaker noun or a named entity."""
    words = phrase.split()
    if not 1 <= len(words) <= 8 or re.search(r"\d", phrase):
        return False
    if any({f, f[:-1], f[:-2]} & _NOT_CLAIMANT_WORDS for f in map(fold, words)):  # ("killed": kill, "dead")
        return False  # "...: Gaza war, day 233" (a live page's label), "...: three people killed" (the story)
    if lookup_actor(phrase) is not None or side_of(phrase) is not None:
        return True
    nouns = SPEAKER_NOUNS | set(SPEECH["speech_media"])
    if any(_singular(re.sub(r"'s$", "", fold(w))) in nouns or fold(w) in nouns for w in words):
        return True
    if doc is not None and start is not None:
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        return span is not None and any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)
    return False


_singular = singular
# words that make a headline's tail a label or the story itself, not who tells it
_NOT_CLAIMANT_WORDS = frozenset(w for w in SPEECH["topic_prefix_words"] if " " not in w) | frozenset(
    w for k in ("killed", "wounded", "captured", "missing") for w in load_lexicon("categories")["categories"][k]
    if " " not in w)


def _headline_statements(run: _Run) -> None:
    """Headline attribution: '... - regional governor', '...: army', 'X says ...', '..., says X'."""
    for a, b in run.paras:
        line = run.text[a:b]
        if is_headline(line):
            _clip_to_clause(run, a, b)
        entry = _timed_entry(run, a, b)
        if entry is not None:
            # a live blog's entry opened by its time ("10:40 GMT - The army rejects the account, saying ...")
            # reads like a headline, and the parser may not find the verb's subject after the time stamp
            lead, end = entry
            found = _says_clause(run, lead, end)
        elif not is_headline(line) or any(s.start < b and a < s.end and s.cue != "headline" for s in run.out
                                          if s.content_start is not None):
            continue
        else:
            lead = a + lead_end(line)
            junk = _JUNK.search(run.text[lead:b])
            end = lead + junk.start() if junk else b
            found = _trailing_claimant(run, lead, end) or _says_clause(run, lead, end)
        if found is None:
            continue
        who, content, cue = found
        sp = _phrase_speaker(run, *who)
        start, stop = _trim(run.text, lead, end)
        st = run.make(sp, cue, "denies" if cue.startswith(("den", "rej", "dis")) else "asserts", False, start, stop,
                      content)
        run.out.append(st)
        run.memory.speakers.append(sp)
        run.covered.append((start, stop, st, None))


_TIME_LEAD = re.compile(r"\d{1,2}[:.]\d{2}")


def _timed_entry(run: _Run, a: int, b: int) -> tuple[int, int] | None:
    """The first sentence of a line opened by a time stamp that no statement covers: (start, end)."""
    line = run.text[a:b]
    lead = lead_end(line)
    if not lead or not _TIME_LEAD.match(line) or is_headline(line):
        return None
    stop = re.search(r"[.!?](?:\s|$)", line[lead:])
    end = a + lead + (stop.start() if stop else len(line) - lead)
    if any(s.start < end and a < s.end for s in run.out):
        return None
    return a + lead, end


def _clip_to_clause(run: _Run, a: int, b: int) -> None:
    """In a headline "X says" covers only its own clause: 'Rebels say they downed a jet, 14 dead'."""
    for st in run.out:
        if st.content_start is not None and a <= st.content_start < b:
            cut = re.search(r"[,;]\s", run.text[st.content_start:st.content_end])
            if cut:
                st.content_end = st.content_start + cut.start()
                st.content = run.text[st.content_start:st.content_end]


def _trailing_claimant(run: _Run, a: int, b: int):
    """'... - regional governor', '...: army', '... -UN', '..., says militia': ((start, end), content, cue)."""
    text = run.text
    post = _HEAD_POST.search(text, a, b)
    if post:
        g = "who" if post.group("who") else "who2"
        if claimant_like(post.group(g), run.doc, post.start(g)):
            return (post.start(g), post.end(g)), (a, post.start()), (post.group("cue") or post.group("cue2")).lower()
    for m in _HEAD_SEP.finditer(text, a, b):
        tail = text[m.end():b]
        cut = re.search(r",|\s+citing\b", tail)
        who_end = m.end() + (cut.start() if cut else len(tail))
        who = text[m.end():who_end].strip()
        if m.start() - a < 8 or not who or not claimant_like(who, run.doc, m.end()):
            continue
        if not text[m.start()].isspace() and not text[m.end() - 1].isspace():
            # an unspaced hyphen: "Ukraine-Defence Ministry" is a claimant, "pro-Russian rebels" is not
            left = re.search(r"(\w+)$", text[a:m.start()])
            if len(who.split()) > 5 or left and left.group(1).lower() in _HYPHEN_PREFIXES:
                continue
        if not cut and re.search(r"\b(" + _HEAD_CUES + r")\b", who, re.I):
            continue
        return (m.end(), m.end() + len(who)), (a, m.start()), "headline"
    return None


def _says_clause(run: _Run, a: int, b: int):
    """'Ukraine says 300 separatists killed': the clause after the cue, up to a comma, is the claim."""
    text = run.text
    for m in _HEAD_CUE.finditer(text, a, b):
        left = text[a:m.start()]
        bounds = list(re.finditer(r"[,;:]\s*|\b(?:as|after|while|and|but|amid|when)\s+", left, re.I))
        w0 = a + (bounds[-1].end() if bounds else 0)
        who = text[w0:m.start()].strip()
        if not who or re.match(r"(?i)(the )?(shelling|fighting|attack|blast|strike|battle|clash|violence)", who):
            continue
        what = re.match(r"(?:that\s+)?([^,;:]+)", text[m.end():b])
        if what and len(who.split()) <= 6 and claimant_like(who, run.doc, w0):
            w1 = m.end() + what.start(1)
            return (w0, w0 + len(who)), (w1, w1 + len(what.group(1).rstrip())), m.group("cue").lower()
    return None


def _state_body_of_place(mention) -> bool:
    """'the North Darfur health office', 'Kherson regional authorities': a state body behind the name of
    a place (what the model tags a place, so a capital letter opening the sentence is not one)."""
    k = 1 if mention[0].lower_ == "the" else 0

    def place_word(t) -> bool:  # (the model may call "Sinaloa" in "the Sinaloa Attorney General's Office" an ORG)
        return t.ent_type_ in ("GPE", "LOC") or (t.pos_ == "PROPN" and not t.is_sent_start and t.ent_type_ != "PERSON") \
            or (t.lower_ == "and" and t.ent_type_ in ("GPE", "LOC"))  # "the Jammu and Kashmir Police"

    start = k
    while k < len(mention) - 1 and place_word(mention[k]) and not is_state_body(mention[k:].text):
        k += 1
    return start < k < len(mention) and lookup_actor(mention[start:k].text) is None and is_state_body(mention[k:].text)


def _place_in(span) -> str | None:
    """The country of a place named inside a speaker phrase ("Gaza civil defence" -> PSE)."""
    doc = span.doc
    for ent in span.ents:
        if ent.end < len(doc) and doc[ent.end].lower_ in place_cues()["named_after_nouns"]:
            continue  # "a source at al-Thawra hospital": a building's name, not where the speaker is from
        if ent.label_ in ("GPE", "LOC") and not is_people_word(ent.text):  # "Police" is no town here
            code = country_of_place(ent.text)
            if code:
                return code
    return None


def _phrase_speaker(run: _Run, start: int, end: int) -> Speaker:
    """A speaker from a bare phrase (a headline's claimant)."""
    phrase = run.text[start:end]
    actor = lookup_actor(phrase)
    country = run.memory.country
    if actor is not None:
        kind = {"media": "media", "person": "person"}.get(actor.kind, "organisation")
        return Speaker(actor.name, actor.role, actor.side, kind, phrase, start, end)
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    words = fold(name).split()
    last = words[-1] if words else ""
    span = run.doc.char_span(start, end, alignment_mode="expand")
    side = side_of(name, country) or (_place_in(span) if span is not None else None)
    if side is None and last in SPEECH["speech_media"]:
        side = "MEDIA"
    if side is None and is_state_body(name):
        side = country
    span = run.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.ent_type_ == "PERSON" for t in span):
        kind = "person"
    elif last.endswith("s") and not last.endswith("ss"):
        kind = "collective"
    else:
        kind = "organisation" if side or is_state_body(name) else "unnamed"
    return Speaker(name, None, side, kind, phrase, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_dates(ctx: Context, stmts: list[Statement]) -> None:
    for s in stmts:
        d = ctx.date_near(s.start, s.end)
        if d is not None:
            s.date = getattr(d, "date", None) if not isinstance(d, str) else d


__all__ = ["extract", "quote_segments", "sentence_spans", "statement_at", "Actor"]
