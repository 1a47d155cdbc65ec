"""The labels an annotation can take from the keyboard, and their short tags for the gutter.

Built in: the entity types (person, organisation, place), claim, and note (which asks for
its text). The user's own labels come from the config file (``[annotation] labels``), on the
keys ``1`` to ``9``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.annotations import clean_label


@dataclass(frozen=True, slots=True)
class LabelKey:
    """A key that labels the selection: its label, a short tag, and whether it asks a note."""

    key: str
    label: str
    tag: str
    asks_note: bool = False


BUILT_IN = (
    LabelKey("p", "person", "pers"),
    LabelKey("o", "organisation", "org"),
    LabelKey("g", "place", "plac"),
    LabelKey("c", "claim", "clm"),
    LabelKey("n", "note", "note", asks_note=True),
)
_TAGS = {k.label: k.tag for k in BUILT_IN}
TAG_WIDTH = 4


def user_labels(labels: Sequence[str]) -> tuple[LabelKey, ...]:
    """The config's labels on keys 1-9 (blank and repeated ones dropped)."""
    seen: set[str] = {k.label for k in BUILT_IN}
    keys: list[LabelKey] = []
    for raw in labels:
        label = clean_label(raw)
        if label and label not in seen and len(keys) < 9:
            seen.add(label)
            keys.append(LabelKey(str(len(keys) + 1), label, tag_for(label)))
    return tuple(keys)


def tag_for(label: str) -> str:
    """A label's gutter tag: a built-in one, else its first letters."""
    return _TAGS.get(label) or clean_label(label)[:TAG_WIDTH].lower()


def keys_help(keys: Sequence[LabelKey]) -> str:
    """``p person · o organisation · …`` for the status line."""
    return " · ".join(f"{k.key} {k.label}" for k in keys)
