"""Wire reports of diplomatic meetings as Reuters, AP, AFP, TASS, RIA Novosti and Xinhua
write them: one test per behaviour of the report reader.

The articles are written for these tests. Each checks the speaker and kind of every
quotation it cares about and who the participants (the people who speak) are.
"""

from __future__ import annotations

from store.models import Meeting, Remark
from tests.ingest.documents import report as meeting
from tests.ingest.documents import said


def people(m: Meeting) -> list[str]:
    return [p.name for p in m.participants]


def person(m: Meeting, name: str) -> tuple[str | None, str | None]:
    p = m.participant(name)
    assert p is not None, (name, people(m))
    return p.role, p.affiliation


def quotes(m: Meeting) -> list[Remark]:
    return [r for r in m.remarks if r.kind == "quote"]


REUTERS = """\
Russia, China vow closer ties as Xi visits Moscow

By Guy Faulconbridge

MOSCOW, March 21 (Reuters) - Russian President Vladimir Putin and Chinese President \
Xi Jinping pledged on Tuesday to deepen their partnership, hailing what Putin called \
"a new era" of relations.

"We have agreed to strengthen our cooperation in all areas," Putin told reporters \
after the talks in the Kremlin.

Xi said China's position on Ukraine was "objective and impartial", and added that \
Beijing stood for peace talks.

"China and Russia are good neighbours and reliable partners," the Chinese leader said. \
"We will continue to work together."

The White House said it was concerned. "We don't think this is a just peace," U.S. \
National Security Council spokesman John Kirby told reporters in Washington.

Kirby added that Washington would watch closely.

(Reporting by Guy Faulconbridge in Moscow and Laurie Chen in Beijing; Editing by \
Alex Richardson)
"""


def test_byline_above_the_dateline_is_not_the_place() -> None:
    m = meeting(REUTERS)
    assert (m.place, m.outlet, m.date) == ("Moscow", "Reuters", "--03-21")
    assert m.title == "Russia, China vow closer ties as Xi visits Moscow"


def test_two_titled_people_joined_by_and_are_two_people() -> None:
    m = meeting(REUTERS)
    assert person(m, "Vladimir Putin") == ("President", "Russia")
    assert person(m, "Xi Jinping") == ("President", "China")


def test_surname_after_a_conjoined_introduction() -> None:
    m = meeting(REUTERS)
    assert said(m, "We have agreed to strengthen") == "Vladimir Putin"
    assert said(m, "just peace") == "John Kirby"


def test_nationality_and_leader_description_resolves_to_the_president() -> None:
    m = meeting(REUTERS)
    assert said(m, "good neighbours and reliable partners") == "Xi Jinping"
    assert said(m, "We will continue to work together.") == "Xi Jinping"  # continuation
    assert said(m, "objective and impartial") == "Xi Jinping"


def test_what_x_called_is_a_quote_of_x() -> None:
    m = meeting(REUTERS)
    assert said(m, "a new era") == "Vladimir Putin"


def test_reuters_participants_are_the_speakers_not_the_reporters() -> None:
    m = meeting(REUTERS)
    names = people(m)
    assert {"Vladimir Putin", "Xi Jinping", "John Kirby"} <= set(names)
    assert not {"Guy Faulconbridge", "Laurie Chen", "Alex Richardson"} & set(names)
    assert not any("Reporting by" in r.text or "Editing" in r.text for r in m.remarks)


AP = """\
Blinken meets Wang Yi in Beijing as tensions simmer

By Matthew Lee and Simina Mistreanu

BEIJING (AP) — U.S. Secretary of State Antony Blinken met Chinese Foreign Minister \
Wang Yi on Sunday, the first such visit in five years.

"The United States is committed to managing the competition responsibly," Blinken \
told a news conference after the talks.

Wang told Blinken that Washington should "stop interfering in China's internal \
affairs," according to a statement from the Chinese Foreign Ministry.

A senior State Department official, speaking on condition of anonymity to discuss the \
private talks, said the meeting was "candid and constructive."

"We're not going to solve everything in one trip," the official said. "But we have \
to keep talking."

Associated Press writer Ken Moritsugu in Beijing contributed to this report.
"""


def test_ap_dateline_byline_of_two_and_told_a_news_conference() -> None:
    m = meeting(AP)
    assert (m.place, m.outlet) == ("Beijing", "AP")
    assert m.title == "Blinken meets Wang Yi in Beijing as tensions simmer"
    assert said(m, "committed to managing the competition") == "Antony Blinken"
    assert said(m, "stop interfering in China") == "Wang Yi"
    assert person(m, "Antony Blinken") == ("Secretary of State", "United States")


def test_anonymous_official_keeps_the_quote_with_no_speaker() -> None:
    m = meeting(AP)
    assert said(m, "candid and constructive") is None  # short, but somebody's words
    assert said(m, "solve everything in one trip") is None
    assert said(m, "we have to keep talking") is None  # never Blinken's by carry-over
    assert people(m) == ["Antony Blinken", "Wang Yi"]  # no "Senior … official" entity


AFP = """\
PARIS, Feb 10, 2024 (AFP) - French President Emmanuel Macron and German Chancellor \
Olaf Scholz on Saturday called for a united European response to the crisis.

"Europe must be able to defend itself. We will not accept what some call 'a deal at \
any price'," Macron said at a joint press conference.

Scholz agreed. "We stand together," he said.

"This is a turning point for Europe." - Olaf Scholz

A senior French diplomat, speaking on condition of anonymity, said: "Nobody expected \
this."

"We are still waiting for a reply," the diplomat added.
"""


