"""What a count is and who tells it (issue 18, eleventh session): our own short reports, extracted and fused end to
end. Real reports give a toll as "at least N" and two outlets' different tolls of one attack are two counts; a
headline and a lead restate the count the body attributes; unnamed voices of two reports are not one claimant."""
import pytest
from conftest import has_relation as _has, relations_of, report

PATTERNS = {
    # "at least 24" and "at least 28" from two outlets of one day: two counts of the toll, not one agreeing count
    "two_counts_at_least": [
        report("c1", "2025-09-16", "Plain Herald", "A suicide bomber struck a mosque in Kalar village in Bajaur on "
                                                   "Friday, leaving at least 24 people dead, a district official said."),
        report("c2", "2025-09-16", "Hill Courier", "At least 28 people were killed in the suicide bombing of a mosque "
                                                   "in Kalar village in Bajaur on Friday, the district police said.")],
    # the bodies one witness counted are a floor of the toll, not a rival of the group's count
    "bodies_a_witness_counted": [
        report("w1", "2025-01-27", "Plain Herald", "Militants stormed an army base in Dhobley on Friday. The group's "
                                                   "spokesman said its fighters killed 57 soldiers and counted 57 "
                                                   "bodies. A local witness said he had seen at least 30 bodies near "
                                                   "the base.")],
    # a toll told as risen, of the attack's day, and a lower count another report of the same day gives
    "risen_and_a_count_of_the_same_day": [
        report("r1", "2025-07-31", "Plain Herald", "At least 35 people were killed in Sunday's suicide bombing of a "
                                                   "rally in Khar, the provincial information minister said."),
        report("r2", "2025-07-31", "Hill Courier", "The number of deaths in Sunday's suicide bombing of a rally in "
                                                   "Khar has risen to 56, the deputy commissioner said.")],
    # "sources" in one report and "sources" in the next are not one claimant revising its count
    "two_reports_unnamed_sources": [
        report("s1", "2025-09-01", "Plain Herald", "Insurgents attacked an army base in Gubio on Thursday. Twelve "
                                                   "soldiers were wounded in the attack on the base, sources said."),
        report("s2", "2025-09-02", "Hill Courier", "Insurgents attacked an army base in Gubio on Thursday. Twenty "
                                                   "soldiers were wounded in the attack on the base, sources said.")],
    # "at least five children ... died": a part of the toll, no rival of it
    "children_among_the_dead": [
        report("k1", "2025-11-13", "Plain Herald", "Air strikes on a market in Taldo killed 43 people on Monday, "
                                                   "the Taldo council said.\n\nThe monitoring group said at least five "
                                                   "children and three police officers died.")],
    # a headline restating the body's count, and a lead the body attributes further down: the body's first telling
    # carries the claim
    "headline_and_lead": [
        report("h1", "2025-11-13", "Plain Herald", "Air strikes kill 29 in Taldo market - monitor\n\nAir strikes on a "
                                                   "market in Taldo killed at least 29 people on Monday, the monitoring "
                                                   "group said."),
        report("h2", "2025-11-13", "Hill Courier", "Three air strikes hit the market in Taldo on Monday, killing at "
                                                   "least 40 people.\n\nThe director of the Taldo clinic, Dr. Sami "
                                                   "Ural, said he had a list of the names of 40 people killed in the "
                                                   "strikes.")],
    # people present when the bomber struck are no toll; "the initial toll ... was 24 dead" is the earlier value of
    # the toll the report gives
    "present_and_initial_toll": [
        report("p1", "2025-09-17", "Plain Herald", "The death toll from Friday's suicide bombing at a mosque in Kalar "
                                                   "has risen to 36, the district administrator said on Saturday. "
                                                   "The initial toll given by officials was 24 dead and 28 wounded. "
                                                   "Some 200 worshippers were inside the mosque when the bomber "
                                                   "struck.")],
    # "28 were killed while another 31 were injured": the injured are a toll of their own, not an increment
    "another_of_another_kind": [
        report("i1", "2025-09-16", "Plain Herald", "At least 28 people were killed while another 31 were injured in a "
                                                   "suicide bombing at a mosque in Kalar village on Friday, the district "
                                                   "police said."),
        report("i2", "2025-09-16", "Hill Courier", "A suicide bomber struck a mosque in Kalar village on Friday, leaving "
                                                   "at least 24 people dead and 31 others injured, a district official "
                                                   "said.")],
}


@pytest.fixture(scope="module")
def relations():
    return relations_of(PATTERNS)


def test_two_outlets_different_tolls_told_as_at_least_are_two_counts(relations):
    rels = relations["two_counts_at_least"]
    assert _has(rels, "contradicts", "at least 24 people", "At least 28 people"), rels
    assert not [r for r in rels if r[0] == "corroborates"], rels


