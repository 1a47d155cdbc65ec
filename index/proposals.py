"""Propose an annotation again on the aligned paragraphs of the story's other articles.

For an annotation in paragraph P of one article, the candidates are the paragraphs of the
other articles linked to P with kind ``match`` (``index.align``). In each, the proposed
passage is the run of words most like the annotated text: the difflib ratio over its words
(compared by their first five letters, so "troop" meets "troops") and over its characters,
averaged. A passage scoring below ``MIN_SCORE`` is not proposed. A name is first looked
for under its other names: the alias file's forms and acronyms ("United States" finds "US",
"Indo-Pacific Command" finds "INDOPACOM"), which spelling alone would miss or mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from index.align import Alignment
from index.annotations import Annotation
from index.entity_names import canonical, expands, is_acronym, name_key

MIN_SCORE = 0.6
#: Windows whose characters are compared too (the best by words).
_SHORTLIST = 8
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_DOTTED_END = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Proposal:
    """A passage of another article that could carry the same label and note."""

    article_id: str
    outlet: str
    paragraph: int
    start: int
    end: int
    exact: str
    text: str  # the whole paragraph, to show the passage in context
    label: str
    note: str
    score: float


def aligned_paragraphs(
    alignment: Alignment, position: int, paragraph: int
) -> list[tuple[int, int]]:
    """(article position, paragraph index) of every paragraph matched with ``paragraph`` of
    the article at ``position``, best link first; the title stand-in (index -1) is left out."""
    found: list[tuple[float, tuple[int, int]]] = []
    for link in alignment.matches():
        for here, there in ((link.a, link.b), (link.b, link.a)):
            if here == (position, paragraph) and there[1] >= 0:
                found.append((link.score, there))
    return [there for _, there in sorted(found, key=lambda f: -f[0])]


def best_passage(text: str, quote: str) -> tuple[int, int, float] | None:
    """The run of words in ``text`` most like ``quote``: (start, end, score), or None."""
    wanted = [w.lower() for w in _WORD.findall(quote)]
    words = list(_WORD.finditer(text))
    if not wanted or not words:
        return None
    named = same_name(text, quote, words)
    if named is not None:
        return named
    keys = [w.group().lower()[:5] for w in words]
    wanted_keys = [w[:5] for w in wanted]
    n = len(wanted)
    sizes = {n - 2, n - 1, n, n + 1, n + 2, round(n * 0.75), round(n * 1.25)}
    by_words: list[tuple[float, int, int]] = []
    for size in sorted(s for s in sizes if 1 <= s <= len(words)):
        for first in range(len(words) - size + 1):
            matcher = SequenceMatcher(None, wanted_keys, keys[first : first + size], False)
            if (ratio := matcher.ratio()) > 0:
                by_words.append((ratio, size, first))
    by_words.sort(key=lambda c: (-c[0], c[1], c[2]))
    target = " ".join(wanted)
    best: tuple[int, int, float] | None = None
    for ratio, size, first in by_words[:_SHORTLIST]:
        start, end = words[first].start(), words[first + size - 1].end()
        chars = SequenceMatcher(None, target, text[start:end].lower(), False).ratio()
        score = (ratio + chars) / 2
        if best is None or score > best[2]:
            best = (start, end, score)
    return best


#: Names this many words long at most are looked for under their other names.
_NAME_WORDS = 6


def same_name(text: str, quote: str, words: list[re.Match[str]]) -> tuple[int, int, float] | None:
    """The first run of ``words`` naming what ``quote`` names under another form (an alias
    or an acronym of it, or it of an acronym), scored 1.0; None when ``quote`` is not a
    short capitalised name or no such run exists."""
    quoted = _WORD.findall(quote)
    if not quoted or len(quoted) > _NAME_WORDS or not quoted[0][:1].isupper():
        return None
    key = canonical(name_key(quote))
    for size in range(1, _NAME_WORDS + 1):
        for first in range(len(words) - size + 1):
            run = words[first : first + size]
            if not run[0].group()[:1].isupper():
                continue
            start, end = run[0].start(), run[-1].end()
            passage = text[start:end]
            if canonical(name_key(passage)) == key or _acronym_of(passage, quote):
                if _DOTTED_END.fullmatch(passage) and text[end : end + 1] == ".":
                    end += 1  # "U.S." keeps its last dot
                return start, end, 1.0
    return None


def _acronym_of(a: str, b: str) -> bool:
    """Whether one of the two is an acronym the other spells out."""
    a, b = (re.sub(r"['’]s$", "", x) for x in (a, b))
    if is_acronym(a) and not is_acronym(b):
        return expands(a, b.split())
    if is_acronym(b) and not is_acronym(a):
        return expands(b, a.split())
    return False


def propose(
    alignment: Alignment, annotation: Annotation, position: int = 0, min_score: float = MIN_SCORE
) -> list[Proposal]:
    """Proposals for ``annotation`` (in the article at ``position``) on the aligned
    paragraphs of the other articles, by article then best first."""
    if annotation.paragraph is None:
        return []
    proposals: dict[tuple[int, int, int, int], Proposal] = {}
    for article_position, index in aligned_paragraphs(alignment, position, annotation.paragraph):
        article = alignment.articles[article_position]
        paragraph = next((p for p in article.paragraphs if p.index == index), None)
        if paragraph is None:
            continue
        found = best_passage(paragraph.text, annotation.exact)
        if found is None or found[2] < min_score:
            continue
        start, end, score = found
        key = (article_position, index, start, end)
        proposals[key] = Proposal(
            article.id,
            article.outlet,
            index,
            start,
            end,
            paragraph.text[start:end],
            paragraph.text,
            annotation.label,
            annotation.note,
            round(score, 3),
        )
    return [proposals[k] for k in sorted(proposals, key=lambda k: (k[0], -proposals[k].score))]
