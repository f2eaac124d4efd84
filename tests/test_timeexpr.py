"""The pure resolver: text + publication day + tense -> (date, date_end, precision). No spaCy."""
from __future__ import annotations

from datetime import date

import pytest

from unfog.nlp.timeexpr import find, parse_day, precision_for, resolve, resolve_text

WED = "2022-06-15"  # a Wednesday
MON = "2023-01-09"  # a Monday
SUN = "2022-11-27"  # a Sunday


def r(text, published=WED, tense=None, anchor=None):
    res = resolve_text(text, published, tense, anchor)
    assert res is not None, f"nothing found in {text!r}"
    return res.date, res.date_end


@pytest.mark.parametrize("text,expected", [
    ("yesterday", ("2022-06-14", "2022-06-14")),
    ("today", (WED, WED)),
    ("tonight", (WED, WED)),
    ("this morning", (WED, WED)),
    ("yesterday morning", ("2022-06-14", "2022-06-14")),
    ("late yesterday", ("2022-06-14", "2022-06-14")),
    ("tomorrow", ("2022-06-16", "2022-06-16")),
    ("the day before yesterday", ("2022-06-13", "2022-06-13")),
    ("overnight", ("2022-06-14", WED)),
    ("last night", ("2022-06-14", WED)),
    ("last week", ("2022-06-06", "2022-06-12")),
    ("next week", ("2022-06-20", "2022-06-26")),
    ("this week", ("2022-06-13", "2022-06-19")),
    ("last month", ("2022-05-01", "2022-05-31")),
    ("next month", ("2022-07-01", "2022-07-31")),
    ("this year", ("2022-01-01", "2022-12-31")),
    ("last year", ("2021-01-01", "2021-12-31")),
    ("earlier this month", ("2022-06-01", WED)),
    ("later this week", (WED, "2022-06-19")),
    ("the end of the month", ("2022-06-21", "2022-06-30")),
    ("two weeks ago", ("2022-05-30", "2022-06-05")),
    ("three days ago", ("2022-06-12", "2022-06-12")),
    ("a month ago", ("2022-05-01", "2022-05-31")),
    ("the past 24 hours", ("2022-06-14", WED)),
    ("the last two hours", (WED, WED)),  # a few hours back: the report's own day
    ("the last two weeks", ("2022-06-01", WED)),
    ("in the coming days", (WED, "2022-06-18")),
    ("since 2014", ("2014-01-01", WED)),
    ("since February 24", ("2022-02-24", WED)),
    ("in 1942", ("1942-01-01", "1942-12-31")),
    ("mid-2021", ("2021-05-01", "2021-08-31")),
    ("the 1990s", ("1990-01-01", "1999-12-31")),
    ("between 2014 and 2016", ("2014-01-01", "2016-12-31")),
    ("in 2014-15", ("2014-01-01", "2015-12-31")),
    ("March 16, 2022", ("2022-03-16", "2022-03-16")),
    ("16 March 2022", ("2022-03-16", "2022-03-16")),
    ("the 24th of February", ("2022-02-24", "2022-02-24")),
    ("Feb. 24", ("2022-02-24", "2022-02-24")),
    ("2022-02-24", ("2022-02-24", "2022-02-24")),
    ("24.02.2022", ("2022-02-24", "2022-02-24")),
    ("May 3-5", ("2022-05-03", "2022-05-05")),
    ("28 February to 3 March 2022", ("2022-02-28", "2022-03-03")),
    ("early March", ("2022-03-01", "2022-03-10")),
    ("mid-April", ("2022-04-11", "2022-04-20")),
    ("late March", ("2022-03-21", "2022-03-31")),
    ("the end of April", ("2022-04-21", "2022-04-30")),
    ("in May", ("2022-05-01", "2022-05-31")),
    ("last March", ("2022-03-01", "2022-03-31")),
    ("the summer of 2014", ("2014-06-01", "2014-08-31")),
    ("Wednesday, March 16, 2022", ("2022-03-16", "2022-03-16")),
])
def test_expressions_resolve_against_publication(text, expected):
    assert r(text) == expected