def test_the_bodies_a_witness_counted_are_no_rival_of_the_claim(relations):
    rels = relations["bodies_a_witness_counted"]
    assert not [r for r in rels if "at least 30 bodies" in r[1] + r[2]], rels


def test_a_lower_count_of_the_day_a_toll_is_told_as_risen_is_no_rival(relations):
    rels = relations["risen_and_a_count_of_the_same_day"]
    assert not [r for r in rels if r[0] == "contradicts"], rels


def test_two_reports_unnamed_sources_are_not_one_claimant():
    from unfog.fusion.entities import anonymous_voice

    assert anonymous_voice("sources") and anonymous_voice("two military sources") and anonymous_voice("a local witness")
    assert not anonymous_voice("Reuters sources") and not anonymous_voice("the army") and not anonymous_voice(None)


def test_unnamed_sources_of_two_reports_do_not_revise_each_other(relations):
    rels = relations["two_reports_unnamed_sources"]
    assert not [r for r in rels if r[0] == "updates"], rels


def test_children_among_the_dead_are_a_part_of_the_toll(relations):
    rels = relations["children_among_the_dead"]
    assert not [r for r in rels if "five children" in r[1] + r[2]], rels


def test_the_body_and_the_lead_carry_a_claim_not_the_headline_or_the_later_telling(relations):
    rels = relations["headline_and_lead"]
    assert _has(rels, "contradicts", "at least 29 people", "at least 40 people"), rels
    assert not [r for r in rels if "29 in" in r[1] + r[2] or r[1].startswith("40 people") or r[2].startswith("40 people")], rels


def test_a_lead_count_attributed_further_down_keeps_the_reports_voice_and_fusion_credits_it():
    from unfog.api import extract_stream, to_articles
    from unfog.fusion import fuse

    res = list(extract_stream(list(to_articles(PATTERNS["headline_and_lead"]))))
    lead = next(f for r in res for f in r.figures if f.text.startswith("at least 40"))
    # the extracted figure is told in the report's own voice: that is who the text says tells it
    assert lead.statement_id is None and lead.claimant_side == "MEDIA" and "Ural" not in (lead.claimant or ""), lead
    # the cross-check hears it as the claim of the clinic's director named further down, and anchors on it
    heard = next(f for r in res for f in fuse.credited_figures(r) if f.id == lead.id)
    assert "Ural" in heard.claimant and heard.claimant_side != "MEDIA", heard
    rels = [r for r in fuse.relate(res) if lead.id in (r.a, r.b)]
    assert rels and all("Ural" in r.note for r in rels), rels


def _fig(fid, aid, start, value, claimant, side, statement_id=None):
    from unfog.model import Figure

    return Figure(id=fid, article_id=aid, text=str(value), start=start, end=start + 2, value=value, category="killed",
                  claimant=claimant, claimant_side=side, statement_id=statement_id)


def test_only_a_lead_count_before_its_attributed_telling_is_credited():
    from unfog.fusion.fuse import credit_lead_counts

    figures = [_fig("head", "a", 0, 40, "Wire", "MEDIA"),  # in the headline (which ends at 30)
               _fig("lead", "a", 40, 40, "Wire", "MEDIA"),
               _fig("other", "a", 60, 12, "Wire", "MEDIA"),  # no one attributes 12
               _fig("told", "a", 90, 40, "the clinic's director", None, statement_id="s1"),
               _fig("after", "a", 120, 40, "Wire", "MEDIA"),  # after the telling: an echo, not a lead
               _fig("elsewhere", "b", 10, 40, "Daily", "MEDIA")]  # another report's count
    heard = {f.id: f for f in credit_lead_counts(figures, head=30)}
    assert heard["lead"].claimant == "the clinic's director" and heard["lead"].claimant_side is None
    assert [i for i, f in heard.items() if f.claimant_side == "MEDIA"] == ["head", "other", "after", "elsewhere"]
    assert figures[1].claimant == "Wire"  # the records themselves keep the report's voice
    assert credit_lead_counts(figures)[0].claimant == "the clinic's director"  # (no headline told apart)


