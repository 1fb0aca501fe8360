"""Quality on a dev set, ours against the reference tools, in one run: the text cascade against
jusText on the same naive text dumps (each line a paragraph, the page language's stoplist), and
the HTML path against trafilatura.extract alone on the same HTML pages.

Each path runs once, with the decide step on: F1 is scored on the clean text the path keeps
whatever the decide step says (what `--no-filter` writes), and the status says what the default
run would do with it. Everything is kept per page, so that two runs can be compared page by page.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from statistics import fmean

from dechaff.authoring.evaluate import score
from dechaff.authoring.train import examples_of, fold_models, pairs_in, read_index, site_of
from dechaff.bench import peers
from dechaff.bench.devset import Page
from dechaff.bench.peers import justext_on_lines
from dechaff.engine.engine import DocResult, Engine
from dechaff.io.inputs import Source
from dechaff.text.normalise import normalise_lines

PATHS = ("dump", "html")
LOW_F1 = 0.5  # a page below this is a failure worth a flag
HIGH_F1 = 0.8  # a page at or above this is good: a flag on it is a false alarm
TRAFILATURA_MARGIN = 0.10  # the HTML path should never be further than this below trafilatura alone
MOVED = 0.02  # a page whose F1 moves more than this between two runs is listed by `changes`


@dataclass(frozen=True, slots=True)
class PathScore:
    """One page through one of our paths (dump or HTML)."""

    f1: float
    precision: float
    recall: float
    status: str
    suspect: tuple[str, ...]
    confidence: float | None
    extractor: str | None  # HTML: the candidate kept, and why ("trafilatura/first")
    lang: str | None  # the language the engine detected
    foreign_lines: int  # output lines that are no substring of a normalised line the cascade read
    ms: float  # CPU time


@dataclass(frozen=True, slots=True)
class PageScore:
    id: str
    lang: str  # the dev set's language
    site: str
    dump: PathScore
    html: PathScore
    justext: float
    trafilatura: float
    trafilatura_ms: float
    dump_classifier: float | None = None  # the dump path without the line model (None: no model)
    fold_model: bool = False  # a fold model that did not see this page's site cleaned it


CV_FOLDS = 5


def cross_validated(root: Path, engine: Engine) -> dict[str, Engine]:
    """Page id -> an engine whose line model did not see the page's site, for the dev-set pages
    of the sites the rule book's model was fitted on: `CV_FOLDS` models fitted as `dechaff train`
    does on the model's training pages found in the dev set, grouped by site (the classifier
    alone where the other folds hold no page)."""
    model = engine.book.line_model
    if model is None:
        return {}
    ids = set(map(str, model.training.get("ids", ())))  # type: ignore[call-overload]
    datasets = set(map(str, model.training.get("datasets", ())))  # type: ignore[call-overload]
    index = read_index([root / "index.jsonl"])
    pairs = [p for p in pairs_in(root / "dumps", root / "gold", index, datasets) if p.id in ids]
    plain = Engine(engine.book.without_line_model(), engine.settings)
    by_site = fold_models(examples_of(plain, pairs), CV_FOLDS)
    engines = {
        id(m): Engine(replace(engine.book, line_model=m), engine.settings) if m else plain
        for m in by_site.values()
    }
    return {p.id: engines[id(by_site[p.site])] for p in pairs if p.site in by_site}


def justext_on_dump(page: Page) -> str:
    """jusText on the dump, every line wrapped as a <p>, with the page language's stoplist."""
    return justext_on_lines(page.dump.read_text(encoding="utf-8"), page.stopwords())


def trafilatura_alone(page: Page) -> str:
    """trafilatura.extract with its defaults on the page's bytes (it finds their encoding itself)."""
    return peers.trafilatura_alone(page.html.read_bytes(), None)


def foreign_lines(result: DocResult) -> int:
    """Output lines that are not a substring of any normalised line the cascade read: cleaners
    delete or trim, they never write text of their own."""
    if not result.text:
        return 0
    read = [line for line in normalise_lines(result.source_text or "") if line]
    return sum(not any(out in line for line in read) for out in result.text.splitlines() if out)


def _timed(work: Callable[[], object]) -> tuple[object, float]:
    start = time.process_time()
    value = work()
    return value, (time.process_time() - start) * 1000


