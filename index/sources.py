"""Inputs to articles: expand paths and URLs, sniff each format, and parse it.

Each input yields parsed articles or one-line errors; nothing here touches the library.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from index.formats.jsonl import looks_like_jsonl, parse_jsonl
from index.formats.text import parse_text
from index.model import IngestError, RawArticle
from index.textclean import decode_bytes, is_binary, normalize_text

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
MAX_JSONL_BYTES = 4 * 1024 * 1024 * 1024

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "a program",
}


@dataclass(slots=True)
class Parsed:
    """What one input gave: its name for messages, and articles or errors in order."""

    name: str
    items: list[RawArticle | IngestError]


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Paths and URLs in order; folders become their files (recursively, sorted, no dotfiles)."""
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield item


def parse_input(name: str, fetch: Callable[..., object] | None = None) -> Parsed:
    """Read and parse one path or URL; every failure becomes an IngestError, never a raise."""
    try:
        if is_url(name):
            return Parsed(name, _parse_url(name, fetch))
        return Parsed(name, _parse_file(Path(name).expanduser(), fetch))
    except IngestError as error:
        return Parsed(name, [error])
    except Exception as error:  # noqa: BLE001 - a parser bug must not stop the batch
        return Parsed(name, [IngestError(f"cannot read: {type(error).__name__}: {error}")])


def _parse_file(path: Path, fetch: Callable[..., object] | None) -> list[RawArticle | IngestError]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("not found") from None
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}") from None
    if not path.is_file():
        raise IngestError("not a regular file")
    jsonl = path.suffix.lower() in {".jsonl", ".ndjson"}
    limit = MAX_JSONL_BYTES if jsonl else MAX_ARTICLE_BYTES
    if size > limit:
        raise IngestError(f"too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)")
    if size == 0:
        raise IngestError("empty file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}") from None
    return parse_bytes(data, source=str(path.resolve()), suffix=path.suffix.lower(), fetch=fetch)


def _parse_url(url: str, fetch: Callable[..., object] | None) -> list[RawArticle | IngestError]:
    from index.fetch import fetch_url

    result = fetch_url(url, max_bytes=MAX_ARTICLE_BYTES)
    suffix = Path(result.url.split("?", 1)[0]).suffix.lower()
    return parse_bytes(
        result.body, source=result.url, suffix=suffix, url=result.url, fetch=fetch or fetch_url
    )


def parse_bytes(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    url: str = "",
    fetch: Callable[..., object] | None = None,
) -> list[RawArticle | IngestError]:
    """Sniff the format of ``data`` and parse it into articles."""
    if not data.strip():
        raise IngestError("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"not an article: binary file ({what})")
    if is_binary(data):
        raise IngestError("not an article: binary file")
    from index.formats.feed import looks_like_feed
    from index.formats.html import looks_like_html

    if looks_like_feed(data):
        from index.fetch import fetch_url
        from index.formats.feed import parse_feed

        return list(parse_feed(data, url=url, source=source, fetch=fetch or fetch_url))  # type: ignore[arg-type]
    if suffix in {".html", ".htm", ".xhtml"} or looks_like_html(data):
        from index.formats.html import parse_html

        article = parse_html(data, url=url, source=source)
        return [article]
    text = normalize_text(decode_bytes(data))
    if suffix in {".jsonl", ".ndjson"} or looks_like_jsonl(text):
        return list(parse_jsonl(text, source=source))
    if suffix == ".json":
        raise IngestError("not an article: a JSON document (use JSON Lines, one article a line)")
    raw = parse_text(text, source=source, markdown=suffix in {".md", ".markdown"})
    raw.url = raw.url or url
    return [raw]