def test_afp_single_quotes_inside_double_dash_signature_and_pronoun() -> None:
    m = meeting(AFP)
    assert (m.date, m.place, m.outlet) == ("2024-02-10", "Paris", "AFP")
    assert said(m, "Europe must be able to defend itself") == "Emmanuel Macron"
    assert said(m, "a deal at any price") == "Emmanuel Macron"  # nested, one remark
    assert said(m, "We stand together") == "Olaf Scholz"
    assert said(m, "a turning point for Europe") == "Olaf Scholz"
    assert person(m, "Emmanuel Macron") == ("President", "France")
    assert person(m, "Olaf Scholz") == ("Chancellor", "Germany")


def test_anonymous_diplomat_with_a_colon_and_then_by_description() -> None:
    m = meeting(AFP)
    assert said(m, "Nobody expected this.") is None
    assert said(m, "still waiting for a reply") is None
    assert people(m) == ["Emmanuel Macron", "Olaf Scholz"]


RIA = """\
MOSCOW, May 21 (RIA Novosti) - Kremlin spokesman Dmitry Peskov said on Tuesday that \
Moscow had not received any proposals from Kiev.

"There have been no such proposals," Peskov told journalists.

RIA Novosti quoted a source in the Russian delegation as saying that the talks "could \
take place as early as next week."

The newspaper Kommersant quoted Peskov as saying: "The president is open to contacts."
"""


def test_ria_quoted_as_saying_a_named_and_an_unnamed_source() -> None:
    m = meeting(RIA)
    assert (m.outlet, m.date) == ("RIA Novosti", "--05-21")
    assert said(m, "Moscow had not received any proposals", "reported") == "Dmitry Peskov"
    assert said(m, "There have been no such proposals") == "Dmitry Peskov"
    assert said(m, "could take place as early as next week") is None
    assert said(m, "open to contacts") == "Dmitry Peskov"
    assert people(m) == ["Dmitry Peskov"]


TASS = """\
MOSCOW, October 5. /TASS/. Russian Foreign Minister Sergei Lavrov held talks with his \
Turkish counterpart Hakan Fidan on Thursday.

«We discussed the situation in Syria and in the South Caucasus,» Lavrov told a news \
conference following the talks. «Our positions coincide on many issues.»

According to the Russian top diplomat, Moscow and Ankara «will continue close \
coordination».

Fidan, in turn, said that Turkey was ready to host a new round of talks.

Earlier, Lavrov's spokeswoman Maria Zakharova said that the visit had been agreed in \
advance.
"""


def test_tass_dateline_and_guillemets() -> None:
    m = meeting(TASS)
    assert (m.place, m.date, m.outlet) == ("Moscow", "--10-05", "TASS")
    assert said(m, "We discussed the situation in Syria") == "Sergei Lavrov"
    assert said(m, "Our positions coincide") == "Sergei Lavrov"  # split by the attribution


def test_according_to_the_top_diplomat_is_the_foreign_minister() -> None:
    m = meeting(TASS)
    assert said(m, "will continue close coordination") == "Sergei Lavrov"


def test_his_counterpart_is_a_person_with_the_same_office() -> None:
    m = meeting(TASS)
    assert person(m, "Hakan Fidan") == ("Foreign Minister", "Turkey")
    assert said(m, "Turkey was ready to host", "reported") == "Hakan Fidan"


def test_possessive_owner_is_not_the_speaker() -> None:
    m = meeting(TASS)
    assert said(m, "agreed in advance", "reported") == "Maria Zakharova"
    assert people(m) == ["Sergei Lavrov", "Hakan Fidan", "Maria Zakharova"]


STATEMENTS = """\
Russia rejects U.S. protest over journalist's arrest

WASHINGTON, Nov. 14 (Reuters) - The U.S. State Department said on Monday it was deeply \
concerned by the arrest of a U.S. journalist in Russia.

"We call for his immediate release," the department said in a statement.

Russia's Foreign Ministry said in a statement that the arrest was lawful. "Washington \
should mind its own business," the ministry said.

China's foreign ministry spokesman Wang Wenbin told a regular news briefing in Beijing \
that China hoped both sides would show restraint.

The Kremlin issued a statement after Putin spoke to Biden by phone. "The conversation \
was frank and businesslike," the statement said.

(Reporting by Daphne Psaledakis and Humeyra Pamuk; Editing by Leslie Adler)
"""


def test_institutions_speak_in_statements() -> None:
    m = meeting(STATEMENTS)
    assert said(m, "immediate release") == "U.S. State Department"
    assert said(m, "the arrest was lawful", "reported") == "Russian Foreign Ministry"
    assert said(m, "mind its own business") == "Russian Foreign Ministry"  # one name


def test_the_statement_said_is_its_issuer() -> None:
    m = meeting(STATEMENTS)
    assert said(m, "frank and businesslike") == "Kremlin"


def test_reported_speech_at_a_news_briefing_and_no_reporters_as_people() -> None:
    m = meeting(STATEMENTS)
    assert said(m, "both sides would show restraint", "reported") == "Wang Wenbin"
    assert not {"Daphne Psaledakis", "Leslie Adler", "Vladimir Putin"} & set(people(m))


