"""Codebook operations with their counts, default colours, and session undo/redo."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.annotations import AnnotationStore
from store.codebook import PALETTE, default_colour, moved_name, normalise_tag
from tests.storage.conftest import TEXT, span


def state(store: AnnotationStore) -> tuple[list[tuple[str, ...]], list[tuple[str, str, str]]]:
    """What a person sees: every passage's tags/bookmark/note and the codebook."""
    passages = [
        (a.meeting_id, str(a.anchor.start), ",".join(a.tags), str(a.bookmark), a.note)
        for a in store.all()
    ]
    return passages, [(t.name, t.colour, t.description) for t in store.tags()]


def test_names_and_colours() -> None:
    assert normalise_tag("  Topic /  terrorism  / ") == "Topic/terrorism"
    with pytest.raises(ValueError, match="needs a name"):
        normalise_tag(" / ")
    assert default_colour("topic/terrorism") == default_colour("topic/terrorism")
    assert all(c.startswith("#") and len(c) == 7 for c in PALETTE)
    assert len({default_colour(f"t{i}") for i in range(100)}) > 6
    assert moved_name("topic/x/y", "topic", "themes") == "themes/x/y"
    assert moved_name("topical", "topic", "themes") is None


def test_create_and_update_tag(store: AnnotationStore, library: Path) -> None:
    t = store.create_tag("topic/terrorism", description="Terrorism and extremism")
    assert t.colour == default_colour("topic/terrorism")
    with pytest.raises(ValueError, match="already exists"):
        store.create_tag("topic/terrorism")
    u = store.update_tag("topic/terrorism", colour="#FF0000")
    assert u.colour == "#ff0000" and u.description == "Terrorism and extremism"
    with pytest.raises(ValueError, match="#rrggbb"):
        store.update_tag("topic/terrorism", colour="red")
    with pytest.raises(ValueError, match="#rrggbb"):
        store.create_tag("bad", colour="#12345")
    with pytest.raises(KeyError, match="no tag nope"):
        store.update_tag("nope", description="x")
    store.close()
    with AnnotationStore.open(library) as again:
        assert again.tags()[0].colour == "#ff0000"


def test_rename_parent_renames_children(store: AnnotationStore) -> None:
    store.tag_span("m1", *span(TEXT, "terrorism"), TEXT, "topic/terrorism")
    store.tag_span("m1", *span(TEXT, "Syria"), TEXT, "topic/syria")
    store.tag_span("m2", *span(TEXT, "Syria"), TEXT, "topic/syria")
    store.tag_span("m2", *span(TEXT, "Syria"), TEXT, "topical")
    store.update_tag("topic/syria", colour="#123456")
    assert store.rename_tag("topic", "themes") == 3
    assert [t.name for t in store.tags()] == ["themes/syria", "themes/terrorism", "topical"]
    assert store.tags()[0].colour == "#123456"
    assert store.tag_counts() == {"themes/terrorism": 1, "themes/syria": 2, "topical": 1}
    with pytest.raises(ValueError, match="merge"):
        store.rename_tag("topical", "themes/syria")
    with pytest.raises(ValueError, match="inside itself"):
        store.rename_tag("themes", "themes/sub")
    with pytest.raises(KeyError):
        store.rename_tag("absent", "x")


