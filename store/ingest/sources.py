"""Reading a source file from disk, with every failure turned into one sentence.

Kept apart from ``read`` (which only sees bytes) so that ingest stays pure: this is the
only ingest module that touches the file system.
"""

from __future__ import annotations

import errno
from pathlib import Path

from store.ingest.document import Unreadable

MAX_BYTES = 64 * 1024 * 1024


def read_source(path: Path) -> bytes:
    """The file's bytes, or :class:`Unreadable` saying in one sentence what is wrong."""
    try:
        if path.is_dir():
            raise Unreadable(f"{path} is a folder, not a file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable(
                f"{path} is {size // (1024 * 1024)} MB, larger than the "
                f"{MAX_BYTES // (1024 * 1024)} MB Parley reads."
            )
        return path.read_bytes()
    except Unreadable:
        raise
    except FileNotFoundError as exc:
        raise Unreadable(f"{path} does not exist (it may have been moved or deleted).") from exc
    except PermissionError as exc:
        raise Unreadable(f"{path} cannot be read: permission denied.") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable(f"{path} is a symbolic link that loops.") from exc
        raise Unreadable(f"{path} cannot be read: {exc.strerror or exc}.") from exc
