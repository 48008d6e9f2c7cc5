"""Sharing annotations between colleagues: merge without duplicates, conflicts kept, undo."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from store.export.finders import MappingFinder
from store.export.merge import BatchNotFound, conflict_marker, list_batches, merge, undo_import
from store.export.share import ShareError, fingerprint, place_shared, read_share, write_share
from store.models import Annotation, Meeting
from tests.export.seed_data import SEED_TAGS


def _essence(annotations: list[Annotation]) -> set[tuple]:
    return {
        (a.meeting_id, a.anchor.start, a.anchor.end, frozenset(a.tags), a.bookmark, a.note)
        for a in annotations
    }


def _fill(store, meetings: dict[str, Meeting], annotations: list[Annotation]) -> None:
    for a in annotations:
        store.add(a.meeting_id, a.anchor.start, a.anchor.end, meetings[a.meeting_id].text,
                  tags=a.tags, bookmark=a.bookmark, note=a.note)


def _import(path, store, meetings, batch_dir):
    share = read_share(path)
    passages, unmatched = place_shared(share, MappingFinder(meetings))
    return merge(store, passages, lambda mid: meetings[mid].text if mid in meetings else None,
                 label=path.name, codebook=share.codebook, batch_dir=batch_dir,
                 unmatched=unmatched)


def test_share_file_is_self_contained(tmp_path, meetings, annotations, second_store) -> None:
    _fill(second_store, meetings, annotations)
    path = tmp_path / "from-anna.json"
    assert write_share(path, meetings, second_store.all(), second_store.tags()) == 5
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["parley_annotations"] == 1
    lavrov = doc["meetings"]["seed-lavrov-madani"]
    assert lavrov["fingerprint"] == fingerprint(meetings["seed-lavrov-madani"].text)
    first = doc["annotations"][0]
    assert set(first["anchor"]) == {"start", "end", "exact", "prefix", "suffix"}
    assert first["anchor"]["prefix"] and first["anchor"]["suffix"]
    assert {t["name"] for t in doc["codebook"]} == {
        "topic/terrorism", "topic/OIC relations", "actor/Putin", "rhetoric/double standards"
    }


def test_merge_duplicates_conflicts_and_undo(
    tmp_path, meetings, annotations, annotation_store, second_store
) -> None:
    batches = tmp_path / "batches"
    _fill(second_store, meetings, annotations)
    path = tmp_path / "from-anna.json"
    write_share(path, meetings, second_store.all(), second_store.tags())

    # My own library: one passage shared with Anna but a different note and tag,
    # one identical passage, and one of my own.
    mine = annotation_store
    a3, a5 = annotations[2], annotations[4]
    _fill(mine, meetings, [replace(a3, tags=("mine/hypocrisy",), note="My reading."), a5])
    text = meetings["seed-ivanov-oic"].text
    own = mine.add("seed-ivanov-oic", 0, 5, text, tags=("mine/furniture",))
    before = _essence(mine.all())
    tags_before = {t.name for t in mine.tags()}

    report = _import(path, mine, meetings, batches)
    assert (report.added, report.updated, report.duplicates) == (3, 1, 1)
    assert report.unmatched == []
    assert len(report.conflicts) == 1 and "There must be no double standards" in report.conflicts[0]
    merged = mine.find_span("seed-lavrov-madani", a3.anchor.start, a3.anchor.end)
    assert set(merged.tags) == {"mine/hypocrisy", "topic/terrorism", "rhetoric/double standards"}
    assert merged.note == (
        "My reading.\n\n" + conflict_marker("from-anna.json") + "\n" + a3.note
    )
    assert len(mine.all()) == 6  # 3 mine + 3 new; no duplicate of a5
    assert set(report.tags_created) == {
        "topic/OIC relations", "actor/Putin"
    } | ({"topic/terrorism", "rhetoric/double standards"} - tags_before)

    # Importing the same file again adds nothing and raises no new conflict.
    again = _import(path, mine, meetings, batches)
    assert (again.added, again.updated, again.duplicates, again.conflicts) == (0, 0, 5, [])
    undo_import(mine, batches, again.batch)

    # Undo the first import: my library is as it was, and I keep my own passage.
    assert [b["batch"] for b in list_batches(batches)] == [report.batch]
    undone = undo_import(mine, batches, report.batch)
    assert (undone.removed, undone.restored, undone.kept) == (3, 1, [])
    assert _essence(mine.all()) == before
    assert mine.get(own.id).tags == ("mine/furniture",)
    assert {t.name for t in mine.tags()} == tags_before
    with pytest.raises(BatchNotFound):
        undo_import(mine, batches, report.batch)


def test_undo_keeps_what_changed_since(tmp_path, meetings, annotations, annotation_store) -> None:
    batches = tmp_path / "batches"
    path = tmp_path / "share.json"
    write_share(path, meetings, annotations, SEED_TAGS)
    report = _import(path, annotation_store, meetings, batches)
    assert report.added == 5
    edited = annotation_store.find_span("seed-ivanov-oic", annotations[0].anchor.start,
                                        annotations[0].anchor.end)
    annotation_store.update(edited.id, note="I rewrote this after the import.")
    undone = undo_import(annotation_store, batches, report.batch)
    assert undone.removed == 4 and len(undone.kept) == 1
    assert [a.id for a in annotation_store.all()] == [edited.id]
    assert "topic/terrorism" in {t.name for t in annotation_store.tags()}  # still used


def test_reanchored_by_quote_when_offsets_moved(tmp_path, meetings, annotations,
                                               annotation_store) -> None:
    """Anna's copy of the Lavrov meeting has an extra paragraph, so her offsets differ."""
    lavrov = meetings["seed-lavrov-madani"]
    hers = replace(lavrov, id="anna-lavrov", text="Reposted by a blog.\n\n" + lavrov.text)
    shift = len("Reposted by a blog.\n\n")
    her_anns = [
        replace(a, meeting_id="anna-lavrov",
                anchor=replace(a.anchor, start=a.anchor.start + shift, end=a.anchor.end + shift))
        for a in annotations if a.meeting_id == lavrov.id
    ]
    # One passage she coded exists only in her copy.
    her_anns.append(Annotation("extra", "anna-lavrov",
                               replace(her_anns[0].anchor, start=0, end=8, exact="Reposted"),
                               tags=("blog",)))
    path = tmp_path / "share.json"
    write_share(path, {"anna-lavrov": hers}, her_anns, [])
    report = _import(path, annotation_store, meetings, tmp_path / "b")
    assert report.added == 3
    assert len(report.unmatched) == 1 and "Reposted" in report.unmatched[0]
    for a in annotation_store.all():
        assert a.meeting_id == lavrov.id
        assert lavrov.text[a.anchor.start : a.anchor.end] == a.anchor.exact
    assert _essence(annotation_store.all()) == _essence(
        [a for a in annotations if a.meeting_id == lavrov.id]
    )


