"""Grouping items that are linked pairwise (union-find), shared by event merging
within an article and across articles."""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

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
