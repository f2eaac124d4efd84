"""Finding gazetteer names in text and reading the words around them.

Pure functions over plain strings (no spaCy): the entity ruler, the place
extractor and the geocoder of free-text descriptions all use them.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources

from unfog.gazetteer.fold import fold, name_key
from unfog.gazetteer.index import GLOBAL_LAYER, Entry, Gazetteer, Hints, rank
from unfog.geo import distance_km

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\.?", re.UNICODE)
# Lower-case words allowed inside a capitalised name ("Sea of Azov", "Rostov-on-Don").
# ("Port-au-Prince", "Bourg-en-Bresse", "Saint-Louis-du-Sud", "Ras al Ain": only names the gazetteer holds match)
CONNECTORS = {"of", "on", "na", "de", "the", "upon", "am", "nad", "pod", "and", "da", "do", "dos", "das", "del", "di", "du",
              "au", "aux", "en", "la", "le", "les", "des", "sur", "al", "el", "ul", "y", "van", "von", "der", "den"}
# A name followed by one of these is an armed unit or organisation, not a place.
UNIT_WORDS = {"regiment", "battalion", "brigade", "division", "detachment", "fighters", "militia", "corps",
              "fleet", "unit", "units", "movement", "group", "volunteers", "defenders", "forces", "troops",
              "army", "commander", "commanders", "soldiers", "members", "fighter", "battalions", "regiments",
              "news", "agency"}  # "Xinhua news agency": a wire service, not the town
REGION_WORDS = {"region", "oblast", "province", "regions", "oblast'", "oblast’", "governorate", "krai", "state"}
# (the second-level divisions of many countries: Mali's cercles, DR Congo's territories, Nigeria's local government
# areas, Sudan's localities, Pakistan's tehsils, South Sudan's payams, Burkina Faso's and Mali's communes)
DISTRICT_WORDS = {"district", "raion", "rayon", "districts", "municipality", "cercle", "zone", "department", "woreda",
                  "territory", "locality", "commune", "lga", "tehsil", "payam", "sub-district", "subdistrict",
                  "sub-county", "subcounty", "township"}
# two words that name a second-level division together ("Maru Local Government Area", "Gwoza local government")
DISTRICT_PHRASES = {("local", "government")}
WATER_WORDS = {"river", "sea", "lake", "reservoir", "bay", "estuary", "canal"}
SETTLEMENT_WORDS = {"city", "town", "village", "settlement", "hamlet", "suburb"}
# Words before a mention saying the place is only approximate or a part of it.
NEAR_WORDS = {"near", "outside", "around", "nearby", "outskirts", "vicinity", "area", "towards", "toward",
              "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "northern", "southern", "eastern", "western", "km", "kilometres", "kilometers", "miles",
              "between", "suburbs", "environs", "approaches", "direction", "outskirt", "close"}
FACILITY_WORDS = {"plant", "factory", "works", "steelworks", "theatre", "theater", "hospital", "port", "airport",
                  "station", "bridge", "school", "maternity", "mall", "base", "airfield", "building", "square",
                  "church", "mosque", "market", "prison", "camp", "dam", "stadium", "centre", "center", "shelter",
                  "complex", "facility", "bunker", "headquarters"}


# Words before a name that say it is a place; words after it naming the kind of place.
LOCATIVE = {"in", "near", "around", "outside", "towards", "toward", "from", "into", "to", "at", "reached", "entered",
            "captured", "seized", "shelled", "struck", "bombed", "besieged", "stormed", "retook"}
KIND_AFTER = {"camp", "governorate", "state", "province", "town", "city", "village", "border", "crossing", "county"}

# Capitalised words that may follow a place name without making it a person's name.
TITLE_WORDS = {"mayor", "governor", "council", "city", "administration", "authorities", "police", "military",
               "regional", "oblast", "people", "republic", "airport", "port", "station", "hospital", "theatre",
               "bridge", "district", "region", "university", "cathedral", "street", "square", "avenue"}


@functools.lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset]:
    """The word lists of lexicons/places.json (read once for mentions, roles and the extractors)."""
    data = json.loads((resources.files("unfog") / "lexicons" / "places.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def name_prefixes() -> frozenset:
    """Words that open a place's name ("Puerto", "Kfar", "Umm")."""
    return place_words()["name_prefixes"]


