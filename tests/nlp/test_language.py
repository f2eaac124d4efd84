"""Language identification: English without loading langid, other languages through it."""
from __future__ import annotations

from unfog.nlp import language

ENGLISH = ("The convoy reached the bridge before noon, and the drivers said that they had waited "
           "for three days at the checkpoint while the road was closed to all traffic from the east.")
FRENCH = ("Le convoi est arrivé au pont avant midi, et les chauffeurs ont dit qu'ils avaient attendu "
          "trois jours au poste de contrôle pendant que la route était fermée à toute circulation.")


def test_english_is_recognised_without_loading_the_langid_model():
    language._identifier.cache_clear()
    assert language.detect_language(ENGLISH) == "en"
    assert language._identifier.cache_info().currsize == 0


def test_other_languages_still_go_to_langid():
    assert not language._looks_english(FRENCH)
    assert language.detect_language(FRENCH) == "fr"


def test_too_few_words_are_not_called_english_by_the_shortcut():
    assert not language._looks_english("The end of the day.")


def test_a_headline_langid_is_unsure_of_is_english_a_foreign_one_is_not():
    from unfog.nlp.language import detect_language
    assert detect_language("Somalia's al Shabaab claims killing 20 Kenyan troops; Kenya says 3 died") == "en"
    assert detect_language("Les soldats ont tué 20 rebelles près de Goma, selon l'armée") == "fr"
