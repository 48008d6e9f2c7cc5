"""read: the Page a file becomes, tidying rules, refusals in one sentence."""

from __future__ import annotations

import pytest

from store.ingest.document import Unreadable
from store.ingest.read import (
    MAX_TEXT_CHARS,
    display_name,
    page_from_text,
    read_page,
    refusal,
    tidy_text,
)
from tests.conftest import CORPUS_DEV, SEEDS


def _one_sentence(message: str) -> None:
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "path",
    [*sorted(SEEDS.glob("*.txt")), *sorted((CORPUS_DEV / "docs").glob("kremlin__*.txt"))],
    ids=lambda p: p.name,
)
def test_plain_text_comes_through_unchanged(path) -> None:
    data = path.read_bytes()
    page = read_page(data, str(path))
    assert page.format == "text"
    assert page.text == data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def test_crlf_version_of_a_seed_is_identical_apart_from_line_ends() -> None:
    path = sorted(SEEDS.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    page = read_page(text.replace("\n", "\r\n").encode("utf-8"), "seed.txt")
    assert page.text == text


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("page one\x0cpage two", "page one\npage two"),
        ("nul\x00byte", "nulbyte"),
        ("bell\x07 and del\x7f", "bell and del"),
        ("tab\tstays", "tab\tstays"),
        ("\x1b[2J\x1b[1;31mred\x1b[0m text", "red text"),
        ("\x1b]52;c;ZXZpbA==\x07clipboard", "clipboard"),
        ("\x1b]8;;https://evil.example\x1b\\link text\x1b]8;;\x1b\\ after", "link text after"),
        ("title\x1b]0;pwned\x07bar", "titlebar"),
        ("c1 csi\x9b31mred", "c1 csired"),
        ("zero\u200bwidth word\u2060joiner", "zerowidth wordjoiner"),
        ("COVID-\\u206019", "COVID-19"),
        ("soft\u00adhyphen", "softhyphen"),
        ("RTL \u202bعربي\u202c mark \u200f kept", "RTL \u202bعربي\u202c mark \u200f kept"),
        ("family 👨\u200d👩\u200d👧 emoji 🇺🇦", "family 👨\u200d👩\u200d👧 emoji 🇺🇦"),
        ("[bold red]not markup[/] [link=https://x]y[/link]",
         "[bold red]not markup[/] [link=https://x]y[/link]"),
    ],
)
def test_tidy_text(raw: str, tidy: str) -> None:
    assert tidy_text(raw) == tidy


def test_unterminated_escape_loses_at_most_its_line() -> None:
    assert tidy_text("before\x1b]0;title never ends\nnext line") == "before\nnext line"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", b"\x00\x00\x00", b"\xef\xbb\xbf",
                                  b"\xff\xfe", b"\x1b[2J\x1b[H"])
def test_empty_files_are_refused_in_one_sentence(data: bytes) -> None:
    with pytest.raises(Unreadable) as err:
        read_page(data, "notes.txt")
    assert str(err.value) == "notes.txt is empty."


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
         "notes.txt is a PDF file; Parley reads text, HTML and Markdown."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "notes.txt is a PNG image;"),
        (bytes(range(256)) * 40, "notes.txt is a binary file, not text;"),
    ],
)
def test_binaries_are_refused_naming_the_kind(data: bytes, says: str) -> None:
    with pytest.raises(Unreadable) as err:
        read_page(data, "notes.txt")
    assert str(err.value).startswith(says)
    _one_sentence(str(err.value))


def test_display_name_is_one_safe_line() -> None:
    assert display_name("evil\nname\x1b[31m.txt") == "evil?name.txt"
    assert display_name("") == "The file"
    _one_sentence(refusal(display_name("a\nb"), "a PDF file"))


def test_encodings_are_recorded_on_the_page() -> None:
    page = read_page("Сергей Лавров сказал.".encode("cp1251"), "ru.txt")
    assert (page.text, page.encoding) == ("Сергей Лавров сказал.", "cp1251")
    page = read_page("Сергей Лавров сказал.".encode("utf-16-le"), "ru.txt")
    assert (page.text, page.encoding) == ("Сергей Лавров сказал.", "utf-16-le")


def test_mojibake_in_utf8_file_is_repaired() -> None:
    page = read_page("Ð¡ÐµÑ€Ð³ÐµÐ¹ Lavrov said itâ€™s fine.".encode(), "m.txt")
    assert page.text == "Сергей Lavrov said it’s fine."


def test_page_from_text_applies_the_same_rules() -> None:
    page = page_from_text("a\r\nb\x00c", "pasted")
    assert (page.text, page.format, page.source) == ("a\nbc", "text", "pasted")
    with pytest.raises(Unreadable):
        page_from_text("  \n ", "pasted")


def test_html_is_found_by_content_not_name() -> None:
    page = read_page(b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>", "x.txt")
    assert page.format == "html"
    assert page.text == "Hello there."


def test_html_without_text_is_refused() -> None:
    with pytest.raises(Unreadable) as err:
        read_page(b"<html><body><script>var a = 1;</script><div> </div></body></html>", "p.html")
    assert str(err.value) == "p.html is an HTML page with no text in it."


def test_a_transcript_omission_mark_is_not_html() -> None:
    page = read_page("<…>\nVladimir Putin: Good afternoon.\n".encode(), "t.txt")
    assert page.format == "text"
    assert page.text.startswith("<…>")


def test_long_single_line_reads_and_too_much_text_is_refused() -> None:
    line = ("word " * 1_400_000).encode()  # 7 MB on one line
    assert read_page(line, "one.txt").text == line.decode()
    with pytest.raises(Unreadable) as err:
        read_page(b"x" * (MAX_TEXT_CHARS + 1), "big.txt")
    assert str(err.value) == (
        "big.txt holds 8.0 million characters of text, more than the 8 million Parley reads"
        " in one document."
    )
