"""Group articles about the same event into stories, as they are added.

For each new article: its distinctive terms (title and lead, weighted by how rare each is in
the library's search index) find candidate articles through ``story_keys`` within a time
window, so the cost per article does not grow with the library. Each candidate is then
compared on the content of title and lead (TF-IDF cosine) plus shared names and numbers;
the article joins the story of the best candidate above the threshold, or starts its own.
A person's moves, merges and splits are pinned and never changed here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from index.background import document_share
from index.features import features
from index.library import Library
from index.model import READING_ROLES, Article
from index.story_store import StoryStore

DocFrequency = Callable[[str], int]


@dataclass(frozen=True, slots=True)
class GroupParams:
    """Tuned on the dev parts of BASIL and ECB+ (see bench/stories_bench.py)."""

    threshold: float = 0.6
    window_days: int = 4
    key_terms: int = 25
    lead_paragraphs: int = 4
    names: float = 0.3
    numbers: float = 0.05
    same_days: float = 0.1  # both dated, within the window: dates agree, which is evidence
    absorb: float = 0.8  # joining one story, also merge another this close (order-proof)
    background: float = 2000.0  # pseudo-articles of general English mixed into the counts


DEFAULT_PARAMS = GroupParams()


@dataclass(slots=True)
class Profile:
    """What an article is about: weighted terms of title and lead, names, numbers, day."""

    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    names: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    day: int | None = None

    def keys(self, count: int) -> list[str]:
        ranked = sorted(self.weights.items(), key=lambda kv: (-kv[1], kv[0]))
        return [term for term, _ in ranked[:count]]


def article_day(value: str) -> int | None:
    """The date as a day number, or None when the year is unknown."""
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def profile(
    article: Article, df: DocFrequency, total: int, params: GroupParams = DEFAULT_PARAMS
) -> Profile:
    """The article's grouping profile; the title counts twice."""
    lead = [p.text for p in article.paragraphs if p.role in READING_ROLES][: params.lead_paragraphs]
    title = features(article.title)
    body = features("\n".join(lead))
    counts: Counter[str] = Counter(body.counts)
    for term, count in title.counts.items():
        counts[term] += 2 * count
    surface = {**body.surface, **title.surface}
    pseudo = params.background
    weights = {
        term: (1 + math.log(count))
        * math.log((total + pseudo + 1) / (df(term) + pseudo * document_share(surface[term]) + 1))
        for term, count in counts.items()
    }
    weights = {term: w for term, w in weights.items() if w > 0}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    numbers = {n for n in title.numbers | body.numbers if len(n) > 1}
    return Profile(weights, norm, title.names | body.names, numbers, article_day(article.date))


def similarity(a: Profile, b: Profile, params: GroupParams = DEFAULT_PARAMS) -> float:
    """How likely two articles report the same event (cosine plus specifics)."""
    shared = a.weights.keys() & b.weights.keys()
    cosine = sum(a.weights[t] * b.weights[t] for t in shared) / (a.norm * b.norm)
    names = a.names & b.names
    name_part = min(1.0, len(names) / 4) if names else 0.0
    numbers = min(3, len(a.numbers & b.numbers))
    dated = a.day is not None and b.day is not None and abs(a.day - b.day) <= params.window_days
    return (
        cosine
        + params.names * name_part
        + params.numbers * numbers
        + (params.same_days if dated else 0.0)
    )


class Grouper:
    """Assigns articles to stories in one library."""

    def __init__(self, library: Library, params: GroupParams = DEFAULT_PARAMS) -> None:
        self.library = library
        self.params = params
        self.stories = StoryStore(library.store)
        library.ensure_index()
        reader = library.index.searcher().reader()
        self.total = max(1, reader.doc_count())
        self._df_cache: dict[str, int] = {}
        self._profiles: dict[str, Profile] = {}
        self._reader = reader

    def df(self, term: str) -> int:
        if term not in self._df_cache:
            self._df_cache[term] = self._reader.doc_frequency("body", term)
        return self._df_cache[term]

    def group(
        self, article_ids: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> int:
        """Place each article in a story; returns how many joined an existing story."""
        joined = 0
        for done, article in enumerate(self._articles(article_ids), 1):
            if self._place(article):
                joined += 1
            if progress:
                progress(done)
        return joined

    def _articles(self, ids: Sequence[str]) -> list[Article]:
        found: list[Article] = []
        for start in range(0, len(ids), 200):
            found.extend(self.library.store.get_many(ids[start : start + 200]))
        return found

    def profile_of(self, article: Article) -> Profile:
        """The article's profile, computed once per grouping run."""
        if article.id not in self._profiles:
            self._profiles[article.id] = profile(article, self.df, self.total, self.params)
        return self._profiles[article.id]

    def _place(self, article: Article) -> bool:
        self._profiles.pop(article.id, None)  # its text may have changed
        mine = self.profile_of(article)
        keys = mine.keys(self.params.key_terms)
        candidates = self.stories.candidates(keys, mine.day, self.params.window_days, article.id)
        scores: dict[str, float] = {}
        missing = [c for c, _ in candidates if c not in self._profiles]
        for other in self.library.store.get_many(missing):
            self.profile_of(other)
        story_of = self.stories.stories_of([c for c, _ in candidates])
        for other_id, _ in candidates:
            story = story_of.get(other_id)
            if story is None or other_id not in self._profiles:
                continue
            score = similarity(mine, self._profiles[other_id], self.params)
            if score >= self.params.threshold:
                scores[story] = max(scores.get(story, 0.0), score)
        ranked = sorted(scores, key=lambda s: -scores[s])
        best_story = ranked[0] if ranked else None
        placed = self.stories.record(article.id, keys, mine.day, best_story, article.title)
        for other_story in ranked[1:]:  # a close second story is the same event, met earlier
            if scores[other_story] >= self.params.absorb:
                self.stories.absorb(other_story, placed)
        return best_story is not None and placed == best_story


def group_new(library: Library, progress: Callable[[int], None] | None = None) -> int:
    """Group every article that is in no story yet; returns how many joined a story."""
    grouper = Grouper(library)
    return grouper.group(grouper.stories.ungrouped(), progress)
