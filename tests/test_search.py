"""Search over the demo library: ranking, best paragraph, snippets, facets, spelling."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.library import Library
from index.query import MAX_EXPANSION, parse_query
from index.search import make_snippet, search
from tests.helpers import make_article


def test_hit_carries_best_paragraph_and_highlighted_snippet(demo_library: Library) -> None:
    result = search(demo_library, "troops Okinawa")
    assert result.total == 1
    hit = result.hits[0]
    assert hit.outlet == "Antiwar.com"
    article = demo_library.get(hit.article_id)
    assert article is not None
    assert "Okinawa" in article.paragraphs[hit.paragraph].text
    marked = {hit.snippet[a:b] for a, b in hit.highlights}
    assert {"troops", "Okinawa"} <= marked


def test_phrase_and_facets(demo_library: Library) -> None:
    result = search(demo_library, '"joint force headquarters"')
    assert result.total == 3
    assert result.facets["outlet"] == {"Antiwar.com": 1, "Press TV": 1, "UPI": 1}


def test_boolean_and_field_queries(demo_library: Library) -> None:
    assert {h.outlet for h in search(demo_library, "Blinken AND NOT Quad").hits} == {
        "Press TV",
        "UPI",
    }
    assert [h.outlet for h in search(demo_library, "outlet:upi japan").hits] == ["UPI"]
    assert [h.outlet for h in search(demo_library, "date:2024").hits] == ["Press TV"]
    assert search(demo_library, "Pyongyang OR Okinawa").total == 2
    assert search(demo_library, "author:decamp").hits[0].outlet == "Antiwar.com"


def test_stemming_uses_porter2(demo_library: Library) -> None:
    # "planned" must meet "plans" (the default stemmer maps it to "plann").
    assert search(demo_library, "planned").total == search(demo_library, "plans").total >= 2


def test_dotted_abbreviations_match_plain(demo_library: Library) -> None:
    assert search(demo_library, "U.S. Indo-Pacific").facets["outlet"].get("UPI") == 1
    assert search(demo_library, "US Indo-Pacific").facets["outlet"].get("UPI") == 1


def test_outlet_filter(demo_library: Library) -> None:
    result = search(demo_library, "China", outlet="UPI")
    assert [h.outlet for h in result.hits] == ["UPI"]
    assert result.facets["outlet"]["Press TV"] == 1  # facets still count every outlet


def test_did_you_mean(demo_library: Library) -> None:
    result = search(demo_library, "milltary alliense")
    assert result.total == 0
    assert result.suggestion == "military alliance"


def test_boilerplate_is_not_searched_as_body(demo_library: Library) -> None:
    assert search(demo_library, '"SHARE THIS ARTICLE"').total == 0


def test_wildcards_are_bounded(library: Library) -> None:
    words = [f"zeta{i:03d}" for i in range(200)]
    library.store.save(make_article("Many words", [" ".join(words) + "."]))
    library.ensure_index()
    searcher = library.index.searcher()
    parsed = parse_query("zeta*", searcher.schema, searcher.reader())
    assert len(list(parsed.query.leaves())) <= MAX_EXPANSION * 3  # three searched fields at most
    assert "most common" in parsed.note
    assert search(library, "zeta*").total == 1
    assert search(library, "*eta*").note.startswith("wildcards need")


def test_snippet_window_keeps_spans_aligned() -> None:
    text = "word " * 100 + "needle here " + "word " * 100
    start = text.index("needle")
    snippet, spans = make_snippet(text, [(start, start + 6)], width=80)
    assert len(snippet) <= 82
    assert [snippet[a:b] for a, b in spans] == ["needle"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_typed_string_is_safe(demo_library: Library, text: str) -> None:
    result = search(demo_library, text)
    assert result.total >= 0


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "*",
                ":",
                "title:",
                "[",
                "]",
                "to",
                "japan",
                "us",
                "^",
                "~2",
                "-",
                "date:",
                "\\",
            ]
        ),
        max_size=8,
    )
)
def test_query_syntax_fragments_never_raise(demo_library: Library, parts: list[str]) -> None:
    result = search(demo_library, " ".join(parts))
    assert result.total >= 0


def test_searching_an_empty_library(library: Library) -> None:
    assert search(library, "japan").total == 0
    assert search(library, "jap*").total == 0


def test_snippet_of_a_paragraph_with_thousands_of_hits_is_quick() -> None:
    import time

    text = "word " * 20000
    spans = [(i * 5, i * 5 + 4) for i in range(20000)]
    started = time.perf_counter()
    snippet, shown = make_snippet(text, spans)
    assert time.perf_counter() - started < 2.0  # was minutes (quadratic in the hits)
    assert shown and all(snippet[a:b] == "word" for a, b in shown)
