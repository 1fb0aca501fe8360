"""Bytes to text without ever crashing a batch: BOMs, UTF-8, then cp1252 / Latin-1; binary
files are recognised and refused with a reason."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class InputRefused(Exception):
    """A file that cannot be cleaned; carries the metadata status ('dropped:binary'...)."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: not a text dump."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(8, len(head) // 50)


def decode(data: bytes) -> Decoded:
    """Decode a text dump; raises InputRefused for empty or binary input."""
    if not data.strip():
        raise InputRefused("dropped:empty_input", "the file is empty or only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.removesuffix("-sig"))
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise InputRefused("dropped:binary", "the file looks binary (NUL or control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")
