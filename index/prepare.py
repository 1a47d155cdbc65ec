"""Turn a parsed article into a stored one: clean text, roles, metadata, title, hash."""

from __future__ import annotations

import hashlib
import re

from index.dates import DATELINE, date_from_text, normalize_date
from index.model import Article, IngestError, Paragraph, RawArticle, Role
from index.roles import assign_roles, byline_author, word_count
from index.signatures import outlet_from_text, outlet_from_url
from index.textclean import normalize_text

_SPACES = re.compile(r"[ \t]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])")
_TITLE_WORDS = 20


def clean_line(text: str) -> str:
    """Normalize a one-line field (title, outlet, author)."""
    return _SPACES.sub(" ", normalize_text(text).replace("\n", " ")).strip()


def prepare_article(raw: RawArticle, *, article_id: str, outlet_override: str = "") -> Article:
    """Build the stored article; raises IngestError when nothing readable is left."""
    paragraphs = [_SPACES.sub(" ", normalize_text(p)).strip() for p in raw.paragraphs]
    keep = [i for i, p in enumerate(paragraphs) if p]
    preset = {keep.index(i): r for i, r in raw.roles.items() if i in keep}
    paragraphs = [paragraphs[i] for i in keep]
    if not paragraphs or sum(word_count(p) for p in paragraphs) < 3:
        raise IngestError("empty: no readable text")

    title = clean_line(raw.title)
    if title and paragraphs[0].casefold() == title.casefold():
        preset.setdefault(0, Role.HEADLINE)
    roles = assign_roles(paragraphs, has_title=bool(title), preset=preset)
    if not any(r in (Role.BODY, Role.DEK) for r in roles):
        raise IngestError("not an article: no body text")
    if not title:
        title = _title_from(paragraphs, roles)

    author = clean_line(raw.author) or _author_from(paragraphs, roles)
    outlet = (
        clean_line(outlet_override)
        or clean_line(raw.outlet)
        or outlet_from_text(paragraphs)
        or outlet_from_url(raw.url)
    )
    date = normalize_date(clean_line(raw.date)) or date_from_text(paragraphs)
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        author=author,
        date=date,
        url=clean_line(raw.url),
        source=raw.source or raw.url,
        format=raw.format,
        content_hash=content_hash(title, paragraphs),
        paragraphs=[
            Paragraph(i, r, t) for i, (r, t) in enumerate(zip(roles, paragraphs, strict=True))
        ],
    )


def content_hash(title: str, paragraphs: list[str]) -> str:
    """A hash of the visible text, insensitive to whitespace and case."""
    digest = hashlib.sha256()
    for part in [title, *paragraphs]:
        digest.update(_SPACES.sub(" ", part).strip().casefold().encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _title_from(paragraphs: list[str], roles: list[Role]) -> str:
    """The headline paragraph, else the lead's first sentence, shortened."""
    for text, role in zip(paragraphs, roles, strict=True):
        if role == Role.HEADLINE:
            return text
    lead = next(t for t, r in zip(paragraphs, roles, strict=True) if r in (Role.BODY, Role.DEK))
    dateline = DATELINE.match(lead)
    if dateline:
        lead = lead[dateline.end() :].strip()
    sentence = _SENTENCE_END.split(lead, maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    if len(words) > _TITLE_WORDS:
        cut = " ".join(words[:_TITLE_WORDS])
        clause = max(cut.rfind(","), cut.rfind(";"))
        sentence = (cut[:clause] if clause > len(cut) // 2 else cut) + "…"
    return sentence


def _author_from(paragraphs: list[str], roles: list[Role]) -> str:
    for text, role in zip(paragraphs, roles, strict=True):
        if role == Role.BYLINE:
            return byline_author(text)
    return ""
