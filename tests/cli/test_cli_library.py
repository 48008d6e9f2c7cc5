"""``parley import``, ``parley list`` and ``parley search``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS_DEV
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def libdir(tmp_path: Path) -> str:
    return str(tmp_path / "lib")


def test_import_json_then_again_unchanged(capsys, fake, corpus, tmp_path, libdir) -> None:
    code, out, err = run(capsys, "--library", libdir, "import", "--jobs", "0", "--json",
                         str(tmp_path / "docs"))
    assert code == 0
    summary = json.loads(out)
    assert sorted(summary["imported"]) == sorted(str(p) for p in corpus.values())
    assert summary["failed"] == [] and summary["meetings"] == 4
    assert summary["library"] == libdir
    assert "[4/4]" in err  # plain progress lines when not a terminal

    code, out, _ = run(capsys, "--library", libdir, "import", "--jobs", "0", "--json",
                       str(tmp_path / "docs"))
    assert code == 0 and json.loads(out)["imported"] == []
    assert len(json.loads(out)["unchanged"]) == 4


def test_import_failures_exit_1_with_one_line_each(capsys, fake, corpus, tmp_path, libdir):
    bad = tmp_path / "bad.txt"
    bad.write_text("[bold]not a meeting[/]")
    code, out, _ = run(capsys, "--library", libdir, "import", "--jobs", "0",
                       str(corpus["july"]), str(bad), str(tmp_path / "missing.txt"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("Imported 1 file (1 meeting), 0 unchanged, 2 failed")
    assert f"failed  {bad} is not a test meeting." in lines
    assert f"failed  {tmp_path / 'missing.txt'} does not exist." in lines


def test_import_reports_replaced(capsys, fake, corpus, libdir) -> None:
    from tests.library.fake_ingest import write_meeting

    run(capsys, "--library", libdir, "import", "--jobs", "0", str(corpus["july"]))
    write_meeting(corpus["july"], title="Consultations in July",
                  turns=[("Maria Zakharova", "statement", "Changed words.")])
    code, out, _ = run(capsys, "--library", libdir, "import", "--jobs", "0", "--json",
                       str(corpus["july"]))
    assert code == 0
    (pair,) = json.loads(out)["replaced"]
    assert set(pair) == {"old", "new"} and pair["old"] != pair["new"]


def test_list_json_sort_and_filters(capsys, lib, libdir) -> None:
    libdir = str(lib.path)
    code, out, _ = run(capsys, "--library", libdir, "list", "--json", "--sort", "date_asc")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 4
    assert [r["date"] for r in rows][1:] == ["2004-05-21", "2015-06-11", "2015-07-01"]
    assert set(rows[0]) == {"id", "date", "title", "outlet", "kind", "place", "participants",
                            "n_remarks", "source"}
    _, out, _ = run(capsys, "--library", libdir, "list", "--json", "--speaker", "Lavrov",
                    "--from", "2015-01-01")
    assert [json.loads(x)["title"] for x in out.splitlines()] == [
        "Talks with the OIC Secretary General"
    ]
    _, out, _ = run(capsys, "--library", libdir, "list", "--json", "--kind", "quote")
    assert len(out.splitlines()) == 1
    _, out, _ = run(capsys, "--library", libdir, "list", "--json", "--limit", "2", "--offset", "1")
    assert len(out.splitlines()) == 2


def test_list_table_prints_document_text_literally(capsys, lib) -> None:
    code, out, _ = run(capsys, "--library", str(lib.path), "list")
    assert code == 0
    flat = " ".join(out.split())
    assert "[bold]not" in flat and "bold[/]" in flat  # markup in a title stays text
    assert "Consultations in July" in flat and "4 meetings" in flat


def test_search_json_and_filters(capsys, lib) -> None:
    d = str(lib.path)
    code, out, _ = run(capsys, "--library", d, "search", "--json", '"dirty bomb"')
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {h["kind"] for h in hits} == {"question", "answer"}
    assert set(hits[0]) == {"meeting_id", "date", "title", "speaker", "kind", "start", "end",
                            "snippet", "score"}
    _, out, _ = run(capsys, "--library", d, "search", "--json", "bomb", "--speaker", "Lavrov")
    assert [json.loads(x)["speaker"] for x in out.splitlines()] == ["Sergey Lavrov"]
    _, out, _ = run(capsys, "--library", d, "search", "--json", "bomb", "--kind", "question",
                    "--to", "2015-12-31", "--limit", "5")
    assert [json.loads(x)["kind"] for x in out.splitlines()] == ["question"]
    _, out, _ = run(capsys, "--library", d, "search", "nego*", "evidence", "OR", "eels")
    assert "hit" in out


def test_search_human_output_keeps_markup_as_text(capsys, lib) -> None:
    code, out, _ = run(capsys, "--library", str(lib.path), "search", "[bold]")
    assert code == 0
    assert "[bold] markup and [/] closers" in " ".join(out.split())


@pytest.mark.parametrize("query", ["AND (", '"', "-onlyexcluded"])
def test_search_bad_query_is_one_sentence_exit_2(capsys, lib, query) -> None:
    code, out, err = run(capsys, "--library", str(lib.path), "search", "--", query)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) <= 2 and "Traceback" not in err


def test_empty_library_lists_the_samples(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "--library", str(tmp_path / "new"), "list", "--json")
    assert code == 0 and len(out.splitlines()) >= 1
    assert "sample" in err


@pytest.mark.slow
def test_real_console_script(tmp_path: Path) -> None:
    """The installed ``parley`` end to end, with real parsing in worker processes."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("kremlin__8010.txt", "kremlin__17559.txt", "kremlin__27613.txt"):
        (docs / name).write_bytes((CORPUS_DEV / "docs" / name).read_bytes())
    exe = Path(sys.executable).with_name("parley")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tui"]
    env = {**os.environ, "COLUMNS": "120"}
    lib = str(tmp_path / "lib")
    done = subprocess.run([*cmd, "--library", lib, "import", "--jobs", "2", str(docs)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Imported 3 files (3 meetings), 0 unchanged, 0 failed")
    listed = subprocess.run([*cmd, "--library", lib, "list", "--json"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert len(listed.stdout.splitlines()) == 3
    found = subprocess.run([*cmd, "--library", lib, "search", "--json", "Uzbekistan"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert found.returncode == 0 and found.stdout.strip()
    assert all("Uzbekistan" in json.loads(x)["snippet"] or json.loads(x)["title"]
               for x in found.stdout.splitlines())


def test_search_code_tags_every_hit_once(capsys, lib) -> None:
    from store.annotations import AnnotationStore

    d = str(lib.path)
    code, _out, err = run(capsys, "--library", d, "search", '"dirty bomb"', "--code", "topic/wmd")
    assert code == 0 and "Tagged 2 passages with topic/wmd (0 already had it)." in err
    store = AnnotationStore.open(lib.path)
    tagged = store.all()
    store.close()
    assert len(tagged) == 2 and all(a.tags == ("topic/wmd",) for a in tagged)
    for a in tagged:
        text = lib.meeting(a.meeting_id).text
        assert "dirty bomb" in text[a.anchor.start : a.anchor.end]
    code, _, err = run(capsys, "--library", d, "search", '"dirty bomb"', "--code", "topic/wmd")
    assert code == 0 and "Tagged 0 passages with topic/wmd (2 already had it)." in err
    code, _, err = run(capsys, "--library", d, "search", "bomb", "--code", " / ")
    assert code == 2 and "Traceback" not in err
