"""Date helpers."""

from __future__ import annotations

from store.ingest.dates import iso_date, month_number, parse_date, years_in


def test_month_names() -> None:
    assert month_number("Sept.") == 9 and month_number("march") == 3 and month_number("Foo") is None


def test_parse_date_orders() -> None:
    assert parse_date("May 21") == (None, 5, 21)
    assert parse_date("Jan. 5, 2004") == (2004, 1, 5)
    assert parse_date("11 June 2015 18:30") == (2015, 6, 11)
    assert parse_date("February 21, 2013, 16:00") == (2013, 2, 21)
    assert parse_date("nothing here") is None
    assert parse_date("February 31") is None


def test_iso() -> None:
    assert iso_date(None, 2, 29) == "--02-29"
    assert iso_date(2004, 5, 21) == "2004-05-21"
    assert iso_date(2003, 2, 29) is None


def test_years() -> None:
    assert [y for _, y in years_in("in 2003, 1,2005 and 3.2010 or 2015.")] == [2003, 2015]
