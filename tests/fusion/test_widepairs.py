"""fusion.widepairs (and fuse.wide_candidates, fuse.relate_wide): the wider candidate pairs the learned relation kind may judge (figures of one category the
quantity key or ``comparable`` keeps apart). Hand-made figures and a toy model; what is checked is which pairs are
candidates, what the features say of them, and that the result depends on the set of figures alone."""
import random

from unfog.fusion import fuse, relkind, widepairs
from unfog.fusion.fuse import FigureKey, beyond_reach
from unfog.model import Figure

DAY = 739_000


def _fig(i, v, *, cat="killed", group="civilians", place="g11@R.1", qkey="q-town", day=0, art=None, who=None,
         side=None, incident=None, subset_of=None):
    art = art or f"a{i}"
    f = Figure(id=f"f{i:03d}", article_id=art, text=str(v), start=i, end=i + 1, value=v, category=cat, group=group,
               claimant=who, claimant_side=side, sentence=f"{v} {group} were killed in the shelling, officials said.",
               subset_of=subset_of)
    k = FigureKey(figure_id=f.id, article_id=art, qkey=qkey, day=DAY + day, place=place, source=f"outlet{i}",
                  incident=incident, reported=DAY + day)
    return f, k


def _toy(margin=0.0, changes=("none>updates", "none>corroborates", "none>contradicts"), lean="corroborates"):
    kinds = list(relkind.KINDS)
    return {"kinds": kinds, "margin": None, "wide": {
        "kinds": kinds, "margin": margin, "changes": list(changes), "days": 3,
        "bias": {k: (2.0 if k == lean else 0.0) for k in kinds}, "weights": {k: {} for k in kinds}}}


def test_a_town_and_its_region_a_day_apart_are_a_candidate():
    town = _fig(1, 12, place="g11@R.1", qkey="q-town")
    region = _fig(2, 14, place="open:g20@R.1", qkey="q-region", day=1)
    (a, b, refused), = fuse.wide_candidates([region, town], days=3)
    assert (a.fig.id, b.fig.id) == ("f001", "f002")
    f = fuse.wide_features(a, b, refused)
    assert f["wide_qkey_differs"] == f["wide_place_nested"] == f["wide_group_equal"] == 1.0
    assert f["wide_place_equal"] == f["wide_place_apart"] == 0.0
    assert sum(f[f"wide_refused_{r}"] for r in widepairs.REFUSALS + ("none",)) == 1.0


def test_no_candidate_across_categories_days_or_parts():
    town = _fig(1, 12, qkey="q-town")
    assert fuse.wide_candidates([town, _fig(2, 12, cat="wounded", qkey="q-w")], days=3) == []
    assert fuse.wide_candidates([town, _fig(3, 12, qkey="q-other", day=5)], days=3) == []
    part = _fig(4, 5, group="children", qkey="q-other", art="a1", who="the governor", subset_of="f001")
    assert fuse.wide_candidates([town, part], days=3) == []  # a count and its own part are never related


def test_people_and_civilians_are_told_as_a_generic_group():
    a, b = (fuse.figure_view(f, k, fuse.claimant_resolver([f])) for f, k in (
        _fig(1, 12, group="civilians"), _fig(2, 12, group=None, day=1)))
    f = fuse.wide_features(a, b, fuse.refusal(a, b))
    assert f["wide_group_generic"] == 1.0 and f["wide_group_apart"] == 0.0


def test_comparable_pairs_of_one_quantity_are_left_to_the_rules():
    a = _fig(1, 12, who="the governor", side="UKR")
    b = _fig(2, 13, who="the ministry", side="UKR")
    assert fuse.wide_candidates([a, b], days=3) == []  # one quantity, comparable: fuse relates them already


def test_the_wide_model_relates_nothing_without_a_margin():
    pairs = [_fig(1, 12, qkey="q-town"), _fig(2, 12, qkey="q-region", place="open:g20@R.1", day=1)]
    assert fuse.relate_wide(pairs, {"kinds": list(relkind.KINDS), "margin": 0.3}) == []
    rels = fuse.relate_wide(pairs, _toy())
    assert [(r.type, r.a, r.b) for r in rels] == [("corroborates", "f001", "f002")]


