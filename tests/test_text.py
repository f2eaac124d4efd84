"""unfog.text: the one fold of the tree (our own strings)."""
from unfog.text import fold, fold_case, strip_accents


def test_fold_is_a_name_key():
    assert fold("Mariupol'") == "mariupol"
    assert fold("Zaporizhzhya–Kherson") == "zaporizhzhya kherson"
    assert fold("  São  Tomé ") == "sao tome"
    assert fold("U.S.-backed") == "u s backed"
    assert fold("O’Brien") == fold("O'Brien") == "obrien"
    assert fold("Ærø") == "aero"
    assert fold(None) == "" and fold("") == ""


def test_fold_keeps_letters_of_other_scripts():
    assert fold("Київ") != ""
    assert fold("Київ") != fold("Харків")


def test_fold_case_keeps_punctuation():
    assert fold_case("Russia’s  Defence Ministry") == "russia's defence ministry"
    assert fold_case("Al-Qaeda") == "al-qaeda"
    assert strip_accents("António") == "Antonio"
