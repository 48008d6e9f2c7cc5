"""Turn what a person types into a safe SQLite FTS5 query.

People type search boxes the way they type into a web search: words that must all
appear, ``"exact phrases"``, ``prefix*``, ``OR`` between alternatives, ``-word`` or
``NOT word`` to exclude. FTS5's own syntax is stricter (a stray ``"``, ``(`` or ``AND``
is a syntax error, and a word like ``U.S.`` or ``[bold]`` means something else), so
the query is never handed to FTS5 as typed: it is parsed here into terms, each term is
re-quoted as an FTS5 string, and the structure (AND of OR-groups, then NOT) is built
explicitly. Whatever the input, the result is valid FTS5 or a :class:`QueryError`
with one sentence for the user.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# What SQLite's unicode61 tokenizer keeps as token characters: letters and digits
# (its separators are spaces, punctuation and symbols). Used to drop terms that would
# tokenize to nothing, which FTS5 rejects or matches unpredictably.
_TOKEN = re.compile(r"[^\W_]+")
# A query is split into: quoted phrases (an unbalanced quote runs to the end), or runs
# of anything that is not white space or a quote.
_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')
# Bytes ``fold`` deletes from a UTF-8 text to see which non-ASCII characters it holds.
_ASCII_BYTES = bytes(range(128))
# Up to this many distinct characters to change, ``fold`` replaces each in turn (a
# C-speed pass apiece); beyond it one ``str.translate`` pass is cheaper.
_REPLACE_AT_MOST = 12


class QueryError(ValueError):
    """A search query that cannot be run; ``str(exc)`` is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: a word or phrase (as tokens), maybe a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False
    phrase: bool = False

    def fts(self) -> str:
        """This term as an FTS5 string: the tokens quoted, ``*`` for a prefix."""
        body = " ".join(self.tokens).replace('"', '""')
        return f'"{body}"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The query's structure: every group must match (AND), any term of a group (OR)."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def fts(self) -> str:
        """The FTS5 MATCH expression for this query."""
        parts = []
        for group in self.groups:
            inner = " OR ".join(t.fts() for t in group)
            parts.append(f"({inner})" if len(group) > 1 else inner)
        expr = " AND ".join(parts)
        if self.excluded:
            neg = " OR ".join(t.fts() for t in self.excluded)
            expr = f"({expr}) NOT ({neg})"
        return expr

    @property
    def terms(self) -> tuple[Term, ...]:
        """All positive terms, e.g. for highlighting matches in a view."""
        return tuple(t for g in self.groups for t in g)

    def pattern(self) -> re.Pattern[str]:
        """A regex finding the positive terms in :func:`fold`-ed text (as FTS5 matches)."""
        alternatives = []
        for term in self.terms:
            first, *rest = (re.escape(fold(t)) for t in term.tokens)
            body = "".join(rf"[\W_]+{t}" for t in rest)
            tail = "" if term.prefix else r"(?![^\W_])"
            # The word boundary before the term is checked *after* its first token, as
            # "not a word character followed by that token": the same test as a leading
            # ``(?<![^\W_])``, but the pattern then starts with literal text, which ``re``
            # scans for quickly instead of trying the lookbehind at every position.
            alternatives.append(rf"{first}(?<![^\W_]{first}){body}{tail}")
        return re.compile("|".join(alternatives))


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One non-ASCII character lower-cased and without accents, still one character."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    folded = base.casefold()
    return folded[:1] if folded else ch


def fold(text: str) -> str:
    """``text`` lower-cased and without accents, *character for character*.

    The result has the same length as ``text``, so a match found in it is a span of the
    original: that is what lets a snippet or a highlight be cut from the real text.

    A search folds every hit's whole passage (some are hundreds of kB), so no Python
    code runs per character: ASCII letters are lowered by ``bytes.lower`` on the UTF-8
    form (which touches only ``A``-``Z``), and the few distinct non-ASCII characters a
    text holds are each folded once and replaced in C.
    """
    if text.isascii():
        return text.lower()
    raw = text.encode("utf-8", "surrogatepass")
    lowered = raw.lower().decode("utf-8", "surrogatepass")
    others = set(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    changes = {ch: folded for ch in others if (folded := _fold_char(ch)) != ch}
    if len(changes) > _REPLACE_AT_MOST or not changes.keys().isdisjoint(changes.values()):
        # Many distinct letters (a Cyrillic or Greek text), or replacements that would
        # feed each other: one pass that maps every character at once.
        return lowered.translate({ord(ch): folded for ch, folded in changes.items()})
    for ch, folded in changes.items():
        lowered = lowered.replace(ch, folded)
    return lowered


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = 200) -> str:
    """Plain-text context of about ``width`` characters around the first match."""
    if len(text) <= width:
        return " ".join(text.split())
    found = pattern.search(fold(text)) if pattern is not None else None
    centre = found.start() if found else 0
    start = max(0, centre - width // 3)
    if start > 0:
        space = text.find(" ", start, centre)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(start, centre), end)
        end = space if space > centre else end
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def tokens(text: str) -> tuple[str, ...]:
    """The word tokens of ``text`` as FTS5's unicode61 tokenizer would see them."""
    return tuple(_TOKEN.findall(unicodedata.normalize("NFKC", text)))


def parse_query(query: str) -> ParsedQuery:
    """Parse a typed query; raise :class:`QueryError` when nothing searchable is left."""
    if len(query) > 2000:
        raise QueryError("The search is too long; use fewer than 2,000 characters.")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    negate_next = False
    for match in _PART.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is None:
            assert word is not None
            if word == "OR" or word == "|":
                pending_or = bool(groups)
                continue
            if word == "AND" or word == "&":
                continue
            if word == "NOT":
                negate_next = True
                continue
            negate = negate_next
            if word.startswith("-") and len(word) > 1:
                negate, word = True, word[1:]
            prefix = word.endswith("*")
            toks = tokens(word)
            term = Term(toks, prefix=prefix, phrase=len(toks) > 1)
        else:
            negate = negate_next
            if match.start() > 0 and query[match.start() - 1] == "-":
                negate = True
            toks = tokens(phrase)
            term = Term(toks, prefix=False, phrase=True)
        negate_next = False
        if not term.tokens:
            continue
        if negate:
            excluded.append(term)
            pending_or = False
        elif pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if not groups:
        if excluded:
            raise QueryError("A search needs at least one word to look for, not only exclusions.")
        raise QueryError("The search has no words to look for; type a word or a phrase.")
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))
