"""The bag-of-tokens metric of `shared/eval/score.py` (Scrapinghub AEB / WCXB word F1), per
document and mean, so rule authors can score their own small gold sets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """Lowercased Unicode word tokens as a multiset.

    >>> sorted(tokens("Été, été! x").items())
    [('x', 1), ('été', 2)]
    """
    return Counter(t.lower() for t in _TOKEN.findall(text))


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    noise_removed: float | None


def score(out: str, gold: str, raw: str | None = None) -> Score:
    o, g = tokens(out), tokens(gold)
    hit = sum((o & g).values())
    p = hit / max(1, sum(o.values()))
    r = hit / max(1, sum(g.values()))
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    nr = None
    if raw is not None:
        noise_in = sum((tokens(raw) - g).values())
        nr = 1.0 if noise_in == 0 else max(0.0, 1 - sum((o - g).values()) / noise_in)
    return Score(p, r, f, nr)


def gold_files(gold_dir: Path) -> dict[str, Path]:
    """id -> gold file; `<id>.gold.txt` wins over `<id>.txt`, as in score.py."""
    golds: dict[str, Path] = {}
    for path in sorted(gold_dir.glob("*.txt")):
        doc_id = path.name.removesuffix(".txt").removesuffix(".gold")
        if path.name.endswith(".gold.txt") or doc_id not in golds:
            golds[doc_id] = path
    return golds


def score_dir(out_dir: Path, gold_dir: Path, raw_dir: Path | None = None) -> dict[str, Score]:
    """Score every gold document against `out_dir/<id>.txt` (missing output = empty)."""
    results: dict[str, Score] = {}
    for doc_id, gold in gold_files(gold_dir).items():
        out_path = out_dir / f"{doc_id}.txt"
        out = out_path.read_text(encoding="utf-8") if out_path.exists() else ""
        raw_path = None if raw_dir is None else raw_dir / f"{doc_id}.txt"
        raw = (
            raw_path.read_text(encoding="utf-8", errors="replace") if raw_path and raw_path.exists() else None
        )
        results[doc_id] = score(out, gold.read_text(encoding="utf-8"), raw)
    return results


def summary_line(scores: dict[str, Score]) -> str:
    """The scorer's last line: 'mean F1 <f> content_kept <r> noise_removed <n> docs <k>'."""
    n = max(1, len(scores))
    vals = list(scores.values())
    mean_f = sum(s.f1 for s in vals) / n
    mean_r = sum(s.recall for s in vals) / n
    with_raw = [s.noise_removed for s in vals if s.noise_removed is not None]
    nr = f"{sum(with_raw) / n:.4f}" if with_raw else "n/a"
    return f"mean F1 {mean_f:.4f} content_kept {mean_r:.4f} noise_removed {nr} docs {len(vals)}"
