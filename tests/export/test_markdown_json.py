"""Markdown report against the expected file; JSON export shape."""

from __future__ import annotations

import json
from pathlib import Path

from store.export.json_export import export_json
from store.export.markdown_export import export_markdown, md_escape, render_markdown
from store.export.records import Filters, build_records
from store.models import Anchor, Annotation, Meeting
from tests.export.seed_data import SEED_TAGS

EXPECTED = Path(__file__).parent / "expected"


def test_seeds_report_by_tag_matches_expected(tmp_path, meetings, annotations) -> None:
    out = tmp_path / "report.md"
    n = export_markdown(build_records(meetings, annotations), SEED_TAGS, out)
    assert n == 5
    assert out.read_text(encoding="utf-8") == (EXPECTED / "seeds_report.md").read_text(
        encoding="utf-8"
    )


def test_seeds_report_by_meeting_matches_expected(meetings, annotations) -> None:
    text = render_markdown(build_records(meetings, annotations), SEED_TAGS, group="meeting")
    assert text == (EXPECTED / "seeds_report_by_meeting.md").read_text(encoding="utf-8")


def test_report_is_independent_of_store_order(meetings, annotations) -> None:
    a = render_markdown(build_records(meetings, annotations), SEED_TAGS)
    b = render_markdown(build_records(meetings, list(reversed(annotations))),
                        list(reversed(SEED_TAGS)))
    assert a == b


def test_document_text_is_escaped_not_markup() -> None:
    assert md_escape("*bold* [link](x) <b> # h") == r"\*bold\* \[link\](x) \<b\> \# h"
    assert md_escape("- item\n1. first") == "\\- item\n1\\. first"
    text = "# Not a heading\n\n<script>alert(1)</script>"
    m = Meeting("m", "T", None, False, None, None, "report", (), (), text, "s")
    a = Annotation("a", "m", Anchor(0, len(text), text), tags=("x",))
    report = render_markdown(build_records({"m": m}, [a]), [])
    assert "> \\# Not a heading" in report
    assert "\\<script\\>" in report and "<script>" not in report
    assert "undated" in report


def test_json_export_shape(tmp_path, meetings, annotations) -> None:
    out = tmp_path / "x.json"
    export_json(build_records(meetings, annotations, Filters(bookmarked=True)), SEED_TAGS, out,
                Filters(bookmarked=True))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["parley_export"] == 1
    assert doc["filters"]["bookmarked"] is True
    assert [a["id"] for a in doc["annotations"]] == ["ann-2", "ann-4"]
    first = doc["annotations"][0]
    assert first["meeting"]["title"] == "Igor Ivanov receives an OIC delegation in the Kremlin"
    assert first["meeting"]["outlet"] == "RIA Novosti"
    assert first["speakers"] == ["Syed Hamid Albar"]
    assert first["text"].startswith("The decision of President Putin")
    assert first["anchor"]["exact"] == first["text"]
    assert first["tags"] == ["topic/OIC relations", "actor/Putin"]
    assert {t["name"] for t in doc["tags"]} >= {"topic/OIC relations", "actor/Putin"}
    again = tmp_path / "y.json"
    export_json(build_records(meetings, annotations, Filters(bookmarked=True)), SEED_TAGS, again,
                Filters(bookmarked=True))
    assert again.read_bytes() == out.read_bytes()
