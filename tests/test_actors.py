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


# -- event actors: ACLED names (issue 17 item 4) ----------------------------------------------

from unfog.lexicons.actors import country_name, event_actor, inter_code  # noqa: E402

VIOLENT = "Explosions/Remote violence"


def name(phrase, side=None, role="actor1", country=None, event_type=VIOLENT, sentence=None):
    actor = event_actor(phrase, side, role, country, event_type, sentence)
    return actor.name if actor else None


def test_datelines_and_towns_are_never_actors():
    assert name("TIMBUKTU", country="MLI", sentence="TIMBUKTU, Mali — Army drones struck a camp.") is None
    assert name("NAIROBI", country="SOM") is None  # a capital in capitals: the dateline, not Kenya
    assert name("Mombasa", country="KEN", sentence="Mombasa (Reuters) - Gunmen attacked a bus.") is None
    assert name("Kharkiv", side="UKR", country="UKR", event_type="Battles") is None  # a town is where, not who


def test_a_capital_or_state_name_acting_stands_for_its_state():
    assert name("Moscow", country="UKR", event_type="Battles") == "Military Forces of Russia"
    assert name("Kenya", country="SOM", event_type="Strategic developments") == "Government of Kenya"


def test_spokesman_stands_for_the_body_he_speaks_for():
    assert name("army spokesman Lt. Col. Someone Else", country="TCD") == "Military Forces of Chad"
    assert name("police spokeswoman", country="KEN", event_type="Strategic developments") == "Police Forces of Kenya"
    assert name("spokesman") is None


def test_state_forces_by_noun_class_and_side():
    assert name("Chadian troops", side="TCD", country="SDN", event_type="Battles") == "Military Forces of Chad"
    assert name("helicopters of the army", country="NER") == "Military Forces of Niger"
    assert name("Ethiopian warplanes", side="ETH", country="ETH") == "Military Forces of Ethiopia"
    assert name("riot police", country="KEN", event_type="Strategic developments") == "Police Forces of Kenya"
    assert name("US jets", side="USA", country="SOM") == "Military Forces of the United States"
    # a force of another state without a side stays unnamed rather than becoming the home state's
    assert name("occupying troops", country="UKR", event_type="Battles") is None
    assert name("troops", country=None) is None


def test_fragments_pronouns_and_demonyms():
    for phrase in ("part", "you", "they", "its way", "Sunday", "them"):
        assert name(phrase, country="SDN") is None
    assert name("Its forces", side="ETH", country="ETH") == "Military Forces of Ethiopia"
    assert name("Its forces", country="ETH") is None  # whose forces is unknown
    assert name("Egypt's war", side="EGY", country="LBY") == "Military Forces of Egypt"
    assert name("Turkish", side="TUR", country="SYR") == "Military Forces of Turkey"


def test_generic_nouns_become_the_named_group_of_that_country():
    assert name("paramilitaries", country="SDN", event_type="Battles") == "Rapid Support Forces"
    assert name("the paramilitary group", country="SDN") == "Rapid Support Forces"
    assert name("paramilitaries", country="COL", event_type="Battles") == "Unidentified Armed Group (Colombia)"
    assert name("gunmen", country="NGA", event_type="Violence against civilians") == "Unidentified Armed Group (Nigeria)"
    assert name("suspected M23 fighters", country="COD") == "March 23 Movement"
    assert name("Karen National Union", country="MMR", event_type="Battles") == "Karen National Union"


def test_targets_are_not_actors_victims_are_civilians():
    for phrase in ("tents", "camps", "bombs", "military site", "fuel depot", "donation ceremony"):
        assert name(phrase, role="actor2", country="SDN") is None, phrase
    assert name("tents", role="actor2", country="SDN", event_type="Violence against civilians") == "Civilians (Sudan)"
    assert name("displaced persons camp", role="actor2", country="SDN") == "Civilians (Sudan)"
    assert name("a maternity hospital", role="actor2", country="UKR") == "Civilians (Ukraine)"
    for phrase in ("people", "civilians", "villagers", "residents", "locals", "people, mostly women and children",
                   "civilians, locals and aid workers", "a shepherd boy"):
        assert name(phrase, role="actor2", country="MLI") == "Civilians (Mali)", phrase
    assert name("Syrians", side="SYR", role="actor2", country="SYR") == "Civilians (Syria)"
    assert name("Syrians", side="SYR", role="actor2", country="SYR", event_type="Battles") == "Military Forces of Syria"


