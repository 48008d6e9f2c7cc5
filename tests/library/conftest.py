"""A small library of hand-written meetings, for the library and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.library import Library
from tests.library import fake_ingest


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_ingest.install(monkeypatch)


def write_corpus(root: Path) -> dict[str, Path]:
    """Four meetings in a folder tree, with speakers, kinds, accents and markup."""
    w = fake_ingest.write_meeting
    return {
        "oic": w(
            root / "mfa" / "oic.txt",
            title="Talks with the OIC Secretary General",
            date="2015-06-11",
            outlet="MFA Russia",
            place="Moscow",
            people=[("Sergey Lavrov", "Foreign Minister"), ("Iyad Madani", "Secretary General")],
            turns=[
                ("Sergey Lavrov", "statement", "We discussed the situation in Syria and Iraq."),
                (None, "question", "What about the dirty bomb in the region?"),
                ("Sergey Lavrov", "answer", "There is no évidence of a dirty bomb anywhere."),
                ("Iyad Madani", "statement", "Cooperation with Russia is important to us."),
            ],
        ),
        "ria": w(
            root / "wire" / "ria.txt",
            title="Ivanov meets OIC delegation",
            date="2004-05-21",
            outlet="RIA Novosti",
            kind="report",
            preamble="MOSCOW, May 21 - Security Council Secretary Igor Ivanov met a delegation. "
            "Terrorism was discussed at length.",
            people=[("Igor Ivanov", "Security Council Secretary")],
            turns=[("Igor Ivanov", "quote", "We regard your visit as the continuation of talks.")],
        ),
        "geneva": w(
            root / "wire" / "deep" / "geneva.txt",
            title="Press conference [bold]not bold[/] in Geneva",
            date=None,
            outlet="Test Wire",
            preamble="Geneva. A transcript with [bold] markup and [/] closers in it.",
            people=[("Sergey Lavrov", "Foreign Minister"), ("Jen Psaki", None)],
            turns=[
                ("Sergey Lavrov", "answer", "Négociations continue in Geneva this week."),
                ("Jen Psaki", "statement", "We have nothing to announce on the negotiations."),
            ],
        ),
        "july": w(
            root / "july.txt",
            title="Consultations in July",
            date="2015-07-01",
            outlet="MFA Russia",
            turns=[("Maria Zakharova", "statement", "The consultations were useful.")],
        ),
    }


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    return write_corpus(tmp_path / "docs")


@pytest.fixture
def lib(tmp_path: Path, fake: None, corpus: dict[str, Path]) -> Library:
    library = Library.open(tmp_path / "library")
    summary = library.import_paths([tmp_path / "docs"], jobs=0)
    assert not summary.failed, summary.failed
    yield library
    library.close()
