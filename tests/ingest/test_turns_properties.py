"""Whatever the text, turn finding never crashes and every remark slices the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest import Unreadable, extract_text

PIECES = [
    "Sergey Lavrov: ", "Question: ", "Q    ", "PRESIDENT BIDEN:  ", "The President. ",
    "В.Путин: ", "Note: ", "12:10 P.M. EDT", "* * *", "<…>", "END 1:26 P.M. EDT",
    "President\nof Russia Vladimir Putin: ", "(retranslated)", "Hello.", "Why?", "\n", "\n\n",
    "  \n", "March 22, 2021", "Moscow", "**Anna Smith:** ", ":", "(Via interpreter) ", "",
]  # fmt: skip

documents = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=0, max_size=40
).map("".join)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_extract_never_crashes_and_offsets_hold(text: str) -> None:
    try:
        meetings = extract_text(text, "fuzz.txt")
    except Unreadable as exc:  # e.g. an empty file: one clear sentence, not a crash
        assert str(exc)
        return
    for m in meetings:
        for r in m.remarks:
            assert 0 <= r.start <= r.end <= len(m.text)
            assert m.text[r.start : r.end] == r.text
            assert r.text == r.text.strip()
        for s in m.sections:
            assert 0 <= s.start <= len(m.text)
