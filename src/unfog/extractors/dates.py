"""When: time expressions resolved against the article's publication day.

The text work is in :mod:`unfog.nlp.timeexpr` (pure, no spaCy). This stage adds
what needs the parse: the tense of the verb an expression hangs on (which
decides whether "on Thursday" is the last or the coming one), and filters for
words that only look like dates (the modal "may"; a year that is really a
count, "in 2000 homes"). :func:`date_near` lets later stages date a figure,
statement or event by the time expression of its sentence.
"""
from __future__ import annotations

import bisect
from datetime import date

from unfog.nlp import timeexpr
from unfog.extractors.context import Context
from unfog.model import DateMention

# Heads whose infinitive complement lies ahead: "expected to open", "plans to", "is due to".
FUTURE_HEADS = frozenset({
    "expect", "plan", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "promise",
    "vow", "pledge", "threaten", "want", "agree", "go", "likely", "poise", "ready",
})
FUTURE_MODALS = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "may", "might"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "'d"})
VERBAL = ("VERB", "AUX")


def extract(ctx: Context) -> list[DateMention]:
    """Every time expression in the piece, resolved; offsets into ``ctx.doc.text``."""
    text = ctx.text
    pub = timeexpr.parse_day(ctx.published)
    doc = ctx.doc
    starts = [t.idx for t in doc] if doc is not None else []
    out: list[DateMention] = []
    anchor: date | None = None  # last day-precision date, for "three days later"
    for t in timeexpr.find(text):
        try:
            rec, day = _record(ctx, t, text, doc, starts, pub, anchor)
        except Exception:  # one odd expression must not cost the article its other dates
            continue
        if rec is None:
            continue
        if day is not None:
            anchor = day
        out.append(rec)
    return out


def _record(ctx, t, text, doc, starts, pub, anchor):
    """(DateMention or None, new anchor day or None) for one found expression."""
    tok = _token_at(doc, starts, t.word_start) if t.word_start is not None else None
    if tok is not None and not _looks_like_date(tok, t):
        return None, None
    if doc is not None and _counts_something(_token_at(doc, starts, t.end - 1), t):
        return None, None
    tense = None
    if timeexpr.needs_tense(t) and doc is not None:
        head = tok if tok is not None else _token_at(doc, starts, t.start if not t.since else t.end - 1)
        tense = tense_of(head) if head is not None else None
    r = timeexpr.resolve(t, pub, tense, anchor)
    day = r.start if r.start is not None and r.precision == 1 and r.resolved else None
    note = r.note
    if tense and timeexpr.needs_tense(t) and r.resolved:
        note = f"{note}; tense: {tense}" if note else f"tense: {tense}"
    rec = DateMention(
        id=ctx.make_id("dat", t.start, t.end),
        article_id=ctx.article.id,
        text=text[t.start:t.end],
        start=t.start,
        end=t.end,
        date=r.date,
        date_end=r.date_end,
        precision=r.precision,
        relative=r.relative,
        resolved=r.resolved,
        historical=r.historical,
        note=note,
    )
    return rec, day


def _token_at(doc, starts: list[int], char: int):
    if doc is None or not starts:
        return None
    i = bisect.bisect_right(starts, char) - 1
    return doc[i] if i >= 0 else None


def _looks_like_date(tok, t: timeexpr.TimeExpr) -> bool:
    """Reject month names the parse reads as verbs or modals ("May", "March" in a headline)."""
    if t.kind == "month" and (tok.tag_ == "MD" or tok.pos_ in VERBAL):
        return False
    return True


def _counts_something(last, t: timeexpr.TimeExpr) -> bool:
    """A year (range) that is really a number of things: "between 1900 and 2000 soldiers"."""
    years = (t.kind == "year" and t.bare) or (t.kind == "range" and t.first is not None and t.first.kind == "year")
    if not years or last is None:
        return False
    if last.dep_ == "conj" and last.head.dep_ == "nummod":  # "1900 and 2000 soldiers"
        last = last.head
    return last.dep_ == "nummod" and last.head.tag_ in ("NNS", "NNPS")


def governing_verb(tok):
    """The verb a token hangs on: the first verb up its chain of heads (None above the root)."""
    seen = 0
    while tok is not None and seen < 12:
        if tok.pos_ in VERBAL and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head.i == tok.i:  # spaCy makes a new Token object per access: compare indices
            return None
        tok = tok.head
        seen += 1
    return None


def tense_of(tok) -> str | None:
    """"past", "present" or "future" for the clause a (date) token belongs to, or None."""
    return _verb_tense(governing_verb(tok), 0)


