"""Foreign ministries' briefings and official Q&A records, end to end.

Short documents written here in the house styles of China's Foreign Ministry (regular
press conferences whose questions are labelled by the journalist's outlet: "CCTV:",
"Reuters:"), India's Ministry of External Affairs ("Official Spokesperson, Shri
Arindam Bagchi:", "Speaker 1:"), the UN Secretary-General's spokesperson (noon
briefings: "Question:", "Spokesman:"), Japan's MOFA ("Press Secretary:", "Q:") and a
joint press conference of two foreign ministers, as plain text and as simple HTML with
bold labels and page furniture. One test per behaviour.
"""

from __future__ import annotations

from store.models import Meeting
from tests.ingest.documents import check_offsets, first_words, person, turns
from tests.ingest.documents import read as meeting
from tests.ingest.documents import read_html as html_meeting


def starts(m: Meeting) -> list[str]:
    """The first 3 words of every remark."""
    return first_words(m, 3)


# -- China: regular press conference, questions labelled by outlet ----------------------

CHINA = """\
Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 9, 2023

2023-05-09 19:30

Wang Wenbin: At the invitation of Foreign Minister Qin Gang, Foreign Minister of \
Pakistan Bilawal Bhutto Zardari will attend the Foreign Ministers' Dialogue in \
Islamabad from May 5 to 6.

CCTV: The G7 summit will be held in Hiroshima later this month. Some reports say the \
leaders will discuss China. What is your comment?

Wang Wenbin: We have noted the reports. The G7 should stop interfering in other \
countries' internal affairs.

AFP: Canada has expelled a Chinese diplomat. Will China retaliate?

Wang Wenbin: China firmly opposes this and has lodged strong protests with Canada.

AFP: Follow-up: what countermeasures exactly?

Wang Wenbin: I have nothing more to add.

Reuters: A follow-up on Canada. Has the Chinese diplomat left?

Wang Wenbin: I would refer you to competent authorities.

Kyodo News: The Japanese Prime Minister said he would raise the East China Sea \
issue. Your comment?

Wang Wenbin: China's position on the East China Sea is consistent and clear.

Shenzhen TV: The Boao Forum opens next week. Who will attend?

Wang Wenbin: We will release information in due course.
"""

CHINA_TURNS = [
    ("Wang Wenbin", "statement"),
    *[(None, "question"), ("Wang Wenbin", "answer")] * 6,
]


def test_china_outlet_labels_are_unnamed_journalists() -> None:
    m = meeting(CHINA)
    assert turns(m) == CHINA_TURNS
    assert starts(m)[1:4] == ["The G7 summit", "We have noted", "Canada has expelled"]
    assert [p.name for p in m.participants] == ["Wang Wenbin"]
    check_offsets(m)


def test_china_follow_up_by_the_same_outlet_is_again_a_question() -> None:
    m = meeting(CHINA)
    follow = [r for r in m.remarks if r.text.startswith(("Follow-up", "A follow-up"))]
    assert [(r.speaker, r.kind) for r in follow] == [(None, "question")] * 2


def test_china_title_date_and_spokesperson() -> None:
    m = meeting(CHINA)
    assert m.title == (
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 9, 2023"
    )
    assert m.date == "2023-05-09"
    p = person(m, "Wang Wenbin")
    assert (p.role, p.affiliation) == ("Foreign Ministry Spokesperson", "China")


CHINA_HTML = """\
<html><head><title>Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on \
March 14, 2024</title></head>
<body>
<div class="nav"><ul><li><a href="/">Home</a></li><li><a href="/mfa_eng/">Ministry</a></li>
<li><a href="/xw/">News</a></li><li><a href="/fyrbt/">Spokesperson's Remarks</a></li></ul></div>
<div class="tools"><a href="#">Print</a> | <a href="#">Share</a> | <a href="#">Close</a></div>
<h1>Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 14, 2024</h1>
<p class="date">2024-03-14 19:00</p>
<div class="content">
<p><strong>CCTV:</strong> The two sessions have concluded. Could you share China's \
diplomatic priorities for this year?</p>
<p><strong>Mao Ning:</strong> China's diplomacy will serve the country's development.</p>
<p><strong>Reuters:</strong> The US House passed a bill on TikTok. What is China's response?</p>
<p><strong>Mao Ning:</strong> The US has never found evidence that TikTok threatens it.</p>
<p>Such bullying behavior will come back to bite the US itself.</p>
<p><strong>Reuters:</strong> A follow-up. Will China retaliate?</p>
<p><strong>Mao Ning:</strong> China will take all measures needed to protect its interests.</p>
<p><strong>Hubei Media Group:</strong> The China-Europe Railway Express has made its \
thousandth trip from Wuhan this year. Do you have a comment?</p>
<p><strong>Mao Ning:</strong> We are glad to see this.</p>
<p><strong>Dragon TV:</strong> Will the Foreign Minister visit Australia?</p>
<p><strong>Mao Ning:</strong> We will release information in due course.</p>
</div>
<div class="footer"><a href="#">Contact Us</a> <a href="#">Sitemap</a>
<p>Copyright © Ministry of Foreign Affairs of the People's Republic of China</p></div>
</body></html>
"""


