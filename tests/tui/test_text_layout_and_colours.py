"""Wrapping by offsets, control characters made visible, stable speaker colours."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.speaker_colours import PALETTE, UNKNOWN_SPEAKER, speaker_colour
from tui.text_layout import display_text, reflowed, wrap_spans

WORDS = st.lists(
    st.sampled_from(["a", "bb", "word", "x" * 30, " ", "  ", "\n", "\n\n", "é", "中文", "[b]"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=WORDS, width=st.integers(min_value=1, max_value=30))
def test_wrap_spans_cover_the_text_and_fit(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    position = 0
    for start, end in spans:
        # lines follow each other; only the newline between paragraphs is skipped
        assert start == position or (text[position:start] == "\n" and start == position + 1)
        assert "\n" not in text[start:end]
        visible = text[start:end].rstrip(" ")
        assert cell_len(visible) <= width or len(visible) == 1
        position = end
    assert position == len(text)


def test_display_text_keeps_length_and_hides_controls() -> None:
    raw = "a\x1b[31mb\x07c\td\re\x9bf\nnext"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert shown == "a␛[31mb␇c d e\ufffdf\nnext"


def test_speaker_colour_is_stable_and_from_the_palette() -> None:
    assert speaker_colour("Sergey Lavrov") == speaker_colour("  sergey lavrov ".strip())
    assert speaker_colour("Sergey Lavrov") in PALETTE
    assert speaker_colour(None) == UNKNOWN_SPEAKER
    assert speaker_colour("Sergey Lavrov") != speaker_colour("Iyad Ameen Madani")


def test_hard_wrapped_lines_are_read_as_one_paragraph_at_the_same_offsets() -> None:
    text = (
        "Briefing with the Press Secretary\n"  # a heading: the next line is capitalised
        "March 22, 2021, 12:30\n"  # a dateline: the same
        "\n"
        "MS. PSAKI:  Hi, everyone.  I just have a couple of items\n"
        "for you at the top.\n"  # a sentence cut at the file's wrap column
        "The \u201cHelp Is Here\u201d tour continues with the Vice President and\n"
        "Second Gentleman traveling \u2014\n"
        "with the President.\n"
        "\n"
        "Q:  One question:\n"
        "about the tour."
    )
    out = reflowed(text)
    assert len(out) == len(text)  # the cursor, selections and annotations keep their offsets
    assert [i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b] == [
        text.index("items\n") + 5, text.index("\u2014\n") + 1,
    ]
    assert "Press Secretary\nMarch" in out and "12:30\n\nMS." in out
    assert "and\nSecond" in out  # a capital may start a name: left as the file has it
    assert "question:\nabout" in out  # a colon may introduce a list
    assert reflowed("no breaks") == "no breaks"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\nab A1.:“» é\t_", max_size=40))
def test_reflowed_joins_exactly_where_the_rule_says(text: str) -> None:
    """The rule as a regular expression; ``reflowed`` checks the character before by
    hand, since a pattern starting with a look-behind is tried at every character."""
    rule = re.compile(r"(?<=[^\s.!?:;\"“”«»])\n(?=[^\W\d_])")
    expected = rule.sub(lambda m: " " if text[m.end()].islower() else "\n", text)
    assert reflowed(text) == expected
