"""Workers die with their parent: a run killed with `kill -9` must not leave its pool behind.

An idle pool worker waits on a pipe whose write end it holds itself, so it never sees its parent
go. On Linux the kernel sends it SIGKILL when the parent dies (`prctl(PR_SET_PDEATHSIG)`);
elsewhere a thread polls for the parent once a second.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def exit_with_parent(parent: int) -> None:
    """Make this process end when the process `parent` (its parent at fork time) ends."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # it died before the signal was armed
                os._exit(1)
            return
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
