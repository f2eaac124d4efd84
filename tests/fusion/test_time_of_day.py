"""Counts of one day ordered by the time of day their texts tell them at (issue 18): our own short reports,
extracted and fused end to end."""
import pytest
from conftest import has_relation as _has, relations_of, report


def _same_day(early: tuple[str, str, str], late: tuple[str, str, str]) -> list[dict]:
    """Two outlets' reports of one day, (id, outlet, voice) of the early count and of the late one."""
    return [
        report(early[0], "2025-11-13", early[1], "A missile struck an apartment block in Oskol on Thursday. As of "
                                                 f"10:15 a.m., six people had been killed, {early[2]} said."),
        report(late[0], "2025-11-13", late[1], "A missile strike on an apartment block in Oskol on Thursday killed "
                                               f"13 people, {late[2]} said at 4:40 p.m.")]


HERALD = ("t1", "Plain Herald", "regional governor Oleh Brant")
COURIER = ("t2", "Hill Courier", "emergency service spokesman Petro Lisko")


PATTERNS = {
    # two outlets' counts of one day, each told at a time of day: the later is the later count, whichever
    # outlet tells it (so whichever report's id sorts first)
    "told_at_times": _same_day(HERALD, COURIER),
    "told_at_times_swapped": _same_day(COURIER, HERALD),
    # a live blog, latest entries first: the evening's count comes after the morning's
    "live_blog_latest_first": [
        report("l1", "2025-11-20", "Valley Post",
               "Live: the strike on Brova, Thursday. Latest entries first.\n\n"
               "19:10 - Emergency service spokesman Petro Lisko says 18 people were killed in the strike on the market in "
               "Brova.\n\n"
               "14:30 - Rescuers are still searching the rubble in Brova.\n\n"
               "11:05 - Twelve people were killed when a missile hit the market in Brova, mayor Ivan Dorn says.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


@pytest.mark.parametrize("name", ["told_at_times", "told_at_times_swapped"])
def test_the_count_told_later_in_the_day_updates_the_earlier(relations, name):
    rels = relations[name]
    assert _has(rels, "updates", "six people", "13 people"), rels
    assert not _has(rels, "updates", "13 people", "six people"), rels
    assert not _has(rels, "contradicts", "six people", "13 people"), rels


def test_a_live_blogs_entries_are_read_in_the_order_of_their_stamps(relations):
    rels = relations["live_blog_latest_first"]
    assert _has(rels, "updates", "Twelve people", "18 people"), rels
    assert not _has(rels, "updates", "18 people", "Twelve people"), rels


def test_the_same_relations_whatever_the_order_of_the_chunks(tmp_path):
    from unfog.api import extract_stream, to_articles
    from unfog.fusion import fuse
    from unfog.store import Store
    from unfog.workflows import write_chunk

    docs = PATTERNS["told_at_times"] + PATTERNS["live_blog_latest_first"]
    results = list(extract_stream(list(to_articles(docs))))
    whole = sorted((r.type, r.a, r.b) for r in fuse.relate(results))
    assert sum(t == "updates" for t, _, _ in whole) >= 2, whole
    assert whole == sorted((r.type, r.a, r.b) for r in fuse.relate(results[::-1]))
    for name, items in (("fwd", results), ("rev", results[::-1]), ("mid", [results[1], results[2], results[0]])):
        with Store(tmp_path / f"{name}.duckdb") as store:
            for r in items:
                write_chunk(store, [r])
            assert sorted((r.type, r.a, r.b) for r in store.records("relations")) == whole, name
