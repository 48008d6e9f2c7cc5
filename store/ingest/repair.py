"""Put back the spaces a scraper lost, and nothing else.

Scrapers that strip markup often glue words at tag boundaries: "Wemeetregularly",
"MrMadani", "countries,the", "201518:30". Every repair here is the *insertion of one
space*, which keeps the offset map trivial and the original characters untouched.

A wrong split damages a real word or a name, which is worse than leaving a glued pair,
so each rule is conservative:

* a token is only split when it is not itself a known word (``wordfreq``) and every
  part is a common word, with short parts held to a higher bar;
* bound prefixes ("anti", "inter", "non" …) and suffixes ("less", "able" …) are never
  cut off, so "antiterrorist" and "intercivilisational" stay whole;
* capitalised tokens are split only after a very common first word ("Wemeet…");
* camel joins ("VarvaraKaraulova") are split only when the joined form is unknown and
  neither part is a name prefix (Mc, Mac, De, Van …), so "McDonald", "iPhone", "YouTube",
  "PhD" stay;
* a missing space after punctuation is added between letters only, never in numbers,
  abbreviations ("U.S.", "e.g.", "a.m.") or addresses (URLs, e-mail).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from wordfreq import zipf_frequency

from store.ingest.dates import MONTH_RE

# The mark comes first and the letters before it are a look-behind over it: the same
# matches as "(?<=[a-z]{2})[,;:!?]", but the engine can skip to each mark instead of
# testing the look-behind at every character (five times faster).
_PUNCT_GLUE = re.compile(r"[,;:!?](?<=[a-z]{2}[,;:!?])(?=[A-Za-z]{2})")
_PERIOD_GLUE = re.compile(r"\.(?<=[a-z]{3}\.)(?=[A-Z][a-z]{2,})")
_CLOCK_GLUE = re.compile(
    rf"\b{MONTH_RE},?\s+(?P<year>(?:19|20)\d\d)(?=(?:[01]?\d|2[0-3]):[0-5]\d\b)", re.IGNORECASE
)
# Every _CLOCK_GLUE match holds a year glued to a clock; most texts have none, and
# looking for that first is much cheaper than trying the month names everywhere.
_YEAR_CLOCK = re.compile(r"(?:19|20)\d\d(?:[01]?\d|2[0-3]):[0-5]\d\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof"})
NAME_PREFIXES = frozenset(
    {"mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "del", "della", "des",
     "al", "el", "abu", "bin", "ibn", "o", "fitz", "ben", "dos", "das", "san", "st"}
)  # fmt: skip
BOUND_PREFIXES = frozenset(
    str.split("""be anti inter intra non pre post multi counter co re un sub super over under trans
    cross mis dis semi mid out bi tri mono poly pro pseudo neo geo eco euro macro micro
    mega ultra extra hyper infra para socio vice self ex de con com en em in im ir il
    auto bio tele photo hydro electro petro agro""")
)
BOUND_SUFFIXES = frozenset(
    str.split("""less able ible like ship wise ward wards ness ful hood dom land side ism ist
    ists ism isms ize ise ized ised ing ed er ers est ly ment ments tion sion ity ities
    age ages ence ance ous ive al ally ial ian ans""")
)

#: Below this Zipf frequency a lowercase token is treated as "not a known word".
UNKNOWN_ZIPF = 2.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


#: Closed-class words. A glued pair is only split when one of its parts is one of these
#: ("howthe", "tomake", "wassigned") or all parts are long common words
#: ("substantivediscussion"); two short content words ("fruit|fully", "spade|work") are
#: far more often a real compound or a rare word than scrape damage.
FUNCTION_WORDS = frozenset(
    str.split("""the a an and or but nor of to in on at by for with from into onto as is are was
    were been being has have had will would can could shall should may might must do does
    did not no we i you he she it they us them our their his her its my your me him this
    that these those how what which who whom whose when where why all any some each every
    so if than then there here also very more most such only just about after before
    over under between against during without within through""")
)
_LONG_PART = 7


def _part_ok(part: str) -> bool:
    n = len(part)
    if n == 1:
        return part in {"a", "i"}
    f = zipf(part)
    if n == 2:
        return part in FUNCTION_WORDS and f >= 5.0
    if n == 3:
        return f >= 4.0
    if n <= 6:
        return f >= 3.0
    return f >= 2.5


def _likelihood(parts: tuple[str, ...]) -> float:
    """log10 of the parts' joint probability as independent words (a unigram model)."""
    return sum(zipf(p) - 9.0 if zipf(p) > 0 else -12.0 for p in parts)


def _acceptable(parts: tuple[str, ...], whole: float) -> bool:
    if parts[0] in BOUND_PREFIXES or parts[-1] in BOUND_SUFFIXES:
        return False
    if not all(_part_ok(p) for p in parts):
        return False
    if not (any(p in FUNCTION_WORDS for p in parts) or all(len(p) >= _LONG_PART for p in parts)):
        return False
    return min(zipf(p) for p in parts) >= whole + 1.5


@lru_cache(maxsize=16384)
def split_glued(word: str) -> tuple[str, ...] | None:
    """The common words a glued lowercase ``word`` is made of, or None to leave it.

    ``word`` is lowercase letters only. Of all ways to cut it into two or three
    parts, the likeliest reading as a word sequence (unigram frequencies) is chosen
    first, and only then judged: if that reading breaks a rule the word is left
    alone, so a less likely split is never forced ("Putinheld" stays rather than
    becoming "Put in held").
    """
    if len(word) < 5 or zipf(word) >= UNKNOWN_ZIPF:
        return None
    n = len(word)
    candidates: list[tuple[str, ...]] = []
    for i in range(1, n):
        a, rest = word[:i], word[i:]
        candidates.append((a, rest))
        for j in range(1, len(rest)):
            candidates.append((a, rest[:j], rest[j:]))
    best = max(candidates, key=_likelihood)
    return best if _acceptable(best, zipf(word)) else None


