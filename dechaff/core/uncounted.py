"""Work a process does once (compiling a language's cascade, loading a date parser) is not charged
to the time limit of the document that happens to need it first: that document would otherwise
be the one to time out under a tight limit, and which one it is would depend on how documents are
spread over workers. The time limit (`engine.timeout`) registers its guard for the thread here;
such work runs inside `uncounted()`, with the guard stopped, and the document goes on afterwards
with the time it had left."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Pausable(Protocol):
    """A time limit that can stop its clock and start it again."""

    def pause(self) -> None: ...

    def resume(self) -> None: ...


_LOCAL = threading.local()


@contextmanager
def guarding(guard: Pausable) -> Iterator[None]:
    """`guard` is this thread's time limit during the block (the one before it afterwards)."""
    before = getattr(_LOCAL, "guard", None)
    _LOCAL.guard = guard
    try:
        yield
    finally:
        _LOCAL.guard = before


@contextmanager
def uncounted() -> Iterator[None]:
    """The block runs with this thread's time limit stopped (none: nothing to stop). Nested, only
    the outer block stops and starts it."""
    guard = getattr(_LOCAL, "guard", None)
    if guard is None:
        yield
        return
    guard.pause()
    _LOCAL.guard = None
    try:
        yield
    finally:
        _LOCAL.guard = guard
        guard.resume()
