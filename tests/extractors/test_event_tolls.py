"""Issue 17: the toll of one incident is the whole count of its dead, never one of its parts.

End to end through the pipeline (the figure reader's counts, their attachment, the merge); the sentences are
our own.
"""
from __future__ import annotations

from unfog.model import Article


def _events(nlp, text, published="2025-03-12"):
    from unfog.pipeline import process

    return [e for e in process(Article(id=Article.id_for_text(text), text=text, published=published), nlp=nlp).events
            if e.event_type != "Strategic developments"]


def test_a_total_that_lists_its_parts_is_the_toll_whatever_the_headline_names(nlp):
    text = ("Guard killed in militia raid on border post\n\n"
            "Seven people were killed, including five traders and a guard, when militiamen raided a border post "
            "near Kharkiv on Monday, a police source said.\n\n"
            "The raid cost the lives of a driver along with three grain traders, two cattle traders and the guard, "
            "the source said.")
    tolls = {e.fatalities for e in _events(nlp, text) if e.event_type in ("Battles", "Violence against civilians")}
    assert tolls == {7}


def test_a_count_followed_by_the_list_of_its_parts_is_the_total(nlp):
    text = ("Gunmen kill four soldiers, three police in Kharkiv raid\n\n"
            "Four soldiers and three police officers were killed when gunmen raided a checkpoint in Kharkiv on "
            "Tuesday, military sources said. One officer said there were \"seven dead: three police and four "
            "soldiers\", adding that the search went on.")
    tolls = [e.fatalities for e in _events(nlp, text) if e.event_type in ("Battles", "Violence against civilians")]
    assert tolls and set(tolls) == {7}


def test_a_group_counted_is_no_count_of_the_dead(nlp):
    text = ("Four civilians from one household, including a baby, were killed when a drone struck a farm near "
            "Kharkiv on Sunday, officials said.")
    [ev] = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert ev.fatalities == 4


def test_a_fighter_and_children_killed_by_one_strike_add_up(nlp):
    text = ("An air strike on Thursday hit a farm near Kharkiv, with the militia announcing one dead fighter "
            "and local media saying three children were killed.")
    [ev] = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert ev.fatalities == 4


def test_a_count_of_other_dead_does_not_lower_the_toll(nlp):
    text = ("Eight civilians were killed in an air strike on Kharkiv on Friday, officials said. Another man was "
            "shot dead at a checkpoint in the region, they said.")
    strikes = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert strikes and strikes[0].fatalities == 8


