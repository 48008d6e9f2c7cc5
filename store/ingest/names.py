"""Splitting a speaker phrase into role, personal name and affiliation.

Diplomatic records name people by stacking a role in front of the name:
"President of Russia Vladimir Putin", "Foreign Minister Sergey Lavrov", "Secretary
General of the Organisation of Islamic Cooperation Iyad Ameen Madani", or, in White
House style, "PRESIDENT BIDEN" and "Prime Minister Morrison of Australia". Nothing marks
where the role stops and the name begins, so :func:`split_role_name` reads the phrase
from its end: a personal name is the run of capitalised words at the end that are not
role words, institution words or places. Both the transcript and the news-report
readers call it, so its signature is a contract: ``(role, name, affiliation)``.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> list[str]:
    """The white-space separated words of a vocabulary block."""
    return text.split()


# Words that belong to a role ("Prime Minister", "Secretary General", "Press Secretary").
ROLE_WORDS = frozenset(
    _words(
        """
    acting adviser advisor aide ambassador administrator assistant attorney chair chairman
    chairperson chairwoman chancellor chief commander commissioner congressman
    congresswoman coordinator counsellor counselor crown defence defense delegate deputy
    director emir envoy executive first foreign general governor head high interim
    justice king leader majority mayor member minister minority moderator national
    officer official patriarch plenipotentiary pope premier president presidential press
    prince princess principal queen rapporteur representative secretary security senator
    senior special speaker spokesman spokesperson spokeswoman staff state sultan surgeon
    under undersecretary vice viceroy commissar chargé charge d'affaires affaires
    interpreter journalist correspondent reporter anchor host participant audience
    """
    )
)

# Words that name institutions or places rather than people.
ORG_WORDS = frozenset(
    _words(
        """
    academy administration affairs agency alliance assembly association authority bank
    board bureau cabinet centre center chamber church city coalition command commission
    committee commonwealth community company confederation conference congress cooperation
    corporation council court delegation department development district duma economic
    emirates european federal federation forum foundation front fund government group
    house independent industry institute intelligence interior international investigative
    islamic islands justice kingdom league legislature ministry mission movement nations
    navy northwestern office organisation organization parliament party police presidium
    programme program province region regional republic communications policy relations
    strategic operations response homeland revolutionary senate service
    services society southern central eastern western northern states summit supreme
    territory trade treasury tribunal union unions united university bolivarian democratic
    people's peoples socialist arab islamic federative plurinational hellenic
    """
    )
)

# Countries and places a role is "of"; enough to stop a backward name scan.
COUNTRIES = frozenset(
    _words(
        """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh belarus belgium benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
    germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
    kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria macedonia
    norway oman pakistan palau palestine panama paraguay peru philippines poland
    portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
    slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey türkiye turkiye turkmenistan
    tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    abkhazia ossetia transnistria crimea europe africa asia america britain england scotland wales
    moscow washington kremlin beijing brussels geneva vatican
    """
    )
)

DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan",
    "american": "United States",
    "armenian": "Armenia",
    "australian": "Australia",
    "austrian": "Austria",
    "azerbaijani": "Azerbaijan",
    "belarusian": "Belarus",
    "belgian": "Belgium",
    "brazilian": "Brazil",
    "british": "United Kingdom",
    "bulgarian": "Bulgaria",
    "canadian": "Canada",
    "chinese": "China",
    "cuban": "Cuba",
    "czech": "Czech Republic",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "egyptian": "Egypt",
    "estonian": "Estonia",
    "finnish": "Finland",
    "french": "France",
    "georgian": "Georgia",
    "german": "Germany",
    "greek": "Greece",
    "hungarian": "Hungary",
    "indian": "India",
    "indonesian": "Indonesia",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "irish": "Ireland",
    "israeli": "Israel",
    "italian": "Italy",
    "japanese": "Japan",
    "jordanian": "Jordan",
    "kazakh": "Kazakhstan",
    "kazakhstani": "Kazakhstan",
    "korean": "Korea",
    "kyrgyz": "Kyrgyzstan",
    "latvian": "Latvia",
    "lebanese": "Lebanon",
    "libyan": "Libya",
    "lithuanian": "Lithuania",
    "malaysian": "Malaysia",
    "mexican": "Mexico",
    "moldovan": "Moldova",
    "mongolian": "Mongolia",
    "norwegian": "Norway",
    "pakistani": "Pakistan",
    "palestinian": "Palestine",
    "polish": "Poland",
    "portuguese": "Portugal",
    "qatari": "Qatar",
    "romanian": "Romania",
    "russian": "Russia",
    "saudi": "Saudi Arabia",
    "serbian": "Serbia",
    "slovak": "Slovakia",
    "spanish": "Spain",
    "swedish": "Sweden",
    "swiss": "Switzerland",
    "syrian": "Syria",
    "tajik": "Tajikistan",
    "tanzanian": "Tanzania",
    "turkish": "Turkey",
    "turkmen": "Turkmenistan",
    "ukrainian": "Ukraine",
    "uzbek": "Uzbekistan",
    "uzbekistani": "Uzbekistan",
    "venezuelan": "Venezuela",
    "vietnamese": "Vietnam",
    "albanian": "Albania",
    "algerian": "Algeria",
    "angolan": "Angola",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "bahraini": "Bahrain",
    "bangladeshi": "Bangladesh",
    "bosnian": "Bosnia and Herzegovina",
    "cambodian": "Cambodia",
    "chilean": "Chile",
    "colombian": "Colombia",
    "croatian": "Croatia",
    "cypriot": "Cyprus",
    "ecuadorian": "Ecuador",
    "emirati": "United Arab Emirates",
    "ethiopian": "Ethiopia",
    "filipino": "Philippines",
    "ghanaian": "Ghana",
    "kenyan": "Kenya",
    "kuwaiti": "Kuwait",
    "macedonian": "North Macedonia",
    "maltese": "Malta",
    "montenegrin": "Montenegro",
    "moroccan": "Morocco",
    "nigerian": "Nigeria",
    "nigerien": "Niger",
    "omani": "Oman",
    "panamanian": "Panama",
    "peruvian": "Peru",
    "philippine": "Philippines",
    "senegalese": "Senegal",
    "singaporean": "Singapore",
    "slovenian": "Slovenia",
    "sudanese": "Sudan",
    "thai": "Thailand",
    "tunisian": "Tunisia",
    "sri lankan": "Sri Lanka",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "south african": "South Africa",
    "new zealand": "New Zealand",
    "saudi arabian": "Saudi Arabia",
    "south sudanese": "South Sudan",
}

HONORIFICS = frozenset(
    _words(
        "mr mr. mrs mrs. ms ms. miss dr dr. sir dame madam madame mister monsieur herr "
        "prof prof. professor h.e. excellency his her gospodin shri smt smt. shrimati sushri"
    )
)

# Lower-case pieces of personal names ("Tamim bin Hamad Al Thani", "Ursula von der Leyen").
PARTICLES = frozenset(_words("bin ibn bint al el de da di du dos van von der den la le ul abu"))

_CONNECTORS = frozenset(_words("of the for to and on in at"))
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|ar|an|at|bin|ibn|abu|d|l)[-’'][A-Z]")
_PLACE_GLUE = frozenset(_words("of the state"))
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TRAILING_NOTE = re.compile(r"\s*\((?:[^()]{1,40})\)\s*$")
_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_TRAILING_OF = re.compile(r"^(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w’'\- ]+)$")
_INITIAL_NAME = re.compile(r"^[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ][\w\-]+$")


def _is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper()


def _word(token: str) -> str:
    return _POSSESSIVE.sub("", token).strip(",;").casefold()


def _is_place(token: str) -> bool:
    return _word(token) in COUNTRIES or _word(token) in DEMONYMS


def _stops_name(token: str) -> bool:
    """True when ``token`` cannot be part of a personal name read from the end."""
    w = _word(token)
    if w in PARTICLES or _PARTICLE_PREFIX.match(token):
        return False
    if not _is_capitalised(token):
        return True
    if "-" in w and all(part in ROLE_WORDS for part in w.split("-")):
        return True  # "Secretary-General", "Vice-President": a hyphenated title
    return w in ROLE_WORDS or w in ORG_WORDS or _is_place(token) or w in HONORIFICS


def _titlecase_caps(phrase: str) -> str:
    """ "PRESIDENT BIDEN" → "President Biden"; mixed-case phrases are left alone."""
    letters = [c for c in phrase if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return " ".join(
            "-".join(p[:1].upper() + p[1:].lower() for p in tok.split("-"))
            if _word(tok) not in _CONNECTORS | PARTICLES
            else tok.lower()
            for tok in phrase.split()
        )
    return phrase


# Offices a role is "of" that name the portfolio, not whom the holder serves:
# "Secretary of State", "Minister of Foreign Affairs", "Chief of Staff".
_PORTFOLIO = re.compile(
    r"(?:the\s+)?(?:State|Defen[cs]e|Treasury|Foreign Affairs|External Affairs|Finance|"
    r"Homeland Security|Commerce|Energy|Agriculture|Labou?r|Education|Transportation|"
    r"Interior|Internal Affairs|Justice|Health(?: and Human Services)?|Veterans Affairs|"
    r"Staff|Economy|Economic Development|Culture|Emergency Situations|Trade)"
    r"(?=\s+of\s|\s*$)",
    re.IGNORECASE,
)
# Places in COUNTRIES that are no state a role could serve ("Kremlin spokesman").
_NOT_STATES = frozenset(
    _words("moscow washington kremlin beijing brussels geneva vatican europe africa asia america")
)


def _affiliation_of(role: str | None) -> str | None:
    """ "President of Russia" → "Russia"; "Russian Foreign Minister" → "Russia".

    Two readings keep an office from passing for an affiliation:

    * ``portfolio-of``: "of State", "of Foreign Affairs" name the portfolio, so the
      affiliation is the next "of" ("Minister of Foreign Affairs of Kazakhstan" →
      "Kazakhstan") or none ("Secretary of State" serves whoever publishes);
    * ``country-first``: a country written before the role ("Kazakhstan Foreign
      Minister") is whom the holder serves, as a demonym is ("Russian Foreign Minister").
    """
    if not role:
        return None
    for m in re.finditer(r"\bof\s+", role, re.IGNORECASE):
        rest = role[m.end() :]
        if _PORTFOLIO.match(rest):
            continue
        return re.sub(r"^the\s+", "", rest.strip(), flags=re.IGNORECASE)
    first = role.split()[0] if role.split() else ""
    pair = " ".join(_word(w) for w in role.split()[:2])
    if pair in DEMONYMS:
        return DEMONYMS[pair]  # "Sri Lankan Foreign Minister"
    if _word(first) in DEMONYMS:
        return DEMONYMS[_word(first)]
    if _word(first) in COUNTRIES and _word(first) not in _NOT_STATES and len(role.split()) > 1:
        return first.strip(",")
    if len(first) >= 2 and first.isupper() and first.isalpha() and role != role.upper():
        return first  # "NATO Secretary General" → "NATO"
    return None


def _given_name_al(name_tokens: list[str]) -> bool:
    """``al-given-name``: a capitalised "Al" opening a name and followed by a
    capitalised word ("Al Gore", "Al Sharpton") is a given name (Albert, Alfred), not
    the Arabic article: it stays in the name. The article is written "al-Sisi",
    "Al-Thani" (one token, never dropped) or "al Thani", and after a given name
    ("Tamim bin Hamad Al Thani"), where nothing is dropped either."""
    return (
        len(name_tokens) >= 2
        and name_tokens[0] == "Al"
        and _is_capitalised(name_tokens[1])
        and _word(name_tokens[1]) not in PARTICLES
    )


@lru_cache(maxsize=16384)  # a pure function of the phrase; labels and names recur a lot
def split_role_name(phrase: str) -> tuple[str | None, str, str | None]:
    """Split a speaker phrase into ``(role, name, affiliation)``.

    ``name`` is the personal name, or ``""`` when the phrase names only a role ("THE
    VICE PRESIDENT", "Moderator"). ``role`` keeps the document's words ("President of
    Russia"); all-capitals phrases come back in title case. A trailing note in
    parentheses ("(retranslated)") and a possessive "’s" are dropped.

    >>> split_role_name("President of Russia Vladimir Putin")
    ('President of Russia', 'Vladimir Putin', 'Russia')
    >>> split_role_name("Foreign Minister Sergey Lavrov")
    ('Foreign Minister', 'Sergey Lavrov', None)
    >>> split_role_name("PRESIDENT BIDEN")
    ('President', 'Biden', None)
    """
    text = _TRAILING_NOTE.sub("", " ".join(phrase.split())).strip(" ,:;.")
    text = _LEADING_THE.sub("", _titlecase_caps(text))
    if not text:
        return None, "", None
    trailing_place: str | None = None
    m = _TRAILING_OF.match(text)
    if m and all(
        _is_place(t) or _word(t) in ORG_WORDS or _word(t) in _PLACE_GLUE
        for t in m.group("place").split()
    ):
        # "Prime Minister Morrison of Australia": the place follows the name.
        text, trailing_place = m.group("head"), m.group("place").strip()
    tokens = text.split()
    tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
    if len(tokens) == 1 and _INITIAL_NAME.match(tokens[0]):
        return None, tokens[0], None
    i = len(tokens)
    while i > 0 and not _stops_name(tokens[i - 1]):
        i -= 1
    name_tokens = tokens[i:]
    while (name_tokens and _word(name_tokens[0]) in PARTICLES
           and not _given_name_al(name_tokens)):
        name_tokens = name_tokens[1:]
        i += 1
    role_tokens = tokens[:i]
    while role_tokens and _word(role_tokens[-1]) in HONORIFICS:
        role_tokens = role_tokens[:-1]  # "Mr" is not a role
    while role_tokens and _word(role_tokens[0]) in HONORIFICS:
        role_tokens = role_tokens[1:]
    role = " ".join(role_tokens).strip(" ,") or None
    if role and role.casefold() in _CONNECTORS:
        role = None
    name = " ".join(t.strip(",") for t in name_tokens)
    affiliation = trailing_place or _affiliation_of(role)
    return role, name, affiliation


def is_name_word(token: str) -> bool:
    """Capitalised, or a lower-case name particle ("bin", "al", "el-Sisi", "d’Estaing")."""
    return (
        _is_capitalised(token) or _word(token) in PARTICLES or bool(_PARTICLE_PREFIX.match(token))
    )


# ``family-name-first``: common Chinese (pinyin and Wade–Giles/Cantonese spellings)
# and Korean family names. Such a name is written family name first ("Wang Wenbin",
# "Kim Jong Un"), and the family name is what later mentions keep ("Wang said").
SINO_KOREAN_SURNAMES = frozenset(
    _words(
        """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai
    jiang yu du ye cheng wei su lu ding ren yao shen zhong cui tan fan liao shi jin jia
    xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long shao qian hao
    kong mao geng xi qi hua zhai wen ni dai mo gu kang niu lou bi hong
    chiang tsai hsu chou chao chang cheung wong leung lam chan ho lai ko
    kim lee park choi jung kang cho yoon jang lim oh seo shin kwon hwang ahn yoo jeon
    moon son bae baek nam chung roh ban yun choe ri ryu heo woo noh chun byun
    """
    )
)
# One romanised Chinese or Korean syllable ("wen", "bin", "jong", "yeol", "duck"): an
# optional initial and glide, a vowel run and an optional final. English names rarely read as one
# or two of them ("Darroch", "Anderson", "Campbell" do not).
_SINO_SYLLABLE = (
    r"(?:zh|ch|sh|ts|tz|hs|wh|ss|jj|kk|tt|pp|[bcdfghjklmnpqrstwxyz])?[wy]?"
    r"[aeiouü]{1,3}(?:ng|ck|n|r|m|k|l|p|t)?"
)
_SINO_GIVEN = re.compile(rf"(?:{_SINO_SYLLABLE}){{1,2}}(?:-(?:{_SINO_SYLLABLE}){{1,2}})?",
                         re.IGNORECASE)


def family_name_first(name: str) -> str | None:
    """The family name of a name written family name first, else ``None``.

    Two shapes are read, conservatively (a Western "Maya Lin" or "Kim Darroch" keeps
    its last word):

    * ``sino-korean``: two or three words, the first a common Chinese or Korean family
      name and every other one or two romanised syllables ("Wang Wenbin" → "Wang",
      "Mao Ning", "Kim Jong Un", "Moon Jae-in", "Tsai Ing-wen");
    * ``caps-family``: Japan's ministry writes the family name in capitals before the
      given name ("KAMIKAWA Yoko" → "Kamikawa").
    """
    parts = name.split()
    if not 2 <= len(parts) <= 3:
        return None
    first, rest = parts[0], parts[1:]
    if not all(p[:1].isupper() and not p.isupper() for p in rest):
        return None
    if len(first) >= 2 and first.isalpha() and first.isupper():
        return first.capitalize()
    if (first[:1].isupper() and first.casefold() in SINO_KOREAN_SURNAMES
            and all(_SINO_GIVEN.fullmatch(p) for p in rest)):
        return first
    return None


@lru_cache(maxsize=16384)  # pure; the same few names are asked about again and again
def surname(name: str) -> str:
    """The part of a personal name other mentions keep: the last word ("Lavrov"), or
    the family name of a name written family name first ("Wang" for "Wang Wenbin")."""
    parts = name.replace(".", ". ").split()
    if not parts:
        return ""
    return family_name_first(" ".join(parts)) or parts[-1]
