"""Quotes and reported speech in news reports, attributed to people.

The reading runs in three steps:

1. **Find**: quotations (:mod:`store.ingest.quote_spans`), sentences, and everyone the
   report introduces (:class:`store.ingest.mentions.Registry`). Hard-wrapped lines
   are read as spaces first (:func:`unwrap_lines`, offsets unchanged).
2. **Attribute**, sentence by sentence in reading order: the sentence-level sieves of
   :mod:`store.ingest.sieves` name a speaker phrase for each quotation and
   :mod:`store.ingest.reported` finds indirect speech; the phrase is resolved to a
   person by name, alias, description or, for pronouns, the discourse focus (the people
   most recently speaking or acting as a sentence's subject, skipping the other
   gender); to an institution or a country; to a document's issuer ("the statement
   said"); or to nobody on purpose (:func:`unnamed_source`: "a senior official,
   speaking on condition of anonymity", "the two sides"), which keeps the quotation
   with no speaker. "The ministry" with no ministry named before is nobody (the filing
   agency for "the agency"), and "the minister" is the untitled person in focus.
3. **Carry over and filter**: a quotation with no attribution of its own takes the
   speaker of the quotation it continues (``"…," he said. "…"``, multi-paragraph
   quotes, a quoted paragraph after someone's reported speech); short quoted terms
   that nobody is said to have said ("dirty bomb", a title, a term after "so-called"
   or an article) are scare quotes, not remarks — except a lone word that ends the
   clause of an attributed sentence ('turning the G20 into a "farce"') or that a
   judgement verb's subject used ('slammed the US for its "hegemonic" behavior').

Participants are the people (and institutions) who speak, every one of a joint subject
("Putin and Xi pledged", "The US secretary of state, Antony Blinken, and China's top
diplomat, Wang Yi, said"); people only mentioned are not. A dated report with
unlabelled Q&A excerpts is read here too (:func:`interview_in_report`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from store.ingest.document import Header, Reading
from store.ingest.mentions import (
    PREFIXED_SURNAME,
    Entity,
    Registry,
    Run,
    capital_runs,
    nationality_split,
    split_role_name,
)
from store.ingest.names import COUNTRIES, ORG_WORDS, PARTICLES, ROLE_WORDS
from store.ingest.newsrooms import NEWS_OUTLETS, is_outlet_label
from store.ingest.quote_spans import QuoteSpan, find_quotes, paragraphs
from store.ingest.report_header import OUTLET_HOMES, find_dateline
from store.ingest.reported import find_reported
from store.ingest.sieves import LEAD_CLAUSE, PRONOUNS, Sentence, attribute, sentences
from store.models import Person, Remark

_ORG_HEADS = ORG_WORDS | frozenset({"kremlin", "pentagon", "embassy", "ministry", "government"})
_PREPOSITIONS = frozenset(
    str.split("of with to by for from about on at in into against between among than like")
)
_TERM_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|so-called|called|"
    r"dubbed|termed|named|titled|entitled|labell?ed|known\s+as|referred\s+to\s+as|word|term|"
    r"phrase|slogan|motto|operation|campaign|project|programme|program|initiative)|[-‑])\s*$",
    re.IGNORECASE,
)
_HEAD_WORDS = ROLE_WORDS | PARTICLES | frozenset({"the", "and", "for"})
_TITLE_SMALL = frozenset(str.split("a an and the of in on at to for or but with by from"))
_CARRIED = frozenset({"chain", "continuation", "next_paragraph", "after_reported"})
#: Time words in the frame of a reported clause that put it on another occasion. A bare
#: present perfect ("Erdogan has said his country is ready") is news style for today's
#: words; "has repeatedly said" and the past perfect ("had said") are other occasions.
_PAST_SPEECH = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:earlier\s+this|in\s+the\s+past)\s+(?:year|month|week)?\b"
    r"|\b(?:(?:has|have)\s+(?:repeatedly|previously|already|long|often)\s+|had\s+"
    r"(?:repeatedly\s+|previously\s+|already\s+|long\s+|often\s+)?)"
    r"(?:said|stated|argued|warned|insisted|stressed|noted|claimed|called)\b"
    r"|\bin\s+(?:19|20)\d\d\b|\b(?:years?|months?|weeks?|days?)\s+ago\b",
    re.IGNORECASE,
)
_SHORT = 4  # quotations of at most this many words may be scare quotes
#: A verb of judgement right before the article: the quoted word is the judge's own.
#: The verb may take its object first and judge it "for"/"over" something ('slammed the
#: US for its "hegemonic" behaviour', 'thanked Russia for its "balanced position"').
_JUDGED = re.compile(
    r"\b(?:slammed|hailed|dismissed|rejected|condemned|welcomed|praised|critici[sz]ed|"
    r"denounced|decried|blasted|lauded|branded|thanked)"
    r"(?:\s+(?:[\w.’'\-]+\s+){1,3}(?:for|over))?\s+"
    r"(?:(?:the|a|an|this|its|their|his|her)\s+)?(?:[a-z\-]+\s+){0,2}$"
)
#: An attribution that withholds the speaker's name on purpose.
_ANONYMITY = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:declined|asked|requested)\s+not\s+"
    r"to\s+be\s+(?:named|identified)|(?:declined|refused)\s+to\s+be\s+(?:named|identified)|"
    r"did\s+not\s+want\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed\s+to\s+speak)",
    re.IGNORECASE,
)
#: Heads of phrases that stand for somebody the report does not name.
_UNNAMED_HEADS = frozenset(
    str.split("""source sources official officials diplomat diplomats insider insiders
    person people analyst analysts observer observers expert experts aide aides
    participant participants witness witnesses resident residents member members""")
)
#: A phrase naming a document rather than a speaker ("the statement", "a joint communiqué").
_DOCUMENT = re.compile(
    r"^(?:the|a|an|its|their)?\s*(?:joint\s+|written\s+|official\s+|brief\s+)?"
    r"(?:statement|communiqu[eé]|readout|press\s+release|release|announcement|declaration|"
    r"message|telegram|letter)$"
)
#: A document with its author: "a statement released by the Chinese Foreign Ministry",
#: "a readout from China's Foreign Ministry", "a Kremlin statement".
_DOCUMENT_BY = re.compile(
    r"^(?:(?:the|a|an)\s+(?:\w+\s+)?(?:statement|readout|communiqu[eé]|press\s+release|release)"
    r"\s+(?:\w+\s+)?(?:from|by|of|issued\s+by|released\s+by|published\s+by)\s+(?P<by>.+)"
    r"|(?:the|a|an)?\s*(?P<own>[A-Z].*?)(?:['’]s)?\s+(?:joint\s+|written\s+)?"
    r"(?:statement|readout|communiqu[eé]|press\s+release|message|telegram|letter))$"
)
_ISSUER_WINDOW = 1500
_WHO = r"(?:[Tt]he\s+)?[A-Z][\w.'’\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’\-]*){0,5}"
#: "X said in a statement", "X issued a statement", "a statement from/by X".
_ISSUED = re.compile(
    rf"(?P<who>{_WHO}|\b(?:the|its)\s+[a-z]+|\b(?:it|he|she|they))\s+(?:said|says|added|announced|"
    r"stressed|noted)\s+in\s+(?:a|an|its|the|his|her|their)\s+(?:\w+\s+)?statement"
    rf"|(?P<issuer>{_WHO}|\b(?:the|its)\s+[a-z]+)\s+(?:issued|released|published|put\s+out)\s+"
    r"(?:a|an|its)\s+(?:\w+\s+)?statement"
    rf"|\bstatement\s+(?:from|by|issued\s+by|released\s+by)\s+(?P<by>{_WHO}|the\s+[a-z]+)"
    rf"|(?P<sender>{_WHO}|\b[Tt]he\s+[a-z]+(?:\s+[a-z]+){{0,4}}?)\s+(?:also\s+)?"
    r"(?:sent|forwarded|addressed)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?"
    r"(?:message|greetings|telegram|letter)"
)
#: A sentence whose subject is a document ("The message reads, in part:").
_DOCUMENT_SUBJECT = re.compile(
    r"\s*(?P<doc>(?:The|This|That|His|Her|Its|Their)\s+(?:\w+\s+)?(?:message|telegram|letter|"
    r"statement|communiqu[eé]|readout|declaration))\s+(?:reads|read|said|says|states|stated)\b"
)
#: Several speakers at once ("the two sides said in a joint statement", "both leaders"):
#: the words are theirs together, so no one person is their speaker.
_COLLECTIVE = re.compile(
    r"(?i:the\s+)?(?i:two|three|both|all)\s+(?:of\s+the\s+)?[a-z]+"
    r"|(?i:the\s+)(?:sides|parties|leaders|ministers|presidents|delegations|countries)\b"
)
#: A participle clause that goes on with the same speaker's words; verbs of judgement
#: too ('…," Lavrov said, accusing the West of turning the G20 into a "farce"').
_ADDING = re.compile(
    r",\s*(?:and\s+)?(?:adding|saying|noting|stressing|insisting|warning|arguing|calling|"
    r"accusing|describing|dismissing|branding|slamming|criticising|criticizing|condemning|"
    r"denouncing|urging|praising|hailing|blaming|labell?ing)\b"
    r"(?:[^.!?\"“”«»\n]|\.(?!\s+[A-Z\"“«]))*$"  # "U.S." may sit in it; a sentence end not
)
#: A country (or its capital standing for its government) as the whole speaker phrase.
_COUNTRY_SPEAKER = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>"
    + "|".join(sorted((c.title() for c in COUNTRIES), key=len, reverse=True))
    + r"|United\s+States|United\s+Kingdom|European\s+Union|United\s+Nations|Saudi\s+Arabia"
    r"|South\s+Korea|North\s+Korea|U\.S\.|U\.K\.|EU|UN|U\.N\.|NATO)"
)
_INDEFINITE = frozenset(str.split("a an one two three several some other another many"))


@dataclass(slots=True)
class _Quote:
    span: QuoteSpan
    sentence: Sentence
    speaker: Entity | None = None
    sieve: str | None = None
    #: Attributed to someone the report leaves unnamed: kept, with no speaker.
    anonymous: bool = False


@dataclass(slots=True)
class _Reader:
    """The state of one reading: registry, focus, and what has been found so far."""

    text: str
    registry: Registry
    #: The outlet that filed the report (what "the agency" means when none is named).
    outlet: str | None = None
    focus: list[Entity] = field(default_factory=list)
    _line_runs: dict[int, list[Run]] = field(default_factory=dict)

    def _runs_backwards(self, at: int) -> Iterator[Run]:
        """``reversed(capital_runs(self.text[:at]))``, a line at a time.

        No token holds a newline and no run continues across one, so the runs of the
        text before ``at`` are the runs of each of its lines; reading the lines back
        from ``at`` (complete lines cached) keeps a long report from being re-read from
        its start for every unnamed "the ministry".
        """
        text = self.text
        start = text.rfind("\n", 0, at) + 1
        for run in reversed(capital_runs(text[start:at])):
            yield Run(run.start + start, run.end + start, run.text)
        while start > 0:
            end = start - 1  # the newline
            start = text.rfind("\n", 0, end) + 1
            runs = self._line_runs.get(start)
            if runs is None:
                runs = [
                    Run(r.start + start, r.end + start, r.text)
                    for r in capital_runs(text[start:end])
                ]
                self._line_runs[start] = runs
            yield from reversed(runs)

    # -- resolving a phrase to a speaker ----------------------------------------------
    def resolve(self, phrase: str, at: int) -> Entity | None:
        phrase = " ".join(phrase.split()).strip(" ,")
        if not phrase:
            return None
        low = phrase.casefold()
        if low in PRONOUNS:
            return self._pronoun(low)
        if " " not in phrase and phrase[:1].islower() and "-" in phrase:
            # ``particle-alone``: '"…," al-Ansari added': a surname with its particle in
            # lower case is no capital run, but the registry knows it
            known = self.registry.resolve_name(phrase)
            if known is not None and known.kind == "person":
                return known
        person = self._named(phrase, at)
        if person is not None:
            return person
        described = self.registry.resolve_description(phrase, at)
        if described is not None and not self._unnamed_since(low, described, at):
            return described
        person = self._named(phrase, at, introduce=True)
        if person is not None:
            return person
        if _DOCUMENT.match(low):
            return self._issuer(at)
        author = _DOCUMENT_BY.match(phrase)
        if author is not None:  # "a statement from the Chinese Foreign Ministry"
            return self.resolve(author.group("by") or author.group("own"), at)
        head = (re.split(r"\s(?:of|for|at|in|on|with)\s", low)[0].split() or [""])[-1]
        if head in ROLE_WORDS:
            return self._untitled_focus(low)  # "a spokesman for the ministry": unnamed
        return self._organisation(phrase, at)

    def _untitled_focus(self, phrase: str) -> Entity | None:
        """``definite-role-focus``: "the minister" for the person in focus with no title.

        "Russia's foreign minister has told the BBC …", "Mr Lavrov replied …", "The
        minister said …": the text never wrote the title beside the name, so no one
        holds the role; "the <role>" is then the person the text is about, when that
        person has no title of their own (never a president for "the minister").
        """
        words = phrase.split()
        if len(words) != 2 or words[0] != "the" or words[1] in _UNNAMED_HEADS:
            return None
        if words[1].startswith("spokes"):
            return None  # "A Kremlin spokesman said … The spokesman added": still unnamed
        for ent in reversed(self.focus):
            if ent.kind == "person":
                return ent if not ent.role else None
        return None

    def _unnamed_since(self, phrase: str, ent: Entity, at: int) -> bool:
        """Whether "the diplomat" means an unnamed one introduced after ``ent``.

        "A senior French diplomat, speaking on condition of anonymity, said …" then
        "the diplomat added": the description fits the named ambassador mentioned
        earlier, but the nearer antecedent is the unnamed one.
        """
        words = phrase.split()
        if len(words) < 2 or words[0] != "the" or words[-1] not in _UNNAMED_HEADS:
            return False
        since = max(ent.last_before(at), at - _ISSUER_WINDOW, 0)
        pattern = rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.\-]+\s+){{0,4}}?{re.escape(words[-1])}\b"
        return re.search(pattern, self.text[since:at]) is not None

    def _issuer(self, at: int) -> Entity | None:
        """Who issued "the statement" that a quotation is attributed to.

        '"…," the statement said' names a document, not a speaker; the speaker is
        whoever the report last said issued a statement ("The Kremlin issued a
        statement", "X said in a statement", "a statement from X"), looked for in the
        few paragraphs before (a bounded window: never the whole report).
        """
        window = self.text[max(0, at - _ISSUER_WINDOW) : at]
        found = list(_ISSUED.finditer(window))
        if not found:
            return None
        m = found[-1]
        who = m.group("by") or m.group("issuer") or m.group("sender") or m.group("who")
        if _DOCUMENT.match(who.casefold()):
            return None
        if who.casefold() in PRONOUNS:
            return self._pronoun(who.casefold())
        return self.resolve(who, at - len(window) + m.start())

    def named_in(self, phrase: str, at: int) -> Entity | None:
        """A person an unnamed-source phrase names after all ("a spokesman, John Kirby").

        Only a name counts: the phrase's description ("a source in the delegation") must
        not become an organisation or match somebody's role.
        """
        return self._named(phrase, at) or self._named(phrase, at, introduce=True)

    def conjoined(self, phrase: str, at: int, first: Entity) -> list[Entity]:
        """The other people of a subject that joins several with "and".

        "Russian President Vladimir Putin and Chinese President Xi Jinping pledged …":
        the remark goes to the first, but both speak, so both are participants.
        """
        if " and " not in phrase:
            return []
        people: list[Entity] = []
        runs = capital_runs(phrase)
        for prev, run in pairwise(runs):
            if phrase[prev.end : run.start] not in {" and ", ", ", ", and "}:
                break
            ent = self.registry.resolve_name(run.text)
            if ent is not None and ent.kind == "person" and ent is not first:
                people.append(ent)
        for ent in self._joined_parts(phrase, at):
            if ent is not first and ent not in people:
                people.append(ent)
        return people

    def _joined_parts(self, phrase: str, at: int) -> list[Entity]:
        """``joint-apposition``: the people of the parts after each "and" of a subject.

        "The US secretary of state, Antony Blinken, and China's top diplomat, Wang Yi,"
        or "Mr. Blinken and his Israeli counterpart": the runs are not joined by a bare
        "and", so each part is read as a speaker phrase of its own (a name, else a
        description); only people count, and a part that is a clause ("and agreed …")
        names nobody.
        """
        found: list[Entity] = []
        offset = 0
        for part in re.split(r",?\s+and\s+", phrase)[1:]:
            offset = phrase.find(part, offset)
            part = part.strip(" ,")
            if not part or (part[:1].islower() and not part.startswith(("his ", "her ", "the "))):
                continue
            ent = self._named(part, at + offset) or self.registry.resolve_description(
                part, at + offset
            )
            if ent is not None and ent.kind == "person":
                found.append(ent)
        return found

    def _pronoun(self, pronoun: str) -> Entity | None:
        if pronoun in {"we", "i", "they", "them"}:
            return None
        want_org = pronoun == "it"
        for ent in reversed(self.focus):
            if want_org != (ent.kind == "org"):
                continue
            if pronoun in {"he", "him"} and ent.gender == "f":
                continue
            if pronoun in {"she", "her"} and ent.gender == "m":
                continue
            return ent
        return None

    def _named(self, phrase: str, at: int, *, introduce: bool = False) -> Entity | None:
        """The first person named in ``phrase`` who is not an object of a preposition.

        With ``introduce``, a full name never seen before ("John Smith said") is taken
        as a new person.
        """
        for run in capital_runs(phrase):
            before = phrase[: run.start].split()
            if before and before[-1].casefold() in _PREPOSITIONS:
                continue
            if phrase[run.end : run.end + 2] in {"'s", "’s"} or run.text.endswith(("'s", "’s")):
                continue  # "Lavrov's spokeswoman Maria Zakharova": the owner is not the subject
            ent = self.registry.resolve_name(run.text)
            if ent is None and introduce and " " not in run.text:
                ent = self._earlier_full_name(run.text, at)
            if ent is None and introduce:
                role, name, affiliation = split_role_name(run.text)
                if _looks_like_full_name(name) and not _is_org(name):
                    ent = self.registry.person(name, at, role=role, affiliation=affiliation)
            if ent is not None and ent.kind == "person":
                return ent
        return None

    def _earlier_full_name(self, word: str, at: int) -> Entity | None:
        """``untitled-full-name``: "Xi said" after an untitled "Emmanuel Macron has told
        Xi Jinping …": the registry keeps only titled names, so a lone name that is the
        first or last word of a full name written before is that person (family name
        first or last). Only the lines before ``at`` are read, nearest first."""
        for k, run in enumerate(self._runs_backwards(at)):
            if k >= _EARLIER_NAME_RUNS:
                break
            role, name, affiliation = split_role_name(run.text)
            words = name.split()
            if (
                2 <= len(words) <= 4
                and word in (words[0], words[-1])
                and _looks_like_full_name(name)
                and not _is_org(name)
            ):
                return self.registry.person(name, at, role=role, affiliation=affiliation)
        return None

    def _organisation(self, phrase: str, at: int) -> Entity | None:
        words = _plain_words(phrase)
        country = _COUNTRY_SPEAKER.fullmatch(phrase)
        if country is not None:
            # "China said on Tuesday it firmly opposes …": the state speaks, like a ministry
            return self.registry.org(country.group("name"), at)
        if not any(w in _ORG_HEADS for w in words):
            return None
        national = re.match(r"(?:the\s+)?(?:country|nation)['’]s\s+(?P<body>.+)", phrase, re.I)
        if national is not None:
            return self._national_body(national.group("body"), at)
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        name = re.split(r"\s+(?:in|on|at)\s+a?\s*(?:statement|briefing|press)", name)[0]
        if name[:1].islower():
            # "the ministry": the latest organisation of that kind named before
            head = [w for w in words if w in _ORG_HEADS][-1]
            for run in self._runs_backwards(at):
                m = re.search(rf"^(?:The\s+)?(.*?\b{head}\b)", run.text, re.IGNORECASE)
                if m:
                    return self.registry.org(m.group(1), at)
            return self._unnamed_body(head, name, at)
        elif not nationality_split(name)[0]:
            # "the Foreign Ministry" after "The Russian Foreign Ministry called …": the
            # bare name is the qualified one the text used last
            for run in self._runs_backwards(at):
                bare = re.sub(r"^The\s+", "", run.text)
                if bare.endswith(" " + name) and nationality_split(bare) == (
                    bare[: -len(name) - 1],
                    name,
                ):
                    return self.registry.org(bare, at)
            home = self._home_body(name, at)
            if home is not None:
                return home
        return self.registry.org(name, at)

    def _unnamed_body(self, head: str, name: str, at: int) -> Entity | None:
        """``unnamed-body``: "the ministry" or "the agency" with no such body named before.

        Taken literally the phrase became an institution called "Ministry"; which one
        is meant cannot be told ("the foreign ministry" of which country?), so the
        quotation keeps no speaker. Only "the agency" in a report an agency filed
        ("MOSCOW, May 5. /TASS/") is the outlet itself.
        """
        if head == "agency" and self.outlet and name.casefold() == "agency":
            return self.registry.org(self.outlet, at)
        if len(name.split()) > 1:
            return self._home_body(name, at)  # "the foreign ministry" in a TASS dispatch
        return None

    def _home_body(self, name: str, at: int) -> Entity | None:
        """``outlet-home``: "the Foreign Ministry" with no country, in a national agency's
        dispatch, is that country's ("MOSCOW, May 5. /TASS/. The Foreign Ministry said").

        Elsewhere (Reuters, AP, a paper) which country's cannot be told: no speaker.
        """
        home = OUTLET_HOMES.get(self.outlet or "")
        if home is None:
            return None
        title = " ".join(w if w in _TITLE_SMALL else w[:1].upper() + w[1:] for w in name.split())
        return self.registry.org(f"{home}'s {title}", at)

    def _national_body(self, body: str, at: int) -> Entity | None:
        """ "the country's commerce ministry": that ministry of the country named last.

        Taken literally the phrase became an organisation called "Country's commerce
        ministry"; the country is the latest one the text names before.
        """
        for run in self._runs_backwards(at):
            country = _COUNTRY_SPEAKER.fullmatch(re.sub(r"['’]s$", "", run.text))
            if country is not None:
                title = " ".join(w if w in _TITLE_SMALL else w.capitalize() for w in body.split())
                return self.registry.org(f"{country.group('name')}'s {title}", at)
        return None

    # -- focus --------------------------------------------------------------------
    def attend(self, ent: Entity | None) -> None:
        if ent is None:
            return
        if ent in self.focus:
            self.focus.remove(ent)
        self.focus.append(ent)

    def subject_of(self, s: Sentence, quotes: list[QuoteSpan], skip_to: int = 0) -> Entity | None:
        """A person named at the head of a sentence, before its first verb-like word.

        ``quotes`` are the quotations that open in ``s`` (the head ends at the first).
        """
        start = max(s.start, skip_to)
        end = max(start, quotes[0].open) if quotes else s.end
        head = self.text[start : min(end, start + 160)]  # never copy a whole long line
        # ``lead-then-subject``: "In a rare interview in Moscow, Sergei Lavrov rejected …":
        # the opening clause's own words ("rare") must not end the head before the name
        lead = LEAD_CLAUSE.match(head)
        if lead is not None and lead.end() < len(head):
            head, start = head[lead.end() :], start + lead.end()
        words = re.finditer(r"\b[a-z]{3,}\b", head)
        stop = next((w for w in words if w.group() not in _HEAD_WORDS), None)
        head_part = head[: stop.start()] if stop else head
        m = re.match(
            r"(?:(?:On|In|At|After|Last|This|Earlier|Later)\b[^,]{0,30}?(?:,\s*|\s+(?=[A-Z])))?",
            head_part,
        )
        ent = self._named(head_part[m.end() if m else 0 :] or head_part, start)
        return ent


@lru_cache(maxsize=4096)
def unnamed_source(phrase: str, *, resolved: bool = False) -> bool:
    """Whether a speaker phrase stands for somebody the report does not name.

    "a senior official, speaking on condition of anonymity", "a source in the Russian
    delegation", "diplomats": the quotation is somebody's words, so it is kept (not a
    scare quote), but with no speaker, and never handed a neighbour's speaker. A
    definite "the official" is only unnamed when it resolved to nobody
    (``resolved=True`` says the caller already tried).
    """
    if _ANONYMITY.search(phrase) or _COLLECTIVE.match(phrase):
        return True
    words = _plain_words(phrase.split(",")[0])
    if not words:
        return False
    head = (re.split(r"\s(?:of|for|in|at|with|from|close|familiar|on)\s", " ".join(words))[0]
            .split() or [""])[-1]  # fmt: skip
    if words[0] in _INDEFINITE:
        return head in _UNNAMED_HEADS or head in ROLE_WORDS
    return resolved and (head in _UNNAMED_HEADS or head in ROLE_WORDS)


def _looks_like_full_name(name: str) -> bool:
    """Two or more capitalised words in mixed case, none of them an article or acronym."""
    words = [w for w in name.split() if w[:1].isupper() or PREFIXED_SURNAME.match(w)]
    return (
        len(words) >= 2
        and all(any(c.islower() for c in w) for w in words)
        and words[0].casefold() not in {"the", "a", "an", "this", "that"}
    )


def _is_org(phrase: str) -> bool:
    return any(w in _ORG_HEADS for w in _plain_words(phrase))


def _plain_words(phrase: str) -> list[str]:
    """Lower-case words without possessive endings or punctuation."""
    return [re.sub(r"['’]s$", "", w).strip(".,;:").casefold() for w in phrase.split()]


def _is_scare(text: str, q: _Quote) -> bool:
    """A short quoted term nobody is said to say, or a term after an article/"so-called"."""
    words = text[q.span.start : q.span.end].split()
    if len(words) > _SHORT:
        return False
    before = text[max(0, q.span.open - 40) : q.span.open]
    if q.sieve == "what_x_called":
        return False  # "what Putin called "a new era"": his words, not a term
    quoted = text[q.span.start : q.span.end]
    content = [w for w in words if w[:1].isalpha() and w.casefold() not in _TITLE_SMALL]
    if len(words) > 1 and all(w[:1].isupper() for w in content):
        return True  # a title: "Help Is Here", "War and Peace"
    if q.speaker is not None and _JUDGED.search(before):
        return False  # 'Zakharova slammed the "unfriendly" move': her word for it
    if _TERM_BEFORE.search(before):
        return not _closing_word(text, q, before)
    if q.speaker is None:
        return not q.anonymous  # an unnamed official's "candid and constructive" is kept
    if q.sieve in _CARRIED:
        # a carried-over speaker fits a sentence ("Nobody believes it."), not a phrase
        return not quoted.rstrip("\"”»’')").endswith((".", "!", "?", "…"))
    return False


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s*$", re.IGNORECASE)
_ONE_WORD = re.compile(r"[a-z][a-z\-]*[.!?]?")
_CLAUSE_END = re.compile(r"[.,;:!?)]|\s*\n|\s*$")


def _closing_word(text: str, q: _Quote, before: str) -> bool:
    """``closing-word``: 'Lavrov accused the West of turning the G20 into a "farce".'

    A lone lower-case word after "a"/"the" usually names a thing ("the "reset"
    policy"), but one that ends its clause in a sentence whose own speaker a sieve
    found is the speaker's verdict, quoted as their word. A word that goes on into a
    noun, or after "so-called", stays a scare quote.
    """
    if q.speaker is None or q.sieve is None or q.sieve in _CARRIED or q.span.close == -1:
        return False
    if not _ARTICLE_BEFORE.search(before):
        return False
    if not _ONE_WORD.fullmatch(text[q.span.start : q.span.end]):
        return False
    return _CLAUSE_END.match(text, q.span.close + 1) is not None


class _SpanIndex:
    """Quotations by where they open, so a sentence finds its own in O(log n).

    Scanning every quotation for every sentence made long reports quadratic.
    """

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        order = sorted(range(len(spans)), key=lambda i: spans[i].open)
        self.order = order
        self.opens = [spans[i].open for i in order]

    def within(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotations opening in ``[start, end)``, in their original order."""
        lo, hi = bisect_left(self.opens, start), bisect_left(self.opens, end)
        return [self.spans[i] for i in sorted(self.order[lo:hi])]


#: A line break inside a paragraph that only wraps a line: after a word or a comma,
#: before more text. Not after a sentence end, a colon or a quote mark, where a break
#: may mean something (a heading, "the following:", a quoted paragraph).
_WRAP = re.compile(r"(?<=[^\s.!?:;\"“”«»])\n(?=[^\s\"“”«»])")


def unwrap_lines(text: str) -> str:
    """``text`` with wrapping line breaks read as spaces, at the same offsets.

    Scraped and e-mailed wire copy is often hard-wrapped: "Russian President\nVladimir
    Putin" then read as two name runs, the role and the name apart, and the person
    never registered. The replacement keeps every offset, so remarks still point at the
    original text and quote it from there.
    """
    return _WRAP.sub(" ", text) if "\n" in text else text


def find_report_remarks(text: str, header: Header) -> Reading:
    """Quotes and reported speech of a news report, with the people who speak."""
    original, text = text, unwrap_lines(text)
    body = header.body_start
    dateline = find_dateline(text)
    lead_end = dateline.end() if dateline is not None else body
    spans = [q for q in find_quotes(text) if q.open >= body]
    sents = [s for s in sentences(text, spans) if s.end > body]
    registry = Registry()
    for person in header.people:  # people the title names ("… with Tony Blair")
        ent = registry.person(
            person.name, min(body, 0), role=person.role, affiliation=person.affiliation
        )
        for alias in person.aliases:
            ent.add_alias(alias)
    registry.scan(text)  # the title names people too
    reader = _Reader(text, registry, header.outlet)

    quotes: list[_Quote] = []
    reported: list[tuple[Entity, int, int]] = []
    co_speakers: list[Entity] = []  # the others of "X and Y said"
    actors: list[tuple[Sentence, Entity | None]] = []  # who speaks or acts, by sentence
    index = _SpanIndex(spans)
    for s in sents:
        in_sentence = index.within(s.start, s.end)
        spoke: list[Entity] = []
        for span in in_sentence:
            q = _Quote(span, s)
            att = attribute(text, span, s)
            if att is not None and unnamed_source(att.phrase):
                # "a Kremlin spokesman, Dmitry Peskov," still names him
                q.speaker = reader.named_in(att.phrase, att.start)
                q.anonymous = q.speaker is None
                q.sieve = att.sieve if q.speaker is not None else None
            elif att is not None:
                q.speaker = reader.resolve(att.phrase, att.start)
                q.sieve = att.sieve if q.speaker is not None else None
                q.anonymous = q.speaker is None and unnamed_source(att.phrase, resolved=True)
                if q.speaker is not None:
                    co_speakers.extend(reader.conjoined(att.phrase, att.start, q.speaker))
            quotes.append(q)
            if q.speaker is not None:
                spoke.append(q.speaker)
        rep = (
            None
            if _headline_line(text, s)
            else find_reported(text, Sentence(max(s.start, lead_end), s.end))
        )
        if rep is not None:
            who = (
                reader.named_in(rep.subject, rep.subject_start)
                if unnamed_source(rep.subject)
                else reader.resolve(rep.subject, rep.subject_start)
            )
            covered = sum(
                max(0, min(q.end, rep.end) - max(q.start, rep.start)) for q in in_sentence
            )
            if rep.start > rep.subject_start:  # "X said last year that …"
                frame = text[max(s.start, lead_end) : rep.start]
            else:  # "…, X had said."
                frame = text[rep.subject_start : s.end]
            if who is not None and _PAST_SPEECH.search(frame):
                pass  # words from another occasion, not this meeting's
            elif who is not None and covered < 0.5 * (rep.end - rep.start):
                reported.append((who, rep.start, rep.end))
                spoke.append(who)
                co_speakers.extend(reader.conjoined(rep.subject, rep.subject_start, who))
        subject = reader.subject_of(s, in_sentence, skip_to=lead_end)
        reader.attend(subject)
        for ent in spoke:
            reader.attend(ent)
        actor = spoke[-1] if spoke else subject
        last = s.end
        while last > s.start and text[last - 1].isspace():
            last -= 1
        if actor is None and text[last - 1 : last] == ":":
            # "The message reads, in part:" ⏎ "“…”": the author of the message speaks
            doc = _DOCUMENT_SUBJECT.match(text, s.start, s.end)
            if doc is not None:  # its issuer, else who acted in the sentence before
                actor = reader.resolve(doc.group("doc"), s.start) or (
                    actors[-1][1] if actors else None
                )
        actors.append((s, actor))

    _introduced_by_colon(text, quotes, actors)
    _carry_over(text, quotes, reported)
    remarks: list[Remark] = []
    speakers: list[Entity] = []
    echoes = _headline_echoes(text, quotes) | _standfirst_quotes(text, quotes, reported)
    for k, q in enumerate(quotes):
        if (_is_scare(text, q) and q.span.chain == -1) or k in echoes:
            continue
        name = q.speaker.name if q.speaker else None
        remarks.append(
            Remark(name, "quote", original[q.span.start : q.span.end], q.span.start, q.span.end)
        )
        if q.speaker is not None:
            speakers.append(q.speaker)
    for who, start, end in reported:
        remarks.append(Remark(who.name, "reported", original[start:end], start, end))
        speakers.append(who)
    speakers.extend(co_speakers)
    remarks.sort(key=lambda r: (r.start, r.end))
    people = []
    for ent in dict.fromkeys(speakers):
        if _reports_on_it(text, ent):
            continue  # ``reporter-not-participant``: their words stay theirs
        people.append(
            Person(
                name=ent.name,
                role=ent.role,
                affiliation=ent.affiliation,
                aliases=_aliases_used(text, ent),
            )
        )
    return Reading(remarks=remarks, people=people)


#: ``reporter-not-participant``: how a report names a journalist of its own or another
#: newsroom: by a journalist's role ("Al Jazeera correspondent Hashem Ahelbarra"), as
#: filing from somewhere ("Rory Challands, reporting from Kyiv") or as a newsroom's
#: ("Al Jazeera's Hamdah Salhut", "Al Jazeera's senior political analyst Marwan …").
_JOURNALIST_ROLE = re.compile(r"\b(?:correspondent|reporter|journalist)s?\b", re.IGNORECASE)
_OUTLET_POSSESSIVE = re.compile(
    r"(?P<outlet>[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*){0,3})['’]s\s+"
    r"(?:(?!(?:with|of|to|on|for|from|about|by|in|at|and|the|an?)\b)[a-z][\w\-]*\s+){0,4}$"
)  # the words between are a title ("senior political analyst"), not "interview with"
_POSSESSIVE_REACH = 80


def _reports_on_it(text: str, ent: Entity) -> bool:
    """``reporter-not-participant``: a journalist reporting on the meeting takes no
    part in it. What a correspondent says ("Both sides are still far apart," Al
    Jazeera's Hamdah Salhut said) stays a quote of theirs, but they are not one of the
    meeting's participants, as a byline's writer is not."""
    if ent.kind != "person":
        return False
    if ent.role and _JOURNALIST_ROLE.search(ent.role):
        return True
    # The names are looked for as text, not made into patterns: a pattern per name
    # filled ``re``'s cache with patterns used once, each compiled anew.
    names = {ent.name, *(a for a in ent.aliases if a[:1].isupper())}
    for m in _REPORTING_FROM.finditer(text):  # "Rory Challands, reporting from Kyiv"
        if any(
            len(n) <= m.start()
            and text.startswith(n, m.start() - len(n))
            and _boundary(text, m.start() - len(n))
            for n in names
        ):
            return True
    name = ent.name
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if not (_boundary(text, at) and _boundary(text, end)):
            at = text.find(name, at + 1)
            continue
        p = _OUTLET_POSSESSIVE.search(text, max(0, at - _POSSESSIVE_REACH), at)
        if p is not None and (
            p["outlet"].casefold() in NEWS_OUTLETS or is_outlet_label(p["outlet"])
        ):
            return True
        at = text.find(name, end)
    return False


_REPORTING_FROM = re.compile(r",\s+reporting\s+from\b")


def _boundary(text: str, i: int) -> bool:
    """``\\b`` at ``i``: a word character on one side of it only."""
    before = i > 0 and _is_word_char(text[i - 1])
    after = i < len(text) and _is_word_char(text[i])
    return before != after


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``re``'s ``\\w`` matches in a str pattern


_HEADLINE_CHARS = 300


def _headline_line(text: str, s: Sentence) -> bool:
    """``headline-says``: a subheading or a live blog's post title, not reported speech.

    "Hakan Fidan says Türkiye will continue to support Palestinian cause" under the
    headline, "14:05 GMT – Zelenskyy says Ukraine needs more air defence" over a post:
    a paragraph of one short line that ends no sentence sums up what the body reports;
    the body's own sentence is the remark.
    """
    if s.end - s.start > _HEADLINE_CHARS:
        return False
    line = text[s.start : s.end].rstrip()
    end = s.start + len(line)
    # A closing mark ends a sentence only after its punctuation ('… he said."'); a
    # headline may end on a scare quote ("Qatar says talks at 'delicate stage'").
    if "\n" in line or line.rstrip("\"”’'").endswith((".", "!", "?", ":", ",")):
        return False
    alone = (s.start == 0 or text[s.start - 2 : s.start] == "\n\n") and (
        end == len(text) or text[end : end + 2] == "\n\n" or not text[end:].strip()
    )
    return alone and len(line.split()) <= 20


def _quote_key(words: str) -> str:
    return " ".join(re.findall(r"\w+", words.casefold()))


_STANDFIRST_SAYS = re.compile(r"\bsays\b")
_STANDFIRST_WORDS = 35
_STANDFIRST_REACH = 1200  # characters from the top of the text


def _standfirst_quotes(
    text: str, quotes: list[_Quote], reported: list[tuple[Entity, int, int]]
) -> set[int]:
    """``standfirst``: a quotation nobody is named for in the summary under a headline.

    'French president says EU must "protect itself" as …', 'Foreign ministry
    spokesman says negotiations "continue around the clock" …': a one-line paragraph
    in the headline's present tense ("says"), above every attributed remark of the
    body, sums up what the body reports; its quotation is no remark of its own, even
    when it describes its speaker ("Foreign ministry spokesman") whom the body then
    names. A quotation with a named speaker is kept.
    """
    firsts = [q.span.start for q in quotes if q.speaker is not None]
    firsts += [start for _, start, _ in reported]
    first = min(firsts, default=len(text))
    out: set[int] = set()
    for k, q in enumerate(quotes):
        if q.span.start >= min(first, _STANDFIRST_REACH):
            break  # a standfirst sits right under the headline, near the top
        if q.speaker is not None:
            continue
        a = text.rfind("\n", max(0, q.span.open - _HEADLINE_CHARS), q.span.open) + 1
        b = text.find("\n", q.span.start, q.span.start + _HEADLINE_CHARS)
        if (a == 0 and q.span.open > _HEADLINE_CHARS) or b == -1:
            continue
        line = text[a:b]
        if len(line.split()) <= _STANDFIRST_WORDS and _STANDFIRST_SAYS.search(
            text, a, q.span.open
        ):
            out.add(k)
    return out


def _headline_echoes(text: str, quotes: list[_Quote]) -> set[int]:
    """``headline-echo``: a quotation in a headline line that the body quotes again.

    A live blog's post title ("14:05 GMT – Zelenskyy: 'Every day without air defence
    costs lives'") or a subheading repeats words the post then quotes with their
    attribution; the headline's copy is no remark of its own. A headline line is a
    paragraph of one short line that ends no sentence outside its quotation.
    """
    later: dict[str, int] = {}
    for k, q in enumerate(quotes):
        later[_quote_key(text[q.span.start : q.span.end])] = k
    echoes: set[int] = set()
    for k, q in enumerate(quotes):
        if later.get(_quote_key(text[q.span.start : q.span.end]), k) == k:
            continue
        # a headline is short: look for its line ends nearby only (a long one-line
        # document must not be searched from every quotation)
        a = text.rfind("\n", max(0, q.span.open - _HEADLINE_CHARS), q.span.open) + 1
        b = text.find("\n", q.span.start, q.span.start + _HEADLINE_CHARS)
        b = len(text) if b == -1 and len(text) - q.span.start < _HEADLINE_CHARS else b
        if (a == 0 and q.span.open > _HEADLINE_CHARS) or b == -1:
            continue
        line = text[a:b].strip()
        blank_around = text[max(0, a - 2) : a].strip() == "" and text[b : b + 2].strip() == ""
        if blank_around and len(line.split()) <= 25 and not line.endswith((".", "!", "?")):
            echoes.add(k)
    return echoes


#: How many capital runs back ``untitled-full-name`` looks for a lone name's full form.
_EARLIER_NAME_RUNS = 200


def _aliases_used(text: str, ent: Entity) -> tuple[str, ...]:
    """The entity's aliases, without a family name the text never uses alone.

    Chinese, Korean and Vietnamese names put the family name first: "Xi Jinping" is
    "Xi" afterwards, and the last word ("Jinping") that every name gets as an alias is
    no name of his. It is dropped when the first word is used alone and the last word
    never stands outside the full name.
    """
    words = ent.name.split()
    if ent.kind != "person" or len(words) < 2 or words[0] not in ent.aliases:
        return tuple(ent.aliases)
    last = words[-1]
    alone = len(re.findall(rf"\b{re.escape(last)}\b", text))
    if alone > len(re.findall(rf"\b{re.escape(ent.name)}\b", text)):
        return tuple(ent.aliases)
    return tuple(a for a in ent.aliases if a != last)


def _introduced_by_colon(
    text: str, quotes: list[_Quote], actors: list[tuple[Sentence, Entity | None]]
) -> None:
    """A quotation opening a paragraph after one that ends in a colon.

    "… Mr Medvedev suggested discussing the following:" ⏎ "“I think that …”": the
    speaker is whoever speaks or acts in the sentence that ends with the colon.
    """
    for q in quotes:
        if q.speaker is not None:
            continue
        cut = q.span.open  # len(text[:open].rstrip()), without copying the text before
        while cut > 0 and text[cut - 1].isspace():
            cut -= 1
        if cut == 0 or text[cut - 1] != ":" or "\n" not in text[cut : q.span.open]:
            continue
        for s, actor in reversed(actors):
            if s.start < cut <= s.end + 1:
                if actor is not None:
                    q.speaker, q.sieve = actor, "colon_paragraph"
                break


def _carry_over(text: str, quotes: list[_Quote], reported: list[tuple[Entity, int, int]]) -> None:
    """Speakers for quotations with no attribution of their own.

    * the other pieces of a multi-paragraph quotation;
    * a quotation in the same paragraph right after an attributed one
      (``"…," he said. "…"``);
    * a paragraph that opens with a quotation right after a paragraph that ended with
      one by a known speaker, or with a known speaker's reported speech.
    """
    paras = paragraphs(text)
    para_starts = [a for a, _ in paras]

    def para_of(i: int) -> int:
        k = bisect_right(para_starts, i) - 1
        return k if k >= 0 and i < paras[k][1] else -1

    chains: dict[int, Entity] = {}
    for q in quotes:
        if q.span.chain != -1 and q.speaker is not None:
            chains.setdefault(q.span.chain, q.speaker)
    for q in quotes:
        if q.speaker is None and not q.anonymous and q.span.chain in chains:
            q.speaker, q.sieve = chains[q.span.chain], "chain"
    # "Lavrov said Moscow was ready for talks." ⏎ "“We are open to dialogue. …”": a
    # paragraph of quotation after a paragraph that ended in someone's reported speech
    ends: dict[int, Entity] = {}  # paragraph end → whose reported speech ends it
    for who, _, end in reported:
        k = para_of(end - 1)
        if k != -1 and not text[end : paras[k][1]].strip(' "”».'):
            ends[paras[k][1]] = who
    for q in quotes:
        if q.speaker is not None or q.anonymous:
            continue
        k = para_of(q.span.open)
        if k > 0 and q.span.open == paras[k][0] and paras[k - 1][1] in ends:
            q.speaker, q.sieve = ends[paras[k - 1][1]], "after_reported"
    for prev, q in pairwise(quotes):
        if q.speaker is not None or q.anonymous:
            continue
        same_para = para_of(prev.span.open) == para_of(q.span.open)
        between = text[(prev.span.close if prev.span.close != -1 else prev.span.end) : q.span.open]
        if prev.anonymous and same_para and len(between) < 200:
            q.anonymous = True  # '"…," a senior official said. "…"': still unnamed
            continue
        if prev.speaker is None:
            continue
        if same_para and len(between) < 200:
            # '"…," X said, adding that the policy was "not driven by politics"': the
            # participle clause is X speaking on, so even a short quotation is a remark
            sieve = "adding_clause" if _ADDING.search(between) else "continuation"
            q.speaker, q.sieve = prev.speaker, sieve
        elif para_of(q.span.open) == para_of(prev.span.open) + 1:
            a, _ = paras[para_of(q.span.open)]
            _, b = paras[para_of(prev.span.open)]
            if q.span.open == a and not text[prev.span.end : b].strip(' "”»,.').strip():
                q.speaker, q.sieve = prev.speaker, "next_paragraph"


def interview_in_report(text: str, header: Header, turns: Reading) -> Reading | None:
    """``interview-excerpts``: a news report with a Q&A in the middle.

    "Stubb told Reuters in an interview … Below are excerpts." ⏎ "Q: …" ⏎ "A: …" (or
    "Reuters: …" ⏎ "Stubb: …"): the turn reader finds the turns, and the report's own
    quotations around them were lost. When a dated report's answers come from one
    voice, unnamed or one the report itself quotes, the text is read as a report: the
    answers are that person's quotations (under the report's full name for them, else
    the person it quotes most) and the interviewer's questions are no remarks. None for
    a real transcript (several answering voices, or none the report's prose quotes).
    """
    answers = [r for r in turns.remarks if r.kind == "answer"]
    voices = {r.speaker for r in answers}
    if not answers or len(voices) > 1:
        return None
    report = find_report_remarks(text, header)
    spans = sorted((r.start, r.end) for r in turns.remarks)
    starts = [a for a, _ in spans]

    def in_turn(r: Remark) -> bool:
        k = bisect_right(starts, r.start) - 1
        return k >= 0 and r.start < spans[k][1]

    outside = [r for r in report.remarks if not in_turn(r)]
    counts: dict[str, int] = {}
    for r in outside:
        if r.speaker:
            counts[r.speaker] = counts.get(r.speaker, 0) + 1
    people = {p.name: p for p in report.people}
    (voice,) = voices
    if voice is not None:  # "Stubb:" is the report's "Alexander Stubb"
        last = voice.split()[-1].casefold()
        named = [n for n in counts if n.split()[-1].casefold() == last]
        main = named[0] if named else None
    else:
        main = max(counts, key=lambda name: counts[name], default=None)
    if main is None or main not in people:
        return None
    remarks = outside + [Remark(main, "quote", r.text, r.start, r.end) for r in answers]
    remarks.sort(key=lambda r: (r.start, r.end))
    speaking = {r.speaker for r in remarks}
    return Reading(remarks=remarks, people=[p for p in report.people if p.name in speaking])
