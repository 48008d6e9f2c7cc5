"""Wire reports of diplomatic meetings as Reuters, AP, AFP, TASS, RIA Novosti and Xinhua
write them: one test per behaviour of the report reader.

The articles are written for these tests. Each checks the speaker and kind of every
quotation it cares about and who the participants (the people who speak) are.
"""

from __future__ import annotations

from store.ingest import extract_text
from store.models import Meeting, Remark


def meeting(text: str) -> Meeting:
    (m,) = extract_text(text)
    assert m.kind == "report"
    for r in m.remarks:
        assert m.text[r.start : r.end] == r.text
    return m


def said(m: Meeting, snippet: str, kind: str = "quote") -> str | None:
    """The speaker of the one remark of ``kind`` holding ``snippet`` (asserting it exists)."""
    hits = [r for r in m.remarks if snippet in r.text and r.kind == kind]
    assert len(hits) == 1, (snippet, kind, m.remarks)
    return hits[0].speaker


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
