"""Transcript turns, found by an ordered list of small named rules ("sieves").

Like the sieves of CoreNLP's quote attribution, each rule is small, has a name, and is
tested on its own with short documents. A sieve looks at one line start and either
claims it as a speaker label (returning a :class:`LabelHit`) or passes. The first
sieve that claims a line wins, so the most reliable evidence goes first:

1. ``bold-label``  a label the HTML page set in bold (``Page.labels``);
2. ``question``    ``Question:``, ``Q:``, ``Q`` + spaces, ``Вопрос:``, ``Remark:``;
3. ``answer``      ``A:`` / ``Answer:`` in a Q-and-A interview (needs a ``Q:`` too);
4. ``colon``       ``Sergey Lavrov:``, ``PRESIDENT BIDEN:``, ``В.Путин:``, with a note
                   such as ``(retranslated)`` allowed before the colon;
5. ``label-line``  a label alone on its line (``Sergey Lavrov:``), words on the next;
6. ``full-stop``   ``The President.`` / ``Secretary Rice.`` (old State Dept and White
                   House style), kept only when such labels repeat in the document.

At a paragraph start a sieve reads the paragraph's first lines joined, so a label a
scraper wrapped ("President\nof Russia Vladimir Putin:") is still one label.
Candidates then pass an evidence check (:func:`_credible`): a one-off ``Note:`` or
``Moscow:`` is not a speaker, a label that repeats or reads like a role and a name is;
once a document has shown credible labels, a one-off label that reads like a person
(:func:`_person_like`) is accepted too.

A bold run that names neither a person nor a role ("Russia-Africa Summit:") is a
heading, not a speaker (``bold-heading``); an interpreter's note may stand before the
label ("(Via interpreter.) QUESTION:", ``note-first``); a one-off "OPERATOR:" is a voice
(``procedural-voice``) whose turns, like a moderator's, are statements. The last turn
ends at a closing line ("(The briefing was concluded …)", ``closing-line``) or where
the page's tail of short unpunctuated lines begins (``page-tail``).

Journalists' labels are not only "Question:": a newsroom's name ("CCTV:", "Kyodo
News:", ``outlet-label``), a numbered voice ("Speaker 1:", ``numbered-asker``) or a
journalist named with the newsroom ("Nippon TV, Takeda:", "Sidhant Sibal (WION):")
asks, even once; a lone such label with no one answering makes no transcript
(``lone-question``). "Official Spokesperson, Shri Arindam Bagchi:" is an office and a
name (``comma-label``); a role-only label ("Spokesman:") is the person the opening
line introduces ("… noon briefing by Stéphane Dujarric, Spokesman for the
Secretary-General", ``introduced-speaker``), and a title's office without a name
("Foreign Ministry Spokesperson's Regular Press Conference") goes to the one
answering speaker (``titled-role``).

Paragraphs without a label belong to the current speaker; headings ("* * *",
"Beginning of meeting with …") end a remark and become ``Header.sections``. Before the
first label, paragraphs are a statement only when the title names their speaker
("Foreign Minister Sergey Lavrov’s statement and answers …"). Kinds: a journalist's
turn is a ``question``; a turn after a question (or after its answers) is an
``answer``; everything else is a ``statement``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from store.ingest.document import Header, Page, Reading
from store.ingest.metadata import people_in_title
from store.ingest.names import ROLE_WORDS, is_name_word, split_role_name, surname
from store.ingest.newsrooms import is_outlet_label
from store.ingest.speakers import (
    QUESTION_LABELS,
    SpeakerBook,
    comma_label,
    is_heading_label,
    is_question_label,
    label_outlet,
    neutral_office,
    normalise_label,
)
from store.models import Person, Remark, RemarkKind


def _vocab(text: str) -> frozenset[str]:
    """A vocabulary written as one white-space separated block."""
    return frozenset(text.split())


# Notes a transcript puts between a speaker's name and the colon.
NOTE = (
    r"(?i:retranslated|(?:re)?translated from \w+|(?:via|through) (?:an )?interpret\w*|"
    r"in [a-zа-я]\w+|as translated|translated|translation|transcript|speaking(?: in)? \w+|"
    r"speaks(?: in)? \w+|interpreted|inaudible|off[- ]mic|via video(?:link)?|"
    r"by video(?:link)?|video(?:link)?|[a-zа-я][^()\n\d:]{0,70})"
)
_NOTE_RE = rf"(?P<note>\s*\({NOTE}\))?"
# ``note-first``: "(Via interpreter.) QUESTION: …" puts the interpreter's note before
# the label; it is the label's note, not a word of the turn or of the turn before.
_PRE_NOTE = r"(?P<pre>\((?i:via|through) (?i:an )?(?i:interpret\w*)\.?\)[ \t]*)?"
_COLON_LABEL = re.compile(
    rf"^(?P<indent>[ \t]*(?:\*\*|__)?){_PRE_NOTE}(?P<label>[^\s:*_(][^\n:]{{0,99}}?)"
    rf"{_NOTE_RE}\s*"
    rf"(?:\*\*|__)?:(?:\*\*|__)?(?P<gap>[^\S\n]+|[^\S\n]*$)"
)
# ``asker-note``: a journalist's label may name who asks at length ("Question (Pavel
# Zarubin, Rossiya TV channel, Moscow. Kremlin. Putin programme):"); the question word
# is evidence enough, so its note may be any parenthesis on the line.
_ASKER_NOTE = r"(?P<note>\s*\([^()\n]{1,120}\))?"
_Q_LABEL = re.compile(
    rf"^(?P<indent>[ \t]*(?:\*\*|__)?){_PRE_NOTE}"
    rf"(?P<label>Q|QUESTION|Question|Вопрос|Remark|Реплика)"
    rf"{_ASKER_NOTE}(?:[^\S\n]*(?:\*\*|__)?[:.](?:\*\*|__)?(?P<gap>[^\S\n]+|[^\S\n]*$)"
    r"|(?P<gap2>[^\S\n]{2,}|\t|[^\S\n](?=[A-Z\"“‘'(])))"
)
_FULL_STOP_LABEL = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>(?:The|THE) (?:Vice |VICE )?(?:President|PRESIDENT|Secretary|"
    r"SECRETARY|First Lady|FIRST LADY|Prime Minister|PRIME MINISTER|Chancellor|CHANCELLOR)"
    r"|(?:Mr|Ms|Mrs|Dr|MR|MS|MRS|DR)\. [A-Z][\w’'\-]+"
    r"|(?:Secretary|President|Prime Minister|Chancellor|Ambassador|Minister|Senator|"
    r"SECRETARY|PRESIDENT|PRIME MINISTER|AMBASSADOR|MINISTER|SENATOR) [A-Z][\w’'\-]+)"
    rf"{_NOTE_RE}\.(?P<gap>[^\S\n]+)(?=[\"“(A-ZА-Я])"
)
_LABEL_CHARS = re.compile(r"^[^\W\d_][\w .’'\-]*$")
_LOWER_OK = _vocab("of the for to and de da di du der den van von bin ibn al el la le on in at y e")
# Words that start a line with a colon but never name a speaker.
NOT_SPEAKERS = _vocab("""
    note notes nb ps p.s source sources photo photos video update updated editor's note
    subject topic date time location place venue tags tag see also attendees participants
    agenda warning example summary background contact tel phone email e-mail fax website
    address re cc from to sent headline title keywords category categories transcript
    translation moscow washington london paris berlin beijing kyiv kiev tokyo brussels
    geneva end continued question answer results result total print share read more
    related links link caption credit credits attachment attachments file files reference
    references disclaimer copyright key points highlights step item items a b c d i ii iii
    important warning remarks statement statements press release announcement
    """)
# ``procedural-voice``: who runs a briefing or a call without being one of its speakers
# by name or office; in capitals ("OPERATOR:") a label even when it comes once.
PROCEDURAL_VOICES = _vocab("operator moderator announcer narrator")
_END_MARKERS = re.compile(
    r"^\s*(?:<…>|<\.\.\.>|\[…\]|\[\.\.\.\]|END(?:\s+[0-2]?\d[:.][0-5]\d.*)?|"
    r"[0-2]?\d[:.][0-5]\d\s*[AP]\.?M\.?\s*[A-Z]{0,5}|\(?END\)?|###|\*\*\*END\*\*\*|"
    r"\((?:The )?(?:briefing|press conference|press briefing|meeting|interview|event)"
    r"(?: was)? (?:concluded|ended|adjourned)[^()\n]{0,40}\)\.?)\s*$",
    re.IGNORECASE,
)
_OPENING_BY_TITLE = (
    re.compile(
        r"^(?P<who>[^,]+?)[’']s?\s+(?:opening\s+|introductory\s+|closing\s+|keynote\s+)?"
        r"(?:statement|remarks|speech|address|comments?|briefing|news briefing|"
        r"(?:regular\s+|daily\s+|weekly\s+)?press\s+(?:conference|briefing))\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:Opening |Introductory |Closing |Keynote )?(?:Statement|Remarks|Speech|Address|"
        r"Comments?|Briefing|Press Briefing) by (?P<who>.+?)"
        r"(?=\s+(?:at|on|to|before|during|following|in|for|after|with|regarding)\s|,|:|$)",
        re.IGNORECASE,
    ),
)
# Only notes about language move out of the words; "(Inaudible)" stays: it stands for words.
_LEADING_NOTE = re.compile(
    r"(?P<note>\((?:retranslated|via (?:an )?interpreter|through (?:an )?interpreter|"
    r"in English|in Russian|as translated|translated|speaking \w+|speaks \w+|interpreted)\.?\))"
    r"[^\S\n]*",
    re.IGNORECASE,
)
_HONORIFIC_LABEL = re.compile(r"^(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.? [A-Z][\w’'\-]+$")
_BOLD_TAIL = re.compile(rf"{_NOTE_RE}\s*(?:\*\*|__)?:?(?:\*\*|__)?(?P<gap>[^\S\n]+|[^\S\n]*$)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class LabelHit:
    """A speaker label found at a line start.

    ``label`` is the label as written, without its note; ``text_start`` is where the
    speaker's words begin (after the label, its note, the colon and white space).
    """

    line_start: int
    label: str
    text_start: int
    sieve: str
    note: str | None = None
    paragraph_start: bool = True


@dataclass(slots=True)
class TurnDoc:
    """What every sieve may look at: the text, its lines and the page's evidence."""

    text: str
    header: Header
    page: Page
    lines: list[tuple[int, str]] = field(default_factory=list)  # (offset, line)
    views: dict[int, str] = field(default_factory=dict)
    line_mode: bool = False  # True: every line is a paragraph (no blank lines between)
    label_order: list[str] | None = None
    title_name_set: frozenset[str] | None = None

    def title_names(self) -> frozenset[str]:
        """The names and aliases of the header's people, folded (asked once per label)."""
        if self.title_name_set is None:
            people = self.header.people
            self.title_name_set = frozenset(
                {p.name.casefold() for p in people}
                | {a.casefold() for p in people for a in p.aliases}
            )
        return self.title_name_set

    @classmethod
    def make(cls, text: str, header: Header, page: Page) -> TurnDoc:
        lines: list[tuple[int, str]] = []
        pos = 0
        for raw in text.split("\n"):
            lines.append((pos, raw))
            pos += len(raw) + 1
        filled = sum(1 for _, ln in lines if ln.strip())
        blank = len(lines) - filled
        # A file with (almost) no blank lines writes one paragraph per line.
        line_mode = filled >= 6 and blank * 10 < filled
        return cls(text=text, header=header, page=page, lines=lines, line_mode=line_mode)

    def view(self, index: int) -> str:
        """What the sieves read at line ``index``.

        At a paragraph start this is the paragraph's opening (up to 300 characters)
        with its line breaks turned into spaces, so a label that a scraper wrapped
        ("President\nof Russia Vladimir Putin: …") is read whole. Offsets are kept:
        one character in the view is one character in the text.
        """
        cached = self.views.get(index)
        if cached is not None:
            return cached
        line = self.lines[index][1]
        if self.line_mode or not self.paragraph_start(index):
            return line
        parts = [line]
        size = len(line)
        for _, nxt in self.lines[index + 1 :]:
            if not nxt.strip() or size > 300:
                break
            parts.append(nxt)
            size += len(nxt) + 1
        view = " ".join(parts)[:400]
        self.views[index] = view
        return view

    def text_after(self, pos: int) -> int | None:
        """Offset of the first non-white-space character at or after ``pos``."""
        m = re.compile(r"\S").search(self.text, pos)
        return m.start() if m else None

    def sorted_labels(self) -> list[str]:
        """The page's bold labels, longest first (so "President of Russia Vladimir Putin"
        is tried before "Vladimir Putin")."""
        if self.label_order is None:
            self.label_order = sorted(self.page.labels, key=len, reverse=True)
        return self.label_order

    def paragraph_start(self, index: int) -> bool:
        """True when line ``index`` opens a paragraph (the line before is blank)."""
        return self.line_mode or index == 0 or not self.lines[index - 1][1].strip()


