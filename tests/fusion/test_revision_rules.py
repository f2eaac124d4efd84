"""Revisions and one incident's counts told in other words (issue 18, ninth session): our own short reports,
extracted and fused end to end."""
import pytest
from conftest import has_relation as _has, relations_of, report

PATTERNS = {
    # "<spokesman> had earlier put the toll at five": the claimant's own later count updates it, even when no
    # "has risen" is told and a count of the claimant's from another day comes in between
    "claimant_earlier_toll": [
        report("e1", "2025-05-20", "Plain Herald", "An air strike on a school in Beit Safa killed two people on "
                                                   "Tuesday, civil defence spokesman Omar Haddad said."),
        report("e2", "2025-05-20", "Hill Courier", "An air strike on a school in Beit Safa killed nine people on "
                                                   "Monday, civil defence spokesman Omar Haddad said.\n\nHaddad had "
                                                   "earlier put the toll at five dead.")],
    # the prisoners of one exchange are one count whatever noun each report uses
    "exchange_nouns": [
        report("x1", "2025-08-14", "Plain Herald", "In the latest exchange of prisoners, 90 servicemen were handed "
                                                   "over to Kyiv and returned home on Thursday, the coordination "
                                                   "headquarters said."),
        report("x2", "2025-08-15", "Hill Courier", "The number of people freed in Thursday's prisoner exchange has "
                                                   "risen to 95, the coordination headquarters said on Friday.")],
    # one report's counts at one place, one tied to the attack: people and civilians are its dead
    "people_and_civilians_in_one_report": [
        report("p1", "2025-04-08", "Plain Herald", "The county commissioner of Ulang said on Monday that the dead "
                                                   "numbered 27.\n\nThe UN mission said at least 27 civilians were "
                                                   "killed when militiamen attacked the market in Ulang on Sunday.")],
    # "initially found only two bodies": the earlier value of a toll, not a part of it
    "bodies_initially_recovered": [
        report("b1", "2025-03-30", "Plain Herald", "A missile struck the regional administration building in "
                                                   "Mykolaiv on Tuesday. Rescuers initially found only two bodies in "
                                                   "the ruins, the emergency service said. On Wednesday the toll "
                                                   "had risen to 15, the emergency service said.")],
    # an exact count clearly below another claimant's floor cannot be true with it ("at least 15" and "12")
    "exact_below_floor": [
        report("f1", "2025-06-10", "Plain Herald", "An air strike on a tent camp in Khan Rafa killed at least 15 people "
                                                   "on Monday, the civil emergency service said.\n\nThe health ministry "
                                                   "said 12 people had been killed in the strike on the camp in Khan "
                                                   "Rafa.")],
    # "Later the committee said 75 had died": one claimant's later count in one report is its revision
    "later_count": [
        report("l1", "2025-06-12", "Plain Herald", "Gunmen attacked the village of Umm Sarha on Wednesday, killing up to "
                                                   "40 people, the local resistance committee said in a statement. Later "
                                                   "the committee said 75 people had died.")],
    # "two of her sons": a person's own dead, not a toll against the UN's count
    "a_persons_own_dead": [
        report("s1", "2025-10-06", "Plain Herald", "At least 52 people were killed when a gang attacked the town of "
                                                   "Petit-Bois on Saturday, the United Nations said on Monday.\n\nA "
                                                   "woman said two of her sons had been shot in Petit-Bois.")],
    # a count placed only in the country, with no day of its own, is dated by its report: told the morning after,
    # it meets the day before's count of the village
    "undated_country_count": [
        report("u1", "2025-06-05", "Plain Herald", "Paramilitary fighters killed up to 100 people in an attack on the "
                                                   "village of Wad Sarha in Sudan on Wednesday, the Wad Sarha resistance "
                                                   "committee said."),
        report("u2", "2025-06-05", "Hill Courier", "Up to 100 people were killed in an attack by paramilitary fighters "
                                                   "in Sudan, the Wad Sarha resistance committee said.")],
    # two reports of one day: a count, and another source telling the toll as risen since
    "same_day_rise": [
        report("r1", "2025-07-02", "Plain Herald", "Gunmen attacked a market near Makurdi in Nigeria on Monday, killing 30 "
                                                   "people, local residents said. Traders said they had buried 30 "
                                                   "victims."),
        report("r2", "2025-07-02", "Hill Courier", "The death toll from Monday's attack on a market near Makurdi in "
                                                   "Nigeria has risen to 41, hospital sources said.")],
    # "<name> had earlier put the toll at seven dead and 15 wounded": the claim the earlier report told, again
    "earlier_value_told_again": [
        report("t1", "2025-08-20", "Plain Herald", "An air strike on a school in Beit Safa killed seven people on "
                                                   "Tuesday, civil defence spokesman Omar Haddad said. He said 15 people "
                                                   "were wounded in the strike."),
        report("t2", "2025-08-21", "Hill Courier", "\"Our teams pulled 12 bodies out of the school in Beit Safa,\" "
                                                   "civil defence spokesman Omar Haddad said on Wednesday. Haddad had "
                                                   "earlier put the toll at seven dead and 15 wounded.")],
    # one claimant's count to the unit told by two reports the same day is one claim, however each places and types it
    "one_claim_told_again": [
        report("c1", "2025-09-02", "Plain Herald", "An Israeli strike on the Tal Hawa school killed 37 Palestinians in "
                                                   "Gaza on Monday, the civil defence agency said."),
        report("c2", "2025-09-02", "Hill Courier", "Fighting across the Gaza Strip killed 37 Palestinians on Monday, the "
                                                   "civil defence agency said, while the military said troops had "
                                                   "clashed with militants in Gaza City.")],
    # a toll raised in three reports (12, then 19, then 27): the last is the later toll of both earlier ones
    "toll_raised_twice": [
        report("k1", "2025-09-08", "Plain Herald", "A drone strike on a bus station in Vesna killed 12 people on Monday, "
                                                   "the state emergency service said."),
        report("k2", "2025-09-09", "Hill Courier", "The death toll from Monday's drone strike on the bus station in "
                                                   "Vesna has risen to 19, regional governor Ivan Petrenko said on "
                                                   "Tuesday."),
        report("k3", "2025-09-10", "Valley Post", "The death toll from Monday's drone strike on the bus station in "
                                                  "Vesna has risen to 27, regional governor Ivan Petrenko said on "
                                                  "Wednesday.")],
    # what a denial denies ends where the speaker's next clause begins ("... and called the account a pretext")
    "denial_ends_at_the_next_clause": [
        report("d1", "2025-07-02", "Plain Herald", "The army said its jets struck a depot in the village of Kfar Sala on "
                                                   "Tuesday and killed two fighters of the group.\n\nThe army said the "
                                                   "group had been storing rockets in the building.\n\nThe group denied "
                                                   "that the building had been used to store weapons and called the "
                                                   "army's account a pretext for killing civilians.")],
    # "the monitor had initially given a toll of 25": a monitor told as such and by its name is one source
    "monitor_initial_toll": [
        report("m1", "2025-11-02", "Plain Herald", "Air strikes killed at least 40 civilians in the village of Tal Hamra "
                                                   "on Sunday, a monitor said.\n\nThe Syrian Observatory for Human "
                                                   "Rights had initially given a toll of 25 civilians but more bodies "
                                                   "were found.")],
    # "earlier reports had indicated nine dead": the report's own voice telling the toll its source replaced
    "earlier_reports_indicated": [
        report("n1", "2025-11-03", "Plain Herald", "An air strike on a market in Kafr Sala killed at least 20 people on "
                                                   "Friday, the health minister said on Saturday.\n\nEarlier reports "
                                                   "had indicated that the strike had killed at least nine people.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_a_claimants_earlier_toll_is_updated_by_its_own_count(relations):
    rels = relations["claimant_earlier_toll"]
    assert _has(rels, "updates", "five dead", "nine people"), rels
    assert not _has(rels, "updates", "two people", "nine people"), rels


def test_the_prisoners_of_one_exchange_are_one_count_whatever_the_noun(relations):
    rels = relations["exchange_nouns"]
    assert _has(rels, "updates", "90 servicemen", "95"), rels


def test_people_and_civilians_at_one_place_in_one_report_meet(relations):
    rels = relations["people_and_civilians_in_one_report"]
    assert _has(rels, "corroborates", "27", "at least 27 civilians"), rels


def test_bodies_initially_recovered_are_the_tolls_earlier_value(relations):
    rels = relations["bodies_initially_recovered"]
    assert _has(rels, "updates", "two bodies", "15"), rels


def test_an_exact_count_below_a_floor_contradicts_it(relations):
    rels = relations["exact_below_floor"]
    assert _has(rels, "contradicts", "at least 15 people", "12 people"), rels


def test_a_claimants_later_count_in_one_report_updates_its_first(relations):
    rels = relations["later_count"]
    assert _has(rels, "updates", "40 people", "75"), rels


def test_a_persons_own_dead_are_no_toll(relations):
    rels = relations["a_persons_own_dead"]
    assert not [r for r in rels if "two of her sons" in r[1] + r[2]], rels


def test_a_name_inside_a_word_or_an_occasion_is_no_place():
    from unfog.fusion.fuse import _unresolved_mentions

    text = "Jama'at Nusrat al-Islam said it killed 200 on Christmas Eve in Mideast shipping lanes near Boulkessi"
    assert [k for _, k in _unresolved_mentions(text, [])] == ["name:boulkessi"]


def test_a_spokesman_for_the_army_is_the_armys_own_claimant():
    from unfog.fusion.fuse import FigureKey, _own_claimant, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, claimant, role):
        f = Figure(id=fid, article_id="a" + fid, text="10", start=0, end=2, value=10, category="killed", claimant=claimant,
                   claimant_side="COD", claimant_role=role)
        return figure_view(f, FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=1), names_resolver({claimant}))

    spokesman = view("1", "Col Mbala", "spokesperson for the military in the province")
    army = view("2", "Congolese military", None)
    police = view("3", "the provincial police", None)
    assert _own_claimant(spokesman, army)
    assert not _own_claimant(police, army)


def test_an_undated_count_placed_in_the_country_meets_the_village_count_of_the_day_before(relations):
    rels = relations["undated_country_count"]
    assert _has(rels, "corroborates", "up to 100 people", "Up to 100 people"), rels


def test_the_earlier_value_a_report_gives_meets_the_earlier_reports_equal_count(relations):
    rels = relations["earlier_value_told_again"]
    assert _has(rels, "corroborates", "15 people", "15"), rels
    assert _has(rels, "corroborates", "seven people", "seven dead"), rels
    assert _has(rels, "updates", "seven dead", "12 bodies"), rels


def test_one_claimants_precise_count_told_again_the_same_day_is_one_claim(relations):
    rels = relations["one_claim_told_again"]
    assert _has(rels, "corroborates", "37 Palestinians", "37 Palestinians"), rels


def test_a_round_count_told_again_is_no_claim_of_its_own():
    from unfog.fusion.fuse import FigureKey, _one_claim_told_again, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, place):
        f = Figure(id=fid, article_id="a" + fid, text=str(value), start=0, end=2, value=value, category="killed",
                   claimant="the health ministry", claimant_side="PSE")
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=5, place=place, reported=5)
        return figure_view(f, k, names_resolver({"the health ministry"}))

    assert _one_claim_told_again(view("1", 37, "p1"), view("2", 37, "p2"))
    assert not _one_claim_told_again(view("1", 40, "p1"), view("2", 40, "p2"))  # a round number: maybe two strikes
    assert not _one_claim_told_again(view("1", 7, "p1"), view("2", 7, "p2"))  # a small count: maybe two strikes


