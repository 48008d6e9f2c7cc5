"""Regression: document text is shown as text — never markup, never terminal codes.

A transcript may contain ``[bold]``, ``[/]``, ``[link=…]`` and ``[@click=app.quit]…[/]``;
shown as markup they would vanish, raise MarkupError, or run an action when clicked.
Escape sequences would recolour or move the user's terminal.
"""

from __future__ import annotations

from pathlib import Path

from store.library import Library
from tests.tui.conftest import make_app, run_async, screen_text, wait_for_text, wait_ready
from tests.tui.fakes import LAVROV, FakeLibrary, build_meeting
from tui.widgets.reader.transcript_view import TranscriptView

PAYLOADS = [
    "[bold]bold claims[/]",
    "closing [/] only",
    "[link=https://evil.example]this[/link]",
    "x [@click=app.quit]Click me[/] y",
    "[sic] [Translated from French]",
]

DOCUMENT = (
    "Foreign Minister Sergey Lavrov [bold]remarks[/] at a press conference, Moscow, "
    "June 11, 2015\n\n"
    f"Sergey Lavrov: We discussed {PAYLOADS[0]} and {PAYLOADS[1]}, see {PAYLOADS[2]}.\n\n"
    f"Question: What about {PAYLOADS[3]}?\n\n"
    f"Sergey Lavrov: {PAYLOADS[4]} fine.\n"
)


def _flat(text: str) -> str:
    """Screen text with the pane borders and line breaks taken out, for phrase checks."""
    lines = []
    for line in text.splitlines():
        lines.append(line.replace("│", " ").replace("▌", " ").replace("▎", " "))
    return " ".join(" ".join(lines).split())


@run_async
async def test_imported_markup_shows_literally(tmp_path: Path) -> None:
    source = tmp_path / "markup.txt"
    source.write_text(DOCUMENT, encoding="utf-8")
    library_dir = tmp_path / "library"
    with Library.open(library_dir) as library:
        summary = library.import_paths([str(source)])
        assert summary.imported, summary.failed
    app = make_app(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_ready(pilot)
        text = await wait_for_text(pilot, "[bold]remarks[/]")  # the title, in list and header
        await pilot.press("v")
        await wait_for_text(pilot, "Transcript")
        flat = _flat(screen_text(app))
        for payload in PAYLOADS:
            assert payload in flat, payload
        # clicking where the fake link would be does nothing but move the caret
        view = app.screen.query_one(TranscriptView)
        await pilot.click(view, offset=(30, 5))
        assert app.is_running
        assert "[bold]" in text


@run_async
async def test_escape_sequences_show_as_symbols() -> None:
    meeting = build_meeting(
        "esc",
        "Escapes \x1b[2J in a title",
        "2020-01-01",
        [(LAVROV.name, "statement", "Red \x1b[31mALERT\x1b[0m and bell \x07 and CSI \x9b1m end.")],
        people=(LAVROV,),
    )
    app = make_app(lambda: FakeLibrary([meeting]), remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        text = await wait_for_text(pilot, "ALERT")
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "Red ␛[31mALERT␛[0m and bell ␇ and CSI \ufffd1m end." in text
        await pilot.press("v")
        text = await wait_for_text(pilot, "Transcript")
        assert "Red ␛[31mALERT␛[0m" in text
        assert "\x1b" not in text
