"""Shortcuts taken for speed give exactly what the plain computation gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.ingest.mentions import Registry, capital_runs
from store.ingest.quotes import _Reader

_BITS = [
    "The", "Foreign", "Ministry", "of", "the", "said", "spokesman", "Oleg", "Nikolenko", "Mr.",
    "U.S.", "Putin's", "TASS.", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "ministry", "de",
]


@given(st.lists(st.sampled_from(_BITS), max_size=60), st.integers(min_value=0))
def test_runs_backwards_is_capital_runs_of_the_prefix(bits: list[str], cut: int) -> None:
    text = " ".join(bits)
    at = cut % (len(text) + 1)
    reader = _Reader(text, Registry())
    got = [(r.start, r.end, r.text) for r in reader._runs_backwards(at)]
    want = [(r.start, r.end, r.text) for r in reversed(capital_runs(text[:at]))]
    assert got == want
    # the cache of complete lines gives the same answer the second time
    assert [(r.start, r.end, r.text) for r in reader._runs_backwards(at)] == want


def _switcher_by_counting(line: str) -> bool:
    """``furniture.is_language_switcher`` as first written: count every token."""
    import re

    from store.ingest import furniture as fu

    s = fu._BULLET.sub("", line.strip())
    tokens = [t for t in re.split(r"[\s|/•·,]+", s) if t]
    if not tokens:
        return False
    locale_like = sum(1 for t in tokens if fu._LOCALE.match(t) and re.search(r"[-_\d]", t))
    names = sum(1 for t in tokens if t.casefold() in fu.LANGUAGE_NAMES)
    if locale_like + names != len(tokens):
        return False
    return locale_like >= 2 or names >= 2 or (locale_like >= 1 and names >= 1)


_LINE_BITS = [
    "English", "Русский", "de-DE1", "en-GB1", "en", "|", "•", "/", ",", " ", "Share",
    "Facebook", "Twitter", "The", "minister", "said", ".", "news", "ru_RU", "fr", "x1",
]


@given(st.lists(st.sampled_from(_LINE_BITS), max_size=24))
def test_furniture_line_tests_agree_with_counting_every_word(bits: list[str]) -> None:
    import re

    from store.ingest import furniture as fu

    for line in (" ".join(bits), " ".join(bits * 12), "".join(bits * 20)):
        assert fu.is_language_switcher(line) == _switcher_by_counting(line)
        s = line.strip()
        assert fu.is_prose(line) == (
            len(fu._words(s)) >= fu._PROSE_WORDS and bool(re.search(r"[.!?;,:]", s))
        )
        for strong in (True, False):
            b = fu._BULLET.sub("", s)
            words = fu._words(b)
            plain = (
                0 < len(words) <= 8
                and not re.search(r"[.!?]\s", b)
                and all(w in fu.UI_WORDS for w in words)
                and (not strong or any(w in fu.STRONG_UI for w in words))
            )
            assert fu.is_ui_line(line, strong_only=strong) == plain


_GLUE_BITS = ["ab", "cde", "Xy", "Word", ".", ",", ";", "!", "?", " ", "March 3, ", "2015",
              "18:30", "x", "Ab", "a.", "U.S.", "http://a.com/x", "9"]


@given(st.lists(st.sampled_from(_GLUE_BITS), max_size=40))
def test_repair_patterns_match_as_first_written(bits: list[str]) -> None:
    import re

    from store.ingest import repair

    text = "".join(bits)

    def spans(p: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in p.finditer(text)]

    assert spans(repair._PUNCT_GLUE) == spans(re.compile(r"(?<=[a-z]{2})[,;:!?](?=[A-Za-z]{2})"))
    assert spans(repair._PERIOD_GLUE) == spans(re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]{2,})"))
    assert spans(repair._DIGIT_TOKEN) == spans(re.compile(r"\S*\d\S*"))
    if repair._CLOCK_GLUE.search(text):
        assert repair._YEAR_CLOCK.search(text)


@given(st.lists(st.lists(st.integers(0, 50), max_size=6), max_size=6), st.integers(0, 60))
def test_last_seen_is_the_latest_earlier_mention(batches: list[list[int]], before: int) -> None:
    from store.ingest.mentions import Entity

    ent = Entity(name="Anna Smith", kind="person")
    registry = Registry()
    for batch in batches:  # mentions arrive between questions, in any order
        ent.positions.extend(batch)
        earlier = [p for p in ent.positions if p < before]
        assert registry.last_seen(ent, before) == (max(earlier) if earlier else -1)
