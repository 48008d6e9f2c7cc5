"""Properties of the whole ingest pipeline, checked on generated input (hypothesis).

These guard every stage, not only reading: whatever bytes come in, ``extract`` gives
meetings or :class:`Unreadable`; every remark's offsets slice the meeting text; and the
words of ordinary prose survive cleaning.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest import Unreadable, extract
from store.ingest.read import page_from_text, read_page

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VOCABULARY = (
    "the", "minister", "said", "that", "talks", "were", "constructive", "and", "both", "sides",
    "agreed", "to", "continue", "dialogue", "on", "security", "trade", "energy", "cooperation",
    "between", "our", "countries", "we", "discussed", "regional", "issues", "including",
    "situation", "in", "region", "president", "government", "delegation", "visit", "agreement",
    "economic", "relations", "important", "partners", "today", "meeting", "results", "Moscow",
    "Tehran", "Beijing", "Washington", "Russia", "Iran", "China", "Sergey", "Lavrov", "Ivanov",
    "Madani",
)

SPEAKERS = ("Sergey Lavrov", "Iyad Madani", "Question", "Vladimir Putin")


@st.composite
def prose_paragraph(draw: st.DrawFn) -> str:
    """A sentence or three of ordinary words, capitalised and ending with a period."""
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=4, max_size=25))
        sentence = " ".join(words)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    paragraph = " ".join(sentences)
    if draw(st.booleans()):
        paragraph = f"{draw(st.sampled_from(SPEAKERS))}: {paragraph}"
    return paragraph


@st.composite
def prose_document(draw: st.DrawFn) -> str:
    title = " ".join(draw(st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=10)))
    paragraphs = draw(st.lists(prose_paragraph(), min_size=1, max_size=8))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return (newline * 2).join([title.capitalize(), *paragraphs]) + newline


def _encoded(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


ANY_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.builds(
        _encoded,
        st.text(max_size=800),
        st.sampled_from(
            ["utf-16", "utf-16-le", "utf-16-be", "cp1251", "latin-1", "cp1252", "gb18030"]
        ),
    ),
    prose_document().map(str.encode),
    st.builds(lambda doc, junk: doc.encode() + junk, prose_document(), st.binary(max_size=200)),
    st.builds(
        lambda doc: (
            "<html><body><p>" + doc.replace("\n\n", "</p><p>") + "</p></body></html>"
        ).encode(),
        prose_document(),
    ),
)


def _check_offsets(meetings) -> None:
    for meeting in meetings:
        text = meeting.text
        for remark in meeting.remarks:
            assert 0 <= remark.start <= remark.end <= len(text)
            assert text[remark.start : remark.end] == remark.text


@SETTINGS
@given(ANY_BYTES)
def test_any_bytes_give_meetings_or_one_sentence(data: bytes) -> None:
    try:
        meetings = extract(data, "generated.txt")
    except Unreadable as exc:
        message = str(exc)
        assert message.endswith(".") and "\n" not in message
        return
    assert isinstance(meetings, list)
    _check_offsets(meetings)


@SETTINGS
@given(prose_document())
def test_remark_offsets_slice_the_text(document: str) -> None:
    meetings = extract(document.encode(), "generated.txt")
    assert meetings
    _check_offsets(meetings)


def _squeeze(text: str) -> str:
    """Text without white space, so word repair (inserted spaces) and re-wrapping do not
    count as losing words."""
    return re.sub(r"\s+", "", text)


@SETTINGS
@given(prose_document())
def test_cleaning_never_loses_a_word_of_prose(document: str) -> None:
    meetings = extract(document.encode(), "generated.txt")
    kept = _squeeze("\n".join(m.text for m in meetings))
    body = re.split(r"\r\n|\r|\n", document, maxsplit=1)[1]
    for paragraph in re.split(r"(?:\r\n|\r|\n){2}", body):
        assert _squeeze(paragraph) in kept


@SETTINGS
@given(st.text(max_size=2000))
def test_reading_any_text_gives_clean_text_or_one_sentence(text: str) -> None:
    try:
        page = page_from_text(text, "t.txt")
    except Unreadable as exc:
        assert str(exc).endswith(".") and "\n" not in str(exc)
        return
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r]", page.text)
    assert page.text.strip()


@SETTINGS
@given(prose_document())
def test_plain_prose_is_read_unchanged_but_for_line_ends(document: str) -> None:
    page = read_page(document.encode(), "t.txt")
    assert page.format == "text"
    assert page.text == document.replace("\r\n", "\n").replace("\r", "\n")
