"""Query safety: every multi-term query is bounded; date clauses mean exactly what they say."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import query as wq

from index.library import Library
from index.query import MAX_EXPANSION, _bound, parse_query
from index.query_dates import exact_date_clauses
from index.search import search
from tests.helpers import make_article


@pytest.fixture
def many_words(library: Library) -> Library:
    words = [f"zeta{i:03d}" for i in range(300)]
    library.store.save(make_article("Many words", [" ".join(words) + "."]))
    library.ensure_index()
    return library


def test_term_ranges_are_bounded(many_words: Library) -> None:
    searcher = many_words.index.searcher()
    parsed = parse_query("body:[zeta000 TO zeta299]", searcher.schema, searcher.reader())
    leaves = list(parsed.query.leaves())
    assert not any(isinstance(q, wq.TermRange) for q in leaves)
    assert len(leaves) <= MAX_EXPANSION
    assert "most common" in parsed.note
    assert search(many_words, "body:[zeta000 TO zeta299]").total == 1


def test_fuzzy_terms_are_bounded(many_words: Library) -> None:
    reader = many_words.index.searcher().reader()
    bounded, note = _bound(wq.FuzzyTerm("body", "zeta150", maxdist=2), reader)
    leaves = list(bounded.leaves())
    assert not any(isinstance(q, wq.FuzzyTerm) for q in leaves)
    assert 0 < len(leaves) <= MAX_EXPANSION
    assert "most common" in note


@pytest.fixture
def dated(library: Library) -> Library:
    days = ["2023-12-31", "2024-06-30", "2024-07-01", "2024-07-15", "2024-07-31", "2024-08-01"]
    library.store.save_many(
        [make_article(f"Story of {d}", ["The harbour story."], date=d) for d in days]
    )
    library.ensure_index()
    return library


def _dates(library: Library, text: str) -> list[str]:
    return sorted(hit.date for hit in search(library, text, limit=50).hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:[2024-07-01 TO 2024-07-31]", ["2024-07-01", "2024-07-15", "2024-07-31"]),
        ("harbour date:[2024-07-01 TO 2024-07-15]", ["2024-07-01", "2024-07-15"]),
        ("date:>2024-07-15", ["2024-07-31", "2024-08-01"]),
        ("date:>=2024-07-31", ["2024-07-31", "2024-08-01"]),
        ("date:<2024-07-01", ["2023-12-31", "2024-06-30"]),
        ("date:<=2023-12-31", ["2023-12-31"]),
        ("date:>2024-07", ["2024-08-01"]),
        ("date:<2024", ["2023-12-31"]),
        ("date:2024-07-15", ["2024-07-15"]),
    ],
)
def test_iso_date_clauses_are_exact(dated: Library, text: str, expected: list[str]) -> None:
    assert _dates(dated, text) == expected


def test_iso_dates_outside_date_clauses_stay_words() -> None:
    assert exact_date_clauses("strike 2024-07-01") == "strike 2024-07-01"
    assert exact_date_clauses("DATE:[2024-07-01 TO 2024-07-31}") == "DATE:[20240701 TO 20240731}"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 30)))
def test_after_a_day_starts_the_next_day(day: date) -> None:
    following = (day + timedelta(days=1)).strftime("%Y%m%d")
    assert exact_date_clauses(f"date:>{day.isoformat()}") == f"date:[{following} TO]"