XINHUA = """\
BEIJING, Jan. 5 (Xinhua) -- Chinese President Xi Jinping met with visiting Pakistani \
Prime Minister Shehbaz Sharif at the Great Hall of the People in Beijing on Friday.

Noting that China and Pakistan are all-weather strategic partners, Xi said the two \
sides should "firmly support each other on issues concerning their core interests."

China is ready to work with Pakistan to "build a closer China-Pakistan community with a \
shared future," according to a statement released by the Chinese Foreign Ministry.

For his part, Sharif said Pakistan firmly adheres to the one-China principle. "Pakistan \
will never allow anyone to undermine our friendship with China," the Pakistani leader \
said.

"The China-Pakistan Economic Corridor has transformed our economy," said Sharif, who \
arrived in Beijing on Thursday.

Chinese Foreign Ministry spokeswoman Mao Ning told a daily news briefing that the visit \
was "a complete success."
"""


def test_xinhua_dateline_and_leading_participle_clause() -> None:
    m = meeting(XINHUA)
    assert (m.place, m.date, m.outlet) == ("Beijing", "--01-05", "Xinhua")
    assert said(m, "firmly support each other") == "Xi Jinping"
    assert said(m, "one-China principle", "reported") == "Shehbaz Sharif"  # For his part,


def test_according_to_a_statement_after_the_quote_names_its_author() -> None:
    m = meeting(XINHUA)
    assert said(m, "closer China-Pakistan community") == "Chinese Foreign Ministry"


def test_xinhua_leader_by_nationality_inverted_said_and_spokeswoman() -> None:
    m = meeting(XINHUA)
    assert said(m, "undermine our friendship") == "Shehbaz Sharif"
    assert said(m, "Economic Corridor has transformed") == "Shehbaz Sharif"
    assert said(m, "a complete success") == "Mao Ning"
    assert {"Xi Jinping", "Shehbaz Sharif", "Mao Ning"} <= set(people(m))


G20 = """\
Lavrov, Blinken hold first talks since Ukraine war began

By Humeyra Pamuk and Andrew Osborn

NEW DELHI, March 2 (Reuters) - U.S. Secretary of State Antony Blinken and Russian \
Foreign Minister Sergei Lavrov spoke briefly on the sidelines of a G20 meeting in New \
Delhi on Thursday, a senior U.S. official said.

"I told the foreign minister what I have told him before," Blinken told reporters after \
the meeting. "End this war of aggression."

"We did not ask for this meeting," Russian Deputy Foreign Minister Sergei Ryabkov told \
RIA Novosti. "It was their initiative."

"This is a lie from beginning to end," said Maria Zakharova, the Foreign Ministry \
spokeswoman, in a post on Telegram.

Asked whether the two men had shaken hands, the U.S. official said: "No."

"We remain open to dialogue," the Russian minister said, "but not on these terms."
"""


def test_the_minister_is_not_his_deputy() -> None:
    m = meeting(G20)
    assert said(m, "We did not ask for this meeting") == "Sergei Ryabkov"
    assert said(m, "It was their initiative.") == "Sergei Ryabkov"
    assert said(m, "We remain open to dialogue") == "Sergei Lavrov"
    assert said(m, "but not on these terms") == "Sergei Lavrov"  # split around "said"
    assert person(m, "Sergei Ryabkov") == ("Deputy Foreign Minister", "Russia")


def test_inverted_said_with_apposition_and_the_anonymous_answer() -> None:
    m = meeting(G20)
    assert (m.place, m.date) == ("New Delhi", "--03-02")
    assert said(m, "I told the foreign minister") == "Antony Blinken"
    assert said(m, "End this war of aggression.") == "Antony Blinken"
    assert said(m, "a lie from beginning to end") == "Maria Zakharova"
    assert said(m, "No.") is None  # "Asked whether …, the U.S. official said:"
    assert set(people(m)) == {"Antony Blinken", "Sergei Ryabkov", "Maria Zakharova",
                              "Sergei Lavrov"}  # fmt: skip


ANKARA = """\
ANKARA, Turkey (AP) — Turkish President Recep Tayyip Erdogan hosted Ukrainian President \
Volodymyr Zelenskyy on Friday and said Turkey would keep pushing for peace.

"Ukraine deserves NATO membership," Erdogan said at a joint news conference with \
Zelenskyy in Istanbul.

Zelenskyy thanked Turkey for its support. "We are grateful to our Turkish friends," he \
said, speaking through an interpreter.

"Nobody told us about this," Kremlin spokesman Dmitry Peskov said. "We will draw our \
own conclusions."

Peskov did not say what those conclusions might be.
"""


def test_ap_dateline_with_a_country_after_the_city() -> None:
    m = meeting(ANKARA)
    assert (m.place, m.outlet) == ("Ankara, Turkey", "AP")
    assert m.title.startswith("Turkish President Recep Tayyip Erdogan hosted")


def test_pronoun_after_a_sentence_about_the_speaker() -> None:
    m = meeting(ANKARA)
    assert said(m, "Ukraine deserves NATO membership") == "Recep Tayyip Erdogan"
    assert said(m, "grateful to our Turkish friends") == "Volodymyr Zelenskyy"
    assert said(m, "Nobody told us about this") == "Dmitry Peskov"
    assert said(m, "draw our own conclusions") == "Dmitry Peskov"
    assert people(m) == ["Recep Tayyip Erdogan", "Volodymyr Zelenskyy", "Dmitry Peskov"]