def test_china_html_bold_outlet_labels() -> None:
    m = html_meeting(CHINA_HTML)
    assert turns(m) == [(None, "question"), ("Mao Ning", "answer")] * 5
    assert m.title == (
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 14, 2024"
    )
    assert m.date == "2024-03-14"
    p = person(m, "Mao Ning")
    assert (p.role, p.affiliation) == ("Foreign Ministry Spokesperson", "China")
    assert [x.name for x in m.participants] == ["Mao Ning"]
    assert "bite the US" in m.remarks[3].text
    assert "Copyright" not in m.remarks[-1].text
    check_offsets(m)


# -- India: weekly briefing of the Ministry of External Affairs -------------------------

INDIA = """\
Transcript of Weekly Media Briefing by the Official Spokesperson (February 16, 2023)

February 16, 2023

Official Spokesperson, Shri Arindam Bagchi: Good afternoon and welcome to this weekly \
briefing. The Foreign Secretary will be visiting Nepal next week.

With that, I am happy to take questions.

Sidhant Sibal: Sir, Sidhant from WION. My question is on the BBC tax survey. Has the \
UK government raised the issue with us?

Official Spokesperson, Shri Arindam Bagchi: I have seen reports. The survey is being \
carried out by the competent authorities under Indian law.

Speaker 1: Sir, my question is on Pakistan. Is there any update on the Kartarpur \
corridor?

Question: And on the G20 foreign ministers' meeting, which countries have confirmed?

Official Spokesperson, Shri Arindam Bagchi: We will share the list closer to the date. \
The Kartarpur corridor remains open.

Speaker 2: Sir, any comment on the situation in Myanmar?

Official Spokesperson, Shri Arindam Bagchi: We continue to follow the developments \
closely.

Foreign Secretary, Shri Vinay Kwatra: If I may add, we have been in touch with all \
stakeholders.

Official Spokesperson, Shri Arindam Bagchi: Thank you all for joining.

(Concludes)
"""


def test_india_office_comma_name_labels() -> None:
    m = meeting(INDIA)
    assert turns(m) == [
        ("Arindam Bagchi", "statement"),
        ("Sidhant Sibal", "question"),
        ("Arindam Bagchi", "answer"),
        (None, "question"),
        (None, "question"),
        ("Arindam Bagchi", "answer"),
        (None, "question"),
        ("Arindam Bagchi", "answer"),
        ("Vinay Kwatra", "answer"),
        ("Arindam Bagchi", "answer"),
    ]
    bagchi = person(m, "Arindam Bagchi")
    assert bagchi.role == "Official Spokesperson"
    assert person(m, "Vinay Kwatra").role == "Foreign Secretary"
    check_offsets(m)


def test_india_opening_statement_runs_over_paragraphs() -> None:
    m = meeting(INDIA)
    assert "happy to take questions" in m.remarks[0].text


def test_india_numbered_speakers_are_unnamed_journalists() -> None:
    m = meeting(INDIA)
    assert "Speaker 1" not in [p.name for p in m.participants]
    assert m.remarks[3].text.startswith("Sir, my question is on Pakistan")


def test_india_concludes_line_ends_the_record() -> None:
    m = meeting(INDIA)
    assert m.remarks[-1].text == "Thank you all for joining."


def test_india_title_and_date() -> None:
    m = meeting(INDIA)
    assert m.title == (
        "Transcript of Weekly Media Briefing by the Official Spokesperson (February 16, 2023)"
    )
    assert m.date == "2023-02-16"


INDIA_NAME_FIRST = """\
Transcript of Weekly Media Briefing by the Official Spokesperson (March 28, 2024)

March 28, 2024

Shri Randhir Jaiswal, Official Spokesperson: Good evening and welcome to this weekly \
briefing. Let me start with the External Affairs Minister's visit to Singapore.

Question: Sir, the US State Department has again commented on the arrest. What is \
your response?

Shri Randhir Jaiswal, Official Spokesperson: We take strong objection to the remarks.

Sidhant Sibal: Sir, on Katchatheevu, has Sri Lanka raised anything?

Shri Randhir Jaiswal, Official Spokesperson: I have nothing to add.

Sidhant Sibal: A follow-up, sir. Is there any plan for talks?

Shri Randhir Jaiswal, Official Spokesperson: No, not at this moment.
"""


def test_india_name_comma_office_labels() -> None:
    m = meeting(INDIA_NAME_FIRST)
    assert turns(m) == [
        ("Randhir Jaiswal", "statement"),
        (None, "question"),
        ("Randhir Jaiswal", "answer"),
        ("Sidhant Sibal", "question"),
        ("Randhir Jaiswal", "answer"),
        ("Sidhant Sibal", "question"),
        ("Randhir Jaiswal", "answer"),
    ]
    assert person(m, "Randhir Jaiswal").role == "Official Spokesperson"
    assert m.date == "2024-03-28"


INDIA_HTML = """\
<html><head><title>Transcript of Weekly Media Briefing by the Official Spokesperson \
(February 16, 2023)</title></head>
<body>
<ul class="menu"><li>Home</li><li>About MEA</li><li>Media Center</li><li>Press Releases</li></ul>
<div class="share"><a>Print</a> <a>Share</a> <a>Email</a></div>
<h1>Transcript of Weekly Media Briefing by the Official Spokesperson (February 16, 2023)</h1>
<p>February 16, 2023</p>
<p><strong>Official Spokesperson, Shri Arindam Bagchi:</strong> Good afternoon. The \
Foreign Secretary will visit Nepal next week.</p>
<p><strong>Sidhant Sibal:</strong> Sir, my question is on the BBC survey. Has the UK \
raised it?</p>
<p><strong>Official Spokesperson, Shri Arindam Bagchi:</strong> The survey is being \
carried out by the competent authorities.</p>
<p><strong>Speaker 1:</strong> Sir, is there any update on Kartarpur?</p>
<p><strong>Official Spokesperson, Shri Arindam Bagchi:</strong> The corridor remains open.</p>
<p><strong>Foreign Secretary, Shri Vinay Kwatra:</strong> If I may add, we are in touch \
with all stakeholders.</p>
<p>(Concludes)</p>
<div class="footer"><a>Feedback</a> <a>Terms of Use</a> <a>Contact Us</a></div>
</body></html>
"""


