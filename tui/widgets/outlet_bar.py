"""Counts by outlet for the current search, with the active filter always shown."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.safe import inert


class OutletBar(Static):
    """``All 3 · [Press TV 1] · UPI 1``: the filter is bracketed and bold, not only coloured.

    An active filter stays in view even when it matches nothing, and beside any status line,
    so fewer results never go unexplained.
    """

    DEFAULT_CSS = """
    OutletBar { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(Content(""), **kwargs)  # type: ignore[arg-type]
        self.counts: dict[str, int] = {}
        self.active = ""

    def show(self, counts: dict[str, int], total: int, active: str, status: str = "") -> None:
        self.counts, self.active = counts, active
        shown = counts if not active or active in counts else {**counts, active: 0}
        parts = [self._item("All", total, active == "")]
        parts += [self._item(name, n, name == active) for name, n in shown.items()]
        line = Content(" · ").join(parts)
        if status:
            line = Content.assemble(line, Content("   "), inert(status, "italic"))
        self.update(line)

    def show_status(self, status: str, active: str = "") -> None:
        """A status line instead of counts; an active filter is named before it."""
        self.active = active
        line = inert(status, "italic")
        if active:
            line = Content.assemble(
                inert("outlet filter "), self._item(active, None, True), Content(" · "), line
            )
        self.update(line)

    @staticmethod
    def _item(name: str, count: int | None, active: bool) -> Content:
        label = inert(name if count is None else f"{name} {count}")
        return Content.assemble("[", label.stylize("bold"), "]") if active else label

    def next_filter(self) -> str:
        """The outlet after the active one (cycling through All)."""
        names = ["", *self.counts]
        if self.active not in names:
            return ""  # a filter that matches nothing here: back to all outlets
        return names[(names.index(self.active) + 1) % len(names)]
