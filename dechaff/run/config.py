"""`RunConfig`: everything one run needs, as one typed value (the CLI builds it from its arguments,
Python code builds it directly), so the command line, the bench and the Python API run the same job."""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from dechaff.engine.engine import MAX_HTML_BYTES
from dechaff.engine.timeout import DEFAULT_TIME_LIMIT
from dechaff.io.documents_out import FORMATS_OUT
from dechaff.io.inputs import FORMATS, RecordFields
from dechaff.io.run_record import MadeWith

ENGINES = ("local", "dask")

BATCH_SIZE = 32  # documents per task of a run, unless told otherwise


@dataclass(frozen=True, slots=True)
class RunConfig:
    """One run: what to read, where to write, how to clean, how to spread the work.

    Only `inputs` is required; every default is the command line's. Paths are used as given
    (relative ones against the current folder).
    """

    inputs: tuple[Path, ...]
    format: str = "auto"
    fields: RecordFields = field(default_factory=RecordFields)
    manifest: Path | None = None
    """What to read. `inputs`: files or folders (a folder: every file of a known format under it,
    recursively; a document's id is its path relative to the folder, without the suffix).
    `format`: `auto` (by suffix) or one of `io.inputs.FORMATS` for every file. `fields`: which
    fields of JSONL / Parquet records hold the text, id, URL (and HTML, to extract). `manifest`:
    a CSV or JSONL file giving documents' `url` and `domain` by `id`."""

    out: Path = Path("output")
    force: bool = False
    format_out: str = "txt"
    """Where to write. `out`: the output folder (text/, metadata.parquet/, removed.parquet/); it may
    not overlap an input, nor hold files this tool did not write unless `force`. `format_out`:
    `txt` (text files only) or `jsonl` / `parquet` (also data/part-* shards of text + metadata)."""

    rules: Path | None = None
    domain_rules: bool = True
    quality_filter: bool = True
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_html_bytes: int = MAX_HTML_BYTES
    """How to clean. `rules`: the rules folder (None: the shipped rules). `domain_rules`: False
    runs the generic cascade only, without domain detection. `quality_filter`: False measures
    the quality signals but drops no document for them. `time_limit`: seconds per document
    before it is recorded as `error:timeout` (None: no limit). `max_html_bytes`: a larger HTML
    page is `dropped:too_large` (its parse tree would cost ~50 times its size in memory)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = BATCH_SIZE
    shard_size: int = 4096
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    force_resume: bool = False
    strict: bool = False
    progress_interval: float = 10.0
    warm: bool = False
    """How to run; none of these change the output. `workers`: processes (default: one per core);
    `batch_size`: documents per task; `shard_size`: documents per table shard; `engine`: `local`
    (a process pool) or `dask` (`scheduler`: its address, None for a local cluster). `resume`:
    keep the finished shards in `out` and clean only the rest, refused when they were made with
    other rules or output settings unless `force_resume` (which implies `resume`). `strict`: stop
    at the first document that fails. `progress_interval`: seconds between progress lines when
    stderr is not a terminal. `warm`: compile every language pack's cascade and load its date
    names in the parent, before the local workers start, so that they share them; by default each
    worker compiles the cascades of the languages it meets (0.02-0.11 s each) and loads a date
    parser when it meets a date (0.3 s once, then 0.05 s a language), which a run in one or a few
    languages is done with some 0.5 s sooner than when all eight (seven packs and the generic one)
    are compiled first. Neither is charged to a document's time limit (`core.uncounted`). With many
    workers over pages in most languages, `warm` saves each worker compiling them again (CPU and
    some 25 MB of private memory each: 12 MB of cascades, 11 of date names). It only applies to
    local workers forked from the parent (Linux's start method): Dask workers, and workers that a
    platform starts afresh, build their own."""

    def __post_init__(self) -> None:
        if isinstance(self.inputs, str | os.PathLike):  # one path, not the characters of one
            object.__setattr__(self, "inputs", (self.inputs,))
        object.__setattr__(self, "inputs", tuple(Path(p) for p in self.inputs))
        object.__setattr__(self, "out", Path(self.out))  # Python callers may give any path-like
        for name in ("manifest", "rules"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, Path(value))
        for name, value, allowed in (
            ("format", self.format, ("auto", *FORMATS)),
            ("format_out", self.format_out, FORMATS_OUT),
            ("engine", self.engine, ENGINES),
        ):
            if value not in allowed:
                raise ValueError(f"RunConfig.{name} must be one of {', '.join(allowed)}, not {value!r}")
        if not self.inputs:
            raise ValueError("RunConfig.inputs is empty: give at least one file or folder")
        self._check_numbers()

    def _check_numbers(self) -> None:
        """Refuse what would make a run useless: every document timed out, no worker, no batch."""
        limit = self.time_limit
        if limit is not None and not (math.isfinite(limit) and limit > 0):
            raise ValueError(f"RunConfig.time_limit must be finite seconds > 0 or None, not {limit!r}")
        if not (math.isfinite(self.progress_interval) and self.progress_interval > 0):
            raise ValueError(f"RunConfig.progress_interval must be > 0, not {self.progress_interval!r}")
        for name in ("workers", "batch_size", "shard_size", "max_html_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"RunConfig.{name} must be a whole number >= 1, not {value!r}")

    @property
    def resuming(self) -> bool:
        return self.resume or self.force_resume

    def made_with(self) -> MadeWith:
        """The options that change what a run computes, not how fast: a resume must keep them.
        Named as on the command line (they are recorded in `OUT/run.json`)."""
        manifest = hashlib.sha256(self.manifest.read_bytes()).hexdigest()[:16] if self.manifest else None
        return {
            "--format": self.format,
            "--text-field": self.fields.text,
            "--id-field": self.fields.id,
            "--url-field": self.fields.url,
            "--html-field": self.fields.html,
            "--no-domain-rules": not self.domain_rules,
            "--no-filter": not self.quality_filter,
            "--max-html-bytes": self.max_html_bytes,
            "--manifest": manifest,  # its content: the same file edited gives other domains
        }