def _path_score(engine: Engine, source: Source, gold: str) -> PathScore:
    result, ms = _timed(lambda: engine.process(source))
    assert isinstance(result, DocResult)
    row = result.row
    s = score(result.text or "", gold)
    suspect = row.get("suspect") or ()
    confidence = row.get("confidence")
    return PathScore(
        s.f1,
        s.precision,
        s.recall,
        str(row["status"]),
        tuple(str(x) for x in suspect),
        None if confidence is None else float(str(confidence)),
        None if row.get("extractor") is None else f"{row['extractor']}/{row.get('extractor_reason')}",
        None if row.get("lang") is None else str(row["lang"]),
        foreign_lines(result),
        ms,
    )


def measure(pages: Iterable[Page], engine: Engine, folds: dict[str, Engine] | None = None) -> list[PageScore]:
    """Every page through both of our paths (with `engine`, decide step as configured, or the
    page's fold engine in `folds`) and through jusText and trafilatura alone; with a line model,
    the dump path also without it."""
    folds = folds or {}
    plain = Engine(engine.book.without_line_model(), engine.settings) if engine.book.line_model else None
    out = []
    for page in pages:
        gold = page.gold.read_text(encoding="utf-8")
        mine = folds.get(page.id, engine)
        dump = _path_score(mine, Source(page.id, page.dump, url=page.url), gold)
        # The HTML path exactly as `dechaff run DEVSET/html` runs it: no URL given.
        web = _path_score(mine, Source(page.id, page.html, kind="html"), gold)
        alone = None
        if plain is not None:
            alone = _path_score(plain, Source(page.id, page.dump, url=page.url), gold).f1
        traf, traf_ms = _timed(lambda page=page: trafilatura_alone(page))
        out.append(
            PageScore(
                page.id,
                page.lang,
                page.site,
                dump,
                web,
                score(justext_on_dump(page), gold).f1,
                score(str(traf), gold).f1,
                traf_ms,
                alone,
                page.id in folds,
            )
        )
    return out


def _line_model(scores: Sequence[PageScore], engine: Engine) -> list[str]:
    """The line model's part in the dump figures, and how they were cross-validated."""
    model = engine.book.line_model
    if model is None:
        return ["line model: none (the classifier alone decides)"]
    alone = [s.dump_classifier or 0.0 for s in scores]
    folded = [s for s in scores if s.fold_model]
    sites = {site_of(s.site) for s in folded}
    return [
        f"line model {model.sha} (fitted on {model.training.get('pages')} pages of"
        f" {len(model.training.get('sites', ()))} sites): dump F1 {fmean(s.dump.f1 for s in scores):.4f}"  # type: ignore[arg-type]
        f" vs {fmean(alone):.4f} for the classifier alone, pages below {LOW_F1}"
        f" {sum(s.dump.f1 < LOW_F1 for s in scores)} vs {sum(f < LOW_F1 for f in alone)};",
        f"  site-grouped CV: the {len(folded)} dev-set pages of the {len(sites)} sites it was fitted on"
        f" were cleaned by one of {CV_FOLDS} fold models that did not see their site (fitted on the"
        " other dev-set training pages; the seeds left out); every other page by the model itself",
    ]


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.1f}%)" if total else f"{count}/0"


def _by_language(scores: Sequence[PageScore]) -> list[str]:
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        groups["all"].append(s)
        groups[s.lang].append(s)
    order = sorted(groups, key=lambda k: (k != "all", -len(groups[k]), k))
    lines = [
        f"  {'lang':5s} {'n':>4s}  {'dump':>6s} {'jusText':>7s}  {'HTML':>6s} {'trafil.':>7s}"
        f"  {'HTML≥traf-0.1':>13s} {'dump<0.5':>8s} {'HTML<0.5':>8s}"
    ]
    for lang in order:
        g = groups[lang]
        within = sum(s.html.f1 >= s.trafilatura - TRAFILATURA_MARGIN for s in g)
        lines.append(
            f"  {lang:5s} {len(g):4d}  {fmean(s.dump.f1 for s in g):6.4f} {fmean(s.justext for s in g):7.4f}"
            f"  {fmean(s.html.f1 for s in g):6.4f} {fmean(s.trafilatura for s in g):7.4f}"
            f"  {f'{within}/{len(g)}':>13s} {sum(s.dump.f1 < LOW_F1 for s in g):8d}"
            f" {sum(s.html.f1 < LOW_F1 for s in g):8d}"
        )
    return lines


def _drops(scores: Sequence[PageScore], path: str) -> str:
    reasons = Counter(
        status.removeprefix("dropped:")
        for s in scores
        if (status := getattr(s, path).status).startswith("dropped:")
    )
    ranked = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    detail = ", ".join(f"{reason} {n}" for reason, n in ranked)
    return f"{path} {_share(sum(reasons.values()), len(scores))}" + (f" [{detail}]" if detail else "")