def calendar_words() -> frozenset:
    """Month and weekday names."""
    return place_words()["calendar_words"]


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    landmark: bool = False
    unit: bool = False  # looked like an armed unit ("Azov Regiment")
    partial: bool = False  # one word of a longer capitalised name the gazetteer does not know


@dataclass
class Word:
    start: int
    end: int
    text: str

    @functools.cached_property
    def lower(self) -> str:  # read many times per word by the scan: computed once
        return self.text.lower().rstrip(".")


_POSSESSIVE = ("'s", "’s")
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z]\.?(?:[A-Z]\.)+")  # "U.S.", "U.N.", "UK." is not


def words(text: str) -> list[Word]:
    out = []
    for m in WORD.finditer(text):
        t = m.group(0)
        start = m.start()
        if t.endswith(_POSSESSIVE):  # "Russia's": the name ends before the possessive
            t = t[:-2]
        if t.endswith(".") and not _INITIALS.fullmatch(t):
            t = t[:-1]  # a full stop ends the sentence, it is not part of the name
        out.append(Word(start, start + len(t), t))
    return out


def _capitalised(w: Word) -> bool:
    return w.text[:1].isupper() or w.text[:1].isdigit()


def scan(text: str, g: Gazetteer, require_caps: bool = True, english: frozenset | set = frozenset(),
         detail_only: bool = False) -> list[Mention]:
    """Gazetteer names and landmarks in text, longest first, not overlapping (detail_only: not the world layer)."""
    ws = words(text)
    out: list[Mention] = []
    i = 0
    n = len(ws)
    max_words = min(6, max(1, g.max_words))  # longer names are rare in running text
    caps = [_capitalised(w) for w in ws]
    glued = _glued_until(text, ws)
    while i < n:
        if require_caps and not caps[i] and not _article_prefix(text, ws, i):
            i += 1
            continue
        hit = None
        # words i..j-1 with a gap between two of them are never one name (_gap): j stops at glued[i] + 1
        for j in range(min(n, i + max_words, glued[i] + 1), i, -1):
            last = ws[j - 1]
            if require_caps and not caps[j - 1] and last.lower not in _TAIL_OK:
                continue
            if require_caps and any(not caps[k] and ws[k].lower not in CONNECTORS and ws[k].lower not in _TAIL_OK
                                    and not (k < j - 1 and _article_prefix(text, ws, k)) for k in range(i, j)):
                continue
            span = text[ws[i].start:last.end]
            key = name_key(span)
            if key in g.landmarks:
                hit = Mention(ws[i].start, last.end, span, key, landmark=True)
                break
            if (key in g.by_key) if detail_only else g.knows(key):
                if j - i == 1 and require_caps and _skip_single(ws, i, key, g, english, text):
                    break
                hit = Mention(ws[i].start, last.end, span, key)
                break
        if hit is None:
            i += 1
            continue
        if _family_name(text, ws, i, g):
            i = j  # "Mohammed al-Mughayyir said": a person's family name, not the village it spells
            continue
        nxt = ws[j].lower if j < n else ""
        if j - i == 1:
            # "Plateau State", "Soum Province": a division word glued after is no longer name
            hit.partial = _attached_name(text, ws, i - 1, i) or (
                _attached_name(text, ws, i, j) and nxt not in REGION_WORDS | DISTRICT_WORDS)
        hit.unit = nxt in UNIT_WORDS or (hit.key in g.unit_keys and not hit.landmark)
        out.append(hit)
        i = j
    return out


# Arabic articles written in lower case before a name ("al-Fashir", "el-Geneina").
ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ez", "es", "ed", "er", "et", "en", "ul", "e"}


def _article_prefix(text: str, ws: list[Word], i: int) -> bool:
    """ws[i] is a lower-case Arabic article glued by a hyphen to a capitalised word."""
    return (ws[i].lower in ARTICLES and i + 1 < len(ws) and text[ws[i].end:ws[i + 1].start] == "-"
            and ws[i + 1].text[:1].isupper())


