"""Cross-article work: entity resolution, event merging, relations, the ledger and control."""
