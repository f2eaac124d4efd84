"""The gazetteer in memory: entries, name keys, candidates and scoring.

Loaded once per process (:func:`get_gazetteer`) from the index files shipped
in ``unfog/data`` (``gazetteer-*.tsv.gz`` built from GeoNames dumps, plus the
hand-written ``world.tsv``) and from any country the user added with
``unfog gazetteer add CC`` (``<data dir>/gazetteer/CC.tsv.gz``).

Scoring is a sum of plain, inspectable terms: the kind of place and its
population (a prior), the division named near the mention ("Adamivka,
Donetsk"; "in the Donetsk region"), the district, the distance to the other
places of the article, and what the words around the mention say (river,
region, city). :func:`rank` turns the sums into a 0-1 confidence.
"""
from __future__ import annotations

import functools
import gzip
import math
import os
import re
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable

from unfog.gazetteer.fold import fold, name_key
from unfog.geo import distance_km

from unfog.gazetteer.entry import KINDS, REGION_CODES, Entry  # noqa: F401  (re-exported)
from unfog.gazetteer.layer import LAYER as GLOBAL_LAYER, GlobalLayer, global_file, load_global  # noqa: F401
from unfog.gazetteer.paths import gazetteer_dir, user_data_dir  # noqa: F401  (re-exported)


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, code) -> name
    admin1_by_key: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    landmarks: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (entry index, kind)
    unit_keys: set[str] = field(default_factory=set)  # names that are armed units when alone
    max_words: int = 1
    glob: GlobalLayer | None = None  # the world's places, looked up lazily (see unfog.gazetteer.layer)
    detail_countries: set[str] = field(default_factory=set)  # countries with a full GeoNames dump loaded
    pending_names: dict[str, list[str]] = field(default_factory=dict)  # world-layer id -> names from world.tsv
    _uid: dict[str, int] = field(default_factory=dict)

    # -- building -------------------------------------------------------
    def add_entry(self, e: Entry, names: Iterable[str]) -> int:
        if e.uid in self._uid:
            i = self._uid[e.uid]
        else:
            i = len(self.entries)
            self.entries.append(e)
            self._uid[e.uid] = i
        for n in [e.name, *names]:
            self.add_name(i, n)
        return i

    def add_name(self, i: int, name: str) -> None:
        k = name_key(name)
        if not k:
            return
        lst = self.by_key.setdefault(k, [])
        if i not in lst:
            lst.append(i)
        self.max_words = max(self.max_words, k.count(" ") + 1)

    def add_admin1(self, country: str, code: str, name: str, names: Iterable[str] = ()) -> None:
        self.admin1_names[(country, code)] = name
        for n in [name, *names]:
            k = name_key(_strip_division_word(n))
            if k:
                self.admin1_by_key.setdefault(k, set()).add((country, code))

    def attach_global(self, layer: GlobalLayer) -> None:
        """Add the world's places; divisions of countries without detail become admin1 hints."""
        self.glob = layer
        self.max_words = max(self.max_words, min(6, layer.max_words))
        # the spellings news uses that the world layer lacks ("Bardere" for Baardheere): world.tsv N lines
        for e in layer.entries_with_ids(set(self.pending_names)):
            self.add_entry(e, self.pending_names[e.uid])
        for cc, code, name, variants in layer.divisions:
            if cc in self.detail_countries:
                continue
            self.admin1_names.setdefault((cc, code), name)
            self.add_admin1(cc, code, name, variants)

    # -- lookup ---------------------------------------------------------
    def candidates(self, name: str) -> list[Entry]:
        k = self._known_key(name_key(name))
        out = [self.entries[i] for i in self.by_key.get(k, ())]
        if self.glob is not None and k in self.glob:
            # A short key ("No", "Tu") names a world place by its own name only, not by an alternate;
            # a country keeps its short names ("DRC", "UAE").
            seen = {e.uid for e in out}
            out.extend(e for e in self.glob.lookup(k) if e.uid not in seen and not self._shadowed(e)
                       and (len(k) > 3 or name_key(e.name) == k or e.fcode == "PCLI"))
        for v in key_variants(k):
            # other spellings of one name: "al-Jazira"/"Al Jazirah", "Northwest"/"North-West" (key_variants)
            seen = {e.uid for e in out}
            out.extend(self.entries[i] for i in self.by_key.get(v, ()) if self.entries[i].uid not in seen)
            if self.glob is not None and v in self.glob:
                out.extend(e for e in self.glob.lookup(v) if not self._shadowed(e) and e.uid not in seen)
        return out

    def _shadowed(self, e: Entry) -> bool:
        """A world-layer entry that a detailed or hand-written entry of the same id replaces (its names are those).
        A world place given more names by an ``N`` line of world.tsv is not: its own alternates still name it."""
        i = self._uid.get(e.uid)
        return i is not None and self.entries[i].layer != GLOBAL_LAYER

    def _known_key(self, k: str) -> str:
        """k, or the spelling with the other Arabic article ("Deir al-Balah" for "Deir el Balah"), or without it."""
        if k in self.by_key or self.glob is None or k in self.glob or not _ARTICLE.search(k):
            return k
        for v in (_ARTICLE.sub(lambda m: m.group(1) + ("el" if m.group(2) == "al" else "al") + " ", k),
                  _ARTICLE.sub(lambda m: m.group(1), k)):
            if v in self.glob:
                return v
        return k

    def knows(self, key: str) -> bool:
        """The name key names a place of some layer."""
        return key in self.by_key or (self.glob is not None and self._known_key(key) in self.glob) \
            or any(v in self.by_key or (self.glob is not None and v in self.glob) for v in key_variants(key))

    def fuzzy_candidates(self, name: str, min_ratio: float = 0.8) -> list[Entry]:
        """Entries whose name is a close spelling of name (typos, -ovka/-ivka): a last resort."""
        import difflib

        k = name_key(name)
        if len(k) < 5:
            return []
        out = []
        for other, idx in self._prefix_cache.get(k[:2], ()):
            if abs(len(other) - len(k)) <= 3 and difflib.SequenceMatcher(None, k, other).ratio() >= min_ratio:
                out.extend(self.entries[i] for i in idx)
        return out

    @functools.cached_property
    def _prefix_cache(self) -> dict:
        idx: dict[str, list] = {}
        for k, lst in self.by_key.items():
            idx.setdefault(k[:2], []).append((k, lst))
        return idx

    def has_name(self, name: str) -> bool:
        return self.knows(name_key(name))

    def landmark(self, name: str) -> tuple[Entry, str] | None:
        hit = self.landmarks.get(name_key(name))
        return (self.entries[hit[0]], hit[1]) if hit else None

    def admin1_of(self, name: str) -> set[tuple[str, str]]:
        """The divisions a name designates ("Donetsk", "Donetsk Oblast", "Donetska", "al-Jazira")."""
        k = name_key(_strip_division_word(name))
        return set(self.admin1_by_key.get(k, ())).union(*(self.admin1_by_key.get(v, ()) for v in key_variants(k)))

    def by_uid(self, uid: str) -> Entry | None:
        i = self._uid.get(uid)
        return self.entries[i] if i is not None else None

    def admin1_entry(self, country: str, code: str) -> Entry | None:
        for i in self.by_key.get(name_key(self.admin1_names.get((country, code), "")), ()):
            e = self.entries[i]
            if e.fcode == "ADM1" and e.country == country and e.admin1_code == code:
                return e
        return self._global_admin1.get((country, code))

    @functools.cached_property
    def _global_admin1(self) -> dict[tuple[str, str], Entry]:
        if self.glob is None:
            return {}
        return {(e.country, e.admin1_code): e for e in self.glob.entries_where({"ADM1"})}

    def country_name(self, country: str) -> str:
        return self._country_names.get(country, country)

    @functools.cached_property
    def _country_names(self) -> dict[str, str]:
        names = {e.country: e.name for e in self.entries if e.fcode == "PCLI"}
        if self.glob is not None:
            for e in self.glob.entries_where({"PCLI"}):
                names.setdefault(e.country, e.name)
        return names

    def with_world_tables(self) -> "Gazetteer":
        """Build now the tables made by scanning the world layer's 250,000 rows (countries' and divisions'
        entries), so the start-up pickle carries them instead of each process scanning again."""
        for table in ("_global_admin1", "_country_names"):
            getattr(self, table)
        return self

    def covered(self, country: str) -> bool:
        """Full detail installed for the country (every village, not only places of 500+)."""
        return country in self.detail_countries

    def world_districts(self, key: str) -> list[Entry]:
        """The second-level divisions of the world layer named so ("Koro" cercle, "Maru" local government area)
        and their seats: a district named in text outside the countries installed in detail."""
        if self.glob is None or key not in self.glob:
            return []
        entries = self.glob.lookup(key)
        named = [e for e in entries if e.fcode == "ADM2"]
        seats = [e for e in entries if e.fclass == "P"
                 and any(d.country == e.country and d.admin1_code == e.admin1_code for d in named)]
        return named + seats

    def district_towns(self, adjective: str) -> list[Entry]:
        """Entries a district adjective points to: "Yasinovatsky" -> Yasynuvata (town and raion)."""
        stem = district_stem(adjective)
        if len(stem) < 4 or (stem == name_key(adjective) and stem not in self._district_cache):
            return []  # (no adjective ending to strip, "Koro" cercle: no stem to extend to "Korop" or "Korosten")
        out = [self.entries[i] for i in self._district_cache.get(stem, ())]
        if not out:  # "Shakhtersky" for Shakhtarsk: a close spelling of a district stem
            import difflib

            for other in difflib.get_close_matches(stem, [k for k in self._district_cache if k[:2] == stem[:2]], n=2, cutoff=0.8):
                out.extend(self.entries[i] for i in self._district_cache[other])
        for k, idx in self._stem_index().get(stem[:4], ()):
            if k.startswith(stem) and len(k) - len(stem) <= 4:
                out.extend(self.entries[i] for i in idx)
        out = [e for e in out if e.fclass in ("P", "A")]
        # The district itself and its seat, not every hamlet named after it ("Shakhtarske" villages).
        seats = [e for e in out if e.fclass == "A" or e.population >= 5000 or e.fcode in ("PPLA2", "PPLA3")]
        return seats or out

    @functools.cached_property
    def _stem_cache(self) -> dict:
        idx: dict[str, list] = {}
        for k, lst in self.by_key.items():
            if " " not in k and len(k) >= 4:
                idx.setdefault(k[:4], []).append((k, lst))
        return idx

    @functools.cached_property
    def _district_cache(self) -> dict:
        idx: dict[str, list[int]] = {}
        for k, lst in self.by_key.items():
            for i in lst:
                e = self.entries[i]
                if e.fcode.startswith("ADM2") or e.fcode == "ADMD":
                    stem = district_stem(_strip_division_word(k))
                    if stem and i not in idx.setdefault(stem, []):
                        idx[stem].append(i)
        return idx

    def _stem_index(self) -> dict:
        return self._stem_cache


