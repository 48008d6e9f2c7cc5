"""Shared fixtures: where the shared material is, and an isolated home for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS_DEV = SHARED / "corpus-dev"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test out of the real data, config and cache directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PARLEY_LIBRARY", str(home / "library"))
    monkeypatch.setenv("PARLEY_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("PARLEY_SAMPLE_LIBRARY", str(home / "sample-library"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield
