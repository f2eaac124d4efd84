"""Language per passage, not per article (issue 15 row 6)."""
from __future__ import annotations

from unfog.model import Article
from unfog.nlp.language import language_of, passages
from unfog.pipeline import process

ENGLISH = ("Officials in Kharkiv said on Monday that shelling had damaged a school and two apartment blocks, "
           "and that 4 civilians were wounded. Rescue crews worked through the night, the regional governor said. ")
RUSSIAN = "Мы не оставим этот город и будем защищать каждую улицу до последнего дня, сказал он."


def test_english_article_quoting_russian_keeps_its_records(nlp):
    text = ENGLISH + f'A local commander was quoted as saying: "{RUSSIAN}" ' + ENGLISH.replace("Monday", "Tuesday")
    art = Article(id=Article.id_for_text(text), text=text)
    res = process(art, nlp=nlp, options={"strict": True})
    assert art.language == "en"
    assert res.figures or res.statements or res.places
    note = [w for w in art.warnings if "not in English" in w]
    assert len(note) == 1 and "ru at" in note[0]
    start = text.index(RUSSIAN)
    assert f"ru at {start}-" in note[0]


def test_fully_russian_article_gets_the_warning_and_no_records(nlp):
    text = " ".join([RUSSIAN] * 4)
    art = Article(id=Article.id_for_text(text), text=text)
    res = process(art, nlp=nlp, options={"strict": True})
    assert art.language == "ru"
    assert any("not English" in w for w in art.warnings)
    assert not (res.figures or res.statements or res.places or res.events)


def test_plain_english_has_no_note_and_needs_no_langid():
    from unfog.nlp import language

    language._identifier.cache_clear()
    art = Article(id="a", text=ENGLISH * 3)
    assert language_of(art) == "en" and art.warnings == []
    assert language._identifier.cache_info().currsize == 0
    assert all(lang == "en" for _, _, lang in passages(art.text))
