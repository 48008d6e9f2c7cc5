"""Transcript turns: each sieve and each turn format, on short documents written here."""

from __future__ import annotations

from store.ingest import extract_text
from store.ingest.document import Header, Page
from store.ingest.turns import (
    SIEVES,
    TurnDoc,
    colon_sieve,
    find_labels,
    find_turns,
    full_stop_sieve,
    label_line_sieve,
    looks_like_label,
    question_sieve,
)
from store.models import Meeting


def meeting(text: str, source: str = "doc.txt") -> Meeting:
    (m,) = extract_text(text, source)
    return m


def turns(m: Meeting) -> list[tuple[str, str | None, str]]:
    return [(r.kind, r.speaker, r.text) for r in m.remarks]


def check_offsets(m: Meeting) -> None:
    for r in m.remarks:
        assert m.text[r.start : r.end] == r.text
        assert r.text == r.text.strip()


def doc_of(text: str, labels: frozenset[str] = frozenset()) -> TurnDoc:
    return TurnDoc.make(text, Header(title="t"), Page(text=text, labels=labels))


# -- the sieves one by one -----------------------------------------------------------


def test_sieves_are_named_and_ordered() -> None:
    assert [s.name for s in SIEVES] == [
        "bold-label",
        "question",
        "answer",
        "colon",
        "label-line",
        "full-stop",
    ]


def test_colon_sieve_reads_name_and_note() -> None:
    doc = doc_of("Sergey Lavrov (via interpreter): Today, we met.")
    hit = colon_sieve(doc, 0)
    assert hit is not None
    assert (hit.label, hit.note, hit.sieve) == ("Sergey Lavrov", "(via interpreter)", "colon")
    assert doc.text[hit.text_start :].startswith("Today")


def test_colon_sieve_passes_on_prose_and_times() -> None:
    assert colon_sieve(doc_of("The talks went well: both sides agreed."), 0) is None
    assert colon_sieve(doc_of("12:10 P.M. EDT"), 0) is None
    assert colon_sieve(doc_of("- item one: a list entry"), 0) is None


def test_question_sieve_forms() -> None:
    for line in ("Question: Why?", "Q: Why?", "Q    Why?", "Q. Why?", "Вопрос: Почему?"):
        hit = question_sieve(doc_of(line), 0)
        assert hit is not None, line
    assert question_sieve(doc_of("Quite a day: it rained."), 0) is None


def test_question_sieve_with_note() -> None:
    hit = question_sieve(doc_of("Question (retranslated): Why now?"), 0)
    assert hit is not None and hit.label == "Question" and hit.note == "(retranslated)"


def test_label_line_sieve_takes_the_next_line() -> None:
    doc = doc_of("Sergey Lavrov:\nToday, we discussed Syria.")
    hit = label_line_sieve(doc, 0) or colon_sieve(doc, 0)
    assert hit is not None and hit.label == "Sergey Lavrov"
    assert doc.text[hit.text_start :].startswith("Today")


def test_label_alone_before_a_blank_line() -> None:
    doc = doc_of("Sergey Lavrov:\n\nToday, we discussed Syria.")
    hit = label_line_sieve(doc, 0)
    assert hit is not None and doc.text[hit.text_start :].startswith("Today")


def test_full_stop_sieve() -> None:
    hit = full_stop_sieve(doc_of("The President. Thank you all."), 0)
    assert hit is not None and hit.label == "The President"
    assert full_stop_sieve(doc_of("The President spoke."), 0) is None


def test_bold_labels_from_the_page_win() -> None:
    text = "Meeting\n\nAlexander Beglov Smith said hello\n\nAlexander Beglov Smith: Hello."
    doc = doc_of(text, labels=frozenset({"Alexander Beglov Smith"}))
    hits = find_labels(doc)
    assert [h.sieve for h in hits] == ["bold-label"]
    assert doc.text[hits[0].text_start :] == "Hello."