def test_india_html_bold_labels() -> None:
    m = html_meeting(INDIA_HTML)
    assert turns(m) == [
        ("Arindam Bagchi", "statement"),
        ("Sidhant Sibal", "question"),
        ("Arindam Bagchi", "answer"),
        (None, "question"),
        ("Arindam Bagchi", "answer"),
        ("Vinay Kwatra", "answer"),
    ]
    assert m.date == "2023-02-16"
    assert sorted(p.name for p in m.participants) == [
        "Arindam Bagchi", "Sidhant Sibal", "Vinay Kwatra",
    ]  # fmt: skip
    assert "Feedback" not in m.remarks[-1].text
    check_offsets(m)


# -- United Nations: noon briefing by the Spokesperson for the Secretary-General --------

UN = """\
Daily Press Briefing by the Office of the Spokesperson for the Secretary-General

12 October 2023

The following is a near-verbatim transcript of today's noon briefing by Stéphane \
Dujarric, Spokesman for the Secretary-General.

Good afternoon. The Secretary-General is deeply alarmed by the situation in Gaza. He \
repeats his call for humanitarian access.

Question: Thank you, Stéphane. Has the Secretary-General spoken with the Israeli Prime \
Minister today?

Spokesman: No, he has not spoken to him today.

Question: And a follow-up: what about Iran?

Spokesman: I have nothing to share on that. Edie?

Question: Will the Secretary-General brief the Security Council?

Spokesman: Yes, at 3 p.m.
"""


def test_un_spokesman_label_is_the_introduced_person() -> None:
    m = meeting(UN)
    assert turns(m) == [
        ("Stéphane Dujarric", "statement"),
        *[(None, "question"), ("Stéphane Dujarric", "answer")] * 3,
    ]
    assert starts(m)[0] == "Good afternoon. The"
    p = person(m, "Stéphane Dujarric")
    assert (p.role, p.affiliation) == ("Spokesman for the Secretary-General", "United Nations")
    assert [x.name for x in m.participants] == ["Stéphane Dujarric"]
    check_offsets(m)


def test_un_briefing_is_the_united_nations_not_the_state_department() -> None:
    m = meeting(UN)
    assert m.outlet == "United Nations"
    assert m.title == (
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
    )
    assert m.date == "2023-10-12"


UN_DEPUTY = """\
Daily Press Briefing by the Office of the Spokesperson for the Secretary-General

3 May 2022

The following is a near-verbatim transcript of today's noon briefing by Farhan Haq, \
Deputy Spokesperson for the Secretary-General.

Deputy Spokesperson: Good afternoon, all. The Secretary-General is in Ukraine.

Question: Farhan, how many civilians have been evacuated so far?

Deputy Spokesperson: About 100 people reached Zaporizhzhia.
"""


def test_un_deputy_spokesperson_label() -> None:
    m = meeting(UN_DEPUTY)
    assert turns(m) == [
        ("Farhan Haq", "statement"),
        (None, "question"),
        ("Farhan Haq", "answer"),
    ]
    p = person(m, "Farhan Haq")
    assert (p.role, p.affiliation) == (
        "Deputy Spokesperson for the Secretary-General", "United Nations",
    )  # fmt: skip
    assert m.date == "2022-05-03"


UN_HTML = """\
<html><head><title>Daily Press Briefing by the Office of the Spokesperson for the \
Secretary-General | Meetings Coverage and Press Releases</title></head>
<body>
<nav><ul><li><a>Welcome to the United Nations</a></li><li><a>Secretary-General</a></li>
<li><a>Meetings Coverage</a></li><li><a>Press Briefings</a></li></ul></nav>
<div class="share"><a>Print</a> <a>Share</a></div>
<h1>Daily Press Briefing by the Office of the Spokesperson for the Secretary-General</h1>
<p>12 October 2023</p>
<p>The following is a near-verbatim transcript of today's noon briefing by Stéphane \
Dujarric, Spokesman for the Secretary-General.</p>
<p>Good afternoon. The Secretary-General is deeply alarmed by the situation in Gaza.</p>
<p><strong>Question:</strong> Thank you, Stéphane. Has the Secretary-General spoken \
with the Israeli Prime Minister today?</p>
<p><strong>Spokesman:</strong> No, he has not spoken to him today.</p>
<p><strong>Question:</strong> And a follow-up: what about Iran?</p>
<p><strong>Spokesman:</strong> I have nothing to share on that.</p>
<footer><a>Contact</a> <a>Copyright</a> <a>Fraud Alert</a> <a>Privacy Notice</a>
<a>Terms of Use</a></footer>
</body></html>
"""


