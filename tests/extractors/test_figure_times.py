"""The time of day a figure is told at (Figure.time): our own sentences."""
from unfog.lexicons import times
from unfog.extractors import figures, statements
from unfog.extractors.context import Context
from unfog.model import Article


def run(nlp, text):
    ctx = Context(article=Article(id="a", text=text, published="2025-10-06"), doc=nlp(text))
    ctx.statements.extend(statements.extract(ctx))
    return figures.extract(ctx)


def time_of(figs, phrase):
    hits = [f for f in figs if phrase in f.text or f.text in phrase]
    assert len(hits) == 1, [f.text for f in figs]
    return hits[0].time


def test_a_count_told_as_of_a_time_is_told_at_it(nlp):
    figs = run(nlp, "A rocket hit a depot in Varna Bay on Monday. As of 9:05 p.m., seven people were confirmed "
                    "dead, the mayor said. The mayor had first spoken of three dead.")
    assert time_of(figs, "seven people") == "21:05"
    assert time_of(figs, "three dead") is None  # (another sentence, no time of its own, no stamp)


def test_the_time_of_the_act_is_not_the_time_of_the_count(nlp):
    figs = run(nlp, "The blast happened at about 4 pm in the market of Dorla, killing 14 people, the police said.")
    assert time_of(figs, "14 people") is None


def test_a_live_blogs_entry_stamp_times_its_counts(nlp):
    text = ("Live: the strike on Keln, Tuesday.\n\n"
            "17:20 - The emergency service says the toll in Keln has risen to 21.\n\n"
            "12:45 - Nine people were killed when a missile hit an office block in Keln, the governor says.")
    figs = run(nlp, text)
    assert time_of(figs, "21") == "17:20"
    assert time_of(figs, "Nine people") == "12:45"


def test_the_reports_own_stamp_times_the_counts_that_have_none(nlp):
    figs = run(nlp, "Published: Oct 6, 2025 08:10 AM | Updated Oct 6, 2025 2:35 pm\n\n"
                    "Gunmen killed 11 villagers in Tamba overnight, a local official said.")
    assert time_of(figs, "11 villagers") == "14:35"  # (the update's stamp, the later)


def test_times_as_written():
    assert [times.minutes(s) for s in ("10:40 a.m.", "8:43 PM", "1 pm", "14.05", "12 am", "25:10")] == \
        [640, 1243, 780, 845, 0, None]
    assert times.count_time("Prices rose by 9.30 percent.") is None  # (a bare "9.30" is a number)
    assert times.count_time("By 6pm on Friday the toll had reached 40.") == 18 * 60


def test_list_items_are_entries_only_when_the_list_is_the_article():
    listed = "Title\n\n- One thing happened here.\n- Another happened there.\n- A third one.\n"
    assert len(times.entry_starts(listed)) == 3
    summary = ("Title\n\n- One.\n- Two.\n- Three.\n\n" + "The story tells all three again at length. " * 20)
    assert times.entry_starts(summary) == []  # highlights over a story that retells them
    assert times.entry_starts("Title\n\n- One.\n- Two.\n\nBody.") == []  # two items are no list
