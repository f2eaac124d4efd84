"""The dates stage on parsed text: tense from the parse, filters, gold accuracy (``ctx.date_near``: tests/extractors/test_context.py).

Gold lives in tests/gold/dates/: ``written.jsonl`` and ``heldout.jsonl``
(sentences of our own with a publication day each; the held-out file was
written before the resolver was run on it) and ``seeds.jsonl`` (offsets and short spans into the
seed articles, which are read from ../shared at test time).

Run ``python tests/extract/test_dates.py`` to print the score and every miss.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from unfog.extractors import dates
from unfog.extractors.context import Context
from unfog.model import Article

GOLD = Path(__file__).resolve().parents[1] / "gold" / "dates"
# The share measured when this was written (see docs/dates.md); a drop fails the test.
MIN_ACCURACY = 1.0


def _ctx(nlp_or_doc, text: str, published: str | None, doc=None) -> Context:
    art = Article(id=Article.id_for_text(text), text=text, published=published)
    return Context(article=art, doc=doc if doc is not None else nlp_or_doc(text))


def _extract(nlp, text, published):
    ctx = _ctx(nlp, text, published)
    ctx.dates.extend(dates.extract(ctx))
    return ctx


def _overlapping(found, start, end):
    return [d for d in found if d.start < end and start < d.end]


def _judge(found, start, end, gold) -> str | None:
    """None when right; otherwise what went wrong."""
    hits = _overlapping(found, start, end)
    if gold.get("not_a_date"):
        return f"not a date, but found {hits[0].text!r}" if hits else None
    if not hits:
        return "missed"
    d = hits[0]
    if (d.date, d.date_end) != (gold["date"], gold["date_end"]):
        return f"got {d.text!r} {d.date}..{d.date_end}, want {gold['date']}..{gold['date_end']} ({d.note})"
    if gold["date"] is None and d.resolved:
        return "should be unresolved"
    if "historical" in gold and d.historical != gold["historical"]:
        return f"historical={d.historical}"
    return None


def score(nlp, include_seeds: bool = True) -> tuple[int, int, list[str]]:
    """(right, total, misses) over the written gold and, when available, the seeds."""
    right = total = 0
    misses: list[str] = []
    rows = [
        json.loads(line)
        for name in ("written.jsonl", "heldout.jsonl")
        for line in (GOLD / name).read_text().splitlines()
        if line.strip()
    ]
    docs = nlp.pipe([r["text"] for r in rows])
    for row, doc in zip(rows, docs):
        ctx = _ctx(None, row["text"], row["published"], doc=doc)
        found = dates.extract(ctx)
        items = [(g, g["text"]) for g in row["dates"]]
        items += [({"not_a_date": True}, w) for w in row.get("not_dates", [])]
        for gold, span in items:
            start = row["text"].index(span)
            problem = _judge(found, start, start + len(span), gold)
            total += 1
            if problem is None:
                right += 1
            else:
                misses.append(f"[{row['published']}] {row['text']!r} / {span!r}: {problem}")
    if include_seeds:
        from conftest import SEED_DATES, SEEDS, seed_text

        if SEEDS.exists():
            gold_rows = [json.loads(x) for x in (GOLD / "seeds.jsonl").read_text().splitlines() if x.strip()]
            for name, published in SEED_DATES.items():
                ctx = _extract(nlp, seed_text(name), published)
                for g in (g for g in gold_rows if g["seed"] == name):
                    problem = _judge(ctx.dates, g["start"], g["end"], g)
                    total += 1
                    if problem is None:
                        right += 1
                    else:
                        misses.append(f"[{name[:3]}] {g['text']!r}@{g['start']}: {problem}")
    return right, total, misses


def test_gold_accuracy(nlp):
    right, total, misses = score(nlp)
    assert total >= 60
    share = right / total
    assert share >= MIN_ACCURACY, f"{right}/{total} = {share:.3f}\n" + "\n".join(misses)


def test_records_carry_verbatim_evidence_and_stable_ids(nlp):
    text = "Officials said on Tuesday that 40 people had left. More will leave next week."
    a = _extract(nlp, text, "2022-06-15").dates
    b = _extract(nlp, text, "2022-06-15").dates
    assert [d.text for d in a] == ["Tuesday", "next week"]
    assert all(text[d.start:d.end] == d.text for d in a)
    assert [d.id for d in a] == [d.id for d in b]
    assert all(d.id.startswith("dat_") for d in a)
    assert a[0].relative and a[0].resolved and a[0].precision == 1
    assert a[1].precision == 2


def test_no_publication_date_leaves_relative_unresolved(nlp):
    ctx = _extract(nlp, "The town was shelled on Friday and again on March 16, 2022.", None)
    friday, march = ctx.dates
    assert (friday.resolved, friday.date, friday.relative) == (False, None, True)
    assert friday.note == "relative date without a publication date"
    assert (march.resolved, march.date) == (True, "2022-03-16")


def test_tense_decides_the_weekday(nlp):
    past = _extract(nlp, "The mayor visited the hospital on Friday.", "2022-06-15").dates[0]
    future = _extract(nlp, "The mayor will visit the hospital on Friday.", "2022-06-15").dates[0]
    assert past.date == "2022-06-10"
    assert future.date == "2022-06-17"


def test_tense_of_infinitive_under_a_future_head(nlp):
    doc = nlp("Repairs are expected to finish on Monday.")
    assert dates.tense_of(doc[6]) == "future"
    doc = nlp("Repairs finished on Monday.")
    assert dates.tense_of(doc[3]) == "past"


def test_modal_may_and_counting_years_are_not_dates(nlp):
    assert _extract(nlp, "They may return once the shelling stops.", "2022-06-15").dates == []
    assert _extract(nlp, "Volunteers brought in 1900 blankets.", "2022-06-15").dates == []
    assert _extract(nlp, "It has between 1900 and 2000 soldiers.", "2022-06-15").dates == []
    assert [d.text for d in _extract(nlp, "It was built between 1900 and 1910.", "2022-06-15").dates] == [
        "between 1900 and 1910"
    ]


@pytest.mark.parametrize("published", [None, "2022-06-15"])
def test_empty_and_odd_text_does_not_crash(nlp, published):
    for text in ["", "   ", "31 February 2022", "On 2022-13-45 nothing.", "May May May", "Monday" * 50]:
        _extract(nlp, text, published)


if __name__ == "__main__":  # python tests/extract/test_dates.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from unfog.nlp import get_nlp

    r, t, m = score(get_nlp())
    print("\n".join(m))
    print(f"{r}/{t} = {r / t:.3f}")


def test_ordinal_day_of_the_month(nlp):
    text = "Gunmen killed nine farmers in a raid on the 8th, the governor said on Saturday."
    ctx = _extract(nlp, text, "2024-02-12")
    [d] = [d for d in ctx.dates if d.text == "the 8th"]
    assert (d.date, d.precision, d.relative) == ("2024-02-08", 1, True)


def test_a_weekday_after_according_or_are_missing_is_past(nlp):
    from unfog.model import Article
    from unfog.extractors.context import Context
    from unfog.extractors import dates
    text = "Some 50 civilians are missing, according to a government report on Tuesday night."
    ctx = Context(article=Article(id="a", text=text, published="2022-09-28"), doc=nlp(text))
    [d] = dates.extract(ctx)
    assert d.date == "2022-09-27"  # the Tuesday before the Wednesday of publication, not the next one