# Lower-case words that may end a landmark name ("Azovstal steel plant").
_TAIL_OK = {"steel", "plant", "works", "steelworks", "nuclear", "power", "iron", "and", "airport", "airfield", "river", "sea"}


def _family_name(text: str, ws: list[Word], i: int, g: Gazetteer) -> bool:
    """A name opening with a lower-case Arabic article right after a capitalised word that is no place
    (a given name: "Ashraf al-Qudra", "Mohammed al-Mughayyir")."""
    if not _article_prefix(text, ws, i) or i == 0 or text[ws[i - 1].end:ws[i].start] != " ":
        return False
    w = ws[i - 1]
    if not (w.text[:1].isupper() and w.text.isalpha()) or w.lower in FUNCTION_WORDS \
            or w.lower in REGION_WORDS | DISTRICT_WORDS | TITLE_WORDS | KIND_AFTER | SETTLEMENT_WORDS:
        return False
    return not g.candidates(name_key(w.text))


def _attached_name(text: str, ws: list[Word], a: int, b: int) -> bool:
    """True when words a and b are glued (space or hyphen) and the other one is a capitalised non-name."""
    if a < 0 or b >= len(ws):
        return False
    between = text[ws[a].end:ws[b].start]
    return (between in (" ", "-") and ws[a].text[:1].isupper() and ws[b].text[:1].isupper()
            and ws[a].lower not in FUNCTION_WORDS and ws[b].lower not in FUNCTION_WORDS)


# Capitalised at a sentence start, these are not part of a name ("In Warsaw").
FUNCTION_WORDS = {"in", "at", "on", "the", "from", "to", "and", "but", "near", "of", "for", "by", "with", "as",
                   "a", "an", "outside", "inside", "after", "before", "since", "when", "while", "both", "east",
                   "west", "north", "south", "central", "eastern", "western", "northern", "southern"}


def _apart(text: str, a: Word, b: Word) -> bool:
    """True when two neighbouring words are not one name: separated by punctuation other than hyphens/spaces."""
    between = text[a.end:b.start]
    return bool(between.strip(" -‐–'’")) or "\n" in between or len(between) > 3


def _glued_until(text: str, ws: list[Word]) -> list[int]:
    """For each word i, the last word k >= i such that no two neighbours of words i..k are apart."""
    out = list(range(len(ws)))
    for k in range(len(ws) - 2, -1, -1):
        if not _apart(text, ws[k], ws[k + 1]):
            out[k] = out[k + 1]
    return out


