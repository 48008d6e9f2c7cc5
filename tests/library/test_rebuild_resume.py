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


def test_an_upgrade_stopped_by_another_program_is_not_called_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holding the library (an import in a second Parley) stops the
    upgrade's transaction; the sentence says so, and the library stays as it was."""
    root = tmp_path / "lib"
    Library.open(root).close()
    _set_version(root, 1)
    connect = library_module.sqlite3.connect

    def impatient(*args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs["timeout"] = 0.1  # fail at once rather than after the open's 30 s wait
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    holder = sqlite3.connect(root / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with monkeypatch.context() as patch, pytest.raises(LibraryError) as info:
            patch.setattr(library_module.sqlite3, "connect", impatient)
            Library.open(root)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = str(info.value)
    assert "busy" in message and "damaged" not in message
    Library.open(root).close()  # and once the other program is done, it opens


@pytest.mark.parametrize(
    ("error", "said"),
    [
        ("database or disk is full", "is full"),
        ("database is locked", "busy"),
        ("file is not a database", "damaged"),
    ],
)
def test_open_failures_are_named_by_their_cause(tmp_path: Path, error: str, said: str) -> None:
    sentence = library_module._open_failure(tmp_path, sqlite3.OperationalError(error))
    assert said in sentence and sentence.count(". ") == 0
