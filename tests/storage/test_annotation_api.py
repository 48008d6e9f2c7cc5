"""Every AnnotationStore method, and that what it writes is there after reopening."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.annotations import AnnotationStore, StoreError
from store.models import Annotation
from tests.storage.conftest import TEXT, span

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")


def reopen(store: AnnotationStore, library: Path) -> AnnotationStore:
    store.close()
    return AnnotationStore.open(library)


def test_add_get_and_persist(store: AnnotationStore, library: Path) -> None:
    s, e = span(TEXT, "terrorism and extremism")
    a = store.add(
        "m1",
        s,
        e,
        TEXT,
        tags=["topic/terrorism", " topic / extremism "],
        bookmark=True,
        note="key line",
    )
    assert a.anchor.exact == "terrorism and extremism"
    assert a.anchor.prefix == TEXT[s - 32 : s] and a.anchor.suffix == TEXT[e : e + 32]
    assert a.tags == ("topic/terrorism", "topic/extremism")
    assert a.bookmark and a.note == "key line" and not a.orphaned
    assert ISO.match(a.created) and a.created == a.updated
    assert store.get(a.id) == a
    store2 = reopen(store, library)
    assert store2.get(a.id) == a
    assert [t.name for t in store2.tags()] == ["topic/extremism", "topic/terrorism"]
    store2.close()


def test_add_rejects_bad_span(store: AnnotationStore) -> None:
    with pytest.raises(ValueError, match="not a passage"):
        store.add("m1", 5, 5, TEXT)
    with pytest.raises(ValueError):
        store.add("m1", 0, len(TEXT) + 1, TEXT)
    assert store.all() == []


def test_get_missing_is_one_sentence(store: AnnotationStore) -> None:
    with pytest.raises(KeyError, match="no annotation with id nope"):
        store.get("nope")


def test_update_and_delete(store: AnnotationStore, library: Path) -> None:
    a = store.add("m1", 0, 7, TEXT, tags=["x"])
    b = store.update(a.id, tags=["y", "y", "z"], note="n", bookmark=1)
    assert b.tags == ("y", "z") and b.note == "n" and b.bookmark is True
    assert b.updated >= a.updated and b.created == a.created
    assert {t.name for t in store.tags()} == {"x", "y", "z"}
    with pytest.raises(ValueError, match="Only tags, bookmark and note"):
        store.update(a.id, meeting_id="m2")
    store.delete(a.id)
    with pytest.raises(KeyError):
        store.get(a.id)
    store2 = reopen(store, library)
    assert store2.all() == []
    store2.close()


def test_for_meeting_all_find_span(store: AnnotationStore) -> None:
    s2 = span(TEXT, "Syria")
    s1 = span(TEXT, "Ladies")
    b = store.add("m1", *s2, TEXT, tags=["geo"])
    a = store.add("m1", *s1, TEXT, tags=["opening"])
    c = store.add("m0", *s1, TEXT, note="other meeting")
    assert [x.id for x in store.for_meeting("m1")] == [a.id, b.id]
    assert [x.id for x in store.all()] == [c.id, a.id, b.id]
    assert store.find_span("m1", *s2) == b
    assert store.find_span("m1", s2[0], s2[1] + 1) is None
    assert store.for_meeting("unknown") == []


def test_tag_span_reuses_the_span_annotation(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Syria")
    a = store.tag_span("m1", s, e, TEXT, "geo/syria")
    b = store.tag_span("m1", s, e, TEXT, "topic/war")
    c = store.tag_span("m1", s, e, TEXT, "geo/syria")
    assert a.id == b.id == c.id
    assert c.tags == ("geo/syria", "topic/war")
    assert len(store.for_meeting("m1")) == 1
    assert store.tag_counts() == {"geo/syria": 1, "topic/war": 1}


def test_untag_span_removes_empty_annotation(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Syria")
    store.tag_span("m1", s, e, TEXT, "a")
    store.tag_span("m1", s, e, TEXT, "b")
    left = store.untag_span("m1", s, e, "a")
    assert left is not None and left.tags == ("b",)
    assert store.untag_span("m1", s, e, "b") is None
    assert store.for_meeting("m1") == []
    assert store.untag_span("m1", s, e, "b") is None
    assert store.tag_counts() == {}
    # the codebook keeps its tags: a code can exist with no passage yet
    assert {t.name for t in store.tags()} == {"a", "b"}


def test_untag_keeps_annotation_with_bookmark(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Yemen")
    store.tag_span("m1", s, e, TEXT, "geo")
    store.toggle_bookmark("m1", s, e, TEXT)
    kept = store.untag_span("m1", s, e, "geo")
    assert kept is not None and kept.bookmark and kept.tags == ()


def test_toggle_bookmark(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Moscow")
    on = store.toggle_bookmark("m1", s, e, TEXT)
    assert on.bookmark
    assert store.counts_by_meeting() == {"m1": (0, 1)}
    off = store.toggle_bookmark("m1", s, e, TEXT)
    assert not off.bookmark
    assert store.for_meeting("m1") == []
    assert store.counts_by_meeting() == {}


def test_set_note(store: AnnotationStore) -> None:
    s, e = span(TEXT, "next year")
    a = store.set_note("m1", s, e, TEXT, "check the date")
    assert a.note == "check the date"
    assert store.get(a.id).note == "check the date"
    b = store.set_note("m1", s, e, TEXT, "")
    assert b.note == ""
    assert store.for_meeting("m1") == []


def test_counts_by_meeting(store: AnnotationStore) -> None:
    store.tag_span("m1", 0, 6, TEXT, "x")
    store.tag_span("m1", 10, 20, TEXT, "x")
    store.toggle_bookmark("m1", 10, 20, TEXT)
    store.toggle_bookmark("m2", 0, 6, TEXT)
    store.set_note("m3", 0, 6, TEXT, "just a note")
    assert store.counts_by_meeting() == {"m1": (2, 1), "m2": (0, 1), "m3": (0, 0)}


def test_live_counts_follow_every_change_and_cannot_be_written(store: AnnotationStore) -> None:
    live = store.live_counts()
    assert dict(live) == {}
    store.tag_span("m1", 0, 6, TEXT, "x")
    assert live["m1"] == (1, 0)
    store.toggle_bookmark("m1", 0, 6, TEXT)
    assert live["m1"] == (1, 1)
    store.untag_span("m1", 0, 6, "x")
    assert live["m1"] == (0, 1)
    assert dict(live) == store.counts_by_meeting()
    with pytest.raises(TypeError):
        live["m9"] = (1, 1)  # type: ignore[index]


def test_orphaned_lists_orphans(store: AnnotationStore) -> None:
    store.tag_span("old", *span(TEXT, "Syria"), TEXT, "geo")
    store.tag_span("old", *span(TEXT, "Moscow"), TEXT, "geo")
    moved, lost = store.reanchor("old", "new", TEXT.replace("Syria", "Libya"))
    assert (moved, lost) == (1, 1)
    [orphan] = store.orphaned()
    assert orphan.meeting_id == "new" and orphan.anchor.exact == "Syria"


def test_saved_searches(store: AnnotationStore, library: Path) -> None:
    store.save_search("Lavrov on Syria", "Syria", {"speaker": "Sergey Lavrov"})
    store.save_search("  all   yemen ", '"Yemen"', {})
    store.save_search("Lavrov on Syria", "Syria*", {"kinds": ["answer"]})
    assert store.saved_searches() == [
        ("all yemen", '"Yemen"', {}),
        ("Lavrov on Syria", "Syria*", {"kinds": ["answer"]}),
    ]
    with pytest.raises(ValueError, match="plain JSON"):
        store.save_search("bad", "x", {"when": object()})
    with pytest.raises(ValueError, match="needs a name"):
        store.save_search("  ", "x", {})
    store.delete_search("all yemen")
    store.delete_search("not there")
    store2 = reopen(store, library)
    assert store2.saved_searches() == [("Lavrov on Syria", "Syria*", {"kinds": ["answer"]})]
    store2.close()


def test_close_stops_writes(store: AnnotationStore) -> None:
    store.tag_span("m1", 0, 6, TEXT, "x")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.tag_span("m1", 0, 6, TEXT, "y")
    assert len(store.all()) == 1


def test_context_manager_and_reopen(library: Path) -> None:
    with AnnotationStore.open(library) as s:
        a = s.tag_span("m1", 0, 6, TEXT, "x")
    with AnnotationStore.open(library) as s:
        assert s.get(a.id).tags == ("x",)


def test_refresh_sees_another_instance(library: Path) -> None:
    one = AnnotationStore.open(library)
    two = AnnotationStore.open(library)
    a = one.tag_span("m1", 0, 6, TEXT, "x")
    # for_meeting re-checks the meeting's file
    assert [x.id for x in two.for_meeting("m1")] == [a.id]
    one.tag_span("m2", 0, 6, TEXT, "y")
    one.create_tag("z")
    assert two.refresh() >= 2
    assert two.counts_by_meeting() == {"m1": (1, 0), "m2": (1, 0)}
    assert {t.name for t in two.tags()} == {"x", "y", "z"}
    # two edits of one annotation from two instances: both survive
    two.tag_span("m1", 0, 6, TEXT, "from-two")
    one.tag_span("m1", 0, 6, TEXT, "from-one")
    assert set(one.get(a.id).tags) == {"x", "from-one", "from-two"}
    one.close()
    two.close()


def test_annotation_json_on_disk_is_tinydb(store: AnnotationStore, library: Path) -> None:
    """The shard files are ordinary TinyDB databases with string ids."""
    from tinydb import TinyDB

    a = store.tag_span("m1", 0, 6, TEXT, "x")
    [shard] = (library / "annotations" / "shards").glob("*/*.json")
    with TinyDB(shard, access_mode="r") as db:
        raw = db.storage.read()
    assert raw is not None
    assert list(raw["annotations"]) == [a.id]
    assert Annotation.from_json(raw["annotations"][a.id]) == a


def test_threads_share_one_store(store: AnnotationStore) -> None:
    """A UI worker thread and the main thread may both write; nothing is lost."""
    import threading

    def tag(name: str) -> None:
        for i in range(40):
            store.tag_span(f"m{i % 3}", i, i + 5, TEXT, name)

    threads = [threading.Thread(target=tag, args=(f"t{k}",)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.tag_counts() == {"t0": 40, "t1": 40, "t2": 40}
    assert all(len(a.tags) == 3 for a in store.all())


def test_files_beyond_the_open_ones_still_merge_others_changes(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a few shard files stay parsed between writes; one dropped from them and
    written again is re-read first, so another instance's change to it survives."""
    import store.annotations as annotations

    monkeypatch.setattr(annotations, "OPEN_SHARDS", 2)
    one = AnnotationStore.open(library)
    two = AnnotationStore.open(library)
    meetings = [f"m{i}" for i in range(5)]
    for m in meetings:
        one.tag_span(m, 0, 6, TEXT, "one")
    assert len(one._files) == 2
    for m in meetings:  # two changes every file, including those one holds parsed
        two.tag_span(m, 0, 6, TEXT, "two")
    for m in reversed(meetings):  # files dropped by `one` and files it still holds
        one.tag_span(m, 7, 10, TEXT, "again")
    one.close()
    two.close()
    with AnnotationStore.open(library) as s:
        assert s.tag_counts() == {"one": 5, "two": 5, "again": 5}
        for m in meetings:
            assert [a.tags for a in s.for_meeting(m)] == [("one", "two"), ("again",)]


def test_writes_to_many_meetings_leave_no_objects_behind(store: AnnotationStore) -> None:
    """A write to a meeting not written before must not leave parsed copies of its
    file behind for the cyclic GC to walk (which slowed writes to a large library)."""
    import gc

    import store.annotations as annotations

    for i in range(annotations.OPEN_SHARDS + 10):  # fill the open files, codebook, undo
        store.tag_span(f"warm{i}", 0, 6, TEXT, "x")
    store._undo.depth = len(store._undo.done)  # undo history at its depth: steady state
    for bucket in range(256):  # each of the 256 lock files, once (a fixed cost)
        with store._lock_for(f"{bucket:02x}"):
            pass
    gc.collect()
    before = len(gc.get_objects())
    for i in range(200):
        store.tag_span(f"m{i}", 0, 6, TEXT, "x")
    gc.collect()
    # each new annotation and its anchor stay (2 objects), plus its meeting's index dict
    # and shard dict (2 more); nothing else may accumulate per write
    assert len(gc.get_objects()) - before <= 200 * 4 + 20
