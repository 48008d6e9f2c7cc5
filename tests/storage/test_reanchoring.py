"""Re-anchoring annotations on edited versions of a real seed document.

Passages of seed 003 are tagged; then the text is edited the ways a re-import changes
it (text inserted before, inside and after passages, a passage deleted) and every
annotation must land on its passage in the new text, or be kept as orphaned.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.anchoring import locate, make_anchor
from store.annotations import AnnotationStore
from tests.conftest import SEEDS

SEED = (SEEDS / "003_1e53a87551ad3537.txt").read_text(encoding="utf-8")

PASSAGES = {
    "observer": "We received OIC observer status 10 years ago.",
    "agreement": "a framework cooperation agreement wassigned, which created a sound "
    "political and organisational framework",
    "harmony": "Christians and Muslims in the Middle East and North Africa have "
    "traditionally lived in harmony",
    "radioactive": "ISIS has enough radioactive material",
    "batman": "There are 13 Russians at a migration camp in the Turkish town of Batman",
}
OIC_OCCURRENCE = 3  # a short passage that occurs ten times: only context tells them apart


def nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.index(needle, pos + 1)
    return pos


def radioactive_paragraph(text: str) -> tuple[int, int]:
    i = text.index("radioactive")
    return text.rfind("\n\n", 0, i), text.find("\n\n", i)


def insert_before_all(text: str) -> str:
    return "Editor's note: the OIC corrected this version.\n\n" + text


def insert_after_all(text: str) -> str:
    return text + "\n\nEnd of transcript. The OIC thanks the press."


def insert_right_before_passages(text: str) -> str:
    """Text glued to the start of each passage, inside its stored prefix context."""
    for p in PASSAGES.values():
        text = text.replace(p, "(as delivered) " + p)
    return text


def insert_inside_passage(text: str) -> str:
    return text.replace("cooperation agreement", "cooperation [inaudible] agreement")


def delete_passage(text: str) -> str:
    s, e = radioactive_paragraph(text)
    return text[:s] + text[e:]


def everything(text: str) -> str:
    return delete_passage(
        insert_inside_passage(
            insert_after_all(
                insert_before_all(
                    text.replace(
                        "\n\nWe have a packed agenda.",
                        "\n\nA new paragraph appears here.\n\nWe have a packed agenda.",
                    )
                )
            )
        )
    )


EDITS = {
    "unchanged": (lambda t: t, set(), set()),
    "before": (insert_before_all, set(), set()),
    "after": (insert_after_all, set(), set()),
    "glued-before": (insert_right_before_passages, set(), set()),
    "inside": (insert_inside_passage, {"agreement"}, set()),
    "deleted": (delete_passage, set(), {"radioactive"}),
    "everything": (everything, {"agreement"}, {"radioactive"}),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_reanchor_edited_seed(store: AnnotationStore, edit: str) -> None:
    change, fuzzy, deleted = EDITS[edit]
    new_text = change(SEED)
    ids = {}
    for key, passage in PASSAGES.items():
        start = SEED.index(passage)
        ids[key] = store.tag_span("seed", start, start + len(passage), SEED, f"test/{key}").id
    oic = nth(SEED, "OIC", OIC_OCCURRENCE)
    ids["oic"] = store.tag_span("seed", oic, oic + 3, SEED, "org/oic").id
    store.toggle_bookmark("seed", oic, oic + 3, SEED)

    moved, orphaned = store.reanchor("seed", "edited", new_text)

    assert (moved, orphaned) == (len(ids) - len(deleted), len(deleted))
    assert store.for_meeting("seed") == []
    after = {a.id: a for a in store.for_meeting("edited")}
    assert set(after) == set(ids.values()), "an annotation was dropped"
    for key, ident in ids.items():
        a = after[ident]
        quoted = new_text[a.anchor.start : a.anchor.end]
        if key in deleted:
            assert a.orphaned and a.anchor.exact == PASSAGES[key]
            continue
        assert not a.orphaned, key
        assert a.anchor.exact == quoted
        if key == "oic":
            # the same occurrence: the inserted text may add OICs before it
            expected = nth(
                new_text,
                "OIC",
                OIC_OCCURRENCE
                + new_text[: new_text.index("We received")].count("OIC")
                - SEED[: SEED.index("We received")].count("OIC"),
            )
            assert a.anchor.start == expected
            assert a.bookmark and a.tags == ("org/oic",)
        elif key in fuzzy:
            assert "[inaudible]" in quoted
            ratio = SequenceMatcher(None, quoted, PASSAGES[key]).ratio()
            assert ratio > 0.9, quoted
        else:
            assert quoted == PASSAGES[key]
            assert a.anchor.start == new_text.index(PASSAGES[key])
        assert a.tags[0] in (f"test/{key}", "org/oic")


def test_orphan_is_found_again_by_a_later_import(store: AnnotationStore) -> None:
    start = SEED.index(PASSAGES["radioactive"])
    store.tag_span("v1", start, start + len(PASSAGES["radioactive"]), SEED, "x")
    assert store.reanchor("v1", "v2", delete_passage(SEED)) == (0, 1)
    assert store.reanchor("v2", "v3", SEED) == (1, 0)
    [a] = store.for_meeting("v3")
    assert not a.orphaned and SEED[a.anchor.start : a.anchor.end] == PASSAGES["radioactive"]


def test_reanchor_survives_reopen(store: AnnotationStore, library) -> None:
    start = SEED.index(PASSAGES["batman"])
    store.tag_span("v1", start, start + 10, SEED, "x")
    store.reanchor("v1", "v2", insert_before_all(SEED))
    store.close()
    with AnnotationStore.open(library) as again:
        [a] = again.all()
        assert a.meeting_id == "v2" and a.anchor.exact == "There are "


def test_locate_prefers_context_then_nearest() -> None:
    text = "alpha beta gamma. alpha beta delta. alpha beta gamma."
    anchor = make_anchor(text, 36, 46)  # the third "alpha beta": same suffix as the first
    assert text[36:46] == "alpha beta"
    assert locate(anchor, text) == (36, 46)
    shifted = "xx " + text
    assert locate(anchor, shifted) == (39, 49)
    assert locate(anchor, "nothing like it at all") is None


def test_reanchor_interrupted_between_its_writes_loses_nothing(
    store: AnnotationStore, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = SEED.index(PASSAGES["harmony"])
    a = store.tag_span("v1", start, start + 20, SEED, "x")
    real_edit = store._edit
    calls = []

    def edit_then_crash(rel, fn):  # type: ignore[no-untyped-def]
        calls.append(rel)
        if len(calls) == 2:  # the write that would empty the old meeting's file
            raise OSError("simulated crash")
        return real_edit(rel, fn)

    monkeypatch.setattr(store, "_edit", edit_then_crash)
    with pytest.raises(OSError):
        store.reanchor("v1", "v2", insert_before_all(SEED))
    monkeypatch.undo()
    store.close()
    with AnnotationStore.open(library) as again:
        # both copies are on disk; the newer (moved) one is shown, once
        [shown] = again.all()
        assert shown.id == a.id and shown.meeting_id == "v2"
        assert not shown.orphaned and shown.anchor.exact == SEED[start : start + 20]


@given(
    st.integers(min_value=0, max_value=len(SEED) - 200),
    st.integers(min_value=10, max_value=150),
    st.lists(st.tuples(st.floats(0, 1), st.text(min_size=1, max_size=30)), max_size=6),
)
@settings(max_examples=60, deadline=None)
def test_locate_survives_edits_outside_the_passage(
    start: int, length: int, edits: list[tuple[float, str]]
) -> None:
    """Insertions anywhere outside the passage never lose or misplace it."""
    end = start + length
    anchor = make_anchor(SEED, start, end)
    before, passage, after = SEED[:start], SEED[start:end], SEED[end:]
    for where, text in edits:
        if where < 0.5:
            cut = int(where * 2 * len(before))
            before = before[:cut] + text + before[cut:]
        else:
            cut = int((where - 0.5) * 2 * len(after))
            after = after[:cut] + text + after[cut:]
    new = before + passage + after
    found = locate(anchor, new)
    assert found is not None
    assert new[found[0] : found[1]] == passage
    if SEED.count(passage) == 1 and new.count(passage) == 1:
        assert found == (len(before), len(before) + length)
