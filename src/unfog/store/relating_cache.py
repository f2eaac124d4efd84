"""What relating reads from the store, kept in memory between the chunks of one process.

DuckDB answers a lookup by key (``qkey = ANY(...)``, ``pair = ANY(...)``) by scanning
the table, so reading the comparable records of every chunk costs time that grows
with the store. An ingest writes its chunks one after the other through one
:class:`~unfog.store.Store`, so what one chunk read and wrote is what the next one
would read again: the stored figures of each quantity with the relations their
figures chose, the statement keys of each topic@place pair and of each article.
This cache keeps them, adds what each chunk writes, and is dropped whenever
records are written to the database any other way (see
:meth:`unfog.store.Store.generation`): it never answers differently from the store.

It holds at most :data:`MAX_FIGURES` figures (the quantities used least recently
go first) and :data:`MAX_STATEMENTS` statement keys (all dropped at once beyond
that); what it lets go is read again when needed. It knows which quantities and
pairs the store holds at all, so one no stored record has costs no query.
"""
from __future__ import annotations

from collections import OrderedDict

from unfog.model import Figure, Relation

MAX_FIGURES = 100_000  # figures kept (with views and relations): ~2 KB each, so ~200 MB at most
MAX_STATEMENTS = 400_000  # statement keys kept, counted once per pair and once by article (~100,000 statements)


