"""Geocoding a place description: "near the village of Peski (Yasinovatsky district) Donetsk region".

The description is scanned for gazetteer names; divisions and districts named
after a place qualify it; the first place that is not a qualifier is the
answer (a settlement before a region). ``unfog geocode --json`` prints one
object per query (see the output contract).
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from unfog.gazetteer.fold import fold, name_key
from unfog.gazetteer.index import GLOBAL_LAYER, HAMLET_POPULATION, Entry, Gazetteer, get_gazetteer, rank
from unfog.gazetteer.mentions import FACILITY_WORDS, FUNCTION_WORDS, calendar_words, Mention, Reading, hints_for, read_context, resolve, scan, words

# In a lower-case description these words are never the place ("near the village of ...").
_NOT_NAMES = {"near", "the", "village", "town", "city", "of", "in", "at", "and", "area", "region", "district",
              "between", "outskirts", "north", "south", "east", "west", "road", "airport", "station", "border",
              "km", "from", "to", "on", "around", "oblast", "raion", "rayon", "settlement", "military", "base",
              "checkpoint", "mine", "plant", "bridge", "villages", "towns", "cities", "zone", "highway", "post",
              "territory", "camp", "hill", "height", "sector", "line", "front", "vicinity", "surroundings", "mount",
              "field", "forest", "lake", "river", "sea", "port", "coast", "center", "centre", "east", "north"}


def precision_for(entry: Entry, reading: Reading) -> int:
    if entry.is_region or reading.want == "region":
        return 3
    if reading.near or reading.mention.landmark or entry.fclass == "S":
        return 2
    return 1


def _candidates_row(entry: Entry, precision: int, conf: float) -> dict[str, Any]:
    return {**entry.as_dict(), "precision": precision, "score": conf}


def geocode(text: str, g: Gazetteer | None = None, max_alternatives: int = 3,
            centroid: tuple[float, float] | None = None, countries: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The best place for a description, with a 0-1 score and a few alternatives.

    centroid: where the surrounding material is (the other queries of a batch,
    the article), used like any other context to choose among same-named places;
    countries: the country the material is about (a batch's main country).
    """
    g = g or get_gazetteer()
    empty = {"query": text, "name": None, "geonames_id": None, "lat": None, "lon": None, "admin1": None,
             "country": None, "feature_code": None, "precision": None, "score": 0.0, "alternatives": []}
    if not isinstance(text, str) or not text.strip():
        return empty
    mentions = [m for m in scan(text, g, require_caps=True, english=_stop_words()) if not m.unit]
    if not mentions and g.knows(name_key(text)) and text.strip()[:1].isupper():
        # the query is a name alone ("Sake", "Tibu"): the scan's guards for running text (a small town abroad
        # opening a sentence, an English word) do not apply to what the user asked for
        start = len(text) - len(text.lstrip())
        mentions = [Mention(start, start + len(text.strip()), text.strip(), name_key(text))]
    if not mentions:  # a lower-case description: only the detailed countries, the world has too many homonyms
        mentions = [m for m in scan(text, g, require_caps=False, detail_only=True)
                    if not m.unit and m.key not in _NOT_NAMES]
    if any(not m.partial for m in mentions):
        mentions = [m for m in mentions if not m.partial]
    if not mentions:
        return _resolve_mentions(text, _unknown_names(text, [], g), g, (centroid, countries), max_alternatives) or empty
    found = _resolve_mentions(text, sorted(mentions + _unknown_names(text, mentions, g), key=lambda m: m.start),
                              g, (centroid, countries), max_alternatives)
    if found is None or found["precision"] == 3:
        # Only a region so far: a capitalised word the gazetteer does not know may be the place (a typo).
        retry = _resolve_mentions(text, sorted(mentions + _unknown_names(text, mentions, g), key=lambda m: m.start),
                                  g, (centroid, countries), max_alternatives)
        if retry is not None and retry["precision"] != 3:
            found = retry
    return found or empty