def _skip_single(ws: list[Word], i: int, key: str, g: Gazetteer, english, text: str = "") -> bool:
    """A one-word name that is probably not a place here."""
    cands = g.candidates(key)
    f = fold(ws[i].text)
    if (f in calendar_words() or f in FUNCTION_WORDS) and all(e.layer == GLOBAL_LAYER for e in cands):
        return True  # "August", "Thursday", "North": places abroad, dates and directions here
    if _heads_a_longer_name(ws, i, text):
        return True  # "Village de Dieu", "Villa d'Accueil": the first word of a name the gazetteer lacks
    if ws[i].text.isupper() and len(ws[i].text) <= 2 and not any(e.fcode in _STATE_CODES for e in cands):
        return True  # "the 33rd IB" (a battalion), not the town of Ibb
    prefixes = name_prefixes()
    if (f in prefixes and i + 1 < len(ws) and text[ws[i].end:ws[i + 1].start] == " " and ws[i + 1].text[:1].isupper()) \
            or (i > 0 and fold(ws[i - 1].text) in prefixes and text[ws[i - 1].end:ws[i].start] == " "
                and not _sentence_start(ws, i - 1, text) | (i - 1 == 0)):
        return True  # "Puerto Jordan" the gazetteer lacks: neither a Spanish Puerto nor the state of Jordan
    # A division named like an English word ("Centre", "Delta", "Unity") is not major by itself.
    major = any(e.population >= 200000 or e.fcode in ("PPLC", "PCLI", "SEA") or e.layer == "world"
                or (e.fcode in ("ADM1", "RGN") and (e.layer != GLOBAL_LAYER or f not in english)) for e in cands)
    if _half_of_a_name(ws, i, g, cands, text):
        return True
    nxt_kind = i + 1 < len(ws) and ws[i + 1].lower in SETTLEMENT_WORDS | REGION_WORDS | DISTRICT_WORDS
    if nxt_kind and _after_unknown_name(ws, i, g, english, text):
        return True  # "Brima Rashid village": a village the gazetteer lacks, not the city of Rashid (Rosetta)
    if major:
        return False
    significant = any(e.population >= 20000 or e.fcode == "PPLA" for e in cands)
    if all(e.layer == GLOBAL_LAYER for e in cands):
        if not significant and _sentence_start(ws, i, text):
            return True  # "Checkpoint located at...": a capital that only opens the sentence
        if _after_unknown_name(ws, i, g, english, text):
            return True  # "Fnote Salam region": the end of a name the gazetteer lacks, not a town abroad
        prev = ws[i - 1].lower if i > 0 else ""
        nxt = ws[i + 1].lower if i + 1 < len(ws) else ""
        prev2 = ws[i - 2].lower if i > 1 else ""
        said_place = prev == "of" and prev2 in NEAR_WORDS | SETTLEMENT_WORDS  # "the outskirts of Sake", "the town of X"
        if prev in LOCATIVE and not _sentence_start(ws, i, text) or said_place or nxt in REGION_WORDS | DISTRICT_WORDS | KIND_AFTER:
            return False  # "around Sake", "from Gao", "the Amhara region": said to be a place
        if f in english and (len(f) <= 3 or not significant):
            return True  # "An", "Mercy", "Thursday": English words that are also places abroad
    if not significant and (f in english or len(f) < 4):
        return True
    # Inside a run of capitalised words that is not a place: a person or an organisation.
    def cap_word(k):
        return (0 <= k < len(ws) and _capitalised(ws[k]) and ws[k].text.isalpha()
                and ws[k].lower not in FUNCTION_WORDS and fold(ws[k].text) not in english)
    def joined(a, b):  # two words side by side, only a space between
        return 0 <= a and b < len(ws) and ws[b].start - ws[a].end == 1
    # A small place glued to another capitalised word is most likely part of a person's
    # or organisation's name ("Ivan Bila", "Bila" being a village's name);
    # a bigger one only when the other word is not itself a notable place.
    def other_is_name(k):
        if not cap_word(k) or ws[k].lower in REGION_WORDS | DISTRICT_WORDS | TITLE_WORDS:
            return False
        return not significant or not notable(g, ws[k].text)
    prev_is_name = joined(i - 1, i) and other_is_name(i - 1)
    next_is_name = joined(i, i + 1) and other_is_name(i + 1)
    return prev_is_name or next_is_name


_STATE_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "CONT")


def _after_unknown_name(ws: list[Word], i: int, g: Gazetteer, english, text: str) -> bool:
    """The word before, glued by one space, is a capitalised word no place and no English word bears:
    the two are one name the gazetteer lacks."""
    if i == 0 or text[ws[i - 1].end:ws[i].start] != " " or _sentence_start(ws, i - 1, text):
        return False
    w = ws[i - 1]
    return (w.text[:1].isupper() and w.text.isalpha() and w.lower not in FUNCTION_WORDS
            and w.lower not in REGION_WORDS | DISTRICT_WORDS | TITLE_WORDS | KIND_AFTER
            and fold(w.text) not in english and not g.candidates(name_key(w.text)))


# joining words of French, Spanish, Portuguese and Italian place names ("Vallée de Bourdon", "Villa del Rosario")
_NAME_LINKS = frozenset({"de", "du", "des", "del", "della", "da", "do", "dos", "das", "di"})


