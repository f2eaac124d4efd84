"""Relations between figures and statements: the general rules added for issue 18, end to end on our own
short reports (extraction, then fusion)."""
import pytest
from conftest import has_relation as _has, relations_of, report

_doc = report  # our own short reports (tests/conftest.py)


PATTERNS = {
    # "the village of <name>" names where it happened even when the gazetteer does not know the name;
    # a toll told as risen is the toll as of its report (its date names the incident)
    "risen_toll_of_an_unknown_village": [
        _doc("v1", "2025-03-12", "Plain Herald", "Gunmen killed at least 23 people in an attack on the village of "
                                                 "Tandoru near the border with Chad, the district chief said on Wednesday."),
        _doc("v2", "2025-03-14", "Hill Courier", "The death toll from Monday's attack on Tandoru has risen to 31, the "
                                                 "district chief said on Friday, after villagers found more bodies in "
                                                 "burned homes.")],
    # a ministry's own revised toll is its update, whoever else counted in between
    "own_source_update_first": [
        _doc("w1", "2025-06-06", "Plain Herald", "Clashes between two militias in the port district of Misrata killed 9 "
                                                 "people on Thursday night, the health ministry said on Friday. The Red "
                                                 "Crescent said separately that its teams had counted 9 dead."),
        _doc("w2", "2025-06-07", "Hill Courier", "The death toll from Thursday's clashes in the port district of Misrata "
                                                 "has risen to 15, the health ministry said on Saturday.")],
    # a group's count of its own fighters is not the army's count of soldiers, even with the same number
    "own_fighters": [
        _doc("o1", "2025-04-02", "Plain Herald", "DAKAR, April 2 - The army said on Tuesday that three soldiers were "
                                                 "killed in a clash near Timbara on Monday.\n\nA spokesman for the front "
                                                 "said only three of its fighters had died and that 20 soldiers had been "
                                                 "killed.")],
    # "it had lost no fighters": the group's own men, not the soldiers it says it killed
    "lost_no_fighters": [
        _doc("n1", "2025-04-09", "Plain Herald", "The rebels said on Wednesday that they had killed 11 soldiers near "
                                                 "Timbara and that they had lost no fighters.\n\nThe army said four "
                                                 "soldiers had died in the attack.")],
    # bodies found are part of the larger toll their report gives; "six more bodies" is what was added
    "bodies_are_part_of_the_toll": [
        _doc("b1", "2025-05-02", "Plain Herald", "The army said on Friday that one soldier was killed when militants "
                                                 "attacked a patrol near Korma."),
        _doc("b2", "2025-05-03", "Hill Courier", "The army said on Saturday that the number of soldiers killed in "
                                                 "Friday's attack near Korma had risen to three. The bodies of two "
                                                 "soldiers were found in a burned truck, an army spokesman said.\n\n"
                                                 "Rescuers recovered six more bodies from the riverbank, the police said.")],
    # a denial that names whose claim it denies ("the rebels' claim") answers that party's claim, not its own side's
    "denial_names_the_party": [
        _doc("r1", "2025-07-07", "Plain Herald", "Nigerian troops killed six insurgents near Lamba on Sunday, the "
                                                 "Nigerian army said.\n\nA rebel spokesman said its fighters had killed "
                                                 "nine soldiers near Lamba and burned two army trucks."),
        _doc("r2", "2025-07-08", "Hill Courier", "The army denied the rebels' claim that nine soldiers had died near "
                                                 "Lamba, calling it propaganda.")],
    # an official of the same country calling the army's account untrue still contradicts it
    "official_rejects_the_armys_account": [
        _doc("s1", "2025-07-14", "Plain Herald", "The Nigerian army said its troops had repelled an attack on the "
                                                 "village of Dagu on Sunday night."),
        _doc("s2", "2025-07-15", "Hill Courier", "A Nigerian state official who visited Dagu said the army's statement "
                                                 "that the attack had been repelled was not true.")],
    # "Troops killed nine members of the front": the front's men, not soldiers; a dateline with a country and a
    # day ("KORO CITY, Ruritania, Feb 3 -") is where the report was filed, not where the clash was
    "killed_by_the_other_force": [
        _doc("k1", "2025-02-04", "Plain Herald", "KORO CITY, Philippines, Feb 4 - Troops killed nine members of a rebel "
                                                 "front near the town of Talunan on Monday, the army said.\n\nThree "
                                                 "soldiers were wounded, an army spokesman said. A spokesman for the "
                                                 "front said only four of its fighters had died and that 15 soldiers "
                                                 "had been killed.")],
    # a count of bodies pulled out meets the strike's civilian toll; "five of them" is a part, not a toll
    "bodies_meet_the_civilian_toll": [
        _doc("c1", "2025-09-08", "Plain Herald", "Air strikes on a bakery in the town of Kafr Dael killed 13 civilians "
                                                 "on Sunday, five of them children, a war monitor said.\n\nA rescue "
                                                 "group said its volunteers had pulled 13 bodies from the rubble.")],
    # "in Chhattisgarh's Bijapur district": the town inside the region; "the number of militants killed had risen"
    # is a toll told as revised, the next day, whoever the outlet names as the source
    "town_within_region_revised": [
        _doc("t1", "2025-10-07", "Plain Herald", "Troops killed 8 suspected militants in a clash in Chhattisgarh's Bijapur "
                                                 "district on Monday, the police said."),
        _doc("t2", "2025-10-08", "Hill Courier", "Officers in Chhattisgarh said on Tuesday that the number of militants killed "
                                                 "in Monday's clash in Bijapur had risen to 9 after another body was "
                                                 "found near a river.")],
    # "near <town> in the province of <name>": the province, whatever town of that name the gazetteer knows
    "town_in_the_province_of": [
        _doc("p1", "2025-11-04", "Plain Herald", "Gunmen attacked a police post near Spin Boldak in the southern "
                                                 "province of Kandahar on Monday, killing six policemen, the "
                                                 "provincial police said."),
        _doc("p2", "2025-11-05", "Hill Courier", "The number of policemen killed in Monday's attack on a post near Spin "
                                                 "Boldak has risen to eight, the provincial police said on Tuesday.")],
    # one body told twice in one report ("the army" and its spokesman) is one claim, not two that agree; the
    # military and the police of one side are two bodies
    "one_voice_in_one_report": [
        _doc("u1", "2025-12-02", "Plain Herald", "Militants killed four soldiers in an ambush near Garbu on Monday, the "
                                                 "army said.\n\nCaptain Omar Sidi, a spokesman for the military, said "
                                                 "four soldiers had died and two trucks were burned."),
        _doc("u2", "2025-12-09", "Hill Courier", "Shelling hit the market in Dorwa on Monday, killing three people, the "
                                                 "military said. Police in Dorwa also put the number of dead at three.")],
    # a report telling several claimants' counts of one incident: each count disputes the one told just before it,
    # not every earlier one
    # a denial of involvement answers the other party's accusation naming the denier ("blamed the strike on X"),
    # not the other party's telling of the strike's toll
    "denial_answers_the_accusation": [
        _doc("k1", "2025-05-09", "Plain Herald", "A missile struck the bus station in Sloviansk on Friday, killing at "
                                                 "least 21 people, Ukraine's interior ministry said. Kyiv blamed the "
                                                 "strike on Russia."),
        _doc("k2", "2025-05-09", "Hill Courier", "Moscow denied on Friday that Russia was involved in the strike on the "
                                                 "bus station in Sloviansk.")],
    # one kind of body of one side, named two ways by two reports the same day, keeps one count: a higher count is
    # its update, not a rival
    "one_body_named_two_ways": [
        _doc("h1", "2024-03-01", "Plain Herald", "GAZA, March 1 (Wire) - Israeli fire on a crowd waiting for aid trucks "
                                                 "in Gaza City killed at least 70 people on Thursday, the Hamas-run "
                                                 "health ministry said."),
        _doc("h2", "2024-03-01", "Hill Courier", "CAIRO, March 1 (Wire) - The toll from Thursday's shooting at the aid "
                                                 "convoy in Gaza City reached 104 dead, health authorities in Gaza "
                                                 "said.")],
    "one_dispute_not_every_pair": [
        _doc("m1", "2025-12-04", "Plain Herald", "Gunmen attacked the village of Kurmi on Tuesday. The army said 6 "
                                                 "villagers were killed.\n\nA local chief said 19 people had been "
                                                 "killed. A rights group said 40 people had been killed.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_a_risen_toll_updates_the_first_count_of_an_unknown_village(relations):
    rels = relations["risen_toll_of_an_unknown_village"]
    assert _has(rels, "updates", "at least 23 people", "31"), rels


def test_a_source_revising_its_own_toll_is_the_update_kept(relations):
    rels = relations["own_source_update_first"]
    assert _has(rels, "updates", "9 people", "15"), rels
    assert not [r for r in rels if r[0] == "contradicts"], rels


def test_a_groups_own_fighters_are_not_the_armys_soldiers(relations):
    rels = relations["own_fighters"]
    assert _has(rels, "contradicts", "three soldiers", "20 soldiers"), rels
    assert not [r for r in rels if "its fighters" in r[1] + r[2]], rels


def test_a_group_that_lost_no_fighters_says_nothing_of_soldiers(relations):
    rels = relations["lost_no_fighters"]
    assert _has(rels, "contradicts", "11 soldiers", "four"), rels
    assert not [r for r in rels if "no fighters" in r[1] + r[2]], rels


def test_bodies_found_and_added_are_no_new_toll(relations):
    rels = relations["bodies_are_part_of_the_toll"]
    assert _has(rels, "updates", "one soldier", "three"), rels
    assert not [r for r in rels if "two" in r[1] + r[2] or "six" in r[1] + r[2]], rels


def test_a_denial_answers_the_party_it_names(relations):
    rels = relations["denial_names_the_party"]
    assert _has(rels, "contradicts", "A rebel spokesman", "denied the rebels' claim"), rels
    assert not _has(rels, "contradicts", "killed six insurgents", "denied the rebels' claim"), rels


def test_a_denial_of_involvement_answers_the_accusation_naming_the_denier(relations):
    rels = relations["denial_answers_the_accusation"]
    assert _has(rels, "contradicts", "blamed the strike on Russia", "denied on Friday"), rels
    assert not _has(rels, "contradicts", "killing at least 21", "denied on Friday"), rels


def test_one_kind_of_body_of_one_side_named_two_ways_updates_its_count(relations):
    rels = relations["one_body_named_two_ways"]
    assert _has(rels, "updates", "at least 70", "104"), rels
    assert not [r for r in rels if r[0] == "contradicts"], rels


def test_an_official_calling_the_armys_account_untrue_contradicts_it(relations):
    rels = relations["official_rejects_the_armys_account"]
    assert _has(rels, "contradicts", "repelled an attack", "was not true"), rels


def test_the_men_a_force_killed_are_the_other_forces(relations):
    rels = relations["killed_by_the_other_force"]
    assert _has(rels, "contradicts", "nine members", "only four of its fighters"), rels
    assert not [r for r in rels if "nine members" in r[1] + r[2] and "15 soldiers" in r[1] + r[2]], rels


def test_a_dateline_with_a_country_and_a_day_is_furniture():
    from unfog.lexicons.wire import lead_spans

    text = "KORO CITY, Philippines, Feb 4 - Troops killed nine members"
    assert [text[a:b] for a, b in lead_spans(text)] == ["KORO CITY, Philippines, Feb 4 - "]


def test_bodies_pulled_out_meet_the_civilian_toll_and_parts_stay_out(relations):
    rels = relations["bodies_meet_the_civilian_toll"]
    assert _has(rels, "corroborates", "13 civilians", "13 bodies"), rels
    assert not [r for r in rels if "five" in r[1] + r[2]], rels


def test_a_count_in_a_region_meets_the_toll_of_its_town_revised(relations):
    rels = relations["town_within_region_revised"]
    assert _has(rels, "updates", "8 suspected militants", "9"), rels


def test_a_town_in_the_province_of_a_city_name_is_the_town(relations):
    rels = relations["town_in_the_province_of"]
    assert _has(rels, "updates", "six policemen", "eight"), rels


def test_a_headline_restating_the_count_its_report_attributes_is_no_corroboration():
    rels = relations_of({"one": [report("H1", "2025-03-04", "Wire", (
        "Ten police officers killed in attack on post\n\n"
        "Gunmen attacked a police post near Kohat in Pakistan on Monday, killing 10 officers, police said."))]})["one"]
    assert not [r for r in rels if r[0] == "corroborates"]
    two = relations_of({"two": [
        report("H2", "2025-03-04", "Wire", "Gunmen attacked a police post near Kohat in Pakistan on Monday, killing 10 officers, police said."),
        report("H3", "2025-03-04", "Daily", "Ten officers were killed in Monday's attack near Kohat in Pakistan, a hospital official said.")]})["two"]
    assert [r[0] for r in two] == ["corroborates"]


def test_one_body_told_twice_in_one_report_is_one_claim(relations):
    rels = relations["one_voice_in_one_report"]
    assert not [r for r in rels if r[0] == "corroborates" and "four" in r[1] and "four" in r[2]], rels
    assert _has(rels, "corroborates", "three people", "three"), rels  # the military and the police: two bodies


def test_a_count_disputes_the_last_rival_count_of_its_report(relations):
    rels = relations["one_dispute_not_every_pair"]
    assert not _has(rels, "contradicts", "6 villagers", "40 people"), rels


def test_a_count_told_among_a_toll_is_a_part():
    rels = relations_of({"part_after": [
        _doc("pt1", "2025-12-16", "Plain Herald", "An air strike on a house in Hasbaya killed seven people, the health "
                                                  "ministry said.\n\nThe town's mayor said seven residents had been "
                                                  "killed, three members of one family among them.")]})["part_after"]
    assert _has(rels, "corroborates", "seven people", "seven residents"), rels
    assert not [r for r in rels if "three" in r[1] + r[2]], rels


def test_prisoners_freed_since_the_war_began_are_no_count_of_the_exchange():
    from unfog.api import extract_stream, to_articles
    from unfog.fusion.fuse import figure_keys

    [res] = extract_stream(list(to_articles([_doc(
        "fs1", "2025-12-17", "Plain Herald", "The two sides exchanged prisoners on Friday. Kyiv said 120 Ukrainian "
                                             "soldiers had returned home in the swap. Ukraine says more than 4,000 of its "
                                             "citizens have been freed from captivity since the invasion began.")])))
    texts = {f.id: f.text for f in res.figures}
    periods = {texts[k.figure_id]: k.period for k in figure_keys(res)}
    assert periods.get("120 Ukrainian soldiers") == "exchange", periods
    assert [p for t, p in periods.items() if "4,000" in t] == ["cumulative"], periods


def test_a_precise_count_told_again_with_another_value_is_an_update():
    # one body in other words ("the health ministry", "the <city>-based health ministry"); counts told to the unit
    # that differ are two counts, however close (no corroboration)
    rels = relations_of({"precise": [
        _doc("pr1", "2025-12-18", "Plain Herald", "The war has killed at least 12,347 people in Yemen since it began, "
                                                  "the health ministry said on Thursday."),
        _doc("pr2", "2025-12-19", "Hill Courier", "The war has killed at least 12,391 people in Yemen since it began, "
                                                  "the Sanaa-based health ministry said on Friday.")]})["precise"]
    assert _has(rels, "updates", "12,347", "12,391") and len(rels) == 1, rels


def test_a_count_its_report_sets_against_a_rival_is_not_set_against_every_earlier_report():
    rels = relations_of({"own_dispute": [
        _doc("od1", "2025-12-20", "Plain Herald", "Gunmen attacked a church in the town of Marabo on Saturday. The army "
                                                  "said 9 people were killed. A local priest said 30 people were killed."),
        _doc("od2", "2025-12-21", "Hill Courier", "Gunmen attacked a church in the town of Marabo on Saturday. The army "
                                                  "said 9 had died, while a rights group said 55 people were killed.")]})
    rels = rels["own_dispute"]
    assert _has(rels, "contradicts", "9 people", "30 people") and _has(rels, "contradicts", "55 people", "9"), rels
    assert not _has(rels, "contradicts", "30 people", "55 people"), rels


def test_an_earlier_or_preliminary_toll_is_the_value_the_report_revises():
    # "Earlier, <outlets> reported 30", "according to preliminary information, 30": the value the report's toll
    # replaces (an update), not a rival count
    rels = relations_of({"superseded": [
        _doc("sp1", "2025-12-22", "Plain Herald",
             "The death toll from the bombing of the bus station in Kassala climbed to 52 on Sunday, the regional "
             "police said.\n\n\"According to preliminary information, 30 people were killed,\" the civil defence "
             "said on Saturday.\n\nEarlier, local television channels reported 30 dead.")]})["superseded"]
    assert not [r for r in rels if r[0] != "updates"], rels
    assert _has(rels, "updates", "30", "52"), rels


def test_a_toll_revises_the_earlier_value_its_sentence_gives_whatever_its_noun():
    rels = relations_of({"revised_in_one_sentence": [
        _doc("rv1", "2025-12-28", "Plain Herald",
             "A car bomb exploded at a bus station in Kandahar on Sunday.\n\n\"The number of dead has risen to 31, "
             "including two children,\" a provincial spokesman said, raising a toll of 24 civilians given by the "
             "police.")]})["revised_in_one_sentence"]
    assert _has(rels, "updates", "24 civilians", "31"), rels


def test_a_running_total_cue_after_a_comparison_is_none():
    from unfog.fusion.fuse import period_kind

    assert period_kind("the death toll this year has reached 5,000") == "cumulative"
    assert period_kind("more than 4,000 have been freed since the invasion began") == "cumulative"
    assert period_kind("the worst attack since May killed 12") is None
    assert period_kind("gunmen killed 12 people, the third such attack this year") is None
    assert period_kind("one of the deadliest air strikes so far killed 40") is None


def test_a_headline_restating_its_reports_attributed_count_relates_through_that_count_only():
    rels = relations_of({"headline_echo": [
        _doc("he1", "2026-01-07", "Plain Herald", "Bombing at Kandahar bus station kills 18\n\nA suicide bomber killed 18 "
                                                  "people at a bus station in Kandahar on Tuesday, a police spokesman "
                                                  "said."),
        _doc("he2", "2026-01-07", "Hill Courier", "Death toll in Kandahar bus station bombing reaches 18\n\nThe provincial "
                                                  "police spokesman said 18 people had been killed in the bombing at the "
                                                  "bus station in Kandahar on Tuesday.")]})["headline_echo"]
    assert rels == [("corroborates", "18 people", "18 people")], rels
