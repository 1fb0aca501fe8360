"""dechaff: cascaded, rule-driven cleaning of scraped web text into clean text plus Parquet metadata.

The Python API (`clean_text`, `clean_html`, `Cleaner`, `Result`, `Removal`, `clean_frame`,
`dataset_map`, `RunConfig`, `Summary`) is imported from `dechaff.api` on first use, so `import
dechaff` and the command line stay fast. `run(config)` is `dechaff.api.run` (`dechaff.run` is a
subpackage); the datatrove step is `dechaff.api.datatrove_step.DechaffFilter` (extra `[datatrove]`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = (
    "Cleaner",
    "Removal",
    "Result",
    "RunConfig",
    "Summary",
    "clean_frame",
    "clean_html",
    "clean_text",
    "dataset_map",
)
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'dechaff' has no attribute {name!r}")
    value = getattr(import_module("dechaff.api"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
