"""Tests of unfog.text: where a report's headline ends."""
from unfog.nlp.timeexpr import date_line_end
from unfog.text import headline_end


def test_a_headline_is_looked_for_past_a_line_that_only_dates_the_report():
    text = "Monday, March 3, 2025\nShelling kills 12 in border town: officials\n\nThe shelling began at dawn."
    assert headline_end(text) == len("Monday, March 3, 2025")  # (the date line alone would pass for one)
    assert text[:headline_end(text, date_line_end(text))].endswith("officials")
    # a dated line followed by a sentence: the report has no headline told apart
    dated = "Today: 3 March 2025\n\nShelling killed 12 people.\n\nIt began at dawn."
    assert headline_end(dated, date_line_end(dated)) == 0


def test_a_short_first_line_without_a_stop_is_the_headline():
    assert headline_end("Shelling kills 12\nThe shelling began at dawn.") == len("Shelling kills 12")
    assert headline_end("The shelling began at dawn.\nIt went on.") == 0