def test_label_shape() -> None:
    assert looks_like_label("President of Russia Vladimir Putin")
    assert looks_like_label("PRESIDENT BIDEN")
    assert looks_like_label("MS. PSAKI")
    assert looks_like_label("В.Путин")
    assert looks_like_label("President of Egypt Abdel Fattah el-Sisi")
    assert not looks_like_label("Note")
    assert not looks_like_label("The talks went well")
    assert not looks_like_label("12")


# -- whole documents ---------------------------------------------------------------

LAVROV = """Foreign Minister Sergey Lavrov’s statement and answers to media questions, \
Moscow, June 11, 2015

Ladies and gentlemen,

We held useful talks today.

We agreed to meet again.

Question: Will you meet again soon?

Sergey Lavrov: Yes, we will.

Our next round is in autumn.

Question: And Syria?

Sergey Lavrov: We discussed it at length.
"""


def test_opening_statement_named_only_in_the_title() -> None:
    m = meeting(LAVROV)
    check_offsets(m)
    assert m.kind == "transcript"
    got = turns(m)
    assert got[0][:2] == ("statement", "Sergey Lavrov")
    assert got[0][2].startswith("Ladies and gentlemen,")
    assert "We agreed to meet again." in got[0][2]
    assert [(k, s) for k, s, _ in got[1:]] == [
        ("question", None),
        ("answer", "Sergey Lavrov"),
        ("question", None),
        ("answer", "Sergey Lavrov"),
    ]
    assert got[2][2] == "Yes, we will.\n\nOur next round is in autumn."


def test_labels_are_not_in_remark_text() -> None:
    m = meeting(LAVROV)
    assert all(not r.text.startswith(("Question", "Sergey Lavrov:")) for r in m.remarks)


WH_BRIEFING = """Press Briefing by Press Secretary Jen Psaki, March 22, 2021

James S. Brady Press Briefing Room

12:10 P.M. EDT

MS. PSAKI:  Hi, everyone.  I have two items
for you at the top.

Note: the second item
is short.

Q    Thanks, Jen.  Two questions.  First, on
the border?

MS. PSAKI:  Sure.  We are working
on it.

Q    And the second?

MS. PSAKI:  Not today.

END 12:45 P.M. EDT
"""


def test_white_house_capitals_and_q_turns_with_hard_wrapped_lines() -> None:
    m = meeting(WH_BRIEFING)
    check_offsets(m)
    got = turns(m)
    assert [(k, s) for k, s, _ in got] == [
        ("statement", "Jen Psaki"),
        ("question", None),
        ("answer", "Jen Psaki"),
        ("question", None),
        ("answer", "Jen Psaki"),
    ]
    assert "Note: the second item" in got[0][2]  # "Note:" is not a speaker
    assert got[-1][2] == "Not today."  # the END line is not part of the turn
    assert m.date == "2021-03-22"
    assert m.place == "James S. Brady Press Briefing Room"
    psaki = m.participant("MS. PSAKI")
    assert psaki is not None and psaki.name == "Jen Psaki" and psaki.role == "Press Secretary"


OLD_STYLE = """Remarks by the President and Prime Minister Blair

The President. Thank you all for coming. The Prime Minister
and I had a good talk.

Prime Minister Blair. Thank you, Mr. President.

Q. Mr. President, what about Iraq?

The President. We will see.
"""


def test_full_stop_labels_old_style() -> None:
    m = meeting(OLD_STYLE)
    check_offsets(m)
    got = turns(m)
    assert [k for k, _, _ in got] == ["statement", "statement", "question", "answer"]
    assert got[0][2].startswith("Thank you all for coming.")
    assert got[1][1] is not None and "Blair" in got[1][1]
    assert got[0][1] == got[3][1]


RUSSIAN = """Заявление для прессы

В.Путин: Уважаемые дамы и господа!

Мы провели переговоры.

Вопрос: Что дальше?

В.Путин: Будем работать.

С.Лавров: Добавлю одно.
"""


def test_russian_labels() -> None:
    m = meeting(RUSSIAN)
    check_offsets(m)
    got = turns(m)
    assert [(k, s) for k, s, _ in got] == [
        ("statement", "В.Путин"),
        ("question", None),
        ("answer", "В.Путин"),
        ("answer", "С.Лавров"),
    ]


