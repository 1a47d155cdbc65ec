"""Values kept per searcher (one index generation): whole per-segment columns and more.

Facets count outlets over every match, and scoring needs each scored document's field
length; both are read as whole columns, indexed by segment document number, and kept until
the searcher changes (only the newest searcher is ever asked).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import length_to_byte

UNKNOWN_OUTLET = "(unknown)"

_OWNER: list[Any] = [None]  # the searcher the cached values belong to
_CACHE: dict[Any, Any] = {}


def per_searcher(searcher: Any) -> dict[Any, Any]:
    """A dict for values computed once per searcher, emptied when the searcher changes."""
    if _OWNER[0] is not searcher:
        _CACHE.clear()
        _OWNER[0] = searcher
    return _CACHE


def _cached(searcher: Any, key: tuple[int, str], read: Any) -> Any:
    cache = per_searcher(searcher)
    if key not in cache:
        cache[key] = read()
    return cache[key]


def segment_outlets(searcher: Any, number: int) -> Sequence[str]:
    """Each document's outlet in segment ``number`` of ``searcher``."""
    reader = searcher.leaf_searchers()[number][0].reader()

    def read() -> Sequence[str]:
        if not reader.has_column("outlet_facet"):
            return [UNKNOWN_OUTLET] * reader.doc_count_all()
        raw = reader.column_reader("outlet_facet", translate=False)
        fast = _var_bytes(raw)
        if fast is not None:
            return fast
        return list(reader.column_reader("outlet_facet", translate=True))

    return _cached(searcher, (number, "outlet_facet"), read)


def _var_bytes(column: Any) -> list[str] | None:
    """A whole variable-length text column read in one piece and cut in memory (Whoosh
    reads it one seek and read per document: ~2.5 µs each, a quarter second at 100k);
    None when ``column`` is not laid out as expected."""
    try:
        lengths, offsets = column._lengths, column._offsets
        data = column._dbfile.get(column._basepos, sum(lengths))
    except (AttributeError, TypeError, ValueError, OSError):
        return None
    decoded: dict[bytes, str] = {}
    values = []
    for offset, length in zip(offsets, lengths, strict=True):
        piece = data[offset : offset + length]
        value = decoded.get(piece)
        if value is None:
            value = decoded[piece] = piece.decode("utf-8")
        values.append(value)
    return values


def segment_length_bytes(searcher: Any, number: int, fieldname: str) -> Sequence[int]:
    """Each document's length in ``fieldname`` as Whoosh stores it (one byte, log scale)."""
    reader = searcher.leaf_searchers()[number][0].reader()
    return _cached(
        searcher, (number, f"length:{fieldname}"), lambda: _length_bytes(reader, fieldname)
    )


def _length_bytes(reader: Any, fieldname: str) -> Sequence[int]:
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is None or not hasattr(column, "_dbfile"):
        return _LengthsByDoc(reader, fieldname)
    stored = min(column._count, count)
    raw = column._dbfile.get(column._basepos, stored)  # one unsigned byte a document
    return raw + bytes(count - stored)


class _LengthsByDoc(Sequence[int]):
    """Fallback: length bytes looked up one document at a time."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        self.reader, self.fieldname = reader, fieldname

    def __getitem__(self, docnum: int) -> int:  # type: ignore[override]
        return int(length_to_byte(self.reader.doc_field_length(docnum, self.fieldname, 1) or 1))

    def __len__(self) -> int:
        return int(self.reader.doc_count_all())