_ARTICLE = re.compile(r"(^|\s)(al|el) ")
_DIVISION_WORD = re.compile(r"\s*\b(oblast'?|oblast’|region|province|raion|rayon|district|area)\b\s*$", re.I)
_DISTRICT_SUFFIX = re.compile(r"(s?kyi|s?kyy|s?kiy|s?kij|s?kii|s?ky|s?ki|s?ka|s?koho|s?kogo|s?koi)$")


_FINAL_H = re.compile(r"(?<=[a-z]{3})(?:ah|eh|a)$")


def final_h_variants(key: str) -> tuple[str, ...]:
    """The other spellings of a name key's Arabic ending ("jazira" <-> "jazirah", "hasakeh" -> "hasakah")."""
    m = _FINAL_H.search(key)
    if m is None or len(key) < 5:
        return ()
    stem = key[:m.start()]
    return tuple(v for v in (stem + "a", stem + "ah", stem + "eh") if v != key)


_COMPASS_JOINED = re.compile(r"\b(north|south)[ -]?(east|west)\b")
# the Arabic article inside a name, assimilated or not ("Deir az-Zour", "Deir ez-Zor", "Deir al-Zour")
_MID_ARTICLE = re.compile(r"(?<=\S )(?:a[lrsdtzn]|e[lrsdtzn]?|ash|esh)(?= \S)")


