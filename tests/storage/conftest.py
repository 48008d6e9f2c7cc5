"""Fixtures for the annotation store tests: a library folder and an open store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.annotations import AnnotationStore

TEXT = (
    "Ladies and gentlemen, we held talks on terrorism and extremism. "
    "The Secretary General raised the question of Syria. "
    "We agreed to meet again next year in Moscow. "
    "Question: What about Yemen? Answer: We discussed Yemen at length."
)
"""A small meeting text; spans in tests are found with ``span(...)``."""


def span(text: str, passage: str, occurrence: int = 0) -> tuple[int, int]:
    """(start, end) of the ``occurrence``-th ``passage`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return start, start + len(passage)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library"
    path.mkdir()
    return path


@pytest.fixture
def store(library: Path) -> Iterator[AnnotationStore]:
    s = AnnotationStore.open(library)
    yield s
    s.close()