def test_the_store_credits_a_stored_lead_as_one_batch_does(tmp_path):
    import json

    from unfog.api import extract_articles, to_articles
    from unfog.store import Store
    from unfog.store.relating import ledger_from_store
    from unfog.workflows import ingest_paths, reprocess

    docs = PATTERNS["headline_and_lead"]
    batch = sorted((r.type, r.a, r.b, r.note) for r in extract_articles(to_articles(docs)).relations)
    assert any("Ural" in note for *_, note in batch), batch
    for name, order in (("forward", docs), ("reverse", docs[::-1])):
        db = str(tmp_path / f"{name}.duckdb")
        for k, doc in enumerate(order):  # one ingest (one process's cache) per report: the first is read back
            path = tmp_path / f"{name}{k}.jsonl"
            path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
            ingest_paths([str(path)], db=db, chunk=1)
        with Store(db) as store:
            assert sorted((r.type, r.a, r.b, r.note) for r in store.records("relations")) == batch, name
        reprocess(db=db, everything=True, chunk=1)
        with Store(db) as store:
            assert sorted((r.type, r.a, r.b, r.note) for r in store.records("relations")) == batch, name
            # the claims ledger lists the lead's count under the claimant the cross-check compared it as
            claims = {c["text"]: c["claimant"] for row in ledger_from_store(store) for c in row["claimants"]}
            assert "Ural" in claims["at least 40 people"], claims


def test_people_present_are_no_toll_and_an_initial_toll_is_the_earlier_value(relations):
    rels = relations["present_and_initial_toll"]
    assert not [r for r in rels if "200 worshippers" in r[1] + r[2]], rels
    assert _has(rels, "updates", "24 dead", "36"), rels



def test_a_count_of_an_attack_on_another_base_last_month_is_another_incidents():
    from unfog.fusion.fuse import FigureKey, comparable, figure_view, names_resolver
    from unfog.model import Figure

    def view(fid, value, sentence, claimant):
        f = Figure(id=fid, article_id="a1", text=str(value), start=int(fid), end=int(fid) + 2, value=value,
                   category="killed", claimant=claimant, claimant_side="NGA", sentence=sentence)
        k = FigureKey(figure_id=fid, article_id="a1", qkey="q", day=5, place="p", reported=5, incident="Battles|5|p")
        return figure_view(f, k, names_resolver({claimant}))

    base = view("10", 30, "At least 30 soldiers died when insurgents overran the base on Thursday.", "an officer")
    earlier = view("90", 17, "17 troops were killed in an attack on another base last month.", "sources")
    also_base = view("50", 17, "17 troops were killed when insurgents overran the base.", "sources")
    assert not comparable(base, earlier)
    assert comparable(base, also_base)


def test_a_dismissal_word_before_a_claim_noun_names_no_owner():
    from unfog.lexicons.denial import denied_owner

    assert denied_owner("The army says it is untrue reports that insurgents killed 30 of its men.") is None
    assert denied_owner("The ministry rejected the rebels' claim that the town fell.") == "rebel"


def test_another_count_of_another_kind_is_a_toll_of_its_own(relations):
    rels = relations["another_of_another_kind"]
    assert _has(rels, "corroborates", "31", "31 others"), rels


def test_a_named_armed_groups_fighters_are_not_the_soldiers_it_fought():
    from unfog.fusion.fuse import counted_force
    from unfog.model import Figure
    f = Figure(id="f1", article_id="a", text="more than 100 Al-Shabaab fighters", start=0, end=33, value=100, low=100,
               high=None, category="killed", group="combatants", counted="fighters")
    assert counted_force(f) == "nonstate"


def test_a_lead_told_again_in_the_same_words_by_its_claimant_is_the_echo():
    # "has risen to 50." then "has risen to 50, the emergency service said": the claimant's own sentence carries the
    # claim (its evidence names who speaks); a lead that tells more ("at least 40" above "40 people") keeps it
    from unfog.fusion.fuse import figure_keys
    from unfog.model import Article
    from unfog.pipeline import process

    text = ("The death toll from the drone strike on the bus depot in Vesna has risen to 50.\n\nThe death toll from the "
            "drone strike on the bus depot in Vesna has risen to 50, the state emergency service said on Sunday.")
    res = process(Article(id="le1", text=text, published="2025-09-14", source="Plain Herald"))
    keyed = {k.figure_id for k in figure_keys(res)}
    fifties = sorted((f for f in res.figures if f.value == 50), key=lambda f: f.start)
    assert len(fifties) == 2, res.figures
    assert fifties[1].id in keyed and fifties[0].id not in keyed


def test_a_common_noun_claimant_restating_its_named_body_is_the_echo():
    from unfog.fusion.fuse import _own_voice_echoes

    text = "The toll from the shelling of the market has risen to 45, the Health Ministry said. " \
           "\"Forty-five people are dead,\" a ministry statement said. A hospital director said 45 were brought in."
    figures = [_fig("named", "a", 55, 45, "the Health Ministry", "XXA", statement_id="s1"),
               _fig("restated", "a", 86, 45, "a ministry statement", "XXA", statement_id="s2"),
               _fig("other", "a", 150, 45, "a hospital director", "XXA", statement_id="s3")]
    # the ministry's statement restates the ministry's count; a director of the same side is another claimant
    assert _own_voice_echoes(figures, text) == {"restated"}