@dataclass(frozen=True, slots=True)
class Sieve:
    """A named rule: ``find(doc, index)`` claims line ``index`` as a label, or passes."""

    name: str
    find: Callable[[TurnDoc, int], LabelHit | None]


def _hit(doc: TurnDoc, index: int, m: re.Match[str], sieve: str) -> LabelHit | None:
    offset = doc.lines[index][0]
    label = " ".join(m.group("label").split())
    groups = m.groupdict()
    note = (groups.get("note") or groups.get("pre") or "").strip() or None
    text_start = doc.text_after(offset + m.end())
    if text_start is None:
        return None
    lead = _LEADING_NOTE.match(doc.text, text_start)
    if lead:
        # "QUESTION: (Via interpreter) Mr. Secretary, …": the note is not the words.
        note = note or lead.group("note").strip()
        after = doc.text_after(lead.end())
        if after is None:
            return None
        text_start = after
    return LabelHit(
        line_start=offset + len(m.group("indent")),
        label=label,
        text_start=text_start,
        sieve=sieve,
        note=note,
        paragraph_start=doc.paragraph_start(index),
    )


def bold_label_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """A label the page set in bold, at the line start, with or without a colon."""
    if not doc.page.labels:
        return None
    offset = doc.lines[index][0]
    line = doc.view(index)
    body = line.lstrip(" \t*_")
    indent = len(line) - len(body)
    for label in doc.sorted_labels():
        bare = label.strip().rstrip(":").strip()
        if not bare or not body.startswith(bare):
            continue
        rest = body[len(bare) :]
        m = _BOLD_TAIL.match(rest)
        # Without a colon the label must stand alone on its line: "Vladimir Putin said"
        # is prose that starts with a name.
        if not m or (":" not in m.group(0) and rest[m.end() :].strip()):
            continue
        end = indent + len(bare) + m.end()
        note = (m.group("note") or "").strip() or None
        inner = _TRAILING_NOTE.search(bare)
        if inner:  # the page set "Name (retranslated)" in bold as one label
            note = note or inner.group(0).strip()
            bare = bare[: inner.start()].rstrip()
        text_start = doc.text_after(offset + end)
        if text_start is None:
            return None
        lead = _LEADING_NOTE.match(doc.text, text_start)
        if lead:  # "<b>QUESTION:</b> (Via interpreter) Thank you": the note is no words
            note = note or lead.group("note").strip()
            text_start = doc.text_after(lead.end())
            if text_start is None:
                return None
        return LabelHit(offset + indent, bare, text_start, "bold-label", note,
                        doc.paragraph_start(index))  # fmt: skip
    return None


