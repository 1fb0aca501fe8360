"""Benchmarks run as commands (`dechaff bench`), never as timed tests: machines are noisy, so
every number is reported next to a baseline measured in the same run."""
