"""`dechaff report OUTDIR --html report.html`: a browsable before/after report of a whole run,
grouped by domain, removed spans coloured by cleaner, rules linked to the documents they hit."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pandas as pd

from dechaff.io.decode import InputRefused, decode
from dechaff.io.inputs import format_of
from dechaff.io.outdir import require_run
from dechaff.io.tables import really_removed
from dechaff.report import html
from dechaff.report.view import line_views, meta_line, removals_of


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("report", help="write an HTML before/after report of a run")
    cmd.add_argument("outdir", type=Path, help="the output folder of `dechaff run`")
    cmd.add_argument("--html", type=Path, required=True, help="where to write the report")
    cmd.set_defaults(func=_report)


def _source_text(row: dict[str, object]) -> str | None:
    """The dump as the run read it (text dumps only; records of containers are not re-read)."""
    path = Path(str(row["source_path"]))
    if format_of(path) not in (None, "txt") or not path.is_file():
        return None
    try:
        return decode(path.read_bytes()).text
    except (OSError, InputRefused):
        return None


def _part(row: dict[str, object], removed: pd.DataFrame) -> html.DocPart:
    rows = removed.to_dict("records")
    removals = removals_of(rows)
    hits = Counter((r.cleaner, r.rule_id, r.rule_file) for r in removals if r.kept_by is None)
    text = _source_text(row)
    doc_id = str(row["id"])
    if text is not None:
        body = html.document(doc_id, line_views(text, removals), meta_line(row))
    else:
        listed = "".join(
            f"<div class='line'><span class='no'>{r.line_no}</span><span class='rm'>"
            f"{html.escape(r.text[:400])}</span> {html.escape(r.cleaner)}:{html.escape(r.rule_id)}"
            "</span></div>"
            for r in removals
        )
        meta = html.escape(f"{meta_line(row)} (source not re-readable: removed lines only)")
        body = (
            f'<section class="doc" id="{html.anchor("doc", doc_id)}"><h3>{html.escape(doc_id)}</h3>'
            f'<div class="meta">{meta}</div>{listed}</section>'
        )
    domain = row.get("domain")
    return html.DocPart(doc_id, str(domain) if isinstance(domain, str) else "(unknown site)", body, hits)


def _report(args: argparse.Namespace) -> int:
    require_run(args.outdir)
    meta = pd.read_parquet(args.outdir / "metadata.parquet").sort_values("id")
    removed = pd.read_parquet(args.outdir / "removed.parquet")
    groups = dict(tuple(removed.groupby("id"))) if len(removed) else {}
    empty = removed.iloc[0:0]
    parts = [_part(row, groups.get(row["id"], empty)) for row in meta.to_dict("records")]
    statuses = Counter(str(s) for s in meta["status"])
    summary = f"{len(meta)} documents from {args.outdir}: " + ", ".join(
        f"{k} {v}" for k, v in sorted(statuses.items())
    )
    summary += f"; {len(really_removed(removed))} lines or spans removed"
    args.html.parent.mkdir(parents=True, exist_ok=True)
    args.html.write_text(
        html.run_report(f"dechaff report: {args.outdir}", parts, html.escape(summary)), encoding="utf-8"
    )
    print(f"wrote {args.html} ({len(parts)} documents)")
    return 0
