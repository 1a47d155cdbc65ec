"""HTML fragments, one-paragraph articles, and the one block walker feeds and pages share."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from index.formats.blocks import XML_BLOCKS, block_paragraphs, html_paragraphs
from index.ingest import add_inputs
from index.library import Library
from index.model import IngestError, Role
from index.prepare import prepare_article
from index.sources import parse_bytes

LONE = "The council approved the new budget on Tuesday after a long debate."


@pytest.mark.parametrize(
    "fragment",
    [f"<p>{LONE}</p>", f"<p>{LONE}</p>\n<p>Opponents said the plan cuts too deeply.</p>"],
)
def test_an_html_fragment_is_an_article(library: Library, tmp_path: Path, fragment: str) -> None:
    path = tmp_path / "fragment.html"
    path.write_text(fragment)
    report = add_inputs(library, [str(path)])
    assert report.failed == []
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert article.paragraphs[0].text == LONE
    assert Role.BODY in [p.role for p in article.paragraphs]


def test_a_fragment_without_words_is_still_an_error() -> None:
    with pytest.raises(IngestError, match="^not an article"):
        parse_bytes(b"<p>x</p>", source="x.html", suffix=".html")


def test_one_paragraph_long_enough_is_the_body() -> None:
    [raw] = parse_bytes(LONE.encode(), source="lone.txt", suffix=".txt")
    article = prepare_article(raw, article_id="a")  # type: ignore[arg-type]
    assert [p.role for p in article.paragraphs] == [Role.BODY]
    assert article.title == LONE.rstrip(".")


def test_a_bare_headline_is_still_not_an_article() -> None:
    [raw] = parse_bytes(b"Council approves budget", source="h.txt", suffix=".txt")
    with pytest.raises(IngestError, match="no body text"):
        prepare_article(raw, article_id="a")  # type: ignore[arg-type]


def test_feeds_and_pages_break_lines_alike() -> None:
    html = "<div>First line.<br>Second line<br><br>Third <b>bold<br><br>part</b></div>"
    xml = etree.fromstring(
        "<body><p>First line.<lb/>Second line<lb/><lb/>Third <hi>bold<lb/><lb/>part</hi></p></body>"
    )
    expected = ["First line.", "Second line", "Third bold", "part"]
    assert html_paragraphs(html) == expected
    assert block_paragraphs(xml, XML_BLOCKS) == expected
