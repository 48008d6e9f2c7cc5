"""The meeting header: always five lines, each part cut with "…" rather than pushed off."""

from __future__ import annotations

from textual.app import App, ComposeResult

from store.models import Meeting, Person
from tests.tui.conftest import run_async
from tui.widgets.reader.meeting_header import HEIGHT, MeetingHeader


def _meeting(title: str, people: int) -> Meeting:
    return Meeting(
        id="m", title=title, date="2015-06-11", date_inferred=False, place="Moscow",
        outlet="Ministry [of] Foreign Affairs", kind="transcript",
        participants=tuple(Person(f"Person [{i}]", role="Minister") for i in range(people)),
        remarks=(), text="", source="x.txt",
    )


class HeaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield MeetingHeader()


def _lines(header: MeetingHeader) -> list[str]:
    return [str(header.render_line(y).text).rstrip() for y in range(header.size.height)]


@run_async
async def test_long_title_and_many_people_fit_in_five_lines() -> None:
    app = HeaderApp()
    async with app.run_test(size=(80, 20)) as pilot:
        header = app.query_one(MeetingHeader)
        header.show_meeting(_meeting("Talks on [bold]the[/] treaty " * 20, 40))
        await pilot.pause()
        lines = _lines(header)
        assert header.size.height == HEIGHT
        assert lines[0].startswith("Talks on [bold]the[/] treaty")  # text, not markup
        assert lines[2].endswith("…")  # three lines of title at most
        assert lines[3] == "2015-06-11 · Moscow · Ministry [of] Foreign Affairs · transcript"
        assert lines[4].startswith("Person [0] (Minister), Person [1]")
        assert lines[4].endswith("…")


@run_async
async def test_short_title_leaves_room_for_people_and_height_never_changes() -> None:
    app = HeaderApp()
    async with app.run_test(size=(60, 20)) as pilot:
        header = app.query_one(MeetingHeader)
        header.show_meeting(_meeting("Talks", 12))
        await pilot.pause()
        lines = _lines(header)
        assert lines[0] == "Talks"
        assert lines[2].startswith("Person [0]")  # the people get the title's spare lines
        assert header.size.height == HEIGHT
        header.show_meeting(None)
        await pilot.pause()
        assert _lines(header)[0] == "No meeting selected."
        assert header.size.height == HEIGHT
