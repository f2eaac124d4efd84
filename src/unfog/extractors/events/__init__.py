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
5. *Doubt*: a small learned model (:mod:`doubt`, weights in lexicons/event_filter.json)
   tags ``doubtful`` (hidden) the events unlikely to be an incident of their own.

The rules are documented in docs/events.md. The package's modules import one
way: ``common`` (parse helpers, the Mention record, place and time
comparisons) <- ``triggers`` <- ``arguments`` <- ``merging`` <- ``doubt`` <- this module.
"""
from __future__ import annotations

import bisect
from unfog.extractors.context import Context
from unfog.model import Event
from unfog.extractors.events.common import (
    Mention,
    _entries,
    _is_heading,
    _mention_tokens,
)
from unfog.extractors.events.triggers import (
    _group,
    _sentence_triggers,
)
from unfog.extractors.events.arguments import (
    _attach_claims,
    _attach_dates,
    _attach_figures,
    _attach_places,
    _fold_sentences,
    _mention,
)
from unfog.extractors.events.merging import (
    _merged,
)
from unfog.extractors.events.doubt import mark_doubtful


def extract(ctx: Context) -> list[Event]:
    """The article's events: triggers grouped into mentions, their arguments attached, mentions merged."""
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
    entries = _entries(ctx.text)
    for m in mentions:
        m.entry = bisect.bisect_right(entries, m.primary.idx)
        if entries and m.entry == 0 and _is_heading(m.sent):
            m.tags.add("cumulative")  # "Live: fighting in eastern Congo": a live blog's title over all its entries
    _attach_claims(ctx, mentions, sents)
    _attach_places(ctx, mentions, sents, place_tok)
    _attach_dates(ctx, mentions, sents)
    _attach_figures(ctx, mentions)
    mentions = _fold_sentences(mentions)
    merged = _merged(ctx, mentions, sents)
    mark_doubtful(ctx, merged, len(sents))
    return [ev for _, ev, _ in merged]

