"""The library fixtures (hand-written meetings, stand-in extractor) for CLI tests."""

from tests.library.conftest import corpus, fake, lib  # noqa: F401