def test_protesters_and_rioters():
    assert name("Hundreds", country="KEN", event_type="Protests") == "Protesters (Kenya)"
    assert name("demonstrators", role="actor2", country="KEN", event_type="Protests") == "Protesters (Kenya)"
    assert name("a mob", country="IND", event_type="Riots") == "Rioters (India)"


def test_sides_follow_the_names():
    assert event_actor("Chadian troops", "TCD", "actor1", "SDN", "Battles").side == "TCD"
    assert event_actor("villagers", None, "actor2", "NGA", "Violence against civilians").side == "NGA"
    assert event_actor("RSF fighters", None, "actor1", "SDN", "Battles").side == "SDN"


def test_inter_codes():
    assert inter_code("Military Forces of Chad") == 1 and inter_code("Police Forces of Kenya") == 1
    assert inter_code("Rapid Support Forces") == 2
    assert inter_code("Unidentified Armed Group (Mali)") == 3
    assert inter_code("Rioters (India)") == 5 and inter_code("Protesters (Kenya)") == 6
    assert inter_code("Civilians (Mali)") == 7
    assert inter_code("United Nations") == 8
    assert inter_code("") is None and inter_code("Someone") is None
    assert country_name("PSE") == "Palestine" and country_name("INT") is None


def test_event_actor_never_raises_on_odd_input():
    for text in (None, "", "’’’", "(" * 50, "é" * 1000, "\x00", "the", "of the"):
        event_actor(text, None, "actor1", None, None)
        event_actor(text, "XXX", "actor2", "ZZZ", "Battles", sentence=text)


def test_a_state_abbreviation_is_not_the_pronoun():
    assert name("US", side="USA", country="YEM") == "Military Forces of the United States"
    assert name("us", country="YEM") is None


def test_a_state_opening_a_sentence_with_a_clause_is_no_dateline():
    sentence = "Chad, which sent troops last year, bombed rebel positions near Tine on Monday."
    assert name("Chad", side="TCD", country="TCD", event_type="Battles", sentence=sentence) == "Military Forces of Chad"
    assert name("Nairobi", country="KEN", sentence="Nairobi, Kenya - Police detained 40 people.") is None
    assert name("Nairobi", country="KEN", event_type="Strategic developments") == "Government of Kenya"


def test_civil_war_parties_share_a_side_code_but_oppose():
    from unfog.lexicons.actors import civil_war_parties
    assert civil_war_parties("Myanmar's military", "the Kachin Independence Alliance")  # "Alliance": a named group
    assert civil_war_parties("the army", "the rebel group")
    assert not civil_war_parties("Ukraine's General Staff", "the Ukrainian president")  # one state's own bodies
    assert not civil_war_parties("the defence ministry", "the general staff")
    # people are read from the roles they were introduced with
    assert civil_war_parties("Ana Ruiz", "Omar Said", "Military officer", "al Shabaab's military operations spokesman")
    assert not civil_war_parties("Ana Ruiz", "Omar Said", "al-Shabaab spokesman", "an al Shabaab commander")
    assert not civil_war_parties("Ana Ruiz", "Omar Said")


def test_a_demonym_countryinfo_lacks_comes_from_the_data():
    assert side_of("the Saudi-led coalition") == "SAU" and side_of("Saudi jets") == "SAU"