def test_un_html_noon_briefing() -> None:
    m = html_meeting(UN_HTML)
    assert turns(m) == [
        ("Stéphane Dujarric", "statement"),
        *[(None, "question"), ("Stéphane Dujarric", "answer")] * 2,
    ]
    assert m.title == (
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
    )
    assert m.date == "2023-10-12"
    assert m.outlet == "United Nations"
    assert "Terms of Use" not in m.remarks[-1].text
    check_offsets(m)


def test_india_ministry_of_external_affairs_officials() -> None:
    m = meeting(INDIA)
    assert m.outlet == "Indian Ministry of External Affairs"
    assert person(m, "Arindam Bagchi").affiliation == "India"
    assert person(m, "Vinay Kwatra").affiliation == "India"
    assert person(m, "Sidhant Sibal").affiliation is None
    assert "Official Spokesperson, Shri Arindam Bagchi" in person(m, "Arindam Bagchi").aliases


# -- Japan: press conference by the Press Secretary ------------------------------------

JAPAN = """\
Press Conference by Press Secretary Hikariko Ono

Wednesday, June 14, 2023, 4:00 p.m. Ministry of Foreign Affairs Press Conference Room

Opening Remarks

Press Secretary: Today I have one announcement. Foreign Minister Hayashi will visit \
Europe from June 18.

Questions and Answers

Q: I have a question on the G7. What will the Foreign Minister discuss?

Press Secretary: The Foreign Minister will discuss the situation in Ukraine and the \
Indo-Pacific.

Q: A question on China. Has Japan protested the detention of a Japanese national?

Press Secretary: Japan has strongly requested an early release.
"""


def test_japan_press_secretary_label_is_the_titled_person() -> None:
    m = meeting(JAPAN)
    assert turns(m) == [
        ("Hikariko Ono", "statement"),
        *[(None, "question"), ("Hikariko Ono", "answer")] * 2,
    ]
    p = person(m, "Hikariko Ono")
    assert (p.role, p.affiliation) == ("Press Secretary", "Japan")
    check_offsets(m)


def test_japan_date_with_clock_and_room_on_one_line() -> None:
    m = meeting(JAPAN)
    assert m.title == "Press Conference by Press Secretary Hikariko Ono"
    assert m.date == "2023-06-14"
    assert m.place is None  # "Opening Remarks" is a heading, not a place
    assert m.outlet == "Japanese Ministry of Foreign Affairs"


def test_japan_headings_are_not_in_the_turns() -> None:
    m = meeting(JAPAN)
    assert all("Questions and Answers" not in r.text for r in m.remarks)
    assert all("Opening Remarks" not in r.text for r in m.remarks)


# -- China: "Q:"/"A:" turns and a question raised after the press conference ------------

CHINA_AFTER = """\
Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on July 29, 2024

2024-07-29 18:30

Lin Jian: Good afternoon. Foreign Minister Wang Yi will attend the ASEAN meetings in \
Vientiane.

Q: The Philippines says it reached a provisional arrangement on resupply missions. Can \
you confirm?

A: China and the Philippines reached a provisional arrangement after consultations.

Anadolu Agency: Israel struck a target in Beirut. What is China's view?

Lin Jian: China calls on all parties to exercise restraint.

Follow-up: Will China mediate?

Lin Jian: China is ready to play a constructive role.

The following question was raised after the press conference:

Bloomberg: Did Foreign Minister Wang Yi meet Secretary Blinken in Vientiane?

Lin Jian: The two sides had a candid and in-depth exchange.
"""


def test_china_q_and_a_labels_follow_up_and_agency() -> None:
    m = meeting(CHINA_AFTER)
    assert turns(m) == [
        ("Lin Jian", "statement"),
        *[(None, "question"), ("Lin Jian", "answer")] * 4,
    ]
    assert [p.name for p in m.participants] == ["Lin Jian"]
    assert m.date == "2024-07-29"
    check_offsets(m)


def test_china_after_the_press_conference_line_is_a_heading() -> None:
    m = meeting(CHINA_AFTER)
    assert m.remarks[6].text == "China is ready to play a constructive role."
    assert all("raised after" not in r.text for r in m.remarks)


# -- a joint press conference of two foreign ministers abroad ---------------------------

JOINT = """\
Joint Press Conference of Foreign Minister Mevlüt Çavuşoğlu and Foreign Minister of \
Ukraine Dmytro Kuleba, 8 June 2022, Ankara

Foreign Minister Mevlüt Çavuşoğlu: Dear Dmytro, welcome to Ankara. We discussed our \
bilateral relations and the war in Ukraine in detail.

Foreign Minister Dmytro Kuleba (Translated): Thank you, dear Mevlüt. I am grateful to \
Türkiye for its support of our sovereignty.

Question: Mr. Minister, is there progress on the grain corridor?

Foreign Minister Mevlüt Çavuşoğlu: We are working with the United Nations on a plan.

Question (Translated): Minister Kuleba, will Ukraine accept the plan?

Foreign Minister Dmytro Kuleba (Translated): We need security guarantees before we \
demine the ports.
"""

JOINT_TURNS = [
    ("Mevlüt Çavuşoğlu", "statement"),
    ("Dmytro Kuleba", "statement"),
    (None, "question"),
    ("Mevlüt Çavuşoğlu", "answer"),
    (None, "question"),
    ("Dmytro Kuleba", "answer"),
]


def test_joint_press_conference_translated_notes() -> None:
    m = meeting(JOINT)
    assert turns(m) == JOINT_TURNS
    assert m.remarks[1].text.startswith("Thank you, dear Mevlüt")
    check_offsets(m)


