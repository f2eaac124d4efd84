"""Language data: actors and sides, event triggers and the lexicons the extractors read."""
