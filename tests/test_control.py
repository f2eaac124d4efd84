"""The control timeline over stored claims (the claims come from the control extractor stage)."""
import functools

from unfog.extractors import control as control_stage
from unfog.extractors.context import Context
from unfog.fusion.control import control_timeline
from unfog.model import Article, ArticleRecords, Event, Place, Statement


@functools.lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def claims_in_article(res: ArticleRecords):
    """Run the control stage over records made by hand (sentences from a plain sentencizer)."""
    ctx = Context(article=res.article, doc=_sentencizer()(res.article.text), places=res.places,
                  statements=res.statements, events=res.events, options={"strict": True})
    res.control = control_stage.extract(ctx)
    return res.control

TEXT_A = ("The ministry said that Russian forces had captured the village of Toshkivka.\n\n"
          "Its fall would open the road north, analysts said.")
TEXT_B = ("Ukrainian officials denied that Toshkivka had been captured, saying the village is still held by Ukrainian troops.\n\n"
          "Ukrainian forces withdrew from Zolote last week.")


def art(aid, text, published="2022-06-01", source="Sample Wire"):
    return Article(id=aid, text=text, external_id=aid, published=published, source=source)


def places(aid, text, names):
    out = []
    for n in names:
        i = text.find(n)
        while i >= 0:
            out.append(Place(id=f"{aid}{i}", article_id=aid, name=n, start=i, end=i + len(n), canonical=n))
            i = text.find(n, i + 1)
    return out


def records():
    a = ArticleRecords(article=art("a", TEXT_A), places=places("a", TEXT_A, ["Toshkivka"]), statements=[
        Statement(id="s1", article_id="a", speaker="Russia's defence ministry", speaker_side="RUS", text=TEXT_A[:76],
                  start=0, end=76)])
    b = ArticleRecords(article=art("b", TEXT_B, "2022-06-02", "Example Gazette"),
                       places=places("b", TEXT_B, ["Toshkivka", "Zolote"]), statements=[
        Statement(id="s2", article_id="b", speaker="Ukrainian officials", speaker_side="UKR", text=TEXT_B[:60],
                  start=0, end=60, polarity="denies")])
    return [a, b]


def extracted():
    rs = records()
    for r in rs:
        claims_in_article(r)
    return rs


def test_claim_and_its_dispute_on_one_place():
    tl = control_timeline(extracted())
    from unfog.fusion.fuse import place_key

    tosh = tl[place_key("Toshkivka")]
    assert [c["status"] for c in tosh["claims"]] == ["claims", "disputes"]
    claim, dispute = tosh["claims"]
    assert claim["holder"] == "RUS" and claim["claimant_side"] == "RUS" and claim["date"] == "2022-06-01"
    assert dispute["holder"] == "UKR" and dispute["claimant"] == "Ukrainian officials"
    assert claim["disputed_by"] == [dispute["id"]]
    assert TEXT_A[claim["start"]:claim["end"]] == claim["text"]


def test_withdrawal_gives_the_place_to_the_other_side_and_hypotheticals_are_skipped():
    tl = control_timeline(extracted())
    from unfog.fusion.fuse import place_key

    zol = tl[place_key("Zolote")]["claims"]
    assert len(zol) == 1 and zol[0]["holder"] == "RUS" and zol[0]["claimant_side"] == "MEDIA"
    assert not any("would" in c["text"] for v in tl.values() for c in v["claims"])


def test_territorial_claim_events_enter_the_timeline():
    r = ArticleRecords(article=art("c", "Moscow said its troops took Rubizhne.", "2022-05-12"))
    r.events.append(Event(id="e1", article_ids=["c"], event_type="Strategic developments", sub_event_type="Other",
                          text="took Rubizhne", start=23, end=36, tags=["territorial-claim"], place="Rubizhne",
                          actor1="Russian forces", actor1_side="RUS", claimed_by="Russian government",
                          claimed_by_side="RUS", date="2022-05-12"))
    r.places = places("c", r.article.text, ["Rubizhne"])
    claims = claims_in_article(r)
    assert any(c.event_id == "e1" and c.holder == "RUS" for c in claims)


def test_failed_articles_and_text_without_cues_give_nothing():
    bad = ArticleRecords(article=Article(id="x", text="", status="failed"))
    calm = ArticleRecords(article=art("y", "Residents of Mariupol queued for water."))
    assert control_timeline([bad, calm]) == {}


def test_control_command_reads_the_store(tmp_path):
    import json

    from typer.testing import CliRunner

    from unfog.cli import app
    from unfog.store import Store

    db = str(tmp_path / "c.duckdb")
    with Store(db) as store:
        store.write(extracted())
    runner = CliRunner()
    res = runner.invoke(app, ["control", "--db", db, "--place", "Toshkivka", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data) == 1 and len(next(iter(data.values()))["claims"]) == 2
    res = runner.invoke(app, ["control", "--db", db])
    assert res.exit_code == 0 and "Zolote" in res.stdout


def test_the_pipeline_stores_control_claims_once():
    from unfog.pipeline import STAGES

    assert "control" in [name for name, _, _ in STAGES]
    r = extracted()[0]
    assert r.tables()["control"] and all(r.article.text[c.start:c.end] == c.text for c in r.control)