def _flags(scores: Sequence[PageScore]) -> list[str]:
    pairs = [getattr(s, path) for s in scores for path in PATHS]
    low = [p for p in pairs if p.f1 < LOW_F1]
    high = [p for p in pairs if p.f1 >= HIGH_F1]
    reasons = Counter(r for p in pairs for r in p.suspect)
    lines = [
        f"suspect flags (path-pages): F1 < {LOW_F1}: {_share(sum(bool(p.suspect) for p in low), len(low))}"
        f" flagged; F1 ≥ {HIGH_F1}: {_share(sum(bool(p.suspect) for p in high), len(high))} flagged"
    ]
    for path in PATHS:
        mine = [getattr(s, path) for s in scores]
        low_p = [p for p in mine if p.f1 < LOW_F1]
        high_p = [p for p in mine if p.f1 >= HIGH_F1]
        lines.append(
            f"  {path}: F1 < {LOW_F1} {_share(sum(bool(p.suspect) for p in low_p), len(low_p))},"
            f" F1 ≥ {HIGH_F1} {_share(sum(bool(p.suspect) for p in high_p), len(high_p))}"
        )
    if reasons:
        lines.append("  reasons: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())))
    return lines


def report(scores: Sequence[PageScore], root: Path, engine: Engine) -> str:
    """Everything the quality targets need, from one run."""
    n = len(scores)
    within = sum(s.html.f1 >= s.trafilatura - TRAFILATURA_MARGIN for s in scores)
    extractors = Counter(s.html.extractor or "-" for s in scores)
    lines = [
        f"quality on {n} pages of {root} (mean bag-of-tokens F1 of the clean text, as --no-filter keeps it)",
        *_by_language(scores),
        f"HTML path within trafilatura alone - {TRAFILATURA_MARGIN:.2f}: {_share(within, n)}",
        f"pages below F1 {LOW_F1}: dump {_share(sum(s.dump.f1 < LOW_F1 for s in scores), n)},"
        f" HTML {_share(sum(s.html.f1 < LOW_F1 for s in scores), n)}",
        *_line_model(scores, engine),
        "gold pages dropped by the decide step (filters on): "
        + "; ".join(_drops(scores, path) for path in PATHS),
        *_flags(scores),
        "HTML path, candidate kept/why: " + ", ".join(f"{x} {k}" for x, k in sorted(extractors.items())),
        "output lines not found in what the cascade read: "
        + ", ".join(f"{path} {sum(getattr(s, path).foreign_lines for s in scores)}" for path in PATHS),
        "CPU ms per page: "
        + ", ".join(f"{path} {fmean(getattr(s, path).ms for s in scores):.1f}" for path in PATHS)
        + f", trafilatura alone {fmean(s.trafilatura_ms for s in scores):.1f}",
    ]
    return "\n".join(lines)


def to_json(scores: Sequence[PageScore], root: Path) -> dict[str, object]:
    return {"devset": str(root), "pages": [asdict(s) for s in scores]}


def changes(before: dict[str, object], scores: Sequence[PageScore], moved: float = MOVED) -> str:
    """Pages whose F1 moved by more than `moved` on either path since an earlier `--json` report."""
    old = {p["id"]: p for p in before["pages"]}  # type: ignore[attr-defined]
    lines = []
    for path in PATHS:
        deltas = [
            (getattr(s, path).f1 - old[s.id][path]["f1"], s.id, old[s.id][path]["f1"], getattr(s, path).f1)
            for s in scores
            if s.id in old
        ]
        worse = sorted(d for d in deltas if d[0] < -moved)
        better = sorted((d for d in deltas if d[0] > moved), reverse=True)
        common = [d[3] - d[0] for d in deltas]
        lines.append(
            f"{path}: {len(deltas)} pages in both runs, mean F1 {fmean(common) if common else 0:.4f}"
            f" -> {fmean(d[3] for d in deltas) if deltas else 0:.4f};"
            f" {len(better)} better, {len(worse)} worse by more than {moved}"
        )
        lines += [f"  worse  {d[1]}: {d[2]:.3f} -> {d[3]:.3f}" for d in worse]
        lines += [f"  better {d[1]}: {d[2]:.3f} -> {d[3]:.3f}" for d in better]
        lines += [
            f"  status {s.id}: {old[s.id][path]['status']} -> {getattr(s, path).status}"
            for s in scores
            if s.id in old and old[s.id][path]["status"] != getattr(s, path).status
        ]
    return "\n".join(lines)
