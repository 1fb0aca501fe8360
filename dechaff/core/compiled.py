"""The C twins of a few hot loops (`dechaff/**/_*.c`, compiled at install by `hatch_build.py`):
loaded only when built from the very source beside them.

Each C module carries the digest of the source it was compiled from (`SOURCE_DIGEST`). An
editable install keeps its build across a pull or a checkout: a build of another version of the
source could answer differently or lack a function, so it is not loaded (with a warning) and the
Python twin runs until `pip install -e .` builds it again. `DECHAFF_NO_C=1` in the environment
loads none (the same outputs, slower): for comparing the two, or ruling the C out.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import warnings
from pathlib import Path
from types import ModuleType

DIGEST_CHARS = 16  # of the SHA-256 of the sources, hex; hatch_build.py compiles in what digest_of gives
HEADER = Path(__file__).resolve().parent.parent / "_twin.h"  # every twin includes it


def digest_of(source: bytes, header: bytes | None = None) -> str:
    """What a twin built from `source` (and the shared header, as it is now unless given)
    carries as SOURCE_DIGEST."""
    if header is None:
        header = HEADER.read_bytes()
    return hashlib.sha256(source + header).hexdigest()[:DIGEST_CHARS]


def twin(name: str) -> ModuleType | None:
    """The C module `name` ("dechaff.text._langwalk"), or None: not built, built from another
    version of its source, or `DECHAFF_NO_C=1`."""
    if os.environ.get("DECHAFF_NO_C") == "1":
        return None
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    source = Path(module.__file__ or "").with_name(name.rsplit(".", 1)[-1] + ".c")
    try:
        expected = digest_of(source.read_bytes())
    except OSError:  # installed without its sources: the build is the package's own
        return module
    if getattr(module, "SOURCE_DIGEST", None) != expected:
        warnings.warn(
            f"{source}: the built module is from another version of this source; the Python twin "
            "runs (`pip install -e .` builds it again)",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return module
