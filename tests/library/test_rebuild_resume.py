"""A re-import after a schema change that is stopped part-way goes on at the next open.

Before, the old tables (the list of source files among them) were dropped first and the
files re-imported afterwards, so closing the app during that re-import left a library
that had forgotten the files it had not reached yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import store.library as library_module
from store.library import DB_NAME, Library, LibraryError
from store.sqlite import sqlite3
from tests.library.conftest import write_corpus


def _set_version(root: Path, version: int) -> None:
    conn = sqlite3.connect(root / DB_NAME)
    try:
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    finally:
        conn.close()


def _tables(root: Path) -> set[str]:
    conn = sqlite3.connect(root / DB_NAME)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    finally:
        conn.close()


def test_stopped_rebuild_resumes_at_next_open(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "docs")
    root = tmp_path / "lib"
    lib = Library.open(root)
    assert lib.import_paths([tmp_path / "docs"], jobs=0).meetings == 4
    files = sorted(p for p, status, _ in lib.sources() if status == "ok")
    lib.close()
    _set_version(root, 1)  # an old schema that only a re-import can bring up to date

    real_import = Library.import_paths

    def cut_short(self: Library, paths: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
        real_import(self, list(paths)[:1], **kwargs)  # one file, then the power goes
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Library, "import_paths", cut_short)
        with pytest.raises(KeyboardInterrupt):
            Library.open(root)
    assert "rebuild_pending" in _tables(root)  # the unfinished list is on disk

    lib = Library.open(root)  # goes on where it stopped
    try:
        assert sorted(p for p, status, _ in lib.sources() if status == "ok") == files
        assert lib.count() == 4
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == (
            library_module.SCHEMA_VERSION
        )
    finally:
        lib.close()
    assert "rebuild_pending" not in _tables(root)


def test_rebuild_that_fails_before_committing_changes_nothing(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drops and the pending list are one transaction: a failure inside leaves the
    old tables, and the next open tries again."""
    write_corpus(tmp_path / "docs")
    root = tmp_path / "lib"
    lib = Library.open(root)
    lib.import_paths([tmp_path / "docs"], jobs=0)
    lib.close()
    _set_version(root, 1)
    with monkeypatch.context() as patch:
        patch.setattr(library_module, "_PENDING", "not a table name")  # CREATE fails
        with pytest.raises(LibraryError):
            Library.open(root)
    conn = sqlite3.connect(root / DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 4
    finally:
        conn.close()
    lib = Library.open(root)
    try:
        assert lib.count() == 4
    finally:
        lib.close()
