"""The top hits of a query, scored in bulk with Whoosh's own BM25F formula.

Whoosh scores one matching document at a time through a tree of matchers (~10 µs each, so
seconds for a common word on 130k articles). Here a query's score is the sum of its parts
(``index.units``: terms, a phrase as its words, constants), as Whoosh's matchers add them,
scored block by block from the postings. With many matches, documents of rare parts are
scored first; the rest only appear in big parts, and groups of them whose best possible
score (each block's "block-max" bound) cannot beat the current last hit are skipped. A
query with parts this cannot score the same way returns None, and Whoosh ranks it.
"""

from __future__ import annotations

import heapq
from typing import Any

from whoosh import query as wq
from whoosh.scoring import BM25F

from index.matchset import Segment
from index.units import ConstantUnit, Part, Scorers, Unit

#: A part counting in at most 1/SMALL_SHARE of a segment's matches is scored in full first.
SMALL_SHARE = 8
#: Segments with at most this many matches are scored in full.
SMALL_MATCH = 256

Heap = list[tuple[float, int]]  # (score, -document number): the worst hit on top


def top_hits(
    searcher: Any, query: Any, segs: list[Segment], limit: int
) -> list[tuple[float, int]] | None:
    """The ``limit`` best (score, document number), best first; None if not supported."""
    if type(searcher.weighting) is not BM25F:
        return None
    heap: Heap = []
    scorers = Scorers(searcher)
    # Biggest segments first: their best hits raise the bar the others must reach.
    for number, seg in sorted(enumerate(segs), key=lambda ns: -ns[1].reader.doc_count_all()):
        units: list[Part] = []
        scorers.number = number
        if not _collect(query, seg, None, units, scorers):
            return None
        docs = seg.docs(query)
        if len(docs) <= SMALL_MATCH:
            _exhaustive(units, docs, seg.offset, heap, limit)
        elif docs:
            _pruned(units, docs, seg.offset, heap, limit)
    return [(score, -negative) for score, negative in sorted(heap, reverse=True)]


def _collect(
    q: Any,
    seg: Segment,
    allowed: set[int] | None,
    units: list[Part],
    scorers: Scorers,
) -> bool:
    """Add the scored terms of ``q`` to ``units``; False if ``q`` cannot be scored here."""
    if isinstance(q, wq.Term):
        if q.boost <= 0:
            return False
        return _add(units, scorers.unit(seg, q.fieldname, q.text, allowed, q.boost))
    if isinstance(q, wq.NullQuery.__class__):
        return True
    if isinstance(q, wq.Not):  # Whoosh's InverseMatcher scores 1.0 wherever it matches
        docs = seg.docs(q) if allowed is None else allowed - seg.docs(q.query)
        units.append(ConstantUnit(docs, 1.0))
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


def _add(units: list[Part], unit: Unit | None) -> bool:
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


def _exhaustive(units: list[Part], docs: set[int], offset: int, heap: Heap, limit: int) -> None:
    """Score every document of ``docs``, its parts added in query order."""
    scores: dict[int, float] = {}
    for unit in units:
        for d, s in unit.contributions(docs):
            scores[d] = scores.get(d, 0.0) + s
    best = heapq.nlargest(limit, ((s, -d) for d, s in scores.items()))
    for score, negative in best:
        _push(heap, limit, score, offset - negative)
    if len(scores) < len(docs) and (len(heap) < limit or heap[0][0] <= 0.0):
        for d in sorted(docs - scores.keys())[:limit]:  # matches no part scores (Whoosh: 0)
            _push(heap, limit, 0.0, offset + d)


def _pruned(units: list[Part], docs: set[int], offset: int, heap: Heap, limit: int) -> None:
    """Score the documents of small parts in full, then the rest group by group, best
    bound first, skipping groups whose bound cannot beat the current last hit.

    A document in no small part scores at most its group's bound in one big part plus
    the best the other big parts give anyone.
    """
    small = max(64, len(docs) // SMALL_SHARE)
    big = [u for u in units if len(u.docs) > small]
    seen: set[int] = set()
    for unit in units:
        if len(unit.docs) <= small:
            seen |= unit.docs
    seen &= docs
    _exhaustive(units, seen, offset, heap, limit)
    best = [u.best() for u in big]
    todo = []
    for i, unit in enumerate(big):
        for bound, ids, block in unit.chunks():
            total = sum(bound if j == i else b for j, b in enumerate(best))  # query order
            todo.append((total, -(offset + ids[0]), i, ids, block))
    todo.sort(reverse=True)
    if len(big) == 1 and isinstance(big[0], Unit):
        _one_big_part(big[0], todo, docs, seen, offset, heap, limit)
        return
    # Several big parts: score the best groups first to raise the bar, then every
    # group that can still beat it, each batch added up part by part.
    warm = set().union(*(ids for _, _, _, ids, _ in todo[: max(1, limit // 16)])) & docs
    _exhaustive(units, warm - seen, offset, heap, limit)
    seen |= warm
    rest = set().union(
        *(ids for bound, first, _, ids, _ in todo if _beats(heap, limit, bound, first))
    )
    _exhaustive(units, (rest & docs) - seen, offset, heap, limit)
    seen |= rest
    if len(seen) < len(docs) and (len(heap) < limit or heap[0][0] <= 0.0):
        _exhaustive(units, docs - seen, offset, heap, limit)  # documents no part scores


def _beats(heap: Heap, limit: int, bound: float, negative_first: int) -> bool:
    """Could a document with this score bound (and first document number) enter the top?"""
    return len(heap) < limit or (bound, negative_first) > heap[0]


def _one_big_part(
    unit: Unit, todo: list[Any], docs: set[int], seen: set[int], offset: int, heap: Heap, limit: int
) -> None:
    """One big term: take its blocks best bound first, each block's weights giving whole
    scores, until no block can beat the current last hit."""
    allowed = docs if unit.allowed is None else unit.allowed
    for bound, negative_first, _, _, block in todo:
        if not _beats(heap, limit, bound, negative_first):
            break
        for d, s in unit.scores(block, allowed):
            if d not in seen:
                _push(heap, limit, s, offset + d)
