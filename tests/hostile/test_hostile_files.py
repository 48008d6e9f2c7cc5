"""Hostile inputs (issue 9): every one goes through ``parley extract``'s ``extract_file``.

Each file is made at test time (no binaries are committed). Whatever it is, the result
must keep the contract: meetings whose remark offsets slice the text, or an ``error``
that is one sentence: no newline, ends with a period, no traceback.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest

from store.ingest import sources
from tui.cli.extract import extract_file

PROSE = (
    "Foreign Minister Sergey Lavrov met with the Secretary General in Moscow. "
    "The sides discussed cooperation in the fight against terrorism and agreed to "
    "continue consultations.\n\n"
    "Sergey Lavrov: We held constructive talks today.\n\n"
    "Question: What about the summit?\n\n"
    "Sergey Lavrov: It will take place in June.\n"
)


def check_contract(obj: dict[str, Any]) -> dict[str, Any]:
    """Assert the extraction contract for one file and hand the object back."""
    assert set(obj) in ({"source", "meetings"}, {"source", "error"}), obj.keys()
    if "error" in obj:
        message = obj["error"]
        assert isinstance(message, str) and message
        assert "\n" not in message and "\r" not in message
        assert message.endswith(".")
        assert "Traceback" not in message and "Error:" not in message
        return obj
    assert obj["meetings"], "a readable file gives at least one meeting"
    for meeting in obj["meetings"]:
        text = meeting["text"]
        assert "\x00" not in text and "\x1b" not in text and "\r" not in text
        for remark in meeting["remarks"]:
            start, end = remark["start"], remark["end"]
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == remark["text"]
    return obj


def run(path: Path) -> dict[str, Any]:
    return check_contract(extract_file(str(path)))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def text_of(obj: dict[str, Any]) -> str:
    assert "meetings" in obj, obj.get("error")
    return "\n".join(m["text"] for m in obj["meetings"])


# ------------------------------------------------------------------ not text at all


def test_empty_file(tmp_path: Path) -> None:
    obj = run(write(tmp_path, "empty.txt", b""))
    assert obj["error"].endswith("empty.txt is empty.")


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert run(write(tmp_path, "blank.txt", b" \r\n\t\n"))["error"].endswith("is empty.")


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([x % 256 for x in range(30)]) for _ in range(10))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document>{PROSE}</w:document>")
    return buffer.getvalue()


def _pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"stream\n" + random.Random(1).randbytes(2000) + b"\nendstream\n%%EOF\n")


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("report.pdf", _pdf, "is a PDF file; Parley reads text, HTML and Markdown."),
        ("photo.png", _png, "is a PNG image; Parley reads text, HTML and Markdown."),
        ("minutes.docx", _docx, "is a ZIP archive (or a Word/OpenDocument file);"),
        ("notes.txt.gz", lambda: gzip.compress(PROSE.encode()), "is a gzip-compressed file;"),
        ("noise.txt", lambda: random.Random(9).randbytes(100_000), "is a binary file, not text;"),
        ("a.out", lambda: b"\x7fELF\x02\x01\x01" + bytes(500), "is a program (ELF executable);"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, name: str, make, says: str) -> None:
    obj = run(write(tmp_path, name, make()))
    assert says in obj["error"]
    assert obj["error"].startswith(str(tmp_path / name))


# ------------------------------------------------------------------ damaged text


def test_nul_bytes_are_removed(tmp_path: Path) -> None:
    data = PROSE.encode().replace(b"Moscow", b"Mos\x00cow").replace(b"June", b"\x00June\x00")
    text = text_of(run(write(tmp_path, "nul.txt", data)))
    assert "Moscow" in text and "June" in text


def test_invalid_utf8(tmp_path: Path) -> None:
    data = PROSE.encode() + b"broken \xff\xfe\xc3 bytes here\n" + "Сергей Лавров\n".encode()
    text = text_of(run(write(tmp_path, "bad-utf8.txt", data)))
    assert "Сергей Лавров" in text and "broken" in text


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
     ("utf-16-be", b"")],
)
def test_utf16_with_and_without_bom(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = text_of(run(write(tmp_path, "u16.txt", bom + PROSE.encode(codec))))
    assert "Sergey Lavrov: We held constructive talks today." in text


def test_cp1251_russian(tmp_path: Path) -> None:
    prose = "Министр иностранных дел Сергей Лавров провёл переговоры в Москве.\n"
    text = text_of(run(write(tmp_path, "ru.txt", prose.encode("cp1251"))))
    assert "Сергей Лавров провёл переговоры" in text


def test_latin1(tmp_path: Path) -> None:
    prose = "Le ministre a déclaré à la presse que la réunion était très utile.\n"
    text = text_of(run(write(tmp_path, "fr.txt", prose.encode("latin-1"))))
    assert "a déclaré à la presse" in text


def test_mojibake(tmp_path: Path) -> None:
    data = ("The minister said itâ€™s time. Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð² agreed.\n" + PROSE).encode()
    text = text_of(run(write(tmp_path, "moji.txt", data)))
    assert "it’s time. Сергей Лавров agreed." in text


def test_mixed_line_endings(tmp_path: Path) -> None:
    data = PROSE.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 2).encode()
    text = text_of(run(write(tmp_path, "mixed.txt", data)))
    assert "Sergey Lavrov: We held constructive talks today." in text


# ------------------------------------------------------------------ markup and escapes


def test_html_with_scripts_styles_and_iframes(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Talks • Ministry</title>"
        "<style>body{background:url(javascript:alert(1))}</style>"
        "<script>document.write('injected script text')</script></head><body>"
        "<nav>Home | News</nav><iframe src='https://ads.example'>iframe text</iframe>"
        "<article><h1>Talks in Moscow</h1>"
        "<p><b>Sergey Lavrov:</b> We held constructive talks today.</p>"
        "<p><b>Question:</b> What about the summit?</p>"
        "<script>var hidden = 'more script';</script></article>"
        "<footer>Copyright</footer></body></html>"
    )
    text = text_of(run(write(tmp_path, "page.html", page.encode())))
    assert "Sergey Lavrov: We held constructive talks today." in text
    for junk in ("injected", "more script", "iframe text", "background", "Copyright"):
        assert junk not in text


def test_html_with_ten_thousand_nested_tags(tmp_path: Path) -> None:
    page = ("<html><body>" + "<div>" * 10_000 + "<p>Deep paragraph survives.</p>"
            + "</div>" * 10_000 + "<p>Sergey Lavrov: After the nesting.</p></body></html>")
    text = text_of(run(write(tmp_path, "nested.html", page.encode())))
    assert "Deep paragraph survives." in text and "After the nesting." in text


def test_broken_html(tmp_path: Path) -> None:
    page = "<html><body><p>Unclosed <b>bold <i>italic</p></div></span><p>Next" + "<" * 5000
    run(write(tmp_path, "broken.html", page.encode()))


def test_html_without_text(tmp_path: Path) -> None:
    page = b"<html><head><script>x()</script></head><body><img src=a.png></body></html>"
    obj = run(write(tmp_path, "empty.html", page))
    assert obj["error"].endswith("is an HTML page with no text in it.")


def test_rich_markup_is_text(tmp_path: Path) -> None:
    prose = ("[bold red]Sergey Lavrov[/]: We held [link=https://evil.example]talks[/link] "
             "today. [/] [red on white]\n")
    text = text_of(run(write(tmp_path, "rich.txt", prose.encode())))
    assert "[bold red]Sergey Lavrov[/]" in text
    assert "[link=https://evil.example]talks[/link]" in text


def test_terminal_escapes_are_stripped(tmp_path: Path) -> None:
    prose = ("\x1b[2J\x1b[HSergey Lavrov: We held \x1b[1;31mconstructive\x1b[0m talks."
             "\x1b]52;c;cm0gLXJmIH4=\x07 \x1b]8;;https://evil.example\x1b\\the link\x1b]8;;\x1b\\"
             " \x1b]0;window title\x07done.\n")
    text = text_of(run(write(tmp_path, "escapes.txt", prose.encode())))
    assert "Sergey Lavrov: We held constructive talks. the link done." in text
    for leak in ("52;", "evil.example", "window title", "[2J"):
        assert leak not in text


def test_rtl_zero_width_and_emoji(tmp_path: Path) -> None:
    prose = ("وزير الخارجية: عقدنا محادثات بنّاءة اليوم.\n\n"
             "שר החוץ אמר שהשיחות היו טובות \u200f.\n\n"
             "Con\u200bstruc\u2060tive talks 👍🏽 👨\u200d👩\u200d👧 🇷🇺\n")
    text = text_of(run(write(tmp_path, "rtl.txt", prose.encode())))
    assert "عقدنا محادثات بنّاءة اليوم" in text and "שר החוץ" in text
    assert "Constructive talks 👍🏽 👨\u200d👩\u200d👧 🇷🇺" in text


# ------------------------------------------------------------------ size


@pytest.mark.slow
def test_fifty_megabyte_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = (PROSE * 200).encode()
    with open(path, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    obj = run(path)
    assert obj["error"].endswith("is 50 MB, larger than the 32 MB Parley reads.")


def _one_line(size: int) -> bytes:
    words = ["the", "minister", "said", "talks", "were", "constructive", "and", "agreed"]
    rng = random.Random(5)
    return " ".join(rng.choice(words) for _ in range(size // 5))[:size].encode()


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    """Read in linear time, then refused for holding more text than a meeting record."""
    obj = run(write(tmp_path, "one-line.txt", _one_line(10 * 1024 * 1024)))
    assert obj["error"].endswith("million Parley reads in one document.")


@pytest.mark.slow
def test_one_megabyte_single_line_imports(tmp_path: Path) -> None:
    obj = run(write(tmp_path, "one-line.txt", _one_line(1024 * 1024)))
    assert len(text_of(obj)) >= 1_000_000


# ------------------------------------------------------------------ the file system


def test_name_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    path = write(tmp_path, "Встреча Лавров — talks (final) é ü 会谈.txt", PROSE.encode())
    obj = run(path)
    assert obj["source"] == str(path)
    assert "Sergey Lavrov" in text_of(obj)


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert run(loop)["error"].endswith("is a symbolic link that loops.")


def test_directory_loop(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "again").symlink_to(folder, target_is_directory=True)
    assert run(folder / "again" / "again" / "again")["error"].endswith("is a folder, not a file.")


def test_file_removed_while_importing(tmp_path: Path) -> None:
    path = write(tmp_path, "vanishing.txt", PROSE.encode())
    path.unlink()  # listed by the importer, gone by the time it is read
    assert run(path)["error"].endswith("does not exist (it may have been moved or deleted).")


def test_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", PROSE.encode())
    if os.geteuid() == 0:  # root ignores the mode bits: simulate the refusal instead
        def deny(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(sources, "open", deny, raising=False)
    else:
        path.chmod(0)
    assert run(path)["error"].endswith("locked.txt cannot be read: permission denied.")


def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        assert "is not a regular file" in run(fifo)["error"]
    finally:
        os.close(writer)
