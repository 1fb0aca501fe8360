"""Bytes to text without ever crashing a batch: a BOM, valid UTF-8, the declared charset (HTTP
header, then `<meta charset>`), then detection (charset-normalizer), then cp1252 / Latin-1.
Binary files are recognised and refused with a reason."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache


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
_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)  # counted in C: deleted, then measured
# Codecs that browsers (WHATWG Encoding) replace by a superset, keyed by Python's codec name;
# utf-16 in a meta tag is a lie (the bytes around it are ASCII), so it means UTF-8.
_WHATWG = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096  # where browsers look for <meta charset> (the spec says 1024; pages overshoot)


_HEAD = 8192  # bytes looked at (as many characters hold at least as many bytes)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: not a text dump."""
    head = data[:_HEAD]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > max(8, len(head) // 50)


def charset_param(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type value.

    >>> charset_param('text/html; charset="ISO-8859-1"')
    'ISO-8859-1'
    """
    m = _CHARSET_PARAM.search(content_type or "")
    return m.group(1) if m else None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (`<meta charset>` or `http-equiv`).

    >>> meta_charset(b'<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    'windows-1252'
    """
    m = _META.search(data[:_SNIFF_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


@lru_cache(maxsize=256)
def codec_for(label: str) -> str | None:
    """Python's codec for a charset label as browsers read it, or None when unknown.

    >>> codec_for("ISO-8859-1"), codec_for("utf8"), codec_for("x-nonsense")
    ('cp1252', 'utf-8', None)
    """
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG.get(name, name)


@lru_cache(maxsize=64)
def _ascii_compatible(codec: str) -> bool:
    probe = b"<html> a-z 0-9"
    try:
        return probe.decode(codec) == probe.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def guess_charset(data: bytes) -> str | None:
    """charset-normalizer's best ASCII-compatible guess; cp1252 whenever it fits as well as the best
    (the detector cannot tell Western code pages apart on short French or German text)."""
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8 (12 ms import)

    matches = [m for m in from_bytes(data) if _ascii_compatible(m.encoding)]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    best = [m for m in matches if m.chaos == least]
    if any("cp1252" in m.could_be_from_charset for m in best):
        return "cp1252"
    return best[0].encoding


def decode(data: bytes, declared: str | None = None, markup: bool = False) -> Decoded:
    """Decode a document; raises InputRefused for empty or binary input.

    Valid UTF-8 wins over a declaration (pages often declare a legacy charset they do not use);
    `declared` is the transport's charset (HTTP header), `markup` also reads `<meta charset>`.
    """
    if not data.strip():
        raise InputRefused("dropped:empty_input", "the file is empty or only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.removesuffix("-sig"))
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputRefused("dropped:binary", "the file looks binary (NUL or control bytes), not text")
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    labels = [declared, meta_charset(data) if markup else None]
    for codec in (codec_for(label) for label in labels if label):
        if codec and codec != "utf-8" and _ascii_compatible(codec):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                continue
    guess = codec_for(guess_charset(data) or "cp1252")
    if guess is not None and guess != "cp1252":
        return Decoded(data.decode(guess, errors="replace"), guess)
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""In a Python string every surrogate is a lone one (JSON's `"\\ud800"`): no UTF-8 file or table
can hold it."""


_UTF16 = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
_SAMPLE = 1 << 16  # bytes charset-normalizer looks at (even: whole UTF-16 code units)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text that does not say so (no BOM), whose NUL bytes make it look binary; None when
    charset-normalizer does not read it as UTF-16, or it does not decode whole into text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best() if len(data) % 2 == 0 else None
    codec = _UTF16.get(best.encoding) if best is not None else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if looks_binary(text[:_HEAD].encode("utf-8")) else Decoded(text, codec)


def from_text(text: str, encoding: str) -> Decoded:
    """A document that arrives as text already (a JSON or Parquet string field); a lone surrogate
    becomes U+FFFD, as a decoder does with a byte that is not text."""
    if not text.strip():
        raise InputRefused("dropped:empty_input", "the text is empty or only whitespace")
    return Decoded(_LONE_SURROGATE.sub("\ufffd", text), encoding)
