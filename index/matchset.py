"""Which documents match a query, as sets of segment document numbers (no scoring).

Whoosh's ``docs_for_query`` steps through every posting in Python, one call per document
(and, in segments under 5,000 documents, fills a 2,048-slot array per part): a third of a
second for a common word on 30k articles. Here each term's postings are read a block at a
time (``index.postings``) and queries combine as set operations, at C speed. Phrases check
positions with Whoosh, only on documents that have all their words; query types not
handled here fall back to Whoosh's own ``docs()``, so any query works.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq

from index.columns import per_searcher
from index.phrases import phrase_docs
from index.postings import EMPTY, TermPostings, read_postings

#: Documents of decoded postings kept per searcher (all terms and segments together).
KEPT_POSTINGS = 500_000
_KEPT_LOCK = threading.Lock()


class Segment:
    """One segment of a searcher during one search: postings read once, matches kept."""

    def __init__(self, leaf: Any, offset: int, kept: dict[Any, Any] | None = None) -> None:
        self.leaf = leaf
        self.kept = {} if kept is None else kept  # values kept while the searcher lasts
        self.reader = leaf.reader()
        self.offset = offset
        self.deleted = _deleted(self.reader)
        self._postings: dict[tuple[str, Any], TermPostings] = {}
        # id(query) -> (the "within" it was computed for, its documents)
        self._matches: dict[int, tuple[set[int] | None, set[int]]] = {}
        self._keep: list[Any] = []  # queries whose id() keys _matches stay alive

    def postings(self, fieldname: str, text: Any) -> TermPostings:
        """The term's postings here (EMPTY for an unknown field or a text it cannot hold)."""
        try:
            key = (fieldname, self.reader.schema[fieldname].to_bytes(text))
        except (KeyError, ValueError):
            return EMPTY
        if key not in self._postings:
            self._postings[key] = self._kept_postings(key)
        return self._postings[key]

    def _kept_postings(self, key: tuple[str, Any]) -> TermPostings:
        """Postings kept across searches on this searcher, least recently used dropped first.

        Decoding is most of a search's time, and typing repeats words: the kept postings
        are bounded by ``KEPT_POSTINGS`` documents in all (~150 bytes each with their blocks).
        """
        kept: OrderedDict[Any, TermPostings] = self.kept.setdefault("postings", OrderedDict())
        full_key = (self.offset, *key)
        with _KEPT_LOCK:
            found = kept.get(full_key)
            if found is not None:
                kept.move_to_end(full_key)
                return found
        postings = read_postings(self.reader, *key, self.deleted)
        size = len(postings.docs)
        if size > KEPT_POSTINGS // 4:
            return postings  # too big to keep without pushing out everything else
        with _KEPT_LOCK:
            kept[full_key] = postings
            total = self.kept.get("postings_size", 0) + size
            while total > KEPT_POSTINGS and kept:
                _, dropped = kept.popitem(last=False)
                total -= len(dropped.docs)
            self.kept["postings_size"] = total
        return postings

    def docs(self, q: Any, within: set[int] | None = None) -> set[int]:
        """Segment document numbers matching ``q`` (memoised per query node).

        With ``within``, only documents in it need be right: the result may hold others,
        so callers intersect. Phrases use it to check positions on fewer documents.
        """
        known = self._matches.get(id(q))
        if known is not None:
            scope, found = known
            if scope is None or (within is not None and (within is scope or within <= scope)):
                return found
        found = _docs(q, self, within)
        self._matches[id(q)] = (within, found)
        self._keep.append(q)
        return found

    def all_docs(self) -> set[int]:
        """Every (not deleted) document of the segment."""
        return set(range(self.reader.doc_count_all())) - self.deleted


def _deleted(reader: Any) -> frozenset[int]:
    """The segment's deleted document numbers (kept by the reader, read once)."""
    if not reader.has_deletions():
        return frozenset()
    kept = getattr(reader, "deleted_docs_set", None)  # a cached property of SegmentReader
    if isinstance(kept, frozenset):
        return kept
    return frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))


