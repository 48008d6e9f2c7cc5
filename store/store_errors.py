"""The annotation store's errors, apart from the store itself.

The app names ``StoreError`` in its coding actions' error handling from the start, but
needs the store (TinyDB, filelock: about 15 ms of imports) only at the first coding key;
these classes import nothing.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something went wrong with the annotation files; ``str(e)`` is one sentence."""


class StoreDamaged(StoreError):
    """A file is not valid TinyDB JSON. It is kept as it is and never written over.

    ``path`` is the damaged file, ``damaged`` every damaged file found, and ``backups``
    the usable backups of ``path``, newest first (``AnnotationStore.restore_backup``).
    """

    def __init__(
        self,
        message: str,
        path: Path,
        backups: list[Path] | None = None,
        damaged: list[Path] | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.backups = list(backups or ())
        self.damaged = list(damaged or [path])


class StoreReadOnly(StoreError):
    """The annotations folder cannot be written (permissions, read-only disk)."""


class StoreWriteFailed(StoreError):
    """A write failed (disk full, I/O error); nothing was changed, in memory or on disk."""

    def __init__(self, message: str, errno_: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno_


class WriteNotConfirmed(OSError):
    """The new file is in place but fsync of its folder failed (power-cut durability)."""


class StoreTooNew(StoreError):
    """The annotations were written by a newer Parley with a schema this one can't read."""


class StoreBusy(StoreError):
    """Another running Parley held a file's lock for longer than ``LOCK_TIMEOUT``."""
