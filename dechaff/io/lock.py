"""One run at a time per output folder: `OUT/run.lock` holds the running process's pid and host.

Two runs writing the same folder would clear and overwrite each other's shards. The lock is an
`flock` on the lock file, which the kernel releases when its holder dies however it dies, so a
lock left by a killed run is taken over at once; the pid and host inside are for the message
that refuses a second run. Where the file system has no `flock`, the pid decides: a lock from
this host whose process is gone is taken over, any other is respected.

A run's workers are forked with the lock file open, so the kernel holds the lock until the last
of them has gone too: a run killed with `kill -9` leaves its workers a moment to die after it
(at once on Linux, within a second elsewhere: `execution.orphans`). A lock still held whose
holder's pid is gone from this host is waited for, up to `ORPHANS_WAIT` seconds, before the run
is refused: a `--resume` typed (or scripted) right after the kill is not turned away.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dechaff.io.inputs import InputSetupError

LOCK = "run.lock"
_NO_FLOCK = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL)


def _holder(fd: int) -> dict[str, object]:
    """What the lock file says of its holder ({} when it is empty or not ours to read)."""
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _alive(holder: dict[str, object]) -> bool:
    """Whether the holder may still run: a process of another host cannot be checked, so it may."""
    if not isinstance(holder.get("pid"), int):
        return False
    if holder.get("host") != socket.gethostname():
        return True
    pid = _local_pid(holder)
    return pid is not None and _running(pid)


def _gone(holder: dict[str, object]) -> bool:
    """Whether the holder was a process of this host (not this one) that has ended: killed, or
    killed and not yet reaped (a zombie holds no lock)."""
    pid = _local_pid(holder)
    return pid is not None and not _running(pid)


_PID_LIMIT = 1 << 31  # a larger number is no process's (psutil raises OverflowError on it)


def _local_pid(holder: dict[str, object]) -> int | None:
    """The holder's pid when it may name another process of this host (a number in range, not
    this process's), else None."""
    pid = holder.get("pid")
    if not isinstance(pid, int) or not 0 < pid < _PID_LIMIT or pid == os.getpid():
        return None
    return pid if holder.get("host") == socket.gethostname() else None


def _running(pid: int) -> bool:
    """Whether process `pid` (`_local_pid`) runs: a zombie does not."""
    import psutil  # only when a lock is found: most runs do not pay for its import (12 ms)

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:  # no such process, or not ours to look at: gone, or alive
        return psutil.pid_exists(pid)


def _busy(out: Path, holder: dict[str, object], certain: bool) -> InputSetupError:
    """The refusal; when only the pid vouches for the holder, how to clear a lock it left; when
    the holder has ended, who holds it still (its workers, waited for in vain)."""
    hint = "" if certain else f"; if that run is over, remove {out / LOCK}"
    if certain and _gone(holder):
        hint = f"; that run has ended, but processes it started still hold the lock after {ORPHANS_WAIT:g} s"
    return InputSetupError(
        f"--out {out} is in use by another run (pid {holder.get('pid', '?')} on host "
        f"{holder.get('host', '?')}, since {holder.get('since', '?')}): wait for it to end or choose "
        f"another folder{hint}"
    )


ORPHANS_WAIT = 3.0  # seconds a lock whose holder is gone may be held by its dying workers


def _flock(fd: int) -> None:
    """`flock` the file, or BlockingIOError; a lock whose holder (the pid in the file) is no longer
    alive on this host is asked again until `ORPHANS_WAIT` has passed: its workers are dying."""
    deadline = None
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if not _gone(_holder(fd)):
                raise
            deadline = deadline or time.monotonic() + ORPHANS_WAIT
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def _take(out: Path) -> int:
    """The lock file's descriptor, locked and stamped with this process; InputSetupError when held."""
    path = out / LOCK
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            _flock(fd)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise _busy(out, holder, certain=True) from None
        except OSError as exc:
            if exc.errno not in _NO_FLOCK:
                os.close(fd)
                raise
            if _alive(holder := _holder(fd)):
                os.close(fd)
                raise _busy(out, holder, certain=False) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path, follow_symlinks=False).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a file its last holder removed as we opened it
            break
        os.close(fd)
    stamp = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.strftime("%Y-%m-%dT%H:%M:%S")}
    os.ftruncate(fd, 0)
    os.pwrite(fd, (json.dumps(stamp) + "\n").encode("utf-8"), 0)
    return fd


@contextmanager
def out_lock(out: Path) -> Iterator[None]:
    """Hold `out`'s lock for the block (the folder is made if missing); removed when the block ends."""
    out.mkdir(parents=True, exist_ok=True)
    fd = _take(out)
    try:
        yield
    finally:
        (out / LOCK).unlink(missing_ok=True)
        os.close(fd)
