"""The per-document time limit, the one mechanism for every step of a document (extraction
included) and for the site survey, in any thread.

Local pool workers run documents in their main thread, Dask workers and API callers may use a
thread pool, so a signal-based alarm (main thread only) would guard some and not others. A watchdog timer
instead raises `DocumentTimeout` asynchronously in the thread doing the work; like a signal it
takes effect between two Python bytecodes, which is where the cascade spends its time (RE2 calls
are linear and short).

A scheduled asynchronous exception is never cancelled (clearing one leaves the interpreter's
"pending" flag set: every later bytecode check slows down, and under a profiler the thread
spins). When the timer fires just as the work ends, the exception is taken inside the guard.

One long-lived watchdog thread per process serves every guard: arming a document is a dict entry,
and a notify only when the new deadline is sooner than the one the watchdog sleeps until (it
wakes then and looks again): documents in a row with the same limit wake it about once per limit,
not once each, and a wake-up is a switch of the GIL to that thread and back. (A
`threading.Timer` per document started a thread for each, and `Thread.start` waits until the OS
has scheduled it: on a busy machine, a scheduler tick per document.)
"""

from __future__ import annotations

import ctypes
import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from dechaff.core.uncounted import guarding

DEFAULT_TIME_LIMIT = 60.0
"""Seconds per document: far above any real page (extraction plus cascade take well under a
second), low enough that a pathological one costs a minute, not a run."""


class DocumentTimeout(BaseException):
    """Raised inside the work when its time is up.

    A BaseException so the engine's per-step `except Exception` cannot swallow it.
    """


class _Watch:
    """The process's watchdog thread and the guards armed with it, by deadline."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadlines: dict[_Watchdog, float] = {}
        self._thread: threading.Thread | None = None
        self._sleeps_until = math.inf  # when the watchdog wakes on its own (inf: not before a notify)
        self.notified = 0  # wake-ups asked for (tests)

    def arm(self, guard: _Watchdog, seconds: float) -> None:
        with self._cond:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="dechaff-watchdog", daemon=True)
                self._sleeps_until = math.inf
                self._thread.start()
            deadline = self._deadlines[guard] = time.monotonic() + seconds
            if deadline < self._sleeps_until:
                self._sleeps_until = deadline  # no second notify for a later one before it wakes
                self.notified += 1
                self._cond.notify()

    def disarm(self, guard: _Watchdog) -> float | None:
        """Forget the guard; the time it had left (None: it was not armed, or it has fired)."""
        with self._cond:
            deadline = self._deadlines.pop(guard, None)
        return None if deadline is None else max(0.0, deadline - time.monotonic())

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for guard, deadline in list(self._deadlines.items()):
                    if deadline <= now:
                        del self._deadlines[guard]
                        guard._fire()
                soonest = min(self._deadlines.values(), default=None)
                self._sleeps_until = math.inf if soonest is None else soonest
                self._cond.wait(None if soonest is None else max(0.0, soonest - now))


def _new_watch() -> None:
    """A forked child has no watchdog thread, and the parent's lock may have been held: start anew."""
    global _WATCH
    _WATCH = _Watch()


_WATCH = _Watch()
os.register_at_fork(after_in_child=_new_watch)


class _Watchdog:
    def __init__(self, seconds: float) -> None:
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = True
        self._fired = False
        self._left: float | None = None  # while paused: the time left (None: it had fired)
        _WATCH.arm(self, seconds)

    def pause(self) -> None:
        """Stop the clock (`core.uncounted`); a guard that has fired stays fired."""
        self._left = _WATCH.disarm(self)

    def resume(self) -> None:
        """Start the clock again with the time that was left, unless it had fired. Only this
        guard's own thread pauses, resumes and disarms it, and a paused guard is not in the
        watchdog's hands: nothing else can change it meanwhile (no lock: the watchdog takes the
        guard's lock while it holds its own, so taking them the other way round could deadlock)."""
        if self._left is not None:
            _WATCH.arm(self, self._left)

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                self._armed = False
                self._fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self._thread_id), ctypes.py_object(DocumentTimeout)
                )

    def disarm(self) -> bool:
        """Stop the timer; True if it had fired (its exception is then on its way to this thread)."""
        _WATCH.disarm(self)
        with self._lock:
            self._armed = False
            return self._fired


def _take_pending(patience: float = 1.0) -> None:
    """Run bytecode until the scheduled exception is raised here (at the next check of the eval
    loop), not later in the caller's code; give up after `patience` if the work swallowed it."""
    end = time.monotonic() + patience
    while time.monotonic() < end:
        pass


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this thread if the block runs longer than `seconds` (None: no limit).

    A timeout that fires just as the block ends surfaces on the way out of the `with`, so callers
    catch it around the whole statement (the work did take that long).
    """
    if seconds is None:
        yield
        return
    watchdog = _Watchdog(seconds)
    delivered = False
    try:
        with guarding(watchdog):  # one-time work inside stops the clock (`uncounted`)
            yield
    except DocumentTimeout:
        delivered = True
        raise
    finally:
        if watchdog.disarm() and not delivered:
            _take_pending()
