"""Places: every gazetteer name in the article, resolved to one GeoNames entry.

Disambiguation uses, in this order of strength: the division or district
named right after a place ("Adamivka, Donetsk"; "Peski (Yasinovatsky
district)"), the words around it ("the Dnipro river", "the Donetsk region"),
the divisions named elsewhere in the article, the distance to the article's
other places (their centroid), and the place's kind and population.

Names followed by a unit word ("Azov Regiment") are units, not places.
Landmarks from the world layer ("the Azovstal steel plant") resolve to their
town with precision 2, as do places introduced by "near", "outside",
"the theatre in" and the like.
"""
from __future__ import annotations

import functools
from collections import Counter

from unfog.extractors.context import Context
from unfog.gazetteer.index import get_gazetteer
from unfog.gazetteer.mentions import Mention, Reading, hints_for, read_context, resolve, scan
from unfog.gazetteer.geocode import precision_for
from unfog.model import Place

RULER_NAME = "unfog_gazetteer_ruler"
MIN_CONFIDENCE = 0.05  # below this a mention is too ambiguous to place (the score tells the rest)
ATTACH_WORDS = {"in", "at", "near", "of", "outside", "around", "from", "into", "to", "toward", "towards", "across"}


@functools.lru_cache(maxsize=4)
def _english_words(nlp) -> frozenset:
    """Common English words (the model's lemma index and stop words): place names to treat with care."""
    words: set[str] = set()
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        for lst in table.values():
            words.update(w.lower() for w in lst if "_" not in w)
    except Exception:  # noqa: BLE001  (a model without lookups: fall back to stop words)
        pass
    words.update(nlp.Defaults.stop_words)
    return frozenset(words)


_ENGLISH: dict[str, frozenset] = {}


def mentions_in(text: str) -> list[Mention]:
    g = get_gazetteer()
    if "words" not in _ENGLISH:  # no ruler built in this process (a bare model): stop words at least
        from spacy.lang.en.stop_words import STOP_WORDS

        _ENGLISH["words"] = frozenset(STOP_WORDS)
    return [m for m in scan(text, g, require_caps=True, english=_ENGLISH["words"]) if not m.unit]


def _label(m: Mention) -> str:
    g = get_gazetteer()
    if m.landmark:
        return "FAC"
    cands = g.candidates(m.key)
    if cands and all(e.fclass in ("H", "T", "L", "V", "U") for e in cands):
        return "LOC"
    if cands and all(e.fclass == "S" for e in cands):
        return "FAC"
    return "GPE"


class GazetteerRuler:
    """A pipeline component: tag known place names as GPE/LOC/FAC before the statistical NER."""

    def __init__(self, nlp, name: str = RULER_NAME):
        self.name = name
        _ENGLISH["words"] = _english_words(nlp)
        get_gazetteer()  # load now, not on the first document

    def __call__(self, doc):
        from spacy.util import filter_spans

        spans = []
        for m in mentions_in(doc.text):
            if m.partial:
                continue
            sp = doc.char_span(m.start, m.end, label=_label(m), alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        if spans:
            doc.ents = filter_spans(spans + list(doc.ents))
        return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(RULER_NAME):
        Language.factory(RULER_NAME)(lambda nlp, name: GazetteerRuler(nlp, name))


def add_entity_ruler(nlp) -> None:
    """Put a gazetteer-driven entity ruler in front of the statistical NER."""
    _register()
    if RULER_NAME in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(RULER_NAME, before="ner")
    else:
        nlp.add_pipe(RULER_NAME)


def _article_divisions(readings: list[Reading], g) -> dict:
    """Divisions the article names anywhere ("in the Donetsk region"): weak hints for every mention."""
    out: dict = {}
    for r in readings:
        if r.want == "region" or r.is_hint:
            for d in g.admin1_of(r.mention.text):
                out[d] = 0.35
    return out


def _centroid(points: list[tuple[float, float]]):
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def extract(ctx: Context) -> list[Place]:
    g = get_gazetteer()
    text = ctx.text
    mentions = [m for m in mentions_in(text)]
    # A partial name survives only when it is a significant place ("Donetsk People's Republic").
    mentions = [m for m in mentions if not m.partial or any(e.population >= 20000 or e.layer == "world"
                                                            for e in g.candidates(m.key))]
    if not mentions:
        return []
    readings = read_context(text, mentions, g)
    divisions = _article_divisions(readings, g)
    # Pass 1: confident, important places set the article's centre.
    first = {}
    pts = []
    for k, r in enumerate(readings):
        ranked = resolve(r, g, hints_for(r, divisions))
        first[k] = ranked
        if ranked and ranked[0][2] >= 0.6 and ranked[0][0].fclass == "P":
            pts.append((ranked[0][0].lat, ranked[0][0].lon, ranked[0][0].country))
    # The centre of the article's main country ("Moscow said", "in London" do not move it).
    if pts:
        main_country = Counter(p[2] for p in pts).most_common(1)[0][0]
        pts = [p for p in pts if p[2] == main_country]
    centre = _centroid(pts)
    places = []
    for k, r in enumerate(readings):
        m = r.mention
        ranked = resolve(r, g, hints_for(r, divisions, centre)) if centre else first[k]
        if r.is_hint and r.want != "district":
            # "Adamivka, Donetsk": the second name is the division, not the city.
            regions = [e for e in (g.admin1_entry(*d) for d in sorted(g.admin1_of(m.text))) if e]
            if regions:
                ranked = [(regions[0], 10.0, 0.9)]
                r.want = "region"
        if not ranked:
            continue
        e, _, conf = ranked[0]
        if conf < MIN_CONFIDENCE:
            continue
        if r.want == "water" and e.fclass != "H":
            continue  # "the Kakhovka reservoir" is not the town of Kakhovka
        prec = precision_for(e, r)
        kind = "facility" if m.landmark else e.kind
        places.append(Place(
            id=ctx.make_id("plc", m.start, m.end),
            article_id=ctx.article.id,
            name=text[m.start:m.end],
            start=m.start,
            end=m.end,
            geonames_id=e.geonames_id,
            canonical=e.name,
            lat=e.lat,
            lon=e.lon,
            feature_code=e.fcode,
            admin1=e.admin1,
            country=e.country,
            precision=prec,
            kind=kind,
            score=conf,
            text=_sentence_text(ctx, m.start, m.end),
        ))
    return places


def _sentence_text(ctx: Context, start: int, end: int) -> str:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ctx.text[start:end]
    return span.sent.text if span.doc.has_annotation("SENT_START") else span.text


def place_near(ctx: Context, start: int, end: int):
    """The most specific Place in the same sentence as [start, end), or None.

    A place attached by "in/at/near/of..." wins over one merely in the sentence;
    then the more precise one (settlement before region), then the closest.
    """
    if not ctx.places:
        return None
    doc = ctx.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        s_start, s_end = 0, len(ctx.text)
    else:
        s_start, s_end = span.sent.start_char, span.sent.end_char
    best, best_key = None, None
    for p in ctx.places:
        if p.start < s_start or p.end > s_end:
            continue
        before = ctx.text[max(s_start, p.start - 30):p.start].lower().split()
        attached = bool(before) and before[-1] in ATTACH_WORDS
        dist = min(abs(p.start - end), abs(start - p.end))
        key = (not attached, p.precision or 3, dist)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best
