"""Reported speech: the clause and the phrase naming the speaker."""

from __future__ import annotations

import pytest

from store.ingest.reported import find_reported
from store.ingest.sieves import Sentence


def reported(text: str) -> tuple[str, str] | None:
    r = find_reported(text, Sentence(0, len(text)))
    return None if r is None else (r.subject, text[r.start : r.end])


@pytest.mark.parametrize(
    ("text", "subject", "clause"),
    [
        ("Mr. Ivanov stressed the mutual interest of both sides.", "Mr. Ivanov",
         "stressed the mutual interest of both sides."),
        ("The head of the delegation said that he hoped Russia would help.",
         "The head of the delegation", "he hoped Russia would help."),
        ("Kerry said on Tuesday that talks had made progress.", "Kerry",
         "talks had made progress."),
        ("Anwar said Friday his government would not bow to pressure.", "Anwar",
         "his government would not bow to pressure."),
        ("On Monday, the ministry warned of new sanctions against Moscow.", "the ministry",
         "warned of new sanctions against Moscow."),
        ("Talks will continue next week, he said.", "he", "Talks will continue next week"),
    ],
)  # fmt: skip
def test_shapes(text: str, subject: str, clause: str) -> None:
    assert reported(text) == (subject, clause)


@pytest.mark.parametrize(
    "text",
    [
        "The OIC unites more than 50 states with a Muslim population.",
        '"We said it before," he said.',
        "Mr. Ivanov said.",
    ],
)
def test_not_reported_speech(text: str) -> None:
    assert reported(text) is None