def test_joint_title_people_place_and_date() -> None:
    m = meeting(JOINT)
    assert [p.name for p in m.participants] == ["Mevlüt Çavuşoğlu", "Dmytro Kuleba"]
    host, guest = person(m, "Mevlüt Çavuşoğlu"), person(m, "Dmytro Kuleba")
    assert host.role == "Foreign Minister"  # not "Conference of Foreign Minister"
    assert host.affiliation == "Turkey"
    assert (guest.role, guest.affiliation) == ("Foreign Minister of Ukraine", "Ukraine")
    assert m.date == "2022-06-08"
    assert m.place == "Ankara"
    assert m.outlet == "Turkish Ministry of Foreign Affairs"


JOINT_HTML = """\
<html><head><title>Joint Press Conference of Foreign Minister Mevlüt Çavuşoğlu and \
Foreign Minister of Ukraine Dmytro Kuleba, 8 June 2022, Ankara / Rep of Türkiye Ministry \
of Foreign Affairs</title></head>
<body>
<div id="menu"><a>Home</a> <a>Minister</a> <a>Foreign Policy</a> <a>Consular Info</a></div>
<div class="tools"><a>Print</a> <a>Share</a> <a>A+</a> <a>A-</a></div>
<h1>Joint Press Conference of Foreign Minister Mevlüt Çavuşoğlu and Foreign Minister of \
Ukraine Dmytro Kuleba, 8 June 2022, Ankara</h1>
<p><strong>Foreign Minister Mevlüt Çavuşoğlu:</strong> Dear Dmytro, welcome to Ankara.</p>
<p>We also discussed the grain corridor.</p>
<p><strong>Foreign Minister Dmytro Kuleba (Translated):</strong> Thank you, dear Mevlüt.</p>
<p><strong>Question:</strong> Mr. Minister, is there progress on the grain corridor?</p>
<p><strong>Foreign Minister Mevlüt Çavuşoğlu:</strong> We are working with the UN.</p>
<p><strong>Question (Translated):</strong> Minister Kuleba, will Ukraine accept the plan?</p>
<p><strong>Foreign Minister Dmytro Kuleba (Translated):</strong> We need guarantees first.</p>
<div class="footer"><a>Contact</a> <a>Site Map</a> <a>Accessibility</a>
<p>© Republic of Türkiye Ministry of Foreign Affairs</p></div>
</body></html>
"""


def test_joint_html_footer_links_are_not_the_last_answer() -> None:
    m = html_meeting(JOINT_HTML)
    assert turns(m) == JOINT_TURNS
    assert "We also discussed" in m.remarks[0].text
    assert m.remarks[-1].text == "We need guarantees first."
    assert m.title == (
        "Joint Press Conference of Foreign Minister Mevlüt Çavuşoğlu and Foreign Minister "
        "of Ukraine Dmytro Kuleba, 8 June 2022, Ankara"
    )
    assert m.date == "2022-06-08"
    check_offsets(m)


# -- China: an unlabelled announcement, "Spokesperson Wang Wenbin:", more newsrooms -----

CHINA_UNLABELLED = """\
Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 9, 2023

2023-05-09 19:30

At the invitation of Foreign Minister Qin Gang, Foreign Minister of Pakistan Bilawal \
Bhutto Zardari will attend the Foreign Ministers' Dialogue in Islamabad.

Hong Kong Bastille Post: The US says it will deploy more missiles to Japan. What is \
your comment?

Spokesperson Wang Wenbin: We firmly oppose this.

The Hindu: Will the Special Representatives on the boundary question meet?

Wang Wenbin: I have no information to release at the moment.

Jiji Press: Has China informed Japan about the detention?

Wang Wenbin: The case is being handled in accordance with law.
"""


def test_china_unlabelled_announcement_is_the_spokespersons() -> None:
    m = meeting(CHINA_UNLABELLED)
    assert turns(m) == [
        ("Wang Wenbin", "statement"),
        *[(None, "question"), ("Wang Wenbin", "answer")] * 3,
    ]
    assert m.remarks[0].text.startswith("At the invitation")
    check_offsets(m)


def test_china_spokesperson_label_forms_are_one_person() -> None:
    m = meeting(CHINA_UNLABELLED)
    assert [p.name for p in m.participants] == ["Wang Wenbin"]
    p = person(m, "Wang Wenbin")
    assert (p.role, p.affiliation) == ("Foreign Ministry Spokesperson", "China")
    assert "Spokesperson Wang Wenbin" in p.aliases


def test_china_regular_press_conference_is_chinas_whatever_it_asks_about() -> None:
    m = meeting(CHINA_UNLABELLED)  # asks about Japan more often than it names China
    assert m.outlet == "Chinese Ministry of Foreign Affairs"


def test_outlet_label_shape_and_list() -> None:
    from store.ingest.newsrooms import is_outlet_label
    from store.ingest.speakers import is_question_label

    for label in ("CCTV", "Reuters", "Kyodo News", "Shenzhen TV", "Beijing Daily",
                  "Hubei Media Group", "Anadolu Agency", "Phoenix TV", "China Daily"):
        assert is_outlet_label(label), label
    for label in ("Wang Wenbin", "Press Secretary", "Spokesman", "Official Spokesperson",
                  "Foreign Minister Dmytro Kuleba", "Moderator"):
        assert not is_outlet_label(label), label
    assert is_question_label("Speaker 1") and is_question_label("Follow-up")