GRAIN = """\
MOSCOW, June 14. /TASS/. Russian Foreign Minister Sergey Lavrov and U.N. \
Secretary-General Antonio Guterres discussed the grain deal by phone on Wednesday.

The Russian top diplomat stressed that «the Istanbul agreements must be implemented in \
full». He added: «Our patience is not unlimited.»

Guterres, in his turn, said he was committed to "keeping the deal alive."

EU foreign policy chief Josep Borrell said the deal was "essential for global food \
security".

"We are not going to be blackmailed," Borrell told reporters in Brussels. "Russia must \
return to the deal.

"There is no alternative."
"""


def test_hyphenated_title_in_a_conjoined_introduction() -> None:
    m = meeting(GRAIN)
    assert person(m, "Antonio Guterres") == ("Secretary-General", "United Nations")
    assert said(m, "keeping the deal alive") == "Antonio Guterres"


def test_tass_top_diplomat_stressed_and_he_added_with_a_colon() -> None:
    m = meeting(GRAIN)
    assert said(m, "Istanbul agreements must be implemented") == "Sergey Lavrov"
    assert said(m, "Our patience is not unlimited.") == "Sergey Lavrov"


def test_quote_continued_over_paragraphs() -> None:
    m = meeting(GRAIN)
    assert said(m, "essential for global food security") == "Josep Borrell"
    assert said(m, "not going to be blackmailed") == "Josep Borrell"
    assert said(m, "Russia must return to the deal.") == "Josep Borrell"
    assert said(m, "There is no alternative.") == "Josep Borrell"


GENEVA = """\
Russia says no breakthrough expected at Geneva talks

By Mark Trevelyan

LONDON, Jan 9 (Reuters) - Russia does not expect a breakthrough at talks with the United \
States in Geneva, Deputy Foreign Minister Sergei Ryabkov said on Sunday.

"We will not make any concessions under pressure," Ryabkov was quoted as saying by the \
Interfax news agency.

Interfax quoted Ryabkov as saying that Moscow was "disappointed" by signals from \
Washington.

U.S. Deputy Secretary of State Wendy Sherman, who leads the U.S. delegation, said \
Washington was ready to discuss arms control. "We are prepared to move forward where \
there are opportunities," she told reporters.

The two sides said in a joint statement that the talks had been "useful".

"It is a bad sign," Russian Foreign Ministry spokeswoman Maria Zakharova wrote on \
Telegram, referring to the deployment of U.S. troops.

(Writing by Mark Trevelyan; Editing by Frances Kerry)
"""


def test_trailing_reported_speech_with_a_titled_speaker() -> None:
    m = meeting(GENEVA)
    assert said(m, "does not expect a breakthrough", "reported") == "Sergei Ryabkov"
    assert said(m, "ready to discuss arms control", "reported") == "Wendy Sherman"
    assert said(m, "prepared to move forward") == "Wendy Sherman"  # she


def test_was_quoted_as_saying_and_agency_quoted_x_as_saying_that() -> None:
    m = meeting(GENEVA)
    assert said(m, "any concessions under pressure") == "Sergei Ryabkov"
    assert said(m, "disappointed") == "Sergei Ryabkov"
    assert said(m, "Moscow was", "reported") == "Sergei Ryabkov"


def test_joint_statement_of_two_sides_has_no_single_speaker() -> None:
    m = meeting(GENEVA)
    assert said(m, "useful") is None
    assert said(m, "It is a bad sign") == "Maria Zakharova"
    assert set(people(m)) == {"Sergei Ryabkov", "Wendy Sherman", "Maria Zakharova"}


DELHI = """\
MOSCOW (Reuters) - "Russia is ready for dialogue on strategic stability," President \
Vladimir Putin told Indian Prime Minister Narendra Modi on Monday, according to the \
Kremlin.

Putin met Modi at his residence outside Moscow. "Our relations are developing \
successfully," he said.

Modi told Putin: "India has always stood for peace."

"We will continue to buy Russian oil as long as it is in our interest," Indian Foreign \
Secretary Vinay Kwatra told a news conference later, adding that India's energy policy \
was "not driven by politics".

"These talks matter." - Secretary of State Antony Blinken

A Kremlin aide said the visit was "historic".
"""


def test_quote_in_the_lead_sentence_and_told_somebody() -> None:
    m = meeting(DELHI)
    assert said(m, "ready for dialogue on strategic stability") == "Vladimir Putin"
    assert said(m, "developing successfully") == "Vladimir Putin"  # he: the subject
    assert said(m, "India has always stood for peace.") == "Narendra Modi"  # X told Y:


def test_short_quote_in_an_adding_that_clause_is_the_speakers() -> None:
    m = meeting(DELHI)
    assert said(m, "continue to buy Russian oil") == "Vinay Kwatra"
    assert said(m, "not driven by politics") == "Vinay Kwatra"


def test_dash_signature_with_a_title_holding_of() -> None:
    m = meeting(DELHI)
    assert said(m, "These talks matter.") == "Antony Blinken"
    assert person(m, "Antony Blinken")[0] == "Secretary of State"


