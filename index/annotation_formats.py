"""Annotation files: reading an import, writing the brat standoff and CSV exports.

Import: a file that is one JSON document is W3C JSON-LD (``index.w3c``). Otherwise each line
is a JSON object: a W3C annotation, or ``{"article", "paragraph", "start", "end", "label",
"note"}`` with ``user``, ``exact`` and ``id`` optional, so ``parallax annotations --json``
output (one object per line) imports too. When ``exact`` differs from the text at the
offsets, or there are none (an orphan), the quote is looked for instead.

brat standoff, per article: the ``.txt`` is the article's full text (paragraphs joined with
"\\n\\n") and each ``.ann`` line ``T1<TAB>label start end<TAB>text`` counts characters of it
(Python ``str`` indices, as brat does); a note is ``#1<TAB>AnnotatorNotes T1<TAB>note``.
brat labels cannot hold spaces, so spaces become ``_``. Orphans have no place there.

CSV: one row per annotation, orphans included (``orphan`` is true or false, their offsets
empty), with the quote's prefix and suffix.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from index import w3c
from index.anchoring import Quote
from index.annotations import Annotation, Draft, full_text, locate_full
from index.model import Paragraph

CSV_FIELDS = (
    "id", "article", "paragraph", "start", "end", "exact", "prefix", "suffix", "label", "note",
    "user", "created", "updated", "orphan",
)  # fmt: skip
_HEX = frozenset("0123456789abcdef")

Numbered = list[tuple[int, Any]]


def read_import(text: str) -> tuple[list[tuple[int, Draft]], list[tuple[int, str]]]:
    """Drafts and errors, each numbered by its line (or, in a JSON document, its item)."""
    try:
        records: Numbered = list(enumerate(w3c.items(json.loads(text)), start=1))
    except json.JSONDecodeError:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    records.append((number, ValueError(f"not JSON: {error.msg}")))
    drafts, errors = [], []
    for number, record in records:
        try:
            if isinstance(record, Exception):
                raise record
            drafts.append((number, _draft(record)))
        except ValueError as error:
            errors.append((number, str(error)))
    return drafts, errors


def brat(annotations: Sequence[Annotation], paragraphs: Sequence[Paragraph]) -> tuple[str, str]:
    """(text, standoff) for one article's annotations; orphans are left out."""
    text = full_text(paragraphs)
    lines, notes = [], 0
    placed = [a for a in annotations if not a.orphan]
    for number, a in enumerate(placed, start=1):
        assert a.paragraph is not None and a.start is not None and a.end is not None
        start, end = locate_full(paragraphs, a.paragraph, a.start, a.end)
        label = "_".join(a.label.split())
        lines.append(f"T{number}\t{label} {start} {end}\t{_one_line(text[start:end])}")
        if a.note:
            notes += 1
            lines.append(f"#{notes}\tAnnotatorNotes T{number}\t{_one_line(a.note)}")
    return text, "".join(line + "\n" for line in lines)


def write_csv(annotations: Sequence[Annotation], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for a in annotations:
        row = {**a.to_json(), "prefix": a.prefix, "suffix": a.suffix, "updated": a.updated}
        row["orphan"] = "true" if a.orphan else "false"
        writer.writerow({k: "" if row[k] is None else row[k] for k in CSV_FIELDS})


def _draft(record: Any) -> Draft:
    if not isinstance(record, dict):
        raise ValueError("each line must be a JSON object")
    if "target" in record:
        return w3c.draft(record)
    exact = record.get("exact")
    offsets: tuple[int | None, ...] = (None, None, None)
    for key in ("article", "label") if exact else ("article", "label", "paragraph"):
        if record.get(key) in (None, ""):
            raise ValueError(f"{key!r} is missing")
    if record.get("paragraph") is not None:  # else an orphan: its quote alone
        try:
            offsets = tuple(int(record[k]) for k in ("paragraph", "start", "end"))
        except (KeyError, TypeError, ValueError):
            raise ValueError("paragraph, start and end must be whole numbers") from None
    paragraph, start, end = offsets
    made = Draft(
        article=str(record["article"]),
        label=str(record["label"]),
        note=str(record.get("note") or ""),
        user=str(record.get("user") or ""),
        paragraph=paragraph,
        start=start,
        end=end,
        quote=Quote(exact) if isinstance(exact, str) and exact else None,
        created=str(record.get("created") or ""),
    )
    given = str(record.get("id") or "")
    if len(given) == 32 and set(given) <= _HEX:
        made.id = given
    return made


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")).replace("\t", " ")
