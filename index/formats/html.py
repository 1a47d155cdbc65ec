"""Web pages: the main text and metadata of an article, extracted with trafilatura.

trafilatura and lxml are imported inside the functions: they are slow to import and only
needed when a page is actually parsed.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from index.model import IngestError, RawArticle, Role

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|p)[\s>/]", re.IGNORECASE)
_LEADING = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*", re.DOTALL)
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_TITLE_SEPARATOR = re.compile(r"\s+[|·•»—–-]\s+")
#: A line break (<br>) after a sentence ends a paragraph; other line breaks are spaces.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?:\"”’)])\s*\n")

#: Tags of trafilatura's XML that hold blocks of their own rather than running text.
_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "div", "table", "row", "cell"})
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
    if tree is None:
        raise IngestError("not an article: broken HTML")
    hints = _title_hints(tree)
    captions = _inline_captions(tree)
    extracted = _extract(tree, url)
    if extracted is None:
        raise IngestError("not an article: no main text found")
    article = _article(*extracted, captions, url=url, source=source)
    article.title = _choose_title(article.title, hints, article.outlet)
    return article


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
        paragraphs = _paragraphs(body) if body is not None else []
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


def _paragraphs(body: Any) -> list[str]:
    """Paragraph texts of trafilatura's XML body in document order."""
    blocks: list[str] = []
    _collect(body, blocks)
    paragraphs: list[str] = []
    for block in blocks:
        for part in _SENTENCE_BREAK.split(block):
            text = _SPACES.sub(" ", part).strip()
            if text:
                paragraphs.append(text)
    return paragraphs


def _collect(element: Any, blocks: list[str]) -> None:
    """Append the text runs under ``element``, one per innermost block, in document order."""
    run = [_flat(element.text)]
    for child in element:
        if child.tag in _BLOCK_TAGS:
            blocks.append("".join(run))
            run = []
            _collect(child, blocks)
        else:
            run.append("\n" if child.tag == "lb" else _inner_text(child))
        run.append(_flat(child.tail))
    blocks.append("".join(run))


def _inner_text(element: Any) -> str:
    """Text of an inline element, with trafilatura's line breaks (<lb/>) as newlines."""
    parts = [_flat(element.text)]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inner_text(child))
        parts.append(_flat(child.tail))
    return "".join(parts)


def _flat(text: str | None) -> str:
    """A text node with its source line breaks as spaces."""
    return _SPACES.sub(" ", text) if text else ""
