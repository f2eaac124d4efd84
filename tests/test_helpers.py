"""The shared helpers: unfog.text (fold), unfog.geo (distance), unfog.days (ISO days); our own strings."""
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


def test_distance_and_days():
    from datetime import date

    from unfog.days import day_number, parse_day
    from unfog.geo import distance_km

    assert distance_km(50.45, 30.52, 50.45, 30.52) == 0
    assert 470 < distance_km(50.45, 30.52, 47.10, 37.55) < 650  # two cities some 500+ km apart
    assert parse_day("2022-03-10T08:00:00Z") == date(2022, 3, 10)
    assert parse_day("March 10") is None and parse_day(None) is None
    assert day_number("2022-03-11") - day_number("2022-03-10") == 1
    assert day_number("2022-03") is None


def test_datelines_with_a_colon_or_a_day_and_no_dash_are_furniture():
    from unfog.lexicons.wire import lead_end
    for line, lead in [("BANGKOK: A jet bombed a village.", "BANGKOK: "),
                       ("Juba, Oct 7 At least seven people died.", "Juba, Oct 7 "),
                       ("GULU, Uganda: Rebels raided a camp.", "GULU, Uganda: "),
                       ("NOTE: this is", ""), ("Kyiv, the capital, was calm.", "")]:
        assert line[:lead_end(line)] == lead


def test_agency_datelines_may_name_the_country_after_the_city():
    from unfog.lexicons.wire import lead_end
    for line, lead in [("LAGOS, Nigeria (Wire) — Gunmen attacked a bus.", "LAGOS, Nigeria (Wire) — "),
                       ("TRIPOLI, Libya, May 4 (Wire) - Clashes broke out.", "TRIPOLI, Libya, May 4 (Wire) - "),
                       ("Kano, the city (mostly quiet) - was calm.", "")]:
        assert line[:lead_end(line)] == lead


def test_a_dateline_closed_by_the_agencys_day_stamp_or_an_em_dash_is_furniture():
    from unfog.lexicons.wire import lead_end
    for line, lead in [("Lome, May 2 (Wire) May 02, 2025", "Lome, May 2 (Wire) May 02, 2025"),
                       ("NIAMEY—Gunmen attacked a market.", "NIAMEY—"),
                       ("The (Wire) report said", ""), ("NATO—a military alliance", "")]:
        assert line[:lead_end(line)] == lead


def test_an_ordinary_case_city_and_a_colon_is_a_dateline():
    from unfog.lexicons.wire import lead_end
    for line, lead in [("Nairobi : The army said", "Nairobi : "), ("Kabul: Fighters attacked", "Kabul: "),
                       ("Note: this is", "")]:
        assert line[:lead_end(line)] == lead


def test_an_ordinary_case_city_its_country_and_a_colon_is_a_dateline():
    # ("Kano, Nigeria: ..." as a desk writes it; two countries and a colon are a headline's topic, not a dateline)
    from unfog.lexicons.wire import lead_end
    for line, lead in [("Kano, Nigeria: Gunmen attacked a bus.", "Kano, Nigeria: "),
                       ("Kenya, Somalia: Talks on the border stall.", "")]:
        assert line[:lead_end(line)] == lead


def test_an_agency_dateline_without_a_dash_and_a_two_desk_dateline_are_furniture():
    from unfog.lexicons.wire import lead_end
    for line, lead in [("Kano, Mar 3 (Wire) Gunmen killed four.", "Kano, Mar 3 (Wire) "),
                       ("Kabul/Herat: Fighters attacked a post.", "Kabul/Herat: "),
                       ("Kano (Wire) Gunmen killed four.", ""),  # (no day: a sentence may open so)
                       ("The talks (held in May) Ended.", "")]:
        assert line[:lead_end(line)] == lead


def test_codes_among_a_citys_alternate_names_are_no_place():
    from unfog.lexicons.actors import side_of
    assert side_of("a representative of the PDF") is None  # an airport code of a Brazilian town


def test_another_spelling_of_a_small_town_names_no_country():
    from unfog.lexicons.countries import country_of_place
    assert country_of_place("Borno") is None  # a Nigerian state, and an alternate name of a German town
    assert country_of_place("Kiev") == "UKR"  # a city's other spellings still count
