"""Running the engine over many documents: batches, worker processes (local pool or Dask), and the
per-document guards (time limit, crash isolation) that keep one bad document from stopping a run."""
