"""Page furniture out, scrape damage repaired, with an exact map back to the source.

Cleaning runs three passes over the page text, each expressed as edits (delete a span,
insert a string) so the offset map can be carried through mechanically:

1. drop the lines :mod:`store.ingest.furniture` calls page furniture;
2. tidy white space: trailing spaces, the indentation every line shares, runs of
   blank lines, blank lines at both ends (paragraph structure is kept);
3. insert the spaces :mod:`store.ingest.repair` finds missing.

``Cleaned.offsets[i]`` is the source index of cleaned character ``i``; an inserted
character maps to the source character that follows it. The map is traced from the
edits on first use (extraction itself never reads it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from store.ingest.document import Cleaned
from store.ingest.furniture import furniture_lines
from store.ingest.repair import space_insertions


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``insert``."""

    start: int
    end: int
    insert: str = ""


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """``text`` with non-overlapping ``edits`` applied, and the edits that were (an
    overlapping edit is dropped: the earlier one wins), in order, to trace offsets by."""
    if not edits:
        return text, []
    out: list[str] = []
    kept: list[Edit] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:  # overlapping edit: the earlier one wins
            continue
        kept.append(e)
        out.append(text[pos : e.start])
        out.append(e.insert)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), kept


def trace_offsets(source_len: int, passes: tuple[list[Edit], ...]) -> list[int]:
    """The offset map of a text made from a source of ``source_len`` characters by
    applying each pass's (kept) edits in turn: ``offsets[i]`` is the source index of
    character ``i``, and an inserted character maps to the one that follows it."""
    offsets = list(range(source_len))
    for edits in passes:
        out: list[int] = []
        pos = 0
        for e in edits:
            out.extend(offsets[pos : e.start])
            if e.insert:
                anchor = offsets[e.end] if e.end < len(offsets) else source_len
                out.extend([anchor] * len(e.insert))
            pos = e.end
        out.extend(offsets[pos:])
        offsets = out
    return offsets


_TRAILING = re.compile(r"[ \t\u00a0]+(?=\n|\Z)")
_TRAILING_CHARS = (" ", "\t", "\u00a0")
_TRAILING_MARKS = tuple(c + "\n" for c in _TRAILING_CHARS)
_BLANK_RUN = re.compile(r"\n(?:[ \t\u00a0]*\n){2,}")


def _whitespace_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    # Most texts have no line ending in white space, and ``in`` says so far faster than
    # the pattern, which is tried at every space between two words.
    if any(t in text for t in _TRAILING_MARKS) or text.endswith(_TRAILING_CHARS):
        edits = [Edit(m.start(), m.end()) for m in _TRAILING.finditer(text)]
    if text and not text[0].isspace():
        return edits  # the first line is not indented, so no indentation is shared
    # The indentation all non-blank lines share (a scraper's artefact, not structure).
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group().strip()]
    indents = [len(ln) - len(ln.lstrip(" \t")) for _, ln in lines]
    common = min(indents, default=0)
    if common:
        edits += [Edit(start, start + common) for start, _ in lines]
    return edits


def _blank_edits(text: str) -> list[Edit]:
    edits = [Edit(m.start() + 1, m.end() - 1) for m in _BLANK_RUN.finditer(text)]
    lead = len(text) - len(text.lstrip())
    if lead:
        edits.append(Edit(0, lead))
    tail = len(text.rstrip())
    if tail < len(text) and tail >= lead:
        edits.append(Edit(tail, len(text)))
    return edits


def clean(text: str) -> Cleaned:
    """Cleaned text of a page, with ``offsets`` back into ``text``.

    The offset map is traced from the passes' edits only when it is asked for:
    extraction never needs it, and building it (a list of ints per character, copied
    by every pass) cost as much as a pass.
    """
    passes: list[list[Edit]] = []
    out = text
    for find in (_furniture_edits, _whitespace_edits, _blank_edits, _space_edits):
        out, kept = apply_edits(out, find(out))
        if kept:
            passes.append(kept)
    return Cleaned(text=out, trace=partial(trace_offsets, len(text), tuple(passes)))


def _furniture_edits(text: str) -> list[Edit]:
    return [Edit(a, b) for a, b in furniture_lines(text)]


def _space_edits(text: str) -> list[Edit]:
    return [Edit(i, i, " ") for i in space_insertions(text)]
