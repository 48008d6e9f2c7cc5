"""``fold`` and ``ParsedQuery.pattern`` as the snippet step uses them, against their definitions.

``fold`` avoids Python work per character and ``pattern`` starts with literal text (so
``re`` can scan for it); both must give exactly what the plain definitions give: one
character folded at a time, and a term preceded by a non-word character.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from store.search import fold, parse_query, snippet


def fold_by_definition(text: str) -> str:
    """Each character lower-cased, its accents dropped, and kept to one character."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        folded = base.casefold()
        out.append(folded[:1] if folded else ch)
    return "".join(out)


def pattern_by_definition(query: str) -> re.Pattern[str]:
    """The terms with a leading lookbehind for the word boundary (the plain form)."""
    alternatives = []
    for term in parse_query(query).terms:
        body = r"[\W_]+".join(re.escape(fold(t)) for t in term.tokens)
        tail = "" if term.prefix else r"(?![^\W_])"
        alternatives.append(rf"(?<![^\W_]){body}{tail}")
    return re.compile("|".join(alternatives))


def test_fold_matches_its_definition_for_every_code_point() -> None:
    every = "".join(chr(i) for i in range(0x110000))  # lone surrogates included
    assert fold(every) == fold_by_definition(every)


def test_fold_of_many_distinct_letters_and_chained_folds() -> None:
    russian = "Министр иностранных дел Сергей Лавров: ЁЛКА, Йошкар-Ола. " * 3
    assert fold(russian) == fold_by_definition(russian)
    assert fold(russian).startswith("министр иностранных дел сергеи лавров: елка")
    # "Σ" folds to "σ", which is itself in the text: replacements must not chain wrongly.
    greek = "ΣΟΦΙΑ σοφία ς İstanbul ǅ Straße"
    assert fold(greek) == fold_by_definition(greek)
    assert len(fold(greek)) == len(greek)


_ALPHABET = st.sampled_from(list("abAB é_É-. ßİΣσςǅ1\u0301\ud800"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_fold_agrees_with_definition_on_mixed_text(text: str) -> None:
    assert fold(text) == fold_by_definition(text)


_QUERIES = st.sampled_from(
    ["a", "ab", "b*", '"a b"', "é", "ss", "a-b", "É*", "1", "σ", "a OR b", '"b a"*', "ǅ"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40), st.lists(_QUERIES, min_size=1, max_size=3))
def test_pattern_finds_the_same_spans_as_its_definition(text: str, words: list[str]) -> None:
    query = " ".join(words)
    folded = fold(text)
    found = [m.span() for m in parse_query(query).pattern().finditer(folded)]
    assert found == [m.span() for m in pattern_by_definition(query).finditer(folded)]


def test_pattern_respects_word_boundaries_on_both_sides() -> None:
    pattern = parse_query('treaty "missile defence"').pattern()
    text = fold("Antitreaty; MISSILE—Défence treaty treatyish missile defences")
    assert [text[m.start() : m.end()] for m in pattern.finditer(text)] == [
        "missile—defence",
        "treaty",
    ]
    assert parse_query("tre*").pattern().search("antitreaty") is None
    assert parse_query("tre*").pattern().search("a treatyish").span() == (2, 5)


def test_snippet_on_long_accented_text_is_centred_on_the_accented_match() -> None:
    # The accented spelling is the first match; an unaccented one comes much later.
    text = (
        "Le ministre a parlé longuement. " * 200
        + "La Défense antimissile est évoquée ici. "
        + "filler words here " * 400
        + "missile defence again"
    )
    cut = snippet(text, parse_query('"defense antimissile"').pattern(), width=120)
    assert "Défense antimissile" in cut
    assert cut.startswith("…") and cut.endswith("…")
    later = snippet(text, parse_query('"missile defence"').pattern(), width=120)
    assert later.endswith("missile defence again")
