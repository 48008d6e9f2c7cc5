"""Meeting rows made as segments draw exactly what Rich ``Text`` drew of them before."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from tests.tui.conftest import make_app, run_async, wait_ready
from tests.tui.fakes import BigLibrary, Row
from tui.speaker_colours import speaker_colour
from tui.text_layout import display_text
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.strips import text_strip

ROWS = [
    Row("a", "2015-06-11", "Talks on [bold]the[/] treaty " * 4, "MID", "transcript", "Moscow",
        ("Sergey Lavrov", "Iyad Ameen Madani", "王毅"), 5, "a.txt"),
    Row("b", None, "", None, "news", None, (), 0, "b.txt"),
    Row("c", "2004-05-21", "东盟外长会议在雅加达举行" * 3, "新华社", "news", "Jakarta", (), 1, "c"),
    Row("d", "2020-01-01", "Short", None, "news", "Berlin", ("王毅外长",) * 9, 999, "d"),
    Row("e", "2021-02-02", "Emoji 🙂 title", "Outlet", "news", None, ("A", "B"), 3, "e"),
]


def _reference(view: MeetingList, row: Row, part: int, width: int, styles: object) -> Text:
    """The row as the list drew it through ``Text`` (the code the segments replaced)."""
    if part == 0:
        text = Text(" ")
        text.append(f"{row.date or '—':<10}", styles.date)  # type: ignore[attr-defined]
        text.append("  ")
        text.append(display_text(row.title or "(untitled)"), styles.title)  # type: ignore[attr-defined]
        return text
    counts = f" ¶{row.n_remarks:>3} #{0:>2} ★{0:>2} "
    meta_width = max(0, width - len(counts) - 13)
    meta_style = styles.meta  # type: ignore[attr-defined]
    meta = Text()
    if row.participants:
        for index, name in enumerate(row.participants):
            if index:
                meta.append(", ", meta_style)
            meta.append(display_text(name), Style(color=speaker_colour(name)))
    else:
        meta.append(display_text(row.outlet or row.place or ""), meta_style)
    if meta.cell_len > meta_width:
        meta.truncate(max(0, meta_width - 1))
        if meta_width:
            meta.append("…", meta_style)
    meta.pad_right(meta_width - meta.cell_len)
    text = Text(" " * 13)
    text.append_text(meta)
    text.append(counts, styles.counts)  # type: ignore[attr-defined]
    return text


@run_async
async def test_rows_as_segments_are_the_rows_text_drew_at_every_width() -> None:
    app = make_app(lambda: BigLibrary(10), remember=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await wait_ready(pilot)
        view = app.screen.query_one(MeetingList)
        styles = view._paint_styles()
        checked = 0
        for width in (0, 1, 14, 20, 33, 47, 80):
            for row in ROWS:
                for part in (0, 1):
                    for base in (styles.base, styles.cursor):
                        made = Segment.adjust_line_length(
                            view._row_segments(row, part, width, styles), width, base
                        )
                        made = list(Segment.apply_style(made, base))
                        reference = text_strip(
                            app.console, _reference(view, row, part, width, styles), width, base
                        )
                        assert list(Segment.simplify(made)) == list(
                            Segment.simplify(reference)
                        ), (row.id, part, width)
                        assert sum(s.cell_length for s in made) == width
                        assert all(s.text for s in made) or not width  # none empty
                        checked += 1
        assert checked == 7 * len(ROWS) * 4
