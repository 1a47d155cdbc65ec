"""JSON Lines: one article per line (title, text, outlet, author, date, url).

Lines are split on "\\n" only: U+2028, U+2029 and U+0085 are legal inside JSON strings.
A line without a url is known by its ``id``, else by its title (when no other line in the
file has that title), else by its text: never by its line number, which changes when
lines are added above it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from index.formats.fields import author_field, date_field, text_field
from index.formats.text import split_paragraphs
from index.model import IngestError, RawArticle


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object."""
    for line in text.split("\n"):
        if line.strip():
            return line.lstrip().startswith("{")
    return False


def parse_jsonl(text: str, *, source: str = "") -> list[RawArticle | IngestError]:
    """Each line an article; a bad line is an error naming its line number, the rest go in."""
    records: list[tuple[int, dict[str, object]] | IngestError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            records.append(IngestError(f"line {number}: invalid JSON ({error.msg})"))
            continue
        if not isinstance(record, dict):
            records.append(IngestError(f"line {number}: not a JSON object"))
            continue
        records.append((number, record))
    titles = Counter(text_field(r[1], "title") for r in records if not isinstance(r, IngestError))
    results: list[RawArticle | IngestError] = []
    for item in records:
        if isinstance(item, IngestError):
            results.append(item)
        else:
            results.append(_article(*item, source=source, titles=titles))
    return results


def _article(
    number: int, record: dict[str, object], *, source: str, titles: Counter[str]
) -> RawArticle | IngestError:
    where = f"line {number}"
    body = record.get("text") or record.get("body") or record.get("content") or ""
    if isinstance(body, list):
        paragraphs = [p.strip() for p in body if isinstance(p, str) and p.strip()]
    elif isinstance(body, str):
        paragraphs = split_paragraphs(body)
    else:
        return IngestError(f"{where}: no text (the text field is a {type(body).__name__})")
    if not paragraphs:
        return IngestError(f"{where}: empty: no text")
    url = text_field(record, "url", "link")
    title = text_field(record, "title")
    return RawArticle(
        paragraphs=paragraphs,
        title=title,
        outlet=text_field(record, "outlet", "source"),
        author=author_field(record, "author", "authors"),
        date=date_field(record, "date", "published"),
        url=url,
        source=url or f"{source}#{_key(record, title, paragraphs, titles)}",
        format="jsonl",
    )


def _key(record: dict[str, object], title: str, paragraphs: list[str], titles: Counter[str]) -> str:
    """What names a line without a url inside its file, stable when other lines move."""
    given = record.get("id")
    if isinstance(given, str | int) and not isinstance(given, bool) and str(given).strip():
        return str(given).strip()
    if title and titles[title] == 1:
        return "title:" + _digest(title)
    return "text:" + _digest("\n".join([title, *paragraphs]))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
