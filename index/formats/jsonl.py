"""JSON Lines: one article per line (title, text, outlet, author, date, url)."""

from __future__ import annotations

import json

from index.formats.text import split_paragraphs
from index.model import IngestError, RawArticle


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object."""
    for line in text.splitlines():
        if line.strip():
            return line.lstrip().startswith("{")
    return False


def parse_jsonl(text: str, *, source: str = "") -> list[RawArticle | IngestError]:
    """Each line an article; a bad line is an error naming its line number, the rest go in."""
    results: list[RawArticle | IngestError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            results.append(IngestError(f"{where}: invalid JSON ({error.msg})"))
            continue
        if not isinstance(record, dict):
            results.append(IngestError(f"{where}: not a JSON object"))
            continue
        body = record.get("text") or record.get("body") or record.get("content") or ""
        if isinstance(body, list):
            paragraphs = [str(p).strip() for p in body if str(p).strip()]
        else:
            paragraphs = split_paragraphs(str(body))
        if not paragraphs:
            results.append(IngestError(f"{where}: empty: no text"))
            continue
        url = str(record.get("url") or record.get("link") or "")
        results.append(
            RawArticle(
                paragraphs=paragraphs,
                title=str(record.get("title") or "").strip(),
                outlet=str(record.get("outlet") or record.get("source") or "").strip(),
                author=_author(record.get("author") or record.get("authors")),
                date=str(record.get("date") or record.get("published") or "").strip(),
                url=url,
                source=url or f"{source}#{record.get('id') or number}",
                format="jsonl",
            )
        )
    return results


def _author(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value or "").strip()
