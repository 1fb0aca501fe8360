"""Standalone HTML (inline CSS, no network assets) for one document or a whole run."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["DocPart", "anchor", "document", "escape", "legend", "page", "run_report"]

from dechaff.core.names import NAMES
from dechaff.report.view import LineView

_PALETTE = (
    "#e6194b",
    "#3cb44b",
    "#c99a00",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#2aa198",
    "#f032e6",
    "#6b8e23",
    "#d2691e",
    "#008080",
    "#9a6324",
    "#800000",
    "#000075",
)

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#263238;color:#fff;padding:12px 20px}header h1{margin:0;font-size:20px}
main{padding:12px 20px;max-width:1200px}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:14px 0;padding:10px 14px}
.meta{color:#555;font-size:12px;margin-bottom:6px}
.line{display:flex;gap:8px;font-family:ui-monospace,monospace;font-size:12.5px;white-space:pre-wrap}
.no{color:#999;min-width:3.5em;text-align:right;user-select:none}
.rm{text-decoration:line-through;opacity:.8;border-radius:3px;padding:0 2px}
.tag{font-size:11px;border-radius:3px;padding:0 4px;color:#fff;text-decoration:none;white-space:nowrap}
table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 8px;font-size:12.5px;text-align:left}
.legend span{margin-right:10px}
.kept{background:#2e7d32}.result{color:#2e7d32;font-weight:600}
"""


# The report needs no script: forbid every script, handler, frame and remote load, so that page text
# that escaped escaping could still run nothing.
_CSP = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'\">"
)


def color_of(cleaner: str) -> str:
    index = NAMES.index(cleaner) if cleaner in NAMES else len(NAMES)
    return _PALETTE[index % len(_PALETTE)]


def anchor(kind: str, name: str) -> str:
    return f"{kind}-" + "".join(ch if ch.isalnum() else "_" for ch in name)


def page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{_CSP}<title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body><header><h1>{escape(title)}</h1></header><main>{body}</main></body></html>\n"
    )


def legend() -> str:
    items = "".join(f'<span><b style="color:{color_of(n)}">■</b> {escape(n)}</span>' for n in NAMES)
    return f'<p class="legend">{items}</p>'


def document(doc_id: str, views: Sequence[LineView], meta: str) -> str:
    """One document: every input line, removed segments struck and linked to their rule.

    `meta` is plain text (page metadata, error messages: written by the page, not by us): escaped here.
    """
    rows = []
    for view in views:
        parts = []
        for seg in view.segments:
            if seg.removal is None:
                parts.append(escape(seg.text))
                continue
            r = seg.removal
            color = color_of(r.cleaner)
            parts.append(
                f'<span class="rm" style="background:{color}22;color:{color}" title="{escape(r.rule_file)}">'
                f'{escape(seg.text)}</span> <a class="tag" style="background:{color}" '
                f'href="#{anchor("rule", r.rule_id)}">{escape(r.cleaner)}:{escape(r.rule_id)}</a>'
            )
        for r in view.overruled:
            title = escape(str(r.kept_by_file))
            parts.append(
                f' <span class="tag kept" title="{title}">kept by {escape(str(r.kept_by))}'
                f" over {escape(r.cleaner)}:{escape(r.rule_id)}</span>"
            )
        if view.result:
            parts.append(f'<div class="result">= {escape(" ┃ ".join(view.result))}</div>')
        rows.append(f'<div class="line"><span class="no">{view.no}</span><span>{"".join(parts)}</span></div>')
    return (
        f'<section class="doc" id="{anchor("doc", doc_id)}"><h3>{escape(doc_id)}</h3>'
        f'<div class="meta">{escape(meta)}</div>{"".join(rows)}</section>'
    )


@dataclass(frozen=True, slots=True)
class DocPart:
    doc_id: str
    domain: str
    html: str
    rule_hits: Counter[tuple[str, str, str]]  # (cleaner, rule_id, rule_file) -> lines


def rule_table(parts: Sequence[DocPart]) -> str:
    """Per-rule hit counts, each rule linking to the documents it fired on."""
    lines: Counter[tuple[str, str, str]] = Counter()
    docs: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for part in parts:
        for key, n in part.rule_hits.items():
            lines[key] += n
            docs[key].append(part.doc_id)
    rows = []
    for key, n in sorted(lines.items(), key=lambda kv: (-kv[1], kv[0])):
        cleaner, rule_id, rule_file = key
        links = " ".join(f'<a href="#{anchor("doc", d)}">{escape(d)}</a>' for d in docs[key])
        rows.append(
            f'<tr id="{anchor("rule", rule_id)}"><td style="color:{color_of(cleaner)}">{escape(cleaner)}</td>'
            f"<td>{escape(rule_id)}</td><td>{escape(rule_file)}</td><td>{n}</td><td>{len(docs[key])}</td>"
            f"<td>{links}</td></tr>"
        )
    head = "<tr><th>cleaner</th><th>rule</th><th>file</th><th>lines</th><th>docs</th><th>documents</th></tr>"
    return f"<h2>Rules</h2><table>{head}{''.join(rows)}</table>"


def run_report(title: str, parts: Sequence[DocPart], summary: str) -> str:
    by_domain: dict[str, list[DocPart]] = defaultdict(list)
    for part in parts:
        by_domain[part.domain].append(part)
    toc = "".join(
        f"<li><b>{escape(domain)}</b>: "
        + " ".join(f'<a href="#{anchor("doc", p.doc_id)}">{escape(p.doc_id)}</a>' for p in docs)
        + "</li>"
        for domain, docs in sorted(by_domain.items())
    )
    sections = "".join(
        f'<h2 id="{anchor("domain", domain)}">{escape(domain)}</h2>' + "".join(p.html for p in docs)
        for domain, docs in sorted(by_domain.items())
    )
    body = f"<p>{summary}</p>{legend()}<h2>Domains</h2><ul>{toc}</ul>{rule_table(parts)}{sections}"
    return page(title, body)
