"""What the quality signals cost next to the text cascade, on the same documents in one run.

The cascade is timed inside the real engine (its `pipeline()` hands back a timed proxy), the
signals on the very text the cascade returned; each document's time is the best of a few
repeats, so a noisy machine inflates neither side. The dedup signature (run once per kept
document by the run's post-pass) is shown beside them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from dechaff.core.memo import clear_all
from dechaff.core.sections import DedupConfig
from dechaff.engine.engine import Engine
from dechaff.engine.pipeline import Pipeline
from dechaff.io.inputs import Source
from dechaff.quality.dedup import signature_of
from dechaff.quality.signals import signals
from dechaff.text.stoplists import stoplist_for

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SignalCost:
    """Seconds summed over the documents the cascade left text in (best of the repeats each)."""

    documents: int
    chars: int
    repeats: int
    process: float  # Engine.process: read -> row, signals included
    cascade: float  # Pipeline.clean alone
    signals: float
    signature: float

    @property
    def ratio(self) -> float:
        return self.signals / self.cascade if self.cascade else 0.0


class _TimedPipeline:
    """A Pipeline whose `clean` adds its wall time to a counter; everything else is the pipeline's."""

    def __init__(self, inner: Pipeline, clock: list[float]) -> None:
        self._inner = inner
        self._clock = clock

    def clean(self, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._inner.clean(*args)
        finally:
            self._clock[0] += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _TimedEngine(Engine):
    clock: list[float]

    def pipeline(self, *args: Any, **options: Any) -> Any:
        """Whatever Engine.pipeline takes, passed through: only `clean` is wrapped."""
        return _TimedPipeline(super().pipeline(*args, **options), self.clock)


def measure(engine: Engine, paths: Sequence[Path], repeats: int = 3) -> SignalCost:
    """Time the cascade, the signals and the dedup signature of every document `repeats` times.

    Each repeat is a pass over all the documents that starts with the memo tables emptied
    (`dechaff.core.memo`), so a document's second timing gains nothing from its first, as in a real
    run, where each document comes once. The decide step is off, so every page the cascade
    leaves text in is measured.
    """
    timed = _TimedEngine(engine.book, replace(engine.settings, quality_filter=False))
    timed.clock = [0.0]
    config = DedupConfig()
    best: dict[Path, list[float]] = {}
    sizes: dict[Path, int] = {}
    for _ in range(repeats):
        clear_all()
        for path in paths:
            timed.clock[0] = 0.0
            source = Source(path.stem, path)
            process, result = _timed(lambda s=source: timed.process(s))
            if str(result.row["status"]).startswith("error:"):  # a broken bench must not read 0 %
                raise RuntimeError(f"{path}: {result.row['status']}: {result.row['error']}")
            if not result.text:
                continue
            text, stopwords = result.text, stoplist_for(str(result.row["lang"]))
            seconds = [
                process,
                timed.clock[0],
                _timed(lambda t=text, w=stopwords: signals(t, w))[0],
                _timed(lambda t=text: signature_of(t, config))[0],
            ]
            sizes[path] = len(text)
            best[path] = [min(b, x) for b, x in zip(best.get(path, seconds), seconds, strict=True)]
    totals = [sum(times[k] for times in best.values()) for k in range(4)]
    return SignalCost(len(best), sum(sizes.values()), repeats, *totals)


def corpus_files(corpus: Path | None, devset: Path) -> tuple[Path, list[Path]]:
    """CORPUS's *.txt, else the dev set's text dumps, else the project's seeds."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    root = next(p for p in (corpus, devset / "dumps", seeds) if p is not None and p.is_dir())
    return root, sorted(root.glob("*.txt"))


def _timed(work: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    value = work()
    return time.perf_counter() - started, value


def report(cost: SignalCost, where: Path) -> str:
    per_doc = 1000 / cost.documents if cost.documents else 0.0
    rows = [
        ("engine.process (read -> row)", cost.process),
        ("text cascade (Pipeline.clean)", cost.cascade),
        ("quality signals", cost.signals),
        ("dedup signature", cost.signature),
    ]
    lines = [
        f"signal cost on {cost.documents} documents of {where} ({cost.chars} chars of clean text), "
        f"best of {cost.repeats}",
        *(f"  {name:32s} {seconds:8.3f} s  {seconds * per_doc:7.2f} ms/doc" for name, seconds in rows),
        f"  signals / cascade: {cost.ratio:.1%} (budget 30%)",
    ]
    return "\n".join(lines)
