"""Whole news reports in wire styles: every quote's speaker and kind.

The documents are written for these tests (Reuters, AP, TASS, Xinhua styles), with
guillemets, a multi-paragraph quote, split quotes, ``quoted … as saying``,
organisations as speakers, scare quotes and an unbalanced quote mark.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.clean import clean
from store.ingest.document import Header, Page
from store.ingest.quotes import find_report_remarks
from store.ingest.report_header import read_report_header
from store.models import Person, Remark

REUTERS = """\
Kerry sees progress in Iran talks

WASHINGTON (Reuters) - U.S. Secretary of State John Kerry said on Tuesday that talks \
with Iran had made progress but that major gaps remained.

"We have made real progress," Kerry told reporters after the meeting. "But there is \
still a lot of work to do."

Iranian Foreign Minister Mohammad Javad Zarif struck a more cautious tone. "Nothing is \
agreed until everything is agreed," he said.

The State Department said in a statement that the next round would be held in Vienna.

Zarif, who met Kerry twice this week, described the talks as "serious and useful."
"""

AP = """\
KUALA LUMPUR, Jan. 5 (AP) — Malaysian Prime Minister Anwar Ibrahim said Friday his \
government would not bow to foreign pressure over its trade policy.

«We are a sovereign nation and we will decide for ourselves,» Anwar said at a news \
conference in the capital.

The prime minister also rejected what he called the "so-called experts" who predicted \
a recession.

"Our economy grew by four percent last year. The figures speak for themselves.

"We will continue on this path, and we will not be lectured by anyone," he added.

Opposition leader Hamzah Zainudin disagreed. The government's plan was "a recipe for \
disaster", he told reporters.
"""

TASS = """\
Moscow, 12 March, TASS. Russian Foreign Ministry spokeswoman Maria Zakharova on \
Wednesday criticised the new sanctions announced by the European Union.

The Izvestia newspaper quoted Zakharova as saying "these measures will only hurt \
Europe itself."

According to her, "Moscow will respond in a measured way."

The ministry said the response would be "proportionate and timely".

Russia's Foreign Minister Sergey Lavrov, who met his Chinese counterpart Wang Yi in \
Beijing last week, has repeatedly called the sanctions illegal.
"""

XINHUA = """\
BEIJING, March 3 (Xinhua) -- Chinese Vice Premier Liu He said on Monday that trade \
talks would resume "as soon as possible.

He said the "phase one" deal remained in force. "We are committed to the agreement,'' \
Liu said.

Talks will continue next week, he said.
"""

UN = """\
By John Smith

UNITED NATIONS, Oct 3 (Reuters) - The U.N. Security Council on Thursday failed to \
agree on a resolution on Syria, diplomats said.

"We are deeply disappointed," said British Ambassador Mark Lyall Grant. "The council \
has failed the Syrian people."

"Is this what you call diplomacy?" Russian Ambassador Vitaly Churkin asked. He called \
the draft "unbalanced" and said Moscow would veto any text that threatened sanctions.

In a statement, the White House said it "strongly condemns" the attacks.

"We are ready," Churkin said, "to negotiate on a new text."

A spokesman for the ministry said the so-called "Friends of Syria" group had no \
mandate. Diplomats referred to the plan as the "Annan plan".
"""

MOSCOW = """\
Putin accuses West of stoking conflict

MOSCOW (Reuters) - Russian President Vladimir Putin on Friday accused the West of stoking \
the conflict in Ukraine and said Moscow would respond to any threat.

Speaking at a televised meeting with officials, Putin said: "We will not allow anyone to \
threaten our security."

Kremlin spokesman Dmitry Peskov told reporters that no talks were planned.

"There is no question of that," Peskov said, adding that Moscow remained open to dialogue.

Ukraine's foreign ministry dismissed the remarks. "This is yet another lie," ministry \
spokesman Oleg Nikolenko wrote on Facebook.

“We have seen this before,” said Nikolenko. “Nobody believes it.”

German Chancellor Olaf Scholz, speaking in Berlin, called for calm. “Europe must stay \
united,” the chancellor said.

