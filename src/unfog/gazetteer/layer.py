"""The global layer in memory: the world's places, read lazily from ``unfog/data/global.tsv.gz``.

The file (written by :func:`unfog.gazetteer.build.build_global`) carries its
name keys precomputed, so loading is splitting lines: the keys go into one
dict (key -> entry numbers as text), the entries stay as text lines until a
lookup needs them (then they become :class:`Entry` objects, cached). This keeps
the load fast and the resident size small (see benchmarks/gazetteer_cost.py).
"""
from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

from unfog.gazetteer.entry import Entry

LAYER = "global"


class GlobalLayer:
    def __init__(self, lines: list[str]):
        self._rows: list[str] = []
        self.keys: dict[str, str] = {}
        self.divisions: list[tuple[str, str, str, list[str]]] = []  # (country, code, name, variants)
        self.max_words = 1
        self._cache: dict[int, Entry] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        for line in lines:
            tag = line[:2]
            if tag == "K\t":
                _, k, v = line.split("\t", 2)
                self.keys[k] = v
            elif tag == "E\t":
                self._rows.append(line)
            elif tag == "A\t":
                c = line.split("\t")
                self.divisions.append((c[1], c[2], c[3], [v for v in c[4].split("|") if v] if len(c) > 4 else []))
                self.admin1_names[(c[1], c[2])] = c[3]
            elif line.startswith("# max_words "):
                self.max_words = int(line.split()[-1])

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> Entry:
        e = self._cache.get(i)
        if e is None:
            c = self._rows[i].split("\t")
            e = Entry(uid=c[1], geonames_id=int(c[1]), name=c[2], lat=float(c[3]), lon=float(c[4]), fclass=c[5],
                      fcode=c[6], country=c[7], admin1_code=c[8], admin1=self.admin1_names.get((c[7], c[8])),
                      admin2=c[9], population=int(c[10] or 0), layer=LAYER)
            self._cache[i] = e
        return e

    def lookup(self, key: str) -> list[Entry]:
        v = self.keys.get(key)
        return [self.entry(int(i)) for i in v.split(",")] if v else []

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def entries_where(self, fcodes: set[str]) -> list[Entry]:
        """Entries of some feature codes (divisions, countries): a scan over the text lines."""
        out = []
        for i, row in enumerate(self._rows):
            if row.split("\t", 7)[6] in fcodes:
                out.append(self.entry(i))
        return out


def global_file() -> Path:
    return Path(str(resources.files("unfog") / "data" / "global.tsv.gz"))


def load_global(path: Path | None = None) -> GlobalLayer:
    with gzip.open(path or global_file(), "rt", encoding="utf-8") as fh:
        return GlobalLayer(fh.read().split("\n"))
