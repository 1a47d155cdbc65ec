"""How likely two paragraphs of different articles of a story report the same fact.

Every paragraph of a story is on its topic, so overlap alone says little; the context
does the rest. For each pair of compatible paragraphs sharing a term or a phrase:

- ``numbers``, ``names``, ``words``: their weighted Dice overlap (``index.align_terms``)
  split by the kind of the shared term: a number, a name (capitalised inside a sentence in
  either), another content word. Their sum is the pair's ``overlap``. A shared number says
  most (two outlets rarely give one number for different facts), a shared name least (every
  lead introduces the same people in full);
- ``phrase``: runs of four words, stop words included, found in both (quotes carried word
  for word, "Tell me who you are"), as ``n / (n + PHRASE_HALF)``;
- ``gap_best``, ``gap_worst``: how far the overlap falls short of the best partner each
  paragraph has in the other article (the smaller and the larger shortfall, both <= 0),
  also judged sentence by sentence: a paragraph's shortfall is the smaller of its own and
  that of its sentence closest to having the pair's other paragraph as its best partner
  (sentences compared by the same weighted Dice), so a paragraph stating two facts can
  have two best partners where another outlet gives each fact its own paragraph;
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
Parts = tuple[float, float, float, float]  # numbers, names, words, phrase
FEATURES = (
    "numbers",
    "names",
    "words",
    "phrase",
    "gap_best",
    "gap_worst",
    "triangle",
    "lead",
    "distance",
)
WEIGHTS = (-3.65, 38.59, 10.38, 14.59, 3.34, 4.65, 1.13, 4.52, 2.42, -0.45)
BODY_ROLES = frozenset({Role.BODY, Role.DEK})
LEAD = 4  # body paragraphs that make the lead
PHRASE_HALF = 4.0  # shared phrases that make the phrase feature 0.5
TRIANGLE = FEATURES.index("triangle")
MIN_OVERLAP = 0.02  # below this, and with no phrase in common, a pair is never linked


def _kind(unit: Unit) -> Role:
    """Headlines are compared only with headlines, captions with captions, the rest together."""
    return unit.role if unit.role in (Role.HEADLINE, Role.CAPTION) else Role.BODY


def overlaps(units: Sequence[Sequence[Unit]]) -> dict[Pair, float]:
    """Weighted Dice overlap of the compatible pairs of different articles worth scoring."""
    return compare(units)[0]


def compare(units: Sequence[Sequence[Unit]]) -> tuple[dict[Pair, float], dict[Pair, Parts]]:
    """Each pair worth scoring (a term overlap of ``MIN_OVERLAP`` or a phrase in common):
    its overlap, and its parts (numbers, names, words, phrase) as the model reads them."""
    found: dict[Pair, float] = {}
    parts: dict[Pair, Parts] = {}
    for left, right in combinations(range(len(units)), 2):
        for a in units[left]:
            weight, terms, kinds = a.weights, a.weights.keys(), a.kinds
            key, kind, phrases = (a.article, a.index), _kind(a), a.phrases
            for b in units[right]:
                if _kind(b) != kind:
                    continue
                shared = [0.0, 0.0, 0.0]
                for term in terms & b.weights.keys():
                    shared[kinds[term]] += weight[term]
                scale = 2 / (a.norm + b.norm or 1.0)
                value = (shared[0] + shared[1] + shared[2]) * scale
                common = 0 if phrases.isdisjoint(b.phrases) else len(phrases & b.phrases)
                if value >= MIN_OVERLAP or common:
                    pair = (key, (b.article, b.index))
                    found[pair] = value
                    parts[pair] = (
                        shared[0] * scale,
                        shared[1] * scale,
                        shared[2] * scale,
                        common / (common + PHRASE_HALF),
                    )
    return found, parts


class _Context:
    """Per paragraph and other article, its overlapping partners; per body paragraph, its place."""

    def __init__(
        self, units: Sequence[Sequence[Unit]], overlap: dict[Pair, float], parts: dict[Pair, Parts]
    ) -> None:
        self.articles = range(len(units))
        self.parts = parts
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
        self.units = {(u.article, u.index): u for column in units for u in column}
        self._sentences(overlap)

    def _sentences(self, overlap: dict[Pair, float]) -> None:
        """Per pair and sentence of each side, its best weighted Dice with a sentence of the
        other; per sentence and other article, the best over that article's paragraphs."""
        self.rows: dict[Pair, list[float]] = {}
        self.sentence_best: dict[tuple[Key, int], list[float]] = {}
        norms = {
            key: [sum(unit.weights[t] for t in s) for s in unit.sentences]
            for key, unit in self.units.items()
        }
        for a, b in overlap:
            weights = self.units[a].weights
            left, right = self.units[a].sentences, self.units[b].sentences
            if len(left) == 1 and len(right) == 1:
                value = overlap[(a, b)]  # one sentence each: the paragraphs' own overlap
                rows, cols = [value], [value]
            else:
                rows, cols = [0.0] * len(left), [0.0] * len(right)
                for i, s in enumerate(left):
                    for j, t in enumerate(right):
                        if s.isdisjoint(t):
                            continue
                        shared = sum(weights[x] for x in s & t)
                        dice = 2 * shared / (norms[a][i] + norms[b][j] or 1.0)
                        rows[i], cols[j] = max(rows[i], dice), max(cols[j], dice)
            self.rows[(a, b)], self.rows[(b, a)] = rows, cols
            for key, other, found in ((a, b[0], rows), (b, a[0], cols)):
                best = self.sentence_best.setdefault((key, other), [0.0] * len(found))
                for i, v in enumerate(found):
                    if v > best[i]:
                        best[i] = v

    def gap(self, a: Key, b: Key, value: float) -> float:
        """How far the pair falls short of ``a``'s best partner in ``b``'s article: the
        smaller of the paragraphs' shortfall and that of ``a``'s sentence closest to being
        won by ``b`` (so a paragraph stating two facts may have two best partners)."""
        gap = value - self.best[(a, b[0])]
        rows, best = self.rows[(a, b)], self.sentence_best[(a, b[0])]
        for row, top in zip(rows, best, strict=True):
            if row > 0 and row - top > gap:
                gap = row - top
        return gap

    def values(self, a: Key, b: Key, value: float) -> list[float]:
        """The features, with the triangle's upper bound in place of the triangle."""
        best = self.best
        gap_a, gap_b = self.gap(a, b, value), self.gap(b, a, value)
        bound = 0.0
        for third in self.articles:
            if third != a[0] and third != b[0]:
                bound = max(bound, min(best.get((a, third), 0.0), best.get((b, third), 0.0)))
        return [*self.parts[(a, b)], max(gap_a, gap_b), min(gap_a, gap_b), bound, *self.place(a, b)]

    def place(self, a: Key, b: Key) -> tuple[float, float]:
        """``lead`` and ``distance``."""
        rank_a, where_a = self.places.get(a, (LEAD, 0.0))
        rank_b, where_b = self.places.get(b, (LEAD, 0.0))
        return max(0.0, 1 - max(rank_a, rank_b) / LEAD), abs(where_a - where_b)

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


