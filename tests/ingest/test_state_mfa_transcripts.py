"""U.S. State Department and Russian Foreign Ministry transcripts, end to end.

Short documents written here in the two publishers' house styles: State Department
press briefings ("MR PRICE:", "QUESTION:"), joint press availabilities, interviews and
telephonic background briefings ("SENIOR STATE DEPARTMENT OFFICIAL ONE:"), and mid.ru
pages (Lavrov's news conferences with "Question (retranslated):", Zakharova's weekly
briefings with topic headings between the turns), as plain text with hard-wrapped lines
and page furniture, and as simple HTML with bold labels. One test per behaviour.
"""

from __future__ import annotations

from store.ingest.speakers import is_heading_label
from store.models import Meeting
from tests.ingest.documents import check_offsets, first_words, person, turns
from tests.ingest.documents import read as meeting
from tests.ingest.documents import read_html as html_meeting


def starts(m: Meeting) -> list[str]:
    """The first 4 words of every remark."""
    return first_words(m, 4)


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


# -- a State Department press briefing -----------------------------------------------

PRICE = """\
Skip to main content
U.S. Department of State
Share
Print

Department Press Briefing – March 3, 2022

Ned Price, Department Spokesperson

Washington, DC

March 3, 2022

2:17 p.m. EST

MR PRICE: Good afternoon. Happy Thursday. I have two things at the top, and then
I'm happy to take your questions.

First, today the Secretary spoke with his counterparts from the G7 about the
continuing humanitarian toll of Russia's war against Ukraine.

With that, Matt.

QUESTION: Thanks, Ned. Can we start with the talks in Belarus? Do you have any
read on what came out of them?

MR PRICE: Well, Matt, we have seen the reports. We are not a party to those
discussions, and we would defer to the Ukrainians.

QUESTION: (Via interpreter) Thank you. A question on Iran: Is there a deal this week?

MR PRICE: We are not there yet. There are a small number of issues outstanding.

QUESTION: Ned, on China –

MR PRICE: Sure.

QUESTION: – the Chinese foreign ministry today said that NATO expansion is to blame.
What's your response?

MR PRICE: We reject that framing entirely. Thank you all very much.

(The briefing was concluded at 3:12 p.m.)

Tags
Office of the Spokesperson
Bureau of Global Public Affairs
Back to top
White House
USA.gov
Office of the Inspector General
"""


def test_press_briefing_turns_and_spokesperson_from_the_topper() -> None:
    """ "MR PRICE" is the spokesperson the topper names: "Ned Price, Department
    Spokesperson"; every "QUESTION:" is an unnamed journalist."""
    m = meeting(PRICE)
    assert m.title == "Department Press Briefing – March 3, 2022"
    assert m.date == "2022-03-03"
    assert m.outlet == "U.S. Department of State"
    price = "Ned Price"
    assert turns(m) == [
        (price, "statement"),
        (None, "question"),
        (price, "answer"),
        (None, "question"),
        (price, "answer"),
        (None, "question"),
        (price, "answer"),
        (None, "question"),
        (price, "answer"),
    ]
    p = person(m, price)
    assert (p.role, p.affiliation) == ("Department Spokesperson", "United States")
    assert "MR PRICE" in p.aliases
    assert [x.name for x in m.participants] == [price]
    check_offsets(m)


def test_closing_line_ends_the_last_turn() -> None:
    """What the page prints under "(The briefing was concluded …)" is no one's words."""
    m = meeting(PRICE)
    assert m.remarks[-1].text == "We reject that framing entirely. Thank you all very much."
    text = PRICE.replace("(The briefing was concluded at 3:12 p.m.)", "END 3:12 P.M. EST")
    assert meeting(text).remarks[-1].text.endswith("Thank you all very much.")


# -- a telephonic background briefing ------------------------------------------------

TELEPHONIC = """\
Senior State Department Officials On the Secretary's Upcoming Travel to India and \
Central Asia

Special Briefing

Office of the Spokesperson

Via Teleconference

February 24, 2023

MODERATOR: Thank you, and good afternoon, everyone. Thank you for joining today's
call on the Secretary's upcoming travel. As a reminder, this call is on background,
attributable to senior State Department officials.

SENIOR STATE DEPARTMENT OFFICIAL ONE: Thanks very much, and thanks everyone for
joining. The Secretary will travel to Astana and Tashkent.

SENIOR STATE DEPARTMENT OFFICIAL TWO: Thank you. From New Delhi the Secretary will
attend the G20 foreign ministers' meeting.

MODERATOR: Thank you. Operator, if you could open the line for questions.

OPERATOR: Thank you. The first question goes to Shaun Tandon, AFP.

QUESTION: Thanks for doing this. Will the Secretary meet Foreign Minister Lavrov in
New Delhi?

SENIOR STATE DEPARTMENT OFFICIAL TWO: We have no plans for such a meeting.

MODERATOR: Next, let's go to the line of Jennifer Hansler.

QUESTION: Thanks. On Central Asia, is the Secretary going to raise sanctions
evasion?

MODERATOR: Go ahead.

SENIOR STATE DEPARTMENT OFFICIAL ONE: Yes, this will certainly come up.

MODERATOR: Thank you all for joining. This call is now concluded.
"""


