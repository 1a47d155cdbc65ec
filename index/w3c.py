"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

Export is one AnnotationCollection whose ``items`` are the annotations. The label is a
``tagging`` TextualBody and the note, if any, a ``commenting`` one; the creator is a Person
whose ``nickname`` is the user. The target's ``source`` is ``urn:x-parallax:article:ID`` and
its selectors are a TextQuoteSelector and, unless the annotation is an orphan, a
TextPositionSelector over the article's full text (paragraphs joined with "\\n\\n") counted
in UTF-16 code units, as browsers count them.

Import reads a collection (``items`` or ``first.items``), a list, or one annotation. The
target's source may also be an article's URL or source path. An id that is a UUID is kept, so
an export imported again adds nothing; any other id becomes a UUID derived from it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from index.anchoring import Quote
from index.annotations import Annotation, Draft, full_text, locate_full, to_utf16
from index.model import Paragraph

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE_PREFIX = "urn:x-parallax:article:"
_HEX_ID = re.compile(r"^(?:urn:uuid:)?([0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12})$")


def collection(annotations: Sequence[Annotation], texts: dict[str, Sequence[Paragraph]]) -> dict:
    """An AnnotationCollection of ``annotations``; ``texts`` maps article ids to paragraphs."""
    items = [annotation(a, texts[a.article]) for a in annotations]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Parallax annotations",
        "total": len(items),
        "items": items,
    }


def annotation(a: Annotation, paragraphs: Sequence[Paragraph]) -> dict[str, Any]:
    """One annotation as W3C JSON-LD (without the ``@context`` the collection carries)."""
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}
    ]
    if a.paragraph is not None and a.start is not None and a.end is not None:
        text = full_text(paragraphs)
        start, end = locate_full(paragraphs, a.paragraph, a.start, a.end)
        selectors.append(
            {
                "type": "TextPositionSelector",
                "start": to_utf16(text, start),
                "end": to_utf16(text, end),
            }
        )
    body: list[dict[str, str]] = [{"type": "TextualBody", "purpose": "tagging", "value": a.label}]
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/plain",
            }
        )
    return {
        "id": f"urn:uuid:{uuid.UUID(a.id)}" if _HEX_ID.match(a.id) else a.id,
        "type": "Annotation",
        "motivation": "commenting" if a.note else "tagging",
        "creator": {"type": "Person", "nickname": a.user},
        "created": a.created,
        "modified": a.updated,
        "body": body,
        "target": {"source": SOURCE_PREFIX + a.article, "selector": selectors},
    }


def items(data: Any) -> list[Any]:
    """The annotations in a parsed JSON-LD document: a collection, a page, a list or one."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and data.get("type") in ("AnnotationCollection", "AnnotationPage"):
        page = data.get("first", data)
        return list(page.get("items", []) if isinstance(page, dict) else [])
    return [data]


def draft(item: Any) -> Draft:
    """A W3C annotation as a draft to store; ValueError when it cannot be one."""
    if not isinstance(item, dict):
        raise ValueError("an annotation must be a JSON object")
    target = _first(item.get("target"))
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        raise ValueError("the annotation has no target source")
    source = target["source"]
    quote, position = None, None
    for selector in _list(target.get("selector")):
        kind = selector.get("type") if isinstance(selector, dict) else None
        if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            context = (str(selector.get(k) or "") for k in ("prefix", "suffix"))
            quote = Quote(selector["exact"], *context)
        elif kind == "TextPositionSelector":
            try:
                position = (int(selector["start"]), int(selector["end"]))
            except (KeyError, TypeError, ValueError):
                raise ValueError("a TextPositionSelector needs a start and an end") from None
    if quote is None and position is None:
        raise ValueError("the annotation has no text selector")
    label, note = _bodies(item)
    made = Draft(
        article=source.removeprefix(SOURCE_PREFIX),
        label=label,
        note=note,
        user=_creator(item.get("creator")),
        position=position,
        quote=quote,
        created=str(item.get("created") or ""),
        updated=str(item.get("modified") or ""),
    )
    if item.get("id"):
        made.id = _local_id(str(item["id"]))
    return made


def _bodies(item: dict[str, Any]) -> tuple[str, str]:
    """(label, note): the first tagging body, and the other textual bodies joined."""
    tags: list[str] = []
    notes: list[str] = []
    for body in _list(item.get("body")):
        if isinstance(body, str):
            notes.append(body)
        elif isinstance(body, dict) and isinstance(body.get("value"), str):
            (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    motivation = _first(item.get("motivation"))
    label = tags[0] if tags else str(motivation or "annotation")
    return label, "\n\n".join(tags[1:] + notes)


def _creator(creator: Any) -> str:
    creator = _first(creator)
    if isinstance(creator, dict):
        return str(creator.get("nickname") or creator.get("name") or creator.get("id") or "")
    return str(creator or "")


def _local_id(external: str) -> str:
    match = _HEX_ID.match(external)
    if match:
        return match.group(1).replace("-", "").lower()
    return uuid.uuid5(uuid.NAMESPACE_URL, external).hex


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value
