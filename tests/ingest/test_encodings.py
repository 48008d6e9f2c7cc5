"""encodings: binary refusal, BOM and BOM-less UTF-16, legacy code pages, mojibake."""

from __future__ import annotations

import codecs
import random

import pytest

from store.ingest.encodings import (
    NotText,
    binary_kind,
    declared_charset,
    decode_bytes,
    guess_legacy_encoding,
    implausibility,
    repair_mojibake,
    utf16_without_bom,
)

RUSSIAN = "Сергей Лавров встретился с министром иностранных дел Индии."
FRENCH = "Le président a déclaré à la presse que la réunion était très utile."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00word/", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip-compressed file"),
        (b"\x7fELF\x02\x01\x01\x00", "a program (ELF executable)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office (Word/Excel) file"),
    ],
)
def test_magic_numbers_name_the_kind(data: bytes, kind: str) -> None:
    assert binary_kind(data) == kind
    with pytest.raises(NotText) as err:
        decode_bytes(data)
    assert err.value.kind == kind


def test_random_bytes_are_binary_of_unknown_kind() -> None:
    data = random.Random(7).randbytes(20_000)
    assert binary_kind(data) == ""


def test_text_with_a_few_nuls_is_still_text() -> None:
    data = ("A line of text.\n" * 200).encode() + b"\x00\x00" + b"more text\n"
    assert binary_kind(data) is None
    assert "more text" in decode_bytes(data).text


@pytest.mark.parametrize("text_start", ["BM is a ", "MZ hello", "BZh text"])
def test_ambiguous_magic_needs_binary_content(text_start: str) -> None:
    assert binary_kind((text_start + "plain words\n").encode()) is None


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + RUSSIAN.encode(codec))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, "عقد وزير الخارجية مؤتمرا صحفيا"])
def test_utf16_without_bom_is_found_by_its_byte_pattern(codec: str, text: str) -> None:
    data = text.encode(codec)
    assert utf16_without_bom(data) == codec
    assert decode_bytes(data).text == text


@pytest.mark.parametrize(
    "data",
    [random.Random(3).randbytes(4000), b"plain ascii text, nothing else", b" " * 100],
)
def test_utf16_pattern_is_not_seen_where_there_is_none(data: bytes) -> None:
    assert utf16_without_bom(data) is None


def test_utf8_passes_through() -> None:
    decoded = decode_bytes(RUSSIAN.encode())
    assert (decoded.text, decoded.encoding) == (RUSSIAN, "utf-8")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (RUSSIAN, "cp1251", "cp1251"),
        ("Сергей", "cp1251", "cp1251"),
        (FRENCH, "cp1252", "cp1252"),
        ("Café déjà vu naïve façade", "latin-1", "cp1252"),
        ("Müller sagte: „Wir müssen über Größe reden.“", "cp1252", "cp1252"),
        ("Привет, как дела? Всё хорошо.", "koi8_r", "koi8_r"),
        ("Dziś rano minister spraw zagranicznych Polski spotkał się z ambasadorem.", "cp1250",
         "cp1250"),
        ("Γειά σου κόσμε, καλημέρα.", "cp1253", "cp1253"),
    ],
)
def test_legacy_code_pages(text: str, codec: str, expected: str) -> None:
    data = text.encode(codec)
    assert guess_legacy_encoding(data) == expected
    assert decode_bytes(data).text == text


def test_east_asian_multibyte_via_charset_normalizer() -> None:
    text = "中华人民共和国外交部发言人表示，双方进行了会谈。"
    assert decode_bytes(text.encode("gb18030")).text == text


def test_one_bad_byte_in_utf8_does_not_turn_the_page_into_mojibake() -> None:
    data = (RUSSIAN + "\n").encode() * 20 + b"\xff" + (RUSSIAN + "\n").encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count(RUSSIAN) == 21
    assert "\ufffd" in decoded.text


def test_implausibility_prefers_the_right_code_page() -> None:
    data = RUSSIAN.encode("cp1251")
    assert implausibility(data.decode("cp1251")) < implausibility(data.decode("cp1252"))


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("itâ€™s fine", "it’s fine"),
        ("Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð²", "Сергей Лавров"),
        ("PÃ¡gina", "Página"),
        ("one\nthe â€œquotedâ€\x9d word\nlast", "one\nthe “quoted” word\nlast"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "Clean: Ça va, São Paulo, Ñandú, Âge d'or",
        "naïve café — “quoted” ‘single’ … 10 €",
        RUSSIAN,
        "Ångström, Øresund, Æsir, Þór, Đorđe",
        "عقد وزير الخارجية مؤتمرا صحفيا 👍🏽",
        "Text with [bold red]markup[/] stays",
    ],
)
def test_clean_text_is_never_touched(clean: str) -> None:
    assert repair_mojibake(clean) == clean


def test_declared_charset_of_a_web_page_is_used() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1251"></head><body><p>Сергей Лавров</p></body></html>')
    decoded = decode_bytes(page.encode("cp1251"))
    assert decoded.encoding == "cp1251"
    assert "Сергей Лавров" in decoded.text
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?>') == "iso8859-1"
    assert declared_charset(b"<meta charset=utf-8>") is None
    assert declared_charset(b"<meta charset=nonsense-codec>") is None
