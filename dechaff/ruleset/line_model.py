"""The line model's file: a logistic regression over the line classifier's measures (the features
are named in `dechaff.cleaners.line_model`), shipped in `rules/models/` beside the rule files and
part of the rules' digest, so a run resumed with another model is noticed.

Inference is a dot product per line (numpy, no learning library at run time), deterministic; the
file is JSON, written by `dechaff train` with what it was fitted on.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dechaff.ruleset.errors import RuleFileError

MODEL_FORMAT = 1
LINE_MODEL_FILE = "models/lines.json"  # under a rules folder


@dataclass(frozen=True, slots=True)
class LineModel:
    """P(line is main text) = sigmoid(weights . (x - mean) / scale + bias), and the probability
    from which it keeps a line the classifier drops."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    keep_above: float  # a line the classifier drops is kept when the model is this sure of it
    training: dict[str, object] = field(default_factory=dict, compare=False, hash=False)  # what and how
    sha: str = ""  # of the file's bytes

    def probabilities(self, table: np.ndarray) -> np.ndarray:
        """One probability per row of `table` (rows: lines, columns: `features`)."""
        if table.shape[0] == 0:
            return np.zeros(0)
        z = (table - np.asarray(self.mean)) / np.asarray(self.scale) @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def to_json(self) -> str:
        """The file's text: sorted keys, floats as Python writes them (round-trips exactly)."""
        body = {
            "format": MODEL_FORMAT,
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "keep_above": self.keep_above,
            "training": self.training,
        }
        return json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def parse_line_model(text: str, label: str) -> LineModel:
    """The model in `text` (a file's content), checked: same lengths, finite numbers, a format
    this version reads; raises RuleFileError naming `label`."""
    try:
        raw = json.loads(text)
        if raw.get("format") != MODEL_FORMAT:
            raise ValueError(f"format {raw.get('format')!r}, this version reads {MODEL_FORMAT}")
        features = tuple(str(f) for f in raw["features"])
        vectors = [tuple(float(v) for v in raw[key]) for key in ("mean", "scale", "weights")]
        scalars = [float(raw[key]) for key in ("bias", "keep_above")]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RuleFileError(label, 1, f"not a line model: {exc}") from None
    if any(len(v) != len(features) for v in vectors):
        raise RuleFileError(label, 1, f"{len(features)} features but vectors of other lengths")
    if not all(math.isfinite(x) for x in [*scalars, *(x for v in vectors for x in v)]) or 0.0 in vectors[1]:
        raise RuleFileError(label, 1, "numbers must be finite, scales non-zero")
    sha = hashlib.sha256(text.encode()).hexdigest()[:16]
    return LineModel(features, *vectors, *scalars, dict(raw.get("training") or {}), sha)


def load_line_model(root: Path, label: str) -> LineModel | None:
    """`root/models/lines.json` when there is one."""
    path = root / LINE_MODEL_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{label}/{LINE_MODEL_FILE}", 1, f"cannot read: {exc}") from None
    return parse_line_model(text, f"{label}/{LINE_MODEL_FILE}")
