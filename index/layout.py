"""Rows of the split view: matched paragraphs of every outlet on one row, in reading order.

Paragraphs joined by ``match`` links (directly or through each other) form one group; each
group is a row holding, per article, its paragraphs of that group (one-to-many stacks them).
A paragraph no other article matches is a row of its own. Rows are ordered by the mean
relative position of their paragraphs in their articles, so each column still reads
roughly in its own order while matched facts share a row. Headlines come first.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.align import Alignment, Unit
from index.model import Role

Key = tuple[int, int]  # (article position, paragraph index)
MAX_STACK = 3  # most paragraphs of one article on one row


@dataclass(slots=True)
class StoryRow:
    """One row: per article (by position), the paragraph indices it shows here."""

    cells: list[list[int]]
    position: float

    def filled(self) -> list[int]:
        """Positions of the articles with something on this row."""
        return [i for i, cell in enumerate(self.cells) if cell]

    @property
    def shared(self) -> bool:
        return len(self.filled()) > 1


def _find(parent: dict[Key, Key], key: Key) -> Key:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def story_rows(alignment: Alignment) -> list[StoryRow]:
    """The split view's rows for an alignment."""
    units: dict[Key, Unit] = {(u.article, u.index): u for col in alignment.units for u in col}
    parent = {key: key for key in units}
    members_of: dict[Key, list[Key]] = {key: [key] for key in units}
    for link in sorted(alignment.matches(), key=lambda link: -link.score):
        if link.a not in parent or link.b not in parent:
            continue
        left, right = _find(parent, link.a), _find(parent, link.b)
        if left == right:
            continue
        merged = members_of[left] + members_of[right]
        per_article = [article for article, _ in merged]
        if max(per_article.count(a) for a in set(per_article)) > MAX_STACK:
            continue  # a chain of weaker links would pull half an article onto one row
        parent[left] = right
        members_of[right] = merged
    groups: dict[Key, list[Key]] = {}
    for key in units:
        groups.setdefault(_find(parent, key), []).append(key)
    order = {
        key: rank / max(1, len(column) - 1)
        for column in alignment.units
        for rank, key in enumerate((u.article, u.index) for u in column)
    }
    headlines = [k for k, u in units.items() if u.role is Role.HEADLINE]
    for key in headlines:  # every headline on the first row, matched or not
        groups.pop(_find(parent, key), None)
    groups[(-1, -1)] = headlines + [
        m for k in headlines for m in members_of.get(_find(parent, k), []) if m not in headlines
    ]
    rows = []
    for members in groups.values():
        if not members:
            continue
        cells: list[list[int]] = [[] for _ in alignment.articles]
        for article, index in sorted(members):
            cells[article].append(index)
        headline = any(units[m].role is Role.HEADLINE for m in members)
        position = -1.0 if headline else sum(order[m] for m in members) / len(members)
        rows.append(StoryRow(cells, position))
    rows.sort(key=lambda row: (row.position, row.filled()))
    return rows
