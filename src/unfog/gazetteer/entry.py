"""One gazetteer entry: a GeoNames place with its kind and prior."""
from __future__ import annotations

import math
from dataclasses import dataclass

# Feature classes/codes -> the record's ``kind``.
KINDS = {"P": "settlement", "H": "water", "T": "terrain", "L": "area", "S": "facility", "R": "road", "V": "vegetation", "U": "undersea"}
REGION_CODES = {"ADM1", "ADM2", "ADM3", "ADM4", "ADMD", "ADM1H", "ADM2H", "ADMDH", "RGN", "RGNE", "PCLI", "PCLD", "PCL", "TERR", "CONT", "SEA"}
_PLACE_PRIOR = {"PPLC": 3.0, "PPLA": 2.6, "PPLA2": 1.2, "PPLA3": 1.0, "PPLA4": 1.0, "PPL": 0.8, "PPLX": 0.2,
                "PPLQ": 0.1, "PPLW": -0.5, "PPLH": -0.5, "PPLL": 0.3, "PCLI": 3.0, "ADM1": 0.5, "ADM2": -0.5,
                "RGN": 1.0, "STM": 0.5, "SEA": 1.5, "CONT": 1.0, "PSN": 0.5, "AIRP": 0.5}
_CLASS_PRIOR = {"P": 0.8, "A": 0.0, "H": -0.5, "L": -0.3, "T": -0.5, "S": -0.8, "R": -1.5, "V": -1.5, "U": -2.0}


@dataclass(frozen=True)
class Entry:
    uid: str  # unique within the gazetteer: geonames id, or "w:<name>" for world entries without one
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1_code: str = ""
    admin1: str | None = None  # English short name of the first-level division
    admin2: str = ""
    population: int = 0
    layer: str = ""

    @property
    def kind(self) -> str:
        if self.fcode in ("PCLI", "PCL", "PCLD"):
            return "country"
        if self.fclass == "A" or self.fcode in ("RGN", "RGNE", "CONT"):
            return "region"
        return KINDS.get(self.fclass, "place")

    @property
    def is_region(self) -> bool:
        """Region or larger: precision 3 when this is all a mention says."""
        return self.fcode in REGION_CODES or self.fclass in ("A", "H", "T") or (self.fclass == "L" and self.fcode != "PRT")

    def prior(self) -> float:
        p = _PLACE_PRIOR.get(self.fcode, _CLASS_PRIOR.get(self.fclass, 0.0))
        return p + 0.45 * math.log10(self.population + 1)

    def as_dict(self) -> dict:
        return {"name": self.name, "geonames_id": self.geonames_id, "lat": self.lat, "lon": self.lon,
                "admin1": self.admin1, "country": self.country, "feature_code": self.fcode}
