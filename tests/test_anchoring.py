"""Re-anchoring by quote and context: moves, edits, typos, deletions (orphans), offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.anchoring import Quote, _ends, anchor, quote_at
from index.annotations import Draft, from_utf16, full_text, place, to_utf16
from index.model import Paragraph, Role

BODY = [
    "Secretary of State Antony Blinken met his Japanese counterparts in Tokyo on Sunday.",
    "The ministers agreed to upgrade the command of US forces in Japan.",
    "Officials said the new headquarters would report directly to Washington.",
    "Critics in Okinawa said the plan would keep thousands of Marines on the island.",
    "The talks are expected to resume in Washington next year.",
]
QUOTED = 2  # "Officials said the new headquarters ..."


def paragraphs(body: list[str]) -> list[Paragraph]:
    return [Paragraph(0, Role.HEADLINE, "US and Japan upgrade military ties")] + [
        Paragraph(i, Role.BODY, text) for i, text in enumerate(body, start=1)
    ]


def reanchor(quote: Quote, body: list[str]) -> tuple[int | None, str | None]:
    paras = paragraphs(body)
    placed = place(Draft("a", "x", quote=quote), paras)
    if placed.paragraph is None:
        return None, None
    assert placed.start is not None and placed.end is not None
    return placed.paragraph, paras[placed.paragraph].text[placed.start : placed.end]


def quote_of(body: list[str], paragraph: int, words: str) -> Quote:
    """The quote an annotation of ``words`` in paragraph ``paragraph`` remembers."""
    paras = paragraphs(body)
    start = paras[paragraph].text.index(words)
    draft = Draft("a", "x", paragraph=paragraph, start=start, end=start + len(words))
    return place(draft, paras).quote


SENTENCE = "the new headquarters would report directly to Washington"


def test_unchanged_text_keeps_the_place() -> None:
    assert reanchor(quote_of(BODY, QUOTED + 1, SENTENCE), BODY) == (QUOTED + 1, SENTENCE)


def test_inserted_and_deleted_paragraphs_move_the_annotation() -> None:
    quote = quote_of(BODY, QUOTED + 1, SENTENCE)
    inserted = BODY[:1] + ["A new paragraph about the weather in Tokyo."] + BODY[1:]
    assert reanchor(quote, inserted) == (QUOTED + 2, SENTENCE)
    deleted = BODY[:1] + BODY[2:]
    assert reanchor(quote, deleted) == (QUOTED, SENTENCE)
    both = ["An inserted first paragraph."] + BODY[:2] + BODY[3:4] + [BODY[2]]
    assert reanchor(quote, both) == (5, SENTENCE)  # moved to the end, neighbours changed


def test_edits_elsewhere_and_next_to_the_quote_keep_it() -> None:
    quote = quote_of(BODY, QUOTED + 1, SENTENCE)
    edited = list(BODY)
    edited[0] = edited[0].replace("Sunday", "Monday, July 28")
    edited[2] = "Senior officials told reporters that " + SENTENCE + ", not to Tokyo."
    assert reanchor(quote, edited) == (QUOTED + 1, SENTENCE)


def test_typos_inside_the_quote_are_tolerated() -> None:
    quote = quote_of(BODY, QUOTED + 1, SENTENCE)
    edited = list(BODY)
    edited[2] = edited[2].replace("headquarters", "headquaters").replace("directly", "direclty")
    assert reanchor(quote, edited) == (
        QUOTED + 1,
        "the new headquaters would report direclty to Washington",
    )


def test_a_deleted_sentence_becomes_an_orphan_not_a_lookalike() -> None:
    quote = quote_of(BODY, QUOTED + 1, SENTENCE)
    lookalike = "Analysts said the new headquarters would report directly to the Pentagon."
    assert reanchor(quote, BODY[:2] + BODY[3:] + [lookalike]) == (None, None)
    assert reanchor(quote, BODY[:2] + BODY[3:]) == (None, None)


def test_a_sentence_rewritten_in_place_keeps_its_annotation_on_whole_words() -> None:
    quote = quote_of(BODY, QUOTED + 1, SENTENCE)
    edited = list(BODY)
    edited[2] = edited[2].replace("Washington", "the Pentagon")
    assert reanchor(quote, edited) == (
        QUOTED + 1,
        "the new headquarters would report directly to the Pentagon",
    )


def test_a_short_repeated_quote_follows_its_context() -> None:
    quote = quote_of(BODY, 5, "Washington")  # the second "Washington"
    assert reanchor(quote, BODY) == (5, "Washington")
    assert reanchor(quote, BODY[:4]) == (None, None)  # its sentence went; the other stays


def test_the_position_hint_chooses_between_equal_candidates() -> None:
    text = "one two. one two. one two."
    for hint in (4, 13, 22):
        match = anchor(text, Quote("two"), hint=hint)
        assert match is not None and match.start == hint


def test_quote_at_takes_context_from_both_sides() -> None:
    assert quote_at("abcdefgh", 3, 5, context=2) == Quote("de", "bc", "fg")


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "Tokyo 🇯🇵 and é: done"
    at = text.index("and")
    assert to_utf16(text, at) == at + 2  # two regional indicators, each two units
    assert from_utf16(text, to_utf16(text, at)) == at
    assert full_text(paragraphs(["a"])) == "US and Japan upgrade military ties\n\na"


def _edit_distance_ends(text: str, pattern: str, limit: int) -> list[tuple[int, int]]:
    """Sellers' dynamic programme, the slow reference for Myers' bit vectors."""
    column = list(range(len(pattern) + 1))
    found = []
    for j, char in enumerate(text):
        new = [0]
        for i, p in enumerate(pattern, start=1):
            new.append(min(column[i] + 1, new[i - 1] + 1, column[i - 1] + (p != char)))
        column = new
        if column[-1] <= limit:
            found.append((j + 1, column[-1]))
    return found


@settings(max_examples=200, deadline=None)
@given(st.text("abc ", max_size=30), st.text("abc", min_size=1, max_size=8), st.integers(0, 3))
def test_myers_agrees_with_the_dynamic_programme(text: str, pattern: str, limit: int) -> None:
    assert _ends(text, pattern, limit) == _edit_distance_ends(text, pattern, limit)
