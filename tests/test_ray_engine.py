"""Ray Data gives the records of the local engine (small batch: Ray start-up takes 10-20 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ray")
import pyarrow.parquet as pq  # noqa: E402

from unfog import engine  # noqa: E402

from unfog.io import parquet as parquet_io
from unfog.io.ingest import iter_inputs, mark_duplicates  # noqa: E402

BATCH = Path(__file__).parent / "fixtures" / "engine_batch.jsonl"


def records(results) -> list[dict]:
    return [{name: [r.to_dict() for r in recs] for name, recs in res.tables().items()} for res in results]


@pytest.fixture(scope="module")
def ray_local():
    import ray

    engine.ray_init(workers=2)
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_gives_the_records_of_local(ray_local, nlp, tmp_path):
    local = list(engine.run_local(mark_duplicates(iter_inputs([BATCH])), nlp=nlp))
    on_ray = list(engine.run_ray(mark_duplicates(iter_inputs([BATCH])), workers=2, batch_size=2))
    assert [r.article.external_id for r in on_ray] == [r.article.external_id for r in local]
    assert records(on_ray) == records(local)

    # and the Parquet folder made from Ray's records is the local engine's folder
    writer = parquet_io.PartWriter(tmp_path / "ray")
    for res in on_ray:
        writer.add(res)
    writer.close()
    parquet_io.fuse_folder(tmp_path / "ray")
    parquet_io.extract_to_folder(iter_inputs([BATCH]), tmp_path / "local")
    for name in parquet_io.TABLES:
        a = [pq.read_table(p).to_pylist() for p in sorted((tmp_path / "local" / name).glob("*.parquet"))]
        b = [pq.read_table(p).to_pylist() for p in sorted((tmp_path / "ray" / name).glob("*.parquet"))]
        assert a == b, name


@pytest.mark.slow
def test_cli_extract_with_ray_writes_the_layout(ray_local, tmp_path):
    """--engine ray --out DIR on an already running Ray (as with --address): the folder is complete."""
    from typer.testing import CliRunner

    from unfog.cli import app

    r = CliRunner().invoke(app, ["extract", "--engine", "ray", "--workers", "1", "--out", str(tmp_path / "o"), str(BATCH)])
    assert r.exit_code == 0, r.output
    assert parquet_io.is_layout(tmp_path / "o")
    assert sum(1 for _ in parquet_io.iter_results(tmp_path / "o")) == 8
