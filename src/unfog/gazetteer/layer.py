"""The global layer in memory: the world's places, read lazily from ``unfog/data/global.tsv.gz``.

The file (written by :func:`unfog.gazetteer.build.build_global`) carries its
name keys precomputed, so loading is splitting text: the keys go into one
dict (key -> entry numbers as text, two blocks zipped), the entries stay as text lines until a
lookup needs them (then they become :class:`Entry` objects, cached). This keeps
the load fast and the resident size small (see benchmarks/gazetteer_cost.py).
"""
from __future__ import annotations

import bisect
import gzip
from array import array
from itertools import accumulate
from importlib import resources
from pathlib import Path

from unfog.gazetteer.entry import Entry

LAYER = "global"


class Lines:
    """The lines of a text, read by number, without a string object per line until one is read.

    Unpickling 700,000 short strings was most of the start-up's gazetteer load; a text and an
    array of offsets unpickle as two buffers.
    """

    def __init__(self, lines: list[str]):
        self._text = "\n".join(lines)
        # _ends[i]: the length of the lines before line i (without their line breaks)
        self._ends = array("I", accumulate(map(len, lines), initial=0))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._text[self._ends[i] + i:self._ends[i + 1] + i]

    def __iter__(self):
        return iter(self._text.split("\n") if len(self) else ())


class GlobalLayer:
    def __init__(self, text: str):
        head, _, rest = text.partition("\n@K\n")
        key_block, _, value_block = rest.partition("\n@V\n")
        # Sorted keys searched by bisection: splitting is all the loading there is (no dict to hash).
        self._keys: list[str] = key_block.split("\n")
        self._values = Lines(value_block.rstrip("\n").split("\n"))
        self.divisions: list[tuple[str, str, str, list[str]]] = []  # (country, code, name, variants)
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.max_words = 1
        self._cache: dict[int, Entry] = {}
        lines = head.split("\n")
        first_e = next((i for i, line in enumerate(lines) if line.startswith("E\t")), len(lines))
        self._rows = Lines(lines[first_e:])
        for line in lines[:first_e]:
            if line.startswith("A\t"):
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

    def _find(self, key: str) -> int:
        i = bisect.bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def lookup(self, key: str) -> list[Entry]:
        i = self._find(key)
        return [self.entry(int(n)) for n in self._values[i].split(",")] if i >= 0 else []

    def __contains__(self, key: str) -> bool:
        return self._find(key) >= 0

    @property
    def name_count(self) -> int:
        return len(self._keys)

    def entries_with_ids(self, ids: set[str]) -> list[Entry]:
        """Entries of some GeoNames ids: a scan over the text lines (once, for the few places world.tsv names)."""
        if not ids:
            return []
        return [self.entry(i) for i, row in enumerate(self._rows) if row.split("\t", 2)[1] in ids]

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
        return GlobalLayer(fh.read())
