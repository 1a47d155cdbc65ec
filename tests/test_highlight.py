"""Highlighting finds exactly the words the index matched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.highlight import matched_words, stem
from index.search_index import stemming_analyzer

WORDS = st.sampled_from(
    [
        "planned",
        "plans",
        "U.S.",
        "US",
        "café",
        "Cafe",
        "don't",
        "economy",
        "economies",
        "running",
        "ran",
        "Japan's",
        "Japan’s",
        "year-end",
        "54,000",
        "ÉLAN",
        "naïve",
        "x",
    ]
)


@given(st.lists(WORDS, max_size=12), st.sampled_from([" ", ", ", " — ", "\n"]))
def test_highlight_stems_match_the_index_analyzer(words: list[str], sep: str) -> None:
    text = sep.join(words)
    indexed = [t.text for t in stemming_analyzer()(text)]
    assert [stem(w) for w in words_in(text)] == indexed
    assert {s for _, _, s in matched_words(text, set(indexed))} == set(indexed)


def words_in(text: str) -> list[str]:
    from index.highlight import _TOKEN

    return _TOKEN.findall(text)


def test_dotted_abbreviation_is_highlighted_whole() -> None:
    text = "The U.S. and the US agreed."
    spans = [(s, e) for s, e, _ in matched_words(text, {"us"})]
    assert [text[s:e] for s, e in spans] == ["U.S", "US"]
