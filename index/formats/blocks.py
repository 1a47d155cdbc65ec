"""Paragraphs from a tree of block and inline elements: one walker for all HTML-like input.

Web pages (trafilatura's XML, with <lb/> line breaks), feed entries and HTML fragments
(with <br>) share the rules: a block element ends a paragraph, so do two line breaks in a
row or one after a sentence; any other line break is a space.

lxml is imported inside the functions: it is slow to import.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from index.formats.text import split_paragraphs

#: Block elements of HTML (feeds, fragments) and of trafilatura's XML (pages).
HTML_BLOCKS = frozenset(
    {
        *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th"),
        *("figure", "figcaption", "section", "article", "header", "footer", "aside", "main"),
    }
)
XML_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "div", "table", "row", "cell"})
_LINE_BREAKS = frozenset({"br", "lb"})
_DROP_TAGS = ("script", "style", "noscript", "iframe", "object", "template", "nav")

_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
#: Two line breaks in a row end a paragraph; so does one after a sentence.
_BREAK = re.compile(r"\n\s*\n|(?<=[.!?:\"”’)])\s*\n")


def block_paragraphs(root: Any, blocks: frozenset[str]) -> list[str]:
    """Paragraph texts under ``root`` in document order; ``blocks`` are the block tags."""
    runs: list[str] = []
    _collect(root, runs, blocks)
    paragraphs: list[str] = []
    for run in runs:
        for part in _BREAK.split(run):
            text = _SPACES.sub(" ", part).strip()
            if text:
                paragraphs.append(text)
    return paragraphs


def html_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (scripts, styles and menus left out)."""
    from lxml import etree
    from lxml.html import fragment_fromstring

    try:
        root = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return split_paragraphs(html_lib.unescape(_TAG.sub(" ", fragment)))
    etree.strip_elements(root, *_DROP_TAGS, etree.Comment, with_tail=False)
    return block_paragraphs(root, HTML_BLOCKS)


def _collect(element: Any, runs: list[str], blocks: frozenset[str]) -> None:
    """Append the text runs under ``element``; a block ends a run, a line break is "\\n"."""
    run = [_flat(element.text)]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in blocks:
            runs.append("".join(run))
            run = []
            _collect(child, runs, blocks)
        elif tag in _LINE_BREAKS:
            run.append("\n")
        else:  # inline: its text joins the run (a block inside it still splits)
            inner: list[str] = []
            _collect(child, inner, blocks)
            run.append("\n\n".join(inner))
        run.append(_flat(child.tail))
    runs.append("".join(run))


def _flat(text: str | None) -> str:
    """A text node with its source line breaks as spaces."""
    return _SPACES.sub(" ", text) if text else ""
