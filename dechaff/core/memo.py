"""Memo tables keyed by text (lines, words) register here, so they can be emptied together.

`dechaff bench` replicates a corpus to reach its size; it empties these tables between copies,
or the second copy of a page would find every one of its lines already answered, which no real
corpus does (a real one only repeats its boilerplate and its common words).
"""

from __future__ import annotations

from collections.abc import Callable

_CLEARERS: list[Callable[[], object]] = []


def on_clear(clear: Callable[[], object]) -> None:
    """Register a function that empties one memo table."""
    _CLEARERS.append(clear)


def clear_all() -> None:
    """Empty every registered memo table (answers stay the same, only slower for a while)."""
    for clear in _CLEARERS:
        clear()
