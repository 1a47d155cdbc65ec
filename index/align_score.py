"""How likely two paragraphs of different articles of a story report the same fact.

Every paragraph of a story is on its topic, so overlap alone says little; the context
does the rest. For each pair of compatible paragraphs sharing a term:

- ``overlap``: weighted Dice overlap of their terms (``index.align_terms``);
- ``gap_best``, ``gap_worst``: how far the overlap falls short of the best partner each
  paragraph has in the other article (the smaller and the larger shortfall, both <= 0);
- ``triangle``: the strongest confirmation by a third article, the largest
  ``min(overlap(a, c), overlap(b, c))`` over its paragraphs ``c``;
- ``lead``: how early the later of the two comes in its article's body, from 1 (both
  first) to 0 (fifth or later): the main fact goes first;
- ``distance``: how far apart they are in their articles (relative positions, 0 to 1).

A logistic model combines them. ``WEIGHTS`` were fitted on the dev part of the gold
alignments by ``bench/align_tune.py`` (sure links positive, possible ones positive at
half weight, no link negative); the intercept comes first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations
from operator import mul
from typing import TYPE_CHECKING

from index.model import Role

if TYPE_CHECKING:
    from index.align import Unit

Key = tuple[int, int]  # (article position, paragraph index)
Pair = tuple[Key, Key]
FEATURES = ("overlap", "gap_best", "gap_worst", "triangle", "lead", "distance")
WEIGHTS = (-3.44, 14.08, 2.81, 1.65, 4.48, 1.77, -0.86)
BODY_ROLES = frozenset({Role.BODY, Role.DEK})
LEAD = 4  # body paragraphs that make the lead
TRIANGLE = FEATURES.index("triangle")
MIN_OVERLAP = 0.02  # below this a pair is never linked (dropping these changes no dev link)


def _kind(unit: Unit) -> Role:
    """Headlines are compared only with headlines, captions with captions, the rest together."""
    return unit.role if unit.role in (Role.HEADLINE, Role.CAPTION) else Role.BODY


def overlaps(units: Sequence[Sequence[Unit]]) -> dict[Pair, float]:
    """Weighted Dice overlap of the compatible pairs of different articles, if not tiny."""
    found: dict[Pair, float] = {}
    for left, right in combinations(range(len(units)), 2):
        for a in units[left]:
            weight, terms, key, kind = a.weights, a.weights.keys(), (a.article, a.index), _kind(a)
            for b in units[right]:
                shared = terms & b.weights.keys()
                if not shared or _kind(b) != kind:
                    continue
                value = 2 * sum(map(weight.__getitem__, shared)) / (a.norm + b.norm)
                if value >= MIN_OVERLAP:
                    found[(key, (b.article, b.index))] = value
    return found


class _Context:
    """Per paragraph and other article, its overlapping partners; per body paragraph, its place."""

    def __init__(self, units: Sequence[Sequence[Unit]], overlap: dict[Pair, float]) -> None:
        self.articles = range(len(units))
        self.partners: dict[tuple[Key, int], dict[Key, float]] = {}
        for (a, b), value in overlap.items():
            self.partners.setdefault((a, b[0]), {})[b] = value
            self.partners.setdefault((b, a[0]), {})[a] = value
        self.ranked = {
            key: sorted(values.items(), key=lambda kv: -kv[1])
            for key, values in self.partners.items()
        }
        self.best = {key: ranked[0][1] for key, ranked in self.ranked.items()}
        self.places = _places(units)

    def values(self, a: Key, b: Key, value: float) -> list[float]:
        """The features, with the triangle's upper bound in place of the triangle."""
        best = self.best
        gap_a, gap_b = value - best[(a, b[0])], value - best[(b, a[0])]
        bound = 0.0
        for third in self.articles:
            if third != a[0] and third != b[0]:
                bound = max(bound, min(best.get((a, third), 0.0), best.get((b, third), 0.0)))
        rank_a, where_a = self.places.get(a, (LEAD, 0.0))
        rank_b, where_b = self.places.get(b, (LEAD, 0.0))
        lead = max(0.0, 1 - max(rank_a, rank_b) / LEAD)
        return [value, max(gap_a, gap_b), min(gap_a, gap_b), bound, lead, abs(where_a - where_b)]

    def triangle(self, a: Key, b: Key) -> float:
        """The largest ``min(overlap(a, c), overlap(b, c))`` over third articles' ``c``."""
        found = 0.0
        for third in self.articles:
            if third == a[0] or third == b[0]:
                continue
            via_b = self.partners.get((b, third))
            for c, value in self.ranked.get((a, third), ()):
                if value <= found or not via_b:
                    break  # a's partners come strongest first: none left can do better
                found = max(found, min(value, via_b.get(c, 0.0)))
        return found


def features(
    units: Sequence[Sequence[Unit]], overlap: dict[Pair, float]
) -> dict[Pair, list[float]]:
    """The model's features (``FEATURES``) of every pair that has an overlap."""
    context = _Context(units, overlap)
    found = {}
    for (a, b), value in overlap.items():
        found[(a, b)] = values = context.values(a, b, value)
        values[TRIANGLE] = context.triangle(a, b)
    return found


def scores(
    units: Sequence[Sequence[Unit]], weights: Sequence[float], floor: float
) -> dict[Pair, float]:
    """The probability of every pair that may reach ``floor`` (the others are skipped)."""
    overlap = overlaps(units)
    context = _Context(units, overlap)
    least = math.log(floor / (1 - floor)) if 0 < floor < 1 else -math.inf
    top: dict[Key, float] = {}
    for (key, _), best in context.best.items():
        top[key] = max(top.get(key, 0.0), best)
    # what the features other than the overlap can add at most (gaps <= 0, 0 <= others <= 1)
    w_overlap, w_gap_best, w_gap_worst, w_triangle, w_lead, w_distance = weights[1:]
    slack = weights[0] + max(0.0, -w_gap_best) + max(0.0, -w_gap_worst)
    slack += max(0.0, w_lead) + max(0.0, w_distance)
    found = {}
    for (a, b), value in overlap.items():
        if slack + w_overlap * value + max(0.0, w_triangle * min(top[a], top[b])) < least:
            continue
        values = context.values(a, b, value)
        z = logit(values, weights)
        if w_triangle >= 0 and z < least:
            continue  # even the triangle's upper bound would not lift it to the floor
        z += w_triangle * (context.triangle(a, b) - values[TRIANGLE])
        found[(a, b)] = _sigmoid(z)
    return found


def _places(units: Sequence[Sequence[Unit]]) -> dict[Key, tuple[int, float]]:
    """Each body paragraph's rank among its article's body paragraphs, and that rank / last."""
    places = {}
    for column in units:
        body = sorted((u for u in column if u.role in BODY_ROLES), key=lambda u: u.index)
        for rank, unit in enumerate(body):
            places[(unit.article, unit.index)] = (rank, rank / max(1, len(body) - 1))
    return places


def logit(values: Sequence[float], weights: Sequence[float] = WEIGHTS) -> float:
    """The model's log-odds that a pair with these feature values reports one fact."""
    return weights[0] + sum(map(mul, weights[1:], values))


def probability(values: Sequence[float], weights: Sequence[float] = WEIGHTS) -> float:
    """The model's probability that a pair with these feature values reports one fact."""
    return _sigmoid(logit(values, weights))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
