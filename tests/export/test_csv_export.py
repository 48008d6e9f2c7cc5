"""CSV: one row per passage, quoting that survives spreadsheets, no formula injection."""

from __future__ import annotations

import csv
import io

from store.export.csv_export import COLUMNS, csv_text, export_csv, safe_cell
from store.export.records import Filters, build_records
from store.models import Anchor, Annotation, Meeting, Remark


def _meeting(text: str) -> Meeting:
    return Meeting(
        id="m1", title='Talks, "frank" and long', date="2015-06-11", date_inferred=False,
        place="Moscow", outlet="=HYPERLINK(\"http://x\")", kind="transcript", participants=(),
        remarks=(Remark("Sergey Lavrov", "answer", text, 0, len(text)),), text=text, source="x",
    )


def test_rows_parse_back_with_newlines_quotes_and_commas() -> None:
    text = 'He said, "yes".\nThen, a new line; and more.'
    m = _meeting(text)
    a = Annotation("a1", "m1", Anchor(0, len(text), text), tags=("t/one", "two"),
                   bookmark=True, note='note with "quotes",\r\nand CRLF')
    out = csv_text(build_records({"m1": m}, [a]))
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(COLUMNS)
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["text"] == text
    assert row["note"] == 'note with "quotes",\r\nand CRLF'
    assert row["title"] == 'Talks, "frank" and long'
    assert row["tags"] == "t/one;two"
    assert row["speaker"] == "Sergey Lavrov"
    assert row["kind"] == "answer"
    assert row["bookmark"] == "yes"
    assert (row["start"], row["end"]) == ("0", str(len(text)))
    assert len(rows) == 2


def test_formula_like_cells_are_prefixed() -> None:
    for bad in ("=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell("plain") == "plain"
    assert safe_cell("") == ""
    text = "=cmd|' /C calc'!A0"
    m = _meeting(text)
    a = Annotation("a1", "m1", Anchor(0, len(text), text), tags=("-negative",), note="@note")
    rows = list(csv.reader(io.StringIO(csv_text(build_records({"m1": m}, [a])), newline="")))
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["text"] == "'" + text
    assert row["outlet"].startswith("'=")
    assert row["tags"] == "'-negative"
    assert row["note"] == "'@note"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_bom_option_and_utf8(tmp_path, meetings, annotations) -> None:
    records = build_records(meetings, annotations)
    plain, bom = tmp_path / "a.csv", tmp_path / "b.csv"
    assert export_csv(records, plain) == 5
    export_csv(records, bom, bom=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes()[3:] == plain.read_bytes()
    rows = list(csv.DictReader(plain.open(encoding="utf-8", newline="")))
    assert [r["meeting_id"] for r in rows] == ["seed-ivanov-oic"] * 2 + ["seed-lavrov-madani"] * 3
    assert "Sergey Lavrov’s statement" in rows[2]["title"]  # non-ASCII survives


def test_filters(meetings, annotations) -> None:
    def ids(**kw) -> list[str]:
        return [r.annotation.id for r in build_records(meetings, annotations, Filters(**kw))]

    assert ids(tags=("topic",)) == ["ann-1", "ann-2", "ann-3", "ann-5"]
    assert ids(tags=("topic/terrorism",)) == ["ann-1", "ann-3", "ann-5"]
    assert ids(bookmarked=True) == ["ann-2", "ann-4"]
    assert ids(speaker="lavrov") == ["ann-3", "ann-5"]  # alias, any case
    assert ids(speaker="Syed Hamid Albar") == ["ann-2"]
    assert ids(date_from="2010-01-01") == ["ann-4", "ann-3", "ann-5"]  # text order
    assert ids(date_to="2004-05") == ["ann-1", "ann-2"]
    assert ids(meeting_ids=frozenset({"seed-lavrov-madani"}), tags=("rhetoric",)) == ["ann-3"]


def test_missing_meeting_is_kept_as_orphan(meetings, annotations) -> None:
    lost = Annotation("lost", "gone", Anchor(5, 10, "quote"), tags=("x",))
    records = build_records(meetings, [*annotations, lost])
    assert records[-1].annotation.id == "lost"
    assert records[-1].orphaned and records[-1].text == "quote"
    row = list(csv.reader(io.StringIO(csv_text(records), newline="")))[-1]
    assert row[0] == "gone" and row[9] == "quote"
