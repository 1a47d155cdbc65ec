"""RSS and Atom feeds: each entry an article, its page fetched when the feed only teases it.

feedparser and lxml are imported inside the functions: they are slow to import.
"""

from __future__ import annotations

import html as html_lib
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from index.formats.blocks import html_paragraphs
from index.formats.html import host_name, looks_like_html, parse_html
from index.formats.text import split_paragraphs
from index.model import IngestError, RawArticle

if TYPE_CHECKING:
    from index.fetch import FetchResult

#: An entry whose text is at least this long (in characters, tags stripped) is the article.
FULL_TEXT_CHARS = 400

_LEADING = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL
)
_FEED_ROOT = re.compile(
    rb"<(?:rss[\s>]|rdf:RDF[\s>]|feed[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_SAX_PLACE = re.compile(r"^<unknown>:(\d+):\d+:\s*")
_TAG = re.compile(r"<[^>]*>")


def looks_like_feed(data: bytes) -> bool:
    """True when the first 2 KB hold an RSS, Atom or RDF root (after declaration and comments)."""
    head = data[:2048]
    start = _LEADING.match(head)
    rest = head[start.end() if start else 0 :]
    return bool(_FEED_ROOT.match(rest))


def parse_feed(
    data: bytes,
    *,
    url: str = "",
    source: str = "",
    fetch: Callable[[str], FetchResult] | None = None,
) -> list[RawArticle | IngestError]:
    """One article (or one-line error) per entry; raises IngestError for a broken or empty feed."""
    import feedparser

    headers = {"content-location": url} if url else None
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as error:  # noqa: BLE001 - feedparser bugs must not escape as tracebacks
        raise IngestError(f"malformed feed: {_short(error)}") from None
    if not parsed.entries:
        if not parsed.get("version"):
            raise IngestError("malformed feed: not RSS or Atom")
        if parsed.get("bozo"):
            raise IngestError(f"malformed feed: {_short(parsed.get('bozo_exception'))}")
        raise IngestError("empty feed")
    outlet = _plain(parsed.feed.get("title", ""))
    results: list[RawArticle | IngestError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        fallback_source = f"{source or url}#{number}"
        try:
            results.append(_entry_article(entry, outlet, url, fallback_source, fetch))
        except IngestError as error:
            results.append(error)
        except Exception as error:  # noqa: BLE001 - one bad entry must not lose the others
            name = _name(_plain(entry.get("title", "")), entry.get("link", ""))
            results.append(IngestError(f"feed entry {name}: {type(error).__name__}: {error}"))
    if parsed.get("bozo") and all(isinstance(r, IngestError) for r in results):
        # A broken document whose entries gave nothing: report the breakage, once.
        raise IngestError(f"malformed feed: {_short(parsed.get('bozo_exception'))}")
    return results


def _entry_article(
    entry: Any,
    outlet: str,
    feed_url: str,
    fallback_source: str,
    fetch: Callable[[str], FetchResult] | None,
) -> RawArticle:
    """The article for one entry, from its own text or from its fetched page."""
    title = _plain(entry.get("title", ""))
    link = urljoin(feed_url, entry.get("link", "")) if entry.get("link") else ""
    raw = RawArticle(
        paragraphs=[],
        title=title,
        outlet=outlet,
        author=_author(entry),
        date=_date(entry),
        url=link,
        source=link or str(entry.get("id", "")) or fallback_source,
        format="feed",
    )
    paragraphs = _best_text(entry)
    if sum(len(p) for p in paragraphs) >= FULL_TEXT_CHARS or not (link and fetch):
        if not paragraphs:
            raise IngestError(f"feed entry {_name(title, link)}: no text")
        raw.paragraphs = paragraphs
        return raw
    try:
        return _from_page(raw, fetch(link))
    except IngestError as error:
        if paragraphs:
            raw.paragraphs = paragraphs
            return raw
        raise IngestError(f"feed entry {_name(title, link)}: {error}") from None


def _from_page(entry: RawArticle, page: FetchResult) -> RawArticle:
    """The fetched page's article, with the entry's metadata where the page has none."""
    if "html" not in page.content_type.lower() and not looks_like_html(page.body):
        raise IngestError(f"not an HTML page ({page.content_type or 'unknown type'})")
    article = parse_html(page.body, url=page.url, source=entry.source)
    article.title = article.title or entry.title
    article.author = article.author or entry.author
    article.date = article.date or entry.date
    if not article.outlet or article.outlet == host_name(article.url or page.url):
        article.outlet = entry.outlet or article.outlet
    article.url = article.url or entry.url
    article.format = "feed"
    return article


def _best_text(entry: Any) -> list[str]:
    """Paragraphs of the longest text the entry carries (full content or summary)."""
    candidates = [*entry.get("content", []), entry.get("summary_detail") or {}]
    best: list[str] = []
    for item in candidates:
        value = item.get("value", "") if isinstance(item, dict) else ""
        if not value.strip():
            continue
        if "html" in str(item.get("type", "text/html")):
            paragraphs = html_paragraphs(value)
        else:
            paragraphs = split_paragraphs(value)
        if sum(map(len, paragraphs)) > sum(map(len, best)):
            best = paragraphs
    return best


def _plain(text: str) -> str:
    """One line of text from a value that may hold tags or entities."""
    return _SPACES.sub(" ", html_lib.unescape(_TAG.sub(" ", text or ""))).strip()


def _author(entry: Any) -> str:
    names = [_plain(a.get("name", "")) for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [n for n in names if n]
    if names:
        return ", ".join(dict.fromkeys(names))
    detail = entry.get("author_detail") or {}
    return _plain(detail.get("name", "") or entry.get("author", ""))


def _date(entry: Any) -> str:
    """The publication (else update) time as ISO, keeping the feed's own time zone."""
    for key in ("published", "updated", "created"):
        text = entry.get(key, "")
        if text:
            for parse in (parsedate_to_datetime, _from_iso):
                try:
                    return parse(text).isoformat()
                except (TypeError, ValueError, IndexError):
                    continue
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return ""


def _from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def _name(title: str, link: str) -> str:
    label = _plain(title or link or "(untitled)")
    return f"'{label[:80]}'"


def _short(error: object) -> str:
    """The first line of an error, short; its type name when it has no message."""
    text = str(error or "").strip().splitlines()
    line = text[0] if text else type(error).__name__
    return _SAX_PLACE.sub(r"line \1: ", line)[:120]