def test_telephonic_briefing_numbered_officials_operator_and_moderator() -> None:
    """Each numbered official is a speaker of their own under the full label; a one-off
    "OPERATOR:" is a voice; a moderator's turn is a statement, and the official after
    it still answers the question."""
    m = meeting(TELEPHONIC)
    assert m.date == "2023-02-24"
    one = "Senior State Department Official One"
    two = "Senior State Department Official Two"
    assert turns(m) == [
        ("Moderator", "statement"),
        (one, "statement"),
        (two, "statement"),
        ("Moderator", "statement"),
        ("Operator", "statement"),
        (None, "question"),
        (two, "answer"),
        ("Moderator", "statement"),
        (None, "question"),
        ("Moderator", "statement"),
        (one, "answer"),
        ("Moderator", "statement"),
    ]
    assert person(m, one).affiliation == "United States"
    assert "SENIOR STATE DEPARTMENT OFFICIAL TWO" in person(m, two).aliases
    check_offsets(m)


# -- a Zakharova briefing as an HTML page --------------------------------------------

ZAKHAROVA_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023 - \
The Ministry of Foreign Affairs of the Russian Federation</title>
</head><body>
<main>
<div class="announce__date">2 March 2023 16:30</div>
<h1>Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023</h1>
<div class="text">
<p><strong>Sergey Lavrov’s schedule</strong></p>
<p>On March 3, Foreign Minister Sergey Lavrov will take part in the G20 foreign ministers’
meeting in New Delhi. On the sidelines, he will hold a number of bilateral meetings.</p>
<p><strong>Ukraine crisis update:</strong></p>
<p>The Kiev regime continues shelling residential areas in Donbass. Over the past week,
civilians have been killed, including children.</p>
<p><strong>Russia-Africa Summit:</strong></p>
<p>Preparations for the second Russia-Africa summit in St Petersburg are under way.</p>
<p><strong>Answers to media questions:</strong></p>
<p><strong>Question:</strong> How does Moscow assess the results of the G20 meeting?</p>
<p><strong>Maria Zakharova:</strong> The Western delegations tried to turn the event into
an anti-Russia platform.</p>
<p><strong>Question (retranslated):</strong> Will Russia respond to the new sanctions?</p>
<p><strong>Maria Zakharova:</strong> Of course. Our response will be considered.</p>
</div>
<div class="share">Share</div><a href="#top">Back to top</a>
</main>
</body></html>
"""


def test_bold_topic_headings_are_not_speakers() -> None:
    """ "Ukraine crisis update:" and "Russia-Africa Summit:" set in bold name neither a
    person nor a role: they head the spokeswoman's topics, they are no speakers."""
    m = html_meeting(ZAKHAROVA_HTML)
    assert [p.name for p in m.participants] == ["Maria Zakharova"]
    z = "Maria Zakharova"
    assert turns(m) == [(z, "statement")] * 3 + [(None, "question"), (z, "answer")] * 2
    assert starts(m)[:3] == [
        "On March 3, Foreign",
        "The Kiev regime continues",
        "Preparations for the second",
    ]
    assert [s.title for s in m.sections] == [
        "Sergey Lavrov’s schedule",
        "Ukraine crisis update",
        "Russia-Africa Summit",
        "Answers to media questions",
    ]
    assert (
        m.title == "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023"
    )
    assert m.date == "2023-03-02"
    assert m.outlet == "Russian Ministry of Foreign Affairs"
    check_offsets(m)


# -- a Zakharova briefing as plain text ----------------------------------------------

ZAKHAROVA = """\
Ministry of Foreign Affairs of the Russian Federation

Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023

2 March 2023 16:30

Share

Table of contents

Sergey Lavrov’s schedule

Ukraine crisis update

Sergey Lavrov’s schedule

On March 3, Foreign Minister Sergey Lavrov will take part in the G20 foreign
ministers’ meeting in New Delhi.

Ukraine crisis update

The Kiev regime continues shelling residential areas in Donbass. Over the past
week, civilians have been killed, including children.

The Western countries continue pumping weapons into Ukraine, prolonging the conflict.

On the 80th anniversary of the Battle of Stalingrad

This year marks the 80th anniversary of the victory in the Battle of Stalingrad.

Russia-Africa Summit:

Preparations for the second Russia-Africa summit in St Petersburg are under way.

Venezuela

We welcome the dialogue between the Government of Venezuela and the opposition.

Answers to media questions:

Question: How does Moscow assess the results of the G20 meeting in New Delhi?

Maria Zakharova: We have already commented on this. The Western delegations tried
to turn the event into an anti-Russia platform.

Question: Are there plans for contacts with the new Moldovan government?

Maria Zakharova: We have seen no signals from Chisinau.

Question (retranslated): Will Russia respond to the new sanctions package?

Maria Zakharova: Of course. Our response will be considered.

Back to top
"""


