"""Fixtures for the coding screens: libraries, stores and the host app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.annotations import AnnotationStore
from store.library import Library
from tests.tui_coding.host import fixed_library, seed_library


@pytest.fixture
def fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Library, AnnotationStore]]:
    library = fixed_library(tmp_path, monkeypatch)
    annotations = AnnotationStore.open(library.path)
    yield library, annotations
    annotations.close()
    library.close()


@pytest.fixture
def seeds(tmp_path: Path) -> Iterator[tuple[Library, AnnotationStore]]:
    library = seed_library(tmp_path)
    annotations = AnnotationStore.open(library.path)
    yield library, annotations
    annotations.close()
    library.close()
