"""Link the paragraphs of a story's articles that report the same fact, in any order.

Every pair of articles is compared paragraph by paragraph. A pair's score is the TF-IDF
cosine of their content words, with inverse document frequencies taken over the story's
own paragraphs (so the story's topic words, shared by everything, weigh little), plus
bonuses for the specifics that carry the signal: shared names, shared numbers and shared
runs of wording (quotes). A pair scoring above ``match`` that is also close to the best
partner either paragraph has becomes a ``match`` link (one-to-many allowed: an outlet may
split a fact over two paragraphs); a weaker pair above ``related`` becomes ``related``.
Headlines align only with headlines, captions with captions; bylines and boilerplate are
left out. Each paragraph's coverage says how many of the other articles carry it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from index.features import Features, features
from index.model import Article, Role

ALIGNED_ROLES = frozenset({Role.HEADLINE, Role.DEK, Role.BODY, Role.CAPTION})
TITLE_INDEX = -1  # the unit standing for an article's title when no paragraph is its headline


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Thresholds and weights, tuned on the dev part of the gold alignments."""

    match: float = 0.20
    related: float = 0.12
    competitive: float = 0.7
    names: float = 0.15
    numbers: float = 0.10
    wording: float = 0.15
    max_related: int = 2


DEFAULT_PARAMS = AlignParams()


@dataclass(slots=True)
class Unit:
    """One alignable paragraph: its article (position in the story) and its index."""

    article: int
    index: int
    role: Role
    text: str
    feats: Features
    trigrams: set[tuple[str, str, str]] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0


@dataclass(frozen=True, slots=True)
class Link:
    """Two paragraphs of different articles: ``a`` and ``b`` are (article, paragraph)."""

    a: tuple[int, int]
    b: tuple[int, int]
    score: float
    kind: str  # "match" or "related"


@dataclass(slots=True)
class Alignment:
    """A story's articles, their alignable paragraphs, the links and coverage marks."""

    articles: list[Article]
    units: list[list[Unit]]
    links: list[Link]
    coverage: dict[tuple[int, int], str]

    def matches(self) -> list[Link]:
        return [link for link in self.links if link.kind == "match"]

    def to_json(self) -> dict[str, Any]:
        articles = []
        for position, article in enumerate(self.articles):
            paragraphs = [
                {
                    "index": u.index,
                    "role": str(u.role),
                    "text": u.text,
                    "coverage": self.coverage.get((position, u.index), "only"),
                }
                for u in self.units[position]
            ]
            articles.append(
                {
                    "id": article.id,
                    "outlet": article.outlet,
                    "title": article.title,
                    "paragraphs": paragraphs,
                }
            )
        links = [
            {
                "a": {"article": self.articles[link.a[0]].id, "paragraph": link.a[1]},
                "b": {"article": self.articles[link.b[0]].id, "paragraph": link.b[1]},
                "score": round(link.score, 4),
                "kind": link.kind,
            }
            for link in self.links
        ]
        return {"articles": articles, "links": links}


def alignable_units(article: Article, position: int) -> list[Unit]:
    """The paragraphs alignment looks at; the title stands in when no headline paragraph."""
    units = [
        Unit(position, p.index, p.role, p.text, features(p.text))
        for p in article.paragraphs
        if p.role in ALIGNED_ROLES
    ]
    if article.title and not any(u.role is Role.HEADLINE for u in units):
        units.insert(
            0, Unit(position, TITLE_INDEX, Role.HEADLINE, article.title, features(article.title))
        )
    return units


def align(articles: list[Article], params: AlignParams = DEFAULT_PARAMS) -> Alignment:
    """Align two or more articles of one story."""
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    _weigh([u for column in units for u in column])
    links: list[Link] = []
    for left, right in combinations(range(len(articles)), 2):
        links.extend(_pair_links(units[left], units[right], params))
    return Alignment(articles, units, links, _coverage(units, links))


