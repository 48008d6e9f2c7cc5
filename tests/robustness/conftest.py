"""A small real library (two documents imported, annotations made) for the fault tests."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from store.annotations import AnnotationStore
from store.library import Library
from tests.robustness.hostile_corpus import transcript


@dataclass(frozen=True, slots=True)
class SmallLibrary:
    root: Path
    sources: list[Path]
    meeting_ids: list[str]


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``parley ARGV...`` in-process; (exit status, stdout, stderr)."""
    from tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def small_library(tmp_path: Path) -> SmallLibrary:
    """Two imported transcripts; three annotations on the first, written over two
    sessions so that rolling backups and snapshots exist."""
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = []
    for label in ("the summit", "the treaty"):
        path = docs / f"{label.replace(' ', '-')}.txt"
        path.write_text(transcript(label), encoding="utf-8")
        sources.append(path)
    root = tmp_path / "library"
    with Library.open(root) as lib:
        summary = lib.import_paths([str(docs)], jobs=0)
        assert len(summary.imported) == 2, summary.failed
        rows = sorted(lib.rows(limit=None), key=lambda r: r.source)
        ids = [r.id for r in rows]
        text = lib.meeting(ids[0]).text
    start = text.index("We held")
    with AnnotationStore.open(root) as store:
        store.tag_span(ids[0], start, start + 20, text, "topic/talks")
    with AnnotationStore.open(root) as store:
        store.toggle_bookmark(ids[0], 0, 30, text)
        store.set_note(ids[0], start, start + 20, text, "first note")
    return SmallLibrary(root, sources, ids)
