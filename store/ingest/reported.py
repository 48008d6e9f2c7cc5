"""Reported (indirect) speech: ``X said that …``, ``X stressed …``, ``…, he said.``

Indirect speech has no quote marks, so the only evidence is a speech verb with a
subject that names someone. Four shapes are read:

* *leading*: ``SUBJECT VERB [adverbials] [that] CLAUSE`` — "Mr. Ivanov stressed the
  mutual interest of …", "The head of the delegation said that he hoped …". The remark is
  the clause after ``that`` when there is one, else everything from the verb on;
* *trailing*: ``CLAUSE, SUBJECT VERB.`` — "Talks will continue next week, he said."
* *relayed*: ``AGENCY quoted SUBJECT as saying [that] CLAUSE`` — the clause is the
  subject's, not the agency's;
* *sourced*: ``According to SUBJECT, CLAUSE`` / ``In his words, CLAUSE``.

Verbs of writing ("wrote on X", "posted on Telegram") report words only with a "that"
clause; whom someone "told" ("told reporters the summit …") and a source named after
the clause ("…, diplomatic sources said") are not part of the words; a clause followed
by ", X and Y told reporters." is read as trailing before any leading verb inside it.

Whether the subject really is a speaker is decided by the caller, which resolves the
phrase to a person or organisation; a phrase that names nobody yields no remark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.sieves import _SUBJECT, LEAD_CLAUSE, Sentence

#: Verbs of indirect speech. "called", "described", "asked" and "agreed" are left out:
#: without quote marks they more often report an action than words.
REPORT_VERBS = (
    r"said|says|stressed|stresses|noted|notes|added|told|underscored|underlined|"
    r"emphasi[sz]ed|emphasi[sz]es|stated|explained|insisted|argued|claimed|warned|announced|"
    r"declared|remarked|observed|recalled|asserted|affirmed|reaffirmed|reiterated|confirmed|"
    r"denied|acknowledged|admitted|assured|promised|pledged|vowed|urged|suggested|proposed|"
    r"replied|expressed|hoped|believes|pointed\s+out|voiced|highlighted|welcomed|condemned|"
    r"critici[sz]ed|praised|predicted|cautioned|complained|wrote|writes|posted|tweeted"
)
#: Verbs of writing report words only with a "that" clause: "posted a video" is no speech.
_WRITING = frozenset({"wrote", "writes", "posted", "tweeted"})
_VERB = re.compile(rf"\b(?:{REPORT_VERBS})\b")
_THAT = re.compile(r"^(?:[^,.;:\"“”«»]{0,60}?\s)?that\s+")
_SAYING = re.compile(r"said|says|added")
#: What may sit between "said" and a clause without "that": a time or a setting.
_SAY_BARE = re.compile(
    r"^(?:(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|earlier|later|in\s+a\s+statement|at\s+a\s+[\w\s]{1,30}?)(?:,\s*|\s+))?"
)
#: ``told-whom``: who was told, between "told" and a clause without "that" ("told
#: reporters the summit was a success"): not part of the reported words.
_TOLD_WHOM = re.compile(
    r"^(?:reporters|journalists|the\s+(?:press|media|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})|"
    r"him|her|them|us)\s+(?=[\w\"“«])"
)
#: ``tail-source``: a source named after the clause ("…, the sources said."), which the
#: clause's own subject did not say.
_TAIL_SOURCE = re.compile(
    r",\s+(?:the|a|an|diplomatic|informed|two|several)?\s*(?:[\w\-]+\s+){0,3}?"
    r"(?:sources?|officials?|reports?|media|outlets?)\s+(?:said|say|reported|report)\.?\s*$"
)
_ADVERBIAL = LEAD_CLAUSE  # "On Thursday, ", "For his part, ", "Asked about …, "
#: ``told-outlet``: whom a trailing attribution told may be a newsroom by its name
#: ("…, Sergey Ryabkov told TASS on Tuesday.", "told RIA Novosti").
_TRAILING = re.compile(
    rf",\s+(?P<subj>{_SUBJECT})\s+(?:{REPORT_VERBS})"
    r"(?:\s+(?:reporters|journalists|the\s+\w+(?:\s+\w+)?|him|her|them"
    r"|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}))?"
    r"(?:\s+(?:on|in|at)\s+[^.,;]{1,40})?\.?\s*$"
)



def _trailing(sent: str) -> re.Match[str] | None:
    """``trailing-last-comma``: the trailing attribution of ``sent``, its subject the
    words after the clause's *last* comma, so the clause keeps its own commas ("We are
    ready for talks, but not on those terms, Ryabkov told TASS."). When the verb follows
    a comma the subject closes an apposition and takes one segment more ("…, Dmitry
    Peskov, the Kremlin spokesman, told reporters."); with no comma before that, the
    sentence opens with its subject and has no trailing attribution."""
    found: list[re.Match[str]] = []
    for i in range(len(sent) - 1, -1, -1):
        if sent[i] == "," and (t := _TRAILING.match(sent, i)) is not None:
            found.append(t)
            if not t.group("subj").endswith(",") or len(found) == 2:
                return t
    return None


#: "… quoted X as saying (that) CLAUSE": the clause is X's, not the agency's.
_QUOTED_AS_SAYING = re.compile(
    r"\bquot(?:ed|es)\s+(?P<subj>[^\"“”«».;:!?]{1,90}?)\s+as\s+saying\s+(?:that\s+)?(?=\w)"
)


#: A sentence opened by its source: "According to Lavrov, …", "In his words, …" (TASS
#: and RIA Novosti report whole paragraphs of a speech this way).
_SOURCED = re.compile(
    r"\s*(?:According\s+to\s+(?P<subj>[^,;\"“”«»]{1,80}?)|In\s+the\s+words\s+of\s+"
    r"(?P<subj2>[^,;\"“”«»]{1,80}?)|In\s+(?P<own>his|her|their)\s+(?:own\s+)?words),\s+(?=\S)"
)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they"}


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported clause at ``text[start:end]`` and the phrase naming its speaker."""

    subject: str
    subject_start: int
    start: int
    end: int


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_reported(text: str, s: Sentence) -> Reported | None:
    """The reported speech of sentence ``s``, if it has that shape."""
    sent = text[s.start : s.end]
    if not sent.strip() or sent.lstrip()[:1] in "\"“«„‘'":
        return None
    sourced = _SOURCED.match(sent)
    if sourced is not None:  # "According to Lavrov, Moscow and Tehran will …"
        key = next(k for k in ("subj", "subj2", "own") if sourced.group(k))
        subject = _POSSESSIVE_PRONOUN.get(sourced.group(key), sourced.group(key))
        start = s.start + sourced.end()
        end = _trim_end(text, start, s.end)
        if end - start >= 12:
            return Reported(subject, s.start + sourced.start(key), start, end)
    lead = _ADVERBIAL.match(sent)
    offset = lead.end() if lead else 0
    quoted = _QUOTED_AS_SAYING.search(sent, offset)
    if quoted is not None:  # "Interfax quoted Ryabkov as saying that …": Ryabkov's words
        start = s.start + quoted.end()
        end = _trim_end(text, start, s.end)
        if end - start >= 12:
            return Reported(quoted.group("subj"), s.start + quoted.start("subj"), start, end)
    m = _VERB.search(sent, offset)
    t = _trailing(sent) if m is not None and "," in sent[offset : m.start()] else None
    if (
        t is not None
        and t.start("subj") < m.start()
        and t.start() > 12
        and not re.search(r"\bthat\b", sent[t.end("subj") :])
    ):
        m = None  # "The talks were useful, Lavrov and Wang told reporters.": trailing-first
    if m is not None:
        subj = sent[offset : m.start()].strip()
        words = subj.split()
        if subj and len(words) <= 25 and not re.search(r"[\"“”«»]", subj):
            after = sent[m.end() :]
            pad = len(after) - len(after.lstrip())
            that = _THAT.match(after.lstrip())
            bare = _SAY_BARE.match(after.lstrip()) if _SAYING.fullmatch(m.group()) else None
            if m.group() == "told" and that is None:
                bare = _TOLD_WHOM.match(after.lstrip())
            start: int | None
            if that is None and m.group() in _WRITING:
                start = None  # "wrote a letter", "posted a video": no words reported
            elif that is not None:
                start = s.start + m.end() + pad + that.end()
            elif bare is not None:
                start = s.start + m.end() + pad + bare.end()  # "said Friday his government …"
            else:
                start = s.start + m.start()
            end = _trim_end(text, start, s.end) if start is not None else 0
            source = _TAIL_SOURCE.search(text, max(start or 0, end - 80), end)
            if start is not None and source is not None:
                end = source.start()
            if start is not None and end - start >= 12:
                return Reported(subj, s.start + offset, start, end)
    t = _trailing(sent)
    if t is not None and t.start() > 12:
        end = _trim_end(text, s.start, s.start + t.start())
        return Reported(t.group("subj"), s.start + t.start("subj"), s.start + offset, end)
    return None
