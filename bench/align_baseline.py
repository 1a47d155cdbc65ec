"""The alignment bench's baseline: TF-IDF cosine over a story's paragraphs and one threshold.

Kept apart from ``index.align`` so the baseline stays the same whatever the aligner does:
weights are ``(1 + log tf) * log((N + 1) / (df + 0.5))`` over the story's alignable
paragraphs, a pair of compatible paragraphs (headline with headline, caption with caption,
body with body) is a match when its cosine reaches the threshold, tuned on dev.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

from index.align import Unit, alignable_units
from index.model import Article, Role

Key = tuple[int, int]
THRESHOLDS = [t / 100 for t in range(10, 80, 5)]


def cosines(articles: list[Article]) -> dict[tuple[Key, Key], float]:
    """TF-IDF cosine of every compatible pair of paragraphs of different articles."""
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    flat = [u for column in units for u in column]
    df: Counter[str] = Counter()
    for unit in flat:
        df.update(unit.feats.counts.keys())
    weights: dict[Key, dict[str, float]] = {}
    norms: dict[Key, float] = {}
    for unit in flat:
        key = (unit.article, unit.index)
        weights[key] = {
            word: (1 + math.log(count)) * math.log((len(flat) + 1) / (df[word] + 0.5))
            for word, count in unit.feats.counts.items()
        }
        norms[key] = math.sqrt(sum(w * w for w in weights[key].values())) or 1.0
    scores = {}
    for left, right in combinations(range(len(articles)), 2):
        for a in units[left]:
            for b in units[right]:
                if not _compatible(a, b):
                    continue
                ka, kb = (a.article, a.index), (b.article, b.index)
                wa, wb = weights[ka], weights[kb]
                shared = wa.keys() & wb.keys()
                scores[(ka, kb)] = sum(wa[w] * wb[w] for w in shared) / (norms[ka] * norms[kb])
    return scores


def _compatible(a: Unit, b: Unit) -> bool:
    special = {Role.HEADLINE, Role.CAPTION}
    if a.role in special or b.role in special:
        return a.role is b.role
    return True


def matches(articles: list[Article], threshold: float) -> list[tuple[Key, Key]]:
    """The pairs whose cosine reaches ``threshold``."""
    return [pair for pair, score in cosines(articles).items() if score >= threshold]
