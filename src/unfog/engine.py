"""Runs the pipeline over a batch: in this process, in worker processes, or on Ray.

Every engine yields one :class:`ArticleRecords` per article, in input order,
lazily: memory stays flat however long the batch, because only a bounded
number of articles is in flight at once. The records do not depend on the
engine (ids come from content and offsets only).

- ``run_local(workers=1)``: this process; the spaCy pipeline is loaded once.
- ``run_local(workers=N)``: N worker processes started with ``spawn`` (no
  inherited locks or threads), each loading the pipeline once; articles go
  out in chunks and come back in order.
- ``run_ray``: a pool of Ray actors (one pipeline per actor, loaded once) fed
  chunk by chunk, at most two chunks per actor in flight, records back in
  input order. Ray is imported only there, so the local engine never needs it.
"""
from __future__ import annotations

import collections
import itertools
import os
import pickle
from typing import Iterable, Iterator

from unfog.model import Article, ArticleRecords
from unfog.pipeline import process_stream

ENGINES = ("local", "ray")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


# -- worker processes -----------------------------------------------------

def _worker_init() -> None:
    from unfog.nlp import get_nlp

    get_nlp()  # load once per process, before the first chunk arrives


def _worker_run(chunk: list[Article], batch_size: int, options: dict | None) -> list[ArticleRecords]:
    from unfog.nlp import get_nlp

    return list(process_stream(chunk, nlp=get_nlp(), batch_size=batch_size, options=options))


def _run_processes(
    articles: Iterable[Article], workers: int, batch_size: int, options: dict | None, chunk_size: int
) -> Iterator[ArticleRecords]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("spawn")
    # At most 2 chunks per worker in flight: enough to keep every worker busy,
    # few enough that a million-article batch never sits in memory.
    window = 2 * workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
        pending: collections.deque = collections.deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(_worker_run, chunk, batch_size, options))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_local(
    articles: Iterable[Article],
    workers: int = 1,
    batch_size: int = 32,
    nlp=None,
    options: dict | None = None,
    chunk_size: int | None = None,
) -> Iterator[ArticleRecords]:
    """Records per article in input order, in this process or ``workers`` processes."""
    if workers <= 1:
        yield from process_stream(articles, nlp=nlp, batch_size=batch_size, options=options)
        return
    yield from _run_processes(articles, workers, batch_size, options, chunk_size or batch_size)


# -- Ray ------------------------------------------------------------------

class RayExtractor:
    """A Ray actor's work: loads the pipeline once (when the actor starts), extracts chunks.

    Chunks travel as pickled Articles in and pickled ArticleRecords out, so the
    records are exactly those the local engine makes (timings included).
    """

    def __init__(self, batch_size: int = 32, options: dict | None = None):
        from unfog.nlp import get_nlp

        self.nlp = get_nlp()
        self.batch_size = batch_size
        self.options = options

    def ready(self) -> bool:
        return True

    def run(self, blob: bytes) -> bytes:
        arts = pickle.loads(blob)
        recs = list(process_stream(arts, nlp=self.nlp, batch_size=self.batch_size, options=self.options))
        return pickle.dumps(recs, protocol=pickle.HIGHEST_PROTOCOL)


def ray_init(workers: int, address: str | None = None) -> bool:
    """Connect to a cluster (``address`` or $RAY_ADDRESS) or start a local Ray; True if we started it."""
    import ray

    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, log_to_driver=False, logging_level="WARNING")
    else:
        ray.init(
            num_cpus=max(workers, os.cpu_count() or 1),
            include_dashboard=False,
            # Blocks beyond this spill to disk; a small store keeps a shared 24 GB machine safe.
            object_store_memory=int(os.environ.get("UNFOG_RAY_OBJECT_STORE_MB", "1024")) * 2**20,
            log_to_driver=False,
            logging_level="WARNING",
            configure_logging=True,
        )
    return True


def run_ray(
    articles: Iterable[Article],
    workers: int = 1,
    batch_size: int = 32,
    address: str | None = None,
    options: dict | None = None,
    block_articles: int | None = None,
) -> Iterator[ArticleRecords]:
    """Records per article in input order, extracted by ``workers`` Ray actors.

    The driver streams: it reads the input a chunk (``block_articles``, default
    ``batch_size``) at a time and keeps at most two chunks per actor in flight,
    so neither the driver nor the object store ever holds the whole batch; the
    actors start once and load the pipeline while the first chunks are read.
    """
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError('the Ray engine needs Ray: pip install "unfog[ray]"') from e

    started = ray_init(workers, address)
    actors: list = []
    try:
        remote = ray.remote(num_cpus=1)(RayExtractor)
        actors = [remote.remote(batch_size, options) for _ in range(max(1, workers))]
        pool = ActorPool(actors)
        window = 2 * len(actors)
        in_flight = 0
        for chunk in _chunks(articles, block_articles or batch_size):
            pool.submit(lambda actor, blob: actor.run.remote(blob), pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL))
            in_flight += 1
            if in_flight >= window:  # ordered: the oldest chunk first, as the input came
                yield from pickle.loads(pool.get_next())
                in_flight -= 1
        while pool.has_next():
            yield from pickle.loads(pool.get_next())
    finally:
        for actor in actors:  # also when the caller stops reading early
            ray.kill(actor)
        if started:
            ray.shutdown()


def run(
    articles: Iterable[Article],
    engine: str = "local",
    workers: int = 1,
    batch_size: int = 32,
    address: str | None = None,
    nlp=None,
    options: dict | None = None,
) -> Iterator[ArticleRecords]:
    """Records per article in input order, on the engine named."""
    if engine == "local":
        return run_local(articles, workers=workers, batch_size=batch_size, nlp=nlp, options=options)
    if engine == "ray":
        return run_ray(articles, workers=workers, batch_size=batch_size, address=address, options=options)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
