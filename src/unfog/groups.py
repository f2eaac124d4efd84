"""Union-find: grouping things that are linked pairwise.

One copy for the whole tree: events joined within an article and across
articles (:func:`cluster`), figures joined into quantities by their relations
(:class:`UnionFind` over ids). A neutral module that every layer may import.
"""
from __future__ import annotations

from typing import Callable, Hashable, Iterable, Sequence, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class UnionFind:
    """Disjoint sets over hashable keys, with path halving; unknown keys are their own set."""

    def __init__(self, keys: Iterable[Hashable] = ()):
        self.parent: dict[Hashable, Hashable] = {k: k for k in keys}

    def find(self, key: Hashable) -> Hashable:
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: Hashable, b: Hashable) -> Hashable:
        """Join the sets of a and b; the root of b's set becomes the root of both."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
        return rb

    def same(self, a: Hashable, b: Hashable) -> bool:
        return self.find(a) == self.find(b)


def cluster(items: Sequence[T], linked: Callable[[T, T], bool], key: Callable[[T], Hashable] | None = None,
            apart: Callable[[T], Hashable] | None = None) -> list[list[T]]:
    """Connected groups of items under a symmetric ``linked(a, b)``, in order of first appearance.

    Blocking, so that a large input is not compared all pairs: only items with equal
    ``key(item)`` can link (a key of None links nothing), and items with equal non-None
    ``apart(item)`` never link (e.g. records of one article), so they are not compared.
    """
    uf = UnionFind(range(len(items)))
    blocks: dict[Hashable, dict[Hashable, list[int]]] = {}
    for i, item in enumerate(items):
        k = key(item) if key else 0
        if k is None:
            continue
        g = apart(item) if apart else None
        blocks.setdefault(k, {}).setdefault(("item", i) if g is None else ("apart", g), []).append(i)
    for block in blocks.values():
        buckets = list(block.values())
        for p, left in enumerate(buckets):
            for right in buckets[p + 1:]:
                for i in left:
                    for j in right:
                        if not uf.same(i, j) and linked(items[i], items[j]):
                            uf.union(j, i)
    groups: dict[Hashable, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(uf.find(i), []).append(item)
    return list(groups.values())


def components(items: Sequence[K], edges: Iterable[tuple[K, K]]) -> list[list[K]]:
    """Connected groups of hashable items joined by ``edges`` (pairs outside ``items`` are ignored),
    each in the order of ``items``, groups in order of their first item."""
    uf = UnionFind(items)
    known = set(uf.parent)
    for a, b in edges:
        if a in known and b in known:
            uf.union(a, b)
    groups: dict[Hashable, list[K]] = {}
    for item in items:
        groups.setdefault(uf.find(item), []).append(item)
    return list(groups.values())
