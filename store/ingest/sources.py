"""Reading a source file from disk, with every failure turned into one sentence.

Kept apart from ``read`` (which only sees bytes) so that ingest stays pure: this is the
only ingest module that touches the file system.

Size cap: files over :data:`MAX_BYTES` (32 MB) are refused at once, before a byte is
read. Real meeting records are far smaller (a four-hour press conference is about
0.3 MB of text, its web page about 1 MB; a page saved with its images inlined can reach
tens of MB, nearly all of it markup). Reading itself is linear and would cope with
more, but a 50 MB dump is better refused in one sentence than read for minutes. The
text a file yields is capped separately (``read.MAX_TEXT_CHARS``), because the later
stages cost seconds per megabyte of text.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from store.ingest.document import Unreadable
from store.ingest.read import display_name

MAX_BYTES = 32 * 1024 * 1024
_MB = 1024 * 1024


def read_source(path: Path) -> bytes:
    """The file's bytes, or :class:`Unreadable` saying in one sentence what is wrong.

    Only regular files are read (a named pipe or a device would block or never end),
    and never more than :data:`MAX_BYTES`, even if the file grows while it is read.
    """
    name = display_name(str(path))
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise Unreadable(f"{name} is a folder, not a file.")
            if not stat.S_ISREG(info.st_mode):
                raise Unreadable(f"{name} is not a regular file (a pipe, socket or device).")
            if info.st_size > MAX_BYTES:
                raise Unreadable(too_large(name, info.st_size))
            data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise Unreadable(too_large(name, MAX_BYTES + 1))
            return data
    except Unreadable:
        raise
    except IsADirectoryError as exc:
        raise Unreadable(f"{name} is a folder, not a file.") from exc
    except FileNotFoundError as exc:
        raise Unreadable(f"{name} does not exist (it may have been moved or deleted).") from exc
    except PermissionError as exc:
        raise Unreadable(f"{name} cannot be read: permission denied.") from exc
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise Unreadable(f"{name} is not a valid file name.") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable(f"{name} is a symbolic link that loops.") from exc
        reason = (exc.strerror or "unknown error").rstrip(".")
        raise Unreadable(f"{name} cannot be read: {reason}.") from exc


def too_large(name: str, size: int) -> str:
    """The sentence that refuses a file over the size cap."""
    shown = f"{size / _MB:.0f} MB" if size >= _MB else f"{size} bytes"
    return f"{name} is {shown}, larger than the {MAX_BYTES // _MB} MB Parley reads."
