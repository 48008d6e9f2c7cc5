"""``parley doctor``: each check on a real library, broken one way at a time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from store.doctor import (
    SOURCES_LISTED,
    Finding,
    age_in_words,
    body_query,
    check_annotation,
    check_sources,
    run_checks,
)
from store.library import DB_NAME
from store.models import Anchor, Annotation
from tests.robustness.conftest import SmallLibrary, cli


def _problems(root: Path) -> list[Finding]:
    return run_checks(root).problems


def _assert_sentences(findings: list[Finding]) -> None:
    for f in findings:
        assert "\n" not in f.message and f.message.endswith("."), f.message
        assert "Traceback" not in f.message


def test_healthy_library_exits_zero(small_library: SmallLibrary) -> None:
    code, out, err = cli("doctor", "--library", str(small_library.root))
    assert code == 0, out + err
    assert "sqlite's integrity check" in out and "FTS5's integrity check" in out
    assert "The 2 source files" not in out and "All 2 source files are present" in out
    assert "3 annotations anchored" not in out  # three actions, two passages
    assert "2 annotations anchored to their meetings." in out
    assert "The newest annotations backup is" in out
    assert f"The library at {small_library.root} is healthy." in out
    report = run_checks(small_library.root)
    _assert_sentences(report.findings)


def test_top_level_library_option_works_too(small_library: SmallLibrary) -> None:
    code, out, _ = cli("--library", str(small_library.root), "doctor")
    assert code == 0 and "is healthy" in out


def test_json_output(small_library: SmallLibrary) -> None:
    code, out, _ = cli("doctor", "--library", str(small_library.root), "--json")
    data = json.loads(out)
    assert code == 0 and data["healthy"] is True and data["problems"] == 0
    assert {f["severity"] for f in data["findings"]} <= {"ok", "note"}


def test_no_library(tmp_path: Path) -> None:
    code, out, _ = cli("doctor", "--library", str(tmp_path / "nowhere"))
    assert code == 1
    assert f"There is no library at {tmp_path / 'nowhere'}; run parley import FOLDER" in out


def test_changed_and_missing_sources(small_library: SmallLibrary) -> None:
    changed, missing = small_library.sources
    changed.write_text(changed.read_text() + "\nOne more line.\n", encoding="utf-8")
    missing.unlink()
    code, out, _ = cli("doctor", "--library", str(small_library.root))
    assert code == 1
    assert (f"The source file {changed} has changed since import; run parley import again"
            in out)
    assert f"The source file {missing} is missing" in out
    assert "2 problems found" in out


def test_touched_but_identical_source_is_fine(small_library: SmallLibrary) -> None:
    import os

    src = small_library.sources[0]
    os.utime(src, (1, 1))  # a new mtime, same bytes: the hash decides
    assert _problems(small_library.root) == []


def test_missing_search_rows_and_unreadable_body(small_library: SmallLibrary) -> None:
    first, second = small_library.meeting_ids
    with sqlite3.connect(small_library.root / DB_NAME) as conn:
        rowid = conn.execute("SELECT rowid FROM meetings WHERE id = ?", (first,)).fetchone()[0]
        conn.execute("DELETE FROM passages WHERE meeting = ? AND rowid = "
                     "(SELECT min(rowid) FROM passages WHERE meeting = ?)", (rowid, rowid))
        body = body_query(conn)  # the body's column depends on the schema version
        if body == "m.body":
            conn.execute("UPDATE meetings SET body = ? WHERE id = ?", (b"not zlib", second))
        else:
            conn.execute("UPDATE bodies SET body = ? WHERE meeting = "
                         "(SELECT rowid FROM meetings WHERE id = ?)", (b"not zlib", second))
    messages = [f.message for f in _problems(small_library.root)]
    assert any(m.startswith(f"Meeting {first} should have") and "rows in the search index"
               in m for m in messages), messages
    assert any(m.startswith(f"The stored text of meeting {second} cannot be read back")
               for m in messages), messages
    code, _, _ = cli("doctor", "--library", str(small_library.root))
    assert code == 1


def test_meeting_without_stored_text(small_library: SmallLibrary) -> None:
    first = small_library.meeting_ids[0]
    with sqlite3.connect(small_library.root / DB_NAME) as conn:
        if body_query(conn) == "m.body":
            pytest.skip("this schema keeps the body in the meeting row; it cannot be missing")
        conn.execute("DELETE FROM bodies WHERE meeting = "
                     "(SELECT rowid FROM meetings WHERE id = ?)", (first,))
    messages = [f.message for f in _problems(small_library.root)]
    assert f"Meeting {first} has no stored text; run parley import again on its source file." \
        in messages


def test_rows_pointing_at_no_meeting(small_library: SmallLibrary) -> None:
    with sqlite3.connect(small_library.root / DB_NAME) as conn:
        conn.execute("INSERT INTO remarks(meeting, idx, speaker, kind, start, \"end\") "
                     "VALUES (9999, 0, NULL, 'statement', 0, 1)")
    messages = [f.message for f in _problems(small_library.root)]
    assert "1 remark rows belong to no meeting; run parley import again on your documents to "\
           "rebuild them." in messages


def test_damaged_sqlite_file(small_library: SmallLibrary) -> None:
    db = small_library.root / DB_NAME
    data = bytearray(db.read_bytes())
    data[100:4096 * 3] = bytes(len(data[100:4096 * 3]))  # zero the header's tail and pages
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (small_library.root / (DB_NAME + suffix)).unlink(missing_ok=True)
    code, out, err = cli("doctor", "--library", str(small_library.root))
    assert code == 1
    assert "Traceback" not in out + err
    assert "move library.sqlite3 aside and run parley import again" in out
    assert out.count("✗") == 1  # one sentence for the damage, not one per check


def test_annotation_on_unknown_meeting_is_reported(small_library: SmallLibrary) -> None:
    from store.annotations import AnnotationStore

    with AnnotationStore.open(small_library.root) as store:
        store.add("gone-meeting", 0, 5, "Hello world", note="kept")
    problems = _problems(small_library.root)
    assert [f.check for f in problems] == ["annotations"]
    assert "belongs to meeting gone-meeting, which is not in the library; it is kept" in (
        problems[0].message)
    assert "“Hello”" in problems[0].message


def _annotation(exact: str, start: int, *, orphaned: bool = False) -> Annotation:
    return Annotation("a1", "m1", Anchor(start, start + len(exact), exact), ("t",),
                      orphaned=orphaned)


def test_check_annotation_is_pure() -> None:
    text = "The minister said hello to the press."
    assert check_annotation(_annotation("hello", 18), text) == []
    moved = check_annotation(_annotation("hello", 5), text)
    assert moved[0].severity == "problem" and "no longer matches the text at 5–10" in (
        moved[0].message)
    flagged = check_annotation(_annotation("gone words", 5, orphaned=True), text)
    assert flagged[0].severity == "note" and "is orphaned" in flagged[0].message
    assert check_annotation(_annotation("hello", 18), None)[0].severity == "problem"


def test_check_sources_is_pure() -> None:
    rows = [("/a.txt", "aa", "ok", None), ("/b.txt", "bb", "ok", None),
            ("/c.txt", None, "failed", "c.txt is empty.")]
    found = check_sources(rows, exists=lambda p: p != "/b.txt", digest=lambda p: "xx")
    messages = [f.message for f in found]
    assert messages[0].startswith("The source file /b.txt is missing")
    assert messages[1].startswith("The source file /a.txt has changed since import")
    assert messages[2] == "1 file could not be imported; parley import lists the reason for each."
    ok = check_sources(rows[:1], digest=lambda p: "aa", exists=lambda p: True)
    assert ok == [Finding("sources", "ok", "The one source file is present and unchanged "
                          "since import.")]


def test_many_missing_sources_are_counted_not_listed() -> None:
    rows = [(f"/gone/{i}.txt", "aa", "ok", None) for i in range(25)]
    found = check_sources(rows, exists=lambda p: False)
    assert len(found) == SOURCES_LISTED + 1
    assert found[-1].message == f"{25 - SOURCES_LISTED} more source files are missing."
    only = check_sources(rows[:2], exists=lambda p: True, digest=None)
    assert only == [Finding("sources", "ok", "All 2 source files are present.")]


def test_age_in_words() -> None:
    assert age_in_words(5) == "less than a minute"
    assert age_in_words(60) == "1 minute"
    assert age_in_words(3 * 3600 + 100) == "3 hours"
    assert age_in_words(86400 * 2) == "2 days"
