"""Every file the tool writes under a folder it owns goes through here: a temp file, then a rename.

A killed run never leaves half a file under its final name, and nothing planted in the folder can
redirect a write: the folders between the root (the user's `--out`, followed as given) and the
file are opened one by one without following links, the temp file is created beside its target
with an unpredictable name and `O_CREAT | O_EXCL | O_NOFOLLOW` (it is new, and ours), and the rename
happens inside that opened folder. A link in the way is an error naming the file, never followed.

Durable files (table shards, `run.json`: the commit marks of `--resume`) are fsynced with their
folder before the rename counts as done; one text file per document is not, so a power cut may
cost the documents of the last shard, which `--resume` redoes.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def is_temp(name: str) -> bool:
    """A temp file this module makes (left behind only by a killed run).

    >>> is_temp(".part-00001.parquet.0f3a9c1d2b4e5f60.tmp"), is_temp("part-00001.parquet")
    (True, False)
    """
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def named(exc: OSError, path: Path) -> OSError:
    """The same error (same errno, same subclass) naming the file the user knows, not a temp name."""
    return OSError(exc.errno, exc.strerror, str(path))


def open_folder(root: Path, path: Path, create: bool = True) -> int:
    """A descriptor of the folder `path` (inside `root`), each folder below `root` opened without
    following a link, made when missing if `create`."""
    parts = path.relative_to(root).parts
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts:
            try:
                inner = os.open(part, _FOLDER, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with suppress(FileExistsError):  # made meanwhile by another worker
                    os.mkdir(part, dir_fd=fd)
                inner = os.open(part, _FOLDER, dir_fd=fd)
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


class AtomicFile:
    """`path` being written: `file` is a new temp file beside it, `commit` renames it into place,
    `discard` removes it. The folders from `root` down are made as needed, never through a link."""

    def __init__(self, root: Path, path: Path, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
        self._temp = f".{path.name}.{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            folder = open_folder(root, path.parent)
            try:
                fd = os.open(self._temp, _CREATE, 0o666, dir_fd=folder)
            except BaseException:
                os.close(folder)
                raise
        except OSError as exc:
            raise named(exc, path) from None
        self._folder: int | None = folder
        self.file: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Flush (and fsync if durable), then rename over `path`: readers see the old file or the new."""
        try:
            self.file.flush()
            if self.durable:
                os.fsync(self.file.fileno())
            self.file.close()
            folder = self._folder
            os.replace(self._temp, self.path.name, src_dir_fd=folder, dst_dir_fd=folder)
            if self.durable:
                os.fsync(folder)
        except OSError as exc:
            self.discard()
            raise named(exc, self.path) from None
        self._close_folder()

    def discard(self) -> None:
        """Remove the temp file (an error, an interrupt, a full disk): nothing of it is left behind.
        Once committed or discarded, nothing more to do."""
        if self._folder is None:
            return
        with suppress(OSError):  # its last bytes may not fit on a full disk: they are thrown away
            self.file.close()
        with suppress(FileNotFoundError):
            os.unlink(self._temp, dir_fd=self._folder)
        self._close_folder()

    def _close_folder(self) -> None:
        assert self._folder is not None
        os.close(self._folder)
        self._folder = None


@contextmanager
def atomic_file(root: Path, path: Path, durable: bool = True) -> Iterator[BinaryIO]:
    """Write `path` (inside `root`) through the `with` block; renamed into place only if it ends well."""
    target = AtomicFile(root, path, durable)
    try:
        yield target.file
    except BaseException:
        target.discard()
        raise
    target.commit()


def write_atomic(root: Path, path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` as `path` (inside `root`), atomically and through no link."""
    with atomic_file(root, path, durable) as file:
        file.write(data)


def remove_file(root: Path, path: Path) -> None:
    """Remove `path` (inside `root`) if it is there, through no link: a folder below `root` that is
    a link is an error naming the file, and nothing is removed."""
    try:
        folder = open_folder(root, path.parent, create=False)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise named(exc, path) from None
    try:
        os.unlink(path.name, dir_fd=folder)
    except FileNotFoundError:
        pass
    finally:
        os.close(folder)
