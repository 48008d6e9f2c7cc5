"""Role/name/affiliation splitting of speaker phrases (the contract other readers call)."""

from __future__ import annotations

import pytest

from store.ingest.names import split_role_name, surname


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