KREMLIN = """Meeting with Prime Minister of Israel Benjamin Netanyahu
April 21, 2016, 14:00
The Kremlin, Moscow

Vladimir Putin met with Prime Minister of Israel Benjamin Netanyahu.

* * *

President
of Russia Vladimir Putin: Mr Prime Minister, welcome to Moscow.

Prime Minister of Israel Benjamin Netanyahu (retranslated): Thank you.

Vladimir Putin: Let us begin.

<…>
"""


def test_kremlin_wrapped_label_notes_and_sections() -> None:
    m = meeting(KREMLIN)
    check_offsets(m)
    got = turns(m)
    assert [(k, s) for k, s, _ in got] == [
        ("statement", "Vladimir Putin"),
        ("statement", "Benjamin Netanyahu"),
        ("statement", "Vladimir Putin"),
    ]
    assert got[-1][2] == "Let us begin."
    putin = m.participant("President of Russia Vladimir Putin")
    assert putin is not None and putin.role == "President of Russia"
    assert putin.name == "Vladimir Putin"
    assert [s.title for s in m.sections] == ["* * *"]
    assert m.date == "2016-04-21" and m.place == "The Kremlin, Moscow"
    assert m.outlet and "President of Russia" in m.outlet


def test_long_speech_paragraphs_belong_to_the_current_speaker() -> None:
    body = "\n\n".join(f"Paragraph {i} of the speech goes on." for i in range(30))
    text = f"Statement\n\nDmitry Medvedev: Opening words.\n\n{body}\n\nQuestion: Thanks?\n"
    m = meeting(text)
    assert m.remarks[0].speaker == "Dmitry Medvedev"
    assert "Paragraph 29 of the speech goes on." in m.remarks[0].text
    assert m.remarks[1].kind == "question"


def test_news_report_has_no_turns() -> None:
    text = (
        "Putin and Blair discuss Iraq\nJuly 21, 2001\nGenoa\n\n"
        "The two leaders discussed strategic stability.\n\n"
        "Moscow: the talks were called useful by officials.\n\n"
        "Note: this item was updated.\n"
    )
    m = meeting(text)
    assert m.kind == "report"
    assert not [r for r in m.remarks if r.kind in ("statement", "question", "answer")]


def test_find_turns_none_for_plain_prose() -> None:
    text = "A title\n\nSome prose here.\n\nMore prose: with a colon inside.\n"
    assert find_turns(text, Header(title="A title"), Page(text=text)) is None


def test_sections_inside_a_turn_split_the_remark() -> None:
    text = (
        "Russian-Uzbekistani talks\n\nVladimir Putin: First part.\n\n"
        "Beginning of Russian-Uzbekistani talks in narrow format\n\n"
        "Still Putin speaking.\n\nShavkat Mirziyoyev: Thank you.\n"
    )
    m = meeting(text)
    check_offsets(m)
    assert [r.text for r in m.remarks] == ["First part.", "Still Putin speaking.", "Thank you."]
    assert m.remarks[1].speaker == "Vladimir Putin"
    assert m.sections[0].title.startswith("Beginning of Russian-Uzbekistani talks")


def test_markdown_bold_labels() -> None:
    text = "Interview\n\n**Anna Smith:** Why now?\n\n**Sergey Lavrov:** Because.\n"
    m = meeting(text)
    check_offsets(m)
    assert [(r.speaker, r.text) for r in m.remarks] == [
        ("Anna Smith", "Why now?"),
        ("Sergey Lavrov", "Because."),
    ]


def test_named_interviewer_asks_questions() -> None:
    text = (
        "Interview to TASS\nMarch 13, 2020\n\n"
        "Andrei Vandenko: Is it true?\n\nVladimir Putin: It is, and here is a long answer "
        "with many words that goes on for a while.\n\nAndrei Vandenko: Why?\n\n"
        "Vladimir Putin: Because it is so, as I have said many times before.\n"
    )
    m = meeting(text)
    assert [(r.kind, r.speaker) for r in m.remarks] == [
        ("question", "Andrei Vandenko"),
        ("answer", "Vladimir Putin"),
        ("question", "Andrei Vandenko"),
        ("answer", "Vladimir Putin"),
    ]