def test_unnamed_aide_keeps_a_one_word_quote() -> None:
    m = meeting(DELHI)
    assert said(m, "historic") is None


PRAGUE = """\
MOSCOW, April 2 (RIA Novosti) - Russian Foreign Ministry spokeswoman Maria Zakharova on \
Thursday criticised the decision of the Czech authorities.

Russian Foreign Minister Sergei Lavrov met the Czech ambassador on Wednesday. "We \
expected this," she said.

"We will respond," he told reporters separately.
"""


def test_she_and_he_skip_the_person_of_the_other_gender() -> None:
    m = meeting(PRAGUE)
    assert said(m, "We expected this") == "Maria Zakharova"  # Lavrov is the latest subject
    assert said(m, "We will respond") == "Sergei Lavrov"


SIGNING = """\
Putin and Xi sign deals

Published: 21.03.2023 18:40

MOSCOW, March 21. /TASS/. Russian President Vladimir Putin and Chinese President Xi \
Jinping pledged on Tuesday to expand trade in national currencies.

«We have agreed to strengthen our cooperation,» Putin said.
"""


def test_a_stamp_of_the_same_day_lends_its_year() -> None:
    m = meeting(SIGNING)
    assert (m.date, m.date_inferred, m.title) == ("2023-03-21", True, "Putin and Xi sign deals")
    other_day = SIGNING.replace("21.03.2023", "23.02.2019")  # a page clock: no year
    assert meeting(other_day).date == "--03-21"


def test_both_people_of_a_joint_subject_take_part() -> None:
    m = meeting(SIGNING)
    assert said(m, "expand trade in national currencies", "reported") == "Vladimir Putin"
    assert people(m) == ["Vladimir Putin", "Xi Jinping"]


TEHRAN = """\
MOSCOW, February 14. /TASS/. Russian Foreign Minister Sergey Lavrov and his Iranian \
counterpart Hossein Amir-Abdollahian held talks in Moscow on Tuesday.

«We have agreed to coordinate our steps on the nuclear deal», - Lavrov said at a news \
conference after the talks.

According to Lavrov, Moscow and Tehran will continue to work together on the Caspian \
issues.

In his words, the sides also discussed the situation in Syria.

As the Iranian minister put it, «Iran and Russia are strategic partners».

The Iranian top diplomat noted that Tehran appreciated Russia's position. «We are \
grateful to our Russian friends», — he said.
"""


def test_tass_dash_before_the_attribution() -> None:
    m = meeting(TEHRAN)
    assert said(m, "coordinate our steps on the nuclear deal") == "Sergey Lavrov"
    assert said(m, "grateful to our Russian friends") == "Hossein Amir-Abdollahian"


def test_according_to_x_and_in_his_words_open_reported_speech() -> None:
    m = meeting(TEHRAN)
    assert said(m, "continue to work together on the Caspian", "reported") == "Sergey Lavrov"
    assert said(m, "also discussed the situation in Syria", "reported") == "Sergey Lavrov"


def test_as_x_put_it_names_the_speaker() -> None:
    m = meeting(TEHRAN)
    assert said(m, "strategic partners") == "Hossein Amir-Abdollahian"
    assert person(m, "Hossein Amir-Abdollahian") == ("Foreign Minister", "Iran")


UN = """\
UNITED NATIONS (AP) — Sergei Lavrov, Russia's foreign minister, said Monday that Moscow \
would not accept "any ultimatums" from the West.

Antony Blinken, the U.S. secretary of state, told the Security Council that Russia was \
isolated. "The world is watching," he said.

"We have heard all this before," the Russian minister replied.

Wang Yi, China's top diplomat, called for restraint. "Dialogue is the only way out," \
Wang said.
"""


def test_role_set_after_the_name_in_apposition() -> None:
    m = meeting(UN)
    assert person(m, "Sergei Lavrov") == ("Foreign Minister", "Russia")
    assert person(m, "Antony Blinken") == ("Secretary of State", "United States")
    assert said(m, "heard all this before") == "Sergei Lavrov"  # "the Russian minister"
    assert said(m, "Dialogue is the only way out") == "Wang Yi"
    assert said(m, "The world is watching") == "Antony Blinken"
    assert said(m, "Moscow would not accept", "reported") == "Sergei Lavrov"


SANCTIONS = """\
BEIJING (Reuters) - China said on Tuesday it firmly opposed the new U.S. sanctions.

"The United States should stop its wrong actions," China said in a statement.

"We will take all necessary measures," the country's commerce ministry said.
"""


def test_a_country_speaks_like_an_institution() -> None:
    m = meeting(SANCTIONS)
    assert said(m, "firmly opposed the new U.S. sanctions", "reported") == "China"
    assert said(m, "stop its wrong actions") == "China"
    assert said(m, "all necessary measures") == "Chinese Commerce Ministry"


GREETINGS = """\
BEIJING, Oct. 1 (Xinhua) -- Chinese President Xi Jinping sent a congratulatory message \
to Vietnamese President Vo Van Thuong on Sunday.

The message reads, in part:

"China is willing to work with Vietnam to deepen strategic communication."

"The friendship between our two peoples has stood the test of time," the president's \
message said.
"""


