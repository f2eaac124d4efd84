"""Geocoding place descriptions, the `unfog geocode` command and the UCDP benchmark."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED
from unfog.gazetteer.geocode import geocode, geocode_many, read_queries

UCDP = SHARED / "data" / "ucdp" / "ged-ukraine-2014.csv"
FIELDS = {"query", "name", "geonames_id", "lat", "lon", "admin1", "country", "feature_code", "precision", "score",
          "alternatives"}


def test_contract_example():
    r = geocode("near the village of Peski (Yasinovatsky district) Donetsk region")
    assert FIELDS <= set(r)
    assert r["name"] == "Pisky" and r["admin1"] == "Donetsk" and r["geonames_id"] == 9113066
    assert r["precision"] == 2  # "near"
    assert 0.5 < r["score"] <= 1
    assert r["alternatives"] and FIELDS - {"query", "alternatives"} <= set(r["alternatives"][0])


def test_no_place_is_not_an_error():
    for q in ("the weather was fine", "", "   "):
        r = geocode(q)
        assert r["name"] is None and r["lat"] is None and r["alternatives"] == []


def test_region_and_settlement_precision():
    assert geocode("Donetsk region")["precision"] == 3
    assert geocode("Donetsk region")["feature_code"] == "ADM1"
    r = geocode("Sloviansk town")
    assert r["name"] == "Slovyansk" and r["precision"] == 1


def test_typo_is_placed_when_the_region_is_named():
    r = geocode("near Iloviaks town, Donetsk")
    assert r["name"] and "Ilova" in r["name"]


def test_geocode_many_echoes_ids_and_survives_bad_items(tmp_path):
    p = tmp_path / "q.jsonl"
    p.write_text('{"id": "a", "text": "Adamivka, Donetsk"}\n{"id": 2, "text": 5}\nnot json\n\n', encoding="utf-8")
    out = list(geocode_many(read_queries(str(p))))
    assert [o["id"] for o in out] == ["a", 2, None]
    assert out[0]["admin1"] == "Donetsk"
    assert out[1]["name"] is None and "error" in out[1]
    assert out[2]["name"] is None and "not JSON" in out[2]["error"]


def test_cli_prints_a_json_array(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "unfog.cli", "geocode", "--json", "Mariupol, Donetsk region"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert isinstance(doc, list) and doc[0]["geonames_id"] == 701822 and doc[0]["id"] is None


@pytest.mark.skipif(not UCDP.exists(), reason="../shared/data/ucdp not available")
def test_ucdp_benchmark_share_within_25_km():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import geocode_ucdp

    rows = geocode_ucdp.load_rows(UCDP)
    rep = geocode_ucdp.evaluate(rows)
    alone = geocode_ucdp.evaluate(rows, use_context=False)
    print(f"UCDP within 25 km: {rep['share']:.3f} with batch context, {alone['share']:.3f} alone, n={rep['count']}")
    assert rep["count"] >= 1100
    assert rep["share"] >= 0.91
    assert alone["share"] >= 0.89


def test_countries_and_foreign_places_are_not_ukrainian_homonyms():
    assert geocode("Israel")["feature_code"] == "PCLI" and geocode("Israel")["country"] == "IL"
    assert geocode("Sudan")["country"] == "SD"
    r = geocode("near El Fasher, North Darfur")
    assert r["country"] == "SD" and r["precision"] == 2


def test_a_batch_keeps_to_its_country():
    out = geocode_many([{"id": i, "text": t} for i, t in enumerate([
        "Sloviansk town", "Kramatorsk", "Donetsk city", "near Petropavlovsk village"])])
    assert all(r["country"] == "UA" for r in out)
