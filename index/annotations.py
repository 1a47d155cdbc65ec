"""Annotations: the data model, who writes them, how their offsets count, how they are placed.

Offsets. Inside Parallax an annotation sits in one paragraph: ``paragraph`` is the
paragraph's index and ``start``/``end`` are Python ``str`` indices (code points) into that
paragraph's stored text, ``end`` exclusive. The W3C export (``index/w3c.py``) places the same
span in the article's *full text* (every paragraph, in order, joined with "\\n\\n") and counts
in UTF-16 code units, as browsers do: an emoji is one character here and two there. The quote
(``exact``, ``prefix``, ``suffix``: a W3C TextQuoteSelector) is taken from the full text, so
its context may reach into the neighbouring paragraphs.

An *orphan* is an annotation whose passage could not be found again after its article
changed: it keeps its quote, label and note; its paragraph and offsets are None.
"""

from __future__ import annotations

import getpass
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.anchoring import Quote, anchor, occurrences, quote_at
from index.model import Paragraph
from index.textclean import strip_controls

SEPARATOR = "\n\n"


def new_annotation_id() -> str:
    return uuid.uuid4().hex


def current_user(explicit: str | None = None) -> str:
    """``explicit``, else ``$PARALLAX_USER``, else the login name."""
    for name in (explicit, os.environ.get("PARALLAX_USER")):
        if name and clean_label(name):
            return clean_label(name)
    try:
        return clean_label(getpass.getuser()) or "unknown"
    except (OSError, KeyError):  # no login name (e.g. a container without a passwd entry)
        return "unknown"


def clean_label(text: str) -> str:
    """One line, no control characters, single spaces."""
    return " ".join(strip_controls(text).split())


@dataclass(frozen=True, slots=True)
class Annotation:
    """A stored annotation. ``version`` is the library's change number at its last write."""

    id: str
    article: str
    paragraph: int | None
    start: int | None
    end: int | None
    exact: str
    prefix: str
    suffix: str
    label: str
    note: str
    user: str
    created: str
    updated: str
    version: int = 0

    @property
    def orphan(self) -> bool:
        return self.paragraph is None

    @property
    def quote(self) -> Quote:
        return Quote(self.exact, self.prefix, self.suffix)

    def to_json(self) -> dict[str, object]:
        """The shape ``parallax annotations --json`` prints."""
        return {
            "id": self.id,
            "article": self.article,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "label": self.label,
            "note": self.note,
            "user": self.user,
            "created": self.created,
            "orphan": self.orphan,
        }


@dataclass(slots=True)
class Draft:
    """An annotation to add: by paragraph offsets, by a full-text UTF-16 ``position``, or by
    ``quote`` alone. The id is made here, before any attempt to store it."""

    article: str
    label: str
    note: str = ""
    user: str = ""
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    position: tuple[int, int] | None = None
    quote: Quote | None = None
    created: str = ""
    updated: str = ""
    id: str = field(default_factory=new_annotation_id)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a draft lands: a paragraph span (all None for an orphan) and its quote."""

    paragraph: int | None
    start: int | None
    end: int | None
    quote: Quote


def full_text(paragraphs: Sequence[Paragraph]) -> str:
    return SEPARATOR.join(p.text for p in paragraphs)


def paragraph_starts(paragraphs: Sequence[Paragraph]) -> list[int]:
    """Where each paragraph (by position in the list) starts in the full text."""
    starts, at = [], 0
    for p in paragraphs:
        starts.append(at)
        at += len(p.text) + len(SEPARATOR)
    return starts


def locate(paragraphs: Sequence[Paragraph], start: int, end: int) -> tuple[int, int, int]:
    """A full-text span as (paragraph index, start, end), cut to its first paragraph's text."""
    for p, at in zip(paragraphs, paragraph_starts(paragraphs), strict=True):
        if start < at + len(p.text):
            first, last = max(start, at) - at, min(end, at + len(p.text)) - at
            if first < last:
                return p.index, first, last
            break
    raise ValueError(f"no paragraph text at characters {start}-{end}")