def test_weekday_follows_tense():
    assert r("on Thursday", WED, "past") == ("2022-06-09", "2022-06-09")
    assert r("on Thursday", WED, "future") == ("2022-06-16", "2022-06-16")
    assert r("on Thursday", WED, None) == ("2022-06-09", "2022-06-09")  # news reports the past
    # the publication's own weekday is that day, whatever the tense
    assert r("on Wednesday", WED, "past") == (WED, WED)
    assert r("on Wednesday", WED, "future") == (WED, WED)


def test_weekday_with_last_next_this():
    assert r("last Wednesday", WED) == ("2022-06-08", "2022-06-08")
    assert r("next Wednesday", WED) == ("2022-06-22", "2022-06-22")
    assert r("next Monday", WED) == ("2022-06-20", "2022-06-20")
    assert r("this Friday", WED) == ("2022-06-17", "2022-06-17")


def test_weekday_range_runs_forward():
    assert r("Thursday through to Saturday", "2022-05-05", "future") == ("2022-05-05", "2022-05-07")
    assert r("from Friday to Monday", WED, "past") == ("2022-06-10", "2022-06-13")


def test_year_of_month_day_follows_tense():
    assert r("on December 20", WED, "past") == ("2021-12-20", "2021-12-20")
    assert r("on December 20", WED, "future") == ("2022-12-20", "2022-12-20")
    assert r("on June 20", WED, "past") == ("2021-06-20", "2021-06-20")
    assert r("on June 20", WED, None) == ("2022-06-20", "2022-06-20")  # nearest to publication
    assert r("in September", WED, "past") == ("2021-09-01", "2021-09-30")
    assert r("in September", WED, "future") == ("2022-09-01", "2022-09-30")
    assert r("in June", WED, "past") == ("2022-06-01", "2022-06-30")
    assert r("on January 3", MON, "past") == ("2023-01-03", "2023-01-03")


def test_weekend_depends_on_publication_day_and_tense():
    assert r("over the weekend", WED, "past") == ("2022-06-11", "2022-06-12")
    assert r("over the weekend", WED, "future") == ("2022-06-18", "2022-06-19")
    assert r("over the weekend", SUN, "past") == ("2022-11-26", "2022-11-27")
    assert r("last weekend", SUN) == ("2022-11-19", "2022-11-20")


def test_this_period_is_clamped_by_tense():
    assert r("this week", WED, "past") == ("2022-06-13", WED)
    assert r("this week", WED, "future") == (WED, "2022-06-19")


def test_relative_to_previous_date():
    assert r("three days later", WED, None, date(2022, 3, 16)) == ("2022-03-19", "2022-03-19")
    assert r("the next day", WED, None, date(2022, 3, 16)) == ("2022-03-17", "2022-03-17")
    assert r("two days earlier", WED, None, date(2022, 3, 16)) == ("2022-03-14", "2022-03-14")
    # "the night before" / "the day after" told at a clause's end count from the date told last; "the day before
    # the vote" names another anchor, and "the day before yesterday" counts from publication
    assert r("was shot the night before, they said", WED, None, date(2022, 3, 16)) == ("2022-03-15", "2022-03-15")
    assert r("was freed the day after.", WED, None, date(2022, 3, 16)) == ("2022-03-17", "2022-03-17")
    assert resolve_text("the day before the vote", WED) is None
    assert r("the day before yesterday", WED) == ("2022-06-13", "2022-06-13")
    res = resolve_text("three days later", WED)
    assert res.resolved is False and res.date is None


def test_precision_levels():
    assert resolve_text("yesterday", WED).precision == 1
    assert resolve_text("overnight", WED).precision == 1
    assert resolve_text("last week", WED).precision == 2
    assert resolve_text("over the weekend", WED).precision == 2
    assert resolve_text("early March", WED).precision == 2
    assert resolve_text("in March", WED).precision == 3
    assert resolve_text("since 2014", WED).precision == 3
    assert resolve_text("in 2014", WED).precision == 3
    assert precision_for(date(2022, 1, 1), date(2022, 1, 1)) == 1
    # a night named by the two days it spans is one night, as "overnight"; two days with no night stay a range
    night = resolve_text("raided on the night of 12-13 June", WED, "past")
    assert (night.date, night.date_end, night.precision) == ("2022-06-12", "2022-06-13", 1)
    assert resolve_text("raided between 12-13 June", WED, "past").precision == 2
    assert resolve_text("during the night of Sunday to Monday", WED, "past").precision == 1
    assert precision_for(date(2022, 1, 1), date(2022, 1, 21)) == 2
    assert precision_for(date(2022, 1, 1), date(2022, 1, 31)) == 3