def test_same_meeting_id_with_moved_offsets(tmp_path, meetings, annotations,
                                            annotation_store) -> None:
    a = annotations[0]
    moved = replace(a, anchor=replace(a.anchor, start=a.anchor.start + 7, end=a.anchor.end + 7))
    path = tmp_path / "share.json"
    write_share(path, {}, [moved], [])  # no meeting text: anchor as stored
    report = _import(path, annotation_store, meetings, None)
    assert report.added == 1
    (got,) = annotation_store.all()
    assert (got.anchor.start, got.anchor.end) == (a.anchor.start, a.anchor.end)


def test_bad_share_files(tmp_path) -> None:
    p = tmp_path / "x.json"
    p.write_text("not json")
    with pytest.raises(ShareError, match="not JSON"):
        read_share(p)
    p.write_text('{"something": 1}')
    with pytest.raises(ShareError, match="not a Parley annotation file"):
        read_share(p)
    p.write_text('{"parley_annotations": 9}')
    with pytest.raises(ShareError, match="version 9"):
        read_share(p)
    p.write_text('{"parley_annotations": 1, "annotations": [{"id": "x"}]}')
    with pytest.raises(ShareError, match="damaged"):
        read_share(p)
    with pytest.raises(ShareError, match="does not exist"):
        read_share(tmp_path / "missing.json")
