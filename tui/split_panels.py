"""What the entities and claims panels do in the story split view: mark an entity's mentions
or a claim in every outlet's column, and go to the row holding them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.split_view import SplitView

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    from index.model import Article
    from tui.panel_data import PanelData

    _Base = Screen[None]
else:
    _Base = object

Marks = dict[tuple[int, int], list[tuple[int, int]]]  # (column, paragraph) -> spans


class SplitPanels(_Base):
    """Mixin for ``SplitScreen`` (after ``PanelScreen``): the panels' requests, answered."""

    if TYPE_CHECKING:
        articles: list[Article]
        panel_data: PanelData | None

    def _view(self) -> SplitView | None:
        found = self.query(SplitView)
        return found.first() if found else None

    def _columns(self) -> dict[str, int]:
        return {a.id: n for n, a in enumerate(self.articles)}

    def focus_main(self) -> None:
        view = self._view()
        if view is not None:
            view.focus()

    def panel_closed(self, panel: Widget | None) -> None:
        view = self._view()
        if view is not None and view.marked:
            view.mark({})

    def on_entity_panel_highlighted(self, message: EntityPanel.Highlighted) -> None:
        view = self._view()
        if view is None or not self.query_one(EntityPanel).has_class("-open"):
            return
        columns, marks = self._columns(), Marks()
        for m in message.entity.mentions if message.entity else []:
            if m.article in columns:
                marks.setdefault((columns[m.article], m.paragraph), []).append((m.start, m.end))
        view.mark(marks)

    def on_entity_panel_chosen(self, message: EntityPanel.Chosen) -> None:
        view = self._view()
        if view is None:
            self.notify("The story is still being aligned.", markup=False)
            return
        rows = sorted({r for c, i in view.marked if (r := view.row_of(c, i)) is not None})
        if not rows:
            self.notify("Not named in the aligned paragraphs.", markup=False)
            return
        row = next((r for r in rows if r > view.current), rows[0])
        view.go_to(row, sorted({c for c, i in view.marked if i in view.rows[row].cells[c]}))

    def on_claim_panel_chosen(self, message: ClaimPanel.Chosen) -> None:
        view, data = self._view(), self.panel_data
        if view is None or data is None:
            self.notify("The story is still being aligned.", markup=False)
            return
        columns, marks = self._columns(), Marks()
        found: dict[int, int] = {}  # column -> row
        for claim in data.cluster_claims(message.claim):
            column = columns.get(claim.article)
            if column is None:
                continue
            marks.setdefault((column, claim.paragraph), []).append((claim.start, claim.end))
            row = view.row_of(column, claim.paragraph)
            if row is not None:
                found.setdefault(column, row)
        view.mark(marks)
        if not found:
            self.notify("This claim is outside the aligned paragraphs.", markup=False)
            return
        own = columns.get(message.claim.article, -1)
        row = found.get(view.column, found.get(own, min(found.values())))
        view.go_to(row, sorted(c for c, r in found.items() if r == row))
        rows = sorted(set(found.values()))
        if len(rows) > 1:
            where = ", ".join(str(r + 1) for r in rows)
            self.notify(f"The outlets carry it on different rows: {where}", markup=False)
