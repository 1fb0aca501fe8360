"""Batches on a local process pool.

A worker that dies (segfault, `os._exit`, out of memory) breaks the whole pool and fails every
batch in flight: the pool is rebuilt, the batch waited on is re-run one document at a time to
find the culprit, and the other batches are submitted again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dechaff.execution.batch import RulesIdentity, WorkerSpec, engine_for, process_batch
from dechaff.execution.ordered import OrderedExecutor, Pending, Window
from dechaff.execution.orphans import exit_with_parent
from dechaff.io.inputs import Source
from dechaff.io.shards import DocOutput


def _init_worker(spec: WorkerSpec, parent: int) -> None:
    """End with the parent (`orphans`); leave Ctrl-C to the parent while idle (`_batch`); build
    the engine as the worker starts, so the first batch does not pay for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)
    engine_for(spec)


def _batch(spec: WorkerSpec, batch: Sequence[Source]) -> list[DocOutput]:
    """`process_batch`, stopped by a Ctrl-C (it reaches the whole process group): its temp file
    removed, the interrupt goes back to the parent as the batch's result. An idle worker ignores
    it, so that it prints no traceback and waits for the parent to shut the pool down."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return process_batch(spec, batch)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _succeeded(future: Pending) -> bool:
    """A batch that finished before the pool broke keeps its result."""
    assert isinstance(future, Future)
    return future.done() and not future.cancelled() and future.exception() is None


def _broken() -> Future[list[DocOutput]]:
    """A batch's future that says the pool broke under it."""
    future: Future[list[DocOutput]] = Future()
    future.set_exception(BrokenProcessPool("a worker process died while this batch was in flight"))
    return future


class LocalExecutor(OrderedExecutor):
    """`workers` processes, at most two batches per worker in flight (memory bounded by batch size)."""

    crash = BrokenProcessPool

    def __init__(self, spec: WorkerSpec, rules: RulesIdentity, workers: int, warm: bool = False) -> None:
        self.spec = spec
        self.rules = rules
        self.workers = max(1, workers)
        self.slots = 2 * self.workers
        if multiprocessing.get_start_method() == "fork":
            # Built once here, inherited by every forked worker (and by a pool rebuilt after a crash)
            # instead of built in each: rule book, language profiles and, when asked (`warm`), the
            # compiled cascades of every language; else each worker compiles those it meets.
            engine = engine_for(spec)
            if warm:
                engine.warm()
            gc.freeze()  # the cascades just compiled, too (see engine_for)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.spec, os.getpid()))

    def submit(self, batch: Sequence[Source]) -> Future[list[DocOutput]]:
        return self._pool.submit(_batch, self.spec, batch)

    def after_crash(self, pending: Window) -> Window:
        """A new pool; every batch the crash took down is then isolated in its turn (`map`), never
        submitted again whole: the culprit may be in any of them, and a whole batch holding it
        would break the new pool while the innocent documents of another are being isolated."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()
        return deque((b, f if _succeeded(f) else _broken()) for b, f in pending)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
