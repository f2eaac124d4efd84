from __future__ import annotations

import json

from unfog.ingest import iter_inputs, mark_duplicates, normalise_published


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_line_yields_one_article_even_when_broken(tmp_path):
    batch = write_lines(tmp_path / "b.jsonl", [
        json.dumps({"id": "ok", "text": "Five people were killed.", "published": "2022-03-01"}),
        "{not json",
        json.dumps({"id": "nothing"}),
        json.dumps({"id": "missing", "path": "nope.txt"}),
        json.dumps({"id": "blank", "text": "   "}),
    ])
    arts = list(iter_inputs([batch]))
    assert [a.status for a in arts] == ["ok", "failed", "failed", "failed", "failed"]
    assert "line 2" in arts[1].error
    assert "neither 'text' nor 'path'" in arts[2].error
    assert "not found" in arts[3].error
    assert arts[3].external_id == "missing"
    assert len({a.id for a in arts}) == 5


def test_ids_come_from_content(tmp_path):
    a = write_lines(tmp_path / "a.jsonl", [json.dumps({"text": "Same text."})])
    b = write_lines(tmp_path / "b.jsonl", [json.dumps({"id": "x", "text": "Same text."})])
    assert next(iter_inputs([a])).id == next(iter_inputs([b])).id


def test_duplicates_in_a_batch_are_kept_and_marked(tmp_path):
    batch = write_lines(tmp_path / "b.jsonl", [json.dumps({"id": i, "text": "Same text."}) for i in ("1", "2")])
    arts = list(mark_duplicates(iter_inputs([batch])))
    assert arts[1].duplicate_of == arts[0].id and arts[1].id != arts[0].id


def test_html_file_goes_through_boilerplate_removal(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Strike on port</title><meta property='article:published_time' content='2022-03-09'></head>"
        "<body><nav>Home | World | Sport</nav><article><p>A strike hit the port of Berdyansk on Tuesday, "
        "local officials said, and three people were wounded in the attack.</p><p>Rescue teams worked through the night "
        "to clear the rubble near the harbour.</p></article><footer>Copyright Example</footer></body></html>",
        encoding="utf-8",
    )
    art = next(iter_inputs([page]))
    assert art.status == "ok"
    assert "Berdyansk" in art.text and "Copyright" not in art.text and "Home | World" not in art.text
    assert art.title == "Strike on port"
    assert art.published and art.published.startswith("2022-03-09")


def test_unparseable_published_is_reported_and_treated_as_absent():
    value, warning = normalise_published("the day after tomorrow-ish")
    assert value is None and "could not be parsed" in warning
    assert normalise_published("2022-04-22") == ("2022-04-22", None)
