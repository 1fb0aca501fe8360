"""The Python API: clean one text or page, a batch, a pandas column or a `datasets` column with
the engine the command line uses, or run a whole job with the very `run(config)` it calls.

    from dechaff.api import RunConfig, run
    summary = run(RunConfig(inputs=["seeds"], out="output"))

(`dechaff.run` is the package of that name, so `run` is imported from here; every other name
is also on `dechaff` itself.) The datatrove step is `dechaff.api.datatrove_step.DechaffFilter`.
"""

from __future__ import annotations

from dechaff.api.cleaner import Cleaner, clean_html, clean_text
from dechaff.api.columns import clean_frame, dataset_map
from dechaff.api.result import Result
from dechaff.core.outcome import Removal
from dechaff.run.config import RunConfig
from dechaff.run.runner import Summary, run

__all__ = [
    "Cleaner",
    "Removal",
    "Result",
    "RunConfig",
    "Summary",
    "clean_frame",
    "clean_html",
    "clean_text",
    "dataset_map",
    "run",
]