def _resolve_mentions(text: str, mentions: list[Mention], g: Gazetteer, focus, max_alternatives: int):
    if not mentions:
        return None
    centroid, countries = focus
    readings = read_context(text, mentions, g)
    for r in readings:
        after = words(text[r.mention.end:r.mention.end + 30])
        if after and after[0].lower in FACILITY_WORDS:
            r.near = True
    divisions: dict = {}
    seen_uids: set[str] = set()
    for k, r in enumerate(readings):
        uids = {e.uid for e in g.candidates(r.mention.key)}
        same_place = bool(uids & seen_uids)  # "Kiev/Kyiv": a second spelling, not a qualifier
        seen_uids |= uids
        # A description is short: a division named after the first place qualifies it.
        if (r.is_hint or k > 0) and r.want != "district" and not same_place:
            for d in g.admin1_of(r.mention.text):
                divisions[d] = 0.6
                if k > 0 and not r.is_hint and g.admin1_entry(*d) is not None:
                    r.is_hint = True
    main = [r for r in readings if not r.is_hint] or readings
    # "Andreevka near Slavyansk": the other places of the description are the closest context.
    local = []
    for r in main:
        ranked = resolve(r, g, _focused(hints_for(r, divisions), countries)) if g.knows(r.mention.key) else []
        if ranked and ranked[0][2] >= 0.6 and not ranked[0][0].is_region:
            local.append((r, (ranked[0][0].lat, ranked[0][0].lon)))
    best = None
    for r in main:
        near_others = [pt for o, pt in local if o is not r]
        hints = _focused(hints_for(r, divisions, near_others[0] if near_others else centroid), countries)
        ranked = resolve(r, g, hints) if g.knows(r.mention.key) or r.mention.landmark else []
        if not ranked or (hints.admin1 and not any(hints.admin1.get((e.country, e.admin1_code)) for e, _, _ in ranked)) \
                or all(_weak_abroad(e, hints) for e, _, _ in ranked):
            fuzzy = g.fuzzy_candidates(r.mention.text, 0.74 if hints.admin1 else 0.8)
            if hints.admin1:
                fuzzy = [e for e in fuzzy if hints.admin1.get((e.country, e.admin1_code))]
            if fuzzy:
                ranked = rank(fuzzy + [e for e, _, _ in ranked], hints)
        if not ranked:
            continue
        is_region = ranked[0][0].is_region or r.want == "region"
        if best is None or (best[2] and not is_region):
            best = (r, ranked, is_region)
        if not is_region:
            break
    if best is None:
        return None
    r, ranked, _ = best
    top, _, conf = ranked[0]
    out = {"query": text, **_candidates_row(top, precision_for(top, r), conf)}
    out["alternatives"] = [_candidates_row(e, precision_for(e, r), c) for e, _, c in ranked[1:1 + max_alternatives]]
    out["matched"] = r.mention.text
    return out


def _weak_abroad(e: Entry, hints) -> bool:
    """A world-layer match a close spelling in the detailed countries may outrank: a hamlet (not a division nor a seat), or a
    place outside the batch's country. A town or district of the world layer that bears the name as written (its
    own or an alternate name: "Zalingei" is Zalinjay, Sudan) outranks a fuzzy match ("Zalizne")."""
    if e.layer != GLOBAL_LAYER:
        return False
    if hints.countries and e.country not in hints.countries:
        return True
    # (no population at all: cities500 keeps such a place as the seat of a division, so it is no hamlet)
    return 0 < e.population < HAMLET_POPULATION and e.fclass != "A"


def _focused(hints, countries):
    hints.countries = set(countries)
    hints.prefer_detail = True  # a description alone: the countries the user installed in detail come first
    return hints


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def batch_country(results: list[dict[str, Any]], min_score: float = 0.5) -> frozenset[str]:
    """The country most confidently placed queries of a batch lie in (half of them at least), if any."""
    cs = [r["country"] for r in results if r.get("country") and r.get("score", 0) >= min_score
          and r.get("feature_code") != "PCLI"]
    if len(cs) < 3:
        return frozenset()
    top, n = Counter(cs).most_common(1)[0]
    return frozenset({top}) if n >= len(cs) / 2 else frozenset()


