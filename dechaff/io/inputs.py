"""Find input files, tell their format, stream their documents, and read the optional manifest.

A text or HTML file is one document; a JSONL, Parquet or WARC file is a container whose records
are read lazily (`records.py`, `warc.py`), each becoming a `Source` with its bytes in memory.
Ids are made unique as they are read (`unique_ids`), in the parent, before any worker sees them.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dechaff.io import records, warc
from dechaff.io.source import InputFile, RecordFields, Source, printable

__all__ = [
    "FORMATS",
    "InputFile",
    "InputSetupError",
    "RecordFields",
    "Source",
    "check_fields",
    "discover",
    "sources_of",
    "unique_ids",
    "with_manifest",
]

FORMATS = ("txt", "html", "jsonl", "parquet", "warc")
SUFFIXES = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
}
# longest first: a suffix that ends another one could not take its files (none does today)
_LONGEST_FIRST = sorted(SUFFIXES, key=len, reverse=True)


def format_names() -> str:
    """Each input format with the suffixes that announce it, for `--help`.

    >>> format_names().split(", ")[:2]
    ['txt (.txt)', 'html (.html .htm)']
    """
    return ", ".join(f"{fmt} ({' '.join(s for s, f in SUFFIXES.items() if f == fmt)})" for fmt in FORMATS)


MAX_LISTED = 20  # field names quoted in an error; a table may have hundreds


class InputSetupError(Exception):
    """Bad command-line input (missing path, duplicate id, broken manifest): stops before any work."""


def format_of(path: Path) -> str | None:
    """The input format a file name announces, or None.

    >>> format_of(Path("crawl/part-1.warc.gz")), format_of(Path("a.HTM")), format_of(Path("a.csv"))
    ('warc', 'html', None)
    """
    name = path.name.lower()
    for suffix in _LONGEST_FIRST:
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def _stem(path: Path, fmt: str | None) -> str:
    """The path without the suffix that names its format (`a.jsonl.gz` -> `a`)."""
    name = path.name
    lower = name.lower()
    for suffix in _LONGEST_FIRST:
        if lower.endswith(suffix) and (fmt is None or SUFFIXES[suffix] == fmt):
            return path.with_name(name[: -len(suffix)]).as_posix()
    return path.with_suffix("").as_posix()


def discover(paths: Iterable[Path], fmt: str = "auto") -> list[InputFile]:
    """Files given directly, and the files of format `fmt` (auto: every known format) under folders.

    A file given directly is read as `fmt`, or in auto mode as its suffix says (text when unknown).
    The id is the path relative to the folder given, without the format's suffix. Two files may
    have one id (`a.html` and `a.txt`): both are read, and the later document is `<id>#2` with
    its own row (`unique_ids`); a file given twice is read once.
    """
    found: dict[str, InputFile] = {}  # by real path
    for root in paths:
        if root.is_dir():
            folders: dict[str, str] = {}  # each folder's real path, asked once
            items = []
            for path in sorted(root.rglob("*")):
                kind = format_of(path)
                if kind is not None and fmt in ("auto", kind):
                    relative = path.relative_to(root)
                    item = InputFile(printable(_stem(relative, kind)), path, kind)
                    items.append((item, _real(path, folders)))
            if not items:
                wanted = f"{fmt} file" if fmt != "auto" else f"file of a known format ({format_names()})"
                raise InputSetupError(f"{root}: the folder holds no {wanted}")
        elif root.exists() or root.is_symlink():
            kind = (format_of(root) or "txt") if fmt == "auto" else fmt
            items = [(InputFile(printable(_stem(Path(root.name), kind)), root, kind), os.path.realpath(root))]
        else:
            raise InputSetupError(f"{root}: no such file or folder")
        for item, key in items:
            found.setdefault(key, item)
    return list(found.values())


def _real(path: Path, folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`: a file that is no link is where its folder's real path says, so
    a folder's is asked once (`folders`) and each file costs one `lstat`, where `realpath` makes
    one per folder of the path (795 files six folders deep: 49 -> 23-29 ms for the whole search).
    A link in a loop is listed (`resolve` raised, and the run stopped): reading it fails, and its
    row says so (`error:read`)."""
    name = os.fspath(path)
    if os.path.islink(name):
        return os.path.realpath(name)
    parent, base = os.path.split(name)
    folder = folders.get(parent)
    if folder is None:
        folder = folders[parent] = os.path.realpath(parent)
    return os.path.join(folder, base)


