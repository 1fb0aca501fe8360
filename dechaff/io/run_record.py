"""What an output folder was made with, so that `--resume` never mixes two configurations in it.

The rules are known from the finished rows themselves (their `rules_digest`); the options that
change what a run computes are kept in `OUT/run.json`, written once the tables are prepared.
Only finished rows matter: a folder whose first shard never completed holds nothing to mix.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from dechaff.io.arrow_table import read_columns
from dechaff.io.atomic import write_atomic
from dechaff.io.shards import finished_parts

RECORD = "run.json"

MadeWith = Mapping[str, object]
"""Option name (as on the command line) -> value, JSON-serialisable."""


def finished_digests(out_dir: Path) -> set[str]:
    """The rules digests of the rows already done."""
    found: set[str] = set()
    for part in finished_parts(out_dir):
        column = read_columns(part, ["rules_digest"]).column("rules_digest")
        found.update(column.unique().to_pylist())
    found.discard(None)  # type: ignore[arg-type]
    return found


def resume_conflict(out_dir: Path, digest: str, settings: MadeWith) -> str | None:
    """Why resuming into `out_dir` with these rules and settings would mix two outputs (one line),
    or None when it would not."""
    if not finished_parts(out_dir):
        return None
    others = sorted(finished_digests(out_dir) - {digest})
    if others:
        return (
            f"cannot resume into {out_dir}: its finished documents were cleaned with rules digest "
            f"{', '.join(others)}, the rules now have digest {digest}"
        )
    before = recorded_settings(out_dir)
    changed = [
        f"{name} was {before.get(name)!r}, now {value!r}"
        for name, value in settings.items()
        if before is not None and before.get(name) != value
    ]
    if changed:
        return f"cannot resume into {out_dir}: it was made with other settings ({'; '.join(changed)})"
    return None


def recorded_settings(out_dir: Path) -> dict[str, object] | None:
    """The settings `run.json` holds; None when there is none (a folder from an older version)."""
    path = out_dir / RECORD
    if not path.is_file():
        return None
    return dict(json.loads(path.read_text(encoding="utf-8"))["settings"])


def record_settings(out_dir: Path, digest: str, settings: MadeWith) -> None:
    """Write `run.json` (atomically, through no link): the settings, and the rules digest for people."""
    out_dir.mkdir(parents=True, exist_ok=True)
    record = {"rules_digest": digest, "settings": dict(settings)}
    text = json.dumps(record, indent=2, sort_keys=True) + "\n"
    write_atomic(out_dir, out_dir / RECORD, text.encode("utf-8"))
