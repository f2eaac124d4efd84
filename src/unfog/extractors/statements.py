"""Attributed statements: who said (claimed, denied, told...) what.

A statement is found three ways:

1. a cue verb with a speaker (``said``, ``told``, ``claimed``, ``denied``...): the
   speaker is the verb's subject (or the agent of a passive, or the head of a
   relative clause, or the subject of the verb it hangs from: "..., adding that");
2. ``according to X`` and ``X put the number at``;
3. quotations that carry no attribution of their own: a paragraph that continues
   an open quote, or one more quoted paragraph after a speaker's quote. They
   belong to the speaker of their quote group or of the statement just before.

Quote structure comes from the characters (curly or straight quote marks); an
opening mark with no closing mark at the end of a paragraph continues into the
next paragraph when that one opens with a quote mark. Cue words inside a
quotation are the quoted person's words, not attributions.

Pronouns ("he added", "it said") and title references ("Mr Shoigu", "the
mayor") are resolved to the most recent compatible named speaker. The
article's own voice is never a statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from unfog.lexicons.actors import TITLES, Actor, fold, lookup_actor, side_of, strip_titles
from unfog.extractors.context import Context
from unfog.lexicons.denial import DENY_VERBS, DISMISSAL_RE
from unfog.extractors.query import paragraphs, same_paragraph, sentence_spans, statement_at  # noqa: F401  (statement_at re-exported)
from unfog.model import Statement

# lemma -> the cue as reported. Speech and claim verbs only: what a person says, not does.
CUE_LEMMAS = {
    "say", "tell", "add", "claim", "deny", "acknowledge", "call", "accuse", "announce", "warn",
    "insist", "state", "post", "write", "report", "confirm", "admit", "allege", "assert", "estimate",
    "declare", "reject", "dismiss", "note", "describe", "explain", "stress", "emphasise", "emphasize",
    "reiterate", "maintain", "suggest", "argue", "blame", "urge", "promise", "predict", "reply",
    "respond", "counter", "contend", "concede", "recall", "quote", "tweet", "vow", "threaten",
    "refute", "characterise", "characterize", "brand", "label", "disclose", "reveal", "repeat",
    "comment", "remark", "observe", "conclude", "complain", "testify", "pledge",
    "record", "document", "register", "count",
}
# Weak cues count only with reported content (a clause, a quote or "as ...").
WEAK_CUES = {"call", "describe", "promise", "note", "recall", "repeat", "label", "brand",
             "characterise", "characterize", "post", "write", "vow", "pledge", "threaten", "quote",
             "blame", "urge", "warn", "confirm", "report", "record", "document", "register", "count"}
SILENT_WHEN_NEGATED = {"comment", "respond", "reply", "say", "confirm", "explain", "specify", "elaborate",
                       "disclose", "reveal", "answer", "state", "announce"}
DENY_LEMMAS = DENY_VERBS  # lexicons/denial.json
DENIAL_WORDS = DISMISSAL_RE
DOCUMENT_NOUNS = {"assessment", "report", "statement", "update", "analysis", "briefing", "bulletin",
                  "communique", "communiqué", "study", "survey", "post", "message", "video", "tweet",
                  "release", "estimate", "intelligence", "review", "letter", "address", "announcement"}
CLAIM_NOUNS = {"claim", "statement", "announcement", "allegation", "assertion", "denial", "remark", "comment"}
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "it": "it", "its": "it",
            "they": "pl", "them": "pl", "their": "pl"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
QUOTE_OPEN = "“\"«„"
QUOTE_CLOSE = "”\"»“"
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
        i = lead
        open_at = None
        first = True
        while i < len(para):
            c = para[i]
            if open_at is None and c in QUOTE_OPEN and _is_opening(para, i):
                if not (first and carry and i == lead):
                    group += 1
                open_at = i
            elif open_at is not None and c in QUOTE_CLOSE and i > open_at and _is_closing(para, i):
                segs.append(QuoteSeg(p_start + open_at, p_start + i + 1, group, True))
                open_at = None
            if not c.isspace():
                first = False
            i += 1
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


class Memory:
    """Speakers seen so far in the article, for pronouns and short references."""

    def __init__(self):
        self.speakers: list[Speaker] = []
        self.people: dict[str, str] = {}  # surname (folded) -> full name as first written

    def note_people(self, doc) -> None:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = strip_titles(ent.text).replace("’s", "").replace("'s", "").split()
                if len(words) >= 2:
                    self.people.setdefault(fold(words[-1]), " ".join(words))

    def resolve_pronoun(self, word: str) -> Speaker | None:
        kind = PRONOUNS.get(word.lower())
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
        return None

    def resolve_title(self, noun: str) -> Speaker | None:
        """'the mayor' -> the latest speaker with that role; 'the ministry' -> the latest such body."""
        for sp in reversed(self.speakers):
            if sp.role and re.search(r"\b" + re.escape(noun) + r"\b", sp.role, re.I):
                return sp
            if sp.kind == "organisation" and re.search(r"\b" + re.escape(noun) + r"\b", sp.name, re.I):
                return sp
        return None


def _name_span(tok):
    """The proper-name tokens around a PROPN head: compounds and flat names, no titles."""
    doc = tok.doc
    left = tok.i
    while left - 1 >= 0 and doc[left - 1].head.i in range(left, tok.i + 1) and doc[left - 1].dep_ in ("compound", "flat") \
            and doc[left - 1].pos_ == "PROPN":
        left -= 1
    right = tok.i
    while right + 1 < len(doc) and doc[right + 1].dep_ in ("flat",) and doc[right + 1].head.i == tok.i:
        right += 1
    while left < tok.i and fold(doc[left].text).rstrip(".") in TITLES:
        left += 1
    return doc[left:right + 1]


def _mention_span(tok):
    """The speaker phrase as written: the subject's subtree without appositions and clauses."""
    doc = tok.doc
    cut = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "prep"}
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            # "an adviser to Ukraine's defence ministry" and "Institute for the Study of War" keep
            # their preposition; "Putin in Moscow" does not.
            keep = c.dep_ == "prep" and (t.i == tok.i or (t.pos_ == "PROPN" and tok.pos_ == "PROPN")) and c.i > tok.i and (
                tok.pos_ != "PROPN" or (c.lower_ in ("of", "for") and c.i + 1 < len(doc) and doc[c.i + 1].is_title)
                or (c.lower_ in ("of", "for") and c.i + 2 < len(doc) and doc[c.i + 1].lower_ == "the" and doc[c.i + 2].is_title))
            if c.dep_ in cut and not keep:
                continue
            if c.dep_ == "prep" and c.i < tok.i:
                continue
            toks.append(c)
            stack.append(c)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    for ent in doc.ents:  # a named body is one unit: "Institute for the Study of War"
        if ent.start <= tok.i < ent.end and ent.label_ in ("ORG", "NORP", "GPE", "PERSON", "FAC"):
            lo, hi = min(lo, ent.start), max(hi, ent.end - 1)
            break
    # Drop determiners and stray punctuation at the edges.
    while lo < hi and (doc[lo].is_punct or doc[lo].lower_ in ("the",)):
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo:hi + 1]


