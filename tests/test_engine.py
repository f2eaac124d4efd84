"""The engines: worker processes give the records of one process, and streaming keeps memory flat."""
from __future__ import annotations

import gc
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from unfog import engine, pipeline
from unfog.io.ingest import iter_inputs, mark_duplicates
from unfog.model import Article, DateMention

BATCH = Path(__file__).parent / "fixtures" / "engine_batch.jsonl"


def records(results) -> list[dict]:
    """Every record of every article as plain dicts, timings left out (they vary)."""
    out = []
    for res in results:
        out.append({name: [r.to_dict() for r in recs] for name, recs in res.tables().items()})
    return out


def fixture_articles():
    return mark_duplicates(iter_inputs([BATCH]))


@pytest.mark.slow
def test_two_workers_give_the_records_of_one(nlp):
    one = list(engine.run_local(fixture_articles(), workers=1, nlp=nlp))
    two = list(engine.run_local(fixture_articles(), workers=2, batch_size=2, chunk_size=2))
    assert [r.article.external_id for r in two] == [r.article.external_id for r in one]  # input order kept
    assert records(two) == records(one)
    assert sum(r.article.status == "failed" for r in two) == 2  # the empty text and the bad line


def test_run_rejects_unknown_engine():
    with pytest.raises(ValueError, match="unknown engine"):
        list(engine.run([], engine="spark"))


def test_local_engine_does_not_import_ray():
    code = (
        "import sys\n"
        "from unfog import cli, engine, api\nfrom unfog.io import parquet\n"
        "from unfog.model import Article\n"
        "list(engine.run_local([Article(id='a', text='   ')]))\n"
        "assert 'ray' not in sys.modules, 'ray was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- streaming ----------------------------------------------------------------

class _LightNLP:
    """A blank English tokenizer: real Docs at a fraction of the model's cost."""

    def __init__(self):
        import spacy

        self.inner = spacy.blank("en")
        self.seen_batches: list[int] = []

    def pipe(self, texts, batch_size=32):
        texts = list(texts)
        self.seen_batches.append(len(texts))
        return self.inner.pipe(texts, batch_size=batch_size)


def _one_date(ctx):
    """A stand-in extractor: one record per article, so records flow through."""
    return [DateMention(id=ctx.make_id("dat", 0, 4), article_id=ctx.article.id, text=ctx.text[:4], start=0, end=4)]


def _tiny_articles(n: int):
    # A generator, so the batch never exists as a list. A bounded vocabulary:
    # spaCy's string store rightly grows with every new word type, which is
    # not what this test is about.
    for i in range(n):
        yield Article(id=f"art_{i:08d}", text=f"Item {i % 97} was reported near the river on day {i % 28 + 1}.", language="en")


def _peak_while_consuming(n: int, nlp) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    count = 0
    for res in pipeline.process_stream(_tiny_articles(n), nlp=nlp, batch_size=64):
        count += len(res.dates)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak


def test_process_stream_memory_does_not_grow_with_the_batch(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", [("dates", _one_date, "dates")])
    nlp = _LightNLP()
    _peak_while_consuming(200, nlp)  # warm caches (vocab, string store) before measuring
    small_count, small_peak = _peak_while_consuming(500, nlp)
    large_count, large_peak = _peak_while_consuming(5000, nlp)
    assert (small_count, large_count) == (500, 5000)
    # Ten times the articles, about the same peak: nothing holds on to the batch.
    assert large_peak < 2 * small_peak, (small_peak, large_peak)
    assert max(nlp.seen_batches) <= 64  # spaCy sees bounded batches


def test_worker_pool_reads_its_input_lazily(monkeypatch):
    """The process engine keeps a bounded window of chunks in flight."""
    pulled = []

    def source():
        for i in range(1000):
            pulled.append(i)
            yield Article(id=f"a{i}", text="   ")

    calls = []

    class FakeFuture:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    class FakePool:
        def __init__(self, *a, **kw):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, fn, chunk, *args):
            calls.append(len(pulled))
            return FakeFuture([pipeline.ArticleRecords(article=a) for a in chunk])

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", FakePool)
    stream = engine.run_local(source(), workers=2, chunk_size=10)
    first = next(stream)
    assert first.article.id == "a0"
    assert len(pulled) <= 2 * 2 * 10  # window of 2 chunks per worker, not the whole input
    rest = list(stream)
    assert [r.article.id for r in [first, *rest]] == [f"a{i}" for i in range(1000)]


# -- long articles: characters in flight, budgets, failures that stay alone ----------------

def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"Paragraph {i}: the convoy reached the bridge and the crews counted {i % 50} trucks."
                       for i in range(paragraphs))


class _CountingNLP(_LightNLP):
    """Records the characters of each batch; raises MemoryError on texts holding ``poison``."""

    def __init__(self, poison: str | None = None):
        super().__init__()
        self.poison = poison
        self.batch_chars: list[int] = []

    def _check(self, text):
        if self.poison and self.poison in text:
            raise MemoryError()

    def pipe(self, texts, batch_size=32):
        texts = list(texts)
        self.batch_chars.append(sum(len(t) for t in texts))
        for t in texts:
            self._check(t)
        return super().pipe(texts, batch_size)

    def __call__(self, text):
        self._check(text)
        return self.inner(text)


