"""The header of a news report: dateline, year inference, outlet, one-line title.

A wire report opens with a dateline: "MOSCOW, May 21 (RIA Novosti) - …",
"WASHINGTON (Reuters) -", "KUALA LUMPUR, Jan. 5 (AP) —", "Moscow, 12 March, TASS.".
The dateline, not the page around it, says where and when: a page clock or archive
stamp is when somebody looked at the page, never the meeting date, so this module only
reads the dateline and the article body.

A dateline often has no year. The body usually pins it down ("the summit in Kuala
Lumpur [Malaysia, fall 2003]" … "last year's summit"): :func:`infer_year` links a
relative phrase ("last year", "this year", "next year") to a dated mention of the same
thing and reports the year with ``date_inferred=True``; without such a link the date
stays partial (``--MM-DD``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from store.ingest.dates import MONTH_RE, iso_date, parse_date, years_in
from store.ingest.document import Header, Page
from store.ingest.furniture import stamp_date

#: News agencies and papers a dateline names, with the spelling Parley shows.
OUTLETS: dict[str, str] = {
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "afp": "AFP", "tass": "TASS", "itar-tass": "TASS",
    "interfax": "Interfax", "xinhua": "Xinhua", "upi": "UPI", "dpa": "dpa", "efe": "EFE",
    "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap", "anadolu": "Anadolu",
    "irna": "IRNA", "bernama": "Bernama", "sputnik": "Sputnik", "bloomberg": "Bloomberg",
    "cnn": "CNN", "bbc": "BBC", "pti": "PTI", "ani": "ANI", "wam": "WAM", "spa": "SPA",
    "mena": "MENA", "qna": "QNA", "kuna": "KUNA", "belta": "BelTA", "kazinform": "Kazinform",
    "prensa latina": "Prensa Latina", "itar tass": "TASS", "ukrinform": "Ukrinform",
    "trend": "Trend", "apa": "APA", "armenpress": "Armenpress", "regnum": "Regnum",
}  # fmt: skip
#: The country a national agency reports from: in its dispatch an unqualified "the
#: Foreign Ministry" is that country's (``outlet-home``).
OUTLET_HOMES: dict[str, str] = {
    "TASS": "Russia", "RIA Novosti": "Russia", "Interfax": "Russia", "Sputnik": "Russia",
    "Regnum": "Russia", "Xinhua": "China", "Kyodo": "Japan", "Yonhap": "South Korea",
    "Anadolu": "Turkey", "IRNA": "Iran", "BelTA": "Belarus", "Kazinform": "Kazakhstan",
    "Ukrinform": "Ukraine", "Armenpress": "Armenia", "PTI": "India", "ANI": "India",
    "SPA": "Saudi Arabia", "QNA": "Qatar", "KUNA": "Kuwait", "MENA": "Egypt",
    "Bernama": "Malaysia", "Prensa Latina": "Cuba", "Trend": "Azerbaijan", "APA": "Azerbaijan",
}  # fmt: skip

#: A dateline's place: up to four capitalised words on one line ("KUALA LUMPUR"). The
#: words are joined by spaces or tabs only, so a byline above ("By Guy Faulconbridge")
#: can never run into the place across the blank line between them.
#: Reuters joins two cities with a slash: "BRUSSELS/MOSCOW".
_PLACE = r"(?P<place>(?!By\s)[A-Z][A-Za-z.'’\-]*(?:(?:[ \t]+|/)[A-Z][A-Za-z.'’\-]*){0,3})"
_MONTH = rf"(?i:{MONTH_RE})"
_DATE = rf"(?P<date>(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+(?:19|20)\d\d)?)"
_OUTLET = r"(?P<outlet>[A-Z][\w .&'’\-]{0,40}?)"
_DASH = r"(?:\s+-{1,2}\s+|\s*[–—]\s*)"

#: "MOSCOW, May 21 (RIA Novosti) - ", "WASHINGTON (Reuters) -", "PARIS, Jan 5 -" at the
#: start of a line (a headline may sit on the line right above),
#: "MOSCOW. Oct 5 (Interfax) -", "NEW DELHI, March 2 (ANI): ".
#: The state or country after the city: "ANKARA, Turkey (AP) —", "GUANGZHOU, China,
#: April 7, 2023 (AFP) -".
_REGION = rf"(?P<region>[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){{0,2}})[ \t]*\n?(?=[(/,]|{_DASH})"
#: Space inside a dateline: a hard-wrapped line may break it once, never at a blank line.
_SP = r"[ \t]*(?:\n[ \t]*)?"
_WIRE = re.compile(
    rf"(?:\A|(?<=\n))[ \t]*{_PLACE}{_SP}(?:,{_SP}{_REGION})?(?:[,.]{_SP}{_DATE}{_SP})?"
    rf"(?:[(/]{_OUTLET}[)/](?::[ \t]+)?)?(?P<sep>{_DASH}|(?<=:[ \t]))",
    re.MULTILINE,
)
#: "Moscow, 12 March, TASS." / "MOSCOW, March 12. /TASS/." (TASS's own style).
_AGENCY_LAST = re.compile(
    rf"(?:\A|(?<=\n))[ \t]*{_PLACE},\s*{_DATE}[.,]?\s*/?(?P<outlet>[A-Z][A-Za-z\-]+)/?\.\s*",
    re.MULTILINE,
)

_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|No))(?<!\bMrs)[.!?](?=\s|$)")
_RELATIVE = {"last year": -1, "this year": 0, "next year": 1, "a year ago": -1}
_STOP = frozenset(
    str.split("""the a an of in on at to and or for with by from as is was were be been that
    this which who its it his her their our we he she they last year years next ago
    since after before when while also more than during fall spring summer autumn winter
    s said says""")
)
_MAX_TITLE = 110


def outlet_name(raw: str) -> str | None:
    """The outlet's usual spelling, or None when ``raw`` does not look like an outlet."""
    key = re.sub(r"\s+", " ", raw.strip().strip("/").strip()).casefold()
    if key in OUTLETS:
        return OUTLETS[key]
    words = key.split()
    if 1 <= len(words) <= 4 and raw.strip()[:1].isupper():
        return raw.strip().strip("/").strip()
    return None


