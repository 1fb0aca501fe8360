"""`discover` reads a file once however many ways it is named (links, a folder and a file in it,
a folder given twice), as keying every file by its resolved path did."""

from __future__ import annotations

import os
from pathlib import Path

from dechaff.cli import main
from dechaff.io.arrow_table import read_columns
from dechaff.io.inputs import _stem, discover, format_of
from dechaff.io.source import InputFile, printable


def _reference(paths: list[Path]) -> list[InputFile]:
    """What `discover` returned when it asked `Path.resolve()` of every file found."""
    found: dict[Path, InputFile] = {}
    for root in paths:
        if root.is_dir():
            items = []
            for path in sorted(root.rglob("*")):
                kind = format_of(path)
                if kind is not None:
                    items.append(InputFile(printable(_stem(path.relative_to(root), kind)), path, kind))
        else:
            kind = format_of(root) or "txt"
            items = [InputFile(printable(_stem(Path(root.name), kind)), root, kind)]
        for item in items:
            found.setdefault(item.path.resolve(), item)
    return list(found.values())


def _layout(tmp: Path) -> Path:
    """A folder with nested folders, links to files in and out of it, a linked folder, a dangling link."""
    root = tmp / "in"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "deep.txt").write_text("deep")
    for twin in ("x", "y"):  # two folders of one name, each with a file of one name: two files
        (root / twin / "same").mkdir(parents=True)
        (root / twin / "same" / "page.txt").write_text(twin)
    (root / "one.txt").write_text("one")
    (root / "two.html").write_text("<p>two</p>")
    (tmp / "outside.txt").write_text("outside")
    os.symlink(root / "one.txt", root / "z-link-to-one.txt")  # the same file as one.txt
    os.symlink(tmp / "outside.txt", root / "a" / "out.txt")  # a file of another folder
    os.symlink(root / "a" / "b", root / "linked-b")  # a folder again, through a link
    os.symlink(tmp / "missing.txt", root / "dangling.txt")
    os.symlink(root, tmp / "alias")  # the whole folder under another name
    return root


def test_the_same_files_as_resolving_each_path(tmp_path: Path) -> None:
    root = _layout(tmp_path)
    for paths in (
        [root],
        [root, root],
        [root, tmp_path / "alias"],
        [tmp_path / "alias", root / "a"],
        [root / "a", root],
        [root / "one.txt", root],
        [tmp_path / "outside.txt", root],
        [root / "z-link-to-one.txt", tmp_path / "alias" / "one.txt"],
    ):
        assert discover(paths) == _reference(paths), paths


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    root = _layout(tmp_path)
    ids = [f.id for f in discover([root, tmp_path / "alias", root / "one.txt"])]
    assert ids.count("one") == 1 and "z-link-to-one" not in ids  # the link names one.txt again
    assert "a/out" in ids and "a/b/deep" in ids
    assert "x/same/page" in ids and "y/same/page" in ids
    assert len(ids) == len(set(ids))


def test_a_link_in_a_loop_is_one_bad_file_not_a_stopped_run(tmp_path: Path) -> None:
    """`Path.resolve` raised on a loop of links, and the run stopped before any work; now the
    link is listed like any file, and reading it fails for that document alone."""
    root = _layout(tmp_path)
    os.symlink("loop.txt", root / "loop.txt")
    ids = [f.id for f in discover([root])]
    assert "loop" in ids and "one" in ids
    out = tmp_path / "out"
    assert main(["run", str(root / "a"), str(root / "loop.txt"), "--out", str(out), "--workers", "1"]) == 0
    rows = read_columns(out / "metadata.parquet" / "part-00000.parquet", ["id", "status"]).to_pylist()
    statuses = {row["id"]: row["status"] for row in rows}
    assert statuses.pop("loop") == "error:read"
    assert sorted(statuses) == ["b/deep", "out"] and not any(s.startswith("error") for s in statuses.values())
