"""read_report_header(): datelines, outlets, places, year inference, titles."""

from __future__ import annotations

import pytest

from store.ingest.clean import clean
from store.ingest.document import Page
from store.ingest.report_header import infer_year, lead_title, read_report_header
from tests.conftest import CORPUS_DEV, SEEDS


def header(text: str):
    return read_report_header(text, Page(text=text))


@pytest.mark.parametrize(
    ("opening", "place", "outlet", "date"),
    [
        ("WASHINGTON (Reuters) - The talks ended.", "Washington", "Reuters", None),
        ("KUALA LUMPUR, Jan. 5 (AP) — The talks ended.", "Kuala Lumpur", "AP", "--01-05"),
        ("Moscow, 12 March, TASS. The talks ended.", "Moscow", "TASS", "--03-12"),
        ("MOSCOW, March 12. /TASS/. The talks ended.", "Moscow", "TASS", "--03-12"),
        ("LONDON, 5 March 2019 (Reuters) - The talks ended.", "London", "Reuters", "2019-03-05"),
        ("BEIJING, Sept. 3 (Xinhua) -- The talks ended.", "Beijing", "Xinhua", "--09-03"),
        ("UNITED NATIONS, Oct 3 (AFP) - The talks ended.", "United Nations", "AFP", "--10-03"),
        ("PARIS, May 2 (Interfax) - The talks ended.", "Paris", "Interfax", "--05-02"),
    ],
)
def test_datelines(opening: str, place: str, outlet: str, date: str | None) -> None:
    h = header(opening)
    assert h is not None
    assert (h.place, h.outlet, h.date, h.date_inferred) == (place, outlet, date, False)
    assert h.title == "The talks ended"


@pytest.mark.parametrize(
    "text",
    [
        "Question: What about Moscow - Beijing ties?",
        "COVID-19 infections rose again.",
        "Sergey Lavrov: Thank you.",
        "Meeting with the Governor\nFebruary 21, 2013, 16:00\nThe Kremlin, Moscow\n\nText.",
    ],
)
def test_not_news(text: str) -> None:
    assert header(text) is None


def test_transcripts_in_the_dev_corpus_are_not_news() -> None:
    for path in sorted((CORPUS_DEV / "docs").glob("*.txt")):
        assert header(clean(path.read_text(encoding="utf-8")).text) is None, path.name


def test_seed_report() -> None:
    text = clean((SEEDS / "000_a9a3d9c4bdde8030.txt").read_text(encoding="utf-8")).text
    h = header(text)
    assert h is not None
    assert (h.date, h.date_inferred) == ("2004-05-21", True)
    assert (h.place, h.outlet) == ("Moscow", "RIA Novosti")
    assert h.title.startswith("Russian Security Council Secretary Igor Ivanov met")
    assert "2019" not in h.title and "GMT" not in h.title
    assert h.body_start == text.index("MOSCOW")


def test_year_inferred_from_a_linked_mention() -> None:
    body = (
        "The ministers met on the sidelines. The Baltic forum in Riga in 2016 was a success. "
        "Both recalled last year's Baltic forum with satisfaction."
    )
    assert infer_year(body) == 2017


def test_no_year_without_a_link() -> None:
    assert infer_year("Prices rose in 2010. Last year the weather was bad.") is None
    h = header("OSLO, June 3 (Reuters) - The ministers met. Trade grew in 2010.")
    assert h is not None and h.date == "--06-03" and not h.date_inferred


def test_headline_above_the_dateline_is_the_title() -> None:
    h = header("Russia and Malaysia to expand trade\n\nMOSCOW, May 3 (TASS) - Officials met.")
    assert h is not None and h.title == "Russia and Malaysia to expand trade"


def test_long_lead_is_cut_at_a_clause() -> None:
    lead = (
        "The foreign ministers of the two countries met in the capital on Tuesday to discuss "
        "the peace process, regional security and a new agreement on energy cooperation."
    )
    title = lead_title(lead)
    assert len(title) <= 111 and title.endswith("…")
    assert lead.startswith(title[:-1])