def _random_batch(rng: random.Random, n: int) -> list:
    places = [("g11@R.1", "q-town"), ("open:g20@R.1", "q-region"), ("name:brova", "q-name"), ("g30@R.2", "q-far")]
    out = []
    for i in range(n):
        place, qkey = rng.choice(places)
        day = rng.randrange(12)
        out.append(_keyed(_fig(i, rng.choice([3, 5, 12, 30]), group=rng.choice(["civilians", None, "soldiers"]),
                               place=place, qkey=qkey, day=day, art=f"a{rng.randrange(n // 3):03d}",
                               who=rng.choice([None, "the governor", "UN monitors"]), side=rng.choice([None, "UKR"]),
                               incident=rng.choice([None, f"Explosions/Remote violence|{DAY + day}|{place}"]),
                               cat=rng.choice(["killed", "killed", "wounded"])),
                          rng.choice(["UA", "UA", "RU", "BY", "MM", ""])))  # (UA, RU and BY border each other)
    return out


def test_wide_relations_are_the_same_whatever_the_order_and_never_beyond_reach():
    pairs = _random_batch(random.Random(3), 90)
    data = _toy(margin=0.0)
    first = {(r.type, r.a, r.b) for r in fuse.relate_wide(pairs, data)}
    assert len(first) > 20
    for seed in range(3):
        shuffled = pairs[:]
        random.Random(seed).shuffle(shuffled)
        assert {(r.type, r.a, r.b) for r in fuse.relate_wide(shuffled, data)} == first
    assert not any(beyond_reach(a, b) for a, b, _ in fuse.wide_candidates(pairs, days=3))
    assert all(b.day - a.day <= 3 and a.fig.category == b.fig.category for a, b, _ in fuse.wide_candidates(pairs, 3))


def _keyed(pair, country):
    pair[1].country = country
    return pair


def test_candidates_stay_within_a_country_and_each_figure_judges_its_nearest_few():
    here = [_keyed(_fig(i, 10 + i, qkey=f"q{i}", place=f"g{i}@R.1", day=i % 3, art=f"a{i}"), "UA") for i in range(6)]
    there = _keyed(_fig(9, 12, qkey="q9", place="g9@R.1", day=1), "MM")
    pairs = fuse.wide_candidates(here + [there], days=3, cap=2)
    assert all("f009" not in (a.fig.id, b.fig.id) for a, b, _ in pairs)  # a distant country: never a candidate
    by_later = {}
    for a, b, _ in pairs:
        by_later.setdefault(b.fig.id, []).append(a)
    assert max(len(x) for x in by_later.values()) == 2 and len(by_later) == 5
    # the figure counted last (day 2, the latest of that day) judges the two nearest before it: the other of its day
    # first, then the latest of the day before
    assert [a.fig.id for a in by_later["f005"]] == ["f002", "f004"]
    assert len(fuse.wide_candidates(here, days=3, cap=8)) == 15  # uncapped: every pair of the six


def test_the_figures_of_two_neighbouring_countries_are_candidates():
    # each side of a border clash keys its count to its own country; a third country beyond neither border stays out
    mine = _keyed(_fig(1, 6, qkey="q-a", place="g1@P.1", day=0), "PK")
    theirs = _keyed(_fig(2, 20, qkey="q-b", place="g2@A.1", day=1), "AF")
    far = _keyed(_fig(3, 20, qkey="q-c", place="g3@M.1", day=1), "MM")
    pairs = fuse.wide_candidates([theirs, far, mine], days=3)
    assert sorted((a.fig.id, b.fig.id) for a, b, _ in pairs) == [("f001", "f002")]
    (a, b, refused), = pairs
    assert fuse.wide_features(a, b, refused)["wide_country_differs"] == 1.0
    assert fuse.wide_reach("PK") == tuple(sorted(fuse.wide_reach("PK"))) and "AF" in fuse.wide_reach("PK")
    assert all(c in fuse.wide_reach(n) for c in ("PK", "AF", "UA") for n in fuse.wide_reach(c))  # symmetric
    assert fuse.wide_reach("") == ("",)


def test_the_shipped_wide_model_names_only_features_of_a_wide_pair():
    from unfog.lexicons import load

    wide = load("relation_kind").get("wide")
    if wide is None:
        return
    pairs = [_fig(1, 12, qkey="q-town"), _fig(2, 14, qkey="q-region", place="open:g20@R.1", day=1)]
    (a, b, refused), = fuse.wide_candidates(pairs, days=wide["days"])
    names = set(fuse.wide_features(a, b, refused))
    assert all(set(wide["weights"][k]) <= names for k in wide["kinds"])
    assert all(c.split(">")[0] == "none" for c in wide["changes"])  # the wide model only adds relations


def test_refusal_names_one_of_the_tests_of_comparable():
    a, b = (fuse.figure_view(f, k, fuse.claimant_resolver([f])) for f, k in (
        _fig(1, 12, art="a1", who="the governor"), _fig(2, 14, art="a1", who="the governor")))
    assert fuse.refusal(a, b) == "same_source" and not fuse.comparable(a, b)
    assert set(widepairs.NEVER) <= set(widepairs.REFUSALS)