def test_flags_relative_historical():
    y = resolve_text("yesterday", WED)
    assert y.relative and y.resolved and not y.historical
    old = resolve_text("in 2014", WED)
    assert not old.relative and old.historical
    assert not resolve_text("last year", WED).historical
    assert resolve_text("in March 2021", WED).historical


def test_without_publication_date_nothing_relative_is_guessed():
    for text in ["yesterday", "on Wednesday", "last week", "on March 16", "early March", "two weeks ago"]:
        res = resolve_text(text, None)
        assert (res.resolved, res.date, res.relative) == (False, None, True), text
        assert res.note == "relative date without a publication date"
    assert r("March 16, 2022", None) == ("2022-03-16", "2022-03-16")
    assert r("in 2014", None) == ("2014-01-01", "2014-12-31")
    since = resolve_text("since 2014", None)
    assert since.date == "2014-01-01" and since.date_end is None and not since.resolved


@pytest.mark.parametrize("text", [
    "9 killed", "the 36th Brigade", "they may leave", "the march on the capital",
    "about 2,000 troops", "1,478 captured", "a two-month siege", "seven weeks of bombardment",
    "hours or days", "(c) Some Media Ltd 2022", "© Example News 2021", "route 2014",
    "the 24/7 service", "Jan Novak said", "in months", "the Sunday Times reported", "Bloody Sunday",
])
def test_not_dates(text):
    assert find(text) == []


def test_spans_are_exact_and_do_not_overlap():
    text = "On Wednesday, March 16, 2022, and again since early March. Fighting since 2014 continued last week."
    found = find(text)
    assert [t.text for t in found] == ["Wednesday, March 16, 2022", "since early March", "since 2014", "last week"]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_invalid_calendar_dates_are_dropped():
    assert [t.text for t in find("31 February 2022")] == ["February 2022"]  # the month still stands
    assert find("2022-13-45") == []
    assert find("29 February 2024")[0].day == 29


def test_parse_day():
    assert parse_day("2022-04-22T10:00:00Z") == date(2022, 4, 22)
    assert parse_day("not a date") is None
    assert parse_day(None) is None


def test_long_text_without_backtracking():
    text = ("Monday " * 2000) + ("1 2 3 " * 3000) + ("May " * 2000)
    assert len(find(text)) > 0


def test_ordinal_day_is_the_latest_such_day_on_or_before_publication():
    # "on the 8th" (moved here from the events extractor so every stage dates it the same way)
    assert r("killed in an attack on the 8th, officials said", "2024-02-12") == ("2024-02-08", "2024-02-08")
    assert r("struck on the 16th.", "2022-05-12", "past") == ("2022-04-16", "2022-04-16")
    assert r("talks resume on the 16th.", "2022-05-12", "future") == ("2022-05-16", "2022-05-16")
    assert r("on the 31st.", "2022-05-12", "past") == ("2022-03-31", "2022-03-31")  # April has no 31st


@pytest.mark.parametrize("text", ["the 8th Army", "the 3rd Assault Brigade", "the 20th century", "the 5th anniversary"])
def test_ordinals_that_name_units_or_eras_are_not_days(text):
    assert [t for t in find(text) if t.kind == "ordinal"] == []


def test_date_line_end_skips_only_a_line_that_dates_the_report():
    from unfog.nlp.timeexpr import date_line_end

    assert date_line_end("Monday, March 3, 2025\nShelling kills 12\nBody.") == len("Monday, March 3, 2025\n")
    assert date_line_end("Today: 3 March 2025 year\n\nBody.") == len("Today: 3 March 2025 year\n\n")
    assert date_line_end("May peace return\nBody.") == 0  # (a modal "May" is no month)
    assert date_line_end("Shelling kills 12 on March 3\nBody.") == 0