def test_a_message_speaks_for_its_author() -> None:
    m = meeting(GREETINGS)
    assert said(m, "deepen strategic communication") == "Xi Jinping"  # "The message reads:"
    assert said(m, "stood the test of time") == "Xi Jinping"


REVERSED = """\
MOSCOW, Jan. 12 (RIA Novosti) - Acting President Vladimir Putin congratulated \
prosecutors on their professional holiday.

The message reads, in part:

”In the old days, prosecutor’s offices were known as “the eyes of the state.” They \
protect individuals from crime and injustice.“
"""


def test_inner_pair_inside_a_quotation_opened_with_a_reversed_mark() -> None:
    m = meeting(REVERSED)
    (q,) = quotes(m)
    assert q.text.startswith("In the old days") and q.text.endswith("injustice.")
    assert q.speaker == "Vladimir Putin"


def _wrapped(text: str, width: int = 38) -> str:
    """The article hard-wrapped the way a plain-text scrape or an e-mail keeps it."""
    import textwrap

    return "\n\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))


def test_hard_wrapped_lines_read_like_the_unwrapped_text() -> None:
    for article in (REUTERS, TASS, AP, PRAGUE):
        flat, wrapped = meeting(article), meeting(_wrapped(article))
        assert (wrapped.title, wrapped.place, wrapped.date) == (flat.title, flat.place, flat.date)
        assert people(wrapped) == people(flat)
        assert [(r.speaker, r.kind, " ".join(r.text.split())) for r in wrapped.remarks] == [
            (r.speaker, r.kind, " ".join(r.text.split())) for r in flat.remarks
        ]


def test_dateline_broken_over_two_lines() -> None:
    m = meeting('MOSCOW, March 21\n(Reuters) - Russian President Vladimir Putin said on '
                'Tuesday that the talks went well.\n\n"It was good," Putin said.\n')  # fmt: skip
    assert (m.place, m.date, m.outlet) == ("Moscow", "--03-21", "Reuters")
    assert said(m, "It was good") == "Vladimir Putin"


GUANGZHOU = """\
Macron, Xi call for Ukraine peace talks

GUANGZHOU, China, April 7, 2023 (AFP) - French President Emmanuel Macron on Friday \
urged Chinese leader Xi Jinping to "bring Russia to its senses" over Ukraine.

"I know I can count on you to bring Russia to its senses and everyone back to the \
negotiating table," Macron told Xi at the start of their talks.

"China and France have the ability and responsibility to overcome differences," the \
Chinese president told his guest, according to state broadcaster CCTV.

European Commission President Ursula von der Leyen, who joined part of the talks, said \
she had "a frank exchange" with Xi.

"We count on China not to provide any military equipment to Russia," von der Leyen told \
reporters.

burs-jm/dhw
"""


def test_afp_dateline_with_country_and_full_date() -> None:
    m = meeting(GUANGZHOU)
    assert (m.place, m.date, m.outlet) == ("Guangzhou, China", "2023-04-07", "AFP")
    assert m.title == "Macron, Xi call for Ukraine peace talks"


def test_a_leader_is_also_the_president_and_particle_names() -> None:
    m = meeting(GUANGZHOU)
    assert said(m, "I know I can count on you") == "Emmanuel Macron"
    assert said(m, "overcome differences") == "Xi Jinping"
    assert said(m, "military equipment") == "Ursula von der Leyen"
    assert set(people(m)) == {"Emmanuel Macron", "Xi Jinping", "Ursula von der Leyen"}


def test_without_a_dateline_a_byline_is_still_no_place() -> None:
    m = meeting(REUTERS.replace("MOSCOW, March 21 (Reuters) - ", ""))
    assert m.place is None and m.title == "Russia, China vow closer ties as Xi visits Moscow"
    assert said(m, "good neighbours and reliable partners") == "Xi Jinping"


def test_html_page_date_of_the_same_day_lends_its_year() -> None:
    from html import escape

    from store.ingest import extract

    paras = [p for p in REUTERS.split("\n\n") if p.strip()]
    page = (
        f"<html><head><title>{escape(paras[0])} | Reuters</title></head><body><article>"
        f"<h1>{escape(paras[0])}</h1><time datetime='2023-03-21T12:00:00Z'>March 21, 2023"
        "</time>" + "".join(f"<p>{escape(p)}</p>" for p in paras[1:]) + "</article></body></html>"
    )
    (m,) = extract(page.encode(), "reuters.html")
    assert (m.date, m.date_inferred, m.place, m.outlet) == ("2023-03-21", True, "Moscow", "Reuters")
    assert said(m, "good neighbours and reliable partners") == "Xi Jinping"


SPOKESMAN = """\
MOSCOW (Reuters) - A Kremlin spokesman, Dmitry Peskov, said on Monday that no meeting \
was planned.

"There are no such plans," a Kremlin spokesman, Dmitry Peskov, told reporters.

"We see no basis for talks," a senior Russian diplomat told Reuters.
"""


def test_an_indefinite_role_followed_by_the_name_is_that_person() -> None:
    m = meeting(SPOKESMAN)
    assert said(m, "no meeting was planned", "reported") == "Dmitry Peskov"
    assert said(m, "There are no such plans") == "Dmitry Peskov"
    assert said(m, "no basis for talks") is None
    assert person(m, "Dmitry Peskov") == ("Kremlin spokesman", None)
    assert people(m) == ["Dmitry Peskov"]


