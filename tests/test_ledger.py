from unfog.workflows import write_chunk
from unfog.fusion import fuse
from unfog.fusion.ledger import BEST_RULE, best_value, contested, ledger_rows
from unfog.model import Figure


def fig(fid, aid, value, claimant, side, date, category="trapped", place="Sievierodonetsk", **kw):
    return Figure(id=fid, article_id=aid, text=str(value), start=0, end=3, value=value, category=category,
                  group="civilians", claimant=claimant, claimant_side=side, place=place, date=date, **kw)


FIGS = [
    fig("f1", "a", 15000, "Serhiy Haidai", "UKR", "2022-06-01"),
    fig("f2", "b", 10000, "Haidai", "UKR", "2022-06-09"),
    fig("f3", "c", 10000, "Ukrainian officials", "UKR", "2022-06-10"),
    fig("k1", "a", 300, "Russia's defence ministry", "RUS", "2022-06-01", category="killed"),
    fig("k2", "b", 60, "Ukraine's general staff", "UKR", "2022-06-01", category="killed"),
    fig("o1", "c", 800, "Haidai", "UKR", "2022-06-09", place="Azot plant"),
]


def rows():
    from unfog.model import Article, ArticleRecords

    by = {}
    for f in FIGS:
        by.setdefault(f.article_id, ArticleRecords(article=Article(id=f.article_id, published=f.date))).figures.append(f)
    rels = fuse.relate(list(by.values()))
    return ledger_rows(FIGS, rels), rels


def test_one_row_per_quantity_with_claimants_and_relations():
    out, rels = rows()
    assert len(out) == 3
    trapped = next(r for r in out if r["category"] == "trapped" and r["place"] == "Sievierodonetsk")
    assert [c["figure_id"] for c in trapped["claimants"]] == ["f1", "f2", "f3"]
    assert {r["type"] for r in trapped["relations"]} == {"updates", "corroborates"}
    assert trapped["period"]["start"] == "2022-06-01" and trapped["period"]["end"] == "2022-06-10"
    assert trapped["low"] == 10000 and trapped["high"] == 15000
    # most recent per claimant: Haidai 10,000, officials 10,000 -> not the older 15,000
    assert trapped["best"] == 10000 and trapped["best_rule"] == BEST_RULE


def test_contested_rows_are_those_with_a_contradiction():
    out, _ = rows()
    c = contested(out)
    assert len(c) == 1 and c[0]["category"] == "killed" and c[0]["contested"]
    assert out[0] is c[0]  # contested rows come first


def test_rows_accept_plain_dicts_from_the_store():
    out, rels = rows()
    again = ledger_rows([f.to_dict() for f in FIGS], [r.to_dict() for r in rels])
    assert again == out


def test_best_prefers_verified_and_international_claimants():
    claims = [
        {"figure_id": "1", "claimant_key": "a", "claimant_side": "UKR", "value": 100, "low": None, "point": 100, "date": "2022-01-01", "verified": None},
        {"figure_id": "2", "claimant_key": "b", "claimant_side": "RUS", "value": 10, "low": None, "point": 10, "date": "2022-01-01", "verified": None},
        {"figure_id": "3", "claimant_key": "c", "claimant_side": "INT", "value": 40, "low": None, "point": 40, "date": "2022-01-01", "verified": None},
    ]
    assert best_value(claims) == 40
    assert best_value(claims[:2]) == 55  # median of independent claimants, not the minimum
    assert best_value([]) is None


