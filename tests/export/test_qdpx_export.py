"""QDPX export: valid against the REFI-QDA 1.0 schema, stable, faithful to the coding."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from store.export.qdpx_export import export_qdpx, normalise_newlines
from store.export.qdpx_ids import BOOKMARK_GUID, NS, guid
from store.export.records import build_records
from store.ingest import extract_text
from store.models import Anchor, Annotation, Meeting, Remark, Tag
from tests.conftest import SEEDS
from tests.export.seed_data import SEED_TAGS


def _project(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        texts = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n != "project.qde"}
    return root, texts


def test_seed_export_is_valid_and_complete(tmp_path, qdpx_schema, meetings, annotations) -> None:
    out = tmp_path / "seeds.qdpx"
    summary = export_qdpx(build_records(meetings, annotations), SEED_TAGS, out)
    root, texts = _project(out)
    assert qdpx_schema.validate(root), qdpx_schema.error_log
    assert (summary.sources, summary.passages, summary.skipped_orphaned) == (2, 5, [])

    # Sources: the cleaned texts, referenced as internal://<guid>.txt under sources/.
    sources = root.findall(f"{NS}Sources/{NS}TextSource")
    assert len(sources) == 2
    for src in sources:
        g = src.get("guid")
        assert src.get("plainTextPath") == f"internal://{g}.txt"
        assert f"sources/{g}.txt" in texts
    by_guid = {s.get("guid"): s for s in sources}
    lavrov = by_guid[guid("source", "seed-lavrov-madani")]
    assert texts[f"sources/{lavrov.get('guid')}.txt"] == meetings["seed-lavrov-madani"].text

    # Code tree: topic/terrorism nested in topic, colours kept, Bookmarked present.
    codes = root.find(f"{NS}CodeBook/{NS}Codes")
    topic = next(c for c in codes if c.get("name") == "topic")
    assert topic.get("isCodable") == "false"
    terrorism = next(c for c in topic if c.get("name") == "terrorism")
    assert terrorism.get("color") == "#d75f5f"
    assert terrorism.findtext(f"{NS}Description") == "Terrorism and the fight against it"
    assert any(c.get("guid") == BOOKMARK_GUID and c.get("name") == "Bookmarked" for c in codes)
    assert any(c.get("name") == "unused" for c in codes)  # the whole codebook travels

    # Each passage a selection with its codings, positions in code points, end exclusive.
    text = meetings["seed-lavrov-madani"].text
    sel = lavrov.find(f"{NS}PlainTextSelection[@guid='{guid('selection', 'ann-3')}']")
    s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert text[s:e] == "There must be no double standards here."
    refs = {c.find(f"{NS}CodeRef").get("targetGUID") for c in sel.findall(f"{NS}Coding")}
    assert refs == {guid("code", "topic/terrorism"), guid("code", "rhetoric/double standards")}
    note = "A recurring phrase.\nCompare with the 2014 statements."
    assert sel.findtext(f"{NS}Description") == note
    question = lavrov.find(f"{NS}PlainTextSelection[@guid='{guid('selection', 'ann-4')}']")
    assert [c.find(f"{NS}CodeRef").get("targetGUID") for c in question.findall(f"{NS}Coding")] == [
        BOOKMARK_GUID
    ]
    assert sel.get("creationDateTime") == "2026-01-03T09:30:00Z"

    # Speakers are cases pointing at their remarks' selections.
    cases = {c.get("name"): c for c in root.findall(f"{NS}Cases/{NS}Case")}
    assert set(cases) == {"Igor Ivanov", "Syed Hamid Albar", "Sergey Lavrov"}
    sel_guids = {x.get("guid") for x in root.iter(f"{NS}PlainTextSelection")}
    lavrov_refs = [r.get("targetGUID") for r in cases["Sergey Lavrov"].findall(f"{NS}SelectionRef")]
    assert len(lavrov_refs) == 8 and set(lavrov_refs) <= sel_guids
    assert cases["Sergey Lavrov"].findtext(f"{NS}Description") == "Foreign Minister, Russia"


def test_two_exports_are_byte_identical(tmp_path, meetings, annotations) -> None:
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export_qdpx(build_records(meetings, annotations), SEED_TAGS, a)
    export_qdpx(build_records(meetings, list(reversed(annotations))), SEED_TAGS[::-1], b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        names = zf.namelist()
        assert names[0] == "project.qde" and names[1:] == sorted(names[1:])
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_pipeline_reading_of_seeds_exports_valid(tmp_path, qdpx_schema) -> None:
    """Whatever the ingest pipeline makes of the seeds, the export stays valid."""
    meetings: dict[str, Meeting] = {}
    for name in ("000_a9a3d9c4bdde8030.txt", "003_1e53a87551ad3537.txt"):
        for m in extract_text((SEEDS / name).read_text(encoding="utf-8"), name):
            meetings[m.id] = m
    anns = []
    for i, m in enumerate(meetings.values()):
        for j, word in enumerate(("OIC", "terrorism")):
            at = m.text.find(word)
            if at >= 0:
                anns.append(Annotation(f"p{i}{j}", m.id, Anchor(at, at + len(word), word),
                                       tags=(f"word/{word}",), bookmark=j == 0, note="n & <m>"))
    assert anns
    out = tmp_path / "p.qdpx"
    export_qdpx(build_records(meetings, anns), [], out)
    root, texts = _project(out)
    assert qdpx_schema.validate(root), qdpx_schema.error_log
    for src in root.iter(f"{NS}TextSource"):
        text = texts[f"sources/{src.get('guid')}.txt"]
        for sel in src.findall(f"{NS}PlainTextSelection"):
            s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert 0 <= s < e <= len(text)


def test_crlf_text_and_awkward_input(tmp_path, qdpx_schema) -> None:
    text = "Line one\r\nLine two\x0b has a vertical tab\r\nÉté — 💬 emoji then target."
    target = text.index("target")
    m = Meeting("m", "A / B: <title>", "--05-21", False, None, None, "report", (),
                (Remark("X \x01", "quote", text[:8], 0, 8),), text, "s")
    a = Annotation("a", "m", Anchor(target, target + 6, "target"), tags=("odd colour",),
                   note='bad \x00 char "q" & <tag>\ttab\r\nline', created="not a date")
    lost = Annotation("b", "missing", Anchor(0, 3, "abc"), tags=("odd colour",))
    out = tmp_path / "x.qdpx"
    summary = export_qdpx(build_records({"m": m}, [a, lost]), [Tag("odd colour", "red")], out)
    assert summary.skipped_orphaned == ["b"]
    root, texts = _project(out)
    assert qdpx_schema.validate(root), qdpx_schema.error_log
    (plain,) = texts.values()
    assert "\r" not in plain
    sel = root.find(f".//{NS}PlainTextSelection[@guid='{guid('selection', 'a')}']")
    assert plain[int(sel.get("startPosition")) : int(sel.get("endPosition"))] == "target"
    assert sel.findtext(f"{NS}Description") == 'bad  char "q" & <tag>\ttab\r\nline'
    assert sel.get("creationDateTime") is None  # an unreadable time is left out
    src = root.find(f".//{NS}TextSource")
    assert src.get("name") == "--05-21 A - B- -title- (m)"
    code = next(c for c in root.iter(f"{NS}Code") if c.get("name") == "odd colour")
    assert code.get("color") == "#800000"


def test_normalise_newlines_maps_offsets() -> None:
    text = "a\r\nb\rc\r\n"
    new, remap = normalise_newlines(text)
    assert new == "a\nb\nc\n"
    for old, char in ((0, "a"), (3, "b"), (5, "c")):
        assert new[remap(old)] == char
    assert remap(len(text)) == len(new)
