"""The entities panel: the names in an article or story by type, with mentions per outlet.

Names and outlets are untrusted and shown inert. The panel only posts messages: the
highlighted entity (its mentions are marked in the text), ``enter`` (go to its next mention)
and ``f`` (search the library for it); the screen does the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.entity_resolve import Entity
from tui.keys import with_ids
from tui.safe import inert

TYPE_NAMES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places"}


def _type_order(kind: str) -> tuple[int, str]:
    order = list(TYPE_NAMES)
    return (order.index(kind) if kind in order else len(order), kind)


def _rank(entity: Entity, focus: set[str]) -> tuple[int, int, str]:
    """Most mentioned in the focus articles first, then in the story, then by name."""
    here = sum(1 for m in entity.mentions if m.article in focus)
    return (-here, -len(entity.mentions), entity.name.casefold())


def _entry(entity: Entity, focus: set[str]) -> Content:
    """The name with its mentions in the focus articles, then its mentions per outlet."""
    here = sum(1 for m in entity.mentions if m.article in focus)
    ranked = sorted(entity.outlets.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    counts = " · ".join(f"{outlet} {n}" for outlet, n in ranked)
    return Content("\n").join(
        [Content.assemble(inert(entity.name), inert(f" ×{here}", "dim")), inert(counts, "dim")]
    )


class EntityPanel(OptionList, inherit_bindings=False):
    """The list of entities; hidden until ``e`` opens it."""

    HELP = """
## Entities

The names in this article (or story) by type: how often each is mentioned here, then its
mentions per outlet across the story. The highlighted name's mentions are marked in the text.

- `enter`: go to its next mention · `f` or `/`: search the library for it
- `escape` or `e`: close the panel
"""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="entities_down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities_up"),
        Binding("f,slash", "search", "Search it", id="entity_search"),
        Binding("escape", "close", "Close", id="entities_close"),
        *with_ids(OptionList.BINDINGS, "entities"),
    ]

    DEFAULT_CSS = """
    EntityPanel {
        dock: right; width: 34; max-width: 45%; height: 1fr; margin-bottom: 1;
        border: round $panel-lighten-2; display: none;
    }
    EntityPanel:focus { border: round $accent; }
    EntityPanel.-open { display: block; }
    EntityPanel > .option-list--option { padding: 0 1; }
    """

    class Closed(Message):
        """The panel asked to be closed (``escape``)."""

    class Highlighted(Message):
        """This entity is highlighted (None: no entity): mark its mentions."""

        def __init__(self, entity: Entity | None) -> None:
            super().__init__()
            self.entity = entity

    class Chosen(Message):
        """``enter`` on an entity: go to its next mention."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class Search(Message):
        """Search the library for this name."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.loaded = False
        self.entities: dict[str, Entity] = {}
        self.border_title = "Entities"

    def on_mount(self) -> None:
        if not self.loaded:
            self.set_options([Option(inert("Reading the names…", "dim"), disabled=True)])

    def show(self, entities: Sequence[Entity], focus: Sequence[str], note: str = "") -> None:
        """List these entities by type, most mentioned first within a type."""
        self.loaded = True
        self.entities = {e.id: e for e in entities}
        wanted = set(focus)
        groups: dict[str, list[Entity]] = {}
        for entity in entities:
            groups.setdefault(entity.type, []).append(entity)
        options: list[Option] = []
        for kind in sorted(groups, key=_type_order):
            found = sorted(groups[kind], key=lambda e: _rank(e, wanted))
            name = TYPE_NAMES.get(kind, kind.title())
            options.append(Option(inert(f"{name} ({len(found)})", "bold"), disabled=True))
            options += [Option(_entry(e, wanted), id=e.id) for e in found]
        if not options:
            options.append(Option(inert(note or "No names found here.", "dim"), disabled=True))
        self.set_options(options)
        self.border_title = f"Entities ({len(entities)})"
        self.border_subtitle = "enter: next · f: search"
        first = next((n for n, o in enumerate(options) if o.id), None)
        if first is not None:
            self.highlighted = first

    def current(self) -> Entity | None:
        if self.highlighted is None:
            return None
        return self.entities.get(self.get_option_at_index(self.highlighted).id or "")

    def on_focus(self) -> None:
        self.post_message(self.Highlighted(self.current()))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.current()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.current()
        if entity is not None:
            self.post_message(self.Chosen(entity))

    def action_search(self) -> None:
        entity = self.current()
        if entity is not None:
            self.post_message(self.Search(entity.name))

    def action_close(self) -> None:
        self.post_message(self.Closed())
