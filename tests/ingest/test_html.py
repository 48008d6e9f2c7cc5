"""html: main text, bold speaker labels, title, date, furniture, hostile markup."""

from __future__ import annotations

import json
import re
import time

import pytest

from store.ingest.html import html_to_text, looks_like_html, parse_html
from tests.conftest import CORPUS_DEV

GOLD = {
    json.loads(line)["raw_file"]: json.loads(line)
    for line in (CORPUS_DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
}
RAW_PAGES = sorted((CORPUS_DEV / "raw").glob("kremlin__*.html"))


def _words(text: str) -> list[str]:
    return text.replace("\xa0", " ").split()


def _label_turns(text: str, labels: frozenset[str]) -> list[str]:
    """The labels that open paragraphs, in order: the turns a text reader will see."""
    turns = []
    for para in text.split("\n\n"):
        match = next((lab for lab in labels if para.startswith(f"{lab}:")), None)
        if match:
            turns.append(match)
    return turns


@pytest.mark.parametrize("path", RAW_PAGES, ids=lambda p: p.name)
def test_corpus_page_matches_its_plain_text_copy(path) -> None:
    gold = GOLD[f"raw/{path.name}"]
    page = html_to_text(path.read_text(encoding="utf-8"))
    plain = (CORPUS_DEV / gold["file"]).read_text(encoding="utf-8")
    assert _words(page.text) == _words(plain)
    assert page.title == gold["title"]
    assert page.date == gold["date"]
    assert _label_turns(page.text, page.labels) == [t["label_raw"] for t in gold["turns"]]


def test_bold_labels_with_colon_inside_or_after() -> None:
    page = html_to_text(
        "<article><h1>Talks</h1>"
        "<p><b>President of Russia Vladimir Putin:</b> Good afternoon.</p>"
        "<p><strong>Sergey Lavrov</strong>: Thank you.</p>"
        "<p><b>Angela Merkel</b> (retranslated): Danke.</p>"
        "<p><b>President of X </b><a href='#'><b>Leonid Tibilov</b></a>: Hello.</p>"
        "<p><b>* * *</b></p><p><i>Beginning of meeting with the press</i></p>"
        "<p>He was <b>very</b> clear: yes.</p></article>"
    )
    assert page.text.split("\n\n") == [
        "Talks",
        "President of Russia Vladimir Putin: Good afternoon.",
        "Sergey Lavrov: Thank you.",
        "Angela Merkel (retranslated): Danke.",
        "President of X Leonid Tibilov: Hello.",
        "* * *",
        "Beginning of meeting with the press",
        "He was very clear: yes.",
    ]
    assert page.labels == {"President of Russia Vladimir Putin", "Sergey Lavrov",
                           "Angela Merkel (retranslated)", "President of X Leonid Tibilov"}


def test_a_label_alone_in_its_paragraph_joins_the_next() -> None:
    page = html_to_text("<body><p><b>Question:</b></p><p>What next?</p></body>")
    assert page.text == "Question: What next?"
    assert page.labels == {"Question"}


def test_a_bold_sentence_is_not_a_label() -> None:
    page = html_to_text("<body><p><b>This is important.</b> Really.</p>"
                        "<p><b>Note: read this</b> now.</p></body>")
    assert page.labels == frozenset()


def test_furniture_is_dropped() -> None:
    page = html_to_text(
        "<html><head><title>T • Site</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><script>alert('x')</script>"
        "<iframe src='x'>frame text</iframe><div hidden>hidden text</div>"
        "<div style='display: none'>invisible</div><div aria-hidden='true'>aria</div>"
        "<p>Main words here.</p><div class='share'>Share on X</div>"
        "<ul><li><a href='/1'>Link one</a></li><li><a href='/2'>Link two</a></li></ul>"
        "<footer>Copyright</footer><noscript>enable js</noscript></body></html>"
    )
    assert page.text == "T\n\nMain words here."
    assert page.title == "T"


def test_title_and_date_from_metadata() -> None:
    page = html_to_text(
        "<html><head><meta property='og:title' content='OG title'>"
        "<meta property='article:published_time' content='2021-03-22T10:00:00Z'></head>"
        "<body><p>Body text.</p></body></html>"
    )
    assert (page.title, page.date) == ("OG title", "2021-03-22")


def test_publication_time_block_follows_the_title() -> None:
    page = html_to_text(
        "<article><h1>Meeting</h1><div class='lead'><p>Lead sentence.</p></div>"
        "<div class='when'><time datetime='2016-04-21'>April 21, 2016</time>"
        "<div>14:50</div><div>The Kremlin, Moscow</div></div>"
        "<p>Body.</p><div>Updated <time datetime='2019-01-01'>later</time></div></article>"
    )
    assert page.text == (
        "Meeting\nApril 21, 2016, 14:50\nThe Kremlin, Moscow\n\nLead sentence.\n\nBody."
        "\n\nUpdated later"
    )
    assert page.date == "2016-04-21"


def test_lists_tables_and_line_breaks() -> None:
    page = html_to_text("<body><ul><li>one<li>two</ul><table><tr><td>a<td>b</table>"
                        "<p>line<br>break</p><pre>keep\n  this</pre></body>")
    assert page.text == "- one\n\n- two\n\na b\n\nline\nbreak\n\nkeep\nthis"


def test_entities_and_nbsp() -> None:
    page = html_to_text("<p>in&nbsp;the&nbsp;Kremlin &amp; &lt;…&gt; &#8217;</p>")
    assert page.text == "in the Kremlin & <…> ’"


def test_ten_thousand_nested_tags_keep_their_text_fast() -> None:
    markup = ("<html><body>" + "<div><span>" * 5000 + "deep words"
              + "</span></div>" * 5000 + "<p>after</p></body></html>")
    started = time.perf_counter()
    page = html_to_text(markup)
    assert time.perf_counter() - started < 5
    assert page.text == "deep words\n\nafter"


def test_unclosed_and_stray_tags() -> None:
    markup = "<body><p>one<p>two</div></span><b>bold<i>both</p><p>three" + "</x>" * 10_000
    page = html_to_text(markup)
    assert page.text == "one\n\ntwoboldboth\n\nthree"


def test_page_without_text_gives_empty_text() -> None:
    assert html_to_text("<html><body><script>x()</script><img src=a></body></html>").text == ""


def test_parse_html_never_recurses() -> None:
    root = parse_html("<div>" * 20_000)
    depth, node = 0, root
    while node.children:
        node = node.children[0]
        depth += 1
    assert depth >= 20_000  # the parser may add <html> and <body> around the divs


@pytest.mark.parametrize(
    ("text", "source", "is_html"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "a.txt", True),
        ("  <html lang='en'><p>x</p></html>", "", True),
        ("<p>one</p><p>two</p><div>three</div>", "", True),
        ("<p>one</p>", "page.html", True),
        ("<…>\nPutin: words", "t.txt", False),
        ("Plain text with <b>one tag</b>.", "t.txt", False),
        ("<p>one</p>", "t.txt", False),
    ],
)
def test_looks_like_html(text: str, source: str, is_html: bool) -> None:
    assert looks_like_html(text, source) is is_html


def test_no_regex_backtracking_on_long_attribute_soup() -> None:
    markup = "<p " + "a=" * 200_000 + ">text</p>" + "<" * 200_000
    started = time.perf_counter()
    html_to_text(markup)
    assert time.perf_counter() - started < 10
    assert re.search("text", html_to_text("<p>text</p>").text)


def test_unterminated_comments_are_not_quadratic() -> None:
    started = time.perf_counter()
    assert html_to_text("<!--" * 100_000).text == ""
    assert html_to_text("<!--" * 100_000 + "-->" + "<p>after</p>").text == "after"
    assert time.perf_counter() - started < 5


def test_time_deep_in_nesting_is_found_quickly() -> None:
    markup = "<div>" * 10_000 + "<time datetime='2020-01-02'>Jan 2</time><p>Text.</p>"
    page = html_to_text(markup)
    assert page.date == "2020-01-02"
    assert "Text." in page.text
