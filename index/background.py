"""How common a word is in English at large, for weighting words in a small library.

A library of three articles cannot say which of their words are rare: every shared word
looks common. ``wordfreq`` (a maintained package of word frequencies from many sources)
gives the general background; it is imported on first use, never at start-up.
"""

from __future__ import annotations

import math
from functools import lru_cache

#: Words in a typical news article, to turn a word's frequency into "share of articles".
ARTICLE_WORDS = 400


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English table, read once (a dict lookup beats its per-word tokenizer)."""
    from wordfreq import get_frequency_dict

    return dict(get_frequency_dict("en"))


@lru_cache(maxsize=200_000)
def document_share(word: str) -> float:
    """The estimated share of English news articles containing ``word`` (0 to 1)."""
    frequency = _frequencies().get(word.lower(), 0.0)
    return 1.0 - math.exp(-frequency * ARTICLE_WORDS)
