"""A folder of hostile inputs, generated on demand (nothing binary is committed).

Used by the end-to-end test (``test_hostile_import``) and by the table script
(``python -m tests.robustness.hostile_table``). Each :class:`HostileInput` says what it
is in words, where it sits in the folder, and whether a folder import can see it (a
folder import only picks up document suffixes; the others are named on the command
line). Two inputs cannot be made real on every machine and are simulated by the
caller: a file that vanishes between listing and reading (``VANISHING``) and one
without read permission (``UNREADABLE``; root ignores ``chmod``).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024



def transcript(label: str) -> str:
    """A short transcript, enough for Parley to find a meeting with turns in it.

    ``label`` makes each file's text different: the library keeps one copy of a text
    imported from two files, and every input should show up as its own meeting.
    """
    return (
        f"Foreign Minister Sergey Lavrov's remarks on {label}, Moscow, June 11, 2015\n\n"
        "Sergey Lavrov: We held constructive talks today and agreed on next steps.\n\n"
        "Question: What about the summit?\n\n"
        "Sergey Lavrov: It will take place in June, as planned.\n"
    )


TRANSCRIPT = transcript("the summit")

MARKUP_PAYLOADS = ("[bold red]x[/]", "[/]", "[link=https://x]y[/link]", "[@click=app.quit]z[/]")
MARKUP_DOCUMENT = (
    "Sergey Lavrov [bold red]x[/] remarks at a news conference, Moscow, June 11, 2015\n\n"
    "Sergey Lavrov: We discussed [bold red]x[/] and a stray [/] closing tag.\n\n"
    "Question: Is [link=https://x]y[/link] a link?\n\n"
    "Sergey Lavrov: No, and [@click=app.quit]z[/] quits nothing.\n"
)
ESCAPE_PAYLOADS = ("\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\")
ESCAPE_DOCUMENT = (
    "Sergey Lavrov remarks at a news conference, Moscow, June 11, 2015\n\n"
    f"Sergey Lavrov: Clear {ESCAPE_PAYLOADS[0]} the screen, copy "
    f"{ESCAPE_PAYLOADS[1]} to the clipboard.\n\n"
    f"Question: And a hyperlink {ESCAPE_PAYLOADS[2]} here?\n\n"
    "Sergey Lavrov: None of these should act on the terminal.\n"
)
RTL_DOCUMENT = (
    "Sergey Lavrov remarks at a news conference, Moscow, June 11, 2015\n\n"
    "Sergey Lavrov: Arabic \u202eتجربة\u202c and Hebrew \u200fשלום\u200f with a "
    "zero\u200bwidth space and a word\u2060joiner and a soft\u00adhyphen.\n\n"
    "Question: And the override \u202eTXET DESREVER\u202c?\n"
)
EMOJI_DOCUMENT = (
    "Sergey Lavrov remarks at a news conference, Moscow, June 11, 2015\n\n"
    "Sergey Lavrov: We agree 🤝 on peace 🕊️, flags 🇷🇺🇺🇸 and families 👨‍👩‍👧‍👦.\n\n"
    "Question: Any emoji in the answer? 😀\n"
)
HTML_HOSTILE = (
    "<!DOCTYPE html><html><head><title>Talks in Moscow</title>"
    "<style>body{background:url(javascript:alert(1))}</style>"
    "<script>document.write('injected script text')</script></head><body>"
    "<iframe src='https://ads.example'>iframe text</iframe>"
    "<article><h1>Sergey Lavrov remarks at a news conference, Moscow, June 11, 2015</h1>"
    "<p><b>Sergey Lavrov:</b> We held constructive talks today.</p>"
    "<p><b>Question:</b> What about the summit?</p>"
    "<script>var hidden = 'more script';</script></article></body></html>"
)

VANISHING = "vanished-while-importing.txt"
UNREADABLE = "no-read-permission.txt"


@dataclass(frozen=True, slots=True)
class HostileInput:
    """One hostile input: its file name (relative to the folder) and what it is."""

    name: str
    what: str
    in_folder_walk: bool = True  # False: a folder import skips it (not a document suffix)


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    raw = b"".join(b"\x00" + bytes(x % 256 for x in range(30)) for _ in range(10))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nstream\n"
            + random.Random(1).randbytes(4000) + b"\nendstream\n%%EOF\n")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("minutes.txt", TRANSCRIPT)
    return buffer.getvalue()


def _large_text(size: int) -> bytes:
    line = b"Sergey Lavrov: We held constructive talks today and agreed on next steps.\n\n"
    return (line * (size // len(line) + 1))[:size]


def _one_line(size: int) -> bytes:
    words = b"talks agreed summit minister cooperation "
    return (words * (size // len(words) + 1))[:size] + b"\n"


def _mixed_endings() -> bytes:
    lines = transcript("line endings").split("\n")
    ends = ["\r\n", "\r", "\n"]
    return "".join(line + ends[i % 3] for i, line in enumerate(lines)).encode()


def make_hostile_folder(folder: Path, *, large_mb: int = 20) -> list[HostileInput]:
    """Write every hostile input under ``folder`` and return their descriptions."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[HostileInput] = []

    def put(name: str, data: bytes, what: str, *, walk: bool = True) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        made.append(HostileInput(name, what, walk))

    put("empty.txt", b"", "empty file")
    put("report.pdf", _pdf(), "PDF file", walk=False)
    put("photo.png", _png(), "PNG image", walk=False)
    put("archive.zip", _zip(), "zip archive", walk=False)
    put("random.bin", random.Random(7).randbytes(64 * 1024), "random bytes", walk=False)
    put("pdf-named.txt", _pdf(), "PDF file named .txt")
    put("png-named.html", _png(), "PNG image named .html")
    put("zip-named.md", _zip(), "zip archive named .md")
    put("random-named.txt", random.Random(8).randbytes(64 * 1024), "random bytes named .txt")
    nul = transcript("NUL bytes").replace("Moscow", "Mos\x00cow").encode() + b"\x00\x00"
    put("nul-bytes.txt", nul, "text with NUL bytes")
    put("large.txt", _large_text(large_mb * MB), f"{large_mb} MB text file")
    oversize = folder / "oversize.txt"
    with open(oversize, "wb") as fh:  # sparse: costs no disk
        fh.truncate(50 * MB)
    made.append(HostileInput("oversize.txt", "50 MB file (over the 32 MB cap)"))
    put("one-line-10mb.txt", _one_line(10 * MB), "10 MB single line")
    bad = transcript("invalid bytes").encode() + b"broken \xff\xfe\xc3 bytes\n"
    put("invalid-utf8.txt", bad, "invalid UTF-8")
    put("utf16-bom.txt", b"\xff\xfe" + transcript("UTF-16 with a BOM").encode("utf-16-le"),
        "UTF-16 with BOM")
    put("utf16-no-bom.txt", transcript("UTF-16 without a BOM").encode("utf-16-le"),
        "UTF-16 without BOM")
    put("cp1251.txt", ("Министр иностранных дел Сергей Лавров провёл переговоры в Москве.\n\n"
                       "Сергей Лавров: Мы провели конструктивные переговоры.\n").encode("cp1251"),
        "cp1251 (Russian)")
    put("latin1.txt", ("Le ministre a déclaré à la presse que la réunion était très utile.\n\n"
                       "Sergey Lavrov: Très bien, merci.\n").encode("latin-1"), "Latin-1 (French)")
    put("mixed-line-endings.txt", _mixed_endings(), "mixed line endings (CRLF, CR, LF)")
    put("scripts.html", HTML_HOSTILE.encode(), "HTML with scripts, styles, iframes")
    put("nested-10000.html", ("<html><body>" + "<div>" * 10_000 + "<p>Deep paragraph.</p>"
                              + "</div>" * 10_000
                              + "<p>Sergey Lavrov: After the nesting.</p></body></html>").encode(),
        "HTML with 10,000 nested tags")
    put("rich-markup.txt", MARKUP_DOCUMENT.encode(), "Rich markup ([bold red]x[/], [/], [link], "
        "[@click])")
    put("terminal-escapes.txt", ESCAPE_DOCUMENT.encode(),
        "terminal escapes (clear screen, OSC 52, OSC 8)")
    put("rtl-zero-width.txt", RTL_DOCUMENT.encode(), "right-to-left and zero-width characters")
    put("emoji.txt", EMOJI_DOCUMENT.encode(), "emoji (ZWJ sequences, flags)")
    put("name with spaces ünïcødé Лавров.txt", transcript("a strange file name").encode(),
        "file name with spaces and non-ASCII")
    sub = folder / "looping"
    sub.mkdir()
    os.symlink("..", sub / "back-to-top")
    made.append(HostileInput("looping/back-to-top", "directory symlink loop (to ..)"))
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    made.append(HostileInput("loop-a.txt", "file symlink loop (a → b → a)"))
    made.append(HostileInput("loop-b.txt", "file symlink loop (b → a → b)"))
    put(VANISHING, TRANSCRIPT.encode(), "file removed while importing")
    put(UNREADABLE, TRANSCRIPT.encode(), "file without read permission")
    os.chmod(folder / UNREADABLE, 0)
    return made
