"""Fusion: relations between figures and statements, merged events, relating against the store."""
import importlib.util
import json
from pathlib import Path

import pytest
from conftest import relations_of, report

from unfog.fusion import fuse
from unfog.model import Article, ArticleRecords, Event, Figure, Statement
from unfog.workflows import write_chunk

REPO = Path(__file__).resolve().parents[1]
FIX = REPO / "tests" / "fixtures" / "relations"


def _bench():
    spec = importlib.util.spec_from_file_location("score_relations", REPO / "benchmarks" / "score_relations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def art(aid, published="2022-06-01", text="x" * 400):
    return Article(id=aid, text=text, external_id=aid, published=published)


def fig(fid, aid, value, category="killed", group="civilians", claimant=None, side=None, place="Sievierodonetsk",
        date="2022-06-01", **kw):
    return Figure(id=fid, article_id=aid, text=str(value), start=0, end=3, value=value, category=category,
                  group=group, claimant=claimant, claimant_side=side, place=place, date=date, **kw)


def res(aid, figures=(), statements=(), events=(), published="2022-06-01"):
    return ArticleRecords(article=art(aid, published), figures=list(figures), statements=list(statements),
                          events=list(events))


def types(rels):
    return sorted((r.type, r.a, r.b) for r in rels)


# -- figures ------------------------------------------------------------------
def test_agreeing_figures_from_two_claimants_corroborate():
    rels = fuse.relate([res("a", [fig("f1", "a", 12, claimant="the governor", side="UKR")]),
                        res("b", [fig("f2", "b", 12, claimant="UN monitors", side="INT", qualifier="at least")])])
    assert types(rels) == [("corroborates", "f1", "f2")]


def test_different_figures_from_opposite_sides_contradict():
    rels = fuse.relate([res("a", [fig("f1", "a", 300, group="combatants", claimant="Russia's defence ministry", side="RUS")]),
                        res("b", [fig("f2", "b", 60, group="combatants", claimant="Ukraine's general staff", side="UKR")])])
    assert types(rels) == [("contradicts", "f1", "f2")]


def test_later_figure_from_the_same_claimant_updates_older_first():
    rels = fuse.relate([res("b", [fig("f2", "b", 10000, "trapped", claimant="Serhiy Haidai", side="UKR", date="2022-06-09")],
                            published="2022-06-09"),
                        res("a", [fig("f1", "a", 15000, "trapped", claimant="Mr Haidai", side="UKR")])])
    assert types(rels) == [("updates", "f1", "f2")]


def test_a_small_rise_by_the_same_claimant_is_an_update():
    rels = fuse.relate([res("a", [fig("f1", "a", 50, claimant="Pavlo Kyrylenko", side="UKR")]),
                        res("b", [fig("f2", "b", 57, claimant="Kyrylenko", side="UKR", date="2022-06-03")], published="2022-06-03")])
    assert types(rels) == [("updates", "f1", "f2")]


def test_a_later_report_from_the_same_side_raises_a_toll_tied_to_no_incident():
    # no event extracted for either count (no incident key): one side's authorities, a higher toll in the next report
    rels = fuse.relate([res("a", [fig("f1", "a", 14, claimant="the regional governor", side="UKR")]),
                        res("b", [fig("f2", "b", 19, claimant="the emergency service", side="UKR", date="2022-06-02")],
                            published="2022-06-02")])
    assert types(rels) == [("updates", "f1", "f2")]
    # the same report's two voices of that side, or a lower later count, are no revision of it
    lower = fuse.relate([res("a", [fig("f1", "a", 14, claimant="the regional governor", side="UKR")]),
                         res("b", [fig("f2", "b", 9, claimant="the emergency service", side="UKR", date="2022-06-02")],
                             published="2022-06-02")])
    assert not [r for r in lower if r.type == "updates"]


@pytest.mark.parametrize("change", [
    {"category": "wounded"},
    {"group": "combatants"},
    {"place": "Lysychansk"},
    {"group_side": "RUS"},
])
def test_different_quantities_never_relate(change):
    base = dict(claimant="A", side="UKR", group_side="UKR")
    f1 = fig("f1", "a", 12, **base)
    kw = {**base, **change}
    f2 = fig("f2", "b", 12, **{k: v for k, v in kw.items()})
    if "group_side" in change:
        f1.group_side = "UKR"
    assert fuse.relate([res("a", [f1]), res("b", [f2])]) == []


def test_different_periods_and_distant_incidents_do_not_relate():
    daily = fig("f1", "a", 600, group="combatants", claimant="the Kremlin", side="RUS", sentence="killed overnight")
    total = fig("f2", "b", 4000, group="combatants", claimant="Mr Shoigu", side="RUS", sentence="killed during the siege")
    assert fuse.relate([res("a", [daily]), res("b", [total])]) == []
    e1 = fig("e1", "a", 79, "evacuated", "people", claimant="X", side="UKR", date="2022-04-21")
    e2 = fig("e2", "b", 300, "evacuated", "people", claimant="Y", side="INT", date="2022-05-04")
    assert fuse.relate([res("a", [e1]), res("b", [e2], published="2022-05-05")]) == []


def test_running_total_does_not_shrink_into_an_update():
    f1 = fig("f1", "a", 4000, claimant="A", side="RUS")
    f2 = fig("f2", "b", 600, claimant="B", side="RUS", date="2022-06-20")
    assert fuse.relate([res("a", [f1]), res("b", [f2], published="2022-06-20")]) == []


def test_one_source_repeating_itself_in_one_article_is_not_a_relation():
    f1 = fig("f1", "a", 12, claimant="the governor", side="UKR")
    f2 = fig("f2", "a", 12, claimant="the governor", side="UKR")
    assert fuse.relate([res("a", [f1, f2])]) == []


def test_value_range_follows_the_qualifier():
    assert fuse.value_range(fig("f", "a", 4000, qualifier="more than"))[0] == 4000
    assert fuse.value_range(fig("f", "a", 4000, qualifier="more than"))[2] == float("inf")
    lo, pt, hi = fuse.value_range(fig("f", "a", 2000, qualifier="about"))
    assert lo < 2000 < hi and pt == 2000
    assert fuse.value_range(fig("f", "a", None, low=200, high=900)) == (200, 550, 900)
    assert fuse.value_range(fig("f", "a", None)) is None


def test_place_keys_match_spellings():
    assert fuse.place_key("Zaporizhia") == fuse.place_key("Zaporizhzhia")
    assert fuse.place_key("the city of Mariupol") == fuse.place_key("Mariupol")
    assert fuse.place_key("Mariupol") != fuse.place_key("Azovstal")
    assert fuse.place_key("X", 706448) == "g706448"


# -- statements ---------------------------------------------------------------
def stm(sid, aid, speaker, side, content, polarity="asserts"):
    return Statement(id=sid, article_id=aid, speaker=speaker, text=content, start=0, end=len(content),
                     speaker_side=side, polarity=polarity, content=content)


def test_denial_contradicts_the_assertion_it_denies():
    s1 = stm("s1", "a", "Ukrainian officials", "UKR", "Russian forces have pushed into the plant's perimeter")
    s2 = stm("s2", "a", "the Kremlin", "RUS", "there is any ground assault", "denies")
    s3 = stm("s3", "a", "the Kremlin", "RUS", "the West is preventing a quick end to the campaign")
    assert types(fuse.relate([res("a", statements=[s1, s2, s3])])) == [("contradicts", "s1", "s2")]


def test_blame_and_denial_across_articles_contradict():
    s1 = stm("s1", "a", "Russia", "RUS", "Ukraine was behind the strike on the station in Kramatorsk")
    s2 = stm("s2", "b", "Ukraine", "UKR", "any attack on Kramatorsk", "denies")
    a, b = res("a", statements=[s1]), res("b", statements=[s2])
    from unfog.model import Place

    for r in (a, b):
        r.places.append(Place(id="p" + r.article.id, article_id=r.article.id, name="Kramatorsk", start=0, end=5))
    assert types(fuse.relate([a, b])) == [("contradicts", "s1", "s2")]


def test_denials_on_one_side_or_other_topics_do_not_contradict():
    s1 = stm("s1", "a", "the Kremlin", "RUS", "forces blockaded the industrial zone")
    s2 = stm("s2", "a", "the Kremlin", "RUS", "there is any ground assault", "denies")
    s3 = stm("s3", "a", "the mayor", "UKR", "water supplies were restored in two districts")
    assert fuse.relate([res("a", statements=[s1, s2, s3])]) == []


# -- hand-made records on the gold sets -------------------------------------------
@pytest.mark.parametrize("name", ["setA", "setB", "seeds"])
def test_gold_on_hand_made_records(name):
    bench = _bench()
    articles = bench.load_articles(name)
    if articles is None:
        pytest.skip("seeds not available")
    records = json.loads((FIX / f"{name}.records.json").read_text())
    gold = json.loads((REPO / "tests" / "gold" / "relations" / f"{name}.json").read_text())
    results = bench.hand_made_results(articles, records)
    s = bench.score(gold, fuse.relate(results), results)
    assert s["recall"] == 1.0, s["missed"]
    assert s["spurious"] == 0, s["spurious_relations"]


def test_fused_batch_relations_point_at_batch_ids():
    bench = _bench()
    articles = bench.load_articles("setA")
    records = json.loads((FIX / "setA.records.json").read_text())
    batch = fuse.fuse(bench.hand_made_results(articles, records))
    ids = {x.id for x in batch.table("figures")} | {x.id for x in batch.table("statements")}
    assert batch.relations and all(r.a in ids and r.b in ids for r in batch.relations)
    assert all(r.type in ("corroborates", "contradicts", "updates") for r in batch.relations)
    assert fuse.fuse(bench.hand_made_results(articles, records)).relations == batch.relations


# -- events ----------------------------------------------------------------------
def ev(eid, aid, date="2022-04-08", lat=48.72, lon=37.56, sub="Shelling/artillery/missile attack", **kw):
    return Event(id=eid, article_ids=[aid], event_type="Explosions/Remote violence", sub_event_type=sub,
                 text="struck", start=0, end=6, place="Kramatorsk", lat=lat, lon=lon, date=date, time_precision=1,
                 evidence=[{"text": "struck", "start": 0, "end": 6}], **kw)


def test_same_strike_from_two_outlets_becomes_one_event():
    e1 = ev("e1", "a", figure_ids=["f1"], fatalities=50)
    e2 = ev("e2", "b", date="2022-04-09", lat=48.75, lon=37.60, figure_ids=["f2"], fatalities=52)
    merged = fuse.merge_events([e1, e2], {"a": 0, "b": 1})
    assert len(merged) == 1
    m = merged[0]
    assert m.article_ids == ["a", "b"] and m.figure_ids == ["f1", "f2"] and m.fatalities == 50
    assert {e["article_id"] for e in m.evidence} == {"a", "b"}
    assert m.merged_from == ["e1", "e2"]
    again = fuse.merge_events([ev("e2", "b", date="2022-04-09"), ev("e1", "a")], {"a": 0, "b": 1})
    assert again[0].id == m.id


@pytest.mark.parametrize("other", [
    dict(lat=49.5, lon=36.2),  # Kharkiv, far away
    dict(date="2022-04-20"),
    dict(sub="Air/drone strike", lat=48.72, lon=37.56),
    dict(actor1_side="UKR"),
])
def test_different_incidents_stay_apart(other):
    e1 = ev("e1", "a", actor1_side="RUS")
    kw = {"actor1_side": "RUS", **other}
    e2 = ev("e2", "b", **kw)
    assert len(fuse.merge_events([e1, e2])) == 2


def test_events_of_one_article_are_not_merged_here():
    assert len(fuse.merge_events([ev("e1", "a"), ev("e2", "a")])) == 2


# -- the store -------------------------------------------------------------------
def test_relate_with_store_relates_new_articles_to_stored_ones(tmp_path):
    from unfog.store import Store, relating

    first = res("a", [fig("f1", "a", 15000, "trapped", claimant="Serhiy Haidai", side="UKR")])
    second = res("b", [fig("f2", "b", 10000, "trapped", claimant="Haidai", side="UKR", date="2022-06-09")],
                 published="2022-06-09")
    with Store(tmp_path / "x.duckdb") as store:
        write_chunk(store, [first])
        rels = relating.relate_with_store([second], store)
        assert types(rels) == [("updates", "f1", "f2")]
        assert store.write([second], rels)["relations"] == 1
        assert store.write([second], relating.relate_with_store([second], store))["relations"] == 0
        assert store.count("relations") == 1


# -- end to end: the extractors, then fusion -------------------------------------
@pytest.fixture(scope="module")
def fixture_results():
    bench = _bench()
    return {name: bench.extracted_results(bench.load_articles(name)) for name in ("setA", "setB", "setC")}


def test_gold_end_to_end_on_own_fixtures(fixture_results):
    bench = _bench()
    real = found = spurious = 0
    for name, results in fixture_results.items():
        gold = json.loads((REPO / "tests" / "gold" / "relations" / f"{name}.json").read_text())
        s = bench.score(gold, fuse.relate(results), results)
        real, found, spurious = real + s["real"], found + s["found"], spurious + s["spurious"]
    # measured when written: 9/13 found (setA 5/5, setB 3/4, held-out setC 1/4), 0 spurious; the misses
    # are death tolls the figures extractor files under troops/other, and a denial paired with a restatement
    assert found / real >= 0.6
    assert spurious / real <= 0.5


def test_gold_end_to_end_on_seeds(seed_results):
    bench = _bench()
    gold = json.loads((REPO / "tests" / "gold" / "relations" / "seeds.json").read_text())
    s = bench.score(gold, seed_results.relations, seed_results.results)
    # measured when written: 4/4 found, 0 spurious
    assert s["recall"] >= 0.75, s["missed"]
    assert s["spurious_per_real"] <= 0.5, s["spurious_relations"]
    ids = {x.id for x in seed_results.table("figures")} | {x.id for x in seed_results.table("statements")}
    assert all(r.a in ids and r.b in ids for r in seed_results.relations)


def test_ingest_relates_a_new_article_to_stored_ones_and_stays_idempotent(tmp_path):
    from unfog.io.ingest import iter_inputs
    from unfog.store import Store
    from unfog.workflows import ingest_articles

    arts = list(iter_inputs([str(FIX / "setA.jsonl")]))
    db = str(tmp_path / "a.duckdb")
    ingest_articles(arts[:1], db)
    second = ingest_articles(arts[1:2], db)
    assert second["added"]["relations"] >= 1  # A2 against the stored A1
    with Store(db, read_only=True) as store:
        rels = store.records("relations")
        figs = {f.id: f.article_id for f in store.records("figures")}
        sts = {s.id: s.article_id for s in store.records("statements")}
    owners = {**figs, **sts}
    assert any({owners.get(r.a), owners.get(r.b)} == {arts[0].id, arts[1].id} for r in rels)
    again = ingest_articles(arts[:2], db)
    assert again["skipped"] == 2 and again["added"].get("relations", 0) == 0


def test_same_source_revising_an_incident_toll_upwards_is_an_update():
    f1 = fig("f1", "a", 15, group="people", claimant="State Emergency Service", sentence="killed on Saturday night",
             date="2022-07-09", qualifier="at least")
    f2 = fig("f2", "b", 48, group="people", claimant="the State Emergency Service", sentence="toll on Wednesday",
             date="2022-07-13")
    assert types(fuse.relate([res("a", [f1]), res("b", [f2], published="2022-07-14")])) == [("updates", "f1", "f2")]


def test_figures_ten_times_apart_from_different_claimants_do_not_relate():
    f1 = fig("f1", "a", 1000, "trapped", claimant="Ukrainian officials", side="UKR")
    f2 = fig("f2", "b", 100000, "trapped", claimant="a western official", side="GBR")
    assert fuse.relate([res("a", [f1]), res("b", [f2])]) == []


def test_vague_amounts_do_not_corroborate_each_other():
    f1 = fig("f1", "a", None, "trapped", claimant="A", side="RUS", low=200, high=999)
    f2 = fig("f2", "b", None, "trapped", claimant="B", side="UKR", low=200, high=999)
    assert fuse.relate([res("a", [f1]), res("b", [f2])]) == []


def test_calling_a_claim_premature_is_a_denial():
    text = "Officials conceded Russian troops hold much of the town but called the claim that it had fallen premature."
    s1 = stm("s1", "a", "Sergei Shoigu", "RUS", "the city has been liberated")
    s2 = Statement(id="s2", article_id="a", speaker="Ukrainian officials", text=text, start=100, end=100 + len(text),
                   speaker_side="UKR", content="premature")
    assert fuse.dismissed_clause(s2).startswith(" called the claim")
    assert types(fuse.relate([res("a", statements=[s1, s2])])) == [("contradicts", "s1", "s2")]


def _ingest_relations(tmp_path, name, lines, chunk):
    from unfog.store import Store
    from unfog.workflows import ingest_paths

    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / f"{name}.duckdb"
    ingest_paths([str(path)], db=str(db), chunk=chunk)
    with Store(db) as store:
        return sorted((r.type, r.a, r.b, r.note) for r in store.records("relations"))


def test_relations_are_the_same_whatever_the_order_and_chunk_size(tmp_path):
    lines = [json.loads(x) for n in ("setA", "setB", "setC", "setD")
             for x in (FIX / f"{n}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    lines += [d for docs in PATTERNS.values() for d in docs]
    base = _ingest_relations(tmp_path, "forward50", lines, chunk=50)
    assert base, "the fixture batch has relations"
    assert _ingest_relations(tmp_path, "forward1", lines, chunk=1) == base
    assert _ingest_relations(tmp_path, "reverse2", lines[::-1], chunk=2) == base
    assert _ingest_relations(tmp_path, "reverse50", lines[::-1], chunk=50) == base
    # the batch as one call of the API gives the same relations as the store
    from unfog.api import extract_articles, to_articles

    batch = extract_articles(to_articles(lines))
    assert sorted((r.type, r.a, r.b, r.note) for r in batch.relations) == base
    # a part of a toll meets the same group's part in another report, whichever chunk each came in
    kids = {f.id for r in batch.results if r.article.external_id in ("pr1", "pr2") for f in r.figures
            if f.text in ("nine children", "11 children")}
    assert len(kids) == 2 and [r for r in base if r[0] == "updates" and {r[1], r[2]} == kids], kids


def test_parts_of_one_group_meet_across_reports_never_the_toll(pattern_relations):
    assert pattern_relations["parts_of_two_reports"] == [("corroborates", "30 people", "30 people"),
                                                         ("updates", "nine children", "11 children")]


def test_reprocess_of_an_unchanged_store_changes_no_relation(tmp_path):
    from unfog.store import Store
    from unfog.workflows import reprocess

    lines = [json.loads(x) for n in ("setA", "setB", "setD")
             for x in (FIX / f"{n}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    lines += PATTERNS["exchange_two_reports"] + PATTERNS["denied_capture"]
    before = _ingest_relations(tmp_path, "r", lines, chunk=2)
    assert len(before) >= 8
    reprocess(db=str(tmp_path / "r.duckdb"), everything=True, chunk=3)
    with Store(tmp_path / "r.duckdb") as store:
        assert sorted((r.type, r.a, r.b, r.note) for r in store.records("relations")) == before


def test_wide_relations_are_the_same_whatever_the_order_chunk_size_or_reprocess(tmp_path, monkeypatch):
    """With a wide model switched on (a toy one that relates every wider candidate, two per figure at most), the
    store's incremental relating finds the wider pairs a batch finds: two orders, two chunk sizes, a reprocess."""
    from unfog.fusion import relkind
    from unfog.store import Store
    from unfog.workflows import reprocess

    kinds = list(relkind.KINDS)
    toy = {"kinds": kinds, "margin": 0.0, "changes": ["none>corroborates"], "days": 3, "cap": 2,
           "bias": {k: (2.0 if k == "corroborates" else 0.0) for k in kinds}, "weights": {k: {} for k in kinds}}
    shipped = relkind.model()
    monkeypatch.setattr(relkind, "model", lambda: shipped | {"wide": toy})
    lines = [json.loads(x) for n in ("setA", "setB", "setC", "setD")
             for x in (FIX / f"{n}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    lines += [d for docs in PATTERNS.values() for d in docs]

    def stored(name):
        with Store(tmp_path / f"{name}.duckdb") as store:
            return sorted((r.type, r.a, r.b, r.group_id) for r in store.records("relations"))

    _ingest_relations(tmp_path, "forward50", lines, chunk=50)
    base = stored("forward50")
    assert sum(g.startswith("wide:") for *_, g in base) >= 10, "the batch has wider relations"
    from unfog.api import extract_articles, to_articles

    clash = extract_articles(to_articles(PATTERNS["border_clash_two_countries"]))
    assert any(r.group_id.startswith("wide:") for r in clash.relations), "the two countries' counts are related"
    _ingest_relations(tmp_path, "reverse3", lines[::-1], chunk=3)
    assert stored("reverse3") == base
    _ingest_relations(tmp_path, "reverse50", lines[::-1], chunk=50)
    assert stored("reverse50") == base
    reprocess(db=str(tmp_path / "reverse3.duckdb"), everything=True, chunk=7)
    assert stored("reverse3") == base
    batch = extract_articles(to_articles(lines))
    assert sorted((r.type, r.a, r.b, r.group_id) for r in batch.relations) == base


# -- issue 18's patterns, end to end on our own sentences ----------------------
_doc = report  # our own short reports (tests/conftest.py)


PATTERNS = {
    "exchange": [_doc("p1", "2024-01-10", "Coast Times",
                      "Russia and Ukraine carried out a prisoner exchange on Tuesday, the first in months.\n\n"
                      "The Ukrainian president said 230 Ukrainian defenders were back home.\n\n"
                      "Moscow's defence ministry said 248 Ukrainian prisoners of war had been handed over in exchange "
                      "for 248 Russian servicemen.")],
    "exchange_two_reports": [
        _doc("q1", "2024-02-01", "Coast Times", "Kyiv said 100 Ukrainian soldiers returned home on Thursday in a swap mediated by Qatar."),
        _doc("q2", "2024-02-01", "Valley News",
             "Russia's defence ministry said it had freed 115 Ukrainian servicemen in the exchange on Thursday.")],
    "media_office_vs_army": [_doc("m1", "2024-03-04", "Desert Daily",
                                  "Government warplanes bombed a cattle market in El Fasher on Monday, killing 120 people, "
                                  "the media office of the paramilitary group said.\n\nThe military said fewer than 40 people "
                                  "had been killed and that only militia positions had been hit.")],
    "toll_revised": [
        _doc("u1", "2024-04-07", "Plain Herald", "A drone struck a bus station in Kherson on Sunday, killing at least 30 "
                                                 "people, the head of the regional administration said."),
        _doc("u2", "2024-04-08", "Hill Courier", "The number of people killed in Sunday's drone strike on a bus station in "
                                                 "Kherson has reached 35, the head of the regional administration said on Monday.")],
    "toll_raised": [
        _doc("t1", "2024-09-01", "Plain Herald", "Israeli strikes on a refugee camp in central Gaza killed 12 people on "
                                                 "Saturday, the Gaza health ministry said."),
        _doc("t2", "2024-09-02", "Hill Courier", "The Gaza health ministry raised the toll from Saturday's strikes on the "
                                                 "refugee camp to 19.")],
    "denied_target": [
        _doc("d1", "2024-05-11", "Plain Herald", "A rocket hit a residential block in Kharkiv on Friday, the regional "
                                                 "governor said, killing six people."),
        _doc("d2", "2024-05-12", "Hill Courier", "Russia's defence ministry said its strike in Kharkiv on Friday had "
                                                 "destroyed an ammunition depot. \"Our forces did not strike residential "
                                                 "buildings,\" a ministry spokesman said.")],
    "denied_capture": [
        _doc("f1", "2024-08-02", "Plain Herald", "Russian forces have captured the village of Novoselivka, Russia's "
                                                 "defence ministry said on Friday."),
        _doc("f2", "2024-08-02", "Hill Courier", "Ukraine's army rejected Moscow's claim that Novoselivka had fallen, saying "
                                                 "its troops still held positions in the village.")],
    "two_agencies": [
        _doc("c1", "2024-06-03", "Plain Herald", "An air strike on a school in Gaza City killed 22 people, the civil defence "
                                                 "agency said on Monday."),
        _doc("c2", "2024-06-03", "Hill Courier", "The Gaza health ministry said 22 people were killed when an air strike hit "
                                                 "a school in Gaza City on Monday.")],
    "one_days_toll_revised_next_week": [
        _doc("h2", "2024-12-10", "Hill Courier", "Local officials said on Monday the number of dead from Saturday's strike "
                                                 "on a hotel in Kramatorsk had risen to 11."),
        _doc("h1", "2024-12-08", "Plain Herald", "A Russian missile strike on a hotel in Kramatorsk killed 8 people on "
                                                 "Saturday, local officials said.")],
    "parties_far_apart": [
        _doc("w1", "2024-12-18", "Plain Herald", "Russia's defence ministry said its forces had killed up to 300 Ukrainian "
                                                 "soldiers near Kupiansk on Tuesday."),
        _doc("w2", "2024-12-18", "Hill Courier", "Ukraine's general staff said 12 Ukrainian soldiers had been killed near "
                                                 "Kupiansk on Tuesday.")],
    "own_soldiers_freed": [
        _doc("e1", "2024-12-01", "Plain Herald", "Ukraine said 95 of its soldiers had been freed from Russian captivity on "
                                                 "Sunday in the latest exchange."),
        _doc("e2", "2024-12-01", "Hill Courier", "Russia's defence ministry said it had returned 90 Ukrainian prisoners of "
                                                 "war on Sunday and received 90 Russian troops.")],
    "one_mayor_a_month_apart": [
        _doc("z1", "2024-12-20", "Plain Herald", "Shelling killed 5 civilians in Donetsk on Thursday, the city's mayor said."),
        _doc("z2", "2025-01-25", "Hill Courier", "Shelling killed 9 civilians in Donetsk on Friday, the city's mayor said.")],
    "analysts_agree_on_a_withdrawal": [
        _doc("r1", "2025-02-05", "Plain Herald", "Ukrainian marines have withdrawn from the village of Krynky on the left "
                                                 "bank of the Dnipro, Ukraine's navy said on Wednesday."),
        _doc("r2", "2025-02-06", "Hill Courier", "The Institute for the Study of War said Ukrainian marines had withdrawn "
                                                 "from Krynky on the Dnipro's left bank.")],
    "two_officials_agree_on_a_strike": [
        _doc("r3", "2025-02-10", "Plain Herald", "A Russian drone struck a power substation in Odesa overnight, the regional "
                                                 "governor said."),
        _doc("r4", "2025-02-10", "Hill Courier", "Ukraine's energy ministry said a Russian drone had hit a power substation "
                                                 "in Odesa overnight, cutting electricity to thousands.")],
    "soldiers_and_policemen": [_doc("sp1", "2024-09-05", "Plain Herald",
                                    "Two soldiers were killed in a clash with insurgents near Tarin on Wednesday, the "
                                    "army said.\n\nSeparately, three policemen were killed in an attack on a police "
                                    "post, officials said.")],
    "background_count_in_one_report": [_doc("bc1", "2025-07-18", "Plain Herald",
                                            "The civil defence agency said today that strikes killed 14 people in "
                                            "Gaza.\n\nThe latest strikes came after the army said it mistakenly "
                                            "hit a church in Gaza yesterday, killing three.")],
    "toll_and_the_strikes_it_adds_up": [_doc("ta1", "2024-12-09", "Plain Herald",
                                             "Medical officials said Monday that strikes overnight killed at least six "
                                             "people.\n\nTwo other people were killed in a strike on a house late "
                                             "Sunday. Another two were killed in a strike early Monday.")],
    "two_attacks_at_one_place": [
        _doc("r5", "2025-02-12", "Plain Herald", "Russian artillery shelled the port of Kherson on Tuesday, the regional "
                                                 "governor said."),
        _doc("r6", "2025-02-12", "Hill Courier", "The UN said Russian drones attacked an aid convoy near Kherson on Tuesday.")],
    "toll_raised_by_the_governor_named": [
        _doc("v1", "2025-03-01", "Plain Herald", "A Russian missile hit a supermarket in Kharkiv on Saturday, killing at "
                                                 "least 14 people, the regional governor said."),
        _doc("v2", "2025-03-02", "Hill Courier", "The death toll from Saturday's missile strike on a supermarket in Kharkiv "
                                                 "has risen to 19, Oleh Syniehubov, the governor of the Kharkiv region, said "
                                                 "on Sunday.")],
    "strike_vs_national_toll": [_doc("n1", "2024-06-20", "Plain Herald",
                                     "An Israeli strike on a school in Gaza City killed 18 people on Thursday, the civil "
                                     "defence agency said.\n\nIsrael says about 1,200 people were killed in the Hamas "
                                     "attack on 7 October.")],
    "two_soldiers_vs_officers": [
        _doc("o1", "2024-07-01", "Plain Herald", "Two British-born soldiers were killed in the fighting near Bakhmut, the "
                                                 "brigade said."),
        _doc("o2", "2024-07-01", "Hill Courier", "The army said 162 officers had been killed near Bakhmut since the start "
                                                 "of the offensive.")],
    "surrender_told_later_undated": [
        _doc("s7", "2024-09-02", "Plain Herald", "The rebel alliance said 300 government soldiers had surrendered to its "
                                                 "fighters in Kalaw over the weekend."),
        _doc("s8", "2024-09-02", "Hill Courier", "A military spokesman said 45 of its soldiers had surrendered in Kalaw "
                                                 "after running out of ammunition.")],
    "strike_and_attack_one_incident": [
        _doc("k1", "2024-04-08", "Plain Herald", "A drone strike on a bus near Gondar on Saturday killed six passengers, "
                                                 "a nurse at the town's hospital said on Monday."),
        _doc("k2", "2024-04-09", "Hill Courier", "A district official said six passengers had been killed when the bus "
                                                 "was hit near Gondar on Saturday.")],
    "toll_risen_police": [
        _doc("w1", "2024-10-05", "Plain Herald", "A car bomb exploded near a market in Kismayo on Saturday, killing at "
                                                 "least five people, the police spokesman said."),
        _doc("w2", "2024-10-06", "Hill Courier", "The death toll from Saturday's car bomb near a market in Kismayo has "
                                                 "risen to 9, the police spokesman said on Sunday.")],
    "civil_war_denial": [
        _doc("cw1", "2024-09-09", "Plain Herald", "The Myanmar Liberation Front said on Monday that its fighters had taken "
                                                  "full control of Kalaw after two weeks of fighting."),
        _doc("cw2", "2024-09-09", "Hill Courier", "Myanmar's military denied on Monday that Kalaw had fallen, saying its "
                                                  "troops still held the town.")],
    "toll_revised_in_one_report": [
        _doc("tr1", "2024-02-10", "Plain Herald", "HODEIDAH, Feb 10 - An air strike on a prison in Hodeidah province early "
                                                  "on Friday killed 21 people, the rebel-run health ministry said.\n\nOn "
                                                  "Saturday the ministry said the toll had risen to 27.\n\nThe Saudi-led "
                                                  "coalition denied on Saturday that its aircraft had struck the prison.")],
    "zero_against_a_count": [_doc("zc1", "2024-03-12", "Plain Herald",
                                  "The rebel front said its fighters killed 14 soldiers in an ambush near Tamu on Tuesday."
                                  "\n\nThe army said no soldiers were killed in the ambush.")],
    "denied_capture_count": [_doc("dc1", "2024-03-14", "Plain Herald",
                                  "The militia said 80 soldiers had been captured when its fighters overran a base near "
                                  "Tamu.\n\nAn army spokesman said none of its soldiers had been taken prisoner.")],
    "rebels_and_soldiers": [_doc("rs1", "2024-03-15", "Plain Herald",
                                 "The army said three rebels were killed in a clash near Tamu on Friday.\n\nA rebel "
                                 "spokesman said one soldier was killed in the clash.")],
    "restated_claim": [_doc("rc1", "2024-03-16", "Plain Herald",
                            "The rebel front said 40 soldiers were killed near Tamu on Saturday.\n\nThe defence ministry "
                            "denied the claim of the rebels that 40 soldiers were killed, saying only two soldiers died."),
                       _doc("rc2", "2024-03-16", "Hill Courier",
                            "Claims that 40 soldiers were killed near Tamu are unfounded, the defence ministry said.")],
    "dateline_is_not_the_topic": [
        _doc("dl1", "2024-03-18", "Plain Herald", "SITTWE, March 18 - Shelling killed 9 villagers in Kyauktaw on Sunday, "
                                                  "the village head said."),
        _doc("dl2", "2024-03-18", "Hill Courier", "Nine villagers were killed by shelling in Kyauktaw on Sunday, a local "
                                                  "aid group said.")],
    "toll_up_from": [_doc("uf1", "2024-03-20", "Plain Herald",
                          "Police said on Wednesday that 41 people, up from the previous toll of 37, had died in the "
                          "bombing of the bus depot in Quetta.")],
    "toll_put_at_earlier": [_doc("pe1", "2024-03-21", "Plain Herald",
                                 "The death toll from the bombing of the bus depot in Quetta rose to 44, police said on "
                                 "Thursday.\n\nThe provincial health department had earlier put the number at 39.")],
    "parts_of_a_toll": [_doc("pt1", "2024-03-22", "Plain Herald",
                             "Three women, two children and one driver were killed in the strike on the market in Tamu, "
                             "the village head said.\n\nThe district officer said 11 civilians, including two children, "
                             "died in the strike on the market in Tamu.")],
    # one strike's toll told by two reports, each with its part of children: the parts meet, never the tolls' totals
    "parts_of_two_reports": [
        _doc("pr1", "2024-03-25", "Plain Herald", "A drone strike on the bus station in Tamu killed 30 people on "
                                                  "Monday, including nine children, the district officer said."),
        _doc("pr2", "2024-03-26", "Hill Courier", "The drone strike on the bus station in Tamu on Monday killed 30 "
                                                  "people, among them 11 children, the health ministry said.")],
    "dateline_speaker_civil_war": [_doc("ds1", "2024-07-02", "Plain Herald",
                                        "Kassala, July 2 The Sudanese Armed Forces on Tuesday rejected the claim that "
                                        "the paramilitary Rapid Support Forces had captured Kassala.\n\nOn Monday the "
                                        "RSF's spokesman Adam Kheir said its fighters had captured Kassala and its "
                                        "airport.")],
    "soldiers_from_elsewhere": [_doc("se1", "2024-07-05", "Plain Herald",
                                     "Kenya said 9 of its troops died when militants overran a base in Somalia.\n\n"
                                     "Western officials said at least 40 soldiers from Kenya were killed in the attack "
                                     "on the base.")],
    "toll_weeks_later": [
        _doc("wl1", "2024-05-02", "Plain Herald", "An air strike on a school in Rafah killed 9 people on Thursday, "
                                                  "the civil defence agency said."),
        _doc("wl2", "2024-05-20", "Hill Courier", "The strike on the school in Rafah on May 2 killed 17 people, the "
                                                  "paper said.")],
    "running_total_moves": [
        _doc("rt1", "2024-06-01", "Plain Herald", "The war has killed at least 36,000 people in Gaza since it began, "
                                                  "the health ministry said."),
        _doc("rt2", "2024-06-09", "Hill Courier", "At least 37,100 people have been killed in Gaza since the war "
                                                  "began, according to the territory's health ministry.")],
    "town_in_its_region": [_doc("tn1", "2024-08-22", "Plain Herald",
                                "A rebel spokesman said its fighters had killed 15 soldiers in an ambush in Ogolo in "
                                "Papua Highlands province on Tuesday.\n\nThe military said two soldiers were killed "
                                "in the ambush in Ogolo.")],
    "civil_war_counts": [
        _doc("cc1", "2024-08-24", "Plain Herald", "The paramilitary group said 150 soldiers had been captured when "
                                                  "its fighters seized Kosti."),
        _doc("cc2", "2024-08-25", "Hill Courier", "An army spokesman said none of its soldiers had been taken "
                                                  "prisoner in Kosti.")],
    "named_voices_of_a_civil_war": [_doc("nv1", "2024-09-04", "Plain Herald",
                                         "Insurgents overran an army post near Dalo, in Ridge province, on Tuesday.\n\n"
                                         "Army officer Tomas Reyes said 9 soldiers were killed.\n\n"
                                         "Luis Marin, the Ridge Liberation Front's military spokesman, said its "
                                         "fighters killed 11 soldiers.")],
    "bare_denial": [_doc("bd1", "2024-08-26", "Plain Herald",
                         "The rebel alliance said on Monday its fighters had captured the town of Hpakant after a week "
                         "of fighting.\n\nAn army spokesman told reporters the claim was \"not true\".")],
    "people_and_civilians_of_one_strike": [
        _doc("pc1", "2024-09-02", "Plain Herald", "An air strike on a market in Gao killed 25 people on Sunday, "
                                                  "according to the regional health directorate."),
        _doc("pc2", "2024-09-02", "Hill Courier", "The UN mission said 25 civilians were killed when an air strike "
                                                  "hit a market in Gao on Sunday.")],
    "people_and_civilians_running_totals": [
        _doc("pr1", "2024-09-02", "Plain Herald", "The war has killed 40,000 people in Gaza since it began, the health "
                                                  "ministry said."),
        _doc("pr2", "2024-09-02", "Hill Courier", "The UN said 30,000 civilians had been killed in Gaza since the war "
                                                  "began.")],
    "toll_revised_down_next_day": [
        _doc("rd1", "2024-09-04", "Plain Herald", "The death toll from the bombing of a bus station in Kano rose to "
                                                  "61 on Wednesday, police said."),
        _doc("rd2", "2024-09-05", "Hill Courier", "The death toll from Wednesday's bombing of a bus station in Kano "
                                                  "has been revised down to 48, the state government said.")],
    "parties_far_apart_undated": [_doc("pu1", "2024-09-11", "Hill Courier",
                                       "The paramilitary group said it had killed 40 soldiers near El Obeid on Tuesday."
                                       "\n\nThe army said it had repelled the attack and had lost three soldiers.")],
    "toll_risen_any_noun": [
        _doc("tz1", "2024-10-01", "Plain Herald", "At least 18 people were killed in a strike on a house in Jabalia on "
                                                  "Monday, according to the civil defence agency."),
        _doc("tz2", "2024-10-02", "Hill Courier", "The toll rose to 21 on Tuesday as rescuers pulled more bodies from "
                                                  "the rubble of the house in Jabalia, the civil defence agency said.")],
    "displaced_since_or_not": [_doc("ds2", "2024-11-01", "Plain Herald",
                                    "More than 150,000 people have fled their homes in North Kivu since the rebels began "
                                    "their advance, the UN refugee agency said.\n\nThe provincial government said about "
                                    "60,000 people had been displaced.")],
    "two_strikes_one_report": [_doc("y1", "2024-11-08", "Plain Herald",
                                    "An air strike on a hospital in Khan Younis killed 9 people on Thursday, medics said.\n\n"
                                    "In a separate strike on a house in Rafah, 25 people were killed, the civil defence "
                                    "agency said.")],
    # one border clash told from either side, each report's count keyed to its own country: a wider candidate pair
    # (fuse.wide_reach), so the store's relating must look up the neighbour's figures too
    "border_clash_two_countries": [
        _doc("bc1", "2024-03-05", "Coast Times", "Pakistani and Afghan border guards exchanged fire on Monday. "
                                                 "Pakistan's army said four of its soldiers were wounded in the clash "
                                                 "near Parachinar in Pakistan."),
        _doc("bc2", "2024-03-06", "Hill Courier", "Afghan officials in Khost province of Afghanistan said on Tuesday "
                                                  "that twelve Pakistani soldiers were wounded when Afghan forces "
                                                  "returned fire on Monday.")],
}


@pytest.fixture(scope="module")
def pattern_relations():
    return relations_of(PATTERNS)


@pytest.mark.parametrize("name,kind,a,b", [
    ("exchange", "contradicts", "230 Ukrainian defenders", "248 Ukrainian prisoners"),
    ("exchange_two_reports", "contradicts", "100 Ukrainian soldiers", "115 Ukrainian servicemen"),
    ("media_office_vs_army", "contradicts", "120 people", "fewer than 40 people"),
    ("toll_revised", "updates", "at least 30 people", "35"),
    ("toll_raised", "updates", "12 people", "19"),
    ("denied_target", "contradicts", "A rocket hit a residential block", "did not strike residential"),
    ("denied_capture", "contradicts", "have captured the village", "rejected Moscow's claim"),
    ("two_agencies", "corroborates", "22 people", "22 people"),
    ("one_days_toll_revised_next_week", "updates", "8 people", "11"),
    ("parties_far_apart", "contradicts", "up to 300 Ukrainian soldiers", "12 Ukrainian soldiers"),
    ("toll_raised_by_the_governor_named", "updates", "at least 14 people", "19"),
    ("analysts_agree_on_a_withdrawal", "corroborates", "marines have withdrawn from the village", "Institute for the Study"),
    ("two_officials_agree_on_a_strike", "corroborates", "drone struck a power substation", "energy ministry said"),
    # a count without a date of its own, told two days later, still meets the dated one
    ("surrender_told_later_undated", "contradicts", "300 government soldiers", "45 of its soldiers"),
    # a strike told by one report and a killing told by the other (the strike left out): one incident
    ("strike_and_attack_one_incident", "corroborates", "six passengers", "six passengers"),
    # "the police spokesman said" names no one counted: the toll's group is people
    ("toll_risen_police", "updates", "at least five people", "9"),
    # one side code covers both parties of a civil war: the state's denial answers the named group's claim
    ("civil_war_denial", "contradicts", "had taken full control of Kalaw", "denied on Monday"),
    # one source revising its own toll in one report, a day later; a coalition's denial of the strike
    ("toll_revised_in_one_report", "updates", "21 people", "27"),
    ("toll_revised_in_one_report", "contradicts", "An air strike on a prison", "denied on Saturday"),
    # "no soldiers were killed" and "none of its soldiers had been taken prisoner" are counts of nobody
    ("zero_against_a_count", "contradicts", "14 soldiers", "no soldiers"),
    ("denied_capture_count", "contradicts", "80 soldiers", "none of its soldiers"),
    # the denier's own count meets the claim; the count it restates is not its own
    ("restated_claim", "contradicts", "40 soldiers", "only two soldiers"),
    ("dateline_is_not_the_topic", "corroborates", "9 villagers", "Nine villagers"),
    # a report telling a toll and the earlier value it replaces, whoever gave the earlier one
    ("toll_up_from", "updates", "37", "41 people"),
    ("toll_put_at_earlier", "updates", "39", "44"),
    # the dateline is not the speaker; "the RSF's spokesman" speaks for the RSF, a party of the civil war
    ("dateline_speaker_civil_war", "contradicts", "its fighters had captured Kassala", "rejected the claim"),
    # "soldiers from Kenya" were counted where the attack was, not in Kenya
    ("soldiers_from_elsewhere", "contradicts", "9 of its troops", "at least 40 soldiers"),
    # "in Ogolo in Papua Highlands province": the town the gazetteer does not know, not its region
    ("town_in_its_region", "contradicts", "15 soldiers", "two soldiers"),
    # one side code covers both parties of a civil war: the army's none against the paramilitaries' count
    ("civil_war_counts", "contradicts", "150 soldiers", "none of its soldiers"),
    # two named people whose roles put them on the two sides of a civil war; exact counts that differ
    ("named_voices_of_a_civil_war", "contradicts", "9 soldiers", "11 soldiers"),
    # a denial that names nothing answers the claim told just before it
    ("bare_denial", "contradicts", "its fighters had captured the town", "not true"),
    # "25 people" and "25 civilians" killed by one strike are one count
    ("people_and_civilians_of_one_strike", "corroborates", "25 people", "25 civilians"),
    # a later report telling the toll as revised updates it, even downwards
    ("toll_revised_down_next_day", "updates", "61", "48"),
    # the two parties' counts of one fight in one report, one of them undated, may be far apart
    ("parties_far_apart_undated", "contradicts", "40 soldiers", "three soldiers"),
    # a toll told as risen counts all the dead of its incident, whatever noun is near it
    ("toll_risen_any_noun", "updates", "At least 18 people", "21"),
    # a count of the displaced is a count so far, whether "since the advance began" is said or not
    ("displaced_since_or_not", "contradicts", "More than 150,000 people", "about 60,000 people"),
])
def test_issue_18_patterns_are_related(pattern_relations, name, kind, a, b):
    rels = pattern_relations[name]
    assert [(t, x, y) for t, x, y in rels if t == kind and a in x and b in y] or \
        [(t, x, y) for t, x, y in rels if t == kind and b in x and a in y and kind != "updates"], rels


@pytest.mark.parametrize("name", ["strike_vs_national_toll", "two_soldiers_vs_officers", "two_strikes_one_report",
                                  "people_and_civilians_running_totals",
                                  "one_mayor_a_month_apart", "two_attacks_at_one_place", "soldiers_and_policemen",
                                  "background_count_in_one_report", "toll_and_the_strikes_it_adds_up"])
def test_unrelated_counts_are_not_joined(pattern_relations, name):
    assert pattern_relations[name] == []


def test_a_toll_told_weeks_later_and_higher_is_no_contradiction(pattern_relations):
    assert not [r for r in pattern_relations["toll_weeks_later"] if r[0] == "contradicts"]


def test_a_running_total_that_moved_is_no_corroboration(pattern_relations):
    assert not [r for r in pattern_relations["running_total_moves"] if r[0] == "corroborates"]


def test_parts_of_a_toll_are_not_tolls(pattern_relations):
    # the parts meet only the same group's part (two children and two children), never a toll nor another group
    assert pattern_relations["parts_of_a_toll"] == [("corroborates", "two children", "two children")]


def test_rebels_and_soldiers_are_different_men(pattern_relations):
    assert not [r for r in pattern_relations["rebels_and_soldiers"] if r[1] in ("three rebels", "one soldier")]


def test_a_count_a_denial_restates_is_not_the_deniers(pattern_relations):
    rels = pattern_relations["restated_claim"]
    assert not [r for r in rels if r[0] == "corroborates"], rels
    assert not [r for r in rels if r[1:] == ("40 soldiers", "40 soldiers")], rels


def test_the_other_sides_returned_soldiers_are_not_compared_with_ours(pattern_relations):
    assert not [r for r in pattern_relations["exchange"] if "Russian servicemen" in r[1] + r[2]]
    assert [r[1:] for r in pattern_relations["own_soldiers_freed"]] == [("95 of its soldiers", "90 Ukrainian prisoners")]


def test_stems_drop_the_possessive_and_short_act_words_have_topics():
    assert fuse._stem("Dnipro's") == fuse._stem("Dnipro") == "dnipro"
    assert fuse.topics_of({"hit"}) == {"attack"}
    assert fuse.topics_of({"his"}) == set()


def test_agreement_needs_the_same_specifics_not_only_a_place_and_a_day():
    def key(sid, side, words, topics=("attack",)):
        return fuse.StatementKey(statement_id=sid, article_id=sid, start=0, day=10, speaker=sid, side=side, denial=False,
                                 stems=sorted(words), topics=list(topics), places=["g1"])

    a = key("a", "UKR", {"russian", "artillery", "port", "kherson", "tuesday"})
    b = key("b", "INT", {"russian", "dron", "aid", "convoy", "kherson", "tuesday"})
    assert fuse.agreement_score(b, a) == 0.0
    c = key("c", "INT", {"russian", "artillery", "port", "kherson", "grain", "tuesday"})
    assert fuse.agreement_score(c, a) > 0
    # opposite parties telling it in other words are two accounts, not agreement
    d = key("d", "RUS", {"artillery", "port", "kherson", "ammunition", "depot", "barracks"})
    assert fuse.agreement_score(d, a) == 0.0 and fuse.account_score(d, a) > 0
    # one report telling the account in two voices' words tells it once: no two sources' agreement
    e = fuse.StatementKey(statement_id="e", article_id="a", start=90, day=10, speaker="residents", side=None,
                          denial=False, stems=sorted(a.stems), topics=["attack"], places=["g1"])
    assert fuse.agreement_score(e, a) == 0.0 and fuse.agreement_score(e, c) > 0


def _quantity_views(results):
    pairs = []
    for r in results:
        figs = {f.id: f for f in r.figures}
        pairs += [(figs[k.figure_id], k) for k in fuse.figure_keys(r)]
    return fuse.group_views(pairs)


def _mixed_quantity():
    claimants = [("the regional governor", "UKR"), ("the defence ministry", "RUS"), ("UN monitors", "INT"),
                 ("the general staff", "UKR"), (None, None)]
    values = [12, 14, 30, 12, 150, 31, 13, 30]
    out = []
    for i in range(8):
        day = f"2022-06-{1 + (i * 3) % 20:02d}"
        figs = [fig(f"f{i}{k}", f"a{i}", values[(i + k) % 8], claimant=claimants[(i + 2 * k) % 5][0],
                    side=claimants[(i + 2 * k) % 5][1], date=day) for k in range(3)]
        out.append(res(f"a{i}", figs, published=day))
    return out


def test_only_the_choosers_choose_again_and_give_the_full_relations():
    """Adding articles: the new figures and the later ones they relate to choose again; the rest keep theirs."""
    results = _mixed_quantity()
    full = fuse.relate_group(_quantity_views(results))
    assert full  # the group relates at all
    for stored_part in (results[:5], results[3:], results[::2]):
        new = [r for r in results if r not in stored_part]
        kept = fuse.relate_group(_quantity_views(stored_part))
        views = _quantity_views(results)
        new_ids = {f.id for r in new for f in r.figures}
        only = fuse.choosers(views, new_ids)
        assert new_ids <= only and len(only) < len(views)
        again = fuse.relate_group(views, only=only)
        combined = [r for r in kept if r.b not in only] + again
        assert types(combined) == types(full)


def test_an_article_repeating_a_figure_is_not_compared_with_itself(monkeypatch):
    """One source repeating one count 300 times in an article: no pair of those copies is compared."""
    copies = [fig(f"c{k}", "long", 12, claimant="the regional governor", side="UKR") for k in range(300)]
    other = fig("o1", "short", 12, claimant="UN monitors", side="INT")
    calls = []
    real = fuse.relation_kind
    monkeypatch.setattr(fuse, "relation_kind", lambda a, b: calls.append(1) or real(a, b))
    rels = fuse.relate_group(_quantity_views([res("long", copies), res("short", [other])]))
    assert len(calls) <= 300  # each copy against the other article's figure at most, not 300 * 299 / 2
    assert rels and all("o1" in (r.a, r.b) for r in rels)


def test_two_claimants_of_one_side_do_not_contradict_over_counts_of_no_one_incident():
    f1 = fig("f1", "a", 300, group="combatants", claimant="Russia's defence ministry", side="RUS")
    f2 = fig("f2", "b", 900, group="combatants", claimant="the Kremlin", side="RUS")
    assert fuse.relate([res("a", [f1]), res("b", [f2])]) == []


def test_a_place_in_the_attribution_is_not_where_the_count_happened():
    from unfog.model import Place

    text = "Osnat Lubrani, the UN coordinator for Ukraine, said 101 civilians had been evacuated from the plant."
    s = Statement(id="s1", article_id="a", speaker="Osnat Lubrani", text=text, start=0, end=len(text),
                  speaker_start=0, speaker_end=13, content_start=52, content_end=len(text) - 1,
                  content=text[52:-1])
    ukraine = Place(id="p1", article_id="a", name="Ukraine", start=38, end=45, canonical="Ukraine", geonames_id=690791)
    f = Figure(id="f1", article_id="a", text="101 civilians", start=52, end=65, value=101, category="evacuated",
               group="civilians", claimant="Osnat Lubrani", place="Ukraine", place_id="p1", sentence=text)
    city = Place(id="p2", article_id="a", name="Mariupol", start=150, end=158, canonical="Mariupol", geonames_id=701822)
    r = ArticleRecords(article=art("a"), figures=[f], statements=[s], places=[ukraine, city])
    [key] = fuse.figure_keys(r)
    assert key.place.split("@")[0] == "g701822"  # the place the article is about, not the coordinator's country


def test_an_unplaced_count_at_a_place_the_gazetteer_does_not_know_keeps_that_place():
    f = fig("f1", "a", 800, "trapped", place=None, sentence="Some 800 civilians are sheltering inside the Azot chemical plant.")
    [key] = fuse.figure_keys(res("a", [f]))
    assert key.place == "name:azot"


def _naive_pool(keys):
    """Every statement a candidate of every other (what the pool's index must agree with)."""
    out = []
    for k in sorted(keys, key=lambda k: k.statement_id):
        out += fuse.relate_focus(k, keys)
    return types(out)


def test_the_statement_index_finds_what_every_pair_finds():
    """Agreement between sources of no party side, accounts of two parties and a denial, in one pool."""
    def key(sid, aid, speaker, side, stems, day=738000, denial=False, places=("kharkiv",)):
        stems = sorted(stems)
        return fuse.StatementKey(statement_id=sid, article_id=aid, start=len(sid), day=day, speaker=speaker, side=side,
                                 denial=denial, stems=stems, topics=sorted(fuse.topics_of(set(stems))),
                                 places=list(places))
    words = ["missil", "struck", "school", "centr", "overnight", "tractor", "plant"]
    keys = [key("s1", "a1", "un monitors", "INT", words[:6]), key("s2", "a2", "a wire agency", None, words[:6], day=738001),
            key("s3", "a3", "the regional governor", "UKR", words), key("s4", "a4", "the defence ministry", "RUS",
                                                                             words[1:] + ["depot"], day=738002),
            key("s5", "a4", "the defence ministry", "RUS", ["deny", "struck", "school"], denial=True),
            key("s6", "a5", "an observer", None, words[:6], day=738020)]
    got = types(fuse.relate_statement_pool(keys))
    assert got == _naive_pool(keys)
    assert ("corroborates", "s1", "s2") in got  # two sources of no party side agree


def test_an_unresolved_name_is_a_whole_word():
    # "Town00165" and "Al-Fashir" are not the names "Town" and "Al": a shared false name would put every
    # statement of a corpus in one topic@place pair (store ingest compared each with all the others)
    from unfog.fusion.fuse import _unresolved_mentions
    assert _unresolved_mentions("Shelling hit the centre of Town00165 and near Al-Fashir.", []) == []
    assert _unresolved_mentions("Troops fought near Boulkessi.", []) == [(len("Troops fought near "), "name:boulkessi")]


def test_tolls_told_in_the_conflict_are_cumulative():
    from unfog.fusion.fuse import period_kind
    assert period_kind("up to 2,000 people have been killed in the conflict") == "cumulative"
    assert period_kind("200 were killed during the insurgency") == "cumulative"
    assert period_kind("Two soldiers were killed in the fighting on Monday") != "cumulative"


def test_a_neighbour_named_by_its_border_is_not_the_place_a_report_is_about():
    # the country across the border is named more often than the state the base lies in; it is no topic place
    from unfog.pipeline import process
    text = ("Jihadists attacked an army base near the border with Niger on Thursday, killing 12 soldiers. The attackers "
            "came from across the border with Niger, the army said. The base lies in Borno state.")
    res = process(Article(id="nb1", text=text, published="2019-06-22"))
    borno = next(p for p in res.places if p.name == "Borno")
    assert fuse.article_topic_place(res.places, [], text) == fuse._place_keys(borno)


def test_a_denial_meets_the_blame_told_in_another_chunk_in_either_order(tmp_path):
    # the blame for an act (topic: attack) and the party's denial of any part in it (topic: responsibility)
    # share no topic@place pair of their own; the store must still bring them together, as one batch does
    blame = {"id": "blame", "published": "2025-06-02", "source": "Plain Herald", "title": "Market strike",
             "text": "A rocket hit a market in Nahariya on Sunday. The army said the rocket strike on the market in "
                     "Nahariya was carried out by Hezbollah."}
    denial = {"id": "denial", "published": "2025-06-02", "source": "Hill Courier", "title": "Militia denies",
              "text": "A rocket hit a market in Nahariya on Sunday, killing three people. Hezbollah denied any "
                      "involvement."}
    base = _ingest_relations(tmp_path, "one", [blame, denial], chunk=50)
    assert [r for r in base if r[0] == "contradicts"], base
    assert _ingest_relations(tmp_path, "fwd1", [blame, denial], chunk=1) == base
    assert _ingest_relations(tmp_path, "rev1", [denial, blame], chunk=1) == base


@pytest.mark.parametrize("sentence,text,prior", [
    ("At least 40 died, the governor said, increasing the initial death toll from nine.", "nine", True),
    ("The toll marks a sharp increase from earlier estimates of 12 dead, the agency said.", "12 dead", True),
    ("An initial report said at least 6 people were killed in the blast at the depot.", "at least 6 people", True),
    ("Initial casualty figures from the ministry put the dead at 14 and the injured at 30.", "14", True),
    # a first count told as such, not as the earlier value of a revised toll
    ("At least 6 people were killed in the first strike on the depot, the governor said.", "At least 6 people", False),
])
def test_the_earlier_value_of_a_revised_toll_is_told_in_many_ways(sentence, text, prior):
    f = Figure(id="f", article_id="a", text=text, start=0, end=len(text), value=1, category="killed", sentence=sentence)
    assert fuse.is_prior_value(f) is prior


@pytest.mark.parametrize("sentence,combatants", [
    ("The army said the strike on the suburb killed 15 other members of the movement along with its commander.", True),
    ("The strike killed 15 other members of the armed group, the army said.", True),
    ("The strike killed 15 other members of the same family, relatives said.", False),
])
def test_members_of_an_armed_party_are_its_fighters(sentence, combatants):
    # "15 other members of the movement": the party's men, not a toll of people that meets the strike's toll
    text = "15 other members"
    f = Figure(id="m", article_id="a", text=text, start=0, end=len(text), value=15, category="killed",
               counted="members", group="people", sentence=sentence)
    assert (fuse.counted_group(f) == "combatants") is combatants
