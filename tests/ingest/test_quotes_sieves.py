"""Each attribution sieve on its own, with short sentences written for it."""

from __future__ import annotations

import pytest

from store.ingest.quote_spans import find_quotes
from store.ingest.sieves import (
    according_to,
    attribute,
    colon_intro,
    dash_signature,
    leading_verb,
    quoted_as_saying,
    sentences,
    trailing_verb,
)


def first(text: str, sieve=attribute, index: int = 0):
    quotes = find_quotes(text)
    q = quotes[index]
    s = next(s for s in sentences(text, quotes) if s.start <= q.open < s.end)
    found = sieve(text, q, s)
    return None if found is None else found.phrase


def test_dash_signature() -> None:
    assert first('"Dialogue is the only way forward." - Wang Yi', dash_signature) == "Wang Yi"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('"We are ready," Mr. Ivanov said.', "Mr. Ivanov"),
        ('"We are ready," he added.', "he"),
        ('"We are ready," said the head of the delegation.', "the head of the delegation"),
        ('"We are ready," the ministry said in a statement.', "the ministry"),
        ('"Nothing is agreed," Zarif told reporters.', "Zarif"),
    ],
)
def test_trailing_verb(text: str, phrase: str) -> None:
    assert first(text, trailing_verb) == phrase


def test_quoted_as_saying() -> None:
    text = 'The newspaper quoted Maria Zakharova as saying "this will hurt Europe."'
    assert first(text, quoted_as_saying) == "Maria Zakharova"


def test_according_to() -> None:
    text = 'According to him, after the summit, "relations started to develop."'
    assert first(text, according_to) == "him"


def test_colon_intro() -> None:
    assert first('The minister told reporters: "We will respond."', colon_intro) == "The minister"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('He expressed confidence that "these contacts would become permanent."', "He"),
        ('Mr. Ivanov said that he hoped for "a substantive exchange."', "Mr. Ivanov"),
        ('He praised the speech and described it as "substantive."', "He"),
        ('On Thursday, the envoy said they discussed "very important issues".', "the envoy"),
    ],
)
def test_leading_verb(text: str, phrase: str) -> None:
    assert first(text, leading_verb) == phrase


def test_the_order_prefers_the_trailing_attribution() -> None:
    text = 'She told him: "Go," the report said.'
    assert first(text) == "the report"


def test_split_quote_second_piece_has_no_sentence_attribution() -> None:
    text = '"We are developing our dialogue," he said. "In a word, we cooperate."'
    assert first(text, index=0) == "he"
    assert first(text, index=1) is None  # the continuation step in quotes.py covers it


def test_sentences_do_not_split_inside_quotes_or_after_honorifics() -> None:
    text = 'Mr. Ivanov said: "We met. We talked." Then U.S. officials left.'
    spans = sentences(text, find_quotes(text))
    assert [text[s.start : s.end] for s in spans] == [
        'Mr. Ivanov said: "We met. We talked."', "Then U.S. officials left.",
    ]  # fmt: skip
