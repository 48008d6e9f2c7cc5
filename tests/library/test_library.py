"""The library: import, re-import, listing, paging, filters, lazy meetings, speakers."""

from __future__ import annotations

import os
import sqlite3
import sys
import types
from pathlib import Path

import pytest

from store.library import DB_NAME, Filters, Library
from tests.conftest import CORPUS_DEV
from tests.library import fake_ingest
from tests.library.conftest import write_corpus


def titles(rows) -> list[str]:
    return [r.title for r in rows]


def test_import_then_import_again_changes_nothing(tmp_path: Path, fake: None, corpus) -> None:
    lib = Library.open(tmp_path / "lib")
    first = lib.import_paths([tmp_path / "docs"], jobs=0)
    assert sorted(first.imported) == sorted(str(p) for p in corpus.values())
    assert first.meetings == 4 and not first.failed and not first.replaced
    ids = {r.id for r in lib.rows()}

    second = lib.import_paths([tmp_path / "docs"], jobs=0)
    assert second.imported == [] and second.replaced == [] and second.meetings == 0
    assert sorted(second.unchanged) == sorted(str(p) for p in corpus.values())
    assert {r.id for r in lib.rows()} == ids and lib.count() == 4


def test_touched_but_identical_file_is_unchanged(lib: Library, corpus) -> None:
    os.utime(corpus["oic"], ns=(1, 1))
    summary = lib.import_paths([corpus["oic"]], jobs=0)
    assert summary.unchanged == [str(corpus["oic"])] and summary.imported == []


def test_meeting_ids_are_stable_across_libraries(lib: Library, tmp_path: Path) -> None:
    other = Library.open(tmp_path / "other")
    other.import_paths([tmp_path / "docs"], jobs=0)
    assert {r.id for r in other.rows()} == {r.id for r in lib.rows()}


def test_changed_file_replaces_its_meeting(lib: Library, corpus) -> None:
    old = next(r for r in lib.rows() if r.title.startswith("Talks"))
    fake_ingest.write_meeting(
        corpus["oic"],
        title="Talks with the OIC Secretary General",
        date="2015-06-11",
        outlet="MFA Russia",
        turns=[
            ("Sergey Lavrov", "statement", "We discussed Yemen as well as Syria."),
            ("Iyad Madani", "answer", "A hovercraft full of eels."),
        ],
    )
    summary = lib.import_paths([corpus["oic"]], jobs=0)
    assert summary.imported == [str(corpus["oic"])]
    assert len(summary.replaced) == 1
    old_id, new_id = summary.replaced[0]
    assert old_id == old.id and new_id != old.id
    assert lib.count() == 4
    with pytest.raises(KeyError):
        lib.meeting(old_id)
    assert lib.row(new_id).n_remarks == 2
    assert [h.meeting_id for h in lib.search("hovercraft")] == [new_id]
    assert lib.search("dirty bomb") == []  # the old text left the index


def test_replaced_meetings_are_reanchored_when_annotations_exist(
    lib: Library, corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str, str]] = []

    class FakeStore:
        @classmethod
        def open(cls, library_dir: Path) -> FakeStore:
            assert Path(library_dir) == lib.path
            return cls()

        def reanchor(self, old: str, new: str, text: str) -> tuple[int, int]:
            calls.append((old, new, text))
            return (1, 0)

        def close(self) -> None:
            pass

    module = types.ModuleType("store.annotations")
    module.AnnotationStore = FakeStore  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "store.annotations", module)
    fake_ingest.write_meeting(
        corpus["july"], title="Consultations in July", date="2015-07-01",
        turns=[("Maria Zakharova", "statement", "The consultations were very useful.")],
    )
    summary = lib.import_paths([corpus["july"]], jobs=0)
    (old, new), = summary.replaced
    assert calls == [(old, new, lib.meeting(new).text)]
    assert summary.reanchored == {old: (1, 0)}


def test_failures_are_reported_and_the_rest_goes_on(lib: Library, tmp_path: Path) -> None:
    bad = tmp_path / "more" / "bad.txt"
    bad.parent.mkdir()
    bad.write_text("just some text, not a test meeting")
    good = fake_ingest.write_meeting(
        tmp_path / "more" / "good.txt", title="Good one",
        turns=[("Someone", "statement", "Fine words.")],
    )
    missing = tmp_path / "nowhere.txt"
    summary = lib.import_paths([missing, tmp_path / "more"], jobs=0)
    assert summary.imported == [str(good)]
    failed = dict(summary.failed)
    assert set(failed) == {str(missing), str(bad)}
    assert failed[str(missing)] == f"{missing} does not exist."
    assert failed[str(bad)] == f"{bad} is not a test meeting."
    assert all(reason.count(".") >= 1 and "\n" not in reason for reason in failed.values())
    assert lib.count() == 5
    assert ("failed" in {s for _p, s, _e in lib.sources()})