UN_TOPICS = """\
Daily Press Briefing by the Office of the Spokesperson for the Secretary-General

12 October 2023

The following is a near-verbatim transcript of today's noon briefing by Stéphane \
Dujarric, Spokesman for the Secretary-General.

MIDDLE EAST

Good afternoon. The Secretary-General is deeply alarmed by the situation in Gaza.

UKRAINE

In Ukraine, our humanitarian colleagues tell us that shelling continues in the east.

QUESTIONS AND ANSWERS

Question: Thank you, Stéphane. Has the Secretary-General spoken with the Israeli \
Prime Minister today?

Spokesman: No, he has not.

Correspondent: But he did speak with him last week.

Spokesman: That is correct. Yes, Michelle?

Question: On Haiti, when will the force deploy?

Spokesman: I would refer you to the Government of Kenya.
"""


def test_un_capital_topic_headings_are_not_words_of_the_spokesman() -> None:
    m = meeting(UN_TOPICS)
    assert [s.title for s in m.sections] == ["MIDDLE EAST", "UKRAINE", "QUESTIONS AND ANSWERS"]
    assert [r.text.split()[0] for r in m.remarks[:2]] == ["Good", "In"]
    assert all(r.text.upper() != r.text for r in m.remarks)


def test_un_correspondent_label_is_an_unnamed_journalist() -> None:
    m = meeting(UN_TOPICS)
    assert turns(m) == [
        ("Stéphane Dujarric", "statement"),
        ("Stéphane Dujarric", "statement"),
        *[(None, "question"), ("Stéphane Dujarric", "answer")] * 3,
    ]
    assert [p.name for p in m.participants] == ["Stéphane Dujarric"]


JOINT_KYIV = """\
Joint press conference of Minister of Foreign Affairs of Ukraine Dmytro Kuleba and \
Minister of Foreign Affairs of Türkiye Hakan Fidan

Kyiv, 10 June 2024

Dmytro Kuleba: Dear Hakan, welcome to Kyiv. Türkiye is an important partner.

Hakan Fidan (Translated): Thank you, dear Dmytro. We support the territorial integrity \
of Ukraine.

Journalist (Ukrinform): Mr. Fidan, will Türkiye host a new round of talks?

Fidan (Translated): We are ready to host any talks that lead to peace.

Kuleba: Let me add that Ukraine appreciates this.

Question (Anadolu Agency): Minister Kuleba, what about the Black Sea?

Minister Kuleba: The Black Sea must be safe for navigation.
"""


def test_joint_surname_labels_join_the_titled_ministers() -> None:
    m = meeting(JOINT_KYIV)
    assert turns(m) == [
        ("Dmytro Kuleba", "statement"),
        ("Hakan Fidan", "statement"),
        (None, "question"),
        ("Hakan Fidan", "answer"),
        ("Dmytro Kuleba", "answer"),
        (None, "question"),
        ("Dmytro Kuleba", "answer"),
    ]
    assert [p.name for p in m.participants] == ["Dmytro Kuleba", "Hakan Fidan"]


def test_joint_turkiye_is_a_country_and_the_place_line_is_read() -> None:
    m = meeting(JOINT_KYIV)
    fidan = person(m, "Hakan Fidan")
    assert (fidan.role, fidan.affiliation) == ("Minister of Foreign Affairs of Türkiye", "Türkiye")
    assert m.date == "2024-06-10"
    assert m.place == "Kyiv"


def test_un_spokesperson_label_for_an_introduced_spokesman() -> None:
    m = meeting(UN.replace("\nSpokesman:", "\nSpokesperson:"))
    assert turns(m) == [
        ("Stéphane Dujarric", "statement"),
        *[(None, "question"), ("Stéphane Dujarric", "answer")] * 3,
    ]
    assert [p.name for p in m.participants] == ["Stéphane Dujarric"]


INDIA_OUTLET_NOTES = """\
Transcript of Weekly Media Briefing by the Official Spokesperson (March 7, 2024)

March 7, 2024

Shri Randhir Jaiswal, Official Spokesperson: Good afternoon. Let me begin with the \
visit of the Prime Minister of Greece.

Sidhant Sibal (WION): Sir, on the Maldives, has the last batch of military personnel \
left?

Shri Randhir Jaiswal, Official Spokesperson: The first batch has been replaced.

Madhurendra (News Nation): Sir, on the Russian army recruits from India?

Shri Randhir Jaiswal, Official Spokesperson: We have taken up the matter strongly.
"""


def test_india_journalist_named_with_outlet_asks() -> None:
    m = meeting(INDIA_OUTLET_NOTES)
    assert turns(m) == [
        ("Randhir Jaiswal", "statement"),
        ("Sidhant Sibal", "question"),
        ("Randhir Jaiswal", "answer"),
        ("Madhurendra", "question"),
        ("Randhir Jaiswal", "answer"),
    ]


JAPAN_MINISTER = """\
Press Conference by Foreign Minister KAMIKAWA Yoko

Tuesday, January 16, 2024, 10:36 a.m. Ministry of Foreign Affairs Press Conference Room

Opening Remarks

Foreign Minister KAMIKAWA: I will visit Ukraine and Poland. I will also express \
Japan's solidarity.

Questions and Answers

Nippon TV, Takeda: I would like to ask about the earthquake. Have other countries \
offered assistance?

Foreign Minister KAMIKAWA: Many countries and regions have expressed sympathy.

Asahi Shimbun, Yamaguchi: On Taiwan's election, what is your view?

Foreign Minister KAMIKAWA: We congratulate Dr. Lai Ching-te on his victory.

Q: A follow-up question on China's reaction?

Foreign Minister KAMIKAWA: I would refrain from commenting.
"""