def _every_piece(ctx):
    """One record per piece, at its first characters, so pieces can be counted in article offsets."""
    return [DateMention(id=ctx.make_id("dat", 0, 4), article_id=ctx.article.id, text=ctx.text[:4], start=0, end=4)]


def test_characters_in_flight_are_bounded_by_the_budget_not_the_article(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", [("dates", _every_piece, "dates")])
    text = _long_text(400)
    nlp = _CountingNLP()
    opts = {"piece_chars": 2_000, "batch_chars": 5_000}
    res = list(pipeline.process_stream([Article(id="long", text=text, language="en")], nlp=nlp, options=opts))
    assert max(nlp.batch_chars) <= 5_000 + 2_000  # a batch closes once it reaches the budget
    starts = [d.start for d in res[0].dates]
    assert len(starts) == len(pipeline.split_pieces(text, 2_000)) > 10
    assert all(text[s:s + 4] == d.text for s, d in zip(starts, res[0].dates))  # offsets into the article


def test_an_article_over_its_time_budget_fails_alone_with_the_reason(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", [("dates", _every_piece, "dates")])
    arts = [Article(id="a", text="Two trucks crossed.", language="en"),
            Article(id="long", text=_long_text(400), language="en"),
            Article(id="b", text="Three trucks crossed.", language="en")]
    nlp = _CountingNLP()
    opts = {"piece_chars": 2_000, "batch_chars": 2_000, "article_seconds": 1e-9}
    res = list(pipeline.process_stream(arts, nlp=nlp, options=opts))
    assert [r.article.id for r in res] == ["a", "long", "b"]
    long = res[1]
    assert long.article.status == "failed" and "time budget" in long.article.error
    assert not long.dates  # no partial records
    assert len(nlp.batch_chars) < 6  # the rest of the article was never parsed
    assert [r.article.status for r in (res[0], res[2])] == ["ok", "ok"] and res[2].dates


def test_out_of_memory_fails_that_article_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", [("dates", _every_piece, "dates")])
    arts = [Article(id="a", text="Two trucks crossed.", language="en"),
            Article(id="big", text="A POISON line. " * 50, language="en"),
            Article(id="b", text="Three trucks crossed.", language="en")]
    res = list(pipeline.process_stream(arts, nlp=_CountingNLP(poison="POISON")))
    assert [r.article.status for r in res] == ["ok", "failed", "ok"]
    assert "ran out of memory" in res[1].article.error and not res[1].dates
    assert res[0].dates and res[2].dates
    with pytest.raises(MemoryError):
        fresh = Article(id="big", text="A POISON line. " * 50, language="en")
        list(pipeline.process_stream([fresh], nlp=_CountingNLP(poison="POISON"), options={"strict": True}))


def test_the_size_limit_is_an_option():
    arts = [Article(id="big", text="word " * 400, language="en"), Article(id="ok", text="Fine.", language="en")]
    res = list(pipeline.process_stream(arts, nlp=_CountingNLP(), options={"max_article_chars": 1_000}))
    assert res[0].article.status == "failed" and "the limit is 1,000" in res[0].article.error
    assert res[1].article.status == "ok"


@pytest.mark.slow
def test_cli_limits_fail_the_long_lines_alone(tmp_path):
    """A line over --max-article-chars, and one over --article-seconds, fail with their reasons; the rest succeed."""
    import json as _json

    from typer.testing import CliRunner

    from unfog.cli import app

    lines = [{"id": "a", "text": "Two people were wounded in Kharkiv on Monday."},
             {"id": "huge", "text": "The line goes on. " * 3_000},
             {"id": "slow", "text": _long_text(540)},
             {"id": "b", "text": "Three trucks crossed the bridge near Izium."}]
    src = tmp_path / "batch.jsonl"
    src.write_text("".join(_json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert len(lines[2]["text"]) < 50_000 < len(lines[1]["text"]) and len(lines[2]["text"]) > pipeline.CHUNK_CHARS
    res = CliRunner().invoke(app, ["extract", "--json", "--max-article-chars", "50000", "--article-seconds", "0.000001", str(src)])
    assert res.exit_code == 0, res.output
    doc = _json.loads(res.stdout.strip().splitlines()[0])
    by_id = {a["external_id"]: a for a in doc["articles"]}
    assert by_id["huge"]["status"] == "failed" and "the limit is 50,000" in by_id["huge"]["error"]
    assert by_id["slow"]["status"] == "failed" and "time budget" in by_id["slow"]["error"]
    assert by_id["a"]["status"] == by_id["b"]["status"] == "ok"
    assert {p["article_id"] for p in doc["places"]} == {by_id["a"]["id"], by_id["b"]["id"]}