@functools.lru_cache(maxsize=1 << 16)  # asked for every word run the mention scan tries
def key_variants(key: str) -> tuple[str, ...]:
    """Other spellings of a name key that name the same place: its Arabic ending, its Arabic article ("az"
    is "al"), and a compound direction written joined or apart ("Northwest" region is Cameroon's North-West)."""
    out = list(final_h_variants(key))
    for v in (_COMPASS_JOINED.sub(r"\1\2", key), _COMPASS_JOINED.sub(r"\1 \2", key),
              _MID_ARTICLE.sub("al", key), _MID_ARTICLE.sub("el", key)):
        if v != key and v not in out:
            out.append(v)
    if _MID_ARTICLE.search(key):
        # an Arabic name with its article: the vowels English spellings write either way ("Maaret al-Nouman" =
        # "Maarrat al-Numan"): e and ou as a and u, around the article written "al"
        v = _MID_ARTICLE.sub("al", key.replace("ou", "u"))
        v = " ".join(w if w in ("al", "el") else w.replace("e", "a") for w in v.split())
        if v != key and v not in out:
            out.append(v)
    return tuple(out)


def _strip_division_word(name: str) -> str:
    return _DIVISION_WORD.sub("", name).strip()


def district_stem(adjective: str) -> str:
    """The key stem of a district adjective: "Yasinovatsky" -> "iasinovat"."""
    k = name_key(adjective)
    return _DISTRICT_SUFFIX.sub("", k) if " " not in k else k


