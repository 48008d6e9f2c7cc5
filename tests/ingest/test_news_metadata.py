"""The header of a news article with no wire dateline: its own headline is the title
(a topic or genre before a colon included), a byline or a live blog's post time never
is; the byline's place is the place only without a dateline; the masthead, not an
office the article names, is the outlet; headline fragments are nobody.

The articles are written for these tests, in the styles of BBC, The Guardian, Al
Jazeera, The New York Times, Reuters and live blogs. One test per behaviour.
"""

from __future__ import annotations

from store.ingest import extract_text
from store.models import Meeting


def meeting(text: str) -> Meeting:
    (m,) = extract_text(text)
    return m


BBC = """\
Ukraine war: Lavrov says talks with the West are possible

By Paul Kirby

BBC News

Russia's Foreign Minister Sergei Lavrov has said Moscow is open to talks with the West, \
but only on its own terms.

"We have never refused negotiations," Mr Lavrov told reporters in Moscow on Tuesday.

Ukraine's Foreign Minister Dmytro Kuleba dismissed the offer. "Russia is not ready for \
peace," he said.
"""

BBC_BYLINE_WITH_DESK = """\
Ukraine war: Lavrov says West turned G20 into a farce

By Paul Kirby, BBC News

Mr Lavrov said the meeting had been hijacked.
"""

GUARDIAN = """\
Russia says peace plan ‘unacceptable’ as pressure mounts over Gaza

Pjotr Sauer in Moscow

Russia's foreign minister, Sergei Lavrov, has rejected a western peace plan, saying it \
ignored Moscow's interests.

"This plan is unacceptable to us," Lavrov said at a press conference.
"""

AL_JAZEERA = """\
China-US: Wang Yi meets Blinken in Munich

China's top diplomat says Beijing wants stable ties with Washington as the two sides \
meet on the sidelines of the Munich Security Conference.

Published On 17 Feb 2024

China's Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on \
Friday.

"China and the United States should respect each other," Wang said.

Blinken said the US would "responsibly manage" the relationship.
"""

REUTERS_ANALYSIS = """\
Analysis: Russia's Lavrov plays long game at G20 as West pushes for isolation

By Guy Faulconbridge

NEW DELHI, March 2 (Reuters) - Russian Foreign Minister Sergei Lavrov came to New Delhi \
seeking to show Moscow was not isolated.

"The West wants to isolate us, but it has failed," Lavrov told reporters.
"""

REUTERS_EXCLUSIVE_BYLINE_PLACE = """\
Exclusive: Iran's Araqchi says Tehran ready for nuclear talks with Europe

Parisa Hafezi in Dubai

TEHRAN, June 5 (Reuters) - Iranian Foreign Minister Abbas Araqchi said on Thursday \
Tehran was ready to resume nuclear talks with European powers.

"The door to diplomacy is open," Araqchi told Reuters.
"""

LIVE_BLOG = """\
Russia-Ukraine war live: Lavrov arrives in Turkey for talks with Fidan

Updated 3 hours ago

14:05 GMT – Lavrov arrives in Antalya

Russian Foreign Minister Sergei Lavrov has arrived in Antalya for talks with his \
Turkish counterpart Hakan Fidan.

13:40 GMT – Zelenskyy says Kyiv needs air defence

Ukrainian President Volodymyr Zelenskyy said his country "urgently needs more air \
defence" after overnight strikes.
"""

NYT = """\
Blinken Meets Wang Yi as Pressure Mounts Over Gaza

By Edward Wong

Reporting from Washington

Feb. 16, 2024

Secretary of State Antony J. Blinken met China's top diplomat, Wang Yi, in Munich on \
Friday, as pressure mounts over the war in Gaza.

"We have a responsibility to manage the relationship," Mr. Blinken said.
"""

