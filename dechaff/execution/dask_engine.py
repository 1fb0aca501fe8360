"""The same batches on dask.distributed: a scheduler given by address, or a LocalCluster.

Workers run `process_batch`, the very function the local pool runs, and results come back in
submission order to the parent, which writes the same shards: both engines give the same output.
Inputs and the rules folder must be readable at the same paths on every worker. When a worker
dies, Dask retries its task elsewhere and gives up with KilledWorker; the batch is then re-run
one document per task to record the culprit as `error:worker`.
"""

from __future__ import annotations

from collections.abc import Sequence

from distributed import Client, Future, KilledWorker, LocalCluster

from dechaff.execution.batch import RulesIdentity, WorkerSpec, process_batch
from dechaff.execution.ordered import OrderedExecutor
from dechaff.io.inputs import Source


class DaskExecutor(OrderedExecutor):
    """Batches as Dask tasks, at most two per worker thread in flight."""

    crash = KilledWorker

    def __init__(self, spec: WorkerSpec, rules: RulesIdentity, scheduler: str | None, workers: int) -> None:
        self.spec = spec
        self.rules = rules
        self._cluster = (
            None
            if scheduler
            else LocalCluster(n_workers=max(1, workers), threads_per_worker=1, dashboard_address=None)
        )
        self._client = Client(scheduler or self._cluster)
        self.slots = 2 * max(1, sum(self._client.nthreads().values()))

    def submit(self, batch: Sequence[Source]) -> Future:
        return self._client.submit(process_batch, self.spec, list(batch), pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
