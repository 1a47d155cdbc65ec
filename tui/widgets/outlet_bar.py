"""Counts by outlet for the current search, with the active filter marked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.safe import inert


class OutletBar(Static):
    """``All 3 · [Press TV 1] · UPI 1``: the filter is bracketed and bold, not only coloured."""

    DEFAULT_CSS = """
    OutletBar { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(Content(""), **kwargs)  # type: ignore[arg-type]
        self.counts: dict[str, int] = {}
        self.active = ""

    def show(self, counts: dict[str, int], total: int, active: str, status: str = "") -> None:
        self.counts, self.active = counts, active
        parts = [self._item("All", total, active == "")]
        parts += [self._item(name, n, name == active) for name, n in counts.items()]
        line = Content(" · ").join(parts)
        if status:
            line = Content.assemble(line, Content("   "), inert(status, "italic"))
        self.update(line)

    def show_status(self, status: str) -> None:
        self.update(inert(status, "italic"))

    @staticmethod
    def _item(name: str, count: int, active: bool) -> Content:
        label = inert(f"{name} {count}")
        return Content.assemble("[", label.stylize("bold"), "]") if active else label

    def next_filter(self) -> str:
        """The outlet after the active one (cycling through All)."""
        names = ["", *self.counts]
        position = names.index(self.active) if self.active in names else 0
        return names[(position + 1) % len(names)]
