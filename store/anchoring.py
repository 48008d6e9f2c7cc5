"""Find an annotated passage again after its meeting's text changed.

An annotation is anchored the way the W3C Web Annotation model does it: by position
(``start``/``end``) and by quote (``exact`` with ~32 characters of ``prefix`` and
``suffix`` context, a TextQuoteSelector). Offsets alone break as soon as a re-import
inserts or removes a word anywhere before the passage; the quote alone is ambiguous when
a phrase occurs twice. Together they are robust:

1. every occurrence of ``exact`` in the new text is scored by how much of the stored
   context surrounds it, ties going to the occurrence nearest the old position (so an
   unchanged text keeps its anchor at once);
2. when ``exact`` no longer occurs (someone edited inside the passage), the stored
   prefix and suffix are looked up and the text between them accepted if it is still
   close to the old quote; failing that, difflib aligns the quote against a window of
   the new text and the best alignment is accepted above a high similarity threshold;
3. otherwise the caller marks the annotation orphaned and keeps its old anchor.

Pure functions, no I/O: the annotation store decides what to write.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from store.models import Anchor

CONTEXT_CHARS = 32
"""How much text before and after a passage is stored with its anchor."""

FUZZY_THRESHOLD = 0.85
"""Minimum difflib ratio between the old quote and a candidate span to accept it."""

_MAX_OCCURRENCES = 2000
_FUZZY_WINDOW = 20_000


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """The anchor of ``text[start:end]``, with ``context`` characters on each side.

    Raises ``ValueError`` for an empty or out-of-range span: an annotation must quote
    something, or it could never be found again.
    """
    if not (0 <= start < end <= len(text)):
        raise ValueError(
            f"The span {start}–{end} is not a passage of this text ({len(text)} characters)."
        )
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the stored prefix and suffix surround ``text[start:end]``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    i = text.find(needle)
    while i != -1 and len(found) < _MAX_OCCURRENCES:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _by_quote(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Best occurrence of the exact quote: most context, then nearest the old start."""
    length = len(anchor.exact)
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    for pos in _occurrences(text, anchor.exact):
        key = (-_context_score(anchor, text, pos, pos + length), abs(pos - anchor.start), pos)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    return best[2], best[2] + length


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _by_context(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """The text between the stored prefix and suffix, if it still resembles the quote."""
    if len(anchor.prefix) < 8 or len(anchor.suffix) < 8:
        return None
    limit = len(anchor.exact) * 2 + 64
    best: tuple[float, int, int, int] | None = None  # (-ratio, distance, start, end)
    for p in _occurrences(text, anchor.prefix)[:50]:
        start = p + len(anchor.prefix)
        s = text.find(anchor.suffix, start, start + limit + len(anchor.suffix))
        if s <= start:
            continue
        ratio = _ratio(text[start:s], anchor.exact)
        if ratio >= FUZZY_THRESHOLD:
            key = (-ratio, abs(start - anchor.start), start, s)
            if best is None or key < best:
                best = key
    return None if best is None else (best[2], best[3])


def _by_alignment(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Align the quote against a window of the text with difflib; accept a close match."""
    exact = anchor.exact
    lo = max(0, anchor.start - _FUZZY_WINDOW // 2)
    window = text[lo : lo + _FUZZY_WINDOW]
    matcher = SequenceMatcher(None, window, exact, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)
    end = min(len(window), last.a + last.size + (len(exact) - last.b - last.size))
    if end <= start:
        return None
    candidate = window[start:end]
    if _ratio(candidate, exact) < FUZZY_THRESHOLD:
        return None
    return lo + start, lo + end


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchored passage is in ``text`` now, or ``None`` if it cannot be found."""
    s, e = anchor.start, anchor.end
    if text[s:e] == anchor.exact and _context_score(anchor, text, s, e) == len(anchor.prefix) + len(
        anchor.suffix
    ):
        return s, e
    return _by_quote(anchor, text) or _by_context(anchor, text) or _by_alignment(anchor, text)