def _split_token(core: str) -> list[int]:
    """Offsets inside ``core`` (letters only) where a space belongs."""
    if core.isupper() or len(core) < 4:
        return []
    cuts: list[int] = []
    if _CAMEL.search(core):
        if zipf(core.casefold()) >= UNKNOWN_ZIPF:
            return []
        bounds = [0, *[m.start() for m in _CAMEL.finditer(core)], len(core)]
        for k in range(1, len(bounds) - 1):
            left = core[bounds[k - 1] : bounds[k]]
            right = core[bounds[k] : bounds[k + 1]]
            lf = left.casefold()
            if lf in NAME_PREFIXES or len(right) < 3:
                continue
            if lf in HONORIFICS or (len(left) >= 3 and (left[0].isupper() or zipf(lf) >= 3.0)):
                cuts.append(bounds[k])
        if cuts:
            return cuts
        return []
    if core[0].isupper():
        if not core[1:].islower():
            return []
        parts = split_glued(core.casefold())
        if parts is None or zipf(parts[0]) < 5.5:
            return []
    elif core.islower():
        parts = split_glued(core)
        if parts is None:
            return []
    else:
        return []
    pos = 0
    for p in parts[:-1]:
        pos += len(p)
        cuts.append(pos)
    return cuts


# Only words of four letters or more can be cut (``_split_token``), so shorter ones are
# not even matched. The token patterns start at a token's first character: a match can
# only start there anyway, and trying every position inside each token made them
# quadratic in the token's length.
_WORD_IN_TEXT = re.compile(r"(?<![\w'’\-‐/_])[A-Za-z]{4,}(?![\w'’\-‐/_])")
_URL_TOKEN = re.compile(
    r"(?<!\S)\S*(?:://|www\.|@|\.(?:com|org|net|gov|ru|int|edu|html?|php)\b)\S*", re.I
)
_DIGIT_TOKEN = re.compile(r"(?<!\S)\S*\d\S*")


_FEW_GLUED = 40


@lru_cache(maxsize=65536)
def _cuts_for(core: str) -> tuple[int, ...]:
    return tuple(_split_token(core))


#: White-space tokens known to hold no word that :func:`_split_token` cuts; a cap keeps
#: a worker that imports millions of documents from growing without bound.
_PLAIN_TOKENS: set[str] = set()
_PLAIN_TOKENS_CAP = 200_000


def _glued_words(text: str) -> list[str]:
    """The distinct words of ``text`` that :func:`_cuts_for` cuts, in sorted order.

    The same words as ``_WORD_IN_TEXT.findall(text)`` filtered by ``_cuts_for``, found
    through white-space tokens instead: a word pattern's boundaries treat white space
    like the ends of a string, so the words of a text are the words of its tokens.
    ``str.split`` and one set difference against the tokens already judged plain cost
    a fifth of running the pattern over the text and looking up each of its words,
    and nearly every token of a document has been seen before (``the``, ``minister,``).
    """
    fresh = set(text.split()) - _PLAIN_TOKENS  # (walks the small set, not the cache)
    if not fresh:
        return []
    if len(_PLAIN_TOKENS) > _PLAIN_TOKENS_CAP:
        _PLAIN_TOKENS.clear()
    glued: set[str] = set()
    for token in fresh:
        cut = [w for w in _WORD_IN_TEXT.findall(token) if _cuts_for(w)]
        if cut:
            glued.update(cut)
        else:
            _PLAIN_TOKENS.add(token)
    return sorted(glued)


def space_insertions(text: str) -> list[int]:
    """Sorted offsets in ``text`` before which one space should be inserted."""
    skip: list[tuple[int, int]] = []
    found_skips = False

    def skipped(i: int) -> bool:
        # Addresses and numbers are only looked for once a cut needs the answer.
        nonlocal found_skips
        if not found_skips:
            skip.extend((m.start(), m.end()) for m in _URL_TOKEN.finditer(text))
            skip.extend((m.start(), m.end()) for m in _DIGIT_TOKEN.finditer(text))
            skip.sort()
            found_skips = True
        k = bisect_right(skip, (i, len(text) + 1)) - 1
        return k >= 0 and skip[k][0] <= i < skip[k][1]

    cuts: set[int] = set()
    if _YEAR_CLOCK.search(text):
        for m in _CLOCK_GLUE.finditer(text):
            cuts.add(m.end("year"))
    for m in _PUNCT_GLUE.finditer(text):
        if not skipped(m.start()):
            cuts.add(m.end())
    for m in _PERIOD_GLUE.finditer(text):
        word = re.search(r"(?<![\w.])[A-Za-z]+$", text[max(0, m.start() - 40) : m.start()])
        if word and zipf(word.group().casefold()) >= 3.0 and not skipped(m.start()):
            cuts.add(m.end())
    # Judge each distinct word once, then visit only the places of the few to cut.
    glued = _glued_words(text)
    if glued:
        # A pattern of the glued words finds them fast while they are few; past that,
        # trying every alternative at every position would be slower than a plain walk.
        where = _WORD_IN_TEXT
        if len(glued) <= _FEW_GLUED:
            alternatives = "|".join(re.escape(w) for w in glued)
            where = re.compile(rf"(?<![\w'’\-‐/_])(?:{alternatives})(?![\w'’\-‐/_])")
        for m in where.finditer(text):
            found = _cuts_for(m.group())
            if found and not skipped(m.start()):
                cuts.update(m.start() + c for c in found)
    return sorted(cuts)
