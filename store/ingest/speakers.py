"""Speaker labels → one canonical :class:`Person` per speaker within a meeting.

One record calls the same man "President of Russia Vladimir Putin", "Vladimir Putin",
"V.Putin", "PRESIDENT PUTIN" and "THE PRESIDENT". :class:`SpeakerBook` starts from the
people the title names, then reads every label of the meeting once: a label with a
personal name joins the person with the same surname (or, for "PRESIDENT SAMIA", the
person one of whose names it is); a label with only a role ("THE VICE PRESIDENT") joins
the one person holding that role. The canonical name is the fullest personal name seen;
every label as written stays among the aliases, because other records (and gold
readings) refer to a speaker by the full label.

Journalists' labels ("Question", "Q", "Вопрос", "Remark", a newsroom such as "CCTV" or
"Kyodo News", a numbered "Speaker 1") are not people: they resolve to ``None`` and
their turns are questions. "Official Spokesperson, Shri Arindam Bagchi" and "Shri
Randhir Jaiswal, Official Spokesperson" are read as office and name (``comma-label``);
"Spokesman" and "Spokesperson" are one office when a role-only label finds its holder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from store.ingest.names import (
    COUNTRIES,
    DEMONYMS,
    ORG_WORDS,
    ROLE_WORDS,
    family_name_first,
    is_name_word,
    split_role_name,
    surname,
)
from store.ingest.newsrooms import is_outlet_label
from store.models import Person

# Labels that stand for an unnamed voice from the floor.
QUESTION_LABELS = frozenset(
    [
        "q", "question", "questions", "remark", "comment", "journalist", "reporter",
        "audience member", "audience", "voice", "voices", "off-mic",
        "вопрос", "реплика", "журналист", "вопрос из зала", "реплика из зала",
        "follow-up", "follow up", "followup", "supplementary question",
        "correspondent", "correspondents",
    ]
)  # fmt: skip
# Roles whose holders ask rather than answer.
QUESTIONER_ROLES = re.compile(
    r"\b(?:journalist|correspondent|reporter|anchor|interviewer|host|editor|columnist|"
    r"audience)\b",
    re.IGNORECASE,
)
_NOTE = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    """The label without a trailing note ("(retranslated)") or extra white space, a
    comma-split label read as role then name (:func:`comma_label`).

    Cached: the turn reader asks about the same few labels over a hundred times per
    document, and a speaker's label recurs across the documents of one outlet.
    """
    return comma_label(_without_note(" ".join(label.split())).strip(" :."))


def _without_note(label: str) -> str:
    """``_NOTE.sub("", label)``; a note closes on ")", which most labels lack, and the
    pattern's leading white space is tried at every character."""
    return _NOTE.sub("", label) if ")" in label else label


def comma_label(label: str) -> str:
    """``comma-label``: "Official Spokesperson, Shri Arindam Bagchi" and "Shri Randhir
    Jaiswal, Official Spokesperson" are "Official Spokesperson Shri Arindam Bagchi".

    India's Ministry of External Affairs sets office and name apart with a comma, in
    either order. One comma between an office alone and a name alone is read so; any
    other comma leaves the label as it is (and the label-shape test refuses it).
    """
    left, sep, right = label.partition(",")
    if not sep or "," in right or not left.strip() or not right.strip():
        return label
    left, right = left.strip(), right.strip()
    outlet = label_outlet(label)
    if outlet is not None:
        return right if outlet == left else left
    l_role, l_name, _ = split_role_name(left)
    r_role, r_name, _ = split_role_name(right)
    if l_role and not l_name and r_name and not r_role:
        return f"{left} {right}"
    if r_role and not r_name and l_name and not l_role:
        return f"{right} {left}"
    return label


def label_outlet(label: str) -> str | None:
    """``outlet-comma-name``: "Nippon TV, Takeda" or "Takeda, Nippon TV": a journalist
    named with the newsroom; returns the newsroom (the label's speaker is the name)."""
    left, sep, right = label.partition(",")
    if not sep or "," in right:
        return None
    left, right = left.strip(" :"), right.strip(" :")
    for outlet, other in ((left, right), (right, left)):
        if is_outlet_label(outlet) and other and not is_outlet_label(other):
            role, name, _ = split_role_name(other)
            if name and not role:
                return outlet
    return None