_TRAILING_NOTE = re.compile(rf"\s*\({NOTE}\)\s*$")


def question_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """``Question:``, ``Q:``, ``Q.``, ``Q`` + two spaces, ``Вопрос:``, ``Remark:``."""
    m = _Q_LABEL.match(doc.view(index))
    if not m:
        return None
    if m.group("gap2") is not None and m.group("label") not in ("Q",):
        return None
    return _hit(doc, index, m, "question")


_A_LABEL = re.compile(
    rf"^(?P<indent>[ \t]*(?:\*\*|__)?)(?P<label>A|ANSWER|Answer|Ответ){_NOTE_RE}\s*"
    rf"(?:(?:\*\*|__)?[:.](?:\*\*|__)?(?P<gap>[^\S\n]+|[^\S\n]*$)|(?P<gap2>[^\S\n]{{2,}}|\t))"
)


def answer_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """``A:`` / ``Answer:`` in a "Q: … A: …" interview: the interviewee answers."""
    m = _A_LABEL.match(doc.view(index))
    if not m:
        return None
    return _hit(doc, index, m, "answer")


def colon_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """``Name: words`` at a line start, the label shaped like a speaker."""
    line = doc.view(index)
    m = _COLON_LABEL.match(line)
    if not m or not line[m.end() :].strip():
        return None
    if not looks_like_label(m.group("label")):
        return None
    return _hit(doc, index, m, "colon")


