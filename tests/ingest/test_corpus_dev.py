"""Regression guard: extraction quality on the development corpus stays near what it is.

Thresholds sit a little below the figures ``tests/bench/eval_extraction.py`` reports, so
a change that loses turns, speakers or dates shows up here. Skipped without the corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.bench.eval_extraction import evaluate
from tests.conftest import CORPUS_DEV

pytestmark = pytest.mark.skipif(
    not (CORPUS_DEV / "gold.jsonl").exists(), reason="shared/corpus-dev is not here"
)


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    return evaluate(CORPUS_DEV, with_seeds=False)["table"]


def test_no_document_fails(table: dict[str, Any]) -> None:
    assert all(row["failed"] == 0 for row in table.values()), table


def test_plain_text_turns_and_speakers(table: dict[str, Any]) -> None:
    row = table["all (txt)"]
    assert row["found_pct"] >= 98.0
    assert row["speaker_pct"] >= 97.5
    assert row["date_pct"] >= 96.0
    assert row["title_pct"] >= 98.0


@pytest.mark.parametrize(
    "genre", ["kremlin transcript (txt)", "wh transcript (txt)", "wh briefing (txt)"]
)
def test_each_genre(table: dict[str, Any], genre: str) -> None:
    assert table[genre]["speaker_pct"] >= 97.0


def test_html_pages(table: dict[str, Any]) -> None:
    row = table["all (html)"]
    assert row["found_pct"] >= 97.0
    assert row["speaker_pct"] >= 97.0
    assert row["date_pct"] >= 97.0


def test_kremlin_section_headings(table: dict[str, Any]) -> None:
    assert table["kremlin transcript (txt)"]["sections_pct"] >= 95.0
    assert table["kremlin transcript (html)"]["sections_pct"] >= 95.0


def test_news_pages_have_no_turns(table: dict[str, Any]) -> None:
    assert table["kremlin news (txt)"]["bogus_turns"] == 0
    assert table["kremlin news (html)"]["bogus_turns"] == 0