def test_folders_are_walked_recursively_skipping_hidden_and_loops(
    tmp_path: Path, fake: None
) -> None:
    root = tmp_path / "tree"
    fake_ingest.write_meeting(root / "a" / "b" / "c" / "deep.txt", title="Deep",
                              turns=[("X", "statement", "Deep words.")])
    fake_ingest.write_meeting(root / ".hidden" / "secret.txt", title="Hidden",
                              turns=[("X", "statement", "Hidden words.")])
    fake_ingest.write_meeting(root / "a" / ".dotfile.txt", title="Dotfile",
                              turns=[("X", "statement", "Dot words.")])
    (root / "a" / "picture.png").write_bytes(b"\x89PNG")
    os.symlink(root, root / "a" / "b" / "loop")
    lib = Library.open(tmp_path / "lib")
    summary = lib.import_paths([root], jobs=0)
    assert [Path(p).name for p in summary.imported] == ["deep.txt"]
    assert not summary.failed
    assert titles(lib.rows()) == ["Deep"]


def test_sorting_and_paging(lib: Library) -> None:
    assert titles(lib.rows()) == [
        "Consultations in July",
        "Talks with the OIC Secretary General",
        "Ivanov meets OIC delegation",
        "Press conference [bold]not bold[/] in Geneva",  # undated last
    ]
    assert titles(lib.rows(sort="date_asc"))[1:] == [
        "Ivanov meets OIC delegation",
        "Talks with the OIC Secretary General",
        "Consultations in July",
    ]
    assert titles(lib.rows(sort="title")) == sorted(titles(lib.rows()), key=str.casefold)
    assert [r.n_remarks for r in lib.rows(sort="remarks_desc")] == [4, 2, 1, 1]
    everything = lib.rows(sort="title")
    assert lib.rows(1, 2, sort="title") == everything[1:3]
    assert lib.rows(3, 10, sort="title") == everything[3:]
    assert lib.rows(10, 10) == []
    with pytest.raises(ValueError):
        lib.rows(sort="nonsense")


def test_rows_carry_list_data_without_text(lib: Library, corpus) -> None:
    row = next(r for r in lib.rows() if r.title.startswith("Talks"))
    assert row.date == "2015-06-11" and row.outlet == "MFA Russia" and row.place == "Moscow"
    assert row.participants == ("Sergey Lavrov", "Iyad Madani")
    assert row.n_remarks == 4 and row.kind == "transcript"
    assert row.source == str(corpus["oic"])
    assert lib.row(row.id) == row
    with pytest.raises(KeyError):
        lib.row("0" * 16)


def test_filters(lib: Library) -> None:
    def only(**kw) -> list[str]:
        f = Filters(**kw)
        rows = lib.rows(sort="title", filters=f)
        assert lib.count(f) == len(rows)
        return titles(rows)

    assert only(speaker="Lavrov") == [
        "Press conference [bold]not bold[/] in Geneva", "Talks with the OIC Secretary General"
    ]
    assert only(speaker="sergey lavrov") == only(speaker="Lavrov")
    assert only(speaker="Nobody At All") == []
    assert only(participant="Madani") == ["Talks with the OIC Secretary General"]
    assert only(outlet="ria novosti") == ["Ivanov meets OIC delegation"]
    assert only(date_from="2015-01-01") == [
        "Consultations in July", "Talks with the OIC Secretary General"
    ]
    assert only(date_to="2015-06") == [
        "Ivanov meets OIC delegation", "Talks with the OIC Secretary General"
    ]
    assert only(date_from="2015-06-11", date_to="2015-06-11") == [
        "Talks with the OIC Secretary General"
    ]
    assert only(kinds=("question",)) == ["Talks with the OIC Secretary General"]
    assert only(kinds=("quote", "question")) == [
        "Ivanov meets OIC delegation", "Talks with the OIC Secretary General"
    ]
    july = next(r.id for r in lib.rows() if "July" in r.title)
    assert only(meeting_ids=frozenset({july})) == ["Consultations in July"]
    assert only(meeting_ids=frozenset()) == []
    assert only(speaker="Lavrov", date_from="2015-01-01") == [
        "Talks with the OIC Secretary General"
    ]


def test_meeting_is_loaded_in_full_and_keeps_the_span_invariant(lib: Library, corpus) -> None:
    row = next(r for r in lib.rows() if r.title.startswith("Talks"))
    meeting = lib.meeting(row.id)
    original = fake_ingest.fake_extract(corpus["oic"].read_bytes(), str(corpus["oic"]))[0]
    assert meeting == original
    for remark in meeting.remarks:
        assert meeting.text[remark.start : remark.end] == remark.text
    assert lib.meeting(row.id) is meeting  # cached


