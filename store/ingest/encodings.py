"""Bytes → str: recognise non-text files, find the encoding, repair mojibake.

People feed Parley whatever their scraper saved: UTF-8 with or without a byte order
mark, UTF-16 from Windows tools (sometimes without its BOM), Russian pages in cp1251,
old Western pages in Latin-1/cp1252, and text that was already decoded wrongly once
("itâ€™s", "Ð¡ÐµÑ€Ð³ÐµÐ¹"). Everything here runs in time linear in the input: byte
counts are done by C-level ``bytes`` methods, guessing looks at a bounded sample, and
regular expressions have no nested quantifiers.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy

# How much of a file the guessers look at. Enough for any real page's character mix,
# small enough that a 50 MB file costs no more to guess than a 1 MB one.
SAMPLE_BYTES = 256 * 1024

# (magic prefix, offset, what to call it). Checked before anything else, because a
# PDF or a Word file is not text however its bytes happen to decode.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"BM", 0, ""),  # only with binary content (a text may start "BM")
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"RIFF", 0, "a RIFF media file"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a Word/OpenDocument file)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"\x1f\x8b", 0, "a gzip-compressed file"),
    (b"BZh", 0, ""),
    (b"\xfd7zXZ\x00", 0, "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"(\xb5/\xfd", 0, "a zstd-compressed file"),
    (b"\x7fELF", 0, "a program (ELF executable)"),
    (b"MZ", 0, ""),
    (b"\xcf\xfa\xed\xfe", 0, "a program (Mach-O executable)"),
    (b"\xca\xfe\xba\xbe", 0, "a compiled Java class or program"),
    (b"\x00asm", 0, "a WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office (Word/Excel) file"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"OggS", 0, "an Ogg media file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"fLaC", 0, "a FLAC audio file"),
    (b"ftyp", 4, "an MP4/QuickTime media file"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x1a\x45\xdf\xa3", 0, "a Matroska/WebM media file"),
)

# Bytes that never occur in text in any encoding Parley reads (ESC is left out: terminal
# logs are text with escapes, which the reader strips).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte encodings tried for files that are not UTF-8, most likely first; ties in
# plausibility go to the earlier one (cp1252 is what "Latin-1" files really are).
_LEGACY = ("cp1252", "cp1251", "koi8_r", "cp1250", "cp1253", "cp1254", "cp1257",
           "cp1255", "cp1256", "iso8859_15")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and the name of the encoding it was read with."""

    text: str
    encoding: str


class NotText(Exception):
    """The bytes are not text; ``kind`` names what they are ("a PDF file") when known."""

    def __init__(self, kind: str = "") -> None:
        super().__init__(kind or "binary data")
        self.kind = kind


def binary_kind(data: bytes) -> str | None:
    """What non-text file ``data`` is ("a PNG image"), ``""`` if binary of unknown kind,
    or ``None`` when it may well be text.

    Magic numbers name the common kinds; otherwise a file is binary when control bytes
    are too frequent for text: over 30 % when the bytes are valid UTF-8 (a text with a
    few stray NULs still imports), over 2 % otherwise (legacy-encoded text has none).
    UTF-16 text is full of NULs, so callers check :func:`utf16_without_bom` first.
    """
    kind = magic_kind(data)
    if kind is not None:
        return kind
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return None
    controls = len(sample.translate(None, _TEXT_BYTES))
    ratio = controls / len(sample)
    limit = 0.30 if _is_utf8(sample) else 0.02
    return "" if ratio > limit else None


def magic_kind(data: bytes) -> str | None:
    """The kind of file its first bytes announce ("a PDF file"), or ``None``."""
    head = data[:64]
    for magic, offset, kind in _MAGIC:
        if kind and head[offset:offset + len(magic)] == magic:
            return kind
    return None


def _is_utf8(sample: bytes) -> bool:
    """True if ``sample`` is UTF-8, allowing a character cut off at the sample's end."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"
    return True


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when BOM-less bytes have UTF-16's pattern.

    Text in an alphabetic script written as UTF-16 repeats a handful of values in the
    high byte of every pair (0x00 for Latin, 0x04 for Cyrillic, 0x06 for Arabic…) while
    the low bytes vary; UTF-8 text and binary data do not look like that. The decoded
    sample must then be printable, which rules out the odd coincidence.
    """
    sample = data[: SAMPLE_BYTES & ~1]
    if len(sample) < 4 or len(data) % 2:
        return None
    for codec, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                             ("utf-16-be", sample[0::2], sample[1::2])):
        if len(set(high[:512])) > 16:  # quick reject: ordinary text, binary data
            continue
        counts = sorted(((high.count(v), v) for v in set(high)), reverse=True)
        covered = sum(n for n, _v in counts[:4])
        if covered < 0.9 * len(high) or counts[0][1] >= 0x20 or len(set(low)) < 4:
            continue
        text = sample.decode(codec, errors="replace")
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
        if printable >= 0.95 * len(text):
            return codec
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file to text, or raise :class:`NotText`.

    Order matters: a BOM is certain; a magic number names a binary; UTF-16 without a
    BOM is recognised by its byte pattern before the control-byte check (which its NULs
    would trip); strict UTF-8 is next (it almost never decodes anything that is not
    UTF-8); then the charset a web page declares; only then is the encoding guessed.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(name, errors="replace"), name)
    kind = magic_kind(data)
    if kind is not None:
        raise NotText(kind)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    kind = binary_kind(data)
    if kind is not None:
        raise NotText(kind)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    name = declared_charset(data[:4096]) or guess_legacy_encoding(data[:SAMPLE_BYTES])
    return Decoded(data.decode(name, errors="replace"), name)