def sources_of(
    files: Iterable[InputFile], fields: RecordFields, skipped: Counter[str], max_bytes: int
) -> Iterator[Source]:
    """Every document of every file, lazily, with unique ids; records a reader skips are counted in
    `skipped`."""
    return unique_ids(_read_all(files, fields, skipped, max_bytes))


def check_fields(files: Iterable[InputFile], fields: RecordFields) -> None:
    """Refuse (InputSetupError) a JSONL or Parquet file none of whose records has the text field
    (or the HTML field), naming the fields it has: a wrong or default `--text-field` is one line,
    not an `error:read` row per record. A file where some records lack it is read as usual."""
    wanted = tuple(name for name in (fields.html, fields.text) if name)
    options = " or ".join(f"'{name}'" for name in wanted)
    for file in files:
        if file.format not in ("jsonl", "parquet"):
            continue
        found = records.fields_found(file, wanted)
        if found is None or found[0]:
            continue
        names = found[1]
        listed = ", ".join(names[:MAX_LISTED]) + (
            f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
        )
        flag = "--html-field or --text-field" if fields.html else "--text-field"
        raise InputSetupError(
            f"{file.path}: no record has the field {options}; its fields are: {listed or 'none'} "
            f"(name the one with the text with {flag})"
        )


def unique_ids(sources: Iterable[Source]) -> Iterator[Source]:
    """Sources as read, except that one whose id an earlier source has is renamed `<id>#2`, `#3`...
    (the first keeps the id and its text file). A later one with the same id is a duplicate (its
    row says so, it gets no text); one whose own id differs but reads the same once made safe
    (`https://ex.com/a` and `https://ex.com/a/`) is a document of its own, with its own text.

    Keeps every id of the run in memory: two records of one container, or a record and a file
    (`shard.jsonl` record `a` and `shard/a.txt`), or ids equal once made safe, can collide.

    >>> [(s.id, s.duplicate_of) for s in unique_ids(Source(i, Path("f")) for i in ("a", "b", "a", "a"))]
    [('a', None), ('b', None), ('a#2', 'a'), ('a#3', 'a')]
    >>> [(s.id, s.duplicate_of) for s in unique_ids(Source("a", Path("f"), given_id=g) for g in ("a/", "a:"))]
    [('a', None), ('a#2', None)]
    """
    seen: set[str] = set()
    given: dict[str, str] = {}  # the id as given of a document whose id was made safe
    copies: defaultdict[str, int] = defaultdict(lambda: 1)
    for source in sources:
        if source.id not in seen:
            seen.add(source.id)
            if source.given_id is not None:
                given[source.id] = source.given_id
            yield source
            continue
        doc_id = source.id
        while doc_id in seen:  # a later name may be taken too: a file may be called `a#2.txt`
            copies[source.id] += 1
            doc_id = f"{source.id}#{copies[source.id]}"
        seen.add(doc_id)
        same = source.given_id == given.get(source.id)
        yield replace(source, id=doc_id, duplicate_of=source.id if same else None)


def _read_all(
    files: Iterable[InputFile], fields: RecordFields, skipped: Counter[str], max_bytes: int
) -> Iterator[Source]:
    for file in files:
        if file.format == "txt":
            yield Source(file.id, file.path)
        elif file.format == "html":
            yield Source(file.id, file.path, kind="html")
        elif file.format == "jsonl":
            yield from records.read_jsonl(file, fields)
        elif file.format == "parquet":
            yield from records.read_parquet(file, fields)
        elif file.format == "warc":
            yield from warc.read_warc(file, skipped, max_bytes)
        else:
            raise ValueError(f"unknown input format {file.format!r}")


def with_manifest(
    sources: Iterable[Source], manifest: dict[str, tuple[str | None, str | None]]
) -> Iterator[Source]:
    """Sources with the URL and domain the manifest gives for their id (others unchanged)."""
    for source in sources:
        url, domain = manifest.get(source.id, (source.url, source.domain))
        yield replace(source, url=url, domain=domain)


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
