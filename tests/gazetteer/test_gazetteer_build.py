"""Building the compact index from a GeoNames dump, and fetching a dump (no network: a local server)."""
from __future__ import annotations

import gzip
import zipfile

import pytest

from unfog.gazetteer import build
from unfog.gazetteer.index import Gazetteer, Hints, load_index_file, rank


def row(gid, name, alts, lat, lon, fclass, fcode, cc, adm1, pop=0, adm2=""):
    cols = [str(gid), name, name, ",".join(alts), str(lat), str(lon), fclass, fcode, cc, "", adm1, adm2, "", "",
            str(pop), "", "100", "Europe/Warsaw", "2024-01-01"]
    return "\t".join(cols)


# A small invented dump for an imaginary country "ZZ" with two divisions and a shared village name.
DUMP = "\n".join([
    row(1, "Northska Oblast", ["North Oblast", "North", "Северная область"], 50.0, 20.0, "A", "ADM1", "ZZ", "01", 500000),
    row(2, "Southska Oblast", ["Southsk Oblast", "Southsk"], 45.0, 21.0, "A", "ADM1", "ZZ", "02", 400000),
    row(3, "Northgrad", ["Nordgrad", "Северград", "NGD"], 50.1, 20.1, "P", "PPLA", "ZZ", "01", 250000),
    row(4, "Southsk", ["Yuzhsk"], 45.1, 21.1, "P", "PPLA", "ZZ", "02", 120000),
    row(5, "Lipki", ["Lipky"], 50.2, 20.3, "P", "PPL", "ZZ", "01", 300),
    row(6, "Lipki", [], 45.2, 21.2, "P", "PPL", "ZZ", "02", 200),
    row(7, "Grand Hotel Lipki", [], 45.2, 21.2, "S", "HTL", "ZZ", "02", 0),
    "not a row",
]) + "\n"


def make_zip(path, cc="ZZ"):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{cc}.txt", DUMP)
        zf.writestr("readme.txt", "GeoNames readme")
    return path


def test_build_index_from_a_synthetic_dump(tmp_path):
    out = tmp_path / "ZZ.tsv.gz"
    summary = build.build_index(make_zip(tmp_path / "ZZ.zip"), out)
    assert summary["country"] == "ZZ" and summary["places"] == 6  # the hotel is dropped
    text = gzip.open(out, "rt", encoding="utf-8").read()
    assert "GeoNames" in text.splitlines()[1] and "CC BY 4.0" in text
    assert "Северград" not in text and "NGD" not in text  # other scripts and codes dropped
    admin = {line.split("\t")[2]: line.split("\t")[3] for line in text.splitlines() if line.startswith("A\t")}
    assert admin == {"01": "North", "02": "Southsk"}


def test_built_index_loads_and_disambiguates(tmp_path):
    out = tmp_path / "ZZ.tsv.gz"
    build.build_index(make_zip(tmp_path / "ZZ.zip"), out)
    g = Gazetteer()
    load_index_file(g, out, "ZZ")
    assert [e.geonames_id for e in g.candidates("Nordgrad")] == [3]
    assert g.admin1_of("Southsk region") == {("ZZ", "02")}
    best = rank(g.candidates("Lipki"), Hints(admin1={("ZZ", "02"): 1.0}))[0][0]
    assert best.geonames_id == 6 and best.admin1 == "Southsk"


def test_admin1_short_name_rules():
    assert build.admin1_short_name("Donetska Oblast", ["Donetsk Oblast", "Donetsk"], "Donetsk") == "Donetsk"
    assert build.admin1_short_name("Zaporizhzhya Oblast", ["Zaporizhzhia Oblast", "Zaporizhzhia", "Zaporizhia"],
                                   "Zaporizhzhya") == "Zaporizhzhia"
    assert build.admin1_short_name("Volynska Oblast", ["Volyn Oblast", "Volyn"], "Lutsk") == "Volyn"
    assert build.admin1_short_name("Misto Kyiv", [], "Kyiv") == "Kyiv City"


def test_add_country_from_a_supplied_dump(tmp_path, monkeypatch):
    monkeypatch.setenv("UNFOG_DATA", str(tmp_path / "data"))
    summary = build.add_country("zz", make_zip(tmp_path / "ZZ.zip"))
    path = tmp_path / "data" / "gazetteer" / "ZZ.tsv.gz"
    assert summary["places"] == 6 and summary["country"] == "ZZ" and path.exists()
    assert [x["country"] for x in build.installed_layers() if x["source"] == "added"] == ["ZZ"]
    # The loader merges the user's countries with the shipped ones.
    from unfog.gazetteer import index

    g = index.load(with_global=False)
    assert [e.geonames_id for e in g.candidates("Nordgrad")] == [3]
    assert g.candidates("Mariupol")  # the shipped Ukraine index is still there
    assert g.covered("ZZ") and g.covered("UA") and not g.covered("SD")


def test_add_country_reads_a_plain_text_dump(tmp_path):
    txt = tmp_path / "ZZ.txt"
    txt.write_text(DUMP, encoding="utf-8")
    assert build.add_country("ZZ", txt, dest_dir=tmp_path / "out")["places"] == 6


def test_add_country_rejects_bad_input(tmp_path):
    with pytest.raises(ValueError):
        build.add_country("Ukraine", make_zip(tmp_path / "ZZ.zip"), dest_dir=tmp_path)
    with pytest.raises(ValueError):  # a dump of another country
        build.add_country("SD", make_zip(tmp_path / "ZZ.zip"), dest_dir=tmp_path)
    with pytest.raises(FileNotFoundError):
        build.add_country("ZZ", tmp_path / "missing.zip", dest_dir=tmp_path)


def test_division_variants_give_the_english_forms():
    assert "North Darfur" in build.division_variants("Northern Darfur")
    assert "North Kivu" in build.division_variants("Nord Kivu")
    v = build.division_variants("Muhafazat Hadramaout")
    assert "Hadramaout" in v
    assert "Kursk" in build.division_variants("Kursk Oblast")