# ``numbered-asker``: transcribers number the journalists they could not name
# ("Speaker 1:", "Speaker 2:" in India's briefings, "Journalist 3:").
_NUMBERED_ASKER = re.compile(r"^(?:speaker|journalist|reporter|questioner)\s+\d{1,2}$")


def is_question_label(label: str) -> bool:
    """True for "Question", "Q", "Question (retranslated)", "Вопрос": an unnamed journalist.

    A numbered voice ("Speaker 1", ``numbered-asker``) and a newsroom's name ("CCTV",
    "Kyodo News", ``outlet-label``) stand for an unnamed journalist too.
    """
    core = normalise_label(label)
    key = core.casefold()
    return key in QUESTION_LABELS or bool(_NUMBERED_ASKER.match(key)) or is_outlet_label(core)


_CONNECTING = frozenset(["of", "the", "for", "to", "and", "on", "in", "at", "y", "e", "&"])


def is_heading_label(label: str) -> bool:
    """``bold-heading``: a label-shaped run that names neither a person nor a role.

    Pages set topic headings in bold as they set speakers ("Russia-Africa Summit:",
    "Answers to media questions:", "Ukraine crisis update:"), and a heading that ends
    in a colon reads like a label. A speaker label holds a personal name ("Maria
    Zakharova"), a role word ("Moderator") or a journalist's word ("Question", "Voice
    from the audience"), and no lower-case words but connectors and name particles
    ("President of Egypt Abdel Fattah el-Sisi"); a heading fails one of these.
    """
    core = _without_note(" ".join(label.split())).strip(" :")
    if not core or is_question_label(core):
        return False
    words = core.split()
    if words[0].casefold() in QUESTION_LABELS:
        return False  # "Voice from the audience", "Remark from the floor"
    bare = [w.strip("()[]«»\"“”'‘’,.;") for w in words]
    if any(w and not is_name_word(w) and w.casefold() not in _CONNECTING for w in bare):
        return True
    role, name, _ = split_role_name(core)
    if name:
        return False
    return not any(w.strip(".,’'").casefold() in ROLE_WORDS for w in (role or core).split())


@dataclass(slots=True)
class _Record:
    name: str
    role: str | None
    affiliation: str | None
    aliases: list[str] = field(default_factory=list)
    from_title: bool = False
    personal: bool = True  # False when the name is only a role ("Moderator")

    def tokens(self) -> list[str]:
        return [t.casefold() for t in self.name.replace(".", ". ").split()]

    def surname_key(self) -> str:
        return surname(self.name).casefold() if self.personal else ""

    def person(self) -> Person:
        aliases = [a for a in dict.fromkeys(self.aliases) if a and a != self.name]
        if self.personal:
            last = surname(self.name)
            if last and last != self.name and last not in aliases:
                aliases.append(last)
        return Person(
            name=self.name, role=self.role, affiliation=self.affiliation, aliases=tuple(aliases)
        )


def _other_given_name(known: str, name: str) -> bool:
    """``shared-family-name``: "Wang Yi" is not "Wang Wenbin". Chinese and Korean
    family names are shared by many (a briefing may quote Wang Wenbin and Wang Yi), so
    two full names written family name first that differ are two people."""
    return (
        known.casefold() != name.casefold()
        and family_name_first(known) is not None
        and family_name_first(name) is not None
    )