def _verb_tense(verb, depth: int) -> str | None:
    if verb is None or depth > 4:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & FUTURE_MODALS:
        return "future"
    head = verb.head
    infinitive = "to" in words or (verb.tag_ == "VB" and not words)
    if infinitive and head.i != verb.i:
        if "have" in words:
            return "past"  # "is believed to have fled on Monday"
        if head.lemma_.lower() in FUTURE_HEADS and not (head.lemma_ == "go" and head.tag_ != "VBG"):
            return "future"
        if head.pos_ == "ADJ":  # "is likely to", "is due to"
            head = head.head if head.head.i != head.i else None
        if head is None or head.pos_ not in VERBAL:
            return None
        outer = _verb_tense(head, depth + 1)
        # an infinitive under a present verb lies ahead: "are forecast to peak on Thursday"
        return "future" if outer == "present" else outer
    if verb.tag_ == "VBD":
        return "past"
    present_aux = bool(words & {"is", "are", "am", "be", "'s", "'re"}) and not words & PAST_AUX
    if verb.lemma_.lower() in FUTURE_HEADS and (present_aux or verb.tag_ in ("VBZ", "VBP")):
        return "future"  # "is scheduled for Monday", "plans a visit in May"
    if verb.tag_ == "VBN":
        return "present" if present_aux else "past"
    if verb.tag_ == "VBG":
        if words & {"is", "are", "am", "'s", "'re"}:
            return "future"  # "is meeting on Friday": an arrangement ahead
        if words & PAST_AUX:
            return "past"
        if head.i != verb.i and head.pos_ in VERBAL:
            return _verb_tense(head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if "did" in words:
        return "past"
    return None


# ---------------------------------------------------------------- date_near

_INDEX_ATTR = "_unfog_date_index"


class _DateIndex:
    """ctx.dates grouped by sentence, with each date's governing verb (built once per piece)."""

    def __init__(self, ctx: Context):
        doc = ctx.doc
        self.doc = doc
        self.count = len(ctx.dates)
        self.token_starts = [t.idx for t in doc] if doc is not None else []
        sents = list(doc.sents) if doc is not None and doc.has_annotation("SENT_START") else []
        self.sent_starts = [s.start_char for s in sents]
        self.sent_ends = [s.end_char for s in sents]
        self.by_sentence: dict[int, list[tuple[DateMention, int | None, object]]] = {}
        for d in ctx.dates:
            si = self.sentence_of(d.start)
            tok = _token_at(doc, self.token_starts, max(d.start, d.end - 1)) if doc is not None else None
            verb = governing_verb(tok) if tok is not None else None
            self.by_sentence.setdefault(si, []).append((d, verb.i if verb is not None else None, tok))

    def sentence_of(self, char: int) -> int:
        if not self.sent_starts:
            return 0
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)


def _index(ctx: Context) -> _DateIndex:
    idx = getattr(ctx, _INDEX_ATTR, None)
    if idx is None or idx.count != len(ctx.dates) or idx.doc is not ctx.doc:
        idx = _DateIndex(ctx)
        setattr(ctx, _INDEX_ATTR, idx)
    return idx


def _in_other_clause(date_tok, query_tok) -> bool:
    """True when the date sits in a relative/adverbial clause that does not contain the query."""
    tok = date_tok
    for _ in range(12):
        if tok.dep_ in ("relcl", "acl", "advcl", "appos") and tok.pos_ in VERBAL:
            return not (tok.left_edge.i <= query_tok.i <= tok.right_edge.i)
        if tok.head.i == tok.i:  # spaCy makes a new Token object per access: compare indices
            return False
        tok = tok.head
    return False


def _query_token(idx: _DateIndex, start: int, end: int):
    """The syntactic head of the span (a statement's main verb, a figure's number)."""
    if idx.doc is None:
        return None
    span = idx.doc.char_span(start, max(start + 1, end), alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    return _token_at(idx.doc, idx.token_starts, start)


def date_near(ctx: Context, start: int, end: int) -> DateMention | None:
    """The DateMention dating the clause around [start, end) (offsets into ``ctx.doc.text``), or None.

    Only dates in the same sentence count. Preferred: a date on the same verb as
    the span (the span's syntactic head); then a date on a verb that governs the
    span; then the closest recent date not tucked into another relative or
    adverbial clause ("Crimea, which Russia seized in 2014, ..."). Dates that
    could not be resolved are skipped.
    """
    if not ctx.dates:
        return None
    idx = _index(ctx)
    cands = [c for c in idx.by_sentence.get(idx.sentence_of(start), []) if c[0].resolved and c[0].date]
    if not cands:
        return None

    def distance(d: DateMention) -> int:
        if d.end <= start:
            return start - d.end
        if d.start >= end:
            return d.start - end
        return 0

    qtok = _query_token(idx, start, end)
    if qtok is None:
        return min(cands, key=lambda c: distance(c[0]))[0]
    qverb = governing_verb(qtok)
    ancestors = {a.i for a in qtok.ancestors}
    ancestors.add(qtok.i)
    same = [c for c in cands if qverb is not None and c[1] == qverb.i]
    if same:
        return min(same, key=lambda c: distance(c[0]))[0]
    governs = [c for c in cands if c[1] is not None and c[1] in ancestors]
    if governs:
        return min(governs, key=lambda c: distance(c[0]))[0]
    # Unattached, a date years back is background ("compared to 1942"), not the clause's date.
    free = [c for c in cands if not c[0].historical and (c[2] is None or not _in_other_clause(c[2], qtok))]
    if free:
        return min(free, key=lambda c: distance(c[0]))[0]
    return None