# -- scoring -------------------------------------------------------------

@dataclass
class Hints:
    """What the text around a mention says about which place it is."""

    admin1: dict[tuple[str, str], float] = field(default_factory=dict)  # division -> weight
    districts: list[Entry] = field(default_factory=list)  # places named by "X district"
    centroid: tuple[float, float] | None = None
    countries: set[str] = field(default_factory=set)
    want: str | None = None  # "water" | "region" | "settlement" | None
    key: str | None = None  # the name as written (name_key): its own name beats an alternate name
    prefer_detail: bool = False  # no other context: the countries installed in detail before the world layer


OWN_NAME_BONUS = 0.45


def score(e: Entry, hints: Hints) -> float:
    s = e.prior()
    if hints.admin1:
        w = hints.admin1.get((e.country, e.admin1_code), 0.0)
        # A named division lifts its places; the others lose in proportion to how
        # directly it was named ("Adamivka, Donetsk" vs "the Donetsk region" somewhere).
        s += 4.0 * w if w else (-2.5 * max(hints.admin1.values()) if e.fclass == "P" else 0.0)
    for d in hints.districts:
        if d.country == e.country and d.admin1_code == e.admin1_code:
            if d.admin2 and d.admin2 == e.admin2:
                s += 3.0
                break
            dist = distance_km(d.lat, d.lon, e.lat, e.lon)
            if dist < 40:
                s += 2.0
                break
    if hints.centroid is not None:
        dist = distance_km(hints.centroid[0], hints.centroid[1], e.lat, e.lon)
        s += 2.0 if dist < 60 else 1.2 if dist < 150 else 0.6 if dist < 400 else 0.0
    if hints.countries and e.country in hints.countries:
        s += 1.5 if e.layer == GLOBAL_LAYER else 0.5  # the article's country (the world layer has many homonyms)
    if hints.want == "water":
        s += 6.0 if e.fclass == "H" else -3.0
    elif hints.want == "region":
        s += 6.0 if e.fcode in ("ADM1", "ADM2", "RGN") else -2.0
    elif hints.want == "settlement":
        s += 2.0 if e.fclass == "P" else -2.0
    else:
        if e.fclass == "H" and e.fcode == "STM":
            s -= 3.0  # a bare name is rarely the river ("Bakhmut" the town, not the stream)
    if e.layer == "world":
        s += 0.3
    if e.layer == GLOBAL_LAYER:
        if hints.countries and e.country not in hints.countries:
            s -= 2.5  # a homonym abroad: the article's own country first
        elif hints.prefer_detail and not hints.countries:
            s -= 0.5
    if hints.key and name_key(e.name) == hints.key:
        # its own name beats a namesake's alternate name, unless the namesake is over ten times as populous
        # ("Jenin" is the West Bank city, not a Polish village of that name; 0.45 a tenfold population)
        s += OWN_NAME_BONUS
    return s


