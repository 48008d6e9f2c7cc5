"""Quote attribution as an ordered list of small sieves (CoreNLP's quote-attribution idea).

Each sieve looks at one quotation in its sentence and either names the phrase that
introduces its speaker ("Mr. Ivanov", "he", "the head of the OIC delegation", "the
ministry") or passes. The first sieve that answers wins, so the most reliable patterns
come first:

1. :func:`dash_signature`     ``"…" – Name``
2. :func:`trailing_verb`      ``"…," he said`` / ``"…," said Mr. Ivanov, who …`` / ``"…."
   That was how Wang described it.`` / ``So said X.`` / ``Those were the words of X.``
3. :func:`quoted_as_saying`   ``quoted X as saying "…"``
4. :func:`according_to`       ``According to him, "…"``
5. :func:`colon_intro`        ``X told reporters: "…"``
6. :func:`as_x_put_it`        ``As the minister put it, "…"``, ``In his words, "…"``
7. :func:`what_x_called`      ``hailing what Putin called "a new era"``
8. :func:`leading_verb`       ``He expressed confidence that "…"``, ``described it as "…"``
9. :func:`according_to_after` ``"…," according to a statement from the ministry``

Sieves that need the other quotations (a split quote ``"…," he said. "…"``, a quote
continued over paragraphs) run afterwards in :mod:`store.ingest.quotes`. Turning the
phrase into a person (names, descriptions, pronouns) is also done there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from store.ingest.quote_spans import QuoteSpan

#: Verbs that introduce what someone said, as regex alternatives (past and present).
#: Verbs of judgement ("slammed", "hailed", "dismissed … as") and of courtesy ("thanked
#: … for") count too: in wire copy the quotation after them is the subject's own word.
SPEECH_VERBS = (
    r"said|says|say|stressed|stresses|noted|notes|added|adds|told|tells|underscored|"
    r"underlined|emphasi[sz]ed|emphasi[sz]es|stated|states|explained|insisted|argued|claimed|"
    r"warned|announced|declared|remarked|observed|recalled|asserted|affirmed|reaffirmed|"
    r"reiterated|confirmed|denied|acknowledged|admitted|conceded|assured|promised|pledged|"
    r"vowed|urged|suggested|proposed|commented|replied|responded|answered|wrote|writes|"
    r"continued|concluded|praised|described|called|expressed|hoped|believes|believed|"
    r"thinks|pointed\s+out|went\s+on|quipped|joked|complained|cautioned|predicted|tweeted|"
    r"highlighted|welcomed|condemned|critici[sz]ed|voiced|agreed|asked|recounted|testified|"
    r"accused|reads|read|slammed|blasted|dismissed|rejected|hailed|lauded|denounced|decried|"
    r"lamented|branded|characteri[sz]ed|deemed|insists|warns|urges|telling|thanked|"
    r"congratulated|reminded|demanded|appealed"
)
_VERB = rf"(?:{SPEECH_VERBS})"
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it", "we", "i"})
#: A speaker phrase: no quote marks or sentence punctuation, except the dots of
#: honorifics and initials ("Mr. Ivanov", "John F. Kennedy", "U.S. officials").
_SUBJECT = (
    r"[^\s\"“”«»,.;:!?](?:[^\"“”«».;:!?]|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\.|(?<=\b[A-Z])\.)"
    r"{0,90}?"
)
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|[A-Z])\.$"
)


#: Clauses that open a sentence before its subject: "On Thursday, ", "Speaking at a news
#: conference, ", "Asked whether …, ", "For his part, ", "Noting that …, ". A subject read
#: with them ("Asked whether the two men had shaken hands, the U.S. official") names
#: the wrong thing or nothing, so sieves and reported speech skip them.
LEAD_CLAUSE = re.compile(
    r"^(?:(?i:on|in|at|after|before|later|earlier|speaking|meanwhile|however|asked|answering|"
    r"responding|replying|commenting|referring|noting|addressing|separately|also|still|"
    r"for\s+(?:his|her|their|its)\s+part|when\s+asked|like|unlike|in\s+turn)\b"
    r"[^,\"“”«»\n]{0,150},\s+)+"
)

#: Words after which an inverted attribution's subject is over ("said X as he left").
_SUBJECT_END = r"\b(?:on|in|at|as|who|after|when|while|before|during|adding|noting|with)\b"


@dataclass(frozen=True, slots=True)
class Attribution:
    """The phrase naming a quotation's speaker, where it is, and which sieve found it."""

    phrase: str
    start: int
    sieve: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str, quotes: list[QuoteSpan]) -> list[Sentence]:
    """Sentence spans, never split inside a quotation.

    A sentence ends at ``.!?`` (or a closing quote right after one) followed by white
    space and a capital letter or an opening quote, unless the dot ends an abbreviation
    ("Mr.", "U.S.", "Jan."); paragraph breaks always end a sentence.
    """
    inside = bytearray(len(text))
    for q in quotes:
        end = q.close if q.close != -1 else q.end
        for i in range(q.open + 1, min(end, len(text))):
            inside[i] = 1
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(r"[.!?…]+[\"”»’']?(?=\s+[\"“«‘'A-Z0-9])|\n\s*\n", text):
        i = m.start()
        closes_quote = m.group()[-1] in "\"”»’'" and not inside[m.end() - 1]
        if inside[i] and not closes_quote and m.group()[0] != "\n":
            continue
        if m.group()[0] == ".":
            word = re.search(r"\S*$", text[start : i + 1])
            if word and _ABBREV.search(word.group()):
                continue
        out.append(Sentence(start, m.end()))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text)))
    return [Sentence(s.start + _lead(text, s), s.end) for s in out if text[s.start : s.end].strip()]


