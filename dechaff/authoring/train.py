"""Fit the line model (`dechaff.cleaners.line_model`) from pairs of a raw dump and its clean text.

Each line the classifier judges is labelled by the share of its word tokens that a token alignment
with the clean text finds there (main text at 0.5 or more); lines weigh by their tokens, as the
bag-of-tokens F1 does. The fit is an L2-regularised logistic regression by Newton's method in
numpy: deterministic, no learning library. Cross-validation groups pages by site, so that no
site is in both the training and the test part of a fold (`site_folds`).
"""

from __future__ import annotations

import difflib
import json
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from dechaff.cleaners.line_model import FEATURES, line_table
from dechaff.cleaners.paragraphs import Paragraphs
from dechaff.engine.domains import host_of
from dechaff.engine.engine import Engine
from dechaff.io.inputs import Source
from dechaff.ruleset.line_model import LineModel

_TOKEN = re.compile(r"\w+")
MAIN_TEXT = 0.5  # a line whose tokens the clean text holds this share of is main text
L2 = 30.0  # ridge on the standardised weights (site-grouped CV on the licensed dev-set pages)
# the model keeps a line the classifier drops from this probability (site-grouped CV on the dev
# set: 0.7, 0.8 and 0.9 give the same mean F1, 0.9 moves fewest pages the wrong way)
KEEP_ABOVE = 0.9
_SECOND_LEVEL = ("co", "com", "net", "org", "gov", "edu", "ac", "or", "ne")


@dataclass(frozen=True, slots=True)
class Example:
    """The lines of one page as the classifier judges them: features, labels, token counts."""

    site: str
    table: np.ndarray
    main: np.ndarray  # 1.0 for main text
    tokens: np.ndarray


def site_of(host: str) -> str:
    """The registrable part of a host name, roughly: a site's sections and its other hosts are
    one site for cross-validation.

    >>> site_of("www.news.example.co.uk"), site_of("iservice.example.com.tw"), site_of("a.b.org")
    ('example.co.uk', 'example.com.tw', 'b.org')
    """
    parts = host.lower().rstrip(".").split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def site_folds(sites: Iterable[str], k: int) -> dict[str, int]:
    """Each site's fold (0..k-1): sites in a fixed pseudo-random order, dealt round."""
    order = sorted(set(sites), key=lambda s: (zlib.crc32(s.encode()), s))
    return {site: i % k for i, site in enumerate(order)}


def main_text_share(lines: Sequence[str], clean: str) -> np.ndarray:
    """Per line, the share of its tokens that an alignment of all the page's tokens with the
    clean text's tokens matches (runs of two tokens or more, so that a lone common word does not
    count)."""
    tokens: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        found = [t.lower() for t in _TOKEN.findall(line)]
        tokens += found
        owner += [i] * len(found)
    gold = [t.lower() for t in _TOKEN.findall(clean)]
    hit = np.zeros(len(lines))
    total = np.zeros(len(lines))
    np.add.at(total, owner, 1.0)
    matcher = difflib.SequenceMatcher(None, tokens, gold, autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        if size >= 2:
            np.add.at(hit, owner[a : a + size], 1.0)
    return np.divide(hit, total, out=np.zeros(len(lines)), where=total > 0)


def example_of(engine: Engine, source: Source, clean: str, site: str) -> Example | None:
    """The page as the line classifier sees it in the first round of its cascade (every other
    cleaner has run), labelled against `clean`; None when the cascade has no line classifier."""
    doc = engine.prepare(source)
    *others, last = doc.pipeline.cleaners
    if not isinstance(last, Paragraphs):
        return None
    lines = doc.lines
    quiet = doc.pipeline.shared.quiet(line.text for line in lines)
    ctx = replace(doc.context, quiet=quiet, numbers=tuple(sorted({line.no for line in lines})))
    for cleaner in others:
        lines = cleaner.clean(lines, ctx).lines
    judged, labels, measured = last.judged_lines(lines, ctx)
    texts = [line.text for line in judged]
    gaps = [line.gap_before for line in judged]
    table = line_table(texts, gaps, ctx.stopwords, ctx.lang, last.params, labels, measured)
    main = (main_text_share(texts, clean) >= MAIN_TEXT).astype(float)
    tokens = np.array([len(_TOKEN.findall(t)) for t in texts], dtype=float)
    return Example(site, table, main, tokens)


def fit(
    examples: Sequence[Example],
    l2: float = L2,
    keep_above: float = KEEP_ABOVE,
    training: dict[str, object] | None = None,
) -> LineModel:
    """Logistic regression on the standardised features, each line weighted by its tokens (plus a
    half, so that a line without words still counts a little)."""
    x = np.vstack([e.table for e in examples])
    y = np.concatenate([e.main for e in examples])
    w = np.concatenate([e.tokens for e in examples]) + 0.5
    w = w / w.mean()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    ridge = np.full(z.shape[1], l2)
    ridge[-1] = 1e-6  # the bias is (all but) not shrunk; a trace keeps a separable sample solvable
    beta = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -40.0, 40.0)))
        gradient = z.T @ (w * (p - y)) + ridge * beta
        hessian = (z * (w * p * (1.0 - p))[:, None]).T @ z + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return LineModel(
        FEATURES,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in beta[:-1]),
        float(beta[-1]),
        keep_above,
        dict(training or {}),
    )


def fold_models(examples: Sequence[Example], k: int = 5) -> dict[str, LineModel | None]:
    """site -> the model fitted on the other folds' sites (site-grouped cross-validation); None
    where the other folds hold no page (fewer sites than it takes)."""
    folds = site_folds((e.site for e in examples), k)
    models: dict[int, LineModel | None] = {}
    for fold in sorted(set(folds.values())):
        rest = [e for e in examples if folds[e.site] != fold]
        models[fold] = fit(rest) if rest else None
    return {site: models[fold] for site, fold in folds.items()}


@dataclass(frozen=True, slots=True)
class Pair:
    """A raw page and its clean text, with the page's site (its domain, else its id)."""

    id: str
    raw: Path
    clean: Path
    site: str
    url: str | None = None
    domain: str | None = None


def read_index(paths: Sequence[Path]) -> dict[str, dict[str, object]]:
    """id -> row of JSONL files with an `id` and any of `url`, `domain`, `dataset`."""
    rows: dict[str, dict[str, object]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


def pairs_in(
    raw_dir: Path, clean_dir: Path, index: dict[str, dict[str, object]], datasets: set[str]
) -> list[Pair]:
    """Every `raw_dir/<id>.txt` with a `clean_dir/<id>.txt`; with `datasets`, a page whose index
    row names another dataset is left out (rows without one stay)."""
    pairs = []
    for raw in sorted(raw_dir.glob("*.txt")):
        clean = clean_dir / raw.name
        row = index.get(raw.stem, {})
        if not clean.is_file() or (datasets and row.get("dataset") not in (None, *datasets)):
            continue
        url = str(row["url"]) if row.get("url") else None
        domain = str(row["domain"]) if row.get("domain") else None
        host = domain or host_of(url)
        pairs.append(Pair(raw.stem, raw, clean, site_of(host) if host else raw.stem, url, domain))
    return pairs


def examples_of(engine: Engine, pairs: Sequence[Pair]) -> list[Example]:
    """The labelled lines of each pair (pages without a line classifier in their cascade left out)."""
    out = []
    for pair in pairs:
        source = Source(pair.id, pair.raw, url=pair.url, domain=pair.domain)
        example = example_of(engine, source, pair.clean.read_text(encoding="utf-8"), pair.site)
        if example is not None:
            out.append(example)
    return out
