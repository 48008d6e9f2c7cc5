"""The coding keys (tag, bookmark, note, undo, redo) as a mixin for the main screen.

The main screen knows what is selected; the coding screens know how to tag, list and find
things. This module is the small contract between them, so neither has to know the
other's insides:

* the main screen inherits :class:`CodingActions` (before ``Screen``) and gets the
  coding bindings and the keys that open the codebook, bookmarks, search, speakers and
  analysis screens;
* it provides the :class:`CodingHost` protocol: :meth:`CodingHost.current_passage` (what
  ``t``/``b``/``n`` act on) and :meth:`CodingHost.refresh_coding` (redraw marks and
  counts after a change);
* it handles the :class:`JumpTo` message (``on_jump_to``) by showing that span of that
  meeting in context. Every coding screen that lists passages sends it through
  :func:`request_jump`, which first closes the coding screens above the host.

The library and the annotation store are found through :meth:`CodingActions.coding_library`
and :meth:`CodingActions.coding_annotations`; by default they are the app's ``library``
and ``annotations`` attributes, and a host that keeps them elsewhere overrides the two
methods.
"""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol, runtime_checkable

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import Screen

from store.store_errors import StoreError

if TYPE_CHECKING:
    from store.annotations import AnnotationStore
    from store.library import Library
    from tui.widgets.coding.passage_list import PassageList


class Passage(NamedTuple):
    """A span of one meeting's text that a coding action applies to.

    ``meeting_text`` travels with the span because the annotation store anchors the
    annotation by the quoted text and its context, not only by offsets.
    """

    meeting_id: str
    start: int
    end: int
    meeting_text: str


@runtime_checkable
class CodingHost(Protocol):
    """What the screen that inherits :class:`CodingActions` must provide."""

    def current_passage(self) -> tuple[str, int, int, str] | None:
        """The selected span as ``(meeting_id, start, end, meeting_text)``.

        The selected text span if there is one, else the remark or paragraph under the
        cursor; ``None`` when nothing is selected (the coding keys then say so).
        """
        ...

    def refresh_coding(self) -> None:
        """Redraw tag marks, bookmark flags and counts after a coding change."""
        ...


