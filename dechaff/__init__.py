"""dechaff: cascaded, rule-driven cleaning of scraped web text into clean text plus Parquet metadata.

The Python API (`clean_text`, `clean_html`, `Cleaner`, `Result`, `Removal`, `clean_frame`,
`dataset_map`) is imported on first use, so `import dechaff` and the command line stay fast. The
datatrove step is `dechaff.api.datatrove_step.DechaffFilter` (extra `[datatrove]`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "Cleaner": "dechaff.api.cleaner",
    "clean_text": "dechaff.api.cleaner",
    "clean_html": "dechaff.api.cleaner",
    "Result": "dechaff.api.result",
    "Removal": "dechaff.core.outcome",
    "clean_frame": "dechaff.api.columns",
    "dataset_map": "dechaff.api.columns",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'dechaff' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
