"""Hand-made records for the desk tests: three related articles and a hostile one.

The hand-made store is written straight through :class:`unfog.store.Store`,
so the API tests do not depend on the extractors; the browser test ingests
the real sample corpus and seeds in addition.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from unfog.model import Article, ArticleRecords, DateMention, Event, Figure, Place, Relation, Statement, stable_id
from unfog.store import Store

# A hostile article: markup in the title, text, speaker and URL must stay text.
HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">'
HOSTILE_TEXT = (
    'Officials in <b>Mariupol</b> said <script>window.__pwned = "text"; alert(1)</script> that 7 people were hurt. '
    '<img src=x onerror="window.__pwned = \'onerror\'; alert(2)"> Another line with a "quote" & an ampersand.'
)
HOSTILE_URL = "javascript:window.__pwned='url';alert(3)"


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_article(text: str, published: str, title: str, source: str, url: str | None = None, ext: str | None = None) -> Article:
    return Article(id=Article.id_for_text(text), text=text, published=published, title=title, source=source, url=url,
                   external_id=ext, language="en", content_hash=Article.id_for_text(text))


def figure(art: Article, needle: str, value: int, **kw) -> Figure:
    s, e = _span(art.text, needle)
    return Figure(id=stable_id("fig", art.id, s, e), article_id=art.id, text=needle, start=s, end=e, value=value, **kw)


def hand_made_results() -> tuple[list[ArticleRecords], list[Relation]]:
    """Three invented articles about one town, with a contested death toll."""
    a1 = make_article(
        "Town officials in Mariupol said on Monday that 40 civilians were killed when shells hit a market. "
        "The regional governor added that the strike came from the east.",
        "2022-03-14", "Market shelled in Mariupol, officials say", "Sample Wire", "https://example.org/a1", "t-1")
    a2 = make_article(
        "The defence ministry in Moscow said on Tuesday that no more than 5 people died in Mariupol and denied any strike on a market. "
        "It said troops had surrounded the port.",
        "2022-03-15", "Moscow disputes market toll", "Example Gazette", "https://example.org/a2", "t-2")
    a3 = make_article(
        "Rescuers in Mariupol raised the toll to 52 civilians on Thursday after clearing the market ruins. "
        "Hundreds of residents left the city by bus towards Zaporizhzhia.",
        "2022-03-17", "Toll rises after market strike", "Demo Courier", "https://example.org/a3", "t-3")
    results = []
    f1 = figure(a1, "40 civilians", 40, category="killed", group="civilians", claimant="town officials", claimant_side="UKR",
                place="Mariupol", date="2022-03-14", counted="civilians")
    f2 = figure(a2, "5 people", 5, category="killed", group="people", claimant="defence ministry", claimant_side="RUS",
                place="Mariupol", date="2022-03-15", counted="people", qualifier="no more than")
    f3 = figure(a3, "52 civilians", 52, category="killed", group="civilians", claimant="rescuers", claimant_side="UKR",
                place="Mariupol", date="2022-03-17", counted="civilians")
    f4 = figure(a3, "Hundreds of residents", 100, category="evacuated", group="civilians", place="Mariupol", date="2022-03-17",
                counted="residents", low=100, high=900)
    for art, figs, speaker, side, say in (
        (a1, [f1], "Town officials", "UKR", "Town officials in Mariupol said on Monday that 40 civilians were killed when shells hit a market."),
        (a2, [f2], "The defence ministry", "RUS", "The defence ministry in Moscow said on Tuesday that no more than 5 people died in Mariupol and denied any strike on a market."),
        (a3, [f3, f4], None, None, None),
    ):
        res = ArticleRecords(article=art, figures=figs)
        if say:
            s, e = _span(art.text, say)
            res.statements.append(Statement(id=stable_id("stm", art.id, s), article_id=art.id, speaker=speaker, text=say, start=s, end=e,
                                            speaker_side=side, cue="said", date=art.published, polarity="denies" if side == "RUS" else "asserts"))
        ps, pe = _span(art.text, "Mariupol")
        res.places.append(Place(id=stable_id("plc", art.id, ps), article_id=art.id, name="Mariupol", start=ps, end=pe, geonames_id=701822,
                                canonical="Mariupol", lat=47.0951, lon=37.5413, feature_code="PPLA2", country="UA", kind="settlement", text="Mariupol"))
        for word, day in (("on Monday", "2022-03-14"), ("on Tuesday", "2022-03-15"), ("on Thursday", "2022-03-17")):
            if word in art.text:
                ds, de = _span(art.text, word)
                res.dates.append(DateMention(id=stable_id("dat", art.id, ds), article_id=art.id, text=word, start=ds, end=de, date=day, date_end=day, precision=1, relative=True))
        results.append(res)
    if "Zaporizhzhia" in a3.text:
        zs, ze = _span(a3.text, "Zaporizhzhia")
        results[2].places.append(Place(id=stable_id("plc", a3.id, zs), article_id=a3.id, name="Zaporizhzhia", start=zs, end=ze,
                                       canonical="Zaporizhzhia", lat=47.8229, lon=35.1903, kind="settlement", country="UA", text="Zaporizhzhia"))
    es, ee = _span(a1.text, "shells hit a market")
    results[0].events.append(Event(id=stable_id("evt", a1.id, es), article_ids=[a1.id], event_type="Explosions/Remote violence",
                                   sub_event_type="Shelling/artillery/missile attack", text="shells hit a market", start=es, end=ee,
                                   place="Mariupol", lat=47.0951, lon=37.5413, date="2022-03-14", fatalities=40, actor1="Russian forces",
                                   actor1_side="RUS", actor2="Civilians", figure_ids=[f1.id]))
    ts, te = _span(a2.text, "troops had surrounded the port")
    results[1].events.append(Event(id=stable_id("evt", a2.id, ts), article_ids=[a2.id], event_type="Battles", sub_event_type="Armed clash",
                                   text="troops had surrounded the port", start=ts, end=te, place="Mariupol", lat=47.10, lon=37.56,
                                   date="2022-03-15", actor1="Russian forces", actor1_side="RUS"))
    relations = [
        Relation(type="contradicts", a=f1.id, b=f2.id, note="40 vs at most 5 killed"),
        Relation(type="updates", a=f1.id, b=f3.id, note="toll raised from 40 to 52"),
    ]
    return results, relations


def hostile_results() -> ArticleRecords:
    art = make_article(HOSTILE_TEXT, "2022-03-16", HOSTILE_TITLE, '<i onmouseover="window.__pwned=1">Evil Source</i>', HOSTILE_URL, "evil-1")
    s, e = _span(art.text, "7 people")
    fig = Figure(id=stable_id("fig", art.id, s), article_id=art.id, text="7 people", start=s, end=e, value=7, category="injured",
                 claimant='<script>window.__pwned="claimant"</script>', claimant_side="UKR", place="Mariupol", date="2022-03-16",
                 sentence=art.text[: art.text.index("hurt.") + 5])
    ss, se = _span(art.text, "<script>")
    stm = Statement(id=stable_id("stm", art.id, ss), article_id=art.id, speaker='<img src=x onerror="window.__pwned=\'speaker\'">',
                    text=art.text[ss:se], start=ss, end=se, cue="said", speaker_side="UKR")
    es, ee = _span(art.text, "7 people were hurt")
    evt = Event(id=stable_id("evt", art.id, es), article_ids=[art.id], event_type='<b onmouseover="x">Battles</b>',
                sub_event_type="Armed clash", text='<script>window.__pwned="event"</script>', start=es, end=ee,
                place="<svg onload=alert(4)>", lat=47.2, lon=37.3, date="2022-03-16")
    return ArticleRecords(article=art, figures=[fig], statements=[stm], events=[evt])


def write_hand_made(path: Path, hostile: bool = True) -> Path:
    results, relations = hand_made_results()
    if hostile:
        results.append(hostile_results())
    with Store(path) as store:
        store.write(results, relations)
    return path


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory) -> Path:
    """A store with three related articles and one hostile article (import this fixture into a test module)."""
    return write_hand_made(tmp_path_factory.mktemp("desk") / "desk.duckdb")
