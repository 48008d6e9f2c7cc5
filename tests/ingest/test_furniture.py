"""Page furniture is recognised by its shape, and content lines are never taken for it."""

from __future__ import annotations

import pytest

from store.ingest.furniture import (
    furniture_lines,
    is_counter,
    is_language_switcher,
    is_page_clock,
    is_ui_line,
)
from tests.conftest import CORPUS_DEV

PROSE = (
    "The two ministers discussed trade, security and the situation in the region, "
    "officials said after the talks."
)


def dropped(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in furniture_lines(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Share on Twitter",
        "Print version",
        "Subscribe to our newsletter",
        "Comment via VK",
        "Log in",
        "Related news",
        "Read more",
        "Cookie policy",
    ],
)
def test_interface_lines(line: str) -> None:
    assert is_ui_line(line, strong_only=False)


def test_glued_widgets_are_still_widgets() -> None:
    assert is_ui_line("Share on FacebookShare on Telegram", strong_only=True)


@pytest.mark.parametrize("line", ["Ladies and gentlemen,", "Question:", "Thank you.", "* * *"])
def test_content_lines_are_not_interface(line: str) -> None:
    assert furniture_lines(f"{line}\n\n{PROSE}\n") == []


@pytest.mark.parametrize(
    "line", ["fr-FR1 de-DE1 it-IT1", "English | Русский", "• en-US ru-RU", "Deutsch / English"]
)
def test_language_switchers(line: str) -> None:
    assert is_language_switcher(line)


def test_a_sentence_with_a_language_name_is_not_a_switcher() -> None:
    assert not is_language_switcher("English is spoken here")


def test_page_clock_needs_zone_and_date() -> None:
    assert is_page_clock("09:45 UTC 3 March 2021")
    assert is_page_clock("18:02 GMT +205 May 2020")
    assert not is_page_clock("March 3, 2021, 16:00")  # a transcript's header
    assert not is_page_clock("12:10 P.M. EDT")  # a briefing's start time


def test_counters() -> None:
    assert is_counter("0 01") and is_counter("1 234")
    assert not is_counter("Room 12") and not is_counter("")


def test_edges_and_duplicates() -> None:
    text = (
        "World news (archive)\nWatch live\n\nWorld news (archive)\n12\n\n"
        f"{PROSE}\n\n{PROSE}\n\nDiscussion rules\nComment via Telegram\n"
    )
    assert dropped(text) == [
        "World news (archive)",
        "Watch live",
        "World news (archive)",
        "12",
        "Discussion rules",
        "Comment via Telegram",
    ]


def test_weak_interface_words_stay_in_the_middle() -> None:
    text = f"{PROSE}\n\nMore news\n\n{PROSE}\n"
    assert dropped(text) == []


def test_strong_widget_goes_even_in_the_middle() -> None:
    text = f"{PROSE}\n\nShare on Facebook\n\n{PROSE}\n"
    assert dropped(text) == ["Share on Facebook"]


def test_wrapped_speaker_label_is_not_a_breadcrumb() -> None:
    text = f"{PROSE}\n\nJohn\nSmith: Hello there.\n\nJohn\nSmith: Goodbye.\n"
    assert dropped(text) == []


def test_stage_directions_stay() -> None:
    text = f"{PROSE}\n\n(Laughter.)\n\n(Laughter.)\n"
    assert dropped(text) == []


def test_clean_pages_lose_nothing() -> None:
    """The development pages carry no furniture: not one of their lines may go."""
    for path in sorted((CORPUS_DEV / "docs").glob("*.txt")):
        assert dropped(path.read_text(encoding="utf-8")) == [], path.name


def test_wire_page_chrome() -> None:
    text = (
        "Home | World | Politics\nEnglish | Русский | Deutsch\n"
        "23.02.2019 14:10 GMT+3 (updated 15:00)\nShare\nTweet\n"
        "Russia and Iran sign energy deal\n\n"
        f"{PROSE}\n\nRead more: Iran says oil output steady\n\n{PROSE}\n\n"
        "Follow us on Twitter\nTags: Russia, Iran, energy\n© 2019 Xinhua. All rights reserved.\n"
    )
    assert dropped(text) == [
        "Home | World | Politics", "English | Русский | Deutsch",
        "23.02.2019 14:10 GMT+3 (updated 15:00)", "Share", "Tweet",
        "Read more: Iran says oil output steady", "Follow us on Twitter",
        "Tags: Russia, Iran, energy", "© 2019 Xinhua. All rights reserved.",
    ]  # fmt: skip


def test_a_headline_with_a_site_name_is_not_a_breadcrumb() -> None:
    text = f"Russia and Iran sign a long-term energy deal | Reuters\n\n{PROSE}\n"
    assert dropped(text) == []