def test_a_state_body_behind_state_words_is_still_a_state_body():
    from unfog.lexicons.actors import is_state_body
    assert is_state_body("a senior government official") and is_state_body("military officials")
    assert not is_state_body("a UN official") and not is_state_body("a rebel official")
    assert not is_state_body("local officials")  # in a contested town, either side's
    assert is_state_body("the West African nation's military") and is_state_body("the country's interior ministry")
    assert not is_state_body("the nation's largest rebel group")
    # the officers of a state's territorial administration, whatever the country calls them
    assert all(is_state_body(r) for r in ("the district commissioner", "a sub-prefect", "the regional prefect",
                                          "district administrator", "the chief minister"))
    assert not is_state_body("a civil society coordinator") and not is_state_body("a local administrator")
    assert is_state_body("the ministry of the interior") and is_state_body("former head of the Ardh municipal council")
    assert not is_state_body("head of the local council")  # a contested town's council may be either side's


def test_distinct_armed_groups_keep_their_own_names():
    from unfog.lexicons.actors import lookup_actor
    assert lookup_actor("ELN").name != lookup_actor("FARC").name
    assert lookup_actor("ISWAP").name != lookup_actor("Boko Haram").name
    # short aliases that are ordinary words or other things are not groups
    assert lookup_actor("is") is None and lookup_actor("KIA") is None


def test_local_counts_only_beside_a_word_that_names_the_body():
    from unfog.lexicons.actors import is_state_body
    assert is_state_body("local health authorities") and is_state_body("local police officials")
    assert not is_state_body("local officials") and not is_state_body("two local officials")


def test_offices_monitors_and_aid_groups():
    from unfog.lexicons.actors import is_state_body, side_of
    assert is_state_body("the army's general staff") and is_state_body("Ombudsman's Office")
    assert is_state_body("the regional health office") and not is_state_body("the office")
    assert side_of("Humanitarian agencies") == "INT" and side_of("a local documentation group") == "INT"
    assert side_of("an aid worker with a medical charity") == "INT"


def test_a_possessive_inside_a_groups_name_is_the_same_group():
    # "the Islamic State's Sahel Province" is the province's affiliate, not the core group
    actor = lookup_actor("Islamic State's Sahel Province")
    assert actor is not None and actor.name == "Islamic State Sahel Province" and actor.side == "NER"


def test_the_territorys_own_body_is_a_state_body():
    from unfog.lexicons.actors import is_state_body
    assert is_state_body("the territory's health ministry") and is_state_body("the enclave's interior ministry")
    assert not is_state_body("the territory's largest militia")


def test_the_world_layers_country_names_are_side_words_too():
    # hand-written English names of the gazetteer's world layer, and their capitalised short forms
    assert side_of("the Democratic Republic of Congo's army") == "COD" and side_of("DRC's army") == "COD"
    assert side_of("Britain's defence ministry") == "GBR" and side_of("UAE-backed forces") == "ARE"
    assert side_of("the Republic of Congo") == "COG" and side_of("a car bomb") is None


def test_south_sudans_parties_are_south_sudans_not_sudans_or_myanmars():
    assert side_of("the SPLA-IO") == "SSD" and side_of("Sudan People's Liberation Army-in-Opposition") == "SSD"
    assert side_of("the SSPDF") == "SSD" and side_of("South Sudan People's Defence Forces") == "SSD"


def test_a_ministry_of_any_portfolio_is_the_state():
    from unfog.lexicons.actors import is_state_body
    assert is_state_body("the information ministry") and is_state_body("the foreign affairs ministry")
    assert not is_state_body("a rebel ministry")


def test_the_officer_of_a_territorial_unit_is_the_state():
    from unfog.lexicons.actors import is_state_body
    assert is_state_body("the region's governor") and is_state_body("governor of the northeastern region")
    assert not is_state_body("the town's mayor")  # a contested town's authorities may be either side's
    assert not is_state_body("the rebel group's spokesman") and not is_state_body("the party's governor")


def test_intelligence_officials_and_coordinated_state_bodies_are_the_state():
    from unfog.lexicons.actors import is_state_body, side_of
    assert is_state_body("an intelligence official") and is_state_body("army and security officials")
    assert not is_state_body("residents and officials")
    assert side_of("nongovernmental organizations") == "INT"