def place(draft: Draft, paragraphs: Sequence[Paragraph]) -> Placement:
    """Place ``draft`` in an article's paragraphs; raises ValueError for bad offsets.

    Offsets are trusted unless the draft also has a quote that differs from the text there;
    then the quote is anchored (near the offsets), and an orphan results if it is not found.
    """
    text = full_text(paragraphs)
    span = _span(draft, paragraphs, text)
    quote = draft.quote
    if span and (quote is None or text[span[0] : span[1]] == quote.exact):
        return _placed(paragraphs, text, *span)
    if quote is None:
        raise ValueError("no offsets and no quote")
    return _relocate(quote, paragraphs, text, span[0] if span else None)


def relocate(
    quote: Quote, paragraphs: Sequence[Paragraph], near: tuple[int, int] | None = None
) -> Placement:
    """Find ``quote`` again in changed paragraphs, preferring ``near`` (paragraph, start)."""
    text = full_text(paragraphs)
    hint = None
    if near is not None:
        for p, at in zip(paragraphs, paragraph_starts(paragraphs), strict=True):
            if p.index == near[0]:
                hint = at + min(near[1], len(p.text))
    return _relocate(quote, paragraphs, text, hint)


def _relocate(
    quote: Quote, paragraphs: Sequence[Paragraph], text: str, hint: int | None
) -> Placement:
    match = anchor(text, quote, hint=hint)
    if match is None:
        return Placement(None, None, None, quote)
    return _placed(paragraphs, text, match.start, match.end)


def locate_full(
    paragraphs: Sequence[Paragraph], paragraph: int, start: int, end: int
) -> tuple[int, int]:
    """A paragraph span as a full-text (start, end); raises ValueError when it is not there."""
    for p, at in zip(paragraphs, paragraph_starts(paragraphs), strict=True):
        if p.index == paragraph:
            if not 0 <= start < end <= len(p.text):
                raise ValueError(
                    f"paragraph {paragraph} has {len(p.text)} characters, not {start}-{end}"
                )
            return at + start, at + end
    raise ValueError(f"no paragraph {paragraph}")


def find_quote(
    paragraphs: Sequence[Paragraph], text: str, paragraph: int | None = None
) -> tuple[int, int, int]:
    """The one (paragraph, start, end) where ``text`` occurs; ValueError if none or several."""
    hits = [
        (p.index, at)
        for p in paragraphs
        if paragraph is None or p.index == paragraph
        for at in (occurrences(p.text, text) if text else ())
    ]
    where = "" if paragraph is None else f" in paragraph {paragraph}"
    if not hits:
        raise ValueError(f"the quote is not in the article{where}")
    if len(hits) > 1:
        raise ValueError(f"the quote occurs {len(hits)} times{where}; give --paragraph N")
    return hits[0][0], hits[0][1], hits[0][1] + len(text)


def to_utf16(text: str, offset: int) -> int:
    """A Python index into ``text`` as a count of UTF-16 code units."""
    return offset + sum(1 for c in text[:offset] if ord(c) > 0xFFFF)


def from_utf16(text: str, units: int) -> int:
    """A count of UTF-16 code units as a Python index into ``text`` (a split pair rounds up)."""
    counted = 0
    for i, c in enumerate(text):
        if counted >= units:
            return i
        counted += 2 if ord(c) > 0xFFFF else 1
    return len(text)


def _span(draft: Draft, paragraphs: Sequence[Paragraph], text: str) -> tuple[int, int] | None:
    if draft.paragraph is not None:
        if draft.start is None or draft.end is None:
            raise ValueError("a paragraph needs a start and an end")
        return locate_full(paragraphs, draft.paragraph, draft.start, draft.end)
    if draft.position is not None:
        start, end = (from_utf16(text, u) for u in draft.position)
        if not 0 <= start < end <= len(text):
            raise ValueError(f"position {draft.position} is outside the article")
        return start, end
    return None


def _placed(paragraphs: Sequence[Paragraph], text: str, start: int, end: int) -> Placement:
    paragraph, first, last = locate(paragraphs, start, end)
    begin, finish = locate_full(paragraphs, paragraph, first, last)
    return Placement(paragraph, first, last, quote_at(text, begin, finish))
