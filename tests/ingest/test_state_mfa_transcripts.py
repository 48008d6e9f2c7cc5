"""U.S. State Department and Russian Foreign Ministry transcripts, end to end.

Short documents written here in the two publishers' house styles: State Department
press briefings ("MR PRICE:", "QUESTION:"), joint press availabilities, interviews and
telephonic background briefings ("SENIOR STATE DEPARTMENT OFFICIAL ONE:"), and mid.ru
pages (Lavrov's news conferences with "Question (retranslated):", Zakharova's weekly
briefings with topic headings between the turns), as plain text with hard-wrapped lines
and page furniture, and as simple HTML with bold labels. One test per behaviour.
"""

from __future__ import annotations

from store.ingest import extract, extract_text
from store.models import Meeting, Person


def meeting(text: str, source: str = "doc.txt") -> Meeting:
    (m,) = extract_text(text, source)
    return m


def html_meeting(html: str, source: str = "page.html") -> Meeting:
    (m,) = extract(html.encode("utf-8"), source)
    return m


def turns(m: Meeting) -> list[tuple[str | None, str]]:
    """(speaker, kind) of every remark, in order."""
    return [(r.speaker, r.kind) for r in m.remarks]


def starts(m: Meeting) -> list[str]:
    """The first words of every remark."""
    return [" ".join(r.text.split()[:4]) for r in m.remarks]


def person(m: Meeting, name: str) -> Person:
    p = m.participant(name)
    assert p is not None, [x.name for x in m.participants]
    return p


def check_offsets(m: Meeting) -> None:
    for r in m.remarks:
        assert m.text[r.start : r.end] == r.text


# -- a joint press availability abroad -----------------------------------------------

JOINT = """\
Secretary Antony J. Blinken and Kazakhstan Foreign Minister Mukhtar Tileuberdi at a \
Joint Press Availability

Antony J. Blinken, Secretary of State

Astana, Kazakhstan

February 28, 2023

MODERATOR: (Via interpreter) Good afternoon, dear journalists. We are starting the
press conference of the Minister of Foreign Affairs of Kazakhstan and the Secretary of
State of the United States. The floor is given to Minister Tileuberdi.

FOREIGN MINISTER TILEUBERDI: (Via interpreter) Dear Mr. Secretary, dear representatives
of the media, today we held substantive talks with the Secretary of State.

We discussed the expansion of trade and investment and the C5+1 format.

SECRETARY BLINKEN: Well, thank you very much, Mukhtar, and good afternoon, everyone.
It's wonderful to be in Astana, and I'm grateful for the hospitality.

MODERATOR: (Via interpreter) Thank you. Now we move to questions. Kazinform, please.

QUESTION: (Via interpreter) Question to Mr. Blinken. How do you assess the
sanctions' effect on Kazakhstan's economy?

SECRETARY BLINKEN: We are working closely with Kazakhstan to minimize the impact.

QUESTION: Thank you. Mr. Secretary, are you worried about China supplying lethal
aid to Russia? And Minister, has Kazakhstan been asked to help evade sanctions?

SECRETARY BLINKEN: Thank you, Humeyra. We've been very clear with Beijing.

FOREIGN MINISTER TILEUBERDI: (Via interpreter) Kazakhstan complies with the
sanctions regime. We do not want to be a platform for evasion.
"""


def test_joint_availability_turns_and_header() -> None:
    m = meeting(JOINT)
    assert m.title == (
        "Secretary Antony J. Blinken and Kazakhstan Foreign Minister Mukhtar Tileuberdi "
        "at a Joint Press Availability"
    )
    assert m.date == "2023-02-28"
    assert m.place == "Astana, Kazakhstan"
    assert m.outlet == "U.S. Department of State"
    blinken, tileuberdi = "Antony J. Blinken", "Mukhtar Tileuberdi"
    assert [(s, k) for s, k in turns(m) if s != "Moderator"] == [
        (tileuberdi, "statement"),
        (blinken, "statement"),
        (None, "question"),
        (blinken, "answer"),
        (None, "question"),
        (blinken, "answer"),
        (tileuberdi, "answer"),
    ]
    assert starts(m)[0] == "Good afternoon, dear journalists."  # the note is not the words
    check_offsets(m)


