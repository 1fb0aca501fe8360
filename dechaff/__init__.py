"""dechaff: cascaded, rule-driven cleaning of scraped web text into clean text plus Parquet metadata."""

from __future__ import annotations

__version__ = "0.1.0"