def test_briefing_topic_headings_are_sections_not_words_or_speakers() -> None:
    """Each topic of the spokeswoman's opening is a statement of hers that starts at
    its prose; the headings (and the list of contents) are sections."""
    m = meeting(ZAKHAROVA)
    assert (
        m.title == "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023"
    )
    assert m.date == "2023-03-02"
    assert m.outlet == "Russian Ministry of Foreign Affairs"
    z = "Maria Zakharova"
    assert turns(m) == [(z, "statement")] * 5 + [(None, "question"), (z, "answer")] * 3
    assert starts(m)[:5] == [
        "On March 3, Foreign",
        "The Kiev regime continues",
        "This year marks the",
        "Preparations for the second",
        "We welcome the dialogue",
    ]
    titles = [s.title for s in m.sections]
    assert titles[0] == "Table of contents"
    assert titles[-5:] == [
        "Ukraine crisis update",
        "On the 80th anniversary of the Battle of Stalingrad",
        "Russia-Africa Summit",
        "Venezuela",
        "Answers to media questions",
    ]
    assert [p.name for p in m.participants] == [z]
    check_offsets(m)


def test_briefing_answers_are_the_spokeswomans_when_unlabelled() -> None:
    """Some briefings label only the questions: the answer after a "?" is hers."""
    text = ZAKHAROVA.replace("Maria Zakharova: ", "")
    m = meeting(text)
    z = "Maria Zakharova"
    assert turns(m)[5:] == [(None, "question"), (z, "answer")] * 3
    assert starts(m)[6] == "We have already commented"


# -- an interview and a stakeout -----------------------------------------------------

INTERVIEW = """\
Secretary Antony J. Blinken With Margaret Brennan of CBS Face the Nation

Interview

Antony J. Blinken, Secretary of State

Washington, D.C.

February 5, 2023

QUESTION: Good morning and welcome to Face the Nation. We begin this morning with
Secretary of State Antony Blinken. Good morning to you, Mr. Secretary.

SECRETARY BLINKEN: Good morning, Margaret.

QUESTION: The balloon was shot down yesterday. Why did it take so long?

SECRETARY BLINKEN: Margaret, as soon as the President was briefed, he asked for
options. The judgment of our military was that it was best to take it down over
water.

QUESTION: Mr. Secretary, thank you for your time.

SECRETARY BLINKEN: Thank you.
"""


def test_interview_turns_interviewer_and_place() -> None:
    """The interviewer's "QUESTION:" turns are unnamed questions; the title names her
    with her outlet ("Margaret Brennan of CBS …"); "Interview" is a genre tag, not a
    place."""
    m = meeting(INTERVIEW)
    assert m.date == "2023-02-05"
    assert m.place == "Washington, D.C."
    b = "Antony J. Blinken"
    assert turns(m) == [(None, "question"), (b, "answer")] * 3
    brennan = person(m, "Margaret Brennan")
    assert brennan.affiliation == "CBS Face the Nation"
    assert [p.name for p in m.participants] == [b, "Margaret Brennan"]
    assert person(m, b).affiliation == "United States"


REMARKS = """\
Secretary Blinken's Remarks to the Press

Antony J. Blinken, Secretary of State

Tel Aviv, Israel

January 9, 2024

SECRETARY BLINKEN: Good evening, everyone. I just concluded a series of meetings
with the Israeli leadership.

MR MILLER: We'll take a few questions. Matt Lee, AP.

QUESTION: Thank you, Mr. Secretary. Did you get any commitments from the Prime
Minister?

THE SECRETARY: Matt, we had a very candid conversation.

PARTICIPANT: And on Lebanon?

THE SECRETARY: We're determined to avoid escalation.
"""


def test_the_secretary_is_the_bylined_secretary_by_full_name() -> None:
    """The title says "Secretary Blinken", the byline "Antony J. Blinken, Secretary of
    State": "SECRETARY BLINKEN" and "THE SECRETARY" are both Antony J. Blinken."""
    m = meeting(REMARKS)
    b = "Antony J. Blinken"
    assert turns(m) == [
        (b, "statement"),
        ("Miller", "statement"),
        (None, "question"),
        (b, "answer"),
        ("Participant", "question"),
        (b, "answer"),
    ]
    p = person(m, b)
    assert (p.role, p.affiliation) == ("Secretary of State", "United States")
    assert "Blinken" in p.aliases
    assert m.place == "Tel Aviv, Israel"


def test_html_page_printing_its_title_twice_starts_at_the_words() -> None:
    """A page whose <h1> repeats the title under the date: the repeat is header."""
    m = html_meeting(ZAKHAROVA_HTML)
    assert m.remarks[0].text.startswith("On March 3, Foreign Minister Sergey Lavrov")


# -- State Department pages as HTML --------------------------------------------------

