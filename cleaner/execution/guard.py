"""A per-document time limit that works in any thread.

Local pool workers run documents in their main thread, Dask workers in a thread pool, so a
signal-based alarm (main thread only) would guard one engine and not the other. A watchdog timer
instead raises `DocumentTimeout` asynchronously in the thread doing the work; like a signal it
takes effect between two Python bytecodes, which is where the cascade spends its time (RE2 calls
are linear and short).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """Raised inside the work when its time is up.

    A BaseException so the engine's per-step `except Exception` cannot swallow it.
    """


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule `exc` in the thread (None clears a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


class _Watchdog:
    def __init__(self, seconds: float) -> None:
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = True
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                _raise_in(self._thread_id, DocumentTimeout)

    def disarm(self) -> None:
        """Stop the timer and clear a timeout scheduled but not yet delivered."""
        self._timer.cancel()
        with self._lock:
            if self._armed:
                self._armed = False
                _raise_in(self._thread_id, None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this thread if the block runs longer than `seconds` (None: no limit).

    A timeout that fires just as the block ends may surface on the way out; callers catch it
    around the whole `with`, so it is still reported as a timeout (the work did take that long).
    """
    if seconds is None:
        yield
        return
    watchdog = _Watchdog(seconds)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.disarm()
