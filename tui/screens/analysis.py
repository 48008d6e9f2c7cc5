"""Analysis: which codes go together, and when things happen.

**Co-occurrence** lists every pair of tags applied to the same passage or to overlapping
passages in one meeting, most frequent first (``store.analysis.cooccurrence`` does the
counting); ``enter`` on a pair lists the passage pairs that are the evidence, and
``enter`` on one shows it in context.

**Timeline** draws, per month or per year (``p`` switches), how many meetings there are,
or how many passages carry a tag, or how many search hits fall in each period, as a bar
chart in the terminal (textual-plotext). Periods with nothing in them are drawn as zero
so gaps are visible; meetings without a known year are counted and reported, not drawn.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Input, Select, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from store.analysis import (
    UNDATED,
    Period,
    cooccurrence,
    counts_by_period,
    meeting_counts_by_period,
)
from store.codebook import is_within
from store.models import Annotation
from tui.coding import CodingScreen
from tui.screens.search import SEARCH_LIMIT, run_search
from tui.widgets.coding.passage_list import MAX_ROWS, PassageItem, PassageList
from tui.widgets.coding.passage_source import MeetingCache, remark_at

Pair = tuple[str, str]


def pair_items(
    library: Any, evidence: list[tuple[Annotation, Annotation]], pair: Pair, colours: dict[str, str]
) -> list[PassageItem]:
    """One row per passage pair: the span covering both, quoted from the longer one."""
    cache = MeetingCache(library)
    items: list[PassageItem] = []
    for first, second in evidence:
        start = min(first.anchor.start, second.anchor.start)
        end = max(first.anchor.end, second.anchor.end)
        longer = first if len(first.anchor.exact) >= len(second.anchor.exact) else second
        row = cache.row(first.meeting_id)
        meeting = cache.meeting(first.meeting_id)
        remark = remark_at(meeting, start, end) if meeting else None
        items.append(
            PassageItem(
                meeting_id=first.meeting_id,
                start=start,
                end=end,
                text=longer.anchor.exact,
                date=row.date if row else None,
                title=row.title if row else "(meeting no longer in the library)",
                speaker=remark.speaker if remark else None,
                tags=pair,
                extra="same passage" if first is second else "overlapping passages",
                colours=colours,
            )
        )
    items.sort(key=lambda i: (i.date or "9999", i.meeting_id, i.start))
    return items


class AnalysisScreen(CodingScreen):
    """Tag co-occurrence table and a timeline chart."""

    HELP: ClassVar[str | None] = (
        "## Analysis\n\n1 co-occurrence, 2 timeline. Co-occurrence: enter on a pair lists its "
        "passages, enter again shows one in context. Timeline: choose meetings, a tag or "
        "a search; p switches between months and years."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('cooc')", "Co-occurrence", id="analysis.cooccurrence"),
        Binding("2", "tab('timeline')", "Timeline", id="analysis.timeline"),
        Binding("p", "toggle_period", "Month/year", id="analysis.period"),
        Binding("tab", "switch_pane", "Switch pane", show=False, id="analysis.switch"),
    ]

    DEFAULT_CSS = """
    AnalysisScreen TabbedContent { height: 1fr; }
    AnalysisScreen #cooc-panes { height: 1fr; }
    AnalysisScreen #pairs { width: 45%; min-width: 36; height: 1fr; border-right: solid $panel; }
    AnalysisScreen #pair-right { width: 1fr; }
    AnalysisScreen #timeline-controls { height: auto; padding: 0 1; }
    AnalysisScreen #source { width: 40; }
    AnalysisScreen #timeline-query { width: 1fr; }
    AnalysisScreen #plot { height: 1fr; }
    """

    def __init__(
        self, library: Any, store: Any, *, period: Period = "month", tab: str = "cooc",
        source: str = "meetings", query: str = "",
    ) -> None:
        """``tab``, ``source`` (``meetings``, ``search``, ``tag:NAME``, ``saved:NAME``) and
        ``query`` choose what is shown first, e.g. the timeline of a tag from the codebook."""
        super().__init__(library, store)
        self._initial = (tab, source, query)
        self.period: Period = period
        self.series: list[tuple[str, int]] = []
        self.undated = 0
        self._pairs: dict[Pair, list[tuple[Annotation, Annotation]]] = {}
        self.pair: Pair | None = None
        self._timeline_drawn = False

    def compose(self) -> ComposeResult:
        yield Static("Analysis", id="title")
        tab, source, query = self._initial
        with TabbedContent(initial=tab):
            with TabPane("Co-occurrence", id="cooc"), Horizontal(id="cooc-panes"):
                table: DataTable[Text] = DataTable(
                    id="pairs", cursor_type="row", zebra_stripes=True
                )
                yield table
                with Vertical(id="pair-right"):
                    yield Static("", id="pair-title", classes="pane-title")
                    yield PassageList(id="pair-passages", empty="Choose a pair of tags.")
            with TabPane("Timeline", id="timeline"):
                with Horizontal(id="timeline-controls"):
                    options: list[tuple[Text, str]] = [
                        (Text("All meetings"), "meetings"),
                        (Text("Search hits"), "search"),
                    ]
                    options += [
                        (Text(f"Tag: {t.name}"), f"tag:{t.name}") for t in self.store.tags()
                    ]
                    options += [
                        (Text(f"Saved search: {name}"), f"saved:{name}")
                        for name, _query, _filters in self.store.saved_searches()
                    ]
                    if source not in {value for _, value in options}:
                        source = "meetings"
                    yield Select(
                        options, value=source, allow_blank=False, id="source", compact=True
                    )
                    yield Input(
                        query,
                        placeholder="search words for the timeline",
                        id="timeline-query",
                        compact=True,
                    )
                yield PlotextPlot(id="plot")
                yield Static("", id="timeline-status", classes="status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#pairs", DataTable)
        table.add_column("Passages", key="n")  # first: narrow terminals cut the right side
        table.add_column("Tag", key="a")
        table.add_column("Tag", key="b")
        self.reload_pairs()
        if self._initial[0] == "timeline":
            self.action_tab("timeline")
        else:
            table.focus()  # the timeline is counted when its tab is first shown

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        if event.pane.id == "timeline" and not self._timeline_drawn:
            self.draw_timeline()

    def action_tab(self, tab: str) -> None:
        """Show the co-occurrence table or the timeline."""
        self.query_one(TabbedContent).active = tab
        if tab == "timeline" and not self._timeline_drawn:
            self.draw_timeline()
        if tab == "cooc":
            self.query_one("#pairs", DataTable).focus()
        else:
            self.query_one("#source", Select).focus()

    def action_switch_pane(self) -> None:
        """Within a tab, move focus to the next control."""
        self.focus_next()

    # -- co-occurrence -------------------------------------------------------------------

    def reload_pairs(self) -> None:
        """Count the tag pairs again from the store."""
        self._pairs = cooccurrence(self.store.all())
        colours = self.tag_colours()
        ranked = sorted(self._pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        table = self.query_one("#pairs", DataTable)
        table.clear()
        for (a, b), evidence in ranked[:MAX_ROWS]:
            table.add_row(
                Text(str(len(evidence)), justify="right"),
                Text.assemble(("■ ", colours.get(a, "")), a),
                Text.assemble(("■ ", colours.get(b, "")), b),
                key=f"{a}\x00{b}",
            )
        title = self.query_one("#pair-title", Static)
        if not ranked:
            title.update(Text("No two tags share a passage yet.", style="dim"))
        elif len(ranked) > MAX_ROWS:
            title.update(Text(f"showing {MAX_ROWS} of {len(ranked)} pairs"))
        else:
            title.update(Text(f"{len(ranked)} pair{'s' * (len(ranked) != 1)} of tags"))

    @on(DataTable.RowSelected, "#pairs")
    def _pair_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        a, _, b = key.partition("\x00")
        self.pair = (a, b)
        evidence = self._pairs.get(self.pair, [])
        self.query_one("#pair-title", Static).update(
            Text.assemble((a, "bold"), " with ", (b, "bold"), f": {len(evidence)} passage pairs")
        )
        self._load_pair(self.pair, evidence[: MAX_ROWS * 2], len(evidence), self.tag_colours())

    @work(thread=True, exclusive=True, group="pair-passages")
    def _load_pair(
        self,
        pair: Pair,
        evidence: list[tuple[Annotation, Annotation]],
        total: int,
        colours: dict[str, str],
    ) -> None:
        items = pair_items(self.library, evidence, pair, colours)
        self.app.call_from_thread(self._got_pair, items, total)

    def _got_pair(self, items: list[PassageItem], total: int) -> None:
        passages = self.query_one("#pair-passages", PassageList)
        passages.set_items(items, total)
        if items:
            passages.focus()

    # -- timeline ------------------------------------------------------------------------

    def action_toggle_period(self) -> None:
        """Switch the timeline between months and years."""
        self.period = "year" if self.period == "month" else "month"
        self.draw_timeline()

    @on(Select.Changed, "#source")
    def _source_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self._timeline_drawn:  # the Select's first Changed comes at mount: not yet
            self.draw_timeline()

    @on(Input.Changed, "#timeline-query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        source = self.query_one("#source", Select)
        if event.value.strip() and source.value != "search":
            source.value = "search"  # the Select.Changed that follows redraws
        elif self._timeline_drawn:
            self.draw_timeline()

    def draw_timeline(self) -> None:
        """Count the chosen thing per period (in a worker) and draw it."""
        self._timeline_drawn = True
        source = self.query_one("#source", Select).value
        query = self.query_one("#timeline-query", Input).value
        tag_ids: list[str] = []
        saved: tuple[str, dict[str, Any]] | None = None
        annotations: list[Annotation] = []
        if isinstance(source, str) and source.startswith("saved:"):
            for name, saved_query, filters in self.store.saved_searches():
                if name == source[6:]:
                    saved = (saved_query, dict(filters))
                    annotations = list(self.store.all())
        if isinstance(source, str) and source.startswith("tag:"):
            tag = source[4:]
            tag_ids = [
                a.meeting_id
                for a in self.store.all()
                if not a.orphaned and any(is_within(t, tag) for t in a.tags)
            ]
        self.query_one("#timeline-status", Static).update(Text("counting…"))
        self._count(str(source), query, tag_ids, self.period, saved, annotations)

    @work(thread=True, exclusive=True, group="timeline")
    def _count(
        self, source: str, query: str, tag_ids: list[str], period: Period,
        saved: tuple[str, dict[str, Any]] | None = None,
        annotations: list[Annotation] | None = None,
    ) -> None:
        label = "meetings"
        try:
            if source.startswith("saved:"):
                label = f"hits of the saved search {source[6:]}"
                if saved is None:
                    raise LookupError(f"There is no saved search called {source[6:]}.")
                result = run_search(self.library, annotations or [], saved[0], saved[1])
                series = counts_by_period(result.items, period)
            elif source == "meetings":
                series = meeting_counts_by_period(self.library, period)
            elif source == "search":
                label = f"hits for “{query.strip()}”"
                if not query.strip():
                    message = "Type words above to see when they were said."
                    self.app.call_from_thread(self._drew, [], 0, period, label, message)
                    return
                series = counts_by_period(self.library.search(query, limit=SEARCH_LIMIT), period)
            else:
                label = f"passages tagged {source[4:]}"
                series = counts_by_period(tag_ids, period, library=self.library)
        except (ValueError, LookupError) as error:  # QueryError, a meeting or search gone
            self.app.call_from_thread(self._drew, [], 0, period, label, str(error))
            return
        undated = sum(n for p, n in series if p == UNDATED)
        dated = [(p, n) for p, n in series if p != UNDATED]
        self.app.call_from_thread(self._drew, dated, undated, period, label, "")

    def _drew(
        self, series: list[tuple[str, int]], undated: int, period: Period, label: str, error: str
    ) -> None:
        self.series = series
        self.undated = undated
        plot = self.query_one("#plot", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        per = "month" if period == "month" else "year"
        plt.title(f"{label} per {per}")
        if series:
            xs = list(range(len(series)))
            plt.bar(xs, [n for _, n in series], width=0.6)
            step = max(1, len(series) // max(1, plot.size.width // 10 or 8))
            plt.xticks(xs[::step], [p for p, _ in series][::step])
            top = max(n for _, n in series)
            plt.yticks(sorted({round(top * i / 4) for i in range(5)}))  # whole numbers only
        plot.refresh()
        status = self.query_one("#timeline-status", Static)
        if error:
            status.update(Text(error))
            return
        total = sum(n for _, n in series) + undated
        line = f"{total} {label} in {len(series)} {per}s (p: months/years)"
        if undated:
            line += f"; {undated} without a known year {'is' if undated == 1 else 'are'} not drawn"
        if not series and not undated:
            line = f"No {label}."
        status.update(Text(line))

    def coding_changed(self) -> None:
        self.reload_pairs()
        if self._timeline_drawn:
            self.draw_timeline()

