"""unfog: war reporting in, a sourced, mapped, cross-checked record out.

The Python API mirrors the CLI::

    import unfog
    batch = unfog.extract(["Shelling killed 12 civilians in Mariupol yesterday."], published="2022-03-10")
    batch.to_contract()["figures"]
"""
__version__ = "0.1.0"

from unfog.api import (  # noqa: E402,F401
    export_table,
    extract,
    extract_articles,
    extract_paths,
    ingest_paths,
    ingest_texts,
    open_store,
    reprocess,
)
