"""Plain text and Markdown, with or without YAML front matter."""

from __future__ import annotations

import re

import yaml

from index.model import IngestError, RawArticle

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_TERMINAL = (".", "!", "?", ":", '"', "”", "’", "'")

#: Hard-wrapped text wraps at most this wide; longer lines are whole paragraphs.
_MAX_WRAP_WIDTH = 100


def parse_text(text: str, *, source: str = "", markdown: bool = False) -> RawArticle:
    """Split a text file into paragraphs; front matter fills the metadata."""
    meta: dict[str, object] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group("yaml"))
        except yaml.YAMLError as error:
            raise IngestError(f"bad front matter: {str(error).splitlines()[0]}") from None
        if isinstance(loaded, dict):
            meta = loaded
            text = text[match.end() :]
    paragraphs = split_paragraphs(text)
    if markdown:
        paragraphs = [_strip_markdown(p) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise IngestError("empty: no text")
    return RawArticle(
        paragraphs=paragraphs,
        title=_text(meta.get("title")),
        outlet=_text(meta.get("outlet") or meta.get("source") or meta.get("publisher")),
        author=_author(meta.get("author") or meta.get("authors")),
        date=_text(meta.get("date") or meta.get("published")),
        url=_text(meta.get("url") or meta.get("link")),
        source=source,
        format="markdown" if markdown else "text",
    )


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from blank-line blocks; inside a block, lines are joined when hard-wrapped.

    A block whose lines are long (or short but not wrapped) is one paragraph per line, as in
    texts that put each paragraph on its own line with no blank line between.
    """
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text.strip("\n")):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current: list[str] = []
        for i, line in enumerate(lines):
            current.append(line.strip())
            if i + 1 < len(lines) and _wraps_into_next(line, lines[i + 1], width):
                continue
            paragraphs.append(" ".join(current))
            current = []
    return [re.sub(r"[ \t]+", " ", p).strip() for p in paragraphs if p.strip()]


def _wraps_into_next(line: str, following: str, width: int) -> bool:
    if width > _MAX_WRAP_WIDTH or following[:1].isspace() and not line[:1].isspace():
        return False  # long lines are paragraphs; an indented line starts a new one
    if len(line) >= max(40, int(width * 0.75)):
        return True
    # a short line still wraps when the sentence visibly goes on
    return not line.rstrip().endswith(_TERMINAL) and following.lstrip()[:1].islower()


def _strip_markdown(paragraph: str) -> str:
    paragraph = _MD_HEADING.sub("", paragraph)
    paragraph = _MD_LINK.sub(r"\1", paragraph)
    paragraph = _MD_EMPHASIS.sub(r"\2", paragraph)
    return paragraph.strip()


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _author(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v).strip() for v in value if v)
    return _text(value)