VERDICTS = """\
MOSCOW (Reuters) - Russian Foreign Ministry spokeswoman Maria Zakharova on Wednesday \
slammed the "unfriendly" move by Prague.

Kremlin spokesman Dmitry Peskov dismissed the report as "fake news".

Chinese Foreign Minister Wang Yi hailed the "new chapter" in ties. Diplomats referred \
to the plan as the "Prague Initiative".
"""


def test_a_judgement_verb_makes_a_short_quote_the_judges_word() -> None:
    m = meeting(VERDICTS)
    assert said(m, "unfriendly") == "Maria Zakharova"
    assert said(m, "fake news") == "Dmitry Peskov"
    assert said(m, "new chapter") == "Wang Yi"
    assert not any("Prague Initiative" in r.text for r in m.remarks)  # a name, no remark


OIC = """\
MOSCOW, June 15 (RIA Novosti) - Russian Foreign Minister Sergei Lavrov met with OIC \
Secretary General Ekmeleddin Ihsanoglu in Moscow on Tuesday.

"Russia attaches great importance to its relations with the Islamic world," Mr. Lavrov \
said at the start of the talks.

The Russian minister said that Moscow was ready to host an international conference. \
According to him, "the conference could be held in the autumn."

The Secretary General thanked Russia for its "balanced position". "We highly appreciate \
Russia's role as an observer in our organization," Mr. Ihsanoglu said.

He added that the OIC was interested in developing contacts with Russia "in all spheres".

"We have a common vision of the ways to settle the conflicts," the minister said.
"""


def test_ria_honorifics_titles_and_pronouns() -> None:
    m = meeting(OIC)
    assert said(m, "great importance to its relations") == "Sergei Lavrov"
    assert said(m, "ready to host an international conference", "reported") == "Sergei Lavrov"
    assert said(m, "could be held in the autumn") == "Sergei Lavrov"
    assert said(m, "balanced position") == "Ekmeleddin Ihsanoglu"  # "The Secretary General"
    assert said(m, "role as an observer") == "Ekmeleddin Ihsanoglu"
    assert said(m, "in all spheres") == "Ekmeleddin Ihsanoglu"
    assert said(m, "common vision") == "Sergei Lavrov"
    assert person(m, "Ekmeleddin Ihsanoglu") == ("OIC Secretary General", "OIC")
    assert people(m) == ["Sergei Lavrov", "Ekmeleddin Ihsanoglu"]


def test_the_counterpart_of_a_secretary_of_state_is_a_foreign_minister() -> None:
    m = meeting(
        "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken met his Russian "
        "counterpart Sergei Lavrov in Geneva on Friday.\n\n"
        '"We had a frank exchange," Lavrov told reporters.\n'
    )
    assert person(m, "Sergei Lavrov") == ("Foreign Minister", "Russia")
    assert said(m, "frank exchange") == "Sergei Lavrov"
    assert people(m) == ["Sergei Lavrov"]


def test_quoted_paragraphs_after_reported_speech_are_the_same_speakers() -> None:
    m = meeting(
        "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Monday that "
        "Moscow was ready for talks.\n\n"
        '"We are open to dialogue. But we will not accept ultimatums."\n\n'
        '"Nobody will dictate to us."\n'
    )
    assert said(m, "We are open to dialogue") == "Sergei Lavrov"
    assert said(m, "Nobody will dictate to us.") == "Sergei Lavrov"


MINISTRIES = """\
WASHINGTON (Reuters) - The U.S. State Department said on Monday it was concerned.

"We call for his release," the State Department said in a statement.

The Russian Foreign Ministry called the arrest lawful. "This is a legal matter," the \
Foreign Ministry said.

The Ukrainian Foreign Ministry said it was "outraged".
"""


def test_a_bare_institution_name_is_the_qualified_one_named_before() -> None:
    m = meeting(MINISTRIES)
    assert said(m, "We call for his release") == "U.S. State Department"
    assert said(m, "This is a legal matter") == "Russian Foreign Ministry"
    assert said(m, "outraged") == "Ukrainian Foreign Ministry"  # not Russia's


def test_more_dateline_shapes() -> None:
    lead = "Russian Foreign Minister Sergei Lavrov said on Tuesday that the talks were useful."
    cases = {
        "BRUSSELS/MOSCOW, March 1 (Reuters) - ": ("Brussels/Moscow", "--03-01", "Reuters"),
        "MOSCOW. Oct 5 (Interfax) - ": ("Moscow", "--10-05", "Interfax"),
        "NEW DELHI, March 2 (ANI): ": ("New Delhi", "--03-02", "ANI"),
        "GENEVA, Switzerland — ": ("Geneva, Switzerland", None, None),
        "MOSCOW, Oct. 5, 2023 /TASS/. ": ("Moscow", "2023-10-05", "TASS"),
    }
    for dateline, want in cases.items():
        m = meeting(f'{dateline}{lead}\n\n"We agreed on many things," Lavrov said.\n')
        assert (m.place, m.date, m.outlet) == want, dateline
        assert said(m, "We agreed on many things") == "Sergei Lavrov"


