"""Grouping by union-find: blocking keys and items kept apart give the groups of all pairs, with fewer comparisons."""
from __future__ import annotations

import random

from unfog.groups import cluster


def test_blocked_clusters_equal_all_pairs_when_the_blocking_is_sound():
    rng = random.Random(7)
    # (kind, source, value): items link when of one kind, from different sources, values within 2
    items = [(rng.choice("ab"), rng.randrange(4), rng.randrange(30)) for _ in range(120)]

    def linked(x, y):
        return x[0] == y[0] and x[1] != y[1] and abs(x[2] - y[2]) <= 2

    assert cluster(items, linked, key=lambda x: x[0], apart=lambda x: x[1]) == cluster(items, linked)


def test_items_kept_apart_are_never_compared_and_a_none_key_links_nothing():
    calls = []

    def linked(x, y):
        calls.append((x, y))
        return True

    items = [("s1", 1), ("s1", 2), ("s1", 3), ("s2", 4), ("s3", None)]
    groups = cluster(items, linked, key=lambda x: None if x[1] is None else "k", apart=lambda x: x[0])
    assert all(a[0] != b[0] for a, b in calls) and len(calls) <= 3
    assert groups == [[("s1", 1), ("s1", 2), ("s1", 3), ("s2", 4)], [("s3", None)]]