Putin, 70, has repeatedly said that Russia does not seek war.
"""


def read(text: str) -> tuple[Header, list[Remark], list[str]]:
    cleaned = clean(text).text
    header = read_report_header(cleaned, Page(text=cleaned))
    assert header is not None
    reading = find_report_remarks(cleaned, header)
    for r in reading.remarks:
        assert cleaned[r.start : r.end] == r.text
    return header, reading.remarks, [p.name for p in reading.people]


class Said:
    """The (speaker, kind) pairs of every remark containing a snippet.

    Compares equal to one pair when that pair is among them: a quote inside reported
    speech is both a quote and part of the reported clause.
    """

    def __init__(self, pairs: set[tuple[str | None, str]]) -> None:
        self.pairs = pairs

    def __eq__(self, other: object) -> bool:
        return other in self.pairs

    def __repr__(self) -> str:
        return repr(self.pairs)


def said(remarks: list[Remark], snippet: str) -> Said:
    hits = {(r.speaker, r.kind) for r in remarks if snippet in r.text}
    assert hits, snippet
    return Said(hits)


def test_reuters() -> None:
    header, remarks, people = read(REUTERS)
    assert (header.outlet, header.place, header.title) == (
        "Reuters", "Washington", "Kerry sees progress in Iran talks",
    )  # fmt: skip
    assert said(remarks, "talks with Iran had made progress") == ("John Kerry", "reported")
    assert said(remarks, "We have made real progress") == ("John Kerry", "quote")
    assert said(remarks, "still a lot of work to do") == ("John Kerry", "quote")  # split
    assert said(remarks, "Nothing is agreed") == ("Mohammad Javad Zarif", "quote")  # pronoun
    assert said(remarks, "next round would be held") == ("State Department", "reported")
    assert said(remarks, "serious and useful") == ("Mohammad Javad Zarif", "quote")
    assert "John Kerry" in people and "Mohammad Javad Zarif" in people


def test_ap_guillemets_multi_paragraph_and_scare_quotes() -> None:
    header, remarks, people = read(AP)
    assert people == ["Anwar Ibrahim", "Hamzah Zainudin"]
    assert (header.outlet, header.date, header.place) == ("AP", "--01-05", "Kuala Lumpur")
    assert said(remarks, "his government would not bow") == ("Anwar Ibrahim", "reported")
    assert said(remarks, "We are a sovereign nation") == ("Anwar Ibrahim", "quote")
    assert said(remarks, "Our economy grew by four percent") == ("Anwar Ibrahim", "quote")
    assert said(remarks, "we will not be lectured") == ("Anwar Ibrahim", "quote")
    assert said(remarks, "a recipe for disaster") == ("Hamzah Zainudin", "quote")
    assert not any(r.text.strip('"') == "so-called experts" for r in remarks)


def test_tass_quoted_as_saying_according_to_and_organisation() -> None:
    header, remarks, people = read(TASS)
    assert (header.outlet, header.date) == ("TASS", "--03-12")
    assert said(remarks, "criticised the new sanctions") == ("Maria Zakharova", "reported")
    assert said(remarks, "these measures will only hurt") == ("Maria Zakharova", "quote")
    assert said(remarks, "Moscow will respond") == ("Maria Zakharova", "quote")
    assert said(remarks, "proportionate and timely") == ("Russian Foreign Ministry", "quote")
    # mentioned only: not participants
    assert "Sergey Lavrov" not in people and "Wang Yi" not in people


def test_xinhua_unbalanced_quote_and_trailing_reported_speech() -> None:
    header, remarks, people = read(XINHUA)
    assert header.outlet == "Xinhua"
    assert said(remarks, "trade talks would resume") == ("Liu He", "reported")
    assert said(remarks, "We are committed to the agreement") == ("Liu He", "quote")
    assert said(remarks, "Talks will continue next week") == ("Liu He", "reported")
    assert not any(r.text == "phase one" for r in remarks)
    assert people == ["Liu He"]


def test_garbage_never_crashes() -> None:
    text = 'PARIS (AFP) - "" « » " "  ”“ said said. He said "\n\n"\n\n«'
    cleaned = clean(text).text
    header = read_report_header(cleaned, Page(text=cleaned)) or Header(title="x")
    reading = find_report_remarks(cleaned, header)
    for r in reading.remarks:
        assert cleaned[r.start : r.end] == r.text


def test_un_inverted_question_organisation_and_terms() -> None:
    header, remarks, people = read(UN)
    assert header.title.startswith("The U.N. Security Council on Thursday failed")  # no byline
    assert said(remarks, "deeply disappointed") == ("Mark Lyall Grant", "quote")  # said X
    assert said(remarks, "failed the Syrian people") == ("Mark Lyall Grant", "quote")
    assert said(remarks, "what you call diplomacy") == ("Vitaly Churkin", "quote")  # "?" X asked
    assert said(remarks, "unbalanced") == ("Vitaly Churkin", "quote")  # his word, not a term
    assert said(remarks, "strongly condemns") == ("White House", "quote")
    assert said(remarks, "to negotiate on a new text") == ("Vitaly Churkin", "quote")
    texts = {r.text for r in remarks}
    assert "Friends of Syria" not in texts and "Annan plan" not in texts
    assert "John Smith" not in people


def test_colon_intro_reported_with_that_and_short_continuation() -> None:
    header, remarks, people = read(MOSCOW)
    assert header.date is None and header.title == "Putin accuses West of stoking conflict"
    assert said(remarks, "Moscow would respond to any threat") == ("Vladimir Putin", "reported")
    assert said(remarks, "We will not allow anyone") == ("Vladimir Putin", "quote")
    assert said(remarks, "no talks were planned") == ("Dmitry Peskov", "reported")
    assert said(remarks, "no question of that") == ("Dmitry Peskov", "quote")
    assert said(remarks, "yet another lie") == ("Oleg Nikolenko", "quote")
    assert said(remarks, "Nobody believes it.") == ("Oleg Nikolenko", "quote")
    assert said(remarks, "Europe must stay united") == ("Olaf Scholz", "quote")  # role
    assert "Oleg Nikolenko" in people


PRESS_RELEASE = """\
Meeting with President of Belarus Alexander Lukashenko

