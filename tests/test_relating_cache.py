"""Relating chunks to the store through the in-process cache (store/relating.py, store/relating_cache.py):
the stored relations are those of one in-memory fuse.relate whatever the chunks and their order,
and the cache never answers differently from the store."""
from __future__ import annotations

import random
from datetime import date, timedelta

from unfog.fusion import fuse
from unfog.model import Article, ArticleRecords, Figure, Relation, Statement
from unfog.store import Store, relating
from unfog.store.relating_cache import RelatingCache
from unfog.workflows import write_chunk

# claimants, some only by surname (they resolve to the full name once both are in a quantity), one unnamed
CLAIMANTS = [("Oleh Kovalenko", "UKR"), ("Kovalenko", "UKR"), ("the defence ministry", "RUS"),
             ("UN monitors", "INT"), (None, None)]
VALUES = [10, 11, 12, 30, 34, 120]
CLAIMS = ["troops shelled the depot in {p}", "forces captured the bridge in {p}"]


def _article(i: int, rng: random.Random) -> ArticleRecords:
    place = rng.choice(["Avdiivka", "Kupiansk"])
    day = (date(2023, 3, 1) + timedelta(days=rng.randrange(40))).isoformat()
    aid = f"a{i:03d}"
    res = ArticleRecords(article=Article(id=aid, text="x" * 200, published=day, source=rng.choice(["Wire", "Daily"])))
    for k in range(2):
        who, side = rng.choice(CLAIMANTS)
        v = rng.choice(VALUES)
        res.figures.append(Figure(id=f"f{i:03d}{k}", article_id=aid, text=str(v), start=10 * k, end=10 * k + 2,
                                  value=v, category=rng.choice(["killed", "wounded"]), group="civilians",
                                  claimant=who, claimant_side=side, place=place, date=day))
    who, side = rng.choice(CLAIMANTS[2:4] + CLAIMANTS[:1])
    denial = rng.random() < 0.3
    content = ("denied that its troops shelled the depot in {p}" if denial else rng.choice(CLAIMS)).format(p=place)
    res.statements.append(Statement(id=f"s{i:03d}", article_id=aid, speaker=who, text=content, start=50,
                                    end=50 + len(content), speaker_side=side, content=content,
                                    polarity="denies" if denial else "asserts", date=day))
    return res


def _corpus(n: int = 60) -> list[ArticleRecords]:
    rng = random.Random(11)
    return [_article(i, rng) for i in range(n)]


def _rows(rels) -> list[tuple]:
    return sorted((r.type, r.a, r.b, r.note) for r in rels)


def _stored(tmp_path, name: str, items: list[ArticleRecords], chunk: int) -> list[tuple]:
    with Store(tmp_path / f"{name}.duckdb") as store:
        for i in range(0, len(items), chunk):
            write_chunk(store, items[i:i + chunk])
        return _rows(store.records("relations"))


def test_chunks_in_any_order_store_the_relations_of_one_batch(tmp_path):
    items = _corpus()
    whole = _rows(fuse.relate(items))
    assert any(t == "updates" for t, *_ in whole) and any(t == "corroborates" for t, *_ in whole)
    assert _stored(tmp_path, "fwd", items, 7) == whole
    assert _stored(tmp_path, "rev", items[::-1], 1) == whole
    assert _stored(tmp_path, "shuffled", random.Random(2).sample(items, len(items)), 13) == whole


def test_later_chunks_read_known_quantities_from_the_cache(tmp_path, monkeypatch):
    items = _corpus(30)
    reads = []
    real = relating.figures_of_quantities
    monkeypatch.setattr(relating, "figures_of_quantities", lambda s, q, **kw: reads.append(list(q)) or real(s, q, **kw))
    with Store(tmp_path / "c.duckdb") as store:
        write_chunk(store, items[:20])
        write_chunk(store, items[20:])
    # the two places' quantities were all counted by the first chunk: the second chunk reads none of them
    assert reads == []


def test_a_write_by_other_means_drops_the_cache(tmp_path):
    items = _corpus(30)
    with Store(tmp_path / "d.duckdb") as store:
        write_chunk(store, items[:20])
        cache = RelatingCache.of(store)
        rels = store.records("relations")
        victim = next(r for r in rels if r.group_id and r.group_id.startswith("qty_"))
        store.con.execute("DELETE FROM relations WHERE id = ?", [victim.id])
        store.write_relations([Relation(type=victim.type, a=victim.a, b=victim.b, note="written by hand",
                                        group_id=victim.group_id)])
        assert RelatingCache.of(store) is not cache  # another write happened: what was kept is read again
        fresh = RelatingCache.of(store)
        fresh.load(store, [victim.group_id], relating.figures_of_quantities)
        assert any(r.note == "written by hand" for r in fresh.chosen_by(victim.group_id, victim.b))


def test_writing_stored_articles_again_changes_no_relation(tmp_path):
    items = _corpus(40)
    with Store(tmp_path / "p.duckdb") as store:
        for i in range(0, 40, 8):
            write_chunk(store, items[i:i + 8])
        before = _rows(store.records("relations"))
        write_chunk(store, items[8:16], replace=True)  # as `unfog reprocess` does: their quantities in full
        assert getattr(store, "_relating_cache", None) is None  # articles stored before: nothing kept
        write_chunk(store, items[30:34], replace=True)
        assert _rows(store.records("relations")) == before == _rows(fuse.relate(items))


def _dense_article(i: int, rng: random.Random) -> ArticleRecords:
    """Three counts an article, by sources that revise their own tolls over months (updates, corroborations)."""
    place = rng.choice(["Avdiivka", "Kupiansk", "Lyman"])
    day = (date(2023, 1, 1) + timedelta(days=rng.randrange(200))).isoformat()
    aid = f"d{i:03d}"
    res = ArticleRecords(article=Article(id=aid, text="x" * 200, published=day, source="Wire"))
    for k in range(3):
        who, side = rng.choice([("the regional governor", "UKR"), ("the general staff", "UKR"),
                                ("the army spokesman", "RUS"), ("UN monitors", "INT")])
        v = rng.choice([5, 12, 30, 35, 50, 120, 134])
        res.figures.append(Figure(id=f"g{i:03d}{k}", article_id=aid, text=str(v), start=10 * k, end=10 * k + 2,
                                  value=v, category=rng.choice(["killed", "wounded"]), group="civilians",
                                  claimant=who, claimant_side=side, place=place, date=day))
    return res


def test_stored_figures_choose_again_as_among_all(tmp_path):
    """A stored figure that new ones relate to chooses as it would among all the figures of its quantity
    (a source's own update is kept even when a later corroboration would drop another's)."""
    rng = random.Random(2)
    items = [_dense_article(i, rng) for i in range(240)]
    whole = _rows(fuse.relate(items))
    assert any(t == "updates" for t, *_ in whole)
    assert _stored(tmp_path, "dense", items, 25) == whole