def _weigh(units: list[Unit]) -> None:
    """TF-IDF weights over the story's paragraphs, and each paragraph's word trigrams."""
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.feats.counts.keys())
    total = len(units)
    for unit in units:
        unit.weights = {
            word: (1 + math.log(count)) * math.log((total + 1) / (df[word] + 0.5))
            for word, count in unit.feats.counts.items()
        }
        unit.norm = math.sqrt(sum(w * w for w in unit.weights.values())) or 1.0
        sequence = unit.feats.sequence
        unit.trigrams = {tuple(sequence[i : i + 3]) for i in range(len(sequence) - 2)}  # type: ignore[misc]


def _compatible(a: Unit, b: Unit) -> bool:
    if a.role is Role.HEADLINE or b.role is Role.HEADLINE:
        return a.role is b.role
    if a.role is Role.CAPTION or b.role is Role.CAPTION:
        return a.role is b.role
    return True


def similarity(a: Unit, b: Unit, params: AlignParams = DEFAULT_PARAMS) -> float:
    """How strongly two paragraphs report the same thing (0 = nothing in common)."""
    shared = a.weights.keys() & b.weights.keys()
    if not shared and not (a.feats.numbers & b.feats.numbers):
        return 0.0
    cosine = sum(a.weights[w] * b.weights[w] for w in shared) / (a.norm * b.norm)
    names = a.feats.names & b.feats.names
    name_weight = sum(a.weights.get(n, 0.0) for n in names)
    name_total = min(
        sum(a.weights.get(n, 0.0) for n in a.feats.names),
        sum(b.weights.get(n, 0.0) for n in b.feats.names),
    )
    name_part = name_weight / name_total if name_total > 0 else 0.0
    numbers = len(_specific(a.feats.numbers) & _specific(b.feats.numbers))
    wording = len(a.trigrams & b.trigrams)
    return (
        cosine
        + params.names * name_part * min(1.0, len(names) / 2)
        + params.numbers * min(2, numbers)
        + params.wording * min(1.0, wording / 4)
    )


def _specific(numbers: set[str]) -> set[str]:
    """Numbers that identify a fact (small counts like 1 or 2 say little)."""
    return {n for n in numbers if n not in {"0", "1", "2", "3"}}


def _pair_links(left: list[Unit], right: list[Unit], params: AlignParams) -> list[Link]:
    scores = {
        (i, j): similarity(a, b, params)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if _compatible(a, b)
    }
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for (i, j), score in scores.items():
        best_left[i] = max(best_left.get(i, 0.0), score)
        best_right[j] = max(best_right.get(j, 0.0), score)
    links: list[Link] = []
    related: Counter[int] = Counter()
    for (i, j), score in sorted(scores.items(), key=lambda kv: -kv[1]):
        a, b = left[i], right[j]
        key_a, key_b = (a.article, a.index), (b.article, b.index)
        close = (
            score >= params.competitive * best_left[i]
            or score >= params.competitive * best_right[j]
        )
        if score >= params.match and close:
            links.append(Link(key_a, key_b, score, "match"))
        elif score >= params.related and related[i] < params.max_related:
            related[i] += 1
            links.append(Link(key_a, key_b, score, "related"))
    return links


def _coverage(units: list[list[Unit]], links: list[Link]) -> dict[tuple[int, int], str]:
    """``all`` (every other article carries it), ``some``, or ``only`` (this one alone)."""
    carriers: dict[tuple[int, int], set[int]] = {}
    for link in links:
        if link.kind == "match":
            carriers.setdefault(link.a, set()).add(link.b[0])
            carriers.setdefault(link.b, set()).add(link.a[0])
    others = len(units) - 1
    coverage = {}
    for column in units:
        for unit in column:
            count = len(carriers.get((unit.article, unit.index), ()))
            coverage[(unit.article, unit.index)] = (
                "all" if others and count >= others else "some" if count else "only"
            )
    return coverage
