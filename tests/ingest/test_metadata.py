"""Transcript headers: title, date, place, outlet, the title's people, sections."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.ingest.document import Page
from store.ingest.metadata import (
    _is_date_line,
    find_date,
    find_outlet,
    people_in_title,
    read_header,
)


def header(text: str, **page: str):
    return read_header(text, Page(text=text, **page))


def test_kremlin_header_lines() -> None:
    text = (
        "Meeting with Chairman of the Investigative Committee Alexander Bastrykin\n"
        "February 21, 2013, 16:00\nThe Kremlin, Moscow\n\n"
        "Vladimir Putin had a working meeting with Alexander Bastrykin.\n\n* * *\n\n"
        "President of Russia Vladimir Putin: Good afternoon.\n"
    )
    h = header(text)
    assert h.title.startswith("Meeting with Chairman")
    assert h.date == "2013-02-21" and not h.date_inferred
    assert h.place == "The Kremlin, Moscow"
    assert h.outlet and "President of Russia" in h.outlet
    assert text[h.body_start :].startswith("Vladimir Putin had")
    assert [(s.title, text[s.start : s.start + 5]) for s in h.sections] == [("* * *", "* * *")]
    (bastrykin,) = h.people
    assert bastrykin.name == "Alexander Bastrykin"
    assert bastrykin.role == "Chairman of the Investigative Committee"


def test_glued_clock_and_title_date_and_place() -> None:
    text = (
        "Asset Publisher\n\n11 June 201518:30\n\n"
        "Foreign Minister Sergey Lavrov’s statement and answers to media questions at a joint "
        "news conference following talks with Secretary General of the Organisation of "
        "Islamic Cooperation Iyad Ameen Madani, Moscow, June 11, 2015\n\n"
        "Ladies and gentlemen,\n\nWe held talks with the Russian Foreign Ministry team.\n"
    )
    h = header(text)
    assert h.title.startswith("Foreign Minister Sergey Lavrov’s statement")
    assert h.date == "2015-06-11"
    assert h.place == "Moscow"
    assert h.outlet == "Russian Ministry of Foreign Affairs"
    names = {p.name: p.role for p in h.people}
    assert names == {
        "Sergey Lavrov": "Foreign Minister",
        "Iyad Ameen Madani": "Secretary General of the Organisation of Islamic Cooperation",
    }
    assert text[h.body_start :].startswith("Ladies and gentlemen,")


def test_page_clock_is_never_the_date() -> None:
    assert find_date("14:10 GMT +3 23 February 2019") is None
    text = "14:10 GMT +3 23 February 2019\n\nTalks in Moscow\n\nVladimir Putin: Hello.\n"
    assert header(text).date is None


def test_white_house_header() -> None:
    text = (
        "Press Gaggle by Press Secretary Karine Jean-Pierre and National Security Advisor "
        "Jake Sullivan En Route Phnom Penh, Cambodia\n\n \nAboard Air Force One  \n"
        "En Route Phnom Penh, Cambodia\n\n7:18 A.M. ICT  \n  \nMS. JEAN-PIERRE:  Hey.\n"
    )
    h = header(text, source="briefings/2022-11-11-press-gaggle.md")
    assert h.place == "Aboard Air Force One, En Route Phnom Penh, Cambodia"
    assert h.outlet == "The White House"
    assert h.date == "2022-11-11" and h.date_inferred  # from the file name only
    assert {p.name for p in h.people} == {"Karine Jean-Pierre", "Jake Sullivan"}
    assert text[h.body_start :].startswith("MS. JEAN-PIERRE")


def test_html_page_title_and_date_win() -> None:
    text = "Some heading\n\nVladimir Putin: Hello.\n"
    h = header(text, title="Talks with President of France Emmanuel Macron", date="2017-07-08")
    assert h.title == "Talks with President of France Emmanuel Macron"
    assert h.date == "2017-07-08"
    assert [p.name for p in h.people] == ["Emmanuel Macron"]


def test_dates_in_several_shapes() -> None:
    assert find_date("March 22, 2021") == "2021-03-22"
    assert find_date("11 June 2015") == "2015-06-11"
    assert find_date("Sept. 5, 2019") == "2019-09-05"
    assert find_date("2020-01-23") == "2020-01-23"
    assert find_date("11 июня 2015") == "2015-06-11"
    assert find_date("February 30, 2020") is None
    assert find_date("on June 15 the forum opens") is None


def test_people_in_title_skips_places_events_and_mentions() -> None:
    people = people_in_title(
        "Remarks by President Biden and Prime Minister Morrison of Australia Before "
        "Bilateral Meeting"
    )
    assert [(p.name, p.role, p.affiliation) for p in people] == [
        ("Biden", "President", None),
        ("Morrison", "Prime Minister", "Australia"),
    ]
    assert people_in_title("Press Briefing by White House COVID-19 Response Team") == []


def test_outlets_from_general_signals() -> None:
    assert find_outlet("", "Department Press Briefing – March 3, 2021", "") == (
        "U.S. Department of State"
    )
    assert find_outlet("Office of the Spokesperson\n", "Secretary Blinken", "") == (
        "U.S. Department of State"
    )
    assert find_outlet("12:10 P.M. EDT\n\nPRESIDENT BIDEN:  Hi.\n", "Remarks", "") == (
        "The White House"
    )
    assert find_outlet("text", "Title", "plain.txt") is None


def test_white_house_masthead_is_not_the_title() -> None:
    text = (
        "THE WHITE HOUSE\nOffice of the Press Secretary\n"
        "For Immediate Release March 22, 2011\n\n"
        "REMARKS BY PRESIDENT OBAMA AND PRIME MINISTER NETANYAHU OF ISRAEL\n\n"
        "Oval Office\n\n11:05 A.M. EDT\n\nTHE PRESIDENT:  Welcome.\n"
    )
    h = header(text)
    assert h.title == "REMARKS BY PRESIDENT OBAMA AND PRIME MINISTER NETANYAHU OF ISRAEL"
    assert h.date == "2011-03-22"
    assert h.place == "Oval Office"
    assert h.outlet == "The White House"
    assert [(p.name, p.role, p.affiliation) for p in h.people] == [
        ("Obama", "President", None),
        ("Netanyahu", "Prime Minister", "Israel"),
    ]


def test_wrapped_section_heading_is_one_section() -> None:
    from store.ingest.metadata import find_sections

    text = (
        "Title\n\n* * *\n\nBeginning\nof meeting with Israeli Prime Minister Benjamin Netanyahu"
        "\n\nVladimir Putin: Hi.\n\nTo be continued.\n"
    )
    assert [(s.title, s.start) for s in find_sections(text)] == [
        ("* * *", 7),
        ("Beginning of meeting with Israeli Prime Minister Benjamin Netanyahu", 14),
        ("To be continued.", text.index("To be")),
    ]


def test_breadcrumb_is_not_the_title() -> None:
    text = (
        "Home › Press service › Minister's speeches\n\n"
        "Foreign Minister Sergey Lavrov’s remarks at a news conference, Moscow, "
        "January 17, 2020\n\n17 January 2020 13:44\n\nLadies and gentlemen,\n"
    )
    h = header(text)
    assert h.title.startswith("Foreign Minister Sergey Lavrov’s remarks")
    assert h.date == "2020-01-17"


def _is_date_line_by_full_scan(line: str) -> bool:
    """``metadata._is_date_line`` without its shortcut for long wordy lines."""
    from store.ingest import metadata as md

    if md._TIME_LINE.match(line):
        return True
    if md.find_date(line) is None and not md._PAGE_CLOCK.search(line):
        return False
    rest = md._CLOCK.sub(" ", line)
    for pattern in md._DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = md._PAGE_CLOCK.sub(" ", rest)
    return len(md._LETTER_WORD.findall(rest)) <= 2


_DATE_BITS = [
    "March 3, 2020", "3rd March 2020", "2020-03-04", "12:30", "12:30 pm EDT", "12:30 Amazing",
    "GMT+3", "UTC", "msk", "talks", "the", "Moscow", ",", " ", "  ", "201518:30", "on",
]


@given(st.lists(st.sampled_from(_DATE_BITS), min_size=20, max_size=120))
def test_long_line_shortcut_agrees_with_full_scan(bits: list[str]) -> None:
    line = " ".join(bits)
    assert _is_date_line(line) == _is_date_line_by_full_scan(line)
