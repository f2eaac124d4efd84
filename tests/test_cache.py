"""The pickle cache of built objects: reused while its inputs are unchanged, rebuilt when they change."""
from __future__ import annotations

import os

from unfog import cache


def test_built_once_then_read_back_until_an_input_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("UNFOG_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "input.tsv"
    src.write_text("a\n")
    builds = []

    def build():
        builds.append(1)
        return {"names": src.read_text().split()}

    assert cache.pickled("thing", build, [src]) == {"names": ["a"]}
    assert cache.pickled("thing", build, [src]) == {"names": ["a"]}
    assert len(builds) == 1
    src.write_text("a b\n")
    os.utime(src, ns=(1, 1))  # a different size and time: a different key
    assert cache.pickled("thing", build, [src]) == {"names": ["a", "b"]}
    assert len(builds) == 2


def test_a_broken_cache_file_is_rebuilt_and_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("UNFOG_CACHE", str(tmp_path))
    src = tmp_path / "input.tsv"
    src.write_text("x")
    (tmp_path / f"thing-{cache.cache_key([src])}.pickle").write_bytes(b"not a pickle")
    assert cache.pickled("thing", lambda: 42, [src]) == 42
    monkeypatch.setenv("UNFOG_CACHE", "")
    assert cache.cache_dir() is None
    assert cache.pickled("thing", lambda: 43, [src]) == 43


def test_only_the_most_recent_versions_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("UNFOG_CACHE", str(tmp_path / "cache"))
    for i in range(cache.KEEP + 3):
        src = tmp_path / f"input{i}.tsv"
        src.write_text(str(i))
        cache.pickled("thing", lambda: i, [src])
    assert len(list((tmp_path / "cache").glob("thing-*.pickle"))) == cache.KEEP