NO_BYLINE_BODY_MENTION = """\
Zakharova mocks Western sanctions in Telegram post

Russian Foreign Ministry spokeswoman Maria Zakharova wrote on Telegram on Monday that \
the new sanctions would hurt Europe most.

"Europe is shooting itself in the foot again," Zakharova said in a post on Telegram.

U.S. Secretary of State Antony Blinken wrote on X: "We stand with Ukraine."
"""


def test_title_with_a_topic_or_genre_before_a_colon() -> None:
    assert meeting(BBC).title == "Ukraine war: Lavrov says talks with the West are possible"
    assert meeting(AL_JAZEERA).title == "China-US: Wang Yi meets Blinken in Munich"
    assert meeting(REUTERS_ANALYSIS).title.startswith("Analysis: Russia's Lavrov plays")
    assert meeting(REUTERS_EXCLUSIVE_BYLINE_PLACE).title.startswith("Exclusive: Iran's")


def test_a_byline_is_never_the_title() -> None:
    m = meeting(BBC_BYLINE_WITH_DESK)
    assert m.title == "Ukraine war: Lavrov says West turned G20 into a farce"
    assert "Kirby" not in meeting(BBC).title


def test_live_blog_title_is_its_headline_not_a_post_time() -> None:
    assert meeting(LIVE_BLOG).title == (
        "Russia-Ukraine war live: Lavrov arrives in Turkey for talks with Fidan"
    )


def test_date_from_a_published_stamp_and_a_date_line() -> None:
    assert meeting(AL_JAZEERA).date == "2024-02-17"
    assert meeting(NYT).date == "2024-02-16"


def test_byline_place_only_without_a_dateline() -> None:
    assert meeting(GUARDIAN).place == "Moscow"
    assert meeting(REUTERS_EXCLUSIVE_BYLINE_PLACE).place == "Tehran"
    assert meeting(NYT).place is None  # "Reporting from" is where the writer sits


def test_outlet_is_the_masthead_not_an_office_the_article_names() -> None:
    assert meeting(BBC).outlet == "BBC"
    assert meeting(BBC_BYLINE_WITH_DESK).outlet == "BBC"
    assert meeting(REUTERS_ANALYSIS).outlet == "Reuters"
    for text in (AL_JAZEERA, NYT, NO_BYLINE_BODY_MENTION):
        assert meeting(text).outlet != "U.S. Department of State"
    assert meeting(BBC).outlet != "Russian Ministry of Foreign Affairs"


def test_participants_are_no_writer_and_no_headline_fragment() -> None:
    names = {p.name for p in meeting(GUARDIAN).participants}
    assert names == {"Sergei Lavrov"}
    names = {p.name for p in meeting(BBC).participants}
    assert names == {"Sergei Lavrov", "Dmytro Kuleba"}
    names = {p.name for p in meeting(NYT).participants}
    assert "Edward Wong" not in names and not any("Pressure" in n for n in names)
    names = {p.name for p in meeting(AL_JAZEERA).participants}
    assert not any(":" in n for n in names)


def test_title_case_headline_words_are_no_people() -> None:
    from store.ingest.metadata import people_in_title

    def names(title: str) -> list[str]:
        return [p.name for p in people_in_title(title)]

    assert names("Blinken Meets Wang Yi as Pressure Mounts Over Gaza") == ["Wang Yi"]
    assert names("Kremlin Rejects Ukraine Peace Plan") == []
    assert names("Sunak and Macron Agree New Deal on Small Boats") == []
    assert names("Theresa May Meets Angela Merkel") == ["Theresa May", "Angela Merkel"]
    assert names("China-US: Wang Yi meets Blinken in Munich") == ["Wang Yi"]


GUARDIAN_STAMPED = GUARDIAN.replace(
    "Pjotr Sauer in Moscow\n", "Pjotr Sauer in Moscow\n\nTue 14 Mar 2023 12.05 GMT\n"
)


def test_date_from_the_stamp_under_a_byline() -> None:
    assert meeting(GUARDIAN_STAMPED).date == "2023-03-14"
    assert meeting(GUARDIAN_STAMPED).place == "Moscow"


