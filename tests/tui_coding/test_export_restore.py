"""Export from the TUI (E and the palette) and the offer to restore a damaged store.

Both drive the real ``ParleyApp`` on a library of fixed meetings with a few tags: the
export form writes CSV and QDPX files through the same code as ``parley export``, an
unwritable path is one sentence, and a damaged shard or codebook makes the first coding
key offer the newest backup, which brings the old annotations back.
"""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from textual.widgets import Input, Select

from store.annotations import AnnotationStore
from store.library import Library
from store.schema import CODEBOOK_FILE, shard_relpath
from tests.robustness.damage import damage
from tests.tui_coding.host import async_test, fixed_library, settle
from tui.app import ParleyApp
from tui.screens.export import ExportScreen
from tui.widgets.coding.restore_backup import RestoreBackupDialog, age


@pytest.fixture
def coded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A library with three tagged passages (one with markup-like text); quotes returned."""
    library = fixed_library(tmp_path, monkeypatch)
    store = AnnotationStore.open(library.path)
    quotes = []
    for mid, index, tag in (("m-2015-06", 0, "topic/terrorism"), ("m-2015-06", 2, "sanctions"),
                            ("m-2015-09", 2, "sanctions")):
        meeting = library.meeting(mid)
        remark = meeting.remarks[index]
        store.tag_span(mid, remark.start, remark.end, meeting.text, tag)
        quotes.append(remark.text)
    store.close()
    path = library.path
    library.close()
    return path, quotes


async def _open_export(app: ParleyApp, pilot) -> ExportScreen:
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def _run_export(pilot, screen: ExportScreen, fmt: str, output: Path) -> None:
    screen.query_one("#format", Select).value = fmt
    await pilot.pause()
    screen.query_one("#output", Input).value = str(output)
    await pilot.press("ctrl+s")
    await settle(pilot)


@async_test
async def test_export_csv_and_qdpx_from_the_real_app(coded, tmp_path):
    library_dir, quotes = coded
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_export(app, pilot)
        out_csv = tmp_path / "out" / "passages.csv"
        out_csv.parent.mkdir()
        await _run_export(pilot, screen, "csv", out_csv)
        assert not isinstance(app.screen, ExportScreen)  # closed on success
        with out_csv.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == 3
        text = out_csv.read_text(encoding="utf-8")
        assert all(q in text for q in quotes)
        messages = [n.message for n in app._notifications]
        assert any(f"Exported 3 passages from 2 meetings to {out_csv}." == m for m in messages)

        # QDPX, only the passages tagged "sanctions" (the CLI's tag filter)
        screen = await _open_export(app, pilot)
        screen.query_one("#tags", Input).value = "sanctions"
        out_qdpx = tmp_path / "out" / "project.qdpx"
        await _run_export(pilot, screen, "qdpx", out_qdpx)
        assert not isinstance(app.screen, ExportScreen)
        with zipfile.ZipFile(out_qdpx) as zf:
            names = zf.namelist()
            assert "project.qde" in names
            project = zf.read("project.qde").decode("utf-8")
        root = ElementTree.fromstring(project)
        ns = {"q": "urn:QDA-XML:project:1.0"}
        codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", ns)}
        coded = [
            (s.get("name"), codes[ref.get("targetGUID")])
            for s in root.iterfind(".//q:PlainTextSelection", ns)
            for ref in s.iterfind("q:Coding/q:CodeRef", ns)
            if codes[ref.get("targetGUID")] in ("sanctions", "terrorism")
        ]
        assert [tag for _, tag in coded] == ["sanctions", "sanctions"]
        assert coded[1][0] == quotes[2]


@async_test
async def test_export_to_an_unwritable_path_is_one_sentence(coded, tmp_path):
    library_dir, _ = coded
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_export(app, pilot)
        target = blocker / "out.csv"
        await _run_export(pilot, screen, "csv", target)
        assert app.screen is screen  # the form stays open to fix the path
        status = str(screen.query_one("#export-status").render())
        assert status.startswith(f"Cannot write {target}: ") and status.endswith(".")
        assert status.count(". ") == 0
        assert not target.exists()
        # a bad date is caught before anything runs
        screen.query_one("#date-from", Input).value = "June"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is not a date" in str(screen.query_one("#export-status").render())


@async_test
async def test_palette_has_the_export_command(coded):
    library_dir, _ = coded
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_command_palette()
        await settle(pilot)
        await pilot.press(*"export coded", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)


def _backed_up(library_dir: Path) -> None:
    """Open and close the store once more, so a session snapshot holds the annotations."""
    AnnotationStore.open(library_dir).close()


async def _tag_key_on_first_remark(app: ParleyApp, pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")  # open the highlighted meeting
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)


@pytest.mark.parametrize(("which", "how"), [("shard", "truncated"), ("codebook", "garbled")])
@async_test
async def test_damaged_store_offers_the_newest_backup(coded, which, how):
    library_dir, _ = coded
    _backed_up(library_dir)
    before = AnnotationStore.open(library_dir, read_only=True)
    expected = sorted((a.id, a.meeting_id, a.tags) for a in before.all())
    before.close()
    rel = shard_relpath("m-2015-06") if which == "shard" else CODEBOOK_FILE
    path = library_dir / "annotations" / rel
    bad = damage(path, how)

    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _tag_key_on_first_remark(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, RestoreBackupDialog)
        assert dialog.damaged == path
        shown = str(dialog.query_one("#restore-question").render())
        assert str(path) in shown
        label = str(dialog.query_one("#restore").label)
        assert re.fullmatch(r"Restore the newest backup \(backups/.+, (just now|\d+ \w+ ago)\)",
                            label), label
        await pilot.press("r")
        await settle(pilot)
        assert not isinstance(app.screen, RestoreBackupDialog)
        store = app.annotations
        assert store is not None
        got = sorted((a.id, a.meeting_id, a.tags) for a in store.all())
        assert got == expected
        assert any(n.message.startswith(f"Restored {path} from ")
                   for n in app._notifications)
    kept = list((library_dir / "annotations" / "damaged").rglob(f"{path.name}.*"))
    assert [k.read_bytes() for k in kept] == [bad]


@async_test
async def test_damaged_store_read_only_choice_keeps_the_file(coded):
    library_dir, _ = coded
    _backed_up(library_dir)
    path = library_dir / "annotations" / shard_relpath("m-2015-06")
    bad = damage(path, "truncated")
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _tag_key_on_first_remark(app, pilot)
        assert isinstance(app.screen, RestoreBackupDialog)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("b")  # coding stays off, and says why without asking again
        await settle(pilot)
        assert not isinstance(app.screen, RestoreBackupDialog)
        assert getattr(app, "annotations", None) is None
        assert any("Coding is off for this session" in n.message for n in app._notifications)
    assert path.read_bytes() == bad


@async_test
async def test_damaged_store_without_backup_says_so(coded):
    library_dir, _ = coded
    path = library_dir / "annotations" / shard_relpath("m-2015-06")
    bad = damage(path, "garbled")
    shutil.rmtree(library_dir / "annotations" / "backups")
    assert AnnotationStore.backups_of(path) == []
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _tag_key_on_first_remark(app, pilot)
        assert not isinstance(app.screen, RestoreBackupDialog)
        assert getattr(app, "annotations", None) is None
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert errors[0].startswith(f"The annotations file {path} is damaged")
        assert "no usable backup" in errors[0]
    assert path.read_bytes() == bad


def test_age_in_words(tmp_path):
    f = tmp_path / "f"
    f.write_text("x")
    mtime = f.stat().st_mtime
    assert age(f, now=mtime + 5) == "just now"
    assert age(f, now=mtime + 120) == "2 minutes ago"
    assert age(f, now=mtime + 3600) == "1 hour ago"
    assert age(tmp_path / "missing") == ""


def test_the_new_screens_have_help_and_binding_ids():
    from textual.binding import Binding

    from tui.coding import CodingActions

    assert any(b.id == "coding.export" and b.key == "E" for b in CodingActions.BINDINGS)
    for cls in (ExportScreen, RestoreBackupDialog):
        assert cls.HELP and cls.HELP.startswith("## "), cls
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id and binding.description, (cls, binding)
