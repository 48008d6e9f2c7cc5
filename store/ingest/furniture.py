"""Which lines of a scraped page are page furniture rather than the document.

A scraper keeps whatever the page showed around the article: the site's clock, share
buttons, comment widgets, language switchers, view counters, breadcrumbs. None of that
is a sentence. The rules here look for that *shape* instead of any site's exact
strings:

* a line made only of interface words ("Get short URL", "Comment via Facebook",
  "Advanced settings"), also when two widgets were glued together
  ("Community standardsDiscussion");
* a line of locale codes or language names ("de-DE1 en-GB1", "English | Русский");
* a page clock: a time with a time zone written together with a date
  ("14:10 GMT +323 February 2019");
* a bare counter ("0 01");
* a short line without sentence punctuation that the page repeats (a breadcrumb).

Lines that could be content are protected whatever they look like: anything ending in
sentence punctuation or a colon (greetings, speaker labels), section markers ("* * *"),
dates and times without a time zone (transcript headers), and everything between the
first and last paragraph of prose, where only unmistakable widgets are removed.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from store.ingest.dates import iso_date, parse_date

#: Words that appear on page chrome (buttons, widgets, menus) and rarely all together
#: in a line of prose. A line qualifies only when *every* word is in this set.
UI_WORDS = frozenset(
    str.split("""
    listen live watch play pause audio video photo photos gallery galleries image images
    get short url link links copy copied share shares shared print printable version pdf
    download comment comments commenting via facebook twitter x telegram whatsapp viber
    vk vkontakte odnoklassniki ok reddit linkedin pinterest tumblr instagram youtube
    sputnik email e-mail mail send subscribe subscription unsubscribe newsletter follow us
    rss feed feeds bookmark favourites favorites like likes tweet tweets retweet
    community standards discussion discussions rules reply replies report login log logout
    sign signin signup in up out register account profile my settings advanced additional
    materials material asset publisher portlet web content display navigation menu
    search home back to top next previous prev more read related tags tag topics topic
    categories category archive archives news latest popular most viewed
    views view counter cookie cookies accept privacy policy terms of use conditions
    contact contacts about sitemap site map skip main close open expand collapse toggle
    accessibility feedback faq faqs help disclaimer large medium small
    font size a+ a- text version mobile desktop full screen fullscreen language
    languages select choose edition editions all rights reserved copyright and the
    on our your to for with this
    page pages loading please wait show hide see also advertisement advertising ads ad
    sponsored partner partners content materials special projects project subscribe
    """)
)

#: Words that make a line a widget even in the middle of an article; weaker UI words
#: ("news", "live", "home") only count near the top or bottom of the page. A lone
#: "Share" button may sit under a headline that itself reads as prose ("Ukraine war:
#: Zelensky says …"), so no line above it is page edge: "share" is strong.
STRONG_UI = frozenset(
    str.split("""
    facebook twitter telegram whatsapp viber vkontakte odnoklassniki reddit linkedin
    pinterest tumblr instagram sputnik url rss newsletter subscribe unsubscribe cookie
    cookies portlet publisher login logout signup signin advertisement font share
    """)
)

LANGUAGE_NAMES = frozenset(
    str.split("""
    english русский russian français francais french deutsch german español espanol
    spanish italiano italian português portugues 中文 chinese 日本語 한국어 العربية arabic
    فارسی türkçe turkce українська беларуская қазақша oʻzbekcha o'zbekcha polski čeština
    eng rus fra deu esp ara chn рус англ en ru fr de es ar zh
    """)
)

_LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?\d*$")
_TIME = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_TZ = re.compile(r"(?:\b(?:GMT|UTC|MSK|CET|CEST|EET|EEST|BST|[ECMP][SD]T)\b|(?<!\w)[+-]\d)")
_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|\d{1,2}[./]\d{1,2}[./]\d{2,4}",
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_COUNTER = re.compile(r"^[\d\s.,:|/]+$")
_WORD = re.compile(r"[^\W\d_][\w'’+-]*|[A-Za-z][+-]")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_SENTENCE_END = re.compile(r"[.!?:;…”\"»][)\]]?\s*$")
_MARKER = re.compile(r"^[\W_]+$")  # "* * *", "<…>", "---": no letters or digits
_BULLET = re.compile(r"^\s*(?:[•·*\-–—|>]+\s*)")

#: "Read more: …", "See also: …": a link to another article, wherever it sits.
_LINK_PREFIX = re.compile(
    r"^(?:read\s+(?:more|also)|see\s+also|related(?:\s+(?:articles?|stories|news|content))?|"
    r"more\s+on\s+(?:this|the\s+topic)|also\s+read)\s*[:›»>|-]",
    re.IGNORECASE,
)
#: Labels of the metadata blocks under an article ("Tags: Russia, Iran").
_META_PREFIX = re.compile(
    r"^(?:tags?|keywords|topics|filed\s+under|categories|share\s+this)\s*:", re.IGNORECASE
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball\s+rights\s+reserved\b", re.I)
_CRUMB_SEP = re.compile(r"\s+[|›»>/•]\s+")

#: A line of at least this many words with sentence punctuation is prose.
_PROSE_WORDS = 8


def _words(line: str) -> list[str]:
    """The words of a line, with widgets that were glued together pulled apart."""
    return [w.casefold() for w in _WORD.findall(_GLUE.sub(" ", line))]


def _has_words(line: str, n: int) -> bool:
    """``len(_words(line)) >= n``, without folding (or even finding) every word of a
    long line."""
    if n <= 0:
        return True
    # Pulling glued words apart only adds words, so enough of them found without it in
    # the first hundred characters settles most lines of prose without the (slow,
    # zero-width) glue pattern.
    if next(islice(_WORD.finditer(line, 0, _SHORT_PREFIX), n - 1, None), None) is not None:
        return True
    # The words of a prefix are words of the line (the last one perhaps cut short), so
    # enough of them in the first few hundred characters settles a long line.
    if len(line) > _PREFIX and _at_least(line[:_PREFIX], n):
        return True
    return _at_least(line, n)


def _at_least(line: str, n: int) -> bool:
    return next(islice(_WORD.finditer(_GLUE.sub(" ", line)), n - 1, None), None) is not None


_PREFIX = 300
_SHORT_PREFIX = 100


_PROSE_MARK = re.compile(r"[.!?;,:]")


def is_prose(line: str) -> bool:
    """A line of running text: enough words and a sentence mark somewhere in it."""
    s = line.strip()
    return bool(_PROSE_MARK.search(s)) and _has_words(s, _PROSE_WORDS)


def is_protected(line: str) -> bool:
    """Lines that are content whatever else they look like."""
    s = line.strip()
    if not s or _MARKER.match(s):
        return True
    return bool(_SENTENCE_END.search(s) and not _COUNTER.match(s))


def is_ui_line(line: str, *, strong_only: bool) -> bool:
    """Only interface words (``strong_only``: and at least one unmistakable one)."""
    s = _BULLET.sub("", line.strip())
    # Every test below must pass, so the first word that is not an interface word ends
    # it: a line of prose stops at its first word instead of being read to the end.
    if len(s) > _UI_PREFIX:
        # The complete words of a prefix are words of the line: one that is not a
        # button's word settles it without gluing and scanning the whole line (nearly
        # every line of a document fails on its first word).
        head = _GLUE.sub(" ", s[:_UI_PREFIX])
        for k, m in enumerate(_WORD.finditer(head)):
            if m.end() >= len(head) - 1:
                break
            if k == 8 or m.group().casefold() not in UI_WORDS:
                return False
    words: list[str] = []
    for m in _WORD.finditer(_GLUE.sub(" ", s)):
        w = m.group().casefold()
        if w not in UI_WORDS or len(words) == 8:  # a button is never nine words
            return False
        words.append(w)
    if not words:
        return False
    if re.search(r"[.!?]\s", s):  # two sentences are never a button
        return False
    if strong_only:
        return any(w in STRONG_UI for w in words)
    return True


_UI_PREFIX = 60


def is_language_switcher(line: str) -> bool:
    """Locale codes ("de-DE1 en-GB1") or language names separated by bars/bullets."""
    s = _BULLET.sub("", line.strip())
    # No language name has a digit, "-" or "_", so each token is one kind or the other
    # and the first token of neither kind settles it (long lines stop at once).
    locale_like = names = 0
    for m in _SWITCH_TOKEN.finditer(s):
        t = m.group()
        if _LOCALE.match(t) and _LOCALE_MARK.search(t):
            locale_like += 1
        elif t.casefold() in LANGUAGE_NAMES:
            names += 1
        else:
            return False
    return locale_like >= 2 or names >= 2 or (locale_like >= 1 and names >= 1)


_SWITCH_TOKEN = re.compile(r"[^\s|/•·,]+")
_LOCALE_MARK = re.compile(r"[-_\d]")
assert not any(_LOCALE_MARK.search(name) for name in LANGUAGE_NAMES)


def is_page_clock(line: str) -> bool:
    """A time *with a time zone* and a date on one short line ("14:10 GMT +323 Feb 2019").

    Transcript headers write a time without a zone next to a date ("February 21, 2013,
    16:00") or a zone without a date ("12:10 P.M. EDT"); both stay.
    """
    s = line.strip()
    if len(s) > 60 or not _TIME.search(s) or not _TZ.search(s):
        return False
    return bool(_MONTH.search(s) and _YEAR.search(s))


def is_counter(line: str) -> bool:
    """Digits alone ("0 01", "1 234"): view and comment counters."""
    s = line.strip()
    return bool(s) and bool(_COUNTER.match(s)) and any(c.isdigit() for c in s) and len(s) <= 12


#: A photo's credit closing a line: "(AP Photo/Mark Schiefelbein)", "REUTERS/Adnan
#: Abidi", "Photograph: Sergei Bobylev/TASS", "Image caption, …" (BBC).
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|EPA)\s+Photo\b[^()\n]{0,60}\)"
    r"|\b(?:REUTERS|AFP|EPA(?:-EFE)?|ANADOLU|Getty Images)\s*/\s*[A-Z][^/\n]{1,50}"
    r"|\b(?:Photograph|Photo|Image|Picture)(?:\s+credit)?:\s*[A-Z][^\n]{1,60})\s*$"
)


def is_photo_caption(line: str) -> bool:
    """``photo-credit``: a line that closes on a photo's credit is a caption (the photo
    is gone): a quote or a name in it ("Lavrov speaks … REUTERS/Adnan Abidi") makes no
    remark and no participant. Only the line's end (or BBC's label) is looked at."""
    s = line.strip()
    if s.startswith(("Image source,", "Image caption,")):
        return True
    tail = s[-120:]
    # Every credit holds "Photo", "/" or ":"; most lines' ends hold none of them, and
    # ``in`` rules that out faster than the pattern's word-boundary scan.
    if "/" not in tail and ":" not in tail and "Photo" not in tail:
        return False
    return _PHOTO_CREDIT.search(tail) is not None


def is_link_line(line: str) -> bool:
    """ "Read more: Iran says oil output steady" — a teaser for another article."""
    s = line.strip()
    return bool(_LINK_PREFIX.match(s)) and len(s.split()) <= 16


def is_breadcrumb(line: str) -> bool:
    """ "Home | World | Politics": three or more short items between separators."""
    parts = _CRUMB_SEP.split(line.strip())
    return len(parts) >= 3 and all(
        0 < len(p.split()) <= 3 and not _SENTENCE_END.search(p) for p in parts
    )


def _is_trailer(s: str) -> bool:
    """A copyright line or a metadata block label ("Tags: …"), short."""
    return bool(_COPYRIGHT.search(s) or _META_PREFIX.match(s)) and len(s.split()) <= 20


_BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z]")


def _under_byline(lines: list[str], i: int) -> bool:
    """``byline-stamp``: a date and clock with a zone right under the writer's byline
    ("By Guy Faulconbridge" / "March 2, 2023 4:12 PM UTC") is when the article was
    published, not the site's clock: it stays for the header reader, which lends its
    year to a yearless dateline only when month and day agree."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and i - j <= 2 and bool(_BYLINE.match(lines[j]))


