"""Write clean text files (the tables are written in shards: `shards.py`)."""

from __future__ import annotations

from pathlib import Path

from dechaff.io.atomic import remove_file, write_atomic
from dechaff.io.source import capped_name

TEXT_SUFFIX = ".txt"


def folder_name(part: str) -> str:
    """A folder of `OUT/text/` for a part of an id: `~` added to a name ending in `.txt` (or in
    `~`), so that a folder never has a text file's name (`x.txt` is the text of the file `x.txt`,
    `x.txt~/` holds the records of `x.txt.jsonl`) and two parts never share a folder.

    >>> folder_name("shard"), folder_name("x.txt"), folder_name("x.txt~")
    ('shard', 'x.txt~', 'x.txt~~')
    """
    return f"{part}~" if part.endswith((TEXT_SUFFIX, "~")) else part


def text_path(out_dir: Path, doc_id: str) -> Path:
    """`OUT/text/<id>.txt`; a part of the id too long for a file name is capped (`capped_name`),
    the full id staying in the row; folders are named apart from files (`folder_name`)."""
    *folders, name = doc_id.split("/")
    parts = (folder_name(capped_name(folder)) for folder in folders)
    return out_dir.joinpath("text", *parts, capped_name(name) + TEXT_SUFFIX)


def place_text(out_dir: Path, doc_id: str, text: str | None) -> None:
    """Write the document's text file, or remove a stale one from an earlier run when it has none."""
    if text is not None:
        write_text(out_dir, doc_id, text)
    else:
        remove_file(out_dir, text_path(out_dir, doc_id))


def write_text(out_dir: Path, doc_id: str, text: str) -> None:
    """Write atomically, through no link (`atomic`), so a killed run never leaves half a file."""
    write_atomic(out_dir, text_path(out_dir, doc_id), text.encode("utf-8"), durable=False)
