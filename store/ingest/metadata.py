"""Title, date, place, outlet and the people a transcript's header names.

Transcripts open with a short header before anyone speaks: a title line, a date line
("February 21, 2013, 16:00", or a scraper's glued "11 June 201518:30"), a place line
("The Kremlin, Moscow", "James S. Brady Press Briefing Room"), a clock ("12:10 P.M.
EDT"). :func:`read_header` reads that header line by line, classifying each line, and
stops at the first line of prose: that is where the meeting's own text begins
(``Header.body_start``). News reports are recognised first by
``report_header.read_report_header`` (the reports engineer's module); its answer wins.

A news article with no wire dateline is read by the same scan, with its own furniture
set aside (``_news_line``): the headline is the title even with a topic or genre and a
colon before it ("Ukraine war: …", "Analysis: …"; ``headline-topic``), never a byline
("By Paul Kirby, BBC News"; ``byline-not-title``, ``writer-line``), a post time or page
stamp ("14:05 GMT – …", "Updated 3 hours ago"; ``post-stamp``) or a section label over
it (``kicker``); a byline's "Pjotr Sauer in Moscow" gives the place only when there is
no dateline (``byline-place``); the outlet is the masthead, the byline's desk, the
page's site name or its address, never an office the article names (``news-outlet``,
``news-site``, ``body-mention``); and a title-case headline's words are nobody
(``headline-words``).

A date is only taken from what the document says: a header date line, then the title,
then a date line near the top of the body, then an ISO date in the file name (marked
inferred). A page clock such as "14:10 GMT +3 23 February 2019" is never a meeting date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date as _date
from itertools import islice, pairwise
from pathlib import PurePath

from wordfreq import zipf_frequency

from store.ingest.document import Header, Page
from store.ingest.furniture import stamp_date
from store.ingest.names import (
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    ORG_WORDS,
    ROLE_WORDS,
    is_name_word,
    split_role_name,
    surname,
)
from store.ingest.newsrooms import NEWS_OUTLETS, is_outlet_label
from store.ingest.report_header import OUTLETS, read_report_header
from store.ingest.speakers import is_heading_label, is_question_label
from store.models import Person, Section


def _vocab(text: str) -> frozenset[str]:
    """A vocabulary written as one white-space separated block."""
    return frozenset(text.split())


_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A year may be glued to a following clock by a scraper: "201518:30".
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d:\d\d))"
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
)
_CLOCK = re.compile(r"\b[0-2]?\d[:.][0-5]\d\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,5}\b)?", re.I)
_PAGE_CLOCK = re.compile(r"\b(?:GMT|UTC|MSK)\b\s*[+-−]?\s*\d*", re.I)
_TIME_LINE = re.compile(
    r"^\s*(?:END\s+)?[0-2]?\d[:.][0-5]\d\s*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,5})?\s*$", re.I
)
_NOT_PLACE_STARTS = frozenset(["following", "after", "before", "during", "ladies", "dear", "by"])
_SENTENCE_END = re.compile(r"[.!?:;,…]$")
_CONNECTORS = _vocab("of the and de for in at on to a an und la le del")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]([01]\d)[-_]([0-3]\d)(?!\d)")
_LABEL_START = re.compile(r"^[^\n:]{1,80}:\s")
# ``place-date-line``: a header line of a place and the date ("Kyiv, 10 June 2024").
_PLACE_BEFORE_DATE = re.compile(
    r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    rf"(?P<place>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){{0,2}}),\s*"
    rf"(?:[0-3]?\d\s+(?i:{_MONTH})|(?i:{_MONTH})\.?\s+[0-3]?\d)\b"
)
_TITLE_PLACE_TAIL = re.compile(
    rf",\s*(?P<place>[A-Z][\w’'.\- ]+?),\s*(?:(?:{_MONTH})\.?\s+[0-3]?\d|[0-3]?\d\s+(?:{_MONTH}))",
    re.I,
)
# Headings that divide one event's record into parts (kept as Header.sections).
SECTION_HEADING = re.compile(
    r"^(?:\*\s*\*\s*\*|\*{3}|-{3,}|_{3,}|To be continued\.?|The end\.?"
    r"|(?:Beginning|End|Continuation) of (?:the )?[^\n]{3,150}"
    r"|(?:Press )?[Ss]tatements? (?:following|after|at|before) [^\n]{3,120}"
    r"|(?:Opening|Closing|Introductory) (?:[Rr]emarks|[Ss]tatement)[^\n]{0,80}"
    r"|(?i:questions? and answers?(?: session)?)"
    r"|The following questions? (?:was|were) (?:raised|asked|answered)[^\n]{0,80}"
    r"|Answers to (?:journalists’|journalists'|media) questions[^\n]{0,80}"
    r"|(?:From )?(?:[Aa]nswers|[Rr]eplies|[Rr]esponses) to (?:[\w’']+ )?questions"
    r"(?: from (?:the )?(?:media|journalists|the press))?)\s*$"
)
_SECTION_TRAILING_COLON = re.compile(r":\s*$")
#: The characters a SECTION_HEADING match can start with ("* * *", "---", "___", "To be
#: continued", "The end", "Beginning of", "End of", "Continuation of", "Press
#: statement", "Statements", "Opening", "Closing", "Introductory", "Questions and
#: answers" in any case, "Answers to", "From", "Replies", "Responses"): a paragraph
#: starting otherwise is not joined up and matched at all.
_HEADING_FIRST = frozenset("*-_TBECPSsOIqQAaFRr")


@dataclass(slots=True)
class _Line:
    start: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str, limit: int | None = None) -> list[_Line]:
    """The non-blank lines, up to ``limit``; only the lines read are split off."""
    out: list[_Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw = text[pos:end]
        if raw.strip():
            out.append(_Line(pos + (len(raw) - len(raw.lstrip())), raw))
            if limit is not None and len(out) >= limit:
                break
        pos = end + 1
    return out


def find_date(text: str, clock_ok: bool = False) -> str | None:
    """The first full date (with a year) in ``text`` as ISO, skipping page clocks
    (unless ``clock_ok``: a news article's stamp under its byline, ``byline-stamp``)."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month_s = m.group("month")
            month = int(month_s) if month_s.isdigit() else _MONTHS.get(month_s.casefold())
            if not month:
                continue
            try:
                iso = _date(int(m.group("year")), month, int(m.group("day"))).isoformat()
            except ValueError:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if not clock_ok and _PAGE_CLOCK.search(line):
                continue  # "14:10 GMT +3 23 February 2019": the page's clock, not the meeting
            if best is None or m.start() < best[0]:
                best = (m.start(), iso)
            break
    return best[1] if best else None


_DIGIT = re.compile(r"\d")
# Finds at least every GMT/UTC/MSK in any case (and some other trigrams: only an upper
# bound is needed), with a leading class the engine can scan for quickly.
_ZONE_WORD = re.compile("[GUMgum][MTSmts\u017f][TCKtck\u212a]")  # ſ, K fold to s, k
_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")


def _too_wordy_for_a_date(line: str) -> bool:
    """True when ``line`` has too many words to be a date line, found without scanning
    a long line for dates.

    Every date or clock the test below removes holds a digit or a zone word and touches
    at most two words, and removing text never joins words; so a line with more than
    ``2 + 2 × (digits + zone words)`` words keeps more than two whatever is removed.
    """
    if len(line) < 200:
        return False
    budget = 2 + 2 * (len(_DIGIT.findall(line)) + len(_ZONE_WORD.findall(line)))
    return next(islice(_LETTER_WORD.finditer(line), budget, None), None) is not None


def _is_date_line(line: str) -> bool:
    """A line that is a date (and perhaps a clock), with few other words."""
    if _TIME_LINE.match(line):
        return True
    if _too_wordy_for_a_date(line):
        return False
    if find_date(line) is None and not _PAGE_CLOCK.search(line):
        return False
    rest = _CLOCK.sub(" ", line)
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _PAGE_CLOCK.sub(" ", rest)
    return len(_LETTER_WORD.findall(rest)) <= 2


# Lines a publisher prints above every record; never its title or place.
_MASTHEAD = re.compile(
    r"^(?:THE WHITE HOUSE|The White House|Office of the (?:Press Secretary|Spokesperson|"
    r"Vice President|First Lady)|(?:FOR IMMEDIATE RELEASE|For Immediate Release)\b.*|"
    r"Embargoed\b.*|Press Release|Media Note|Briefing Room|Speeches and Remarks|"
    r"Statements and Releases|Press Briefings|Transcript|TRANSCRIPT|Home|News|Events|"
    r"Interview|Special Briefing|Remarks|Readout|Fact Sheet|Speech|Hide|"
    r"President of Russia|(?:The )?Ministry of Foreign Affairs of the Russian Federation|"
    r"(?:U\.S\.|United States) Department of State|U\.S\. DEPARTMENT OF STATE|"
    r"(?:U\.S\. )?Department of State - Great Seal|Diplomacy in Action|printable banner|"
    r"Skip to main content|An official website of the United States Government|"
    r"\(?(?:[Uu]nofficial )?(?:[Tt]ranslation|[Tt]ranslated)(?: from [A-Z][a-z]+)?\)?\.?)\s*$"
)


_VENUE_WORD = re.compile(r"^(?:[A-Z][\w’'\-.]*|of|the|and|for|at|in|on|de|du|la|[,.\-–—])$")


def _is_dated_venue_line(line: str) -> bool:
    """``date-venue``: "Wednesday, June 14, 2023, 4:00 p.m. Ministry of Foreign Affairs
    Press Conference Room" is the meeting's date and where it was held.

    Japan's Foreign Ministry puts the date, the clock and the room on one line under
    the title; the room's name is too wordy for a date line yet is no prose: after the
    date and clock only capitalised words and connectors remain, a dozen at most.
    """
    if len(line) > 200 or find_date(line[:60]) is None:
        return False
    rest = _CLOCK.sub(" ", line)
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    words = rest.replace(",", " , ").split()
    return 0 < len(words) <= 12 and all(_VENUE_WORD.match(w) for w in words)


_DOCUMENT_NUMBER = re.compile(r"^\s*\d+(?:[-/]\d+){2,}\s*$")


def _is_furniture_line(line: str) -> bool:
    """Tokens mostly codes ("• de-DE1 en-GB1"), or a masthead: not a heading or a place."""
    if _MASTHEAD.match(line.strip()):
        return True
    if _DOCUMENT_NUMBER.match(line):
        return True  # ``document-number``: "193-31-01-2022" under a mid.ru title
    if len(re.findall(r"\s(?:/|>|»|›|\|)\s", line)) >= 2:
        return True  # a breadcrumb: "Home › Press service › Transcripts"
    tokens = line.replace("•", " ").split()
    if not tokens:
        return True
    if len(_DIGIT.findall(line)) < max(2, len(tokens) // 2):
        return False  # each coded token holds a digit: a long line of prose stops here
    coded = sum(1 for t in tokens if re.search(r"\d", t) and re.search(r"[A-Za-z]", t))
    return coded >= max(2, len(tokens) // 2)


def _words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w’'\-.]*", line)


# A place may end in an abbreviation's full stop: "Washington, D.C.", "New York, N.Y.".
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


def _looks_like_place(line: str) -> bool:
    """ "The Kremlin, Moscow", "Oval Office", "En Route Phnom Penh, Cambodia"."""
    ends = _SENTENCE_END.search(line) and not _ABBREVIATION_END.search(line)
    if ends or len(line) > 80 or _LABEL_START.match(line + " "):
        return False
    words = _words(line)
    if not 1 <= len(words) <= 8 or words[0].casefold() in _NOT_PLACE_STARTS:
        return False
    if _BYLINE_ROLES.search(line):
        return False  # "Secretary Antony J. Blinken" under a title is a person
    if SECTION_HEADING.match(line):
        return False  # ``heading-not-place``: "Opening Remarks" opens a part of the record
    return all(w[0].isupper() or w.casefold() in _CONNECTORS for w in words)


# ``byline-not-title``: "By Paul Kirby", "By Paul Kirby, BBC News", "By VLADIMIR
# ISACHENKOV": a byline names the writer, never the article.
_BYLINE_LINE = re.compile(r"^(?:(?:Edited|Written|Reported|Compiled) )?(?:By|by|BY)\s+[A-Z]")
# ``post-stamp``: a live blog's post time ("14:05 GMT – Lavrov arrives") and a page's
# "Updated 3 hours ago" / "Published On 17 Feb 2024" say when, not what: never a title.
_POST_STAMP = re.compile(
    r"^(?:[0-2]?\d[:.][0-5]\d\b|(?:Last\s+)?(?:Updated|Published|Posted|Modified)\b)", re.I
)
# ``byline-place``: "Pjotr Sauer in Moscow" (The Guardian's byline) is a writer and where
# they file from; "Reporting from Washington" (The New York Times') too.
# Two writers: "Andrew Roth in Moscow and Julian Borger", "Andrew Roth and Pjotr Sauer
# in Moscow".
_WRITER = r"[A-Z][\w’'\-]+(?: [A-Z][\w’'.\-]+){1,3}"
_BYLINE_IN_PLACE = re.compile(
    rf"^(?:(?P<from>Reporting from)|(?P<name>{_WRITER})(?: and {_WRITER})? in)"
    rf" (?P<place>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){{0,2}})"
    rf"(?: and {_WRITER}(?: in [A-Z][\w’'\-]+)?)?$"
)
# ``writer-line``: a writer's name over their desk ("Paul Kirby" / "BBC News",
# "Paul Kirby" / "Political correspondent") or with it after a comma ("Paul Kirby, BBC
# News") is a byline, not the place.
_DESK = re.compile(
    r"^(?:[A-Z][\w’'\-]+ ){0,3}(?i:correspondent|editor|reporter|writer|journalist|"
    r"analyst|columnist|staff)$"
)
# ``headline-topic``: a headline may open with a topic or a genre and a colon ("Ukraine
# war: Lavrov says …", "China-US: Wang Yi meets …", "Analysis: …", "Exclusive: …"). It
# is a title, not a speaker's label: the words before the colon hold no personal name
# or office (a topic or genre word, a country, a hyphenated pair), and after it comes a
# headline of three or more words that ends no sentence; or a headline, a colon and
# "live updates" / "latest" (a live blog's).
_GENRES = _vocab(
    "analysis exclusive explainer factbox insight opinion comment live update breaking "
    "watch video interview editorial profile timeline fact-check q&a explained fact photos"
)
_TOPIC_TAIL = _vocab(
    "war crisis conflict talks summit live latest news row tensions explained pictures check"
)


def _headline_topic(line: str) -> bool:
    head, sep, rest = line.partition(": ")
    if sep and _QUOTED_HEADLINE.match(rest) and 1 <= len(head.split()) <= 3:
        return True  # ``quote-headline``: "Zelenskyy: 'Every day without air defence …'"
    if sep and _LIVE_TAIL.match(rest) and 2 <= len(head.split()) <= 8:
        return not _BYLINE_ROLES.search(head) and head[:1].isupper()
    if not sep or re.search(r"[.!;:]$", rest) or not rest[:1].isupper():
        return False
    if not 3 <= len(rest.split()) <= 20 or not 1 <= len(head.split()) <= 4:
        return False
    words = [w.strip("’'").casefold() for w in head.split()]
    if words[0] in _GENRES or words[-1] in _TOPIC_TAIL:
        return True
    parts = [p.casefold() for p in re.split(r"[-–/ ]", head) if p]
    return all(p in COUNTRIES or p in DEMONYMS or p in _CAPITALS or p in _COUNTRY_SHORT
               for p in parts)


# A headline that is a quotation whole, under its speaker's name; a transcript's turn
# never wraps its words in quote marks.
_QUOTED_HEADLINE = re.compile(r"^['‘“\"][^\n]{8,140}['’”\"]$")
_LIVE_TAIL = re.compile(r"(?i:live(?: updates?| news| coverage)?|latest(?: updates| news)?)$")
_LIVE_LABEL = re.compile(r"(?i:live(?: reporting| updates?| coverage| blog)?|key events)$")
_COUNTRY_SHORT = _vocab("us uk eu un nato asean brics g7 g20 russia-ukraine israel-gaza")


def _kicker(line: str) -> bool:
    """``kicker``: a news page's section or topic label over the headline ("Russia-Ukraine
    war", "World news", "News|Russia-Ukraine war"): three words at most, or a crumb of
    labels, with no office and no digit. The headline right under it is the title."""
    if "|" in line:
        return all(1 <= len(p.split()) <= 3 for p in line.split("|"))
    return len(line.split()) <= 3 and not _BYLINE_ROLES.search(line) and not _DIGIT.search(line)


def _title_candidate(line: str) -> bool:
    if len(line) > 400 or _BYLINE_LINE.match(line) or _POST_STAMP.match(line):
        return False
    if _is_date_line(line) or _is_furniture_line(line):
        return False
    if _LABEL_START.match(line + " ") and not _headline_topic(line):
        return False
    return not re.search(r"[.!;]$", line) and len(line) <= 400


def _title_score(line: str) -> bool:
    words = _words(line)
    return len(words) >= 4 or any(w[0].islower() for w in words)


@dataclass(slots=True)
class _HeaderLines:
    title: str | None
    title_index: int
    date: str | None
    places: list[str]
    body_start: int
    bylines: list[Person]
    news: _NewsMarks


def _scan_header(text: str, page_title: str | None) -> _HeaderLines:
    """Classify the opening lines: furniture, date/clock, title, place; then prose."""
    lines = _lines(text, limit=14)
    title: str | None = None
    title_index = -1
    if page_title:
        key = " ".join(page_title.split()).casefold()
        for i, ln in enumerate(lines[:6]):
            if " ".join(ln.stripped.split()).casefold() == key:
                title, title_index = ln.stripped, i
                break
    name_line: Person | None = None
    if title is None and not page_title:
        opening = [i for i, ln in enumerate(lines) if not _MASTHEAD.match(ln.stripped)][:5]
        candidates = [i for i in opening if _title_candidate(lines[i].stripped)]
        strong = [i for i in candidates if _title_score(lines[i].stripped)]
        pick = strong[0] if strong else (candidates[0] if candidates else None)
        if pick is not None and len(strong) > 1 and pick == strong[0] and _is_byline_place(
            lines[pick].stripped
        ):
            pick = strong[1]  # ``byline-place`` above the headline: "Pjotr Sauer in Moscow"
        if pick is not None and _kicker(lines[pick].stripped):
            later = [i for i in strong if i > pick and 5 <= len(_words(lines[i].stripped)) <= 20]
            if later and later[0] == pick + 1:
                pick = later[0]  # ``kicker``: "Russia-Ukraine war" over the headline
        if pick is not None and not strong and len(candidates) > 1:
            name_line = _bare_name(lines[pick].stripped)
            if name_line is not None:
                pick = candidates[1]  # "John Kirby" over "Daily Press Briefing"
        if pick is not None:
            title, title_index = lines[pick].stripped, pick
    continued = (
        title is not None
        and not page_title
        and title_index + 1 < len(lines)
        and _title_goes_on(text, lines[title_index], lines[title_index + 1])
    )
    if continued:
        title = f"{title} {lines[title_index + 1].stripped}"
    date: str | None = None
    places: list[str] = []
    bylines: list[Person] = []
    news = _NewsMarks()
    body_start = len(text)
    title_key = " ".join(title.split()).casefold() if title else None
    for i, ln in enumerate(lines):
        s = ln.stripped
        if i == title_index or (continued and i == title_index + 1):
            continue
        if title_key and i > title_index and " ".join(s.split()).casefold() == title_key:
            continue  # ``title-repeat``: a page that prints its title twice (h1 and <title>)
        if i < title_index:
            if _is_byline_place(s):
                _news_line(s, news)  # the writer above the headline: a byline, a place
                continue
            if date is None and (_is_date_line(s) or _MASTHEAD.match(s)):
                date = find_date(s)  # "For Immediate Release March 22, 2011"
            continue
        if _is_date_line(s) or (date is None and _is_dated_venue_line(s)):
            if date is None:
                # ``byline-stamp``: "Tue 14 Mar 2023 12.05 GMT" under a news byline is
                # when the article was published, not a page clock.
                date = find_date(s, clock_ok=news.byline and i <= title_index + 6)
            lead = _PLACE_BEFORE_DATE.match(s)
            if lead and not places and title_index >= 0 and _looks_like_place(lead["place"]):
                places.append(lead["place"])  # ``place-date-line``: "Kyiv, 10 June 2024"
            continue
        if _is_furniture_line(s):
            date = date or find_date(s)
            continue
        nxt = lines[i + 1].stripped if i + 1 < len(lines) else ""
        if title_index >= 0 and i <= title_index + 6 and _news_line(s, news, nxt):
            continue
        if title_index >= 0 and i <= title_index + 6:
            person = byline_person(s)
            if person is not None:
                bylines.append(person)
                continue
        place = s.replace("*", "").strip()
        if (
            title_index >= 0
            and i <= title_index + 6
            and _looks_like_place(place)
            and (not places or (len(places) == 1 and "," not in places[0]))
        ):
            places.append(place)
            continue
        body_start = ln.start
        break
    if name_line is not None:
        bylines.append(name_line)
    date = date or news.date
    return _HeaderLines(title, title_index, date, places, body_start, bylines, news)


@dataclass(slots=True)
class _NewsMarks:
    """What a news article's header says about itself: a byline, a masthead."""

    byline: bool = False
    place: str | None = None
    masthead: str | None = None
    date: str | None = None  # a stamp's date under the byline ("Updated … March 2, 2024")


def _newsroom(name: str) -> str | None:
    """``masthead``: "BBC News", "The Guardian", "Al Jazeera": a newsroom's own name."""
    core = " ".join(name.split()).strip(" .,|")
    key = core.casefold()
    if key in _MASTHEADS:
        return _MASTHEADS[key]
    if key in NEWS_OUTLETS or is_outlet_label(core):
        return OUTLETS.get(key, core)
    return None


_MASTHEADS = {
    "bbc news": "BBC", "bbc": "BBC", "the guardian": "The Guardian", "guardian": "The Guardian",
    "al jazeera": "Al Jazeera", "al jazeera english": "Al Jazeera",
    "the new york times": "The New York Times", "new york times": "The New York Times",
    "the washington post": "The Washington Post", "cnn": "CNN", "dw": "Deutsche Welle",
    "deutsche welle": "Deutsche Welle", "politico": "Politico", "axios": "Axios",
    "financial times": "Financial Times", "the times": "The Times",
}  # fmt: skip


def _writer_with_desk(line: str, nxt: str) -> bool:
    """``writer-line``: a personal name with a newsroom or a desk after a comma or on
    the next line."""
    name, comma, desk = line.partition(", ")
    if not comma:
        desk = nxt
    if not desk or not (_newsroom(desk) or _DESK.match(desk.strip())):
        return False
    return 2 <= len(name.split()) <= 4 and _personal_name(name) and not re.search(r"\d", name)


def _news_line(line: str, news: _NewsMarks, nxt: str = "") -> bool:
    """A header line of a news article's own furniture (noted in ``news``): a byline
    ("By Paul Kirby, BBC News"; ``byline-not-title``), a byline with the place the
    writer files from ("Pjotr Sauer in Moscow"; ``byline-place``), a page stamp
    ("Updated 3 hours ago"; ``post-stamp``) or the masthead ("BBC News"). The writer is
    no participant, and the byline's place is no header place line."""
    if _BYLINE_LINE.match(line):
        news.byline = True
        tail = line.rsplit(",", 1)[1] if "," in line else ""
        news.masthead = news.masthead or (_newsroom(tail) if tail else None)
        return True
    m = _BYLINE_IN_PLACE.match(line)
    if m and (m["from"] or _personal_name(m["name"])):
        news.byline = True
        if not m["from"]:  # where the writer files from, not where they report on
            news.place = news.place or m["place"]
        return True
    if re.match(r"^(?:Last\s+)?(?:Updated|Published|Posted|Modified)\b", line, re.I):
        news.byline = True
        news.date = news.date or find_date(line, clock_ok=True)
        return True
    stamp = line.split(" Updated ")[0]
    if news.byline and _is_date_line(stamp) and find_date(stamp, clock_ok=True):
        news.date = news.date or find_date(stamp, clock_ok=True)  # ``byline-stamp``
        return True
    if _LIVE_LABEL.match(line):
        return True  # "Live Reporting": a live blog's furniture, not its place
    room = _newsroom(line) if len(line) <= 40 else None
    if room:
        news.masthead = news.masthead or room
        return True
    if _writer_with_desk(line, nxt):
        news.byline = True
        tail = line.partition(", ")[2] or nxt
        news.masthead = news.masthead or _newsroom(tail)
        return True
    # "Political correspondent" under the writer's name
    return bool(news.byline and _DESK.match(line))


def _is_byline_place(line: str) -> bool:
    """ "Pjotr Sauer in Moscow": a writer (a bare personal name) and a place."""
    m = _BYLINE_IN_PLACE.match(line)
    return bool(m) and not m["from"] and _personal_name(m["name"])


def _personal_name(name: str) -> bool:
    role, bare, _ = split_role_name(name)
    words = name.split()
    return (
        role is None
        and bare == name
        and not any(w.casefold() in _NOT_NAME_WORDS or w.casefold() in _MONTHS for w in words)
    )


_TITLE_GLUE = _vocab("of the for and by on in at with to from between")


def _title_goes_on(text: str, line: _Line, nxt: _Line) -> bool:
    """``wrapped-title``: a long title a file hard-wrapped goes on on the next line.

    "…by the Official Spokesperson" / "(February 16, 2023)", "…Regular Press
    Conference" / "on May 9, 2023", "…Spokesperson for the" / "Secretary-General": the
    next line follows with no blank line between, and either the title ends on a
    connecting word or the next line starts in lower case or is a parenthesis.
    """
    head, tail = line.stripped, nxt.stripped
    if len(head) < 40 or len(tail) > 100 or text.count("\n", line.start, nxt.start) != 1:
        return False
    if _MASTHEAD.match(tail) or _SENTENCE_END.search(tail):
        return False
    last = head.split()[-1].casefold()
    if (
        last in _TITLE_GLUE
        or tail[:1].islower()
        or (tail.startswith("(") and tail.endswith(")") and "(" not in head)
    ):
        return True
    # "…Regular Press" / "Conference on May 9, 2023": the paragraph's last line ends
    # the title with words and its date ("Washington, DC, March 3, 2023", a place and
    # a date, is the header's own line, not the title's).
    end = nxt.start + len(nxt.text)
    last_line = not text[end : end + 2].strip() or text[end : end + 2] == "\n\n"
    if not last_line or find_date(tail) is None:
        return False
    rest = tail
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    return bool(re.search(r"\b[a-z]{2,}\b", rest))


def _bare_name(line: str) -> Person | None:
    """``name-over-title``: a line that is only a personal name ("John Kirby") above a
    short title ("Daily Press Briefing") is the record's speaker, not its title."""
    role, name, _ = split_role_name(line)
    words = line.split()
    if role or name != line or not 2 <= len(words) <= 4:
        return None
    if any(w.casefold() in _NOT_NAME_WORDS or w.casefold() in _MONTHS for w in words):
        return None
    return Person(name=name, aliases=(surname(name),))


_BYLINE = re.compile(r"^(?P<name>[A-Z][\w.’'\- ]{2,60}?),\s+(?P<role>[A-Z][^,;:]{2,80})$")
_BYLINE_ROLES = re.compile(
    r"\b(?:Secretary|Spokesperson|Spokesman|Spokeswoman|Minister|Ambassador|President|"
    r"Director|Adviser|Advisor|Coordinator|Envoy|Representative|Under Secretary|Chancellor|"
    r"Chairman|Chair|Governor|Senator|Administrator)\b"
)


def byline_person(line: str) -> Person | None:
    """ "Antony J. Blinken, Secretary of State" under a title: a person, not a place."""
    m = _BYLINE.match(line.strip().replace("*", ""))
    if not m or not _BYLINE_ROLES.search(m.group("role")):
        return None
    role, name, _ = split_role_name(m.group("name"))
    if role or len(name.split()) < 2:
        return None
    full_role = m.group("role").strip()
    _, _, affiliation = split_role_name(f"{full_role} X")
    return Person(name=name, role=full_role, affiliation=affiliation, aliases=(surname(name),))


def _clean_title(title: str) -> str:
    return " ".join(title.replace("\u2060", "").split()).strip("# ")


def _date_from_source(source: str) -> str | None:
    m = _FILENAME_DATE.search(PurePath(source).name) if source else None
    if not m:
        return None
    try:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# ``title-place-last``: "Joint Press Conference of …, 8 June 2022, Ankara": Türkiye's
# Foreign Ministry puts the place after the date at the title's end.
_TITLE_PLACE_END = re.compile(
    rf",\s*(?:[0-3]?\d\s+(?:{_MONTH})|(?:{_MONTH})\.?\s+[0-3]?\d,?)\s+\d{{4}}\s*,\s*"
    r"(?P<place>[A-Z][\w’'.\- ]+?)\s*$",
    re.I,
)


def _place_from_title(title: str) -> str | None:
    m = _TITLE_PLACE_TAIL.search(title) or _TITLE_PLACE_END.search(title)
    if m:
        place = m.group("place").strip()
        words = place.split()
        if 1 <= len(words) <= 4 and all(w[0].isupper() for w in words):
            return place
    return None


_TITLE_SPLIT = re.compile(
    r"(’s\b|'s\b|,|;|\s[–—-]\s|\s(?:and|with|by|between|from|at|in|on|before|after|"
    r"during|following|ahead|aboard|en route|via|near|met|meets|holds|held|has|had|says|said|"
    r"as|amid|"
    r"talks|statement|remarks|interview|answers|press|news|joint)\s)",
    re.IGNORECASE,
)
# After these a title names a place, not a person ("… in Press Conference", "En Route Phnom Penh").
_PLACE_SEPARATORS = frozenset(["at", "in", "on", "en route", "aboard", "near", "via"])
# Words that make a capitalised phrase an event or a group rather than a person.
_NOT_NAME_WORDS = _vocab(
    "meeting meetings briefing gaggle conference line talks summit session forum officials "
    "team call conversation statement statements remarks interview visit ceremony cities "
    "partner partners health response questions answers media press news greeting greetings "
    "address message day week year club discussion council report availability "
    "roundtable round table dialogue signing exchange reception dinner lunch breakfast"
)


def people_in_title(title: str) -> list[Person]:
    """People the title names with a role or a full name: the meeting's participants.

    "Foreign Minister Sergey Lavrov’s statement … following talks with Secretary General
    of the Organisation of Islamic Cooperation Iyad Ameen Madani, Moscow, June 11, 2015"
    gives Lavrov and Madani; places and dates give no one.
    """
    people: list[Person] = []
    if _headline_topic(title):
        title = title.partition(": ")[2]  # ``headline-topic``: "China-US: Wang Yi meets …"
    parts = _TITLE_SPLIT.split(title)
    # ``title-place``: the place before the title's closing date ("…, New Delhi, March
    # 2, 2023") is where, not who, however much it reads like a first and last name.
    place = _place_from_title(title)
    for k in range(0, len(parts), 2):
        separator = parts[k - 1].strip().casefold() if k else ""
        chunk = parts[k].strip(' .:"“”')
        if not chunk or re.search(r"\d", chunk) or separator in _PLACE_SEPARATORS:
            continue
        if chunk == place:
            continue
        tokens = chunk.split()
        # Keep the trailing run that reads like "Role of the Org Name".
        start = len(tokens)
        while start > 0 and (
            is_name_word(tokens[start - 1]) or tokens[start - 1].casefold() in _CONNECTORS
        ):
            start -= 1
        while start < len(tokens) and not tokens[start][:1].isupper():
            start += 1
        phrase = _EVENT_LEAD.sub("", " ".join(tokens[start:]))
        if not phrase:
            continue
        role, name, affiliation = _name_of_outlet(phrase) or split_role_name(phrase)
        if not name or name.casefold() in _MONTHS or surname(name).casefold() in COUNTRIES:
            continue
        if any(w.casefold() in _NOT_NAME_WORDS for w in name.split()):
            continue
        if not _real_role(role) and _headline_words(name):
            continue
        if role is None and len(name.split()) < 2:
            continue  # a lone capitalised word is not evidence of a person
        if any(w.casefold() in _CONNECTORS for w in name.split()[:1]):
            continue
        aliases = tuple(dict.fromkeys(a for a in (phrase, surname(name)) if a and a != name))
        people.append(Person(name=name, role=role, affiliation=affiliation, aliases=aliases))
    return people


def _real_role(role: str | None) -> bool:
    """A role that holds an office or an honorific ("Foreign Minister"), not the
    headline words a title-case headline puts before a run ("Kremlin Rejects Ukraine")."""
    return bool(role) and any(
        w.strip(".,’'").casefold() in ROLE_WORDS or w.strip(".,’'").casefold() in HONORIFICS
        for w in (role or "").split()
    )


def _headline_words(name: str) -> bool:
    """``headline-words``: a title-case headline capitalises every word, so a run of
    them ("Peace Plan", "Pressure Mounts Over Gaza", "Macron Agree New Deal", "Rejects
    Peace Plan") reads like a name. Without an office it is no person when a word
    before the last is a function word (very common: "Over", "Is", "New"), when every
    word is a common English word ("Peace Plan"), or when it opens with a headline verb
    ("Rejects", "Urges": a common stem and an -s). A personal name has a rarer word
    ("Wang Yi", "Sergey Lavrov", "Matthew Miller") and may end on a common one
    ("Theresa May")."""
    words = [w.strip(".,’'").casefold() for w in name.split()]
    if not words:
        return False
    freq = [zipf_frequency(w, "en") for w in words]
    if any(f >= 5.5 for f in freq[:-1]) or min(freq) >= 4.8:
        return True
    first = words[0]
    return (
        len(words) > 1
        and len(first) > 4
        and first.endswith("s")
        and not first.endswith("ss")
        and zipf_frequency(first[:-1], "en") >= 4.0
        and zipf_frequency(first[:-1], "en") > freq[0]
    )


# ``event-lead``: "(Joint Press) Conference of Foreign Minister Mevlüt Çavuşoğlu": the
# event the title opens with is no part of the first person's role.
_EVENT_LEAD = re.compile(
    r"^(?:[A-Z][\w’'\-]* )*?(?:Conference|Briefing|Meeting|Talks|Statement|Remarks|"
    r"Availability|Interview|Visit|Session|Call|Conversation|Speech|Address)s? "
    r"(?:of|by|with|between|for) (?=[A-Z])"
)
_NAME_OF = re.compile(r"^(?P<name>(?:[A-Z][\w’'\-]+\.? ){1,3}[A-Z][\w’'\-]+) of (?P<org>[A-Z].+)$")


def _name_of_outlet(phrase: str) -> tuple[str | None, str, str | None] | None:
    """``name-of-outlet``: "Margaret Brennan of CBS Face the Nation" is a person and the
    outlet she works for, when the words before "of" are a bare personal name (no role,
    institution or place word): read from the end, the name would be "Nation"."""
    m = _NAME_OF.match(phrase)
    if not m:
        return None
    role, name, _ = split_role_name(m.group("name"))
    if role or name != m.group("name") or len(name.split()) < 2:
        return None
    return None, name, m.group("org").strip()


_COUNTRY_DEMONYM = {country: demonym.title() for demonym, country in DEMONYMS.items()}
_MFA_TITLE = re.compile(
    r"\b(?:Foreign Minister|Minister of Foreign Affairs|Foreign Ministry|"
    r"Deputy Foreign Minister|Foreign Affairs Minister)\b",
)
_STATE_DEPT = re.compile(
    r"\b(?:Department Press Briefing|Daily Press Briefing|Office of the Spokesperson|"
    r"U\.S\. Department of State|Department of State|"
    r"Secretary of State|state\.gov)\b"
)
# ``briefing-series``: a ministry's name for its own briefings says whose they are,
# whatever countries the journalists ask about: China's Foreign Ministry holds the
# spokesperson's "Regular Press Conference" (fmprc.gov.cn); Japan's writes its
# officials' names family name first, in capitals ("Press Conference by Foreign
# Minister KAMIKAWA Yoko", mofa.go.jp).
_SERIES_COUNTRY = (
    (re.compile(r"\bRegular Press Conference\b|fmprc\.gov\.cn"), "China"),
    (re.compile(r"\b(?:Minister|Secretary|Spokesperson) [A-Z]{3,} [A-Z][a-z]+\b|mofa\.go\.jp"),
     "Japan"),
)  # fmt: skip


def _series_country(title: str, source: str) -> str | None:
    """The country whose ministry names its briefings as ``title`` does."""
    return next((c for p, c in _SERIES_COUNTRY if p.search(title) or p.search(source)), None)


# ``mfa-header``: a header line that names the ministry ("Wednesday, June 14, 2023,
# 4:00 p.m. Ministry of Foreign Affairs Press Conference Room") marks its record as a
# title would.
_MFA_HEADER = re.compile(r"\b(?:Ministry of Foreign Affairs|Foreign Ministry)\b")
# ``external-affairs``: India's foreign ministry is the Ministry of External Affairs; its
# officials are labelled with the Indian honorific ("Official Spokesperson, Shri …").
_EXTERNAL_AFFAIRS = re.compile(
    r"\bMinistry of External Affairs\b|^(?:Official Spokesperson, )?(?:Shri|Smt\.?) [A-Z]",
    re.MULTILINE,
)
# ``un-spokesperson``: the UN Secretary-General's spokesperson holds a "Daily Press
# Briefing" from an "Office of the Spokesperson" as the State Department does; the
# office's full name says whose it is.
_UN_SPOKESPERSON = re.compile(
    r"\b(?:Spokes(?:person|man|woman) for the Secretary-General|"
    r"Office of the Spokesperson for the Secretary-General|noon briefing)\b",
    re.IGNORECASE,
)
_WHITE_HOUSE = re.compile(
    r"\b(?:James S\. Brady Press Briefing Room|THE WHITE HOUSE|Office of the Press Secretary|"
    r"whitehouse\.gov|Oval Office|Roosevelt Room|Air Force One)\b"
)
# ``kremlin-label``: "President of Russia Vladimir Putin:" as a speaker label marks the
# Kremlin's record; a paragraph that opens "President of Russia Vladimir Putin signed …"
# in a ministry's briefing does not.
_KREMLIN = re.compile(
    r"(?m)^\s*(?:President of Russia [A-Z][^\n:]{0,60}:|The Kremlin, Moscow\s*$)|kremlin\.ru"
)
_WH_CLOCK = re.compile(r"(?m)^\s*(?:END\s+)?[0-2]?\d:[0-5]\d\s*[AP]\.M\.\s*[A-Z]{2,4}\s*$")
# What every match of a whole-text pattern contains: ``in`` rules the pattern out far
# faster than its multi-line "^", which is tried at every character.
_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {
    _KREMLIN: ("President of Russia ", "The Kremlin, Moscow", "kremlin.ru"),
    _WH_CLOCK: (".M.",),
    _EXTERNAL_AFFAIRS: ("Ministry of External Affairs", "Shri ", "Smt"),
}


def _has(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)``, ruled out first by the substrings any match holds."""
    return any(n in text for n in _NEEDLES[pattern]) and pattern.search(text) is not None


def _main_country(text: str, title: str = "") -> str | None:
    """The country a foreign-ministry record belongs to, from its own wording.

    "the Russian Foreign Ministry", "the Russian Federation" and plain mentions are
    counted; the most mentioned country wins. ``counterpart-country``: a country the
    title gives to a guest ("… with Foreign Minister of Egypt Sameh Shoukry") is not
    the publisher's, however often the record names it: a ministry titles its own
    minister without a country and the visitor with one.
    """
    guests = _guest_countries(title)
    for m in re.finditer(
        r"\b([A-Z][a-z]+) (?:Foreign Ministry|Ministry of Foreign Affairs)\b", text
    ):
        country = DEMONYMS.get(m.group(1).casefold())
        if country and country not in guests:
            return country
    counts: Counter[str] = Counter()
    for weight, part in ((3, title), (1, text)):
        for word in re.findall(r"\b[A-Z][a-z]+\b", part):
            w = word.casefold()
            if w in DEMONYMS:
                counts[DEMONYMS[w]] += weight
            elif w in _CAPITALS:
                counts[_CAPITALS[w]] += weight
            elif w in COUNTRIES:
                counts[word] += weight
    for country in (*guests, *_NO_FOREIGN_MINISTRY):
        counts.pop(country, None)
    return counts.most_common(1)[0][0] if counts else None


# ``no-foreign-ministry``: the United States conducts its diplomacy through the
# Department of State; a "Ministry of Foreign Affairs" record that names America at
# every turn is another country's.
_NO_FOREIGN_MINISTRY = ("United States", "America")


def _guest_countries(title: str) -> set[str]:
    """Countries of the title's people after the first, when the first has none.

    In "Foreign Minister Sergey Lavrov’s remarks … with Foreign Minister of Egypt Sameh
    Shoukry" the host is named bare and the guest with a country: Egypt is the guest's.
    """
    people = people_in_title(title)
    if len(people) < 2 or people[0].affiliation:
        return set()
    return {p.affiliation for p in people[1:] if p.affiliation}


# Seats of government stand for their country ("…, Moscow, June 11, 2015").
_CAPITALS = {
    "moscow": "Russia", "kremlin": "Russia", "washington": "United States",
    "beijing": "China", "london": "United Kingdom", "paris": "France", "berlin": "Germany",
    "kyiv": "Ukraine", "kiev": "Ukraine", "tokyo": "Japan", "minsk": "Belarus",
    "ankara": "Turkey", "tehran": "Iran", "delhi": "India", "astana": "Kazakhstan",
}  # fmt: skip


def find_outlet(text: str, title: str, source: str, header_end: int | None = None) -> str | None:
    """Who published the record, from general signals of the publisher's house style.

    ``header-outlet``: the State Department's and the White House's marks ("Secretary
    of State", "Oval Office") count in the title and the header (up to ``header_end``)
    before a foreign ministry's title does; in the body they are only a fallback, for a
    minister or a spokesperson may well speak of "US Secretary of State Antony Blinken"
    or of a meeting "in the Oval Office".
    """
    src = source.casefold()
    head = text[:3000]
    header = text[: min(header_end, 3000)] if header_end is not None else head
    if "kremlin" in src or _has(_KREMLIN, text):
        return "President of Russia (kremlin.ru)"
    if "whitehouse" in src or PurePath(src).name.startswith("wh__"):
        return "The White House"
    if _UN_SPOKESPERSON.search(title) or _UN_SPOKESPERSON.search(header) or "un.org" in src:
        return "United Nations"
    if _STATE_DEPT.search(title) or _STATE_DEPT.search(header) or "state.gov" in src:
        return "U.S. Department of State"
    if _WHITE_HOUSE.search(header):
        return "The White House"
    if _has(_WH_CLOCK, text) and re.search(r"\b(?:PRESIDENT|MS\.|MR\.)\s?[A-Z]+:", text):
        return "The White House"
    if _has(_EXTERNAL_AFFAIRS, head):
        return "Indian Ministry of External Affairs"
    series = _series_country(title, src)
    if series:
        return f"{_COUNTRY_DEMONYM.get(series, series)} Ministry of Foreign Affairs"
    if _MFA_TITLE.search(title) or "mid.ru" in src or _MFA_HEADER.search(header):
        country = _main_country(text, title)
        demonym = _COUNTRY_DEMONYM.get(country or "")
        return (
            f"{demonym} Ministry of Foreign Affairs" if demonym else "Ministry of Foreign Affairs"
        )
    if _WHITE_HOUSE.search(head):
        return "The White House"
    if any(not _NEWS_MENTION.match(head, m.start()) for m in _STATE_DEPT.finditer(head)):
        return "U.S. Department of State"
    return None


# ``body-mention``: "U.S. Secretary of State Antony Blinken" in a report's body is how a
# news writer names the office; the Department writes "the Secretary" or "Secretary
# Blinken". Such a mention in the body is no mark of the Department's own record.
_NEWS_MENTION = re.compile(
    r"Secretary of State(?= [A-Z])|(?<=U\.S\. )Secretary of State|(?<=US )Secretary of State"
)


# ``news-site``: a news site's address names its outlet ("bbc.co.uk/news/…").
_NEWS_SITES = (
    ("bbc.co", "BBC"), ("theguardian.com", "The Guardian"), ("aljazeera.", "Al Jazeera"),
    ("nytimes.com", "The New York Times"), ("reuters.com", "Reuters"), ("apnews.com", "AP"),
    ("washingtonpost.com", "The Washington Post"), ("cnn.com", "CNN"), ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"), ("politico.", "Politico"), ("ft.com", "Financial Times"),
    ("tass.com", "TASS"), ("tass.ru", "TASS"), ("globaltimes.cn", "Global Times"),
    ("xinhuanet.com", "Xinhua"), ("news.cn", "Xinhua"), ("kyodonews.net", "Kyodo"),
    ("yna.co.kr", "Yonhap"), ("aa.com.tr", "Anadolu"), ("ria.ru", "RIA Novosti"),
    ("themoscowtimes.com", "The Moscow Times"), ("scmp.com", "South China Morning Post"),
)  # fmt: skip


def _masthead_above(text: str, end: int) -> str | None:
    """``news-outlet`` for a dateline with no agency ("WASHINGTON —"): the masthead or
    a byline's desk ("By Paul Kirby, BBC News") in the few lines above it."""
    news = _NewsMarks()
    for ln in _lines(text[:end], limit=8):
        _news_line(ln.stripped, news)
        if news.masthead:
            return news.masthead
    return None


def _site_outlet(source: str) -> str | None:
    src = source.casefold()
    return next((name for site, name in _NEWS_SITES if site in src), None) if src else None


def _news_outlet(
    news: _NewsMarks, text: str, title: str, page: Page, header_end: int
) -> str | None:
    """``news-outlet``: a news article (a byline, a page stamp or a masthead in its
    header) is published by its masthead, whatever offices its headline or body name
    ("US Secretary of State Antony Blinken" is no State Department record, "Russia's
    Foreign Minister" in a BBC headline no ministry's); with no masthead, only the
    source's address may still name a government publisher."""
    source = page.source
    # ``site-first``: an HTML page's own site name (og:site_name) that is a newsroom's
    # names the publisher better than a masthead read off the text, which on a page
    # may be a byline glued to its desk ("Paul KirbyBBC News").
    site = _site_outlet(source) or (_newsroom(page.site) if page.site else None)
    if page.site and site:
        return site
    if news.masthead:
        return news.masthead
    if site:
        return site
    if news.byline:
        return find_outlet("", "", source) if source else None
    return find_outlet(text, title, source, header_end)


def _people(title_people: list[Person], bylines: list[Person]) -> tuple[Person, ...]:
    """The title's people, plus byline people the title does not already name."""
    by_surname = {surname(p.name).casefold(): p for p in bylines}
    people: list[Person] = []
    for p in title_people:
        b = by_surname.pop(surname(p.name).casefold(), None)
        if b is not None and b.role and (not p.role or b.role.startswith(p.role)):
            # "Secretary" in the title, "Secretary of State" in the byline.
            p = Person(p.name, b.role, p.affiliation or b.affiliation, p.aliases)
        if b is not None and len(b.name.split()) > len(p.name.split()):
            # ``byline-full-name``: "Secretary Blinken's Remarks" over "Antony J. Blinken,
            # Secretary of State": the byline's fuller name is the canonical one.
            aliases = tuple(dict.fromkeys(a for a in (*p.aliases, p.name) if a != b.name))
            p = Person(b.name, p.role, p.affiliation, aliases)
        people.append(p)
    return (*people, *by_surname.values())


_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def find_sections(text: str, start: int = 0) -> tuple[Section, ...]:
    """Headings that divide one record into parts: "* * *", "Beginning of meeting with …".

    A heading is a paragraph of one to three lines (a scraper may wrap it:
    "Beginning\nof meeting with …"), or a single line in a file that writes one
    paragraph per line. ``Section.start`` is where the heading begins.
    """
    sections: list[Section] = []
    paragraphs: list[tuple[int, str]] = []
    for para in _PARAGRAPH.finditer(text, start):
        raw = para.group(0)
        lead = len(raw) - len(raw.lstrip())
        paragraphs.append((para.start() + lead, raw.strip()))
        if raw[lead] in _HEADING_FIRST and raw.count("\n") <= 2:
            joined = _SECTION_TRAILING_COLON.sub("", " ".join(raw.split()))
            if len(joined) <= 160 and SECTION_HEADING.match(joined):
                sections.append(Section(title=joined, start=para.start() + lead))
                continue
        pos = para.start()
        for line in raw.split("\n"):
            s = _SECTION_TRAILING_COLON.sub("", line.strip())
            if s and len(s) <= 160 and SECTION_HEADING.match(s):
                sections.append(Section(title=s, start=pos + len(line) - len(line.lstrip())))
            pos += len(line) + 1
    known = {sec.start for sec in sections}
    lines = _one_paragraph_a_line(paragraphs)
    if lines:
        paragraphs = _line_units(paragraphs)
    # Topics head the spokesperson's opening; once the questions begin, a short line
    # without a full stop is a journalist's words ("And one more on Iran"), no heading.
    first_question = next(
        (k for k, (_, para) in enumerate(paragraphs) if _QUESTION_START.match(para)),
        len(paragraphs),
    )
    paragraphs = paragraphs[:first_question]
    topics = _topic_headings([p for p in paragraphs if p[0] not in known], lines)
    if topics:
        sections = sorted((*sections, *topics), key=lambda sec: sec.start)
    return tuple(sections)


_QUESTION_START = re.compile(
    r"^(?:\((?i:via interpreter)\.?\)\s*)?(?:Q|QUESTION|Question|Вопрос)\b[^\n:]{0,60}:"
)


def _one_paragraph_a_line(paragraphs: list[tuple[int, str]]) -> bool:
    """A file with (almost) no blank lines writes one paragraph per line (as the turn
    reader's line mode has it): at least six lines, under one blank per ten lines."""
    lines = sum(p.count("\n") + 1 for _, p in paragraphs)
    return lines >= 6 and (len(paragraphs) - 1) * 10 < lines


def _line_units(paragraphs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every non-blank line as a paragraph of its own, with its start offset."""
    units: list[tuple[int, str]] = []
    for start, para in paragraphs:
        pos = start
        for line in para.split("\n"):
            if line.strip():
                units.append((pos + len(line) - len(line.lstrip()), line.strip()))
            pos += len(line) + 1
    return units


# Words of a line that introduces a quotation rather than heads a topic.
_LEAD_IN = re.compile(
    r"\b(?:said|says|say|reads?|stated|states|added|adds|noted|notes|wrote|writes|"
    r"declared|follows|following|quote|he|she|they|we|I|it)\b",
    re.IGNORECASE,
)
_TRAILING_CLOSERS = "\"”»’')]"
_HEADING_END = re.compile(r"[.!?,;…—–\-]$")


def _topic_headings(paragraphs: list[tuple[int, str]], lines: bool = False) -> list[Section]:
    """``topic-heading``: a one-line title over prose ("Ukraine crisis update").

    A spokesperson's briefing runs through topics, each under a short heading on a line
    of its own: a paragraph of one line, capitalised, in sentence case, with no
    sentence punctuation at its end and no colon inside, followed by prose that starts
    a sentence (or by more such lines that lead to prose: a list of contents). Its
    words are nobody's remark. Lines that no prose follows (a page's footer links) are
    left alone. With ``lines`` (one paragraph a line) the line before must end a
    sentence too, so a wrapped line of a paragraph is never a heading.
    """
    out: list[Section] = []
    prose_follows = False
    for i in range(len(paragraphs) - 1, -1, -1):
        start, para = paragraphs[i]
        if _heading_shaped(para):
            before = paragraphs[i - 1][1] if i else ""
            if prose_follows and not (lines and before and not _ends_or_heads(before)):
                out.append(Section(title=_SECTION_TRAILING_COLON.sub("", para), start=start))
            continue
        bare = para.rstrip(_TRAILING_CLOSERS)
        prose_follows = (
            _ends_sentence(bare)
            and len(para.split(None, 6)) >= 6  # six words or more, without splitting all
            and (para[:1].isupper() or para[:1].isdigit() or para[:1] in "\"“«‘'(")
        )
    return out[::-1]


def _ends_sentence(s: str) -> bool:
    """``re.search(r"[.!?…]$", s)``: a sentence mark at the end (or before a final line
    break), without the search scanning every mark in a long paragraph."""
    if s.endswith("\n"):
        s = s[:-1]
    return s[-1:] in _SENTENCE_MARKS


_SENTENCE_MARKS = frozenset(".!?…")


def _ends_or_heads(line: str) -> bool:
    """A line that ends a sentence or a heading's colon, or is heading-shaped itself."""
    return bool(re.search(r"[.!?…:]$", line.rstrip(_TRAILING_CLOSERS))) or _heading_shaped(line)


# A greeting or form of address opens a speech without a comma as often as with one.
_ADDRESS_WORDS = _vocab(
    "ladies good dear colleagues friends thank thanks hello welcome mr mrs ms madam "
    "excellencies excellency your distinguished esteemed"
)


def _caps_topic(words: list[str]) -> bool:
    """``caps-topic``: the UN's noon briefing heads its topics in capitals ("MIDDLE
    EAST", "UKRAINE", "SECURITY COUNCIL"); a line in capitals that names no one (no
    honorific or journalist's word, no office at its end or before a name: "MR PRICE",
    "THE PRESIDENT", "SECRETARY BLINKEN", "QUESTION") is such a topic when it has
    several words or names a country."""
    if len(words) > 6:
        return False
    bare = [w.strip(".,’'").casefold() for w in words]
    if any(w in HONORIFICS or is_question_label(w) for w in bare) or bare[-1] in ROLE_WORDS:
        return False
    for w, nxt in pairwise(bare):
        if w in ROLE_WORDS and nxt not in ORG_WORDS and nxt not in ROLE_WORDS:
            return False  # "SECRETARY BLINKEN"; "SECURITY COUNCIL" is an institution
    if any(not w.replace("-", "").replace("&", "").isalpha() for w in bare if w):
        return False
    return len(words) > 1 or bare[0] in COUNTRIES


def _heading_shaped(para: str) -> bool:
    """One line of 1-15 words that reads as a title, not a sentence or a label."""
    if "\n" in para or len(para) > 150 or "  " in para or "\t" in para or "\xa0" in para:
        return False
    core = _SECTION_TRAILING_COLON.sub("", para)
    words = core.split()
    if not 1 <= len(words) <= 15 or not core[:1].isalpha() or not core[:1].isupper():
        return False
    if ":" in core or _HEADING_END.search(core.rstrip(_TRAILING_CLOSERS)):
        return False
    if (core.upper() == core and not _caps_topic(words)) or _is_date_line(core):
        return False  # "MR PRICE" or "THE PRESIDENT" without a colon; a date line
    if words[0].casefold() in _ADDRESS_WORDS:
        return False  # "Ladies and gentlemen", "Good afternoon": a speaker addresses
    if core != para and ("," in core or _LEAD_IN.search(core) or not is_heading_label(core)):
        return False  # "The message reads, in part:" leads into a quotation; "Name:" speaks
    return len(words) > 1 or core.casefold() in COUNTRIES


def read_header(text: str, page: Page) -> Header:
    """The meeting's header: a news dateline if the reports reader sees one, else ours."""
    return read_header_and_origin(text, page)[0]


def read_header_and_origin(text: str, page: Page) -> tuple[Header, bool]:
    """The header, and whether it came from a news dateline (the reports reader)."""
    report = read_report_header(text, page)
    if report is not None and not _label_as_place(report.place):
        if report.outlet is None:
            report.outlet = (
                _site_outlet(page.source)
                or (_newsroom(page.site) if page.site else None)
                or _masthead_above(text, report.body_start)
            )
        return report, True
    return _transcript_header(text, page), False


def _label_as_place(place: str | None) -> bool:
    """``label-not-dateline``: "Question (TASS): …" opens a journalist's turn; a
    "dateline" whose place is a journalist's label word is a transcript's line."""
    return bool(place) and is_question_label(place.split(",")[0])


def _transcript_header(text: str, page: Page) -> Header:
    scan = _scan_header(text, page.title)
    title = _clean_title(page.title or scan.title or "") or "Untitled"
    date_inferred = False
    date = page.date or scan.date or find_date(title)
    if date is None:
        early = "\n".join(
            ln.stripped
            for ln in _lines(text[scan.body_start :], limit=8)
            if _is_date_line(ln.stripped)
        )
        date = find_date(early)
    if date is None:
        date = stamp_date(page.text)  # ``stamp-date``: the page's stamp, dropped as furniture
    if date is None:
        date = _date_from_source(page.source)
        date_inferred = date is not None
    place = _place_from_title(title) or (", ".join(scan.places) if scan.places else None)
    # ``byline-place``: with no dateline, the place a writer files from is the place.
    place = place or scan.news.place
    return Header(
        title=title,
        date=date,
        date_inferred=date_inferred,
        place=place,
        outlet=_news_outlet(scan.news, text, title, page, scan.body_start),
        people=_people(people_in_title(title), scan.bylines),
        body_start=scan.body_start if scan.body_start < len(text) else 0,
        sections=find_sections(text, scan.body_start),
    )