JOINT_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Secretary Antony J. Blinken and Kazakhstan Foreign Minister Mukhtar Tileuberdi at a \
Joint Press Availability - United States Department of State</title>
</head><body>
<header><a href="/">U.S. Department of State</a></header>
<main>
<div class="featured-content__headline"><p class="doctype-meta">Remarks</p>
<h1>Secretary Antony J. Blinken and Kazakhstan Foreign Minister Mukhtar Tileuberdi at a \
Joint Press Availability</h1></div>
<div class="article-meta">
<p class="article-meta__author-bureau"><a href="/biographies/antony-j-blinken/">Antony J. \
Blinken, Secretary of State</a></p>
<p class="article-meta__location">Astana, Kazakhstan</p>
<p class="article-meta__publish-date">February 28, 2023</p>
</div>
<div class="entry-content">
<p><b>MODERATOR:</b> (Via interpreter) Good afternoon, dear journalists. The floor is given
to Minister Tileuberdi.</p>
<p><b>FOREIGN MINISTER TILEUBERDI:</b> (Via interpreter) Dear Mr. Secretary, today we held
substantive talks.</p>
<p><b>SECRETARY BLINKEN:</b> Well, thank you very much, Mukhtar, and good afternoon.</p>
<p><b>QUESTION:</b> (Via interpreter) Question to Mr. Blinken. How do you assess the
sanctions?</p>
<p><b>SECRETARY BLINKEN:</b> We are working closely with Kazakhstan.</p>
<p><b>MODERATOR:</b> Next question.</p>
<p><b>QUESTION:</b> Mr. Secretary, are you worried about China?</p>
<p><b>SECRETARY BLINKEN:</b> We've been very clear with Beijing.</p>
<p><b>FOREIGN MINISTER TILEUBERDI:</b> (Via interpreter) Kazakhstan complies with the
sanctions regime.</p>
<p>(The press availability was concluded.)</p>
</div>
<div class="tags"><a href="#">Kazakhstan</a> <a href="#">Office of the Secretary</a></div>
</main>
</body></html>
"""


def test_html_page_keeps_its_linked_byline_place_and_date() -> None:
    """The byline block is one linked name, a place and a date: the record's header,
    not a list of links; it gives the date the title lacks and the Secretary's name."""
    m = html_meeting(JOINT_HTML)
    assert m.date == "2023-02-28"
    assert m.place == "Astana, Kazakhstan"
    assert m.title.endswith("Mukhtar Tileuberdi at a Joint Press Availability")
    blinken = person(m, "Antony J. Blinken")
    assert (blinken.role, blinken.affiliation) == ("Secretary of State", "United States")
    assert person(m, "Mukhtar Tileuberdi").affiliation == "Kazakhstan"


def test_html_bold_labels_with_interpreter_notes() -> None:
    """ "<b>QUESTION:</b> (Via interpreter) …": the note is not the journalist's words."""
    m = html_meeting(JOINT_HTML)
    b, t = "Antony J. Blinken", "Mukhtar Tileuberdi"
    assert turns(m) == [
        ("Moderator", "statement"),
        (t, "statement"),
        (b, "statement"),
        (None, "question"),
        (b, "answer"),
        ("Moderator", "statement"),
        (None, "question"),
        (b, "answer"),
        (t, "answer"),
    ]
    assert starts(m)[0] == "Good afternoon, dear journalists."
    assert starts(m)[3] == "Question to Mr. Blinken."
    assert m.remarks[-1].text == "Kazakhstan complies with the sanctions regime."
    check_offsets(m)


# -- header, title and participants ------------------------------------------------


def test_place_before_the_titles_date_is_no_participant() -> None:
    """ "…, New Delhi, March 2, 2023" reads like a first and last name; it is the place.
    Journalists named with their outlet ("Question (TASS):") are unnamed questions."""
    text = """\
Foreign Minister Sergey Lavrov’s remarks and answers to media questions following talks \
with Minister of External Affairs of India Subrahmanyam Jaishankar, New Delhi, March 2, 2023

Sergey Lavrov: Good afternoon. Russia and India have had substantive talks.

Question (TASS): How do you assess the G20 ministerial?

Sergey Lavrov: The Western countries tried to turn it into a farce.

Question (Reuters, retranslated): Did you meet Antony Blinken?

Sergey Lavrov: He approached me himself.

Question (to Subrahmanyam Jaishankar): What is India’s position?

Subrahmanyam Jaishankar (speaking in English): India stands for dialogue.
"""
    m = meeting(text)
    assert m.place == "New Delhi"
    assert [p.name for p in m.participants] == ["Sergey Lavrov", "Subrahmanyam Jaishankar"]
    assert person(m, "Subrahmanyam Jaishankar").affiliation == "India"
    assert person(m, "Sergey Lavrov").affiliation == "Russia"
    lavrov, jaishankar = "Sergey Lavrov", "Subrahmanyam Jaishankar"
    assert turns(m) == [
        (lavrov, "statement"),
        (None, "question"),
        (lavrov, "answer"),
        (None, "question"),
        (lavrov, "answer"),
        (None, "question"),
        (jaishankar, "answer"),
    ]


