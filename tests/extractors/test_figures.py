import pytest

from unfog.extractors import figures, statements
from unfog.extractors.context import Context
from unfog.model import Article


def run(nlp, text, source=None):
    ctx = Context(article=Article(id="a", text=text, published="2022-04-22", source=source), doc=nlp(text))
    ctx.statements.extend(statements.extract(ctx))
    return figures.extract(ctx)


def run_located(nlp, text, published):
    """Figures with the places, dates and statements of the stages before them (as the pipeline runs)."""
    from unfog.extractors import dates, places
    ctx = Context(article=Article(id="a", text=text, published=published), doc=nlp(text))
    ctx.places.extend(places.extract(ctx))
    ctx.dates.extend(dates.extract(ctx))
    ctx.statements.extend(statements.extract(ctx))
    return figures.extract(ctx)


def one(figs, phrase):
    hits = [f for f in figs if phrase in f.text or f.text in phrase]
    assert len(hits) == 1, [f.text for f in figs]
    return hits[0]


@pytest.mark.parametrize("text,value,low,high,qualifier", [
    ("More than 4,000 soldiers were killed.", 4000, 4000, None, "more than"),
    ("Up to 300 fighters were killed.", 300, None, 300, "up to"),
    ("About 1,500 civilians were evacuated.", 1500, None, None, "about"),
    ("Some 1.5 million people have fled.", 1_500_000, None, None, "some"),
    ("Between 8,000 and 10,000 civilians remain trapped.", None, 8000, 10000, "between"),
    ("An estimated 8,000-10,000 civilians remain trapped.", None, 8000, 10000, None),
    ("A few hundred civilians remain in the plant.", None, 200, 500, None),
    ("Hundreds of residents have been killed.", None, 200, 999, None),
    ("Tens of thousands of people have fled.", None, 20_000, 99_999, None),
    ("Seven soldiers were wounded.", 7, 7, 7, None),
    ("A dozen soldiers were captured.", 12, 12, 12, None),
])
def test_values_ranges_and_qualifiers(nlp, text, value, low, high, qualifier):
    [f] = run(nlp, text)
    assert (f.value, f.low, f.high) == (value, low, high)
    if qualifier:
        assert f.qualifier == qualifier
    assert f.text == text[f.start:f.end]


@pytest.mark.parametrize("text,category,group", [
    ("Twelve civilians died in the strike.", "killed", "civilians"),
    ("The death toll rose to 300.", "killed", "people"),
    ("Thirty-one people were injured.", "wounded", "people"),
    ("Some 270 marines surrendered.", "captured", "combatants"),
    ("Forty soldiers were taken prisoner.", "captured", "combatants"),
    ("Three suspected people had been taken into custody.", "captured", "people"),  # arrests, not casualties
    # the participle after "and others" is theirs, though the parser may hang it on the counted noun
    ("The group said it killed 12 soldiers and others injured when it attacked a barracks.", "killed", "combatants"),
    ("Twenty residents are missing.", "missing", "civilians"),
    ("More than 300 civilians were evacuated.", "evacuated", "civilians"),
    ("About 2,500 people left through a humanitarian corridor.", "evacuated", "people"),
    ("Around 1,000 civilians are sheltering in the tunnels.", "trapped", "civilians"),
    ("Some 40,000 Russian troops are massed near the border.", "troops", "combatants"),
    ("An estimated 2,000 Ukrainian troops remain in the plant.", "troops", "combatants"),
    ("More than 5 million refugees have fled the country.", "displaced", "civilians"),
    # a noun before the counted one says who they are, not what befell them
    ("A second strike an hour later killed three rescue workers.", "killed", "civilians"),
    ("Two evacuation drivers were wounded.", "wounded", "civilians"),
    ("Soldiers rescued 12 aid workers.", "evacuated", "civilians"),
    ("The blast killed two suicide bombers.", "killed", "combatants"),
    ("Military Airstrike Kills At Least 50 Civilians In Village", "killed", "civilians"),  # a title-case headline
    # the attackers named with the toll are not the dead it counts
    ("The death toll from an attack by jihadists on a village rose to 81.", "killed", "people"),
])
def test_categories_and_groups(nlp, text, category, group):
    [f] = run(nlp, text)
    assert f.category == category
    assert f.group == group


def test_a_count_held_as_prisoners_is_captured_even_joined_to_a_killing(nlp):
    figs = run(nlp, "The rebels said their men had killed 9 soldiers near the dam and were holding three soldiers "
                    "as prisoners of war.")
    assert one(figs, "9 soldiers").category == "killed"
    assert one(figs, "three soldiers").category == "captured"


def test_group_side_and_claimant_from_statement(nlp):
    text = "Mr Shoigu said that more than 4,000 Ukrainian soldiers were killed in the fighting and 1,478 captured."
    figs = run(nlp, text)
    a, b = one(figs, "4,000 Ukrainian soldiers"), one(figs, "1,478")
    assert a.group_side == "UKR" and a.claimant == "Sergei Shoigu" and a.claimant_side == "RUS"
    assert b.category == "captured" and b.statement_id == a.statement_id is not None


def test_article_voice_claimant_convention(nlp):
    [f] = run(nlp, "Five civilians were killed in the strike.")
    assert f.claimant == "article" and f.claimant_side == "MEDIA" and f.statement_id is None
    [g] = run(nlp, "Five civilians were killed in the strike.", source="Russia's defence ministry")
    assert g.claimant == "Russia's defence ministry" and g.claimant_side == "RUS"


