"""Plain text, Markdown and front matter."""

from __future__ import annotations

import pytest

from index.formats.text import parse_text, split_paragraphs
from index.model import IngestError


def test_blank_line_paragraphs() -> None:
    assert split_paragraphs("Title\n\nFirst para.\n\nSecond para.") == [
        "Title",
        "First para.",
        "Second para.",
    ]


def test_long_lines_without_blank_lines_are_one_paragraph_each() -> None:
    long_a = "A" * 10 + " word" * 40 + "."
    long_b = "B" * 10 + " word" * 40 + "."
    assert split_paragraphs(f"Caption line\nX\n{long_a}\n{long_b}") == [
        "Caption line",
        "X",
        long_a,
        long_b,
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "The company said on Tuesday that its first quarter profits rose\n"
        "sharply because of strong demand for its products in Asia and\n"
        "Europe.\n\nA second paragraph."
    )
    assert split_paragraphs(text) == [
        "The company said on Tuesday that its first quarter profits rose sharply because of "
        "strong demand for its products in Asia and Europe.",
        "A second paragraph.",
    ]


def test_short_widget_lines_stay_apart() -> None:
    assert split_paragraphs("SHARE THIS ARTICLE\nPress TV News Roku") == [
        "SHARE THIS ARTICLE",
        "Press TV News Roku",
    ]


def test_front_matter_fills_metadata() -> None:
    raw = parse_text(
        "---\ntitle: A Title\noutlet: Example News\nauthor: [Ann Lee, Bo Chen]\n"
        "date: 2024-07-28\nurl: https://example.com/a\n---\nBody paragraph one.\n\nTwo.\n",
        markdown=True,
    )
    assert (raw.title, raw.outlet, raw.author, raw.date, raw.url) == (
        "A Title",
        "Example News",
        "Ann Lee, Bo Chen",
        "2024-07-28",
        "https://example.com/a",
    )
    assert raw.paragraphs == ["Body paragraph one.", "Two."]


def test_markdown_syntax_is_removed() -> None:
    raw = parse_text("# Heading\n\nSome **bold** and a [link](http://x).", markdown=True)
    assert raw.paragraphs == ["Heading", "Some bold and a link."]


def test_empty_text_is_an_error() -> None:
    with pytest.raises(IngestError, match="empty"):
        parse_text("\n\n  \n")


def test_bad_front_matter_is_an_error() -> None:
    with pytest.raises(IngestError, match="front matter"):
        parse_text("---\ntitle: [unclosed\n---\nbody")