# -- topic headings -------------------------------------------------------------------


def test_colon_headings_are_sections_but_a_quotations_lead_in_is_not() -> None:
    """ "Ukraine crisis update:" heads a topic; "The statement reads, in part:" leads
    into a quotation and stays in the remark; "Answers to questions from the media:"
    opens the questions."""
    text = """\
Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, April 5, 2023

5 April 2023 17:00

Ukraine crisis update:

The Kiev regime continues its attacks against civilians, with the support of its
Western sponsors.

On Russia’s presidency of the UN Security Council

In April, Russia presides over the UN Security Council. The main event will be a
high-level open debate.

The statement reads, in part:

"We call on all parties to exercise restraint and to return to the negotiating table."

Answers to questions from the media:

Question: Will Sergey Lavrov go to New York?

Maria Zakharova: Yes, he will chair the meetings.
"""
    m = meeting(text)
    assert [s.title for s in m.sections] == [
        "Ukraine crisis update",
        "On Russia’s presidency of the UN Security Council",
        "Answers to questions from the media",
    ]
    z = "Maria Zakharova"
    assert turns(m) == [(z, "statement"), (z, "statement"), (None, "question"), (z, "answer")]
    assert starts(m)[:2] == ["The Kiev regime continues", "In April, Russia presides"]
    assert "The statement reads, in part:" in m.remarks[1].text
    assert m.remarks[1].text.endswith('negotiating table."')


def test_topic_headings_in_a_file_with_one_paragraph_a_line() -> None:
    """Without blank lines every line is a paragraph; a heading is a short line between
    a sentence's end and a new sentence."""
    paragraphs = [" ".join(p.split()) for p in ZAKHAROVA.split("\n\n") if p.strip()]
    m = meeting("\n".join(paragraphs) + "\n")
    assert [s.title for s in m.sections][-5:] == [
        "Ukraine crisis update",
        "On the 80th anniversary of the Battle of Stalingrad",
        "Russia-Africa Summit",
        "Venezuela",
        "Answers to media questions",
    ]
    z = "Maria Zakharova"
    assert turns(m) == [(z, "statement")] * 5 + [(None, "question"), (z, "answer")] * 3
    assert starts(m)[1] == "The Kiev regime continues"


# -- labels and speakers ---------------------------------------------------------------


def test_interpreter_note_before_the_label() -> None:
    """ "(Via interpreter.) QUESTION:" opens a journalist's turn; the note belongs to
    the label, not to the words before or after it."""
    text = """\
Secretary Antony J. Blinken With Moussa Tchangari of Tele Sahel

Interview

Antony J. Blinken, Secretary of State

Niamey, Niger

March 16, 2023

(Via interpreter.) QUESTION:  Secretary of State, good evening.  So first of all, how is
the cooperation between United States and Niger?

SECRETARY BLINKEN:  The cooperation is very excellent.

(Via interpreter.) QUESTION:  What about security in the Sahel?

SECRETARY BLINKEN:  We are working with Niger as a partner.

QUESTION:  (Via interpreter.) Thank you, Mr. Secretary.

SECRETARY BLINKEN:  Thank you.
"""
    m = meeting(text)
    b = "Antony J. Blinken"
    assert turns(m) == [(None, "question"), (b, "answer")] * 3
    assert starts(m)[0] == "Secretary of State, good"
    assert m.remarks[1].text == "The cooperation is very excellent."
    assert starts(m)[4] == "Thank you, Mr. Secretary."
    assert person(m, "Moussa Tchangari").affiliation == "Tele Sahel"
    check_offsets(m)


def test_a_guest_minister_is_never_the_united_states() -> None:
    """ "Sri Lankan Foreign Minister" serves Sri Lanka; a minister whose country the
    page does not give is still no American official (the U.S. has no ministers)."""
    text = """\
Secretary Antony J. Blinken And Sri Lankan Foreign Minister Ali Sabry Before Their Meeting

Antony J. Blinken, Secretary of State

Washington, D.C.

December 2, 2022

SECRETARY BLINKEN:  Good afternoon, everyone.  I’m very pleased to have Foreign Minister
Sabry here.

FOREIGN MINISTER SABRY:  Thank you very much, Secretary Blinken, for inviting me.

MINISTER AL-JABER:  And thank you from my side as well.
"""
    m = meeting(text)
    assert person(m, "Ali Sabry").affiliation == "Sri Lanka"
    assert person(m, "Antony J. Blinken").affiliation == "United States"
    assert person(m, "Al-Jaber").affiliation is None
    assert turns(m) == [
        ("Antony J. Blinken", "statement"),
        ("Ali Sabry", "statement"),
        ("Al-Jaber", "statement"),
    ]


