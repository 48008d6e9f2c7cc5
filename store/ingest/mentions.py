"""People and organisations a news report mentions, and who a phrase refers to.

A report introduces a person once with role and full name ("Russian Security Council
Secretary Igor Ivanov") and then refers back to them by surname ("Mr. Ivanov"), by role
("the Malaysian minister"), by a description set beside the name ("The head of the
OIC delegation, Malaysian Foreign Minister Syed Hamid bin Syed Jaafar Albar, …"), or by
pronoun. :class:`Registry` collects the introductions and answers "who is meant by
this phrase here?"; pronouns are resolved by the caller, which knows the discourse
focus (see :mod:`store.ingest.quotes`).

Role/name splitting is delegated to :func:`store.ingest.names.split_role_name`, the
same reading the transcript side uses, so both sides name people alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from store.ingest.names import (
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    surname,
)
from store.ingest.names import split_role_name as _split_role_name


@lru_cache(maxsize=8192)
def split_role_name(phrase: str) -> tuple[str | None, str, str | None]:
    """:func:`store.ingest.names.split_role_name`, cached: reports repeat their phrases."""
    return _split_role_name(phrase)


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*\.?|[A-Z]\.")
_NOT_NAMES = frozenset(
    str.split("""the a an in on at after before during according last this that these those
    but and or if when while as for from with by to of it its he she they we i you his her
    their our my your there here what which who how why mr mrs ms dr meanwhile however also
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow
    earlier later recently some many both all several other another one two three such""")
)
_CONNECT = frozenset({"of", "the", "for", "and"})
#: Titles followed by "to" and the place of posting ("Ambassador to the United Nations").
_ENVOYS = frozenset(
    str.split("ambassador envoy representative adviser advisor aide delegate observer")
)
#: ", Russia's foreign minister," / ", the U.S. secretary of state," right after a name.
_APPOSITIVE_ROLE = re.compile(
    r",\s+(?:(?P<owner>[A-Z][\w.]*)['’]s\s+|the\s+(?P<dem>[A-Z][\w.]*)\s+)"
    r"(?P<role>[a-z][a-z\-]*(?:\s+(?:of\s+)?[a-z][a-z\-]*){0,3}?)(?=\s*[,;]|\s*\.\s)"
)
#: A country's possessive right before a titled name: "Russia's ", "Britain's ".
_OWNER_COUNTRY = re.compile(
    r"\b("
    + "|".join(sorted((c.title() for c in COUNTRIES), key=len, reverse=True))
    + r"|U\.S|U\.K|China)['’]s\s+\Z"
)
#: A middle initial ("Antony J. Blinken", NYT and State Department style): part of a
#: name although it has no lower-case letter.
_INITIAL = re.compile(r"[A-Z]\.")
#: "A Kremlin spokesman, " / "the Russian deputy foreign minister, " right before a name.
_ROLE_BEFORE_NAME = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Aa]n?|[Tt]he|(?P<owner>[A-Z][\w.]*)['’]s)\s+"
    r"(?P<role>[^,.;:\n\"“”«»()']{3,60}?),\s+\Z"
)  # "China's top diplomat, Wang Yi,": a country's possessive stands for the article
#: Foreign ministers' titles that belong to one country's usage, not to a counterpart's.
_NATIONAL_FOREIGN_OFFICES = frozenset(
    {"secretary of state", "foreign secretary", "top diplomat", "foreign affairs minister",
     "minister of foreign affairs", "minister for foreign affairs", "foreign minister"}
)  # fmt: skip
#: "his Turkish counterpart " right before a name (see Registry._counterpart).
_COUNTERPART = re.compile(
    r"\b(?:his|her|their|its)\s+(?:(?P<nation>[A-Z][\w.]*)\s+)?counterparts?,?\s+\Z"
)
_LOWER_ROLE = frozenset(w for w in ROLE_WORDS if w.isalpha())
_STARTS = _LOWER_ROLE | PARTICLES
_FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "dame"})
_MALE = frozenset({"mr", "mr.", "sir", "mister", "monsieur", "herr"})


@dataclass(slots=True, eq=False)
class Entity:
    """One person or organisation and everything the text calls it."""

    name: str
    kind: str  # "person" or "org"
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None when the text does not say
    positions: list[int] = field(default_factory=list)  # where it is mentioned
    #: The change counter of the registry holding it (aliases added count as changes).
    changes: list[int] | None = None
    # ``positions`` in order, brought up to date when asked (positions only grow).
    _sorted: list[int] = field(default_factory=list)
    _sorted_n: int = 0

    def last_before(self, before: int) -> int:
        """The latest mention before ``before``, or -1; a binary search, not a scan."""
        if self._sorted_n != len(self.positions):
            for p in self.positions[self._sorted_n :]:
                insort(self._sorted, p)
            self._sorted_n = len(self.positions)
        k = bisect_left(self._sorted, before)
        return self._sorted[k - 1] if k else -1

    _folded: frozenset[str] | None = None

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split()).strip(" ,")
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)
            self._folded = None
            if self.changes is not None:
                self.changes[0] += 1

    def rename(self, name: str) -> None:
        self.name = name
        self._folded = None

    def folded_names(self) -> frozenset[str]:
        """Name and aliases in case-folded form, cached until they change."""
        if self._folded is None:
            self._folded = frozenset(n.casefold() for n in (self.name, *self.aliases))
        return self._folded

    def folded_surname(self) -> str:
        return surname(self.name).casefold()


@dataclass(slots=True)
class Run:
    """A stretch of capitalised words (and role words) that may name someone."""

    start: int
    end: int
    text: str
    honorific: str | None = None


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=65536)
def _word(tok: str) -> str:
    return _POSSESSIVE.sub("", tok).rstrip(".").casefold()


#: ``prefixed-surname``: an Arabic surname written with its particle joined by a hyphen
#: ("Majed al-Ansari", "Abdel Fattah el-Sisi") goes on with the run of the given name.
PREFIXED_SURNAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|abd|ben|bint)-[A-Z]")


def capital_runs(text: str) -> list[Run]:
    """Runs of name-like tokens separated only by single spaces.

    Lower-case role words ("spokesman") and connectors ("of the") may sit inside a run;
    any other punctuation or lower-case word ends it.
    """
    runs: list[Run] = []
    # Tokens as match objects and as strings, both built in C: a tuple per token made
    # this the costliest line of a long report.
    marks = list(_TOKEN.finditer(text))
    words: list[str] = _TOKEN.findall(text)
    n = len(words)
    # Only a capitalised word, a particle or a role word can start a run: jump from one
    # such token to the next instead of testing every word of a long text in turn.
    starters = [k for k, t in enumerate(words) if t[0].isupper() or _word(t) in _STARTS]
    si = 0
    i = 0
    while True:
        while si < len(starters) and starters[si] < i:
            si += 1
        if si == len(starters):
            break
        i = starters[si]
        t = words[i]
        starts_role = (
            _word(t) in _LOWER_ROLE
            and i + 1 < n
            and words[i + 1][:1].isupper()
            and text[marks[i].end() : marks[i + 1].start()] == " "
        )  # "spokesman Oleg Nikolenko"
        if not (t[0].isupper() or _word(t) in PARTICLES or starts_role):
            i += 1
            continue
        j = i
        last_good = i
        joined = False  # an "and" inside the run (see _conjoined_names)
        while j + 1 < n and not _ends_sentence(words[j]):
            gap = text[marks[j].end() : marks[j + 1].start()]
            nxt = words[j + 1]
            if gap != " " or words[j].endswith(("'s", "’s")):
                break
            w = _word(nxt)
            if (
                nxt[0].isupper()
                or w in PARTICLES
                or w in _LOWER_ROLE
                or PREFIXED_SURNAME.match(nxt)
            ):
                j += 1
                last_good = j
            elif w in _CONNECT or (w == "to" and _word(words[j]) in _ENVOYS):
                j += 1  # "Ambassador to the United Nations Linda Thomas-Greenfield"
                joined = joined or nxt == "and"
            else:
                break
        if joined:
            for lo, hi in _conjoined_names(words, i, last_good):
                a, b = marks[lo].start(), marks[hi].end()
                runs.append(Run(a, b, text[a:b]))
        else:
            a, b = marks[i].start(), marks[last_good].end()
            runs.append(Run(a, b, text[a:b]))
        i = last_good + 1
    return runs


def _conjoined_names(words: list[str], i: int, j: int) -> list[tuple[int, int]]:
    """Split the run ``words[i..j]`` at an "and" that joins two people.

    "Russian President Vladimir Putin and Chinese President Xi Jinping" is two people,
    each with their own role; read as one run, the first became the second's role. A
    run is split where both sides end in a personal name (as
    :func:`split_role_name` reads it), so "Bosnia and Herzegovina" or "Minister of Trade
    and Industry Piyush Goyal" stay whole.
    """
    pieces: list[tuple[int, int]] = []
    lo = i
    for k in range(i + 1, j):
        if words[k] != "and" or not words[k + 1][:1].isupper() or k - 1 < lo:
            continue
        end = next((e for e in range(k + 1, j + 1) if words[e] == "and"), j + 1) - 1
        if _ends_in_name(words[lo:k]) and _ends_in_name(words[k + 1 : end + 1]):
            pieces.append((lo, k - 1))
            lo = k + 1
    pieces.append((lo, j))
    return pieces


def _ends_in_name(tokens: list[str]) -> bool:
    """The words end in a personal name of mixed-case words ("Chinese President Xi")."""
    _, name, _ = split_role_name(" ".join(tokens))
    return bool(name) and all(
        _word(w) in PARTICLES or (w[:1].isupper() and any(c.islower() for c in w))
        for w in name.split()
    )


_COUNTRY_ABBREVIATIONS = {
    "u.s.": "United States", "us": "United States", "american": "United States",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "british": "United Kingdom",
    "britain": "United Kingdom", "u.s": "United States", "u.k": "United Kingdom",
    "eu": "European Union", "un": "United Nations", "u.n.": "United Nations",
}  # fmt: skip


def affiliation_of(role: str | None, given: str | None) -> str | None:
    """The country or body a role belongs to ("U.S. Secretary of State" → United States).

    A country named at the head of the role wins; a bare role word that a generic
    reading took for a place ("of State") is dropped.
    """
    if role:
        first = role.split()[0].casefold().rstrip(",")
        if first in _COUNTRY_ABBREVIATIONS:
            return _COUNTRY_ABBREVIATIONS[first]
        if first in DEMONYMS:
            return DEMONYMS[first]
    if given and given.casefold() in ROLE_WORDS:
        return None
    return given


#: Given names common among the women wire reports quote on diplomacy; with the role
#: words and Slavic surname endings below, enough to keep "she" off a man.
_FEMALE_GIVEN = frozenset(
    str.split("""maria mariya anna angela annalena ursula kamala karine jen jennifer wendy
    victoria kaja liz elizabeth theresa madeleine hillary condoleezza samantha linda nikki
    valentina ella natalia natalya tatiana tatyana olga elena yelena irina svetlana
    ekaterina yekaterina marine giorgia mette sanna ursula catherine christine kristalina
    julie penny sophie melanie ngozi amina mia jacinda hasina
    nancy janet gina antonia federica margrethe emine""")
)
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|aya|skaya|tskaya|yova|iyeva)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|in|sky|skiy|skii)$")


def gender_of(name: str, role: str | None = None) -> str | None:
    """ "m", "f" or None, from the role words and the name alone.

    Pronouns were resolved to the latest person in focus whatever the pronoun, so
    "she said" after a sentence about Lavrov made Lavrov the speaker. Gendered role
    words ("spokeswoman"), a small list of women's given names and Slavic surname
    endings (Zakharova / Lavrov) settle most cases; anything else stays unknown.
    """
    low_role = (role or "").casefold()
    if re.search(r"\b(?:spokeswoman|chairwoman|congresswoman|queen|princess|sheikha)\b", low_role):
        return "f"
    if re.search(r"\b(?:spokesman|chairman|congressman|king|prince|sultan|emir)\b", low_role):
        return "m"
    words = name.casefold().split()
    if not words:
        return None
    if words[0] in _FEMALE_GIVEN and len(words) > 1:
        return "f"
    if len(words) > 1 and _FEMALE_SURNAME.search(words[-1]):
        return "f"
    if len(words) > 1 and _MALE_SURNAME.search(words[-1]):
        return "m"
    return None


_ROYAL = frozenset(str.split("sheikh sheikha shaikh prince princess emir king queen sultan"))


def _royal_style(role: str | None, name: str) -> tuple[str | None, str, str | None]:
    """ "Foreign Minister Prince Faisal bin Farhan": role, name and "Prince Faisal".

    A royal style sits between the office and the name. Left in the role it made
    "Foreign Minister Prince"; left in the name ("Sheikh Mohammed bin Abdulrahman Al
    Thani") it made "Sheikh Mohammed" a second person. It becomes an alias instead,
    the way reports refer back to such people. "Crown Prince" is an office and stays.
    """
    words = name.split()
    if len(words) > 1 and words[0].casefold() in _ROYAL:
        return role, " ".join(words[1:]), f"{words[0]} {words[1]}"
    role_words = (role or "").split()
    if (
        len(role_words) > 1
        and role_words[-1].casefold() in _ROYAL
        and role_words[-2].casefold() != "crown"
        and words
    ):
        return " ".join(role_words[:-1]), name, f"{role_words[-1]} {words[0]}"
    return role, name, None


def role_without_nationality(role: str | None) -> str | None:
    """ "Russian President" → "President", "U.S. Secretary of State" → "Secretary of State".

    A nationality at the head of a role says whom the person serves, which is their
    affiliation (read by :func:`affiliation_of`), not part of the office; keeping it made
    two presidents' roles differ in a word the affiliation already holds.
    """
    if not role:
        return role
    head, _, rest = role.partition(" ")
    key = head.casefold().rstrip(",")
    if rest and rest[:1].isupper() and (key in DEMONYMS or key in _COUNTRY_ABBREVIATIONS):
        return rest
    return role


def _ends_sentence(tok: str) -> bool:
    """A token with a full stop that is not an honorific or an initial ("TASS.")."""
    return (
        tok.endswith(".")
        and _word(tok) not in HONORIFICS
        and not re.fullmatch(r"(?:[A-Z]\.)+", tok)
    )


@dataclass(slots=True)
class Registry:
    """Everyone a report mentions, in order, with the ways it refers to them."""

    entities: list[Entity] = field(default_factory=list)
    descriptions: dict[str, Entity] = field(default_factory=dict)
    _cache: dict[str, Entity] = field(default_factory=dict)
    # Names known to match nobody. What a look-up reads (entities, names, aliases) only
    # grows, so the size check below sees every change but a rename, and a rename
    # happens only in _lookup, which clears this.
    _misses: set[str] = field(default_factory=set)
    _cache_size: int = -1
    # Entities added plus aliases added: what the cache check below used to recount
    # over every entity on every look-up (quadratic in a long report).
    _changes: list[int] = field(default_factory=lambda: [0])

    # -- building -----------------------------------------------------------------
    def _by_name(self, name: str) -> Entity | None:
        """The entity called ``name`` (name, alias, surname, or a unique given name)."""
        key = name.casefold()
        if self._cache_size != self._changes[0]:
            self._cache.clear()
            self._misses.clear()
            self._cache_size = self._changes[0]
        if key in self._cache:
            return self._cache[key]
        if key in self._misses:
            return None
        found = self._lookup(name, key)
        if found is not None:
            self._cache[key] = found
        else:
            self._misses.add(key)
        return found

    def _lookup(self, name: str, key: str) -> Entity | None:
        for ent in reversed(self.entities):
            if ent.folded_names().__contains__(key):
                return ent
        if " " not in name:
            for ent in reversed(self.entities):
                if ent.kind == "person" and ent.folded_surname() == key:
                    return ent
            # "Anwar" for "Anwar Ibrahim": a given name of exactly one known person
            owners = [
                ent
                for ent in self.entities
                if ent.kind == "person" and key in ent.name.casefold().split()[:-1]
            ]
            if len(owners) == 1 and key not in PARTICLES:
                return owners[0]
        else:
            last = surname(name).casefold()
            for ent in reversed(self.entities):
                if ent.kind == "person" and " " not in ent.name and ent.name.casefold() == last:
                    ent.add_alias(ent.name)
                    ent.rename(name)  # the full name arrived after the surname
                    self._misses.clear()
                    return ent
        return None

    def _add(self, ent: Entity) -> None:
        ent.changes = self._changes
        self._changes[0] += 1 + len(ent.aliases)
        self.entities.append(ent)

    def person(
        self, name: str, pos: int, *, role: str | None = None, affiliation: str | None = None,
        seen_as: str | None = None, gender: str | None = None,
    ) -> Entity:  # fmt: skip
        """Record a mention of person ``name`` at ``pos``; merge with earlier mentions."""
        ent = self._by_name(name)
        if ent is None:
            ent = Entity(name=name, kind="person")
            self._add(ent)
        ent.role = ent.role or role
        ent.affiliation = ent.affiliation or affiliation
        ent.gender = ent.gender or gender or gender_of(name, role)
        for alias in (name, surname(name), seen_as):
            if alias:
                ent.add_alias(alias)
        ent.positions.append(pos)
        return ent

    def org(self, name: str, pos: int) -> Entity:
        name = _national_org_name(name)
        for ent in self.entities:
            if ent.kind == "org" and ent.name.casefold() == name.casefold():
                ent.positions.append(pos)
                return ent
        same = self._same_body(name, pos)
        if same is not None:
            same.positions.append(pos)
            return same
        ent = Entity(name=name, kind="org", positions=[pos])
        self._add(ent)
        return ent

    def _same_body(self, name: str, pos: int) -> Entity | None:
        """ "State Department" after "U.S. State Department" (or the other way round).

        One side must carry no nationality: "Russian Foreign Ministry" and "Ukrainian
        Foreign Ministry" are two bodies, but a bare "Foreign Ministry" is the one of
        them mentioned last. A bare name later qualified takes the fuller name.
        """
        qualified, bare = nationality_split(name)
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.kind != "org":
                continue
            ent_qualified, ent_bare = nationality_split(ent.name)
            if ent_bare.casefold() != bare.casefold() or (qualified and ent_qualified):
                continue
            seen = ent.last_before(pos + 1)
            if best is None or seen > best[0]:
                best = (seen, ent)
        if best is None:
            return None
        if qualified:
            best[1].add_alias(best[1].name)
            best[1].rename(name)
        else:
            best[1].add_alias(name)
        return best[1]

    # -- reading --------------------------------------------------------------------
    def scan(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Register the people and organisations introduced in ``text[start:end]``."""
        end = len(text) if end is None else end
        for run in capital_runs(text[start:end]):
            self._register_run(text, Run(run.start + start, run.end + start, run.text))

    def _register_run(self, text: str, run: Run) -> Entity | None:
        before = text[max(0, run.start - 6) : run.start]
        hon = re.search(r"\b(Mr|Mrs|Ms|Dr|Miss|Sir)\.?\s$", before)
        phrase = run.text
        first = _word(phrase.split()[0])
        if first in HONORIFICS:
            hon_word = first
        elif hon:
            hon_word = hon.group(1).casefold()
        else:
            hon_word = None
        gender = "f" if hon_word in _FEMALE else "m" if hon_word in _MALE else None
        if first in _NOT_NAMES and hon_word is None:
            phrase = phrase.split(" ", 1)[1] if " " in phrase else ""
            if not phrase:
                return None
        role, name, affiliation = split_role_name(phrase)
        role, name, styled = _royal_style(role, name)
        name_words = [_word(w) for w in name.split()]
        if not name or any(w in COUNTRIES or w in DEMONYMS or w in ORG_WORDS for w in name_words):
            if role and any(_word(w) in ORG_WORDS for w in phrase.split()):
                return None  # an institution; organisations are taken up as speakers only
            return None
        if (
            name_words[0] in _NOT_NAMES
            or not all(
                w in PARTICLES or any(c.islower() for c in tok) or _INITIAL.fullmatch(tok)
                for w, tok in zip(name_words, name.split(), strict=True)
            )
            or _INITIAL.fullmatch(name.split()[-1])
        ):
            return None  # "the OIC", "UN": articles and acronyms are not personal names
        has_role = bool(role) and any(
            _word(w) in ROLE_WORDS for w in role.replace("-", " ").split()
        )  # "U.N. Secretary-General"
        known = self._by_name(name) is not None
        if hon_word and not known and not role and len(name_words) == 1:
            name = self._full_name_before(text, name, run.start) or name
        if not (has_role or role) and len(name_words) >= 2:
            counterpart = self._counterpart(text, run)
            if counterpart is not None:
                return counterpart
            apposed = _APPOSITIVE_ROLE.match(text, run.end, run.end + 90)
            if apposed is not None and _is_office(apposed.group("role")):
                return self._apposed(apposed, name, run)
            ahead = _ROLE_BEFORE_NAME.search(text, max(0, run.start - 80), run.start)
            if ahead is not None and _is_office(ahead.group("role")):
                # "A Kremlin spokesman, Dmitry Peskov, said": the role set before the name
                role = ahead.group("role")
                owner = (ahead.group("owner") or "").casefold()
                country = _COUNTRY_ABBREVIATIONS.get(owner) or (
                    owner.title() if owner in COUNTRIES else None
                )
                return self.person(name, run.start, role=role_without_nationality(role),
                                   affiliation=affiliation_of(role, country))  # fmt: skip
        if not (has_role or hon_word or known):
            return None
        seen_as = f"{phrase.split()[0]} {name}" if hon_word and first in HONORIFICS else None
        if hon and not seen_as:
            seen_as = f"{hon.group(0).strip()} {name}"
        owner = (
            _OWNER_COUNTRY.search(text, max(0, run.start - 40), run.start)
            if text[max(0, run.start - 3) : run.start - 1] in {"'s", "’s"}
            else None
        )
        if owner is not None and has_role:
            # "Russia's U.N. Ambassador Vassily Nebenzia": the owner is the affiliation,
            # and the role keeps its "U.N." (it names the post, not the employer)
            key = owner.group(1).casefold()
            national = DEMONYMS.get(key) or _COUNTRY_ABBREVIATIONS.get(key) or owner.group(1)
            role_kept, affiliation = role, national
        else:
            role_kept = role_without_nationality(role)
            affiliation = affiliation_of(role, affiliation)
        ent = self.person(
            name, run.start, role=role_kept if has_role else None, affiliation=affiliation,
            seen_as=seen_as, gender=gender,
        )  # fmt: skip
        if styled:
            ent.add_alias(styled)
        self._description_beside(text, run, ent)
        return ent

    def _full_name_before(self, text: str, name: str, at: int) -> str | None:
        """``honorific-backfill``: "Mr Lavrov" after an untitled "Sergei Lavrov".

        A full name with no role ("In Moscow, Sergei Lavrov rejected …") is not
        registered, and the later "Mr Lavrov" became a person called "Lavrov"; the
        given name is taken from the first time the text wrote the surname after one.
        Looked for once per surname (the registry knows it afterwards).
        """
        m = re.search(rf"\b([A-Z][a-z][\w’'\-]*)\s+{re.escape(name)}\b", text[:at])
        if m is None:
            return None
        given = _word(m.group(1))
        if given in _NOT_NAMES or given in ROLE_WORDS or given in COUNTRIES or given in DEMONYMS:
            return None
        if given in HONORIFICS or given in ORG_WORDS or given in PARTICLES:
            return None
        return f"{m.group(1)} {name}"

    def _apposed(self, m: re.Match[str], name: str, run: Run) -> Entity:
        """ "Sergei Lavrov, Russia's foreign minister, said": the role set after the name.

        AP and AFP style introduces a person by name first; without the appositive the
        name had no role, went unregistered, and "the Russian minister" named nobody.
        """
        owner = m.group("owner") or m.group("dem") or ""
        key = owner.casefold()
        affiliation = (
            DEMONYMS.get(key)
            or _COUNTRY_ABBREVIATIONS.get(key)
            or (owner if key in COUNTRIES else None)
        )
        role = " ".join(
            w if w in _CONNECT else w[:1].upper() + w[1:] for w in m.group("role").split()
        )
        ent = self.person(name, run.start, role=role, affiliation=affiliation)
        ent.add_alias(" ".join(m.group(0).strip(" ,").split()))
        return ent

    def _counterpart(self, text: str, run: Run) -> Entity | None:
        """ "Lavrov held talks with his Turkish counterpart Hakan Fidan": a person.

        "counterpart" is no title, so the name had no role and went unregistered, and
        every later "Fidan said" named nobody. The counterpart holds the office of the
        person last mentioned with a role (whose counterpart they are), for the country
        the nationality word names.
        """
        m = _COUNTERPART.search(text, max(0, run.start - 60), run.start)
        if m is None:
            return None
        nation = (m.group("nation") or "").casefold()
        affiliation = DEMONYMS.get(nation) or (nation.title() if nation in COUNTRIES else None)
        office: tuple[int, str] | None = None
        for ent in self.entities:
            if ent.kind == "person" and ent.role:
                seen = ent.last_before(run.start)
                if seen >= 0 and (office is None or seen > office[0]):
                    office = (seen, ent.role)
        _, name, _ = split_role_name(run.text)
        role = office[1] if office else None
        if role and role.casefold() in _NATIONAL_FOREIGN_OFFICES:
            role = "Foreign Minister"  # Blinken's Russian counterpart is no Secretary of State
        ent = self.person(name, run.start, role=role, affiliation=affiliation)
        if m.group("nation"):
            ent.add_alias(f"the {m.group('nation')} counterpart")
        return ent

    def _description_beside(self, text: str, run: Run, ent: Entity) -> None:
        """ "The head of the OIC delegation, <name>," makes the description an alias."""
        head = text[max(0, run.start - 120) : run.start]
        m = re.search(r"(?:^|[.;:\n]\s*|,\s*)([Tt]he\s[^,.;:\n]{3,80}?),\s*$", head)
        if m and any(_word(w) in ROLE_WORDS for w in m.group(1).split()):
            self.describe(m.group(1), ent)
        tail = text[run.end : run.end + 120]
        m = re.match(r",\s*(the\s[^,.;\n]{3,80}?),", tail)
        if m and any(_word(w) in ROLE_WORDS for w in m.group(1).split()):
            self.describe(m.group(1), ent)

    def describe(self, description: str, ent: Entity) -> None:
        key = _description_key(description)
        self.descriptions[key] = ent
        ent.add_alias(re.sub(r"^[Tt]he\s+", "the ", " ".join(description.split())))

    def last_seen(self, ent: Entity, before: int) -> int:
        return ent.last_before(before)

    def resolve_description(self, phrase: str, at: int) -> Entity | None:
        """ "the head of the OIC delegation", "The Malaysian minister", "the ministry"."""
        key = _description_key(phrase)
        if not key:
            return None
        if key in self.descriptions:
            return self.descriptions[key]
        words = key.split()
        head = (re.split(r"\s(?:of|for|at|in|on)\s", key)[0].split() or [""])[-1]
        office = _office_word(words)
        if office is not None:
            roles = [office]
        elif head in ORG_WORDS or head not in ROLE_WORDS:
            roles = []  # "the State Department" is an institution
        else:
            roles = [w for w in words if w in ROLE_WORDS and w not in ORG_WORDS]
        countries = {DEMONYMS[w] for w in words if w in DEMONYMS}
        countries |= {w.title() for w in words if w in COUNTRIES}
        orgs = [w for w in words if w in ORG_WORDS]
        if roles:
            best: tuple[int, Entity] | None = None
            # "the Russian minister" is the minister, not his deputy: a subordinate office
            # fits only when the description names it or nobody else fits.
            deputy: tuple[int, Entity] | None = None
            for ent in self.entities:
                if ent.kind != "person" or not ent.role:
                    continue
                role = ent.role.casefold()
                if not all(_holds_office(r, role) for r in roles):
                    continue
                subordinate = bool(_SUBORDINATE.search(role)) and not _SUBORDINATE.search(key)
                if (
                    countries
                    and (ent.affiliation or "") not in countries
                    and not any(c.casefold() in role or _demonym_of(c) in role for c in countries)
                ):
                    continue
                seen = self.last_seen(ent, at)
                if seen >= 0 and subordinate:
                    if deputy is None or seen > deputy[0]:
                        deputy = (seen, ent)
                elif seen >= 0 and (best is None or seen > best[0]):
                    best = (seen, ent)
            best = best or deputy
            if best:
                return best[1]
            return None
        if orgs:
            best_org: tuple[int, Entity] | None = None
            for ent in self.entities:
                if ent.kind == "org" and all(o in ent.name.casefold() for o in orgs):
                    if countries and not any(  # "the Ukrainian Foreign Ministry" ≠ Russia's
                        c.casefold() in ent.name.casefold() or _demonym_of(c) in ent.name.casefold()
                        for c in countries
                    ):
                        continue
                    seen = self.last_seen(ent, at)
                    if seen >= 0 and (best_org is None or seen > best_org[0]):
                        best_org = (seen, ent)
            if best_org:
                return best_org[1]
        return None

    def resolve_name(self, phrase: str) -> Entity | None:
        """A person by full name, alias or surname ("Mr. Ivanov", "Ivanov")."""
        phrase = re.sub(r"(?:['’]s)$", "", phrase.strip())
        ent = self._by_name(phrase)
        if ent is not None:
            return ent
        _, name, _ = split_role_name(phrase)
        return self._by_name(name) if name else None


#: Words a report uses for an office instead of its title, with the titles they stand
#: for: "the Chinese leader" is China's president, "the Russian top diplomat" its
#: foreign minister. Without these a described speaker matched nobody's role.
_OFFICE_WORDS: dict[str, tuple[str, ...]] = {
    "leader": (
        "president", "prime minister", "premier", "chancellor", "king", "emir", "sultan",
        "supreme leader", "leader", "chairman", "head of state", "general secretary",
    ),
    "top diplomat": (
        "foreign minister", "minister of foreign affairs", "foreign affairs minister",
        "secretary of state", "foreign secretary", "high representative", "top diplomat",
    ),
    "diplomat": (
        "ambassador", "envoy", "foreign minister", "minister of foreign affairs",
        "secretary of state", "foreign secretary", "representative", "chargé", "diplomat",
    ),
    "chief diplomat": (
        "foreign minister", "minister of foreign affairs", "foreign affairs minister",
        "secretary of state", "foreign secretary",
    ),
}  # fmt: skip


#: Offices under another of the same name ("Deputy Foreign Minister").
_SUBORDINATE = re.compile(r"\b(?:deputy|vice|assistant|under|junior)\b")


def _office_word(words: list[str]) -> str | None:
    """The office word of a description made only of it and nationalities.

    "chinese leader", "russian top diplomat" → "leader", "top diplomat"; "opposition
    leader" is a title of its own and gets None.
    """
    for size in (2, 1):
        office = " ".join(words[-size:])
        if len(words) >= size and office in _OFFICE_WORDS:
            rest = words[:-size]
            if all(
                w in DEMONYMS
                or w in COUNTRIES
                or w in _COUNTRY_ABBREVIATIONS
                or _PLAIN_EPITHET.match(w)
                for w in rest
            ):
                return office
    return None


#: Words that describe the person, not the office: "the 70-year-old leader", "the
#: veteran diplomat".
_PLAIN_EPITHET = re.compile(r"\d+-year-old$|veteran$|long-serving$|seasoned$")


def _is_office(phrase: str) -> bool:
    """A lower-case phrase that names an office ("foreign minister", "top diplomat")."""
    words = phrase.casefold().split()
    return bool(words) and (words[-1] in ROLE_WORDS or " ".join(words[-2:]) in _OFFICE_WORDS)


@lru_cache(maxsize=8192)  # the same few (word, role) pairs are asked about again and again
def _holds_office(word: str, role: str) -> bool:
    """Whether a description's role word fits a person's (case-folded) role."""
    offices = _OFFICE_WORDS.get(word)
    if word in _OFFICE_WORDS["leader"] and _office_word(role.split()) == "leader":
        return True  # introduced as "Chinese leader Xi Jinping", called "the Chinese president"
    if offices is not None:
        return any(re.search(rf"\b{re.escape(o)}\b", role) for o in offices)
    return re.search(rf"\b{re.escape(word)}", role) is not None


def nationality_split(name: str) -> tuple[str, str]:
    """ "U.S. State Department" → ("U.S.", "State Department"); ("", name) if unqualified."""
    head, _, rest = name.partition(" ")
    key = head.casefold()
    if rest and (key in DEMONYMS or key in _COUNTRY_ABBREVIATIONS):
        return head, rest
    return "", name


def _national_org_name(name: str) -> str:
    """ "Russia's Foreign Ministry" → "Russian Foreign Ministry".

    Reports name one ministry both ways; with the country's possessive the two were two
    speakers. A country without a known adjective keeps its possessive.
    """
    m = re.match(r"([A-Z][a-z]+)['’]s\s+(?=[A-Z])", name)
    if m and m.group(1).casefold() in COUNTRIES:
        demonym = _demonym_of(m.group(1))
        if demonym in DEMONYMS:
            return f"{demonym.capitalize()} {name[m.end() :]}"
    return name


def _demonym_of(country: str) -> str:
    for dem, c in DEMONYMS.items():
        if c == country:
            return dem
    return country.casefold()


def _description_key(phrase: str) -> str:
    words = [w.casefold().strip(",.") for w in phrase.split()]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)