def test_japan_outlet_comma_journalist_labels_ask() -> None:
    m = meeting(JAPAN_MINISTER)
    assert turns(m) == [
        ("KAMIKAWA Yoko", "statement"),
        ("Takeda", "question"),
        ("KAMIKAWA Yoko", "answer"),
        ("Yamaguchi", "question"),
        ("KAMIKAWA Yoko", "answer"),
        (None, "question"),
        ("KAMIKAWA Yoko", "answer"),
    ]
    assert m.remarks[1].text.startswith("I would like to ask")
    check_offsets(m)


def test_japan_family_name_in_capitals_is_japans_house_style() -> None:
    m = meeting(JAPAN_MINISTER)  # speaks of Ukraine before it names Japan
    assert m.outlet == "Japanese Ministry of Foreign Affairs"
    p = person(m, "KAMIKAWA Yoko")
    assert (p.role, p.affiliation) == ("Foreign Minister", "Japan")
    assert m.date == "2024-01-16"


CHINA_TITLE_ONLY_HTML = """\
<html><head><title>Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on \
January 2, 2025_Ministry of Foreign Affairs of the People's Republic of China</title></head>
<body><div class="menu">Home | About Us | Ministry News | Spokesperson's Remarks</div>
<div class="news-title">Foreign Ministry Spokesperson Lin Jian's Regular Press Conference \
on January 2, 2025</div>
<p>2025-01-02 20:00</p>
<p>Font size: <a>Large</a> <a>Medium</a> <a>Small</a></p>
<p><b>CCTV</b>: The year 2025 has begun. What are China's expectations for its diplomacy?</p>
<p><b>Lin Jian</b>: In the new year, China will continue to promote peace.</p>
<p><b>AFP</b>: Has China been informed of the new US sanctions?</p>
<p><b>Lin Jian</b>: China firmly opposes illegal unilateral sanctions.</p>
<p>Print <a>Close</a></p>
</body></html>
"""


def test_china_page_title_loses_the_site_after_an_underscore() -> None:
    m = html_meeting(CHINA_TITLE_ONLY_HTML)
    assert m.title == (
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on January 2, 2025"
    )
    assert m.date == "2025-01-02"


def test_china_font_size_widget_and_repeated_title_are_no_ones_words() -> None:
    m = html_meeting(CHINA_TITLE_ONLY_HTML)
    assert turns(m) == [(None, "question"), ("Lin Jian", "answer")] * 2
    assert m.remarks[0].text.startswith("The year 2025")
    check_offsets(m)


CHINA_Q_A = """\
Spokesperson Hua Chunying's Regular Press Conference on March 1, 2019

2019-03-01 18:00

Q: The second DPRK-US summit ended without an agreement. What is China's comment?

A: We hope the two sides will continue their dialogue.

Q: India and Pakistan have exchanged fire. Will China mediate?

A: China calls on both sides to exercise restraint.
"""


def test_china_a_label_is_the_titled_spokesperson() -> None:
    m = meeting(CHINA_Q_A)
    assert turns(m) == [(None, "question"), ("Hua Chunying", "answer")] * 2
    p = person(m, "Hua Chunying")
    assert (p.role, p.affiliation) == ("Spokesperson", "China")
    assert m.outlet == "Chinese Ministry of Foreign Affairs"


def test_china_title_office_without_a_name_goes_to_the_one_answering_speaker() -> None:
    text = CHINA_Q_A.replace(
        "Spokesperson Hua Chunying's", "Foreign Ministry Spokesperson's"
    ).replace("\nA: ", "\nHua Chunying: ")
    m = meeting(text)
    assert turns(m) == [(None, "question"), ("Hua Chunying", "answer")] * 2
    p = person(m, "Hua Chunying")
    assert (p.role, p.affiliation) == ("Foreign Ministry Spokesperson", "China")


NEWS_WITH_CREDIT_HTML = """\
<html><head><title>Lavrov meets Wang Yi in Beijing</title></head><body>
<h1>Lavrov meets Wang Yi in Beijing</h1>
<p>April 9, 2024</p>
<p>Russian Foreign Minister Sergey Lavrov held talks with his Chinese counterpart Wang Yi \
in Beijing on Tuesday, the two ministries said.</p>
<p>The ministers discussed Ukraine and the situation in the Asia-Pacific region, \
according to a statement.</p>
<p><b>Related News:</b> Lavrov to visit Beijing next week</p>
<p><b>Reuters:</b> Analysts say the visit matters.</p>
</body></html>
"""


def test_a_lone_newsroom_label_makes_no_transcript() -> None:
    m = html_meeting(NEWS_WITH_CREDIT_HTML)
    assert m.kind == "report"
    assert all(r.kind not in ("question", "answer") for r in m.remarks)


def test_everyday_words_before_news_are_a_heading_not_a_newsroom() -> None:
    from store.ingest.newsrooms import is_outlet_label

    assert not is_outlet_label("Related News")
    assert not is_outlet_label("Latest News")
    assert is_outlet_label("Dragon TV") and is_outlet_label("Sing Tao Daily")