def test_outlet_from_a_news_sites_address() -> None:
    (m,) = extract_text(NO_BYLINE_BODY_MENTION, source="https://www.theguardian.com/world/x")
    assert m.outlet == "The Guardian"


BBC_DATELINE = """\
Lavrov warns West over Ukraine arms

By Steve Rosenberg, BBC News

MOSCOW — Russia's Foreign Minister Sergei Lavrov warned on Tuesday that Western arms \
for Ukraine would prolong the war.

"The West is playing with fire," Lavrov said.
"""


def test_outlet_from_the_byline_desk_above_a_dateline_without_an_agency() -> None:
    m = meeting(BBC_DATELINE)
    assert (m.title, m.place, m.outlet) == ("Lavrov warns West over Ukraine arms", "Moscow", "BBC")
    assert [p.name for p in m.participants] == ["Sergei Lavrov"]


AL_JAZEERA_PAGE = """\
<html><head><title>China-US: Wang Yi meets Blinken in Munich | Politics News | Al Jazeera\
</title></head><body><main><h1>China-US: Wang Yi meets Blinken in Munich</h1>
<p>China's top diplomat says Beijing wants stable ties.</p>
<div>Published On 17 Feb 2024</div>
<p>China's Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich.</p>
<p>"China and the United States should respect each other," Wang said.</p>
</main></body></html>
"""


def test_outlet_from_an_html_pages_site_name() -> None:
    from store.ingest import extract

    (m,) = extract(AL_JAZEERA_PAGE.encode(), "page.html")
    assert (m.title, m.date, m.outlet) == (
        "China-US: Wang Yi meets Blinken in Munich", "2024-02-17", "Al Jazeera"
    )
    og = AL_JAZEERA_PAGE.replace("<title>", '<meta property="og:site_name" content="BBC News">'
                                 "<title>")
    assert extract(og.encode(), "page.html")[0].outlet == "BBC"


def test_writer_lines_are_no_place() -> None:
    lead = (
        "Russia's Foreign Minister Sergei Lavrov said on Tuesday Moscow was open to talks.\n\n"
        '"We have never refused negotiations," Lavrov told reporters.\n'
    )
    cases = {
        "Paul Kirby, BBC News": (None, "BBC"),
        "Paul Kirby\nBBC News": (None, "BBC"),
        "Paul Kirby\nPolitical correspondent": (None, None),
        "BY VLADIMIR ISACHENKOV and KEN MORITSUGU": (None, None),
        "Andrew Roth in Moscow and Julian Borger": ("Moscow", None),
        "Andrew Roth and Pjotr Sauer in Moscow": ("Moscow", None),
    }
    for byline, (place, outlet) in cases.items():
        m = meeting(f"Lavrov says talks are possible\n\n{byline}\n\n{lead}")
        assert (m.title, m.place, m.outlet) == ("Lavrov says talks are possible", place, outlet)
        assert [p.name for p in m.participants] == ["Sergei Lavrov"]


def test_live_blog_furniture_is_no_title_and_no_place() -> None:
    lead = "Russian Foreign Minister Sergei Lavrov said on Tuesday Moscow was open to talks.\n"
    m = meeting(
        "Lavrov in Turkey: live updates\n\nLive Reporting\nEdited by Jane Doe\n\n"
        f"14:05\nLavrov arrives in Ankara\n\n{lead}"
    )
    assert (m.title, m.place) == ("Lavrov in Turkey: live updates", None)
    m = meeting(
        f"Live Reporting\n\nEdited by Jane Doe\n\n14:05\n\nLavrov arrives in Ankara\n\n{lead}"
    )
    assert "Jane Doe" not in m.title and m.place is None


