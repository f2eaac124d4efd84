"""Pure helpers of the desk: highlighting, URL and JSON safety, ledger grouping, timeline."""
from __future__ import annotations

import json

from unfog.store import queries as q
from unfog.web import views


def test_highlight_covers_text_and_nests():
    text = "Officials said 40 civilians died in Mariupol."
    marks = [
        {"kind": "statement", "id": "stm_1", "start": 0, "end": len(text), "label": "s"},
        {"kind": "figure", "id": "fig_1", "start": 15, "end": 27, "label": "f"},
        {"kind": "place", "id": "plc_1", "start": 36, "end": 44, "label": "p"},
    ]
    segs = views.highlight(text, marks)
    assert "".join(s["text"] for s in segs) == text
    fig = [s for s in segs if s["text"] == "40 civilians"][0]
    assert fig["id"] == "fig_1" and fig["kinds"] == ["statement", "figure"]  # innermost wins, both shown
    assert [s for s in segs if s["text"] == " died in "][0]["id"] == "stm_1"
    assert segs[0]["anchors"] == ["stm_1"] and fig["anchors"] == ["fig_1"]


def test_highlight_tolerates_bad_offsets():
    text = "short"
    segs = views.highlight(text, [{"kind": "figure", "id": "fig_1", "start": 3, "end": 99, "label": ""},
                                  {"kind": "place", "id": "plc_1", "start": 4, "end": 2, "label": ""}])
    assert "".join(s["text"] for s in segs) == text
    assert segs[-1]["text"] == "rt" and segs[-1]["id"] == "fig_1"
    assert views.highlight("", []) == []


def test_safe_url():
    assert views.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil.example/x",
                "http://x.org/\"onmouseover=alert(1)", "https:///nohost", None, "", 42):
        assert views.safe_url(bad) is None, bad


def test_script_json_cannot_close_the_block():
    s = views.script_json({"t": "</script><script>alert(1)</script>", "u": "a & b > c \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s)["t"] == "</script><script>alert(1)</script>"


def test_normalise_ledger_row_from_claimants():
    figs = [{"id": "fig_a", "category": "killed", "value": 3}, {"id": "fig_b", "category": "killed", "value": 9}]
    row = {"id": "qty_1", "category": "killed", "claimants": [{"figure_id": "fig_a", "claimant": "x"}, {"figure_id": "fig_b"}],
           "relations": [{"type": "updates", "a": "fig_a", "b": "fig_b", "note": None}], "contested": False}
    out = views.normalise_ledger_row(row, figs, [])
    assert out["status"] == "updates" and [f["value"] for f in out["figures"]] == [3, 9] and out["figures"][0]["claimant"] == "x"
    assert views.normalise_ledger_row({**row, "contested": True}, figs, [])["status"] == "contradicts"


def test_map_points_merge_places_and_drop_missing_coordinates():
    places = [{"id": "plc_1", "article_id": "art_1", "name": "Mariupol", "canonical": "Mariupol", "lat": 47.1, "lon": 37.5},
              {"id": "plc_2", "article_id": "art_2", "name": "Mariupol", "canonical": "Mariupol", "lat": 47.1, "lon": 37.5},
              {"id": "plc_3", "article_id": "art_2", "name": "Somewhere", "lat": None, "lon": None}]
    events = [{"id": "evt_1", "lat": 47.1, "lon": 37.5, "event_type": "Battles"}, {"id": "evt_2", "lat": None, "lon": 2.0}]
    pts = views.map_points(events, places)
    assert [e["id"] for e in pts["events"]] == ["evt_1"]
    assert len(pts["places"]) == 1 and pts["places"][0]["mentions"] == 2 and pts["places"][0]["article_ids"] == ["art_1", "art_2"]


def test_timeline_counts_and_focus():
    events = [{"date": "2022-03-01", "event_type": "Battles"}, {"date": "2022-03-01", "event_type": "Battles"},
              {"date": "2022-03-03", "event_type": "Protests"}, {"date": None, "event_type": "Battles"}]
    figures = [{"date": "2022-03-02", "category": "killed"}, {"date": "not a day", "category": "killed"}]
    tl = q.timeline(events, figures)
    assert tl["days"] == ["2022-03-01", "2022-03-02", "2022-03-03"]
    battles = [s for s in tl["series"] if s["type"] == "Battles"][0]
    assert battles["counts"] == {"2022-03-01": 2} and battles["kind"] == "event"
    assert tl["focus"] == {"start": "2022-03-01", "end": "2022-03-03", "outside": 0}
    # One date years away does not squash the chart.
    days = ["2014-05-02"] + ["2022-03-%02d" % d for d in range(1, 29)] * 2
    focus = q.focus_window(days)
    assert focus["start"].startswith("2022-03") and focus["outside"] >= 1
    assert q.focus_window([]) is None


def test_valid_id():
    assert q.valid_id("art_0593116e20642923")
    for bad in ("art_0593", "../art_0593116e20642923", "art_0593116e20642923/..", "ART_0593116e20642923", "", "art-0593116e20642923"):
        assert not q.valid_id(bad), bad


def test_warnings_show_commands_as_code_and_stay_escaped():
    from unfog.web.app import code_spans

    html = str(code_spans("add detail with `unfog gazetteer add PS --dump PS.zip` <b>now</b>"))
    assert "<code>unfog gazetteer add PS --dump PS.zip</code>" in html and "&lt;b&gt;now&lt;/b&gt;" in html
    assert str(code_spans("one ` tick <i>")) == "one ` tick &lt;i&gt;"
