"""Readers (bytes to text, input discovery, manifests) and writers (text files, Parquet tables)."""
