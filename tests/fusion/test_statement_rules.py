"""Relations between statements: the rules added on the sixth session's held-out set, end to end on our own short
reports (extraction, then fusion)."""
import pytest
from conftest import relations_of, report

from unfog.fusion.fuse import StatementKey, account_score, agreement_score

_doc = report  # our own short reports (tests/conftest.py)


PATTERNS = {
    # two reports of one prisoner exchange name other places (the capital, the airport town): the denial that
    # anyone named in the deal was held back answers the claim that people on the list were withheld
    "exchange_denial_across_reports": [
        _doc("e1", "2026-03-07", "Plain Herald",
             "ADEN, March 7 - The government and the rebels freed 140 prisoners on Saturday, the first day of a "
             "two-day swap, the Red Cross said.\n\n"
             "A government negotiator said the rebels had withheld three doctors whose names were on the first "
             "day's list."),
        _doc("e2", "2026-03-08", "Hill Courier",
             "MUKALLA, March 8 - The prisoner swap ended on Sunday with 300 prisoners freed over two days, the Red "
             "Cross said.\n\n"
             "A rebel official denied that any doctor named in the deal was being held back.")],
    # a newspaper's denial that the statements stage reads without its denied clause still answers the claim of
    # the other report that shares what it denies; not the toll of its own report
    "denial_read_from_its_text": [
        _doc("d1", "2026-08-03", "Plain Herald",
             "An air strike on a school in the village of Tamarsu killed 12 civilians on Sunday, a local aid group "
             "said. \"All of the dead were civilians,\" a teacher said."),
        _doc("d2", "2026-08-05", "Hill Courier",
             "The number of people killed in Sunday's air strike on the school in Tamarsu has risen to 16, the aid "
             "group said on Tuesday.\n\n"
             "A state-run newspaper said on Tuesday that those killed were \"bandits\" and denied that civilians had "
             "been killed, calling reports of an attack on a school fabricated.")],
    # "X rejected the army's account. '<quote>,' he said": the quote answers the army's claim of the day before,
    # in another report that names the village in its lead and a province elsewhere
    "rejection_told_by_a_quote": [
        _doc("q1", "2026-07-20", "Plain Herald",
             "Rebels attacked the village of Kaboro-Ndi in Tanganyika province late on Sunday, killing at least 11 "
             "civilians, a local chief said on Monday.\n\n"
             "An army spokesman in Tanganyika said troops had reached the village within an hour of the attack and "
             "driven the attackers into the hills."),
        _doc("q2", "2026-07-21", "Hill Courier",
             "Residents buried their dead in Kaboro-Ndi on Tuesday, a day after the attack on the village.\n\n"
             "Chief Amani Kitoko rejected the army's account of its response. \"Soldiers arrived only the next afternoon, "
             "when the attackers had already left,\" he said.")],
    # one party says it took a town, the other that the fighting for it goes on: two accounts of who holds it
    "taken_against_still_fought_for": [
        _doc("c1", "2026-04-14", "Plain Herald",
             "The defence ministry in Moscow said on Tuesday that its forces had captured the town of Kurakhove "
             "in the Donetsk region.\n\n"
             "A Ukrainian army spokesman said the fighting for Kurakhove continues and that Ukrainian units still "
             "held positions in the town's west.")],
    # one side repelling an assault tells nothing of a town the other side took elsewhere
    "repelled_elsewhere": [
        _doc("r1", "2026-04-14", "Plain Herald",
             "The defence ministry in Moscow said on Tuesday that its forces had captured the town of Kurakhove "
             "in the Donetsk region."),
        _doc("r2", "2026-04-30", "Hill Courier",
             "A Ukrainian army spokesman said on Thursday that troops had repelled an assault near Vovchansk in "
             "the Kharkiv region.")],
    # the ministry says its forces had no part in the strike (no deny verb, the act quoted): against the blame
    "had_no_part_against_the_blame": [
        _doc("n1", "2026-05-11", "Plain Herald",
             "A missile hit the fuel depot in Vilne on Monday, killing four workers, regional officials said.\n\n"
             "Ukraine blamed the strike on Russia.\n\n"
             "Russia's defence ministry said its forces had no firing missions in Vilne on Monday."),
        _doc("n2", "2026-05-11", "Hill Courier",
             "Russia's defence ministry said on Monday it did not launch any \"missile strike\" on the fuel depot in "
             "Vilne, which regional officials said had killed four workers.")],
    # one party says the other fired the rocket; the other denies any part in it, in another report
    "denial_of_involvement_against_the_agent": [
        _doc("h1", "2026-06-02", "Plain Herald",
             "The Saudi-led coalition said the missile that struck the fish market in Sadah on Tuesday was launched "
             "by the Houthis from a farm east of the city."),
        _doc("h2", "2026-06-02", "Hill Courier",
             "The Houthis denied any involvement in the strike on the fish market in Sadah.")],
    # a report of shelling filed from the denier's capital does not accuse the denier
    "the_deniers_capital_in_a_dateline": [
        _doc("t1", "2026-06-09", "Plain Herald",
             "NEW DELHI/ISLAMABAD, June 9 - The number of civilians killed in Monday's shelling of villages near "
             "Poonch has risen to five, officials in Poonch said.\n\n"
             "A Pakistani army spokesman denied that any infiltrators had been involved in the fighting near "
             "Poonch.")],
    # one spokesman's account told by two outlets: two sources' word for it; told twice by one report: one source
    "one_speaker_in_two_reports": [
        _doc("s1", "2026-09-14", "Plain Herald",
             "The army said the drones that hit the airbase at Lumo on Sunday were launched from a quarry near the "
             "village of Kerev, its spokesman said."),
        _doc("s2", "2026-09-15", "Hill Courier",
             "The drones that struck the airbase at Lumo were launched from a quarry near the village of Kerev, "
             "the army said on Monday.")],
    # a denial that names only the charge it denies ("denied the accusations as absurd") denies the blame
    "denial_of_the_charge": [
        _doc("g1", "2026-10-03", "Plain Herald",
             "A drone struck a market in the town of Orsk-Vale on Saturday, killing nine people, local officials "
             "said.\n\n"
             "The Ukrainian foreign ministry accused Russia of launching the drone from across the border."),
        _doc("g2", "2026-10-04", "Hill Courier",
             "Traders in Orsk-Vale reopened their stalls on Sunday.\n\n"
             "Russia denied the accusations as \"absurd\".")],
    # a denial that its side did it answers the reports that blame it, not a report that tells the strike alone;
    # "any connection with" the strike is a part in it
    "denial_answers_the_blame_not_the_toll": [
        _doc("b1", "2026-11-06", "Plain Herald",
             "A missile struck the bus station in Korvel on Friday, killing 22 people, regional officials said.\n\n"
             "Ukraine blamed the strike on Russia."),
        _doc("b2", "2026-11-06", "Hill Courier",
             "At least 22 people were killed in the missile strike on the bus station in Korvel on Friday, the "
             "regional governor said."),
        _doc("b3", "2026-11-07", "Lowland Times",
             "Russia's defence ministry denied any connection with the strike on the bus station in Korvel.")],
    # a denial of a count answers the toll, not the other account of the strike told just before it
    "denial_of_a_toll": [
        _doc("t1", "2026-09-14", "Plain Herald",
             "An air strike on a block of flats in Dervan killed at least 41 people on Sunday, the city's rescue "
             "service said.\n\n"
             "A local official said several homes had been hit in the strike late on Saturday.\n\n"
             "The Northland military disputed the toll figure given by the rescue service.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def _has(rels, kind, a, b):
    return any(t == kind and a in x and b in y for t, x, y in rels) or any(t == kind and b in x and a in y
                                                                          for t, x, y in rels)


def test_a_denial_answers_a_claim_about_the_same_exchange(relations):
    rels = relations["exchange_denial_across_reports"]
    assert _has(rels, "contradicts", "withheld three doctors", "denied that any doctor"), rels


def test_a_denial_read_from_its_text_answers_the_other_reports_claim(relations):
    rels = relations["denial_read_from_its_text"]
    assert _has(rels, "contradicts", "killed 12 civilians", "denied that civilians"), rels
    assert not _has(rels, "contradicts", "has risen to 16", "denied that civilians"), rels


def _key(sid, start, speaker, side, stems, topics=("attack",)):
    return StatementKey(statement_id=sid, article_id="a1", start=start, day=1, speaker=speaker, side=side,
                        denial=False, stems=sorted(stems), topics=list(topics), places=["g1"])


def test_an_armed_group_and_the_army_under_one_side_code_give_two_accounts():
    army = _key("s1", 0, "army", "SOM", {"base", "camp", "vehicle", "wall", "dawn", "perimeter", "sandbag"})
    group = _key("s2", 100, "al shabaab", "SOM", {"base", "camp", "vehicle", "wall", "weapon", "truck", "radio"})
    assert account_score(group, army) > 0
    assert agreement_score(group, army) == 0  # (theirs are two accounts, never agreement)


def test_two_statements_of_one_sentence_are_no_two_accounts():
    army = _key("s1", 40, "army", "SOM", {"base", "camp", "vehicle", "wall", "dawn", "perimeter", "sandbag"})
    group = _key("s2", 40, "al shabaab", "SOM", {"base", "camp", "vehicle", "wall", "weapon", "truck", "radio"})
    assert account_score(group, army) == 0


def test_a_rejection_is_told_by_the_quote_that_follows(relations):
    rels = relations["rejection_told_by_a_quote"]
    assert _has(rels, "contradicts", "troops had reached the village", "Soldiers arrived only"), rels
    assert not [r for r in rels if "rejected the army" in r[1] + r[2]], rels


def test_saying_no_such_attack_took_place_denies_it():
    rels = relations_of({"nothing_happened": [
        _doc("n1", "2026-04-02", "Plain Herald",
             "Rebels said on Wednesday that their fighters had attacked an army post near the village of Borotu and "
             "destroyed two trucks."),
        _doc("n2", "2026-04-02", "Hill Courier",
             "The army said there was no attack on its post near Borotu and that its trucks were intact.")]})
    rels = rels["nothing_happened"]
    assert _has(rels, "contradicts", "attacked an army post", "there was no attack"), rels


def test_a_denial_inside_an_assertion_answers_the_toll_it_denies():
    rels = relations_of({"denied_in_content": [
        _doc("h1", "2026-10-02", "Plain Herald",
             "A drone strike on a bus station in the town of Debre Markos killed at least 30 civilians on Wednesday, "
             "two hospital officials said.\n\n"
             "The government said its forces had targeted militia fighters gathered at the station and denied that "
             "civilians had been hit.")]})["denied_in_content"]
    assert _has(rels, "contradicts", "killed at least 30 civilians", "denied that civilians"), rels


def test_a_town_the_gazetteer_found_in_one_report_meets_its_bare_name_in_another():
    rels = relations_of({"town_by_name": [
        _doc("k1", "2026-11-05", "Plain Herald",
             "The Arakan Army said on Tuesday it had captured the town of Kyauktaw after weeks of fighting."),
        _doc("k2", "2026-11-06", "Hill Courier",
             "Myanmar's military denied that Kyauktaw had fallen, saying its troops were still defending the "
             "town.")]})["town_by_name"]
    assert _has(rels, "contradicts", "captured the town of Kyauktaw", "denied that Kyauktaw"), rels


def test_an_unprecedented_or_unprovoked_attack_is_no_denial():
    # "it never happened in our district" says the attack is without precedent; "there had been no clashes, but the
    # jets struck anyway" says it was unprovoked: neither denies the attack its report tells
    from conftest import relations_of, report
    rels = relations_of({
        "unprecedented": [report("nv1", "2025-12-12", "Plain Herald",
                                 "Gunmen attacked the village of Boresa on Friday, killing 12 people, the district "
                                 "commissioner said.\n\nA village elder, Musa Adan, said: \"Such a raid never "
                                 "happened in our district. They were all herders.\"")],
        "unprovoked": [report("up1", "2025-12-13", "Plain Herald",
                              "A military jet bombed the village of Tawma on Friday, killing eight people, residents "
                              "said.\n\n\"There had been no clashes, but the jets struck the market anyway,\" a trader said.")]})
    assert not rels["unprecedented"] and not rels["unprovoked"], rels


def test_two_reports_meet_at_no_country():
    # a denial whose report places it only in a country does not answer an attack another report tells in a region
    # of that country (two attacks in one country are two attacks)
    from conftest import relations_of, report
    rels = relations_of({"country_only": [
        report("co1", "2025-12-23", "Plain Herald", "Paramilitary RSF fighters killed at least 30 civilians when they "
                                                    "raided a hamlet in Sudan's White Nile state, local medics said on "
                                                    "Tuesday."),
        report("co2", "2025-12-23", "Hill Courier", "RSF fighters stormed a village in Sudan on Monday, residents said."
                                                    "\n\nThe RSF denied killing civilians and said its fighters had "
                                                    "attacked army positions on the edge of the village of Tayba.")]})
    assert not rels["country_only"], rels


def test_a_standing_denial_and_a_superseded_count_are_no_rivals():
    # "has denied deliberately targeting civilians" is background, no answer to the strike; "had earlier told
    # reporters that three were killed" is the value the report's toll replaced, no rival count
    from conftest import relations_of, report
    rels = relations_of({
        "standing_denial": [report("sd1", "2026-01-09", "Plain Herald",
                                   "A missile struck a market in Kharkiv on Friday, killing six people, the regional "
                                   "governor said.\n\nRussia did not comment on the strike and has denied deliberately "
                                   "targeting civilians.")],
        "earlier_told": [report("et1", "2026-01-10", "Plain Herald",
                                "A drone strike on a house in the village of Kfar Tebnit killed five civilians, a "
                                "security source said.\n\nThe village mayor had earlier told reporters that three "
                                "people were killed.")]})
    assert not rels["standing_denial"], rels
    assert not [r for r in rels["earlier_told"] if r[0] == "contradicts"], rels


def test_a_place_that_lies_somewhere_is_no_lie():
    # "where the district lies", "lies 20 km north of": the verb of a place, not a dismissal; "these are lies" is one
    from unfog.fusion.fuse import is_denial
    from unfog.model import Statement

    def st(text):
        return Statement(id="s", article_id="a", speaker="police", text=text, content=text, polarity="asserts",
                         start=0, end=len(text))
    assert not is_denial(st("Police in the district, where the river crossing lies, put the number of dead at four."))
    assert not is_denial(st("The camp lies 12 km east of the town and was hit twice."))
    assert is_denial(st("The army said the reports of a massacre were lies."))


def test_a_town_said_taken_and_said_still_fought_for_are_two_accounts(relations):
    rels = relations["taken_against_still_fought_for"]
    assert any(t == "contradicts" and ("captured" in x + y) and ("fighting for" in x + y) for t, x, y in rels), rels


def test_an_assault_repelled_weeks_later_elsewhere_answers_no_claim(relations):
    assert not any(t == "contradicts" for t, _, _ in relations["repelled_elsewhere"]), relations["repelled_elsewhere"]


def test_a_holding_account_is_indexed_with_the_claims_it_answers():
    k = StatementKey(statement_id="s", article_id="a", start=0, day=5, speaker="army", side="UKR", denial=False,
                     stems=["fight", "continu"], topics=["contested"], places=["name:townx"])
    assert "control@name:townx" in k.pairs()  # the store finds the other party's claims to have taken it


def test_a_party_saying_its_forces_had_no_part_answers_the_blame(relations):
    rels = relations["had_no_part_against_the_blame"]
    assert _has(rels, "contradicts", "blamed the strike on Russia", "had no firing missions"), rels
    assert _has(rels, "contradicts", "blamed the strike on Russia", "did not launch any"), rels


def test_a_denial_of_involvement_answers_the_account_naming_who_fired(relations):
    rels = relations["denial_of_involvement_against_the_agent"]
    assert _has(rels, "contradicts", "launched by the Houthis", "denied any involvement"), rels


def test_the_deniers_capital_in_a_dateline_is_no_accusation(relations):
    rels = relations["the_deniers_capital_in_a_dateline"]
    assert not _has(rels, "contradicts", "risen to five", "denied that any infiltrators"), rels


def test_one_speakers_account_told_by_two_reports_corroborates(relations):
    rels = relations["one_speaker_in_two_reports"]
    assert _has(rels, "corroborates", "launched from a quarry near the village of Kerev, its",
                "launched from a quarry near the village of Kerev, the army"), rels


def _claim_key(sid, article, start, day, speaker, stems, topics, denial=False, places=("g1",)):
    return StatementKey(statement_id=sid, article_id=article, start=start, day=day, speaker=speaker, side="XXA",
                        denial=denial, stems=sorted(stems), topics=list(topics), places=list(places))


def test_a_party_disowning_its_own_claim_of_the_attack_contradicts_it():
    from unfog.fusion.fuse import CLAIMED_ACT, claimed_act_marks, denial_score

    assert claimed_act_marks("The front has claimed responsibility for the blast.") == {CLAIMED_ACT}
    assert claimed_act_marks("Rebels took the town.") == set()
    claim = _claim_key("s1", "a1", 0, 10, "northern liberation front", {"attack", CLAIMED_ACT}, ["attack", "responsibility"])
    disowning = _claim_key("s2", "a2", 50, 12, "outlawed northern liberation front", {"distanc"}, ["responsibility"],
                           denial=True)
    assert denial_score(disowning, claim) > 0
    # (another party's claim of the act is no claim of the denier's own)
    other = _claim_key("s3", "a1", 90, 10, "eastern brigades", {"attack", CLAIMED_ACT}, ["attack", "responsibility"])
    assert denial_score(disowning, other) == 0
    # (a disavowal told before the claim in another report answers no later claim)
    later = _claim_key("s4", "a3", 0, 14, "northern liberation front", {"attack", CLAIMED_ACT}, ["attack", "responsibility"])
    assert denial_score(disowning, later) == 0


def test_a_denial_of_the_accusations_answers_the_blame(relations):
    rels = relations["denial_of_the_charge"]
    assert _has(rels, "contradicts", "accused Russia of launching", "denied the accusations"), rels


def test_a_denial_of_involvement_answers_the_blame_not_an_account_of_the_toll(relations):
    rels = relations["denial_answers_the_blame_not_the_toll"]
    assert _has(rels, "contradicts", "blamed the strike on Russia", "denied any connection"), rels
    assert not _has(rels, "contradicts", "At least 22 people were killed", "denied any connection"), rels


def test_a_denial_of_a_toll_answers_the_toll_not_the_account_of_the_strike(relations):
    rels = relations["denial_of_a_toll"]
    assert _has(rels, "contradicts", "killed at least 41 people", "disputed the toll figure"), rels
    assert not _has(rels, "contradicts", "several homes had been hit", "disputed the toll figure"), rels


def test_a_denial_of_a_count_needs_a_claim_of_the_dead():
    from unfog.fusion.fuse import DISPUTES_COUNT, denial_score

    toll = _claim_key("s1", "a1", 0, 10, "rescue service", {"kill", "strik"}, ["attack", "casualty"])
    account = _claim_key("s2", "a1", 40, 10, "local official", {"hit", "strik", "home"}, ["attack"])
    denial = StatementKey(statement_id="s3", article_id="a1", start=90, day=10, speaker="northland military",
                          side="XXB", denial=True, stems=sorted({"disput", "toll", "strik", DISPUTES_COUNT}),
                          topics=["attack", "casualty"], places=["g1"])
    assert denial_score(denial, toll) > 0
    assert denial_score(denial, account) == 0
    # (a "large number of wounded" in the claim is no number the denial disputes: no shared word)
    crews = _claim_key("s4", "a1", 60, 10, "crews", {"number", "wound"}, ["casualty"])
    plain = _claim_key("s5", "a1", 60, 10, "crews", {"wound"}, ["casualty"])
    assert denial_score(denial, crews) == denial_score(denial, plain)
