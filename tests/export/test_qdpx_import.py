"""QDPX import: Parley round trip, a QualCoder-style project, what cannot be matched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from store.export.finders import MappingFinder
from store.export.merge import merge
from store.export.qdpx_export import export_qdpx
from store.export.qdpx_import import QdpxError, read_qdpx
from store.export.records import build_records
from store.models import Annotation, Meeting
from tests.export.seed_data import SEED_TAGS


def _essence(annotations: list[Annotation]) -> set[tuple]:
    return {
        (a.meeting_id, a.anchor.start, a.anchor.end, a.anchor.exact, frozenset(a.tags),
         a.bookmark, a.note)
        for a in annotations
    }


def test_round_trip_into_a_fresh_library(
    tmp_path, meetings, annotations, annotation_store
) -> None:
    out = tmp_path / "seeds.qdpx"
    export_qdpx(build_records(meetings, annotations), SEED_TAGS, out)
    reading = read_qdpx(out, MappingFinder(meetings))
    assert reading.unmatched == []
    assert (reading.sources, reading.sources_matched) == (2, 2)
    assert reading.origin == "Parley"
    # Speaker remarks and the Parley speakers group are structure, not annotations.
    assert len(reading.passages) == 5
    assert {t.name for t in reading.codebook} == {t.name for t in SEED_TAGS}
    colours = {t.name: t.colour for t in reading.codebook}
    assert colours["topic/terrorism"] == "#d75f5f"

    fresh = annotation_store
    report = merge(fresh, reading.passages, lambda mid: meetings[mid].text,
                   label="seeds.qdpx", codebook=reading.codebook)
    assert (report.added, report.updated, report.duplicates) == (5, 0, 0)
    assert _essence(fresh.all()) == _essence(annotations)
    assert {t.name for t in fresh.tags()} >= {"topic/terrorism", "actor/Putin"}

    # Importing the same project again changes nothing.
    again = merge(fresh, reading.passages, lambda mid: meetings[mid].text, label="seeds.qdpx")
    assert (again.added, again.updated, again.duplicates) == (0, 0, 5)


# A project.qde written the way QualCoder writes one (selections nested in their
# TextSource, memos as Description, a NoteRef to Notes); positions filled in below.
QUALCODER_QDE = (Path(__file__).parent / "fixtures" / "qualcoder_project.qde.in").read_text(
    encoding="utf-8"
)


def _qualcoder_project(tmp_path: Path, meetings: dict[str, Meeting]) -> tuple[Path, dict]:
    ivanov = meetings["seed-ivanov-oic"].text
    # The colleague's copy of the Lavrov text has an extra first line and CRLF line ends.
    lavrov = "Copied from the ministry website.\n" + meetings["seed-lavrov-madani"].text
    lavrov_crlf = lavrov.replace("\n", "\r\n")
    q1 = "We are also developing our dialogue"
    q2 = "Russia's relations with the Organization"
    q3 = "There must be no double standards here."
    s1, s2 = ivanov.index(q1), ivanov.index(q2)
    s3 = lavrov_crlf.index(q3)  # QualCoder counts the \r of each \r\n
    xml = QUALCODER_QDE.format(s1=s1, e1=s1 + len(q1), s2=s2, e2=s2 + len(q2), s3=s3,
                               e3=s3 + len(q3))
    path = tmp_path / "qualcoder.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", xml)
        zf.writestr("Sources/bbbbbbbb-0000-4000-8000-000000000001.txt", ivanov)
        zf.writestr("Sources/bbbbbbbb-0000-4000-8000-000000000002.txt", lavrov_crlf)
    return path, {"q1": q1, "q2": q2, "q3": q3}


def test_qualcoder_project(tmp_path, meetings, annotation_store) -> None:
    path, q = _qualcoder_project(tmp_path, meetings)
    reading = read_qdpx(path, MappingFinder(meetings))
    assert reading.sources == 3
    assert {t.name for t in reading.codebook} == {"Security/Terrorism", "Diplomacy"}

    store = annotation_store
    report = merge(store, reading.passages, lambda mid: meetings[mid].text,
                   label="qualcoder.qdpx", codebook=reading.codebook, unmatched=reading.unmatched)
    got = {a.anchor.exact: a for a in store.all()}
    # Two selections of one span (one per code) become one annotation with both tags.
    a1 = got[q["q1"]]
    assert a1.meeting_id == "seed-ivanov-oic"
    assert set(a1.tags) == {"Security/Terrorism", "Diplomacy"}
    assert a1.note == "Coded in QualCoder"
    # A selection with only a memo is an annotation with a note and no tags.
    assert got[q["q2"]].tags == () and got[q["q2"]].note == "An annotation without a code"
    # The edited Lavrov copy: found by quote, re-anchored onto the library text.
    a3 = got[q["q3"]]
    text = meetings["seed-lavrov-madani"].text
    assert a3.meeting_id == "seed-lavrov-madani"
    assert text[a3.anchor.start : a3.anchor.end] == q["q3"]
    assert a3.tags == ("Security/Terrorism",)
    assert a3.note == "Linked note from the Notes section"
    assert report.added == 3
    # The extra first line and the unrelated source could not be placed, and say so.
    assert any("lavrov edited.txt" in u and "Copie" in u for u in report.unmatched)
    assert any("unrelated.txt" in u and "Nothing" in u for u in report.unmatched)
    assert {t.name: t.colour for t in store.tags()}["Diplomacy"] == "#81bef7"


def test_not_a_project(tmp_path) -> None:
    bad = tmp_path / "x.qdpx"
    bad.write_text("hello")
    with pytest.raises(QdpxError, match="not a zip"):
        read_qdpx(bad, MappingFinder({}))
    empty = tmp_path / "e.qdpx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "x")
    with pytest.raises(QdpxError, match=r"no project\.qde"):
        read_qdpx(empty, MappingFinder({}))
    broken = tmp_path / "b.qdpx"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("project.qde", "<Project")
    with pytest.raises(QdpxError, match="not well-formed"):
        read_qdpx(broken, MappingFinder({}))
