"""End to end: the hostile folder through ``parley import``, then the app on the result.

Unit-level reading of each hostile file is covered by ``tests/hostile``; this test is
about the whole path a person takes: import the folder with the real CLI (no
traceback, every file imported or refused in one sentence, within a time bound), then
open the real app on that library and walk every meeting, checking that markup shows
literally and that no escape sequence reaches the screen.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from store.library import Library
from tests.robustness.hostile_corpus import (
    ESCAPE_PAYLOADS,
    MARKUP_PAYLOADS,
    UNREADABLE,
    VANISHING,
)
from tests.robustness.hostile_table import HostileRun, _cli, run_hostile_import, simulated_faults
from tests.tui.conftest import (
    make_app,
    run_async,
    screen_text,
    wait_ready,
    wait_until,
    work_done,
)

IMPORT_BOUND_SECONDS = 120.0
# Anything a terminal would act on: C0 controls but newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    root = tmp_path_factory.mktemp("hostile")
    return run_hostile_import(root / "in", root / "library")


def _one_sentence(message: str, name: str) -> None:
    assert "\n" not in message and "Traceback" not in message, message
    assert message.endswith("."), message
    assert name.split("/")[-1] in message, (name, message)


def test_every_input_is_imported_or_refused_in_one_sentence(hostile: HostileRun) -> None:
    assert "Traceback" not in hostile.output
    assert hostile.exit_codes == [1, 1]  # some files were refused, so status 1
    assert hostile.seconds < IMPORT_BOUND_SECONDS
    for item in hostile.inputs:
        status, words = hostile.outcome(item)
        assert status in {"imported", "refused", "walked"}, (item, words)
        if status == "refused":
            _one_sentence(words, item.name)


def test_what_must_be_refused_is_refused_and_the_rest_imported(hostile: HostileRun) -> None:
    status = {i.name: hostile.outcome(i)[0] for i in hostile.inputs}
    refused = {"empty.txt", "report.pdf", "photo.png", "archive.zip", "random.bin",
               "pdf-named.txt", "png-named.html", "zip-named.md", "random-named.txt",
               "large.txt", "oversize.txt", "one-line-10mb.txt", "loop-a.txt", "loop-b.txt",
               VANISHING, UNREADABLE}
    for name, got in status.items():
        expected = "refused" if name in refused else (
            "walked" if name.startswith("looping/") else "imported")
        assert got == expected, (name, hostile.outcome(next(i for i in hostile.inputs
                                                             if i.name == name)))
    words = {i.name: hostile.outcome(i)[1] for i in hostile.inputs}
    assert "permission denied" in words[UNREADABLE]
    assert "32 MB" in words["oversize.txt"]
    assert "million characters" in words["large.txt"]


def test_human_summary_has_one_line_per_refusal(hostile: HostileRun) -> None:
    with simulated_faults(hostile.folder):
        code, out, err = _cli(["--library", str(hostile.library), "import", "--jobs", "0",
                               str(hostile.folder)])
    assert code == 1
    assert "Traceback" not in out + err
    failed_lines = [line for line in out.splitlines() if line.startswith("failed  ")]
    walked_refusals = [i for i in hostile.inputs
                       if i.in_folder_walk and hostile.outcome(i)[0] == "refused"
                       and i.name != VANISHING]  # deleted by the first run: not listed now
    assert len(failed_lines) == len(walked_refusals)
    for item in walked_refusals:
        assert sum(item.name in line for line in failed_lines) == 1, item.name


async def _show(pilot, meeting_id: str) -> str:  # type: ignore[no-untyped-def]
    app = pilot.app
    app.screen.jump_to(meeting_id)  # a worker: it finds the row on the library thread
    await wait_until(pilot, lambda: getattr(app.screen.meeting, "id", None) == meeting_id,
                     f"meeting {meeting_id}")
    await work_done(app)
    await pilot.pause()
    return screen_text(app)


def _flat(text: str) -> str:
    """Screen text without pane borders and line breaks, for phrase checks."""
    for ch in "│▌▎┃":
        text = text.replace(ch, " ")
    return " ".join(text.split())


def _clean_screen(text: str, where: str) -> None:
    assert "\x1b" not in text, where
    found = _CONTROL.search(text)
    assert found is None, (where, repr(found.group()) if found else None)


async def _transcript(pilot) -> str:  # type: ignore[no-untyped-def]
    """Switch the reader to the transcript (``v``), as a person would; the screen text."""
    app = pilot.app
    switcher = app.screen.query_one(ContentSwitcher)
    if switcher.current != "transcript":
        await pilot.press("v")
        await wait_until(pilot, lambda: switcher.current == "transcript", "the transcript")
    await pilot.pause()
    return screen_text(app)


@run_async
async def test_app_walks_every_imported_meeting(hostile: HostileRun) -> None:
    with Library.open(hostile.library) as lib:
        rows = lib.rows(limit=None)
        by_source = {Path(r.source).name: r.id for r in rows}
        texts = {r.id: lib.meeting(r.id).text for r in rows}
    assert len(rows) >= 14
    app = make_app(lambda: Library.open(hostile.library), remember=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        for row in rows:  # each meeting, in the remarks view and in the transcript view
            _clean_screen(await _show(pilot, row.id), f"remarks of {row.source}")
            _clean_screen(await _transcript(pilot), f"transcript of {row.source}")
            assert app.is_running
        markup_id = by_source["rich-markup.txt"]
        for payload in MARKUP_PAYLOADS:
            assert payload in texts[markup_id]
        flat = _flat(await _show(pilot, markup_id))
        assert "[bold red]x[/]" in flat  # the title, in the list and the header
        flat = _flat(await _transcript(pilot))
        for payload in MARKUP_PAYLOADS:
            assert payload in flat, payload
        # the escapes document: the words are on screen, the codes were never stored
        escape_id = by_source["terminal-escapes.txt"]
        await _show(pilot, escape_id)
        transcript = await _transcript(pilot)
        assert "Clear" in transcript and "the screen" in transcript
        for payload in ESCAPE_PAYLOADS:
            assert payload not in texts[escape_id]
        assert app.is_running


def test_import_with_worker_processes(tmp_path: Path) -> None:
    """The same folder through the default path a person takes: worker processes, each
    file under the time bound. No simulation reaches the workers, so here the vanishing
    file simply imports, and the unreadable one imports when running as root."""
    from tests.robustness.hostile_corpus import make_hostile_folder

    folder, library = tmp_path / "in", tmp_path / "library"
    inputs = make_hostile_folder(folder)
    started = time.monotonic()
    code, out, err = _cli(["--library", str(library), "import", "--json", "--jobs", "2",
                           str(folder)])
    assert time.monotonic() - started < IMPORT_BOUND_SECONDS
    assert code == 1 and "Traceback" not in out + err
    summary = json.loads(out)
    failed = {f["source"]: f["error"] for f in summary["failed"]}
    for message in failed.values():
        assert "\n" not in message and message.endswith(".")
    walked = {str(folder / i.name) for i in inputs
              if i.in_folder_walk and not i.name.startswith("looping/")}
    assert walked == set(summary["imported"]) | set(failed)