ZAKHAROVA = """Foreign Ministry Spokesperson Maria Zakharova’s briefing, Moscow, March 5, 2020

Update on Syria

The situation in Idlib remains tense.

We call on all parties to show restraint.

Question: What about the talks in Geneva?

They will go on next week, as agreed.

Question: A long question with context.

And is there a date for the next round?

Not yet. We will announce it.
"""


def test_unlabelled_answers_after_labelled_questions() -> None:
    m = meeting(ZAKHAROVA)
    check_offsets(m)
    got = [(r.kind, r.speaker, r.text) for r in m.remarks]
    assert [(k, s) for k, s, _ in got] == [
        ("statement", "Maria Zakharova"),
        ("question", None),
        ("answer", "Maria Zakharova"),
        ("question", None),
        ("answer", "Maria Zakharova"),
    ]
    assert got[2][2] == "They will go on next week, as agreed."
    assert got[3][2].endswith("next round?")
    assert m.outlet == "Russian Ministry of Foreign Affairs"


def test_a_news_title_naming_remarks_is_not_a_statement() -> None:
    from store.ingest.turns import find_turns as turns_of

    text = "Lavrov’s remarks draw criticism\n\nMOSCOW, May 3 (Reuters) - Critics said so.\n"
    header = Header(title="Lavrov’s remarks draw criticism")
    assert turns_of(text, header, Page(text=text), report=True) is None


STATE_DEPT = """Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba at a \
Joint Press Availability

Antony J. Blinken, Secretary of State
Kyiv, Ukraine
May 6, 2021

SECRETARY BLINKEN: Good afternoon, everyone. Dmytro, thank you.

FOREIGN MINISTER KULEBA: (Via interpreter) Thank you, Tony.

MR PRICE: We'll take a few questions.

QUESTION: (Via interpreter) Mr. Secretary, will you send more weapons?

SECRETARY BLINKEN: We will see.
"""


def test_state_department_press_availability() -> None:
    m = meeting(STATE_DEPT)
    check_offsets(m)
    assert (m.date, m.place, m.outlet) == (
        "2021-05-06",
        "Kyiv, Ukraine",
        "U.S. Department of State",
    )
    got = [(r.kind, r.speaker, r.text) for r in m.remarks]
    assert [(k, s) for k, s, _ in got] == [
        ("statement", "Antony J. Blinken"),
        ("statement", "Dmytro Kuleba"),
        ("statement", "Price"),
        ("question", None),
        ("answer", "Antony J. Blinken"),
    ]
    assert got[1][2] == "Thank you, Tony."  # the "(Via interpreter)" note is not the words
    blinken = m.participant("SECRETARY BLINKEN")
    assert blinken is not None and blinken.role == "Secretary of State"
    assert {p.name for p in m.participants} == {"Antony J. Blinken", "Dmytro Kuleba", "Price"}


def test_one_paragraph_per_line_without_blank_lines() -> None:
    text = (
        "Joint news conference\n"
        "Sergey Lavrov: Good afternoon.\n"
        "We had useful talks.\n"
        "Question: What about Syria?\n"
        "Sergey Lavrov: We discussed it.\n"
        "Jean-Yves Le Drian: I agree.\n"
        "Question: Thank you.\n"
    )
    m = meeting(text)
    check_offsets(m)
    assert [(r.kind, r.speaker) for r in m.remarks] == [
        ("statement", "Sergey Lavrov"),
        ("question", None),
        ("answer", "Sergey Lavrov"),
        ("answer", "Jean-Yves Le Drian"),
        ("question", None),
    ]
    assert m.remarks[0].text == "Good afternoon.\nWe had useful talks."


