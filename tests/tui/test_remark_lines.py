"""Plain remark lines made as segments are exactly what Rich ``Text`` makes of them."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tests.tui.conftest import make_app, run_async, wait_ready, wait_until
from tests.tui.fakes import LAVROV, FakeLibrary, build_meeting
from tui.speaker_colours import speaker_colour_style, speaker_style
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.strips import text_strip

WORDS = [
    "Ladies and gentlemen, we held talks with the Secretary General. " * 3,
    "东盟 外长 会议 在 雅加达 举行。" * 4,  # wide characters: two cells each
    "Привет, коллеги! Emoji 🙂 and tabs\tand [bold]markup[/] that is text. " * 2,
    "",
]


@run_async
async def test_plain_lines_match_text_strip_and_coded_lines_are_left_to_it() -> None:
    turns = [(LAVROV.name if i % 2 else None, "answer", words) for i, words in enumerate(WORDS)]
    meeting = build_meeting("m", "Talks", "2020-02-02", turns, people=(LAVROV,))
    app = make_app(lambda: FakeLibrary([meeting]), remember=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await wait_ready(pilot)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.meeting is not None, "the meeting")
        width = remarks.scrollable_content_region.width
        styles = remarks._paint_styles()
        checked = 0
        for index, start, end in remarks._lines:
            if start < 0:
                continue
            colour = speaker_style(remarks._remarks[index].speaker).color
            bar = speaker_colour_style(remarks._remarks[index].speaker)
            for base in (styles.base, styles.cursor):
                plain = remarks._plain_body_line(start, end, width, base, bar)
                text = Text()
                text.append("▌", Style(color=colour))
                text.append("  ")
                text.append_text(Text(remarks._text[start:end]))
                reference = text_strip(app.console, text, width, base)
                assert plain is not None
                assert list(plain) == list(reference)
                assert plain.cell_length == reference.cell_length == width
                checked += 1
        assert checked > 10
        # a line with coding on it is drawn the general way
        index, start, end = next(line for line in remarks._lines if line[1] >= 0)

        class OneMark:
            def overlapping(self, low: int, high: int) -> list[object]:
                return [object()]

        remarks._marks = OneMark()  # type: ignore[assignment]
        assert remarks._plain_body_line(start, end, width, styles.base, Style()) is None



@run_async
async def test_a_hard_wrapped_remark_is_drawn_as_one_paragraph() -> None:
    """A file wrapped at 70 columns drawn in a 60-column pane gave a long line and a
    one-word line by turns; the wrapping breaks are read as spaces, the real ones kept."""
    wrapped = (
        "I just have a couple of items\nfor you at the top of the briefing today.\n\n"
        "Second paragraph."
    )
    meeting = build_meeting("m", "Briefing", "2021-03-22", [(LAVROV.name, "statement", wrapped)],
                            people=(LAVROV,))
    app = make_app(lambda: FakeLibrary([meeting]), remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.meeting is not None, "the meeting")
        shown = [remarks._text[s:e] for _, s, e in remarks._lines if s >= 0]
        assert any("items for you at the top" in line for line in shown)
        assert "Second paragraph." in shown and "" in shown  # the blank line stays
        assert remarks._text.replace("items for", "items\nfor") == meeting.text
