"""Text-cursor motions over an article's paragraphs, as in vi: words, sentences, paragraphs.

A caret is (paragraph position, character offset) into the paragraphs' texts. Word, sentence
and paragraph motions go on into the next (or previous) paragraph and skip empty ones. The
selection runs from the anchor to the caret, both characters included, as in vi's visual
mode; it stays inside one paragraph, because an annotation does (``clamp``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

#: A word: letters and digits, joined by inner apostrophes, dots and hyphens (U.S, don't).
WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")


class Caret(NamedTuple):
    """A position in the article: paragraph (position in the list) and character offset."""

    para: int
    offset: int


@lru_cache(maxsize=512)
def word_starts(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in WORD.finditer(text))


@lru_cache(maxsize=512)
def word_ends(text: str) -> tuple[int, ...]:
    """The offset of each word's last character (where vi's ``e`` stops)."""
    return tuple(m.end() - 1 for m in WORD.finditer(text))


@lru_cache(maxsize=512)
def sentence_starts(text: str) -> tuple[int, ...]:
    first = len(text) - len(text.lstrip())
    if first >= len(text):
        return ()
    # A lower-case letter after the stop means an abbreviation ("U.S. will"), not a sentence.
    breaks = (m.end() for m in _SENTENCE_BREAK.finditer(text))
    return (first, *(at for at in breaks if not text[at].islower()))


def paragraph_start(text: str) -> tuple[int, ...]:
    return sentence_starts(text)[:1]


Stops = Callable[[str], Sequence[int]]


def seek(texts: Sequence[str], caret: Caret, stops: Stops, forward: bool) -> Caret:
    """The next (or previous) stop after (before) the caret, in this or a further paragraph;
    the caret itself when there is none."""
    para, offset = caret
    if forward:
        for p in range(para, len(texts)):
            for stop in stops(texts[p]):
                if p > para or stop > offset:
                    return Caret(p, stop)
    else:
        for p in range(para, -1, -1):
            for stop in reversed(stops(texts[p])):
                if p < para or stop < offset:
                    return Caret(p, stop)
    return caret


def step_char(texts: Sequence[str], caret: Caret, step: int) -> Caret:
    """One character left or right, inside the paragraph."""
    last = max(0, len(texts[caret.para]) - 1)
    return Caret(caret.para, max(0, min(last, caret.offset + step)))


def first_caret(texts: Sequence[str], para: int, offset: int = 0) -> Caret | None:
    """A caret at ``offset`` of ``para`` or, if that paragraph is empty, the next non-empty one."""
    for p in range(max(0, para), len(texts)):
        if texts[p].strip():
            return Caret(p, min(offset, len(texts[p]) - 1) if p == para else 0)
    for p in range(min(para, len(texts)) - 1, -1, -1):
        if texts[p].strip():
            return Caret(p, 0)
    return None


def clamp(texts: Sequence[str], caret: Caret, para: int) -> Caret:
    """Keep a caret inside paragraph ``para``: past its end is its last character."""
    if caret.para > para:
        return Caret(para, max(0, len(texts[para]) - 1))
    if caret.para < para:
        return Caret(para, 0)
    return caret


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word holding ``offset`` as (start, end), end exclusive."""
    for match in WORD.finditer(text):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
        if match.start() > offset:
            break
    return None


def selected(
    texts: Sequence[str], anchor: Caret | None, caret: Caret
) -> tuple[int, int, int] | None:
    """The selection as (paragraph position, start, end), end exclusive, without the spaces
    at its ends; with no anchor, the word under the caret. None when there is nothing."""
    text = texts[caret.para]
    if anchor is None:
        word = word_at(text, caret.offset)
        return (caret.para, *word) if word else None
    if anchor.para != caret.para:
        return None
    start, end = sorted((anchor.offset, caret.offset))
    end = min(end + 1, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (caret.para, start, end) if start < end else None