def test_interviewer_named_in_an_interview_asks_even_without_question_marks() -> None:
    text = (
        "On oligarchs (TASS interview)\nMarch 13, 2020\n\n"
        "Andrei Vandenko: State capitalism.\n\nVladimir Putin: Yes, and a longer answer "
        "follows here with many more words.\n\nAndrei Vandenko: You were not President.\n\n"
        "Vladimir Putin: I was Prime Minister then, as everyone will remember.\n"
    )
    m = meeting(text)
    assert [r.kind for r in m.remarks] == ["question", "answer", "question", "answer"]


def test_q_and_a_interview_answers_belong_to_the_interviewee() -> None:
    text = (
        "Foreign Minister Sergey Lavrov’s interview with Kommersant, Moscow, May 5, 2019\n\n"
        "Q: What is your view of the talks?\n\nA: They were useful.\n\n"
        "We will go on.\n\nQ: And next year?\n\nA: We will see.\n"
    )
    m = meeting(text)
    check_offsets(m)
    assert [(r.kind, r.speaker, r.text) for r in m.remarks] == [
        ("question", None, "What is your view of the talks?"),
        ("answer", "Sergey Lavrov", "They were useful.\n\nWe will go on."),
        ("question", None, "And next year?"),
        ("answer", "Sergey Lavrov", "We will see."),
    ]


def test_any_short_note_after_a_name() -> None:
    text = (
        "Talks\n\nSergey Lavrov (answering in Russian): Yes.\n\n"
        "Question (retranslated from Arabic): Why?\n\nDmytro Kuleba (Via interpreter): No.\n"
    )
    m = meeting(text)
    assert [(r.kind, r.speaker, r.text) for r in m.remarks] == [
        ("statement", "Sergey Lavrov", "Yes."),
        ("question", None, "Why?"),
        ("answer", "Dmytro Kuleba", "No."),
    ]


def test_state_department_daily_briefing_with_byline() -> None:
    text = (
        "Daily Press Briefing\n\nRichard Boucher, Spokesman\nWashington, DC\nMarch 3, 2003\n\n"
        "12:40 p.m. EST\n\nMR. BOUCHER: Good afternoon. I have nothing to start with.\n\n"
        "QUESTION: Can we start with Iraq?\n\nMR. BOUCHER: We can.\n\n"
        "QUESTION: Thank you.\n\n(The briefing was concluded at 1:05 p.m.)\n"
    )
    m = meeting(text)
    check_offsets(m)
    assert (m.date, m.place, m.outlet) == (
        "2003-03-03",
        "Washington, DC",
        "U.S. Department of State",
    )
    assert [(r.kind, r.speaker) for r in m.remarks] == [
        ("statement", "Richard Boucher"),
        ("question", None),
        ("answer", "Richard Boucher"),
        ("question", None),
    ]
    assert m.remarks[-1].text == "Thank you."  # the closing note is not the journalist's
    boucher = m.participant("MR. BOUCHER")
    assert boucher is not None and boucher.role == "Spokesman"


def test_bold_label_with_its_note_inside() -> None:
    text = (
        "Talks\n\nEmir of Qatar Tamim Al Thani (retranslated): Thank you.\n\n"
        "Vladimir Putin: Welcome.\n"
    )
    labels = frozenset({"Emir of Qatar Tamim Al Thani (retranslated)", "Vladimir Putin"})
    hits = find_labels(doc_of(text, labels=labels))
    assert [(h.label, h.note, h.sieve) for h in hits] == [
        ("Emir of Qatar Tamim Al Thani", "(retranslated)", "bold-label"),
        ("Vladimir Putin", None, "bold-label"),
    ]


def test_journalist_named_with_the_outlet_asks() -> None:
    text = (
        "Press conference\n\nVladimir Putin: Good afternoon.\n\n"
        "Pavel Zarubin (Rossiya TV channel): Mr President, what next?\n\n"
        "Vladimir Putin: We will see.\n"
    )
    m = meeting(text)
    assert [(r.kind, r.speaker) for r in m.remarks] == [
        ("statement", "Vladimir Putin"),
        ("question", "Pavel Zarubin"),
        ("answer", "Vladimir Putin"),
    ]