def test_a_denial_answers_what_it_denies_not_its_next_clause(relations):
    rels = relations["denial_ends_at_the_next_clause"]
    assert _has(rels, "contradicts", "storing rockets", "denied that the building"), rels
    assert not _has(rels, "contradicts", "killed two fighters", "denied that the building"), rels


def test_a_count_at_an_unknown_name_takes_the_country_the_report_has_just_been_in():
    from unfog.fusion.fuse import _local_country
    from unfog.model import Figure, Place

    def place(pid, name, start, country, kind):
        return Place(id=pid, article_id="a", name=name, start=start, end=start + len(name), country=country, kind=kind)

    # most places lie in country B, but the count follows a town of A, and the report names A too
    places = [place("1", "Alphaland", 0, "AA", "country"), place("2", "Northtown", 40, "AA", "settlement"),
              place("3", "Bravo Hills", 200, "BB", "region"), place("4", "Bravo Vale", 260, "BB", "region")]
    fig = Figure(id="f", article_id="a", text="four soldiers", start=90, end=103, value=4, category="killed")
    assert _local_country(fig, places, []) == "AA"
    lead = Figure(id="g", article_id="a", text="four soldiers", start=10, end=23, value=4, category="killed")
    assert _local_country(lead, places, []) == "AA"  # in the lead: the first place below country level
    # a namesake abroad in a country the report names nowhere else is no context
    lone = [place("5", "Farville", 40, "CC", "settlement"), place("3", "Bravo Hills", 200, "BB", "region")]
    assert _local_country(fig, lone, []) is None


