"""Sentence starts that the layout gives: a paragraph break, and a line after a heading.

Real copy glues short lines to the sentence below them: a headline ("Strike on
X kills five - governor"), a live blog's entry heading ("09:14 GMT - Drone hits
X"). The parser then reads the heading and the first sentence as one clause, and
a heading's words become a sentence's subject. This component, put before the
parser, starts a sentence after a blank line, and after a line break that ends
a heading: a short line (at most ``HEADING_WORDS`` words) without a closing
punctuation mark (a time stamp opening it not counted). Lines of hard-wrapped
prose (long, ending mid-sentence) are left to the parser.
"""
from __future__ import annotations

import re

LINES_NAME = "unfog_line_breaks"
HEADING_WORDS = 14
STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
CLOSING = tuple(".,;:!?\"”’')")


def _heading(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    limit = HEADING_WORDS + (3 if STAMP.match(text) else 0)  # "09:14 GMT - ..." adds a stamp to the words
    return len(text.split()) <= limit and not text.endswith(CLOSING)


def mark_line_starts(doc):
    """Set ``is_sent_start`` on the first token after a paragraph break or a heading line."""
    text = doc.text
    for k in range(1, len(doc)):
        prev = doc[k - 1]
        gap = prev.text if prev.is_space else prev.whitespace_
        if "\n" not in gap or doc[k].is_space:
            continue
        if gap.count("\n") >= 2:
            doc[k].is_sent_start = True
            if STAMP.match(doc[k].text) and k + 1 < len(doc) and not doc[k + 1].is_space:
                doc[k + 1].is_sent_start = False  # "09:12 Ukraine's military says": the stamp opens the entry
            if STAMP.match(doc[k].text):  # "09:40 Shelling hits camp": the stamp opens the entry's heading
                line_end = text.find("\n", doc[k].idx)
                if line_end > 0 and _heading(text[doc[k].idx:line_end]):
                    for t in doc[k + 1:]:
                        if t.idx >= line_end or t.is_space:
                            break
                        t.is_sent_start = False
            continue
        line_end = prev.idx if prev.is_space else prev.idx + len(prev.text)
        line_start = text.rfind("\n", 0, line_end) + 1
        if _heading(text[line_start:line_end]):
            doc[k].is_sent_start = True
            _keep_whole(doc, line_start, k)
    return doc


def _keep_whole(doc, line_start: int, k: int) -> None:
    """A heading is one sentence, and the line after it does not start with a one-word sentence."""
    heading = [t for t in doc[:k] if t.idx >= line_start and not t.is_space]
    for t in heading[1:]:
        t.is_sent_start = False
    if k + 1 < len(doc) and not (doc[k].is_punct or doc[k + 1].is_punct or doc[k + 1].is_space):
        doc[k + 1].is_sent_start = False


def add_line_breaks(nlp) -> None:
    """Put the component in front of the parser (once)."""
    from spacy.language import Language

    if not Language.has_factory(LINES_NAME):
        Language.component(LINES_NAME)(mark_line_starts)
    if LINES_NAME in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINES_NAME, before="parser")
    else:
        nlp.add_pipe(LINES_NAME, first=True)
