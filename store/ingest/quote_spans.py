"""Where the quotations of a text are, whatever marks it uses, without ever crashing.

Reports mix curly (“…”), straight ("…") and angle («…») double quotes, sometimes with
the curly pair reversed (”…“) by a careless converter. British style (BBC, The
Guardian, headlines) quotes with single marks (‘…’ or '…') and nests double ones inside;
single marks inside a double quotation are part of it. The scanner reads one paragraph
at a time with a small state machine:

* an opening mark must be followed by a non-space; a closing one must follow one;
* «…» nest and only » closes «; a “…” pair nests inside a quotation opened with a
  reversed ” (”outer “inner” outer“);
* a quotation still open at the end of a paragraph continues when the next paragraph
  opens with a quote mark (news style for multi-paragraph quotes); the pieces are
  chained so attribution found for one applies to all;
* a paragraph that opens with a quote mark that is never closed is read as quoted to
  the paragraph's end; any other unbalanced mark is ignored;
* single quotations (:func:`_scan_single`) are read in a second pass over what the
  double ones leave: a single mark is also the apostrophe, so it opens only after a
  space or an opening bracket and never as an elision ('90s, 'n', 'em), and closes only
  before a non-letter (don't, Russia's never close); a double quotation inside a single
  one is part of it.

Spans exclude the marks themselves and a trailing comma, so ``text[start:end]`` is the
quoted words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_OPEN_ONLY = "“„‟«"
_CLOSE_ONLY = "”»"
_MARKS = '"“”„‟«»'
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words at ``text[start:end]``; ``open``/``close`` are the marks' offsets.

    ``chain`` numbers a multi-paragraph quotation (same value for every piece), and
    ``close`` is -1 for a piece that runs to the end of its paragraph.
    """

    start: int
    end: int
    open: int
    close: int
    chain: int = -1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def _can_open(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i else ""
    if not nxt or nxt.isspace():
        return False
    if text[i] in _CLOSE_ONLY and prev and not prev.isspace() and prev not in "([{—–-":
        return False
    return text[i] != "»" or not prev or prev.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i else ""
    return bool(prev) and not prev.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _nested_in_reversed(text: str, i: int, nested: bool) -> bool:
    """A “…” pair inside a quotation that a converter opened with a reversed ”.

    Kremlin pages write ”outer … “inner” … outer“: the inner “ stands after a space
    and the inner ” closes it. Read as marks of the outer quotation, the inner opener
    replaced the outer one and the outer quotation was lost.
    """
    if not nested:
        return text[i] == "“" and (i == 0 or text[i - 1].isspace()) and _can_open(text, i)
    return text[i] == "”" and _can_close(text, i)


def _scan_paragraph(text: str, a: int, b: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (open, close) pairs in ``text[a:b]`` and the offset of a mark left open."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    depth = 0
    nested = False  # inside a “…” pair within a quotation opened with a reversed ”
    for i in range(a, b):
        c = text[i]
        if c == "'" and opened is not None and text[i + 1 : i + 2] == "'" and text[opened] == '"':
            pairs.append((opened, i))  # a typewriter close: "…''
            opened = None
            continue
        if c not in _MARKS:
            continue
        if opened is None:
            if _can_open(text, i):
                opened, depth, nested = i, 1, False
            continue
        if text[opened] == "«":
            if c == "«":
                depth += 1
            elif c == "»":
                depth -= 1
                if depth == 0:
                    pairs.append((opened, i))
                    opened = None
            continue
        if c in _OPEN_ONLY and c != "“" and _can_open(text, i):
            continue  # a nested opener („ inside “…”) is part of the quotation
        if text[opened] == "”" and c in "“”" and _nested_in_reversed(text, i, nested):
            nested = not nested  # ”… known as “the eyes of the state.” They …“
            continue
        if _can_close(text, i):
            pairs.append((opened, i))
            opened = None
        elif c in _OPEN_ONLY or c == '"':
            opened = i  # "…" never closed, and a new one starts: keep the newer
    return pairs, opened


_SINGLE = re.compile("['‘’]")
_SINGLE_OPEN_AFTER = '([{—–-"“”«/'
#: A mark that stands for left-out letters, not an opening quote: 'n', '90s, 'em, 'tis.
_ELISION = re.compile(
    r"['‘’](?:\d\d?s?\b|\d{2}\b|n['‘’]|(?i:em|tis|twas|til|cause|bout|cos|nuff|s)\b)"
)


def _single_can_open(text: str, i: int) -> bool:
    """A ‘ or ' after a space (or bracket, dash, double mark) before a word."""
    if text[i] == "’":
        return False
    prev = text[i - 1] if i else ""
    nxt = text[i + 1 : i + 2]
    if not nxt or nxt.isspace() or nxt in "'‘’":
        return False
    if prev and not prev.isspace() and prev not in _SINGLE_OPEN_AFTER:
        return False
    return _ELISION.match(text, i) is None


def _single_can_close(text: str, i: int) -> bool:
    """A ’ or ' after a non-space and before no letter or digit (not don't, Russia's)."""
    if text[i] == "‘" or not i or text[i - 1].isspace():
        return False
    nxt = text[i + 1 : i + 2]
    return not (nxt.isalnum() or nxt == "_")


def _scan_single(
    text: str, a: int, b: int, doubles: list[tuple[int, int]], left_double: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """Single-mark (open, close) pairs in ``text[a:b]`` outside the double quotations.

    A plural possessive ("the ministers' meeting") looks like a close; while a later
    close follows in the paragraph, an s' before a lower-case word is read as the
    possessive. A pair must hold two characters at least.
    """
    marks = [m.start() for m in _SINGLE.finditer(text, a, b)]
    if not marks:
        return [], None
    end = left_double if left_double is not None else b
    closes = [i for i in marks if _single_can_close(text, i)]
    last_close = closes[-1] if closes else -1
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    k = 0  # the next double pair that may hold a mark
    for i in marks:
        if i >= end:
            break
        while k < len(doubles) and doubles[k][1] < i:
            k += 1
        if k < len(doubles) and doubles[k][0] <= i <= doubles[k][1]:
            continue  # a single mark inside a double quotation is part of it
        if opened is None:
            if _single_can_open(text, i):
                opened = i
            continue
        if _single_can_close(text, i):
            possessive = text[i - 1] == "s" and re.match(r" [a-z]", text[i + 1 : i + 3]) is not None
            if possessive and i < last_close:
                continue
            if i - opened > 2:
                pairs.append((opened, i))
            opened = None
        elif _single_can_open(text, i):
            opened = i  # the first one never closed: keep the newer
    return pairs, opened


def _merge_single(
    pairs: list[tuple[int, int]], left_open: int | None, text: str, a: int, b: int
) -> tuple[list[tuple[int, int]], int | None]:
    """Double pairs plus single ones; a double pair inside a single one is dropped."""
    singles, single_open = _scan_single(text, a, b, pairs, left_open)
    if not singles and single_open is None:
        return pairs, left_open
    # a single mark left open mid-paragraph only counts when the next paragraph opens
    # with a quote mark (a long quotation going on); find_quotes decides that
    opens = [so for so, _ in singles]
    kept = []
    for o, c in pairs:
        j = bisect_left(opens, o) - 1  # the single pair opening last before this one
        if j >= 0 and c < singles[j][1]:
            continue  # ‘… “de-risking” …’: the double pair is part of the single one
        kept.append((o, c))
    merged = sorted(kept + singles)
    if left_open is None:
        left_open = single_open
    return merged, left_open


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order."""
    spans: list[QuoteSpan] = []
    paras = paragraphs(text)
    carry: int | None = None  # chain id of a quotation that continues into this paragraph
    next_chain = 0
    for k, (a, b) in enumerate(paras):
        pairs, left_open = _scan_paragraph(text, a, b)
        pairs, left_open = _merge_single(pairs, left_open, text, a, b)
        incoming, carry = carry, None
        for o, c in pairs:
            s, e = _trim(text, o + 1, c)
            chain = incoming if incoming is not None and o == a else -1
            if s < e:
                spans.append(QuoteSpan(s, e, o, c, chain))
        if left_open is None:
            continue
        nxt = paras[k + 1][0] if k + 1 < len(paras) else None
        if text[left_open] in "‘'":  # a single quotation goes on under a single mark
            continues = nxt is not None and text[nxt] in "‘'" and _single_can_open(text, nxt)
        else:
            continues = nxt is not None and text[nxt] in _MARKS and _can_open(text, nxt)
        if not (continues or left_open == a):
            continue  # an unbalanced mark inside a paragraph: not a quotation
        chain = -1
        if incoming is not None and left_open == a:
            chain = incoming  # a middle paragraph of a longer quotation
        elif continues:
            chain, next_chain = next_chain, next_chain + 1
        if continues:
            carry = chain
        s, e = _trim(text, left_open + 1, b)
        if s < e:
            spans.append(QuoteSpan(s, e, left_open, -1, chain))
    return spans
