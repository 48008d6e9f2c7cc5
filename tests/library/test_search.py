"""Search: the query language, ranking, hits' spans and snippets, and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.library import Filters, Library
from store.search import QueryError, parse_query


def test_parser_builds_quoted_fts_terms() -> None:
    assert parse_query("dirty bomb").fts() == '"dirty" AND "bomb"'
    assert parse_query('"dirty bomb" syria').fts() == '"dirty bomb" AND "syria"'
    assert parse_query("negot*").fts() == '"negot"*'
    assert parse_query("syria OR iraq bomb").fts() == '("syria" OR "iraq") AND "bomb"'
    assert parse_query("bomb -dirty").fts() == '("bomb") NOT ("dirty")'
    assert parse_query('bomb NOT "dirty bomb"').fts() == '("bomb") NOT ("dirty bomb")'
    assert parse_query("U.S. policy").fts() == '"U S" AND "policy"'
    assert parse_query('"unbalanced phrase').fts() == '"unbalanced phrase"'
    assert parse_query("[bold]").fts() == '"bold"'


@pytest.mark.parametrize("query", ["", "   ", "AND (", '"', "*", "OR", "-", "()", "[/]", "NOT"])
def test_queries_with_nothing_to_find_get_one_sentence(query: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    message = str(err.value)
    assert message.endswith(".") and "\n" not in message


def test_only_exclusions_is_explained() -> None:
    with pytest.raises(QueryError, match="not only exclusions"):
        parse_query("-bomb")


def test_words_must_all_appear_in_one_passage(lib: Library) -> None:
    hits = lib.search("dirty bomb")
    assert {h.kind for h in hits} == {"question", "answer"}
    assert lib.search("dirty syria") == []  # different remarks


def test_hit_gives_span_speaker_kind_and_meeting(lib: Library) -> None:
    (hit,) = lib.search("évidence")
    meeting = lib.meeting(hit.meeting_id)
    assert meeting.text[hit.start : hit.end] == "There is no évidence of a dirty bomb anywhere."
    assert (hit.speaker, hit.kind) == ("Sergey Lavrov", "answer")
    assert (hit.date, hit.title) == ("2015-06-11", "Talks with the OIC Secretary General")
    assert "évidence" in hit.snippet and hit.score > 0


def test_case_and_accents_do_not_matter(lib: Library) -> None:
    assert len(lib.search("EVIDENCE")) == 1
    assert len(lib.search("negociations")) == 1
    assert len(lib.search("NÉGOCIATIONS")) == 1


def test_phrases_prefixes_or_and_not(lib: Library) -> None:
    assert {h.kind for h in lib.search('"dirty bomb"')} == {"question", "answer"}
    assert lib.search('"bomb dirty"') == []
    assert {h.speaker for h in lib.search("negoti*")} == {"Jen Psaki"}
    assert {h.speaker for h in lib.search("nego*")} == {"Sergey Lavrov", "Jen Psaki"}
    assert {h.speaker for h in lib.search("syria OR eels OR terrorism")} == {
        "Sergey Lavrov", None
    }
    # the label "Question:" is outside the remark, so it does not exclude the remark
    assert {h.kind for h in lib.search("bomb -question")} == {"question", "answer"}
    assert {h.kind for h in lib.search("bomb -region")} == {"answer"}


def test_text_outside_remarks_is_searchable(lib: Library) -> None:
    (hit,) = lib.search("terrorism")
    assert hit.speaker is None and hit.kind is None
    meeting = lib.meeting(hit.meeting_id)
    assert "Terrorism was discussed" in meeting.text[hit.start : hit.end]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "AND (", "[bold]", "bold)", "NEAR(a b)", "col:foo", "^x", "a OR", "OR a",
     "a AND", "'single", "x -", "--", "{a b}", 'a"b"c', "\\", "\x00", "ünïcödé*"],
)
def test_odd_syntax_never_raises_sqlite_errors(lib: Library, query: str) -> None:
    try:
        hits = lib.search(query)
    except QueryError as exc:
        assert str(exc).endswith(".")
    else:
        assert isinstance(hits, list)


def test_markup_in_documents_is_plain_text_in_hits(lib: Library) -> None:
    (hit,) = lib.search("[bold] markup")
    assert "[bold]" in hit.snippet and "[/]" in hit.snippet


def test_ranking_puts_the_denser_passage_first(tmp_path, fake) -> None:
    from tests.library import fake_ingest

    fake_ingest.write_meeting(tmp_path / "d" / "a.txt", title="A", turns=[
        ("X", "statement", "sanctions " + "other words here and there " * 20),
        ("Y", "statement", "sanctions sanctions sanctions are discussed"),
    ])
    lib = Library.open(tmp_path / "lib")
    lib.import_paths([tmp_path / "d"], jobs=0)
    hits = lib.search("sanctions")
    assert [h.speaker for h in hits] == ["Y", "X"]
    assert hits[0].score >= hits[1].score


def test_search_filters(lib: Library) -> None:
    assert {h.speaker for h in lib.search("bomb", Filters(speaker="Lavrov"))} == {"Sergey Lavrov"}
    assert {h.kind for h in lib.search("bomb", Filters(kinds=("question",)))} == {"question"}
    assert lib.search("bomb", Filters(date_to="2010")) == []
    assert lib.search("negotiations", Filters(outlet="test wire"))[0].speaker == "Jen Psaki"
    assert lib.search("bomb", Filters(participant="Madani")) != []
    assert lib.search("bomb", Filters(meeting_ids=frozenset())) == []
    assert len(lib.search("bomb", limit=1)) == 1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "*()-:^OR AND NOT[]/\\é')), max_size=30))
def test_any_typed_query_is_valid_fts_or_a_query_error(query: str) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('a b ab é')")
    try:
        fts = parse_query(query).fts()
    except QueryError:
        return
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (fts,)).fetchall()


def test_fold_keeps_offsets_so_matches_map_back() -> None:
    from store.search import fold

    text = "Négociations À GENÈVE, Straße"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("negociations a geneve")


def test_snippet_is_cut_around_the_first_match() -> None:
    from store.search import snippet

    long = ("word " * 100) + "the Négociations continue " + ("tail " * 100)
    cut = snippet(long, parse_query("negociations").pattern(), width=80)
    assert "Négociations" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 82
    assert snippet("short  text\nhere", None) == "short text here"
    prefix = snippet(long, parse_query("negoc*").pattern(), width=80)
    assert "Négociations" in prefix


@pytest.mark.parametrize("candidates", [1, 2, 3, 5, 10_000])
def test_ranking_in_two_halves_gives_what_one_statement_gives(
    lib: Library, monkeypatch: pytest.MonkeyPatch, candidates: int
) -> None:
    """The candidates are ranked in two halves on two connections; the hits, their order
    and scores are those of ranking all of them at once, whatever the cut."""
    import store.library as library_module

    monkeypatch.setattr(library_module, "RANK_CANDIDATES", candidates)
    queries = ["bomb", "the", "syria OR iraq", '"dirty bomb"', "nego*", "terr* -bomb"]
    halves = {q: lib.search(q, limit=3) for q in queries}
    assert lib._ranker  # the second connection was used
    lib._ranker = False  # one statement from here on
    whole = {q: lib.search(q, limit=3) for q in queries}
    assert halves == whole
    assert candidates < 2 or any(len(hits) > 1 for hits in whole.values())