def test_affiliation_of_secretary_of_state_and_of_a_country_first_role() -> None:
    """ "of State" names the portfolio, not an affiliation; "Kazakhstan Foreign Minister"
    serves Kazakhstan, even on the State Department's own page."""
    m = meeting(JOINT)
    blinken = person(m, "Antony J. Blinken")
    assert (blinken.role, blinken.affiliation) == ("Secretary of State", "United States")
    tileuberdi = person(m, "Mukhtar Tileuberdi")
    assert tileuberdi.affiliation == "Kazakhstan"
    assert {p.name for p in m.participants} >= {"Antony J. Blinken", "Mukhtar Tileuberdi"}


# -- a Lavrov news conference with a foreign counterpart (mid.ru) --------------------

LAVROV = """\
Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news \
conference with Foreign Minister of Egypt Sameh Shoukry, Moscow, January 31, 2022

31 January 2022 17:40

Ladies and gentlemen,

We have held talks with my Egyptian colleague, Foreign Minister Sameh Shoukry.
The talks were held in a friendly and trusting atmosphere in Egypt's and Russia's
tradition. Egypt is a key partner; Egyptian tourists, Egyptian wheat buyers.

Sameh Shoukry (retranslated): I would like to thank Foreign Minister Sergey Lavrov
for the warm welcome. Egypt and Russia enjoy a strategic partnership.

Question (retranslated): What can you say about the situation in Libya? When will
the elections take place?

Sameh Shoukry (retranslated): Egypt supports holding the elections as soon as
possible.

Sergey Lavrov: We share this position. The Libyans themselves must decide.

Question: Mr Lavrov, the United States has handed over its written response on
security guarantees. What is your assessment?

Sergey Lavrov: We are studying the response. I will not go into detail now.

Question (to both ministers, retranslated): How do you view the situation around
the Grand Ethiopian Renaissance Dam?

Sergey Lavrov (speaking in English): We believe that there should be an agreement
acceptable to all three countries.

Sameh Shoukry (retranslated): Egypt remains committed to a negotiated solution.
"""

LAVROV_TURNS = [
    ("Sergey Lavrov", "statement"),
    ("Sameh Shoukry", "statement"),
    (None, "question"),
    ("Sameh Shoukry", "answer"),
    ("Sergey Lavrov", "answer"),
    (None, "question"),
    ("Sergey Lavrov", "answer"),
    (None, "question"),
    ("Sergey Lavrov", "answer"),
    ("Sameh Shoukry", "answer"),
]


def test_lavrov_news_conference_turns() -> None:
    m = meeting(LAVROV)
    assert m.date == "2022-01-31"
    assert m.place == "Moscow"
    assert m.title.startswith("Foreign Minister Sergey Lavrov’s remarks and answers")
    assert turns(m) == LAVROV_TURNS
    assert starts(m)[2] == "What can you say"  # "(retranslated)" is not the words
    check_offsets(m)


def test_guest_country_is_not_the_publishing_ministry() -> None:
    """The title names the host bare and the guest "of Egypt": a record full of Egypt is
    still the Russian ministry's, and its minister is Russia's."""
    m = meeting(LAVROV)
    assert m.outlet == "Russian Ministry of Foreign Affairs"
    assert person(m, "Sergey Lavrov").affiliation == "Russia"
    assert person(m, "Sameh Shoukry").affiliation == "Egypt"
    assert [p.name for p in m.participants] == ["Sergey Lavrov", "Sameh Shoukry"]


def test_any_ministry_is_home_to_its_bare_titled_minister() -> None:
    text = """\
Foreign Minister Sameh Shoukry’s remarks at a joint news conference with Foreign Minister \
of Russia Sergey Lavrov, Cairo, July 24, 2022

Sameh Shoukry: I welcome my Russian colleague to Cairo. Russia is a friend.

Sergey Lavrov (retranslated): Thank you. Russia values its ties with Egypt.

Question: What about grain deliveries from Russia?

Sameh Shoukry: Egypt counts on Russian grain, and Russia on Egyptian fruit.
"""
    m = meeting(text)
    assert m.outlet == "Egyptian Ministry of Foreign Affairs"
    assert person(m, "Sameh Shoukry").affiliation == "Egypt"
    assert person(m, "Sergey Lavrov").affiliation == "Russia"
    assert turns(m) == [
        ("Sameh Shoukry", "statement"),
        ("Sergey Lavrov", "statement"),
        (None, "question"),
        ("Sameh Shoukry", "answer"),
    ]