def _heads_a_longer_name(ws: list[Word], i: int, text: str) -> bool:
    """A word followed by a joining word and a capitalised word ("Village de Dieu", "Villa d'Accueil"): the
    head of a longer name, not a place by itself."""
    if i + 1 >= len(ws) or text[ws[i].end:ws[i + 1].start] != " ":
        return False
    nxt = ws[i + 1].text
    if nxt[:2].lower() in ("d'", "d’") and nxt[2:3].isupper():
        return True
    return (nxt.lower() in _NAME_LINKS and i + 2 < len(ws) and ws[i + 2].text[:1].isupper()
            and text[ws[i + 1].end:ws[i + 2].start] == " ")


def _half_of_a_name(ws: list[Word], i: int, g: Gazetteer, cands, text: str) -> bool:
    """Two place names side by side with only a space between are one name the gazetteer lacks ("Cano
    Limon", an oil field): neither half is a place. A state beside a place is
    not a name ("Israel Gaza war"), nor is a division word ("Bannu District")."""
    if any(e.fcode in _STATE_CODES for e in cands):
        return False
    for k in (i - 1, i + 1):
        if not (0 <= k < len(ws)) or text[ws[min(i, k)].end:ws[max(i, k)].start] != " ":
            continue
        w = ws[k]
        if not (w.text[:1].isupper() and w.text.isalpha()) or w.lower in FUNCTION_WORDS \
                or w.lower in REGION_WORDS | DISTRICT_WORDS | TITLE_WORDS | KIND_AFTER:
            continue
        other = g.candidates(name_key(w.text))
        if other and not any(e.fcode in _STATE_CODES for e in other):
            return True
    return False


def notable(g: Gazetteer, word: str) -> bool:
    """A word that is the name of a place of some size (not a hamlet sharing a surname)."""
    return any(e.population >= 1000 or e.layer == "world" or e.fclass == "A" for e in g.candidates(word))


def _sentence_start(ws: list[Word], k: int, text: str = "") -> bool:
    """The word opens a sentence (its capital says nothing)."""
    if k == 0:
        return True
    between = text[ws[k - 1].end:ws[k].start] if text else ""
    return any(c in between for c in ".!?\n:;“\"")


@dataclass
class Reading:
    """A mention with what its surroundings say."""

    mention: Mention
    want: str | None = None  # water | region | settlement
    near: bool = False  # "near X", "outskirts of X", "the theatre in X"
    admin1: dict = field(default_factory=dict)
    districts: list[Entry] = field(default_factory=list)
    is_hint: bool = False  # the mention only qualifies another one ("Donetsk region" after a village)
    # towns named like a district the gazetteer lacks as a division ("Solhan, in Sebba Commune": the commune's seat),
    # standing for a village only inside the region the text names
    seat_towns: list[Entry] = field(default_factory=list)


POSSESSIVE_BEFORE = re.compile(r"['\u2019]s\s+")  # "Chhattisgarh's Bijapur": nothing but the possessive between
# "Bijapur district of Chhattisgarh", "Gwoza area in Borno": a place's division word (the district words, and
# words for an area that are no division of their own), then the division
_OWNED_AREA_WORDS = sorted(DISTRICT_WORDS | {"area", "county", "township", "division", "local government area"},
                           key=len, reverse=True)
DIVISION_OF_BETWEEN = re.compile(r"\s+(?:%s)\s+(?:of|in)\s+(?:the\s+)?" % "|".join(map(re.escape, _OWNED_AREA_WORDS)),
                                 re.I)


