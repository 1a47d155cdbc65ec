"""Plain data types shared by ingest, store and search."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a paragraph is, so search and alignment can weigh it."""

    HEADLINE = "headline"
    DEK = "dek"
    BYLINE = "byline"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"
    BODY = "body"


#: Roles whose text is the article's reporting (searched and aligned as body text).
READING_ROLES = frozenset({Role.DEK, Role.BODY})


@dataclass(slots=True)
class Paragraph:
    """One paragraph of an article, with its role."""

    index: int
    role: Role
    text: str


@dataclass(slots=True)
class RawArticle:
    """An article as a format parser produced it, before roles and metadata detection.

    ``paragraphs`` holds the text blocks in order. When ``title`` is empty the first
    paragraph is the candidate headline. ``roles`` may pre-assign roles to paragraphs
    (by position) when the format knows them, e.g. HTML captions.
    """

    paragraphs: list[str]
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    format: str = "text"
    roles: dict[int, Role] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """An article as stored in the library."""

    id: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    source: str
    format: str
    content_hash: str
    paragraphs: list[Paragraph]
    added: str = ""
    updated: str = ""

    def body_text(self) -> str:
        """The reporting text: dek and body paragraphs joined."""
        return "\n\n".join(p.text for p in self.paragraphs if p.role in READING_ROLES)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "format": self.format,
            "added": self.added,
            "updated": self.updated,
            "paragraphs": [
                {"index": p.index, "role": str(p.role), "text": p.text} for p in self.paragraphs
            ],
        }


class IngestError(Exception):
    """An input that cannot become an article; the message is one line for the user."""
