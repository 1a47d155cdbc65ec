"""Text-cursor motions (vi-like words, sentences, paragraphs) and what a selection covers."""

from __future__ import annotations

from tui.selection import (
    Caret,
    clamp,
    first_caret,
    paragraph_start,
    seek,
    selected,
    sentence_starts,
    step_char,
    word_at,
    word_ends,
    word_starts,
)

TEXTS = [
    "The U.S. will upgrade its forces. Japan's role grows! Talks went on.",
    "",
    "  Lloyd Austin spoke.",
]


def test_words_keep_inner_dots_and_apostrophes() -> None:
    text = TEXTS[0]
    assert [text[s] for s in word_starts(text)][:3] == ["T", "U", "w"]
    assert word_at(text, text.index("S.")) == (4, 7)  # "U.S"
    assert text[slice(*word_at(text, text.index("Japan's") + 3) or (0, 0))] == "Japan's"
    assert text[word_ends(text)[0]] == "e"


def test_word_motions_cross_paragraphs_and_skip_empty_ones() -> None:
    end_of_first = Caret(0, word_starts(TEXTS[0])[-1])
    assert seek(TEXTS, end_of_first, word_starts, True) == Caret(2, 2)  # "Lloyd"
    assert seek(TEXTS, Caret(2, 2), word_starts, False) == end_of_first
    assert seek(TEXTS, Caret(0, 0), word_ends, True) == Caret(0, 2)  # vi's e: end of "The"
    last = Caret(2, TEXTS[2].index("spoke"))
    assert seek(TEXTS, last, word_starts, True) == last  # nowhere further: stays


def test_sentence_and_paragraph_motions() -> None:
    text = TEXTS[0]
    assert [text[s : s + 5] for s in sentence_starts(text)] == ["The U", "Japan", "Talks"]
    assert seek(TEXTS, Caret(0, 0), sentence_starts, True) == Caret(0, text.index("Japan"))
    assert seek(TEXTS, Caret(0, 5), paragraph_start, True) == Caret(2, 2)
    assert seek(TEXTS, Caret(0, 5), paragraph_start, False) == Caret(0, 0)


def test_chars_stay_in_the_paragraph_and_clamp_keeps_a_selection_in_one() -> None:
    assert step_char(TEXTS, Caret(0, 0), -1) == Caret(0, 0)
    assert step_char(TEXTS, Caret(2, len(TEXTS[2]) - 1), 1).offset == len(TEXTS[2]) - 1
    assert clamp(TEXTS, Caret(2, 4), 0) == Caret(0, len(TEXTS[0]) - 1)
    assert clamp(TEXTS, Caret(0, 4), 2) == Caret(2, 0)
    assert first_caret(TEXTS, 1) == Caret(2, 0)


def test_selection_includes_both_ends_without_outer_spaces() -> None:
    text = TEXTS[0]
    start = text.index("will")
    span = selected(TEXTS, Caret(0, start - 1), Caret(0, start + 3))
    assert span is not None and text[span[1] : span[2]] == "will"
    backwards = selected(TEXTS, Caret(0, start + 3), Caret(0, start))
    assert backwards == span
    word = selected(TEXTS, None, Caret(0, start + 1))
    assert word is not None and text[word[1] : word[2]] == "will"
    assert selected(TEXTS, None, Caret(0, start - 1)) is None  # a space: no word
    assert selected(TEXTS, Caret(0, 3), Caret(2, 3)) is None  # two paragraphs
