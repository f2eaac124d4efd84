"""Extractors: each is a function ``extract(ctx) -> list[Record]``.

They run in the order of :data:`unfog.pipeline.STAGES`; every stage sees the
records of the stages before it on ``ctx``. Offsets are into ``ctx.doc.text``;
the pipeline shifts them when an article was processed in pieces.
"""
