"""markdown: detection, syntax stripped, bold labels kept, plain text left alone."""

from __future__ import annotations

import time

import pytest

from store.ingest.markdown import looks_like_markdown, markdown_to_text, strip_inline
from store.ingest.read import read_page
from tests.conftest import CORPUS_DEV, SEEDS


@pytest.mark.parametrize(
    ("line", "stripped", "label"),
    [
        ("**MS. PSAKI:** Hi, everyone.", "MS. PSAKI: Hi, everyone.", "MS. PSAKI"),
        ("**Sergey Lavrov**: Thank you.", "Sergey Lavrov: Thank you.", "Sergey Lavrov"),
        ("__Q:__ And?", "Q: And?", "Q"),
        ("## Opening remarks", "Opening remarks", None),
        ("See [the statement](https://example.org/x) here.", "See the statement here.", None),
        ("![photo](img.png)Caption", "Caption", None),
        ("a *stressed* and _quiet_ word, **loud** too", "a stressed and quiet word, loud too",
         None),
        ("*Dar es Salaam, Tanzania**", "Dar es Salaam, Tanzania", None),
        ("escaped \\*stars\\* and \\[brackets\\]", "escaped *stars* and [brackets]", None),
        ("code `x = 1` span", "code x = 1 span", None),
        ("<https://example.org>", "https://example.org", None),
        ("* * *", "* * *", None),
        ("5 * 3 * 2 = 30", "5 * 3 * 2 = 30", None),
        ("snake_case_name and file_name.txt", "snake_case_name and file_name.txt", None),
        ("-   bullet stays a bullet", "-   bullet stays a bullet", None),
    ],
)
def test_strip_inline(line: str, stripped: str, label: str | None) -> None:
    assert strip_inline(line) == (stripped, label)


def test_markdown_to_text_keeps_lines_and_fenced_code() -> None:
    md = markdown_to_text("# Title  \n\nText with  \nhard break.\n\n```\n**raw**\n```\n[a]: http://x")
    assert md.text == "Title\n\nText with\nhard break.\n\n**raw**\n"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("# Heading\n\nSee [x](http://y).", "", True),
        ("plain text\n", "notes.md", True),
        ("Title\n\n-   one\n-   two\n\nA **bold** word.", "", True),
        ("line one  \nline two  \nline three  \nline four", "", True),
        ("Title\n\n* * *\n\nPutin: Hello.", "", False),
        ("Just prose with a * star and 2*3.", "", False),
    ],
)
def test_looks_like_markdown(text: str, source: str, expected: bool) -> None:
    assert looks_like_markdown(text, source) is expected


@pytest.mark.parametrize("path", sorted((CORPUS_DEV / "docs").glob("wh__*.txt")),
                         ids=lambda p: p.name[:40])
def test_white_house_exports_keep_every_word(path) -> None:
    data = path.read_bytes()
    page = read_page(data, str(path))
    original = data.decode("utf-8").replace("\\u2060", "")
    if page.format == "markdown":
        assert _words(page.text) == _words(original)
    else:
        assert page.text == original


def _words(text: str) -> list[str]:
    """Words without the characters Markdown syntax is made of."""
    table = str.maketrans("", "", "*\\<>")
    return [w for w in text.translate(table).split() if w]


def test_seeds_are_not_markdown() -> None:
    for path in SEEDS.glob("*.txt"):
        assert not looks_like_markdown(path.read_text(encoding="utf-8"), path.name)


def test_markdown_page_carries_labels() -> None:
    page = read_page(b"# Briefing\n\n**MR. KIRBY:** Good afternoon.\n\n**Q** : Thanks.\n",
                     "b.md")
    assert page.format == "markdown"
    assert page.labels == {"MR. KIRBY", "Q"}
    assert page.text == "Briefing\n\nMR. KIRBY: Good afternoon.\n\nQ: Thanks.\n"


def test_long_line_of_markdown_noise_is_linear() -> None:
    line = ("**a [b *c _d `e " * 70_000)[:1_000_000]
    started = time.perf_counter()
    markdown_to_text(line)
    assert time.perf_counter() - started < 10
