"""Where sentences of news text begin: after . ! or ? and a space, before a capital or an
opening quote, unless the full stop ends an abbreviation ("Mr.", "Sen.") or an initial
("U.S.", "J."). Claims blank sentences by these bounds; alignment compares them."""

from __future__ import annotations

import re

_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
#: A full stop after these ends no sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt st jr sr prof rev no vs inc".split()  # noqa: SIM905
)


def sentence_bounds(text: str) -> list[int]:
    """0, where each later sentence starts, and ``len(text)``."""
    bounds = [0]
    for match in _BREAK.finditer(text):
        word = text[max(0, match.start() - 12) : match.start()].split()[-1:] or [""]
        bare = word[0].lstrip("(\"“'").rstrip(".!?")
        if not (bare.lower() in ABBREVIATIONS or len(bare) <= 1 or "." in bare):
            bounds.append(match.end())
    bounds.append(len(text))
    return bounds