class SpeakerBook:
    """The speakers of one meeting, built from the title's people and every label."""

    def __init__(self, title_people: tuple[Person, ...] | list[Person] = ()) -> None:
        self._records: list[_Record] = []
        self._by_label: dict[str, _Record | None] = {}
        for p in title_people:
            self._records.append(
                _Record(
                    name=p.name,
                    role=p.role,
                    affiliation=p.affiliation,
                    aliases=list(p.aliases),
                    from_title=True,
                )
            )

    # -- building ---------------------------------------------------------------------
    def add(self, label: str) -> None:
        """Read one label (in order of first appearance) into the book."""
        key = normalise_label(label)
        if key.casefold() in self._by_label:
            self._by_label.setdefault(label.casefold(), self._by_label[key.casefold()])
            return
        if is_question_label(key):
            self._by_label[key.casefold()] = None
            return
        role, name, affiliation = split_role_name(key)
        role, name = numbered_official(role, name)
        record = self._match(role, name)
        if record is None:
            record = _Record(
                name=name or role or _display(key),
                role=role,
                affiliation=affiliation,
                personal=bool(name),
            )
            self._records.append(record)
        else:
            if name and len(name.split()) > len(record.name.split()) and record.personal:
                record.aliases.append(record.name)
                record.name = name
            record.role = record.role or role
            record.affiliation = record.affiliation or affiliation
        record.aliases.append(key)
        if key != comma_label(key) or "," in label:
            record.aliases.append(" ".join(label.split()).strip(" :"))  # as written
        self._by_label[key.casefold()] = record
        self._by_label[label.casefold()] = record

    def _match(self, role: str | None, name: str) -> _Record | None:
        if name:
            last = surname(name).casefold()
            same = [r for r in self._records if r.personal and r.surname_key() == last
                    and not _other_given_name(r.name, name)]
            if len(same) == 1:
                return same[0]
            if len(same) > 1:
                full = [r for r in same if r.name.casefold() == name.casefold()]
                return full[0] if full else same[0]
            if len(name.split()) == 1:
                # "PRESIDENT SAMIA" for "President Samia Suluhu Hassan".
                holders = [r for r in self._records if r.personal and last in r.tokens()]
                if len(holders) == 1:
                    return holders[0]
            return None
        if not role:
            return None
        want = neutral_office(_THE.sub("", role))
        holders = [
            r
            for r in self._records
            if r.role
            and (
                neutral_office(r.role) == want or neutral_office(r.role).startswith(want + " ")
            )
        ]
        if not holders:
            holders = [r for r in self._records if r.role and _bare_office(r.role) == want]
        if len(holders) == 1:
            return holders[0]
        titled = [r for r in holders if r.from_title]
        if titled:
            return titled[0]  # "THE PRESIDENT": the host, named first in the title
        return None

    # -- reading ----------------------------------------------------------------------
    def resolve(self, label: str) -> Person | None:
        """The canonical person behind ``label``; None for an unnamed journalist."""
        record = self._by_label.get(label.casefold())
        if record is None and label.casefold() not in self._by_label:
            self.add(label)
            record = self._by_label.get(label.casefold())
        return record.person() if record is not None else None

    def is_questioner(self, label: str) -> bool:
        """A journalist's label: unnamed ("Question") or a role like "Correspondent"."""
        if is_question_label(label) or label_outlet(label):
            return True
        record = self._by_label.get(label.casefold())
        return bool(record and record.role and QUESTIONER_ROLES.search(record.role))

    def from_title(self, label: str) -> bool:
        record = self._by_label.get(label.casefold())
        return bool(record and record.from_title)

    def people(self) -> list[Person]:
        """Everyone in the book: the title's people and every named speaker."""
        return [r.person() for r in self._records]


_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b")


def neutral_office(role: str) -> str:
    """``spokes-neutral``: "Spokesman", "Spokeswoman" and "Spokesperson" are one office.

    The UN introduces "Stéphane Dujarric, Spokesman for the Secretary-General" and may
    label him "Spokesperson:"; a page's own words for the office vary as its holders do.
    """
    return _SPOKES.sub("spokesperson", role.casefold())


_NUMBER = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})$", re.IGNORECASE
)


def numbered_official(role: str | None, name: str) -> tuple[str | None, str]:
    """``numbered-official``: "SENIOR STATE DEPARTMENT OFFICIAL ONE" names no person.

    Background briefings number their anonymous speakers; the number is no name, so
    the whole label is the role ("Senior State Department Official One") and each
    numbered official stays a speaker of their own.
    """
    if role and name and _NUMBER.match(name):
        return f"{role} {name}", ""
    return role, name