_DECLARED = re.compile(rb"""<(?:meta|\?xml)\b[^>]{0,500}?(?:charset|encoding)\s*=\s*["']?"""
                       rb"""([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The encoding an HTML/XML page declares (``<meta charset>``, ``<?xml encoding>``)
    in its first bytes, if Python knows it and it is not a UTF-16/32 label (those
    pages carry a BOM or are caught by their byte pattern)."""
    match = _DECLARED.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32", "utf-8")) else name


def guess_legacy_encoding(sample: bytes) -> str:
    """The most plausible encoding for bytes that are not UTF-8.

    charset-normalizer's guess competes with the common single-byte code pages; each
    candidate's decoding is scored by :func:`implausibility` and the lowest wins, ties
    going to the more common encoding. (On short samples charset-normalizer alone reads
    cp1251 "Сергей" as Big5 and Latin-1 "déjà" as cp1250, hence the scoring.) Mostly
    invalid UTF-8 (a file with a few broken sequences) is read as UTF-8 with
    replacement characters, so one bad byte does not turn a whole page into mojibake.
    """
    if _mostly_utf8(sample):
        return "utf-8"
    candidates: list[str] = list(_LEGACY)
    best = charset_normalizer.from_bytes(sample).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    scored: list[tuple[float, int, str]] = []
    for order, name in enumerate(candidates):
        try:
            text = sample.decode(name)
        except (UnicodeDecodeError, LookupError):
            try:
                text = sample.decode(name, errors="replace")
            except LookupError:
                continue
        scored.append((implausibility(text), order, name))
    if not scored:
        return "cp1252"
    return min(scored)[2]


def _mostly_utf8(sample: bytes) -> bool:
    """True when non-ASCII bytes are overwhelmingly well-formed UTF-8 sequences."""
    high = len(sample) - len(sample.translate(None, bytes(range(128, 256))))
    if high == 0:
        return True
    bad = sample.decode("utf-8", errors="replace").count("\ufffd")
    good_multibyte = high - bad
    return bad <= 3 and good_multibyte >= 4 * bad


_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII_TOKEN = re.compile(r"[^\s\x00-\x7f]+|\S*[^\s\x00-\x7f]\S*")
_MAX_TOKENS = 1000  # plenty of evidence; keeps guessing cheap on big files


def implausibility(text: str) -> float:
    """How unlike real writing a decoding looks; 0 for ordinary text in one script.

    Wrong code pages betray themselves by words that mix scripts ("Caf\u0439"), words
    whose case flips in the middle ("\u043f\u0420\u0425\u0411\u0415\u0420" is KOI8-R
    read as cp1251), Latin words made mostly of accented letters ("\u00d1\u00e5\u00f0"
    is Russian read as cp1252), and symbols or undefined characters inside words. Only
    tokens with non-ASCII characters can differ between code pages, so only those (at
    most a few thousand) are examined; the result is per word of the whole sample.
    """
    penalty = 0.0
    for n, token in enumerate(_NON_ASCII_TOKEN.finditer(text)):
        if n >= _MAX_TOKENS:
            break
        penalty += _token_penalty(token.group())
    return penalty / max(len(_WORD.findall(text)), 1)


def _token_penalty(token: str) -> float:
    penalty = 0.0
    for word in _WORD.findall(token):
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1:
            penalty += 3
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
            penalty += 1
        if "LATIN" in scripts and len(word) > 1:
            accented = sum(1 for ch in word if ord(ch) > 127)
            if accented * 2 > len(word):
                penalty += 2
    for ch in token:
        if ord(ch) < 128:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cn", "Co", "Cc") or ch == "\ufffd":
            penalty += 3
        elif cat in ("So", "Sk", "No", "Lm"):
            penalty += 3 if 0x2500 <= ord(ch) <= 0x25FF else 1  # box drawing, blocks
    return penalty


_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH"})


def _script(ch: str) -> str:
    """First word of the character's Unicode name: LATIN, CYRILLIC, GREEK…; the
    scripts Japanese and Korean mix within one word all count as CJK."""
    if ord(ch) < 128:
        return "LATIN"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else "UNKNOWN"
    return "CJK" if first in _EAST_ASIAN else first


# Two or more characters that UTF-8 bytes turn into when read as cp1252/Latin-1: a lead
# byte (Â Ã Ä Å Ð Ñ â ã etc.) followed by a continuation byte (0x80–0xBF shown in
# cp1252). Only lines with such a pair are shown to ftfy, so clean text is never touched.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
    "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
    "\u2122\u0161\u203a\u0153\u017e\u0178]"
)

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("â€™" → "’", "Ð¡ÐµÑ€Ð³ÐµÐ¹" → "Сергей").

    Only lines containing a telltale lead/continuation pair go to ftfy, and ftfy itself
    changes a line only when the result is clearly less "bad" than the input, so clean
    text in any language comes back unchanged (and fast: most files have no such pair).
    """
    if _MOJIBAKE_HINT.search(text) is None:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line) is not None:
            lines[i] = ftfy.fix_text(line, _FTFY_CONFIG)
    return "\n".join(lines)