def features(units: Sequence[Sequence[Unit]]) -> dict[Pair, list[float]]:
    """The model's features (``FEATURES``) of every pair worth scoring."""
    overlap, parts = compare(units)
    context = _Context(units, overlap, parts)
    found = {}
    for (a, b), value in overlap.items():
        found[(a, b)] = values = context.values(a, b, value)
        values[TRIANGLE] = context.triangle(a, b)
    return found


def scores(
    units: Sequence[Sequence[Unit]], weights: Sequence[float], floor: float
) -> dict[Pair, float]:
    """The probability of every pair that may reach ``floor`` (the others are skipped)."""
    overlap, parts = compare(units)
    context = _Context(units, overlap, parts)
    least = math.log(floor / (1 - floor)) if 0 < floor < 1 else -math.inf
    top: dict[Key, float] = {}
    for (key, _), best in context.best.items():
        top[key] = max(top.get(key, 0.0), best)
    w_parts, w_triangle, w_place = weights[1:5], weights[1 + TRIANGLE], weights[-2:]
    # what the gaps (each between -1 and 0) can add at most
    slack = weights[0] + max(0.0, -weights[5]) + max(0.0, -weights[6])
    found = {}
    for (a, b), value in overlap.items():
        bound = slack + sum(map(mul, w_parts, parts[(a, b)]))
        bound += sum(map(mul, w_place, context.place(a, b)))
        if bound + max(0.0, w_triangle * min(top[a], top[b])) < least:
            continue  # hopeless whatever its gaps and third articles
        values = context.values(a, b, value)
        if w_triangle < 0:
            values[TRIANGLE] = 0.0
        z = logit(values, weights)
        if z < least:
            continue  # even the triangle's upper bound leaves it below
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