def label_line_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """A label alone on its own line (``Sergey Lavrov:``), the words on the next line."""
    line = doc.view(index)
    m = _COLON_LABEL.match(line)
    if not m or line[m.end() :].strip() or not looks_like_label(m.group("label")):
        return None
    return _hit(doc, index, m, "label-line")


def full_stop_sieve(doc: TurnDoc, index: int) -> LabelHit | None:
    """``The President. Thank you …``: a role or name ended by a full stop."""
    m = _FULL_STOP_LABEL.match(doc.view(index))
    if not m:
        return None
    return _hit(doc, index, m, "full-stop")


SIEVES: tuple[Sieve, ...] = (
    Sieve("bold-label", bold_label_sieve),
    Sieve("question", question_sieve),
    Sieve("answer", answer_sieve),
    Sieve("colon", colon_sieve),
    Sieve("label-line", label_line_sieve),
    Sieve("full-stop", full_stop_sieve),
)


def looks_like_label(label: str) -> bool:
    """Shape test: a few capitalised words, no digits, no sentence punctuation."""
    label = " ".join(label.split())
    if "," in label:
        label = comma_label(label)  # ``comma-label``: only office-and-name may hold one
    if not label or len(label) > 100 or not _LABEL_CHARS.match(label):
        return False
    if not label[0].isupper():
        return False
    words = label.split()
    if len(words) > 12:
        return False
    for k, w in enumerate(words):
        bare = w.strip(".’'-")
        if not bare:
            continue
        if is_name_word(bare) or bare.casefold() in _LOWER_OK or "." in w[:-1]:
            continue
        if k == len(words) - 1 and _numbered_role(words):
            continue
        return False
    if words[-1].casefold() in _LOWER_OK:
        return False
    return label.casefold().rstrip(".") not in NOT_SPEAKERS


def _numbered_role(words: Sequence[str]) -> bool:
    """ "SENIOR STATE DEPARTMENT OFFICIAL 1": a role numbered like a background voice."""
    return (
        len(words) >= 2
        and words[-1].isdigit()
        and len(words[-1]) <= 2
        and words[-2].casefold() in ROLE_WORDS
    )


def _rare_word(words: Sequence[str]) -> bool:
    """True when some word is uncommon in English: names are, headings are not."""
    for w in words:
        bare = re.sub(r"[^\w\-]", "", w).casefold()
        if bare and zipf_frequency(bare, "en") < 3.6:
            return True
    return False


def _credible(hit: LabelHit, counts: Counter[str], doc: TurnDoc) -> bool:
    """The evidence check every candidate label must pass."""
    key = hit.label.casefold()
    if hit.sieve == "bold-label":
        return not is_heading_label(hit.label)
    if hit.sieve in ("question", "answer"):
        return True
    if key in NOT_SPEAKERS:
        return False
    if hit.paragraph_start and (is_question_label(hit.label) or label_outlet(hit.label)):
        return True  # ``outlet-label``: "CCTV:", "Speaker 1:", "Nippon TV, Takeda:" ask
    repeats = counts[key] >= 2
    role, name, _ = split_role_name(normalise_label(hit.label))
    title_names = doc.title_names()
    in_title = key in title_names or (name and name.casefold() in title_names)
    caps = hit.label.upper() == hit.label and any(c.isalpha() for c in hit.label)
    if hit.sieve == "full-stop":
        return sum(counts.values()) >= 2
    if not hit.paragraph_start and not (repeats or in_title):
        return False  # a wrapped line that happens to start with "Word:"
    if hit.note or in_title:
        return True
    if repeats:
        return bool(name or role or caps)
    words = hit.label.split()
    if role and name:
        return True
    if name and len(name.split()) >= 2 and _rare_word(name.split()):
        return True
    if caps and _HONORIFIC_LABEL.match(hit.label):
        return True  # "MR PRICE:" once
    if caps and key in PROCEDURAL_VOICES:
        return True  # "OPERATOR:" once in a telephonic briefing
    if caps and role and len(words) >= 1 and role.casefold() not in NOT_SPEAKERS:
        return True  # "MODERATOR:" once in a briefing
    return bool(re.match(r"^[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ]", hit.label))  # "В.Путин:"


