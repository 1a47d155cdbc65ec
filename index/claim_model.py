"""Claims as plain data: a quote, an indirect statement or a number, where it is, who said it.

Offsets are characters of one paragraph's text. ``start:end`` is the claim's content (for a
quote, the quoted words with their marks; for a quote interrupted by its attribution, from
the first mark to the last, with ``parts`` holding each quoted piece). The speaker and cue
spans may lie in another paragraph when a quote continues across paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUOTE = "quote"
STATEMENT = "statement"
NUMBER = "number"

#: Where a direct quote's attribution stands relative to the quoted words.
BEFORE, AFTER, INSIDE, CONTINUED, NONE = "before", "after", "inside", "continued", "none"

Span = tuple[int, int, int]  # (paragraph, start, end)


@dataclass(slots=True)
class Claim:
    """One claim in one article; ``cluster`` and the comparison fields are set per story."""

    article: str
    seq: int
    kind: str
    text: str
    paragraph: int
    start: int
    end: int
    speaker: str = ""
    cue: str = ""
    source: Span | None = None  # the speaker as written ("he", "the Quad ministers")
    cue_span: Span | None = None
    shape: str = NONE
    parts: list[tuple[int, int]] = field(default_factory=list)
    qualifier: str = ""
    value: float | None = None
    upper: float | None = None  # a range's top ("between 150 and 200")
    unit: str = ""
    counted: str = ""
    context: str = ""
    outlet: str = ""
    cluster: str = ""
    conflict: str = ""
    differences: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.article}:{self.seq}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "speaker": self.speaker,
            "cue": self.cue,
            "article": self.article,
            "outlet": self.outlet,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "shape": self.shape,
            "cluster": self.cluster,
            "conflict": self.conflict,
            "differences": self.differences,
        }
        if self.kind == NUMBER:
            data |= {
                "qualifier": self.qualifier,
                "value": self.value,
                "upper": self.upper,
                "unit": self.unit,
                "counted": self.counted,
            }
        return data