def test_a_toll_told_as_risen_in_a_report_of_the_same_day_updates_the_count_and_is_no_rival(relations):
    rels = relations["same_day_rise"]
    assert any(t == "updates" and x.startswith("30") and y == "41" for t, x, y in rels), rels
    assert not any(t == "contradicts" and "41" in (x, y) for t, x, y in rels), rels


def test_the_bodies_one_witness_saw_are_a_part_of_a_larger_toll():
    from unfog.fusion.fuse import FigureKey, _bodies_below_toll, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, text, sentence, incident):
        f = Figure(id=fid, article_id="a" + fid, text=text, start=0, end=len(text), value=value, category="killed",
                   claimant="someone", sentence=sentence)
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=5, place="p", reported=5, incident=incident)
        return figure_view(f, k, names_resolver({"someone"}))

    seen = view("1", 12, "12 bodies", "A photographer at the scene saw 12 bodies of civilians.", None)
    toll = view("2", 40, "40 people", "The bombing killed 40 people, police said.", "Explosions|5|")
    assert _bodies_below_toll(seen, toll)
    assert not _bodies_below_toll(toll, seen)
    more = view("3", 50, "50 bodies", "Rescuers said they had found 50 bodies.", None)
    assert not _bodies_below_toll(more, toll)  # more bodies than the toll: a rival count


