"""The query layer over one parsed piece: what later stages ask about earlier ones.

Extractors never import each other; they ask the :class:`~unfog.extractors.context.Context`
(``ctx.date_near``, ``ctx.place_near``, ``ctx.statement_at``, ``ctx.sentences``,
``ctx.paragraphs``), whose methods delegate to the functions here. Offsets are
into ``ctx.doc.text``.
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from unfog.lexicons.countries import alpha3, country_of_place, country_terms
from unfog.lexicons.people import is_people_word
from unfog.lexicons.wire import lead_end, lead_spans
from unfog.model import DateMention, Place, Statement
from unfog.text import fold_phrase as fold, names_a_neighbour
from unfog.nlp.syntax import VERBAL, governing_verb, token_at

if TYPE_CHECKING:  # the Context imports this module
    from unfog.extractors.context import Context

# Words that attach a place to the clause: "in", "near", "outside" ...
ATTACH_WORDS = {"in", "at", "near", "of", "outside", "around", "from", "into", "to", "toward", "towards", "across"}


# -- text structure ------------------------------------------------------------------------

_DOC_TEXT = "unfog.doc_text"  # doc.user_data key


def doc_text(doc) -> str:
    """The doc's text, joined once and kept on the doc (doc.text joins every token at each call)."""
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (blocks separated by newlines)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            out.append((m.start(), m.end()))
    return out


def same_paragraph(text: str, a: int, b: int) -> bool:
    """True when no line break lies between offsets a and b."""
    lo, hi = (a, b) if a <= b else (b, a)
    return "\n" not in text[lo:hi]


def sentence_spans(doc):
    """spaCy's sentences, cut again at paragraph breaks (the parser sometimes runs across them).

    Without sentence boundaries (a pipeline with no parser) the text is one
    sentence, cut at its paragraph breaks.
    """
    out = []
    for sent in (doc.sents if doc.has_annotation("SENT_START") else [doc[:]]):
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    out.append(doc[start:t.i])
                start = t.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return out


def sentence_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the parser's sentence around [start, end); the whole text without a parse."""
    doc = ctx.doc
    span = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return 0, len(ctx.text)
    return span.sent.start_char, span.sent.end_char


# -- statements ----------------------------------------------------------------------------

def statement_at(statements: list[Statement], start: int, end: int) -> Statement | None:
    """The statement whose claimed content (or evidence) holds [start, end); the tightest wins."""
    best = None
    for s in statements:
        cs, ce = (s.content_start, s.content_end) if s.content_start is not None else (s.start, s.end)
        if s.start <= start and end <= s.end:
            inside_content = cs is not None and cs <= start and end <= ce
            # a figure in the attribution part of a sentence still goes with the sentence's claim
            key = (0 if inside_content else 1, (ce - cs) if inside_content else (s.end - s.start))
            if best is None or key < best[0]:
                best = (key, s)
    return best[1] if best else None


def in_lead(ctx: Context, pos: int) -> bool:
    """True when pos lies in a line's wire furniture ("MAIDUGURI, May 13 -"): where and when the report
    was filed, never where or when what it tells happened."""
    spans = ctx._cache.get("lead_spans")
    if spans is None or ctx._cache.get("lead_spans_doc") is not ctx.doc:
        spans = lead_spans(ctx.text)
        ctx._cache["lead_spans"], ctx._cache["lead_spans_doc"] = spans, ctx.doc
    return any(a <= pos < b for a, b in spans)


# -- places --------------------------------------------------------------------------------

_BEARING_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?$",
                             re.I)


def place_near(ctx: Context, start: int, end: int) -> Place | None:
    """The most specific Place in the same sentence as [start, end), or None.

    A place attached by "in/at/near/of..." wins over one merely in the sentence;
    then the more precise one (settlement before region), then the closest.
    """
    if not ctx.places:
        return None
    s_start, s_end = sentence_bounds(ctx, start, end)
    best, best_key = None, None
    for p in ctx.places:
        if p.start < s_start or p.end > s_end or in_lead(ctx, p.start):
            continue
        if names_a_neighbour(ctx.text, p.start):
            continue
        before = ctx.text[max(s_start, p.start - 30):p.start].lower().split()
        attached = bool(before) and before[-1] in ATTACH_WORDS
        # "in Kutum, a town north of El Fasher": the town a bearing is taken from comes after any other place
        bearing = bool(_BEARING_BEFORE.search(ctx.text[max(s_start, p.start - 40):p.start]))
        dist = min(abs(p.start - end), abs(start - p.end))
        key = (bearing, not attached, p.precision or 3, dist)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


# -- dates ---------------------------------------------------------------------------------

