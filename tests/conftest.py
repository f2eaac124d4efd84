"""Shared fixtures. Real articles are read from ../shared at test time, never copied."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# Extractors run strict in the tests: an extractor's error fails the test instead of
# becoming a warning on the article (see unfog.pipeline.strict_mode). Subprocesses inherit it.
os.environ.setdefault("UNFOG_STRICT", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNFOG_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
SEED_DATES = {"000_01bce4d2cc5497e4.txt": "2022-04-22", "004_fa64e9c79eca57a7.txt": "2022-05-05"}
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the repository")


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from unfog.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_batch(tmp_path_factory) -> Path:
    """The two seed articles as a JSONL batch (ids '000' and '004')."""
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not available")
    p = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for name, day in SEED_DATES.items():
            fh.write(json.dumps({"id": name[:3], "text": seed_text(name), "published": day}) + "\n")
    return p


@pytest.fixture(scope="session")
def seed_results(seed_batch):
    """Extraction of the seeds, once per test session."""
    from unfog.api import extract_paths

    return extract_paths([seed_batch])


def report(i: str, day: str, source: str, text: str) -> dict:
    """One of our own short reports, as an input line."""
    return {"id": i, "published": day, "source": source, "text": text}


def relations_of(patterns: dict[str, list[dict]]) -> dict[str, list[tuple[str, str, str]]]:
    """For each named batch of reports: its relations, extracted and fused, as (type, text a, text b)."""
    from unfog.api import extract_stream, to_articles
    from unfog.fusion import fuse

    out = {}
    for name, docs in patterns.items():
        results = list(extract_stream(list(to_articles(docs))))
        texts = {x.id: x.text for r in results for x in list(r.figures) + list(r.statements)}
        out[name] = sorted((r.type, texts[r.a], texts[r.b]) for r in fuse.relate(results))
    return out


def has_relation(rels, kind: str, a: str, b: str) -> bool:
    """Whether relations_of's list holds a relation of that kind from a text holding a to one holding b
    (either way round, except updates: older first)."""
    return any(t == kind and a in x and b in y for t, x, y in rels) or (
        kind != "updates" and any(t == kind and b in x and a in y for t, x, y in rels))

