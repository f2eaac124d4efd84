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
import json
import re
from collections import Counter
from importlib import resources

from unfog.extractors.context import Context
from unfog.gazetteer.index import GLOBAL_LAYER, get_gazetteer
from unfog.gazetteer.mentions import (DISTRICT_WORDS, LOCATIVE, REGION_WORDS, TITLE_WORDS, FUNCTION_WORDS, Mention, Reading,
                                      notable, hints_for, read_context, resolve, scan, words)
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


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset]:
    """The cue words of ``lexicons/places.json`` (person titles, government verbs, place cues...)."""
    data = json.loads((resources.files("unfog") / "lexicons" / "places.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def mentions_in(text: str) -> list[Mention]:
    g = get_gazetteer()
    if "words" not in _ENGLISH:  # no ruler built in this process (a bare model): stop words at least
        from spacy.lang.en.stop_words import STOP_WORDS

        _ENGLISH["words"] = frozenset(STOP_WORDS)
    return [m for m in scan(text, g, require_caps=True, english=_ENGLISH["words"])
            if not m.unit and not person_like(text, m, g) and not government_like(text, m, g)]


def person_like(text: str, m: Mention, g) -> bool:
    """The name is a person's here: a title before it ("Mr Jordan", "President Sudan"), an age or a
    role after it ("Jordan, 34,", "Jordan, a spokesman"), a verb people do ("Jordan told")."""
    if m.landmark or " " in m.key:
        return False
    c = cues()
    head = text[max(0, m.start - 40):m.start]
    before = words(head)
    if before and before[-1].lower in c["person_titles"] and head[before[-1].end:].strip(" .") == "":
        return True
    after = text[m.end:m.end + 40]
    if re.match(r",\s+\d{1,3},", after):
        return True
    am = re.match(r",\s+(?:a|an|the)?\s*([a-z]+)", after)
    nxt = words(after)
    return bool((am and am.group(1) in c["person_apposition"]) or (nxt and nxt[0].lower in c["person_verbs_after"]))


def glued_to_name(text: str, m: Mention, g) -> bool:
    """A capitalised word right before or after the name, itself no notable place ("Vladimir Putin",
    "Michael Jordan"): the name may be a person's or an organisation's, the NER decides."""
    head, tail = text[max(0, m.start - 40):m.start], text[m.end:m.end + 40]
    before, after = words(head), words(tail)
    for w, gap in ((before[-1] if before else None, head[before[-1].end:] if before else ""),
                   (after[0] if after else None, tail[:after[0].start] if after else "")):
        if w is None or gap != " " or not w.text[:1].isupper() or not w.text.isalpha():
            continue
        if w.lower in FUNCTION_WORDS or w.lower in TITLE_WORDS or w.lower in REGION_WORDS | DISTRICT_WORDS:
            continue
        if not any(e.layer == "world" or e.population >= 100000 or e.fcode in ("PCLI", "PPLC", "ADM1")
                   for e in g.candidates(w.text)):
            return True
    return False


def government_like(text: str, m: Mention, g) -> bool:
    """A capital standing for its government ("Washington warned", "Moscow has said"): metonymy, not a location."""
    before = words(text[max(0, m.start - 20):m.start])
    if before and before[-1].lower in ("in", "at", "from", "near", "to", "into", "outside"):
        return False  # "officials in Kiev said": the place where they are
    tail = text[m.end:m.end + 30]
    nxt = words(tail)
    if not nxt or nxt[0].lower not in cues()["government_verbs"] or tail[:nxt[0].start] != " ":
        return False
    cands = g.candidates(m.key)
    kinds = cues()["government_kinds"]
    return bool(cands) and max(cands, key=lambda e: e.prior()).fcode in kinds


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
        g = get_gazetteer()
        for m in mentions_in(doc.text):
            if m.partial or not claimed(doc.text, m, g):
                continue  # left to the statistical NER: it tells people and organisations from places
            sp = doc.char_span(m.start, m.end, label=_label(m), alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        if spans:
            doc.ents = filter_spans(spans + list(doc.ents))
        return doc


def claimed(text: str, m: Mention, g) -> bool:
    """The ruler tags the name before the NER: a landmark, a name of several words, a major place,
    a place of a country with full detail. Other names of the world layer are left to the NER."""
    if m.landmark or " " in m.key:
        return True
    if glued_to_name(text, m, g):
        return False
    return any(e.layer != GLOBAL_LAYER or e.population >= 100000 or e.fcode in ("PCLI", "PPLC", "ADM1")
               for e in g.candidates(m.key))


def ner_allows(ctx: Context, m: Mention, g) -> bool:
    """For a name the ruler left to the NER: not a person or organisation, and said to be a place
    (GPE/LOC/FAC) or introduced like one ("in X", "the village of X", "shelled X")."""
    if claimed(ctx.text, m, g):
        return True
    labels = {e.label_ for e in ctx.doc.ents if e.start_char < m.end and e.end_char > m.start}
    before = [w.lower for w in words(ctx.text[max(0, m.start - 30):m.start])]
    exact_person = any(e.label_ == "PERSON" and e.start_char == m.start and e.end_char == m.end for e in ctx.doc.ents)
    if exact_person and before and before[-1] in LOCATIVE:
        return True  # "the road to Baalbek": the small model takes many foreign towns for people
    if labels & (cues()["non_place_labels"] - {"ORG"}):
        return False
    if labels & {"GPE", "LOC", "FAC"}:
        return True
    # The model often calls a town an ORG: then only the words around it can say it is a place.
    while before and before[-1] in ("the", "a"):
        before.pop()
    after = words(ctx.text[m.end:m.end + 30])
    return bool((before and before[-1] in cues()["place_cues_before"])
                or (after and after[0].lower in cues()["place_cues_after"]))


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


def _focus(ranked_by_mention: dict, g) -> tuple[set[str], tuple[float, float] | None]:
    """The article's main country (where most confidently placed names are) and the centre of its places."""
    votes: Counter = Counter()
    pts = []
    for ranked in ranked_by_mention.values():
        if not ranked or ranked[0][2] < 0.5:
            continue
        e = ranked[0][0]
        votes[e.country] += 1.0 if e.fcode != "PCLI" else 0.5
        if ranked[0][2] >= 0.6 and e.fclass == "P":
            pts.append((e.lat, e.lon, e.country))
    if not votes:
        return set(), None
    top, n = votes.most_common(1)[0]
    countries = {top} if n >= 0.4 * sum(votes.values()) else set()
    # The centre of the article's main country ("Moscow said", "in London" do not move it).
    main = [p for p in pts if p[2] == top] or pts
    return countries, _centroid([(p[0], p[1]) for p in main])


def extract(ctx: Context) -> list[Place]:
    g = get_gazetteer()
    text = ctx.text
    # A partial name survives only when it is a significant place ("Donetsk People's Republic").
    mentions = [m for m in mentions_in(text) if ner_allows(ctx, m, g) and (
        not m.partial or any(e.population >= 20000 or e.layer == "world" for e in g.candidates(m.key)))]
    if not mentions:
        return []
    readings = read_context(text, mentions, g)
    divisions = _article_divisions(readings, g)
    # Pass 1: confident, important places set the article's country and centre.
    first = {k: resolve(r, g, hints_for(r, divisions)) for k, r in enumerate(readings)}
    countries, centre = _focus(first, g)
    places = []
    for k, r in enumerate(readings):
        if centre or countries:
            hints = hints_for(r, divisions, centre)
            hints.countries = countries
            ranked = resolve(r, g, hints)
        else:
            ranked = first[k]
        place = _place(ctx, r, ranked, g, countries)
        if place is not None:
            places.append(place)
    hint = coverage_hint(places, g)
    if hint and hint not in ctx.article.warnings:
        ctx.article.warnings.append(hint)
    return places


def _place(ctx: Context, r: Reading, ranked: list, g, countries: set[str] = frozenset()) -> Place | None:
    m = r.mention
    text = ctx.text
    if r.is_hint and r.want != "district":
        # "Adamivka, Donetsk": the second name is the division, not the city.
        regions = [e for e in (g.admin1_entry(*d) for d in sorted(g.admin1_of(m.text))) if e]
        if regions:
            ranked = [(regions[0], 10.0, 0.9)]
            r.want = "region"
    if not ranked:
        return None
    e, _, conf = ranked[0]
    if conf < MIN_CONFIDENCE:
        return None
    if r.want == "water" and e.fclass != "H":
        return None  # "the Kakhovka reservoir" is not the town of Kakhovka
    if countries and e.country not in countries and e.layer == GLOBAL_LAYER and e.fclass == "P" and e.population < 5000:
        return None  # a hamlet abroad sharing the name of a place the world layer lacks (see coverage_hint)
    return Place(
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
        precision=precision_for(e, r),
        kind="facility" if m.landmark else e.kind,
        score=conf,
        text=_sentence_text(ctx, m.start, m.end),
    )


COVERAGE_HINT = ("places in {name} ({cc}) were matched against the world layer only (towns of 500+ people, "
                 "divisions): villages may be missing or misplaced; add full detail from a GeoNames dump with "
                 "`unfog gazetteer add {cc} --dump {cc}.zip` (download.geonames.org/export/dump/{cc}.zip)")


def coverage_hint(places_or_records, g=None) -> str | None:
    """A warning when an article's places lie mostly in a country without full detail, else None.

    Takes the places of one article, or its ArticleRecords (for the desk).
    """
    places = getattr(places_or_records, "places", places_or_records) or []
    g = g or get_gazetteer()
    local = Counter(p.country for p in places if p.country and p.feature_code not in ("PCLI", "CONT", "SEA"))
    total = sum(local.values())
    if not local:
        return None
    cc, n = local.most_common(1)[0]  # the article's main country
    if g.covered(cc) or n < total / 3:
        return None
    return COVERAGE_HINT.format(name=g.country_name(cc), cc=cc)


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