def _known_tail(text: str) -> Actor | None:
    """'the Washington-based Institute for the Study of War' -> the institute (tails of 2+ words)."""
    words = text.split()
    for k in range(1, len(words) - 1):
        actor = lookup_actor(" ".join(words[k:]))
        if actor is not None and actor.kind != "person":
            return actor
    return None


def _appos(tok):
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ != "PRON":
            return c
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
    """'President Volodymyr Zelensky' -> 'President'; 'Ukraine's President Zelensky' -> 'President'."""
    titles = [c.text for c in tok.children if c.dep_ == "compound" and fold(c.text).rstrip(".") in TITLES
              and fold(c.text) not in ("mr", "mrs", "ms", "miss", "dr")]
    return " ".join(titles) or None


def build_speaker(tok, memory: Memory, offset_base: int = 0) -> Speaker | None:
    """Who a subject token refers to, with role and side."""
    doc = tok.doc
    low = tok.lower_
    if low in PRONOUNS:
        sp = memory.resolve_pronoun(low)
        if sp is None:
            return None
        return Speaker(sp.name, sp.role, sp.side, sp.kind, tok.text, tok.idx, tok.idx + len(tok.text), sp.gender)
    if low in FIRST_SECOND or low in ("who", "which", "that", "this", "there"):
        return None
    appos = _appos(tok)
    # "a commander in the Azov regiment, Denis Prokopenko": the name is the apposition.
    if tok.pos_ != "PROPN" and appos is not None and appos.pos_ == "PROPN" and appos.ent_type_ == "PERSON":
        role = _clean_role(_mention_span(tok))
        sp = build_speaker(appos, memory)
        if sp is not None:
            sp.role = role or sp.role
            sp.side = side_of(role or "") or sp.side
        return sp
    # "an assessment by the Institute for the Study of War said": the author speaks.
    if tok.lemma_.lower() in DOCUMENT_NOUNS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return build_speaker(g, memory)
        for c in tok.children:
            if c.dep_ == "poss":
                return build_speaker(c, memory)
    gender = None
    for c in tok.children:
        if c.dep_ == "compound" and c.lower_ in ("mr", "mr."):
            gender = "m"
        elif c.dep_ == "compound" and c.lower_ in ("ms", "ms.", "mrs", "mrs.", "miss"):
            gender = "f"
    if tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or gender or any(
            fold(c.text).rstrip(".") in TITLES for c in tok.children if c.dep_ == "compound")):
        name_span = _name_span(tok)
        written = name_span.text
        mention = _mention_span(tok)
        actor = lookup_actor(mention.text) or lookup_actor(written)
        role = _clean_role(_mention_span(appos)) if appos is not None else None
        if appos is not None:
            # The apposition's full subtree is the role ("an adviser to President Volodymyr Zelensky").
            sub = list(appos.subtree)
            role = _clean_role(doc[sub[0].i:sub[-1].i + 1])
        role = role or _role_from_compounds(tok)
        if actor is not None:
            name = actor.name
        elif len(written.split()) == 1 and fold(written) in memory.people:
            name = memory.people[fold(written)]
        else:
            name = strip_titles(written)
        side = side_of(role or "") if role else None
        side = side or (actor.side if actor else None) or side_of(mention.text)
        if actor is None:
            # a person named earlier with a full name: reuse their role and side
            for sp in reversed(memory.speakers):
                if sp.name == name:
                    role = role or sp.role
                    side = side or sp.side
                    gender = gender or sp.gender
                    break
        return Speaker(name, role or (actor.role if actor else None), side, "person",
                       mention.text, mention.start_char, mention.end_char, gender)
    mention = _mention_span(tok)
    text = mention.text.strip()
    if not text or len(text) > 200:
        return None
    actor = lookup_actor(text)
    if actor is None:
        # "the UN refugee agency, UNHCR", "the Office of ... (OHCHR)": a known name inside
        for t in tok.subtree:
            if t.i != tok.i and t.pos_ == "PROPN" and t.dep_ in ("appos", "npadvmod", "pobj", "compound"):
                actor = lookup_actor(t.text) if t.dep_ != "compound" else None
                if actor is not None and actor.kind != "person":
                    break
                actor = None
    if actor is not None:
        kind = {"media": "media", "person": "person"}.get(actor.kind, "organisation")
        return Speaker(actor.name, actor.role, actor.side, kind, text, mention.start_char, mention.end_char)
    # "the mayor", "the minister": the latest speaker with that role.
    if tok.pos_ == "PROPN" and (name_tail := _known_tail(text)):
        actor = name_tail
        kind = {"media": "media", "person": "person"}.get(actor.kind, "organisation")
        return Speaker(actor.name, actor.role, actor.side, kind, text, mention.start_char, mention.end_char)
    if len(mention) <= 2 and tok.text[:1].isupper() and tok.pos_ == "PROPN":
        for sp in reversed(memory.speakers):
            if sp.kind != "person" and re.search(r"\b" + re.escape(tok.text) + r"\b", sp.text):
                return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char)
    if tok.pos_ == "NOUN" and len(mention) <= 2 and tok.tag_ == "NN":
        sp = memory.resolve_title(tok.lemma_)
        if sp is not None:
            return Speaker(sp.name, sp.role, sp.side, sp.kind, text, mention.start_char, mention.end_char, sp.gender)
    if tok.ent_type_ in ("ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        kind = "collective" if tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "NORP" else "organisation"
    elif tok.tag_ in ("NNS", "NNPS"):
        kind = "collective"
    else:
        kind = "unnamed"
    name = text
    if name[:4].lower() == "the ":
        name = name[4:]
    elif name[:2] in ("A ", "An"):
        name = name[0].lower() + name[1:]
    role = tok.text if kind == "unnamed" and (tok.lemma_.lower() in TITLES or tok.lemma_.lower() in (
        "official", "commander", "officer", "diplomat", "source", "analyst", "aide")) else None
    return Speaker(name, role, side_of(text), kind, text, mention.start_char, mention.end_char)


def _subject(verb):
    """The speaker token of a cue verb, climbing conjunctions, participles and relative clauses."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        subjects = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in ("there",)]
        # the nearest subject in the verb's own paragraph (a parse may run across a break)
        subjects.sort(key=lambda c: (not _same_paragraph(c, verb), abs(c.i - v.i)))
        for c in subjects[:1]:
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head
            return c
        # passive with an agent: "the claim was made by X"
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if any(c.dep_ in ("nsubjpass", "expl") for c in v.children):
            return None
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "relcl":
            return v.head
        return None
    return None


def _has_content(verb, segs, sent) -> bool:
    if any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("as", "for") for c in verb.children):
        return True
    if verb.lemma_ in ("record", "document", "register", "count", "confirm", "report") and any(
            c.dep_ == "dobj" and any(g.like_num for g in c.subtree) for c in verb.children):
        return True
    s0, s1 = sent.start_char, sent.end_char
    return any(q.start < s1 and s0 < q.end for q in segs)


def _cue_text(verb) -> str:
    if verb.lemma_ == "put":
        return "put the number at"
    return verb.text.lower()


def _polarity(verb, sent_text: str) -> str:
    if verb.lemma_.lower() in DENY_LEMMAS:
        return "denies"
    if verb.lemma_.lower() in ("dismiss", "call", "describe", "brand", "label", "characterise", "characterize"):
        tail = verb.doc[verb.i:min(len(verb.doc), verb.i + 15)].text
        if DENIAL_WORDS.search(tail):
            return "denies"
    if verb.lemma_.lower() in ("say", "state", "insist", "claim") and re.search(
            r"\b(was|were|is|are) (not true|fake|false|a lie|lies)\b|\bno truth\b", sent_text, re.I):
        return "denies"
    return "asserts"


def find_cues(sent, segs):
    """(cue token, speaker token, cue text) for each attribution in a sentence."""
    out = []
    for tok in sent:
        if in_quote(segs, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                out.append((tok, objs[0], "according to"))
            continue
        if tok.lower_ == "by" and tok.i + 2 < len(tok.doc):
            obj = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_ in ("count", "estimate", "tally", "account", "reckoning")]
            poss = [g for c in obj for g in c.children if g.dep_ == "poss"]
            if poss:
                out.append((tok, poss[0], "by " + poss[0].text.lower() + " " + obj[0].text.lower()))
            continue
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        if lemma == "put" and (any(c.dep_ == "dobj" and c.lemma_ in ("number", "toll", "figure", "total", "count", "loss", "losses", "which", "that", "casualty")
                                  for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "at" and any(g.like_num for g in c.subtree) for c in tok.children)):
            subj = _subject(tok)
            if subj is not None:
                out.append((tok, subj, "put the number at"))
            continue
        if lemma in ("make", "issue") and tok.tag_ == "VBN":
            claim = [c for c in tok.children if c.dep_ == "nsubjpass" and c.lemma_ in CLAIM_NOUNS]
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if claim and agent:
                out.append((tok, agent[0], claim[0].lemma_))
            continue
        if lemma not in CUE_LEMMAS:
            continue
        if lemma in WEAK_CUES and not _has_content(tok, segs, sent):
            continue
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) \
                and not any(c.dep_ in ("ccomp",) for c in tok.children):
            pass  # "called for mediation" is still the speaker's demand
        if lemma in SILENT_WHEN_NEGATED and any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not comment", "did not respond": nothing was said
        if lemma == "tell" and any(c.dep_ == "xcomp" for c in tok.children) \
                and not any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "told him to repeat the offer" is an order, not a report
        subj = _subject(tok)
        if subj is not None and (subj.pos_ == "NUM" or subj.lower_ in ("one", "some", "many", "several")):
            subj = _appos(subj) or subj  # "One of them, a volunteer driver, said"
        if subj is None or not _can_speak(subj):
            continue
        if not _same_paragraph(subj, tok):
            continue  # a parse that runs across paragraphs
        out.append((tok, subj, _cue_text(tok)))
    # A cue inside the reported content of another cue is part of what was reported, unless it
    # names its own speaker ("the deaths, which local authorities put at 20,000").
    cue_ids = {c[0].i for c in out}
    return [c for c in out if not any(a.i in cue_ids for a in c[0].ancestors) or c[1].head.i == c[0].i]


SPEAKER_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "president", "mayor",
    "governor", "adviser", "advisor", "commander", "officer", "soldier", "fighter", "defender", "resident",
    "civilian", "witness", "survivor", "doctor", "source", "analyst", "expert", "authority", "government",
    "military", "army", "force", "side", "agency", "office", "mission", "monitor", "observer", "diplomat",
    "envoy", "ambassador", "chief", "head", "leader", "staff", "council", "committee", "administration",
    "police", "people", "man", "woman", "volunteer", "worker", "journalist", "correspondent", "reporter",
    "newspaper", "channel", "broadcaster", "service", "department", "command", "organisation",
    "organization", "group", "team", "coordinator", "representative", "secretary", "general", "kremlin",
    "prosecutor", "investigator", "ombudsman", "commissioner", "council", "parliament", "lawmaker",
    "member", "aide", "intelligence", "navy", "regiment", "battalion", "brigade", "unit", "medic",
    "nurse", "teacher", "mother", "father", "wife", "husband", "son", "daughter", "family", "evacuee",
    "refugee", "priest", "activist", "institute", "think", "tank", "company", "operator", "guard",
}
SPEAKER_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _same_paragraph(a, b) -> bool:
    return same_paragraph(a.doc.text, a.idx, b.idx)


def _can_speak(tok) -> bool:
    """A subject that can make a statement: a person, a body, a document or a pronoun."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    if lemma in SPEAKER_NOUNS or lemma in DOCUMENT_NOUNS:
        return True
    return tok.pos_ == "NOUN" and lemma.endswith(SPEAKER_SUFFIXES) and len(lemma) > 5


def extract(ctx: Context) -> list[Statement]:
    doc = ctx.doc
    text = doc.text
    try:
        segs = quote_segments(text)
    except Exception:  # never let odd punctuation stop the article
        segs = []
    memory = Memory()
    memory.note_people(doc)
    paras = paragraphs(text)
    out: list[Statement] = []
    covered: list[tuple[int, int, Statement, QuoteSeg | None]] = []
    group_speaker: dict[int, tuple[Speaker, Statement]] = {}

    def para_of(pos: int) -> int:
        for k, (a, b) in enumerate(paras):
            if a <= pos < b:
                return k
        return -1

    def make(sp: Speaker, cue: str | None, polarity: str, quote: bool, start: int, end: int,
             content: tuple[int, int] | None) -> Statement:
        st = Statement(
            id=ctx.make_id("stm", start, end, sp.name),
            article_id=ctx.article.id,
            speaker=sp.name,
            text=text[start:end],
            start=start,
            end=end,
            speaker_role=sp.role,
            speaker_side=sp.side,
            cue=cue,
            polarity=polarity,
            quote=quote,
            speaker_text=sp.text,
            speaker_start=sp.start,
            speaker_end=sp.end,
            speaker_kind=sp.kind,
        )
        if content:
            st.content_start, st.content_end = content
            st.content = text[content[0]:content[1]]
        return st

    last: Statement | None = None
    last_para = -10
    for sent in sentence_spans(doc):
        if len(sent.text) > MAX_SENT_CHARS:
            continue
        s0, s1 = sent.start_char, sent.end_char
        # Sentences that are wholly inside a quotation get attributed later (continuations).
        try:
            cues = find_cues(sent, segs)
        except Exception:
            cues = []
        seen_names: dict[str, Statement] = {}
        for verb, subj, cue in cues:
            try:
                sp = build_speaker(subj, memory)
            except Exception:
                sp = None
            if sp is None or not sp.name.strip():
                continue
            if sp.name in seen_names:
                st = seen_names[sp.name]
                if _polarity(verb, sent.text) == "denies":
                    st.polarity = "denies"
                continue
            # Evidence: the sentence (within the cue's paragraph), widened to the quotations it touches.
            start, end = s0, s1
            k = para_of(verb.idx)
            if k >= 0:
                start, end = max(start, paras[k][0]), min(end, paras[k][1])
            touched = [q for q in segs if q.start < end and start < q.end]
            for q in touched:
                start, end = min(start, q.start), max(end, q.end)
            start, end = _trim(text, start, end)
            content = None
            if touched:
                content = (touched[0].start, touched[-1].end)
            elif cue == "put the number at":
                sub = list(verb.subtree)
                content = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            else:
                comp = [c for c in verb.children if c.dep_ == "ccomp"]
                if comp:
                    sub = list(comp[0].subtree)
                    content = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            st = make(sp, cue, _polarity(verb, sent.text), bool(touched), start, end, content)
            seen_names[sp.name] = st
            out.append(st)
            memory.speakers.append(sp)
            for q in touched:
                group_speaker.setdefault(q.group, (sp, st))
            covered.append((start, end, st, touched[0] if touched else None))
            last, last_para = st, para_of(s0)
    # Quotations nobody is credited with in their own sentence: continue the quote's speaker.
    stmts_by_pos = sorted(out, key=lambda s: s.start)
    for q in segs:
        if any(a <= q.start and q.end <= b for a, b, _, _ in covered):
            continue
        if any(a < q.end and q.start < b for a, b, _, _ in covered):
            continue
        owner = group_speaker.get(q.group)
        prev = None
        if owner is None:
            before = [s for s in stmts_by_pos if s.end <= q.start]
            if before:
                prev = before[-1]
                gap_paras = para_of(q.start) - para_of(prev.start)
                # Only right after a quoted statement, within two paragraphs, and only when
                # the quotation fills its paragraph (a quoted phrase in the reporter's own
                # sentence is not the last speaker's).
                p = paras[para_of(q.start)] if para_of(q.start) >= 0 else (q.start, q.end)
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
        st = make(sp, None, "asserts", True, start, end, (start, end))
        # The speaker evidence of a continuation is the attribution it inherits.
        out.append(st)
        covered.append((start, end, st, q))
    out.sort(key=lambda s: (s.start, s.end))
    # ids must be unique even when one sentence credits the same name twice
    seen: set[str] = set()
    uniq = []
    for s in out:
        if s.id in seen:
            continue
        seen.add(s.id)
        uniq.append(s)
    _add_dates(ctx, uniq)
    return uniq


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