class JumpTo(Message):
    """Show ``meeting.text[start:end]`` of ``meeting_id`` in context.

    Posted to the host screen (the one that inherits :class:`CodingActions`) once the
    coding screens above it are closed; the host handles it in ``on_jump_to``.
    """

    def __init__(self, meeting_id: str, start: int, end: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"JumpTo({self.meeting_id!r}, {self.start}, {self.end})"


def request_jump(source: Screen[Any], meeting_id: str, start: int, end: int) -> None:
    """Close the coding screens above the host and ask the host to show the span.

    The host is the nearest screen below ``source`` that inherits :class:`CodingActions`.
    Without one (a coding screen opened on its own) the message goes to the app, so an
    app without a main screen can still react.
    """
    app = source.app
    host = next((s for s in reversed(app.screen_stack) if isinstance(s, CodingActions)), None)
    message = JumpTo(meeting_id, start, end)
    if host is None:
        app.post_message(message)
        return
    while app.screen is not host and len(app.screen_stack) > 1:
        app.pop_screen()
    # Popping skips the screens' dismiss callbacks, so redraw the marks here: the
    # coding screens may have renamed, merged or deleted tags.
    host.refresh_coding()
    host.post_message(message)


CODING_ERRORS: tuple[type[Exception], ...] = (StoreError, LookupError, ValueError)
"""What a coding action can raise with a one-sentence message: a read-only or busy store,
a failed write, a meeting or tag that is gone, a name with no text. Shown, never fatal."""


def _passage(value: tuple[str, int, int, str] | None) -> Passage | None:
    return None if value is None else Passage(*value)


class CodingActions(Screen[None]):
    """Base for the main screen: coding keys and the keys that open the coding screens.

    It is a ``Screen`` subclass rather than a plain mixin because Textual only merges
    ``BINDINGS`` from DOM classes in the MRO; the main screen declares
    ``class MainScreen(CodingActions)`` (or ``(CodingActions, Screen[None])``) and gets
    these bindings merged with its own. Every binding has an id, so the keymap file can
    rebind it.
    """

    HELP: ClassVar[str | None] = (
        "## Coding\n\nKeys: t tags the passage, b bookmarks it, n writes a note, u undoes, "
        "ctrl+r redoes. "
        "C codebook, B bookmarks, / search, P speakers, A analysis, E export."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "coding_tag", "Tag", id="coding.tag"),
        Binding("b", "coding_bookmark", "Bookmark", id="coding.bookmark"),
        Binding("n", "coding_note", "Note", id="coding.note"),
        Binding("u", "coding_undo", "Undo", show=False, id="coding.undo"),
        Binding("ctrl+r", "coding_redo", "Redo", show=False, id="coding.redo"),
        Binding("slash", "open_search", "Search", key_display="/", id="coding.search"),
        Binding("C", "open_codebook", "Codebook", id="coding.codebook"),
        Binding("B", "open_bookmarks", "Bookmarks", show=False, id="coding.bookmarks"),
        Binding("P", "open_speakers", "Speakers", show=False, id="coding.speakers"),
        Binding("A", "open_analysis", "Analysis", show=False, id="coding.analysis"),
        Binding("E", "open_export", "Export", show=False, id="coding.export"),
    ]

    # -- where the stores are ------------------------------------------------------------

    def coding_library(self) -> Library:
        """The open library: the app's ``client.library`` or ``library``; override to change."""
        client = getattr(self.app, "client", None)
        library = getattr(client, "library", None) or getattr(self.app, "library", None)
        if library is None:
            raise LookupError("The library is not open yet.")
        return library

    def coding_annotations(self) -> AnnotationStore:
        """The app's annotation store, opened beside the library on first use.

        Kept on the app as ``annotations`` so every screen shares one store (and one
        undo history). Override if the app opens it itself.
        """
        store = getattr(self.app, "annotations", None)
        if store is None:
            from store.annotations import AnnotationStore
            from store.tinystore import StoreReadOnly

            off = getattr(self.app, "coding_off", None)
            if off:  # the user chose to read on without coding after a damaged file
                raise StoreError(off)
            path = self.coding_library().path
            try:
                store = AnnotationStore.open(path)
            except StoreReadOnly as error:
                # Still show the codebook, bookmarks and searches; changes will say why not.
                store = AnnotationStore.open(path, read_only=True)
                self.notify(f"{error} Coding is read-only.", severity="warning", markup=False)
            self.app.annotations = store  # type: ignore[attr-defined]
        return store

    # -- the protocol the host fills in -----------------------------------------------

    def current_passage(self) -> tuple[str, int, int, str] | None:
        """See :meth:`CodingHost.current_passage`; the host screen overrides this."""
        return None

    def refresh_coding(self) -> None:
        """See :meth:`CodingHost.refresh_coding`; the host screen overrides this."""

    # -- helpers -------------------------------------------------------------------------

    def _coding_passage(self) -> Passage | None:
        passage = _passage(self.current_passage())
        if passage is None:
            self.notify(
                "Select a remark or a span of text first.", severity="warning", markup=False
            )
        return passage

    def _store_or_say(self) -> AnnotationStore | None:
        from store.tinystore import StoreDamaged

        try:
            return self.coding_annotations()
        except StoreDamaged as error:
            if error.backups:
                self._offer_restore(error)
            else:  # the store's sentence already says that no usable backup exists
                self.notify(str(error), severity="error", timeout=10, markup=False)
            return None
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return None

    def _offer_restore(self, error: Any) -> None:
        """Ask whether to put the newest backup of the damaged file back (a modal).

        ``error`` is the :class:`~store.tinystore.StoreDamaged` from opening the store.
        Restoring moves the damaged file to ``annotations/damaged/`` (kept), copies the
        backup in its place and opens the store again; if another file is damaged too,
        that one is offered next.
        """
        from tui.widgets.coding.restore_backup import (
            READ_ONLY,
            RESTORE,
            RestoreBackupDialog,
        )

        damaged, backup = error.path, error.backups[0]
        if any(isinstance(s, RestoreBackupDialog) for s in self.app.screen_stack):
            return  # already asking

        def chosen(choice: str | None) -> None:
            if choice == READ_ONLY:
                self.app.coding_off = (  # type: ignore[attr-defined]
                    f"Coding is off for this session because {damaged} is damaged; "
                    "restart Parley to be offered its backup again."
                )
                self.notify("Reading on without coding; the damaged file is untouched.",
                            severity="warning", timeout=6, markup=False)
                return
            if choice != RESTORE:
                return
            self._restore(damaged, backup)

        self.app.push_screen(RestoreBackupDialog(damaged, backup), chosen)

    def _restore(self, damaged: Any, backup: Any) -> None:
        """Put ``backup`` in place of ``damaged``, reopen the store and say so."""
        from store.annotations import AnnotationStore

        try:
            used = AnnotationStore.restore_backup(damaged, backup)
        except (StoreError, OSError) as error:
            self.notify(f"The backup could not be restored: {error}", severity="error",
                        timeout=10, markup=False)
            return
        store = self._store_or_say()  # offers the next damaged file, if any
        if store is None:
            return
        self.notify(f"Restored {damaged} from {used}; the damaged file is kept in the "
                    "annotations/damaged folder.", timeout=8, markup=False)
        self._coding_changed()

    def _coding_changed(self) -> None:
        self.refresh_coding()

    # -- actions -------------------------------------------------------------------------

    def action_coding_tag(self) -> None:
        """Open the tag picker on the selected passage."""
        from tui.widgets.coding.tag_picker import TagPicker

        passage = self._coding_passage()
        store = self._store_or_say() if passage else None
        if passage is None or store is None:
            return
        picker = TagPicker(store, passage)
        self.app.push_screen(picker, lambda _: self._coding_changed())

    def action_coding_bookmark(self) -> None:
        """Toggle the bookmark on the selected passage."""
        passage = self._coding_passage()
        store = self._store_or_say() if passage else None
        if passage is None or store is None:
            return
        try:
            annotation = store.toggle_bookmark(*passage)
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.notify(
            "Bookmarked." if annotation.bookmark else "Bookmark removed.", timeout=2, markup=False)
        self._coding_changed()

    def action_coding_note(self) -> None:
        """Write or edit the note on the selected passage."""
        from tui.widgets.coding.note_editor import NoteEditor

        passage = self._coding_passage()
        store = self._store_or_say() if passage else None
        if passage is None or store is None:
            return
        existing = store.find_span(passage.meeting_id, passage.start, passage.end)
        quote = passage.meeting_text[passage.start : passage.end]

        def save(note: str | None) -> None:
            if note is None:
                return
            try:
                store.set_note(*passage, note)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", timeout=8, markup=False)
                return
            self.notify("Note saved." if note.strip() else "Note removed.", timeout=2, markup=False)
            self._coding_changed()

        editor = NoteEditor(existing.note if existing else "", quote=quote)
        self.app.push_screen(editor, save)

    def action_coding_undo(self) -> None:
        """Undo the last coding action and say what it was."""
        store = self._store_or_say()
        if store is None:
            return
        try:
            done = store.undo()
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.notify(f"Undone: {done}" if done else "Nothing to undo.", timeout=3, markup=False)
        if done:
            self._coding_changed()

    def action_coding_redo(self) -> None:
        """Redo the last undone coding action and say what it was."""
        store = self._store_or_say()
        if store is None:
            return
        try:
            done = store.redo()
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.notify(f"Redone: {done}" if done else "Nothing to redo.", timeout=3, markup=False)
        if done:
            self._coding_changed()

    def _open(self, make: Any, done: Any = None) -> None:
        """Open a coding screen built by ``make(library, store)``, or say why not.

        ``done`` gets the screen's result; by default, closing it refreshes the coding.
        """
        store = self._store_or_say()
        if store is None:
            return
        try:
            library = self.coding_library()
        except CODING_ERRORS as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.app.push_screen(make(library, store), done or (lambda _: self._coding_changed()))

    def action_open_search(self, saved: str | None = None) -> None:
        """Open the search screen (on the saved search ``saved``, if given)."""
        from tui.screens.search import SearchScreen

        self._open(lambda library, store: SearchScreen(library, store, saved=saved))

    def action_open_codebook(self) -> None:
        """Open the codebook."""
        from tui.screens.codebook import CodebookScreen

        self._open(CodebookScreen)

    def action_open_bookmarks(self) -> None:
        """Open the list of bookmarks."""
        from tui.screens.bookmarks import BookmarksScreen

        self._open(BookmarksScreen)

    def action_open_speakers(self) -> None:
        """Open the speakers view."""
        from tui.screens.speakers import SpeakersScreen

        self._open(SpeakersScreen)

    def action_open_analysis(self) -> None:
        """Open the analysis screen (tag co-occurrence and timeline)."""
        from tui.screens.analysis import AnalysisScreen

        self._open(AnalysisScreen)

    def action_open_export(self) -> None:
        """Open the export form (CSV, JSON, Markdown, QDPX) with the CLI's filters."""
        from tui.screens.export import ExportScreen

        meeting_id = getattr(getattr(self, "meeting", None), "id", None)

        def done(message: str | None) -> None:
            if message:
                self.notify(message, timeout=8, markup=False)

        self._open(lambda library, store: ExportScreen(library, store, meeting_id=meeting_id), done)