HAMLET_POPULATION = 5000


def rank(cands: Iterable[Entry], hints: Hints) -> list[tuple[Entry, float, float]]:
    """(entry, raw score, 0-1 confidence), best first, one per place."""
    seen: set[str] = set()
    scored = []
    cands = list(cands)
    # a name that is a first-level division of a country is the division there, not a hamlet sharing it
    # ("Guerrero's attorney general" is the state of Guerrero, not a village of 959 people in it)
    divisions = {e.country for e in cands if e.fcode == "ADM1"}
    # (the countries whose first-level division bears the name as written, not by an alternate spelling)
    named_divisions = {e.country for e in cands if e.fcode == "ADM1" and hints.key and name_key(e.name) == hints.key}
    for e in cands:
        if e.uid in seen:
            continue
        seen.add(e.uid)
        s = score(e, hints)
        if e.fclass == "P" and e.country in divisions and e.layer == GLOBAL_LAYER and (
                e.population < HAMLET_POPULATION
                or (hints.want != "settlement" and e.country in named_divisions and name_key(e.name) != hints.key)):
            # (nor a town called so only by an alternate name: "Sinaloa" is not Sinaloa de Leyva, "Guerrero"
            # not Ciudad Guerrero, unless the text says town)
            s -= 2.0
        scored.append((e, s))
    scored.sort(key=lambda t: (-t[1], -t[0].population, t[0].uid))
    if not scored:
        return []
    top = scored[0][1]
    ws = [math.exp(max(-30.0, s - top)) for _, s in scored]
    total = sum(ws)
    return [(e, s, round(w / total, 3)) for (e, s), w in zip(scored, ws)]


# -- loading -------------------------------------------------------------

_lock = threading.Lock()


def _shipped_files() -> list[Path]:
    root = resources.files("unfog") / "data"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.startswith("gazetteer-") and p.name.endswith(".tsv.gz"))


def _user_files() -> list[Path]:
    d = gazetteer_dir()
    return sorted(d.glob("*.tsv.gz")) if d.is_dir() else []


def _int(s: str) -> int | None:
    return int(s) if s and s.isdigit() else None