def place_name(raw: str) -> str:
    """ "KUALA LUMPUR" → "Kuala Lumpur"; mixed-case places are kept as written."""
    raw = raw.strip().rstrip(",")
    if raw.isupper():
        small = {"of", "the", "and", "de", "la", "al", "el"}
        words = raw.title().split()
        return " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))
    return raw


def _content_words(text: str) -> set[str]:
    return {
        w.casefold()
        for w in re.findall(r"[A-Za-z][A-Za-z\-]+", text)
        if w.casefold() not in _STOP and len(w) > 2
    }


def _sentence_around(text: str, i: int) -> str:
    start = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i)) + 1
    ends = [e for e in (text.find(". ", i), text.find("\n", i)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


def infer_year(body: str) -> int | None:
    """The year of the reported event, worked out from the body, or None.

    A relative phrase ("last year's OIC summit") is tied to an explicit mention of the
    same thing ("the OIC summit in Kuala Lumpur [Malaysia, fall 2003]") when the two
    sentences share a content word; the report's year is then that year plus the
    offset. With several candidates the best-supported one wins; ties give nothing.
    """
    dated = [
        (pos, year, _content_words(_sentence_around(body, pos))) for pos, year in years_in(body)
    ]
    if not dated:
        return None
    votes: dict[int, int] = {}
    for phrase, offset in _RELATIVE.items():
        for m in re.finditer(rf"\b{phrase}(?:'s|’s)?\b", body, re.IGNORECASE):
            words = _content_words(_sentence_around(body, m.start()))
            for _, year, other in dated:
                shared = len(words & other)
                if shared:
                    votes[year - offset] = votes.get(year - offset, 0) + shared
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


_STAMP_DATES = (
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)


def year_from_stamp(above: str, month: int, day: int) -> int | None:
    """The year of a publication stamp above the dateline that shows the same day.

    "Published: 21.03.2023 18:40" over "MOSCOW, March 21. /TASS/." dates the report
    2023-03-21. A stamp of another day is a page clock or an update time and says
    nothing about the meeting (the seed's "23 February 2019" over "May 21"), so only
    an exact month-and-day match lends its year.
    """
    above = above[-600:]
    years: set[int] = set()
    for pattern in _STAMP_DATES:
        for m in pattern.finditer(above):
            if (int(m.group("month")), int(m.group("day"))) == (month, day):
                years.add(int(m.group("year")))
    for line in above.splitlines():
        parsed = parse_date(line)
        if parsed and parsed[0] is not None and parsed[1:] == (month, day):
            years.add(parsed[0])
    return years.pop() if len(years) == 1 else None


_PAGE_DATE_LAG_DAYS = 7


def _year_from_page_date(page_date: str | None, month: int, day: int) -> int | None:
    """``page-date-year``: an HTML page's own publication date (its metadata, never a
    clock in the text) a few days after the dateline's ("Nov 7 (Reuters)" published
    2024-11-08) lends its year; a dateline in December published in January is the
    year before."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", page_date or "")
    if m is None:
        return None
    published = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for year in (published.year, published.year - 1):
        try:
            lag = (published - date(year, month, day)).days
        except ValueError:  # 29 February of a common year
            continue
        if 0 <= lag <= _PAGE_DATE_LAG_DAYS:
            return year
    return None


def lead_title(sentence: str, limit: int = _MAX_TITLE) -> str:
    """A one-line title from a lead sentence: trimmed of parentheses, cut at a clause.

    The lead of a wire report says who did what; its tail (where, with whom exactly)
    is what gets cut. Cutting happens at a comma or a preposition near the limit,
    never inside a word, and an ellipsis marks the cut.
    """
    s = re.sub(r"\s+", " ", sentence).strip()
    s = re.sub(r"\s*\([^()]{1,40}\)", "", s).strip()
    s = s.rstrip(".")
    if len(s) <= limit:
        return s
    cut = s[: limit + 1]
    for pattern in (r",\s", r"\s(?:in|at|on|with|from|for|of|to|after|during|and|but)\s"):
        starts = [m.start() for m in re.finditer(pattern, cut) if m.start() > limit // 2]
        if starts:
            return cut[: starts[-1]].rstrip(" ,;:") + "…"
    return cut[: cut.rfind(" ")].rstrip(" ,;:") + "…"


_BYLINE_START = re.compile(r"(?:By|From|Posted|Updated|Published|Reporting)\b")
#: A Guardian-style byline, the writer and where they file from ("Pjotr Sauer in
#: Moscow"); only set aside when a block above it can be the headline, for a headline
#: may read so too ("Blinken Arrives in Beijing").
_BYLINE_IN_PLACE = re.compile(
    r"[A-Z][\w’'\-]+(?: [A-Z][\w’'.\-]+){1,3} in [A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,2}$"
)


def _is_stamp(line: str) -> bool:
    """A date or time stamp line ("March 21, 2023 4:12 PM UTC", "21.03.2023 18:40")."""
    return len(line.split()) <= 12 and (
        parse_date(line) is not None
        or re.search(r"\d:\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}", line) is not None
    )


#: Marks a headline may open with ("'We will not be intimidated,' says Kishida"):
#: ``headline-quote``, the capital that makes it a headline comes after them.
_QUOTE_OPENERS = "'\"‘“«„"


def _page_headline(text: str, start: int, page_title: str | None) -> str | None:
    """``page-headline``: the page's own headline (its <h1>, else og:title) when it is a
    line above the dateline: a standfirst, a photo caption or a lead between it and the
    dateline ("According to the deputy foreign minister, …") is no headline."""
    if not page_title:
        return None
    key = " ".join(page_title.split()).casefold()
    above = text[max(0, start - 3000) : start]
    if any(" ".join(ln.split()).casefold() == key for ln in above.splitlines()):
        return page_title
    return None


def _headline_before(text: str, start: int) -> str | None:
    """A headline just above the dateline: short, capitalised, no final period.

    The headline is the last block of lines above the dateline once bylines ("By Guy
    Faulconbridge and\nLaurie Chen", wrapped or not) and date stamps are set aside; a
    headline wrapped over two or three lines is joined again.
    """
    blocks = [b.splitlines() for b in re.split(r"\n[ \t]*\n", text[max(0, start - 1500) : start])]
    while blocks:
        lines = [ln.strip() for ln in blocks.pop() if ln.strip()]
        if len(lines) == 1 and _BYLINE_IN_PLACE.match(lines[0]) and any(b for b in blocks):
            continue  # ``byline-place``: "Parisa Hafezi in Dubai" under the headline
        cut = next((k for k, ln in enumerate(lines) if _BYLINE_START.match(ln)), len(lines))
        lines = [ln for ln in lines[:cut] if not _is_stamp(ln)]
        if lines:
            break
    else:
        return None
    if len(lines) > 3:
        lines = lines[-1:]
    line = " ".join(lines)
    looks_like_headline = (
        3 <= len(line.split()) <= 20
        and line.lstrip(_QUOTE_OPENERS)[:1].isupper()
        and not line.endswith((".", ":"))
        and parse_date(line) is None
        and not re.search(r"\d:\d\d", line)
    )
    return line if looks_like_headline else None


def _line_start_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that only matches at a line's start.

    Both dateline patterns begin ``(?:\\A|(?<=\\n))``, but the engine still tries them
    at every character; matching at each line start (a look-behind sees the text
    before ``pos``) finds the same non-overlapping matches at a fraction of the cost.
    """
    pos = 0
    end = 0
    while pos <= len(text):
        if pos >= end:
            m = pattern.match(text, pos)
            if m is not None:
                yield m
                end = m.end()
        nl = text.find("\n", pos)
        if nl < 0:
            return
        pos = nl + 1


def find_dateline(text: str, window: int = 3000) -> re.Match[str] | None:
    """The dateline match in the first paragraphs of ``text``, if there is one.

    A dateline must carry an outlet or a date, or an all-caps place followed by a dash:
    a plain "Moscow:" inside a transcript is not one.
    """
    head = text[:window]
    candidates = []
    for pattern in (_AGENCY_LAST, _WIRE):
        for m in _line_start_matches(pattern, head):
            place = m.group("place")
            outlet = m.groupdict().get("outlet")
            if outlet and outlet_name(outlet) is None:
                continue
            own_paragraph = m.start() == 0 or head[max(0, m.start() - 2) : m.start()] == "\n\n"
            # after a single line break (a headline right above) only a dateline with an
            # outlet or a date counts: a wrapped line may start "NATO - led …"
            bare_place = own_paragraph and place.isupper() and len(place) > 2 and "." not in place
            if pattern is _WIRE and not (outlet or m.group("date") or bare_place):
                continue
            if pattern is _AGENCY_LAST and m.group("outlet").casefold() not in OUTLETS:
                continue
            if pattern is _WIRE and not m.group("sep") and (outlet or "").casefold() not in OUTLETS:
                continue  # "(ANI): " is a dateline, "Dmytro Kuleba (Via interpreter): " a label
            candidates.append(m)
            break
    return min(candidates, key=lambda m: m.start()) if candidates else None


def read_report_header(text: str, page: Page) -> Header | None:
    """A :class:`Header` when ``text`` opens like a news report (a dateline), else None."""
    m = find_dateline(text)
    if m is None:
        return None
    outlet = outlet_name(m.group("outlet")) if m.group("outlet") else None
    place = place_name(m.group("place"))
    region = m.groupdict().get("region")
    if region:
        place = f"{place}, {place_name(region)}"
    body_start = m.start() + (len(m.group()) - len(m.group().lstrip()))
    body = text[m.end() :]

    date: str | None = None
    inferred = False
    if m.group("date"):
        parsed = parse_date(m.group("date"))
        if parsed:
            year, month, day = parsed
            if year is None:
                # the page's own date and stamp too (``stamp-date``: furniture drops it)
                above = f"{text[: m.start()]}\n{page.date or ''}\n{stamp_date(page.text) or ''}"
                year = (
                    infer_year(body)
                    or year_from_stamp(above, month, day)
                    or _year_from_page_date(page.date, month, day)
                )
                inferred = year is not None
            date = iso_date(year, month, day)

    if date is None and page.date:
        date = page.date  # ``page-date``: "BEIJING (AP) —" dates nothing; the page does
    if date is None:
        date = stamp_date(page.text)  # ``stamp-date``: "Updated 10:15 AM EST, March 2, 2024"

    lead_end = _SENTENCE_END.search(body)
    lead = body[: lead_end.end()] if lead_end else body.split("\n", 1)[0]
    title = (
        _page_headline(text, body_start, page.title)
        or _headline_before(text, body_start)
        or lead_title(lead)
        or page.title
        or place
    )
    return Header(
        title=title,
        date=date,
        date_inferred=inferred,
        place=place,
        outlet=outlet,
        body_start=body_start,
    )
