"""Find input files and read the optional manifest (id -> url, domain)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class InputSetupError(Exception):
    """Bad command-line input (missing path, duplicate id, broken manifest): stops before any work."""


@dataclass(frozen=True, slots=True)
class Source:
    """One document to clean: its id, where its bytes are, and what the manifest says of it."""

    id: str
    path: Path
    url: str | None = None
    domain: str | None = None


def discover(paths: Iterable[Path], pattern: str = "*.txt") -> list[Source]:
    """Files given directly, and `pattern` files under given folders; id = relative path sans suffix."""
    found: dict[str, Path] = {}
    for root in paths:
        if root.is_dir():
            items = [(p.relative_to(root).with_suffix("").as_posix(), p) for p in sorted(root.rglob(pattern))]
        elif root.exists() or root.is_symlink():
            items = [(root.stem, root)]
        else:
            raise InputSetupError(f"{root}: no such file or folder")
        for doc_id, path in items:
            if doc_id in found:
                raise InputSetupError(f"duplicate document id '{doc_id}': {found[doc_id]} and {path}")
            found[doc_id] = path
    return [Source(doc_id, path) for doc_id, path in found.items()]


def read_manifest(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """id -> (url, domain) from a CSV with a header or a JSONL file; errors name file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputSetupError(f"{path}: cannot read manifest: {exc}") from None
    rows: list[tuple[int, dict]] = []
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        for no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputSetupError(f"{path}:{no}: not JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise InputSetupError(f"{path}:{no}: each line must be a JSON object")
            rows.append((no, obj))
    else:
        reader = csv.DictReader(text.splitlines())
        rows = [(no, row) for no, row in enumerate(reader, 2)]
    out: dict[str, tuple[str | None, str | None]] = {}
    for no, row in rows:
        if not row.get("id"):
            raise InputSetupError(f"{path}:{no}: every manifest row needs an 'id'")
        out[str(row["id"])] = (row.get("url") or None, row.get("domain") or None)
    return out
