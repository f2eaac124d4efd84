"""What relating reads from the store, kept in memory between the chunks of one process.

DuckDB answers a lookup by key (``qkey = ANY(...)``) by scanning the table, so reading
the stored figures of the touched quantities for every chunk costs time that grows
with the store. An ingest writes its chunks one after the other through one
:class:`~unfog.store.Store`, so what one chunk read and wrote is what the next one
would read again: the stored figures of each quantity, with the relations their
figures chose. This cache keeps them, adds what each chunk writes, and is dropped
whenever records are written to the database any other way (see
:meth:`unfog.store.Store.generation`): it never answers differently from the store.

It holds at most :data:`MAX_FIGURES` figures (the quantities used least recently
go first; they are read again when needed), and knows which quantities the store
holds at all, so a quantity no stored figure counts costs no query.
"""
from __future__ import annotations

from collections import OrderedDict

from unfog.model import Figure, Relation

MAX_FIGURES = 200_000  # figures kept (with their quantity's relations); about 1 KB each


class QuantityCache:
    """Stored figures and figure relations of quantities, by quantity key."""

    def __init__(self, generation: int, known: set[str]):
        self.generation = generation
        self.known = known  # every quantity the store has a figure key of
        self.figures: OrderedDict[str, dict[str, tuple]] = OrderedDict()  # qkey -> figure id -> (Figure, FigureKey)
        self.chosen: dict[str, dict[str, list[Relation]]] = {}  # qkey -> figure id (b) -> relations it chose
        self.size = 0

    @classmethod
    def of(cls, store) -> "QuantityCache":
        """The store's cache, current (a new, empty one when records were written by other means)."""
        cache = getattr(store, "_quantity_cache", None)
        if cache is None or cache.generation != store.generation():
            known = {r[0] for r in store.con.execute("SELECT DISTINCT qkey FROM figure_keys").fetchall()}
            cache = store._quantity_cache = cls(store.generation(), known)
        return cache

    @staticmethod
    def drop(store) -> None:
        store._quantity_cache = None

    def load(self, store, qkeys: list[str]) -> None:
        """Read the quantities not kept yet (one query for all of them)."""
        from unfog.store.relating import figures_of_quantities

        missing = [q for q in qkeys if q not in self.figures]
        for q in missing:
            self.figures[q] = {}
            self.chosen[q] = {}
        wanted = [q for q in missing if q in self.known]
        if wanted:
            for f, k in figures_of_quantities(store, wanted):
                self.figures[k.qkey][f.id] = (f, k)
                self.size += 1
            for r in store.records("relations", where="group_id = ANY(?::VARCHAR[])", params=[wanted]):
                self.chosen[r.group_id].setdefault(r.b, []).append(r)
        for q in qkeys:
            self.figures.move_to_end(q)

    def stored(self, qkey: str, skip_articles: set[str]) -> list[tuple[Figure, object]]:
        return [(f, k) for f, k in self.figures[qkey].values() if k.article_id not in skip_articles]

    def chosen_by(self, qkey: str, figure_id: str) -> list[Relation]:
        return list(self.chosen[qkey].get(figure_id, ()))

    def remember(self, store, figures: dict[str, Figure], rel) -> None:
        """What a chunk wrote (its figure keys and relations, ``rel``: a StoreRelating) once it is
        committed; the whole cache goes when anything else was written meanwhile."""
        if store.generation() != self.generation + 1 or rel.keyed_articles:
            self.drop(store)
            return
        self.generation = store.generation()
        for q in rel.replaced_groups:
            if q in self.chosen:
                self.chosen[q] = {}
        for r in rel.dropped_relations:
            by_b = self.chosen.get(r.group_id)
            if by_b is not None and r.b in by_b:
                by_b[r.b] = [x for x in by_b[r.b] if x.id != r.id]
        for k in rel.figure_keys:
            self.known.add(k.qkey)
            if k.qkey in self.figures and k.figure_id not in self.figures[k.qkey]:
                self.figures[k.qkey][k.figure_id] = (figures[k.figure_id], k)
                self.size += 1
        for r in rel.relations:
            by_b = self.chosen.get(r.group_id) if r.group_id else None
            if by_b is not None and all(x.id != r.id for x in by_b.get(r.b, ())):
                by_b.setdefault(r.b, []).append(r)
        while self.size > MAX_FIGURES and len(self.figures) > 1:
            q, figs = self.figures.popitem(last=False)
            self.chosen.pop(q, None)
            self.size -= len(figs)