def test_a_stamp_under_the_byline_dates_a_reuters_report() -> None:
    lead = (
        "NEW DELHI, March 2 (Reuters) - Russian Foreign Minister Sergei Lavrov said on "
        "Thursday Moscow was open to talks.\n"
    )
    head = "Lavrov says Moscow open to talks\n\nBy Guy Faulconbridge\n\n"
    m = meeting(f"{head}March 2, 2023 4:12 PM UTC Updated 2 hours ago\n\n{lead}")
    assert (m.date, m.place, m.outlet) == ("2023-03-02", "New Delhi", "Reuters")
    # a stamp of another day says nothing about a yearless dateline
    assert meeting(f"{head}March 3, 2023 4:12 PM UTC\n\n{lead}").date == "--03-02"
    # with no dateline, the stamp under the byline dates the article
    m = meeting(f"{head}March 2, 2023 4:12 PM UTC\n\n{lead.split(' - ')[1]}")
    assert m.date == "2023-03-02"


def test_a_section_label_over_the_headline_is_no_title() -> None:
    lead = "Russian Foreign Minister Sergei Lavrov said on Tuesday Moscow was open to talks.\n"
    for kicker in ("Russia-Ukraine war", "World news", "News|Russia-Ukraine war"):
        m = meeting(f"{kicker}\n\nLavrov says Moscow is open to talks with the West\n\n{lead}")
        assert m.title == "Lavrov says Moscow is open to talks with the West"


def test_a_byline_with_place_above_the_headline() -> None:
    m = meeting(
        "Pjotr Sauer in Moscow\n\nRussia says western peace plan is unacceptable\n\n"
        "Russia's foreign minister, Sergei Lavrov, has rejected a western peace plan.\n\n"
        '"This plan is unacceptable to us," Lavrov said at a press conference.\n'
    )
    assert (m.title, m.place) == ("Russia says western peace plan is unacceptable", "Moscow")
    assert [p.name for p in m.participants] == ["Sergei Lavrov"]
    m = meeting("Blinken Arrives in Beijing\n\nAntony Blinken arrived in Beijing on Friday.\n")
    assert m.title == "Blinken Arrives in Beijing"


def test_a_quotation_under_its_speakers_name_is_a_headline() -> None:
    lead = (
        "Russian Foreign Minister Sergei Lavrov said on Tuesday Moscow was open to talks.\n\n"
        '"We have never refused negotiations," Lavrov told reporters.\n'
    )
    for title in (
        "Lavrov: 'The West wants to isolate Russia'",
        "Fact check: Did Lavrov really say the West wants war?",
        "Explained: What Lavrov's visit to Turkey means",
    ):
        m = meeting(f"{title}\n\nBy Paul Kirby\n\n{lead}")
        assert m.title == title
        assert [p.name for p in m.participants] == ["Sergei Lavrov"]


AP_STAMPED = """\
Blinken and Wang hold 'candid' talks in Beijing as tensions simmer

Share

Updated 10:15 AM EST, March 2, 2024

BEIJING (AP) — U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang \
Yi on Saturday for talks both sides described as candid and constructive.

"We have to manage this relationship responsibly," Blinken told reporters after the \
meeting.
"""


def test_an_ap_updated_stamp_away_from_the_byline_dates_the_article() -> None:
    """``stamp-date``: AP's "Updated 10:15 AM EST, March 2, 2024" with no byline over
    it is dropped from the text, but it still dates an article whose dateline has no
    date; a yearless dateline of the same day takes its year."""
    m = meeting(AP_STAMPED)
    assert (m.date, m.place, m.outlet) == ("2024-03-02", "Beijing", "AP")
    assert "Updated" not in m.text
    m = meeting(AP_STAMPED.replace("BEIJING (AP)", "BEIJING, March 2 (AP)"))
    assert (m.date, m.date_inferred) == ("2024-03-02", True)
    # with no dateline at all, the stamp still dates the article
    no_dateline = AP_STAMPED.replace("BEIJING (AP) — ", "")
    assert meeting(no_dateline).date == "2024-03-02"