def _wrap(text: str, width: int = 70) -> str:
    """The text hard-wrapped as a file saved from a terminal would be."""
    import textwrap

    paragraphs = text.split("\n\n")
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_hard_wrapped_titles_are_read_whole() -> None:
    for text, title in (
        (INDIA, "Transcript of Weekly Media Briefing by the Official Spokesperson "
                "(February 16, 2023)"),
        (CHINA, "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference "
                "on May 9, 2023"),
        (UN, "Daily Press Briefing by the Office of the Spokesperson for the "
             "Secretary-General"),
    ):  # fmt: skip
        m = meeting(_wrap(text, 66))
        assert m.title == title


def test_hard_wrapped_briefings_keep_their_turns() -> None:
    assert turns(meeting(_wrap(CHINA))) == CHINA_TURNS
    assert turns(meeting(_wrap(INDIA))) == turns(meeting(INDIA))
    assert turns(meeting(_wrap(UN))) == turns(meeting(UN))


INDIA_SPECIAL = """\
Transcript of Special Briefing by Foreign Secretary on Prime Minister's visit to Japan \
(May 19, 2023)

May 19, 2023

Official Spokesperson, Shri Arindam Bagchi:
Good evening. We have with us the Foreign Secretary to brief you on the visit.

Foreign Secretary, Shri Vinay Mohan Kwatra:
Thank you. The Prime Minister arrived in Hiroshima this afternoon.

Official Spokesperson, Shri Arindam Bagchi:
We will take a few questions.

Rishabh:
Sir, will the Prime Minister meet President Zelenskyy?

Foreign Secretary, Shri Vinay Mohan Kwatra:
We will keep you informed.
"""


def test_india_labels_on_their_own_lines_and_a_first_name_asker() -> None:
    m = meeting(INDIA_SPECIAL)
    assert turns(m) == [
        ("Arindam Bagchi", "statement"),
        ("Vinay Mohan Kwatra", "statement"),
        ("Arindam Bagchi", "statement"),
        ("Rishabh", "question"),
        ("Vinay Mohan Kwatra", "answer"),
    ]
    assert m.remarks[2].text == "We will take a few questions."
    assert person(m, "Vinay Mohan Kwatra").role == "Foreign Secretary"
    check_offsets(m)


UN_TOPICS_HTML = """\
<html><head><title>Daily Press Briefing by the Office of the Spokesperson for the \
Secretary-General | Meetings Coverage and Press Releases</title></head>
<body>
<nav><a>Home</a> <a>Secretary-General</a> <a>Press Briefings</a></nav>
<h1>Daily Press Briefing by the Office of the Spokesperson for the Secretary-General</h1>
<p>12 October 2023</p>
<p>The following is a near-verbatim transcript of today's noon briefing by Stéphane \
Dujarric, Spokesman for the Secretary-General.</p>
<p><strong>MIDDLE EAST</strong></p>
<p>Good afternoon. The Secretary-General is deeply alarmed by the situation in Gaza.</p>
<p><strong>SECURITY COUNCIL</strong></p>
<p>This afternoon, the Security Council will hold consultations on Haiti.</p>
<p><strong>QUESTIONS AND ANSWERS</strong></p>
<p><strong>Question:</strong> Thank you, Stéphane. Has the Secretary-General spoken with \
the Prime Minister?</p>
<p><strong>Spokesman:</strong> No, he has not.</p>
<p><strong>Correspondent:</strong> But he did last week.</p>
<p><strong>Spokesman:</strong> That is correct.</p>
<p>For information media. Not an official record.</p>
<footer><a>Contact</a> <a>Copyright</a> <a>Privacy Notice</a> <a>Terms of Use</a></footer>
</body></html>
"""


def test_un_html_bold_capital_topics_and_closing_disclaimer() -> None:
    m = html_meeting(UN_TOPICS_HTML)
    assert [s.title for s in m.sections] == [
        "MIDDLE EAST", "SECURITY COUNCIL", "QUESTIONS AND ANSWERS",
    ]  # fmt: skip
    assert turns(m) == [
        ("Stéphane Dujarric", "statement"),
        ("Stéphane Dujarric", "statement"),
        *[(None, "question"), ("Stéphane Dujarric", "answer")] * 2,
    ]
    assert m.remarks[-1].text == "That is correct."
    check_offsets(m)


def test_capital_lines_that_name_someone_are_no_topics() -> None:
    from store.ingest.metadata import _caps_topic

    for line in ("MR PRICE", "THE PRESIDENT", "SECRETARY BLINKEN", "QUESTION"):
        assert not _caps_topic(line.split()), line
    for line in ("MIDDLE EAST", "SECURITY COUNCIL", "UKRAINE"):
        assert _caps_topic(line.split()), line


def test_china_two_people_sharing_a_family_name_stay_two_speakers() -> None:
    """``shared-family-name``: with "Wang" the short name of both, a "Wang Yi:" turn is
    not Wang Wenbin's."""
    m = meeting(
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on "
        "March 7, 2023\n\n"
        "Wang Wenbin: Good afternoon. I have two announcements to start with.\n\n"
        "Reuters: Will the foreign minister travel to Moscow?\n\n"
        "Wang Wenbin: I have no information to release.\n\n"
        "Wang Yi: We will keep in touch with all parties.\n"
    )
    assert [s for s, _ in turns(m)] == ["Wang Wenbin", None, "Wang Wenbin", "Wang Yi"]
    assert person(m, "Wang Wenbin").aliases.count("Wang") == 1