#: ``stamp-date``: a news page's stamp of when it was published or updated.
_PUBLICATION_STAMP = re.compile(r"^(?:Last\s+)?(?P<kind>Published|Posted|Updated|Modified)\b",
                                re.IGNORECASE)
_STAMP_LINES = 20  # how far down the page its stamp may stand
_STAMP_CHARS = 80


def stamp_date(text: str) -> str | None:
    """``stamp-date``: the ISO date of the page's own stamp among its header lines
    ("Updated 10:15 AM EST, March 2, 2024", "Published On 17 Feb 2024"), before its
    first line of prose; a "published" stamp wins over an "updated" one.

    With no byline right above it the stamp reads as the site's clock and is dropped
    from the text, yet it is when the article went out (an AP article updated the same
    day, as a rule): a header with no better date (no dated dateline, no page
    metadata) takes it, and a yearless dateline of the same day its year.
    """
    found: dict[bool, str] = {}
    for line in islice(text.splitlines(), _STAMP_LINES):
        s = line.strip()
        m = _PUBLICATION_STAMP.match(s)
        if m is not None and len(s) <= _STAMP_CHARS:
            parsed = parse_date(s)
            iso = iso_date(*parsed) if parsed and parsed[0] is not None else None
            if iso is not None:
                published = m.group("kind").casefold() in ("published", "posted")
                found.setdefault(published, iso)
        elif is_prose(s):
            break
    return found.get(True) or found.get(False)


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end incl. the newline) of the lines that are furniture."""
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln)
    prose = [i for i, ln in enumerate(lines) if is_prose(ln)]
    first_prose = prose[0] if prose else len(lines)
    last_prose = prose[-1] if prose else -1
    stripped = [ln.strip() for ln in lines]
    short_counts = Counter(
        s.casefold() for s in stripped if s and len(s) <= 60 and not is_protected(s)
    )

    drop = [False] * len(lines)
    repeated = [False] * len(lines)
    for i, s in enumerate(stripped):
        if not s:
            continue
        edge = i < first_prose or i > last_prose
        anywhere = (
            (is_page_clock(s) and not _under_byline(lines, i))
            or is_language_switcher(s)
            or is_ui_line(s, strong_only=True)
            or is_link_line(s)
            or is_photo_caption(s)
        )
        if anywhere or (edge and (_is_trailer(s) or is_breadcrumb(s))):
            drop[i] = True
        elif edge and not is_protected(s):
            drop[i] = is_ui_line(s, strong_only=False) or is_counter(s)
            repeated[i] = short_counts[s.casefold()] >= 2 and len(_words(s)) <= 6
    # A repeated short line is a breadcrumb only when it stands alone: a line wrapped
    # into the next one ("Benjamin" / "Netanyahu: Thank you") is part of a paragraph.
    for i, rep in enumerate(repeated):
        if rep and not drop[i]:
            drop[i] = all(
                0 <= j < len(lines) and (not lines[j].strip() or drop[j])
                for j in (i - 1, i + 1)
                if 0 <= j < len(lines)
            )
    return [(starts[i], starts[i] + len(ln)) for i, ln in enumerate(lines) if drop[i]]
