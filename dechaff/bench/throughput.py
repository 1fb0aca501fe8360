"""Speed and memory, measured in one run against the reference tools on the same pages.

The corpus is the dev set's text dumps and HTML pages (or a folder given by the user), replicated
under new ids up to a minimum size. Every number is a ratio to a baseline measured in the same
run, so a noisy or slow machine changes the numbers but not the verdict much:

- text cascade docs/s against trafilatura.extract docs/s on the HTML of the same pages (one
  process each);
- the HTML path (extraction + cascade) total time against trafilatura.extract alone;
- a run with 2 workers against a run with 1 worker (whole `dechaff run` machinery);
- peak RSS of a whole `dechaff run` (parent + workers) at 10x the text input against 1x.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import justext
import psutil
import trafilatura

from dechaff.core.memo import clear_all
from dechaff.engine.engine import Engine
from dechaff.io.inputs import Source
from dechaff.run.config import RunConfig
from dechaff.run.runner import run
from dechaff.text.stoplists import stoplist_for

MB = 1_000_000
TARGETS = {
    "text_cascade_vs_trafilatura_docs_per_s": (">=", 20.0),
    "html_path_vs_trafilatura_time": ("<=", 1.2),
    "two_workers_vs_one": (">=", 1.8),
    "rss_10x_vs_1x": ("<=", 1.2),
}


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the corpus: its text dump and its HTML (either may be missing in a user corpus)."""

    id: str
    dump: Path | None
    html: Path | None
    url: str | None
    lang: str


@dataclass(frozen=True, slots=True)
class Timing:
    docs: int
    bytes: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float]:
        return {**asdict(self), "docs_per_s": self.docs_per_s, "mb_per_s": self.mb_per_s}


def _link(src: Path, dest: Path) -> None:
    """A hard link when the file system allows it (replicas cost no disk), else a copy."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def devset_pages(root: Path) -> list[Page]:
    """Every page of a dev set (`index.jsonl`, `dumps/`, `html/`), with its URL and language."""
    out = []
    for line in (root / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dump, html = root / "dumps" / f"{row['id']}.txt", root / "html" / f"{row['id']}.html"
        out.append(
            Page(
                row["id"],
                dump if dump.is_file() else None,
                html if html.is_file() else None,
                row.get("url"),
                row.get("lang") or "en",
            )
        )
    return out


def folder_pages(root: Path) -> list[Page]:
    """A user corpus: `*.txt` dumps and `*.html` pages, paired by relative path without suffix."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix in (".txt", ".html") and path.is_file():
            found.setdefault(path.relative_to(root).with_suffix("").as_posix(), {})[path.suffix] = path
    return [Page(pid, p.get(".txt"), p.get(".html"), None, "en") for pid, p in found.items()]


def _size(pages: Sequence[Page]) -> int:
    return sum(p.stat().st_size for page in pages for p in (page.dump, page.html) if p is not None)


def replicate(pages: Sequence[Page], dest: Path, copies: int) -> list[Page]:
    """`copies` copies of every page under `dest/r<k>/`, with new ids and the same URL."""
    out = []
    for k in range(copies):
        for page in pages:
            pid = f"r{k:03d}/{page.id}"
            dump = dest / "dumps" / f"{pid}.txt" if page.dump else None
            html = dest / "html" / f"{pid}.html" if page.html else None
            for src, dst in ((page.dump, dump), (page.html, html)):
                if src is not None and dst is not None:
                    _link(src, dst)
            out.append(Page(pid, dump, html, page.url, page.lang))
    return out