def test_merge_tags(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Yemen")
    store.tag_span("m1", s, e, TEXT, "yemen")
    store.tag_span("m1", s, e, TEXT, "geo/yemen")
    store.tag_span("m2", s, e, TEXT, "yemen")
    assert store.merge_tags("yemen", "geo/yemen") == 2
    assert store.tag_counts() == {"geo/yemen": 2}
    assert store.find_span("m1", s, e).tags == ("geo/yemen",)  # type: ignore[union-attr]
    assert [t.name for t in store.tags()] == ["geo/yemen"]


def test_delete_tag_counts_and_removes_empty(store: AnnotationStore) -> None:
    store.tag_span("m1", *span(TEXT, "Syria"), TEXT, "geo/syria")
    store.tag_span("m1", *span(TEXT, "Moscow"), TEXT, "geo/russia")
    store.tag_span("m1", *span(TEXT, "Moscow"), TEXT, "city")
    store.toggle_bookmark("m2", *span(TEXT, "Syria"), TEXT)
    store.tag_span("m2", *span(TEXT, "Syria"), TEXT, "geo")
    assert store.delete_tag("geo") == 3
    assert [t.name for t in store.tags()] == ["city"]
    assert store.tag_counts() == {"city": 1}
    assert len(store.for_meeting("m1")) == 1  # the Syria passage had nothing else
    assert store.for_meeting("m2")[0].bookmark


def test_undo_redo_every_action(store: AnnotationStore) -> None:
    states = [state(store)]
    s, e = span(TEXT, "Syria")
    m, n = span(TEXT, "Moscow")
    steps = [
        lambda: store.tag_span("m1", s, e, TEXT, "topic/terrorism"),
        lambda: store.tag_span("m1", m, n, TEXT, "geo"),
        lambda: store.toggle_bookmark("m1", s, e, TEXT),
        lambda: store.set_note("m1", s, e, TEXT, "a note"),
        lambda: store.untag_span("m1", m, n, "geo"),
        lambda: store.add("m2", m, n, TEXT, tags=["geo"]),
        lambda: store.update_tag("geo", colour="#000000"),
        lambda: store.rename_tag("topic", "themes"),
        lambda: store.merge_tags("geo", "themes/geo"),
        lambda: store.create_tag("spare"),
        lambda: store.delete_tag("themes"),
        lambda: store.delete(store.all()[0].id) if store.all() else None,
    ]
    descriptions = []
    for step in steps:
        step()
        descriptions.append(store._undo.done[-1].description)
        states.append(state(store))
    assert descriptions[0] == "Added tag topic/terrorism to 1 passage"
    assert descriptions[4] == "Removed tag geo from 1 passage"
    assert descriptions[7] == "Renamed tag topic to themes (1 passage)"
    for i in range(len(steps), 0, -1):
        assert store.undo() == descriptions[i - 1]
        assert state(store) == states[i - 1], f"after undoing step {i}"
    assert store.undo() is None
    for i in range(1, len(steps) + 1):
        assert store.redo() == descriptions[i - 1]
        assert state(store) == states[i], f"after redoing step {i}"
    assert store.redo() is None


def test_new_action_clears_redo(store: AnnotationStore) -> None:
    store.tag_span("m1", 0, 6, TEXT, "a")
    assert store.undo() == "Added tag a to 1 passage"
    store.tag_span("m1", 0, 6, TEXT, "b")
    assert store.redo() is None
    assert store.for_meeting("m1")[0].tags == ("b",)


def test_undo_delete_tag_restores_passages(store: AnnotationStore) -> None:
    s, e = span(TEXT, "Syria")
    store.tag_span("m1", s, e, TEXT, "topic/terrorism")
    before = state(store)
    assert store.delete_tag("topic/terrorism") == 1
    assert store.all() == []
    assert store.undo() == "Deleted tag topic/terrorism from 1 passage"
    assert state(store) == before


def test_undo_leaves_changes_made_elsewhere(library: Path) -> None:
    one = AnnotationStore.open(library)
    two = AnnotationStore.open(library)
    s, e = span(TEXT, "Syria")
    one.tag_span("m1", s, e, TEXT, "x")
    two.set_note("m1", s, e, TEXT, "written by the other copy")
    message = one.undo()
    assert message is not None and "changed since" in message
    assert one.for_meeting("m1")[0].note == "written by the other copy"
    one.close()
    two.close()


def test_undo_history_is_per_session(library: Path) -> None:
    with AnnotationStore.open(library) as s:
        s.tag_span("m1", 0, 6, TEXT, "x")
    with AnnotationStore.open(library) as s:
        assert s.undo() is None
        assert len(s.all()) == 1