def _unknown_names(text: str, known: list[Mention], g: Gazetteer) -> list[Mention]:
    """Capitalised words the gazetteer does not know (typos, unusual spellings): fuzzy matching may place them."""
    taken = [(m.start, m.end) for m in known]
    out = []
    for w in words(text):
        if not w.text[:1].isupper() or len(w.text) < 5 or w.lower in _NOT_NAMES:
            continue
        if any(a <= w.start < b for a, b in taken) or fold(w.text) in calendar_words() or w.lower in FUNCTION_WORDS:
            continue  # "August" is no typo
        out.append(Mention(w.start, w.end, w.text, name_key(w.text)))
    return out


def batch_centroid(results: list[dict[str, Any]], min_score: float = 0.8) -> tuple[float, float] | None:
    """The median point of the confidently placed settlements of a batch."""
    pts = [(r["lat"], r["lon"]) for r in results
           if r.get("lat") is not None and r.get("score", 0) >= min_score and r.get("precision") in (1, 2)]
    if len(pts) < 3:
        return None
    lats, lons = sorted(p[0] for p in pts), sorted(p[1] for p in pts)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def geocode_batch(texts: list[str], g: Gazetteer | None = None, use_context: bool = True) -> list[dict[str, Any]]:
    """Geocode many descriptions; ambiguous ones are settled by where the confident ones are."""
    g = g or get_gazetteer()
    first = [geocode(t, g) for t in texts]
    centre = batch_centroid(first) if use_context else None
    country = batch_country(first) if use_context else frozenset()
    if centre is None and not country:
        return first
    return [geocode(t, g, centroid=centre, countries=country)
            if r["name"] is not None and (r["score"] < 0.8 or (country and r["country"] not in country)) else r
            for t, r in zip(texts, first)]


def geocode_many(items: Iterable[dict[str, Any]], g: Gazetteer | None = None, use_context: bool = True) -> Iterator[dict[str, Any]]:
    """One result per {"id", "text"} item, in order; a bad item gives an error field, not a crash.

    With use_context, the batch's confidently placed queries settle the ambiguous ones.
    """
    g = g or get_gazetteer()
    items = list(items)
    texts = [it.get("text") if isinstance(it, dict) else it for it in items]
    first = [geocode(t, g) for t in texts if isinstance(t, str)] if use_context else []
    centre = batch_centroid(first) if use_context else None
    country = batch_country(first) if use_context else frozenset()
    for item in items:
        qid = item.get("id") if isinstance(item, dict) else None
        try:
            text = item.get("text") if isinstance(item, dict) else item
            res = geocode(text if isinstance(text, str) else "", g, centroid=centre, countries=country)
            if isinstance(item, dict) and item.get("_error"):
                res["error"] = item["_error"]
            elif not isinstance(text, str):
                res["error"] = "the query has no 'text' string"
        except Exception as exc:  # noqa: BLE001  (one bad query never stops the batch)
            res = {"query": None, "name": None, "error": f"{type(exc).__name__}: {exc}"}
        yield {"id": qid, **res}


def read_queries(arg: str) -> list[dict[str, Any]]:
    """A JSONL file of {"id", "text"} lines, or the argument itself as one query."""
    p = Path(arg)
    if p.suffix.lower() in (".jsonl", ".ndjson") and p.is_file():
        items = []
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    obj = {"id": None, "text": None, "_error": f"line {n}: not JSON ({exc.msg})"}
                if not isinstance(obj, dict):
                    obj = {"id": None, "text": obj if isinstance(obj, str) else None}
                items.append(obj)
        return items
    return [{"id": None, "text": arg}]
