"""``parley export`` and ``parley annotations`` end to end, on real libraries of the seeds."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from store.annotations import AnnotationStore
from store.library import Library
from tests.conftest import SEEDS
from tui.cli import main

SEED_FILES = [SEEDS / "000_a9a3d9c4bdde8030.txt", SEEDS / "003_1e53a87551ad3537.txt"]
PASSAGES = [
    ("We are also developing our dialogue", ("topic/terrorism",), False, "Ivanov on terrorism."),
    ("There must be no double standards here.", ("topic/terrorism", "rhetoric"), True, ""),
    ("Could you comment on Australian intelligence reports", (), True, "=cmd note"),
]


def _library(path: Path) -> Path:
    lib = Library.open(path)
    summary = lib.import_paths([str(p) for p in SEED_FILES], jobs=0)
    assert not summary.failed
    lib.close()
    return path


def _annotate(path: Path) -> None:
    lib = Library.open(path)
    store = AnnotationStore.open(path)
    meetings = [lib.meeting(r.id) for r in lib.rows()]
    for quote, tags, bookmark, note in PASSAGES:
        m = next(m for m in meetings if quote in m.text)
        s = m.text.index(quote)
        store.add(m.id, s, s + len(quote), m.text, tags=tags, bookmark=bookmark, note=note)
    store.create_tag("unused/code", "#123456", "Nobody used this")
    store.close()
    lib.close()


def _essence(path: Path) -> set[tuple]:
    store = AnnotationStore.open(path, read_only=True)
    try:
        return {(a.meeting_id, a.anchor.start, a.anchor.end, frozenset(a.tags), a.bookmark,
                 a.note) for a in store.all()}
    finally:
        store.close()


@pytest.fixture()
def coded(tmp_path) -> Path:
    path = _library(tmp_path / "a")
    _annotate(path)
    return path


def test_export_every_format(tmp_path, coded, qdpx_schema, capsys) -> None:
    lib = str(coded)
    assert main(["--library", lib, "export", "-o", str(tmp_path / "x.csv"), "--bom"]) == 0
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8-sig", newline="")))
    assert len(rows) == 3
    assert "'=cmd note" in {r["note"] for r in rows}
    assert "Exported 3 passages from 2 meetings" in capsys.readouterr().err

    assert main(["--library", lib, "export", "-f", "json", "-o", str(tmp_path / "x.out"),
                 "--tag", "rhetoric"]) == 0
    doc = json.loads((tmp_path / "x.out").read_text(encoding="utf-8"))
    assert [a["text"] for a in doc["annotations"]] == ["There must be no double standards here."]

    assert main(["--library", lib, "export", "-o", str(tmp_path / "r.md"), "--bookmarked",
                 "--group", "meeting", "--title", "Bookmarks"]) == 0
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Bookmarks\n") and "2 passages from 1 meeting," in md

    out = tmp_path / "p.qdpx"
    assert main(["--library", lib, "export", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
    assert qdpx_schema.validate(root), qdpx_schema.error_log
    again = tmp_path / "p2.qdpx"
    assert main(["--library", lib, "export", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()

    assert main(["--library", lib, "export", "-o", "-", "-f", "md", "--meeting", "nope"]) == 0
    assert "0 passages from 0 meetings" in capsys.readouterr().out
    assert main(["--library", lib, "export", "-o", str(tmp_path / "x.weird")]) == 2


def test_qdpx_round_trip_between_libraries(tmp_path, coded, capsys) -> None:
    out = tmp_path / "a.qdpx"
    assert main(["--library", str(coded), "export", "-o", str(out)]) == 0
    fresh = _library(tmp_path / "b")
    assert main(["--library", str(fresh), "annotations", "import", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["unmatched"]) == (3, [])
    assert _essence(fresh) == _essence(coded)
    store = AnnotationStore.open(fresh, read_only=True)
    assert "unused/code" in {t.name for t in store.tags()}
    store.close()


def test_share_import_list_and_undo(tmp_path, coded, capsys) -> None:
    share = tmp_path / "from-anna.json"
    assert main(["--library", str(coded), "annotations", "export", str(share)]) == 0
    mine = _library(tmp_path / "c")
    assert main(["--library", str(mine), "annotations", "import", str(share)]) == 0
    err = capsys.readouterr().err
    assert "3 added" in err and "undo-import" in err
    assert _essence(mine) == _essence(coded)

    assert main(["--library", str(mine), "annotations", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == 3
    assert {"meeting_id", "start", "end", "text", "tags", "bookmark", "note", "created",
            "updated"} <= set(listed[0])
    assert main(["--library", str(mine), "annotations"]) == 0
    assert "3 annotations" in capsys.readouterr().out

    assert main(["--library", str(mine), "annotations", "import", str(share)]) == 0
    assert "3 already present" in capsys.readouterr().err
    assert main(["--library", str(mine), "annotations", "imports"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2
    assert main(["--library", str(mine), "annotations", "undo-import"]) == 0  # the latest
    assert main(["--library", str(mine), "annotations", "undo-import"]) == 0  # the first
    assert "3 removed" in capsys.readouterr().err
    assert _essence(mine) == set()
    assert main(["--library", str(mine), "annotations", "undo-import"]) == 1


def test_import_errors_are_one_sentence(tmp_path, capsys) -> None:
    lib = _library(tmp_path / "d")
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a project")
    assert main(["--library", str(lib), "annotations", "import", str(bad)]) == 1
    assert "is not a QDPX project (it is not a zip archive)." in capsys.readouterr().err
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{}")
    assert main(["--library", str(lib), "annotations", "import", str(bad_json)]) == 1
    assert "is not a Parley annotation file." in capsys.readouterr().err
    assert main(["--library", str(lib), "annotations", "import", str(tmp_path / "no")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_import_finds_moved_passages_through_search(tmp_path, coded, capsys) -> None:
    """A colleague imported a slightly different copy: other meeting ids, moved offsets."""
    copies = tmp_path / "copies"
    copies.mkdir()
    for p in SEED_FILES:
        (copies / p.name).write_text("Saved from the archive on 1 March.\n\n" +
                                     p.read_text(encoding="utf-8"), encoding="utf-8")
    other = Library.open(tmp_path / "e")
    assert not other.import_paths([str(copies)], jobs=0).failed
    other.close()
    share = tmp_path / "share.json"
    assert main(["--library", str(coded), "annotations", "export", str(share)]) == 0
    assert main(["--library", str(tmp_path / "e"), "annotations", "import", str(share),
                 "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["unmatched"]) == (3, [])
    lib = Library.open(tmp_path / "e")
    store = AnnotationStore.open(tmp_path / "e", read_only=True)
    try:
        for a in store.all():
            assert lib.meeting(a.meeting_id).text[a.anchor.start : a.anchor.end] == a.anchor.exact
        assert {a.anchor.exact for a in store.all()} == {q for q, *_ in PASSAGES}
    finally:
        store.close()
        lib.close()


def test_progress_bar_only_on_a_terminal_for_long_jobs() -> None:
    import io

    from rich.console import Console

    from tui.cli.export import PROGRESS_THRESHOLD, progress_bar

    buf = io.StringIO()
    term = Console(file=buf, force_terminal=True, width=80)
    with progress_bar("Exporting csv", PROGRESS_THRESHOLD, term) as tick:
        for i in range(1, PROGRESS_THRESHOLD + 1):
            tick(i, PROGRESS_THRESHOLD)
    assert "Exporting csv" in buf.getvalue()
    quiet = io.StringIO()
    with progress_bar("x", 10**6, Console(file=quiet, force_terminal=False)) as tick:
        tick(1, 10**6)
    with progress_bar("x", 3, term) as tick:
        tick(1, 3)
    assert quiet.getvalue() == ""