def find_labels(doc: TurnDoc, sieves: Sequence[Sieve] = SIEVES) -> list[LabelHit]:
    """Every credible label in document order, each line claimed by the first sieve."""
    start_line = 0
    for i, (offset, _line) in enumerate(doc.lines):
        if offset >= doc.header.body_start:
            start_line = i
            break
    candidates: list[LabelHit] = []
    for index in range(start_line, len(doc.lines)):
        line = doc.lines[index][1]
        if not line.strip():
            continue
        if not doc.page.labels and not _may_hold_label(doc, index, line):
            continue
        for sieve in sieves:
            hit = sieve.find(doc, index)
            if hit is not None:
                candidates.append(hit)
                break
    by_style: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for hit in candidates:
        if hit.sieve == "full-stop":
            by_style[hit.label.casefold()] += 1
        else:
            counts[hit.label.casefold()] += 1
    strict = {
        i
        for i, hit in enumerate(candidates)
        if _credible(hit, by_style if hit.sieve == "full-stop" else counts, doc)
    }
    if strict:
        # The document is a transcript: a one-off "Vladimir Putin:" that reads like a
        # person (or shares a surname with a speaker already found) is a speaker too.
        known = {surname(p.name).casefold() for p in doc.header.people}
        for i in strict:
            name = split_role_name(candidates[i].label)[1]
            if name:
                known.add(surname(name).casefold())
        for i, hit in enumerate(candidates):
            if i not in strict and (_person_like(hit, known) or _named_asker(hit, doc)):
                strict.add(i)
    if not any(candidates[i].sieve == "question" for i in strict):
        strict = {i for i in strict if candidates[i].sieve != "answer"}  # "A:" needs a "Q:"
    return [hit for i, hit in enumerate(candidates) if i in strict]


_FULL_STOP_START = re.compile(
    r"^[ \t]*(?:The|THE|Mr|Ms|Mrs|Dr|MR|MS|MRS|DR|Secretary|SECRETARY|President|PRESIDENT|"
    r"Prime|PRIME|Chancellor|CHANCELLOR|Ambassador|AMBASSADOR|Minister|MINISTER|Senator|"
    r"SENATOR)\b"
)


def _may_hold_label(doc: TurnDoc, index: int, line: str) -> bool:
    """Cheap pre-check so the sieves only see lines that could start with a label."""
    if ":" in line[:130] or line.lstrip(" \t*_")[:1] in ("Q", "В", "Р"):
        return True
    if doc.paragraph_start(index) and ":" in doc.view(index)[:130]:
        return True
    return bool(_FULL_STOP_START.match(line))


def _person_like(hit: LabelHit, known_surnames: set[str]) -> bool:
    """Second chance for a one-off label in a document already shown to be a transcript."""
    if hit.sieve not in ("colon", "label-line") or not hit.paragraph_start:
        return False
    name = split_role_name(hit.label)[1]
    if not name:
        return False
    if surname(name).casefold() in known_surnames or _HONORIFIC_LABEL.match(hit.label):
        return True
    words = [w.casefold() for w in name.split()]
    return 2 <= len(words) <= 5 and not any(w in NOT_SPEAKERS for w in words)


def _named_asker(hit: LabelHit, doc: TurnDoc) -> bool:
    """``first-name-asker``: "Rishabh:" once, then "Sir, will the Prime Minister …?":
    India's briefings label a journalist by a first name. In a record already shown to
    be a transcript, one rare capitalised word whose paragraph asks is a speaker."""
    if hit.sieve not in ("colon", "label-line") or not hit.paragraph_start:
        return False
    words = hit.label.split()
    if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
        return False
    if words[0].casefold() in NOT_SPEAKERS or zipf_frequency(words[0].casefold(), "en") >= 3.0:
        return False
    end = doc.text.find("\n\n", hit.text_start)
    return "?" in doc.text[hit.text_start : end if end >= 0 else len(doc.text)]


def _opening_speaker(title: str, people: Sequence[Person]) -> str | None:
    """The one speaker a title names for an unlabelled opening ("X’s statement …").

    ``who`` must read as a role and a name only ("Foreign Minister Sergey Lavrov"):
    "Press release on Lavrov’s remarks" or "Remarks by A and B" name no single speaker.
    ``people`` (the title's people) are preferred as the returned form when one matches.
    """
    for pattern in _OPENING_BY_TITLE:
        m = pattern.search(title)
        if not m:
            continue
        who = m.group("who").strip()
        if re.search(r"\band\b|&|,", who, re.IGNORECASE):
            return None
        words = who.split()
        if not all(is_name_word(w) or w.casefold() in _LOWER_OK for w in words):
            return None
        name = split_role_name(who)[1]
        if not name:
            continue
        for p in people:
            if surname(p.name).casefold() == surname(name).casefold():
                return p.aliases[0] if p.aliases else p.name
        return who
    return None


def _heading_end(text: str, start: int, title: str) -> int:
    """Where a (possibly wrapped) heading that starts at ``start`` ends."""
    pos, seen = start, 0
    want = len(re.sub(r"\s+", "", title))
    while pos < len(text) and seen < want:
        if not text[pos].isspace():
            seen += 1
        pos += 1
    line_end = text.find("\n", pos)
    return line_end if line_end >= 0 else len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and trailing end markers ("END 12:45")."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        line_start = text.rfind("\n", start, end) + 1
        if line_start > start and _END_MARKERS.match(text[line_start:end]):
            end = line_start
            continue
        if line_start <= start and _END_MARKERS.match(text[start:end]):
            return start, start
        return start, end


