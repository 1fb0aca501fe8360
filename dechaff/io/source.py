"""The values the readers produce: a document to clean (`Source`) and the files they come from."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Source:
    """One document to clean: its id, where it comes from, and what its container says of it.

    `content` holds the document when it is a record of a container (`path` is then the container);
    None means read `path`. `error` is set for a record that could not be read, so it still gets
    its metadata row; `duplicate_of` for a record whose id an earlier document of the run already
    has (`inputs.unique_ids`); `given_id` for a record whose own id had to be made safe (it is then
    kept in `extra`, under the record's id field). Plain values only, so a Source can be sent to a
    worker process.
    """

    id: str
    path: Path
    url: str | None = None
    domain: str | None = None
    lang: str | None = None  # declared by the caller (Python API): the engine then detects none
    kind: str = "text"  # text | html
    content: bytes | str | None = None
    charset: str | None = None  # declared by the transport (a WARC record's HTTP Content-Type)
    fetched: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    error: str | None = None
    duplicate_of: str | None = None
    given_id: str | None = None


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file found on the command line, its format, and the id its documents are named under."""

    id: str
    path: Path
    format: str


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Which fields of a JSONL or Parquet record hold what; `html` None means records are text."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    html: str | None = None


def printable(name: str) -> str:
    """A file name as text that any table or terminal takes: bytes that are not UTF-8 (which Python
    keeps as lone surrogates, `os.fsdecode`) are written `\\xNN`; stable, and distinct for
    distinct names. The file itself is still opened by its real name.

    >>> printable(os.fsdecode(b"caf\\xe9.txt")), printable("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


_UNSAFE = re.compile(r"[^\w.\-]+")
MAX_NAME_BYTES = 200
"""File systems allow 255 bytes per name: room for `.txt` and the temp name a write goes through
(`atomic`), and for a suffix a later tool adds."""


def capped_name(name: str) -> str:
    """`name` if it fits in MAX_NAME_BYTES of UTF-8, else its start plus a hash of the whole: stable,
    distinct for distinct names, and short enough for any file system.

    >>> capped_name("a" * 20) == "a" * 20, len(capped_name("é" * 300).encode())
    (True, 199)
    """
    data = name.encode("utf-8", "surrogateescape")
    if len(data) <= MAX_NAME_BYTES:
        return name
    digest = hashlib.sha256(data).hexdigest()[:16]
    room = MAX_NAME_BYTES - len(digest) - 1
    head = name[:room]  # at most `room` characters; drop whole characters until it fits in bytes
    while len(head.encode("utf-8", "surrogateescape")) > room:
        head = head[: -1 - (len(head.encode("utf-8", "surrogateescape")) - room) // 4]
    return f"{head}~{digest}"


def record_id(container: str, value: object) -> str:
    """`<container id>/<record id>`, the record id made safe as one path part (any length: the text
    file's name is capped, see `capped_name`).

    >>> record_id("shard", "../etc/pass wd"), record_id("shard", 7)
    ('shard/etc_pass_wd', 'shard/7')
    """
    name = _UNSAFE.sub("_", str(value)).strip("._") or "_"
    return f"{container}/{name}"
