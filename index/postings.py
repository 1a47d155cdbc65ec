"""One term's postings in one index segment, read a block (128 documents) at a time.

Whoosh's matchers step through postings one Python call per document, and unpickling a
whole block costs ~1.5 µs a posting (each posting's positions are a pickled ``bytes``). A
search only needs document numbers and weights, which come first in each block's pickle:
so only the head of a block is decompressed and unpickled, at C speed. This reads the
on-disk format of whoosh-reloaded 2.7.5's W3 codec (pinned); anything unexpected falls back
to Whoosh's own reading.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.reading import TermNotFound
from whoosh.util.numeric import length_to_byte

_INT = struct.Struct("!i")
_TUPLE_ENDS = frozenset(b"t\x85\x86\x87)")


class Block:
    """Up to 128 postings: segment document numbers and the block's score bounds.

    ``max_weight`` and ``min_byte`` (the shortest field length, as Whoosh stores it) bound
    the score of every posting in the block.

    Weights are decoded only when asked for (most blocks are only counted).
    """

    __slots__ = ("ids", "max_weight", "min_byte", "values", "_data", "_compression", "_weights")

    def __init__(
        self,
        ids: tuple[int, ...],
        max_weight: float,
        min_byte: int,
        data: bytes = b"",
        compression: int = 0,
        weights: tuple[float, ...] | None = None,
        values: tuple[bytes, ...] | None = None,
    ) -> None:
        self.ids, self.max_weight, self.min_byte = ids, max_weight, min_byte
        self._data, self._compression, self._weights = data, compression, weights
        self.values = values  # given only for postings not read from blocks

    def weights(self) -> tuple[float, ...]:
        """The postings' weights (term frequency times field boost), in ``ids`` order."""
        if self._weights is None:
            self._weights = _decode_weights(self._data, self._compression, len(self.ids))
        return self._weights

    def data(self) -> bytes:
        """The block's whole pickled data (ids, weights, position records)."""
        return zlib.decompress(self._data) if self._compression else self._data


@dataclass(slots=True)
class TermPostings:
    """A term's blocks in one segment; ``docs`` leaves out deleted documents."""

    blocks: list[Block]
    docs: set[int]


EMPTY = TermPostings([], set())


def read_postings(reader: Any, fieldname: str, text: Any, deleted: frozenset[int]) -> TermPostings:
    """The postings of ``fieldname:text`` in the segment ``reader`` (EMPTY if absent)."""
    try:
        info = reader.term_info(fieldname, text)
    except TermNotFound:
        return EMPTY
    postfile = getattr(getattr(reader, "_terms", None), "_postfile", None)
    if info.is_inlined():  # a rare term's postings live in its dictionary entry
        ids, weights, values = info.inlined_postings()
        min_byte = length_to_byte(info.min_length())
        blocks = [Block(tuple(ids), info.max_weight(), min_byte, weights=weights, values=values)]
    elif isinstance(info, W3TermInfo) and postfile is not None:
        offset, length = info.extent()
        length = length[0] if isinstance(length, tuple) else length  # so in 2.7.5
        blocks = _read_blocks(postfile.get(offset, length))
    else:
        blocks = [_step_through(reader.postings(fieldname, text), info)]
    docs: set[int] = set()
    for block in blocks:
        docs.update(block.ids)
    if deleted:
        docs -= deleted
    return TermPostings(blocks, docs)


def _read_blocks(buf: bytes) -> list[Block]:
    """Every block of a W3 postings list, from its bytes in the postings file."""
    if buf[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a W3 postings list")
    stream = io.BytesIO(buf)
    blocks, pos = [], 4
    while pos < len(buf):
        (length,) = _INT.unpack_from(buf, pos)
        stream.seek(pos + _INT.size)
        count, _maxid, max_weight, compression, min_byte, _max_byte = pickle.load(stream)
        end = pos + _INT.size + abs(length)
        data = buf[stream.tell() : end]
        ids = _decode_ids(data, compression, count)
        blocks.append(Block(ids, max_weight, min_byte, data, compression))
        if length < 0:
            break
        pos = end
    return blocks


def _head(data: bytes, compression: int, size: int) -> bytes:
    return zlib.decompressobj().decompress(data, size) if compression else data


def _unpickle_all(data: bytes, compression: int) -> Any:
    return pickle.loads(zlib.decompress(data) if compression else data)


def _decode_ids(data: bytes, compression: int, count: int) -> tuple[int, ...]:
    """A block's document numbers, unpickled from the head of its data."""
    head = _head(data, compression, 16 + 5 * count)
    cut = _ids_end(head)
    deltas = pickle.loads(head[:cut] + b".") if cut > 0 else None
    if deltas is None or len(deltas) != count:  # not the layout expected
        deltas = _unpickle_all(data, compression)[0]
    return tuple(accumulate(deltas))  # stored as gaps


def _decode_weights(data: bytes, compression: int, count: int) -> tuple[float, ...]:
    """A block's weights, which follow its document numbers in the pickle."""
    head = _head(data, compression, 16 + 14 * count)
    cut = _ids_end(head)
    end = _weights_end(head, cut + 2, count) if cut > 0 else -1
    raw = pickle.loads(b"\x80\x02" + head[cut + 2 : end] + b".") if end > 0 else None
    if end < 0:
        raw = _unpickle_all(data, compression)[1]
    if raw is None:
        return (1.0,) * count
    if isinstance(raw, float | int):
        return (float(raw),) * count
    return tuple(raw)


def _ids_end(head: bytes) -> int:
    """Where the ids tuple ends: at the pickle's first memo store (BINPUT 0) after it."""
    at = head.find(b"q\x00")
    while at > 2 and head[at - 1] not in _TUPLE_ENDS:
        at = head.find(b"q\x00", at + 1)
    return at


def _weights_end(head: bytes, at: int, count: int) -> int:
    """The end of the weights pickled at ``at``: None, one float, or ``count`` floats."""
    first = head[at : at + 1]
    if first in (b"N", b")"):
        return at + 1
    if first == b"(":
        end = at + 1 + 9 * count
        return end + 1 if head[end : end + 1] == b"t" else -1
    if first != b"G":
        return -1
    if count in (2, 3) and head[at + 9 : at + 10] == b"G":
        end = at + 9 * count
        return end + 1 if head[end : end + 1] and head[end] in _TUPLE_ENDS else -1
    return at + 9


def _step_through(matcher: Any, info: Any) -> Block:
    """One block from any other matcher (another codec)."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    min_byte = length_to_byte(info.min_length())
    return Block(
        tuple(ids), info.max_weight(), min_byte, weights=tuple(weights), values=tuple(values)
    )