def _spans(
    text: str, start: int, end: int, cuts: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``[start, end)`` minus the section headings in ``cuts``, trimmed, non-empty.

    ``cuts`` are in document order and do not overlap (headings are lines), so only
    the cuts from the one before ``start`` up to ``end`` are looked at: a briefing with
    many topics and many turns costs no more than its turns and its topics.
    """
    pieces: list[tuple[int, int]] = []
    pos = start
    first = max(0, bisect_left(cuts, (start,)) - 1)
    for c_start, c_end in cuts[first:]:
        if c_start >= end:
            break
        if c_end <= pos:
            continue
        pieces.append((pos, c_start))
        pos = max(pos, c_end)
    pieces.append((pos, end))
    out = []
    for a, b in pieces:
        a, b = _trim(text, a, b)
        if b > a:
            out.append((a, b))
    return out


@dataclass(slots=True)
class _Turn:
    label: str | None  # None: the title's speaker for an unlabelled opening
    speaker: Person | None
    questioner: bool
    spans: list[tuple[int, int]]


def find_turns(text: str, header: Header, page: Page, *, report: bool = False) -> Reading | None:
    """The transcript's remarks and speakers, or None when ``text`` is no transcript.

    ``report`` says the header reader saw a news dateline: then only labelled turns
    from at least two voices make a transcript, and a title such as "Lavrov’s remarks
    draw criticism" never turns the article into a statement.
    """
    doc = TurnDoc.make(text, header, page)
    hits = find_labels(doc)
    title_people = list(header.people) or people_in_title(header.title)
    opening = None if report else _opening_speaker(header.title, title_people)
    strong = any(h.sieve in ("bold-label",) or h.note for h in hits)
    if report:
        voices = {h.label.casefold() for h in hits}
        if len(hits) < 3 or len(voices) < 2:
            return None
    elif len(hits) < 2 and not (hits and (strong or opening)) and not (opening and not hits):
        return None
    if not hits and opening is None:
        return None
    if len(hits) == 1 and opening is None and _journalists_only(hits):
        return None  # ``lone-question``: one "Reuters:" credit line makes no transcript
    body_start = header.body_start
    intro = None if report or opening or not hits else _introduced_speaker(text, header, hits)
    if intro is not None:
        title_people.append(intro[0])
        opening, body_start = intro[0].name, intro[1]
    book = SpeakerBook(title_people)
    if opening:
        book.add(opening)
    for h in hits:
        if h.sieve != "answer":
            book.add(h.label)
    # Who "A:" stands for: the title's one speaker, if the title names one.
    answerer = opening or (title_people[0].name if len(title_people) == 1 else None)
    if answerer:
        book.add(answerer)

    cuts = sorted((s.start, _heading_end(text, s.start, s.title)) for s in header.sections)
    turns: list[_Turn] = []
    last_start = hits[-1].text_start if hits else body_start
    record_end = min(closing_line(text, last_start), trailing_furniture(text, last_start))
    first = hits[0].line_start if hits else record_end
    if opening and first > body_start:
        spans = _spans(text, _opening_start(text, body_start, first), first, cuts)
        if spans:
            turns.append(_Turn(opening, book.resolve(opening), False, spans))
    for k, h in enumerate(hits):
        end = hits[k + 1].line_start if k + 1 < len(hits) else record_end
        spans = _spans(text, h.text_start, end, cuts)
        if not spans:
            continue
        if h.sieve == "answer":
            who = book.resolve(answerer) if answerer else None
            turns.append(_Turn(answerer, who, False, spans))
        else:
            asks = (
                book.is_questioner(h.label)
                or bool(h.note and _MEDIA_NOTE.search(h.note))
                or bool(h.note and is_outlet_label(h.note.strip("() ")))
                or _floor_question(h.label, text, spans)
            )
            turns.append(_Turn(h.label, book.resolve(h.label), asks, spans))
    if not turns:
        return None
    _mark_named_questioners(turns, book, text, header.title, _genre_line(text, header))
    _give_titled_role(turns, book, header.title)
    if opening:
        turns = _split_unlabelled_answers(turns, text, opening, book.resolve(opening))
    remarks: list[Remark] = []
    previous: RemarkKind | None = None
    section_starts = sorted(s.start for s in header.sections)
    for turn in turns:
        kind: RemarkKind
        procedural = _procedural(turn)
        if turn.questioner:
            kind = "question"
        elif procedural:
            kind = "statement"
        elif previous in ("question", "answer") and not _section_between(
            section_starts, remarks[-1].end if remarks else 0, turn.spans[0][0]
        ):
            kind = "answer"
        else:
            kind = "statement"
        for a, b in turn.spans:
            remarks.append(
                Remark(
                    speaker=turn.speaker.name if turn.speaker else None,
                    kind=kind,
                    text=text[a:b],
                    start=a,
                    end=b,
                )
            )
        if not procedural:
            previous = kind
    return Reading(remarks=remarks, people=book.people())


# "… today's noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General."
_INTRODUCTION = re.compile(
    r"\bby (?P<name>[A-ZÀ-ÖØ-Þ][^\s,]+(?: [A-ZÀ-ÖØ-Þ][^\s,]+){1,3}), "
    r"(?P<role>[A-Z][^.\n]{2,80}?)\.?[ \t]*$",
    re.MULTILINE,
)


def _introduced_speaker(
    text: str, header: Header, hits: Sequence[LabelHit]
) -> tuple[Person, int] | None:
    """``introduced-speaker``: who a role-only label stands for, from the introduction.

    The UN's noon briefings open "The following is a near-verbatim transcript of
    today's noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General."
    and then label him only "Spokesman:". When the line before the first label names a
    person and an office, and a label is that office ("Spokesman", "Deputy
    Spokesperson"), the person is the label's holder and speaks the unlabelled words
    after the introduction. Returns the person and where the introduction ends.
    """
    first = hits[0].line_start
    labels = {neutral_office(normalise_label(h.label)) for h in hits}
    for m in _INTRODUCTION.finditer(text, header.body_start, first):
        role, name, _ = split_role_name(m.group("name"))
        office = m.group("role").strip()
        if role or len(name.split()) < 2 or split_role_name(office)[1]:
            continue
        want = neutral_office(office)
        if any(want == lab or want.startswith(lab + " ") for lab in labels):
            return Person(name=name, role=office, affiliation=None, aliases=()), m.end()
    return None


_TITLED_ROLE = re.compile(
    r"^(?P<role>[A-Z][\w \-]{2,80}?)[’']s\s+(?:regular\s+|daily\s+|weekly\s+)?"
    r"(?:press\s+conference|press\s+briefing|news\s+briefing|briefing)\b",
    re.IGNORECASE,
)


def _give_titled_role(turns: Sequence[_Turn], book: SpeakerBook, title: str) -> None:
    """``titled-role``: "Foreign Ministry Spokesperson's Regular Press Conference" names
    the office and leaves the name to the labels ("Hua Chunying:"). When the record's
    one named speaker who is no journalist has no office of their own, the title's
    office is theirs."""
    m = _TITLED_ROLE.match(title)
    if not m:
        return
    role, name, _ = split_role_name(m.group("role"))
    if not role or name:
        return
    answering = {t.speaker.name: t.speaker for t in turns if t.speaker and not t.questioner}
    if len(answering) == 1:
        (person,) = answering.values()
        if person.role is None and len(person.name.split()) >= 2:
            book.add(f"{role} {person.name}")


def _journalists_only(hits: Sequence[LabelHit]) -> bool:
    """Every label is a journalist's (a question word, a newsroom): no one answers."""
    return all(is_question_label(h.label) or label_outlet(h.label) for h in hits)


def _floor_question(label: str, text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """``participant``: "PARTICIPANT:" is an unnamed voice that is no journalist (staff,
    a guest at a roundtable): a speaker of its own, who asks only when the words do."""
    if normalise_label(label).casefold() not in ("participant", "participants"):
        return False
    return any("?" in text[a:b] for a, b in spans)


def _procedural(turn: _Turn) -> bool:
    """``procedural-turn``: a moderator's or operator's turn is a statement, never an
    answer, and the turn after it answers what was asked before it ("QUESTION: … /
    MODERATOR: Thank you. / SECRETARY BLINKEN: …")."""
    if turn.label is None or turn.questioner:
        return False
    return normalise_label(turn.label).casefold() in PROCEDURAL_VOICES


_CLOSING_LINE = re.compile(
    r"(?m)^[ \t]*(?:\((?i:(?:The )?(?:briefing|press conference|press briefing|meeting|"
    r"interview|event|call|teleconference|conference call|press availability|"
    r"availability|gaggle)(?: was)? (?:concluded|ended|adjourned))[^()\n]{0,40}\)\.?"
    r"|\((?i:concludes|concluded|ends)\)\.?"
    r"|For information media\W+Not an official record\.?"
    r"|END(?:\s+[0-2]?\d[:.][0-5]\d[^\n]{0,20})?|###)[ \t]*$"
)


def closing_line(text: str, start: int) -> int:
    """``closing-line``: where the record ends, at its closing line after ``start``.

    "(The briefing was concluded at 3:12 p.m.)", "(Concludes)", "END 12:45 P.M. EST",
    "###" or the UN's "For information media. Not an official record." close
    a transcript; whatever the page prints below (tags, bureau names, links home) is
    no one's words, so the last turn stops there. Without such a line, the text's end.
    """
    m = _CLOSING_LINE.search(text, start)
    return m.start() if m else len(text)


_SENTENCE_CLOSE = re.compile(r"[.!?…:;,]$")


def trailing_furniture(text: str, start: int) -> int:
    """``page-tail``: where the page's own tail begins after the last turn.

    A page prints below the record what no one said: tag lists, bureau names, links
    to other pages ("Tags", "Office of the Spokesperson", "The Lessons of 1989:
    Freedom and Our Future"). Read from the end, two or more short lines that end no
    sentence, after the line where the last turn starts, are that tail; the first
    line that ends a sentence (or ``start``'s own line) stops the reading.
    """
    line_end = text.find("\n", start)
    if line_end < 0:
        return len(text)
    tail = len(text)
    short = 0
    pos = len(text)
    while pos > line_end:
        begin = text.rfind("\n", line_end, pos - 1) + 1
        begin = max(begin, line_end + 1)
        line = text[begin:pos].strip()
        if line:
            bare = line.rstrip("\"”»’')]")
            if len(line.split()) > 12 or _SENTENCE_CLOSE.search(bare):
                break
            short += 1
            tail = begin
        pos = begin - 1 if begin > line_end + 1 else line_end
    return tail if short >= 2 else len(text)


def _split_unlabelled_answers(
    turns: list[_Turn], text: str, opening: str, speaker: Person | None
) -> list[_Turn]:
    """Briefings that label only the questions: the answer follows unlabelled.

    Foreign-ministry briefings ("Foreign Ministry Spokesperson Maria Zakharova’s
    briefing") print "Question: …?" and then the spokesperson's answer with no label.
    When most questions in a record with one title speaker are not followed by a
    labelled turn, the first paragraph after a question's last "?" that is not itself
    a question starts an answer by the title's speaker. Records that label most of
    their answers split only the questions no labelled answer follows
    (``unlabelled-answer``: "Question: …?" then her answer, then "Question:" again).
    """
    asked = [i for i, t in enumerate(turns) if t.questioner]
    if not asked:
        return turns
    unanswered = {i for i in asked if i + 1 == len(turns) or turns[i + 1].questioner}
    if not unanswered:
        return turns
    split_all = (len(asked) - len(unanswered)) * 2 < len(asked)
    out: list[_Turn] = []
    for k, turn in enumerate(turns):
        if not turn.questioner or not (split_all or k in unanswered):
            out.append(turn)
            continue
        question: list[tuple[int, int]] = []
        answer: list[tuple[int, int]] = []
        asked_yet = False
        for a, b in turn.spans:
            q_part: list[tuple[int, int]] = []
            a_part: list[tuple[int, int]] = []
            for pa, pb in _paragraphs(text, a, b):
                para = text[pa:pb].rstrip()
                if answer or a_part or (asked_yet and not para.endswith(_QUESTION_ENDS)):
                    a_part.append((pa, pb))
                else:
                    q_part.append((pa, pb))
                    asked_yet = asked_yet or para.endswith(_QUESTION_ENDS)
            question += _merge_spans(q_part)
            answer += _merge_spans(a_part)
        if question:
            out.append(_Turn(turn.label, turn.speaker, True, question))
        if answer:
            out.append(_Turn(opening, speaker, False, answer))
    return out


_QUESTION_ENDS = ("?", "?»", "?”", '?"', "?)")


def _paragraphs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = a
    for m in _PARAGRAPH_BREAK.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return [_trim(text, x, y) for x, y in out if text[x:y].strip()]


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive paragraphs of one turn become one span (one remark)."""
    return [(spans[0][0], spans[-1][1])] if spans else []


def _opening_start(text: str, body_start: int, first: int) -> int:
    """Skip short header-like lines (clocks, places) before an unlabelled opening."""
    pos = body_start
    for m in re.finditer(r"[^\n]*\n?", text[body_start:first]):
        line = m.group(0).strip()
        if not line:
            pos = body_start + m.end()
            continue
        if _END_MARKERS.match(line):
            pos = body_start + m.end()
            continue
        break
    return pos


def _section_between(starts: Sequence[int], a: int, b: int) -> bool:
    """A section starts in ``[a, b)``; ``starts`` are sorted."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


# "Pavel Zarubin (Rossiya TV channel):" – a journalist, named with the outlet.
_MEDIA_NOTE = re.compile(
    r"\b(?:TV|television|channel|radio|newspaper|news|agency|magazine|journal|press|"
    r"Reuters|AFP|AP|Bloomberg|TASS|RIA|Interfax|BBC|CNN|Xinhua|Kommersant|Izvestia)\b",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(r"\binterview", re.IGNORECASE)


# A record of officials taking journalists' questions.
_BRIEFING_TITLE = re.compile(r"\b(?:briefing|press conference|news conference)\b", re.I)
_GENRE_INTERVIEW = re.compile(r"(?im)^[ \t]*interview[ \t]*$")


def _genre_line(text: str, header: Header) -> bool:
    """``genre-line``: the header tags the record "Interview" on a line of its own (the
    State Department's layout) though the title does not say so."""
    return bool(_GENRE_INTERVIEW.search(text, 0, header.body_start))


def _mark_named_questioners(
    turns: list[_Turn], book: SpeakerBook, text: str, title: str = "", tagged: bool = False
) -> None:
    """A named speaker from outside the title who mostly asks is a journalist.

    In an interview ("Andrei Vandenko: …") the interviewer is named, is not among the
    people the title names, and asks; his turns are questions. The officials the title
    names, and the speaker who says most, are never taken for journalists; a person the
    title names without an office ("… With Margaret Brennan of CBS Face the Nation")
    may be (``titled-interviewer``).
    """
    words: Counter[str] = Counter()
    officials: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for t in turns:
        if t.speaker is None:
            continue
        # Words counted span by span: joined with a space they would count the same.
        said = sum(len(text[a:b].split()) for a, b in t.spans)
        words[t.speaker.name] += said
        if t.label is None or t.questioner:
            continue
        if book.from_title(t.label) and t.speaker.role:
            officials[t.speaker.name] += said
            continue
        total[t.speaker.name] += 1
        if any("?" in text[a:b] for a, b in t.spans):
            asks[t.speaker.name] += 1
    if len(words) < 2:
        return
    # The one interviewed: the titled official who says most, else whoever says most.
    main = (officials or words).most_common(1)[0][0]
    interview = tagged or bool(_INTERVIEW.search(title))
    briefing = any(t.questioner for t in turns) or bool(_BRIEFING_TITLE.search(title))
    for t in turns:
        name = t.speaker.name if t.speaker else None
        if not name or name == main:
            continue
        if total[name] == 1 and briefing and asks[name] and t.speaker and not t.speaker.role:
            # ``named-asker``: among unnamed journalists' questions, a named voice with
            # no office who asks once ("Sidhant Sibal: Sir, …?") is a journalist too.
            t.questioner = True
            continue
        if total[name] < 2:
            continue
        # In an interview the one who is not interviewed asks, even in short remarks.
        if interview or asks[name] * 2 >= total[name]:
            t.questioner = True


__all__ = [
    "QUESTION_LABELS",
    "SIEVES",
    "LabelHit",
    "Sieve",
    "TurnDoc",
    "find_labels",
    "find_turns",
    "is_question_label",
    "looks_like_label",
]
