import pytest

from unfog.lexicons.actors import Actor, fold, lookup_actor, side_of


def test_lookup_by_title_and_surname():
    assert lookup_actor("Mr Shoigu").name == "Sergei Shoigu"
    assert lookup_actor("Ms Vereshchuk").name == "Iryna Vereshchuk"
    assert lookup_actor("Ukraine's President Zelensky").name == "Volodymyr Zelensky"


def test_lookup_organisations_and_aliases():
    assert lookup_actor("the Kremlin").side == "RUS"
    assert lookup_actor("Russian Ministry of Defence").name == "Russia's defence ministry"
    assert lookup_actor("the Red Cross").name == "ICRC"
    assert lookup_actor("Reuters").side == "MEDIA"
    assert lookup_actor("the United Nations").side == "INT"


def test_unknown_mentions_are_none():
    assert lookup_actor("a western official") is None
    assert lookup_actor("") is None
    assert lookup_actor("Mr Smith") is None


def test_side_from_words_in_the_phrase():
    assert side_of("Ukrainian officials") == "UKR"
    assert side_of("an adviser to Ukraine's defence ministry") == "UKR"
    assert side_of("the Russian-installed mayor of Mariupol") == "RUS"
    assert side_of("US officials") == "USA"
    assert side_of("us") is None
    assert side_of("Mr Putin's defence minister") == "RUS"
    assert side_of("a western official") is None


def test_hostile_input_never_raises():
    for text in ("\x00\ud7ff", "’’’", "Mr", "the", "(" * 50, "é" * 1000, None):
        lookup_actor(text)
        side_of(text)
    assert fold("António  GUTERRES") == "antonio guterres"
    assert isinstance(lookup_actor("Guterres"), Actor)


def test_regional_governors_and_emergency_service_are_ukrainian():
    from unfog.lexicons.actors import side_of

    assert side_of("regional governor Valentyn Reznichenko") == "UKR"
    assert side_of("Oleh Synehubov") == "UKR"
    assert side_of("the State Emergency Service") == "UKR"


# ---- sides for any conflict, from data ----------------------------------------------------------

@pytest.mark.parametrize("phrase,side", [
    ("the Sudanese army", "SDN"),
    ("Israel's military", "ISR"),
    ("Yemeni officials", "YEM"),
    ("the Hamas-run health ministry", "PSE"),
    ("the Houthi-run news agency", "YEM"),
    ("RSF fighters", "SDN"),
    ("M23 rebels", "COD"),
    ("JNIM", "MLI"),
    ("the Wagner group", "RUS"),
    ("DPR Interior Ministry", "RUS"),
    ("governor of the Kursk region", "RUS"),
    ("Belgorod regional governor", "RUS"),
    ("Kiev", "UKR"),
    ("the UN refugee agency", "INT"),
])
def test_sides_for_any_conflict(phrase, side):
    assert side_of(phrase) == side


def test_conflict_nouns_take_a_side_only_in_their_conflict():
    assert side_of("separatist leader", "UKR") == "RUS"
    assert side_of("separatist leader", "ESP") is None
    assert side_of("separatist leader") is None


def test_words_that_are_not_sides():
    assert side_of("who said") is None
    assert side_of("anti-Kyiv protesters") is None


def test_a_compass_word_opening_a_region_name_is_no_country():
    # "North" alone names a US town; "North Darfur" is a region abroad: no side from its first word
    assert side_of("director-general of North Darfur's health ministry") is None
    assert side_of("governor of the Kursk region") == "RUS"


def test_no_person_named_in_python_code():
    import inspect

    from unfog.lexicons import actors

    source = inspect.getsource(actors)
    for actor in actors.known_actors():
        if actor.kind == "person":
            assert actor.name not in source
