import json

from rich.console import Console

from unfog.cli.show import highlighted, load_article, show_article


def test_show_text_file_highlights_claims(tmp_path, nlp):
    p = tmp_path / "a.txt"
    p.write_text("Ukrainian officials said 12 civilians were killed.\n\nThe Kremlin denied it.", encoding="utf-8")
    res = load_article(str(p), published="2022-03-01", nlp=nlp)
    assert [s.speaker for s in res.statements] == ["Ukrainian officials", "Kremlin"]
    assert res.figures[0].value == 12
    text = highlighted(res)
    assert text.plain == p.read_text(encoding="utf-8")
    assert any(span.start == res.figures[0].start for span in text.spans)
    console = Console(record=True, width=120)
    show_article(res, console)
    out = console.export_text()
    assert "statements (2)" in out and "figures (1)" in out and "Kremlin" in out


def test_show_batch_line_by_id(tmp_path, nlp):
    p = tmp_path / "b.jsonl"
    lines = [{"id": "one", "text": "Nothing here."}, {"id": "two", "text": "Mr Shoigu said 300 soldiers surrendered."}]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    res = load_article(f"{p}:two", nlp=nlp)
    assert res.article.external_id == "two"
    assert res.figures[0].claimant == "Sergei Shoigu"


def test_show_missing_input_is_a_lookup_error(tmp_path):
    import pytest

    with pytest.raises(LookupError):
        load_article(str(tmp_path / "missing.txt"))