def read_context(text: str, mentions: list[Mention], g: Gazetteer) -> list[Reading]:
    """Read the words around each mention; mark division/district mentions that qualify others."""
    readings = []
    for k, m in enumerate(mentions):
        r = Reading(m)
        after = words(text[m.end:m.end + 40])
        before = words(text[max(0, m.start - 60):m.start])
        nxt = after[0].lower if after else ""
        if nxt in WATER_WORDS or any(w.lower in ("river", "sea") for w in words(m.text)):
            r.want = "water"
        elif nxt in REGION_WORDS or any(w.lower in REGION_WORDS for w in words(m.text)):
            r.want = "region"
        elif district_after(after) and not (len(after) >= 3 and after[1].lower == "of" and after[2].text[:1].isupper()
                                             and g.admin1_of(m.text)):
            # (but "the Guerrero township of Coyuca": a first-level division's name owning the district named next)
            r.want = "district"
        elif nxt in SETTLEMENT_WORDS:
            r.want = "settlement"
        prev = [w.lower for w in before[-4:]]
        if not r.want and len(prev) >= 2 and prev[-1] == "of" and prev[-2] in REGION_WORDS:
            r.want = "region"  # "the southern province of Daraa", "the state of Borno": the division, not its seat
        kinds = ("village", "town", "city", "settlement", "villages", "towns", "cities", "hamlet")
        if prev and (prev[-1] in kinds or (prev[-1] == "of" and len(prev) >= 2 and prev[-2] in kinds)):
            r.want = r.want or "settlement"  # "X village", "the village of X"
        # "near the village of X": skip the words that only name the kind of place.
        while prev and prev[-1] in ("the", "village", "town", "city", "settlement", "of") and not (
                prev[-1] == "of" and len(prev) >= 2 and prev[-2] in FACILITY_WORDS | NEAR_WORDS):
            prev = prev[:-1]
        if prev and (prev[-1] in NEAR_WORDS or (prev[-1] in ("of", "in", "at", "from") and len(prev) >= 2
                                                and prev[-2] in FACILITY_WORDS | NEAR_WORDS
                                                and not (prev[-1] == "of" and prev[-2] in ("port", "city")))):
            r.near = True
        readings.append(r)
    # Qualifiers: "X, Donetsk", "X (Y district)", "X, Y region": hints for the mention before them.
    for k, r in enumerate(readings):
        m = r.mention
        if r.want == "district":
            r.is_hint = True
            towns = g.district_towns(m.text) or g.world_districts(m.key)
            # (a commune or cercle the world layer has no division of is named after its seat: that town)
            seats = [] if towns else [e for e in g.candidates(m.key) if e.fclass == "P"]
            for t in readings[:k][::-1]:
                if not t.is_hint and m.start - t.mention.end < 60:
                    t.districts.extend(towns)
                    t.seat_towns.extend(seats)
                    break
            continue
        divisions = g.admin1_of(m.text)
        nxt_r = readings[k + 1] if k + 1 < len(readings) else None
        if divisions and nxt_r is not None and POSSESSIVE_BEFORE.fullmatch(text[m.end:nxt_r.mention.start]):
            # "Chhattisgarh's Bijapur district", "Borno's Gwoza": the division owns the place named next
            r.is_hint = True
            for d in divisions:
                nxt_r.admin1[d] = 1.0
            continue
        if not divisions or k == 0:
            continue
        left = readings[k - 1]
        if DIVISION_OF_BETWEEN.fullmatch(text[left.mention.end:m.start]) and r.want != "region":
            # "Bijapur district of Chhattisgarh", "Bijapur area of Chhattisgarh": said to lie in it, so no list
            # (a namesake elsewhere may be a big city)
            if any((e.country, e.admin1_code) in divisions for e in g.candidates(left.mention.key)):
                r.is_hint = True
                for d in divisions:
                    left.admin1[d] = 1.0
            continue
        prev_r = None
        for t in readings[:k][::-1]:
            if not t.is_hint:
                prev_r = t
                break
        if prev_r is None:
            continue
        between = text[prev_r.mention.end:m.start]
        close = len(between) <= 60 and "." not in between.replace("(", "").strip()[:1]
        comma = bool(re.fullmatch(r"\s*(\([^)]*\)\s*)?[,(]\s*(the\s+)?", between)
                     or re.search(r"[,(]\s*(in\s+)?(the\s+)?$", between))
        if comma and r.want != "region":
            # "Kiev, Kharkov and Odessa" is a list, "Adamivka, Donetsk" a qualifier: a division
            # qualifies a place that exists in it and is not a big city, and no list goes on.
            prev_cands = g.candidates(prev_r.mention.key)
            in_division = any((e.country, e.admin1_code) in divisions for e in prev_cands)
            big = any(e.population >= 100000 or e.layer == "world" for e in prev_cands)
            listing = re.match(r"\s*(,|and\b|or\b)\s*[A-Z]", text[m.end:m.end + 30])
            comma = in_division and not big and not listing
        if close and (r.want == "region" or comma):
            r.is_hint = True
            for d in divisions:
                prev_r.admin1[d] = 1.0
    return readings


