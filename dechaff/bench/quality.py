"""Quality on a dev set, ours against the reference tools, in one run: the text cascade against
jusText on the same naive text dumps (each line a paragraph, the page language's stoplist), and
the HTML path against trafilatura.extract alone on the same HTML pages."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import justext
import trafilatura

from dechaff.authoring.evaluate import score
from dechaff.bench.devset import Page
from dechaff.engine.engine import Engine
from dechaff.io.inputs import Source

System = Callable[[Page], str]


def justext_on_dump(page: Page) -> str:
    """jusText on the dump, every line wrapped as a <p>, with the page language's stoplist."""
    text = page.dump.read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    paragraphs = justext.justext(
        f"<html><body>{body}</body></html>".encode(), page.stopwords(), encoding="utf-8"
    )
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def cascade_on_dump(engine: Engine) -> System:
    def run(page: Page) -> str:
        result = engine.process(Source(page.id, page.dump, url=page.url))
        return result.text or ""

    return run


def html_path(engine: Engine) -> System:
    """The HTML path exactly as `dechaff run DEVSET/html` runs it: no URL given, extraction then
    the text cascade, nothing written for the dev set's sites."""

    def run(page: Page) -> str:
        result = engine.process(Source(page.id, page.html, kind="html"))
        return result.text or ""

    return run


def trafilatura_alone(page: Page) -> str:
    """trafilatura.extract with its defaults on the page's bytes (it finds their encoding itself)."""
    return trafilatura.extract(page.html.read_bytes()) or ""


def compare(pages: Sequence[Page], systems: dict[str, System]) -> dict[str, dict[str, float]]:
    """Mean F1 per system, overall and per language group (en / non-en)."""
    sums: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in systems}
    for page in pages:
        gold = page.gold.read_text(encoding="utf-8")
        group = "en" if page.lang == "en" else "non-en"
        for name, system in systems.items():
            f1 = score(system(page), gold).f1
            sums[name]["all"].append(f1)
            sums[name][group].append(f1)
    return {name: {k: sum(v) / len(v) for k, v in groups.items()} for name, groups in sums.items()}


def report(results: dict[str, dict[str, float]], n: int, root: Path) -> str:
    lines = [f"quality on {n} pages of {root} (mean bag-of-tokens F1)"]
    for name, groups in results.items():
        parts = "  ".join(f"{k} {v:.4f}" for k, v in sorted(groups.items()))
        lines.append(f"  {name:28s} {parts}")
    return "\n".join(lines)
