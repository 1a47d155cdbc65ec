"""The top hits of a query, scored in bulk with Whoosh's own BM25F formula.

Whoosh scores one matching document at a time through a tree of matchers (~10 µs each, so
seconds for a common word on 130k articles). Here a query's score is the sum of its scored
terms (a phrase scores as its words), as Whoosh's matchers add them, and each term is scored
block by block from its postings (``index.postings``). When every scored term counts
wherever it occurs (a query of OR-ed words), blocks whose best possible score cannot reach
the current top hits are skipped ("block-max" bounds from each block's header). Queries
with parts this cannot score the same way return None, and Whoosh ranks them.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from index.columns import segment_length_bytes
from index.matchset import Segment
from index.postings import Block, TermPostings

#: Terms with at most this many postings are scored in full before any block is skipped.
SMALL_TERM = 2048

Heap = list[tuple[float, int]]  # (score, -document number): the worst hit on top


@dataclass(slots=True)
class Unit:
    """One scored term in one segment; it counts for documents in ``allowed`` (None: all)."""

    postings: TermPostings
    score: Callable[[float, int], float]  # (weight, length byte) -> score
    lengths: Sequence[int]
    allowed: set[int] | None

    def bound(self, block: Block) -> float:
        """The best score any document of ``block`` can have for this term."""
        return self.score(block.max_weight, block.min_byte)

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
        if allowed is not None:
            if allowed.isdisjoint(ids):
                return
            weights = block.weights()
            for d in sorted(allowed.intersection(ids)):
                yield d, score(weights[ids.index(d)], lengths[d])
            return
        for d, w in zip(ids, block.weights(), strict=True):
            yield d, score(w, lengths[d])

    def weight_of(self, docnum: int) -> float | None:
        """This term's score for one document, or None if it does not occur there."""
        blocks = self.postings.blocks
        at = bisect_left(self.postings.last_ids, docnum)
        if at == len(blocks) or docnum not in blocks[at].ids:
            return None
        block = blocks[at]
        return self.score(block.weights()[block.ids.index(docnum)], self.lengths[docnum])


@dataclass(slots=True)
class ConstantUnit:
    """A part that adds the same score to each document it counts for (Whoosh scores a
    NOT inside an AND, and a constant-score range, this way)."""

    docs: set[int]
    value: float

    def contributions(self, allowed: set[int] | None = None) -> Iterator[tuple[int, float]]:
        value = self.value
        docs = self.docs if allowed is None else self.docs & allowed
        return ((d, value) for d in sorted(docs))


def top_hits(
    searcher: Any, query: Any, segs: list[Segment], limit: int
) -> list[tuple[float, int]] | None:
    """The ``limit`` best (score, document number), best first; None if not supported."""
    if type(searcher.weighting) is not BM25F:
        return None
    heap: Heap = []
    for number, seg in enumerate(segs):
        units: list[Unit | ConstantUnit] = []
        if not _collect(query, seg, None, units, _Scorers(searcher, number)):
            return None
        docs = seg.docs(query)
        if not docs:
            continue
        terms = [u for u in units if isinstance(u, Unit) and u.allowed is None]
        if len(terms) == len(units) and not seg.deleted:
            _pruned(terms, seg.offset, heap, limit)
        else:
            _exhaustive(units, docs, seg.offset, heap, limit)
    return [(score, -negative) for score, negative in sorted(heap, reverse=True)]


class _Scorers:
    """Builds Units for one segment with Whoosh's global statistics (idf, mean length)."""

    def __init__(self, searcher: Any, number: int) -> None:
        self.searcher, self.number = searcher, number

    def unit(
        self, seg: Segment, fieldname: str, text: Any, allowed: set[int] | None, boost: float = 1.0
    ) -> Unit | None:
        """The term as a Unit, or None where Whoosh would not match it at all."""
        searcher = self.searcher
        try:
            field = searcher.schema[fieldname]
            btext = field.to_bytes(text)
        except (KeyError, ValueError):
            return None
        postings = seg.postings(fieldname, btext)
        lengths = segment_length_bytes(searcher, self.number, fieldname)
        if not field.scorable:
            return Unit(postings, lambda w, _b: w * boost, lengths, allowed)
        weighting = searcher.weighting
        idf = searcher.idf(fieldname, btext)
        avgfl = searcher.avg_field_length(fieldname) or 1
        b = weighting._field_B.get(fieldname, weighting.B)
        k1 = weighting.K1
        # Whoosh's bm25(), with the length part computed once per length byte.
        norms = [k1 * ((1 - b) + b * byte_to_length(i) / avgfl) for i in range(256)]

        def score(w: float, lbyte: int) -> float:
            return idf * ((w * (k1 + 1)) / (w + norms[lbyte]))

        if boost != 1.0:  # Whoosh multiplies the term's score by its boost
            return Unit(postings, lambda w, lb: score(w, lb) * boost, lengths, allowed)

        return Unit(postings, score, lengths, allowed)