def segments(searcher: Any) -> list[Segment]:
    """A fresh Segment for each of the searcher's segments, in document-number order."""
    kept = per_searcher(searcher)
    return [Segment(leaf, offset, kept) for leaf, offset in searcher.leaf_searchers()]


def _docs(q: Any, seg: Segment, within: set[int] | None) -> set[int]:
    if isinstance(q, wq.Term):
        return seg.postings(q.fieldname, q.text).docs
    if isinstance(q, wq.Or | wq.DisjunctionMax):
        found: set[int] = set()
        for child in q.subqueries:
            found |= seg.docs(child, within)
        return found
    if isinstance(q, wq.And):
        return _and(q.subqueries, seg, within)
    if isinstance(q, wq.AndNot):
        return seg.docs(q.a, within) - seg.docs(q.b)
    if isinstance(q, wq.AndMaybe):
        return seg.docs(q.a, within)
    if isinstance(q, wq.Require):
        return _and([q.a, q.b], seg, within)
    if isinstance(q, wq.Not):
        return seg.all_docs() - seg.docs(q.query)
    if isinstance(q, wq.Every) and not q.fieldname:
        return seg.all_docs()
    if isinstance(q, wq.Phrase):
        return _phrase(q, seg, within)
    if isinstance(q, wq.NumericRange):
        return seg.docs(q._compile_query(seg.reader))
    if isinstance(q, wq.ConstantScoreQuery):
        return seg.docs(q.child, within)
    if isinstance(q, wq.PatternQuery | wq.TermRange):
        return _union_terms(seg, q.field(), _range_terms(q, seg))
    if isinstance(q, wq.NullQuery.__class__):
        return set()
    return set(q.docs(seg.leaf))


def _and(children: Iterable[Any], seg: Segment, within: set[int] | None) -> set[int]:
    """Documents matching every positive child and no ``Not`` child.

    Children with phrases come last, so their positions are checked on fewer documents.
    """
    wanted: list[Any] = []
    unwanted: list[Any] = []
    for child in children:
        (unwanted if isinstance(child, wq.Not) else wanted).append(child)
    wanted.sort(key=_has_phrase)
    found = seg.all_docs() if not wanted else within
    for child in wanted:
        docs = seg.docs(child, found)
        found = set(docs) if found is None else found & docs
        if not found:
            return set()
    assert found is not None
    for child in unwanted:
        found -= seg.docs(child.query)
    return found


def _phrase(q: Any, seg: Segment, within: set[int] | None) -> set[int]:
    """Documents with all the phrase's words (and in ``within``), then a position check."""
    try:
        field = seg.reader.schema[q.fieldname]
    except KeyError:
        return set()
    if not field.format or not field.format.supports("positions"):
        return set(q.docs(seg.leaf))  # Whoosh's own answer (or its error)
    words = [seg.postings(q.fieldname, word) for word in q.words]
    candidates = set(within) if within is not None else None
    for postings in sorted(words, key=lambda p: len(p.docs)):
        candidates = set(postings.docs) if candidates is None else candidates & postings.docs
        if not candidates:
            return set()
    if candidates is None or len(words) == 1:
        return candidates or set()
    return phrase_docs(words, q.slop, candidates)


def _has_phrase(q: Any) -> bool:
    return any(isinstance(leaf, wq.Phrase) for leaf in q.leaves()) or isinstance(q, wq.Phrase)


def _range_terms(q: Any, seg: Segment) -> list[Any]:
    """The index terms a range or pattern covers here (dates: ~15 ms a search to list)."""
    key = ("terms", seg.offset, q.__class__.__name__, repr(q))
    if key not in seg.kept:
        seg.kept[key] = list(q._btexts(seg.reader))
    return seg.kept[key]  # type: ignore[no-any-return]


def _union_terms(seg: Segment, fieldname: str, texts: Iterable[Any]) -> set[int]:
    found: set[int] = set()
    for text in texts:
        found |= seg.postings(fieldname, text).docs
    return found
