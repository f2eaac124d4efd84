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

``unfog gazetteer add CC`` fetches ``https://download.geonames.org/export/dump/CC.zip``
and writes ``CC.tsv.gz`` into the user's data dir; the loader merges it.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import urllib.request
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from unfog.gazetteer.fold import fold, is_latin, name_key
from unfog.gazetteer.index import clear_cache, gazetteer_dir, user_data_dir  # noqa: F401  (user_data_dir re-exported)

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/{cc}.zip"
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


def fetch_country(cc: str, url: str | None = None, dest_dir: str | os.PathLike | None = None, timeout: float = 120) -> dict:
    """Download GeoNames' dump for country CC and build its index in the user's data dir."""
    cc = cc.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", cc):
        raise ValueError(f"{cc!r} is not a two-letter ISO country code")
    url = url or GEONAMES_DUMP_URL.format(cc=cc)
    dest = Path(dest_dir) if dest_dir else gazetteer_dir()
    dest.mkdir(parents=True, exist_ok=True)
    zip_path = dest / f"{cc}.zip"
    req = urllib.request.Request(url, headers={"User-Agent": "unfog-gazetteer"})
    with urllib.request.urlopen(req, timeout=timeout) as resp, open(zip_path, "wb") as out:
        while chunk := resp.read(1 << 16):
            out.write(chunk)
    try:
        summary = build_index(zip_path, dest / f"{cc}.tsv.gz")
    finally:
        zip_path.unlink(missing_ok=True)
    clear_cache()
    return summary


def main() -> None:  # python -m unfog.gazetteer.build UA.zip OUT.tsv.gz
    import sys

    print(build_index(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
