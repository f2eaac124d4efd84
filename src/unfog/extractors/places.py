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

from collections import Counter

from unfog.extractors.context import Context
from unfog.extractors.query import place_near  # noqa: F401  (re-exported for callers of the old name)
from unfog.nlp.ruler import RULER_NAME, add_entity_ruler, mentions_in  # noqa: F401  (re-exported)
from unfog.gazetteer.index import get_gazetteer
from unfog.gazetteer.mentions import Reading, hints_for, read_context, resolve
from unfog.gazetteer.geocode import precision_for
from unfog.model import Place

MIN_CONFIDENCE = 0.05  # below this a mention is too ambiguous to place (the score tells the rest)


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
