"""argparse types for numeric options: a value out of range (a negative time limit, `nan`, zero
workers) is refused at once with argparse's one line and exit 2, instead of a run in which every
document times out or no worker starts."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def count(low: int = 1) -> Callable[[str], int]:
    """Whole numbers from `low` up."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{text} is below {low}")
        return value

    return parse


def number(low: float = 0.0, high: float = math.inf) -> Callable[[str], float]:
    """Finite numbers from `low` to `high` (both included): no nan, no inf."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text} is not a finite number")
        if not low <= value <= high:
            bound = f"from {low:g} to {high:g}" if math.isfinite(high) else f"{low:g} or more"
            raise argparse.ArgumentTypeError(f"{text} is out of range: give {bound}")
        return value

    return parse