def copies_for(pages: Sequence[Page], min_bytes: int) -> int:
    """
    >>> copies_for([], 10)
    1
    """
    size = _size(pages)
    return max(1, -(-min_bytes // size)) if size else 1


def timed(
    items: Sequence[tuple[Page, Path]], work: Callable[[Page, Path], object], cold_copies: bool = False
) -> Timing:
    """Run `work` on every (page, file) pair in this process; with `cold_copies`, our memo tables
    are emptied at the start of each copy of a replicated corpus (`r000/`, `r001/`...), so a
    copy gains nothing from the one before it."""
    size = sum(path.stat().st_size for _, path in items)
    copy = None
    start = time.perf_counter()
    for page, path in items:
        if cold_copies and page.id.split("/", 1)[0] != copy:
            copy = page.id.split("/", 1)[0]
            clear_all()
        work(page, path)
    return Timing(len(items), size, time.perf_counter() - start)


def trafilatura_alone(page: Page, html: Path) -> object:
    return trafilatura.extract(html.read_bytes(), url=page.url)


def justext_alone(page: Page, html: Path) -> object:
    return justext.justext(html.read_bytes(), stoplist_for(page.lang))


def manifest_of(pages: Sequence[Page], path: Path) -> Path:
    """A JSONL manifest of the pages' URLs, as a user gives one to `dechaff run --manifest`."""
    path.write_text(
        "".join(json.dumps({"id": p.id, "url": p.url}) + "\n" for p in pages if p.url), encoding="utf-8"
    )
    return path


def run_with_workers(dumps: Path, manifest: Path, workers: int, out: Path, rules: Path | None) -> Timing:
    """A whole run (survey, pool, shards, text files, duplicates) over a folder of dumps with
    `workers` processes: the `run` that `dechaff run DUMPS --manifest MANIFEST` calls."""
    config = RunConfig(
        inputs=(dumps,), manifest=manifest, out=out, rules=rules, workers=workers, progress_interval=3600
    )
    files = [path for path in dumps.rglob("*.txt") if path.is_file()]
    start = time.perf_counter()
    run(config)
    return Timing(len(files), sum(path.stat().st_size for path in files), time.perf_counter() - start)


def peak_rss(command: Sequence[str], interval: float = 0.05) -> int:
    """Peak of the summed RSS of a command and all its descendants (the parent and its workers)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(interval)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}")
    return peak


def rss_of_run(dumps: Path, out: Path, rules: Path | None) -> int:
    command = [sys.executable, "-m", "dechaff", "run", str(dumps), "--out", str(out)]
    return peak_rss(command + (["--rules", str(rules)] if rules else []))


def profile(engine: Engine, pages: Sequence[Page], top: int) -> str:
    """Where the text cascade spends its time: the `top` functions by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        if page.dump is not None:
            engine.process(Source(page.id, page.dump, url=page.url))
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def bench(
    pages: Sequence[Page],
    work_dir: Path,
    engine: Engine,
    rules: Path | None,
    log: Callable[[str], None],
) -> dict[str, object]:
    """Every measurement, in one run, over `pages` (already replicated to size)."""
    dumps = [(p, p.dump) for p in pages if p.dump is not None]
    htmls = [(p, p.html) for p in pages if p.html is not None]
    log(f"corpus: {len(pages)} pages, {_size(pages) / MB:.1f} MB")

    def text_path(page: Page, path: Path) -> object:
        return engine.process(Source(page.id, path, url=page.url))

    def html_path(page: Page, path: Path) -> object:
        return engine.process(Source(page.id, path, url=page.url, kind="html"))

    warm_up = ((dumps, text_path), (htmls, html_path), (htmls, trafilatura_alone), (htmls, justext_alone))
    for items, work in warm_up:  # langdetect profiles, lxml, trafilatura's first-call setup
        timed(items[:3], work)
    log("text cascade (1 process)...")
    text = timed(dumps, text_path, cold_copies=True)
    log("HTML path (1 process)...")
    html = timed(htmls, html_path, cold_copies=True)
    log("trafilatura.extract alone...")
    traf = timed(htmls, trafilatura_alone)
    log("jusText alone...")
    just = timed(htmls, justext_alone)
    log("dechaff run, 1 worker then 2 workers...")
    corpus = work_dir / "corpus"
    manifest = manifest_of(pages, work_dir / "manifest.jsonl")
    # Both runs start from a parent that has built (and will fork) the engine: startup is not scaling.
    warm = replicate([p for p, _ in dumps[:3]], work_dir / "warm", 1)
    run_with_workers(
        work_dir / "warm" / "dumps",
        manifest_of(warm, work_dir / "warm.jsonl"),
        1,
        work_dir / "out-warm",
        rules,
    )
    one = run_with_workers(corpus / "dumps", manifest, 1, work_dir / "out-1", rules)
    two = run_with_workers(corpus / "dumps", manifest, 2, work_dir / "out-2", rules)
    log("peak RSS of dechaff run at 1x then 10x the text input...")
    rss_1 = rss_of_run(corpus / "dumps", work_dir / "rss-1", rules)
    replicate([Page(p.id, path, None, p.url, p.lang) for p, path in dumps], work_dir / "x10", 10)
    rss_10 = rss_of_run(work_dir / "x10" / "dumps", work_dir / "rss-10", rules)
    ratios = {
        "text_cascade_vs_trafilatura_docs_per_s": ratio(text.docs_per_s, traf.docs_per_s),
        "html_path_vs_trafilatura_time": ratio(html.seconds, traf.seconds),
        "two_workers_vs_one": ratio(two.docs_per_s, one.docs_per_s),
        "rss_10x_vs_1x": ratio(rss_10, rss_1),
    }
    return {
        "corpus": {"pages": len(pages), "bytes": _size(pages), "cores": os.cpu_count()},
        "text_cascade": text.as_dict(),
        "html_path": html.as_dict(),
        "trafilatura_extract": traf.as_dict(),
        "justext": just.as_dict(),
        "run_1_worker": one.as_dict(),
        "run_2_workers": two.as_dict(),
        "peak_rss_bytes": {"1x": rss_1, "10x": rss_10, "1x_docs": len(dumps), "10x_docs": 10 * len(dumps)},
        "ratios": ratios,
        "targets": {
            name: {"value": ratios[name], "target": f"{op} {bound}", "met": _met(ratios[name], op, bound)}
            for name, (op, bound) in TARGETS.items()
        },
    }


def _met(value: float, op: str, bound: float) -> bool:
    return value >= bound if op == ">=" else value <= bound


def report(result: dict[str, object]) -> str:
    """The human summary: throughput per system, then each ratio against its target."""
    lines = []
    corpus = result["corpus"]
    assert isinstance(corpus, dict)
    lines.append(f"corpus: {corpus['pages']} pages, {corpus['bytes'] / MB:.1f} MB, {corpus['cores']} cores")
    for key, label in (
        ("text_cascade", "text cascade (dumps)"),
        ("html_path", "HTML path (extract + cascade)"),
        ("trafilatura_extract", "trafilatura.extract alone"),
        ("justext", "jusText alone"),
        ("run_1_worker", "dechaff run, 1 worker"),
        ("run_2_workers", "dechaff run, 2 workers"),
    ):
        t = result[key]
        assert isinstance(t, dict)
        lines.append(
            f"  {label:32s} {t['docs']:6d} docs {t['seconds']:8.2f}s "
            f"{t['docs_per_s']:8.1f} docs/s {t['mb_per_s']:7.2f} MB/s"
        )
    rss = result["peak_rss_bytes"]
    assert isinstance(rss, dict)
    lines.append(
        f"  peak RSS of dechaff run: {rss['1x'] / 2**20:.0f} MiB at 1x ({rss['1x_docs']} docs), "
        f"{rss['10x'] / 2**20:.0f} MiB at 10x ({rss['10x_docs']} docs)"
    )
    lines.append("ratios:")
    targets = result["targets"]
    assert isinstance(targets, dict)
    for name, t in targets.items():
        lines.append(
            f"  {name:42s} {t['value']:8.2f}  target {t['target']:7s} {'met' if t['met'] else 'NOT MET'}"
        )
    return "\n".join(lines)


def prepare_corpus(source: Path | None, devset: Path, min_bytes: int, work_dir: Path) -> list[Page]:
    """The pages to measure, replicated under `work_dir/corpus` to at least `min_bytes`."""
    base = folder_pages(source) if source else devset_pages(devset)
    return replicate(base, work_dir / "corpus", copies_for(base, min_bytes))


def temp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="dechaff-bench-"))
