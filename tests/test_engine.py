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
