"""The scored parts of a query in one segment: terms (BM25F from postings) and constants.

A document's score is the sum of its parts' scores, added in query order. A term counts
for a document that has it (and is in ``allowed``, when the query's structure narrows it:
a phrase's words count only where the phrase matches). Each part can bound the score it
gives a group of documents, so the ranking can skip groups that cannot reach the top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh.util.numeric import byte_to_length

from index.columns import segment_length_bytes
from index.matchset import Segment
from index.postings import Block, TermPostings

#: Documents a constant part bounds together.
CHUNK = 128


@dataclass(slots=True)
class Unit:
    """One scored term in one segment."""

    postings: TermPostings
    score: Callable[[float, int], float]  # (weight, length byte) -> score
    lengths: Sequence[int]
    allowed: set[int] | None  # None: wherever the term occurs

    @property
    def docs(self) -> set[int]:
        return self.postings.docs

    def chunks(self) -> Iterator[tuple[float, tuple[int, ...], Block | None]]:
        """(best possible score, documents, block) for each block of postings."""
        for block in self.postings.blocks:
            yield self.score(block.max_weight, block.min_byte), block.ids, block

    def best(self) -> float:
        return max((bound for bound, _, _ in self.chunks()), default=0.0)

    def contributions(self, allowed: set[int] | None = None) -> Iterator[tuple[int, float]]:
        """(document, score) wherever this term counts (and is in ``allowed``, if given)."""
        if allowed is None:
            allowed = self.allowed
        elif self.allowed is not None:
            allowed = allowed & self.allowed
        for block in self.postings.blocks:
            yield from self.scores(block, allowed)

    def scores(self, block: Block, allowed: set[int] | None) -> Iterator[tuple[int, float]]:
        """(document, score) of the block's postings in ``allowed`` (None: all)."""
        ids, lengths, score = block.ids, self.lengths, self.score
        if allowed is None:
            for d, w in zip(ids, block.weights(), strict=True):
                yield d, score(w, lengths[d])
            return
        hits = allowed.intersection(ids)
        if not hits:
            return
        weights = block.weights()
        if len(hits) * 8 < len(ids):  # a few: find each one
            for d in sorted(hits):
                yield d, score(weights[ids.index(d)], lengths[d])
            return
        for d, w in zip(ids, weights, strict=True):
            if d in hits:
                yield d, score(w, lengths[d])


@dataclass(slots=True)
class ConstantUnit:
    """A part adding the same score to each document it counts for (Whoosh scores a NOT
    inside an AND, and a constant-score range, this way)."""

    docs: set[int]
    value: float

    def chunks(self) -> Iterator[tuple[float, tuple[int, ...], Block | None]]:
        ordered = sorted(self.docs)
        for start in range(0, len(ordered), CHUNK):
            yield self.value, tuple(ordered[start : start + CHUNK]), None

    def best(self) -> float:
        return self.value

    def contributions(self, allowed: set[int] | None = None) -> Iterator[tuple[int, float]]:
        value = self.value
        docs = self.docs if allowed is None else self.docs & allowed
        return ((d, value) for d in sorted(docs))


Part = Unit | ConstantUnit


class Scorers:
    """Builds Units with Whoosh's global statistics (idf, mean length), once per term."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.number = 0  # the segment being scored
        self._norms: dict[str, list[float]] = {}
        self._scores: dict[tuple[str, bytes, float], Callable[[float, int], float]] = {}

    def unit(
        self, seg: Segment, fieldname: str, text: Any, allowed: set[int] | None, boost: float = 1.0
    ) -> Unit | None:
        """The term as a Unit, or None where Whoosh would not match it at all."""
        try:
            btext = self.searcher.schema[fieldname].to_bytes(text)
        except (KeyError, ValueError):
            return None
        key = (fieldname, btext, boost)
        if key not in self._scores:
            self._scores[key] = self._score(fieldname, btext, boost)
        lengths = segment_length_bytes(self.searcher, self.number, fieldname)
        return Unit(seg.postings(fieldname, btext), self._scores[key], lengths, allowed)

    def _score(self, fieldname: str, btext: bytes, boost: float) -> Callable[[float, int], float]:
        """Whoosh's score for one posting: (weight, length byte) -> BM25F, times boost."""
        if not self.searcher.schema[fieldname].scorable:
            return lambda w, _b: w * boost
        idf = self.searcher.idf(fieldname, btext)
        k1 = self.searcher.weighting.K1
        norms = self._length_norms(fieldname)

        def score(w: float, lbyte: int) -> float:
            return idf * ((w * (k1 + 1)) / (w + norms[lbyte]))

        if boost != 1.0:  # Whoosh multiplies the term's score by its boost
            return lambda w, lb: score(w, lb) * boost
        return score

    def _length_norms(self, fieldname: str) -> list[float]:
        """Whoosh's bm25() length part, ``K1 * ((1 - B) + B * fl / avgfl)``, per length byte."""
        if fieldname not in self._norms:
            weighting = self.searcher.weighting
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            b = weighting._field_B.get(fieldname, weighting.B)
            k1 = weighting.K1
            self._norms[fieldname] = [
                k1 * ((1 - b) + b * byte_to_length(i) / avgfl) for i in range(256)
            ]
        return self._norms[fieldname]
