"""The offline gazetteer: GeoNames-derived indexes, name folding, candidates and scoring.

Place data: GeoNames (https://www.geonames.org/), CC BY 4.0. See docs/places.md.
"""
from unfog.gazetteer.fold import fold, name_key
from unfog.gazetteer.index import Entry, Gazetteer, Hints, get_gazetteer, rank

__all__ = ["Entry", "Gazetteer", "Hints", "fold", "get_gazetteer", "name_key", "rank"]
