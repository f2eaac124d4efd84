from unfog.fusion.entities import Resolver, canonical_key, fold, role_holder, same_entity, speaks_for


def test_fold_case_diacritics_apostrophes():
    assert fold("António  Guterres") == "antonio guterres"
    assert fold("Russia\u2019s defence ministry") == fold("Russia's defence ministry") == "russia defence ministry"


def test_titles_and_articles_do_not_change_the_key():
    assert canonical_key("Mr Shoigu") == canonical_key("Sergei Shoigu")
    assert canonical_key("President Zelensky") == canonical_key("Volodymyr Zelensky")
    assert canonical_key("Dr Jane Doe-Smith") == canonical_key("Jane Doe Smith")


def test_unit_names_fold_case():
    assert canonical_key("Azov regiment") == canonical_key("Azov Regiment") == canonical_key("the Azov Regiment")


def test_role_resolves_through_the_actors_table():
    assert role_holder("Russia's defence minister") == "Sergei Shoigu"
    assert canonical_key("Russia's defence minister") == canonical_key("Mr Shoigu")
    assert canonical_key("Ukraine's defence minister") != canonical_key("Russia's defence minister")
    assert canonical_key("the mayor of Mariupol") == canonical_key("Mariupol's mayor")


def test_spokesperson_speaks_for_the_body():
    org = speaks_for("Igor Konashenkov", "the spokesman for Russia's defence ministry")
    assert org == canonical_key("Russia's defence ministry")
    assert canonical_key("Igor Konashenkov", "spokesman for the Russian defence ministry") == canonical_key("Russia's defence ministry")
    assert speaks_for("Igor Konashenkov", "a general") is None


def test_surname_matching_within_a_set_of_names():
    r = Resolver([("Maria Kovalenko", None), ("Kovalenko", None), ("Ivan Petrenko", None)])
    assert r.key("Kovalenko") == r.key("Maria Kovalenko")
    assert r.key("Ms Kovalenko") == "maria kovalenko"
    assert r.key("Petrenko") != r.key("Kovalenko")


def test_ambiguous_surname_is_left_alone():
    r = Resolver([("Anna Bondar", None), ("Oleh Bondar", None)])
    assert r.key("Bondar") == "bondar"
    assert not same_entity("Anna Bondar", "Oleh Bondar", r)


def test_empty_names():
    assert canonical_key(None) == "" and canonical_key("") == ""
    assert not same_entity(None, "Shoigu")


def test_field_officials_speak_for_the_one_body_of_that_field():
    from unfog.fusion.entities import Resolver

    r = Resolver([("State Emergency Service", None), ("emergency officials", None), ("health officials", None)])
    assert r.key("emergency officials") == r.key("State Emergency Service")
    assert r.key("health officials") != r.key("State Emergency Service")  # no health body in the set
    two = Resolver([("State Emergency Service", None), ("Emergency Ministry", None), ("emergency officials", None)])
    assert two.key("emergency officials") not in (two.key("State Emergency Service"), two.key("Emergency Ministry"))


def test_a_possessive_spokesperson_speaks_for_the_body():
    from unfog.fusion.entities import speaks_for

    from unfog.fusion.entities import canonical_key

    assert speaks_for("the militia's spokesman Omar Hadi") == canonical_key("the militia")
    assert speaks_for("Omar Hadi") is None
