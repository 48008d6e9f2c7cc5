"""Search the whole library, narrow it with filters, and keep searches that matter.

The query uses the library's syntax (words, ``"exact phrases"``, ``prefix*``, ``OR``,
``-word``). Filters combine with it: speaker, participant, outlet, date range and remark
kind go to the library as :class:`store.library.Filters`; tag, bookmarked and has-note are
what the person coded, so they narrow the search to those meetings and then keep only hits
that overlap a matching annotation. With filters and no words, the matching coded
passages (or the speaker's remarks) are listed instead.

Searches run in a worker thread (the latest one wins), so typing never waits for the
index. Results are ranked by the index, capped at :data:`MAX_ROWS` with a "showing N of M"
line. Saved searches sit in a pane on the left like a feed reader's query feeds: each is
re-run when the screen opens, so its count follows the library as it grows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.library import Filters
from store.models import REMARK_KINDS, Annotation
from store.search import parse_query
from tui.coding import CodingScreen
from tui.widgets.coding.confirm import ConfirmDialog
from tui.widgets.coding.passage_list import MAX_ROWS, PassageItem, PassageList
from tui.widgets.coding.passage_source import annotation_items, hit_items, remark_items
from tui.widgets.coding.text_prompt import TextPrompt

SEARCH_LIMIT = 5000
"""How many hits a search asks the index for; more are reported as "5000+"."""

FILTER_KEYS: tuple[str, ...] = (
    "speaker",
    "participant",
    "outlet",
    "date_from",
    "date_to",
    "kind",
    "tag",
    "bookmarked",
    "has_note",
)
"""The keys of a saved search's filters dict (missing keys mean "any")."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What one search found: rows to show, how many in all, and a line about it."""

    items: list[PassageItem]
    total: int
    status: str
    more: bool = False


def clean_filters(raw: dict[str, Any]) -> dict[str, Any]:
    """Only known keys with a value worth keeping (so saved searches stay small)."""
    out: dict[str, Any] = {}
    for key in FILTER_KEYS:
        value = raw.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value:
            out[key] = value
    return out


def annotation_matches(annotation: Annotation, f: dict[str, Any]) -> bool:
    """Whether ``annotation`` passes the coded-passage filters (tag, bookmark, note)."""
    tag = f.get("tag")
    if tag and not any(t == tag or t.startswith(tag + "/") for t in annotation.tags):
        return False
    if f.get("bookmarked") and not annotation.bookmark:
        return False
    return not (f.get("has_note") and not annotation.note.strip())


def library_filters(f: dict[str, Any], meeting_ids: frozenset[str] | None = None) -> Filters:
    """The part of ``f`` the library applies itself."""
    return Filters(
        speaker=f.get("speaker") or None,
        participant=f.get("participant") or None,
        outlet=f.get("outlet") or None,
        date_from=f.get("date_from") or None,
        date_to=f.get("date_to") or None,
        kinds=(f["kind"],) if f.get("kind") else (),
        meeting_ids=meeting_ids,
    )


def match_patterns(query: str) -> tuple[str, ...]:
    """Regular expressions for the query's words and phrases, to highlight them in rows."""
    try:
        parsed = parse_query(query)
    except ValueError:
        return ()
    patterns = []
    for term in parsed.terms:
        body = r"\W+".join(re.escape(token) for token in term.tokens)
        patterns.append(rf"\b{body}" + (r"\w*" if term.prefix else r"\b"))
    return tuple(patterns)