def _bare_office(role: str) -> str:
    """``bare-office``: the office without whose it is: "Chinese Foreign Minister" and
    "Foreign Minister of China" are both the "FOREIGN MINISTER:" of a joint record."""
    words = role.split()
    pair = " ".join(w.casefold() for w in words[:2])
    if pair in DEMONYMS:
        words = words[2:]
    elif words and (words[0].casefold() in DEMONYMS or words[0].casefold() in COUNTRIES):
        words = words[1:]
    head, sep, place = " ".join(words).rpartition(" of ")
    if sep and all(
        w.casefold() in COUNTRIES or w.casefold() in ORG_WORDS or w.casefold() == "the"
        for w in place.split()
    ):
        return head.casefold()
    return " ".join(words).casefold()


def _display(label: str) -> str:
    """A role-only label as a name: "MODERATOR" → "Moderator"."""
    role, _, _ = split_role_name(label)
    if role:
        return role
    letters = [c for c in label if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return label.title()
    return label


_HOME_COUNTRY = (
    (re.compile(r"^United Nations$"), "United Nations"),
    (re.compile(r"^Indian Ministry of External Affairs$"), "India"),
    (re.compile(r"Russian|President of Russia|kremlin", re.IGNORECASE), "Russia"),
    (re.compile(r"White House|U\.S\.|United States|State Department", re.IGNORECASE),
     "United States"),
)  # fmt: skip
_OFFICIAL_ROLE = re.compile(
    r"president|minister|secretary|spokes|ambassador|advis|envoy|governor|senator|"
    r"representative|chairman|chancellor|coordinator|director|surgeon general|chief of staff|"
    r"\bofficial",
    re.IGNORECASE,
)


_INTERNATIONAL_ROLE = re.compile(
    r"secretary[- ]general|high representative|commissioner|special representative",
    re.IGNORECASE,
)


# ``international-home``: at the United Nations the Secretary-General's spokesperson
# is the organisation's own official, not a guest from abroad.
_INTERNATIONAL_HOMES = frozenset(["United Nations"])


_MINISTRY_OUTLET = re.compile(r"^(?P<demonym>[A-Z][a-z]+) Ministry of Foreign Affairs$")


def _ministry_country(outlet: str | None) -> str | None:
    """``ministry-home``: "Egyptian Ministry of Foreign Affairs" publishes for Egypt."""
    m = _MINISTRY_OUTLET.match(outlet or "")
    return DEMONYMS.get(m.group("demonym").casefold()) if m else None


# ``not-home-office``: offices the publishing government does not have. The United
# States has no ministers: a "Foreign Minister" on a State Department page is a guest,
# whatever country the page forgot to name.
_NOT_HOME_OFFICES = {
    "United States": re.compile(
        r"\bminist(?:er|ry)\b|\bprime\b|\bking\b|\bemir\b|\bsultan\b|\bcrown prince\b",
        re.IGNORECASE,
    ),
}


def with_home_affiliation(people: list[Person], outlet: str | None) -> list[Person]:
    """Officials with no stated affiliation belong to the publishing government.

    On the Russian Foreign Ministry's site "Foreign Minister Sergey Lavrov" is Russia's
    foreign minister; at the White House "PRESIDENT BIDEN" is the United States'. People
    with an affiliation of their own ("Prime Minister Morrison of Australia") keep it.
    """
    home = next((c for pattern, c in _HOME_COUNTRY if outlet and pattern.search(outlet)), None)
    home = home or _ministry_country(outlet)
    if home is None:
        return people
    foreign = _NOT_HOME_OFFICES.get(home)
    return [
        Person(p.name, p.role, home, p.aliases)
        if p.affiliation is None
        and p.role
        and _OFFICIAL_ROLE.search(p.role)
        and (home in _INTERNATIONAL_HOMES or not _INTERNATIONAL_ROLE.search(p.role))
        and not (foreign and foreign.search(p.role))
        else p
        for p in people
    ]