def test_participant_is_a_voice_of_its_own_that_asks_only_when_it_asks() -> None:
    """ "PARTICIPANT:" is no journalist's "QUESTION:": staff or a guest, named by the
    label; its turn is a question when its words ask one."""
    text = """\
Secretary Antony J. Blinken at a Roundtable with Civil Society Leaders

Antony J. Blinken, Secretary of State

Nairobi, Kenya

March 14, 2023

SECRETARY BLINKEN: Thank you all for being here this morning.

PARTICIPANT: Thank you, Mr. Secretary. We work with refugees in Kakuma.

SECRETARY BLINKEN: That work matters enormously.

PARTICIPANT: Will the United States increase its funding next year?

SECRETARY BLINKEN: We are committed to doing our part.
"""
    m = meeting(text)
    b = "Antony J. Blinken"
    assert turns(m) == [
        (b, "statement"),
        ("Participant", "statement"),
        (b, "statement"),
        ("Participant", "question"),
        (b, "answer"),
    ]
    assert "PARTICIPANT" in person(m, "Participant").aliases


def test_older_briefing_names_its_spokesman_above_a_short_title() -> None:
    """The 2016 layout: masthead lines, then "John Kirby" over "Daily Press Briefing";
    the name is the spokesman "MR KIRBY" stands for, the short line the title."""
    text = """\
printable banner

U.S. Department of State - Great Seal

U.S. Department of State

Diplomacy in Action

John Kirby
Daily Press Briefing
Washington, DC
February 4, 2016

1:12 p.m. EST

MR KIRBY: Afternoon, everybody. Just a couple of things at the top.

QUESTION: John, can we start with Syria?

MR KIRBY: Sure.

(The briefing was concluded at 2:30 p.m.)
"""
    m = meeting(text)
    assert (m.title, m.date, m.place) == ("Daily Press Briefing", "2016-02-04", "Washington, DC")
    k = "John Kirby"
    assert turns(m) == [(k, "statement"), (None, "question"), (k, "answer")]
    assert [p.name for p in m.participants] == [k]


def test_officials_numbered_in_digits_are_speakers_too() -> None:
    text = TELEPHONIC.replace("OFFICIAL ONE", "OFFICIAL 1").replace("OFFICIAL TWO", "OFFICIAL 2")
    m = meeting(text)
    speakers = [s for s, _ in turns(m)]
    assert speakers[1:3] == [
        "Senior State Department Official 1",
        "Senior State Department Official 2",
    ]
    assert speakers.count("Senior State Department Official 2") == 2


def test_document_number_under_a_mid_ru_title_is_header() -> None:
    """mid.ru prints a document number ("193-31-01-2022") under the date; it is no
    word of the minister's opening."""
    text = """\
Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news \
conference with Foreign Minister of Egypt Sameh Shoukry, Moscow, January 31, 2022
31 January 2022 16:07
193-31-01-2022
Ladies and gentlemen,
We have held talks with my Egyptian colleague. Russia and Egypt are strategic partners.
Question (for both ministers, retranslated): How do you assess the situation in Libya?
Sergey Lavrov: We stand for elections as soon as possible.
Sameh Shoukry (retranslated): Egypt agrees with this approach.
"""
    m = meeting(text)
    assert m.remarks[0].text.startswith("Ladies and gentlemen,")
    assert turns(m) == [
        ("Sergey Lavrov", "statement"),
        (None, "question"),
        ("Sergey Lavrov", "answer"),
        ("Sameh Shoukry", "answer"),
    ]
    assert m.date == "2022-01-31"


def test_page_tail_after_the_last_turn_is_no_ones_words() -> None:
    """Tag lists and links under a record without a closing line stay out of the last
    remark; the remark keeps its own last sentence."""
    text = """\
Secretary Blinken’s Remarks with Foreign Ministers of the Gulf Cooperation Council

Antony J. Blinken, Secretary of State

New York City, New York

September 22, 2022

SECRETARY BLINKEN:  Well, good morning everyone.  It is wonderful to see so many
friends and colleagues here this morning.

As you heard the President say, the United States is invested in our partnerships.

Thank you very much.

Tags

Bureau of Near Eastern Affairs

Office of the Secretary of State

The Lessons of 1989: Freedom and Our Future
"""
    m = meeting(text)
    assert turns(m) == [("Antony J. Blinken", "statement")]
    assert m.remarks[-1].text.endswith("invested in our partnerships.\n\nThank you very much.")
    assert m.place == "New York City, New York"


def test_a_bare_office_label_is_the_guest_who_holds_it() -> None:
    """ "FOREIGN MINISTER:" in a joint record is the one foreign minister the title
    names, whatever country his role carries ("Chinese Foreign Minister Wang Yi");
    "FOREIGN MINISTER WANG:" is him too (his family name comes first)."""
    text = """\
Secretary Antony J. Blinken and Chinese Foreign Minister Wang Yi Before Their Meeting

Antony J. Blinken, Secretary of State

Bali, Indonesia

July 9, 2022

SECRETARY BLINKEN: Good afternoon. It is good to see Foreign Minister Wang again.

FOREIGN MINISTER: (Via interpreter) Thank you. We meet at a complicated time.

FOREIGN MINISTER WANG: (Via interpreter) Let us work together.
"""
    m = meeting(text)
    w = "Wang Yi"
    assert turns(m) == [("Antony J. Blinken", "statement"), (w, "statement"), (w, "statement")]
    assert person(m, w).affiliation == "China"