def run_search(
    library: Any,
    annotations: list[Annotation],
    query: str,
    raw_filters: dict[str, Any],
    colours: dict[str, str] | None = None,
) -> SearchResult:
    """Run ``query`` with filters against the library and the coded passages.

    Raises the library's ``QueryError`` (a ``ValueError`` with one sentence) for a query
    that cannot be run.
    """
    f = clean_filters(raw_filters)
    coded = any(f.get(k) for k in ("tag", "bookmarked", "has_note"))
    chosen = (
        [a for a in annotations if annotation_matches(a, f) and not a.orphaned] if coded else []
    )
    meeting_ids = frozenset(a.meeting_id for a in chosen) if coded else None
    filters = library_filters(f, meeting_ids)
    if query.strip():
        hits = library.search(query, filters, limit=SEARCH_LIMIT)
        more = len(hits) >= SEARCH_LIMIT
        if coded:
            spans: dict[str, list[tuple[int, int]]] = {}
            for a in chosen:
                spans.setdefault(a.meeting_id, []).append((a.anchor.start, a.anchor.end))
            hits = [
                h
                for h in hits
                if any(s < h.end and h.start < e for s, e in spans.get(h.meeting_id, ()))
            ]
        marks = match_patterns(query)
        items = [replace(item, marks=marks) for item in hit_items(hits)]
        what = "hit"
    elif coded:
        allowed = {
            r.id
            for r in library.rows(
                filters=library_filters({**f, "speaker": None, "kind": None}, meeting_ids)
            )
        }
        items = annotation_items(
            library, [a for a in chosen if a.meeting_id in allowed], colours, with_tags=True
        )
        if f.get("speaker"):
            names = (
                set(library.resolve_names(f["speaker"]))
                if hasattr(library, "resolve_names")
                else {f["speaker"]}
            )
            items = [i for i in items if i.speaker in names]
        more = False
        what = "coded passage"
    elif f.get("speaker"):
        allowed = {r.id for r in library.rows(filters=library_filters({**f, "kind": None}))}
        pairs = [
            (row, remark)
            for row, remark in library.remarks_by(f["speaker"])
            if row.id in allowed and (not f.get("kind") or remark.kind == f["kind"])
        ]
        items = remark_items(pairs)
        more = False
        what = "remark"
    else:
        return SearchResult([], 0, "Type words to search, or choose a filter.")
    total = len(items)
    count = f"{total}{'+' if more else ''}"
    status = f"{count} {what}{'s' * (total != 1)}"
    if total > MAX_ROWS:
        status += f" — showing {MAX_ROWS} of {count}"
    return SearchResult(items, total, status, more)


