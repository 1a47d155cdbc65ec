"""Link the paragraphs of a story's articles that report the same fact, in any order.

Every pair of paragraphs of different articles is scored by ``index.align_score``: the
weighted overlap of their terms (rare in the story and in English, numbers normalised),
set against the best partner each has in the other article, confirmed by a third article,
and placed (the leads carry the main fact). A pair whose probability reaches ``match`` is
a ``match`` link (one-to-many allowed: an outlet may split a fact over two paragraphs); a
weaker one above ``related`` is ``related``. Headlines go only with headlines and always
match (every article of a story reports its event); captions go only with captions and
are at most related (a photo is not a reported fact); bylines and boilerplate are left
out. Each paragraph's coverage says how many of the other articles carry it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from index import align_score
from index.align_terms import numbers, weigh
from index.features import Features, features
from index.model import Article, Role

ALIGNED_ROLES = frozenset({Role.HEADLINE, Role.DEK, Role.BODY, Role.CAPTION})
TITLE_INDEX = -1  # the unit standing for an article's title when no paragraph is its headline
Key = tuple[int, int]  # (article position, paragraph index)


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Probability thresholds and model weights, chosen on the dev part of the gold."""

    match: float = 0.34
    related: float = 0.15
    max_related: int = 2
    weights: tuple[float, ...] = align_score.WEIGHTS


DEFAULT_PARAMS = AlignParams()


@dataclass(slots=True)
class Unit:
    """One alignable paragraph: its article (position in the story) and its index."""

    article: int
    index: int
    role: Role
    text: str
    feats: Features
    numbers: set[str] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)  # term -> weight in the story
    norm: float = 0.0  # the sum of the weights
    kinds: dict[str, int] = field(default_factory=dict)  # term -> number, name or word
    phrases: set[int] = field(default_factory=set)  # hashes of its runs of words
    sentences: list[frozenset[str]] = field(default_factory=list)  # each sentence's terms


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
        _unit(position, p.index, p.role, p.text)
        for p in article.paragraphs
        if p.role in ALIGNED_ROLES
    ]
    if article.title and not any(u.role is Role.HEADLINE for u in units):
        units.insert(0, _unit(position, TITLE_INDEX, Role.HEADLINE, article.title))
    return units


def _unit(position: int, index: int, role: Role, text: str) -> Unit:
    return Unit(position, index, role, text, features(text), numbers(text))


def align(articles: list[Article], params: AlignParams = DEFAULT_PARAMS) -> Alignment:
    """Align two or more articles of one story."""
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    weigh(u for column in units for u in column)
    scored = align_score.scores(units, params.weights, min(params.match, params.related))
    roles = {(u.article, u.index): u.role for column in units for u in column}
    for a, b in _headline_pairs(units):
        scored.setdefault((a, b), 0.0)
    links: list[Link] = []
    related: Counter[Key] = Counter()
    for (a, b), score in sorted(scored.items(), key=lambda kv: -kv[1]):
        if roles[a] is Role.HEADLINE or score >= params.match and roles[a] is not Role.CAPTION:
            links.append(Link(a, b, score, "match"))
        elif score >= params.related and related[a] < params.max_related:
            related[a] += 1
            links.append(Link(a, b, score, "related"))
    return Alignment(articles, units, links, _coverage(units, links))


def _headline_pairs(units: list[list[Unit]]) -> list[tuple[Key, Key]]:
    heads = [(u.article, u.index) for column in units for u in column if u.role is Role.HEADLINE]
    return [(a, b) for i, a in enumerate(heads) for b in heads[i + 1 :] if a[0] != b[0]]


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