def test_one_claimants_count_told_again_the_next_morning_is_one_claim():
    from unfog.fusion.fuse import FigureKey, _one_claim_told_again, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, day, reported):
        f = Figure(id=fid, article_id="a" + fid, text="11 soldiers", start=0, end=11, value=11, category="killed",
                   claimant="the government spokesman", claimant_side="BFA")
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=day, place="p" + fid, reported=reported)
        return figure_view(f, k, names_resolver({"the government spokesman"}))

    assert _one_claim_told_again(view("1", 5, 5), view("2", 6, 6))
    assert not _one_claim_told_again(view("1", 5, 5), view("2", 8, 8))  # days apart: maybe another attack


def test_the_women_among_a_tolls_dead_are_a_part_of_it():
    from unfog.fusion.fuse import _listed_part
    from unfog.model import Figure

    text = "The strike killed 19 people. Eight of the dead were children and five were women."
    five = Figure(id="f", article_id="a", text="five", start=text.index("five"), end=text.index("five") + 4, value=5,
                  category="killed", sentence=text[text.index("Eight"):])
    assert _listed_part(five, text)
    plain = "The strike killed 19 people. Later five were women, the doctor said."
    f2 = Figure(id="g", article_id="a", text="five", start=plain.index("five"), end=plain.index("five") + 4, value=5,
                category="killed", sentence=plain[plain.index("Later"):])
    assert not _listed_part(f2, plain)  # no "of the dead" before it: no list of the dead


def test_a_toll_raised_twice_updates_each_earlier_reports_toll(relations):
    rels = relations["toll_raised_twice"]
    assert _has(rels, "updates", "12 people", "19"), rels
    assert _has(rels, "updates", "19", "27"), rels
    assert _has(rels, "updates", "12 people", "27"), rels  # (not only the latest earlier toll)
    assert not _has(rels, "updates", "27", "19"), rels


def test_the_updates_of_a_raised_toll_are_the_same_whatever_the_order_of_the_chunks(tmp_path):
    from unfog.api import extract_stream, to_articles
    from unfog.fusion import fuse
    from unfog.store import Store
    from unfog.workflows import write_chunk

    results = list(extract_stream(list(to_articles(PATTERNS["toll_raised_twice"]))))
    whole = sorted((r.type, r.a, r.b) for r in fuse.relate(results))
    assert sum(t == "updates" for t, _, _ in whole) == 3, whole
    for name, items in (("fwd", results), ("rev", results[::-1]), ("mid", [results[1], results[2], results[0]])):
        with Store(tmp_path / f"{name}.duckdb") as store:
            for r in items:
                write_chunk(store, [r])
            assert sorted((r.type, r.a, r.b) for r in store.records("relations")) == whole, name


def test_a_monitors_initial_toll_is_updated_by_its_new_toll(relations):
    rels = relations["monitor_initial_toll"]
    assert _has(rels, "updates", "25", "40 civilians"), rels


def test_the_toll_earlier_reports_gave_is_replaced_not_contradicted(relations):
    rels = relations["earlier_reports_indicated"]
    assert _has(rels, "updates", "nine people", "20 people"), rels
    assert not [r for r in rels if r[0] == "contradicts"], rels


