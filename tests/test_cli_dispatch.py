"""The dispatcher loads only the subcommand being run, yet ``--help`` lists them all."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli import COMMANDS, _wanted_command, build_parser


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        ([], ""),
        (["--library", "/tmp/lib"], ""),
        (["--library", "/tmp/lib", "list", "--json"], "list"),
        (["extract", "--json", "a.txt"], "extract"),
        (["--help"], None),
        (["no-such-command"], None),
    ],
)
def test_wanted_command(argv: list[str], wanted: str | None) -> None:
    assert _wanted_command(argv) == wanted


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(["--help"]).parse_args(["--help"])
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_opening_the_app_imports_no_ingest() -> None:
    """Start-up must not pay for ingest (wordfreq, ftfy) when it only opens the app."""
    code = (
        "import sys, tui.cli as c; c.build_parser([]);"
        "print(any(m.startswith('store.ingest') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
