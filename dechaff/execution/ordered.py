"""What the local and Dask executors share: a bounded window of batches in flight, results handed
back in submission order (so shards do not depend on timing), and crash isolation."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from typing import Any, Protocol

from dechaff.execution.batch import WORKER_CRASH, RulesIdentity, failure_row
from dechaff.io.inputs import Source
from dechaff.io.removed_table import NONE_REMOVED
from dechaff.io.shards import DocOutput


class Pending(Protocol):
    """A submitted batch (concurrent.futures.Future or distributed.Future)."""

    def result(self) -> Any: ...


Window = deque[tuple[Sequence[Source], Pending]]


class OrderedExecutor(ABC):
    """Subclasses say how to submit a batch, which exception means a worker died, and how to recover."""

    crash: type[BaseException]
    slots: int
    rules: RulesIdentity

    @abstractmethod
    def submit(self, batch: Sequence[Source]) -> Pending: ...

    def after_crash(self, pending: Window) -> Window:
        """Make the executor usable again; returns the batches still in flight."""
        return pending

    @abstractmethod
    def close(self) -> None: ...

    def map(self, batches: Iterable[Sequence[Source]]) -> Iterator[list[DocOutput]]:
        """Each batch's outputs, in the order the batches came; at most `slots` batches in flight."""
        pending: Window = deque()
        todo = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.slots:
                batch = next(todo, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.append((batch, self._submitted(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield future.result()
            except self.crash:
                pending = self.after_crash(pending)
                yield self._isolate(batch)

    def _submitted(self, batch: Sequence[Source]) -> Pending:
        """The batch submitted. A pool that a batch in flight has broken refuses new ones at once
        (a worker that dies while the window fills): this batch then fails as those did, and the
        crash is handled in its turn, as theirs is (`after_crash`, then isolation)."""
        try:
            return self.submit(batch)
        except self.crash as exc:
            failed: Future[list[DocOutput]] = Future()
            failed.set_exception(exc)
            return failed

    def _isolate(self, batch: Sequence[Source]) -> list[DocOutput]:
        """Re-run a batch one document per task; a document that kills its worker gets `error:worker`."""
        out: list[DocOutput] = []
        for source in batch:
            try:
                out.extend(self.submit([source]).result())
            except self.crash:
                self.after_crash(deque())
                row = failure_row(
                    source, self.rules, WORKER_CRASH, "the worker process died on this document"
                )
                out.append(DocOutput(source.id, row, None, NONE_REMOVED))
        return out
