"""langdetect's 55 language profiles as one binary file, written at install, read at start-up.

Reading the profiles' JSON takes 0.13-0.16 s of every process that detects a language (parsing,
numbering 87,598 n-grams, building the sparse table): an eighth of a one-file run. The install's
build hook (hatch_build.py) reads them once and writes the finished table here; a process then
reads it in a few milliseconds. The file holds a digest of the profile files it was made from:
when the running langdetect's files differ (another version, an edited profile), the digest
differs and the JSON is read as before, so the answers never depend on the file.

Only the standard library here: the build hook loads this module by its path, before the
package's own dependencies (numpy) exist in its build environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

MAGIC = b"dechaff-langdetect-profiles-1\n"
FILE_NAME = "_profiles.bin"  # beside this module


@dataclass(frozen=True, slots=True)
class CachedTable:
    """The profiles' sparse table, languages in file-name order (`files`: file and language name).
    The n-grams are numbered as `grams` lists them; `indptr`, `langs` (int16) and `probs` (float64)
    are the CSR rows in native byte order, as `langdetect_fast.Profiles` keeps them."""

    files: tuple[tuple[str, str], ...]
    grams: list[str]
    indptr: bytes
    langs: bytes
    probs: bytes


def profile_files(folder: str) -> list[str]:
    """The profile files langdetect reads (dot files and folders aside), sorted by name."""
    return sorted(
        n for n in os.listdir(folder) if not n.startswith(".") and os.path.isfile(os.path.join(folder, n))
    )


def digest_of(folder: str, files: list[str]) -> str:
    """A digest of the files' names and contents: the table holds for these very profiles."""

    def read(name: str) -> bytes:
        with open(os.path.join(folder, name), "rb") as f:
            return f.read()

    return _digest(part for name in files for part in (name.encode(), read(name)))


def build(folder: str) -> bytes | None:
    """The cache file's bytes for the profiles in `folder`, computed as `Profiles` computes them
    from the JSON (probabilities `float(freq) / float(n_words[len(gram) - 1])` for 1-3-grams;
    every n-gram numbered, the longer ones with no entry); None when no table can be made (two
    profiles of one language, an n-gram with a line break), where the JSON path decides."""
    files = profile_files(folder)
    index: dict[str, int] = {}
    rows: list[list[tuple[int, float]]] = []
    named: list[tuple[str, str]] = []
    for lang, file in enumerate(files):
        with open(os.path.join(folder, file), "rb") as f:
            profile = json.loads(f.read())
        name, freq, n_words = profile["name"], profile["freq"], profile["n_words"]
        if name in (known for _, known in named):
            return None
        named.append((file, name))
        for gram, count in freq.items():
            at = index.setdefault(gram, len(index))
            if at == len(rows):
                rows.append([])
            if 1 <= len(gram) <= 3:
                rows[at].append((lang, float(count) / float(n_words[len(gram) - 1])))
    if not index or any("\n" in gram for gram in index):
        return None
    indptr, langs, probs = array("q", [0]), array("h"), array("d")
    for row in rows:
        for lang, prob in row:
            langs.append(lang)
            probs.append(prob)
        indptr.append(len(langs))
    body = ["\n".join(index).encode(), indptr.tobytes(), langs.tobytes(), probs.tobytes()]
    header = {"digest": digest_of(folder, files), "body": _digest(body), "files": named}
    parts = [json.dumps({**header, "byteorder": sys.byteorder}).encode(), *body]
    return MAGIC + b"".join(struct.pack("<Q", len(part)) + part for part in parts)


def _digest(parts: Iterable[bytes]) -> str:
    """A digest of `parts`, each with its length: of the profiles, so the table holds for these
    very ones; of the table itself, so a file damaged after it was written is not read."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(b"%d:" % len(part))
        h.update(part)
    return h.hexdigest()


def write(folder: str, target: str) -> bool:
    """Write the cache for `folder`'s profiles to `target`; False when there is none to write."""
    data = build(folder)
    if data is None:
        return False
    partial = f"{target}.partial"  # the whole file or none: a build cut short leaves no table
    try:
        with open(partial, "wb") as f:
            f.write(data)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return True


def read(folder: str, path: str) -> CachedTable | None:
    """The table in `path` if it was made from the profiles now in `folder`, else None (no file,
    another langdetect's profiles, a damaged or foreign file)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    parts: list[bytes] = []
    at = len(MAGIC)
    for _ in range(5):
        if at + 8 > len(data):
            return None
        (size,) = struct.unpack_from("<Q", data, at)
        parts.append(data[at + 8 : at + 8 + size])
        at += 8 + size
    header_bytes, grams, indptr, langs, probs = parts
    try:
        header = json.loads(header_bytes)
        files = tuple((str(file), str(name)) for file, name in header["files"])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    if header.get("body") != _digest([grams, indptr, langs, probs]):
        return None
    names = [file for file, _ in files]
    if at != len(data) or header.get("byteorder") != sys.byteorder or names != profile_files(folder):
        return None
    try:
        words = grams.decode().split("\n")
    except UnicodeDecodeError:
        return None
    entries = len(langs) // 2
    if len(indptr) != 8 * (len(words) + 1) or len(langs) % 2 or len(probs) != 8 * entries:
        return None
    if header.get("digest") != digest_of(folder, names):
        return None
    return CachedTable(files, words, indptr, langs, probs)
