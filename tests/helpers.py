"""Small builders for tests."""

from __future__ import annotations

import uuid

from index.model import Article, Paragraph, Role
from index.prepare import content_hash


def make_article(
    title: str,
    body: list[str],
    *,
    outlet: str = "Example News",
    date: str = "2024-07-28",
    article_id: str | None = None,
    source: str | None = None,
) -> Article:
    """An article with a headline paragraph and body paragraphs."""
    article_id = article_id or uuid.uuid4().hex
    paragraphs = [Paragraph(0, Role.HEADLINE, title)] + [
        Paragraph(i, Role.BODY, text) for i, text in enumerate(body, start=1)
    ]
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        author="",
        date=date,
        url="",
        source=source or f"test://{article_id}",
        format="text",
        content_hash=content_hash(title, body),
        paragraphs=paragraphs,
    )