def test_others_dead_at_another_village_are_not_added(nlp):
    text = ("Five members of one family were killed on Monday in shelling of the village of Kozacha Lopan, "
            "while three others died in an air strike in the village of Tsyrkuny, a monitor said.")
    shelling = [e for e in _events(nlp, text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].fatalities == 5


def test_an_age_set_off_by_commas_is_no_count(nlp):
    text = ("Two farmers were working in a field near Kharkiv when a drone struck them on Sunday. One of the men, "
            "63, was killed, the regional governor said.")
    tolls = [e.fatalities for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert tolls and 63 not in tolls


def test_the_toll_put_at_a_number_counts_all_the_dead_not_the_troops_named_after(nlp):
    text = ("Militants shot dead at least seven farmers in their fields outside Kharkiv late on Monday, local "
            "officials said. The army put the toll at five and said its troops were tracking the attackers.")
    [ev] = [e for e in _events(nlp, text) if e.event_type == "Violence against civilians"]
    assert ev.fatalities == 5


def test_one_acts_dead_told_at_two_towns_are_an_incident_per_town(nlp):
    # the lead's total does not compete with the parts, and each town gets its own count and its own
    # stretch of the sentence as evidence
    text = ("Government shelling killed 14 civilians in Idlib province on Monday, a monitor said.\n\n"
            "The monitor said 11 civilians were killed in Saraqib and three in Ariha.")
    evs = [e for e in _events(nlp, text) if e.event_type != "Protests"]
    by_place = {e.place: e for e in evs}
    saraqib = next(e for p, e in by_place.items() if p and p.startswith("Sar"))
    ariha = next(e for p, e in by_place.items() if p and p.startswith("Ar"))
    assert (saraqib.fatalities, ariha.fatalities) == (11, 3)
    assert ariha.evidence[-1]["text"] == "and three in Ariha."
    assert ariha.sub_event_type == saraqib.sub_event_type
    assert len(evs) == 2  # (the lead's total is the first town's incident, no third)


def test_a_place_told_before_its_count_is_that_counts_place(nlp):
    text = ("Gunmen raided two villages in Zamfara State on Sunday, killing six people, residents said. "
            "At Kwanar Bawa, the attackers killed four farmers while in Unguwar Zomo, two herders were killed, a resident said.")
    evs = [e for e in _events(nlp, text) if e.event_type == "Violence against civilians"]
    assert sorted(e.fatalities for e in evs) == [2, 4]
    [zomo] = [e for e in evs if e.fatalities == 2]
    assert zomo.evidence == [{"text": "while in Unguwar Zomo, two herders were killed, a resident said.",
                              "start": text.index("while in Unguwar"), "end": len(text)}]
    assert {e.place for e in evs} == {"Zamfara"}  # (villages the gazetteer lacks: the state the lead names)


def test_the_wounded_at_two_towns_are_two_incidents_with_no_toll(nlp):
    text = "On Tuesday artillery shelling in Saraqib wounded ten people, while three others were wounded in Ariha, officials said."
    evs = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert len(evs) == 2 and {bool(e.fatalities) for e in evs} == {False}
    assert len({e.place for e in evs}) == 2


def test_counts_at_one_town_or_at_no_named_place_stay_one_incident(nlp):
    text = ("Seven people were killed in the shelling of Kharkiv on Monday while five died later in hospital, "
            "medics said. A resident of Kharkiv said nine people were killed at the market and three at the station.")
    evs = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert len(evs) == 1


def test_one_person_killed_with_no_number_is_a_toll_of_one(nlp):
    for text in ("A 52-year-old farmer was shot and killed near Kharkiv on Monday, police said.",
                 "Gunmen attacked a police station in Kharkiv on Monday, killing the station chief, officials said.",
                 "A resident of a village near Kharkiv died after a drone attack on Monday, the governor said."):
        tolls = [e.fatalities for e in _events(nlp, text)]
        assert tolls == [1], text


def test_a_group_killed_with_no_number_is_no_toll_of_one(nlp):
    text = "Gunmen attacked a farm near Kharkiv on Monday, killing the family, police said."
    assert [e.fatalities for e in _events(nlp, text)] in ([None], [0])


def _violent_tolls(nlp, text):
    return {e.fatalities for e in _events(nlp, text)
            if e.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")}


def test_an_exact_count_above_a_more_than_count_is_the_toll(nlp):
    # "more than 20" rules 20 out; 23 agrees with it and is the lowest count that does
    text = ("More than 20 villagers were killed in an attack on the village of Mbala near Kasungu on Sunday, "
            "officials said. The raid, which claimed 23 lives, was blamed on a militia.")
    assert _violent_tolls(nlp, text) == {23}


def test_a_more_than_count_stays_the_toll_beside_a_lower_count(nlp):
    text = ("More than 20 villagers were killed in an attack on the village of Mbala near Kasungu on Sunday, "
            "officials said. A local chief put the number of dead at 18.")
    assert _violent_tolls(nlp, text) == {18}


def test_dozens_is_no_rival_to_a_number(nlp):
    text = ("A drone strike on the market town of Kasungu on Monday killed at least 31 people, a local official "
            "said. Residents said dozens were killed.")
    assert _violent_tolls(nlp, text) == {31}


def test_the_size_of_a_group_is_no_count_of_its_dead(nlp):
    text = ("Two police officers and four militants were killed when a group of nearly 40 militants attacked "
            "a checkpoint near Kasungu on Saturday night, police said.")
    assert _violent_tolls(nlp, text) == {6}


def test_a_family_among_the_dead_is_a_part_of_the_toll(nlp):
    text = ("A drone attack on a market in Kasungu on Sunday killed nine people, including two children, "
            "officials said. A whole family of 4 people died when their stall caught fire.")
    assert _violent_tolls(nlp, text) == {9}


def test_the_number_killed_risen_to_replaces_the_first_count(nlp):
    text = ("Rebels said on Wednesday the number of people killed in an air strike on Kasungu the day before "
            "that they blamed on the army has risen to eight. On Tuesday, a rebel spokesman had said four "
            "children and two women had been killed.")
    assert _violent_tolls(nlp, text) == {8}


def test_another_person_joined_to_a_victim_is_one_more_dead(nlp):
    text = "Gunmen on Tuesday opened fire on a bus near Kasungu town, killing a teacher and another civilian."
    assert _violent_tolls(nlp, text) == {2}


def test_the_dead_listed_after_an_incident_with_no_toll_add_up(nlp):
    text = ("Gunmen attacked the village of Mbala near Kasungu on Sunday, officials said. "
            "Among the dead were four soldiers and eight civilians.")
    assert _violent_tolls(nlp, text) == {12}


def test_people_among_the_dead_after_an_incident_with_no_toll_are_no_toll(nlp):
    text = ("Gunmen attacked the village of Mbala near Kasungu on Sunday, officials said. "
            "Four soldiers were among the dead.")
    assert _violent_tolls(nlp, text) == {None}


def test_the_count_a_part_is_among_is_the_toll(nlp):
    text = "Three guards were among nine civilians who were killed in an attack on a market in Kasungu on Sunday."
    assert _violent_tolls(nlp, text) == {9}


def test_others_who_died_in_another_act_of_the_sentence_are_its_toll(nlp):
    text = ("Six people were killed on Tuesday in shelling of the village of Mbala, while four others died in an "
            "air strike in the village of Kasungu, activists said.")
    tolls = {e.sub_event_type: e.fatalities for e in _events(nlp, text)}
    assert tolls == {"Shelling/artillery/missile attack": 6, "Air/drone strike": 4}


def test_a_count_of_the_one_who_tells_is_no_count_of_the_dead(nlp):
    # "one resident recounted": the teller (``recount``, a verb of speech), never one of the dead the scene
    # described before him suggests
    text = ("Drone strike kills nine at market\n\n"
            "A drone strike blamed on the army has left nine civilians dead after hitting a crowded market in "
            "Kharkiv on Monday.\n\n"
            "Witnesses described a grim scene, with burned bodies, wounded children and grieving families among "
            "the stalls.\n\n"
            "\"The drone came without warning and dropped explosives right on the stalls. We lost many people\u2014men, "
            "women, and children,\" one resident recounted.")
    [ev] = [e for e in _events(nlp, text) if e.event_type == "Explosions/Remote violence"]
    assert ev.fatalities == 9


def test_one_of_its_men_counts_the_men_of_the_force_its_stands_for(nlp):
    # "one of its men" after "the police force": the policeman already counted, not one more dead
    text = ("Three insurgents were killed in a gunfight at a police checkpoint near Kharkiv on Friday, officials "
            "said. A policeman was also killed in the gunfight.\n\n"
            "The regional chief said that while the police force grieved the loss of one of its men, the killing "
            "of the three insurgents was a success.")
    [ev] = [e for e in _events(nlp, text) if e.event_type == "Battles"]
    assert ev.fatalities == 4


def test_one_of_them_shot_dead_is_one_death(nlp):
    # "one of them was shot dead": a count of one told by the pronoun "one", with no figure of its own
    text = ("Taxi drivers blocked the main road into Kharkiv with burning tyres on Friday after one of them was "
            "shot dead by a soldier at a checkpoint, residents said.")
    shot = [e for e in _events(nlp, text) if e.event_type == "Violence against civilians"]
    assert shot and shot[0].fatalities == 1


def test_a_toll_in_another_item_of_a_live_pages_title_is_not_the_strikes(nlp):
    # a live page's title strings its items with semicolons, however long it runs: the ferry's dead are not the
    # strikes' dead
    text = ("Regional war live updates: drone strikes hit several towns around Kharkiv overnight; river ferry "
            "sinking death toll rises to 40\n\n"
            "Drones struck a power station near Kharkiv overnight, the governor said, without giving details.")
    assert all(e.fatalities != 40 for e in _events(nlp, text))


def test_the_rest_a_listed_total_leaves_is_a_part_of_it(nlp):
    # "one fighter" is the one the list of "seven people, including six farmers" leaves: not a rival count
    text = ("At least seven people, including six farmers, were killed on Monday in clashes between militiamen "
            "and soldiers near Kharkiv, officials said. A local official said one fighter was killed and four "
            "were wounded. Six farmers were also killed.")
    clashes = [e for e in _events(nlp, text) if e.event_type == "Battles"]
    assert clashes and clashes[0].fatalities == 7


def test_a_count_after_an_aside_on_an_earlier_incident_is_not_that_incident_s(nlp):
    # "Earlier in May ..." tells another incident: the army's count after it is of the attack told before
    text = ("Gunmen attacked a church in Kharkiv on Sunday, killing 12 people. Earlier in May, the same group "
            "killed 30 villagers in Izium. The army confirmed at least 10 deaths.")
    evs = _events(nlp, text)
    assert sorted(e.fatalities for e in evs if e.fatalities is not None) == [10, 30]
