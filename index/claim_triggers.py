"""Which sentences of a paragraph are worth parsing for claims, the rest blanked out.

Parsing is most of the cost of finding claims, and most sentences hold none. A sentence is
kept when it has a quotation mark, a number (not a year), a reporting verb, or lies inside
a quote; the others are replaced by spaces, so character offsets stay those of the
paragraph and the parser spends almost nothing on them.
"""

from __future__ import annotations

import re

from index.claim_cues import CUE_FORMS, word_set
from index.claim_quotes import quote_spans
from index.sentences import sentence_bounds

#: Reporting-verb forms more often nouns ("the United States", "a plan"): no reason to parse.
_HOMOGRAPHS = word_set(
    """state states plan plans post posts tweet tweets report question questions charge
    charges attack attacks term terms call calls offer offers demand demands comment
    comments answer answers promise promises estimate estimates signal signals label labels
    brand counter find show shows know feel hope hopes fear fears doubt doubts"""
)
TRIGGER_WORDS = (CUE_FORMS - _HOMOGRAPHS) | {"according"}
_MARK_OR_NUMBER = re.compile(r"[\"“”«»]|''|(?<![\w,.])(?!(?:1[89]|20)\d\d\b)\d")
_WORD = re.compile(r"[A-Za-z]+")


def _triggered(text: str, start: int, end: int) -> bool:
    if _MARK_OR_NUMBER.search(text, start, end):
        return True
    return any(m.group().lower() in TRIGGER_WORDS for m in _WORD.finditer(text, start, end))


def parse_text(text: str) -> str | None:
    """The paragraph with its claim-free sentences blanked out; None when all are."""
    if not _triggered(text, 0, len(text)):
        return None
    quotes = quote_spans(text)
    bounds = sentence_bounds(text)
    pieces = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        keep = _triggered(text, a, b) or any(q.start < b and a < q.end for q in quotes)
        pieces.append(text[a:b] if keep else " " * (b - a))
    return "".join(pieces)