def test_unverified_caveat_covers_previous_paragraph(nlp):
    text = ("Mr Shoigu said 4,000 soldiers had been killed.\n\nThe figures could not be independently verified.\n\n"
            "Later, 30 civilians were evacuated.")
    figs = run(nlp, text)
    assert one(figs, "4,000").verified is False
    assert one(figs, "30 civilians").verified is None


def test_general_caveat_covers_the_article(nlp):
    text = "Ten soldiers were killed.\n\nLater 30 civilians were evacuated. Claims by either side could not be verified."
    assert all(f.verified is False for f in run(nlp, text))


@pytest.mark.parametrize("text", [
    "The war began on Feb 24, 2022 and in 2014 Crimea was seized.",
    "The 36th Marine Brigade held the plant for 80 days.",
    "The city is 140 miles (230 kilometres) away.",
    "A nine-storey building and a 12-year-old boy.",
    "Prices rose 20% and aid reached $5 million.",
    "The meeting began at 10:30 and lasted two hours.",
    "One of the soldiers said one must wait.",
    "Three school buses arrived and two ultimatums were ignored.",
    "World War Two ended decades ago.",
])
def test_never_figures(nlp, text):
    assert run(nlp, text) == []


def test_population_is_other(nlp):
    [f] = run(nlp, "The port, where more than 400,000 people lived before the invasion, has fallen.")
    assert f.category == "other" and f.value == 400000


def test_ids_stable(nlp):
    text = "Russian shelling killed 12 civilians and wounded 31 others."
    a, b = run(nlp, text), run(nlp, text)
    assert [f.id for f in a] == [f.id for f in b] and len(a) == 2


@pytest.mark.parametrize("text", ["", "1" * 5000, "\u00a0\u202f9\u202f000 \u0661\u0662 people", "- - 3 - -", "one one one",
                                  "between and 5", "a few hundred", "tens of", "\ud7ff 12 \x00 soldiers", "1e400 soldiers"])
def test_hostile_text_never_crashes(nlp, text):
    for f in run(nlp, text):
        assert f.text == text[f.start:f.end]


# --- scores on the hand-made gold (benchmarks/score_claims.py); thresholds sit just under what
# the rules achieve, so a regression fails here. The holdout article was not used for tuning.