class RelatingCache:
    """Stored figures and figure relations by quantity; stored statement keys by pair and by article."""

    def __init__(self, generation: int, qkeys: set[str], pairs: set[str]):
        self.generation = generation
        self.qkeys = qkeys  # every quantity the store has a figure key of
        self.pairs = pairs  # every topic@place pair the store has a statement of
        self.figures: OrderedDict[str, dict[str, tuple]] = OrderedDict()  # qkey -> figure id -> (Figure, FigureKey)
        self.chosen: dict[str, dict[str, list[Relation]]] = {}  # qkey -> figure id (b) -> relations it chose
        self.views: dict[str, list] = {}  # qkey -> FigureViews of all its stored figures, as last compared
        self.names: dict[str, set[str]] = {}  # qkey -> the claimant names of its stored figures (when asked)
        self.size = 0
        self.by_pair: dict[str, dict[int, dict[str, object]]] = {}  # pair -> day -> statement id -> StatementKey
        self.by_article: dict[str, list] = {}  # article id -> all its StatementKeys
        self.statements = 0
        self.keyed: set[str] | None = None  # every article with keys stored (read at first use)

    @classmethod
    def of(cls, store) -> "RelatingCache":
        """The store's cache, current (a new, empty one when records were written by other means)."""
        cache = getattr(store, "_relating_cache", None)
        if cache is None or cache.generation != store.generation():
            con = store.con
            qkeys = {r[0] for r in con.execute("SELECT DISTINCT qkey FROM figure_keys").fetchall()}
            pairs = {r[0] for r in con.execute("SELECT DISTINCT pair FROM statement_pairs").fetchall()}
            cache = store._relating_cache = cls(store.generation(), qkeys, pairs)
        return cache

    @staticmethod
    def drop(store) -> None:
        store._relating_cache = None

    def keyed_among(self, store, article_ids: list[str]) -> list[str]:
        """Those of the articles that have keys stored (were related before)."""
        if self.keyed is None:
            self.keyed = {r[0] for r in store.con.execute(
                "SELECT article_id FROM figure_keys UNION SELECT article_id FROM statement_keys").fetchall()}
        return sorted(a for a in article_ids if a in self.keyed)

    # -- figures ------------------------------------------------------------
    def load(self, store, qkeys: list[str], figures_of_quantities) -> None:
        """Read the quantities not kept yet (one query for all of them, through ``figures_of_quantities``)."""
        missing = [q for q in qkeys if q not in self.figures]
        for q in missing:
            self.figures[q] = {}
            self.chosen[q] = {}
        wanted = [q for q in missing if q in self.qkeys]
        if wanted:
            for f, k in figures_of_quantities(store, wanted):
                self.figures[k.qkey][f.id] = (f, k)
                self.size += 1
            for r in store.records("relations", where="group_id = ANY(?::VARCHAR[])", params=[wanted]):
                self.chosen[r.group_id].setdefault(r.b, []).append(r)
        for q in qkeys:
            self.figures.move_to_end(q)

    def stored(self, qkey: str, skip_articles: set[str]) -> list[tuple[Figure, object]]:
        if not skip_articles:
            return list(self.figures[qkey].values())
        return [(f, k) for f, k in self.figures[qkey].values() if k.article_id not in skip_articles]

    def views_of(self, qkey: str) -> list | None:
        return self.views.get(qkey)

    def holds_all(self, qkey: str, n: int) -> bool:
        """Whether ``n`` figures are all the quantity's kept figures (none of them was left out)."""
        return len(self.figures.get(qkey, ())) == n

    def names_of(self, qkey: str) -> set[str]:
        """The claimant names of the quantity's stored figures (kept up to date as figures are added)."""
        names = self.names.get(qkey)
        if names is None:
            names = self.names[qkey] = {f.claimant for f, _ in self.figures[qkey].values() if f.claimant}
        return names

    def chosen_by(self, qkey: str, figure_id: str) -> list[Relation]:
        return list(self.chosen[qkey].get(figure_id, ()))

    # -- statements -----------------------------------------------------------
    def sharing(self, store, pairs: list[str], statements_of_pairs) -> dict[str, dict[int, dict[str, object]]]:
        """The stored statement keys of each pair by day (read once for all the pairs not kept yet,
        through ``statements_of_pairs``)."""
        missing = [p for p in pairs if p not in self.by_pair]
        for p in missing:
            self.by_pair[p] = {}
        wanted = {p for p in missing if p in self.pairs}
        if wanted:
            for k in statements_of_pairs(store, sorted(wanted)):
                for p in k.pairs():
                    if p in wanted:
                        self.by_pair[p].setdefault(k.day, {})[k.statement_id] = k
                        self.statements += 1
        return {p: self.by_pair[p] for p in pairs}

    def of_articles(self, store, article_ids: list[str], statements_of_articles) -> list:
        """The stored statement keys of these articles (read once for those not kept yet, through
        ``statements_of_articles``)."""
        missing = [a for a in article_ids if a not in self.by_article]
        for a in missing:
            self.by_article[a] = []
        for k in statements_of_articles(store, missing):
            self.by_article[k.article_id].append(k)
            self.statements += 1
        return [k for a in article_ids for k in self.by_article[a]]

    # -- after a chunk ----------------------------------------------------------
    def remember(self, store, figures: dict[str, Figure], articles: list[str], rel) -> None:
        """What a chunk wrote (its keys and relations, ``rel``: a StoreRelating; ``articles``: its articles
        related) once it is committed; the whole cache goes when anything else was written meanwhile."""
        if store.generation() != self.generation + 1 or rel.keyed_articles:
            self.drop(store)
            return
        self.generation = store.generation()
        if self.keyed is not None:
            self.keyed.update(k.article_id for k in rel.figure_keys)
            self.keyed.update(k.article_id for k in rel.statement_keys)
        self._remember_figures(figures, rel)
        for a in articles:
            self.by_article.setdefault(a, [])
        for k in rel.statement_keys:
            if k.article_id in self.by_article and all(x.statement_id != k.statement_id for x in self.by_article[k.article_id]):
                self.by_article[k.article_id].append(k)
                self.statements += 1
            if k.day is None:
                continue  # (no pair rows: never found by pair)
            for p in k.pairs():
                self.pairs.add(p)
                on_day = self.by_pair[p].setdefault(k.day, {}) if p in self.by_pair else None
                if on_day is not None and k.statement_id not in on_day:
                    on_day[k.statement_id] = k
                    self.statements += 1
        if self.statements > MAX_STATEMENTS:
            self.by_pair, self.by_article, self.statements = {}, {}, 0

    def _remember_figures(self, figures: dict[str, Figure], rel) -> None:
        for q in rel.replaced_groups:
            if q in self.chosen:
                self.chosen[q] = {}
        for r in rel.dropped_relations:
            by_b = self.chosen.get(r.group_id)
            if by_b is not None and r.b in by_b:
                by_b[r.b] = [x for x in by_b[r.b] if x.id != r.id]
        for k in rel.figure_keys:
            self.qkeys.add(k.qkey)
            if k.qkey in self.figures and k.figure_id not in self.figures[k.qkey]:
                f = self.figures[k.qkey][k.figure_id] = (figures[k.figure_id], k)
                self.size += 1
                if k.qkey in self.names and f[0].claimant:
                    self.names[k.qkey].add(f[0].claimant)
        for q, views in rel.views.items():
            if q in self.figures:
                self.views[q] = views
        for r in rel.relations:
            by_b = self.chosen.get(r.group_id) if r.group_id else None
            if by_b is not None and all(x.id != r.id for x in by_b.get(r.b, ())):
                by_b.setdefault(r.b, []).append(r)
        while self.size > MAX_FIGURES and len(self.figures) > 1:
            q, figs = self.figures.popitem(last=False)
            self.chosen.pop(q, None)
            self.views.pop(q, None)
            self.names.pop(q, None)
            self.size -= len(figs)
