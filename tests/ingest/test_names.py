"""Role/name/affiliation splitting of speaker phrases (the contract other readers call)."""

from __future__ import annotations

import pytest

from store.ingest.names import split_role_name, surname
from tests.ingest.documents import person, report, said


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("President of Russia Vladimir Putin", ("President of Russia", "Vladimir Putin", "Russia")),
        ("Foreign Minister Sergey Lavrov", ("Foreign Minister", "Sergey Lavrov", None)),
        (
            "Secretary General of the Organisation of Islamic Cooperation Iyad Ameen Madani",
            (
                "Secretary General of the Organisation of Islamic Cooperation",
                "Iyad Ameen Madani",
                "Organisation of Islamic Cooperation",
            ),
        ),
        ("PRESIDENT BIDEN", ("President", "Biden", None)),
        ("MS. JEAN-PIERRE", (None, "Jean-Pierre", None)),
        ("THE VICE PRESIDENT", ("Vice President", "", None)),
        ("Prime Minister Morrison of Australia", ("Prime Minister", "Morrison", "Australia")),
        (
            "Russian Foreign Minister Sergey Lavrov",
            ("Russian Foreign Minister", "Sergey Lavrov", "Russia"),
        ),
        (
            "Emir of Qatar Sheikh Tamim bin Hamad Al Thani (retranslated)",
            ("Emir of Qatar", "Sheikh Tamim bin Hamad Al Thani", "Qatar"),
        ),
        ("Foreign Minister Sergey Lavrov’s", ("Foreign Minister", "Sergey Lavrov", None)),
        ("Mr Madani", (None, "Madani", None)),
        ("V.Putin", (None, "V.Putin", None)),
        ("В.Путин", (None, "В.Путин", None)),
        (
            "Chairman of The Investigative Committee Alexander Bastrykin",
            (
                "Chairman of The Investigative Committee",
                "Alexander Bastrykin",
                "Investigative Committee",
            ),
        ),
        ("", (None, "", None)),
    ],
)
def test_split_role_name(phrase: str, expected: tuple[str | None, str, str | None]) -> None:
    assert split_role_name(phrase) == expected


def test_surname() -> None:
    assert surname("Sergey Lavrov") == "Lavrov"
    assert surname("V.Putin") == "Putin"
    assert surname("") == ""


def test_acronym_in_front_of_a_role_is_the_affiliation() -> None:
    assert split_role_name("NATO Secretary General Jens Stoltenberg") == (
        "NATO Secretary General",
        "Jens Stoltenberg",
        "NATO",
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Al Gore", (None, "Al Gore", None)),
        ("Former Vice President Al Gore", ("Former Vice President", "Al Gore", None)),
        ("Al Sharpton", (None, "Al Sharpton", None)),
        ("President Abdel Fattah al-Sisi", ("President", "Abdel Fattah al-Sisi", None)),
        ("Al-Thani", (None, "Al-Thani", None)),
        ("al Thani", ("al", "Thani", None)),
        ("Sheikh Tamim bin Hamad Al Thani", (None, "Sheikh Tamim bin Hamad Al Thani", None)),
    ],
)
def test_capitalised_al_before_a_name_is_a_given_name(
    phrase: str, expected: tuple[str | None, str, str | None]
) -> None:
    """``al-given-name``: "Al Gore" is Al (a given name) Gore, not the Arabic article
    and "Gore"; "al-Sisi", "Al-Thani", "al Thani" and "… Hamad Al Thani" are not."""
    assert split_role_name(phrase) == expected


def test_al_gore_in_a_report_keeps_his_given_name() -> None:
    m = report(
        "NEW YORK (AP) — Former Vice President Al Gore urged world leaders on Monday to "
        "move faster on climate finance.\n\n"
        '"We are running out of time," Gore told reporters at the United Nations.\n'
    )
    assert said(m, "running out of time") == "Al Gore"
    assert person(m, "Al Gore").role == "Former Vice President"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Wang Wenbin", "Wang"),
        ("Mao Ning", "Mao"),
        ("Lin Jian", "Lin"),
        ("Xi Jinping", "Xi"),
        ("Kim Jong Un", "Kim"),
        ("Moon Jae-in", "Moon"),
        ("Tsai Ing-wen", "Tsai"),
        ("Han Duck-soo", "Han"),
        ("Cho Tae-yul", "Cho"),
        ("Yoon Suk Yeol", "Yoon"),
        ("Choe Son Hui", "Choe"),
        ("Ri Son Gwon", "Ri"),
        ("KAMIKAWA Yoko", "Kamikawa"),
        # Western names keep their last word, even after a Chinese or Korean family name.
        ("Maya Lin", "Lin"),
        ("Kim Darroch", "Darroch"),
        ("Lee Anderson", "Anderson"),
        ("Kim Campbell", "Campbell"),
        ("Sergey Lavrov", "Lavrov"),
    ],
)
def test_family_name_first_names_are_known_by_the_family_name(name: str, short: str) -> None:
    """``family-name-first``: "Wang Wenbin" is Mr Wang, not "Wenbin"."""
    assert surname(name) == short


def test_chinese_spokesperson_in_a_report_has_the_family_name_as_alias() -> None:
    m = report(
        "BEIJING (Reuters) - China on Tuesday criticised new U.S. export controls on "
        "chips.\n\n"
        '"China firmly opposes the U.S. abuse of export controls," foreign ministry '
        "spokesperson Mao Ning told a regular news briefing.\n"
    )
    assert said(m, "abuse of export controls") == "Mao Ning"
    assert person(m, "Mao Ning").aliases == ("Mao",)
