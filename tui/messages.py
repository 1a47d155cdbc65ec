"""Messages workers post to the UI (workers never touch widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from index.search import SearchResult


class SearchFinished(Message):
    """A search ran; the handler drops it if the query or filter has changed since."""

    def __init__(
        self, query: str, outlet: str, result: SearchResult | None, error: str = ""
    ) -> None:
        super().__init__()
        self.query = query
        self.outlet = outlet
        self.result = result
        self.error = error


class IndexReady(Message):
    """The search index is prepared (or failed to be, with ``error`` set)."""

    def __init__(self, indexed: int, error: str = "") -> None:
        super().__init__()
        self.indexed = indexed
        self.error = error
