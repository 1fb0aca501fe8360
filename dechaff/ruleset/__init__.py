"""Rule-file schema, loading and validation (the data lives in the top-level `rules/` folder)."""