def _scores(nlp, gold, folder):
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("score_claims", root / "benchmarks" / "score_claims.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.run(root / "tests" / "gold" / "claims" / gold, folder, nlp=nlp)


def test_scores_on_own_fixtures(nlp):
    from pathlib import Path

    s = _scores(nlp, "fixtures.json", Path(__file__).resolve().parents[1] / "fixtures" / "claims")
    tuned, holdout = s["tuned"], s["holdout"]
    assert tuned["figure_f1"] >= 0.93
    assert tuned["claimant_accuracy"] >= 0.88
    assert tuned["speaker_accuracy"] >= 0.95
    assert holdout["figure_f1"] >= 0.85
    assert holdout["speaker_accuracy"] >= 0.85


def test_scores_on_seeds(nlp):
    import os
    from pathlib import Path

    # the seeds live beside the repository (as in tests/conftest.py; not imported: another
    # conftest.py may shadow it on sys.path)
    repo = Path(__file__).resolve().parents[2]
    SEEDS = Path(os.environ.get("UNFOG_SHARED", repo.parent / "shared")) / "seeds"
    if not SEEDS.exists():
        pytest.skip("seeds not available")
    s = _scores(nlp, "seeds.json", SEEDS)["tuned"]
    assert s["figure_f1"] >= 0.95
    assert s["claimant_accuracy"] >= 0.93
    assert s["speaker_accuracy"] >= 0.95


def test_a_gold_file_outside_the_repository_is_scored(tmp_path, capsys):
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("score_claims", root / "benchmarks" / "score_claims.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = "Seven soldiers were killed in the ambush, the army said."
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(text, encoding="utf-8")
    gold = {"a.txt": {"source": None, "published": "2025-01-02", "holdout": True, "statements": [],
                      "figures": [{"span": "Seven soldiers", "start": 0, "end": 14, "value": 7, "low": 7, "high": 7,
                                   "category": "killed", "claimant": ["army"], "claimant_side": "XXX"}]}}
    (tmp_path / "real.json").write_text(json.dumps(gold), encoding="utf-8")
    assert mod.main(["--gold-file", str(tmp_path / "real.json"), "--texts", str(tmp_path / "texts")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("real"))
    assert "R=1.000" in line and "claimant=0.000 (0/1)" in line  # found; the side (XXX) is wrong on purpose


@pytest.mark.parametrize("text,phrase,category", [
    ("The death toll from the strike on the railway station has risen to 57, the governor said.", "57", "killed"),
    ("The death toll from the strike on a block of flats has climbed to 30, officials said.", "30", "killed"),
    ("The number of wounded has climbed to 85, officials said.", "85", "wounded"),
    ("Officials put the death toll at 41.", "41", "killed"),
    ("Some 300 troops were moved by train to the station.", "300", "troops"),
])
def test_figure_that_completes_a_tally(nlp, text, phrase, category):
    # the value of a tally ("toll ... risen to N") counts what the tally counts; the noun
    # "station" (or "train") is not the troop verb
    assert one(run(nlp, text), phrase).category == category


@pytest.mark.parametrize("text,phrase,category", [
    ("The strike killed at least 20 people on Monday. Eight of them were children, the mayor said.", "Eight of them", "killed"),
    ("About 300 civilians were evacuated on Friday. And 40 of them were children.", "40 of them", "evacuated"),
])
def test_part_of_a_figure_inherits_its_category(nlp, text, phrase, category):
    assert one(run(nlp, text), phrase).category == category


def test_claimant_of_a_relative_clause_on_the_counted_noun(nlp):
    text = "The spokesman said Moscow knew nothing about 1,300 people the Ukrainians say are missing."
    f = one(run(nlp, text), "1,300 people")
    assert f.claimant == "Ukrainians" and f.claimant_side == "UKR"


# ---- issue 19: figures as real reporting writes them (our own sentences) ------------------------

def values(figs):
    return sorted((f.value, f.category) for f in figs if f.value is not None)


@pytest.mark.parametrize("text,expected", [
    ("Twenty-two soldiers were killed.", [(22, "killed")]),
    ("Thirty-five civilians died in the attack.", [(35, "killed")]),
    ("Forty-nine troops killed in plane crash", [(49, "killed")]),
    ("A dozen miners were injured.", [(12, "wounded")]),
])
def test_number_words_of_any_form(nlp, text, expected):
    assert values(run(nlp, text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Missile strike kills 16, injures 114 in port city", [(16, "killed"), (114, "wounded")]),
    ("Two civilians killed, 9 wounded in overnight shelling", [(2, "killed"), (9, "wounded")]),
    ("One policeman killed, one injured in checkpoint attack", [(1, "killed"), (1, "wounded")]),
    ("The brigade reported 3 KIA and 7 WIA after the assault.", [(3, "killed"), (7, "wounded")]),
])
def test_each_number_gets_its_own_category(nlp, text, expected):
    assert values(run(nlp, text)) == expected


def test_subset_points_to_its_total(nlp):
    figs = run(nlp, "The strike killed four people, including three children, the mayor said.")
    total, part = sorted(figs, key=lambda f: -f.value)
    assert (total.value, part.value) == (4, 3)
    assert part.subset_of == total.id and part.category == "killed"
    assert total.subset_of is None


@pytest.mark.parametrize("text,category", [
    ("Woman killed in shelling of border village", "killed"),
    ("A soldier died of wounds in hospital on Tuesday.", "killed"),
    ("Aid worker injured in drone strike on convoy", "wounded"),
])
def test_single_victims_count_as_one(nlp, text, category):
    [f] = run(nlp, text)
    assert (f.value, f.category) == (1, category)


def test_toll_rises_to(nlp):
    [f] = run(nlp, "Death toll from the dam collapse rises to 57 - regional governor")
    assert (f.value, f.category, f.claimant) == (57, "killed", "regional governor")


def test_vague_amounts_are_ranges(nlp):
    figs = run(nlp, "Dozens dead after strike on market")
    assert [(f.value, f.low, f.high, f.category) for f in figs] == [(None, 24, 99, "killed")]


@pytest.mark.parametrize("text", [
    "The army said 45 drones and 3 missiles were launched overnight.",
    "Monitors counted 120 ceasefire violations in the region.",
    "Rebels carried out 14 attacks on the town, destroying 30 buildings.",
    "UPDATE 1-Talks on prisoner exchange resume",
    "Live Day 273: Parliament meets",
])
def test_things_that_are_not_people_figures(nlp, text):
    assert [f for f in run(nlp, text) if f.category != "other"] == []


def test_ages_are_not_figures_but_the_child_is_one(nlp):
    figs = run(nlp, "An 8-year-old boy was wounded in the shelling.")
    assert [(f.value, f.category) for f in figs] == [(1, "wounded")]


def test_claim_carried_into_a_continuation_sentence(nlp):
    text = "At least 40 people were killed, the health ministry said. Another 120 were wounded."
    figs = run(nlp, text)
    wounded = [f for f in figs if f.category == "wounded"][0]
    assert wounded.claimant == "health ministry" and wounded.statement_id is not None


def test_outlet_is_claimant_only_in_its_own_voice(nlp):
    [f] = run(nlp, "Three soldiers were killed in the raid.", source="Wire")
    assert f.claimant == "Wire" and f.claimant_side == "MEDIA"
    [f] = run(nlp, "Three soldiers were killed in the raid - Kenyan military", source="Wire")
    assert f.claimant == "Kenyan military" and f.claimant_side == "KEN"


def test_a_bare_number_continues_the_count_before_it(nlp):
    # the sentence before speaks of deaths; "39" continues the injured count of its own sentence
    text = ("The attack on the camp spanned two days, with two fatalities on Sunday and five more on Monday, "
            "according to Ann Roe, director of the regional health office.\n\nSpeaking to a news agency by phone, "
            "Roe said 20 people were injured in Sunday's bombardment, followed by 31 on Monday.")
    figs = run(nlp, text)
    assert one(figs, "31").category == "wounded"


def test_the_verb_before_a_coordinated_number_decides_its_category(nlp):
    text = "The war has claimed an estimated 20,000 lives and displaced millions, the agency said."
    figs = run(nlp, text)
    assert one(figs, "20,000").category == "killed"
    assert one(figs, "millions").category == "displaced"


@pytest.mark.parametrize("text,phrase", [
    # the verb hands people over and the sentence names the exchange
    ("The defence ministry said 75 soldiers were handed over to the other side in the swap.", "75 soldiers"),
    ("Both sides said they had swapped 64 servicemen on Monday.", "64 servicemen"),
    # the exchange is named a sentence or two before the count
    ("The two armies carried out a prisoner exchange on Friday.\n\nThe president said 81 defenders were back home.",
     "81 defenders"),
])
def test_people_handed_over_in_an_exchange_are_prisoners(nlp, text, phrase):
    assert one(run(nlp, text), phrase).category == "captured"


def test_an_exchange_of_fire_is_not_a_prisoner_exchange(nlp):
    text = "After an exchange of fire near the bridge, 40 soldiers were sent to reinforce the line, the army said."
    assert one(run(nlp, text), "40 soldiers").category != "captured"


def test_the_number_of_people_killed_is_a_death_toll(nlp):
    text = "The number of people killed in the strike on the bus depot has reached 41, the mayor said."
    assert one(run(nlp, text), "41").category == "killed"


@pytest.mark.parametrize("text", [
    "The toll from Saturday's strike on the refugee camp has risen to 19, the ministry said.",
    "Medics said the strike on the refugee camp killed 19.",
])
def test_a_noun_modifier_is_not_the_counted_group(nlp, text):
    assert one(run(nlp, text), "19").group == "people"  # the camp's "refugee" counts no one


def test_its_soldiers_are_the_speakers_own(nlp):
    figs = run(nlp, "The Ukrainian army said 95 of its soldiers had been freed in the exchange on Sunday.")
    assert one(figs, "95").group_side == "UKR"
    figs = run(nlp, "Russia's defence ministry said Ukraine had lost 300 of its soldiers near the river.")
    assert one(figs, "300").group_side != "RUS"


def test_members_of_a_family_are_civilians(nlp):
    figs = run(nlp, "The air strike on the house killed 11 members of one family, medics said.")
    assert one(figs, "11 members").group == "civilians"


def test_counts_told_day_by_day_are_parts_of_their_total(nlp):
    text = ("Shelling of the camp killed at least nine people, a medic said.\n\n"
            "There were four deaths on Friday and five more on Saturday, according to the camp's director.")
    figs = run(nlp, text)
    total = one(figs, "nine people")
    assert one(figs, "four deaths").subset_of == total.id and one(figs, "five").subset_of == total.id


def test_people_arrested_are_counted_as_captured_not_as_the_dead_before(nlp):
    text = ("The monitors recorded over 200 deaths since March. They also said that more than 900 people "
            "have been arrested in the province since the curfew began.")
    figs = run(nlp, text)
    assert one(figs, "900 people").category == "captured"
    assert one(figs, "200 deaths").category == "killed"


def test_worshippers_and_herders_are_people_killed(nlp):
    from unfog.lexicons import people
    assert {"worshipper", "herder", "mourner"} <= people.CIVILIAN_NOUNS


def test_every_part_of_an_among_them_list_points_to_the_total(nlp):
    figs = run(nlp, "At least 40 people were killed, among them six children, two nurses and three guards, the ministry said.")
    total = one(figs, "40 people")
    parts = [one(figs, p) for p in ("six children", "two nurses", "three guards")]
    assert all(p.subset_of == total.id and p.category == "killed" for p in parts)
@pytest.mark.parametrize("text,phrase,category", [
    ("A police spokesman said no officers were hurt in the blast.", "no officers", "wounded"),
    ("The navy said none of its sailors had been taken prisoner.", "none of its sailors", "captured"),
    ("Villagers said no children were killed when the shell landed.", "no children", "killed"),
])
def test_a_denial_of_losses_counts_nobody(nlp, text, phrase, category):
    f = one(run(nlp, text), phrase)
    assert (f.value, f.category) == (0, category)


@pytest.mark.parametrize("text", [
    "There were no soldiers in the village when the drones came, the mayor said.",
    "No aid workers have been sent to the camp yet.",
    "No group has said it carried out the raid.",
])
def test_no_is_a_count_only_of_losses(nlp, text):
    assert [f for f in run(nlp, text) if f.value == 0] == []


def test_a_number_that_sizes_a_unit_is_not_a_count(nlp):
    figs = run(nlp, "A 60-man patrol was ambushed near the river and three soldiers were killed.")
    assert [f.value for f in figs] == [3]


def test_martyrs_are_the_dead(nlp):
    f = one(run(nlp, "The rescue service said 11 martyrs were pulled from the rubble."), "11 martyrs")
    assert f.category == "killed"


def test_a_verbs_particle_is_no_qualifier(nlp):
    f = one(run(nlp, "The ministry said it had handed over 80 prisoners in the swap."), "80 prisoners")
    assert (f.value, f.qualifier) == (80, None)


def test_no_casualties_is_nobody_killed(nlp):
    f = one(run(nlp, "The air force said there were no civilian casualties in the raid."), "no civilian casualties")
    assert (f.value, f.category, f.group) == (0, "killed", "civilians")


def test_the_day_of_the_telling_does_not_date_the_count():
    from unfog.api import extract_stream, to_articles

    def figs(text):
        [res] = extract_stream(list(to_articles([{"id": "t", "text": text, "published": "2024-10-12"}])))
        return res.figures

    f = one(figs("The governor said on Saturday that 26 people were killed in the bombing on Wednesday."), "26 people")
    assert f.date == "2024-10-09"
    f = one(figs("The governor said on Saturday that 26 people were killed in the bombing."), "26 people")
    assert f.date is None
    g = one(figs("On Friday the ministry said the death toll had risen to 27."), "27")
    assert g.date == "2024-10-11"  # a toll told as risen is the toll as of that day


def test_a_bodys_figure_is_that_bodys(nlp):
    figs = run(nlp, "Village elders said 60 people were killed, against an army figure of 12.")
    assert one(figs, "12").claimant == "army"
    assert one(figs, "60 people").claimant != "army"


def test_prisoners_handed_over_in_an_exchange_are_captured(nlp):
    text = ("The two sides carried out a prisoner exchange on Wednesday. The ministry confirmed that it had handed "
            "over 60 enemy soldiers in return.")
    f = one(run(nlp, text), "60 enemy soldiers")
    assert (f.category, f.qualifier) == ("captured", None)


def test_the_number_of_people_who_fled_counts_the_displaced(nlp):
    f = one(run(nlp, "The agency said the number of people who had fled the province had risen to 90,000."), "90,000")
    assert f.category == "displaced"


def test_members_are_whose_members_they_are(nlp):
    figs = run(nlp, "Gunmen abducted six members of the community. Two members of the militia were killed.")
    assert one(figs, "six members").group == "people"
    assert one(figs, "Two members").group == "combatants"


def test_among_those_killed_names_parts_of_the_toll_told_before(nlp):
    figs = run(nlp, "At least 90 people were killed in the strikes, the ministry said. It added that among those "
                    "killed on Monday were 12 women and 8 children.")
    total = one(figs, "90 people")
    assert one(figs, "12 women").subset_of == total.id and one(figs, "8 children").subset_of == total.id


def test_a_count_among_another_is_a_part_of_it(nlp):
    figs = run(nlp, "The official said two children were among five civilians killed in the raid.")
    assert one(figs, "two children").subset_of == one(figs, "five civilians").id
    assert one(figs, "two children").category == "killed"


def test_a_date_in_a_coordinated_clause_of_its_own_does_not_date_the_count(nlp):
    text = ("The army killed 19 people in an air attack, the militia said, as the army tries to recover "
            "territory it lost last year.")
    assert one(run_located(nlp, text, "2025-01-27"), "19 people").date is None


def test_a_year_after_since_is_no_count_even_beside_a_toll(nlp):
    figs = run(nlp, "The insurgency has killed tens of thousands of people since 2009.")
    assert all(f.value != 2009 for f in figs)


def test_the_dateline_and_a_neighbour_are_not_where_a_count_was_made(nlp):
    text = ("KANO, May 13 - Gunmen killed at least 37 people in an attack on a village near the border with "
            "Niger on Sunday night, residents said.")
    f = one(run_located(nlp, text, "2025-05-13"), "37 people")
    assert f.place is None and f.date == "2025-05-11"


def test_a_when_clause_dates_the_count_of_its_sentence(nlp):
    text = "Gunmen killed at least 40 people when they stormed the town on Monday, the mayor said on Wednesday."
    assert one(run_located(nlp, text, "2025-09-17"), "40 people").date == "2025-09-15"


@pytest.mark.parametrize("text,phrase,group", [
    # the words state forces' media use for the men they killed
    ("Six terrorists were killed in the exchange of fire, the military's media wing said.", "Six terrorists", "combatants"),
    ("Three terrorists were neutralised by the armed forces, the ministry said.", "Three terrorists", "combatants"),
    ("Two terrorists were \"sent to hell\" during the operation, the army said.", "Two terrorists", "combatants"),
    ("Four soldiers embraced martyrdom in the attack, the army said.", "Four soldiers", "combatants"),
])
def test_state_media_words_for_the_killed(nlp, text, phrase, group):
    f = one(run(nlp, text), phrase)
    assert f.category == "killed" and f.group == group


def test_members_of_an_armed_group_and_a_partys_own_men_are_combatants(nlp):
    figs = run(nlp, "The clash left 12 ELN members and 9 guerrillas dead, the army said.")
    assert one(figs, "12 ELN members").group == "combatants"
    assert one(figs, "9 guerrillas").group == "combatants"
    figs = run(nlp, "\"We have five of our men assassinated,\" Army General Tomas Reyes told a radio station.")
    f = one(figs, "five of our men")
    assert f.group == "combatants" and f.category == "killed"
    # a mayor's "our people" are still the town's residents
    figs = run(nlp, "\"Seven of our people were killed,\" the mayor said.")
    assert one(figs, "Seven of our people").group != "combatants"


def test_a_later_line_naming_only_the_toll_credits_the_count_before_it(nlp):
    text = ("At least 120 people have been killed and 300 injured in strikes on the valley today.\n\n"
            "Smoke rose over the southern districts into the evening.\n\n"
            "The new death toll was reported by the regional health office.")
    figs = run(nlp, text)
    assert {f.claimant for f in figs} == {"regional health office"}
    # a count with a source of its own keeps it
    text = "Police said 12 people were killed in the raid.\n\nThe toll was confirmed by the governor."
    assert one(run(nlp, text), "12 people").claimant == "Police"


def test_hearsay_counts_are_the_claim_of_the_sentence_before(nlp):
    text = ("In a statement, the army reported that the assault on the town was repelled. At least 30 rebels "
            "were said to be wounded in the fighting.")
    assert one(run(nlp, text), "At least 30 rebels").claimant == "army"


def test_two_claimants_of_one_headline_each_keep_their_count(nlp):
    figs = run(nlp, "Rebels claim killing 20 soldiers; army says 3 died")
    assert one(figs, "20 soldiers").claimant == "Rebels" and one(figs, "3").claimant == "army"


def test_a_headlines_source_after_the_dash_is_no_one_counted(nlp):
    f = one(run(nlp, "Blast kills 12 at market in northeast town - police"), "12")
    assert f.group == "people" and f.claimant == "police"


@pytest.mark.parametrize("text,phrase", [
    ("Two gunmen on a motorcycle shot dead a police officer in the town on Monday, police said.", "Two gunmen"),
    ("Three attackers wounded a guard at the gate, the army said.", "Three attackers"),
])
def test_who_did_the_killing_is_not_who_was_killed(nlp, text, phrase):
    assert one(run(nlp, text), phrase).category != "killed"


def test_a_toll_given_by_a_source_in_the_next_paragraph_credits_the_whole_account(nlp):
    text = ("Rockets hit a bus station in the town on Monday, killing at least 27 people, among them "
            "five nurses and two drivers. At least 40 were said to be wounded.\n\n"
            "The toll was given by the provincial health office, which blamed the Rapid Support Forces (RSF).")
    figs = run(nlp, text)
    assert {f.value: f.claimant for f in figs} == {27: "provincial health office", 5: "provincial health office",
                                                   2: "provincial health office", 40: "provincial health office"}
    assert one(figs, "At least 40").group == "people"  # the whole of the sentence before, not its last part


def test_a_monitor_that_gave_a_toll_is_it_in_the_next_sentence(nlp):
    text = ("The army said nine fighters were killed. A monitoring group, the Eastern Casualty Project, gave a "
            "higher toll. Between 20 and 24 people had been killed since Friday, it said.")
    figs = run(nlp, text)
    assert one(figs, "Between 20 and 24").claimant == "Eastern Casualty Project"
    assert one(figs, "Between 20 and 24").claimant_side == "INT"


def test_parts_of_those_killed_and_the_rest_also_killed_are_parts_of_the_toll(nlp):
    text = ("A strike killed 20 people near the market on Monday, according to the hospital.\n\n"
            "The hospital said nine of those killed were children. It said five women and six men were also killed.")
    figs = run(nlp, text)
    total = one(figs, "20 people")
    assert {f.value for f in figs if f.subset_of == total.id} == {9, 5, 6}


def test_a_part_of_a_whole_counted_as_dead_without_a_number_is_dead(nlp):
    text = '"All of the martyrs are from one family, including five children," a rescuer told reporters.'
    assert one(run(nlp, text), "five children").category == "killed"


def test_a_count_before_another_count_s_noun_is_not_its_count(nlp):
    text = "The death toll from the shelling has exceeded 1,200 and over 3,000 people have been injured, the ministry said."
    figs = run(nlp, text)
    assert one(figs, "1,200").category == "killed" and one(figs, "3,000").category == "wounded"


def test_a_count_with_its_own_verb_after_a_list_of_parts_is_no_part(nlp):
    text = ("The toll has risen to 940, including 310 children and 190 women, and 2,400 people sustained "
            "injuries, the ministry said.")
    figs = run(nlp, text)
    assert one(figs, "2,400").category == "wounded" and one(figs, "2,400").subset_of is None


def test_a_count_among_those_said_killed_is_killed(nlp):
    text = "The rebels' spokesman said four women were among those the army claimed were killed on Monday."
    assert one(run(nlp, text), "four women").category == "killed"


def test_some_of_the_wounded_who_died_are_dead_not_wounded(nlp):
    text = "Four of the wounded succumbed to their injuries overnight, the committee said."
    f = one(run(nlp, text), "Four")
    assert f.category == "killed" and f.subset_of is None


def test_a_count_of_whom_is_a_part_of_the_count_before(nlp):
    text = "The bodies of nine men were found in a field, police said. Three of whom had been bound, police said."
    figs = run(nlp, text)
    assert one(figs, "Three").subset_of == one(figs, "nine men").id


def test_a_tally_whose_participle_says_what_it_counts(nlp):
    # "the number of people killed ... has grown to 28 people": the number is the tally's value
    text = "The number of people killed when the shell hit the depot has grown to 28 people, the governor said."
    assert one(run(nlp, text), "28 people").category == "killed"


def test_a_tally_estimated_to_be_a_count_and_the_source_it_names(nlp):
    text = "The first death toll by the African Union was estimated to be at least 90."
    f = one(run(nlp, text), "90")
    assert f.category == "killed" and f.claimant == "African Union" and f.claimant_side == "INT"


def test_a_toll_from_a_place_names_no_source(nlp):
    text = "The toll from Kassala violence rose to 12 on Monday."
    assert one(run(nlp, text), "12").claimant != "Kassala"


def test_two_speakers_of_one_sentence_each_keep_their_count(nlp):
    text = "While a spokesman for the police could verify only 6 deaths, a local radio station reported 19 dead."
    figs = run(nlp, text)
    assert one(figs, "6 deaths").claimant == "a spokesman for the police"
    assert one(figs, "19 dead").claimant == "a local radio station"


def test_the_one_quoted_by_an_outlet_is_the_claimant(nlp):
    text = '"I counted more than 40 bodies," Hakimi was quoted by the weekly as saying.'
    assert one(run(nlp, text), "40 bodies").claimant == "Hakimi"


def test_a_verb_joined_to_the_complement_says_what_happened_to_the_counted(nlp):
    # ("... and several others were injured" is joined to the clause: the others' verb, not the 40's)
    text = 'The governor said "some 25 farmers were surprised and killed with knives and several others were gravely hurt."'
    assert one(run(nlp, text), "25 farmers").category == "killed"


def test_a_troop_word_on_the_counted_says_who_they_are_not_what_happened(nlp):
    text = "The group claimed to have killed 30 locally mobilised militia members near the town."
    assert one(run(nlp, text), "30").category == "killed"


def test_a_tally_of_people_freed_in_an_exchange_counts_prisoners(nlp):
    text = "The number of soldiers freed in Friday's prisoner exchange has risen to 140, the ministry said."
    assert one(run(nlp, text), "140").category == "captured"


@pytest.mark.parametrize("text,phrase,claimant", [
    ("\"The toll has risen to 22,\" the provincial spokesman said, raising a toll of 17 provided by police.", "17", "police"),
    ("The toll was far above the initial figure reported by the army on Sunday of just 16 dead, the mayor said.",
     "16 dead", "army"),
])
def test_a_tally_keeps_the_source_named_with_it(nlp, text, phrase, claimant):
    assert one(run(nlp, text), phrase).claimant == claimant


def test_a_state_body_named_with_a_tally_speaks_for_the_report_country(nlp):
    text = "Gunmen attacked a station in Quetta, Pakistan. The toll rose to 22, up from a toll of 17 provided by police."
    f = one(run_located(nlp, text, "2024-11-09"), "17")
    assert (f.claimant, f.claimant_side) == ("police", "PAK")


@pytest.mark.parametrize("text,phrase,category,group", [
    ("Eleven Nigerien soldiers were killed in the ambush.", "Eleven", "killed", "combatants"),  # a demonym between
    ("Gunmen killed 20 militia members at a checkpoint.", "20", "killed", "combatants"),
    ("The strike killed three Hezbollah operatives.", "three", "killed", "combatants"),
    ("Four soldiers embraced martyrdom in the clash.", "Four", "killed", "combatants"),  # the death is no victim
    ("The insurgency has claimed thousands of lives and driven two million people from their homes.", "two million",
     "displaced", "people"),
    ("Militants raided the village, wounding a resident.", "a resident", "wounded", "civilians"),  # one victim
])
def test_who_the_counted_are_in_other_words(nlp, text, phrase, category, group):
    f = one(run(nlp, text), phrase)
    assert (f.category, f.group) == (category, group)


@pytest.mark.parametrize("text", [
    "U.S. strikes killed four people, the rebels said.",  # the state acting is not where they died
    "Forty wounded civilians were evacuated to Kyiv on Monday.",  # nor is where they were taken
])
def test_a_figure_is_not_placed_at_the_actor_or_the_destination(nlp, text):
    [f] = run_located(nlp, text, "2024-05-01")
    assert f.place is None


@pytest.mark.parametrize("text,phrase,value,category", [
    ("A farmer said half-a-dozen villagers were hurt in the raid.", "half-a-dozen", 6, "wounded"),
    ("Half a dozen guards died when the convoy was ambushed.", "Half a dozen", 6, "killed"),
    ("Rebels have killed 3,000 people and left 40,000 homeless since 2017.", "40,000", 40000, "displaced"),
    ("Volunteers carried the corpses of 15 people to the mosque.", "15", 15, "killed"),  # the dead, moved
])
def test_counts_written_around_a_measure_word(nlp, text, phrase, value, category):
    f = one(run(nlp, text), phrase)
    assert (f.value, f.category) == (value, category)


@pytest.mark.parametrize("text", [
    "A second police officer confirmed the death toll.",  # who told it, not one more victim
    "Raiders shot dead 12 herders, a local vigilante, a councillor and a police source said.",
])
def test_a_single_source_is_no_count_of_one(nlp, text):
    assert all(f.value != 1 for f in run(nlp, text))


def test_a_victim_before_the_source_is_still_counted(nlp):
    f = one(run(nlp, "Gunmen killed a farmer, police said."), "a farmer")
    assert (f.value, f.category) == (1, "killed")


def test_counts_listed_after_a_count_share_what_befell_it(nlp):
    figs = run(nlp, "The blast killed two policemen, two private guards and three labourers, officials said.")
    assert [(f.value, f.category) for f in figs] == [(2, "killed"), (2, "killed"), (3, "killed")]


def test_a_count_of_who_was_there_is_no_toll(nlp):
    figs = run(nlp, 'A survivor said: "We were 40 families in the school. Then shells fell, killing nine of us."')
    assert one(figs, "40 families").category == "other" and one(figs, "nine of us").category == "killed"


def test_a_second_verb_does_not_recategorise_a_toll_its_own_verb_gives(nlp):
    f = one(run(nlp, "The insurgents said they had killed 25 soldiers and left the village before dawn."), "25")
    assert f.category == "killed"


def test_a_bare_number_after_a_count_of_things_is_no_toll(nlp):
    assert run(nlp, "Air defences intercepted 20 drones overnight. Eighteen were destroyed over the sea.") == []


def test_each_victim_of_a_pair_joined_by_and_is_counted(nlp):
    figs = run(nlp, '"A 70-year-old man and a 45-year-old woman died," the mayor wrote.')
    assert [(f.value, f.category) for f in figs] == [(1, "killed"), (1, "killed")]


@pytest.mark.parametrize("text,phrase,low,high", [
    ("Another official said seven or eight militants were wounded.", "seven or eight", 7, 8),
    ("Ten or more soldiers died in the ambush.", "Ten or more", 10, None),
    ("Five or fewer civilians were hurt.", "Five or fewer", None, 5),
])
def test_ranges_and_bounds_told_with_or(nlp, text, phrase, low, high):
    f = one(run(nlp, text), phrase)
    assert (f.low, f.high) == (low, high)


def test_who_holds_a_place_is_not_who_was_counted(nlp):
    # "a rebel-held town": an adjective of the place; the bare toll after it counts no rebels
    figs = run(nlp, "A monitoring group raised the toll from the strike on a market in a rebel-held town to 19.")
    assert one(figs, "19").group != "combatants"


def test_a_lead_count_restated_by_a_named_speaker_keeps_the_reports_voice(nlp):
    # (the text tells the lead in the outlet's voice; the cross-check alone hears it as the speaker's claim:
    # fuse.credit_lead_counts, tests/fusion/test_count_rules.py)
    text = ("Three air strikes hit a market in Taldo on Monday, killing at least 40 people.\n\nDr. Sami Ural, the "
            "director of the Taldo clinic, said he had a list of the names of 40 people killed.")
    figs = run(nlp, text, source="Plain Herald")
    lead = next(f for f in figs if f.text == "at least 40 people")
    assert lead.claimant == "Plain Herald" and lead.claimant_side == "MEDIA" and lead.statement_id is None, lead
    told = next(f for f in figs if f.text.startswith("40 people") and f.start > lead.start)
    assert "Ural" in (told.claimant or "") and told.claimant_side != "MEDIA", told


def test_a_number_in_a_name_is_no_count(nlp):
    assert run(nlp, '"They shot them one by one," a witness told radio station Kiskeya 7.') == []


@pytest.mark.parametrize("text,phrase,category", [
    ("It said six women and two boys were among those killed, and at least 11 others badly hurt.", "six women",
     "killed"),
    ("It said six women and two boys were among those killed, and at least 11 others badly hurt.", "11 others",
     "wounded"),
    ("The raid also caused the displacement of about 2,000 people, the agency said.", "2,000", "displaced"),
])
def test_lists_and_nouns_of_what_befell_them(nlp, text, phrase, category):
    assert one(run(nlp, text), phrase).category == category


def test_counts_of_other_people_in_another_incident_are_not_parts_of_a_total(nlp):
    text = ("A roadside bomb killed five construction workers near Jalalabad. Earlier, a similar bomb killed two "
            "police officers in Kandahar, while three children died from a grenade in the north.")
    figs = run(nlp, text)
    assert one(figs, "two police officers").subset_of is None and one(figs, "three children").subset_of is None


def test_counts_of_two_acts_in_one_sentence_are_not_parts_of_a_headline_sum(nlp):
    text = ("Bomb, raid kill 15 in two towns\n\nA bomb hit a minibus near Kharkiv on Monday, killing nine people, as "
            "gunmen stormed a post in Izium that killed six, officials said.")
    figs = run(nlp, text)
    assert one(figs, "nine people").subset_of is None


def test_a_count_is_not_placed_at_the_town_a_bearing_is_taken_from(nlp):
    text = "An air strike on the market in Kutum, a town north of El Fasher, killed five people on Tuesday."
    [f] = run_located(nlp, text, "2025-08-26")
    assert f.place == "Kutum"


def test_one_of_a_partys_own_men_killed_is_a_count_of_one(nlp):
    f = one(run(nlp, "The army said one of its soldiers was killed in a border shoot-out near Kasungu on Tuesday."),
            "one of its soldiers")
    assert (f.value, f.category, f.group) == (1, "killed", "combatants")


def test_one_of_a_partys_own_men_who_speaks_is_no_count(nlp):
    figs = run(nlp, "One of their commanders said the rebels attacked a base near Kasungu on Tuesday.")
    assert not any("commanders" in f.text for f in figs)


def test_a_difference_from_an_earlier_count_is_no_count(nlp):
    figs = run(nlp, "The army said the raid had killed four rebels, one more than it had first reported.")
    assert [f.value for f in figs if f.category == "killed"] == [4]


def test_acronym_before_the_counted_noun(nlp):
    # the parser may take a group's acronym ("IS") for a verb: the person noun after it is still the counted
    f = one(run(nlp, "An air raid with a weapon the soldiers call the \"big hammer\" killed 52 IS fighters and "
                     "destroyed a depot, the ministry says."), "52")
    assert f.counted == "fighters" and f.group == "combatants" and f.text == "52 IS fighters"


def test_bare_toll_takes_no_noun_from_its_parts_or_a_relative_clause(nlp):
    figs = run(nlp, "The death toll from an air raid on a village has risen to 28, including six women and two "
                    "children, the health minister said on Friday.")
    f = one(figs, "28")
    assert f.counted is None and f.group == "people"
    figs = run(nlp, "The death toll from a drone strike on a market that hit several rebel commanders on Monday "
                    "has risen to 33, the local health office announced.")
    f = one(figs, "33")
    assert f.counted is None and f.group == "people"


def test_bare_toll_takes_no_people_from_the_sentence_before(nlp):
    text = ("The town had been held by militants for years.\n\nThe death toll in the shelling of the busy bus "
            "station in the north of the region on Sunday morning has risen to 64, the health office said.")
    f = one(run(nlp, text), "64")
    assert f.group == "people" and f.counted is None


def test_bare_toll_keeps_the_group_of_the_toll_told_before(nlp):
    text = ("The number of civilians killed in the raid on the camp has risen to 26, a rights group said.\n\n"
            "Two soldiers guarding the camp were also hurt, the group said.\n\n"
            "The district governor put the toll at 26 after visiting the camp.")
    figs = run(nlp, text)
    f = [g for g in figs if g.start > text.index("governor")][0]
    assert f.value == 26 and f.group == "civilians"


def test_toll_told_as_it_stands(nlp):
    # "the toll is at least N and likely higher": a count of the dead (no "higher" counted)
    f = one(run(nlp, "Medics say the death toll is at least 58 and likely higher."), "58")
    assert f.category == "killed" and f.qualifier == "at least" and f.value == 58


def test_the_counters_own_name_is_not_the_counted(nlp):
    # "the detainees' committee put the total at 300": the committee counts; its name's noun is no one counted
    text = ("The swap between the two sides ended on Monday with 300 prisoners freed, the mediators said.\n\n"
            "The rebels' detainees committee also put the total at 300.")
    figs = run(nlp, text)
    f = [g for g in figs if g.start > text.index("committee")][0]
    assert f.category == "captured"


def test_people_who_remain_in_hospital_are_wounded_not_trapped(nlp):
    figs = run(nlp, "The governor said 40 people were hurt in the blast, of whom 12 remain in hospital.")
    assert one(figs, "12").category == "wounded"
    figs = run(nlp, "About 300 families remain in the besieged district.")
    assert one(figs, "300").category in ("trapped", "other")
