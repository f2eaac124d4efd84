"""fuse.beyond_reach: two figures it sets apart are never related (the store compares a new figure only
with the figures of its quantity within reach, so this must stay true whatever the rules become)."""
import random

from unfog.fusion import fuse
from unfog.fusion.fuse import INCIDENT_REACH_DAYS, FigureKey, beyond_reach, group_views, relation_kind
from unfog.model import Figure

CLAIMANTS = [("the regional governor", "UKR"), ("the governor", "UKR"), ("the defence ministry", "RUS"),
             ("UN monitors", "INT"), (None, None)]
SENTENCES = ["{v} people were killed in the strike, the governor said.",
             "The death toll from the strike has risen to {v}, the governor said.",
             "The toll rose to {v}, up from the previous toll of 3.",
             "{v} civilians died in the shelling on the market."]


def _figures(rng: random.Random, n: int, category: str, period: str | None) -> list:
    out = []
    for i in range(n):
        who, side = rng.choice(CLAIMANTS)
        v = rng.choice([0, 3, 5, 12, 13, 15, 30, 34, 120, 300])
        day = 738_000 + rng.randrange(40)
        art = f"a{rng.randrange(n // 2):03d}"
        f = Figure(id=f"f{i:03d}", article_id=art, text=str(v), start=i, end=i + 1, value=v, category=category,
                   group="civilians", claimant=who, claimant_side=side, place="Town",
                   date=None if rng.random() < 0.2 else f"2021-{1 + (day - 738_000) // 28:02d}-01",
                   qualifier=rng.choice([None, None, "at least"]),
                   sentence=rng.choice(SENTENCES).format(v=v))
        incident = rng.choice([None, f"Battles|{day}|ntwn", f"Battles|{day + 1}|ntwn",
                               f"Explosions/Remote violence|{day}|ntwn"])
        k = FigureKey(figure_id=f.id, article_id=art, qkey="q", day=day, place="Town", period=period,
                      source=rng.choice(["Wire", "Daily"]), incident=incident, reported=day + rng.randrange(3))
        out.append((f, k))
    return out


def test_figures_beyond_reach_never_relate():
    rng = random.Random(3)
    apart = related = 0
    for category in ("killed", "wounded", "evacuated", "trapped"):
        for period in (None, "daily", "cumulative", fuse.EXCHANGE):
            views = group_views(_figures(rng, 80, category, period))
            for i, a in enumerate(views):
                for b in views[i + 1:]:
                    found = relation_kind(a, b)
                    related += found is not None
                    if beyond_reach(a, b):
                        apart += 1
                        assert found is None, (a.fig, a.key, b.fig, b.key, found)
                        assert beyond_reach(b, a)
    assert apart > 10_000 and related > 500  # both cases are exercised


def test_reach_is_the_widest_window_of_incident_counts():
    assert INCIDENT_REACH_DAYS >= max(fuse.EVENT_WINDOW_DAYS, fuse.INCIDENT_REVISION_DAYS, fuse.SAME_TIME_DAYS)


def test_within_reach_is_every_figure_some_new_one_is_not_beyond_reach_of():
    rng = random.Random(8)
    for period in (None, "daily"):
        views = group_views(_figures(rng, 120, "killed", period))
        for k in (1, 1, 2, 3):
            for _ in range(40):
                new = rng.sample(views, k)
                pairwise = [v for v in views if not all(beyond_reach(x, v) for x in new)]
                assert fuse.within_reach(views, new) == pairwise
