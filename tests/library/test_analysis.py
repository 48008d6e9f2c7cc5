"""Data for the analyst views: timelines and tag co-occurrence."""

from __future__ import annotations

import pytest

from store.analysis import cooccurrence, counts_by_period, period_of, tag_matrix
from store.library import Hit, Library
from store.models import Anchor, Annotation


def hit(mid: str, date: str | None) -> Hit:
    return Hit(mid, date, "t", None, None, 0, 1, "s", 1.0)


def test_period_of_handles_partial_and_missing_dates() -> None:
    assert period_of("2015-06-11") == "2015-06"
    assert period_of("2015-06-11", "year") == "2015"
    assert period_of("--06-11") == "undated"
    assert period_of(None) == "undated"


def test_counts_by_month_fill_gaps_and_put_undated_last() -> None:
    hits = [hit("a", "2015-11-02"), hit("a", "2015-11-30"), hit("b", "2016-01-05"),
            hit("c", None)]
    assert counts_by_period(hits) == [
        ("2015-11", 2), ("2015-12", 0), ("2016-01", 1), ("undated", 1)
    ]
    assert counts_by_period(hits, distinct_meetings=True)[0] == ("2015-11", 1)
    assert counts_by_period(hits, "year") == [("2015", 2), ("2016", 1), ("undated", 1)]
    assert counts_by_period([]) == []


def test_counts_by_period_from_meeting_ids(lib: Library) -> None:
    ids = [r.id for r in lib.rows()]
    assert counts_by_period(ids, "year", library=lib) == [
        (str(y), 2 if y == 2015 else 1 if y == 2004 else 0) for y in range(2004, 2016)
    ] + [("undated", 1)]
    with pytest.raises(ValueError):
        counts_by_period(ids)


def ann(aid: str, mid: str, start: int, end: int, *tags: str, orphaned: bool = False):
    return Annotation(aid, mid, Anchor(start, end, "x" * (end - start)), tags=tags,
                      orphaned=orphaned)


def test_cooccurrence_same_annotation_overlap_and_not_adjacent() -> None:
    a = ann("a", "m1", 0, 10, "topic/syria", "tone/hostile")
    b = ann("b", "m1", 5, 20, "actor/un")
    c = ann("c", "m1", 20, 30, "topic/syria")  # touches b, does not overlap
    d = ann("d", "m2", 5, 20, "actor/un")  # other meeting
    e = ann("e", "m1", 0, 10, "actor/un", orphaned=True)
    pairs = cooccurrence([a, b, c, d, e])
    assert set(pairs) == {
        ("tone/hostile", "topic/syria"), ("actor/un", "topic/syria"), ("actor/un", "tone/hostile")
    }
    assert pairs[("tone/hostile", "topic/syria")] == [(a, a)]
    assert pairs[("actor/un", "topic/syria")] == [(a, b)]
    assert tag_matrix(pairs)[("actor/un", "tone/hostile")] == 1


def test_cooccurrence_same_span_and_nested() -> None:
    a = ann("a", "m", 10, 50, "x")
    b = ann("b", "m", 10, 50, "y")
    c = ann("c", "m", 20, 30, "z")
    pairs = cooccurrence([c, b, a])
    assert set(pairs) == {("x", "y"), ("x", "z"), ("y", "z")}


def test_meeting_counts_by_period_matches_counting_rows(lib: Library) -> None:
    from store.analysis import meeting_counts_by_period
    from store.library import Filters

    for period in ("month", "year"):
        assert meeting_counts_by_period(lib, period) == counts_by_period(lib.rows(), period)
    f = Filters(speaker="Lavrov")
    assert meeting_counts_by_period(lib, "year", f) == counts_by_period(lib.rows(filters=f), "year")