def test_an_earlier_value_counts_what_the_toll_it_was_revised_to_counts():
    # "previously gave a toll of 18" names no one counted: it is the earlier value of the civilians' toll, not a
    # count of people of its own (nor the report's wounded)
    from unfog.fusion.fuse import FigureKey, _key_prior_values
    from unfog.model import Figure

    s1 = "Shelling killed at least 30 civilians in Novo Selo on Monday, the governor said."
    s2 = "The governor previously gave a toll of 18."
    figs = {f.id: f for f in (
        Figure(id="w", article_id="a", text="12 people", start=0, end=9, value=12, category="wounded", sentence=s1),
        Figure(id="t", article_id="a", text="at least 30 civilians", start=10, end=31, value=30, category="killed",
               sentence=s1),
        Figure(id="p", article_id="a", text="18", start=120, end=122, value=18, category="killed", sentence=s2))}
    keys = [FigureKey(figure_id="w", article_id="a", qkey="qty_wounded", place="g1@X"),
            FigureKey(figure_id="t", article_id="a", qkey="qty_civilians", place="g1@X", period="daily"),
            FigureKey(figure_id="p", article_id="a", qkey="qty_people", place="open:g2@", period=None)]
    out = {k.figure_id: k for k in _key_prior_values(keys, figs)}
    assert (out["p"].qkey, out["p"].place, out["p"].period) == ("qty_civilians", "g1@X", "daily")
    assert out["t"].qkey == "qty_civilians" and out["w"].qkey == "qty_wounded"


def test_a_higher_toll_of_one_strike_from_another_authority_of_the_side_the_same_day_updates():
    # two reports of one day, both tying their count to the strike: the civil defence's 40, then the health
    # ministry's "at least 52" is the side's later toll of it, not a rival count
    from unfog.fusion.fuse import FigureKey, _kind, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, qualifier, claimant, incident):
        f = Figure(id=fid, article_id="a" + fid, text=str(value), start=0, end=2, value=value, qualifier=qualifier,
                   category="killed", claimant=claimant, claimant_side="PSE")
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=5, place="g1@X", reported=6,
                      incident=incident)
        return figure_view(f, k, names_resolver({claimant}))

    strike = "Explosions/Remote violence|5|g1"
    first = view("1", 40, None, "the civil defence agency", strike)
    later = view("2", 52, "at least", "the health ministry", strike)
    assert _kind(first, later)[0] == "updates"
    # (counts tied to no incident the same day: two counts, no revision)
    assert (_kind(view("1", 40, None, "the civil defence agency", None),
                  view("2", 52, "at least", "the health ministry", None)) or ("",))[0] != "updates"


def test_a_higher_toll_of_one_strike_after_a_voice_of_no_known_side_the_same_day_updates():
    # a spokesman the report ties to no side gives 40, another report of that day the ministry's "at least 52" of
    # the same strike: the toll raised, not two parties' rival counts; an opposite party's count stays a rival
    from unfog.fusion.fuse import FigureKey, _kind, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, qualifier, claimant, side):
        f = Figure(id=fid, article_id="a" + fid, text=str(value), start=0, end=2, value=value, qualifier=qualifier,
                   category="killed", claimant=claimant, claimant_side=side)
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=5, place="g1@X", reported=6,
                      incident="Explosions/Remote violence|5|g1")
        return figure_view(f, k, names_resolver({claimant}))

    first = view("1", 40, None, "Omar Haddad", None)
    assert _kind(first, view("2", 52, "at least", "the health ministry", "PSE"))[0] == "updates"
    assert (_kind(first, view("2", 52, "at least", "a news site", "MEDIA")) or ("",))[0] != "updates"
    # (an exact count above it is another account: "five soldiers" against "seven soldiers")
    assert (_kind(first, view("2", 52, None, "the health ministry", "PSE")) or ("",))[0] != "updates"


def test_a_higher_toll_a_later_report_dates_by_the_strikes_day_is_no_rival_of_an_earlier_reports_toll():
    # Sunday's report: "the toll rose to 25" (as of Sunday); Monday's: "at least 30 were killed in Saturday's strike"
    # (dated by the strike): the later count of the toll, not a contradiction of the earlier one
    from unfog.fusion.fuse import FigureKey, _kind, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, qualifier, claimant, day, reported):
        f = Figure(id=fid, article_id="a" + fid, text=str(value), start=0, end=2, value=value, qualifier=qualifier,
                   category="killed", claimant=claimant, claimant_side="UKR")
        k = FigureKey(figure_id=fid, article_id="a" + fid, qkey="q", day=day, place="g1@X", reported=reported,
                      incident="Explosions/Remote violence|5|g1")
        return figure_view(f, k, names_resolver({claimant}))

    monday = view("1", 30, "at least", "the regional governor", 5, 7)
    sunday = view("2", 25, None, "the emergency service", 6, 6)
    assert _kind(monday, sunday) is None
    # (told by reports of one day, the two counts still disagree)
    assert _kind(view("1", 30, "at least", "the regional governor", 5, 6), sunday)[0] == "contradicts"
