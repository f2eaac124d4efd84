"""When: time expressions resolved against the article's publication day.

The text work is in :mod:`unfog.nlp.timeexpr` (pure, no spaCy). This stage adds
what needs the parse: the tense of the verb an expression hangs on (which
decides whether "on Thursday" is the last or the coming one), and filters for
words that only look like dates (the modal "may"; a year that is really a
count, "in 2000 homes"). Later stages date a figure, statement or event with
``ctx.date_near`` (:func:`unfog.extractors.query.date_near`).
"""
from __future__ import annotations

from datetime import date

from unfog.nlp import timeexpr
from unfog.nlp.syntax import VERBAL, governing_verb, token_at as _token_at  # noqa: F401  (re-exported)
from unfog.extractors.context import Context
from unfog.model import DateMention

# Heads whose infinitive complement lies ahead: "expected to open", "plans to", "is due to".
FUTURE_HEADS = frozenset({
    "expect", "plan", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "promise",
    "vow", "pledge", "threaten", "want", "agree", "go", "likely", "poise", "ready",
})
FUTURE_MODALS = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "may", "might"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "'d"})
# -ing forms that tell a state or a source, never an arrangement ahead ("50 are missing", "according to")
STATE_PARTICIPLES = frozenset({"missing", "according", "remaining"})


def extract(ctx: Context) -> list[DateMention]:
    """Every time expression in the piece, resolved; offsets into ``ctx.doc.text``."""
    text = ctx.text
    pub = timeexpr.parse_day(ctx.published)
    doc = ctx.doc
    starts = [t.idx for t in doc] if doc is not None else []
    out: list[DateMention] = []
    anchor: date | None = None  # last day-precision date, for "three days later"
    for t in timeexpr.find(text):
        rec, day = _record(ctx, t, text, doc, starts, pub, anchor)
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
        if verb.lower_ in STATE_PARTICIPLES:
            return "present" if words else None  # "are missing", "according to a report on Tuesday": no plan
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