def _lead(text: str, s: Sentence) -> int:
    chunk = text[s.start : s.end]
    return len(chunk) - len(chunk.lstrip())


Sieve = Callable[[str, QuoteSpan, Sentence], Attribution | None]


def _after(q: QuoteSpan) -> int:
    return q.close + 1 if q.close != -1 else q.end


def dash_signature(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``"We will win." — John Smith`` (a signature after a dash)."""
    m = re.match(
        r"[ \t]*[-–—]+[ \t]*([A-Z][\w.'’\-]*"
        r"(?:[ \t]+(?:[A-Z][\w.'’\-]*|(?:of|the|for|bin|al|de|von)(?=[ \t]+[A-Z]))){0,7})",
        text[_after(q) : s.end + 80],
    )  # "— Secretary of State Antony Blinken": connectors inside a title are kept
    if m:
        return Attribution(m.group(1).strip(), _after(q) + m.start(1), "dash_signature")
    return None


def trailing_verb(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``"…," Mr. Ivanov said`` or inverted ``"…," said the minister``."""
    tail = text[_after(q) : max(s.end, _after(q))]
    if not tail.strip() and text[q.end - 1 : q.end] in "?!.":
        # '"…?" Churkin asked.' reads as two sentences; the attribution is the next one
        nxt = _NEXT_SENTENCE.match(text[_after(q) : _after(q) + 120])
        how = _HOW_X_PUT_IT.match(nxt.group()) if nxt else None
        if how is not None:
            key = next(k for k in ("subj", "of", "so") if how.group(k))
            return Attribution(how.group(key), _after(q) + how.start(key), "trailing_verb")
        tail = nxt.group() if nxt and re.search(rf"\b(?:{_VERB})\W*$", nxt.group()) else ""
    # TASS and RIA translations put a dash before the attribution: «…», — he said.
    m = re.match(rf"\s*,?\s*(?:[-–—]+\s*)?(?P<subj>{_SUBJECT})\s+(?:{_VERB})\b", tail)
    if m and (
        not re.search(r"\b(?:and|but|because|while)\b", m.group("subj"))
        or _JOINT_NAMES.fullmatch(m.group("subj"))  # '"…," Putin and Xi told reporters'
    ):
        return Attribution(m.group("subj"), _after(q) + m.start("subj"), "trailing_verb")
    m = re.match(
        rf"\s*,?\s*(?:[-–—]+\s*)?(?:{_VERB})\s+(?P<subj>{_SUBJECT})\s*(?:[,;:!?]|{_FULL_STOP}|$|"
        rf"{_SUBJECT_END})",
        tail,
    )
    if m:
        return Attribution(m.group("subj"), _after(q) + m.start("subj"), "trailing_verb")
    return None


#: A full stop that is no honorific's or initial's dot: '"…," said Mr. Blinken, who …'
#: read "Mr" as the subject when any dot ended it.
_FULL_STOP = r"\.(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\b[A-Z]\.)"

#: The short sentence after a quotation; an honorific's or initial's dot does not end it.
_NEXT_SENTENCE = re.compile(
    r"(?:[^.!?\"“”«»‘’\n]|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\.|(?<=\b[A-Z])\.){1,100}[.!?]"
)
#: ``how-x-put-it``: the sentence after a quotation that names whose words they were:
#: '"Partners, not rivals." That was how Wang described the relationship.', '"…."
#: Those were the words of Xi as he left.', '"…." So said the minister.'
_HOW_X_PUT_IT = re.compile(
    rf"\s*(?:(?:That|This|So|Such)\s+(?:is|was)\s+how\s+(?P<subj>{_SUBJECT})\s+"
    r"(?:described|describes|put|puts|summed|sums|characteri[sz]ed|defined|framed)\b"
    rf"|(?:Those|These|Such)\s+(?:were|are)\s+the\s+words\s+of\s+(?P<of>{_SUBJECT})"
    rf"\s*(?:[,;:!?]|{_FULL_STOP}|$|{_SUBJECT_END})"
    rf"|So\s+(?:said|says)\s+(?P<so>{_SUBJECT})\s*(?:[,;:!?]|{_FULL_STOP}|$|{_SUBJECT_END}))"
)


#: Two named speakers joined by "and" ("Putin and Xi", "Lavrov and his Turkish
#: counterpart"): a subject, not a clause that goes on after the quotation.
_JOINT_NAMES = re.compile(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4}\s+and\s+[\w.'’\- ]{2,60}")


#: The passive "X was quoted (by Interfax) as saying", before or after the quotation.
_QUOTED_PASSIVE = re.compile(
    rf"(?P<subj>{_SUBJECT})\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+"
    r"(?:by\s+[^\"“”«».;:!?]{1,60}?\s+)?as\s+say(?:ing|s)\b"
)
_QUOTED_PASSIVE_AFTER = re.compile(r"[\s,]*" + _QUOTED_PASSIVE.pattern)


def quoted_as_saying(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``… quoted X as saying "…"``, and the passive ``X was quoted as saying``.

    Russian agencies' stories are full of the passive after the quotation ('"…,"
    Ryabkov was quoted as saying by Interfax'), where "saying" is no speech verb of
    :func:`trailing_verb` and the subject would otherwise be lost.
    """
    head = text[s.start : q.open]
    if "quot" not in head and "quot" not in text[_after(q) : max(s.end, _after(q))]:
        return None  # the literal first: the subject patterns are costly to try everywhere
    tail = text[_after(q) : max(s.end, _after(q))]
    m = _QUOTED_PASSIVE_AFTER.match(tail)
    if m:
        return Attribution(m.group("subj"), _after(q) + m.start("subj"), "quoted_as_saying")
    near = max(s.start, q.open - 300)  # the passive sits just before its quotation
    passive = list(_QUOTED_PASSIVE.finditer(text, near, q.open)) if "quoted" in head else []
    if passive:
        m = passive[-1]
        return Attribution(m.group("subj"), m.start("subj"), "quoted_as_saying")
    found = list(
        re.finditer(r"\bquot(?:ed|es|ing)\s+(?P<subj>.{1,90}?)\s+as\s+say(?:ing|s)\b", head)
    )
    if found:
        m = found[-1]
        return Attribution(m.group("subj"), s.start + m.start("subj"), "quoted_as_saying")
    return None


def according_to(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``According to him, … "…"`` (the phrase closest before the quotation)."""
    head = text[s.start : q.open]
    found = list(re.finditer(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,\"“”«»]{1,80}?)\s*(?:,|$)", head))
    if found:
        m = found[-1]
        return Attribution(m.group("subj"), s.start + m.start("subj"), "according_to")
    return None


def colon_intro(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``The minister told reporters: "…"`` — a clause ending in a colon just before."""
    head = text[s.start : q.open]
    lead = LEAD_CLAUSE.match(head)
    m = re.compile(rf"(?P<subj>{_SUBJECT})\s+(?:{_VERB})\b[^\"“”«»:]*:\s*$").match(
        head, lead.end() if lead else 0
    )
    if m:
        return Attribution(m.group("subj"), s.start + m.start("subj"), "colon_intro")
    return None


def as_x_put_it(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``As the Iranian minister put it, «…»``, ``In the words of X, "…"``, ``In his words``.

    A framing clause before the quotation that names its speaker without a speech verb.
    """
    head = text[max(s.start, q.open - 200) : q.open]
    m = re.search(
        rf"\b(?:[Aa]s\s+(?P<subj>{_SUBJECT})\s+(?:put|puts|has\s+put)\s+it"
        rf"|[Ii]n\s+the\s+words\s+of\s+(?P<of>{_SUBJECT})"
        r"|[Ii]n\s+(?P<own>his|her|their|[A-Z][\w\-]*(?:['’]s|’))\s+(?:own\s+)?words)"
        r"\s*[,:]?\s*$",
        head,
    )
    if m is None:
        return None
    key = next(k for k in ("subj", "of", "own") if m.group(k))
    phrase = re.sub(r"['’]s?$", "", m.group(key))
    phrase = {"his": "he", "her": "she", "their": "they"}.get(phrase, phrase)
    return Attribution(phrase, q.open - len(head) + m.start(key), "as_x_put_it")


def what_x_called(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``hailing what Putin called "a new era"``: the words are the named person's.

    "called" before a short quotation usually marks a term ("a plan called …"), which
    the scare-quote filter drops; "what X called" instead credits X with the words, so
    this sieve answers first and its quotations are kept.
    """
    head = text[max(s.start, q.open - 120) : q.open]
    m = re.search(
        rf"\bwhat\s+(?P<subj>{_SUBJECT})\s+(?:has\s+|had\s+)?"
        r"(?:called|calls|described\s+as|describes\s+as|termed|dubbed|referred\s+to\s+as)\s*$",
        head,
    )
    if m:
        start = q.open - len(head) + m.start("subj")
        return Attribution(m.group("subj"), start, "what_x_called")
    return None


def leading_verb(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """The sentence's subject when a speech verb comes between it and the quotation.

    Covers ``He expressed confidence that "…"``, ``X said that he hoped for "…"``,
    ``He praised the speech and described it as "…"`` and ``X said that … they
    discussed "…"``.
    """
    head = text[s.start : q.open]
    lead = LEAD_CLAUSE.match(head)  # "On Thursday, ", "Asked whether …, "
    offset = lead.end() if lead else 0
    m = re.compile(rf"(?P<verb>\b(?:{_VERB})\b)").search(head, offset)
    if not m:
        return None
    subj = head[offset : m.start()].strip()
    if not subj or len(subj.split()) > 25 or re.search(r"[\"“”«»]", subj):
        return None
    return Attribution(subj, s.start + offset, "leading_verb")


def according_to_after(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """``China is ready to "…," according to a statement from the foreign ministry``.

    The source named after the quotation, tried last: a sentence with its own speaking
    subject ("Wang told Blinken that … "…," according to a statement") keeps that
    subject, whose words the document only relays.
    """
    tail = text[_after(q) : max(s.end, _after(q))]
    m = re.match(r"[\s,]*according\s+to\s+(?P<subj>[^,;\"“”«»]{1,100}?)\s*(?:[,;.]|$)", tail)
    if m:
        return Attribution(m.group("subj"), _after(q) + m.start("subj"), "according_to_after")
    return None


#: The sentence-level sieves, in the order they are tried.
SIEVES: tuple[Sieve, ...] = (
    dash_signature,
    trailing_verb,
    quoted_as_saying,
    according_to,
    colon_intro,
    as_x_put_it,
    what_x_called,
    leading_verb,
    according_to_after,
)


def attribute(text: str, q: QuoteSpan, s: Sentence) -> Attribution | None:
    """The first answer of :data:`SIEVES` for quotation ``q`` in sentence ``s``."""
    for sieve in SIEVES:
        found = sieve(text, q, s)
        if found is not None:
            return found
    return None
