"""Quoted passages of a paragraph, found from the quotation marks alone (no language model).

Curly and straight double marks are read by their surroundings, so a straight ``"`` after a
space opens and one after a word closes. A quote left open at the end of a paragraph whose
next paragraph opens with a mark continues there (the newspaper convention for a quote over
several paragraphs); any other quote left open ends with its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"''|``|[\"“”«»„]")
_OPENERS = ("“", "«", "„", "``")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"])")
_BEFORE_OPEN = " \t\n([{—–-/"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Characters ``start:end`` with the marks; ``open_end`` when unclosed at the end."""

    start: int
    end: int
    open_end: bool = False
    open_start: bool = False  # continues a quote left open in the previous paragraph

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _opens(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before in _BEFORE_OPEN and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ",.;:!?)"):
        return False
    return mark in _OPENERS


def quote_spans(text: str, *, continuing: bool = False) -> list[QuoteSpan]:
    """The quotes of ``text``; ``continuing`` when a quote was left open just before it."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    first = True
    for match in _MARKS.finditer(text):
        i = match.start()
        if _opens(text, i, match.group()):
            if opened is not None:  # a mark never closed: end its quote at a sentence end
                spans.append(QuoteSpan(opened, _cut(text, opened, i)))
            opened = i
        elif opened is not None:
            spans.append(QuoteSpan(opened, match.end()))
            opened = None
        elif first and continuing:  # the quote from the previous paragraph closes here
            spans.append(QuoteSpan(0, match.end(), open_start=True))
        first = False
    if opened is not None:
        if opened == 0 or text[:opened].strip() == "":
            spans.append(QuoteSpan(opened, len(text), open_end=True))
        else:
            end = _cut(text, opened, len(text))
            spans.append(QuoteSpan(opened, end, open_end=end == len(text)))
    return [s for s in spans if s.end - s.start > 2]


def _cut(text: str, start: int, limit: int) -> int:
    """Where an unclosed quote opened at ``start`` ends: its sentence's end, else ``limit``."""
    found = _SENTENCE_END.search(text, start, limit)
    return found.end() if found else len(text[:limit].rstrip())


def starts_with_quote(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith(('"', "“", "«", "„", "``", "''"))


def paragraph_quotes(texts: list[str]) -> list[list[QuoteSpan]]:
    """Quotes of consecutive paragraphs, following quotes that continue across them."""
    result: list[list[QuoteSpan]] = []
    left_open = False
    for text in texts:
        spans = quote_spans(text, continuing=left_open)
        result.append(spans)
        left_open = bool(spans) and spans[-1].open_end
    return result


def inner(text: str, span: QuoteSpan) -> tuple[int, int]:
    """The quoted words without the marks and a trailing comma or space."""
    start, end = span.start, span.end
    while start < end and text[start] in "\"“«„`'":
        start += 1
    while end > start and text[end - 1] in "\"”»'":
        end -= 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at"})


def is_title(text: str, span: QuoteSpan) -> bool:
    """A quoted name ("Morning Joe", “The Steve Harvey Morning Show,”), not a quotation."""
    start, end = inner(text, span)
    words = text[start:end].split()
    if not words or len(words) > 8 or text[start:end].rstrip()[-1:] in ".!?":
        return False
    return all(w[:1].isupper() or w in _SMALL or not w[:1].isalpha() for w in words)
