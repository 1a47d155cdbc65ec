"""Spelling suggestions: a bounded edit distance and readable words from stems."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.library import Library
from index.search import search
from index.spelling import bounded_distance, closest_stem


def test_bounded_distance() -> None:
    assert bounded_distance("military", "military") == 0
    assert bounded_distance("milltary", "military") == 1
    assert bounded_distance("teh", "the") == 1  # a transposition is one edit
    assert bounded_distance("abc", "xyzabc") == 3  # beyond the bound: limit + 1
    assert bounded_distance("kitten", "sitting") == 3


@given(st.text("abcde", max_size=7), st.text("abcde", max_size=7))
def test_bounded_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    d = bounded_distance(a, b)
    assert d == bounded_distance(b, a)
    assert 0 <= d <= 3
    assert (d == 0) == (a == b)


def test_closest_stem_and_suggestion(demo_library: Library) -> None:
    reader = demo_library.index.searcher().reader()
    assert closest_stem(reader, "Okinowa") == "okinawa"
    assert closest_stem(reader, "Okinawa") is None  # a known word needs nothing
    assert search(demo_library, "Kamikwa").suggestion == "kamikawa"
    assert search(demo_library, "Kamikwa", suggest=False).suggestion == ""
