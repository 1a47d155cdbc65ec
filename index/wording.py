"""Word-level differences inside two matched paragraphs, with the differences that matter named.

Both texts are split into words; a longest-matching-blocks diff (difflib) finds the shared
wording. Each word outside the shared blocks is marked by what kind of change it is: a
number, a qualifier ("more than" vs "about"), a reporting verb ("said" vs "claimed"), a
word inside a quotation, or plain different wording. Spans are character offsets into
each paragraph's text, so a view can style them without re-tokenising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

SAME = "same"
CHANGED = "changed"
NUMBER = "number"
QUALIFIER = "qualifier"
VERB = "verb"
QUOTE = "quote"

QUALIFIERS = frozenset(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
        "more",
        "less",
        "fewer",
        "than",
        "least",
        "most",
        "up",
        "to",
        "only",
        "just",
        "estimated",
        "reportedly",
        "allegedly",
        "possibly",
        "likely",
        "perhaps",
        "at",
        "least",
        "several",
        "dozens",
        "hundreds",
        "thousands",
    ]
)
REPORTING_VERBS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "admit",
        "admits",
        "admitted",
        "insist",
        "insists",
        "insisted",
        "deny",
        "denies",
        "denied",
        "allege",
        "alleges",
        "alleged",
        "argue",
        "argues",
        "argued",
        "state",
        "states",
        "stated",
        "announce",
        "announces",
        "announced",
        "warn",
        "warns",
        "warned",
        "note",
        "notes",
        "noted",
        "add",
        "adds",
        "added",
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "assert",
        "asserts",
        "asserted",
        "declare",
        "declares",
        "declared",
        "suggest",
        "suggests",
        "suggested",
        "concede",
        "concedes",
        "conceded",
        "charge",
        "charges",
        "charged",
        "accuse",
        "accuses",
        "accused",
        "maintain",
        "maintains",
        "maintained",
        "stress",
        "stresses",
        "stressed",
        "confirm",
        "confirms",
        "confirmed",
        "reveal",
        "reveals",
        "revealed",
        "report",
        "reports",
        "reported",
    ]
)

_WORD = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W_](?:[\w'’-]*\w)?")
_QUOTE_SPAN = re.compile(r"[“\"][^”\"]*[”\"]?")


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of one paragraph, and what they are in the comparison."""

    start: int
    end: int
    kind: str


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _key(token: str) -> str:
    return (
        token.lower().replace("’", "'").replace(",", "")
        if token[0].isdigit()
        else token.lower().replace("’", "'")
    )


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]


def _kind(token: str, start: int, quotes: list[tuple[int, int]]) -> str:
    lowered = token.lower()
    if token[0].isdigit():
        return NUMBER
    if lowered in QUALIFIERS:
        return QUALIFIER
    if lowered in REPORTING_VERBS:
        return VERB
    if any(a <= start < b for a, b in quotes):
        return QUOTE
    return CHANGED


def compare(left: str, right: str) -> tuple[list[Span], list[Span]]:
    """Spans of each text: shared wording, and each differing word with its kind."""
    tokens = (_tokens(left), _tokens(right))
    keys = ([_key(t) for *_, t in tokens[0]], [_key(t) for *_, t in tokens[1]])
    quotes = (_quoted(left), _quoted(right))
    spans: tuple[list[Span], list[Span]] = ([], [])
    matcher = SequenceMatcher(None, keys[0], keys[1], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for side, (lo, hi) in enumerate(((i1, i2), (j1, j2))):
            for start, end, token in tokens[side][lo:hi]:
                kind = SAME if tag == "equal" else _kind(token, start, quotes[side])
                _append(spans[side], Span(start, end, kind))
    return spans


def _append(spans: list[Span], span: Span) -> None:
    """Add ``span``, merging it into the previous one of the same kind."""
    if spans and spans[-1].kind == span.kind and span.kind in (SAME, CHANGED, QUOTE):
        previous = spans[-1]
        spans[-1] = Span(previous.start, span.end, span.kind)
    else:
        spans.append(span)
