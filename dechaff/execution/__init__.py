"""Running the engine over many documents: batches, worker processes (local pool or Dask), and the
crash isolation that keeps one bad document from stopping a run (the engine keeps the time limit)."""
