"""Schema 2 to 3: the search index gains prefix indexes in place, without a re-import.

The schema-2 library here is written by this code with schema 2's definitions (the
same tables, the FTS table without ``prefix``), and the source files are deleted before
it is reopened: a migration that fell back to re-importing would lose every meeting.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import store.library as library_module
from store.library import DB_NAME, Library
from store.sqlite import sqlite3
from tests.library.conftest import write_corpus

QUERIES = ("bomb", "dirty bomb", '"dirty bomb"', "nego*", "negoti*", "terr*", "syria OR eels")
V2_SCHEMA = library_module._SCHEMA.replace(", prefix = '3 4 5'", "")


def _hits(lib: Library) -> dict[str, list[tuple[str, int, int, str, float]]]:
    return {
        q: [(h.meeting_id, h.start, h.end, h.snippet, round(h.score, 9)) for h in lib.search(q)]
        for q in QUERIES
    }


def _fts_sql(root: Path) -> str:
    conn = sqlite3.connect(root / DB_NAME)
    try:
        return conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'passages'").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def v2(tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict]:
    """A schema-2 library of the test corpus, its source files gone, and its search hits."""
    assert V2_SCHEMA != library_module._SCHEMA
    write_corpus(tmp_path / "docs")
    with monkeypatch.context() as patch:
        patch.setattr(library_module, "_SCHEMA", V2_SCHEMA)
        patch.setattr(library_module, "SCHEMA_VERSION", 2)
        lib = Library.open(tmp_path / "lib")
        assert lib.import_paths([tmp_path / "docs"], jobs=0).meetings == 4
        hits = _hits(lib)
        lib.close()
    shutil.rmtree(tmp_path / "docs")
    assert "prefix" not in _fts_sql(tmp_path / "lib")
    return tmp_path / "lib", hits


def test_schema_2_gains_prefix_indexes_and_keeps_every_row(v2: tuple[Path, dict]) -> None:
    root, before = v2
    lib = Library.open(root)
    conn = lib._conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == library_module.SCHEMA_VERSION
    assert (root / f"{DB_NAME}-wal").stat().st_size == 0  # the rebuild's WAL is given back
    assert "prefix = '3 4 5'" in _fts_sql(root)
    assert lib.count() == 4
    assert _hits(lib) == before
    # Every meeting's passages are still at the rowids it records.
    for first, last, rowid in conn.execute("SELECT fts_first, fts_last, rowid FROM meetings"):
        rows = conn.execute(
            "SELECT DISTINCT meeting FROM passages WHERE rowid BETWEEN ? AND ?", (first, last)
        ).fetchall()
        assert rows == [(rowid,)]
    conn.execute("INSERT INTO passages(passages, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    lib.close()


class _FailsToRebuild(sqlite3.Connection):
    """A connection on which FTS5's 'rebuild' fails, as a crash after the schema edit."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if "'rebuild'" in sql:
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


def test_a_failed_migration_changes_nothing(v2: tuple[Path, dict]) -> None:
    root, before = v2
    conn = sqlite3.connect(root / DB_NAME, isolation_level=None, factory=_FailsToRebuild)
    lib = Library(root, conn)
    assert not lib._reindex()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "prefix" not in _fts_sql(root)
    lib.close()
    lib = Library.open(root)  # and the next open migrates it
    assert "prefix = '3 4 5'" in _fts_sql(root) and _hits(lib) == before
    lib.close()


def test_a_search_table_not_of_schema_2_is_rebuilt_from_the_sources(
    tmp_path: Path, fake: None
) -> None:
    write_corpus(tmp_path / "docs")
    lib = Library.open(tmp_path / "lib")
    lib.import_paths([tmp_path / "docs"], jobs=0)
    lib.close()
    conn = sqlite3.connect(tmp_path / "lib" / DB_NAME)
    conn.executescript(
        "DROP TABLE passages; CREATE VIRTUAL TABLE passages USING fts5(body); "
        "PRAGMA user_version = 2;"
    )
    conn.close()
    lib = Library.open(tmp_path / "lib")  # re-imports in worker processes (real ingest)
    assert lib.count() == 4 and lib.search("dirty bomb")
    assert "prefix = '3 4 5'" in _fts_sql(tmp_path / "lib")
    lib.close()