def test_translation_notice_is_header() -> None:
    """ "Unofficial translation from Russian" under the title is no word of the
    minister's unlabelled opening."""
    text = """\
Foreign Minister Sergey Lavrov’s remarks at the Primakov Readings, Moscow, June 27, 2023

Unofficial translation from Russian

Colleagues, friends,

I am glad to take part in the Primakov Readings once again. Russia values this forum.

Question: What do you expect from the BRICS summit?

Sergey Lavrov: We expect substantive decisions.
"""
    m = meeting(text)
    lavrov = "Sergey Lavrov"
    assert turns(m) == [(lavrov, "statement"), (None, "question"), (lavrov, "answer")]
    assert m.remarks[0].text.startswith("Colleagues, friends,")
    assert person(m, lavrov).affiliation == "Russia"
    assert m.date == "2023-06-27"


def test_interviewer_named_in_the_title_asks() -> None:
    """ "MS BRENNAN:" is the Margaret Brennan the title names with her programme, not
    with an office: she asks, the Secretary answers, however long her questions."""
    m = meeting(INTERVIEW.replace("QUESTION:", "MS BRENNAN:"))
    b, mb = "Antony J. Blinken", "Margaret Brennan"
    assert turns(m) == [(mb, "question"), (b, "answer")] * 3
    assert "MS BRENNAN" in person(m, mb).aliases


def test_an_unlabelled_answer_among_labelled_ones_is_the_spokeswomans() -> None:
    """Most answers say "Maria Zakharova:", one does not: that answer is still hers,
    not part of the journalist's question."""
    text = ZAKHAROVA.replace(
        "Maria Zakharova: We have seen no signals from Chisinau.",
        "We have seen no signals from Chisinau.",
    )
    m = meeting(text)
    z = "Maria Zakharova"
    assert turns(m)[5:] == [(None, "question"), (z, "answer")] * 3
    assert m.remarks[7].text == "Are there plans for contacts with the new Moldovan government?"
    assert m.remarks[8].text == "We have seen no signals from Chisinau."


def test_a_journalists_unpunctuated_line_is_no_heading() -> None:
    """Once the questions begin, a short line without a full stop is the journalist's
    ("And one more on Iran"), not a topic heading: the answer stays an answer."""
    text = PRICE.replace(
        "QUESTION: Ned, on China –",
        "QUESTION: Ned, on China.\n\nAnd one more on Iran",
    )
    m = meeting(text)
    assert not m.sections
    assert turns(m)[5:7] == [(None, "question"), ("Ned Price", "answer")]
    assert m.remarks[5].text.endswith("And one more on Iran")


def test_open_graph_title_without_the_sites_name() -> None:
    """A page whose only title is its Open Graph title keeps the title, not the site."""
    html = """\
<html><head><meta property="og:title" content="Department Press Briefing – March 3, 2022 - \
United States Department of State"></head><body>
<p>Ned Price, Department Spokesperson</p><p>Washington, DC</p><p>March 3, 2022</p>
<p>MR PRICE: Good afternoon. I have two things at the top.</p>
<p>QUESTION: Can we start with Belarus?</p>
<p>MR PRICE: We have seen the reports.</p>
</body></html>"""
    m = html_meeting(html)
    assert m.title == "Department Press Briefing – March 3, 2022"
    assert m.date == "2022-03-03"
    assert turns(m) == [("Ned Price", "statement"), (None, "question"), ("Ned Price", "answer")]


def test_heading_label_rule_on_its_own() -> None:
    """The bold-heading rule: a heading names neither a person nor a role; labels of
    journalists, voices from the floor and officials are never headings."""
    for heading in ("Russia-Africa Summit", "Ukraine crisis update", "Answers to media questions"):
        assert is_heading_label(heading), heading
    for label in (
        "Maria Zakharova",
        "Question (retranslated)",
        "Voice from the audience",
        "MODERATOR",
        "Interpreter",
        "President of Egypt Abdel Fattah el-Sisi",
        "Head of the Republic of Sakha (Yakutia) Aisen Nikolayev",
        "Chief Executive of «Rosneft» Igor Sechin",
    ):
        assert not is_heading_label(label), label


def test_a_greeting_without_a_comma_is_no_heading() -> None:
    """ "Ladies and gentlemen" on a line of its own opens the minister's words."""
    m = meeting(LAVROV.replace("Ladies and gentlemen,", "Ladies and gentlemen"))
    assert not m.sections
    assert m.remarks[0].text.startswith("Ladies and gentlemen\n\nWe have held talks")


