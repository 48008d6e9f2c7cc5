"""Word wrapping that remembers where each line came from in the source text.

The remarks and transcript views draw only the lines on screen, so they need to know,
for any screen line, which characters of the meeting's text it shows; and the transcript's
cursor and selection are character offsets into that text. Rich's own wrapping returns
styled lines without offsets, so this module wraps plain text into ``(start, end)`` spans.
It also turns control characters into visible symbols of the same length, so document text
can never send an escape sequence to the terminal and offsets stay one-to-one.
"""

from __future__ import annotations

import re
from functools import cache

from rich.cells import cell_len, get_character_cell_size


@cache
def _one_cell_characters() -> frozenset[str]:
    """Characters below the CJK blocks that take exactly one cell (Latin, Cyrillic, …)."""
    return frozenset(
        chr(code) for code in range(0x20, 0x2E80) if get_character_cell_size(chr(code)) == 1
    )


def _one_cell_each(text: str) -> bool:
    """True when every character takes one cell, so characters can be counted as cells."""
    return text.isascii() or _one_cell_characters().issuperset(text)


# One character for one character, so offsets into the display text equal offsets into
# the meeting's text. C0 controls show as the Unicode "control pictures" (ESC → ␛);
# tab and carriage return become spaces, which is how a reader expects them to look.
_CONTROL_PICTURES = {chr(code): chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES["\x7f"] = "\u2421"
_CONTROL_PICTURES["\t"] = " "
_CONTROL_PICTURES["\r"] = " "
for _code in range(0x80, 0xA0):  # C1 controls (CSI is 0x9B) shown as a replacement mark
    _CONTROL_PICTURES[chr(_code)] = "\ufffd"
# every control character except the newline, which ends a line rather than being shown
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def display_text(text: str) -> str:
    """``text`` with every control character replaced by a visible one of the same length."""
    # re.sub, not str.translate: translate is slow on non-ASCII text, and most texts
    # have no control characters at all
    return _CONTROL.sub(lambda match: _CONTROL_PICTURES[match.group()], text)


# A line break inside a sentence: after a character that ends no sentence or clause,
# before a lower-case letter ("the Vice President and\nSecond" stays; "visit to\nthe
# region" joins). Scraped and e-mailed documents are often hard-wrapped at 70-80
# columns, which a narrower pane turned into a long line and a one-word one, alternately.
# Headings, datelines and one-paragraph-per-line files start their lines with a capital
# or a digit, so they keep their breaks.
_WRAP_CANDIDATE = re.compile(r"\n(?=[^\W\d_])")  # starts with the break: found by a fast scan
_ENDS_CLAUSE = frozenset(".!?:;\"“”«»")


def reflowed(text: str) -> str:
    """``text`` with its hard-wrapping line breaks as spaces, at the same offsets.

    For reading only: the views wrap the result to the pane, while offsets (cursor,
    selection, annotations) still point into the meeting's own text. Each meeting the
    remarks pane shows goes through here, so the character before a break is looked at
    by hand: a pattern starting with a look-behind is tried at every character.
    """
    if "\n" not in text:
        return text

    def space_or_break(match: re.Match[str]) -> str:
        at = match.start()
        before = text[at - 1] if at else " "
        wraps = text[at + 1].islower() and not before.isspace() and before not in _ENDS_CLAUSE
        return " " if wraps else "\n"

    return _WRAP_CANDIDATE.sub(space_or_break, text)


def wrap_spans(
    text: str, width: int, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Wrap ``text[start:end]`` to ``width`` cells; return the ``(start, end)`` of each line.

    Lines break at spaces (the space stays at the end of the line it follows, so the spans
    cover the text without gaps, which keeps cursor movement simple) and at newlines (the
    newline itself belongs to no line). A word longer than the width is cut. An empty
    paragraph gives an empty line, so blank lines between paragraphs survive.
    """
    width = max(1, width)
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        stop = end if newline == -1 else newline
        _wrap_paragraph(text, pos, stop, width, spans)
        if newline == -1:
            break
        pos = newline + 1
    return spans


def _wrap_paragraph(
    text: str, start: int, end: int, width: int, out: list[tuple[int, int]]
) -> None:
    if start >= end:
        out.append((start, start))
        return
    if _one_cell_each(text if end - start == len(text) else text[start:end]):
        _wrap_ascii(text, start, end, width, out)
        return
    line_start = start
    line_cells = 0
    last_break = -1  # offset just after the last space on this line
    pos = start
    while pos < end:
        char = text[pos]
        size = 1 if char < "\u0300" else get_character_cell_size(char)
        if char == " ":
            # spaces may hang past the margin, so a line never starts with one
            line_cells += size
            pos += 1
            last_break = pos
            continue
        if line_cells + size > width and pos > line_start:
            if last_break > line_start:
                out.append((line_start, last_break))
                line_start = last_break
                line_cells = cell_len(text[line_start:pos])
            else:
                out.append((line_start, pos))
                line_start = pos
                line_cells = 0
            last_break = -1
            continue
        line_cells += size
        pos += 1
    out.append((line_start, end))


def _wrap_ascii(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """The same rules as the general loop, faster, for text where a character is a cell."""
    pos = start
    while end - pos > width:
        space = text.rfind(" ", pos + 1, min(end, pos + width + 1))
        if space == -1:
            cut = pos + width
        else:
            cut = space + 1
            while cut < end and text[cut] == " ":
                cut += 1
        if cut >= end:
            break
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