def _collect(
    q: Any,
    seg: Segment,
    allowed: set[int] | None,
    units: list[Unit | ConstantUnit],
    scorers: _Scorers,
) -> bool:
    """Add the scored terms of ``q`` to ``units``; False if ``q`` cannot be scored here."""
    if isinstance(q, wq.Term):
        if q.boost <= 0:
            return False
        return _add(units, scorers.unit(seg, q.fieldname, q.text, allowed, q.boost))
    if isinstance(q, wq.NullQuery.__class__):
        return True
    if isinstance(q, wq.Not):  # Whoosh's InverseMatcher scores 1.0 wherever it matches
        units.append(ConstantUnit(_within(allowed, seg.docs(q, allowed)), 1.0))
        return True
    if isinstance(q, wq.NumericRange) and q.constantscore:
        units.append(ConstantUnit(_within(allowed, seg.docs(q, allowed)), q.boost))
        return True
    if getattr(q, "boost", 1.0) != 1.0:
        return False
    if isinstance(q, wq.Phrase):
        within = _within(allowed, seg.docs(q, allowed))
        return all(_add(units, scorers.unit(seg, q.fieldname, w, within)) for w in q.words)
    if isinstance(q, wq.Or) and not q.scale:
        return all(_collect(c, seg, allowed, units, scorers) for c in q.subqueries)
    within = _within(allowed, seg.docs(q, allowed))
    if isinstance(q, wq.And):
        return all(_collect(c, seg, within, units, scorers) for c in q.subqueries)
    if isinstance(q, wq.AndNot | wq.Require):
        return _collect(q.a, seg, within, units, scorers)
    if isinstance(q, wq.AndMaybe):
        return all(_collect(c, seg, within, units, scorers) for c in (q.a, q.b))
    return False


def _add(units: list[Unit | ConstantUnit], unit: Unit | None) -> bool:
    if unit is not None:
        units.append(unit)
    return True


def _within(allowed: set[int] | None, docs: set[int]) -> set[int]:
    return docs if allowed is None else allowed & docs


def _push(heap: Heap, limit: int, score: float, docnum: int) -> None:
    item = (score, -docnum)
    if len(heap) < limit:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


def _exhaustive(
    units: Sequence[Unit | ConstantUnit],
    docs: set[int],
    offset: int,
    heap: Heap,
    limit: int,
    allowed: set[int] | None = None,
) -> None:
    """Score every matching document (in ``allowed``), its parts added in query order."""
    scores: dict[int, float] = {}
    for unit in units:
        for d, s in unit.contributions(allowed):
            scores[d] = scores.get(d, 0.0) + s
    best = heapq.nlargest(limit, ((s, -d) for d, s in scores.items() if d in docs))
    for score, negative in best:
        _push(heap, limit, score, offset - negative)


def _pruned(units: list[Unit], offset: int, heap: Heap, limit: int) -> None:
    """Terms that count wherever they occur: skip blocks that cannot reach the top hits.

    Documents of small terms are scored in full first; a document found only in big terms
    scores at most its block's bound plus the other big terms' best, so blocks are taken
    best bound first until no bound can beat the current last hit.
    """
    big = [u for u in units if len(u.postings.docs) > SMALL_TERM]
    seen: set[int] = set()
    for unit in units:
        if len(unit.postings.docs) <= SMALL_TERM:
            seen |= unit.postings.docs
    if seen:
        _exhaustive(units, seen, offset, heap, limit, allowed=seen)
    best = {id(u): max((u.bound(b) for b in u.postings.blocks), default=0.0) for u in big}
    todo = []
    for unit in big:
        for block in unit.postings.blocks:
            parts = [unit.bound(block) if v is unit else best[id(v)] for v in big]
            todo.append((-sum(parts), offset + block.ids[0], unit, block))
    todo.sort(key=lambda t: (t[0], t[1]))
    for negative_bound, first, unit, block in todo:
        if len(heap) >= limit and not (-negative_bound, -first) > heap[0]:
            break
        if len(big) == 1:  # the block's own weights give each document's whole score
            for d, s in unit.scores(block, None):
                if d not in seen:
                    _push(heap, limit, s, offset + d)
            continue
        for d in block.ids:
            if d not in seen:
                seen.add(d)
                _push(heap, limit, _full_score(big, d), offset + d)


def _full_score(units: list[Unit], docnum: int) -> float:
    """The document's score: its terms' scores added in query order."""
    total = 0.0
    for unit in units:
        s = unit.weight_of(docnum)
        if s is not None:
            total += s
    return total
