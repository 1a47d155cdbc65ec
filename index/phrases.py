"""Phrase matching from word positions, read only for the documents that need checking.

Whoosh checks a phrase by stepping its words' matchers through every document that has
them all, unpickling each block's positions on the way (~1.5 µs a posting). Here a block
is split into its postings' position records at C speed, only the records of candidate
documents are decoded (all of a block's at once), and the phrase is checked as Whoosh's
``SpanNear2`` does: each next word 1 to ``slop`` positions after the previous one.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from index.postings import Block, TermPostings

# The first position record follows the pickled global ``_codecs.encode`` and its memo
# slot; each later record starts by fetching that memo slot ("h" + slot) then "X".
_FIRST = re.compile(rb"c_codecs\nencode\n(?:q(.)|r(....))X", re.DOTALL)


def phrase_docs(words: list[TermPostings], slop: int, candidates: set[int]) -> set[int]:
    """The candidates (documents having every word) where the words occur in order."""
    ends: dict[int, set[int]] = {}  # per document: where a chain of the words so far ends
    for number, postings in enumerate(words):
        following: dict[int, set[int]] = {}
        for d, gaps in _gaps(postings, set(ends) if number else candidates):
            positions = accumulate(gaps)
            if not number:
                following[d] = set(positions)
                continue
            before = ends[d]  # the next word must come 1 to ``slop`` places after
            reach = set(map((1).__add__, before)) if slop == 1 else _reach(before, slop)
            found = reach.intersection(positions)
            if found:
                following[d] = found
        ends = following
        if not ends:
            break
    return set(ends)


def _reach(ends: set[int], slop: int) -> set[int]:
    return set().union(*(map(k.__add__, ends) for k in range(1, slop + 1)))


def _gaps(postings: TermPostings, docs: set[int]) -> Iterator[tuple[int, list[int]]]:
    """(document, position gaps) of this word in each wanted document."""
    for block in postings.blocks:
        if docs.isdisjoint(block.ids):
            continue
        wanted = [i for i, d in enumerate(block.ids) if d in docs]
        ids = block.ids
        for i, gaps in zip(wanted, _block_positions(block, wanted), strict=True):
            yield ids[i], gaps


def _block_positions(block: Block, indexes: list[int]) -> list[list[int]]:
    """Position gaps of the postings at ``indexes`` in one block."""
    if block.values is not None:
        return [_record_gaps(block.values[i]) for i in indexes]
    raw = block.data()
    records = _records(raw, len(block.ids))
    if records is None:  # not the layout expected: unpickle the whole block
        values = pickle.loads(raw)[2]
        return [_record_gaps(values[i]) for i in indexes]
    inner = []
    for i in indexes:
        record = records[i]
        length = int.from_bytes(record[:4], "little")
        text = record[4 : 4 + length]  # UTF-8 of the record's latin-1 bytes
        start = text.find(b"\xc2\x80\x02]")  # its own pickle, after a 4-byte count
        end = -1 if text.endswith(b".") else len(text)
        inner.append(text[start + 3 : end])  # without protocol header and STOP
    joined = b"".join(inner).decode("utf-8").encode("latin-1")
    lists: tuple[Any, ...] = pickle.loads(b"\x80\x02(" + joined + b"t.")
    return [x if isinstance(x, list) else [x] for x in lists]


def _record_gaps(value: bytes) -> list[int]:
    """Position gaps from one whole record: a 4-byte count, then a pickled list."""
    body = value[4:]
    gaps = pickle.loads(body if body.endswith(b".") else body + b".")
    return list(gaps)


def _records(raw: bytes, count: int) -> list[bytes] | None:
    """Each posting's pickled position record (length, then text), or None."""
    first = _FIRST.search(raw)
    if first is None:
        return None
    slot = first.group(1)
    fetch = b"h" + slot if slot is not None else b"j" + first.group(2)
    records = raw[first.end() :].split(fetch + b"X")
    return records if len(records) == count else None