def district_after(after: list) -> bool:
    """The words right after a name (``words`` of the text) say it is a second-level division: "X district",
    "X Local Government Area"."""
    return bool(after) and (after[0].lower in DISTRICT_WORDS or tuple(w.lower for w in after[:2]) in DISTRICT_PHRASES)


def hints_for(r: Reading, article_admin1: dict | None = None, centroid=None) -> Hints:
    adm = dict(article_admin1 or {})
    for k, v in r.admin1.items():
        adm[k] = max(adm.get(k, 0.0), v)
    want = r.want if r.want in ("water", "region", "settlement") else None
    return Hints(admin1=adm, districts=r.districts, centroid=centroid, want=want)


def resolve(r: Reading, g: Gazetteer, hints: Hints) -> list[tuple[Entry, float, float]]:
    if r.mention.landmark:
        hit = g.landmarks.get(r.mention.key)
        return [(g.entries[hit[0]], 10.0, 0.95)] if hit else []
    cands = g.candidates(r.mention.key)
    hints.key = r.mention.key
    if r.want == "region":
        cands = cands + [e for e in (g.admin1_entry(*d) for d in g.admin1_of(r.mention.text)) if e]
    if r.want == "district":
        cands = cands + g.district_towns(r.mention.text)
    if _missing_village(r, cands, g):
        # the division the text puts it in is right where a namesake elsewhere would be wrong: the district's seat
        # stands for it, near (ACLED codes the nearest known place); else the region
        seats = [d for d in r.districts if d.fclass == "P" and (not r.admin1 or (d.country, d.admin1_code) in r.admin1)]
        # (a district whose seat the world layer lacks, "X village, Y Township": the district's own point, nearer
        # than its region's)
        seats = seats or [d for d in r.districts if d.fcode == "ADM2" and (not r.admin1 or (d.country, d.admin1_code) in r.admin1)]
        seats = seats or [d for d in r.seat_towns if (d.country, d.admin1_code) in r.admin1]
        if seats:
            r.near = True
            return rank(seats, hints)
        divisions = [e for e in (g.admin1_entry(*d) for d in r.admin1) if e]
        if divisions:
            return rank(divisions, hints)
    return rank(cands, hints)


def _missing_village(r: Reading, cands: list[Entry], g: Gazetteer) -> bool:
    """"X village in the Y region", "X in Z local government area of Y state", where no candidate X lies in Y or Z:
    a village the gazetteer lacks, whose namesakes (small towns, or any place when the text says it is a
    settlement and none lies in the division's country) are elsewhere."""
    if not cands or not (r.admin1 or r.districts) or any(_inside(e, r) for e in cands):
        return False
    countries = _qualifier_countries(r)
    namesakes = all(e.population < 20000 and e.fcode == "PPL" for e in cands) or (
        r.want == "settlement" and not any(e.country in countries for e in cands))
    if not namesakes:
        return False
    if any(g.covered(c) for c in countries):
        # (a country installed in detail has every village under some spelling: the geocoder's fuzzy reading, not
        # the division, for a village named there with its region but spelt otherwise; only a named settlement)
        return r.want == "settlement" and bool(r.admin1) and not r.districts and not any(
            _inside(e, r) for e in g.fuzzy_candidates(r.mention.text))
    return True


def _inside(e: Entry, r: Reading) -> bool:
    """The entry lies in a division the text qualifies the mention with (its region, or near its district)."""
    if (e.country, e.admin1_code) in r.admin1:
        return True
    return any(d.country == e.country and ((d.admin2 and d.admin2 == e.admin2)
                                            or distance_km(d.lat, d.lon, e.lat, e.lon) < 40) for d in r.districts)


def _qualifier_countries(r: Reading) -> set[str]:
    return {c for c, _ in r.admin1} | {d.country for d in r.districts}
