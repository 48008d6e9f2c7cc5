"""News reports in the styles of outlets the wire tests do not cover: BBC, The Guardian,
The New York Times, Washington Post, Al Jazeera, Kyodo, Yonhap, Anadolu, Global Times,
Deutsche Welle, live blogs, interviews and posts on X or Telegram.

The articles are written for these tests. Each test checks one behaviour: the speaker
and kind of every quotation it cares about, the participants (the people who speak),
and that scare quotes and apostrophes give no remark.
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


def no_remark(m: Meeting, snippet: str) -> None:
    assert not [r for r in m.remarks if r.text.strip() == snippet], m.remarks


def people(m: Meeting) -> list[str]:
    return [p.name for p in m.participants]


def quotes(m: Meeting) -> list[Remark]:
    return [r for r in m.remarks if r.kind == "quote"]


BBC = """\
Lavrov says Western countries want to isolate Russia

By Paul Kirby, BBC News

Russia's Foreign Minister Sergei Lavrov has told a news conference in New Delhi that \
the West is trying to isolate Moscow.

Speaking on Thursday, Mr Lavrov said the meeting had been hijacked. 'Our Western \
colleagues have turned the work of the G20 into a farce,' he said.

'We don't want the '90s back,' he added. 'Nobody in Moscow does.'

UK Foreign Secretary James Cleverly said Russia's delegation had been isolated. \
'Lavrov's words are the words of a government that has lost the argument,' he told \
reporters.

The ministers' meeting ended without a joint statement. Rock 'n' roll fans in the \
city didn't notice.
"""


def test_bbc_single_quotes_are_quotations() -> None:
    m = meeting(BBC)
    assert said(m, "turned the work of the G20 into a farce") == "Sergei Lavrov"
    assert said(m, "We don't want the '90s back") == "Sergei Lavrov"
    assert said(m, "Nobody in Moscow does.") == "Sergei Lavrov"
    assert said(m, "Lavrov's words are the words") == "James Cleverly"
    assert {"Sergei Lavrov", "James Cleverly"} <= set(people(m))


def test_apostrophes_make_no_quotation() -> None:
    m = meeting(BBC)
    for r in quotes(m):
        assert "ministers" not in r.text and "roll" not in r.text, r
        assert not r.text.startswith(("90s", "n")), r
    assert len(quotes(m)) == 4


GUARDIAN = """\
Blinken and Wang hold talks in Beijing

Patrick Wintour Diplomatic editor

The US secretary of state, Antony Blinken, met China's top diplomat, Wang Yi, in \
Beijing on Monday.

‘We had candid, substantive and constructive talks,’ Blinken told reporters after \
the meeting. ‘The relationship is at an inflection point.’

Wang said: ‘China has never been and will never be a threat. The US should stop what \
it calls “de-risking”, which is decoupling by another name.’
"""


def test_guardian_double_quotes_nest_inside_single() -> None:
    m = meeting(GUARDIAN)
    assert said(m, "We had candid, substantive") == "Antony Blinken"
    assert said(m, "inflection point") == "Antony Blinken"
    assert said(m, "which is decoupling by another name") == "Wang Yi"
    no_remark(m, "de-risking")
    assert set(people(m)) == {"Antony Blinken", "Wang Yi"}
