"""Hostile text: random and adversarial Unicode never crashes extraction, and offsets stay valid.

Property tests run through ``unfog.api.extract`` (and through a JSONL batch, for
what only JSON can carry: lone surrogates). The ReDoS guard runs each
regex-heavy extractor on long adversarial strings with a per-call time bound
inside this process (``signal.alarm``): a catastrophic backtrack fails the
test instead of hanging the suite.
"""
from __future__ import annotations

import json
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unfog import api, pipeline
from unfog.extractors.context import Context
from unfog.io.ingest import article_from_text, iter_inputs

PIECES = [
    "Russian shelling killed 12 civilians in Mariupol on Monday, officials said. ",
    "\"We will not surrender,\" the commander told reporters. ",
    "more than 4,000 ", "between 20 and 30 ", "a few hundred ", "last week ", "on 3 March ",
    "9" * 5000, "1,000,000,000,000,000,000 ", "-" * 300, "!?" * 200, "." * 500, "\n" * 50,
    "\u200f", "\u200e", "\u202e", "\u200b", "\ufeff", "\u2028", "\x00", "\x07",
    "💥", "🇺🇦", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301\u0301", "\u0627\u0644\u0633\u0644\u0627\u0645 ", "Маріуполь ",
    "ǅ", "ﬁ", "İ", "ß", "\t", "  ", "’", "“", "”", "«", "»",
]

hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=12).map("".join)

STAGE_FAILED = pipeline.STAGE_FAILED.split("{stage}")[1].split("(")[0]  # " extractor failed on this text "


def check(batch) -> None:
    for res in batch.results:
        art = res.article
        assert not [w for w in art.warnings if STAGE_FAILED in w], art.warnings
        for name in ("statements", "figures", "places", "dates", "events"):
            for rec in getattr(res, name):
                assert 0 <= rec.start <= rec.end <= len(art.text), (name, rec.start, rec.end)
                span = rec.name if name == "places" else rec.text
                if name != "events":
                    assert art.text[rec.start:rec.end] == span, (name, span)
                for a, b in ((getattr(rec, "speaker_start", None), getattr(rec, "speaker_end", None)),
                             (getattr(rec, "content_start", None), getattr(rec, "content_end", None))):
                    if a is not None and b is not None:
                        assert 0 <= a <= b <= len(art.text)
        json.dumps(batch.to_contract(), ensure_ascii=False).encode("utf-8")  # printable as UTF-8


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=hostile_text)
def test_random_and_adversarial_unicode_never_crashes(nlp, text):
    batch = api.extract([text], published="2022-03-10", nlp=nlp, fuse=False)
    assert len(batch.results) == 1
    art = batch.results[0].article
    assert art.text == text  # not mangled
    assert art.status == "ok" or art.error
    check(batch)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF), max_size=60)
                      .map(lambda s: s + " 12 civilians were killed in Mariupol."), min_size=1, max_size=3))
def test_json_lines_with_lone_surrogates_and_nuls(tmp_path_factory, nlp, texts):
    batch_file = tmp_path_factory.mktemp("hostile") / "b.jsonl"
    with open(batch_file, "w", encoding="ascii") as fh:  # ensure_ascii: surrogates travel as \udxxx escapes
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": t, "title": t[:20]}) + "\n")
    arts = list(iter_inputs([batch_file]))
    assert len(arts) == len(texts)
    for art, t in zip(arts, texts):
        assert len(art.text) == len(t)  # one character for one: offsets still point at the text as given
        art.text.encode("utf-8")
    check(api.extract_articles(arts, nlp=nlp, fuse=False))


# ~5,000 characters each: catastrophic (exponential) backtracking shows within a few dozen
# characters, while the parse of each string stays cheap.
N = 5_000
ADVERSARIAL = {
    "digits": "9" * N,
    "grouped digits": "1," * (N // 2),
    "decimals": "1." * (N // 2),
    "qualifiers": "more than about at least up to " * (N // 31),
    "ranges": "between 1 and " * (N // 14),
    "quotes": "\"" * N + "said",
    "cues": "said told claimed " * (N // 18),
    "capitals": "Mariupol Azovstal Donetsk " * (N // 26),
    "dates": "March 3 2022 " * (N // 13),
    "weekdays": "on Monday on " * (N // 13),
    "punctuation": "!?.,;:-" * (N // 7),
    "no spaces": "a" * N + "!",
    "words then junk": "killed " * (N // 14) + "x" * (N // 2),
    "hyphens": "-" * N,
    "apostrophes": "'s " * (N // 3),
}

TIME_BOUND_S = 30  # far above a normal run (well under a second each); only a hang reaches it


class Hang(Exception):
    pass


def bounded(fn, *args):
    def on_alarm(signum, frame):
        raise Hang(f"{fn.__module__}.{fn.__name__} ran over {TIME_BOUND_S} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TIME_BOUND_S)
    try:
        return fn(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_no_extractor_backtracks_catastrophically(nlp, kind):
    text = ADVERSARIAL[kind]
    art = article_from_text(text, published="2022-03-10")
    doc = nlp(text)
    ctx = Context(article=art, doc=doc)
    for name, fn, attr in pipeline.STAGES:  # in order: each stage sees the records of the ones before
        found = bounded(fn, ctx)
        getattr(ctx, attr).extend(found)
        for rec in found:
            assert 0 <= rec.start <= rec.end <= len(text)


def test_a_superscript_digit_is_no_count(nlp):
    # ("²" is a digit to str.isdigit, not to int(): the events stage read it as a count and failed)
    batch = api.extract([":² 12 civilians were killed in Mariupol."], published="2022-03-10", nlp=nlp, fuse=False)
    assert batch.results[0].article.status == "ok"
    assert not [w for w in batch.results[0].article.warnings if STAGE_FAILED in w]
