"""Grouping items that are linked pairwise (union-find), shared by event merging
within an article and across articles."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")


def cluster(items: Sequence[T], linked: Callable[[T, T], bool]) -> list[list[T]]:
    """Connected groups of items under a symmetric ``linked(a, b)``, in order of first appearance."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if find(i) != find(j) and linked(items[i], items[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def components(items: Sequence[T], edges: Iterable[tuple[T, T]]) -> list[list[T]]:
    """Connected groups of hashable items joined by ``edges`` (pairs outside ``items`` are ignored),
    each in the order of ``items``, groups in order of their first item."""
    index = {x: i for i, x in enumerate(items)}
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        if a in index and b in index:
            ra, rb = find(index[a]), find(index[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())
