"""unfog: war reporting in, a sourced, mapped, cross-checked record out.

The Python API mirrors the CLI::

    import unfog
    batch = unfog.extract(["Shelling killed 12 civilians in Mariupol yesterday."], published="2022-03-10")
    batch.to_contract()["figures"]
"""
__version__ = "0.1.0"

# The API is imported on first use (PEP 562): ``python -m unfog.cli extract`` and the workers
# import ``unfog`` as a package and should not pay for the store (DuckDB, Arrow) at start-up.
_API = ("export_table", "extract", "extract_articles", "extract_paths", "ingest_paths", "ingest_texts", "open_store",
        "reprocess")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from unfog import api

        return getattr(api, name)
    raise AttributeError(f"module 'unfog' has no attribute {name!r}")