def load_index_file(g: Gazetteer, path: Path, layer: str) -> None:
    """Merge one compact index (see :mod:`unfog.gazetteer.build`) into g."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        if line.startswith("A\t"):
            _, cc, code, name, _gid = line.split("\t")[:5]
            g.admin1_names[(cc, code)] = name
    adm1_alts: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        if not line.startswith("P\t"):
            continue
        c = line.split("\t")
        gid = int(c[1])
        alts = c[11].split("|") if len(c) > 11 and c[11] else []
        e = Entry(uid=str(gid), geonames_id=gid, name=c[2], lat=float(c[3]), lon=float(c[4]), fclass=c[5],
                  fcode=c[6], country=c[7], admin1_code=c[8], admin1=g.admin1_names.get((c[7], c[8])),
                  admin2=c[9], population=int(c[10] or 0), layer=layer)
        if e.fcode == "ADM1":
            short = g.admin1_names.get((e.country, e.admin1_code))
            adm1_alts[(e.country, e.admin1_code)] = [e.name, *alts]
            alts = alts + ([short, f"{short} Oblast", f"{short} region"] if short else [])
        g.add_entry(e, alts)
        if e.fcode in ("ADM1", "PCLI"):
            g.detail_countries.add(e.country)
    for key, name in list(g.admin1_names.items()):
        g.add_admin1(key[0], key[1], name, adm1_alts.get(key, ()))


def load_world(g: Gazetteer, text: str) -> None:
    """Merge the hand-written world layer (W, N, L and U lines)."""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        if c[0] == "W":
            gid = _int(c[1])
            e = Entry(uid=str(gid) if gid else f"w:{c[2]}", geonames_id=gid, name=c[2], lat=float(c[3]),
                      lon=float(c[4]), fclass=c[5], fcode=c[6], country=c[7], admin1=c[8] or None,
                      population=int(c[9] or 0), layer="world")
            g.add_entry(e, [a for a in (c[10].split("|") if len(c) > 10 else []) if a])
        elif c[0] == "N":
            i = g._uid.get(c[1])
            if i is not None:
                for a in c[2].split("|"):
                    g.add_name(i, a)
            else:  # a place of the world layer (not loaded yet): named once it is attached
                g.pending_names.setdefault(c[1], []).extend(a for a in c[2].split("|") if a)
        elif c[0] == "L":
            i = g._uid.get(c[2])
            if i is not None:
                for a in c[1].split("|"):
                    g.landmarks[name_key(a)] = (i, c[3] if len(c) > 3 else "facility")
                    g.max_words = max(g.max_words, name_key(a).count(" ") + 1)
        elif c[0] == "U":
            g.unit_keys.update(name_key(a) for a in c[1].split("|"))


def load(files: Iterable[Path] | None = None, with_user: bool = True, with_global: bool | None = None) -> Gazetteer:
    """The detail layers (shipped and user-added countries), the hand-written world layer, then the global layer.

    with_global defaults to True for the shipped files and False when files are given (tests of one index).
    """
    g = Gazetteer()
    paths = list(files) if files is not None else _shipped_files()
    for p in paths:
        load_index_file(g, p, p.name.split(".")[0].replace("gazetteer-", ""))
    if with_user and files is None:
        for p in _user_files():
            load_index_file(g, p, "user:" + p.name.split(".")[0])
    world = (resources.files("unfog") / "data" / "world.tsv").read_text(encoding="utf-8")
    load_world(g, world)
    if with_global if with_global is not None else files is None:
        g.attach_global(load_global())
    return g


@functools.lru_cache(maxsize=1)
def _cached() -> Gazetteer:
    from unfog.cache import pickled

    # built once, then unpickled at start-up (about 10x faster), keyed by the files and the code that build it
    code = sorted(Path(__file__).parent.glob("*.py"))
    data = resources.files("unfog") / "data" / "world.tsv"
    return pickled("gazetteer", lambda: load().with_world_tables(), [*_shipped_files(), *_user_files(), Path(str(data)), global_file(), *code])


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    with _lock:
        return _cached()


def clear_cache() -> None:
    """Forget the loaded gazetteer (after ``unfog gazetteer add``)."""
    _cached.cache_clear()


__all__ = ["Entry", "Gazetteer", "Hints", "get_gazetteer", "clear_cache", "rank", "score", "distance_km", "fold", "name_key"]
