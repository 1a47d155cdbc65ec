"""Plain text and Markdown, with or without YAML front matter.

Front matter is read without aliases (a "billion laughs" document cannot grow) and without
YAML's own timestamps (a bad date is text for the date parser, not a ValueError), up to
MAX_FRONT_MATTER characters.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from index.formats.fields import author_field, date_field, text_field
from index.model import IngestError, RawArticle

MAX_FRONT_MATTER = 64 * 1024

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?:(?P<yaml>.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
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
        loaded = _load_front_matter(match.group("yaml") or "")
        if isinstance(loaded, dict) or loaded is None:  # None: an empty block
            meta = {str(k): v for k, v in (loaded or {}).items()}
            text = text[match.end() :]
    paragraphs = split_paragraphs(text)
    if markdown:
        paragraphs = [_strip_markdown(p) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise IngestError("empty: no text")
    return RawArticle(
        paragraphs=paragraphs,
        title=text_field(meta, "title"),
        outlet=text_field(meta, "outlet", "source", "publisher"),
        author=author_field(meta, "author", "authors"),
        date=date_field(meta, "date", "published"),
        url=text_field(meta, "url", "link"),
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


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing aliases and reading timestamps as plain strings."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed")
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_front_matter(block: str) -> object:
    if len(block) > MAX_FRONT_MATTER:
        raise IngestError(f"bad front matter: longer than {MAX_FRONT_MATTER // 1024} KB")
    try:
        return yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise IngestError(f"bad front matter: {str(error).splitlines()[0]}") from None
    except (ValueError, TypeError, RecursionError) as error:  # odd tags, deep nesting
        raise IngestError(f"bad front matter: {type(error).__name__}") from None
