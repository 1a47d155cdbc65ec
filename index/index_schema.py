"""What the Whoosh index holds: its analyzers, its schema and one article's document."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    SubstitutionFilter,
)
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map

from index.model import READING_ROLES, Article, Role

#: Words, keeping inner dots and apostrophes ("U.S.", "don't") together.
TOKEN_PATTERN = r"\w+(?:[.'’]\w+)*"


def _base_analyzer() -> Any:
    # "U.S." -> "us"; accents folded so "cafe" finds "café".
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | SubstitutionFilter(r"[.'’]", "")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
    )


@lru_cache(maxsize=200_000)
def cached_stem(word: str) -> str:
    """Porter2's stem of ``word``, remembered: Whoosh's own stem cache is pure Python and
    cost more than the stemming it saved (a quarter of indexing time)."""
    return porter2_stem(word)  # type: ignore[no-any-return]


def stemming_analyzer() -> Any:
    """Porter2 stemming without stop-word removal, so phrases match exactly.

    The index keeps this analyzer pickled, so ``cached_stem`` is named by its module path.
    """
    return _base_analyzer() | StemFilter(stemfn=cached_stem, cachesize=0)


def plain_analyzer() -> Any:
    """Lower-cased, accent-folded, unstemmed words (outlets and names)."""
    return _base_analyzer()


def build_schema() -> Schema:
    stem = stemming_analyzer()
    plain = plain_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        content_hash=STORED,
        title=TEXT(analyzer=stem, field_boost=2.0),
        body=TEXT(analyzer=stem),
        extra=TEXT(analyzer=stem, field_boost=0.3),
        outlet=TEXT(analyzer=plain),
        outlet_facet=ID(sortable=True),
        author=TEXT(analyzer=plain),
        date=DATETIME(),
    )


def article_document(article: Article) -> dict[str, Any]:
    """The fields Whoosh indexes for one article (body text ranked, captions weak)."""
    body = "\n".join(p.text for p in article.paragraphs if p.role in READING_ROLES)
    extra = "\n".join(p.text for p in article.paragraphs if p.role == Role.CAPTION)
    doc: dict[str, Any] = {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "body": body,
        "extra": extra,
        "outlet": article.outlet,
        "outlet_facet": article.outlet or "(unknown)",
        "author": article.author,
    }
    parsed = _parse_date(article.date)
    if parsed is not None:
        doc["date"] = parsed
    return doc


def _parse_date(value: str) -> datetime | None:
    if not value or value.startswith("--"):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def schema_matches(ix: Any) -> bool:
    """True when the index ``ix`` has the fields this version builds."""
    return set(ix.schema.names()) == set(build_schema().names())