def test_speakers_and_their_remarks(lib: Library) -> None:
    speakers = {name: (roles, nm, nr) for name, roles, nm, nr in lib.speakers()}
    assert speakers["Sergey Lavrov"] == (("Foreign Minister",), 2, 3)
    assert speakers["Igor Ivanov"] == (("Security Council Secretary",), 1, 1)
    assert speakers["Maria Zakharova"] == ((), 1, 1)
    assert None not in speakers
    assert lib.speakers()[0][0] == "Sergey Lavrov"  # most remarks first

    by = lib.remarks_by("Lavrov")
    assert [(row.date, r.kind) for row, r in by] == [
        ("2015-06-11", "statement"), ("2015-06-11", "answer"), (None, "answer")
    ]
    assert by[0][1].text == "We discussed the situation in Syria and Iraq."
    for row, remark in by:
        assert lib.meeting(row.id).text[remark.start : remark.end] == remark.text
    assert lib.remarks_by("Nobody") == []


def test_open_default_falls_back_to_the_bundled_samples(tmp_path: Path) -> None:
    sample = Library.open_default(str(tmp_path / "empty"))
    n = sample.count()
    assert sample.is_sample and n >= 1
    assert sample.path == Path(os.environ["PARLEY_SAMPLE_LIBRARY"])
    assert len(sample.sources()) == 2
    sample.close()
    again = Library.open_default(str(tmp_path / "empty"))
    assert again.is_sample and again.count() == n
    again.close()


def test_open_default_prefers_the_users_library(lib: Library) -> None:
    lib_path = str(lib.path)
    opened = Library.open_default(lib_path)
    assert not opened.is_sample and opened.count() == 4
    opened.close()


def test_schema_is_versioned_and_an_old_library_is_rebuilt(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("kremlin__8010.txt", "kremlin__17559.txt"):
        (docs / name).write_bytes((CORPUS_DEV / "docs" / name).read_bytes())
    lib = Library.open(tmp_path / "lib")
    lib.import_paths([docs], jobs=0)
    ids = {r.id for r in lib.rows()}
    lib.close()
    conn = sqlite3.connect(tmp_path / "lib" / DB_NAME)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("DELETE FROM meetings")
    conn.commit()
    conn.close()
    reopened = Library.open(tmp_path / "lib")
    assert reopened._conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert {r.id for r in reopened.rows()} == ids
    assert reopened._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reopened.close()


def test_same_text_in_two_files_is_stored_once(lib: Library, corpus, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(corpus["july"].read_bytes())
    summary = lib.import_paths([copy], jobs=0)
    assert not summary.failed and summary.meetings == 0
    assert lib.count() == 4


def test_library_writes_nothing_outside_its_directory(tmp_path: Path, fake: None) -> None:
    write_corpus(tmp_path / "docs")
    lib = Library.open(tmp_path / "lib")
    lib.import_paths([tmp_path / "docs"], jobs=0)
    lib.close()
    assert {p.name for p in (tmp_path / "lib").iterdir()} <= {
        DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"
    }


def _index_pages(library: Library) -> int:
    return library._query("SELECT count(*) FROM passages_data")[0][0]


def test_a_batch_reaches_the_search_index_in_one_write(tmp_path: Path, fake: None) -> None:
    """Each file's passages used to be written between its other rows, and every upsert
    after them made FTS5 flush: one index segment per file, merged over and over. With
    FTS5's merging turned off each flush stays visible as pages of its own."""
    for i in range(24):
        fake_ingest.write_meeting(
            tmp_path / "docs" / f"m{i:02}.txt",
            title=f"Meeting {i}",
            date="2015-06-11",
            outlet="MFA Russia",
            turns=[("Sergey Lavrov", "statement", f"Talks number {i} went well.")],
        )
    library = Library.open(tmp_path / "lib")
    for option, value in (("automerge", 0), ("crisismerge", 64)):
        library._conn.execute(
            "INSERT INTO passages(passages, rank) VALUES (?, ?)", (option, value)
        )
    empty = _index_pages(library)
    summary = library.import_paths([tmp_path / "docs"], jobs=0)
    assert len(summary.imported) == 24
    assert _index_pages(library) - empty <= 3  # one segment (a leaf and its structure)
    assert [h.meeting_id for h in library.search("number 7")] == [
        r.id for r in library.rows() if r.title == "Meeting 7"
    ]
    library._conn.execute("INSERT INTO passages(passages) VALUES ('integrity-check')")

    # A re-import deletes the old passages in one statement as well.
    for i in range(24):
        path = tmp_path / "docs" / f"m{i:02}.txt"
        path.write_text(path.read_text(encoding="utf-8").replace("went", "go"), "utf-8")
    before = _index_pages(library)
    assert len(library.import_paths([tmp_path / "docs"], jobs=0).replaced) == 24
    assert _index_pages(library) - before <= 3
    assert library.search('"went well"') == [] and len(library.search('"go well"')) == 24
    library._conn.execute("INSERT INTO passages(passages) VALUES ('integrity-check')")
    assert library._query("SELECT v FROM passages_config WHERE k = 'hashsize'") == [
        (32 * 2**20,)
    ]
    library.close()
