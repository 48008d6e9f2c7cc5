"""Who the report mentions, and who a phrase refers to."""

from __future__ import annotations

from store.ingest.mentions import Registry, affiliation_of, capital_runs

TEXT = (
    "Russian Security Council Secretary Igor Ivanov met the delegation. "
    "The head of the delegation, Malaysian Foreign Minister Syed Hamid Albar, spoke. "
    "Mr. Ivanov answered. Chinese Foreign Ministry spokeswoman Hua Chunying commented. "
    "President Putin's speech was praised."
)


def registry() -> Registry:
    r = Registry()
    r.scan(TEXT)
    return r


def test_runs_stop_at_punctuation_and_sentence_ends() -> None:
    runs = [
        r.text for r in capital_runs("MOSCOW, March 12. /TASS/. Foreign Minister Sergey Lavrov met")
    ]
    assert "Foreign Minister Sergey Lavrov" in runs
    assert not any("TASS" in r and "Lavrov" in r for r in runs)


def test_introductions_give_role_and_affiliation() -> None:
    r = registry()
    ivanov = r.resolve_name("Igor Ivanov")
    assert ivanov is not None
    assert ivanov.role is not None and "Security Council Secretary" in ivanov.role
    assert ivanov.affiliation == "Russia"
    hua = r.resolve_name("Hua Chunying")
    assert hua is not None and hua.affiliation == "China" and "spokeswoman" in (hua.role or "")


def test_surname_and_honorific_find_the_full_name() -> None:
    r = registry()
    assert r.resolve_name("Mr. Ivanov") is r.resolve_name("Igor Ivanov")
    assert "Mr. Ivanov" in r.resolve_name("Ivanov").aliases


def test_description_beside_a_name_becomes_an_alias() -> None:
    r = registry()
    albar = r.resolve_name("Syed Hamid Albar")
    assert r.resolve_description("the head of the delegation", len(TEXT)) is albar


def test_role_description_matches_role_and_country() -> None:
    r = registry()
    assert r.resolve_description("The Malaysian minister", len(TEXT)).name == "Syed Hamid Albar"
    assert r.resolve_description("the Russian secretary", len(TEXT)).name == "Igor Ivanov"
    assert r.resolve_description("the Chinese minister", len(TEXT)) is None


def test_institutions_are_not_people() -> None:
    r = Registry()
    r.scan("The Organization of the Islamic Conference and the UN Security Council met.")
    assert [e for e in r.entities if e.kind == "person"] == []


def test_full_name_after_surname_upgrades_the_entry() -> None:
    r = Registry()
    r.scan("President Putin arrived. Russian President Vladimir Putin spoke.")
    people = [e for e in r.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Vladimir Putin"]


def test_affiliation_from_the_head_of_the_role() -> None:
    assert affiliation_of("U.S. Secretary of State", "State") == "United States"
    assert affiliation_of("Malaysian Foreign Minister", None) == "Malaysia"
    assert affiliation_of("Secretary of State", "State") is None
