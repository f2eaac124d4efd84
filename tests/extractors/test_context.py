"""The Context's query layer: what later stages ask about earlier ones (our own sentences)."""
from __future__ import annotations

from unfog.extractors import dates, places, query
from unfog.extractors.context import Context
from unfog.model import Article, Statement


def _ctx(nlp, text: str, published: str | None = None) -> Context:
    art = Article(id=Article.id_for_text(text), text=text, published=published)
    return Context(article=art, doc=nlp(text))


def _extract(nlp, text, published):
    ctx = _ctx(nlp, text, published)
    ctx.dates.extend(dates.extract(ctx))
    return ctx


# -- date_near ---------------------------------------------------------------------------------

def test_date_near_prefers_the_same_sentence_and_verb(nlp):
    text = ("The city, which was captured in 2014, reported 12 dead on Monday. "
            "Rescuers found 3 more people.")
    ctx = _extract(nlp, text, "2022-06-15")
    assert [d.text for d in ctx.dates] == ["2014", "Monday"]
    twelve = text.index("12")
    got = ctx.date_near(twelve, twelve + 2)
    assert got is not None and got.text == "Monday"
    three = text.index("3 more")
    assert ctx.date_near(three, three + 1) is None


def test_date_near_skips_dates_in_another_clause(nlp):
    text = "Crimea, which Russia seized in 2014, has 2 million residents."
    ctx = _extract(nlp, text, "2022-06-15")
    i = text.index("2 million")
    assert ctx.date_near(i, i + 9) is None


def test_date_near_ignores_unattached_historical_background(nlp):
    text = "Ten days of shelling have left the town in ruins, with residents comparing it to Leningrad in 1941."
    ctx = _extract(nlp, text, "2022-06-15")
    assert [d.text for d in ctx.dates] == ["1941"]
    assert ctx.date_near(0, 8) is None
    inside = text.index("1941")
    assert ctx.date_near(inside, inside + 4).text == "1941"


def test_date_near_for_a_whole_statement_uses_its_main_verb(nlp):
    text = "In 2014 the town fell. The mayor said yesterday that 20 people had died since Monday."
    ctx = _extract(nlp, text, "2022-06-15")
    s = text.index("The mayor")
    got = ctx.date_near(s, len(text))
    assert got is not None and got.text == "yesterday"
    twenty = text.index("20 people")
    assert ctx.date_near(twenty, twenty + 2).text == "since Monday"


def test_date_near_without_dates_is_none(nlp):
    ctx = _extract(nlp, "Nothing here has a time.", "2022-06-15")
    assert ctx.date_near(0, 7) is None


def test_date_near_reindexes_when_dates_change(nlp):
    text = "Troops withdrew on Monday."
    ctx = _ctx(nlp, text, "2022-06-15")
    assert ctx.date_near(0, 6) is None
    ctx.dates.extend(dates.extract(ctx))
    assert ctx.date_near(0, 6).date == "2022-06-13"


def test_date_near_with_a_start_only(nlp):
    text = "Two shells hit the school on Friday."
    ctx = _extract(nlp, text, "2022-06-15")
    assert ctx.date_near(text.index("hit")).text == "Friday"


# -- place_near --------------------------------------------------------------------------------

def _with_places(nlp, text):
    ctx = _ctx(nlp, text)
    ctx.places.extend(places.extract(ctx))
    return ctx


def test_place_near_prefers_the_attached_place_in_the_same_sentence(nlp):
    text = "Kyiv said on Monday that a missile struck a school in Kramatorsk."
    ctx = _with_places(nlp, text)
    i = text.index("struck")
    assert ctx.place_near(i, i + 6).name == "Kramatorsk"
    other = _with_places(nlp, "Nothing happened. Then Kramatorsk was hit.")
    assert other.place_near(0, 7) is None
    assert other.place_near(other.text.index("hit")).name == "Kramatorsk"


# -- statement_at ------------------------------------------------------------------------------

def _stmt(sid, start, end, content=None):
    cs, ce = content or (None, None)
    return Statement(id=sid, article_id="a", speaker="x", text="", start=start, end=end,
                     content_start=cs, content_end=ce)


def test_statement_at_prefers_the_tightest_content():
    outer = _stmt("s1", 0, 100, (10, 90))
    inner = _stmt("s2", 20, 60, (30, 55))
    assert query.statement_at([outer, inner], 35, 40).id == "s2"
    assert query.statement_at([outer, inner], 12, 15).id == "s1"
    assert query.statement_at([outer, inner], 95, 99).id == "s1"  # the attribution part
    assert query.statement_at([outer, inner], 120, 130) is None


def test_context_statement_at_reads_the_context_statements(nlp):
    ctx = _ctx(nlp, "The mayor said the bridge was destroyed.")
    ctx.statements.append(_stmt("s1", 0, 40, (15, 39)))
    assert ctx.statement_at(20, 26).id == "s1"
    assert ctx.statement_at(20) is ctx.statements[0]


# -- sentences and paragraphs ------------------------------------------------------------------

def test_sentences_are_cut_at_paragraph_breaks(nlp):
    text = "Shelling went on through the night\nRescuers reached the town at dawn."
    ctx = _ctx(nlp, text)
    sents = [s.text for s in ctx.sentences]
    assert sents[0] == "Shelling went on through the night"
    assert sents[-1].startswith("Rescuers")
    assert ctx.sentences is ctx.sentences  # computed once


def test_paragraphs_and_same_paragraph(nlp):
    text = "First block here.\n\n  \nSecond block there."
    ctx = _ctx(nlp, text)
    assert [text[a:b] for a, b in ctx.paragraphs] == ["First block here.", "Second block there."]
    assert ctx.same_paragraph(0, 10)
    assert not ctx.same_paragraph(5, text.index("Second"))
    assert ctx.same_paragraph(text.index("Second"), 0) is False
