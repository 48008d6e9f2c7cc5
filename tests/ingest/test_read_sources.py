"""sources.read_source: every way a file can fail to be read is one sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.ingest import sources
from store.ingest.document import Unreadable
from store.ingest.sources import MAX_BYTES, read_source


def _message(path: Path) -> str:
    with pytest.raises(Unreadable) as err:
        read_source(path)
    message = str(err.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a b ü.txt"
    path.write_bytes(b"hello")
    assert read_source(path) == b"hello"


def test_missing_file(tmp_path: Path) -> None:
    assert _message(tmp_path / "gone.txt").endswith(
        "gone.txt does not exist (it may have been moved or deleted)."
    )


def test_folder(tmp_path: Path) -> None:
    assert _message(tmp_path).endswith("is a folder, not a file.")


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert _message(loop).endswith("is a symbolic link that loops.")


def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opening a FIFO for reading blocks until a writer appears; give it one.
    fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        assert _message(fifo).endswith("is not a regular file (a pipe, socket or device).")
    finally:
        os.close(fd)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert _message(path) == f"{path} is 32 MB, larger than the 32 MB Parley reads."


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"x")
    if os.geteuid() == 0:  # root reads anything: simulate what a user would see
        def deny(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(sources, "open", deny, raising=False)
    else:
        path.chmod(0)
    assert _message(path).endswith("secret.txt cannot be read: permission denied.")


def test_name_with_newline_stays_on_one_line(tmp_path: Path) -> None:
    assert "\n" not in _message(tmp_path / "bad\nname.txt")


def test_nul_in_path(tmp_path: Path) -> None:
    assert _message(tmp_path / "a\x00b").endswith("is not a valid file name.")