class CodingScreen(Screen[None]):
    """Base of the coding screens: the library and store, escape, j/k, jump on enter.

    j/k move whatever list has focus (inputs keep their letters: they handle printable
    keys before screen bindings are looked at). A :class:`PassageList.Chosen` from any
    list on the screen jumps to that passage in context.
    """

    HELP: ClassVar[str | None] = (
        "## Coding screens\n\nEscape closes the screen, j/k move in lists, enter shows a "
        "passage in context, u undoes and ctrl+r redoes the last coding action."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="coding.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="coding.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="coding.up"),
        Binding("u", "undo", "Undo", id="coding.undo"),
        Binding("ctrl+r", "redo", "Redo", id="coding.redo"),
    ]

    DEFAULT_CSS = """
    CodingScreen #title {
        height: 1; padding: 0 1; background: $panel; color: $text; text-style: bold;
    }
    CodingScreen .pane-title { height: 1; padding: 0 1; color: $text-muted; text-style: bold; }
    CodingScreen .status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, library: Library, store: AnnotationStore) -> None:
        super().__init__()
        self.library = library
        self.store = store

    def action_close(self) -> None:
        """Close this screen and go back to where it was opened."""
        self.dismiss(None)

    def action_undo(self) -> None:
        """Undo the last coding action (here too: a rename is a coding action)."""
        try:
            done = self.store.undo()
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.notify(f"Undone: {done}" if done else "Nothing to undo.", timeout=3, markup=False)
        if done:
            self.coding_changed()

    def action_redo(self) -> None:
        """Redo the last undone coding action."""
        try:
            done = self.store.redo()
        except CODING_ERRORS as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        self.notify(f"Redone: {done}" if done else "Nothing to redo.", timeout=3, markup=False)
        if done:
            self.coding_changed()

    def coding_changed(self) -> None:
        """Redraw after an undo or redo; screens that show coding override this."""

    def action_cursor(self, direction: str) -> None:
        """Move the cursor of the focused list or tree (j/k)."""
        action = getattr(self.focused, f"action_cursor_{direction}", None)
        if action is not None:
            action()

    def tag_colours(self) -> dict[str, str]:
        """Tag name to colour, for swatches in passage rows."""
        return {tag.name: tag.colour for tag in self.store.tags()}

    def on_passage_list_chosen(self, event: PassageList.Chosen) -> None:
        """Jump to the chosen passage in its meeting."""
        event.stop()
        item = event.item
        if item.orphaned:
            self.notify(
                "This passage is no longer in its meeting's text (the document changed); "
                "it is kept with its tags and note. Showing the meeting.",
                severity="warning", markup=False,
            )
            request_jump(self, item.meeting_id, 0, 0)
            return
        request_jump(self, item.meeting_id, item.start, item.end)


def paragraph_at(text: str, offset: int) -> tuple[int, int] | None:
    """The blank-line-separated paragraph of ``text`` around ``offset``, trimmed."""
    if not text:
        return None
    offset = min(max(0, offset), len(text) - 1)
    start = text.rfind("\n\n", 0, offset + 1)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", offset)
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


class ReaderCoding(CodingActions):
    """:class:`CodingActions` with the host protocol filled in for Parley's main screen.

    The main screen (``tui.screens.main.MainScreen``) shows one meeting (``self.meeting``)
    as a remarks list or a transcript. The passage the coding keys act on is the span
    selected in the transcript, else the remark under the cursor (in either view), else
    the paragraph under the transcript cursor. ``main.py`` declares
    ``class MainScreen(ReaderCoding, Screen[None])`` and extends :meth:`refresh_coding`
    to redraw the coding marks of the open meeting.
    """

    def current_passage(self) -> tuple[str, int, int, str] | None:
        from textual.widgets import ContentSwitcher

        from tui.widgets.reader.remark_list import RemarkList
        from tui.widgets.reader.transcript_view import TranscriptView

        meeting = getattr(self, "meeting", None)
        if meeting is None:
            return None
        transcript = self.query_one(TranscriptView)
        if self.query_one(ContentSwitcher).current == "transcript":
            selection = transcript.selection
            if selection is not None and selection.meeting_id == meeting.id:
                return (meeting.id, selection.start, selection.end, meeting.text)
            remark = transcript.remark_at(transcript.cursor)
            if remark is not None and remark.start <= transcript.cursor < remark.end:
                return (meeting.id, remark.start, remark.end, meeting.text)
            span = paragraph_at(meeting.text, transcript.cursor)
            return (meeting.id, *span, meeting.text) if span else None
        remark = self.query_one(RemarkList).remark
        if remark is None:
            return None
        return (meeting.id, remark.start, remark.end, meeting.text)

    def refresh_coding(self) -> None:
        from tui.widgets.meetings.meeting_list import MeetingList
        from tui.widgets.reader.remark_list import RemarkList
        from tui.widgets.reader.transcript_view import TranscriptView

        store = getattr(self.app, "annotations", None)
        client = getattr(self.app, "client", None)
        if store is not None and client is not None:
            try:
                client.follow_counts(store.live_counts())
            except CODING_ERRORS as error:
                self.notify(str(error), severity="warning", markup=False)
        self.query_one(MeetingList).refresh_counts()
        self.query_one(RemarkList).refresh()
        self.query_one(TranscriptView).refresh()

    async def on_jump_to(self, message: JumpTo) -> None:
        """Open the meeting, show the transcript and select the span."""
        from tui.widgets.reader.transcript_view import TranscriptView

        message.stop()
        try:
            meeting = await self.app.client.meeting(message.meeting_id)  # type: ignore[attr-defined]
        except Exception as error:  # a meeting gone from the library: one sentence
            self.notify(
                f"That passage could not be shown: {error}", severity="warning", markup=False
            )
            return
        self.show_meeting(meeting)  # type: ignore[attr-defined]
        self.jump_to(meeting.id)  # type: ignore[attr-defined]  # moves the meetings cursor
        self.set_view("transcript", focus=True)  # type: ignore[attr-defined]
        transcript = self.query_one(TranscriptView)
        # Caret at the passage's start, scrolled near the top once laid out, and the
        # selection reaching to its end: a long passage is read from its beginning.
        transcript.go_to(message.start)
        if message.end > message.start:
            transcript.anchor = message.end

    def on_unmount(self) -> None:
        store = getattr(self.app, "annotations", None)
        if store is not None:
            with contextlib.suppress(*CODING_ERRORS):
                store.close()


def coding_help_groups() -> list[tuple[str, type[Any], list[type[Any]]]]:
    """Help-screen groups for the coding keys and screens: (title, HELP class, BINDINGS classes).

    For ``tui.screens.help.HelpScreen``: the app adds ``*coding_help_groups()`` to its list.
    """
    from tui.screens.analysis import AnalysisScreen
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.codebook import CodebookScreen
    from tui.screens.search import SearchScreen
    from tui.screens.speakers import SpeakersScreen
    from tui.widgets.coding.note_editor import NoteEditor
    from tui.widgets.coding.tag_picker import TagPicker

    return [
        ("Coding", CodingActions, [CodingActions]),
        ("Tag picker", TagPicker, [TagPicker]),
        ("Note", NoteEditor, [NoteEditor]),
        ("Codebook", CodebookScreen, [CodingScreen, CodebookScreen]),
        ("Bookmarks", BookmarksScreen, [BookmarksScreen]),
        ("Search", SearchScreen, [SearchScreen]),
        ("Speakers", SpeakersScreen, [SpeakersScreen]),
        ("Analysis", AnalysisScreen, [AnalysisScreen]),
    ]


class CodingCommands(Provider):
    """Command-palette entries for coding: the coding screens, undo/redo, saved searches.

    Add it to the app's ``COMMANDS``. Each saved search is an entry of its own
    ("Saved search: …"), so a named query can be re-run from anywhere in two keystrokes.
    """

    def _host(self) -> CodingActions | None:
        return next(
            (s for s in reversed(self.app.screen_stack) if isinstance(s, CodingActions)), None
        )

    def _commands(self) -> list[tuple[str, str, Any]]:
        host = self._host()
        if host is None:
            return []
        commands: list[tuple[str, str, Any]] = [
            ("Search the library", "Words, phrases and filters; saved searches (/)",
             host.action_open_search),
            ("Open the codebook", "Tags as a tree: rename, merge, colour, delete (C)",
             host.action_open_codebook),
            ("Open bookmarks", "Every bookmarked passage with its note (B)",
             host.action_open_bookmarks),
            ("Open speakers", "Everyone who speaks, and all they said (P)",
             host.action_open_speakers),
            ("Open analysis", "Tag co-occurrence and timeline (A)", host.action_open_analysis),
            ("Export coded passages…", "CSV, JSON, Markdown or REFI-QDA project (E)",
             host.action_open_export),
            ("Undo last coding action", "Tags, bookmarks, notes, codebook (u)",
             host.action_coding_undo),
            ("Redo coding action", "What undo took back (ctrl+r)", host.action_coding_redo),
        ]
        store = getattr(self.app, "annotations", None)
        if store is not None:
            with contextlib.suppress(*CODING_ERRORS):
                for name, _query, _filters in store.saved_searches():
                    # The palette reads help text as markup: no document or user text in it.
                    commands.append(
                        (f"Saved search: {name}", "Run this saved search again",
                         functools.partial(host.action_open_search, name))
                    )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                # Highlighted by hand: Matcher.highlight parses its argument as markup, and
                # a saved search's name is the user's text. A rich Text prompt is not parsed.
                prompt = Text(name)
                for offset in offsets:
                    prompt.stylize("reverse", offset, offset + 1)
                yield Hit(score, prompt, callback, text=name, help=help_text)