class SearchScreen(CodingScreen):
    """Query, filters, ranked results and saved searches."""

    HELP: ClassVar[str | None] = (
        '## Search\n\nType words, "phrases", prefix\\*; tab through the filters; enter in the '
        "query goes to the results; enter on a result shows it in context. ctrl+s saves "
        "the search; saved searches (left) re-run when opened, enter loads one, d deletes; "
        "ctrl+t shows the query's hits per month or year."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save search", id="search.save"),
        Binding("ctrl+l", "focus_query", "Query", id="search.query"),
        Binding("ctrl+o", "focus_saved", "Saved", id="search.saved"),
        Binding("ctrl+x", "clear_filters", "Clear filters", id="search.clear"),
        Binding("d", "delete_saved", "Delete saved", show=False, id="search.delete_saved"),
        Binding("ctrl+t", "timeline", "Timeline", id="search.timeline"),
    ]

    DEFAULT_CSS = """
    SearchScreen #panes { height: 1fr; }
    SearchScreen #saved-pane {
        width: 22%; min-width: 16; max-width: 32; border-right: solid $panel;
    }
    SearchScreen #saved { height: 1fr; }
    SearchScreen #main { width: 1fr; }
    SearchScreen #query { margin: 0 1; }
    SearchScreen .filters { height: auto; padding: 0 1; }
    SearchScreen .filters Input { width: 1fr; margin-right: 1; }
    SearchScreen .filters Select { width: 1fr; min-width: 12; margin-right: 1; }
    SearchScreen .filters Checkbox { width: auto; margin-right: 1; }
    SearchScreen #results { height: 1fr; }
    """

    def __init__(
        self, library: Any, store: Any, query: str = "", *, saved: str | None = None
    ) -> None:
        """``query`` pre-fills the query box; ``saved`` opens that saved search instead."""
        super().__init__(library, store)
        self._initial_query = query
        self._initial_saved = saved
        self._saved: list[tuple[str, str, dict[str, Any]]] = []
        self._loading_saved = False
        self.last_result: SearchResult | None = None

    def compose(self) -> ComposeResult:
        yield Static("Search", id="title")
        with Horizontal(id="panes"):
            with Vertical(id="saved-pane"):
                yield Static("Saved searches", classes="pane-title")
                yield OptionList(id="saved", markup=False)
            with Vertical(id="main"):
                yield Input(
                    self._initial_query, placeholder='words, "a phrase", prefix*', id="query"
                )
                with Horizontal(classes="filters"):
                    yield Input(placeholder="speaker", id="speaker", compact=True)
                    yield Input(placeholder="participant", id="participant", compact=True)
                    yield Input(placeholder="outlet", id="outlet", compact=True)
                    yield Input(placeholder="from YYYY-MM-DD", id="date_from", compact=True)
                    yield Input(placeholder="to YYYY-MM-DD", id="date_to", compact=True)
                with Horizontal(classes="filters"):
                    yield Select(
                        [(Text(k), k) for k in REMARK_KINDS],
                        prompt="any kind",
                        id="kind",
                        compact=True,
                    )
                    yield Select(
                        [(Text(t.name), t.name) for t in self.store.tags()],
                        prompt="any tag",
                        id="tag",
                        compact=True,
                    )
                    yield Checkbox("bookmarked", id="bookmarked", compact=True)
                    yield Checkbox("has note", id="has_note", compact=True)
                yield Static("", id="status", classes="status")
                yield PassageList(id="results", empty="No results.")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self.reload_saved()
        if self._initial_saved is not None and self.open_saved(self._initial_saved):
            return
        self.run()

    # -- the form ------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The filters as they are set in the form."""
        out: dict[str, Any] = {}
        for key in ("speaker", "participant", "outlet", "date_from", "date_to"):
            out[key] = self.query_one(f"#{key}", Input).value
        for key in ("kind", "tag"):
            value = self.query_one(f"#{key}", Select).value
            out[key] = None if value is Select.NULL else value
        for key in ("bookmarked", "has_note"):
            out[key] = self.query_one(f"#{key}", Checkbox).value
        return clean_filters(out)

    def set_form(self, query: str, filters: dict[str, Any]) -> None:
        """Fill the form with a query and filters (e.g. from a saved search)."""
        self._loading_saved = True
        try:
            self.query_one("#query", Input).value = query
            for key in ("speaker", "participant", "outlet", "date_from", "date_to"):
                self.query_one(f"#{key}", Input).value = str(filters.get(key) or "")
            for key in ("kind", "tag"):
                select = self.query_one(f"#{key}", Select)
                value = filters.get(key)
                if value and key == "tag" and value not in {t.name for t in self.store.tags()}:
                    self.notify(
                        f"The tag {value} no longer exists.", severity="warning", markup=False
                    )
                    value = None
                if value:
                    select.value = value
                else:
                    select.clear()
            for key in ("bookmarked", "has_note"):
                self.query_one(f"#{key}", Checkbox).value = bool(filters.get(key))
        finally:
            self._loading_saved = False
        self.run()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _form_changed(self, event: Any) -> None:
        event.stop()
        if not self._loading_saved:
            self.run()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run()
        results = self.query_one("#results", PassageList)
        if results.items:
            results.focus()

    def action_focus_query(self) -> None:
        """Back to the query box."""
        self.query_one("#query", Input).focus()

    def action_focus_saved(self) -> None:
        """To the saved searches."""
        self.query_one("#saved", OptionList).focus()

    def action_clear_filters(self) -> None:
        """Reset every filter, keep the words."""
        self.set_form(self.query_one("#query", Input).value, {})

    # -- running -------------------------------------------------------------------------

    def run(self) -> None:
        """Start the search for what the form says; the newest search wins."""
        self.query_one("#status", Static).update(Text("searching…"))
        query = self.query_one("#query", Input).value
        filters = self.filters()
        coded = any(filters.get(k) for k in ("tag", "bookmarked", "has_note"))
        # Only coded-passage filters need the annotations; skip copying them otherwise.
        annotations = list(self.store.all()) if coded else []
        self._search(query, filters, annotations, self.tag_colours())

    @work(thread=True, exclusive=True, group="search")
    def _search(
        self,
        query: str,
        filters: dict[str, Any],
        annotations: list[Annotation],
        colours: dict[str, str],
    ) -> None:
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        try:
            result = run_search(self.library, annotations, query, filters, colours)
        except ValueError as error:  # the library's QueryError: one sentence
            result = SearchResult([], 0, str(error))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, result)

    def _show(self, result: SearchResult) -> None:
        self.last_result = result
        self.query_one("#status", Static).update(Text(result.status))
        total = result.total
        self.query_one("#results", PassageList).set_items(
            result.items, total, empty=result.status if not result.items else None
        )

    # -- saved searches ----------------------------------------------------------------

    def reload_saved(self) -> None:
        """List the saved searches and re-run each one to count its hits now."""
        self._saved = [(n, q, dict(f)) for n, q, f in self.store.saved_searches()]
        self._draw_saved({})
        if self._saved:
            self._count_saved(list(self._saved), list(self.store.all()))

    def _draw_saved(self, counts: dict[str, str]) -> None:
        saved = self.query_one("#saved", OptionList)
        keep = saved.highlighted
        options = []
        for name, _query, _filters in self._saved:
            label = Text(name)
            label.append(f"  {counts.get(name, '…')}", style="dim")
            options.append(Option(label, id=name))
        saved.set_options(
            options or [Option(Text("none yet (ctrl+s saves)", style="dim"), disabled=True)]
        )
        if options:
            saved.highlighted = min(keep or 0, len(options) - 1)

    @work(thread=True, exclusive=True, group="saved-counts")
    def _count_saved(
        self, saved: list[tuple[str, str, dict[str, Any]]], annotations: list[Annotation]
    ) -> None:
        counts: dict[str, str] = {}
        for name, query, filters in saved:
            try:
                result = run_search(self.library, annotations, query, filters)
                counts[name] = f"{result.total}{'+' if result.more else ''}"
            except ValueError:
                counts[name] = "!"
        self.app.call_from_thread(self._draw_saved, counts)

    @on(OptionList.OptionSelected, "#saved")
    def _open_saved(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.open_saved(event.option_id)

    def open_saved(self, name: str) -> bool:
        """Load the saved search ``name`` into the form and run it; ``False`` if unknown."""
        for saved_name, query, filters in self._saved:
            if saved_name == name:
                self.set_form(query, filters)
                self.query_one("#title", Static).update(Text.assemble("Search — ", (name, "bold")))
                self.query_one("#results", PassageList).focus()
                return True
        self.notify(f"There is no saved search called {name}.", severity="warning", markup=False)
        return False

    def action_save(self) -> None:
        """Save the query and filters under a name (an existing name is replaced)."""
        query = self.query_one("#query", Input).value.strip()
        filters = self.filters()
        if not query and not filters:
            self.notify("Type a query or set a filter first.", severity="warning", markup=False)
            return
        names = [n for n, _, _ in self._saved]

        def done(name: str | None) -> None:
            if not name:
                return
            self.store.save_search(name, query, filters)
            self.reload_saved()
            self.notify(f"Saved search {name}.", timeout=2, markup=False)

        self.app.push_screen(
            TextPrompt("Name of this search:", query[:40], suggestions=names), done
        )

    def action_delete_saved(self) -> None:
        """Delete the highlighted saved search (asks first)."""
        saved = self.query_one("#saved", OptionList)
        if not saved.has_focus:
            return
        option = saved.highlighted_option
        if option is None or option.id is None:
            return
        name = option.id

        def done(yes: bool | None) -> None:
            if yes:
                self.store.delete_search(name)
                self.reload_saved()

        self.app.push_screen(
            ConfirmDialog(Text.assemble("Delete the saved search ", (name, "bold"), "?")), done
        )

    def coding_changed(self) -> None:
        self.run()

    def action_timeline(self) -> None:
        """Show the current query's hits per month or year."""
        query = self.query_one("#query", Input).value.strip()
        if not query:
            self.notify("Type words to search first.", severity="warning", markup=False)
            return
        from tui.screens.analysis import AnalysisScreen

        self.app.push_screen(
            AnalysisScreen(self.library, self.store, tab="timeline", source="search", query=query)
        )