def test_a_spokeswomans_comment_is_her_statement() -> None:
    """ "Maria Zakharova’s comment on …" without labels is one statement of hers."""
    text = """\
Foreign Ministry Spokeswoman Maria Zakharova’s comment on the US sanctions against \
Russian companies

26 February 2024 18:20

On February 23, Washington announced another package of sanctions against Russia. This
step confirms the aggressive nature of US policy.

We will respond. Moscow will never accept such pressure.
"""
    m = meeting(text)
    assert m.kind == "transcript"
    assert turns(m) == [("Maria Zakharova", "statement")]
    assert m.date == "2024-02-26"


def test_journalists_and_speakers_with_long_notes() -> None:
    """ "Question (Pavel Zarubin, Rossiya TV channel, …):" is a journalist however long
    the note; a speaker's note may run to a clause ("answering a follow-up question …")."""
    text = """\
Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a news \
conference on the results of Russian diplomacy in 2023, Moscow, January 18, 2024

Sergey Lavrov: Good afternoon, colleagues. Russia has had a difficult year.

Question (Rossiya Segodnya International Information Agency): What are the main results?

Sergey Lavrov: The main result is that we have withstood the pressure.

Question (Pavel Zarubin, Rossiya TV channel, Moscow. Kremlin. Putin programme): And the US?

Sergey Lavrov (answering a follow-up question from a Chinese journalist): We value this.
"""
    m = meeting(text)
    lavrov = "Sergey Lavrov"
    assert turns(m) == [
        (lavrov, "statement"),
        (None, "question"),
        (lavrov, "answer"),
        (None, "question"),
        (lavrov, "answer"),
    ]
    assert starts(m)[1] == "What are the main"
    assert starts(m)[4] == "We value this."


# -- outlet ---------------------------------------------------------------------------


def test_a_minister_speaking_of_the_secretary_of_state_is_still_his_ministrys() -> None:
    """ "US Secretary of State" in Lavrov's words does not make the record the State
    Department's: its marks count in the header, not in the body."""
    text = """\
Foreign Minister Sergey Lavrov’s remarks and answers to media questions following the \
OSCE Ministerial Council meeting, Skopje, November 30, 2023

Sergey Lavrov: Good afternoon. I had a brief exchange with US Secretary of State Antony
Blinken. Russia is open to dialogue.

Question: Did you talk to the Department of State delegation?

Sergey Lavrov: No.
"""
    m = meeting(text)
    assert m.outlet == "Russian Ministry of Foreign Affairs"
    assert person(m, "Sergey Lavrov").affiliation == "Russia"
    assert meeting(PRICE).outlet == "U.S. Department of State"
    assert meeting(INTERVIEW).outlet == "U.S. Department of State"


def test_a_briefing_that_opens_a_paragraph_with_the_president_is_no_kremlin_record() -> None:
    text = ZAKHAROVA.replace(
        "The Western countries continue pumping weapons",
        "President of Russia Vladimir Putin signed an executive order on this.\n\n"
        "The Western countries continue pumping weapons",
    )
    assert meeting(text).outlet == "Russian Ministry of Foreign Affairs"


def test_the_oval_office_in_the_words_makes_no_white_house_record() -> None:
    state = PRICE.replace(
        "First, today the Secretary",
        "The President met the Prime Minister in the Oval Office.\n\nFirst, today the Secretary",
    )
    assert meeting(state).outlet == "U.S. Department of State"
    mfa = LAVROV.replace(
        "Ladies and gentlemen,", "Ladies and gentlemen, as they say in the Oval Office,"
    )
    assert meeting(mfa).outlet == "Russian Ministry of Foreign Affairs"


def test_a_ministry_record_full_of_america_is_not_americas() -> None:
    """The United States has no ministry of foreign affairs: a briefing that names
    America more often than Russia is still the Russian ministry's."""
    text = """\
Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023

The United States continues its policy. American officials said so. The American side,
the United States, America. The Americans and the American people. Washington again.
American weapons. Russia will respond.

Question: What about the United States?

Maria Zakharova: The American side is wrong.
"""
    m = meeting(text)
    assert m.outlet == "Russian Ministry of Foreign Affairs"
    assert person(m, "Maria Zakharova").affiliation == "Russia"


def test_html_header_above_the_article_element_is_read() -> None:
    """Headline, byline, place and date set above the <article> that holds the words
    are the record's header all the same."""
    html = JOINT_HTML.replace('<div class="entry-content">', "<article>").replace(
        "sanctions regime.</p>\n<p>(The press availability was concluded.)</p>\n</div>",
        "sanctions regime.</p>\n<p>(The press availability was concluded.)</p>\n</article>",
    )
    assert "<article>" in html and "</article>" in html
    m = html_meeting(html)
    assert m.date == "2023-02-28"
    assert m.place == "Astana, Kazakhstan"
    assert person(m, "Antony J. Blinken").role == "Secretary of State"
    assert turns(m)[:3] == [
        ("Moderator", "statement"),
        ("Mukhtar Tileuberdi", "statement"),
        ("Antony J. Blinken", "statement"),
    ]
