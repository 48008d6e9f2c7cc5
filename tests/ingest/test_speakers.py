"""Speaker labels resolve to one canonical person per meeting."""

from __future__ import annotations

from store.ingest.metadata import people_in_title
from store.ingest.speakers import SpeakerBook, is_question_label, normalise_label
from store.models import Person


def book(title: str, labels: list[str]) -> SpeakerBook:
    b = SpeakerBook(people_in_title(title))
    for label in labels:
        b.add(label)
    return b


def test_forms_of_one_name_are_one_person() -> None:
    labels = ["President of Russia Vladimir Putin", "Vladimir Putin", "V.Putin", "PRESIDENT PUTIN"]
    b = book("Meeting with the Government", labels)
    people = {b.resolve(label) for label in labels}
    assert len(people) == 1
    (putin,) = people
    assert putin is not None
    assert putin.name == "Vladimir Putin"
    assert putin.role == "President of Russia"
    assert "President of Russia Vladimir Putin" in putin.aliases
    assert "Putin" in putin.aliases


def test_role_only_label_joins_the_title_holder() -> None:
    b = book(
        "Remarks by Vice President Harris and President Samia Suluhu Hassan of Tanzania",
        ["VICE PRESIDENT HARRIS", "THE VICE PRESIDENT", "PRESIDENT SAMIA"],
    )
    harris = b.resolve("THE VICE PRESIDENT")
    assert harris is not None and harris == b.resolve("VICE PRESIDENT HARRIS")
    samia = b.resolve("PRESIDENT SAMIA")
    assert samia is not None and samia.name == "Samia Suluhu Hassan"
    assert samia.affiliation == "Tanzania"


def test_the_president_when_the_title_says_who() -> None:
    b = book("Remarks by President Biden on the Economy", ["THE PRESIDENT"])
    biden = b.resolve("THE PRESIDENT")
    assert biden is not None and biden.name == "Biden"
    assert "THE PRESIDENT" in biden.aliases


def test_journalists_are_unnamed() -> None:
    b = book("Press conference", ["Question", "Q", "Вопрос", "Question (retranslated)"])
    for label in ("Question", "Q", "Вопрос", "Question (retranslated)"):
        assert b.resolve(label) is None
        assert b.is_questioner(label)
    assert is_question_label("Remark")
    assert not is_question_label("Sergey Lavrov")


def test_role_only_speaker_keeps_its_label() -> None:
    b = book("Press Briefing", ["MODERATOR"])
    moderator = b.resolve("MODERATOR")
    assert moderator is not None and moderator.name == "Moderator"
    assert "MODERATOR" in moderator.aliases


def test_people_with_one_first_name_stay_apart() -> None:
    b = book("Talks", ["Alexander Beglov", "Alexander Lukashenko"])
    assert b.resolve("Alexander Beglov") != b.resolve("Alexander Lukashenko")


def test_title_people_who_never_speak_stay_in_the_book() -> None:
    b = SpeakerBook([Person("Iyad Ameen Madani", "Secretary General"), Person("Sergey Lavrov")])
    b.add("Sergey Lavrov")
    assert {p.name for p in b.people()} == {"Iyad Ameen Madani", "Sergey Lavrov"}


def test_normalise_label() -> None:
    assert normalise_label(" Emir  of Qatar (retranslated) ") == "Emir of Qatar"


def test_home_affiliation_for_officials_of_the_publisher() -> None:
    from store.ingest.speakers import with_home_affiliation

    people = [
        Person("Sergey Lavrov", "Foreign Minister"),
        Person("Iyad Ameen Madani", "Secretary General", None),
        Person("Scott Morrison", "Prime Minister", "Australia"),
        Person("Andrei Vandenko"),
    ]
    got = with_home_affiliation(people, "Russian Ministry of Foreign Affairs")
    assert [p.affiliation for p in got] == ["Russia", None, "Australia", None]
    assert with_home_affiliation(people, None) == people
