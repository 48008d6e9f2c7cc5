"""Export coded passages from the TUI: the same exports as ``parley export``, as a form.

The form gathers what the command line takes (format, output file, the filters, the CSV
byte order mark and the Markdown grouping) and runs the very same code: the records are
joined and filtered by :func:`store.export.records.build_records` and written by
``tui.cli.export._write``, so an export from the TUI and one from the shell are the same
file. The work runs in a thread worker, so a large export does not freeze the screen; a
progress bar follows it. Success closes the form with the sentence the CLI prints
(count and path), failure keeps the form open with one sentence saying why.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from store.export.records import Filters, build_records
from store.tinystore import StoreError
from tui.cli.export import FORMATS, _write

if TYPE_CHECKING:
    from store.annotations import AnnotationStore
    from store.library import Library

FORMAT_LABELS: dict[str, str] = {
    "csv": "CSV (spreadsheets)",
    "json": "JSON (scripts)",
    "md": "Markdown report",
    "qdpx": "REFI-QDA project (.qdpx)",
}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# The bar is redrawn at most this often: a tick per passage would flood the UI thread.
_TICK_SECONDS = 0.05


def default_output(fmt: str, home: Path | None = None) -> Path:
    """``~/parley-export.<ext>``, or the current directory when there is no home."""
    base = home
    if base is None:
        try:
            base = Path.home()
        except RuntimeError:  # no HOME and no passwd entry
            base = Path.cwd()
    return base / f"parley-export.{fmt}"


class ExportScreen(ModalScreen[str | None]):
    """The export form; dismisses with the "Exported … to …" sentence, or ``None``."""

    HELP: ClassVar[str | None] = (
        "## Export\n\nChoose a format and a file, narrow the passages if you like (tags "
        "separated by commas match a tag or any tag below it), then ctrl+s or Export. "
        "Escape cancels."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.run"),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 76; height: auto; max-height: 95%; padding: 0 2;
        border: thick $accent; background: $surface;
    }
    ExportScreen #export-title { text-style: bold; margin-bottom: 1; }
    ExportScreen VerticalScroll { height: auto; max-height: 30; }
    ExportScreen Label { margin-top: 1; color: $text-muted; }
    ExportScreen .row { height: auto; }
    ExportScreen .row Input { width: 1fr; }
    ExportScreen #export-progress { margin-top: 1; display: none; }
    ExportScreen #export-progress.running { display: block; }
    ExportScreen #export-status { height: auto; margin-top: 1; }
    ExportScreen #export-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportScreen Button { margin-left: 2; }
    """

    def __init__(
        self, library: Library, store: AnnotationStore, *,
        meeting_id: str | None = None, home: Path | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.meeting_id = meeting_id
        self._home = home
        self._exporting = False
        self._last_tick = 0.0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export coded passages", id="export-title")
            with VerticalScroll():
                yield Label("Format")
                yield Select(
                    [(FORMAT_LABELS[f], f) for f in FORMATS], value="csv", allow_blank=False,
                    id="format",
                )
                yield Label("Output file")
                yield Input(str(default_output("csv", self._home)), id="output")
                yield Label("Tags (comma-separated; empty: every passage)")
                yield Input(placeholder="topic/terrorism, sanctions", id="tags")
                yield Label("Speaker")
                yield Input(placeholder="name or alias", id="speaker")
                yield Label("Meetings from / to (YYYY-MM-DD, inclusive)")
                with Horizontal(classes="row"):
                    yield Input(placeholder="from", id="date-from")
                    yield Input(placeholder="to", id="date-to")
                yield Checkbox("Bookmarked passages only", id="bookmarked")
                yield Checkbox(
                    "Current meeting only", id="current", disabled=self.meeting_id is None
                )
                yield Checkbox("CSV: byte order mark (for Excel)", id="bom")
                yield Label("Markdown: group passages by")
                yield Select(
                    [("tag", "tag"), ("meeting", "meeting")], value="tag", allow_blank=False,
                    id="group",
                )
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static("", id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="export", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    # -- the form --------------------------------------------------------------------------

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Follow the format with the file's extension when it is a known one."""
        output = self.query_one("#output", Input)
        path = Path(output.value.strip()) if output.value.strip() else None
        fmt = str(event.value)
        if path is None:
            output.value = str(default_output(fmt, self._home))
        elif path.suffix.lower().lstrip(".") in {*FORMATS, "markdown"}:
            output.value = str(path.with_suffix(f".{fmt}"))

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _checked(self, widget_id: str) -> bool:
        return self.query_one(f"#{widget_id}", Checkbox).value

    def read_form(self) -> tuple[str, Path, Filters, argparse.Namespace]:
        """The format, output path, filters and CLI-style options; ``ValueError`` if bad."""
        fmt = str(self.query_one("#format", Select).value)
        raw = self._value("output")
        if not raw:
            raise ValueError("Give a file to export to.")
        output = Path(raw).expanduser()
        if output.is_dir():
            output = output / f"parley-export.{fmt}"
        date_from, date_to = self._value("date-from") or None, self._value("date-to") or None
        for date in (date_from, date_to):
            if date is not None and not _DATE.fullmatch(date):
                raise ValueError(f"“{date}” is not a date; write it as YYYY-MM-DD.")
        current = self._checked("current") and self.meeting_id is not None
        filters = Filters(
            tags=tuple(t.strip() for t in self._value("tags").split(",") if t.strip()),
            speaker=self._value("speaker") or None,
            date_from=date_from,
            date_to=date_to,
            bookmarked=self._checked("bookmarked"),
            meeting_ids=frozenset({self.meeting_id}) if current else None,  # type: ignore[arg-type]
        )
        options = argparse.Namespace(
            output=str(output), bom=self._checked("bom"),
            group=str(self.query_one("#group", Select).value), title=None,
        )
        return fmt, output, filters, options

    def _say(self, sentence: str, *, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(sentence, style="red" if error else ""))

    # -- running ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close the form (an export already running finishes in the background)."""
        self.dismiss(None)

    def action_export(self) -> None:
        """Check the form and start the export in a worker."""
        if self._exporting:
            return
        try:
            fmt, output, filters, options = self.read_form()
        except ValueError as error:
            self._say(str(error), error=True)
            return
        self._exporting = True
        self.query_one("#export", Button).disabled = True
        self._say(f"Exporting to {output}…")
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.add_class("running")
        self._export_worker(fmt, filters, options)

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_export()

    def _tick(self, done: int, total: int) -> None:
        """Progress from the worker thread, passed to the bar at most every 50 ms."""
        now = time.monotonic()
        if done < total and now - self._last_tick < _TICK_SECONDS:
            return
        self._last_tick = now
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, fmt: str, filters: Filters, options: argparse.Namespace) -> None:
        """Join, filter and write off the UI thread; report back with one sentence."""
        try:
            records = build_records(self.library.meeting, self.store.all(), filters)
            tags = self.store.tags()
            message = _write(fmt, records, tags, filters, options, self._tick)
        except OSError as error:
            sentence = f"Cannot write {options.output}: {error.strerror or error}."
            self.app.call_from_thread(self._failed, sentence)
            return
        except (StoreError, ValueError, LookupError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._finished, message)

    def _failed(self, sentence: str) -> None:
        self._exporting = False
        self.query_one("#export", Button).disabled = False
        self.query_one("#export-progress", ProgressBar).remove_class("running")
        self._say(sentence, error=True)
        self.notify(sentence, severity="error", timeout=8, markup=False)

    def _finished(self, message: str) -> None:
        self._exporting = False
        if self.is_attached and self.app.screen is self:
            self.dismiss(message)
        else:  # cancelled while running: still say where the file went
            self.notify(message, timeout=8, markup=False)
