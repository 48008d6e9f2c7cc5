"""Bytes → :class:`Page`: decode, refuse what is not text, tidy, read HTML and Markdown.

Reading is the only stage that sees raw bytes, so it is where hostile input is met:
empty files, binaries, broken encodings, terminal escapes, NULs, 10 MB lines. The rule
is *one clear sentence or a clean page*: anything that is not a document raises
:class:`Unreadable` naming what it is, and anything that is becomes text with ``\\n``
line ends, no control characters, no escape sequences and no invisible word breakers,
while every visible character of plain text is kept as it was (the other stages and
annotation anchors rely on that). Every step is linear in the input.
"""

from __future__ import annotations

import re

from store.ingest.document import Page, Unreadable
from store.ingest.encodings import NotText, decode_bytes, repair_mojibake
from store.ingest.html import html_to_text, looks_like_html
from store.ingest.markdown import looks_like_markdown, markdown_to_text

# ECMA-48 sequences a terminal would act on and never print: CSI (``ESC [`` … final
# byte), string commands (OSC ``ESC ]``, DCS ``ESC P``, SOS, PM, APC) up to BEL or ST
# (incl. OSC 8 hyperlinks and OSC 52 clipboard writes), other two-byte escapes, and the
# 8-bit C1 forms. Character classes are disjoint and unnested: no backtracking.
_TERMINAL_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
)
# C0 controls except tab and newline, DEL and C1 controls: never document text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
# Most text one document may yield. Reading is linear and fast (tens of MB/s), but the
# later stages (cleaning, header, remarks) still cost about 1 s per million characters
# on the longest shapes (a 10 MB single line: 8 s; tests/bench/bench_ingest.py), and
# the longest real records (a four-hour press conference) are about 300,000 characters.
# A file with more text than this is a dump, not a meeting record: it is refused in one
# sentence instead of tying up an import for minutes.
MAX_TEXT_CHARS = 8_000_000

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Characters that end a line: form feed and vertical tab (page breaks in text dumped
# from PDFs), NEL, and the Unicode line/paragraph separators.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n",
                              "\u2029": "\n\n"})
_LINE_BREAK_CHARS = "\x0b\x0c\x85\u2028\u2029"
# Invisible characters that split a word in two for search without showing anything:
# zero-width space, word joiner, a BOM in mid-text, soft hyphen. (Zero-width joiner and
# non-joiner are kept: emoji sequences and Persian/Indic spelling need them; the RTL
# marks are kept too.) Scrapers sometimes write them as literal escapes ("\u2060").
_WORD_BREAKERS = re.compile(
    r"[\u200b\u2060\ufeff\u00ad]|\\u(?:200[bB]|2060|[fF][eE][fF][fF]|00[aA][dD])"
)

_WORD_BREAKER_CHARS = "\u200b\u2060\ufeff\u00ad"


def page_from_text(text: str, source: str = "<text>") -> Page:
    """A :class:`Page` from text that is already decoded (tests, pasted text).

    Applies the same tidying and HTML/Markdown reading as :func:`read_page`; raises
    :class:`Unreadable` for text with nothing to read.
    """
    return _page(repair_mojibake(text), source, "utf-8")


def read_page(data: bytes, source: str) -> Page:
    """Decode one file's bytes into a :class:`Page`, or raise :class:`Unreadable`."""
    name = display_name(source)
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise Unreadable(f"{name} is empty.")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise Unreadable(refusal(name, exc.kind)) from None
    return _page(repair_mojibake(decoded.text), source, decoded.encoding)


def refusal(name: str, kind: str) -> str:
    """The sentence that refuses a non-text file."""
    what = f"is {kind}" if kind else "is a binary file, not text"
    return f"{name} {what}; Parley reads text, HTML and Markdown."


def display_name(source: str) -> str:
    """``source`` made safe for a one-line message: controls and escapes removed."""
    shown = _ANY_CONTROL.sub("?", _TERMINAL_ESCAPE.sub("", source)).strip()
    return shown or "The file"


def tidy_text(text: str) -> str:
    """Normalise what every document gets, whatever its format.

    Line ends become ``\\n`` (CRLF, CR, mixed, form feeds, Unicode separators);
    terminal escape sequences, NULs and other control characters go; invisible word
    breakers go. Nothing visible is changed.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in _LINE_BREAK_CHARS):
        text = text.translate(_LINE_BREAKS)
    if "\x1b" in text or _has_c1_introducer(text):
        text = _TERMINAL_ESCAPE.sub("", text)
    if _has_controls(text):
        text = _CONTROLS.sub("", text)
    if "\\u" in text or any(ch in text for ch in _WORD_BREAKER_CHARS):
        text = _WORD_BREAKERS.sub("", text)  # (the alternation is slow to scan with)
    return text


# Every byte but the C0 controls ``_CONTROLS`` removes (tab and line feed stay).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 8 or 11 <= b <= 31 or b == 127))
_C1 = re.compile("[\x80-\x9f]")


def _has_controls(text: str) -> bool:
    """``_CONTROLS.search(text) is not None``, several times faster on clean text.

    Deleting every other byte from the UTF-8 bytes leaves the C0 controls (a C table
    look-up per byte, where the pattern costs tens of nanoseconds per character); a C1
    control is encoded after a 0xC2 byte, so only text with one is searched for them.
    """
    raw = text.encode("utf-8", "surrogatepass")
    if raw.translate(None, _NOT_CONTROL_BYTES):
        return True
    return b"\xc2" in raw and _C1.search(text) is not None


def _has_c1_introducer(text: str) -> bool:
    return any(ch in text for ch in "\x90\x98\x9b\x9d\x9e\x9f")


def _page(text: str, source: str, encoding: str) -> Page:
    name = display_name(source)
    text = tidy_text(text)
    if not text.strip():
        raise Unreadable(f"{name} is empty.")
    if looks_like_html(text, source):
        page = _html_page(text, source, name, encoding)
    elif looks_like_markdown(text, source):
        md = markdown_to_text(text)
        if not md.text.strip():
            raise Unreadable(f"{name} is a Markdown file with no text in it.")
        page = Page(text=md.text, format="markdown", encoding=encoding, labels=md.labels,
                    source=source)
    else:
        page = Page(text=text, format="text", encoding=encoding, source=source)
    if len(page.text) > MAX_TEXT_CHARS:
        raise Unreadable(too_much_text(name, len(page.text)))
    return page


def too_much_text(name: str, chars: int) -> str:
    """The sentence that refuses a file with more text than :data:`MAX_TEXT_CHARS`."""
    return (f"{name} holds {chars / 1e6:.1f} million characters of text, more than the "
            f"{MAX_TEXT_CHARS / 1e6:.0f} million Parley reads in one document.")


def _html_page(markup: str, source: str, name: str, encoding: str) -> Page:
    html = html_to_text(markup)
    text = tidy_text(html.text)
    if not text.strip():
        raise Unreadable(f"{name} is an HTML page with no text in it.")
    title = tidy_text(html.title).strip() if html.title else None
    return Page(text=text, format="html", encoding=encoding, title=title or None,
                date=html.date, labels=html.labels, source=source, site=html.site)

