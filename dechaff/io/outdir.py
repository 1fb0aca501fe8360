"""The output folder is ours alone: never an input folder or inside one, never holding an input,
and never a folder of someone else's files (a fresh run clears what an earlier run wrote there)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from dechaff.io.atomic import is_temp
from dechaff.io.inputs import InputSetupError
from dechaff.io.lock import LOCK
from dechaff.io.run_record import RECORD
from dechaff.io.shards import METADATA, REMOVED
from dechaff.io.writers import TEXT_SUFFIX

TEXT = "text"
DATA = "data"  # --format-out jsonl|parquet shards
OWNED = frozenset({TEXT, DATA, METADATA, REMOVED, RECORD, LOCK})
"""Every name a run writes at the top of its output folder (and temp files, `atomic.is_temp`)."""


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def _real(path: Path) -> Path:
    """`path.resolve()`, but a link in a loop is no error here (`resolve` raised RuntimeError, a
    traceback instead of a run): it is where `realpath` stops, and reading it fails for its own
    document (`error:read`)."""
    return Path(os.path.realpath(path))


def check_out_dir(out: Path, inputs: Iterable[Path], force: bool = False) -> None:
    """Refuse (InputSetupError, one line) an output folder that overlaps an input, or that holds
    files this tool did not write (hidden files aside, its own temp files among them) unless
    `force`: a run must never read its own output, nor overwrite or clear what it did not make."""
    target = _real(out)
    for given in inputs:
        source = _real(given)
        if _within(target, source):
            where = "is" if target == source else "is inside"
            raise InputSetupError(
                f"--out {out} {where} the input {given}: choose a folder apart from the inputs"
            )
        if _within(source, target):
            raise InputSetupError(
                f"--out {out} contains the input {given}: choose a folder apart from the inputs"
            )
    if target.exists() and not target.is_dir():
        raise InputSetupError(f"--out {out} is a file, not a folder")
    links = sorted(name for name in OWNED if (target / name).is_symlink())
    if links:
        raise InputSetupError(
            f"--out {out}: {links[0]!r} is a link, which this tool never makes nor follows: remove it"
        )
    if force or not target.is_dir():
        return
    # a hidden file (a shell's `> out/.log`, `.DS_Store`, `.gitkeep`) is no other tool's output: the
    # run writes no such name and clears only its own files, so it stays as it is
    foreign = sorted(p.name for p in target.iterdir() if p.name not in OWNED and not p.name.startswith("."))
    if foreign:
        shown = ", ".join(repr(name) for name in foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise InputSetupError(
            f"--out {out} holds files this tool did not write ({shown}): choose a new or empty folder, "
            "or --force to write there anyway"
        )


def require_run(folder: Path) -> None:
    """Refuse (InputSetupError, one line) a folder that is not the output of a `dechaff run`."""
    if not folder.is_dir():
        raise InputSetupError(f"{folder}: no such folder (give the --out folder of a `dechaff run`)")
    if not (folder / METADATA).is_dir():
        raise InputSetupError(
            f"{folder}: not the output of a `dechaff run` (no {METADATA}/ in it); give the run's --out folder"
        )


def _ours(path: Path) -> bool:
    """A file an earlier run wrote under `text/`: a text file or a temp file, never a link."""
    return (path.name.endswith(TEXT_SUFFIX) or is_temp(path.name)) and not path.is_symlink()


def _clear_text(out: Path, chosen: Callable[[Path], bool], empty_folders: bool) -> None:
    """Remove the files under `text/` that `chosen` picks (and, with `empty_folders`, the folders
    they leave empty); a linked folder is never entered."""
    text = out / TEXT
    if text.is_dir() and not text.is_symlink():
        for folder, _, names in os.walk(text, topdown=False):
            here = Path(folder)
            for name in names:
                if chosen(here / name):
                    (here / name).unlink()
            if empty_folders and here != text and not any(here.iterdir()):
                here.rmdir()


def clear_temp_texts(out: Path) -> None:
    """Before a `--resume`: remove the temp files a killed run left under `text/` (a worker
    killed while it wrote a text file); the text files themselves stay. No link is followed."""
    _clear_text(out, lambda path: is_temp(path.name) and not path.is_symlink(), empty_folders=False)


def clear_earlier_run(out: Path) -> None:
    """Before a fresh run (no `--resume`): remove what an earlier run wrote, and only that. Its
    text files and temp files go, then the folders they leave empty, and its `--format-out`
    shards; anything else stays, and no link is followed (the tables: `shards.prepare`)."""
    _clear_text(out, _ours, empty_folders=True)
    data = out / DATA
    if data.is_dir() and not data.is_symlink():
        for path in data.iterdir():
            if path.name.startswith("part-") or is_temp(path.name):
                path.unlink()
    for path in out.glob(".*"):
        if is_temp(path.name):
            path.unlink()
