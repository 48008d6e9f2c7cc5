"""``reporter-not-participant`` finds a journalist's names as ``\\bname\\b`` would.

``quotes._reports_on_it`` used to build two regular expressions per entity; it now
scans with ``str.find`` and checks the word boundaries itself. These tests hold it to
the regular expressions' answers.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.mentions import Entity
from store.ingest.newsrooms import NEWS_OUTLETS, is_outlet_label
from store.ingest.quotes import _OUTLET_POSSESSIVE, _POSSESSIVE_REACH, _reports_on_it


def _by_regex(text: str, ent: Entity) -> bool:
    """The rule as it was written with a pattern per name (role check left out)."""
    names = sorted({ent.name, *(a for a in ent.aliases if a[:1].isupper())}, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    if re.search(rf"\b(?:{alts}),\s+reporting\s+from\b", text):
        return True
    for m in re.finditer(rf"\b{re.escape(ent.name)}\b", text):
        p = _OUTLET_POSSESSIVE.search(text, max(0, m.start() - _POSSESSIVE_REACH), m.start())
        if p is not None and (
            p["outlet"].casefold() in NEWS_OUTLETS or is_outlet_label(p["outlet"])
        ):
            return True
    return False


def test_correspondents_are_found_by_either_wording() -> None:
    salhut = Entity(name="Hamdah Salhut", kind="person", aliases=["Salhut"])
    assert _reports_on_it("Al Jazeera's Hamdah Salhut said the talks went on.", salhut)
    assert _reports_on_it("Salhut, reporting from Doha, said so.", salhut)
    assert not _reports_on_it("Hamdah Salhuts said it.", salhut)  # not the whole word
    assert not _reports_on_it("XSalhut, reporting from Doha", salhut)
    assert not _reports_on_it("The minister met Hamdah Salhut in Doha.", salhut)


_PIECES = st.sampled_from([
    "Al Jazeera's ", "Reuters' ", "the BBC's senior analyst ", "Ann Lee", "Lee", "Ann Lees",
    "Ann Lee_", "Ann Lee,", ", reporting from Kyiv", ",  reporting  from", " reporting from",
    " ", "\n", ".", "é", "_", "9", "said ", "X", "Jr.", "Ann Lee Jr.",
])


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=12),
    name=st.sampled_from(["Ann Lee", "Lee", "Ann Lee Jr.", "Jr."]),
    aliases=st.lists(st.sampled_from(["Lee", "Ann", "lee", "Jr.", "Ann Lee Jr."]), max_size=3),
)
def test_the_scan_answers_as_the_regular_expressions_did(
    pieces: list[str], name: str, aliases: list[str]
) -> None:
    text = "".join(pieces)
    ent = Entity(name=name, kind="person", aliases=aliases)
    assert _reports_on_it(text, ent) == _by_regex(text, ent)
