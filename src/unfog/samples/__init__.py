"""Illustrative sample corpus shipped with unfog (invented articles for demos and tests; see README.md)."""