COUNCIL = """\
U.S., Russia clash at U.N. over Ukraine grain deal

By Michelle Nichols

UNITED NATIONS, July 17 (Reuters) - The United States and Russia clashed at the U.N. \
Security Council on Monday after Moscow quit a deal allowing the safe Black Sea export \
of Ukrainian grain.

U.S. Ambassador to the United Nations Linda Thomas-Greenfield called the decision \
"another act of cruelty".

"Russia is using food as a weapon," she told reporters before the meeting.

Russia's U.N. Ambassador Vassily Nebenzia rejected the criticism. "Our patience has run \
out," Nebenzia told the council.

U.N. Secretary-General Antonio Guterres said he was "deeply disappointed". In a \
statement, his spokesman Stephane Dujarric said Guterres would continue his efforts.

Britain's U.N. envoy Barbara Woodward said: "This is a disgraceful decision."

(Reporting by Michelle Nichols; Editing by Grant McCool)
"""


def test_ambassador_to_a_place_and_a_countrys_possessive() -> None:
    m = meeting(COUNCIL)
    assert person(m, "Linda Thomas-Greenfield") == (
        "Ambassador to the United Nations", "United States",
    )  # fmt: skip
    assert person(m, "Vassily Nebenzia") == ("U.N. Ambassador", "Russia")
    assert person(m, "Barbara Woodward") == ("U.N. envoy", "United Kingdom")
    assert said(m, "another act of cruelty") == "Linda Thomas-Greenfield"
    assert said(m, "using food as a weapon") == "Linda Thomas-Greenfield"
    assert said(m, "Our patience has run out") == "Vassily Nebenzia"
    assert said(m, "deeply disappointed") == "Antonio Guterres"
    assert said(m, "continue his efforts", "reported") == "Stephane Dujarric"
    assert said(m, "disgraceful decision") == "Barbara Woodward"


DIPLOMATS = """\
WASHINGTON (TASS) - Russian Ambassador to the United States Anatoly Antonov said on \
Monday that Moscow was open to dialogue.

"We are ready to talk," the Russian diplomat said.

A senior European diplomat, speaking on condition of anonymity, said the proposal was \
not serious. "Nobody believes this," the diplomat added.
"""


def test_the_diplomat_is_the_named_ambassador_unless_an_unnamed_one_came_since() -> None:
    m = meeting(DIPLOMATS)
    assert person(m, "Anatoly Antonov") == ("Ambassador to the United States", "Russia")
    assert said(m, "We are ready to talk") == "Anatoly Antonov"
    assert said(m, "Nobody believes this") is None
    assert people(m) == ["Anatoly Antonov"]


def test_an_epithet_before_the_office_word() -> None:
    m = meeting(
        "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Monday that "
        'talks were possible.\n\n"We are open," the 73-year-old diplomat said.\n\n'
        '"Nothing is excluded," the veteran Russian diplomat added.\n'
    )
    assert said(m, "We are open") == "Sergei Lavrov"
    assert said(m, "Nothing is excluded") == "Sergei Lavrov"


def test_family_name_first_keeps_only_the_aliases_the_text_uses() -> None:
    m = meeting(REUTERS)
    xi = m.participant("Xi Jinping")
    assert xi is not None and xi.aliases == ("Xi",)
    putin = m.participant("Vladimir Putin")
    assert putin is not None and putin.aliases == ("Putin",)


GULF = """\
DOHA, Jan 10 (Reuters) - Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani \
met Saudi Foreign Minister Prince Faisal bin Farhan Al Saud on Wednesday.

"We discussed the situation in Gaza," Sheikh Mohammed told a news conference.

"There is no alternative to a ceasefire," Prince Faisal said.

"Israel must stop," the Qatari prime minister added.
"""


def test_royal_styles_are_aliases_not_roles_or_names() -> None:
    m = meeting(GULF)
    assert person(m, "Mohammed bin Abdulrahman Al Thani") == ("Prime Minister", "Qatar")
    assert person(m, "Faisal bin Farhan Al Saud") == ("Foreign Minister", "Saudi Arabia")
    assert said(m, "situation in Gaza") == "Mohammed bin Abdulrahman Al Thani"
    assert said(m, "no alternative to a ceasefire") == "Faisal bin Farhan Al Saud"
    assert said(m, "Israel must stop") == "Mohammed bin Abdulrahman Al Thani"
    assert len(people(m)) == 2


def test_a_quote_by_two_named_people_goes_to_the_first_and_both_take_part() -> None:
    m = meeting(
        "MOSCOW (Reuters) - Russian President Vladimir Putin and Chinese President Xi "
        'Jinping met on Tuesday.\n\n"We have a common vision," Putin and Xi said in a joint '
        "statement.\n"
    )
    assert said(m, "common vision") == "Vladimir Putin"
    assert people(m) == ["Vladimir Putin", "Xi Jinping"]


def test_dateline_right_under_a_headline_without_a_blank_line() -> None:
    m = meeting(
        "Russia and China vow closer ties\nMOSCOW, March 21 (Reuters) - Russian President "
        'Vladimir Putin said on Tuesday that ties were at their best.\n"We are partners," '
        "Putin said.\n"
    )
    assert (m.title, m.place, m.date, m.outlet) == (
        "Russia and China vow closer ties", "Moscow", "--03-21", "Reuters",
    )  # fmt: skip
    assert said(m, "We are partners") == "Vladimir Putin"
    wrapped = meeting("Talks end\nNATO - led forces said on Monday that the talks ended.\n")
    assert wrapped.place is None  # a line starting "NATO - " is no dateline
