"""Access to a benchmark dev set laid out as `index.jsonl`, `html/`, `dumps/`, `gold/`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dechaff.text.stoplists import stoplist_for


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    lang: str
    url: str | None
    dump: Path
    html: Path
    gold: Path
    site: str = ""  # the page's domain (or its id when unknown): the unit of site-grouped comparisons

    def stopwords(self) -> frozenset[str]:
        return stoplist_for(self.lang)


def default_devset() -> Path:
    """`../shared/devset` beside the project checkout."""
    return Path(__file__).resolve().parents[3] / "shared" / "devset"


def pages(root: Path) -> list[Page]:
    """Pages that have a full gold text, in index order."""
    out = []
    for line in (root / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row.get("has_gold"):
            continue
        pid = row["id"]
        out.append(
            Page(
                pid,
                row.get("lang") or "und",
                row.get("url"),
                root / "dumps" / f"{pid}.txt",
                root / "html" / f"{pid}.html",
                root / "gold" / f"{pid}.txt",
                row.get("domain") or pid,
            )
        )
    return out
