"""Markdown exports of pages → plain text, keeping bold speaker labels.

Page savers and converters (pandoc, "save as Markdown" extensions) write transcripts as
Markdown: a title line, two-space hard line breaks, ``-   `` bullets, ``[links](url)``,
``**emphasis**`` and, in transcripts, speaker labels set in bold (``**MR. KIRBY:**``).
Parley reads the words, not the syntax, so the syntax goes and the labels are kept.

Only constructs that cannot be ordinary prose are touched: a pair of asterisks around
non-blank text, a link with a target, a heading's leading hashes. "* * *" (a section
break in transcripts), a lone asterisk and four-space indents stay as they are, so
plain text that is wrongly taken for Markdown loses nothing. Every pattern is applied
line by line with no nested quantifiers, so a 10 MB line costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?=\S)")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\]\([^)\s\[]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^)\n\[]{0,2000}\)")
_REF_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,100}\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]{1,100}\]:[ \t]+\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_BOLD_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?:\*\*|__)(?P<name>[^*_\n:]{1,120}?)[ \t]*"
    r"(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)"
)
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,2000}?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*\\])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]{1,2000}?)(?<=[^\s_])_(?!\w)")
_WRAPPED_LINE = re.compile(r"^\*+(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*+$")
_CODE_SPAN = re.compile(r"`([^`\n]{1,2000})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SYNTAX_CHARS = re.compile(r"[*_\[\]`<#!\\]")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")

# Signals that a text is Markdown rather than prose that happens to contain "*".
# Each construct with what any match of it contains: most plain texts hold none of
# these, and ``in`` rules a construct out many times faster than the pattern's scan
# (a multi-line "^" is tried at every character).
_SIGNALS = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M), ("#",)),
    (re.compile(r"\[[^\]\n]{1,500}\]\([^)\s]{1,2000}\)"), ("](",)),
    (re.compile(r"\*\*(?=\S)[^*\n]{1,500}(?<=\S)\*\*"), ("**",)),
    (re.compile(r"^-   \S", re.M), ("-   ",)),  # pandoc's bullet
    (re.compile(r"^ {0,3}(?:```|~~~)", re.M), ("```", "~~~")),
)
_HARD_BREAK = re.compile(r"\S  $", re.M)
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def looks_like_markdown(text: str, source: str = "") -> bool:
    """True when ``text`` is written in Markdown (a ``.md`` name counts too).

    Two or more Markdown constructs (headings, links, ``**bold**``, pandoc bullets,
    code fences), or two-space hard line breaks on at least three lines and 5 % of the
    lines, mark a Markdown export. Plain transcripts with "* * *" do not qualify.
    """
    if source.lower().endswith(_MARKDOWN_SUFFIXES):
        return True
    sample = text[: 1 << 20]
    constructs = 0
    for signal, needles in _SIGNALS:
        if not any(needle in sample for needle in needles):
            continue
        constructs += sum(1 for _ in zip(range(2), signal.finditer(sample), strict=False))
        if constructs >= 2:
            return True
    if "  \n" not in sample and not sample.endswith("  "):
        return False  # no line ends in two spaces: no hard break
    breaks = sum(1 for _ in _HARD_BREAK.finditer(sample))
    lines = sample.count("\n") + 1
    return breaks >= 3 and breaks * 20 >= lines


@dataclass(slots=True)
class MarkdownText:
    """Markdown read as text: the words, and the bold speaker labels found."""

    text: str
    labels: frozenset[str] = field(default_factory=frozenset)


def markdown_to_text(text: str) -> MarkdownText:
    """Strip Markdown syntax line by line, keeping words, line structure and labels.

    Lines stay lines (so paragraphs and offsets of what follows stay predictable);
    trailing hard-break spaces go; code blocks inside fences are kept verbatim.
    """
    labels: set[str] = set()
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line.rstrip())
            continue
        if _REF_DEF.match(line):
            out.append("")
            continue
        line, label = strip_inline(line)
        if label:
            labels.add(label)
        out.append(line.rstrip())
    return MarkdownText("\n".join(out), frozenset(labels))


def strip_inline(line: str) -> tuple[str, str | None]:
    """One line without Markdown syntax, and the bold label it opens with, if any."""
    label = None
    if _SYNTAX_CHARS.search(line) is None:
        return line, None
    line = _HEADING.sub("", line)
    match = _BOLD_LABEL.match(line)
    if match is not None:
        name = match.group("name").strip()
        if name and any(ch.isalpha() for ch in name):
            label = name
            line = f"{match.group('lead')}{name}:{line[match.end():]}"
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE_SPAN.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _WRAPPED_LINE.sub(r"\1", line)
    line = _EMPHASIS_STAR.sub(r"\1", line)
    line = _EMPHASIS_UNDERSCORE.sub(r"\1", line)
    line = _strip_lone_star(line)
    line = _ESCAPE.sub(r"\1", line)
    return line, label


def _strip_lone_star(line: str) -> str:
    """Emphasis spanning two lines ("*NASA Headquarters" / "Washington, D.C.*") leaves
    a lone asterisk opening or closing a line; it goes (a "* " bullet stays)."""
    if line.count("*") != 1:
        return line
    if len(line) > 1 and line[0] == "*" and not line[1].isspace():
        return line[1:]
    end = line.rstrip()
    if len(end) > 1 and end[-1] == "*" and not end[-2].isspace():
        return end[:-1] + line[len(end):]
    return line