Opening the meeting, Mr Medvedev suggested discussing integration within the Customs \
Union:

“I think that first of all, we must focus on our bilateral relations.”

The conversation lasted about ten minutes. “The wider the gap becomes, the more \
problems it generates,” said the Russian president as he summed up the talks.
"""


def test_title_people_colon_paragraphs_and_inverted_subject_with_a_clause() -> None:
    text = clean(PRESS_RELEASE).text
    header = Header(
        title="Meeting with President of Belarus Alexander Lukashenko",
        people=(
            Person("Dmitry Medvedev", role="Russian President", affiliation="Russia"),
            Person("Alexander Lukashenko", role="President of Belarus", affiliation="Belarus"),
        ),
        body_start=text.index("Opening"),
    )
    remarks = find_report_remarks(text, header).remarks
    assert said(remarks, "we must focus on our bilateral") == ("Dmitry Medvedev", "quote")
    assert said(remarks, "the more problems it generates") == ("Dmitry Medvedev", "quote")


PAST = """\
OSLO, June 3 (Reuters) - Norwegian Foreign Minister Espen Barth Eide said on Monday \
that the talks had been constructive.

Swedish Prime Minister Ulf Kristersson said last year that the region needed more \
cooperation. Finnish President Sauli Niinisto has repeatedly said that dialogue matters.
"""


def test_words_from_another_occasion_make_no_participant() -> None:
    _, remarks, people = read(PAST)
    assert said(remarks, "the talks had been constructive") == ("Espen Barth Eide", "reported")
    assert people == ["Espen Barth Eide"]
    assert not any("more cooperation" in r.text or "dialogue matters" in r.text for r in remarks)
    _, remarks, _ = read(MOSCOW)
    assert not any("does not seek war" in r.text for r in remarks)


WORDS = st.sampled_from(
    ['"', "“", "”", "«", "»", "'", " ", "\n\n", ".", ",", ":", "he", "said", "Mr.", "the",
     "Ivanov", "Igor", "minister", "Foreign", "Minister", "according to", "him", "that",
     "quoted", "as saying", "-", "ministry", "of", "OIC", "stressed", "We", "are"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_any_text_reads_without_crashing(text: str) -> None:
    cleaned = clean(text).text
    header = read_report_header(cleaned, Page(text=cleaned)) or Header(title="")
    for r in find_report_remarks(cleaned, header).remarks:
        assert cleaned[r.start : r.end] == r.text
