"""The parallel importer: real parsing in worker processes, time bound, crash recovery."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from store import importer
from store.importer import FileResult, Task, discover, process_file, run_files
from store.library import Library
from tests.conftest import CORPUS_DEV
from tests.library import fake_ingest


def copy_docs(dest: Path, n: int) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted((CORPUS_DEV / "docs").iterdir())[:n]:
        target = dest / src.name
        target.write_bytes(src.read_bytes())
        out.append(target)
    return out


def test_import_in_worker_processes_uses_the_real_pipeline(tmp_path: Path) -> None:
    files = copy_docs(tmp_path / "docs", 6)
    lib = Library.open(tmp_path / "lib")
    seen: list[tuple[int, int, str]] = []
    summary = lib.import_paths([tmp_path / "docs"], jobs=2, progress=lambda *a: seen.append(a))
    assert sorted(summary.imported) == sorted(str(f) for f in files)
    assert not summary.failed and lib.count() == 6
    assert seen[0] == (0, 6, "") and seen[-1][:2] == (6, 6)
    assert [d for d, _t, _p in seen] == list(range(7))
    again = lib.import_paths([tmp_path / "docs"], jobs=2)
    assert len(again.unchanged) == 6 and not again.imported
    lib.close()


def test_a_file_in_an_endless_loop_is_stopped_by_the_alarm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.ingest

    def endless(data: bytes, source: str):  # a parser bug: never returns
        while True:
            pass

    monkeypatch.setattr(store.ingest, "extract", endless)
    path = tmp_path / "slow.txt"
    path.write_text("text")
    started = time.monotonic()
    result = process_file(Task(str(path)), timeout=0.5)
    assert time.monotonic() - started < 5
    assert result.status == "failed"
    assert result.error == f"{path} took longer than 0.5 seconds to read and was skipped."


@pytest.mark.slow
def test_a_worker_stuck_out_of_reach_is_killed_and_the_pool_recovers(tmp_path: Path) -> None:
    tasks = [Task(str(tmp_path / n)) for n in ("a.txt", "hang.txt", "b.txt", "c.txt")]
    results: list[FileResult] = []
    started = time.monotonic()
    run_files(tasks, results.append, jobs=2, timeout=0.5, worker=fake_ingest.hang_worker)
    assert time.monotonic() - started < 30
    by_path = {Path(r.path).name: r.error for r in results}
    assert sorted(by_path) == ["a.txt", "b.txt", "c.txt", "hang.txt"]
    assert "took longer than 0.5 seconds" in by_path["hang.txt"]
    assert all(by_path[n].endswith("was seen.") for n in ("a.txt", "b.txt", "c.txt"))


def test_a_crashing_worker_fails_only_its_file(tmp_path: Path) -> None:
    tasks = [Task(str(tmp_path / n)) for n in ("a.txt", "b.txt", "crash.txt", "c.txt", "d.txt")]
    results: list[FileResult] = []
    run_files(tasks, results.append, jobs=2, worker=fake_ingest.crash_worker)
    by_path = {Path(r.path).name: r.error for r in results}
    assert len(results) == 5, by_path
    crashed = tmp_path / "crash.txt"
    assert by_path["crash.txt"] == f"{crashed} made Parley's reader crash and was skipped."
    others = ("a.txt", "b.txt", "c.txt", "d.txt")
    assert all(by_path[n].endswith("was seen.") for n in others), by_path


def test_discover_reports_missing_paths_and_dedups(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("x")
    files, missing = discover([f, tmp_path, tmp_path / "nope"])
    assert files == [str(f)]
    assert missing == [(str(tmp_path / "nope"), f"{tmp_path / 'nope'} does not exist.")]


def test_passages_cover_remarks_then_uncovered_paragraphs() -> None:
    text = "Intro line.\n\nA: one two.\n\nMiddle para.\n\n  \n\nB: three."
    from store.models import Meeting, Remark

    remarks = (Remark("A", "statement", "one two.", 16, 24),
               Remark("B", "statement", "three.", 47, 53))
    assert text[16:24] == "one two." and text[47:53] == "three."
    m = Meeting("id", "t", None, False, None, None, "transcript", (), remarks, text, "s")
    got = importer.passages(m)
    assert got[:2] == [("one two.", 16, 24, "A", "statement"), ("three.", 47, 53, "B", "statement")]
    rest = [(p[0], text[p[1]:p[2]]) for p in got[2:]]
    assert [a for a, _ in rest] == ["Intro line.", "A:", "Middle para.", "B:"]
    assert all(a == b for a, b in rest)


def test_folder_import_says_which_files_it_skipped(tmp_path: Path) -> None:
    """Files in a folder that are not named as documents are left, and the summary says so."""
    from store.library import Library

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Sergey Lavrov: We met today.\n", encoding="utf-8")
    (docs / "scan.pdf").write_bytes(b"%PDF-1.4 not text")
    (docs / ".hidden.txt").write_text("hidden", encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        summary = lib.import_paths([docs], jobs=0)
    assert summary.skipped == [str(docs / "scan.pdf")]
    assert len(summary.imported) == 1
