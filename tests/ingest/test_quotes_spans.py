"""Finding quotations: every mark style, multi-paragraph quotes, unbalanced marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.ingest.quote_spans import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_straight_and_guillemets() -> None:
    text = 'He said “one thing” and "another thing" and «a third thing».'
    assert quoted(text) == ["one thing", "another thing", "a third thing"]


def test_reversed_curly_pair() -> None:
    assert quoted("”The decision was right.“") == ["The decision was right."]


def test_single_quotes_nest_inside_double() -> None:
    assert quoted("\"They call it 'the deal', and it is,\" he said.") == [
        "They call it 'the deal', and it is"
    ]


def test_nested_guillemets_close_with_the_outer_mark() -> None:
    assert quoted("«Он сказал „нет“ и ушёл», — сказал он.") == ["Он сказал „нет“ и ушёл"]


def test_trailing_comma_is_not_part_of_the_quote() -> None:
    text = '"We are ready," he said.'
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "We are ready"


def test_split_quote_gives_two_pieces() -> None:
    assert quoted('"First part," he said. "Second part."') == ["First part", "Second part."]


def test_multi_paragraph_quote_is_chained() -> None:
    text = '"First paragraph.\n\n"Second paragraph.\n\n"Last one," she said.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == [
        "First paragraph.", "Second paragraph.", "Last one",
    ]  # fmt: skip
    assert len({q.chain for q in qs}) == 1 and qs[0].chain != -1


def test_unclosed_quote_opening_a_paragraph_runs_to_its_end() -> None:
    assert quoted('"We will not give up.\n\nThe talks ended.') == ["We will not give up."]


def test_unbalanced_mark_inside_a_paragraph_is_ignored() -> None:
    assert quoted('The pipe was 12" wide and "the talks ended.\n\nNothing more.') == []


def test_typewriter_close() -> None:
    assert quoted("\"We are committed,'' Liu said.") == ["We are committed"]


@given(st.text(alphabet="ab \"“”«»'\n.,", max_size=200))
def test_never_crashes_and_spans_are_inside_the_text(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