class DateIndex:
    """ctx.dates grouped by sentence, with each date's governing verb (built once per piece)."""

    def __init__(self, ctx: Context):
        doc = ctx.doc
        self.doc = doc
        self.count = len(ctx.dates)
        self.token_starts = [t.idx for t in doc] if doc is not None else []
        sents = list(doc.sents) if doc is not None and doc.has_annotation("SENT_START") else []
        self.sent_starts = [s.start_char for s in sents]
        self.by_sentence: dict[int, list[tuple[DateMention, int | None, object]]] = {}
        for d in ctx.dates:
            si = self.sentence_of(d.start)
            tok = token_at(doc, self.token_starts, max(d.start, d.end - 1)) if doc is not None else None
            verb = governing_verb(tok) if tok is not None else None
            self.by_sentence.setdefault(si, []).append((d, verb.i if verb is not None else None, tok))

    def sentence_of(self, char: int) -> int:
        if not self.sent_starts:
            return 0
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def fresh_for(self, ctx: Context) -> bool:
        return self.count == len(ctx.dates) and self.doc is ctx.doc

    def query_token(self, start: int, end: int):
        """The syntactic head of the span (a statement's main verb, a figure's number)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, max(start + 1, end), alignment_mode="expand")
        if span is not None and len(span):
            return span.root
        return token_at(self.doc, self.token_starts, start)


def _when_clause_of(doc, verb_i, head) -> bool:
    """The date's verb heads a when/as/while clause on ``head`` ("killed 40 people when they stormed the
    town on Monday"): the clause dates its head."""
    if verb_i is None:
        return False
    v = doc[verb_i]
    return v.dep_ == "advcl" and v.head.i == head.i and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") for c in v.children)


def _in_other_clause(date_tok, query_tok) -> bool:
    """True when the date sits in a relative/adverbial clause that does not contain the query."""
    tok = date_tok
    for _ in range(12):
        if tok.dep_ in ("relcl", "acl", "advcl", "appos") and tok.pos_ in VERBAL:
            return not (tok.left_edge.i <= query_tok.i <= tok.right_edge.i)
        if tok.dep_ == "conj" and tok.pos_ in VERBAL and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # a coordinated clause with a subject of its own ("... territory it lost last year")
            own = [tok] + [c for c in tok.children if c.dep_ not in ("conj", "cc")]
            return not any(c.left_edge.i <= query_tok.i <= c.right_edge.i for c in own if c.i != tok.i) \
                and query_tok.i != tok.i
        if tok.head.i == tok.i:  # spaCy makes a new Token object per access: compare indices
            return False
        tok = tok.head
    return False


def date_near(ctx: Context, start: int, end: int, index: DateIndex | None = None) -> DateMention | None:
    """The DateMention dating the clause around [start, end), or None.

    Only dates in the same sentence count. Preferred: a date on the same verb as
    the span (the span's syntactic head); then a date on a verb that governs the
    span; then the closest recent date not tucked into another relative or
    adverbial clause ("Crimea, which Russia seized in 2014, ..."). Dates that
    could not be resolved are skipped.
    """
    if not ctx.dates:
        return None
    idx = index if index is not None and index.fresh_for(ctx) else DateIndex(ctx)
    cands = [c for c in idx.by_sentence.get(idx.sentence_of(start), [])
             if c[0].resolved and c[0].date and not in_lead(ctx, c[0].start)]
    if not cands:
        return None

    def closest(cs):
        def distance(d: DateMention) -> int:
            return start - d.end if d.end <= start else d.start - end if d.start >= end else 0

        return min(cs, key=lambda c: distance(c[0]))[0]

    qtok = idx.query_token(start, end)
    if qtok is None:
        return closest(cands)
    qverb = governing_verb(qtok)
    ancestors = {a.i for a in qtok.ancestors} | {qtok.i}
    same = [c for c in cands if qverb is not None and (c[1] == qverb.i or _when_clause_of(ctx.doc, c[1], qverb))]
    if same:
        return closest(same)
    governs = [c for c in cands if c[1] is not None and c[1] in ancestors]
    if governs:
        return closest(governs)
    # Unattached, a date years back is background ("compared to 1942"), not the clause's date.
    free = [c for c in cands if not c[0].historical and (c[2] is None or not _in_other_clause(c[2], qtok))]
    return closest(free) if free else None


# -- the country the report is about ------------------------------------------------------

def report_country(ctx: "Context") -> str | None:
    """The country most places in the article lie in (alpha-3), else the first country word; None if neither."""
    counts: dict[str, int] = {}
    leads = [(a, a + lead_end(ctx.text[a:b])) for a, b in ctx.paragraphs]
    for p in ctx.places:
        if any(a <= p.start < b for a, b in leads):  # both in piece offsets (records are shifted later)
            continue  # "CAIRO (Wire) -": the dateline is where the reporter sits, not what the report is about
        code = alpha3(getattr(p, "country", None))
        if code:
            # a town or region says where the report is; a country's name is as often an actor ("U.S. strikes
            # on Sanaa", "Israel's offensive"), so it counts for less
            counts[code] = counts.get(code, 0) + (1 if getattr(p, "kind", None) == "country" else 2)
    if counts:
        return max(counts, key=lambda c: counts[c])
    terms = country_terms()
    gpe = {ent.start: ent for ent in ctx.doc.ents if ent.label_ in ("GPE", "LOC") and not is_people_word(ent.text)}
    for tok in ctx.doc:
        if any(a <= tok.idx < b for a, b in leads):
            continue
        code = terms.get(fold(tok.text)) or (country_of_place(gpe[tok.i].text) if tok.i in gpe else None)
        if code:
            return code
    return None
