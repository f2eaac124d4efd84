from __future__ import annotations

import json
from pathlib import Path

from unfog.io.ingest import iter_inputs, mark_duplicates, normalise_published


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


def test_hostile_lines_are_accounted_for_with_reasons(tmp_path):
    batch = tmp_path / "b.jsonl"
    with open(batch, "wb") as fh:
        fh.write(json.dumps({"id": "ok", "text": "Shelling hit the port."}).encode() + b"\n")
        fh.write(b'{"id": "bytes", "text": "bad \xff bytes"}\n')  # not UTF-8
        fh.write(b'["a", "list"]\n')  # JSON, but not an object
        fh.write(json.dumps({"id": "num", "text": 42}).encode() + b"\n")
        fh.write(json.dumps({"id": "junk", "text": "\x00\x01\x02\x03\x04\x05\x06\x07" * 8}).encode() + b"\n")
        fh.write(b'{"id": "surrogate", "text": "Ten people \\ud800 were hurt."}\n')
        fh.write(b"\n   \n")  # blank lines are not articles
        fh.write(json.dumps({"id": "late", "text": "Still read after the bad lines."}).encode() + b"\n")
    arts = list(iter_inputs([batch]))
    by = {a.external_id: a for a in arts if a.external_id}
    assert len(arts) == 7
    assert [a.status for a in arts] == ["ok", "failed", "failed", "failed", "failed", "ok", "ok"]
    assert "line 2 is not valid UTF-8" in arts[1].error
    assert "line 3 is not a JSON object" in arts[2].error
    assert "'text' is not a string" in by["num"].error
    assert "binary" in by["junk"].error
    # a lone surrogate becomes U+FFFD, one character for one: offsets into the text still hold
    s = by["surrogate"]
    assert s.text == "Ten people \ufffd were hurt." and any("surrogate" in w for w in s.warnings)
    s.text.encode("utf-8")
    assert len({a.id for a in arts}) == 7


def test_failed_ids_do_not_depend_on_the_folder(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    batch = write_lines(tmp_path / "sub" / "b.jsonl", ["{broken"])
    first = next(iter_inputs([batch])).id
    monkeypatch.chdir(tmp_path)
    assert next(iter_inputs(["sub/b.jsonl"])).id == first


def test_folders_text_files_and_bom(tmp_path):
    folder = tmp_path / "in"
    (folder / "deeper").mkdir(parents=True)
    (folder / "a.txt").write_bytes("\ufeffTroops withdrew from the town.".encode("utf-8"))
    (folder / "deeper" / "b.jsonl").write_text(json.dumps({"id": "b", "text": "A convoy left the city."}) + "\n")
    (folder / "skip.png").write_bytes(b"\x89PNG\r\n")
    (folder / "bin.txt").write_bytes(b"\x00\x01binary")
    arts = list(iter_inputs([folder], published="2022-03-01", source="Desk"))
    assert [Path(a.input_ref.split(":")[0]).name for a in arts] == ["a.txt", "bin.txt", "b.jsonl"]
    assert arts[0].text == "Troops withdrew from the town." and arts[0].published == "2022-03-01" and arts[0].source == "Desk"
    assert arts[1].status == "failed" and "binary" in arts[1].error
    assert arts[2].external_id == "b" and arts[2].source == "Desk"


def test_html_in_a_batch_line_and_metadata_from_the_line(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><article><p>Rescuers pulled two people from the rubble of a school in Kharkiv "
                    "on Friday, the emergency service said in a statement.</p></article></body></html>", encoding="utf-8")
    batch = write_lines(tmp_path / "b.jsonl", [json.dumps({"id": "h", "path": "p.html", "published": "2022-05-06",
                                                           "source": "Line Source", "title": "Line title"})])
    art = next(iter_inputs([batch]))
    assert art.status == "ok" and "Kharkiv" in art.text and "<p>" not in art.text
    assert (art.published, art.source, art.title, art.external_id) == ("2022-05-06", "Line Source", "Line title", "h")


def test_published_forms():
    assert normalise_published("2022-04-22T10:30:00Z")[0].startswith("2022-04-22T10:30")
    assert normalise_published("22 April 2022") == ("2022-04-22", None)
    assert normalise_published(None) == (None, None)
    value, warning = normalise_published("9" * 5000)
    assert value is None and "could not be parsed" in warning
