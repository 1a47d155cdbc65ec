"""Web pages: the main text and metadata of an article, extracted with trafilatura.

trafilatura and lxml are imported inside the functions: they are slow to import and only
needed when a page is actually parsed.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from index.formats.blocks import XML_BLOCKS, block_paragraphs, html_paragraphs
from index.model import IngestError, RawArticle, Role
from index.textclean import decode_bytes

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|p)[\s>/]", re.IGNORECASE)
_LEADING = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*", re.DOTALL)
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_TITLE_SEPARATOR = re.compile(r"\s+[|·•»—–-]\s+")
#: A document with neither of these is a fragment (a few <p>), read as it is if need be.
_WHOLE_PAGE = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)
_CAPTION_TAG = "p"
#: Fewer words than this is a menu or a stray label, not main text.
_MIN_WORDS = 3
_MIN_FALLBACK_WORDS = 25


def looks_like_html(data: bytes) -> bool:
    """True when the first 2 KB start like an HTML document (after BOM, blanks, comments)."""
    head = data[:2048]
    start = _LEADING.match(head)
    rest = head[start.end() if start else 0 :]
    return bool(rest.startswith(b"<") and _SNIFF.search(rest))


def parse_html(html: str | bytes, *, url: str = "", source: str = "") -> RawArticle:
    """The article in a web page: paragraphs in reading order, captions marked, metadata."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds
        tree = None
    fragment = _fragment(html)
    if tree is None and not fragment:
        raise IngestError("not an article: broken HTML")
    if tree is None:
        return _from_fragment(fragment, url=url, source=source, broken=True)
    hints = _title_hints(tree)
    captions = _inline_captions(tree)
    extracted = _extract(tree, url)
    if extracted is None and fragment:
        return _from_fragment(fragment, url=url, source=source, broken=False)
    if extracted is None:
        raise IngestError("not an article: no main text found")
    article = _article(*extracted, captions, url=url, source=source)
    article.title = _choose_title(article.title, hints, article.outlet)
    return article


def _fragment(html: str | bytes) -> str:
    """The text of a document that is only a fragment (no <html> or <body>), else ''."""
    data = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    if _WHOLE_PAGE.search(data):
        return ""
    return html if isinstance(html, str) else decode_bytes(html)


def _from_fragment(fragment: str, *, url: str, source: str, broken: bool) -> RawArticle:
    """A fragment's paragraphs, walked plainly (trafilatura wants a whole page)."""
    paragraphs = html_paragraphs(fragment)
    if sum(len(_WORDS.findall(p)) for p in paragraphs) < _MIN_WORDS:
        raise IngestError("not an article: " + ("broken HTML" if broken else "no main text found"))
    return RawArticle(
        paragraphs=paragraphs, url=url, source=source or url, outlet=host_name(url), format="html"
    )


def _extract(tree: HtmlElement, url: str) -> tuple[Any, list[str]] | None:
    """trafilatura's document and paragraphs: precise first, balanced when that finds nothing.

    Both may return a stray menu entry, so the result needs some words (the balanced
    pass more of them).
    """
    import trafilatura

    for precise in (True, False):
        try:
            doc = trafilatura.bare_extraction(
                deepcopy(tree),
                url=url or None,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=precise,
                output_format="python",
            )
        except Exception as error:  # noqa: BLE001 - a parser bug must be a one-line error
            raise IngestError(f"not an article: broken HTML ({type(error).__name__})") from None
        body = getattr(doc, "body", None)
        paragraphs = block_paragraphs(body, XML_BLOCKS) if body is not None else []
        words = sum(len(_WORDS.findall(p)) for p in paragraphs)
        if words >= (_MIN_WORDS if precise else _MIN_FALLBACK_WORDS):
            return doc, paragraphs
    return None


def _article(
    doc: Any, paragraphs: list[str], captions: set[str], *, url: str, source: str
) -> RawArticle:
    page_url = _text(doc.url) or url
    roles = {i: Role.CAPTION for i, p in enumerate(paragraphs) if p in captions}
    return RawArticle(
        paragraphs=paragraphs,
        title=_text(doc.title),
        outlet=_site_name(doc, page_url) or host_name(page_url or url),
        author=", ".join(a.strip() for a in _text(doc.author).split(";") if a.strip()),
        date=_text(doc.date),
        url=page_url,
        source=source or url or page_url,
        format="html",
        roles=roles,
    )


def _site_name(doc: Any, page_url: str) -> str:
    """The site's name from the page, not trafilatura's stand-in taken from the URL."""
    name = _text(doc.sitename)
    netloc = urlsplit(page_url).netloc.lower().removeprefix("www.")
    return "" if name.lower().removeprefix("www.") == netloc else name


def host_name(url: str) -> str:
    """The host of ``url`` without a leading ``www.``, or ''."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _text(value: object) -> str:
    return _SPACES.sub(" ", str(value)).strip() if value else ""


def _title_hints(tree: HtmlElement) -> tuple[list[str], str, str]:
    """The page's <h1> texts, its Open Graph title and its <title>."""
    h1s = [_text(h1.text_content()) for h1 in tree.iter("h1")]
    og = tree.xpath('//meta[@property="og:title" or @name="twitter:title"]/@content')
    page = tree.find(".//title")
    page_title = _text(page.text_content()) if page is not None else ""
    return [h for h in h1s if h], _text(og[0]) if og else "", page_title


def _choose_title(extracted: str, hints: tuple[list[str], str, str], outlet: str) -> str:
    """trafilatura's title, unless it is a lone <h1> unrelated to the page's own titles.

    A site whose only <h1> is its logo or a section name ("Health Center") gets the
    Open Graph title, else the <title> without the site name.
    """
    h1s, og_title, page_title = hints
    reference = og_title or page_title
    if extracted and (extracted not in h1s or not reference or _agrees(extracted, reference)):
        return extracted
    return og_title or _strip_site(page_title, outlet) or extracted


def _agrees(heading: str, reference: str) -> bool:
    """At least half the words of ``heading`` occur in ``reference``."""
    words = _WORDS.findall(heading.casefold())
    known = set(_WORDS.findall(reference.casefold()))
    return bool(words) and sum(w in known for w in words) * 2 >= len(words)


def _strip_site(title: str, outlet: str) -> str:
    """``Headline | Site`` or ``Site - Headline`` without the site part."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    parts = [p for p in parts if p.casefold() != outlet.casefold()] or parts
    return max(parts, key=lambda p: len(_WORDS.findall(p)))


def _inline_captions(tree: HtmlElement) -> set[str]:
    """Replace each captioned <figure> by a paragraph of its caption (trafilatura drops figures).

    Returns the caption texts, so the extracted paragraphs that are captions can be marked.
    """
    from lxml.html import Element

    captions: set[str] = set()
    for figure in list(tree.iter("figure")):
        caption = figure.find(".//figcaption")
        parent = figure.getparent()
        if caption is None or parent is None or figure.find(".//table") is not None:
            continue
        # spans of a caption ("Credit" "Jane Doe/AP") are words apart, not glued together
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", _text(" ".join(caption.itertext())))
        if not text:
            continue
        paragraph = Element(_CAPTION_TAG)
        paragraph.text = text
        paragraph.tail = figure.tail
        parent.replace(figure, paragraph)
        captions.add(text)
    return captions
