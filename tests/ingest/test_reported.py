"""Reported speech: the clause and the phrase naming the speaker."""

from __future__ import annotations

import pytest

from store.ingest.reported import find_reported
from store.ingest.sieves import Sentence
from tests.ingest.documents import report, said


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


@pytest.mark.parametrize(
    ("text", "subject", "clause"),
    [
        ("Russia will respond to any deployment, but it prefers dialogue, Deputy Foreign "
         "Minister Sergei Ryabkov told TASS on Tuesday.",
         "Deputy Foreign Minister Sergei Ryabkov",
         "Russia will respond to any deployment, but it prefers dialogue"),
        ("If needed, Moscow will respond, Ryabkov told TASS.", "Ryabkov",
         "If needed, Moscow will respond"),
        ("Talks went well, Dmitry Peskov, the Kremlin spokesman, told reporters.",
         "Dmitry Peskov, the Kremlin spokesman,", "Talks went well"),
    ],
)  # fmt: skip
def test_trailing_attribution_takes_the_whole_clause(
    text: str, subject: str, clause: str
) -> None:
    """``trailing-last-comma``: the subject of '…, X told TASS.' is after the clause's
    last comma (or its last two, for an apposition), so the clause keeps its commas."""
    assert reported(text) == (subject, clause)


def test_tass_told_agency_after_a_comma_is_the_ministers_whole_clause() -> None:
    """A TASS report: the quote and the reported clause, each with a comma inside, are
    Ryabkov's whole words."""
    m = report(
        "MOSCOW, June 18. /TASS/. Moscow is open to dialogue with Washington on strategic "
        "stability, Russia's deputy foreign minister said.\n\n"
        '"We are ready for talks, but not on those terms," Deputy Foreign Minister Sergei '
        "Ryabkov told TASS.\n\n"
        "Russia will respond to any deployment of US missiles in Europe, but it prefers "
        "dialogue, Deputy Foreign Minister Sergei Ryabkov told TASS on Tuesday.\n"
    )
    assert said(m, "but not on those terms") == "Sergei Ryabkov"
    hits = [r for r in m.remarks if r.kind == "reported" and "deployment" in r.text]
    assert [(r.speaker, r.text) for r in hits] == [
        ("Sergei Ryabkov",
         "Russia will respond to any deployment of US missiles in Europe, but it prefers "
         "dialogue")
    ]  # fmt: skip
