"""Reading and writing: batch input, feeds, exports, Parquet."""