def test_claims_command_lists_the_stored_ledger(tmp_path):
    import json

    from typer.testing import CliRunner

    from unfog.cli import app
    from unfog.model import Article, ArticleRecords
    from unfog.store import Store

    by = {}
    for f in FIGS:
        by.setdefault(f.article_id, ArticleRecords(article=Article(id=f.article_id, published=f.date))).figures.append(f)
    db = str(tmp_path / "c.duckdb")
    with Store(db) as store:
        for r in by.values():
            write_chunk(store, [r])
    runner = CliRunner()
    res = runner.invoke(app, ["claims", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data) == 3
    res = runner.invoke(app, ["claims", "--db", db, "--contested", "--json"])
    assert [r["category"] for r in json.loads(res.stdout)] == ["killed"]
    res = runner.invoke(app, ["claims", "--db", db, "--contested"])
    assert res.exit_code == 0 and "contradicts" in res.stdout
    assert runner.invoke(app, ["claims", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2


def test_values_are_shown_as_reported_without_float_artefacts():
    from unfog.model import Article, ArticleRecords

    figs = [fig("v1", "a", 6000, "the governor", "UKR", "2022-06-01", category="killed", qualifier="about"),
            fig("v2", "b", 5999, "UN monitors", "INT", "2022-06-01", category="killed"),
            fig("v3", "c", None, "the mayor", "UKR", "2022-06-01", category="killed", low=5000, high=7000)]
    by = {f.article_id: ArticleRecords(article=Article(id=f.article_id, published=f.date), figures=[f]) for f in figs}
    rows = ledger_rows(figs, fuse.relate(list(by.values())))
    for r in rows:
        for v in (r["low"], r["best"], r["high"]):
            assert v is None or float(v).is_integer()
    reported = {c["figure_id"]: c["reported"] for r in rows for c in r["claimants"]}
    assert reported == {"v1": "about 6,000", "v2": "5,999", "v3": "5,000-7,000"}


def test_a_row_never_joins_counts_of_two_incidents():
    from unfog.model import Article, ArticleRecords, Event

    school = fig("s1", "a", 18, "the health ministry", "PSE", "2022-06-01", category="killed")
    toll = fig("t1", "b", 25, "the army", "ISR", "2022-06-01", category="killed")  # 18 vs 25 would contradict
    ev_a = Event(id="ea", article_ids=["a"], event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 text="strike", start=0, end=6, place="Sievierodonetsk", figure_ids=["s1"])
    ev_b = Event(id="eb", article_ids=["b"], event_type="Violence against civilians", sub_event_type="Attack",
                 text="attack", start=0, end=6, place="Sievierodonetsk", figure_ids=["t1"])
    res = [ArticleRecords(article=Article(id="a", published="2022-06-01"), figures=[school], events=[ev_a]),
           ArticleRecords(article=Article(id="b", published="2022-06-01"), figures=[toll], events=[ev_b])]
    assert fuse.relate(res) == []
    assert all(len(r["claimants"]) == 1 for r in ledger_rows([school, toll], []))


def test_claimants_whose_ranges_do_not_overlap_disagree():
    from unfog.fusion.ledger import claimants_disagree

    def claim(who, lo, hi):
        return {"claimant_key": who, "claimant": who, "value": lo, "low": lo, "high": hi}

    assert claimants_disagree({"claimants": [claim("a", 40, 40), claim("b", 0, 5)]})
    assert not claimants_disagree({"claimants": [claim("a", 40, 60), claim("b", 50, 50)]})
    assert not claimants_disagree({"claimants": [claim("a", 40, 40), claim("a", 52, 52)]})  # one claimant updating


def test_ledger_of_the_bundled_samples_mixes_no_incidents_and_shows_no_float_artefact(tmp_path):
    import json
    import re
    from importlib import resources

    from typer.testing import CliRunner

    from unfog.cli import app
    from unfog.store import Store
    from unfog.store.relating import stored_figure_keys
    from unfog.workflows import ingest_paths

    db = str(tmp_path / "s.duckdb")
    sample = resources.files("unfog") / "samples" / "mariupol.jsonl"
    ingest_paths([str(sample)], db=db, chunk=3)
    res = CliRunner().invoke(app, ["claims", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and any(len(r["claimants"]) > 1 for r in rows)
    with Store(db, read_only=True) as store:
        keys = stored_figure_keys(store)
    for row in rows:
        members = [keys[c["figure_id"]] for c in row["claimants"]]
        assert len({k.qkey for k in members}) == 1  # one comparable quantity per row
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                assert fuse._same_incident(a.incident, b.incident, a.article_id == b.article_id), row
        for v in (row["low"], row["best"], row["high"]):
            assert v is None or float(v).is_integer() or len(str(v).split(".")[1]) <= 2, row
        for c in row["claimants"]:
            assert not re.search(r"\d\.\d{3,}|\.0\b|\.5\b", c["reported"]), c["reported"]


def test_a_figure_of_no_incident_never_chains_two_incidents_into_one_row():
    from unfog.fusion.fuse import FigureKey
    from unfog.model import Relation

    figs = [fig("x1", "a", 18, "the ministry", "PSE", "2022-06-01", category="killed"),
            fig("x2", "b", 18, "monitors", "INT", "2022-06-01", category="killed"),
            fig("x3", "c", 18, "the army", "ISR", "2022-06-01", category="killed")]
    keys = {f.id: FigureKey(figure_id=f.id, article_id=f.article_id, qkey="q", day=1, incident=inc)
            for f, inc in zip(figs, ["Battles|1|g1", None, "Explosions/Remote violence|1|g2"])}
    rels = [Relation(type="corroborates", a="x1", b="x2"), Relation(type="corroborates", a="x2", b="x3")]
    rows = ledger_rows(figs, rels, keys=keys)
    assert sorted(len(r["claimants"]) for r in rows) == [1, 2]
