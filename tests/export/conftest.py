"""Fixtures for the export tests: the seed meetings, their annotations, the XSD."""

from __future__ import annotations

import pytest
from lxml import etree

from store.models import Annotation, Meeting
from tests.conftest import SHARED
from tests.export.seed_data import seed_annotations, seed_meetings


@pytest.fixture(scope="session")
def qdpx_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SHARED / "refi-qda" / "Project.xsd")))


@pytest.fixture()
def meetings() -> dict[str, Meeting]:
    return seed_meetings()


@pytest.fixture()
def annotations(meetings: dict[str, Meeting]) -> list[Annotation]:
    return seed_annotations(meetings)


@pytest.fixture()
def annotation_store(tmp_path):
    """A real, empty annotation store in a fresh library directory."""
    from store.annotations import AnnotationStore

    lib = tmp_path / "lib"
    lib.mkdir()
    store = AnnotationStore.open(lib)
    yield store
    store.close()


@pytest.fixture()
def second_store(tmp_path):
    """Another colleague's annotation store."""
    from store.annotations import AnnotationStore

    lib = tmp_path / "colleague"
    lib.mkdir()
    store = AnnotationStore.open(lib)
    yield store
    store.close()
