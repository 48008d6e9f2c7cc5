"""A small host app for the coding screens, standing in for the main screen in tests.

``HostScreen`` inherits :class:`tui.coding.CodingActions` exactly as the real main
screen does, reports a fixed "current passage", counts ``refresh_coding`` calls and
records every :class:`tui.coding.JumpTo` it receives. Two libraries are offered: the
bundled seed documents (real ingest, for behaviour) and a fixed set of hand-written
meetings (independent of ingest, for snapshots and exact assertions).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Static, TextArea

import store.ingest
from store.annotations import AnnotationStore
from store.library import Library
from store.models import Meeting, Person, Remark
from store.paths import sample_documents
from tests.tui.conftest import work_done
from tui.coding import CodingActions, JumpTo


class HostScreen(CodingActions):
    """The main screen's part of the coding contract, and nothing else."""

    def __init__(self, passage: tuple[str, int, int, str] | None = None) -> None:
        super().__init__()
        self.passage = passage
        self.refreshes = 0
        self.jumps: list[tuple[str, int, int]] = []

    def compose(self) -> ComposeResult:
        yield Static("host", id="host")
        yield Footer()

    def current_passage(self) -> tuple[str, int, int, str] | None:
        return self.passage

    def refresh_coding(self) -> None:
        self.refreshes += 1

    def on_jump_to(self, message: JumpTo) -> None:
        self.jumps.append((message.meeting_id, message.start, message.end))


class HostApp(App[None]):
    """Holds the library and the annotation store as the real app does."""

    def __init__(
        self, library: Library, annotations: AnnotationStore,
        passage: tuple[str, int, int, str] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.annotations = annotations
        self.host = HostScreen(passage)

    def get_default_screen(self) -> HostScreen:
        return self.host

    def on_descendant_focus(self, event: Any) -> None:
        # A blinking cursor makes snapshots flaky: keep it steadily on.
        if isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False


def async_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio (no async pytest plugin is installed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


async def settle(pilot: Any) -> None:
    """Wait until every worker is done and its results are on screen (no fixed sleeps)."""
    for _ in range(3):
        await pilot.pause()
        await work_done(pilot.app)
    await pilot.pause()


# -- libraries ---------------------------------------------------------------------------

def seed_library(root: Path) -> Library:
    """A library with the two bundled seed documents, parsed by the real ingest."""
    library = Library.open(root / "library")
    library.import_paths([str(p) for p in sample_documents()], jobs=0)
    return library


def _meeting(mid: str, title: str, date: str | None, people: list[Person],
             turns: list[tuple[str | None, str, str]]) -> Meeting:
    text = ""
    remarks: list[Remark] = []
    for speaker, kind, said in turns:
        start = len(text)
        text += said
        remarks.append(Remark(speaker, kind, said, start, len(text)))  # type: ignore[arg-type]
        text += "\n\n"
    return Meeting(
        id=mid, title=title, date=date, date_inferred=False, place="Moscow", outlet="Test Wire",
        kind="transcript", participants=tuple(people), remarks=tuple(remarks), text=text,
        source=f"{mid}.txt",
    )


LAVROV = Person("Sergey Lavrov", "Foreign Minister", "Russia", ("Lavrov",))
KERRY = Person("John Kerry", "Secretary of State", "United States", ("Kerry",))
IVANOV = Person("Igor Ivanov", "Security Council Secretary", "Russia", ("Ivanov",))

FIXED_MEETINGS: list[Meeting] = [
    _meeting("m-2015-06", "Talks with John Kerry", "2015-06-11", [LAVROV, KERRY], [
        ("Sergey Lavrov", "statement", "We discussed the fight against terrorism in Syria."),
        (None, "question", "Question: Will sanctions be lifted soon?"),
        ("Sergey Lavrov", "answer", "Sanctions are not our agenda; terrorism is [bold] the "
         "threat [/] we share."),
        ("John Kerry", "statement", "We agree that terrorism must be fought together."),
    ]),
    _meeting("m-2015-09", "Press conference on Iran", "2015-09-02", [LAVROV], [
        ("Sergey Lavrov", "statement", "The agreement on Iran is a success of diplomacy."),
        (None, "question", "Question: What about sanctions on Iran?"),
        ("Sergey Lavrov", "answer", "Sanctions will be lifted step by step."),
    ]),
    _meeting("m-2004-05", "Meeting with the OIC delegation", "2004-05-21", [IVANOV], [
        ("Igor Ivanov", "quote", "We are developing our dialogue on the fight against "
         "international terrorism."),
        ("Igor Ivanov", "reported", "He hoped for a substantive exchange of opinions."),
    ]),
    _meeting("m-undated", "Statement without a year", "--03-23", [LAVROV], [
        ("Sergey Lavrov", "statement", "Dialogue is the only way forward."),
    ]),
]


def fixed_library(root: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """A library of :data:`FIXED_MEETINGS`, imported through the real library code.

    Ingest is replaced by a lookup from file name to meeting, so these tests do not move
    when the extraction improves.
    """
    sources = root / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    by_name = {}
    for meeting in FIXED_MEETINGS:
        path = sources / meeting.source
        path.write_text(meeting.text, encoding="utf-8")
        by_name[path.name] = meeting

    def extract(data: bytes, source: str) -> list[Meeting]:
        return [by_name[Path(source).name]]

    monkeypatch.setattr(store.ingest, "extract", extract)
    library = Library.open(root / "library")
    summary = library.import_paths([str(sources)], jobs=0)
    assert not summary.failed, summary.failed
    return library


def remark_passage(library: Library, meeting_id: str, index: int) -> tuple[str, int, int, str]:
    """The ``index``-th remark of a meeting as a ``current_passage()`` tuple."""
    meeting = library.meeting(meeting_id)
    remark = meeting.remarks[index]
    return (meeting_id, remark.start, remark.end, meeting.text)
